package eventloop

import (
	"reflect"
	"unsafe"

	"github.com/dop251/goja"
)

// goja drains its promise job queue only when the outermost Go-to-JS call returns, and it offers
// no way to ask whether that queue is empty. The loop wants to know: when a macrotask and its
// nextTicks left no promise job behind, the next macrotask of the same phase can run inside the
// same trampoline frame (one goja entry for a whole batch of timers or immediates instead of one
// per callback), and Node's order is unchanged. jobQueueOffset locates the queue (a []func() field
// of goja.Runtime) once; if a goja upgrade renames or retypes it, jobsOffset stays invalid and
// every callback gets its own frame again (slower, never wrong). TestJobQueueProbe guards it.
var jobsOffset = func() uintptr {
	f, ok := reflect.TypeFor[goja.Runtime]().FieldByName("jobQueue")
	if !ok || f.Type != reflect.TypeFor[[]func()]() {
		return ^uintptr(0)
	}
	return f.Offset
}()

// jobsProbe reports whether the probe can see goja's job queue.
func jobsProbe() bool { return jobsOffset != ^uintptr(0) }

// jobsPending reports whether goja has promise jobs queued (true when it cannot tell). Loop only.
func jobsPending(vm *goja.Runtime) bool {
	if !jobsProbe() {
		return true
	}
	q := (*[]func())(unsafe.Add(unsafe.Pointer(vm), jobsOffset))
	return len(*q) > 0
}
