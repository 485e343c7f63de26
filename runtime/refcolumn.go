package runtime

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/gojs-dev/gojs/modules"
)

// V8 gives the load of a name that is not defined no source position of its own: the
// ReferenceError is placed at the last position its bytecode recorded, which is the start of
// the statement when the name is the first thing the statement evaluates (`return zz`,
// `x = zz + 1`, `if (!zz)`, `throw new zz()`), where goja points at the name. A name read
// after something that records a position (a call, an operator's right operand, an array
// element, a declaration's initializer, a loop's header) keeps its own place, as in goja.
// The uncaught excerpt's caret follows the stack's column, so it moves too.

// referenceColumn is V8's column (1-based, in bytes of text) for a ReferenceError whose
// message is e's, raised at col of the source line text: the start of the statement when only
// a statement keyword, simple-name assignments and prefix operators precede the name in it on
// that line; else col.
func referenceColumn(e *goja.Object, text string, col int) int {
	m, ok := modules.ExportAs[string](e.Get("message"))
	if !ok {
		return col
	}
	name, ok := undefinedName(m)
	if !ok || name == "" {
		return col
	}
	i := col - 1
	if i < 0 || i+len(name) > len(text) || text[i:i+len(name)] != name {
		return col
	}
	if i > 0 && isIdentByte(text[i-1]) || i+len(name) < len(text) && isIdentByte(text[i+len(name)]) {
		return col
	}
	start, keyword := leadingPrefixStart(text, i)
	if start == i {
		return col
	}
	before := strings.TrimRight(text[:start], " \t")
	switch {
	case before == "":
	case strings.HasSuffix(before, ";"), strings.HasSuffix(before, "{"), strings.HasSuffix(before, "}"), strings.HasSuffix(before, "=>"):
	case keyword && strings.HasSuffix(before, ")"): // if (c) return zz
	case endsWithWord(before, "else"), endsWithWord(before, "do"):
	default:
		return col
	}
	return start + 1
}

// leadingPrefixStart walks back from text[i] over what may come before the first value a
// statement evaluates: prefix operators ( ! - + ~ ++ -- new void typeof delete, a template's
// opening with no text before its substitution, assignments to plain names (x = y = ), and one statement keyword (return, throw,
// if (, switch (). It returns where that run starts and whether it starts with the keyword.
func leadingPrefixStart(text string, i int) (int, bool) {
	j := i
	for {
		k := strings.TrimRight(text[:j], " \t")
		n := len(k)
		switch {
		case n == 0:
			return j, false
		case strings.HasSuffix(k, "++"), strings.HasSuffix(k, "--"):
			if endsValue(k[:n-2]) {
				return j, false // (a postfix operator of the value before)
			}
			j = n - 2
			continue
		case k[n-1] == '(' || k[n-1] == '!' || k[n-1] == '~':
			if k[n-1] == '(' {
				p := strings.TrimRight(k[:n-1], " \t")
				if endsWithWord(p, "if") || endsWithWord(p, "switch") {
					return len(p) - len(wordAt(p)), true
				}
				if endsValue(p) {
					return j, false // a call's parenthesis
				}
			}
			j = n - 1
			continue
		case k[n-1] == '-' || k[n-1] == '+':
			if endsValue(k[:n-1]) {
				return j, false // a binary operator
			}
			j = n - 1
			continue
		case k[n-1] == '=':
			if n < 2 || strings.ContainsRune("=!<>+-*/%&|^?", rune(k[n-2])) {
				return j, false // a comparison or a compound assignment
			}
			p := strings.TrimRight(k[:n-1], " \t")
			s := identStart(p, len(p))
			if s == len(p) || p[s] >= '0' && p[s] <= '9' {
				return j, false
			}
			if q := strings.TrimRight(p[:s], " \t"); q != "" && (q[len(q)-1] == '.' || endsWithWord(q, "let") || endsWithWord(q, "const") || endsWithWord(q, "var")) {
				return j, false // a property's or a declaration's
			}
			j = s
			continue
		case strings.HasSuffix(k, "`${"): // (a template's first substitution, with no text before it)
			j = n - 3
			continue
		}
		w := wordAt(k)
		switch w {
		case "new", "void", "typeof", "delete":
			j = n - len(w)
			continue
		case "return", "throw":
			return n - len(w), true
		}
		return j, false
	}
}

// endsValue reports whether s (blanks at its end aside) ends with what ends a value: a name
// that is no keyword, a number, ) or ], so that an operator after it is binary (or a call's).
func endsValue(s string) bool {
	s = strings.TrimRight(s, " \t")
	if s == "" {
		return false
	}
	if c := s[len(s)-1]; c == ')' || c == ']' {
		return true
	}
	switch w := wordAt(s); w {
	case "":
		return false
	case "return", "throw", "typeof", "void", "delete", "new", "else", "do", "case", "in", "of", "instanceof", "yield", "await":
		return false
	}
	return true
}

// wordAt is the identifier text s ends with.
func wordAt(s string) string {
	return s[identStart(s, len(s)):]
}

// endsWithWord reports whether s ends with the whole word w.
func endsWithWord(s, w string) bool {
	return wordAt(s) == w
}

// statementColumn is referenceColumn at a frame's file, line and col: a file's or code vm ran
// (whose first line's columns count its columnOffset).
func (rt *Runtime) statementColumn(e *goja.Object, file string, line, col int) int {
	text, shift := rt.columnLine(file, line)
	if text == "" {
		return col
	}
	return referenceColumn(e, text, col-shift) + shift
}

// mappedReferenceColumn is statementColumn in a transformed file (an ES module: esbuild's
// output, run through its source map). The map has no segment of its own for every name read,
// so the place it gives a ReferenceError is the segment before the name (console.log(zz) maps
// to log): the name is then its first whole-word occurrence on the original line from there,
// and V8's statement rule (referenceColumn) applies from it. col as it is when the line is not
// plain ASCII (its columns count UTF-16 units) or has no such occurrence.
func (rt *Runtime) mappedReferenceColumn(e *goja.Object, file string, line, col int) int {
	m, ok := modules.ExportAs[string](e.Get("message"))
	if !ok {
		return col
	}
	name, ok := undefinedName(m)
	if !ok || name == "" || !isIdent(name) {
		return col
	}
	text := rt.sourceLine(file, line)
	if text == "" || col < 1 || col-1 > len(text) {
		return col
	}
	for i := 0; i < len(text); i++ {
		if text[i] >= 0x80 {
			return col
		}
	}
	for i := col - 1; i+len(name) <= len(text); {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return col
		}
		i += j
		if (i == 0 || !isIdentByte(text[i-1])) && (i+len(name) == len(text) || !isIdentByte(text[i+len(name)])) {
			return referenceColumn(e, text, i+1)
		}
		i += len(name)
	}
	return col
}

// undefinedName is the name a ReferenceError's message m says is not defined ("zz is not
// defined"; in an ES module, "require is not defined in ES module scope, you can use import
// instead").
func undefinedName(m string) (string, bool) {
	if name, ok := strings.CutSuffix(m, " is not defined"); ok {
		return name, true
	}
	if name, _, ok := strings.Cut(m, " is not defined in ES module scope"); ok {
		return name, true
	}
	return "", false
}

// columnLine is the text of file's line (a file's or code vm ran) and how many columns its
// first column is from the line's start (a vm script's columnOffset, on its first line); ""
// when unknown.
func (rt *Runtime) columnLine(file string, line int) (string, int) {
	shift := 0
	if _, ok := rt.sources[file]; !ok {
		c, ok := rt.vmCode[file]
		if !ok {
			return "", 0
		}
		if line-1-c.lineOffset == 0 {
			shift = c.columnOffset
		}
	}
	return rt.sourceLine(file, line), shift
}

// utf16Len is the length of s in UTF-16 units.
func utf16Len(s string) int { return modules.UTF16Len(s) }
