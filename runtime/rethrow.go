package runtime

import (
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

// rethrowArrow is node's excerpt for the rethrow that let an error made at frames[0] go
// uncaught, or "" when no frame's place is inside a try whose catch rethrows.
func (rt *Runtime) rethrowArrow(frames []goja.StackFrame) string {
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
		p := f.Position()
		file := p.Filename
		if file == "" || strings.HasPrefix(file, "node:") || rt.esmSources[file] || rt.transformed[file] || !rt.wrapped[file] {
			continue
		}
		src, ok := rt.sources[file]
		if !ok {
			continue
		}
		col := p.Column
		if p.Line == 1 {
			col -= len(cjsWrapperPrefix)
		}
		off := lineColOffset(src, p.Line, col-1)
		if off < 0 || seen[place{file, off}] || len(seen) >= 256 {
			continue
		}
		seen[place{file, off}] = true
		prg, ok := parsed[file]
		if !ok {
			prg = parseForRethrow(src)
			parsed[file] = prg
		}
		if line, c, ok := rethrowPlace(prg, src, off); ok {
			return rt.arrow(file, line, c, false)
		}
	}
	return ""
}

// rethrowPrefix wraps a CommonJS module's source for parseForRethrow (it may return).
const rethrowPrefix = "(function(){"

// parseForRethrow parses a CommonJS module's source, nil when it has no try with a rethrow or
// does not parse.
func parseForRethrow(src string) *ast.Program {
	if !strings.Contains(src, "catch") || !strings.Contains(src, "throw") {
		return nil
	}
	prg, err := parser.ParseFile(nil, "", rethrowPrefix+src+"\n})", 0, parser.WithDisableSourceMaps)
	if err != nil {
		return nil
	}
	return prg
}

// rethrowPlace finds, in a CommonJS module's source (prg, parsed by parseForRethrow), the
// outermost try around offset off whose catch clause rethrows its parameter, and returns that
// throw's 1-based line and column.
func rethrowPlace(prg *ast.Program, src string, off int) (int, int, bool) {
	if prg == nil {
		return 0, 0, false
	}
	const prefix = rethrowPrefix
	pos := off + len(prefix) + 1 // (file.Idx counts from 1)
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
		if at := catchRethrow(t.Catch.Body, param.Name); at >= 0 {
			found = at // (the outermost: it is met first, and its inner ones are not gone into)
			return false
		}
		return true
	})
	if found < 0 {
		return 0, 0, false
	}
	at := found - 1 - len(prefix)
	if at < 0 || at > len(src) {
		return 0, 0, false
	}
	line := strings.Count(src[:at], "\n") + 1
	col := at - (strings.LastIndexByte(src[:at], '\n') + 1) + 1
	return line, col, true
}

// catchRethrow is the place (file.Idx) of a `throw name` in body's own code, -1 if there is none.
func catchRethrow(body *ast.BlockStatement, name interface{ String() string }) int {
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
		}
		return true
	})
	return at
}

// factoryThrowArrow is node's excerpt for an error made by a function the throw statement
// called, `throw makeError(...)`: goja's place is the making's, in the factory; V8's the throw.
// It is the throw around the place of the error's second frame of the program's (the factory's
// caller) when the first (the making) is in no throw statement; "" otherwise.
func (rt *Runtime) factoryThrowArrow(frames []goja.StackFrame) string {
	n := 0
	var parsed map[string]*ast.Program
	for i := range frames {
		f := &frames[i]
		if f.SrcName() == "<native>" {
			continue
		}
		p := f.Position()
		file := p.Filename
		if file == "" || strings.HasPrefix(file, "node:") || rt.esmSources[file] || rt.transformed[file] || !rt.wrapped[file] {
			return ""
		}
		src, ok := rt.sources[file]
		if !ok {
			return ""
		}
		col := p.Column
		if p.Line == 1 {
			col -= len(cjsWrapperPrefix)
		}
		off := lineColOffset(src, p.Line, col-1)
		if off < 0 {
			return ""
		}
		if parsed == nil {
			parsed = map[string]*ast.Program{}
		}
		prg, ok := parsed[file]
		if !ok {
			prg = parseForThrows(src)
			parsed[file] = prg
		}
		at := throwAround(prg, off+len(rethrowPrefix)+1)
		if n == 0 {
			if at >= 0 || prg == nil {
				return "" // made in its throw statement: the usual excerpt
			}
			n++
			continue
		}
		if at < 0 {
			return ""
		}
		at -= 1 + len(rethrowPrefix)
		line := strings.Count(src[:at], "\n") + 1
		c := at - (strings.LastIndexByte(src[:at], '\n') + 1) + 1
		return rt.arrow(file, line, c, false)
	}
	return ""
}

// parseForThrows is parseForRethrow for any throw statement.
func parseForThrows(src string) *ast.Program {
	if !strings.Contains(src, "throw") {
		return nil
	}
	prg, err := parser.ParseFile(nil, "", rethrowPrefix+src+"\n})", 0, parser.WithDisableSourceMaps)
	if err != nil {
		return nil
	}
	return prg
}

// throwAround is the place (file.Idx) of the throw statement whose argument holds pos in the
// same function's code, -1 when there is none.
func throwAround(prg *ast.Program, pos int) int {
	if prg == nil {
		return -1
	}
	at := -1
	modules.WalkAST(reflect.ValueOf(prg), func(v reflect.Value) bool {
		n, ok := v.Interface().(ast.Node)
		if !ok {
			return true
		}
		if pos < int(n.Idx0()) || pos >= int(n.Idx1()) {
			return false // (nothing inside holds pos)
		}
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
