package modules

import (
	"reflect"
	"strconv"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// The closure mode of FixStringBuild. Template engines build their output in a variable of the
// template function that nested functions append to: ejs's `function __append(s) { ...
// __output += s }`, pug's `each` (an IIFE whose loop does `pug_html = pug_html + ...`),
// handlebars' each helper (`ret = ret + fn(...)` in execIteration). The loop rewrite never
// takes a name a nested function mentions, so each append copied the whole string: 20,000
// rows took seconds to minutes.
//
// For a variable s of a function F, the closure mode keeps s's value as chunks in hidden
// variables of F (declared at the top of its body, so every activation of F and the closures
// it makes share them as they share s): the value is p[0] + ... + p[k-1] + s, spilled and
// merged as in the loop rewrite (a binary counter). Every mention of s in F and in its nested
// functions is one of:
//   - an append statement (`s += e;`, `s = s + e1 + e2...;`), which becomes
//     { ++b; <the statement>; --b; if (++c > 32 && b === 0) <spill s if it is a non-empty string> }
//     The statement itself is unchanged (s, then the pieces, are read and converted as before).
//     b counts the appends being evaluated: while one is, its pieces may run code (a call, a
//     getter, a toString) that appends to s or reads it, and the outer append then writes
//     its chunk and the pieces back, as the engine would write back the whole string it read
//     first. So nothing spills while b > 0 (a nested append only grows the chunk, which the
//     outer one overwrites, exactly as before), and a read while b > 0 joins without storing;
//   - a read, which becomes (k === 0 ? s : flush()): flush joins the chunks (and, when b is
//     0, stores them back into s). A read in F's own code (outside an append's pieces) first
//     sets b to 0: F's own code never runs while an append of the same activation is being
//     evaluated (F is no generator, and no append's pieces hold a yield or await), so a b
//     left above 0 by an append that threw is reset there;
//   - in F's own code, `s = v`, which becomes (s = v, k = 0, m = 0, b = 0, s), and the one
//     declaration (a var statement, or a let statement at the top of F's body), whose
//     initializer is a string literal (counters and sums are left alone): the counters are
//     reset with it.
//
// s is not taken when it is mentioned in any other way (a shorthand property, delete, ++,
// a compound or destructuring assignment, `s += e` as an expression), declared elsewhere (in
// nested code too), mentioned inside a with body or in F's parameters, or when F or its
// nested code holds a direct eval. The mode is used only when a nested function appends to
// s or reads it (else the loop rewrite's rules apply).

// sbScope is a function seen while finding candidates: the names its own code declares and
// appends to, and those its nested functions append to without declaring them.
type sbScope struct {
	params *ast.ParameterList
	body   *ast.BlockStatement // (nil: an arrow with an expression body)
	gen    bool
	decls  map[string]bool
	apps   map[string]bool
	nested map[string]bool
}

// sbClosureFn is a function whose declared names nested functions append to.
type sbClosureFn struct {
	params *ast.ParameterList
	body   *ast.BlockStatement
	names  []string
}

// sbRead is a mention of a closure-mode name that reads it.
type sbRead struct {
	id  *ast.Identifier
	own bool // in the function's own code, not in an append's pieces
}

func (w *sbWalker) scope() *sbScope {
	if w.analyzing() || len(w.scopes) == 0 {
		return nil
	}
	return w.scopes[len(w.scopes)-1]
}

func (w *sbWalker) enterScope(params *ast.ParameterList, body *ast.BlockStatement) *sbScope {
	sc := &sbScope{params: params, body: body, gen: w.nextGen}
	w.nextGen = false
	w.scopes = append(w.scopes, sc)
	return sc
}

// leaveScope ends sc: the names nested functions append to become sc's candidates if it
// declares them; the others it appends to or passes on are its parent's nested ones.
func (w *sbWalker) leaveScope(sc *sbScope) {
	w.scopes = w.scopes[:len(w.scopes)-1]
	var parent *sbScope
	if len(w.scopes) > 0 {
		parent = w.scopes[len(w.scopes)-1]
	}
	var fn *sbClosureFn
	for name := range sc.nested {
		if !sc.decls[name] {
			parent.noteNested(name)
			continue
		}
		if sc.body != nil && !sc.gen {
			if fn == nil {
				fn = &sbClosureFn{params: sc.params, body: sc.body}
				w.closureFns = append(w.closureFns, fn)
			}
			fn.names = append(fn.names, name)
		}
	}
	for name := range sc.apps {
		if !sc.decls[name] {
			parent.noteNested(name)
		}
	}
}

func (sc *sbScope) noteApp(name string) {
	if sc.apps == nil {
		sc.apps = map[string]bool{}
	}
	sc.apps[name] = true
}

func (sc *sbScope) noteNested(name string) {
	if sc == nil {
		return
	}
	if sc.nested == nil {
		sc.nested = map[string]bool{}
	}
	sc.nested[name] = true
}

// noteDecl notes a declaration while finding.
func (w *sbWalker) noteDecl(name string) {
	w.consts.noteDecl(name)
	if sc := w.scope(); sc != nil {
		if sc.decls == nil {
			sc.decls = map[string]bool{}
		}
		sc.decls[name] = true
	}
}

func (w *sbWalker) closureDecl(n *sbName, kind int, init ast.Expression) {
	if !w.own() || w.inParams || w.withDepth > 0 || kind != sbDeclVar || w.curBinding == nil ||
		w.curLet && len(w.frames) != 1 || !stringLiteral(init) {
		n.bad = true
		return
	}
	n.decls++
	n.declBinding = w.curBinding
}

func (w *sbWalker) closureApp(n *sbName, slot *ast.Statement, pieces []ast.Expression) {
	if w.inParams || w.withDepth > 0 {
		n.bad = true
	}
	w.pieces++
	for _, p := range pieces {
		w.expr(p)
	}
	w.pieces--
	n.apps = append(n.apps, sbApp{slot: slot})
	if !w.own() {
		n.nestedApp = true
	}
}

func (w *sbWalker) closureRead(id *ast.Identifier) {
	name := id.Name.String()
	if name == "eval" {
		w.eval = true
	}
	n := w.lookup(name)
	if n == nil {
		return
	}
	if w.inParams || w.withDepth > 0 {
		n.bad = true
		return
	}
	n.reads = append(n.reads, sbRead{id: id, own: w.own() && w.pieces == 0})
}

func (w *sbWalker) closureWrite(n *sbName, e *ast.AssignExpression) {
	if e.Operator != token.ASSIGN || !w.own() || w.inParams || w.withDepth > 0 || w.pieces > 0 {
		n.bad = true
		return
	}
	n.writes = append(n.writes, e)
}

// stringLiteral reports whether e is a string literal (evaluating it runs no code).
func stringLiteral(e ast.Expression) bool {
	switch e := e.(type) {
	case *ast.StringLiteral:
		return true
	case *ast.TemplateLiteral:
		return e.Tag == nil && len(e.Expressions) == 0
	}
	return false
}

// sbClosureFix is one function's closure-mode names, analyzed.
type sbClosureFix struct {
	body  *ast.BlockStatement
	names []*sbName
	ids   []string
}

// analyzeClosureBuild decides which of fn's names the closure mode takes.
func analyzeClosureBuild(fn *sbClosureFn) *sbClosureFix {
	w := &sbWalker{names: map[string]*sbName{}, closure: true}
	for _, name := range fn.names {
		w.names[name] = &sbName{}
	}
	w.inParams = true
	w.params(fn.params)
	w.inParams = false
	w.stmts(fn.body.List)
	if w.eval || w.suspends {
		return nil
	}
	fx := &sbClosureFix{body: fn.body}
	for _, name := range fn.names {
		n := w.names[name]
		if n.bad || n.decls != 1 || len(n.apps) == 0 {
			continue
		}
		nested := n.nestedApp
		for _, r := range n.reads {
			nested = nested || !r.own
		}
		if !nested {
			continue
		}
		fx.names = append(fx.names, n)
		fx.ids = append(fx.ids, name)
	}
	if len(fx.names) == 0 {
		return nil
	}
	return fx
}

// apply rewrites the function for its names (id numbers the hidden names). The reads and
// writes are found in the tree first: if one cannot be replaced, nothing changes.
func (fx *sbClosureFix) apply(id int) bool {
	repl := map[ast.Node]func(ast.Expression) ast.Expression{}
	type hidden struct{ p, k, m, c, b, f string }
	hs := make([]hidden, len(fx.names))
	for i, n := range fx.names {
		pre := "%sc" + strconv.Itoa(id) + "_" + strconv.Itoa(i)
		h := hidden{pre + "p", pre + "k", pre + "m", pre + "c", pre + "b", pre + "f"}
		hs[i] = h
		s := fx.ids[i]
		for _, r := range n.reads {
			own := r.own
			repl[r.id] = func(e ast.Expression) ast.Expression {
				// (k === 0 ? s : (f || (f = () => {...}))()), after b = 0 in F's own code
				read := ast.Expression(&ast.ConditionalExpression{
					Test:       sbBinary(token.STRICT_EQUAL, sbIdent(h.k), sbNum(0)),
					Consequent: e,
					Alternate:  &ast.CallExpression{Callee: sbFlushFn(s, h.p, h.k, h.m, h.c, h.b, h.f, pre)},
				})
				if own {
					read = &ast.SequenceExpression{Sequence: []ast.Expression{
						&ast.AssignExpression{Operator: token.ASSIGN, Left: sbIdent(h.b), Right: sbNum(0)}, read}}
				}
				return read
			}
		}
		for _, wr := range n.writes {
			repl[wr] = func(e ast.Expression) ast.Expression {
				// (s = v, k = 0, m = 0, b = 0, s)
				return &ast.SequenceExpression{Sequence: []ast.Expression{e,
					&ast.AssignExpression{Operator: token.ASSIGN, Left: sbIdent(h.k), Right: sbNum(0)},
					&ast.AssignExpression{Operator: token.ASSIGN, Left: sbIdent(h.m), Right: sbNum(0)},
					&ast.AssignExpression{Operator: token.ASSIGN, Left: sbIdent(h.b), Right: sbNum(0)},
					sbIdent(s)}}
			}
		}
	}
	slots := map[ast.Node]reflect.Value{}
	findExprSlots(reflect.ValueOf(fx.body), repl, slots)
	if len(slots) != len(repl) {
		return false
	}
	for node, slot := range slots {
		e := slot.Interface().(ast.Expression)
		slot.Set(reflect.ValueOf(repl[node](e)))
	}
	decl := &ast.LexicalDeclaration{Idx: fx.body.LeftBrace + 1, Token: token.LET}
	for i, n := range fx.names {
		h, s := hs[i], fx.ids[i]
		for _, name := range []string{h.p, h.k, h.m, h.c, h.b, h.f} {
			b := &ast.Binding{Target: sbIdent(name)}
			if name == h.k || name == h.m || name == h.c || name == h.b {
				b.Initializer = sbNum(0)
			}
			decl.List = append(decl.List, b)
		}
		if b := n.declBinding; b.Initializer != nil {
			// (k = 0, m = 0, b = 0, <literal>)
			b.Initializer = &ast.SequenceExpression{Sequence: []ast.Expression{
				&ast.AssignExpression{Operator: token.ASSIGN, Left: sbIdent(h.k), Right: sbNum(0)},
				&ast.AssignExpression{Operator: token.ASSIGN, Left: sbIdent(h.m), Right: sbNum(0)},
				&ast.AssignExpression{Operator: token.ASSIGN, Left: sbIdent(h.b), Right: sbNum(0)},
				b.Initializer}}
		}
		for _, a := range n.apps {
			*a.slot = &ast.BlockStatement{List: []ast.Statement{
				&ast.ExpressionStatement{Expression: &ast.UnaryExpression{Operator: token.INCREMENT, Operand: sbIdent(h.b)}},
				*a.slot,
				&ast.ExpressionStatement{Expression: &ast.UnaryExpression{Operator: token.DECREMENT, Operand: sbIdent(h.b)}},
				sbClosureSpill(s, h.p, h.k, h.m, h.c, h.b),
			}}
		}
	}
	// after the directive prologue
	at := 0
	for at < len(fx.body.List) {
		st, ok := fx.body.List[at].(*ast.ExpressionStatement)
		if !ok {
			break
		}
		if _, ok := st.Expression.(*ast.StringLiteral); !ok {
			break
		}
		at++
	}
	list := make([]ast.Statement, 0, len(fx.body.List)+1)
	list = append(list, fx.body.List[:at]...)
	list = append(list, decl)
	fx.body.List = append(list, fx.body.List[at:]...)
	return true
}

// findExprSlots finds, under v, the expression slots holding the nodes of repl.
func findExprSlots(v reflect.Value, repl map[ast.Node]func(ast.Expression) ast.Expression, slots map[ast.Node]reflect.Value) {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		if n, ok := v.Elem().Interface().(ast.Node); ok {
			if _, ok := repl[n]; ok && v.CanSet() && v.Type() == expressionType {
				slots[n] = v
			}
		}
		findExprSlots(v.Elem(), repl, slots)
	case reflect.Pointer:
		if v.IsNil() || v.Type() == fileType || v.Elem().Kind() != reflect.Struct {
			return
		}
		findExprSlots(v.Elem(), repl, slots)
	case reflect.Struct:
		if v.Type() == identType.Elem() {
			return
		}
		walkChildren(v, func(c reflect.Value) { findExprSlots(c, repl, slots) })
	case reflect.Slice:
		walkChildren(v, func(c reflect.Value) { findExprSlots(c, repl, slots) })
	}
}

// sbFlushFn is (f || (f = () => { let r = s, i = k; while (i > 0) r = p[--i] + r;
// if (b === 0) { s = r; k = 0; m = 0; c = 0; } return r; })).
func sbFlushFn(s, p, k, m, c, b, f, pre string) ast.Expression {
	r, i := pre+"r", pre+"i"
	body := &ast.BlockStatement{List: []ast.Statement{
		&ast.LexicalDeclaration{Token: token.LET, List: []*ast.Binding{
			{Target: sbIdent(r), Initializer: sbIdent(s)},
			{Target: sbIdent(i), Initializer: sbIdent(k)},
		}},
		&ast.WhileStatement{
			Test: sbBinary(token.GREATER, sbIdent(i), sbNum(0)),
			Body: sbAssign(token.ASSIGN, sbIdent(r), sbBinary(token.PLUS,
				sbIndex(p, &ast.UnaryExpression{Operator: token.DECREMENT, Operand: sbIdent(i)}), sbIdent(r))),
		},
		&ast.IfStatement{
			Test: sbBinary(token.STRICT_EQUAL, sbIdent(b), sbNum(0)),
			Consequent: &ast.BlockStatement{List: []ast.Statement{
				sbAssign(token.ASSIGN, sbIdent(s), sbIdent(r)),
				sbAssign(token.ASSIGN, sbIdent(k), sbNum(0)),
				sbAssign(token.ASSIGN, sbIdent(m), sbNum(0)),
				sbAssign(token.ASSIGN, sbIdent(c), sbNum(0)),
			}},
		},
		&ast.ReturnStatement{Argument: sbIdent(r)},
	}}
	arrow := &ast.ArrowFunctionLiteral{ParameterList: &ast.ParameterList{}, Body: body,
		DeclarationList: nil}
	return &ast.BinaryExpression{Operator: token.LOGICAL_OR, Left: sbIdent(f),
		Right: &ast.AssignExpression{Operator: token.ASSIGN, Left: sbIdent(f), Right: arrow}}
}

// sbClosureSpill is if (++c > 32 && b === 0) { c = 0; if (typeof s === "string" && s !== "")
// { if (m === 0) p = []; p[k++] = s; s = ""; for (c = ++m; (c & 1) === 0; c >>= 1) { k--;
// p[k - 1] += p[k]; } c = 0; } }.
func sbClosureSpill(s, p, k, m, c, b string) ast.Statement {
	isString := sbBinary(token.STRICT_EQUAL, &ast.UnaryExpression{Operator: token.TYPEOF, Operand: sbIdent(s)},
		&ast.StringLiteral{Literal: "'string'", Value: unistring.NewFromString("string")})
	return &ast.IfStatement{
		Test: sbBinary(token.LOGICAL_AND,
			sbBinary(token.GREATER, &ast.UnaryExpression{Operator: token.INCREMENT, Operand: sbIdent(c)}, sbNum(sbChunk)),
			sbBinary(token.STRICT_EQUAL, sbIdent(b), sbNum(0))),
		Consequent: &ast.BlockStatement{List: []ast.Statement{
			sbAssign(token.ASSIGN, sbIdent(c), sbNum(0)),
			&ast.IfStatement{
				Test: sbBinary(token.LOGICAL_AND, isString,
					sbBinary(token.STRICT_NOT_EQUAL, sbIdent(s), &ast.StringLiteral{Literal: "''"})),
				Consequent: &ast.BlockStatement{List: sbSpillChunk(s, p, k, m, c)},
			},
		}},
	}
}

// sbConsts knows the names a program declares once (in the functions the finding walk goes
// into: one without a '+' is not, and its declarations are seen only by its own code), as a
// const whose initializer is a string: `const JSON_STR_BEGIN_ARRAY = '['` (fast-json-stringify's
// serializers append such constants first). A mention of one inside the statement list of its
// declaration is a string whenever it has a value, unless a with or a direct eval is anywhere
// in the program (off).
type sbConsts struct {
	decls map[string]int
	strs  map[string]sbRange
	off   bool
	done  bool // (while finding, nothing is known yet)
}

// sbRange is a range of source positions [from, to).
type sbRange struct{ from, to file.Idx }

func (c *sbConsts) noteDecl(name string) {
	if c == nil {
		return
	}
	if c.decls == nil {
		c.decls = map[string]int{}
	}
	c.decls[name]++
}

func (c *sbConsts) noteString(name string, list sbRange) {
	if c == nil || list.to == 0 {
		return
	}
	if c.strs == nil {
		c.strs = map[string]sbRange{}
	}
	c.strs[name] = list
}

// stringAt reports whether id names a string constant where it is.
func (c *sbConsts) stringAt(id *ast.Identifier) bool {
	if c == nil || c.off || !c.done {
		return false
	}
	name := id.Name.String()
	r, ok := c.strs[name]
	return ok && c.decls[name] == 1 && id.Idx >= r.from && id.Idx < r.to
}
