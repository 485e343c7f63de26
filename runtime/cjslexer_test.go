package runtime

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestCJSLexer(t *testing.T) {
	cases := []struct {
		src       string
		exports   []string
		reexports []string
	}{
		{"exports.a = 1; module.exports.b = 2; exports['c d'] = 3;", []string{"a", "b", "c d"}, nil},
		{"/* exports.no = 1 */ // exports.nope = 1\nconst s = 'exports.x = 1'; const t = `${exports.y = 2}`;", []string{"y"}, nil},
		{"var re = /exports.z = 1/; exports.w = 1", []string{"w"}, nil},
		{"x = a / exports.d / 2; exports.e = 1", []string{"e"}, nil},
		{"Object.defineProperty(exports, 'v', { value: 1 });\nObject.defineProperty(exports, 'g', { enumerable: true, get: function () { return m.g; } });\nObject.defineProperty(exports, 'h', { get() { return h } });\nObject.defineProperty(exports, 'bad', { get() { return f() } });\nexports.bad = 1;",
			[]string{"v", "g", "h"}, nil},
		{"module.exports = { a, b: c, 'd': e, ...f, ...require('./r') };", []string{"a", "b", "d"}, []string{"./r"}},
		{"module.exports = { a, b: require('x'), c };", []string{"a", "b"}, nil},
		{"module.exports = require('./one'); module.exports = require('./two');", nil, []string{"./two"}},
		{"__exportStar(require('./s'), exports); tslib.__exportStar(require(\"./t\"), exports); __export(require('./u'));", nil, []string{"./s", "./t", "./u"}},
		{"\"use strict\";\nvar _x = require(\"./x\");\nObject.keys(_x).forEach(function (key) {\n  if (key === \"default\" || key === \"__esModule\") return;\n  if (key in exports && exports[key] === _x[key]) return;\n  Object.defineProperty(exports, key, {\n    enumerable: true,\n    get: function () {\n      return _x[key];\n    }\n  });\n});", nil, []string{"./x"}},
		{"import x from 'y'; exports.a = 1;", nil, nil},
		{"exports.a = 1; (", nil, nil},
		{"exports['\\u0061b'] = 1; exports['\\ud800'] = 2;", []string{"ab"}, nil},
		{"#!/usr/bin/env node\nexports.shebang = 1", []string{"shebang"}, nil},
		{"class A { m() { return 1 } }\n/exports.no = 1/.test(s); exports.yes = 1", []string{"yes"}, nil},
	}
	for _, c := range cases {
		r := lexCJS(c.src)
		if !reflect.DeepEqual(r.exports, c.exports) || !reflect.DeepEqual(r.reexports, c.reexports) {
			t.Errorf("%q: got %q %q, want %q %q", c.src, r.exports, r.reexports, c.exports, c.reexports)
		}
	}
}

// TestCJSLexerAgainstNode compares the lexer with Node's own on every .js/.cjs file under
// $GOJS_CJSLEX_DIFF (a node_modules folder, say). Node's lexer is reached with --expose-internals.
func TestCJSLexerAgainstNode(t *testing.T) {
	dir := os.Getenv("GOJS_CJSLEX_DIFF")
	if dir == "" {
		t.Skip("GOJS_CJSLEX_DIFF not set")
	}
	var files []string
	_ = filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() && fi.Size() < 3<<20 && (strings.HasSuffix(p, ".js") || strings.HasSuffix(p, ".cjs")) {
			files = append(files, p)
		}
		return nil
	})
	list := filepath.Join(t.TempDir(), "list")
	os.WriteFile(list, []byte(strings.Join(files, "\n")), 0o644)
	script := `const { parse } = require('internal/deps/cjs-module-lexer/lexer');
const fs = require('fs'); const out = {};
for (const f of fs.readFileSync(process.argv[1], 'utf8').split('\n')) {
  const src = fs.readFileSync(f, 'utf8');
  try { out[f] = parse(src); } catch { out[f] = { exports: [], reexports: [] }; }
}
process.stdout.write(JSON.stringify(out));`
	out, err := exec.Command("node", "--expose-internals", "-e", script, list).Output()
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]struct{ Exports, Reexports []string }
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, f := range files {
		data, _ := os.ReadFile(f)
		r := lexCJS(string(data))
		w := want[f]
		if len(w.Exports) == 0 {
			w.Exports = nil
		}
		if len(w.Reexports) == 0 {
			w.Reexports = nil
		}
		if !reflect.DeepEqual(r.exports, w.Exports) || !reflect.DeepEqual(r.reexports, w.Reexports) {
			bad++
			if bad < 20 {
				t.Errorf("%s:\n got  %q %q\n want %q %q", f, r.exports, r.reexports, w.Exports, w.Reexports)
			}
		}
	}
	t.Logf("%d files, %d differ", len(files), bad)
}

// FuzzCJSLexer checks the lexer never panics or loops, whatever the source.
func FuzzCJSLexer(f *testing.F) {
	for _, s := range []string{"exports.a = 1", "module.exports = { a, ...require('b') }", "`${`${/x/}`}`", "a / b / c",
		"Object.keys(_x).forEach(function (k) { if (k === 'default' || k === '__esModule') return; exports[k] = _x[k]; })",
		"Object.defineProperty(exports, 'x', { get() { return y.z } })", "import('x')", "\xed\xa0\xbd", "exports['\\u{1F600}'] = 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		r := lexCJS(src)
		for _, n := range append(r.exports, r.reexports...) {
			_ = n
		}
	})
}

// BenchmarkCJSLexer lexes a 500 KB CommonJS file ($GOJS_CJSLEX_BENCH, e.g. lodash.js).
func BenchmarkCJSLexer(b *testing.B) {
	p := os.Getenv("GOJS_CJSLEX_BENCH")
	if p == "" {
		b.Skip("GOJS_CJSLEX_BENCH not set")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		lexCJS(string(data))
	}
}

func TestModuleSyntax(t *testing.T) {
	for _, c := range []struct {
		src     string
		esm, ok bool
	}{
		{"module.exports = 1", false, true},
		{"import x from 'y'", true, true},
		{"export const a = 1", true, true},
		{"console.log(import.meta.url)", true, true},
		{"f(() => { return import . meta })", true, true},
		{"const s = `\nimport x from 'y'\n${'import.meta'}`; o.import.meta; ({ import: 1 })", false, true},
		{"load(() => import('x'))", false, true},
		{"async function f() { for await (const x of y) {} }", false, true},
		{"f(", false, false},
	} {
		esm, ok := moduleSyntax(c.src)
		if esm != c.esm || ok != c.ok {
			t.Errorf("moduleSyntax(%q) = %v, %v; want %v, %v", c.src, esm, ok, c.esm, c.ok)
		}
	}
}
