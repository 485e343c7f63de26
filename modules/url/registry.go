package url

import (
	"math/bits"
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
// never taken for a new object at the same address. A cleanup per object (runtime.AddCleanup)
// would remove entries sooner but measured to make new URL ~1.7x slower.
//
// put only appends to a log of entries. Most lookups never reach the registry (the accessors
// remember the object they saw last), so the hash index over the log is built only when a
// lookup needs it, and then extended with the entries appended since. The log is in fixed-size
// chunks, so it grows without copying (growing one slice was 6% of a new URL loop's CPU: between
// two GC cycles every entry still reads live, so the log doubles). When the log has doubled
// since the last sweep, a sweep drops the entries of collected objects in place (amortized O(1)
// per put) and drops the index. Before, every put inserted into an open-addressed table and
// every sweep rebuilt it: that was a third of the CPU of a new URL + searchParams loop.
//
// A state must not hold its own object strongly (the entry would keep the object alive): the
// URL's state (urlObj) holds its URLSearchParams object, whose state reaches only the part of
// the URL's state without it (urlState).
// Loop only.
type registry struct {
	chunks  [][]regEntry // the log, in put order, regChunk entries a chunk; of two entries with one key, the later one counts
	n       int          // entries in the log
	index   []int32      // open-addressed (linear probing, at most half full): 1 + log position, 0 free
	indexed int          // the log's first indexed entries are in index
	sweep   int          // sweep when n reaches this
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

// regChunk is the entries in a chunk of the log (32 KiB); a sweep keeps up to regKeepChunks
// chunks (512 KiB) however few entries are left.
const (
	regChunk      = 1024
	regKeepChunks = 16
)

// at returns the log's entry j.
func (r *registry) at(j int) *regEntry { return &r.chunks[j/regChunk][j%regChunk] }

// regHash is the home slot of key in an index of 1<<bits slots (Fibonacci hashing: the top
// bits of the product; objects' addresses are an arithmetic progression within a span).
func regHash(key uintptr, bits uint) uintptr {
	return uintptr(uint64(key>>3) * 0x9E3779B97F4A7C15 >> (64 - bits))
}

// put makes state o's (o has none yet).
func (r *registry) put(o *goja.Object, state any) {
	if r.n >= r.sweep {
		r.collect()
	}
	c := r.n / regChunk
	if c == len(r.chunks) {
		r.chunks = append(r.chunks, make([]regEntry, regChunk))
	}
	r.chunks[c][r.n%regChunk] = regEntry{uintptr(unsafe.Pointer(o)), weak.Make(impl(o)), state}
	r.n++
}

// get returns o's state, or nil.
func (r *registry) get(o *goja.Object) any {
	if r.n == 0 {
		return nil
	}
	if r.indexed < r.n {
		r.reindex()
	}
	key := uintptr(unsafe.Pointer(o))
	bits := uint(bits.TrailingZeros(uint(len(r.index))))
	mask := uintptr(len(r.index) - 1)
	for i := regHash(key, bits); ; i = (i + 1) & mask {
		p := r.index[i]
		if p == 0 {
			return nil
		}
		if e := r.at(int(p - 1)); e.key == key {
			if e.obj.Value() != impl(o) {
				return nil
			}
			return e.state
		}
	}
}

// reindex adds the log's new entries to the index, making it again if it would be more than
// half full.
func (r *registry) reindex() {
	if 2*r.n > len(r.index) {
		size := 16
		for size < 4*r.n {
			size <<= 1
		}
		r.index = make([]int32, size)
		r.indexed = 0
	}
	bits := uint(bits.TrailingZeros(uint(len(r.index))))
	mask := uintptr(len(r.index) - 1)
	for j := r.indexed; j < r.n; j++ {
		key := r.at(j).key
		i := regHash(key, bits)
		for p := r.index[i]; p != 0 && r.at(int(p-1)).key != key; p = r.index[i] {
			i = (i + 1) & mask
		}
		r.index[i] = int32(j + 1)
	}
	r.indexed = r.n
}

// len returns the number of entries (some perhaps of dead objects).
func (r *registry) len() int { return r.n }

// collect drops the entries of collected objects, and the index; the next sweep is when the
// log has twice as many entries as are left. (put is called once per object, so a live object
// has one entry.)
func (r *registry) collect() {
	w := 0
	for j := 0; j < r.n; j++ {
		if e := r.at(j); e.obj.Value() != nil {
			if w != j {
				*r.at(w) = *e
			}
			w++
		}
	}
	for j := w; j < r.n; j++ {
		*r.at(j) = regEntry{}
	}
	r.n = w
	r.sweep = max(regMinSweep, 2*w)
	// chunks past those the next sweep needs are kept, up to regKeepChunks
	keep := max(regKeepChunks, (r.sweep+regChunk-1)/regChunk)
	if len(r.chunks) > keep {
		clear(r.chunks[keep:])
		r.chunks = r.chunks[:keep]
	}
	r.index, r.indexed = nil, 0
}
