package runtime

import (
	"reflect"
	"strings"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/file"
	"github.com/gojs-dev/gojs/modules"
)

// V8 names the frame of an anonymous function by where it was assigned: `exports.process =
// function () {...}` runs as "at exports.process (...)", `Foo.prototype.bar = function` as
// "at Foo.bar", `a['e-f'] = ...` as "at a.e-f", `a.g = a.h = function` as "at a.g.a.h" (its
// function name inferrer's name, which CallSite.getFunctionName gives too). The name property of
// such a function is "" by the language's rules, so goja's frame has no name: the runtime reads
// the text before the function's start in its program's source, on the first stack that shows
// the frame, and keeps it per program.

// programSrcMap holds the offset of goja.Program's srcMap field and, in an item of it, of the
// source position (^0 when goja lays them out otherwise).
var programSrcMap = modules.Lazy[[2]uintptr]{Build: func() [2]uintptr {
	none := [2]uintptr{^uintptr(0), ^uintptr(0)}
	sf, ok := reflect.TypeFor[goja.Program]().FieldByName("srcMap")
	if !ok || sf.Type.Kind() != reflect.Slice || sf.Type.Elem().Kind() != reflect.Struct {
		return none
	}
	pos, ok := sf.Type.Elem().FieldByName("srcPos")
	if !ok || pos.Type.Kind() != reflect.Int {
		return none
	}
	return [2]uintptr{sf.Offset, pos.Offset}
}}

// programStart is the source and the offset in it at which the function of program prg begins
// (goja maps its first instruction to the function's first token), or ok false.
func programStart(prg unsafe.Pointer) (src string, start int, ok bool) {
	offs := programSrcMap.Get()
	srcOff := programSrcOffset.Get()
	if prg == nil || offs[0] == ^uintptr(0) || srcOff == ^uintptr(0) {
		return "", 0, false
	}
	f := *(**file.File)(unsafe.Add(prg, srcOff))
	if f == nil {
		return "", 0, false
	}
	// the slice's header: its items are read through their reflected layout
	sm := (*struct {
		data unsafe.Pointer
		n    int
	})(unsafe.Add(prg, offs[0]))
	if sm.n == 0 {
		return "", 0, false
	}
	start = *(*int)(unsafe.Add(sm.data, offs[1]))
	src = f.Source()
	if start < 0 || start > len(src) {
		return "", 0, false
	}
	return src, start, true
}

// programFileName is the name of the file program prg was compiled from, or "".
func programFileName(prg unsafe.Pointer) string {
	srcOff := programSrcOffset.Get()
	if prg == nil || srcOff == ^uintptr(0) {
		return ""
	}
	f := *(**file.File)(unsafe.Add(prg, srcOff))
	if f == nil {
		return ""
	}
	return f.Name()
}

// inferredName is V8's inferred name of the anonymous function whose frame is f, or "".
func (s *stackAPI) inferredName(f *goja.StackFrame) string {
	return s.programInferredName(frameProgram(f))
}

// programInferredName is V8's inferred name of the anonymous function whose code is prg, or "".
func (s *stackAPI) programInferredName(prg unsafe.Pointer) string {
	if prg == nil {
		return ""
	}
	if name, ok := s.inferred[prg]; ok {
		return name
	}
	name := ""
	if src, start, ok := programStart(prg); ok {
		if isConstructorAt(src[start:]) {
			// a class's constructor: V8 names its frame "new Class"
			if class := classNameBefore(src[:start]); class != "" {
				name = "new " + class
			} else {
				name = "new" // the class is named by the caller's new expression (ctorFrameName)
			}
		} else {
			name = s.nameBefore(src, start)
			// (a built-in's glue is not node's code: its frames are named otherwise)
			if name == "" && !strings.HasPrefix(programFileName(prg), "node:") {
				if n := s.callArgName(src, start); n != "" {
					name = s.enclosingPrefix(src, start) + n
				}
			}
		}
	}
	if s.inferred == nil {
		s.inferred = map[unsafe.Pointer]string{}
	}
	s.inferred[prg] = name
	return name
}

// nameBefore is V8's inferred name of an anonymous function (or class) whose text begins at
// start in src, read from the text before it; "" when it has none.
func (s *stackAPI) nameBefore(src string, start int) string {
	if name := assignedName(src[:start]); name != "" {
		return s.enclosingPrefix(src, start) + name
	}
	if holder, keys, ok := literalHolderBefore(src[:start]); ok {
		// an element of array literals, or in one the value of an object literal's key
		// (nested ones too), takes the name of what the outermost literal is assigned to,
		// with the keys, as V8's inferrer gives it: const a = [function...] runs as
		// "at Array.a", o.list = [...] as "at o.list", const o = { k: [...] } as "at o.k"
		name := assignedName(holder)
		if name == "" {
			name = assignedVariable(holder)
		}
		if name != "" {
			for _, k := range keys {
				name += "." + k
			}
			return s.enclosingPrefix(src, start) + name
		}
	}
	return ""
}

// assignedName reads, backwards from the end of before (the text up to a function's start), the
// member chains the function is assigned to: "a.b = " gives "a.b", "a.g = a.h = " "a.g.a.h";
// "" when the function is not the right-hand side of an assignment to a member (a variable's
// function has its own name); `this.a.b = ` gives "a.b", `this.x = ` "x".
func assignedName(before string) string {
	var chains []string
	rest := before
	for {
		t := strings.TrimRight(rest, " \t\r\n")
		if !strings.HasSuffix(t, "=") {
			break
		}
		t = t[:len(t)-1]
		if t != "" && strings.IndexByte("=!<>+-*/%&|^?", t[len(t)-1]) >= 0 {
			break // ==, !=, +=, ||=...: not a plain assignment
		}
		t = strings.TrimRight(t, " \t\r\n")
		chain, n := memberChainBefore(t)
		if chain == "" {
			break
		}
		chains = append(chains, chain)
		rest = t[:len(t)-n]
	}
	if len(chains) == 0 {
		return ""
	}
	// the outermost assignment first: a.g = a.h = f is "a.g.a.h"
	var b strings.Builder
	for i := len(chains) - 1; i >= 0; i-- {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(chains[i])
	}
	return b.String()
}

// literalHolderBefore strips, from before (the text up to a function's start), the array
// literals the function is an element of, and the object literals whose key's value holds them:
// "const o = { k: [1, " gives "const o = " and the keys ["k"]. ok is false when the function is
// in no array literal (or the text is not plain enough to tell: a string, a template or a
// comment among the earlier members).
func literalHolderBefore(before string) (string, []string, bool) {
	t := before
	inArray := false
	var keys []string
	for {
		t = strings.TrimRight(t, " \t\r\n")
		switch {
		case strings.HasSuffix(t, "["):
			t = t[:len(t)-1]
			inArray = true
			continue
		case strings.HasSuffix(t, ","):
			open, ok := openingBefore(t[:len(t)-1])
			if !ok || t[open] != '[' {
				return "", nil, false // (after a comma in an object literal, or an argument list)
			}
			if j := identStart(t, open); j < open || open > 0 && (t[open-1] == ']' || t[open-1] == ')') {
				return "", nil, false // a computed member access (a[x, y]), not an array literal
			}
			t = t[:open]
			inArray = true
			continue
		case strings.HasSuffix(t, ":") && inArray:
			// an object literal's key, whose value is an array holding the function
			k := strings.TrimRight(t[:len(t)-1], " \t\r\n")
			var key string
			if n := len(k); n > 1 && (k[n-1] == '\'' || k[n-1] == '"') {
				q := strings.LastIndexByte(k[:n-1], k[n-1])
				if q < 0 || strings.ContainsAny(k[q+1:n-1], "\\\n") {
					return "", nil, false
				}
				key, k = k[q+1:n-1], k[:q]
			} else {
				j := identStart(k, n)
				if j == n || k[j] >= '0' && k[j] <= '9' {
					return "", nil, false
				}
				key, k = k[j:], k[:j]
			}
			k = strings.TrimRight(k, " \t\r\n")
			if !strings.HasSuffix(k, "{") {
				// a key after other members: the literal's "{" is further back
				if !strings.HasSuffix(k, ",") {
					return "", nil, false // (a conditional's ":")
				}
				open, ok := openingBefore(k[:len(k)-1])
				if !ok || k[open] != '{' {
					return "", nil, false
				}
				k = k[:open+1]
			}
			head := strings.TrimRight(k[:len(k)-1], " \t\r\n")
			if head == "" || strings.IndexByte("=[,:", head[len(head)-1]) < 0 {
				return "", nil, false // a block, or an argument (V8 names those otherwise)
			}
			keys = append([]string{key}, keys...)
			t = head
			continue
		}
		break
	}
	return t, keys, inArray
}

// openingBefore finds the bracket ('[', '(' or '{') left open at the end of text, or false
// when the text is not plain enough to tell (a string, a template, a regular expression or a
// comment in the way, or more than 4096 bytes back).
func openingBefore(text string) (int, bool) {
	depth := 0
	for i := len(text) - 1; i >= 0 && len(text)-i < 4096; i-- {
		switch text[i] {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			if depth == 0 {
				return i, true
			}
			depth--
		case '\'', '"':
			// a string on the line: skipped to its opening quote
			j := i - 1
			for ; j >= 0 && text[j] != '\n'; j-- {
				if text[j] == text[i] && (j == 0 || text[j-1] != '\\') {
					break
				}
			}
			if j < 0 || text[j] != text[i] {
				return 0, false
			}
			i = j
		case '`', '/':
			return 0, false
		}
	}
	return 0, false
}

// assignedVariable is the variable that text, ending in its assignment ("const a =", "a ="),
// assigns to, or "".
func assignedVariable(text string) string {
	t, ok := strings.CutSuffix(strings.TrimRight(text, " \t\r\n"), "=")
	if !ok || t != "" && strings.IndexByte("=!<>+-*/%&|^?", t[len(t)-1]) >= 0 {
		return ""
	}
	t = strings.TrimRight(t, " \t\r\n")
	j := identStart(t, len(t))
	if j == len(t) || t[j] >= '0' && t[j] <= '9' || j > 0 && t[j-1] == '.' {
		return ""
	}
	return t[j:]
}

// memberChainBefore reads the member chain (a.b.c, a['x'], with ".prototype" left out as V8
// does, and a leading this too) that ends text, and the number of bytes it spans; "" when text
// does not end with one that has a member access.
func memberChainBefore(text string) (string, int) {
	var parts []string
	i := len(text)
	for {
		var part string
		switch {
		case i > 0 && text[i-1] == ']':
			// ['name'] or ["name"]
			j := i - 2
			if j < 0 || (text[j] != '\'' && text[j] != '"') {
				return "", 0
			}
			q := text[j]
			k := strings.LastIndexByte(text[:j], q)
			if k < 1 || text[k-1] != '[' || strings.ContainsAny(text[k+1:j], "\\\n") {
				return "", 0
			}
			part = text[k+1 : j]
			i = k - 1
			parts = append(parts, part)
			continue
		default:
			j := identStart(text, i)
			if j == i || text[j] >= '0' && text[j] <= '9' {
				return "", 0
			}
			if j > 0 && text[j-1] == '#' {
				j-- // a private name, which V8 names with its #: this.#p.emit is "#p.emit"
			}
			part = text[j:i]
			i = j
		}
		parts = append(parts, part)
		if i > 0 && text[i-1] == '.' && !(i > 1 && text[i-2] == '.') {
			i--
			continue
		}
		break
	}
	if len(parts) < 2 {
		return "", 0 // a plain variable
	}
	if i > 0 && (isIdentByte(text[i-1]) || text[i-1] == '.' || text[i-1] == ')' || text[i-1] == ']') {
		return "", 0 // (part of a longer expression: f().x, a?.b)
	}
	if parts[len(parts)-1] == "this" {
		// this.a.b: V8's inferrer has no name for this, and names the function "a.b"
		parts = parts[:len(parts)-1]
	}
	var b strings.Builder
	for k := len(parts) - 1; k >= 0; k-- {
		if parts[k] == "prototype" && k != len(parts)-1 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(parts[k])
	}
	return b.String(), len(text) - i
}

// isConstructorAt reports whether text begins with a class's constructor method.
func isConstructorAt(text string) bool {
	rest, ok := strings.CutPrefix(text, "constructor")
	return ok && strings.HasPrefix(strings.TrimLeft(rest, " \t\r\n"), "(")
}

// classNameBefore names the class whose body opens in before, the text up to its constructor,
// when only comments and blank lines stand between the body's "{" and the constructor (a class
// whose fields come first is named by its caller instead): class Foo / class Foo extends Bar,
// or an anonymous class expression by what it is assigned to (const Foo = class, a.Foo = class).
func classNameBefore(before string) string {
	t := trimCommentsBack(before)
	if !strings.HasSuffix(t, "{") {
		return ""
	}
	t = t[:len(t)-1]
	// the last `class` keyword of the head (the text of `extends X` may not hold one)
	k := -1
	for i := strings.LastIndex(t, "class"); i >= 0; i = strings.LastIndex(t[:i], "class") {
		if (i == 0 || !isIdentByte(t[i-1])) && i+5 < len(t) && !isIdentByte(t[i+5]) {
			k = i
			break
		}
	}
	if k < 0 {
		return ""
	}
	head := strings.TrimLeft(t[k+5:], " \t\r\n")
	name := head
	for i := 0; i < len(name); i++ {
		if !isIdentByte(name[i]) {
			name = name[:i]
			break
		}
	}
	if strings.Contains(head[len(name):], "class") || strings.ContainsAny(head[len(name):], ";}") {
		return "" // not a plain head (a class expression in the extends clause, or no head at all)
	}
	if name != "" && name != "extends" {
		return name
	}
	// class expression: const Foo = class ..., Foo = class ..., a.Foo = class ...
	lead := strings.TrimRight(t[:k], " \t\r\n")
	if n := assignedName(lead); n != "" {
		return n
	}
	if rest, ok := strings.CutSuffix(lead, "="); ok {
		rest = strings.TrimRight(rest, " \t\r\n")
		j := identStart(rest, len(rest))
		if j < len(rest) && !strings.ContainsAny(rest[len(rest)-1:], "=!<>+-*/%&|^?") {
			return rest[j:]
		}
	}
	return ""
}

// trimCommentsBack drops trailing white space, and the comments (block comments, and lines that
// are line comments or the inner lines of a block comment) that end text.
func trimCommentsBack(text string) string {
	for {
		t := strings.TrimRight(text, " \t\r\n")
		if strings.HasSuffix(t, "*/") {
			if i := strings.LastIndex(t, "/*"); i >= 0 {
				text = t[:i]
				continue
			}
			return t
		}
		line := t
		if i := strings.LastIndexByte(t, '\n'); i >= 0 {
			line = t[i+1:]
		}
		if l := strings.TrimLeft(line, " \t"); strings.HasPrefix(l, "//") {
			text = t[:len(t)-len(line)]
			continue
		}
		return t
	}
}

// ctorFrameName names the frame of a class constructor whose class was not found before it by
// the new expression of its caller (the next script frame): "new Foo" for `new Foo(` or
// `new lib.Foo(` at the caller's place; "" otherwise (a super() call).
func (rt *Runtime) ctorFrameName(caller []goja.StackFrame) string {
	for i := range caller {
		if caller[i].SrcName() == "<native>" {
			continue
		}
		text, col := rt.placeOrMapped(caller[i:])
		if col < 0 {
			return ""
		}
		rest, ok := strings.CutPrefix(text[col:], "new ")
		if !ok {
			return ""
		}
		chain := chainAt(strings.TrimLeft(rest, " \t"))
		if j := strings.LastIndexByte(chain, '.'); j >= 0 {
			chain = chain[j+1:]
		}
		if chain == "" || !isIdent(chain) {
			return ""
		}
		return "new " + chain
	}
	return ""
}
