package runtime

import (
	"strings"
	"unsafe"
)

// V8's function name inferrer also pushes the name of each enclosing function whose name begins
// with a capital letter (a constructor, by convention: FuncNameInferrer::PushEnclosingName), when
// it is the innermost function around the assignment, so `function Foo() { this.a.b = function
// () {} }` names the inner function "Foo.a.b", and `function Foo() { q.b = function () {} }`
// "Foo.q.b"; a class Foo's constructor counts as a function Foo. A source's function bodies are found
// once, by one forward scan of its text that skips strings, template literals, comments and
// regular expression literals (funcScopes), and kept per source.

// funcScope is the body of a function: the offsets of its braces, and its name when it is a
// function declared or expressed with a capitalized name.
type funcScope struct {
	open, close int
	name        string
	class       bool // a class's body (named after the class, "" when it is anonymous), not a function's
}

// enclosingPrefix is "Name." when the innermost function whose body holds the offset start of
// src is a function with a capitalized name, "" otherwise.
func (s *stackAPI) enclosingPrefix(src string, start int) string {
	if src == "" {
		return ""
	}
	name := ""
	for _, sc := range s.funcScopesOf(src) { // (in the order of their opening braces: the innermost last)
		if sc.open < start && start < sc.close && !sc.class {
			name = sc.name
		}
	}
	if name == "" {
		return ""
	}
	return name + "."
}

// funcScopesOf is funcScopes(src), kept per source.
func (s *stackAPI) funcScopesOf(src string) []funcScope {
	key := unsafe.StringData(src)
	scopes, ok := s.scopes[key]
	if !ok {
		scopes = funcScopes(src)
		if s.scopes == nil {
			s.scopes = map[*byte][]funcScope{}
		}
		s.scopes[key] = scopes
	}
	return scopes
}

// funcScopes scans src for the bodies of functions (funcScope).
func funcScopes(src string) []funcScope {
	var out []funcScope
	type open struct {
		scope    int  // index in out of a function's body, else -1
		template bool // the ${ of a template literal
	}
	var stack []open
	prev := byte(0) // the last significant byte, for telling a regular expression from a division
	prevWord := ""  // the identifier that ended at prev, if one did
	n := len(src)
	for i := 0; i < n; i++ {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		case c == '/' && i+1 < n && src[i+1] == '/':
			for i < n && src[i] != '\n' {
				i++
			}
			continue
		case c == '/' && i+1 < n && src[i+1] == '*':
			if j := strings.Index(src[i+2:], "*/"); j >= 0 {
				i += j + 3
			} else {
				i = n
			}
			continue
		case c == '\'' || c == '"':
			i = skipQuoted(src, i) // (esmattrs.go)
		case c == '`':
			i = skipTemplate(src, i+1)
			if i < n && src[i] == '$' {
				i++ // at the ${ of an expression
				stack = append(stack, open{scope: -1, template: true})
			}
		case c == '/' && regexAfter(prev, prevWord):
			i = skipRegexp(src, i)
		case c == '{':
			o := open{scope: -1}
			if name, ok := funcBodyBefore(src[:i]); ok {
				o.scope = len(out)
				out = append(out, funcScope{open: i, close: n, name: name})
			} else if name, ok := classBodyBefore(src[:i]); ok {
				o.scope = len(out)
				out = append(out, funcScope{open: i, close: n, name: name, class: true})
			}
			stack = append(stack, o)
		case c == '}':
			if len(stack) > 0 {
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if o.scope >= 0 {
					out[o.scope].close = i
				}
				if o.template {
					i = skipTemplate(src, i+1)
					if i < n && src[i] == '$' {
						i++
						stack = append(stack, open{scope: -1, template: true})
					}
				}
			}
		case isIdentByte(c):
			j := i
			for j < n && isIdentByte(src[j]) {
				j++
			}
			prev, prevWord = src[j-1], src[i:j]
			i = j - 1
			continue
		}
		prev, prevWord = c, ""
	}
	return out
}

// skipTemplate returns the offset of the backquote that ends the template literal text starting
// at i, or of the "${" that interrupts it.
func skipTemplate(src string, i int) int {
	for ; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '`':
			return i
		case '$':
			if i+1 < len(src) && src[i+1] == '{' {
				return i
			}
		}
	}
	return len(src)
}

// skipRegexp returns the offset of the slash that closes the regular expression literal opened
// at i (a slash inside a class [...] does not close it).
func skipRegexp(src string, i int) int {
	class := false
	for i++; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '[':
			class = true
		case ']':
			class = false
		case '/':
			if !class {
				return i
			}
		case '\n':
			return i
		}
	}
	return len(src)
}

// regexAfter reports whether a slash after prev (the last significant byte; word, the identifier
// or keyword it ended, if any) begins a regular expression rather than a division.
func regexAfter(prev byte, word string) bool {
	if word != "" {
		switch word {
		case "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await":
			return true
		}
		return false
	}
	return prev == 0 || strings.IndexByte("(,=:[!&|?{};+-*%<>~^", prev) >= 0
}

// funcBodyBefore reports whether the "{" that before ends at opens a function's body (after a
// function's or a method's parameters, or an arrow), with the name of the function when it is a
// function declared or expressed with a capitalized name.
func funcBodyBefore(before string) (name string, ok bool) {
	t := strings.TrimRight(before, " \t\r\n")
	if strings.HasSuffix(t, "=>") {
		return "", true
	}
	if !strings.HasSuffix(t, ")") {
		return "", false
	}
	depth := 0
	i := len(t) - 1
	for ; i >= 0; i-- {
		if t[i] == ')' {
			depth++
		} else if t[i] == '(' {
			if depth--; depth == 0 {
				break
			}
		}
	}
	if i < 0 {
		return "", false
	}
	t = strings.TrimRight(t[:i], " \t\r\n")
	j := identStart(t, len(t))
	word := t[j:]
	switch word {
	case "if", "for", "while", "switch", "catch", "with":
		return "", false // a block
	}
	if word == "constructor" {
		// a class's constructor, whose function is named after its class: V8 pushes that name
		// when it is capitalized (`class Foo { constructor() { this.a = () => {} } }` names
		// the arrow "Foo.a")
		if class := classNameBefore(t[:j]); class != "" && class[0] >= 'A' && class[0] <= 'Z' && !strings.Contains(class, ".") {
			return class, true
		}
		return "", true
	}
	if word == "" || word[0] < 'A' || word[0] > 'Z' {
		return "", true
	}
	t = strings.TrimRight(strings.TrimRight(t[:j], " \t\r\n"), "*")
	t = strings.TrimRight(t, " \t\r\n")
	if !strings.HasSuffix(t, "function") || len(t) > 8 && isIdentByte(t[len(t)-9]) {
		return "", true // (a method's body: V8 pushes no name for it)
	}
	return word, true
}

// classBodyBefore reports whether the "{" that before ends at opens a class's body (`class Foo`,
// `class Foo extends Bar`, `class extends x.Base`, `const Foo = class`), with the class's name:
// its own, else the one it is assigned to, "" when it has neither.
func classBodyBefore(before string) (name string, ok bool) {
	t := strings.TrimRight(before, " \t\r\n")
	if t == "" || !isIdentByte(t[len(t)-1]) {
		return "", false // (a heritage that ends otherwise, a call or brackets, is not looked at)
	}
	from := max(0, len(t)-256) // (a class's head is short: the search stays near the brace)
	k := -1
	for i := strings.LastIndex(t[from:], "class"); i >= 0; i = strings.LastIndex(t[from:from+i], "class") {
		if isWordAt(t, from+i, len("class")) {
			k = from + i
			break
		}
	}
	if k < 0 {
		return "", false
	}
	head := strings.Fields(t[k+len("class"):])
	switch {
	case len(head) == 0:
	case len(head) == 1 && isIdent(head[0]) && head[0] != "extends":
		name = head[0]
	case len(head) == 2 && head[0] == "extends" && isMemberChain(head[1]):
	case len(head) == 3 && isIdent(head[0]) && head[1] == "extends" && isMemberChain(head[2]):
		name = head[0]
	default:
		return "", false
	}
	if name == "" {
		name = assignedVariable(t[:k]) // const Foo = class {...}
	}
	return name, true
}

// isMemberChain reports whether s is a plain chain of names (a, a.b.c).
func isMemberChain(s string) bool {
	for _, part := range strings.Split(s, ".") {
		if !isIdent(part) {
			return false
		}
	}
	return true
}
