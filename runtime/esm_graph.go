package runtime

// Preparing ES modules off the loop. When the loader asks for an ES module, the Go side reads
// it, transforms it (or takes the cached transform), scans its imports, resolves the relative
// ones, and parses and compiles it to a goja.Program; the ES module dependencies found this way
// are prepared at the same time by worker goroutines, so by the time the loader (which still
// walks the graph in order, on the loop) reaches them they are ready to run. Only
// module-independent work happens off the loop: goja.Programs need no runtime, and errors are
// kept and raised on the loop when the module is actually loaded.

import (
	"encoding/json"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// esmRecord is one prepared ES module.
type esmRecord struct {
	done    chan struct{} // closed once the fields below are set
	src     string        // source without shebang
	t       transformed
	deps    []string            // static import specifiers, in order
	files   []string            // resolved filename per dep, "" when the loader must resolve it
	used    map[string][]string // names read from each dep
	exports []string            // own export names, nil when they depend on other modules
	prg     *goja.Program
	err     error // reading or transforming failed
	cerr    error // compiling failed
}

// esmGraph holds a runtime's prepared modules. Its methods are safe from any goroutine.
type esmGraph struct {
	host     *modules.Host
	cacheDir string

	mu       sync.Mutex
	recs     map[string]*esmRecord // loader + "\x00" + filename
	queue    []esmJob
	workers  int
	realDirs map[string]string
	pkgTypes map[string]string // directory -> "type" of its package scope
}

type esmJob struct {
	rec              *esmRecord
	filename, loader string
}

var esmGraphKey = new(int)

// esmGraph returns the runtime's graph (loop only).
func (rt *Runtime) esmGraph() *esmGraph {
	return rt.host.State(esmGraphKey, func() any {
		return &esmGraph{
			host:     rt.host,
			cacheDir: rt.opts.TransformCacheDir,
			recs:     map[string]*esmRecord{},
			realDirs: map[string]string{},
			pkgTypes: map[string]string{},
		}
	}).(*esmGraph)
}

// get returns the prepared module filename, preparing it here when no worker has started it.
// src, when not nil, is the source the loader already read.
func (g *esmGraph) get(filename, loader string, src *string) *esmRecord {
	key := loader + "\x00" + filename
	g.mu.Lock()
	r := g.recs[key]
	if r == nil {
		r = &esmRecord{done: make(chan struct{})}
		g.recs[key] = r
		g.mu.Unlock()
		g.fill(r, filename, loader, src)
		close(r.done)
	} else {
		g.mu.Unlock()
		<-r.done
	}
	if src != nil && r.err == nil && stripShebang(*src) != r.src {
		// The file changed since it was prepared: prepare what the loader read.
		r = &esmRecord{done: make(chan struct{})}
		g.fill(r, filename, loader, src)
		close(r.done)
		g.mu.Lock()
		g.recs[key] = r
		g.mu.Unlock()
	}
	g.prefetch(r)
	return r
}

func (g *esmGraph) fill(r *esmRecord, filename, loader string, src *string) {
	if src != nil {
		r.src = stripShebang(*src)
	} else {
		if err := g.host.CheckPath(modules.ScopeFSRead, filename); err != nil {
			r.err = err
			return
		}
		data, err := os.ReadFile(filename)
		if err != nil {
			r.err = modules.NewSystemError(err, "open", filename, "")
			return
		}
		r.src = stripShebang(string(data))
	}
	t, err := transformModule(r.src, filename, loader, true, g.cacheDir)
	if err != nil {
		r.err = err
		return
	}
	r.t = t
	r.deps, r.used, r.exports = scanModule(t.code)
	if r.deps == nil {
		r.deps = []string{}
	}
	r.files = make([]string, len(r.deps))
	for i, spec := range r.deps {
		r.files[i] = g.resolve(filename, spec)
	}
	r.prg, r.cerr = compileSource(filename, esmWrapperPrefix+t.code+"\n})")
}

// prefetch queues r's ES module dependencies not prepared yet for the workers.
func (g *esmGraph) prefetch(r *esmRecord) {
	if r.err != nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, f := range r.files {
		if f == "" {
			continue
		}
		loader, ok := g.esmLoaderLocked(f)
		if !ok {
			continue
		}
		key := loader + "\x00" + f
		if g.recs[key] != nil {
			continue
		}
		d := &esmRecord{done: make(chan struct{})}
		g.recs[key] = d
		g.queue = append(g.queue, esmJob{d, f, loader})
	}
	for g.workers < goruntime.GOMAXPROCS(0) && g.workers < len(g.queue) {
		g.workers++
		go g.work()
	}
}

func (g *esmGraph) work() {
	for {
		g.mu.Lock()
		if len(g.queue) == 0 {
			g.workers--
			g.mu.Unlock()
			return
		}
		j := g.queue[0]
		g.queue = g.queue[1:]
		g.mu.Unlock()
		g.fill(j.rec, j.filename, j.loader, nil)
		close(j.rec.done)
		g.prefetch(j.rec)
	}
}

// resolve resolves a relative or absolute import specifier of the module at parent to a real
// file path, as the loader's resolution would when the file exists as named; "" leaves every
// other case (bare names, directories, missing files, URLs) to the loader.
func (g *esmGraph) resolve(parent, spec string) string {
	if !strings.HasPrefix(spec, "./") && !strings.HasPrefix(spec, "../") && !strings.HasPrefix(spec, "/") {
		return ""
	}
	if strings.HasSuffix(spec, "/") || strings.HasSuffix(spec, "/.") || strings.HasSuffix(spec, "/..") {
		return ""
	}
	p := spec
	if spec[0] != '/' {
		p = filepath.Join(filepath.Dir(parent), spec)
	} else {
		p = filepath.Clean(p)
	}
	if !g.host.Allowed(modules.ScopeFSRead, p) {
		return ""
	}
	fi, err := os.Lstat(p)
	if err != nil {
		return ""
	}
	if fi.Mode().IsRegular() {
		dir := filepath.Dir(p)
		g.mu.Lock()
		real, ok := g.realDirs[dir]
		g.mu.Unlock()
		if !ok {
			real, err = filepath.EvalSymlinks(dir)
			if err != nil {
				return ""
			}
			g.mu.Lock()
			g.realDirs[dir] = real
			g.mu.Unlock()
		}
		return filepath.Join(real, filepath.Base(p))
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			if real, err := filepath.EvalSymlinks(p); err == nil {
				return real
			}
		}
	}
	return ""
}

// esmLoaderLocked tells whether file f is an ES module by its name and package scope (as the
// loader decides) and which transform it takes. Untyped .js files, which need a look at their
// source, are left to the loader. g.mu is held.
func (g *esmGraph) esmLoaderLocked(f string) (string, bool) {
	ext := filepath.Ext(f)
	switch ext {
	case ".mjs":
		return "js", true
	case ".mts":
		return "ts", true
	case ".js", ".ts", ".tsx", ".jsx":
	default:
		return "", false
	}
	if g.pkgTypeLocked(filepath.Dir(f)) != "module" {
		return "", false
	}
	switch ext {
	case ".ts":
		return "ts", true
	case ".tsx":
		return "tsx", true
	case ".jsx":
		return "jsx", true
	}
	return "js", true
}

func (g *esmGraph) pkgTypeLocked(dir string) string {
	if t, ok := g.pkgTypes[dir]; ok {
		return t
	}
	t := ""
	if !strings.HasSuffix(dir, "/node_modules") {
		pj := filepath.Join(dir, "package.json")
		if !g.host.Allowed(modules.ScopeFSRead, pj) {
			t = "none"
		} else if data, err := os.ReadFile(pj); err == nil {
			var pkg struct {
				Type string `json:"type"`
			}
			if json.Unmarshal(data, &pkg) == nil {
				t = pkg.Type
			}
			if t == "" {
				t = "none"
			}
		} else if parent := filepath.Dir(dir); parent != dir {
			t = g.pkgTypeLocked(parent)
		}
	}
	g.pkgTypes[dir] = t
	return t
}

// esmGraphBinding adds the prepared-module functions to the loader binding.
func (rt *Runtime) esmGraphBinding(b *goja.Object) {
	vm := rt.vm
	// esmPrepare(filename, loader, content|null) -> { fn, async, deps, files, used, exports }
	b.Set("esmPrepare", func(filename, loader string, content goja.Value) goja.Value {
		var src *string
		if content != nil && !goja.IsNull(content) && !goja.IsUndefined(content) {
			s := content.String()
			src = &s
		}
		r := rt.esmGraph().get(filename, loader, src)
		rt.raisePrepared(r, filename)
		fn, err := vm.RunProgram(r.prg)
		if err != nil {
			panic(err)
		}
		o := vm.NewObject()
		o.Set("fn", fn)
		o.Set("async", r.t.async)
		o.Set("deps", r.deps)
		o.Set("files", r.files)
		usedObj := vm.NewObject()
		for _, spec := range r.deps {
			if names, ok := r.used[spec]; ok {
				usedObj.Set(spec, names)
			}
		}
		o.Set("used", usedObj)
		if r.exports != nil {
			o.Set("exports", r.exports)
		}
		return o
	})
	// esmExports(filename, loader) -> the module's static export names, or undefined.
	b.Set("esmExports", func(filename, loader string) goja.Value {
		r := rt.esmGraph().get(filename, loader, nil)
		if r.err != nil || r.exports == nil {
			return goja.Undefined()
		}
		return vm.ToValue(r.exports)
	})
}

// raisePrepared throws r's reading, transform or compile error as the loader would (loop only).
func (rt *Runtime) raisePrepared(r *esmRecord, filename string) {
	if r.err == nil {
		rt.sources[filename] = r.src
	}
	if r.err != nil {
		if te, ok := r.err.(*transformError); ok {
			rt.sources[filename] = r.src
			panic(rt.syntaxErrorAt(te.msg, te.file, te.line, te.col))
		}
		rt.host.Throw(r.err)
	}
	if r.cerr != nil {
		panic(rt.syntaxError(r.cerr, filename))
	}
}
