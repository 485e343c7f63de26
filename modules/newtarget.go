package modules

import (
	"reflect"
	"sort"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
)

// goja leaks new.target into plain calls: a function called (not constructed) from inside a
// constructor, directly or through more calls, reads the constructor's new.target where it
// should read undefined, so `function F() { if (!new.target) return new F(); ... }` (argparse's
// classes callable without new) makes an object of the wrong class. Calls through native code
// (Reflect.apply, f.call) are not affected, nor are class constructors, whose new.target is
// always set. FixNewTarget rewrites each new.target that can be wrong:
//   - in a plain function (and the arrows inside it), as
//     `(new.target !== void 0 && this instanceof new.target ? new.target : void 0)`: a
//     constructed call's this is an object made from new.target's prototype, a leaked one's is
//     the call's receiver;
//   - in a method, accessor, async function or generator, which cannot be constructed, as
//     `void 0`.
// Only the AST changes: positions in stacks and errors stay the source's.

var (
	metaPropType   = reflect.TypeOf((*ast.MetaProperty)(nil))
	programType    = reflect.TypeOf((*ast.Program)(nil))
	classLitType   = reflect.TypeOf((*ast.ClassLiteral)(nil))
	propKeyedType  = reflect.TypeOf((*ast.PropertyKeyed)(nil))
	fieldDefType   = reflect.TypeOf((*ast.FieldDefinition)(nil))
	staticBlkType  = reflect.TypeOf((*ast.ClassStaticBlock)(nil))
	methodDefType  = reflect.TypeOf((*ast.MethodDefinition)(nil))
	expressionType = reflect.TypeOf((*ast.Expression)(nil)).Elem()
)

// new.target's meaning where the walk is
const (
	ntKeep      = iota // right as goja has it: top level, a class constructor, a field initializer
	ntCheck            // a plain function's: checked against this
	ntUndefined        // a function that cannot be constructed: always undefined
	ntCapture          // a plain function's body: the value its entry captured (captureIn)
)

// FixNewTarget works around that goja bug in a parsed program (src is its source, to skip the
// walk when it cannot apply). The loader's compiles and vm scripts go through it.
func FixNewTarget(prg *ast.Program, src string) {
	fixNewTarget(prg, src, false)
}

// FixNewTargetGlue is FixNewTarget for built-in glue, whose constructors may have a
// Symbol.hasInstance of their own (Console's tells its instances by a mark set later in the
// constructor): a constructed call is told by `this` having new.target's prototype as its own
// (`typeof this === "object" && this !== null && Object.getPrototypeOf(this) ===
// new.target.prototype`; glue does not shadow Object) rather than by instanceof.
func FixNewTargetGlue(prg *ast.Program, src string) {
	fixNewTarget(prg, src, true)
}

func fixNewTarget(prg *ast.Program, src string, glue bool) {
	offs := newTargetOffsets(src, -1)
	if len(offs) == 0 {
		return
	}
	w := &ntWalker{mode: ntKeep, done: map[*ast.MetaProperty]bool{}, offs: offs, glue: glue}
	// a node's position methods are only read to prune; should one fail on an odd tree, what
	// was rewritten so far stays (each rewrite is whole)
	defer func() { _ = recover() }()
	w.walk(reflect.ValueOf(prg))
}

// MentionsNewTarget reports whether src may hold new.target (spaces around the dot allowed).
func MentionsNewTarget(src string) bool {
	return len(newTargetOffsets(src, 1)) > 0
}

// newTargetOffsets returns the offsets in src of up to max (all when max < 0) places that may
// be new.target: each "target" after a dot after "new".
func newTargetOffsets(src string, max int) []int {
	var offs []int
	for i := 0; max < 0 || len(offs) < max; {
		j := strings.Index(src[i:], "target")
		if j < 0 {
			break
		}
		j += i
		k := strings.TrimRight(src[:j], " \t\r\n")
		if strings.HasSuffix(k, ".") && strings.HasSuffix(strings.TrimRight(k[:len(k)-1], " \t\r\n"), "new") {
			offs = append(offs, j)
		}
		i = j + len("target")
	}
	return offs
}

type ntWalker struct {
	mode     int
	done     map[*ast.MetaProperty]bool // rewritten (a node the walk meets twice is left as it is)
	offs     []int                      // where new.target may be in the source (sorted)
	glue     bool                       // FixNewTargetGlue's test of a constructed call
	captured bool                       // (ntCapture) the function being walked reads its capture
}

// holds reports whether node's source range may hold one of the new.target places: the walk
// leaves out the subtrees that cannot (most of a large file). Ranges are widened a little,
// since goja's end positions are not all exact.
func (w *ntWalker) holds(n ast.Node) bool { return nearOffsets(w.offs, n) }

// nearOffsets reports whether n's source range, widened a little, holds one of offs (sorted).
func nearOffsets(offs []int, n ast.Node) bool {
	from, to := int(n.Idx0())-1-16, int(NodeEnd(n))-1+16
	i := sort.SearchInts(offs, from)
	return i < len(offs) && offs[i] <= to
}

func (w *ntWalker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		if mp, ok := v.Interface().(*ast.MetaProperty); ok {
			if w.mode != ntKeep && !w.done[mp] && v.CanSet() && v.Type() == expressionType && isNewTarget(mp) {
				w.done[mp] = true
				if w.mode == ntCapture {
					w.captured = true
					v.Set(reflect.ValueOf(&ast.Identifier{Name: ntCaptured, Idx: mp.Idx}))
				} else {
					v.Set(reflect.ValueOf(newTargetExpr(mp, w.mode, w.glue)))
				}
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
		switch v.Type() {
		case metaPropType:
			return // held as a pointer field, not an expression: nothing to replace
		case funcLitType:
			fn := v.Interface().(*ast.FunctionLiteral)
			mode := ntFuncMode(fn, ntCheck)
			if mode != ntCheck || w.glue || fn.Body == nil {
				w.in(mode, v.Elem())
				return
			}
			w.captureIn(fn)
			return
		case propKeyedType:
			p := v.Interface().(*ast.PropertyKeyed)
			if fn, ok := p.Value.(*ast.FunctionLiteral); ok && p.Kind != ast.PropertyKindValue {
				// an object literal's method or accessor
				w.walk(reflect.ValueOf(p).Elem().FieldByName("Key"))
				w.in(ntUndefined, reflect.ValueOf(fn).Elem())
				return
			}
		case methodDefType:
			m := v.Interface().(*ast.MethodDefinition)
			mode := ntUndefined
			if k, ok := m.Key.(*ast.StringLiteral); ok && !m.Static && !m.Computed && k.Value == "constructor" {
				mode = ntKeep
			}
			w.walk(reflect.ValueOf(m).Elem().FieldByName("Key"))
			if m.Body != nil {
				w.in(ntFuncMode(m.Body, mode), reflect.ValueOf(m.Body).Elem())
			}
			return
		case fieldDefType, staticBlkType:
			w.in(ntKeep, v.Elem())
			return
		case classLitType:
			// the class's own elements say; its heritage is in the enclosing function's mode
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

// captureIn walks fn, a plain function: new.target in its parameters is checked where it is
// read; in its body (and the arrows there) it reads a constant the body sets first, from
// new.target and this as the call found them (see captureDecl), when any is read.
func (w *ntWalker) captureIn(fn *ast.FunctionLiteral) {
	outerMode, outerCaptured := w.mode, w.captured
	f := reflect.ValueOf(fn).Elem()
	w.mode = ntCheck
	w.walk(f.FieldByName("ParameterList"))
	w.mode, w.captured = ntCapture, false
	w.walk(f.FieldByName("Body"))
	if w.captured {
		list := fn.Body.List
		i := 0
		for i < len(list) && isDirective(list[i]) {
			i++
		}
		decl := captureDecl(fn.Body.LeftBrace)
		fn.Body.List = append(list[:i:i], append([]ast.Statement{decl}, list[i:]...)...)
	}
	w.mode, w.captured = outerMode, outerCaptured
}

// isDirective reports whether st is a string-literal expression statement (a directive, while
// it leads a body).
func isDirective(st ast.Statement) bool {
	e, ok := st.(*ast.ExpressionStatement)
	if !ok {
		return false
	}
	_, ok = e.Expression.(*ast.StringLiteral)
	return ok
}

// ntCaptured names the constant a plain function's body reads for new.target.
const ntCaptured = "__gojsNewTarget$"

// captureDecl is `const __gojsNewTarget$ = new.target !== void 0 && this instanceof new.target
// && ({}).constructor.getOwnPropertyNames(this).length === 0 ? new.target : void 0`: a
// constructed call's this is, on entry, a new object of new.target's prototype with no
// properties of its own, where a leaked one's is the call's receiver, which may be an instance
// of the constructor running (argparse's formatter calls this._Section(...) from its
// constructor) but has its properties by then. (({}).constructor is Object, which code may
// shadow.)
func captureDecl(idx file.Idx) ast.Statement {
	nt := func() ast.Expression {
		return &ast.MetaProperty{Meta: &ast.Identifier{Name: "new", Idx: idx}, Property: &ast.Identifier{Name: "target", Idx: idx}, Idx: idx}
	}
	undef := func() ast.Expression {
		return &ast.UnaryExpression{Operator: token.VOID, Idx: idx, Operand: &ast.NumberLiteral{Idx: idx, Literal: "0", Value: int64(0)}}
	}
	and := func(a, b ast.Expression) ast.Expression {
		return &ast.BinaryExpression{Operator: token.LOGICAL_AND, Left: a, Right: b}
	}
	object := &ast.DotExpression{
		Left:       &ast.ObjectLiteral{LeftBrace: idx, RightBrace: idx},
		Identifier: ast.Identifier{Name: "constructor", Idx: idx},
	}
	names := &ast.CallExpression{
		Callee:       &ast.DotExpression{Left: object, Identifier: ast.Identifier{Name: "getOwnPropertyNames", Idx: idx}},
		ArgumentList: []ast.Expression{&ast.ThisExpression{Idx: idx}}, LeftParenthesis: idx, RightParenthesis: idx,
	}
	test := and(and(
		&ast.BinaryExpression{Operator: token.STRICT_NOT_EQUAL, Left: nt(), Right: undef(), Comparison: true},
		&ast.BinaryExpression{Operator: token.INSTANCEOF, Left: &ast.ThisExpression{Idx: idx}, Right: nt()}),
		&ast.BinaryExpression{Operator: token.STRICT_EQUAL, Comparison: true,
			Left:  &ast.DotExpression{Left: names, Identifier: ast.Identifier{Name: "length", Idx: idx}},
			Right: &ast.NumberLiteral{Idx: idx, Literal: "0", Value: int64(0)}})
	return &ast.LexicalDeclaration{Idx: idx, Token: token.CONST, List: []*ast.Binding{{
		Target:      &ast.Identifier{Name: ntCaptured, Idx: idx},
		Initializer: &ast.ConditionalExpression{Test: test, Consequent: nt(), Alternate: undef()},
	}}}
}

// in walks v in mode, then restores the walker's.
func (w *ntWalker) in(mode int, v reflect.Value) {
	outer := w.mode
	w.mode = mode
	w.walk(v)
	w.mode = outer
}

// ntFuncMode is the mode inside fn, a function that would otherwise have mode.
func ntFuncMode(fn *ast.FunctionLiteral, mode int) int {
	if fn.Async || fn.Generator {
		return ntUndefined
	}
	return mode
}

func isNewTarget(mp *ast.MetaProperty) bool {
	return mp.Meta != nil && mp.Property != nil && mp.Meta.Name == "new" && mp.Property.Name == "target"
}

// newTargetExpr is what replaces new.target mp in mode.
func newTargetExpr(mp *ast.MetaProperty, mode int, glue bool) ast.Expression {
	undef := func() ast.Expression {
		return &ast.UnaryExpression{Operator: token.VOID, Idx: mp.Idx, Operand: &ast.NumberLiteral{Idx: mp.Idx, Literal: "0", Value: int64(0)}}
	}
	if mode == ntUndefined {
		return undef()
	}
	if glue {
		and := func(a, b ast.Expression) ast.Expression {
			return &ast.BinaryExpression{Operator: token.LOGICAL_AND, Left: a, Right: b}
		}
		this := func() ast.Expression { return &ast.ThisExpression{Idx: mp.Idx} }
		test := and(and(and(
			&ast.BinaryExpression{Operator: token.STRICT_NOT_EQUAL, Left: mp, Right: undef(), Comparison: true},
			&ast.BinaryExpression{Operator: token.STRICT_EQUAL, Comparison: true,
				Left:  &ast.UnaryExpression{Operator: token.TYPEOF, Idx: mp.Idx, Operand: this()},
				Right: &ast.StringLiteral{Idx: mp.Idx, Literal: `"object"`, Value: "object"}}),
			&ast.BinaryExpression{Operator: token.STRICT_NOT_EQUAL, Left: this(), Right: &ast.NullLiteral{Idx: mp.Idx}, Comparison: true}),
			&ast.BinaryExpression{Operator: token.STRICT_EQUAL, Comparison: true,
				Left: &ast.CallExpression{
					Callee:       &ast.DotExpression{Left: &ast.Identifier{Name: "Object", Idx: mp.Idx}, Identifier: ast.Identifier{Name: "getPrototypeOf", Idx: mp.Idx}},
					ArgumentList: []ast.Expression{this()}, LeftParenthesis: mp.Idx, RightParenthesis: mp.Idx},
				Right: &ast.DotExpression{Left: mp, Identifier: ast.Identifier{Name: "prototype", Idx: mp.Idx}}})
		return &ast.ConditionalExpression{Test: test, Consequent: mp, Alternate: undef()}
	}
	return &ast.ConditionalExpression{
		Test: &ast.BinaryExpression{
			Operator: token.LOGICAL_AND,
			Left:     &ast.BinaryExpression{Operator: token.STRICT_NOT_EQUAL, Left: mp, Right: undef(), Comparison: true},
			Right:    &ast.BinaryExpression{Operator: token.INSTANCEOF, Left: &ast.ThisExpression{Idx: mp.Idx}, Right: mp},
		},
		Consequent: mp,
		Alternate:  undef(),
	}
}
