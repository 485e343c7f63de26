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
package vm

import (
	_ "embed"
	"errors"
	"regexp"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed vm.js
var glue string

// Module is "vm".
var Module = modules.Module{Name: "vm", Bind: bind, JS: glue}

type timeoutErr struct{}

func bind(h *modules.Host, o *goja.Object) error {
	vm := h.VM
	// compile(code, filename) compiles a script; a syntax error throws a SyntaxError.
	o.Set("compile", func(code, filename string) goja.Value {
		prg, err := goja.Compile(filename, code, false)
		if err != nil {
			msg := err.Error()
			if se, ok := modules.V8SyntaxError(err, code); ok {
				msg = se.Message
			} else if m := syntaxMsg().FindStringSubmatch(msg); m != nil {
				msg = m[1]
			}
			panic(throwSyntax(vm, msg))
		}
		return vm.ToValue(prg)
	})
	// run(program) runs a compiled script in the global scope.
	o.Set("run", func(p goja.Value) goja.Value {
		prg, _ := p.Export().(*goja.Program)
		v, err := vm.RunProgram(prg)
		if err != nil {
			panic(err)
		}
		return v
	})
	// declared(code) lists the script's top-level function and var declarations, functions first.
	o.Set("declared", func(code string) []string {
		prg, err := parser.ParseFile(nil, "", code, 0)
		if err != nil {
			return nil
		}
		var fns, vars []string
		seen := map[string]bool{}
		add := func(list *[]string, name string) {
			if !seen[name] {
				seen[name] = true
				*list = append(*list, name)
			}
		}
		var walk func(ast.Statement)
		walk = func(s ast.Statement) {
			switch s := s.(type) {
			case *ast.FunctionDeclaration:
				if s.Function.Name != nil {
					add(&fns, string(s.Function.Name.Name))
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
		return append(fns, vars...)
	})
	// withTimeout(ms, fn) calls fn, interrupting it after ms milliseconds.
	o.Set("withTimeout", func(ms float64, fn goja.Callable) goja.Value {
		t := time.AfterFunc(time.Duration(ms*float64(time.Millisecond)), func() { vm.Interrupt(timeoutErr{}) })
		v, err := fn(goja.Undefined())
		stopped := t.Stop()
		if err != nil {
			var ie *goja.InterruptedError
			if errors.As(err, &ie) {
				if _, ok := ie.Value().(timeoutErr); ok {
					vm.ClearInterrupt()
					return vm.ToValue(timeoutSentinel)
				}
			}
			panic(err)
		}
		if !stopped {
			// The timer fired after fn returned: drop the pending interrupt.
			vm.ClearInterrupt()
		}
		return v
	})
	o.Set("timeoutSentinel", timeoutSentinel)
	return nil
}

// syntaxMsg takes goja's location prefix and error count off a syntax error message.
var syntaxMsg = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?s:.*?)Line \d+:\d+ (.*?)(?: \(and \d+ more errors\))?$`)
})

const timeoutSentinel = "\x00gojs-vm-timeout\x00"

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
		add(string(t.Name))
	case *ast.ArrayPattern:
		for _, e := range t.Elements {
			if bt, ok := e.(ast.BindingTarget); ok {
				collect(bt, add)
			}
		}
		if bt, ok := t.Rest.(ast.BindingTarget); ok {
			collect(bt, add)
		}
	case *ast.ObjectPattern:
		for _, p := range t.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				add(string(p.Name.Name))
			case *ast.PropertyKeyed:
				if bt, ok := p.Value.(ast.BindingTarget); ok {
					collect(bt, add)
				}
			}
		}
		if bt, ok := t.Rest.(ast.BindingTarget); ok {
			collect(bt, add)
		}
	}
}
