package webevents_test

import (
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

func run(t *testing.T, src string) string { return runtimetest.Printed(t, src) }

func TestWebEvents(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"dispatch", `const et = new EventTarget();
const ev = new Event('x', { cancelable: true });
et.addEventListener('x', function (e) { print('a', this === et, e.eventPhase, e.currentTarget === et); e.preventDefault(); });
et.addEventListener('x', { handleEvent(e) { print('b', e.defaultPrevented); } });
et.addEventListener('x', () => print('once'), { once: true });
print(et.dispatchEvent(ev), ev.currentTarget, ev.eventPhase);
print(et.dispatchEvent(new Event('x')));`,
			"a true 2 true\nb true\nonce\nfalse null 0\na true 2 true\nb false\ntrue\n"},
		{"linked list", `const et = new EventTarget();
function b() { print('b'); }
et.addEventListener('x', () => { print('a'); et.removeEventListener('x', b); et.addEventListener('x', () => print('added')); });
et.addEventListener('x', b);
et.dispatchEvent(new Event('x'));
print('--');
et.dispatchEvent(new Event('x'));`, "a\n--\na\nadded\nadded\n"},
		{"stopImmediatePropagation", `const et = new EventTarget();
et.addEventListener('y', (e) => { print('y1'); e.stopImmediatePropagation(); });
et.addEventListener('y', () => print('y2'), { passive: true });
const e = new Event('y'); et.dispatchEvent(e); print(e.cancelBubble);`, "y1\ntrue\n"},
		{"abort", `const ac = new AbortController();
ac.signal.onabort = (e) => print('onabort', e.type, e.isTrusted);
ac.signal.addEventListener('abort', () => print('listener', ac.signal.aborted));
ac.abort(); ac.abort('again');
print(ac.signal.reason.name, ac.signal.reason.code, ac.signal.reason instanceof DOMException);
try { ac.signal.throwIfAborted(); } catch (e) { print('thrown', e === ac.signal.reason); }
const s = AbortSignal.abort('why'); print(s.aborted, s.reason);
const c1 = new AbortController(), c2 = new AbortController();
const any = AbortSignal.any([c1.signal, c2.signal]);
c2.abort('second'); c1.abort('first'); print(any.reason);`,
			"onabort abort true\nlistener true\nAbortError 20 true\nthrown true\ntrue why\nsecond\n"},
		{"timeout", `const t = AbortSignal.timeout(5);
t.addEventListener('abort', () => print('fired', t.reason.name, t.reason.code));
setTimeout(() => print('keeper'), 30);
AbortSignal.timeout(100000).addEventListener('abort', () => print('never'));`,
			"fired TimeoutError 23\nkeeper\n"},
		{"errors", `for (const f of [() => new Event(), () => new AbortSignal(), () => new EventTarget().dispatchEvent({}),
  () => Event.prototype.type, () => AbortSignal.timeout(-1), () => new EventTarget().addEventListener('x', 1)]) {
  try { f(); print('no error'); } catch (e) { print(e.name, e.code); }
}`, "TypeError ERR_MISSING_ARGS\nTypeError ERR_ILLEGAL_CONSTRUCTOR\nTypeError ERR_INVALID_ARG_TYPE\nTypeError ERR_INVALID_THIS\nRangeError ERR_OUT_OF_RANGE\nTypeError ERR_INVALID_ARG_TYPE\n"},
		{"domexception", `const d = new DOMException('m', 'TimeoutError');
print(d.name, d.code, d.message, d instanceof Error, Object.keys(d).length, String(d), d.stack.split('\n')[0]);
print(new DOMException().name, new DOMException('x', { name: 'AbortError', cause: 1 }).cause, DOMException.ABORT_ERR);`,
			"TimeoutError 23 m true 0 TimeoutError: m TimeoutError: m\nError 1 20\n"},
		{"uncaught listener error", `process.on('uncaughtException', (e) => print('uncaught', e.message));
const et = new EventTarget();
et.addEventListener('t', () => { throw new Error('boom'); });
et.addEventListener('t', () => print('next'));
et.dispatchEvent(new Event('t')); print('sync');`, "next\nsync\nuncaught boom\n"},
		{"getEventListeners", `const { getEventListeners, setMaxListeners, getMaxListeners } = require('events');
const et = new EventTarget(); const f = () => {};
et.addEventListener('a', f); et.addEventListener('a', f); et.addEventListener('a', f, true);
print(getEventListeners(et, 'a').length, getMaxListeners(et));
setMaxListeners(3, et); print(getMaxListeners(et));`, "2 10\n3\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := run(t, c.src); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}
