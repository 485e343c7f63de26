package runtime

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// node:test calls a test's, a suite's or a hook's function, and awaits what an async one
// returns, through glue functions whose receiver carries node's frames for that call
// (test.js: callThrough and awaitTest): the frames of node 20's runner (Test.run,
// processPendingSubtests, Suite.run...) as they are below the function when node runs it
// there. testRunnerFrames are those frames, when f is such a call's frame; the glue's frames
// below it, up to the next frame of the program, are node's no more.
// async says the frame is an awaiting one (awaitTest's).
func (s *stackAPI) testRunnerFrames(file string, slots []frameSlot, i int) (frames []siteInfo, async, ok bool) {
	if file != "node:test" {
		return nil, false, false
	}
	sl, ok := slotAt(slots, i)
	if !ok {
		return nil, false, false
	}
	o, ok := sl.this.(*goja.Object)
	if !ok {
		return nil, false, false
	}
	v := o.Get("nodeTestFrames")
	if v == nil {
		return nil, false, false
	}
	list, ok := v.Export().([]any)
	if !ok {
		return nil, false, false
	}
	out := make([]siteInfo, 0, len(list))
	for _, e := range list {
		str, ok := e.(string)
		if !ok {
			return nil, false, false
		}
		out = append(out, parseNodeFrame(str))
	}
	return out, sl.async, true
}

// parseNodeFrame reads a frame as V8 prints it (without "at "): "async Name (file:line:col)",
// "file:line:col", "Name (<anonymous>)" (a built-in's) or "Promise.all (index N)".
func parseNodeFrame(str string) siteInfo {
	var si siteInfo
	if rest, ok := strings.CutPrefix(str, "async "); ok {
		si.async, str = true, rest
	}
	loc := str
	if j := strings.LastIndex(str, " ("); j >= 0 && strings.HasSuffix(str, ")") {
		si.display, loc = str[:j], str[j+2:len(str)-1]
		si.fn = si.display
		if k := strings.LastIndexByte(si.fn, '.'); k >= 0 {
			si.typ, si.method, si.fn = si.fn[:k], si.fn[k+1:], si.fn[k+1:]
		}
		si.fn = strings.TrimPrefix(si.fn, "new ")
	}
	if loc == "<anonymous>" || strings.HasPrefix(loc, "index ") {
		si.native = si.typ
		if si.native == "" {
			si.native = si.fn
		}
		if loc != "<anonymous>" {
			si.where = loc
		}
		return si
	}
	// file:line:col
	if j := strings.LastIndexByte(loc, ':'); j > 0 {
		if k := strings.LastIndexByte(loc[:j], ':'); k > 0 {
			si.file = loc[:k]
			si.line, _ = strconv.Atoi(loc[k+1 : j])
			si.col, _ = strconv.Atoi(loc[j+1:])
		}
	}
	return si
}

// internalFrame reports whether a frame of file is one of the runtime's (a built-in's glue,
// the loader's, or a Go function's).
func internalFrame(f *goja.StackFrame) bool {
	if f.SrcName() == "<native>" {
		return true
	}
	file := f.Position().Filename
	return file == "" || strings.HasPrefix(file, "node:")
}
