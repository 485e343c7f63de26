// Package gluepartstest checks a glue split into parts (modules.GluePart) against its parts'
// names, for the tests of the modules whose glue has parts. Only tests import it.
package gluepartstest

import (
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/internal/gluescope"
)

// Check fails t when the glue *src's parts (modules.GluePart) do not fit the rest of it: each
// binding.part(name)({...}) call gives the part exactly the names it takes, a part names no
// top-level name of the glue that it is not given (it would be a missing global when it runs),
// the glue names nothing only a part declares, no name given to a part is ever assigned (the part
// would keep the value it was given) and each part is asked for once.
func Check(t *testing.T, src *string) {
	t.Helper()
	coreSrc, parts, err := modules.GluePartSources(src)
	if err != nil {
		t.Fatal(err)
	}
	core, top, coreFree, err := gluescope.Glue("core", coreSrc)
	if err != nil {
		t.Fatal(err)
	}
	coreAssigned := assignedNames(core.Body)

	// the names each binding.part('name')({...}) call gives
	given := map[string][]string{}
	eachNode(reflect.ValueOf(core.Body), func(n any) {
		c, ok := n.(*ast.CallExpression)
		if !ok || len(c.ArgumentList) != 1 {
			return
		}
		inner, ok := c.Callee.(*ast.CallExpression)
		if !ok || len(inner.ArgumentList) != 1 {
			return
		}
		d, ok := inner.Callee.(*ast.DotExpression)
		if !ok || d.Identifier.Name != "part" {
			return
		}
		sl, ok := inner.ArgumentList[0].(*ast.StringLiteral)
		if !ok {
			t.Errorf("binding.part is not given a string literal")
			return
		}
		name := sl.Value.String()
		obj, ok := c.ArgumentList[0].(*ast.ObjectLiteral)
		if !ok {
			t.Errorf("binding.part(%q) is not given an object literal", name)
			return
		}
		keys := []string{}
		for _, p := range obj.Value {
			ps, ok := p.(*ast.PropertyShort)
			if !ok {
				t.Errorf("binding.part(%q) is given something other than plain names", name)
				continue
			}
			keys = append(keys, ps.Name.Name.String())
		}
		sort.Strings(keys)
		if given[name] != nil {
			t.Errorf("binding.part(%q) is called twice", name)
		}
		given[name] = keys
	})

	for name, psrc := range parts {
		p, err := parser.ParseFile(nil, name, psrc, 0)
		if err != nil {
			t.Errorf("part %s: %v", name, err)
			continue
		}
		var fl *ast.FunctionLiteral
		if len(p.Body) == 1 {
			if es, ok := p.Body[0].(*ast.ExpressionStatement); ok {
				fl, _ = es.Expression.(*ast.FunctionLiteral)
			}
		}
		if fl == nil || len(fl.ParameterList.List) != 1 || fl.ParameterList.Rest != nil {
			t.Errorf("part %s is not one function of one parameter", name)
			continue
		}
		pat, ok := fl.ParameterList.List[0].Target.(*ast.ObjectPattern)
		if !ok || pat.Rest != nil {
			t.Errorf("part %s's parameter is not an object pattern", name)
			continue
		}
		takes := []string{}
		for _, q := range pat.Properties {
			ps, ok := q.(*ast.PropertyShort)
			if !ok || ps.Initializer != nil {
				t.Errorf("part %s takes something other than plain names", name)
				continue
			}
			takes = append(takes, ps.Name.Name.String())
		}
		sort.Strings(takes)
		if g, ok := given[name]; !ok {
			t.Errorf("part %s is never asked for", name)
		} else if !slices.Equal(takes, g) {
			t.Errorf("part %s takes %v; the glue gives it %v", name, takes, g)
		}
		f := gluescope.New()
		f.Walk(reflect.ValueOf(fl))
		for n := range f.Free {
			if top[n] {
				t.Errorf("part %s names the glue's %s without being given it", name, n)
			}
		}
		partAssigned := assignedNames(fl.Body)
		for _, n := range takes {
			if coreAssigned[n] {
				t.Errorf("the glue assigns %s, which it gives part %s (the part keeps the first value)", n, name)
			}
			if partAssigned[n] {
				t.Errorf("part %s assigns %s, which it is given (the glue's stays as it was)", name, n)
			}
		}
		own := map[string]bool{}
		gluescope.Lexical(fl.Body.List, own)
		for n := range own {
			if coreFree.Free[n] && !top[n] {
				t.Errorf("the glue names %s, which only part %s declares", n, name)
			}
		}
	}
	for name := range given {
		if _, ok := parts[name]; !ok {
			t.Errorf("the glue asks for a part %q it does not have", name)
		}
	}
}

// assignedNames are the plain names assigned (=, op=, ++, --) anywhere in n, whatever scope
// they are in.
func assignedNames(n any) map[string]bool {
	names := map[string]bool{}
	eachNode(reflect.ValueOf(n), func(n any) {
		switch x := n.(type) {
		case *ast.AssignExpression:
			switch x.Left.(type) {
			case *ast.Identifier, *ast.ObjectPattern, *ast.ArrayPattern:
				gluescope.Target(x.Left, names)
			}
		case *ast.UnaryExpression:
			if id, ok := x.Operand.(*ast.Identifier); ok && (x.Operator == token.INCREMENT || x.Operator == token.DECREMENT) {
				names[id.Name.String()] = true
			}
		}
	})
	return names
}

// eachNode calls fn with a pointer to every struct of goja's syntax tree under v.
func eachNode(v reflect.Value, fn func(any)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachNode(v.Elem(), fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			eachNode(v.Index(i), fn)
		}
	case reflect.Struct:
		if !v.CanAddr() {
			p := reflect.New(v.Type())
			p.Elem().Set(v)
			v = p.Elem()
		}
		fn(v.Addr().Interface())
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				eachNode(v.Field(i), fn)
			}
		}
	}
}
