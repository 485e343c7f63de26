package buffer

import (
	"encoding/binary"
	"math"
	"strings"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// The fixed-size read and write methods are native functions with a fast path for the common
// case (a number offset within bounds, a number value within range). Anything else goes to the
// JS implementation, which throws Node's errors or handles unusual receivers.

type accessor struct {
	size  int
	read  func(b []byte) goja.Value
	write func(b []byte, v float64)
	// min and max bound the written value; writes outside go to the slow path.
	min, max float64
}

func u8(b []byte) uint8 { return b[0] }

func toBits(v float64) uint64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return uint64(int64(v))
}

func accessors(vm *goja.Runtime) map[string]accessor {
	le, be := binary.LittleEndian, binary.BigEndian
	iv := func(i int64) goja.Value { return vm.ToValue(i) }
	return map[string]accessor{
		"readUInt8":     {size: 1, read: func(b []byte) goja.Value { return iv(int64(u8(b))) }},
		"readInt8":      {size: 1, read: func(b []byte) goja.Value { return iv(int64(int8(u8(b)))) }},
		"readUInt16LE":  {size: 2, read: func(b []byte) goja.Value { return iv(int64(le.Uint16(b))) }},
		"readUInt16BE":  {size: 2, read: func(b []byte) goja.Value { return iv(int64(be.Uint16(b))) }},
		"readInt16LE":   {size: 2, read: func(b []byte) goja.Value { return iv(int64(int16(le.Uint16(b)))) }},
		"readInt16BE":   {size: 2, read: func(b []byte) goja.Value { return iv(int64(int16(be.Uint16(b)))) }},
		"readUInt32LE":  {size: 4, read: func(b []byte) goja.Value { return iv(int64(le.Uint32(b))) }},
		"readUInt32BE":  {size: 4, read: func(b []byte) goja.Value { return iv(int64(be.Uint32(b))) }},
		"readInt32LE":   {size: 4, read: func(b []byte) goja.Value { return iv(int64(int32(le.Uint32(b)))) }},
		"readInt32BE":   {size: 4, read: func(b []byte) goja.Value { return iv(int64(int32(be.Uint32(b)))) }},
		"readFloatLE":   {size: 4, read: func(b []byte) goja.Value { return vm.ToValue(float64(math.Float32frombits(le.Uint32(b)))) }},
		"readFloatBE":   {size: 4, read: func(b []byte) goja.Value { return vm.ToValue(float64(math.Float32frombits(be.Uint32(b)))) }},
		"readDoubleLE":  {size: 8, read: func(b []byte) goja.Value { return vm.ToValue(math.Float64frombits(le.Uint64(b))) }},
		"readDoubleBE":  {size: 8, read: func(b []byte) goja.Value { return vm.ToValue(math.Float64frombits(be.Uint64(b))) }},
		"writeUInt8":    {size: 1, min: 0, max: 0xff, write: func(b []byte, v float64) { b[0] = byte(toBits(v)) }},
		"writeInt8":     {size: 1, min: -0x80, max: 0x7f, write: func(b []byte, v float64) { b[0] = byte(toBits(v)) }},
		"writeUInt16LE": {size: 2, min: 0, max: 0xffff, write: func(b []byte, v float64) { le.PutUint16(b, uint16(toBits(v))) }},
		"writeUInt16BE": {size: 2, min: 0, max: 0xffff, write: func(b []byte, v float64) { be.PutUint16(b, uint16(toBits(v))) }},
		"writeInt16LE":  {size: 2, min: -0x8000, max: 0x7fff, write: func(b []byte, v float64) { le.PutUint16(b, uint16(toBits(v))) }},
		"writeInt16BE":  {size: 2, min: -0x8000, max: 0x7fff, write: func(b []byte, v float64) { be.PutUint16(b, uint16(toBits(v))) }},
		"writeUInt32LE": {size: 4, min: 0, max: 0xffffffff, write: func(b []byte, v float64) { le.PutUint32(b, uint32(toBits(v))) }},
		"writeUInt32BE": {size: 4, min: 0, max: 0xffffffff, write: func(b []byte, v float64) { be.PutUint32(b, uint32(toBits(v))) }},
		"writeInt32LE":  {size: 4, min: -0x80000000, max: 0x7fffffff, write: func(b []byte, v float64) { le.PutUint32(b, uint32(toBits(v))) }},
		"writeInt32BE":  {size: 4, min: -0x80000000, max: 0x7fffffff, write: func(b []byte, v float64) { be.PutUint32(b, uint32(toBits(v))) }},
		"writeFloatLE": {size: 4, min: math.Inf(-1), max: math.Inf(1), write: func(b []byte, v float64) {
			le.PutUint32(b, float32Bits(v))
		}},
		"writeFloatBE": {size: 4, min: math.Inf(-1), max: math.Inf(1), write: func(b []byte, v float64) {
			be.PutUint32(b, float32Bits(v))
		}},
		"writeDoubleLE": {size: 8, min: math.Inf(-1), max: math.Inf(1), write: func(b []byte, v float64) {
			le.PutUint64(b, float64Bits(v))
		}},
		"writeDoubleBE": {size: 8, min: math.Inf(-1), max: math.Inf(1), write: func(b []byte, v float64) {
			be.PutUint64(b, float64Bits(v))
		}},
	}
}

// float32Bits and float64Bits write NaN as V8's canonical quiet NaN, as node does.
func float32Bits(v float64) uint32 {
	if v != v {
		return 0x7FC00000
	}
	return math.Float32bits(float32(v))
}

func float64Bits(v float64) uint64 {
	if v != v {
		return 0x7FF8000000000000
	}
	return math.Float64bits(v)
}

// offsetArg returns the offset argument when it is undefined (0) or an integral number.
func offsetArg(v goja.Value) (int, bool) {
	if goja.IsUndefined(v) {
		return 0, true
	}
	if !goja.IsNumber(v) {
		return 0, false
	}
	f := v.ToFloat()
	if f != math.Trunc(f) || f < 0 || f > math.MaxInt32 {
		return 0, false
	}
	return int(f), true
}

// thisBytes returns the bytes of the receiver when it is a Uint8Array (Buffer included).
func thisBytes(v goja.Value) ([]byte, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	if b, ok := u8Bytes(gojaLayout(), o); ok {
		return b, true
	}
	x, live := exportView(o)
	if !live {
		return []byte{}, true // over a detached ArrayBuffer: no bytes, as node sees it
	}
	b, ok := x.([]byte)
	return b, ok
}

// makeFast returns native versions of the methods in slow (name -> JS function), each falling
// back to the JS function when its fast path does not apply. They carry Node's names and lengths
// (set here rather than by the glue: a runtime then builds no descriptors for them).
func makeFast(vm *goja.Runtime, slow *goja.Object) *goja.Object {
	out := vm.NewObject()
	for name, acc := range accessors(vm) {
		fn, ok := goja.AssertFunction(slow.Get(name))
		if !ok {
			continue
		}
		acc := acc
		var f func(goja.FunctionCall) goja.Value
		if acc.read != nil {
			f = func(c goja.FunctionCall) goja.Value {
				if b, ok := thisBytes(c.This); ok {
					if off, ok := offsetArg(c.Argument(0)); ok && off+acc.size <= len(b) {
						return acc.read(b[off:])
					}
				}
				return callSlow(fn, c)
			}
		} else {
			f = func(c goja.FunctionCall) goja.Value {
				if b, ok := thisBytes(c.This); ok && goja.IsNumber(c.Argument(0)) {
					v := c.Argument(0).ToFloat()
					if off, ok := offsetArg(c.Argument(1)); ok && off+acc.size <= len(b) && !(v > acc.max || v < acc.min) {
						acc.write(b[off:], v)
						return vm.ToValue(off + acc.size)
					}
				}
				return callSlow(fn, c)
			}
		}
		length := 0
		if acc.read == nil {
			length = 1
		}
		out.Set(name, modules.Func(vm, nodeMethodName(name), length, f))
	}
	return out
}

// nodeMethodName is the name Node gives a numeric accessor: the float and double ones are named
// after their byte order relative to the machine's (little-endian: LE is "Forwards").
func nodeMethodName(name string) string {
	for _, kind := range []string{"Float", "Double"} {
		for _, rw := range []string{"read", "write"} {
			if strings.HasPrefix(name, rw+kind) {
				if strings.HasSuffix(name, "LE") == littleEndian {
					return rw + kind + "Forwards"
				}
				return rw + kind + "Backwards"
			}
		}
	}
	return name
}

// littleEndian reports the machine's byte order.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

func callSlow(fn goja.Callable, c goja.FunctionCall) goja.Value {
	r, err := fn(c.This, c.Arguments...)
	if err != nil {
		if ex, ok := err.(*goja.Exception); ok {
			panic(ex.Value())
		}
		panic(err)
	}
	return r
}
