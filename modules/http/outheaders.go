package http

import (
	"sort"
	"strconv"

	"github.com/dop251/goja"
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
	if !s.index && isArrayIndex(k) {
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
			ia, ib := isArrayIndex(ka), isArrayIndex(kb)
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

// isArrayIndex reports whether k is a canonical array index (0 to 2^32-2, no leading zero),
// which an ordinary object lists before its other keys.
func isArrayIndex(k string) bool {
	if k == "" || len(k) > 10 || (k[0] == '0' && len(k) > 1) {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < '0' || k[i] > '9' {
			return false
		}
	}
	n, err := strconv.ParseUint(k, 10, 64)
	return err == nil && n < 1<<32-1
}

func bindOutHeaders(vm *goja.Runtime, b *goja.Object) {
	b.Set("newOutHeaders", func(goja.FunctionCall) goja.Value {
		o := vm.NewDynamicObject(newOutHeaders())
		o.SetPrototype(nil)
		return o
	})
}
