package runtime

import (
	"encoding/json"
	"reflect"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
)

// A module namespace object's exports are data properties in V8 (writable, enumerable,
// non-configurable) whose values follow the module's bindings. The loader's namespaces read
// each export through a getter while the module evaluates; once it has, an export whose binding
// no function can assign any more keeps the value it has then, and only the others stay live
// (see esm.js, finalizeNamespace). nsInfoMarker starts the comment line of a transformed ES
// module that says which: for each name of its __export call, 0 (its binding is never assigned
// inside a function: fixed once the module ran), 1 (live), or [specifier, name] (a re-export,
// as fixed as that module's export). A module without the line has every export live.
const nsInfoMarker = "\n//# gojsNamespace="

// recordNamespaceInfo appends the nsInfoMarker line to code, a transformed ES module (not one
// with top-level await, whose body runs in an async function).
func recordNamespaceInfo(code string) string {
	at := strings.LastIndex(code, "\n//# sourceMappingURL=")
	if at < 0 {
		at = len(code)
	}
	info := namespaceInfo(code[:at])
	if info == "" {
		return code
	}
	return code[:at] + nsInfoMarker + info + code[at:]
}

// namespaceInfoOf reads the nsInfoMarker line of code ("" when there is none).
func namespaceInfoOf(code string) string {
	i := strings.LastIndex(code, nsInfoMarker)
	if i < 0 {
		return ""
	}
	line := code[i+len(nsInfoMarker):]
	if nl := strings.IndexByte(line, '\n'); nl >= 0 {
		line = line[:nl]
	}
	return line
}

// namespaceInfo is the JSON object of the nsInfoMarker line for code, "" when its shape is not
// the one expected (no __export call, a direct eval that could assign any binding).
func namespaceInfo(code string) (info string) {
	if !strings.Contains(code, "__export(") {
		return ""
	}
	defer func() {
		if recover() != nil {
			info = "" // (goja's parser panics on some input its compiler takes: a template with \u{10FFFF})
		}
	}()
	prog, err := parser.ParseFile(nil, "", code, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return ""
	}
	var getters *ast.ObjectLiteral
	imports := map[string]string{} // var name -> specifier of its __gojs_require
	for _, st := range prog.Body {
		switch s := st.(type) {
		case *ast.ExpressionStatement:
			c, ok := s.Expression.(*ast.CallExpression)
			if !ok || getters != nil || len(c.ArgumentList) != 2 {
				continue
			}
			if id, ok := c.Callee.(*ast.Identifier); ok && id.Name == "__export" {
				getters, _ = c.ArgumentList[1].(*ast.ObjectLiteral)
			}
		case *ast.VariableStatement:
			for _, b := range s.List {
				id, ok := b.Target.(*ast.Identifier)
				if !ok {
					continue
				}
				if spec, ok := requireSpec(b.Initializer); ok {
					imports[string(id.Name)] = spec
				}
			}
		}
	}
	if getters == nil {
		return ""
	}
	assigned, evals := assignedInFunctions(prog)
	if evals {
		return ""
	}
	fixed := map[string]any{}
	for _, p := range getters.Value {
		pk, ok := p.(*ast.PropertyKeyed)
		if !ok || pk.Computed {
			return ""
		}
		var name string
		switch k := pk.Key.(type) {
		case *ast.StringLiteral:
			name = string(k.Value)
		case *ast.Identifier:
			name = string(k.Name)
		default:
			return ""
		}
		fixed[name] = 1
		arrow, ok := pk.Value.(*ast.ArrowFunctionLiteral)
		if !ok {
			continue
		}
		body, ok := arrow.Body.(*ast.ExpressionBody)
		if !ok {
			continue
		}
		switch e := body.Expression.(type) {
		case *ast.Identifier:
			if !assigned[string(e.Name)] {
				fixed[name] = 0
			}
		case *ast.DotExpression:
			if id, ok := e.Left.(*ast.Identifier); ok && !assigned[string(id.Name)] {
				if spec, ok := imports[string(id.Name)]; ok {
					fixed[name] = []string{spec, string(e.Identifier.Name)}
				}
			}
		}
	}
	data, err := json.Marshal(fixed)
	if err != nil {
		return ""
	}
	return string(data)
}

// requireSpec reads the specifier of __gojs_require("s") or __toESM(__gojs_require("s"), 1).
func requireSpec(e ast.Expression) (string, bool) {
	c, ok := e.(*ast.CallExpression)
	if !ok {
		return "", false
	}
	if id, ok := c.Callee.(*ast.Identifier); ok && id.Name == "__toESM" && len(c.ArgumentList) > 0 {
		return requireSpec(c.ArgumentList[0])
	}
	if id, ok := c.Callee.(*ast.Identifier); !ok || id.Name != "__gojs_require" || len(c.ArgumentList) != 1 {
		return "", false
	}
	s, ok := c.ArgumentList[0].(*ast.StringLiteral)
	if !ok {
		return "", false
	}
	return string(s.Value), true
}

// targetNames adds the names a destructuring or plain assignment target e binds to set.
func targetNames(e any, set map[string]bool) {
	switch t := e.(type) {
	case *ast.Identifier:
		set[string(t.Name)] = true
	case *ast.ArrayPattern:
		listTargetNames(t.Elements, t.Rest, set)
	case *ast.ArrayLiteral:
		listTargetNames(t.Value, nil, set)
	case *ast.ObjectPattern:
		listTargetNames(t.Properties, t.Rest, set)
	case *ast.ObjectLiteral:
		listTargetNames(t.Value, nil, set)
	case *ast.PropertyShort:
		set[string(t.Name.Name)] = true
	case *ast.PropertyKeyed:
		targetNames(t.Value, set)
	case *ast.SpreadElement:
		targetNames(t.Expression, set)
	case *ast.AssignExpression: // (a default value)
		targetNames(t.Left, set)
	case *ast.Binding:
		targetNames(t.Target, set)
	}
}

// listTargetNames adds the names the elements of a pattern or literal, and its rest element
// (nil when it has none), bind to set.
func listTargetNames[T any](list []T, rest ast.Expression, set map[string]bool) {
	for _, el := range list {
		targetNames(el, set)
	}
	if rest != nil {
		targetNames(rest, set)
	}
}

// intoNames adds the names the target of a for-in or for-of loop binds to set (none for a
// declaration, which is its own).
func intoNames(into ast.ForInto, set map[string]bool) {
	if e, ok := into.(*ast.ForIntoExpression); ok {
		targetNames(e.Expression, set)
	}
}

// assignedInFunctions returns the names assigned (=, op=, ++, --, a for-in/of target, any name
// of a destructuring target) by code inside a function, a method or a class body of prog: the
// bindings that can change after the module's top level has run. Shadowing is not looked at
// (a local of the same name counts). evals tells whether prog calls eval.
func assignedInFunctions(prog *ast.Program) (assigned map[string]bool, evals bool) {
	assigned = map[string]bool{}
	var walk func(v reflect.Value, inFunc bool)
	walk = func(v reflect.Value, inFunc bool) {
		switch v.Kind() {
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem(), inFunc)
			}
			return
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), inFunc)
			}
			return
		case reflect.Pointer:
			if v.IsNil() || !v.CanInterface() {
				return
			}
			switch n := v.Interface().(type) {
			case *file.File:
				return
			case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral, *ast.ClassLiteral:
				inFunc = true
			case *ast.AssignExpression:
				if inFunc {
					targetNames(n.Left, assigned)
				}
			case *ast.UnaryExpression:
				if inFunc && (n.Operator == token.INCREMENT || n.Operator == token.DECREMENT) {
					targetNames(n.Operand, assigned)
				}
			case *ast.ForInStatement:
				if inFunc {
					intoNames(n.Into, assigned)
				}
			case *ast.ForOfStatement:
				if inFunc {
					intoNames(n.Into, assigned)
				}
			case *ast.CallExpression:
				if id, ok := n.Callee.(*ast.Identifier); ok && id.Name == "eval" {
					evals = true
				}
			}
			walk(v.Elem(), inFunc)
			return
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				f := v.Field(i)
				if k := f.Kind(); k == reflect.Interface || k == reflect.Pointer || k == reflect.Slice || k == reflect.Struct {
					walk(f, inFunc)
				}
			}
		}
	}
	walk(reflect.ValueOf(prog), false)
	return assigned, evals
}
