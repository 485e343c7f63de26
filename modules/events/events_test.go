package events

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// stubs stand in for internal/errors and internal/validators so the glue can be tested alone.
const stubErrors = `
function mk(Base, code, msg) { const e = new Base(msg); e.code = code; return e; }
module.exports = {
  makeNodeError: mk,
  codes: {
    ERR_INVALID_ARG_TYPE: function (n, exp, v) { return mk(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "' + n + '" argument must be ' + exp); },
    ERR_OUT_OF_RANGE: function (n, r, v) { return mk(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "' + n + '" is out of range. It must be ' + r + '. Received ' + v); },
    ERR_UNHANDLED_ERROR: function (s) { return mk(Error, 'ERR_UNHANDLED_ERROR', 'Unhandled error. (' + s + ')'); },
  },
  AbortError: class AbortError extends Error { constructor(m = 'The operation was aborted', o) { super(m, o); this.code = 'ABORT_ERR'; this.name = 'AbortError'; } },
};`

const stubValidators = `
function t(n) { const e = new TypeError('bad ' + n); e.code = 'ERR_INVALID_ARG_TYPE'; return e; }
module.exports = {
  validateFunction(v, n) { if (typeof v !== 'function') throw t(n); },
  validateBoolean(v, n) { if (typeof v !== 'boolean') throw t(n); },
  validateNumber(v, n, min) { if (typeof v !== 'number') throw t(n); if (min !== undefined && v < min) { const e = new RangeError('range ' + n); e.code = 'ERR_OUT_OF_RANGE'; throw e; } },
  validateObject(v, n) { if (v === null || typeof v !== 'object') throw t(n); },
  validateAbortSignal(v, n) { if (v !== undefined && (v === null || typeof v !== 'object' || !('aborted' in v))) throw t(n); },
};`

func newVM(t *testing.T, slowEmit bool) *goja.Runtime {
	vm := goja.New()
	cache := map[string]goja.Value{}
	core, _, err := modules.GluePartSources(&glue)
	if err != nil {
		t.Fatal(err)
	}
	srcs := map[string]string{"events": core, "internal/errors": stubErrors, "internal/validators": stubValidators,
		"internal/fixed_queue": fixedQueueJS}
	var require func(name string) goja.Value
	require = func(name string) goja.Value {
		if v, ok := cache[name]; ok {
			return v
		}
		src, ok := srcs[name]
		if !ok {
			panic(vm.NewGoError(&notFound{name}))
		}
		prg := goja.MustCompile(name, "(function (exports, require, module, binding, internalBinding) {"+src+"\n})", true)
		fn, err := vm.RunProgram(prg)
		if err != nil {
			t.Fatal(err)
		}
		call, _ := goja.AssertFunction(fn)
		mod := vm.NewObject()
		exp := vm.NewObject()
		mod.Set("exports", exp)
		b := vm.NewObject()
		if name == "events" {
			modules.SetGluePart(vm, b, "node:events", &glue)
		}
		if name == "events" && !slowEmit {
			if err := bind(&modules.Host{VM: vm}, b); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := call(goja.Undefined(), exp, vm.ToValue(require), mod, b, goja.Undefined()); err != nil {
			t.Fatal(err)
		}
		v := mod.Get("exports")
		cache[name] = v
		return v
	}
	vm.Set("require", require)
	var out []string
	vm.Set("print", func(s string) { out = append(out, s) })
	return vm
}

type notFound struct{ name string }

func (e *notFound) Error() string { return "Cannot find module '" + e.name + "'" }

func run(t *testing.T, src string, slowEmit bool) string {
	t.Helper()
	vm := newVM(t, slowEmit)
	var out []string
	vm.Set("print", func(args ...goja.Value) {
		parts := make([]string, len(args))
		for i, a := range args {
			parts[i] = a.String()
		}
		out = append(out, strings.Join(parts, " "))
	})
	if _, err := vm.RunString(src); err != nil {
		t.Fatalf("%v", err)
	}
	return strings.Join(out, "\n")
}

func TestEmitter(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"basic", `const EE = require('events'); const e = new EE();
e.on('a', (x, y) => print('a1', x, y)); e.prependListener('a', () => print('a0'));
e.once('a', function (...r) { print('once', r.length, this === e); });
print(e.emit('a', 1, 2), e.emit('a', 3, 4), e.emit('b'));
print(e.listenerCount('a'), e.eventNames().join());`,
			"a0\na1 1 2\nonce 2 true\na0\na1 3 4\ntrue true false\n2 a"},
		{"remove", `const EE = require('events'); const e = new EE(); const f = () => print('f'); const g = () => print('g');
e.on('removeListener', (n, l) => print('removed', n, l === f));
e.on('x', f); e.on('x', g); e.on('x', f); e.off('x', f); e.emit('x');
e.once('y', f); e.removeListener('y', f); print(e.listenerCount('y'));
e.removeAllListeners(); print(e.eventNames().length);`,
			"removed x true\nf\ng\nremoved y true\n0\nremoved x false\nremoved x true\n0"},
		{"error", `const EE = require('events'); const e = new EE();
try { e.emit('error', new Error('boom')); } catch (er) { print(er.message); }
try { e.emit('error', 'x'); } catch (er) { print(er.code, er.context); }
e.on(EE.errorMonitor, (er) => print('monitor', er));
try { e.emit('error', 'y'); } catch (er) { print(er.code); }
e.on('error', (er) => print('handled', er)); print(e.emit('error', 'z'));`,
			"boom\nERR_UNHANDLED_ERROR x\nmonitor y\nERR_UNHANDLED_ERROR\nmonitor z\nhandled z\ntrue"},
		{"many listeners", `const EE = require('events'); const es = [];
for (let i = 0; i < 1000; i++) { const e = new EE(); const me = i; e.on('d', (x) => { if (x !== me) print('wrong', me, x); e.n = (e.n || 0) + 1; }); es.push(e); }
for (let r = 0; r < 3; r++) for (let i = 0; i < es.length; i++) es[i].emit('d', i);
print(es.every((e) => e.n === 3));`, "true"},
		{"many args", `const EE = require('events'); const e = new EE();
e.on('a', (...r) => print(r.join())); e.on('a', (...r) => print(r.length));
e.emit('a', 1, 2, 3, 4, 5); e.emit('a');`, "1,2,3,4,5\n5\n\n0"},
		{"once promise", `const EE = require('events'); const e = new EE();
EE.once(e, 'x').then((v) => print('got', v.join(), e.listenerCount('error')));
e.emit('x', 1, 2);`, "got 1,2 0"},
		{"on iterator", `const EE = require('events'); const e = new EE();
const it = EE.on(e, 'x'); e.emit('x', 1); e.emit('x', 2);
it.next().then((r) => { print(r.value.join(), r.done); return it.next(); })
  .then((r) => { print(r.value.join()); return it.return(); })
  .then((r) => print(r.done, e.listenerCount('x')));`, "1 false\n2\ntrue 0"},
		{"inherits", `const EE = require('events');
function S() { EE.call(this); } Object.setPrototypeOf(S.prototype, EE.prototype);
const s = new S(); s.on('q', () => print('q')); s.emit('q');
class C extends EE {} const c = new C(); c.on('r', () => print('r')); c.emit('r');
print(EE.EventEmitter === EE, EE.usingDomains, EE.defaultMaxListeners, c.getMaxListeners());`,
			"q\nr\ntrue false 10 10"},
		{"throwing listener", `const EE = require('events'); const e = new EE();
e.on('t', () => { throw new TypeError('bad'); }); e.on('t', () => print('never'));
try { e.emit('t'); } catch (er) { print(er instanceof TypeError, er.message); }
const s = Symbol('s'); e.on(s, (a) => print('sym', a)); e.emit(s, 7);
print(EE.prototype.emit.call({}, 'x'), EE.prototype.emit.name, EE.prototype.emit.length);
e.on('ret', () => 5); e.on('ret', () => ({ then: 1 })); print(e.emit('ret'));`,
			"true bad\nsym 7\nfalse emit 1\ntrue"},
	}
	for _, slow := range []bool{false, true} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s/slow=%v", c.name, slow), func(t *testing.T) {
				if got := run(t, c.src, slow); got != c.want {
					t.Errorf("got\n%s\nwant\n%s", got, c.want)
				}
			})
		}
	}
}
