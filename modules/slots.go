package modules

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
)

// SlotLayout names the fixed fields of a SlotObject: Names[i] is the key of slot i (slots come
// first among the object's string keys, in this order) and Index returns the slot of a key, or -1.
type SlotLayout struct {
	Names []string
	Index func(key string) int
	// Own (nil: every slot) tells which slots are own properties of the Proxy form. The others
	// are not: the module serves those it shows through accessors of the visible prototype
	// (SlotProtos.DefineAccessors, as node's stream states keep their flags behind accessors of
	// the prototype); the rest are its own business (read and written from its glue, present to
	// no key listing, `in` or descriptor).
	Own []bool
	// BeforeOwnKeys (nil: none) is called with the owner, the object (its Proxy) and the Proxy
	// form's target before the
	// object's keys are listed (Reflect.ownKeys, getOwnPropertySymbols, a spread): it may define
	// properties on the target, such as the symbol-keyed ones no program can name before it has
	// listed them (node's own symbols of its stream states), made then rather than per object.
	BeforeOwnKeys func(owner any, self, target *goja.Object)
}

func (l *SlotLayout) own(i int) bool { return l.Own == nil || l.Own[i] }

// SlotObject is the Go side of an object whose fields the Go side of a module reads and writes on
// hot paths: the fields of its layout live in Slots, which the owner points at an array of its own
// and indexes directly, with no property lookup; a nil slot is not an own property (a read then
// finds the prototype's value). The owner embeds it. Loop only.
//
// NewOrdinarySlotted makes its JS object: a Proxy over an ordinary target object that holds
// everything but the slots (other string keys, symbols, index keys), so the object takes every
// property, descriptor and accessor an ordinary object takes. The Proxy has no get or set trap
// (goja boxes the key of every trapped get and set into an interface: an allocation per property
// access): the target's prototype is a hidden object of the layout's (SlotProtos) whose accessor
// for each slot key reads or writes the slot of the receiver, and whose prototype is the visible
// one, which the getPrototypeOf trap reports. So a read or write of a slot key from JS is two
// property lookups and a Go call, with no allocation for a read and one for a write (goja's
// argument list to the setter). Whatever the slots cannot hold (a slot key defined as an accessor, read-only, hidden or
// fixed; Object.preventExtensions, seal and freeze) moves the slot values into the target first,
// in slot order, and the object is ordinary from then on: SlotOwner no longer finds the owner, so
// its Go fast paths leave the object to the JS ones. SlotOwner finds the owner of a live one.
//
// As a goja.DynamicObject (NewSlotted, or vm.NewDynamicObject), the object keeps any other string
// key beside the slots, in insertion order, and refuses symbols and accessors as every dynamic
// object does.
type SlotObject struct {
	Layout *SlotLayout
	Slots  []goja.Value
	props  map[string]goja.Value
	keys   []string // props' keys in insertion order

	// The Proxy form (NewOrdinarySlotted):
	traps  goja.ProxyTrapConfig
	bound  [8]boundMethod // the traps' method values (setTraps)
	owner  any
	vm     *goja.Runtime
	self   *goja.Object // the proxy
	target *goja.Object // every property but the live slots
	proto  *goja.Object // the visible prototype (the target's is the layout's hidden one while plain)
	rf     *reflectFns
	plain  bool // the slots are live (no slow mode yet)
}

func (o *SlotObject) slotObject() *SlotObject { return o }

type slotted interface{ slotObject() *SlotObject }

func (o *SlotObject) Get(key string) goja.Value {
	if i := o.Layout.Index(key); i >= 0 {
		return o.Slots[i]
	}
	return o.props[key]
}

func (o *SlotObject) Set(key string, v goja.Value) bool {
	if v == nil {
		v = goja.Undefined()
	}
	if i := o.Layout.Index(key); i >= 0 {
		o.Slots[i] = v
		return true
	}
	if o.props == nil {
		o.props = make(map[string]goja.Value)
	}
	if _, ok := o.props[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.props[key] = v
	return true
}

func (o *SlotObject) Has(key string) bool {
	if i := o.Layout.Index(key); i >= 0 {
		return o.Slots[i] != nil
	}
	_, ok := o.props[key]
	return ok
}

func (o *SlotObject) Delete(key string) bool {
	if i := o.Layout.Index(key); i >= 0 {
		o.Slots[i] = nil
		return true
	}
	if _, ok := o.props[key]; !ok {
		return true
	}
	delete(o.props, key)
	for i, k := range o.keys {
		if k == key {
			o.keys = append(o.keys[:i], o.keys[i+1:]...)
			break
		}
	}
	return true
}

func (o *SlotObject) Keys() []string {
	keys := make([]string, 0, len(o.Slots)+len(o.keys))
	for i, v := range o.Slots {
		if v != nil {
			keys = append(keys, o.Layout.Names[i])
		}
	}
	return append(keys, o.keys...)
}

// NewSlotted makes the object of d (an owner embedding SlotObject, whose Layout and Slots are set)
// with prototype proto when proto is an object, as a goja dynamic object: the cheapest form for
// JS to read and write, for an object no code outside its module reaches (it refuses symbol
// keys, accessors and freezing). An object user code can reach (a stream's state) is made with
// NewOrdinarySlotted.
func NewSlotted(vm *goja.Runtime, d goja.DynamicObject, proto goja.Value) *goja.Object {
	o := vm.NewDynamicObject(d)
	if p, ok := proto.(*goja.Object); ok {
		o.SetPrototype(p)
	}
	return o
}

// NewOrdinarySlotted is NewSlotted for an object that must behave as an ordinary object (any key,
// descriptor, accessor, freezing): a Proxy over an ordinary target whose prototype is sp's hidden
// prototype for proto (see SlotObject). sp is the per-runtime SlotProtos of d's layout (nil: one
// made for this object alone, for tests).
func NewOrdinarySlotted(vm *goja.Runtime, d goja.DynamicObject, proto goja.Value, sp *SlotProtos) *goja.Object {
	s, ok := d.(slotted)
	if !ok || !proxyLayout().ok {
		o := vm.NewDynamicObject(d)
		if p, ok := proto.(*goja.Object); ok {
			o.SetPrototype(p)
		}
		return o
	}
	so := s.slotObject()
	if sp == nil {
		sp = NewSlotProtos(vm, so.Layout)
	}
	so.owner, so.vm, so.plain = d, vm, true
	so.proto, _ = proto.(*goja.Object)
	so.target = vm.NewObject()
	so.target.SetPrototype(sp.hidden(so.proto))
	so.setTraps()
	so.self = vm.ToValue(vm.NewProxy(so.target, &so.traps)).(*goja.Object)
	return so.self
}

// SlotProtos are, for one layout in one runtime, the hidden prototypes of the Proxy form's
// targets (one per visible prototype, each with an accessor per slot key that reads or writes
// the receiver's slot), and the accessors' functions, which they share. Loop only.
type SlotProtos struct {
	layout   *SlotLayout
	vm       *goja.Runtime
	get, set []goja.Value
	last     *goja.Object // the visible prototype hidden() was last asked about, and its hidden one
	lastH    *goja.Object
	byProto  map[*goja.Object]*goja.Object
	// Foreign, if set, is what the getter of slot i gives a receiver that is none of the
	// layout's objects (a prototype's accessor called on another object); else undefined.
	Foreign func(i int, this goja.Value) goja.Value
}

// NewSlotProtos makes the SlotProtos of layout for vm (made once per runtime by the module that
// owns the layout, and given to each NewOrdinarySlotted).
func NewSlotProtos(vm *goja.Runtime, layout *SlotLayout) *SlotProtos {
	sp := &SlotProtos{layout: layout, vm: vm}
	sp.get = make([]goja.Value, len(layout.Names))
	sp.set = make([]goja.Value, len(layout.Names))
	for i, name := range layout.Names {
		// (named as accessors an object literal defines: get, and set of one argument)
		sp.get[i] = Func(vm, "get", 0, sp.getter(i, name))
		sp.set[i] = Func(vm, "set", 1, sp.setter(i, name))
	}
	return sp
}

// hidden is the hidden prototype for visible prototype proto (nil: none).
func (sp *SlotProtos) hidden(proto *goja.Object) *goja.Object {
	if proto == sp.last && sp.lastH != nil {
		return sp.lastH
	}
	h := sp.byProto[proto]
	if h == nil {
		h = sp.vm.NewObject()
		h.SetPrototype(proto)
		for i, name := range sp.layout.Names {
			_ = h.DefineAccessorProperty(name, sp.get[i], sp.set[i], goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
		if sp.byProto == nil {
			sp.byProto = make(map[*goja.Object]*goja.Object)
		}
		sp.byProto[proto] = h
	}
	sp.last, sp.lastH = proto, h
	return h
}

// DefineAccessors defines on proto (a visible prototype of the layout's objects), in order, an
// accessor for each of names that is a slot: not enumerable, not configurable, reading and
// writing the receiver's slot (for the slots that are not own, which node keeps behind its
// prototype's accessors).
func (sp *SlotProtos) DefineAccessors(proto *goja.Object, names []string) {
	for _, name := range names {
		if i := sp.layout.Index(name); i >= 0 {
			_ = proto.DefineAccessorProperty(name, sp.get[i], sp.set[i], goja.FLAG_FALSE, goja.FLAG_FALSE)
		}
	}
}

// holder is the SlotObject of sp's layout whose slot an accessor called with receiver this
// stands for: this itself, else the first found through the proxies this wraps (a program's
// Proxy of a state, whose reads reach the state with the program's proxy as the receiver) and
// this's prototype chain (an object made with Object.create(state)). nil for a receiver that is
// none of these (Reflect.get(state, key, other): the getter cannot know the state).
func (sp *SlotProtos) holder(this goja.Value) *SlotObject {
	l := proxyLayout()
	if so := slotsOf(l, this); so != nil && so.Layout == sp.layout {
		return so
	}
	o, _ := this.(*goja.Object)
	for n := 0; o != nil && n < 1000; n++ {
		if so := slotsOf(l, o); so != nil && so.Layout == sp.layout {
			return so
		}
		if (*(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))).tab == l.proxyTab {
			if p, ok := ExportAs[goja.Proxy](o); ok && p.Target() != nil {
				o = p.Target()
				continue
			}
		}
		o = o.Prototype()
	}
	return nil
}

func (sp *SlotProtos) getter(i int, name string) func(goja.FunctionCall) goja.Value {
	return func(c goja.FunctionCall) goja.Value {
		so := sp.holder(c.This)
		if so == nil {
			if sp.Foreign != nil {
				return sp.Foreign(i, c.This)
			}
			return goja.Undefined()
		}
		if v := so.Slots[i]; v != nil {
			return v
		}
		// a deleted slot: what the visible prototype has (a slot that is not own is never
		// deleted: the prototype's may be this very accessor)
		if so.proto == nil || !so.Layout.own(i) {
			return goja.Undefined()
		}
		return so.call(so.reflect().get, so.proto, sp.vm.ToValue(name), c.This)
	}
}

func (sp *SlotProtos) setter(i int, name string) func(goja.FunctionCall) goja.Value {
	return func(c goja.FunctionCall) goja.Value {
		v := c.Argument(0)
		if so := slotsOf(proxyLayout(), c.This); so != nil && so.Layout == sp.layout {
			so.Slots[i] = v
			return goja.Undefined()
		}
		// An object inheriting from a state: as for an inherited data property, the value
		// becomes the receiver's own.
		if o, ok := c.This.(*goja.Object); ok {
			if err := o.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	}
}

// boundMethod is the memory a method value (o.has) points at: the code of the method's
// wrapper and the receiver. A SlotObject holds its traps' in itself (bound), so that making
// the object's Proxy allocates no closure per trap (eight, for every stream state).
type boundMethod struct {
	code uintptr
	recv *SlotObject
}

// trapCode are the wrapper code words of SlotObject's trap method values, read from method values
// of a probe (ok false if a method value's memory is not a boundMethod: then setTraps makes
// plain method values).
var trapCode = sync.OnceValue(func() (c struct {
	ok                                                                    bool
	getProto, setProto, has, del, define, getOwnDesc, ownKeys, preventExt uintptr
}) {
	probe := &SlotObject{}
	code := func(fv unsafe.Pointer) uintptr {
		m := (*boundMethod)(*(*unsafe.Pointer)(fv))
		if m.recv != probe {
			return 0
		}
		return m.code
	}
	f1, f2, f3, f4, f5, f6, f7, f8 := probe.getPrototypeOf, probe.setPrototypeOf, probe.has,
		probe.deleteProperty, probe.defineProperty, probe.getOwnPropertyDescriptor, probe.ownKeys, probe.preventExtensions
	c.getProto, c.setProto, c.has = code(unsafe.Pointer(&f1)), code(unsafe.Pointer(&f2)), code(unsafe.Pointer(&f3))
	c.del, c.define, c.getOwnDesc = code(unsafe.Pointer(&f4)), code(unsafe.Pointer(&f5)), code(unsafe.Pointer(&f6))
	c.ownKeys, c.preventExt = code(unsafe.Pointer(&f7)), code(unsafe.Pointer(&f8))
	c.ok = c.getProto != 0 && c.setProto != 0 && c.has != 0 && c.del != 0 && c.define != 0 &&
		c.getOwnDesc != 0 && c.ownKeys != 0 && c.preventExt != 0
	if c.ok {
		// The mechanism end to end: a bound has of another object reads that object's slot.
		po := newProbeOwner()
		po.v[0] = goja.Null()
		po.plain = true
		var has func(*goja.Object, string) bool
		bindMethod(&has, &po.bound[2], c.has, &po.SlotObject)
		c.ok = has(nil, "x")
	}
	return
})

// bindMethod makes *fn the method value of code (a trapCode word) with receiver o, kept in b.
func bindMethod[F any](fn *F, b *boundMethod, code uintptr, o *SlotObject) {
	b.code, b.recv = code, o
	*(*unsafe.Pointer)(unsafe.Pointer(fn)) = unsafe.Pointer(b)
}

// setTraps fills o.traps with its trap methods, bound to o.
func (o *SlotObject) setTraps() {
	c := trapCode()
	if !c.ok {
		o.traps = goja.ProxyTrapConfig{
			GetPrototypeOf:           o.getPrototypeOf,
			SetPrototypeOf:           o.setPrototypeOf,
			Has:                      o.has,
			DeleteProperty:           o.deleteProperty,
			DefineProperty:           o.defineProperty,
			GetOwnPropertyDescriptor: o.getOwnPropertyDescriptor,
			OwnKeys:                  o.ownKeys,
			PreventExtensions:        o.preventExtensions,
		}
		return
	}
	t, b := &o.traps, &o.bound
	bindMethod(&t.GetPrototypeOf, &b[0], c.getProto, o)
	bindMethod(&t.SetPrototypeOf, &b[1], c.setProto, o)
	bindMethod(&t.Has, &b[2], c.has, o)
	bindMethod(&t.DeleteProperty, &b[3], c.del, o)
	bindMethod(&t.DefineProperty, &b[4], c.define, o)
	bindMethod(&t.GetOwnPropertyDescriptor, &b[5], c.getOwnDesc, o)
	bindMethod(&t.OwnKeys, &b[6], c.ownKeys, o)
	bindMethod(&t.PreventExtensions, &b[7], c.preventExt, o)
}

// SlotOwner is the owner (the DynamicObject given to NewOrdinarySlotted) of v when v is such an
// object whose slots are live, or of a dynamic object over a SlotObject (NewSlotted); otherwise nil. It reads
// goja's proxy through its unexported fields (probed once; nil for every proxy if goja's layout
// changed, which sends the modules to their JS paths).
func SlotOwner(v goja.Value) any {
	if r := slotOwner(proxyLayout(), v); r != plainNo {
		return r
	}
	return nil
}

func slotOwner(l *proxyLayoutT, v goja.Value) any {
	o, ok := v.(*goja.Object)
	if !ok || o == nil {
		return nil
	}
	if !l.ok {
		if s, ok := ExportAs[slotted](o); ok {
			return s
		}
		return nil
	}
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
	if self.tab == l.dynamicTab {
		if s, ok := (*(*goja.DynamicObject)(unsafe.Add(self.data, l.dynDOff))).(slotted); ok {
			return s
		}
		return nil
	}
	so := slotsOf(l, o)
	if so == nil {
		return nil
	}
	if !so.plain {
		return plainNo
	}
	return so.owner
}

// slotsOf is the SlotObject of o when o is a NewOrdinarySlotted object, live or gone ordinary
// (whose slots that are not own stay in Go), else nil: slotOwner's test, for the accessors of
// SlotProtos. (An own slot's accessor is on the hidden prototype only, which an object gone
// ordinary no longer has.)
func slotsOf(l *proxyLayoutT, v goja.Value) *SlotObject {
	o, ok := v.(*goja.Object)
	if !ok || o == nil || !l.ok {
		return nil
	}
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
	if self.tab != l.proxyTab {
		return nil
	}
	h := *(*ifaceWords)(unsafe.Add(self.data, l.handlerOff))
	if h.tab != l.nativeTab {
		return nil
	}
	cfg := *(*unsafe.Pointer)(unsafe.Add(h.data, l.cfgOff))
	if cfg == nil {
		return nil
	}
	// Ours only when its GetPrototypeOf trap is SlotObject.getPrototypeOf's method value: then
	// cfg is the traps field of a SlotObject.
	get := *(*unsafe.Pointer)(unsafe.Add(cfg, l.getOff))
	if get == nil || *(*uintptr)(get) != l.getPC {
		return nil
	}
	so := (*SlotObject)(unsafe.Add(cfg, -l.trapsOff))
	if so.self != o {
		return nil
	}
	return so
}

// SlotOwnerAll is SlotOwner also for a NewOrdinarySlotted object that has gone ordinary: for the Go-held
// fields of the owner that are not slots (kept in Go for the object's whole life).
func SlotOwnerAll(v goja.Value) any {
	r := slotOwner(proxyLayout(), v)
	if r == plainNo {
		return slotsOf(proxyLayout(), v).owner
	}
	return r
}

// plainNo is slotOwner's answer for a NewOrdinarySlotted object that has gone ordinary.
var plainNo = new(int)

// IsSlotted reports whether v is a NewOrdinarySlotted object (live or gone ordinary): a Proxy inside,
// which util shows and types as the ordinary object it stands for.
func IsSlotted(v goja.Value) bool {
	if !proxyLayout().ok {
		return false
	}
	return slotOwner(proxyLayout(), v) != nil
}

type ifaceWords struct{ tab, data unsafe.Pointer }

type proxyLayoutT struct {
	ok                       bool
	selfOff, handlerOff      uintptr
	cfgOff, getOff, trapsOff uintptr
	proxyTab, nativeTab      unsafe.Pointer
	dynamicTab               unsafe.Pointer
	dynDOff                  uintptr // dynamicObject.d
	dynArrayTab              unsafe.Pointer
	dynArrayAOff             uintptr // dynamicArray.a
	getPC                    uintptr
}

// DynamicOf is the goja.DynamicObject of v when v is a plain dynamic object (vm.NewDynamicObject),
// else nil: o.Export() without its allocations. Loop only.
func DynamicOf(v goja.Value) goja.DynamicObject {
	o, ok := v.(*goja.Object)
	if !ok || o == nil {
		return nil
	}
	l := proxyLayout()
	if !l.ok {
		d, _ := ExportAs[goja.DynamicObject](o)
		return d
	}
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
	if self.tab != l.dynamicTab {
		return nil
	}
	return *(*goja.DynamicObject)(unsafe.Add(self.data, l.dynDOff))
}

// DynamicArrayOf is the goja.DynamicArray of v when v is a dynamic array (vm.NewDynamicArray),
// else nil: o.Export() without its allocations. Loop only.
func DynamicArrayOf(v goja.Value) goja.DynamicArray { return dynamicArrayOf(proxyLayout(), v) }

func dynamicArrayOf(l *proxyLayoutT, v goja.Value) goja.DynamicArray {
	o, ok := v.(*goja.Object)
	if !ok || o == nil {
		return nil
	}
	if !l.ok {
		a, _ := ExportAs[goja.DynamicArray](o)
		return a
	}
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
	if self.tab != l.dynArrayTab || l.dynArrayTab == nil {
		return nil
	}
	return *(*goja.DynamicArray)(unsafe.Add(self.data, l.dynArrayAOff))
}

var (
	proxyLayoutOnce sync.Once
	proxyLayoutV    proxyLayoutT
)

func proxyLayout() *proxyLayoutT {
	proxyLayoutOnce.Do(func() { proxyLayoutV = probeProxyLayout() })
	return &proxyLayoutV
}

type probeOwner struct {
	SlotObject
	v [1]goja.Value
}

// newProbeOwner is an owner with one slot, "x".
func newProbeOwner() *probeOwner {
	po := &probeOwner{}
	po.SlotObject = SlotObject{Layout: &SlotLayout{Names: []string{"x"}, Index: func(k string) int {
		if k == "x" {
			return 0
		}
		return -1
	}}, Slots: po.v[:]}
	return po
}

// probeProxyLayout finds the offsets SlotOwner reads: goja.Object.self, proxyObject.handler,
// nativeProxyHandler.handler, and checks them on a probe object.
func probeProxyLayout() (l proxyLayoutT) {
	defer func() {
		if recover() != nil {
			l = proxyLayoutT{}
		}
	}()
	sf, ok := GojaObjectSelf()
	if !ok {
		return
	}
	l.selfOff = sf.Offset
	tf, _ := reflect.TypeFor[SlotObject]().FieldByName("traps")
	l.trapsOff = tf.Offset
	gf, _ := reflect.TypeFor[goja.ProxyTrapConfig]().FieldByName("GetPrototypeOf")
	l.getOff = gf.Offset

	vm := goja.New()
	po := newProbeOwner()
	// Build the probe's proxy by hand (NewOrdinarySlotted asks for this layout).
	so := &po.SlotObject
	so.owner, so.vm, so.plain = po, vm, true
	so.target = vm.NewObject()
	so.traps = goja.ProxyTrapConfig{GetPrototypeOf: so.getPrototypeOf}
	so.self = vm.ToValue(vm.NewProxy(so.target, &so.traps)).(*goja.Object)

	impl := reflect.ValueOf(so.self).Elem().FieldByIndex(sf.Index).Elem() // *proxyObject
	if impl.Type().String() != "*goja.proxyObject" {
		return
	}
	hf, ok := impl.Type().Elem().FieldByName("handler")
	if !ok || len(hf.Index) != 1 || hf.Type.Kind() != reflect.Interface {
		return
	}
	l.handlerOff = hf.Offset
	h := impl.Elem().FieldByIndex(hf.Index).Elem() // *nativeProxyHandler
	if h.Type().String() != "*goja.nativeProxyHandler" {
		return
	}
	cf, ok := h.Type().Elem().FieldByName("handler")
	if !ok || len(cf.Index) != 1 || cf.Type != reflect.TypeFor[*goja.ProxyTrapConfig]() {
		return
	}
	l.cfgOff = cf.Offset
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(so.self), l.selfOff))
	l.proxyTab = self.tab
	hw := *(*ifaceWords)(unsafe.Add(self.data, l.handlerOff))
	l.nativeTab = hw.tab
	if *(*unsafe.Pointer)(unsafe.Add(hw.data, l.cfgOff)) != unsafe.Pointer(&so.traps) {
		return
	}
	l.getPC = reflect.ValueOf(so.traps.GetPrototypeOf).Pointer()
	if *(*uintptr)(*(*unsafe.Pointer)(unsafe.Pointer(&so.traps.GetPrototypeOf))) != l.getPC {
		return
	}
	d := vm.NewDynamicObject(po)
	dself := reflect.ValueOf(d).Elem().FieldByIndex(sf.Index).Elem() // *dynamicObject
	if dself.Type().String() != "*goja.dynamicObject" {
		return
	}
	df, ok := dself.Type().Elem().FieldByName("d")
	if !ok || len(df.Index) != 1 || df.Type != reflect.TypeFor[goja.DynamicObject]() {
		return
	}
	l.dynDOff = df.Offset
	l.dynamicTab = (*(*ifaceWords)(unsafe.Add(unsafe.Pointer(d), l.selfOff))).tab
	pa := &probeArray{}
	da := vm.NewDynamicArray(pa)
	aself := reflect.ValueOf(da).Elem().FieldByIndex(sf.Index).Elem() // *dynamicArray
	if aself.Type().String() != "*goja.dynamicArray" {
		return
	}
	af, ok := aself.Type().Elem().FieldByName("a")
	if !ok || len(af.Index) != 1 || af.Type != reflect.TypeFor[goja.DynamicArray]() {
		return
	}
	l.dynArrayAOff = af.Offset
	l.dynArrayTab = (*(*ifaceWords)(unsafe.Add(unsafe.Pointer(da), l.selfOff))).tab
	l.ok = true
	if slotOwner(&l, so.self) != po || slotOwner(&l, vm.NewObject()) != nil || slotOwner(&l, d) != po ||
		*(*goja.DynamicObject)(unsafe.Add((*(*ifaceWords)(unsafe.Add(unsafe.Pointer(d), l.selfOff))).data, l.dynDOff)) != goja.DynamicObject(po) ||
		dynamicArrayOf(&l, da) != goja.DynamicArray(pa) || dynamicArrayOf(&l, d) != nil {
		l.ok = false
	}
	return
}

// probeArray is an empty goja.DynamicArray, probeProxyLayout's.
type probeArray struct{ _ int }

func (probeArray) Len() int                 { return 0 }
func (probeArray) Get(int) goja.Value       { return nil }
func (probeArray) Set(int, goja.Value) bool { return false }
func (probeArray) SetLen(int) bool          { return false }

// reflectFns are the runtime's Reflect functions, which do for the target what goja's API does not
// (a read or write with a receiver, a descriptor, extensibility).
type reflectFns struct {
	get, set, has, deleteProperty, defineProperty, getOwnPropertyDescriptor, ownKeys,
	preventExtensions goja.Callable
}

func (o *SlotObject) reflect() *reflectFns {
	if o.rf == nil {
		r := o.vm.Get("Reflect").(*goja.Object)
		f := func(name string) goja.Callable {
			fn, _ := goja.AssertFunction(r.Get(name))
			return fn
		}
		o.rf = &reflectFns{f("get"), f("set"), f("has"), f("deleteProperty"), f("defineProperty"),
			f("getOwnPropertyDescriptor"), f("ownKeys"), f("preventExtensions")}
	}
	return o.rf
}

func (o *SlotObject) call(fn goja.Callable, args ...goja.Value) goja.Value {
	v, err := fn(goja.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	return v
}

func (o *SlotObject) getPrototypeOf(t *goja.Object) *goja.Object {
	if o.plain {
		return o.proto
	}
	return t.Prototype()
}

// setPrototypeOf makes the object ordinary (its target's prototype is the hidden one of the
// visible prototype while the slots are live), then sets the target's.
func (o *SlotObject) setPrototypeOf(t *goja.Object, p *goja.Object) bool {
	if o.plain {
		if p == o.proto {
			return true
		}
		o.unslot()
	}
	return t.SetPrototype(p) == nil
}

func (o *SlotObject) has(t *goja.Object, key string) bool {
	if o.plain {
		if i := o.Layout.Index(key); i >= 0 {
			if o.Slots[i] != nil && o.Layout.own(i) {
				return true
			}
			// (a deleted slot, or one that is not own: the target has no such key, its hidden
			// prototype an accessor; the visible prototype tells)
			return o.proto != nil && o.call(o.reflect().has, o.proto, o.vm.ToValue(key)).ToBoolean()
		}
	}
	return o.call(o.reflect().has, t, o.vm.ToValue(key)).ToBoolean()
}

func (o *SlotObject) deleteProperty(t *goja.Object, key string) bool {
	if o.plain {
		if i := o.Layout.Index(key); i >= 0 {
			if o.Layout.own(i) {
				o.Slots[i] = nil
			}
			return true
		}
	}
	return o.call(o.reflect().deleteProperty, t, o.vm.ToValue(key)).ToBoolean()
}

func (o *SlotObject) getOwnPropertyDescriptor(t *goja.Object, key string) goja.PropertyDescriptor {
	if o.plain {
		if i := o.Layout.Index(key); i >= 0 {
			if v := o.Slots[i]; v != nil && o.Layout.own(i) {
				return goja.PropertyDescriptor{Value: v, Writable: goja.FLAG_TRUE, Enumerable: goja.FLAG_TRUE,
					Configurable: goja.FLAG_TRUE}
			}
			return goja.PropertyDescriptor{}
		}
	}
	return toDescriptor(o.call(o.reflect().getOwnPropertyDescriptor, t, o.vm.ToValue(key)))
}

// plainData reports whether desc defines a writable, enumerable, configurable data property
// (the only kind a slot holds) on a slot that exists already (present) or not.
func plainData(desc goja.PropertyDescriptor, present bool) bool {
	if desc.Getter != nil || desc.Setter != nil {
		return false
	}
	ok := func(f goja.Flag) bool { return f == goja.FLAG_TRUE || f == goja.FLAG_NOT_SET && present }
	return ok(desc.Writable) && ok(desc.Enumerable) && ok(desc.Configurable)
}

func (o *SlotObject) defineProperty(t *goja.Object, key string, desc goja.PropertyDescriptor) bool {
	if o.plain {
		if i := o.Layout.Index(key); i >= 0 {
			// (a slot that is not own: the new own property shadows the prototype's accessor,
			// which only an ordinary object can hold)
			if o.Layout.own(i) && plainData(desc, o.Slots[i] != nil) {
				if desc.Value != nil {
					o.Slots[i] = desc.Value
				} else if o.Slots[i] == nil {
					o.Slots[i] = goja.Undefined()
				}
				return true
			}
			o.unslot()
		} else if desc.Configurable == goja.FLAG_FALSE || desc.Configurable == goja.FLAG_NOT_SET &&
			o.call(o.reflect().getOwnPropertyDescriptor, t, o.vm.ToValue(key)) == goja.Undefined() {
			// A non-configurable property: goja's proxy refuses to report a non-configurable
			// accessor through a getOwnPropertyDescriptor trap, so the object goes ordinary.
			o.unslot()
		}
	}
	return o.call(o.reflect().defineProperty, t, o.vm.ToValue(key), o.descriptorObject(desc)).ToBoolean()
}

func (o *SlotObject) preventExtensions(t *goja.Object) bool {
	o.unslot()
	return o.call(o.reflect().preventExtensions, t).ToBoolean()
}

// ownKeys are the target's keys with the live slots' names put after its index keys and before
// its other string keys (an ordinary object's order, the slots being the first named fields).
func (o *SlotObject) ownKeys(t *goja.Object) *goja.Object {
	if o.Layout.BeforeOwnKeys != nil {
		o.Layout.BeforeOwnKeys(o.owner, o.self, t)
	}
	keys := o.call(o.reflect().ownKeys, t)
	if !o.plain {
		return keys.(*goja.Object)
	}
	var all []goja.Value
	_ = o.vm.ExportTo(keys, &all)
	out := make([]any, 0, len(all)+len(o.Slots))
	n := 0
	for n < len(all) {
		if s, ok := ExportAs[string](all[n]); ok && IsArrayIndex(s) {
			out = append(out, all[n])
			n++
			continue
		}
		break
	}
	for i, v := range o.Slots {
		if v != nil && o.Layout.own(i) {
			out = append(out, o.Layout.Names[i])
		}
	}
	for _, k := range all[n:] {
		out = append(out, k)
	}
	return o.vm.NewArray(out...)
}

// unslot moves the live own slots into the target, ahead of its other named properties (those
// that can be moved), and makes the object ordinary: the step before anything a slot cannot
// hold. The slots that are not own stay in Go, behind the visible prototype's accessors.
func (o *SlotObject) unslot() {
	if !o.plain {
		return
	}
	o.plain = false
	r := o.reflect()
	o.target.SetPrototype(o.proto)
	type moved struct {
		key  goja.Value
		desc goja.Value
	}
	var later []moved
	for _, k := range o.target.GetOwnPropertyNames() {
		if IsArrayIndex(k) {
			continue
		}
		kv := o.vm.ToValue(k)
		d := o.call(r.getOwnPropertyDescriptor, o.target, kv)
		if do, ok := d.(*goja.Object); ok && do.Get("configurable").ToBoolean() {
			later = append(later, moved{kv, d})
			o.call(r.deleteProperty, o.target, kv)
		}
	}
	for i, v := range o.Slots {
		if v != nil && o.Layout.own(i) {
			_ = o.target.DefineDataProperty(o.Layout.Names[i], v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		}
	}
	for _, m := range later {
		o.call(r.defineProperty, o.target, m.key, m.desc)
	}
	// No traps but getPrototypeOf (the target's, as without it; it marks the object as
	// slotted): the proxy forwards every operation to the target, as goja does for a proxy
	// without a handler method.
	o.traps = goja.ProxyTrapConfig{GetPrototypeOf: o.getPrototypeOf}
}

// IsArrayIndex reports whether s is a canonical array index (0 to 2^32-2, no leading zero): the
// keys an ordinary object lists first, in ascending order.
func IsArrayIndex(s string) bool {
	if s == "" || len(s) > 10 || len(s) > 1 && s[0] == '0' {
		return false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + uint64(c-'0')
	}
	return n < 1<<32-1
}

func (o *SlotObject) descriptorObject(d goja.PropertyDescriptor) *goja.Object {
	obj := o.vm.NewObject()
	if d.Value != nil {
		_ = obj.Set("value", d.Value)
	}
	flag := func(name string, f goja.Flag) {
		if f != goja.FLAG_NOT_SET {
			_ = obj.Set(name, f == goja.FLAG_TRUE)
		}
	}
	flag("writable", d.Writable)
	if d.Getter != nil {
		_ = obj.Set("get", d.Getter)
	}
	if d.Setter != nil {
		_ = obj.Set("set", d.Setter)
	}
	flag("enumerable", d.Enumerable)
	flag("configurable", d.Configurable)
	return obj
}

func toDescriptor(v goja.Value) (d goja.PropertyDescriptor) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return
	}
	flag := func(b bool) goja.Flag {
		if b {
			return goja.FLAG_TRUE
		}
		return goja.FLAG_FALSE
	}
	for _, k := range obj.Keys() {
		x := obj.Get(k)
		switch k {
		case "value":
			d.Value = x
		case "writable":
			d.Writable = flag(x.ToBoolean())
		case "get":
			d.Getter = x
		case "set":
			d.Setter = x
		case "enumerable":
			d.Enumerable = flag(x.ToBoolean())
		case "configurable":
			d.Configurable = flag(x.ToBoolean())
		}
	}
	return
}

// SlotRef remembers SlotOwner's answer for the object last asked about, so that a caller asking
// again and again about the same object (a socket's stream state, on every read) pays a pointer
// comparison and a flag check rather than SlotOwner's reads of goja's proxy internals. Only a
// live answer is kept; one that went ordinary since is asked again (and is then nil). Used on the
// loop only, as the objects it looks at.
type SlotRef struct {
	obj   *goja.Object
	owner any
	so    *SlotObject // the Proxy form's SlotObject (its plain flag can turn off); nil for a dynamic object
	slots *SlotObject // the owner's SlotObject, either form; nil when the owner is not slotted
}

// Owner is SlotOwner(v).
func (r *SlotRef) Owner(v goja.Value) any {
	o, ok := v.(*goja.Object)
	if ok && o != nil && o == r.obj && (r.so == nil || r.so.plain) {
		return r.owner
	}
	owner := SlotOwner(v)
	r.obj, r.owner, r.so, r.slots = nil, nil, nil, nil
	if owner != nil {
		r.obj, r.owner = o, owner
		if s, ok := owner.(slotted); ok {
			r.slots = s.slotObject()
			if r.slots.self == o {
				r.so = r.slots
			}
		}
	}
	return owner
}

// Slots is the layout and the live slots of Owner(v) when it is a SlotObject's owner, else nil
// and nil: a caller reading many fields indexes the slots (resolving the indexes once per
// layout) rather than asking the owner's Get for each by name. A nil slot is not an own
// property; storing a non-nil value in a slot is a Set of that key.
func (r *SlotRef) Slots(v goja.Value) (*SlotLayout, []goja.Value) {
	if r.Owner(v) == nil || r.slots == nil {
		return nil, nil
	}
	return r.slots.Layout, r.slots.Slots
}
