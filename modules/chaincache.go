package modules

import (
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
)

// ChainCache is a memo for reading one key through a prototype chain that many receivers share
// (a socket's emit: the socket, then Socket.prototype, Duplex.prototype, Readable.prototype,
// Stream.prototype, and EventEmitter.prototype, which has it). GetKey looks the key up in the
// map of every object of the chain that does not have it, a hash and a probe each; the memo
// remembers the objects between the receiver's prototype and the one that had the key, and
// checks, instead of looking in their maps, that none of them has gained an own string key since.
//
// That check reads goja's own record of an object's keys, baseObject.propNames (the list goja
// adds a key to and removes it from, together with the map): when the memo is made, each of those
// objects gets a copy of its list, made by the memo and marked with goja's copy-on-write mark (a
// last slot holding copyMarker, as goja's own key iterators mark the list they walk). goja then
// makes a new list before it removes a key from a marked one, and before it adds one past its
// capacity; an addition within the capacity makes the list longer. So as long as an object's list
// is the same array, of the same length, and still marked, it has exactly the keys it had, and
// none is the key. (goja's iterators clear the mark only on the list they marked themselves,
// which is never the memo's: a marked list is copied before an iteration marks it.) The key's
// value is still read from the holder's map on every read, and the receiver's own keys are
// looked up as GetKey does, so a changed value or an own property is seen at once.
//
// Anything else (an object that is not plain, an accessor, a chain that changed) is read as
// GetKey reads it, and the memo is made again from the walk. One per key and runtime; loop only
// (it holds the runtime's objects).
type ChainCache struct {
	k      Key
	start  *goja.Object // the prototype the remembered walk began at; nil: nothing remembered
	links  []chainLink  // the objects from start up to holder (not included), none owning k
	holder *goja.Object // the object whose own property k is
}

type chainLink struct {
	o     *goja.Object
	names *unistring.String // the array of its propNames when remembered (the memo's marked copy)
	n     int               // their number
}

// copyMarker is goja's mark of a property name list to copy before changing it (in its last
// slot, past the length): the name " ", compared by value.
const copyMarker = unistring.String(" ")

// NewChainCache returns an empty memo for reading k.
func NewChainCache(k Key) *ChainCache { return &ChainCache{k: k} }

// OwnMemo remembers keys that one receiver (a socket, read over and over) was seen not to own, as
// long as its own keys stay the same: the check of a ChainCache's links, on a marked copy of the
// receiver's name list. Up to eight keys, each a bit (see GetWith). The zero value is ready; loop
// only.
type OwnMemo struct {
	o      *goja.Object
	names  *unistring.String
	n      int
	absent uint8
}

// Get is GetKey(o, the memo's key). Loop only.
func (c *ChainCache) Get(o *goja.Object) goja.Value { return c.GetWith(o, nil, 0) }

// GetWith is Get, where m (nil: none) remembers for o, as its bit, that o does not own the key.
// Loop only.
func (c *ChainCache) GetWith(o *goja.Object, m *OwnMemo, bit uint) goja.Value {
	l := layoutP.Load()
	if l == nil {
		l = getLayout()
	}
	if v, ok := c.get(l, o, m, uint8(1)<<bit); ok {
		return v
	}
	return o.Get(c.k.s)
}

func (c *ChainCache) get(l *getLayoutT, o *goja.Object, m *OwnMemo, bit uint8) (goja.Value, bool) {
	if !l.ok {
		return nil, false
	}
	self := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(o), l.selfOff))
	if self.tab != l.baseTab {
		return nil, false
	}
	if names := *(*[]unistring.String)(unsafe.Add(self.data, l.namesOff)); m == nil || m.o != o || m.absent&bit == 0 ||
		m.names != unsafe.SliceData(names) || m.n != len(names) || !markedNames(names) {
		if v, found, ok := ownRead(l, self.data, c.k); found || !ok {
			return v, ok
		}
		if m != nil {
			names = markNames(l, self.data)
			if m.o != o || m.names != unsafe.SliceData(names) || m.n != len(names) {
				*m = OwnMemo{o: o, names: unsafe.SliceData(names), n: len(names)}
			}
			m.absent |= bit
		}
	}
	p := *(**goja.Object)(unsafe.Add(self.data, l.protoOff))
	if p == nil {
		return nil, true
	}
	if p == c.start && c.valid(l) {
		hs := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(c.holder), l.selfOff))
		if v, found, ok := ownRead(l, hs.data, c.k); found || !ok {
			return v, ok
		}
		// (the holder no longer has it: walk again)
	}
	return c.fill(l, p)
}

// valid reports whether the remembered chain is still the chain from start to holder, and none
// of its links has gained or lost an own key.
func (c *ChainCache) valid(l *getLayoutT) bool {
	q := c.start
	for i := range c.links {
		lk := &c.links[i]
		if lk.o != q {
			return false
		}
		s := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(q), l.selfOff))
		if s.tab != l.baseTab {
			return false
		}
		names := *(*[]unistring.String)(unsafe.Add(s.data, l.namesOff))
		if len(names) != lk.n || unsafe.SliceData(names) != lk.names || !markedNames(names) {
			return false
		}
		q = *(**goja.Object)(unsafe.Add(s.data, l.protoOff))
	}
	return q == c.holder
}

// fill walks from p (the receiver's prototype) as GetKey does and remembers the walk when it ends
// at a plain object owning the key as a data property.
func (c *ChainCache) fill(l *getLayoutT, p *goja.Object) (goja.Value, bool) {
	c.start, c.holder = nil, nil
	links := c.links[:0]
	clear(c.links) // (drop the old objects)
	q := p
	for depth := 0; depth < 32; depth++ {
		s := *(*ifaceWords)(unsafe.Add(unsafe.Pointer(q), l.selfOff))
		if s.tab != l.baseTab {
			c.links = links
			return nil, false
		}
		v, found, ok := ownRead(l, s.data, c.k)
		if found {
			c.links = links
			if ok {
				c.start, c.holder = p, q
			}
			return v, ok
		}
		names := markNames(l, s.data)
		links = append(links, chainLink{o: q, names: unsafe.SliceData(names), n: len(names)})
		if q = *(**goja.Object)(unsafe.Add(s.data, l.protoOff)); q == nil {
			c.links = links
			return nil, true
		}
	}
	c.links = links
	return nil, false
}

// ownRead reads the own property k of data, a plain object (baseObject): found false when it has
// none; ok false when it is not a data property (the caller asks Get).
func ownRead(l *getLayoutT, data unsafe.Pointer, k Key) (v goja.Value, found, ok bool) {
	if names := *(*[]unistring.String)(unsafe.Add(data, l.namesOff)); len(names) <= smallNames && !hasName(names, k.u) {
		return nil, false, true
	}
	v = (*(*map[unistring.String]goja.Value)(unsafe.Add(data, l.valuesOff)))[k.u]
	if v == nil {
		return nil, false, true
	}
	vw := *(*ifaceWords)(unsafe.Pointer(&v))
	if vw.tab != l.propTab {
		return v, true, true
	}
	if *(*bool)(unsafe.Add(vw.data, l.accessorOff)) {
		return nil, true, false
	}
	return propValue(*(*goja.Value)(unsafe.Add(vw.data, l.valueOff))), true, true
}

// markNames gives data, a plain object, a copy of its property name list with room for goja's
// copy-on-write mark, and marks it; it returns the copy. The names and their order are unchanged.
// A list that is such a copy already (of this or another memo) is kept: each memo that made a new
// one would make the others' stale.
func markNames(l *getLayoutT, data unsafe.Pointer) []unistring.String {
	np := (*[]unistring.String)(unsafe.Add(data, l.namesOff))
	names := *np
	if memoNames(names) {
		return names
	}
	cp := make([]unistring.String, len(names), len(names)+2)
	copy(cp, names)
	full := cp[:len(names)+2]
	full[len(names)], full[len(names)+1] = memoMarker, copyMarker
	*np = cp
	return cp
}

// memoMarker, past the names and before goja's mark, tells a list markNames made. (goja writes
// there only when it adds a name, in place: the list is then longer, and no memo's any more.)
const memoMarker = unistring.String("\x00gojs:names-memo")

// memoNames reports whether names is a list markNames made, unchanged since.
func memoNames(names []unistring.String) bool {
	return cap(names) == len(names)+2 && names[:cap(names)][len(names)] == memoMarker && markedNames(names)
}

// markedNames reports whether names carries goja's copy-on-write mark.
func markedNames(names []unistring.String) bool {
	return cap(names) > len(names) && names[:cap(names)][cap(names)-1] == copyMarker
}
