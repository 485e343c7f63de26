package early

import (
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// record builds a record's bytes from words, after the magic.
func record(words ...uint64) []byte {
	b := []byte(startPagesMagic)
	for _, w := range words {
		b = binary.LittleEndian.AppendUint64(b, w)
	}
	return b
}

// A record is used only when it is for these segments and every range in it lies inside them.
func TestParseRecord(t *testing.T) {
	saveRO, saveW := readOnlySegs, writableSeg
	defer func() {
		readOnlySegs, writableSeg = saveRO, saveW
		initRuns, mainRuns, dataRuns, earlyRuns = nil, nil, nil, nil
	}()
	readOnlySegs = [4][2]uintptr{{0x400000, 0x500000}, {0x500000, 0x600000}}
	writableSeg = [2]uintptr{0x600000, 0x700000}
	segs := []uint64{0x400000, 0x500000, 0x500000, 0x600000, 0, 0, 0, 0, 0x600000, 0x700000}
	good := func(sets ...uint64) []byte { return record(append(append([]uint64{}, segs...), sets...)...) }

	ok := good(1, 0x401000, 0x403000, 2, 0x401000, 0x402000, 0x510000, 0x511000, 1, 0x600000, 0x601000, 1, 0x401000, 0x402000)
	if !parseRecord(ok) {
		t.Fatal("a good record was refused")
	}
	if len(initRuns) != 1 || len(mainRuns) != 2 || len(dataRuns) != 1 || len(earlyRuns) != 1 {
		t.Fatalf("parsed %v %v %v %v", initRuns, mainRuns, dataRuns, earlyRuns)
	}
	for name, b := range map[string][]byte{
		"empty":                   nil,
		"bad magic":               append([]byte("gojs-start-pages-2\n"), ok[len(startPagesMagic):]...),
		"not whole words":         ok[:len(ok)-3],
		"other segments":          record(append([]uint64{0x400000, 0x500001}, append(segs[2:], 0, 0, 0, 0, 0)...)...),
		"read-only run outside":   good(1, 0x300000, 0x301000, 0, 0, 0),
		"run across segments":     good(1, 0x4ff000, 0x501000, 0, 0, 0),
		"unaligned run":           good(1, 0x401001, 0x402000, 0, 0, 0),
		"empty run":               good(1, 0x401000, 0x401000, 0, 0, 0),
		"overlapping runs":        good(2, 0x401000, 0x403000, 0x402000, 0x404000, 0, 0, 0),
		"data run in read-only":   good(0, 0, 1, 0x401000, 0x402000, 0),
		"count past the end":      good(100, 0x401000, 0x402000),
		"missing set":             good(0, 0, 0),
		"words after the record":  good(0, 0, 0, 0, 7),
		"read-only run in writes": good(0, 1, 0x601000, 0x602000, 0, 0),
		"early run in writes":     good(0, 0, 0, 1, 0x601000, 0x602000),
	} {
		if parseRecord(b) {
			t.Errorf("%s: record accepted", name)
		}
	}
}

// The first run of a binary writes its record; the next one reads it and maps its pages ahead.
func TestStartPagesRecorded(t *testing.T) {
	if os.Getenv("GOJS_START_PAGES_CHILD") == "1" {
		DropStartPages() // as main does
		fmt.Printf("learning=%v init=%d main=%d data=%d\n", learning, len(initRuns), len(mainRuns), len(dataRuns))
		RecordStartPages()
		return
	}
	if readOnlySegs[0][1] == 0 || writableSeg[1] == 0 || Traced() {
		t.Skip("no start pages here: fault-around is on, the binary is a PIE, or it is traced")
	}
	cache := t.TempDir()
	run := func() string {
		cmd := exec.Command(os.Args[0], "-test.run=^TestStartPagesRecorded$", "-test.v")
		cmd.Env = append(os.Environ(), "GOJS_START_PAGES_CHILD=1", "XDG_CACHE_HOME="+cache, "GOJS_START_PAGES=")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		for _, line := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(line, "learning=") {
				return line
			}
		}
		t.Fatalf("no state line in\n%s", out)
		return ""
	}
	if got := run(); !strings.HasPrefix(got, "learning=true") {
		t.Fatalf("first run: %s", got)
	}
	files, _ := filepath.Glob(filepath.Join(cache, "gojs", "start-pages", "*"))
	if len(files) != 1 {
		t.Fatalf("records after the first run: %v", files)
	}
	got := run()
	var init, main, data int
	if _, err := fmt.Sscanf(got, "learning=false init=%d main=%d data=%d", &init, &main, &data); err != nil {
		t.Fatalf("second run: %s (%v)", got, err)
	}
	if init == 0 || main == 0 || data == 0 {
		t.Fatalf("second run read an empty record: %s", got)
	}
}

// The cache directory keeps the newest records only.
func TestPruneRecords(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 5; i++ {
		name := filepath.Join(dir, fmt.Sprint("r", i))
		if err := os.WriteFile(name, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		ts := int64(1e9 + i*1000) // r0 oldest
		if err := os.Chtimes(name, time.Unix(ts, 0), time.Unix(ts, 0)); err != nil {
			t.Fatal(err)
		}
	}
	pruneRecords(dir, 2)
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	for i := range names {
		names[i] = filepath.Base(names[i])
	}
	if !reflect.DeepEqual(names, []string{"r3", "r4"}) {
		t.Fatalf("left %v, want [r3 r4]", names)
	}
}

func TestSubtractRuns(t *testing.T) {
	k := func(a, b uintptr) pageRun { return pageRun{a << 12, b << 12} }
	for _, c := range []struct{ a, b, want []pageRun }{
		{[]pageRun{k(1, 5)}, nil, []pageRun{k(1, 5)}},
		{nil, []pageRun{k(1, 5)}, nil},
		{[]pageRun{k(1, 5)}, []pageRun{k(1, 5)}, nil},
		{[]pageRun{k(1, 10)}, []pageRun{k(2, 3), k(5, 7)}, []pageRun{k(1, 2), k(3, 5), k(7, 10)}},
		{[]pageRun{k(1, 4), k(6, 9)}, []pageRun{k(0, 2), k(3, 7), k(8, 20)}, []pageRun{k(2, 3), k(7, 8)}},
		{[]pageRun{k(1, 2), k(3, 4)}, []pageRun{k(2, 3)}, []pageRun{k(1, 2), k(3, 4)}},
	} {
		if got := subtractRuns(c.a, c.b); !reflect.DeepEqual(got, c.want) {
			t.Errorf("subtractRuns(%x, %x) = %x, want %x", c.a, c.b, got, c.want)
		}
	}
}

// adviseRuns advises every run, or nothing (a kernel before 6.15).
func TestAdviseRuns(t *testing.T) {
	b, err := syscall.Mmap(-1, 0, 16<<12, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(b)
	for i := range b {
		b[i] = 1
	}
	base := uintptr(unsafe.Pointer(&b[0]))
	if !adviseRuns([]pageRun{{base + 1<<12, base + 3<<12}, {base + 7<<12, base + 8<<12}}, syscall.MADV_DONTNEED) {
		t.Skip("process_madvise cannot advise this process here")
	}
	for p := 0; p < 16; p++ {
		dropped := p == 1 || p == 2 || p == 7
		if got := b[p<<12] == 0; got != dropped {
			t.Errorf("page %d: dropped %v, want %v", p, got, dropped)
		}
	}
}
