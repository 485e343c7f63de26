package crypto

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

// Node runs its crypto work as jobs (RandomBytesJob, PBKDF2Job, SignJob, HashJob, ...), each an
// async resource of a type such as RANDOMBYTESREQUEST: a job of a *Sync call or of a call
// without a callback is made (async hooks see its init) and run in place; a job with a callback
// or behind a webcrypto promise runs on the thread pool and calls its ondone in its own
// execution, with the job as this, destroyed after. These helpers give gojs's work the same
// resources. The glue makes the job objects (newJob in crypto.js): an object of the job's class
// whose ondone is what the work's end calls.

// jobInit emits the init of a job run in place (node's kCryptoJobSync), typ its async type and
// class its object's class name. Loop only.
func jobInit(h *modules.Host, typ, class string) {
	h.Loop.NewAsyncResourceOf(typ, class)
}

// asyncJob reads the callback argument cb of a job of class class run off the loop: a job
// object (the resource async hooks see; its ondone, read when the work is done, is called with
// it as this) or a plain function (called with this undefined). ok is false for anything else.
func asyncJob(cb goja.Value, class string) (res any, call func(args ...goja.Value) error, ok bool) {
	o, isObj := cb.(*goja.Object)
	if !isObj {
		return nil, nil, false
	}
	if fn, isFn := goja.AssertFunction(o); isFn {
		return class, func(args ...goja.Value) error {
			_, err := fn(goja.Undefined(), args...)
			return err
		}, true
	}
	return o, func(args ...goja.Value) error {
		fn, isFn := goja.AssertFunction(o.Get("ondone"))
		if !isFn {
			return nil
		}
		_, err := fn(o, args...)
		return err
	}, true
}

// runJob runs work as a job of typ and class: with a callback or job object cb (asyncJob), off
// the loop, calling back with (err) or (null, ArrayBuffer) in the job's execution; without one,
// in place, its result returned as an ArrayBuffer (or its error thrown). A cb of null is work
// done in place for a job the glue made itself (webcrypto's deriveBits): no init of its own.
// Loop only.
func runJob(h *modules.Host, typ, class string, work func() ([]byte, error), cb goja.Value) goja.Value {
	return runJobAs(h, typ, class, work, cb, false)
}

// runJobAs is runJob giving the bytes as a Buffer when asBuffer is set (node's pbkdf2 and
// scrypt give a Buffer over the job's ArrayBuffer; making it here spares the glue a
// Buffer.from per call).
func runJobAs(h *modules.Host, typ, class string, work func() ([]byte, error), cb goja.Value, asBuffer bool) goja.Value {
	vm := h.VM
	result := func(p []byte) goja.Value {
		if asBuffer {
			return buffer.New(h, p)
		}
		return vm.ToValue(vm.NewArrayBuffer(p))
	}
	if res, call, ok := asyncJob(cb, class); ok {
		modules.GoAsyncOf(h, typ, res, work, func(p []byte, err error) error {
			if err != nil {
				return call(h.ToJS(err))
			}
			return call(goja.Null(), result(p))
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
	return result(p)
}

func bindJobs(h *modules.Host, b *modules.LazyFuncs) {
	// jobInit(type, class): the init of a job the glue runs in place.
	b.Set("jobInit", func(c goja.FunctionCall) goja.Value {
		jobInit(h, c.Argument(0).String(), c.Argument(1).String())
		return goja.Undefined()
	})
	// job(type, job): a job whose work the glue has done or does in its ondone: its init now,
	// ondone called in its execution as its completion (the loop's next I/O phase, where node's
	// thread pool job calls back), then its destroy.
	b.Set("job", func(c goja.FunctionCall) goja.Value {
		res, call, ok := asyncJob(c.Argument(1), "")
		if !ok {
			panic(h.VM.NewTypeError("job: not a job"))
		}
		p := h.Loop.ReserveAsync(c.Argument(0).String(), res)
		p.Done(func() error { return call() })
		return goja.Undefined()
	})
}
