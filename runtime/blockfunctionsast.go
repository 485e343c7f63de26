package runtime

import (
	"reflect"
	"sort"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
)

// fixBlockFunctions gives a parsed sloppy-mode program the var bindings of Annex B.3.3: a plain
// function declared in a block (`if (x) { function f() {} }`, a case clause) is also a var of
// the function around it (or a global var, at the top level of a script), which gets the
// block's function when the declaration is evaluated. goja keeps such a function in its block
// only. The AST is rewritten, the text is not: the function keeps its name, source and
// positions; what is added does nothing visible but the binding:
//   - the enclosing function's declarations get `var f`, and its body a function declaration
//     whose name no source can spell (`f annex-b`): `function (v) { f = v }`, hoisted;
//   - the block gets, after the declaration, a call of it with the block's f (at a script's top
//     level: `this.f = f`, an assignment to the global var, which is the script's completion
//     value when it is last, as V8's assignment in its place is: `{ 1; function f() {} }` is f).
//
// The spec's conditions are kept: not for a name that is one of the function's parameters or
// `arguments`, nor when a var of that name would clash with a let, const or class (or another
// block's function) of an enclosing scope; strict code, async functions and generators are
// left alone. offs are the places sloppyBlockFunctions found (only the subtrees around them
// are walked).
func fixBlockFunctions(prg *ast.Program, strict bool, offs []int) {
	if len(offs) == 0 {
		return
	}
	w := &bfWalker{offs: offs}
	defer func() { _ = recover() }() // (an odd tree: what was rewritten so far is whole)
	w.function(&bfScope{program: prg, strict: strict}, &prg.Body)
}

// fixSloppyBlockFunctions is fixBlockFunctions for a program of src compiled as sloppy-mode
// code, where sloppyBlockFunctions' scan finds such declarations.
func fixSloppyBlockFunctions(prg *ast.Program, src string) {
	fixBlockFunctions(prg, false, sloppyBlockFunctions(src, false))
}

// a function's var scope, as the walk is in it
type bfScope struct {
	program *ast.Program         // the top level of a script
	fn      *ast.FunctionLiteral // or a function
	arrow   *ast.ArrowFunctionLiteral
	strict  bool
	params  map[string]bool
	lexical map[string]bool // let, const and class names of its top level
	helpers map[string]string
	body    *[]ast.Statement
}

type bfWalker struct {
	scope  *bfScope
	blocks []map[string]bool // the lexical names of the blocks from the function's body in
	offs   []int
	edits  *[]modules.TextEdit // the text's edits instead, for fixBlockFunctionsSource
	// topAt: the offset of the top-level statement being walked in src, -1 when not known;
	// prevEnd: where the one before it ends (0 for the first), and early: the helpers may go
	// there when a line ends between (fixBlockFunctionsSource's); moved: some went there
	topAt, prevEnd int
	early, moved   bool
	src            string
}

// function walks a function's (or a script's) body list in scope s.
func (w *bfWalker) function(s *bfScope, body *[]ast.Statement) {
	outer, blocks := w.scope, w.blocks
	w.scope, w.blocks = s, nil
	defer func() { w.scope, w.blocks = outer, blocks }()
	if !s.strict {
		s.strict = hasUseStrict(*body)
	}
	s.body = body
	s.lexical = map[string]bool{}
	for _, st := range *body {
		lexicalNames(st, false, s.lexical)
	}
	w.list(body, false)
	if len(s.helpers) == 0 || w.edits != nil {
		return
	}
	// the helpers, hoisted: first after the directives
	names := make([]string, 0, len(s.helpers))
	for name := range s.helpers {
		names = append(names, name)
	}
	sort.Strings(names)
	n := 0
	for n < len(*body) && isDirective((*body)[n]) {
		n++
	}
	at := bodyStart(s)
	list := make([]ast.Statement, 0, len(*body)+len(names))
	list = append(list, (*body)[:n]...)
	for _, name := range names {
		list = append(list, helperDecl(s.helpers[name], name, at))
	}
	*body = append(list, (*body)[n:]...)
}

// list walks a statement list: a block's (or a case block's) when block.
func (w *bfWalker) list(stmts *[]ast.Statement, block bool) {
	type add struct {
		after int
		st    ast.Statement
	}
	var adds []add
	for i, st := range *stmts {
		if !block && w.edits != nil && w.scope.program != nil {
			w.topAt = statementStart(st, w.src)
			w.prevEnd = 0
			if i > 0 {
				w.prevEnd = int((*stmts)[i-1].Idx1()) - 1
			}
		}
		if fd, ok := st.(*ast.FunctionDeclaration); ok && block && w.near(fd) {
			if a := w.annexB(fd); a != nil {
				adds = append(adds, add{i, a})
			}
		}
		if w.near(st) {
			w.walk(reflect.ValueOf(st))
		}
	}
	for k := len(adds) - 1; k >= 0; k-- {
		i := adds[k].after + 1
		*stmts = append((*stmts)[:i], append([]ast.Statement{adds[k].st}, (*stmts)[i:]...)...)
	}
}

// annexB returns the statement that gives fd's function to the var, or nil when Annex B does
// not apply to it.
func (w *bfWalker) annexB(fd *ast.FunctionDeclaration) ast.Statement {
	fn, s := fd.Function, w.scope
	if fn == nil || fn.Name == nil || fn.Async || fn.Generator || s.strict {
		return nil
	}
	name := fn.Name.Name.String()
	if name == "arguments" || s.params[name] || s.lexical[name] {
		return nil
	}
	for _, b := range w.blocks[:len(w.blocks)-1] { // (the innermost is fd's own block)
		if b[name] {
			return nil
		}
	}
	if w.edits != nil {
		w.textEdits(s, name, fn.Body.RightBrace)
		return nil
	}
	at := fn.Body.RightBrace
	id := func(n string) *ast.Identifier { return &ast.Identifier{Name: unistring.NewFromString(n), Idx: at} }
	decl := &ast.VariableDeclaration{Var: at, List: []*ast.Binding{{Target: id(name)}}}
	if s.program != nil {
		s.program.DeclarationList = append(s.program.DeclarationList, decl)
		return &ast.ExpressionStatement{Expression: &ast.AssignExpression{Operator: token.ASSIGN,
			Left:  &ast.DotExpression{Left: &ast.ThisExpression{Idx: at}, Identifier: *id(name)},
			Right: id(name)}}
	}
	helper, ok := s.helpers[name]
	if !ok {
		if s.fn != nil {
			s.fn.DeclarationList = append(s.fn.DeclarationList, decl)
		} else {
			s.arrow.DeclarationList = append(s.arrow.DeclarationList, decl)
		}
		if s.helpers == nil {
			s.helpers = map[string]string{}
		}
		helper = name + " annex-b"
		s.helpers[name] = helper
	}
	return &ast.ExpressionStatement{Expression: &ast.CallExpression{Callee: id(helper), LeftParenthesis: at, RightParenthesis: at,
		ArgumentList: []ast.Expression{id(name)}}}
}

// fixBlockFunctionsSource is fixBlockFunctions for code goja compiles from its text (eval, the
// Function constructors, vm's contexts and compileFunction): src with the same binding written
// in, or src itself. The helper goes last in the function's body, `;var f;function f\u200cab(v\u200c)
// {f=v\u200c}` (a name with a zero-width non-joiner, which no source spells by chance), and
// `;f\u200cab(f);` after the declaration: columns move after those on their lines only, and a
// function that holds them has them in its source text too. At the code's top level (an
// eval's, whose vars are its caller's; a context's, whose names are its object's) a hoisted
// helper would be a var too, so the helper is the code's own let, before the top-level
// statement that holds the declaration, `var f;let f\u200cab=(v\u200c)=>{f=v\u200c};` (at the
// end of the statement before when a line ends between, so that no column moves), and
// the call after the declaration a declaration too, `;let{}=[f\u200cab(f)];`, which leaves
// the code's completion value as it was (eval's is V8's: `1; { function f() {} }` is 1).
// Strict code the text does not show (a direct eval in strict code) is not told apart.
func fixBlockFunctionsSource(src string) string {
	offs := sloppyBlockFunctions(src, false)
	if len(offs) == 0 {
		return src
	}
	prg, err := parser.ParseFile(nil, "", src, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return src
	}
	out, moved := blockFunctionEdits(prg, src, offs, true)
	if moved {
		// (the helpers went to the end of the statement before, on a line of their own: where
		// that end is not what it seems, in their statement's place, columns moving after)
		if _, err := parser.ParseFile(nil, "", out, 0, parser.WithDisableSourceMaps); err != nil {
			prg, _ = parser.ParseFile(nil, "", src, 0, parser.WithDisableSourceMaps)
			out, _ = blockFunctionEdits(prg, src, offs, false)
		}
	}
	return out
}

// blockFunctionEdits is fixBlockFunctionsSource's rewrite of src (parsed as prg), the
// top-level helpers early when they may be (see bfWalker.prevEnd); moved: some went there.
func blockFunctionEdits(prg *ast.Program, src string, offs []int, early bool) (string, bool) {
	var edits []modules.TextEdit
	w := &bfWalker{offs: offs, edits: &edits, src: src, early: early}
	ok := func() (ok bool) {
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
		w.function(&bfScope{program: prg}, &prg.Body)
		return true
	}()
	if !ok {
		return src, false
	}
	return modules.ApplyTextEdits(src, edits), w.moved
}

// textEdits writes in the binding of name for a declaration whose body ends at end (see
// fixBlockFunctionsSource).
func (w *bfWalker) textEdits(s *bfScope, name string, end file.Idx) {
	helper := name + "\u200cab"
	if s.program != nil {
		if w.topAt < 0 {
			return
		}
		if _, ok := s.helpers[name]; !ok {
			if s.helpers == nil {
				s.helpers = map[string]string{}
			}
			s.helpers[name] = helper
			at, text := w.topAt, "var "+name+";let "+helper+"=(v\u200c)=>{"+name+"=v\u200c};"
			if w.early && w.prevEnd >= 0 && w.prevEnd <= at && strings.Contains(w.src[w.prevEnd:at], "\n") {
				// (the statement's line keeps its columns)
				at, text, w.moved = w.prevEnd, ";"+text, true
			}
			*w.edits = append(*w.edits, modules.TextEdit{At: at, End: at, Text: text})
		}
		*w.edits = append(*w.edits, modules.TextEdit{At: int(end), End: int(end), Text: ";let{}=[" + helper + "(" + name + ")];"})
		return
	}
	if _, ok := s.helpers[name]; !ok {
		if s.helpers == nil {
			s.helpers = map[string]string{}
		}
		s.helpers[name] = helper
		at := int(bodyEnd(s)) - 1 // (before the function's closing brace)
		*w.edits = append(*w.edits, modules.TextEdit{At: at, End: at,
			Text: ";var " + name + ";function " + helper + "(v\u200c){" + name + "=v\u200c}"})
	}
	*w.edits = append(*w.edits, modules.TextEdit{At: int(end), End: int(end), Text: ";" + helper + "(" + name + ");"})
}

// statementStart is the offset in src where st starts, or -1. (goja's parser leaves an if
// statement's If unset: its keyword is looked for before the condition, over white space and
// parentheses.)
func statementStart(st ast.Statement, src string) int {
	ifs, ok := st.(*ast.IfStatement)
	if !ok || ifs.If > 0 {
		return int(st.Idx0()) - 1
	}
	i := int(ifs.Test.Idx0()) - 1
	for i > 0 && i <= len(src) && (src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n' || src[i-1] == '\r' || src[i-1] == '(') {
		i--
	}
	if i < 2 || i > len(src) || src[i-2:i] != "if" || i > 2 && isIdentByte(src[i-3]) {
		return -1
	}
	return i - 2
}

func bodyEnd(s *bfScope) file.Idx {
	if s.fn != nil {
		return s.fn.Body.RightBrace
	}
	return s.arrow.Body.(*ast.BlockStatement).RightBrace
}

// helperDecl is `function <helper>(<v>) { <name> = <v>; }`, placed at at.
func helperDecl(helper, name string, at file.Idx) ast.Statement {
	id := func(n string) *ast.Identifier { return &ast.Identifier{Name: unistring.NewFromString(n), Idx: at} }
	const v = "value annex-b"
	return &ast.FunctionDeclaration{Function: &ast.FunctionLiteral{
		Function:      at,
		Name:          id(helper),
		ParameterList: &ast.ParameterList{Opening: at, Closing: at, List: []*ast.Binding{{Target: id(v)}}},
		Body: &ast.BlockStatement{LeftBrace: at, RightBrace: at, List: []ast.Statement{
			&ast.ExpressionStatement{Expression: &ast.AssignExpression{Operator: token.ASSIGN, Left: id(name), Right: id(v)}},
		}},
	}}
}

func bodyStart(s *bfScope) file.Idx {
	if s.fn != nil {
		return s.fn.Body.LeftBrace
	}
	return s.arrow.Body.(*ast.BlockStatement).LeftBrace
}

func (w *bfWalker) near(n ast.Node) bool {
	from, to := int(n.Idx0())-1-16, int(modules.NodeEnd(n))-1+16
	i := sort.SearchInts(w.offs, from)
	return i < len(w.offs) && w.offs[i] <= to
}

// block walks a block-scoped statement list (a block, a case block) whose names are names.
func (w *bfWalker) block(names map[string]bool, walk func()) {
	w.blocks = append(w.blocks, names)
	walk()
	w.blocks = w.blocks[:len(w.blocks)-1]
}

func (w *bfWalker) walk(v reflect.Value) { modules.WalkAST(v, w.visit) }

// visit is the walk's step at node v: false when it walked what it needs below v itself.
func (w *bfWalker) visit(v reflect.Value) bool {
	n, ok := v.Interface().(ast.Node)
	if !ok {
		return true
	}
	if !w.near(n) {
		return false
	}
	switch n := n.(type) {
	case *ast.FunctionLiteral:
		s := &bfScope{fn: n, strict: w.scope.strict, params: paramNames(n.ParameterList)}
		w.walk(reflect.ValueOf(n.ParameterList))
		if n.Body != nil {
			w.function(s, &n.Body.List)
		}
		return false
	case *ast.ArrowFunctionLiteral:
		s := &bfScope{arrow: n, strict: w.scope.strict, params: paramNames(n.ParameterList)}
		w.walk(reflect.ValueOf(n.ParameterList))
		if b, ok := n.Body.(*ast.BlockStatement); ok {
			w.function(s, &b.List)
		} else {
			outer := w.scope
			w.scope = s
			w.walk(reflect.ValueOf(n.Body))
			w.scope = outer
		}
		return false
	case *ast.ClassLiteral: // (class code is strict)
		outer := w.scope
		w.scope = &bfScope{strict: true}
		w.walk(v.Elem())
		w.scope = outer
		return false
	case *ast.BlockStatement:
		names := map[string]bool{}
		for _, st := range n.List {
			lexicalNames(st, true, names)
		}
		w.block(names, func() { w.list(&n.List, true) })
		return false
	case *ast.SwitchStatement:
		w.walk(reflect.ValueOf(n.Discriminant))
		names := map[string]bool{}
		for _, c := range n.Body {
			for _, st := range c.Consequent {
				lexicalNames(st, true, names)
			}
		}
		w.block(names, func() {
			for _, c := range n.Body {
				w.walk(reflect.ValueOf(c.Test))
				w.list(&c.Consequent, true)
			}
		})
		return false
	case *ast.ForStatement:
		if d, ok := n.Initializer.(*ast.ForLoopInitializerLexicalDecl); ok {
			names := map[string]bool{}
			for _, b := range d.LexicalDeclaration.List {
				boundNamesOf(b.Target, names)
			}
			w.block(names, func() { w.walk(v.Elem()) })
			return false
		}
	case *ast.ForInStatement:
		if d, ok := n.Into.(*ast.ForDeclaration); ok {
			w.forDecl(d, v)
			return false
		}
	case *ast.ForOfStatement:
		if d, ok := n.Into.(*ast.ForDeclaration); ok {
			w.forDecl(d, v)
			return false
		}
	case *ast.CatchStatement:
		// (a var may have the name of a simple catch parameter, not of a destructured one's)
		if _, ok := n.Parameter.(*ast.Identifier); !ok && n.Parameter != nil {
			names := map[string]bool{}
			boundNamesOf(n.Parameter, names)
			w.block(names, func() { w.walk(v.Elem()) })
			return false
		}
	}
	return true
}

func (w *bfWalker) forDecl(d *ast.ForDeclaration, v reflect.Value) {
	names := map[string]bool{}
	boundNamesOf(d.Target, names)
	w.block(names, func() { w.walk(v.Elem()) })
}

// lexicalNames adds to names those st declares lexically: let, const, class, and in a block
// (block) functions too.
func lexicalNames(st ast.Statement, block bool, names map[string]bool) {
	switch st := st.(type) {
	case *ast.LexicalDeclaration:
		for _, b := range st.List {
			boundNamesOf(b.Target, names)
		}
	case *ast.ClassDeclaration:
		if st.Class != nil && st.Class.Name != nil {
			names[st.Class.Name.Name.String()] = true
		}
	case *ast.FunctionDeclaration:
		if block && st.Function != nil && st.Function.Name != nil {
			names[st.Function.Name.Name.String()] = true
		}
	}
}

func boundNamesOf(e ast.Expression, names map[string]bool) {
	if e == nil {
		return
	}
	modules.BoundNames(e, func(n string) { names[n] = true })
}

func paramNames(pl *ast.ParameterList) map[string]bool {
	names := map[string]bool{}
	if pl != nil {
		for _, b := range pl.List {
			boundNamesOf(b.Target, names)
		}
		boundNamesOf(pl.Rest, names)
	}
	return names
}

// hasUseStrict reports whether a body's directive prologue holds "use strict".
func hasUseStrict(body []ast.Statement) bool {
	for _, st := range body {
		if !isDirective(st) {
			return false
		}
		lit := st.(*ast.ExpressionStatement).Expression.(*ast.StringLiteral).Literal
		if lit == `"use strict"` || lit == `'use strict'` {
			return true
		}
	}
	return false
}

func isDirective(st ast.Statement) bool {
	es, ok := st.(*ast.ExpressionStatement)
	if !ok {
		return false
	}
	_, ok = es.Expression.(*ast.StringLiteral)
	return ok
}
