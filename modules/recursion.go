package modules

import (
	"slices"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// goja refuses a call past its maximum call stack size with an error no JS try/catch can
// catch: it unwinds every JS frame up to the nearest Go frame. Node throws a RangeError the
// nearest catch gets, and programs rely on it (a depth probe `try { return 1 + probe(); }
// catch { return 1; }`, a parser that reports input nested too deeply, a test that expects the
// RangeError). GuardRecursion makes that work for the usual shapes of unbounded recursion, a
// function that calls itself or functions that call each other: each such function of a module
// (CommonJS, or ES module or TypeScript code in its loader function) begins with
//
//	--%rb || (%rb = 1, %rb = %rc());
//
// %rb is a budget of calls shared by the module's guarded functions (set to 1 before the
// check: a check that threw leaves it there, so the next call checks again), %rc a Go function
// of the runtime (its checkRecursion) that measures the real depth: past a limit a little
// below goja's it throws node's RangeError, a normal exception that the callers' catch blocks
// get; otherwise it returns a budget small enough that the depth cannot reach goja's limit
// before the next check, unless each guarded call brings many unguarded frames with it (the
// overflow is then goja's, as before). The functions guarded are those on a cycle of calls
// (see mark): a call is of a name (a function's name, the variable an anonymous function or
// arrow is bound to, a class's name for its constructor, with new), or the name read as a value
// (a function passed on to map, sort, replace or bind may be called back at once); of
// this.<name>(...) or x.<name>(...) for a method (a function or arrow of a class or object
// literal, or put on a property: X.prototype.<name> = function ..., exports.<name> = ...), except
// the names of the builtins' methods on receivers other than this (get(k) { return
// this.map.get(k); } recurses in no module); and a read or write of this.<name> for an
// accessor. Functions the engine calls with no call in the code (accessors of any object,
// toString/valueOf/toJSON, well-known-symbol methods, descriptor get/set, Proxy traps) are
// guarded when their own code may call code, and so are functions reading arguments.callee;
// a name bound to a function's bound copy, a wrapper's result or a method read off an object
// stands for that function, x[i](...) calls the functions in x's slots, and a parameter's
// default that calls gets a check of its own. Async functions and generators are guarded too (their body runs its calls at once,
// up to the first await or yield). Every module is guarded, with a try statement of its own or
// not: the catch that must get the RangeError is often another module's (an application's try
// around a library's recursive walk). A check costs a few VM operations per call of a guarded
// function (fib(24) 1.41x the instructions of an unguarded run, a recursive clone and sum of a
// tree 1.026x); functions on no cycle pay nothing. The module's wrapper
// `(function (exports, ...) {...})` becomes
//
//	(%rc, %rb) => { return function (exports, ...) {...}; }
//
// (parameters: no temporal dead zone to check on each use) and the loader calls it with the
// runtime's check and a budget of 1 to get the wrapper (only programs
// GuardRecursion changed; it says so). The check takes the position of the body's first
// statement (of the initializer, for a declaration), where V8 reports a call it refused; the
// error's stack begins with that frame, then the callers'.

// RecursionCheckParam and RecursionBudget name the guard's function and budget.
const (
	RecursionCheckParam = "%rc"
	RecursionBudget     = "%rb"
)

// GuardRecursion rewrites prg, a CommonJS module's wrapper, as above, and reports whether it
// did (when no function of it calls itself it leaves prg alone).
func GuardRecursion(prg *ast.Program) bool {
	if len(prg.Body) != 1 {
		return false
	}
	es, ok := prg.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return false
	}
	wrapper, ok := es.Expression.(*ast.FunctionLiteral)
	if !ok || wrapper.Body == nil {
		return false
	}
	if !guardFunctions(prg, wrapper.Body.List) {
		return false
	}
	idx := wrapper.Function
	es.Expression = &ast.ArrowFunctionLiteral{
		Start: idx,
		ParameterList: &ast.ParameterList{Opening: idx, Closing: idx,
			List: []*ast.Binding{{Target: recIdent(RecursionCheckParam, idx)}, {Target: recIdent(RecursionBudget, idx)}}},
		Body: &ast.BlockStatement{LeftBrace: idx, RightBrace: idx, List: []ast.Statement{
			&ast.ReturnStatement{Return: idx, Argument: wrapper},
		}},
		Source: wrapper.Source,
	}
	return true
}

// GuardRecursionScript is GuardRecursion for a script run in the global scope (-e, -p and
// stdin code): its guarded functions use %rc and %rb as global names, which the runtime
// declares (global lexical bindings, no property of the global object) before it runs a
// script GuardRecursionScript changed.
func GuardRecursionScript(prg *ast.Program) bool {
	return guardFunctions(prg, prg.Body)
}

// guardFunctions guards the functions of body (the code of prg) that may recur, and reports
// whether there were any.
func guardFunctions(prg *ast.Program, body []ast.Statement) bool {
	w := &recWalker{marked: map[*recFunc]bool{}}
	changed := false
	func() {
		defer func() {
			if recover() != nil { // an odd tree: rewrite nothing
				changed = false
				w.marked = nil
			}
		}()
		w.stmts(body)
		w.mark()
		changed = len(w.marked) > 0
	}()
	if !changed {
		return false
	}
	for f := range w.marked {
		f.src = prg.File
		func() {
			defer func() { _ = recover() }() // (an odd node: that function stays unguarded)
			f.guard()
		}()
	}
	return true
}

func recIdent(name string, idx file.Idx) *ast.Identifier {
	return &ast.Identifier{Name: unistring.NewFromString(name), Idx: idx}
}

// recFunc is a function being walked: the names its self-calls use.
type recFunc struct {
	name   unistring.String // called by this name (a function's, or its variable's)
	method unistring.String // a method: called as this.<method>(...)
	access unistring.String // an accessor: reached by this.<access>
	parent *recFunc         // the function it is nested in
	skip   bool             // never guarded (a field initializer or static block)
	src    *file.File       // the program's source
	lit    *ast.FunctionLiteral
	arrowL *ast.ArrowFunctionLiteral
	// implicit: the engine may call it without a call in the code (an accessor, toString,
	// valueOf, toJSON, a Symbol.toPrimitive/iterator/hasInstance method, a descriptor's get
	// or set); trap: a method named as a Proxy handler's trap; reenters: its own code does
	// something that may call code (a call, an operator that converts, a read of another
	// object's property...); force: it calls itself through arguments.callee
	implicit, trap, reenters, force bool
}

// guard puts the check at the start of the function's body (after its directives).
func (f *recFunc) guard() {
	var body *ast.BlockStatement
	switch {
	case f.lit != nil:
		body = f.lit.Body
	case f.arrowL != nil:
		if eb, ok := f.arrowL.Body.(*ast.ExpressionBody); ok {
			at := eb.Expression.Idx0()
			body = &ast.BlockStatement{LeftBrace: at, RightBrace: at,
				List: []ast.Statement{&ast.ReturnStatement{Return: at, Argument: eb.Expression}}}
			f.arrowL.Body = body
		} else {
			body, _ = f.arrowL.Body.(*ast.BlockStatement)
		}
	}
	if body == nil {
		return
	}
	list := body.List
	i := 0
	for i < len(list) && isDirective(list[i]) {
		i++
	}
	idx := body.LeftBrace
	if i < len(list) {
		idx = firstPosition(list[i], f.src)
	}
	check := &ast.ExpressionStatement{Expression: recCheck(idx)}
	body.List = append(list[:i:i], append([]ast.Statement{check}, list[i:]...)...)
	// the defaults of its parameters run before its body: one that calls (f(a = f())) is
	// checked too, as it runs
	var params *ast.ParameterList
	if f.lit != nil {
		params = f.lit.ParameterList
	} else {
		params = f.arrowL.ParameterList
	}
	if params != nil {
		for _, b := range params.List {
			if b == nil || b.Initializer == nil || !callsIn(b.Initializer) {
				continue
			}
			at := b.Initializer.Idx0()
			b.Initializer = &ast.SequenceExpression{Sequence: []ast.Expression{recCheck(at), b.Initializer}}
		}
	}
}

// recCheck is the check at idx: --%rb || (%rb = 1, %rb = %rc()) (1 first: a check that threw
// leaves %rb at 1, so that the next call checks again).
func recCheck(idx file.Idx) ast.Expression {
	return &ast.BinaryExpression{Operator: token.LOGICAL_OR,
		Left: &ast.UnaryExpression{Operator: token.DECREMENT, Idx: idx, Operand: recIdent(RecursionBudget, idx)},
		Right: &ast.SequenceExpression{Sequence: []ast.Expression{
			&ast.AssignExpression{Operator: token.ASSIGN, Left: recIdent(RecursionBudget, idx),
				Right: &ast.NumberLiteral{Idx: idx, Literal: "1", Value: int64(1)}},
			&ast.AssignExpression{Operator: token.ASSIGN, Left: recIdent(RecursionBudget, idx),
				Right: &ast.CallExpression{Callee: recIdent(RecursionCheckParam, idx), LeftParenthesis: idx,
					RightParenthesis: idx}}}}}
}

// callsIn reports whether e, a parameter's default, may call code (anything but a literal, a
// name, this, or a function or class made there).
func callsIn(e ast.Expression) bool {
	switch e.(type) {
	case *ast.Identifier, *ast.NumberLiteral, *ast.StringLiteral, *ast.BooleanLiteral, *ast.NullLiteral,
		*ast.ThisExpression, *ast.FunctionLiteral, *ast.ArrowFunctionLiteral, *ast.ClassLiteral, *ast.RegExpLiteral:
		return false
	case *ast.ObjectLiteral:
		return len(e.(*ast.ObjectLiteral).Value) > 0
	case *ast.ArrayLiteral:
		return len(e.(*ast.ArrayLiteral).Value) > 0
	}
	return true
}

// firstPosition is where V8 places a call refused at the start of a function whose body begins
// with st: that statement, or the initializer of a declaration's first binding, or the name of
// the member called where either begins with a member's call.
func firstPosition(st ast.Statement, src *file.File) file.Idx {
	var list []*ast.Binding
	switch d := st.(type) {
	case *ast.LexicalDeclaration:
		list = d.List
	case *ast.VariableStatement:
		list = d.List
	}
	if len(list) > 0 && list[0].Initializer != nil {
		if at := memberCallName(list[0].Initializer); at != 0 {
			return at
		}
		return list[0].Initializer.Idx0()
	}
	var first ast.Expression
	switch s := st.(type) {
	case *ast.ReturnStatement:
		first = s.Argument
	case *ast.ExpressionStatement:
		first = s.Expression
	}
	if at := memberCallName(first); at != 0 {
		return at
	}
	if is, ok := st.(*ast.IfStatement); ok && is.If == 0 && src != nil {
		// (goja's parser leaves an if statement's own position unset: the keyword is the
		// last "if" before its test)
		text := src.Source()
		at := int(is.Test.Idx0()) - src.Base()
		if at > 0 && at <= len(text) {
			if k := strings.LastIndex(text[:at], "if"); k >= 0 {
				return file.Idx(k + src.Base())
			}
		}
		return is.Test.Idx0()
	}
	return st.Idx0()
}

// memberCallName is, when e begins with a call of a member (x.name(...), its leftmost operand
// for a binary expression), the position of that name: V8's place for a refused call there.
func memberCallName(e ast.Expression) file.Idx {
	for {
		b, ok := e.(*ast.BinaryExpression)
		if !ok {
			break
		}
		e = b.Left
	}
	if c, ok := e.(*ast.CallExpression); ok {
		if d, ok := c.Callee.(*ast.DotExpression); ok {
			return d.Identifier.Idx
		}
	}
	return 0
}

type recWalker struct {
	stack     []*recFunc
	funcs     []*recFunc // every function walked, in order
	calls     []recCall  // each call of a name, this.<name> or a read of this.<name>
	aliases   []recAlias // names bound to other functions' names (see mark)
	usesProxy bool       // the code names Proxy (its handlers' traps are called implicitly)
	marked    map[*recFunc]bool
}

// A recCall is a call made in from's body (or in a function nested in it) of a function known
// by name: kind says how it is reached.
type recCall struct {
	from *recFunc
	kind recKind
	name unistring.String
}

type recKind uint8

// key is how a function is reached: by which kind of call, of which name.
type key struct {
	kind recKind
	name unistring.String
}

// recAlias is a name bound to what reaches another function.
type recAlias struct {
	name unistring.String
	to   key
}

const (
	byName   recKind = iota // name(...), new name(...), name read as a value
	byMethod                // this.name(...), x.name(...)
	byAccess                // this.name
)

// call notes a call whose callee is e.
func (w *recWalker) call(e ast.Expression) {
	if len(w.stack) == 0 {
		return
	}
	from := w.stack[len(w.stack)-1]
	switch c := e.(type) {
	case *ast.Identifier:
		w.calls = append(w.calls, recCall{from, byName, c.Name})
		if c.Name == "Proxy" {
			w.usesProxy = true
		}
	case *ast.DotExpression:
		n := c.Identifier.Name
		switch l := c.Left.(type) {
		case *ast.ThisExpression:
			w.calls = append(w.calls, recCall{from, byMethod, n})
			return
		case *ast.Identifier: // name.call(...), name.apply(...)
			if n == "call" || n == "apply" {
				w.calls = append(w.calls, recCall{from, byName, l.Name})
				return
			}
		case *ast.DotExpression: // x.name.call(...), x.name.apply(...)
			if n == "call" || n == "apply" {
				n = l.Identifier.Name
			}
		}
		// x.name(...): a method of that name on another receiver (a tree's child, the
		// object a method was put on, exports), but not the names of the builtins' own
		// methods, which a wrapper's method of the same name calls without recursing
		// (get(k) { return this.map.get(k); })
		if !builtinMethodNames[n.String()] {
			w.calls = append(w.calls, recCall{from, byMethod, n})
		}
	case *ast.BracketExpression: // x['name'](...)
		if k, ok := c.Member.(*ast.StringLiteral); ok {
			if !builtinMethodNames[k.Value.String()] {
				w.calls = append(w.calls, recCall{from, byMethod, k.Value})
			}
		} else if l, ok := c.Left.(*ast.Identifier); ok { // x[i](...): a function in x's slots
			w.calls = append(w.calls, recCall{from, byName, l.Name})
		}
	}
}

// builtinMethodNames are the method names of the builtins (Object.prototype, arrays, strings,
// Map/Set, promises, emitters and streams) a method of the same name commonly delegates to.
var builtinMethodNames = map[string]bool{
	"get": true, "set": true, "has": true, "delete": true, "add": true, "clear": true,
	"push": true, "pop": true, "shift": true, "unshift": true, "slice": true, "splice": true,
	"concat": true, "join": true, "indexOf": true, "lastIndexOf": true, "includes": true,
	"map": true, "filter": true, "forEach": true, "reduce": true, "some": true, "every": true,
	"find": true, "findIndex": true, "sort": true, "reverse": true, "fill": true, "flat": true,
	"keys": true, "values": true, "entries": true, "at": true,
	"call": true, "apply": true, "bind": true, "then": true, "catch": true, "finally": true,
	"toString": true, "valueOf": true, "toJSON": true, "hasOwnProperty": true, "inspect": true,
	"charAt": true, "charCodeAt": true, "replace": true, "split": true, "substring": true,
	"substr": true, "trim": true, "toLowerCase": true, "toUpperCase": true, "match": true,
	"test": true, "exec": true, "startsWith": true, "endsWith": true, "padStart": true,
	"on": true, "once": true, "off": true, "emit": true, "addListener": true,
	"removeListener": true, "removeAllListeners": true, "write": true, "end": true,
	"read": true, "pipe": true, "destroy": true, "pause": true, "resume": true, "close": true,
	"next": true, "return": true, "throw": true, "log": true, "error": true, "warn": true,
	"debug": true, "info": true,
}

// ref notes name read as a value in a function: a function passed on by its name (to map, sort,
// replace, bind, Reflect.apply...) may be called back at once.
func (w *recWalker) ref(name unistring.String) {
	if name == "Proxy" {
		w.usesProxy = true
	}
	if len(w.stack) > 0 {
		w.calls = append(w.calls, recCall{w.stack[len(w.stack)-1], byName, name})
	}
}

// mark finds the functions that can reach themselves: each call is an edge from the function
// it is made in to every function of the module that the name can stand for, and a function
// reaches what the functions nested in it reach (a callback it passes on may run at once); the
// functions of a cycle that are called by a name (an anonymous closure is on a cycle only
// through one that is) are marked. A name stands for every function of the module with that
// name, whatever its scope: a function guarded too many pays a check, one missed can overflow.
func (w *recWalker) mark() {
	targets := map[key][]int{}
	index := make(map[*recFunc]int, len(w.funcs))
	for i, f := range w.funcs {
		index[f] = i
		if f.skip {
			continue
		}
		if f.name != "" {
			targets[key{byName, f.name}] = append(targets[key{byName, f.name}], i)
		}
		if f.method != "" {
			targets[key{byMethod, f.method}] = append(targets[key{byMethod, f.method}], i)
		}
		if f.access != "" {
			targets[key{byAccess, f.access}] = append(targets[key{byAccess, f.access}], i)
		}
	}
	// a function the engine calls implicitly can reach itself through anything its code
	// does that calls code (String(o) in a toString, a getter reading another object's
	// getter, a trap reading its own proxy): no call graph sees those edges, so each one
	// that does such a thing is guarded, as is one that calls arguments.callee
	for _, f := range w.funcs {
		if f.skip {
			continue
		}
		if f.force || f.reenters && (f.implicit || f.trap && w.usesProxy) {
			w.marked[f] = true
		}
	}
	// a name bound to another function's name, its bound copy or a wrapper of it (g =
	// f.bind(null), h = memoize(f), m = o.walk) stands for that function too
	if len(targets) == 0 {
		return
	}
	// The graph has a node per function and one per name (after them): a call is an edge to
	// its name's node, which has an edge to each function the name stands for, and to the
	// name's node it is an alias of (g = f.bind(null), h = memoize(f), m = o.walk: g stands
	// for f too). (An edge from the caller to each of those functions instead made
	// typescript.js's graph tens of millions of edges, and copying the aliased functions into
	// each alias's list as much work: many functions call a name that stands for many.) A
	// function reaches itself through a name's node, so a function is on a cycle when its
	// component has more than one node.
	n := len(w.funcs)
	edges := make([][]int, n, n+len(targets))
	for i, f := range w.funcs {
		if f.parent != nil {
			p := index[f.parent]
			edges[p] = append(edges[p], i)
		}
	}
	nameNode := make(map[key]int, len(targets))
	node := func(k key) int {
		at, ok := nameNode[k]
		if !ok {
			at = len(edges)
			nameNode[k] = at
			edges = append(edges, slices.Clip(targets[k]))
		}
		return at
	}
	for _, a := range w.aliases {
		from, to := node(key{byName, a.name}), node(key{a.to.kind, a.to.name})
		edges[from] = append(edges[from], to)
	}
	any := false
	for _, c := range w.calls {
		k := key{c.kind, c.name}
		at, ok := nameNode[k]
		if !ok {
			if len(targets[k]) == 0 {
				continue
			}
			at = node(k)
		}
		from := index[c.from]
		if l := edges[from]; len(l) == 0 || l[len(l)-1] != at { // (a name called again at once)
			edges[from] = append(l, at)
		}
		any = true
	}
	if !any {
		return
	}
	for _, scc := range stronglyConnected(edges) {
		if len(scc) < 2 {
			continue
		}
		for _, i := range scc {
			if i >= n {
				continue
			}
			f := w.funcs[i]
			if f.skip || (f.name == "" && f.method == "" && f.access == "") {
				continue
			}
			w.marked[f] = true
		}
	}
}

// stronglyConnected is Tarjan's strongly connected components of the graph edges (without
// recursion: a module may nest functions deeply).
func stronglyConnected(edges [][]int) [][]int {
	n := len(edges)
	idx := make([]int, n)
	low := make([]int, n)
	on := make([]bool, n)
	for i := range idx {
		idx[i] = -1
	}
	var out [][]int
	var st []int
	next := 0
	type frame struct{ v, e int }
	for root := 0; root < n; root++ {
		if idx[root] >= 0 {
			continue
		}
		work := []frame{{root, 0}}
		idx[root], low[root] = next, next
		next++
		st = append(st, root)
		on[root] = true
		for len(work) > 0 {
			fr := &work[len(work)-1]
			v := fr.v
			if fr.e < len(edges[v]) {
				u := edges[v][fr.e]
				fr.e++
				if idx[u] < 0 {
					idx[u], low[u] = next, next
					next++
					st = append(st, u)
					on[u] = true
					work = append(work, frame{u, 0})
				} else if on[u] {
					low[v] = min(low[v], idx[u])
				}
				continue
			}
			work = work[:len(work)-1]
			if len(work) > 0 {
				p := work[len(work)-1].v
				low[p] = min(low[p], low[v])
			}
			if low[v] == idx[v] {
				var scc []int
				for {
					u := st[len(st)-1]
					st = st[:len(st)-1]
					on[u] = false
					scc = append(scc, u)
					if u == v {
						break
					}
				}
				out = append(out, scc)
			}
		}
	}
	return out
}

// fn walks a function literal; name is what it is called by (when it has no name of its own),
// method its method name.
func (w *recWalker) fn(lit *ast.FunctionLiteral, name, method unistring.String) {
	if lit == nil {
		return
	}
	w.fnIn(&recFunc{name: name, method: method, lit: lit})
}

// fnAccess walks an accessor named name.
func (w *recWalker) fnAccess(lit *ast.FunctionLiteral, name unistring.String) {
	if lit == nil {
		return
	}
	w.fnIn(&recFunc{access: name, lit: lit})
}

func (w *recWalker) fnIn(f *recFunc) {
	lit := f.lit
	if lit.Name != nil {
		f.name = lit.Name.Name
	}
	w.push(f)
	w.params(lit.ParameterList)
	if lit.Body != nil {
		w.stmts(lit.Body.List)
	}
	w.stack = w.stack[:len(w.stack)-1]
}

// member walks a method or accessor (kind) of a class or object literal (object) named name;
// symKey says its computed key is a well-known symbol the engine calls (implicitKey).
func (w *recWalker) member(lit *ast.FunctionLiteral, kind ast.PropertyKind, name unistring.String, symKey, object bool) {
	if lit == nil {
		return
	}
	switch kind {
	case ast.PropertyKindMethod, ast.PropertyKindValue:
		w.fnIn(&recFunc{method: name, lit: lit, implicit: symKey || implicitMethod(name, object), trap: proxyTraps[name.String()]})
	case ast.PropertyKindGet, ast.PropertyKindSet:
		w.fnIn(&recFunc{access: name, lit: lit, implicit: true})
	default:
		w.fn(lit, "", "")
	}
}

// implicitMethod reports whether a method named name (of an object literal: object) is one
// the engine calls without a call in the code: a conversion's (toString, valueOf, toJSON), or
// a property descriptor's get or set.
func implicitMethod(name unistring.String, object bool) bool {
	switch name {
	case "toString", "valueOf", "toJSON":
		return true
	case "get", "set":
		return object
	}
	return false
}

// implicitKey reports whether key, a computed property key, is a well-known symbol whose
// method the engine calls (Symbol.toPrimitive, Symbol.iterator, Symbol.hasInstance...) or
// util.inspect.custom.
func implicitKey(key ast.Expression) bool {
	d, ok := key.(*ast.DotExpression)
	if !ok {
		return false
	}
	switch d.Identifier.Name {
	case "toPrimitive", "iterator", "asyncIterator", "hasInstance", "custom", "species", "isConcatSpreadable":
		return true
	}
	return false
}

// proxyTraps are the names of a Proxy handler's traps.
var proxyTraps = map[string]bool{
	"get": true, "set": true, "has": true, "deleteProperty": true, "ownKeys": true, "apply": true,
	"construct": true, "getOwnPropertyDescriptor": true, "defineProperty": true,
	"getPrototypeOf": true, "setPrototypeOf": true, "isExtensible": true, "preventExtensions": true,
}

// reentry notes that the function being walked does something that may call code.
func (w *recWalker) reentry() {
	if len(w.stack) > 0 {
		w.stack[len(w.stack)-1].reenters = true
	}
}

// alias notes name bound to e, which is no function literal: when e reaches a function (its
// name, its bound copy, a wrapper's call with it, a method read off an object), a call of name
// reaches that function.
func (w *recWalker) alias(name unistring.String, e ast.Expression) {
	switch v := e.(type) {
	case *ast.Identifier:
		if v.Name != name {
			w.aliases = append(w.aliases, recAlias{name, key{byName, v.Name}})
		}
	case *ast.DotExpression:
		if n := v.Identifier.Name; !builtinMethodNames[n.String()] {
			w.aliases = append(w.aliases, recAlias{name, key{byMethod, n}})
		}
	case *ast.CallExpression:
		if d, ok := v.Callee.(*ast.DotExpression); ok && d.Identifier.Name == "bind" {
			w.alias(name, d.Left)
			return
		}
		for _, a := range v.ArgumentList {
			if id, ok := a.(*ast.Identifier); ok {
				w.alias(name, id)
			}
		}
	case *ast.ConditionalExpression:
		w.alias(name, v.Consequent)
		w.alias(name, v.Alternate)
	case *ast.BinaryExpression:
		if v.Operator == token.LOGICAL_OR || v.Operator == token.LOGICAL_AND || v.Operator == token.COALESCE {
			w.alias(name, v.Left)
			w.alias(name, v.Right)
		}
	case *ast.SequenceExpression:
		if n := len(v.Sequence); n > 0 {
			w.alias(name, v.Sequence[n-1])
		}
	case *ast.AssignExpression:
		w.alias(name, v.Right)
	}
}

func (w *recWalker) arrow(a *ast.ArrowFunctionLiteral, name unistring.String) {
	w.arrowIn(&recFunc{name: name, arrowL: a})
}

func (w *recWalker) arrowIn(f *recFunc) {
	a := f.arrowL
	w.push(f)
	w.params(a.ParameterList)
	switch b := a.Body.(type) {
	case *ast.BlockStatement:
		w.stmts(b.List)
	case *ast.ExpressionBody:
		w.expr(b.Expression)
	}
	w.stack = w.stack[:len(w.stack)-1]
}

func (w *recWalker) params(p *ast.ParameterList) {
	if p == nil {
		return
	}
	for _, b := range p.List {
		w.binding(b)
	}
	if p.Rest != nil {
		w.expr(p.Rest)
	}
}

func (w *recWalker) binding(b *ast.Binding) {
	if b == nil {
		return
	}
	if id, ok := b.Target.(*ast.Identifier); ok {
		w.named(b.Initializer, id.Name)
		return
	}
	w.expr(b.Target)
	w.expr(b.Initializer)
}

// method walks e, which is put on a property name (a function or arrow there is a method).
func (w *recWalker) method(e ast.Expression, name unistring.String) {
	switch v := e.(type) {
	case *ast.FunctionLiteral:
		w.fnIn(&recFunc{method: name, lit: v, implicit: implicitMethod(name, false)})
	case *ast.ArrowFunctionLiteral:
		w.arrowIn(&recFunc{method: name, arrowL: v, implicit: implicitMethod(name, false)})
	default:
		w.expr(e)
	}
}

// named walks e, which is bound to name (a function or arrow there is called by it).
func (w *recWalker) named(e ast.Expression, name unistring.String) {
	switch v := e.(type) {
	case *ast.FunctionLiteral:
		w.fn(v, name, "")
	case *ast.ArrowFunctionLiteral:
		w.arrow(v, name)
	case *ast.ArrayLiteral: // the functions in its slots are called as name[i](...)
		for _, el := range v.Value {
			switch el.(type) {
			case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
				w.named(el, name)
			default:
				w.expr(el)
			}
		}
	case *ast.CallExpression: // a wrapper's call: name stands for the functions it wraps
		w.alias(name, v)
		w.reentry()
		w.call(v.Callee)
		if _, ok := v.Callee.(*ast.Identifier); !ok {
			w.expr(v.Callee)
		}
		for _, a := range v.ArgumentList {
			switch a.(type) {
			case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
				w.named(a, name)
			default:
				w.expr(a)
			}
		}
	default:
		w.alias(name, e)
		w.expr(e)
	}
}

func propName(key ast.Expression, computed bool) unistring.String {
	if computed {
		return ""
	}
	switch k := key.(type) {
	case *ast.Identifier:
		return k.Name
	case *ast.StringLiteral:
		return k.Value
	}
	return ""
}

func (w *recWalker) class(c *ast.ClassLiteral) {
	if c == nil {
		return
	}
	w.expr(c.SuperClass)
	for _, el := range c.Body {
		switch e := el.(type) {
		case *ast.MethodDefinition:
			if e.Computed {
				w.expr(e.Key)
			}
			name := propName(e.Key, e.Computed)
			if name == "constructor" && !e.Static && c.Name != nil && e.Body != nil {
				w.fn(e.Body, c.Name.Name, "") // (new A(...) runs it)
				continue
			}
			w.member(e.Body, e.Kind, name, e.Computed && implicitKey(e.Key), false)
		case *ast.FieldDefinition:
			if e.Computed {
				w.expr(e.Key)
			}
			w.pushOpaque()
			w.expr(e.Initializer)
			w.pop()
		case *ast.ClassStaticBlock:
			w.pushOpaque()
			if e.Block != nil {
				w.stmts(e.Block.List)
			}
			w.pop()
		}
	}
}

// pushOpaque enters code with a this of its own that is no method's (a field initializer, a
// static block).
func (w *recWalker) pushOpaque() { w.push(&recFunc{skip: true}) }
func (w *recWalker) pop()        { w.stack = w.stack[:len(w.stack)-1] }

// push enters f, nested in the function entered last.
func (w *recWalker) push(f *recFunc) {
	if len(w.stack) > 0 {
		f.parent = w.stack[len(w.stack)-1]
	}
	w.funcs = append(w.funcs, f)
	w.stack = append(w.stack, f)
}

func (w *recWalker) stmts(list []ast.Statement) {
	for _, s := range list {
		w.stmt(s)
	}
}

func (w *recWalker) stmt(s ast.Statement) {
	switch s := s.(type) {
	case nil:
	case *ast.BlockStatement:
		w.stmts(s.List)
	case *ast.ExpressionStatement:
		w.expr(s.Expression)
	case *ast.VariableStatement:
		for _, b := range s.List {
			w.binding(b)
		}
	case *ast.LexicalDeclaration:
		for _, b := range s.List {
			w.binding(b)
		}
	case *ast.FunctionDeclaration:
		w.fn(s.Function, "", "")
	case *ast.ClassDeclaration:
		w.class(s.Class)
	case *ast.IfStatement:
		w.expr(s.Test)
		w.stmt(s.Consequent)
		w.stmt(s.Alternate)
	case *ast.ReturnStatement:
		w.expr(s.Argument)
	case *ast.ThrowStatement:
		w.expr(s.Argument)
	case *ast.ForStatement:
		switch in := s.Initializer.(type) {
		case *ast.ForLoopInitializerExpression:
			w.expr(in.Expression)
		case *ast.ForLoopInitializerVarDeclList:
			for _, b := range in.List {
				w.binding(b)
			}
		case *ast.ForLoopInitializerLexicalDecl:
			for _, b := range in.LexicalDeclaration.List {
				w.binding(b)
			}
		}
		w.expr(s.Test)
		w.expr(s.Update)
		w.stmt(s.Body)
	case *ast.ForInStatement:
		w.reentry()
		w.forInto(s.Into)
		w.expr(s.Source)
		w.stmt(s.Body)
	case *ast.ForOfStatement:
		w.reentry()
		w.forInto(s.Into)
		w.expr(s.Source)
		w.stmt(s.Body)
	case *ast.WhileStatement:
		w.expr(s.Test)
		w.stmt(s.Body)
	case *ast.DoWhileStatement:
		w.stmt(s.Body)
		w.expr(s.Test)
	case *ast.LabelledStatement:
		w.stmt(s.Statement)
	case *ast.SwitchStatement:
		w.expr(s.Discriminant)
		for _, c := range s.Body {
			w.expr(c.Test)
			w.stmts(c.Consequent)
		}
	case *ast.TryStatement:
		if s.Body != nil {
			w.stmts(s.Body.List)
		}
		if s.Catch != nil {
			w.expr(s.Catch.Parameter)
			if s.Catch.Body != nil {
				w.stmts(s.Catch.Body.List)
			}
		}
		if s.Finally != nil {
			w.stmts(s.Finally.List)
		}
	case *ast.WithStatement:
		w.reentry()
		w.expr(s.Object)
		w.stmt(s.Body)
	}
}

func (w *recWalker) forInto(in ast.ForInto) {
	switch v := in.(type) {
	case *ast.ForIntoVar:
		w.binding(v.Binding)
	case *ast.ForDeclaration:
		w.expr(v.Target)
	case *ast.ForIntoExpression:
		w.expr(v.Expression)
	}
}

// callee notes arguments.callee read in the function being walked (the nearest that is no
// arrow): it may call itself through it.
func (w *recWalker) callee() {
	for i := len(w.stack) - 1; i >= 0; i-- {
		f := w.stack[i]
		if f.arrowL != nil {
			continue
		}
		if !f.skip {
			f.force = true
		}
		return
	}
}

// thisMember notes this.<name> read or written: an accessor of that name is reached.
func (w *recWalker) thisMember(name unistring.String) {
	if len(w.stack) > 0 {
		w.calls = append(w.calls, recCall{w.stack[len(w.stack)-1], byAccess, name})
	}
}

func (w *recWalker) exprs(list []ast.Expression) {
	for _, e := range list {
		w.expr(e)
	}
}

func (w *recWalker) expr(e ast.Expression) {
	switch e := e.(type) {
	case nil:
	case *ast.CallExpression:
		w.reentry()
		w.call(e.Callee)
		if _, ok := e.Callee.(*ast.Identifier); !ok {
			w.expr(e.Callee)
		}
		w.exprs(e.ArgumentList)
	case *ast.Identifier:
		w.ref(e.Name)
	case *ast.FunctionLiteral:
		w.fn(e, "", "")
	case *ast.ArrowFunctionLiteral:
		w.arrow(e, "")
	case *ast.ClassLiteral:
		w.class(e)
	case *ast.AssignExpression:
		if id, ok := e.Left.(*ast.Identifier); ok && e.Operator == token.ASSIGN {
			w.named(e.Right, id.Name)
			return
		}
		if d, ok := e.Left.(*ast.DotExpression); ok && e.Operator == token.ASSIGN {
			// x.name = function () {...}, X.prototype.name = ...: a method called as
			// this.name(...) or x.name(...)
			w.expr(d) // (this.name = ...: an accessor of that name is reached)
			w.method(e.Right, d.Identifier.Name)
			return
		}
		if e.Operator != token.ASSIGN {
			w.reentry() // (a += b converts)
		}
		w.expr(e.Left)
		w.expr(e.Right)
	case *ast.BinaryExpression:
		switch e.Operator {
		case token.LOGICAL_AND, token.LOGICAL_OR, token.COALESCE, token.STRICT_EQUAL, token.STRICT_NOT_EQUAL:
		default:
			w.reentry() // (an operator that converts: valueOf, toString, Symbol.toPrimitive, hasInstance)
		}
		w.expr(e.Left)
		w.expr(e.Right)
	case *ast.UnaryExpression:
		switch e.Operator {
		case token.NOT, token.TYPEOF, token.VOID:
		case token.INCREMENT, token.DECREMENT:
			if _, ok := e.Operand.(*ast.Identifier); !ok {
				w.reentry()
			}
		default:
			w.reentry()
		}
		w.expr(e.Operand)
	case *ast.ConditionalExpression:
		w.expr(e.Test)
		w.expr(e.Consequent)
		w.expr(e.Alternate)
	case *ast.SequenceExpression:
		w.exprs(e.Sequence)
	case *ast.DotExpression:
		if _, ok := e.Left.(*ast.ThisExpression); ok {
			w.thisMember(e.Identifier.Name)
			return
		}
		if l, ok := e.Left.(*ast.Identifier); ok && l.Name == "arguments" && e.Identifier.Name == "callee" {
			w.callee()
		}
		w.reentry() // (another object's getter)
		w.expr(e.Left)
	case *ast.PrivateDotExpression:
		w.expr(e.Left)
	case *ast.BracketExpression:
		w.reentry()
		w.expr(e.Left)
		w.expr(e.Member)
	case *ast.NewExpression:
		w.reentry()
		w.call(e.Callee)
		if _, ok := e.Callee.(*ast.Identifier); !ok {
			w.expr(e.Callee)
		}
		w.exprs(e.ArgumentList)
	case *ast.OptionalChain:
		w.expr(e.Expression)
	case *ast.Optional:
		w.expr(e.Expression)
	case *ast.ArrayLiteral:
		w.exprs(e.Value)
	case *ast.ArrayPattern:
		w.reentry() // (an iterator)
		w.exprs(e.Elements)
		w.expr(e.Rest)
	case *ast.ObjectLiteral:
		w.props(e.Value)
	case *ast.ObjectPattern:
		w.reentry()
		w.props(e.Properties)
		w.expr(e.Rest)
	case *ast.SpreadElement:
		w.reentry()
		w.expr(e.Expression)
	case *ast.TemplateLiteral:
		if e.Tag != nil || len(e.Expressions) > 0 {
			w.reentry()
		}
		w.expr(e.Tag)
		w.exprs(e.Expressions)
	case *ast.YieldExpression:
		if e.Delegate {
			w.reentry()
		}
		w.expr(e.Argument)
	case *ast.AwaitExpression:
		w.expr(e.Argument)
	case *ast.Binding:
		w.binding(e)
	}
}

func (w *recWalker) props(list []ast.Property) {
	for _, p := range list {
		switch p := p.(type) {
		case *ast.PropertyKeyed:
			if p.Computed {
				w.expr(p.Key)
			}
			sym := p.Computed && implicitKey(p.Key)
			if lit, ok := p.Value.(*ast.FunctionLiteral); ok {
				w.member(lit, p.Kind, propName(p.Key, p.Computed), sym, true)
				continue
			}
			if a, ok := p.Value.(*ast.ArrowFunctionLiteral); ok && p.Kind == ast.PropertyKindValue {
				name := propName(p.Key, p.Computed)
				w.arrowIn(&recFunc{method: name, arrowL: a, implicit: sym || implicitMethod(name, true), trap: proxyTraps[name.String()]})
				continue
			}
			w.expr(p.Value)
		case *ast.PropertyShort:
			w.expr(p.Initializer)
		case *ast.SpreadElement:
			w.expr(p.Expression)
		}
	}
}

// RecursionBudgetSource and RecursionCheckSource are the names the guard uses in code compiled
// from its text (GuardRecursionSource): names a program can write (the text is parsed again),
// which the runtime declares as global lexical bindings (no property of the global object).
// There the budget is the property n of an object (a write of a global binding from such code
// allocates on each call; a property's does not), and the check takes that object and sets
// its n: --__gojsRb$.n || __gojsRc$(__gojsRb$).
const (
	RecursionBudgetSource = "__gojsRb$"
	RecursionCheckSource  = "__gojsRc$"
)

// GuardRecursionSource is GuardRecursionScript for code goja compiles from its text, where no
// AST can be handed over (eval, new Function, vm's scripts): src with the check written into
// the text of each function GuardRecursionScript would guard, ok false (src itself) when
// there is none or the text cannot be rewritten. Columns move after each check, on its line;
// the text of a guarded function (its toString) shows the check.
func GuardRecursionSource(src string) (out string, ok bool) {
	prg, err := parser.ParseFile(nil, "", src, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return src, false
	}
	w := &recWalker{marked: map[*recFunc]bool{}}
	defer func() {
		if recover() != nil { // an odd tree: rewrite nothing
			out, ok = src, false
		}
	}()
	w.stmts(prg.Body)
	w.mark()
	if len(w.marked) == 0 {
		return src, false
	}
	base := prg.File.Base()
	off := func(idx file.Idx) int { return int(idx) - base }
	var edits []TextEdit
	wrap := func(e ast.Expression) { // (check, e)
		at, end := off(e.Idx0()), off(exprEnd(e))
		if at < 0 || end > len(src) || at >= end {
			panic("position")
		}
		edits = append(edits, TextEdit{At: at, End: at, Text: sourceWrapOpen}, TextEdit{At: end, End: end, Text: sourceWrapClose})
	}
	for f := range w.marked {
		var params *ast.ParameterList
		switch {
		case f.lit != nil:
			params = f.lit.ParameterList
			body := f.lit.Body
			if body == nil {
				continue
			}
			i := 0
			for i < len(body.List) && isDirective(body.List[i]) {
				i++
			}
			if i == 0 {
				at := off(body.LeftBrace) + 1
				if at <= 0 || at > len(src) || src[at-1] != '{' {
					panic("position")
				}
				edits = append(edits, TextEdit{At: at, End: at, Text: sourceCheck})
			} else {
				at := off(exprEnd(body.List[i-1].(*ast.ExpressionStatement).Expression))
				if at <= 0 || at > len(src) {
					panic("position")
				}
				edits = append(edits, TextEdit{At: at, End: at, Text: sourceDirectiveCheck})
			}
		case f.arrowL != nil:
			params = f.arrowL.ParameterList
			switch b := f.arrowL.Body.(type) {
			case *ast.BlockStatement:
				at := off(b.LeftBrace) + 1
				if at <= 0 || at > len(src) || src[at-1] != '{' {
					panic("position")
				}
				edits = append(edits, TextEdit{At: at, End: at, Text: sourceCheck})
			case *ast.ExpressionBody:
				wrap(b.Expression)
			}
		}
		if params != nil {
			for _, b := range params.List {
				if b != nil && b.Initializer != nil && callsIn(b.Initializer) {
					wrap(b.Initializer)
				}
			}
		}
	}
	out = ApplyTextEdits(src, edits)
	if out == src {
		return src, false
	}
	// (a position goja's parser reports short would break the text: then it stays as it was)
	if _, err := parser.ParseFile(nil, "", out, 0, parser.WithDisableSourceMaps); err != nil {
		return src, false
	}
	return out, true
}

// The text GuardRecursionSource writes: a check as a statement (after a directive prologue: one
// of its own, the prologue ended), and a check before an expression (an arrow's body, a
// parameter's default), whose closing parenthesis carries a comment of the budget's name, so
// that UnguardSource finds each piece.
const (
	sourceCheckExpr      = "--" + RecursionBudgetSource + ".n||" + RecursionCheckSource + "(" + RecursionBudgetSource + ")"
	sourceCheck          = sourceCheckExpr + ";"
	sourceDirectiveCheck = ";" + sourceCheckExpr + ";"
	sourceWrapOpen       = "(" + sourceCheckExpr + ","
	sourceWrapClose      = "/*" + RecursionBudgetSource + "*/)"
)

// UnguardSource is s, text of code GuardRecursionSource rewrote (a function's toString), with
// the checks taken out: the text as the program wrote it.
func UnguardSource(s string) string {
	if !strings.Contains(s, RecursionBudgetSource) {
		return s
	}
	for _, piece := range []string{sourceDirectiveCheck, sourceCheck, sourceWrapOpen, sourceWrapClose} {
		s = strings.ReplaceAll(s, piece, "")
	}
	return s
}

// UnguardLine is UnguardSource for one line of such text and col, a 0-based byte column in
// it: the line as the program wrote it and the column there (a column inside a check is that
// of the code after it, where V8 places a call the check refused).
func UnguardLine(line string, col int) (string, int) {
	if !strings.Contains(line, RecursionBudgetSource) {
		return line, col
	}
	var b strings.Builder
	out := col
	for i := 0; i < len(line); {
		n := 0
		for _, piece := range []string{sourceDirectiveCheck, sourceCheck, sourceWrapOpen, sourceWrapClose} {
			if strings.HasPrefix(line[i:], piece) {
				n = len(piece)
				break
			}
		}
		if n == 0 {
			b.WriteByte(line[i])
			i++
			continue
		}
		if col >= i+n {
			out -= n
		} else if col >= i { // (where V8 places a call the check refused: what follows it)
			out = b.Len() + len(line[i+n:]) - len(strings.TrimLeft(line[i+n:], " \t"))
		}
		i += n
	}
	return b.String(), out
}
