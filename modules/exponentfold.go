package modules

import (
	"math"
	"reflect"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// goja evaluates the exponent operator with Go's math.Pow, which differs from V8's pow (the
// fdlibm-derived one Math.pow has in gojs too) in the last bit for many operands: 10 ** -5 was
// 0.00001 where node prints 0.000009999999999999999, as Math.pow(10, -5) does in both.
// FixExponentLiterals folds `a ** b` whose operands are number literals (with a sign) with pow,
// the runtime's V8 pow, before goja folds it with its own; the folded value replaces the
// operation at its place. An operation on anything else is left to goja.

// FixExponentLiterals folds the exponent operations on number literals of a parsed program (src
// is its source, to skip the walk when it has no **). The loader's compiles go through it.
func FixExponentLiterals(prg *ast.Program, src string, pow func(x, y float64) float64) {
	var offs []int
	for i := strings.Index(src, "**"); i >= 0; {
		offs = append(offs, i)
		j := strings.Index(src[i+2:], "**")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	if len(offs) == 0 {
		return
	}
	defer func() { _ = recover() }() // (an odd tree: what was folded so far stays)
	walkNearOffsets(reflect.ValueOf(prg), offs, func(v reflect.Value, walk func(reflect.Value)) {
		walk(v.Elem()) // (inner operations first: 2 ** 0.5 ** 2)
		e, ok := v.Interface().(*ast.BinaryExpression)
		if !ok || e.Operator != token.EXPONENT {
			return
		}
		x, okx := numberConstant(e.Left)
		y, oky := numberConstant(e.Right)
		if !okx || !oky {
			return
		}
		r := pow(x, y)
		var val any = r
		if r == math.Trunc(r) && math.Abs(r) <= 1<<53 && !(r == 0 && math.Signbit(r)) {
			val = int64(r) // (as goja makes an integral constant)
		}
		v.Set(reflect.ValueOf(ast.Expression(&ast.NumberLiteral{Idx: e.Left.Idx0(), Value: val})))
	})
}

// numberConstant is the value of e when it is a number literal (no BigInt), possibly signed.
func numberConstant(e ast.Expression) (float64, bool) {
	switch e := e.(type) {
	case *ast.NumberLiteral:
		switch n := e.Value.(type) {
		case int64:
			return float64(n), true
		case float64:
			return n, true
		}
	case *ast.UnaryExpression:
		if x, ok := numberConstant(e.Operand); ok {
			switch e.Operator {
			case token.MINUS:
				return -x, true
			case token.PLUS:
				return x, true
			}
		}
	}
	return 0, false
}
