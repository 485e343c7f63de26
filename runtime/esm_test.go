package runtime

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

func TestTransformModuleCache(t *testing.T) {
	dir := t.TempDir()
	src := "import { a } from './a.mjs';\nexport const b = a + 1;\n"
	first, err := transformModule(src, "/x/cache-test.mjs", "js", true, dir)
	if err != nil {
		t.Fatal(err)
	}
	if first.async {
		t.Fatal("module without top-level await reported async")
	}
	if !strings.Contains(first.code, `__gojs_require("./a.mjs")`) {
		t.Fatalf("import not turned into a loader call:\n%s", first.code)
	}
	var files []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) != 1 {
		t.Fatalf("disk cache files = %v, want one", files)
	}
	// A fresh process (empty memory cache) reads the disk copy.
	transformCache.Clear()
	again, err := transformModule(src, "/x/cache-test.mjs", "js", true, dir)
	if err != nil || again != first {
		t.Fatalf("disk cache round trip differs (err %v)", err)
	}
}

func TestTransformTopLevelAwait(t *testing.T) {
	tr, err := transformModule("const v = await Promise.resolve(1) * 2;\nexport { v };\n", "/x/tla.mjs", "js", true, "")
	if err != nil {
		t.Fatal(err)
	}
	if !tr.async || !strings.HasPrefix(tr.code, "return (async () => {") || !strings.Contains(tr.code, "await Promise.resolve(1) * 2") {
		t.Fatalf("top-level await not wrapped:\n%s", tr.code)
	}
	fa, err := transformModule("for await (const x of []) {}\n", "/x/fa.mjs", "js", true, "")
	if err != nil || !fa.async || strings.Contains(fa.code, "for await") {
		t.Fatalf("top-level for await not lowered (err %v):\n%s", err, fa.code)
	}
}

func TestTransformTypeScriptSyntaxError(t *testing.T) {
	_, err := transformModule("const x: = 1;\n", "/x/bad.ts", "ts", false, "")
	te, ok := err.(*transformError)
	if !ok || te.line != 1 || te.col == 0 {
		t.Fatalf("err = %#v, want a positioned transform error", err)
	}
}

func TestShiftSourceMapColumns(t *testing.T) {
	for _, n := range []int{0, 1, -1, 15, 16, -16, 1000, -123456} {
		got, ok := decodeVLQ(encodeVLQ([]int{n, 0, n}))
		if !ok || got[0] != n || got[2] != n {
			t.Fatalf("VLQ round trip of %d = %v", n, got)
		}
	}
}

func TestScanModule(t *testing.T) {
	tr, err := transformModule(`import d, { a, b as c } from './a.mjs';
import * as ns from "node:fs";
import './side.mjs';
export const x = a + c + d;
export { ns as "odd name" };
export default 1;
`, "/x/scan.mjs", "js", true, "")
	if err != nil {
		t.Fatal(err)
	}
	deps, used, exports := scanModule(tr.code)
	if strings.Join(deps, ",") != "./a.mjs,node:fs,./side.mjs" {
		t.Fatalf("deps = %q", deps)
	}
	if strings.Join(used["./a.mjs"], ",") != "a,b,default" {
		t.Fatalf("used = %q\n%s", used, tr.code)
	}
	if strings.Join(exports, ",") != "default,odd name,x" {
		t.Fatalf("exports = %q", exports)
	}
}

// ES modules under Options.FS come from the fs.FS, never from the OS file system.
func TestESMFromFS(t *testing.T) {
	files := fstest.MapFS{
		"app/main.mjs":     {Data: []byte("import { who } from './lib/who.mjs';\nimport { n } from './lib/n.js';\nprocess.stdout.write('hello, ' + who + ' ' + n + '\\n');\n")},
		"app/lib/who.mjs":  {Data: []byte("export const who = 'fs.FS';\n")},
		"app/lib/n.js":     {Data: []byte("export const n = 2;\n")},
		"app/package.json": {Data: []byte(`{"type": "module"}`)},
	}
	var out strings.Builder
	rt, err := New(Options{Stdout: &out, Stderr: &out, FS: files, Cwd: "/app",
		Permissions: &Permissions{FSRead: []string{"/app"}}})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	if code, err := rt.RunMain(context.Background(), "main.mjs"); err != nil || code != 0 {
		t.Fatalf("code %d, err %v\n%s", code, err, out.String())
	}
	if out.String() != "hello, fs.FS 2\n" {
		t.Fatalf("output %q", out.String())
	}
}

// A module graph prepared by worker goroutines (cold, then warm from the disk cache, then from
// the process caches) runs as the loader walks it; run with -race.
func TestESMGraphPrepared(t *testing.T) {
	dir := t.TempDir()
	const n = 12
	for i := 0; i < n; i++ {
		src := ""
		for _, j := range []int{i - 1, i - 2} {
			if j >= 0 {
				src += "import { f" + strconv.Itoa(j) + " } from './m" + strconv.Itoa(j) + ".mjs';\n"
			}
		}
		src += "export const k" + strconv.Itoa(i) + " = " + strconv.Itoa(i) + ";\nexport function f" + strconv.Itoa(i) + "() { return " + strconv.Itoa(i)
		for _, j := range []int{i - 1, i - 2} {
			if j >= 0 {
				src += " + f" + strconv.Itoa(j) + "()"
			}
		}
		src += "; }\n"
		if err := os.WriteFile(filepath.Join(dir, "m"+strconv.Itoa(i)+".mjs"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	main := filepath.Join(dir, "main.mjs")
	if err := os.WriteFile(main, []byte("import { f11 } from './m11.mjs';\nconsole.log(f11() > 0);\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	for round := 0; round < 3; round++ {
		if round == 1 {
			transformCache.Clear()
			programCache.Clear()
		}
		var out strings.Builder
		rt, err := New(Options{Stdout: &out, Stderr: &out, Permissions: AllowAll, TransformCacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		code, err := rt.RunMain(context.Background(), main)
		rt.Close()
		if err != nil || code != 0 || out.String() != "true\n" {
			t.Fatalf("round %d: code %d, err %v, output %q", round, code, err, out.String())
		}
	}
}

// PrewarmMain prepares the main module's graph before the runtime exists; the runtime adopts it
// and runs the program as usual; one with another cache dir does not.
func TestPrewarmMainAdopted(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"main.mjs": "import { b } from './b.mjs';\nimport * as ns from './b.mjs';\nconsole.log(b, Object.keys(ns).join());\n",
		"b.mjs":    "export const b = 2, a = 1;\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	main := filepath.Join(dir, "main.mjs")
	cache := t.TempDir()
	PrewarmMain(main, cache)
	if takePrewarmed("elsewhere") != nil {
		t.Fatal("a runtime with another cache dir adopted the graph")
	}
	var out strings.Builder
	rt, err := New(Options{Stdout: &out, Permissions: AllowAll, TransformCacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	if code, err := rt.RunMain(context.Background(), main); code != 0 || err != nil {
		t.Fatal(code, err)
	}
	if out.String() != "2 a,b\n" {
		t.Fatalf("stdout %q", out.String())
	}
	if takePrewarmed(cache) != nil {
		t.Fatal("the runtime did not adopt the prewarmed graph")
	}
}

// The first runtime's loader takes what PrewarmMain learnt of the main module's way (its real
// path, the package.json files missing above it) instead of asking again; a package.json found
// is not among them.
func TestPrewarmMainPaths(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		filepath.Join(dir, "a", "package.json"): `{"type": "commonjs"}`,
		filepath.Join(sub, "main.js"):           `console.log(typeof require, require.main === module)`,
	}
	for name, src := range files {
		if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	main := filepath.Join(sub, "main.js")
	PrewarmMain(main, "")
	prewarmed.Lock()
	p := prewarmed.paths
	prewarmed.Unlock()
	if p == nil || !p.noPkg[filepath.Join(sub, "package.json")] || p.noPkg[filepath.Join(dir, "a", "package.json")] {
		t.Fatalf("prewarmed paths %+v", p)
	}
	var out strings.Builder
	rt, err := New(Options{Stdout: &out, Permissions: AllowAll})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	if takePrewarmedPaths() != nil {
		t.Fatal("the runtime did not take the prewarmed paths")
	}
	if code, err := rt.RunMain(context.Background(), main); code != 0 || err != nil {
		t.Fatal(code, err)
	}
	if out.String() != "function true\n" {
		t.Fatalf("stdout %q", out.String())
	}
	if len(p.noPkg) != 0 || p.realMain != "" {
		t.Fatalf("the loader did not take the prewarmed paths: %+v", p)
	}
}
