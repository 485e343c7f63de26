package runtime

import (
	"reflect"
	goruntime "runtime"
	"strings"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// V8's stacks show a frame for a built-in that throws, as for one that calls back into script:
// "at String.repeat (<anonymous>)" above the caller's frame for 'a'.repeat(-1). goja's stack
// has the frame of a built-in that script called, under its bare name; builtinThrowFrame names
// it as V8 does. A built-in constructor run by new has no frame in goja's stack: the instruction
// running is the new, and the constructor is on the value stack (newBuiltin).

// builtinThrowFrame is V8's frame of a built-in that made the error itself, the innermost frame
// (at String.repeat for 'a'.repeat(-1), at Function.defineProperty for Object.defineProperty(1),
// at Reflect.ownKeys): named after its receiver's type as V8 names it, bare for no receiver
// (at BigInt, at parseInt) and for an accessor (at get size). A built-in run by
// Function.prototype.call or apply or by Reflect.apply, which V8 shows no frame for, is named for
// itself and the receiver it was given. ok is false for a function of gojs's own that is no
// stand-in for a built-in (its errors are made in node's JS, with frames of their own), and for
// the built-ins V8 shows no frame for (Reflect.apply and construct, Array called).
func (s *stackAPI) builtinThrowFrame(fn string, sl frameSlot) (siteInfo, bool) {
	if sl.callee == nil || fn == "" {
		return siteInfo{}, false
	}
	gofn := builtinGoName(sl.callee)
	this := sl.this
	switch gofn {
	case "github.com/dop251/goja.(*Runtime).functionproto_call-fm", "github.com/dop251/goja.(*Runtime).functionproto_apply-fm",
		"github.com/dop251/goja.(*Runtime).builtin_reflect_apply-fm":
		target, ok := sl.this.(*goja.Object)
		this = sl.arg0
		if strings.HasSuffix(gofn, "reflect_apply-fm") {
			target, ok = sl.arg0.(*goja.Object)
			this = sl.arg1
		}
		if !ok {
			return siteInfo{}, false
		}
		gofn = builtinGoName(target)
		if !engineBuiltin(gofn) {
			return siteInfo{}, false
		}
		if fn = builtinName(s.rt.vm, target); fn == "" {
			return siteInfo{}, false
		}
	}
	if !engineBuiltin(gofn) || fn == "Array" && strings.Contains(gofn, "constructToCall") {
		return siteInfo{}, false
	}
	if strings.HasPrefix(fn, "get ") || strings.HasPrefix(fn, "set ") {
		return siteInfo{fn: fn, builtin: true}, true
	}
	return s.builtinSite(fn, this), true
}

// builtinSite is the frame of the built-in fn called on this: "Type.fn" with the type V8 names
// for the receiver (Function for a static method's constructor, String for a string), bare fn
// for none.
func (s *stackAPI) builtinSite(fn string, this goja.Value) siteInfo {
	typ := ""
	switch {
	case this == nil || goja.IsUndefined(this) || goja.IsNull(this):
	case goja.IsString(this):
		typ = "String"
	default:
		if o, ok := this.(*goja.Object); ok {
			if _, isFn := goja.AssertFunction(o); isFn {
				typ = "Function"
			} else {
				typ = s.receiverType(o)
			}
			break
		}
		switch modules.TypeOf(this) {
		case "number":
			typ = "Number"
		case "boolean":
			typ = "Boolean"
		case "symbol":
			typ = "Symbol"
		case "bigint":
			typ = "BigInt"
		}
	}
	if typ == "" {
		return siteInfo{fn: fn, builtin: true}
	}
	return siteInfo{fn: fn, display: typ + "." + fn, native: typ}
}

// standInSource reports whether file is the source of a built-in gojs writes in JS for goja,
// which lacks it (Object.fromEntries, Promise.any...): V8's are native, so its frames show as
// the built-in's one frame (builtinSite), without its inner ones.
func standInSource(file string) bool {
	switch file {
	case "fromentries.js", "promiseany.js", "regexpsplit.js", "typedarraydefine.js":
		return true
	}
	return false
}

// builtinName is the name of fn, a built-in function: its own name property's value, "" when
// that is not a string or is an accessor (a script may have redefined it: V8 names the frame
// by the function's own name, which no script can change; such a frame is left out rather
// than a getter run while the error is made).
func builtinName(vm *goja.Runtime, fn *goja.Object) string {
	if desc := modules.OwnDescriptor(vm, fn, vm.ToValue("name")); desc != nil {
		if v := desc.Get("value"); v != nil && goja.IsString(v) {
			return v.String()
		}
	}
	return ""
}

// builtinGoName is the name of the Go function behind fn, a function object made from one ("" for
// a script's function or a bound one).
func builtinGoName(fn *goja.Object) string {
	f, ok := modules.ExportAs[func(goja.FunctionCall) goja.Value](fn)
	if !ok || f == nil {
		return ""
	}
	if rf := goruntime.FuncForPC(reflect.ValueOf(f).Pointer()); rf != nil {
		if orig, ok := hookedGoNames.Load(rf.Name()); ok {
			return orig.(string) // (a wrapper of asyncarrowthis.go: named as the built-in it wraps)
		}
		return rf.Name()
	}
	return ""
}

// engineBuiltin reports whether the Go function named gofn is a built-in of the language: one of
// goja's, or one of gojs's stand-ins for them (the guards around some of goja's methods, the
// typed arrays' Object.defineProperty, Atomics, the descriptor readers). V8 shows no frame for Reflect.apply and
// Reflect.construct, nor for a bound function (fn.bind(...)): its target's frame is the call's.
func engineBuiltin(gofn string) bool {
	switch gofn {
	case "github.com/dop251/goja.(*Runtime).builtin_reflect_apply-fm", "github.com/dop251/goja.(*Runtime).builtin_reflect_construct-fm":
		return false
	}
	if strings.HasPrefix(gofn, "github.com/dop251/goja.") && strings.Contains(gofn, ".boundCallable.func") {
		return false // (inlined, the name is functionproto_bind.(*Runtime).boundCallable.func1)
	}
	if strings.HasPrefix(gofn, "github.com/dop251/goja.") || strings.HasPrefix(gofn, "github.com/gojs-dev/gojs/modules/atomics.") {
		return true
	}
	if rest, ok := strings.CutPrefix(gofn, "github.com/gojs-dev/gojs/runtime.(*stackAPI)."); ok {
		// (the descriptor readers that show a pending stack as V8's data property)
		name, _, _ := strings.Cut(rest, ".")
		return name == "installStackDescriptors" || name == "patchReflectDescriptor"
	}
	rest, ok := strings.CutPrefix(gofn, "github.com/gojs-dev/gojs/runtime.(*Runtime).")
	if !ok {
		return false
	}
	name, _, _ := strings.Cut(rest, ".")
	switch name {
	case "stringLengthMethod", "dateStringMethod", "holesMethod", "shiftGuard", "unshiftGuard", "sliceGuard",
		"concatGuard", "objectToLocaleString", "installTypedArrayDefine", "installPromiseCombinators", "installNumberRadix",
		"installTimezoneOffset":
		return true
	}
	return false
}

// newBuiltin is the name of the built-in constructor that the innermost script frame is running
// with new at this moment ("" if none, or when goja's layout is unknown): while the constructor
// runs, goja's pc is at the _new instruction, whose operand is the number of arguments, above
// the constructor on the value stack. V8 shows no frame for Array's. Loop only, and meaningful
// only while the engine is inside the failing operation (engineBorn). A constructor in own
// (the replacement error constructors, whose errors leave their frame out) is none.
func newBuiltin(r *goja.Runtime, own map[*goja.Object]bool) string {
	l := vmCodeLayout()
	if !l.ok {
		return ""
	}
	vm := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(r), l.vm))
	if vm == nil {
		return ""
	}
	prg := *(*unsafe.Pointer)(unsafe.Add(vm, l.prg))
	pc := *(*int)(unsafe.Add(vm, l.pc))
	if prg == nil {
		return ""
	}
	code := reflect.NewAt(l.code.Type, unsafe.Add(prg, l.code.Offset)).Elem()
	if pc < 0 || pc >= code.Len() {
		return ""
	}
	ins := code.Index(pc)
	if ins.IsNil() {
		return ""
	}
	op := ins.Elem()
	if op.Type().Name() != "_new" || op.Kind() != reflect.Uint32 {
		return ""
	}
	stack, sp, ok := vmValueStack(r)
	at := sp - int(op.Uint()) - 1
	if !ok || sp > len(stack) || at < 0 {
		return ""
	}
	ctor, ok := stack[at].(*goja.Object)
	if !ok || own[ctor] {
		return ""
	}
	if !engineBuiltin(builtinGoName(ctor)) {
		return "" // (first: a proxy's name is not to be read here, its trap may throw)
	}
	switch n := builtinName(r, ctor); n {
	case "", "Array", "Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError",
		"AggregateError":
		// (an error's constructor is left out of the error's own stack, as V8 leaves it out)
		return ""
	default:
		return n
	}
}

// vmCodeLayout is where goja keeps the running program, the pc and the program's code, found by
// reflection once.
var vmCodeLayout = sync.OnceValue(func() (l struct {
	vm, prg, pc uintptr
	code        reflect.StructField
	ok          bool
}) {
	rf, ok := reflect.TypeFor[goja.Runtime]().FieldByName("vm")
	if !ok || rf.Type.Kind() != reflect.Pointer || rf.Type.Elem().Kind() != reflect.Struct {
		return
	}
	prg, ok1 := rf.Type.Elem().FieldByName("prg")
	pc, ok2 := rf.Type.Elem().FieldByName("pc")
	code, ok3 := reflect.TypeFor[goja.Program]().FieldByName("code")
	if !ok1 || !ok2 || !ok3 || prg.Type != reflect.TypeFor[*goja.Program]() || pc.Type.Kind() != reflect.Int ||
		code.Type.Kind() != reflect.Slice || code.Type.Elem().Kind() != reflect.Interface {
		return
	}
	l.vm, l.prg, l.pc, l.code, l.ok = rf.Offset, prg.Offset, pc.Offset, code, true
	return
})

// stackFramePCOffset is the offset of goja.StackFrame's pc (^0 if goja lays it out otherwise).
var stackFramePCOffset = modules.Lazy[uintptr]{Build: func() uintptr {
	sf, ok := reflect.TypeFor[goja.StackFrame]().FieldByName("pc")
	if !ok || sf.Type.Kind() != reflect.Int {
		return ^uintptr(0)
	}
	return sf.Offset
}}

// frameOp is the name of goja's instruction that the script frame f is at: for a caller's
// frame, the call it made ("_new" or "_newVariadic" for a new expression). "" when unknown.
func frameOp(f *goja.StackFrame) string {
	l := vmCodeLayout()
	off := stackFramePCOffset.Get()
	prg := frameProgram(f)
	if !l.ok || off == ^uintptr(0) || prg == nil {
		return ""
	}
	pc := *(*int)(unsafe.Add(unsafe.Pointer(f), off))
	code := reflect.NewAt(l.code.Type, unsafe.Add(prg, l.code.Offset)).Elem()
	if pc < 0 || pc >= code.Len() {
		return ""
	}
	ins := code.Index(pc)
	if ins.IsNil() {
		return ""
	}
	return ins.Elem().Type().Name()
}

// constructedFrame reports whether raw[i] runs a function its caller's new expression called
// (not one a native constructor called, a Promise's executor).
func (s *stackAPI) constructedFrame(raw []goja.StackFrame, slots []frameSlot, i int) bool {
	if i+1 >= len(raw) || raw[i+1].SrcName() == "<native>" || raw[i].SrcName() == "<native>" {
		return false
	}
	sl, ok := slotAt(slots, i)
	if !ok || sl.callee == nil || funcProgram(sl.callee) != frameProgram(&raw[i]) {
		return false
	}
	if op := frameOp(&raw[i+1]); op != "_new" && op != "_newVariadic" {
		return false
	}
	// (a native constructor has no frame of its own: a function it calls, a Promise's executor,
	// a getter of Error's options, has one right above the new's. The constructed function's
	// receiver is the object made, of its prototype)
	proto, ok := sl.callee.Get("prototype").(*goja.Object)
	this, ok2 := sl.this.(*goja.Object)
	if !ok || !ok2 {
		return false
	}
	for p, n := this.Prototype(), 0; p != nil && n < 64; p, n = p.Prototype(), n+1 {
		if p == proto {
			return true
		}
	}
	return false
}

// intlGlue is the file of Intl's glue (modules/intl), which stands for V8's built-in Intl.
const intlGlue = "node:internal/intl"

func intlFrame(f *goja.StackFrame) bool {
	return f.SrcName() != "<native>" && f.Position().Filename == intlGlue
}

// intlInside reports whether raw[i] is a frame V8 would not show for Intl: a frame of the glue
// called by the glue, a built-in the glue called (a Number() converting an argument: only the
// program's valueOf it runs, if any, has a frame), or the glue's bound format and compare
// functions (named bound: V8's are anonymous built-ins without frames). V8 runs Intl as built-ins, whose one
// frame is the entry the program called (intlEntry's).
func intlInside(raw []goja.StackFrame, i int) bool {
	caller := i + 1
	for caller < len(raw) && raw[caller].SrcName() == "<native>" {
		caller++
	}
	if caller < len(raw) && intlFrame(&raw[caller]) {
		return true
	}
	return intlFrame(&raw[i]) && raw[i].FuncName() == "bound"
}
