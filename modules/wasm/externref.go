package wasm

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// An externref is a JS value that wasm code holds opaquely: it gets it from JS (an export's
// parameter, an import's result, a table slot JS sets) and hands it back (an import's
// parameter, an export's result, a table slot JS gets). wazero carries an externref as a
// number it never looks into, 0 being ref.null extern, so each runtime keeps the values it gave
// to wasm by number. JS null is ref.null, as in V8. wazero cannot tell when wasm code drops a
// reference, so a value stays held as long as the runtime: an object keeps one number however
// often it is passed, and so do undefined, the booleans and a number; another primitive
// (string, bigint, symbol) gets a new number each time it crosses (wasm-bindgen passes strings
// through memory, so few do).
type externRefs struct {
	vals map[uint64]goja.Value
	objs map[*goja.Object]uint64
	nums map[float64]uint64
	next uint64
}

// the numbers of the values every runtime has
const (
	refUndefined = 1 + iota
	refTrue
	refFalse
	refFirstFree
)

// ref returns the externref for v, holding v from now on.
func (e *externRefs) ref(v goja.Value) uint64 {
	switch {
	case v == nil || goja.IsUndefined(v):
		return refUndefined
	case goja.IsNull(v):
		return 0
	}
	if e.next == 0 {
		e.next = refFirstFree
		e.vals = map[uint64]goja.Value{}
	}
	switch x := v.(type) {
	case *goja.Object:
		if id, ok := e.objs[x]; ok {
			return id
		}
		if e.objs == nil {
			e.objs = map[*goja.Object]uint64{}
		}
		id := e.add(v)
		e.objs[x] = id
		return id
	}
	if b, ok := modules.ExportAs[bool](v); ok {
		if b {
			return refTrue
		}
		return refFalse
	}
	if goja.IsNumber(v) && !goja.IsNaN(v) {
		f := v.ToFloat()
		if f == 0 { // (0 and -0 are equal keys: each is new every time)
			return e.add(v)
		}
		if id, ok := e.nums[f]; ok {
			return id
		}
		if e.nums == nil {
			e.nums = map[float64]uint64{}
		}
		id := e.add(v)
		e.nums[f] = id
		return id
	}
	return e.add(v)
}

func (e *externRefs) add(v goja.Value) uint64 {
	id := e.next
	e.next++
	e.vals[id] = v
	return id
}

// value returns the JS value of externref id.
func (e *externRefs) value(vm *goja.Runtime, id uint64) goja.Value {
	switch id {
	case 0:
		return goja.Null()
	case refUndefined:
		return goja.Undefined()
	case refTrue:
		return vm.ToValue(true)
	case refFalse:
		return vm.ToValue(false)
	}
	if v, ok := e.vals[id]; ok {
		return v
	}
	return goja.Null() // (not one of ours: wasm code made it up)
}
