package runtime

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/runtime/js"
)

// imagesScript loads what a program commonly starts with, so that its glue is compiled (and
// recorded): every built-in and its exports (lazy members compile on first use), process's
// members, an ES module.
const imagesScript = `
const { builtinModules } = require('module');
for (const name of builtinModules) {
  let m;
  try { m = require(name); } catch { continue; }
  if (m === null || (typeof m !== 'object' && typeof m !== 'function')) continue;
  for (const k of Object.getOwnPropertyNames(m)) { try { void m[k]; } catch {} }
}
for (const k of Object.getOwnPropertyNames(process)) { try { void process[k]; } catch {} }
for (const k of Object.getOwnPropertyNames(globalThis)) { try { void globalThis[k]; } catch {} }
import('./images-esm.mjs').then((ns) => { void ns.x; });
`

// TestImagesChild is TestImagesUpToDate's child process: a new process, so that every glue
// compiles (and is recorded) in it. It prints the key and name of each program compiled, and
// writes the images when GOJS_IMAGES_UPDATE is set.
func TestImagesChild(t *testing.T) {
	if os.Getenv("GOJS_IMAGES_CHILD") == "" {
		t.Skip("run by TestImagesUpToDate")
	}
	type rec struct {
		name, src string
		strict    bool
		prg       *goja.Program
	}
	var mu sync.Mutex
	var recs []rec
	modules.SetCompileRecorder(func(name, src string, strict bool, prg *goja.Program) {
		mu.Lock()
		recs = append(recs, rec{name, src, strict, prg})
		mu.Unlock()
	})
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.js"), []byte(imagesScript), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "images-esm.mjs"), []byte("export const x = await Promise.resolve(1);\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rt, err := New(Options{Cwd: dir, Stdout: &out, Stderr: &out, Permissions: AllowAll})
	if err != nil {
		t.Fatal(err)
	}
	code, err := rt.RunMain(context.Background(), filepath.Join(dir, "main.js"))
	rt.Close()
	if err != nil || code != 0 {
		t.Fatalf("exit %d, %v: %s", code, err, out.String())
	}
	modules.SetCompileRecorder(nil)
	mu.Lock()
	defer mu.Unlock()
	update := os.Getenv("GOJS_IMAGES_UPDATE") != ""
	for _, r := range recs {
		key := modules.ImageKey(r.name, r.src, r.strict)
		img, err := modules.EncodeProgram(r.prg, r.src)
		if err != nil {
			t.Logf("%s: no image: %v", r.name, err)
			continue
		}
		if update {
			if err := os.WriteFile(filepath.Join("js", js.ImageFile(key)), img, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		fmt.Printf("image %016x %s\n", key, r.name)
	}
}

// TestImagesUpToDate checks that runtime/js holds an image of every glue program a start
// compiles, and no other (GOJS_IMAGES_UPDATE=1, as go generate ./runtime/js sets it, rewrites
// them).
func TestImagesUpToDate(t *testing.T) {
	if os.Getenv("GOJS_IMAGES_CHILD") != "" {
		t.Skip()
	}
	update := os.Getenv("GOJS_IMAGES_UPDATE") != ""
	if update {
		old, _ := filepath.Glob("js/images/*.img")
		for _, f := range old {
			os.Remove(f)
		}
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestImagesChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "GOJS_IMAGES_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	want := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) >= 3 && f[0] == "image" {
			want[f[1]] = strings.Join(f[2:], " ")
		}
	}
	if len(want) < 10 {
		t.Fatalf("the child compiled %d programs:\n%s", len(want), out)
	}
	if update {
		var lines []string
		for k, name := range want {
			lines = append(lines, k+" "+name)
		}
		sort.Strings(lines)
		index := "# program images (see js.go): key and name of each\n" + strings.Join(lines, "\n") + "\n"
		if err := os.WriteFile("js/images/INDEX", []byte(index), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	have, _ := filepath.Glob("js/images/*.img")
	got := map[string]bool{}
	for _, f := range have {
		got[strings.TrimSuffix(filepath.Base(f), ".img")] = true
	}
	var stale []string
	for k, name := range want {
		if !got[k] {
			stale = append(stale, "missing "+k+" "+name)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			stale = append(stale, "unused "+k)
		}
	}
	if len(stale) > 0 {
		sort.Strings(stale)
		t.Errorf("the program images are stale: run go generate ./runtime/js\n%s", strings.Join(stale, "\n"))
	}
}
