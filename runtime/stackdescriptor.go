package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// An error's stack is formatted when first read (errorstack.go): until then it is an accessor
// pair whose getter formats it and makes it the data property V8 has from the start. The
// functions that show a property's descriptor would show that accessor (and a copy of the
// descriptors, Object.defineProperties(o, Object.getOwnPropertyDescriptors(err)), a getter that
// finds no stack on o). They are replaced by ones that first format a pending stack they are
// asked about, so that they always show V8's data property: Object.getOwnPropertyDescriptor
// (which the __lookupGetter__ / __lookupSetter__ lookups use too, bootstrap.go),
// Object.getOwnPropertyDescriptors and Reflect.getOwnPropertyDescriptor; Object.freeze and
// Object.seal format the stack of an error they are given first. Everything else that reads a
// property (get, has, keys, spread, Object.assign) already sees a non-enumerable property with
// the stack as its value.

// installStackDescriptors replaces Object's descriptor readers (Reflect's is replaced when Reflect
// is made: patchReflectDescriptor). Loop only, at bootstrap, after installErrorStacks.
func (s *stackAPI) installStackDescriptors() {
	vm := s.rt.vm
	object, ok := vm.GlobalObject().Get("Object").(*goja.Object)
	if !ok {
		return
	}
	gopdV := object.Get("getOwnPropertyDescriptor")
	gopd, ok1 := goja.AssertFunction(gopdV)
	gopds, ok2 := goja.AssertFunction(object.Get("getOwnPropertyDescriptors"))
	if !ok1 || !ok2 {
		return
	}
	gopdFn, gopdsFn := goFunc(gopdV.(*goja.Object), gopd), goFunc(object.Get("getOwnPropertyDescriptors").(*goja.Object), gopds)
	s.pendingInit()
	s.rawGOPD = gopd
	s.rt.host.FormStackOnRead, s.rt.host.RawGOPD = s.formOnRead, gopdV
	_ = object.DefineDataProperty("getOwnPropertyDescriptor", modules.Func(vm, "getOwnPropertyDescriptor", 2, func(call goja.FunctionCall) goja.Value {
		return s.stackView(gopd, call.Argument(0), call.Argument(1), gopdFn(call))
	}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = object.DefineDataProperty("getOwnPropertyDescriptors", modules.Func(vm, "getOwnPropertyDescriptors", 1, func(call goja.FunctionCall) goja.Value {
		s.rt.makeProcessStubs(gopd, call.Argument(0))
		res := gopdsFn(call)
		if ro, ok := res.(*goja.Object); ok {
			if d, ok := ro.Get("stack").(*goja.Object); ok && s.isPendingStack(d) {
				_ = ro.Set("stack", s.stackView(gopd, call.Argument(0), vm.ToValue("stack"), d))
			}
		}
		return res
	}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	// (an error frozen or sealed keeps its stack as V8's: a data property, then no longer
	// writable, or configurable)
	for _, name := range []string{"freeze", "seal"} {
		origV, _ := object.Get(name).(*goja.Object)
		orig, ok := goja.AssertFunction(origV)
		if !ok {
			continue
		}
		origFn := goFunc(origV, orig)
		_ = object.DefineDataProperty(name, modules.Func(vm, name, 1, func(call goja.FunctionCall) goja.Value {
			if o, ok := call.Argument(0).(*goja.Object); ok && o.ClassName() == "Error" {
				if d := s.rt.ownStackDescriptor(o); d != nil && s.isPendingStack(d) {
					s.readStack(o)
				}
			}
			return origFn(call)
		}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	if r, ok := vm.GlobalObject().Get("Reflect").(*goja.Object); ok && (s.rt.lazy == nil || !s.rt.lazy.attached) {
		s.patchReflectDescriptor(r)
	}
}

// patchReflectDescriptor replaces Reflect.getOwnPropertyDescriptor (r is Reflect, just made).
func (s *stackAPI) patchReflectDescriptor(r *goja.Object) {
	if s.rawGOPD == nil {
		return
	}
	rgopdV, _ := r.Get("getOwnPropertyDescriptor").(*goja.Object)
	rgopd, ok := goja.AssertFunction(rgopdV)
	if !ok {
		return
	}
	rgopdFn := goFunc(rgopdV, rgopd)
	_ = r.DefineDataProperty("getOwnPropertyDescriptor", modules.Func(s.rt.vm, "getOwnPropertyDescriptor", 2, func(call goja.FunctionCall) goja.Value {
		return s.stackView(rgopd, call.Argument(0), call.Argument(1), rgopdFn(call))
	}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// isPendingStack reports whether d, a property descriptor, is the stack accessor.
func (s *stackAPI) isPendingStack(d *goja.Object) bool {
	g := d.Get("get")
	return g != nil && s.getter != nil && g.SameAs(s.getter)
}

// stackView is d, the descriptor gopd gave of o's own key, as V8 shows it: when d is a pending
// stack, the stack is formatted and d is the data property it now is.
func (s *stackAPI) stackView(gopd goja.Callable, o, key, d goja.Value) goja.Value {
	dobj, ok := d.(*goja.Object)
	if !ok || s.getter == nil {
		return d
	}
	if o == s.rt.process && s.rt.process != nil {
		if g, ok := dobj.Get("get").(*goja.Object); ok && s.rt.procStubs[g] && !s.rt.makingStubs {
			// a stand-in of process's: the member it stands for, made now, is node's data property
			s.rt.makeProcessStubs(gopd, o)
			return modules.CallThrowing(gopd, goja.Undefined(), o, key)
		}
		return d
	}
	if _, ok := key.(goja.String); !ok || key.String() != "stack" || !s.isPendingStack(dobj) {
		return d
	}
	obj, ok := o.(*goja.Object)
	if !ok {
		return d
	}
	// (a proxy without a getOwnPropertyDescriptor trap shows its target's)
	for i := 0; i < 64; i++ {
		p, ok := modules.ExportAs[goja.Proxy](obj)
		if !ok {
			break
		}
		obj = p.Target()
		if obj == nil {
			return d
		}
	}
	v := s.readStack(obj)
	nd := modules.CallThrowing(gopd, goja.Undefined(), o, key)
	if ndo, ok := nd.(*goja.Object); ok && !s.isPendingStack(ndo) {
		return nd
	}
	// (a frozen or sealed error keeps the accessor: its data property as V8 would have it)
	vm := s.rt.vm
	conf := dobj.Get("configurable")
	res := vm.NewObject()
	_ = res.Set("value", v)
	_ = res.Set("writable", conf)
	_ = res.Set("enumerable", dobj.Get("enumerable"))
	_ = res.Set("configurable", conf)
	return res
}

// formOnRead gives obj, whose stack is pending, form: the stack is form(stack) when formatted
// (internal/errors' formStackOnRead, with which the glue puts node's frames in a stack). False,
// doing nothing, when obj's stack is not pending.
func (s *stackAPI) formOnRead(obj *goja.Object, form goja.Callable) bool {
	d := s.rt.ownStackDescriptor(obj)
	if d == nil || !s.isPendingStack(d) {
		return false
	}
	p, ok := s.pendingOf(obj)
	if !ok {
		return false
	}
	if prev := p.form; prev != nil {
		p.form = func(this goja.Value, args ...goja.Value) (goja.Value, error) {
			v, err := prev(this, args...)
			if err != nil {
				return nil, err
			}
			return form(this, v)
		}
	} else {
		p.form = form
	}
	kept := false
	func() {
		defer func() { recover() }() // (an object that is not extensible)
		s.keepPending(obj, p)
		kept = true
	}()
	return kept
}

// goFunc is the engine's built-in fn (callable as f) as the Go function it is, called directly
// from the replacement that stands for it (sparing a call through the engine, and its frame);
// a call through f when it is not one.
func goFunc(fn *goja.Object, f goja.Callable) func(goja.FunctionCall) goja.Value {
	if fn != nil {
		if g, ok := modules.ExportAs[func(goja.FunctionCall) goja.Value](fn); ok && g != nil {
			return g
		}
	}
	return func(call goja.FunctionCall) goja.Value { return modules.CallThrowing(f, call.This, call.Arguments...) }
}

// makeProcessStubs makes the members process's stand-ins (processStub) stand for, when o is
// process, so that reflection on it shows node's data properties: each stand-in still in place
// is read once (its getter makes its member, and those made with it). gopd is goja's
// Object.getOwnPropertyDescriptor. Loop only.
func (rt *Runtime) makeProcessStubs(gopd goja.Callable, o goja.Value) {
	if rt.process == nil || o != rt.process || len(rt.procStubs) == 0 || rt.makingStubs {
		return // (the members' making may reflect on process itself: it sees the stand-ins)
	}
	rt.makingStubs = true
	defer func() { rt.makingStubs = false }()
	for _, name := range processKeys {
		d, ok := modules.CallThrowing(gopd, goja.Undefined(), o, rt.vm.ToValue(name)).(*goja.Object)
		if !ok {
			continue
		}
		if g, ok := d.Get("get").(*goja.Object); ok && rt.procStubs[g] {
			rt.process.Get(name)
		}
	}
}

// rawGOPD is the engine's Object.getOwnPropertyDescriptor (the global one before
// installStackDescriptors replaced it). Loop only.
func (rt *Runtime) rawGOPD() goja.Callable {
	if rt.stacks != nil && rt.stacks.rawGOPD != nil {
		return rt.stacks.rawGOPD
	}
	object := rt.vm.GlobalObject().Get("Object").(*goja.Object)
	f, _ := goja.AssertFunction(object.Get("getOwnPropertyDescriptor"))
	return f
}
