package bench

import (
	"fmt"
	"os"
	goruntime "runtime"
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

// TestURLAreaAllocs prints the Go heap allocations per iteration of the url, querystring and
// path workloads (a steadier measure than time on a loaded machine). It only reports, so it runs
// only when asked: URL_ALLOCS=1 go test ./bench -run URLAreaAllocs -v
func TestURLAreaAllocs(t *testing.T) {
	if os.Getenv("URL_ALLOCS") == "" {
		t.Skip("measurement only: set URL_ALLOCS=1")
	}
	const n = 50000
	cases := []struct{ name, setup, body string }{
		{"empty loop", ``, `h += i;`},
		{"new URL", `const s = 'http://localhost:3000/api/v1/items?id=42&sort=desc';`, `h += new URL(s) ? 1 : 0;`},
		{"new URL + 3 getters", `const s = 'http://localhost:3000/api/v1/items?id=42&sort=desc';`,
			`const u = new URL(s); h += u.href.length + u.hostname.length + u.pathname.length;`},
		{"new URL + searchParams.size", `const s = 'http://localhost:3000/api/v1/items?id=42&sort=desc';`,
			`h += new URL(s).searchParams.size;`},
		{"new URL(rel, base)", `const base = 'http://base.example/dir/sub/index.html';`,
			`h += new URL('../up/one', base).href.length;`},
		{"qs.parse", `const qs = require('querystring');`,
			`const o = qs.parse('a=1&b=2&c=hello+world&d=%41%42%43&e=x&e=y&f=' + (i & 15)); for (const k in o) h += k.length;`},
		{"js: null-proto literal + for-in (floor)", ``,
			`const o = {__proto__: null, a: '1', b: '2', c: 'hello world', d: 'ABC', e: ['x', 'y'], f: '' + (i & 15)}; for (const k in o) h += k.length;`},
		{"js: class, 11 fields, 3 getters", `class U { constructor(s) { this.a = s; this.b = s; this.c = s; this.d = s; this.e = s; this.f = s; this.g = s; this.h = s; this.i = s; this.j = s; this.k = s; } get href() { return this.a } get hostname() { return this.b } get pathname() { return this.c } }
const s = 'http://localhost:3000/api/v1/items?id=42&sort=desc';`,
			`const u = new U(s); h += u.href.length + u.hostname.length + u.pathname.length;`},
		{"Go call returning cwd", ``, `h += process.cwd().length;`},
		{"path.join", `const path = require('path');`, `h += path.join('/foo', 'bar', 'baz/asdf', 'quux', '..').length;`},
		{"path.resolve", `const path = require('path');`, `h += path.resolve('foo/bar', './baz').length;`},
	}
	for _, c := range cases {
		src := fmt.Sprintf("%s\nlet h = 0;\nfor (let i = 0; i < %d; i++) { %s }\n", c.setup, n, c.body)
		var m0, m1 goruntime.MemStats
		goruntime.GC()
		goruntime.ReadMemStats(&m0)
		r := runtimetest.Run(t, src)
		goruntime.ReadMemStats(&m1)
		if r.Code != 0 || r.Err != nil {
			t.Fatalf("%s: code %d err %v\n%s", c.name, r.Code, r.Err, r.Stderr)
		}
		t.Logf("%-40s %6.1f allocs %7.0f B per iteration", c.name, float64(m1.Mallocs-m0.Mallocs)/n, float64(m1.TotalAlloc-m0.TotalAlloc)/n)
	}
}
