package runtime

import (
	"reflect"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// V8 names an awaiting async function's frame as it named the call that started it: "at async
// UserService.find", "at async Module.run". goja's async frames (the ones CaptureCallStack adds
// at the end, the async functions awaiting the running one, outward) have the function's name
// only. Each comes from a suspended async function (goja's asyncRunner), reached from the
// running one through its promise's single fulfill reaction, and the suspended function's saved
// value stack begins with its callee and receiver, as a running frame's does at its base.
// asyncLayout is where goja keeps those, found by reflection once; asyncFrameSlots walks the
// chain as goja's captureAsyncStack does, so the slots line up with the async frames.
type asyncLayout struct {
	ok                          bool
	vmRunner                    uintptr // vm.curAsyncRunner (*asyncRunner)
	runnerCtx, runnerCap        uintptr // asyncRunner.gen.ctx (execCtx), asyncRunner.promiseCap
	ctxStack, ctxPrg, ctxSB     uintptr // execCtx.stack, execCtx.context.prg, .sb
	capPromise                  uintptr // promiseCapability.promise (*Object)
	promiseFulfill, reactRunner uintptr // Promise.fulfillReactions, promiseReaction.asyncRunner
}

var asyncLayoutOf = modules.Lazy[asyncLayout]{Build: func() asyncLayout {
	var l asyncLayout
	prgType, valueType := reflect.TypeFor[*goja.Program](), reflect.TypeFor[goja.Value]()
	objType, intType := reflect.TypeFor[*goja.Object](), reflect.TypeFor[int]()
	field := func(t reflect.Type, name string) (reflect.StructField, bool) {
		if t.Kind() != reflect.Struct {
			return reflect.StructField{}, false
		}
		f, ok := t.FieldByName(name)
		return f, ok && len(f.Index) == 1
	}
	ptrStruct := func(t reflect.Type) bool { return t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct }
	vmf, ok := field(reflect.TypeFor[goja.Runtime](), "vm")
	if !ok || !ptrStruct(vmf.Type) {
		return l
	}
	cur, ok := field(vmf.Type.Elem(), "curAsyncRunner")
	if !ok || !ptrStruct(cur.Type) {
		return l
	}
	runnerType := cur.Type.Elem()
	gen, ok1 := field(runnerType, "gen")
	pcap, ok2 := field(runnerType, "promiseCap")
	if !ok1 || !ok2 || !ptrStruct(pcap.Type) {
		return l
	}
	ctx, ok := field(gen.Type, "ctx")
	if !ok {
		return l
	}
	stack, ok1 := field(ctx.Type, "stack")
	embedded, ok2 := field(ctx.Type, "context")
	if !ok1 || !ok2 || stack.Type.Kind() != reflect.Slice || stack.Type.Elem() != valueType {
		return l
	}
	prg, ok1 := field(embedded.Type, "prg")
	sb, ok2 := field(embedded.Type, "sb")
	if !ok1 || !ok2 || prg.Type != prgType || sb.Type != intType {
		return l
	}
	promise, ok := field(pcap.Type.Elem(), "promise")
	if !ok || promise.Type != objType {
		return l
	}
	fulfill, ok := field(reflect.TypeFor[goja.Promise](), "fulfillReactions")
	if !ok || fulfill.Type.Kind() != reflect.Slice || !ptrStruct(fulfill.Type.Elem()) {
		return l
	}
	react, ok := field(fulfill.Type.Elem().Elem(), "asyncRunner")
	if !ok || react.Type != cur.Type {
		return l
	}
	return asyncLayout{ok: true, vmRunner: cur.Offset, runnerCtx: gen.Offset + ctx.Offset, runnerCap: pcap.Offset,
		ctxStack: stack.Offset, ctxPrg: embedded.Offset + prg.Offset, ctxSB: embedded.Offset + sb.Offset,
		capPromise: promise.Offset, promiseFulfill: fulfill.Offset, reactRunner: react.Offset}
}}

// asyncFrameSlots returns the callee and receiver of each of the async frames that
// CaptureCallStack adds now, in its order, with at counting from first; nil when goja's layout is
// unknown or the chain is not n frames long. Loop only.
func asyncFrameSlots(r *goja.Runtime, first, n int) []frameSlot {
	l := asyncLayoutOf.Get()
	if !l.ok || n <= 0 {
		return nil
	}
	cl := calleeLayoutOf.Get()
	if !cl.ok {
		return nil
	}
	vmp := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(r), cl.rtVM))
	if vmp == nil {
		return nil
	}
	runner := *(*unsafe.Pointer)(unsafe.Add(vmp, l.vmRunner))
	out := make([]frameSlot, 0, n)
	for guard := 0; runner != nil && guard < 1<<16; guard++ {
		pcap := *(*unsafe.Pointer)(unsafe.Add(runner, l.runnerCap))
		if pcap == nil {
			break
		}
		pobj := *(**goja.Object)(unsafe.Add(pcap, l.capPromise))
		if pobj == nil {
			break
		}
		p, ok := pobj.Export().(*goja.Promise)
		if !ok || p == nil {
			break
		}
		reactions := *(*[]unsafe.Pointer)(unsafe.Add(unsafe.Pointer(p), l.promiseFulfill))
		if len(reactions) != 1 || reactions[0] == nil {
			break
		}
		next := *(*unsafe.Pointer)(unsafe.Add(reactions[0], l.reactRunner))
		if next == nil {
			break
		}
		ctx := unsafe.Add(next, l.runnerCtx)
		prg := *(*unsafe.Pointer)(unsafe.Add(ctx, l.ctxPrg))
		sb := *(*int)(unsafe.Add(ctx, l.ctxSB))
		if prg != nil || sb > 0 {
			if len(out) == n {
				return nil // (more than the frames captured: not the same chain)
			}
			sl := frameSlot{at: first + len(out), async: true}
			stack := *(*[]goja.Value)(unsafe.Add(ctx, l.ctxStack))
			if len(stack) > 1 {
				sl.callee, _ = stack[0].(*goja.Object)
				sl.this = stack[1]
			}
			out = append(out, sl)
		}
		runner = next
	}
	if len(out) != n {
		return nil
	}
	return out
}
