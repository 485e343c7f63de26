package modules

import (
	_ "embed"

	"github.com/dop251/goja"
)

// asyncGenJS makes a runtime's async generator helpers (Host.AsyncGen).
//
//go:embed asyncgen.js
var asyncGenJS string

// asyncGenName is the helpers' file name in stack traces: the loader's, as when they were its.
const asyncGenName = "node:internal/modules/cjs/loader"

// asyncGens is a runtime's async generator helpers, once made.
type asyncGens struct {
	obj      *goja.Object
	proto    *goja.Object  // AsyncGeneratorFunction.prototype
	isObject goja.Callable // whether an object is one a marked function made
}

// AsyncGen returns the runtime's async generator helpers (asyncgen.js), made on the first call
// and the same object after. goja has no async generators: the loader lowers a module's into
// plain functions, and glue writes node's as plain functions; the helpers give them node's
// shape:
//   - f(fn[, name]) makes fn an async generator function (its [[Prototype]] is the runtime's
//     AsyncGeneratorFunction.prototype, it has its own .prototype) and returns it;
//   - g(Await).call(fn, self, args, generatorFunction) runs generatorFunction (a sync
//     generator function, called with self and args) as fn's body and returns the
//     AsyncGenerator fn's call makes: a yielded Await (new Await(value)) is an await, any
//     other value a yield (esbuild's __asyncGenerator, with Await its __await class);
//   - o(fn, s) makes an AsyncGenerator fn's call returns whose next/return/throw call s's.
//
// util.types and util.inspect tell the functions and objects apart through
// AsyncGeneratorFunctionPrototype and IsAsyncGeneratorObject. Loop only.
func (h *Host) AsyncGen() *goja.Object {
	ag := h.State(asyncGensKey{}, func() any { return new(asyncGens) }).(*asyncGens)
	if ag.obj != nil {
		return ag.obj
	}
	maker, err := h.VM.RunProgram(CompileOnce(asyncGenName, asyncGenJS))
	if err != nil {
		panic(err)
	}
	build, _ := goja.AssertFunction(maker)
	markProto := func(call goja.FunctionCall) goja.Value {
		if o, ok := call.Argument(0).(*goja.Object); ok {
			ag.proto = o
			ag.isObject, _ = goja.AssertFunction(call.Argument(1))
		}
		return goja.Undefined()
	}
	words := func(v goja.Value) string { return V8ValueWords(h.VM, v) }
	v, err := build(goja.Undefined(), h.VM.ToValue(markProto), h.VM.ToValue(words))
	if err != nil {
		panic(err)
	}
	ag.obj = v.(*goja.Object)
	return ag.obj
}

type asyncGensKey struct{}

// IsAsyncGenSource reports whether src is the source of the async generator helpers (the
// runtime leaves their frames out of stacks).
func IsAsyncGenSource(src string) bool {
	return src == asyncGenJS // (goja keeps a copy: the lengths tell most others apart)
}

// AsyncGeneratorFunctionPrototype is the runtime's AsyncGeneratorFunction.prototype, or nil while
// nothing has asked for AsyncGen. Loop only.
func (h *Host) AsyncGeneratorFunctionPrototype() *goja.Object {
	if ag, ok := h.state[asyncGensKey{}].(*asyncGens); ok {
		return ag.proto
	}
	return nil
}

// IsAsyncGeneratorObject reports whether o is an object a function AsyncGen marked made (an
// AsyncGenerator, which V8's IsGeneratorObject counts as a generator object). Loop only.
func (h *Host) IsAsyncGeneratorObject(o *goja.Object) bool {
	ag, ok := h.state[asyncGensKey{}].(*asyncGens)
	if !ok || ag.isObject == nil {
		return false
	}
	r, err := ag.isObject(goja.Undefined(), o)
	return err == nil && r.ToBoolean()
}
