package bench

import "testing"

// hotAllocCases are the per-call costs of the object-heavy built-ins (events, web events,
// AbortController, structuredClone, url, util.format/inspect, console.log): Go heap allocations
// per evaluation, which a loaded machine does not blur the way it blurs CPU time. Run with
//
//	go test ./bench/ -run XXX -bench HotAllocs -benchtime 1x
var hotAllocCases = []struct{ name, setup, expr string }{
	{"AbortController", "", "new AbortController()"},
	{"AbortControllerAbort", "", "(x = new AbortController(), x.abort(), x)"},
	{"StructuredCloneSmall", "const o = { a: 1, b: 'x', c: [1, 2] };", "structuredClone(o)"},
	{"StructuredCloneMap", "const m = new Map([[1, { a: 1 }], [2, 'x']]);", "structuredClone(m)"},
	{"URLParseLegacy", "const url = require('url');", "url.parse('http://user:pw@example.com:8080/p/a/t/h?query=string#hash')"},
	{"NewURL", "", "new URL('http://user:pw@example.com:8080/p/a/t/h?query=string#hash')"},
	{"URLSearchParams", "", "new URLSearchParams('a=1&b=2&c=3')"},
	{"URLSearchParamsEntries", "let y; const sp = new URLSearchParams('a=1&b=2&c=3');", "(y = sp.entries(), y.next(), y.next(), y.next(), y.next())"},
	{"NewEventEmitter", "const EE = require('events');", "new EE()"},
	{"Emit1", "const EE = require('events'); const e = new EE(); e.on('x', () => {});", "e.emit('x', 1)"},
	{"Emit3", "const EE = require('events'); const e = new EE(); for (let j = 0; j < 3; j++) e.on('x', () => {});", "e.emit('x', 1, 2)"},
	{"OnOff", "const EE = require('events'); const e = new EE(); const f = () => {};", "(e.on('x', f), e.off('x', f))"},
	{"NewEvent", "", "new Event('x')"},
	{"NewEventTarget", "", "new EventTarget()"},
	{"DispatchEvent", "const t = new EventTarget(); t.addEventListener('x', () => {});", "t.dispatchEvent(new Event('x'))"},
	{"FormatS", "const util = require('util');", "util.format('%s', 'abc')"},
	{"FormatNum", "const util = require('util');", "util.format('%s: %d', 'k', 42)"},
	{"FormatMulti", "const util = require('util');", "util.format('a %s b %d c %j', 'x', 42, { a: 1 })"},
	{"FormatIntFloat", "const util = require('util');", "util.format('%i %f', 42.5, 1.5)"},
	{"FormatJSON", "const util = require('util'); const o = { a: 1 };", "util.format('a %j', o)"},
	{"InspectSmall", "const util = require('util'); const o = { a: 1, b: 'x', c: [1, 2, 3] };", "util.inspect(o)"},
	{"ConsoleLog3", "", "console.log('a', 1, { x: 2 })"},
	{"NewError", "", "new Error('x')"},
	{"NewErrorSubclass", "class E extends Error {}", "new E('x')"},
	{"CaptureStackTrace", "", "(x = {}, Error.captureStackTrace(x), x)"},
	{"NewDOMException", "", "new DOMException('x', 'AbortError')"},
	{"PerformanceMark", "const { performance } = require('perf_hooks');", "(performance.mark('a'), performance.clearMarks())"},
	{"PerformanceMeasure", "const { performance } = require('perf_hooks');", "(performance.measure('a'), performance.clearMeasures())"},
	{"OnAbortSet", "const f = () => {};", "new AbortController().signal.onabort = f"},
	{"OnceEmit", "const EE = require('events'); const e = new EE(); const f = () => {};", "(e.once('x', f), e.emit('x'))"},
	{"FormatO", "const util = require('util'); const o = { a: 1, b: [1, 2] };", "util.format('%o', o)"},
	{"MIMEType", "const util = require('util');", "new util.MIMEType('text/html; charset=utf-8')"},
	{"InspectDate", "const util = require('util'); const o = { id: 1, when: new Date(0) };", "util.inspect(o)"},
	{"PromiseAll3", "const p = Promise.resolve(2);", "Promise.all([1, p, 3])"},
	{"PromiseAllSettled2", "const p = Promise.resolve(2);", "Promise.allSettled([1, p])"},
	{"PromiseAny2", "const p = Promise.reject(2); p.catch(() => {});", "Promise.any([p, 1])"},
	{"PromiseRace2", "const p = new Promise(() => {});", "Promise.race([p, 1])"},
	{"ConsoleNew", "const { Console } = require('console'); const s = new (require('stream').Writable)({ write(c, e, cb) { cb(); } });", "new Console(s)"},
}

// BenchmarkHotAllocs reports mallocs and bytes per evaluation of each hotAllocCases entry.
func BenchmarkHotAllocs(b *testing.B) {
	for _, c := range hotAllocCases {
		b.Run(c.name, func(b *testing.B) { allocsPerEval(b, c.setup, c.expr) })
	}
}
