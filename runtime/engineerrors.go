package runtime

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
)

// Errors the engine raises itself (a TypeError from null.x, a ReferenceError for an unknown
// name, a RangeError from new Array(-1)) are built by goja's intrinsic constructors, which the
// global replacements in errorstack.go never see: a script that caught one read goja's message
// ("Cannot read property 'x' of undefined") and goja's stack ("\tat f (file:1:2(3))"), where
// mocha, jest, loggers and plain `catch (e) { console.error(e.stack) }` print V8's. So the
// intrinsic constructors' construct functions are wrapped (through reflect, as the frames are
// read): an error the engine makes gets V8's message and the stack accessor at birth.

type nativeConstruct = func(args []goja.Value, newTarget *goja.Object) *goja.Object

// hookEngineErrors wraps the construct function of goja's intrinsic error constructor native.
// It does nothing if goja's layout is not the one expected (TestErrorFramesProbe guards it).
func (s *stackAPI) hookEngineErrors(native *goja.Object) {
	field := constructField(native)
	if field == nil {
		return
	}
	orig := *field
	*field = func(args []goja.Value, newTarget *goja.Object) *goja.Object {
		o := orig(args, newTarget)
		if newTarget == native && !s.constructing && o != nil {
			s.engineBorn(o)
		}
		return o
	}
}

// engineBorn gives an error the engine just made V8's message and the V8 stack accessor.
func (s *stackAPI) engineBorn(o *goja.Object) {
	raw, ok := gojaErrorFrames(o)
	if !ok {
		return
	}
	msg := o.Get("message")
	if m, ok := msg.Export().(string); ok {
		if v8 := s.rt.engineMessage(o, m, raw); v8 != "" {
			msg = s.rt.vm.ToValue(v8)
		}
	}
	s.pendingInit()
	// goja would format its own stack text first (all frames) only to drop it
	if idx := stackAddedIndex(); idx != nil {
		self := reflect.NewAt(errorSelfType, unsafe.Add(unsafe.Pointer(o), errorSelfOffset)).Elem()
		if !self.IsNil() && self.Elem().Type() == errorObjType {
			*(*bool)(unsafe.Pointer(self.Elem().Elem().FieldByIndex(idx).UnsafeAddr())) = true
		}
	}
	o.DefineAccessorProperty("stack", s.getter, s.setter, goja.FLAG_TRUE, goja.FLAG_FALSE)
	// V8's own properties come in the order stack, message
	if msg != nil {
		o.Delete("message")
		o.DefineDataProperty("message", msg, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// stackAddedIndex is the index of goja's errorObject.stackPropAdded (true once the error has
// its own stack property, which goja then stops making), or nil when the layout is unknown.
var stackAddedIndex = sync.OnceValue(func() []int {
	errorFramesOnce.Do(errorFramesLayout)
	if !errorFramesUsable {
		return nil
	}
	sf, ok := errorObjType.Elem().FieldByName("stackPropAdded")
	if !ok || sf.Type.Kind() != reflect.Bool {
		return nil
	}
	return sf.Index
})

var constructFuncType = reflect.TypeFor[nativeConstruct]()

// constructField points at the construct function of goja's native function object fn, or is
// nil when fn is not one (or the layout is unknown).
func constructField(fn *goja.Object) *nativeConstruct {
	impl, ok := objectImpl(fn)
	if !ok || impl.Type().Elem().Name() != "nativeFuncObject" {
		return nil
	}
	sf, ok := impl.Type().Elem().FieldByName("construct")
	if !ok || sf.Type != constructFuncType {
		return nil
	}
	f := impl.Elem().FieldByIndex(sf.Index)
	p := (*nativeConstruct)(unsafe.Pointer(f.UnsafeAddr()))
	if *p == nil {
		return nil
	}
	return p
}
