package runtime

// ES modules and TypeScript (https://nodejs.org/api/esm.html, https://nodejs.org/api/typescript.html).
//
// goja has no module syntax, so every ES module, TypeScript, TSX and JSX file is turned into a
// CommonJS-shaped function by esbuild's Transform API, in-process: exports become getters on the
// namespace object (live bindings), imports become calls to a loader-provided require that
// returns namespaces, import.meta is a per-module object, and import() calls the loader's
// asynchronous import. Syntax goja lacks (async generators, for await, using, class fields,
// decorators) is lowered. An inline source map makes stack traces point at the original file.
//
// Start-up cost: esbuild's runtime helpers (__export, __toESM, ...) are removed from each output
// and bound from one shared set (sharedHelpers, esm.js's esmHelpers), and its dead CommonJS
// export annotation is dropped, so goja parses little more than the module's own code. Modules
// are read, transformed (or taken from the cache), scanned, resolved and compiled in Go, with
// their dependencies prepared by worker goroutines while the loader walks the graph
// (esm_graph.go); a warm start never calls esbuild.
//
// Top-level await: esbuild refuses it in CommonJS output, so the awaits it reports are first
// replaced by a same-precedence unary marker, the module is transformed, the markers become
// `await` again and the module body runs inside an async function. Exports are set up before
// the first await (esbuild hoists them), so importers see TDZ errors, not missing names, while
// the module is suspended, as in Node. A module with a top-level `for await` takes a first pass to
// ES module output, where esbuild lowers the loop to plain awaits. A module whose
// static imports include a module still awaiting waits for it before its body runs (Promise.all
// of the pending dependencies), so evaluation order matches Node's for acyclic graphs; in a
// cycle the module already being evaluated is not waited for. require() of such a graph throws
// ERR_REQUIRE_ASYNC_MODULE.
//
// CommonJS imported from an ES module: the named exports are those Node's cjs-module-lexer rules
// find in the source (cjslexer.go, plus those of the modules it reexports), with the values
// module.exports has for them once the module ran, and default is module.exports.
//
// Linking: a module's function is a generator that pauses after its link steps (esmLinkSteps):
// the __export call, which binds its namespace to its hoisted functions and (in their temporal
// dead zone) its let/const/class bindings, and the import statements of ES modules and
// built-ins, which the loader links depth first before it evaluates anything, as Node does:
// in a cycle, the module evaluated first can call its importer's functions, and they see their
// own imports. A CommonJS module's namespace is bound then too, its bindings undefined until it
// ran in its turn; an import with attributes (JSON), a data: or query URL, or through hooks ends
// the linking of its importer's imports (the rest are bound as the importer evaluates); a
// namespace read in a cycle before its module was
// linked has its static export names (placeholders throwing Node's TDZ ReferenceError; hoisted
// functions read undefined until then). Object.keys of a namespace with bindings in their
// temporal dead zone lists them where Node throws.
//
// Coverage (--experimental-test-coverage): a covered user file is instrumented before the
// transform (coverSource; TypeScript is compiled to JavaScript with module syntax first), the
// instrumented source carries a source map to the file that esbuild chains, and such transforms
// skip the disk cache. The runtime's module graph then prepares every module on the loop (the
// instrumenter registers counters in the runtime) and does not adopt a PrewarmMain graph.
//
// Known differences from Node: ES module frames in stack traces show paths, not file:// URLs;
// `import x from './dir'` and extensionless relative imports resolve like require() instead of
// failing; link errors are found one
// import level ahead of evaluation (a missing name deeper in the graph is reported after the
// modules before it have run); TypeScript/JSX CommonJS files export all their keys (Node 20 cannot
// run them); the import attribute type of an import with a computed specifier and literal options
// is not seen (esmattrs.go).

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
	"github.com/evanw/esbuild/pkg/api"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/testrunner/coverage"
	"github.com/gojs-dev/gojs/modules/util"
)

// A top-level await is marked, for the transform, with a run of bitwise NOTs: a unary operator of
// await's precedence that esbuild prints as it is, whatever the operand (it folds `void 5` to
// `void 0` and `!5` to `false`, which lost the awaited value of a literal: `await 5` was
// undefined, and `await null;` as a statement was dropped with its tick). Six of them stand for
// "await " (or "await" and a tab) and five for "await" followed by anything else, the same
// length, so no column in the source map moves (five followed, after a line break, by the
// program's own ~ would read as six: a form no program is known to have). A source that has five
// NOTs in a row itself keeps the older marker, "void void void ".
const (
	tlaMarkerSpace = "~~~~~~"
	tlaMarker      = "~~~~~"
	tlaMarkerOld   = "void void void "
)

// asyncWrapperPrefix opens the async function a module with top-level await runs in.
const asyncWrapperPrefix = "return (async () => {"

// awaitOutsideAsync is V8's message for an await in a function that is not async, in a script.
const awaitOutsideAsync = "await is only valid in async functions and the top level bodies of modules"

// transformVersion changes whenever the output shape changes, invalidating caches.
const transformVersion = "gojs-esm-48/esbuild-0.28.2"

type transformed struct {
	code  string
	async bool
}

type transformError struct {
	msg       string
	file      string
	line, col int
	width     int // the token's length, which V8 marks in an ES module
}

func (e *transformError) Error() string { return e.msg }

var transformCache sync.Map // key -> transformed

// transformModule turns src (an ES module when esm, else CommonJS with optional TS/JSX syntax)
// into the body of a CommonJS wrapper function.
func transformModule(src, filename, loader string, esm bool, cacheDir string) (transformed, error) {
	h := sha256.New()
	h.Write([]byte(transformVersion + "\x00" + loader + "\x00" + filename + "\x00"))
	if esm {
		h.Write([]byte("esm\x00"))
	}
	h.Write([]byte(src))
	key := hex.EncodeToString(h.Sum(nil))
	if v, ok := transformCache.Load(key); ok {
		return v.(transformed), nil
	}
	var diskPath string
	if cacheDir != "" {
		diskPath = filepath.Join(cacheDir, key[:2], key[2:]+".js")
		if data, err := os.ReadFile(diskPath); err == nil && len(data) > 0 {
			t := transformed{code: string(data[1:]), async: data[0] == 'A'}
			transformCache.Store(key, t)
			return t, nil
		}
	}
	t, err := runTransform(hideSourceMapComments(src), filename, loader, esm)
	if err != nil {
		return t, err
	}
	transformCache.Store(key, t)
	if diskPath != "" {
		if os.MkdirAll(filepath.Dir(diskPath), 0o755) == nil {
			flag := "S"
			if t.async {
				flag = "A"
			}
			tmp := diskPath + ".tmp" + key[:6]
			if os.WriteFile(tmp, []byte(flag+t.code), 0o644) == nil {
				_ = os.Rename(tmp, diskPath)
			}
		}
	}
	return t, nil
}

func esbuildOptions(filename, loader string) api.TransformOptions {
	l := api.LoaderJS
	switch loader {
	case "ts":
		l = api.LoaderTS
	case "tsx":
		l = api.LoaderTSX
	case "jsx":
		l = api.LoaderJSX
	}
	return api.TransformOptions{
		Loader:   l,
		Format:   api.FormatCommonJS,
		Platform: api.PlatformNode,
		Target:   api.ES2022,
		Supported: map[string]bool{
			"dynamic-import":  false,
			"async-generator": false,
			"for-await":       false,
		},
		Define:         map[string]string{"import.meta": "__gojs_meta"},
		Sourcemap:      api.SourceMapInline,
		SourcesContent: api.SourcesContentExclude,
		Sourcefile:     filename,
		LogLevel:       api.LogLevelSilent,
	}
}

// lowerLeftImports turns the import() calls esbuild left as they are (it does so for some calls
// with a second argument) into calls of the runtime's import, which goja can compile. Only the
// places goja's parser rejects are changed, so "import(" in a string or comment stays as it is.
func lowerLeftImports(code string) string {
	has := func() bool {
		for i := 0; ; {
			j := strings.Index(code[i:], "import(")
			if j < 0 {
				return false
			}
			if k := i + j; k == 0 || !isIdentByte(code[k-1]) && code[k-1] != '.' && code[k-1] != '$' {
				return true
			}
			i += j + 1
		}
	}
	for tries := 0; tries < 64 && has(); tries++ {
		_, err := parser.ParseFile(nil, "", code, 0)
		var el parser.ErrorList
		if !errors.As(err, &el) || len(el) == 0 {
			return code
		}
		off := lineColOffset(code, el[0].Position.Line, el[0].Position.Column-1) // goja's column is 1-based
		if off < 0 || !strings.HasPrefix(code[off:], "import(") {
			return code
		}
		code = code[:off] + "__gojs_import(" + code[off+len("import("):]
	}
	return code
}

// importWithOptions stands, in the source esbuild transforms, for the keyword of an import()
// call whose second argument esbuild cannot lower (a non-literal options object): the same
// length, so no column moves; the output calls the runtime's import with it (the options are
// dropped, as esbuild drops literal import attributes).
const importWithOptions = "_$imp$"

func runTransform(src, filename, loader string, esm bool) (transformed, error) {
	opts := esbuildOptions(filename, loader)
	if hasKeywordNamedField(src) {
		opts.Supported["class-field"] = false // (classfieldnames.go)
		opts.Supported["class-static-field"] = false
	}
	hidden := false
	importsSrc := ""
	if esm {
		// a module's top level has no arguments (the wrapper function's would show through):
		// esbuild replaces only the unbound name, so a function's own arguments stay
		opts.Define["arguments"] = "undefined"
		src = rewriteImports(src)
		if loader == "js" {
			importsSrc = src
			src, hidden = hideCJSNames(src)
		}
	} else if strings.Contains(src, "import") {
		src = rewriteImports(src) // (the options of a script's import() calls)
	}
	res := api.Transform(src, opts)
	for tries := 0; len(res.Errors) > 0 && tries < 64; tries++ {
		e := res.Errors[0]
		if !strings.Contains(e.Text, `as the second argument to "import()"`) || e.Location == nil {
			break
		}
		off := lineColOffset(src, e.Location.Line, e.Location.Column)
		if off < 0 || !strings.HasPrefix(src[off:], "import") {
			break
		}
		src = src[:off] + importWithOptions + src[off+len("import"):]
		res = api.Transform(src, opts)
	}
	async, tlaOld := false, false
	if len(res.Errors) > 0 && esm {
		// Top-level await: mark every reported await and transform again.
		var offs []int
		for _, e := range res.Errors {
			if !strings.HasPrefix(e.Text, "Top-level await is") || e.Location == nil {
				offs = nil
				break
			}
			off := lineColOffset(src, e.Location.Line, e.Location.Column)
			if off < 0 || !strings.HasPrefix(src[off:], "await") {
				offs = nil
				break
			}
			if strings.HasSuffix(strings.TrimRight(src[:off], " \t"), "for") {
				return forAwaitTransform(src, filename, loader)
			}
			offs = append(offs, off)
		}
		if len(offs) > 0 {
			b := []byte(src)
			old := strings.Contains(src, tlaMarker)
			for i := len(offs) - 1; i >= 0; i-- {
				o := offs[i]
				switch {
				case old:
					b = append(b[:o], append([]byte(tlaMarkerOld), b[o+5:]...)...)
				case o+5 < len(b) && (b[o+5] == ' ' || b[o+5] == '\t'):
					copy(b[o:], tlaMarkerSpace)
				default:
					copy(b[o:], tlaMarker)
				}
			}
			res = api.Transform(string(b), opts)
			async = true
			tlaOld = old
		}
	}
	if len(res.Errors) > 0 {
		te := newTransformError(res.Errors[0], filename, src)
		if esm && te.msg == awaitOutsideAsync {
			te.msg = "Unexpected reserved word" // (await is a reserved word in a module)
		}
		return transformed{}, te
	}
	code := string(res.Code)
	decl := ""
	if esm && len(res.Warnings) > 0 {
		if c, ok := rewriteImportAssignments(code, src, res.Warnings); ok {
			code, decl = c, importAssignDecl
		}
	}
	code = stripExportAnnotation(nameBlockFunctions(restoreFunctionNames(escapeKeywordPrivateNames(code))))
	stripped, removed := stripHelpers(code)
	if stripped != code && !leadingLinesUnmapped(code, removed+1) {
		stripped, removed = code, 0
	}
	code = stripped
	if decl != "" && !strings.Contains(code, helperLineMarker) {
		// (the constant's declaration needs the helpers line: one more, unmapped)
		code = editInlineSourceMap(helperLineMarker+code, func(m string) (string, bool) { return ";" + m, true })
	}
	prefix := cjsTransformedPrefix
	if esm {
		prefix = esmWrapperPrefix
	}
	first := len(prefix)
	if async {
		first += len(asyncWrapperPrefix)
	}
	code = shiftSourceMapColumns(code, removed, first)
	// Our require already returns namespaces (CommonJS exports get a default), so esbuild's
	// "node mode" must not wrap them a second time.
	code = strings.Replace(code, "var __toESM = (mod, isNodeMode, target) => (", "var __toESM = (mod, isNodeMode, target) => mod && (mod.__esModule || __gojs_h.__gojs_ns(mod)) ? mod : (", 1)
	// The namespace object exists before the body runs (cycles see it): fill it in place.
	code = strings.Replace(code, "module.exports = __toCommonJS(", "__copyProps(module.exports, ", 1)
	// import() goes to the loader's asynchronous import.
	code = lowerCommentedImports(code)
	code = strings.ReplaceAll(code, "Promise.resolve().then(() => __toESM(require(", "(__gojs_import((")
	code = strings.ReplaceAll(code, "Promise.resolve().then(() => require(", "(__gojs_import((")
	code = blankNodeModeArgs(code)
	code = strings.ReplaceAll(code, importWithOptions+"(", "__gojs_import(")
	code = lowerLeftImports(code)
	if esm {
		// The namespace object is filled directly (no copy of getters that read getters).
		if i := strings.Index(code, "\n__copyProps(module.exports, "); i >= 0 {
			rest := code[i+len("\n__copyProps(module.exports, "):]
			if name, _, ok := strings.Cut(rest, ");\n"); ok && strings.HasSuffix(name, "_exports") && isIdent(name) {
				decl := "\nvar " + name + " = {};\n"
				if j := strings.Index(code, decl); j >= 0 && j < i {
					code = code[:i+1] + code[i+1+len("__copyProps(module.exports, ")+len(name)+2:]
					code = code[:j] + "\nvar " + name + " = module.exports;\n" + code[j+len(decl):]
				}
			}
		}
		// In an ES module require, module and exports are not defined: the generated code uses
		// names user code cannot see.
		// (esbuild quotes a specifier holding a double quote with single quotes or backquotes)
		code = replaceWord(code, "require(\"", "__gojs_require(\"")
		code = replaceWord(code, "require('", "__gojs_require('")
		code = replaceWord(code, "require(`", "__gojs_require(`")
		code = replaceWord(code, "module.exports", "__gojs_module.exports")
	}
	if hidden {
		code = unhideCJSNames(code)
	}
	code = markAsyncGenerators(code)
	code = bindHelpers(code, decl)
	if esm && loader == "js" && directEvalRe.MatchString(importsSrc) {
		if reads := importReadExprs(src, opts); reads != nil {
			code = addEvalImports(code, reads) // (esmeval.go)
		}
	}
	if async {
		code = unmarkAwaits(code, tlaOld)
		sm := ""
		if i := strings.LastIndex(code, "\n//# sourceMappingURL="); i >= 0 {
			sm = code[i:]
			code = code[:i]
		}
		// the wrapper's call, on a line of its own, maps past the source's last line, where stacks
		// leave its frame out (errorstack.go, pastSource): unmapped, it read as the last mapped
		// position, a frame of its own inside the module
		sm = mapLinePastSource(sm, strings.Count(code, "\n")+1, strings.Count(src, "\n")+2)
		code = asyncWrapperPrefix + code + "\n})();" + sm
	}
	if importsSrc != "" {
		// (not TypeScript's: its imports of types are elided)
		code = recordImportedNames(code, importsSrc)
	}
	if esm && !async {
		code = recordNamespaceInfo(code)
	}
	return transformed{code: code, async: async}, nil
}

// coverSource is the source to transform for filename with --experimental-test-coverage: the
// file instrumented by cover (TypeScript, TSX and JSX compiled to JavaScript first, keeping
// module syntax), with loader "js"; ok is false when the file is left as it is.
func coverSource(cover func(filename, src, generated string) string, src, filename, loader string, esm bool) (string, string, bool) {
	generated := ""
	if loader != "js" {
		opts := esbuildOptions(filename, loader)
		opts.Format = api.FormatDefault
		if esm {
			opts.Format = api.FormatESModule
		}
		opts.Target = api.ESNext
		opts.Supported = nil
		opts.Define = nil
		res := api.Transform(src, opts)
		if len(res.Errors) > 0 {
			return src, loader, false
		}
		generated = string(res.Code)
	}
	out := cover(filename, src, generated)
	if out == "" {
		return src, loader, false
	}
	return out, "js", true
}

// forAwaitTransform handles a module with a top-level `for await` loop, which esbuild lowers
// only in ES module output: a first pass to ES module output (loops lowered to plain awaits,
// with a source map the second pass follows), then the usual transform of that.
// newTransformError is esbuild's first error as a SyntaxError at the file, line and column.
// newTransformError describes esbuild's error e in src as V8 would.
func newTransformError(e api.Message, filename, src string) *transformError {
	te := &transformError{msg: e.Text, file: filename}
	if e.Location != nil {
		te.line, te.col = e.Location.Line, e.Location.Column+1
		se := modules.V8FromEsbuild(e.Text, src, te.line, te.col)
		te.msg, te.line, te.col, te.width = se.Message, se.Line, se.Column, se.Width
	}
	return te
}

func forAwaitTransform(src, filename, loader string) (transformed, error) {
	opts := esbuildOptions(filename, loader)
	opts.Format = api.FormatESModule
	opts.Target = api.ESNext
	opts.Supported = map[string]bool{"for-await": false, "async-generator": false}
	opts.Define = nil
	res := api.Transform(src, opts)
	if len(res.Errors) > 0 {
		return transformed{}, newTransformError(res.Errors[0], filename, src)
	}
	// esbuild names the lowered loop's variables alike for top-level loops: a loop nested in
	// another would share its iterator, so that case is refused rather than run wrong.
	type loop struct {
		name   string
		indent int
	}
	var open []loop // lowered loops whose body has not ended yet
	for _, line := range strings.Split(string(res.Code), "\n") {
		rest := strings.TrimLeft(line, " ")
		ind := len(line) - len(rest)
		for len(open) > 0 && ind <= open[len(open)-1].indent-2 && strings.HasPrefix(rest, "} catch (") {
			open = open[:len(open)-1]
		}
		after, ok := strings.CutPrefix(rest, "for (var ")
		if !ok {
			continue
		}
		name, tail, ok := strings.Cut(after, " = ")
		if !ok || !strings.HasPrefix(tail, "__forAwait(") {
			continue
		}
		for _, l := range open {
			if l.name == name {
				return transformed{}, &transformError{msg: "gojs does not support a top-level 'for await' loop nested in another; wrap them in an async function", file: filename}
			}
		}
		open = append(open, loop{name, ind})
	}
	return runTransform(restoreFunctionNames(string(res.Code)), filename, "js", true)
}

// identStart is where the run of identifier bytes ending at s[end] (exclusive) starts.
func identStart(s string, end int) int {
	for end > 0 && isIdentByte(s[end-1]) {
		end--
	}
	return end
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// quotedAt reads the JSON-style string literal starting at s[i] == '"'; it returns the value
// and the index after the closing quote, or ok false.
func quotedAt(s string, i int) (string, int, bool) {
	if i >= len(s) || s[i] != '"' {
		return "", 0, false
	}
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			v, err := strconv.Unquote(s[i : j+1])
			return v, j + 1, err == nil
		case '\n':
			return "", 0, false
		}
	}
	return "", 0, false
}

// setModuleScan puts on o what scanModule finds in an ES module's code: deps (an array, empty
// when there are none), used (the names read from each dep) and exports (when known).
func setModuleScan(vm *goja.Runtime, o *goja.Object, code string) {
	deps, used, exports := scanModule(code)
	if deps == nil {
		deps = []string{}
	}
	o.Set("deps", deps)
	usedObj := vm.NewObject()
	for _, spec := range deps {
		if names, ok := used[spec]; ok {
			usedObj.Set(spec, names)
		}
	}
	o.Set("used", usedObj)
	if exports != nil {
		o.Set("exports", exports)
	}
	o.Set("nsInfo", namespaceInfoOf(code))
}

// scanModule reads a transformed ES module's static imports (in order), the names it reads
// from each, and its own export names (nil when `export * from` makes them depend on others).
// It scans esbuild's printed output with plain string search (regexps were too slow here).
func scanModule(code string) (deps []string, used map[string][]string, exports []string) {
	if i := strings.LastIndex(code, "\n//# sourceMappingURL="); i >= 0 {
		code = code[:i]
	}
	const req = "__gojs_require("
	seen := map[string]bool{}
	vars := map[string]string{}
	for off := 0; ; {
		i := strings.Index(code[off:], req)
		if i < 0 {
			break
		}
		i += off
		off = i + len(req)
		spec, _, ok := quotedAt(code, off)
		if !ok {
			continue
		}
		if !seen[spec] {
			seen[spec] = true
			deps = append(deps, spec)
		}
		// "var import_x = __toESM(__gojs_require(" or "var import_x = __gojs_require(" on this line.
		ls := strings.LastIndexByte(code[:i], '\n') + 1
		line := code[ls:i]
		line = strings.TrimPrefix(line, "return (async () => {")
		if rest, ok := strings.CutPrefix(line, "var "); ok {
			name, after, ok := strings.Cut(rest, " = ")
			if ok && (after == "" || after == "__toESM(") {
				vars[name] = spec
			}
		}
	}
	used = map[string][]string{}
	if len(vars) > 0 {
		have := map[string]bool{}
		for off := 0; ; {
			i := strings.Index(code[off:], "import_")
			if i < 0 {
				break
			}
			i += off
			j := i + len("import_")
			for j < len(code) && isIdentByte(code[j]) {
				j++
			}
			off = j
			if i > 0 && isIdentByte(code[i-1]) || j >= len(code) || code[j] != '.' {
				continue
			}
			spec, ok := vars[code[i:j]]
			if !ok {
				continue
			}
			k := j + 1
			for k < len(code) && isIdentByte(code[k]) {
				k++
			}
			name := code[j+1 : k]
			if name == "" || have[spec+"\x00"+name] {
				continue
			}
			have[spec+"\x00"+name] = true
			used[spec] = append(used[spec], name)
		}
	}
	if list := importedNames(code); list != nil {
		// every imported name, in source order, then those only the code shows (none expected)
		for _, l := range list {
			spec, names := l[0], l[1:]
			for _, n := range used[spec] {
				if !slices.Contains(names, n) {
					names = append(names, n)
				}
			}
			used[spec] = names
		}
	}
	if strings.Contains(code, "__reExport(") {
		return deps, used, nil
	}
	exports = []string{}
	i := strings.Index(code, "\n__export(")
	if i < 0 {
		if !strings.HasPrefix(code, "__export(") {
			return deps, used, exports
		}
	} else {
		code = code[i+1:]
	}
	nl := strings.IndexByte(code, '\n')
	if nl < 0 || !strings.HasSuffix(code[:nl], ", {") {
		return deps, used, exports
	}
	for _, line := range strings.Split(code[nl+1:], "\n") {
		if strings.HasPrefix(line, "});") {
			break
		}
		line = strings.TrimLeft(line, " ")
		var name string
		if strings.HasPrefix(line, `"`) {
			v, end, ok := quotedAt(line, 0)
			if !ok || !strings.HasPrefix(line[end:], ": () =>") {
				continue
			}
			name = v
		} else {
			n, rest, ok := strings.Cut(line, ": () =>")
			if !ok {
				continue
			}
			_ = rest
			name = n
		}
		exports = append(exports, name)
	}
	return deps, used, exports
}

// exportPlaceholders reads a transformed ES module's static export list (nil when `export *`
// makes it depend on other modules) and tells which exports are in their temporal dead zone
// until the body runs: all but hoisted function declarations and `var`s (the default export of
// an expression is a `var` esbuild names x_default, and uninitialized in Node too).
func exportPlaceholders(code string) (names []string, tdz []bool) {
	if strings.Contains(code, "__reExport(") {
		return nil, nil
	}
	i := strings.Index(code, "\n__export(")
	if i < 0 {
		return nil, nil
	}
	block := code[i+1:]
	nl := strings.IndexByte(block, '\n')
	if nl < 0 || !strings.HasSuffix(block[:nl], ", {") {
		return nil, nil
	}
	for _, line := range strings.Split(block[nl+1:], "\n") {
		if strings.HasPrefix(line, "});") {
			break
		}
		line = strings.TrimLeft(line, " ")
		var name, rest string
		if strings.HasPrefix(line, `"`) {
			v, end, ok := quotedAt(line, 0)
			if !ok {
				continue
			}
			name, rest = v, line[end:]
		} else {
			n, r, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			name, rest = n, r
		}
		local, ok := strings.CutPrefix(strings.TrimSpace(rest), "() => ")
		if !ok {
			continue
		}
		local = strings.TrimSuffix(local, ",")
		hoisted := false
		for _, decl := range []string{"\nfunction ", "\nasync function ", "\nfunction* ", "\nasync function* "} {
			if strings.Contains(code, decl+local+"(") {
				hoisted = true
			}
		}
		if !strings.HasSuffix(local, "_default") && (strings.Contains(code, "\nvar "+local+" =") || strings.Contains(code, "\nvar "+local+";")) {
			hoisted = true
		}
		names = append(names, name)
		tdz = append(tdz, !hoisted)
	}
	return names, tdz
}

// esmDefaultLocal is the local name esbuild gave a transformed ES module's anonymous default
// export (export default function () {}, class {}, an arrow or any other expression): x_default,
// a name the module's own source does not have. "" when the default export has its own name.
func esmDefaultLocal(code, src string) string {
	i := strings.Index(code, "\n__export(")
	if i < 0 {
		return ""
	}
	j := strings.Index(code[i:], "\n});")
	if j < 0 {
		return ""
	}
	for _, line := range strings.Split(code[i:i+j], "\n") {
		local, ok := strings.CutPrefix(strings.TrimSpace(line), "default: () => ")
		if !ok {
			continue
		}
		local = strings.TrimSuffix(local, ",")
		if !strings.HasSuffix(local, "_default") || !isIdent(local) || strings.Contains(src, local) {
			return ""
		}
		return local
	}
	return ""
}

// nameDefault gives a transformed ES module's anonymous default export (local, from
// esmDefaultLocal) the name default, as V8 does: a function declaration's as the exports are
// bound, a class's or an expression's (an arrow) once its statement ran.
// What it adds ends lines, so no position before it on its line moves.
func nameDefault(code, local string) string {
	if local == "" {
		return code
	}
	call := " __gojs_h.__gojs_default(" + local + ");"
	for _, decl := range []string{"\nfunction ", "\nasync function ", "\nfunction* ", "\nasync function* "} {
		if strings.Contains(code, decl+local+"(") {
			i := strings.Index(code, "\n__export(")
			j := strings.Index(code[i:], "\n});")
			if i < 0 || j < 0 {
				return code
			}
			end := i + j + len("\n});")
			return code[:end] + call + code[end:]
		}
	}
	i := strings.Index(code, "\nvar "+local+" = ")
	closer := ";"
	if i < 0 {
		i = strings.Index(code, "\nclass "+local+" ")
		closer = "}"
	}
	if i < 0 {
		return code
	}
	// the statement ends on the line before the next one that starts at column 0 with anything
	// but a closing bracket (esbuild indents what continues a statement)
	start := i + 1
	end := -1
	for at := start; at < len(code); {
		nl := strings.IndexByte(code[at:], '\n')
		if nl < 0 {
			break
		}
		next := at + nl + 1
		if next >= len(code) || code[next] != ' ' && code[next] != '}' && code[next] != ')' && code[next] != ']' {
			end = at + nl
			break
		}
		at = next
	}
	if end < 0 || !strings.HasSuffix(code[start:end], closer) {
		return code
	}
	return code[:end] + call + code[end:]
}

// lineColOffset returns the byte offset of 1-based line and 0-based byte column in s.
func lineColOffset(s string, line, col int) int {
	off := 0
	for i := 1; i < line; i++ {
		j := strings.IndexByte(s[off:], '\n')
		if j < 0 {
			return -1
		}
		off += j + 1
	}
	if off+col > len(s) {
		return -1
	}
	return off + col
}

// needsTransform reports whether a CommonJS .js file uses syntax goja cannot run as is.
func needsTransform(src string) bool {
	return strings.Contains(src, "import(") || strings.Contains(src, "import (") ||
		strings.Contains(src, "for await") || strings.Contains(src, "async *") ||
		strings.Contains(src, "async*") || hasAsyncGeneratorFunction(src)
}

// hasAsyncGeneratorFunction reports whether src has `async function*` (any white space between
// the words and the star), an async generator declaration or expression goja cannot compile.
func hasAsyncGeneratorFunction(src string) bool {
	for i := 0; ; {
		j := strings.Index(src[i:], "async")
		if j < 0 {
			return false
		}
		rest := strings.TrimLeft(src[i+j+len("async"):], " \t\r\n")
		if after, ok := strings.CutPrefix(rest, "function"); ok && strings.HasPrefix(strings.TrimLeft(after, " \t\r\n"), "*") {
			return true
		}
		i += j + len("async")
	}
}

// esmGeneratorPrefix opens the function an ES module the loader imports is compiled in: a
// generator (of esmWrapperPrefix's length, so no source map column moves) that pauses at each
// of its link steps (see esmLinkSteps).
const esmGeneratorPrefix = "(function*(__gojs_require, __gojs_module, __gojs_meta, __gojs_import, __gojs_h) { "

// esmCompiledSource is the source an imported ES module is compiled from: its function, a
// generator that pauses after each of its link steps.
//
// The variable esbuild declares for an expression's default export (var x_default = expr) is
// a let here (local, from esmDefaultLocal): Node's binding is in its temporal dead zone until
// the statement ran.
func esmCompiledSource(t transformed, local string) string {
	code := t.code
	if local != "" {
		if i := strings.Index(code, "\nvar "+local+" = "); i >= 0 {
			code = code[:i+1] + "let" + code[i+4:]
		}
	}
	if steps := esmLinkSteps(t); len(steps) > 0 {
		var b strings.Builder
		b.Grow(len(code) + len(steps)*len("yield;"))
		last := 0
		for _, st := range steps {
			b.WriteString(code[last:st.end])
			b.WriteString("yield;")
			last = st.end
		}
		b.WriteString(code[last:])
		code = b.String()
	}
	return esmGeneratorPrefix + code + "\n})"
}

// An esmLinkStep is a statement at the start of a transformed ES module that the loader runs
// when it links the module, before any module of the graph is evaluated: end is the offset
// just past it; spec is the specifier it imports ("" for the __export call).
//
// Node binds a module's exports, its function declarations and its imports when it links the
// graph: in a cycle, the module evaluated first can call a function the other exports, and that
// function can use what its own module imports. esbuild's output starts (after the line binding
// its helpers) with the __export call that defines the namespace's getters (the body's function
// declarations are hoisted to the function's start) and then, usually, the import statements,
// each a variable set to the namespace a require of the specifier returns. The module's function
// pauses after each of them: the loader runs the __export step, then the step of each import
// whose module it can link without evaluating it (an ES module, a built-in, a CommonJS file;
// see esm.js, linkImport) while it can, and the rest when the module evaluates. A module with top-level await
// (whose __export is inside its async function) or of another shape has no steps: its first
// step runs it all, as its evaluation.
type esmLinkStep struct {
	end  int
	spec string
}

func esmLinkSteps(t transformed) []esmLinkStep {
	code := t.code
	if t.async {
		return nil
	}
	var steps []esmLinkStep
	at := 0
	if body := trimDirectives(code); strings.HasPrefix(body, importAssignDecl) {
		// the line binding esbuild's helpers, which declares the constant assignments to imports
		// assign to first (esmimportassign.go)
		nl := strings.IndexByte(code, '\n')
		if nl < 0 {
			return nil
		}
		at = nl
	} else if strings.HasPrefix(body, "var __") {
		// the line binding esbuild's helpers
		nl := strings.IndexByte(code, '\n')
		if nl < 0 || !strings.Contains(code[:nl], " = __gojs_h.__") {
			return nil
		}
		at = nl
	}
	if name, after, ok := strings.Cut(code[min(at+1, len(code)):], " = __gojs_module.exports;\n"); ok && at > 0 {
		name, ok2 := strings.CutPrefix(name, "var ")
		if ok2 && isIdent(name) && strings.HasPrefix(after, "__export("+name+", {\n") {
			end := strings.Index(after, "\n});")
			if end < 0 {
				return nil
			}
			at = len(code) - len(after) + end + len("\n});")
			if nl := strings.IndexByte(code[at:], '\n'); nl > 0 {
				at += nl // (with what ends its line: nameDefault's naming of a default function)
			}
			steps = append(steps, esmLinkStep{end: at})
		}
	}
	// the import statements that follow, one a line: var x = __gojs_require("s"); or
	// var x = __toESM(__gojs_require("s"), 1); and those of export * from "s", which esbuild
	// prints among them: __reExport(x_exports, __gojs_require("s"), __gojs_module.exports);
	for at < len(code) {
		if at > 0 {
			if code[at] != '\n' {
				break
			}
			for at < len(code) && code[at] == '\n' {
				at++
			}
		}
		line := code[at:]
		if k := strings.IndexByte(line, '\n'); k >= 0 {
			line = line[:k]
		}
		spec, ok := importStatementSpec(line)
		if !ok {
			spec, ok = reExportStatementSpec(line)
		}
		if !ok {
			break
		}
		at += len(line)
		steps = append(steps, esmLinkStep{end: at, spec: spec})
	}
	return steps
}

// importStatementSpec reads the specifier of an import statement as esbuild prints it in a
// transformed ES module (var x = __gojs_require("s"); or var x = __toESM(__gojs_require("s"), 1);,
// whose node-mode flag esbuild leaves out in a .js file: it takes only .mjs and .mts for node's).
func importStatementSpec(line string) (string, bool) {
	v, ok := strings.CutPrefix(line, "var ")
	if !ok {
		return "", false
	}
	id, call, ok := strings.Cut(v, " = ")
	if !ok || !isIdent(id) {
		return "", false
	}
	toESM := strings.HasPrefix(call, "__toESM(")
	spec, tail, ok := requireCallSpec(strings.TrimPrefix(call, "__toESM("))
	if !ok {
		return "", false
	}
	if toESM {
		if tail, ok = strings.CutPrefix(tail, ")"); !ok {
			return "", false
		}
		tail = strings.TrimPrefix(tail, ", 1")
	}
	return spec, tail == ");"
}

// reExportStatementSpec reads the specifier of an export * from statement as esbuild prints it
// in a transformed ES module (__reExport(x_exports, __gojs_require("s"), __gojs_module.exports);).
func reExportStatementSpec(line string) (string, bool) {
	args, ok := strings.CutPrefix(line, "__reExport(")
	if !ok {
		return "", false
	}
	id, call, ok := strings.Cut(args, ", ")
	if !ok || !isIdent(id) {
		return "", false
	}
	spec, tail, ok := requireCallSpec(call)
	if !ok {
		return "", false
	}
	return spec, tail == "), __gojs_module.exports);" || tail == "));"
}

// requireCallSpec reads the specifier of the __gojs_require("s") call s starts with, and what
// follows its quoted specifier.
func requireCallSpec(s string) (spec, tail string, ok bool) {
	s, ok = strings.CutPrefix(s, "__gojs_require(")
	if !ok {
		return "", "", false
	}
	spec, n, ok := quotedAt(s, 0)
	if !ok {
		return "", "", false
	}
	return spec, s[n:], true
}

const (
	esmWrapperPrefix     = "(function (__gojs_require, __gojs_module, __gojs_meta, __gojs_import, __gojs_h) { "
	cjsTransformedPrefix = "(function (exports, require, module, __filename, __dirname, __gojs_meta, __gojs_import, __gojs_h) { "
)

// esmBinding adds the ES module and TypeScript functions to the loader binding, as lazy
// functions: a runtime that loads no ES module or TypeScript makes none of them.
func (rt *Runtime) esmBinding(lz *modules.LazyFuncs) {
	vm := rt.vm
	// esmEvalSource(src, names): a direct eval's code in an ES module, its imports read (esmeval.go)
	lz.Set("esmEvalSource", func(src string, names []string) string { return esmEvalSource(src, names) })
	lz.Set("transform", func(src, filename, loader string, esm bool) goja.Value {
		src = stripShebang(src)
		rt.setSource(filename, src, esm)
		cacheDir := rt.opts.TransformCacheDir
		if cover := coverage.ModuleHook(rt.host); cover != nil {
			if s, l, ok := coverSource(cover, src, filename, loader, esm); ok {
				src, loader, cacheDir = s, l, ""
			}
		}
		t, err := transformModule(src, filename, loader, esm, cacheDir)
		if err != nil {
			if te, ok := err.(*transformError); ok {
				if esm {
					panic(rt.moduleSyntaxError(te))
				}
				panic(rt.syntaxErrorAt(te.msg, te.file, te.line, te.col))
			}
			panic(vm.NewGoError(err))
		}
		if esm {
			rt.noteAsyncModule(filename, t.async)
		}
		o := vm.NewObject()
		o.Set("code", t.code)
		o.Set("async", t.async)
		if esm {
			setModuleScan(vm, o, t.code)
		}
		return o
	})
	rt.esmGraphBinding(lz)
	rt.nsProxyBinding(lz)
	rt.lazyPendingBinding(lz)
	lz.Set("needsTransform", needsTransform)
	// import.meta.resolve takes a parent URL with --experimental-import-meta-resolve
	lz.Set("importMetaResolveParent", func() bool { return rt.flag("--experimental-import-meta-resolve") })
	// parsesAsScript: esbuild can lower this CommonJS file (after goja refused it); the result is
	// cached for the transform that follows.
	lz.Set("parsesAsScript", func(src, filename string) bool {
		_, err := transformModule(stripShebang(src), filename, "js", false, rt.opts.TransformCacheDir)
		return err == nil
	})
	lz.Set("looksESM", detectESM)
	lz.Set("scanESM", looksESM) // (the quick scan alone: the loader compiles first)
	// esmMain(module): the main module is an ES module, whose evaluation node runs in a promise job
	// (JobsFirst), and whose namespace is where Call looks functions up (node has no
	// process.mainModule then)
	lz.Set("esmMain", func(m *goja.Object) {
		rt.esmMain = m
		rt.loop.JobsFirst()
	})
	// throwUncaught(fn, arrow) calls fn and reports what it throws as an uncaught exception at
	// once, inside the promise job that called it: node's triggerUncaughtException in the main
	// module's rejection handler, after which no tick queued before it runs. A thrown value that
	// is no object (which has no place of its own) shows arrow, the place of that call. Its
	// listeners are told it came from a promise, as node's are.
	lz.Set("throwUncaught", func(fn goja.Callable, arrow string) {
		_, err := fn(goja.Undefined())
		if err == nil {
			return
		}
		rt.fromPromise = true
		if ex, ok := err.(*goja.Exception); ok && arrow != "" {
			if _, obj := ex.Value().(*goja.Object); !obj {
				rt.throwArrow = arrow
				rt.fatal(ex.Value())
				return
			}
		}
		rt.onUncaught(err)
	})
	lz.Set("compileModule", func(code, filename string, esm bool) goja.Value {
		prefix := cjsTransformedPrefix
		if esm {
			prefix = esmWrapperPrefix
		}
		rt.noteScriptSource(code)
		prg, parsed, err := compileTransformed(filename, prefix+code+"\n})", esm)
		if err == nil {
			rt.noteTransformedSource(parsed, filename)
		}
		return rt.wrapperFunc(prg, err, filename)
	})
	// markNamespace(ns) registers a module namespace object for util.inspect and util.types.
	// asyncGen(): the runtime's async generator helpers (Host.AsyncGen)
	lz.Set("asyncGen", func(goja.FunctionCall) goja.Value { return rt.host.AsyncGen() })
	// nsRefused(gojaWords, v8): a module namespace's trap refuses an operation, for which goja
	// will say gojaWords where V8 says v8 (if it throws)
	lz.Set("nsRefused", func(gojaWords, v8 string) {
		rt.nsRefusal.gojaWords, rt.nsRefusal.v8 = gojaWords, v8
	})
	// nsListing(): whether a namespace's trap runs for the engine's listing of its enumerable
	// keys (Object.keys, JSON.stringify, for-in), whose read of a binding in its temporal dead
	// zone V8 words as the binding's read ("Cannot access 'x' before initialization"), where
	// describing it otherwise says "x is not defined"
	lz.Set("nsListing", func(goja.FunctionCall) goja.Value {
		return vm.ToValue(engineListingKeys())
	})
	lz.Set("markNamespace", func(call goja.FunctionCall) goja.Value {
		if o, ok := call.Argument(0).(*goja.Object); ok {
			util.MarkModuleNamespace(rt.host, o)
		}
		return goja.Undefined()
	})
	// cjsLex(filename) -> [exports, reexports, looks like an ES module] for the CommonJS module
	// (what Node's lexer detects), or undefined when it cannot be read.
	// cjsLex(path[, source]): the lexer's [exports, reexports, looks like an ES module] of the
	// file at path, or of source (what the module hooks gave for it) when given.
	lz.Set("cjsLex", func(call goja.FunctionCall) goja.Value {
		p := call.Argument(0).String()
		var src string
		if given, ok := call.Argument(1).(goja.String); ok {
			src = given.String()
		} else {
			if err := rt.host.CheckPath(modules.ScopeFSRead, p); err != nil {
				rt.host.Throw(err) // as loading the module would
			}
			data, err := rt.readFS(p)
			if err != nil {
				return goja.Undefined()
			}
			src = string(data)
		}
		src = strings.TrimPrefix(src, "\uFEFF")
		r := lexCJSCached(src)
		return vm.NewArray(jsStrings(vm, r.exports), jsStrings(vm, r.reexports), r.esmSyntax || detectESM(stripShebang(src)))
	})
	// syntaxErrorAt(msg, filename, line, col[, width]): with width, a link error of an ES module
	// as Node prints it: the file's URL, width carets under the name, no blank line after.
	lz.Set("syntaxErrorAt", func(msg, filename string, line, col int, width goja.Value) goja.Value {
		e := rt.syntaxErrorAt(msg, filename, line, col)
		if width == nil || goja.IsUndefined(width) || line <= 0 {
			return e
		}
		if o, ok := e.(*goja.Object); ok {
			href := moduleHref(filename)
			arrow := href + ":" + strconv.Itoa(line) + "\n" + rt.sourceLine(filename, line) + "\n" +
				strings.Repeat(" ", max(col-1, 0)) + strings.Repeat("^", max(int(width.ToInteger()), 1))
			rt.keepSyntaxArrow(o, arrow)
		}
		return e
	})
}

// moduleSyntaxError is te in an ES module as Node prints it: the file's URL, carets under the
// token.
func (rt *Runtime) moduleSyntaxError(te *transformError) goja.Value {
	e := rt.syntaxErrorAt(te.msg, te.file, te.line, te.col)
	if o, ok := e.(*goja.Object); ok && te.line > 0 {
		href := moduleHref(te.file)
		text := rt.sourceLine(te.file, te.line)
		caret := ""
		if text != "" {
			caret = modules.Carets(text, te.col, max(te.width, 1))
		}
		arrow := href + ":" + strconv.Itoa(te.line) + "\n" + text + "\n" + caret + "\n"
		rt.keepSyntaxArrow(o, arrow)
		// node's compile of a module's source, in its loader (a module another imports statically,
		// loaded inside that one's link, is compiled before any job is awaited: its stack ends
		// before the last frame)
		frames := moduleCompileFrames
		if rt.linkingDepth() > 1 {
			frames = frames[:strings.LastIndexByte(frames, '\n')]
		}
		o.Set("stack", "SyntaxError: "+te.msg+frames)
	}
	return e
}

// linkingDepth is how many ES modules the loader is preparing on the current stack (loadESM
// frames): more than one while a module loads the ones it imports statically.
func (rt *Runtime) linkingDepth() int {
	n := 0
	for _, f := range rt.vm.CaptureCallStack(0, nil) {
		if f.FuncName() == "loadESM" && f.SrcName() == loaderName {
			n++
		}
	}
	return n
}

const moduleCompileFrames = `
    at compileSourceTextModule (node:internal/modules/esm/utils:346:16)
    at ModuleLoader.moduleStrategy (node:internal/modules/esm/translators:146:18)
    at #translate (node:internal/modules/esm/loader:497:12)
    at ModuleLoader.loadAndTranslate (node:internal/modules/esm/loader:544:27)
    at async ModuleJob._link (node:internal/modules/esm/module_job:148:19)`

// moduleHref is how node names an ES module in a syntax error's excerpt: a file by its file: URL;
// the -e/stdin module [eval1] by its directory's URL and the name itself, unescaped (node makes
// it relative to the working directory's URL); a program checked from stdin as [stdin].
func moduleHref(file string) string {
	if !strings.HasPrefix(file, "/") {
		return file
	}
	if dir, ok := strings.CutSuffix(file, "/[eval1]"); ok {
		return (&url.URL{Scheme: "file", Path: dir + "/"}).String() + "[eval1]"
	}
	return (&url.URL{Scheme: "file", Path: file}).String()
}

// syntaxErrorAt makes a SyntaxError whose arrow points at filename:line:col (1-based).
func (rt *Runtime) syntaxErrorAt(msg, filename string, line, col int) goja.Value {
	return rt.syntaxErrorWidth(msg, filename, line, col, 1)
}

// syntaxErrorWidth is syntaxErrorAt with width carets under the place, as V8 marks the whole
// token it did not expect (none at the end of the input).
func (rt *Runtime) syntaxErrorWidth(msg, filename string, line, col, width int) goja.Value {
	o, e := rt.vm.New(rt.vm.Get("SyntaxError"), rt.vm.ToValue(msg))
	if e != nil {
		return rt.vm.ToValue(msg)
	}
	if line > 0 {
		text := rt.sourceLine(filename, line)
		caret := modules.Carets(text, col, width)
		if text == "" {
			caret = "" // V8 marks nothing on an empty line (the end of the input)
		}
		arrow := filename + ":" + strconv.Itoa(line) + "\n" + text + "\n" + caret + "\n"
		rt.keepSyntaxArrow(o, arrow)
		o.Set("stack", "SyntaxError: "+msg+"\n    at "+filename+":"+strconv.Itoa(line)+":"+strconv.Itoa(col))
	}
	return o
}

// shiftSourceMapColumns adds one to every original column of the inline source map at the end
// of code: goja reads the mapped column as 1-based while source maps count from 0. Original
// columns are deltas from the previous segment, so changing the first one shifts them all.
//
// dropLines is how many leading lines (with no mappings) were removed from the generated code;
// firstLine is how many characters the wrapper the code is compiled in (esmWrapperPrefix or
// cjsTransformedPrefix) adds in front of its first line.
func shiftSourceMapColumns(code string, dropLines, firstLine int) string {
	return editInlineSourceMap(code, func(mappings string) (string, bool) {
		if dropLines > 0 {
			if len(mappings) < dropLines || strings.Count(mappings[:dropLines], ";") != dropLines {
				return "", false
			}
			mappings = mappings[dropLines:]
		}
		if firstLine > 0 && mappings != "" && mappings[0] != ';' {
			// the first segment's generated column is absolute; the line's others are relative to it
			end := strings.IndexAny(mappings, ",;")
			if end < 0 {
				end = len(mappings)
			}
			if fields, ok := decodeVLQ(mappings[:end]); ok && len(fields) >= 1 {
				fields[0] += firstLine
				mappings = encodeVLQ(fields) + mappings[end:]
			}
		}
		start := 0
		for start < len(mappings) {
			end := start
			for end < len(mappings) && mappings[end] != ',' && mappings[end] != ';' {
				end++
			}
			if end > start {
				fields, ok := decodeVLQ(mappings[start:end])
				if ok && len(fields) >= 4 {
					fields[3]++
					mappings = mappings[:start] + encodeVLQ(fields) + mappings[end:]
					break
				}
			}
			start = end + 1
		}
		return mappings, true
	})
}

// inlineSourceMapMarker starts the inline source map esbuild puts at the end of its output.
const inlineSourceMapMarker = "\n//# sourceMappingURL=data:application/json;base64,"

// editInlineSourceMap gives the "mappings" of the inline source map at the end of code (from its
// last marker) to edit and puts back what it returns; code is returned unchanged when there is
// no map it can read or edit says false.
func editInlineSourceMap(code string, edit func(mappings string) (string, bool)) string {
	i := strings.LastIndex(code, inlineSourceMapMarker)
	if i < 0 {
		return code
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(code[i+len(inlineSourceMapMarker):]))
	if err != nil {
		return code
	}
	var sm map[string]any
	if json.Unmarshal(raw, &sm) != nil {
		return code
	}
	mappings, _ := sm["mappings"].(string)
	mappings, ok := edit(mappings)
	if !ok {
		return code
	}
	sm["mappings"] = mappings
	out, err := json.Marshal(sm)
	if err != nil {
		return code
	}
	return code[:i] + inlineSourceMapMarker + base64.StdEncoding.EncodeToString(out) + "\n"
}

// unmarkAwaits turns the top-level await markers in the transformed code back into awaits.
func unmarkAwaits(code string, old bool) string {
	if old {
		return strings.ReplaceAll(code, tlaMarkerOld, "await ")
	}
	code = strings.ReplaceAll(code, tlaMarkerSpace, "await ")
	var b strings.Builder
	for {
		i := strings.Index(code, tlaMarker)
		if i < 0 {
			b.WriteString(code)
			return b.String()
		}
		b.WriteString(code[:i])
		b.WriteString("await")
		code = code[i+len(tlaMarker):]
		if code != "" && (isIdentByte(code[0]) || code[0] >= 0x80 || code[0] == '\\') {
			b.WriteByte(' ') // esbuild put the operand right after the marker
		}
	}
}

// mapLinePastSource adds to sm (a "\n//# sourceMappingURL=data:..." line with an inline source
// map, or "") a segment mapping the start of generated line genLine (0-based) to the original
// line origLine (0-based) of the first source, and returns it. sm unchanged when it cannot.
func mapLinePastSource(sm string, genLine, origLine int) string {
	return editInlineSourceMap(sm, func(mappings string) (string, bool) {
		mappings = strings.TrimRight(mappings, ";")
		// the source index, original line and column the last segment leaves (all are deltas)
		var src, line, col int
		lines := 0
		for _, group := range strings.Split(mappings, ";") {
			lines++
			for _, seg := range strings.Split(group, ",") {
				if seg == "" {
					continue
				}
				f, ok := decodeVLQ(seg)
				if !ok {
					return "", false
				}
				if len(f) >= 4 {
					src, line, col = src+f[1], line+f[2], col+f[3]
				}
			}
		}
		if lines > genLine || mappings == "" {
			return "", false
		}
		// and the same at the start of the next line: a position after a source map's last
		// segment is not mapped at all
		return mappings + strings.Repeat(";", genLine-lines+1) + encodeVLQ([]int{0, -src, origLine - line, -col}) + ";AAAA", true
	})
}

const vlqChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func decodeVLQ(s string) ([]int, bool) {
	var out []int
	v, shift := 0, 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(vlqChars, s[i])
		if d < 0 {
			return nil, false
		}
		v += (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		if v&1 != 0 {
			out = append(out, -(v >> 1))
		} else {
			out = append(out, v>>1)
		}
		v, shift = 0, 0
	}
	return out, shift == 0
}

func encodeVLQ(fields []int) string {
	var b strings.Builder
	for _, f := range fields {
		v := f << 1
		if f < 0 {
			v = (-f)<<1 | 1
		}
		for {
			d := v & 31
			v >>= 5
			if v > 0 {
				d |= 32
			}
			b.WriteByte(vlqChars[d])
			if v == 0 {
				break
			}
		}
	}
	return b.String()
}

// detectESM reports whether an untyped .js file is an ES module by Node's syntax detection:
// it looks like one (looksESM, a quick scan) and does not parse as a CommonJS function body.
// A file that parses as CommonJS stays CommonJS, whatever its strings or comments hold (acorn's
// UMD build mentions import.meta in its messages).
func detectESM(src string) bool {
	if !looksESM(src) {
		return redeclaresWrapperName(src) && parsesAsModule(src)
	}
	// goja's parser refuses dynamic import() in a script, which CommonJS may use: parse it as a
	// call of the same length.
	body := strings.ReplaceAll(src, "import(", "_mport(")
	_, err := parser.ParseFile(nil, "", "(function (exports, require, module, __filename, __dirname) {"+body+"\n})", 0)
	if err == nil {
		return redeclaresWrapperName(src) && parsesAsModule(src)
	}
	// goja refused it: for module syntax, or for syntax goja lacks that V8 compiles as a script
	// (for await, async generators: esbuild lowers those for CommonJS). The CommonJS lexer tells
	// them apart: it stops at an import or export statement or import.meta, and a file it lexes
	// to the end has none of them (playwright-core's 3 MB CommonJS bundle, whose strings hold
	// import lines and import.meta, and whose code has for await).
	esm, ok := moduleSyntax(src)
	return esm || !ok
}

// looksESM reports whether an untyped .js file uses module syntax (a line starting with an
// import or export declaration, one after a statement's end on a line, as minified code has
// them, or import.meta), as Node's syntax detection does.
func looksESM(src string) bool {
	if !strings.Contains(src, "import") && !strings.Contains(src, "export") {
		return false
	}
	if strings.Contains(src, "import.meta") || midLineModuleSyntax(src) {
		return true
	}
	for len(src) > 0 {
		line := src
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = ""
		}
		line = strings.TrimLeft(line, " \t")
		if rest, ok := strings.CutPrefix(line, "import"); ok {
			if rest != "" && (rest[0] == '{' || rest[0] == '*' || rest[0] == '\'' || rest[0] == '"' ||
				(rest[0] == ' ' && len(strings.TrimLeft(rest, " ")) > 0 && strings.TrimLeft(rest, " ")[0] != '(')) {
				return true
			}
		} else if rest, ok := strings.CutPrefix(line, "export"); ok {
			if rest != "" && (rest[0] == '{' || rest[0] == '*' || rest[0] == ' ') {
				return true
			}
		}
	}
	return false
}

// midLineModuleSyntax reports whether src has an import or export declaration after a ';' or
// '}' on its line (`var a=1;export{a as b}`, minified code), where the line scan of looksESM
// does not look. Only a hint: the callers compile src as CommonJS before they believe it.
func midLineModuleSyntax(src string) bool {
	for _, kw := range [...]string{"export", "import"} {
		for s, off := src, 0; ; {
			i := strings.Index(s, kw)
			if i < 0 {
				break
			}
			at := off + i
			s, off = s[i+len(kw):], at+len(kw)
			if at == 0 || len(s) == 0 {
				continue
			}
			switch s[0] {
			case '{', '*', ' ', '"', '\'':
			default:
				continue
			}
			j := at - 1
			for j >= 0 && (src[j] == ' ' || src[j] == '\t') {
				j--
			}
			if j >= 0 && (src[j] == ';' || src[j] == '}') {
				return true
			}
		}
	}
	return false
}

// sharedHelpers are esbuild's runtime helpers, sorted by name, as this esbuild version prints
// them. A module's copy of one of these is removed and the loader's single shared implementation
// (helpers in loader.js, same behaviour) is bound in its place: parsing and compiling the
// helpers again for every module was most of the cost of starting a many-module app. A table,
// not a map: the linker lays it out as data, where a map literal is built at every process start.
var sharedHelpers = [...]struct{ name, def string }{
	{"__copyProps", "var __copyProps = (to, from, except, desc) => {\n  if (from && typeof from === \"object\" || typeof from === \"function\") {\n" +
		"    for (let key of __getOwnPropNames(from))\n      if (!__hasOwnProp.call(to, key) && key !== except)\n" +
		"        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });\n  }\n  return to;\n};"},
	{"__create", "var __create = Object.create;"},
	{"__defNormalProp", "var __defNormalProp = (obj, key, value) => key in obj ? __defProp(obj, key, { enumerable: true, configurable: true, writable: true, value }) : obj[key] = value;"},
	{"__defProp", "var __defProp = Object.defineProperty;"},
	{"__export", "var __export = (target, all) => {\n  for (var name in all)\n    __defProp(target, name, { get: all[name], enumerable: true });\n};"},
	{"__getOwnPropDesc", "var __getOwnPropDesc = Object.getOwnPropertyDescriptor;"},
	{"__getOwnPropNames", "var __getOwnPropNames = Object.getOwnPropertyNames;"},
	{"__getProtoOf", "var __getProtoOf = Object.getPrototypeOf;"},
	{"__hasOwnProp", "var __hasOwnProp = Object.prototype.hasOwnProperty;"},
	{"__publicField", "var __publicField = (obj, key, value) => __defNormalProp(obj, typeof key !== \"symbol\" ? key + \"\" : key, value);"},
	{"__reExport", "var __reExport = (target, mod, secondTarget) => (__copyProps(target, mod, \"default\"), secondTarget && __copyProps(secondTarget, mod, \"default\"));"},
	{"__toCommonJS", "var __toCommonJS = (mod) => __copyProps(__defProp({}, \"__esModule\", { value: true }), mod);"},
	{"__toESM", "var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(\n" +
		"  // If the importer is in node compatibility mode or this is not an ESM\n  // file that has been converted to a CommonJS file using a Babel-\n" +
		"  // compatible transform (i.e. \"__esModule\" has not been set), then set\n  // \"default\" to the CommonJS \"module.exports\" for node compatibility.\n" +
		"  isNodeMode || !mod || !mod.__esModule ? __defProp(target, \"default\", { value: mod, enumerable: true }) : target,\n  mod\n));"},
	{"__typeError", "var __typeError = (msg) => {\n  throw TypeError(msg);\n};"},
}

func isIdent(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdentByte(s[i]) || s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// stripHelpers removes the helper definitions esbuild printed at the top of code that the
// loader shares, replacing them with one line binding those names from __gojs_h. It returns the
// new code and how many lines were removed (the source map's leading empty lines to drop). The
// directives esbuild printed first (kept from the source) stay first, on the first line.
func stripHelpers(code string) (string, int) {
	names := 0
	var kept strings.Builder
	rest := code
	removed := 0
	// (the directives esbuild printed first, "use strict", "use client" or any other, one a
	// line: they stay first, on one line, so that they are still the prologue)
	prologue := ""
	for {
		line, after, ok := strings.Cut(rest, "\n")
		if !ok || !isDirectiveLine(line) {
			break
		}
		prologue += line
		rest = after
		removed++
	}
	if removed > 0 && !strings.HasPrefix(rest, "var __") {
		return code, 0
	}
	for strings.HasPrefix(rest, "var __") {
		// A helper runs until the next line that starts a new statement.
		end, n := 0, 0
		for {
			nl := strings.IndexByte(rest[end:], '\n')
			if nl < 0 {
				return code, 0
			}
			end += nl + 1
			n++
			if end >= len(rest) || (rest[end] != ' ' && rest[end] != '}' && rest[end] != ')') {
				break
			}
		}
		def := rest[:end-1]
		name, _, _ := strings.Cut(def[len("var "):], " ")
		if shared := sharedHelper(name); shared != "" && (shared == def || shared == unnumbered(def)) {
			names++
			removed += n
		} else {
			kept.WriteString(rest[:end]) // not one we share: keep it
		}
		rest = rest[end:]
	}
	if names == 0 {
		return code, 0
	}
	return prologue + helperLineMarker + kept.String() + rest, removed - 1
}

// trimDirectives is code without the directives stripHelpers left at its start, all on its
// first line.
func trimDirectives(code string) string {
	for {
		end := directiveEnd(code)
		if end < 0 {
			return code
		}
		code = code[end:]
	}
}

// directiveEnd is the end of the directive code starts with (as esbuild prints one: a
// double-quoted string and a semicolon), or -1.
func directiveEnd(code string) int {
	if len(code) < 3 || code[0] != '"' {
		return -1
	}
	for i := 1; i < len(code); i++ {
		switch code[i] {
		case '\\':
			i++
		case '\n':
			return -1
		case '"':
			if i+1 < len(code) && code[i+1] == ';' {
				return i + 2
			}
			return -1
		}
	}
	return -1
}

// isDirectiveLine reports whether line is a directive as esbuild prints one: a double-quoted
// string and a semicolon.
func isDirectiveLine(line string) bool { return directiveEnd(line) == len(line) }

// leadingLinesUnmapped reports whether the first n lines of code (esbuild's output, with its
// inline source map) map to nothing: helpers esbuild added, not a program's own definitions of
// the same helpers (the output of another esbuild run), which must stay where they are.
func leadingLinesUnmapped(code string, n int) bool {
	ok := false
	editInlineSourceMap(code, func(mappings string) (string, bool) {
		ok = strings.HasPrefix(mappings, strings.Repeat(";", n))
		return "", false
	})
	return ok
}

// helperLineMarker stands for the line binding the shared helpers until the code is final.
const helperLineMarker = "/*gojs:helpers*/\n"

// bindHelpers replaces the marker line with `var __export = __gojs_h.__export, ...` for the
// shared helpers the final code uses.
func bindHelpers(code, decl string) string {
	i := strings.Index(code, helperLineMarker)
	if i < 0 {
		return code
	}
	body := code[i+len(helperLineMarker):]
	var b strings.Builder
	b.WriteString(decl)
	for _, h := range sharedHelpers {
		n := h.name
		if !containsIdent(body, n) {
			continue
		}
		if b.Len() == len(decl) {
			b.WriteString("var ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(n + " = __gojs_h." + n)
	}
	b.WriteString(";\n")
	return code[:i] + b.String() + body
}

// unnumbered is a helper's definition with the digits esbuild appends to a parameter's name
// (mod2, target2) dropped: it renames them when the module has a top-level binding of the same
// name (const mod = ...), and such a copy is still the shared helper (kept, esbuild's own __toESM
// wrapped the loader's namespaces as a default export).
func unnumbered(def string) string {
	var b strings.Builder
	for i := 0; i < len(def); {
		c := def[i]
		if !isIdentByte(c) || c >= '0' && c <= '9' {
			b.WriteByte(c)
			i++
			continue
		}
		j := i
		for j < len(def) && isIdentByte(def[j]) {
			j++
		}
		w := def[i:j]
		k := len(w)
		for k > 0 && w[k-1] >= '0' && w[k-1] <= '9' {
			k--
		}
		b.WriteString(w[:k])
		i = j
	}
	return b.String()
}

// sharedHelper returns the definition of the shared helper named name, or "".
func sharedHelper(name string) string {
	for _, h := range sharedHelpers {
		if h.name == name {
			return h.def
		}
	}
	return ""
}

// containsIdent reports whether name occurs in s as a whole identifier.
func containsIdent(s, name string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], name)
		if i < 0 {
			return false
		}
		i += off
		j := i + len(name)
		if (i == 0 || !isIdentByte(s[i-1])) && (j == len(s) || !isIdentByte(s[j])) {
			return true
		}
		off = j
	}
}

// stripExportAnnotation removes the dead "0 && (module.exports = {...})" block esbuild prints
// at the end for Node's CommonJS export detection: goja would parse and compile it for nothing.
func stripExportAnnotation(code string) string {
	const start = "\n// Annotate the CommonJS export names for ESM import in node:\n0 && (module.exports = "
	i := strings.LastIndex(code, start)
	if i < 0 {
		return code
	}
	end := len(code)
	if j := strings.LastIndex(code, "\n//# sourceMappingURL="); j > i {
		end = j
	}
	if !strings.HasSuffix(strings.TrimRight(code[i:end], "\n"), ");") {
		return code
	}
	return code[:i+1] + code[end+1:]
}

// EvalModule runs src as an ES module named [eval1] in the working directory, like
// `node --input-type=module -e` and `node --input-type=module < file` (import, export,
// import.meta and top-level await available; require and module not), then the loop until it
// drains. With print it fails with ERR_EVAL_ESM_CANNOT_PRINT, as Node does. Not concurrently
// with another Run method.
func (rt *Runtime) EvalModule(ctx context.Context, src string, print bool) (int, error) {
	rt.host.Argv = append([]string{rt.opts.ExecPath}, rt.opts.Args...)
	rt.setArgv()
	return rt.run(ctx, func() error {
		rt.setProcessEval(src, print, true)
		_, err := rt.callLoader("runEvalModule", rt.vm.ToValue(src), rt.vm.ToValue(print))
		return rt.esmMainThrew(err)
	})
}

// LooksLikeModule reports whether string input (-e, stdin) without --input-type runs as an ES
// module, as Node 20's syntax detection decides: it uses import or export declarations or
// import.meta, or top-level await that makes it invalid as a script but valid as a module.
func LooksLikeModule(src string) bool {
	src = stripShebang(src)
	if looksESM(src) {
		return true
	}
	if !strings.Contains(src, "await") {
		return false
	}
	if _, err := parser.ParseFile(nil, "", src, 0); err == nil {
		return false
	}
	// a script whose syntax goja lacks (for await, async generators) but esbuild lowers is still
	// a script: only an await at the top level, which a script refuses, makes it a module
	if _, err := runTransform(src, "[eval1]", "js", false); err == nil {
		return false
	}
	_, err := runTransform(src, "[eval1]", "js", true)
	return err == nil
}

// defineDisposeSymbols gives Symbol the dispose and asyncDispose goja lacks, as Node 20 defines
// them (Symbol.for('nodejs.dispose')), before any glue runs: esbuild's lowered `using` (which looks
// them up on Symbol first) and user code then agree on one key. (Symbol.asyncIterator is
// bootstrap.js's.) Loop only.
func defineDisposeSymbols(vm *goja.Runtime) {
	sym, ok := vm.GlobalObject().Get("Symbol").(*goja.Object)
	if !ok {
		return
	}
	symFor, _ := goja.AssertFunction(sym.Get("for"))
	for _, s := range [][2]string{{"dispose", "nodejs.dispose"}, {"asyncDispose", "nodejs.asyncDispose"}} {
		if v := sym.Get(s[0]); v != nil && !goja.IsUndefined(v) {
			continue
		}
		// registered, as node's are: Symbol.dispose === Symbol.for('nodejs.dispose')
		var v goja.Value = goja.NewSymbol(s[1])
		if symFor != nil {
			if r, err := symFor(sym, vm.ToValue(s[1])); err == nil {
				v = r
			}
		}
		_ = sym.DefineDataProperty(s[0], v, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
}

// quotedWord reports whether s[i:i+n] is a whole string literal ("module.exports" as an export
// name of `export { x as 'module.exports' }`).
// afterLineComment says whether the text that ends with done+pending is on a line that has a
// "//" earlier on it: a comment esbuild kept (acorn-typescript's `// import type = require("a");`),
// where no name is replaced. esbuild prints the code it generates at the start of a line.
func afterLineComment(done, pending string) bool {
	if j := strings.LastIndexByte(pending, '\n'); j >= 0 {
		return strings.Contains(pending[j+1:], "//")
	}
	if j := strings.LastIndexByte(done, '\n'); j >= 0 {
		done = done[j+1:]
	}
	return strings.Contains(done, "//") || strings.Contains(pending, "//")
}

func quotedWord(s string, i, n int) bool {
	if i == 0 || i+n >= len(s) {
		return false
	}
	q := s[i-1]
	return (q == '"' || q == '\'' || q == '`') && s[i+n] == q
}

// replaceWord replaces old by new where old is not the tail of a longer name (__require("x")
// in a bundle stays as it is) or a property (.require(").
func replaceWord(s, old, new string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, old)
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		if i > 0 && (isIdentByte(s[i-1]) || s[i-1] == '.') || quotedWord(s, i, len(old)) || afterLineComment(b.String(), s[:i]) {
			b.WriteString(old)
		} else {
			b.WriteString(new)
		}
		s = s[i+len(old):]
	}
	if b.Len() == 0 {
		return s
	}
	b.WriteString(s)
	return b.String()
}

// An ES module's own require, module and exports are ordinary free names (not defined, unless it
// declares them): esbuild must not take them for CommonJS's, nor must the rewrite of the require
// and module.exports it generates touch them. hideCJSNames renames each whole-word occurrence in
// the source, strings and comments included, to a marker of the same length (no column moves);
// unhideCJSNames turns the markers of the output back.
var cjsNameMarkers = [...][2]string{{"require", "$gjsRq$"}, {"module", "$gjsMd"}, {"exports", "$gjsEx$"}}

func hideCJSNames(src string) (string, bool) {
	changed := false
	for _, m := range cjsNameMarkers {
		if strings.Contains(src, m[0]) {
			if out := replaceWholeWord(src, m[0], m[1]); out != src {
				src, changed = out, true
			}
		}
	}
	return src, changed
}

func unhideCJSNames(code string) string {
	for _, m := range cjsNameMarkers {
		if strings.Contains(code, m[1]) {
			code = strings.ReplaceAll(code, m[1], m[0])
		}
	}
	return code
}

// replaceWholeWord replaces each occurrence of word in s that is not part of a longer identifier.
func replaceWholeWord(s, word, with string) string {
	var b strings.Builder
	for i := 0; ; {
		j := strings.Index(s[i:], word)
		if j < 0 {
			if b.Len() == 0 {
				return s
			}
			b.WriteString(s[i:])
			return b.String()
		}
		k := i + j
		end := k + len(word)
		b.WriteString(s[i:k])
		if (k > 0 && (isIdentByte(s[k-1]) || s[k-1] == '\\')) || (end < len(s) && isIdentByte(s[end])) {
			b.WriteString(word)
		} else {
			b.WriteString(with)
		}
		i = end
	}
}

// engineListingKeys reports whether goja is, down the calling goroutine's stack, listing an
// object's enumerable own keys for Object.keys, JSON.stringify or a for-in loop (the innermost
// of those and of Object.values, Object.entries and Object.assign, which read the values).
func engineListingKeys() bool {
	var pcs [96]uintptr
	frames := goruntime.CallersFrames(pcs[:goruntime.Callers(2, pcs[:])])
	enumIter := false // the frame below is goja's iterator of enumerable keys
	for {
		f, more := frames.Next()
		if rest, ok := strings.CutPrefix(f.Function, "github.com/dop251/goja."); ok {
			if enumIter && rest == "enumNext.exec" {
				return true // (a for-in loop's step)
			}
			enumIter = rest == "(*enumerableIter).next"
			switch {
			case rest == "(*Runtime).object_keys", strings.HasPrefix(rest, "(*Runtime).builtinJSON_stringify"),
				strings.HasPrefix(rest, "(*_builtinJSON_stringifyContext)."):
				return true
			case rest == "(*Runtime).object_values", rest == "(*Runtime).object_entries", rest == "(*Runtime).object_assign":
				return false
			}
		}
		if !more {
			return false
		}
	}
}
