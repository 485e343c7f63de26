package util

import (
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/dop251/goja"
)

var (
	fuzzOnce sync.Once
	fuzzMu   sync.Mutex
	fuzzRT   *testRuntime
	fuzzFmt  goja.Callable
	fuzzIns  goja.Callable
)

func fuzzRuntime(t testing.TB) *testRuntime {
	fuzzOnce.Do(func() {
		fuzzRT = newTestRuntime(t)
		fuzzRT.run(t, "globalThis.process = {env: {}, stdout: {isTTY: false, write() {}, on() {}}, execArgv: [], argv: []};")
		// The Go fast path must agree with inspect.js on everything the fuzzer builds.
		fuzzRT.run(t, "require('internal/util/inspect').setFastMode(2);")
		f := fuzzRT.run(t, `(function (fmt, a, b) {
  var util = require('util');
  fmt = fmt.replace(/\uFFFD/g, '\ud800'); b = b.replace(/\uFFFD/g, '\udc00');
  var v; try { v = JSON.parse(b); } catch (e) { v = b; }
  return util.format(fmt, a, v, { a: [a, v] }, 42, -0, 1n, Symbol(a));
})`)
		fuzzFmt, _ = goja.AssertFunction(f)
		g := fuzzRT.run(t, `(function (src, flags) {
  var util = require('util');
  src = src.replace(/\uFFFD/g, '\ud800');
  var v; try { v = JSON.parse(src); } catch (e) { v = src; }
  var o = { depth: flags & 7, breakLength: (flags >> 3) & 127, compact: (flags >> 10) & 3,
    sorted: !!(flags & 4096), showHidden: !!(flags & 8192), colors: !!(flags & 16384),
    maxArrayLength: (flags >> 15) & 15, maxStringLength: (flags >> 19) & 31, numericSeparator: !!(flags & 1) };
  if (o.compact === 0) o.compact = false;
  var circ = { v: v }; circ.self = circ;
  var m = new Map([[v, [v, circ]]]);
  return util.inspect([v, circ, m, new Set([v]), [v, , v]], o) + util.inspect(v) + util.inspect(String(src)) +
    util.inspect({ v: v, a: [v, [v, { w: v }]] }) + util.inspect({ v: v }, o) + util.inspect([v, v, v, 1, 2, 3, 4, 5], o);
})`)
		fuzzIns, _ = goja.AssertFunction(g)
	})
	return fuzzRT
}

// call runs fn with a watchdog: a call that takes longer than 10s is a hang.
func callWithWatchdog(t *testing.T, r *testRuntime, fn goja.Callable, args ...goja.Value) string {
	fuzzMu.Lock()
	defer fuzzMu.Unlock()
	timer := time.AfterFunc(10*time.Second, func() { r.vm.Interrupt("hang") })
	defer timer.Stop()
	v, err := fn(goja.Undefined(), args...)
	r.vm.ClearInterrupt()
	if err != nil {
		if _, ok := err.(*goja.InterruptedError); ok {
			t.Fatalf("hang: %v", err)
		}
		if strings.Contains(err.Error(), "fast path mismatch") {
			t.Fatal(err)
		}
		return ""
	}
	return v.String()
}

func jsString(r *testRuntime, s string) goja.Value {
	// Keep lone surrogates: build the JS string from UTF-16 code units.
	return r.vm.ToValue(goja.StringFromUTF16(utf16.Encode([]rune(s))))
}

func FuzzFormat(f *testing.F) {
	for _, s := range []string{"%s %d %i %f %j %o %O %c %%", "%", "%%s", "%s:%s", "abc", "%d%", "%o%O", "\x00%s\xff", "${x}'\"`"} {
		f.Add(s, "a'b", `{"k":[1,2,{"x":null}]}`)
	}
	f.Fuzz(func(t *testing.T, format, a, b string) {
		r := fuzzRuntime(t)
		callWithWatchdog(t, r, fuzzFmt, jsString(r, format), jsString(r, a), jsString(r, b))
	})
}

func FuzzInspect(f *testing.F) {
	for _, s := range []string{`{"a":1,"b":[1,2,3]}`, `"str'\"` + "`" + `"`, `[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27]`, "\x1b[31mred", "line\nbreak", `{"__proto__":{"x":1}}`, "😀\xed\xa0\x80", ""} {
		f.Add(s, uint32(0x12345))
	}
	f.Fuzz(func(t *testing.T, src string, flags uint32) {
		r := fuzzRuntime(t)
		callWithWatchdog(t, r, fuzzIns, jsString(r, src), r.vm.ToValue(int64(flags)))
	})
}

// FuzzQuote checks the Go string escaper: the result must round-trip through JS eval.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{"a", "it's", "a'b\"c", "a'b\"c`", "\x00\x7f\x9f\\", "\xff", "é😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		vm := goja.New()
		units := utf16.Encode([]rune(s))
		for i, u := range units {
			if u == 0xfffd {
				units[i] = 0xd800 // exercise lone surrogates
			}
		}
		in := goja.StringFromUTF16(units)
		q := Quote(in)
		back, err := vm.RunString(q.String())
		if err != nil {
			t.Fatalf("quoted %q does not parse: %v", q.String(), err)
		}
		if !back.StrictEquals(in) && !back.StrictEquals(vm.ToValue(in)) {
			// Template literals keep ${...}; Quote only picks backticks without "${".
			t.Fatalf("round trip of %q gave %q", s, back.String())
		}
	})
}
