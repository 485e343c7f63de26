package runtime

import (
	"strconv"
	"strings"
	"unsafe"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
)

// V8's function name inferrer (FuncNameInferrer) does not only name a function assigned to
// something: an anonymous function stays on its list of functions to name until the parser
// next infers names (after an assignment, a declaration's initializer, or any property of an
// object literal), unless a call's end (or an assignment of a call) takes the last one off the
// list first. The name is the stack of names the parser has pushed in the expressions around
// (variables, member names, object literal keys), consecutive variables but the last left out.
// So `before(() => {...}, { signal })` runs as "at before.signal", `assert.throws(() => {...},
// { message: 'x' })` as "at assert.throws.message", and `p.then(a => ..., b => ...); const o =
// { k: 1 }` names the first callback "o.k". V8 parses each function body on its own when it is
// first called, so the names of a body start empty (but for a capitalized enclosing function's
// name, enclosingPrefix). An arrow function's body is also read by the parse around it (an
// object literal there can name a function waiting outside), while a function expression's body
// is skipped by that parse (V8 preparses it).
//
// callArgNames replays that inferrer over a source's syntax tree, once per source, and gives
// the names it infers by the offset of each function's start; only functions the text-based
// rules of nameBefore leave nameless ask for it.

type fniName struct {
	name     string
	variable bool
}

type fniSim struct {
	names []fniName
	funcs []int // the starts of the functions waiting for a name
	depth int   // FuncNameInferrer::State nesting: names and functions are kept only inside one
	out   map[int]string
	src   string
	base  int // the offset of the file's first byte in the parser's positions
	// inline: the walk is inside an arrow's body read by the parse around it (its functions
	// wait for a name there, but take theirs from the body's own parse)
	inline int
	queue  []func() // the bodies of the functions met, each parsed on its own afterwards
}

// argNameCache is what callArgName found in a source: the names by function start, and the
// function bodies (by the offset of their "{", -1 for the whole source) replayed so far.
type argNameCache struct {
	names map[int]string
	units map[int]bool
}

// callArgName is the name V8's inferrer gives the anonymous function that begins at start in
// src when it is no assignment's value, or "". Only the innermost function body around start
// is parsed (V8 parses a body on its own too), so a large source costs little.
func (s *stackAPI) callArgName(src string, start int) string {
	if src == "" {
		return ""
	}
	key := unsafe.StringData(src)
	c := s.argNames[key]
	if c == nil {
		c = &argNameCache{names: map[int]string{}, units: map[int]bool{}}
		if s.argNames == nil {
			s.argNames = map[*byte]*argNameCache{}
		}
		s.argNames[key] = c
	}
	unit := funcScope{open: -1}
	for _, sc := range s.funcScopesOf(src) { // (the innermost last)
		if sc.open < start && start < sc.close && sc.close < len(src) && !sc.class {
			unit = sc
		}
	}
	if !c.units[-1] && !c.units[unit.open] {
		c.units[unit.open] = true
		if unit.open < 0 || !replayBody(src, unit, c.names) {
			c.units[-1] = true
			replaySource(src, c.names)
		}
	}
	return c.names[start]
}

// replaySource replays V8's name inference over the whole of src.
func replaySource(src string, out map[int]string) {
	defer func() { _ = recover() }()
	prg, err := parser.ParseFile(nil, "", src, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return
	}
	(&fniSim{out: out, src: src, base: 1}).run(prg.Body)
}

// replayBody replays it over the body of one function, parsed alone; false when that text does
// not parse so (a constructor's super() call, say).
func replayBody(src string, unit funcScope, out map[int]string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	for _, head := range []string{"(async function* () {", "(function () {"} {
		text := head + src[unit.open+1:unit.close] + "\n})"
		prg, err := parser.ParseFile(nil, "", text, 0, parser.WithDisableSourceMaps)
		if err != nil {
			continue
		}
		es, _ := prg.Body[0].(*ast.ExpressionStatement)
		if es == nil {
			return false
		}
		f, _ := es.Expression.(*ast.FunctionLiteral)
		if f == nil || f.Body == nil {
			return false
		}
		// (a position in text is one in src shifted by the head)
		(&fniSim{out: out, src: src, base: 1 + len(head) - (unit.open + 1)}).run(f.Body.List)
		return true
	}
	return false
}

// run replays a body and, after it, those of the functions in it.
func (s *fniSim) run(list []ast.Statement) {
	s.unit(list)
	for len(s.queue) > 0 {
		next := s.queue[0]
		s.queue = s.queue[1:]
		next()
	}
}

// unit replays the parse of a function's body (or the program's) on its own, from fresh names.
func (s *fniSim) unit(list []ast.Statement) {
	s.names, s.funcs, s.depth, s.inline = nil, nil, 0, 0
	for _, st := range list {
		s.stmt(st)
	}
}

// later queues the parse of a function's body on its own.
func (s *fniSim) later(list []ast.Statement) {
	if s.inline > 0 {
		return // (queued by the parse of the arrow around it)
	}
	s.queue = append(s.queue, func() { s.unit(list) })
}

func (s *fniSim) open() int { s.depth++; return len(s.names) }

func (s *fniSim) close(top int) {
	s.names = s.names[:top]
	s.depth--
}

func (s *fniSim) pushVar(name string) {
	if s.depth > 0 && name != ".result" {
		s.names = append(s.names, fniName{name, true})
	}
}

func (s *fniSim) pushLit(name string) {
	if s.depth > 0 && name != "prototype" {
		s.names = append(s.names, fniName{name, false})
	}
}

func (s *fniSim) addFunc(start int) {
	if s.depth > 0 {
		if s.inline > 0 {
			start = -1 // (named by its own parse)
		}
		s.funcs = append(s.funcs, start)
	}
}

func (s *fniSim) removeLast() {
	if s.depth > 0 && len(s.funcs) > 0 {
		s.funcs = s.funcs[:len(s.funcs)-1]
	}
}

// infer names the waiting functions from the names (MakeNameFromStack).
func (s *fniSim) infer() {
	if len(s.funcs) == 0 {
		return
	}
	var b strings.Builder
	for i, n := range s.names {
		if n.variable && i+1 < len(s.names) && s.names[i+1].variable {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(n.name)
	}
	name := b.String()
	for _, f := range s.funcs {
		if _, ok := s.out[f]; !ok && f >= 0 && name != "" {
			s.out[f] = name
		}
	}
	s.funcs = s.funcs[:0]
}

func (s *fniSim) stmt(st ast.Statement) {
	switch st := st.(type) {
	case *ast.ExpressionStatement:
		s.exprList(st.Expression)
	case *ast.VariableStatement:
		s.bindings(st.List)
	case *ast.LexicalDeclaration:
		s.bindings(st.List)
	case *ast.BlockStatement:
		for _, x := range st.List {
			s.stmt(x)
		}
	case *ast.IfStatement:
		s.exprList(st.Test)
		s.stmt(st.Consequent)
		if st.Alternate != nil {
			s.stmt(st.Alternate)
		}
	case *ast.ReturnStatement:
		if st.Argument != nil {
			s.exprList(st.Argument)
		}
	case *ast.ThrowStatement:
		s.exprList(st.Argument)
	case *ast.ForStatement:
		switch in := st.Initializer.(type) {
		case *ast.ForLoopInitializerExpression:
			s.exprList(in.Expression)
		case *ast.ForLoopInitializerVarDeclList:
			s.bindings(in.List)
		case *ast.ForLoopInitializerLexicalDecl:
			s.bindings(in.LexicalDeclaration.List)
		}
		if st.Test != nil {
			s.exprList(st.Test)
		}
		if st.Update != nil {
			s.exprList(st.Update)
		}
		s.stmt(st.Body)
	case *ast.ForInStatement:
		s.exprList(st.Source)
		s.stmt(st.Body)
	case *ast.ForOfStatement:
		s.assign(st.Source)
		s.stmt(st.Body)
	case *ast.WhileStatement:
		s.exprList(st.Test)
		s.stmt(st.Body)
	case *ast.DoWhileStatement:
		s.stmt(st.Body)
		s.exprList(st.Test)
	case *ast.TryStatement:
		s.stmt(st.Body)
		if st.Catch != nil {
			s.stmt(st.Catch.Body)
		}
		if st.Finally != nil {
			s.stmt(st.Finally)
		}
	case *ast.SwitchStatement:
		s.exprList(st.Discriminant)
		for _, c := range st.Body {
			if c.Test != nil {
				s.exprList(c.Test)
			}
			for _, x := range c.Consequent {
				s.stmt(x)
			}
		}
	case *ast.LabelledStatement:
		s.stmt(st.Statement)
	case *ast.WithStatement:
		s.exprList(st.Object)
		s.stmt(st.Body)
	case *ast.FunctionDeclaration:
		s.function(st.Function, false)
	case *ast.ClassDeclaration:
		s.class(st.Class)
	}
}

// bindings replays a declaration: each binding's name, then its initializer, then the
// inference (or, for a call's value, the removal of the last function).
func (s *fniSim) bindings(list []*ast.Binding) {
	for _, b := range list {
		top := s.open()
		id, single := b.Target.(*ast.Identifier)
		if single {
			s.pushVar(id.Name.String())
		}
		if b.Initializer != nil {
			s.assign(b.Initializer)
			if single {
				if isCallOrNew(b.Initializer) {
					s.removeLast()
				} else {
					s.infer()
				}
			}
		}
		s.close(top)
	}
}

func isCallOrNew(e ast.Expression) bool {
	switch e.(type) {
	case *ast.CallExpression, *ast.NewExpression:
		return true
	}
	return false
}

// exprList is an Expression (comma-separated assignment expressions).
func (s *fniSim) exprList(e ast.Expression) {
	if seq, ok := e.(*ast.SequenceExpression); ok {
		for _, x := range seq.Sequence {
			s.assign(x)
		}
		return
	}
	s.assign(e)
}

// assign is an AssignmentExpression, in a State of its own.
func (s *fniSim) assign(e ast.Expression) {
	top := s.open()
	s.assignInner(e)
	s.close(top)
}

func (s *fniSim) assignInner(e ast.Expression) {
	switch e := e.(type) {
	case *ast.AssignExpression:
		s.expr(e.Left)
		s.assign(e.Right)
		switch e.Operator {
		case token.ASSIGN, token.LOGICAL_AND_ASSIGN, token.LOGICAL_OR_ASSIGN, token.COALESCE_ASSIGN:
			if isCallOrNew(e.Right) {
				s.removeLast()
			} else {
				s.infer()
			}
		default:
			s.removeLast()
		}
	case *ast.ArrowFunctionLiteral:
		// (the parameters are read as an expression first: a lone one pushes its name, those
		// in parentheses are each in a State)
		at := int(e.Start) - s.base
		bare := !e.Async && at >= 0 && at < len(s.src) && s.src[at] != '('
		for _, p := range e.ParameterList.List {
			if id, ok := p.Target.(*ast.Identifier); ok && bare {
				s.pushVar(id.Name.String())
			}
			if p.Initializer != nil {
				s.assign(p.Initializer)
			}
		}
		var list []ast.Statement
		switch b := e.Body.(type) {
		case *ast.BlockStatement:
			list = b.List
		case *ast.ExpressionBody:
			list = []ast.Statement{&ast.ReturnStatement{Argument: b.Expression}}
		}
		// (the body is read here, with the names around, before the arrow waits for a name)
		s.later(list)
		s.inline++
		top := s.open()
		for _, st := range list {
			s.stmt(st)
		}
		s.close(top)
		s.inline--
		s.addFunc(int(e.Start) - s.base)
	default:
		s.expr(e)
	}
}

func (s *fniSim) function(f *ast.FunctionLiteral, expression bool) {
	if expression && f.Name == nil {
		s.addFunc(int(f.Function) - s.base)
	}
	if f.Body != nil {
		s.later(f.Body.List)
	}
}

func (s *fniSim) class(c *ast.ClassLiteral) {
	if c.SuperClass != nil {
		s.assign(c.SuperClass)
	}
	for _, el := range c.Body {
		switch el := el.(type) {
		case *ast.MethodDefinition:
			if el.Body != nil && el.Body.Body != nil {
				s.later(el.Body.Body.List)
			}
		case *ast.FieldDefinition:
			if el.Initializer != nil {
				s.later([]ast.Statement{&ast.ExpressionStatement{Expression: el.Initializer}})
			}
		case *ast.ClassStaticBlock:
			if el.Block != nil {
				s.later(el.Block.List)
			}
		}
	}
}

// expr is a conditional expression or any below it: no State of its own.
func (s *fniSim) expr(e ast.Expression) {
	switch e := e.(type) {
	case *ast.Identifier:
		s.pushVar(e.Name.String())
	case *ast.DotExpression:
		s.expr(e.Left)
		s.pushLit(e.Identifier.Name.String())
	case *ast.PrivateDotExpression:
		s.expr(e.Left)
		s.pushLit("#" + e.Identifier.Name.String())
	case *ast.BracketExpression:
		s.expr(e.Left)
		s.assign(e.Member)
		if str, ok := e.Member.(*ast.StringLiteral); ok && !isArrayIndex(str.Value.String()) {
			s.pushLit(str.Value.String())
		} else {
			s.pushLit("<computed>")
		}
	case *ast.CallExpression:
		s.expr(e.Callee)
		s.args(e.ArgumentList)
		s.removeLast()
	case *ast.NewExpression:
		s.expr(e.Callee)
		s.args(e.ArgumentList)
	case *ast.OptionalChain:
		s.expr(e.Expression)
	case *ast.Optional:
		s.expr(e.Expression)
	case *ast.BinaryExpression:
		s.expr(e.Left)
		s.expr(e.Right)
	case *ast.UnaryExpression:
		s.expr(e.Operand)
	case *ast.AwaitExpression:
		s.expr(e.Argument)
	case *ast.YieldExpression:
		if e.Argument != nil {
			s.assign(e.Argument)
		}
	case *ast.ConditionalExpression:
		s.expr(e.Test)
		s.assign(e.Consequent)
		s.assign(e.Alternate)
	case *ast.SequenceExpression:
		for _, x := range e.Sequence {
			s.assign(x)
		}
	case *ast.ArrayLiteral:
		for _, x := range e.Value {
			if x == nil {
				continue
			}
			if sp, ok := x.(*ast.SpreadElement); ok {
				x = sp.Expression
			}
			s.assign(x)
		}
	case *ast.ObjectLiteral:
		s.object(e)
	case *ast.FunctionLiteral:
		s.function(e, true)
	case *ast.ClassLiteral:
		s.class(e)
	case *ast.TemplateLiteral:
		if e.Tag != nil {
			s.expr(e.Tag)
		}
		for _, x := range e.Expressions {
			s.exprList(x)
		}
	case *ast.AssignExpression, *ast.ArrowFunctionLiteral:
		s.assignInner(e)
	}
}

func (s *fniSim) args(list []ast.Expression) {
	for _, a := range list {
		if sp, ok := a.(*ast.SpreadElement); ok {
			a = sp.Expression
		}
		s.assign(a)
	}
}

// object replays an object literal: each property in a State, its key's name pushed, and an
// inference after it.
func (s *fniSim) object(o *ast.ObjectLiteral) {
	for _, p := range o.Value {
		top := s.open()
		switch p := p.(type) {
		case *ast.PropertyKeyed:
			if p.Computed {
				s.assign(p.Key)
			} else if name, ok := propertyKeyName(p.Key); ok {
				s.pushLit(name)
			}
			if f, ok := p.Value.(*ast.FunctionLiteral); ok && p.Kind != ast.PropertyKindValue {
				s.function(f, false) // a method, getter or setter (named by its key)
			} else if p.Value != nil {
				s.assign(p.Value)
			}
		case *ast.PropertyShort:
			s.pushLit(p.Name.Name.String())
			s.pushVar(p.Name.Name.String())
		case *ast.SpreadElement:
			s.assign(p.Expression)
		}
		s.infer()
		s.close(top)
	}
}

// propertyKeyName is the name V8 pushes for an object literal's key.
func propertyKeyName(k ast.Expression) (string, bool) {
	switch k := k.(type) {
	case *ast.Identifier:
		return k.Name.String(), true
	case *ast.StringLiteral:
		return k.Value.String(), true
	case *ast.NumberLiteral:
		switch v := k.Value.(type) {
		case int64:
			return strconv.FormatInt(v, 10), true
		case float64:
			return strconv.FormatFloat(v, 'g', -1, 64), true
		}
	}
	return "", false
}

// isArrayIndex reports whether str is a canonical array index ("0", "12").
func isArrayIndex(str string) bool {
	if str == "" || len(str) > 10 || str != "0" && str[0] == '0' {
		return false
	}
	n, err := strconv.ParseUint(str, 10, 32)
	return err == nil && n < 1<<32-1
}
