// Package coverage is code coverage for the test runner (node's --experimental-test-coverage,
// https://nodejs.org/api/test.html#collecting-code-coverage). goja has no coverage API, so a
// user file is instrumented before it is compiled: counters are inserted (without new lines, so
// line numbers stay) for functions and for the blocks V8's block coverage counts (if/else,
// ?:, &&/||/??, loop bodies, switch cases, catch/finally, and the continuations after statements
// that may jump). At report time the counters become V8-shaped ranges, post-processed the way V8
// does (nested ranges with their parent's count dropped, consecutive ones merged), so node's
// range-to-line conversion gives node's numbers.
//
// The instrumented file gets an inline source map back to the original, so stack traces keep
// their lines and columns. Files are covered as node covers them: user files (absolute paths
// outside node_modules), CommonJS and ES modules.
//
// ES modules are instrumented before esbuild turns them into what goja runs: their module
// syntax is first masked with script text of the same length (maskModule), so goja's parser
// reads them and the ranges are those of the file itself. TypeScript (and TSX/JSX) files are
// compiled to JavaScript first (keeping module syntax); that JavaScript is instrumented and its
// ranges are mapped through the compiler's source map onto the .ts file, so the report shows
// the .ts file's lines, as node reports the same program written as JavaScript. Code the
// TypeScript compiler adds (enums, parameter properties, decorators) has no JavaScript twin and
// is reported as the compiler's functions where it maps onto the file.
//
// Not covered yet (they differ from node): the range V8 gives an optional chain (`a?.b`), and a
// loop that is the last statement of a `for (let ...)` body (V8's desugaring keeps that loop's
// continuation; here it is dropped).
package coverage

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
)

// Range is a block range in byte offsets of the original source; End < 0 is a singleton (a
// continuation) that extends to the end of its enclosing range.
type Range struct {
	Start, End int
	Counter    int
}

// Function is one function (index 0 is the script itself).
type Function struct {
	Name       string
	Start, End int
	Counter    int // -1 for the script (always run once)
	Parent     int // index of the enclosing function, -1 for the script
	Ranges     []Range
}

// Plan is what instrumenting a file produced.
type Plan struct {
	Source    string // the instrumented source
	Counters  int
	Functions []Function
	sm        *mapper // the instrumented source's map back to the original
}

// debugPanics makes a bad node position panic instead of leaving the file uninstrumented (for
// debugging the instrumenter).
var debugPanics = false

type insertion struct {
	off   int
	open  bool
	order int
	seq   int
	text  string
}

type instr struct {
	src     string
	base    int // ast offsets are 1-based
	ins     []insertion
	fns     []Function
	fn      int
	depth   int
	nextCtr int
	counter string
	class   string // the name of the class being visited (its constructor's function name)
	// chainName: the member name of an assignment whose right side is the assignment being
	// visited (a.b = c.d = f), which V8 puts before its own
	chainName string
}

// Instrument returns src with counters inserted; prefix is the statement that binds the counter
// array (it goes after the directive prologue). ok is false when src does not parse.
func Instrument(filename, src, counterName, prefix string) (plan *Plan, ok bool) {
	return instrument(filename, src, src, nil, counterName, prefix)
}

// instrument parses and analyses parsed (src with module syntax masked, see maskModule: same
// length, same line breaks) and inserts the counters into src. An insertion that falls inside
// one of the prefixes (masked `export ` / `export default ` heads of a declaration) goes before
// it.
func instrument(filename, src, parsed string, prefixes [][2]int, counterName, prefix string) (plan *Plan, ok bool) {
	defer func() {
		// a node whose positions goja did not record leaves the file uninstrumented
		if r := recover(); r != nil {
			if debugPanics {
				panic(r)
			}
			plan, ok = nil, false
		}
	}()
	prog, err := parser.ParseFile(nil, filename, parsed, 0)
	if err != nil {
		return nil, false
	}
	in := &instr{src: parsed, base: 1, counter: counterName}
	in.fns = append(in.fns, Function{Start: 0, End: len(src), Counter: -1, Parent: -1})
	in.fn = 0
	if prefix != "" {
		in.add(in.afterDirectives(prog.Body, 0), true, prefix)
	}
	in.stmtList(prog.Body)
	sort.SliceStable(in.ins, func(i, j int) bool {
		a, b := in.ins[i], in.ins[j]
		if a.off != b.off {
			return a.off < b.off
		}
		if a.open != b.open {
			return !a.open
		}
		if a.order != b.order {
			return a.order < b.order
		}
		return a.seq < b.seq
	})
	for i := range in.ins {
		for _, p := range prefixes {
			if in.ins[i].off > p[0] && in.ins[i].off <= p[1] {
				in.ins[i].off = p[0]
			}
		}
	}
	if len(prefixes) > 0 {
		sort.SliceStable(in.ins, func(i, j int) bool { return in.ins[i].off < in.ins[j].off })
	}
	var sb strings.Builder
	sm := &mapper{}
	last := 0
	for _, x := range in.ins {
		if x.off < last || x.off > len(src) {
			if debugPanics {
				panic(fmt.Sprint("bad insertion ", x))
			}
			return nil, false
		}
		sb.WriteString(src[last:x.off])
		sm.original(src[last:x.off])
		sb.WriteString(x.text)
		sm.inserted(x.text)
		last = x.off
	}
	sb.WriteString(src[last:])
	sm.original(src[last:])
	if !strings.Contains(src, "//# sourceMappingURL=") {
		// stack traces keep the original columns
		sb.WriteString("\n//# sourceMappingURL=data:application/json;base64,")
		sb.WriteString(sm.encode(filename))
	}
	return &Plan{Source: sb.String(), Counters: in.nextCtr, Functions: in.fns, sm: sm}, true
}

func (in *instr) off(n ast.Node) int {
	if s, ok := n.(*ast.IfStatement); ok && s.If == 0 {
		// goja leaves an 'else if' without the position of its 'if'
		return strings.LastIndex(in.src[:int(s.Test.Idx0())-in.base], "if")
	}
	return int(n.Idx0()) - in.base
}
func (in *instr) end(n ast.Node) int { return int(n.Idx1()) - in.base }

func (in *instr) add(off int, open bool, text string) {
	order := in.depth
	if !open {
		order = -in.depth
	}
	in.ins = append(in.ins, insertion{off: off, open: open, order: order, seq: len(in.ins), text: text})
}

func (in *instr) newCounter() int { c := in.nextCtr; in.nextCtr++; return c }

func (in *instr) inc(c int) string { return in.counter + "[" + strconv.Itoa(c) + "]++" }

// skip moves past white space and comments (and closing parentheses when parens is set).
func (in *instr) skip(i int, parens bool) int { return skipSpaceParens(in.src, i, parens) }

// stmtEnd is where a statement ends, its semicolon included.
func (in *instr) stmtEnd(s ast.Statement) int {
	e := in.end(s)
	if e > len(in.src) {
		e = len(in.src)
	}
	if e > 0 && in.src[e-1] == ';' {
		return e
	}
	switch s := s.(type) {
	case *ast.IfStatement:
		if s.Alternate != nil {
			return in.stmtEnd(s.Alternate)
		}
		return in.stmtEnd(s.Consequent)
	case *ast.ForStatement:
		return in.stmtEnd(s.Body)
	case *ast.ForInStatement:
		return in.stmtEnd(s.Body)
	case *ast.ForOfStatement:
		return in.stmtEnd(s.Body)
	case *ast.WhileStatement:
		return in.stmtEnd(s.Body)
	case *ast.LabelledStatement:
		return in.stmtEnd(s.Statement)
	case *ast.BlockStatement, *ast.SwitchStatement, *ast.TryStatement, *ast.FunctionDeclaration,
		*ast.ClassDeclaration:
		return e
	}
	j := in.skip(e, false)
	if j < len(in.src) && in.src[j] == ';' {
		// only on the same line: past a line break the ';' is a statement of its own
		if !strings.ContainsAny(in.src[e:j], "\n\r") {
			return j + 1
		}
	}
	return e
}

func (in *instr) afterDirectives(list []ast.Statement, at int) int {
	for _, s := range list {
		es, ok := s.(*ast.ExpressionStatement)
		if !ok {
			break
		}
		if _, ok := es.Expression.(*ast.StringLiteral); !ok {
			break
		}
		at = in.stmtEnd(s)
	}
	return at
}

func (in *instr) addRange(start, end, ctr int) {
	f := &in.fns[in.fn]
	f.Ranges = append(f.Ranges, Range{Start: start, End: end, Counter: ctr})
}

func hasContinuation(s ast.Statement) bool {
	switch s.(type) {
	case *ast.IfStatement, *ast.ForStatement, *ast.ForInStatement, *ast.ForOfStatement, *ast.WhileStatement,
		*ast.DoWhileStatement, *ast.SwitchStatement, *ast.TryStatement, *ast.ReturnStatement,
		*ast.ThrowStatement, *ast.BranchStatement:
		return true
	}
	return false
}

// continuation counts the code after s (a singleton range, as V8's continuation counters).
func (in *instr) continuation(s ast.Statement) {
	e := in.stmtEnd(s)
	c := in.newCounter()
	in.addRange(e, -1, c)
	in.add(e, false, ";"+in.inc(c)+";")
}

// stmtList visits a statement list; the last statement's continuation is dropped, as V8 does.
func (in *instr) stmtList(list []ast.Statement) {
	for i, s := range list {
		in.stmt(s)
		if i < len(list)-1 && hasContinuation(s) {
			in.continuation(s)
		}
	}
}

// nested is a statement in a position that is not a list (a branch or a loop body): it gets a
// counter at its start, and, when it is not a block, braces around it.
func (in *instr) nested(s ast.Statement) { in.nestedFrom(s, in.off(s)) }

// nestedFrom is nested with the range starting at start (a 'catch' or 'finally' keyword).
func (in *instr) nestedFrom(s ast.Statement, start int) {
	c := in.newCounter()
	in.addRange(start, in.stmtEnd(s), c)
	in.depth++
	defer func() { in.depth-- }()
	if b, ok := s.(*ast.BlockStatement); ok {
		in.add(int(b.LeftBrace)-in.base+1, true, in.inc(c)+";")
		in.stmtList(b.List)
		return
	}
	in.add(in.off(s), true, "{"+in.inc(c)+";")
	in.stmt(s)
	in.add(in.stmtEnd(s), false, "}")
}

func (in *instr) stmt(s ast.Statement) {
	in.depth++
	defer func() { in.depth-- }()
	switch s := s.(type) {
	case *ast.IfStatement:
		in.walk(s.Test)
		in.nested(s.Consequent)
		if s.Alternate != nil {
			// V8's else range starts where the then branch ends
			in.nestedFrom(s.Alternate, in.stmtEnd(s.Consequent))
		}
	case *ast.ForStatement:
		if s.Initializer != nil {
			in.walk(s.Initializer)
		}
		if s.Test != nil {
			in.walk(s.Test)
		}
		if s.Update != nil {
			in.walk(s.Update)
		}
		in.nested(s.Body)
	case *ast.ForInStatement:
		in.walk(s.Into)
		in.walk(s.Source)
		in.nested(s.Body)
	case *ast.ForOfStatement:
		in.walk(s.Into)
		in.walk(s.Source)
		in.nested(s.Body)
	case *ast.WhileStatement:
		in.walk(s.Test)
		in.nested(s.Body)
	case *ast.DoWhileStatement:
		in.nested(s.Body)
		in.walk(s.Test)
	case *ast.SwitchStatement:
		in.walk(s.Discriminant)
		for _, cs := range s.Body {
			colon := in.off(cs) + 7 // "default"
			if cs.Test != nil {
				in.walk(cs.Test)
				colon = in.skip(in.end(cs.Test), true)
			} else {
				colon = in.skip(colon, false)
			}
			if colon >= len(in.src) || in.src[colon] != ':' {
				continue
			}
			c := in.newCounter()
			end := colon + 1
			if n := len(cs.Consequent); n > 0 {
				end = in.stmtEnd(cs.Consequent[n-1])
			}
			in.addRange(in.off(cs), end, c)
			in.add(colon+1, true, in.inc(c)+";")
			in.stmtList(cs.Consequent)
		}
	case *ast.TryStatement:
		in.stmtList(s.Body.List)
		if s.Finally != nil {
			// V8 counts the gap before 'finally': reached when try (or catch) ended normally
			c := in.newCounter()
			last := s.Body
			if s.Catch != nil {
				last = s.Catch.Body
				in.add(int(s.Catch.Body.RightBrace)-in.base, false, ";"+in.inc(c)+";")
			}
			in.add(int(s.Body.RightBrace)-in.base, false, ";"+in.inc(c)+";")
			if k := strings.LastIndex(in.src[:int(s.Finally.LeftBrace)-in.base], "finally"); k >= in.end(last) {
				in.addRange(in.end(last), k, c)
			}
		}
		if s.Catch != nil {
			if s.Catch.Parameter != nil {
				in.walk(s.Catch.Parameter)
			}
			in.nestedFrom(s.Catch.Body, in.off(s.Catch))
		}
		if s.Finally != nil {
			fin := strings.LastIndex(in.src[:int(s.Finally.LeftBrace)-in.base], "finally")
			if fin < 0 {
				fin = in.off(s.Finally)
			}
			in.nestedFrom(s.Finally, fin)
		}
	case *ast.BlockStatement:
		in.stmtList(s.List)
	case *ast.LabelledStatement:
		in.stmt(s.Statement)
	default:
		in.walkFields(s)
	}
}

// stmtListType is a function, not a package variable: a variable initialised by a call runs at
// every process start, test runner or not.
func stmtListType() reflect.Type { return reflect.TypeFor[[]ast.Statement]() }

// walk visits an expression (or any node) for the functions and branches inside it.
func (in *instr) walk(n ast.Node) {
	if n == nil || reflect.ValueOf(n).IsNil() {
		return
	}
	in.depth++
	defer func() { in.depth-- }()
	switch n.(type) {
	case *ast.IfStatement, *ast.ForStatement, *ast.ForInStatement, *ast.ForOfStatement, *ast.WhileStatement,
		*ast.DoWhileStatement, *ast.SwitchStatement, *ast.TryStatement, *ast.BlockStatement, *ast.LabelledStatement:
		in.stmt(n.(ast.Statement))
		return
	}
	in.walkFields(n)
}

// walkFields visits the children of n, with the cases that count branches or start functions.
func (in *instr) walkFields(n ast.Node) {
	switch n := n.(type) {
	case *ast.FunctionLiteral:
		in.function(n, in.off(n), "", n.Name)
		return
	case *ast.ArrowFunctionLiteral:
		in.arrow(n, "")
		return
	case *ast.ClassLiteral:
		prev := in.class
		in.class = ""
		if n.Name != nil {
			in.class = string(n.Name.Name)
		}
		defer func() { in.class = prev }()
		in.classFields(n)
	case *ast.MethodDefinition:
		if n.Computed {
			in.walk(n.Key)
		}
		name := accessorName(n.Kind, propName(n.Key))
		if name == "constructor" && !n.Static {
			name = in.class
		}
		in.function(n.Body, in.accessorStart(n.Kind, n.Key), name, nil)
		return
	case *ast.FieldDefinition:
		if n.Computed {
			in.walk(n.Key)
		}
		if n.Initializer != nil {
			in.named(n.Initializer, propName(n.Key))
		}
		return
	case *ast.PropertyKeyed:
		if n.Computed {
			in.walk(n.Key)
		}
		if fl, ok := n.Value.(*ast.FunctionLiteral); ok && n.Kind != ast.PropertyKindValue {
			in.function(fl, in.accessorStart(n.Kind, n.Key), accessorName(n.Kind, propName(n.Key)), nil)
			return
		}
		in.named(n.Value, propName(n.Key))
		return
	case *ast.Binding:
		in.walk(n.Target)
		if n.Initializer != nil {
			in.named(n.Initializer, bindingName(n.Target))
		}
		return
	case *ast.AssignExpression:
		outer := in.chainName
		in.chainName = ""
		in.walk(n.Left)
		name := ""
		if id, ok := n.Left.(*ast.Identifier); ok {
			name = string(id.Name)
		} else if m := memberName(n.Left); m != "" {
			// (a.b = c.d = () => {}: V8 names the function by both members, a.b.c.d)
			if outer != "" {
				name = outer + "." + m
			} else {
				name = in.enclosingPrefix() + m
			}
			if _, ok := n.Right.(*ast.AssignExpression); ok {
				in.chainName = name
			}
		}
		in.named(n.Right, name)
		in.chainName = ""
		return
	case *ast.ConditionalExpression:
		in.walk(n.Test)
		c1, c2 := in.newCounter(), in.newCounter()
		q := in.skip(in.end(n.Test), true) // V8's then range starts at the '?'
		colon := in.skip(in.end(n.Consequent), true)
		in.addRange(q, in.trimBack(colon), c1) // and ends with the consequent's parentheses
		in.addRange(colon, in.end(n.Alternate), c2)
		in.wrapExpr(n.Consequent, c1)
		in.wrapExpr(n.Alternate, c2)
		return
	case *ast.BinaryExpression:
		if n.Operator == token.LOGICAL_AND || n.Operator == token.LOGICAL_OR || n.Operator == token.COALESCE {
			in.walk(n.Left)
			c := in.newCounter()
			op := in.skip(in.end(n.Left), true)
			in.addRange(op, in.end(n.Right), c)
			in.wrapExpr(n.Right, c)
			return
		}
	}
	v := reflect.ValueOf(n)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return
	}
	t := v.Type()
	for i := 0; i < v.NumField(); i++ {
		f := t.Field(i)
		if f.Name == "DeclarationList" || !f.IsExported() {
			continue
		}
		in.walkValue(v.Field(i))
	}
}

func (in *instr) walkValue(fv reflect.Value) {
	switch fv.Kind() {
	case reflect.Interface, reflect.Pointer:
		if fv.IsNil() {
			return
		}
		if nd, ok := fv.Interface().(ast.Node); ok {
			in.walk(nd)
			return
		}
		if fv.Kind() == reflect.Pointer && fv.Elem().Kind() == reflect.Struct {
			e := fv.Elem()
			for i := 0; i < e.NumField(); i++ {
				if e.Type().Field(i).IsExported() && e.Type().Field(i).Name != "DeclarationList" {
					in.walkValue(e.Field(i))
				}
			}
		}
	case reflect.Slice:
		if fv.Type() == stmtListType() {
			in.stmtList(fv.Interface().([]ast.Statement))
			return
		}
		for j := 0; j < fv.Len(); j++ {
			in.walkValue(fv.Index(j))
		}
	case reflect.Struct:
		for i := 0; i < fv.NumField(); i++ {
			if fv.Type().Field(i).IsExported() {
				in.walkValue(fv.Field(i))
			}
		}
	}
}

// named visits an expression that a function may take its inferred name from.
func (in *instr) named(e ast.Expression, name string) {
	switch f := e.(type) {
	case *ast.FunctionLiteral:
		if f.Name != nil {
			name = string(f.Name.Name)
		}
		in.function(f, in.off(f), name, f.Name)
	case *ast.ArrowFunctionLiteral:
		in.arrow(f, name)
	default:
		in.walk(e)
	}
}

// wrapExpr makes e count c when it is evaluated.
func (in *instr) wrapExpr(e ast.Expression, c int) {
	in.depth++
	in.add(in.off(e), true, "("+in.inc(c)+",")
	in.walk(e)
	in.add(in.end(e), false, ")")
	in.depth--
}

func (in *instr) enter(name string, start, end int) (int, int) {
	c := in.newCounter()
	in.fns = append(in.fns, Function{Name: name, Start: start, End: end, Counter: c, Parent: in.fn})
	prev := in.fn
	in.fn = len(in.fns) - 1
	return c, prev
}

func (in *instr) function(f *ast.FunctionLiteral, start int, name string, id *ast.Identifier) {
	if name == "" && id != nil {
		name = string(id.Name)
	}
	in.depth++
	defer func() { in.depth-- }()
	c, prev := in.enter(name, start, in.end(f.Body))
	in.walk(f.ParameterList)
	at := in.afterDirectives(f.Body.List, int(f.Body.LeftBrace)-in.base+1)
	in.add(at, true, ";"+in.inc(c)+";")
	in.stmtList(f.Body.List)
	in.fn = prev
}

func (in *instr) arrow(f *ast.ArrowFunctionLiteral, name string) {
	in.depth++
	defer func() { in.depth-- }()
	c, prev := in.enter(name, in.off(f), in.end(f.Body))
	in.walk(f.ParameterList)
	switch b := f.Body.(type) {
	case *ast.BlockStatement:
		at := in.afterDirectives(b.List, int(b.LeftBrace)-in.base+1)
		in.add(at, true, ";"+in.inc(c)+";")
		in.stmtList(b.List)
	case *ast.ExpressionBody:
		in.add(in.off(b.Expression), true, "("+in.inc(c)+",")
		in.walk(b.Expression)
		in.add(in.end(b.Expression), false, ")")
	}
	in.fn = prev
}

func propName(k ast.Expression) string {
	switch k := k.(type) {
	case *ast.Identifier:
		return string(k.Name)
	case *ast.StringLiteral:
		return string(k.Value)
	case *ast.NumberLiteral:
		return k.Literal
	case *ast.PrivateIdentifier:
		return "#" + string(k.Name)
	}
	return ""
}

// memberName is V8's inferred name of a function assigned to a member (exports.f = () => {}):
// the names along the member chain joined by dots, without this and prototype, a call read as
// its callee's chain and a computed key other than a literal as <computed>; "" for a chain of
// anything else.
func memberName(e ast.Expression) string {
	var parts []string
	var walk func(e ast.Expression) bool
	walk = func(e ast.Expression) bool {
		switch e := e.(type) {
		case *ast.Identifier:
			parts = append(parts, string(e.Name))
		case *ast.ThisExpression:
		case *ast.CallExpression:
			return walk(e.Callee)
		case *ast.DotExpression:
			if !walk(e.Left) {
				return false
			}
			if n := string(e.Identifier.Name); n != "prototype" {
				parts = append(parts, n)
			}
		case *ast.BracketExpression:
			if !walk(e.Left) {
				return false
			}
			switch k := e.Member.(type) {
			case *ast.StringLiteral:
				if v := string(k.Value); v != "prototype" {
					parts = append(parts, v)
				}
			case *ast.TemplateLiteral:
				if len(k.Expressions) == 0 && len(k.Elements) == 1 {
					parts = append(parts, string(k.Elements[0].Parsed))
				} else {
					parts = append(parts, "<computed>")
				}
			default:
				parts = append(parts, "<computed>")
			}
		default:
			return false
		}
		return true
	}
	if _, ok := e.(*ast.DotExpression); !ok {
		if _, ok := e.(*ast.BracketExpression); !ok {
			return ""
		}
	}
	if !walk(e) || len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ".")
}

// enclosingPrefix is what V8 puts before a name it infers inside a function whose name starts
// with an upper-case letter (a constructor's: this.f = () => {} in F is F.f): that name and a
// dot, else "".
func (in *instr) enclosingPrefix() string {
	if in.fn < 0 || in.fn >= len(in.fns) {
		return ""
	}
	n := in.fns[in.fn].Name
	if i := strings.LastIndexByte(n, '.'); i >= 0 {
		n = n[i+1:]
	}
	if n == "" || !unicode.IsUpper([]rune(n)[0]) {
		return ""
	}
	return n + "."
}

func bindingName(t ast.BindingTarget) string {
	if id, ok := t.(*ast.Identifier); ok {
		return string(id.Name)
	}
	return ""
}

func accessorName(kind ast.PropertyKind, name string) string {
	switch kind {
	case ast.PropertyKindGet:
		return "get " + name
	case ast.PropertyKindSet:
		return "set " + name
	}
	return name
}

// accessorStart is where V8 starts a method's range: its name, or the 'get'/'set' before it.
func (in *instr) accessorStart(kind ast.PropertyKind, key ast.Expression) int {
	k := in.off(key)
	if kind == ast.PropertyKindGet || kind == ast.PropertyKindSet {
		if i := strings.LastIndex(in.src[:k], string(kind)); i >= 0 {
			return i
		}
	}
	return k
}

// trimBack moves back from i over white space.
func (in *instr) trimBack(i int) int {
	for i > 0 && strings.IndexByte(" \t\r\n", in.src[i-1]) >= 0 {
		i--
	}
	return i
}

// classFields gives a class with instance fields V8's <instance_members_initializer> function,
// run once per instance (counted where the first field's initializer runs).
func (in *instr) classFields(n *ast.ClassLiteral) {
	for _, el := range n.Body {
		f, ok := el.(*ast.FieldDefinition)
		if !ok || f.Static {
			continue
		}
		if f.Initializer == nil {
			return
		}
		c := in.newCounter()
		in.fns = append(in.fns, Function{Name: "<instance_members_initializer>", Start: in.off(n),
			End: int(n.RightBrace) - in.base + 1, Counter: c, Parent: in.fn})
		in.depth++
		in.add(in.off(f.Initializer), true, "("+in.inc(c)+",")
		in.add(in.end(f.Initializer), false, ")")
		in.depth--
		return
	}
}
