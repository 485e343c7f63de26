package modules

import (
	"reflect"

	"github.com/dop251/goja/ast"
)

// goja records no place for a literal: a pattern given one that it refuses (`const { a } =
// null`, `[x] = null`) throws where the engine last recorded a place, the start of the
// enclosing function (the module wrapper's, before the file's first line, for top-level
// code), so the runtime could neither word the error as V8 (it read the wrong line) nor place
// it. FixNullPatterns makes goja record the literal's place: each such null initializer
// becomes the sequence `(undefined, null)`, whose read of the name `undefined` is placed at the
// literal (a read of a name is recorded), and which evaluates to the same null. Only
// declarations of and assignments to object and array patterns given the literal null change.

// FixNullPatterns works around that in a parsed program (src is its source, to skip the walk
// when it cannot apply). The loader's compiles go through it.
func FixNullPatterns(prg *ast.Program, src string) {
	offs := IndexAll(src, "= null", "=null")
	if len(offs) == 0 {
		return
	}
	defer func() { _ = recover() }() // (as FixNewTarget: what was rewritten so far stays)
	walkNearOffsets(reflect.ValueOf(prg), offs, func(v reflect.Value, walk func(reflect.Value)) {
		walk(v.Elem())
		switch n := v.Interface().(type) {
		case *ast.VariableStatement:
			placeNullInitializers(n.List)
		case *ast.LexicalDeclaration:
			placeNullInitializers(n.List)
		case *ast.AssignExpression:
			if isPattern(n.Left) {
				n.Right = placedNull(n.Right)
			}
		}
	})
}

// placeNullInitializers rewrites the null initializers of the patterns in list.
func placeNullInitializers(list []*ast.Binding) {
	for _, b := range list {
		if b != nil && isPattern(b.Target) {
			b.Initializer = placedNull(b.Initializer)
		}
	}
}

func isPattern(e ast.Node) bool {
	switch e.(type) {
	case *ast.ObjectPattern, *ast.ArrayPattern:
		return true
	}
	return false
}

// placedNull is e, or for a null literal `(undefined, null)` placed at it.
func placedNull(e ast.Expression) ast.Expression {
	lit, ok := e.(*ast.NullLiteral)
	if !ok {
		return e
	}
	return &ast.SequenceExpression{Sequence: []ast.Expression{&ast.Identifier{Name: "undefined", Idx: lit.Idx}, lit}}
}
