package fs

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/gojs-dev/gojs/modules/internal/gluescope"
)

// TestGluePartsNames checks the parts of the glue (parts.go) against fs.js: a part names no
// name of fs.js's top level that it is not given (it would be a missing global when it runs),
// each binding.part(name)({...}) call gives the part exactly the names it takes, a part whose
// result fs.js destructures into its names (the helpers) returns exactly those, fs.js names
// nothing that only a part declares, and fs.js's kSyncSiteKeys are the sites part's keys.
func TestGluePartsNames(t *testing.T) {
	core, top, coreFree, err := gluescope.Glue("fs.js", glueCore)
	if err != nil {
		t.Fatal(err)
	}

	// the object each binding.part('name') call in fs.js is given
	given := map[string][]string{}
	taken := map[string][]string{}
	var calls func(v reflect.Value)
	calls = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				calls(v.Elem())
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				calls(v.Index(i))
			}
		case reflect.Struct:
			// ({ a, b } = binding.part('name')({...})): the names taken from what the part returns
			if a, ok := v.Addr().Interface().(*ast.AssignExpression); ok {
				if pat, ok := a.Left.(*ast.ObjectPattern); ok {
					if c, ok := a.Right.(*ast.CallExpression); ok {
						if inner, ok := c.Callee.(*ast.CallExpression); ok && len(inner.ArgumentList) == 1 {
							if sl, ok := inner.ArgumentList[0].(*ast.StringLiteral); ok {
								var keys []string
								for _, q := range pat.Properties {
									if ps, ok := q.(*ast.PropertyShort); ok {
										keys = append(keys, ps.Name.Name.String())
									}
								}
								sort.Strings(keys)
								taken[sl.Value.String()] = keys
							}
						}
					}
				}
			}
			if c, ok := v.Addr().Interface().(*ast.CallExpression); ok {
				if inner, ok := c.Callee.(*ast.CallExpression); ok && len(inner.ArgumentList) == 1 && len(c.ArgumentList) == 1 {
					if d, ok := inner.Callee.(*ast.DotExpression); ok && d.Identifier.Name == "part" {
						name := inner.ArgumentList[0].(*ast.StringLiteral).Value.String()
						obj, ok := c.ArgumentList[0].(*ast.ObjectLiteral)
						if !ok {
							t.Errorf("binding.part(%q) is not given an object literal", name)
							return
						}
						var keys []string
						for _, p := range obj.Value {
							switch q := p.(type) {
							case *ast.PropertyShort:
								keys = append(keys, q.Name.Name.String())
							case *ast.PropertyKeyed:
								keys = append(keys, q.Key.(*ast.StringLiteral).Value.String())
							}
						}
						sort.Strings(keys)
						if given[name] != nil {
							t.Errorf("binding.part(%q) is called twice", name)
						}
						given[name] = keys
					}
				}
			}
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					calls(v.Field(i))
				}
			}
		}
	}
	calls(reflect.ValueOf(core.Body))

	for _, name := range []string{"helpers", "sites", "promises", "streams", "watch", "cp", "dir"} {
		src := partSource(name)
		if src == nil {
			t.Fatalf("no part %q", name)
		}
		p, err := parser.ParseFile(nil, name, *src, 0)
		if err != nil {
			t.Fatalf("part %s: %v", name, err)
		}
		var fl *ast.FunctionLiteral
		if len(p.Body) == 1 {
			if es, ok := p.Body[0].(*ast.ExpressionStatement); ok {
				fl, _ = es.Expression.(*ast.FunctionLiteral)
			}
		}
		if fl == nil || len(fl.ParameterList.List) != 1 {
			t.Fatalf("part %s is not one function of one parameter", name)
		}
		pat, ok := fl.ParameterList.List[0].Target.(*ast.ObjectPattern)
		if !ok {
			t.Fatalf("part %s's parameter is not an object pattern", name)
		}
		var takes []string
		for _, q := range pat.Properties {
			ps, ok := q.(*ast.PropertyShort)
			if !ok || ps.Initializer != nil {
				t.Fatalf("part %s takes something other than plain names", name)
			}
			takes = append(takes, ps.Name.Name.String())
		}
		sort.Strings(takes)
		if !slices.Equal(takes, given[name]) {
			t.Errorf("part %s takes %v; fs.js gives it %v", name, takes, given[name])
		}
		f := gluescope.New()
		f.Walk(reflect.ValueOf(fl))
		for n := range f.Free {
			if top[n] {
				t.Errorf("part %s names fs.js's %s without being given it", name, n)
			}
		}
		// a part whose result fs.js destructures into its own names returns exactly those
		if want, ok := taken[name]; ok {
			var got []string
			if n := len(fl.Body.List); n > 0 {
				if r, ok := fl.Body.List[n-1].(*ast.ReturnStatement); ok {
					if o, ok := r.Argument.(*ast.ObjectLiteral); ok {
						for _, q := range o.Value {
							if ps, ok := q.(*ast.PropertyShort); ok {
								got = append(got, ps.Name.Name.String())
							}
						}
					}
				}
			}
			sort.Strings(got)
			if !slices.Equal(got, want) {
				t.Errorf("part %s returns %v; fs.js takes %v", name, got, want)
			}
			for _, n := range want {
				if !top[n] {
					t.Errorf("fs.js takes %s from part %s but does not declare it", n, name)
				}
			}
		}
		own := map[string]bool{}
		gluescope.Lexical(fl.Body.List, own)
		for n := range own {
			if coreFree.Free[n] {
				t.Errorf("fs.js names %s, which only part %s declares", n, name)
			}
		}
	}
	// fs.js's kSyncSiteKeys lists the keys of the sites part's nodeSyncSites
	if keys, ok := syncSiteKeys(core); !ok {
		t.Error("fs.js has no kSyncSiteKeys string")
	} else if table := objectKeys(t, *partSource("sites"), "nodeSyncSites"); !slices.Equal(keys, table) {
		t.Errorf("kSyncSiteKeys lists %v; fs_sites.js's nodeSyncSites has %v", keys, table)
	}
	for name := range given {
		if partSource(name) == nil {
			t.Errorf("fs.js asks for a part %q that parts.go does not have", name)
		}
	}
}

// syncSiteKeys is fs.js's kSyncSiteKeys ('|a|b|...|', a sum of string literals), sorted.
func syncSiteKeys(core *ast.FunctionLiteral) ([]string, bool) {
	for _, st := range core.Body.List {
		d, ok := st.(*ast.LexicalDeclaration)
		if !ok || len(d.List) != 1 {
			continue
		}
		if id, ok := d.List[0].Target.(*ast.Identifier); !ok || id.Name != "kSyncSiteKeys" {
			continue
		}
		var sb strings.Builder
		var add func(e ast.Expression) bool
		add = func(e ast.Expression) bool {
			switch x := e.(type) {
			case *ast.StringLiteral:
				sb.WriteString(x.Value.String())
				return true
			case *ast.BinaryExpression:
				return add(x.Left) && add(x.Right)
			}
			return false
		}
		if !add(d.List[0].Initializer) {
			return nil, false
		}
		keys := strings.Split(strings.Trim(sb.String(), "|"), "|")
		sort.Strings(keys)
		return keys, true
	}
	return nil, false
}

// objectKeys are the keys, sorted, of the object literal that src (a part) declares as name.
func objectKeys(t *testing.T, src, name string) []string {
	var keys []string
	var find func(v reflect.Value)
	find = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				find(v.Elem())
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				find(v.Index(i))
			}
		case reflect.Struct:
			if b, ok := v.Addr().Interface().(*ast.Binding); ok {
				if id, ok := b.Target.(*ast.Identifier); ok && id.Name.String() == name {
					if o, ok := b.Initializer.(*ast.ObjectLiteral); ok {
						for _, p := range o.Value {
							if k, ok := p.(*ast.PropertyKeyed); ok {
								switch key := k.Key.(type) {
								case *ast.StringLiteral:
									keys = append(keys, key.Value.String())
								case *ast.Identifier:
									keys = append(keys, key.Name.String())
								}
							}
						}
						return
					}
				}
			}
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					find(v.Field(i))
				}
			}
		}
	}
	prg, err := parser.ParseFile(nil, name, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	find(reflect.ValueOf(prg.Body))
	sort.Strings(keys)
	return keys
}
