package modules

import (
	"reflect"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// goja's compiler folds an operation whose operands are all literals ('x' in 'str', 1 in 2,
// 1n + 1, 1n / 0n) while compiling, and when the operation throws it compiles a
// `throw new TypeError(message)` instead: the error then carries goja's words ("Value is not
// an object: str" where V8 says "Cannot use 'in' operator to search for 'x' in str"), made by
// the global constructor (past the runtime's rewording of the engine's errors), placed at the
// start of the enclosing function rather than at the operation. FixConstantThrows keeps such
// operations from folding by wrapping the right operand in a
// one-element sequence, which goja compiles to the same load but does not count as constant:
// the operation then runs, and throws, as any other. Only operations that can throw on
// literals are touched (in, instanceof, and any operation with a BigInt literal in it), so
// every other constant still folds. Positions stay the source's. (+1n still folds: goja
// places no unary plus, so unfolding it would move nothing.)

// FixConstantThrows works around that folding in a parsed program (src is its source, to skip
// the walk when it cannot apply). The loader's compiles and vm scripts go through it.
func FixConstantThrows(prg *ast.Program, src string) {
	offs := constantThrowOffsets(src)
	if len(offs) == 0 {
		return
	}
	defer func() { _ = recover() }() // (as FixNewTarget: what was rewritten so far stays)
	walkConstantThrows(reflect.ValueOf(prg), offs)
}

// constantThrowOffsets is where src may hold an operation on literals that throws: an `in` or
// `instanceof` followed by a literal, or a BigInt literal (digits and an n). Empty when none.
func constantThrowOffsets(src string) []int {
	var offs []int
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == 'i' && (i == 0 || !isWordByte(src[i-1])):
			w := i + 2
			if len(src) >= i+10 && src[i:i+10] == "instanceof" {
				w = i + 10
			} else if len(src) < w || src[i+1] != 'n' {
				continue
			}
			if w < len(src) && isWordByte(src[w]) {
				continue
			}
			j := w
			for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '(') {
				j++
			}
			if j < len(src) && literalStart(src[j:]) {
				offs = append(offs, i)
			}
			i = w - 1
		case c >= '0' && c <= '9' && (i == 0 || !isWordByte(src[i-1])):
			j := i
			for j < len(src) && (isWordByte(src[j]) && src[j] != 'n' || src[j] == '_') {
				j++
			}
			if j < len(src) && src[j] == 'n' && (j+1 == len(src) || !isWordByte(src[j+1])) {
				offs = append(offs, i)
			}
			i = j
		}
	}
	return offs
}

// literalStart reports whether s starts with what may begin a constant operand of goja's.
func literalStart(s string) bool {
	switch c := s[0]; {
	case c >= '0' && c <= '9', c == '\'', c == '"', c == '-', c == '+', c == '!', c == '~', c == '.':
		return true
	}
	for _, w := range [...]string{"null", "true", "false"} {
		if len(s) >= len(w) && s[:len(w)] == w && (len(s) == len(w) || !isWordByte(s[len(w)])) {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func walkConstantThrows(v reflect.Value, offs []int) {
	walkNearOffsets(v, offs, func(v reflect.Value, walk func(reflect.Value)) {
		walk(v.Elem())
		if e, ok := v.Interface().(*ast.BinaryExpression); ok && throwsOnConstants(e) {
			e.Right = &ast.SequenceExpression{Sequence: []ast.Expression{e.Right}}
		}
	})
}

// throwsOnConstants reports whether goja would fold e, a binary operation, and the folding may
// throw: both operands constant, and the operator in or instanceof, or any with a BigInt.
func throwsOnConstants(e *ast.BinaryExpression) bool {
	if !foldedConstant(e.Left) || !foldedConstant(e.Right) {
		return false
	}
	switch e.Operator {
	case token.IN, token.INSTANCEOF:
		return true
	case token.LOGICAL_AND, token.LOGICAL_OR, token.COALESCE:
		return false
	}
	return holdsBigInt(e.Left) || holdsBigInt(e.Right)
}

// foldedConstant reports whether goja's compiler takes e for a constant: a number, string,
// boolean or null literal, or a unary, binary or logical operation on constants.
func foldedConstant(e ast.Expression) bool {
	switch e := e.(type) {
	case *ast.NumberLiteral, *ast.StringLiteral, *ast.BooleanLiteral, *ast.NullLiteral:
		return true
	case *ast.UnaryExpression:
		switch e.Operator {
		case token.PLUS, token.MINUS, token.NOT, token.BITWISE_NOT:
			return foldedConstant(e.Operand)
		}
		return false
	case *ast.BinaryExpression:
		return foldedConstant(e.Left) && foldedConstant(e.Right)
	}
	return false
}

// holdsBigInt reports whether the constant e has a BigInt literal in it.
func holdsBigInt(e ast.Expression) bool {
	switch e := e.(type) {
	case *ast.NumberLiteral:
		_, ok := e.Value.(interface{ BitLen() int })
		return ok
	case *ast.UnaryExpression:
		return holdsBigInt(e.Operand)
	case *ast.BinaryExpression:
		return holdsBigInt(e.Left) || holdsBigInt(e.Right)
	}
	return false
}
