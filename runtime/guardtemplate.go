package runtime

import (
	"reflect"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
)

// The guards that replace goja's methods on the templated prototypes (Date.prototype's string
// forms, String.prototype's padEnd/padStart/repeat, Array.prototype's find family,
// Object.prototype.toLocaleString) join the prototype templates (prototemplate.go): the guard is
// made, around goja's own method, when the method is first made, by whatever reaches it first:
// a script that never names the method (String(fs.statSync(f).mtime) calls Date's toString),
// eval and new Function text, module glue. Before, each was installed before the first script
// whose text named it (noteScriptSource), which such code never triggered. A runtime pays
// nothing until it uses one, as with goja's own methods. When the templates cannot be used
// (an unknown goja layout) noteScriptSource still installs them by name.

// protoGuard makes a guard from goja's own method orig.
type protoGuard = func(rt *Runtime, orig goja.Value) *goja.Object

// protoGuards are the guards by prototype (its constructor's name, as in protoKinds) and method.
var protoGuards = map[string]map[string]protoGuard{
	"Date": {
		"toString":     func(rt *Runtime, orig goja.Value) *goja.Object { return rt.dateStringMethod("toString", orig) },
		"toTimeString": func(rt *Runtime, orig goja.Value) *goja.Object { return rt.dateStringMethod("toTimeString", orig) },
		"toISOString":  func(rt *Runtime, orig goja.Value) *goja.Object { return rt.dateStringMethod("toISOString", orig) },
	},
	"String": {
		"padEnd":   func(rt *Runtime, orig goja.Value) *goja.Object { return rt.stringLengthMethod("padEnd", orig) },
		"padStart": func(rt *Runtime, orig goja.Value) *goja.Object { return rt.stringLengthMethod("padStart", orig) },
		"repeat":   func(rt *Runtime, orig goja.Value) *goja.Object { return rt.stringLengthMethod("repeat", orig) },
	},
	"Array": {
		"find":          func(rt *Runtime, orig goja.Value) *goja.Object { return rt.holesMethod("find", 0, orig) },
		"findIndex":     func(rt *Runtime, orig goja.Value) *goja.Object { return rt.holesMethod("findIndex", 0, orig) },
		"findLast":      func(rt *Runtime, orig goja.Value) *goja.Object { return rt.holesMethod("findLast", 0, orig) },
		"findLastIndex": func(rt *Runtime, orig goja.Value) *goja.Object { return rt.holesMethod("findLastIndex", 0, orig) },
		"shift":         func(rt *Runtime, orig goja.Value) *goja.Object { return rt.shiftGuard(orig) },
		"unshift":       func(rt *Runtime, orig goja.Value) *goja.Object { return rt.unshiftGuard(orig) },
		"slice":         func(rt *Runtime, orig goja.Value) *goja.Object { return rt.sliceGuard(orig) },
		"concat":        func(rt *Runtime, orig goja.Value) *goja.Object { return rt.concatGuard(orig) },
	},
	"Object": {
		"toLocaleString": func(rt *Runtime, _ goja.Value) *goja.Object { return rt.objectToLocaleString() },
	},
}

// guardFactory is the template factory of the guarded method name: goja's own factory (from
// props, goja's template's), then the guard around what it made.
func (l *globalTemplateLayout) guardFactory(props reflect.Value, name string, guard protoGuard) globalTemplateFactory {
	gojas := props.MapIndex(reflect.ValueOf(unistring.String(name)))
	if !gojas.IsValid() {
		return nil
	}
	gojaMake := gojas.Convert(reflect.TypeFor[globalTemplateFactory]()).Interface().(globalTemplateFactory)
	return func(r *goja.Runtime) goja.Value {
		p := gojaMake(r)
		lz := lazyOwnerOf(l, r)
		orig := l.dataValue(p)
		if lz == nil || orig == nil {
			return p
		}
		fn := guard(lz.rt, orig)
		if fn == nil {
			return p
		}
		return l.ownProperty(r, name, func(o *goja.Object) {
			_ = o.DefineDataProperty(name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		})
	}
}

// guardsTemplated reports whether the runtime's prototypes make the guards of protoGuards
// themselves (noteScriptSource then leaves them be).
func (rt *Runtime) guardsTemplated() bool {
	return rt.lazy != nil && rt.lazy.protos[0] != nil
}

// installProtoGuards puts the guards of protoGuards[ctor] on the prototype of the global ctor,
// around its methods as they are (when the templates are not used: noteScriptSource).
func (rt *Runtime) installProtoGuards(ctor string) {
	proto := builtinProto(rt.vm, ctor)
	if proto == nil {
		return
	}
	for name, guard := range protoGuards[ctor] {
		if fn := guard(rt, proto.Get(name)); fn != nil {
			_ = proto.DefineDataProperty(name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
	}
}
