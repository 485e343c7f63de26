package runtime

import (
	"runtime"
	"strings"
	"sync"
	"weak"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

// The runtime's side of modules.GuardRecursion: which compiled programs it rewrote (the loader
// then calls the program's value with the check to get the module's wrapper), and the check.

// guardedPrograms holds the programs GuardRecursion rewrote (programs are shared by the
// runtimes of a process through the caches; an entry goes with its program).
var guardedPrograms sync.Map // weak.Pointer[goja.Program] -> struct{}

func noteGuardedProgram(prg *goja.Program) {
	k := weak.Make(prg)
	guardedPrograms.Store(k, struct{}{})
	runtime.AddCleanup(prg, func(k weak.Pointer[goja.Program]) { guardedPrograms.Delete(k) }, k)
}

func isGuardedProgram(prg *goja.Program) bool {
	_, ok := guardedPrograms.Load(weak.Make(prg))
	return ok
}

// unguard turns the value of a guarded program (the function taking the check) into the
// module's wrapper.
func (rt *Runtime) unguard(fn goja.Value) goja.Value {
	outer, ok := goja.AssertFunction(fn)
	if !ok {
		return fn
	}
	if rt.recursionCheck == nil {
		rt.recursionCheck = rt.vm.ToValue(rt.checkRecursion)
	}
	w, err := outer(goja.Undefined(), rt.recursionCheck, rt.vm.ToValue(1))
	if err != nil {
		panic(err)
	}
	return w
}

// declareRecursionGlobals declares, once, the global lexical bindings a script guarded by
// modules.GuardRecursionScript uses: the check and the budget (no property of the global
// object; their names are no identifier a program can write).
func (rt *Runtime) declareRecursionGlobals() {
	if rt.recursionGlobals {
		return
	}
	rt.recursionGlobals = true
	if rt.recursionCheck == nil {
		rt.recursionCheck = rt.vm.ToValue(rt.checkRecursion)
	}
	tree, err := parser.ParseFile(nil, "", "let rb = 1, rc = rcinit;", 0)
	if err != nil {
		panic(err)
	}
	decl := tree.Body[0].(*ast.LexicalDeclaration)
	decl.List[0].Target.(*ast.Identifier).Name = modules.RecursionBudget
	decl.List[1].Target.(*ast.Identifier).Name = modules.RecursionCheckParam
	const init = "%rcinit"
	decl.List[1].Initializer.(*ast.Identifier).Name = init
	prg, err := goja.CompileAST(tree, false)
	if err != nil {
		panic(err)
	}
	g := rt.vm.GlobalObject()
	_ = g.Set(init, rt.recursionCheck)
	defer g.Delete(init)
	if _, err := rt.vm.RunProgram(prg); err != nil {
		panic(err)
	}
}

// guardScript is Host.GuardRecursion: a vm script's recursion guarded as a -e script's.
func (rt *Runtime) guardScript(prg *ast.Program) {
	if modules.GuardRecursionScript(prg) {
		rt.declareRecursionGlobals()
	}
}

// declareSourceRecursionGlobals declares, once, the global lexical bindings the checks written
// into code compiled from its text use (modules.GuardRecursionSource), and reports whether
// they are there.
func (rt *Runtime) declareSourceRecursionGlobals() bool {
	if rt.sourceRecursionGlobals {
		return true
	}
	check := rt.vm.ToValue(rt.checkRecursionSource)
	tree, err := parser.ParseFile(nil, "", "let rb = {n: 1}, rc = rcinit;", 0)
	if err != nil {
		return false
	}
	decl := tree.Body[0].(*ast.LexicalDeclaration)
	decl.List[0].Target.(*ast.Identifier).Name = modules.RecursionBudgetSource
	decl.List[1].Target.(*ast.Identifier).Name = modules.RecursionCheckSource
	const init = "%rcinit"
	decl.List[1].Initializer.(*ast.Identifier).Name = init
	prg, err := goja.CompileAST(tree, false)
	if err != nil {
		return false
	}
	g := rt.vm.GlobalObject()
	_ = g.Set(init, check)
	defer g.Delete(init)
	if _, err := rt.vm.RunProgram(prg); err != nil {
		return false // (a program declared one of the names itself)
	}
	rt.sourceRecursionGlobals = true
	rt.installUnguardToString()
	return true
}

// installUnguardToString has Function.prototype.toString give the text of a function made from
// guarded text (eval, new Function: guardSourceOption) as the program wrote it, without the
// checks (modules.UnguardSource); other functions' text is goja's, as it was.
func (rt *Runtime) installUnguardToString() {
	rt.fixFunctionText(func(s goja.String) goja.Value {
		if t := s.String(); strings.Contains(t, modules.RecursionBudgetSource) {
			return rt.vm.ToValue(modules.UnguardSource(t))
		}
		return nil
	})
}

// checkRecursionSource is checkRecursion for the checks written into text: its argument is the
// budget's object, whose n it sets (1 first: a check that threw leaves it there, so that the
// next call checks again).
func (rt *Runtime) checkRecursionSource(call goja.FunctionCall) goja.Value {
	o, ok := call.Argument(0).(*goja.Object)
	if !ok {
		return goja.Undefined()
	}
	one := rt.vm.ToValue(1)
	_ = o.Set("n", one)
	_ = o.Set("n", rt.checkRecursion(call))
	return one
}

// checkRecursion is the guard's check (%rc): past recursionLimit frames it throws node's
// RangeError; below, it returns how many guarded calls may run before the next check: an
// eighth of the frames left, so that even calls that each bring several unguarded frames
// cannot reach goja's own limit in between, and at most maxRecursionBudget.
func (rt *Runtime) checkRecursion(goja.FunctionCall) goja.Value {
	depth, ok := eventloop.CallDepth(rt.vm)
	if !ok {
		return rt.vm.ToValue(1 << 30) // (no probe: goja's own limit stands)
	}
	limit := rt.recursionLimit()
	if depth >= limit {
		panic(rt.recursionError())
	}
	return rt.vm.ToValue(min((limit-depth)/8+1, maxRecursionBudget))
}

// maxRecursionBudget bounds a budget: the guard's decrement stores each count in a goja value,
// which for a number this small is one of goja's (and Go's) preallocated ones; a larger budget
// made each guarded call allocate (fib(30) 1.9x CPU of an unguarded run, 1.4x now).
const maxRecursionBudget = 127

// recursionLimit is where the guard throws: goja's limit less a sixteenth, room for what the
// catch blocks do.
func (rt *Runtime) recursionLimit() int {
	max := rt.opts.MaxCallStackSize
	return max - max/16
}

// recursionError is node's RangeError for a guarded call over the limit. Its stack is the
// recursion's, beginning with the frame of the function whose check refused the call, at its
// first statement (the check's own frame left out).
func (rt *Runtime) recursionError() goja.Value {
	n := 10
	if rt.stacks != nil {
		n = max(rt.stacks.limit(), 1)
	}
	inner := rt.vm.CaptureCallStack(n+1, nil)
	if len(inner) < 2 {
		return (*overflowMaker)(rt).overflowWithFrames(inner)
	}
	return (*overflowMaker)(rt).overflowError(inner[1:], inner)
}
