package modules

import (
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
)

// NewPlainObject is { __proto__: proto, names[0]: vals[0], ... } made from Go (names distinct,
// not array indexes, not __proto__). goja builds a literal one property at a time: its name
// list grows 1, 2, 4, 8 and each property is a bytecode op. This makes the object through the
// public API (CreateObject) and writes the own properties straight into goja's baseObject (its
// values map and its propNames list, with room for 8 names at once), exactly as goja's _put
// writes an enumerable, writable, configurable data property. It uses the layout GetKey's probe
// found (fastget.go), checked once per process against a real literal (plainObjectChecked); ok
// false: the layout is unknown and nothing was made, and the caller makes the literal in JS.
// Loop only.
func NewPlainObject(vm *goja.Runtime, proto *goja.Object, names []unistring.String, vals []goja.Value) (*goja.Object, bool) {
	l := getLayout()
	if !l.ok || !plainObjectChecked() {
		return nil, false
	}
	return l.newPlain(vm, proto, names, vals)
}

func (l *getLayoutT) newPlain(vm *goja.Runtime, proto *goja.Object, names []unistring.String, vals []goja.Value) (*goja.Object, bool) {
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

// plainObjectChecked compares, once per process, an object made by newPlain with the literal it
// stands for: keys, values, descriptors, and that goja keeps working on it (add, delete,
// enumerate, redefine).
var plainObjectChecked = sync.OnceValue(func() (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	l := getLayout()
	if !l.ok {
		return false
	}
	vm := goja.New()
	proto := vm.NewObject()
	mk, made := l.newPlain(vm, proto, []unistring.String{"a", "b", "c"}, []goja.Value{vm.ToValue(1), goja.Null(), goja.Undefined()})
	if !made {
		return false
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
	return err == nil && v.ToBoolean()
})
