package modules

import (
	"reflect"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
)

// goja's Object.Get converts its Go string key to goja's own string type (scanning it for
// non-ASCII) on every call, and then looks it up in each object of the prototype chain. A hot
// path that reads the same few names per call (a stream's _readableState, emit, _events, write
// for every chunk) reads them here instead: GetKey walks the chain itself, with a key converted
// once, through the map of every plain object (goja's baseObject: what object literals,
// Object.create and `new` of a function or class make) and stops at anything else, which the
// public Get then does from the start (proxies, accessors, arrays, functions, templated
// built-ins). The answer is always Object.Get's.
//
// It reads goja's unexported structs: Object.self, baseObject.values and .prototype, and the
// value and accessor fields of a valueProperty (a property with non-default attributes). The
// offsets are found once through reflect and checked against Get on a probe object
// (TestFastGetLayout guards it); if a goja upgrade moves anything, every GetKey is a plain Get.

// Key is a property name prepared for GetKey. Make one per name, once (NewKey): a package
// variable, so that its slot in a KeyCache is one of the first maxCachedKeys.
type Key struct {
	s  string
	u  unistring.String
	id uint32 // its slot in a KeyCache
}

var keyIDs atomic.Uint32

// NewKey prepares name, which must be ASCII (goja keeps other names in another form), for GetKey.
func NewKey(name string) Key {
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			panic("modules.NewKey: not ASCII: " + name)
		}
	}
	return Key{s: name, u: unistring.String(name), id: keyIDs.Add(1) - 1}
}

// String is the name.
func (k Key) String() string { return k.s }

// GetKey is o.Get(k.String()) (nil when o has no such property). Loop only.
func GetKey(o *goja.Object, k Key) goja.Value {
	l := layoutP.Load()
	if l == nil {
		l = getLayout()
	}
	if v, ok := getKeyFast(l, o, k, nil); ok {
		return v
	}
	return o.Get(k.s)
}

// PeekKey is GetKey where the read can run no JS: ok true when k is a data property of o or of a
// plain object up its chain (v), or no property at all (v nil); ok false, having read nothing,
// where Get might call a getter or a proxy trap, or meets an object GetKey does not walk. A
// caller may so read two properties in the order it likes. Loop only.
func PeekKey(o *goja.Object, k Key) (v goja.Value, ok bool) {
	l := layoutP.Load()
	if l == nil {
		l = getLayout()
	}
	return getKeyFast(l, o, k, nil)
}

func getKey(l *getLayoutT, o *goja.Object, k Key) goja.Value {
	if v, ok := getKeyFast(l, o, k, nil); ok {
		return v
	}
	return o.Get(k.s)
}

// KeyCache is a runtime's memo for GetKey: per Key, the object in which a read last found that
// name as a non-configurable data property. Such a property can never be deleted or turned
// into an accessor, and goja changes its value and its writability in place (in the same
// valueProperty), so the next read that reaches that object in its walk up the chain takes the
// value from there without looking the name up in the object's map (a hash and a probe, for
// every object of the chain that has more than eight properties). A read that does not reach
// that object (an own property of the receiver shadows it, a prototype changed) walks as
// GetKey does. Defaults that a hot path reads on every call (a server response's, on
// ServerResponse.prototype) are defined non-configurable for it. The zero value is ready; one
// per runtime, loop only (it holds the runtime's objects).
type KeyCache struct {
	hits []keyHit // by Key.id
}

type keyHit struct {
	holder *goja.Object
	prop   unsafe.Pointer // the holder's *valueProperty for the key
}

// maxCachedKeys bounds a KeyCache: Keys made after the first maxCachedKeys of the process
// (made per runtime, say) are read as GetKey reads them.
const maxCachedKeys = 1024

// Get is GetKey(o, k), through the cache. Loop only.
func (c *KeyCache) Get(o *goja.Object, k Key) goja.Value {
	l := layoutP.Load()
	if l == nil {
		l = getLayout()
	}
	if v, ok := getKeyFast(l, o, k, c); ok {
		return v
	}
	return o.Get(k.s)
}

// Peek is Get where the read can run no JS (PeekKey through the memo): ok false, having read
// nothing, where Get might call a getter or a proxy trap or meets an object GetKey does not
// walk. Loop only.
func (c *KeyCache) Peek(o *goja.Object, k Key) (goja.Value, bool) {
	l := layoutP.Load()
	if l == nil {
		l = getLayout()
	}
	return getKeyFast(l, o, k, c)
}

// funcOwn is the read of k at fn, a plain JS function (whose goja object starts with a
// baseObject) that the walk reached: answered only for an own non-configurable data property
// (a function's prototype), through the cache; anything else (ok false) is left to Get, since a
// function has own properties outside its map (length, name, a prototype not made yet).
func (c *KeyCache) funcOwn(l *getLayoutT, fn *goja.Object, data unsafe.Pointer, k Key) (goja.Value, bool) {
	if int(k.id) < len(c.hits) && c.hits[k.id].holder == fn {
		return propValue(*(*goja.Value)(unsafe.Add(c.hits[k.id].prop, l.valueOff))), true
	}
	v := (*(*map[unistring.String]goja.Value)(unsafe.Add(data, l.valuesOff)))[k.u]
	if v == nil {
		return nil, false
	}
	vw := *(*ifaceWords)(unsafe.Pointer(&v))
	if vw.tab != l.propTab || *(*bool)(unsafe.Add(vw.data, l.accessorOff)) || *(*bool)(unsafe.Add(vw.data, l.configurableOff)) {
		return nil, false
	}
	c.remember(k, fn, vw.data)
	return propValue(*(*goja.Value)(unsafe.Add(vw.data, l.valueOff))), true
}

// remember notes that holder owns k as the non-configurable data property prop.
func (c *KeyCache) remember(k Key, holder *goja.Object, prop unsafe.Pointer) {
	if k.id >= maxCachedKeys {
		return
	}
	if int(k.id) >= len(c.hits) {
		c.hits = append(c.hits, make([]keyHit, int(k.id)+1-len(c.hits))...)
	}
	c.hits[k.id] = keyHit{holder, prop}
}

// SetKey is o.Set(k.String(), v): a write to an own plain data property of a plain object
// (see GetKey) goes straight into its map, anything else (a new property, which may meet a
// setter or a read-only property up the chain; an accessor; an exotic object) through Set.
// v must not be nil. Loop only.
func SetKey(o *goja.Object, k Key, v goja.Value) error {
	if l := layoutP.Load(); l != nil && l.ok {
		if self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff)); self.tab == l.baseTab {
			m := *(*map[unistring.String]goja.Value)(unsafe.Add(self.data, l.valuesOff))
			if old := m[k.u]; old != nil && (*(*ifaceWords)(unsafe.Pointer(&old))).tab != l.propTab {
				m[k.u] = v
				return nil
			}
		}
	}
	return o.Set(k.s, v)
}

// AddOwn is o.Set(k.String(), v) for a name o does not own yet, as goja's Set does it for a
// plain, extensible object whose chain holds k nowhere or as a writable data property, up to
// the first object that has it: a new own data property, its name added to o's name list (as
// goja adds it, copying a list marked for copy first). The chain is walked as GetKey walks it,
// through c's memo; anything else (o owns k, a setter or a read-only k up the chain, an
// object GetKey does not walk) is Set's. v must not be nil. Loop only.
func (c *KeyCache) AddOwn(o *goja.Object, k Key, v goja.Value) error {
	l := layoutP.Load()
	if l == nil || !l.ok {
		return o.Set(k.s, v)
	}
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
	if self.tab != l.baseTab || !*(*bool)(unsafe.Add(self.data, l.extensibleOff)) {
		return o.Set(k.s, v)
	}
	m := *(*map[unistring.String]goja.Value)(unsafe.Add(self.data, l.valuesOff))
	np := (*[]unistring.String)(unsafe.Add(self.data, l.namesOff))
	if (len(*np) > smallNames || hasName(*np, k.u)) && m[k.u] != nil {
		return o.Set(k.s, v)
	}
	p := *(**goja.Object)(unsafe.Add(self.data, l.protoOff))
	for depth := 0; p != nil; depth++ {
		ps := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(p), l.selfOff))
		if depth == 32 || ps.tab != l.baseTab && (ps.tab != l.tmplTab || l.tmplTab == nil) {
			return o.Set(k.s, v)
		}
		var prop unsafe.Pointer  // the holder's *valueProperty, when it has one
		if ps.tab != l.baseTab { // (templated)
			raw, found, ok := l.tmplOwn(ps.data, k)
			if !ok {
				return o.Set(k.s, v)
			}
			if !found {
				p = *(**goja.Object)(unsafe.Add(ps.data, l.protoOff))
				continue
			}
			if vw := *(*ifaceWords)(unsafe.Pointer(&raw)); vw.tab == l.propTab {
				prop = vw.data
			}
		} else if int(k.id) < len(c.hits) && c.hits[k.id].holder == p {
			prop = c.hits[k.id].prop
		} else {
			if names := *(*[]unistring.String)(unsafe.Add(ps.data, l.namesOff)); len(names) <= smallNames && !hasName(names, k.u) {
				p = *(**goja.Object)(unsafe.Add(ps.data, l.protoOff))
				continue
			}
			pv := (*(*map[unistring.String]goja.Value)(unsafe.Add(ps.data, l.valuesOff)))[k.u]
			if pv == nil {
				p = *(**goja.Object)(unsafe.Add(ps.data, l.protoOff))
				continue
			}
			if vw := *(*ifaceWords)(unsafe.Pointer(&pv)); vw.tab == l.propTab {
				prop = vw.data
			}
		}
		if prop != nil && (*(*bool)(unsafe.Add(prop, l.accessorOff)) || !*(*bool)(unsafe.Add(prop, l.writableOff))) {
			return o.Set(k.s, v)
		}
		break
	}
	names := *np
	if cap(names) > len(names) && names[:cap(names)][cap(names)-1] == copyMarker && len(names)+1 >= cap(names) {
		return o.Set(k.s, v) // (goja copies a marked list first: left to it)
	}
	m[k.u] = v
	*np = append(names, k.u)
	return nil
}

// ReadBase is where a read of a name that is(name) reports can start for o: o's prototype when
// o is a plain object (see GetKey) that owns no such name (a read there then finds what a read at
// o would), else o itself. A caller that reads several such names of one object scans its own
// names once instead of once per read, as long as no JS runs in between (which could give o
// such a name: read with KeyCache.Peek, and from o again once a read needs Get). is gets goja's
// form of each own name. Loop only.
func ReadBase(o *goja.Object, is func(name unistring.String) bool) *goja.Object {
	l := layoutP.Load()
	if l == nil || !l.ok {
		return o
	}
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
	if self.tab != l.baseTab {
		return o
	}
	for _, n := range *(*[]unistring.String)(unsafe.Add(self.data, l.namesOff)) {
		if is(n) {
			return o
		}
	}
	if p := *(**goja.Object)(unsafe.Add(self.data, l.protoOff)); p != nil {
		return p
	}
	return o
}

// smallNames is the most own names an object may have for getKeyFast to look for a name in its
// name list before its map: a Go map hashes the key on every lookup, even in a map of one
// group (up to eight entries), which costs more than comparing the lengths of a few names;
// most reads of a small object (a request or a response) are of a name it does not own, that
// its prototype has.
const smallNames = 8

// getKeyFast is GetKey through plain objects' maps only (and c's memo when c is not nil); ok
// false: ask Get.
func getKeyFast(l *getLayoutT, o *goja.Object, k Key, c *KeyCache) (v goja.Value, ok bool) {
	if !l.ok {
		return nil, false
	}
	p := o
	for depth := 0; depth < 32; depth++ {
		self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(p), l.selfOff))
		if self.tab != l.baseTab {
			if self.tab == l.tmplTab && l.tmplTab != nil {
				raw, found, ok := l.tmplOwn(self.data, k)
				if !ok {
					return nil, false
				}
				if !found {
					if p = *(**goja.Object)(unsafe.Add(self.data, l.protoOff)); p == nil {
						return nil, true
					}
					continue
				}
				if vw := *(*ifaceWords)(unsafe.Pointer(&raw)); vw.tab == l.propTab {
					if *(*bool)(unsafe.Add(vw.data, l.accessorOff)) {
						return nil, false
					}
					return propValue(*(*goja.Value)(unsafe.Add(vw.data, l.valueOff))), true
				}
				return raw, true
			}
			if c != nil && self.tab == l.funcTab && l.funcTab != nil {
				return c.funcOwn(l, p, self.data, k)
			}
			return nil, false
		}
		// (propNames lists exactly the keys of values: goja adds and removes them together.)
		if names := *(*[]unistring.String)(unsafe.Add(self.data, l.namesOff)); len(names) <= smallNames && !hasName(names, k.u) {
			p = *(**goja.Object)(unsafe.Add(self.data, l.protoOff))
			if p == nil {
				return nil, true
			}
			continue
		}
		if c != nil && int(k.id) < len(c.hits) && c.hits[k.id].holder == p {
			return propValue(*(*goja.Value)(unsafe.Add(c.hits[k.id].prop, l.valueOff))), true
		}
		v := (*(*map[unistring.String]goja.Value)(unsafe.Add(self.data, l.valuesOff)))[k.u]
		if v == nil {
			p = *(**goja.Object)(unsafe.Add(self.data, l.protoOff))
			if p == nil {
				return nil, true // as Get: no such property
			}
			continue
		}
		vw := *(*ifaceWords)(unsafe.Pointer(&v))
		if vw.tab != l.propTab {
			return v, true
		}
		if *(*bool)(unsafe.Add(vw.data, l.accessorOff)) {
			return nil, false
		}
		if c != nil && !*(*bool)(unsafe.Add(vw.data, l.configurableOff)) {
			c.remember(k, p, vw.data)
		}
		return propValue(*(*goja.Value)(unsafe.Add(vw.data, l.valueOff))), true
	}
	return nil, false
}

// propValue is what goja's valueProperty.get gives for a data property's value field: a
// property defined without a value reads as undefined.
func propValue(v goja.Value) goja.Value {
	if v == nil {
		return goja.Undefined()
	}
	return v
}

type getLayoutT struct {
	ok                  bool
	selfOff             uintptr
	baseTab             unsafe.Pointer // the itab of *baseObject as an objectImpl
	valuesOff, protoOff uintptr
	propTab             unsafe.Pointer // the itab of *valueProperty as a Value
	valueOff            uintptr
	accessorOff         uintptr
	configurableOff     uintptr
	writableOff         uintptr        // valueProperty.writable
	extensibleOff       uintptr        // baseObject.extensible
	namesOff            uintptr        // baseObject.propNames: own string keys in goja's order (PlainOwnKeys)
	funcTab             unsafe.Pointer // the itab of *funcObject, whose baseObject is at its start (nil: not so)
	// A templated object (goja's built-in prototypes, a lazy-membered exports object or
	// prototype: runtime/lazymembers.go), whose baseObject is at its start (nil tmplTab: not
	// so): its template and protoMaterialised, and the template's factories (props).
	tmplTab                            unsafe.Pointer
	tmplOff, protoMatOff, tmplPropsOff uintptr
}

// tmplFactories is the type goja's objectTemplate.props has, a map from a name to the function
// that makes the property on first use (checked by probeTmpl).
type tmplFactories = map[unistring.String]func(*goja.Runtime) goja.Value

// tmplOwn is the own property k of data, a templated object: raw is its map's entry (found
// false: none, and the template makes none), ok false when the template would make it on this
// read (Get makes it) or the object's prototype is not there yet.
func (l *getLayoutT) tmplOwn(data unsafe.Pointer, k Key) (raw goja.Value, found, ok bool) {
	if !*(*bool)(unsafe.Add(data, l.protoMatOff)) {
		return nil, false, false
	}
	raw, exists := (*(*map[unistring.String]goja.Value)(unsafe.Add(data, l.valuesOff)))[k.u]
	if exists {
		return raw, raw != nil, true // (nil: a deleted template property, goja's white hole)
	}
	tmpl := *(*unsafe.Pointer)(unsafe.Add(data, l.tmplOff))
	if (*(*tmplFactories)(unsafe.Add(tmpl, l.tmplPropsOff)))[k.u] != nil {
		return nil, false, false
	}
	return nil, false, true
}

var (
	getLayoutOnce sync.Once
	getLayoutV    getLayoutT
	layoutP       atomic.Pointer[getLayoutT] // &getLayoutV once probed
)

func getLayout() *getLayoutT {
	getLayoutOnce.Do(func() {
		getLayoutV = probeGetLayout()
		layoutP.Store(&getLayoutV)
	})
	return &getLayoutV
}

// hasName reports whether names holds k.
func hasName(names []unistring.String, k unistring.String) bool {
	for _, n := range names {
		if n == k {
			return true
		}
	}
	return false
}

// OwnsKey reports whether o has an own property named k (of any kind), as Object.hasOwn(o,
// k.String()) would; known false: o is not a plain object (see GetKey), and the caller must
// ask otherwise. Loop only.
func OwnsKey(o *goja.Object, k Key) (owns, known bool) {
	l := getLayout()
	if !l.ok {
		return false, false
	}
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
	if self.tab != l.baseTab {
		return false, false
	}
	_, owns = (*(*map[unistring.String]goja.Value)(unsafe.Add(self.data, l.valuesOff)))[k.u]
	return owns, true
}

func probeGetLayout() (l getLayoutT) {
	defer func() {
		if recover() != nil {
			l = getLayoutT{}
		}
	}()
	sf, ok := GojaObjectSelf()
	if !ok {
		return
	}
	l.selfOff = sf.Offset
	vm := goja.New()
	v, err := vm.RunString(`(function() {
		const proto = { inherited: 1 };
		Object.defineProperty(proto, 'hidden', { value: 2, writable: true, configurable: true });
		Object.defineProperty(proto, 'acc', { get() { return 3; } });
		Object.defineProperty(proto, 'fixed', { value: 5, writable: true });
		const o = Object.create(proto);
		o.own = 4;
		return o;
	})()`)
	if err != nil {
		return
	}
	o := v.(*goja.Object)
	impl := reflect.ValueOf(o).Elem().FieldByIndex(sf.Index).Elem() // *baseObject
	if impl.Kind() != reflect.Pointer || impl.Type().String() != "*goja.baseObject" {
		return
	}
	bt := impl.Type().Elem()
	vf, ok := bt.FieldByName("values")
	if !ok || len(vf.Index) != 1 || vf.Type != reflect.TypeFor[map[unistring.String]goja.Value]() {
		return
	}
	pf, ok := bt.FieldByName("prototype")
	if !ok || len(pf.Index) != 1 || pf.Type != reflect.TypeFor[*goja.Object]() {
		return
	}
	nf, ok := bt.FieldByName("propNames")
	if !ok || len(nf.Index) != 1 || nf.Type != reflect.TypeFor[[]unistring.String]() {
		return
	}
	ef, ok := bt.FieldByName("extensible")
	if !ok || len(ef.Index) != 1 || ef.Type.Kind() != reflect.Bool {
		return
	}
	l.valuesOff, l.protoOff, l.namesOff, l.extensibleOff = vf.Offset, pf.Offset, nf.Offset, ef.Offset
	l.baseTab = (*(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))).tab

	// The prototype's 'hidden' is a *valueProperty.
	proto := o.Prototype()
	pself := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(proto), l.selfOff))
	if pself.tab != l.baseTab {
		return
	}
	hidden := (*(*map[unistring.String]goja.Value)(unsafe.Add(pself.data, l.valuesOff)))["hidden"]
	hv := reflect.ValueOf(hidden)
	if hv.Kind() != reflect.Pointer || hv.Type().String() != "*goja.valueProperty" {
		return
	}
	pt := hv.Type().Elem()
	valf, ok := pt.FieldByName("value")
	if !ok || len(valf.Index) != 1 || valf.Type != reflect.TypeFor[goja.Value]() {
		return
	}
	accf, ok := pt.FieldByName("accessor")
	if !ok || len(accf.Index) != 1 || accf.Type.Kind() != reflect.Bool {
		return
	}
	conf, ok := pt.FieldByName("configurable")
	if !ok || len(conf.Index) != 1 || conf.Type.Kind() != reflect.Bool {
		return
	}
	wrf, ok := pt.FieldByName("writable")
	if !ok || len(wrf.Index) != 1 || wrf.Type.Kind() != reflect.Bool {
		return
	}
	l.valueOff, l.accessorOff, l.configurableOff, l.writableOff = valf.Offset, accf.Offset, conf.Offset, wrf.Offset
	l.propTab = (*(*ifaceWords)(unsafe.Pointer(&hidden))).tab
	fixed := (*(*map[unistring.String]goja.Value)(unsafe.Add(pself.data, l.valuesOff)))["fixed"]
	if fw := *(*ifaceWords)(unsafe.Pointer(&fixed)); fw.tab != l.propTab || *(*bool)(unsafe.Add(fw.data, l.configurableOff)) ||
		!*(*bool)(unsafe.Add((*(*ifaceWords)(unsafe.Pointer(&hidden))).data, l.configurableOff)) {
		return
	}
	l.ok = true
	// Check every kind of answer against Get.
	for _, name := range []string{"own", "inherited", "hidden", "acc", "missing", "toString", "fixed"} {
		if got, want := getKey(&l, o, NewKey(name)), o.Get(name); got != want && (got == nil || want == nil || !got.SameAs(want)) {
			l.ok = false
			return
		}
	}
	l.funcTab = probeFuncTab(vm, &l)
	probeTmpl(vm, &l)
	// PlainOwnKeys: o's own names as Keys() gives them; the prototype (an attribute, an
	// accessor) is not listed.
	o.Set("later", 5)
	o.Set("own", 6)
	keys, fast := plainOwnKeys(&l, o, nil)
	if want := o.Keys(); !fast || len(keys) != len(want) || keys[0] != want[0] || keys[1] != want[1] {
		l.ok = false
		return
	}
	if _, fast := plainOwnKeys(&l, proto, nil); fast {
		l.ok = false
	}
	return
}

// probeFuncTab is the itab of goja's *funcObject (a plain JS function) when its baseObject is
// at offset 0 (embedded through baseJsFuncObject and baseFuncObject), so that the values map is
// where a baseObject has it; else nil.
func probeFuncTab(vm *goja.Runtime, l *getLayoutT) unsafe.Pointer {
	v, err := vm.RunString(`(function f() {})`)
	if err != nil {
		return nil
	}
	fn, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	sf, _ := GojaObjectSelf()
	impl := reflect.ValueOf(fn).Elem().FieldByIndex(sf.Index).Elem()
	if impl.Kind() != reflect.Pointer || impl.Type().String() != "*goja.funcObject" {
		return nil
	}
	t := impl.Type().Elem()
	for _, want := range []string{"baseJsFuncObject", "baseFuncObject", "baseObject"} {
		f := t.Field(0)
		if f.Name != want || !f.Anonymous || f.Offset != 0 {
			return nil
		}
		t = f.Type
	}
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(fn), l.selfOff))
	// Check: its prototype, once made, is read from the map as Get reads it.
	proto := fn.Get("prototype")
	var c KeyCache
	k := NewKey("prototype")
	if got, ok := c.funcOwn(l, fn, self.data, k); !ok || got != proto {
		return nil
	}
	return self.tab
}

// PlainOwnKeys appends o's own enumerable string keys to keys, in Keys()'s order, when o is a
// plain object (goja's baseObject: literals, Object.create, `new` of a function or class) whose
// own properties are all plain data properties (writable, enumerable, configurable) with ASCII
// names none of which starts with a digit or is empty; fast is false (keys unchanged) for
// anything else, which the caller lists with Keys(). It reads goja's name list directly: Keys()
// allocates about four times per key. goja keeps names in insertion order and only moves
// array-index names to the front, and there are none. Loop only.
func PlainOwnKeys(o *goja.Object, keys []string) (out []string, fast bool) {
	return plainOwnKeys(getLayout(), o, keys)
}

func plainOwnKeys(l *getLayoutT, o *goja.Object, keys []string) ([]string, bool) {
	if !l.ok {
		return keys, false
	}
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
	if self.tab != l.baseTab {
		return keys, false
	}
	values := *(*map[unistring.String]goja.Value)(unsafe.Add(self.data, l.valuesOff))
	names := *(*[]unistring.String)(unsafe.Add(self.data, l.namesOff))
	n := len(keys)
	for _, name := range names {
		s := string(name)
		if s == "" || s[0] >= '0' && s[0] <= '9' {
			return keys[:n], false
		}
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return keys[:n], false
			}
		}
		v := values[name]
		if v == nil || (*(*ifaceWords)(unsafe.Pointer(&v))).tab == l.propTab {
			return keys[:n], false // a property with attributes, or an accessor
		}
		keys = append(keys, s)
	}
	return keys, true
}

// IsJSFunction reports whether v is a plain function written in JS (a function, method or arrow
// function, not a native, bound, class, async or generator one). goja copies the arguments of a
// call to such a function onto its own stack before the function runs, so a caller may pass
// them in a buffer it reuses. Not for hot paths: it uses reflect.
func IsJSFunction(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok || o == nil {
		return false
	}
	sf, ok := GojaObjectSelf()
	if !ok {
		return false
	}
	self := reflect.ValueOf(o).Elem().FieldByIndex(sf.Index)
	if self.IsNil() {
		return false
	}
	switch self.Elem().Type().String() {
	case "*goja.funcObject", "*goja.methodFuncObject", "*goja.arrowFuncObject":
		return true
	}
	return false
}

// probeTmpl finds the layout of goja's templated objects (the global object is one) and checks
// getKeyFast's walk through them (Object.prototype is one too) against Get: a property the
// template has not made yet is left to Get, one made or added is read from the map, a deleted
// one is absent. It leaves l.tmplTab nil (such objects are left to Get) when anything differs.
func probeTmpl(vm *goja.Runtime, l *getLayoutT) {
	defer func() {
		if recover() != nil {
			l.tmplTab = nil
		}
	}()
	sf, _ := GojaObjectSelf()
	g := vm.GlobalObject()
	impl := reflect.ValueOf(g).Elem().FieldByIndex(sf.Index).Elem()
	if impl.Kind() != reflect.Pointer || impl.Type().String() != "*goja.templatedObject" {
		return
	}
	tt := impl.Type().Elem()
	if f := tt.Field(0); f.Name != "baseObject" || !f.Anonymous || f.Offset != 0 {
		return
	}
	tf, ok := tt.FieldByName("tmpl")
	if !ok || len(tf.Index) != 1 || tf.Type.Kind() != reflect.Pointer || tf.Type.Elem().Kind() != reflect.Struct {
		return
	}
	pm, ok := tt.FieldByName("protoMaterialised")
	if !ok || len(pm.Index) != 1 || pm.Type.Kind() != reflect.Bool {
		return
	}
	pf, ok := tf.Type.Elem().FieldByName("props")
	if !ok || len(pf.Index) != 1 || pf.Type.Kind() != reflect.Map || pf.Type.Key() != reflect.TypeFor[unistring.String]() ||
		pf.Type.Elem().Kind() != reflect.Func || !reflect.TypeFor[func(*goja.Runtime) goja.Value]().ConvertibleTo(pf.Type.Elem()) {
		return
	}
	l.tmplTab = (*(*ifaceWords)(unsafe.Add(unsafe.Pointer(g), l.selfOff))).tab
	l.tmplOff, l.protoMatOff, l.tmplPropsOff = tf.Offset, pm.Offset, pf.Offset
	v, err := vm.RunString(`(function() {
		const o = Object.create(Object.create({ mine: 1 }));
		Object.prototype.added = 2;
		Object.defineProperty(Object.prototype, 'hidden', { value: 3, writable: true });
		void Object.prototype.valueOf; // made by the template
		delete Object.prototype.isPrototypeOf; // a white hole
		void o.nowhere; // Object.prototype's prototype materialised (null)
		return o;
	})()`)
	if err != nil {
		l.tmplTab = nil
		return
	}
	o := v.(*goja.Object)
	for _, name := range []string{"mine", "added", "hidden", "valueOf", "isPrototypeOf", "nowhere", "toString", "toString"} {
		k := NewKey(name)
		got, fast := getKeyFast(l, o, k, nil)
		want := o.Get(name)
		if fast && got != want && (got == nil || want == nil || !got.SameAs(want)) {
			l.tmplTab = nil
			return
		}
		if name == "toString" && !fast && o.Get("toString") != nil {
			continue // (the first read leaves it to Get, which makes it; the second is fast)
		}
		if !fast {
			l.tmplTab = nil
			return
		}
	}
}
