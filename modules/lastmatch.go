package modules

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
)

// LastMatch is the search EventEmitter's removeListener makes in a list of listeners, from its
// end: the last index i of list with list[i] === target or list[i][k] === target (a once
// wrapper's listener), -1 when there is none. A JS loop reads k of every function it passes,
// each read a walk up two templated prototypes in goja: removing 20,000 listeners one by one
// took over a minute (node: under a second). Here each element is answered from goja's
// structs: a function object (any kind: goja embeds a baseObject at the start of each) whose
// own names lack k and whose prototype (walked once per call, as GetKey walks it) has no k is
// passed by comparing pointers. ok false, having run no JS, when anything could run JS or is
// not understood (list is not a dense Array, an element is not a function, k is an accessor
// anywhere on the way): the caller then runs its loop. Loop only.
func LastMatch(list, target *goja.Object, k Key) (idx int, ok bool) {
	return lastMatch(getLayout(), arrLayout(), list, target, k)
}

func lastMatch(l *getLayoutT, al *arrLayoutT, list, target *goja.Object, k Key) (idx int, ok bool) {
	if !l.ok || !al.ok || list == nil || target == nil {
		return -1, false
	}
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(list), l.selfOff))
	if self.tab != al.arrayTab || self.data == nil {
		return -1, false
	}
	vals := *(*[]goja.Value)(unsafe.Add(self.data, al.valuesOff))
	if n := *(*uint32)(unsafe.Add(self.data, al.lengthOff)); int(n) != len(vals) {
		return -1, false
	}
	var lastProto *goja.Object
	var protoVal goja.Value
	for i := len(vals) - 1; i >= 0; i-- {
		o, isObj := vals[i].(*goja.Object)
		if !isObj || o == nil {
			return -1, false
		}
		if o == target {
			return i, true
		}
		es := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
		if !al.isFunc(es.tab) {
			return -1, false
		}
		var v goja.Value
		if names := *(*[]unistring.String)(unsafe.Add(es.data, l.namesOff)); hasName(names, k.u) {
			raw := (*(*map[unistring.String]goja.Value)(unsafe.Add(es.data, l.valuesOff)))[k.u]
			if raw == nil {
				return -1, false
			}
			if rw := *(*ifaceWords)(unsafe.Pointer(&raw)); rw.tab == l.propTab {
				if *(*bool)(unsafe.Add(rw.data, l.accessorOff)) {
					return -1, false
				}
				raw = propValue(*(*goja.Value)(unsafe.Add(rw.data, l.valueOff)))
			}
			v = raw
		} else {
			proto := *(**goja.Object)(unsafe.Add(es.data, l.protoOff))
			if proto == nil {
				v = nil
			} else {
				if proto != lastProto {
					pv, ok := al.chainGet(l, proto, k)
					if !ok {
						return -1, false
					}
					lastProto, protoVal = proto, pv
				}
				v = protoVal
			}
		}
		if vo, isObj := v.(*goja.Object); isObj && vo == target {
			return i, true
		}
	}
	return -1, true
}

// chainGet is getKeyFast that also walks through a templated function object (goja's
// Function.prototype).
func (al *arrLayoutT) chainGet(l *getLayoutT, p *goja.Object, k Key) (goja.Value, bool) {
	for depth := 0; depth < 32; depth++ {
		self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(p), l.selfOff))
		if self.tab != al.tmplFuncTab || al.tmplFuncTab == nil {
			return getKeyFast(l, p, k, nil)
		}
		raw, found, ok := l.tmplOwn(self.data, k)
		if !ok {
			return nil, false
		}
		if found {
			if vw := *(*ifaceWords)(unsafe.Pointer(&raw)); vw.tab == l.propTab {
				if *(*bool)(unsafe.Add(vw.data, l.accessorOff)) {
					return nil, false
				}
				return propValue(*(*goja.Value)(unsafe.Add(vw.data, l.valueOff))), true
			}
			return raw, true
		}
		if p = *(**goja.Object)(unsafe.Add(self.data, l.protoOff)); p == nil {
			return nil, true
		}
	}
	return nil, false
}

// arrLayoutT is where goja keeps a dense Array's elements, and the itabs of its function
// objects whose baseObject sits at offset 0 (their own names and prototype are read as a plain
// object's).
type arrLayoutT struct {
	ok                   bool
	arrayTab             unsafe.Pointer
	valuesOff, lengthOff uintptr
	funcTabs             []unsafe.Pointer
	tmplFuncTab          unsafe.Pointer // goja's templatedFuncObject (Function.prototype), nil: not walked
}

func (al *arrLayoutT) isFunc(tab unsafe.Pointer) bool {
	for _, t := range al.funcTabs {
		if t == tab {
			return true
		}
	}
	return false
}

var (
	arrLayoutOnce sync.Once
	arrLayoutV    arrLayoutT
)

func arrLayout() *arrLayoutT {
	arrLayoutOnce.Do(func() { arrLayoutV = probeArrLayout() })
	return &arrLayoutV
}

func probeArrLayout() (al arrLayoutT) {
	defer func() {
		if recover() != nil {
			al = arrLayoutT{}
		}
	}()
	l := getLayout()
	sf, ok := GojaObjectSelf()
	if !ok || !l.ok {
		return
	}
	vm := goja.New()
	v, err := vm.RunString(`[[1, 2, 3], function f() {}, () => {}, ({ m() {} }).m, class C {}, (function () {}).bind(null),
		async function a() {}, function* g() {}, async () => {}, Object.prototype.toString, ({ async m() {} }).m]`)
	if err != nil {
		return
	}
	var objs []*goja.Object
	if vm.ExportTo(v, &objs) != nil || len(objs) != 11 {
		return
	}
	implType := func(o *goja.Object) reflect.Type {
		return reflect.ValueOf(o).Elem().FieldByIndex(sf.Index).Elem().Type()
	}
	at := implType(objs[0])
	if at.Kind() != reflect.Pointer || at.String() != "*goja.arrayObject" {
		return
	}
	vf, ok := at.Elem().FieldByName("values")
	if !ok || len(vf.Index) != 1 || vf.Type != reflect.TypeFor[[]goja.Value]() {
		return
	}
	lf, ok := at.Elem().FieldByName("length")
	if !ok || len(lf.Index) != 1 || lf.Type.Kind() != reflect.Uint32 {
		return
	}
	al.valuesOff, al.lengthOff = vf.Offset, lf.Offset
	al.arrayTab = (*(*ifaceWords)(unsafe.Add(unsafe.Pointer(objs[0]), l.selfOff))).tab
	for _, fn := range objs[1:] {
		t := implType(fn)
		if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
			continue
		}
		// A baseObject at offset 0, through embedded structs only.
		st := t.Elem()
		for st.Name() != "baseObject" {
			if st.Kind() != reflect.Struct || st.NumField() == 0 {
				break
			}
			f := st.Field(0)
			if !f.Anonymous || f.Offset != 0 || f.Type.Kind() != reflect.Struct {
				break
			}
			st = f.Type
		}
		if st.Name() != "baseObject" || st.PkgPath() != "github.com/dop251/goja" {
			continue
		}
		tab := (*(*ifaceWords)(unsafe.Add(unsafe.Pointer(fn), l.selfOff))).tab
		if tab != l.baseTab && !al.isFunc(tab) {
			al.funcTabs = append(al.funcTabs, tab)
		}
	}
	if l.tmplTab != nil {
		fp := objs[1].Prototype()
		t := implType(fp)
		if t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct && t.Elem().NumField() > 0 {
			if f := t.Elem().Field(0); f.Anonymous && f.Offset == 0 && f.Type.Name() == "templatedObject" {
				al.tmplFuncTab = (*(*ifaceWords)(unsafe.Add(unsafe.Pointer(fp), l.selfOff))).tab
			}
		}
	}
	al.ok = true
	// Check the answers against a JS search.
	check, err := vm.RunString(`(function () {
		const t = function t() {};
		const w = function w() {}; w.listener = t;
		const a = Object.defineProperty(function a() {}, 'listener', { value: t, enumerable: false });
		const list = [t, () => {}, w, a, class {}, (function () {}).bind(null)];
		const bound = (function () {}).bind(null); bound.listener = t;
		return [list, t, [list[1], list[4]], [bound, list[1]], [() => {}]];
	})()`)
	if err != nil {
		return arrLayoutT{}
	}
	var parts []*goja.Object
	if vm.ExportTo(check, &parts) != nil || len(parts) != 5 {
		return arrLayoutT{}
	}
	k := NewKey("listener")
	for _, c := range []struct {
		list *goja.Object
		want int
	}{{parts[0], 3}, {parts[2], -1}, {parts[3], 0}, {parts[4], -1}} {
		if got, ok := lastMatch(l, &al, c.list, parts[1], k); !ok || got != c.want {
			return arrLayoutT{}
		}
	}
	return al
}
