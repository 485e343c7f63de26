package runtime

import (
	_ "embed"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/console"
	"github.com/gojs-dev/gojs/modules/crypto"
	"github.com/gojs-dev/gojs/modules/stream"
	"github.com/gojs-dev/gojs/modules/util"
)

// V8 names a frame whose function was called on a receiver by the receiver's type and the
// property it was called as: "at Server.emit", "at Timeout.tick [as _onTimeout]",
// "at EventEmitter.<anonymous>". goja's frames have the function's name only; the receiver is
// on goja's value stack while the call runs (frameSlots), so an error keeps its frames'
// receivers from when it was made (pendingStack.slots, or recentSlots) and the names are worked
// out by receiver.js when its stack is first read, as V8's CallSite does. goja keeps no receiver
// for an arrow function: one that Go code called (a timer's callback, a listener emit called) is
// named after the receiver it noted (eventloop's NoteThis); one called from script is not (V8
// names it after the call's receiver).

//go:embed js/receiver.js
var receiverJS string

// innerSlots returns the slots of raw's innermost frames (as many as a stack of limit frames can
// show) that are method calls worth naming, when raw is the current call stack (an error's goja
// frames, captured by the constructor running now) or its outer part (frames below a callee),
// or, with inner, its inner part (CaptureCallStack with a depth), each with its index in raw;
// nil when there are none. Left out: a receiver that is undefined
// or the global object, a built-in's frame, the loader's and a module's top-level code (this is
// module.exports), which stacks name otherwise. frames checks each slot against its frame's
// program before using it.
//
// raw may end with the async frames goja adds (the async functions awaiting the one that runs,
// outward), nAsync of them; -1 says raw is a whole stack captured now, which has as many as it
// has more frames than the call stack. Their slots say so (V8 prints them "at async f").
func (s *stackAPI) innerSlots(raw []goja.StackFrame, limit int, inner bool, nAsync int) []frameSlot {
	if len(raw) == 0 || limit <= 0 {
		return nil
	}
	vm := s.rt.vm
	var w slotWalk
	if !w.start(vm) {
		return nil
	}
	total := w.count()
	if nAsync < 0 {
		nAsync = max(len(raw)-total, 0)
	}
	var awaiting []frameSlot
	if nAsync > 0 && nAsync <= len(raw) {
		// (with the awaiting functions' callees and receivers, when goja's chain can be read)
		awaiting = s.rt.asyncFrameSlots(len(raw)-nAsync, nAsync)
		for j := len(raw) - nAsync; awaiting == nil && j < len(raw); j++ {
			awaiting = append(awaiting, frameSlot{at: j, async: true})
		}
		raw = raw[:len(raw)-nAsync]
	}
	if total < len(raw) || len(raw) == 0 {
		return awaiting
	}
	off := total - len(raw)
	if inner {
		off = 0
	}
	global := vm.GlobalObject()
	var out []frameSlot
	if off == 0 && raw[0].SrcName() != "<native>" && !s.readingNew {
		// the innermost frame may be running a built-in constructor (builtinframe.go); an error
		// made while its name is read (a redefined name's getter) is not looked at again
		s.readingNew = true
		name := newBuiltin(vm, s.ctors)
		s.readingNew = false
		if name != "" {
			out = append(out, frameSlot{at: -1, newOf: name})
		}
	}
	// the innermost frame that may have made the error: past a namespace's traps (the built-in
	// that asked them, Object.keys of a namespace with a binding in its dead zone)
	maker := 0
	if n := s.rt.nsTrapFramesEnd(raw); n > 0 && n < len(raw) && raw[n].SrcName() == "<native>" {
		maker = n
	}
	end := off + min(len(raw), limit+16)
	emits := -1            // the emit calls noted before the last one met (outward)
	var arrow *goja.Object // an arrow function's callee whose receiver the next frame may hold
	arrowAt := -1
	arrowSb := 0 // (its stack base)
	// (one variable, for the closure: one allocation)
	var gs struct {
		lastSb, lastAt int          // the stack base of the frame just met, at lastAt
		lastNative     bool         // (a built-in's)
		piped          *goja.Object // a Go function that may be a Transform's callback that piped, at pipedAt
		pipedDest      goja.Value
		pipedAt        int
	}
	gs.lastAt, gs.pipedAt = -1, -1
	w.frames(func(at, sb int) bool {
		if at >= end {
			return false
		}
		j := at - off
		native := j >= 0 && j < len(raw) && raw[j].SrcName() == "<native>"
		aboveSb, aboveAt, aboveNative := gs.lastSb, gs.lastAt, gs.lastNative
		gs.lastSb, gs.lastAt, gs.lastNative = sb, j, native
		if gs.pipedAt >= 0 && gs.pipedAt == j-1 && !native && j < len(raw) && sb > 0 && sb < len(w.stack) {
			// (the Transform's _transform that got it as its callback is this frame)
			if src, path := s.streams.PipedData(gs.piped, w.stack[sb], nil, gs.pipedDest); path != 0 {
				out = append(out, frameSlot{this: src, at: j - 1, kind: eventloop.CallEmit, goData: path, goPipe: true})
			}
		}
		gs.pipedAt = -1
		if arrow != nil {
			if j > 0 && j < len(raw) && j-1 == arrowAt && raw[j].SrcName() == "<native>" {
				if this := calledThis(raw[j].FuncName(), arrow, w.stack, sb, s.isReflectApply); this != nil {
					out = append(out, frameSlot{callee: arrow, this: this, at: arrowAt})
				}
			} else if j > 0 && j < len(raw) && j-1 == arrowAt && sb > 0 && sb < len(w.stack) {
				// called from script: when the caller called it as this.name(...) (tape's
				// this._cb(this)), the receiver was the caller's own this, which its frame
				// keeps (checked against the caller's source when the stack is read: onThis);
				// when it called it as x.name(...) (uvu's test.handler(state)), x may still be
				// among the caller's locals (cands, checked the same way: memberCallName)
				sl := frameSlot{callee: arrow, at: arrowAt, arrow: true}
				if this, ok := w.stack[sb].(*goja.Object); ok && this != global && !s.rt.host.IsGlobalView(this) {
					sl.this, sl.onThis = this, true
				}
				sl.cands = s.callerObjects(w.stack, sb, arrowSb, arrow, w.stashValues(w.cur, 256))
				out = append(out, sl)
			}
			arrow, arrowAt, arrowSb = nil, -1, 0
		}
		if j > 0 && j < len(raw) && raw[j].SrcName() == "<native>" && raw[j].FuncName() == "emit" &&
			raw[j-1].FuncName() == "emit" && raw[j-1].SrcName() == "node:events" {
			// our Go emit handing the call to the JS one ('error', an unusual emitter): the JS
			// emit's frame stands for both, and the Go emit noted no call to take
			return true
		}
		if j >= 0 && raw[j].SrcName() == "<native>" && (raw[j].FuncName() == "emit" || s.appliedEmit(raw[j].FuncName(), w.stack, sb)) {
			// our Go emit, which called the listener inside (its calls noted in order, the
			// innermost last): named as node's JS emit
			if emitter, kind, k := s.rt.loop.EmitCall(emits); k >= 0 {
				emits = k
				out = append(out, frameSlot{this: emitter, at: j, kind: kind})
			}
			return true
		}
		if native && !aboveNative && aboveAt >= 0 && aboveAt == j-1 && aboveSb > 0 && aboveSb < len(w.stack) &&
			(raw[j].FuncName() == "bound call" || raw[j].FuncName() == "bound apply") {
			// our Go emit called through Function.prototype.call bound to it (call-bind's
			// callBind(emit), as tape binds a test's methods): goja's frame is the bound call's,
			// and the emit runs inside it with no frame of its own. It is the emit when the frame
			// above is the listener the latest emit noted (a once listener's wrapper is its bound
			// onceWrapper, whose frame is the target's)
			above, _ := w.stack[aboveSb-1].(*goja.Object)
			once := raw[j-1].FuncName() == "onceWrapper" && raw[j-1].SrcName() == "node:events"
			if emitter, kind, k := s.rt.loop.EmitCall(emits); k >= 0 && above != nil && (once || s.rt.loop.NotedFn(k) == above) {
				emits = k
				out = append(out, frameSlot{this: emitter, at: j, kind: kind})
				return true
			}
		}
		if native && strings.HasPrefix(raw[j].FuncName(), "github.com/gojs-dev/gojs/eventloop.") {
			// the loop's entry, below a socket's 'data' that net's read emitted itself (no frame
			// of the emit's): the emit noted last is that one, named as node's JS emit, under
			// which node has the push from its handle's onStreamRead (netReadFrames)
			if this, k, ok := s.rt.loop.NotedCall(nil); ok && (k == eventloop.CallNetRead || k == eventloop.CallNetReadPipe) {
				if emitter, kind, ek := s.rt.loop.EmitCall(emits); ek >= 0 && emitter == this {
					emits = ek
					out = append(out, frameSlot{this: emitter, at: j, kind: kind, netRead: k})
					return true
				}
			}
		}
		if j < 0 || sb <= 0 || sb >= len(w.stack) {
			return true
		}
		if native && !aboveNative && aboveAt >= 0 && aboveAt == j-1 && aboveSb > 0 && aboveSb < len(w.stack) &&
			raw[j].FuncName() == "call" && j+1 < len(raw) && raw[j+1].SrcName() == "node:net" && raw[j+1].FuncName() == "read" {
			// a socket's read calling the Go Readable.prototype.read through
			// Function.prototype.call (goja's frame is call's, with the socket in the read's
			// place), which emitted 'data' itself: node's Readable.read under its emit
			above, _ := w.stack[aboveSb-1].(*goja.Object)
			once := raw[j-1].FuncName() == "onceWrapper" && raw[j-1].SrcName() == "node:events"
			if emitter, kind, k := s.rt.loop.EmitCall(emits); k >= 0 && (once || s.rt.loop.NotedFn(k) == above) {
				emits = k
				out = append(out, frameSlot{this: emitter, at: j, kind: kind, goData: stream.DataRead})
				return true
			}
		}
		if native && !aboveNative && aboveAt >= 0 && aboveAt == j-1 && aboveSb > 0 && aboveSb < len(w.stack) &&
			s.goStreams().Named(raw[j].FuncName()) {
			above, _ := w.stack[aboveSb-1].(*goja.Object) // (the frame above's callee and receiver)
			aboveThis := w.stack[aboveSb]
			// a listener that the Go emit called for a Go stream function (flow, read, push, a
			// Transform's callback) that emitted 'data' itself: no frame of the emit's is between
			// (a once listener's wrapper is its bound onceWrapper, whose frame is the target's)
			once := raw[j-1].FuncName() == "onceWrapper" && raw[j-1].SrcName() == "node:events"
			if emitter, kind, k := s.rt.loop.EmitCall(emits); k >= 0 && (once || s.rt.loop.NotedFn(k) == above) {
				fn, _ := w.stack[sb-1].(*goja.Object)
				if path := s.streams.DataPath(fn, emitter); path != 0 {
					emits = k
					out = append(out, frameSlot{this: emitter, at: j, kind: kind, goData: path})
					return true
				}
			}
			if sb >= 2 {
				// one that called a pipe's listener itself, which wrote to its destination
				fn, _ := w.stack[sb-1].(*goja.Object)
				var arg0 goja.Value
				if _, sp, ok := vmValueStack(vm); ok && sb < sp && sp <= len(w.stack) {
					arg0 = w.stack[sb]
				}
				if src, path := s.streams.PipedData(fn, w.stack[sb-2], arg0, aboveThis); path != 0 {
					out = append(out, frameSlot{this: src, at: j, kind: eventloop.CallEmit, goData: path, goPipe: true})
					return true
				}
				gs.piped, gs.pipedDest, gs.pipedAt = fn, aboveThis, j
			}
		}
		if j < len(raw) && raw[j].SrcName() == "<native>" {
			// a built-in calling back into script (Map's forEach...), named after its receiver,
			// which goja keeps below its callee
			if sb >= 2 && (nativeFrameType(raw[j].FuncName()) == "Array" || raw[j].FuncName() == "stringify" || generatorMethod(raw[j].FuncName()) ||
				j > 0 && standInSource(raw[j-1].SrcName())) {
				out = append(out, frameSlot{this: w.stack[sb-2], at: j})
			} else if j == maker && sb >= 2 {
				// the innermost: a built-in that may have made the error itself (builtinThrowFrame)
				callee, _ := w.stack[sb-1].(*goja.Object)
				sl := frameSlot{callee: callee, this: w.stack[sb-2], at: j, arg0: goja.Undefined(), arg1: goja.Undefined()}
				if _, sp, ok := vmValueStack(vm); ok && sb < sp && sp <= len(w.stack) {
					sl.arg0 = w.stack[sb]
					if sb+1 < sp {
						sl.arg1 = w.stack[sb+1]
					}
				}
				out = append(out, sl)
			}
			return true
		}
		this := w.stack[sb]
		callee, _ := w.stack[sb-1].(*goja.Object)
		if callee == nil {
			return true
		}
		if this == nil {
			// an arrow function: the receiver Go code called it with, if it noted one; else the
			// one it was called with by call or apply, found in their frame (see calledThis)
			this, _ = s.rt.loop.NotedThis(callee)
			if this == nil {
				// (an async one's body resumed after an await: the receiver its call noted)
				this = s.rt.resumedArrowThis(callee, &w)
			}
			if this == nil && j < len(raw) {
				arrow, arrowAt, arrowSb = callee, j, sb
				return true
			}
		}
		// a generator's body that the engine resumed itself (for-of, a spread): V8 still shows
		// the generator's next below it, which goja has no frame for
		// (a function whose prototype is Function.prototype is none: the common case, answered
		// without looking up the tag)
		resumed := j < len(raw) && callee.Prototype() != s.fnProto && isGeneratorFunction(callee) &&
			!(j+1 < len(raw) && raw[j+1].SrcName() == "<native>" && generatorMethod(raw[j+1].FuncName()))
		if this == nil || this == global || goja.IsUndefined(this) || goja.IsNull(this) || isGlobalView(s.rt.host, this) {
			if resumed {
				out = append(out, frameSlot{callee: callee, at: j, genNext: true})
			}
			return true
		}
		f := &raw[j]
		if src := f.SrcName(); src == "<native>" || src == loaderName || s.rt.wrapped[src] && f.FuncName() == "" && topLevelFrame(raw[j+1:]) {
			return true
		}
		out = append(out, frameSlot{callee: callee, this: this, at: j, genNext: resumed})
		return true
	})
	for k := range awaiting {
		// an awaiting arrow function's receiver, which Go code noted while it runs (KeepThis)
		if sl := &awaiting[k]; sl.callee != nil && (sl.this == nil || goja.IsUndefined(sl.this)) {
			if this, ok := s.rt.loop.NotedThis(sl.callee); ok {
				sl.this = this
			}
		}
	}
	return append(out, awaiting...)
}

// callerObjects returns the objects among the values of a caller's frame (its arguments, locals
// and temporaries: the stack from its base sb up to the callee's base csb), the nearest first, at
// most a few: the receiver of an arrow function the caller called as x.name(...), which goja
// does not keep, is one of them when x is a local variable. nil when there are none.
//
// stashed are the values of the caller's scopes that closures capture (module-level names its
// functions use, a function's variables an inner function uses): their objects follow, at most
// a few more (x.name(...) of such an x, or x.y.name(...) read from one, see arrowSlot).
func (s *stackAPI) callerObjects(stack []goja.Value, sb, csb int, callee *goja.Object, stashed []goja.Value) []goja.Value {
	const maxScan, maxObjects, maxStashed = 64, 8, 32
	global := s.rt.vm.GlobalObject()
	var out []goja.Value
	add := func(v goja.Value) {
		o, ok := v.(*goja.Object)
		if !ok || o == callee || o == global || s.rt.host.IsGlobalView(o) {
			return
		}
		if _, isFn := goja.AssertFunction(o); isFn && len(out) >= maxObjects {
			return // (a stashed function is seldom a receiver: kept only while there is room)
		}
		for _, c := range out {
			if c == goja.Value(o) {
				return
			}
		}
		out = append(out, o)
	}
	for k := min(csb-2, len(stack)-1); k > sb && k >= csb-1-maxScan && len(out) < maxObjects; k-- {
		add(stack[k])
	}
	for k, n := 0, len(out); k < len(stashed) && len(out) < n+maxStashed; k++ {
		add(stashed[k])
	}
	return out
}

// memberCallTarget is the call x.name(...) (x.a.b.name(...), this.a.name(...), x[0].name(...),
// x[0](...), x['k'](...)) that f, a frame of the program's code, is at: x's name ("this" for
// this), the keys of the members read from it (a, b) and name, the key the callee was read as
// (computed when it was read in brackets); name is "" when f is at no such call (goja's place
// of a call is its opening parenthesis).
func (rt *Runtime) memberCallTarget(f *goja.StackFrame) (base string, path []string, name string, computed bool) {
	var text string
	var col int
	p := f.Position()
	if rt.esmSources[p.Filename] || rt.transformed[p.Filename] {
		// (esbuild's output: the place is source-mapped to the original text, just after the
		// call's "(")
		text, col = rt.sourceLine(p.Filename, p.Line), p.Column-1
		if col > 0 && col <= len(text) && text[col-1] == '(' {
			col--
		}
	} else {
		_, src, off, ok := rt.cjsFramePlace(f)
		if !ok {
			return "", nil, "", false
		}
		text, col = src, off
	}
	if col < 0 || col >= len(text) || text[col] != '(' {
		return "", nil, "", false
	}
	before := strings.TrimRight(text[:col], " \t\r\n")
	if strings.HasSuffix(before, "]") {
		// x[0](...), x.a['k'](...), f()[0](...): the key is the last of the chain's
		open := strings.LastIndexByte(before, '[')
		if open <= 0 || before[open-1] == '.' { // (not x?.[0](...))
			return "", nil, "", false
		}
		_, key := memberChainParts("x" + before[open:])
		if len(key) != 1 {
			return "", nil, "", false
		}
		base, path = memberChainParts(before[:open])
		return base, path, key[0], true
	}
	end := len(before)
	for end > 0 && isIdentByte(before[end-1]) {
		end--
	}
	if end == len(before) || before[end] >= '0' && before[end] <= '9' {
		return "", nil, "", false
	}
	id := before[end:]
	before = strings.TrimRight(before[:end], " \t\r\n")
	if !strings.HasSuffix(before, ".") || strings.HasSuffix(before, "?.") {
		return "", nil, "", false
	}
	before = strings.TrimRight(before[:len(before)-1], " \t\r\n")
	if before == "" {
		return "", nil, "", false
	}
	base, path = memberChainParts(before)
	return base, path, id, false
}

// memberChainParts splits the plain member chain that before ends with (a.b[0]['c'], not
// a call's result nor an optional one) into its first name and the keys read from it; base is
// "" when before ends with no such chain.
func memberChainParts(before string) (base string, path []string) {
	chain := calleeText(before)
	if chain == "" || strings.Contains(chain, "?") || len(chain) < len(before) && before[len(before)-len(chain)-1] == '.' {
		return "", nil
	}
	i := 0
	for i < len(chain) && isIdentByte(chain[i]) {
		i++
	}
	base, rest := chain[:i], chain[i:]
	for rest != "" && len(path) < 8 {
		switch rest[0] {
		case '.':
			k := identAt(rest, 1)
			if k == "" {
				return "", nil
			}
			path, rest = append(path, k), rest[1+len(k):]
		case '[':
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return "", nil
			}
			k := rest[1:end]
			if n := len(k); n >= 2 && (k[0] == '\'' || k[0] == '"') && k[n-1] == k[0] {
				k = k[1 : n-1]
			} else if numberAt(k) != k || strings.ContainsAny(k, ".eExX") {
				return "", nil
			}
			path, rest = append(path, k), rest[end+1:]
		default:
			return "", nil
		}
	}
	if rest != "" {
		return "", nil
	}
	return base, path
}

// arrowSlot is the slot of frame i (raw's), an arrow function's whose receiver was found on its
// caller's frame, as the stack is read: with the caller's this when the caller called it as
// this.name(...), with the one of the caller's objects that holds it as name when it called it
// as x.name(...); false when neither. Any other slot is as it is.
func (s *stackAPI) arrowSlot(sl frameSlot, raw []goja.StackFrame, i int) (frameSlot, bool) {
	if !sl.arrow {
		return sl, true
	}
	sl.arrow = false
	if i+1 >= len(raw) {
		return sl, false
	}
	if sl.onThis && s.rt.callsOnThis(&raw[i+1]) {
		return sl, true
	}
	base, path, name, computed := s.rt.memberCallTarget(&raw[i+1])
	cands := sl.cands
	if base == "this" && sl.onThis {
		// this.a.name(...): read from the caller's this (an arrow function's lexical this,
		// which it keeps among its closure's values, is one of the caller's objects)
		cands = []goja.Value{sl.this}
	}
	if name == "" || s.ensureReceiverNames() != nil {
		return sl, false
	}
	var found, own goja.Value
	for _, c := range cands {
		named := false // (c is a function of x's name: a class C for C.s(), first of all)
		if f, ok := c.(*goja.Object); ok && base != "" && base != "this" {
			if _, isFn := goja.AssertFunction(f); isFn {
				named = modules.DataProperty(s.rt.vm, f, s.rt.vm.ToValue("name")).String() == base
			}
		}
		if own != nil && !named {
			continue // (one holds it of its own: only x's function of its name comes before it)
		}
		// x.a.b.name(...): the object at the end of the members' data values read from x
		// (no getter or proxy trap runs), x one of the caller's objects, untold which
		for _, k := range path {
			o, ok := c.(*goja.Object)
			if !ok {
				break
			}
			c = modules.DataProperty(s.rt.vm, o, s.rt.vm.ToValue(k))
		}
		o, ok := c.(*goja.Object)
		if !ok {
			continue
		}
		if computed {
			// x[0](...): x's element 0 is the function
			if modules.DataProperty(s.rt.vm, o, s.rt.vm.ToValue(name)) == goja.Value(sl.callee) {
				sl.this, sl.onThis, sl.cands = c, false, nil
				return sl, true
			}
			continue
		}
		if modules.DataProperty(s.rt.vm, o, s.rt.vm.ToValue(name)) != goja.Value(sl.callee) {
			continue // (the cheap test first: it does not hold the function as name)
		}
		res, err := s.receiverNames(goja.Undefined(), c, sl.callee, s.rt.vm.ToValue(name))
		if err != nil {
			var ie *goja.InterruptedError
			if errors.As(err, &ie) {
				panic(err)
			}
			return sl, false
		}
		if arr, ok := res.(*goja.Object); ok && arr.Get("1").String() == name && arr.Get("2").String() == "value" {
			// (x's function of its name first, then one that has the function of its own
			// before one that inherits it: C.s() and D.s() of a class C and its subclass D,
			// both among them, which has C's statics)
			switch {
			case named:
				sl.this, sl.onThis, sl.cands = c, false, nil
				return sl, true
			case arr.Get("3").ToBoolean():
				if own == nil {
					own = c
				}
			case found == nil:
				found = c
			}
		}
	}
	if own != nil {
		found = own
	}
	if found != nil {
		sl.this, sl.onThis, sl.cands = found, false, nil
		return sl, true
	}
	// a receiver no longer kept anywhere (a call's result, new C(): mk().toError()): the
	// literal or class that the arrow is a member of by its text tells its type
	if typ, key := s.arrowHolderType(sl.callee, name, computed); typ != "" {
		sl.this, sl.onThis, sl.cands, sl.holderType, sl.holderKey = nil, false, nil, typ, key
		return sl, true
	}
	return sl, false
}

// arrowHolderType is the type of the object that arrow function fn, called as its member
// name (computed: read in brackets), is most likely a member of, read from fn's text, and the
// key V8 names the method by: "Object" when fn is the value of an object literal's key name
// (`{ name: () => ... }`), the class's name when it is the initializer of a class's field name
// (`class C { name = () => ... }`), "Array" (and no key) when it is an array literal's element
// called by its index; "" when none of these. (An instance of a subclass is named after the
// field's class: the instance is not known.)
func (s *stackAPI) arrowHolderType(fn *goja.Object, name string, computed bool) (typ, key string) {
	src, start, ok := programStart(funcProgram(fn))
	if !ok {
		return "", ""
	}
	before := strings.TrimRight(src[:start], " \t\r\n")
	if rest, ok := strings.CutSuffix(before, "async"); ok && (rest == "" || !isIdentByte(rest[len(rest)-1])) {
		before = strings.TrimRight(rest, " \t\r\n")
	}
	if before == "" {
		return "", ""
	}
	op := before[len(before)-1]
	if computed && numberAt(name) == name && (op == '[' || op == ',') {
		// [..., () => ...][i]
		if op == ',' {
			if open, ok := openingBefore(before[:len(before)-1]); !ok || before[open] != '[' {
				return "", ""
			}
		}
		return "Array", ""
	}
	if typ := s.memberHolderType(src, start, before, name); typ != "" {
		return typ, name
	}
	return "", ""
}

// memberHolderType is arrowHolderType's answer for an object literal's member or a class's
// field name, whose text, up to the arrow's at start in src, is before.
func (s *stackAPI) memberHolderType(src string, start int, before, name string) string {
	op := before[len(before)-1]
	if op != ':' && op != '=' {
		return ""
	}
	t := strings.TrimRight(before[:len(before)-1], " \t\r\n")
	if op == '=' && t != "" && strings.IndexByte("=!<>+-*/%&|^?", t[len(t)-1]) >= 0 {
		return "" // (==, +=, ...)
	}
	key := ""
	if n := len(t); op == ':' && n > 1 && (t[n-1] == '\'' || t[n-1] == '"') {
		q := strings.LastIndexByte(t[:n-1], t[n-1])
		if q < 0 {
			return ""
		}
		key, t = t[q+1:n-1], t[:q]
	} else {
		j := identStart(t, n)
		if j == n {
			return ""
		}
		key, t = t[j:], t[:j]
	}
	if key != name {
		return ""
	}
	t = strings.TrimRight(t, " \t\r\n")
	if op == ':' {
		// an object literal's member: after its "{" or another member's ","
		if t == "" || t[len(t)-1] != '{' && t[len(t)-1] != ',' {
			return ""
		}
		if t[len(t)-1] == ',' {
			if open, ok := openingBefore(t[:len(t)-1]); !ok || t[open] != '{' {
				return ""
			}
		}
		return "Object"
	}
	// a class field: the innermost body around it is a class's (not x.name = ..., let name = ...)
	if t != "" && t[len(t)-1] == '.' {
		return ""
	}
	for _, w := range [...]string{"let", "const", "var"} {
		if rest, ok := strings.CutSuffix(t, w); ok && (rest == "" || !isIdentByte(rest[len(rest)-1])) {
			return ""
		}
	}
	var inner funcScope
	found := false
	for _, sc := range s.funcScopesOf(src) { // (the innermost last)
		if sc.open < start && start < sc.close {
			inner, found = sc, true
		}
	}
	if !found || !inner.class {
		return ""
	}
	return inner.name
}

// callsOnThis reports whether f, a frame of a CommonJS module's code, is at a call of a method
// of its own this, `this.name(...)` (goja's place of a call is its opening parenthesis).
func (rt *Runtime) callsOnThis(f *goja.StackFrame) bool {
	_, src, off, ok := rt.cjsFramePlace(f)
	if !ok || off >= len(src) || src[off] != '(' {
		return false
	}
	before := strings.TrimRight(src[:off], " \t\r\n")
	name := len(before)
	for name > 0 && isIdentByte(before[name-1]) {
		name--
	}
	if name == len(before) {
		return false
	}
	before = strings.TrimRight(before[:name], " \t\r\n")
	if !strings.HasSuffix(before, ".") || strings.HasSuffix(before, "?.") {
		return false
	}
	before = strings.TrimRight(before[:len(before)-1], " \t\r\n")
	if !strings.HasSuffix(before, "this") {
		return false
	}
	before = before[:len(before)-4]
	return before == "" || !isIdentByte(before[len(before)-1]) && before[len(before)-1] != '.'
}

// appliedEmit reports whether a native frame named fn, whose stack base is sb, is the apply or
// call of our Go emit (emit.apply(this, arguments), as signal-exit's and source-map-support's
// wrappers of process.emit do): goja runs the emit inside that frame, which then stands for
// emit's. The function apply was called on is the frame's receiver, below its callee.
func (s *stackAPI) appliedEmit(fn string, stack []goja.Value, sb int) bool {
	if fn != "apply" && fn != "call" || sb < 2 || sb >= len(stack) {
		return false
	}
	at := sb - 2
	if fn == "apply" && s.isReflectApply(stack[sb-1]) {
		at = sb // Reflect.apply(emit, this, args), as domain's emit calls node's: its first argument
	}
	applied, ok := stack[at].(*goja.Object)
	if !ok || applied.Get("name") == nil || applied.Get("name").String() != "emit" {
		return false
	}
	_, isFn := goja.AssertFunction(applied)
	return isFn && strings.HasSuffix(applied.String(), "{ [native code] }") // (a built-in: our Go emit)
}

// calledThis returns the receiver that fn, an arrow function, was called with by the native frame
// named name whose stack base is sb, when that frame is Function.prototype.call or apply called
// on fn (fn.call(ctx), as mocha runs a test) or Reflect.apply(fn, ctx, args); nil otherwise.
// goja drops an arrow function's receiver from its own frame, but the call's arguments are still
// in the native frame below it, and V8 names the frame after that receiver ("Context.<anonymous>").
func calledThis(name string, fn *goja.Object, stack []goja.Value, sb int, isReflectApply func(goja.Value) bool) goja.Value {
	if (name == "bound call" || name == "bound apply") && sb < len(stack) {
		// Function.prototype.call bound to fn (call-bind's callBind(fn), as tape keeps a
		// test's function): called with the receiver first
		if stack[sb] == goja.Value(fn) {
			return nil
		}
		return stack[sb]
	}
	if name != "call" && name != "apply" || sb < 2 || sb >= len(stack) {
		return nil
	}
	// A native frame's receiver and callee are just below its arguments (stack[sb] on), and the
	// call it makes starts right after them: with no argument, stack[sb] is fn itself (the
	// receiver is then undefined).
	if stack[sb-2] == goja.Value(fn) {
		if stack[sb] == goja.Value(fn) {
			return nil
		}
		return stack[sb]
	}
	if name == "apply" && stack[sb] == goja.Value(fn) && sb+1 < len(stack) && isReflectApply(stack[sb-1]) {
		return stack[sb+1]
	}
	return nil
}

// isReflectApply reports whether callee is the global Reflect.apply.
func (s *stackAPI) isReflectApply(callee goja.Value) bool {
	c, ok := callee.(*goja.Object)
	if !ok {
		return false
	}
	r, ok := s.rt.vm.GlobalObject().Get("Reflect").(*goja.Object)
	return ok && r.Get("apply") == goja.Value(c)
}

// topLevelFrame reports whether below is what lies under a module's top-level code: the
// loader's compile of it.
func topLevelFrame(below []goja.StackFrame) bool {
	for i := range below {
		if below[i].SrcName() == "<native>" {
			continue
		}
		fn := below[i].FuncName()
		return (fn == "_compile" || fn == "compileTransformed") && strings.HasPrefix(below[i].SrcName(), "node:internal/modules/cjs/")
	}
	return false
}

// slotAt returns the slot of frame i among slots (sorted by index), if there is one.
func slotAt(slots []frameSlot, i int) (frameSlot, bool) {
	for _, sl := range slots {
		if sl.at == i {
			return sl, true
		}
		if sl.at > i {
			break
		}
	}
	return frameSlot{}, false
}

// dropSlots is slots for the frames after the first n are cut off: their indexes move down by n.
func dropSlots(slots []frameSlot, n int) []frameSlot {
	k := 0
	for k < len(slots) && slots[k].at < n {
		k++
	}
	if k == len(slots) {
		return nil
	}
	out := make([]frameSlot, len(slots)-k)
	for i, sl := range slots[k:] {
		sl.at -= n
		out[i] = sl
	}
	return out
}

// methodCall names si, the frame of f, after its receiver as V8 does, when sl (its slot) is a
// method call's.
func (s *stackAPI) methodCall(si *siteInfo, f *goja.StackFrame, sl frameSlot) {
	if sl.holderType != "" && sl.callee != nil && funcProgram(sl.callee) == frameProgram(f) {
		si.typ, si.method = sl.holderType, sl.holderKey
		si.display = methodDisplay(si.fn, si.typ, si.method)
		return
	}
	if sl.this == nil || sl.callee == nil || goja.IsUndefined(sl.this) || goja.IsNull(sl.this) {
		return
	}
	vm := s.rt.vm
	if sl.this == vm.GlobalObject() || funcProgram(sl.callee) != frameProgram(f) {
		return // a plain call of a sloppy-mode function; or not this frame's slot
	}
	if err := s.ensureReceiverNames(); err != nil {
		return
	}
	// The names of a method called on objects of one prototype are asked once: a receiver with
	// own symbols (a Symbol.toStringTag of its own) or no plain object is asked each time, and
	// so is a method the receiver has of its own (another receiver may have it under another
	// name).
	var key recvKey
	if o, ok := sl.this.(*goja.Object); ok && o.ExportType() != proxyType {
		if _, isFn := goja.AssertFunction(o); !isFn && len(o.Symbols()) == 0 {
			key = recvKey{sl.callee, o.Prototype(), si.fn}
		}
	}
	n, cached := s.recvNames[key]
	var own ownRecvKey
	if key.callee != nil && !cached {
		// A method the receiver has of its own under the function's name (an exports object's
		// statSync): asked once per receiver, while that property still holds the function.
		own = ownRecvKey{sl.this.(*goja.Object), sl.callee, si.fn}
		if e, ok := s.ownRecvNames[own]; ok && e.proto == key.proto && ownsMethod(own.recv, e.key, sl.callee) {
			n, cached = e.names, true
		}
	}
	if key.callee == nil || !cached {
		res, err := s.receiverNames(goja.Undefined(), sl.this, sl.callee, vm.ToValue(si.fn))
		if err != nil {
			var ie *goja.InterruptedError
			if errors.As(err, &ie) {
				panic(err) // process.exit, Close: keeps unwinding
			}
			return // (a stack read near the call depth limit: the frame keeps its plain name)
		}
		arr, ok := res.(*goja.Object)
		if !ok {
			return
		}
		n = recvNames{arr.Get("0").String(), arr.Get("1").String(), arr.Get("2").String(), arr.Get("4").String()}
		if key.callee != nil && !arr.Get("3").ToBoolean() {
			if len(s.recvNames) >= recvNamesMax || s.recvNames == nil {
				s.recvNames = make(map[recvKey]recvNames)
			}
			s.recvNames[key] = n
		} else if key.callee != nil && n.how == "value" && n.method == si.fn && asciiName(n.method) {
			// (found by the function's own name, the answer depends on that property only)
			k := unistring.String(n.method)
			if ownsMethod(own.recv, k, sl.callee) {
				if len(s.ownRecvNames) >= recvNamesMax || s.ownRecvNames == nil {
					s.ownRecvNames = make(map[ownRecvKey]ownRecv)
				}
				s.ownRecvNames[own] = ownRecv{key.proto, k, n}
			}
		}
	}
	if n.typ == "AbortSignal" && isAbortSignal(sl.this) {
		// node makes a signal as an EventTarget given AbortSignal.prototype: V8 names it after
		// the constructor that made it
		n.typ = "EventTarget"
	}
	if n.renamed != "" {
		si.fn = n.renamed
	}
	if (n.how == "get" || n.how == "set") && si.fn == n.method {
		si.fn = n.how + " " + n.method // (goja names an accessor's function without its prefix)
	}
	si.typ, si.method = n.typ, n.method
	si.display = methodDisplay(si.fn, n.typ, n.method)
	_, si.fnRecv = goja.AssertFunction(sl.this)
}

// isAbortSignal reports whether v is one of our AbortSignals (it has the own kAborted symbol
// property our event_target glue gives each).
func isAbortSignal(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	for _, sym := range o.Symbols() {
		if sym.String() == "kAborted" {
			return true
		}
	}
	return false
}

// recvKey is what a method call's frame names depend on, but for the receiver's own properties.
type recvKey struct {
	callee, proto *goja.Object
	fn            string
}

// recvNames is receiver.js's answer: the type, the method, how the method holds the function
// and the function's own name property where it names the frame in place of goja's name (a
// symbol-keyed method's "[Symbol.iterator]", a name redefined by the program).
type recvNames struct{ typ, method, how, renamed string }

// ownRecvKey is what the names of a frame of a method the receiver has of its own depend on.
type ownRecvKey struct {
	recv, callee *goja.Object
	fn           string
}

// ownRecv is an answer for an ownRecvKey: good while the receiver's prototype is proto and its
// own data property key holds the function.
type ownRecv struct {
	proto *goja.Object
	key   unistring.String
	names recvNames
}

// ownsMethod reports whether o, a plain object or a built-in's exports (a templated object), has
// fn as the value of its own data property k, read without running any of the program's code or
// making a property not made yet (false then: not known).
func ownsMethod(o *goja.Object, k unistring.String, fn *goja.Object) bool {
	l := globalTemplate()
	if !l.ok {
		return false
	}
	s := l.self(o)
	var data unsafe.Pointer
	switch {
	case s.tab == l.baseTab:
		data = s.data
	case s.tab == l.tmplTab && l.tmplObjType != nil:
		data = unsafe.Add(s.data, l.baseInTmplOff)
	default:
		return false
	}
	v := (*(*map[unistring.String]goja.Value)(unsafe.Add(data, l.valuesOff)))[k]
	if v == nil {
		return false
	}
	return l.dataValue(v) == goja.Value(fn)
}

func asciiName(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return s != ""
}

// recvNamesMax bounds the memo of names (it starts again when full).
const recvNamesMax = 512

// methodDisplay is V8's name of a method call's frame: the receiver's type, the function's name
// and, when it was called under another name, that one ("Type.fn [as method]").
func methodDisplay(fn, typ, method string) string {
	var b strings.Builder
	if fn == "" {
		b.WriteString(typ)
		b.WriteByte('.')
		if method == "" {
			method = "<anonymous>"
		}
		b.WriteString(method)
		return b.String()
	}
	// (V8 prefixes the type to a name that is an identifier other than the type's: an
	// accessor's "get x", an inferred "exports.f" or "a b" are printed as they are)
	if typ != "" && fn != typ && v8Identifier(fn) {
		b.WriteString(typ)
		b.WriteByte('.')
	}
	b.WriteString(fn)
	if method != "" && fn != method && !strings.HasSuffix(fn, "."+method) {
		b.WriteString(" [as ")
		b.WriteString(method)
		b.WriteByte(']')
	}
	return b.String()
}

// v8Identifier reports whether s is an identifier as V8's String::IsIdentifier sees one.
func v8Identifier(s string) bool {
	for i, r := range s {
		switch {
		case r == '$' || r == '_' || unicode.IsLetter(r):
		case i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Pc, r)):
		default:
			return false
		}
	}
	return s != ""
}

// recentSlots holds the frame slots of the last recentMax errors made whose stacks were not read
// yet (and that keep no pendingStack): a stack is nearly always read soon after its error was
// made (thrown, caught, printed), and a bounded list keeps no error or receiver alive for long
// and costs an error's making no JavaScript call (a WeakMap's would). An error whose stack is
// first read after recentMax newer ones names its frames without their receivers.
type recentSlots struct {
	m    map[*goja.Object]recentEntry
	ring []*goja.Object // made on first use (recentMax)
	at   int
}

type recentEntry struct {
	slots []frameSlot
	task  eventloop.CallKind
}

const recentMax = 256

func (r *recentSlots) keep(obj *goja.Object, slots []frameSlot, task eventloop.CallKind) {
	if r.m == nil {
		r.m = make(map[*goja.Object]recentEntry)
		r.ring = make([]*goja.Object, recentMax)
	}
	if old := r.ring[r.at]; old != nil {
		delete(r.m, old)
	}
	r.ring[r.at] = obj
	r.at = (r.at + 1) % recentMax
	r.m[obj] = recentEntry{slots, task}
}

// take returns obj's slots and task (none if none are kept) and forgets them.
func (r *recentSlots) take(obj *goja.Object) ([]frameSlot, eventloop.CallKind) {
	e, ok := r.m[obj]
	if ok {
		delete(r.m, obj)
	}
	return e.slots, e.task
}

// emitFrame is the frame node's JS emit shows where our Go emit called a listener: "at
// Server.emit (node:events:524:28)", the line of its call of an event's only listener (536:35:
// one of several).
func (s *stackAPI) emitFrame(sl frameSlot) siteInfo {
	si := siteInfo{fn: "emit", file: "node:events", line: 524, col: 28, method: "emit"}
	if sl.kind == eventloop.CallEmitList {
		si.line, si.col = 536, 35
	}
	si.typ = s.receiverType(sl.this)
	si.display = methodDisplay("emit", si.typ, "emit")
	return si
}

// goStreams is the runtime's stream.Funcs.
func (s *stackAPI) goStreams() *stream.Funcs {
	if s.streams == nil {
		s.streams = stream.FuncsOf(s.rt.host)
	}
	return s.streams
}

// pipeOndataFrame is node 20.20's frame of a pipe's 'data' listener on src writing to the
// destination.
func (s *stackAPI) pipeOndataFrame(src goja.Value) siteInfo {
	si := siteInfo{fn: "ondata", file: "node:internal/streams/readable", line: 1009, col: 22, method: "ondata"}
	si.typ = s.receiverType(src)
	si.display = methodDisplay("ondata", si.typ, "ondata")
	return si
}

// receiverType is V8's type name of a receiver (receiver.js), "" for none.
func (s *stackAPI) receiverType(this goja.Value) string {
	if this == nil || s.ensureReceiverNames() != nil {
		return ""
	}
	res, err := s.receiverNames(goja.Undefined(), this, goja.Undefined(), s.rt.vm.ToValue(""))
	if err != nil {
		return ""
	}
	if arr, ok := res.(*goja.Object); ok {
		return arr.Get("0").String()
	}
	return ""
}

// taskFrames are the frames node's stacks show below a loop task's callback: its timers',
// immediates' and ticks' processing, an http server's request's emit, at node 20.20's lines.
// tramp: node calls its native side's callbacks through callbackTrampoline (async hooks are
// on, modules.Host.CallbackTrampoline), whose frame then ends the stack of the immediates'
// processing and of an fs request's callback.
func taskFrames(k eventloop.CallKind, tramp bool) []siteInfo {
	fs := loopTaskFrames(k)
	if !tramp {
		return fs
	}
	if from, _, ok := k.TickBetween(); ok {
		k = from
	}
	switch {
	case k == eventloop.CallImmediate || k == eventloop.CallImmediateArgs ||
		k == eventloop.CallNextTicksImmediate || k == eventloop.CallNextTicksImmediateTicks:
		return append(fs[:len(fs):len(fs)], trampolineFrame("process"))
	case k.IsFS():
		return append(fs[:len(fs):len(fs)], trampolineFrame("FSReqCallback"))
	}
	return fs
}

// trampolineFrame is node 20.20's frame of async_hooks' callbackTrampoline calling a callback
// of its native side's on a receiver of type typ.
func trampolineFrame(typ string) siteInfo {
	return siteInfo{fn: "callbackTrampoline", file: "node:internal/async_hooks", line: 130, col: 17,
		typ: typ, display: typ + ".callbackTrampoline"}
}

// loopTaskFrames is taskFrames without the trampoline.
func loopTaskFrames(k eventloop.CallKind) []siteInfo {
	switch k {
	case eventloop.CallTimer, eventloop.CallTimerArgs:
		list := siteInfo{fn: "listOnTimeout", file: "node:internal/timers", line: 581, col: 17}
		if k == eventloop.CallTimerArgs {
			list.line, list.col = 583, 11
		}
		return []siteInfo{list, processFrame("processTimers", "node:internal/timers", 519, 7)}
	case eventloop.CallHTTPRequest:
		// (the emit's frame is named after an http.Server; a subclass's would be its own)
		return []siteInfo{
			{fn: "emit", file: "node:events", line: 524, col: 28, typ: "Server", method: "emit", display: "Server.emit"},
			httpServerFrame("parserOnIncoming"), httpServerFrame("parserOnHeaders"),
		}
	case eventloop.CallFSReq, eventloop.CallFSStat, eventloop.CallFSStatErr:
		// makeCallback's arrow (187:23), makeStatsCallback's for Stats (198:5) or an error
		// (197:21), which node's FSReqCallback calls as its oncomplete
		si := siteInfo{file: "node:fs", line: 187, col: 23, typ: "FSReqCallback", method: "oncomplete",
			display: "FSReqCallback.oncomplete"}
		switch k {
		case eventloop.CallFSStat:
			si.line, si.col = 198, 5
		case eventloop.CallFSStatErr:
			si.line, si.col = 197, 21
		}
		return []siteInfo{si}
	case eventloop.CallFSReadFile, eventloop.CallFSReadErr:
		// readFile's end, with the data (68:3) or the read's error (52:12)
		si := siteInfo{fn: "readFileAfterClose", file: "node:internal/fs/read/context", line: 68, col: 3,
			typ: "FSReqCallback", method: "oncomplete", display: "FSReqCallback.readFileAfterClose [as oncomplete]"}
		if k == eventloop.CallFSReadErr {
			si.line, si.col = 52, 12
		}
		return []siteInfo{si}
	case eventloop.CallFSOpenErr:
		return []siteInfo{{fn: "readFileAfterOpen", file: "node:fs", line: 299, col: 13, typ: "FSReqCallback",
			method: "oncomplete", display: "FSReqCallback.readFileAfterOpen [as oncomplete]"}}
	case eventloop.CallImmediate:
		return []siteInfo{processFrame("processImmediate", "node:internal/timers", 483, 21)}
	case eventloop.CallImmediateArgs:
		return []siteInfo{processFrame("processImmediate", "node:internal/timers", 485, 21)}
	case eventloop.CallMicrotasks:
		return []siteInfo{processFrame("processTicksAndRejections", "node:internal/process/task_queues", 95, 5)}
	case eventloop.CallNextTicksImmediate, eventloop.CallNextTicksImmediateTicks:
		return nextTicksFrames(k == eventloop.CallNextTicksImmediateTicks, processFrame("processImmediate", "node:internal/timers", 454, 9))
	case eventloop.CallNextTicksTimer, eventloop.CallNextTicksTimerTicks:
		return nextTicksFrames(k == eventloop.CallNextTicksTimerTicks,
			siteInfo{fn: "listOnTimeout", file: "node:internal/timers", line: 545, col: 9},
			processFrame("processTimers", "node:internal/timers", 519, 7))
	case eventloop.CallNextTicksTimerList, eventloop.CallNextTicksTimerListTicks:
		return nextTicksFrames(k == eventloop.CallNextTicksTimerListTicks, processFrame("processTimers", "node:internal/timers", 516, 9))
	}
	if from, n, ok := k.TickBetween(); ok {
		// a tick between two callbacks of a phase: runNextTicks calls the tick processing as
		// a plain function
		line, col := tickCallPlace(n)
		fs := loopTaskFrames(from)
		if len(fs) == 0 || fs[0].fn != "runNextTicks" {
			return nil
		}
		return append([]siteInfo{{fn: "processTicksAndRejections", file: "node:internal/process/task_queues", line: line, col: col},
			{fn: "runNextTicks", file: "node:internal/process/task_queues", line: 64, col: 3}}, fs[1:]...)
	}
	if k >= eventloop.CallTick && k.IsTask() {
		line, col := tickCallPlace(int(k - eventloop.CallTick))
		return []siteInfo{processFrame("processTicksAndRejections", "node:internal/process/task_queues", line, col)}
	}
	return nil
}

// tickCallPlace is where node 20.20's processTicksAndRejections calls a tick's callback given
// n arguments.
func tickCallPlace(n int) (line, col int) {
	switch {
	case n >= 5: // (5 arguments or more: ReflectApply)
		return 85, 22
	case n > 0:
		return 80 + n, 21
	}
	return 77, 11
}

// nextTicksFrames are the frames of node's runNextTicks running promise jobs between two
// callbacks of a phase (below, its caller's frames): runMicrotasks there, or, when ticks ran or
// a rejection is to be warned of, processTicksAndRejections's.
func nextTicksFrames(ticks bool, below ...siteInfo) []siteInfo {
	run := siteInfo{fn: "runNextTicks", file: "node:internal/process/task_queues", line: 60, col: 5}
	if ticks {
		run.line, run.col = 64, 3
		return append([]siteInfo{{fn: "processTicksAndRejections", file: "node:internal/process/task_queues", line: 95, col: 5}, run}, below...)
	}
	return append([]siteInfo{run}, below...)
}

// processFrame is the frame of node's internal function fn called on process by its native side
// (process is no holder of fn: CallSite's getMethodName is null).
func processFrame(fn, file string, line, col int) siteInfo {
	return siteInfo{fn: fn, file: file, line: line, col: col, typ: "process", display: "process." + fn}
}

// ensureReceiverNames makes receiver.js's function, once per runtime.
func (s *stackAPI) ensureReceiverNames() error {
	if s.receiverNames != nil {
		return nil
	}
	vm := s.rt.vm
	v, err := vm.RunProgram(modules.CompileOnce("node:internal/callsite", receiverJS))
	if err != nil {
		return err
	}
	// isProxy(o) is false, true, or "Module" for a module namespace (a proxy here, an exotic
	// object V8 names Module)
	isProxy := func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		if ok && o.ExportType() == proxyType && util.IsModuleNamespace(s.rt.host, o) {
			return vm.ToValue("Module")
		}
		return vm.ToValue(ok && o.ExportType() == proxyType)
	}
	// inferred is V8's inferred name of a nameless script function (a class or constructor
	// assigned to a member, `lib.Base = class {...}`), which its debug name falls back to.
	inferred := func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return vm.ToValue("")
		}
		if prg := funcProgram(o); prg != nil {
			return vm.ToValue(strings.TrimPrefix(s.programInferredName(prg), "new "))
		}
		return vm.ToValue(s.classInferredName(o, call.Argument(1)))
	}
	mk, _ := goja.AssertFunction(v)
	raw := goja.Undefined()
	if s.rt.host.RawGOPD != nil {
		raw = s.rt.host.RawGOPD
	}
	// owner names the constructor the prototype a function was written for belongs to (protoowner.go)
	owner := func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return vm.ToValue("")
		}
		return vm.ToValue(s.protoOwnerName(o))
	}
	fv, err := mk(goja.Undefined(), vm.ToValue(isProxy), vm.ToValue(inferred), raw, vm.ToValue(owner))
	if err != nil {
		return err
	}
	s.receiverNames, _ = goja.AssertFunction(fv)
	return nil
}

// onceWrapperPlace is where node's onceWrapper calls the listener (node:events, node 20.20: its
// call without arguments at 638:28, its apply at 639:26) for the place of ours, line:col.
func onceWrapperPlace(line, col int) (int, int) {
	applyLine, applyCol := onceWrapperApply.Get()[0], onceWrapperApply.Get()[1]
	if line != applyLine {
		return line, col // (not the listener's call)
	}
	if col >= applyCol {
		return 639, 26
	}
	return 638, 28
}

// netHandleCloseLines are the lines of our net glue's close callbacks of a socket's handle
// (handle.reset and handle.close), which emit the socket's 'close'.
var netHandleCloseLines = modules.Lazy[[2]int]{Build: func() [2]int {
	return [2]int{glueLineOf("net", "", "handle.reset(() => this.emit('close', isException));"),
		glueLineOf("net", "", "handle.close(() => this.emit('close', isException));")}
}}

// http2SessionErrorLine is the line of our http2 glue's emitClose that emits a session's
// 'error' (-1 when not found).
var http2SessionErrorLine = modules.Lazy[int]{Build: func() int {
	return glueLineOf("internal/http2/core", "function emitClose(", "session.emit('error', error)")
}}

// childStdioCloseLine is the line of our child_process glue's 'close' listener of a child's stdio
// pipe, which calls maybeClose (-1 when not found).
var childStdioCloseLine = modules.Lazy[int]{Build: func() int {
	return glueLineOf("child_process", "", "s.on('close', () => maybeClose(self));")
}}

// fetchRecaptureLine is the line of our fetch's capture of a failure's stack.
var fetchRecaptureLine = modules.Lazy[int]{Build: func() int {
	return glueLineOf("internal/fetch", "async function undiciFetch(", "Error.captureStackTrace(err);")
}}

// netSocketTimerLine is the line of our net glue's socket idle timer's call of _onTimeout.
// netPipeConnectErrorLine is the line of our net glue's afterConnect that makes a Unix socket's
// connect error (node's frame is PipeConnectWrap's, a TCP socket's TCPConnectWrap's).
var netPipeConnectErrorLine = modules.Lazy[int]{Build: func() int {
	return glueLineOf("net", "function afterConnect(", "errs().exceptionWithHostPort(status, 'connect', address) :")
}}

// netConnectionEmitLine is the line of our net glue's onconnection that emits a server's
// 'connection'.
var netConnectionEmitLine = modules.Lazy[int]{Build: func() int {
	return glueLineOf("net", "function onconnection(", "server.emit('connection', socket);")
}}

// netConnectEmitLines are the lines of our net glue's afterConnect that emit 'connect' and
// 'ready' (node's afterConnect's 1596:10 and 1597:10).
var netConnectEmitLines = modules.Lazy[[2]int]{Build: func() [2]int {
	return [2]int{glueLineOf("net", "function afterConnect(", "self.emit('connect');"),
		glueLineOf("net", "function afterConnect(", "self.emit('ready');")}
}}

var netSocketTimerLine = modules.Lazy[int]{Build: func() int {
	return glueLineOf("net", "Socket.prototype.setTimeout = ", "this._onTimeout();")
}}

// assertPlaces are node 20.20's places (node's assert.js) of assert.throws's argument errors,
// thrown by expectsError, and of throws's call of it, by our assert glue's line (the calls of
// the function under test are placed by name, in nodeGlueFrame).
var assertPlaces = gluePlaces("assert", []gluePlace{
	{"if (arguments.length === 4)", "throw thrownAt(", [2]int{543, 13}},
	{"if (actual.message === error)", "throw thrownAt(", [2]int{549, 15}},
	{"} else if (actual === error)", "throw thrownAt(", [2]int{555, 13}},
	{"} else if (error != null && typeof error !== 'object'", "throw thrownAt(", [2]int{565, 11}},
	{"assert.throws = function throws(", "expectsError(throws, ", [2]int{644, 3}},
	// a validation function's call and expectsError's call of expectedException, which call back
	// into the program; rejects' and doesNotReject's calls, and waitForActual's of promiseFn and
	// its refusal of what that returned
	{"function expectedException(", "const res = Reflect.apply(expected, {}, [actual]);", [2]int{466, 17}},
	{"function expectsError(", "expectedException(actual, error, message, stackStartFn);", [2]int{589, 3}},
	{"async function rejects(", "const actual = await waitForActual(promiseFn);", [2]int{654, 31}},
	{"async function rejects(", "expectsError(rejects, actual, ...args);", [2]int{654, 3}},
	{"async function doesNotReject(", "const actual = await waitForActual(fn);", [2]int{674, 39}},
	{"async function waitForActual(", "resultPromise = callThrough(promiseFn);", [2]int{519, 21}},
	{"async function waitForActual(", "throw makeNodeError(TypeError, 'ERR_INVALID_RETURN_VALUE',", [2]int{522, 13}},
})

// testPlaces are node 20.20's places (files of lib/internal/test_runner) of node:test's frames
// that an error's stack can show: t.assert's functions, t.plan's check of its count, a mock's
// traps (where each call's stack is taken).
var testPlaces = &modules.Lazy[map[int]filePlace]{Build: func() map[int]filePlace {
	m := map[int]filePlace{}
	for _, p := range []struct {
		from, text, file string
		place            [2]int
	}{
		{"function contextAssert(", "assert[k] = (...args) =>", "test", [2]int{242, 18}},
		{"  #abortHandler = () => {", "this.#cancel();", "test", [2]int{612, 17}},
		{"  #cancel() {", "t.controller.abort();", "test", [2]int{627, 26}},
		{"class TestPlan {", "validateUint32(count, 'count');", "test", [2]int{172, 5}},
		{"  plan(count) {", "t.plan = new TestPlan(count).expected;", "test", [2]int{227, 23}},
		{"const mockFn = new Proxy(original, {", "return track(new Error(), args, undefined, thisArg,", "mock/mock", [2]int{597, 20}},
		{"const mockFn = new Proxy(original, {", "return track(new Error(), args, target, undefined,", "mock/mock", [2]int{622, 20}},
	} {
		if line := glueLineOf("test", p.from, p.text); line > 0 {
			m[line] = filePlace{"node:internal/test_runner/" + p.file, p.place}
		}
	}
	// and the lines the glue marks with node's place in mock.js or mock_timers.js ("// mock:line:col",
	// "// mock_timers:line:col"): the mocks' argument checks
	if b := findBuiltin("test"); b != nil && b.JSRef != nil {
		for i, text := range strings.Split(*b.JSRef, "\n") {
			j := strings.LastIndex(text, "// mock")
			if j < 0 {
				continue
			}
			file, rest, _ := strings.Cut(text[j+len("// "):], ":")
			if file != "mock" && file != "mock_timers" {
				continue
			}
			l, c, ok := strings.Cut(rest, ":")
			line, err1 := strconv.Atoi(l)
			col, err2 := strconv.Atoi(strings.TrimSpace(c))
			if ok && err1 == nil && err2 == nil {
				m[i+1] = filePlace{"node:internal/test_runner/mock/" + file, [2]int{line, col}}
			}
		}
	}
	return m
}}

// filePlace is node's file and place of a frame.
type filePlace struct {
	file  string
	place [2]int
}

// gluePlace is node's place of a statement of a built-in's glue: the statement's text, first
// met after the text from.
type gluePlace struct {
	from, text string
	place      [2]int
}

// gluePlaces maps the lines of the statements of module's glue to node's places of them.
func gluePlaces(module string, places []gluePlace) *modules.Lazy[map[int][2]int] {
	return &modules.Lazy[map[int][2]int]{Build: func() map[int][2]int {
		m := map[int][2]int{}
		for _, p := range places {
			if line := glueLineOf(module, p.from, p.text); line > 0 {
				m[line] = p.place
			}
		}
		return m
	}}
}

// dgramPlaces are node 20.20's places (node's dgram.js) of the statements of our dgram glue that
// make or throw an error, and of the calls above them, by the glue's line (nodeGlueFrame; the
// glue's error-making helpers, which node's functions do not have, are hidden). newHandle's is in
// node's internal/dgram (dgramInternalLine).
var dgramPlaces = gluePlaces("dgram", dgramGluePlaces)

var dgramGluePlaces = []gluePlace{
	{"function newHandle(", "throw badType();", [2]int{60, 9}},
	{"function Socket(", "const handle = newHandle(type, lookup, this);", [2]int{125, 18}},
	{"function createSocket(", "return new Socket(type, listener);", [2]int{170, 10}},
	{"function Socket(", "validateUint32(options.recvBufferSize, 'options.recvBufferSize');", [2]int{116, 7}},
	{"function Socket(", "validateUint32(options.sendBufferSize, 'options.sendBufferSize');", [2]int{119, 7}},
	{"function startListening(", "socket.emit('listening');", [2]int{189, 10}},
	{"function doSend(", "process.nextTick(() => self.emit('error', ex));", [2]int{696, 33}},
	{"const e = state.handle.bind(ip, p, ", "startListening(this);", [2]int{380, 7}},
	{"const e = state.handle.bind(ip, p, ", "this.emit('error', ex);", [2]int{375, 14}},
	{"function onMessage(", "self.emit('message', buf, rinfo);", [2]int{951, 8}},
	{"state.connectState = CONNECT_STATE_CONNECTED;", "process.nextTick(() => self.emit('connect'));", [2]int{459, 31}},
	{"function socketCloseNT(", "self.emit('close');", [2]int{775, 8}},
	{"function healthCheck(", "throw notRunning();", [2]int{929, 11}},
	{"function onMessage(", "self.emit('error', errnoException(data, 'recvmsg'));", [2]int{948, 31}},
	{"function bufferSize(", "throw badBufferSize();", [2]int{212, 11}},
	{"function bufferSize(", "const r = self[kStateSymbol].handle.bufferSize(size, buffer);", [2]int{215, 41}},
	{"function bufferSize(", "throw bufferSizeError(", [2]int{217, 11}},
	{"Socket.prototype.bind = ", "throw alreadyBound();", [2]int{253, 11}},
	{"const onListening = function onListening(", "cb.call(this);", [2]int{266, 7}},
	{"Socket.prototype.connect = ", "port = validatePort(port, 'Port', false);", [2]int{388, 10}},
	{"Socket.prototype.close = ", "healthCheck(this);", [2]int{754, 3}},
	{"Socket.prototype.setTTL = ", "validateNumber(ttl, 'ttl');", [2]int{816, 3}},
	{"Socket.prototype.setMulticastTTL = ", "validateNumber(ttl, 'ttl');", [2]int{828, 3}},
	{"Socket.prototype.setMulticastInterface = ", "validateString(interfaceAddress, 'interfaceAddress');", [2]int{851, 3}},
	{"Socket.prototype.addMembership = ", "if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');", [2]int{864, 11}},
	{"Socket.prototype.dropMembership = ", "healthCheck(this);", [2]int{877, 3}},
	{"Socket.prototype.dropMembership = ", "if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');", [2]int{880, 11}},
	{"Socket.prototype.addSourceSpecificMembership = ", "healthCheck(this);", [2]int{893, 3}},
	{"Socket.prototype.addSourceSpecificMembership = ", "validateString(sourceAddress, 'sourceAddress');", [2]int{895, 3}},
	{"Socket.prototype.addSourceSpecificMembership = ", "validateString(groupAddress, 'groupAddress');", [2]int{896, 3}},
	{"Socket.prototype.dropSourceSpecificMembership = ", "healthCheck(this);", [2]int{911, 3}},
	{"Socket.prototype.dropSourceSpecificMembership = ", "validateString(sourceAddress, 'sourceAddress');", [2]int{913, 3}},
	{"Socket.prototype.dropSourceSpecificMembership = ", "validateString(groupAddress, 'groupAddress');", [2]int{914, 3}},
	{"Socket.prototype.bind = ", "const ex = exceptionWithHostPort(e, 'bind', ip, port);", [2]int{373, 20}},
	{"Socket.prototype.connect = ", "throw isConnectedErr();", [2]int{401, 11}},
	{"Socket.prototype.disconnect = ", "throw notConnected();", [2]int{466, 11}},
	{"Socket.prototype.disconnect = ", "const err = state.handle.disconnect();", [2]int{468, 28}},
	{"function sliceBuffer(", "throw outOfBounds('offset');", [2]int{507, 11}},
	{"function sliceBuffer(", "throw outOfBounds('length');", [2]int{511, 11}},
	{"Socket.prototype.send = ", "buffer = sliceBuffer(buffer, offset, length);", [2]int{598, 16}},
	{"if (typeof length === 'number') {", "buffer = sliceBuffer(buffer, offset, length);", [2]int{606, 16}},
	{"Socket.prototype.send = ", "if (port || address) throw isConnectedErr();", [2]int{616, 13}},
	{"Socket.prototype.send = ", "throw new ERR_INVALID_ARG_TYPE('buffer', ", [2]int{623, 13}},
	{"Socket.prototype.send = ", "throw new ERR_INVALID_ARG_TYPE('buffer list arguments'", [2]int{633, 11}},
	{"Socket.prototype.send = ", "if (!connected) port = validatePort(port, 'Port', false);", [2]int{642, 12}},
	{"Socket.prototype.send = ", "healthCheck(this);", [2]int{656, 3}},
	{"Socket.prototype.send = ", "const afterDns = (ex, ip) => doSend(", [2]int{673, 5}},
	{"Socket.prototype.address = ", "healthCheck(this);", [2]int{780, 3}},
	{"Socket.prototype.address = ", "throw errnoException(out, 'getsockname');", [2]int{785, 11}},
	{"Socket.prototype.remoteAddress = ", "healthCheck(this);", [2]int{792, 3}},
	{"Socket.prototype.remoteAddress = ", "throw notConnected();", [2]int{796, 11}},
	{"Socket.prototype.setBroadcast = ", "const err = this[kStateSymbol].handle.setBroadcast(", [2]int{808, 41}},
	{"Socket.prototype.setBroadcast = ", "throw errnoException(err, 'setBroadcast');", [2]int{810, 11}},
	{"Socket.prototype.setTTL = ", "const err = this[kStateSymbol].handle.setTTL(ttl);", [2]int{818, 41}},
	{"Socket.prototype.setTTL = ", "throw errnoException(err, 'setTTL');", [2]int{820, 11}},
	{"Socket.prototype.setMulticastTTL = ", "const err = this[kStateSymbol].handle.setMulticastTTL(ttl);", [2]int{830, 41}},
	{"Socket.prototype.setMulticastTTL = ", "throw errnoException(err, 'setMulticastTTL');", [2]int{832, 11}},
	{"Socket.prototype.setMulticastLoopback = ", "const err = this[kStateSymbol].handle.setMulticastLoopback(", [2]int{840, 41}},
	{"Socket.prototype.setMulticastLoopback = ", "throw errnoException(err, 'setMulticastLoopback');", [2]int{842, 11}},
	{"Socket.prototype.setMulticastInterface = ", "healthCheck(this);", [2]int{850, 3}},
	{"Socket.prototype.setMulticastInterface = ", "throw errnoException(err, 'setMulticastInterface');", [2]int{855, 11}},
	{"Socket.prototype.addMembership = ", "healthCheck(this);", [2]int{861, 3}},
	{"Socket.prototype.addMembership = ", "throw errnoException(err, 'addMembership');", [2]int{870, 11}},
	{"Socket.prototype.dropMembership = ", "throw errnoException(err, 'dropMembership');", [2]int{886, 11}},
	{"Socket.prototype.addSourceSpecificMembership = ", "throw errnoException(err, 'addSourceSpecificMembership');", [2]int{903, 11}},
	{"Socket.prototype.dropSourceSpecificMembership = ", "throw errnoException(err, 'dropSourceSpecificMembership');", [2]int{921, 11}},
	{"Socket.prototype.setRecvBufferSize = ", "bufferSize(this, size, RECV_BUFFER);", [2]int{982, 3}},
	{"Socket.prototype.setSendBufferSize = ", "bufferSize(this, size, SEND_BUFFER);", [2]int{987, 3}},
	{"Socket.prototype.getRecvBufferSize = ", "return bufferSize(this, 0, RECV_BUFFER);", [2]int{992, 10}},
	{"Socket.prototype.getSendBufferSize = ", "return bufferSize(this, 0, SEND_BUFFER);", [2]int{997, 10}},
	{"Socket.prototype.getSendQueueSize = ", "return this[kStateSymbol].handle.getSendQueueSize();", [2]int{1001, 36}},
	{"Socket.prototype.getSendQueueCount = ", "return this[kStateSymbol].handle.getSendQueueCount();", [2]int{1005, 36}},
}

// dgramInternalLine is the line of our dgram glue's newHandle that throws for a bad type (node's
// newHandle is in internal/dgram).
var dgramInternalLine = modules.Lazy[int]{Build: func() int {
	return glueLineOf("dgram", "function newHandle(", "throw badType();")
}}

// dgramSendErrorLine is the line of our dgram glue's doSend that makes a send's error: node's is
// in doSend, called in a defaultTriggerAsyncIdScope by the lookup's callback (dgramDoSendFrames).
var dgramSendErrorLine = modules.Lazy[int]{Build: func() int {
	return glueLineOf("dgram", "function doSend(", "const e = exceptionWithHostPort(err, 'send', address, port);")
}}

var dgramDoSendFrames = []siteInfo{
	{fn: "doSend", file: "node:dgram", line: 727, col: 16},
	{fn: "defaultTriggerAsyncIdScope", file: "node:internal/async_hooks", line: 464, col: 18},
}

// dgramThrowLines are node 20.20's dgram.js lines (by line) of the throws of dgramPlaces: an
// uncaught error thrown there prints one of them as its excerpt (dgramThrowArrow).
var dgramThrowLines = map[int]string{
	212: "    throw new ERR_SOCKET_BAD_BUFFER_SIZE();",
	217: "    throw new ERR_SOCKET_BUFFER_SIZE(ctx);",
	253: "    throw new ERR_SOCKET_ALREADY_BOUND();",
	401: "    throw new ERR_SOCKET_DGRAM_IS_CONNECTED();",
	466: "    throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();",
	507: "    throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');",
	511: "    throw new ERR_BUFFER_OUT_OF_BOUNDS('length');",
	616: "      throw new ERR_SOCKET_DGRAM_IS_CONNECTED();",
	623: "      throw new ERR_INVALID_ARG_TYPE('buffer',",
	633: "    throw new ERR_INVALID_ARG_TYPE('buffer list arguments',",
	785: "    throw new ErrnoException(err, 'getsockname');",
	796: "    throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();",
	810: "    throw new ErrnoException(err, 'setBroadcast');",
	820: "    throw new ErrnoException(err, 'setTTL');",
	832: "    throw new ErrnoException(err, 'setMulticastTTL');",
	842: "    throw new ErrnoException(err, 'setMulticastLoopback');",
	855: "    throw new ErrnoException(err, 'setMulticastInterface');",
	864: "    throw new ERR_MISSING_ARGS('multicastAddress');",
	870: "    throw new ErrnoException(err, 'addMembership');",
	880: "    throw new ERR_MISSING_ARGS('multicastAddress');",
	886: "    throw new ErrnoException(err, 'dropMembership');",
	903: "    throw new ErrnoException(err, 'addSourceSpecificMembership');",
	921: "    throw new ErrnoException(err, 'dropSourceSpecificMembership');",
	929: "    throw new ERR_SOCKET_DGRAM_NOT_RUNNING();",
}

// dgramThrowArrow is node's excerpt for an uncaught error thrown at line of our dgram glue (one
// of node's throws: dgramThrowLines, or internal/dgram's for a bad type), or "".
func dgramThrowArrow(line int) string {
	if line == dgramInternalLine.Get() {
		return "node:internal/dgram:60\n  throw new ERR_SOCKET_BAD_TYPE();\n  ^\n"
	}
	p, ok := dgramPlaces.Get()[line]
	if !ok {
		return ""
	}
	src, ok := dgramThrowLines[p[0]]
	if !ok {
		return ""
	}
	indent := len(src) - len(strings.TrimLeft(src, " "))
	return "node:dgram:" + strconv.Itoa(p[0]) + "\n" + src + "\n" + strings.Repeat(" ", indent) + "^\n"
}

// dgramErrorHelpers are our dgram glue's functions that make errors, which node makes in place.
var dgramErrorHelpers = map[string]bool{"errnoException": true, "notRunning": true, "notConnected": true,
	"alreadyBound": true, "badType": true, "badBufferSize": true, "outOfBounds": true,
	"bufferSizeError": true, "isConnectedErr": true}

// domainPlaces are node 20.20's places (node's domain.js) of the calls our domain glue makes
// of a function it runs or an emit, by the glue's line: run, bind's and intercept's wrappers,
// and the domain-aware emit's calls of the events' emit and of the domain's 'error' emit.
var domainPlaces = gluePlaces("domain", []gluePlace{
	{"Domain.prototype.run = ", "const ret = Reflect.apply(fn, this, args);", [2]int{389, 15}},
	{"function intercepted(", "self.emit('error', er);", [2]int{408, 10}},
	{"function intercepted(", "const ret = Reflect.apply(cb, _this,", [2]int{413, 15}},
	{"function runIntercepted(", "return intercepted(this, self, cb, arguments);", [2]int{424, 12}},
	{"function bound(", "const ret = Reflect.apply(cb, _this, fnargs);", [2]int{433, 15}},
	{"function runBound(", "return bound(this, self, cb, arguments);", [2]int{444, 12}},
	{"EventEmitter.prototype.emit = ", "return Reflect.apply(eventEmit, this, args);", [2]int{489, 12}},
	{"EventEmitter.prototype.emit = ", "domain.emit('error', er);", [2]int{540, 12}},
	{"EventEmitter.prototype.emit = ", "const ret = Reflect.apply(eventEmit, this, args);", [2]int{552, 15}},
})

// asyncHooksPlaces are node 20.20's places (node's async_hooks.js) of the calls our async_hooks
// glue makes of the function it runs: AsyncResource's runInAsyncScope (and so its bind's
// wrappers), AsyncLocalStorage's run and exit (each also on its early path).
var asyncHooksPlaces = gluePlaces("async_hooks", []gluePlace{
	{"  runInAsyncScope(fn, thisArg, ...args) {", "return (typeof fn === 'function' ? ReflectApply(fn, thisArg, args)", [2]int{206, 9}},
	{"  run(store, callback, ...args) {", "if (Object.is(store, this.getStore())) return", [2]int{335, 14}},
	{"const next = new Map(prev || undefined);", "return (typeof callback === 'function'", [2]int{346, 14}},
	{"  exit(callback, ...args) {", "if (!this.enabled) return", [2]int{354, 14}},
	{"const inFrame = prev !== undefined && prev.has(this);", "return (typeof callback === 'function'", [2]int{358, 14}},
})

// abortLines are the lines of AbortSignal.abort's and AbortController#abort's default reason in
// our web events glue, and of DOMException's capture of its stack.
var abortLines = modules.Lazy[[3]int]{Build: func() [3]int {
	return [3]int{glueLineOf("internal/event_target", "", "static abort(reason = abortedReason())"),
		glueLineOf("internal/event_target", "class AbortController", "abort(reason = abortedReason())"),
		glueLineOf("internal/event_target", "class DOMException", "Error.captureStackTrace(this);")}
}}

// dispatchLines are the lines of our event_target glue where a dispatch calls a function
// listener (#dispatch), dispatchEvent calls #dispatch, an AbortSignal's abort dispatches 'abort',
// AbortController's abort aborts its signal, an on<type> handler's wrapper calls it, a signal's
// abort aborts those that follow it, #dispatch calls an object listener (callHandleEvent) and
// that calls its handleEvent (from handleEventAsync while async hooks are on, else from
// callHandleEvent itself).
var dispatchLines = modules.Lazy[[10]int]{Build: func() [10]int {
	const m = "internal/event_target"
	return [10]int{glueLineOf(m, "  #dispatch(event, type) {", "result = handler.listener.call(this, event);"),
		glueLineOf(m, "  dispatchEvent(", "this.#dispatch(event, event.type);"),
		glueLineOf(m, "      abort: (s, reason) => {", "s.dispatchEvent(new Event('abort'"),
		glueLineOf(m, "class AbortController", "signalInternals.abort(this.#signal, reason);"),
		glueLineOf(m, "w = function eventHandler(", "return Reflect.apply(w.handler, this, args);"),
		glueLineOf(m, "      abort: (s, reason) => {", "deps.forEach((d) => signalInternals.abort(d, reason));"),
		glueLineOf(m, "  #dispatch(event, type) {", "result = callHandleEvent(handler.listener, event);"),
		glueLineOf(m, "async function handleEventAsync(", "if (listener.handleEvent) await Reflect.apply(listener.handleEvent, listener, [event]);"),
		glueLineOf(m, "function callHandleEvent(", "return handleEventAsync(listener, event);"),
		glueLineOf(m, "function callHandleEvent(", "result = Reflect.apply(listener.handleEvent, listener, [event]);")}
}}

// glueLineOf is the line of text in the glue of the built-in module (its first occurrence after
// from, when from is given), -1 when not found.
func glueLineOf(module, from, text string) int {
	m := findBuiltin(module)
	if m == nil || m.JSRef == nil {
		return -1
	}
	src := *m.JSRef
	start := 0
	if from != "" {
		if start = strings.Index(src, from); start < 0 {
			return -1
		}
	}
	i := strings.Index(src[start:], text)
	if i < 0 {
		return -1
	}
	return strings.Count(src[:start+i], "\n") + 1
}

// cryptoJobPlaces maps the lines of our crypto glue (and its parts) that call a job's callback, each marked
// "// job:<name>", to node 20.20's frame of the job's ondone making that call (the callback's
// frame is above it, named after the job, its this).
var cryptoJobPlaces = modules.Lazy[map[cryptoLine]siteInfo]{Build: func() map[cryptoLine]siteInfo {
	ondone := func(file string, line, col int) siteInfo {
		return siteInfo{fn: "job.ondone", file: "node:internal/crypto/" + file, line: line, col: col}
	}
	const random = "node:internal/crypto/random"
	marks := map[string]siteInfo{
		"randomBytes-done": {fn: "onJobDone", file: random, line: 308, col: 3, typ: "RandomBytesJob", method: "onJobDone",
			display: "RandomBytesJob.onJobDone"},
		"randomBytes": {file: random, line: 113, col: 5, typ: "RandomBytesJob", display: "RandomBytesJob.<anonymous>"},
		"randomFill-done": {fn: "onJobDone", file: random, line: 308, col: 3, typ: "RandomBytesJob", method: "onJobDone",
			display: "RandomBytesJob.onJobDone"},
		"pbkdf2-err":  ondone("pbkdf2", 54, 14),
		"pbkdf2":      ondone("pbkdf2", 56, 12),
		"scrypt":      ondone("scrypt", 59, 12),
		"hkdf-err":    ondone("hkdf", 116, 23),
		"hkdf":        ondone("hkdf", 117, 5),
		"keypair-err": ondone("keygen", 88, 23),
		"keypair":     ondone("keygen", 93, 5),
		"secretkey":   ondone("keygen", 393, 5),
		"sign-err":    ondone("sig", 191, 23),
		"sign":        ondone("sig", 192, 5),
		"verify":      ondone("sig", 297, 5),
		"prime-err":   ondone("random", 479, 7),
		"prime":       ondone("random", 483, 5),
	}
	places := map[cryptoLine]siteInfo{}
	scan := func(file, src string) {
		for i, l := range strings.Split(src, "\n") {
			if k := strings.LastIndex(l, "// job:"); k >= 0 {
				if si, ok := marks[l[k+len("// job:"):]]; ok {
					places[cryptoLine{file, i + 1}] = si
				}
			}
		}
	}
	if m := findBuiltin("crypto"); m != nil && m.JSRef != nil {
		scan("node:crypto", *m.JSRef)
	}
	for _, p := range crypto.GlueParts {
		scan(p.File, *p.Source)
	}
	return places
}}

// glueMark is node 20.20's frames for the frame of a statement of a marked glue (markedGlue:
// crypto's and its parts', webcrypto's, net's, dns's, encoding's, util's, streams', http's, https',
// http2's, events') marked "// at: FRAMES [| CARET | EXCERPT]":
//   - FRAMES is "-" (node has no such frame: it is hidden), or node's frames for it, the innermost
//     first, separated by ", ", each "[NAME@]FILE:LINE:COL" (FILE is node:BASE+FILE, BASE the
//     glue's, or node:F for a FILE "/F"; crypto's FILE "crypto" is node:crypto). The last is the frame itself, named as any
//     frame unless NAME is given; the others, frames node has above it, have NAME as their name.
//     A NAME "*.method" is a method of the class of the function the frame's caller is (a
//     constructor calling a helper node has as its class's method).
//   - EXCERPT is node's source line at the innermost frame's place (or at LINE of its file, for a
//     CARET "LINE:COL") and CARET the column of its caret: the excerpt of an uncaught error made at that statement (none: the excerpt is found
//     as for any error, a validator's at its rethrow; "validator": a validator's, for a check
//     node's hideStackFrames wraps).
type glueMark struct {
	frames []siteInfo
	hide   bool
	arrow  string
}

// markedGlue are the glues whose "// at:" marks glueMarks reads, by file: the built-in whose
// source it is (crypto's parts have their own) and the base of the marks' FILEs.
var markedGlue = map[string]struct{ module, base string }{
	"node:crypto":                    {"crypto", "internal/crypto/"},
	"node:internal/crypto/webcrypto": {"internal/crypto/webcrypto", "internal/crypto/"},
	"node:net":                       {"net", ""},
	"node:dns":                       {"dns", ""},
	"node:internal/encoding":         {"internal/encoding", "internal/"},
	"node:util":                      {"util", ""},
	"node:internal/streams":          {"internal/streams", "internal/streams/"},
	"node:internal/webstreams":       {"internal/webstreams", "internal/webstreams/"},
	"node:http":                      {"http", ""},
	"node:https":                     {"https", ""},
	"node:http2":                     {"http2", ""},
	"node:internal/http2/core":       {"internal/http2/core", "internal/http2/"},
	"node:events":                    {"events", ""},
	"node:string_decoder":            {"string_decoder", ""},
	"node:child_process":             {"child_process", ""},
	"node:internal/event_target":     {"internal/event_target", ""},
	"node:os":                        {"os", ""},
	"node:internal/util/inspect":     {"internal/util/inspect", ""},
	"node:buffer":                    {"buffer", ""},
}

// glueMarks are the marks of the marked glues, by line.
var glueMarks = modules.Lazy[map[cryptoLine]glueMark]{Build: func() map[cryptoLine]glueMark {
	marks := map[cryptoLine]glueMark{}
	scan := func(file, src, base string) {
		for i, l := range strings.Split(src, "\n") {
			k := strings.LastIndex(l, "// at: ")
			if k < 0 {
				continue
			}
			if m, ok := parseGlueMark(l[k+len("// at: "):], base); ok {
				marks[cryptoLine{file, i + 1}] = m
			}
		}
	}
	for file, g := range markedGlue {
		if m := findBuiltin(g.module); m != nil && m.JSRef != nil {
			scan(file, *m.JSRef, g.base)
			if m.LazyPrepared != nil {
				// (and the core of the glue as it runs, the lazy exports' functions moved to its
				// end, where their frames are; its parts keep the glue's lines, blank there)
				if pre := m.LazyPrepared(); pre != nil && pre.Script != "" {
					scan(file, pre.Script, g.base)
				}
			}
		}
	}
	for _, p := range crypto.GlueParts {
		scan(p.File, *p.Source, markedGlue["node:crypto"].base)
	}
	return marks
}}

// glueMarkArrows are the marks' excerpts by the place ("node:FILE:LINE:COL") of their innermost
// frame: the excerpt of a rejection is read from its stack (arrowFor), where the frame of a
// marked statement shows node's place.
var glueMarkArrows = modules.Lazy[map[string]string]{Build: func() map[string]string {
	arrows := map[string]string{}
	for _, m := range glueMarks.Get() {
		if len(m.frames) > 0 && m.arrow != "" && m.arrow != validatorArrow {
			f := m.frames[0]
			arrows[f.file+":"+strconv.Itoa(f.line)+":"+strconv.Itoa(f.col)] = m.arrow
		}
	}
	return arrows
}}

// parseGlueMark reads a glueMark's text (after "// at: "), its files under node:base.
func parseGlueMark(text, base string) (m glueMark, ok bool) {
	spec, excerpt, hasExcerpt := strings.Cut(text, " | ")
	spec = strings.TrimSpace(spec)
	if spec == "-" {
		return glueMark{hide: true}, true
	}
	for _, f := range strings.Split(spec, ", ") {
		var si siteInfo
		if class, ok := strings.CutSuffix(f, "@<anonymous>"); ok && strings.HasPrefix(class, "new ") {
			// (a built-in constructor's frame: "at new Promise (<anonymous>)")
			m.frames = append(m.frames, siteInfo{fn: class[4:], display: class, native: class[4:]})
			continue
		}
		if name, rest, named := strings.Cut(f, "@"); named {
			si.fn, f = name, rest
			if class, ok := strings.CutPrefix(name, "new "); ok {
				si.fn, si.display = class, name
			} else if typ, method, ok := strings.Cut(name, "."); ok {
				si.fn, si.typ, si.method, si.display = method, typ, method, name
			}
		}
		parts := strings.Split(f, ":")
		if len(parts) != 3 {
			return m, false
		}
		line, err1 := strconv.Atoi(parts[1])
		col, err2 := strconv.Atoi(parts[2])
		if err1 != nil || err2 != nil {
			return m, false
		}
		si.file, si.line, si.col = "node:"+base+parts[0], line, col
		if abs, ok := strings.CutPrefix(parts[0], "/"); ok {
			si.file = "node:" + abs // (a file outside the glue's base: "/internal/timers")
		}
		if base == markedGlue["node:crypto"].base && parts[0] == "crypto" {
			si.file = "node:crypto"
		}
		m.frames = append(m.frames, si)
	}
	if len(m.frames) == 0 {
		return m, false
	}
	if strings.TrimSpace(excerpt) == "validator" {
		m.arrow = validatorArrow // (a check node's hideStackFrames wraps: its rethrow's excerpt)
	} else if hasExcerpt {
		caret, src, ok := strings.Cut(excerpt, " | ")
		at := m.frames[0].line
		if l, c, two := strings.Cut(strings.TrimSpace(caret), ":"); two {
			// (LINE:CARET: the excerpt is of another line of the file, node's rethrow)
			n, err := strconv.Atoi(l)
			if err != nil {
				return m, false
			}
			at, caret = n, c
		}
		c, err := strconv.Atoi(strings.TrimSpace(caret))
		if !ok || err != nil || c < 1 {
			return m, false
		}
		m.arrow = m.frames[0].file + ":" + strconv.Itoa(at) + "\n" + src + "\n" + strings.Repeat(" ", c-1) + "^\n"
	}
	return m, true
}

// cryptoHidden are the functions of crypto's glue whose frames node's stacks do not have: its
// error makers (and ERR_*; node constructs its errors in place), and the checks node's
// hideStackFrames wraps (getArrayBufferOrView, whose uncaught error node reports at the
// wrapper's rethrow; hkdf's parameters) or has inline (bytesOrUtf8).
var cryptoHidden = map[string]string{
	"nodeError": "", "nativeError": "", "getArrayBufferOrView": validatorArrow, "bytesOrUtf8": "", "hkdfCheck": "",
}

// glueMarkAt is the mark of the frame of fn at line of file, when file is a marked glue's: the
// line's "// at:" mark, or, in crypto's glue (webcrypto's too), a hidden one for the functions
// of cryptoHidden.
func glueMarkAt(file, fn string, line int) (glueMark, bool) {
	if isCryptoGlueFile(file) || file == "node:internal/crypto/webcrypto" {
		if arrow, ok := cryptoHidden[fn]; ok || strings.HasPrefix(fn, "ERR_") {
			return glueMark{hide: true, arrow: arrow}, true
		}
	} else if _, ok := markedGlue[file]; !ok {
		return glueMark{}, false
	}
	m, ok := glueMarks.Get()[cryptoLine{file, line}]
	return m, ok
}

// cryptoLine is a line of a glue's file (crypto's or one of its parts', crypto.GlueParts; a
// marked glue's).
type cryptoLine struct {
	file string
	line int
}

// isCryptoGlueFile says whether file is crypto's glue or one of its parts.
func isCryptoGlueFile(file string) bool {
	if file == "node:crypto" {
		return true
	}
	for _, p := range crypto.GlueParts {
		if p.File == file {
			return true
		}
	}
	return false
}

// bufferPlaces are node's places (node 20.20's buffer.js) of statements of our buffer glue's
// functions, by the statement's text: the Buffer constructor's throw and calls, and the
// validation of Buffer.alloc's size and Buffer.from's argument.
var bufferPlaces = []struct {
	fn, text  string
	line, col int
}{
	{"Buffer", "throw errInvalidArgType('string', 'string', arg)", 273, 13},
	{"Buffer", "return Buffer.alloc(arg)", 275, 19},
	{"Buffer", "return Buffer.from(arg, encodingOrOffset, length)", 277, 17},
	{"alloc", "checkSize(size)", 392, 3},
	{"from", "throw errInvalidArgType('first argument',", 322, 9},
}

// bufferGluePlace is node's frame for our buffer glue's function fn at line, when that line is
// one of bufferPlaces.
func bufferGluePlace(fn string, line int) (siteInfo, bool) {
	lines := bufferGlueLines.Get()
	if line < 1 || line > len(lines) {
		return siteInfo{}, false
	}
	text := strings.TrimSpace(lines[line-1])
	for _, p := range bufferPlaces {
		if p.fn == fn && strings.Contains(text, p.text) {
			return siteInfo{fn: fn, file: "node:buffer", line: p.line, col: p.col}, true
		}
	}
	return siteInfo{}, false
}

var bufferGlueLines = modules.Lazy[[]string]{Build: func() []string {
	m := findBuiltin("buffer")
	if m == nil || m.JSRef == nil {
		return nil
	}
	return strings.Split(*m.JSRef, "\n")
}}

// execSyncErrorLines are the lines in our child_process glue of checkExecSyncError's new Error
// and of spawnError's.
var execSyncErrorLines = modules.Lazy[[2]int]{Build: func() [2]int {
	return [2]int{glueLineOf("child_process", "function checkExecSyncError(", "err = new Error(msg);"),
		glueLineOf("child_process", "function spawnError(", "new Error(")}
}}

// execSyncCallPlaces maps the lines of our child_process glue's calls on a sync failure's path
// (spawnSync's of spawnError, execFileSync's and execSync's of spawnSync and checkExecSyncError)
// to the function making the call and node's place of it.
var execSyncCallPlaces = modules.Lazy[map[int]siteInfo]{Build: func() map[int]siteInfo {
	const m = "child_process"
	places := map[int]siteInfo{}
	add := func(fn, from, text string, line, col int) {
		if l := glueLineOf(m, from, text); l > 0 {
			places[l] = siteInfo{fn: fn, line: line, col: col}
		}
	}
	add("spawnSync", "function spawnSync(", "ret.error = spawnError(", 877, 24)
	add("execFileSync", "function execFileSync(", "const ret = spawnSync(", 920, 15)
	add("execFileSync", "function execFileSync(", "const err = checkExecSyncError(", 927, 15)
	add("execSync", "function execSync(", "const ret = spawnSync(", 958, 15)
	add("execSync", "function execSync(", "const err = checkExecSyncError(", 963, 15)
	return places
}}

// childSendPlaces maps the lines of our child_process glue's send and _send (of a ChildProcess
// or of a forked child's process) where an error is made or the call goes on to node 20.20's
// frames of them in node's internal/child_process, where they are target.send/target._send
// (their nextTick arrows that emit the error, nameless), and the line of the emit of a message
// that came to node's.
var childSendPlaces = modules.Lazy[map[int]siteInfo]{Build: func() map[int]siteInfo {
	const m, f = "child_process", "node:internal/child_process"
	places := map[int]siteInfo{}
	add := func(fn, from, text string, line, col int) {
		if l := glueLineOf(m, from, text); l > 0 {
			places[l] = siteInfo{fn: fn, file: f, line: line, col: col}
		}
	}
	const send, send_ = "target.send = function send(", "target._send = function _send("
	add("target.send", send, "return this._send(", 751, 19)
	add("target.send", send, "const ex = makeNodeError(Error, 'ERR_IPC_CHANNEL_CLOSED'", 753, 16)
	add("", send, "else process.nextTick(() => this.emit('error', ex));", 757, 35)
	add("target._send", send_, "throw new ERR_MISSING_ARGS('message');", 766, 13)
	add("target._send", send_, "throw new ERR_INVALID_ARG_TYPE('message',", 776, 13)
	add("target._send", send_, "throw new ERR_INVALID_HANDLE_TYPE();", 807, 15)
	add("target._send", send_, "const ex = new Error(`write ${code}`);", 878, 20)
	add("", "const ex = new Error(`write ${code}`);", "else process.nextTick(() => this.emit('error', ex));", 882, 39)
	// the emit of a message that came (its listener's frame is above it)
	add("emit", "function emit(event, message, recvHandle) {", "target.emit(event, message, recvHandle);", 950, 14)
	return places
}}

// streamsThrowSites are the statements of our streams glue where an argument check throws (or
// calls the validator that throws), and the calls on the way there, with node 20.20's places of
// them in its internal/streams files (and node:stream's operator wrappers). A site with no file
// is a frame of ours node does not have (compose's call of its part).
var streamsThrowSites = []struct {
	from, text, file string
	line, col        int
}{
	{sfEOS, "validateObject(options, 'options');", nsEOS, 62, 5},
	{sfEOS, "validateFunction(callback, 'callback');", nsEOS, 64, 3},
	{sfEOS, "validateAbortSignal(options.signal, 'options.signal');", nsEOS, 65, 3},
	{sfEOS, "throw invalidArgType('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);", nsEOS, 74, 11},
	{"function finished(stream, opts) {", "throw invalidArgType('cleanup',", nsEOS, 310, 5},
	{sfPipeline, "const callback = once(popCallback(streams));", nsPipeline, 184, 37},
	{sfPipeline, "return pipelineImpl(streams, callback);", nsPipeline, 184, 10},
	{"function popCallback(streams) {", "validateFunction(streams[streams.length - 1],", nsPipeline, 73, 3},
	{"function pipelineImpl(streams, callback, opts) {\n    if", "if (streams.length < 2) throw codeError('ERR_MISSING_ARGS', 'streams');", nsPipeline, 193, 11},
	{"function pipelineImpl(streams, callback, opts) {\n    if", "ret = Duplex.from(stream);", nsPipeline, 296, 22},
	{"return duplexify(body, 'body');", "return duplexify(body, 'body');", "node:internal/streams/duplex", 205, 10},
	{"function duplexify(body, name) {", "throw invalidArgType(name, ['Blob',", "node:internal/streams/duplexify", 204, 9},
	{"function makeCompose({", "if (streams.length === 0) throw codeError('ERR_MISSING_ARGS', 'streams');", nsCompose, 30, 11},
	{"function makeCompose({", "orgStreams[n], 'must be readable');", nsCompose, 61, 13},
	{"function makeCompose({", "orgStreams[n], 'must be writable');", nsCompose, 75, 13},
	{"function compose(...streams) {", "return Reflect.apply(compose_, this, streams);", "", 0, 0},
	{"function finish(stream, state) {", "callFinishedCallbacks(state);", nsWritable, 953, 3},
	{"function callFinishedCallbacks(state, err) {", "Reflect.apply(onfinishCallbacks[i], onfinishCallbacks, args);", nsWritable, 982, 25},
	{"function errorBuffer(state) {", "callFinishedCallbacks(state, state.errored", nsWritable, 738, 3},
	{"function afterWrite(stream, state, count, cb) {", "if (state.destroyed) errorBuffer(state);", nsWritable, 714, 5},
	{"function addAbortSignal(signal, stream) {", "throw invalidArgType('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);",
		"node:internal/streams/add-abort-signal", 35, 11},
	{"function setDefaultHighWaterMark(objectMode, value) {", "validateInteger(value, 'value', 0);", nsState, 24, 3},
	{"function getHighWaterMark(state, options, duplexKey, isDuplex) {", "throw invalidArgValue(name, hwm);", nsState, 37, 13},
	{"function ReadableState(options, stream, isDuplex) {", "getHighWaterMark({ objectMode }, options, 'readableHighWaterMark', isDuplex)", nsReadable, 278, 5},
	{"function ReadableState(options, stream, isDuplex) {", "throw codeError('ERR_UNKNOWN_ENCODING', defaultEncoding);", nsReadable, 301, 11},
	{"function Readable(options) {", "this._readableState = new ReadableState(options, this, isDuplex);", nsReadable, 339, 25},
	{"function computeNewHighWaterMark(n) {", "throw outOfRange('size', '<= 1GiB', n);", nsReadable, 613, 11},
	{"const readJS = function read(n) {", "hwm = state.highWaterMark = computeNewHighWaterMark(n);", nsReadable, 661, 27},
	{"Readable.prototype.iterator = function iterator(options) {", "validateObject(options, 'options');", nsReadable, 1344, 5},
	{"Readable.from = function(iterable, opts) {", "return from(Readable, iterable, opts);", nsReadable, 1729, 10},
	{"function makeFrom({", "throw invalidArgType('iterable', ['Iterable'], iterable);", "node:internal/streams/from", 36, 11},
	{"function WritableState(options, stream, isDuplex) {", "getHighWaterMark({ objectMode }, options, 'writableHighWaterMark', isDuplex)", nsWritable, 319, 5},
	{"function WritableState(options, stream, isDuplex) {", "throw codeError('ERR_UNKNOWN_ENCODING', defaultEncoding);", nsWritable, 340, 11},
	{"function Writable(options) {", "this._writableState = new WritableState(options, this, isDuplex);", nsWritable, 407, 25},
	{"Writable.prototype._write = function(chunk, encoding, cb) {", "throw codeError('ERR_METHOD_NOT_IMPLEMENTED', '_write()');", nsWritable, 802, 11},
	{"Readable.prototype._read = function _read(n) {", "throw codeError('ERR_METHOD_NOT_IMPLEMENTED', '_read()');", nsReadable, 906, 9},
	// (the calls of a buffered or corked write's _write or _writev, a Transform's _flush, a
	// stream's _destroy and _construct)
	{"function doWrite(stream, state, writev, len, chunk, encoding, cb) {", "else if (writev) stream._writev(chunk, state.onwrite);", nsWritable, 596, 12},
	{"function doWrite(stream, state, writev, len, chunk, encoding, cb) {", "else stream._write(chunk, encoding, state.onwrite);", nsWritable, 598, 12},
	{"function clearBuffer(stream, state) {", "doWrite(stream, state, true, state.length, chunks, '', callback);", nsWritable, 775, 5},
	{"function clearBuffer(stream, state) {", "doWrite(stream, state, false, len, chunk, encoding, callback);", nsWritable, 783, 7},
	{"Writable.prototype.uncork = function uncork() {", "if (!state.writing) clearBuffer(this, state);", nsWritable, 531, 7},
	{"function onwrite(stream, er) {", "if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);", nsWritable, 653, 7},
	{"function transformFinal(cb) {", "this._flush((er, data) => {", "node:internal/streams/transform", 128, 10},
	{"function _destroy(self, err, cb) {", "self._destroy(err || null, onDestroy);", nsDestroy, 121, 10},
	{"function destroy(err, cb) {", "_destroy(this, err, cb);", nsDestroy, 83, 5},
	{"function constructNT(stream) {", "stream._construct((err) => { nextTick(onConstruct, err); });", nsDestroy, 299, 12},
	// (the calls of read that reach a stream's _read, and readJS's call of _read)
	{"const readJS = function read(n) {", "this._read(hwm);", nsReadable, 739, 12},
	{"function maybeReadMore_(stream, state) {", "stream.read(0);", nsReadable, 893, 12},
	{"", "function nReadingNextTick(self) { self.read(0); }", nsReadable, 1222, 8},
	{"function resume_(stream, state) {", "if (!state.reading) stream.read(0);", nsReadable, 1257, 12},
	{"function resume_(stream, state) {", "stream.emit('resume');", nsReadable, 1261, 10},
	{"function resume_(stream, state) {", "flow(stream);", nsReadable, 1262, 3},
	{"function resume_(stream, state) {", "if (state.flowing && !state.reading) stream.read(0);", nsReadable, 1264, 12},
	{"Writable.prototype.setDefaultEncoding = function setDefaultEncoding(", "throw codeError('ERR_UNKNOWN_ENCODING', encoding);", nsWritable, 540, 11},
	{"function map(fn, options) {", "if (typeof fn !== 'function') throw", nsOperators, 71, 11},
	{"function map(fn, options) {", "validateOperatorOptions(options);", nsOperators, 75, 5},
	{"function map(fn, options) {", "validateInteger(concurrency, 'options.concurrency', 1);", nsOperators, 91, 3},
	{"function filter(fn, options) {", "if (typeof fn !== 'function') throw", nsOperators, 278, 11},
	{"function forEach(fn, options) {", "if (typeof fn !== 'function') throw", nsOperators, 265, 11},
	{sfOps, "if (typeof reducer !== 'function') throw", nsOperators, 301, 11},
	{"function take(number, options) {", "number = toIntegerOrInfinity(number);", nsOperators, 419, 12},
	{"function drop(number, options) {", "number = toIntegerOrInfinity(number);", nsOperators, 395, 12},
	{sfOps, "throw outOfRange('number', '>= 0', number);", nsOperators, 382, 11},
	{sfOps, "const values = map.call(this, fn, options);", nsOperators, 366, 22},
	{"const streamReturningOperators = {", "return Readable.from(Reflect.apply(operatorParts()[key], this, args));", "node:stream", 72, 33},
	{"const promiseReturningOperators = {", "return Reflect.apply(operatorParts()[key], this, args);", "node:stream", 92, 12},
}

// (the functions of our glue and the files of node's these sites name most)
const (
	sfEOS       = "function eos(stream, options, callback) {"
	sfPipeline  = "function pipeline(...streams) {"
	sfOps       = "function makeOperatorParts({"
	nsEOS       = "node:internal/streams/end-of-stream"
	nsPipeline  = "node:internal/streams/pipeline"
	nsCompose   = "node:internal/streams/compose"
	nsReadable  = "node:internal/streams/readable"
	nsWritable  = "node:internal/streams/writable"
	nsState     = "node:internal/streams/state"
	nsDestroy   = "node:internal/streams/destroy"
	nsOperators = "node:internal/streams/operators"
)

// streamsThrowPlaces maps the lines of streamsThrowSites to node's places.
var streamsThrowPlaces = modules.Lazy[map[int]siteInfo]{Build: func() map[int]siteInfo {
	places := map[int]siteInfo{}
	for _, p := range streamsThrowSites {
		if l := glueLineOf("internal/streams", p.from, p.text); l > 0 {
			places[l] = siteInfo{file: p.file, line: p.line, col: p.col}
		}
	}
	return places
}}

// webstreamsThrowSites are the statements of our web streams glue where an argument or receiver
// check throws or rejects, with node 20.20's places of them in its internal/webstreams files, and
// the name node's frame has when it is not ours (a getter's: "get closed").
var webstreamsThrowSites = []struct {
	from, text, display string
	file                string
	line, col           int
}{
	{"", "if (source !== undefined) throw argType('source', 'object', source);", "", nwReadable, 253, 5},                                                                                                                                                                            // rsBadSource
	{"source = kEmptyObject;", "strategy = validateStrategyArg(strategy);", "", nwReadable, 254, 5},                                                                                                                                                                                 // rsBadStrategy
	{"", "if (type !== undefined) throw argValue('source.type', type);", "", nwReadable, 279, 15},                                                                                                                                                                                   // rsBadType
	{"", "if (n !== n || n < 0) throw rangeArgValue('strategy.highWaterMark', n);", "", nwUtil, 66, 11},                                                                                                                                                                             // rsHwm
	{"", "if (typeof size !== 'function') throw argType('strategy.size', 'Function', size);", "", nwUtil, 72, 3},                                                                                                                                                                    // rsSize
	{"class ReadableStreamDefaultReader {", "if (!isReadableStream(stream)) throw argType('stream', 'ReadableStream', stream);", "", nwReadable, 829, 13},                                                                                                                           // readerCtorBad
	{"", "if (!(this instanceof ReadableStreamDefaultReader) || !this[kState]) throw invalidThis('ReadableStreamDefaultReader');", "", nwReadable, 863, 13},                                                                                                                         // releaseBad
	{"readableStreamDefaultReaderRelease(this);", "if (!(this instanceof ReadableStreamDefaultReader) || !this[kState]) return Promise.reject(invalidThis('ReadableStreamDefaultReader'));", "get closed", nwReadable, 875, 28},                                                     // readerClosedBad
	{"readableStreamDefaultReaderRelease(this);", "return Promise.reject(invalidState('The reader is not attached to a stream'));", "", nwReadable, 887, 28},                                                                                                                        // readerCancelReleased
	{"'        throw new ERR_INVALID_ARG_TYPE(');", "if (isReadableStreamLocked(this)) throw invalidState('The ReadableStream is locked');", "", nwReadable, 432, 15},                                                                                                               // pipeToLocked
	{"", "if (isWritableStreamLocked(destination)) throw invalidState('The WritableStream is locked');", "", nwReadable, 434, 15},                                                                                                                                                   // pipeToDestLocked
	{"'        throw new ERR_INVALID_ARG_TYPE(');", "throw argType('options.signal', 'AbortSignal', signal);", "", nwReadable, 428, 9},                                                                                                                                              // pipeToBadSignal
	{"throw atNode(argType('transform.writable', 'WritableStream', writable), 'readablestream', 370, 13, 7,", "if (isReadableStreamLocked(this)) throw invalidState('The ReadableStream is locked');", "", nwReadable, 389, 13},                                                     // pipeThroughLocked
	{"throw atNode(argType('transform.writable', 'WritableStream', writable), 'readablestream', 370, 13, 7,", "throw argType('options.signal', 'AbortSignal', signal);", "", nwReadable, 385, 7},                                                                                    // pipeThroughBadSignal
	{"", "if (sink !== undefined) throw argType('sink', 'Object', sink);", "", nwWritable, 165, 5},                                                                                                                                                                                  // wsBadSink
	{"", "if (sink.type !== undefined) throw rangeArgValue('type', sink.type);", "", nwWritable, 169, 13},                                                                                                                                                                           // wsType
	{"return isWritableStreamLocked(this);", "if (isWritableStreamLocked(this)) return Promise.reject(invalidState('WritableStream is locked'));", "", nwWritable, 208, 9},                                                                                                          // wsAbortLocked
	{"return writableStreamAbort(this, reason);", "if (isWritableStreamLocked(this)) return Promise.reject(invalidState('WritableStream is locked'));", "", nwWritable, 221, 9},                                                                                                     // wsCloseLocked
	{"return isWritableStreamLocked(this);", "if (!isWritableStream(this)) return Promise.reject(invalidThis('WritableStream'));", "", nwWritable, 205, 28},                                                                                                                         // wsAbortBad
	{"return writableStreamAbort(this, reason);", "if (!isWritableStream(this)) return Promise.reject(invalidThis('WritableStream'));", "", nwWritable, 218, 28},                                                                                                                    // wsCloseBad
	{"", "if (stream === undefined) return Promise.reject(invalidState('Writer is not bound to a WritableStream'));", "", nwWritable, 402, 9},                                                                                                                                       // writerCloseReleased
	{"", "if (this[kState].stream === undefined) return Promise.reject(invalidState('Writer is not bound to a WritableStream'));", "", nwWritable, 385, 9},                                                                                                                          // writerAbortReleased
	{"return writableStreamAbort(this[kState].stream, reason);", "if (!(this instanceof WritableStreamDefaultWriter) || !this[kState]) return Promise.reject(invalidThis('WritableStreamDefaultWriter'));", "", nwWritable, 396, 28},                                                // writerCloseBad
	{"return this[kState].ready.promise;", "if (!(this instanceof WritableStreamDefaultWriter) || !this[kState]) return Promise.reject(invalidThis('WritableStreamDefaultWriter'));", "", nwWritable, 382, 28},                                                                      // writerAbortBad
	{"if (writableStreamCloseQueuedOrInFlight(stream)) return Promise.reject(invalidState('Failure to close WritableStream'));", "if (!(this instanceof WritableStreamDefaultWriter) || !this[kState]) throw invalidThis('WritableStreamDefaultWriter');", "", nwWritable, 414, 13}, // writerReleaseBad
	{"get ready() {", "if (!(this instanceof WritableStreamDefaultWriter) || !this[kState]) return Promise.reject(invalidThis('WritableStreamDefaultWriter'));", "get ready", nwWritable, 372, 28},                                                                                  // writerReadyBad
	{"w.close = rejectedDeferred(s.storedError);", "if (!(this instanceof WritableStreamDefaultWriter) || !this[kState]) return Promise.reject(invalidThis('WritableStreamDefaultWriter'));", "get closed", nwWritable, 348, 28},                                                    // writerClosedBad
	{"w.close = rejectedDeferred(s.storedError);", "if (!(this instanceof WritableStreamDefaultWriter) || !this[kState]) throw invalidThis('WritableStreamDefaultWriter');", "get desiredSize", nwWritable, 358, 13},                                                                // writerDesiredBad
	{"", "if (writableStreamCloseQueuedOrInFlight(stream)) return Promise.reject(invalidState('Failure to close WritableStream'));", "", nwWritable, 407, 9},                                                                                                                        // writerCloseClosed
	{"", "if (transformer !== undefined) throw argType('transformer', 'Object', transformer);", "", nwTransform, 131, 5},                                                                                                                                                            // tsBadTransformer
	{"", "if (readableType !== undefined) throw rangeArgValue('transformer.readableType', readableType);", "", nwTransform, 139, 13},                                                                                                                                                // tsReadableType
	{"", "if (writableType !== undefined) throw rangeArgValue('transformer.writableType', writableType);", "", nwTransform, 144, 13},                                                                                                                                                // tsWritableType
	{"return readableStreamDefaultControllerGetDesiredSize(readableController);", "brand(this, TransformStreamDefaultController, 'TransformStreamDefaultController');", "", nwTransform, 315, 13},                                                                                   // tsCtrlEnqueueBad
	{"", "transformStreamError(brand(this, TransformStreamDefaultController, 'TransformStreamDefaultController').stream, reason);", "", nwTransform, 324, 13},                                                                                                                       // tsCtrlErrorBad
	{"terminate() {", "brand(this, TransformStreamDefaultController, 'TransformStreamDefaultController');", "", nwTransform, 330, 13},                                                                                                                                               // tsCtrlTerminateBad
	{"", "const c = brand(this, TransformStreamDefaultController, 'TransformStreamDefaultController');", "get desiredSize", nwTransform, 297, 13},                                                                                                                                   // tsCtrlDesiredBad
	{"settleResolve(startPromise, undefined);", "if (!isTransformStream(this)) throw invalidThis('TransformStream');", "get readable", nwTransform, 195, 13},                                                                                                                        // tsReadableBad
	{"return readableStreamDefaultControllerGetDesiredSize(this);", "if (!readableStreamDefaultControllerCanCloseOrEnqueue(this)) throw invalidState('Controller is already closed');", "", nwReadable, 1061, 13},                                                                   // rsCtrlCloseTwice
	{"readableStreamDefaultControllerClose(this);", "if (!readableStreamDefaultControllerCanCloseOrEnqueue(this)) throw invalidState('Controller is already closed');", "", nwReadable, 1070, 13},                                                                                   // rsCtrlEnqueueClosed
	{"", "return !c.closeRequested && c.stream[kState].state === 'readable';", "", nwReadable, 2326, 5},                                                                                                                                                                             // rsCtrlCloseBad
	{"function readableStreamDefaultControllerError(controller, e) {", "const stream = c.stream;", "", nwReadable, 2394, 5},                                                                                                                                                         // rsCtrlErrorBad
	{"function readableStreamDefaultControllerGetDesiredSize(controller) {", "const s = c.stream[kState].state;", "", nwReadable, 2334, 5},                                                                                                                                          // rsCtrlDesiredBad
	{"setUpReadableStreamDefaultControllerFromUnderlyingSource(this, source, hwm, size);", "if (!isReadableStream(this)) throw invalidThis('ReadableStream');", "get locked", nwReadable, 309, 13},                                                                                  // rsLockedBad
	{"setUpWritableStreamDefaultControllerFromUnderlyingSink(this, sink, hwm, size);", "if (!isWritableStream(this)) throw invalidThis('WritableStream');", "get locked", nwWritable, 195, 13},                                                                                      // wsLockedBad
	{"getWriter() {", "if (!isWritableStream(this)) throw invalidThis('WritableStream');", "", nwWritable, 235, 13},                                                                                                                                                                 // wsGetWriterBad
	{"getReader(options = kEmptyObject) {", "if (!isReadableStream(this)) throw invalidThis('ReadableStream');", "", nwReadable, 339, 13},                                                                                                                                           // rsGetReaderBad
	{"pipeTo(destination, options = kEmptyObject) {", "if (!isReadableStream(this)) throw invalidThis('ReadableStream');", "", nwReadable, 413, 15},                                                                                                                                 // rsPipeToBad
	{"pipeThrough(transform, options = kEmptyObject) {", "if (!isReadableStream(this)) throw invalidThis('ReadableStream');", "", nwReadable, 360, 13},                                                                                                                              // rsPipeThroughBad
	{"", "if (brand(this, WritableStreamDefaultController, 'WritableStreamDefaultController').stream[kState].state !== 'writable') return;", "", nwWritable, 493, 13},                                                                                                               // wsCtrlErrorBad
	{"", "return brand(this, WritableStreamDefaultController, 'WritableStreamDefaultController').abortController.signal;", "get signal", nwWritable, 484, 13},                                                                                                                       // wsCtrlSignalBad
	{"return readableByteStreamControllerGetDesiredSize(this);", "const c = brand(this, ReadableByteStreamController, 'ReadableByteStreamController');", "", nwReadable, 1151, 13},                                                                                                  // byobCtrlCloseBad
	{"enqueue(chunk) {", "brand(this, ReadableByteStreamController, 'ReadableByteStreamController');", "", nwReadable, 1164, 13},                                                                                                                                                    // byobCtrlEnqueueBad
	{"respond(bytesWritten) {", "const s = brand(this, ReadableStreamBYOBRequest, 'ReadableStreamBYOBRequest');", "", nwReadable, 680, 13},                                                                                                                                          // byobReqRespondBad
	{"", "if (!(this instanceof ReadableStreamBYOBReader) || !this[kState]) throw invalidThis('ReadableStreamBYOBReader');", "", nwReadable, 994, 13},                                                                                                                               // byobReleaseBad
	{"class CountQueuingStrategy {", "if (!this || !this[kState]) throw invalidThis('CountQueuingStrategy');", "get highWaterMark", nwStrategies, 151, 13},                                                                                                                          // cqsHwmBad
	{"cancel(reason = undefined) {\n    if (!(this instanceof ReadableStreamDefaultReader)", "if (!(this instanceof ReadableStreamDefaultReader) || !this[kState]) return Promise.reject(", "", nwReadable, 885, 28},                                                                // readerCancelBad
	{"cancel(reason = undefined) {\n    if (!(this instanceof ReadableStreamBYOBReader)", "if (!(this instanceof ReadableStreamBYOBReader) || !this[kState]) return Promise.reject(", "", nwReadable, 1016, 28},                                                                     // byobCancelBad
	// the calls of an underlying source's, sink's or transformer's methods: node's frames of its
	// setup functions, of invokePromiseCallback and the algorithms util's createPromiseCallback
	// makes (a site with no file is a frame of ours node has none for: the start arrows)
	{"function setUpReadableStreamDefaultController(", "const startResult = startAlgorithm(controller);", "setupReadableStreamDefaultController", nwReadable, 2455, 23},
	{"function setUpReadableStreamDefaultControllerFromUnderlyingSource(", "const startAlgorithm = start ?", "", "", 0, 0},
	{"function setUpReadableStreamDefaultControllerFromUnderlyingSource(", "const pullAlgorithm = pull ?", "Object.pullAlgorithm", nwUtil, 186, 23},
	{"function setUpReadableStreamDefaultControllerFromUnderlyingSource(", "const cancelAlgorithm = cancel ?", "Object.cancelAlgorithm", nwUtil, 186, 23},
	{"function setUpReadableStreamDefaultControllerFromUnderlyingSource(", "setUpReadableStreamDefaultController(stream, controller,", "setupReadableStreamDefaultControllerFromSource", nwReadable, 2487, 3},
	{"", "setUpReadableStreamDefaultControllerFromUnderlyingSource(this, source, hwm, size);", "", nwReadable, 280, 7},
	{"function setUpReadableByteStreamController(", "const startResult = startAlgorithm();", "setupReadableByteStreamController", nwReadable, 3262, 23},
	{"function setUpReadableByteStreamControllerFromUnderlyingSource(", "const startAlgorithm = start ?", "", "", 0, 0},
	{"function setUpReadableByteStreamControllerFromUnderlyingSource(", "setUpReadableByteStreamController(stream, controller,", "setupReadableByteStreamControllerFromSource", nwReadable, 3299, 3},
	{"", "setUpReadableByteStreamControllerFromUnderlyingSource(this, source, hwm);", "", nwReadable, 273, 7},
	{"function setUpWritableStreamDefaultController(", "const startResult = startAlgorithm(controller);", "setupWritableStreamDefaultController", nwWritable, 1310, 23},
	{"function setUpWritableStreamDefaultControllerFromUnderlyingSink(", "const startAlgorithm = start ?", "", "", 0, 0},
	{"function setUpWritableStreamDefaultControllerFromUnderlyingSink(", "const writeAlgorithm = write ?", "", nwUtil, 186, 23},
	{"function setUpWritableStreamDefaultControllerFromUnderlyingSink(", "const closeAlgorithm = close ?", "", nwUtil, 186, 23},
	{"function setUpWritableStreamDefaultControllerFromUnderlyingSink(", "const abortAlgorithm = abort ?", "Object.abortAlgorithm", nwUtil, 186, 23},
	{"function setUpWritableStreamDefaultControllerFromUnderlyingSink(", "setUpWritableStreamDefaultController(stream, controller,", "setupWritableStreamDefaultControllerFromSink", nwWritable, 1269, 3},
	{"", "setUpWritableStreamDefaultControllerFromUnderlyingSink(this, sink, hwm, size);", "", nwWritable, 179, 5},
	{"", "settleResolve(startPromise, Reflect.apply(start, transformer, [this[kState].controller]));", "", nwTransform, 177, 9},
	{"", "if (transform) transformAlgorithm = (chunk) => promiseCall(transform, transformer, chunk, controller);", "Object.transformAlgorithm", nwUtil, 186, 23},
	{"if (transform) transformAlgorithm = ", "const flushAlgorithm = flush ?", "Object.flushAlgorithm", nwUtil, 186, 23},
	{"async function promiseCall(fn, thisArg, ...args) {", "return Reflect.apply(fn, thisArg, args);", "invokePromiseCallback", nwUtil, 181, 10},
	{"function callQuick1(fn, thisArg, a) {", "return Reflect.apply(fn, thisArg, [a]);", "invokePromiseCallback", nwUtil, 181, 10},
	{"function callQuick2(fn, thisArg, a, b) {", "return Reflect.apply(fn, thisArg, [a, b]);", "invokePromiseCallback", nwUtil, 181, 10},
	{"function setUpReadableStreamDefaultControllerFromUnderlyingSource(", "const quickPull = pull ?", "Object.pullAlgorithm", nwUtil, 186, 23},
	{"function readableStreamDefaultControllerCallPullIfNeeded(", "result = c.quickPull();", "", nwReadable, 2375, 24},
	{"function setUpWritableStreamDefaultControllerFromUnderlyingSink(", "const quickWrite = write ?", "", nwUtil, 186, 23},
	{"function writableStreamDefaultControllerProcessWrite(", "result = c.quickWrite(chunk);", "", nwWritable, 1120, 5},
	{"function writableStreamDefaultControllerAdvanceQueueIfNeeded(", "else writableStreamDefaultControllerProcessWrite(controller, value);", "", nwWritable, 1244, 5},
	{"function setUpWritableStreamDefaultController(", "writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);", "", nwWritable, 1318, 7},
	{"function readableStreamDefaultControllerCallPullIfNeeded(", "onSettled(c.pullAlgorithm(controller), () => {", "", nwReadable, 2375, 24},
	{"class ReadableStreamDefaultController {", "const result = this[kState].cancelAlgorithm(reason);", "readableStreamDefaultControllerCancelSteps", nwReadable, 2405, 37},
	{"", "const result = this[kState].abortAlgorithm(reason);", "", nwWritable, 470, 33},
	{"function writableStreamDefaultControllerProcessClose(", "const sinkClosePromise = c.closeAlgorithm();", "", nwWritable, 1153, 28},
	{"function writableStreamDefaultControllerProcessWrite(", "const sinkWritePromise = c.writeAlgorithm(chunk);", "", nwWritable, 1120, 5},
	{"function transformStreamDefaultControllerPerformTransform(", "const transformPromise = controller[kState].transformAlgorithm(chunk);", "", nwTransform, 519, 37},
	{"function transformStreamDefaultSinkCloseAlgorithm(", "const flushPromise = c.flushAlgorithm();", "", nwTransform, 613, 43},
	// a TransformStream's write (its quick path's frames: node's of the promise path's)
	{"function initializeTransformStream(", "(chunk) => transformStreamDefaultSinkWriteAlgorithm(stream, chunk),", "", nwTransform, 370, 16},
	{"function transformStreamDefaultSinkWriteAlgorithm(", "transformStreamQuickTransform(stream, chunk, false);", "", nwTransform, 565, 10},
	{"function transformStreamDefaultSinkWriteAlgorithm(", "return transformStreamDefaultControllerPerformTransform(controller, chunk);\n    });", "", nwTransform, 560, 16},
	{"function transformStreamDefaultSinkWriteAlgorithm(", "return transformStreamDefaultControllerPerformTransform(controller, chunk);\n}", "", nwTransform, 565, 10},
	{"function setUpTransformStreamDefaultControllerFromTransformer(", "const quickTransform = transform ?", "Object.transformAlgorithm", nwUtil, 186, 23},
	{"function transformStreamQuickTransform(", "else result = quick(chunk);", "transformStreamDefaultControllerPerformTransform", nwTransform, 519, 37},
	{"function transformStreamQuickWriteStep(", "transformStreamQuickTransform(stream, chunk, true);", "", "", 0, 0},
	{"function initializeTransformStream(", "s.quickWriteWaiter = transformStreamQuickWaiter(stream, (x) => transformStreamQuickWriteStep(x));", "", nwTransform, 560, 16},
	// the steps after a sink's write (node's reaction in ProcessWrite, anonymous) and a write's
	// path to the sink
	{"function writableStreamDefaultControllerWritten(", "writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);", "-", nwWritable, 1134, 7},
	{"function writableStreamDefaultControllerProcessWrite(", "writableStreamDefaultControllerWritten(controller);", "", "", 0, 0},
	{"function transformStreamQuickWritten(", "writableStreamDefaultControllerWritten(controller);", "", "", 0, 0},
	{"function settleQuick(", "p.then(() => onFulfilled(x), (e) => onRejected(x, e));", "", "", 0, 0},
	{"function writableStreamDefaultControllerWrite(", "writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);", "", nwWritable, 1109, 3},
	{"function writableStreamDefaultWriterWrite(", "writableStreamDefaultControllerWrite(controller, chunk, chunkSize);", "", nwWritable, 999, 3},
	{"write(chunk = undefined) {\n    if (!(this instanceof WritableStreamDefaultWriter)", "return writableStreamDefaultWriterWrite(this, chunk);", "", nwWritable, 436, 12},
	// the step after a source's pull (node's reaction in CallPullIfNeeded, anonymous) and a
	// chunk's path from a controller's enqueue to a pipe's write
	{"function readableStreamDefaultControllerPulled(", "readableStreamDefaultControllerCallPullIfNeeded(controller);", "-", nwReadable, 2380, 9},
	{"onSettled(c.pullAlgorithm(controller), () => {", "readableStreamDefaultControllerCallPullIfNeeded(controller);", "", nwReadable, 2380, 9},
	{"function readableStreamFulfillReadRequest(", "else readRequest[kChunk](chunk);", "", nwReadable, 2111, 24},
	{"function readableStreamDefaultControllerEnqueue(", "readableStreamFulfillReadRequest(stream, chunk, false);", "", nwReadable, 2303, 5},
	{"function transformStreamDefaultControllerEnqueue(", "readableStreamDefaultControllerEnqueue(readableController, chunk);", "", nwTransform, 500, 5},
	{"class TransformStreamDefaultController {", "transformStreamDefaultControllerEnqueue(this, chunk);", "", nwTransform, 316, 5},
	{"function readableStreamPipeTo(", "currentWrite = writableStreamDefaultWriterWrite(writer, chunk);", "", nwReadable, 1578, 31},
	{"function readableStreamPipeTo(", "const w = writableStreamDefaultWriterWrite(writer, chunk, true);", "", nwReadable, 1578, 31},
	{"function readableStreamDefaultControllerPullSteps(", "readRequest[kChunk](chunk);", "", nwReadable, 2423, 24},
	{"class ReadableStreamDefaultController {", "readableStreamDefaultControllerPullSteps(this, readRequest);", "", nwReadable, 1086, 5},
	{"function readableStreamDefaultReaderRead(", "else stream[kState].controller[kPull](readRequest);", "", nwReadable, 2260, 39},
}

// (node's internal/webstreams files)
const (
	nwReadable   = "node:internal/webstreams/readablestream"
	nwWritable   = "node:internal/webstreams/writablestream"
	nwTransform  = "node:internal/webstreams/transformstream"
	nwUtil       = "node:internal/webstreams/util"
	nwStrategies = "node:internal/webstreams/queuingstrategies"
)

// webstreamsExcerpts are node 20.20's excerpts of an uncaught error (the file and line, the source
// line and the caret) made at the places of webstreamsThrowSites, by place (file:line): node's
// own throw, or internal/errors' rethrow for the checks its validators make.
var webstreamsExcerpts = map[string]string{
	"node:internal/webstreams/readablestream:1016":   "node:internal/webstreams/readablestream:1016\n      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamBYOBReader'));\n                           ^\n",
	"node:internal/webstreams/readablestream:1151":   "node:internal/webstreams/readablestream:1151\n      throw new ERR_INVALID_THIS('ReadableByteStreamController');\n      ^\n",
	"node:internal/webstreams/readablestream:1164":   "node:internal/webstreams/readablestream:1164\n      throw new ERR_INVALID_THIS('ReadableByteStreamController');\n      ^\n",
	"node:internal/webstreams/readablestream:994":    "node:internal/webstreams/readablestream:994\n      throw new ERR_INVALID_THIS('ReadableStreamBYOBReader');\n      ^\n",
	"node:internal/webstreams/readablestream:680":    "node:internal/webstreams/readablestream:680\n      throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');\n      ^\n",
	"node:internal/webstreams/queuingstrategies:151": "node:internal/webstreams/queuingstrategies:151\n      throw new ERR_INVALID_THIS('CountQueuingStrategy');\n      ^\n",
	"node:internal/webstreams/readablestream:385":    "node:internal/errors:541\n      throw error;\n      ^\n",
	"node:internal/webstreams/readablestream:389":    "node:internal/webstreams/readablestream:389\n      throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');\n      ^\n",
	"node:internal/webstreams/readablestream:428":    "node:internal/webstreams/readablestream:428\n        validateAbortSignal(signal, 'options.signal');\n        ^\n",
	"node:internal/webstreams/readablestream:434":    "node:internal/webstreams/readablestream:434\n        throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');\n              ^\n",
	"node:internal/webstreams/readablestream:432":    "node:internal/webstreams/readablestream:432\n        throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');\n              ^\n",
	"node:internal/webstreams/readablestream:885":    "node:internal/webstreams/readablestream:885\n      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));\n                           ^\n",
	"node:internal/webstreams/readablestream:887":    "node:internal/webstreams/readablestream:887\n      return PromiseReject(new ERR_INVALID_STATE.TypeError(\n                           ^\n",
	"node:internal/webstreams/readablestream:875":    "node:internal/webstreams/readablestream:875\n      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));\n                           ^\n",
	"node:internal/webstreams/readablestream:829":    "node:internal/webstreams/readablestream:829\n      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);\n      ^\n",
	"node:internal/webstreams/readablestream:863":    "node:internal/webstreams/readablestream:863\n      throw new ERR_INVALID_THIS('ReadableStreamDefaultReader');\n      ^\n",
	"node:internal/webstreams/readablestream:253":    "node:internal/errors:541\n      throw error;\n      ^\n",
	"node:internal/webstreams/readablestream:254":    "node:internal/errors:541\n      throw error;\n      ^\n",
	"node:internal/webstreams/readablestream:279":    "node:internal/webstreams/readablestream:279\n        throw new ERR_INVALID_ARG_VALUE('source.type', type);\n        ^\n",
	"node:internal/webstreams/readablestream:2326":   "node:internal/webstreams/readablestream:2326\n    stream,\n    ^\n",
	"node:internal/webstreams/readablestream:1061":   "node:internal/webstreams/readablestream:1061\n      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');\n      ^\n",
	"node:internal/webstreams/readablestream:2334":   "node:internal/webstreams/readablestream:2334\n    stream,\n    ^\n",
	"node:internal/webstreams/readablestream:1070":   "node:internal/webstreams/readablestream:1070\n      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');\n      ^\n",
	"node:internal/webstreams/readablestream:2394":   "node:internal/webstreams/readablestream:2394\n    stream,\n    ^\n",
	"node:internal/webstreams/readablestream:339":    "node:internal/webstreams/readablestream:339\n      throw new ERR_INVALID_THIS('ReadableStream');\n      ^\n",
	"node:internal/webstreams/util:66":               "node:internal/webstreams/util:66\n    throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', value);\n    ^\n",
	"node:internal/webstreams/readablestream:309":    "node:internal/webstreams/readablestream:309\n      throw new ERR_INVALID_THIS('ReadableStream');\n      ^\n",
	"node:internal/webstreams/readablestream:360":    "node:internal/webstreams/readablestream:360\n      throw new ERR_INVALID_THIS('ReadableStream');\n      ^\n",
	"node:internal/webstreams/readablestream:413":    "node:internal/webstreams/readablestream:413\n        throw new ERR_INVALID_THIS('ReadableStream');\n              ^\n",
	"node:internal/webstreams/util:72":               "node:internal/errors:541\n      throw error;\n      ^\n",
	"node:internal/webstreams/transformstream:131":   "node:internal/errors:541\n      throw error;\n      ^\n",
	"node:internal/webstreams/transformstream:297":   "node:internal/webstreams/transformstream:297\n      throw new ERR_INVALID_THIS('TransformStreamDefaultController');\n      ^\n",
	"node:internal/webstreams/transformstream:315":   "node:internal/webstreams/transformstream:315\n      throw new ERR_INVALID_THIS('TransformStreamDefaultController');\n      ^\n",
	"node:internal/webstreams/transformstream:324":   "node:internal/webstreams/transformstream:324\n      throw new ERR_INVALID_THIS('TransformStreamDefaultController');\n      ^\n",
	"node:internal/webstreams/transformstream:330":   "node:internal/webstreams/transformstream:330\n      throw new ERR_INVALID_THIS('TransformStreamDefaultController');\n      ^\n",
	"node:internal/webstreams/transformstream:195":   "node:internal/webstreams/transformstream:195\n      throw new ERR_INVALID_THIS('TransformStream');\n      ^\n",
	"node:internal/webstreams/transformstream:139":   "node:internal/webstreams/transformstream:139\n      throw new ERR_INVALID_ARG_VALUE.RangeError(\n      ^\n",
	"node:internal/webstreams/transformstream:144":   "node:internal/webstreams/transformstream:144\n      throw new ERR_INVALID_ARG_VALUE.RangeError(\n      ^\n",
	"node:internal/webstreams/writablestream:382":    "node:internal/webstreams/writablestream:382\n      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));\n                           ^\n",
	"node:internal/webstreams/writablestream:385":    "node:internal/webstreams/writablestream:385\n        new ERR_INVALID_STATE.TypeError(\n        ^\n",
	"node:internal/webstreams/writablestream:396":    "node:internal/webstreams/writablestream:396\n      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));\n                           ^\n",
	"node:internal/webstreams/writablestream:407":    "node:internal/webstreams/writablestream:407\n        new ERR_INVALID_STATE.TypeError('Failure to close WritableStream'));\n        ^\n",
	"node:internal/webstreams/writablestream:402":    "node:internal/webstreams/writablestream:402\n        new ERR_INVALID_STATE.TypeError(\n        ^\n",
	"node:internal/webstreams/writablestream:348":    "node:internal/webstreams/writablestream:348\n      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));\n                           ^\n",
	"node:internal/webstreams/writablestream:358":    "node:internal/webstreams/writablestream:358\n      throw new ERR_INVALID_THIS('WritableStreamDefaultWriter');\n      ^\n",
	"node:internal/webstreams/writablestream:372":    "node:internal/webstreams/writablestream:372\n      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));\n                           ^\n",
	"node:internal/webstreams/writablestream:414":    "node:internal/webstreams/writablestream:414\n      throw new ERR_INVALID_THIS('WritableStreamDefaultWriter');\n      ^\n",
	"node:internal/webstreams/writablestream:205":    "node:internal/webstreams/writablestream:205\n      return PromiseReject(new ERR_INVALID_THIS('WritableStream'));\n                           ^\n",
	"node:internal/webstreams/writablestream:208":    "node:internal/webstreams/writablestream:208\n        new ERR_INVALID_STATE.TypeError('WritableStream is locked'));\n        ^\n",
	"node:internal/webstreams/writablestream:165":    "node:internal/errors:541\n      throw error;\n      ^\n",
	"node:internal/webstreams/writablestream:218":    "node:internal/webstreams/writablestream:218\n      return PromiseReject(new ERR_INVALID_THIS('WritableStream'));\n                           ^\n",
	"node:internal/webstreams/writablestream:221":    "node:internal/webstreams/writablestream:221\n        new ERR_INVALID_STATE.TypeError('WritableStream is locked'));\n        ^\n",
	"node:internal/webstreams/writablestream:493":    "node:internal/webstreams/writablestream:493\n      throw new ERR_INVALID_THIS('WritableStreamDefaultController');\n      ^\n",
	"node:internal/webstreams/writablestream:484":    "node:internal/webstreams/writablestream:484\n      throw new ERR_INVALID_THIS('WritableStreamDefaultController');\n      ^\n",
	"node:internal/webstreams/writablestream:235":    "node:internal/webstreams/writablestream:235\n      throw new ERR_INVALID_THIS('WritableStream');\n      ^\n",
	"node:internal/webstreams/writablestream:195":    "node:internal/webstreams/writablestream:195\n      throw new ERR_INVALID_THIS('WritableStream');\n      ^\n",
	"node:internal/webstreams/writablestream:169":    "node:internal/webstreams/writablestream:169\n      throw new ERR_INVALID_ARG_VALUE.RangeError('type', type);\n      ^\n",
}

// webstreamsThrowPlaces maps the lines of webstreamsThrowSites to node's frames (fn set: named
// as node's, "-" anonymous; else named as any frame, at node's place).
var webstreamsThrowPlaces = modules.Lazy[map[int]siteInfo]{Build: func() map[int]siteInfo {
	places := map[int]siteInfo{}
	for _, p := range webstreamsThrowSites {
		if l := glueLineOf("internal/webstreams", p.from, p.text); l > 0 {
			places[l] = siteInfo{fn: p.display, file: p.file, line: p.line, col: p.col}
		}
	}
	return places
}}

// writableEndLines are the lines in our streams glue of callFinal's call of _final, prefinish's
// of callFinal, finishMaybe's of prefinish and of finish, Writable.prototype.end's of finishMaybe
// and a pipe's onend's of the destination's end.
var writableEndLines = modules.Lazy[[6]int]{Build: func() [6]int {
	const m = "internal/streams"
	return [6]int{glueLineOf(m, "function callFinal(", "stream._final(onFinish);"),
		glueLineOf(m, "function prefinish(", "callFinal(stream, state);"),
		glueLineOf(m, "function finishMaybe(", "prefinish(stream, state);"),
		glueLineOf(m, "function finishMaybe(", " finish(stream, state);"),
		glueLineOf(m, "Writable.prototype.end = function end(", "finishMaybe(this, state, true);"),
		glueLineOf(m, "", "function onend() { dest.end(); }")}
}}

// goWriteFrame reports whether raw[i], a built-in's frame, is the Go Writable.prototype.write's
// (nameless, as node's) calling the stream's _write or a Transform's _transform itself: the
// frame above (out's last) is a function called as one of those, and the one below is not the
// glue's write path (whose writeOrBuffer calls the Go Transform._write, also nameless).
func goWriteFrame(raw []goja.StackFrame, i int, out []siteInfo) bool {
	if i == 0 || raw[i].FuncName() != "<native>" || len(out) == 0 || raw[i-1].SrcName() == "<native>" ||
		i+1 < len(raw) && raw[i+1].Position().Filename == "node:internal/streams" && raw[i+1].FuncName() != "ondata" {
		return false
	}
	m := out[len(out)-1].method
	return m == "_write" || m == "_transform"
}

// goReadFrames are node's frames for raw[i] when it is the Go Readable.prototype.read, or the Go
// flow calling it, that called the stream's _read itself (the frame above, out's last, is a
// function called as _read): Readable.read, and flow under it for flow's; nil otherwise.
func goReadFrames(raw []goja.StackFrame, i int, out []siteInfo) []siteInfo {
	if i == 0 || len(out) == 0 || raw[i-1].SrcName() == "<native>" {
		return nil
	}
	if last := out[len(out)-1]; last.method != "_read" && last.fn != "_read" {
		return nil
	}
	switch fn := raw[i].FuncName(); {
	case fn == "<native>":
		return nodeFlowReadFrames[:1]
	case strings.HasPrefix(fn, "github.com/gojs-dev/gojs/modules/stream.") && strings.HasSuffix(fn, ".flow-fm"):
		return nodeFlowReadFrames[:]
	}
	return nil
}

var nodeFlowReadFrames = [2]siteInfo{
	{fn: "Readable.read", file: "node:internal/streams/readable", line: 739, col: 12},
	{fn: "flow", file: "node:internal/streams/readable", line: 1283, col: 53},
}

// goDataFrames are node 20.20's frames between a Readable's emit of 'data' and the frame of the
// Go stream function that emitted it itself (stream.Funcs.DataPath), the innermost first.
func goDataFrames(p stream.DataPath) []siteInfo {
	const r = "node:internal/streams/readable"
	push := [...]siteInfo{
		{fn: "addChunk", file: r, line: 561, col: 12},
		{fn: "readableAddChunkPushByteMode", file: r, line: 512, col: 3},
		{fn: "Readable.push", file: r, line: 392, col: 5},
		// (a Transform's callback given to _transform, node's anonymous arrow)
		{file: "node:internal/streams/transform", line: 178, col: 12},
	}
	switch p {
	case stream.DataFlow:
		return []siteInfo{{fn: "Readable.read", file: r, line: 782, col: 10}, nodeFlowReadFrames[1]}
	case stream.DataRead:
		return []siteInfo{{fn: "Readable.read", file: r, line: 782, col: 10}}
	case stream.DataPush, stream.DataPushObject, stream.DataTransform, stream.DataTransformObject:
		frames := push[:]
		if p == stream.DataPush || p == stream.DataPushObject {
			frames = push[:3]
		}
		if p == stream.DataPushObject || p == stream.DataTransformObject {
			frames[1] = siteInfo{fn: "readableAddChunkPushObjectMode", file: r, line: 538, col: 3}
			frames[2].line = 393
		}
		return frames
	}
	return nil
}

// netReadFrames are node 20.20's frames between a socket's emit of 'data' and its handle's
// read (a TCP handle's, or a Pipe's): the push of the chunk read, from onStreamRead.
func netReadFrames(pipe bool) []siteInfo {
	if pipe {
		return nodeNetReadFrames[1][:]
	}
	return nodeNetReadFrames[0][:]
}

// (a literal, not made by a function: no code at start)
var nodeNetReadFrames = [2][4]siteInfo{
	{
		{fn: "addChunk", file: "node:internal/streams/readable", line: 561, col: 12},
		{fn: "readableAddChunkPushByteMode", file: "node:internal/streams/readable", line: 512, col: 3},
		{fn: "Readable.push", file: "node:internal/streams/readable", line: 392, col: 5},
		{fn: "onStreamRead", typ: "TCP", method: "onStreamRead", display: "TCP.onStreamRead",
			file: "node:internal/stream_base_commons", line: 191, col: 23},
	},
	{
		{fn: "addChunk", file: "node:internal/streams/readable", line: 561, col: 12},
		{fn: "readableAddChunkPushByteMode", file: "node:internal/streams/readable", line: 512, col: 3},
		{fn: "Readable.push", file: "node:internal/streams/readable", line: 392, col: 5},
		{fn: "onStreamRead", typ: "Pipe", method: "onStreamRead", display: "Pipe.onStreamRead",
			file: "node:internal/stream_base_commons", line: 191, col: 23},
	},
}

// appendGoWriteFrames appends to out (up to limit frames) node's frames of a write that the Go
// Writable.prototype.write made: Transform._write when the frame below is a Transform's
// _transform, then writeOrBuffer, _write and Writable.write (node 20.20's places).
func appendGoWriteFrames(out []siteInfo, limit int) []siteInfo {
	if n := len(out); n > 0 && (out[n-1].method == "_transform" || out[n-1].fn == "_transform") && n < limit {
		out = append(out, siteInfo{fn: "_write", typ: "Transform", method: "_write", display: "Transform._write",
			file: "node:internal/streams/transform", line: 171, col: 8})
	}
	for _, si := range [...]siteInfo{
		{fn: "writeOrBuffer", file: "node:internal/streams/writable", line: 572, col: 12},
		{fn: "_write", file: "node:internal/streams/writable", line: 501, col: 10},
		{fn: "Writable.write", file: "node:internal/streams/writable", line: 510, col: 10},
	} {
		if len(out) < limit {
			out = append(out, si)
		}
	}
	return out
}

// streamWriteLines are the lines of our streams glue where a write reaches the stream's _write
// (writeOrBuffer, _write, write's and end's calls of _write), pipe's first listener on its
// destination, and Transform's _transform throws ERR_METHOD_NOT_IMPLEMENTED.
var streamWriteLines = modules.Lazy[[6]int]{Build: func() [6]int {
	const m = "internal/streams"
	return [6]int{glueLineOf(m, "function writeOrBuffer(", "stream._write(chunk, encoding, state.onwrite);"),
		glueLineOf(m, "function _write(stream, chunk, encoding, cb) {", "return writeOrBuffer(stream, state, chunk, encoding, cb);"),
		glueLineOf(m, "const writeJS = function write(", "return _write(this, chunk, encoding, cb) === true;"),
		glueLineOf(m, "Writable.prototype.end = function end(", "const ret = _write(this, chunk, encoding);"),
		glueLineOf(m, "Readable.prototype.pipe = function(dest, pipeOpts) {", "dest.on('unpipe', onunpipe);"),
		glueLineOf(m, "Transform.prototype._transform = function _transform(", "throw codeError('ERR_METHOD_NOT_IMPLEMENTED', '_transform()');")}
}}

// writableWriteLines are the lines of our streams glue's _write where it makes a write's errors
// (a null chunk, an unknown encoding, a chunk of the wrong type, a write after end, a write after
// destroy: node 20.20's places of them in its _write are writableWritePlaces), and of the JS
// Writable.prototype.write's calls of _write past the first (streamWriteLines has that one).
var writableWriteLines = modules.Lazy[[7]int]{Build: func() [7]int {
	const m, w, js = "internal/streams", "function _write(stream, chunk, encoding, cb) {", "const writeJS = function write("
	return [7]int{glueLineOf(m, w, "throw codeError('ERR_STREAM_NULL_VALUES');"),
		glueLineOf(m, w, "throw codeError('ERR_UNKNOWN_ENCODING', encoding);"),
		glueLineOf(m, w, "throw invalidArgType('chunk', "),
		glueLineOf(m, w, "err = codeError('ERR_STREAM_WRITE_AFTER_END');"),
		glueLineOf(m, w, "err = codeError('ERR_STREAM_DESTROYED', 'write');"),
		glueLineOf(m, js, "else if (encoding) return _write(this, chunk, encoding, cb) === true;"),
		glueLineOf(m, "else if (encoding) return _write(this, chunk, encoding, cb) === true;", "    return _write(this, chunk, encoding, cb) === true;")}
}}

// afterWriteLines are the lines of our streams glue's afterWrite call of a write's callback, of
// afterWriteTick's call of afterWrite, of onwrite's, and of afterWrite's emit of 'drain'.
var afterWriteLines = modules.Lazy[[4]int]{Build: func() [4]int {
	return [4]int{glueLineOf("internal/streams", "function afterWrite(stream, state, count, cb) {", "cb(null);"),
		glueLineOf("internal/streams", "function afterWriteTick(info) {", "return afterWrite(info.stream, info.state, info.count, info.cb);"),
		glueLineOf("internal/streams", "function onwrite(stream, er) {", "else afterWrite(stream, state, 1, cb);"),
		glueLineOf("internal/streams", "function afterWrite(stream, state, count, cb) {", "stream.emit('drain');")}
}}

var (
	nodeAfterWriteFrame = siteInfo{fn: "afterWrite", file: "node:internal/streams/writable", line: 710, col: 5}
	nodeOnwriteFrame    = siteInfo{fn: "onwrite", file: "node:internal/streams/writable", line: 688, col: 7}
)

// afterWriteFrames appends node's frame of afterWrite calling a write's callback (drain: emitting
// 'drain'), and node's
// onwrite under it when our Go onwrite (a write finished asynchronously) called it: below is
// neither our JS onwrite nor afterWriteTick nor a tick (nodeGlueFrame places those).
func afterWriteFrames(out []siteInfo, limit int, below []goja.StackFrame, drain bool) []siteInfo {
	if drain {
		// (its emit of 'drain')
		out = appendLimited(out, limit, siteInfo{fn: "afterWrite", file: "node:internal/streams/writable", line: 705, col: 12})
	} else {
		out = appendLimited(out, limit, nodeAfterWriteFrame)
	}
	caller := nextFuncName(below)
	if caller != "onwrite" && caller != "afterWriteTick" && caller != "processTicksAndRejections" {
		out = appendLimited(out, limit, nodeOnwriteFrame)
	}
	return out
}

var writableWritePlaces = [5][2]int{{461, 11}, {468, 13}, {482, 13}, {489, 11}, {491, 11}}

// writeJSInlineCall is the line of the JS Writable.prototype.write's own call of _write (its
// inlined writeOrBuffer).
var writeJSInlineCall = modules.Lazy[int]{Build: func() int {
	return glueLineOf("internal/streams", "const writeJS = function write(", "this._write(chunk, 'buffer', state.onwrite);")
}}

// emitDataOndataLine is the line of our streams glue's emitData where it calls a pipe's listener
// itself.
var emitDataOndataLine = modules.Lazy[int]{Build: func() int {
	return glueLineOf("internal/streams", "function emitData(stream, state, chunk) {", "ondata.call(stream, chunk);")
}}

// emitSlowCalls are the lines of the JS emit's (emitSlow's) calls of an event's only listener
// and of one of several, in our events glue.
var emitSlowCalls = modules.Lazy[[2]int]{Build: func() [2]int {
	return [2]int{glueLineOf("events", "const emitSlow = ", "ReflectApply(handler, this, args)"),
		glueLineOf("events", "const emitSlow = ", "ReflectApply(listeners[i], this, args)")}
}}

// consoleCtorPlace is node 20.20's place in new Console of the check that failed at line n of
// consolecold.js's ConsoleCold, the constructor's body.
func consoleCtorPlace(n int) ([2]int, bool) {
	if n <= 0 {
		return [2]int{}, false
	}
	lines := strings.Split(console.ColdSource(), "\n")
	if n > len(lines) {
		return [2]int{}, false
	}
	l := lines[n-1]
	switch {
	case strings.Contains(l, "consoleStreamError('stdout')"):
		return [2]int{130, 11}, true
	case strings.Contains(l, "consoleStreamError('stderr')"):
		return [2]int{133, 11}, true
	case strings.Contains(l, "'colorMode', colorMode"):
		return [2]int{136, 3}, true
	case strings.Contains(l, "validateInteger(groupIndentation"):
		return [2]int{139, 5}, true
	case strings.Contains(l, "validateObject(inspectOptions"):
		return [2]int{144, 5}, true
	case strings.Contains(l, "ERR_INCOMPATIBLE_OPTION_PAIR"):
		return [2]int{148, 13}, true
	}
	return [2]int{}, false
}

// rejectionMethodCall is the line of our events glue's call of an emitter's rejection method.
// eventsAbortPlaces maps the lines of our events glue where once and on check their signal and
// make their AbortErrors (on's abortListener is in its part) to node 20.20's places of them.
var eventsAbortPlaces = modules.Lazy[map[int][2]int]{Build: func() map[int][2]int {
	const once, on = "async function once(emitter, name, options) {", "function on(emitter, event, options) {"
	places := map[int][2]int{}
	for _, p := range [...]struct {
		from, text string
		place      [2]int
	}{
		{once, "vals().validateAbortSignal(signal, 'options.signal');", [2]int{974, 3}},
		{once, "if (signal && signal.aborted) throw newAbortError(signal);", [2]int{976, 11}},
		{once, "reject(newAbortError(signal));", [2]int{1006, 14}},
		{on, "vals().validateAbortSignal(signal, 'options.signal');", [2]int{1061, 3}},
		{on, "if (signal && signal.aborted) throw newAbortError(signal);", [2]int{1063, 11}},
		{"function abortListener() {", "errorHandler(newAbortError(signal));", [2]int{1175, 18}},
	} {
		if l := glueLineOf("events", p.from, p.text); l > 0 {
			places[l] = p.place
		}
	}
	return places
}}

var rejectionMethodCall = modules.Lazy[int]{Build: func() int {
	return glueLineOf("events", "function emitUnhandledRejectionOrErr(", "ee[kRejection](err")
}}

// onceWrapperApply is the line and column of the listener's apply in our events glue.
var onceWrapperApply = modules.Lazy[[2]int]{Build: func() [2]int {
	m := findBuiltin("events")
	if m == nil || m.JSRef == nil {
		return [2]int{}
	}
	src := *m.JSRef
	i := strings.Index(src, "this.listener.apply(")
	if i < 0 {
		return [2]int{}
	}
	line := strings.Count(src[:i], "\n") + 1
	col := i - strings.LastIndex(src[:i], "\n")
	return [2]int{line, col}
}}

// httpServerFrame is node's frame for our http glue's server function fn, which emits a request
// (parserOnIncoming) or calls what does (parserOnHeaders, which node's parser names
// parserOnHeadersComplete): node 20.20's files and lines.
func httpServerFrame(fn string) siteInfo {
	if fn == "parserOnIncoming" {
		return siteInfo{fn: fn, file: "node:_http_server", line: 1139, col: 12}
	}
	return siteInfo{fn: "parserOnHeadersComplete", file: "node:_http_common", line: 118, col: 17, typ: "HTTPParser",
		method: "parserOnHeadersComplete", display: "HTTPParser.parserOnHeadersComplete"}
}

// node 20.20's places of the emitErrorEvent call in an http client socket's listeners, by name
// httpHangupPlaces are node 20.20's places (node's _http_client.js) of a client request's socket
// hang up, by our http glue's line: the socket's 'end' listener, and the destroy of a request
// that had no socket yet and onSocketNT's call of it.
var httpHangupPlaces = gluePlaces("http", []gluePlace{
	{"", "st.onEnd = function socketOnEnd() { C.clientSocketOnEnd(socket, st); };", [2]int{528, 25}},
	{"function destroyRequestNT(req, err) {", "emitRequestError(req, err || connResetException('socket hang up'));", [2]int{881, 15}},
	{"function onSocketNT(req, socket, err) {", "      destroyRequestNT(req, err || req[kError]);", [2]int{904, 5}},
})

var httpClientSocketListeners = map[string][2]int{
	"socketErrorListener": {504, 5},
	"socketOnEnd":         {528, 5},
	"socketOnData":        {553, 5},
	"socketCloseListener": {477, 7},
}

// glueFrameState is what nodeGlueFrame remembers along one stack.
type glueFrameState struct {
	afterConnect  bool   // the last frame was net's afterConnect: its caller is our oncomplete closure
	onconnection  bool   // the last frame was net's onconnection emitting 'connection': its caller is our onconn closure
	unhandled     bool   // the last frame was events' throwUnhandled: its caller is emit's
	placeEmit     bool   // this frame is that emit's: at node's throw of ERR_UNHANDLED_ERROR (513:17)
	place         [2]int // node's line and column of this frame (the JS emit's call of a listener...)
	placeFile     string // and node's file of it, when not this frame's
	childStdio    bool   // a child's stdio pipe's 'close' listener was met (its socket's handle is a Pipe)
	vmScript      uint8  // vm's runIn*Context methods of Script seen (vmRunIn bits): the next is the module's function
	vmCreate      bool   // vm's createScript was met: the next runIn*Context is the module function that called it
	listenerCheck bool   // the last frame was validateEventListener's: its caller is add/removeEventListener's call of it
	requestError  bool   // an http client request's 'error' emit was met (emitErrorEvent), not yet its socket listener
	fetchConnect  bool   // fetch's failed connection's or lookup's error was met: the fetch frames below it are not node's
	consoleCold   int    // the line of consolecold.js's ConsoleCold frame just passed over (0: none)
	netErr        uint8  // the last frame was net's errnoException's: the kind of its caller (netErr*)
}

// The kinds of net glue function that make a socket's system error with errnoException
// (netErrnoFrames), which decide node's frames for it and the ones below.
const (
	netErrNone       = iota
	netErrRead       // onStreamRead: a read's error
	netErrWriteGen   // Socket._writeGeneric: a write the handle refused
	netErrWriteGenIn // Socket._write, calling _writeGeneric (after netErrWriteGen)
	netErrFastWrite  // writeFastQueued and its callers: a fast write the handle refused
	netErrWriteDone  // onWriteComplete: a queued write's failure
)

// node 20.20's frames of stream_base_commons' write path for a write the handle refused at once
// (afterWriteDispatched makes the error) and of node's Socket write methods above them, and of a
// queued write's failure.
var (
	nodeAfterWriteDispatched = siteInfo{fn: "afterWriteDispatched", file: "node:internal/stream_base_commons", line: 161, col: 15}
	nodeWriteGeneric         = siteInfo{fn: "writeGeneric", file: "node:internal/stream_base_commons", line: 152, col: 3}
	nodeSocketWriteGeneric   = siteInfo{fn: "_writeGeneric", typ: "Socket", method: "_writeGeneric", display: "Socket._writeGeneric", file: "node:net", line: 958, col: 11}
	nodeSocketWrite          = siteInfo{fn: "_write", typ: "Socket", method: "_write", display: "Socket._write", file: "node:net", line: 970, col: 8}
	nodeOnWriteComplete      = siteInfo{fn: "onWriteComplete", typ: "WriteWrap", method: "oncomplete",
		display: "WriteWrap.onWriteComplete [as oncomplete]", file: "node:internal/stream_base_commons", line: 95, col: 16}
)

// appendLimited appends frames to out while it holds fewer than limit.
func appendLimited(out []siteInfo, limit int, frames ...siteInfo) []siteInfo {
	for _, nf := range frames {
		if len(out) >= limit {
			break
		}
		out = append(out, nf)
	}
	return out
}

// netWriteDoneLine is the line of our net glue's onWriteComplete that calls a finished queued
// write's callback.
var netWriteDoneLine = modules.Lazy[int]{Build: func() int {
	if l := glueLineOf("net", "function onWriteComplete(", "  self._unrefTimer();\n  if (typeof cb === 'function') cb(null);"); l > 0 {
		return l + 1
	}
	return -1
}}

// netErrnoFrames replaces the frame of our net glue's errnoException with node's frames for the
// error, by the glue function that called it (the first script frame of below), and tells
// nodeGlueFrame how to show that caller and the frames under it: a read's error is at node's
// onStreamRead (the handle's method, TCP.onStreamRead or Pipe.onStreamRead); a write the handle
// refused at once is made in afterWriteDispatched, under writeGeneric, Socket._writeGeneric and
// Socket._write (the fast write path, which skips the streams' write, gets those and the streams'
// frames in place of its own); a queued write's failure in WriteWrap.onWriteComplete, which node's
// handle calls (nothing below). Any other caller keeps its own frame.
func netErrnoFrames(out []siteInfo, limit int, below []goja.StackFrame, st *glueFrameState) []siteInfo {
	caller := nextFuncName(below)
	var add []siteInfo
	switch caller {
	case "onStreamRead":
		st.netErr = netErrRead
	case "_writeGeneric":
		st.netErr = netErrWriteGen
		add = []siteInfo{nodeAfterWriteDispatched, nodeWriteGeneric}
	case "writeFastQueued":
		st.netErr = netErrFastWrite
		add = []siteInfo{nodeAfterWriteDispatched, nodeWriteGeneric, nodeSocketWriteGeneric, nodeSocketWrite}
	case "onWriteComplete":
		st.netErr = netErrWriteDone
		add = []siteInfo{nodeOnWriteComplete}
	}
	out = appendLimited(out, limit, add...)
	if caller == "writeFastQueued" {
		out = appendGoWriteFrames(out, limit)
	}
	return out
}

// node 20.20's places of vm's Script methods and module functions that run a script, by name
// (create: the module function's call of createScript, where the Script's compile failed)
var vmRunIn = map[string]struct {
	bit                    uint8
	script, module, create siteInfo
}{
	"runInThisContext": {1, siteInfo{line: 137, col: 12}, siteInfo{line: 317, col: 38}, siteInfo{line: 317, col: 10}},
	"runInContext":     {2, siteInfo{line: 149, col: 12}, siteInfo{line: 301, col: 6}, siteInfo{line: 300, col: 10}},
	"runInNewContext":  {4, siteInfo{line: 154, col: 17}, siteInfo{line: 310, col: 38}, siteInfo{line: 310, col: 10}},
}

// nodeGlueFrame is node's frame for a frame of our glue that node's stacks show at a place of
// their own (node 20.20's files and lines), or that they do not show (ok with fn ""): net's
// afterConnect (TCPConnectWrap.afterConnect [as oncomplete], the connect error's place) and our
// closure calling it, the streams' emitErrorNT and emitErrorCloseNT (node:internal/streams/
// destroy), and events' throwUnhandled inside emit (st.placeEmit then moves emit's frame to
// ERR_UNHANDLED_ERROR's place). ok is false for any other frame, which keeps its own place.
func nodeGlueFrame(file, fn string, line int, st *glueFrameState) (si siteInfo, ok bool) {
	after, unhandled, netErr, onconn := st.afterConnect, st.unhandled, st.netErr, st.onconnection
	st.onconnection = false
	st.afterConnect, st.unhandled, st.placeEmit, st.place, st.placeFile, st.netErr = false, false, false, [2]int{}, "", netErrNone
	if file != "node:http" {
		st.requestError = false
	}
	if file != "node:vm" {
		st.vmCreate = false
	}
	if file != "node:internal/fetch" {
		st.fetchConnect = false
	}
	if isCryptoGlueFile(file) {
		// a crypto job's callback, called by the job's ondone: node's frame of its ondone
		if p, ok := cryptoJobPlaces.Get()[cryptoLine{file, line}]; ok {
			return p, true
		}
	}
	switch file {
	case "node:internal/fetch":
		switch {
		case fn == "undiciFetch" && line == fetchRecaptureLine.Get():
			// a failure's stack, which node's fetch takes again after awaiting undici's
			return siteInfo{file: "node:internal/deps/undici/undici", line: 14976, col: 13}, true
		case fn == "connectFailed":
			// a failed connection's error, made by node's net in afterConnect (nothing below)
			st.fetchConnect = true
			return siteInfo{fn: "afterConnect", file: "node:net", line: 1611, col: 16, typ: "TCPConnectWrap", method: "oncomplete",
				display: "TCPConnectWrap.afterConnect [as oncomplete]"}, true
		case fn == "lookupFailed":
			// a failed lookup's error, made by node's dns in onlookupall (nothing below)
			st.fetchConnect = true
			return siteInfo{fn: "onlookupall", file: "node:dns", line: 122, col: 26, typ: "GetAddrInfoReqWrap", method: "oncomplete",
				display: "GetAddrInfoReqWrap.onlookupall [as oncomplete]"}, true
		case st.fetchConnect:
			return siteInfo{}, true
		}
	case "node:internal/http2/core":
		if fn == "emitClose" && line == http2SessionErrorLine.Get() {
			// a session's 'error' (a failed connect's, on the next tick), emitted by node's emitClose
			return siteInfo{fn: fn, file: file, line: 1123, col: 10}, true
		}
	case "node:dgram":
		if dgramErrorHelpers[fn] {
			return siteInfo{}, true
		}
		if p, ok := dgramPlaces.Get()[line]; ok {
			st.place = p
			if line == dgramInternalLine.Get() {
				st.placeFile = "node:internal/dgram"
			}
		}
	case "node:net":
		switch {
		case netErr == netErrRead && fn == "onStreamRead":
			st.place, st.placeFile = [2]int{218, 20}, "node:internal/stream_base_commons"
		case netErr == netErrWriteGen && fn == "_writeGeneric":
			st.place, st.netErr = [2]int{958, 11}, netErrWriteGenIn
		case netErr == netErrWriteGenIn && fn == "_write":
			st.place = [2]int{970, 8}
		case netErr == netErrFastWrite && (fn == "writeFastQueued" || fn == "writeQueued" || fn == "writeSlow"):
			st.netErr = netErrFastWrite // (frames node's write path replaced)
			return siteInfo{}, true
		case netErr == netErrWriteDone && fn == "onWriteComplete":
			return siteInfo{}, true
		case fn == "onWriteComplete" && line == netWriteDoneLine.Get():
			// a queued write's callback (node's onWriteComplete calls it)
			nf := nodeOnWriteComplete
			nf.line, nf.col = 107, 10
			return nf, true
		case fn == "writeSlow":
			// Socket.prototype.write's own frame (node's is the streams' Writable.write)
			return siteInfo{}, true
		case fn == "emitCloseNT":
			return siteInfo{fn: fn, file: file, line: 2344, col: 8}, true
		case fn == "emitErrorNT":
			return siteInfo{fn: fn, file: file, line: 1944, col: 8}, true // (a server's)
		case fn == "emitListeningNT":
			return siteInfo{fn: fn, file: file, line: 1951, col: 10}, true
		case fn == "" && (line == netHandleCloseLines.Get()[0] || line == netHandleCloseLines.Get()[1]):
			// a socket's 'close', emitted by its handle's close callback (node's names the
			// handle: a child's stdio pipe's, or TCP's), or by its reset's (resetAndDestroy)
			typ := "TCP"
			if st.childStdio {
				typ = "Pipe"
			}
			l, c := 343, 12
			if line == netHandleCloseLines.Get()[0] {
				l, c = 822, 14
			}
			return siteInfo{file: file, line: l, col: c, typ: typ, display: typ + ".<anonymous>"}, true
		case fn == "Socket._onTimeout":
			st.place = [2]int{595, 8} // (named as any frame)
		case fn == "" && line == netSocketTimerLine.Get():
			// the socket's idle timer's callback: node's timer calls _onTimeout (bound) itself
			return siteInfo{}, true
		case fn == "afterConnect":
			st.afterConnect = true
			typ := "TCPConnectWrap"
			if line == netPipeConnectErrorLine.Get() {
				typ = "PipeConnectWrap" // (a Unix socket's)
			}
			l, c := 1611, 16
			switch line {
			case netConnectEmitLines.Get()[0]:
				l, c = 1596, 10
			case netConnectEmitLines.Get()[1]:
				l, c = 1597, 10
			}
			return siteInfo{fn: fn, file: file, line: l, col: c, typ: typ, method: "oncomplete",
				display: typ + ".afterConnect [as oncomplete]"}, true
		case fn == "" && after:
			return siteInfo{}, true
		case fn == "onconnection" && line == netConnectionEmitLine.Get():
			// a server's 'connection', which node's handle's onconnection emits (a TCP server's;
			// a Unix socket server's handle is a Pipe, not told apart here)
			st.onconnection = true
			return siteInfo{fn: fn, file: file, line: 2227, col: 8, typ: "TCP", method: "onconnection",
				display: "TCP.onconnection"}, true
		case fn == "onconn" && onconn:
			return siteInfo{}, true // (our closure calling onconnection: node's handle calls it itself)
		}
	case "node:internal/webstreams":
		if p, ok := webstreamsThrowPlaces.Get()[line]; ok {
			if p.file == "" {
				return siteInfo{}, true // (a frame of ours node has no frame for)
			}
			if p.fn == "-" {
				return siteInfo{file: p.file, line: p.line, col: p.col}, true // (node's is an anonymous function)
			}
			if p.fn != "" {
				return p, true
			}
			st.place, st.placeFile = [2]int{p.line, p.col}, p.file // (named as any frame)
		}
	case "node:internal/streams":
		if p, ok := streamsThrowPlaces.Get()[line]; ok {
			if p.file == "" {
				return siteInfo{}, true // (a frame of ours node has no frame for)
			}
			// (named as any frame: only the place is node's)
			st.place, st.placeFile = [2]int{p.line, p.col}, p.file
			break
		}
		switch fn {
		case "emitErrorNT":
			return siteInfo{fn: fn, file: "node:internal/streams/destroy", line: 169, col: 8}, true
		case "emitErrorCloseNT":
			return siteInfo{fn: fn, file: "node:internal/streams/destroy", line: 128, col: 3}, true
		case "emitCloseNT":
			return siteInfo{fn: fn, file: "node:internal/streams/destroy", line: 147, col: 10}, true
		case "endReadableNT":
			return siteInfo{fn: fn, file: "node:internal/streams/readable", line: 1698, col: 12}, true
		case "emitReadable_":
			return siteInfo{fn: fn, file: "node:internal/streams/readable", line: 834, col: 12}, true
		case "finish":
			return siteInfo{fn: fn, file: "node:internal/streams/writable", line: 955, col: 10}, true
		case "finishMaybeNT":
			// (node's is an arrow function without a name)
			return siteInfo{file: "node:internal/streams/writable", line: 936, col: 13}, true
		}
		// a write's path to the stream's _write (or a Transform's _transform), the pipe's
		// listener on a destination that is no emitter, Transform's own _transform
		wl := streamWriteLines.Get()
		switch {
		case fn == "writeOrBuffer" && line == wl[0]:
			return siteInfo{fn: fn, file: "node:internal/streams/writable", line: 572, col: 12}, true
		case fn == "_write" && line == wl[1]:
			return siteInfo{fn: fn, file: "node:internal/streams/writable", line: 501, col: 10}, true
		case fn == "_write" && line > 0 && line >= writableWriteLines.Get()[0] && line <= writableWriteLines.Get()[4]:
			ww := writableWriteLines.Get()
			for k, l := range ww[:5] {
				if l == line {
					return siteInfo{fn: fn, file: "node:internal/streams/writable", line: writableWritePlaces[k][0], col: writableWritePlaces[k][1]}, true
				}
			}
		case fn == "onwrite" && line == afterWriteLines.Get()[2]:
			return nodeOnwriteFrame, true
		case fn == "afterWriteTick" && line == afterWriteLines.Get()[1]:
			return siteInfo{fn: fn, file: "node:internal/streams/writable", line: 696, col: 10}, true
		case fn == "write" && (line == wl[2] || line == writableWriteLines.Get()[5] || line == writableWriteLines.Get()[6]):
			// (node's is an anonymous function, printed "Writable.write" whatever the receiver)
			return siteInfo{fn: "Writable.write", file: "node:internal/streams/writable", line: 510, col: 10}, true
		case fn == "end" && line == wl[3]:
			return siteInfo{fn: "Writable.end", file: "node:internal/streams/writable", line: 823, col: 17}, true
		case (fn == "Readable.pipe" || fn == "pipe") && line == wl[4]:
			// (its name inferred from the assignment)
			st.place, st.placeFile = [2]int{935, 8}, "node:internal/streams/readable"
		case fn == "_transform" && line == wl[5]:
			st.place, st.placeFile = [2]int{163, 9}, "node:internal/streams/transform"
		}
		// a Writable's end and its path to _final: node's prefinish calls _final itself (no
		// callFinal frame), and its end is an anonymous function, printed "Writable.end"
		// whatever the receiver
		lines := writableEndLines.Get()
		switch {
		case fn == "callFinal" && line == lines[0]:
			return siteInfo{}, true
		case fn == "prefinish" && line == lines[1]:
			return siteInfo{fn: fn, file: "node:internal/streams/writable", line: 916, col: 14}, true
		case fn == "finishMaybe" && line == lines[2]:
			return siteInfo{fn: fn, file: "node:internal/streams/writable", line: 930, col: 5}, true
		case fn == "finishMaybe" && line == lines[3]:
			return siteInfo{fn: fn, file: "node:internal/streams/writable", line: 943, col: 9}, true
		case fn == "end" && line == lines[4]:
			return siteInfo{fn: "Writable.end", file: "node:internal/streams/writable", line: 845, col: 5}, true
		case fn == "onend" && line == lines[5]:
			// a pipe's end of its destination (named after its receiver as any frame)
			st.place, st.placeFile = [2]int{948, 10}, "node:internal/streams/readable"
		}
	case "node:vm":
		// a Script method's frame is above the module function's of the same name that calls it
		create := st.vmCreate
		st.vmCreate = false
		if r, ok := vmRunIn[fn]; ok {
			si, typ := r.script, "Script"
			if create {
				si, typ = r.create, "Object"
			} else if st.vmScript&r.bit != 0 {
				si, typ = r.module, "Object"
			}
			st.vmScript |= r.bit
			si.fn, si.file, si.typ, si.method, si.display = fn, file, typ, fn, typ+"."+fn
			return si, true
		}
		if fn == "createScript" {
			// (named after its receiver as any frame: vm.createScript(), or the module
			// functions' plain call)
			st.vmCreate = true
			st.place = [2]int{269, 10}
			break
		}
		if fn == "compileScript" {
			// the constructor's compile of its source, where a SyntaxError starts
			return siteInfo{fn: "Script", display: "new Script", file: file, line: 117, col: 7}, true
		}
	case "node:child_process":
		if p, ok := childSendPlaces.Get()[line]; ok && (fn == "send" || fn == "_send" || fn == "emit" || fn == "") {
			return p, true
		}
		// a child's 'exit' and 'close' (node's internal/child_process), exec's callback; the
		// sync functions' calls on a failure's path (named as any frame: only the place is node's)
		if p, ok := execSyncCallPlaces.Get()[line]; ok && fn == p.fn {
			st.place = [2]int{p.line, p.col}
			break
		}
		switch {
		case fn == "maybeClose":
			return siteInfo{fn: fn, file: "node:internal/child_process", line: 1104, col: 16}, true
		case fn == "exithandler":
			st.place = [2]int{414, 7} // (named after its receiver as any frame)
		case fn == "onExit":
			return siteInfo{file: "node:internal/child_process", line: 293, col: 12, display: "ChildProcess._handle.onexit"}, true
		case fn == "spawnFailedExit":
			// a child that never ran: node's onexit emits its error
			return siteInfo{file: "node:internal/child_process", line: 291, col: 12, display: "ChildProcess._handle.onexit"}, true
		case fn == "onErrorNT":
			return siteInfo{fn: fn, file: "node:internal/child_process", line: 483, col: 16}, true
		case fn == "" && line == childStdioCloseLine.Get():
			// the stdio pipe's 'close' listener (Socket.<anonymous>: only the place is node's)
			st.place = [2]int{456, 11}
			st.placeFile = "node:internal/child_process"
			st.childStdio = true
		}
	case "node:http":
		// a client request's error, emitted by its socket's listener through node's
		// emitErrorEvent (our listeners call the client's handlers, which node's have inline)
		if fn == "emitRequestError" {
			st.requestError = true
			return siteInfo{fn: "emitErrorEvent", file: "node:_http_client", line: 101, col: 11}, true
		}
		if fn == "emitRequestTimeout" {
			st.place, st.placeFile = [2]int{849, 9}, "node:_http_client"
			break
		}
		if p, ok := httpHangupPlaces.Get()[line]; ok && !st.requestError {
			// a client request's socket hang up: its socket ended, or it was destroyed before
			// it had one (node's _destroy, called by onSocketNT); not the frame of a listener's
			// emit (requestError, placed below)
			if fn == "destroyRequestNT" {
				return siteInfo{fn: "_destroy", file: "node:_http_client", line: p[0], col: p[1]}, true
			}
			st.place, st.placeFile = p, "node:_http_client"
			break
		}
		if !st.requestError {
			break
		}
		if fn == "destroyRequestNT" {
			// (node's _destroy in onSocketNT emits the request's error itself)
			st.requestError = false
			return siteInfo{fn: "_destroy", file: "node:_http_client", line: 884, col: 9}, true
		}
		if strings.HasPrefix(fn, "clientSocketOn") {
			return siteInfo{}, true
		}
		if p, ok := httpClientSocketListeners[fn]; ok {
			st.place, st.placeFile = p, "node:_http_client" // (named after its receiver: Socket.socketOnEnd)
		}
		st.requestError = false
	case "node:test":
		if p, ok := testPlaces.Get()[line]; ok {
			st.place, st.placeFile = p.place, p.file // (named as any frame: only the place is node's)
		}
	case "node:async_hooks":
		if p, ok := asyncHooksPlaces.Get()[line]; ok {
			st.place = p // (named as any frame: only the place is node's)
		}
	case "node:domain":
		if p, ok := domainPlaces.Get()[line]; ok {
			st.place = p // (named as any frame: only the place is node's)
		}
	case "node:internal/event_target":
		if line == abortLines.Get()[2] {
			// node's DOMException is its own class in another file, its stack taken at its start
			// (a subclass's super() call included)
			return siteInfo{fn: "DOMException", display: "new DOMException", file: "node:internal/per_context/domexception", line: 53, col: 5}, true
		}
		listener := st.listenerCheck
		st.listenerCheck = false
		switch fn {
		case "validateEventListener":
			st.place, st.listenerCheck = [2]int{1059, 9}, true
		case "addEventListener", "removeEventListener":
			if listener {
				// (its call of validateEventListener; named after its receiver as any frame)
				st.place = [2]int{639, 10}
				if fn == "removeEventListener" {
					st.place = [2]int{705, 10}
				}
			}
		case "abortedReason":
			return siteInfo{}, true // (node makes the reason in the abort method itself)
		case "abort":
			// (named after its receiver as any frame: only the place is node's)
			switch lines, d := abortLines.Get(), dispatchLines.Get(); line {
			case lines[0]:
				st.place, st.placeFile = [2]int{177, 14}, "node:internal/abort_controller"
			case lines[1]:
				st.place, st.placeFile = [2]int{391, 18}, "node:internal/abort_controller"
			case d[3]:
				st.place, st.placeFile = [2]int{392, 5}, "node:internal/abort_controller"
			case d[2]:
				// signalInternals.abort's dispatch of 'abort': node's abortSignal function
				return siteInfo{fn: "abortSignal", file: "node:internal/abort_controller", line: 370, col: 10}, true
			case d[5]:
				// its abort of the signals that follow this one, from their Set's forEach
				return siteInfo{fn: "abortSignal", file: "node:internal/abort_controller", line: 371, col: 30}, true
			}
		case "":
			switch d := dispatchLines.Get(); line {
			case d[5]:
				return siteInfo{file: "node:internal/abort_controller", line: 373, col: 20}, true
			}
		case "handleEventAsync":
			if line == dispatchLines.Get()[7] {
				return siteInfo{fn: "callback", typ: "Listener", method: "callback", display: "Listener.callback",
					file: file, line: 492, col: 17}, true
			}
		case "callHandleEvent":
			switch d := dispatchLines.Get(); line {
			case d[8]:
				return siteInfo{}, true // (node's Listener.callback calls handleEvent itself)
			case d[9]:
				return siteInfo{fn: "callback", typ: "Listener", method: "callback", display: "Listener.callback",
					file: file, line: 492, col: 17}, true
			}
		case "#dispatch":
			if d := dispatchLines.Get(); line == d[0] || line == d[6] {
				// a function listener's call: node's dispatch is a symbol-keyed method
				return siteInfo{fn: "[nodejs.internal.kHybridDispatch]", file: file, line: 831, col: 20}, true
			}
		case "dispatchEvent":
			if line == dispatchLines.Get()[1] {
				st.place = [2]int{766, 26}
			}
		case "eventHandler":
			if line == dispatchLines.Get()[4] {
				st.place = [2]int{1115, 12}
			}
		}
	case "node:internal/assert/assertion_error":
		if fn == "AssertionError" {
			st.place = [2]int{454, 5} // (its stack taken without a stackStartFn)
		}
	case "node:assert":
		if p, ok := assertPlaces.Get()[line]; ok {
			st.place = p // (named as any frame: only the place is node's)
			break
		}
		// the assertion functions that call the function under test (named as any frame)
		switch fn {
		case "TrackedFunction":
			return siteInfo{}, true // (node makes a tracked function's stack in CallTracker.calls)
		case "calls":
			st.place, st.placeFile = [2]int{112, 19}, "node:internal/assert/calltracker"
		case "getActual":
			st.place = [2]int{498, 5}
		case "throws":
			st.place = [2]int{644, 24}
		case "doesNotThrow":
			st.place = [2]int{664, 32}
		}
	case "node:buffer":
		if nf, ok := bufferGluePlace(fn, line); ok {
			st.place = [2]int{nf.line, nf.col} // (named as any frame: only the place is node's)
		}
	case "node:console":
		cold := st.consoleCold
		st.consoleCold = 0
		switch fn {
		case "consoleStreamError":
			return siteInfo{}, true // (node throws ERR_CONSOLE_WRITABLE_STREAM in its constructor)
		case "Console":
			if pl, ok := consoleCtorPlace(cold); ok {
				st.place = pl
			}
		case "table":
			st.place = [2]int{502, 7} // (its properties' validation)
		case "count":
			st.place = [2]int{460, 5} // (its label's string: a symbol throws)
		case "countReset":
			st.place = [2]int{476, 41}
		case "time":
			st.place = [2]int{397, 5}
		}
		if st.place[0] != 0 {
			st.placeFile = "node:internal/console/constructor"
		}
	case "node:events":
		if p, ok := eventsAbortPlaces.Get()[line]; ok {
			st.place = p // (named as any frame: only the place is node's)
			break
		}
		switch {
		case fn == "throwUnhandled":
			st.unhandled = true
			return siteInfo{}, true
		case unhandled && (fn == "emit" || fn == "emitSlow"):
			st.placeEmit = true // (named after its receiver as any frame: only the place is node's)
		case fn == "apply":
			// the first ReflectApply, which looks Reflect.apply up: node's is the built-in's,
			// which shows no frame
			return siteInfo{}, true
		case fn == "emitUnhandledRejectionOrErr":
			// captureRejections' call of the emitter's Symbol.for('nodejs.rejection') method, or
			// its emit of 'error', for a listener's rejection
			st.place = [2]int{407, 10}
			if line == rejectionMethodCall.Get() {
				st.place = [2]int{395, 19}
			}
		case fn == "emit" || fn == "emitSlow":
			// the JS emit's call of a listener: node's emit's place of that call
			places := emitSlowCalls.Get()
			switch line {
			case places[0]:
				st.place = [2]int{524, 28}
			case places[1]:
				st.place = [2]int{536, 35}
			}
		}
	}
	return siteInfo{}, false
}

// isGlobalView reports whether v is an object that stands for a global object (a vm context's
// scope, modules.Host.NoteGlobalView), which V8 leaves out of a frame's name as the global.
func isGlobalView(h *modules.Host, v goja.Value) bool {
	o, ok := v.(*goja.Object)
	return ok && h.IsGlobalView(o)
}

// classInferredName is V8's inferred name of a nameless class that has no constructor method
// (goja compiles no code for it, so no program tells where it was made): the place of its source
// text around the code of one of its methods, members (an array of them), and what that text is
// assigned to (`internals.Base = class {...}` is "internals.Base"); "" when it cannot be told.
func (s *stackAPI) classInferredName(cls *goja.Object, members goja.Value) string {
	if name, ok := s.classNames[cls]; ok {
		return name
	}
	text := funcSource(cls)
	list, _ := members.(*goja.Object)
	if !strings.HasPrefix(text, "class") || list == nil {
		return ""
	}
	name := ""
	n := list.Get("length").ToInteger()
	for i := int64(0); i < n && i < 16; i++ {
		m, ok := list.Get(strconv.FormatInt(i, 10)).(*goja.Object)
		if !ok {
			continue
		}
		src, start, ok := programStart(funcProgram(m))
		if !ok {
			continue
		}
		// the occurrence of the class's text that holds the method's code
		at := -1
		for from := 0; from <= start; {
			k := strings.Index(src[from:], text)
			if k < 0 || from+k > start {
				break
			}
			if from+k+len(text) > start {
				at = from + k
			}
			from += k + 1
		}
		if at < 0 {
			continue
		}
		name = s.nameBefore(src, at)
		break
	}
	if len(s.classNames) >= recvNamesMax || s.classNames == nil {
		s.classNames = map[*goja.Object]string{}
	}
	s.classNames[cls] = name
	return name
}

// funcSource is the source text goja keeps of a script function (a class's whole text), "" when
// it keeps none or its layout is unknown.
func funcSource(fn *goja.Object) string {
	impl, ok := objectImpl(fn)
	if !ok {
		return ""
	}
	f, ok := impl.Type().Elem().FieldByName("src")
	if !ok || f.Type.Kind() != reflect.String {
		return ""
	}
	v := impl.Elem().FieldByIndex(f.Index)
	return *(*string)(unsafe.Pointer(v.UnsafeAddr()))
}

// exitTrampolined reports whether out ends with the trampoline's frame already.
func exitTrampolined(out []siteInfo) bool {
	return len(out) > 0 && out[len(out)-1].fn == "callbackTrampoline"
}
