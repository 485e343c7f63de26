package main

import (
	"bufio"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/cmd/gojs/internal/early"
)

// textRSS is the resident size in kB of the mapping that holds this package's code.
func textRSS(t *testing.T) int {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	pc := uint64(reflect.ValueOf(textRSS).Pointer())
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) >= 5 && strings.Contains(fs[0], "-") && len(fs[1]) == 4 {
			lo, hi, _ := strings.Cut(fs[0], "-")
			a, _ := strconv.ParseUint(lo, 16, 64)
			b, _ := strconv.ParseUint(hi, 16, 64)
			in = a <= pc && pc < b
			continue
		}
		if in && fs[0] == "Rss:" {
			n, _ := strconv.Atoi(fs[1])
			return n
		}
	}
	t.Fatal("no mapping holds the test's code")
	return 0
}

func TestTrimBinary(t *testing.T) {
	if early.Traced() || hasRelro() {
		t.Skip("traced, or an executable with RELRO: only the text would be trimmed")
	}
	before := textRSS(t)
	trimBinary()
	after := textRSS(t) // the code running since has faulted some of it back in
	t.Logf("text resident: %d kB before, %d kB after", before, after)
	if after >= before {
		t.Fatalf("text resident %d kB after the trim, %d kB before", after, before)
	}
	// the program goes on: code and read-only data fault back in
	if s := strings.Repeat("ab", 3); s != "ababab" || strconv.Itoa(42) != "42" {
		t.Fatal("wrong result after the trim")
	}
}

func TestTrimChecks(t *testing.T) {
	if early.Traced() {
		t.Error("early.Traced() without a tracer")
	}
	// go test builds a plain executable (no -buildmode=pie): no RELRO segment
	if hasRelro() {
		t.Log("the test binary has a PT_GNU_RELRO segment")
	}
}
