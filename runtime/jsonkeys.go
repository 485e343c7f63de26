package runtime

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
)

// goja's (*Object).Keys() allocates about four times per key (an iterator step is a method
// value, a key is boxed as a Value, the list grows) and copies the object's name list to mark
// it copy-on-write: 13 of the 16 allocations JSON.stringify made for {message, items, ok}.
// jsonOwnKeys lists the keys of the usual object, a plain one (goja's baseObject: literals,
// Object.create, `new` of a function or class) whose own properties are all plain data
// properties (writable, enumerable, configurable) with ASCII names none of which starts with a
// digit, by reading its name list directly: the same keys in the same order as Keys() gives
// (goja keeps names in insertion order and only moves array-index names to the front, and there
// are none). Any other object, or a layout this code does not recognise, goes to Keys().
//
// It reads goja's unexported structs: Object.self, baseObject.values and .propNames. The
// offsets are found once through reflect and checked against Keys() on probe objects.

type jsonKeysLayoutT struct {
	ok                  bool
	selfOff             uintptr
	baseTab             unsafe.Pointer // the itab of *baseObject as goja's objectImpl
	valuesOff, namesOff uintptr
	propTab             unsafe.Pointer // the itab of *valueProperty as a Value
}

type jsonIface struct{ tab, data unsafe.Pointer }

var (
	jsonKeysOnce   sync.Once
	jsonKeysLayout jsonKeysLayoutT
)

// jsonKeysLayoutGet probes the layout once per process, on the first caller's runtime (through
// the Go API only: no script is compiled and nothing reachable from JS is made).
func jsonKeysLayoutGet(vm *goja.Runtime) *jsonKeysLayoutT {
	jsonKeysOnce.Do(func() { jsonKeysLayout = probeJSONKeysLayout(vm) })
	return &jsonKeysLayout
}

func probeJSONKeysLayout(vm *goja.Runtime) (l jsonKeysLayoutT) {
	defer func() {
		if recover() != nil {
			l = jsonKeysLayoutT{}
		}
	}()
	sf, ok := modules.GojaObjectSelf()
	if !ok {
		return
	}
	l.selfOff = sf.Offset
	obj := func(kv ...any) *goja.Object {
		o := vm.NewObject()
		for i := 0; i < len(kv); i += 2 {
			if err := o.Set(kv[i].(string), kv[i+1]); err != nil {
				panic(err)
			}
		}
		return o
	}
	first := obj("b", 1, "a", 2, "c", 3)
	deleted := obj("x", 1, "y", 2, "z", 3, "w", 4)
	deleted.Delete("y")
	deleted.Set("y", 5)
	inherits := obj("own", 1)
	inherits.SetPrototype(obj("inherited", 1))
	index := obj("2", "i", "b", 1, "1", "j")
	attrs := obj("a", 1)
	if err := attrs.DefineDataProperty("h", vm.ToValue(1), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		return
	}
	attrs.Set("z", 1)
	accessor := vm.NewObject()
	getter := vm.ToValue(func(goja.FunctionCall) goja.Value { return vm.ToValue(1) })
	if err := accessor.DefineAccessorProperty("g", getter, nil, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		return
	}
	accessor.Set("p", 1)
	probes := []*goja.Object{first, deleted, inherits, index, attrs, accessor, vm.NewObject()}
	impl := reflect.ValueOf(first).Elem().FieldByIndex(sf.Index).Elem()
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
	l.valuesOff, l.namesOff = vf.Offset, nf.Offset
	l.baseTab = (*(*jsonIface)(unsafe.Add(unsafe.Pointer(first), l.selfOff))).tab
	aself := *(*jsonIface)(unsafe.Add(unsafe.Pointer(attrs), l.selfOff))
	if aself.tab != l.baseTab {
		return
	}
	hidden := (*(*map[unistring.String]goja.Value)(unsafe.Add(aself.data, l.valuesOff)))["h"]
	if hv := reflect.ValueOf(hidden); hv.Kind() != reflect.Pointer || hv.Type().String() != "*goja.valueProperty" {
		return
	}
	l.propTab = (*(*jsonIface)(unsafe.Pointer(&hidden))).tab
	l.ok = true
	// The plain probes must take the fast path and give Keys()'s answer; those with an index
	// name, an attribute or an accessor must not take it.
	var scratch []string
	for i, o := range probes {
		want := o.Keys()
		got, fast := jsonOwnKeys(&l, o, scratch[:0])
		if fast != (i != 3 && i != 4 && i != 5) || len(got) != len(want) && fast {
			l.ok = false
			return
		}
		for j := range got {
			if got[j] != want[j] {
				l.ok = false
				return
			}
		}
		scratch = got
	}
	return
}

// jsonOwnKeys appends o's own enumerable string keys, in Keys()'s order, to keys; fast is
// false (keys unchanged) when o is not an object it knows how to list.
func jsonOwnKeys(l *jsonKeysLayoutT, o *goja.Object, keys []string) (out []string, fast bool) {
	if !l.ok {
		return keys, false
	}
	self := *(*jsonIface)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
	if self.tab != l.baseTab {
		return keys, false
	}
	values := *(*map[unistring.String]goja.Value)(unsafe.Add(self.data, l.valuesOff))
	names := *(*[]unistring.String)(unsafe.Add(self.data, l.namesOff))
	n := len(keys)
	for _, name := range names {
		s := string(name)
		if s == "" || s[0] >= '0' && s[0] <= '9' {
			return keys[:n], false // ("" is left out with the digits: it is not an index, but rare)
		}
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return keys[:n], false
			}
		}
		v := values[name]
		if v == nil {
			return keys[:n], false
		}
		if (*(*jsonIface)(unsafe.Pointer(&v))).tab == l.propTab {
			return keys[:n], false // a property with attributes, or an accessor
		}
		keys = append(keys, s)
	}
	return keys, true
}
