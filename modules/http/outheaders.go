package http

import (
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// headerStore is an outgoing message's header store (its kOutHeaders): the lower-cased header
// names, each with its [name, value] entry, in the order an object's own keys would list them.
// It is a goja dynamic object, so JS reads and writes it as the plain object it used to be
// (headers[key], delete, for-in, Object.keys), while fastEnd walks its slices with no property
// reads and no key list to allocate. A message sets a few headers: a slice beats a map.
type headerStore struct {
	keys  []string
	vals  []goja.Value
	index bool // some key is an array index: those come first, in numeric order
	kbuf  [4]string
	vbuf  [4]goja.Value
}

func newOutHeaders() *headerStore {
	s := &headerStore{}
	s.keys, s.vals = s.kbuf[:0], s.vbuf[:0]
	return s
}

func (s *headerStore) find(k string) int {
	for i, x := range s.keys {
		if x == k {
			return i
		}
	}
	return -1
}

func (s *headerStore) Get(k string) goja.Value {
	if i := s.find(k); i >= 0 {
		return s.vals[i]
	}
	return nil
}

func (s *headerStore) Set(k string, v goja.Value) bool {
	if i := s.find(k); i >= 0 {
		s.vals[i] = v
		return true
	}
	s.keys = append(s.keys, k)
	s.vals = append(s.vals, v)
	if !s.index && modules.IsArrayIndex(k) {
		s.index = true
	}
	return true
}

func (s *headerStore) Has(k string) bool { return s.find(k) >= 0 }

func (s *headerStore) Delete(k string) bool {
	if i := s.find(k); i >= 0 {
		n := len(s.keys) - 1
		copy(s.keys[i:], s.keys[i+1:])
		copy(s.vals[i:], s.vals[i+1:])
		s.keys[n], s.vals[n] = "", nil // (nothing kept alive past the end)
		s.keys, s.vals = s.keys[:n], s.vals[:n]
	}
	return true
}

// order is the keys' positions in the order an ordinary object lists its own keys: array
// indices first, ascending, then the others as they were added.
func (s *headerStore) order() []int {
	o := make([]int, len(s.keys))
	for i := range o {
		o[i] = i
	}
	if s.index {
		sort.SliceStable(o, func(a, b int) bool {
			ka, kb := s.keys[o[a]], s.keys[o[b]]
			ia, ib := modules.IsArrayIndex(ka), modules.IsArrayIndex(kb)
			if ia && ib {
				na, _ := strconv.ParseUint(ka, 10, 32)
				nb, _ := strconv.ParseUint(kb, 10, 32)
				return na < nb
			}
			return ia && !ib
		})
	}
	return o
}

func (s *headerStore) Keys() []string {
	out := make([]string, len(s.keys))
	if !s.index {
		copy(out, s.keys)
		return out
	}
	for i, j := range s.order() {
		out[i] = s.keys[j]
	}
	return out
}

// headerCache is setHeaderFast's memory of the names and values it has seen valid: a server
// sets the same few headers over and over. names maps a valid name to its lower-case key;
// entries maps a name, then a value, to the frozen [name, value] entry every store shares
// (at most maxCachedEntries, then it starts again, as http.js's sharedEntries does).
type headerCache struct {
	names   map[string]string
	entries map[string]map[string]goja.Value
	count   int
	freeze  goja.Callable
}

const maxCachedEntries = 1000

func bindOutHeaders(vm *goja.Runtime, b *modules.LazyFuncs) {
	newStore := func() (*goja.Object, *headerStore) {
		st := newOutHeaders()
		o := vm.NewDynamicObject(st)
		o.SetPrototype(nil)
		return o, st
	}
	b.Set("newOutHeaders", func(goja.FunctionCall) goja.Value {
		o, _ := newStore()
		return o
	})
	hc := &headerCache{names: map[string]string{}, entries: map[string]map[string]goja.Value{}}
	if obj, ok := vm.GlobalObject().Get("Object").(*goja.Object); ok {
		hc.freeze, _ = goja.AssertFunction(obj.Get("freeze"))
	}
	vTrue, vFalse := vm.ToValue(true), vm.ToValue(false)
	// setHeaderFast(store, name, value) is setHeader's work for a string name and value, in one
	// call (no per-call lookups in JS objects, each of which allocates a key on goja): it checks
	// them (the answers are kept), takes the shared entry and puts it in store under the
	// lower-cased name. It returns true when done, a new store (which the caller assigns) when
	// store was null, and false, having changed nothing, for anything else (an invalid name or
	// value, which the JS path then reports; a store that is not one of ours).
	b.Set("setHeaderFast", func(c goja.FunctionCall) goja.Value {
		hv, nv, vv := c.Argument(0), c.Argument(1), c.Argument(2)
		if !goja.IsString(nv) || !goja.IsString(vv) || hc.freeze == nil {
			return vFalse
		}
		var st *headerStore
		ho, isObj := hv.(*goja.Object)
		if isObj {
			if st, isObj = modules.DynamicOf(ho).(*headerStore); !isObj { // (Export allocates)
				return vFalse
			}
		} else if !goja.IsNull(hv) {
			return vFalse
		}
		name := nv.String()
		key, ok := hc.names[name]
		if !ok {
			if !validToken(name) {
				return vFalse
			}
			key = strings.ToLower(name) // (a token is ASCII)
			if len(hc.names) >= maxCachedEntries {
				clear(hc.names)
			}
			hc.names[name] = key
		}
		value := vv.String()
		byName := hc.entries[name]
		entry := byName[value]
		if entry == nil {
			if badHeaderChar(value) {
				return vFalse
			}
			arr := vm.NewArray(nv, vv)
			entry = arr
			if len(value) <= 256 {
				if _, err := hc.freeze(nil, arr); err != nil {
					panic(err)
				}
				if hc.count++; hc.count > maxCachedEntries || byName == nil {
					if hc.count > maxCachedEntries {
						clear(hc.entries)
						hc.count = 1
					}
					byName = map[string]goja.Value{}
					hc.entries[name] = byName
				}
				byName[value] = entry
			}
		}
		if st == nil {
			o, s := newStore()
			s.Set(key, entry)
			return o
		}
		st.Set(key, entry)
		return vTrue
	})
}
