package eventloop

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
)

// A stack overflow that goja stops at a Go frame (see modules.Host.Repanic, and the promise jobs
// the loop runs: jobsdrain.go) may leave that frame's VM in a
// state no JS may run in: an async function (asyncRunner.start) or a generator that the overflow
// passed through pops its try frame and call frame only on a normal return, so they stay on
// goja's stacks, and each Go frame goja unwinds on the way (vm.try) pops the top try frame, not
// its own. Thrown from there, the RangeError would be handled by a stale frame: it would leave
// the JS it was thrown into at the wrong place (a promise of the caller's came out undefined).
// A Go function that throws it therefore marks, before calling into JS, where it stands on the
// VM's stacks (the value stack's top, the try and call stacks' lengths: they are the same
// whenever Go code of that function runs), and puts them back before throwing. goja exports none
// of them: vmLayout finds the fields once; if a goja upgrade renames or retypes them, marks are
// invalid and an overflow stays uncatchable (the process ends with node's message, as it did
// before Go frames stopped it). TestVMMarkProbe guards the probe.

// VMMark is where a Go function called from JS (or the loop, between promise jobs) stands on
// goja's stacks (see Mark).
type VMMark struct {
	sp, try, call int
	ok            bool
}

type vmFields struct {
	ok            bool
	vm            uintptr // Runtime.vm, a *vm
	sp, try, call uintptr // in vm: the value stack's top, tryStack, callStack
	tryT, callT   reflect.Type
}

// vmLayout returns the probe's result, made on first use (a process that never marks pays
// nothing at start).
func vmLayout() *vmFields {
	vmLayoutOf.once.Do(func() { vmLayoutOf.l = probeVMLayout() })
	return vmLayoutOf.l
}

var vmLayoutOf = struct {
	once sync.Once
	l    *vmFields
}{}

func probeVMLayout() *vmFields {
	l := &vmFields{}
	f, ok := reflect.TypeFor[goja.Runtime]().FieldByName("vm")
	if !ok || f.Type.Kind() != reflect.Pointer || f.Type.Elem().Kind() != reflect.Struct {
		return l
	}
	t := f.Type.Elem()
	sp, ok1 := t.FieldByName("sp")
	try, ok2 := t.FieldByName("tryStack")
	call, ok3 := t.FieldByName("callStack")
	if !ok1 || !ok2 || !ok3 || sp.Type.Kind() != reflect.Int || try.Type.Kind() != reflect.Slice ||
		call.Type.Kind() != reflect.Slice {
		return l
	}
	return &vmFields{ok: true, vm: f.Offset, sp: sp.Offset, try: try.Offset, call: call.Offset,
		tryT: try.Type, callT: call.Type}
}

// vmOf returns the address of r's unexported vm.
func vmOf(r *goja.Runtime, l *vmFields) unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(r), l.vm))
}

// sliceLen reads the length of the slice at p (Go's slice header: pointer, length, capacity).
func sliceLen(p unsafe.Pointer) int {
	return (*struct {
		ptr      unsafe.Pointer
		len, cap int
	})(p).len
}

// Mark returns where the Go code calling it stands on vm's stacks, for Restore. Call it before
// that code's first call into JS. Cheap: a few loads. Loop only.
func Mark(vm *goja.Runtime) VMMark {
	l := vmLayout()
	if !l.ok {
		return VMMark{}
	}
	v := vmOf(vm, l)
	return VMMark{sp: *(*int)(unsafe.Add(v, l.sp)), try: sliceLen(unsafe.Add(v, l.try)),
		call: sliceLen(unsafe.Add(v, l.call)), ok: true}
}

// InCall reports whether m was taken under a call frame (a Go function JS called, or a loop
// task under the trampoline's frame): false when the call stack was empty or m is not valid.
func (m VMMark) InCall() bool { return m.ok && m.call > 0 }

// Restore puts vm's stacks back where m was taken, dropping what a stack overflow left above
// it. It reports whether it could (never when the probe failed or m is not below the stacks'
// tops). Loop only.
func (m VMMark) Restore(r *goja.Runtime) bool {
	l := vmLayout()
	if !m.ok || !l.ok {
		return false
	}
	v := vmOf(r, l)
	try := reflect.NewAt(l.tryT, unsafe.Add(v, l.try)).Elem()
	call := reflect.NewAt(l.callT, unsafe.Add(v, l.call)).Elem()
	if try.Len() < m.try || call.Len() < m.call {
		return false // not this frame's mark: never grow the stacks
	}
	try.SetLen(m.try)
	call.SetLen(m.call)
	*(*int)(unsafe.Add(v, l.sp)) = m.sp
	return true
}

// CallDepth returns how many call frames are on vm's call stack (goja's count, which its
// maximum call stack size limits); ok is false when the probe failed. Loop only.
func CallDepth(vm *goja.Runtime) (depth int, ok bool) {
	l := vmLayout()
	if !l.ok {
		return 0, false
	}
	return sliceLen(unsafe.Add(vmOf(vm, l), l.call)), true
}

// jobsFrame is a call frame the loop puts on goja's call stack while it runs promise jobs: one
// of no program and no stack base, which no stack trace shows (goja's and ours skip such
// frames). A job runs with no JS below it, and goja takes a call into JS made with an empty call
// stack for the outermost one: a Go function a job calls directly (a reaction's handler made in
// Go, such as Promise.all's element functions, or the Promise executor guard called by a
// species constructor in then) that calls JS through a goja.Callable would, as that call
// returns, have goja drain its whole job queue there, nested in the job: the jobs queued since
// would run before the ones the loop holds (node's order broken: a then chain's next step ran
// before the jobs queued ahead of it). With this frame below, goja leaves them queued and the
// loop runs them in turn. holdJobsFrame returns the call stack's length before it, ok false
// when goja's layout is unknown. Loop only, with no JS on the stack.
func holdJobsFrame(r *goja.Runtime) (n int, ok bool) {
	l := vmLayout()
	if !l.ok || l.callT.Elem().Kind() != reflect.Struct {
		return 0, false
	}
	call := reflect.NewAt(l.callT, unsafe.Add(vmOf(r, l), l.call)).Elem()
	n = call.Len()
	call.Set(reflect.Append(call, reflect.Zero(l.callT.Elem())))
	return n, true
}

// releaseJobsFrame takes holdJobsFrame's frame off again (the call stack back at n long).
func releaseJobsFrame(r *goja.Runtime, n int, ok bool) {
	if !ok {
		return
	}
	l := vmLayout()
	call := reflect.NewAt(l.callT, unsafe.Add(vmOf(r, l), l.call)).Elem()
	if call.Len() > n {
		call.Index(n).Set(reflect.Zero(l.callT.Elem()))
		call.SetLen(n)
	}
}
