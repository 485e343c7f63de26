package url

import (
	"reflect"
	"unsafe"
	"weak"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// registry maps URL and URLSearchParams objects to their Go state without a property on them
// (Node's instances have no own keys, not even symbols). It is keyed by the object's address:
// goja objects are Go heap objects, which never move. An entry also holds a weak pointer to its
// object: once the object is dead that pointer reads nil, so an entry left for a dead object is
// never taken for a new object at the same address, and the sweep that runs when the map has
// doubled since the last one drops such entries (amortized O(1) per put). A cleanup per object
// (runtime.AddCleanup) would remove entries sooner but measured to make new URL ~1.7x slower.
//
// A state must not hold its own object strongly (the entry would keep the object alive): the
// URL's state holds its URLSearchParams object, whose state points back to the URL's weakly.
// Loop only.
type registry struct {
	m     map[uintptr]regEntry
	sweep int // sweep when the map holds this many entries
	built int // entries when the map was made (Go maps do not shrink)
}

type regEntry struct {
	obj   weak.Pointer[byte] // the object's implementation (see impl)
	state any
}

// selfOffset is the offset of goja.Object's implementation (an interface), or ^0.
var selfOffset = modules.Lazy[uintptr]{Build: func() uintptr {
	f, ok := reflect.TypeFor[goja.Object]().FieldByName("self")
	if !ok || f.Type.Kind() != reflect.Interface {
		return ^uintptr(0)
	}
	return f.Offset
}}

// impl returns the allocation that carries o's properties (goja's *baseObject, made with and
// for o alone; it and o reference each other, so they live and die together), or o itself
// where goja's layout is not the expected one. The weak pointer is made to it rather than to o:
// weak.Make inserts into a list per memory span, and the span of o's 24-byte size class holds
// four times as many objects as the implementation's (made to o, it cost a quarter of new URL's time; made to the implementation, new URL measured as fast as with the old symbol-keyed slot).
func impl(o *goja.Object) *byte {
	off := selfOffset.Get()
	if off == ^uintptr(0) {
		return (*byte)(unsafe.Pointer(o))
	}
	iface := (*[2]unsafe.Pointer)(unsafe.Add(unsafe.Pointer(o), off))
	if iface[1] == nil {
		return (*byte)(unsafe.Pointer(o))
	}
	return (*byte)(iface[1])
}

const regMinSweep = 1024

// put makes state o's.
func (r *registry) put(o *goja.Object, state any) {
	if len(r.m) >= r.sweep {
		r.collect()
	}
	r.m[uintptr(unsafe.Pointer(o))] = regEntry{weak.Make(impl(o)), state}
}

// get returns o's state, or nil.
func (r *registry) get(o *goja.Object) any {
	e, ok := r.m[uintptr(unsafe.Pointer(o))]
	if !ok || e.obj.Value() != impl(o) {
		return nil
	}
	return e.state
}

// collect drops the entries of collected objects, and moves the rest to a smaller map when
// most are gone.
func (r *registry) collect() {
	if r.m == nil {
		r.m = make(map[uintptr]regEntry)
	}
	for a, e := range r.m {
		if e.obj.Value() == nil {
			delete(r.m, a)
		}
	}
	if r.built > 4*regMinSweep && len(r.m) < r.built/4 {
		m := make(map[uintptr]regEntry, len(r.m))
		for a, e := range r.m {
			m[a] = e
		}
		r.m = m
		r.built = len(m)
	}
	r.built = max(r.built, len(r.m))
	r.sweep = max(regMinSweep, 2*len(r.m))
}
