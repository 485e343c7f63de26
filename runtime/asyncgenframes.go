package runtime

import (
	"strings"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
)

// The frames of a lowered async generator (runtime/asyncgen.go): its body is a sync generator
// function, `return __asyncGenerator.call(g, this, null, function* () {...})`, which the
// runtime's helpers (modules/asyncgen.js) resume with the generator's next, return or throw. V8
// shows the body's frame under the async generator function's name ("at g", "at Object.m"),
// then, when the program's own call of next (return, throw) ran the body, that call's frame
// ("at g.next (<anonymous>)") and the program's caller; when a promise job resumed the body
// (after an await or a yield), nothing below it. asyncGenFrames names the body's frame and
// leaves out the helpers' frames so.

// asyncGenFrames returns raw and slots without the frames of the async generator helpers, the
// bodies' frames named after their async generator functions (raw is copied when changed).
func asyncGenFrames(raw []goja.StackFrame, slots []frameSlot) ([]goja.StackFrame, []frameSlot) {
	copied := false
	for i := 0; i+2 < len(raw); i++ {
		if raw[i].SrcName() == "<native>" || raw[i+1].SrcName() != "<native>" || !generatorMethod(raw[i+1].FuncName()) ||
			!isAsyncGenFrame(&raw[i+2]) {
			continue
		}
		j := i + 2
		for j < len(raw) && (isAsyncGenFrame(&raw[j]) || raw[j].SrcName() == "<native>" && j+1 < len(raw) && isAsyncGenFrame(&raw[j+1])) {
			j++
		}
		name, ok := asyncGenBodyName(&raw[i])
		if !ok {
			continue
		}
		if !copied {
			raw = append([]goja.StackFrame(nil), raw...)
			copied = true
		}
		if !renameFrame(&raw[i], name) {
			continue
		}
		from := i + 2 // (the program's call of next: V8's frame of the generator's next stays)
		if j == len(raw) || raw[j].SrcName() == "<native>" {
			// resumed by a promise job: nothing of the helpers' or the loop's below (the async
			// frames goja adds after those stay)
			from = i + 1
			for j < len(raw) && raw[j].SrcName() == "<native>" {
				j++
			}
		}
		raw, slots = dropFrames(raw, slots, from, j)
	}
	return raw, slots
}

// isAsyncGenFrame reports whether f is a frame of a function of modules/asyncgen.js.
func isAsyncGenFrame(f *goja.StackFrame) bool {
	if f.SrcName() != loaderName {
		return false
	}
	src := programSource(frameProgram(f))
	return src != nil && modules.IsAsyncGenSource(src.Source())
}

// asyncGenBodyName is the name of the async generator function whose lowered body runs in f,
// read from the text before the body: `__asyncGenerator.call(NAME, ` for a function (an
// anonymous one's NAME is the name the lowering gave it, whose own name is the one inferred
// from the text before the marking), or the method whose body holds `__asyncGenerator(this, `.
func asyncGenBodyName(f *goja.StackFrame) (string, bool) {
	src, start, ok := programStart(frameProgram(f))
	if !ok {
		return "", false
	}
	line := src[:start]
	nl := strings.LastIndexByte(line, '\n')
	line = line[nl+1:]
	if k := strings.Index(line, "return __asyncGenerator.call("); k >= 0 {
		name, _, _ := strings.Cut(line[k+len("return __asyncGenerator.call("):], ",")
		if !strings.HasPrefix(name, "__gojs_ag") {
			return name, isIdent(name)
		}
		// an anonymous function expression: `PREFIX__gojs_ag.f(function __gojs_agN() {` on
		// the line before
		head := previousLine(src, nl)
		k := strings.Index(head, "__gojs_ag.f(function ")
		if k < 0 {
			return "", false
		}
		return inferredName(strings.TrimLeft(head[:k], " ")), true
	}
	if !strings.Contains(line, "return __asyncGenerator(this, ") {
		return "", false
	}
	// a method: its header ends the line before, `NAME(...) {` (a computed or quoted key too)
	head := strings.TrimRight(previousLine(src, nl), " ")
	head, ok = strings.CutSuffix(head, "{")
	head = strings.TrimRight(head, " ")
	if !ok || !strings.HasSuffix(head, ")") {
		return "", false
	}
	depth := 0
	open := -1
	for k := len(head) - 1; k >= 0 && open < 0; k-- {
		switch head[k] {
		case ')':
			depth++
		case '(':
			if depth--; depth == 0 {
				open = k
			}
		}
	}
	if open <= 0 {
		return "", false
	}
	key := strings.TrimRight(head[:open], " ")
	switch n := len(key); {
	case n > 1 && key[n-1] == ']':
		if k := strings.LastIndexByte(key, '['); k >= 0 {
			return key[k:], true
		}
	case n > 1 && (key[n-1] == '"' || key[n-1] == '\''):
		if k := strings.LastIndexByte(key[:n-1], key[n-1]); k >= 0 {
			return key[k+1 : n-1], true
		}
	default:
		if j := identStart(key, n); j < n {
			return key[j:], true
		}
	}
	return "", false
}

// previousLine is the line of src that ends at the line break at nl (-1: none).
func previousLine(src string, nl int) string {
	if nl <= 0 {
		return ""
	}
	head := src[:nl]
	return head[strings.LastIndexByte(head, '\n')+1:]
}

// renameFrame gives the frame f the function name name.
func renameFrame(f *goja.StackFrame, name string) bool {
	l := asyncLayoutOf.Get()
	if !l.ok {
		return false
	}
	*(*unistring.String)(unsafe.Add(unsafe.Pointer(f), l.sfFuncName)) = unistring.NewFromString(name)
	return true
}

// dropFrames is raw without its frames [from, to), and slots renumbered to match.
func dropFrames(raw []goja.StackFrame, slots []frameSlot, from, to int) ([]goja.StackFrame, []frameSlot) {
	n := to - from
	if n <= 0 {
		return raw, slots
	}
	raw = append(raw[:from], raw[to:]...)
	out := slots[:0:0]
	for _, sl := range slots {
		switch {
		case sl.at < from:
		case sl.at < to:
			continue
		default:
			sl.at -= n
		}
		out = append(out, sl)
	}
	return raw, out
}
