package runtime

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
)

// Lazy members: a built-in's exports object whose functions are made on first use.
//
// A built-in's glue made every function it exports when it loaded: require('fs') made about a
// hundred function objects (nine allocations and some 700 bytes each) that most programs never
// read. modules.Module.LazyExports (lazyexports.go in package modules) moves the exported
// functions that nothing else in the glue names into one maker, `function (name) { switch (name)
// { case 'open': return function open(...) {...}; ... } }`, leaves `open: void 0` in the
// exports literal to keep the property's place, and has the glue call members(exports, maker,
// names, key) right after the literal. members turns the exports object into one of goja's
// templated objects (what goja makes its own built-ins with, globaltemplate.go) whose template
// makes each of those properties, by calling the maker, the first time anything reads, defines,
// deletes or lists it with its value. Nothing a script can do tells the difference: the
// property is a plain data property in its place, with the same function (name, length, source
// text) as before.
//
// The template is made once per process per key; its factories find the runtime through the
// global object's template (lazyOwnerOf) and the maker in rt.lazyMakers. Without goja's layout
// (or the global template), members makes every function at once, as before.

var lazyMembersModule = modules.Module{Name: "internal/lazy_members", Internal: true, Bind: bindLazyMembers}

func bindLazyMembers(h *modules.Host, b *goja.Object) error {
	rt := h.State(runtimeStateKey, func() any { return (*Runtime)(nil) }).(*Runtime)
	if err := b.Set("members", func(c goja.FunctionCall) goja.Value {
		obj, _ := c.Argument(0).(*goja.Object)
		maker, ok := goja.AssertFunction(c.Argument(1))
		key := c.Argument(3).String()
		// the names: an array, or undefined for those stored for key when the glue was
		// rewritten (no array made in each runtime)
		var names []string
		if arr, isObj := c.Argument(2).(*goja.Object); isObj {
			names = make([]string, int(arr.Get("length").ToInteger()))
			for i := range names {
				names[i] = arr.Get(strconv.Itoa(i)).String()
			}
		} else {
			names = modules.LazyMemberNames(key)
		}
		if obj == nil || !ok || names == nil {
			panic(rt.vm.NewTypeError("members: bad arguments"))
		}
		rt.lazyMembers(obj, key, maker, names)
		return goja.Undefined()
	}); err != nil {
		return err
	}
	// protos(maker, key, obj, name, key, obj, name, ...): each obj[name] (undefined) becomes a
	// lazy member of key's template
	var makerVal goja.Value
	var maker goja.Callable
	return b.Set("protos", func(c goja.FunctionCall) goja.Value {
		if m := c.Argument(0); m != makerVal {
			// (a module's batches all give its one maker: it is made callable once)
			fn, ok := goja.AssertFunction(m)
			if !ok {
				panic(rt.vm.NewTypeError("protos: bad arguments"))
			}
			makerVal, maker = m, fn
		}
		args := c.Arguments[1:]
		for i := 0; i+2 < len(args); i += 3 {
			obj, _ := args[i+1].(*goja.Object)
			if obj == nil {
				panic(rt.vm.NewTypeError("protos: bad arguments"))
			}
			rt.lazyProto(obj, args[i].String(), maker, args[i+2].String())
		}
		return goja.Undefined()
	})
}

// eagerMembersForTest makes lazyMembers make every member at once, as without the layout.
var eagerMembersForTest bool

// membersTemplate is the template of key's objects: a factory per lazy member.
type membersTemplate struct {
	names []string
	tmpl  unsafe.Pointer
	keep  reflect.Value          // (holds tmpl)
	seen  atomic.Pointer[string] // the data of the names slice last found equal to names
}

var membersTemplates sync.Map // key -> *membersTemplate

// lazyMembers makes obj's properties names (each holding undefined) lazy members made by maker.
func (rt *Runtime) lazyMembers(obj *goja.Object, key string, maker goja.Callable, names []string) {
	lay := globalTemplate()
	if rt.lazy != nil && rt.lazy.attached && lay.canTemplatize() && !eagerMembersForTest {
		if t := membersTemplateFor(lay, key, names); t != nil && lay.templatize(obj, t.tmpl, names) {
			if rt.lazyMakers == nil {
				rt.lazyMakers = map[string]goja.Callable{}
			}
			rt.lazyMakers[key] = maker
			if rt.lazyExports == nil {
				rt.lazyExports = map[*goja.Object]string{}
			}
			rt.lazyExports[obj] = key
			return
		}
	}
	// eager: every member now, in its place
	for _, name := range names {
		v, err := maker(goja.Undefined(), rt.vm.ToValue(name))
		if err != nil {
			panic(err)
		}
		if err := obj.Set(name, v); err != nil {
			panic(err)
		}
	}
}

// membersTemplateFor is key's template, made on first use; nil if names are not those it was
// made for.
func membersTemplateFor(lay *globalTemplateLayout, key string, names []string) *membersTemplate {
	if v, ok := membersTemplates.Load(key); ok {
		t := v.(*membersTemplate)
		// (called for each lazy member of each object: LazyMemberNames gives the same slice
		// each time, compared once)
		if p := unsafe.SliceData(names); len(names) != len(t.names) || p == nil || t.seen.Load() != p {
			if !slices.Equal(t.names, names) {
				return nil
			}
			t.seen.Store(p)
		}
		return t
	}
	module, prefix := lazyKeyParts(key)
	add := make(map[string]globalTemplateFactory, len(names))
	for _, name := range names {
		label := prefix + name
		add[name] = func(r *goja.Runtime) goja.Value {
			l := lazyOwnerOf(lay, r)
			if l == nil {
				return nil
			}
			mk := l.rt.lazyMakers[module]
			if mk == nil {
				return nil
			}
			v, err := mk(goja.Undefined(), r.ToValue(label))
			if err != nil {
				panic(err)
			}
			if w := l.rt.lazyFirst[key]; w != nil {
				if first, waits := w[name]; waits && first == nil {
					w[name] = v
				}
			}
			if prefix != "" && len(l.rt.loading) == 0 && l.rt.loader != nil {
				// (not while the runtime starts or a built-in loads: a glue's own reads and
				// assignments through the prototype chain are not a use)
				l.rt.lazyMemberUsed(key)
			}
			return v
		}
	}
	tv := lay.newTemplate(add)
	t := &membersTemplate{names: append([]string(nil), names...), tmpl: tv.Addr().UnsafePointer(), keep: tv}
	v, _ := membersTemplates.LoadOrStore(key, t)
	return v.(*membersTemplate)
}

// lazyKeyParts splits a lazy members key, "module" or "module:Obj" (a prototype's), into the
// module (whose maker makes the members) and the prefix of the names the maker is given ("Obj."
// or "").
func lazyKeyParts(key string) (module, prefix string) {
	module, obj, ok := strings.Cut(key, ":")
	if ok {
		prefix = obj + "."
	}
	return module, prefix
}

// newTemplate makes a template (once per process) of the factories in add alone.
func (l *globalTemplateLayout) newTemplate(add map[string]globalTemplateFactory) reflect.Value {
	t := reflect.New(l.tmplType)
	props := reflect.MakeMapWithSize(l.propsType, len(add))
	for name, f := range add {
		props.SetMapIndex(reflect.ValueOf(unistring.String(name)), reflect.ValueOf(f).Convert(l.propsType.Elem()))
	}
	reflect.NewAt(l.propsType, unsafe.Add(t.UnsafePointer(), l.propsOff)).Elem().Set(props)
	return t.Elem()
}

// canTemplatize reports whether templatize can work with this goja.
func (l *globalTemplateLayout) canTemplatize() bool { return l.ok && l.tmplObjType != nil }

// templatize turns obj, a plain object whose own properties names all hold undefined, into a
// templated object of tmpl that has the same prototype, extensibility and properties, in the
// same order, but names made by tmpl's factories on first use. It reports false, changing
// nothing, when obj is not such an object.
func (l *globalTemplateLayout) templatize(obj *goja.Object, tmpl unsafe.Pointer, names []string) bool {
	s := l.self(obj)
	if s.tab != l.baseTab {
		return false
	}
	values := *(*map[unistring.String]goja.Value)(unsafe.Add(s.data, l.valuesOff))
	for _, n := range names {
		if v, ok := values[unistring.String(n)]; !ok || v == nil || !goja.IsUndefined(v) {
			return false
		}
	}
	nv := reflect.New(l.tmplObjType)
	p := nv.UnsafePointer()
	reflect.NewAt(l.baseObjType, unsafe.Add(p, l.baseInTmplOff)).Elem().Set(reflect.NewAt(l.baseObjType, s.data).Elem())
	for _, n := range names {
		delete(values, unistring.String(n))
	}
	*(*unsafe.Pointer)(unsafe.Add(p, l.tmplOff)) = tmpl
	*(*bool)(unsafe.Add(p, l.protoMatOff)) = true
	self := (*ifacePair)(unsafe.Add(unsafe.Pointer(obj), l.selfOff))
	self.data = p
	self.tab = l.tmplTab
	return true
}

// lazyProto makes obj[name] (undefined) a lazy member of obj, made by maker: obj becomes a
// templated object of key's template at the first such name, whose other names, until set, are
// not obj's (white holes); the later ones join it.
func (rt *Runtime) lazyProto(obj *goja.Object, key string, maker goja.Callable, name string) {
	lay := globalTemplate()
	module, prefix := lazyKeyParts(key)
	if rt.lazy != nil && rt.lazy.attached && lay.canTemplatize() && !eagerMembersForTest {
		if names := modules.LazyMemberNames(key); names != nil {
			if t := membersTemplateFor(lay, key, names); t != nil && lay.lazifyOne(obj, t.tmpl, names, name) {
				if rt.lazyMakers == nil {
					rt.lazyMakers = map[string]goja.Callable{}
					rt.lazyProtos = map[string][]*goja.Object{}
				}
				rt.lazyMakers[module] = maker
				if objs := rt.lazyProtos[key]; len(objs) == 0 || objs[len(objs)-1] != obj {
					rt.lazyProtos[key] = append(objs, obj)
				}
				return
			}
		}
	}
	v, err := maker(goja.Undefined(), rt.vm.ToValue(prefix+name))
	if err != nil {
		panic(err)
	}
	if err := obj.Set(name, v); err != nil {
		panic(err)
	}
}

// lazifyOne makes obj's own property name (undefined) one that tmpl makes: obj, a plain object,
// becomes a templated object of tmpl (its names other than its own properties white holes), or
// obj is one already. It reports false, changing nothing, otherwise.
func (l *globalTemplateLayout) lazifyOne(obj *goja.Object, tmpl unsafe.Pointer, names []string, name string) bool {
	s := l.self(obj)
	switch {
	case s.tab == l.baseTab:
		if !l.templatize(obj, tmpl, []string{name}) {
			return false
		}
		values := *(*map[unistring.String]goja.Value)(unsafe.Add(l.self(obj).data, l.baseInTmplOff+l.valuesOff))
		for _, n := range names {
			if _, ok := values[unistring.String(n)]; !ok && n != name {
				values[unistring.String(n)] = nil
			}
		}
		return true
	case s.tab == l.tmplTab && *(*unsafe.Pointer)(unsafe.Add(s.data, l.tmplOff)) == tmpl:
		values := *(*map[unistring.String]goja.Value)(unsafe.Add(s.data, l.baseInTmplOff+l.valuesOff))
		if v, ok := values[unistring.String(name)]; !ok || v == nil || !goja.IsUndefined(v) {
			return false
		}
		delete(values, unistring.String(name))
		return true
	}
	return false
}

// A prototype stays a templated object only until one of its lazy members is first made after
// the built-ins loaded: a templated object costs a second map lookup for every name looked up
// through it that it does not have (a response's emit passes through two http prototypes), and
// Go's fast property reads (modules.GetKey) stop at it, so the next settled checkpoint makes the
// prototype's other lazy members and turns it back into a plain object.

// lazyMemberUsed notes that a lazy member of key's objects was made. Loop only.
func (rt *Runtime) lazyMemberUsed(key string) {
	for _, k := range rt.lazyUsed {
		if k == key {
			return
		}
	}
	rt.lazyUsed = append(rt.lazyUsed, key)
}

// settleLazyMembers turns the objects of the keys lazyMemberUsed noted back into plain objects,
// every member made. The loop calls it after each checkpoint that left nothing to run, with no
// JS on the stack.
func (rt *Runtime) settleLazyMembers() {
	if len(rt.lazyUsed) == 0 {
		return
	}
	used := rt.lazyUsed
	rt.lazyUsed = nil
	for _, key := range used {
		v, ok := membersTemplates.Load(key)
		if !ok {
			continue
		}
		t := v.(*membersTemplate)
		for _, obj := range rt.lazyProtos[key] {
			rt.plainAgain(obj, key, t)
		}
		delete(rt.lazyProtos, key)
	}
}

// plainAgain makes every lazy member of obj (a templated object of t) and makes obj a plain
// object again, with the same properties in the same order.
func (rt *Runtime) plainAgain(obj *goja.Object, key string, t *membersTemplate) {
	lay := globalTemplate()
	s := lay.self(obj)
	if s.tab != lay.tmplTab || *(*unsafe.Pointer)(unsafe.Add(s.data, lay.tmplOff)) != t.tmpl {
		return
	}
	module, prefix := lazyKeyParts(key)
	mk := rt.lazyMakers[module]
	if mk == nil {
		return
	}
	values := *(*map[unistring.String]goja.Value)(unsafe.Add(s.data, lay.baseInTmplOff+lay.valuesOff))
	for _, n := range t.names {
		v, ok := values[unistring.String(n)]
		switch {
		case !ok: // (a member not made yet: it is in the names already)
			fn, err := mk(goja.Undefined(), rt.vm.ToValue(prefix+n))
			if err != nil {
				return
			}
			values[unistring.String(n)] = fn
		case v == nil: // (a white hole: not a property)
			delete(values, unistring.String(n))
		}
	}
	nb := reflect.New(lay.baseObjType)
	nb.Elem().Set(reflect.NewAt(lay.baseObjType, unsafe.Add(s.data, lay.baseInTmplOff)).Elem())
	self := (*ifacePair)(unsafe.Add(unsafe.Pointer(obj), lay.selfOff))
	self.data = nb.UnsafePointer()
	self.tab = lay.baseTab
}

// A built-in's ES module namespace binds the values its exports had when it was made (until
// module.syncBuiltinESMExports()), but reading each export to take that snapshot would make
// every lazy member of the module (importing gzipSync made all of zlib). A lazy member not made
// yet still holds the value its maker will give, and anything that changes or deletes it makes
// it first, so the namespace takes such a member when it is first read: the first value it
// was made with (lazyFirst), which is that snapshot.

// lazyPendingBinding adds lazyPending(exports), the names of the lazy members of a built-in's
// exports object not made yet (undefined for another object), whose first values are kept from
// then on, and lazyFirst(exports, name), the first value of one of those (making it now if
// nothing has). Loop only.
func (rt *Runtime) lazyPendingBinding(lz *modules.LazyFuncs) {
	vm := rt.vm
	lz.Set("lazyPending", func(obj *goja.Object) goja.Value {
		key, ok := rt.lazyExports[obj]
		if !ok {
			return goja.Undefined()
		}
		lay := globalTemplate()
		v, ok := membersTemplates.Load(key)
		if !ok {
			return goja.Undefined()
		}
		t := v.(*membersTemplate)
		s := lay.self(obj)
		if s.tab != lay.tmplTab || *(*unsafe.Pointer)(unsafe.Add(s.data, lay.tmplOff)) != t.tmpl {
			return goja.Undefined()
		}
		values := *(*map[unistring.String]goja.Value)(unsafe.Add(s.data, lay.baseInTmplOff+lay.valuesOff))
		if rt.lazyFirst == nil {
			rt.lazyFirst = map[string]map[string]goja.Value{}
		}
		w := rt.lazyFirst[key]
		if w == nil {
			w = map[string]goja.Value{}
			rt.lazyFirst[key] = w
		}
		var pending []any
		for _, n := range t.names {
			if _, made := values[unistring.String(n)]; made {
				continue
			}
			if _, waits := w[n]; !waits {
				w[n] = nil
			}
			pending = append(pending, n)
		}
		return vm.NewArray(pending...)
	})
	lz.Set("lazyFirst", func(obj *goja.Object, name string) goja.Value {
		if v := rt.lazyFirst[rt.lazyExports[obj]][name]; v != nil {
			return v
		}
		return obj.Get(name)
	})
}
