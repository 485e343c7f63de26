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
// never taken for a new object at the same address, and the sweep that runs when the table has
// doubled since the last one drops such entries (amortized O(1) per put). A cleanup per object
// (runtime.AddCleanup) would remove entries sooner but measured to make new URL ~1.7x slower.
//
// The table is open-addressed (linear probing, at most half full) and never deletes one entry:
// a sweep rebuilds it from the live entries. A Go map measured slower here: a sweep's deletes
// leave tombstones that lengthen every later probe, and it grew and rehashed between sweeps.
//
// A state must not hold its own object strongly (the entry would keep the object alive): the
// URL's state holds its URLSearchParams object, whose state points back to the URL's weakly.
// Loop only.
type registry struct {
	slots []regEntry // len a power of two (or 0); key 0 is a free slot
	n     int        // slots in use
	sweep int        // sweep when n reaches this
	live  []regEntry // collect's scratch
}

type regEntry struct {
	key   uintptr            // the object's address
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

// slot returns the index of key's entry in slots, or of the free slot where it would go.
func regSlot(slots []regEntry, key uintptr) int {
	mask := uintptr(len(slots) - 1)
	i := (key >> 3) * 0x9E3779B97F4A7C15 >> 32 & mask
	for slots[i].key != 0 && slots[i].key != key {
		i = (i + 1) & mask
	}
	return int(i)
}

// put makes state o's.
func (r *registry) put(o *goja.Object, state any) {
	if r.n >= r.sweep {
		r.collect()
	}
	key := uintptr(unsafe.Pointer(o))
	i := regSlot(r.slots, key)
	if r.slots[i].key == 0 {
		r.n++
	}
	// a used slot is a dead object's at the same address, or o's own (a state replaced)
	r.slots[i] = regEntry{key, weak.Make(impl(o)), state}
}

// get returns o's state, or nil.
func (r *registry) get(o *goja.Object) any {
	if r.n == 0 {
		return nil
	}
	e := &r.slots[regSlot(r.slots, uintptr(unsafe.Pointer(o)))]
	if e.key == 0 || e.obj.Value() != impl(o) {
		return nil
	}
	return e.state
}

// len returns the number of entries (some perhaps of dead objects).
func (r *registry) len() int { return r.n }

// collect drops the entries of collected objects, and sizes the table for twice as many
// entries as are left (at most half full when the next sweep is due); a table up to four times
// that size is kept (cleared) rather than made again.
func (r *registry) collect() {
	live := r.live[:0]
	for _, e := range r.slots {
		if e.key != 0 && e.obj.Value() != nil {
			live = append(live, e)
		}
	}
	r.sweep = max(regMinSweep, 2*len(live))
	size := 1
	for size < 2*r.sweep {
		size <<= 1
	}
	if len(r.slots) >= size && len(r.slots) <= 4*size {
		clear(r.slots)
	} else {
		r.slots = make([]regEntry, size)
	}
	for _, e := range live {
		r.slots[regSlot(r.slots, e.key)] = e
	}
	r.n = len(live)
	clear(live)
	if cap(live) <= 4*regMinSweep {
		r.live = live[:0]
	} else {
		r.live = nil
	}
}
