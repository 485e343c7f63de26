package modules

import (
	"reflect"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
)

// goja's parser takes an octal escape ("\01", "\7") and \8 or \9 in a string literal of strict
// code, which V8 refuses ("Octal escape sequences are not allowed in strict mode.").
// StrictOctalEscape finds the escape V8 refuses first: V8 checks a strict function (a script
// or module, a function with a "use strict" directive, a class) once it has parsed it, against
// the last such escape it scanned, so the error is the last escape of the first strict region
// (in source order) that holds one.

// StrictOctalEscape returns the parse error V8 gives for an octal escape in a string literal of
// the strict code of prg (src is its source; strict says the whole program is strict, as an ES
// module is), or nil when there is none. The error is placed at the escape's backslash
// (OctalEscapeMark words and marks it).
func StrictOctalEscape(prg *ast.Program, src string, strict bool) error {
	offs := digitEscapes(src)
	if len(offs) == 0 || !strict && !strings.Contains(src, "use strict") && !strings.Contains(src, "class") &&
		!strings.Contains(src, "`") {
		return nil
	}
	w := octalWalker{src: src, region: -1, best: -1, tmpl: -1, offs: offs}
	func() {
		defer func() { _ = recover() }() // (a tree goja would not lay out so: no error)
		if strict || DirectivesStrict(prg.Body) {
			w.enter(reflect.ValueOf(prg).Elem(), int(prg.Idx0())-1)
			return
		}
		w.walk(reflect.ValueOf(prg).Elem(), false)
	}()
	msg := "Octal escape sequences are not allowed in strict mode."
	if w.tmpl >= 0 && (w.best < 0 || w.tmpl < w.best) {
		// (V8 refuses a template's at once, as it scans it)
		w.best, msg = w.tmpl, "Octal escape sequences are not allowed in template strings."
	}
	if w.best < 0 {
		return nil
	}
	if c := src[w.best+1]; c == '8' || c == '9' {
		msg = "\\8 and \\9 are not allowed in strict mode."
	}
	line := 1 + strings.Count(src[:w.best], "\n")
	col := w.best - strings.LastIndexByte(src[:w.best], '\n')
	return parser.ErrorList{&parser.Error{Position: file.Position{Line: line, Column: col}, Message: msg}}
}

// digitEscapes is the offsets of the escapes in src V8 may refuse in strict code: a backslash
// and a digit other than a lone \0 (a regular expression's backreference counts too: the walk
// looks at string literals only, near these places).
func digitEscapes(src string) []int {
	var offs []int
	for i := 0; ; {
		j := strings.IndexByte(src[i:], '\\')
		if j < 0 || i+j+1 >= len(src) {
			return offs
		}
		k := i + j + 1
		if c := src[k]; c >= '1' && c <= '9' || c == '0' && k+1 < len(src) && src[k+1] >= '0' && src[k+1] <= '9' {
			offs = append(offs, k-1)
		}
		i = k + 1
	}
}

type octalWalker struct {
	src          string
	region, best int // the strict region the best escape is in (its start), and that escape
	tmpl         int // the first \0 before an 8 or a 9 in an untagged template (goja takes it)
	offs         []int
}

var templateLitType = reflect.TypeOf((*ast.TemplateLiteral)(nil))

var strLitType = reflect.TypeOf((*ast.StringLiteral)(nil))

// enter walks the strict region v that starts at start.
func (w *octalWalker) enter(v reflect.Value, start int) {
	if w.region >= 0 && start > w.region {
		return // (a region after the one already found: V8 stops at that one)
	}
	before := w.best
	w.best = -1
	w.walk(v, true)
	if w.best >= 0 && (w.region < 0 || start < w.region) {
		w.region = start
	} else {
		w.best = before
	}
}

func (w *octalWalker) walk(v reflect.Value, strict bool) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem(), strict)
		}
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if n, ok := v.Interface().(ast.Node); ok && v.Type() != programType && !nearOffsets(w.offs, n) {
			return
		}
		switch v.Type() {
		case strLitType:
			if strict {
				lit := v.Interface().(*ast.StringLiteral)
				if at := lastOctalEscape(lit.Literal); at >= 0 {
					w.best = max(w.best, int(lit.Idx)-1+at)
				}
			}
			return
		case templateLitType:
			if t := v.Interface().(*ast.TemplateLiteral); t.Tag == nil && w.tmpl < 0 {
				for _, el := range t.Elements {
					if at := zeroBeforeDigit(el.Literal); at >= 0 {
						// (goja's element Idx is one past its first character's: looked for
						// around it)
						for _, k := range [...]int{int(el.Idx) - 2 + at, int(el.Idx) - 1 + at, int(el.Idx) + at} {
							if k >= 0 && k+2 < len(w.src) && w.src[k:k+2] == `\0` {
								w.tmpl = k
								break
							}
						}
						break
					}
				}
			}
		case funcLitType:
			if f := v.Interface().(*ast.FunctionLiteral); !strict && f.Body != nil && DirectivesStrict(f.Body.List) {
				w.enter(v.Elem(), int(f.Idx0())-1)
				return
			}
		case arrowLitType:
			a := v.Interface().(*ast.ArrowFunctionLiteral)
			if b, ok := a.Body.(*ast.BlockStatement); ok && !strict && DirectivesStrict(b.List) {
				w.enter(v.Elem(), int(a.Idx0())-1)
				return
			}
		case classLitType:
			if !strict {
				w.enter(v.Elem(), int(v.Interface().(*ast.ClassLiteral).Idx0())-1)
				return
			}
		}
		if v.Elem().Kind() == reflect.Struct {
			w.walk(v.Elem(), strict)
		}
	case reflect.Struct:
		if v.Type() == identType.Elem() {
			return
		}
		walkChildren(v, func(c reflect.Value) { w.walk(c, strict) })
	case reflect.Slice:
		walkChildren(v, func(c reflect.Value) { w.walk(c, strict) })
	}
}

// DirectivesStrict reports whether the directive prologue of body (its leading string
// statements) holds "use strict", written without escapes.
func DirectivesStrict(body []ast.Statement) bool {
	for _, st := range body {
		es, ok := st.(*ast.ExpressionStatement)
		if !ok {
			return false
		}
		lit, ok := es.Expression.(*ast.StringLiteral)
		if !ok {
			return false
		}
		if lit.Literal == `"use strict"` || lit.Literal == `'use strict'` {
			return true
		}
	}
	return false
}

// lastOctalEscape is the offset in lit, a string literal's source, of the backslash of the last
// escape strict code refuses in it (\1, \01, \8; not \0 alone), or -1.
func lastOctalEscape(lit string) int {
	last := -1
	for i := 0; i < len(lit)-1; i++ {
		if lit[i] != '\\' {
			continue
		}
		c := lit[i+1]
		if c >= '1' && c <= '9' || c == '0' && i+2 < len(lit) && lit[i+2] >= '0' && lit[i+2] <= '9' {
			last = i
		}
		i++ // (the escaped character, a backslash too)
	}
	return last
}

// zeroBeforeDigit is the offset in s, a template's raw text, of the backslash of the first \0
// before an 8 or a 9 (one not itself escaped), or -1.
func zeroBeforeDigit(s string) int {
	for i := 0; i < len(s)-1; i++ {
		if s[i] != '\\' {
			continue
		}
		if s[i+1] == '0' && i+2 < len(s) && (s[i+2] == '8' || s[i+2] == '9') {
			return i
		}
		i++
	}
	return -1
}

// OctalEscapeMark is where V8 marks the escape s starts with (its backslash), refused as an
// octal escape or \8, \9: the offset from the backslash and the width. \8 and \9 are marked
// from the backslash, one character; an octal escape from its first digit, over the digits
// after it (none for \1 or for \0 before an 8 or a 9: V8 then marks nothing).
func OctalEscapeMark(s string) (at, width int) {
	if len(s) < 2 {
		return 0, 1
	}
	if s[1] == '8' || s[1] == '9' {
		return 0, 1
	}
	// V8 reads up to two more octal digits while the value stays below 256
	x, i := int(s[1]-'0'), 0
	for ; i < 2 && 2+i < len(s); i++ {
		d := s[2+i]
		if d < '0' || d > '7' || x*8+int(d-'0') >= 256 {
			break
		}
		x = x*8 + int(d-'0')
	}
	return 1, i
}
