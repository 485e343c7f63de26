package runtime

import (
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// V8 places the error of a binary operation that throws (`k in s` with s no object, `b + 1`
// mixing a BigInt, `s + ''` of a symbol, `b / 0n`, `2n ** -1n`, `x instanceof 5`) at its
// operator; goja at the start of its left operand. binaryOperatorColumn moves such an error's
// column to the operator that follows the left operand at col, when the text there reads as that.

// binaryOperators is the operators whose operation throws an error of message m, or nil.
func binaryOperators(m string) []string {
	switch {
	case strings.HasPrefix(m, "Cannot use 'in' operator to search for "):
		return []string{"in"}
	case strings.HasPrefix(m, "Right-hand side of 'instanceof' "):
		return []string{"instanceof"}
	case m == "Division by zero":
		return []string{"/", "%"}
	case m == "undefined must be positive", m == "Exponent must be non-negative":
		return []string{"**"}
	case m == "BigInts have no unsigned right shift, use >> instead":
		return []string{">>>"}
	case m == "Cannot mix BigInt and other types, use explicit conversions":
		return []string{"+", "-", "*", "/", "%", "**", "<<", ">>", ">>>", "&", "|", "^"}
	case m == "Cannot convert a Symbol value to a string":
		return []string{"+"}
	case m == "Cannot convert a Symbol value to a number":
		return []string{"+", "-", "*", "/", "%", "**", "<<", ">>", ">>>", "&", "|", "^", "<=", ">=", "<", ">"}
	}
	return nil
}

// allBinaryOperators is every binary operator of JS's that may stand between the operands of a
// left operand that is itself a binary operation (`a + k in s`), longest first where one is
// another's start.
var allBinaryOperators = []string{
	"instanceof", "in", ">>>", "===", "!==", "**", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "??",
	"+", "-", "*", "/", "%", "<", ">", "&", "|", "^",
}

// instructionOperators maps goja's instructions of binary operators to their operators.
var instructionOperators = map[string]string{
	"_add": "+", "_sub": "-", "_mul": "*", "_div": "/", "_mod": "%", "_exp": "**", "_and": "&", "_or": "|",
	"_xor": "^", "_sal": "<<", "_sar": ">>", "_shr": ">>>", "_op_lt": "<", "_op_lte": "<=", "_op_gt": ">",
	"_op_gte": ">=", "_op_in": "in", "_op_instanceof": "instanceof",
}

// binaryOperatorColumn is V8's column (1-based) for an error of message m that goja placed at
// col of text, the start of a throwing binary operation: its operator's; col when the text is
// not read as such an operation. op is the name of goja's instruction that threw ("" when not
// known): an operation whose left operand is itself one starts at the same place (1n*2n+1), and
// the instruction tells which of their operators threw.
func binaryOperatorColumn(m, text string, col int, op string) int {
	ops := binaryOperators(m)
	if ops == nil {
		return col
	}
	if o, ok := instructionOperators[op]; ok {
		for _, x := range ops {
			if x == o {
				ops = []string{o}
				break
			}
		}
	}
	if m == "Cannot convert a Symbol value to a string" && col >= 2 && col-1 <= len(text) {
		// the first substitution of a template with nothing before it (`${s}`): V8 is at the
		// template's start, goja at the substitution
		if before := strings.TrimRight(text[:col-1], " \t"); strings.HasSuffix(before, "`${") {
			return len(before) - 2
		}
	}
	if m == "Cannot convert a Symbol value to a number" && col >= 2 && col-1 <= len(text) {
		// a unary +, - or ~ of the symbol (+s): V8 is at the operator, goja at the operand
		before := strings.TrimRight(text[:col-1], " \t")
		if n := len(before); n > 0 && (before[n-1] == '~' || (before[n-1] == '+' || before[n-1] == '-') && (n < 2 || before[n-2] != before[n-1])) {
			return n
		}
	}
	i := col - 1
	if i < 0 || i > len(text) {
		return col
	}
	// goja's place of a parenthesized left operand ((k) in s) is inside its parentheses
	opened := 0
	for k := i - 1; k >= 0 && (text[k] == ' ' || text[k] == '\t' || text[k] == '('); k-- {
		if text[k] == '(' {
			opened++
		}
	}
	for range 8 { // (a few operations of the left operand's own: a + b + k in s)
		j := skipOperand(text, i)
		if j < 0 {
			return col
		}
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == ')' && opened > 0) {
			if text[j] == ')' {
				opened--
			}
			j++
		}
		op := operatorAt(text, j)
		if op == "" {
			return col
		}
		for _, o := range ops {
			if o == op {
				return j + 1
			}
		}
		i = j + len(op)
	}
	return col
}

// operatorAt is the binary operator text[j:] starts with, or "" (an assignment: `+=`).
func operatorAt(text string, j int) string {
	rest := text[j:]
	for _, op := range allBinaryOperators {
		if !strings.HasPrefix(rest, op) {
			continue
		}
		after := rest[len(op):]
		if isIdentByte(op[0]) {
			if after != "" && isIdentByte(after[0]) {
				return ""
			}
			return op
		}
		if strings.HasPrefix(after, "=") && op != "==" && op != "!=" && op != "<" && op != ">" {
			return "" // (a compound assignment)
		}
		return op
	}
	return ""
}

// skipOperand is where the operand that text[i:] starts with (after white space) ends: its
// prefix operators, a name, number, string, template or bracketed group, and its member
// accesses, calls and postfix ++/--; -1 when it reads as none.
func skipOperand(text string, i int) int {
	skipSpace := func() {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
	}
	skipSpace()
	for i < len(text) {
		switch c := text[i]; {
		case c == '!' || c == '~' || (c == '-' || c == '+') && !strings.HasPrefix(text[i:], "--") && !strings.HasPrefix(text[i:], "++"):
			i++
		case strings.HasPrefix(text[i:], "++") || strings.HasPrefix(text[i:], "--"):
			i += 2
		default:
			w := text[i:identEnd(text, i)]
			if w == "typeof" || w == "void" || w == "await" || w == "delete" {
				i += len(w)
				break
			}
			goto primary
		}
		skipSpace()
	}
primary:
	if i >= len(text) {
		return -1
	}
	switch c := text[i]; {
	case c == '(' || c == '[' || c == '{':
		j := matchingClose(text, i)
		if j < 0 {
			return -1
		}
		i = j + 1
	case c == '\'' || c == '"' || c == '`':
		j := i + 1
		for j < len(text) && text[j] != c {
			if text[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(text) {
			return -1
		}
		i = j + 1
	case c >= '0' && c <= '9' || c == '.':
		for i < len(text) && (isIdentByte(text[i]) || text[i] == '.') {
			i++
		}
	case isIdentByte(c):
		i = identEnd(text, i)
	default:
		return -1
	}
	for i < len(text) {
		switch {
		case strings.HasPrefix(text[i:], "?."):
			i += 2
			if i < len(text) && (text[i] == '[' || text[i] == '(') {
				continue
			}
			i = identEnd(text, i)
		case text[i] == '.':
			i = identEnd(text, i+1)
		case text[i] == '[' || text[i] == '(':
			j := matchingClose(text, i)
			if j < 0 {
				return -1
			}
			i = j + 1
		case strings.HasPrefix(text[i:], "++") || strings.HasPrefix(text[i:], "--"):
			i += 2
		default:
			return i
		}
	}
	return i
}

// identEnd is where the run of identifier bytes from text[i] ends.
func identEnd(text string, i int) int {
	for i < len(text) && isIdentByte(text[i]) {
		i++
	}
	return i
}

// operatorColumn is binaryOperatorColumn (destructureColumn for a pattern given null or
// undefined) for error e raised at file:line:col by goja's instruction op.
func (rt *Runtime) operatorColumn(e *goja.Object, file string, line, col int, op string) int {
	m, ok := modules.ExportAs[string](e.Get("message"))
	noSymbol := strings.HasSuffix(m, " is not iterable (cannot read property Symbol(Symbol.iterator))") || m == ".for is not iterable"
	spread := spreadMessage(m)
	if !ok || binaryOperators(m) == nil && !strings.HasPrefix(m, "Cannot destructure ") && !strings.HasPrefix(m, "Cannot read properties of ") && !noSymbol && !spread {
		return col
	}
	text, shift := rt.columnLine(file, line)
	if text == "" {
		return col
	}
	if noSymbol {
		return paramPatternColumn(text, col-shift) + shift
	}
	if spread {
		return spreadCallColumn(text, col-shift) + shift
	}
	if binaryOperators(m) == nil {
		return destructureColumn(m, text, col-shift) + shift // (at the pattern's first property)
	}
	return binaryOperatorColumn(m, text, col-shift, op) + shift
}

// spreadMessage reports whether m is V8's message for a spread argument a call could not
// iterate: its frame is at the call (spreadCallColumn), its excerpt's caret at the argument.
func spreadMessage(m string) bool {
	return strings.HasSuffix(m, " is not iterable (cannot read property null)") || strings.HasSuffix(m, " is not iterable (cannot read property undefined)") ||
		m == "Spread syntax requires ...iterable[Symbol.iterator] to be a function"
}

// evalOperatorShift is how far binaryOperatorColumn moves error e's column in code eval or the
// Function constructor compiled, whose text its program holds: f is the error's frame, at
// line:col as the stack shows it; 0 when f is not at that place.
func evalOperatorShift(e *goja.Object, f *goja.StackFrame, line, col int) int {
	m, ok := modules.ExportAs[string](e.Get("message"))
	if !ok || binaryOperators(m) == nil {
		return 0
	}
	p := f.Position()
	if p.Line != line || p.Column != col {
		return 0
	}
	text, at := programPlace(f, p)
	if at < 0 {
		return 0
	}
	return binaryOperatorColumn(m, text, at+1, frameOp(f)) - (at + 1)
}

// paramPatternColumn is V8's column (1-based) for a parameter's array pattern that could not
// iterate its value, which goja placed at col of text, the function's start: the parameter
// list's "(" when the patterns are parameters themselves, the nested pattern's "[" when there
// is one such on the line ([[a]]); col otherwise.
func paramPatternColumn(text string, col int) int {
	if col < 1 || col > len(text) {
		return col
	}
	list, ok := paramListAt(text[col-1:])
	if !ok {
		return nestedPatternColumn(text, col)
	}
	end := matchingClose(list, 0)
	if after := strings.TrimLeft(list[end+1:], " \t"); end < 0 || !strings.HasPrefix(after, "{") && !strings.HasPrefix(after, "=>") {
		return nestedPatternColumn(text, col) // (no function's start: a call)
	}
	open := col + len(text[col-1:]) - len(list) // (the "("'s column)
	nested, depth := -1, 0
	for i := 1; i < end; i++ {
		switch list[i] {
		case '[', '{', '(':
			if list[i] == '[' && depth > 0 {
				if nested >= 0 {
					return col // (more than one)
				}
				nested = i
			}
			depth++
		case ']', '}', ')':
			depth--
		}
	}
	if nested >= 0 {
		return open + nested
	}
	return open
}

// nestedPatternColumn is V8's column (1-based) for an array pattern nested in the one pattern
// of text, a line, that could not iterate its value (goja placed the error at col, in the
// value's source): the nested pattern's "[" when there is one such; col otherwise.
func nestedPatternColumn(text string, col int) int {
	open, closing, eq, forOf := linePattern(text)
	if eq < 0 || col-1 < open {
		return col
	}
	nested := -1
	for i := open + 1; i < closing; i++ {
		if text[i] == '[' {
			if nested >= 0 {
				return col
			}
			nested = i
		}
	}
	switch {
	case nested >= 0:
		return nested + 1
	case text[open] != '[':
		return col
	case forOf:
		return closing + 1 // (for (const [a] of v): V8 at the pattern's "]")
	}
	return eq + 1 // ([a] = v: at the "=")
}

// spreadCallColumn is V8's column (1-based) for a spread argument that is null, undefined or
// not iterable (f(...x)), which goja placed at col of text, the spread value: the call's place
// (callPlace).
func spreadCallColumn(text string, col int) int {
	if col < 1 || col > len(text) {
		return col
	}
	dots := strings.LastIndex(text[:col-1], "...")
	if dots < 0 {
		return col
	}
	open, ok := openingBefore(text[:dots])
	if !ok || text[open] != '(' || open == 0 {
		return col
	}
	return callPlace(text, open) + 1
}

// callPlace is where V8 places a call whose "(" is at open in text (0-based): a method's name
// (o.m(...), o.n.k(...)), the "(" after a computed member (o['m'](...)), else the callee's start.
func callPlace(text string, open int) int {
	before := strings.TrimRight(text[:open], " \t")
	if strings.HasSuffix(before, "]") {
		return open
	}
	start := len(before)
	for start > 0 && isIdentByte(before[start-1]) {
		start--
	}
	if start < len(before) && start > 0 && before[start-1] == '.' && !strings.HasSuffix(before[:start], "...") {
		return start
	}
	return chainStart(text, open)
}
