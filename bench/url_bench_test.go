// Package bench holds benchmarks that run the same JS workload under gojs and under node and
// report both, with their ratio. Run with: go test ./bench/ -bench . -benchtime 1x (node must be
// on PATH for the node columns).
package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

// urlAreaScript times n runs of body after setup, printing the total nanoseconds.
func urlAreaScript(setup, body string, n int) string {
	return fmt.Sprintf(`%s
const __n = %d;
const __t0 = process.hrtime.bigint();
for (let i = 0; i < __n; i++) { %s }
process.stdout.write(String(process.hrtime.bigint() - __t0));
`, setup, n, body)
}

// urlAreaCompare runs the workload n times under gojs and node and reports ns/op for both and
// gojs/node (below 1 means gojs is faster).
func urlAreaCompare(b *testing.B, setup, body string, n int) {
	src := urlAreaScript(setup, body, n)
	b.ResetTimer()
	r := runtimetest.Run(b, src)
	b.StopTimer()
	if r.Code != 0 || r.Err != nil {
		b.Fatalf("gojs: code %d err %v\n%s", r.Code, r.Err, r.Stderr)
	}
	gojsNs, err := strconv.ParseFloat(strings.TrimSpace(r.Stdout), 64)
	if err != nil {
		b.Fatalf("gojs printed %q", r.Stdout)
	}
	b.ReportMetric(gojsNs/float64(n), "gojs-ns/op")
	node, err := exec.LookPath("node")
	if err != nil {
		return
	}
	file := filepath.Join(b.TempDir(), "bench.js")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		b.Fatal(err)
	}
	out, err := exec.Command(node, file).Output()
	if err != nil {
		b.Fatalf("node: %v", err)
	}
	nodeNs, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		b.Fatalf("node printed %q", out)
	}
	b.ReportMetric(nodeNs/float64(n), "node-ns/op")
	b.ReportMetric(gojsNs/nodeNs, "gojs/node")
}

// BenchmarkURLParse parses 100k URLs (a rotating set of 8 shapes).
func BenchmarkURLParse(b *testing.B) {
	urlAreaCompare(b, `const inputs = ['https://user:pw@example.com:8080/p/a/t/h?query=string#hash', 'http://localhost:3000/api/v1/items?id=42',
  'file:///home/user/x.txt', 'https://münchen.de/straße', '/relative/path?x=1', 'http://[::1]:80/', 'ws://h/socket', 'https://a.b.c.d.example.org/'];
const base = 'http://base.example/dir/'; let h = 0;`,
		`h += new URL(inputs[i & 7], base).href.length;`, 100000)
}

// BenchmarkURLParseAbsolute parses 100k absolute http(s) URLs without a base.
func BenchmarkURLParseAbsolute(b *testing.B) {
	urlAreaCompare(b, `const inputs = ['https://example.com/', 'http://localhost:3000/api/v1/items?id=42', 'https://cdn.example.org/assets/app.js#x',
  'http://h:8080/a/b/c?d=e&f=g'];
let h = 0;`,
		`h += new URL(inputs[i & 3]).href.length;`, 100000)
}

// BenchmarkQuerystringParse parses 100k query strings.
func BenchmarkQuerystringParse(b *testing.B) {
	urlAreaCompare(b, `const qs = require('querystring'); let h = 0;`,
		`h += Object.keys(qs.parse('a=1&b=2&c=hello+world&d=%41%42%43&e=x&e=y&f=' + (i & 15))).length;`, 100000)
}

// BenchmarkPathJoin joins 1M times.
func BenchmarkPathJoin(b *testing.B) {
	urlAreaCompare(b, `const path = require('path'); let h = 0;`,
		`h += path.join('/foo', 'bar', 'baz/asdf', 'quux', '..').length;`, 1000000)
}

// BenchmarkPathResolve resolves 1M times against the cwd.
func BenchmarkPathResolve(b *testing.B) {
	urlAreaCompare(b, `const path = require('path'); let h = 0;`,
		`h += path.resolve('foo/bar', './baz').length;`, 1000000)
}

// BenchmarkURLScripts runs the bench/url workloads in process (for profiling: go test ./bench/
// -run - -bench URLScripts/url_parse -benchtime 1x -cpuprofile /tmp/x/cpu.out -o /tmp/x/b.test).
// The side-by-side numbers come from go run ./bench/url.
func BenchmarkURLScripts(b *testing.B) {
	for _, name := range []string{"url_parse", "url_parse_base", "qs_parse", "path_join", "path_resolve"} {
		b.Run(name, func(b *testing.B) {
			src, err := os.ReadFile(filepath.Join("url", name+".js"))
			if err != nil {
				b.Fatal(err)
			}
			for i := 0; i < b.N; i++ {
				r := runtimetest.Run(b, string(src))
				if r.Code != 0 || r.Err != nil {
					b.Fatalf("code %d err %v\n%s", r.Code, r.Err, r.Stderr)
				}
			}
		})
	}
}
