package repl

import (
	"reflect"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
)

// awaitPrefix is the wrapper node's REPL puts around an input with a top-level await.
const awaitPrefix = "(async () => { "

// returnOutside is what processTopLevelAwait returns for an input with a return outside any
// function: node runs such an input unwrapped (a script, where the return is a syntax error).
const returnOutside = "\x00return"

// processTopLevelAwait rewrites a REPL input that awaits at its top level into the script node's
// REPL runs for it (lib/internal/repl/await.js): the input becomes the body of an async arrow
// that is called at once; its top-level let/const/class declarations and every var and function
// declaration outside nested functions are declared before the arrow (so they outlive the call,
// as they would in a script) and turned into assignments in it; the value of a last expression
// statement is returned boxed (`return { value: (expr) }`), so a promise it evaluates to is not
// awaited. It returns "" when node would not rewrite the input (no await outside functions, or
// an input the wrapper does not parse: the caller's checks report those), returnOutside for a
// return outside functions.
// REPL inputs only: not on any hot path.
func processTopLevelAwait(src string) string {
	wrapped := awaitPrefix + src + " })()"
	prg, err := parser.ParseFile(nil, "", wrapped, 0)
	if err != nil || len(prg.Body) != 1 {
		return ""
	}
	es, ok := prg.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return ""
	}
	call, ok := es.Expression.(*ast.CallExpression)
	if !ok {
		return ""
	}
	arrow, ok := call.Callee.(*ast.ArrowFunctionLiteral)
	if !ok {
		return ""
	}
	body, ok := arrow.Body.(*ast.BlockStatement)
	if !ok {
		return ""
	}
	w := &awaitWalker{src: wrapped, parts: make([]string, len(wrapped))}
	for i := 0; i < len(wrapped); i++ {
		w.parts[i] = wrapped[i : i+1]
	}
	for _, st := range body.List {
		w.statement(st, true)
	}
	if w.containsReturn {
		return returnOutside
	}
	if !w.containsAwait {
		return ""
	}
	for i := len(body.List) - 1; i >= 0; i-- {
		st := body.List[i]
		if _, empty := st.(*ast.EmptyStatement); empty {
			continue
		}
		if es, ok := st.(*ast.ExpressionStatement); ok {
			// The statement starts at the first of the parentheses before its expression's first
			// token (the parser's start of `(f)()` is f, node's the parenthesis): the box opens
			// there, so `return` comes before any of them.
			start := w.off(es.Expression.Idx0())
			stmt := start
			for j := start - 1; j >= 0; j-- {
				c := wrapped[j]
				if c == '(' {
					stmt = j
				} else if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
					break
				}
			}
			w.prepend(stmt, "return { value: (")
			// The parser's end of an expression can stop before closing parentheses of its own
			// (`await (a, b)` ends at b): the box closes after the first of them that leaves a
			// script that parses.
			end := w.off(es.Expression.Idx1())
			ends := []int{end}
			for j := end; j < len(wrapped); j++ {
				if c := wrapped[j]; c == ')' {
					ends = append(ends, j+1)
				} else if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
					break
				}
			}
			for _, e := range ends {
				saved := w.parts[e-1]
				w.append(e, ") }")
				out := strings.Join(w.hoisted, "") + strings.Join(w.parts, "")
				if _, err := parser.ParseFile(nil, "", out, 0); err == nil || e == ends[len(ends)-1] {
					return out
				}
				w.parts[e-1] = saved
			}
		}
		break
	}
	return strings.Join(w.hoisted, "") + strings.Join(w.parts, "")
}

// awaitWalker holds the rewrite of one input: the wrapped source as one part per byte (a part
// grows as text is put before or after it, or empties as text is taken out), the declarations
// to put before it, and what the walk found.
type awaitWalker struct {
	src            string
	parts          []string
	hoisted        []string
	containsAwait  bool
	containsReturn bool
}

// off is the byte offset of a parser position (positions count from 1).
func (w *awaitWalker) off(i file.Idx) int { return int(i) - 1 }

// prepend puts str before the byte at offset at; append puts it after the byte before end.
func (w *awaitWalker) prepend(at int, str string) { w.parts[at] = str + w.parts[at] }
func (w *awaitWalker) append(end int, str string) { w.parts[end-1] += str }

// replace takes out the bytes from..to and puts str in their place.
func (w *awaitWalker) replace(from, to int, str string) {
	for i := from; i < to; i++ {
		w.parts[i] = ""
	}
	if from == to {
		str += w.parts[from]
	}
	w.parts[from] = str
}

var (
	identType  = reflect.TypeOf(ast.Identifier{})
	bindingPtr = reflect.TypeOf((*ast.Binding)(nil))
)

// statement visits a statement of the input (top: one of the arrow body's own).
func (w *awaitWalker) statement(st ast.Statement, top bool) {
	switch n := st.(type) {
	case *ast.FunctionDeclaration:
		// (its body is a function of its own: not walked)
		// (node 20's: the declaration stays, so what follows it on the line still parses, and
		// copies itself to the REPL's global once hoisted)
		name := string(n.Function.Name.Name)
		w.prepend(w.off(n.Idx0()), "this."+name+" = "+name+"; ")
		w.hoisted = append(w.hoisted, "var "+name+"; ")
		return
	case *ast.ClassDeclaration:
		if top && n.Class.Name != nil {
			name := string(n.Class.Name.Name)
			w.prepend(w.off(n.Idx0()), name+"=")
			w.hoisted = append(w.hoisted, "let "+name+"; ")
		}
		w.walk(reflect.ValueOf(n.Class))
		return
	case *ast.VariableStatement:
		w.declaration("var", w.off(n.Var), n.List, false)
		w.walk(reflect.ValueOf(n.List))
		return
	case *ast.LexicalDeclaration:
		if top {
			w.declaration(n.Token.String(), w.off(n.Idx), n.List, false)
		}
		w.walk(reflect.ValueOf(n.List))
		return
	case *ast.ReturnStatement:
		w.containsReturn = true
	case *ast.ForStatement:
		if d, ok := n.Initializer.(*ast.ForLoopInitializerVarDeclList); ok && len(d.List) > 0 {
			// (the parser may keep no place for the keyword: it is the `var` before the list)
			at := w.off(d.Var)
			if d.Var == 0 {
				at = strings.LastIndex(w.src[:w.off(d.List[0].Idx0())], "var")
			}
			if at < 0 {
				return
			}
			w.declaration("var", at, d.List, false)
			w.walk(reflect.ValueOf(d.List))
			w.walk(reflect.ValueOf(n.Test))
			w.walk(reflect.ValueOf(n.Update))
			w.statement(n.Body, false)
			return
		}
	case *ast.ForInStatement:
		if w.forIntoVar(n.Into) {
			w.walk(reflect.ValueOf(n.Source))
			w.statement(n.Body, false)
			return
		}
	case *ast.ForOfStatement:
		if w.forIntoVar(n.Into) {
			w.walk(reflect.ValueOf(n.Source))
			w.statement(n.Body, false)
			return
		}
	}
	w.walk(reflect.ValueOf(st).Elem())
}

// forIntoVar rewrites `for (var x of/in ...)` to `for (x of/in ...)` with x declared before the
// arrow, and says whether the loop declared with var.
func (w *awaitWalker) forIntoVar(into ast.ForInto) bool {
	v, ok := into.(*ast.ForIntoVar)
	if !ok {
		return false
	}
	// (the parser keeps no place for the keyword: it is the `var` before the binding)
	at := w.off(v.Binding.Idx0())
	kw := strings.LastIndex(w.src[:at], "var")
	if kw < 0 {
		return false
	}
	w.declaration("var", kw, []*ast.Binding{v.Binding}, true)
	w.walk(reflect.ValueOf(v.Binding))
	return true
}

// declaration rewrites a declaration of kind at offset start as node's REPL does: `let a = 1, b`
// becomes `void ((a = 1), (b=undefined))` with `let a, b; ` put before the arrow (var stays
// var); in a for-in/of head the keyword is only taken out.
func (w *awaitWalker) declaration(kind string, start int, list []*ast.Binding, iterable bool) {
	if len(list) == 0 {
		return
	}
	if iterable {
		w.replace(start, start+len(kind)+1, "")
	} else {
		repl := "void"
		if len(list) != 1 {
			repl = "void ("
		}
		w.replace(start, start+len(kind), repl)
		for _, b := range list {
			w.prepend(w.off(b.Idx0()), "(")
			if b.Initializer != nil {
				w.append(w.off(b.Idx1()), ")")
			} else {
				w.append(w.off(b.Idx1()), "=undefined)")
			}
		}
		if len(list) != 1 {
			w.append(w.off(list[len(list)-1].Idx1()), ")")
		}
	}
	var names []string
	for _, b := range list {
		names = bindingNames(b.Target, names)
	}
	if len(names) > 0 {
		if kind != "var" {
			kind = "let"
		}
		w.hoisted = append(w.hoisted, kind+" "+strings.Join(names, ", ")+"; ")
	}
}

// bindingNames adds the names a binding target declares as node 20's REPL finds them: plain
// identifiers, object pattern values and rest, array pattern elements; a name with a default
// value or an array rest is not hoisted (in sloppy code its assignment makes a global).
func bindingNames(t ast.Node, names []string) []string {
	switch n := t.(type) {
	case *ast.Identifier:
		names = append(names, string(n.Name))
	case *ast.ObjectPattern:
		for _, p := range n.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				if p.Initializer == nil {
					names = append(names, string(p.Name.Name))
				}
			case *ast.PropertyKeyed:
				names = bindingNames(p.Value, names)
			}
		}
		if n.Rest != nil {
			names = bindingNames(n.Rest, names)
		}
	case *ast.ArrayPattern:
		for _, e := range n.Elements {
			if e != nil {
				names = bindingNames(e, names)
			}
		}
	}
	return names
}

// walk looks through any AST value for awaits, returns and nested statements, without going
// into functions (their awaits, returns and declarations are their own).
func (w *awaitWalker) walk(v reflect.Value) {
	if !v.IsValid() {
		return
	}
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem())
		}
		return
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			w.walk(v.Index(i))
		}
		return
	case reflect.Ptr:
		if v.IsNil() {
			return
		}
		switch n := v.Interface().(type) {
		case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
			return
		case *ast.AwaitExpression:
			w.containsAwait = true
		case ast.Statement:
			if v.Type() != bindingPtr {
				if _, isExpr := n.(ast.Expression); !isExpr {
					w.statement(n, false)
					return
				}
			}
		}
		w.walk(v.Elem())
		return
	case reflect.Struct:
		if v.Type() == identType {
			return
		}
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			if !v.Type().Field(i).IsExported() {
				continue
			}
			switch f.Kind() {
			case reflect.Interface, reflect.Slice, reflect.Ptr, reflect.Struct:
				w.walk(f)
			}
		}
	}
}
