package bench

import (
	"context"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/gojs-dev/gojs/runtime"
)

// String-building loops (`s += piece` in a loop), which goja runs in quadratic time unless the
// compile step rewrites them (modules.FixStringBuild): the same functions under gojs and node
// in one run, with the ratio. Each op builds the whole string once.

const strbuildSetup = `
function concat(n) {
  let s = '';
  for (let i = 0; i < n; i++) s += 'abcdefghij';
  return s;
}
function toCSV(rows) {
  let out = 'id,name,email,score,date\n';
  for (const r of rows) {
    out += r.id + ',' + JSON.stringify(r.name) + ',' + r.email + ',' + r.score.toFixed(2) + ',' + r.date + '\n';
  }
  return out;
}
const rows = [];
for (let i = 0; i < 62000; i++) {
  rows.push({ id: i, name: 'Name "' + i + '" Surname', email: 'user' + i + '@example.com', score: i * 1.37, date: '2024-01-' + String(1 + i % 28).padStart(2, '0') + 'T12:00:00Z' });
}
`

// strbuildRun is the script that runs call n times and writes the time taken and the length
// built (to check both runtimes built the same string).
func strbuildRun(call string, n int) string {
	return strbuildSetup + fmt.Sprintf(`
let len = 0;
const t0 = process.hrtime.bigint();
for (let i = 0; i < %d; i++) len = %s.length;
const el = Number(process.hrtime.bigint() - t0);
require('fs').writeSync(1, 'ELAPSED ' + el + ' LEN ' + len + '\n');
`, n, call)
}

func strbuildParse(b *testing.B, out string) (time.Duration, string) {
	i := strings.Index(out, " LEN ")
	if i < 0 {
		b.Fatalf("no timing in output %q", out)
	}
	return utilParseElapsed(b, out[:i]), strings.TrimSpace(out[i+5:])
}

func benchStringBuild(b *testing.B, call string) {
	n := b.N
	var out strings.Builder
	rt, err := runtime.New(runtime.Options{Stdout: &out, Stderr: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	defer rt.Close()
	if code, err := rt.RunScript(context.Background(), "strbuild.js", strbuildRun(call, n)); err != nil || code != 0 {
		b.Fatal(code, err)
	}
	g, glen := strbuildParse(b, out.String())
	b.ReportMetric(float64(g.Milliseconds())/float64(n), "gojs-ms/op")
	node, err := exec.LookPath("node")
	if err != nil {
		return
	}
	cmd := exec.Command(node, "-e", strbuildRun(call, n))
	outb, err := cmd.Output()
	if err != nil {
		b.Fatalf("node: %v", err)
	}
	d, nlen := strbuildParse(b, string(outb))
	if nlen != glen {
		b.Fatalf("gojs built %s chars, node %s", glen, nlen)
	}
	b.ReportMetric(float64(d.Milliseconds())/float64(n), "node-ms/op")
	b.ReportMetric(float64(g)/float64(d), "x-node")
}

// BenchmarkStringBuild: concat200k appends 'abcdefghij' 200,000 times (2 MB); csv5MB builds a
// 5.1 MB CSV text from 62,000 row objects, one `out += ...` per row.
func BenchmarkStringBuild(b *testing.B) {
	b.Run("concat200k", func(b *testing.B) { benchStringBuild(b, "concat(200000)") })
	b.Run("csv5MB", func(b *testing.B) { benchStringBuild(b, "toCSV(rows)") })
}
