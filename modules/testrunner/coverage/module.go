package coverage

import (
	"strings"

	"github.com/dop251/goja/parser"
)

// defaultName stands for the binding of `export default <expression>` in a masked module; the
// functions it names are reported as V8 names them ("default").
const defaultName = "$$dflt$$"

// maskModule returns src with the ES module syntax goja's script parser rejects replaced by
// script text of the same length and line breaks, so that offsets stay: import declarations
// and `export {...}` / `export * from` become blanks, `export ` before a declaration becomes
// blanks (a prefix), `export default` becomes `var $$dflt$$ =` (a prefix), `import(` and
// `import.meta` read an identifier, a top-level `await x` becomes `void x` and `for await` a
// plain `for`. It goes by goja's parse errors, one construct at a time; ok is false when an
// error is not one of these.
func maskModule(filename, src string) (masked string, prefixes [][2]int, ok bool) {
	b := []byte(src)
	for tries := 0; ; tries++ {
		_, err := parser.ParseFile(nil, filename, string(b), 0)
		if err == nil {
			return string(b), prefixes, true
		}
		if tries > 100000 {
			return "", nil, false
		}
		var pe *parser.Error
		if el, isList := err.(parser.ErrorList); isList && len(el) > 0 {
			pe = el[0]
		} else if e, isErr := err.(*parser.Error); isErr {
			pe = e
		}
		if pe == nil {
			return "", nil, false
		}
		off := lineColOffset(b, pe.Position.Line, pe.Position.Column-1)
		if off < 0 {
			return "", nil, false
		}
		s := string(b)
		switch {
		case hasWord(s, off, "import"):
			j := skipSpace(s, off+6)
			if j < len(s) && (s[j] == '(' || s[j] == '.') {
				copy(b[off:], "__imp_")
				continue
			}
			end, good := importEnd(s, off+6)
			if !good {
				return "", nil, false
			}
			blank(b, off, end)
		case hasWord(s, off, "export"):
			j := skipSpace(s, off+6)
			switch {
			case hasWord(s, j, "default"):
				end := j + len("default")
				fill := "var " + defaultName
				fill += strings.Repeat(" ", end-off-len(fill)-1) + "="
				copy(b[off:], fill)
				prefixes = append(prefixes, [2]int{off, end})
			case j < len(s) && (s[j] == '{' || s[j] == '*'):
				end, good := importEnd(s, j)
				if !good {
					return "", nil, false
				}
				blank(b, off, end)
			default:
				blank(b, off, off+6)
				prefixes = append(prefixes, [2]int{off, off + 6})
			}
		case hasWord(s, off, "await"):
			// for await (...)
			blank(b, off, off+5)
		default:
			// `await x` at the top level: goja reads await as a name and fails on what follows
			k := off
			for k > 0 && (s[k-1] == ' ' || s[k-1] == '\t' || s[k-1] == '\n' || s[k-1] == '\r') {
				k--
			}
			if k < 5 || s[k-5:k] != "await" || k > 5 && word(s[k-6]) {
				return "", nil, false
			}
			copy(b[k-5:], "void ")
		}
	}
}

func lineColOffset(b []byte, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(string(b[off:]), '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	if col < 0 || off+col > len(b) {
		return -1
	}
	return off + col
}

func hasWord(s string, i int, w string) bool {
	return strings.HasPrefix(s[i:], w) && (i+len(w) == len(s) || !word(s[i+len(w)])) && (i == 0 || !word(s[i-1]))
}

// blank replaces b[from:to] by spaces, keeping line breaks.
func blank(b []byte, from, to int) {
	for i := from; i < to && i < len(b); i++ {
		if b[i] != '\n' && b[i] != '\r' {
			b[i] = ' '
		}
	}
}

// skipSpace moves past white space and comments.
func skipSpace(s string, i int) int { return skipSpaceParens(s, i, false) }

// skipSpaceParens moves past white space and comments, and closing parentheses when parens is set.
func skipSpaceParens(s string, i int, parens bool) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r':
			i++
		case parens && s[i] == ')':
			i++
		case strings.HasPrefix(s[i:], "//"):
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case strings.HasPrefix(s[i:], "/*"):
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return len(s)
			}
			i += j + 4
		default:
			return i
		}
	}
	return i
}

// stringEnd returns the index after the string literal at s[i], or -1.
func stringEnd(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case q:
			return j + 1
		case '\n':
			return -1
		}
	}
	return -1
}

// importEnd returns where the import declaration (or `export {...}`/`export *` declaration)
// whose clause starts at i ends: after its module specifier, import attributes and semicolon,
// or after the closing brace (and semicolon) of a local `export {...}`.
func importEnd(s string, i int) (int, bool) {
	depth := 0
	sawBrace := false
	for {
		i = skipSpace(s, i)
		if i >= len(s) {
			if sawBrace && depth == 0 {
				return i, true
			}
			return 0, false
		}
		c := s[i]
		switch {
		case c == '\'' || c == '"':
			e := stringEnd(s, i)
			if e < 0 {
				return 0, false
			}
			if depth > 0 {
				i = e
				continue
			}
			// the module specifier
			return attributesEnd(s, e), true
		case c == '{':
			depth++
			sawBrace = true
			i++
		case c == '}':
			depth--
			i++
			if depth == 0 {
				j := skipSpace(s, i)
				if !hasWord(s, j, "from") {
					return semicolon(s, i), true // export { a, b }
				}
			}
		case c == ';' && depth == 0:
			return 0, false
		case word(c):
			for i < len(s) && word(s[i]) {
				i++
			}
		default:
			i++
		}
	}
}

// attributesEnd moves past `with { ... }` / `assert { ... }` and a semicolon after i.
func attributesEnd(s string, i int) int {
	j := skipSpace(s, i)
	if hasWord(s, j, "with") || hasWord(s, j, "assert") {
		k := skipSpace(s, j+4)
		if hasWord(s, j, "assert") {
			k = skipSpace(s, j+6)
		}
		if k < len(s) && s[k] == '{' {
			if e := strings.IndexByte(s[k:], '}'); e >= 0 {
				i = k + e + 1
			}
		}
	}
	return semicolon(s, i)
}

func semicolon(s string, i int) int {
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	if j < len(s) && s[j] == ';' {
		return j + 1
	}
	return i
}
