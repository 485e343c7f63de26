package modules

import (
	"reflect"
	"sort"
	"strings"
	"unsafe"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
)

// Code that goja compiles from its text, where no AST can be handed over (eval, indirect eval,
// new Function, a vm context's eval), misses the AST workarounds the loader's compiles get.
// FixLogicalAssignSource and FixConstantThrowsSource are FixLogicalAssign and
// FixConstantThrows for such code: they write the rewritten operations into the text, so
// columns move on those lines only, after the rewritten operation.

// FixLogicalAssignSource is FixLogicalAssign for code compiled from its text: each `a op= b`
// it rewrites (a a variable and b awaiting or yielding, or a a plain property target) written
// `a op (a = b)`, or src itself. Without it such code panics inside goja when resumed, or sets
// a primitive's property without a word.
func FixLogicalAssignSource(src string) string {
	if !NeedsLogicalAssignFix(src) {
		return src
	}
	prg, err := parser.ParseFile(nil, "", src, 0)
	if err != nil {
		return src
	}
	FixLogicalAssign(prg, src)
	var edits []TextEdit
	walkNodes(reflect.ValueOf(prg), func(v reflect.Value) {
		b, ok := v.Interface().(*ast.BinaryExpression)
		if !ok {
			return
		}
		as, ok := b.Right.(*ast.AssignExpression)
		if !ok || as.Operator != token.ASSIGN || as.Left == nil || b.Left == nil {
			return
		}
		if reflect.ValueOf(b.Left).UnsafePointer() == reflect.ValueOf(as.Left).UnsafePointer() || b.Left.Idx0() != as.Left.Idx0() {
			return // (the parser's own `a ?? (a = b)` has two targets at two places)
		}
		tf, tt := int(as.Left.Idx0())-1, int(as.Left.Idx1())-1
		if tf < 0 || tt > len(src) || tf > tt {
			return
		}
		target := src[tf:tt]
		op := b.Operator.String() + "="
		from := tt
		to := int(as.Right.Idx0()) - 1
		if from < 0 || to > len(src) || from > to {
			return
		}
		i := strings.Index(src[from:to], op)
		if i < 0 {
			return
		}
		end := int(exprEnd(as.Right)) - 1
		if end < to || end > len(src) {
			return
		}
		edits = append(edits,
			TextEdit{At: from + i, End: from + i + len(op), Text: b.Operator.String() + " (" + target + " ="},
			TextEdit{At: end, End: end, Text: ")"})
	})
	return ApplyTextEdits(src, edits)
}

// FixConstantThrowsSource is FixConstantThrows for code compiled from its text: the right
// operand of each operation on literals that throws written `(0,right)`, which goja does not
// fold, or src itself.
func FixConstantThrowsSource(src string) string {
	if len(constantThrowOffsets(src)) == 0 {
		return src
	}
	prg, err := parser.ParseFile(nil, "", src, 0)
	if err != nil {
		return src
	}
	FixConstantThrows(prg, src)
	var edits []TextEdit
	walkNodes(reflect.ValueOf(prg), func(v reflect.Value) {
		s, ok := v.Interface().(*ast.SequenceExpression)
		if !ok || len(s.Sequence) != 1 {
			return // (the parser makes one of at least two)
		}
		at, end := int(s.Sequence[0].Idx0())-1, int(exprEnd(s.Sequence[0]))-1
		if at < 0 || end > len(src) || at > end {
			return
		}
		edits = append(edits, TextEdit{At: at, End: at, Text: "(0,"}, TextEdit{At: end, End: end, Text: ")"})
	})
	return ApplyTextEdits(src, edits)
}

// FixEvalSource is src, code goja compiles from its text, with the workarounds of
// FixMaxCodePointEscapes, FixArgumentsSource, FixContinueChainsSource, FixLogicalAssignSource
// and FixConstantThrowsSource; src itself when none applies (each skips, by a scan of the
// text, what cannot apply).
func FixEvalSource(src string) string {
	return LowerFlagLiteralsSource(FixEvalOnlySource(FixContinueChainsSource(FixArgumentsSource(FixMaxCodePointEscapes(src)))))
}

// FixEvalOnlySource is src, code goja compiles from its text, with the workarounds of
// FixLogicalAssignSource and FixConstantThrowsSource, or src itself.
func FixEvalOnlySource(src string) string {
	return FixConstantThrowsSource(FixLogicalAssignSource(src))
}

// FixFunctionBody is FixEvalSource for the body of new Function(params..., body) (params
// joined by commas): the body rewritten as the function's source needs, or body itself.
func FixFunctionBody(params, body string) string {
	body = FixArgumentsBody(params, body)
	if !NeedsLogicalAssignFix(body) && len(constantThrowOffsets(body)) == 0 {
		return body
	}
	prefix, suffix := "(function anonymous("+params+"\n) {\n", "\n})"
	src := prefix + body + suffix
	out := FixConstantThrowsSource(FixLogicalAssignSource(src))
	if out == src || !strings.HasPrefix(out, prefix) || !strings.HasSuffix(out, suffix) {
		return body
	}
	return out[len(prefix) : len(out)-len(suffix)]
}

// exprEnd is e's Idx1, where goja's is short: `new X()` ends at its ")" (goja's Idx1 is X's end
// when the argument list is empty), also as the last operand of an operation.
func exprEnd(e ast.Expression) file.Idx {
	switch e := e.(type) {
	case *ast.NewExpression:
		if e.RightParenthesis > 0 {
			return e.RightParenthesis + 1
		}
	case *ast.BinaryExpression:
		return exprEnd(e.Right)
	case *ast.AssignExpression:
		return exprEnd(e.Right)
	case *ast.ConditionalExpression:
		return exprEnd(e.Alternate)
	case *ast.AwaitExpression:
		return exprEnd(e.Argument)
	case *ast.UnaryExpression:
		if !e.Postfix {
			return exprEnd(e.Operand)
		}
	case *ast.SequenceExpression:
		if n := len(e.Sequence); n > 0 {
			return exprEnd(e.Sequence[n-1])
		}
	}
	return e.Idx1()
}

// TextEdit replaces src[At:End] by Text.
type TextEdit struct {
	At, End int
	Text    string
}

// ApplyTextEdits is src with edits (not overlapping) made, or src when they overlap.
func ApplyTextEdits(src string, edits []TextEdit) string {
	if len(edits) == 0 {
		return src
	}
	// (at one offset a closing ")" goes before what opens there)
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].At != edits[j].At {
			return edits[i].At < edits[j].At
		}
		return edits[i].Text == ")" && edits[j].Text != ")"
	})
	var b strings.Builder
	last := 0
	for _, e := range edits {
		if e.At < last {
			return src
		}
		b.WriteString(src[last:e.At])
		b.WriteString(e.Text)
		last = e.End
	}
	b.WriteString(src[last:])
	return b.String()
}

// walkNodes hands every node under v (through reflection) to visit, once (declaration lists
// hold nodes of the body again).
func walkNodes(v reflect.Value, visit func(v reflect.Value)) {
	seen := map[unsafe.Pointer]bool{}
	var walk func(reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Pointer:
			if v.IsNil() || v.Type() == fileType || seen[v.UnsafePointer()] {
				return
			}
			seen[v.UnsafePointer()] = true
			if _, ok := v.Interface().(ast.Node); ok {
				visit(v)
			}
			if v.Elem().Kind() == reflect.Struct {
				walk(v.Elem())
			}
		case reflect.Struct:
			if v.Type() == identType.Elem() {
				return
			}
			walkChildren(v, walk)
		case reflect.Slice:
			walkChildren(v, walk)
		}
	}
	walk(v)
}
