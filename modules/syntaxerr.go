package modules

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
)

// SyntaxError is a compile error described as V8 describes it: Message in V8's words and the
// 1-based Line and Column of the offending token (0 when unknown).
type SyntaxError struct {
	Message      string
	Line, Column int
	// Width is how many characters V8 marks from there (an ES module's arrow): the token's.
	Width int
}

// withWidth sets se.Width to the length of the token at se's position in src.
func (se SyntaxError) withWidth(src string) SyntaxError {
	off := OffsetOf(src, se.Line, se.Column)
	se.Width = 0
	if off < 0 || off >= len(src) {
		return se
	}
	rest := src[off:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	if rest == "" {
		return se
	}
	switch c := rest[0]; {
	case se.Message == "Invalid or unexpected token" && (c == '"' || c == '\''):
		se.Width = len(strings.TrimRight(rest, "\r")) // an unterminated string: the rest of the line
	case c == '"' || c == '\'':
		j := 1
		for j < len(rest) && rest[j] != c {
			if rest[j] == '\\' {
				j++
			}
			j++
		}
		se.Width = min(j+1, len(rest))
	default:
		se.Width = tokenWidth(rest)
	}
	return se
}

// CaretPad is the indentation of node's caret under the first n bytes of the line text: a
// space for each UTF-16 unit they hold (V8's column), but a tab where text has one at that
// index (node looks for the tabs at the column's indexes of the UTF-8 line), so that the caret
// lines up under tab-indented source. Past the end of text each byte counts as one unit.
func CaretPad(text string, n int) string {
	if n <= 0 {
		return ""
	}
	units := n
	if n <= len(text) {
		units = UTF16Len(text[:n])
	}
	b := []byte(strings.Repeat(" ", units))
	for i := 0; i < units && i < len(text); i++ {
		if text[i] == '\t' {
			b[i] = '\t'
		}
	}
	return string(b)
}

// Carets is node's line under a syntax error's line text: CaretPad up to the 1-based byte
// column col, then a caret for each UTF-16 unit of the width bytes marked from there (V8
// counts both in UTF-16 units, goja's positions and the widths here are bytes).
func Carets(text string, col, width int) string {
	pad := CaretPad(text, col-1)
	if width <= 0 {
		return pad
	}
	if from := col - 1; from >= 0 && from < len(text) {
		to := min(from+width, len(text))
		width = UTF16Len(text[from:to]) + from + width - to
	}
	return pad + strings.Repeat("^", width)
}

// LineText is the text of the 1-based line of src, without its line break ("" past the end).
func LineText(src string, line int) string {
	off := OffsetOf(src, line, 1)
	if off < 0 || off > len(src) {
		return ""
	}
	text := src[off:]
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return strings.TrimSuffix(text, "\r")
}

// UTF16Len is the length of s in UTF-16 units (a JavaScript string's length).
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// punctuators are JavaScript's multi-byte punctuators, longest first.
var punctuators = []string{">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
	"=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=",
	"|=", "^=", "<<", ">>", "**"}

// tokenWidth is the length of the token s starts with, as V8 marks it under a syntax error: a
// number, a template literal (to the end of the line), an identifier or word, a punctuator.
func tokenWidth(s string) int {
	if s == "" {
		return 0
	}
	c := s[0]
	switch {
	case c >= '0' && c <= '9' || c == '.' && len(s) > 1 && s[1] >= '0' && s[1] <= '9':
		return numberWidth(s)
	case c == '`':
		if j := strings.IndexByte(s[1:], '`'); j >= 0 {
			return j + 2
		}
		return len(strings.TrimRight(s, "\r"))
	case c == '#' && len(s) > 1 && isIdentByte(s[1]):
		return 1 + len(tokenAt(s[1:]))
	case isIdentByte(c):
		return len(tokenAt(s))
	}
	for _, p := range punctuators {
		if strings.HasPrefix(s, p) {
			return len(p)
		}
	}
	return 1
}

// numberWidth is the length of the numeric literal s starts with (a digit, or a dot and a digit).
func numberWidth(s string) int {
	isDigit := func(b byte) bool { return b >= '0' && b <= '9' || b == '_' }
	i := 0
	if len(s) > 1 && s[0] == '0' && strings.IndexByte("xXoObB", s[1]) >= 0 {
		i = 2
		for i < len(s) && (isDigit(s[i]) || s[i] >= 'a' && s[i] <= 'f' || s[i] >= 'A' && s[i] <= 'F') {
			i++
		}
	} else {
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if legacyOctal := s[0] == '0' && i > 1 && strings.Trim(s[:i], "01234567") == ""; legacyOctal {
			return i // (07.5 is 07 and then .5)
		}
		if i < len(s) && s[i] == '.' {
			i++
			for i < len(s) && isDigit(s[i]) {
				i++
			}
		}
		if i+1 < len(s) && (s[i] == 'e' || s[i] == 'E') {
			j := i + 1
			if s[j] == '+' || s[j] == '-' {
				j++
			}
			if j < len(s) && s[j] >= '0' && s[j] <= '9' {
				i = j
				for i < len(s) && isDigit(s[i]) {
					i++
				}
			}
		}
	}
	if i < len(s) && s[i] == 'n' {
		i++
	}
	return max(i, 1)
}

// V8SyntaxError reads a goja compile error (a parser error list, a *parser.Error or a
// *goja.CompilerSyntaxError) of the source src and words it as V8 does, looking at the source
// where goja's message alone is not enough: "Unexpected token '}'" (quoted),
// "Unexpected identifier 'x'", "Invalid or unexpected token", "missing ) after argument list",
// "Function statements require a function name", and so on. ok is false when err is not a
// syntax error.
func V8SyntaxError(err error, src string) (se SyntaxError, ok bool) {
	var pe *parser.Error
	var ce *goja.CompilerSyntaxError
	if el, isList := err.(parser.ErrorList); isList && len(el) > 0 {
		pe = el[0]
	} else if !errors.As(err, &pe) {
		if !errors.As(err, &ce) {
			return se, false
		}
		// a parse error caught while compiling arrives wrapped: "<name>: Line l:c msg (and n more errors)"
		if m := gojaSyntaxRe.Get().FindStringSubmatch(ce.Message); m != nil {
			line, _ := strconv.Atoi(m[1])
			col, _ := strconv.Atoi(m[2])
			return V8SyntaxMessage(m[3], src, line, col), true
		}
		line, col := 0, 0
		if ce.File != nil {
			// (read in the code itself: the position goja gives passes through the code's
			// inline source map, which counts UTF-16 units and adds a script's offsets)
			if code := ce.File.Source(); ce.Offset >= 0 && ce.Offset <= len(code) {
				line = 1 + strings.Count(code[:ce.Offset], "\n")
				col = ce.Offset - strings.LastIndexByte(code[:ce.Offset], '\n')
			}
		}
		return V8SyntaxMessage(ce.Message, src, line, col), true
	}
	return V8SyntaxMessage(pe.Message, src, pe.Position.Line, pe.Position.Column), true
}

var gojaSyntaxRe = Lazy[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`^(?s:.*?)Line (\d+):(\d+) (.*?)(?: \(and \d+ more errors\))?$`)
}}

var gojaCompilerRe = Lazy[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`^SyntaxError: (?s:(.*)) at [^\s]*:(\d+):(\d+)$`)
}}

// ParseGojaSyntaxMessage splits the message goja gives the SyntaxError it throws for eval and
// new Function ("SyntaxError: <eval>: Line 1:5 Unexpected token } (and 2 more errors)") into
// goja's own message and position.
func ParseGojaSyntaxMessage(s string) (msg string, line, col int, ok bool) {
	m := gojaSyntaxRe.Get().FindStringSubmatch(s)
	if m == nil {
		// a compiler (not parser) error: "SyntaxError: msg at <eval>:3:5"
		if m = gojaCompilerRe.Get().FindStringSubmatch(s); m == nil {
			return "", 0, 0, false
		}
		m = []string{m[0], m[2], m[3], m[1]}
	}
	line, _ = strconv.Atoi(m[1])
	col, _ = strconv.Atoi(m[2])
	return m[3], line, col, true
}

// isStrictReserved reports whether tok is a word reserved only in strict mode. A switch, not a
// package-level map: a map literal is built by code at every process start.
func isStrictReserved(tok string) bool {
	switch tok {
	case "implements", "interface", "let", "package", "private", "protected", "public", "static",
		"yield":
		return true
	}
	return false
}

// V8SyntaxMessage words goja's message msg, raised at line:col (1-based) of src, as V8 does.
func V8SyntaxMessage(msg, src string, line, col int) SyntaxError {
	se := SyntaxError{Message: msg, Line: line, Column: col}
	off := OffsetOf(src, line, col)
	tok := ""
	if off >= 0 && off < len(src) {
		tok = tokenAt(src[off:])
	}
	inCall := func() bool { return off >= 0 && inCallArguments(src[:min(off, len(src))]) }
	if strings.HasPrefix(msg, "Identifier '") && strings.HasSuffix(msg, "' has already been declared") {
		se.Width = 1 // (V8 marks one character of the name)
		return se
	}
	if (msg == "Illegal newline after throw" || msg == "Unexpected end of input") && tok == "throw" &&
		strings.Trim(src[off+len("throw"):], " \t") == "" {
		// a throw that ends the input on its line: V8 is still waiting for its operand, at the
		// end (with a line break after it, V8 too says the newline is illegal)
		return SyntaxError{Message: "Unexpected end of input", Line: 1 + strings.Count(src, "\n"),
			Column: len(src) - strings.LastIndexByte(src, '\n')}
	}
	if msg == "Unexpected end of input" && tok == "throw" && strings.TrimSpace(src[off+len("throw"):]) == "" {
		msg, se.Message = "Illegal newline after throw", "Illegal newline after throw"
	}
	if msg == "Unexpected token ILLEGAL" || msg == "Illegal numeric literal" ||
		msg == "Only one underscore is allowed as numeric separator" ||
		msg == "Unexpected identifier" && off > 0 && off < len(src) && isIdentByte(src[off-1]) {
		// a malformed number: V8's scanner's words and place (numlit.go)
		if start := numericLiteralStart(src, off); start >= 0 {
			if m, at, width, ok := numericLiteralError(src[start:]); ok {
				k := start + at
				se.Message, se.Width = m, width
				se.Line = 1 + strings.Count(src[:k], "\n")
				se.Column = k - strings.LastIndexByte(src[:k], '\n')
				return se
			}
		}
	}
	switch msg {
	case "Octal escape sequences are not allowed in this context", "\\8 and \\9 are not allowed in template strings.":
		// a template's escape: goja places it past the template, V8 at the escape (the last
		// backslash and digit before goja's place)
		if off > len(src) {
			break
		}
		if k := lastDigitEscape(src[:max(off, 0)]); k >= 0 {
			off = k
		}
		if msg != "\\8 and \\9 are not allowed in template strings." {
			msg = "Octal escape sequences are not allowed in template strings."
		}
		fallthrough
	case "Octal escape sequences are not allowed in strict mode.", "\\8 and \\9 are not allowed in strict mode.",
		"Octal escape sequences are not allowed in template strings.":
		// (StrictOctalEscape's, placed at the backslash)
		if off >= 0 && off < len(src) && src[off] == '\\' {
			at, width := OctalEscapeMark(src[off:])
			k := off + at
			return SyntaxError{Message: msg, Line: 1 + strings.Count(src[:k], "\n"),
				Column: k - strings.LastIndexByte(src[:k], '\n'), Width: width}
		}
	}
	if tok != "}" && (msg == "Unexpected identifier" || msg == "Unexpected number" || msg == "Unexpected string" ||
		strings.HasPrefix(msg, "Unexpected token ") && msg != "Unexpected token EOF" && msg != "Unexpected token ILLEGAL") {
		// a template's substitution that goes on past its expression (`${a b}`): V8 marks the
		// expression, from its first token up to the one it did not expect
		if open := templateSubstitutionAt(src, off); open >= 0 {
			k := open + 1
			for k < off && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
				k++
			}
			return SyntaxError{Message: "Missing } in template expression", Line: 1 + strings.Count(src[:k], "\n"),
				Column: k - strings.LastIndexByte(src[:k], '\n'), Width: max(off-k, 1)}
		}
	}
	switch {
	case msg == "Unexpected end of input" || msg == "Unexpected token EOF":
		se.Message = "Unexpected end of input"
		// (an argument still waiting for its operand, after an operator or typeof, is not done)
		if inCall() && endsOperand(src[:min(max(off, 0), len(src))]) {
			missingParen(&se, src, off)
		}
	case msg == "Unexpected token ILLEGAL":
		switch {
		case off >= len(src):
			se.Message = "Unexpected end of input"
		case (tok == "'" || tok == "\"") && codePointPastMax(src[off:]) > 0:
			// "\u{110000}": V8 marks the escape up to its last digit
			i := off + codePointPastMax(src[off:])
			j := i + 3
			for j < len(src) && isHex(src[j]) {
				j++
			}
			se.Message = "Undefined Unicode code-point"
			return se.span(src, i, j)
		case (tok == "'" || tok == "\"") && badEscape(src[off:]) != "":
			se.Message = badEscape(src[off:])
		case off+1 < len(src) && src[off] == '0' && src[off+1] >= '0' && src[off+1] <= '9' && strings.Contains(src, "use strict"):
			// 08 in strict code (goja's eval refuses it in sloppy code too, where V8 takes it)
			se.Message = "Decimals with leading zeros are not allowed in strict mode."
		default:
			se.Message = "Invalid or unexpected token"
		}
	case msg == "Unexpected identifier" || msg == "Unexpected number" || msg == "Unexpected string":
		if inCall() {
			missingParen(&se, src, off)
		} else if prevWord(src, off) == "await" {
			se.Message = "await is only valid in async functions and the top level bodies of modules"
			// V8 points at the await
			k := strings.TrimRight(src[:off], " \t")
			k = k[:len(k)-len("await")]
			se.Line = 1 + strings.Count(k, "\n")
			se.Column = len(k) - strings.LastIndexByte(k, '\n')
		} else if msg == "Unexpected identifier" && tok != "" {
			se.Message = "Unexpected identifier '" + tok + "'"
		}
	case msg == "Unexpected reserved word":
		switch {
		case tok == "import" && isImportMeta(src[min(off, len(src)):]):
			se.Message = "Cannot use 'import.meta' outside a module"
			// V8 points at meta
			k := off + strings.Index(src[off:], "meta")
			se.Line = 1 + strings.Count(src[:k], "\n")
			se.Column = k - strings.LastIndexByte(src[:k], '\n')
		case tok == "import":
			se.Message = "Cannot use import statement outside a module"
		case tok == "await" && asyncArrowParamAt(src, off):
			se.Message = "'await' is not a valid identifier name in an async function"
		case isStrictReserved(tok):
			se.Message = "Unexpected strict mode reserved word"
		case tok != "":
			se.Message = "Unexpected token '" + tok + "'"
		}
	case strings.HasPrefix(msg, "Unexpected token ") && !strings.HasPrefix(msg, "Unexpected token '"):
		t := strings.TrimPrefix(msg, "Unexpected token ")
		switch {
		case t == "(" && functionStatementBefore(src, off):
			se.Message = "Function statements require a function name"
			// V8 points at the keyword
			k := strings.LastIndex(src[:off], "function")
			se.Line = 1 + strings.Count(src[:k], "\n")
			se.Column = k - strings.LastIndexByte(src[:k], '\n')
		case t != ")" && t != "," && inCall():
			missingParen(&se, src, off)
		case t == "yield" && strings.Contains(src, "use strict"):
			se.Message = "Unexpected strict mode reserved word"
		case t == "yield":
			// a generator's yield as a binding's name (V8 reads it as an identifier there;
			// strict code, a class's body too, reserves it)
			se.Message = "Unexpected identifier 'yield'"
		case t == "await" && asyncArrowParamAt(src, off):
			se.Message = "'await' is not a valid identifier name in an async function"
		case t == "await":
			// an async function's await as a binding's name
			se.Message = "Unexpected reserved word"
		case t == "," && restBefore(src, off) && !strings.ContainsAny(src[strings.LastIndexByte(src[:off], '('):off], "[{"):
			// function f(...a, b): a parameter after the rest one
			se.Message = "Rest parameter must be last formal parameter"
		default:
			se.Message = "Unexpected token '" + t + "'"
		}
	case msg == "Invalid left-hand side in assignment":
		before := strings.TrimRight(src[:max(off, 0)], " \t")
		if b := len(before); b > 0 && (isIdentByte(before[b-1]) || before[b-1] == ')' || before[b-1] == ']') &&
			off+2 <= len(src) && (src[off:off+2] == "++" || src[off:off+2] == "--") {
			// 1++: goja places it at the operator, V8 at the operand
			se.Message = "Invalid left-hand side expression in postfix operation"
			return se.span(src, operandBefore(before), b)
		} else if off >= 0 && off+2 <= len(src) && (src[off:off+2] == "++" || src[off:off+2] == "--") {
			// ++1, ++a++: V8 marks the operand
			se.Message = "Invalid left-hand side expression in prefix operation"
			start := off + 2
			for start < len(src) && (src[start] == ' ' || src[start] == '\t') {
				start++
			}
			if end, _ := expressionEnd(src, start); end > start {
				return se.span(src, start, end)
			}
		} else if off >= 0 {
			// a = 1 whose target is no reference (a++ = 1, (a++) += 1): V8 marks the target,
			// parentheses and all; a postfix operation on no reference (a() ++) otherwise
			if start, end, ok := assignTarget(src, off); ok {
				return se.span(src, start, end)
			}
			if postfixAfter(src[off:]) {
				se.Message = "Invalid left-hand side expression in postfix operation"
			}
		}
	case msg == "Invalid left-hand side in for-in or for-of":
		// for (a++ of b): goja places it at the for, V8 marks the target
		se.Message = "Invalid left-hand side in for-loop"
		if start, end, ok := forHeadTarget(src, off); ok {
			return se.span(src, start, end)
		}
	case msg == "for-in loop variable declaration may not have an initializer":
		// for (const x = 1 of y): V8 names the loop's kind and marks the declaration (x = 1);
		// goja places it at the initializer
		if start, end, ok := forHeadTarget(src, off); ok {
			if rest := strings.TrimLeft(src[end:], " \t\r\n"); strings.HasPrefix(rest, "of") {
				se.Message = "for-of loop variable declaration may not have an initializer."
			} else {
				se.Message = "for-in loop variable declaration may not have an initializer."
			}
			// (from the binding's last token: a name's start, a pattern's closing bracket)
			if eq := strings.IndexByte(src[start:end], '='); eq > 0 {
				b := strings.TrimRight(src[:start+eq], " \t")
				k := len(b)
				for k > 0 && isIdentByte(b[k-1]) {
					k--
				}
				if k < len(b) {
					start = k
				} else {
					start = len(b) - 1
				}
			}
			return se.span(src, start, end)
		}
	case strings.HasPrefix(msg, "Logical expressions and coalesce expressions cannot be mixed"):
		// a ?? b || c: V8 refuses the second operator (goja may place it at the ??)
		op := ""
		if off >= 0 && off+2 <= len(src) {
			op = src[off : off+2]
		}
		if op == "??" {
			if i := nextLogicalOperator(src, off+2); i >= 0 {
				off, op = i, src[i:i+2]
			}
		}
		if op == "??" || op == "||" || op == "&&" {
			se.Message = "Unexpected token '" + op + "'"
			return se.span(src, off, off+2)
		}
	case msg == "Already saw a default in switch":
		se.Message = "More than one default clause in switch statement"
	case msg == "Comma is not allowed here":
		// [a, ...b,] = c: V8 marks the rest element
		if i := strings.LastIndex(src[:max(off, 0)], "..."); i >= 0 && !strings.ContainsAny(src[i:off], "[]{}()") {
			se.Message = "Rest element must be last element"
			return se.span(src, i, len(strings.TrimRight(src[:off], " \t")))
		}
	case msg == "Invalid template literal on optional chain":
		se.Message = "Invalid tagged template on optional chain"
	case strings.HasPrefix(msg, "undefined Unicode code-point: "):
		// a template's \u{110000}: V8 marks the escape up to its last digit; goja places it past
		// the template
		if i := strings.LastIndex(src[:min(max(off, 0), len(src))], "\\u{"); i >= 0 {
			se.Message = "Undefined Unicode code-point"
			j := i + 3
			for j < len(src) && isHex(src[j]) {
				j++
			}
			return se.span(src, i, j)
		}
	case msg == "Invalid destructuring binding target", msg == "Invalid binding rest",
		strings.HasPrefix(msg, "unsupported binding target: "):
		// V8's words: a member expression in a declaration's pattern is an illegal property (the
		// whole chain marked); an element access is pointed at what is inside its brackets;
		// anything else is an invalid assignment target
		if msg != "Invalid binding rest" {
			se.Message = "Invalid destructuring assignment target"
		} else if off >= 0 && off < len(src) && (src[off] == '[' || src[off] == '{') {
			se.Message = "`...` must be followed by an identifier in declaration contexts"
			depth, end := 0, off
			for ; end < len(src); end++ {
				if c := src[end]; c == '[' || c == '{' {
					depth++
				} else if c == ']' || c == '}' {
					if depth--; depth == 0 {
						break
					}
				}
			}
			se = se.withWidth(src)
			se.Width = min(end, len(src)-1) + 1 - off
			return se
		}
		if tok == "" || off < 0 || !isIdentByte(tok[0]) || tok[0] >= '0' && tok[0] <= '9' {
			break
		}
		after := src[off+len(tok):]
		switch {
		case strings.HasPrefix(after, ".") && !strings.HasPrefix(after, "..."):
			end := off + len(tok)
			for end+1 < len(src) && src[end] == '.' && isIdentByte(src[end+1]) {
				end += 1 + len(tokenAt(src[end+1:]))
			}
			se.Message = "Illegal property in declaration context"
			se = se.withWidth(src)
			se.Width = end - off
			return se
		case strings.HasPrefix(after, "[") && se.Message != "Invalid binding rest":
			se.Column += len(tok) + 1
		}
	case strings.HasPrefix(msg, "Label '") && strings.HasSuffix(msg, "' already exists"):
		se.Message = strings.TrimSuffix(msg, "already exists") + "has already been declared"
	case msg == "Illegal continue statement" || msg == "Illegal break statement":
		if msg == "Illegal continue statement" {
			se.Message += ": no surrounding iteration statement"
		}
	case msg == "Assignment to eval or arguments is not allowed in strict mode":
		se.Message = "Unexpected eval or arguments in strict mode"
	case msg == "Delete of an unqualified identifier in strict mode",
		msg == "Octal literals are not allowed in strict mode":
		se.Message += "."
	case strings.HasPrefix(msg, "Compiler bug: Unknown expression type: *ast.PrivateIdentifier"):
		if off >= 0 && off < len(src) && src[off] == '#' {
			se.Message = "Private field '#" + tokenAt(src[off+1:]) + "' must be declared in an enclosing class"
		}
	}
	return se.withWidth(src)
}

// span places se at src[start:end] (its line, column and width).
func (se SyntaxError) span(src string, start, end int) SyntaxError {
	se.Line = 1 + strings.Count(src[:start], "\n")
	se.Column = start - strings.LastIndexByte(src[:start], '\n')
	se.Width = max(end-start, 1)
	return se
}

// operandBefore is where the operand ending src (a name, a number, a parenthesized or bracketed
// group, a member chain) begins.
func operandBefore(src string) int {
	i := len(src)
	for i > 0 {
		switch c := src[i-1]; {
		case isIdentByte(c) || c == '.':
			i--
		case c == ')' || c == ']':
			depth := 0
			for i > 0 {
				i--
				if src[i] == ')' || src[i] == ']' {
					depth++
				} else if src[i] == '(' || src[i] == '[' {
					if depth--; depth == 0 {
						break
					}
				}
			}
		default:
			return i
		}
	}
	return i
}

// expressionEnd scans the expression beginning at src[start] to its end: the first ; , or line
// break outside brackets, a closing bracket it did not open, or an assignment operator (assign
// then reports true). The end excludes the spaces before it.
func expressionEnd(src string, start int) (end int, assign bool) {
	depth, i := 0, start
scan:
	for ; i < len(src); i++ {
		switch c := src[i]; c {
		case '"', '\'', '`':
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				break scan
			}
			depth--
		case ';', ',', '\n':
			if depth == 0 {
				break scan
			}
		case '=':
			if depth == 0 && !strings.HasPrefix(src[i:], "==") && !strings.HasPrefix(src[i:], "=>") &&
				(i == 0 || !strings.ContainsRune("=!<>", rune(src[i-1])) || strings.HasSuffix(src[:i], "<<") || strings.HasSuffix(src[:i], ">>")) {
				j := i
				for j > start && strings.ContainsRune("+-*/%&|^<>?", rune(src[j-1])) {
					j-- // (op=: the operator belongs to the assignment)
				}
				return len(strings.TrimRight(src[:j], " \t")), true
			}
		}
	}
	return len(strings.TrimRight(src[:min(i, len(src))], " \t\r")), false
}

// assignTarget is the target of the assignment goja refused at src[off] (where the target, or
// the inside of its parentheses, begins): its start and end, parentheses included.
func assignTarget(src string, off int) (start, end int, ok bool) {
	end, assign := expressionEnd(src, off)
	if assign {
		return off, end, true
	}
	// (a++) = 1: goja points inside the parentheses
	before := strings.TrimRight(src[:off], " \t")
	if end < len(src) && src[end] == ')' && strings.HasSuffix(before, "(") {
		open := len(before) - 1
		if e, assign := expressionEnd(src, open); assign {
			return open, e, true
		}
	}
	return 0, 0, false
}

// forHeadTarget is the target of the for-in or for-of loop whose for (or a place inside whose
// head) is at src[off]: from after the "(" to before the " of" or " in".
func forHeadTarget(src string, off int) (start, end int, ok bool) {
	f := strings.LastIndex(src[:min(max(off, 0)+3, len(src))], "for")
	if f < 0 {
		return 0, 0, false
	}
	i := f + 3
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i >= len(src) || src[i] != '(' {
		return 0, 0, false
	}
	start = i + 1
	for start < len(src) && (src[start] == ' ' || src[start] == '\t') {
		start++
	}
	depth := 0
	for j := start; j+3 < len(src); j++ {
		switch c := src[j]; {
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth == 0 {
				return 0, 0, false
			}
			depth--
		case depth == 0 && (c == ' ' || c == '\t' || c == ']' || c == '}' || c == ')') &&
			(src[j+1:j+3] == "of" || src[j+1:j+3] == "in") && (j+3 == len(src) || !isIdentByte(src[j+3])):
			return start, len(strings.TrimRight(src[:j+1], " \t")), true
		}
	}
	return 0, 0, false
}

// nextLogicalOperator is the offset of the first && or || in src from i, outside brackets, or -1.
func nextLogicalOperator(src string, i int) int {
	depth := 0
	for ; i+1 < len(src); i++ {
		switch c := src[i]; c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth--; depth < 0 {
				return -1
			}
		case ';', ',':
			if depth == 0 {
				return -1
			}
		case '&', '|':
			if depth == 0 && src[i+1] == c {
				return i
			}
		}
	}
	return -1
}

// OffsetOf turns a 1-based line and column into a byte offset of src (-1 when unknown).
func OffsetOf(src string, line, col int) int {
	if line < 1 || col < 1 {
		return -1
	}
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return min(off+col-1, len(src))
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// tokenAt is the identifier or word at the start of s, else its first byte.
func tokenAt(s string) string {
	if s == "" {
		return ""
	}
	i := 0
	for i < len(s) && isIdentByte(s[i]) {
		i++
	}
	if i == 0 {
		return s[:1]
	}
	return s[:i]
}

// prevWord is the identifier just before off (spaces skipped).
func prevWord(src string, off int) string {
	if off < 0 || off > len(src) {
		return ""
	}
	i := off
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	j := i
	for j > 0 && isIdentByte(src[j-1]) {
		j--
	}
	return src[j:i]
}

// functionStatementBefore: the '(' at off follows a `function` keyword that starts a statement.
func functionStatementBefore(src string, off int) bool {
	if prevWord(src, off) != "function" {
		return false
	}
	i := off
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	i -= len("function")
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n' || src[i-1] == '\r') {
		i--
	}
	return i == 0 || strings.IndexByte(";{}", src[i-1]) >= 0
}

// postfixAfter: the expression at the start of s is followed by ++ or --.
func postfixAfter(s string) bool {
	i := 0
	for i < len(s) && (isIdentByte(s[i]) || s[i] == '.' || s[i] == ')' || s[i] == ']') {
		i++
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i+2 <= len(s) && (s[i:i+2] == "++" || s[i:i+2] == "--")
}

// badEscape names the malformed escape in the string literal at the start of s, as V8 does.
func badEscape(s string) string {
	q := s[0]
	for i := 1; i < len(s) && s[i] != q && s[i] != '\n'; i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			continue
		}
		i++
		switch s[i] {
		case 'u':
			if i+1 < len(s) && s[i+1] == '{' {
				j := i + 2
				for j < len(s) && isHex(s[j]) {
					j++
				}
				if j == i+2 || j >= len(s) || s[j] != '}' {
					return "Invalid Unicode escape sequence"
				}
				continue
			}
			for k := 1; k <= 4; k++ {
				if i+k >= len(s) || !isHex(s[i+k]) {
					return "Invalid Unicode escape sequence"
				}
			}
		case 'x':
			for k := 1; k <= 2; k++ {
				if i+k >= len(s) || !isHex(s[i+k]) {
					return "Invalid hexadecimal escape sequence"
				}
			}
		}
	}
	return ""
}

// codePointPastMax is the offset in s, a string literal's text from its quote, of its first
// \u{...} escape past U+10FFFF, or -1.
func codePointPastMax(s string) int {
	q := s[0]
	for i := 1; i < len(s) && s[i] != q && s[i] != '\n'; i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			continue
		}
		if strings.HasPrefix(s[i+1:], "u{") {
			v, j := 0, i+3
			for j < len(s) && isHex(s[j]) && v <= 0x10FFFF {
				d, _ := strconv.ParseUint(s[j:j+1], 16, 8)
				v = v*16 + int(d)
				j++
			}
			if v > 0x10FFFF {
				return i
			}
		}
		i++
	}
	return -1
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// isNotCallKeyword reports whether tok is a keyword that a '(' after it does not make a call.
func isNotCallKeyword(tok string) bool {
	switch tok {
	case "if", "while", "for", "switch", "catch", "with", "function", "return", "typeof", "void",
		"delete", "in", "of", "new", "case", "do", "else", "instanceof", "throw", "yield", "await":
		return true
	}
	return false
}

// inCallArguments scans src (the source before an error) and reports whether the innermost
// open bracket is the '(' of a call's argument list, where V8 says "missing ) after argument
// list" for a token that neither continues the argument nor closes the list. Strings, template
// literals and comments are skipped; a regular expression literal may confuse it.
func inCallArguments(src string) bool {
	var stack []bool // per open bracket: is it a call's '('
	var opens []byte
	prev, prev2 := "", "" // the previous significant tokens: a word, or a punctuator's first byte
	set := func(t string) { prev2, prev = prev, t }
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			j := strings.Index(src[i+2:], "*/")
			if j < 0 {
				return false
			}
			i += j + 4
			continue
		case c == '\'' || c == '"' || c == '`':
			j := i + 1
			for j < len(src) && src[j] != c {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			i = j + 1
			set("str")
			continue
		case isIdentByte(c):
			j := i
			for j < len(src) && isIdentByte(src[j]) {
				j++
			}
			set(src[i:j])
			i = j
			continue
		case c == '(':
			call := prev == ")" || prev == "]" || prev != "" && isIdentByte(prev[0]) && !isNotCallKeyword(prev) &&
				!(prev[0] >= '0' && prev[0] <= '9') && prev2 != "function" && prev2 != "*"
			stack = append(stack, call)
			opens = append(opens, c)
		case c == '[' || c == '{':
			stack = append(stack, false)
			opens = append(opens, c)
		case c == ')' || c == ']' || c == '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
				opens = opens[:len(opens)-1]
			}
		}
		set(string(c))
		i++
	}
	// V8 says it once an argument has ended: right after '(' or ',' the token is just unexpected
	return len(stack) > 0 && stack[len(stack)-1] && opens[len(opens)-1] == '(' && prev != "(" && prev != ","
}

// endsOperand reports whether src ends with a token that can end an expression (a name, a
// literal, a closing bracket, a postfix ++ or --), not with an operator or a keyword that
// still waits for its operand (typeof, new, in, ...).
func endsOperand(src string) bool {
	src = strings.TrimRight(src, " \t\r\n")
	if src == "" {
		return false
	}
	c := src[len(src)-1]
	switch {
	case isIdentByte(c):
		i := len(src)
		for i > 0 && isIdentByte(src[i-1]) {
			i--
		}
		switch src[i:] {
		case "typeof", "void", "delete", "new", "in", "instanceof", "await", "yield", "return", "throw",
			"case", "do", "else", "of", "let", "const", "var", "extends":
			return false
		}
		return true
	case c == '\'' || c == '"' || c == '`' || c == ')' || c == ']' || c == '}':
		return true
	case strings.HasSuffix(src, "++") || strings.HasSuffix(src, "--"):
		return true
	}
	return false
}

// missingParen words se as V8's "missing ) after argument list", which points at the last
// token of the argument before off.
func missingParen(se *SyntaxError, src string, off int) {
	se.Message = "missing ) after argument list"
	i := min(off, len(src))
	for i > 0 && strings.IndexByte(" \t\r\n", src[i-1]) >= 0 {
		i--
	}
	if i == 0 {
		return
	}
	switch c := src[i-1]; {
	case isIdentByte(c):
		for i > 0 && isIdentByte(src[i-1]) {
			i--
		}
	case c == '\'' || c == '"' || c == '`':
		i--
		for i > 0 && src[i-1] != c {
			i--
		}
		i = max(i-1, 0)
	default:
		i--
	}
	se.Line, se.Column = 1, 1
	for _, ch := range []byte(src[:i]) {
		if ch == '\n' {
			se.Line++
			se.Column = 1
		} else {
			se.Column++
		}
	}
}

// UnbalancedCloser finds the first ')', ']' or '}' of src that closes nothing (strings, template
// literals and comments skipped) and returns its 1-based line and column; a block comment that
// never ends is reported as the token "ILLEGAL" where it starts.
func UnbalancedCloser(src string) (line, col int, tok string, ok bool) {
	depth := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			j := strings.Index(src[i+2:], "*/")
			if j < 0 {
				// V8: an unterminated comment is an invalid token where it starts
				line = 1 + strings.Count(src[:i], "\n")
				return line, i - strings.LastIndexByte(src[:i], '\n'), "ILLEGAL", true
			}
			i += j + 3
		case c == '\'' || c == '"' || c == '`':
			j := i + 1
			for j < len(src) && src[j] != c {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			i = j
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth == 0 {
				line = 1 + strings.Count(src[:i], "\n")
				return line, i - strings.LastIndexByte(src[:i], '\n'), src[i : i+1], true
			}
			depth--
		}
	}
	return 0, 0, "", false
}

// isJSKeyword reports whether tok is a reserved keyword.
func isJSKeyword(tok string) bool {
	switch tok {
	case "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
		"do", "else", "export", "extends", "false", "finally", "for", "function", "if", "import",
		"in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true",
		"try", "typeof", "var", "void", "while", "with", "enum":
		return true
	}
	return false
}

// V8FromEsbuild words esbuild's parse error text, raised at line:col (1-based) of src, as V8
// does (ES modules and TypeScript are parsed by esbuild, whose messages are its own:
// `Expected ";" but found "b"` is V8's "Unexpected identifier 'b'").
func V8FromEsbuild(text, src string, line, col int) SyntaxError {
	off := OffsetOf(src, line, col)
	if se, ok := moduleEsbuildError(text, src, off, line, col); ok {
		return se
	}
	switch {
	case text == "Unterminated string literal" && (off < 0 || off >= len(strings.TrimRight(src, "\r\n"))) && strings.Contains(src, "`"):
		// a template literal open at the end of the file (esbuild words it as a string)
		return V8SyntaxMessage("Unexpected end of input", src, line, col)
	case text == `Expected "*/" to terminate multi-line comment`:
		// V8 reports the comment where it opens
		if k := strings.LastIndex(src[:min(max(off, 0), len(src))], "/*"); k >= 0 {
			ls := strings.LastIndexByte(src[:k], '\n') + 1
			return SyntaxError{Message: "Invalid or unexpected token", Line: 1 + strings.Count(src[:k], "\n"), Column: k - ls + 1, Width: 1}
		}
		return SyntaxError{Message: "Invalid or unexpected token", Line: line, Column: col, Width: 1}
	case text == "Unterminated regular expression":
		// V8 marks the literal's opening slash
		if off >= 0 && off <= len(src) {
			ls := strings.LastIndexByte(src[:off], '\n') + 1
			if k := strings.IndexByte(src[ls:off], '/'); k >= 0 {
				for j := strings.LastIndexByte(src[ls:off], '/'); j >= 0; j = strings.LastIndexByte(src[ls:ls+j], '/') {
					k = j
					if j == 0 || src[ls+j-1] != '\\' {
						break
					}
				}
				return SyntaxError{Message: "Invalid regular expression: missing /", Line: line, Column: k + 1, Width: 1}
			}
		}
		return SyntaxError{Message: "Invalid regular expression: missing /", Line: line, Column: col, Width: 1}
	case text == "Unterminated string literal":
		// V8 points at the opening quote
		if off >= 0 && off <= len(src) {
			ls := strings.LastIndexByte(src[:off], '\n') + 1
			if q := strings.LastIndexAny(src[ls:off], "\"'"); q >= 0 {
				col = q + 1
			}
		}
		return SyntaxError{Message: "Invalid or unexpected token", Line: line, Column: col}.withWidth(src)
	case text == "Unexpected end of file" || strings.HasSuffix(text, " but found end of file"):
		return V8SyntaxMessage("Unexpected end of input", src, line, col)
	case strings.HasPrefix(text, "The constant \"") && strings.HasSuffix(text, "\" must be initialized"):
		// V8 marks the constant's name
		name := strings.TrimSuffix(strings.TrimPrefix(text, "The constant \""), "\" must be initialized")
		return SyntaxError{Message: "Missing initializer in const declaration", Line: line, Column: col, Width: len(name)}
	case strings.HasPrefix(text, "The symbol \"") && strings.HasSuffix(text, "\" has already been declared"):
		name := strings.TrimSuffix(strings.TrimPrefix(text, "The symbol \""), "\" has already been declared")
		return SyntaxError{Message: "Identifier '" + name + "' has already been declared", Line: line, Column: col, Width: 1} // (V8 marks one character)
	case text == "Invalid assignment target" || strings.HasPrefix(text, "Invalid left-hand side") || strings.HasPrefix(text, "Invalid assignment target"):
		if off >= 0 && off < len(src) {
			if tok := tokenAt(src[off:]); tok == "eval" || tok == "arguments" {
				msg := "Unexpected eval or arguments in strict mode"
				if destructuringTarget(src[:off]) {
					msg = "Invalid destructuring assignment target"
				}
				return SyntaxError{Message: msg, Line: line, Column: col}.withWidth(src)
			}
		}
		if text != "Invalid assignment target" {
			break
		}
		if off >= 0 && off < len(src) && destructuringTarget(src[:off]) {
			return SyntaxError{Message: "Invalid destructuring assignment target", Line: line, Column: col}.withWidth(src)
		}
		return V8SyntaxMessage("Invalid left-hand side in assignment", src, line, col)
	case strictModeEsbuild(text) != "":
		// what strict mode forbids, which esbuild words for the ES module it is in
		msg := strictModeEsbuild(text)
		switch msg {
		case "Octal escape sequences are not allowed in strict mode.":
			if off >= 0 && off+1 < len(src) && src[off] == '\\' {
				if src[off+1] == '8' || src[off+1] == '9' {
					return SyntaxError{Message: "\\8 and \\9 are not allowed in strict mode.", Line: line, Column: col, Width: 1}
				}
				// V8 marks from the first digit, esbuild the backslash
				at, width := OctalEscapeMark(src[off:])
				return SyntaxError{Message: msg, Line: line, Column: col + at, Width: width}
			}
			return SyntaxError{Message: msg, Line: line, Column: col, Width: 1}
		case "Octal literals are not allowed in strict mode.":
			if off >= 0 && off < len(src) && strings.ContainsAny(tokenAt(src[off:]), "89") {
				msg = "Decimals with leading zeros are not allowed in strict mode."
			}
		case "Unexpected eval or arguments in strict mode":
			if off >= 0 && off < len(src) && destructuringTarget(src[:off]) {
				msg = "Invalid destructuring assignment target"
			}
		}
		return SyntaxError{Message: msg, Line: line, Column: col}.withWidth(src)
	case strings.HasPrefix(text, "Duplicate flag \"") && strings.HasSuffix(text, "\" in regular expression"),
		strings.HasPrefix(text, "Syntax error \"") && regexpFlagsStart(src, off) >= 0:
		// esbuild points at the flag; V8 at the literal's start
		if at := regexpFlagsStart(src, off); at >= 0 {
			ls := strings.LastIndexByte(src[:at], '\n') + 1
			for p := ls; p < at; p++ {
				if src[p] == '/' && p+len(regexpLiteralBody(src[p:])) == at {
					col = p - ls + 1
					break
				}
			}
		}
		return SyntaxError{Message: "Invalid regular expression flags", Line: line, Column: col, Width: 1}
	case strings.HasPrefix(text, "Expected ") && strings.Contains(text, " but found ") || strings.HasPrefix(text, "Unexpected \""):
		if off < 0 || off >= len(src) {
			break
		}
		tok := tokenAt(src[off:])
		c := src[off]
		if k := letIdentifierBefore(src, off); k >= 0 {
			// a module's statement that uses let as a name (let = = 1): V8 refuses the word
			// first, esbuild the later token
			ls := strings.LastIndexByte(src[:k], '\n') + 1
			return SyntaxError{Message: "Unexpected strict mode reserved word", Line: line, Column: k - ls + 1, Width: 3}
		}
		switch {
		case c >= '0' && c <= '9', c == '.' && off+1 < len(src) && src[off+1] >= '0' && src[off+1] <= '9':
			return V8SyntaxMessage("Unexpected number", src, line, col)
		case c == '"' || c == '\'':
			return V8SyntaxMessage("Unexpected string", src, line, col)
		case c == '`':
			return SyntaxError{Message: "Unexpected template string", Line: line, Column: col}.withWidth(src)
		case tok == "super":
			return SyntaxError{Message: "'super' keyword unexpected here", Line: line, Column: col}.withWidth(src)
		case tok == "enum":
			return SyntaxError{Message: "Unexpected reserved word", Line: line, Column: col}.withWidth(src)
		case isJSKeyword(tok):
			return SyntaxError{Message: "Unexpected token '" + tok + "'", Line: line, Column: col}.withWidth(src)
		case isStrictReserved(tok):
			return SyntaxError{Message: "Unexpected strict mode reserved word", Line: line, Column: col}.withWidth(src)
		case isIdentByte(c):
			return V8SyntaxMessage("Unexpected identifier", src, line, col)
		default:
			// a punctuator: esbuild quotes it whole ("=>", "...")
			if _, found, ok := strings.Cut(text, " but found \""); ok {
				tok = strings.TrimSuffix(found, "\"")
			} else if t, ok := strings.CutPrefix(text, "Unexpected \""); ok {
				tok = strings.TrimSuffix(t, "\"")
			}
			if tok == "=" {
				if start, end, ok := shorthandInitializer(src, off); ok {
					ls := strings.LastIndexByte(src[:start], '\n') + 1
					return SyntaxError{Message: "Invalid shorthand property initializer", Line: line, Column: start - ls + 1, Width: end - start}
				}
			}
			return V8SyntaxMessage("Unexpected token "+tok, src, line, col)
		}
	}
	return SyntaxError{Message: text, Line: line, Column: col}.withWidth(src)
}

// destructuringTarget reports whether the name after before is an element of an array pattern
// or the value of a property in an object pattern, where V8 calls eval or arguments an invalid
// destructuring target (a shorthand property or a parameter is an unexpected eval or arguments).
func destructuringTarget(before string) bool {
	b := strings.TrimRight(before, " \t\r\n")
	if strings.HasSuffix(b, ":") {
		return true
	}
	depth := 0
	for i := len(b) - 1; i >= 0 && i >= len(b)-2000; i-- {
		switch b[i] {
		case ')', ']', '}':
			depth++
		case '(', '{':
			if depth == 0 {
				return false
			}
			depth--
		case '[':
			if depth == 0 {
				return true
			}
			depth--
		case ';':
			if depth == 0 {
				return false
			}
		}
	}
	return false
}

// moduleEsbuildError words the esbuild errors of a module's statements, exports, classes and
// accessors that V8 words otherwise, at V8's place (off is esbuild's, col its 1-based column).
func moduleEsbuildError(text, src string, off, line, col int) (SyntaxError, bool) {
	at := func(msg string, start, width int) (SyntaxError, bool) {
		if start < 0 || start > len(src) || off < 0 {
			return SyntaxError{Message: msg, Line: line, Column: col}.withWidth(src), true
		}
		ls := strings.LastIndexByte(src[:start], '\n') + 1
		se := SyntaxError{Message: msg, Line: line, Column: start - ls + 1}
		if width <= 0 {
			return se.withWidth(src), true
		}
		se.Width = width
		return se, true
	}
	quoted := func(prefix, suffix string) (string, bool) {
		if !strings.HasPrefix(text, prefix) || !strings.HasSuffix(text, suffix) || len(text) < len(prefix)+len(suffix) {
			return "", false
		}
		return text[len(prefix) : len(text)-len(suffix)], true
	}
	valid := off >= 0 && off < len(src)
	switch {
	case text == "Top-level return cannot be used inside an ECMAScript module":
		return at("Illegal return statement", off, 0)
	case text == `Cannot use "break" here:`:
		return at("Illegal break statement", off, 0)
	case text == `Cannot use "continue" here:`:
		return at("Illegal continue statement: no surrounding iteration statement", off, 0)
	case text == `Cannot use "yield" outside a generator function`:
		return at("Unexpected strict mode reserved word", off, 0)
	case text == `Cannot use "new.target" here:`:
		// V8 marks target
		if valid && strings.HasPrefix(src[off:], "new.target") {
			return at("new.target expression is not allowed here", off+4, 6)
		}
		return at("new.target expression is not allowed here", off, 0)
	case text == `Invalid static method name "prototype"`, text == `Invalid field name "prototype"` && strings.Contains(src[max(0, off-20):max(0, off)], "static"):
		return at("Classes may not have a static property named 'prototype'", off, 0)
	case text == "for-of loop variables cannot have an initializer", text == "for-in loop variables cannot have an initializer":
		// V8 marks the declaration, from its keyword
		msg := "for-of loop variable declaration may not have an initializer."
		if strings.HasPrefix(text, "for-in") {
			msg = "for-in loop variable declaration may not have an initializer."
		}
		if start, width, ok := forDeclarationBindings(src, off); ok {
			return at(msg, start, width)
		}
		return at(msg, off, 0)
	case text == "for-of loops must have a single declaration", text == "for-in loops must have a single declaration":
		msg := "Invalid left-hand side in for-of loop: Must have a single binding."
		if strings.HasPrefix(text, "for-in") {
			msg = "Invalid left-hand side in for-in loop: Must have a single binding."
		}
		if start, width, ok := forDeclarationBindings(src, off); ok {
			return at(msg, start, width)
		}
		return at(msg, off, 0)
	case text == `Unexpected "," after rest pattern`, text == `Expected ")" but found ","` && restBefore(src, off):
		// V8 marks the comma
		start := off
		if valid && src[off] != ',' {
			if k := strings.LastIndexByte(src[:off], ','); k >= 0 {
				start = k
			}
		}
		return at("Rest parameter must be last formal parameter", start, 1)
	case text == "Unicode escape sequence is out of range":
		if valid && strings.HasPrefix(src[off:], "\\u{") {
			if e := strings.IndexByte(src[off:], '}'); e >= 0 {
				return at("Undefined Unicode code-point", off, e) // (V8 leaves out the brace)
			}
		}
		return at("Undefined Unicode code-point", off, 0)
	case text == `Cannot use "||" with "??" without parentheses`, text == `Cannot use "&&" with "??" without parentheses`,
		text == `Cannot use "??" with "||" without parentheses`, text == `Cannot use "??" with "&&" without parentheses`:
		tok := text[len(`Cannot use "`):]
		tok = tok[:strings.IndexByte(tok, '"')]
		return at("Unexpected token '"+tok+"'", off, 0)
	case text == "Classes cannot contain more than one constructor":
		return at("A class may only have one constructor", off, 0)
	case text == `Cannot use a "use strict" directive in a function with a non-simple parameter list`:
		return at("Illegal 'use strict' directive in function with non-simple parameter list", off, 0)
	case strings.HasPrefix(text, "Getter \"") && strings.HasSuffix(text, "\" must have zero arguments"),
		strings.HasPrefix(text, "Setter \"") && strings.HasSuffix(text, "\" must have exactly one argument"):
		msg := "Getter must not have any formal parameters."
		if text[0] == 'S' {
			msg = "Setter must have exactly one formal parameter."
		}
		// V8 marks the parameter list: esbuild the accessor's name or its first parameter
		if valid {
			open := -1
			if name := tokenAt(src[off:]); name != "" && strings.HasPrefix(strings.TrimLeft(src[off+len(name):], " \t"), "(") {
				open = off + len(name) + strings.IndexByte(src[off+len(name):], '(')
			} else if i := strings.LastIndexByte(src[:off], '('); i >= 0 {
				open = i
			}
			if open >= 0 {
				if closing := strings.IndexByte(src[open:], ')'); closing >= 0 && !strings.Contains(src[open:open+closing], "\n") {
					return at(msg, open, closing+1)
				}
			}
		}
		return at(msg, off, 0)
	}
	if name, ok := quoted(`Duplicate label "`, `"`); ok {
		return at("Label '"+name+"' has already been declared", off, 0)
	}
	if name, ok := quoted(`Private name "`, `" must be declared in an enclosing class`); ok {
		// V8 marks one character: the member access's dot, or the name's #
		start := off
		if valid && off > 0 && src[off-1] == '.' {
			start--
			if start > 0 && src[start-1] == '?' {
				start-- // (?. is one token)
			}
		}
		return at("Private field '"+name+"' must be declared in an enclosing class", start, 1)
	}
	if name, ok := quoted(`There is no containing label named "`, `"`); ok {
		return at("Undefined label '"+name+"'", off, 0)
	}
	if name, ok := quoted(`"`, `" is not declared in this file`); ok {
		return at("Export '"+name+"' is not defined in module", off, 0)
	}
	if name, ok := quoted(`Duplicate import attribute "`, `"`); ok {
		msg := "Import assertion has duplicate key '" + name + "'"
		// V8 marks the second attribute, key to value: esbuild a place in its value
		if valid {
			ls := strings.LastIndexByte(src[:off], '\n') + 1
			le := strings.IndexByte(src[off:], '\n')
			if le < 0 {
				le = len(src) - off
			}
			re := regexp.MustCompile(`(["']?)` + regexp.QuoteMeta(name) + `(["']?)\s*:\s*("[^"\n]*"|'[^'\n]*')`)
			last := []int(nil)
			for _, m := range re.FindAllStringIndex(src[ls:off+le], -1) {
				if ls+m[0] <= off {
					last = m
				}
			}
			if last != nil {
				return at(msg, ls+last[0], last[1]-last[0])
			}
		}
		return at(msg, off, 0)
	}
	if name, ok := quoted(`Multiple exports with the same name "`, `"`); ok {
		if !valid {
			return at("Duplicate export of '"+name+"'", off, 0)
		}
		b := strings.TrimRight(src[:off], " \t")
		word := b[strings.LastIndexFunc(b, func(r rune) bool { return !isIdentRune(r) })+1:]
		switch word {
		case "const", "let", "var", "class":
			return at("Identifier '"+name+"' has already been declared", off, 0)
		case "function":
			return at("Identifier '"+name+"' has already been declared", len(b)-len(word), 1)
		case "as":
			// export { local as name }: V8 marks the specifier
			l := strings.TrimRight(b[:len(b)-2], " \t")
			local := l[strings.LastIndexFunc(l, func(r rune) bool { return !isIdentRune(r) })+1:]
			if local != "" {
				start := len(l) - len(local)
				return at("Duplicate export of '"+name+"'", start, off+len(tokenAt(src[off:]))-start)
			}
		}
		return at("Duplicate export of '"+name+"'", off, 0)
	}
	return SyntaxError{}, false
}

// strictModeEsbuild is V8's message for esbuild's error text about what strict mode forbids (an
// ES module is strict), or "" for another error.
func strictModeEsbuild(text string) string {
	rest, ok := strings.CutSuffix(text, " cannot be used in an ECMAScript module")
	if !ok {
		rest, ok = strings.CutSuffix(text, " cannot be used in strict mode")
	}
	switch {
	case ok && strings.HasPrefix(rest, "\"") && strings.HasSuffix(rest, "\" is a reserved word and"):
		return "Unexpected strict mode reserved word"
	case ok && strings.HasPrefix(rest, "Declarations with the name \""):
		return "Unexpected eval or arguments in strict mode"
	case ok && rest == "With statements":
		return "Strict mode code may not include a with statement"
	case ok && rest == "Delete of a bare identifier":
		return "Delete of an unqualified identifier in strict mode."
	case ok && (rest == "Legacy octal literals" || strings.HasPrefix(rest, "Legacy octal literals")):
		return "Octal literals are not allowed in strict mode."
	case ok && rest == "Legacy octal escape sequences":
		return "Octal escape sequences are not allowed in strict mode."
	case ok && strings.HasPrefix(rest, "Function declarations inside "):
		return "In strict mode code, functions can only be declared at top level or inside a block."
	case strings.HasPrefix(text, "Cannot use \"await\" as an identifier"):
		return "Unexpected reserved word"
	case text == `"await" can only be used inside an "async" function`:
		return "await is only valid in async functions and the top level bodies of modules"
	case strings.HasPrefix(text, "\"") && strings.HasSuffix(text, "\" cannot be bound multiple times in the same parameter list"):
		return "Duplicate parameter name not allowed in this context"
	}
	return ""
}

// isImportMeta reports whether s, which starts with the keyword import, reads import.meta.
func isImportMeta(s string) bool {
	s = strings.TrimLeft(strings.TrimPrefix(s, "import"), " \t\r\n")
	return strings.HasPrefix(s, ".") && strings.HasPrefix(strings.TrimLeft(s[1:], " \t\r\n"), "meta")
}

// regexpFlagsStart is where the flags begin of the regular expression literal whose flag is at
// off in src (just after its closing slash), or -1 when off is not in a literal's flags.
func regexpFlagsStart(src string, off int) int {
	if off < 0 || off >= len(src) {
		return -1
	}
	at := off
	for at > 0 && (src[at-1] >= 'a' && src[at-1] <= 'z' || src[at-1] >= 'A' && src[at-1] <= 'Z') {
		at--
	}
	if at == 0 || src[at-1] != '/' {
		return -1
	}
	return at
}

// RegexpLiteral is the regular expression literal at the start of s with its flags
// ("/a{2,1}/gu"), or "" when s does not start with one.
func RegexpLiteral(s string) string {
	b := regexpLiteralBody(s)
	if b == "" {
		return ""
	}
	j := len(b)
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
		j++
	}
	return s[:j]
}

// regexpLiteralBody is the regular expression literal at the start of s up to its closing slash
// (without flags), or "" when s does not start with one.
func regexpLiteralBody(s string) string {
	if !strings.HasPrefix(s, "/") {
		return ""
	}
	inClass := false
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '\n', '\r':
			return ""
		case '/':
			if !inClass {
				return s[:i+1]
			}
		}
	}
	return ""
}

// isIdentRune reports whether r may be part of an identifier (ASCII letters, digits, _ and $,
// and any non-ASCII rune).
func isIdentRune(r rune) bool {
	return r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= 0x80
}

// restBefore reports whether the parameter list around off has a rest element before it
// (esbuild's "," after a rest parameter).
func restBefore(src string, off int) bool {
	if off < 0 || off > len(src) {
		return false
	}
	k := strings.LastIndexByte(src[:off], '(')
	return k >= 0 && strings.Contains(src[k:off], "...")
}

// forDeclarationBindings is where the bindings of the declaration of the for-in/of loop around
// off are, after its let, const or var and up to its in or of: V8 marks them.
func forDeclarationBindings(src string, off int) (start, width int, ok bool) {
	if off < 0 || off > len(src) {
		return 0, 0, false
	}
	k := strings.LastIndexByte(src[:off], '(')
	if k < 0 {
		return 0, 0, false
	}
	rest := src[k+1:]
	trimmed := strings.TrimLeft(rest, " \t")
	for _, kw := range []string{"const", "let", "var"} {
		if after, found := strings.CutPrefix(trimmed, kw); found && (after == "" || after[0] == ' ' || after[0] == '\t') {
			trimmed = strings.TrimLeft(after, " \t")
			break
		}
	}
	start = len(src) - len(trimmed)
	decl := src[start:]
	e := strings.Index(decl, " of ")
	if i := strings.Index(decl, " in "); i >= 0 && (e < 0 || i < e) {
		e = i
	}
	if e < 0 || strings.Contains(decl[:e], "\n") {
		return 0, 0, false
	}
	return start, len(strings.TrimRight(decl[:e], " \t")), true
}

// shorthandInitializer finds the shorthand property with an initializer ({ a = 1 }) whose = is at
// off in an object literal: from its name to the end of its value, on one line.
func shorthandInitializer(src string, off int) (start, end int, ok bool) {
	if off <= 0 || off >= len(src) || src[off] != '=' {
		return 0, 0, false
	}
	b := strings.TrimRight(src[:off], " \t")
	name := b[strings.LastIndexFunc(b, func(r rune) bool { return !isIdentRune(r) })+1:]
	if name == "" {
		return 0, 0, false
	}
	start = len(b) - len(name)
	if before := strings.TrimRight(src[:start], " \t"); !strings.HasSuffix(before, "{") && !strings.HasSuffix(before, ",") {
		return 0, 0, false
	}
	depth := 0
	for i := off + 1; i < len(src); i++ {
		switch src[i] {
		case '(', '[', '{':
			depth++
		case ')', ']':
			depth--
		case '}', ',':
			if depth == 0 {
				return start, start + len(strings.TrimRight(src[start:i], " \t")), true
			}
			if src[i] == '}' {
				depth--
			}
		case '\n':
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// lastDigitEscape is the offset of the backslash of the last escape of a digit in s (one not
// itself escaped), or -1.
func lastDigitEscape(s string) int {
	for k := len(s) - 2; k >= 0; k-- {
		if s[k] != '\\' || s[k+1] < '0' || s[k+1] > '9' {
			continue
		}
		n := 0
		for j := k; j >= 0 && s[j] == '\\'; j-- {
			n++
		}
		if n%2 == 1 {
			return k
		}
	}
	return -1
}

// templateSubstitutionAt is the offset of the "{" of the template substitution ("${") whose
// expression, at bracket depth 0, holds offset off of src (the place of a token the parser did
// not expect), or -1 when off is elsewhere (inside brackets of the expression, or no template).
func templateSubstitutionAt(src string, off int) int {
	if off <= 0 || off > len(src) {
		return -1
	}
	depth := 0
	for k := off - 1; k >= 0; k-- {
		switch src[k] {
		case ')', ']', '}':
			depth++
		case '(', '[':
			if depth == 0 {
				return -1
			}
			depth--
		case '{':
			if depth > 0 {
				depth--
				continue
			}
			if k == 0 || src[k-1] != '$' || strings.Count(src[:k-1], "`")%2 == 0 {
				return -1
			}
			return k
		case '`':
			return -1
		}
	}
	return -1
}

// letIdentifierBefore is the offset of a let that begins off's line, before off, as a name (not
// followed by a binding: a name, [ or {), or -1.
func letIdentifierBefore(src string, off int) int {
	ls := strings.LastIndexByte(src[:off], '\n') + 1
	k := ls
	for k < off && (src[k] == ' ' || src[k] == '\t') {
		k++
	}
	if k+3 >= off || src[k:k+3] != "let" {
		return -1
	}
	rest := strings.TrimLeft(src[k+3:off], " \t")
	if rest == "" || isIdentByte(rest[0]) || rest[0] == '[' || rest[0] == '{' || rest[0] == '\\' {
		return -1
	}
	return k
}

// asyncArrowParamAt reports whether the await at src[off:] is a parameter's name in an async
// arrow function's list, async (a, await) => ...: V8 says it is no valid identifier name there
// (an async function's parameter is an "Unexpected reserved word").
func asyncArrowParamAt(src string, off int) bool {
	if off < 0 || off > len(src) || !strings.HasPrefix(src[off:], "await") {
		return false
	}
	open := strings.LastIndexByte(src[:off], '(')
	if open < 0 || strings.ContainsAny(src[open+1:off], "()[]{}=") {
		return false
	}
	before := strings.TrimRight(src[:open], " \t\r\n")
	if !strings.HasSuffix(before, "async") || len(before) > 5 && isIdentByte(before[len(before)-6]) {
		return false
	}
	close := strings.IndexByte(src[off:], ')')
	if close < 0 || strings.ContainsAny(src[off:off+close], "([{=") {
		return false
	}
	return strings.HasPrefix(strings.TrimLeft(src[off+close+1:], " \t\r\n"), "=>")
}
