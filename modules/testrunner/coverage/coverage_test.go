package coverage

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// dump runs src instrumented in a fresh runtime and prints its V8-shaped coverage the way the
// testdata/*.want files (made by node with NODE_V8_COVERAGE) print V8's.
func dump(t *testing.T, path, src string) string {
	t.Helper()
	vm := goja.New()
	c := For(&modules.Host{VM: vm, ExecArgv: []string{Flag}})
	code := c.Instrument(path, src)
	if code == src {
		t.Fatalf("%s was not instrumented", path)
	}
	if _, err := vm.RunScript(path, code); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var sb strings.Builder
	for _, f := range c.files {
		r := f.raw()
		for _, fn := range r.Functions {
			fmt.Fprintf(&sb, "FN %q block=%v\n", fn.FunctionName, fn.IsBlockCoverage)
			for _, rg := range fn.Ranges {
				s := fmt.Sprintf("%q", f.src[rg.StartOffset:rg.EndOffset])
				if len(s) > 60 {
					s = s[:60]
				}
				fmt.Fprintf(&sb, "  [%d,%d) %d %s\n", rg.StartOffset, rg.EndOffset, rg.Count, s)
			}
		}
	}
	return sb.String()
}

// TestRangesMatchV8 compares the ranges with V8's block coverage of the same programs.
func TestRangesMatchV8(t *testing.T) {
	files, _ := filepath.Glob("testdata/v8_*.js")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, p := range files {
		src, _ := os.ReadFile(p)
		want, _ := os.ReadFile(strings.TrimSuffix(p, ".js") + ".want")
		abs, _ := filepath.Abs(p)
		if got := dump(t, abs, string(src)); got != string(want) {
			t.Errorf("%s:\n got:\n%s\nwant:\n%s", p, got, want)
		}
	}
}

// TestInstrumentedBehaves runs programs with and without counters: same results, and the
// counters stay out of the way of hoisting, directives, ASI and every statement form.
func TestInstrumentedBehaves(t *testing.T) {
	progs := []string{
		`'use strict'; function f() { return this; } f() === undefined`,
		`g(); function g() { return 1 } g()`,
		"let a = 1\nlet b = a\n? 2\n: 3\nb",
		"function f(x) { if (x) return 1\n else if (x === 0) return 0\n return -1 }\n[f(1), f(0), f(null)].join()",
		"var out = []; for (var i = 0; i < 3; i++) if (i % 2) continue; else out.push(i); out.join()",
		"var n = 0; outer: for (const x of [1, 2]) { for (const y in {a: 1}) { if (x > 1) break outer; n++ } } n",
		"var s = ''; switch (3) { case 1: s += 'a'; case 3: s += 'b'; case 4: { s += 'c'; break } default: s += 'd' } s",
		"function r(f) { try { if (f) throw new Error('x'); return 'ok' } catch { return 'c' } finally { } } r(1) + r(0)",
		"var x = null; (x ?? 5) + (x || 1) + (x && 2 || 3)",
		"class A { #p = 1; static s() { return new A().g } get g() { return this.#p } set g(v) {} } A.s()",
		"var o = { m() { return 1 }, get v() { return 2 }, ['k' + 1]: () => 3 }; o.m() + o.v + o.k1()",
		"var f = async () => { await null; return 1 }; typeof f()",
		"function* gen() { yield 1; yield 2 } [...gen()].length",
		"var t = (a, b = a ? 1 : 2) => b; t(0)",
		"do x = 1; while (false); x",
		"var i = 0; while (i < 3) i++; i",
		"`${1 ? 'a' : 'b'}`",
		"(function () { return arguments.length })(1, 2)",
		"var q = 0; if (q) { } else { q = 2 } q",
		"function f(x) {\n  'use strict'\n  if (x) return x\n  return this\n}\nf(0) === undefined",
		"function g(n) { for (;;) { if (n) break\n n++ }\n return n\n}\ng(0)",
		"var k = 0\nif (k) k = 1\nelse k = 2\nk",
	}
	for _, p := range progs {
		vm := goja.New()
		want, err := vm.RunString(p)
		if err != nil {
			t.Fatalf("%q: %v", p, err)
		}
		plan, ok := Instrument("/t.js", p, "C", "")
		if !ok {
			t.Errorf("%q: not instrumented", p)
			continue
		}
		vm2 := goja.New()
		vm2.Set("C", vm2.NewArray(make([]any, plan.Counters)...))
		_, _ = vm2.RunString("for (let i = 0; i < C.length; i++) C[i] = 0")
		got, err := vm2.RunScript("/t.js", plan.Source)
		if err != nil {
			t.Errorf("%q: %v\n%s", p, err, plan.Source)
			continue
		}
		if !got.StrictEquals(want) && got.String() != want.String() {
			t.Errorf("%q: got %v, want %v", p, got, want)
		}
	}
}

// TestOff: without the flag there is no hook and no collector.
func TestOff(t *testing.T) {
	h := &modules.Host{VM: goja.New()}
	if Hook(h) != nil || For(h) != nil {
		t.Fatal("coverage without --experimental-test-coverage")
	}
}

// TestNotCovered: node leaves out node_modules and anything that is not a file.
func TestNotCovered(t *testing.T) {
	for _, p := range []string{"/a/node_modules/x/index.js", "[eval]", "node:fs"} {
		if Covered(p) {
			t.Errorf("%s covered", p)
		}
	}
	if !Covered("/a/lib.js") {
		t.Error("/a/lib.js not covered")
	}
}

func TestMaskModule(t *testing.T) {
	cases := []struct{ src, want string }{
		{"import a, { b as c } from 'x';\nlet y = 1;", "                              \nlet y = 1;"},
		{"import 'x' with { type: 'json' };", "                                 "},
		{"export const a = 1;", "       const a = 1;"},
		{"export default function () {}", "var $$dflt$$ = function () {}"},
		{"export { a, b as c };\nexport * from 'y';", "                     \n                  "},
		{"export * as ns from 'y'", "                       "},
		{"const u = import.meta.url, m = import('x');", "const u = __imp_.meta.url, m = __imp_('x');"},
		{"let v = await f();\nfor await (const x of y) {}", "let v = void  f();\nfor       (const x of y) {}"},
		{"const s = `import x from 'y'`; // export", "const s = `import x from 'y'`; // export"},
	}
	for _, c := range cases {
		got, _, ok := maskModule("/m.mjs", c.src)
		if !ok || got != c.want {
			t.Errorf("maskModule(%q) = %q, %v; want %q", c.src, got, ok, c.want)
		}
	}
}
