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
	if a == src {
		t.Fatalf("nothing rewritten (the test would pass on src itself):\n%s", a)
	}
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
