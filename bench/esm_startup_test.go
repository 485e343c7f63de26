package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// writeESMApp writes an n-file ES module app (each module imports the previous two and
// exports a class, a function and a constant) and returns its entry point.
func writeESMApp(b *testing.B, dir string, n int, ts bool) string {
	ext := ".mjs"
	if ts {
		ext = ".mts"
	}
	for i := 0; i < n; i++ {
		src := ""
		for _, j := range []int{i - 1, i - 2} {
			if j >= 0 {
				src += fmt.Sprintf("import { f%d, C%d } from './m%d%s';\n", j, j, j, ext)
			}
		}
		typ := ""
		if ts {
			typ = ": number"
			src += fmt.Sprintf("export interface I%d { a: number; b?: string }\n", i)
		}
		src += fmt.Sprintf("export const k%d%s = %d;\n", i, typ, i)
		src += fmt.Sprintf("export class C%d { v%s; constructor(v%s) { this.v = v; } get() { return this.v * 2; } }\n", i, typ, typ)
		src += fmt.Sprintf("export function f%d(x%s)%s {\n  let s = x;\n", i, typ, typ)
		for _, j := range []int{i - 1, i - 2} {
			if j >= 0 {
				src += fmt.Sprintf("  s += typeof f%d + typeof C%d;\n", j, j)
			}
		}
		src += "  return String(s).length;\n}\n"
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("m%d%s", i, ext)), []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	main := filepath.Join(dir, "main"+ext)
	src := fmt.Sprintf("import { f%d } from './m%d%s';\nconsole.log(f%d(1));\n", n-1, n-1, ext, n-1)
	if err := os.WriteFile(main, []byte(src), 0o644); err != nil {
		b.Fatal(err)
	}
	return main
}

func buildGojs(b *testing.B) string {
	bin := filepath.Join(b.TempDir(), "gojs")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/gojs-dev/gojs/cmd/gojs").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func runStartup(b *testing.B, cacheDir func(i int) string, name string, args ...string) {
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(name, args...)
		cmd.Env = append(os.Environ(), "GOJS_CACHE_DIR="+cacheDir(i))
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
	}
}

// BenchmarkESMStartup starts a 200-file ES module app and a 50-file TypeScript app as a new
// process: gojs with an empty transform cache (cold), with a warm disk cache, and node (ESM).
func BenchmarkESMStartup(b *testing.B) {
	bin := buildGojs(b)
	for _, app := range []struct {
		name string
		n    int
		ts   bool
	}{{"esm200", 200, false}, {"ts50", 50, true}} {
		dir := b.TempDir()
		main := writeESMApp(b, dir, app.n, app.ts)
		b.Run(app.name+"/gojs-cold", func(b *testing.B) {
			root := b.TempDir()
			runStartup(b, func(i int) string { return filepath.Join(root, fmt.Sprint(i)) }, bin, main)
		})
		b.Run(app.name+"/gojs-warm", func(b *testing.B) {
			cache := b.TempDir()
			runStartup(&testing.B{N: 1}, func(int) string { return cache }, bin, main)
			b.ResetTimer()
			runStartup(b, func(int) string { return cache }, bin, main)
		})
		if !app.ts {
			b.Run(app.name+"/node", func(b *testing.B) {
				if _, err := exec.LookPath("node"); err != nil {
					b.Skip("node not installed")
				}
				runStartup(b, func(int) string { return "" }, "node", main)
			})
		}
	}
}
