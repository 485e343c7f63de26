package modules

import (
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
)

// goja mis-compiles a function whose `arguments` is read only by arrow functions inside it
// (`function f(a) { return (() => arguments[0])(); }`): the arrow reads a stack slot the
// function never filled, which panics in goja's VM or yields undefined. It compiles them right
// when the function reads `arguments` itself, so FixArrowArguments makes each such function
// start with an `arguments;` statement (after its directives). Only the AST changes: positions
// in stacks and errors stay the source's.

var (
	funcLitType  = reflect.TypeOf((*ast.FunctionLiteral)(nil))
	arrowLitType = reflect.TypeOf((*ast.ArrowFunctionLiteral)(nil))
	identType    = reflect.TypeOf((*ast.Identifier)(nil))
	fileType     = reflect.TypeOf((*file.File)(nil))
)

// FixArrowArguments works around that goja bug in a parsed program (src is its source, to
// skip the walk when it cannot apply). The loader's compiles (CommonJS, ES modules) and vm
// scripts go through it; bodies given to new Function or eval do not (goja compiles those).
func FixArrowArguments(prg *ast.Program, src string) {
	if !strings.Contains(src, "arguments") || !strings.Contains(src, "=>") {
		return
	}
	w := &argsWalker{}
	w.walk(reflect.ValueOf(prg))
	for _, fn := range w.marked {
		addArgumentsRead(fn.Body)
	}
}

// FixArrowArgumentsSource is FixArrowArguments for a source that is compiled where no AST can
// be handed over (a vm context's eval): the source with `arguments;` written into each such
// function's body, after its directives (so columns move on those lines only), or src itself.
func FixArrowArgumentsSource(src string) string {
	if !strings.Contains(src, "arguments") || !strings.Contains(src, "=>") {
		return src
	}
	prg, err := parser.ParseFile(nil, "", src, 0)
	if err != nil {
		return src
	}
	w := &argsWalker{}
	w.walk(reflect.ValueOf(prg))
	if len(w.marked) == 0 {
		return src
	}
	type insert struct {
		at   int
		text string
	}
	var ins []insert
	for _, fn := range w.marked {
		at, text := int(fn.Body.LeftBrace), "arguments;" // just after the "{"
		for _, st := range fn.Body.List {
			es, ok := st.(*ast.ExpressionStatement)
			if !ok {
				break
			}
			if _, ok := es.Expression.(*ast.StringLiteral); !ok {
				break
			}
			at, text = int(st.Idx1())-1, ";arguments;"
		}
		if at < 0 || at > len(src) {
			return src
		}
		ins = append(ins, insert{at, text})
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

type argsWalker struct {
	fn     *ast.FunctionLiteral // the innermost function that is not an arrow (nil: top level)
	arrows int                  // arrow functions between fn and the node being walked
	mark   bool                 // an arrow inside fn reads arguments
	marked []*ast.FunctionLiteral
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
		switch v.Type() {
		case funcLitType:
			fn := v.Interface().(*ast.FunctionLiteral)
			outer, arrows, mark := w.fn, w.arrows, w.mark
			w.fn, w.arrows, w.mark = fn, 0, false
			w.walk(v.Elem())
			if w.mark && fn.Body != nil {
				w.marked = append(w.marked, fn)
			}
			w.fn, w.arrows, w.mark = outer, arrows, mark
			return
		case arrowLitType:
			w.arrows++
			w.walk(v.Elem())
			w.arrows--
			return
		case identType:
			if w.arrows > 0 && w.fn != nil && v.Interface().(*ast.Identifier).Name == "arguments" {
				w.mark = true
			}
			return
		}
		if v.Elem().Kind() == reflect.Struct {
			w.walk(v.Elem())
		}
	case reflect.Struct:
		if v.Type() == identType.Elem() { // held by value: a shorthand property, a member name
			if w.arrows > 0 && w.fn != nil && v.Interface().(ast.Identifier).Name == "arguments" {
				w.mark = true // (x.arguments too: reading arguments once more does no harm)
			}
			return
		}
		walkChildren(v, w.walk)
	case reflect.Slice:
		walkChildren(v, w.walk)
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

// addArgumentsRead puts `arguments;` first in body, after its directive prologue.
func addArgumentsRead(body *ast.BlockStatement) {
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
	read := &ast.ExpressionStatement{Expression: &ast.Identifier{Name: "arguments", Idx: body.LeftBrace}}
	list := make([]ast.Statement, 0, len(body.List)+1)
	list = append(list, body.List[:i]...)
	list = append(list, read)
	body.List = append(list, body.List[i:]...)
}
