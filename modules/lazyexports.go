package modules

import (
	"reflect"
	"sort"
	"strings"
	"sync"
	"unsafe"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// Lazy exports (Module.LazyExports): the exported functions of a glue that nothing else in it
// names are made on first use instead of when the module loads. The glue is rewritten once per
// process, before it is compiled:
//
//   - each such top-level `function name(...) {...}` moves, as it is written, into one maker
//     appended to the glue, `function __gojsLazyMembers(n) { switch (n) { case 'name': return
//     function name(...) {...}; ... } }` (its lines are left blank, so the lines of the rest do
//     not move);
//   - its shorthand `name` in the exports literal (`module.exports = { ... }`, possibly
//     `const x = module.exports = { ... }`) becomes `name: void 0`, which keeps the property's
//     place;
//   - right after that statement the glue calls internal/lazy_members' members(module.exports,
//     __gojsLazyMembers, undefined, key), which makes the names stored for key (LazyMemberNames)
//     lazy members (runtime/lazymembers.go);
//     a host without that binding gets them at once.
//
// "Nothing else names it" is decided on the syntax tree: the function's name appears nowhere
// in the glue as an identifier (a property name after a dot does not count) but in its
// declaration and in the exports literal. The functions keep their name, length and source
// text; only their place in the glue (the line of an internal stack frame) changes.
//
// Top-level function declarations that only moved functions (and other such helpers) name move
// too, into one function that makes them all, once, at the maker's first call for a function
// that names one (lazyRewrite.helpers). A function or method whose name the glue's top level
// mentions again after setting it (reads it, defines it, or sets a subclass's method of that
// name, which looks it up) stays where it is: it would be made while the glue loads anyway.

const lazyWrapPrefix = "(function (exports, require, module, binding, internalBinding) {"

// lazyMakerName is the maker's name in rewritten glue; lazyHelpersName makes the moved helpers
// (lazyRewrite.helpers), kept in the var lazyHelpersVar.
const (
	lazyMakerName   = "__gojsLazyMembers"
	lazyHelpersName = "__gojsLazyHelpers"
	lazyHelpersVar  = "__gojsLazyH"
)

// lazyExportsSource rewrites js (a glue's source) as described above, with key (the module's
// name) naming its templates; it returns js unchanged when there is nothing to do or js does not
// parse, and the keys of the objects it made lazy members of.
func lazyExportsSource(key, js string) (string, []string) {
	prg, fl := scriptFunc(lazyWrapPrefix + js + "\n})")
	if fl == nil {
		return js, nil
	}
	rw := &lazyRewrite{js: js, base: len(lazyWrapPrefix)}
	rw.exports(key, prg, fl)
	rw.protos(key, fl)
	if len(rw.keys) == 0 {
		return js, nil
	}
	rw.helpers(fl)
	rw.edits = append(rw.edits, lazyEdit{len(js), len(js), rw.makerText()})
	return rw.apply(), rw.keys
}

// LazyScript rewrites src, a script `(function (..., internalBinding) { ... })` that glue
// compiles itself, as LazyExports does a module's glue, but only its top-level
// `X.prototype.name = function ... {...}` and, for X one of objs, `X.name = function ... {...}`
// statements (key "key:X" names each object's template). It returns src unchanged when there is
// nothing to do or src does not parse. Call it once per process: the result is a new string.
func LazyScript(key, src string, objs ...string) string {
	s, _ := lazyScript(key, src, objs)
	return s
}

// lazyScript is LazyScript, which also returns the keys it stored member names for.
func lazyScript(key, src string, objs []string) (string, []string) {
	_, fl := scriptFunc(src)
	if fl == nil {
		return src, nil
	}
	rw := &lazyRewrite{js: src, objs: map[string]bool{}}
	for _, o := range objs {
		rw.objs[o] = true
	}
	rw.protos(key, fl)
	if len(rw.keys) == 0 {
		return src, nil
	}
	rw.helpers(fl)
	end := rw.off(int(fl.Body.RightBrace))
	rw.edits = append(rw.edits, lazyEdit{end, end, rw.makerText()})
	return rw.apply(), rw.keys
}

// scriptFunc parses src, a script that is one `(function (...) {...})` expression, and returns
// it and that function; the function is nil when src does not parse or is something else.
func scriptFunc(src string) (*ast.Program, *ast.FunctionLiteral) {
	prg, err := parser.ParseFile(nil, "", src, 0)
	if err != nil || len(prg.Body) != 1 {
		return nil, nil
	}
	es, ok := prg.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return nil, nil
	}
	fl, ok := es.Expression.(*ast.FunctionLiteral)
	if !ok || fl.Body == nil {
		return nil, nil
	}
	return prg, fl
}

// lazyScripts holds LazyScriptOnce's results by the source's storage.
var lazyScripts sync.Map // *byte -> func() string

// LazyScriptOnce is LazyScript(key, src, objs...) rewritten once per process for src (a glue's
// own string): every caller gets the same string, so that modules.CompileOnce of the result (keyed
// by its storage) compiles it once, whichever caller comes first (the gojs command's prewarm or
// the first runtime).
func LazyScriptOnce(key, src string, objs ...string) string {
	k := unsafe.StringData(src)
	if f, ok := lazyScripts.Load(k); ok {
		return f.(func() string)()
	}
	f, _ := lazyScripts.LoadOrStore(k, sync.OnceValue(func() string { return LazyScript(key, src, objs...) }))
	return f.(func() string)()
}

// apply returns js with the edits made (their places do not overlap; an insertion sorts before
// a replacement at the same place), in one pass.
func (rw *lazyRewrite) apply() string {
	sort.SliceStable(rw.edits, func(i, j int) bool { return rw.edits[i].from < rw.edits[j].from })
	var b strings.Builder
	b.Grow(len(rw.js) + 1024)
	at := 0
	for _, e := range rw.edits {
		b.WriteString(rw.js[at:e.from])
		b.WriteString(e.text)
		at = e.to
	}
	b.WriteString(rw.js[at:])
	return b.String()
}

// makerText is the maker appended to the glue: `function __gojsLazyMembers(name)` returning the
// moved function of that name, in whose scope the moved helpers are (made, all at once, by its
// first call).
func (rw *lazyRewrite) makerText() string {
	var b strings.Builder
	b.WriteString("\n")
	if len(rw.helperNames) > 0 {
		helpers := strings.Join(rw.helperNames, ", ")
		b.WriteString("var " + lazyHelpersVar + ";\nfunction " + lazyHelpersName + "() {\n")
		b.WriteString(rw.helperText.String())
		b.WriteString("return { " + helpers + " };\n}\n")
	}
	b.WriteString("function " + lazyMakerName + "(__gojsLazyName) {\nswitch (__gojsLazyName) {\n")
	for _, m := range rw.moved {
		b.WriteString("case '" + m.label + "': ")
		if len(m.uses) > 0 {
			// only the helpers it names, so that a function made while the glue loads does not
			// make them all when it needs none
			var uses []string
			for _, n := range rw.helperNames {
				if m.uses[n] {
					uses = append(uses, n)
				}
			}
			b.WriteString("{ const { " + strings.Join(uses, ", ") + " } = " + lazyHelpersVar + " || (" + lazyHelpersVar + " = " +
				lazyHelpersName + "()); return " + rw.js[m.from:m.to] + "; }\n")
			continue
		}
		b.WriteString("return " + rw.js[m.from:m.to] + ";\n")
	}
	b.WriteString("}\n}\n")
	return b.String()
}

type lazyEdit struct {
	from, to int
	text     string
}

type lazyRewrite struct {
	js    string
	base  int             // the length of what precedes js in the source parsed
	objs  map[string]bool // the objects X whose X.name = function ... are rewritten too
	edits []lazyEdit
	keys  []string
	moved []lazyCase  // the functions moved into the maker, in its order
	refs  *refCounter // topRefs, once walked

	mentions map[string]int // lastMention, once walked

	helperNames []string        // the helpers moved (helpers)
	helperText  strings.Builder // their declarations
}

// off is the offset in js of a place in the wrapped source.
func (rw *lazyRewrite) off(idx int) int { return idx - 1 - rw.base }

// funcText is the place of a function literal's text in js (with its `async`).
func (rw *lazyRewrite) funcText(f *ast.FunctionLiteral) (int, int, bool) {
	js := rw.js
	from, to := rw.off(int(f.Idx0())), rw.off(int(f.Idx1()))
	if from < 0 || to > len(js) || from >= to {
		return 0, 0, false
	}
	if f.Async {
		a := strings.TrimRight(js[:from], " \t")
		if !strings.HasSuffix(a, "async") {
			return 0, 0, false
		}
		from = len(a) - len("async")
	}
	if !strings.HasSuffix(js[from:to], "}") || !strings.HasPrefix(strings.TrimPrefix(js[from:to], "async "), "function") {
		return 0, 0, false
	}
	return from, to, true
}

// move moves the function text at from:to into the maker under label, leaving its lines (with
// placeholder in front) in its place.
func (rw *lazyRewrite) move(from, to int, label, placeholder string) {
	text := rw.js[from:to]
	rw.moved = append(rw.moved, lazyCase{label: label, from: from, to: to})
	rw.edits = append(rw.edits, lazyEdit{from, to, placeholder + strings.Repeat("\n", strings.Count(text, "\n"))})
}

// lazyCase is a function moved into the maker: its label, its place, and the helpers it names.
type lazyCase struct {
	label    string
	from, to int
	uses     map[string]bool
}

// lazyBindingExpr is internal/lazy_members' binding, or undefined in a host without it (as a
// module's own tests have): the glue then makes the members at once.
const lazyBindingExpr = "typeof internalBinding === 'function' ? internalBinding('internal/lazy_members') : undefined"

// exports rewrites the exports literal's functions that nothing else names.
func (rw *lazyRewrite) exports(key string, prg *ast.Program, fl *ast.FunctionLiteral) {
	js := rw.js
	var lit *ast.ObjectLiteral
	var stmtEnd, stmt int
	for i, st := range fl.Body.List {
		if o := exportsLiteral(st); o != nil {
			lit, stmtEnd, stmt = o, rw.off(int(st.Idx1())), i
			break
		}
	}
	if lit == nil {
		return
	}
	decls := map[unistring.String]*ast.FunctionLiteral{}
	for _, st := range fl.Body.List {
		if fd, ok := st.(*ast.FunctionDeclaration); ok && fd.Function.Name != nil && !fd.Function.Generator {
			decls[fd.Function.Name.Name] = fd.Function
		}
	}
	c := rw.topRefs(fl)

	var names []string
	for _, p := range lit.Value {
		ps, ok := p.(*ast.PropertyShort)
		if !ok || ps.Initializer != nil {
			continue
		}
		f := decls[ps.Name.Name]
		if f == nil || c.refs[ps.Name.Name] != 2 {
			continue
		}
		name := ps.Name.Name.String()
		if last, ok := rw.lastMention(fl)[name]; ok && last > stmt {
			continue
		}
		from, to, ok := rw.funcText(f)
		at := rw.off(int(ps.Name.Idx))
		if !ok || at < 0 || at+len(name) > len(js) || js[at:at+len(name)] != name {
			continue
		}
		rw.move(from, to, name, "")
		rw.edits = append(rw.edits, lazyEdit{at, at + len(name), name + ": void 0"})
		names = append(names, name)
	}
	if len(names) == 0 {
		return
	}
	lazyNames.Store(key, names)
	rw.keys = append(rw.keys, key)
	list := "'" + strings.Join(names, "','") + "'"
	// (the binding reads the names from LazyMemberNames(key): the list is made only without it)
	rw.edits = append(rw.edits, lazyEdit{stmtEnd, stmtEnd, ";{ const __gojsLazyB = " + lazyBindingExpr +
		"; if (__gojsLazyB) __gojsLazyB.members(module.exports, " + lazyMakerName + ", undefined, '" + key +
		"'); else for (const n of [" + list + "]) module.exports[n] = " + lazyMakerName + "(n); }"})
}

// topRefs counts, and places, the identifiers in the glue that may name one of its top-level
// function declarations: walked once (the walk is most of a rewrite's time) for exports and
// helpers.
func (rw *lazyRewrite) topRefs(fl *ast.FunctionLiteral) *refCounter {
	if rw.refs != nil {
		return rw.refs
	}
	c := &refCounter{names: map[unistring.String]bool{}, refs: map[unistring.String]int{},
		seen: make(map[lazySeen]bool, 1<<14), at: map[unistring.String][]int{}}
	for _, st := range fl.Body.List {
		if fd, ok := st.(*ast.FunctionDeclaration); ok && fd.Function.Name != nil {
			c.names[fd.Function.Name.Name] = true
		}
	}
	// the glue's own top level: its declarations are the ones counted
	c.walk(reflect.ValueOf(fl.ParameterList), nil)
	c.walk(reflect.ValueOf(fl.Body), nil)
	rw.refs = c
	return c
}

// lastMention maps each name that the glue's top level mentions when it runs (outside the
// functions it makes, IIFEs included) as a property after a dot or as a string, to the index of
// the last top-level statement that does. Such a member is made at load anyway (read, defined,
// or probed by an assignment to a subclass's prototype, which looks up the chain): it stays
// eager rather than cost a placeholder and a maker call, and make the helpers it names.
func (rw *lazyRewrite) lastMention(fl *ast.FunctionLiteral) map[string]int {
	if rw.mentions != nil {
		return rw.mentions
	}
	rw.mentions = map[string]int{}
	seen := map[lazySeen]bool{}
	var walk func(v reflect.Value, stmt int)
	walk = func(v reflect.Value, stmt int) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() {
				return
			}
			k := lazySeen{v.Pointer(), v.Type()}
			if seen[k] {
				return
			}
			seen[k] = true
			walk(v.Elem(), stmt)
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem(), stmt)
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), stmt)
			}
		case reflect.Struct:
			switch x := v.Addr().Interface().(type) {
			case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
				return // made, not run
			case *ast.CallExpression:
				// an IIFE runs its body now
				switch f := x.Callee.(type) {
				case *ast.FunctionLiteral:
					walk(reflect.ValueOf(f.Body), stmt)
				case *ast.ArrowFunctionLiteral:
					walk(reflect.ValueOf(f.Body), stmt)
				default:
					walk(reflect.ValueOf(x.Callee), stmt)
				}
				walk(reflect.ValueOf(x.ArgumentList), stmt)
				return
			case *ast.DotExpression:
				rw.mentions[x.Identifier.Name.String()] = stmt
			case *ast.StringLiteral:
				rw.mentions[x.Value.String()] = stmt
				return
			}
			computed := v.FieldByName("Computed")
			for i := 0; i < v.NumField(); i++ {
				sf := v.Type().Field(i)
				if !sf.IsExported() || sf.Name == "Key" && computed.IsValid() && computed.Kind() == reflect.Bool && !computed.Bool() {
					continue // (a property's name in a literal or class defines, and probes nothing)
				}
				walk(v.Field(i), stmt)
			}
		}
	}
	for i, st := range fl.Body.List {
		if _, ok := st.(*ast.FunctionDeclaration); ok {
			continue
		}
		walk(reflect.ValueOf(st), i)
	}
	return rw.mentions
}

// helpers moves into the maker's scope the top-level `function name(...) {...}` declarations
// (helpers) that are named only inside the functions already moved into the maker and inside
// other such helpers: nothing at the glue's top level, and no function made when it loads, can
// reach them. They are made, once, by the maker's first call, in one function declared at the
// glue's top level (so they see what they saw), and the maker's scope gets each by its name:
// every moved function names the same helper object. Their lines are left blank.
func (rw *lazyRewrite) helpers(fl *ast.FunctionLiteral) {
	if len(rw.moved) == 0 {
		return
	}
	type helper struct {
		name     string
		from, to int
	}
	cands := map[unistring.String]*helper{}
	dup := map[unistring.String]bool{}
	inMoved := func(at int) *lazyCase {
		for i := range rw.moved {
			if m := &rw.moved[i]; at >= m.from && at < m.to {
				return m
			}
		}
		return nil
	}
	var order []unistring.String
	for _, st := range fl.Body.List {
		fd, ok := st.(*ast.FunctionDeclaration)
		if !ok || fd.Function.Name == nil {
			continue
		}
		n := fd.Function.Name.Name
		if cands[n] != nil || dup[n] {
			delete(cands, n)
			dup[n] = true
			continue
		}
		from, to, ok := rw.funcText(fd.Function)
		if !ok || fd.Function.Generator || inMoved(from) != nil || strings.HasPrefix(n.String(), "__gojs") {
			continue
		}
		cands[n] = &helper{name: n.String(), from: from, to: to}
		order = append(order, n)
	}
	if len(cands) == 0 {
		return
	}
	c := rw.topRefs(fl)
	// where each name is named from: in a moved function (""), at top level or in a function
	// that stays (nil), or in a candidate (its name)
	byPlace := make([]*helper, 0, len(cands))
	for _, h := range cands {
		byPlace = append(byPlace, h)
	}
	sort.Slice(byPlace, func(i, j int) bool { return byPlace[i].from < byPlace[j].from })
	from := map[unistring.String][]*helper{}
	for n := range cands {
		for _, idx := range c.at[n] {
			at := rw.off(idx)
			if inMoved(at) != nil {
				continue
			}
			i := sort.Search(len(byPlace), func(i int) bool { return byPlace[i].to > at })
			if i < len(byPlace) && byPlace[i].from <= at {
				from[n] = append(from[n], byPlace[i])
			} else {
				from[n] = append(from[n], nil)
			}
		}
	}
	// keep those named only inside moved functions and kept helpers, until nothing changes
	for changed := true; changed; {
		changed = false
		for n := range cands {
			for _, h := range from[n] {
				if h == nil || cands[unistring.NewFromString(h.name)] == nil {
					delete(cands, n)
					changed = true
					break
				}
			}
		}
	}
	for _, n := range order {
		h := cands[n]
		if h == nil {
			continue
		}
		for _, idx := range c.at[n] {
			if m := inMoved(rw.off(idx)); m != nil {
				if m.uses == nil {
					m.uses = map[string]bool{}
				}
				m.uses[h.name] = true
			}
		}
		text := rw.js[h.from:h.to]
		rw.edits = append(rw.edits, lazyEdit{h.from, h.to, strings.Repeat("\n", strings.Count(text, "\n"))})
		rw.helperText.WriteString(text + "\n")
		rw.helperNames = append(rw.helperNames, h.name)
	}
}

// protoMethod is a top-level `X.prototype.name = function ... {...}`.
type protoMethod struct {
	stmt     int // its index in the glue's top level
	obj      string
	name     string
	from, to int // the function's text
	end      int // the statement's end
}

// protos rewrites the top-level `X.prototype.name = function ... {...}` statements (each name
// set once so): the function moves into the maker, the statement sets void 0, and after each run
// of such statements the glue calls protos(maker, key, X.prototype, name, ...), which makes
// them lazy members of X.prototype.
func (rw *lazyRewrite) protos(key string, fl *ast.FunctionLiteral) {
	var found []protoMethod
	count := map[string]int{}
	for i, st := range fl.Body.List {
		es, ok := st.(*ast.ExpressionStatement)
		if !ok {
			continue
		}
		a, ok := es.Expression.(*ast.AssignExpression)
		if !ok || a.Operator != token.ASSIGN {
			continue
		}
		f, ok := a.Right.(*ast.FunctionLiteral)
		if !ok || f.Generator {
			continue
		}
		d1, ok := a.Left.(*ast.DotExpression)
		if !ok {
			continue
		}
		var obj string
		if d2, ok := d1.Left.(*ast.DotExpression); ok && d2.Identifier.Name == "prototype" {
			if x, ok := d2.Left.(*ast.Identifier); ok {
				obj = x.Name.String() + ".prototype"
			}
		} else if x, ok := d1.Left.(*ast.Identifier); ok && rw.objs[x.Name.String()] {
			obj = x.Name.String()
		}
		if obj == "" {
			continue
		}
		from, to, ok := rw.funcText(f)
		if !ok {
			continue
		}
		m := protoMethod{stmt: i, obj: obj, name: d1.Identifier.Name.String(), from: from, to: to, end: rw.off(int(st.Idx1()))}
		if strings.ContainsAny(m.obj+m.name, "'\\") {
			continue
		}
		count[m.obj+"."+m.name]++
		found = append(found, m)
	}
	names := map[string][]string{}
	var objs []string
	var run []protoMethod
	flush := func() {
		if len(run) == 0 {
			return
		}
		var args, eager strings.Builder
		for _, m := range run {
			k := key + ":" + m.obj
			args.WriteString(", '" + k + "', " + m.obj + ", '" + m.name + "'")
			eager.WriteString(m.obj + "." + m.name + " = " + lazyMakerName + "('" + m.obj + "." + m.name + "'); ")
		}
		last := run[len(run)-1]
		rw.edits = append(rw.edits, lazyEdit{last.end, last.end, ";{ const __gojsLazyB = " + lazyBindingExpr +
			"; if (__gojsLazyB) __gojsLazyB.protos(" + lazyMakerName + args.String() + "); else { " + eager.String() + "} }"})
		run = run[:0]
	}
	prev := -2
	for _, m := range found {
		if count[m.obj+"."+m.name] != 1 {
			continue
		}
		if last, ok := rw.lastMention(fl)[m.name]; ok && last > m.stmt {
			continue
		}
		if m.stmt != prev+1 {
			flush()
		}
		prev = m.stmt
		rw.move(m.from, m.to, m.obj+"."+m.name, "void 0")
		if names[m.obj] == nil {
			objs = append(objs, m.obj)
		}
		names[m.obj] = append(names[m.obj], m.name)
		run = append(run, m)
	}
	flush()
	for _, o := range objs {
		lazyNames.Store(key+":"+o, names[o])
		rw.keys = append(rw.keys, key+":"+o)
	}
}

// lazyNames holds the names of each key's lazy members (key: the module's name for its exports,
// "module:X.prototype" for a prototype's), stored when the glue is rewritten.
var lazyNames sync.Map

// LazyMemberNames are the names of the lazy members of key's objects, in the order they are set,
// once the glue that has them is compiled; nil if none.
func LazyMemberNames(key string) []string {
	v, _ := lazyNames.Load(key)
	names, _ := v.([]string)
	return names
}

// exportsLiteral is the object literal st assigns to module.exports (`module.exports = {...}`,
// `const x = module.exports = {...}`), or nil.
func exportsLiteral(st ast.Statement) *ast.ObjectLiteral {
	var e ast.Expression
	switch s := st.(type) {
	case *ast.ExpressionStatement:
		e = s.Expression
	case *ast.LexicalDeclaration:
		if len(s.List) == 1 {
			e = s.List[0].Initializer
		}
	case *ast.VariableStatement:
		if len(s.List) == 1 {
			e = s.List[0].Initializer
		}
	}
	a, ok := e.(*ast.AssignExpression)
	if !ok {
		return nil
	}
	d, ok := a.Left.(*ast.DotExpression)
	if !ok || d.Identifier.Name != "exports" {
		return nil
	}
	if m, ok := d.Left.(*ast.Identifier); !ok || m.Name != "module" {
		return nil
	}
	o, _ := a.Right.(*ast.ObjectLiteral)
	return o
}

var (
	lazyIdentType = reflect.TypeFor[ast.Identifier]()
	lazyDotType   = reflect.TypeFor[ast.DotExpression]()
	lazyFuncType  = reflect.TypeFor[ast.FunctionLiteral]()
	lazyArrowType = reflect.TypeFor[ast.ArrowFunctionLiteral]()
)

// lazySeen is a pointer refCounter has followed, with its type (a struct and its first field
// share an address).
type lazySeen struct {
	p uintptr
	t reflect.Type
}

// refCounter counts, for each name of names, the identifiers in a tree that may refer to the
// top-level binding of that name: every identifier of that name but a property name (after a
// dot, or a key that is not computed) and those inside a function that declares the name
// itself (as a plain parameter, a var, or a function, let, const or class at its top level).
// When unsure it counts.
type refCounter struct {
	names map[unistring.String]bool
	refs  map[unistring.String]int
	seen  map[lazySeen]bool
	at    map[unistring.String][]int // when not nil: where each counted identifier is
}

func (c *refCounter) walk(v reflect.Value, shadow map[unistring.String]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		k := lazySeen{v.Pointer(), v.Type()}
		if c.seen[k] {
			return
		}
		c.seen[k] = true
		c.walk(v.Elem(), shadow)
	case reflect.Interface:
		if !v.IsNil() {
			c.walk(v.Elem(), shadow)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			c.walk(v.Index(i), shadow)
		}
	case reflect.Struct:
		switch v.Type() {
		case lazyIdentType:
			if id := v.Interface().(ast.Identifier); c.names[id.Name] && !shadow[id.Name] {
				c.refs[id.Name]++
				if c.at != nil {
					c.at[id.Name] = append(c.at[id.Name], int(id.Idx))
				}
			}
			return
		case lazyDotType:
			c.walk(v.FieldByName("Left"), shadow)
			return
		case lazyFuncType:
			f := v.Addr().Interface().(*ast.FunctionLiteral)
			if f.Name != nil {
				c.walk(reflect.ValueOf(*f.Name), shadow) // (a declaration's name is the outer scope's)
			}
			inner := c.declared(shadow, f.ParameterList, f.DeclarationList, f.Body)
			c.walk(reflect.ValueOf(f.ParameterList), inner)
			c.walk(reflect.ValueOf(f.Body), inner)
			return
		case lazyArrowType:
			f := v.Addr().Interface().(*ast.ArrowFunctionLiteral)
			var body *ast.BlockStatement
			if b, ok := f.Body.(*ast.BlockStatement); ok {
				body = b
			}
			inner := c.declared(shadow, f.ParameterList, f.DeclarationList, body)
			c.walk(reflect.ValueOf(f.ParameterList), inner)
			c.walk(reflect.ValueOf(f.Body), inner)
			return
		}
		t := v.Type()
		computed := v.FieldByName("Computed")
		for i := 0; i < v.NumField(); i++ {
			sf := t.Field(i)
			if !sf.IsExported() {
				continue
			}
			if sf.Name == "Key" && computed.IsValid() && computed.Kind() == reflect.Bool && !computed.Bool() {
				continue // a property name
			}
			c.walk(v.Field(i), shadow)
		}
	}
}

// declared is shadow with the names of c.names that a function with these parameters, var
// declarations and body declares itself.
func (c *refCounter) declared(shadow map[unistring.String]bool, params *ast.ParameterList, vars []*ast.VariableDeclaration, body *ast.BlockStatement) map[unistring.String]bool {
	var own []unistring.String
	add := func(t ast.BindingTarget) {
		if id, ok := t.(*ast.Identifier); ok && c.names[id.Name] {
			own = append(own, id.Name)
		}
	}
	if params != nil {
		for _, b := range params.List {
			add(b.Target)
		}
	}
	for _, d := range vars {
		for _, b := range d.List {
			add(b.Target)
		}
	}
	if body != nil {
		for _, st := range body.List {
			switch s := st.(type) {
			case *ast.FunctionDeclaration:
				if s.Function.Name != nil {
					add(s.Function.Name)
				}
			case *ast.LexicalDeclaration:
				for _, b := range s.List {
					add(b.Target)
				}
			case *ast.ClassDeclaration:
				if s.Class.Name != nil {
					add(s.Class.Name)
				}
			}
		}
	}
	if len(own) == 0 {
		return shadow
	}
	inner := make(map[unistring.String]bool, len(shadow)+len(own))
	for n := range shadow {
		inner[n] = true
	}
	for _, n := range own {
		inner[n] = true
	}
	return inner
}
