package runtime

import (
	"regexp"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// destructureWords is V8's message for an object pattern given null or undefined (`const { a } =
// v`, `({ a } = v)`), which goja words "Value is not object coercible": "Cannot destructure
// property 'a' of 'v' as it is undefined.", naming the first property and the source of the
// value; "Cannot destructure 'v' as it is null." for a pattern with none to name ({}, a computed
// key, a rest element); and, as V8, "Cannot read properties of null (reading 'a')" when the first
// property has a default. goja points at the value's source, after the pattern and its "=";
// value is "null" or "undefined", as the engine's value stack holds it. "" when the place is not
// such a pattern (a parameter's, whose place is the call; a pattern spread over many lines).
func (rt *Runtime) destructureWords(raw []goja.StackFrame, value string) string {
	if value == "" {
		return ""
	}
	text, col := rt.errorPlace(raw)
	if col < 0 {
		return ""
	}
	if w := rt.paramDestructureWords(text[col:], value); w != "" {
		return w
	}
	if rest := text[col:]; strings.Count(rest, "(") > strings.Count(rest, ")") && len(raw) > 0 {
		// a parameter list over several lines: read on up to 32 of them
		p := raw[0].Position()
		for line := p.Line + 1; line <= p.Line+32 && strings.Count(rest, "(") > strings.Count(rest, ")"); line++ {
			rest += "\n" + rt.sourceLine(p.Filename, line)
		}
		if w := rt.paramDestructureWords(rest, value); w != "" {
			return w
		}
	}
	if w := rt.assignedPatternWords(raw, text, col, value); w != "" {
		return w
	}
	return rt.linePatternWords(text, col, value)
}

// linePattern finds the one pattern text, a line, assigns (`{...} =` or `[...] =`) or loops
// over (`of`): its brackets' offsets, its "=" (or "of"), and whether it is a loop's; eq is -1
// when the line has none or more than one.
func linePattern(text string) (open, close, eq int, forOf bool) {
	open, close, eq = -1, -1, -1
	for i := 1; i < len(text); i++ {
		of := strings.HasPrefix(text[i:], "of ") && (text[i-1] == ' ' || text[i-1] == '}')
		if !of && (text[i] != '=' || (i+1 < len(text) && (text[i+1] == '=' || text[i+1] == '>')) ||
			strings.ContainsRune("=!<>+-*/%&|^?", rune(text[i-1]))) {
			continue
		}
		j := len(strings.TrimRight(text[:i], " \t")) - 1
		if j < 0 || (text[j] != '}' && text[j] != ']') {
			continue
		}
		o := matchingOpen(text, j)
		if o < 0 {
			continue
		}
		if eq >= 0 {
			return -1, -1, -1, false // more than one
		}
		open, close, eq, forOf = o, j, i, of
	}
	return open, close, eq, forOf
}

// assignedPatternWords is destructureWords where goja points at the value's source, right after
// the pattern's "=".
func (rt *Runtime) assignedPatternWords(raw []goja.StackFrame, text string, col int, value string) string {
	// goja points into the value's expression (a member's name, a call's "("): from its start
	col = chainStart(text, col)
	before := strings.TrimRight(text[:col], " \t")
	if rest, ok := strings.CutSuffix(before, "of"); ok && (strings.HasSuffix(rest, " ") || strings.HasSuffix(rest, "}")) {
		// for (const { a } of list): V8 names the loop's value '.for'
		rest = strings.TrimRight(rest, " \t")
		if strings.HasSuffix(rest, "}") {
			if open := matchingOpen(rest, len(rest)-1); open >= 0 {
				return rt.objectPatternWords(strings.TrimSpace(rest[open+1:len(rest)-1]), ".for", value)
			}
		}
		return ""
	}
	if !strings.HasSuffix(before, "=") {
		return ""
	}
	before = strings.TrimRight(before[:len(before)-1], " \t")
	if before != "" && strings.ContainsRune("=!<>+-*/%&|^?", rune(before[len(before)-1])) {
		return "" // ==, +=, ... : not a pattern's "="
	}
	if !strings.HasSuffix(before, "}") {
		return ""
	}
	open := matchingOpen(before, len(before)-1)
	if open < 0 {
		// a pattern over several lines (const {\n  a,\n} = v): read back up to 32 of them
		p := raw[0].Position()
		for line := p.Line - 1; open < 0 && line >= 1 && line >= p.Line-32; line-- {
			prev := rt.sourceLine(p.Filename, line)
			if line == 1 && rt.wrapped[p.Filename] {
				prev = strings.TrimPrefix(prev, cjsWrapperPrefix)
			}
			before = prev + "\n" + before
			open = matchingOpen(before, len(before)-1)
		}
		if open < 0 {
			return ""
		}
	}
	src := destructureSource(text[col:])
	if src == "" {
		return ""
	}
	if b := strings.TrimRight(before[:open], " \t"); (strings.HasSuffix(b, "(") || strings.HasSuffix(b, ",")) && paramPattern(text, len(b)-1) {
		// a parameter's pattern with a default (function f({a} = {})): V8's value is the
		// conditional it makes of it
		src = "(intermediate value)(intermediate value)(intermediate value)"
	}
	return rt.objectPatternWords(strings.TrimSpace(before[open+1:len(before)-1]), src, value)
}

// paramPattern reports whether the "(" or "," at at in text starts or separates a function's
// parameters: a "(" (the one the "," is inside) whose list a "{" or "=>" follows.
func paramPattern(text string, at int) bool {
	open := at
	if text[at] == ',' {
		o, ok := openingBefore(text[:at])
		if !ok {
			return false
		}
		open = o
	}
	if text[open] != '(' {
		return false
	}
	end := matchingClose(text, open)
	if end < 0 {
		return false
	}
	after := strings.TrimLeft(text[end+1:], " \t")
	return strings.HasPrefix(after, "{") || strings.HasPrefix(after, "=>")
}

// objectPatternWords is V8's message for the object pattern whose text inside its braces is
// inner, given value (null or undefined) from src, at its top or at a pattern nested in it.
func (rt *Runtime) objectPatternWords(inner, src, value string) string {
	if top := parsePattern(inner, false); top != nil {
		if w := nestedPatternWords(rt.vm, top, src, value); w != "" {
			return w
		}
	}
	return patternWords(inner, src, value)
}

// linePatternWords is destructureWords where goja's place is not the value's source (a nested
// pattern's failure points into the source's literal, or at the pattern): when text, the line,
// assigns exactly one pattern (`{...} =` or `[...] =`, or loops over one), that is the one, when
// goja's place col is in that statement or the value is the literal null or undefined (whose
// load goja gives no place of its own: col is then some earlier one's).
func (rt *Runtime) linePatternWords(text string, col int, value string) string {
	open, close, eq, forOf := linePattern(text)
	if eq < 0 {
		return ""
	}
	src := ".for" // (V8's name for a for-of loop's value)
	rest := strings.TrimLeft(text[eq+1:], " \t")
	if forOf {
		rest = strings.TrimLeft(text[eq+2:], " \t")
	} else {
		src = destructureSource(rest)
	}
	end := len(text) - len(rest) + len(sourceUntilEnd(rest))
	if src == "" || ((col < open || col > end) && src != value) {
		return ""
	}
	inner := strings.TrimSpace(text[open+1 : close])
	if text[close] == ']' {
		// (an array pattern given null or undefined is not this message: a nested one failed)
		if top := parsePattern(inner, true); top != nil {
			return nestedPatternWords(rt.vm, top, src, value)
		}
		return ""
	}
	return rt.objectPatternWords(inner, src, value)
}

// paramDestructureWords is V8's message for a parameter's object pattern given null or
// undefined, where goja points at the function's start (function f(, m(, an arrow's "("): V8
// names the value, not a source ('undefined', or 'object null'). "" if rest is not a function's
// start with such a parameter.
func (rt *Runtime) paramDestructureWords(rest, value string) string {
	rest, ok := paramListAt(rest)
	if !ok {
		return ""
	}
	// the first parameter that is an object pattern (at the list's top level), or a pattern
	// nested in an array pattern
	src := "undefined"
	if value == "null" {
		src = "object null"
	}
	depth := 0
	for i := 1; i < len(rest); i++ {
		switch rest[i] {
		case '[':
			if depth == 0 {
				if end := matchingClose(rest, i); end > 0 {
					if top := parsePattern(rest[i+1:end], true); top != nil {
						if w := nestedPatternWords(rt.vm, top, src, value); w != "" {
							return w
						}
					}
				}
			}
			depth++
		case '(':
			depth++
		case ')', ']':
			if depth == 0 {
				return ""
			}
			depth--
		case '{':
			if depth > 0 {
				depth++
				continue
			}
			end := matchingClose(rest, i)
			if end < 0 {
				return ""
			}
			if after := strings.TrimLeft(rest[end+1:], " \t"); strings.HasPrefix(after, "=") && !strings.HasPrefix(after, "=>") {
				// a pattern with a default ({a} = x): V8's value is the conditional it makes of it
				src = "(intermediate value)(intermediate value)(intermediate value)"
			}
			return rt.objectPatternWords(strings.TrimSpace(rest[i+1:end]), src, value)
		case '}':
			depth--
		}
	}
	return ""
}

// patternWords is V8's message for an object pattern (its text inside the braces) given value
// (null or undefined) from src.
func patternWords(pattern, src, value string) string {
	var key string
	switch {
	case pattern == "" || strings.HasPrefix(pattern, "...") || pattern[0] == '[':
	case pattern[0] == '\'' || pattern[0] == '"':
		end := strings.IndexByte(pattern[1:], pattern[0])
		if end < 0 || strings.ContainsRune(pattern[1:end+1], '\\') {
			return ""
		}
		key = pattern[1 : end+1]
	default:
		key = identAt(pattern, 0)
		if key == "" {
			return ""
		}
		if rest := strings.TrimLeft(pattern[len(key):], " \t"); strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "=>") {
			return "Cannot read properties of " + value + " (reading '" + key + "')"
		}
	}
	if key == "" {
		return "Cannot destructure '" + src + "' as it is " + value + "."
	}
	return "Cannot destructure property '" + key + "' of '" + src + "' as it is " + value + "."
}

// chainStart is the start of the member/call chain (a.b[c](d).e) that col is in, in text.
func chainStart(text string, col int) int {
	for col > 0 {
		switch c := text[col-1]; {
		case c == '.' && col >= 2 && text[col-2] == '.':
			return col // a spread's "...", not a member's "."
		case c == '.' || c == '?' || c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z',
			c == '#' && col >= 2 && text[col-2] == '.': // (a private name: this.#x)
			col--
		case c == ')' || c == ']':
			open := matchingOpen(text, col-1)
			if open < 0 {
				return col
			}
			col = open
		default:
			return col
		}
	}
	return col
}

// matchingOpen is the index of the bracket that the one at close closes, in s, or -1.
func matchingOpen(s string, close int) int { return matchingBracket(s, close, -1) }

// matchingClose is the index of the bracket that closes the one at open, in s, or -1.
func matchingClose(s string, open int) int { return matchingBracket(s, open, 1) }

// matchingBracket walks s from the bracket at at in direction step (1 or -1) to the bracket that
// pairs with it, or -1 (strings and templates in between are skipped roughly: quotes toggle).
func matchingBracket(s string, at, step int) int {
	depth := 0
	var quote byte
	for i := at; i >= 0 && i < len(s); i += step {
		c := s[i]
		if quote != 0 {
			if c == quote && (i == 0 || s[i-1] != '\\') {
				quote = 0
			}
			continue
		}
		switch c {
		case '\'', '"', '`':
			quote = c
			continue
		case '{', '[', '(':
			depth += step
		case '}', ']', ')':
			depth -= step
		default:
			continue
		}
		if depth == 0 {
			return i
		}
	}
	return -1
}

// destructureSource is the source of the value being destructured as V8 prints it: the
// expression from the start of rest to its end (a ";", a "," or a newline outside brackets, or a
// bracket it did not open), with each call's arguments shown as "(...)".
func destructureSource(rest string) string {
	return quotedMember().ReplaceAllString(sourceUntilEnd(rest), ".$1")
}

// quotedMember is o['k'] in a source, which V8 prints o.k. (Compiled on first use, as
// memberBinding: a regexp compiled in package initialisation costs every start.)
var quotedMember = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\[['"]([A-Za-z_$][A-Za-z0-9_$]*)['"]\]`)
})

// sourceUntilEnd is destructureSource before V8's rewriting of quoted members.
func sourceUntilEnd(rest string) string {
	var b strings.Builder
	depth, parens := 0, 0 // brackets written, a call's parentheses skipped
	var quote byte
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if quote != 0 {
			if parens == 0 {
				b.WriteByte(c)
			}
			if c == quote && rest[i-1] != '\\' {
				quote = 0
			}
			continue
		}
		if parens > 0 {
			switch c {
			case '(':
				parens++
			case ')':
				parens--
			case '\'', '"', '`':
				quote = c
			}
			continue
		}
		switch c {
		case '\'', '"', '`':
			quote = c
		case '(':
			b.WriteString("(...)")
			parens = 1
			continue
		case '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				return strings.TrimSpace(b.String())
			}
			depth--
		case ';', ',', '\n':
			if depth == 0 {
				return strings.TrimSpace(b.String())
			}
		}
		b.WriteByte(c)
	}
	return strings.TrimSpace(b.String())
}

// nullishIterableWords is V8's message for iterating null or undefined in script code (for
// (x of v), const [a] = v, [...v], f(...v)), which goja words "Cannot convert undefined or null
// to object": "v is not iterable" (a call's "f is not a function or its return value is not
// iterable"), "v is not iterable (cannot read property null)" for a spread argument, and V8's
// own words where it names no source ("undefined is not iterable (cannot read property
// Symbol(Symbol.iterator))"). goja points at the value's source, as V8 does. "" when the place
// is none of these (Object.keys(null) and the like keep goja's words).
func (rt *Runtime) nullishIterableWords(raw []goja.StackFrame, value string) string {
	if len(raw) > 0 && raw[0].SrcName() == "<native>" && value != "" {
		// Array.from(v), Promise.all(v)...: V8's words name the value by its type
		switch raw[0].FuncName() {
		case "from", "all", "allSettled", "any", "race":
			if value == "null" {
				value = "object null"
			}
			return value + " is not iterable (cannot read property Symbol(Symbol.iterator))"
		}
		return ""
	}
	text, col := rt.errorPlace(raw)
	if col < 0 {
		return ""
	}
	if list, ok := paramListAt(text[col:]); ok && value != "" {
		// a parameter's array pattern (goja points at the function's start)
		if end := matchingClose(list, 0); end > 0 && strings.Contains(list[:end], "[") {
			if value == "null" {
				value = "object null"
			}
			return value + " is not iterable (cannot read property Symbol(Symbol.iterator))"
		}
	}
	start := chainStart(text, col)
	before := strings.TrimRight(text[:start], " \t(")
	if v := iteratedNullish(rt.vm, strings.HasSuffix(before, "...") && openerBefore(before[:len(before)-3]) == '('); v != "" {
		value = v
	}
	switch {
	case strings.HasSuffix(before, "..."):
		// a spread: V8 names a plain name or member chain
		src := destructureSource(text[start:])
		if src == "" || strings.ContainsAny(src, "[(") {
			return ""
		}
		if openerBefore(before[:len(before)-3]) != '(' {
			return src + " is not iterable"
		}
		if value == "" {
			return ""
		}
		return src + " is not iterable (cannot read property " + value + ")"
	case before == "of" || strings.HasSuffix(before, " of") || strings.HasSuffix(before, "(of"):
	case strings.HasSuffix(before, "=") && strings.HasSuffix(strings.TrimRight(before[:len(before)-1], " \t"), "]"):
	default:
		return ""
	}
	var v goja.Value = goja.Undefined()
	if value == "null" {
		v = goja.Null()
	}
	if v8 := notIterable(text, start, v); v8 != "" && !strings.HasPrefix(v8, "Spread syntax") {
		return v8
	}
	if value == "" {
		return ""
	}
	return value + " is not iterable (cannot read property Symbol(Symbol.iterator))"
}

// destructureColumn is V8's column (1-based) for an object pattern given null or undefined
// (message m, "Cannot destructure ..."), which goja placed at col of text, its line: V8 places
// it at the pattern's first property (its key, a rest element's target, or the pattern's "{"
// when it names none or the key is computed), where goja has the value, or the start of the
// function whose parameter the pattern is. col when the line has no one such pattern.
func destructureColumn(m, text string, col int) int {
	if col < 1 || col > len(text) {
		return col
	}
	if key, ok := patternReadKey(m); ok {
		return patternKeyColumn(text, col, key)
	}
	if !strings.HasPrefix(m, "Cannot destructure ") {
		return col
	}
	open := -1
	if rest := text[col-1:]; strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "function") || strings.HasPrefix(rest, "async ") {
		// a parameter's pattern: the first "{" of the parameter list
		// (or the function's start where goja had no place for a literal null: its body's)
		p := strings.IndexByte(rest, '(')
		end := -1
		if p >= 0 {
			end = matchingClose(rest, p)
		}
		if end < 0 {
			return col
		}
		if i := strings.IndexByte(rest[p:end], '{'); i >= 0 {
			open = col - 1 + p + i
		}
	}
	if open < 0 {
		// the line's one `{...} =` (or `of`)
		if o, c, eq, _ := linePattern(text); eq >= 0 && text[c] == '}' {
			open = o
		}
	}
	if open < 0 {
		return col
	}
	i := open + 1
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	switch {
	case strings.HasPrefix(text[i:], "..."):
		i += 3
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		return i + 1
	case i < len(text) && (isIdentByte(text[i]) || text[i] == '\'' || text[i] == '"'):
		return i + 1
	}
	return open + 1
}

// patternReadKey is the key of V8's "Cannot read properties of null (reading 'k')" (or of
// undefined), which a pattern's property with a default, or a nested pattern, throws.
func patternReadKey(m string) (string, bool) {
	rest, ok := strings.CutPrefix(m, "Cannot read properties of ")
	if !ok {
		return "", false
	}
	if r, ok := strings.CutPrefix(rest, "null (reading '"); ok {
		rest = r
	} else if r, ok := strings.CutPrefix(rest, "undefined (reading '"); ok {
		rest = r
	} else {
		return "", false
	}
	return strings.CutSuffix(rest, "')")
}

// patternKeyColumn is V8's column for a pattern's read of key from null or undefined, which
// goja placed at col, the start of the value the pattern (`{ a: { b } } = v`, right before it)
// is given: the key's first place in the pattern; col when no pattern ends right before col.
func patternKeyColumn(text string, col int, key string) int {
	if value := text[col-1:]; strings.Contains(value, "."+key) || strings.Contains(value, "['"+key) {
		return col // (the value's own read: const { a } = o.a with o undefined)
	}
	before := strings.TrimRight(text[:col-1], " \t")
	if !strings.HasSuffix(before, "=") {
		return col
	}
	before = strings.TrimRight(before[:len(before)-1], " \t")
	if before == "" || before[len(before)-1] != '}' {
		return col
	}
	open := matchingOpen(before, len(before)-1)
	if open < 0 || key == "" {
		return col
	}
	pat := before[open:]
	for i := 0; i+len(key) <= len(pat); i++ {
		if pat[i:i+len(key)] == key && (i == 0 || !isIdentByte(pat[i-1])) && (i+len(key) == len(pat) || !isIdentByte(pat[i+len(key)])) {
			return open + i + 1
		}
	}
	return col
}

// iteratedNullish is "null" or "undefined" when the value goja failed to iterate is that: the
// value stack's top (for-of, an array pattern, an array literal's spread) or, for a spread
// among a call's arguments, the slot just above it (goja pops it first); "" when it is not
// nullish or not known.
func iteratedNullish(r *goja.Runtime, callSpread bool) string {
	stack, sp, ok := vmValueStack(r)
	if !ok || sp < 1 || sp > len(stack) {
		return ""
	}
	i := sp - 1
	if callSpread {
		if i = sp; i >= len(stack) {
			return ""
		}
	}
	if stack[i] == nil {
		return ""
	}
	return nullishWord(stack[i])
}

// paramListAt is rest from the "(" of the parameter list of the function that rest starts with
// (function f(, async function* (, m(, an arrow's "("), where goja places an error a
// parameter's pattern raised; false when rest starts no function.
func paramListAt(rest string) (string, bool) {
	if strings.HasPrefix(rest, "async ") {
		rest = strings.TrimLeft(rest[len("async "):], " ")
	}
	switch {
	case strings.HasPrefix(rest, "function"):
		rest = strings.TrimLeft(strings.TrimPrefix(rest[len("function"):], "*"), " ")
		rest = strings.TrimLeft(rest[len(identAt(rest, 0)):], " ")
	case rest != "" && rest[0] != '(':
		name := identAt(rest, 0)
		if name == "" {
			return "", false
		}
		rest = strings.TrimLeft(rest[len(name):], " ")
	}
	return rest, strings.HasPrefix(rest, "(")
}

// patternIterableWords is V8's message for a value (not null or undefined) that an array
// pattern could not iterate, where that pattern is not one a declaration or an assignment
// gives its value's source to: a parameter's pattern (goja points at the function's start),
// or one nested in a pattern whose value is an array literal or that is an object pattern
// (goja points at the value's source, at col of text). V8 describes the value ("number 5 is
// not iterable (cannot read property Symbol(Symbol.iterator))"), but for an array pattern that
// is a key's value of an object pattern's top level, whose value's source it prints instead
// (`const {a: [b]} = obj`: "obj is not iterable (...)"). "" when the place is none of these.
func patternIterableWords(text string, col int, value goja.Value) string {
	if value == nil || col < 0 || col >= len(text) {
		return ""
	}
	const noSymbol = " is not iterable (cannot read property Symbol(Symbol.iterator))"
	described := describeNotIterable(value) + noSymbol
	if list, ok := paramListAt(text[col:]); ok {
		if end := matchingClose(list, 0); end > 0 && strings.Contains(list[:end], "[") {
			return described
		}
		if strings.HasPrefix(text[col:], "function") || strings.HasPrefix(text[col:], "async") {
			return "" // (a function's start, but not with an array pattern)
		}
	}
	// a declaration's, an assignment's or a loop's pattern, on the line: goja points into
	// its value's source (at an array literal's element when a nested pattern failed)
	open, closing, eq, forOf := linePattern(text)
	if eq < 0 || col < open {
		return ""
	}
	src := initializerText(text[eq+1:])
	if forOf {
		src = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text[eq:]), "of"))
		src = initializerText(src)
	}
	if text[open] == '[' {
		switch {
		case forOf:
			return ".for is not iterable" // (V8's printer, lost in the loop's desugaring)
		case strings.HasPrefix(src, "["):
			return described // (an array literal is iterable: a nested pattern failed)
		}
		return ""
	}
	if strings.HasSuffix(strings.TrimRight(text[:open], " \t"), "(") {
		src = strings.TrimSuffix(src, ")") // ({a: [b]} = obj)
	}
	// an object pattern: which of its array patterns failed is not known, only whether they
	// are all of one kind
	direct, deeper := false, false
	pattern := text[open+1 : closing]
	depth := 0
	for i := 0; i < len(pattern); i++ {
		switch pattern[i] {
		case '[':
			if depth == 0 {
				if end := matchingClose(pattern, i); end > 0 {
					after := strings.TrimLeft(pattern[end+1:], " \t\r\n")
					if strings.HasPrefix(after, "=") || strings.HasPrefix(strings.TrimRight(pattern[:i], " \t\r\n"), "...") {
						deeper = true // (with a default: V8 describes the value)
					} else if k := strings.TrimRight(pattern[:i], " \t\r\n"); strings.HasSuffix(k, ":") {
						direct = true
					}
					i = end
					continue
				}
			}
			deeper = true
			depth++
		case '{', '(':
			depth++
		case '}', ')', ']':
			depth--
		}
	}
	switch {
	case direct && !deeper && forOf:
		return ".for" + noSymbol
	case direct && !deeper:
		if e := parseOneExpression(src); e != nil {
			if p := v8Print(e); p != "" {
				return p + noSymbol
			}
		}
		return ""
	case deeper && !direct:
		return described
	}
	return ""
}

// initializerText is the expression rest starts with, up to a ";" or "," outside brackets or
// the bracket that closes around it (the line's end at most).
func initializerText(rest string) string {
	depth := 0
	for i := 0; i < len(rest); i++ {
		switch c := rest[i]; c {
		case '\'', '"', '`':
			end := strings.IndexByte(rest[i+1:], c)
			if end < 0 {
				return strings.TrimSpace(rest)
			}
			i += end + 1
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				return strings.TrimSpace(rest[:i])
			}
			depth--
		case ';', ',', '\n':
			if depth == 0 {
				return strings.TrimSpace(rest[:i])
			}
		}
	}
	return strings.TrimSpace(rest)
}

// catchPatternWords is V8's message for a catch clause's object pattern given null or undefined
// (`catch ({ message })` of `throw null`): goja places the error at the last place the
// try block recorded (the throw, or the call that threw), so the first catch clause with an
// object pattern on the lines after it, in the same file, is the one (V8 names the value
// '.catch'). "" when there is none within a few lines, or its pattern nests another (which may
// be the one that failed).
func (rt *Runtime) catchPatternWords(raw []goja.StackFrame, value string) string {
	if value == "" || len(raw) == 0 || raw[0].SrcName() == "<native>" {
		return ""
	}
	p := raw[0].Position()
	if _, ok := rt.sources[p.Filename]; !ok || rt.esmSources[p.Filename] || rt.transformed[p.Filename] {
		return ""
	}
	for line := p.Line; line < p.Line+64; line++ {
		text := rt.sourceLine(p.Filename, line)
		if line == p.Line && p.Column-1 > 0 && p.Column-1 <= len(text) {
			text = text[p.Column-1:]
		}
		for i := strings.Index(text, "catch"); i >= 0; {
			if isWordAt(text, i, len("catch")) {
				rest := strings.TrimLeft(text[i+len("catch"):], " \t")
				if rest, ok := strings.CutPrefix(rest, "("); ok {
					rest = strings.TrimLeft(rest, " \t")
					if !strings.HasPrefix(rest, "{") {
						return "" // (a plain catch (e), or an array pattern: not this one)
					}
					end := matchingClose(rest, 0)
					if end < 0 {
						return ""
					}
					pattern := strings.TrimSpace(rest[1:end])
					if strings.ContainsAny(pattern, "{[") {
						return "" // (a nested pattern may be the one given null)
					}
					return patternWords(pattern, ".catch", value)
				}
			}
			j := strings.Index(text[i+1:], "catch")
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return ""
}
