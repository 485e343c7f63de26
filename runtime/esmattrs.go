package runtime

import (
	"fmt"
	"strconv"
	"strings"
)

// Import attributes (https://nodejs.org/api/esm.html#import-attributes).
//
// esbuild drops the attributes of the imports it turns into require calls, so before the
// transform the `type` attribute of each import with a literal specifier is moved into the
// specifier: `'./x.json' with { type: 'json' }` becomes `'./x.json\x01json'`. The loader splits
// it off again (attrSep) and checks it against the format of the module, as Node does, on
// every import. Static imports, re-exports and import() calls whose options are an object
// literal are covered; import() with computed options passes them at run time.

// attrSep separates a specifier from its import attribute type (a control character no
// specifier holds; esbuild prints it as an escape Go's strconv.Unquote reads).
const attrSep = "\x01"

// rewriteImports moves the type attribute of each import in src into its specifier and renames
// the keyword of each import() call with a second argument to importWithOptions (same length),
// so that esbuild, which drops that argument, leaves the call to the runtime's import with its
// options. Strings and comments are skipped; a call's arguments are matched by brackets.
func rewriteImports(src string) string {
	if !strings.Contains(src, "import") && !strings.Contains(src, "export") {
		return src // (a module may re-export with attributes and import nothing)
	}
	var b []byte // src with the renames, when any
	var inserts []int
	var types []string // each insert's text: the type, then an unsupported attribute's key and value
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\'', '"', '`':
			i = skipQuoted(src, i)
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				for i < len(src) && src[i] != '\n' {
					i++
				}
			} else if i+1 < len(src) && src[i+1] == '*' {
				if j := strings.Index(src[i+2:], "*/"); j >= 0 {
					i += j + 3
				} else {
					i = len(src)
				}
			}
		case 'i':
			if !strings.HasPrefix(src[i:], "import(") || i > 0 && (isIdentByte(src[i-1]) || src[i-1] == '$' || src[i-1] == '.') {
				continue
			}
			if importHasOptions(src, i+len("import(")) {
				if b == nil {
					b = []byte(src)
				}
				copy(b[i:], importWithOptions)
			}
		case 'w', 'a':
			if q, typ := attrClause(src, i); q >= 0 && (len(inserts) == 0 || q > inserts[len(inserts)-1]) {
				inserts = append(inserts, q)
				types = append(types, typ)
			}
		}
	}
	if b == nil && inserts == nil {
		return src
	}
	if b != nil {
		src = string(b)
	}
	var out strings.Builder
	last := 0
	for k, q := range inserts {
		out.WriteString(src[last:q])
		out.WriteString(types[k])
		last = q
	}
	out.WriteString(src[last:])
	return out.String()
}

// attrClause reads an import attributes clause whose `with` or `assert` keyword is at src[i]:
// the index of the specifier's closing quote and the text to insert there (escaped for a string
// literal): attrSep and the type attribute ("" when none), then, when the clause holds an
// attribute other than type, attrSep, its key and attrSep, its value. It returns -1 when there
// is nothing to insert. Of several other attributes the insert names the least key, the one
// node reports: V8 hands a static import's attributes to node sorted by key. A static import
// with the deprecated assert keyword adds attrSep, "assert" and the keyword's line.
func attrClause(src string, i int) (int, string) {
	kw := 0
	if strings.HasPrefix(src[i:], "with") {
		kw = 4
	} else if strings.HasPrefix(src[i:], "assert") {
		kw = 6
	} else {
		return -1, ""
	}
	if i > 0 && (isIdentByte(src[i-1]) || src[i-1] == '$' || src[i-1] == '.') || i+kw < len(src) && (isIdentByte(src[i+kw]) || src[i+kw] == '$') {
		return -1, ""
	}
	var quoteEnd int
	static := false
	after := skipSpace(src, i+kw)
	p := skipSpaceBack(src, i)
	if after < len(src) && src[after] == '{' && p > 0 && (src[p-1] == '\'' || src[p-1] == '"') {
		// import ... from 'x' with { ... } / import 'x' with { ... }
		qs := openingQuote(src, p-1)
		if qs < 0 {
			return -1, ""
		}
		w := skipSpaceBack(src, qs)
		if !hasWordBefore(src, w, "from") && !hasWordBefore(src, w, "import") {
			return -1, ""
		}
		quoteEnd = p - 1
		static = true
	} else if after < len(src) && src[after] == ':' && p > 0 && src[p-1] == '{' {
		// import('x', { with: { ... } })
		after = skipSpace(src, after+1)
		if after >= len(src) || src[after] != '{' {
			return -1, ""
		}
		c := skipSpaceBack(src, p-1)
		if c == 0 || src[c-1] != ',' {
			return -1, ""
		}
		q := skipSpaceBack(src, c-1)
		if q == 0 || src[q-1] != '\'' && src[q-1] != '"' {
			return -1, ""
		}
		qs := openingQuote(src, q-1)
		if qs < 0 {
			return -1, ""
		}
		o := skipSpaceBack(src, qs)
		if o == 0 || src[o-1] != '(' || !hasWordBefore(src, skipSpaceBack(src, o-1), "import") {
			return -1, ""
		}
		quoteEnd = q - 1
	} else {
		return -1, ""
	}
	typ, badKey, badValue, ok := attrType(src, after)
	// a static import's deprecated assert keyword, which V8 warns of, is marked with its line
	deprecated := kw == 6 && static
	if !ok || typ == "" && badKey == "" && !deprecated {
		return -1, ""
	}
	text := `\x01` + escapeAttr(typ)
	if badKey != "" || deprecated {
		text += `\x01` + escapeAttr(badKey) + `\x01` + escapeAttr(badValue)
	}
	if deprecated {
		text += `\x01assert` + strconv.Itoa(1+strings.Count(src[:i], "\n"))
	}
	return quoteEnd, text
}

// escapeAttr writes s for a string literal, any character but a letter, digit, _ or space as an
// escape.
func escapeAttr(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && (isIdentByte(byte(r)) || r == ' ') {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, `\u{%x}`, r)
		}
	}
	return b.String()
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// skipSpaceBack returns the index just after the last non-space byte before i.
func skipSpaceBack(s string, i int) int {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == '\n' || s[i-1] == '\r') {
		i--
	}
	return i
}

// openingQuote finds the quote opening the string literal whose closing quote is at end.
func openingQuote(s string, end int) int {
	q := s[end]
	for j := end - 1; j >= 0; j-- {
		switch s[j] {
		case '\n':
			return -1
		case q:
			n := 0
			for k := j - 1; k >= 0 && s[k] == '\\'; k-- {
				n++
			}
			if n%2 == 0 {
				return j
			}
		}
	}
	return -1
}

// hasWordBefore reports whether the identifier that ends at i is word.
func hasWordBefore(s string, i int, word string) bool {
	if i < len(word) || s[i-len(word):i] != word {
		return false
	}
	j := i - len(word)
	return j == 0 || !isIdentByte(s[j-1]) && s[j-1] != '$' && s[j-1] != '.'
}

// attrType reads the attributes object literal at s[i] ('{') and returns its type value (""
// when absent) and the least other key with its value (badKey "" when none); ok is false when
// it is not a plain list of key: 'string' pairs.
func attrType(s string, i int) (typ, badKey, badValue string, ok bool) {
	i++
	for {
		i = skipSpace(s, i)
		if i >= len(s) {
			return "", "", "", false
		}
		if s[i] == '}' {
			return typ, badKey, badValue, true
		}
		var key string
		if s[i] == '\'' || s[i] == '"' {
			v, n, ok := plainString(s, i)
			if !ok {
				return "", "", "", false
			}
			key, i = v, n
		} else {
			j := i
			for j < len(s) && (isIdentByte(s[j]) || s[j] == '$') {
				j++
			}
			if j == i {
				return "", "", "", false
			}
			key, i = s[i:j], j
		}
		i = skipSpace(s, i)
		if i >= len(s) || s[i] != ':' {
			return "", "", "", false
		}
		i = skipSpace(s, i+1)
		v, n, ok := plainString(s, i)
		if !ok {
			return "", "", "", false
		}
		i = n
		if key == "type" {
			typ = v
		} else if badKey == "" || key < badKey {
			badKey, badValue = key, v
		}
		i = skipSpace(s, i)
		if i < len(s) && s[i] == ',' {
			i++
		}
	}
}

// plainString reads a string literal without escapes or line breaks at s[i].
func plainString(s string, i int) (string, int, bool) {
	if i >= len(s) || s[i] != '\'' && s[i] != '"' {
		return "", 0, false
	}
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\', '\n':
			return "", 0, false
		case s[i]:
			return s[i+1 : j], j + 1, true
		}
	}
	return "", 0, false
}

// splitAttr returns an encoded specifier without its type attribute.
func splitAttr(spec string) string {
	if i := strings.Index(spec, attrSep); i >= 0 {
		return spec[:i]
	}
	return spec
}

// skipQuoted returns the index of the quote closing the string or template literal at s[i].
func skipQuoted(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case q:
			return j
		case '\n':
			if q != '`' {
				return j
			}
		}
	}
	return len(s)
}

// importHasOptions reports whether the import( call whose arguments start at s[i] has a second
// argument.
func importHasOptions(s string, i int) bool {
	j := closeOrComma(s, i, true)
	if j >= len(s) || s[j] != ',' {
		return false
	}
	k := skipSpace(s, j+1)
	return k < len(s) && s[k] != ')'
}

// closeOrComma returns the index of the first ')' (or, with commas, ',') outside brackets and
// quotes from s[i] on, or len(s).
func closeOrComma(s string, i int, commas bool) int {
	depth := 0
	for ; i < len(s); i++ {
		switch s[i] {
		case '\'', '"', '`':
			i = skipQuoted(s, i)
		case '(', '[', '{':
			depth++
		case ']', '}':
			depth--
		case ')':
			if depth == 0 {
				return i
			}
			depth--
		case ',':
			if commas && depth == 0 {
				return i
			}
		}
	}
	return len(s)
}

// blankNodeModeArgs blanks the `, 1` (esbuild's node-mode flag of __toESM) that follows the
// specifier of each import() esbuild lowered, now a call of the runtime's import which reads a
// second argument as the options: `(__gojs_import((x), 1))` becomes `(__gojs_import((x)   ))`.
func blankNodeModeArgs(code string) string {
	const call = "(__gojs_import(("
	var b []byte
	for off := 0; ; {
		i := strings.Index(code[off:], call)
		if i < 0 {
			break
		}
		i += off
		off = i + len(call)
		j := closeOrComma(code, off, false) // the parenthesis closing the specifier's
		if j < len(code) && strings.HasPrefix(code[j:], "), 1))") {
			if b == nil {
				b = []byte(code)
			}
			copy(b[j+1:], "   ")
		}
	}
	if b == nil {
		return code
	}
	return string(b)
}
