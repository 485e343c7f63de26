package modules

import (
	"reflect"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/unistring"
)

// LowerIndicesLiterals turns each regexp literal with the d flag (hasIndices) or the v flag
// (unicodeSets), which goja's compiler refuses, into `new RegExp(pattern, flags)`, which the
// runtime's RegExp makes with indices (runtime/regexpindices.go) or as a v-mode regexp
// (runtime/regexpvflag.go): like the literal, a new regexp each time it is evaluated.
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
			if v.CanSet() && v.Type() == expressionType && (strings.Count(re.Flags, "d") == 1 || strings.Contains(re.Flags, "v") && !strings.Contains(re.Flags, "u")) {
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

// lowerableFlags reports whether a literal with these flags is one LowerIndicesLiterals makes a
// RegExp call: the d flag once, or the v flag without u.
func lowerableFlags(flags string) bool {
	return strings.Count(flags, "d") == 1 || strings.Contains(flags, "v") && !strings.Contains(flags, "u")
}

// mayHaveFlagLiteral reports whether src may hold a regexp literal whose flags hold d or v: a
// slash followed by a run of flag letters with one of them, not followed by an identifier
// character (most text has none: "/dev" and "/v1" do not count).
func mayHaveFlagLiteral(src string) bool {
	for i := strings.IndexByte(src, '/'); i >= 0; {
		j := i + 1
		hit := false
		for j < len(src) && strings.IndexByte("dgimsuvy", src[j]) >= 0 {
			hit = hit || src[j] == 'd' || src[j] == 'v'
			j++
		}
		if hit && (j == len(src) || !isIdentByte(src[j])) {
			return true
		}
		k := strings.IndexByte(src[j:], '/')
		if k < 0 {
			return false
		}
		i = j + k
	}
	return false
}

// LowerFlagLiteralsSource is src with the text of each regexp literal LowerIndicesLiterals
// would lower replaced by its RegExp call, `(new RegExp("pattern", "flags"))`: for code goja
// compiles from its text (eval, the function constructors, vm's contexts), where no parsed
// program can be handed over. What follows such a literal on its line moves. src itself when
// it holds none or does not parse.
func LowerFlagLiteralsSource(src string) string {
	if !mayHaveFlagLiteral(src) {
		return src
	}
	prg, err := parser.ParseFile(nil, "", src, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return src
	}
	var edits []TextEdit
	WalkAST(reflect.ValueOf(prg), func(n reflect.Value) bool {
		re, ok := n.Interface().(*ast.RegExpLiteral)
		if !ok {
			return true
		}
		from := int(re.Idx) - 1
		to := RegexpLiteralEnd(src, re)
		if lowerableFlags(re.Flags) && from >= 0 && to <= len(src) && strings.HasPrefix(src[from:], re.Literal) {
			edits = append(edits, TextEdit{At: from, End: to, Text: "(new RegExp(" + jsStringLiteral(re.Pattern) + ", " + jsStringLiteral(re.Flags) + "))"})
		}
		return false
	})
	return ApplyTextEdits(src, edits)
}

// jsStringLiteral is s as a double-quoted JavaScript string literal.
func jsStringLiteral(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\', '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\u2028':
			b.WriteString(`\u2028`)
		case '\u2029':
			b.WriteString(`\u2029`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// RegexpLiteralEnd is the offset in src (the text re was parsed from) just past the literal re
// and its flags: goja's Literal leaves the flags out of a literal that ends the text.
func RegexpLiteralEnd(src string, re *ast.RegExpLiteral) int {
	to := int(re.Idx) - 1 + len(re.Literal)
	if re.Flags != "" && !strings.HasSuffix(re.Literal, "/"+re.Flags) && to >= 0 && to <= len(src) && strings.HasPrefix(src[to:], re.Flags) {
		to += len(re.Flags)
	}
	return to
}
