package runtime

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A file's literal requires (relative, and a package's "main") are compiled ahead, and the
// loader's compile of the same text takes the result; a required file in ES module syntax, a
// package with "exports" and a built-in are left alone.
func TestCompileAhead(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("b.js", "module.exports = 1;")
	write("lib/index.js", "module.exports = 2;")
	write("m.js", "export default 3;")
	write("node_modules/pkg/package.json", `{"main": "main.js"}`)
	write("node_modules/pkg/main.js", "module.exports = 4;")
	write("node_modules/ex/package.json", `{"exports": "./x.js"}`)
	write("node_modules/ex/x.js", "module.exports = 5;")
	src := `require('./b'); require("./lib"); require('./m.js'); require('pkg'); require('ex'); require('fs'); x.require('./b.js');`
	main := write("main.js", src)
	real := func(name string) string {
		p, err := filepath.EvalSymlinks(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	rt := &Runtime{}
	rt.compileAhead(main, src)
	for name, text := range map[string]string{"b.js": "module.exports = 1;", "lib/index.js": "module.exports = 2;", "node_modules/pkg/main.js": "module.exports = 4;"} {
		k := scriptKey{real(name), cjsWrapperPrefix + text + "\n})", false}
		rt.compileAhead(k.name, text) // (the loader notes each file it compiles first)
		prg, err, ok := takeAhead(k)
		if !ok {
			// (the worker had not begun it: the loader compiles it, as this does)
			prg, err = compileSourceMaps(k.name, k.src, false, false)
		}
		if err != nil || prg == nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, _, again := takeAhead(k); again {
			t.Fatalf("%s taken twice", name)
		}
	}
	// the worker has looked at every job once it stops
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
		ahead.Lock()
		if !ahead.running || time.Now().After(deadline) {
			break
		}
		ahead.Unlock()
	}
	defer ahead.Unlock()
	for k := range ahead.pending {
		if k.name == real("m.js") || k.name == real("node_modules/ex/x.js") {
			t.Errorf("compiled ahead: %s", k.name)
		}
	}
}

func TestLiteralRequires(t *testing.T) {
	got := literalRequires(`require('a'); require ("b"); x.require('c'); myrequire('d'); require('a'); require(e); require( 'f' ); require('g' + h)`)
	want := []string{"a", "f"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("got %q, want %q", got, want)
	}
}
