package eventloop

import (
	"reflect"
	"unsafe"

	"github.com/dop251/goja"
)

// goja gives its value stack away each time the outermost call into JS returns (Runtime.leave
// sets it to nil), so every trampoline run, the loop's every macrotask, grew a new one from
// nothing, doubling it from 2 slots to the depth its callbacks reached (1 KB to 8 KB of
// allocation a task, about a third of the bytes a worker's message round trip allocated). The
// loop keeps the array the last run used (its dead slots cleared, so that it holds nothing a
// callback left) and gives it back to the VM before the next run, or before the promise jobs
// it runs itself (taking it back after them), when the VM has none: no JS is running then. goja exports neither the stack
// nor its top: stackLayout finds them once; if a goja upgrade renames or retypes them, the loop
// keeps nothing and every run grows its stack again (slower, never wrong). TestStackReuseProbe
// guards the probe.

type stackFields struct {
	ok        bool
	vm        uintptr // Runtime.vm, a *vm
	stack, sp uintptr // in vm: the value stack ([]Value) and its top (int)
}

var stackLayout = func() stackFields {
	f, ok := reflect.TypeFor[goja.Runtime]().FieldByName("vm")
	if !ok || f.Type.Kind() != reflect.Pointer || f.Type.Elem().Kind() != reflect.Struct {
		return stackFields{}
	}
	st, ok1 := f.Type.Elem().FieldByName("stack")
	sp, ok2 := f.Type.Elem().FieldByName("sp")
	if !ok1 || !ok2 || st.Type.Kind() != reflect.Slice || st.Type.Elem() != reflect.TypeFor[goja.Value]() ||
		sp.Type.Kind() != reflect.Int {
		return stackFields{}
	}
	return stackFields{ok: true, vm: f.Offset, stack: st.Offset, sp: sp.Offset}
}()

// maxKeptStack is the largest stack kept (in slots, 1 MB): one a deep recursion grew (up to a
// stack overflow) is left to goja, which drops it, as before.
const maxKeptStack = 1 << 16

// vmStack returns the address of vm's value stack and its top, or nil when the probe failed.
func vmStack(vm *goja.Runtime) (*[]goja.Value, int) {
	if !stackLayout.ok {
		return nil, 0
	}
	v := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(vm), stackLayout.vm))
	return (*[]goja.Value)(unsafe.Add(v, stackLayout.stack)), *(*int)(unsafe.Add(v, stackLayout.sp))
}

// keepStack notes the VM's value stack, as the outermost trampoline's run ends, clearing the
// slots above its top. Loop only, from JS (the run's Go function).
func (l *Loop) keepStack() {
	p, sp := vmStack(l.vm)
	if p == nil || sp > len(*p) || cap(*p) > maxKeptStack {
		return
	}
	clear((*p)[sp:])
	l.stack = *p
}

// reclaimStack takes the VM's value stack back, cleared, after the promise jobs the loop ran
// itself (they run without goja's leave, which would have dropped it). Loop only, with no JS on
// the stack.
func (l *Loop) reclaimStack() {
	p, sp := vmStack(l.vm)
	if p == nil || sp != 0 || cap(*p) == 0 || cap(*p) > maxKeptStack {
		return
	}
	clear(*p)
	l.stack = *p
	*p = nil
}

// lendStack gives the VM the stack keepStack noted when it has none (no JS runs). Loop only,
// with no JS on the stack.
func (l *Loop) lendStack() {
	if l.stack == nil {
		return
	}
	p, _ := vmStack(l.vm)
	if p == nil || cap(*p) != 0 {
		return
	}
	s := l.stack
	l.stack = nil
	clear(s) // (the trampoline's own frame, below the top it was kept at)
	*p = s[:0]
}
