package runtime

import (
	"errors"
	"strings"
	"unicode/utf16"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/gojs-dev/gojs/modules"
)

// installFunctionCtor replaces the global Function by a native constructor that builds the
// engine's function (called with new.target, as Reflect.construct would, so subclasses work)
// and, when the source does not compile, throws the SyntaxError V8 would: goja's reads
// "SyntaxError: <eval>: Line 4:1 Unexpected token } (and 2 more errors)", V8's "Unexpected token '}'" (modules.V8SyntaxError
// reads it against the source goja compiled, which is V8's too:
// "(function anonymous(params\n) {\nbody\n})").
func (rt *Runtime) installFunctionCtor() {
	vm := rt.vm
	g := vm.GlobalObject()
	native := g.Get("Function").ToObject(vm)
	proto := native.Get("prototype").ToObject(vm)
	construct, _ := goja.AssertConstructor(native)
	var ctor *goja.Object
	ctor = vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		// the arguments become strings once, here, so that the source can be rebuilt on error
		args := call.Arguments
		strs := make([]string, len(args))
		conv := true
		for _, a := range args {
			if _, sym := a.(*goja.Symbol); sym {
				conv = false
			}
		}
		cargs := args
		if conv {
			cargs = make([]goja.Value, len(args))
			for i, a := range args {
				strs[i] = modules.FixMaxCodePointEscapes(a.String()) // (goja's lexer panics on \u{10FFFF})
				cargs[i] = vm.ToValue(strs[i])
			}
		}
		nt := call.NewTarget
		if nt == nil {
			nt = ctor
		}
		if conv && len(strs) > 0 {
			msg := closesEarly(strs)
			if msg == "" {
				msg = functionOctalEscape(strs)
			}
			if msg != "" {
				e, cerr := vm.New(vm.Get("SyntaxError"), vm.ToValue(msg))
				if cerr == nil {
					panic(e)
				}
			}
		}
		if conv {
			for _, s := range strs {
				rt.noteScriptSource(s) // the guards its text may need (regexpsource.go)
			}
		}
		if conv && len(strs) > 0 {
			// (goja's arguments bug, as scripts get from the loader: modules.FixArguments; the
			// others, and this one too, evalSourceOption's rewrite of the text when it works)
			last := len(strs) - 1
			params := strings.Join(strs[:last], ",")
			body := strs[last]
			if evalSourceOption() == nil {
				body = modules.FixFunctionBody(params, body)
			}
			// (the body's regular expression literals, as a script's: regexpprops.go)
			body = regexpBody(params, body)
			if body != strs[last] {
				cargs[last] = vm.ToValue(body)
			}
		}
		if conv && nt == ctor {
			if f := rt.functionWithImport(strs); f != nil {
				return f
			}
			if f := rt.functionWithAsyncGenerators(strs); f != nil {
				return f
			}
			if f := rt.functionWithStringBuild(cargs); f != nil {
				rt.noteEvalOrigin(f)
				return f
			}
		}
		rt.inFunctionCtor++
		v, err := construct(nt, cargs...)
		rt.inFunctionCtor--
		if err != nil {
			if conv {
				if e := rt.v8FunctionSyntaxError(err, strs); e != nil {
					panic(e)
				}
			}
			panic(err)
		}
		rt.noteEvalOrigin(v)
		return v
	}).ToObject(vm)
	modules.NameFunc(vm, ctor, "Function", 1)
	ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	g.DefineDataProperty("Function", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	// AsyncFunction and GeneratorFunction inherit from Function, as the spec has them
	if v, err := vm.RunProgram(modules.CompileOnce("gojs:function-ctors", functionCtorsJS)); err == nil {
		arr := v.ToObject(vm)
		for i, k := range []string{"0", "1"} {
			if o, ok := arr.Get(k).(*goja.Object); ok {
				rt.wrapFunctionCtor(o, ctor, [...]string{"AsyncFunction", "GeneratorFunction"}[i])
			}
		}
	}
}

// wrapFunctionCtor puts in place of native, goja's AsyncFunction or GeneratorFunction
// constructor (named name), one that builds the same functions and notes where it was called
// (noteEvalOrigin: V8's frames of such code read "at eval (eval at f (file:1:2), <anonymous>:3:9)"),
// inheriting from fn, the Function constructor, as the spec has it.
func (rt *Runtime) wrapFunctionCtor(native, fn *goja.Object, name string) {
	vm := rt.vm
	construct, ok := goja.AssertConstructor(native)
	proto, ok2 := native.Get("prototype").(*goja.Object)
	if !ok || !ok2 {
		_ = native.SetPrototype(fn)
		return
	}
	var w *goja.Object
	w = vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		nt := call.NewTarget
		if nt == nil {
			nt = w
		}
		v, err := construct(nt, call.Arguments...)
		if err != nil {
			panic(err)
		}
		rt.noteEvalOrigin(v)
		return v
	}).ToObject(vm)
	modules.NameFunc(vm, w, name, 1)
	w.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	proto.DefineDataProperty("constructor", w, goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = w.SetPrototype(fn)
}

// closesEarly returns V8's message when the parameters and body of new Function(...) would close
// the function before its end, "})...(function(){", which goja would compile, and run, as more
// code of its own; "" when they make one function (or do not parse: goja reports that).
func closesEarly(args []string) string {
	body := args[len(args)-1]
	params := strings.Join(args[:len(args)-1], ",")
	if !strings.Contains(body, "}") && !strings.ContainsAny(params, "}/") {
		return ""
	}
	src := "(function anonymous(" + params + "\n) {\n" + body + "\n})"
	prg, err := parser.ParseFile(nil, "", src, 0)
	if err != nil {
		return ""
	}
	if len(prg.Body) == 1 {
		if es, ok := prg.Body[0].(*ast.ExpressionStatement); ok {
			if fl, ok := es.Expression.(*ast.FunctionLiteral); ok && int(fl.Idx1()) >= len(src) {
				return ""
			}
		}
	}
	return "Single function literal required"
}

// functionOctalEscape is V8's message for an octal escape in a string of the strict code (or a
// \0 before 8 or 9 in a template) of new Function(args...), which goja takes; "" when there is
// none.
func functionOctalEscape(args []string) string {
	body := args[len(args)-1]
	if !strings.Contains(body, "\\") {
		return ""
	}
	src := "(function anonymous(" + strings.Join(args[:len(args)-1], ",") + "\n) {\n" + body + "\n})"
	prg, err := parser.ParseFile(nil, "", src, 0)
	if err != nil {
		return ""
	}
	var el parser.ErrorList
	if errors.As(modules.StrictOctalEscape(prg, src, false), &el) && len(el) > 0 {
		return el[0].Message
	}
	return ""
}

const functionCtorsJS = "[Object.getPrototypeOf(async function () {}).constructor, Object.getPrototypeOf(function* () {}).constructor]"

// v8FunctionSyntaxError turns the SyntaxError goja threw for new Function(args...) into V8's,
// or returns nil when err is something else.
func (rt *Runtime) v8FunctionSyntaxError(err error, args []string) goja.Value {
	ex, ok := err.(*goja.Exception)
	if !ok {
		return nil
	}
	obj, ok := ex.Value().(*goja.Object)
	if !ok || obj.Get("name") == nil || obj.Get("name").String() != "SyntaxError" {
		return nil
	}
	raw := obj.Get("message")
	if raw == nil {
		return nil
	}
	msg, line, col, ok := modules.ParseGojaSyntaxMessage(raw.String())
	if !ok {
		return nil
	}
	var sb strings.Builder
	sb.WriteString("(function anonymous(")
	if len(args) > 1 {
		sb.WriteString(strings.Join(args[:len(args)-1], ","))
	}
	sb.WriteString("\n) {\n")
	if len(args) > 0 {
		sb.WriteString(args[len(args)-1])
	}
	sb.WriteString("\n})")
	se := modules.V8SyntaxMessage(msg, sb.String(), line, col)
	if len(args) > 1 {
		// V8 parses the parameters on their own first: a list that ends before its text does
		// (a ')' of its own, or a parameter followed by more than ',') is refused as a whole
		params := strings.Join(args[:len(args)-1], ",")
		start := len("(function anonymous(")
		off := start - 1
		if line == 1 {
			off = col - 1
		} else if nl := strings.Index(params, "\n"); nl >= 0 {
			off = start + nl + 1 // somewhere in a multi-line parameter text: count it in
			for l := 2; l < line; l++ {
				k := strings.Index(params[off-start:], "\n")
				if k < 0 {
					off = start + len(params)
					break
				}
				off += k + 1
			}
			off += col - 1
		}
		before := strings.TrimRight(sb.String()[:min(max(off, 0), sb.Len())], " \t\r\n")
		_, _, _, closes := modules.UnbalancedCloser(params)
		if closes || off > start && off < start+len(params) && before != "" && strings.ContainsAny(before[len(before)-1:], "_$)]}0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			se.Message = "Arg string terminates parameters early"
		}
	}
	e, cerr := rt.vm.New(rt.vm.Get("SyntaxError"), rt.vm.ToValue(se.Message))
	if cerr != nil {
		return nil
	}
	if arrow := anonymousSyntaxArrow(sb.String(), se, line, col); arrow != "" {
		// (the excerpt an uncaught one prints: the line of the function's source)
		_ = e.DefineDataPropertySymbol(evalArrowSymbol(rt), rt.vm.ToValue(arrow), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		rt.funcCtorErr = e // (new Function has no frame of its own: the arrow's choice knows it so)
	}
	return e
}

// functionWithImport builds new Function(...strs) when its source calls import(), which goja
// parses only in modules: the calls go to the loader's dynamic import, resolved from the file of
// the code that called the constructor, as node resolves them (prettier and packages compiled
// to CommonJS load ES modules this way: new Function('s', 'return import(s)')). nil when the
// source has no import() call (or does not lex): the engine builds the function as usual.
func (rt *Runtime) functionWithImport(strs []string) *goja.Object {
	hasImport := false
	for _, s := range strs {
		if strings.Contains(s, "import") {
			hasImport = true
			break
		}
	}
	if !hasImport {
		return nil
	}
	var src string
	if n := len(strs); n > 0 {
		src = "(function anonymous(" + strings.Join(strs[:n-1], ",") + "\n) {\n" + strs[n-1] + "\n})"
	} else {
		src = "(function anonymous(\n) {\n\n})"
	}
	out, ok := rewriteDynamicImports(src, "__gojs_import")
	if !ok {
		return nil
	}
	vm := rt.vm
	wrapper, err := vm.RunScript("anonymous", "(function (__gojs_import) { return "+out+" })")
	if err != nil {
		return nil // the engine's own construction reports the syntax error
	}
	wrap, _ := goja.AssertFunction(wrapper)
	importer, err := rt.callLoader("importerFor", vm.ToValue(rt.callerFile()))
	if err != nil {
		panic(err)
	}
	f, err := wrap(goja.Undefined(), importer)
	if err != nil {
		panic(err)
	}
	return f.ToObject(vm)
}

// functionWithAsyncGenerators builds new Function(...strs) when its source has an async
// generator, which goja cannot compile: lowered by esbuild as a module's are, and run with the
// loader's helpers. nil when it has none, or when the source does not compile (the engine's
// own construction then reports the syntax error).
func (rt *Runtime) functionWithAsyncGenerators(strs []string) *goja.Object {
	found := false
	for _, s := range strs {
		if strings.Contains(s, "async*") || strings.Contains(s, "async *") || hasAsyncGeneratorFunction(s) {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	src := "(function anonymous(\n) {\n\n})"
	if n := len(strs); n > 0 {
		src = "(function anonymous(" + strings.Join(strs[:n-1], ",") + "\n) {\n" + strs[n-1] + "\n})"
	}
	t, err := transformModule("return "+src+";", "anonymous", "js", false, rt.opts.TransformCacheDir)
	if err != nil {
		return nil
	}
	prg, err := compileSourceMode("anonymous", cjsTransformedPrefix+t.code+"\n})", false)
	if err != nil {
		return nil
	}
	vm := rt.vm
	wrapper, err := vm.RunProgram(prg)
	if err != nil {
		return nil
	}
	if isGuardedProgram(prg) {
		wrapper = rt.unguard(wrapper)
	}
	wrap, _ := goja.AssertFunction(wrapper)
	helpers, err := rt.callLoader("esmHelpers")
	if err != nil || wrap == nil {
		return nil
	}
	u := goja.Undefined()
	f, err := wrap(u, u, u, u, u, u, u, u, helpers)
	if err != nil {
		panic(err)
	}
	if o, ok := f.(*goja.Object); ok {
		return o
	}
	return nil
}

// functionWithStringBuild builds new Function(...args) (its arguments as strings, once the text
// fixes above were made) when its code has a loop that builds a string piece by piece, which
// goja runs in quadratic time (modules.FixStringBuild): parsed as the engine would parse it
// (the same text, name and parser options), rewritten, compiled from the tree and run, as the
// engine runs the text. Code generators build their output this way (fast-json-stringify's
// serializers, compiled templates): 40,000 items took 22 s. nil when no loop is rewritten or
// anything fails: the engine then builds the function (and reports its errors) as usual.
func (rt *Runtime) functionWithStringBuild(args []goja.Value) *goja.Object {
	n := len(args)
	if n == 0 {
		return nil
	}
	body := args[n-1].String()
	if !modules.NeedsStringBuildFix(body) {
		return nil
	}
	var sb strings.Builder
	sb.WriteString("(function anonymous(")
	for i, a := range args[:n-1] {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(a.String())
	}
	sb.WriteString("\n) {\n")
	sb.WriteString(body)
	sb.WriteString("\n})")
	if rt.evalParserOpts == nil {
		o := evalSourceOption()
		if o == nil {
			return nil
		}
		rt.evalParserOpts = []parser.Option{o, rt.guardSourceOption(o)}
	}
	tree, err := parser.ParseFile(nil, "<eval>", sb.String(), 0, rt.evalParserOpts...)
	if err != nil || tree.File == nil || !modules.FixStringBuildAny(tree, tree.File.Source()) {
		return nil
	}
	prg, err := goja.CompileAST(tree, false)
	if err != nil {
		return nil
	}
	v, err := rt.vm.RunProgram(prg)
	if err != nil {
		return nil
	}
	f, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	if _, ok := goja.AssertFunction(f); !ok {
		return nil
	}
	return f
}

// rewriteDynamicImports replaces the `import` keyword of each dynamic import() call of src by
// name; ok is false when src has none or does not lex.
func rewriteDynamicImports(src, name string) (string, bool) {
	units, offs, ok := dynamicImportOffsets(src)
	if !ok || len(offs) == 0 {
		return "", false
	}
	repl := utf16.Encode([]rune(name))
	out := make([]uint16, 0, len(units)+len(offs)*(len(repl)-6))
	last := 0
	for _, o := range offs {
		out = append(append(out, units[last:o]...), repl...)
		last = o + 6
	}
	out = append(out, units[last:]...)
	return string(utf16.Decode(out)), true
}

// importFrom is import() as the code of file calls it (from the working directory when file
// is not an absolute path or file: URL): the loader's importer for that file.
func (rt *Runtime) importFrom(file string) (goja.Value, error) {
	return rt.callLoader("importerFor", rt.vm.ToValue(file))
}

// callerFile is the file of the innermost JavaScript frame on the stack that is not the
// runtime's own glue, or "" when there is none.
func (rt *Runtime) callerFile() string {
	for _, f := range rt.vm.CaptureCallStack(16, nil) {
		name := f.SrcName()
		if name == "" || name == "<native>" || strings.HasPrefix(name, "node:") || strings.HasPrefix(name, "gojs:") {
			continue
		}
		return name
	}
	return ""
}

// regexpBody is the body of new Function(params..., body) with its regular expression literals
// rewritten as a script's are (rewriteRegexpSource), read in the function V8 would make of it.
func regexpBody(params, body string) string {
	if !strings.Contains(body, `\p{`) && !strings.Contains(body, `\P{`) && !hasMultilineRegexpHint(body) {
		return body
	}
	prefix, suffix := "(function anonymous("+params+"\n) {\n", "\n})"
	out := rewriteRegexpSource(prefix + body + suffix)
	if len(out) < len(prefix)+len(suffix) || !strings.HasPrefix(out, prefix) || !strings.HasSuffix(out, suffix) {
		return body
	}
	return out[len(prefix) : len(out)-len(suffix)]
}
