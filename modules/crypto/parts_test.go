package crypto

import (
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/gojs-dev/gojs/modules/internal/gluescope"
)

// TestGluePartsNames checks the parts of the glue (parts.go) against the glue that loads them
// (crypto.js, webcrypto.js): a part names no name of that glue's top level (or of another part's)
// that it is not given (it would be a missing global when it runs), each binding.part(name)({...})
// call gives the part exactly the names it takes, none of them a top-level let or var of the glue
// (the part would keep the value it had when it was made) but webcrypto.js's I, which its init
// sets before any part can load, and the glue names nothing that only a part declares.
func TestGluePartsNames(t *testing.T) {
	checkParts(t, "crypto.js", cryptoJS, nil)
	checkParts(t, "webcrypto.js", webcryptoJS, map[string]bool{"I": true})
	// atNativeSite takes the frames of every part's file for the glue's own
	// (and those of node's files that the glue's "// at:" marks place frames in)
	line := cryptoJS[strings.Index(cryptoJS, "const kGlueFrame = /")+len("const kGlueFrame = /"):]
	line = line[:strings.Index(line, "/;\n")]
	re, err := regexp.Compile(line)
	if err != nil {
		t.Fatalf("kGlueFrame: %v", err)
	}
	for _, p := range GlueParts {
		if p.Owner != "crypto.js" {
			continue
		}
		for _, frame := range []string{"    at f (" + p.File + ":1:2)", "    at " + p.File + ":1:2"} {
			if !re.MatchString(frame) {
				t.Errorf("crypto.js's kGlueFrame does not take part %s's frame %q", p.Name, frame)
			}
		}
	}
	for _, frame := range []string{"    at check (node:internal/crypto/pbkdf2:1:2)", "    at Object.createHash (node:crypto:1:2)"} {
		if !re.MatchString(frame) {
			t.Errorf("crypto.js's kGlueFrame does not take the marks' frame %q", frame)
		}
	}
}

func checkParts(t *testing.T, file, src string, setOnce map[string]bool) {
	core, top, coreFree, err := gluescope.Glue(file, src)
	if err != nil {
		t.Fatal(err)
	}
	// (the top-level lets and vars: a part given one keeps the value it had when it was made)
	mutable := map[string]bool{}
	for _, st := range core.Body.List {
		if d, ok := st.(*ast.LexicalDeclaration); ok && d.Token.String() == "let" {
			for _, b := range d.List {
				gluescope.Target(b.Target, mutable)
			}
		}
	}
	for _, d := range core.DeclarationList {
		for _, b := range d.List {
			gluescope.Target(b.Target, mutable)
		}
	}

	// the object each binding.part('name') call in crypto.js is given
	given := map[string][]string{}
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
							ps, ok := p.(*ast.PropertyShort)
							if !ok {
								t.Errorf("binding.part(%q) is given something other than plain names", name)
								continue
							}
							keys = append(keys, ps.Name.Name.String())
						}
						sort.Strings(keys)
						if given[name] != nil {
							t.Errorf("%s calls binding.part(%q) twice", file, name)
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

	// every part's top-level names
	partTop := map[string]map[string]bool{}
	parts := map[string]*ast.FunctionLiteral{}
	var own []GluePart
	for _, p := range GlueParts {
		if p.Owner == file {
			own = append(own, p)
		}
	}
	for _, p := range own {
		fp, err := parser.ParseFile(nil, p.Name, *p.Source, 0)
		if err != nil {
			t.Fatalf("part %s: %v", p.Name, err)
		}
		var fl *ast.FunctionLiteral
		if len(fp.Body) == 1 {
			if es, ok := fp.Body[0].(*ast.ExpressionStatement); ok {
				fl, _ = es.Expression.(*ast.FunctionLiteral)
			}
		}
		if fl == nil || len(fl.ParameterList.List) != 1 {
			t.Fatalf("part %s is not one function of one parameter", p.Name)
		}
		parts[p.Name] = fl
		own := map[string]bool{}
		gluescope.Lexical(fl.Body.List, own)
		partTop[p.Name] = own
	}
	for _, p := range own {
		fl := parts[p.Name]
		pat, ok := fl.ParameterList.List[0].Target.(*ast.ObjectPattern)
		if !ok {
			t.Fatalf("part %s's parameter is not an object pattern", p.Name)
		}
		var takes []string
		for _, q := range pat.Properties {
			ps, ok := q.(*ast.PropertyShort)
			if !ok || ps.Initializer != nil {
				t.Fatalf("part %s takes something other than plain names", p.Name)
			}
			takes = append(takes, ps.Name.Name.String())
		}
		sort.Strings(takes)
		if !slices.Equal(takes, given[p.Name]) {
			t.Errorf("part %s takes %v; %s gives it %v", p.Name, takes, file, given[p.Name])
		}
		for _, n := range given[p.Name] {
			if mutable[n] && !setOnce[n] {
				t.Errorf("part %s is given %s, a let or var of %s: it would keep its first value", p.Name, n, file)
			}
		}
		f := gluescope.New()
		f.Walk(reflect.ValueOf(fl))
		for n := range f.Free {
			if top[n] {
				t.Errorf("part %s names %s's %s without being given it", p.Name, file, n)
			}
			for _, q := range own {
				if q.Name != p.Name && partTop[q.Name][n] {
					t.Errorf("part %s names part %s's %s without being given it", p.Name, q.Name, n)
				}
			}
		}
		for n := range partTop[p.Name] {
			if coreFree.Free[n] {
				t.Errorf("%s names %s, which only part %s declares", file, n, p.Name)
			}
		}
	}
	for name := range given {
		if !slices.ContainsFunc(own, func(p GluePart) bool { return p.Name == name }) {
			t.Errorf("%s asks for a part %q that parts.go does not have for it", file, name)
		}
	}
}
