package modules

import (
	"testing"
	"unsafe"
)

// Every caller of LazyScriptOnce gets the same string, so CompileOnce compiles it once.
func TestLazyScriptOnceShared(t *testing.T) {
	src := "(function (proc) {\nproc.a = function a() { return 1; };\nproc.b = function b() { return 2; };\n})"
	a := LazyScriptOnce("once-test", src, "proc")
	b := LazyScriptOnce("once-test", src, "proc")
	if a != LazyScript("once-test", src, "proc") {
		t.Fatal("LazyScriptOnce differs from LazyScript")
	}
	if unsafe.StringData(a) != unsafe.StringData(b) {
		t.Fatal("two calls gave two strings")
	}
	if CompileOnce("once-test", a) != CompileOnce("once-test", b) {
		t.Fatal("compiled twice")
	}
}

// applyEdits gives what applying each edit to the whole text, from the last place to the first,
// gives: of two insertions at one place, the later-listed comes first.
func TestApplyEdits(t *testing.T) {
	src := "0123456789"
	edits := []lazyEdit{{2, 4, "ab"}, {6, 6, "X"}, {6, 6, "Y"}, {9, 10, ""}, {0, 0, "<"}}
	want := "<01ab45YX678"
	if got := applyEdits(src, edits); got != want {
		t.Fatalf("applyEdits = %q, want %q", got, want)
	}
	// overlapping edits (none of the rewrites makes them) are applied one by one, without a panic
	_ = applyEdits("abcdef", []lazyEdit{{1, 3, "X"}, {2, 4, "Y"}})
}
