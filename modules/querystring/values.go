package querystring

import "github.com/dop251/goja"

// valueCache holds JS strings made once per runtime: the empty string and the one-character
// ASCII strings, which query values often are (a JS string from Go costs goja an allocation).
// (Handing out substrings of the query's own JS string instead of new strings was measured: it
// saves nothing, goja boxes either.)
type valueCache struct {
	vm    *goja.Runtime
	empty goja.Value
	one   [128]goja.Value
}

func newValueCache(vm *goja.Runtime) *valueCache {
	return &valueCache{vm: vm, empty: vm.ToValue("")}
}

// value returns s (WTF-8) as a JS string.
func (c *valueCache) value(s string) goja.Value {
	switch {
	case len(s) == 0:
		return c.empty
	case len(s) == 1 && s[0] < 0x80:
		v := c.one[s[0]]
		if v == nil {
			v = c.vm.ToValue(s)
			c.one[s[0]] = v
		}
		return v
	}
	return jsString(c.vm, s)
}
