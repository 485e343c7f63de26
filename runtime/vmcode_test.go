package runtime

import (
	"strconv"
	"strings"
	"testing"
)

// TestVMCallColumn: a call frame's column in code vm ran moves to the called name, with the
// script's line and column offsets (the column one on its first line only).
func TestVMCallColumn(t *testing.T) {
	rt := &Runtime{}
	rt.noteVMCode("c.js", "a.b.foo(1)\n  bar()\n(x)()", 2, 3, 0)
	for _, tc := range []struct{ line, col, want int }{
		{3, 8 + 3, 5 + 3}, // a.b.foo( on the first line: foo, shifted by columnOffset
		{4, 6, 3},         // bar( on the next line: no shift
		{5, 4, 4},         // (x)(: no name before the call, kept
		{4, 1, 1},         // not a call
		{9, 6, 6},         // past the code
		{1, 6, 6},         // before the code
	} {
		if got := rt.callColumn("c.js", tc.line, tc.col); got != tc.want {
			t.Errorf("line %d col %d: got %d, want %d", tc.line, tc.col, got, tc.want)
		}
	}
	if got := rt.callColumn("other.js", 3, 11); got != 11 {
		t.Errorf("a file vm did not run: got %d", got)
	}
}

// TestNoteVMCodeBounds: what a runtime keeps of vm's code stays bounded in files and bytes.
func TestNoteVMCodeBounds(t *testing.T) {
	rt := &Runtime{}
	rt.noteVMCode("a.js", "x()", 0, 0, 0)
	rt.noteVMCode("a.js", "yy()", 0, 0, 0)
	if len(rt.vmCode) != 1 || rt.vmCodeBytes != 4 {
		t.Fatalf("replaced: %d files, %d bytes", len(rt.vmCode), rt.vmCodeBytes)
	}
	rt.noteVMCode("a.js", strings.Repeat("x", maxVMCodeLen+1), 0, 0, 0)
	if len(rt.vmCode) != 0 || rt.vmCodeBytes != 0 {
		t.Fatalf("too long: %d files, %d bytes", len(rt.vmCode), rt.vmCodeBytes)
	}
	for i := range maxVMCode + 10 {
		rt.noteVMCode(strconv.Itoa(i), "f()", 0, 0, 0)
	}
	if len(rt.vmCode) != maxVMCode {
		t.Fatalf("files: %d", len(rt.vmCode))
	}
	rt = &Runtime{}
	big := strings.Repeat("y", 200<<10)
	for i := range 200 {
		rt.noteVMCode(strconv.Itoa(i), big, 0, 0, 0)
	}
	if rt.vmCodeBytes > maxVMCodeBytes || rt.vmCodeBytes != len(rt.vmCode)*len(big) {
		t.Fatalf("bytes: %d in %d files", rt.vmCodeBytes, len(rt.vmCode))
	}
}
