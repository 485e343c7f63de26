package modules

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
)

// PlainRecord and DenseElements read a plain object's or a plain array's contents straight
// from goja's storage, for walks over whole trees of values that must run no program code
// (assert's deep equality). They answer only where the public API would give the same
// answer without calling anything: ok false means "not such a value", and nothing was read.
// The layout they rely on (beyond GetKey's, fastget.go) is found once through reflect and
// checked on probe objects; if a goja upgrade moves anything, ok is always false.

type deepLayoutT struct {
	ok                      bool
	symOff                  uintptr        // baseObject.symValues (*orderedMap: nil when no symbol key was ever set)
	arrTab                  unsafe.Pointer // the itab of *arrayObject, whose baseObject is at its start
	arrValuesOff, arrLenOff uintptr        // arrayObject.values ([]Value), .length (uint32)
	taTab                   unsafe.Pointer // the itab of *typedArrayObject, whose baseObject is at its start (nil: not so)
}

var deepLayout = sync.OnceValue(probeDeepLayout)

func probeDeepLayout() (d deepLayoutT) {
	defer func() {
		if recover() != nil {
			d = deepLayoutT{}
		}
	}()
	l := getLayout()
	if !l.ok {
		return
	}
	sf, ok := GojaObjectSelf()
	if !ok {
		return
	}
	vm := goja.New()
	v, err := vm.RunString(`[{ a: 1 }, { [Symbol.iterator]: 1 }, [1, 'x', 3], [1, , 3], Object.defineProperty([1], 0, { get() { return 1; } })]`)
	if err != nil {
		return
	}
	all := v.(*goja.Object)
	obj := func(i int) *goja.Object { return all.Get(string(rune('0' + i))).(*goja.Object) }
	impl := func(o *goja.Object) reflect.Value { return reflect.ValueOf(o).Elem().FieldByIndex(sf.Index).Elem() }
	bt := impl(obj(0)).Type().Elem()
	sv, ok := bt.FieldByName("symValues")
	if !ok || len(sv.Index) != 1 || sv.Type.Kind() != reflect.Pointer {
		return
	}
	d.symOff = sv.Offset
	at := impl(obj(2)).Type()
	if at.String() != "*goja.arrayObject" {
		return
	}
	if f, ok := at.Elem().FieldByName("baseObject"); !ok || f.Offset != 0 || f.Type != bt {
		return
	}
	for _, f := range []struct {
		name string
		typ  reflect.Type
		off  *uintptr
	}{{"values", reflect.TypeFor[[]goja.Value](), &d.arrValuesOff}, {"length", reflect.TypeFor[uint32](), &d.arrLenOff}} {
		sf, ok := at.Elem().FieldByName(f.name)
		if !ok || len(sf.Index) != 1 || sf.Type != f.typ {
			return
		}
		*f.off = sf.Offset
	}
	d.arrTab = (*(*ifaceWords)(unsafe.Add(unsafe.Pointer(obj(2)), l.selfOff))).tab
	if ta, err := vm.RunString(`Object.assign(new Uint8Array(3), { k: 1 })`); err == nil {
		// (a typed array's own named keys: its baseObject, at its start)
		tao := ta.(*goja.Object)
		tt := impl(tao).Type()
		if f, ok := tt.Elem().FieldByName("baseObject"); ok && f.Offset == 0 && f.Type == bt {
			d.taTab = (*(*ifaceWords)(unsafe.Add(unsafe.Pointer(tao), l.selfOff))).tab
			if k, ok := d.namedKeys(l, tao); !ok || len(k) != 1 || k[0] != "k" {
				d.taTab = nil
			}
		}
	}
	d.ok = true
	// the probes: symbol keys seen, a dense array read as it is, a sparse and an accessor one
	// refused
	self := func(o *goja.Object) unsafe.Pointer {
		return (*(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))).data
	}
	if *(*unsafe.Pointer)(unsafe.Add(self(obj(0)), d.symOff)) != nil || *(*unsafe.Pointer)(unsafe.Add(self(obj(1)), d.symOff)) == nil {
		d.ok = false
		return
	}
	if keys, vals, ok := d.plainRecord(l, obj(0), vm.Get("Object").(*goja.Object).Get("prototype").(*goja.Object)); !ok || len(keys) != 1 || keys[0] != "a" || vals[0].ToInteger() != 1 {
		d.ok = false
		return
	}
	if els, ok := d.denseElements(l, obj(2)); !ok || len(els) != 3 || els[1].String() != "x" || els[2].ToInteger() != 3 {
		d.ok = false
		return
	}
	if _, ok := d.denseElements(l, obj(3)); ok {
		d.ok = false
		return
	}
	if _, ok := d.denseElements(l, obj(4)); ok {
		d.ok = false
	}
	return
}

// PlainRecord returns o's own enumerable string keys, in Keys()'s order, and their values, when
// o is a plain object of class Object whose own properties are all plain data properties with
// ASCII names (PlainOwnKeys), that has no symbol key, and whose prototypes up to objProto (or
// null) are plain objects with no symbol key either: its tag is [object Object] unless objProto
// has a Symbol.toStringTag, and reading it runs nothing.
// ok false otherwise. Loop only.
func PlainRecord(o, objProto *goja.Object) (keys []string, vals []goja.Value, ok bool) {
	d := deepLayout()
	if !d.ok {
		return nil, nil, false
	}
	return d.plainRecord(getLayout(), o, objProto)
}

func (d *deepLayoutT) plainRecord(l *getLayoutT, o, objProto *goja.Object) (keys []string, vals []goja.Value, ok bool) {
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
	if self.tab != l.baseTab || *(*unsafe.Pointer)(unsafe.Add(self.data, d.symOff)) != nil {
		return nil, nil, false
	}
	// (its prototypes: plain objects with no symbol key, up to objProto or null: a class's
	// instance, Object.create's)
	p := *(**goja.Object)(unsafe.Add(self.data, l.protoOff))
	for depth := 0; p != nil && p != objProto; depth++ {
		ps := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(p), l.selfOff))
		if depth == 32 || ps.tab != l.baseTab || *(*unsafe.Pointer)(unsafe.Add(ps.data, d.symOff)) != nil {
			return nil, nil, false
		}
		p = *(**goja.Object)(unsafe.Add(ps.data, l.protoOff))
	}
	if o.ClassName() != "Object" { // (an error, a strict arguments object)
		return nil, nil, false
	}
	keys, ok = plainOwnKeys(l, o, nil)
	if !ok {
		return nil, nil, false
	}
	values := *(*map[unistring.String]goja.Value)(unsafe.Add(self.data, l.valuesOff))
	vals = make([]goja.Value, len(keys))
	for i, k := range keys {
		vals[i] = values[unistring.String(k)] // (ASCII: goja's own form)
	}
	return keys, vals, true
}

// DenseElements returns the elements of a plain array, read in place (the caller must not keep
// the slice past running program code): one with no holes, no element with attributes or an
// accessor, and no own property but its elements and length (no named or symbol key). ok false
// for anything else. Loop only.
func DenseElements(o *goja.Object) (els []goja.Value, ok bool) {
	d := deepLayout()
	if !d.ok {
		return nil, false
	}
	return d.denseElements(getLayout(), o)
}

func (d *deepLayoutT) denseElements(l *getLayoutT, o *goja.Object) ([]goja.Value, bool) {
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
	if self.tab != d.arrTab {
		return nil, false
	}
	n := *(*uint32)(unsafe.Add(self.data, d.arrLenOff))
	if len(*(*[]unistring.String)(unsafe.Add(self.data, l.namesOff))) != 1 || // (its length)
		*(*unsafe.Pointer)(unsafe.Add(self.data, d.symOff)) != nil {
		return nil, false
	}
	els := *(*[]goja.Value)(unsafe.Add(self.data, d.arrValuesOff))
	if len(els) < int(n) {
		return nil, false
	}
	els = els[:n:n]
	// (goja's counts are not kept exact when an array shrinks: each element is looked at)
	for _, e := range els {
		if e == nil || (*(*ifaceWords)(unsafe.Pointer(&e))).tab == l.propTab {
			return nil, false
		}
	}
	return els, true
}

// NamedKeys returns the own enumerable string keys of an array or a typed array that are not
// indexes (not its length), in goja's order, read from its property table without listing its
// elements (Keys() makes a string of every index). ok false for other objects, and where a
// named property has attributes or a name that is not ASCII (the caller then lists Keys()).
// Loop only.
func NamedKeys(o *goja.Object) (keys []string, ok bool) {
	d := deepLayout()
	if !d.ok {
		return nil, false
	}
	return d.namedKeys(getLayout(), o)
}

func (d *deepLayoutT) namedKeys(l *getLayoutT, o *goja.Object) ([]string, bool) {
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
	isArr := self.tab == d.arrTab
	if !isArr && (self.tab != d.taTab || d.taTab == nil) {
		return nil, false
	}
	values := *(*map[unistring.String]goja.Value)(unsafe.Add(self.data, l.valuesOff))
	var keys []string
	for _, name := range *(*[]unistring.String)(unsafe.Add(self.data, l.namesOff)) {
		s := string(name)
		if isArr && s == "length" {
			continue
		}
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return nil, false
			}
		}
		v := values[name]
		if v == nil || (*(*ifaceWords)(unsafe.Pointer(&v))).tab == l.propTab {
			return nil, false // (a property with attributes, or an accessor)
		}
		keys = append(keys, s)
	}
	return keys, true
}
