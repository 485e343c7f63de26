package modules

import (
	"strconv"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// goja has no ropes: `s + x` copies both strings, so a loop that builds a string piece by piece
// (`for (...) out += piece`) is quadratic in the length it builds. FixStringBuild rewrites such
// loops so that the variable holds only the latest chunk of at most sbChunk pieces while the
// loop runs; full chunks go to a hidden stack, merged like a binary counter (each piece is
// copied O(log n) times), and the variable gets its whole value back when the loop is left.
//
// For a variable s and a loop L, the rewrite is
//
//	{ let p, k = 0, m = 0, c = 0;
//	  L, with each `s += e;` (or `s = s + e1 + e2...;`) followed by
//	      if (++c > 32) { c = 0; if (s !== '') { if (m === 0) p = []; p[k++] = s; s = '';
//	                      for (c = ++m; (c & 1) === 0; c >>= 1) { k--; p[k - 1] += p[k]; } c = 0; } }
//	  while (k > 0) s = p[--k] + s; }
//
// (the hidden names cannot be written in source; the last line goes in a finally around L when
// L is inside a try or jumps to a label outside it, the only ways s can be read after leaving
// L other than past its end). The append statements themselves are unchanged, so each piece is
// converted exactly as before (ToPrimitive with the default hint, then ToString; a Symbol
// throws the same TypeError at the same place), and an exception leaves s as it was. Observing
// the difference would need s read while L runs, so L is rewritten for s only when all of
// these hold (a simple rule, sufficient rather than complete):
//   - s is declared once in the function being compiled (a parameter, or a var or let
//     statement), not in its nested functions or classes, and no nested function or class
//     mentions the name s at all (no closure can see s);
//   - the function holds no `with` and no `eval` (anywhere inside it), nor `arguments` when s
//     is a parameter (a sloppy function's arguments object aliases its parameters);
//   - inside L, s appears only as the target of such append statements (not in the pieces,
//     nor in L's update or head) or where only whether it is '' matters (a condition, the
//     operand of !, a side of a comparison with ''), which becomes (k === 0 ? s : '-') (an
//     empty chunk is never stacked): L's code can never read s otherwise;
//   - s is provably a string whenever L starts: a statement `s = <string>` or `let/var s =
//     <string>` (a string or untagged template literal, a + with a string side, typeof...)
//     comes before L in a statement list L is in (inside the let's block, not in a switch
//     case), and every assignment to s anywhere in the function keeps a string a string
//     (`s = <string>`, `s += x`); declarations without an initializer write nothing after it.
//
// Only functions are rewritten (a script's top level is global: any called function can read
// s there); CommonJS and ES module code runs inside the loader's wrapper function. The
// outermost such loop is taken, so nested loops share one chunk. Synthetic nodes carry no
// position (goja then maps them to the statement before), so stacks and error positions stay
// the source's; functions' toString is their source text.

// sbChunk is how many appends the chunk takes before it is spilled.
const sbChunk = 32

// NeedsStringBuildFix reports whether src may hold a loop FixStringBuild rewrites, or a
// function appending to a variable of an outer one (its closure mode).
func NeedsStringBuildFix(src string) bool {
	return strings.Contains(src, "+") && (strings.Contains(src, "for") || strings.Contains(src, "while") ||
		strings.Contains(src, "=>") || strings.Contains(src, "function"))
}

// FixStringBuild rewrites the string-building loops of a parsed program (src is its source, to
// skip the walk when it cannot apply). The loader's compiles and vm scripts go through it.
func FixStringBuild(prg *ast.Program, src string) {
	FixStringBuildAny(prg, src)
}

// FixStringBuildAny is FixStringBuild, reporting whether it rewrote any loop (new Function
// compiles its code from the tree only then: the engine compiles the rest from the text).
func FixStringBuildAny(prg *ast.Program, src string) bool {
	if !NeedsStringBuildFix(src) {
		return false
	}
	var fixes []*sbFix
	var cfixes []*sbClosureFix
	func() {
		defer func() {
			if recover() != nil { // an odd tree: rewrite nothing
				fixes, cfixes = nil, nil
			}
		}()
		find := &sbWalker{consts: &sbConsts{}}
		find.stmts(prg.Body)
		find.consts.off, find.consts.done = find.with || find.eval, true
		for _, fn := range find.fns {
			fixes = append(fixes, analyzeStringBuild(fn, find.consts)...)
		}
		for _, fn := range find.closureFns {
			if fx := analyzeClosureBuild(fn); fx != nil {
				cfixes = append(cfixes, fx)
			}
		}
	}()
	id := 0
	for _, fx := range fixes {
		id++
		fx.apply(id)
	}
	any := len(fixes) > 0
	for _, fx := range cfixes {
		id++
		any = fx.apply(id) || any
	}
	return any
}

// sbFn is a function with append statements inside loops (phase one's finding).
type sbFn struct {
	params *ast.ParameterList
	body   *ast.BlockStatement
	cands  map[string]bool
}

// sbName is what phase two learns of one candidate name in its function.
type sbName struct {
	bad       bool     // never rewrite
	decls     int      // declarations in the function's own code
	param     bool     // declared as a parameter
	declFrame *sbFrame // a let's statement list (nil: function-wide)
	apps      []sbApp
	tests     []sbTest

	// closure mode (strbuildclosure.go)
	nestedApp   bool                    // appended to in a nested function
	reads       []sbRead                // mentions that read it
	writes      []*ast.AssignExpression // `s = v` in the function's own code
	declBinding *ast.Binding            // its declaration
}

// sbTest is an emptiness test of the name inside a loop.
type sbTest struct {
	slot *ast.Expression
	loop *sbLoop
}

type sbApp struct {
	slot *ast.Statement
	loop *sbLoop // the innermost loop around it
}

// sbLoop is a loop of the function's own code.
type sbLoop struct {
	wrap     *ast.Statement // the slot holding it (with its labels)
	at       file.Idx       // where it starts
	parent   *sbLoop
	apps     map[string]bool       // names appended to inside it
	taint    map[string]bool       // names otherwise mentioned inside it
	est      map[string][]*sbFrame // statement lists around it where the name was a string
	inTry    bool
	jumpsOut bool // a labelled break or continue leaves it
	ok       map[string]bool
	reset    map[string]bool // names set to what may not be a string inside it (as its outermost loop)
}

// sbFrame is a statement list being walked.
type sbFrame struct {
	parent *sbFrame
	est    map[string]bool // names made strings by its statements walked so far
	cases  bool            // a switch case's: no declarations, nothing established
}

type sbLabel struct {
	name   string
	depth  int // loops around the label
	isLoop bool
}

// sbWalker walks goja's AST in two modes: with names nil it finds the functions whose own
// code appends to a variable inside a loop (fns); with names set it analyzes one function's
// use of them (its nested functions included).
type sbWalker struct {
	// finding
	fns      []*sbFn
	cur      *sbFn // the function being walked, once it has a candidate
	fnParams *ast.ParameterList
	fnBody   *ast.BlockStatement // (nil: not one that can be rewritten)
	loopN    int

	// analyzing
	names        map[string]*sbName
	nested       int // functions or classes between the analyzed function and the node
	loops        []*sbLoop
	allLoops     []*sbLoop
	frames       []*sbFrame
	labels       []sbLabel
	tryDepth     int
	pendingLabel *ast.Statement
	with, eval   bool
	arguments    bool

	// closure mode (strbuildclosure.go)
	scopes     []*sbScope // finding: the functions around the node
	closureFns []*sbClosureFn
	consts     *sbConsts    // finding: collects; analyzing: the program's string constants
	list       sbRange      // finding: the statement list around the node
	nextGen    bool         // finding: the function literal about to be walked is a generator
	closure    bool         // analyzing in closure mode
	pieces     int          // the own code of an append statement's pieces around the node
	withDepth  int          // with bodies around the node
	suspends   bool         // a yield or await in an append statement's pieces
	curBinding *ast.Binding // the var or let statement's binding being walked
	curLet     bool
	inParams   bool // walking the analyzed function's parameters
}

func (w *sbWalker) analyzing() bool { return w.names != nil }

func (w *sbWalker) own() bool { return w.nested == 0 }

// function walks a function literal's parameters and body (finding: as a new function;
// analyzing: as nested code); source is its text.
func (w *sbWalker) function(params *ast.ParameterList, body ast.ConciseBody, source string) {
	if w.analyzing() {
		w.nested++
		pieces := w.pieces
		w.pieces = 0 // (its code runs when it is called)
		w.params(params)
		w.conciseBody(body)
		w.pieces = pieces
		w.nested--
		return
	}
	if source != "" && strings.IndexByte(source, '+') < 0 {
		w.nextGen = false
		return // no appends in it or in the functions inside it
	}
	cur, loopN, params0, body0 := w.cur, w.loopN, w.fnParams, w.fnBody
	w.cur, w.loopN, w.fnParams, w.fnBody = nil, 0, nil, nil
	if b, ok := body.(*ast.BlockStatement); ok {
		w.fnParams, w.fnBody = params, b
	}
	sc := w.enterScope(params, w.fnBody)
	w.params(params)
	w.conciseBody(body)
	if w.cur != nil {
		w.fns = append(w.fns, w.cur)
	}
	w.leaveScope(sc)
	w.cur, w.loopN, w.fnParams, w.fnBody = cur, loopN, params0, body0
}

func (w *sbWalker) conciseBody(b ast.ConciseBody) {
	switch b := b.(type) {
	case *ast.BlockStatement:
		w.stmts(b.List)
	case *ast.ExpressionBody:
		w.expr(b.Expression)
	}
}

func (w *sbWalker) params(p *ast.ParameterList) {
	if p == nil {
		return
	}
	for _, b := range p.List {
		w.binding(b.Target, b.Initializer, 0)
	}
	w.target(p.Rest, 0)
}

// declaration kinds for binding
const (
	sbDeclParam = iota
	sbDeclVar   // a var or let statement's
	sbDeclOther // a const, a for head's, a catch parameter, a function or class name
)

// binding walks a declared name (or pattern) with its initializer.
func (w *sbWalker) binding(target ast.Expression, init ast.Expression, kind int) {
	if id, ok := target.(*ast.Identifier); ok {
		w.expr(init)
		w.declare(id, kind, init)
		return
	}
	w.expr(init)
	w.target(target, sbDeclOther)
}

// target walks an assignment or declaration target: the names it binds or writes are
// declared with kind (sbDeclOther for a destructuring pattern's) or, with kind < 0, written.
func (w *sbWalker) target(e ast.Expression, kind int) {
	switch e := e.(type) {
	case nil:
	case *ast.Identifier:
		if kind < 0 {
			w.write(e.Name.String())
		} else {
			w.declare(e, sbDeclOther, nil)
		}
	case *ast.ArrayPattern:
		for _, el := range e.Elements {
			w.target(el, kind)
		}
		w.target(e.Rest, kind)
	case *ast.ObjectPattern:
		for _, p := range e.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				w.target(&p.Name, kind)
				w.expr(p.Initializer)
			case *ast.PropertyKeyed:
				if p.Computed {
					w.expr(p.Key)
				}
				w.target(p.Value, kind)
			default:
				w.expr(p)
			}
		}
		w.target(e.Rest, kind)
	case *ast.AssignExpression: // a default
		w.target(e.Left, kind)
		w.expr(e.Right)
	case *ast.Binding:
		w.target(e.Target, kind)
		w.expr(e.Initializer)
	default: // a member expression
		w.expr(e)
	}
}

func (w *sbWalker) lookup(name string) *sbName {
	if w.names == nil {
		return nil
	}
	return w.names[name]
}

// declare notes a declaration of id (with its initializer, for var and let statements).
func (w *sbWalker) declare(id *ast.Identifier, kind int, init ast.Expression) {
	if !w.analyzing() {
		w.noteDecl(id.Name.String())
		return
	}
	n := w.lookup(id.Name.String())
	if n == nil {
		return
	}
	if w.closure {
		w.closureDecl(n, kind, init)
		return
	}
	w.read(id.Name.String()) // (a declaration inside a loop sets s there, or makes a new one)
	if !w.own() || kind == sbDeclOther || init != nil && !w.stringTyped(init) {
		n.bad = true
		return
	}
	n.decls++
	if kind == sbDeclParam {
		n.param = true
	}
}

// write notes an assignment to name that may leave it not a string.
func (w *sbWalker) write(name string) {
	if n := w.lookup(name); n != nil {
		n.bad = true
	}
}

// ownMention is name's candidate when this mention is in the function's own code. A mention
// from a nested function (which may run at any time) rules name out instead: nil.
func (w *sbWalker) ownMention(name string) *sbName {
	n := w.lookup(name)
	if n == nil {
		return nil
	}
	if !w.own() {
		n.bad = true
		return nil
	}
	return n
}

// writeValue notes `name = e`, where e may not be a string. In the function's own code, that
// only ends what the statements walked so far established: a loop after it (in the order the
// code runs) needs name made a string again before it starts, and no loop inside the outermost
// loop around it is rewritten for name (its next turn may start with this value).
func (w *sbWalker) writeValue(name string) {
	if w.ownMention(name) == nil {
		return
	}
	for _, f := range w.frames {
		delete(f.est, name)
	}
	if len(w.loops) > 0 {
		l := w.loops[0]
		if l.reset == nil {
			l.reset = map[string]bool{}
		}
		l.reset[name] = true
	}
}

// read notes a mention of name that reads it (or keeps it a string, in a way that is not an
// append statement).
func (w *sbWalker) read(name string) {
	if w.closure { // (a mention the rewrite cannot replace)
		if n := w.lookup(name); n != nil {
			n.bad = true
		}
		return
	}
	if w.ownMention(name) == nil {
		return
	}
	for _, l := range w.loops {
		if l.taint == nil {
			l.taint = map[string]bool{}
		}
		l.taint[name] = true
	}
}

func (w *sbWalker) ident(name string) {
	switch name {
	case "eval":
		w.eval = true
	case "arguments":
		w.arguments = true
	}
	w.read(name)
}

// appendTarget reports whether st is `s += e` or `s = s + e1 + e2...`, with s's identifier
// and the pieces.
func appendTarget(st *ast.ExpressionStatement) (*ast.Identifier, []ast.Expression) {
	a, ok := st.Expression.(*ast.AssignExpression)
	if !ok {
		return nil, nil
	}
	id, ok := a.Left.(*ast.Identifier)
	if !ok {
		return nil, nil
	}
	switch a.Operator {
	case token.PLUS:
		return id, []ast.Expression{a.Right}
	case token.ASSIGN:
		var pieces []ast.Expression
		e := a.Right
		for {
			b, ok := e.(*ast.BinaryExpression)
			if !ok || b.Operator != token.PLUS {
				break
			}
			pieces = append(pieces, b.Right)
			e = b.Left
		}
		if l, ok := e.(*ast.Identifier); !ok || l.Name != id.Name || len(pieces) == 0 {
			return nil, nil
		}
		for i, j := 0, len(pieces)-1; i < j; i, j = i+1, j-1 {
			pieces[i], pieces[j] = pieces[j], pieces[i]
		}
		return id, pieces
	}
	return nil, nil
}

// stringTyped reports whether e's value is always a string (when it has one).
func (w *sbWalker) stringTyped(e ast.Expression) bool {
	switch e := e.(type) {
	case *ast.StringLiteral:
		return true
	case *ast.Identifier:
		return w.consts.stringAt(e)
	case *ast.TemplateLiteral:
		return e.Tag == nil
	case *ast.BinaryExpression:
		return e.Operator == token.PLUS && (w.stringTyped(e.Left) || w.stringTyped(e.Right))
	case *ast.UnaryExpression:
		return e.Operator == token.TYPEOF
	case *ast.ConditionalExpression:
		return w.stringTyped(e.Consequent) && w.stringTyped(e.Alternate)
	case *ast.AssignExpression:
		return (e.Operator == token.ASSIGN || e.Operator == token.PLUS) && w.stringTyped(e.Right)
	case *ast.SequenceExpression:
		return len(e.Sequence) > 0 && w.stringTyped(e.Sequence[len(e.Sequence)-1])
	}
	return false
}

// stmts walks a statement list (cases: a switch case's).
func (w *sbWalker) stmts(list []ast.Statement) {
	if !w.analyzing() && len(list) > 0 {
		outer := w.list
		w.list = sbRange{list[0].Idx0(), list[len(list)-1].Idx1()}
		defer func() { w.list = outer }()
	}
	var f *sbFrame
	if w.analyzing() && w.own() {
		f = &sbFrame{parent: w.top()}
		w.frames = append(w.frames, f)
	}
	for i := range list {
		w.stmt(&list[i])
		if f != nil {
			w.establishes(list[i], func(name string) {
				if w.lookup(name) != nil {
					if f.est == nil {
						f.est = map[string]bool{}
					}
					f.est[name] = true
				}
			})
		}
	}
	if f != nil {
		w.frames = w.frames[:len(w.frames)-1]
	}
}

func (w *sbWalker) top() *sbFrame {
	if len(w.frames) == 0 {
		return nil
	}
	return w.frames[len(w.frames)-1]
}

// establishes calls mark with each name a statement leaves a string: `s = <string>;`, `s +=
// <string>;` or a var or let statement's `s = <string>`.
func (w *sbWalker) establishes(st ast.Statement, mark func(string)) {
	var list []*ast.Binding
	switch st := st.(type) {
	case *ast.ExpressionStatement:
		if a, ok := st.Expression.(*ast.AssignExpression); ok && w.stringTyped(a) {
			if id, ok := a.Left.(*ast.Identifier); ok {
				mark(id.Name.String())
			}
		}
		return
	case *ast.VariableStatement:
		list = st.List
	case *ast.LexicalDeclaration:
		if st.Token == token.LET {
			list = st.List
		}
	}
	for _, b := range list {
		if id, ok := b.Target.(*ast.Identifier); ok && b.Initializer != nil && w.stringTyped(b.Initializer) {
			mark(id.Name.String())
		}
	}
}

func (w *sbWalker) stmt(slot *ast.Statement) {
	label := w.pendingLabel
	w.pendingLabel = nil
	switch s := (*slot).(type) {
	case nil, *ast.BadStatement, *ast.EmptyStatement, *ast.DebuggerStatement:
	case *ast.BlockStatement:
		w.stmts(s.List)
	case *ast.ExpressionStatement:
		w.exprStmt(slot, s)
	case *ast.VariableStatement:
		for _, b := range s.List {
			w.curBinding, w.curLet = b, false
			w.binding(b.Target, b.Initializer, sbDeclVar)
		}
		w.curBinding = nil
	case *ast.LexicalDeclaration:
		kind := sbDeclVar
		if s.Token != token.LET || w.inCases() {
			kind = sbDeclOther
		}
		for _, b := range s.List {
			w.curBinding, w.curLet = b, true
			w.binding(b.Target, b.Initializer, kind)
			if id, ok := b.Target.(*ast.Identifier); ok && s.Token == token.CONST && !w.analyzing() &&
				b.Initializer != nil && w.stringTyped(b.Initializer) {
				w.consts.noteString(id.Name.String(), w.list)
			}
		}
		w.curBinding = nil
		if kind == sbDeclVar && w.analyzing() && w.own() {
			for _, b := range s.List {
				if id, ok := b.Target.(*ast.Identifier); ok {
					if n := w.lookup(id.Name.String()); n != nil {
						n.declFrame = w.top()
					}
				}
			}
		}
	case *ast.FunctionDeclaration:
		if s.Function.Name != nil {
			w.declare(s.Function.Name, sbDeclOther, nil)
		}
		w.nextGen = s.Function.Generator
		w.function(s.Function.ParameterList, s.Function.Body, s.Function.Source)
	case *ast.ClassDeclaration:
		w.class(s.Class, true)
	case *ast.IfStatement:
		w.test(&s.Test)
		w.stmt(&s.Consequent)
		w.stmt(&s.Alternate)
	case *ast.LabelledStatement:
		if label == nil {
			label = slot
		}
		inner := s.Statement
		for {
			l, ok := inner.(*ast.LabelledStatement)
			if !ok {
				break
			}
			inner = l.Statement
		}
		w.labels = append(w.labels, sbLabel{name: s.Label.Name.String(), depth: len(w.loops), isLoop: isLoop(inner)})
		w.pendingLabel = label
		w.stmt(&s.Statement)
		w.pendingLabel = nil
		w.labels = w.labels[:len(w.labels)-1]
	case *ast.BranchStatement:
		if s.Label != nil && w.analyzing() && w.own() {
			w.jump(s.Label.Name.String())
		}
	case *ast.ReturnStatement:
		w.expr(s.Argument)
	case *ast.ThrowStatement:
		w.expr(s.Argument)
	case *ast.TryStatement:
		w.tryDepth++
		w.stmts(s.Body.List)
		if s.Catch != nil {
			w.target(s.Catch.Parameter, sbDeclOther)
			w.stmts(s.Catch.Body.List)
		}
		if s.Finally != nil {
			w.stmts(s.Finally.List)
		}
		w.tryDepth--
	case *ast.SwitchStatement:
		w.expr(s.Discriminant)
		for _, c := range s.Body {
			w.expr(c.Test)
			w.cases(c.Consequent)
		}
	case *ast.WithStatement:
		w.with = true
		w.expr(s.Object)
		w.withDepth++
		w.stmt(&s.Body)
		w.withDepth--
	case *ast.ForStatement:
		w.loop(slot, label, func() {
			switch in := s.Initializer.(type) {
			case *ast.ForLoopInitializerExpression:
				w.expr(in.Expression)
			case *ast.ForLoopInitializerVarDeclList:
				for _, b := range in.List {
					w.binding(b.Target, b.Initializer, sbDeclOther)
				}
			case *ast.ForLoopInitializerLexicalDecl:
				for _, b := range in.LexicalDeclaration.List {
					w.binding(b.Target, b.Initializer, sbDeclOther)
				}
			}
			w.test(&s.Test)
			w.expr(s.Update)
			w.stmt(&s.Body)
		})
	case *ast.ForInStatement:
		w.loop(slot, label, func() {
			w.forInto(s.Into)
			w.expr(s.Source)
			w.stmt(&s.Body)
		})
	case *ast.ForOfStatement:
		w.loop(slot, label, func() {
			w.forInto(s.Into)
			w.expr(s.Source)
			w.stmt(&s.Body)
		})
	case *ast.WhileStatement:
		w.loop(slot, label, func() {
			w.test(&s.Test)
			w.stmt(&s.Body)
		})
	case *ast.DoWhileStatement:
		w.loop(slot, label, func() {
			w.stmt(&s.Body)
			w.test(&s.Test)
		})
	default:
		panic("strbuild: unexpected statement")
	}
}

func isLoop(s ast.Statement) bool {
	switch s.(type) {
	case *ast.ForStatement, *ast.ForInStatement, *ast.ForOfStatement, *ast.WhileStatement, *ast.DoWhileStatement:
		return true
	}
	return false
}

func (w *sbWalker) cases(list []ast.Statement) {
	if w.analyzing() && w.own() {
		f := &sbFrame{parent: w.top(), cases: true}
		w.frames = append(w.frames, f)
		for i := range list {
			w.stmt(&list[i])
		}
		w.frames = w.frames[:len(w.frames)-1]
		return
	}
	w.stmts(list)
}

func (w *sbWalker) inCases() bool {
	f := w.top()
	return f != nil && f.cases
}

// jump notes a labelled break or continue: the loops it leaves cannot flush after their end.
func (w *sbWalker) jump(label string) {
	from := 0
	for i := len(w.labels) - 1; i >= 0; i-- {
		if l := w.labels[i]; l.name == label {
			from = l.depth
			if l.isLoop {
				from++ // (break or continue of a loop's own label stays by its end)
			}
			break
		}
	}
	for i := from; i < len(w.loops); i++ {
		w.loops[i].jumpsOut = true
	}
}

func (w *sbWalker) forInto(into ast.ForInto) {
	switch in := into.(type) {
	case *ast.ForIntoVar:
		w.binding(in.Binding.Target, in.Binding.Initializer, sbDeclOther)
	case *ast.ForDeclaration:
		w.target(in.Target, sbDeclOther)
	case *ast.ForIntoExpression:
		w.target(in.Expression, -1)
	}
}

// loop walks a loop's parts with the loop open.
func (w *sbWalker) loop(slot, label *ast.Statement, body func()) {
	if !w.analyzing() {
		w.loopN++
		body()
		w.loopN--
		return
	}
	if !w.own() {
		body()
		return
	}
	l := &sbLoop{wrap: slot, inTry: w.tryDepth > 0}
	if label != nil {
		l.wrap = label
	}
	l.at = (*l.wrap).Idx0()
	if len(w.loops) > 0 {
		l.parent = w.loops[len(w.loops)-1]
	}
	for name := range w.names {
		for _, f := range w.frames {
			if f.est[name] {
				if l.est == nil {
					l.est = map[string][]*sbFrame{}
				}
				l.est[name] = append(l.est[name], f)
			}
		}
	}
	w.loops = append(w.loops, l)
	w.allLoops = append(w.allLoops, l)
	body()
	w.loops = w.loops[:len(w.loops)-1]
}

func (w *sbWalker) exprStmt(slot *ast.Statement, s *ast.ExpressionStatement) {
	if id, pieces := appendTarget(s); id != nil {
		name := id.Name.String()
		if !w.analyzing() {
			if w.loopN > 0 && w.fnBody != nil {
				if w.cur == nil {
					w.cur = &sbFn{params: w.fnParams, body: w.fnBody, cands: map[string]bool{}}
				}
				w.cur.cands[name] = true
			}
			for _, p := range pieces {
				w.expr(p)
			}
			if sc := w.scope(); sc != nil {
				sc.noteApp(name)
			}
			return
		}
		if n := w.lookup(name); n != nil && w.closure {
			w.closureApp(n, slot, pieces)
			return
		}
		if n := w.lookup(name); n != nil && w.own() {
			for _, p := range pieces {
				w.expr(p)
			}
			if len(w.loops) > 0 {
				l := w.loops[len(w.loops)-1]
				n.apps = append(n.apps, sbApp{slot: slot, loop: l})
				for _, l := range w.loops {
					if l.apps == nil {
						l.apps = map[string]bool{}
					}
					l.apps[name] = true
				}
			}
			return
		}
	}
	w.expr(s.Expression)
}

func (w *sbWalker) class(c *ast.ClassLiteral, decl bool) {
	if c.Name != nil {
		if decl {
			w.declare(c.Name, sbDeclOther, nil)
		} else {
			if !w.analyzing() {
				w.noteDecl(c.Name.Name.String())
			}
			w.nested++
			w.read(c.Name.Name.String())
			w.nested--
		}
	}
	w.expr(c.SuperClass)
	for _, el := range c.Body {
		switch el := el.(type) {
		case *ast.MethodDefinition:
			if el.Computed {
				w.expr(el.Key)
			}
			w.nextGen = el.Body.Generator
			w.function(el.Body.ParameterList, el.Body.Body, el.Body.Source)
		case *ast.FieldDefinition:
			if el.Computed {
				w.expr(el.Key)
			}
			if el.Initializer != nil {
				w.nestedExpr(el.Initializer)
			}
		case *ast.ClassStaticBlock:
			w.nested++
			body := w.fnBody
			w.fnBody = nil // (not rewritten: walked as nested code)
			w.stmts(el.Block.List)
			w.fnBody = body
			w.nested--
		}
	}
}

// nestedExpr walks an expression that runs in a function of its own (a field initializer).
func (w *sbWalker) nestedExpr(e ast.Expression) {
	w.nested++
	body := w.fnBody
	w.fnBody = nil
	w.expr(e)
	w.fnBody = body
	w.nested--
}

// test walks an expression of which only whether it is the empty string matters (a
// condition, the operand of !, a side of a comparison with the empty string literal): a
// candidate name there is noted as an emptiness test,
// which the rewrite answers for the whole string, not a read.
func (w *sbWalker) test(slot *ast.Expression) {
	if w.closure {
		w.expr(*slot)
		return
	}
	if id, ok := (*slot).(*ast.Identifier); ok && w.own() {
		if n := w.lookup(id.Name.String()); n != nil {
			if len(w.loops) > 0 {
				n.tests = append(n.tests, sbTest{slot: slot, loop: w.loops[len(w.loops)-1]})
			}
			return
		}
	}
	w.expr(*slot)
}

func isEmptyString(e ast.Expression) bool {
	l, ok := e.(*ast.StringLiteral)
	return ok && l.Value == ""
}

func (w *sbWalker) exprs(list []ast.Expression) {
	for _, e := range list {
		w.expr(e)
	}
}

func (w *sbWalker) expr(e ast.Expression) {
	switch e := e.(type) {
	case nil, *ast.BadExpression, *ast.BooleanLiteral, *ast.NullLiteral, *ast.NumberLiteral,
		*ast.RegExpLiteral, *ast.StringLiteral, *ast.ThisExpression, *ast.SuperExpression,
		*ast.MetaProperty, *ast.PrivateIdentifier:
	case *ast.Identifier:
		if w.closure {
			w.closureRead(e)
			return
		}
		w.ident(e.Name.String())
	case *ast.ArrayLiteral:
		w.exprs(e.Value)
	case *ast.ArrayPattern, *ast.ObjectPattern:
		w.target(e, -1)
	case *ast.AssignExpression:
		if id, ok := e.Left.(*ast.Identifier); ok {
			name := id.Name.String()
			if n := w.lookup(name); n != nil && w.closure {
				w.closureWrite(n, e)
				w.expr(e.Right)
				return
			}
			if e.Operator == token.PLUS || e.Operator == token.ASSIGN && w.stringTyped(e.Right) {
				w.ident(name) // keeps a string a string; its value is read
			} else {
				w.ident(name)
				if e.Operator == token.ASSIGN {
					w.writeValue(name)
				} else {
					w.write(name)
				}
			}
			w.expr(e.Right)
			return
		}
		w.target(e.Left, -1)
		w.expr(e.Right)
	case *ast.YieldExpression:
		w.suspends = w.suspends || w.pieces > 0
		w.expr(e.Argument)
	case *ast.AwaitExpression:
		w.suspends = w.suspends || w.pieces > 0
		w.expr(e.Argument)
	case *ast.BinaryExpression:
		switch e.Operator {
		case token.STRICT_EQUAL, token.STRICT_NOT_EQUAL, token.EQUAL, token.NOT_EQUAL:
			if isEmptyString(e.Right) {
				w.test(&e.Left)
				return
			}
			if isEmptyString(e.Left) {
				w.test(&e.Right)
				return
			}
		}
		w.expr(e.Left)
		w.expr(e.Right)
	case *ast.BracketExpression:
		w.expr(e.Left)
		w.expr(e.Member)
	case *ast.CallExpression:
		w.expr(e.Callee)
		w.exprs(e.ArgumentList)
	case *ast.ConditionalExpression:
		w.test(&e.Test)
		w.expr(e.Consequent)
		w.expr(e.Alternate)
	case *ast.DotExpression:
		w.expr(e.Left)
	case *ast.PrivateDotExpression:
		w.expr(e.Left)
	case *ast.OptionalChain:
		w.expr(e.Expression)
	case *ast.Optional:
		w.expr(e.Expression)
	case *ast.FunctionLiteral:
		if e.Name != nil && !w.analyzing() {
			w.noteDecl(e.Name.Name.String())
		}
		if e.Name != nil {
			w.nested++
			w.read(e.Name.Name.String())
			w.nested--
		}
		w.nextGen = e.Generator
		w.function(e.ParameterList, e.Body, e.Source)
	case *ast.ArrowFunctionLiteral:
		w.function(e.ParameterList, e.Body, e.Source)
	case *ast.ClassLiteral:
		w.class(e, false)
	case *ast.NewExpression:
		w.expr(e.Callee)
		w.exprs(e.ArgumentList)
	case *ast.ObjectLiteral:
		for _, p := range e.Value {
			w.expr(p)
		}
	case *ast.PropertyShort:
		w.ident(e.Name.Name.String())
		w.expr(e.Initializer)
	case *ast.PropertyKeyed:
		if e.Computed {
			w.expr(e.Key)
		}
		w.expr(e.Value)
	case *ast.SpreadElement:
		w.expr(e.Expression)
	case *ast.SequenceExpression:
		w.exprs(e.Sequence)
	case *ast.TemplateLiteral:
		w.expr(e.Tag)
		w.exprs(e.Expressions)
	case *ast.UnaryExpression:
		if id, ok := e.Operand.(*ast.Identifier); ok && (e.Operator == token.INCREMENT || e.Operator == token.DECREMENT) {
			w.write(id.Name.String())
		}
		if e.Operator == token.NOT {
			w.test(&e.Operand)
			return
		}
		if id, ok := e.Operand.(*ast.Identifier); ok && e.Operator == token.DELETE && w.closure {
			if n := w.lookup(id.Name.String()); n != nil {
				n.bad = true // (delete of a reference, not of a value)
			}
		}
		w.expr(e.Operand)
	case *ast.Binding:
		w.target(e.Target, -1)
		w.expr(e.Initializer)
	default:
		panic("strbuild: unexpected expression")
	}
}

// sbFix is one loop rewritten for one name.
type sbFix struct {
	name  string
	loop  *sbLoop
	apps  []*ast.Statement
	tests []*ast.Expression
}

// analyzeStringBuild decides which loops of fn to rewrite for which of its candidate names.
func analyzeStringBuild(fn *sbFn, consts *sbConsts) []*sbFix {
	w := &sbWalker{names: map[string]*sbName{}, consts: consts}
	for name := range fn.cands {
		w.names[name] = &sbName{}
	}
	w.params(fn.params)
	w.stmts(fn.body.List)
	if w.with || w.eval {
		return nil
	}
	var fixes []*sbFix
	for name, n := range w.names {
		if n.bad || n.decls != 1 || n.param && w.arguments || len(n.apps) == 0 {
			continue
		}
		for _, l := range w.allLoops { // (outer loops come first)
			if !l.apps[name] || l.taint[name] || !established(n, l.est[name]) {
				continue
			}
			outer, reset := false, false
			for p := l; p != nil; p = p.parent {
				reset = reset || p.reset[name]
				if p != l && p.ok[name] {
					outer = true
					break
				}
			}
			if outer || reset {
				continue
			}
			if l.ok == nil {
				l.ok = map[string]bool{}
			}
			l.ok[name] = true
			fixes = append(fixes, &sbFix{name: name, loop: l})
		}
		fixOf := func(l *sbLoop) *sbFix {
			for ; l != nil; l = l.parent {
				if l.ok[name] {
					for _, fx := range fixes {
						if fx.loop == l && fx.name == name {
							return fx
						}
					}
				}
			}
			return nil
		}
		for _, a := range n.apps {
			if fx := fixOf(a.loop); fx != nil {
				fx.apps = append(fx.apps, a.slot)
			}
		}
		for _, t := range n.tests {
			if fx := fixOf(t.loop); fx != nil {
				fx.tests = append(fx.tests, t.slot)
			}
		}
	}
	return fixes
}

// established reports whether a statement list among frames (those around a loop where the
// name was made a string before it) is in the scope of n's declaration.
func established(n *sbName, frames []*sbFrame) bool {
	for _, f := range frames {
		if n.declFrame == nil {
			return true
		}
		for g := f; g != nil; g = g.parent {
			if g == n.declFrame {
				return true
			}
		}
	}
	return false
}

func sbIdent(name string) *ast.Identifier {
	return &ast.Identifier{Name: unistring.NewFromString(name)}
}

func sbNum(v int64) *ast.NumberLiteral {
	return &ast.NumberLiteral{Literal: strconv.FormatInt(v, 10), Value: v}
}

func sbAssign(op token.Token, left, right ast.Expression) *ast.ExpressionStatement {
	return &ast.ExpressionStatement{Expression: &ast.AssignExpression{Operator: op, Left: left, Right: right}}
}

func sbBinary(op token.Token, left, right ast.Expression) *ast.BinaryExpression {
	return &ast.BinaryExpression{Operator: op, Left: left, Right: right}
}

func sbIndex(obj string, idx ast.Expression) *ast.BracketExpression {
	return &ast.BracketExpression{Left: sbIdent(obj), Member: idx}
}

func (fx *sbFix) apply(id int) {
	pre := "%sb" + strconv.Itoa(id)
	p, k, m, c, s := pre+"p", pre+"k", pre+"m", pre+"c", fx.name
	for _, slot := range fx.apps {
		// if (++c > 32) { c = 0; if (s !== '') { <sbSpillChunk> } }
		spill := &ast.IfStatement{
			Test: sbBinary(token.GREATER, &ast.UnaryExpression{Operator: token.INCREMENT, Operand: sbIdent(c)}, sbNum(sbChunk)),
			Consequent: &ast.BlockStatement{List: []ast.Statement{
				sbAssign(token.ASSIGN, sbIdent(c), sbNum(0)),
				&ast.IfStatement{
					Test:       sbBinary(token.STRICT_NOT_EQUAL, sbIdent(s), &ast.StringLiteral{Literal: "''"}),
					Consequent: &ast.BlockStatement{List: sbSpillChunk(s, p, k, m, c)},
				},
			}},
		}
		*slot = &ast.BlockStatement{List: []ast.Statement{*slot, spill}}
	}
	for _, slot := range fx.tests {
		// s, where only whether it is '' matters: (k === 0 ? s : '-'), the stack holding no
		// empty chunk
		*slot = &ast.ConditionalExpression{
			Test:       sbBinary(token.STRICT_EQUAL, sbIdent(k), sbNum(0)),
			Consequent: *slot,
			Alternate:  &ast.StringLiteral{Literal: "'-'", Value: "-"},
		}
	}
	// while (k > 0) s = p[--k] + s;
	flush := &ast.WhileStatement{
		Test: sbBinary(token.GREATER, sbIdent(k), sbNum(0)),
		Body: sbAssign(token.ASSIGN, sbIdent(s), sbBinary(token.PLUS,
			sbIndex(p, &ast.UnaryExpression{Operator: token.DECREMENT, Operand: sbIdent(k)}), sbIdent(s))),
	}
	// the declarations carry the loop's position: goja maps their code to it
	at := fx.loop.at
	decl := &ast.LexicalDeclaration{Idx: at, Token: token.LET}
	for _, name := range []string{p, k, m, c} {
		b := &ast.Binding{Target: &ast.Identifier{Name: unistring.NewFromString(name), Idx: at}}
		if name != p {
			b.Initializer = &ast.NumberLiteral{Idx: at, Literal: "0", Value: int64(0)}
		}
		decl.List = append(decl.List, b)
	}
	loop := *fx.loop.wrap
	block := &ast.BlockStatement{List: []ast.Statement{decl}}
	if fx.loop.inTry || fx.loop.jumpsOut {
		block.List = append(block.List, &ast.TryStatement{
			Body:    &ast.BlockStatement{List: []ast.Statement{loop}},
			Finally: &ast.BlockStatement{List: []ast.Statement{flush}},
		})
	} else {
		block.List = append(block.List, loop, flush)
	}
	*fx.loop.wrap = block
}

// sbSpillChunk moves s onto the chunk stack p (k chunks, m spills so far) and merges its top
// chunks as a binary counter does, so the stack stays logarithmic: if (m === 0) p = [];
// p[k++] = s; s = ”; for (c = ++m; (c & 1) === 0; c >>= 1) { k--; p[k - 1] += p[k]; } c = 0.
func sbSpillChunk(s, p, k, m, c string) []ast.Statement {
	merge := &ast.ForStatement{
		Initializer: &ast.ForLoopInitializerExpression{Expression: &ast.AssignExpression{
			Operator: token.ASSIGN, Left: sbIdent(c),
			Right: &ast.UnaryExpression{Operator: token.INCREMENT, Operand: sbIdent(m)}}},
		Test:   sbBinary(token.STRICT_EQUAL, sbBinary(token.AND, sbIdent(c), sbNum(1)), sbNum(0)),
		Update: &ast.AssignExpression{Operator: token.SHIFT_RIGHT, Left: sbIdent(c), Right: sbNum(1)},
		Body: &ast.BlockStatement{List: []ast.Statement{
			&ast.ExpressionStatement{Expression: &ast.UnaryExpression{Operator: token.DECREMENT, Postfix: true, Operand: sbIdent(k)}},
			sbAssign(token.PLUS, sbIndex(p, sbBinary(token.MINUS, sbIdent(k), sbNum(1))), sbIndex(p, sbIdent(k))),
		}},
	}
	return []ast.Statement{
		&ast.IfStatement{
			Test:       sbBinary(token.STRICT_EQUAL, sbIdent(m), sbNum(0)),
			Consequent: sbAssign(token.ASSIGN, sbIdent(p), &ast.ArrayLiteral{}),
		},
		sbAssign(token.ASSIGN, sbIndex(p, &ast.UnaryExpression{Operator: token.INCREMENT, Postfix: true, Operand: sbIdent(k)}), sbIdent(s)),
		sbAssign(token.ASSIGN, sbIdent(s), &ast.StringLiteral{Literal: "''"}),
		merge,
		sbAssign(token.ASSIGN, sbIdent(c), sbNum(0)),
	}
}
