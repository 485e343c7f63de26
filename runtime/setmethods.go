package runtime

import "github.com/dop251/goja"

// goja gives Set.prototype the set methods of ES2025 (union, intersection, ...), which node 20's
// V8 does not have: code that feature-tests them (core-js, polyfills, `typeof s.union`) must see
// node's Set. They are removed when the global Set is first read (lazyglobals.go), or at start
// when the globals are not templated.
var laterSetMethods = []string{"union", "intersection", "difference", "symmetricDifference",
	"isSubsetOf", "isSupersetOf", "isDisjointFrom"}

// dropLaterSetMethods removes them from set, the Set constructor.
func dropLaterSetMethods(set goja.Value) {
	ctor, ok := set.(*goja.Object)
	if !ok {
		return
	}
	if proto, ok := ctor.Get("prototype").(*goja.Object); ok {
		for _, name := range laterSetMethods {
			_ = proto.Delete(name)
		}
	}
}
