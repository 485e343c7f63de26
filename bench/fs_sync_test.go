package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

// BenchmarkFSSyncCalls measures one sync fs call of each kind per op under gojs: CPU time
// (cpu-ns/op: on a shared machine wall time mostly measures the neighbours) and allocations per
// call, one runtime per sub-benchmark, its setup and the script's warm-up outside the timer.
// With node on PATH the same loops run there first (20,000 calls each, CPU from
// process.cpuUsage), reported as node-cpu-ns/op and gojs's CPU per call over node's (x-node).
//
//	go test ./bench/ -run XXX -bench FSSyncCalls -benchtime 20000x
func BenchmarkFSSyncCalls(b *testing.B) {
	names := make([]string, 0, len(fsSyncCalls))
	for k := range fsSyncCalls {
		names = append(names, k)
	}
	slices.Sort(names)
	nodeNs := fsSyncNode(b, names)
	for _, name := range names {
		b.Run(name, func(b *testing.B) {
			dir := b.TempDir()
			setupFSSyncDir(b, dir)
			var out, errb bytes.Buffer
			rt, err := runtime.New(runtime.Options{Stdout: &out, Stderr: &errb, Cwd: dir, Permissions: runtime.AllowAll})
			if err != nil {
				b.Fatal(err)
			}
			defer rt.Close()
			src := fsSyncPrelude + `
globalThis.__step = () => { ` + fsSyncCalls[name] + ` };
for (let i = 0; i < 200; i++) __step();
`
			if code, err := rt.RunScript(context.Background(), filepath.Join(dir, "setup.js"), src); code != 0 || err != nil {
				b.Fatalf("setup: %d %v\n%s", code, err, errb.String())
			}
			loop := `for (let i = 0; i < ` + strconv.Itoa(b.N) + `; i++) __step();`
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cpuTime()
			if code, err := rt.RunScript(context.Background(), filepath.Join(dir, "loop.js"), loop); code != 0 || err != nil {
				b.Fatalf("loop: %d %v\n%s", code, err, errb.String())
			}
			cpu := float64(cpuTime()-cpu0) / float64(b.N)
			b.ReportMetric(cpu, "cpu-ns/op")
			if n := nodeNs[name]; n > 0 {
				b.ReportMetric(n, "node-cpu-ns/op")
				b.ReportMetric(cpu/n, "x-node")
			}
		})
	}
}

const fsSyncPrelude = `const fs = require('fs');
const fd = fs.openSync('f', 'r');
const wfd = fs.openSync('w', 'r+');
const buf = Buffer.alloc(16);
`

var fsSyncCalls = map[string]string{
	"existsSync":    `fs.existsSync('f')`,
	"existsMissing": `fs.existsSync('nope')`,
	"accessSync":    `fs.accessSync('f')`,
	"statSync":      `fs.statSync('f')`,
	"statMissing":   `fs.statSync('nope', { throwIfNoEntry: false })`,
	"statThrow":     `try { fs.statSync('nope') } catch {}`,
	"lstatSync":     `fs.lstatSync('l')`,
	"fstatSync":     `fs.fstatSync(fd)`,
	"openClose":     `fs.closeSync(fs.openSync('f', 'r'))`,
	"readSync":      `fs.readSync(fd, buf, 0, 16, 0)`,
	"readSyncBuf":   `fs.readSync(fd, buf)`,
	"writeSync":     `fs.writeSync(wfd, buf, 0, 4, 0)`,
	"writeSyncStr":  `fs.writeSync(wfd, 'abcd', 0)`,
	"readFile":      `fs.readFileSync('f')`,
	"readFileUtf8":  `fs.readFileSync('f', 'utf8')`,
	"readFileOpts":  `fs.readFileSync('f', { encoding: 'utf8' })`,
	"readdir":       `fs.readdirSync('d')`,
	"readdirTypes":  `fs.readdirSync('d', { withFileTypes: true })`,
	"realpath":      `fs.realpathSync('l')`,
	"realpathNat":   `fs.realpathSync.native('l')`,
	"readlink":      `fs.readlinkSync('l')`,
	"appendFile":    `fs.appendFileSync('/dev/null', 'x')`,
	"writeFile":     `fs.writeFileSync('/dev/null', 'x')`,
	"isFileMtime":   `const st = fs.statSync('f'); st.isFile(); st.mtime`,
}

// fsSyncNode runs every case under node, 20,000 calls each, and returns its CPU ns per call by
// name (nil without node).
func fsSyncNode(b *testing.B, names []string) map[string]float64 {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil
	}
	dir := b.TempDir()
	setupFSSyncDir(b, dir)
	var src strings.Builder
	src.WriteString(fsSyncPrelude + "const steps = {\n")
	for _, name := range names {
		fmt.Fprintf(&src, "  %q: () => { %s },\n", name, fsSyncCalls[name])
	}
	src.WriteString(`};
for (const [name, step] of Object.entries(steps)) {
  for (let i = 0; i < 200; i++) step();
  const c0 = process.cpuUsage();
  for (let i = 0; i < 20000; i++) step();
  const c = process.cpuUsage(c0);
  console.log(name, (c.user + c.system) * 1000 / 20000);
}
`)
	os.WriteFile(filepath.Join(dir, "sync.js"), []byte(src.String()), 0o644)
	cmd := exec.Command(node, "sync.js")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("node: %v\n%s", err, out)
	}
	m := map[string]float64{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if f := strings.Fields(line); len(f) == 2 {
			m[f[0]], _ = strconv.ParseFloat(f[1], 64)
		}
	}
	return m
}

func setupFSSyncDir(b *testing.B, dir string) {
	os.WriteFile(dir+"/f", []byte("hello world, hello"), 0o644)
	os.WriteFile(dir+"/w", nil, 0o644)
	os.Symlink("f", dir+"/l")
	os.Mkdir(dir+"/d", 0o755)
	for i := 0; i < 20; i++ {
		os.WriteFile(dir+"/d/x"+strconv.Itoa(i), nil, 0o644)
	}
}
