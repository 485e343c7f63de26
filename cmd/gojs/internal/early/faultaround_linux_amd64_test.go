package early

import (
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// The binary's read-only segments are registered with the userfaultfd (smaps shows "uw" in
// their VmFlags), unless this kernel has no asynchronous write-protect mode.
func TestFaultAroundOff(t *testing.T) {
	if os.Getenv("GOJS_FAULT_AROUND") == "1" {
		if readOnlySegs[0][1] != 0 {
			t.Fatal("segments registered with GOJS_FAULT_AROUND=1")
		}
		return
	}
	if readOnlySegs[0][1] == 0 {
		t.Skip("no userfaultfd write-protect mode here")
	}
	text := uint64(reflect.ValueOf(TestFaultAroundOff).Pointer())
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	in := false
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if lo, hi, ok := strings.Cut(f[0], "-"); ok && len(f) >= 5 {
			l, e1 := strconv.ParseUint(lo, 16, 64)
			h, e2 := strconv.ParseUint(hi, 16, 64)
			in = e1 == nil && e2 == nil && l <= text && text < h
			continue
		}
		if in && f[0] == "VmFlags:" {
			if !strings.Contains(line, " uw") {
				t.Fatalf("text mapping not write-protect registered: %s", line)
			}
			DropStartPages() // and the process runs on after its pages are dropped
			return
		}
	}
	t.Fatal("no mapping holds the text")
}
