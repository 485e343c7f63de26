package util

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// TestFastPathTakes checks that the Go inspector formats these values itself (no fallback to
// inspect.js); TestCompareNode checks what it prints.
func TestFastPathTakes(t *testing.T) {
	r := newTestRuntime(t)
	r.run(t, "globalThis.process = {env: {}, stdout: {isTTY: false, write() {}, on() {}}, execArgv: [], argv: []};")
	b := r.vm.NewObject()
	if err := bindInspect(r.h, b); err != nil {
		t.Fatal(err)
	}
	fast, _ := goja.AssertFunction(b.Get("fastInspect"))
	for _, src := range []string{
		`(() => { var o = { a: 1 }; o.self = o; return o; })()`,
		`(() => { var a = [1]; a.push({ a }); return a; })()`,
		`(() => { var m = new Map(); m.set('m', m); return m; })()`,
		`(() => { var e = new Error('x'); e.stack = 'Error: x\n    at f (/f.js:1:1)'; e.cause = e; return e; })()`,
		`[/ab+c/gi, new RegExp('a/b'), Object.assign(/x/, { a: 1 })]`,
		`(() => { class R extends RegExp {} return new R('x'); })()`,
		`new Number(3)`, `new String('s')`, `new Boolean(true)`, `Object(Symbol('q'))`, `Object(1n)`, `Object.assign(new String('ab'), { c: 1 })`,
		`[function f() {}, Object.assign(function g() {}, { x: 1 }), Object.assign(async () => {}, { y: 2 })]`,
		`(() => { class A {} class B extends A { static s = 1; } return [A, B, class {}]; })()`,
		`[new Uint8Array([1, 2]), new Float64Array(3), new BigInt64Array(1), Object.assign(new Int8Array(2), { k: 1 })]`,
		`(() => { class U extends Uint8Array {} return new U(2); })()`,
		`({ a: 1, [Symbol('s')]: 2, [Symbol.iterator]: 3 })`,
		`(() => { class EE { constructor() { this._events = Object.create(null); this[Symbol('kCapture')] = false; } } return new EE(); })()`,
		`Object.assign(new Map([[1, 2]]), { [Symbol('m')]: 1 })`,
		`({ get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {}, d: 1 })`,
		`(() => { class K { constructor() { Object.defineProperty(this, 'g', { get() { return 1; }, enumerable: true }); } } return new K(); })()`,
	} {
		v, err := r.vm.RunString(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		for _, colors := range []bool{false, true} {
			if colors && strings.Contains(src, "Error") {
				continue // (coloured stacks mark node_modules and the working directory: inspect.js)
			}
			res, err := fast(goja.Undefined(), v, r.vm.ToValue(2), r.vm.ToValue(80), r.vm.ToValue(3), r.vm.ToValue(100), r.vm.ToValue(10000), r.vm.ToValue(0), r.vm.ToValue(false), r.vm.ToValue(colors))
			if err != nil {
				t.Fatalf("%s: %v", src, err)
			}
			if goja.IsUndefined(res) {
				t.Errorf("the Go inspector bailed on %s (colors %v)", src, colors)
			}
		}
	}
}
