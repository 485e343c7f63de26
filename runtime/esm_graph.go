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
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/testrunner/coverage"
)

// esmRecord is one prepared ES module. It is prepared in two phases: scan (read, transform,
// scan imports and exports, resolve relative imports) and compile (parse and compile).
type esmRecord struct {
	filename, loader string
	scan, compile    phase

	// Set by the scan phase.
	src     string // source without shebang
	t       transformed
	deps    []string            // static import specifiers, in order
	files   []string            // resolved filename per dep, "" when the loader must resolve it
	used    map[string][]string // names read from each dep
	exports []string            // own export names, nil when they depend on other modules
	meta    bool                // the code reads import.meta
	dynamic bool                // the code calls import()
	err     error               // reading or transforming failed
	// defaultLocal is esbuild's name of the anonymous default export (esmDefaultLocal)
	defaultLocal string

	// Set by the compile phase.
	prg  *goja.Program
	csrc string // the source prg was parsed from (its functions' text is part of it)
	cerr error
}

// phase is one step of preparing a record: done by whoever claims it first (a worker or the
// loop), waited for by the others.
type phase struct {
	claimed bool // guarded by esmGraph.mu
	done    chan struct{}
}

// esmGraph holds a runtime's prepared modules. Its methods are safe from any goroutine.
type esmGraph struct {
	host     *modules.Host
	cacheDir string
	stopped  func() bool // the runtime was stopped or closed: workers give up their queue
	fsys     *fsLoader   // Options.FS: sources come from it, and the loader resolves every import
	// cover instruments modules for --experimental-test-coverage (nil when off); it uses the
	// runtime, so then every phase runs on the loop (no workers).
	cover func(filename, src, generated string) string

	mu       sync.Mutex
	recs     map[string]*esmRecord // loader + "\x00" + filename
	scans    []*esmRecord          // scan jobs, first in first out (discovery)
	compiles []*esmRecord          // compile jobs, last in first out (the loader runs the deepest first)
	workers  int
	realDirs map[string]string
	pkgTypes map[string]string // directory -> "type" of its package scope
	// noPkg, when not nil (PrewarmMain's walk), records the package.json files found missing
	noPkg map[string]bool
}

var esmGraphKey = new(int)

// esmGraph returns the runtime's graph (loop only).
func (rt *Runtime) esmGraph() *esmGraph {
	return rt.host.State(esmGraphKey, func() any {
		var fsys *fsLoader
		if rt.opts.FS != nil {
			fsys = &fsLoader{rt.opts.FS}
		}
		cover := coverage.ModuleHook(rt.host)
		if fsys == nil && cover == nil && rt.opts.Permissions != nil && rt.opts.Permissions.All {
			if g := takePrewarmed(rt.opts.TransformCacheDir); g != nil {
				g.mu.Lock()
				g.stopped = rt.loop.Stopped
				g.mu.Unlock()
				return g
			}
		}
		return &esmGraph{
			host:     rt.host,
			cacheDir: rt.opts.TransformCacheDir,
			stopped:  rt.loop.Stopped,
			fsys:     fsys,
			cover:    cover,
			recs:     map[string]*esmRecord{},
			realDirs: map[string]string{},
			pkgTypes: map[string]string{},
		}
	}).(*esmGraph)
}

// PrewarmMain starts, on other goroutines, preparing the ES module graph of the program at path
// (reading, transforming with the cache in cacheDir, compiling), so that it overlaps the
// runtime's own start (New, bootstrap; Prewarm overlaps the glue's compiling likewise). Nothing
// happens unless path names an ES module. The first runtime with the same TransformCacheDir,
// no Options.FS and Permissions.All adopts the prepared graph. Call it only for a program that
// may read everything (the graph is prepared without permission checks). Safe from any
// goroutine; it returns at once.
func PrewarmMain(path, cacheDir string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	seen := &prewarmedPaths{noPkg: map[string]bool{}}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		seen.absMain, seen.realMain = abs, real
		abs = real
	}
	g := &esmGraph{cacheDir: cacheDir, stopped: func() bool { return false },
		recs: map[string]*esmRecord{}, realDirs: map[string]string{}, pkgTypes: map[string]string{},
		noPkg: seen.noPkg}
	g.mu.Lock()
	loader, ok := g.esmLoaderLocked(abs)
	g.noPkg = nil
	if !ok {
		// a CommonJS main (a .cjs file, or a .js one outside a "type": "module" package that
		// does not look like an ES module) is compiled while the runtime starts
		if ext := filepath.Ext(abs); ext == ".js" || ext == ".cjs" {
			if data, err := os.ReadFile(abs); err == nil && (ext == ".cjs" || !looksESM(string(data))) {
				prewarmCompile(abs, string(data))
			}
		}
	}
	if ok {
		r := newRecord(abs, loader)
		g.recs[loader+"\x00"+abs] = r
		g.scans = append(g.scans, r)
		g.workers++
		go g.work()
	}
	g.mu.Unlock()
	if ok {
		go modules.CompileOnce(loaderName, esmCore())
	}
	prewarmed.Lock()
	if ok {
		prewarmed.g = g
	}
	prewarmed.paths = seen
	prewarmed.Unlock()
}

// prewarmedPaths is what PrewarmMain learnt of the file system on the main module's way, for the
// first runtime's loader, which would otherwise ask the same again: the main's real path, and the
// package.json files missing from its directory up to the root. The first runtime reading the real
// file system takes them, and uses each answer once (the loader caches what it learns).
type prewarmedPaths struct {
	absMain, realMain string
	noPkg             map[string]bool
}

// takePrewarmedPaths returns what PrewarmMain saw, to the first runtime that asks (which uses
// each answer once, on its loop).
func takePrewarmedPaths() *prewarmedPaths {
	prewarmed.Lock()
	defer prewarmed.Unlock()
	p := prewarmed.paths
	prewarmed.paths = nil
	return p
}

// realpath returns the real path PrewarmMain found for abs, once.
func (p *prewarmedPaths) realpath(abs string) (string, bool) {
	if p == nil || p.realMain == "" || p.absMain != abs {
		return "", false
	}
	real := p.realMain
	p.realMain = ""
	return real, true
}

// noPackage reports, once, whether PrewarmMain found the package.json file at path missing.
func (p *prewarmedPaths) noPackage(path string) bool {
	if p == nil || !p.noPkg[path] {
		return false
	}
	delete(p.noPkg, path)
	return true
}

// prewarmed is the graph PrewarmMain started, until a runtime adopts it, and the paths it saw.
var prewarmed struct {
	sync.Mutex
	g     *esmGraph
	paths *prewarmedPaths
}

func takePrewarmed(cacheDir string) *esmGraph {
	prewarmed.Lock()
	defer prewarmed.Unlock()
	g := prewarmed.g
	if g == nil || g.cacheDir != cacheDir {
		return nil
	}
	prewarmed.g = nil
	return g
}

func newRecord(filename, loader string) *esmRecord {
	return &esmRecord{filename: filename, loader: loader,
		scan: phase{done: make(chan struct{})}, compile: phase{done: make(chan struct{})}}
}

// do runs f for phase p unless another goroutine claimed it, then waits for it to be done.
func (g *esmGraph) do(p *phase, f func()) {
	g.mu.Lock()
	if !p.claimed {
		p.claimed = true
		g.mu.Unlock()
		f()
		close(p.done)
		return
	}
	g.mu.Unlock()
	<-p.done
}

// scanned returns the module filename after its scan phase, doing it here when no worker has
// started it. src, when not nil, is the source the loader already read.
func (g *esmGraph) scanned(filename, loader string, src *string) *esmRecord {
	key := loader + "\x00" + filename
	g.mu.Lock()
	r := g.recs[key]
	if r == nil {
		r = newRecord(filename, loader)
		g.recs[key] = r
	}
	g.mu.Unlock()
	g.do(&r.scan, func() { g.scanRecord(r, src) })
	if src != nil && r.err == nil && stripShebang(*src) != r.src {
		// The file changed since it was prepared: prepare what the loader read.
		r = newRecord(filename, loader)
		g.do(&r.scan, func() { g.scanRecord(r, src) })
		g.mu.Lock()
		g.recs[key] = r
		g.mu.Unlock()
	}
	return r
}

// compiled waits for (or does) r's compile phase.
func (g *esmGraph) compiled(r *esmRecord) {
	g.do(&r.compile, func() { g.compileRecord(r) })
}

func (g *esmGraph) scanRecord(r *esmRecord, src *string) {
	defer g.queued(r)
	if src != nil {
		r.src = stripShebang(*src)
	} else {
		if err := g.checkRead(r.filename); err != nil {
			r.err = err
			return
		}
		var data []byte
		var err error
		if g.fsys != nil {
			data, err = g.fsys.read(r.filename)
		} else {
			data, err = os.ReadFile(r.filename)
		}
		if err != nil {
			r.err = modules.NewSystemError(err, "open", r.filename, "")
			return
		}
		r.src = stripShebang(string(data))
	}
	code, loader, cacheDir := r.src, r.loader, g.cacheDir
	if g.cover != nil {
		if s, l, ok := coverSource(g.cover, code, r.filename, loader, true); ok {
			code, loader, cacheDir = s, l, "" // per run: not worth a disk entry
		}
	}
	t, err := transformModule(code, r.filename, loader, true, cacheDir)
	if err != nil {
		r.err = err
		return
	}
	r.t = t
	r.meta = strings.Contains(t.code, "__gojs_meta")
	r.dynamic = strings.Contains(t.code, "__gojs_import(")
	r.deps, r.used, r.exports = scanModule(t.code)
	r.defaultLocal = esmDefaultLocal(t.code, r.src)
	if r.deps == nil {
		r.deps = []string{}
	}
	r.files = make([]string, len(r.deps))
	for i, spec := range r.deps {
		r.files[i] = g.resolve(r.filename, spec)
	}
}

// checkRead is the permission check for reading a module (none in a prewarmed graph, which is
// only adopted by runtimes that may read everything).
func (g *esmGraph) checkRead(p string) error {
	if g.host == nil {
		return nil
	}
	return g.host.CheckPath(modules.ScopeFSRead, p)
}

// compiledT is the transformed module as it is compiled: its anonymous default export named
// (nameDefault). Its link steps (esmLinkSteps) are read from it.
func (r *esmRecord) compiledT() transformed {
	t := r.t
	t.code = nameDefault(t.code, r.defaultLocal)
	return t
}

// programCache keeps compiled ES modules for the process (a goja.Program is shareable between
// runtimes), by file name and transformed code: workers, `gojs test` files and --watch
// restarts that load the same modules compile them once.
var programCache sync.Map // string -> cachedProgram

// A cachedProgram is a compiled ES module and the source it was compiled from.
type cachedProgram struct {
	prg *goja.Program
	src string
}

func (g *esmGraph) compileRecord(r *esmRecord) {
	if r.err != nil {
		return
	}
	key := r.filename + "\x00" + r.compiledT().code
	if p, ok := programCache.Load(key); ok {
		r.prg, r.csrc = p.(cachedProgram).prg, p.(cachedProgram).src
		return
	}
	r.prg, r.csrc, r.cerr = compileTransformed(r.filename, esmCompiledSource(r.compiledT(), r.defaultLocal), true)
	if r.cerr == nil {
		programCache.Store(key, cachedProgram{r.prg, r.csrc})
	}
}

// queued hands a scanned record's compile and its ES module dependencies to the workers.
func (g *esmGraph) queued(r *esmRecord) {
	if r.err != nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.compiles = append(g.compiles, r)
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
		d := newRecord(f, loader)
		g.recs[key] = d
		g.scans = append(g.scans, d)
	}
	for g.cover == nil && g.workers < goruntime.GOMAXPROCS(0) && g.workers < len(g.scans)+len(g.compiles) {
		g.workers++
		go g.work()
	}
}

func (g *esmGraph) work() {
	for {
		g.mu.Lock()
		var r *esmRecord
		var p *phase
		for r == nil && len(g.scans) > 0 {
			r = g.scans[0]
			g.scans = g.scans[1:]
			p = &r.scan
			if p.claimed {
				r = nil
			}
		}
		for r == nil && len(g.compiles) > 0 {
			r = g.compiles[len(g.compiles)-1]
			g.compiles = g.compiles[:len(g.compiles)-1]
			p = &r.compile
			if p.claimed {
				r = nil
			}
		}
		if r == nil || g.stopped() {
			// Done, or the runtime is gone (an unclaimed phase is done by whoever needs it).
			if r != nil {
				g.scans, g.compiles = nil, nil
			}
			g.workers--
			g.mu.Unlock()
			return
		}
		p.claimed = true
		g.mu.Unlock()
		if p == &r.scan {
			g.scanRecord(r, nil)
		} else {
			g.compileRecord(r)
		}
		close(p.done)
	}
}

// resolve resolves a relative or absolute import specifier of the module at parent to a real
// file path, as the loader's resolution would when the file exists as named; "" leaves every
// other case (bare names, directories, missing files, URLs) to the loader.
func (g *esmGraph) resolve(parent, spec string) string {
	if g.fsys != nil {
		return ""
	}
	spec = splitAttr(spec)
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
	if g.host != nil && !g.host.Allowed(modules.ScopeFSRead, p) {
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
		if g.host != nil && !g.host.Allowed(modules.ScopeFSRead, pj) {
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
		} else {
			if g.noPkg != nil && errors.Is(err, fs.ErrNotExist) {
				g.noPkg[pj] = true
			}
			if parent := filepath.Dir(dir); parent != dir {
				t = g.pkgTypeLocked(parent)
			}
		}
	}
	g.pkgTypes[dir] = t
	return t
}

// esmGraphBinding adds the prepared-module functions to the loader binding.
func (rt *Runtime) esmGraphBinding(lz *modules.LazyFuncs) {
	vm := rt.vm
	// esmPrepare(filename, loader, content|null) -> { async, meta, dynamic, deps, files, used,
	// check, missing, ns }: ns is the module's namespace object, empty (made here: this runs once
	// per module, and each call from JS into Go or a JS-made object costs more than Go's).
	// Called once per module: it takes a FunctionCall rather than typed arguments, which goja
	// would convert by reflection.
	nsTag := vm.ToValue("Module")
	lz.Set("esmPrepare", func(call goja.FunctionCall) goja.Value {
		filename, loader, content := call.Argument(0).String(), call.Argument(1).String(), call.Argument(2)
		var src *string
		if !goja.IsNull(content) && !goja.IsUndefined(content) {
			s := content.String()
			src = &s
		}
		g := rt.esmGraph()
		r := g.scanned(filename, loader, src)
		rt.raisePrepared(r, filename)
		o := vm.NewObject()
		o.Set("async", r.t.async)
		if steps := esmLinkSteps(r.compiledT()); len(steps) > 0 {
			// the specifiers the link steps import ('' for the __export call)
			specs := make([]any, len(steps))
			for i, st := range steps {
				specs[i] = st.spec
			}
			o.Set("link", vm.NewArray(specs...))
		}
		o.Set("meta", r.meta)
		o.Set("dynamic", r.dynamic)
		ns := vm.NewObject()
		_ = ns.SetPrototype(nil)
		_ = ns.DefineDataPropertySymbol(goja.SymToStringTag, nsTag, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		o.Set("ns", ns) // (the target of the namespace esm.js makes)
		o.Set("nsInfo", namespaceInfoOf(r.t.code))
		o.Set("deps", jsStrings(vm, r.deps))
		o.Set("files", jsStrings(vm, r.files))
		usedObj := vm.NewObject()
		_ = usedObj.SetPrototype(nil)
		// Link check, ahead of evaluation: names read from an ES module dependency Go resolved
		// are checked against its static export list here; check[i] marks the deps the loader
		// must look at itself.
		check := make([]any, len(r.deps))
		for i, spec := range r.deps {
			names, ok := r.used[spec]
			if !ok {
				check[i] = false
				continue
			}
			usedObj.Set(spec, jsStrings(vm, names))
			f := r.files[i]
			check[i] = true
			if f == "" {
				continue
			}
			g.mu.Lock()
			dl, isESM := g.esmLoaderLocked(f)
			g.mu.Unlock()
			if !isESM {
				continue
			}
			check[i] = false
			d := g.scanned(f, dl, nil)
			if d.err != nil || d.exports == nil {
				continue // reported when it loads, or checked after it ran
			}
			for _, name := range names {
				if !slices.Contains(d.exports, name) {
					o.Set("missing", jsStrings(vm, []string{spec, name}))
					break
				}
			}
			if o.Get("missing") != nil {
				break
			}
		}
		o.Set("check", vm.NewArray(check...))
		o.Set("used", usedObj)
		return o
	})
	// esmCompile(filename, loader) -> the module's function, after esmPrepare.
	lz.Set("esmCompile", func(call goja.FunctionCall) goja.Value {
		filename, loader := call.Argument(0).String(), call.Argument(1).String()
		g := rt.esmGraph()
		r := g.scanned(filename, loader, nil)
		g.compiled(r)
		rt.raisePrepared(r, filename)
		if r.cerr != nil {
			if te := rt.regexpLiteralError(r.cerr, esmCompiledSource(r.compiledT(), r.defaultLocal), filename); te != nil {
				panic(rt.moduleSyntaxError(te))
			}
			panic(rt.syntaxError(r.cerr, filename))
		}
		rt.noteScriptSource(r.t.code)
		if r.defaultLocal != "" {
			if rt.esmDefaults == nil {
				rt.esmDefaults = map[string]string{}
			}
			rt.esmDefaults[filename] = r.defaultLocal
		}
		fn, err := vm.RunProgram(r.prg)
		if err != nil {
			panic(err)
		}
		rt.noteTransformedSource(r.csrc, filename)
		if isGuardedProgram(r.prg) {
			return rt.unguard(fn)
		}
		return fn
	})
	// esmPlaceholders(filename, loader) -> [names, tdz] (see exportPlaceholders), or undefined.
	lz.Set("esmPlaceholders", func(filename, loader string) goja.Value {
		r := rt.esmGraph().scanned(filename, loader, nil)
		if r.err != nil {
			return goja.Undefined()
		}
		names, tdz := exportPlaceholders(r.t.code)
		if names == nil {
			return goja.Undefined()
		}
		flags := make([]any, len(tdz))
		for i, t := range tdz {
			flags[i] = t
		}
		return vm.NewArray(jsStrings(vm, names), vm.NewArray(flags...))
	})
	// esmExports(filename, loader) -> the module's static export names, or undefined.
	lz.Set("esmExports", func(filename, loader string) goja.Value {
		r := rt.esmGraph().scanned(filename, loader, nil)
		if r.err != nil || r.exports == nil {
			return goja.Undefined()
		}
		return jsStrings(vm, r.exports)
	})
}

// raisePrepared throws r's reading or transform error as the loader would (loop only).
func (rt *Runtime) raisePrepared(r *esmRecord, filename string) {
	if r.err == nil {
		rt.setSource(filename, r.src, true)
		rt.noteAsyncModule(filename, r.t.async)
		return
	}
	if te, ok := r.err.(*transformError); ok {
		rt.setSource(filename, r.src, true)
		panic(rt.moduleSyntaxError(te))
	}
	rt.host.Throw(r.err)
}
