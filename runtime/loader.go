package runtime

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/testrunner/coverage"
	"github.com/gojs-dev/gojs/runtime/js"
)

// moduleModule is require('module'): its exports are the loader's Module, set after bootstrap.
var moduleModule = modules.Module{Name: "module"}

// loaderBinding is the Go side of the CommonJS loader: file system probes and compilation.
func (rt *Runtime) loaderBinding() *goja.Object {
	vm := rt.vm
	h := rt.host
	b := vm.NewObject()
	// the functions become JS functions as the loader first reads each
	lz := modules.NewLazyFuncsSize(vm, 32) // 25 in December 2026
	// (an error's uncaught excerpt, kept where the program cannot see it; the one kept)
	lz.Set("putArrow", rt.putArrowJS)
	lz.Set("arrowOf", rt.arrowOfJS)
	b.Set("builtinModules", rt.builtinModulesArray())
	if rt.flag("--report-on-signal") {
		b.Set("reportOnSignal", true)
	}
	if vals := h.FlagValues("--experimental-default-type"); len(vals) > 0 && vals[len(vals)-1] == "module" {
		b.Set("defaultTypeModule", true)
	}
	if conds := h.FlagValues("--conditions"); len(conds) > 0 {
		b.Set("conditions", conds) // node's --conditions / -C: export conditions of the user's
	}
	// preserveSymlinks() is node's --preserve-symlinks (1) and --preserve-symlinks-main (2), as bits
	lz.Set("preserveSymlinks", func(c goja.FunctionCall) goja.Value {
		n := 0
		if rt.flag("--preserve-symlinks") {
			n |= 1
		}
		if rt.flag("--preserve-symlinks-main") {
			n |= 2
		}
		return vm.ToValue(n)
	})
	// isBuiltin(name) and isSchemeOnly(name) answer from the registry (fixed once New returns)
	// rather than from JS Sets every runtime would build
	// (--expose-internals lets programs, node's own tests, require the internal ones too)
	exposeInternals := rt.flag("--expose-internals")
	lz.Set("isBuiltin", func(c goja.FunctionCall) goja.Value {
		m, ok := rt.registry[c.Argument(0).String()]
		return vm.ToValue(ok && (!m.Internal || exposeInternals) && !m.SchemeOnly)
	})
	lz.Set("isSchemeOnly", func(c goja.FunctionCall) goja.Value {
		m, ok := rt.registry[c.Argument(0).String()]
		return vm.ToValue(ok && m.SchemeOnly)
	})
	// (the functions a run reads take a goja.FunctionCall: no reflection wrapper to make or call)
	lz.Set("cwd", func(goja.FunctionCall) goja.Value { return vm.ToValue(h.Cwd()) })
	// normalize(p) is the loader's normalizeParts in Go: every runtime resolves its search paths
	// and its first module's, and splitting and joining in JS made an array and a string per
	// segment. Undefined for a string that does not survive the trip to UTF-8 (a lone
	// surrogate): the glue then does it in JS.
	lz.Set("normalize", func(c goja.FunctionCall) goja.Value {
		p := c.Argument(0).String()
		if strings.ContainsRune(p, utf8.RuneError) {
			return goja.Undefined()
		}
		return vm.ToValue(normalizeSlashPath(p))
	})
	lz.Set("callThrough", h.CallThrough)
	cover := coverage.Hook(h) // nil unless --experimental-test-coverage
	lz.Set("compile", func(c goja.FunctionCall) goja.Value {
		src, filename := c.Argument(0).String(), c.Argument(1).String()
		src = stripShebang(src)
		rt.sources[filename] = src
		rt.wrapped[filename] = true
		rt.noteScriptSource(src)
		rt.noteUserSourceMap(filename, src)
		if cover != nil {
			src = cover(filename, src)
		}
		// the coverage instrumenter maps its own insertions back with a source map goja reads
		// (a program's own maps are the stack formatter's, sourcemaps.go)
		var prg *goja.Program
		var err error
		if cover != nil {
			prg, err = compileSourceMaps(filename, cjsWrapperPrefix+src+"\n})", false, true)
		} else {
			if rt.opts.FS == nil && rt.opts.Permissions != nil && rt.opts.Permissions.All {
				rt.compileAhead(filename, src)
			}
			prg, err = compileCached(filename, cjsWrapperPrefix+src+"\n})", false)
		}
		if err != nil {
			panic(rt.cjsCompileStack(rt.syntaxError(err, filename)))
		}
		return rt.wrapperFunc(prg, err, filename)
	})
	var fsl *fsLoader
	if rt.opts.FS != nil {
		fsl = &fsLoader{rt.opts.FS}
	}
	var pw *prewarmedPaths // what PrewarmMain learnt on the main module's way (loop only)
	if fsl == nil {
		pw = takePrewarmedPaths()
	}
	// The functions above are the ones a run of a script from a string reads; the others are made
	// on the first read of one of them (a file's run reads stat and readFileOrUndefined).
	lz.SetRest(func() { rt.loaderBindingRest(lz, fsl, pw) })
	lz.Install(b)
	return b
}

// loaderBindingRest registers the loader binding's functions that a run of a script given as a
// string does not read.
func (rt *Runtime) loaderBindingRest(lz *modules.LazyFuncs, fsl *fsLoader, pw *prewarmedPaths) {
	vm := rt.vm
	h := rt.host
	lz.Set("reportUncaught", func(c goja.FunctionCall) goja.Value { rt.fatal(c.Argument(0)); return goja.Undefined() })
	lz.Set("sourceMapPayload", rt.sourceMapPayload)
	// esmFactory, exportsFactory, resolverFactory and coldFactory return the functions that make
	// the loader's parts used only by some programs: ES modules (runtime/js/esm.js), package
	// "exports"/"imports" resolution (runtime/js/exports.js), the resolution of a request that is
	// no file at its exact path (runtime/js/loaderresolve.js) and the rest a plain run of a file
	// never needs (runtime/js/loadercold.js), each compiled once per process
	part := func(src string) func() goja.Value {
		return func() goja.Value {
			v, err := vm.RunProgram(modules.CompileOnce(loaderName, src))
			if err != nil {
				panic(err)
			}
			return v
		}
	}
	lz.Set("esmFactory", func() goja.Value { return part(esmCore())() })
	// part(name) is the value of esm.js's part name (modules.GluePart's format), a maker the ES
	// module half calls once with the names the part uses
	lz.Set("part", func(name string) goja.Value {
		src, ok := esmPartSources()[name]
		if !ok {
			panic(vm.NewGoError(fmt.Errorf("esm.js has no part %q", name)))
		}
		return part(src)()
	})
	lz.Set("exportsFactory", part(exportsJS))
	lz.Set("coldFactory", part(js.LoaderCold))
	lz.Set("resolverFactory", part(js.LoaderResolve))
	// hooksFactory makes a hooks runtime's side of module customization hooks (runtime/js/hooks.js);
	// hooksCall is the main runtime's way to it (hooks.go)
	lz.Set("hooksFactory", part(js.Hooks))
	lz.Set("hooksCall", rt.hooksCall)
	// stat: 0 file, 1 directory, -1 missing or not allowed.
	stat := func(p string) int {
		if !h.Allowed(modules.ScopeFSRead, p) {
			return -1
		}
		if fsl != nil {
			return fsl.stat(p)
		}
		fi, err := os.Stat(p)
		if err != nil {
			return -1
		}
		if fi.IsDir() {
			return 1
		}
		return 0
	}
	lz.Set("stat", func(c goja.FunctionCall) goja.Value { return vm.ToValue(stat(c.Argument(0).String())) })
	var reals realpathCache
	realpath := func(p string) string {
		if fsl != nil {
			return p
		}
		if r, ok := pw.realpath(p); ok {
			return r
		}
		r, err := reals.eval(p)
		if err != nil {
			var le *realpathLstatError
			if errors.As(err, &le) {
				// (a directory's link changed since the cache learnt it: node's cached
				// realpathSync fails alike)
				h.Throw(modules.NewSystemError(le.err, "lstat", le.path, ""))
			}
			return p
		}
		return r
	}
	lz.Set("realpath", func(c goja.FunctionCall) goja.Value { return vm.ToValue(realpath(c.Argument(0).String())) })
	// replacedFS(i): fs.readFileSync (0) or fs.realpathSync (1) once a program replaced it
	// (loaderfs.go), else undefined
	lz.Set("replacedFS", func(c goja.FunctionCall) goja.Value {
		if f := rt.replacedFS(int(c.Argument(0).ToInteger()) & 1); f != nil {
			return f
		}
		return goja.Undefined()
	})
	read := func(p string) (string, error) {
		if err := h.CheckPath(modules.ScopeFSRead, p); err != nil {
			return "", err
		}
		var data []byte
		var err error
		if fsl != nil {
			data, err = fsl.read(p)
		} else {
			data, err = os.ReadFile(p)
		}
		if err != nil {
			return "", modules.NewSystemError(err, "open", p, "")
		}
		return string(data), nil
	}
	lz.Set("readFile", func(c goja.FunctionCall) goja.Value {
		s, err := read(c.Argument(0).String())
		if err != nil {
			h.Throw(err)
		}
		return vm.ToValue(s)
	})
	// checkModuleRead(p) throws ERR_ACCESS_DENIED if the permission model refuses reading p.
	lz.Set("checkModuleRead", func(c goja.FunctionCall) goja.Value {
		if h.Perms != nil {
			if err := h.CheckPath(modules.ScopeFSRead, filepath.Clean(c.Argument(0).String())); err != nil {
				h.Throw(err)
			}
		}
		return goja.Undefined()
	})
	lz.Set("readFileOrUndefined", func(c goja.FunctionCall) goja.Value {
		p := c.Argument(0).String()
		if pw != nil && h.Allowed(modules.ScopeFSRead, p) && pw.noPackage(p) {
			return goja.Undefined()
		}
		s, err := read(p)
		if err != nil {
			var ne *modules.Error
			if errors.As(err, &ne) {
				h.Throw(err)
			}
			return goja.Undefined()
		}
		return vm.ToValue(s)
	})
	lz.Set("runScript", func(src, name string) goja.Value {
		rt.sources[name] = src
		rt.noteScriptSource(src)
		// --use-strict makes V8 compile scripts strict: -e/-p code is one (a CommonJS file's
		// wrapper is compiled as a function, which node leaves sloppy)
		prg, err := compileCached(name, src, rt.flag("--use-strict"))
		if err != nil {
			panic(rt.evalCompileStack(rt.syntaxErrorIn(err, name, 0), name))
		}
		if isGuardedProgram(prg) {
			rt.declareRecursionGlobals()
		}
		v, err := vm.RunProgram(prg)
		if err != nil {
			rt.decorateEvalError(err, 0)
			panic(err)
		}
		return v
	})
	rt.esmBinding(lz)
}

// evalCompileStack gives the SyntaxError of -e/-p code, a script on stdin or a worker's eval
// code node's decorated stack: the excerpt, a blank line, then node's frames of its compile of
// that code as a vm script (makeContextifyScript) and of the evaluation that asked for it; none
// of the code's own, which never ran.
func (rt *Runtime) evalCompileStack(e goja.Value, name string) goja.Value {
	o, ok := e.(*goja.Object)
	if !ok {
		return e
	}
	arrow, ok := rt.glueArrow(o)
	if !ok {
		return e
	}
	frames := nodeEvalFrames
	switch {
	case rt.inWorker():
		frames = nodeWorkerEvalFrames
	case name == "[stdin]":
		frames = nodeStdinFrames
		if rt.stdinIsFile() {
			frames = nodeStdinFileFrames
		}
	}
	sites := append([]siteInfo{
		{fn: "makeContextifyScript", file: "node:internal/vm", line: 185, col: 14},
		{file: "node:internal/process/execution", line: 107, col: 22},
	}, frames[2:]...)
	if limit := rt.stacks.limit(); len(sites) > limit {
		sites = sites[:limit]
	}
	var b strings.Builder
	b.WriteString(arrow)
	b.WriteString("\nSyntaxError: ")
	b.WriteString(o.Get("message").String())
	for i := range sites {
		b.WriteString("\n    at ")
		sites[i].write(&b)
	}
	_ = o.Set("stack", b.String())
	symFor, _ := goja.AssertFunction(rt.vm.Get("Symbol").ToObject(rt.vm).Get("for"))
	if key, err := symFor(goja.Undefined(), rt.vm.ToValue("gojs.stackDecorated")); err == nil {
		if sym, ok := key.(*goja.Symbol); ok {
			_ = o.DefineDataPropertySymbol(sym, rt.vm.ToValue(true), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
	}
	return o
}

// decorateEvalError gives an error -e or stdin code threw node's decorated stack: the excerpt of
// where it was thrown, a blank line, then the stack (node runs that code as a vm script that
// displays its errors), seen by an 'uncaughtException' handler too. A vm script's run
// decorates what it throws with it too (Host.DecorateThrown); done says whether err's value is
// decorated now. The outer frames of the exception's stack (those of the calls still running,
// above the script's run) are left out of the search for a catch that threw it again: the
// error leaves the script now and none of them has caught it yet (V8's place is its last throw).
func (rt *Runtime) decorateEvalError(err error, outer int) (done bool) {
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		return false
	}
	o, ok := ex.Value().(*goja.Object)
	if !ok {
		return false
	}
	defer func() {
		if recover() != nil { // (a stack getter, Error.prepareStackTrace or a proxy may throw)
			done = false
		}
	}()
	if o.ClassName() != "Error" {
		return false // (node decorates native errors only)
	}
	rt.engineErrorStack(o)
	stack, ok := o.Get("stack").(goja.String)
	if !ok || stack.String() == "" {
		return false
	}
	symFor, _ := goja.AssertFunction(rt.vm.Get("Symbol").ToObject(rt.vm).Get("for"))
	key, _ := symFor(goja.Undefined(), rt.vm.ToValue("gojs.stackDecorated"))
	sym, ok := key.(*goja.Symbol)
	if d := o.GetSymbol(sym); !ok || d != nil && d.ToBoolean() {
		return ok
	}
	// (an error node's own code made carries its excerpt from when its stack was made, and the
	// place node's loader rethrew it at, which a throw shows: resolveExports's of a missing file)
	arrow := ""
	if a, ok := o.GetSymbol(rethrowArrowSymbol(rt)).(goja.String); ok {
		arrow = a.String()
	} else if a, ok := o.GetSymbol(arrowSymbol(rt)).(goja.String); ok {
		arrow = a.String()
	} else if a, ok := rt.stacks.keptArrow(o); ok {
		arrow = a
	} else {
		frames := ex.Stack()
		if outer > 0 && outer < len(frames) {
			frames = frames[:len(frames)-outer]
		}
		arrow = rt.arrowFromFrames(rt.belowErrorCtors(o, frames), o)
	}
	if arrow == "" {
		return false
	}
	_ = o.Set("stack", arrow+"\n"+stack.String())
	_ = o.DefineDataPropertySymbol(sym, rt.vm.ToValue(true), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return true
}

// cjsCompileStack gives the SyntaxError of a CommonJS file's compile node's stack: the frames of
// the require (or main run) that compiled it, below node's wrapSafe and its Module._compile call
// (the module's Module._compile frame, as stacks show it, is at the call of the module's code).
func (rt *Runtime) cjsCompileStack(e goja.Value) goja.Value {
	o, ok := e.(*goja.Object)
	if !ok {
		return e
	}
	here, err := rt.vm.New(rt.vm.Get("Error"))
	if err != nil {
		return e
	}
	stack, _ := modules.ExportAs[string](here.Get("stack"))
	_, frames, ok := strings.Cut(stack, "\n")
	const compileAt = "    at Module._compile (node:internal/modules/cjs/loader:1521:14)"
	if !ok || !strings.HasPrefix(frames, compileAt) {
		return e
	}
	lines := strings.Split(frames, "\n")
	lines[0] = "    at Module._compile (node:internal/modules/cjs/loader:1495:20)"
	lines = append([]string{"    at wrapSafe (node:internal/modules/cjs/loader:1464:18)"}, lines...)
	if len(lines) > 10 {
		lines = lines[:10]
	}
	msg, _ := modules.ExportAs[string](o.Get("message"))
	o.Set("stack", "SyntaxError: "+msg+"\n"+strings.Join(lines, "\n"))
	return o
}

// wrapperFunc is the function a module's compiled wrapper evaluates to; a compile error (err)
// is thrown as the SyntaxError node reports for filename.
func (rt *Runtime) wrapperFunc(prg *goja.Program, err error, filename string) goja.Value {
	if err != nil {
		panic(rt.syntaxError(err, filename))
	}
	fn, err := rt.vm.RunProgram(prg)
	if err != nil {
		panic(err)
	}
	if isGuardedProgram(prg) {
		return rt.unguard(fn)
	}
	return fn
}

// compileSource parses and compiles src, keeping the parser's positioned errors.
func compileSource(name, src string) (*goja.Program, error) {
	return compileSourceMode(name, src, false)
}

// compileSourceMode is compileSource, in strict mode when strict (ES module code is strict).
func compileSourceMode(name, src string, strict bool) (*goja.Program, error) {
	return compileSourceMaps(name, src, strict, true)
}

// compileSourceMaps is compileSourceMode; maps says whether a sourceMappingURL comment in src
// is followed (goja's parser then maps positions in stacks through it).
func compileSourceMaps(name, src string, strict, maps bool) (*goja.Program, error) {
	prg, _, err := compileParsed(name, src, strict, maps)
	return prg, err
}

// compileTransformed is compileSourceMode for transformed code (an ES module's, TypeScript's):
// it also returns the copy of src the parser read, of which goja's text of each function is a
// substring (see fnsource.go).
func compileTransformed(name, src string, strict bool) (*goja.Program, string, error) {
	return compileParsed(name, src, strict, true)
}

// compileParsed is compileSourceMaps, also returning the source the program was parsed from.
func compileParsed(name, src string, strict, maps bool) (*goja.Program, string, error) {
	prg, tree, err := compileTree(name, src, strict, maps)
	if err != nil || tree == nil || tree.File == nil {
		return prg, "", err
	}
	return prg, tree.File.Source(), nil
}

func compileTree(name, src string, strict, maps bool) (*goja.Program, *ast.Program, error) {
	var opts []parser.Option
	if !maps {
		opts = append(opts, parser.WithDisableSourceMaps)
	}
	src = modules.FixMaxCodePointEscapes(src) // (goja's lexer panics on \u{10FFFF})
	ast, err := parser.ParseFile(nil, name, src, 0, opts...)
	if err != nil {
		return nil, nil, err
	}
	if err := modules.StrictOctalEscape(ast, src, strict); err != nil {
		return nil, nil, err // (goja takes them)
	}
	if strings.HasPrefix(src, cjsWrapperPrefix) {
		if err := wrapperNameRedeclared(ast); err != nil {
			return nil, nil, err // (goja takes them)
		}
	}
	rewriteRegexpLiterals(ast, src)
	modules.FixArguments(ast, src)
	modules.FixNewTarget(ast, src)
	modules.FixAsyncMethods(ast, src)
	modules.FixLogicalAssign(ast, src)
	modules.FixStringBuild(ast, src)
	modules.FixConstantThrows(ast, src)
	modules.FixExponentLiterals(ast, src, fdlibmPow)
	modules.FixNullPatterns(ast, src)
	fixPrivateArrowSources(ast, src)
	if !strict {
		fixSloppyBlockFunctions(ast, src)
	}
	// (every module, with a try statement or not: the catch that must get a RangeError is often
	// in another module than the recursion)
	guarded := isModuleWrapper(src) && modules.GuardRecursion(ast) ||
		isEvalScript(name) && modules.GuardRecursionScript(ast)
	prg, err := compileGuarded(ast, strict, guarded)
	if modules.IsContinueChainError(err) {
		modules.FixContinueChains(ast)
		prg, err = compileGuarded(ast, strict, guarded)
	}
	tree := ast
	if err != nil && strings.Contains(err.Error(), "Invalid flags supplied to RegExp constructor") {
		modules.LowerIndicesLiterals(ast)
		lowerUnicodeSetsLiterals(ast)
		// (the program's error is then the one left once those literals compile: another
		// literal's, not the lowered flags')
		prg, err = compileGuarded(ast, strict, guarded)
	}
	return prg, tree, err
}

// isModuleWrapper reports whether src is a module's code in the function the loader runs it in:
// a CommonJS file's wrapper, or the function of transformed (ES module, TypeScript) code.
func isModuleWrapper(src string) bool {
	return strings.HasPrefix(src, cjsWrapperPrefix) || strings.HasPrefix(src, cjsTransformedPrefix) ||
		strings.HasPrefix(src, esmWrapperPrefix) || strings.HasPrefix(src, esmGeneratorPrefix)
}

// isEvalScript reports whether name is that of code run in the global scope as a script: -e/-p
// code or a program read from stdin (see runScript).
func isEvalScript(name string) bool { return name == "[eval]" || name == "[stdin]" }

// compileGuarded compiles tree, noting it among the programs GuardRecursion rewrote when guarded.
func compileGuarded(tree *ast.Program, strict, guarded bool) (*goja.Program, error) {
	prg, err := goja.CompileAST(tree, strict)
	if err == nil && guarded {
		noteGuardedProgram(prg)
	}
	return prg, err
}

// flag reports whether a node option is in effect (execArgv or GOJS_OPTIONS), read once.
func (rt *Runtime) flag(name string) bool {
	if rt.flags == nil {
		rt.flags = rt.host.Flags()
	}
	_, ok := rt.flags[name]
	return ok
}

func stripShebang(src string) string {
	if strings.HasPrefix(src, "#!") {
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			return "//" + src[2:]
		}
		return ""
	}
	return src
}

// syntaxError converts a goja compile error into a JS SyntaxError whose message and arrow
// point at the file, line and column, as Node's do. The source was compiled inside the
// CommonJS wrapper (whose prefix shifts the first line's columns).
func (rt *Runtime) syntaxError(err error, filename string) goja.Value {
	return rt.syntaxErrorIn(err, filename, len(cjsWrapperPrefix))
}

// syntaxErrorIn is syntaxError for a source compiled after prefix bytes on its first line (0:
// compiled as it is, like -e and -p code).
func (rt *Runtime) syntaxErrorIn(err error, filename string, prefix int) goja.Value {
	var ce *goja.CompilerSyntaxError
	var pe *parser.Error
	msg := err.Error()
	line, col, width := 0, 0, 1
	// v8 words m (raised at uline:ucol of the user's src) as V8 does, and moves the place to
	// where V8 puts it, when that differs.
	v8 := func(m, src string, uline, ucol int) {
		se := modules.V8SyntaxMessage(m, src, uline, ucol)
		msg, width = se.Message, se.Width
		if se.Line != uline || se.Column != ucol {
			line, col = se.Line, se.Column
			if line == 1 {
				col += prefix
			}
		}
	}
	if el, ok := err.(parser.ErrorList); ok && len(el) > 0 {
		pe = el[0]
	} else {
		errors.As(err, &pe)
	}
	if pe != nil && pe.Message == "Unexpected token ILLEGAL" {
		pe = rt.pastLegacyNumbers(pe, filename, prefix)
	}
	switch {
	case pe != nil:
		line, col = pe.Position.Line, pe.Position.Column
		src, known := rt.sources[filename]
		if !known {
			msg = nodeSyntaxMessage(pe.Message)
			break
		}
		// V8's words, read against the user's source (a CommonJS file is compiled inside a
		// wrapper: an error in its closing "\n})" is the end of the user's input)
		uline, ucol, m := line, col, pe.Message
		if rt.wrapped[filename] {
			if uline == 1 {
				ucol -= len(cjsWrapperPrefix)
			}
			if lines := strings.Count(src, "\n") + 1; uline > lines || uline == lines && ucol > len(src)-strings.LastIndexByte(src, '\n') {
				m = "Unexpected end of input"
				uline, ucol = lines, len(src)-strings.LastIndexByte(src, '\n')
				line, col = uline, ucol
				if line == 1 {
					col += prefix
				}
				// unless a bracket of the user's closed the wrapper early
				if l, c, tok, ok := modules.UnbalancedCloser(src); ok {
					m, uline, ucol = "Unexpected token "+tok, l, c
					line, col = uline, ucol
					if line == 1 {
						col += prefix
					}
				}
			}
		}
		v8(m, src, uline, ucol)
	case errors.As(err, &ce):
		msg = ce.Message
		if ce.File != nil {
			p := ce.File.Position(ce.Offset)
			line, col = p.Line, p.Column
		}
		if src, known := rt.sources[filename]; known && line > 0 {
			ucol := col
			if line == 1 {
				ucol -= prefix
			}
			if off := modules.OffsetOf(src, line, ucol); off >= 0 && off < len(src) && src[off] == '/' {
				if lit := modules.RegexpLiteral(src[off:]); lit != "" {
					// a regular expression literal the engine refused: V8's words for it, the
					// whole literal marked
					msg, width = regexpLiteralMessage(lit, msg)
					break
				}
			}
			v8(msg, src, line, ucol)
		}
	}
	if line == 1 {
		col -= prefix
		if col < 1 {
			col = 1
		}
	}
	if msg == "Unexpected reserved word" && line > 0 && col > 0 {
		// Module syntax in a script, in V8's words.
		if src := rt.sourceLine(filename, line); col-1 < len(src) {
			if at := src[col-1:]; strings.HasPrefix(at, "import") {
				msg = "Cannot use import statement outside a module"
			} else if strings.HasPrefix(at, "export") {
				msg = "Unexpected token 'export'"
			}
		}
	}
	return rt.syntaxErrorWidth(msg, filename, line, col, width)
}

var arrowKey = new(int)

// arrowSymbol is Symbol.for('gojs.arrowMessage'), where the source excerpt of a syntax error is kept.
// nodeSyntaxMessage rewrites goja's parser messages in V8's words where they differ only in form.
func nodeSyntaxMessage(m string) string {
	if rest, ok := strings.CutPrefix(m, "Unexpected token "); ok && rest != "" && rest[0] != '\'' {
		if rest == "EOF" || rest == "ILLEGAL" {
			return "Unexpected end of input"
		}
		return "Unexpected token '" + rest + "'"
	}
	return m
}

func arrowSymbol(rt *Runtime) *goja.Symbol {
	return registeredSymbol(rt, arrowKey, "gojs.arrowMessage")
}

// registeredSymbol is Symbol.for(name) in rt, looked up once (kept in the host's state by key).
func registeredSymbol(rt *Runtime, key *int, name string) *goja.Symbol {
	return rt.host.State(key, func() any {
		forFn, _ := goja.AssertFunction(rt.vm.Get("Symbol").ToObject(rt.vm).Get("for"))
		v, err := forFn(goja.Undefined(), rt.vm.ToValue(name))
		if err != nil {
			panic(err)
		}
		return v.(*goja.Symbol)
	}).(*goja.Symbol)
}

var rethrowArrowKey = new(int)

// rethrowArrowSymbol is Symbol.for('gojs.rethrowArrow'): the excerpt of the place node's loader
// rethrows an error at, which node prints for it thrown uncaught (a rejection shows arrowSymbol's).
func rethrowArrowSymbol(rt *Runtime) *goja.Symbol {
	return registeredSymbol(rt, rethrowArrowKey, "gojs.rethrowArrow")
}

type lineIndex struct {
	size   int
	starts []int
}

// lineStart is the byte offset where 1-based line begins in filename's source, or -1. The line
// starts are indexed on first use, so that reading many lines of a large file stays cheap.
func (rt *Runtime) lineStart(filename string, line int) (string, int) {
	src, ok := rt.sources[filename]
	if !ok || line < 1 {
		return "", -1
	}
	if line <= 16 {
		off := 0
		for i := 1; i < line; i++ {
			j := strings.IndexByte(src[off:], '\n')
			if j < 0 {
				return src, -1
			}
			off += j + 1
		}
		return src, off
	}
	idx, ok := rt.lines[filename]
	if !ok || idx.size != len(src) {
		idx = lineIndex{size: len(src), starts: []int{0}}
		for i := 0; i < len(src); i++ {
			if src[i] == '\n' {
				idx.starts = append(idx.starts, i+1)
			}
		}
		if rt.lines == nil {
			rt.lines = map[string]lineIndex{}
		}
		rt.lines[filename] = idx
	}
	if line > len(idx.starts) {
		return src, -1
	}
	return src, idx.starts[line-1]
}

func (rt *Runtime) sourceLine(filename string, line int) string {
	if _, ok := rt.sources[filename]; !ok {
		return rt.vmSourceLine(filename, line)
	}
	src, off := rt.lineStart(filename, line)
	if off < 0 {
		return ""
	}
	src = src[off:]
	if j := strings.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimRight(src, "\r")
}

var stackFrameRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\(?((?:/|file:)[^\s():]+|\[eval\][^\s():]*):(\d+):(\d+)`)
})

// arrowFor returns Node's "file:line\nsource\n    ^\n" excerpt for where err was created (its first
// stack frame in a user file), or "" when unknown.
func (rt *Runtime) arrowFor(v goja.Value) string {
	if rt.throwArrow != "" {
		return rt.throwArrow
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return ""
	}
	rt.engineErrorStack(o) // an engine error's stack in V8's columns
	st := o.Get("stack")
	if st == nil || goja.IsUndefined(st) {
		return ""
	}
	if a, ok := o.GetSymbol(arrowSymbol(rt)).(goja.String); ok {
		return a.String()
	}
	if a, ok := rt.stacks.keptArrow(o); ok {
		return a // (kept as its stack was made: a validator's error)
	}
	return rt.placeArrow(o, st)
}

// ownPlaceArrow is the excerpt of v's own place, its stack's first frame (node's for a rejection),
// whatever excerpt it keeps: "" when that is none of the places arrowFor knows. A first frame of
// node's file is excerpted at its line with the caret at its column (nodeLineArrow, when none of
// arrowFor's tables has that line).
func (rt *Runtime) ownPlaceArrow(v goja.Value) string {
	o, st := objectStack(v)
	if o == nil {
		return ""
	}
	a := rt.placeArrow(o, st)
	if place := firstNodePlace(st.String()); place != "" {
		return atNodePlace(a, place)
	}
	return a
}

// objectStack is v and its stack property when v is an object that has one, else nil.
func objectStack(v goja.Value) (*goja.Object, goja.Value) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, nil
	}
	st := o.Get("stack")
	if st == nil || goja.IsUndefined(st) {
		return nil, nil
	}
	return o, st
}

// nodePlaceArrow is ownPlaceArrow's excerpt of v when its stack's first frame is node's, else "".
func (rt *Runtime) nodePlaceArrow(v goja.Value) string {
	o, st := objectStack(v)
	if o == nil {
		return ""
	}
	place := firstNodePlace(st.String())
	if place == "" {
		return ""
	}
	return atNodePlace(rt.placeArrow(o, st), place)
}

// firstNodePlace is the place ("node:FILE:LINE:COL") of the first frame of stack when that is
// one of node's files, else "".
func firstNodePlace(stack string) string {
	i := strings.Index(stack, "\n    at ")
	if i < 0 {
		return ""
	}
	line := stack[i+1:]
	if j := strings.IndexByte(line, '\n'); j >= 0 {
		line = line[:j]
	}
	return nodeFramePlace(line)
}

// atNodePlace is a, an excerpt of the error whose first frame is at place, one of node's, moved
// to that place: a's caret moved to its column when a is of its line, else node's line there
// (nodeLineArrow), else a.
func atNodePlace(a, place string) string {
	k := strings.LastIndexByte(place, ':')
	if head, _, _ := strings.Cut(a, "\n"); head == place[:k] {
		if col, err := strconv.Atoi(place[k+1:]); err == nil && col >= 1 {
			if parts := strings.SplitN(a, "\n", 4); len(parts) == 4 && strings.TrimLeft(parts[2], " ") == "^" {
				return parts[0] + "\n" + parts[1] + "\n" + strings.Repeat(" ", col-1) + "^\n" + parts[3]
			}
		}
		return a
	}
	if n := nodeLineArrow(place); n != "" {
		return n
	}
	return a
}

// placeArrow is arrowFor's excerpt of the place of o, an error whose stack is st.
func (rt *Runtime) placeArrow(o *goja.Object, st goja.Value) string {
	if o == rt.jsonErr {
		return jsonArrow(rt.jsonErrSrc, rt.jsonErrPos) // made by JSON.parse: its text's line
	}
	lines := strings.Split(st.String(), "\n")[1:]
	if o.Get("code") != nil && o.Get("code").String() == "MODULE_NOT_FOUND" {
		for len(lines) > 0 && !strings.HasPrefix(lines[0], "    at ") {
			lines = lines[1:] // (its message's "Require stack:" lines)
		}
	}
	for i, line := range lines {
		if i == 0 && strings.HasSuffix(line, " (node:internal/modules/cjs/loader:1207:15)") {
			// a module not found by require, rejected: node points at the loader's making
			// of the error (thrown, at its throw: missingModuleArrow, from arrowFromFrames)
			return missingModuleMadeArrow
		}
		if i == 0 {
			place := nodeFramePlace(line)
			if a, ok := nodeErrorPlaces[place]; ok {
				return a // an error node makes in its own code, at that place
			}
			if a, ok := pathCheckArrows[place]; ok {
				return a // (a path function's check of its argument)
			}
			if place != "" {
				if a, ok := glueMarkArrows.Get()[place]; ok {
					return a // (made at a marked statement of our glue, which shows node's place)
				}
			}
		}
		m := stackFrameRe().FindStringSubmatch(line)
		if m == nil || strings.HasPrefix(m[1], "node:") {
			continue
		}
		ln, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		if g, ok := rt.mappedPlaces[m[1]+":"+m[2]+":"+m[3]]; ok {
			return rt.arrow(g.file, g.line, g.col, false) // a source-mapped frame
		}
		file := m[1]
		if strings.HasPrefix(file, "file://") {
			file = sourceNoScheme(file) // an ES module's frame
		}
		// a rejection's excerpt: node points at the error's own place, not a throw before it
		return rt.arrow(file, ln, col, false)
	}
	return ""
}

// anonymousArrow is node's excerpt for a value rethrown from JS (triggerUncaughtException) that
// carries no place of its own: a primitive, a proxy, an error whose stack was read or replaced.
const anonymousArrow = "<anonymous_script>:0\n\n"

// caughtArrow is the excerpt node prints for v caught by its own JS and handed to
// triggerUncaughtException: the error's place of construction while V8 still holds its frames
// (the stack unread, or deleted), else anonymousArrow. "" leaves the excerpt to arrowFor. Loop
// only.
func (rt *Runtime) caughtArrow(v goja.Value) string {
	o, ok := v.(*goja.Object)
	if !ok {
		return anonymousArrow
	}
	if rt.stackUnread(o) {
		return ""
	}
	if _, proxy := modules.ExportAs[goja.Proxy](o); !proxy && !slices.Contains(o.GetOwnPropertyNames(), "stack") {
		if frames, ok := gojaErrorFrames(o); ok {
			for _, f := range rt.belowErrorCtors(o, frames) {
				if p := f.Position(); f.SrcName() != "<native>" && p.Filename != "" {
					if strings.HasPrefix(p.Filename, "node:") {
						break
					}
					col := p.Column
					if p.Line == 1 && !rt.esmSources[p.Filename] && !rt.transformed[p.Filename] && rt.wrapped[p.Filename] {
						col -= len(cjsWrapperPrefix) // (goja's column counts the module wrapper)
					}
					return rt.arrow(p.Filename, p.Line, col, false)
				}
			}
		}
	}
	return anonymousArrow
}

// nodeErrorPlaces are node 20.20's excerpts for the places in its own code where it makes the
// errors a program may leave unhandled, keyed by the place its stack frame shows.
var nodeErrorPlaces = map[string]string{
	"node:internal/per_context/domexception:53:5": "node:internal/per_context/domexception:53\n    ErrorCaptureStackTrace(this);\n    ^\n",
	// require('node:x') for an x that is no built-in
	"node:internal/modules/cjs/loader:1031:13": unknownBuiltinArrow,
	// fetch's TypeError('fetch failed'), its stack taken again after awaiting undici's
	"node:internal/deps/undici/undici:14976:13": "node:internal/deps/undici/undici:14976\n      Error.captureStackTrace(err);\n            ^\n",
	// an unhandled 'error' event's ERR_UNHANDLED_ERROR (of a value that is no error), rejected
	"node:events:513:17": "node:events:513\n    const err = new ERR_UNHANDLED_ERROR(stringifiedEr);\n                ^\n",
}

// nodeFramePlace is the "(file:line:col)" place a stack line of a node file ends with, or the
// place of an anonymous function's line ("at node:..."), or "".
func nodeFramePlace(line string) string {
	if rest, ok := strings.CutPrefix(strings.TrimLeft(line, " "), "at node:"); ok && !strings.ContainsRune(rest, ' ') {
		return "node:" + rest
	}
	i := strings.LastIndex(line, "(node:")
	if i < 0 || !strings.HasSuffix(line, ")") {
		return ""
	}
	return line[i+1 : len(line)-1]
}

// nodeThrowArrows are node 20.20's excerpts for its own throws of errors made elsewhere, keyed
// by our glue's file and function that throw them in its place.
var nodeThrowArrows = map[[2]string]string{
	{"node:internal/event_target", "throwIfAborted"}:        "node:internal/abort_controller:162\n      throw this[kReason];\n      ^\n",
	{"node:internal/event_target", "validateEventListener"}: "node:internal/event_target:1059\n  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);\n  ^\n",
	// util.format's %j rethrowing what JSON.stringify threw (a BigInt), but for a cycle
	{"node:internal/util/inspect", "tryStringify"}: "node:internal/util/inspect:2229\n    throw err;\n    ^\n",
	// the assert functions' AssertionErrors, made (and thrown) in these functions of our glue
	{"node:assert", "innerFail"}:           "node:assert:90\n  throw new AssertionError(obj);\n  ^\n",
	{"node:assert", "fail"}:                "node:assert:137\n  throw err;\n  ^\n",
	{"node:assert", "innerOk"}:             "node:internal/assert/utils:281\n    throw err;\n    ^\n",
	{"node:assert", "compareExceptionKey"}: "node:assert:377\n      throw err;\n      ^\n",
	{"node:assert", "expectedException"}:   "node:assert:491\n    throw err;\n    ^\n",
	{"node:assert", "ifError"}:             "node:assert:733\n    throw newErr;\n    ^\n",
	{"node:assert", "internalMatch"}:       "node:assert:768\n    throw err;\n    ^\n",
	// a failed execFileSync or execSync (exit status, signal, or the spawn's own error)
	{"node:child_process", "execFileSync"}: "node:child_process:930\n    throw err;\n    ^\n",
	{"node:child_process", "execSync"}:     "node:child_process:966\n    throw err;\n    ^\n",
}

// nodeErrorSite is one of node's own throws of an error it makes in place (throw new ERR_X(...)),
// told from the others our glue function throws in by the error's code and a part of its message.
type nodeErrorSite struct {
	code, contains, arrow string
}

// nodeErrorSites are node 20.20's excerpts for the errors of bad arguments its built-ins throw
// in their own code (not through a validator), keyed by our glue's file and function that
// throw them; the first site whose code and message part match is node's.
var nodeErrorSites = map[[2]string][]nodeErrorSite{
	// node:test's mocks refusing their arguments (node's mock.js)
	{"node:test", "validateStringOrSymbol"}: {{"ERR_INVALID_ARG_TYPE", "", "node:internal/test_runner/mock/mock:736\n    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'symbol'], value);\n    ^\n"}},
	{"node:test", "method"}: {
		{"ERR_INVALID_ARG_VALUE", "must be a method", "node:internal/test_runner/mock/mock:377\n      throw new ERR_INVALID_ARG_VALUE(\n      ^\n"},
		{"ERR_INVALID_ARG_VALUE", "cannot be used with", "node:internal/test_runner/mock/mock:360\n      throw new ERR_INVALID_ARG_VALUE(\n      ^\n"},
	},
	{"node:test", "getter"}: {{"ERR_INVALID_ARG_VALUE", "cannot be false", "node:internal/test_runner/mock/mock:437\n      throw new ERR_INVALID_ARG_VALUE(\n      ^\n"}},
	{"node:test", "setter"}: {{"ERR_INVALID_ARG_VALUE", "cannot be false", "node:internal/test_runner/mock/mock:477\n      throw new ERR_INVALID_ARG_VALUE(\n      ^\n"}},
	// and mock.timers' (node's mock_timers.js); <anonymous> is enable's arrow over options.apis
	{"node:test", "#assertTimersAreEnabled"}: {{"ERR_INVALID_STATE", "", "node:internal/test_runner/mock/mock_timers:554\n      throw new ERR_INVALID_STATE(\n      ^\n"}},
	{"node:test", "#assertTimeArg"}:          {{"ERR_INVALID_ARG_VALUE", "", "node:internal/test_runner/mock/mock_timers:562\n      throw new ERR_INVALID_ARG_VALUE('time', 'positive integer', time);\n      ^\n"}},
	{"node:test", "enable"}: {
		{"ERR_INVALID_STATE", "already enabled", "node:internal/test_runner/mock/mock_timers:714\n      throw new ERR_INVALID_STATE('MockTimers is already enabled!');\n      ^\n"},
		{"ERR_INVALID_ARG_VALUE", "epoch must be", "node:internal/test_runner/mock/mock_timers:718\n      throw new ERR_INVALID_ARG_VALUE('now', internalOptions.now, `epoch must be a positive integer received ${internalOptions.now}`);\n      ^\n"},
	},
	{"node:test", "<anonymous>"}: {{"ERR_INVALID_ARG_VALUE", "is not supported", "node:internal/test_runner/mock/mock_timers:733\n        throw new ERR_INVALID_ARG_VALUE(\n        ^\n"}},

	// a ChildProcess's (or a forked child's process) send refusing its message or handle
	{"node:child_process", "_send"}: {
		{"ERR_MISSING_ARGS", "", "node:internal/child_process:766\n      throw new ERR_MISSING_ARGS('message');\n      ^\n"},
		{"ERR_INVALID_ARG_TYPE", "", "node:internal/child_process:776\n      throw new ERR_INVALID_ARG_TYPE(\n      ^\n"},
		{"ERR_INVALID_HANDLE_TYPE", "", "node:internal/child_process:807\n        throw new ERR_INVALID_HANDLE_TYPE();\n        ^\n"},
	},

	{"node:buffer", "from"}: {{"ERR_INVALID_ARG_TYPE", "", "node:buffer:322\n  throw new ERR_INVALID_ARG_TYPE(\n  ^\n"}},
	{"node:buffer", "boundsError"}: {
		{"ERR_BUFFER_OUT_OF_BOUNDS", "", "node:internal/buffer:86\n    throw new ERR_BUFFER_OUT_OF_BOUNDS();\n    ^\n"},
		{"ERR_OUT_OF_RANGE", "an integer", "node:internal/buffer:82\n    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);\n    ^\n"},
		{"ERR_OUT_OF_RANGE", "", "node:internal/buffer:88\n  throw new ERR_OUT_OF_RANGE(type || 'offset',\n  ^\n"},
	},
	{"node:buffer", "writeU8"}:    {{"ERR_OUT_OF_RANGE", `"value"`, "node:internal/buffer:740\n    throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);\n    ^\n"}},
	{"node:buffer", "checkInt"}:   {{"ERR_OUT_OF_RANGE", `"value"`, "node:internal/buffer:74\n    throw new ERR_OUT_OF_RANGE('value', range, value);\n    ^\n"}},
	{"node:buffer", "toString"}:   {{"ERR_UNKNOWN_ENCODING", "", "node:buffer:861\n    throw new ERR_UNKNOWN_ENCODING(encoding);\n    ^\n"}},
	{"node:buffer", "fill"}:       {{"ERR_UNKNOWN_ENCODING", "", "node:buffer:1045\n      throw new ERR_UNKNOWN_ENCODING(encoding);\n      ^\n"}},
	{"node:buffer", "write"}:      {{"ERR_UNKNOWN_ENCODING", "", "node:buffer:1138\n    throw new ERR_UNKNOWN_ENCODING(encoding);\n    ^\n"}},
	{"node:buffer", "fromString"}: {{"ERR_UNKNOWN_ENCODING", "", "node:buffer:484\n      throw new ERR_UNKNOWN_ENCODING(encoding);\n      ^\n"}},
	{"node:buffer", "byteLength"}: {{"ERR_INVALID_ARG_TYPE", "", "node:buffer:776\n    throw new ERR_INVALID_ARG_TYPE(\n    ^\n"}},
	{"node:buffer", "copyImpl"}:   {{"ERR_INVALID_ARG_TYPE", `"target"`, "node:buffer:209\n    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);\n    ^\n"}},
	{"node:buffer", "equals"}:     {{"ERR_INVALID_ARG_TYPE", "", "node:buffer:868\n    throw new ERR_INVALID_ARG_TYPE(\n    ^\n"}},
	{"node:buffer", "compare"}: {
		{"ERR_INVALID_ARG_TYPE", `"buf1"`, "node:buffer:557\n    throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);\n    ^\n"},
		{"ERR_INVALID_ARG_TYPE", `"buf2"`, "node:buffer:561\n    throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);\n    ^\n"},
		{"ERR_INVALID_ARG_TYPE", `"target"`, "node:buffer:923\n    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);\n    ^\n"},
	},
	{"node:util", "inherits"}: {
		{"ERR_INVALID_ARG_TYPE", `"ctor"`, "node:util:324\n    throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);\n    ^\n"},
		{"ERR_INVALID_ARG_TYPE", `"superCtor"`, "node:util:327\n    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);\n    ^\n"},
		{"ERR_INVALID_ARG_TYPE", `"superCtor.prototype"`, "node:util:330\n    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype',\n    ^\n"},
	},
	{"node:string_decoder", "normalize"}: {{"ERR_UNKNOWN_ENCODING", "", "node:string_decoder:69\n      throw new ERR_UNKNOWN_ENCODING(enc);\n      ^\n"}},
	{"node:string_decoder", "write"}: {
		{"ERR_INVALID_ARG_TYPE", `"buf"`, "node:string_decoder:98\n    throw new ERR_INVALID_ARG_TYPE('buf',\n    ^\n"},
		{"ERR_INVALID_THIS", "StringDecoder", "node:string_decoder:102\n    throw new ERR_INVALID_THIS('StringDecoder');\n    ^\n"},
	},
	{"node:internal/streams", "from"}:   {{"ERR_INVALID_ARG_TYPE", `"iterable"`, "node:internal/streams/from:36\n    throw new ERR_INVALID_ARG_TYPE('iterable', ['Iterable'], iterable);\n    ^\n"}},
	{"node:internal/streams", "_write"}: {{"ERR_INVALID_ARG_TYPE", `"chunk"`, "node:internal/streams/writable:482\n      throw new ERR_INVALID_ARG_TYPE(\n      ^\n"}},
	// (class constructors' frames are anonymous)
	{"node:internal/encoding", "<anonymous>"}: {{"ERR_ENCODING_NOT_SUPPORTED", "", "node:internal/encoding:409\n        throw new ERR_ENCODING_NOT_SUPPORTED(encoding);\n        ^\n"}},
	{"node:internal/util/parse_args", "checkOptionUsage"}: {
		{"ERR_PARSE_ARGS_UNKNOWN_OPTION", "", "node:internal/util/parse_args/parse_args:107\n      throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(\n      ^\n"},
		{"ERR_PARSE_ARGS_INVALID_OPTION_VALUE", "argument missing", "node:internal/util/parse_args/parse_args:116\n    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong} <value>' argument missing`);\n    ^\n"},
		{"ERR_PARSE_ARGS_INVALID_OPTION_VALUE", "does not take an argument", "node:internal/util/parse_args/parse_args:120\n    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong}' does not take an argument`);\n    ^\n"},
	},
	{"node:internal/util/parse_args", "checkOptionLikeValue"}: {{"ERR_PARSE_ARGS_INVALID_OPTION_VALUE", "", "node:internal/util/parse_args/parse_args:87\n    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(errorMessage);\n    ^\n"}},
	// (the arrow functions of parseArgs' loops)
	{"node:internal/util/parse_args", "<anonymous>"}: {
		{"ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL", "", "node:internal/util/parse_args/parse_args:387\n        throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);\n        ^\n"},
		{"ERR_INVALID_ARG_VALUE", ".short", "node:internal/util/parse_args/parse_args:337\n          throw new ERR_INVALID_ARG_VALUE(\n          ^\n"},
	},
	{"node:internal/streams", "<anonymous>"}:         {{"ERR_METHOD_NOT_IMPLEMENTED", "_write()", "node:internal/streams/writable:802\n    throw new ERR_METHOD_NOT_IMPLEMENTED('_write()');\n    ^\n"}},
	{"node:internal/streams", "_transform"}:          {{"ERR_METHOD_NOT_IMPLEMENTED", "_transform()", "node:internal/streams/transform:163\n  throw new ERR_METHOD_NOT_IMPLEMENTED('_transform()');\n  ^\n"}},
	{"node:internal/streams", "eos"}:                 {{"ERR_INVALID_ARG_TYPE", `"stream"`, "node:internal/streams/end-of-stream:74\n    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);\n    ^\n"}},
	{"node:internal/streams", "map"}:                 {{"ERR_INVALID_ARG_TYPE", `"fn"`, "node:internal/streams/operators:71\n    throw new ERR_INVALID_ARG_TYPE(\n    ^\n"}},
	{"node:internal/streams", "toIntegerOrInfinity"}: {{"ERR_OUT_OF_RANGE", `"number"`, "node:internal/streams/operators:382\n    throw new ERR_OUT_OF_RANGE('number', '>= 0', number);\n    ^\n"}},
	{"node:internal/streams", "getHighWaterMark"}:    {{"ERR_INVALID_ARG_VALUE", "", "node:internal/streams/state:37\n      throw new ERR_INVALID_ARG_VALUE(name, hwm);\n      ^\n"}},
	{"node:internal/streams", "addAbortSignal"}:      {{"ERR_INVALID_ARG_TYPE", `"signal"`, "node:internal/streams/add-abort-signal:28\n    throw new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);\n    ^\n"}},
	{"node:util", "getSystemErrorName"}: {
		{"ERR_INVALID_ARG_TYPE", "", validatorArrow},
		{"ERR_OUT_OF_RANGE", "", "node:util:425\n    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);\n    ^\n"},
	},
	{"node:internal/encoding", "encodeInto"}: {{"ERR_INVALID_ARG_TYPE", `"dest"`, "node:internal/encoding:360\n      throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);\n      ^\n"}},
	{"node:buffer", "concatSlow"}:            {{"ERR_INVALID_ARG_TYPE", `"list[`, "node:buffer:601\n      throw new ERR_INVALID_ARG_TYPE(\n      ^\n"}},
	// (Blob's and File's constructors)
	{"node:buffer", "<anonymous>"}: {
		{"ERR_INVALID_ARG_TYPE", `"sources"`, "node:internal/blob:145\n      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);\n      ^\n"},
		{"ERR_INVALID_ARG_TYPE", `"options" argument must be a dictionary`, validatorArrow},
		{"ERR_MISSING_ARGS", `"fileBits"`, "node:internal/file:40\n      throw new ERR_MISSING_ARGS('fileBits', 'fileName');\n      ^\n"},
	},
	{"node:internal/event_target", "any"}: {{"ERR_INVALID_ARG_TYPE", `"signals"`, validatorArrow}},
	// (new Console's checks, in consolecold.js's body of the constructor)
	{"node:console", "consoleStreamError"}: {
		{"ERR_CONSOLE_WRITABLE_STREAM", "stdout", "node:internal/console/constructor:130\n    throw new ERR_CONSOLE_WRITABLE_STREAM('stdout');\n    ^\n"},
		{"ERR_CONSOLE_WRITABLE_STREAM", "stderr", "node:internal/console/constructor:133\n    throw new ERR_CONSOLE_WRITABLE_STREAM('stderr');\n    ^\n"},
	},
	{"node:console", "ConsoleCold"}: {
		{"ERR_INVALID_ARG_VALUE", "colorMode", validatorArrow},
		{"ERR_INCOMPATIBLE_OPTION_PAIR", "", "node:internal/console/constructor:148\n      throw new ERR_INCOMPATIBLE_OPTION_PAIR(\n      ^\n"},
	},
	// (assert's comparisons called with fewer than two arguments)
	{"node:assert", "equal"}:              missingArgsSite("166"),
	{"node:assert", "notEqual"}:           missingArgsSite("190"),
	{"node:assert", "deepEqual"}:          missingArgsSite("213"),
	{"node:assert", "notDeepEqual"}:       missingArgsSite("236"),
	{"node:assert", "deepStrictEqual"}:    missingArgsSite("261"),
	{"node:assert", "notDeepStrictEqual"}: missingArgsSite("286"),
	{"node:assert", "strictEqual"}:        missingArgsSite("309"),
	{"node:assert", "notStrictEqual"}:     missingArgsSite("331"),
	{"node:internal/event_target", "dispatchEvent"}: {
		{"ERR_INVALID_ARG_TYPE", `"event"`, "node:internal/event_target:761\n      throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);\n      ^\n"},
		{"ERR_MISSING_ARGS", `"event"`, "node:internal/event_target:758\n      throw new ERR_MISSING_ARGS('event');\n      ^\n"},
	},
	{"node:internal/event_target", "invalidThis"}: {{"ERR_INVALID_THIS", "AbortSignal", "node:internal/abort_controller:111\n    throw new ERR_INVALID_THIS('AbortSignal');\n    ^\n"}},
	// (TextDecoder#decode: node's binding for UTF-8, for latin1, or ICU's for the others)
	{"node:internal/encoding", "decode"}: {
		{"ERR_INVALID_ARG_TYPE", `"list"`, "node:internal/encoding:447\n        return decodeUTF8(input, this[kIgnoreBOM], this[kFatal]);\n               ^\n"},
		{"ERR_ENCODING_INVALID_ENCODED_DATA", "encoding utf-8", "node:internal/encoding:447\n        return decodeUTF8(input, this[kIgnoreBOM], this[kFatal]);\n               ^\n"},
		{"ERR_INVALID_ARG_TYPE", "ArrayBuffer, SharedArrayBuffer, or", "node:internal/encoding:451\n        return decodeLatin1(input, this[kIgnoreBOM], this[kFatal]);\n               ^\n"},
		{"ERR_INVALID_ARG_TYPE", `"input"`, "node:internal/encoding:462\n      return _decode(this[kHandle], input, flags, this.encoding);\n             ^\n"},
		{"ERR_ENCODING_INVALID_ENCODED_DATA", "", "node:internal/encoding:462\n      return _decode(this[kHandle], input, flags, this.encoding);\n             ^\n"},
	},
	{"node:url", "<anonymous>"}:     {{"ERR_INVALID_TUPLE", "Each query pair", "node:internal/url:362\n              throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');\n              ^\n"}},
	{"node:url", "URLSearchParams"}: {{"ERR_INVALID_TUPLE", "Each query pair", "node:internal/url:362\n              throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');\n              ^\n"}},
	// (perf_hooks: the PerformanceObserver and PerformanceMark constructors, observe and measure)
	{"node:perf_hooks", "<anonymous>"}: {
		{"ERR_INVALID_ARG_TYPE", `"callback"`, validatorArrow},
		{"ERR_MISSING_ARGS", `"name"`, "node:internal/perf/usertiming:72\n      throw new ERR_MISSING_ARGS('name');\n      ^\n"},
		{"ERR_PERFORMANCE_INVALID_TIMESTAMP", "", "node:internal/perf/usertiming:83\n      throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(startTime);\n      ^\n"},
	},
	{"node:perf_hooks", "observe"}: {
		{"ERR_MISSING_ARGS", `"options.entryTypes"`, "node:internal/perf/observe:262\n      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');\n      ^\n"},
		{"ERR_INVALID_ARG_TYPE", `"options.entryTypes"`, "node:internal/perf/observe:290\n        throw new ERR_INVALID_ARG_TYPE(\n        ^\n"},
	},
	{"node:perf_hooks", "mark"}:        {{"ERR_MISSING_ARGS", `"name"`, "node:internal/perf/performance:124\n      throw new ERR_MISSING_ARGS('name');\n      ^\n"}},
	{"node:perf_hooks", "measure"}:     {{"ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS", "", "node:internal/perf/usertiming:195\n      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(\n      ^\n"}},
	{"node:events", "setMaxListeners"}: {{"ERR_INVALID_ARG_TYPE", `"eventTargets"`, "node:events:336\n          throw new ERR_INVALID_ARG_TYPE(\n          ^\n"}},
	{"node:internal/mime", "mimeSyntax"}: {
		{"ERR_INVALID_MIME_SYNTAX", "for a type", "node:internal/mime:51\n    throw new ERR_INVALID_MIME_SYNTAX('type', str, invalidTypeIndex);\n    ^\n"},
		{"ERR_INVALID_MIME_SYNTAX", "for a subtype", "node:internal/mime:73\n    throw new ERR_INVALID_MIME_SYNTAX('subtype', str, invalidSubtypeIndex);\n    ^\n"},
	},
	{"node:buffer", "concat"}: {{"ERR_INVALID_ARG_TYPE", `"list"`, validatorArrow}},
	{"node:buffer", "swapN"}: {
		{"ERR_INVALID_BUFFER_SIZE", "16-bits", "node:buffer:1193\n    throw new ERR_INVALID_BUFFER_SIZE('16-bits');\n    ^\n"},
		{"ERR_INVALID_BUFFER_SIZE", "32-bits", "node:buffer:1208\n    throw new ERR_INVALID_BUFFER_SIZE('32-bits');\n    ^\n"},
		{"ERR_INVALID_BUFFER_SIZE", "64-bits", "node:buffer:1225\n    throw new ERR_INVALID_BUFFER_SIZE('64-bits');\n    ^\n"},
	},
	{"node:internal/url_legacy", "urlFormat"}: {{"ERR_INVALID_ARG_TYPE", `"urlObject"`, "node:url:581\n    throw new ERR_INVALID_ARG_TYPE('urlObject',\n    ^\n"}},
	{"node:internal/url_legacy", "parse"}:     {{"ERR_INVALID_ARG_TYPE", `"url"`, validatorArrow}},
	{"node:url", "domainToASCII"}:             {{"ERR_MISSING_ARGS", `"domain"`, "node:internal/url:1385\n    throw new ERR_MISSING_ARGS('domain');\n    ^\n"}},
	{"node:url", "domainToUnicode"}:           {{"ERR_MISSING_ARGS", `"domain"`, "node:internal/url:1393\n    throw new ERR_MISSING_ARGS('domain');\n    ^\n"}},
	{"node:assert", "internalMatch"}:          {{"ERR_INVALID_ARG_TYPE", `"regexp"`, "node:assert:739\n    throw new ERR_INVALID_ARG_TYPE(\n    ^\n"}},
	{"node:url", "invalidURL"}:                {{"ERR_INVALID_URL", "", "node:internal/url:806\n    const href = bindingUrl.parse(input, base, raiseException);\n                            ^\n"}},
	{"node:buffer", "copyBytesFrom"}:          {{"ERR_INVALID_ARG_TYPE", `"view"`, "node:buffer:339\n    throw new ERR_INVALID_ARG_TYPE('view', [ 'TypedArray' ], view);\n    ^\n"}},
	{"node:buffer", "indexOfImpl"}:            {{"ERR_INVALID_ARG_TYPE", `"value"`, "node:buffer:1006\n  throw new ERR_INVALID_ARG_TYPE(\n  ^\n"}},
	{"node:buffer", "transcode"}: {
		{"ERR_INVALID_ARG_TYPE", `"source"`, "node:buffer:1251\n      throw new ERR_INVALID_ARG_TYPE('source',\n      ^\n"},
		{"U_ILLEGAL_ARGUMENT_ERROR", "", "node:buffer:1267\n    throw err;\n    ^\n"},
	},
	{"node:buffer", "atob"}: {
		{"ERR_MISSING_ARGS", `"input"`, "node:buffer:1287\n    throw new ERR_MISSING_ARGS('input');\n    ^\n"},
		{"5", "Invalid character", "node:buffer:1294\n      throw lazyDOMException('Invalid character', 'InvalidCharacterError');\n      ^\n"},
	},
	{"node:buffer", "btoa"}: {
		{"ERR_MISSING_ARGS", `"input"`, "node:buffer:1276\n    throw new ERR_MISSING_ARGS('input');\n    ^\n"},
		{"5", "Invalid character", "node:buffer:1280\n    throw lazyDOMException('Invalid character', 'InvalidCharacterError');\n    ^\n"},
	},
	{"node:events", "getMaxListeners"}:                       {{"ERR_INVALID_ARG_TYPE", `"emitter"`, "node:events:959\n  throw new ERR_INVALID_ARG_TYPE('emitter',\n  ^\n"}},
	{"node:internal/event_target", "addEventListener"}:       {{"ERR_MISSING_ARGS", "", "node:internal/event_target:602\n      throw new ERR_MISSING_ARGS('type', 'listener');\n      ^\n"}},
	{"node:internal/event_target", "removeEventListener"}:    {{"ERR_MISSING_ARGS", "", "node:internal/event_target:704\n      throw new ERR_MISSING_ARGS('type', 'listener');\n      ^\n"}},
	{"node:internal/event_target", "<anonymous>"}:            {{"ERR_ILLEGAL_CONSTRUCTOR", "", "node:internal/abort_controller:140\n    throw new ERR_ILLEGAL_CONSTRUCTOR();\n    ^\n"}},
	{"node:internal/process/extras", "setSourceMapsEnabled"}: {{"ERR_INVALID_ARG_TYPE", `"val"`, validatorArrow}},
	{"node:internal/process/extras", "loadEnvFile"}:          {{"ERR_INVALID_ARG_TYPE", `"path"`, validatorArrow}},
	{"node:events", "getEventListeners"}:                     {{"ERR_INVALID_ARG_TYPE", `"emitter"`, "node:events:942\n  throw new ERR_INVALID_ARG_TYPE('emitter',\n  ^\n"}},
	{"node:url", "fileURLToPath"}:                            {{"ERR_INVALID_URL_SCHEME", "", "node:internal/url:1489\n    throw new ERR_INVALID_URL_SCHEME('file');\n    ^\n"}},
	{"node:url", "pathFromURLPosix"}: {
		{"ERR_INVALID_FILE_URL_HOST", "", "node:internal/url:1466\n    throw new ERR_INVALID_FILE_URL_HOST(platform);\n    ^\n"},
		{"ERR_INVALID_FILE_URL_PATH", "", "node:internal/url:1473\n        throw new ERR_INVALID_FILE_URL_PATH(\n        ^\n"},
	},
	// (process.chdir's and process.kill's system errors, thrown where node's wrappers call the binding)
	{"node:internal/bootstrap", "wrappedChdir"}: {
		{"ENOENT", "chdir", "node:internal/bootstrap/switches/does_own_process_state:130\n  rawMethods.chdir(directory);\n             ^\n"},
		{"ENOTDIR", "chdir", "node:internal/bootstrap/switches/does_own_process_state:130\n  rawMethods.chdir(directory);\n             ^\n"},
		{"EACCES", "chdir", "node:internal/bootstrap/switches/does_own_process_state:130\n  rawMethods.chdir(directory);\n             ^\n"},
		{"ERR_INVALID_ARG_TYPE", `"directory"`, validatorArrow},
	},
	{"node:internal/bootstrap", "killCold"}: {
		{"ESRCH", "kill", "node:internal/process/per_thread:225\n      throw new ErrnoException(err, 'kill');\n      ^\n"},
		{"EPERM", "kill", "node:internal/process/per_thread:225\n      throw new ErrnoException(err, 'kill');\n      ^\n"},
		{"ERR_UNKNOWN_SIGNAL", "", "node:internal/process/per_thread:220\n        throw new ERR_UNKNOWN_SIGNAL(sig);\n        ^\n"},
		{"ERR_INVALID_ARG_TYPE", `"pid"`, "node:internal/process/per_thread:207\n      throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid);\n      ^\n"},
	},
	{"node:internal/bootstrap", "unavailableInWorker"}: {
		{"ERR_WORKER_UNSUPPORTED_OPERATION", "", "node:internal/process/worker_thread_only:12\n    throw new ERR_WORKER_UNSUPPORTED_OPERATION(name);\n    ^\n"},
	},
	{"node:internal/bootstrap", "umaskCold"}: {{"ERR_INVALID_ARG_VALUE", "'mask'", "node:internal/validators:74\n      throw new ERR_INVALID_ARG_VALUE(name, value, modeDesc);\n      ^\n"}},
	{"node:internal/bootstrap", "hrtime"}: {
		{"ERR_INVALID_ARG_TYPE", `"time"`, validatorArrow},
		{"ERR_OUT_OF_RANGE", `"time"`, "node:internal/process/per_thread:75\n      throw new ERR_OUT_OF_RANGE('time', 2, time.length);\n      ^\n"},
	},
	{"node:internal/bootstrap", "validateCaptureCallback"}: {
		{"ERR_INVALID_ARG_TYPE", `"fn"`, "node:internal/process/execution:149\n    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);\n    ^\n"},
	},
	{"node:internal/bootstrap", "emitWarningCold"}: {
		{"ERR_INVALID_ARG_TYPE", `"warning"`, "node:internal/process/warning:176\n    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);\n    ^\n"},
		{"ERR_INVALID_ARG_TYPE", `"type"`, validatorArrow},
	},
}

// glueErrorFactories are more glue functions that make errors their callers throw (util.parseArgs'
// and assert's), passed over to find the throwing function.
var glueErrorFactories = map[[2]string]bool{
	{"node:internal/util/parse_args", "typeError"}:            true,
	{"node:internal/util/parse_args", "unknownOption"}:        true,
	{"node:internal/util/parse_args", "invalidOptionValue"}:   true,
	{"node:internal/util/parse_args", "unexpectedPositional"}: true,
	{"node:assert", "missingArgs"}:                            true,
	// the error of a failed execSync/execFileSync (the exit status's, or spawnSync's), which
	// they throw themselves (nodeThrowArrows)
	{"node:child_process", "checkExecSyncError"}: true,
	{"node:child_process", "spawnError"}:         true,
	{"node:child_process", "spawnSync"}:          true,
	// web streams' error makers (webstreamsThrowSites name the statements that call them)
	{"node:internal/webstreams", "invalidState"}:  true,
	{"node:internal/webstreams", "invalidThis"}:   true,
	{"node:internal/webstreams", "brand"}:         true,
	{"node:internal/webstreams", "argType"}:       true,
	{"node:internal/webstreams", "argValue"}:      true,
	{"node:internal/webstreams", "rangeArgValue"}: true,
}

// missingArgsSite is node's throw of ERR_MISSING_ARGS at line of node:assert, in a comparison
// called with fewer than two arguments.
func missingArgsSite(line string) []nodeErrorSite {
	return []nodeErrorSite{{"ERR_MISSING_ARGS", "", "node:assert:" + line + "\n    throw new ERR_MISSING_ARGS('actual', 'expected');\n    ^\n"}}
}

// matchErrorSite is the arrow of the first of sites whose code and message part are val's, or "".
func matchErrorSite(sites []nodeErrorSite, val goja.Value) string {
	o, ok := val.(*goja.Object)
	if !ok || sites == nil {
		return ""
	}
	code := o.Get("code")
	msg := o.Get("message")
	for _, site := range sites {
		if code != nil && code.String() == site.code && msg != nil && strings.Contains(msg.String(), site.contains) {
			return site.arrow
		}
	}
	return ""
}

// pathArgSite is node's excerpt for a path function's argument that is not a string: its
// validateString, a hideStackFrames validator.
var pathArgSite = []nodeErrorSite{{"ERR_INVALID_ARG_TYPE", "must be of type string", validatorArrow}}

// nativeErrorSites are nodeErrorSites for the built-ins written in Go, keyed by the function's
// name: the error is made by the innermost frame, the Go function itself.
var nativeErrorSites = map[string][]nodeErrorSite{
	"setTimeout":       {{"ERR_INVALID_ARG_TYPE", `"callback"`, validatorArrow}},
	"setInterval":      {{"ERR_INVALID_ARG_TYPE", `"callback"`, validatorArrow}},
	"setImmediate":     {{"ERR_INVALID_ARG_TYPE", `"callback"`, validatorArrow}},
	"nextTick":         {{"ERR_INVALID_ARG_TYPE", `"callback"`, validatorArrow}},
	"join":             pathArgSite,
	"resolve":          pathArgSite,
	"normalize":        pathArgSite,
	"isAbsolute":       pathArgSite,
	"relative":         pathArgSite,
	"dirname":          pathArgSite,
	"basename":         pathArgSite,
	"extname":          pathArgSite,
	"parse":            pathArgSite,
	"toNamespacedPath": pathArgSite,
}

// nodeThrowArrow is node's excerpt for the error val our glue made and threw in one of the places
// of nodeErrorSites or nodeThrowArrows (frames are the error's, the innermost first; an
// AssertionError's constructor frames are passed over), or "".
func nodeThrowArrow(frames []goja.StackFrame, val goja.Value) string {
	native := true // (no frame but the error makers' so far)
	for i := range frames {
		f := &frames[i]
		if f.SrcName() == "<native>" {
			if native {
				// an error a built-in written in Go made itself
				if a := matchErrorSite(nativeErrorSites[f.FuncName()], val); a != "" {
					return a
				}
				native = false
			}
			continue
		}
		file := f.Position().Filename
		if file == "node:internal/assert/assertion_error" || hiddenErrorFrameFile(file) || errorFactory(file, f.FuncName()) ||
			file == "node:internal/streams/errors" || glueErrorFactories[[2]string{file, f.FuncName()}] {
			continue
		}
		native = false
		if file == "node:dgram" {
			if dgramErrorHelpers[f.FuncName()] {
				continue // (node makes its errors in place)
			}
			if a := dgramThrowArrow(f.Position().Line); a != "" {
				return a
			}
		}
		if file == "node:internal/webstreams" {
			if p, ok := webstreamsThrowPlaces.Get()[f.Position().Line]; ok {
				if a, ok := webstreamsExcerpts[p.file+":"+strconv.Itoa(p.line)]; ok {
					return a
				}
			}
		}
		if m, ok := glueMarkAt(file, f.FuncName(), f.Position().Line); ok {
			if m.arrow != "" {
				return m.arrow
			}
			if m.hide {
				continue // (glue helpers node has not)
			}
		}
		key := [2]string{file, f.FuncName()}
		if a := matchErrorSite(nodeErrorSites[key], val); a != "" {
			return a
		}
		return nodeThrowArrows[key]
	}
	return ""
}

// arrow is node's excerpt for file:line:col. thrown says the place is goja's, of a frame where an
// exception was thrown (node points at its throw statement); otherwise it is read from a stack,
// whose columns are already the file's own.
func (rt *Runtime) arrow(file string, line, col int, thrown bool) string {
	src := rt.sourceLine(file, line)
	if src == "" {
		return ""
	}
	esm := rt.esmSources[file]
	shift := 0 // (a vm script's columnOffset, on its first line: the text excerpted lacks it)
	c, vmText := rt.vmCode[file]
	vmText = vmText && !esm && !rt.wrapped[file]
	if vmText && line-1-c.lineOffset == 0 {
		shift = c.columnOffset
	}
	if thrown && line == 1 && !esm && !rt.transformed[file] && rt.wrapped[file] {
		col -= len(cjsWrapperPrefix)
	}
	header := file
	if esm {
		// Node names ES modules by URL and points at the error itself, but at the throw
		// statement of one thrown out of a callback (no rejection of the module's evaluation)
		header = "file://" + file
		if rt.arrowErr != nil && col >= 2 && col-2 < len(src) && src[col-2] == '(' && !isNotAFunction(rt.arrowErr) {
			// an error made by a call of its constructor without new (uuid's
			// `throw TypeError('Invalid UUID')`): the source map puts the call just after its
			// "(", V8 at the callee's name, as the error's stack does
			col = rt.callColumn(file, line, col)
		}
		if thrown {
			col = throwColumn(src, col)
		}
		if rt.arrowErr != nil && isErrorNamed(rt.arrowErr, "TypeError") {
			// a failed read of null or undefined: the source map puts it at the object, V8 at
			// the key, as the error's stack does
			col = rt.uncaughtKeyColumn(file, line, col)
			if m, ok := modules.ExportAs[string](rt.arrowErr.Get("message")); ok && strings.HasSuffix(m, " is not a function") {
				// a call of what is no function: the source map puts it at the call's "(", V8
				// at the callee's name, as the error's stack does
				col = rt.callColumn(file, line, col)
			}
		}
		if rt.arrowErr != nil && isErrorNamed(rt.arrowErr, "ReferenceError") {
			// (return zz: at the return, as the error's stack does)
			col = rt.mappedReferenceColumn(rt.arrowErr, file, line, col)
		}
	} else {
		vmLine := ""
		if vmText {
			vmLine = rt.vmNonASCIILine(file, line)
		}
		if vmLine != "" {
			// (vm code's columns count UTF-16 units; the line is read in bytes from here)
			col = rt.callColumn(file, line, col)
			col = byteOffset(vmLine, col-1) + 1
			vmText = false
		}
		// and in scripts at the throw statement that raised it, when it is on that line
		if thrown {
			col = throwColumn(src, col-shift) + shift
		}
		// and, for a call that failed, at the called name, as its stack frame does
		if vmLine == "" {
			col = rt.callColumn(file, line, col)
		}
		if thrown && rt.arrowErr != nil {
			col = rt.uncaughtKeyColumn(file, line, col)
			col = enclosingThrowColumn(src, col-shift, errorCtorName(rt.arrowErr)) + shift
		}
	}
	if a := rt.mappedArrow(file, line, col-1); a != "" {
		return a // (node's, from the original source)
	}
	pad := max(col-1-shift, 0)
	if esm || vmText {
		// (a module's or vm script's source-mapped column counts UTF-16 units already)
		pad = byteOffset(src, pad)
	}
	return header + ":" + strconv.Itoa(line) + "\n" + src + "\n" + modules.CaretPad(src, pad) + "^\n"
}

// isNotAFunction reports whether err is a TypeError of a call of what is no function.
func isNotAFunction(err *goja.Object) bool {
	if !isErrorNamed(err, "TypeError") {
		return false
	}
	m, ok := modules.ExportAs[string](err.Get("message"))
	return ok && strings.HasSuffix(m, " is not a function")
}

// evalArrowOf is the excerpt evalSyntaxWords gave the SyntaxError v of eval'd code, if v is one
// (a proxy, even a revoked one, is none).
func (rt *Runtime) evalArrowOf(v goja.Value) (s goja.String, ok bool) {
	o, isObj := v.(*goja.Object)
	if !isObj {
		return nil, false
	}
	if _, isProxy := modules.ExportAs[goja.Proxy](o); isProxy {
		return nil, false
	}
	defer func() {
		if recover() != nil {
			s, ok = nil, false
		}
	}()
	s, ok = o.GetSymbol(evalArrowSymbol(rt)).(goja.String)
	return s, ok
}

// thrownByEval reports whether frames, a thrown value's, begin at an eval: the built-in's frame
// (an indirect eval) or a direct eval's call; or at the Function constructor called bare.
func (rt *Runtime) thrownByEval(frames []goja.StackFrame) bool {
	for i := range frames {
		if frames[i].SrcName() == "<native>" {
			switch frames[i].FuncName() {
			case "eval", "Function", "AsyncFunction", "GeneratorFunction", "AsyncGeneratorFunction":
				return true
			}
			continue
		}
		return rt.callsEvalAt(&frames[i])
	}
	return false
}

// evalCodeArrow is node's excerpt for an error thrown in code eval or the Function constructor
// made: the line of that code, under <anonymous_script> and its line there, the caret at the
// throw statement; "" when the frame's text is unknown.
func evalCodeArrow(f *goja.StackFrame, p file.Position) string {
	text, col := programPlace(f, p)
	if col < 0 {
		return ""
	}
	c := throwColumn(text, col+1)
	name := "<anonymous_script>"
	if src := programSource(frameProgram(f)); src != nil {
		if u := sourceURL(src.Source()); u != "" {
			name = u // (the name a sourceURL comment gives the code)
		}
	}
	return name + ":" + strconv.Itoa(p.Line) + "\n" + text + "\n" + modules.CaretPad(text, c-1) + "^\n"
}

// byteOffset is the byte offset in s of its UTF-16 unit n (past the end, n's distance from it).
func byteOffset(s string, n int) int {
	units := 0
	for i, r := range s {
		if units >= n {
			return i
		}
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
	}
	return len(s) + n - units
}

// uncaughtKeyColumn is readKeyColumn for the uncaught error being printed (o.f() of a null o
// points at f), operatorColumn for a binary operation's (k in s points at in), or referenceColumn for a ReferenceError (return zz points at the return); col
// as it is when the value is neither or reading it throws (a revoked proxy).
func (rt *Runtime) uncaughtKeyColumn(file string, line, col int) (out int) {
	out = col
	defer func() { _ = recover() }()
	op := ""
	if raw, ok := gojaErrorFrames(rt.arrowErr); ok && len(raw) > 0 {
		op = frameOp(&raw[0])
	}
	if isErrorNamed(rt.arrowErr, "TypeError") {
		out = rt.readKeyColumn(rt.arrowErr, file, line, col)
		if m, _ := modules.ExportAs[string](rt.arrowErr.Get("message")); !spreadMessage(m) { // (V8's caret is at the spread argument)
			out = rt.operatorColumn(rt.arrowErr, file, line, out, op) // (k in s: at the in)
		}
	} else if isErrorNamed(rt.arrowErr, "RangeError") {
		out = rt.operatorColumn(rt.arrowErr, file, line, col, op) // (b / 0n: at the /)
	} else if isErrorNamed(rt.arrowErr, "ReferenceError") {
		out = referenceColumn(rt.arrowErr, rt.sourceLine(file, line), col) // (return zz: at the return)
	}
	return out
}

// throwColumn moves a 1-based column that points just past a `throw` keyword (throw new
// Error(...)) back to the keyword, as V8 reports a throw statement's location.
func throwColumn(line string, col int) int {
	if col < 2 || col-1 > len(line) {
		return col
	}
	before := strings.TrimRight(line[:col-1], " \t")
	if !strings.HasSuffix(before, "throw") {
		return col
	}
	i := len(before) - len("throw")
	if i > 0 {
		if c := before[i-1]; c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return col
		}
	}
	return i + 1
}

// errorCtorName is the name of err's constructor ("" when it has none, or reading it throws).
func errorCtorName(err *goja.Object) (name string) {
	defer func() {
		if recover() != nil {
			name = ""
		}
	}()
	if _, proxy := modules.ExportAs[goja.Proxy](err); proxy {
		return "" // (its traps are not to run here)
	}
	if c, ok := err.Get("constructor").(*goja.Object); ok {
		if n, ok := modules.ExportAs[string](c.Get("name")); ok {
			return n
		}
	}
	return ""
}

// enclosingThrowColumn moves a 1-based column that points at the making of the error (new
// Name(...) or Name(...), Name its constructor's) inside a throw statement's expression on
// the same line (throw Object.freeze(new Error(...)), throw Error(...)) back to the throw
// keyword, where V8 places the exception. It stops, keeping col, at anything that may begin
// another statement or function (; { } =>) or a string.
func enclosingThrowColumn(line string, col int, name string) int {
	i := col - 1
	if name == "" || i < 0 || i >= len(line) {
		return col
	}
	rest := line[i:]
	isNew := false
	if r, ok := strings.CutPrefix(rest, "new"); ok && (r == "" || !isIdentByte(r[0])) {
		rest = strings.TrimLeft(r, " \t")
		isNew = true
	}
	j := 0
	for j < len(rest) && (isIdentByte(rest[j]) || rest[j] == '.') {
		j++
	}
	callee := rest[:j]
	if k := strings.LastIndexByte(callee, '.'); k >= 0 {
		callee = callee[k+1:]
	}
	if callee != name || !isNew && !strings.HasPrefix(strings.TrimLeft(rest[j:], " \t"), "(") {
		return col
	}
	for k := i - 1; k >= 0; k-- {
		switch c := line[k]; c {
		case ';', '{', '}', '\'', '"', '`':
			return col
		case '>':
			if k > 0 && line[k-1] == '=' {
				return col
			}
		case 't':
			if strings.HasPrefix(line[k:], "throw") && (k == 0 || !isIdentByte(line[k-1])) &&
				(k+5 == len(line) || !isIdentByte(line[k+5])) {
				return k + 1
			}
		}
	}
	return col
}

// setSource keeps a module's source for error excerpts; esm says it ran as an ES module,
// otherwise it is a CommonJS module compiled from a transform (source-mapped, no wrapper).
func (rt *Runtime) setSource(filename, src string, esm bool) {
	rt.sources[filename] = src
	rt.noteUserSourceMap(filename, src)
	if esm {
		rt.esmSources[filename] = true
	} else {
		rt.transformed[filename] = true
	}
}

// noteAsyncModule notes whether the ES module file has top-level await.
func (rt *Runtime) noteAsyncModule(file string, async bool) {
	if async {
		if rt.esmAsync == nil {
			rt.esmAsync = make(map[string]bool)
		}
		rt.esmAsync[file] = true
	}
}

// lastThrowArrow points at the statement that threw, recorded when the exception escaped.
func (rt *Runtime) lastThrowArrow() string {
	return rt.throwArrow
}

// missingModuleArrow is node's excerpt for a module require does not find: its loader's own throw.
const missingModuleArrow = "node:internal/modules/cjs/loader:1210\n  throw err;\n  ^\n"

// missingModuleMadeArrow is node's excerpt for the error of a module require does not find, as a
// rejection reports it: where the loader makes it.
const missingModuleMadeArrow = "node:internal/modules/cjs/loader:1207\n  const err = new Error(message);\n              ^\n"

// unknownBuiltinThrow reports whether frames are those of the error Module._load makes for
// require('node:x') of an x that is no built-in: its first frame past the error's constructor
// (node:internal/errors) is the loader's _load.
func unknownBuiltinThrow(frames []goja.StackFrame) bool {
	for _, f := range frames {
		switch f.Position().Filename {
		case "node:internal/errors":
			continue
		case loaderName:
			return f.FuncName() == "_load"
		}
		return false
	}
	return false
}

// unknownBuiltinArrow is node's excerpt for require('node:x') of an x that is no built-in: the
// loader's Module._load throws ERR_UNKNOWN_BUILTIN_MODULE itself.
const unknownBuiltinArrow = "node:internal/modules/cjs/loader:1031\n      throw new ERR_UNKNOWN_BUILTIN_MODULE(request);\n      ^\n"

// arrowFromFrames is node's excerpt for the uncaught exception val thrown with frames.
func (rt *Runtime) arrowFromFrames(frames []goja.StackFrame, val goja.Value) string {
	rt.arrowErr, _ = val.(*goja.Object)
	defer func() { rt.arrowErr = nil }()
	if unknownBuiltinThrow(frames) {
		if r := rt.rethrowArrow(frames); r != "" {
			return r // (the program caught it and threw it again)
		}
		return unknownBuiltinArrow
	}
	if o, ok := val.(*goja.Object); ok && o == rt.jsonErr && len(frames) > 0 && frames[0].SrcName() == "<native>" {
		// JSON.parse's: the text's line, unless a catch threw it again
		if r := rt.rethrowArrow(frames); r != "" {
			return r
		}
		return jsonArrow(rt.jsonErrSrc, rt.jsonErrPos)
	}
	funcCtorErr := rt.funcCtorErr
	rt.funcCtorErr = nil
	if a, ok := rt.evalArrowOf(val); ok && (rt.thrownByEval(frames) || funcCtorErr != nil && val == funcCtorErr) {
		// eval's code refused: its own line, unless a catch threw it again
		if r := rt.rethrowArrow(frames); r != "" {
			return r
		}
		for i := range frames {
			if p := frames[i].Position(); frames[i].SrcName() != "<native>" && p.Filename != "" {
				if r := rt.laterThrowArrow(p.Filename, p.Line, p.Column); r != "" {
					return r
				}
				break
			}
		}
		return a.String()
	}
	first := true
	for len(frames) > 1 && rt.inExportGetter(frames[0]) {
		frames = frames[1:] // (node reads an ES module's binding itself: no frame)
	}
	for _, f := range frames {
		p := f.Position()
		if name, ok := strings.CutPrefix(p.Filename, modules.EvalSourceScheme); ok {
			// a vm script placed by an inline source map (its lineOffset): named as vm ran it
			if u, err := url.PathUnescape(name); err == nil {
				p.Filename = u
			}
		}
		if first && p.Filename != "" && f.SrcName() != "<native>" {
			first = false
			if p.Filename == loaderName && f.FuncName() == "_resolveFilename" {
				return missingModuleArrow
			}
			if a := nodeThrowArrow(frames, val); a != "" {
				if r := rt.rethrowArrow(frames); r != "" {
					return r // (the program caught it and threw it again)
				}
				return a
			}
		}
		if p.Filename != "" && !strings.HasPrefix(p.Filename, "node:") {
			if a := rt.rethrowArrow(frames); a != "" {
				return a // (a catch's rethrow let it out)
			}
			if p.Filename == "<eval>" && f.SrcName() == "<eval>" {
				// code eval or the Function constructor made: node names no file
				return evalCodeArrow(&f, p)
			}
			if a := rt.laterThrowArrow(p.Filename, p.Line, p.Column); a != "" {
				return a
			}
			if a := rt.factoryThrowArrow(frames); a != "" {
				return a // (throw makeError(...))
			}
			if a := rt.callerThrowArrow(frames); a != "" {
				return a // (const err = makeError(...); throw err)
			}
			if a := rt.calleeThrowArrow(frames); a != "" {
				return a // (failure(new Error(...)), failure throwing its parameter)
			}
			// an ES module's evaluation ends in a rejection, whose excerpt is the error's place
			return rt.arrow(p.Filename, p.Line, p.Column, !rt.esmEvaluationThrow(frames))
		}
	}
	return ""
}

// esmEvaluationThrow reports whether frames (an uncaught exception's) are those of an ES
// module's evaluation: its top-level code is the outermost frame of the program's, called by
// the loader, or resumed after a top-level await.
func (rt *Runtime) esmEvaluationThrow(frames []goja.StackFrame) bool {
	k := -1
	for i := range frames {
		if f := &frames[i]; f.SrcName() != "<native>" && rt.esmSources[f.Position().Filename] {
			k = i
		}
	}
	if k < 0 {
		return false
	}
	for i := k + 1; i < len(frames); i++ {
		if frames[i].SrcName() != "<native>" {
			return frames[i].Position().Filename == loaderName
		}
	}
	return frames[k].FuncName() == "<anonymous>" && rt.esmAsync[frames[k].Position().Filename]
}

// laterThrowArrow is node's excerpt for an error made by `name = new X(...)` at file:line:col
// and thrown by a later `throw name` in the lines after it (goja keeps only the place an error
// was made; V8 points at the throw): "" when the source has no such throw before the block
// that holds the making ends.
func (rt *Runtime) laterThrowArrow(file string, line, col int) string {
	if rt.esmSources[file] || rt.transformed[file] {
		return "" // (places mapped from a transform: the text is not the compiled one)
	}
	src := rt.sourceLine(file, line)
	if line == 1 && rt.wrapped[file] {
		col -= len(cjsWrapperPrefix)
	}
	if col < 2 || col-1 > len(src) {
		return ""
	}
	before := strings.TrimRight(src[:col-1], " \t")
	if !strings.HasSuffix(before, "=") || strings.HasSuffix(before, "==") || strings.HasSuffix(before, "!=") ||
		strings.HasSuffix(before, "<=") || strings.HasSuffix(before, ">=") {
		return ""
	}
	before = strings.TrimRight(before[:len(before)-1], " \t")
	i := identStart(before, len(before))
	name := before[i:]
	if name == "" || name[0] >= '0' && name[0] <= '9' || i > 0 && before[i-1] == '.' {
		return ""
	}
	if c := throwOf(src[col-1:], name); c > 0 {
		// (on the making's own line)
		return file + ":" + strconv.Itoa(line) + "\n" + src + "\n" + modules.CaretPad(src, col-2+c) + "^\n"
	}
	indent := len(src) - len(strings.TrimLeft(src, " \t"))
	names := []string{name}
	for l := line + 1; l <= line+60; l++ {
		text := rt.sourceLine(file, l)
		trimmed := strings.TrimLeft(text, " \t")
		if trimmed == "" {
			continue
		}
		if strings.HasPrefix(trimmed, "}") && len(text)-len(trimmed) < indent {
			// the block that made it ends: an assignment to a variable of an outer block (or a
			// parameter) may still be thrown later in the function (nunjucks's render callback:
			// `if (err) { err = prettify(err); }` and then `if (err) { throw err; }`)
			if !declared(before[:i]) {
				return rt.assignedThrowArrow(file, line, col, name)
			}
			return ""
		}
		for _, n := range names {
			if c := throwOf(text, n); c > 0 {
				return file + ":" + strconv.Itoa(l) + "\n" + text + "\n" + modules.CaretPad(text, c-1) + "^\n"
			}
		}
		// a result's member taken into a variable (let error = result.error): thrown by that name
		if m := memberBinding().FindStringSubmatch(trimmed); m != nil && len(names) < 8 {
			for _, n := range names {
				if m[2] == n {
					names = append(names, m[1])
					break
				}
			}
		}
	}
	return ""
}

// declared reports whether the text before a variable's name (and its `=`) declares it: `const`,
// `let` or `var` before it, or a `,` of a declaration list.
func declared(before string) bool {
	b := strings.TrimRight(before, " \t")
	for _, kw := range [...]string{"const", "let", "var"} {
		if strings.HasSuffix(b, kw) && (len(b) == len(kw) || !isIdentByte(b[len(b)-len(kw)-1])) {
			return true
		}
	}
	return strings.HasSuffix(b, ",")
}

// assignedThrowArrow is node's excerpt for an error assigned to name, a variable that the block
// of the assignment (at line:col of file, a CommonJS module's) does not declare, and thrown by a
// later `throw name` of the same function outside that block: the first such throw after it in
// the own code of the function that holds the assignment, "" when there is none.
func (rt *Runtime) assignedThrowArrow(file string, line, col int, name string) string {
	src, ok := rt.sources[file]
	if !ok || !rt.wrapped[file] {
		return ""
	}
	off := lineColOffset(src, line, col-1)
	if off < 0 {
		return ""
	}
	at := throwAfter(parseCJS(src, ""), idxOf(off), name)
	if at < 0 {
		return ""
	}
	return rt.arrowAtIdx(file, src, at)
}

// throwAfter is the place (file.Idx) of the first `throw name` after pos in the own code of the
// innermost function of prg that holds pos, -1 when there is none.
func throwAfter(prg *ast.Program, pos int, name string) int {
	if prg == nil {
		return -1
	}
	var body ast.Node
	modules.WalkASTAt(prg, pos, func(n ast.Node) bool {
		switch f := n.(type) {
		case *ast.FunctionLiteral:
			body = f.Body
		case *ast.ArrowFunctionLiteral:
			body = f.Body
		}
		return true
	})
	if body == nil {
		return -1
	}
	at := -1
	modules.WalkAST(reflect.ValueOf(body), func(v reflect.Value) bool {
		switch n := v.Interface().(type) {
		case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral, *ast.ClassLiteral:
			return false
		case *ast.ThrowStatement:
			if id, ok := n.Argument.(*ast.Identifier); ok && id.Name.String() == name && int(n.Throw) > pos && (at < 0 || int(n.Throw) < at) {
				at = int(n.Throw)
			}
			return false
		}
		return true
	})
	return at
}

// memberBinding is a declaration of a variable holding a member of another:
// `let error = result.error;`.
var memberBinding = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([A-Za-z_$][\w$]*)(?:\.[A-Za-z_$][\w$]*)+\s*;?\s*$`)
})

// callerThrowArrow is node's excerpt for an error a function made and handed to its callers,
// one of which threw it: `const err = makeError(...); ...; throw err` (zod's parse makes its
// error through a chain of constructors). goja's place is the making's; V8's the throw. It is
// the throw of the variable that one of the next few frames of the program's (the callers,
// outward, but the first) assigns the call's result to, or the throw statement around its call.
func (rt *Runtime) callerThrowArrow(frames []goja.StackFrame) string {
	seen := 0
	for i := range frames {
		f := &frames[i]
		if f.SrcName() == "<native>" {
			continue
		}
		p := f.Position()
		if p.Filename == "" || strings.HasPrefix(p.Filename, "node:") || rt.esmSources[p.Filename] || rt.transformed[p.Filename] {
			return ""
		}
		if seen++; seen == 1 {
			continue // (the making's own frame: arrowFromFrames looked at it)
		}
		if seen > callerThrowFrames {
			return ""
		}
		if a := rt.laterThrowArrow(p.Filename, p.Line, rt.calleeColumn(p.Filename, p.Line, p.Column)); a != "" {
			return a
		}
		if file, src, off, ok := rt.cjsFramePlace(f); ok && !rt.staleFrames {
			// (a throw around the call, but not once the frames are stale: it threw then)
			if at := throwAround(parseCJS(src, ""), idxOf(off)); at >= 0 {
				return rt.arrowAtIdx(file, src, at)
			}
		}
	}
	return ""
}

// callerThrowFrames bounds how far out callerThrowArrow looks for the throw.
const callerThrowFrames = 5

// calleeColumn is, for the place of a call (goja's: its opening parenthesis, at line:col of
// file), the column of its callee's start (a dotted name: make, util.errors.make); col itself
// for another place.
func (rt *Runtime) calleeColumn(file string, line, col int) int {
	src := rt.sourceLine(file, line)
	c := col
	if line == 1 && rt.wrapped[file] {
		c -= len(cjsWrapperPrefix)
	}
	if c < 1 || c > len(src) || src[c-1] != '(' {
		return col
	}
	end := len(strings.TrimRight(src[:c-1], " \t"))
	i := end
	for i > 0 && (isIdentByte(src[i-1]) || src[i-1] == '.' || src[i-1] == '?' && i < end && src[i] == '.') {
		i--
	}
	if i == end {
		return col
	}
	return col - (c - 1 - i)
}

// throwOf is the 1-based column of a `throw name` statement in text, 0 when there is none.
func throwOf(text, name string) int {
	for off := 0; ; {
		j := strings.Index(text[off:], "throw")
		if j < 0 {
			return 0
		}
		j += off
		off = j + len("throw")
		if j > 0 && isIdentByte(text[j-1]) {
			continue
		}
		rest := strings.TrimLeft(text[off:], " \t")
		if !strings.HasPrefix(rest, name) || len(rest) == len(text[off:]) {
			continue
		}
		after := rest[len(name):]
		if after == "" || after[0] == ';' || after[0] == ' ' || after[0] == '\t' || after[0] == '}' {
			return j + 1
		}
	}
}

const cjsWrapperPrefix = "(function (exports, require, module, __filename, __dirname) { "

// normalizeSlashPath is p as an absolute POSIX path ('/' before a relative one) with '.', '..'
// (none above the root), repeated and trailing slashes resolved: the loader's normalizeParts.
func normalizeSlashPath(p string) string {
	return path.Clean("/" + p)
}

// pastLegacyNumbers is the parse error of filename's script that V8 reports when goja's, pe,
// is its refusal of a legacy number literal (08, 09.5, 012) that V8 takes in sloppy code: the
// script is parsed again with such literals blanked (modules.MaskLegacyNumber) until the error
// is another one, which is returned (pe itself when there is none, or the code is strict).
// prefix is how many bytes the script was compiled after on its first line.
func (rt *Runtime) pastLegacyNumbers(pe *parser.Error, filename string, prefix int) *parser.Error {
	src, known := rt.sources[filename]
	if !known || strings.Contains(src, "use strict") {
		return pe
	}
	wrap := rt.wrapped[filename] && prefix == len(cjsWrapperPrefix)
	masked := src
	for cur, n := pe, 0; n < 50; n++ {
		if cur.Message != "Unexpected token ILLEGAL" {
			return cur
		}
		line, col := cur.Position.Line, cur.Position.Column
		if line == 1 {
			col -= prefix
		}
		next, ok := modules.MaskLegacyNumber(masked, modules.OffsetOf(masked, line, col))
		if !ok {
			return cur
		}
		masked = next
		code := masked
		if wrap {
			code = cjsWrapperPrefix + masked + "\n})"
		} else if prefix != 0 {
			return pe
		}
		_, err := parser.ParseFile(nil, filename, code, 0, parser.WithDisableSourceMaps)
		el, isList := err.(parser.ErrorList)
		if !isList || len(el) == 0 {
			return pe
		}
		cur = el[0]
	}
	return pe
}

// realpathCache makes paths real as filepath.EvalSymlinks does, remembering the real path of
// every directory it went through: the modules of a package share their directories, which
// EvalSymlinks would look at again (one lstat per path element) for every file. Node's loader
// keeps such a cache for its whole run too (its realpathCache), so a link changed during the
// run is seen as node sees it. Loop only.
type realpathCache struct {
	dirs map[string]string // clean absolute directory -> its real path
}

// eval returns the real path of the absolute path p.
func (c *realpathCache) eval(p string) (string, error) {
	p = filepath.Clean(p)
	if !filepath.IsAbs(p) {
		return filepath.EvalSymlinks(p)
	}
	dir := c.dir(filepath.Dir(p))
	if dir == "" {
		return filepath.EvalSymlinks(p)
	}
	full := filepath.Join(dir, filepath.Base(p))
	fi, err := os.Lstat(full)
	if err != nil {
		return "", &realpathLstatError{full, err}
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return filepath.EvalSymlinks(full)
	}
	return full, nil
}

// dir returns the real path of the clean absolute directory d ("" when it cannot be made
// real): its parent's, then one lstat of its own.
func (c *realpathCache) dir(d string) string {
	if r, ok := c.dirs[d]; ok {
		return r
	}
	parent := filepath.Dir(d)
	if parent == d {
		return d // (the root)
	}
	pr := c.dir(parent)
	if pr == "" {
		return ""
	}
	r := filepath.Join(pr, filepath.Base(d))
	fi, err := os.Lstat(r)
	if err != nil {
		return ""
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		if r, err = filepath.EvalSymlinks(r); err != nil {
			return ""
		}
	}
	if c.dirs == nil {
		c.dirs = make(map[string]string)
	}
	c.dirs[d] = r
	return r
}

// realpathLstatError is eval's failure to find p's last element in its directory's real path.
type realpathLstatError struct {
	path string
	err  error
}

func (e *realpathLstatError) Error() string { return e.err.Error() }
func (e *realpathLstatError) Unwrap() error { return e.err }

// decorateThrown is Host.DecorateThrown: decorateEvalError for the error a vm script's run
// threw, while the calls that ran the script (the JS stack now) still run. Loop only.
func (rt *Runtime) decorateThrown(err error) bool {
	return rt.decorateEvalError(err, len(rt.vm.CaptureCallStack(0, nil)))
}
