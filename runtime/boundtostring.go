package runtime

import (
	"strings"

	"github.com/dop251/goja"
)

// goja's Function.prototype.toString of a bound function names it ("function bound f() {
// [native code] }"); V8's text of any bound function is "function () { [native code] }".
// installBoundToString (before the first script whose text names bind, noteScriptSource) wraps
// it: the text of a native function whose name starts with "bound " (no source text can be
// that: it is not a function's syntax) is V8's.
func (rt *Runtime) installBoundToString() {
	rt.boundToStringFixed = true
	bound := rt.vm.ToValue(boundFunctionText)
	rt.fixFunctionText(func(s goja.String) goja.Value {
		if s.Length() > len(boundTextStart) {
			if t := s.String(); strings.HasPrefix(t, boundTextStart) && strings.HasSuffix(t, nativeCodeEnd) {
				return bound
			}
		}
		return nil
	})
}

const (
	boundFunctionText = "function () { [native code] }"
	boundTextStart    = "function bound "
	nativeCodeEnd     = "() { [native code] }"
)
