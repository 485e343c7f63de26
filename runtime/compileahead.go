package runtime

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"
)

// Compiling CommonJS files ahead. A program's start is mostly compiling the files it requires
// (goja compiles every function body up front), one after the other on the loop goroutine, while
// a second processor idles. So when the loader compiles a file, the files it names in literal
// require calls (relative paths, and packages found in node_modules through their package.json
// "main") are read and compiled on another goroutine, in the order named, as the loader would
// compile them (same name, same wrapped text). The loader's compile of such a file takes that
// result (waiting for it if it is being compiled), so a program behaves exactly as before: a file
// the worker has not got to, or whose text changed, is compiled as usual (and then not ahead).
//
// Measured (express 4, lodash and moment required, static build, two cores): 0.18-0.21 s wall
// against 0.21-0.23 s without (node: 0.16-0.17 s); nearly every file the loader compiled had been
// compiled ahead by then.
//
// It applies to runtimes that may read any file (Permissions.All) and load from the real file
// system, without coverage or source maps. What is compiled ahead and never required (a require
// in a branch not taken) is kept: so a process compiles ahead at most aheadBudget bytes of source,
// and only files of at most aheadMaxFile bytes.

const (
	aheadBudget  = 16 << 20
	aheadMaxFile = 4 << 20
)

var ahead struct {
	sync.Mutex
	pending map[scriptKey]*aheadCompile
	jobs    []aheadJob
	loaded  map[string]bool     // the files the loader compiled (not to be compiled ahead again)
	pkgs    map[string]aheadPkg // package directories looked at (aheadPackageMain)
	running bool                // the worker goroutine runs
	spent   int64               // source bytes compiled ahead so far (aheadBudget)
}

// aheadJob is a literal require to resolve from dir.
type aheadJob struct{ dir, spec string }

// aheadCompile is a file compiled ahead: state 1 while the worker compiles it, 2 once the loader
// took it.
type aheadCompile struct {
	key   scriptKey
	state atomic.Int32
	done  chan struct{}
	prg   *goja.Program
	err   error
}

// takeAhead returns the result of k compiled ahead, once, if it was: waiting for the worker if it
// is compiling it; false otherwise (the caller then compiles it itself).
func takeAhead(k scriptKey) (*goja.Program, error, bool) {
	ahead.Lock()
	a := ahead.pending[k]
	if a != nil {
		delete(ahead.pending, k)
	}
	ahead.Unlock()
	if a == nil || !a.state.CompareAndSwap(1, 2) {
		return nil, nil, false
	}
	<-a.done
	return a.prg, a.err, true
}

// compileAhead notes that the loader compiles filename, whose text is src, and queues the files
// src requires by literal names for the worker (which resolves, reads and compiles them: the
// loop does no file system work for it).
func (rt *Runtime) compileAhead(filename, src string) {
	specs := literalRequires(src)
	ahead.Lock()
	defer ahead.Unlock()
	if ahead.loaded == nil {
		ahead.loaded = map[string]bool{}
	}
	ahead.loaded[filename] = true
	if len(specs) == 0 || ahead.spent >= aheadBudget {
		return
	}
	dir := filepath.Dir(filename)
	for _, spec := range specs {
		ahead.jobs = append(ahead.jobs, aheadJob{dir, spec})
	}
	if !ahead.running {
		ahead.running = true
		go aheadWorker()
	}
}

func aheadWorker() {
	growStack()
	for {
		ahead.Lock()
		if len(ahead.jobs) == 0 || ahead.spent >= aheadBudget {
			ahead.jobs = nil
			ahead.running = false
			ahead.Unlock()
			return
		}
		job := ahead.jobs[0]
		ahead.jobs = ahead.jobs[1:]
		ahead.Unlock()
		if a := prepareAhead(job); a != nil {
			a.prg, a.err = compileSourceMaps(a.key.name, a.key.src, false, false)
			if a.err != nil {
				// not kept: the loader's own compile fails alike (an ES module at its first
				// import or export, which sends the loader to its syntax detection)
				ahead.Lock()
				if ahead.pending[a.key] == a {
					delete(ahead.pending, a.key)
				}
				ahead.Unlock()
			}
			close(a.done)
		}
	}
}

// prepareAhead resolves and reads job's file and registers its compile, unless the loader
// compiled it already, it is being compiled ahead, or it is not a CommonJS file to compile.
func prepareAhead(job aheadJob) *aheadCompile {
	f := resolveAhead(job.dir, job.spec)
	if f == "" {
		return nil
	}
	ahead.Lock()
	skip := ahead.loaded[f]
	ahead.Unlock()
	if skip {
		return nil
	}
	data, err := os.ReadFile(f)
	if err != nil || len(data) > aheadMaxFile {
		return nil
	}
	// (an ES module's compile fails at its first import or export, which sends the loader to
	// its syntax detection, as its own compile would: checking for one here first would parse
	// every CommonJS file whose strings hold import lines twice)
	text := string(data)
	k := scriptKey{f, cjsWrapperPrefix + stripShebang(text) + "\n})", false}
	scriptCache.Lock()
	_, cached := scriptCache.m[k]
	scriptCache.Unlock()
	ahead.Lock()
	defer ahead.Unlock()
	if _, queued := ahead.pending[k]; queued || cached || ahead.loaded[f] || ahead.spent+int64(len(data)) > aheadBudget {
		return nil
	}
	a := &aheadCompile{key: k, done: make(chan struct{})}
	a.state.Store(1)
	if ahead.pending == nil {
		ahead.pending = map[scriptKey]*aheadCompile{}
	}
	ahead.pending[k] = a
	ahead.spent += int64(len(data))
	return a
}

// literalRequires lists the specifiers of src's require('...') and require("...") calls, in
// order, without repeats: relative ones and bare package names (not built-ins' or node: ones,
// which the resolution leaves out anyway).
func literalRequires(src string) []string {
	var out []string
	seen := map[string]bool{}
	for off := 0; ; {
		i := strings.Index(src[off:], "require(")
		if i < 0 {
			return out
		}
		i += off
		off = i + len("require(")
		if i > 0 && (isIdentByte(src[i-1]) || src[i-1] == '.') {
			continue // (a.require(, myrequire()
		}
		j := off
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if j >= len(src) || src[j] != '\'' && src[j] != '"' {
			continue
		}
		q := src[j]
		end := strings.IndexByte(src[j+1:], q)
		if end < 0 || end > 256 {
			continue
		}
		spec := src[j+1 : j+1+end]
		k := j + 1 + end + 1
		for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
			k++
		}
		if k >= len(src) || src[k] != ')' || spec == "" || strings.ContainsAny(spec, "\\\n") || seen[spec] {
			continue
		}
		seen[spec] = true
		out = append(out, spec)
	}
}

// resolveAhead finds the file the loader would load for spec required from dir, in the common
// cases only ("" otherwise): a relative path that is a .js or .cjs file, or is one with .js
// added, or a directory with index.js and no package.json; a bare name found in a node_modules
// directory up from dir whose package.json has no "exports" and is not "type": "module", through
// its "main". The result is the real path, as the loader names a module.
func resolveAhead(dir, spec string) string {
	if strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") {
		return aheadFile(filepath.Join(dir, spec))
	}
	if spec[0] == '.' || spec[0] == '/' || strings.Contains(spec, ":") || defaultRegistry()[spec] != nil {
		return ""
	}
	name, sub := spec, ""
	if i := strings.IndexByte(spec, '/'); i >= 0 {
		if spec[0] != '@' {
			name, sub = spec[:i], spec[i+1:]
		} else if j := strings.IndexByte(spec[i+1:], '/'); j >= 0 {
			name, sub = spec[:i+1+j], spec[i+1+j+1:]
		}
	}
	for d := dir; ; d = filepath.Dir(d) {
		if filepath.Base(d) != "node_modules" {
			pkgDir := filepath.Join(d, "node_modules", name)
			if main, ok := aheadPackageMain(pkgDir); ok {
				if main == "" {
					return ""
				}
				if sub != "" {
					return aheadFile(filepath.Join(pkgDir, sub))
				}
				return aheadFile(filepath.Join(pkgDir, main))
			}
		}
		if parent := filepath.Dir(d); parent == d {
			return ""
		}
	}
}

// aheadPackageMain reports whether pkgDir is a package directory and, if it is, its "main" (with
// index.js for none), or "" for a package resolveAhead leaves alone ("exports", "type": "module").
// Read once per directory (a package is required from many files).
func aheadPackageMain(pkgDir string) (string, bool) {
	ahead.Lock()
	p, seen := ahead.pkgs[pkgDir]
	ahead.Unlock()
	if seen {
		return p.main, p.ok
	}
	if st, err := os.Stat(pkgDir); err == nil && st.IsDir() {
		p.ok, p.main = true, "index.js"
		var pkg struct {
			Main    string          `json:"main"`
			Type    string          `json:"type"`
			Exports json.RawMessage `json:"exports"`
		}
		if data, err := os.ReadFile(filepath.Join(pkgDir, "package.json")); err == nil {
			switch {
			case json.Unmarshal(data, &pkg) != nil || pkg.Exports != nil || pkg.Type == "module":
				p.main = ""
			case pkg.Main != "":
				p.main = pkg.Main
			}
		}
	}
	ahead.Lock()
	if ahead.pkgs == nil {
		ahead.pkgs = map[string]aheadPkg{}
	}
	ahead.pkgs[pkgDir] = p
	ahead.Unlock()
	return p.main, p.ok
}

// aheadReals makes the worker's files real (the real paths of the directories it went through
// kept for the process, as the loader keeps its own).
var aheadReals struct {
	sync.Mutex
	c realpathCache
}

type aheadPkg struct {
	main string
	ok   bool
}

// aheadFile is resolveAhead's file step for the path p.
func aheadFile(p string) string {
	for _, c := range []string{p, p + ".js", filepath.Join(p, "index.js")} {
		st, err := os.Stat(c)
		if err != nil || !st.Mode().IsRegular() {
			if c == p && err == nil && st.IsDir() {
				if _, err := os.Stat(filepath.Join(p, "package.json")); err == nil {
					return "" // (its "main" decides)
				}
			}
			continue
		}
		if ext := filepath.Ext(c); ext != ".js" && ext != ".cjs" {
			return ""
		}
		aheadReals.Lock()
		real, err := aheadReals.c.eval(c)
		aheadReals.Unlock()
		if err != nil {
			return ""
		}
		return real
	}
	return ""
}
