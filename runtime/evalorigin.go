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
	for _, f := range rt.vm.CaptureCallStack(4, nil) {
		if f.SrcName() == "<native>" {
			continue
		}
		p := f.Position()
		if p.Filename == "" {
			return
		}
		name := f.FuncName()
		if name == "" || name == "anonymous" && f.SrcName() == "<eval>" {
			name = "<anonymous>"
		}
		if o, ok := rt.evalOriginOf(&f); ok {
			// made by code that was made so itself: V8 names that code's origin, not a place in it
			where := o.base
			if o.url != "" {
				where = o.url
			}
			base = "eval at " + name + " (" + where + ")"
			break
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
		base = "eval at " + name + " (" + file + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(col) + ")"
		break
	}
	if base == "" {
		return
	}
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
