package buffer

import (
	"encoding/binary"
	"slices"
	"sync"

	"github.com/dop251/goja"
)

// Buffer.concat over a dense array, read in place (gojaview.go). Each element costs a few
// dependent loads (the Object, its typed array, its ArrayBuffer, the bytes), so the list is
// walked once: the bytes are gathered into scratch space while the total is not known, then
// moved into an output of the right size in one copy. Only when they outgrow the scratch
// (concatScratchMax) are the remaining elements summed first and copied in a second walk.

// concatScratchMax is the most a call gathers in scratch space. The scratch buffers live in a
// process-wide pool (so an idle runtime keeps none, and the collector frees them when unused).
const concatScratchMax = 512 << 10

var concatScratch = sync.Pool{New: func() any { return new([]byte) }}

// concatList is concat's per-runtime state: the two prototypes an element may have for its
// bytes to be read in place.
type concatList struct {
	l                    *viewLayout
	bufferProto, u8Proto *goja.Object
}

// view returns the bytes of v when it is a Uint8Array (by its kind, as node's isUint8Array;
// not an Int8Array or Uint8ClampedArray) whose prototype is Buffer.prototype or
// Uint8Array.prototype, with no own string-keyed properties, and whose buffer is not detached:
// one whose length, byteLength, buffer and byteOffset are the built-in getters' (node reads them
// as properties). Anything else (a subclass's instance too) goes to the glue's element by
// element path, which reads those properties and throws as node does.
func (c *concatList) view(v goja.Value) ([]byte, bool) {
	o, ok := v.(*goja.Object)
	if !ok || o == nil {
		return nil, false
	}
	b, p, ok := uint8Bytes(c.l, o)
	if !ok || p != c.bufferProto && p != c.u8Proto {
		return nil, false
	}
	return b, true
}

// concat returns the bytes of the elements of vals one after another, cut or zero-padded to
// length (-1: their total); false when an element is not a view (see view).
// vals is read in place: no JavaScript may run during the call.
func (c *concatList) concat(vals []goja.Value, length int) ([]byte, bool) {
	if c.bufferProto == nil || c.u8Proto == nil {
		return nil, false
	}
	if length >= 0 {
		// The size is known: straight into the output.
		out := makeNoZero(length)
		n := 0
		for _, v := range vals {
			b, ok := c.view(v)
			if !ok {
				return nil, false
			}
			if len(b) <= len(out)-n {
				n += put(out[n:], b)
			} else {
				n += copy(out[n:], b)
			}
		}
		clear(out[n:])
		return out, true
	}
	sp := concatScratch.Get().(*[]byte)
	defer concatScratch.Put(sp)
	buf := (*sp)[:0]
	for i, v := range vals {
		b, ok := c.view(v)
		if !ok {
			return nil, false
		}
		n := len(buf)
		if len(b) > cap(buf)-n {
			if n+len(b) > concatScratchMax {
				*sp = buf[:0]
				return c.sized(vals[i:], buf)
			}
			buf = slices.Grow(buf, max(len(b), 4096))
		}
		buf = buf[:n+len(b)]
		put(buf[n:], b)
	}
	*sp = buf[:0]
	out := makeNoZero(len(buf))
	copy(out, buf)
	return out, true
}

// sized is the rest of concat once the bytes outgrew the scratch space: head gathered so far,
// then the elements of rest, summed first and copied straight into the output.
func (c *concatList) sized(rest []goja.Value, head []byte) ([]byte, bool) {
	total := len(head)
	for _, v := range rest {
		b, ok := c.view(v)
		if !ok {
			return nil, false
		}
		total += len(b)
	}
	out := makeNoZero(total)
	n := copy(out, head)
	for _, v := range rest {
		b, _ := c.view(v)
		n += put(out[n:], b)
	}
	return out, true
}

// put copies src to the start of dst, which has room for it, and returns len(src). The
// common small views (8 to 16 bytes) are copied inline, not through a call into memmove.
func put(dst, src []byte) int {
	n := len(src)
	if n >= 8 && n <= 16 {
		_ = dst[n-1]
		binary.LittleEndian.PutUint64(dst, binary.LittleEndian.Uint64(src))
		binary.LittleEndian.PutUint64(dst[n-8:], binary.LittleEndian.Uint64(src[n-8:]))
		return n
	}
	return copy(dst, src)
}
