package modules

import (
	"reflect"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
)

// goja makes an async method (`class C { async m() {} }`, `{ async m() {} }`) with
// Function.prototype as its prototype where V8 gives it AsyncFunction.prototype, so the usual
// test for an async function, `fn.constructor.name === 'AsyncFunction'` (aedes refuses to
// start without it; readable-stream, hookified, eta use it), and `fn instanceof AsyncFunction`
// fail for methods. FixAsyncMethods hands each class and object literal that has an async method
// to AsyncMethodsHelper, a function of the global scope (the runtime defines it: see
// runtime/asyncmethods.go), which gives the async methods their right prototype:
//   - a class gets a last element `static { typeof H === "function" && H(this) }`, which runs
//     once the class's methods exist (H sees the class and its prototype);
//   - an object literal becomes `(typeof H === "function" ? H : Object)({...})` (Object(o) is o,
//     where the helper is missing: a vm context's global).
// Private async methods are left as they are. Only the AST changes: positions in stacks and
// errors stay the source's.

// AsyncMethodsHelper is the name of the global function FixAsyncMethods's code calls: a binding
// of the global scope that no source can name (not an identifier), so none declares or shadows
// it.
const AsyncMethodsHelper = "%gojs_asyncMethods"

var (
	objLitType = reflect.TypeOf((*ast.ObjectLiteral)(nil))
)

// FixAsyncMethods works around that goja bug in a parsed program (src is its source, to skip the
// walk when it cannot apply).
func FixAsyncMethods(prg *ast.Program, src string) {
	offs := asyncMethodOffsets(src)
	if len(offs) == 0 {
		return
	}
	w := &amWalker{offs: offs, done: map[ast.Node]bool{}}
	defer func() { _ = recover() }() // (as FixNewTarget: what was rewritten so far stays)
	w.walk(reflect.ValueOf(prg))
}

// asyncMethodOffsets returns the offsets in src of each word async that may begin an async
// method: not a member name (x.async), not followed by `(` (a call, an arrow's parameters, a
// method named async), `=`, `:` or `,` (a variable or property named async) or `function`.
func asyncMethodOffsets(src string) []int {
	var offs []int
	for i := 0; ; {
		j := strings.Index(src[i:], "async")
		if j < 0 {
			return offs
		}
		at := i + j
		i = at + len("async")
		if at > 0 && (isIdentByte(src[at-1]) || src[at-1] == '.') || i < len(src) && isIdentByte(src[i]) {
			continue
		}
		rest := strings.TrimLeft(src[i:], " \t")
		if rest == "" || strings.IndexByte("(=:,;)}\r\n", rest[0]) >= 0 || strings.HasPrefix(rest, "function") {
			continue
		}
		offs = append(offs, at)
	}
}

type amWalker struct {
	offs []int
	done map[ast.Node]bool // classes and literals already seen (a node the walk meets twice)
}

func (w *amWalker) holds(n ast.Node) bool { return nearOffsets(w.offs, n) }

func (w *amWalker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		if ol, ok := v.Interface().(*ast.ObjectLiteral); ok && v.CanSet() && v.Type() == expressionType {
			if !w.holds(ol) || w.done[ol] {
				return
			}
			w.done[ol] = true
			w.walk(v.Elem())
			if objectHasAsyncMethod(ol) {
				v.Set(reflect.ValueOf(wrapObjectLiteral(ol)))
			}
			return
		}
		w.walk(v.Elem())
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if n, ok := v.Interface().(ast.Node); ok && v.Type() != programType && !w.holds(n) {
			return
		}
		if v.Type() == classLitType {
			cl := v.Interface().(*ast.ClassLiteral)
			if w.done[cl] {
				return
			}
			w.done[cl] = true
			w.walk(v.Elem())
			if classHasAsyncMethod(cl) {
				cl.Body = append(cl.Body, helperStaticBlock(cl))
			}
			return
		}
		if v.Elem().Kind() == reflect.Struct {
			w.walk(v.Elem())
		}
	case reflect.Struct:
		if v.Type() == identType.Elem() {
			return
		}
		walkChildren(v, w.walk)
	case reflect.Slice:
		walkChildren(v, w.walk)
	}
}

func isAsyncMethodFunc(e ast.Expression) bool {
	fn, ok := e.(*ast.FunctionLiteral)
	return ok && fn.Async && !fn.Generator
}

func objectHasAsyncMethod(ol *ast.ObjectLiteral) bool {
	for _, p := range ol.Value {
		if pk, ok := p.(*ast.PropertyKeyed); ok && pk.Kind == ast.PropertyKindMethod && isAsyncMethodFunc(pk.Value) {
			return true
		}
	}
	return false
}

func classHasAsyncMethod(cl *ast.ClassLiteral) bool {
	for _, e := range cl.Body {
		if m, ok := e.(*ast.MethodDefinition); ok && m.Kind == ast.PropertyKindMethod && m.Body != nil && m.Body.Async && !m.Body.Generator {
			if _, private := m.Key.(*ast.PrivateIdentifier); !private {
				return true
			}
		}
	}
	return false
}

// helperCheck is `typeof H === "function"` at idx.
func helperCheck(idx file.Idx) ast.Expression {
	return &ast.BinaryExpression{
		Operator:   token.STRICT_EQUAL,
		Left:       &ast.UnaryExpression{Operator: token.TYPEOF, Idx: idx, Operand: &ast.Identifier{Name: AsyncMethodsHelper, Idx: idx}},
		Right:      &ast.StringLiteral{Idx: idx, Literal: `"function"`, Value: "function"},
		Comparison: true,
	}
}

func helperCall(idx file.Idx, arg ast.Expression) ast.Expression {
	return &ast.CallExpression{Callee: &ast.Identifier{Name: AsyncMethodsHelper, Idx: idx}, LeftParenthesis: idx,
		ArgumentList: []ast.Expression{arg}, RightParenthesis: idx}
}

func wrapObjectLiteral(ol *ast.ObjectLiteral) ast.Expression {
	idx := ol.LeftBrace
	callee := &ast.ConditionalExpression{Test: helperCheck(idx), Consequent: &ast.Identifier{Name: AsyncMethodsHelper, Idx: idx},
		Alternate: &ast.Identifier{Name: "Object", Idx: idx}}
	return &ast.CallExpression{Callee: callee, LeftParenthesis: idx, ArgumentList: []ast.Expression{ol}, RightParenthesis: idx}
}

func helperStaticBlock(cl *ast.ClassLiteral) ast.ClassElement {
	idx := cl.RightBrace
	call := &ast.BinaryExpression{Operator: token.LOGICAL_AND, Left: helperCheck(idx), Right: helperCall(idx, &ast.ThisExpression{Idx: idx})}
	return &ast.ClassStaticBlock{Static: idx, Block: &ast.BlockStatement{LeftBrace: idx, RightBrace: idx,
		List: []ast.Statement{&ast.ExpressionStatement{Expression: call}}}}
}
