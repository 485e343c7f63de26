package http

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
)

// The usual request's two objects (the message and the response) are plain objects with a
// prototype and seven own data properties each, which an object literal made in JS before
// (newReqRes in http.js). goja builds a literal one property at a time: the name list grows
// 1, 2, 4, 8 (four allocations) and each property is a bytecode op. newPlain makes the same
// object from Go: Object.create(proto) through the public API, then the own properties are
// written straight into goja's baseObject (its values map and its propNames list, which gets
// room for 8 names at once), exactly as goja's own _put writes an enumerable, writable,
// configurable data property. The result is the literal's object: the same prototype, the
// same own keys in the same order, the same descriptors (TestNewPlain compares them).
//
// It writes goja's unexported baseObject.values and .propNames, found through reflect and
// checked once per process against an object made by goja (probePlainLayout); when the probe
// fails (a goja upgrade moved them), newPlain reports false and the caller makes the literal
// in JS.

type plainLayoutT struct {
	ok                  bool
	selfOff             uintptr
	baseTab             unsafe.Pointer // the itab of *baseObject as an objectImpl
	valuesOff, namesOff uintptr
}

type ifaceWords struct{ tab, data unsafe.Pointer }

var (
	plainLayoutOnce sync.Once
	plainLayoutV    plainLayoutT
)

func plainLayout() *plainLayoutT {
	plainLayoutOnce.Do(func() { plainLayoutV = probePlainLayout() })
	return &plainLayoutV
}

func probePlainLayout() (l plainLayoutT) {
	defer func() {
		if recover() != nil {
			l = plainLayoutT{}
		}
	}()
	sf, ok := modules.GojaObjectSelf()
	if !ok {
		return
	}
	vm := goja.New()
	o := vm.NewObject()
	impl := reflect.ValueOf(o).Elem().FieldByIndex(sf.Index).Elem()
	if impl.Kind() != reflect.Pointer || impl.Type().String() != "*goja.baseObject" {
		return
	}
	bt := impl.Type().Elem()
	vf, ok := bt.FieldByName("values")
	if !ok || len(vf.Index) != 1 || vf.Type != reflect.TypeFor[map[unistring.String]goja.Value]() {
		return
	}
	nf, ok := bt.FieldByName("propNames")
	if !ok || len(nf.Index) != 1 || nf.Type != reflect.TypeFor[[]unistring.String]() {
		return
	}
	l.selfOff, l.valuesOff, l.namesOff = sf.Offset, vf.Offset, nf.Offset
	l.baseTab = (*(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))).tab
	l.ok = true
	// Check the result against a literal: keys, values, descriptors, and that goja keeps
	// working on the object (add, delete, enumerate, redefine).
	proto := vm.NewObject()
	mk, ok := l.newPlain(vm, proto, []unistring.String{"a", "b", "c"}, []goja.Value{vm.ToValue(1), goja.Null(), goja.Undefined()})
	if !ok {
		l.ok = false
		return
	}
	vm.Set("mk", mk)
	vm.Set("proto", proto)
	v, err := vm.RunString(`(function() {
		const lit = { __proto__: proto, a: 1, b: null, c: undefined };
		const show = (o) => JSON.stringify([Object.getPrototypeOf(o) === proto, Reflect.ownKeys(o),
			Object.getOwnPropertyDescriptors(o), o.a, o.b, o.c, 'c' in o]);
		const a = [show(mk), show(lit)];
		for (const o of [mk, lit]) {
			o.d = 4; delete o.a; o.a = 5; for (const k in o) o[k + 'x'] = 1;
			Object.defineProperty(o, 'b', { enumerable: false });
		}
		a.push(show(mk), show(lit));
		return a[0] === a[1] && a[2] === a[3];
	})()`)
	if err != nil || !v.ToBoolean() {
		l.ok = false
	}
	return
}

// newPlain is { __proto__: proto, names[0]: vals[0], ... } (names distinct, not array
// indexes, not __proto__). ok false: the layout is unknown and nothing was made. Loop only.
func (l *plainLayoutT) newPlain(vm *goja.Runtime, proto *goja.Object, names []unistring.String, vals []goja.Value) (*goja.Object, bool) {
	if !l.ok {
		return nil, false
	}
	o := vm.CreateObject(proto)
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
	if self.tab != l.baseTab {
		return nil, false
	}
	m := *(*map[unistring.String]goja.Value)(unsafe.Add(self.data, l.valuesOff))
	for i, k := range names {
		m[k] = vals[i]
	}
	n := len(names)
	pn := make([]unistring.String, n, max(8, n))
	copy(pn, names)
	*(*[]unistring.String)(unsafe.Add(self.data, l.namesOff)) = pn
	return o, true
}
