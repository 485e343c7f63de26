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

// PlainShape is a list of property names that the objects NewShapedObject makes share, instead
// of a names list each (NewPlainObject's 8-slot list is 128 bytes). The list carries goja's
// copy-on-write mark (what it sets on an object's names while it enumerates them): one slot past
// the names, whose capacity is exactly one more than their count, holds the marker, so every
// change goja makes to an object's names (adding, deleting, reordering for an index key,
// starting an enumeration) first copies them for that object alone. Made once, read-only after.
type PlainShape struct {
	names []unistring.String
}

// NewPlainShape is the shape of objects with the given own properties, in this order (distinct,
// not array indexes, not __proto__). Any goroutine.
func NewPlainShape(names ...string) *PlainShape {
	n := len(names)
	s := make([]unistring.String, n, n+1)
	for i, k := range names {
		s[i] = unistring.NewFromString(k)
	}
	s[:n+1][n] = gojaCopyMarker
	return &PlainShape{names: s}
}

// gojaCopyMarker is the value goja writes one past the end of an object's names to ask for a
// copy before any change (its copyMarker; checked by plainShapeChecked).
const gojaCopyMarker = unistring.String(" ")

// NewShapedObject is NewPlainObject for the names of shape, which the object shares with the
// others made from it until goja copies them (see PlainShape). ok false: the layout is unknown
// or goja no longer copies marked names (checked once per process), and nothing was made.
// Loop only.
func NewShapedObject(vm *goja.Runtime, proto *goja.Object, shape *PlainShape, vals []goja.Value) (*goja.Object, bool) {
	l := getLayout()
	if !l.ok || !plainObjectChecked() || !plainShapeChecked() {
		return nil, false
	}
	return l.newShaped(vm, proto, shape, vals)
}

func (l *getLayoutT) newShaped(vm *goja.Runtime, proto *goja.Object, shape *PlainShape, vals []goja.Value) (*goja.Object, bool) {
	o := vm.CreateObject(proto)
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
	if self.tab != l.baseTab {
		return nil, false
	}
	m := *(*map[unistring.String]goja.Value)(unsafe.Add(self.data, l.valuesOff))
	for i, k := range shape.names {
		m[k] = vals[i]
	}
	*(*[]unistring.String)(unsafe.Add(self.data, l.namesOff)) = shape.names
	return o, true
}

// plainShapeChecked makes, once per process, objects that share a shape and changes one of them
// every way that touches goja's names list (add, delete, an index key, enumerations finished and
// abandoned, redefinition, freezing): the others and the shape must stay as they were, and the
// changed one must end as a literal that went through the same changes.
var plainShapeChecked = sync.OnceValue(func() bool {
	l := getLayout()
	return l.ok && l.checkShape(NewPlainShape("a", "b", "c"))
})

// checkShape is plainShapeChecked's test, on a shape of "a", "b", "c".
func (l *getLayoutT) checkShape(shape *PlainShape) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	vm := goja.New()
	proto := vm.NewObject()
	mk := func(...goja.Value) *goja.Object {
		o, made := l.newShaped(vm, proto, shape, []goja.Value{vm.ToValue(1), goja.Null(), goja.Undefined()})
		if !made {
			panic("not made")
		}
		return o
	}
	vm.Set("mk", mk)
	vm.Set("proto", proto)
	v, err := vm.RunString(`(function() {
		const show = (o) => JSON.stringify([Object.getPrototypeOf(o) === proto, Reflect.ownKeys(o),
			Object.getOwnPropertyDescriptors(o)]);
		const changes = [
			(o) => { o.d = 4; },
			(o) => { delete o.b; },
			(o) => { delete o.c; o.c = 3; },
			(o) => { o[0] = 'i'; o[5] = 'j'; },
			(o) => { for (const k in o) o[k + 'x'] = 1; },
			(o) => { for (const k in o) break; o.e = 5; delete o.a; },
			(o) => { Object.keys(o); Object.entries(o); delete o.a; },
			(o) => { Object.defineProperty(o, 'b', { enumerable: false, value: 7 }); },
			(o) => { Object.freeze(o); },
		];
		const want = show(mk());
		for (const change of changes) {
			const [x, y, z] = [mk(), mk(), mk()];
			const lit = { __proto__: proto, a: 1, b: null, c: undefined };
			for (const k in y) {} // (an enumeration of another object first)
			change(x); change(lit);
			if (show(x) !== show(lit) || show(y) !== want || show(z) !== want || show(mk()) !== want) return false;
		}
		return true;
	})()`)
	if err != nil || !v.ToBoolean() {
		return false
	}
	return len(shape.names) == 3 && shape.names[0] == "a" && shape.names[1] == "b" && shape.names[2] == "c" &&
		cap(shape.names) == 4 && shape.names[:4][3] == gojaCopyMarker
}
