package atomics

import (
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"
	"weak"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// Growable SharedArrayBuffers (new SharedArrayBuffer(n, { maxByteLength })): the memory is
// allocated at its maximum size once, so every runtime that holds it shares it as it grows; the
// length all of them see lives in growInfo, found by the memory's address. Each runtime's
// ArrayBuffer object is brought to that length on its own loop when its SharedArrayBuffer is
// used (byteLength and the other accessors, grow, postMessage), so a view made afterwards covers
// the new bytes. goja's views have a fixed length: a view made before a grow does not track it
// (node's length-tracking views do).

type growInfo struct {
	length atomic.Int64
	max    int
}

var growables sync.Map // address of the memory -> *growInfo

// allocGrowable returns n zeroed bytes with room to grow to max. The capacity is at least 16
// bytes, so that the allocation is the memory's own (Go's tiny allocator packs smaller ones).
func allocGrowable(n, max int) []byte {
	c := (max + 7) &^ 7
	if c < 16 {
		c = 16
	}
	b := make([]byte, c)
	gi := &growInfo{max: max}
	gi.length.Store(int64(n))
	key := uintptr(unsafe.Pointer(&b[0]))
	growables.Store(key, gi)
	runtime.AddCleanup(&b[0], func(k uintptr) { growables.CompareAndDelete(k, gi) }, key)
	return b[:n]
}

// growOf returns the growth record of mem, or nil if it is not growable.
func growOf(mem []byte) *growInfo {
	if cap(mem) == 0 {
		return nil
	}
	v, ok := growables.Load(uintptr(unsafe.Pointer(unsafe.SliceData(mem))))
	if !ok {
		return nil
	}
	return v.(*growInfo)
}

// resize sets the bytes a goja ArrayBuffer covers: goja has no API for it, so the unexported
// field is set through reflect. It reports false if goja's layout is not the expected one.
func resize(ab goja.ArrayBuffer, b []byte) bool {
	v := reflect.ValueOf(&ab).Elem()
	if v.NumField() == 0 || v.Field(0).Kind() != reflect.Pointer || v.Field(0).IsNil() {
		return false
	}
	f := v.Field(0).Elem().FieldByName("data")
	if !f.IsValid() || f.Type() != reflect.TypeOf([]byte(nil)) {
		return false
	}
	*(*[]byte)(unsafe.Pointer(f.UnsafeAddr())) = b
	return true
}

// synced brings a growable SharedArrayBuffer object of this runtime to the shared length and
// returns its memory. Loop only.
func synced(ab goja.ArrayBuffer, gi *growInfo) []byte {
	mem := ab.Bytes()
	if n := int(gi.length.Load()); n != len(mem) && n <= cap(mem) {
		mem = mem[:n]
		resize(ab, mem)
	}
	return mem
}

// tracker lists a runtime's growable SharedArrayBuffer objects (weakly), so that Sync can bring
// them all to their shared length.
type tracker struct {
	objs map[weak.Pointer[byte]]*growInfo
}

type trackerKey struct{}

func trackerOf(h *modules.Host) *tracker {
	return h.State(trackerKey{}, func() any { return &tracker{} }).(*tracker)
}

// bufferAddr is the address of goja's object behind an ArrayBuffer, or nil.
func bufferAddr(ab goja.ArrayBuffer) unsafe.Pointer {
	v := reflect.ValueOf(&ab).Elem()
	if v.NumField() == 0 || v.Field(0).Kind() != reflect.Pointer {
		return nil
	}
	return v.Field(0).UnsafePointer()
}

// dataField returns the field of goja's ArrayBuffer object at p that holds its bytes.
func dataField(p unsafe.Pointer) *[]byte {
	var ab goja.ArrayBuffer
	*(*unsafe.Pointer)(unsafe.Pointer(&ab)) = p
	v := reflect.ValueOf(&ab).Elem().Field(0).Elem().FieldByName("data")
	if !v.IsValid() || v.Type() != reflect.TypeOf([]byte(nil)) {
		return nil
	}
	return (*[]byte)(unsafe.Pointer(v.UnsafeAddr()))
}

// track records a growable SharedArrayBuffer object of h's runtime. Loop only.
func track(h *modules.Host, ab goja.ArrayBuffer, gi *growInfo) {
	p := bufferAddr(ab)
	if p == nil {
		return
	}
	t := trackerOf(h)
	if t.objs == nil {
		t.objs = map[weak.Pointer[byte]]*growInfo{}
	}
	t.objs[weak.Make((*byte)(p))] = gi
}

// Sync brings every growable SharedArrayBuffer object of h's runtime to the length its memory
// has now (another thread may have grown it), so that views made from now on cover it.
// worker_threads calls it (as internal/atomics' sync) before it delivers a message. Loop only.
func Sync(h *modules.Host) {
	t := trackerOf(h)
	for wp, gi := range t.objs {
		p := wp.Value()
		if p == nil {
			delete(t.objs, wp)
			continue
		}
		f := dataField(unsafe.Pointer(p))
		if f == nil {
			continue
		}
		if n := int(gi.length.Load()); n != len(*f) && n <= cap(*f) {
			*f = (*f)[:n]
		}
	}
}
