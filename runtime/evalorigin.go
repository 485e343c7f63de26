package runtime

import (
	"strconv"
	"strings"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/file"
)

// A function made by the Function constructor runs code V8 calls eval code: its frames, and
// those of the functions declared in its body, read "at eval (eval at build
// (/app/lib.js:650:23), <anonymous>:3:12)", naming where new Function was called (the caller's
// name, <anonymous> for top-level code and arrows) and the place in the function's own source;
// goja's read "at anonymous (<eval>:3:12)". The constructor notes each function's source (the
// goja file its program and the programs of the functions inside it share) with that origin,
// and the stack writer gives their frames it. A runtime keeps the origins of its last
// maxEvalOrigins functions (template engines compile thousands): an older one's frames read as
// goja's.

const maxEvalOrigins = 512

type evalOrigins struct {
	m     map[*file.File]evalOrigin
	order []*file.File // oldest first
}

// evalOrigin is where the Function constructor made a function: base is V8's eval origin
// ("eval at build (/app/lib.js:650:23)"), url the name its source gives itself with a
// sourceURL comment (lodash's templates), which its frames then read as instead.
type evalOrigin struct {
	base, url string
}

// location is what a frame of such code reads as, before its line and column.
func (o evalOrigin) location() string {
	if o.url != "" {
		return o.url
	}
	return o.base + ", <anonymous>"
}

// noteEvalOrigin records where the Function constructor was called for fn, the function it
// made. Loop only.
func (rt *Runtime) noteEvalOrigin(fn *goja.Object) {
	src := programSource(funcProgram(fn))
	if src == nil {
		return
	}
	var base string
	raw := rt.vm.CaptureCallStack(4, nil)
	for i := range raw {
		f := &raw[i]
		if f.SrcName() == "<native>" {
			continue
		}
		if _, ok := rt.evalOriginOf(f); !ok && f.SrcName() == "<eval>" && f.Position().Filename == "<eval>" {
			// called from eval's code: its origin is on the whole stack
			raw = rt.vm.CaptureCallStack(0, nil)
			base, _ = rt.evalBaseAt(&raw[i], raw, i)
			break
		}
		base, _ = rt.evalBaseAt(f, nil, 0)
		break
	}
	if base == "" {
		return
	}
	rt.keepEvalOrigin(src, base)
}

// evalBaseAt is V8's eval origin for code made by a call at frame f ("eval at build
// (/app/lib.js:650:23)"), or "" when f has no place. raw and i, when given, are the stack f is
// raw[i] of, for a caller that is itself eval code whose origin is found on it. col is the
// frame's column as the call's place (0: f's own).
func (rt *Runtime) evalBaseAt(f *goja.StackFrame, raw []goja.StackFrame, i int) (string, int) {
	p := f.Position()
	if p.Filename == "" {
		return "", 0
	}
	name := f.FuncName()
	if (name == "" || name == "<anonymous>") && rt.stacks != nil {
		// V8 names the caller by its debug name: a class's constructor by the class, an
		// anonymous function by the name inferred for it (exports.build = function...)
		name = strings.TrimPrefix(rt.stacks.inferredName(f), "new ")
		if name == "new" {
			name = ""
		}
	}
	if name == "" || name == "anonymous" && f.SrcName() == "<eval>" {
		name = "<anonymous>"
	} else if kind := accessorKind(frameProgram(f), name); kind != "" {
		name = kind + " " + name // (V8's name of an accessor: "get g")
	}
	o, ok := rt.evalOriginOf(f)
	if !ok && raw != nil {
		o, ok = rt.evalCallOrigin(raw, i)
	}
	if ok {
		// made by code that was made so itself: V8 names that code's origin, not a place in it
		where := o.base
		if o.url != "" {
			where = o.url
		}
		return "eval at " + name + " (" + where + ")", 0
	}
	col := p.Column
	if p.Line == 1 && !rt.esmSources[p.Filename] && !rt.transformed[p.Filename] && rt.wrapped[p.Filename] {
		col -= len(cjsWrapperPrefix)
	}
	col = rt.callColumn(p.Filename, p.Line, col)
	file := p.Filename
	if rt.esmSources[file] {
		file = "file://" + file
	}
	return "eval at " + name + " (" + file + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(col) + ")", col
}

// evalCallOrigin finds the origin of eval code (a direct or an indirect eval's) whose frame is
// raw[i], from the stack itself: the deepest frame of the same code is the eval's own, and the
// one below it (past the built-in eval's, for an indirect call) made the call. It is kept for
// the code's later frames (its functions, called once the eval has returned). ok is false when
// the stack does not show the call.
func (rt *Runtime) evalCallOrigin(raw []goja.StackFrame, i int) (evalOrigin, bool) {
	src := programSource(frameProgram(&raw[i]))
	if src == nil {
		return evalOrigin{}, false
	}
	last := i
	for j := i + 1; j < len(raw); j++ {
		if raw[j].SrcName() == "<eval>" && programSource(frameProgram(&raw[j])) == src {
			last = j
		}
	}
	k := last + 1
	indirect := false
	if k < len(raw) && raw[k].SrcName() == "<native>" {
		if raw[k].FuncName() != "eval" {
			return evalOrigin{}, false
		}
		indirect = true
		k++
	}
	if k >= len(raw) || raw[k].SrcName() == "<native>" {
		return evalOrigin{}, false
	}
	base, _ := rt.evalBaseAt(&raw[k], raw, k)
	if base == "" {
		return evalOrigin{}, false
	}
	if !indirect && !rt.callsEvalAt(&raw[k]) {
		// (the deepest frame is a function of the code, called after the eval returned: the
		// eval's call is not on the stack)
		return evalOrigin{}, false
	}
	rt.keepEvalOrigin(src, base)
	return rt.evalOrigins.m[src], true
}

// callsEvalAt reports whether frame f is at a direct call of eval: goja places the frame at
// the call's "(", which follows the name eval, in the text it compiled.
func (rt *Runtime) callsEvalAt(f *goja.StackFrame) bool {
	p := f.Position()
	text, col := programPlace(f, p)
	if rt.esmSources[p.Filename] || rt.transformed[p.Filename] {
		// (esbuild's output: the place is source-mapped to the original text, just after the
		// call's "(")
		text, col = rt.sourceLine(p.Filename, p.Line), p.Column-1
		if col > 0 && col <= len(text) && text[col-1] == '(' {
			col--
		} else if col >= 0 && strings.HasPrefix(text[min(col, len(text)):], "eval") && (col == 0 || !isIdentByte(text[col-1])) {
			// (an ES module's direct eval whose code reads imports (esmeval.go): the place is
			// mapped to the name eval)
			rest := strings.TrimLeft(text[col+len("eval"):], " \t")
			return strings.HasPrefix(rest, "(")
		}
	}
	if col < 0 || col >= len(text) || text[col] != '(' {
		return false
	}
	before := strings.TrimRight(text[:col], " \t")
	return strings.HasSuffix(before, "eval") && (len(before) == 4 || !isIdentByte(before[len(before)-5]))
}

// keepEvalOrigin records base as the origin of the code of source src.
func (rt *Runtime) keepEvalOrigin(src *file.File, base string) {
	o := rt.evalOrigins
	if o == nil {
		o = &evalOrigins{m: map[*file.File]evalOrigin{}}
		rt.evalOrigins = o
	}
	if _, ok := o.m[src]; !ok {
		if len(o.order) >= maxEvalOrigins {
			delete(o.m, o.order[0])
			o.order = append(o.order[:0], o.order[1:]...)
		}
		o.order = append(o.order, src)
	}
	o.m[src] = evalOrigin{base: base, url: sourceURL(src.Source())}
}

// sourceURL is the name the last "//# sourceURL=" (or "//@ ") comment of src gives it, or "".
func sourceURL(src string) string {
	i := strings.LastIndex(src, "sourceURL=")
	if i < 0 {
		return ""
	}
	head := strings.TrimSuffix(src[:i], " ")
	if !strings.HasSuffix(head, "//#") && !strings.HasSuffix(head, "//@") {
		return ""
	}
	rest := src[i+len("sourceURL="):]
	if j := strings.IndexAny(rest, " \t\r\n\"'"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// evalOriginOf is the origin of a frame of a function made by the Function constructor (or
// declared in its body), or false for any other frame.
func (rt *Runtime) evalOriginOf(f *goja.StackFrame) (evalOrigin, bool) {
	if rt.evalOrigins == nil || f.SrcName() != "<eval>" {
		return evalOrigin{}, false
	}
	src := programSource(frameProgram(f))
	if src == nil {
		return evalOrigin{}, false
	}
	o, ok := rt.evalOrigins.m[src]
	return o, ok
}

// programSource is the goja source file of a program (nil when unknown).
func programSource(prg unsafe.Pointer) *file.File {
	off := programSrcOffset.Get()
	if prg == nil || off == ^uintptr(0) {
		return nil
	}
	return *(**file.File)(unsafe.Add(prg, off))
}

// accessorKind is "get" or "set" when prg is the function of an accessor named name (get x()
// {...}), whose program starts at its get; "" otherwise.
func accessorKind(prg unsafe.Pointer, name string) string {
	src, start, ok := programStart(prg)
	if !ok {
		return ""
	}
	for _, kind := range []string{"get", "set"} {
		rest, ok := strings.CutPrefix(src[start:], kind)
		if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t' && rest[0] != '\n' && rest[0] != '\r') {
			continue
		}
		rest = strings.TrimLeft(rest, " \t\r\n")
		if rest, ok = strings.CutPrefix(rest, name); ok && strings.HasPrefix(strings.TrimLeft(rest, " \t\r\n"), "(") {
			return kind
		}
	}
	return ""
}
