package runtime

import (
	"reflect"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/stream"
)

// V8's Error.captureStackTrace(obj, fn) leaves out the frames above the innermost call of the
// function object fn. goja's stack frames name a function's code (its Program), not the function
// object: closures made by the same code (chai makes one methodWrapper per assertion method, and
// `expect(x).to.deep.equal(y)` runs equal's through eql's) cannot be told apart by it. The
// callee of each frame is on goja's value stack, below the frame's base (where getFuncName reads
// it); calleeLayout is where goja keeps those, found by reflection once, and frameSlots reads
// them in CaptureCallStack's order, with each frame's receiver (at the frame's base), which
// V8's frames name ("at Server.onRequest"). When goja's layout is not the one expected, ok is
// false and the caller goes by program.
type calleeLayout struct {
	ok                                  bool
	rtVM, vmPrg, vmSB, vmStack, vmCalls uintptr
	ctxSize, ctxPrg, ctxSB              uintptr
	// where a frame's stash (its scope's captured variables) is, vm's and a context's, and a
	// stash's values and outer stash; stashOK is false when goja's layout is not the one expected
	stashOK                                    bool
	vmStash, ctxStash, stashValues, stashOuter uintptr
	// where a context's pc is (resumedArrowThis); ctxPCOK is false when not found
	ctxPCOK bool
	ctxPC   uintptr
}

var calleeLayoutOf = modules.Lazy[calleeLayout]{Build: func() calleeLayout {
	var l calleeLayout
	prgType, valueType := reflect.TypeFor[*goja.Program](), reflect.TypeFor[goja.Value]()
	intType := reflect.TypeFor[int]()
	vmf, ok := reflect.TypeFor[goja.Runtime]().FieldByName("vm")
	if !ok || vmf.Type.Kind() != reflect.Pointer || vmf.Type.Elem().Kind() != reflect.Struct {
		return l
	}
	vt := vmf.Type.Elem()
	prg, ok1 := vt.FieldByName("prg")
	sb, ok2 := vt.FieldByName("sb")
	stack, ok3 := vt.FieldByName("stack")
	calls, ok4 := vt.FieldByName("callStack")
	if !ok1 || !ok2 || !ok3 || !ok4 || prg.Type != prgType || sb.Type != intType ||
		stack.Type.Kind() != reflect.Slice || stack.Type.Elem() != valueType ||
		calls.Type.Kind() != reflect.Slice || calls.Type.Elem().Kind() != reflect.Struct {
		return l
	}
	ct := calls.Type.Elem()
	cprg, ok1 := ct.FieldByName("prg")
	csb, ok2 := ct.FieldByName("sb")
	if !ok1 || !ok2 || cprg.Type != prgType || csb.Type != intType {
		return l
	}
	l = calleeLayout{ok: true, rtVM: vmf.Offset, vmPrg: prg.Offset, vmSB: sb.Offset, vmStack: stack.Offset,
		vmCalls: calls.Offset, ctxSize: ct.Size(), ctxPrg: cprg.Offset, ctxSB: csb.Offset}
	if cpc, ok := ct.FieldByName("pc"); ok && cpc.Type == intType {
		l.ctxPCOK, l.ctxPC = true, cpc.Offset
	}
	vst, ok1 := vt.FieldByName("stash")
	cst, ok2 := ct.FieldByName("stash")
	if !ok1 || !ok2 || vst.Type != cst.Type || vst.Type.Kind() != reflect.Pointer || vst.Type.Elem().Kind() != reflect.Struct {
		return l
	}
	values, ok1 := vst.Type.Elem().FieldByName("values")
	outer, ok2 := vst.Type.Elem().FieldByName("outer")
	if !ok1 || !ok2 || values.Type != reflect.TypeFor[[]goja.Value]() || outer.Type != vst.Type {
		return l
	}
	l.stashOK, l.vmStash, l.ctxStash, l.stashValues, l.stashOuter = true, vst.Offset, cst.Offset, values.Offset, outer.Offset
	return l
}}

// frameSlot is what goja's value stack holds for a frame: its function object (the callee, nil
// where goja keeps none) and its receiver (this, as the call passed it; nil for an arrow
// function, which goja calls without one). at is the frame's index in CaptureCallStack's order.
type frameSlot struct {
	callee *goja.Object
	this   goja.Value
	arg0   goja.Value // the first two arguments of the innermost frame's, a built-in's (builtinThrowFrame)
	arg1   goja.Value
	newOf  string // at -1: the built-in constructor the innermost frame runs with new (newBuiltin)
	at     int
	kind   eventloop.CallKind // a native emit's frame: CallEmit or CallEmitList (this is the emitter)
	// a Go stream function's that emitted 'data' itself, with no frame of the emit's (kind is
	// the emit's): the path node's frames take from there to the emit
	goData stream.DataPath
	goPipe bool // and called the pipe's listener itself, which wrote to this frame's destination
	// the loop's entry below a socket's 'data' that net's read emitted itself (kind is the
	// emit's): CallNetRead or CallNetReadPipe, for node's frames from its handle's read
	netRead eventloop.CallKind
	async   bool         // one of the async frames goja adds at the end: an awaiting async function's
	genNext bool         // a generator's body resumed by the engine (for-of): V8 shows a next frame below it
	onThis  bool         // an arrow function's, this its caller's: only if the caller called this.name() (callsOnThis)
	cands   []goja.Value // an arrow function's: its caller's objects, one its receiver if the caller called x.name() (arrowSlot)
	arrow   bool         // an arrow function's called from script, whose receiver arrowSlot looks for
	// an arrow function's whose receiver is not known, only the type of the object its text
	// makes it a member of, and the key it was called as (arrowSlot)
	holderType, holderKey string
}

// frameSlots returns the slots of the frames that vm.CaptureCallStack(0, nil) returns now, in
// the same order, without the async frames it may add at the end. ok is false when goja's layout
// is unknown. Loop only.
func frameSlots(r *goja.Runtime) (out []frameSlot, ok bool) {
	var w slotWalk
	if !w.start(r) {
		return nil, false
	}
	w.frames(func(at, sb int) bool {
		sl := frameSlot{at: at}
		if sb > 0 && sb-1 < len(w.stack) {
			sl.callee, _ = w.stack[sb-1].(*goja.Object)
		}
		if sb > 0 && sb < len(w.stack) {
			sl.this = w.stack[sb]
		}
		out = append(out, sl)
		return true
	})
	return out, true
}

// slotWalk reads goja's call stack for frameSlots and innerSlots.
type slotWalk struct {
	l     calleeLayout
	vmp   unsafe.Pointer
	stack []goja.Value
	calls *struct {
		data     unsafe.Pointer
		len, cap int
	}
	cur int // the context index of the frame frames is visiting
}

func (w *slotWalk) start(r *goja.Runtime) bool {
	w.l = calleeLayoutOf.Get()
	if !w.l.ok {
		return false
	}
	w.vmp = *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(r), w.l.rtVM))
	if w.vmp == nil {
		return false
	}
	w.stack = *(*[]goja.Value)(unsafe.Add(w.vmp, w.l.vmStack))
	w.calls = (*struct {
		data     unsafe.Pointer
		len, cap int
	})(unsafe.Add(w.vmp, w.l.vmCalls))
	return true
}

// frame is the program and stack base of context i, innermost first from calls.len (the
// running frame) down.
func (w *slotWalk) frame(i int) (prg unsafe.Pointer, sb int) {
	if i == w.calls.len {
		return *(*unsafe.Pointer)(unsafe.Add(w.vmp, w.l.vmPrg)), *(*int)(unsafe.Add(w.vmp, w.l.vmSB))
	}
	ctx := unsafe.Add(w.calls.data, uintptr(i)*w.l.ctxSize)
	return *(*unsafe.Pointer)(unsafe.Add(ctx, w.l.ctxPrg)), *(*int)(unsafe.Add(ctx, w.l.ctxSB))
}

// stashValues returns the values of the stashes (the scopes' variables that closures capture)
// that frame i sees, its innermost scope's first and outward, at most limit of them; nil when
// goja's layout is not known.
func (w *slotWalk) stashValues(i, limit int) []goja.Value {
	if !w.l.stashOK || i < 0 || i > w.calls.len {
		return nil
	}
	var st unsafe.Pointer
	if i == w.calls.len {
		st = *(*unsafe.Pointer)(unsafe.Add(w.vmp, w.l.vmStash))
	} else {
		st = *(*unsafe.Pointer)(unsafe.Add(unsafe.Add(w.calls.data, uintptr(i)*w.l.ctxSize), w.l.ctxStash))
	}
	var out []goja.Value
	for depth := 0; st != nil && depth < 64 && len(out) < limit; depth++ {
		vals := *(*[]goja.Value)(unsafe.Add(st, w.l.stashValues))
		out = append(out, vals[:min(len(vals), limit-len(out))]...)
		st = *(*unsafe.Pointer)(unsafe.Add(st, w.l.stashOuter))
	}
	return out
}

// frames calls f with the index (CaptureCallStack's order) and the stack base of each frame,
// innermost first, but for CaptureCallStack's async ones, until f returns false. While f
// runs, w.cur is the frame's context index (for stashValues).
func (w *slotWalk) frames(f func(at, sb int) bool) {
	at := 0
	for i := w.calls.len; i >= 0; i-- {
		prg, sb := w.frame(i)
		if prg == nil && sb <= 0 {
			continue
		}
		w.cur = i
		if !f(at, sb) {
			return
		}
		at++
	}
}

// count is how many frames there are (CaptureCallStack's, but for its async ones).
func (w *slotWalk) count() int {
	n := 0
	w.frames(func(int, int) bool { n++; return true })
	return n
}

// framesBelowCallee returns the frames of the current call stack below the innermost call of
// fn, as V8's Error.captureStackTrace(obj, fn) keeps them, and how many of them, at the end,
// are goja's async frames; ok is false when fn's call is not found that way.
func (rt *Runtime) framesBelowCallee(fn *goja.Object) ([]goja.StackFrame, int, bool) {
	r := rt.vm
	slots, ok := frameSlots(r)
	if !ok {
		return nil, 0, false
	}
	raw := r.CaptureCallStack(0, nil)
	if programFrames(raw) {
		raw = append(raw, rt.awaitingTail()...)
	}
	for i, sl := range slots {
		if i >= len(raw) {
			break
		}
		if sl.callee == fn {
			// (fn called through call, apply or Reflect.apply: V8 has no frame for those)
			j := i + 1
			if j < len(raw) && raw[j].SrcName() == "<native>" && (raw[j].FuncName() == "call" || raw[j].FuncName() == "apply") {
				j++
			}
			return raw[j:], max(len(raw)-len(slots), 0), true
		}
	}
	return nil, 0, false
}
