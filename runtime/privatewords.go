package runtime

import (
	"strings"

	"github.com/dop251/goja"
)

// goja words every failed use of a private name as a field's ("Cannot read private member #m
// from an object whose class did not declare it"). V8 tells private methods and accessors
// apart: their brand is the class, so a receiver without it "must be an instance of class A"
// (a static one: "must be class A"), and `#m in 1` searches for the class. Which kind #m is, and
// the class (its own name: "anonymous" for a class expression without one), are read from the
// class body that declares it around the error's place.

// privateDecl is what a class body declares a private name as.
type privateDecl struct {
	class          string // the class's own name, "anonymous" without one
	method, static bool   // a method or accessor (not a field); static
	getter, setter bool   // an accessor's halves
	found          bool
}

// privateWords is V8's message for goja's message m about a private name, thrown at raw[0]'s
// place, or "" when it words it as goja does.
func (rt *Runtime) privateWords(m string, raw []goja.StackFrame) string {
	const notDeclared = " from an object whose class did not declare it"
	name, kind := "", ""
	switch {
	case strings.HasPrefix(m, "Cannot read private member ") && strings.HasSuffix(m, notDeclared):
		name, kind = strings.TrimSuffix(strings.TrimPrefix(m, "Cannot read private member "), notDeclared), "receiver"
	case strings.HasPrefix(m, "Cannot write private member ") && strings.HasSuffix(m, notDeclared):
		name, kind = strings.TrimSuffix(strings.TrimPrefix(m, "Cannot write private member "), notDeclared), "receiver"
	case strings.HasPrefix(m, "Cannot use 'in' operator to search for '#"):
		rest := strings.TrimPrefix(m, "Cannot use 'in' operator to search for '")
		if j := strings.Index(rest, "' in "); j > 0 {
			name, kind = rest[:j], "in"
		}
	case strings.HasPrefix(m, "Cannot assign to read only property '#"):
		rest := strings.TrimSuffix(strings.TrimPrefix(m, "Cannot assign to read only property '"), " of object '#<Object>'")
		name, kind = strings.TrimSuffix(rest, "'"), "setter"
	default:
		return ""
	}
	if len(name) < 2 || name[0] != '#' || !isIdent(name[1:]) {
		return ""
	}
	d := rt.privateDeclAt(name, raw)
	if !d.found || !d.method {
		return ""
	}
	switch kind {
	case "receiver":
		if d.static {
			return "Receiver must be class " + d.class
		}
		return "Receiver must be an instance of class " + d.class
	case "in":
		if d.static {
			return ""
		}
		rest := strings.TrimPrefix(m, "Cannot use 'in' operator to search for '"+name+"'")
		return "Cannot use 'in' operator to search for '" + d.class + "'" + rest
	case "setter":
		if d.getter && !d.setter {
			return "'" + name + "' was defined without a setter"
		}
	}
	return ""
}

// privateDeclAt finds the declaration of the private name (with its #) that the code at raw[0]'s
// place sees: in the innermost class body around it that declares it.
func (rt *Runtime) privateDeclAt(name string, raw []goja.StackFrame) privateDecl {
	if len(raw) == 0 || raw[0].SrcName() == "<native>" || rt.stacks == nil {
		return privateDecl{}
	}
	p := raw[0].Position()
	if rt.esmSources[p.Filename] || rt.transformed[p.Filename] {
		return privateDecl{}
	}
	src, off := rt.lineStart(p.Filename, p.Line)
	if off < 0 {
		return privateDecl{}
	}
	col := p.Column - 1
	if p.Line == 1 && rt.wrapped[p.Filename] {
		col -= len(cjsWrapperPrefix)
	}
	at := off + max(col, 0)
	scopes := rt.stacks.funcScopesOf(src)
	for k := len(scopes) - 1; k >= 0; k-- { // (the innermost last)
		sc := scopes[k]
		if !sc.class || !(sc.open < at && at < sc.close) {
			continue
		}
		if d := classPrivateDecl(src, sc, name); d.found {
			return d
		}
	}
	return privateDecl{}
}

// classPrivateDecl reads the members of the class body sc (its own, not those of the classes
// and functions inside it) for the declaration of name.
func classPrivateDecl(src string, sc funcScope, name string) privateDecl {
	d := privateDecl{class: classOwnName(src[:sc.open])}
	end := min(sc.close, len(src))
	depth := 0
	prev, prevWord := byte('{'), ""
	nl := false       // a line break since the last token (a member after a field without its ;)
	var mods []string // the modifiers of the member being read (static, async, get, set, *)
	for i := sc.open + 1; i < end; i++ {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			nl = nl || c == '\n'
			continue
		case c == '/' && i+1 < end && src[i+1] == '/':
			for i < end && src[i] != '\n' {
				i++
			}
			nl = true
			continue
		case c == '/' && i+1 < end && src[i+1] == '*':
			if j := strings.Index(src[i+2:end], "*/"); j >= 0 {
				i += j + 3
			} else {
				i = end
			}
			continue
		case c == '\'' || c == '"' || c == '`':
			i = skipQuoted(src, i)
		case c == '/' && regexAfter(prev, prevWord):
			i = skipRegexp(src, i)
		case c == '{' || c == '(' || c == '[':
			depth++
		case c == '}' || c == ')' || c == ']':
			depth--
			if depth == 0 && c == '}' {
				mods = mods[:0] // (a method's body ended: the next member begins)
			}
		case c == ';' && depth == 0:
			mods = mods[:0]
		case c == '#' && depth == 0 && prev != '.' && (prev == '{' || prev == '}' || prev == ';' || prev == '*' || prevWord != "" || nl):
			j := i + 1
			for j < end && isIdentByte(src[j]) {
				j++
			}
			if src[i:j] == name {
				k := j
				for k < end && (src[k] == ' ' || src[k] == '\t' || src[k] == '\r' || src[k] == '\n') {
					k++
				}
				method := k < end && src[k] == '('
				d.found = true
				for _, m := range mods {
					switch m {
					case "static":
						d.static = true
					case "get":
						d.getter, method = true, true
					case "set":
						d.setter, method = true, true
					}
				}
				d.method = d.method || method
			}
			mods = mods[:0]
			prev, prevWord, nl = src[j-1], "", false
			i = j - 1
			continue
		case isIdentByte(c):
			j := i
			for j < end && isIdentByte(src[j]) {
				j++
			}
			w := src[i:j]
			if depth == 0 && (w == "static" || w == "async" || w == "get" || w == "set") {
				mods = append(mods, w)
				prev, prevWord = src[j-1], w
			} else {
				if depth == 0 {
					mods = mods[:0]
				}
				prev, prevWord = src[j-1], ""
			}
			nl = false
			i = j - 1
			continue
		}
		prev, prevWord, nl = c, "", false
	}
	return d
}

// classOwnName is the name a class is declared or expressed with, from the text before its
// body's "{" ("anonymous" for a class expression without one: V8 does not take the variable's).
func classOwnName(before string) string {
	t := strings.TrimRight(before, " \t\r\n")
	from := max(0, len(t)-256)
	for i := strings.LastIndex(t[from:], "class"); i >= 0; i = strings.LastIndex(t[from:from+i], "class") {
		if isWordAt(t, from+i, len("class")) {
			head := strings.Fields(t[from+i+len("class"):])
			if len(head) > 0 && isIdent(head[0]) && head[0] != "extends" {
				return head[0]
			}
			break
		}
	}
	return "anonymous"
}
