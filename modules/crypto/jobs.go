package crypto

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// Node runs its crypto work as jobs (RandomBytesJob, PBKDF2Job, SignJob, HashJob, ...), each an
// async resource of a type such as RANDOMBYTESREQUEST: a job of a *Sync call or of a call
// without a callback is made (async hooks see its init) and run in place; a job with a callback
// or behind a webcrypto promise runs on the thread pool and calls back in its own execution,
// destroyed after. These helpers give gojs's work the same resources.

// jobInit emits the init of a job run in place (node's kCryptoJobSync), typ its async type and
// class its object's class name. Loop only.
func jobInit(h *modules.Host, typ, class string) {
	h.Loop.NewAsyncResourceOf(typ, class)
}

// runJob runs work as a job of typ and class: with a callback cb (a function), off the loop,
// calling cb(err) or cb(null, ArrayBuffer) in the job's execution; without one, in place, its
// result returned as an ArrayBuffer (or its error thrown). A cb of null is work done in place
// for a job the glue made itself (webcrypto's deriveBits): no init of its own. Loop only.
func runJob(h *modules.Host, typ, class string, work func() ([]byte, error), cb goja.Value) goja.Value {
	vm := h.VM
	if fn, ok := goja.AssertFunction(cb); ok {
		modules.GoAsync(h, typ, class, work, func(p []byte, err error) error {
			var e error
			if err != nil {
				_, e = fn(goja.Undefined(), h.ToJS(err))
			} else {
				_, e = fn(goja.Undefined(), goja.Null(), vm.ToValue(vm.NewArrayBuffer(p)))
			}
			return e
		})
		return goja.Undefined()
	}
	if !goja.IsNull(cb) {
		jobInit(h, typ, class)
	}
	p, err := work()
	if err != nil {
		h.Throw(err)
	}
	return vm.ToValue(vm.NewArrayBuffer(p))
}

func bindJobs(h *modules.Host, b *goja.Object) {
	// jobInit(type, class): the init of a job the glue runs in place.
	b.Set("jobInit", func(c goja.FunctionCall) goja.Value {
		jobInit(h, c.Argument(0).String(), c.Argument(1).String())
		return goja.Undefined()
	})
	// job(type, class, fn): a job whose work the glue has done or does in fn: its init now, fn
	// called in its execution as its completion (the loop's next I/O phase, where node's thread
	// pool job calls back), then its destroy.
	b.Set("job", func(c goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(c.Argument(2))
		if !ok {
			panic(h.VM.NewTypeError("job: not a function"))
		}
		p := h.Loop.ReserveAsync(c.Argument(0).String(), c.Argument(1).String())
		p.Done(func() error {
			_, err := fn(goja.Undefined())
			return err
		})
		return goja.Undefined()
	})
}
