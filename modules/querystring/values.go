package querystring

import (
	"unsafe"

	"github.com/dop251/goja"
)

// Each JS string parse hands out costs goja one or two allocations. These cut that for the common
// cases: the empty string and one-character ASCII strings are made once per runtime, and a value
// that is an untouched slice of an ASCII query becomes a substring of the query's own JS string.

// valueCache holds the per-runtime prebuilt strings.
type valueCache struct {
	vm    *goja.Runtime
	empty goja.Value
	one   [128]goja.Value
}

func newValueCache(vm *goja.Runtime) *valueCache {
	return &valueCache{vm: vm, empty: vm.ToValue("")}
}

// strMaker makes JS strings for the pairs of one parse of qs (whose JS string is js).
type strMaker struct {
	c     *valueCache
	js    goja.String // the query as a JS string, when it is ASCII (UTF-16 offsets are byte offsets)
	base  uintptr
	limit int
}

func (c *valueCache) maker(v goja.Value, qs string) strMaker {
	m := strMaker{c: c}
	if js, ok := v.(goja.String); ok && len(qs) > 0 && js.Length() == len(qs) && isASCII(qs) {
		m.js, m.base, m.limit = js, uintptr(unsafe.Pointer(unsafe.StringData(qs))), len(qs)
	}
	return m
}

// value returns s (WTF-8) as a JS string.
func (m *strMaker) value(s string) goja.Value {
	switch {
	case len(s) == 0:
		return m.c.empty
	case len(s) == 1 && s[0] < 0x80:
		v := m.c.one[s[0]]
		if v == nil {
			v = m.c.vm.ToValue(s)
			m.c.one[s[0]] = v
		}
		return v
	}
	if m.js != nil {
		if off := uintptr(unsafe.Pointer(unsafe.StringData(s))) - m.base; off < uintptr(m.limit) && int(off)+len(s) <= m.limit {
			return m.js.Substring(int(off), int(off)+len(s))
		}
	}
	return jsString(m.c.vm, s)
}
