package modules

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

func TestGlueParts(t *testing.T) {
	src := strings.Join([]string{
		"'use strict';",                  // 1
		"let a = 1;",                     // 2
		"//#part one",                    // 3
		"(function ({ a }) {",            // 4
		"  return function f() {",        // 5
		"    throw new Error('in one');", // 6
		"  };",                           // 7
		"})",                             // 8
		"//#end one",                     // 9
		"const b = 2;",                   // 10
		"//#part two",                    // 11
		"(function () { return 2; })",    // 12
		"//#end two",                     // 13
		"function g() { throw new Error('in core'); }", // 14
		"",
	}, "\n")
	core, parts, err := GluePartSources(&src)
	if err != nil {
		t.Fatal(err)
	}
	if n, m := strings.Count(core, "\n"), strings.Count(src, "\n"); n != m {
		t.Errorf("the core has %d lines, the glue %d", n, m)
	}
	if strings.Contains(core, "#part") || strings.Contains(core, "in one") || !strings.Contains(core, "const b = 2;") {
		t.Errorf("core:\n%s", core)
	}
	if len(parts) != 2 || strings.Count(parts["one"], "\n") != 8 || !strings.HasPrefix(parts["two"], strings.Repeat("\n", 11)+"(function") {
		t.Errorf("parts: %q", parts)
	}

	// the part's frames and the core's show the glue's lines
	prg, err := GluePart("node:x", &src, "one")
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := GluePart("node:x", &src, "one"); again != prg {
		t.Error("a part is compiled again")
	}
	vm := goja.New()
	maker, err := vm.RunProgram(prg)
	if err != nil {
		t.Fatal(err)
	}
	mk, _ := goja.AssertFunction(maker)
	fv, err := mk(goja.Undefined(), vm.NewObject())
	if err != nil {
		t.Fatal(err)
	}
	f, _ := goja.AssertFunction(fv)
	_, err = f(goja.Undefined())
	if ex, ok := err.(*goja.Exception); !ok || !strings.Contains(ex.String(), "node:x:6:") {
		t.Errorf("part's throw: %v", err)
	}
	if _, err := vm.RunScript("node:x", core+"\ng();"); err == nil || !strings.Contains(err.(*goja.Exception).String(), "node:x:14:") {
		t.Errorf("core's throw: %v", err)
	}
	if _, err := GluePart("node:x", &src, "three"); err == nil {
		t.Error("no error for a missing part")
	}

	for _, bad := range []string{
		"x;\n//#part one\n(function () {})\n",
		"x;\n//#part one\n(function () {})\n//#end two\n",
		"x;\n//#part one\n(function () {})\n//#end one\n//#part one\n(function () {})\n//#end one\n",
	} {
		if _, _, err := GluePartSources(&bad); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
}
