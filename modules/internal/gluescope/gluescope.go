// Package gluescope is a small scope analysis of goja's syntax tree for tests of built-in glue
// that is split into parts compiled on first use (modules/fs, modules/crypto): which names a
// piece of code uses that none of its own scopes declares, and which names a statement list
// declares.
package gluescope

import (
	"reflect"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
)

// Glue parses src, a built-in's glue, wrapped in the function node's CommonJS loader gives it,
// and returns that function, the names its top level declares (its parameters, its lexical and
// var declarations) and the names it uses that none of its scopes declares.
func Glue(file, src string) (core *ast.FunctionLiteral, top map[string]bool, free *FreeNames, err error) {
	const wrap = "(function (exports, require, module, binding, internalBinding) {"
	prg, err := parser.ParseFile(nil, file, wrap+src+"\n})", 0)
	if err != nil {
		return nil, nil, nil, err
	}
	core = prg.Body[0].(*ast.ExpressionStatement).Expression.(*ast.FunctionLiteral)
	top = map[string]bool{}
	for _, b := range core.ParameterList.List {
		Target(b.Target, top)
	}
	Lexical(core.Body.List, top)
	for _, d := range core.DeclarationList {
		for _, b := range d.List {
			Target(b.Target, top)
		}
	}
	free = New()
	free.Walk(reflect.ValueOf(core))
	return core, top, free, nil
}

// New returns an empty FreeNames.
func New() *FreeNames { return &FreeNames{Free: map[string]bool{}} }

// FreeNames is a small scope analysis of goja's syntax tree: the names a piece of code reads or
// writes that none of its own scopes declares (globals, or names it expects from outside).
type FreeNames struct {
	scopes []map[string]bool
	Free   map[string]bool
}

func (f *FreeNames) declared(n string) bool {
	for i := len(f.scopes) - 1; i >= 0; i-- {
		if f.scopes[i][n] {
			return true
		}
	}
	return false
}

func (f *FreeNames) push() map[string]bool {
	s := map[string]bool{}
	f.scopes = append(f.scopes, s)
	return s
}

func (f *FreeNames) pop() { f.scopes = f.scopes[:len(f.scopes)-1] }

// Target declares the names a binding target binds in s.
func Target(t ast.Expression, s map[string]bool) {
	switch x := t.(type) {
	case *ast.Identifier:
		s[x.Name.String()] = true
	case *ast.ObjectPattern:
		for _, p := range x.Properties {
			switch q := p.(type) {
			case *ast.PropertyShort:
				s[q.Name.Name.String()] = true
			case *ast.PropertyKeyed:
				Target(q.Value, s)
			}
		}
		if x.Rest != nil {
			Target(x.Rest, s)
		}
	case *ast.ArrayPattern:
		for _, e := range x.Elements {
			if e != nil {
				Target(e, s)
			}
		}
		if x.Rest != nil {
			Target(x.Rest, s)
		}
	case *ast.AssignExpression: // a default in a pattern
		Target(x.Left, s)
	}
}

// Lexical declares in s the block-scoped declarations among list.
func Lexical(list []ast.Statement, s map[string]bool) {
	for _, st := range list {
		switch d := st.(type) {
		case *ast.LexicalDeclaration:
			for _, b := range d.List {
				Target(b.Target, s)
			}
		case *ast.FunctionDeclaration:
			s[d.Function.Name.Name.String()] = true
		case *ast.ClassDeclaration:
			s[d.Class.Name.Name.String()] = true
		}
	}
}

func (f *FreeNames) function(name *ast.Identifier, params *ast.ParameterList, vars []*ast.VariableDeclaration, body ast.Node, arrow bool) {
	s := f.push()
	defer f.pop()
	if name != nil {
		s[name.Name.String()] = true
	}
	if !arrow {
		s["arguments"] = true
	}
	if params != nil {
		for _, b := range params.List {
			Target(b.Target, s)
		}
		if params.Rest != nil {
			Target(params.Rest, s)
		}
	}
	for _, d := range vars {
		for _, b := range d.List {
			Target(b.Target, s)
		}
	}
	if params != nil {
		for _, b := range params.List {
			f.Walk(reflect.ValueOf(b.Target))
			f.Walk(reflect.ValueOf(b.Initializer))
		}
		f.Walk(reflect.ValueOf(params.Rest))
	}
	if b, ok := body.(*ast.BlockStatement); ok {
		Lexical(b.List, s)
		f.Walk(reflect.ValueOf(b.List))
		return
	}
	f.Walk(reflect.ValueOf(body))
}

func (f *FreeNames) Walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			f.Walk(v.Elem())
		}
		return
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			f.Walk(v.Index(i))
		}
		return
	case reflect.Struct:
	default:
		return
	}
	if !v.CanAddr() {
		p := reflect.New(v.Type())
		p.Elem().Set(v)
		v = p.Elem()
	}
	switch x := v.Addr().Interface().(type) {
	case *ast.Identifier:
		if n := x.Name.String(); !f.declared(n) {
			f.Free[n] = true
		}
		return
	case *ast.DotExpression:
		f.Walk(reflect.ValueOf(x.Left))
		return
	case *ast.PrivateDotExpression:
		f.Walk(reflect.ValueOf(x.Left))
		return
	case *ast.PropertyKeyed:
		if x.Computed {
			f.Walk(reflect.ValueOf(x.Key))
		}
		f.Walk(reflect.ValueOf(x.Value))
		return
	case *ast.MethodDefinition:
		if x.Computed {
			f.Walk(reflect.ValueOf(x.Key))
		}
		f.Walk(reflect.ValueOf(x.Body))
		return
	case *ast.FieldDefinition:
		if x.Computed {
			f.Walk(reflect.ValueOf(x.Key))
		}
		f.Walk(reflect.ValueOf(x.Initializer))
		return
	case *ast.LabelledStatement:
		f.Walk(reflect.ValueOf(x.Statement))
		return
	case *ast.BranchStatement, *ast.MetaProperty, *ast.PrivateIdentifier:
		return
	case *ast.FunctionLiteral:
		f.function(x.Name, x.ParameterList, x.DeclarationList, x.Body, false)
		return
	case *ast.ArrowFunctionLiteral:
		f.function(nil, x.ParameterList, x.DeclarationList, x.Body, true)
		return
	case *ast.ClassLiteral:
		f.Walk(reflect.ValueOf(x.SuperClass))
		s := f.push()
		if x.Name != nil {
			s[x.Name.Name.String()] = true
		}
		f.Walk(reflect.ValueOf(x.Body))
		f.pop()
		return
	case *ast.ClassDeclaration:
		f.Walk(reflect.ValueOf(x.Class))
		return
	case *ast.FunctionDeclaration:
		f.Walk(reflect.ValueOf(x.Function))
		return
	case *ast.BlockStatement:
		Lexical(x.List, f.push())
		f.Walk(reflect.ValueOf(x.List))
		f.pop()
		return
	case *ast.SwitchStatement:
		f.Walk(reflect.ValueOf(x.Discriminant))
		s := f.push()
		for _, c := range x.Body {
			Lexical(c.Consequent, s)
		}
		f.Walk(reflect.ValueOf(x.Body))
		f.pop()
		return
	case *ast.CatchStatement:
		s := f.push()
		if x.Parameter != nil {
			Target(x.Parameter, s)
		}
		f.Walk(reflect.ValueOf(x.Parameter))
		f.Walk(reflect.ValueOf(x.Body))
		f.pop()
		return
	case *ast.ForStatement:
		s := f.push()
		if l, ok := x.Initializer.(*ast.ForLoopInitializerLexicalDecl); ok {
			for _, b := range l.LexicalDeclaration.List {
				Target(b.Target, s)
			}
		}
		f.Walk(reflect.ValueOf(x.Initializer))
		f.Walk(reflect.ValueOf(x.Test))
		f.Walk(reflect.ValueOf(x.Update))
		f.Walk(reflect.ValueOf(x.Body))
		f.pop()
		return
	case *ast.ForInStatement:
		s := f.push()
		if d, ok := x.Into.(*ast.ForDeclaration); ok {
			Target(d.Target, s)
		}
		f.Walk(reflect.ValueOf(x.Into))
		f.Walk(reflect.ValueOf(x.Source))
		f.Walk(reflect.ValueOf(x.Body))
		f.pop()
		return
	case *ast.ForOfStatement:
		s := f.push()
		if d, ok := x.Into.(*ast.ForDeclaration); ok {
			Target(d.Target, s)
		}
		f.Walk(reflect.ValueOf(x.Into))
		f.Walk(reflect.ValueOf(x.Source))
		f.Walk(reflect.ValueOf(x.Body))
		f.pop()
		return
	}
	for i := 0; i < v.NumField(); i++ {
		if v.Type().Field(i).IsExported() {
			f.Walk(v.Field(i))
		}
	}
}
