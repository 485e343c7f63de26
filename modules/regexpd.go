package modules

import (
	"reflect"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/unistring"
)

// LowerIndicesLiterals turns each regexp literal with the d flag (hasIndices), which goja's
// compiler refuses, into `new RegExp(pattern, flags)`, which the runtime's RegExp makes with
// indices (runtime/regexpindices.go): like the literal, a new regexp each time it is evaluated.
// Called when a compile failed on a regexp's flags; it reports whether it changed anything.
func LowerIndicesLiterals(prg *ast.Program) bool {
	changed := false
	lowerIndices(reflect.ValueOf(prg), &changed)
	return changed
}

func lowerIndices(v reflect.Value, changed *bool) {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		if re, ok := v.Interface().(*ast.RegExpLiteral); ok {
			if v.CanSet() && v.Type() == expressionType && strings.Count(re.Flags, "d") == 1 {
				v.Set(reflect.ValueOf(&ast.NewExpression{
					New:    re.Idx,
					Callee: &ast.Identifier{Name: "RegExp", Idx: re.Idx},
					ArgumentList: []ast.Expression{
						&ast.StringLiteral{Idx: re.Idx, Value: unistring.NewFromString(re.Pattern)},
						&ast.StringLiteral{Idx: re.Idx, Value: unistring.NewFromString(re.Flags)},
					},
					LeftParenthesis: re.Idx, RightParenthesis: re.Idx,
				}))
				*changed = true
			}
			return
		}
		lowerIndices(v.Elem(), changed)
	case reflect.Pointer:
		if !v.IsNil() && v.Elem().Kind() == reflect.Struct {
			lowerIndices(v.Elem(), changed)
		}
	case reflect.Struct, reflect.Slice:
		walkChildren(v, func(c reflect.Value) { lowerIndices(c, changed) })
	}
}
