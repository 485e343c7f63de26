package runtime

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
)

// memberObjectPrinted is V8's text (its CallPrinter's) for the object of a member call that is
// not a plain chain of names: before is the line's source up to the callee's member name,
// ending with its "." ("(new A())." or "[1, 2]."). `(new A()).m()` is "(intermediate value)",
// `[1, 2].m()` "[1,2]", `(o.a || {}).m()` "(o.a || {})", `({ k: 1 }).m()`
// "{(intermediate value)}". The object's text is the longest one ending there that is an
// expression a member can follow; "" when there is none or it prints no way this knows.
func memberObjectPrinted(before string) string {
	printedMu.Lock()
	p, ok := printedMemo[before]
	printedMu.Unlock()
	if ok {
		return p
	}
	p = memberObjectText(before)
	printedMu.Lock()
	if len(printedMemo) >= 256 || printedMemo == nil {
		printedMemo = map[string]string{}
	}
	printedMemo[before] = p
	printedMu.Unlock()
	return p
}

// printedMemo holds memberObjectPrinted's answers: a program failing at one place over and over
// (a loop's try/catch) parses its text once.
var (
	printedMu   sync.Mutex
	printedMemo map[string]string
)

func memberObjectText(before string) string {
	rest, ok := strings.CutSuffix(before, ".")
	if !ok {
		return ""
	}
	dot := "."
	if r, opt := strings.CutSuffix(rest, "?"); opt {
		rest, dot = r, "?." // new A()?.m(): V8 keeps the ?.
	}
	rest = strings.TrimRight(rest, " \t")
	if rest == "" {
		return ""
	}
	best := ""
	for s := len(rest) - 1; s >= 0 && len(rest)-s <= 240; s-- {
		c := rest[s]
		if !isIdentByte(c) && !strings.ContainsRune("([{'\"`!-+~", rune(c)) || s > 0 && isIdentByte(rest[s-1]) && isIdentByte(c) {
			continue // not where an expression starts
		}
		if c == '(' && strings.TrimRight(rest[:s], " \t") != "" {
			if p := strings.TrimRight(rest[:s], " \t"); isIdentByte(p[len(p)-1]) {
				continue // a call's arguments, or an if's or a while's condition
			}
		}
		if p := strings.TrimRight(rest[:s], " \t"); strings.HasSuffix(p, ".") {
			continue // the rest of a member chain (a?.b(1), a.b(1)): the chain goes on before it
		}
		cand := rest[s:]
		e := parseOneExpression(cand)
		if e == nil {
			continue
		}
		parenthesized := cand[0] == '(' && cand[len(cand)-1] == ')' && openingParen(cand) == 0
		if !parenthesized && !memberObjectKind(e) {
			continue
		}
		best = v8Print(e)
	}
	if best == "" || dot == "?." && !strings.HasPrefix(best, intermediateValue) {
		return "" // (an optional member of a chain: callChain prints it)
	}
	return best + dot[:len(dot)-1]
}

// parseOneExpression parses text as one expression, nil when it is not one.
func parseOneExpression(text string) ast.Expression {
	if strings.ContainsAny(text, ";") && !strings.ContainsAny(text, "'\"`") {
		return nil
	}
	prg, err := parser.ParseFile(nil, "", "(\n"+text+"\n)", 0, parser.WithDisableSourceMaps)
	if err != nil || len(prg.Body) != 1 {
		return nil
	}
	st, ok := prg.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return nil
	}
	return st.Expression
}

// memberObjectKind tells whether e, not in parentheses, can be the object of a member access
// as its text stands (a name, a member, a call, new, a literal).
func memberObjectKind(e ast.Expression) bool {
	switch e.(type) {
	case *ast.Identifier, *ast.DotExpression, *ast.BracketExpression, *ast.CallExpression, *ast.NewExpression,
		*ast.ArrayLiteral, *ast.ObjectLiteral, *ast.StringLiteral, *ast.NumberLiteral, *ast.TemplateLiteral,
		*ast.ThisExpression, *ast.NullLiteral, *ast.BooleanLiteral, *ast.OptionalChain:
		return true // (an optional chain prints no way this knows: callChain does)
	}
	return false
}

const intermediateValue = "(intermediate value)"

// v8Print prints an expression as V8's CallPrinter does; "" for what it does not know.
func v8Print(e ast.Expression) string {
	switch n := e.(type) {
	case *ast.Identifier:
		return n.Name.String()
	case *ast.ThisExpression:
		return "this"
	case *ast.NullLiteral:
		return "null"
	case *ast.BooleanLiteral:
		return strconv.FormatBool(n.Value)
	case *ast.NumberLiteral:
		if f, ok := numberLiteralValue(n); ok {
			return jsNumberString(f)
		}
		return intermediateValue // (a BigInt literal)
	case *ast.StringLiteral:
		return `"` + n.Value.String() + `"` // (V8 prints the value as it is, quotes and all)
	case *ast.OptionalChain:
		return v8Print(n.Expression)
	case *ast.Optional:
		return v8Print(n.Expression)
	case *ast.TemplateLiteral:
		if n.Tag != nil {
			return ""
		}
		if len(n.Expressions) == 0 {
			if len(n.Elements) != 1 || strings.ContainsAny(n.Elements[0].Parsed.String(), "\"\\\n") {
				return ""
			}
			return `"` + n.Elements[0].Parsed.String() + `"`
		}
		var b strings.Builder // (V8 prints the substitutions only)
		for _, x := range n.Expressions {
			p := v8Print(x)
			if p == "" {
				return ""
			}
			b.WriteString(p)
		}
		return b.String()
	case *ast.ArrayLiteral:
		parts := make([]string, len(n.Value))
		for i, x := range n.Value {
			if x == nil {
				parts[i] = intermediateValue // a hole
				continue
			}
			if parts[i] = v8Print(x); parts[i] == "" {
				return ""
			}
		}
		return "[" + strings.Join(parts, ",") + "]"
	case *ast.SpreadElement:
		if p := v8Print(n.Expression); p != "" {
			return "(..." + p + ")"
		}
		return ""
	case *ast.ObjectLiteral:
		return "{" + strings.Repeat(intermediateValue, len(n.Value)) + "}"
	case *ast.DotExpression:
		if l := v8Print(n.Left); l != "" {
			return l + optionalMark(n.Left) + "." + n.Identifier.Name.String()
		}
		return ""
	case *ast.BracketExpression:
		l := v8Print(n.Left)
		if l == "" {
			return ""
		}
		opt := optionalMark(n.Left)
		switch k := n.Member.(type) {
		case *ast.StringLiteral:
			// a string key, whatever its text, prints as a name (o['a-b'] is o.a-b)
			return l + opt + "." + k.Value.String()
		case *ast.TemplateLiteral:
			if k.Tag == nil && len(k.Expressions) == 0 && len(k.Elements) == 1 && isIdent(k.Elements[0].Parsed.String()) {
				return l + opt + "." + k.Elements[0].Parsed.String()
			}
		case *ast.ConditionalExpression:
			return l + opt + "[" + strings.Repeat(intermediateValue, 3) + "]"
		}
		if m := v8Print(n.Member); m != "" {
			if opt != "" {
				opt += "."
			}
			return l + opt + "[" + m + "]"
		}
		return ""
	case *ast.CallExpression:
		if c := v8Print(n.Callee); c != "" {
			return c + "(...)"
		}
		return ""
	case *ast.NewExpression, *ast.FunctionLiteral, *ast.ArrowFunctionLiteral, *ast.ClassLiteral:
		return intermediateValue
	case *ast.ConditionalExpression:
		return strings.Repeat(intermediateValue, 3)
	case *ast.SequenceExpression:
		parts := make([]string, len(n.Sequence))
		for i, x := range n.Sequence {
			if parts[i] = v8Print(x); parts[i] == "" {
				return ""
			}
		}
		return "(" + strings.Join(parts, " , ") + ")"
	case *ast.BinaryExpression:
		// (V8's parser folds an operation on two number literals: (1 + 2) is 3)
		if a, ok := n.Left.(*ast.NumberLiteral); ok {
			if b, ok := n.Right.(*ast.NumberLiteral); ok {
				x, ok1 := a.Value.(int64)
				y, ok2 := b.Value.(int64)
				if !ok1 || !ok2 || x > 1<<30 || y > 1<<30 {
					return ""
				}
				switch n.Operator {
				case token.PLUS:
					return strconv.FormatInt(x+y, 10)
				case token.MINUS:
					return strconv.FormatInt(x-y, 10)
				case token.MULTIPLY:
					return strconv.FormatInt(x*y, 10)
				}
				return ""
			}
		}
		l, r := v8Print(n.Left), v8Print(n.Right)
		if l == "" || r == "" {
			return ""
		}
		return "(" + l + " " + n.Operator.String() + " " + r + ")"
	case *ast.UnaryExpression:
		if folded, ok := foldUnaryLiteral(n); ok {
			return folded
		}
		o := v8Print(n.Operand)
		if o == "" {
			return ""
		}
		op := n.Operator.String()
		switch n.Operator {
		case token.INCREMENT, token.DECREMENT:
			return ""
		case token.TYPEOF, token.VOID, token.DELETE:
			op += " "
		}
		return "(" + op + o + ")"
	}
	return ""
}

// printedArrayLiteral is V8's text for text when it is an array literal, "" otherwise.
func printedArrayLiteral(text string) string {
	if e, ok := parseOneExpression(text).(*ast.ArrayLiteral); ok {
		return v8Print(e)
	}
	return ""
}

// optionalMark is "?" when a member's object is an optional link (a?.b, a?.[0]): V8 prints the
// member as "?.b" or "?.[0]".
func optionalMark(left ast.Expression) string {
	if _, ok := left.(*ast.Optional); ok {
		return "?"
	}
	return ""
}

// numberLiteralValue is a number literal's value; false for a BigInt literal.
func numberLiteralValue(n *ast.NumberLiteral) (float64, bool) {
	switch v := n.Value.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

// foldUnaryLiteral is V8's print of an operator its parser folds into a literal: ! of any
// literal is a boolean (!0n, !'x', !null), + - ~ of a number literal a number (-1, ~1.5 is -2,
// - -1 is 1).
func foldUnaryLiteral(n *ast.UnaryExpression) (string, bool) {
	operand := n.Operand
	if u, ok := operand.(*ast.UnaryExpression); ok {
		// an inner operation the parser folded first (- -1, !!0)
		if inner, ok := foldUnaryLiteral(u); ok {
			if strings.HasPrefix(inner, "t") || strings.HasPrefix(inner, "f") {
				operand = &ast.BooleanLiteral{Value: inner == "true"}
			} else if f, err := strconv.ParseFloat(inner, 64); err == nil {
				operand = &ast.NumberLiteral{Value: f}
			}
		}
	}
	if n.Operator == token.NOT {
		switch o := operand.(type) {
		case *ast.BooleanLiteral:
			return strconv.FormatBool(!o.Value), true
		case *ast.NullLiteral:
			return "true", true
		case *ast.StringLiteral:
			return strconv.FormatBool(o.Value.String() == ""), true
		case *ast.NumberLiteral:
			if f, ok := numberLiteralValue(o); ok {
				return strconv.FormatBool(f == 0 || math.IsNaN(f)), true
			}
			if b, ok := o.Value.(*big.Int); ok {
				return strconv.FormatBool(b.Sign() == 0), true
			}
		}
		return "", false
	}
	num, ok := operand.(*ast.NumberLiteral)
	if !ok {
		return "", false
	}
	f, ok := numberLiteralValue(num)
	if !ok {
		return "", false
	}
	switch n.Operator {
	case token.PLUS:
		return jsNumberString(f), true
	case token.MINUS:
		return jsNumberString(-f), true
	case token.BITWISE_NOT:
		return jsNumberString(float64(^toInt32(f))), true
	}
	return "", false
}

// toInt32 is ECMAScript's ToInt32 of a number.
func toInt32(f float64) int32 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return int32(uint32(int64(math.Mod(math.Trunc(f), 1<<32))))
}

// jsNumberString is Number.prototype.toString() of f: the shortest digits that read back as f,
// in fixed notation from 1e-7 up to 1e21, exponential beyond.
func jsNumberString(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0" // (-0 too)
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±x
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp)
	n := x + 1 // the decimal point's place after the first digit
	k := len(digits)
	switch {
	case k <= n && n <= 21:
		return sign + digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		return sign + digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		return sign + "0." + strings.Repeat("0", -n) + digits
	}
	out := digits[:1]
	if k > 1 {
		out += "." + digits[1:]
	}
	if n-1 >= 0 {
		return sign + out + "e+" + strconv.Itoa(n-1)
	}
	return sign + out + "e" + strconv.Itoa(n-1)
}
