package modules

import (
	"reflect"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/dop251/goja"
)

// GetSym is o.GetSymbol(s) (nil when o has no such property), read the way GetKey reads a
// name: up the chain of plain objects through their symbol tables (goja's baseObject.symValues,
// an orderedMap whose hash of a symbol is the symbol's address), without goja's calls through
// the object interfaces and its recursion per level (about half of a read's instructions).
// Anything else (an accessor, an object that is not plain, a templated object whose symbols
// are not made yet) is read by GetSymbol from the start. The layout is probed once and checked
// against GetSymbol (TestGetSym); without it every read is GetSymbol's. Loop only.
func GetSym(o *goja.Object, s *goja.Symbol) goja.Value {
	l := symLayout()
	if l == nil {
		return o.GetSymbol(s)
	}
	if v, ok := l.getSym(o, s); ok {
		return v
	}
	return o.GetSymbol(s)
}

type symLayoutT struct {
	g                          *getLayoutT
	symValuesOff               uintptr // baseObject.symValues (*orderedMap)
	hashTableOff               uintptr // orderedMap.hashTable (map[uint64]*mapEntry)
	keyOff, valueOff, hNextOff uintptr // mapEntry.key, .value, .hNext
	tmplSymPropsOff            uintptr // objectTemplate.symProps (0: templated objects are GetSymbol's)
}

var (
	symLayoutP    atomic.Pointer[symLayoutT]
	symLayoutOnce sync.Once
)

// symLayout is GetSym's layout, probed once; nil: unknown.
func symLayout() *symLayoutT {
	if l := symLayoutP.Load(); l != nil {
		return l
	}
	symLayoutOnce.Do(func() {
		if l := checkedSymLayout(); l != nil {
			symLayoutP.Store(l)
		}
	})
	return symLayoutP.Load()
}

func checkedSymLayout() *symLayoutT {
	vm := goja.New()
	l := probeSymLayout(vm)
	if l == nil {
		return nil
	}
	// Check every kind of answer against GetSymbol.
	v, err := vm.RunString(`(function() {
		const a = Symbol('a'), b = Symbol('b'), c = Symbol('c'), d = Symbol('d'), e = Symbol('e');
		const proto = { [a]: 1 };
		Object.defineProperty(proto, b, { value: 2, writable: false });
		Object.defineProperty(proto, c, { get() { return 3; } });
		const o = Object.create(proto);
		o[d] = 4; o[e] = 5; delete o[e];
		for (let i = 0; i < 20; i++) o[Symbol(String(i))] = i; // more than one bucket
		return [o, a, b, c, d, e, Symbol.iterator, Symbol('missing')];
	})()`)
	if err != nil {
		return nil
	}
	arr := v.(*goja.Object)
	o := arr.Get("0").(*goja.Object)
	for i := 1; i <= 7; i++ {
		s := arr.Get(string(rune('0' + i))).(*goja.Symbol)
		got, ok := l.getSym(o, s)
		want := o.GetSymbol(s)
		if i == 3 { // the accessor: left to GetSymbol
			if ok {
				return nil
			}
			continue
		}
		if !ok || got != want && (got == nil || want == nil || !got.SameAs(want)) {
			return nil
		}
	}
	return l
}

func probeSymLayout(vm *goja.Runtime) (l *symLayoutT) {
	defer func() {
		if recover() != nil {
			l = nil
		}
	}()
	g := getLayout()
	if !g.ok {
		return nil
	}
	v, err := vm.RunString(`(function() { const o = {}; o[Symbol('x')] = 1; return o; })()`)
	if err != nil {
		return nil
	}
	sf, _ := GojaObjectSelf()
	impl := reflect.ValueOf(v.(*goja.Object)).Elem().FieldByIndex(sf.Index).Elem()
	if impl.Kind() != reflect.Pointer || impl.Type().String() != "*goja.baseObject" {
		return nil
	}
	sv, ok := impl.Type().Elem().FieldByName("symValues")
	if !ok || len(sv.Index) != 1 || sv.Type.Kind() != reflect.Pointer || sv.Type.Elem().Kind() != reflect.Struct {
		return nil
	}
	ht, ok := sv.Type.Elem().FieldByName("hashTable")
	if !ok || len(ht.Index) != 1 || ht.Type.Kind() != reflect.Map || ht.Type.Key().Kind() != reflect.Uint64 ||
		ht.Type.Elem().Kind() != reflect.Pointer || ht.Type.Elem().Elem().Kind() != reflect.Struct {
		return nil
	}
	et := ht.Type.Elem().Elem()
	kf, ok1 := et.FieldByName("key")
	vf, ok2 := et.FieldByName("value")
	nf, ok3 := et.FieldByName("hNext")
	valueT := reflect.TypeFor[goja.Value]()
	if !ok1 || !ok2 || !ok3 || len(kf.Index) != 1 || len(vf.Index) != 1 || len(nf.Index) != 1 ||
		kf.Type != valueT || vf.Type != valueT || nf.Type != ht.Type.Elem() {
		return nil
	}
	l = &symLayoutT{g: g, symValuesOff: sv.Offset, hashTableOff: ht.Offset, keyOff: kf.Offset, valueOff: vf.Offset, hNextOff: nf.Offset}
	// A templated object's symbols not made yet are its template's symProps.
	if g.tmplTab != nil {
		gi := reflect.ValueOf(vm.GlobalObject()).Elem().FieldByIndex(sf.Index).Elem()
		if tf, ok := gi.Type().Elem().FieldByName("tmpl"); ok && tf.Type.Kind() == reflect.Pointer {
			if sp, ok := tf.Type.Elem().FieldByName("symProps"); ok && len(sp.Index) == 1 && sp.Type.Kind() == reflect.Map &&
				sp.Type.Key() == reflect.TypeFor[*goja.Symbol]() && sp.Type.Elem().Kind() == reflect.Func &&
				reflect.TypeFor[func(*goja.Runtime) goja.Value]().ConvertibleTo(sp.Type.Elem()) && sp.Offset != 0 {
				l.tmplSymPropsOff = sp.Offset
			}
		}
	}
	return l
}

// getSym is GetSym through plain objects only; ok false: ask GetSymbol.
func (l *symLayoutT) getSym(o *goja.Object, s *goja.Symbol) (goja.Value, bool) {
	g := l.g
	h := uint64(uintptr(unsafe.Pointer(s))) // (goja's Symbol.hash)
	p := o
	for depth := 0; depth < 32; depth++ {
		self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(p), g.selfOff))
		om := unsafe.Pointer(nil)
		if self.tab != g.baseTab {
			// A templated object (its baseObject first): its symbols once made, else none
			// unless its template makes s (GetSymbol's, as is a prototype not there yet).
			if self.tab != g.tmplTab || g.tmplTab == nil || l.tmplSymPropsOff == 0 || !*(*bool)(unsafe.Add(self.data, g.protoMatOff)) {
				return nil, false
			}
			if om = *(*unsafe.Pointer)(unsafe.Add(self.data, l.symValuesOff)); om == nil {
				tmpl := *(*unsafe.Pointer)(unsafe.Add(self.data, g.tmplOff))
				if (*(*map[*goja.Symbol]func(*goja.Runtime) goja.Value)(unsafe.Add(tmpl, l.tmplSymPropsOff)))[s] != nil {
					return nil, false
				}
			}
		} else {
			om = *(*unsafe.Pointer)(unsafe.Add(self.data, l.symValuesOff))
		}
		if om != nil {
			for e := (*(*map[uint64]unsafe.Pointer)(unsafe.Add(om, l.hashTableOff)))[h]; e != nil; e = *(*unsafe.Pointer)(unsafe.Add(e, l.hNextOff)) {
				k := *(*goja.Value)(unsafe.Add(e, l.keyOff))
				if (*(*ifaceWords)(unsafe.Pointer(&k))).data != unsafe.Pointer(s) {
					continue
				}
				v := *(*goja.Value)(unsafe.Add(e, l.valueOff))
				vw := *(*ifaceWords)(unsafe.Pointer(&v))
				if vw.tab != g.propTab {
					return v, true
				}
				if *(*bool)(unsafe.Add(vw.data, g.accessorOff)) {
					return nil, false
				}
				return propValue(*(*goja.Value)(unsafe.Add(vw.data, g.valueOff))), true
			}
		}
		if p = *(**goja.Object)(unsafe.Add(self.data, g.protoOff)); p == nil {
			return nil, true
		}
	}
	return nil, false
}
