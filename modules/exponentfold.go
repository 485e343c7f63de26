package modules

import (
	"math"
	"reflect"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
)

// goja evaluates the exponent operator with Go's math.Pow, which differs from V8's pow (the
// fdlibm-derived one Math.pow has in gojs too) in the last bit for many operands: 10 ** -5 was
// 0.00001 where node prints 0.000009999999999999999, as Math.pow(10, -5) does in both.
// FixExponentLiterals folds `a ** b` whose operands are number literals (with a sign) with pow,
// the runtime's V8 pow, before goja folds it with its own; the folded value replaces the
// operation at its place. Any other operation becomes a call of PowHelper, a function of the
// global scope the runtime defines (runtime/mathpow.go: V8's pow for numbers, and V8's
// BigInt exponentiation, whose size goja never bounds: 2n ** (2n ** 40n) took all the memory),
// placed as the operation was (the errors' column fix moves them to the operator, as V8 places
// them); `x **= y` of a variable becomes `x = PowHelper(x, y)`, and of a property whose object
// and key are a variable, this or a literal (`o.p`, `a[i]`) likewise. An exponent 2, 0.5, 1, -1 or 0 is left to goja: Go's math.Pow and
// V8's pow agree on those (x * x, a square root, x, 1 / x, 1), and `x ** 2` stays an instruction.

// PowHelper is the name of the global function FixExponentLiterals's calls go to: a binding of
// the global scope that no source can name (not an identifier), so none declares or shadows it.
const PowHelper = "%gojs_pow"

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
		if a, ok := v.Interface().(*ast.AssignExpression); ok && a.Operator == token.EXPONENT && v.Type() == expressionType {
			// x **= y of a variable: x = PowHelper(x, y); o.p **= y and o[k] **= y the same, when
			// reading o and k again does nothing (plainBase, a variable or a literal key): the target
			// is read once and written once, as the operator does
			var read ast.Expression
			switch l := a.Left.(type) {
			case *ast.Identifier:
				read = l
			case *ast.DotExpression:
				if plainBase(l.Left) {
					c := *l
					read = &c
				}
			case *ast.BracketExpression:
				if plainBase(l.Left) && plainKey(l.Member) {
					c := *l
					c.LeftBracket = l.Member.Idx0() // (V8 places a failed read of o[k] op= at k)
					read = &c
				}
			}
			if read != nil {
				y, oky := numberConstant(a.Right)
				if call := powCall(src, read, a.Right, oky, y); call != nil {
					call.LeftParenthesis = a.Left.Idx0() // (V8 places the operation's errors at the target)
					v.Set(reflect.ValueOf(ast.Expression(&ast.AssignExpression{Operator: token.ASSIGN, Left: a.Left, Right: call})))
				}
			}
			return
		}
		e, ok := v.Interface().(*ast.BinaryExpression)
		if !ok || e.Operator != token.EXPONENT {
			return
		}
		x, okx := numberConstant(e.Left)
		y, oky := numberConstant(e.Right)
		if !okx || !oky {
			if call := powCall(src, e.Left, e.Right, oky, y); call != nil && v.Type() == expressionType {
				v.Set(reflect.ValueOf(ast.Expression(call)))
			}
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

// plainKey reports whether e, the key of o[e], is a variable or a literal.
func plainKey(e ast.Expression) bool {
	switch e.(type) {
	case *ast.Identifier, *ast.NumberLiteral, *ast.StringLiteral:
		return true
	}
	return false
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

// powCall is PowHelper(left, right) in place of the ** between them in src, or nil when the
// exponent is a constant goja's pow gets right (see FixExponentLiterals) or no operator is
// found there.
func powCall(src string, left, right ast.Expression, constant bool, y float64) *ast.CallExpression {
	if constant && (y == 2 || y == 0.5 || y == 1 || y == -1 || y == 0) {
		return nil
	}
	from, to := int(left.Idx1())-1, int(right.Idx0())-1
	if from < 0 || to > len(src) || from > to {
		return nil
	}
	i := strings.Index(src[from:to], "**")
	if i < 0 {
		return nil
	}
	at := file.Idx(from + i + 1)
	return &ast.CallExpression{Callee: &ast.Identifier{Name: PowHelper, Idx: left.Idx0()}, LeftParenthesis: at,
		ArgumentList: []ast.Expression{left, right}, RightParenthesis: right.Idx1() - 1}
}
