// Package vm implements Node's vm module: https://nodejs.org/api/vm.html.
//
// goja has one realm per goja.Runtime and objects cannot cross runtimes, so a "context" here is
// not a new realm: runInContext evaluates the code (sloppy mode, direct eval) inside a `with`
// over a Proxy of the contextified object. Identifiers resolve to the object's properties first;
// the JS intrinsics (Array, JSON, Math, ...) come from the one realm and are shared with the
// main context; Node's own globals (process, require, setTimeout, Buffer) are not visible;
// reading an unknown name gives undefined rather than a ReferenceError (so `typeof x` works).
// Top-level var and function declarations become properties of the object, as in Node; top-level
// let/const/class stay local to one run, and strict-mode code keeps its vars to itself.
// runInThisContext compiles and runs the code as a global script. Timeouts interrupt goja.
//
// Under --experimental-vm-modules, vm.SourceTextModule and vm.SyntheticModule: a source text
// module is transformed as the loader transforms an ES module file (the runtime's
// internal/vm_module), compiled in its context, linked through the linker and evaluated after
// its dependencies, with node's statuses and errors. Its namespace's exports are accessors, not
// data properties as V8's are.
package vm

import (
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/url"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed vm.js
var glue string

// Module is "vm".
var Module = modules.Module{Name: "vm", Bind: bind, JSRef: &glue}

type timeoutErr struct {
	_ byte // non-zero size, so that each watchdog's *timeoutErr is a distinct pointer
}

func bind(h *modules.Host, o *goja.Object) error {
	vm := h.VM
	unrewriteInstalled := false // (see thisMapper)
	if h.Eval != nil {
		o.Set("eval", h.Eval)
	}
	// A context made with microtaskMode 'afterEvaluate' has a microtask queue of its own, which
	// node drains when a script run in it returns (not when it throws: the jobs wait for the next
	// run). There is one realm here, so the jobs the run queued stand for the context's:
	// jobsMark() before the run, runJobsSince(mark) after it; a run that threw holds its jobs
	// (holdJobsSince(state, mark)) until the context's next run puts them back (requeueJobs(state))
	// ahead of its own. (Jobs that a context's function queues when the main context calls it go
	// to the main queue.)
	held := map[*goja.Object][]func(){}
	o.Set("jobsMark", func() int { return h.Loop.JobsMark() })
	o.Set("runJobsSince", func(mark int) {
		if mark >= 0 {
			h.Loop.RunJobsSince(mark)
		}
	})
	o.Set("holdJobsSince", func(state *goja.Object, mark int) {
		if mark >= 0 {
			if jobs := h.Loop.TakeJobsSince(mark); len(jobs) > 0 {
				held[state] = append(held[state], jobs...)
			}
		}
	})
	o.Set("requeueJobs", func(state *goja.Object) {
		if jobs, ok := held[state]; ok {
			delete(held, state)
			h.Loop.QueueJobs(jobs)
		}
	})
	// noteGlobalView(proxy): a context's scope stands for its global object in stack frames
	o.Set("noteGlobalView", func(proxy *goja.Object) { h.NoteGlobalView(proxy) })
	// compile(code, filename, lineOffset, columnOffset) compiles a script (the offsets say where
	// its code stands in filename); a syntax error throws a SyntaxError.
	// The SyntaxError carries where V8 would mark the mistake (markSyntax).
	o.Set("compile", func(code, filename string, lineOffset, columnOffset int) goja.Value {
		if h.Sources != nil {
			h.Sources.NoteSource(code)
			h.Sources.NoteCode(filename, code, lineOffset, columnOffset, 0)
		}
		code = modules.FixMaxCodePointEscapes(code) // (goja's lexer panics on \u{10FFFF})
		// parsed once: the workarounds (each skips what cannot apply) change the AST before
		// it is compiled: modules.FixArguments', FixNewTarget's and FixLogicalAssign's, and
		// FixStringBuild's linear string-building loops, FixConstantThrows' unfolded
		// throwing constants
		var prg *goja.Program
		ast, err := goja.Parse(filename, code)
		if err == nil {
			if h.RegexpProgram != nil {
				h.RegexpProgram(ast, code)
			}
			modules.FixArguments(ast, code)
			modules.FixNewTarget(ast, code)
			modules.FixLogicalAssign(ast, code)
			modules.FixStringBuild(ast, code)
			modules.FixConstantThrows(ast, code)
			modules.FixNullPatterns(ast, code)
			modules.FixAsyncMethods(ast, code)
			if h.Pow != nil {
				modules.FixExponentLiterals(ast, code, h.Pow)
			}
			if h.BlockFunctions != nil {
				h.BlockFunctions(ast, code)
			}
			if h.GuardRecursion != nil {
				h.GuardRecursion(ast)
			}
			prg, err = goja.CompileAST(ast, false)
			if modules.IsContinueChainError(err) {
				modules.FixContinueChains(ast)
				prg, err = goja.CompileAST(ast, false)
			}
			if err != nil && strings.Contains(err.Error(), "Invalid flags supplied to RegExp constructor") && modules.LowerIndicesLiterals(ast) {
				prg, err = goja.CompileAST(ast, false)
			}
			if err != nil {
				prg, err = goja.Compile(filename, code, false) // (the error as the source has it)
			}
		}
		if err != nil {
			msg := err.Error()
			se, ok := modules.V8SyntaxError(err, code)
			if ok {
				msg = se.Message
			} else if m := syntaxMsg.Get().FindStringSubmatch(msg); m != nil {
				msg = m[1]
			}
			ex := throwSyntax(vm, msg)
			if ok && se.Line > 0 {
				markSyntax(vm, ex, code, se.Line, se.Column, se.Width, 0)
			}
			panic(ex)
		}
		return vm.ToValue(prg)
	})
	o.Set("posKey", posKey)
	// noteCode(code, filename, lineOffset, columnOffset) notes code as compile does, for a script
	// whose compile the glue took from its cache.
	o.Set("noteCode", func(code, filename string, lineOffset, columnOffset int) {
		if h.Sources != nil {
			h.Sources.NoteCode(filename, code, lineOffset, columnOffset, 0)
		}
	})
	// fixArguments(code) is code with modules.FixArgumentsSource's, FixMaxCodePointEscapes' and
	// FixContinueChainsSource's workarounds (contexts run it through eval, which would panic or
	// reject it).
	o.Set("fixArguments", func(code string) string {
		return modules.FixContinueChainsSource(modules.FixArgumentsSource(modules.FixMaxCodePointEscapes(code)))
	})
	// rewriteImports(code) is code with each dynamic import() call's keyword replaced by
	// importName (as long, so positions hold), or undefined when it has none: goja compiles
	// import() only in modules.
	o.Set("rewriteImports", func(code string) goja.Value {
		if h.DynamicImports == nil || !strings.Contains(code, "import") {
			return goja.Undefined()
		}
		out, ok := h.DynamicImports(code, importName)
		if !ok {
			return goja.Undefined()
		}
		return vm.ToValue(out)
	})
	o.Set("importName", importName)
	// vmModules: --experimental-vm-modules is on (vm.Module, SourceTextModule, SyntheticModule)
	o.Set("vmModules", func() bool { _, ok := h.Flags()["--experimental-vm-modules"]; return ok })
	// importFrom(file) is import() as the main context's loader runs it for code of file.
	o.Set("importFrom", func(file string) goja.Value {
		if h.ImportFrom == nil {
			return goja.Undefined()
		}
		at := h.Mark()
		f, err := h.ImportFrom(file)
		if err != nil {
			h.Repanic(err, at)
		}
		return f
	})
	// callerFile() is the file of the innermost script frame on the stack that is not glue.
	o.Set("callerFile", func() string {
		for _, f := range vm.CaptureCallStack(16, nil) {
			name := f.SrcName()
			if name == "" || name == "<native>" || strings.HasPrefix(name, "node:") || strings.HasPrefix(name, "gojs:") {
				continue
			}
			return name
		}
		return ""
	})
	// callThrough(fn, this, ...args) calls fn from Go (see Host.CallThrough).
	o.Set("callThrough", h.CallThrough)
	// callOnError(onError, fn, this, ...args) calls fn as callThrough does; what it throws is
	// handed to onError first and then goes on as it was thrown (see run).
	o.Set("callOnError", func(call goja.FunctionCall) goja.Value {
		onError, _ := goja.AssertFunction(call.Argument(0))
		fn, ok := goja.AssertFunction(call.Argument(1))
		if !ok {
			panic(vm.NewTypeError("Illegal invocation"))
		}
		var args []goja.Value
		if len(call.Arguments) > 3 {
			args = call.Arguments[3:]
		}
		at := h.Mark()
		v, err := fn(call.Argument(2), args...)
		if err != nil {
			throwVia(h, onError, err, at)
		}
		return v
	})
	// run(program, onError) runs a compiled script in the global scope. onError, when given, is
	// called with what the script threw before it goes on as it was thrown (not rethrown by the
	// glue, so that its place stays the script's: the excerpt of a primitive thrown uncaught).
	o.Set("run", func(p, onError goja.Value) goja.Value {
		prg, ok := modules.ExportAs[*goja.Program](p)
		if !ok || prg == nil {
			panic(vm.NewTypeError("Illegal invocation"))
		}
		at := h.Mark()
		v, err := vm.RunProgram(prg)
		if err != nil {
			fn, _ := goja.AssertFunction(onError)
			throwVia(h, fn, err, at)
		}
		return v
	})
	// declared(code) describes the script's top-level declarations: names, its function and
	// var declarations (functions first); lets and consts, its let/class and const declarations;
	// strict, whether it starts with a "use strict" directive.
	// keepDeclared(code, names) is code with each `delete x` of a declared name x (one of names,
	// the script's top-level var and function names) replaced by `(false)` (padded to its
	// length, so positions hold): a context runs its script by eval, whose vars can be deleted,
	// where a realm's declared globals cannot (delete gives false and the binding stays).
	o.Set("keepDeclared", func(code string, names []string) string {
		if len(names) == 0 || !strings.Contains(code, "delete") {
			return code
		}
		return keepDeclared(code, names)
	})
	// indirectEvals(code) is code with each read of `eval` that is not a direct eval call
	// (eval(x)) replaced by evalName, which a context's scope answers with the context's own eval:
	// its code then runs in the context, as code handed the eval of another realm's global does
	// (vm.runInContext('eval', ctx), (0, eval)('this')), where the engine's one eval would run it
	// in the main context. Code that binds or assigns the name eval is left as it is.
	o.Set("indirectEvals", func(code string) string {
		if !strings.Contains(code, "eval") {
			return code
		}
		return indirectEvals(code)
	})
	o.Set("evalName", evalName)
	// outerNames are the runtime's own names that code it rewrote reads (the recursion guard's
	// check and budget), which a context's scope leaves to the evaluator's outer scopes, as
	// scopeTraps.has does: vm.js's JS traps, for a sandbox that is a proxy, ask it too.
	o.Set("outerNames", []any{modules.RecursionBudgetSource, modules.RecursionCheckSource,
		modules.RecursionBudget, modules.RecursionCheckParam})
	// scopeProxy(sandbox, handler, isGlobal, gated, intrinsics) is the proxy a context's code
	// runs in (see makeProxy in vm.js), or undefined for a sandbox that is itself a proxy (its
	// traps are then all handler's). See scopeTraps.
	o.Set("scopeProxy", func(call goja.FunctionCall) goja.Value {
		return newScopeProxy(h, call)
	})
	// regexpSource(code) is code with the regular expression literals the engine would get wrong
	// rewritten in its text (Host.RegexpSource), for code run by eval.
	o.Set("regexpSource", func(code string) string {
		if h.RegexpSource == nil {
			return code
		}
		return h.RegexpSource(code)
	})
	o.Set("declared", func(code string) goja.Value {
		res := vm.NewObject()
		prg, err := parser.ParseFile(nil, "", code, 0)
		if err != nil {
			_ = res.Set("fnCount", 0)
			_ = res.Set("names", vm.NewArray())
			_ = res.Set("lets", vm.NewArray())
			_ = res.Set("consts", vm.NewArray())
			_ = res.Set("strict", false)
			return res
		}
		var lets, consts []string
		strict := false
	directives:
		for _, s := range prg.Body {
			es, ok := s.(*ast.ExpressionStatement)
			if !ok {
				break
			}
			lit, ok := es.Expression.(*ast.StringLiteral)
			if !ok {
				break
			}
			switch lit.Literal {
			case `"use strict"`, `'use strict'`:
				strict = true
				break directives
			}
		}
		for _, s := range prg.Body {
			switch s := s.(type) {
			case *ast.LexicalDeclaration:
				list := &lets
				if s.Token == token.CONST {
					list = &consts
				}
				for _, b := range s.List {
					collect(b.Target, func(n string) { *list = append(*list, n) })
				}
			case *ast.ClassDeclaration:
				if s.Class != nil && s.Class.Name != nil {
					lets = append(lets, s.Class.Name.Name.String())
				}
			}
		}
		var fns, vars []string
		seen := map[string]bool{}
		add := func(list *[]string, name string) {
			if !seen[name] {
				seen[name] = true
				*list = append(*list, name)
			}
		}
		// (a name declared both ways is a function's, wherever its var stands: the function
		// is what the declaration binds)
		for _, s := range prg.Body {
			if f, ok := s.(*ast.FunctionDeclaration); ok && f.Function.Name != nil {
				add(&fns, f.Function.Name.Name.String())
			}
		}
		var walk func(ast.Statement)
		walk = func(s ast.Statement) {
			switch s := s.(type) {
			case *ast.FunctionDeclaration:
				if s.Function.Name != nil {
					add(&fns, s.Function.Name.Name.String())
				}
			case *ast.VariableStatement:
				for _, b := range s.List {
					collect(b.Target, func(n string) { add(&vars, n) })
				}
			case *ast.BlockStatement:
				for _, x := range s.List {
					walk(x)
				}
			case *ast.IfStatement:
				walk(s.Consequent)
				if s.Alternate != nil {
					walk(s.Alternate)
				}
			case *ast.ForStatement:
				if vi, ok := s.Initializer.(*ast.ForLoopInitializerVarDeclList); ok {
					for _, b := range vi.List {
						collect(b.Target, func(n string) { add(&vars, n) })
					}
				}
				walk(s.Body)
			case *ast.ForInStatement:
				if fi, ok := s.Into.(*ast.ForIntoVar); ok {
					collect(fi.Binding.Target, func(n string) { add(&vars, n) })
				}
				walk(s.Body)
			case *ast.ForOfStatement:
				if fi, ok := s.Into.(*ast.ForIntoVar); ok {
					collect(fi.Binding.Target, func(n string) { add(&vars, n) })
				}
				walk(s.Body)
			case *ast.WhileStatement:
				walk(s.Body)
			case *ast.DoWhileStatement:
				walk(s.Body)
			case *ast.TryStatement:
				walk(s.Body)
				if s.Catch != nil {
					walk(s.Catch.Body)
				}
				if s.Finally != nil {
					walk(s.Finally)
				}
			case *ast.LabelledStatement:
				walk(s.Statement)
			case *ast.WithStatement:
				walk(s.Body)
			case *ast.SwitchStatement:
				for _, c := range s.Body {
					for _, x := range c.Consequent {
						walk(x)
					}
				}
			}
		}
		for _, s := range prg.Body {
			walk(s)
		}
		_ = res.Set("fnCount", len(fns))
		_ = res.Set("names", append(fns, vars...))
		_ = res.Set("lets", lets)
		_ = res.Set("consts", consts)
		_ = res.Set("strict", strict)
		return res
	})
	// checkFunction(src) throws V8's SyntaxError unless src, "(function (params) {\nbody\n})",
	// parses as that one function: a body or parameter list that closes the function early
	// ("});...") would otherwise run as code of its own.
	o.Set("checkFunction", func(src string) {
		prg, err := parser.ParseFile(nil, "", src, 0)
		if err != nil {
			msg := err.Error()
			se, ok := modules.V8SyntaxError(err, src)
			if ok {
				msg = se.Message
			} else if m := syntaxMsg.Get().FindStringSubmatch(msg); m != nil {
				msg = m[1]
			}
			line, col, width := se.Line, se.Column, se.Width
			if lines := strings.Count(src, "\n") + 1; ok && lines > 2 && line == lines {
				// The mistake is on the wrapper's closing line "})". Either the body closed the
				// function early (the source parses with ")" for that line), where V8 stops at
				// that '}', or the body ended before the function could: V8, which parses the
				// body as one, reaches the end of its input.
				body := src[:strings.LastIndexByte(src, '\n')]
				p, perr := parser.ParseFile(nil, "", body, 0)
				if perr != nil {
					p, perr = parser.ParseFile(nil, "", body+")", 0)
				}
				if perr == nil {
					if off := earlyCloseBrace(p); off >= 0 {
						msg = "Unexpected token '}'"
						line, col = srcPosition(src, off)
						width = 1
					}
				} else {
					msg = "Unexpected end of input"
					last := body[strings.LastIndexByte(body, '\n')+1:]
					line, col, width = lines-1, len(strings.TrimSuffix(last, "\r"))+1, 0
				}
			}
			ex := throwSyntax(vm, msg)
			// a mistake in the body is marked as in the body's own lines, as compile marks one
			if ok && line > 1 {
				markSyntax(vm, ex, src, line, col, width, 1)
			}
			panic(ex)
		}
		if len(prg.Body) == 1 {
			if es, ok := prg.Body[0].(*ast.ExpressionStatement); ok {
				if fl, ok := es.Expression.(*ast.FunctionLiteral); ok && int(fl.Idx1()) >= len(src) {
					return
				}
			}
		}
		// where the function ended early there is a '}' V8 would not expect
		tok := "}"
		if len(prg.Body) > 0 {
			if end := int(prg.Body[0].Idx1()) - 2; end >= 0 && end < len(src) {
				tok = src[end : end+1]
			}
		}
		ex := throwSyntax(vm, "Unexpected token '"+tok+"'")
		if off := earlyCloseBrace(prg); off >= 0 && tok == "}" {
			// marked in the body's own lines, as above
			if line, col := srcPosition(src, off); line > 1 {
				markSyntax(vm, ex, src, line, col, 1, 1)
			}
		}
		panic(ex)
	})
	// withTimeout(ms, fn) calls fn, interrupting it after ms milliseconds.
	o.Set("withTimeout", func(ms float64, fn goja.Callable) goja.Value {
		// Each call has its own token: when calls nest, the interrupt of the one whose time ran
		// out first passes through the inner ones and is reported by its own (node's order).
		// The timer interrupts only while fn runs (mu and done): once fn has returned or thrown,
		// an interrupt it set and fn did not meet is dropped. (gojs dropped it only when fn
		// returned, and without waiting for the timer's goroutine: a run that threw just as
		// its time ran out left the interrupt pending, and it stopped the program later as an
		// uncaught exception.)
		token := &timeoutErr{}
		var mu sync.Mutex
		done, fired := false, false
		t := time.AfterFunc(time.Duration(ms*float64(time.Millisecond)), func() {
			mu.Lock()
			defer mu.Unlock()
			if !done {
				fired = true
				vm.Interrupt(token)
			}
		})
		at := h.Mark()
		v, err := fn(goja.Undefined())
		t.Stop()
		mu.Lock()
		done = true
		interrupted := fired
		mu.Unlock()
		var ie *goja.InterruptedError
		if err != nil && errors.As(err, &ie) {
			if tok, ok := ie.Value().(*timeoutErr); ok && tok == token {
				vm.ClearInterrupt()
				return vm.ToValue(timeoutSentinel)
			}
		} else if interrupted {
			vm.ClearInterrupt()
		}
		if err != nil {
			h.Repanic(err, at)
		}
		return v
	})
	o.Set("timeoutSentinel", timeoutSentinel)
	// sourceMap(code, filename, lineOffset, columnOffset) is a source-map comment to end code
	// run by eval with, so that its stack frames read filename:line:column as node's do.
	o.Set("sourceMap", func(code, filename string, lineOffset, columnOffset int) string {
		if h.Sources != nil {
			h.Sources.NoteCode(filename, code, lineOffset, columnOffset, 0)
		}
		return sourceMapComment(code, filename, lineOffset, columnOffset, 0)
	})
	// contextCode(code, hasFunctions) is { code, ins, unvar, fns, deleted, thisMapped } for code
	// (which declares functions at its top level when hasFunctions) as a context runs it, or undefined
	// when it needs no change: its top-level var declarations made assignments (unvar true, see
	// unvar), its sloppy functions' `this` the context's global (see thisEdits) and, when it
	// declares functions at its top level (fns, their names), a first
	// statement that hands them to the context's object (deleted: and then drops them from the
	// code's scope; see functionPrelude). ins are the
	// insertions as line, column, length triples (line from 0 and column in UTF-16 units, of code).
	o.Set("contextCode", func(code string, hasFunctions bool) goja.Value {
		out, ins, unvared, thised := contextRewrite(code)
		var fns []string
		deleted := false
		if hasFunctions && strings.Contains(code, "function") {
			var pre insertion
			var ok bool
			out, pre, fns, deleted, ok = functionPrelude(out, code)
			if ok {
				ins = append([]insertion{pre}, ins...)
			}
		}
		if !unvared && !thised && len(fns) == 0 {
			return goja.Undefined()
		}
		flat := make([]any, 0, 3*len(ins))
		for line, l := range lineInsertions(code, ins) {
			for _, in := range l {
				flat = append(flat, line, in[0], in[1])
			}
		}
		res := vm.NewObject()
		_ = res.Set("code", out)
		_ = res.Set("ins", vm.NewArray(flat...))
		_ = res.Set("unvar", unvared)
		_ = res.Set("fns", fns)
		_ = res.Set("deleted", deleted)
		_ = res.Set("thisMapped", thised)
		return res
	})
	o.Set("thisMapperName", thisMapperName)
	// thisMapper(global, proxy, scope) is the function a context's sloppy functions pass their
	// `this` through (see thisEdits): the context's global for the main context's global, the
	// context's proxy and its lexical scope object; anything else as it is. (Go: a call costs
	// the code less than the comparisons would, each of its names read by a dynamic lookup.)
	// The first one has Function.prototype.toString give the functions' text as written.
	o.Set("thisMapper", func(global, proxy, scope *goja.Object) goja.Value {
		if !unrewriteInstalled {
			unrewriteInstalled = true
			installUnrewriteThis(vm)
		}
		main := vm.GlobalObject()
		return modules.Func(vm, "", 1, func(call goja.FunctionCall) goja.Value {
			t := call.Argument(0)
			if o, ok := t.(*goja.Object); ok && (o == main || o == proxy || o == scope) {
				return global
			}
			return t
		})
	})
	// sourceMapWith(code, filename, lineOffset, columnOffset, ins) is sourceMap for code run with
	// the insertions ins (unvar's).
	o.Set("sourceMapWith", func(code, filename string, lineOffset, columnOffset int, ins []int) string {
		if h.Sources != nil {
			h.Sources.NoteCode(filename, code, lineOffset, columnOffset, 0)
		}
		m := map[int][][2]int{}
		for i := 0; i+2 < len(ins); i += 3 {
			m[ins[i]] = append(m[ins[i]], [2]int{ins[i+1], ins[i+2]})
		}
		for _, l := range m {
			sort.Slice(l, func(i, j int) bool { return l[i][0] < l[j][0] })
		}
		return sourceMapCommentWith(code, filename, lineOffset, columnOffset, 0, m)
	})
	// functionSourceMap(src, filename, lineOffset, columnOffset) is the same for a function
	// compileFunction wraps as "(function (params) {\nbody\n})": the body starts on src's second line.
	o.Set("functionSourceMap", func(src, filename string, lineOffset, columnOffset int) string {
		if h.Sources != nil {
			h.Sources.NoteCode(filename, src, lineOffset, columnOffset, 1)
		}
		return sourceMapComment(src, filename, lineOffset, columnOffset, 1)
	})
	return nil
}

// thisMapperName is the name the evaluator binds a context's thisMapper to (see thisEdits).
const thisMapperName = "__gojsVmTh$"

// installUnrewriteThis wraps Function.prototype.toString so that the text of a function whose
// `this` thisEdits rewrote reads as written.
func installUnrewriteThis(vm *goja.Runtime) {
	proto := modules.Func(vm, "", 0, func(goja.FunctionCall) goja.Value { return nil }).Prototype()
	if proto == nil {
		return
	}
	orig, ok := goja.AssertFunction(proto.Get("toString"))
	if !ok {
		return
	}
	fn := modules.Func(vm, "toString", 0, func(call goja.FunctionCall) goja.Value {
		v := modules.CallThrowing(orig, call.This, call.Arguments...)
		if s, ok := v.(goja.String); ok {
			if t := s.String(); strings.Contains(t, thisOpen) {
				return vm.ToValue(unrewriteThis(t))
			}
		}
		return v
	})
	_ = proto.DefineDataProperty("toString", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// contextRewrite is code with unvar's and thisEdits' edits made (each where it can be), its
// insertions, and which of the two were made.
func contextRewrite(code string) (out string, ins []insertion, unvared, thised bool) {
	hasVar, hasThis := strings.Contains(code, "var"), strings.Contains(code, "this")
	if !hasVar && !hasThis {
		return code, nil, false, false
	}
	prg, err := parser.ParseFile(nil, "", code, 0)
	if err != nil {
		return code, nil, false, false
	}
	var vars, this []edit
	if hasVar {
		vars, unvared = unvarEdits(prg, code)
	}
	if hasThis {
		this = thisEdits(prg, code)
	}
	if unvared && len(this) != 0 {
		if out, ins, ok := applyEdits(code, append(append([]edit(nil), vars...), this...), true); ok {
			return out, ins, true, true
		}
	}
	if unvared {
		if out, ins, ok := applyEdits(code, vars, true); ok {
			return out, ins, true, false
		}
	}
	if len(this) != 0 {
		// (no parse to check: each edit wraps a primary expression in a call, makes it a
		// name, or starts a function body with a var statement)
		if out, ins, ok := applyEdits(code, this, false); ok {
			return out, ins, false, true
		}
	}
	return code, nil, false, false
}

// throwVia throws on what a script's run failed with (err, since at): a stack overflow as
// node's RangeError, anything else as it was thrown; onError, when not nil, is first called with
// the value thrown (vm's decoration of it).
func throwVia(h *modules.Host, onError goja.Callable, err error, at eventloop.VMMark) {
	if v, ok := h.CatchOverflow(err, at); ok {
		if onError != nil {
			_, _ = onError(goja.Undefined(), v)
		}
		panic(v)
	}
	var ex *goja.Exception
	if onError != nil && errors.As(err, &ex) {
		// a native error gets the excerpt of where it was thrown, as node's own throw sites
		// and rethrows place it; anything else (or no such place) the glue's decoration
		if h.DecorateThrown == nil || !h.DecorateThrown(err) {
			_, _ = onError(goja.Undefined(), ex.Value())
		}
	}
	panic(err)
}

// earlyCloseBrace is the offset of the '}' that closes the wrapper function of compileFunction's
// source when prg begins with it, or -1.
func earlyCloseBrace(prg *ast.Program) int {
	if len(prg.Body) == 0 {
		return -1
	}
	if es, ok := prg.Body[0].(*ast.ExpressionStatement); ok {
		if fl, ok := es.Expression.(*ast.FunctionLiteral); ok {
			return int(fl.Idx1()) - 2
		}
	}
	return -1
}

// srcPosition is the 1-based line and byte column of byte offset off in src.
func srcPosition(src string, off int) (line, col int) {
	start := strings.LastIndexByte(src[:off], '\n') + 1
	return strings.Count(src[:off], "\n") + 1, off - start + 1
}

// markSyntax gives the SyntaxError ex the place V8 would mark, for the glue to decorate its
// stack as node does: under posKey, the line (of the code the glue decorates: line of src less
// skip, the lines of a wrapper) and node's carets under it, width bytes from the 1-based byte
// column col of src's line.
func markSyntax(vm *goja.Runtime, ex goja.Value, src string, line, col, width, skip int) {
	if obj, isObj := ex.(*goja.Object); isObj {
		pos := vm.NewArray(line-skip, modules.Carets(modules.LineText(src, line), col, width))
		_ = obj.DefineDataProperty(posKey, pos, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// syntaxMsg takes goja's location prefix and error count off a syntax error message.
var syntaxMsg = modules.Lazy[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`^(?s:.*?)Line \d+:\d+ (.*?)(?: \(and \d+ more errors\))?$`)
}}

// importName stands for `import` in the dynamic import() calls of rewritten scripts: an ASCII
// identifier as long as the keyword (goja's columns count bytes), bound by the evaluator of a
// context and, for scripts run in this context, a non-enumerable global.
const importName = "$gojsI"

const timeoutSentinel = "\x00gojs-vm-timeout\x00"

// posKey names the property a compile SyntaxError keeps its position in.
const posKey = "__gojsVmSyntaxPos$"

// Past these sizes a source map maps each line's start only (columns then read 1): a
// per-column map of a big script would cost more than the run.
const (
	maxMappedCode = 1 << 18
	maxMappedLine = 2000
)

// sourceMapComment builds an inline source map that maps every position of code to itself in
// filename, shifted by the offsets (columnOffset on the first line only, as V8 does). The code
// of the source starts on line first of code: the lines before it map to the source's first.
func sourceMapComment(code, filename string, lineOffset, columnOffset, first int) string {
	return sourceMapCommentWith(code, filename, lineOffset, columnOffset, first, nil)
}

// sourceMapCommentWith is sourceMapComment for code run with text inserted (ins: per line of
// code, the UTF-16 column of each insertion and its length, in order): the inserted characters
// map to the column they were inserted at, those after them to their own.
func sourceMapCommentWith(code, filename string, lineOffset, columnOffset, first int, ins map[int][][2]int) string {
	var m []byte
	prevLine, prevCol := 0, 0
	genPrev, g := 0, 0
	emit := func(gen, sl, sc int) {
		if g > 0 {
			m = append(m, ',')
		}
		m = appendVLQ(m, gen-genPrev)
		m = append(m, 'A')
		m = appendVLQ(m, sl-prevLine)
		m = appendVLQ(m, sc-prevCol)
		genPrev, prevLine, prevCol = gen, sl, sc
		g++ // (g counts the line's segments)
	}
	line := 0
	for start := 0; start <= len(code); line++ {
		end := strings.IndexByte(code[start:], '\n')
		if end < 0 {
			end = len(code)
		} else {
			end += start
		}
		if line > 0 {
			m = append(m, ';')
		}
		text := code[start:end]
		start = end + 1
		genPrev, g = 0, 0
		// the source's place of UTF-16 column u of this line
		place := func(u int) (int, int) {
			if line < first {
				return lineOffset, 0
			}
			if line == first {
				return line - first + lineOffset, u + columnOffset
			}
			return line - first + lineOffset, u
		}
		if line < first || len(code) > maxMappedCode || len(text) > maxMappedLine && utf16Len(text) > maxMappedLine {
			sl, sc := place(0)
			emit(0, sl, sc) // (one segment: the line's start)
			continue
		}
		// goja's columns count bytes of the code it runs; the source's count UTF-16 units.
		// goja looks a position up by its 1-based column, the map's 0-based one after it: a
		// token at byte b maps through the segment at b+1 (or the last one before it). So each
		// character gets a segment, but for one after a character that starts no token (inside
		// a run of identifier characters or of blanks: fewer segments make a smaller map, which
		// goja parses again on every run); a character of several bytes gets one more at its
		// second byte. Text inserted before a character maps to that character's column.
		lineIns := ins[line]
		gen, u := 0, 0
		c1, c2 := -1, -1 // the classes of the two characters before
		for b := 0; ; {
			k := 0
			for len(lineIns) > 0 && lineIns[0][0] <= u {
				if lineIns[0][0] == u {
					k += lineIns[0][1]
				}
				lineIns = lineIns[1:]
			}
			sl, sc := place(u)
			if k > 0 {
				emit(gen, sl, sc)
				gen += k
			}
			if b >= len(text) {
				if k == 0 {
					emit(gen, sl, sc) // (the line's end)
				}
				break
			}
			r, w := utf8.DecodeRuneInString(text[b:])
			cl := charClass(r)
			if k == 0 && (c1 < 0 || c1 == 0 || c2 < 0 || c1 != c2) {
				emit(gen, sl, sc)
			}
			if w > 1 {
				emit(gen+1, sl, sc+1)
			}
			c2, c1 = c1, cl
			gen += w
			b += w
			u += utf16.RuneLen(r)
		}
	}
	js, _ := json.Marshal(map[string]any{"version": 3, "sources": []string{modules.EvalSourceScheme + url.PathEscape(filename)}, "names": []string{}, "mappings": string(m)})
	return "\n//# sourceMappingURL=data:application/json;base64," + base64.StdEncoding.EncodeToString(js)
}

// charClass sorts a character for sourceMapCommentWith: 1 an ASCII identifier character, 2 a
// blank, 0 anything else (a token may start at each).
func charClass(r rune) int {
	switch {
	case r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
		return 1
	case r == ' ' || r == '\t':
		return 2
	}
	return 0
}

// utf16Len is the length of s in UTF-16 units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

const vlqDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func appendVLQ(b []byte, n int) []byte {
	v := n << 1
	if n < 0 {
		v = (-n)<<1 | 1
	}
	for {
		d := v & 31
		v >>= 5
		if v != 0 {
			d |= 32
		}
		b = append(b, vlqDigits[d])
		if v == 0 {
			return b
		}
	}
}

func throwSyntax(vm *goja.Runtime, msg string) goja.Value {
	ctor := vm.Get("SyntaxError")
	obj, err := vm.New(ctor, vm.ToValue(msg))
	if err != nil {
		return vm.ToValue(msg)
	}
	return obj
}

func collect(t ast.BindingTarget, add func(string)) {
	switch t := t.(type) {
	case *ast.Identifier:
		add(t.Name.String())
	case *ast.ArrayPattern:
		for _, e := range t.Elements {
			if bt, ok := e.(ast.BindingTarget); ok {
				collect(bt, add)
			} else if ae, ok := e.(*ast.AssignExpression); ok {
				collectDefault(ae, add)
			}
		}
		if bt, ok := t.Rest.(ast.BindingTarget); ok {
			collect(bt, add)
		}
	case *ast.ObjectPattern:
		for _, p := range t.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				add(p.Name.Name.String())
			case *ast.PropertyKeyed:
				if bt, ok := p.Value.(ast.BindingTarget); ok {
					collect(bt, add)
				} else if ae, ok := p.Value.(*ast.AssignExpression); ok {
					collectDefault(ae, add)
				}
			}
		}
		if bt, ok := t.Rest.(ast.BindingTarget); ok {
			collect(bt, add)
		}
	}
}

// collectDefault collects the target of a pattern's element or property with a default value
// ([a = 1], {k: b = 2}).
func collectDefault(ae *ast.AssignExpression, add func(string)) {
	if bt, ok := ae.Left.(ast.BindingTarget); ok {
		collect(bt, add)
	}
}

// evalName stands for `eval` where a context's script reads it as a value (see indirectEvals): an
// ASCII identifier as long as the name, so that positions hold.
const evalName = "$gE$"

// indirectEvals: see the indirectEvals binding.
func indirectEvals(code string) string {
	prg, err := parser.ParseFile(nil, "", code, 0)
	if err != nil {
		return code
	}
	isEval := func(e any) bool {
		id, ok := e.(*ast.Identifier)
		return ok && id.Name == "eval"
	}
	skip := map[*ast.Identifier]bool{}
	var refs []*ast.Identifier
	binds := false
	modules.WalkAST(reflect.ValueOf(prg.Body), func(v reflect.Value) bool {
		switch n := v.Interface().(type) {
		case *ast.CallExpression:
			if isEval(n.Callee) {
				skip[n.Callee.(*ast.Identifier)] = true
			}
		case *ast.NewExpression:
			if isEval(n.Callee) {
				skip[n.Callee.(*ast.Identifier)] = true // (new eval(x) fails as it is)
			}
		case *ast.LabelledStatement:
			skip[n.Label] = true
		case *ast.BranchStatement:
			if n.Label != nil {
				skip[n.Label] = true
			}
		case *ast.Binding:
			binds = binds || isEval(n.Target)
		case *ast.FunctionLiteral:
			binds = binds || (n.Name != nil && n.Name.Name == "eval")
		case *ast.ClassLiteral:
			binds = binds || (n.Name != nil && n.Name.Name == "eval")
		case *ast.CatchStatement:
			binds = binds || isEval(n.Parameter)
		case *ast.AssignExpression:
			binds = binds || isEval(n.Left)
		case *ast.UnaryExpression:
			binds = binds || ((n.Operator == token.INCREMENT || n.Operator == token.DECREMENT) && isEval(n.Operand))
		case *ast.ForDeclaration:
			binds = binds || isEval(n.Target)
		case *ast.ForIntoExpression:
			binds = binds || isEval(n.Expression)
		case *ast.ArrayPattern:
			for _, e := range n.Elements {
				binds = binds || isEval(e)
			}
		case *ast.ObjectPattern:
			for _, p := range n.Properties {
				switch p := p.(type) {
				case *ast.PropertyShort:
					binds = binds || p.Name.Name == "eval"
				case *ast.PropertyKeyed:
					binds = binds || isEval(p.Value)
				}
			}
		case *ast.Identifier:
			if n.Name == "eval" {
				refs = append(refs, n)
			}
		}
		return !binds
	})
	if binds {
		return code
	}
	b := []byte(code)
	changed := false
	for _, id := range refs {
		at := int(id.Idx) - 1
		if skip[id] || at < 0 || at+len("eval") > len(b) || string(b[at:at+len("eval")]) != "eval" {
			continue
		}
		copy(b[at:], evalName)
		changed = true
	}
	if !changed {
		return code
	}
	return string(b)
}

// keepDeclared: see the keepDeclared binding.
func keepDeclared(code string, names []string) string {
	prg, err := parser.ParseFile(nil, "", code, 0)
	if err != nil {
		return code
	}
	want := make(map[string]bool, len(names))
	for _, n := range names {
		want[n] = true
	}
	var spans [][2]int
	modules.WalkAST(reflect.ValueOf(prg.Body), func(v reflect.Value) bool {
		if u, ok := v.Interface().(*ast.UnaryExpression); ok && u.Operator == token.DELETE {
			if id, ok := u.Operand.(*ast.Identifier); ok && want[id.Name.String()] {
				from, kw, to := int(u.Idx)-1, int(u.Idx)-1+len("delete"), int(id.Idx1())-1
				if from >= 0 && to <= len(code) && kw <= int(id.Idx)-1 {
					// (delete (x): the parser keeps no parentheses, so the span takes in
					// as many closing ones after x as there are opening ones before it)
					opens := strings.Count(code[kw:int(id.Idx)-1], "(")
					if strings.Trim(code[kw:int(id.Idx)-1], " \t\r\n(") == "" {
						for opens > 0 && to < len(code) {
							if c := code[to]; c == ')' {
								opens--
							} else if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
								break
							}
							to++
						}
						if opens == 0 && to-from >= len("(false)") {
							spans = append(spans, [2]int{from, to})
							return false
						}
					}
				}
			}
		}
		return true
	})
	if len(spans) == 0 {
		return code
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if sp[0] < last {
			continue
		}
		b.WriteString(code[last:sp[0]])
		// (line breaks stay, so that the lines after keep their numbers)
		b.WriteString("(false)")
		b.WriteString(strings.Repeat("\n", strings.Count(code[sp[0]:sp[0]+len("(false)")], "\n")))
		for _, c := range []byte(code[sp[0]+len("(false)") : sp[1]]) {
			if c == '\n' {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		last = sp[1]
	}
	b.WriteString(code[last:])
	return b.String()
}
