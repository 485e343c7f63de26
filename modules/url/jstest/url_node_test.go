// Package jstest holds url's tests that run scripts in a whole runtime (runtimetest). They live
// apart from package url's own tests: a test binary that has url's internal tests recompiles every
// package importing url, the runtime among them (2 MB of Go, twice more per CI run: vet and -race).
package jstest

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

// TestAgainstNode replays parses, setter calls, URLSearchParams and domainTo* cases recorded from
// node (../testdata/gen.js) in a gojs runtime and prints every difference.
func TestAgainstNode(t *testing.T) {
	raw, err := os.ReadFile("../testdata/node_cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var data map[string]json.RawMessage
	if err := json.Unmarshal(raw, &data); err != nil {
		t.Fatal(err)
	}
	// Each part runs in its own runtime, with only its data, to stay well inside the kit's
	// time limit under -race.
	parts := []struct {
		name string
		keys []string
		body string
	}{
		{"parse", []string{"cases"}, `for (const c of data.cases) {
  let r;
  try { r = { ok: comps(new URL(c.input, c.base)) }; } catch (e) { r = { err: e.code }; }
  check('new URL(' + JSON.stringify(c.input) + ', ' + JSON.stringify(c.base) + ')', r, c.ok ? { ok: c.ok } : { err: c.err });
}
`},
		{"setters", []string{"setterCases"}, `for (const c of data.setterCases) {
  let r;
  try { const u = new URL(c.input); u[c.field] = c.value; r = { ok: comps(u) }; } catch (e) { r = { err: e.code }; }
  check(JSON.stringify(c.input) + '.' + c.field + ' = ' + JSON.stringify(c.value), r, c.ok ? { ok: c.ok } : { err: c.err });
}
`},
		{"params", []string{"params", "domains"}, `for (const c of data.params) {
  const p = new URLSearchParams(c.input);
  const q = new URLSearchParams(p);
  q.sort();
  check('params ' + JSON.stringify(c.input), { list: [...p].flat(), str: p.toString(), sorted: q.toString() },
    { list: c.list, str: c.str, sorted: c.sorted });
}
for (const c of data.domains) {
  check('domain ' + JSON.stringify(c.input), [url.domainToASCII(c.input), url.domainToUnicode(c.input)], [c.ascii, c.unicode]);
}
`},
		{"legacy", []string{"legacy"}, `process.emitWarning = () => {};
for (const c of data.legacy) {
  let r;
  try {
    r = url[c.fn](...c.args);
    r = { ok: c.fn === 'parse' ? JSON.stringify(r) : r };
  } catch (e) { r = { err: e.code }; }
  check('url.' + c.fn + JSON.stringify(c.args), r, c.err ? { err: c.err } : { ok: c.ok });
}
`},
	}
	for _, p := range parts {
		t.Run(p.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("const data = {")
			for _, k := range p.keys {
				b.WriteString(k + ": " + string(data[k]) + ",\n")
			}
			b.WriteString("};\n" + prelude + p.body + tail)
			r := runtimetest.Run(t, b.String())
			if r.Err != nil || r.Code != 0 {
				t.Fatalf("code %d err %v\n%s", r.Code, r.Err, r.Stderr)
			}
			if !strings.HasPrefix(r.Stdout, "0 of ") {
				t.Error(r.Stdout)
			}
		})
	}
}

const prelude = `const url = require('url');
const fields = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
const comps = (u) => fields.map((f) => u[f]);
const out = [];
let n = 0;
function check(what, got, want) {
  n++;
  const g = JSON.stringify(got), w = JSON.stringify(want);
  if (g !== w) out.push(what + '\n   got: ' + g + '\n  want: ' + w);
}
`

const tail = `process.stdout.write(out.length + ' of ' + n + ' differ\n' + out.slice(0, 40).join('\n') + '\n');
`
