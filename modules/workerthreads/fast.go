package workerthreads

import (
	"encoding/binary"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// A fast path for the messages most programs send: primitives, strings, plain objects and dense
// arrays without shared references. It writes and reads the same V8 wire format as the v8
// module's JS Serializer; anything else (Maps, Dates, typed arrays, errors, cycles, class
// instances, transfers) returns "miss" and the JS serializer handles the message.

type fastWriter struct {
	vm       *goja.Runtime
	objProto *goja.Object
	arrProto *goja.Object
	buf      []byte
	seen     []*goja.Object // the objects written so far: a list while short, then seenMap
	seenMap  map[*goja.Object]struct{}
	depth    int
}

// enter records o, reporting false if it was seen before (a shared or cyclic reference, which
// the JS serializer writes as a back-reference).
func (w *fastWriter) enter(o *goja.Object) bool {
	if w.seenMap != nil {
		if _, ok := w.seenMap[o]; ok {
			return false
		}
		w.seenMap[o] = struct{}{}
		return true
	}
	for _, s := range w.seen {
		if s == o {
			return false
		}
	}
	w.seen = append(w.seen, o)
	if len(w.seen) > 16 {
		w.seenMap = make(map[*goja.Object]struct{}, 64)
		for _, s := range w.seen {
			w.seenMap[s] = struct{}{}
		}
	}
	return true
}

func (w *fastWriter) varint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }

func (w *fastWriter) str(s string) {
	oneByte := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			oneByte = false
			break
		}
	}
	if oneByte {
		w.buf = append(w.buf, '"')
		w.varint(uint64(len(s)))
		w.buf = append(w.buf, s...)
		return
	}
	units := utf16.Encode([]rune(s))
	latin := true
	for _, u := range units {
		if u > 0xff {
			latin = false
			break
		}
	}
	if latin {
		w.buf = append(w.buf, '"')
		w.varint(uint64(len(units)))
		for _, u := range units {
			w.buf = append(w.buf, byte(u))
		}
		return
	}
	n := uint64(len(units) * 2)
	vl := len(binary.AppendUvarint(nil, n))
	if (len(w.buf)+1+vl)&1 != 0 {
		w.buf = append(w.buf, 0)
	}
	w.buf = append(w.buf, 'c')
	w.varint(n)
	for _, u := range units {
		w.buf = append(w.buf, byte(u), byte(u>>8))
	}
}

func (w *fastWriter) num(f float64) {
	if f == math.Trunc(f) && f >= -2147483648 && f <= 2147483647 && !(f == 0 && math.Signbit(f)) {
		i := int64(f)
		w.buf = append(w.buf, 'I')
		w.varint(uint64((i << 1) ^ (i >> 63)))
		return
	}
	w.buf = append(w.buf, 'N')
	if f != f {
		w.buf = append(w.buf, 0, 0, 0, 0, 0, 0, 0xf8, 0x7f)
		return
	}
	w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(f))
}

func (w *fastWriter) key(k string) {
	if n, err := strconv.ParseUint(k, 10, 32); err == nil && n != math.MaxUint32 && strconv.FormatUint(n, 10) == k {
		w.num(float64(n))
		return
	}
	w.str(k)
}

// value writes v, reporting false when the fast path does not apply.
func (w *fastWriter) value(v goja.Value) bool {
	switch {
	case v == nil || goja.IsUndefined(v):
		w.buf = append(w.buf, '_')
		return true
	case goja.IsNull(v):
		w.buf = append(w.buf, '0')
		return true
	}
	o, isObj := v.(*goja.Object)
	if isObj {
		return w.object(o)
	}
	if _, ok := v.(*goja.Symbol); ok {
		return false
	}
	switch x := v.Export().(type) {
	case bool:
		if x {
			w.buf = append(w.buf, 'T')
		} else {
			w.buf = append(w.buf, 'F')
		}
		return true
	case int64:
		w.num(float64(x))
		return true
	case float64:
		w.num(x)
		return true
	case string:
		if strings.ContainsRune(x, utf8.RuneError) {
			return false // (maybe a lone surrogate, which Export made U+FFFD: the JS serializer keeps it)
		}
		w.str(x)
		return true
	}
	return false
}

// object writes a plain object or a dense array, reporting false for anything else.
func (w *fastWriter) object(o *goja.Object) bool {
	if w.depth > 200 || !w.enter(o) {
		return false
	}
	if o.ExportType() == proxyType {
		return false // (V8's serializer refuses a Proxy: the JS serializer throws its error)
	}
	w.depth++
	defer func() { w.depth-- }()
	proto := o.Prototype()
	switch {
	case proto == w.objProto && o.ClassName() == "Object":
		if _, isFn := goja.AssertFunction(o); isFn {
			return false
		}
		w.buf = append(w.buf, 'o')
		keys := o.Keys()
		for _, k := range keys {
			w.key(k)
			if !w.value(o.Get(k)) {
				return false
			}
		}
		w.buf = append(w.buf, '{')
		w.varint(uint64(len(keys)))
		return true
	case proto == w.arrProto && o.ClassName() == "Array":
		n := o.Get("length").ToInteger()
		if n < 0 || int64(len(o.Keys())) != n {
			return false // holes or extra properties
		}
		w.buf = append(w.buf, 'A')
		w.varint(uint64(n))
		for i := int64(0); i < n; i++ {
			if !w.value(o.Get(strconv.FormatInt(i, 10))) {
				return false
			}
		}
		w.buf = append(w.buf, '$', 0)
		w.varint(uint64(n))
		return true
	}
	return false
}

var proxyType = reflect.TypeFor[goja.Proxy]()

// fastSerialize returns the message's bytes, or nil when the JS serializer must handle it.
func fastSerialize(vm *goja.Runtime, objProto, arrProto *goja.Object, v goja.Value) []byte {
	w := &fastWriter{vm: vm, objProto: objProto, arrProto: arrProto, buf: make([]byte, 0, 64)}
	w.buf = append(w.buf, 0xff, 15)
	if !w.value(v) {
		return nil
	}
	return w.buf
}

type fastReader struct {
	vm  *goja.Runtime
	b   []byte
	p   int
	bad bool
}

func (r *fastReader) varint() uint64 {
	v, n := binary.Uvarint(r.b[r.p:])
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.p += n
	return v
}

func (r *fastReader) take(n uint64) []byte {
	if uint64(len(r.b)-r.p) < n {
		r.bad = true
		return nil
	}
	s := r.b[r.p : r.p+int(n)]
	r.p += int(n)
	return s
}

func (r *fastReader) value() goja.Value {
	for r.p < len(r.b) && r.b[r.p] == 0 {
		r.p++
	}
	if r.bad || r.p >= len(r.b) {
		r.bad = true
		return nil
	}
	tag := r.b[r.p]
	r.p++
	switch tag {
	case '_':
		return goja.Undefined()
	case '0':
		return goja.Null()
	case 'T':
		return r.vm.ToValue(true)
	case 'F':
		return r.vm.ToValue(false)
	case 'I':
		z := r.varint()
		return r.vm.ToValue(int64(z>>1) ^ -int64(z&1))
	case 'N':
		b := r.take(8)
		if b == nil {
			return nil
		}
		return r.vm.ToValue(math.Float64frombits(binary.LittleEndian.Uint64(b)))
	case '"':
		b := r.take(r.varint())
		if r.bad {
			return nil
		}
		ascii := true
		for _, c := range b {
			if c >= 0x80 {
				ascii = false
				break
			}
		}
		if ascii {
			return r.vm.ToValue(string(b))
		}
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
		}
		return r.vm.ToValue(string(rs))
	case 'c':
		b := r.take(r.varint())
		if r.bad || len(b)&1 != 0 {
			r.bad = true
			return nil
		}
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return goja.StringFromUTF16(u) // (a lone surrogate stays one)
	case 'o':
		o := r.vm.NewObject()
		for {
			for r.p < len(r.b) && r.b[r.p] == 0 {
				r.p++
			}
			if r.p >= len(r.b) {
				r.bad = true
				return nil
			}
			if r.b[r.p] == '{' {
				r.p++
				r.varint()
				return o
			}
			k := r.value()
			v := r.value()
			if r.bad {
				return nil
			}
			_ = o.Set(k.String(), v)
		}
	case 'A':
		n := r.varint()
		if r.bad || n > uint64(len(r.b)) {
			r.bad = true
			return nil
		}
		items := make([]any, n)
		for i := range items {
			if r.p < len(r.b) && r.b[r.p] == '-' {
				r.bad = true // holes: the JS reader handles them
				return nil
			}
			items[i] = r.value()
			if r.bad {
				return nil
			}
		}
		if r.p >= len(r.b) || r.b[r.p] != '$' {
			r.bad = true
			return nil
		}
		r.p++
		if r.varint() != 0 {
			r.bad = true
			return nil
		}
		r.varint()
		return r.vm.NewArray(items...)
	}
	r.bad = true
	return nil
}

// fastDeserialize returns the message's value, or nil when the JS deserializer must handle it.
func fastDeserialize(vm *goja.Runtime, b []byte) goja.Value {
	if len(b) < 2 || b[0] != 0xff || b[1] > 15 {
		return nil
	}
	r := &fastReader{vm: vm, b: b, p: 2}
	v := r.value()
	if r.bad || r.p != len(b) {
		return nil
	}
	return v
}
