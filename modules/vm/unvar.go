package vm

import (
	"reflect"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/gojs-dev/gojs/modules"
)

// A context runs a script's code by direct eval inside a function, where a top-level var
// declaration makes a variable of that function: it starts undefined even when the context's
// object holds the name (var n = (n || 0) + 1 counted 1 each run, 1, 2, 3 in node), and the
// script's functions close over it, not over the object's property (a later run's inc() and
// ctx.n = 10 were not seen by each other). In node such a var is the global object's property
// itself. unvar rewrites the code so that its top-level vars declare nothing (the context's scope
// answers for them: undefined until assigned, then the object's property), and each declaration
// becomes the assignments it makes, as V8 does a var of a name the global already has:
//
//	var a = 1, b;      ->  let{}=[ a = 1, 0];  (in a statement list: a declaration, whose
//	                                            completion is empty, as the var statement's)
//	if (x) var a = 1;  ->  if (x) void[ a = 1];  (where a declaration may not stand)
//	for (var i = 0;;)  ->  for (    i = 0;;)     (and for (var k in o), for (var [a] of l))
//
// A declarator without an initializer reads as 0 (padded to its length: no read of the name).
// Positions move only where text is inserted ("let{}=[" for "var", the closing "]"): the
// insertions are returned so that the script's source map keeps its columns.

// insertion: at byte offset off of the code, n characters (one byte each) were inserted.
type insertion struct{ off, n int }

type edit struct {
	from, to int // the bytes of the code replaced
	text     string
}

// unvarEdits are the edits of code (parsed as prg) that rewrite its top-level vars as above; ok false when it has no
// top-level var declaration or one could not be placed.
func unvarEdits(prg *ast.Program, code string) ([]edit, bool) {
	var edits []edit
	failed := false
	bare := func(b *ast.Binding) {
		// a declarator without an initializer: its name becomes 0, padded
		id, isID := b.Target.(*ast.Identifier)
		if !isID || b.Initializer != nil {
			return
		}
		from := int(id.Idx) - 1
		to := from + len(id.Name.String())
		if from < 0 || to > len(code) || code[from:to] != id.Name.String() {
			failed = true
			return
		}
		edits = append(edits, edit{from, to, "0" + strings.Repeat(" ", to-from-1)})
	}
	keyword := func(at int) bool {
		return at >= 0 && at+3 <= len(code) && code[at:at+3] == "var"
	}
	statement := func(s *ast.VariableStatement, single bool) {
		at := int(s.Var) - 1
		if !keyword(at) || len(s.List) == 0 {
			failed = true
			return
		}
		open := "let{}=["
		if single {
			open = "void["
		}
		edits = append(edits, edit{at, at + 3, open})
		for _, b := range s.List {
			bare(b)
		}
		end := declaratorEnd(code, bindingEnd(s.List[len(s.List)-1])-1)
		edits = append(edits, edit{end, end, "]"})
	}
	head := func(at int, list []*ast.Binding) {
		if !keyword(at) {
			failed = true
			return
		}
		edits = append(edits, edit{at, at + 3, "   "})
		for _, b := range list {
			bare(b)
		}
	}
	var walk func(s ast.Statement, single bool)
	walk = func(s ast.Statement, single bool) {
		switch s := s.(type) {
		case *ast.VariableStatement:
			statement(s, single)
		case *ast.BlockStatement:
			for _, x := range s.List {
				walk(x, false)
			}
		case *ast.IfStatement:
			walk(s.Consequent, true)
			if s.Alternate != nil {
				walk(s.Alternate, true)
			}
		case *ast.ForStatement:
			if vi, ok := s.Initializer.(*ast.ForLoopInitializerVarDeclList); ok {
				head(int(vi.Var)-1, vi.List)
			}
			walk(s.Body, true)
		case *ast.ForInStatement:
			if fi, ok := s.Into.(*ast.ForIntoVar); ok {
				head(varBefore(code, int(fi.Binding.Target.Idx0())-1), nil)
			}
			walk(s.Body, true)
		case *ast.ForOfStatement:
			if fi, ok := s.Into.(*ast.ForIntoVar); ok {
				head(varBefore(code, int(fi.Binding.Target.Idx0())-1), nil)
			}
			walk(s.Body, true)
		case *ast.WhileStatement:
			walk(s.Body, true)
		case *ast.DoWhileStatement:
			walk(s.Body, true)
		case *ast.TryStatement:
			walk(s.Body, false)
			if s.Catch != nil {
				walk(s.Catch.Body, false)
			}
			if s.Finally != nil {
				walk(s.Finally, false)
			}
		case *ast.LabelledStatement:
			walk(s.Statement, true)
		case *ast.WithStatement:
			walk(s.Body, true)
		case *ast.SwitchStatement:
			for _, c := range s.Body {
				for _, x := range c.Consequent {
					walk(x, false)
				}
			}
		}
	}
	for _, s := range prg.Body {
		walk(s, false)
	}
	if failed || len(edits) == 0 {
		return nil, false
	}
	return edits, true
}

// applyEdits makes edits of code (in any order, none overlapping) and returns the code and
// its insertions, or ok false when edits overlap or (check) the result does not parse.
func applyEdits(code string, edits []edit, check bool) (out string, ins []insertion, ok bool) {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].from < edits[j].from })
	var b strings.Builder
	last := 0
	for _, e := range edits {
		if e.from < last {
			return code, nil, false
		}
		b.WriteString(code[last:e.from])
		b.WriteString(e.text)
		if n := len(e.text) - (e.to - e.from); n > 0 {
			ins = append(ins, insertion{e.from, n})
		}
		last = e.to
	}
	b.WriteString(code[last:])
	out = b.String()
	// the rewrite must parse (a declarator's end misplaced would not)
	if !check {
		return out, ins, true
	}
	if _, err := parser.ParseFile(nil, "", out, 0); err != nil {
		return code, nil, false
	}
	return out, ins, true
}

// Sloppy this. A sloppy function called without a receiver (f(), [].map(f), f.call(null))
// gets its realm's global object as `this`; a context's code runs in the main realm here, so
// its functions got the main context's global where node's get the context's; and one called
// by a name the context's scope resolves (f() of a var, a function declaration or a let of the
// context) gets the object of the `with` that scope is (the context's proxy, or its lexical
// scope object), as the engine passes a with statement's object. thisEdits has each `this` of
// code's sloppy functions (and of the arrows inside them) pass through __gojsVmTh$, which the
// evaluator binds to its context's thisMapper (see vm.go): the context's global for those
// three, a real receiver as it is. A function that reads its own `this` more than once does it
// once, first, into a variable the reads read:
//
//	function f() { return this.a + this.b; }
//	function f() {var __gojsVmThis$=__gojsVmTh$(this); return __gojsVmThis$.a + __gojsVmThis$.b; }
//
// and a single read (or one in an arrow, or a parameter's default) calls it in place:
// __gojsVmTh$(this). (Each call costs a dynamic lookup and a Go call, about 80 ns.) `this` at the
// code's top level (and in its top-level arrows) is the evaluator's already, and strict code
// (directives, classes) gets undefined as it should: both are left. The text is inserted
// around `this`, which keeps its place (a source map maps the insertions);
// Function.prototype.toString gives the function's text as written (see unrewriteThis).

const (
	thisOpen  = thisMapperName + "("
	thisClose = ")"
	thisVar   = "__gojsVmThis$"
	// thisPrologue starts the body of a function that reads its `this` into thisVar
	thisPrologue = "var " + thisVar + "=" + thisOpen + "this" + thisClose + ";"
	// thisRewritten is a `this` read in place
	thisRewritten = thisOpen + "this" + thisClose
)

// unrewriteThis is text (a function's, made from rewritten code) as it was written.
func unrewriteThis(text string) string {
	text = strings.ReplaceAll(text, thisPrologue, "")
	text = strings.ReplaceAll(text, thisRewritten, "this")
	return strings.ReplaceAll(text, thisVar, "this")
}

// thisEdits are the edits of code (parsed as prg) that make its sloppy functions' `this` the
// context's global (see above); nil when there is none to make or one could not be placed.
func thisEdits(prg *ast.Program, code string) []edit {
	if modules.DirectivesStrict(prg.Body) {
		return nil
	}
	var edits []edit
	seen := map[int]bool{} // (a function's declaration list holds its var declarators again)
	failed := false
	place := func(n *ast.ThisExpression) int {
		at := int(n.Idx) - 1
		if seen[at] {
			return -1
		}
		seen[at] = true
		if at < 0 || at+4 > len(code) || code[at:at+4] != "this" {
			failed = true
			return -1
		}
		return at
	}
	inPlace := func(at int) { edits = append(edits, edit{at, at, thisOpen}, edit{at + 4, at + 4, thisClose}) }
	// walk: own collects the `this` reads of the function being walked (nil: in place, or none
	// when not in a function)
	var walk func(root reflect.Value, inFunction bool, own *[]int)
	walk = func(root reflect.Value, inFunction bool, own *[]int) {
		modules.WalkAST(root, func(v reflect.Value) bool {
			switch n := v.Interface().(type) {
			case *ast.FunctionLiteral:
				if n.Body == nil || modules.DirectivesStrict(n.Body.List) {
					return false
				}
				walk(reflect.ValueOf(n.ParameterList), true, nil)
				var reads []int
				walk(reflect.ValueOf(n.Body), true, &reads)
				open := int(n.Body.LeftBrace) // (just past the brace)
				switch {
				case len(reads) == 1:
					inPlace(reads[0])
				case len(reads) > 1 && open > 0 && open <= len(code) && code[open-1] == '{':
					edits = append(edits, edit{open, open, thisPrologue})
					for _, at := range reads {
						edits = append(edits, edit{at, at + 4, thisVar})
					}
				default:
					for _, at := range reads {
						inPlace(at)
					}
				}
				return false
			case *ast.ArrowFunctionLiteral:
				if inFunction && own != nil {
					walk(reflect.ValueOf(n.ParameterList), true, nil)
					walk(reflect.ValueOf(n.Body), true, nil)
					return false
				}
			case *ast.ClassLiteral:
				return false // (strict)
			case *ast.ThisExpression:
				if !inFunction {
					return false
				}
				if at := place(n); at >= 0 {
					if own != nil {
						*own = append(*own, at)
					} else {
						inPlace(at)
					}
				}
				return false
			}
			return true
		})
	}
	walk(reflect.ValueOf(prg), false, nil)
	if failed {
		return nil
	}
	return edits
}

// bindingEnd is where the declarator b ends (a file.Idx): its Idx1, but for an initializer
// ending in new C() with no arguments, whose Idx1 the parser puts after C (its argument list
// is nil), not after the parentheses (var m = new Map() became let{}=[ m = new Map]()).
func bindingEnd(b *ast.Binding) int {
	if b.Initializer == nil {
		return int(b.Idx1())
	}
	return exprEnd(b.Initializer)
}

// exprEnd is where e ends: Idx1, but past the parentheses of an argumentless new expression at
// its right end.
func exprEnd(e ast.Expression) int {
	switch e := e.(type) {
	case *ast.NewExpression:
		if e.ArgumentList == nil && e.LeftParenthesis != 0 {
			return int(e.RightParenthesis) + 1
		}
	case *ast.AssignExpression:
		return exprEnd(e.Right)
	case *ast.BinaryExpression:
		return exprEnd(e.Right)
	case *ast.ConditionalExpression:
		return exprEnd(e.Alternate)
	case *ast.SequenceExpression:
		return exprEnd(e.Sequence[len(e.Sequence)-1])
	case *ast.AwaitExpression:
		return exprEnd(e.Argument)
	case *ast.UnaryExpression:
		if !e.Postfix {
			return exprEnd(e.Operand)
		}
	case *ast.YieldExpression:
		if e.Argument != nil {
			return exprEnd(e.Argument)
		}
	}
	return int(e.Idx1())
}

// declaratorEnd is where the last declarator of a var statement ends, from end (where its
// expression ends as the parser places it): past the closing parentheses of a parenthesized
// initializer, which the parser keeps no node of, and no further.
func declaratorEnd(code string, end int) int {
	at := end
	for i := end; i < len(code); {
		switch c := code[i]; {
		case c == ')':
			i++
			at = i
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			i++
		case strings.HasPrefix(code[i:], "//"):
			k := strings.IndexByte(code[i:], '\n')
			if k < 0 {
				return at
			}
			i += k
		case strings.HasPrefix(code[i:], "/*"):
			k := strings.Index(code[i+2:], "*/")
			if k < 0 {
				return at
			}
			i += k + 4
		default:
			return at
		}
	}
	return at
}

// varBefore is the offset of the `var` keyword that ends before offset at (a for-in/of head's,
// whose binding's node has no place of its own keyword), or -1.
func varBefore(code string, at int) int {
	if at < 0 || at > len(code) {
		return -1
	}
	i := strings.LastIndex(code[:at], "var")
	if i < 0 || strings.TrimSpace(code[i+3:at]) != "" {
		return -1
	}
	return i
}

// lineInsertions turns insertions (byte offsets of code) into, per line of code from 0, the
// UTF-16 column of each insertion and its length.
func lineInsertions(code string, ins []insertion) map[int][][2]int {
	if len(ins) == 0 {
		return nil
	}
	m := map[int][][2]int{}
	for _, in := range ins {
		if in.off > len(code) {
			continue
		}
		start := strings.LastIndexByte(code[:in.off], '\n') + 1
		line := strings.Count(code[:in.off], "\n")
		col := len(utf16.Encode([]rune(code[start:in.off])))
		m[line] = append(m[line], [2]int{col, in.n})
	}
	return m
}

// functionPreludeName is the evaluator's function that puts a script's top-level functions on
// its context's object (see functionPrelude).
const functionPreludeName = "__gojsVmF$"

// functionPrelude: in node a script's top-level function declarations are the global object's
// properties before its first statement runs (this.f, the host reading ctx.f from a call the
// script makes); a context's evaluator copied them onto the object after the run. out (code as
// rewritten so far; orig, code as written, whose directive prologue out keeps) gets a first
// statement, after the directives, that hands the functions (hoisted in the code's own scope)
// to the evaluator: `var __gojsVmD$=[__gojsVmF$(f,g)];`. In sloppy code it then deletes them
// from that scope (`,delete f,delete g`: eval's declarations can be deleted), so that the code and its functions
// find f on the object from then on, as node's find the global's property (a later run's
// ctx.f = x, or f = 2, is seen by g calling f). It returns out with it, the insertion, the
// names, whether they were deleted, and whether it was made.
func functionPrelude(out, orig string) (string, insertion, []string, bool, bool) {
	prg, err := parser.ParseFile(nil, "", orig, 0)
	if err != nil {
		return out, insertion{}, nil, false, false
	}
	var names []string
	seen := map[string]bool{}
	for _, s := range prg.Body {
		if f, ok := s.(*ast.FunctionDeclaration); ok && f.Function.Name != nil {
			n := f.Function.Name.Name.String()
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	if len(names) == 0 {
		return out, insertion{}, nil, false, false
	}
	// after the directive prologue ("use strict"; ...), which must stay first
	at := 0
	strict := false
	for _, s := range prg.Body {
		es, ok := s.(*ast.ExpressionStatement)
		if !ok {
			break
		}
		lit, ok := es.Expression.(*ast.StringLiteral)
		if !ok {
			break
		}
		if lit.Literal == `"use strict"` || lit.Literal == `'use strict'` {
			strict = true
		}
		at = int(es.Idx1()) - 1
	}
	if at < 0 || at > len(orig) || at > len(out) || out[:at] != orig[:at] {
		return out, insertion{}, nil, false, false
	}
	var b strings.Builder
	if at > 0 {
		b.WriteByte(';')
	}
	// (a var statement, whose completion is empty: the script's value stays its own)
	b.WriteString("var __gojsVmD$=[" + functionPreludeName + "(" + strings.Join(names, ",") + ")")
	if !strict {
		for _, n := range names {
			b.WriteString(",delete " + n)
		}
	}
	b.WriteString("];")
	text := b.String()
	res := out[:at] + text + out[at:]
	if _, err := parser.ParseFile(nil, "", res, 0); err != nil {
		return out, insertion{}, nil, false, false
	}
	return res, insertion{at, len(text)}, names, !strict, true
}
