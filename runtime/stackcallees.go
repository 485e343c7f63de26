package runtime

import (
	"reflect"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// V8's Error.captureStackTrace(obj, fn) leaves out the frames above the innermost call of the
// function object fn. goja's stack frames name a function's code (its Program), not the function
// object: closures made by the same code (chai makes one methodWrapper per assertion method, and
// `expect(x).to.deep.equal(y)` runs equal's through eql's) cannot be told apart by it. The
// callee of each frame is on goja's value stack, below the frame's base (where getFuncName reads
// it); calleeLayout is where goja keeps those, found by reflection once, and frameCallees reads
// them in CaptureCallStack's order. When goja's layout is not the one expected, ok is false and
// the caller goes by program.
type calleeLayout struct {
	ok                                  bool
	rtVM, vmPrg, vmSB, vmStack, vmCalls uintptr
	ctxSize, ctxPrg, ctxSB              uintptr
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
	return calleeLayout{ok: true, rtVM: vmf.Offset, vmPrg: prg.Offset, vmSB: sb.Offset, vmStack: stack.Offset,
		vmCalls: calls.Offset, ctxSize: ct.Size(), ctxPrg: cprg.Offset, ctxSB: csb.Offset}
}}

// frameCallees returns the function object of each frame that vm.CaptureCallStack(0, nil)
// returns now, in the same order (nil where goja keeps none), without the async frames it may
// add at the end; ok is false when goja's layout is unknown. Loop only.
func frameCallees(r *goja.Runtime) (out []*goja.Object, ok bool) {
	l := calleeLayoutOf.Get()
	if !l.ok {
		return nil, false
	}
	vmp := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(r), l.rtVM))
	if vmp == nil {
		return nil, false
	}
	stack := *(*[]goja.Value)(unsafe.Add(vmp, l.vmStack))
	add := func(prg unsafe.Pointer, sb int) {
		if prg == nil && sb <= 0 {
			return
		}
		var fn *goja.Object
		if sb > 0 && sb-1 < len(stack) {
			fn, _ = stack[sb-1].(*goja.Object)
		}
		out = append(out, fn)
	}
	add(*(*unsafe.Pointer)(unsafe.Add(vmp, l.vmPrg)), *(*int)(unsafe.Add(vmp, l.vmSB)))
	calls := (*struct {
		data     unsafe.Pointer
		len, cap int
	})(unsafe.Add(vmp, l.vmCalls))
	for i := calls.len - 1; i >= 0; i-- {
		ctx := unsafe.Add(calls.data, uintptr(i)*l.ctxSize)
		add(*(*unsafe.Pointer)(unsafe.Add(ctx, l.ctxPrg)), *(*int)(unsafe.Add(ctx, l.ctxSB)))
	}
	return out, true
}

// framesBelowCallee returns the frames of the current call stack below the innermost call of
// fn, as V8's Error.captureStackTrace(obj, fn) keeps them; ok is false when fn's call is not
// found that way.
func framesBelowCallee(r *goja.Runtime, fn *goja.Object) ([]goja.StackFrame, bool) {
	callees, ok := frameCallees(r)
	if !ok {
		return nil, false
	}
	raw := r.CaptureCallStack(0, nil)
	for i, c := range callees {
		if i >= len(raw) {
			break
		}
		if c == fn {
			return raw[i+1:], true
		}
	}
	return nil, false
}
