package runtime

import (
	"strings"

	"github.com/dop251/goja"
)

// primitiveSetWords is V8's message for a strict-mode assignment to a property of a primitive
// ((0).x = 1, 'ab'[5] = 1, sym.q = v), which goja words "Receiver is not an object: 0" without
// the key: V8 says "Cannot create property 'x' on number '0'". The base and the key are read off
// goja's value stack while the engine is inside the failing assignment (engineBorn): for o.k = v
// the base is under the value (the key is the name goja points at), for o[k] = v the key is
// under the value and the base under the key. "" when the stack does not hold the primitive the
// message names (another path: Reflect.set with a primitive receiver throws nothing), or when
// a built-in is running (inScript false: the stack is not the assignment's).
func (rt *Runtime) primitiveSetWords(raw []goja.StackFrame, m string, inScript bool) string {
	shown, ok := strings.CutPrefix(m, "Receiver is not an object: ")
	if !ok || !inScript {
		return ""
	}
	text, col := rt.placeOrMapped(raw)
	if col < 0 || col >= len(text) {
		return ""
	}
	if col > 0 && text[col] != '[' && text[col-1] == '[' {
		col-- // (a source-mapped place is the key's)
	}
	stack, sp, ok := vmValueStack(rt.vm)
	if !ok || sp > len(stack) {
		return ""
	}
	var base goja.Value
	var key string
	if text[col] == '[' {
		if sp < 3 {
			return ""
		}
		base = stack[sp-3]
		switch k := stack[sp-2].(type) {
		case nil:
			return ""
		case *goja.Object:
			return "" // (already a property key: ToPropertyKey ran before the set)
		case *goja.Symbol:
			key = "Symbol(" + k.String() + ")"
		default:
			key = k.String()
		}
	} else {
		if sp < 2 {
			return ""
		}
		key = identAt(text, col)
		if key == "" {
			return ""
		}
		base = stack[sp-2]
	}
	var kind, value string
	switch b := base.(type) {
	case nil, *goja.Object:
		return ""
	case *goja.Symbol:
		if b.String() != shown {
			return ""
		}
		kind, value = "symbol", "Symbol("+b.String()+")"
	default:
		if goja.IsUndefined(b) || goja.IsNull(b) || b.String() != shown {
			return ""
		}
		switch b.ExportType().Kind().String() {
		case "string":
			kind = "string"
		case "bool":
			kind = "boolean"
		case "int64", "float64":
			kind = "number"
		default:
			if strings.HasSuffix(b.ExportType().String(), "big.Int") {
				kind = "bigint"
			} else {
				return ""
			}
		}
		value = b.String()
	}
	return "Cannot create property '" + key + "' on " + kind + " '" + value + "'"
}
