package runtime

import (
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/unistring"
)

// defineHiddenGlobal binds name, in the global scope, to v as a script's top-level `let` would:
// a binding of the global declarative scope, not a property of the global object, so that
// Object.getOwnPropertyNames(globalThis), `for in` and `'x' in globalThis` never see it (node
// has no such globals). The names given are not identifiers a source can write ("%gojs_pow"):
// only code whose tree the runtime rewrote reaches them, and a program's own declarations can
// neither clash with nor shadow them. The declaring program is compiled once per process and
// name; a second call for a name only sets it. Loop only.
func defineHiddenGlobal(vm *goja.Runtime, name string, v goja.Value) {
	if vm.Get(name) == nil { // (Get sees the global scope's bindings too)
		if prg := hiddenLetProgram(name); prg != nil {
			if _, err := vm.RunProgram(prg); err != nil {
				return
			}
		}
	}
	_ = vm.Set(name, v) // (Set assigns an existing binding of the global scope first)
}

var hiddenLets sync.Map // name → *goja.Program (nil when it did not compile)

// hiddenLetProgram is the program `let <name>;`, built from a parsed `let x;` whose identifier
// is renamed (name cannot be written in a source).
func hiddenLetProgram(name string) *goja.Program {
	if p, ok := hiddenLets.Load(name); ok {
		return p.(*goja.Program)
	}
	var prg *goja.Program
	if tree, err := parser.ParseFile(nil, "gojs:hidden", "let x;", 0); err == nil && len(tree.Body) == 1 {
		if d, ok := tree.Body[0].(*ast.LexicalDeclaration); ok && len(d.List) == 1 {
			if id, ok := d.List[0].Target.(*ast.Identifier); ok {
				id.Name = unistring.NewFromString(name)
				prg, _ = goja.CompileAST(tree, true)
			}
		}
	}
	p, _ := hiddenLets.LoadOrStore(name, prg)
	return p.(*goja.Program)
}
