package runtime

import (
	"net/url"
	"reflect"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/gojs-dev/gojs/modules"
)

// An error goja throws keeps, as the place of every throw, the frames it was made with: a
// `catch (e) { ...; throw e; }` that lets it go on gives no place of its own. V8's excerpt of an
// uncaught error points at the last throw, the rethrow. The frames still tell the way the error
// went out: every try around a frame's place whose catch caught it rethrew it (it is uncaught),
// and the last of those is the outermost. rethrowArrow finds, from the outermost frame in, the
// first place inside a try whose catch rethrows its parameter (`throw e`, in the catch's own
// code, not a nested function's), and points at that throw.

// madeInEndedMain reports whether frames, an uncaught error's, are those of its making during
// the main module's evaluation, which had ended when it was thrown (from a timer's callback, say):
// they are then not the way the error went out, and the places a catch of them rethrows, or a
// caller throws, are not its throw (node's excerpt is its last throw). Loop only.
func (rt *Runtime) madeInEndedMain(frames []goja.StackFrame) bool {
	if !rt.mainDone {
		return false
	}
	for i := len(frames) - 1; i >= 0; i-- {
		if f := &frames[i]; f.FuncName() == "runMain" && f.Position().Filename == loaderName {
			return true
		}
	}
	return false
}

// rethrowArrow is node's excerpt for the rethrow that let an error made at frames[0] go
// uncaught, or "" when no frame's place is inside a try whose catch rethrows.
func (rt *Runtime) rethrowArrow(frames []goja.StackFrame) string {
	if rt.staleFrames {
		return ""
	}
	type place struct {
		file string
		off  int
	}
	seen := map[place]bool{} // (a deep recursion's frames repeat the same few places)
	parsed := map[string]*ast.Program{}
	for i := len(frames) - 1; i >= 0; i-- {
		f := &frames[i]
		if f.SrcName() == "<native>" {
			continue
		}
		file, src, off, ok := rt.cjsFramePlace(f)
		if !ok {
			file, src, off, ok = rt.transformedFramePlace(f)
		}
		if !ok || seen[place{file, off}] || len(seen) >= 256 {
			continue
		}
		seen[place{file, off}] = true
		prg, ok := parsed[file]
		if !ok {
			prg = parseCJS(src, "catch")
			parsed[file] = prg
		}
		if at := rethrowPlace(prg, off); at >= 0 {
			return rt.arrowAtIdx(file, src, at)
		}
	}
	return ""
}

// userRethrowArrow is the excerpt of the program's catch that threw v, an error, again, or "" when
// no catch of the program's rethrew it. V8 points at the last throw: an error node made in its
// own code (a system error of fs's sync calls, a validator's error, a module require did not find)
// and caught and rethrown by the program shows the program's `throw e`, not node's line.
func (rt *Runtime) userRethrowArrow(v goja.Value, frames []goja.StackFrame) (arrow string) {
	if _, ok := v.(*goja.Object); !ok {
		return ""
	}
	defer func() {
		if recover() != nil {
			arrow = ""
		}
	}()
	return rt.rethrowArrow(frames)
}

// transformedFramePlace is a frame's place in a CommonJS module the loader compiled from
// esbuild's transform (one with import() or for await): the file, its own source and the
// offset in it the frame's source-mapped place is at; ok false for any other frame. (An ES
// module's is not looked at: node's excerpt of an error an ES module's catch rethrew is the
// first throw's, which goja's place is.)
func (rt *Runtime) transformedFramePlace(f *goja.StackFrame) (file, src string, off int, ok bool) {
	p := f.Position()
	file = p.Filename
	if !rt.transformed[file] || rt.esmSources[file] {
		return "", "", 0, false
	}
	if src, ok = rt.sources[file]; !ok {
		return "", "", 0, false
	}
	start := lineColOffset(src, p.Line, 0)
	if start < 0 {
		return "", "", 0, false
	}
	text := src[start:]
	if j := strings.IndexByte(text, '\n'); j >= 0 {
		text = text[:j]
	}
	off = start + byteOffset(text, p.Column-1) // (a source map's columns count UTF-16 units)
	return file, src, off, off <= len(src)
}

// rethrowPrefix wraps a CommonJS module's source for parseCJS (it may return).
const rethrowPrefix = "(function(){"

// parseCJS parses a CommonJS module's source for the throws in it, nil when it has no throw (or
// not the word also, when given) or does not parse.
func parseCJS(src, also string) *ast.Program {
	if !strings.Contains(src, "throw") || also != "" && !strings.Contains(src, also) {
		return nil
	}
	prg, err := parser.ParseFile(nil, "", rethrowPrefix+parseableSource(src)+"\n})", 0, parser.WithDisableSourceMaps)
	if err != nil {
		return nil
	}
	return prg
}

// cjsFramePlace is a frame's place in a CommonJS module the loader compiled, or in a script vm
// ran: the file, its source and the offset in it; ok false for any other frame.
func (rt *Runtime) cjsFramePlace(f *goja.StackFrame) (file, src string, off int, ok bool) {
	p := f.Position()
	file = p.Filename
	if name, ok := strings.CutPrefix(file, modules.EvalSourceScheme); ok {
		// (a vm script placed by its inline source map: named as vm ran it)
		if u, err := url.PathUnescape(name); err == nil {
			file = u
		}
	}
	if c, vm := rt.vmCode[file]; vm && !rt.wrapped[file] && c.lineOffset == 0 && c.columnOffset == 0 && c.first == 0 {
		// a script vm ran as file (no offsets): its own code, whose columns count UTF-16 units
		col := p.Column - 1
		if text := rt.vmNonASCIILine(file, p.Line); text != "" {
			col = byteOffset(text, col)
		}
		off = lineColOffset(c.code, p.Line, col)
		return file, c.code, off, off >= 0
	}
	if file == "" || strings.HasPrefix(file, "node:") || rt.esmSources[file] || rt.transformed[file] || !rt.wrapped[file] {
		return "", "", 0, false
	}
	if src, ok = rt.sources[file]; !ok {
		return "", "", 0, false
	}
	col := p.Column
	if p.Line == 1 {
		col -= len(cjsWrapperPrefix)
	}
	off = lineColOffset(src, p.Line, col-1)
	return file, src, off, off >= 0
}

// rethrowPlace finds, in a CommonJS module's source (prg, parsed by parseCJS), the
// outermost try around offset off whose catch clause rethrows its parameter, and returns that
// throw's place (a file.Idx of prg), -1 when there is none.
func rethrowPlace(prg *ast.Program, off int) int {
	if prg == nil {
		return -1
	}
	pos := idxOf(off)
	found := -1
	modules.WalkAST(reflect.ValueOf(prg), func(v reflect.Value) bool {
		if found >= 0 {
			return false
		}
		t, ok := v.Interface().(*ast.TryStatement)
		if !ok {
			return true
		}
		if t.Body == nil || pos < int(t.Body.Idx0()) || pos >= int(t.Body.Idx1()) || t.Catch == nil {
			return true
		}
		param, ok := t.Catch.Parameter.(*ast.Identifier)
		if !ok {
			return true
		}
		if at := catchRethrow(prg, t.Catch.Body, param.Name); at >= 0 {
			found = at // (the outermost: it is met first, and its inner ones are not gone into)
			return false
		}
		return true
	})
	return found
}

// idxOf is the file.Idx in a parseCJS program of the source's offset off (Idx counts from 1).
func idxOf(off int) int { return off + len(rethrowPrefix) + 1 }

// arrowAtIdx is node's excerpt for the place at (a file.Idx of file's parseCJS program).
func (rt *Runtime) arrowAtIdx(file, src string, at int) string {
	off := at - idxOf(0)
	if off < 0 || off > len(src) {
		return ""
	}
	line := strings.Count(src[:off], "\n") + 1
	start := strings.LastIndexByte(src[:off], '\n') + 1
	col := off - start + 1
	if rt.vmNonASCIILine(file, line) != "" {
		col = utf16Len(src[start:off]) + 1 // (vm code's columns count UTF-16 units)
	}
	return rt.arrow(file, line, col, false)
}

// catchRethrow is the place (file.Idx) of a `throw name` in body's own code, or, for a call
// f(..., name, ...) there of a function f that prg declares, of the `throw param` in f's own code
// that throws the parameter name was passed as (catch (e) { fail(e); }); -1 if there is none.
func catchRethrow(prg *ast.Program, body *ast.BlockStatement, name interface{ String() string }) int {
	at := -1
	modules.WalkAST(reflect.ValueOf(body), func(v reflect.Value) bool {
		if at >= 0 {
			return false
		}
		switch n := v.Interface().(type) {
		case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral, *ast.ClassLiteral:
			return false
		case *ast.ThrowStatement:
			if id, ok := n.Argument.(*ast.Identifier); ok && id.Name.String() == name.String() {
				at = int(n.Throw)
			}
			return false
		case *ast.CallExpression:
			callee, ok := n.Callee.(*ast.Identifier)
			if !ok {
				return true
			}
			for k, a := range n.ArgumentList {
				if id, ok := a.(*ast.Identifier); ok && id.Name.String() == name.String() {
					if t := declaredParamThrow(prg, callee.Name.String(), k); t >= 0 {
						at = t
						return false
					}
				}
			}
		}
		return true
	})
	return at
}

// declaredParamThrow is the place of a `throw p` in the own code of the function named fn that
// prg declares (the first such declaration), p its k-th parameter; -1 if there is none.
func declaredParamThrow(prg *ast.Program, fn string, k int) int {
	at, done := -1, false
	if prg == nil {
		return at
	}
	modules.WalkAST(reflect.ValueOf(prg), func(v reflect.Value) bool {
		if done {
			return false
		}
		d, ok := v.Interface().(*ast.FunctionDeclaration)
		if !ok {
			return true
		}
		f := d.Function
		if f == nil || f.Name == nil || f.Name.Name.String() != fn {
			return true
		}
		done = true
		if f.ParameterList != nil && k < len(f.ParameterList.List) && f.Body != nil {
			if id, ok := f.ParameterList.List[k].Target.(*ast.Identifier); ok {
				at = catchRethrow(nil, f.Body, id.Name)
			}
		}
		return false
	})
	return at
}

// factoryThrowArrow is node's excerpt for an error made by a function the throw statement
// called, `throw makeError(...)`: goja's place is the making's, in the factory; V8's the throw.
// It is the throw around the place of the error's second frame of the program's (the factory's
// caller) when the first (the making) is in no throw statement; "" otherwise.
func (rt *Runtime) factoryThrowArrow(frames []goja.StackFrame) string {
	if rt.staleFrames {
		return ""
	}
	first := true
	for i := range frames {
		f := &frames[i]
		if f.SrcName() == "<native>" {
			continue
		}
		file, src, off, ok := rt.cjsFramePlace(f)
		if !ok {
			return ""
		}
		prg := parseCJS(src, "")
		at := throwAround(prg, idxOf(off))
		if first {
			if at >= 0 || prg == nil {
				return "" // made in its throw statement: the usual excerpt
			}
			first = false
			continue
		}
		if at < 0 {
			return ""
		}
		return rt.arrowAtIdx(file, src, at)
	}
	return ""
}

// throwAround is the place (file.Idx) of the throw statement whose argument holds pos in the
// same function's code, -1 when there is none.
func throwAround(prg *ast.Program, pos int) int {
	if prg == nil {
		return -1
	}
	at := -1
	modules.WalkASTAt(prg, pos, func(n ast.Node) bool {
		switch t := n.(type) {
		case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
			at = -1 // a function's own code: a throw outside it is not its
		case *ast.ThrowStatement:
			at = int(t.Throw)
		}
		return true
	})
	return at
}

// calleeThrowArrow is node's excerpt for an error made as the argument of a call to a function
// of the same module that throws that parameter: `return failure(new Error(...))` with
// `function failure(err) { if (callback) return callback(err); throw err; }` (jsonwebtoken's
// sign). goja's place is the making's; V8's the callee's throw. "" when the error's first frame
// is no such argument, or the module has no one function of that name throwing it.
func (rt *Runtime) calleeThrowArrow(frames []goja.StackFrame) string {
	if rt.staleFrames {
		return ""
	}
	for i := range frames {
		f := &frames[i]
		if f.SrcName() == "<native>" {
			continue
		}
		file, src, off, ok := rt.cjsFramePlace(f)
		if !ok {
			return ""
		}
		prg := parseCJS(src, "")
		if prg == nil {
			return ""
		}
		name, arg := calleeOfArgument(prg, idxOf(off))
		if name == "" {
			return ""
		}
		if at := paramThrow(prg, name, arg); at >= 0 {
			return rt.arrowAtIdx(file, src, at)
		}
		return ""
	}
	return ""
}

// calleeOfArgument finds the innermost call of a plain name, f(...), one of whose arguments
// holds pos (a file.Idx of prg) in the same function's code: the name and the argument's index
// ("" when there is none).
func calleeOfArgument(prg *ast.Program, pos int) (name string, arg int) {
	modules.WalkASTAt(prg, pos, func(n ast.Node) bool {
		switch t := n.(type) {
		case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
			name = "" // (a call outside the function that holds pos is not the one)
		case *ast.CallExpression:
			callee := ""
			switch c := t.Callee.(type) {
			case *ast.Identifier:
				callee = c.Name.String()
			case *ast.DotExpression:
				callee = "." + c.Identifier.Name.String() // (a method: x.fail(err), this._exitCallback(err))
			default:
				return true
			}
			for k, a := range t.ArgumentList {
				if pos >= int(a.Idx0()) && pos < int(a.Idx1()) {
					name, arg = callee, k
				}
			}
		}
		return true
	})
	return name, arg
}

// paramThrow is the place (file.Idx) of a `throw p` in the own code of the one function of prg
// named name (a declaration, or a variable a function is assigned to; for ".m", a function
// assigned to a property m: commander's `this._exitCallback = (err) => { ...; throw err; }`), p
// its parameter at index arg; -1 when there is none, or more than one function has that name.
func paramThrow(prg *ast.Program, name string, arg int) int {
	var fn ast.Node
	var params *ast.ParameterList
	var body *ast.BlockStatement
	count := 0
	take := func(lit ast.Expression) {
		switch l := lit.(type) {
		case *ast.FunctionLiteral:
			count++
			fn, params, body = l, l.ParameterList, l.Body
		case *ast.ArrowFunctionLiteral:
			count++
			b, _ := l.Body.(*ast.BlockStatement)
			fn, params, body = l, l.ParameterList, b
		}
	}
	modules.WalkAST(reflect.ValueOf(prg), func(v reflect.Value) bool {
		switch t := v.Interface().(type) {
		case *ast.FunctionDeclaration:
			if t.Function != nil && t.Function.Name != nil && t.Function.Name.Name.String() == name {
				take(t.Function)
			}
		case *ast.Binding:
			if id, ok := t.Target.(*ast.Identifier); ok && id.Name.String() == name && t.Initializer != nil {
				take(t.Initializer)
			}
		case *ast.AssignExpression:
			if d, ok := t.Left.(*ast.DotExpression); ok && "."+d.Identifier.Name.String() == name {
				take(t.Right)
			}
		}
		return true
	})
	if count != 1 || fn == nil || params == nil || body == nil || arg >= len(params.List) {
		return -1
	}
	p, ok := params.List[arg].Target.(*ast.Identifier)
	if !ok {
		return -1
	}
	return catchRethrow(nil, body, p.Name)
}

// parseableSource is a CommonJS module's source (one the loader transforms) with what goja's
// parser rejects blanked at the same offsets: import( becomes a call of an identifier, and the
// await of a for await loop spaces. Only its statements' places are read from the parse.
func parseableSource(src string) string {
	if !strings.Contains(src, "import") && !strings.Contains(src, "await") {
		return src
	}
	var b []byte
	for _, w := range [...]struct{ find, keep, blank string }{{"import", "(", "_mport"}, {"await", "", "     "}} {
		for i := 0; ; {
			j := strings.Index(src[i:], w.find)
			if j < 0 {
				break
			}
			k := i + j
			i = k + len(w.find)
			if k > 0 && (isIdentByte(src[k-1]) || src[k-1] == '.') || i < len(src) && isIdentByte(src[i]) {
				continue
			}
			rest := strings.TrimLeft(src[i:], " \t\r\n")
			if w.keep != "" && !strings.HasPrefix(rest, w.keep) {
				continue
			}
			if w.keep == "" && !strings.HasSuffix(strings.TrimRight(src[:k], " \t\r\n"), "for") {
				continue
			}
			if b == nil {
				b = []byte(src)
			}
			copy(b[k:], w.blank)
		}
	}
	if b == nil {
		return src
	}
	return string(b)
}

// An 'uncaughtException' listener that throws the error it was given again (`e => { throw e; }`)
// ends the process with 7, and V8's excerpt points at that throw. goja would give the rethrow the
// error's making place (the frames the error object keeps), so while the listeners run the error
// keeps no frames (its stack keeps them, as lazyStack's keep path does): a throw of it then takes
// the place it is thrown at, as a throw of any other value does.

// unpinnedThrow is an error whose frames unpinThrowPlace took out, until repinThrowPlace.
type unpinnedThrow struct {
	obj    *goja.Object
	frames []goja.StackFrame
}

// unpinThrowPlace takes v's goja frames out of the error object for as long as the uncaught
// exception listeners run, its unread stack kept from them. Loop only.
func (rt *Runtime) unpinThrowPlace(v goja.Value) {
	rt.unpinned = unpinnedThrow{}
	o, ok := v.(*goja.Object)
	s := rt.stacks
	if !ok || s == nil {
		return
	}
	if _, proxy := modules.ExportAs[goja.Proxy](o); proxy {
		return
	}
	raw, ok := gojaErrorFrames(o)
	if !ok || len(raw) == 0 {
		return
	}
	if d := rt.ownStackDescriptor(o); d != nil && s.isPendingStack(d) {
		if _, kept := s.peekPending(o); !kept {
			// (its stack would be made of the frames in the object when first read)
			p, ok := s.pendingOf(o)
			if !ok {
				return
			}
			if !rt.keepPendingSafe(o, p) {
				// (not extensible: its stack is read from the frames in the object, left there)
				if len(p.raw) == len(raw) {
					s.recent.keep(o, p.slots, p.task)
				}
				return
			}
		}
	} else if rt.stackUnread(o) {
		return // (goja's own text, formatted from the frames when read: left as it is)
	}
	setGojaErrorFrames(o, nil)
	rt.unpinned = unpinnedThrow{o, raw}
}

// keepPendingSafe is s.keepPending, false when o takes no pending stack (not extensible).
func (rt *Runtime) keepPendingSafe(o *goja.Object, p *pendingStack) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	rt.stacks.keepPending(o, p)
	return true
}

// repinThrowPlace gives the error unpinThrowPlace took the frames of its frames back; threw
// says a listener on the fatal path threw (rt.listenerThrew). Loop only.
func (rt *Runtime) repinThrowPlace(threw bool) {
	rt.listenerThrew = threw
	u := rt.unpinned
	rt.unpinned = unpinnedThrow{}
	if u.obj == nil {
		return
	}
	if cur, ok := gojaErrorFrames(u.obj); ok && len(cur) == 0 {
		setGojaErrorFrames(u.obj, u.frames)
	}
}
