package modules

import (
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// Two goja bugs around a function's arguments object, worked around on the AST by FixArguments:
//
//   - goja mis-compiles a function whose `arguments` is read only by arrow functions inside it
//     (`function f(a) { return (() => arguments[0])(); }`): the arrow reads a stack slot the
//     function never filled, which panics in goja's VM or yields undefined. It compiles them
//     right when the function reads `arguments` itself, so each such function gets an
//     `arguments;` statement first (after its directives).
//   - a function that reads `arguments` (an arrow: that calls eval) keeps its arguments in its
//     scope object, and goja copies every argument given there, not only as many as it has
//     parameters: the extra ones land in the slots of its closure-captured variables, so in
//     `function f() { var e; arguments; return () => e; }` called as f(1, 2) e starts as 1
//     (pump's `var error` took the first stream it was given, and reported it as an error).
//     Each such function gets `var x = void 0, ...;` first (after its directives) for its
//     var-declared names that are not parameters or declared functions: what the spec says
//     they hold at entry.
//
// Only the AST changes: positions in stacks and errors stay the source's.

var (
	funcLitType  = reflect.TypeOf((*ast.FunctionLiteral)(nil))
	arrowLitType = reflect.TypeOf((*ast.ArrowFunctionLiteral)(nil))
	identType    = reflect.TypeOf((*ast.Identifier)(nil))
	fileType     = reflect.TypeOf((*file.File)(nil))
)

// NeedsArgumentsFix reports whether src may hold a function FixArguments changes: one that
// reads arguments, or an arrow that calls eval.
func NeedsArgumentsFix(src string) bool {
	return strings.Contains(src, "arguments") || strings.Contains(src, "eval") && strings.Contains(src, "=>")
}

// FixArguments works around those goja bugs in a parsed program (src is its source, to skip
// the walk when it cannot apply). The loader's compiles (CommonJS, ES modules) and vm scripts
// go through it; bodies given to new Function or eval do not (goja compiles those).
func FixArguments(prg *ast.Program, src string) {
	if !NeedsArgumentsFix(src) {
		return
	}
	w := newArgsWalker(src)
	if !w.run(prg) {
		return
	}
	for _, fx := range w.fixes {
		fx.apply()
	}
}

// FixArgumentsSource is FixArguments for a source that is compiled where no AST can be handed
// over (a vm context's eval): the source with the statements written into each such
// function's body, after its directives (so columns move on those lines only), or src itself.
func FixArgumentsSource(src string) string {
	if !NeedsArgumentsFix(src) {
		return src
	}
	prg, err := parser.ParseFile(nil, "", src, 0)
	if err != nil {
		return src
	}
	w := newArgsWalker(src)
	if !w.run(prg) {
		return src
	}
	type insert struct {
		at   int
		text string
	}
	var ins []insert
	for _, fx := range w.fixes {
		var text strings.Builder
		if fx.read {
			text.WriteString("arguments;")
		}
		if names := fx.resetNames(); len(names) > 0 {
			text.WriteString("var ")
			for i, n := range names {
				if i > 0 {
					text.WriteString(", ")
				}
				text.WriteString(n + " = void 0")
			}
			text.WriteString(";")
		}
		if text.Len() == 0 {
			continue
		}
		at := int(fx.body.LeftBrace) // just after the "{"
		if n := directives(fx.body); n > 0 {
			at = int(fx.body.List[n-1].Idx1()) - 1
			ins = append(ins, insert{at, ";" + text.String()})
		} else {
			ins = append(ins, insert{at, text.String()})
		}
		if at < 0 || at > len(src) {
			return src
		}
	}
	if len(ins) == 0 {
		return src
	}
	sort.Slice(ins, func(i, j int) bool { return ins[i].at < ins[j].at })
	var b strings.Builder
	last := 0
	for _, in := range ins {
		b.WriteString(src[last:in.at])
		b.WriteString(in.text)
		last = in.at
	}
	b.WriteString(src[last:])
	return b.String()
}

// argsFix is what one function needs: an `arguments;` read (read), its var-declared names
// reset (reset).
type argsFix struct {
	body        *ast.BlockStatement
	params      *ast.ParameterList
	decls       []*ast.VariableDeclaration
	read, reset bool
}

func (fx *argsFix) apply() {
	n := directives(fx.body)
	var add []ast.Statement
	if fx.read {
		add = append(add, &ast.ExpressionStatement{Expression: &ast.Identifier{Name: "arguments", Idx: fx.body.LeftBrace}})
	}
	if names := fx.resetNames(); len(names) > 0 {
		at := fx.body.LeftBrace
		st := &ast.VariableStatement{Var: at}
		for _, name := range names {
			st.List = append(st.List, &ast.Binding{
				Target:      &ast.Identifier{Name: unistring.NewFromString(name), Idx: at},
				Initializer: &ast.UnaryExpression{Operator: token.VOID, Idx: at, Operand: &ast.NumberLiteral{Idx: at, Literal: "0", Value: int64(0)}},
			})
		}
		add = append(add, st)
	}
	if len(add) == 0 {
		return
	}
	list := make([]ast.Statement, 0, len(fx.body.List)+len(add))
	list = append(list, fx.body.List[:n]...)
	list = append(list, add...)
	fx.body.List = append(list, fx.body.List[n:]...)
}

// resetNames lists the function's var-declared names (when reset is asked) that are not its
// parameters, its declared functions or arguments, in order of declaration.
func (fx *argsFix) resetNames() []string {
	if !fx.reset || len(fx.decls) == 0 {
		return nil
	}
	skip := map[string]bool{"arguments": true}
	if fx.params != nil {
		for _, b := range fx.params.List {
			boundNames(b.Target, func(n string) { skip[n] = true })
		}
		boundNames(fx.params.Rest, func(n string) { skip[n] = true })
	}
	for _, st := range fx.body.List {
		if fd, ok := st.(*ast.FunctionDeclaration); ok && fd.Function != nil && fd.Function.Name != nil {
			skip[fd.Function.Name.Name.String()] = true
		}
	}
	var names []string
	for _, d := range fx.decls {
		for _, b := range d.List {
			boundNames(b.Target, func(n string) {
				if !skip[n] {
					skip[n] = true
					names = append(names, n)
				}
			})
		}
	}
	return names
}

// BoundNames calls add with each name a binding target (an identifier or a destructuring
// pattern, nil for none) binds.
func BoundNames(e ast.Expression, add func(string)) {
	if e != nil {
		boundNames(e, add)
	}
}

// boundNames calls add with each name a binding target (an identifier or a destructuring
// pattern) binds.
func boundNames(e ast.Expression, add func(string)) {
	switch e := e.(type) {
	case *ast.Identifier:
		add(e.Name.String())
	case *ast.AssignExpression: // a default: `a = 1`
		boundNames(e.Left, add)
	case *ast.ArrayPattern:
		for _, el := range e.Elements {
			boundNames(el, add)
		}
		boundNames(e.Rest, add)
	case *ast.ObjectPattern:
		for _, p := range e.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				add(p.Name.Name.String())
			case *ast.PropertyKeyed:
				boundNames(p.Value, add)
			}
		}
		boundNames(e.Rest, add)
	}
}

// directives counts the statements of body's directive prologue ('use strict' and the like).
func directives(body *ast.BlockStatement) int {
	i := 0
	for i < len(body.List) {
		es, ok := body.List[i].(*ast.ExpressionStatement)
		if !ok {
			break
		}
		if _, ok := es.Expression.(*ast.StringLiteral); !ok {
			break
		}
		i++
	}
	return i
}

type argsWalker struct {
	fn     *argsFix // the innermost function that is not an arrow (nil: top level)
	arrow  *argsFix // the innermost arrow inside fn with a block body (nil: none)
	arrows int      // arrow functions between fn and the node being walked
	fixes  []*argsFix
	offs   []int // where "arguments" (and "eval") are in the source, sorted
}

func newArgsWalker(src string) *argsWalker {
	w := &argsWalker{}
	words := []string{"arguments"}
	if strings.Contains(src, "=>") {
		words = append(words, "eval")
	}
	for _, word := range words {
		for i := 0; ; {
			j := strings.Index(src[i:], word)
			if j < 0 {
				break
			}
			w.offs = append(w.offs, i+j)
			i += j + len(word)
		}
	}
	sort.Ints(w.offs)
	return w
}

// run walks prg, leaving out the subtrees whose source holds neither word (most of a large
// file); false if the walk failed on an odd tree (a node's position methods panicked).
func (w *argsWalker) run(prg *ast.Program) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	w.walk(reflect.ValueOf(prg))
	return true
}

func (w *argsWalker) sawArguments() {
	if w.fn == nil {
		return
	}
	w.fn.reset = true
	if w.arrows > 0 {
		w.fn.read = true
	}
}

func (w *argsWalker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem())
		}
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if n, ok := v.Interface().(ast.Node); ok && v.Type() != programType && !nearOffsets(w.offs, n) {
			return
		}
		switch v.Type() {
		case funcLitType:
			fn := v.Interface().(*ast.FunctionLiteral)
			fx := &argsFix{body: fn.Body, params: fn.ParameterList, decls: fn.DeclarationList}
			outer, arrow, arrows := w.fn, w.arrow, w.arrows
			w.fn, w.arrow, w.arrows = fx, nil, 0
			w.walk(v.Elem())
			if (fx.read || fx.reset) && fn.Body != nil {
				w.fixes = append(w.fixes, fx)
			}
			w.fn, w.arrow, w.arrows = outer, arrow, arrows
			return
		case arrowLitType:
			fn := v.Interface().(*ast.ArrowFunctionLiteral)
			arrow := w.arrow
			var fx *argsFix
			if body, ok := fn.Body.(*ast.BlockStatement); ok {
				fx = &argsFix{body: body, params: fn.ParameterList, decls: fn.DeclarationList}
				w.arrow = fx
			}
			w.arrows++
			w.walk(v.Elem())
			w.arrows--
			if fx != nil && fx.reset {
				w.fixes = append(w.fixes, fx)
			}
			w.arrow = arrow
			return
		case identType:
			w.ident(v.Interface().(*ast.Identifier).Name.String())
			return
		}
		if v.Elem().Kind() == reflect.Struct {
			w.walk(v.Elem())
		}
	case reflect.Struct:
		if v.Type() == identType.Elem() { // held by value: a shorthand property, a member name
			// (x.arguments too: reading arguments once more does no harm)
			w.ident(v.Interface().(ast.Identifier).Name.String())
			return
		}
		walkChildren(v, w.walk)
	case reflect.Slice:
		walkChildren(v, w.walk)
	}
}

func (w *argsWalker) ident(name string) {
	switch name {
	case "arguments":
		w.sawArguments()
	case "eval": // an arrow with a direct eval keeps its arguments as a function reading them does
		if w.arrow != nil {
			w.arrow.reset = true
		}
	}
}

// walkChildren calls walk on each field of struct v that can hold AST nodes, or on each
// element of slice v.
func walkChildren(v reflect.Value, walk func(reflect.Value)) {
	if v.Kind() == reflect.Slice {
		for i := 0; i < v.Len(); i++ {
			walk(v.Index(i))
		}
		return
	}
	for _, i := range nodeFields(v.Type()) {
		walk(v.Field(i))
	}
}

// nodeFields lists, once per struct type, the fields that can hold AST nodes: exported
// interfaces, pointers to structs, structs, and slices of those.
var fieldPlans sync.Map // reflect.Type -> []int

func nodeFields(t reflect.Type) []int {
	if p, ok := fieldPlans.Load(t); ok {
		return p.([]int)
	}
	var plan []int
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Type == fileType {
			continue
		}
		ft := f.Type
		if ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		switch ft.Kind() {
		case reflect.Interface, reflect.Struct:
			plan = append(plan, i)
		case reflect.Pointer:
			if ft.Elem().Kind() == reflect.Struct {
				plan = append(plan, i)
			}
		}
	}
	fieldPlans.Store(t, plan)
	return plan
}

// FixArgumentsBody is FixArgumentsSource for the body of new Function(params..., body) (params
// joined by commas): the body with the statements its functions need, the function itself
// included, written in (on the body's lines), or body itself.
func FixArgumentsBody(params, body string) string {
	if !NeedsArgumentsFix(body) {
		return body
	}
	prefix, suffix := "(function anonymous("+params+"\n) {", "\n})"
	src := prefix + "\n" + body + suffix
	out := FixArgumentsSource(src)
	if out == src || !strings.HasPrefix(out, prefix) || !strings.HasSuffix(out, suffix) {
		return body
	}
	mid := out[len(prefix) : len(out)-len(suffix)] // what goes after the "{" (the function's own statements first)
	i := strings.IndexByte(mid, '\n')
	if i < 0 {
		return body
	}
	return mid[:i] + mid[i+1:]
}
