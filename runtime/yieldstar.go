package runtime

import (
	"reflect"
	goruntime "runtime"
	"strings"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// goja's yield* keeps the inner iterator's next method as a Go func that is nil when next is not
// callable (function* g(x) { yield* x } over an iterator {} or { next: 5 }), and resuming the
// generator then calls it: the process died of a nil pointer panic where node throws V8's
// "undefined is not a function" (number 5...) into the generator, at the yield*, where its
// try/catch may catch it. installYieldStarGuard (before the first script whose text has a
// yield*: noteScriptSource; the fault needs the syntax) wraps %GeneratorPrototype%'s next,
// return and throw, through which every resumption goes (for-of, spread and the protocol look
// next up on the generator): when goja's own dies so, the generator is found delegating to an
// iterator without a next (read through reflect), the delegation is dropped as the spec's
// failed call drops it, and the TypeError is thrown into the generator with goja's own throw.
// The wrappers also bound how deep resumptions nest (a generator that yield*s a new one of
// itself): past the call depth limit they throw node's RangeError.
func (rt *Runtime) installYieldStarGuard() {
	rt.yieldStarGuarded = true
	vm := rt.vm
	fn, err := vm.RunString(`(function* () {})`)
	if err != nil {
		return
	}
	// %GeneratorPrototype% is the prototype of a generator function's prototype
	proto := fn.ToObject(vm).Get("prototype").ToObject(vm).Prototype()
	if proto == nil {
		return
	}
	throw, ok := goja.AssertFunction(proto.Get("throw"))
	if !ok {
		return
	}
	for _, name := range []string{"next", "return", "throw"} {
		orig, ok := goja.AssertFunction(proto.Get(name))
		if !ok {
			continue
		}
		g := modules.Func(vm, name, 1, func(call goja.FunctionCall) (ret goja.Value) {
			// a yield* of a generator resumes it from Go, without a JS call frame, so goja's
			// call depth limit never sees function* g() { yield* g(); } and the Go stack grew
			// until the process died; the resumptions nested here are counted instead
			if rt.generatorDepth >= rt.opts.MaxCallStackSize {
				throwRange(vm, "Maximum call stack size exceeded")
			}
			rt.generatorDepth++
			defer func() {
				rt.generatorDepth--
				if r := recover(); r != nil {
					inner, ok := r.(goruntime.Error)
					if !ok {
						panic(r)
					}
					next, ok := dropNextlessDelegate(call.This)
					if !ok {
						panic(inner)
					}
					ret = callThrowing(throw, call.This, vm.NewTypeError(notFunctionText(next)+" is not a function"))
				}
			}()
			return callThrowing(orig, call.This, call.Arguments...)
		})
		_ = proto.DefineDataProperty(name, g, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// dropNextlessDelegate: when gen is a goja generator delegating (yield*) to an iterator whose
// next goja could not call, it ends the delegation and returns what next was.
func dropNextlessDelegate(gen goja.Value) (goja.Value, bool) {
	o, ok := gen.(*goja.Object)
	if !ok {
		return nil, false
	}
	impl, ok := objectImpl(o)
	if !ok || impl.Type().String() != "*goja.generatorObject" {
		return nil, false
	}
	d := impl.Elem().FieldByName("delegated")
	if !d.IsValid() || d.Kind() != reflect.Pointer || d.IsNil() || d.Elem().Kind() != reflect.Struct {
		return nil, false
	}
	it, next := d.Elem().FieldByName("iterator"), d.Elem().FieldByName("next")
	if !it.IsValid() || it.Type() != reflect.TypeFor[*goja.Object]() || !next.IsValid() || next.Kind() != reflect.Func || !next.IsNil() {
		return nil, false
	}
	iter := *(**goja.Object)(unsafe.Pointer(it.UnsafeAddr()))
	reflect.NewAt(d.Type(), unsafe.Pointer(d.UnsafeAddr())).Elem().SetZero()
	if iter == nil {
		return goja.Undefined(), true
	}
	return iter.Get("next"), true
}

// hasYieldStar reports whether src may contain a yield* (yield, then spaces or a comment, then
// a star).
func hasYieldStar(src string) bool {
	for i := strings.Index(src, "yield"); i >= 0; {
		rest := strings.TrimLeft(src[i+5:], " \t\r\n")
		if strings.HasPrefix(rest, "*") || strings.HasPrefix(rest, "/*") {
			return true
		}
		j := strings.Index(src[i+5:], "yield")
		if j < 0 {
			return false
		}
		i += 5 + j
	}
	return false
}
