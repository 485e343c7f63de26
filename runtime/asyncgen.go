package runtime

import "strings"

// Async generators: esbuild lowers `async function* f() {...}` to a plain function whose body is
// `return __asyncGenerator(this, null, function* () {...});`. markAsyncGenerators edits esbuild's
// (canonically indented) output so that lowered function expressions and declarations look like
// Node's: their [[Prototype]] is AsyncGeneratorFunction.prototype, each has its own .prototype
// inheriting %AsyncGeneratorPrototype%, and the objects they return inherit that .prototype
// (Host.AsyncGen, modules/asyncgen.js). Methods (object and class) are left as esbuild prints them: their
// [[Prototype]] stays Function.prototype, though the objects they return are AsyncGenerators.
// Code without async generators is returned as it is after one substring search.

const (
	agHelperHead    = "var __asyncGenerator = (__this, __arguments, generator) => {\n"
	agReturnStart   = "return __asyncGenerator(this, "
	agYieldStarHead = "var __yieldStar = (value) => {\n"
)

// markAsyncGenerators returns code with its lowered async generator functions marked, or code
// unchanged when it has none or esbuild's helper is not the one this pass knows.
func markAsyncGenerators(code string) string {
	if !strings.Contains(code, agReturnStart) {
		return code
	}
	h := strings.Index(code, agHelperHead)
	if h < 0 {
		return code
	}
	end := strings.Index(code[h:], "\n};\n")
	if end < 0 {
		return code
	}
	helper := code[h : h+end+4]
	// esbuild's helper is replaced by the runtime's (modules/asyncgen.js), which takes the
	// lowered function as its this and makes the generator object from its .prototype. The
	// helper names its module's __await class (renamed if the module uses that name).
	_, aw, ok := strings.Cut(helper, " instanceof ")
	if !ok {
		return code
	}
	aw, _, _ = strings.Cut(aw, ",")
	if !isIdent(aw) {
		return code
	}
	nh := "var __gojs_ag = __gojs_h.__gojs_ag(), __asyncGenerator = __gojs_ag.g(" + aw + ");" +
		strings.Repeat("\n", strings.Count(helper, "\n"))
	code = code[:h] + nh + code[h+end+4:]
	// esbuild's yield* helper (after the one above) is the runtime's too: its steps are the
	// inner iterator's own promises, awaited once, as V8's yield* (esbuild's wraps each in a
	// new promise, two jobs more).
	if y := strings.Index(code[h:], agYieldStarHead); y >= 0 {
		y += h
		if end := strings.Index(code[y:], "\n};\n"); end >= 0 {
			helper := code[y : y+end+4]
			code = code[:y] + "var __yieldStar = __gojs_ag.y(" + aw + ");" +
				strings.Repeat("\n", strings.Count(helper, "\n")) + code[y+end+4:]
		}
	}

	lines := strings.SplitAfter(code, "\n")
	changed := false
	anon := 0
	for i := 0; i+1 < len(lines); i++ {
		line := strings.TrimSuffix(lines[i], "\n")
		if !strings.HasSuffix(line, ") {") {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		pad := strings.Repeat(" ", indent+2)
		if !strings.HasPrefix(lines[i+1], pad+agReturnStart) {
			continue
		}
		fn := lastFunctionKeyword(line)
		if fn < 0 {
			continue // a method: left unmarked
		}
		// The function's name, if it has one: function NAME(
		rest := line[fn+len("function"):]
		name := ""
		if strings.HasPrefix(rest, " ") {
			name, _, _ = strings.Cut(rest[1:], "(")
			name = strings.TrimRight(name, " ") // (esbuild keeps a space before a "(" the params end a line after)
			if !isIdent(name) {
				continue
			}
		} else if !strings.HasPrefix(rest, "(") {
			continue
		}
		// Its closing line: `}` at the function's indent right after the inner `});`.
		close := -1
		for j := i + 2; j < len(lines); j++ {
			if strings.HasPrefix(lines[j], line[:indent]+"}") && strings.TrimSuffix(lines[j-1], "\n") == pad+"});" {
				close = j
				break
			}
		}
		if close < 0 {
			continue
		}
		prefix := line[:fn]
		if strings.TrimSpace(prefix) == "" && name != "" && statementBefore(lines, i) {
			// A declaration (hoisted): mark it before its statement runs.
			lines[i] = prefix + "__gojs_ag.d(" + name + "); " + lines[i][fn:]
			lines[i+1] = pad + "return __asyncGenerator.call(" + name + ", this, " + lines[i+1][len(pad+agReturnStart):]
			changed = true
			continue
		}
		// An expression: __gojs_ag.f(function NAME(...) {...}, inferredName). An anonymous one
		// gets a name to refer to itself by, and its .name set back to what Node infers.
		self, tail := name, ")"
		if name == "" {
			anon++
			self = "__gojs_ag" + itoa(anon)
			tail = ", " + quoteJS(inferredName(prefix)) + ")"
		}
		lines[i] = prefix + "__gojs_ag.f(function " + self + rest[len(name)+boolInt(name != ""):] + "\n"
		lines[i+1] = pad + "return __asyncGenerator.call(" + self + ", this, " + lines[i+1][len(pad+agReturnStart):]
		lines[close] = line[:indent] + "}" + tail + lines[close][indent+1:]
		changed = true
	}
	if !changed {
		return code
	}
	return strings.Join(lines, "")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

func quoteJS(s string) string { return "\"" + s + "\"" } // s is an identifier or empty

// lastFunctionKeyword is the offset of the `function` keyword that opens the function whose
// header ends line, or -1 (a method header has none).
func lastFunctionKeyword(line string) int {
	i := strings.LastIndex(line, "function")
	if i < 0 || i > 0 && isIdentByte(line[i-1]) {
		return -1
	}
	if r := line[i+len("function"):]; !strings.HasPrefix(r, " ") && !strings.HasPrefix(r, "(") {
		return -1
	}
	return i
}

// statementBefore reports whether line i starts a statement: the previous non-empty line
// ends one (or opens a block).
func statementBefore(lines []string, i int) bool {
	for j := i - 1; j >= 0; j-- {
		t := strings.TrimSpace(lines[j])
		if t == "" {
			continue
		}
		c := t[len(t)-1]
		return c == ';' || c == '{' || c == '}'
	}
	return true
}

// inferredName is the name Node gives an anonymous function expression after prefix on its
// line: `x = `, `const x = `, `{ x: `, `x: ` (an object property); otherwise "".
func inferredName(prefix string) string {
	p := strings.TrimRight(prefix, " ")
	var sep byte
	if strings.HasSuffix(p, "=") && !strings.HasSuffix(p, "==") && !strings.HasSuffix(p, "=>") &&
		!strings.HasSuffix(p, "!=") && !strings.HasSuffix(p, "<=") && !strings.HasSuffix(p, ">=") {
		sep = '='
	} else if strings.HasSuffix(p, ":") {
		sep = ':'
	} else {
		return ""
	}
	p = strings.TrimRight(p[:len(p)-1], " ")
	j := identStart(p, len(p))
	id := p[j:]
	if !isIdent(id) {
		return ""
	}
	before := strings.TrimRight(p[:j], " ")
	if before == "" {
		return id
	}
	c := before[len(before)-1]
	if sep == '=' {
		if c == '.' || c == ']' || c == ')' {
			return ""
		}
		return id
	}
	if c == '{' || c == ',' {
		return id
	}
	return ""
}
