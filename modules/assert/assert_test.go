package assert_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

func run(t *testing.T, src string) string { return runtimetest.Printed(t, src) }

// The deep-equality table; the expectations are node v20's answers.
func TestDeepEqual(t *testing.T) {
	src := `const assert = require('assert');
const s = (a, b) => { try { assert.deepStrictEqual(a, b); return 'T'; } catch (e) { if (e.code !== 'ERR_ASSERTION') throw e; return 'F'; } };
const l = (a, b) => { try { assert.deepEqual(a, b); return 'T'; } catch (e) { if (e.code !== 'ERR_ASSERTION') throw e; return 'F'; } };
const sym = Symbol('s');
class A { constructor() { this.a = 1; } } class B { constructor() { this.a = 1; } }
const c1 = { a: 1 }; c1.self = c1; const c3 = { a: 1 }; c3.self = { a: 1, self: c3 };
const re = /a/g; const re2 = /a/g; re2.lastIndex = 3;
const cases = [
  [1, 1], [-0, 0], [NaN, NaN], [1, '1'], [null, undefined], [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }],
  [new A(), new B()], [Object.create(null), {}], [[1, , 3], [1, undefined, 3]], [new Date(0), new Date(0)],
  [new Date(0), new Date(1)], [/a/g, /a/i], [re, re2], [new Error('m'), new Error('m')], [new TypeError('m'), new Error('m')],
  [new Map([[1, 'a'], [2, 'b']]), new Map([[2, 'b'], [1, 'a']])], [new Map([[1, 'a']]), new Map([['1', 'a']])],
  [new Set([{ a: 1 }, { b: 2 }]), new Set([{ b: 2 }, { a: 1 }])], [new Set([1]), new Set(['1'])],
  [new Uint8Array([1, 2]), new Uint8Array([1, 2])], [new Uint8Array([1]), new Int8Array([1])],
  [new Float64Array([-0]), new Float64Array([0])], [new Float64Array([NaN]), new Float64Array([NaN])],
  [new Number(1), new Number(1)], [new Number(1), 1], [new Number(-0), new Number(0)], [Object(sym), Object(sym)],
  [{ [sym]: 1 }, { [sym]: 2 }], [c1, c3], [function f() {}, function f() {}], [1n, 1], [0, false], ['', 0],
  [new Error('a', { cause: 1 }), new Error('a', { cause: 2 })], [new Uint8Array([1]).buffer, new Uint8Array([1]).buffer],
];
print(cases.map(([a, b]) => s(a, b) + l(a, b)).join(' '));`
	want := "TT FT TT FT FT TT FT FT FF TT FF FF FF TT FF TT FT TT FT TT FF FT TF TT FF FF TT FT TT FF FT FT FT FF TT\n"
	if got := run(t, src); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func TestAssertions(t *testing.T) {
	src := `const assert = require('assert');
function t(f) { try { f(); print('pass'); } catch (e) { print(e.name, e.code, e.operator, e.generatedMessage, JSON.stringify(e.message)); } }
t(() => assert.strictEqual(1, 2));
t(() => assert.ok());
t(() => assert.ok(0, 'custom'));
t(() => assert.equal(NaN, NaN));
t(() => assert.throws(() => {}));
t(() => assert.throws(() => { throw new Error('foo'); }, TypeError));
t(() => assert.throws(() => { throw new Error('foo'); }, (e) => e.message === 'foo'));
t(() => assert.doesNotThrow(() => { throw new Error('foo'); }, 'why'));
t(() => assert.ifError(new Error('ie')));
t(() => assert.fail());
t(() => assert.strict.equal(1, 1));
t(() => assert.notStrictEqual(1, 2));
t(() => assert.deepStrictEqual([1], [1], 'm'));
print(require('assert/strict') === assert.strict, Object.keys(assert).length);
assert.rejects(Promise.resolve(1)).catch((e) => print(e.message));`
	want := `AssertionError ERR_ASSERTION strictEqual true "Expected values to be strictly equal:\n\n1 !== 2\n"
AssertionError ERR_ASSERTION == true "No value argument passed to ` + "`assert.ok()`" + `"
AssertionError ERR_ASSERTION == false "custom"
pass
AssertionError ERR_ASSERTION throws false "Missing expected exception."
AssertionError ERR_ASSERTION throws true "The error is expected to be an instance of \"TypeError\". Received \"Error\"\n\nError message:\n\nfoo"
pass
AssertionError ERR_ASSERTION doesNotThrow false "Got unwanted exception: why\nActual message: \"foo\""
AssertionError ERR_ASSERTION ifError false "ifError got unwanted exception: ie"
AssertionError ERR_ASSERTION fail true "Failed"
pass
pass
pass
true 20
Missing expected rejection.
`
	if got := run(t, src); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

// assert.ok without a message quotes the failing call from the caller's source file.
func TestOkMessage(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "ok.js")
	src := "const assert = require('assert'); const { print } = require('testprint');\nfunction t(f) { try { f(); } catch (e) { print(JSON.stringify(e.message)); } }\n" +
		"t(() => assert.ok(typeof 1 === 'string'));\nt(() => assert(\n  1 === 2,\n));\nconst { ok } = assert; t(() => ok(''));\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got := run(t, "require("+jsString(file)+");")
	want := `"The expression evaluated to a falsy value:\n\n  assert.ok(typeof 1 === 'string')\n"
"The expression evaluated to a falsy value:\n\n  assert(\n  1 === 2,\n  )\n"
"The expression evaluated to a falsy value:\n\n  ok('')\n"
`
	if got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func jsString(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}
