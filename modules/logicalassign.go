package modules

import (
	"reflect"
	"sort"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// goja mis-compiles a logical assignment to a variable whose right side awaits or yields
// (`pkg ??= await load()`, `x ||= yield`): it holds a reference to the variable's scope slot
// across the suspension, so resuming an async function writes through a stale one and the
// process dies of an index-out-of-range panic inside goja (npm's `run` and `pack` commands do
// this), and a generator loses the value it was resumed with. FixLogicalAssign rewrites each
// such `a op= b` (op ??, || or &&) to `a op (a = b)`, which the spec defines it as for a
// variable (the right side is evaluated, and a is assigned, only when op needs it; a function
// on the right is named a either way). A property target (o.p ??= await x) compiles right and
// is left alone for that bug.
//
// goja also runs a logical assignment to a property through a reference to the object its
// target's base converts to: on a primitive (`n.x ??= 1`, `s[k] ||= v` in strict code) it sets
// the property of a wrapper and throws nothing where V8 throws "Cannot create property 'x' on
// number '5'", and on undefined or null it throws its own words. So `o.k op= v` and
// `o[k] op= v`, o a name, this or a literal and k a name or literal that v does not assign, are written
// `o.k op (o.k = v)` too: the spec's steps, as o and k evaluate to the same values twice.
// Only the AST changes: positions in stacks and errors stay the source's.

var assignExprType = reflect.TypeOf((*ast.AssignExpression)(nil))

// FixLogicalAssign works around that goja bug in a parsed program (src is its source, to skip
// the walk when it cannot apply). The loader's compiles and vm scripts go through it.
func FixLogicalAssign(prg *ast.Program, src string) {
	if !NeedsLogicalAssignFix(src) {
		return
	}
	offs := IndexAll(src, "??=", "||=", "&&=")
	defer func() { _ = recover() }() // (as FixNewTarget: what was rewritten so far stays)
	walkLogicalAssign(reflect.ValueOf(prg), offs)
}

// NeedsLogicalAssignFix reports whether src may hold a logical assignment FixLogicalAssign
// rewrites.
func NeedsLogicalAssignFix(src string) bool {
	return strings.Contains(src, "??=") || strings.Contains(src, "||=") || strings.Contains(src, "&&=")
}

func walkLogicalAssign(v reflect.Value, offs []int) {
	walkNearOffsets(v, offs, func(v reflect.Value, walk func(reflect.Value)) {
		if a, ok := v.Interface().(*ast.AssignExpression); ok && v.CanSet() && v.Type() == expressionType {
			if e := logicalAssignExpr(a); e != nil {
				walk(reflect.ValueOf(a).Elem()) // (the right side may hold more)
				v.Set(reflect.ValueOf(e))
				return
			}
		}
		walk(v.Elem())
	})
}

// walkNearOffsets walks the AST under v (through reflection) into the nodes that stand near one
// of offs (nearOffsets), identifiers aside, and hands each non-nil interface slot (an
// expression's or a statement's) to visit, which walks on into it (walk(v.Elem())) and may
// replace it. FixLogicalAssign's and FixConstantThrows's walks.
func walkNearOffsets(v reflect.Value, offs []int, visit func(v reflect.Value, walk func(reflect.Value))) {
	var walk func(reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface:
			if !v.IsNil() {
				visit(v, walk)
			}
		case reflect.Pointer:
			if v.IsNil() {
				return
			}
			if n, ok := v.Interface().(ast.Node); ok && v.Type() != programType && !nearOffsets(offs, n) {
				return
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

// logicalAssignExpr is `a op (a = b)` for a, a variable, op= b whose b awaits or yields, or nil.
func logicalAssignExpr(a *ast.AssignExpression) ast.Expression {
	switch a.Operator {
	case token.COALESCE, token.LOGICAL_OR, token.LOGICAL_AND:
	default:
		return nil
	}
	var read ast.Expression
	switch t := a.Left.(type) {
	case *ast.Identifier:
		if !suspends(reflect.ValueOf(a.Right)) {
			return nil
		}
		r := *t
		read = &r
	case *ast.DotExpression:
		if !plainBase(t.Left) || assignsName(reflect.ValueOf(a.Right), t.Left) {
			return nil
		}
		r := *t
		read = &r
	case *ast.BracketExpression:
		if !plainBase(t.Left) || assignsName(reflect.ValueOf(a.Right), t.Left) {
			return nil
		}
		switch k := t.Member.(type) {
		case *ast.StringLiteral, *ast.NumberLiteral:
		case *ast.Identifier:
			if assignsName(reflect.ValueOf(a.Right), k) {
				return nil
			}
		default:
			return nil
		}
		r := *t
		read = &r
	default:
		return nil
	}
	return &ast.BinaryExpression{
		Operator: a.Operator,
		Left:     read,
		Right:    &ast.AssignExpression{Operator: token.ASSIGN, Left: a.Left, Right: a.Right},
	}
}

// plainBase reports whether e, a property target's object, evaluates to the same value twice
// in a row: a name, this or a literal.
func plainBase(e ast.Expression) bool {
	switch e.(type) {
	case *ast.Identifier, *ast.ThisExpression, *ast.NumberLiteral, *ast.StringLiteral, *ast.BooleanLiteral, *ast.NullLiteral:
		return true
	}
	return false
}

// assignsName reports whether the expression v assigns (=, op=, ++, --) the name e is, when e
// is a name.
func assignsName(v reflect.Value, e ast.Expression) bool {
	id, ok := e.(*ast.Identifier)
	if !ok {
		return false
	}
	found := false
	walkNodes(v, func(n reflect.Value) {
		switch n := n.Interface().(type) {
		case *ast.AssignExpression:
			if t, ok := n.Left.(*ast.Identifier); ok && t.Name == id.Name {
				found = true
			}
		case *ast.UnaryExpression:
			if t, ok := n.Operand.(*ast.Identifier); ok && t.Name == id.Name && (n.Operator == token.INCREMENT || n.Operator == token.DECREMENT) {
				found = true
			}
		}
	})
	return found
}

var (
	awaitExprType = reflect.TypeOf((*ast.AwaitExpression)(nil))
	yieldExprType = reflect.TypeOf((*ast.YieldExpression)(nil))
)

// suspends reports whether the expression v holds an await or a yield (one in a function
// inside it counts too, which only rewrites an expression that did not need it).
func suspends(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Interface:
		return !v.IsNil() && suspends(v.Elem())
	case reflect.Pointer:
		if v.IsNil() {
			return false
		}
		if v.Type() == awaitExprType || v.Type() == yieldExprType {
			return true
		}
		return v.Elem().Kind() == reflect.Struct && suspends(v.Elem())
	case reflect.Struct:
		if v.Type() == identType.Elem() {
			return false
		}
		found := false
		walkChildren(v, func(c reflect.Value) { found = found || suspends(c) })
		return found
	case reflect.Slice:
		found := false
		walkChildren(v, func(c reflect.Value) { found = found || suspends(c) })
		return found
	}
	return false
}

// IndexAll is the offsets in src of every occurrence of each of subs (those of one sub not
// overlapping), in increasing order.
func IndexAll(src string, subs ...string) []int {
	var offs []int
	for _, sub := range subs {
		for i := 0; ; {
			j := strings.Index(src[i:], sub)
			if j < 0 {
				break
			}
			offs = append(offs, i+j)
			i += j + len(sub)
		}
	}
	sort.Ints(offs)
	return offs
}
