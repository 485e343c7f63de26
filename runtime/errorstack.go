package runtime

import (
	"cmp"
	_ "embed"
	"math"
	"net/url"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/stream"
	"github.com/gojs-dev/gojs/runtime/js"
)

// V8's stack trace API, on goja.
//
// goja formats an error's `stack` its own way ("\tat f (file:1:2(3))", with frames of Go
// functions and of the runtime's entry scripts), and has neither Error.captureStackTrace nor
// Error.prepareStackTrace. Code that reads err.stack, parses it (stack-utils, error-stack-parser)
// or asks for structured call sites (depd, which express, koa and body-parser load; callsites;
// get-caller-file) needs V8's. So the global Error constructors are replaced by native
// constructors that build the real error (the native constructor called with new.target, so
// subclasses work)
// and then give it a `stack` as V8 would: "Name: message" and at most Error.stackTraceLimit
// frames "    at fn (file:line:col)", or what Error.prepareStackTrace returns for the error and
// its CallSite objects. Errors the engine raises itself (a TypeError from null.x) get the same
// at birth through the intrinsic constructors' construct functions (engineerrors.go); where that
// hook is unavailable, util.inspect and the uncaught-exception printer normalise them.

//go:embed js/callsite.js
var callSiteJS string

var errorCtorNames = []string{"Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError",
	"EvalError", "URIError", "AggregateError"}

type stackAPI struct {
	rt         *Runtime
	streams    *stream.Funcs         // the Go stream functions that emit 'data' themselves (innerSlots)
	baseProtos map[*goja.Object]bool // Error.prototype, TypeError.prototype, ...: not a subclass's
	errorCtor  *goja.Object          // the replacement global Error (holds stackTraceLimit, prepareStackTrace)
	ctors      map[*goja.Object]bool // the replacement constructors (wrapErrorCtor's)
	fnProto    *goja.Object          // Function.prototype (the replacement constructors' prototype)
	makeSite   goja.Callable         // callsite.js: (fn, file, line, col, top, str) -> CallSite
	// receiver.js: (receiver, function, name) -> [type, method, how, own] (stackreceiver.go)
	receiverNames goja.Callable
	classNames    map[*goja.Object]string // classInferredName's answers
	recvNames     map[recvKey]recvNames   // its answers (stackreceiver.go)
	ownRecvNames  map[ownRecvKey]ownRecv  // its answers for a receiver's own method (stackreceiver.go)
	recent        recentSlots             // the frame slots of errors made lately (stackreceiver.go)
	// the Error.stackTraceLimit an error made without a pending stack of its own is read with
	// (bornLimit); otherLimit and otherCount count the errors made in a row under another one
	fastLimit, otherLimit, otherCount int
	limitTable                        *map[unistring.String]goja.Value // errorCtor's own properties (stacklimitdata.go)
	limitTableDone                    bool

	wm                     *goja.Object // WeakMap: error -> *pendingStack (objects pendPut refuses)
	wmGet, wmSet, wmDelete goja.Callable
	pendPut, pendTake      goja.Callable // pendingJS: an object's pending stack in a private field
	arrowsSet              bool          // setArrow has been used (keepPending keeps what it set)
	pendPeek               goja.Callable
	getter, setter         goja.Value
	rawGOPD                goja.Callable // goja's Object.getOwnPropertyDescriptor (stackdescriptor.go)

	inferred   map[unsafe.Pointer]string // program -> V8's inferred name of its function (inferredname.go)
	scopes     map[*byte][]funcScope     // source -> its capitalized functions' bodies (enclosingname.go)
	argNames   map[*byte]*argNameCache   // source -> names V8's inferrer gives its other functions (callargname.go)
	protoSites map[*byte][]protoSite     // source -> where it gives values to constructors' prototypes (protoowner.go)

	constructing bool       // a replacement constructor is calling the native one (engineerrors.go)
	readingNew   bool       // innerSlots is reading the constructor that new runs (newBuiltin)
	preparing    bool       // Error.prepareStackTrace is running (format)
	defaultPrep  goja.Value // node's default Error.prepareStackTrace (setDefaultPrepare)
}

// installErrorStacks replaces the global error constructors. Loop only, at bootstrap.
// EvalError, which the engine never raises, is replaced when first used instead, through the
// global template (lazyEvalError), where the runtime has one.
func (rt *Runtime) installErrorStacks() {
	vm := rt.vm
	g := vm.GlobalObject()
	s := &stackAPI{rt: rt}
	rt.stacks = s
	rt.host.AddNodeFrame = s.addNodeFrame
	lazyEval := rt.lazy != nil && rt.lazy.attached && lazyEvalErrorOK()
	for _, name := range errorCtorNames {
		if name == "EvalError" && lazyEval {
			continue
		}
		nativeV := g.Get(name)
		if nativeV == nil {
			continue
		}
		ctor := s.wrapErrorCtor(name, nativeV.ToObject(vm))
		g.DefineDataProperty(name, ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	s.installStackDescriptors()
}

// wrapErrorCtor makes the replacement of native, the engine's error constructor called name: it
// becomes its prototype's constructor. The first one made (Error's) is the base of the others.
// Loop only.
func (s *stackAPI) wrapErrorCtor(name string, native *goja.Object) *goja.Object {
	vm := s.rt.vm
	base := s.errorCtor
	proto := native.Get("prototype").ToObject(vm)
	if s.baseProtos == nil {
		s.baseProtos = map[*goja.Object]bool{}
	}
	s.baseProtos[proto] = true
	length := native.Get("length")
	// called with new.target, as Reflect.construct would, without making Reflect (and its
	// thirteen functions) in every runtime
	construct, _ := goja.AssertConstructor(native)
	var ctor *goja.Object
	ctor = vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		var obj *goja.Object
		var subclass *goja.Object
		if nt := call.NewTarget; nt == nil || nt == ctor {
			// goja gives no new.target for a plain `new Error()`: the native error has the
			// same prototype either way
			s.constructing = true
			o, err := vm.New(native, call.Arguments...)
			s.constructing = false
			if err != nil {
				panic(err)
			}
			obj = o
			// called without new (Error('x'), Error.call(o, 'x'), Reflect.apply(Error, ...)),
			// goja has the constructor's own frame on top, or the call's: V8 shows none, the
			// stack begins at the caller as for new Error('x')
			if raw, ok := gojaErrorFrames(obj); ok && len(raw) > 0 && raw[0].SrcName() == "<native>" {
				switch raw[0].FuncName() {
				case name, "call", "apply":
					setGojaErrorFrames(obj, raw[1:])
				}
			}
		} else {
			o, err := construct(nt, call.Arguments...)
			if err != nil {
				panic(err)
			}
			obj = o
			subclass = nt
		}
		s.lazyStack(obj, subclass)
		return obj
	}).ToObject(vm)
	switch name {
	case "TypeError", "RangeError", "ReferenceError", "SyntaxError", "URIError":
		s.hookEngineErrors(native)
	}
	modules.NameFunc(vm, ctor, name, int(length.ToInteger()))
	if s.ctors == nil {
		s.ctors = map[*goja.Object]bool{}
		s.fnProto = ctor.Prototype()
	}
	s.ctors[ctor] = true
	ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if base == nil {
		s.errorCtor = ctor
		capture := modules.NameFunc(vm, vm.ToValue(func(call goja.FunctionCall) goja.Value {
			s.captureStackTrace(call.Argument(0), call.Argument(1))
			return goja.Undefined()
		}).ToObject(vm), "captureStackTrace", 2)
		ctor.DefineDataProperty("captureStackTrace", capture, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		// (the bootstrap puts node's default function here: see setDefaultPrepare)
		ctor.DefineDataProperty("prepareStackTrace", goja.Undefined(), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		s.fastLimit = s.rt.initialStackTraceLimit()
		ctor.DefineDataProperty("stackTraceLimit", vm.ToValue(s.fastLimit), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	} else {
		ctor.SetPrototype(base)
	}
	return ctor
}

// lazyEvalErrorOK reports whether the global template can make EvalError's replacement as a
// property (with the attributes DefineDataProperty gives it) when first used.
func lazyEvalErrorOK() bool { return globalTemplate().propType != nil }

// lazyEvalError is the global template's factory for EvalError: goja's, then its replacement
// (wrapErrorCtor), as installErrorStacks would have made it at start.
func lazyEvalError(lay *globalTemplateLayout) globalTemplateFactory {
	return lay.wrapGoja("EvalError", func(r *goja.Runtime, v goja.Value) goja.Value {
		l := lazyOwnerOf(lay, r)
		if l == nil || l.rt.stacks == nil || l.rt.stacks.errorCtor == nil || !lazyEvalErrorOK() {
			return v
		}
		native, ok := lay.dataValue(v).(*goja.Object)
		if !ok {
			return v
		}
		return lay.newDataProp(l.rt.stacks.wrapErrorCtor("EvalError", native), true, false, true)
	})
}

// captureStackTrace is Error.captureStackTrace(obj, constructorOpt).
func (s *stackAPI) captureStackTrace(target, ctorOpt goja.Value) {
	vm := s.rt.vm
	obj, ok := target.(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("invalid_argument")) // V8's own message
	}
	if _, proxy := modules.ExportAs[goja.Proxy](obj); proxy {
		panic(vm.NewTypeError("invalid_argument")) // (V8 takes no proxy: it is no JSObject)
	}
	skip := ""
	var skipPrg []unsafe.Pointer
	if fn, ok := ctorOpt.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(fn); isFn {
			// V8 finds the function by identity: so do we for a script function (a class
			// constructor's frame has no name in goja), by name for a native one
			// (a derived class without a constructor of its own has no frame in goja, where V8
			// has its default constructor's right above its parent's: the parent's frame stands
			// for it, as for captureStackTrace(this, this.constructor) in a base error class's
			// constructor run for a subclass)
			for c := fn; c != nil; c = c.Prototype() {
				if funcProgram(c) != nil {
					if raw, nAsync, ok := s.rt.framesBelowCallee(c); ok {
						s.setStackFrames(obj, raw, nAsync)
						return
					}
				} else if s.captureBelowClass(obj, c) {
					return // (goja's layout unknown) a class found by its source's place
				}
				if !implicitConstructor(c) {
					break
				}
			}
			if prg := funcProgram(fn); prg != nil {
				skipPrg = []unsafe.Pointer{prg}
			}
			skip = fn.Get("name").String()
			if skip == "" {
				skip = "\x00" // an anonymous native function: never found
			}
		}
	}
	s.setStackWith(obj, skip, skipPrg)
}

// implicitConstructor reports whether c is a derived class with no constructor written in its
// source (goja runs its parent's constructor with no frame of its own).
func implicitConstructor(c *goja.Object) bool {
	text := c.String()
	return strings.HasPrefix(text, "class") && strings.Contains(text, " extends ") && !strings.Contains(text, "constructor")
}

// captureBelowClass is Error.captureStackTrace(obj, C) for a class C (this.constructor in an
// error class's constructor, the usual form): goja's frames of class constructors have no name,
// so C's is found by place, the first nameless frame inside C's source text. It reports false
// when C is not a class or its frame is not found that way (the caller then goes by name).
func (s *stackAPI) captureBelowClass(obj, fn *goja.Object) bool {
	rt := s.rt
	text := fn.String() // Function.prototype.toString: the class's source
	if !strings.HasPrefix(text, "class") || len(text) < 8 {
		return false
	}
	raw := rt.vm.CaptureCallStack(0, nil)
	for i := range raw {
		f := &raw[i]
		if name := f.FuncName(); f.SrcName() == "<native>" || name != "" && name != "<anonymous>" {
			continue
		}
		p := f.Position()
		if rt.esmSources[p.Filename] || rt.transformed[p.Filename] {
			continue
		}
		place, ok := rt.classPlace(p.Filename, text)
		if !ok {
			continue
		}
		col := p.Column - 1
		if p.Line == 1 && rt.wrapped[p.Filename] {
			col -= len(cjsWrapperPrefix)
		}
		if p.Line < place.line || p.Line > place.endLine || p.Line == place.line && col < place.col ||
			p.Line == place.endLine && col >= place.endCol {
			continue
		}
		s.pendingInit()
		pv := &pendingStack{raw: raw[i+1:], limit: s.limitOrNone()}
		s.keepPending(obj, pv)
		obj.DefineAccessorProperty("stack", s.getter, s.setter, goja.FLAG_TRUE, goja.FLAG_FALSE)
		return true
	}
	return false
}

// classPlace is where a class's source text sits in a file: from line:col to endLine:endCol
// (0-based byte columns, end exclusive).
type classPlace struct {
	found                      bool
	line, col, endLine, endCol int
}

// classPlace finds text (a class's source) in filename's source, once per file and text.
func (rt *Runtime) classPlace(filename, text string) (classPlace, bool) {
	key := filename + "\x00" + text
	if pl, ok := rt.classPlaces[key]; ok {
		return pl, pl.found
	}
	var pl classPlace
	if src, ok := rt.sources[filename]; ok {
		if start := strings.Index(src, text); start >= 0 {
			end := start + len(text)
			pl.found = true
			pl.line = strings.Count(src[:start], "\n") + 1
			pl.col = start - (strings.LastIndexByte(src[:start], '\n') + 1)
			pl.endLine = pl.line + strings.Count(text, "\n")
			pl.endCol = end - (strings.LastIndexByte(src[:end], '\n') + 1)
		}
	}
	if rt.classPlaces == nil {
		rt.classPlaces = map[string]classPlace{}
	}
	if len(rt.classPlaces) < 4096 {
		rt.classPlaces[key] = pl
	}
	return pl, pl.found
}

// errorHeader is what Error.prototype.toString gives, as V8 puts at the top of a stack.
func errorHeader(obj *goja.Object) string {
	name, msg := "Error", ""
	if v := obj.Get("name"); v != nil && !goja.IsUndefined(v) {
		name = v.String()
	}
	if v := obj.Get("message"); v != nil && !goja.IsUndefined(v) {
		msg = v.String()
	}
	return modules.ErrorHeader(name, msg)
}

type siteInfo struct {
	fn, file  string
	display   string // the frame's name as printed, when it is not fn (a method's receiver type)
	typ       string // a method call's receiver type (CallSite's getTypeName)
	method    string // the property of the receiver the function was called as (getMethodName)
	line, col int
	top, esm  bool
	native    string      // a built-in's frame (no file or position): its receiver's type name
	builtin   bool        // a built-in's frame with no receiver type (at BigInt, at get size)
	eval      *evalOrigin // a frame of code the Function constructor made (evalorigin.go)
	async     bool        // an async function's, awaiting the frame above: "at async f"
	where     string      // a built-in's place when it is not <anonymous> ("index 0" of Promise.all's)
	comb      string      // a Promise combinator's frame: its name (all, allSettled, any)
	combIndex int         // and its element's index
	fnRecv    bool        // a method called on a function (K.s()): CallSite's type name is Function
}

// nativeFrameType names the receiver V8 shows for the frame of a built-in that calls a
// function of the program's (goja has the frame, under the bare name, without the receiver):
// the array methods taking a callback, and Array.from / TypedArray.from, called on a function.
// forEach is taken for Array's, the common one (Map's and Set's cannot be told apart here).
func nativeFrameType(name string) string {
	switch name {
	case "map", "forEach", "filter", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "flatMap",
		"reduce", "reduceRight", "sort", "toSorted":
		return "Array"
	case "replace", "replaceAll":
		return "String"
	case "from":
		return "Function"
	case "stringify":
		return "JSON"
	}
	return ""
}

// generatorMethod reports whether name is one of a generator's methods that resume its body.
func generatorMethod(name string) bool {
	return name == "next" || name == "return" || name == "throw"
}

// generatorName is the name V8 gives the frame of a generator's next (return, throw): the
// generator function's name ("gen.next"), or Generator for an anonymous one. fn is the name
// goja gives the generator body's frame, the one inside.
func generatorName(fn string) string {
	if fn == "" || fn == "<anonymous>" {
		return "Generator"
	}
	if fn[0] == '[' {
		// (a computed key's name: only a lowered async generator's body frame has one,
		// asyncGenFrames's, which V8 names after its prototype)
		return "AsyncGenerator"
	}
	return fn
}

// isGenerator reports whether v is a generator object (its Symbol.toStringTag, from
// %GeneratorPrototype%, says Generator).
func (s *stackAPI) isGenerator(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	tag := o.GetSymbol(goja.SymToStringTag)
	return tag != nil && goja.IsString(tag) && tag.String() == "Generator"
}

// isGeneratorFunction reports whether fn is a generator function (its Symbol.toStringTag, from
// %GeneratorFunction.prototype%, says GeneratorFunction).
func isGeneratorFunction(fn *goja.Object) bool {
	tag := fn.GetSymbol(goja.SymToStringTag)
	return tag != nil && goja.IsString(tag) && tag.String() == "GeneratorFunction"
}

// nativeReceiverType is the type V8 names a built-in's frame after for its receiver this (a
// Map's or Set's forEach, a typed array's map, an array method called on a string), def when
// this is no object or string.
func (s *stackAPI) nativeReceiverType(this goja.Value, def string) string {
	switch {
	case goja.IsString(this):
		return "String"
	case this == nil || goja.IsUndefined(this) || goja.IsNull(this):
		return def
	}
	o, ok := this.(*goja.Object)
	if !ok {
		return def
	}
	if t := s.receiverType(o); t != "" {
		return t
	}
	return def
}

// frames returns the script frames of the current call stack, innermost first, without the
// frames of Go functions and entry scripts, from just below the frame named skip if given.
// syntaxErr says the frames are a SyntaxError's.
func (s *stackAPI) frames(raw []goja.StackFrame, slots []frameSlot, task eventloop.CallKind, skip string, skipPrg []unsafe.Pointer, limit int, syntaxErr bool) []siteInfo {
	rt := s.rt
	raw, slots = asyncGenFrames(raw, slots)
	var out []siteInfo
	found := false
	whole := len(raw)    // (the innermost frame is the error's maker until frames are cut)
	cutAbove := ""       // the function of the script frame just above the cut, if one was cut
	cut := func(n int) { // raw = raw[n:], and slots with it
		for k := n - 1; k >= 0; k-- {
			if raw[k].SrcName() != "<native>" {
				cutAbove = raw[k].FuncName()
				break
			}
		}
		raw = raw[n:]
		slots = dropSlots(slots, n)
	}
	// calleeAbove is the function of the script frame above raw[i] (the one it called), or, for
	// the innermost frame, the one above the cut
	calleeAbove := func(i int) string {
		for k := i - 1; k >= 0; k-- {
			if raw[k].SrcName() != "<native>" {
				return raw[k].FuncName()
			}
		}
		return cutAbove
	}
	if syntaxErr && len(raw) > 1 && raw[0].SrcName() == raw[1].SrcName() && raw[0].FuncName() == raw[1].FuncName() &&
		raw[0].Position() == raw[1].Position() && frameProgram(&raw[0]) == frameProgram(&raw[1]) {
		// goja's frames of the SyntaxError of eval's code give the eval's call twice
		cut(1)
		whole = len(raw)
	}
	for _, prg := range skipPrg {
		for i := range raw {
			if frameProgram(&raw[i]) == prg {
				cut(i + 1)
				cutAbove = ctorCallee // (the constructors of the class being made)
				found = true
				break
			}
		}
		if found {
			break
		}
	}
	if skip != "" && !found {
		idx := -1
		for i, f := range raw {
			if f.SrcName() != "<native>" && f.FuncName() == skip {
				idx = i
				break
			}
		}
		if idx < 0 {
			return nil
		}
		cut(idx + 1)
	}
	if len(slots) > 0 && slots[0].newOf != "" && !found && skip == "" {
		// a built-in constructor run by new made the error (newBuiltin): V8 shows its frame
		out = append(out, siteInfo{fn: slots[0].newOf, display: "new " + slots[0].newOf, builtin: true})
	}
	cut(hiddenFramesEnd(raw))
	if n := rt.nsTrapFramesEnd(raw); n > 0 {
		// a namespace's trap reading or refusing (esm.js): V8 does that itself, so the
		// built-in that asked (Object.keys) or the script is the error's maker
		cut(n)
		whole = len(raw)
	}
	lstate := loaderFrameState{worker: rt.inWorker()}
	var glue glueFrameState
	fatal := 0          // 1: the last frame was the bootstrap's fatalHandled; 2: then fatalException (nodeFatalFrames)
	testTail := false   // node:test's frames of a call were given (testRunnerFrames): the glue's below are not node's
	testFrames := false // (and then the loop's frames are not node's either)
	// loopFrames: the task's frames went in at the loop's entry (a promise job run inside a
	// task, eventloop.RunCallbackQueues, has it below)
	loopFrames := false
	for i := 0; i < len(raw) && len(out) < limit; i++ {
		f := &raw[i]
		intlEntry := false
		if intlFrame(f) || f.SrcName() == "<native>" {
			if intlInside(raw, i) {
				continue
			}
			intlEntry = f.SrcName() != "<native>"
		}
		if name, index, ok := combinatorFrame(f); ok {
			// awaitingTail's: "at async Promise.all (index 1)"
			out = append(out, siteInfo{fn: name, display: "Promise." + name, native: "Function", async: true,
				where: "index " + strconv.Itoa(index), comb: name, combIndex: index})
			continue
		}
		if testTail {
			if internalFrame(f) {
				continue
			}
			testTail = false
		}
		if nfs, _, ok := s.testRunnerFrames(f.Position().Filename, slots, i); ok && f.SrcName() != "<native>" {
			for _, nf := range nfs {
				if len(out) < limit {
					out = append(out, nf)
				}
			}
			// (the loop's frames are not node's: node:test starts tests its own way)
			testTail, testFrames = true, true
			continue
		}
		if fatal == 2 && (f.SrcName() == "<native>" || f.FuncName() != "unhandledRejection") {
			break // (node's native side called process._fatalException)
		}
		if f.SrcName() == "<native>" {
			if i+1 < len(raw) && standInSource(raw[i+1].Position().Filename) {
				continue // (goja's own, which a built-in written in JS called: inside V8's built-in)
			}
			if f.FuncName() == "forEach" && i+1 < len(raw) && raw[i+1].Position().Filename == workerIOFile {
				continue // (a port's dispatch to its one listener: node's has no such frame)
			}
			if sl, ok := slotAt(slots, i); ok && (sl.kind == eventloop.CallEmit || sl.kind == eventloop.CallEmitList) {
				if sl.goPipe {
					// (a pipe's listener the Go stream function called itself: node's write
					// from the listener, which its emit called)
					if n := len(out); n > 0 && (out[n-1].method == "_write" || out[n-1].method == "_transform") {
						out = appendGoWriteFrames(out, limit)
					}
					out = appendLimited(out, limit, s.pipeOndataFrame(sl.this))
				}
				out = appendLimited(out, limit, s.emitFrame(sl)) // node's JS emit's frame, for our Go one
				if sl.goData != 0 {
					// (and node's frames from the Go stream function that emitted to its emit)
					out = appendLimited(out, limit, goDataFrames(sl.goData)...)
				}
				if sl.netRead != 0 {
					// (and node's from the socket's handle that read, which pushed the chunk)
					out = appendLimited(out, limit, netReadFrames(sl.netRead == eventloop.CallNetReadPipe)...)
				}
				continue
			}
			if nfs := goReadFrames(raw, i, out); nfs != nil {
				// Readable.prototype.read (or flow) done in Go, which called the stream's _read
				out = appendLimited(out, limit, nfs...)
				continue
			}
			if i > 0 && raw[i-1].SrcName() != "<native>" && strings.HasSuffix(f.FuncName(), ".flow-fm") &&
				strings.HasPrefix(f.FuncName(), "github.com/gojs-dev/gojs/modules/stream.") {
				// the Go flow calling a stream's own read (a socket's; not its _read: goReadFrames): node's flow's call of it
				out = appendLimited(out, limit, nodeFlowReadFrames[1])
				continue
			}
			if goWriteFrame(raw, i, out) {
				// Writable.prototype.write done in Go, which called the stream's _write (or a
				// Transform's _transform) itself: node's frames of its JS path
				out = appendGoWriteFrames(out, limit)
				continue
			}
			if task != 0 && strings.HasPrefix(f.FuncName(), "github.com/gojs-dev/gojs/eventloop.") {
				// the loop's entry: node's frames of the processing that called the task
				if task.IsFS() {
					out = dropFSGlueFrames(out)
					if n := len(out); task == eventloop.CallFSOpenErr && n > 0 && out[n-1].display == "" && !out[n-1].async {
						// node calls the callback as its ReadFileContext's method
						si := &out[n-1]
						si.typ, si.method = "ReadFileContext", "callback"
						si.display = methodDisplay(si.fn, si.typ, si.method)
					}
				}
				for _, si := range taskFrames(task, s.rt.host.CallbackTrampoline) {
					if len(out) < limit {
						out = append(out, si)
					}
				}
				loopFrames = true
				continue
			}
			if f.FuncName() == "eval" && (i > 0 && raw[i-1].SrcName() == "<eval>" || i == 0 && syntaxErr) {
				// an indirect eval's (running the code, or refusing it): V8 shows the built-in's frame
				out = append(out, siteInfo{fn: "eval", builtin: true})
				continue
			}
			typ := nativeFrameType(f.FuncName())
			if f.FuncName() == "parse" {
				// JSON.parse: the innermost frame when it made the SyntaxError (other natives
				// named parse, path.parse or url.parse, raise no SyntaxError), or one that called
				// back into script (a reviver; Date.parse calling a toPrimitive is taken for it)
				if i+1 < len(raw) && raw[i+1].SrcName() == "<native>" && raw[i+1].FuncName() == "parse" {
					i++ // the runtime's JSON.parse around goja's
				}
				if i > 0 || syntaxErr {
					typ = "JSON"
				}
				if typ != "" && i+1 < len(raw) && raw[i+1].FuncName() == "jsonExtension" && raw[i+1].SrcName() == loaderName {
					// the loader's parse of a .json file: node calls its primordial, receiverless
					out = append(out, siteInfo{fn: "parse", display: "parse", native: typ})
					continue
				}
			}
			if typ == "JSON" && f.FuncName() == "stringify" {
				// (called without its receiver, as node's own code calls its primordial, V8 names
				// the frame bare: at stringify; on another object, after that object)
				if sl, ok := slotAt(slots, i); ok {
					if typ = s.nativeReceiverType(sl.this, ""); typ == "" {
						out = append(out, siteInfo{fn: "stringify", builtin: true})
						continue
					}
				}
			}
			if typ == "Array" {
				// (V8 names the frame after the receiver: Map.forEach, Uint8Array.map, String.map)
				if sl, ok := slotAt(slots, i); ok && sl.this != nil {
					typ = s.nativeReceiverType(sl.this, typ)
				}
			}
			if typ == "" && i > 0 && generatorMethod(f.FuncName()) {
				// a generator's next, return or throw resuming its body (the frame inside it)
				if sl, ok := slotAt(slots, i); ok && s.isGenerator(sl.this) {
					typ = generatorName(raw[i-1].FuncName())
					if _, made := s.rt.evalOriginOf(&raw[i-1]); made && typ == "anonymous" {
						typ = "Generator" // (one the GeneratorFunction constructor made: unnamed to V8)
					}
				}
			}
			if typ != "" {
				// a built-in that calls back into script: V8 shows its frame
				out = append(out, siteInfo{fn: f.FuncName(), display: typ + "." + f.FuncName(), native: typ})
			} else if i == 0 && len(raw) == whole {
				if sl, ok := slotAt(slots, 0); ok {
					if si, ok := s.builtinThrowFrame(f.FuncName(), sl); ok {
						out = append(out, si)
					}
				}
			}
			continue
		}
		if s.rt.inExportGetter(*f) {
			continue // (node reads an ES module's binding itself: no frame)
		}
		p := f.Position()
		if standInSource(p.Filename) {
			// a built-in written in JS (builtinframe.go): its outermost frame stands for it
			if i+1 < len(raw) && raw[i+1].SrcName() == f.SrcName() {
				continue
			}
			var this goja.Value
			if i+1 < len(raw) && raw[i+1].SrcName() == "<native>" && raw[i+1].FuncName() == f.FuncName() {
				// (the Go function that runs it, whose receiver is the call's)
				i++
			}
			if sl, ok := slotAt(slots, i); ok {
				this = sl.this
			}
			out = append(out, s.builtinSite(f.FuncName(), this))
			continue
		}
		if p.Filename == "" || p.Filename == "node:internal/makeError" || p.Filename == "node:internal/proxy" || p.Filename == "node:internal/wasm" {
			// (makeError is the helper Go code builds its Node errors with; proxy is the Proxy
			// wrapper's forwarding traps, proxyhasinstance.go; wasm the WebAssembly namespace's
			// glue, V8's built-ins: node has no such frames)
			continue
		}
		if p.Filename == "node:vm" && vmPlumbing(f.FuncName()) {
			// the vm module's own plumbing between its public function and the script it runs
			// (the context's scope wrappers, its proxies' traps): node's stack goes from the
			// script's frames to Script.runInContext and the like
			continue
		}
		if strings.HasSuffix(f.FuncName(), "Cold") && strings.HasPrefix(p.Filename, "node:") {
			if f.FuncName() == "ConsoleCold" {
				glue.consoleCold = p.Line // (the failed check gives new Console's place)
			}
			// the body of a glue function kept in a source compiled on first use (bootstrapcold.js,
			// consolecold.js...), which the function's own one-line frame calls: that frame
			// stands for it, as it did when the body was the function's
			continue
		}
		if (f.SrcName() == "<eval>" && p.Filename != "<eval>") || (strings.HasPrefix(p.Filename, modules.EvalSourceScheme) && f.SrcName() != p.Filename) {
			// eval'd code named by an inline source map (vm's contexts), or a vm script placed
			// by one (its lineOffset and columnOffset): goja gives the name URL-escaped.
			if u, err := url.PathUnescape(strings.TrimPrefix(p.Filename, modules.EvalSourceScheme)); err == nil {
				p.Filename = u
			}
		}
		if p.Filename == loaderName {
			if fn := f.FuncName(); (fn == "run" || fn == "loadESM") && !esmMainBelow(raw[i+1:]) {
				if j, ok := esmRequiredAt(raw, i); ok {
					// an ES module require() evaluates (or one it imports statically): node
					// evaluates the graph in a synchronous module job of the require's
					frames := nodeESMRequireFrames
					if k := nextScriptFrame(raw, j); k >= 0 && raw[k].FuncName() == "_compile" {
						frames = frames[:len(frames)-1] // (its caller is Module._compile's frame)
					}
					for _, nf := range frames {
						if len(out) < limit {
							out = append(out, nf)
						}
					}
					i = j
					continue
				}
			}
			if fn := f.FuncName(); (fn == "run" || fn == "loadESM") && esmMainBelow(raw[i+1:]) {
				// the main ES module's evaluation (and its static imports'): node's module job
				// and its async callers end the stack
				for _, nf := range nodeESMMainFrames {
					if len(out) < limit {
						out = append(out, nf)
					}
				}
				break
			}
			if fn := f.FuncName(); (fn == "run" || fn == "loadESM") && esmImportBelow(raw[i+1:]) {
				// a module import() evaluates (or one it imports statically): node runs it in
				// a module job of its own, with nothing of the importer's below
				for _, nf := range nodeESMMainFrames[:2] {
					if len(out) < limit {
						out = append(out, nf)
					}
				}
				// goja evaluates it inside the import() call, where node's job runs later, once the
				// importer awaits the promise: the importers that await it are V8's async frames
				for _, af := range s.awaitingImporters(raw[i+1:], slots, i+1) {
					if len(out) < limit {
						out = append(out, af)
					}
				}
				break
			}
			if f.FuncName() == "runEval" {
				// -e, -p and a script on stdin: node's evaluation frames
				frames := nodeEvalFrames
				if rt.inWorker() {
					frames = nodeWorkerEvalFrames // (a worker's eval: true code)
				}
				if len(out) > 0 && out[len(out)-1].file == "[stdin]" {
					frames = nodeStdinFrames
					if rt.stdinIsFile() {
						frames = nodeStdinFileFrames
					}
				}
				for _, nf := range frames {
					if len(out) < limit {
						out = append(out, nf)
					}
				}
				break
			}
			if f.FuncName() == "importModule" {
				if k := nextScriptFrame(raw, i); k >= 0 && raw[k].FuncName() == "load" && raw[k].Position().Filename == loaderName {
					// a CommonJS module import() loads: node's translator runs it in a module
					// job of its own, with nothing of the importer's below
					for _, nf := range []siteInfo{nodeLoadStatic, nodeCJSTranslator, nodeCJSTranslatorWrap, nodeESMMainFrames[0], nodeESMMainFrames[1]} {
						if len(out) < limit {
							out = append(out, nf)
						}
					}
					break
				}
			}
			// The module loader's own frames read as node's do.
			lstate.top = len(out) == 0
			if fn := f.FuncName(); fn == "readSource" || fn == "_findPath" {
				lstate.next = ""
				if k := nextScriptFrame(raw, i); k >= 0 && raw[k].Position().Filename == loaderName {
					lstate.next = raw[k].FuncName()
				}
			}
			for _, nf := range nodeLoaderFrames(f.FuncName(), &lstate) {
				if len(out) < limit {
					out = append(out, nf)
				}
			}
			continue
		}
		lstate.resolving = false
		origin, ok := rt.evalOriginOf(f)
		if !ok && f.SrcName() == "<eval>" && p.Filename == "<eval>" {
			// eval's code (direct or indirect), whose origin the stack shows
			origin, ok = rt.evalCallOrigin(raw, i)
		}
		if ok {
			// a function the Function constructor made, or one declared in its body (evalorigin.go)
			si := siteInfo{file: origin.location(), line: p.Line, col: p.Column, eval: &origin}
			if text, c := programPlace(f, p); c >= 0 {
				si.col = c + 1 // (the column of the code's own text: programPlace)
				if j := calleeStart(text, c); j >= 0 {
					si.col = j + 1
				}
			}
			if si.fn = f.FuncName(); si.fn == "anonymous" || si.fn == "<anonymous>" || si.fn == "" {
				si.fn = "eval" // (V8's name for an unnamed function of eval code)
			}
			if sl, ok := slotAt(slots, i); ok {
				sl, ok = s.arrowSlot(sl, raw, i)
				// called as a method (tapable's hook.callAsync(...), made by new Function):
				// "at Hook.eval [as callAsync]"
				if ok {
					s.methodCall(&si, f, sl)
				}
				if si.fn == "anonymous" && f.FuncName() == "anonymous" {
					// (the Function constructor's name of its function, which V8's frames
					// do not show)
					si.fn = "eval"
					si.display = methodDisplay(si.fn, si.typ, si.method)
				}
			}
			out = append(out, si)
			continue
		}
		si := siteInfo{file: p.Filename, line: p.Line, col: p.Column}
		if fn := f.FuncName(); fn != "<anonymous>" {
			si.fn = fn
		}
		si.esm = rt.esmSources[p.Filename]
		if si.esm && rt.pastSource(p.Filename, si.line) {
			// the call of the async function a module with top-level await runs in (esm.go's
			// wrapper, after the module's last line): node has no such frame
			continue
		}
		if si.line == 1 && !si.esm && !rt.transformed[p.Filename] && rt.wrapped[p.Filename] {
			si.col -= len(cjsWrapperPrefix)
		}
		if sl, ok := slotAt(slots, i); ok && sl.async {
			// an async function awaiting the inner one: V8 points at its await
			si.async = true
			si.col = rt.awaitColumn(p.Filename, si.line, rt.callColumn(p.Filename, si.line, si.col))
		} else if i == 0 && skip == "" && skipPrg == nil && rt.newAtColumn(p.Filename, si.line, si.col) {
			// the innermost frame, at the new that made the error (new Error(...) as a call's
			// first argument, which callColumn would take for the call's place in a
			// transformed file): V8 points at the new
		} else if callee := calleeAbove(i); callee != "" && rt.newOfAt(p.Filename, si.line, si.col, callee) {
			// the caller of a constructor, at the new that called it (new X(...) as a call's
			// first argument, which callColumn would take for the call's place in a
			// transformed file): V8 points at the new
		} else {
			si.col = rt.callColumn(p.Filename, si.line, si.col)
			if i > 0 && raw[i-1].SrcName() != "<native>" {
				si.col = rt.getterCallColumn(p.Filename, si.line, si.col, raw[i-1].FuncName())
			}
			if i > 0 {
				// (a frame placed at a key being assigned called a setter or a set trap)
				si.col = rt.setterCallColumn(p.Filename, si.line, si.col)
				if sl, ok := slotAt(slots, i-1); raw[i-1].FuncName() == "next" || ok && sl.genNext {
					si.col = rt.forOfNextColumn(p.Filename, si.line, si.col)
				}
			}
			if i == 0 && syntaxErr && !si.esm && !rt.transformed[p.Filename] {
				// eval(source) refusing its code: V8 places the frame at the argument, a
				// variable's name (a literal leaves it at the call)
				si.col = evalArgColumn(rt.sourceLine(p.Filename, si.line), si.col)
			}
		}
		if si.fn == "" && !si.esm && rt.wrapped[p.Filename] {
			// a module's top-level code: V8 names its frame Object.<anonymous>
			for j := i + 1; j < len(raw); j++ {
				if raw[j].SrcName() == "<native>" {
					continue
				}
				fn := raw[j].FuncName()
				si.top = (fn == "_compile" || fn == "compileTransformed") && strings.HasPrefix(raw[j].SrcName(), "node:internal/modules/cjs/")
				break
			}
		}
		if si.fn == "" && !si.top {
			// an anonymous function assigned to a member (exports.f = function...)
			si.fn = s.inferredName(f)
			if si.fn == "" && f.SrcName() == "<eval>" && p.Filename == "<eval>" {
				si.fn = "eval" // (V8's name for an unnamed function of eval code)
			}
			if si.fn == "new" {
				si.fn = rt.ctorFrameName(raw[i+1:])
			}
			if class, ok := strings.CutPrefix(si.fn, "new "); ok {
				// a constructor's frame: printed "new Class", its function name is the class's
				si.fn, si.display = class, si.fn
			} else if (si.fn == "" || si.fn == "new") && s.constructedFrame(raw, slots, i) {
				si.fn, si.display = "", "new <anonymous>" // (new (function () {...})())
			}
		} else if si.fn != "" && !si.top {
			// a function called by new (new Ctor(...) at the caller's place) prints as "new Ctor"
			if n := rt.ctorFrameName(raw[i+1:]); n == "new "+si.fn {
				si.display = n
			} else if i+1 < len(raw) && raw[i+1].SrcName() == "<native>" && raw[i+1].FuncName() == "construct" {
				si.display = "new " + si.fn // (Reflect.construct's)
			} else if s.constructedFrame(raw, slots, i) {
				si.display = "new " + si.fn // (new (function F() {...})(), new fns[0]())
			}
		}
		if si.esm && si.fn != "" && si.fn == rt.esmDefaults[p.Filename] {
			// an anonymous default export (esmDefaultLocal): V8 names it default
			si.fn = "default"
			if strings.HasPrefix(si.display, "new ") {
				si.display = "new default"
			}
		}
		glue.place, glue.placeFile = [2]int{}, "" // (a place nodeGlueFrame gives is this frame's only)
		if si.fn == "onceWrapper" && si.file == "node:events" && si.line == onceWrapperApply.Get()[0] {
			si.line, si.col = onceWrapperPlace(si.line, si.col) // (its other lines are marked)
		} else if si.file == "node:http" && (si.fn == "parserOnIncoming" || si.fn == "parserOnHeaders") {
			si = httpServerFrame(si.fn)
			out = append(out, si)
			continue
		} else if si.file == "node:tls" && si.fn == "onConnectSecure" && si.line == tlsVerifyErrorLine.Get() {
			// a client's certificate verification error, which node makes in onConnectSecure,
			// called by the handshake's end from its native side (nothing below)
			for _, nf := range nodeConnectSecureFrames {
				if len(out) < limit {
					out = append(out, nf)
				}
			}
			break
		} else if si.file == "node:child_process" && isSyncSpawnError(si, raw[i+1:]) {
			// a failed execSync/execFileSync's error, which node makes through its errors'
			// genericNodeError, or a spawnSync's spawn failure, made in internal/child_process
			nfs := nodeExecSyncErrorFrames
			if si.fn == "spawnError" {
				nfs = nodeSpawnSyncErrorFrames
			}
			for _, nf := range nfs {
				if len(out) < limit {
					out = append(out, nf)
				}
			}
			continue
		} else if si.file == js.BootstrapName && si.fn == "runMicrotask" {
			// queueMicrotask's callback: node runs it in an AsyncResource of its own
			for _, nf := range nodeMicrotaskFrames {
				if len(out) < limit {
					out = append(out, nf)
				}
			}
			continue
		} else if si.file == "node:internal/event_target" && si.fn == "fire" {
			// AbortSignal.timeout's timer (ours runs without node's timer list): node's frame is
			// at the new DOMException of its reason, or at the abortSignal call that dispatches
			// the abort (a listener's stack)
			for j, nf := range nodeSignalTimeoutFrames {
				if j == 0 && len(out) > 0 && out[len(out)-1].display != "new DOMException" {
					nf.line, nf.col = 127, 7
				}
				if len(out) < limit {
					out = append(out, nf)
				}
			}
			continue
		} else if si.file == "node:internal/streams" && si.fn == "write" && si.line == writeJSInlineCall.Get() {
			// writeJS's inlined _write and writeOrBuffer: node's frames of both and of write
			out = appendGoWriteFrames(out, limit)
			continue
		} else if si.file == "node:internal/streams" && si.fn == "writeOrBuffer" && len(out) > 0 && len(out) < limit &&
			(out[len(out)-1].method == "_transform" || out[len(out)-1].fn == "_transform") && si.line == streamWriteLines.Get()[0] {
			// a Transform's _transform, which our Go _write calls: node's Transform._write does
			out = append(out, siteInfo{fn: "_write", typ: "Transform", method: "_write", display: "Transform._write",
				file: "node:internal/streams/transform", line: 171, col: 8})
			nf, _ := nodeGlueFrame(si.file, si.fn, si.line, &glue)
			if len(out) < limit {
				out = append(out, nf)
			}
			continue
		} else if si.file == workerIOFile && portDispatchFrames(si, &out, limit) {
			// (node's stack ends at the port's native dispatch)
			break
		} else if si.file == workerIOFile && (si.fn == "callNodeStyle" || si.fn == "callSingle") {
			if si.fn == "callNodeStyle" && len(out) < limit {
				out = append(out, siteInfo{fn: "[nodejs.internal.kHybridDispatch]", file: "node:internal/event_target", line: 831, col: 20})
			}
			continue
		} else if si.file == "node:tls" && si.fn == "onHandshake" && si.line == tlsLines.Get()[0] {
			// a server's client that went away during the handshake: node's socket hang up is
			// made when the transport's 'close' reaches the TLS socket
			out = appendLimited(out, limit, nodeServerHangupFrames...)
			break
		} else if si.file == "node:tls" && si.fn == "checkServerIdentity" && si.line == tlsLines.Get()[1] {
			// a certificate whose names do not match the host: node's checkServerIdentity, called
			// by its onConnectSecure as the handshake ends (nothing below), or by the program
			if k := nextScriptFrame(raw, i); k >= 0 && raw[k].FuncName() == "onConnectSecure" && raw[k].Position().Line == tlsLines.Get()[2] {
				out = appendLimited(out, limit, nodeCheckServerIdentity, nodeConnectSecureCheck)
				out = appendLimited(out, limit, nodeConnectSecureFrames[1:]...)
				break
			}
			glue.place = [2]int{nodeCheckServerIdentity.line, nodeCheckServerIdentity.col} // (named as any frame)
		} else if si.file == "node:tls" && si.fn == "connectEndError" {
			// a client whose transport ended before the handshake: node makes the error in the
			// socket's 'end' listener (onConnectEnd), emitted from the stream's endReadableNT
			out = appendLimited(out, limit, nodeConnectEndFrames...)
			break
		} else if si.file == "node:dgram" && si.fn == "doSend" && si.line == dgramSendErrorLine.Get() {
			out = appendLimited(out, limit, dgramDoSendFrames...)
			continue
		} else if si.file == "node:internal/streams" && si.fn == "emitData" && si.line == emitDataOndataLine.Get() {
			// a pipe's listener that emitData called itself (out's last): node's emit called it
			typ := ""
			if n := len(out); n > 0 {
				typ = out[n-1].typ
			}
			out = appendLimited(out, limit, siteInfo{fn: "emit", file: "node:events", line: 524, col: 28, method: "emit", typ: typ, display: methodDisplay("emit", typ, "emit")})
			continue
		} else if si.file == "node:internal/streams" && si.fn == "afterWrite" && (si.line == afterWriteLines.Get()[0] || si.line == afterWriteLines.Get()[3]) {
			out = afterWriteFrames(out, limit, raw[i+1:], si.line == afterWriteLines.Get()[3])
			continue
		} else if si.file == "node:net" && si.fn == "errnoException" {
			// a socket's system error: node's errnoException hides its own frame, and where the
			// error was made decides node's frames (stream_base_commons')
			out = netErrnoFrames(out, limit, raw[i+1:], &glue)
			continue
		} else if m, ok := glueMarkAt(si.file, si.fn, si.line); ok {
			// a marked glue: node's frames for the statement (its mark), or none
			if m.hide {
				continue
			}
			out = appendLimited(out, limit, m.frames[:len(m.frames)-1]...)
			if len(out) >= limit {
				break
			}
			own := m.frames[len(m.frames)-1]
			if own.typ == "*" {
				own.typ = nextFuncName(raw[i+1:])
				own.display = own.typ + "." + own.method
			}
			if own.fn != "" {
				si.fn, si.display, si.typ, si.method = own.fn, own.display, own.typ, own.method
			}
			glue.place, glue.placeFile = [2]int{own.line, own.col}, own.file
		} else if nf, ok := nodeGlueFrame(si.file, si.fn, si.line, &glue); ok {
			if nf.fn != "" || nf.file != "" {
				out = append(out, nf)
			}
			continue
		}
		if sl, ok := slotAt(slots, i); ok && !si.top && si.display == "" {
			// (an anonymous function's inferred name is no identifier: V8 prints it without the
			// type, "at exports.f", and with the method it was called as when that differs,
			// "at env.callback [as _callback]")
			if sl, ok = s.arrowSlot(sl, raw, i); ok {
				s.methodCall(&si, f, sl)
			}
		}
		if glue.placeEmit {
			si.line, si.col = 513, 17
		} else if glue.place[0] != 0 {
			si.line, si.col = glue.place[0], glue.place[1]
			if glue.placeFile != "" {
				si.file = glue.placeFile
			}
		}
		if si.file == js.BootstrapName && si.fn == "exit" {
			if si.typ == "" && !scriptBelow(raw[i+1:]) {
				// the runtime's exit hook: node emits 'exit' from its native side
				if s.rt.host.CallbackTrampoline && len(out) < limit && !exitTrampolined(out) {
					out = append(out, trampolineFrame("process"))
				}
				continue
			}
			si.file, si.line, si.col = "node:internal/process/per_thread", 184, 15 // process.exit (called bare: mocha.run(process.exit))
		}
		if si.file == js.BootstrapName && fatal == 0 && si.fn == "warnUnhandled" && i+1 < len(raw) &&
			raw[i+1].FuncName() == "unhandledRejection" && !scriptBelow(raw[i+2:]) {
			// an unhandled rejection's warnings: node's emitUnhandledRejectionWarning
			nfs, _ := nodeProcessEventFrames(si, raw[i+1].Position().Line)
			out = appendLimited(out, limit, nfs...)
			break
		}
		if si.file == js.BootstrapName && fatal == 0 && si.typ == "" && !scriptBelow(raw[i+1:]) {
			// the rejection tracker's and the loop's emits (bootstrapcold.js, bootstrap.js):
			// node's are in its promise machinery, and 'beforeExit' comes from its native side
			if nfs, ok := nodeProcessEventFrames(si, 0); ok {
				if si.fn == "beforeExit" && s.rt.host.CallbackTrampoline {
					nfs = []siteInfo{trampolineFrame("process")}
				}
				for _, nf := range nfs {
					if len(out) < limit {
						out = append(out, nf)
					}
				}
				break
			}
		}
		if si.file == js.BootstrapName && (fatal != 0 || si.fn == "fatalHandled") {
			// the uncaught-error path (bootstrapcold.js): node's process._fatalException, which
			// its native side calls (nothing below it but a rejection's processing)
			nfs, keep := nodeFatalFrames(si, fatal)
			if si.fn == "fatalHandled" && len(nfs) > 0 && nfs[0].line == 187 && len(out) > 0 &&
				!strings.HasPrefix(out[len(out)-1].file, "node:") && out[len(out)-1].display == "" {
				// node calls the capture callback as exceptionHandlerState.captureFn
				cb := &out[len(out)-1]
				cb.typ, cb.method = "Object", "captureFn"
				cb.display = methodDisplay(cb.fn, cb.typ, cb.method)
			}
			switch {
			case si.fn == "fatalHandled":
				fatal = 1
			case si.fn == "fatalException" && fatal == 1:
				fatal = 2
			default:
				fatal = 0
			}
			for _, nf := range nfs {
				if len(out) < limit {
					out = append(out, nf)
				}
			}
			if !keep {
				break
			}
			continue
		}
		fatal = 0
		if i > 0 && len(out) > 0 && len(out) < limit && !si.async && (raw[i-1].SrcName() != "<native>" || watchedExecutorFrame(&raw[i-1])) && rt.promiseCtorAt(si.file, si.line, si.col) {
			// the frame above is the executor this new Promise called: V8 shows the
			// constructor's frame between them (goja has none for a built-in constructor)
			out = append(out, siteInfo{fn: "Promise", display: "new Promise", native: "Promise"})
		}
		if intlEntry {
			si.builtin = true // (V8's Intl is built in: "at new NumberFormat (<anonymous>)")
			if d := cmp.Or(si.display, si.fn); strings.HasPrefix(d, "get ") && !strings.Contains(d, " [as ") {
				si.display, si.method = d+" [as "+d[4:]+"]", d[4:] // (a getter: get format [as format])
			}
			if d := si.display; si.method == "" && !strings.HasPrefix(d, "new ") && !strings.HasPrefix(d, "get ") && !strings.HasPrefix(d, "set ") {
				if k := strings.LastIndexByte(d, '.'); k > 0 {
					si.typ, si.method = d[:k], d[k+1:] // (CallSite's getTypeName: Number for Number.toLocaleString)
				}
			}
		}
		out = append(out, si)
		if sl, ok := slotAt(slots, i); ok && sl.genNext && len(out) < limit && !s.rt.esmStep(raw, i) {
			typ := generatorName(f.FuncName())
			out = append(out, siteInfo{fn: "next", display: typ + ".next", native: typ})
		}
	}
	// (node:test's frames of a call stand for node's below it, but for the tick processing that
	// ran the promise job: that comes below their synchronous part, as node's)
	if task.IsJobs() && !loopFrames && (!testFrames || task == eventloop.CallMicrotasks) {
		// a promise job: the frames of node's that ran it, below the job's own and above the
		// async functions awaiting it
		at := len(out)
		for j, si := range out {
			if si.async {
				at = j
				break
			}
		}
		if at < limit {
			out = append(out[:at], append(taskFrames(task, s.rt.host.CallbackTrampoline), out[at:]...)...)
			out = out[:min(len(out), limit)]
		}
	}
	return out
}

// newAtColumn reports whether, in a file esbuild transformed, the source at line:col is a new
// expression.
func (rt *Runtime) newAtColumn(file string, line, col int) bool {
	if !rt.transformed[file] && !rt.esmSources[file] {
		return false
	}
	text := rt.sourceLine(file, line)
	return col >= 1 && col <= len(text) && strings.HasPrefix(text[col-1:], "new") && isWordAt(text, col-1, len("new"))
}

// newOfAt reports whether, in a file esbuild transformed, the source at line:col is a new
// expression of the function named callee (new callee(...), new a.b.callee(...)).
func (rt *Runtime) newOfAt(file string, line, col int, callee string) bool {
	if !rt.newAtColumn(file, line, col) {
		return false
	}
	chain := chainAt(strings.TrimLeft(rt.sourceLine(file, line)[col-1+len("new"):], " \t"))
	if j := strings.LastIndexByte(chain, '.'); j >= 0 {
		chain = chain[j+1:]
	}
	return callee == ctorCallee || chain == callee
}

// ctorCallee stands for the callee of newOfAt when it is the constructor of the class an error
// subclass instance is made of (whose frames the stack leaves out): its name is not needed.
const ctorCallee = "\x00new"

// promiseCtorAt reports whether the source at file:line:col is a new Promise(...) expression.
func (rt *Runtime) promiseCtorAt(file string, line, col int) bool {
	if !strings.HasPrefix(file, "/") && !strings.HasPrefix(file, "file:") {
		return false
	}
	text := rt.sourceLine(file, line)
	if col < 1 || col > len(text) {
		return false
	}
	rest, ok := strings.CutPrefix(text[col-1:], "new")
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " \t")
	rest, ok = strings.CutPrefix(rest, "Promise")
	return ok && len(rest) > 0 && (rest[0] == '(' || rest[0] == ' ')
}

// vmPlumbing reports the functions of node:vm whose frames node's stacks have no counterpart of:
// anonymous wrappers, proxy traps and the shared runner.
func vmPlumbing(fn string) bool {
	switch fn {
	case "", "<anonymous>", "get", "set", "has", "ownKeys", "deleteProperty", "defineProperty", "getOwnPropertyDescriptor",
		"runWithOptions":
		return true
	}
	return false
}

// validatorArrow is the excerpt node 20.20 prints for an uncaught error an argument validator
// threw: hideStackFrames's rethrow in internal/errors.
const validatorArrow = "node:internal/errors:541\n      throw error;\n      ^\n"

// errorFactory reports the glue functions that make node errors for their callers, whose frames
// node's stacks do not have (node constructs its errors in place).
func errorFactory(file, fn string) bool {
	switch file {
	case "node:buffer":
		switch fn {
		case "makeError", "errOutOfRange", "errInvalidArgType", "errBufferOutOfBounds", "errUnknownEncoding",
			"errInvalidArgValue", "checkSize":
			return true
		}
	case "node:internal/encoding":
		return fn == "makeError"
	case "node:events":
		return fn == "newAbortError"
	case "node:fs":
		// fs's glue makes node's errors with these (node's constructors, in no frame of node's),
		// and checks data and a symlink's type in helpers node has inline
		switch fn {
		case "errCode", "errValue", "errType", "errRange", "writeFileData", "symlinkType":
			return true
		}
	}
	return false
}

// madeByValidator reports whether an error's frames (as made) begin, above the program's first,
// with one of the built-ins' argument validators (validate..., getValidated...).
func madeByValidator(raw []goja.StackFrame) bool {
	for i := range raw {
		f := &raw[i]
		if f.SrcName() == "<native>" {
			continue
		}
		file := f.Position().Filename
		if !strings.HasPrefix(file, "node:") {
			return false
		}
		fn := f.FuncName()
		if plainValidator(file, fn) {
			return false
		}
		if file == "node:internal/validators" || strings.HasPrefix(fn, "validate") || strings.HasPrefix(fn, "getValidated") ||
			fn == "makeCallback" {
			return true
		}
	}
	return false
}

// hiddenCheckError reports whether err, a node error just made, is one node 20.20 makes in an
// argument check its hideStackFrames wraps (of the code's HideStackFramesError class): one whose
// uncaught excerpt would be hideStackFrames's rethrow, from the frames of its making.
func (rt *Runtime) hiddenCheckError(err *goja.Object) bool {
	var raw []goja.StackFrame
	if s := rt.stacks; s != nil {
		if p, ok := s.peekPending(err); ok {
			raw = p.raw
		}
	}
	if raw == nil {
		r, ok := gojaErrorFrames(err)
		if !ok {
			return false
		}
		raw = r
	}
	if madeByValidator(raw) {
		a := validatorErrorSite(raw, err)
		return a == "" || a == validatorArrow
	}
	return nodeThrowArrow(raw, err) == validatorArrow
}

// validatorErrorSite is nodeErrorSites' excerpt for err made by the glue validator whose frame
// begins raw (past the error makers'), or "".
func validatorErrorSite(raw []goja.StackFrame, err *goja.Object) string {
	for i := range raw {
		f := &raw[i]
		if f.SrcName() == "<native>" {
			continue
		}
		file := f.Position().Filename
		if hiddenErrorFrameFile(file) {
			continue
		}
		if fn := f.FuncName(); strings.HasPrefix(fn, "validate") {
			return matchErrorSite(nodeErrorSites[[2]string{file, fn}], err)
		}
		return ""
	}
	return ""
}

// plainValidator reports the validating functions of our glue that node has as plain functions
// (no hideStackFrames): their frames stay in the stack and an uncaught error points at their throw.
func plainValidator(file, fn string) bool {
	return file == "node:internal/event_target" && (fn == "validateEventListener" || fn == "validateEventListenerOptions") ||
		file == "node:test" && (fn == "validateTimes" || fn == "validateStringOrSymbol")
}

// hiddenErrorFrameFile reports the glue files whose frames node does not show at the top of a stack:
// its errors are built by NodeError constructors and argument validators wrapped in
// hideStackFrames, so that a stack begins at the built-in function that validated its arguments.
func hiddenErrorFrameFile(file string) bool {
	switch file {
	case "node:internal/errors", "node:internal/validators", "node:internal/makeError":
		return true
	}
	return false
}

// nodeConnectSecureFrames are node 20.20's frames of a TLS client's certificate verification
// error (made in onConnectSecure on the 'secure' event of the handshake's end).
// nodeMicrotaskFrames are node 20.20's frames below a queueMicrotask callback.
var nodeMicrotaskFrames = []siteInfo{
	{file: "node:internal/process/task_queues", line: 140, col: 7},
	{fn: "runInAsyncScope", file: "node:async_hooks", line: 206, col: 9, typ: "AsyncResource", method: "runInAsyncScope", display: "AsyncResource.runInAsyncScope"},
	{fn: "runMicrotask", file: "node:internal/process/task_queues", line: 137, col: 8, typ: "AsyncResource", method: "runMicrotask", display: "AsyncResource.runMicrotask"},
}

// nodeSignalTimeoutFrames are node 20.20's frames of AbortSignal.timeout's timer, which makes
// its TimeoutError.
var nodeSignalTimeoutFrames = []siteInfo{
	{fn: "_onTimeout", file: "node:internal/abort_controller", line: 129, col: 9, typ: "Timeout", method: "_onTimeout", display: "Timeout._onTimeout"},
	{fn: "listOnTimeout", file: "node:internal/timers", line: 581, col: 17},
	{fn: "processTimers", file: "node:internal/timers", line: 519, col: 7, typ: "process", method: "processTimers", display: "process.processTimers"},
}

// node's frames of a failed execSync/execFileSync's error (node 20.20), down to checkExecSyncError
var nodeExecSyncErrorFrames = []siteInfo{
	{fn: "genericNodeError", file: "node:internal/errors", line: 984, col: 15},
	{fn: "wrappedFn", file: "node:internal/errors", line: 538, col: 14},
	{fn: "checkExecSyncError", file: "node:child_process", line: 891, col: 11},
}

// node's frame of a spawnSync's spawn failure (ENOENT...), made by its internal spawnSync
var nodeSpawnSyncErrorFrames = []siteInfo{
	{fn: "spawnSync", file: "node:internal/child_process", line: 1123, col: 20, typ: "Object", method: "spawnSync", display: "Object.spawnSync"},
}

// isSyncSpawnError reports whether si, a frame of our child_process glue, is where a failed
// execSync/execFileSync's error is made (checkExecSyncError's new Error) or a spawnSync's spawn
// failure (spawnError called by spawnSync); raw is the frames below it.
func isSyncSpawnError(si siteInfo, raw []goja.StackFrame) bool {
	lines := execSyncErrorLines.Get()
	switch si.fn {
	case "checkExecSyncError":
		return si.line == lines[0]
	case "spawnError":
		return si.line == lines[1] && nextFuncName(raw) == "spawnSync"
	}
	return false
}

// nextFuncName is the function name of the first script frame of raw.
func nextFuncName(raw []goja.StackFrame) string {
	for i := range raw {
		if raw[i].SrcName() != "<native>" {
			return raw[i].FuncName()
		}
	}
	return ""
}

var nodeConnectSecureFrames = []siteInfo{
	{fn: "onConnectSecure", file: "node:_tls_wrap", line: 1699, col: 34, typ: "TLSSocket", method: "onConnectSecure", display: "TLSSocket.onConnectSecure"},
	{fn: "emit", file: "node:events", line: 524, col: 28, typ: "TLSSocket", method: "emit", display: "TLSSocket.emit"},
	{fn: "_finishInit", file: "node:_tls_wrap", line: 1097, col: 8, typ: "TLSSocket", method: "_finishInit", display: "TLSSocket._finishInit"},
	{fn: "onhandshakedone", file: "node:_tls_wrap", line: 883, col: 12, typ: "ssl", method: "onhandshakedone", display: "ssl.onhandshakedone"},
}

// tlsLines are the lines of our tls glue's onHandshake that makes a server's socket hang up, of
// checkServerIdentity's error for a name that does not match, and of onConnectSecure's call of
// the check.
var tlsLines = modules.Lazy[[3]int]{Build: func() [3]int {
	return [3]int{glueLineOf("tls", "function onHandshake(", "e = new Error('socket hang up');"),
		glueLineOf("tls", "function checkServerIdentity(", "const err = makeNodeError(Error, 'ERR_TLS_CERT_ALTNAME_INVALID',"),
		glueLineOf("tls", "function onConnectSecure(", "verifyError = check(hostname, sock.getPeerCertificate(true));")}
}}

var (
	nodeCheckServerIdentity = siteInfo{fn: "checkServerIdentity", file: "node:tls", line: 316, col: 12, typ: "Object", method: "checkServerIdentity", display: "Object.checkServerIdentity"}
	nodeConnectSecureCheck  = siteInfo{fn: "onConnectSecure", file: "node:_tls_wrap", line: 1709, col: 27, typ: "TLSSocket", method: "onConnectSecure", display: "TLSSocket.onConnectSecure"}
)

var nodeServerHangupFrames = []siteInfo{
	{fn: "onSocketClose", file: "node:_tls_wrap", line: 1244, col: 23, typ: "TLSSocket", method: "onSocketClose", display: "TLSSocket.onSocketClose"},
	{fn: "emit", file: "node:events", line: 536, col: 35, typ: "TLSSocket", method: "emit", display: "TLSSocket.emit"},
	{file: "node:net", line: 343, col: 12},
	{fn: "done", file: "node:_tls_wrap", line: 669, col: 7, typ: "Socket", method: "done", display: "Socket.done"},
	{fn: "onceWrapper", file: "node:events", line: 639, col: 26, typ: "Object", method: "onceWrapper", display: "Object.onceWrapper"},
	{fn: "emit", file: "node:events", line: 536, col: 35, typ: "Socket", method: "emit", display: "Socket.emit"},
	{file: "node:net", line: 343, col: 12, typ: "TCP", display: "TCP.<anonymous>"},
}

var nodeConnectEndFrames = []siteInfo{
	{fn: "onConnectEnd", file: "node:_tls_wrap", line: 1752, col: 19, typ: "TLSSocket", method: "onConnectEnd", display: "TLSSocket.onConnectEnd"},
	{fn: "emit", file: "node:events", line: 536, col: 35, typ: "TLSSocket", method: "emit", display: "TLSSocket.emit"},
	{fn: "endReadableNT", file: "node:internal/streams/readable", line: 1698, col: 12},
	{fn: "processTicksAndRejections", file: "node:internal/process/task_queues", line: 82, col: 21, typ: "process", method: "processTicksAndRejections", display: "process.processTicksAndRejections"},
}

// tlsVerifyErrorLine is the line of our tls glue's onConnectSecure that makes a certificate
// verification error (-1 when not found).
var tlsVerifyErrorLine = modules.Lazy[int]{Build: func() int {
	return glueLineOf("tls", "", "verifyError = new Error(info.authError)")
}}

// scriptBelow reports whether below, the frames under one, holds a frame of script (a call
// from JS, not from the loop).
func scriptBelow(below []goja.StackFrame) bool {
	for i := range below {
		if below[i].SrcName() != "<native>" && below[i].Position().Filename != "" {
			return true
		}
	}
	return false
}

// nodeFatalFrames are node's frames for si, a frame of the bootstrap's uncaught-error path:
// fatalHandled's emit of 'uncaughtExceptionMonitor' or 'uncaughtException', or its call of the
// capture callback, is node's process._fatalException at its place (node 20.20's lines); then
// (afterFatal) fatalException has no frame, and the stack ends there unless a rejection's
// processing called it, or the program called process._fatalException. keep is false when the
// stack ends.
func nodeFatalFrames(si siteInfo, afterFatal int) (frames []siteInfo, keep bool) {
	const execution = "node:internal/process/execution"
	if afterFatal == 0 {
		line := bootstrapColdLine(si.line)
		nf := processFrame("_fatalException", execution, 188, 25)
		switch {
		case strings.Contains(line, "'uncaughtExceptionMonitor'"):
			nf.line, nf.col = 185, 13
		case strings.Contains(line, "aptureCallback(err)"):
			nf.line, nf.col = 187, 29
		}
		return []siteInfo{nf}, true
	}
	switch si.fn {
	case "_fatalException":
		return nil, true // (the program's own call of it: its frame is fatalHandled's)
	case "fatalException":
		return nil, true
	case "unhandledRejection":
		if rejectionModeAt(si.line) == "strict" {
			return []siteInfo{
				{fn: "strictUnhandledRejectionsMode", file: "node:internal/process/promises", line: 342, col: 3},
				{fn: "processPromiseRejections", file: "node:internal/process/promises", line: 470, col: 17},
				processFrame("processTicksAndRejections", "node:internal/process/task_queues", 96, 32),
			}, false
		}
		return []siteInfo{
			{fn: "throwUnhandledRejectionsMode", file: "node:internal/process/promises", line: 391, col: 5},
			{fn: "processPromiseRejections", file: "node:internal/process/promises", line: 470, col: 17},
			processFrame("processTicksAndRejections", "node:internal/process/task_queues", 96, 32),
		}, false
	}
	return nil, false
}

// nodeProcessEventFrames are node 20.20's frames below process.emit for the events the runtime
// emits from the bootstrap's function si (nothing below it): 'unhandledRejection' from the
// handler of each --unhandled-rejections mode, 'rejectionHandled' from the processing of
// rejections, and none for 'beforeExit', which node's native side emits; and for the warnings of
// an unhandled rejection (warnUnhandled, called at callerLine of the mode's handler), node's
// emitUnhandledRejectionWarning. ok is false for another function.
func nodeProcessEventFrames(si siteInfo, callerLine int) (frames []siteInfo, ok bool) {
	const promises = "node:internal/process/promises"
	tail := []siteInfo{
		{fn: "processPromiseRejections", file: promises, line: 470, col: 17},
		processFrame("processTicksAndRejections", "node:internal/process/task_queues", 96, 32),
	}
	switch si.fn {
	case "beforeExit":
		return nil, true
	case "rejectionHandled":
		tail[0].line, tail[0].col = 441, 18
		return tail, true
	case "warnUnhandled":
		warn := siteInfo{fn: "emitUnhandledRejectionWarning", file: promises, line: 300, col: 15}
		if strings.HasSuffix(bootstrapColdLine(si.line), "// errorLike") {
			warn.line = 298 // (an error-like reason: node warns with its stack)
		}
		mode := siteInfo{fn: "alwaysWarnUnhandledRejectionsMode", file: promises, line: 372, col: 3}
		switch rejectionModeAt(callerLine) {
		case "strict":
			mode.fn, mode.line, mode.col = "strictUnhandledRejectionsMode", 351, 17
		case "warn-with-error-code":
			mode.fn, mode.line, mode.col = "warnWithErrorCodeUnhandledRejectionsMode", 406, 5
		}
		return append([]siteInfo{warn, mode}, tail...), true
	case "unhandledRejection":
		mode := siteInfo{fn: "throwUnhandledRejectionsMode", file: promises, line: 385, col: 19}
		switch rejectionModeAt(si.line) {
		case "strict":
			mode.fn, mode.line, mode.col = "strictUnhandledRejectionsMode", 350, 19
		case "warn":
			mode.fn, mode.line, mode.col = "alwaysWarnUnhandledRejectionsMode", 371, 3
		case "none":
			mode.fn, mode.line, mode.col = "ignoreUnhandledRejectionsMode", 361, 3
		case "warn-with-error-code":
			mode.fn, mode.line, mode.col = "warnWithErrorCodeUnhandledRejectionsMode", 404, 19
		}
		return append([]siteInfo{{fn: "emitUnhandledRejection", file: promises, line: 250, col: 13}, mode}, tail...), true
	}
	return nil, false
}

// rejectionModeAt is the --unhandled-rejections mode whose case of the cold bootstrap's
// unhandledRejection holds line n ("" for its default, throw).
func rejectionModeAt(n int) string {
	for ; n >= 1; n-- {
		l := strings.TrimSpace(bootstrapColdLine(n))
		if mode, ok := strings.CutPrefix(l, "case '"); ok {
			mode, _, _ = strings.Cut(mode, "'")
			return mode
		}
		if strings.HasPrefix(l, "default:") || strings.HasPrefix(l, "function ") {
			return ""
		}
	}
	return ""
}

// bootstrapColdLine is line n (1-based) of the bootstrap's cold source, "" past its end.
func bootstrapColdLine(n int) string {
	lines := bootstrapColdLines.Get()
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

var bootstrapColdLines = modules.Lazy[[]string]{Build: func() []string { return strings.Split(js.BootstrapCold, "\n") }}

// dropFSGlueFrames drops the frames of our fs glue's wrappers of a callback from the end of out
// (the callback the binding called): node calls the callback from its FSReqCallback's oncomplete,
// whose frame stands for them. A wrapper node has a frame of its own for keeps node's place.
func dropFSGlueFrames(out []siteInfo) []siteInfo {
	n := len(out)
	for n > 0 && out[n-1].file == "node:fs" && out[n-1].typ == "" {
		n--
	}
	if n < len(out) && out[n].fn == "suppressedCallback" {
		// fs.exists's callback of fs.access
		out[n].line, out[n].col = 257, 5
		n++
	}
	return out[:n]
}

// hiddenFramesEnd returns how many of the innermost frames to drop as node's hideStackFrames
// does: among the built-in glue frames at the top of the stack (files node:...), everything up to
// the outermost one of an error factory or a validator (a function named validate...).
// nsTrapNames are the functions of an ES module namespace's proxy traps (runtime/js/esm.js).
var nsTrapNames = map[string]bool{"nsDescribe": true, "nsGet": true, "nsOwnDescriptor": true, "nsCurrent": true,
	"nsSet": true, "nsDelete": true, "nsDefine": true}

// nsTrapFramesEnd is the number of innermost frames that are a namespace's traps and the
// export getters they read (0 when the innermost frames are not a trap's).
func (rt *Runtime) nsTrapFramesEnd(raw []goja.StackFrame) int {
	end := 0
	for i := range raw {
		f := &raw[i]
		if f.SrcName() == "<native>" {
			break
		}
		if f.Position().Filename == loaderName && nsTrapNames[f.FuncName()] {
			end = i + 1
			continue
		}
		if !rt.inExportGetter(*f) {
			break
		}
	}
	return end
}

func hiddenFramesEnd(raw []goja.StackFrame) int {
	end := 0
	for i := range raw {
		f := &raw[i]
		if f.SrcName() == "<native>" {
			continue
		}
		file := f.Position().Filename
		if file == "" {
			continue
		}
		if !strings.HasPrefix(file, "node:") {
			break
		}
		if fn := f.FuncName(); !plainValidator(file, fn) && (hiddenErrorFrameFile(file) || strings.HasPrefix(fn, "validate") ||
			strings.HasPrefix(fn, "getValidated") || fn == "makeCallback" || errorFactory(file, fn)) {
			end = i + 1
		}
	}
	return end
}

// Node's own frames for the CommonJS loader's work, as node 20.20 prints them: what a stack
// shows below a module's top-level code (main or required), with the receiver's type and the
// method name their CallSites give.
var (
	nodeCompileFrame   = siteInfo{fn: "Module._compile", typ: "Module", method: "_compile", file: loaderName, line: 1521, col: 14}
	nodeExtJSFrame     = siteInfo{fn: "Module._extensions..js", typ: "Object", method: ".js", file: loaderName, line: 1623, col: 10}
	nodeLoadFrame      = siteInfo{fn: "Module.load", typ: "Module", method: "load", file: loaderName, line: 1266, col: 32}
	nodeLoadStatic     = siteInfo{fn: "Module._load", typ: "Function", method: "_load", file: loaderName, line: 1091, col: 12}
	nodeResolveFrame   = siteInfo{fn: "Module._resolveFilename", typ: "Function", method: "_resolveFilename", file: loaderName, line: 1207, col: 15}
	nodeResolveFinding = siteInfo{fn: "Module._resolveFilename", typ: "Function", method: "_resolveFilename", file: loaderName, line: 1193, col: 27}
	nodeFindPath       = siteInfo{fn: "Module._findPath", typ: "Function", method: "_findPath", file: loaderName, line: 711, col: 31}
	nodeResolveExports = siteInfo{fn: "resolveExports", file: loaderName, line: 638, col: 36}
	// a file a package's exports or imports resolved to is missing: finalizeEsmResolution's error,
	// called by resolveExports, trySelf or _resolveFilename (for imports) at these places
	nodeEsmNotFound            = siteInfo{fn: "createEsmNotFoundErr", file: loaderName, line: 1244, col: 15}
	nodeFinalizeEsm            = siteInfo{fn: "finalizeEsmResolution", file: loaderName, line: 1232, col: 15}
	nodeResolveExportsFinalize = siteInfo{fn: "resolveExports", file: loaderName, line: 638, col: 14}
	nodeTrySelfFinalize        = siteInfo{fn: "trySelf", file: loaderName, line: 605, col: 12}
	nodeResolveSelfing         = siteInfo{fn: "Module._resolveFilename", typ: "Function", method: "_resolveFilename", file: loaderName, line: 1184, col: 24}
	nodeResolveImporting       = siteInfo{fn: "Module._resolveFilename", typ: "Function", method: "_resolveFilename", file: loaderName, line: 1169, col: 16}
	nodeExtJSONFrame           = siteInfo{fn: "Module._extensions..json", typ: "Object", method: ".json", file: loaderName, line: 1641, col: 39}
	// where node's loader calls fs.readFileSync and fs.realpathSync, which a program may have
	// replaced (runtime/loaderfs.go): its loadSource for a .js file, the .json handler, and
	// toRealPath, called by tryFile (by tryExtensions, tryPackage, finalizeEsmResolution) or
	// by _findPath itself
	nodeLoadSource      = siteInfo{fn: "loadSource", file: loaderName, line: 1548, col: 17}
	nodeExtJSLoading    = siteInfo{fn: "Module._extensions..js", typ: "Object", method: ".js", file: loaderName, line: 1617, col: 44}
	nodeExtJSONReading  = siteInfo{fn: "Module._extensions..json", typ: "Object", method: ".json", file: loaderName, line: 1632, col: 22}
	nodeToRealPath      = siteInfo{fn: "toRealPath", file: "node:internal/modules/helpers", line: 58, col: 13}
	nodeFSRealpathSync  = siteInfo{fn: "realpathSync", display: "Object.realpathSync", typ: "Object", method: "realpathSync", file: "node:fs", line: 2741, col: 29}
	nodeTryFile         = siteInfo{fn: "tryFile", file: loaderName, line: 525, col: 10}
	nodeTryExtensions   = siteInfo{fn: "tryExtensions", file: loaderName, line: 536, col: 22}
	nodeTryPackageIndex = siteInfo{fn: "tryPackage", file: loaderName, line: 480, col: 12}
	nodeTryPackageMain  = siteInfo{fn: "tryPackage", file: loaderName, line: 484, col: 16}
	nodeFinalizeEsmFile = siteInfo{fn: "finalizeEsmResolution", file: loaderName, line: 1228, col: 18}
	// (where node's dlopen of an addon fails)
	nodeExtNodeFrame = siteInfo{fn: "Module._extensions..node", typ: "Object", method: ".node", file: loaderName, line: 1661, col: 18}
	// the ES module resolver's, which node's CommonJS loader uses for a package's exports
	nodeExportsNotFound = siteInfo{fn: "exportsNotFound", file: "node:internal/modules/esm/resolve", line: 322, col: 10}
	nodeExportsResolve  = siteInfo{fn: "packageExportsResolve", file: "node:internal/modules/esm/resolve", line: 670, col: 9}
	// (a subpath the exports name, mapped to nothing for the conditions)
	nodeExportsResolveKey = siteInfo{fn: "packageExportsResolve", file: "node:internal/modules/esm/resolve", line: 613, col: 13}
	nodeLoadResolving     = siteInfo{fn: "Module._load", typ: "Function", method: "_load", file: loaderName, line: 1038, col: 27}
	// ERR_UNKNOWN_BUILTIN_MODULE, which Module._load throws for require('node:<not a built-in>')
	nodeLoadUnknownBuiltin = siteInfo{fn: "Module._load", typ: "Function", method: "_load", file: loaderName, line: 1031, col: 13}
	nodeRequireResolve     = siteInfo{fn: "resolve", display: "Function.resolve", typ: "Function", method: "resolve", file: "node:internal/modules/helpers", line: 193, col: 19}
	nodeRequireMethod      = siteInfo{fn: "Module.require", typ: "Module", method: "require", file: loaderName, line: 1289, col: 19}
	nodeRequireHelper      = siteInfo{fn: "require", file: "node:internal/modules/helpers", line: 182, col: 18}
	nodeRunMain            = siteInfo{fn: "executeUserEntryPoint", display: "Function.executeUserEntryPoint [as runMain]", typ: "Function", method: "runMain", file: "node:internal/modules/run_main", line: 164, col: 12}
	nodeRunMainModule      = siteInfo{file: "node:internal/main/run_main_module", line: 28, col: 49}
	// (node's runMain finds the main entry before it loads it: Module._findPath, then toRealPath)
	nodeResolveMainFind = siteInfo{fn: "resolveMainPath", file: "node:internal/modules/run_main", line: 34, col: 23}
	nodeResolveMainReal = siteInfo{fn: "resolveMainPath", file: "node:internal/modules/run_main", line: 42, col: 18}
	// the -r modules' require, and node's preparation of the main thread that preloads them
	nodeInternalRequire = siteInfo{fn: "internalRequire", file: loaderName, line: 219, col: 19}
	nodePreloadModules  = siteInfo{fn: "Module._preloadModules", typ: "Function", method: "_preloadModules", file: loaderName, line: 1785, col: 5}
	nodePreloadFrames   = []siteInfo{nodePreloadModules,
		{fn: "loadPreloadModules", file: "node:internal/process/pre_execution", line: 745, col: 5},
		{fn: "setupUserModules", file: "node:internal/process/pre_execution", line: 206, col: 5},
		{fn: "prepareExecution", file: "node:internal/process/pre_execution", line: 159, col: 5},
		{fn: "prepareMainThreadExecution", file: "node:internal/process/pre_execution", line: 53, col: 10},
		{file: "node:internal/main/run_main_module", line: 11, col: 19}}
	// the ES module loader's translator that runs a CommonJS module it imports
	nodeCJSTranslator     = siteInfo{fn: "cjsLoader", file: "node:internal/modules/esm/translators", line: 298, col: 15}
	nodeCJSTranslatorWrap = siteInfo{display: "ModuleWrap.<anonymous>", typ: "ModuleWrap", file: "node:internal/modules/esm/translators", line: 240, col: 7}
)

// node's frames below the top-level code of `node -e` / `-p` ([eval]) and of a script on stdin
// ([stdin]), as node 20.20 prints them.
var (
	nodeEvalFrames = append(nodeEvalRun("[eval]"), siteInfo{file: "node:internal/main/eval_string", line: 51, col: 3})
	// a worker's eval: true code, run from the message that starts the worker
	nodeWorkerEvalFrames = append(nodeEvalRun("[worker eval]"),
		siteInfo{display: "MessagePort.<anonymous>", file: "node:internal/main/worker_thread", line: 173, col: 9},
		nodeWorkerMainFrames[1], nodeWorkerMainFrames[2])
	nodeStdinFrames = append(nodeEvalRun("[stdin]"),
		siteInfo{file: "node:internal/main/eval_stdin", line: 32, col: 5},
		siteInfo{display: "Socket.<anonymous>", file: "node:internal/process/execution", line: 234, col: 5},
		siteInfo{fn: "emit", display: "Socket.emit", file: "node:events", line: 536, col: 35},
		siteInfo{fn: "endReadableNT", file: "node:internal/streams/readable", line: 1698, col: 12},
		siteInfo{fn: "processTicksAndRejections", display: "process.processTicksAndRejections", file: "node:internal/process/task_queues", line: 82, col: 21})
	// (stdin a file: node reads it with an fs.ReadStream)
	nodeStdinFileFrames = append(append(nodeStdinFrames[:6:6],
		siteInfo{display: "ReadStream.<anonymous>", file: "node:internal/process/execution", line: 234, col: 5},
		siteInfo{fn: "emit", display: "ReadStream.emit", file: "node:events", line: 524, col: 28}),
		nodeStdinFrames[8:]...)
)

// nodeEvalRun is node's frames of its run of the code named name, down to evalScript.
func nodeEvalRun(name string) []siteInfo {
	return []siteInfo{
		{fn: "runScriptInThisContext", file: "node:internal/vm", line: 209, col: 10},
		{file: "node:internal/process/execution", line: 118, col: 14},
		{file: name + "-wrapper", line: 6, col: 24},
		{fn: "runScript", file: "node:internal/process/execution", line: 101, col: 62},
		{fn: "evalScript", file: "node:internal/process/execution", line: 133, col: 3},
	}
}

// stdinIsFile reports whether the runtime's stdin is a regular file (node's process.stdin is then
// an fs.ReadStream, a net.Socket for a pipe).
func (rt *Runtime) stdinIsFile() bool {
	f, ok := rt.opts.Stdin.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode().IsRegular()
}

// node's frames below the top-level code of the main ES module or of a module it imports
// statically, as node 20.20 prints them.
var nodeESMMainFrames = []siteInfo{
	{fn: "run", display: "ModuleJob.run", file: "node:internal/modules/esm/module_job", line: 325, col: 25},
	{fn: "import", display: "async ModuleLoader.import", file: "node:internal/modules/esm/loader", line: 606, col: 24},
	{fn: "asyncRunEntryPointWithESMLoader", display: "async asyncRunEntryPointWithESMLoader", file: "node:internal/modules/run_main", line: 117, col: 5},
}

// node's frames below the top-level code of an ES module require() loads (or of one it imports
// statically), down to the Module._compile that called it, as node 20.20 prints them.
var nodeESMRequireFrames = []siteInfo{
	{fn: "runSync", display: "ModuleJobSync.runSync", typ: "ModuleJobSync", method: "runSync", file: "node:internal/modules/esm/module_job", line: 437, col: 37},
	{fn: "importSyncForRequire", display: "ModuleLoader.importSyncForRequire", typ: "ModuleLoader", method: "importSyncForRequire", file: "node:internal/modules/esm/loader", line: 389, col: 47},
	{fn: "loadESMFromCJS", file: loaderName, line: 1363, col: 24},
	nodeCompileFrame503,
}

// nodeCompileFrame503 is Module._compile where it hands an ES module to loadESMFromCJS.
var nodeCompileFrame503 = siteInfo{fn: "Module._compile", typ: "Module", method: "_compile", file: loaderName, line: 1503, col: 5}

// esmRequiredAt reports whether the ES module loader frame raw[i] evaluates a module a require()
// loads, or one such a module imports statically: the loader's frames below it reach, through
// static imports only (loadImported), a loadESM that the CommonJS loader called (a
// Module._extensions handler, _compile or compileCommonJS). j is that loadESM frame's index.
func esmRequiredAt(raw []goja.StackFrame, i int) (j int, ok bool) {
	for k := i; k < len(raw); k++ {
		f := &raw[k]
		if f.SrcName() == "<native>" {
			continue
		}
		if f.Position().Filename != loaderName {
			return 0, false
		}
		if f.FuncName() != "loadESM" {
			continue
		}
		n := nextScriptFrame(raw, k)
		if n < 0 || raw[n].Position().Filename != loaderName {
			return 0, false
		}
		switch raw[n].FuncName() {
		case "", "<anonymous>", "_compile", "compileCommonJS":
			return k, true
		case "loadImported":
			continue
		}
		return 0, false
	}
	return 0, false
}

// nextScriptFrame is the index of the first frame after raw[i] that is not a native's, or -1.
func nextScriptFrame(raw []goja.StackFrame, i int) int {
	for k := i + 1; k < len(raw); k++ {
		if raw[k].SrcName() != "<native>" {
			return k
		}
	}
	return -1
}

// esmMainBelow reports whether the frames below an ES module loader frame are the loader's own
// down to the main module's run (runMain): the module is the main one or one it imports
// statically, not one a require() or a function of the program loads.
func esmMainBelow(raw []goja.StackFrame) bool { return loaderDownTo(raw, "runMain") }

// awaitingImporters are the async frames V8 shows below a module's evaluation that an import()
// started (nodeESMMainFrames' ModuleJob.run and ModuleLoader.import): the importer that awaits
// the import(), at its await, then each caller that awaits the one above (`await load()`), or
// an async function goja's stack has awaiting it. raw begins below the loader frame of the
// evaluation (at index base of the whole stack); the walk stops at the first call not awaited.
func (s *stackAPI) awaitingImporters(raw []goja.StackFrame, slots []frameSlot, base int) []siteInfo {
	rt := s.rt
	var out []siteInfo
	k := 0
	for k < len(raw) && (raw[k].SrcName() == "<native>" || raw[k].Position().Filename == loaderName) {
		k++ // (the loader's frames of the import)
	}
	for ; k < len(raw); k++ {
		f := &raw[k]
		if f.SrcName() == "<native>" {
			continue
		}
		p := f.Position()
		if p.Filename == loaderName || !rt.esmSources[p.Filename] && !rt.wrapped[p.Filename] {
			break
		}
		si := siteInfo{file: p.Filename, line: p.Line, esm: rt.esmSources[p.Filename], async: true}
		if fn := f.FuncName(); fn != "<anonymous>" {
			si.fn = fn
		}
		if si.esm && rt.pastSource(p.Filename, si.line) {
			continue // (the wrapper a module with top-level await runs in)
		}
		col := p.Column
		if si.line == 1 && !si.esm && !rt.transformed[p.Filename] && rt.wrapped[p.Filename] {
			col -= len(cjsWrapperPrefix)
		}
		sl, hasSlot := slotAt(slots, base+k)
		if hasSlot {
			s.methodCall(&si, f, sl) // (at async Loader.get)
		}
		if hasSlot && sl.async {
			si.col = rt.awaitColumn(p.Filename, si.line, rt.callColumn(p.Filename, si.line, col))
		} else {
			col = rt.callColumn(p.Filename, si.line, col)
			text := rt.sourceLine(p.Filename, si.line)
			if col < 1 || col-1 > len(text) {
				break
			}
			before := strings.TrimRight(text[:col-1], " \t(")
			if !strings.HasSuffix(before, "await") || len(before) > 5 && isIdentByte(before[len(before)-6]) {
				break // (not awaited: nothing waits for the import's promise yet)
			}
			si.col = len(before) - len("await") + 1
		}
		out = append(out, si)
	}
	return out
}

// esmImportBelow reports whether the frames below an ES module loader frame are the loader's
// own down to the import of a dynamic import() (importModule).
func esmImportBelow(raw []goja.StackFrame) bool { return loaderDownTo(raw, "importModule") }

// loaderDownTo reports whether raw's script frames are the loader's down to one of function fn.
func loaderDownTo(raw []goja.StackFrame, fn string) bool {
	for i := range raw {
		f := &raw[i]
		if f.SrcName() == "<native>" {
			continue
		}
		if f.Position().Filename != loaderName {
			return false
		}
		if f.FuncName() == fn {
			return true
		}
	}
	return false
}

// loaderFrameState is what nodeLoaderFrames remembers along one stack: requires counts the
// loader's require frames met so far (the first is Module.prototype.require, the next the
// require function a module gets); resolving is set by a _resolveFilename frame, whose caller,
// Module._load, is then at the line that calls it.
type loaderFrameState struct {
	requires  int
	resolving bool
	finding   bool // the last frame was _findPath's, which _resolveFilename calls at its own line
	// finalizing: the last frame was checkResolved's (node's finalizeEsmResolution, which
	// resolveExports, trySelf and _resolveFilename call at their own lines); via: "self" or
	// "imports" after such a resolveSelf or resolveImports frame, for the _resolveFilename below
	finalizing bool
	via        string
	worker     bool // in a worker's runtime (workerLoaderFrames)
	top        bool // this frame is the stack's first: the error was made there
	// linked: the last frame was evaluateLinked's: the importModule below evaluates an ES
	// module its importer linked, inside the module job node runs the graph in
	linked bool
	// exportsKey: the last frame was exportsKeyNotFound's (exports.js), inside packageExportsResolve
	exportsKey bool
	// prev: the last frame's function, when it was one of those reading a module's source or
	// making its path real (readSource, toRealPath, tryFile, tryExtensions, tryPackage), whose
	// callers call them at their own lines
	prev string
	// next: the function of the loader frame below a readSource or _findPath frame
	next string
}

// nodeLoaderFrames maps a frame of gojs's loader (runtime/js/loader.js) to the frames node's
// loader has in its place, so that a stack reads, and truncates at stackTraceLimit, as node's.
func nodeLoaderFrames(fn string, st *loaderFrameState) []siteInfo {
	if st.worker {
		return workerLoaderFrames(nodeMainLoaderFrames(fn, st))
	}
	return nodeMainLoaderFrames(fn, st)
}

// node's frames below a worker's main module: its worker_thread main runs the module from the
// message that starts the worker, and V8 names the loader's functions there by their receivers
// (Function._load, Object..js), as node 20.20 prints them.
var (
	nodeWorkerMainFrames = []siteInfo{
		{display: "MessagePort.<anonymous>", file: "node:internal/main/worker_thread", line: 192, col: 26},
		{fn: "[nodejs.internal.kHybridDispatch]", file: "node:internal/event_target", line: 831, col: 20},
		{display: "MessagePort.<anonymous>", file: "node:internal/per_context/messageport", line: 23, col: 28},
	}
	workerFrameNames = map[string]string{
		nodeExtJSFrame.fn:   "Object..js",
		nodeExtNodeFrame.fn: "Object..node",
		nodeLoadStatic.fn:   "Function._load",
		nodeResolveFrame.fn: "Function._resolveFilename",
	}
)

// workerLoaderFrames is frames (nodeMainLoaderFrames') as a worker's stack shows them.
func workerLoaderFrames(frames []siteInfo) []siteInfo {
	out := make([]siteInfo, 0, len(frames)+len(nodeWorkerMainFrames))
	for _, f := range frames {
		if f == nodeRunMainModule {
			out = append(out, nodeWorkerMainFrames...)
			continue
		}
		if name, ok := workerFrameNames[f.fn]; ok && f.file == loaderName {
			f.display = name
		}
		out = append(out, f)
	}
	return out
}

// nodeMainLoaderFrames is nodeLoaderFrames in the main thread.
func nodeMainLoaderFrames(fn string, st *loaderFrameState) []siteInfo {
	resolving, finding, finalizing, via, linked, prev := st.resolving, st.finding, st.finalizing, st.via, st.linked, st.prev
	st.resolving, st.finding, st.finalizing, st.via, st.linked, st.prev = false, false, false, "", false, ""
	switch fn {
	case "realPath":
		st.prev = "realPath" // (node's toRealPath calls fs.realpathSync itself)
		if st.top {
			// (the loader's own realpath failed: node's fs.realpathSync threw)
			return []siteInfo{nodeFSRealpathSync}
		}
		return nil
	case "toRealPath":
		st.prev = fn
		return []siteInfo{nodeToRealPath}
	case "tryFile":
		st.prev = fn
		return []siteInfo{nodeTryFile}
	case "tryExtensions":
		st.prev = fn
		return []siteInfo{nodeTryExtensions}
	case "tryPackage":
		switch prev {
		case "tryFile":
			st.prev = fn
			return []siteInfo{nodeTryPackageMain}
		case "tryExtensions":
			st.prev = fn
			return []siteInfo{nodeTryPackageIndex}
		}
	case "readSource":
		st.prev = fn
		if st.next == "jsonExtension" {
			return nil
		}
		return []siteInfo{nodeLoadSource}
	case "checkResolved":
		if prev == "toRealPath" {
			// (node's finalizeEsmResolution asks tryFile)
			st.finalizing = true
			return []siteInfo{nodeTryFile, nodeFinalizeEsmFile}
		}
		// a file a package's exports or imports resolved to is not on disk
		st.finalizing = true
		return []siteInfo{nodeEsmNotFound, nodeFinalizeEsm}
	case "resolveSelf":
		if finalizing {
			st.via = "self"
			return []siteInfo{nodeTrySelfFinalize}
		}
	case "resolveImports":
		if finalizing {
			st.via = "imports" // (node's _resolveFilename resolves them itself)
			return nil
		}
	case "jsonExtension":
		if prev == "readSource" {
			return []siteInfo{nodeExtJSONReading} // (it reads the file itself)
		}
		return []siteInfo{nodeExtJSONFrame}
	case "nodeExtension":
		return []siteInfo{nodeExtNodeFrame}
	case "exportsKeyNotFound":
		st.exportsKey = true
		return []siteInfo{nodeExportsNotFound, nodeExportsResolveKey}
	case "packageExportsResolve":
		if st.exportsKey {
			st.exportsKey = false
			return nil // (exportsKeyNotFound's frames stand for it)
		}
		// (what it throws itself: a subpath the package's exports do not define)
		return []siteInfo{nodeExportsNotFound, nodeExportsResolve}
	case "resolveExports":
		if finalizing {
			return []siteInfo{nodeResolveExportsFinalize}
		}
		return []siteInfo{nodeResolveExports}
	case "_findPath":
		st.finding = true
		f := nodeFindPath
		switch prev {
		case "realPath":
			// (its own toRealPath of a file at the exact path; the main entry's at another line)
			f.line, f.col = 727, 24
			if st.next == "resolveMainPath" {
				f.line, f.col = 740, 22
			}
			st.prev = fn
			return []siteInfo{nodeToRealPath, f}
		case "tryExtensions":
			f.line, f.col = 749, 20
		case "tryPackage":
			f.line, f.col = 758, 18
		}
		return []siteInfo{f}
	case "_compile", "compileTransformed":
		return []siteInfo{nodeCompileFrame}
	case "compileCommonJS", "loadBuiltin", "requireBuiltin", "loadImported":
		return nil
	case "evaluate", "evaluateESM":
		// an ES module's evaluation after its linking (esm.js), which node's module job runs:
		// its frame (ModuleJob.run) comes from the run or loadESM below
		return nil
	case "evaluateLinked":
		st.linked = true
		return nil
	case "", "<anonymous>": // Module._extensions['.js']
		if prev == "readSource" {
			return []siteInfo{nodeExtJSLoading}
		}
		return []siteInfo{nodeExtJSFrame}
	case "load":
		return []siteInfo{nodeLoadFrame}
	case "_resolveFilename":
		st.resolving = true
		if finding {
			return []siteInfo{nodeResolveFinding}
		}
		switch via {
		case "self":
			return []siteInfo{nodeResolveSelfing}
		case "imports":
			return []siteInfo{nodeResolveImporting}
		}
		return []siteInfo{nodeResolveFrame}
	case "_load":
		if st.top {
			// its own throw: a node: name that is no built-in's
			return []siteInfo{nodeLoadUnknownBuiltin}
		}
		if resolving {
			// Module._load calling _resolveFilename, where a missing module is found missing
			return []siteInfo{nodeLoadResolving}
		}
		return []siteInfo{nodeLoadStatic}
	case "resolve":
		return []siteInfo{nodeRequireResolve}
	case "require":
		st.requires++
		if st.requires%2 == 1 {
			return []siteInfo{nodeRequireMethod}
		}
		return []siteInfo{nodeRequireHelper}
	case "resolveMainPath":
		st.prev = fn
		if prev == "realPath" {
			return []siteInfo{nodeToRealPath, nodeResolveMainReal}
		}
		return []siteInfo{nodeResolveMainFind}
	case "runMain":
		if prev == "resolveMainPath" {
			f := nodeRunMain
			f.line, f.col = 156, 24
			return []siteInfo{f, nodeRunMainModule}
		}
		return []siteInfo{nodeRunMain, nodeRunMainModule}
	case "internalRequire":
		// Module.prototype.require as the loader calls it for the -r modules: node's
		// internalRequire calls Module._load itself
		st.requires++
		return []siteInfo{nodeInternalRequire}
	case "_preloadModules":
		return []siteInfo{nodePreloadModules}
	case "preload":
		// the -r modules, which node preloads as it prepares the main thread's execution
		return nodePreloadFrames
	case "importModule":
		if linked {
			return nil // (an ES module: see linked)
		}
		// a CommonJS module an ES module imports: node's ESM translator loads it
		return []siteInfo{nodeLoadStatic, nodeCJSTranslator, nodeCJSTranslatorWrap}
	}
	return []siteInfo{{fn: fn, file: loaderName}}
}

func (s *stackAPI) limit() int {
	return max(s.limitOrNone(), 0)
}

// noStackLimit is limitOrNone's answer when Error.stackTraceLimit is not a number: V8 then
// captures no stack, and an error's stack property reads undefined.
const noStackLimit = -1

// limitOrNone is Error.stackTraceLimit as limit reads it, or noStackLimit when it is not a
// number (undefined, a string, an object, a BigInt, deleted).
func (s *stackAPI) limitOrNone() int {
	v := s.stackTraceLimitValue()
	if _, obj := v.(*goja.Object); v == nil || obj {
		return noStackLimit
	}
	if t := v.ExportType(); t == nil || t.Kind() != reflect.Int64 && t.Kind() != reflect.Float64 {
		return noStackLimit
	}
	n := v.ToFloat()
	if n != n || n <= 0 {
		return 0
	}
	if n > 1<<20 {
		return 1 << 20
	}
	return int(n)
}

// bornLimit is Error.stackTraceLimit for an error being made, and whether the error must keep
// it in a pending stack of its own: V8 takes the frames when it makes an error, so the limit in
// force then is the one its stack shows (`Error.stackTraceLimit = 0; new Error(); restore`, as
// depd and http-errors do). An error made under fastLimit keeps nothing and is read with it.
// After otherMax errors in a row made under another limit (a program that set its own for
// good), that one becomes fastLimit, so the program stops paying for a pending stack each time.
func (s *stackAPI) bornLimit() (int, bool) {
	limit := s.limitOrNone()
	if limit == s.fastLimit {
		s.otherCount = 0
		return limit, false
	}
	if limit != s.otherLimit {
		s.otherLimit, s.otherCount = limit, 0
	}
	if s.otherCount++; s.otherCount >= otherMax {
		s.fastLimit, s.otherCount = limit, 0
		return limit, false
	}
	return limit, true
}

// otherMax is how many errors in a row made under a new Error.stackTraceLimit make it
// bornLimit's fastLimit (an older error read later is read with that one).
const otherMax = recentMax

// pendingStack is an error's call stack, captured when it was made and formatted on the first
// read of its stack property (so that a subclass's name, set after super(), is in the header,
// and a prepareStackTrace set just before the read applies, as in V8).
type pendingStack struct {
	raw     []goja.StackFrame
	slots   []frameSlot        // the callee and receiver of raw's first frames, when known
	task    eventloop.CallKind // the loop task's callback it was made in (stackreceiver.go)
	skip    string
	skipPrg []unsafe.Pointer // programs of functions to skip through (the first found), by identity
	limit   int
	form    goja.Callable // formStackOnRead's: applied to the formatted stack
	top     []siteInfo    // node's frames above raw's (addNodeFrame), the innermost first
}

// addNodeFrame is Host.AddNodeFrame: err's stack, not made yet, gets node's frame of fn on top,
// named as V8 names a function called on this (Object.join; bare join without a receiver). An
// error whose stack was made already keeps it.
func (s *stackAPI) addNodeFrame(err goja.Value, fn string, this goja.Value, file string, line, col int) {
	o, ok := err.(*goja.Object)
	if !ok {
		return
	}
	p, ok := s.peekPending(o)
	if !ok {
		if _, made := gojaErrorFrames(o); !made {
			return
		}
		s.pendingInit()
		if p, ok = s.pendingOf(o); !ok {
			return
		}
		s.keepPending(o, p)
	}
	si := s.builtinSite(fn, this)
	si.native, si.builtin = "", false
	if si.display != "" {
		si.typ, si.method = strings.TrimSuffix(si.display, "."+fn), fn
	}
	si.file, si.line, si.col = file, line, col
	p.top = append(p.top, si)
}

// setStackWith captures the call stack for obj (Error.captureStackTrace) and gives obj a stack
// property that formats it on first read. It then becomes a plain data property, as V8's is.
func (s *stackAPI) setStackWith(obj *goja.Object, skip string, skipPrg []unsafe.Pointer) {
	vm := s.rt.vm
	limit := s.limitOrNone()
	depth := 0
	if skip == "" && skipPrg == nil {
		depth = max(limit, 0) + 16 // room for the Go and entry frames that are dropped
	}
	p := &pendingStack{raw: vm.CaptureCallStack(depth, nil), skip: skip, skipPrg: skipPrg, limit: limit}
	if n, ok := eventloop.CallDepth(vm); (depth <= 0 || ok && depth > n) && programFrames(p.raw) {
		// (a whole stack: the async frames V8 shows past goja's)
		if tail := s.rt.awaitingTail(); len(tail) > 0 {
			p.raw = append(p.raw, tail...)
		}
	}
	p.slots = s.innerSlots(p.raw, len(p.raw), true, -1)
	p.task = s.rt.loop.TaskCall()
	s.pendingInit()
	s.keepPending(obj, p)
	obj.DefineAccessorProperty("stack", s.getter, s.setter, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// setStackFrames is setStackWith for frames already captured (and cut).
// nAsync is how many of raw's frames, at its end, are goja's async ones.
func (s *stackAPI) setStackFrames(obj *goja.Object, raw []goja.StackFrame, nAsync int) {
	p := &pendingStack{raw: raw, limit: s.limitOrNone()}
	p.slots = s.innerSlots(raw, p.limit, false, nAsync)
	p.task = s.rt.loop.TaskCall()
	s.pendingInit()
	s.keepPending(obj, p)
	obj.DefineAccessorProperty("stack", s.getter, s.setter, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// setInnerStackFrames is setStackFrames for raw, the frames of the live call stack below its
// innermost one, inner (CaptureCallStack with a depth): their receivers are read now.
func (s *stackAPI) setInnerStackFrames(obj *goja.Object, raw, inner []goja.StackFrame) {
	p := &pendingStack{raw: raw, limit: s.limitOrNone()}
	for _, sl := range s.innerSlots(inner, p.limit+1, true, 0) {
		if sl.at >= 1 {
			sl.at--
			p.slots = append(p.slots, sl)
		}
	}
	p.task = s.rt.loop.TaskCall()
	s.pendingInit()
	s.keepPending(obj, p)
	obj.DefineAccessorProperty("stack", s.getter, s.setter, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// lazyStack gives a new error the formatting stack accessor. The frames are the ones goja
// captured when it made the error (read from the error object, see gojaErrorFrames); only when
// that is not possible are they captured here.
//
// newTarget is the class being constructed when it is a subclass: V8 leaves out the frames down
// to its constructor's (the constructors that called super), so does the stack. A class without
// a constructor of its own has no frame in goja: its nearest ancestor's frame is the outermost.
func (s *stackAPI) lazyStack(obj *goja.Object, newTarget *goja.Object) {
	var skipPrg []unsafe.Pointer
	for c, n := newTarget, 0; c != nil && c != s.errorCtor && n < 64; c, n = c.Prototype(), n+1 {
		if prg := funcProgram(c); prg != nil {
			skipPrg = append(skipPrg, prg)
		}
	}
	raw, ok := gojaErrorFrames(obj)
	if !ok {
		s.setStackWith(obj, "", skipPrg)
		return
	}
	keep := skipPrg != nil
	inObj := raw // the frames the goja error object holds
	if len(raw) > 0 && noScriptFrames(raw) {
		// an error made for a callback by Go code or the built-ins' glue (fs's ENOENT, a
		// socket's ECONNREFUSED) has no frame of the program's. goja keeps the frames an error
		// was made with as the place of every throw of it, so `if (err) throw err` had no place
		// to print (node points at that throw); without them goja takes the throw's place, as V8
		// does. The stack keeps the frames it was made with (here, no longer in the error).
		setGojaErrorFrames(obj, nil)
		inObj = nil
		if madeByGo(raw) {
			raw = nil
		} else {
			keep = true
		}
	}
	if programFrames(raw) {
		// (the async frames V8 shows past goja's: Promise.all's and what awaits it)
		if tail := s.rt.awaitingTail(); len(tail) > 0 {
			raw = append(raw[:len(raw):len(raw)], tail...)
			keep = true
		}
	}
	s.pendingInit()
	limit, other := s.bornLimit()
	slots := s.innerSlots(raw, limit, false, -1)
	if keep || other {
		p := &pendingStack{raw: raw, slots: slots, task: s.rt.loop.TaskCall(), skipPrg: skipPrg, limit: limit}
		s.keepPending(obj, p)
	} else if task := s.rt.loop.TaskCall(); slots != nil || task != 0 {
		s.recent.keep(obj, slots, task)
	}
	// goja makes its own stack string, every frame formatted, the moment an own stack is defined
	// on an error object, only for the accessor to replace it: defineErrorStack spares that
	// where it can; else, with the frames out of the way for that moment it is just the header
	// (an error made in a loop spent half its time there)
	if s.defineErrorStack(obj) {
		return
	}
	if len(inObj) > 0 {
		setGojaErrorFrames(obj, nil)
	}
	obj.DefineAccessorProperty("stack", s.getter, s.setter, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if len(inObj) > 0 {
		setGojaErrorFrames(obj, inObj)
	}
}

// engineErrorStack gives an error the engine raised (a TypeError from null.x), whose stack is
// still goja's text, the formatting accessor that errors made by the constructors have, so that
// reading it gives V8's stack. A stack the program set itself is left alone. Loop only.
func (rt *Runtime) engineErrorStack(obj *goja.Object) bool {
	s := rt.stacks
	if s == nil {
		return false
	}
	raw, ok := gojaErrorFrames(obj)
	if !ok {
		return false
	}
	// (read from the descriptor: an error the constructors made has the accessor already, and
	// reading its stack here would format it before the program's handlers could)
	st, ok := rt.ownStackValue(obj)
	if !ok || !strings.Contains(st, "\n\tat ") {
		return false
	}
	if mv := obj.Get("message"); mv == nil {
		// (deleted, with no prototype to find one in)
	} else if m, ok := modules.ExportAs[string](mv); ok {
		if v8 := rt.engineMessage(obj, m, raw); v8 != "" {
			obj.Set("message", v8)
		}
	}
	s.pendingInit()
	return obj.DefineAccessorProperty("stack", s.getter, s.setter, goja.FLAG_TRUE, goja.FLAG_FALSE) == nil
}

var ownStackGetterKey = new(int)

// ownStackValue is the string o's own stack data property holds, if it has one. Loop only.
func (rt *Runtime) ownStackValue(o *goja.Object) (string, bool) {
	d := rt.ownStackDescriptor(o)
	if d == nil {
		return "", false
	}
	v := d.Get("value")
	if v == nil {
		return "", false
	}
	st, ok := modules.ExportAs[string](v)
	return st, ok
}

// ownStackDescriptor is the descriptor of o's own stack property (nil when it has none), read
// without running its getter. Loop only.
func (rt *Runtime) ownStackDescriptor(o *goja.Object) *goja.Object {
	var desc goja.Callable
	if rt.stacks != nil && rt.stacks.rawGOPD != nil {
		desc = rt.stacks.rawGOPD
	} else {
		desc = rt.host.State(ownStackGetterKey, func() any {
			f, err := rt.vm.RunString(`(function (o) { return Object.getOwnPropertyDescriptor(o, 'stack'); })`)
			if err != nil {
				panic(err)
			}
			fn, _ := goja.AssertFunction(f)
			return fn
		}).(goja.Callable)
	}
	dv, err := desc(goja.Undefined(), o, rt.vm.ToValue("stack"))
	d, ok := dv.(*goja.Object)
	if err != nil || !ok {
		return nil
	}
	return d
}

// stackUnread reports whether v is an error whose stack is still unformatted: the accessor its
// constructor gave it, not yet read (nor replaced by the program). V8 places an unhandled
// rejection's excerpt at the first frame of such a stack; once the stack has been read (node's
// AssertionError reads it as it is made, a stream's destroy(err) too) it has only the place
// where node reports the rejection. Loop only.
func (rt *Runtime) stackUnread(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	s := rt.stacks
	if !ok || s == nil {
		return false
	}
	if _, proxy := modules.ExportAs[goja.Proxy](o); proxy {
		return false // (V8 keeps the stack in the target, where the proxy does not reach)
	}
	d := rt.ownStackDescriptor(o)
	if d == nil {
		return false
	}
	if s.isPendingStack(d) {
		// (one formStackOnRead gave a form is as if read: its accessor was the form's)
		p, ok := s.peekPending(o)
		return !ok || p.form == nil
	}
	// an error the engine raised keeps goja's text until its stack is first read
	st, ok := rt.ownStackValue(o)
	if !ok || !strings.Contains(st, "\n\tat ") {
		return false
	}
	_, ok = gojaErrorFrames(o)
	return ok
}

// withoutSuperFrames drops, from the frames goja captured for an error a subclass's constructor
// made (class E extends Error), those of the constructors that led to Error's, the super(...)
// calls: V8's stack begins at new E(...)'s caller. It runs when the stack is first read.
func (s *stackAPI) withoutSuperFrames(raw []goja.StackFrame) []goja.StackFrame {
	rt := s.rt
	k := 0
	for ; k < len(raw); k++ {
		f := &raw[k]
		if f.SrcName() == "<native>" {
			continue
		}
		p := f.Position()
		col := p.Column
		if p.Line == 1 && !rt.esmSources[p.Filename] && !rt.transformed[p.Filename] && rt.wrapped[p.Filename] {
			col -= len(cjsWrapperPrefix)
		}
		col = rt.callColumn(p.Filename, p.Line, col) // from the call's "(" to the callee
		text := rt.sourceLine(p.Filename, p.Line)
		if col < 1 || col > len(text) || !strings.HasPrefix(text[col-1:], "super") {
			break
		}
	}
	if k == len(raw) {
		return raw
	}
	return raw[k:]
}

// pendingJS keeps an object's pending stack in a private field of a class whose constructor
// returns the object it is given (so the field is added to that object): invisible to the
// program, gone with the object, and cheaper than a WeakMap entry (goja gives each key a weak
// handle and a cleanup, whose registration walks the span's list of them).
// put answers false, storing nothing, for an object that is not extensible (V8 refuses to
// define its stack).
const pendingJS = `(function () {
  const isExtensible = Object.isExtensible;
  class Base { constructor(o) { return o; } }
  class Pending extends Base {
    #p;
    constructor(o, p) { super(o); this.#p = p; }
    static put(o, p) {
      if (!isExtensible(o)) return false;
      if (#p in o) o.#p = p; else new Pending(o, p);
      return true;
    }
    static take(o) {
      if (!(#p in o)) return undefined;
      const p = o.#p;
      o.#p = undefined;
      return p;
    }
    static peek(o) { return #p in o ? o.#p : undefined; }
  }
  return [Pending.put, Pending.take, Pending.peek];
})()`

// pendingBox carries a *pendingStack as a goja value (a dynamic object: cheaper to make than
// the reflection wrapper ToValue gives a Go pointer). The program never sees it. Once the stack
// is read, the box left in its place may carry only the excerpt an uncaught error prints (p nil,
// arrow set: keepArrow), which node keeps nowhere the program can see.
type pendingBox struct {
	p     *pendingStack
	arrow string
	glue  bool // arrow was given by setArrow (glue's), not kept by keepArrow
}

func (*pendingBox) Get(string) goja.Value       { return nil }
func (*pendingBox) Set(string, goja.Value) bool { return false }
func (*pendingBox) Has(string) bool             { return false }
func (*pendingBox) Delete(string) bool          { return false }
func (*pendingBox) Keys() []string              { return nil }

// keepPending stores p as obj's pending stack, for the stack getter to take (pendingInit first).
// It throws V8's TypeError when obj is not extensible.
func (s *stackAPI) keepPending(obj *goja.Object, p *pendingStack) {
	vm := s.rt.vm
	pb := &pendingBox{p: p}
	if s.arrowsSet {
		// (an excerpt setArrow gave obj stays with it)
		if a, glue, ok := s.keptArrowOf(obj); ok {
			pb.arrow, pb.glue = a, glue
		}
	}
	box := vm.NewDynamicObject(pb)
	if ok, err := s.pendPut(goja.Undefined(), obj, box); err == nil {
		if !ok.ToBoolean() {
			panic(vm.NewTypeError("Cannot define property stack, object is not extensible"))
		}
		return
	}
	// (an object that takes no private field: one of goja's Go-backed ones)
	if s.wm == nil {
		wmCtor := vm.GlobalObject().Get("WeakMap").ToObject(vm)
		wm, err := vm.New(wmCtor)
		if err != nil {
			panic(err)
		}
		s.wm = wm
		s.wmGet, _ = goja.AssertFunction(wm.Get("get"))
		s.wmSet, _ = goja.AssertFunction(wm.Get("set"))
		s.wmDelete, _ = goja.AssertFunction(wm.Get("delete"))
	}
	if _, err := s.wmSet(s.wm, obj, box); err != nil {
		panic(err)
	}
}

// takePending returns obj's pending stack, if keepPending stored one, and forgets it.
func (s *stackAPI) takePending(obj *goja.Object) (*pendingStack, bool) {
	return s.pending(obj, true)
}

// peekPending is takePending without forgetting it.
func (s *stackAPI) peekPending(obj *goja.Object) (*pendingStack, bool) {
	return s.pending(obj, false)
}

func (s *stackAPI) pending(obj *goja.Object, take bool) (*pendingStack, bool) {
	if s.pendTake == nil {
		return nil, false
	}
	fn := s.pendTake
	if !take {
		fn = s.pendPeek
	}
	v, err := fn(goja.Undefined(), obj)
	if err != nil || v == nil || goja.IsUndefined(v) {
		if s.wm == nil {
			return nil, false
		}
		if v, _ = s.wmGet(s.wm, obj); v == nil || goja.IsUndefined(v) {
			return nil, false
		}
		if take {
			s.wmDelete(s.wm, obj)
		}
	}
	if o, ok := v.(*goja.Object); ok {
		if b, ok := modules.ExportAs[*pendingBox](o); ok {
			if b.p == nil {
				// (only an excerpt kept: no pending stack, and the excerpt stays)
				if take {
					s.putBox(obj, o)
				}
				return nil, false
			}
			if take && b.arrow != "" {
				// (the excerpt setArrow gave it stays)
				s.putBox(obj, s.rt.vm.NewDynamicObject(&pendingBox{arrow: b.arrow, glue: b.glue}))
			}
			return b.p, true
		}
	}
	return nil, false
}

// setArrow gives obj the excerpt it prints uncaught, where the program cannot see it (node's
// setArrowMessage, which sets a private symbol): in the field its pending stack is kept in,
// beside that stack. Glue sets it; it comes before the excerpts found otherwise, but after an
// own arrowSymbol property. Loop only.
func (s *stackAPI) setArrow(obj *goja.Object, arrow string) {
	s.pendingInit()
	s.arrowsSet = true
	v, err := s.pendPeek(goja.Undefined(), obj)
	if (err != nil || v == nil || goja.IsUndefined(v)) && s.wm != nil {
		v, _ = s.wmGet(s.wm, obj)
	}
	if o, ok := v.(*goja.Object); ok {
		if b, ok := modules.ExportAs[*pendingBox](o); ok {
			b.arrow, b.glue = arrow, true
			return
		}
	}
	s.putBox(obj, s.rt.vm.NewDynamicObject(&pendingBox{arrow: arrow, glue: true}))
}

// keepArrow keeps the excerpt an uncaught err prints where the program cannot see it (the
// field pending stacks are kept in), unless err already has one (its own arrowSymbol property,
// which glue sets, or a kept one). Loop only.
func (s *stackAPI) keepArrow(obj *goja.Object, arrow string) {
	if cur := obj.GetSymbol(arrowSymbol(s.rt)); cur != nil && !goja.IsUndefined(cur) {
		return
	}
	if _, ok := s.keptArrow(obj); ok || s.pendPut == nil {
		return
	}
	s.putBox(obj, s.rt.vm.NewDynamicObject(&pendingBox{arrow: arrow}))
}

// putBox stores box in obj's hidden field (in the WeakMap, for an object that takes no private
// field); a non-extensible obj keeps nothing.
func (s *stackAPI) putBox(obj, box *goja.Object) {
	if _, err := s.pendPut(goja.Undefined(), obj, box); err == nil {
		return
	}
	if s.wm != nil {
		_, _ = s.wmSet(s.wm, obj, box)
	}
}

// keptArrow is the excerpt keepArrow kept for obj (or setArrow gave it).
func (s *stackAPI) keptArrow(obj *goja.Object) (string, bool) {
	a, _, ok := s.keptArrowOf(obj)
	return a, ok
}

// glueArrow is the excerpt glue gave obj: its own arrowSymbol property, else setArrow's (not
// one keepArrow kept). Loop only.
func (s *stackAPI) glueArrow(obj *goja.Object) (string, bool) {
	if a, ok := obj.GetSymbol(arrowSymbol(s.rt)).(goja.String); ok {
		return a.String(), true
	}
	if a, glue, ok := s.keptArrowOf(obj); ok && glue {
		return a, true
	}
	return "", false
}

// keptArrowOf is keptArrow, and whether setArrow gave it (glue).
func (s *stackAPI) keptArrowOf(obj *goja.Object) (arrow string, glue, ok bool) {
	if s == nil || s.pendPeek == nil {
		return "", false, false
	}
	v, err := s.pendPeek(goja.Undefined(), obj)
	if (err != nil || v == nil || goja.IsUndefined(v)) && s.wm != nil {
		v, _ = s.wmGet(s.wm, obj)
	}
	if o, ok := v.(*goja.Object); ok {
		if b, ok := modules.ExportAs[*pendingBox](o); ok && (b.p == nil || b.arrow != "") {
			return b.arrow, b.glue, true
		}
	}
	return "", false, false
}

// pendingInit makes the functions that keep pending stacks and the shared accessor pair.
func (s *stackAPI) pendingInit() {
	if s.pendPut != nil {
		return
	}
	vm := s.rt.vm
	fns, err := vm.RunProgram(modules.CompileOnce("node:internal/errors", pendingJS))
	if err != nil {
		panic(err)
	}
	arr := fns.ToObject(vm)
	s.pendPut, _ = goja.AssertFunction(arr.Get("0"))
	s.pendTake, _ = goja.AssertFunction(arr.Get("1"))
	s.pendPeek, _ = goja.AssertFunction(arr.Get("2"))
	s.getter = modules.Func(vm, "stack", 0, func(call goja.FunctionCall) goja.Value {
		this, ok := call.This.(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		return s.readStack(this)
	})
	s.setter = modules.Func(vm, "stack", 1, func(call goja.FunctionCall) goja.Value {
		if this, ok := call.This.(*goja.Object); ok {
			// (a frozen error keeps its stack, as V8's data property does)
			if this.DefineDataProperty("stack", call.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE) == nil {
				s.takePending(this)
			}
		}
		return goja.Undefined()
	})
}

// pendingOf is obj's pending stack, taken (keepPending's, or one made of the frames goja keeps
// in the error object); false when obj has none.
func (s *stackAPI) pendingOf(obj *goja.Object) (*pendingStack, bool) {
	if p, ok := s.takePending(obj); ok {
		return p, true
	}
	raw, ok := gojaErrorFrames(obj)
	if !ok {
		return nil, false
	}
	slots, task := s.recent.take(obj)
	if !s.baseProtos[obj.Prototype()] {
		n := len(raw)
		raw = s.withoutSuperFrames(raw)
		slots = dropSlots(slots, n-len(raw))
	}
	return &pendingStack{raw: raw, slots: slots, task: task, limit: s.fastLimit}, true
}

// readStack is the stack accessor's getter on obj: the stack formatted (and passed through the
// form formStackOnRead gave it), from then on obj's own data property.
func (s *stackAPI) readStack(obj *goja.Object) goja.Value {
	p, ok := s.pendingOf(obj)
	if !ok {
		return goja.Undefined()
	}
	v := s.format(obj, p)
	if p.form != nil {
		f, err := p.form(goja.Undefined(), v)
		if err != nil {
			panic(err)
		}
		v = f
	}
	_ = obj.DefineDataProperty("stack", v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if madeByValidator(p.raw) {
		// node's validators are wrapped in hideStackFrames, whose catch rethrows the error:
		// uncaught, it prints that rethrow's excerpt
		// (unless node's check is a plain throw of its own: nodeErrorSites names its line)
		arrow := validatorArrow
		if a := validatorErrorSite(p.raw, obj); a != "" {
			arrow = a
		}
		s.keepArrow(obj, arrow)
	} else if arrow := webstreamsMadeArrow(p.raw); arrow != "" {
		// (a web streams check's error, rejected: node's excerpt is where it was made)
		s.keepArrow(obj, arrow)
	}
	return v
}

// webstreamsMadeArrow is node's excerpt (webstreamsExcerpts) for an error whose first frame, past
// the error makers', is one of webstreamsThrowSites; "" otherwise.
func webstreamsMadeArrow(raw []goja.StackFrame) string {
	for i := range raw {
		f := &raw[i]
		if f.SrcName() == "<native>" {
			continue
		}
		file := f.Position().Filename
		if hiddenErrorFrameFile(file) || file == "node:internal/streams/errors" || glueErrorFactories[[2]string{file, f.FuncName()}] {
			continue
		}
		if file != "node:internal/webstreams" {
			return ""
		}
		if p, ok := webstreamsThrowPlaces.Get()[f.Position().Line]; ok {
			return webstreamsExcerpts[p.file+":"+strconv.Itoa(p.line)]
		}
		return ""
	}
	return ""
}

// format is V8's stack for obj: what Error.prepareStackTrace returns for it and its call sites,
// or "Name: message" and a line per frame.
func (s *stackAPI) format(obj *goja.Object, p *pendingStack) goja.Value {
	vm := s.rt.vm
	if p.limit == noStackLimit {
		return goja.Undefined() // (made while Error.stackTraceLimit was no number)
	}
	sites := s.frames(p.raw, p.slots, p.task, p.skip, p.skipPrg, p.limit, isErrorNamed(obj, "SyntaxError"))
	sites = nodeProcessFrames(sites, obj, p.limit)
	sites = nodeNativeFrame(sites, p.raw, obj, p.limit)
	if len(p.top) > 0 && p.limit > 0 {
		sites = append(append(make([]siteInfo, 0, len(p.top)+len(sites)), p.top...), sites...)
		if len(sites) > p.limit {
			sites = sites[:p.limit]
		}
	}
	// (the first frame's column is moved below by reading its line, whose offsets are bytes: one
	// of vm code, through its source map, counts UTF-16 units until then)
	vmLine := ""
	if len(sites) > 0 && !sites[0].isNative() && sites[0].eval == nil {
		vmLine = s.rt.vmNonASCIILine(sites[0].file, sites[0].line)
		if vmLine != "" {
			sites[0].col = byteOffset(vmLine, sites[0].col-1) + 1
		}
	}
	if len(sites) > 0 && !sites[0].isNative() && sites[0].eval == nil && isErrorNamed(obj, "TypeError") {
		sites[0].col = s.rt.readKeyColumn(obj, sites[0].file, sites[0].line, sites[0].col)
	}
	if len(sites) > 0 && !sites[0].isNative() && sites[0].eval == nil && (isErrorNamed(obj, "TypeError") || isErrorNamed(obj, "RangeError")) {
		op := ""
		if len(p.raw) > 0 {
			op = frameOp(&p.raw[0])
		}
		sites[0].col = s.rt.operatorColumn(obj, sites[0].file, sites[0].line, sites[0].col, op) // (k in s: at the in)
	} else if len(sites) > 0 && sites[0].eval != nil && len(p.raw) > 0 && (isErrorNamed(obj, "TypeError") || isErrorNamed(obj, "RangeError")) {
		sites[0].col += evalOperatorShift(obj, &p.raw[0], sites[0].line, sites[0].col)
	}
	if len(sites) > 0 && !sites[0].isNative() && sites[0].eval == nil && !sites[0].esm && !s.rt.transformed[sites[0].file] &&
		isErrorNamed(obj, "ReferenceError") {
		sites[0].col = s.rt.statementColumn(obj, sites[0].file, sites[0].line, sites[0].col)
	} else if len(sites) > 0 && !sites[0].isNative() && sites[0].eval == nil && (sites[0].esm || s.rt.transformed[sites[0].file]) &&
		isErrorNamed(obj, "ReferenceError") {
		sites[0].col = s.rt.mappedReferenceColumn(obj, sites[0].file, sites[0].line, sites[0].col)
	}
	if vmLine != "" && sites[0].col >= 1 && sites[0].col-1 <= len(vmLine) {
		sites[0].col = utf16Len(vmLine[:sites[0].col-1]) + 1
	}
	// (goja's columns are byte offsets of the line: V8's count UTF-16 units)
	for i := range sites {
		if si := &sites[i]; !si.isNative() && si.eval == nil && !si.esm && !s.rt.transformed[si.file] {
			si.col = s.rt.utf16Column(si.file, si.line, si.col)
		}
	}
	// (an error's stack read inside Error.prepareStackTrace gets the default form, as in V8: a
	// prepareStackTrace that reads one recursed until the stack overflowed)
	// (node's default, while it is in place, formats as below)
	prepVal := s.errorCtor.Get("prepareStackTrace")
	if prep, ok := goja.AssertFunction(prepVal); ok && prepVal != s.defaultPrep && !s.preparing {
		arr := vm.NewArray()
		for i, si := range sites {
			arr.Set(strconv.Itoa(i), s.callSite(si))
		}
		s.preparing = true
		v, err := prep(s.errorCtor, obj, arr)
		s.preparing = false
		if err != nil {
			panic(err)
		}
		return v
	}
	header := "Error"
	func() {
		defer func() { recover() }()
		if v := obj.GetSymbol(modules.SymIsNodeError); v != nil && !goja.IsUndefined(v) {
			str := func(k string) string {
				if v := obj.Get(k); v != nil {
					return v.String()
				}
				return "undefined"
			}
			header = str("name") + " [" + str("code") + "]: " + str("message")
			return
		}
		header = errorHeader(obj)
	}()
	var b strings.Builder
	b.WriteString(header)
	mapped := s.rt.userMaps != nil && s.rt.sourceMapsOn()
	for i, si := range sites {
		b.WriteString("\n    at ")
		if mapped && s.rt.writeMappedSite(&b, sites, i) {
			continue
		}
		si.write(&b)
	}
	return vm.ToValue(b.String())
}

// setDefaultPrepare makes fn, the bootstrap's ErrorPrepareStackTrace, Error.prepareStackTrace, as
// node 20.20 has its default there (an own function, not enumerable): libraries that save and
// restore it (depd, source-map-support) or call it for the default form find it. While it is in
// place, stacks are formatted here without calling it.
func (s *stackAPI) setDefaultPrepare(fn *goja.Object) {
	s.defaultPrep = fn
	s.rt.host.SetDefaultPrepareStackTrace(fn)
	s.errorCtor.DefineDataProperty("prepareStackTrace", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// prepareDefault is node's internal default for Error.prepareStackTrace(error, trace), which
// its ErrorPrepareStackTrace calls: the error's header (node's own errors: "Name [CODE]:
// message"; any other as Error.prototype.toString), then "    at " and each element of trace as a
// string, as Array.prototype.join would give them.
func (s *stackAPI) prepareDefault(call goja.FunctionCall) goja.Value {
	vm := s.rt.vm
	errV, trace := call.Argument(0), call.Argument(1)
	obj, ok := errV.(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("Cannot use 'in' operator to search for 'Symbol(kIsNodeError)' in %s", errV.String()))
	}
	var header string
	if v := obj.GetSymbol(modules.SymIsNodeError); v != nil && !goja.IsUndefined(v) {
		header = obj.Get("name").String() + " [" + obj.Get("code").String() + "]: " + obj.Get("message").String()
	} else {
		header = errorHeader(obj)
	}
	t := trace.ToObject(vm)
	lenV := t.Get("length")
	if lenV != nil && lenV.StrictEquals(vm.ToValue(0)) {
		return vm.ToValue(header)
	}
	var b strings.Builder
	b.WriteString(header)
	b.WriteString("\n    at ")
	n := int64(0)
	if lenV != nil {
		if f := lenV.ToFloat(); f > 0 {
			n = lenV.ToInteger()
		}
	}
	for i := int64(0); i < n; i++ {
		if i > 0 {
			b.WriteString("\n    at ")
		}
		if v := t.Get(strconv.FormatInt(i, 10)); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
			b.WriteString(v.String())
		}
	}
	return vm.ToValue(b.String())
}

// evalArgColumn is the column (1-based) of the variable that a direct eval call at col in text
// takes as its first argument, eval(code), or col for any other text.
func evalArgColumn(text string, col int) int {
	if col < 1 || col > len(text) {
		return col
	}
	rest, ok := strings.CutPrefix(text[col-1:], "eval")
	if !ok {
		return col
	}
	rest = strings.TrimLeft(rest, " \t")
	if !strings.HasPrefix(rest, "(") {
		return col
	}
	arg := strings.TrimLeft(rest[1:], " \t")
	argAt := len(text) - len(arg)
	n := 0
	for n < len(arg) && isIdentByte(arg[n]) {
		n++
	}
	if after := strings.TrimLeft(arg[n:], " \t"); n == 0 || arg[0] >= '0' && arg[0] <= '9' ||
		!strings.HasPrefix(after, ")") && !strings.HasPrefix(after, ",") {
		return col
	}
	return argAt + 1
}

// isNative reports whether si is a built-in's frame, which has no place in a file.
func (si *siteInfo) isNative() bool { return si.native != "" || si.builtin }

func (si *siteInfo) location() string {
	if si.isNative() {
		if si.where != "" {
			return si.where
		}
		return "<anonymous>"
	}
	file := si.file
	if si.esm {
		file = "file://" + file
	}
	return file + ":" + strconv.Itoa(si.line) + ":" + strconv.Itoa(si.col)
}

func (si *siteInfo) write(b *strings.Builder) {
	name := si.fn
	if si.display != "" {
		name = si.display
	}
	if si.top {
		name = "Object.<anonymous>"
	}
	if si.async {
		b.WriteString("async ")
	}
	if name == "" {
		b.WriteString(si.location())
		return
	}
	b.WriteString(name)
	b.WriteString(" (")
	b.WriteString(si.location())
	b.WriteByte(')')
}

// callSite makes a CallSite object (callsite.js) for Error.prepareStackTrace.
func (s *stackAPI) callSite(si siteInfo) goja.Value {
	vm := s.rt.vm
	if s.makeSite == nil {
		v, err := vm.RunProgram(modules.CompileOnce("node:internal/callsite", callSiteJS))
		if err != nil {
			panic(err)
		}
		s.makeSite, _ = goja.AssertFunction(v)
	}
	var b strings.Builder
	si.write(&b)
	fn := goja.Null()
	if si.fn != "" {
		fn = vm.ToValue(si.fn)
	}
	file := si.file
	if si.esm {
		file = "file://" + file
	}
	fileV, lineV, colV, typV, methodV := vm.ToValue(file), vm.ToValue(si.line), vm.ToValue(si.col), goja.Null(), goja.Undefined()
	if si.builtin {
		fileV, lineV, colV = goja.Null(), goja.Null(), goja.Null()
		if si.typ != "" {
			typV, methodV = vm.ToValue(si.typ), vm.ToValue(si.method)
		}
	} else if si.native != "" {
		fileV, lineV, colV, typV = goja.Null(), goja.Null(), goja.Null(), vm.ToValue(si.native)
	} else if si.typ != "" {
		typV, methodV = vm.ToValue(si.typ), vm.ToValue(si.method)
		if si.fnRecv {
			typV = vm.ToValue("Function") // (the frame still prints the class's name: K.s)
		}
	}
	evalV := goja.Undefined()
	if si.eval != nil {
		evalV, fileV = vm.ToValue(si.eval.base), goja.Undefined()
		if si.eval.url != "" {
			fileV = vm.ToValue(si.eval.url)
		}
	}
	combV := goja.Undefined()
	if si.comb != "" {
		combV = vm.NewArray(si.comb, si.combIndex)
	}
	v, err := s.makeSite(goja.Undefined(), fn, fileV, lineV, colV, vm.ToValue(si.top), vm.ToValue(b.String()), typV, methodV, evalV, combV)
	if err != nil {
		panic(err)
	}
	return v
}

// utf16Column turns a column of goja's (a byte offset into the line's UTF-8 text, plus 1) into
// V8's, which counts UTF-16 code units: a non-ASCII character before the place moved it right.
func (rt *Runtime) utf16Column(file string, line, col int) int {
	if _, ok := rt.sources[file]; !ok || col <= 1 {
		return col
	}
	text := rt.sourceLine(file, line)
	if col-1 > len(text) {
		return col
	}
	return utf16Len(text[:col-1]) + 1
}

// callColumn moves a call frame's column from the call's "(" (where goja puts it) back to the
// start of the called name, where V8 puts it: foo() and obj.method() point at foo and method.
func (rt *Runtime) callColumn(file string, line, col int) int {
	if _, ok := rt.sources[file]; !ok {
		return rt.vmCallColumn(file, line, col)
	}
	text := rt.sourceLine(file, line)
	i := col - 1
	if rt.transformed[file] || rt.esmSources[file] {
		// in a file esbuild transformed, a call maps to just after its '('
		// (also when the first argument starts with a '(', an arrow function's parameters, when
		// a name is called there: `list.forEach((x) => ...)`)
		// A call whose callee does not end in a name (o[k](...), f()(...), (0, o.m)(...)) V8
		// places at its '('.
		before := byte(0)
		if i >= 2 && i <= len(text) {
			b := strings.TrimRight(text[:i-1], " \t")
			if b != "" {
				before = b[len(b)-1]
			}
		}
		if i >= 1 && i <= len(text) && text[i-1] == '(' && (i == len(text) || text[i] != '(' || isIdentByte(before) || before == ']' || before == ')') {
			i--
			if before == ']' || before == ')' {
				return i + 1
			}
		}
	}
	if j := calleeStart(text, i); j >= 0 {
		return j + 1
	}
	if j := taggedTemplateAt(text, col-1); j >= 0 {
		return j + 1
	}
	return col
}

// taggedTemplateAt is where the template of a tagged template call whose tag (a name or a
// member chain: tag`...`, o.t`...`, $`...`) goja places at text[i] begins, which is where V8 places
// the call; -1 when text[i:] is no such call.
func taggedTemplateAt(text string, i int) int {
	if i < 0 || i >= len(text) || !isIdentByte(text[i]) || i > 0 && isIdentByte(text[i-1]) {
		return -1
	}
	k := i
	for k < len(text) && (isIdentByte(text[k]) || text[k] == '.' || text[k] == '#') {
		k++
	}
	if k+1 < len(text) && text[k] == ')' && text[k+1] == '`' {
		k++ // ((0, tag)`...`: goja places the call at the tag inside the parentheses)
	}
	if k < len(text) && text[k] == '`' && text[k-1] != '.' {
		return k
	}
	return -1
}

// setterCallColumn moves the column of the frame that called a setter (or a proxy's set trap)
// by assigning to a member from goja's place, the key (o.x = 1: x; o[k] = 1: the [), to V8's:
// the assignment's operator (=, +=, ??=, ++), or the member expression's start when it is a for
// of / for in's target.
func (rt *Runtime) setterCallColumn(file string, line, col int) int {
	if _, ok := rt.sources[file]; !ok || rt.transformed[file] || rt.esmSources[file] {
		return col
	}
	text := rt.sourceLine(file, line)
	i := col - 1
	if i <= 0 || i >= len(text) {
		return col
	}
	if text[i] == '.' && i+1 < len(text) && isIdentStartByte(text[i+1]) {
		i++ // (o.m().x = 1: placed at the dot, as a getter's caller after a call is)
	}
	end := -1
	switch {
	case text[i] == '[':
		if c := matchingClose(text, i); c > i {
			end = c + 1
		}
	case isIdentStartByte(text[i]) && text[i-1] == '.':
		end = i
		for end < len(text) && isIdentByte(text[end]) {
			end++
		}
	}
	if end < 0 {
		return col
	}
	j := end
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	rest := text[j:]
	switch {
	case strings.HasPrefix(rest, "++") || strings.HasPrefix(rest, "--"):
		return j + 1
	case strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==") && !strings.HasPrefix(rest, "=>"):
		return j + 1
	case strings.HasPrefix(rest, "of ") || strings.HasPrefix(rest, "in "):
		k := i
		if text[i] != '[' {
			k-- // (the dot)
		}
		for k > 0 && (isIdentByte(text[k-1]) || text[k-1] == '.') {
			k--
		}
		return k + 1
	}
	for _, op := range compoundAssignOps {
		if strings.HasPrefix(rest, op) {
			return j + 1
		}
	}
	return col
}

// getterCallColumn is V8's column of a frame at goja's line and col that fetched a method whose
// getter (or Proxy get trap) is the frame above it, named inner: goja places the fetch at the
// start of the method's object (have in a.have.status(...)), V8 at the method's name (status).
// col is kept when the text there is no such call, or inner is neither a getter of that name
// nor a get trap on the chain's first object.
func (rt *Runtime) getterCallColumn(file string, line, col int, inner string) int {
	if _, ok := rt.sources[file]; !ok || rt.transformed[file] || rt.esmSources[file] {
		return col
	}
	text := rt.sourceLine(file, line)
	i := col - 1
	if i < 0 || i >= len(text) || !isIdentStartByte(text[i]) || i > 0 && isIdentByte(text[i-1]) {
		return col
	}
	if dot := rt.dotAfterCall(file, line, text, i); dot >= 0 {
		return dot + 1
	}
	j := i
	for j < len(text) && isIdentByte(text[j]) {
		j++
	}
	if j >= len(text) || text[j] != '.' {
		return col
	}
	k := j + 1
	for k < len(text) && isIdentByte(text[k]) {
		k++
	}
	name := text[j+1 : k]
	for k < len(text) && text[k] == ' ' {
		k++
	}
	if name == "" || k >= len(text) || text[k] != '(' {
		return col
	}
	// (a get trap does not say which key it was asked for: in a.b.c(), goja places the get of b
	// there too, so only a chain's first object is taken for the method's)
	if inner != name && (inner != "get" || i > 0 && text[i-1] == '.') {
		return col
	}
	return j + 2
}

// dotAfterCall is the offset in text (file's line) of the dot before the property name at i
// when that property is read, not called, from a chain with a call in it (o.m().ok, o.m().a.ok,
// or .ok beginning a line after o.m()): V8 places such a read (a getter's caller) at the dot,
// and at the name otherwise (o.ok, o.a.ok, (o).ok). -1 when it is not such a read.
func (rt *Runtime) dotAfterCall(file string, line int, text string, i int) int {
	k := i
	for k < len(text) && isIdentByte(text[k]) {
		k++
	}
	if rest := strings.TrimLeft(text[k:], " \t"); rest != "" && (rest[0] == '(' || rest[0] == '`') {
		return -1 // a call (callColumn's) or a tagged template
	}
	dot := i - 1
	for dot >= 0 && (text[dot] == ' ' || text[dot] == '\t') {
		dot--
	}
	if dot < 0 || text[dot] != '.' || dot > 0 && text[dot-1] == '.' {
		return -1
	}
	if dot > 0 && text[dot-1] == '?' && (dot < 2 || text[dot-2] != '?') {
		return dot - 1 // (o?.ok: an optional chain's read, at its ?.)
	}
	chain := text[:dot]
	if strings.TrimSpace(chain) == "" && line > 1 {
		chain = strings.TrimRight(rt.sourceLine(file, line-1), " \t\r") // (.ok beginning the line)
	}
	// walk the chain back: .name, [key] and (args) segments, to its first object
	for {
		chain = strings.TrimRight(chain, " \t")
		if chain == "" {
			return -1
		}
		switch c := chain[len(chain)-1]; {
		case c == ')' || c == ']':
			r := matchingOpen(chain, len(chain)-1) // (destructure.go)
			if r < 0 {
				return -1
			}
			chain = chain[:r]
			if strings.HasSuffix(chain, "?.") {
				return dot // (o?.[k].ok, o?.m().ok: a read in an optional chain, at its dot)
			}
			if c == ']' {
				continue
			}
			callee := strings.TrimRight(chain, " \t")
			if callee == "" {
				return -1 // a parenthesized expression begins the chain
			}
			if e := callee[len(callee)-1]; e == ')' || e == ']' || isIdentByte(e) && !strings.HasSuffix(callee, "return") && !strings.HasSuffix(callee, "typeof") {
				if isIdentByte(e) && newCallee(callee) {
					return -1 // new A().ok, new ns.A().ok: V8 places the read at the name
				}
				return dot // a call
			}
			return -1
		case isIdentByte(c):
			j := identStart(chain, len(chain))
			if j > 1 && chain[j-1] == '.' && chain[j-2] == '?' {
				return dot // (o?.a.ok: a read in an optional chain, at its dot)
			}
			if j == 0 || chain[j-1] != '.' || j > 1 && chain[j-2] == '.' {
				return -1 // the chain's first object
			}
			chain = chain[:j-1]
		default:
			return -1
		}
	}
}

// inOptionalChain reports whether the member chain text[:dot] ends in (before the "." at dot)
// has a ?. in it: o?.a, o?.[k].a, o?.m().a.
func inOptionalChain(text string, dot int) bool {
	chain := text[:dot]
	for {
		chain = strings.TrimRight(chain, " \t")
		if chain == "" {
			return false
		}
		switch c := chain[len(chain)-1]; {
		case c == ')' || c == ']':
			r := matchingOpen(chain, len(chain)-1)
			if r < 0 {
				return false
			}
			chain = chain[:r]
		case isIdentByte(c):
			j := identStart(chain, len(chain))
			if j == 0 || chain[j-1] != '.' {
				return false // (the chain's first object)
			}
			chain = chain[:j-1]
			if strings.HasSuffix(chain, "?") && !strings.HasSuffix(chain, "??") {
				return true
			}
			if strings.HasSuffix(chain, ".") {
				return false // (a spread)
			}
			continue
		default:
			return false
		}
		if strings.HasSuffix(chain, "?.") {
			return true
		}
	}
}

// forOfNextColumn is V8's column for a frame that called an iterator's next from a for-of loop
// or a call's spread argument (a generator's body or a next method that threw): goja places it
// at the iterable (x in `for (const a of x)`, f(...x)), V8 at the call's name (f) and at the last
// token of the loop's binding (a; the ] of [a, b]; p of
// o.p). col is kept when the text there is no
// for-of's iterable.
func (rt *Runtime) forOfNextColumn(file string, line, col int) int {
	if _, ok := rt.sources[file]; !ok || rt.transformed[file] || rt.esmSources[file] {
		return col
	}
	text := rt.sourceLine(file, line)
	i := col - 1
	if i <= 0 || i > len(text) {
		return col
	}
	head := strings.TrimRight(text[:i], " \t")
	if strings.HasSuffix(head, "...") {
		// f(...it): V8 places the spread's iteration at the call (its name), when the spread
		// is the last argument (f(...it, 1) builds the arguments as an array literal would)
		depth := 0
		for k := i; k < len(text); k++ {
			c := text[k]
			if c == '(' || c == '[' || c == '{' {
				depth++
			} else if c == ')' || c == ']' || c == '}' {
				if depth--; depth < 0 {
					break
				}
			} else if c == ',' && depth == 0 {
				return col
			}
		}
		depth = 0
		for k := len(head) - 4; k >= 0; k-- {
			switch text[k] {
			case ')', ']', '}':
				depth++
			case '[', '{':
				if depth--; depth < 0 {
					return col // (an array literal's spread: at the iterable, as goja has it)
				}
			case '(':
				if depth--; depth < 0 {
					if j := calleeStart(text, k); j >= 0 {
						return j + 1
					}
					return col
				}
			}
		}
		return col
	}
	if !strings.HasSuffix(head, "of") || len(head) < 4 {
		return col
	}
	if c := head[len(head)-3]; c != ' ' && c != '\t' && c != ']' && c != '}' {
		return col
	}
	head = strings.TrimRight(head[:len(head)-2], " \t")
	f := strings.LastIndex(head, "for")
	if f < 0 || f > 0 && isIdentByte(head[f-1]) {
		return col
	}
	rest := strings.TrimLeft(head[f+3:], " \t")
	if !strings.HasPrefix(rest, "(") {
		return col
	}
	if strings.TrimSpace(rest[1:]) == "" {
		return col
	}
	// (the binding's last token: a name's start, a pattern's closing bracket)
	if isIdentByte(head[len(head)-1]) {
		return identStart(head, len(head)) + 1
	}
	return len(head)
}

// newCallee reports whether callee, the text before a call's "(", ends in the constructor of a
// new expression: `new A`, `new ns.A` (a member chain right after the word new).
func newCallee(callee string) bool {
	k := len(callee)
	for {
		k = identStart(callee, k)
		if k > 1 && callee[k-1] == '.' && isIdentByte(callee[k-2]) {
			k--
			continue
		}
		break
	}
	before := strings.TrimRight(callee[:k], " \t")
	return k < len(callee) && before != callee[:k] && strings.HasSuffix(before, "new") &&
		(len(before) == 3 || !isIdentByte(before[len(before)-4]) && before[len(before)-4] != '.')
}

// readKeyColumn is V8's column for a TypeError reading a property of null or undefined at
// file:line:col: the key's, where goja has the object's for a method call (o.f() points at f).
func (rt *Runtime) readKeyColumn(obj *goja.Object, file string, line, col int) int {
	m, ok := modules.ExportAs[string](obj.Get("message"))
	if !ok {
		return col
	}
	if m == "Assignment to constant variable." {
		return assignOperatorColumn(rt.sourceLine(file, line), col)
	}
	if strings.HasPrefix(m, "Receiver must be ") {
		// o.#m() with a private method o lacks: goja's place is the call's object, V8's the name
		text := rt.sourceLine(file, line)
		if i := col - 1; i >= 0 && i < len(text) {
			if j := strings.IndexByte(text[i:], '#'); j > 0 && text[i+j-1] == '.' {
				return i + j + 1
			}
		}
		return col
	}
	if strings.HasPrefix(m, "Cannot write private member ") {
		text := rt.sourceLine(file, line) // (o.#p = v: V8 at the "=", goja at the #)
		if i := col - 1; i >= 0 && i+1 < len(text) && text[i] == '#' {
			return setTargetColumn(text, col+1)
		}
		return col
	}
	if strings.HasPrefix(m, "Cannot set properties of ") || strings.HasPrefix(m, "Cannot create property ") ||
		strings.HasPrefix(m, "Cannot assign to read only property ") || strings.HasPrefix(m, "Cannot add property ") ||
		strings.HasPrefix(m, "Cannot set property ") && strings.HasSuffix(m, " which has only a getter") {
		// (V8 places a refused assignment at its "=", goja at the key; in a module or a
		// transformed file the source map puts o[k]'s at the key after the "[")
		text := rt.sourceLine(file, line)
		if i := col - 1; i > 0 && i < len(text) && text[i] != '[' && text[i-1] == '[' && (rt.esmSources[file] || rt.transformed[file]) {
			col--
		}
		return setTargetColumn(text, col)
	}
	_, key, ok := readWordsKey(m)
	if !ok {
		return col
	}
	text := rt.sourceLine(file, line)
	i := col - 1
	if i < 0 || i >= len(text) {
		return col
	}
	if i > 0 && text[i-1] == '[' && (rt.esmSources[file] || rt.transformed[file]) {
		// o[k] in a module or a transformed file: the source map puts the read at the key
		// expression after the "[", V8 at the "[" (unless the key is itself a failed read)
		j := i
		for j < len(text) && isIdentByte(text[j]) {
			j++
		}
		if after := text[j:]; !strings.HasPrefix(after, "."+key) && !strings.HasPrefix(after, "?."+key) {
			return i
		}
	}
	if text[i] == '[' || text[i] == '(' {
		// o[k].f(): for a method call on an object that ends in a subscript, goja's place is
		// its "["; V8's, the key after it
		j := matchingClose(text, i)
		if j < 0 {
			return col
		}
		return keyAfter(text, j+1, key, col)
	}
	if !isIdentByte(text[i]) {
		return col
	}
	if i > 0 && text[i-1] == '.' && strings.HasPrefix(text[i:], key) && updatedAt(text, i+len(key), identStart(text, i-1)) {
		// ++o.a.b: goja's place is the key; V8's, the object's (its last name)
		if k := identStart(text, i-1); k < i-1 {
			return k + 1
		}
		return col
	}
	j := i
	for j < len(text) && isIdentByte(text[j]) {
		j++
	}
	if j < len(text) && text[j] == '(' {
		// f().g(), o.f().g(): goja's place is the callee's name; V8's, the "." after the call
		if k := matchingClose(text, j); k >= 0 && text[k] == ')' {
			if r := keyAfter(text, k+1, key, col); r != col && text[r-2] == '.' {
				return r - 1
			}
		}
		return col
	}
	if i > 1 && text[i-1] == '.' && text[i-2] == ')' && callEndsAt(text, i-2) && strings.HasPrefix(text[i:], key) &&
		(i+len(key) == len(text) || !isIdentByte(text[i+len(key)])) {
		// f().x: goja's place is the key; V8's, the "." after the call
		return i
	}
	if d := len(strings.TrimRight(text[:i], " \t")) - 1; d > 0 && text[d] == '.' && text[d-1] != '?' && text[d-1] != '.' &&
		strings.HasPrefix(text[i:], key) && (i+len(key) == len(text) || !isIdentByte(text[i+len(key)])) && inOptionalChain(text, d) {
		// o?.a.x: a read in an optional chain, goja's place the key, V8's the "." before it
		return d + 1
	}
	after := text[j:]
	switch {
	case strings.HasPrefix(after, "?."+key):
		j += 2
	case strings.HasPrefix(after, "."+key):
		j++
	default:
		return col
	}
	end := j + len(key)
	if end < len(text) && isIdentByte(text[end]) {
		return col // (a longer name)
	}
	if updatedAt(text, end, i) {
		// o.a.b += 1, o.a.b++: V8's place is the object's, as goja's; for a variable's
		// property under a prefix operator (--x.b), the operator's
		if i == 0 || text[i-1] != '.' {
			before := strings.TrimRight(text[:i], " \t")
			if strings.HasSuffix(before, "++") || strings.HasSuffix(before, "--") {
				return len(before) - 1
			}
		}
		return col
	}
	return j + 1
}

// keyAfter is V8's column of a read of key from the object expression that ends at text[j]
// when it is followed by ".key(" or "?.key(" (a method call), else col.
func keyAfter(text string, j int, key string, col int) int {
	switch {
	case strings.HasPrefix(text[j:], "?."+key):
		j += 2
	case strings.HasPrefix(text[j:], "."+key):
		j++
	default:
		return col
	}
	end := j + len(key)
	if end >= len(text) || text[end] != '(' {
		return col
	}
	return j + 1
}

// callEndsAt reports whether the ")" at text[k] closes a call's arguments (f(), o.f(1), g()())
// rather than a parenthesized expression.
func callEndsAt(text string, k int) bool {
	depth := 0
	for ; k >= 0; k-- {
		switch text[k] {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			depth--
			if depth == 0 {
				return k > 0 && (isIdentByte(text[k-1]) || text[k-1] == ')' || text[k-1] == ']')
			}
		}
	}
	return false
}

// compoundAssignOps are the compound assignment operators, longest first.
var compoundAssignOps = [...]string{">>>=", "**=", "<<=", ">>=", "&&=", "||=", "??=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^="}

// updatedAt reports whether the member expression that ends at text[end] and whose object's last
// name starts at text[start] is the target of a compound assignment or an update (o.a.b += 1,
// o.a.b++, ++o.a.b), whose read V8 places at the object rather than the key.
func updatedAt(text string, end, start int) bool {
	rest := strings.TrimLeft(text[end:], " \t")
	if strings.HasPrefix(rest, "++") || strings.HasPrefix(rest, "--") {
		return true
	}
	for _, op := range compoundAssignOps {
		if strings.HasPrefix(rest, op) {
			return true
		}
	}
	k := start
	for k > 0 && (isIdentByte(text[k-1]) || text[k-1] == '.') {
		k-- // (the whole member chain: ++o.a.b)
	}
	before := strings.TrimRight(text[:k], " \t")
	return strings.HasSuffix(before, "++") || strings.HasSuffix(before, "--")
}

// setTargetColumn is V8's place of a TypeError for setting a property of null or undefined
// (o.a.b = 1, x['k'] = v) or a refused one (a frozen object's, a primitive's): the assignment's
// "=" (or compound operator), where goja's is the key (or its "["); col when the text there is
// not such an assignment.
func setTargetColumn(text string, col int) int {
	i := col - 1
	if i < 0 || i >= len(text) {
		return col
	}
	j := i
	switch {
	case isIdentByte(text[i]):
		for j < len(text) && isIdentByte(text[j]) {
			j++
		}
	case text[i] == '[':
		depth, quote := 0, byte(0)
		for ; j < len(text); j++ {
			c := text[j]
			switch {
			case quote != 0:
				if c == '\\' {
					j++
				} else if c == quote {
					quote = 0
				}
			case c == '\'' || c == '"' || c == '`':
				quote = c
			case c == '[':
				depth++
			case c == ']':
				depth--
			}
			if depth == 0 {
				j++
				break
			}
		}
		if depth != 0 {
			return col
		}
	default:
		return col
	}
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	if strings.HasPrefix(text[j:], "=") && !strings.HasPrefix(text[j:], "==") && !strings.HasPrefix(text[j:], "=>") {
		return j + 1
	}
	for _, op := range compoundAssignOps {
		if strings.HasPrefix(text[j:], op) {
			return j + 1
		}
	}
	return col
}

// calleeStart returns where the name called by the "(" at text[i] starts, or -1. A private
// method's call (this.#m(...)) V8 places at its '(', as it does a computed one's.
func calleeStart(text string, i int) int {
	if i <= 0 || i >= len(text) || text[i] != '(' {
		return -1
	}
	j := identStart(text, i)
	if j == i {
		return -1
	}
	if j > 0 && text[j-1] == '#' {
		return i
	}
	return j
}

// vmCode is code vm ran with its positions read as a file's (SourceNoter.NoteCode).
type vmCode struct {
	code                            string
	lineOffset, columnOffset, first int
}

// A runtime keeps the vm code of at most maxVMCode files, maxVMCodeBytes in all, none longer
// than maxVMCodeLen (callColumn reads no longer source), so that a program compiling many
// scripts (template engines) holds no more than that of them alive.
const (
	maxVMCode      = 1024
	maxVMCodeLen   = 256 << 10
	maxVMCodeBytes = 16 << 20
)

// noteVMCode records the code vm runs as filename's (the last one for a name wins).
func (rt *Runtime) noteVMCode(filename, code string, lineOffset, columnOffset, first int) {
	old, had := rt.vmCode[filename]
	if len(code) > maxVMCodeLen {
		if had {
			delete(rt.vmCode, filename)
			rt.vmCodeBytes -= len(old.code)
		}
		return
	}
	if !had && len(rt.vmCode) >= maxVMCode || rt.vmCodeBytes-len(old.code)+len(code) > maxVMCodeBytes {
		return
	}
	if rt.vmCode == nil {
		rt.vmCode = map[string]vmCode{}
	}
	rt.vmCode[filename] = vmCode{code, lineOffset, columnOffset, first}
	rt.vmCodeBytes += len(code) - len(old.code)
}

// vmSourceLine is the 1-based line of file in the code vm ran as that file's (the excerpt of a
// value a vm script threw uncaught), or "".
func (rt *Runtime) vmSourceLine(file string, line int) string {
	c, ok := rt.vmCode[file]
	if !ok {
		return ""
	}
	n := line - 1 - c.lineOffset + c.first // the line in c.code, from 0
	if n < c.first {
		return ""
	}
	text := c.code
	for range n {
		k := strings.IndexByte(text, '\n')
		if k < 0 {
			return ""
		}
		text = text[k+1:]
	}
	if k := strings.IndexByte(text, '\n'); k >= 0 {
		text = text[:k]
	}
	return strings.TrimRight(text, "\r")
}

// vmPlace is errorPlace for p, a source-mapped place in the code vm ran as p's file: the line
// and the column in it, or -1 (unknown, or a line with characters of several bytes, whose
// mapped columns count UTF-16 units).
func (rt *Runtime) vmPlace(p file.Position) (string, int) {
	name, ok := strings.CutPrefix(p.Filename, modules.EvalSourceScheme)
	if ok {
		if u, err := url.PathUnescape(name); err == nil {
			name = u
		}
	}
	c, ok := rt.vmCode[name]
	if !ok {
		return "", -1
	}
	text := rt.vmSourceLine(name, p.Line)
	col := p.Column - 1
	if p.Line == c.lineOffset+1 {
		col -= c.columnOffset
	}
	if col < 0 || col >= len(text) || !isASCII(text) {
		return "", -1
	}
	return text, col
}

// vmNonASCIILine is line of the code vm ran as file (not a module's) when the line has
// characters of several bytes, else "". The first line of code run with a columnOffset is
// padded by it (its columns count it).
func (rt *Runtime) vmNonASCIILine(file string, line int) string {
	if _, ok := rt.sources[file]; ok {
		return ""
	}
	c, ok := rt.vmCode[file]
	if !ok {
		return ""
	}
	text := rt.vmSourceLine(file, line)
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return ""
	}
	if line-1-c.lineOffset == 0 && c.columnOffset > 0 {
		text = strings.Repeat(" ", c.columnOffset) + text
	}
	return text
}

// vmCallColumn is callColumn for a frame of code vm ran as file's, read in that code.
func (rt *Runtime) vmCallColumn(file string, line, col int) int {
	c, ok := rt.vmCode[file]
	if !ok {
		return col
	}
	n := line - 1 - c.lineOffset + c.first // the line in c.code, from 0
	if n < c.first {
		return col
	}
	shift := 0
	if n == c.first {
		shift = c.columnOffset
	}
	text := c.code
	for range n {
		k := strings.IndexByte(text, '\n')
		if k < 0 {
			return col
		}
		text = text[k+1:]
	}
	if k := strings.IndexByte(text, '\n'); k >= 0 {
		text = text[:k]
	}
	// (its columns come through its source map, in UTF-16 units: the text's are bytes)
	if col-1-shift < 0 {
		return col
	}
	if j := calleeStart(text, byteOffset(text, col-1-shift)); j >= 0 {
		return utf16Len(text[:j]) + 1 + shift
	}
	return col
}

// goja keeps the frames it captured for an error in its errorObject, unexported. They are read
// through reflect (as eventloop reads goja's job queue): errorFramesLayout finds the fields once,
// from the first error seen; if a goja upgrade changes them, errors capture their frames
// themselves instead (TestErrorFramesProbe guards it).
var (
	errorFramesOnce   sync.Once
	errorSelfOffset   uintptr
	errorSelfType     reflect.Type // goja's objectImpl interface
	errorObjType      reflect.Type // *goja.errorObject
	errorStackIndex   []int
	errorFramesUsable bool
	// errorObject.stackPropAdded and its baseObject's propNames, when found (errorAddedUsable)
	errorAddedIndex, errorNamesIndex []int
	errorAddedUsable                 bool
)

func gojaErrorFrames(obj *goja.Object) ([]goja.StackFrame, bool) {
	if obj == nil {
		return nil, false
	}
	errorFramesOnce.Do(errorFramesLayout)
	if !errorFramesUsable {
		return nil, false
	}
	self := reflect.NewAt(errorSelfType, unsafe.Add(unsafe.Pointer(obj), errorSelfOffset)).Elem()
	if self.IsNil() {
		return nil, false
	}
	impl := self.Elem()
	if impl.Type() != errorObjType {
		return nil, false
	}
	f := impl.Elem().FieldByIndex(errorStackIndex)
	frames := *(*[]goja.StackFrame)(unsafe.Pointer(f.UnsafeAddr()))
	return frames, true
}

// madeByGo reports whether raw, the frames of an error's making, are those of Go code's
// makeError helper with no script frame (the loop's trampoline, Go functions) around it.
func madeByGo(raw []goja.StackFrame) bool {
	found := false
	for i := range raw {
		switch raw[i].SrcName() {
		case "<native>", "":
		case "node:internal/makeError":
			found = true
		default:
			return false
		}
	}
	return found
}

// programFrames reports whether raw has a frame of JS code (not all the built-ins' own).
func programFrames(raw []goja.StackFrame) bool {
	for i := range raw {
		if raw[i].SrcName() != "<native>" {
			return true
		}
	}
	return false
}

// noScriptFrames reports whether none of raw is a frame of the program's own code (only the
// built-ins' glue, node:..., and Go).
func noScriptFrames(raw []goja.StackFrame) bool {
	for i := range raw {
		if n := raw[i].SrcName(); n != "<native>" && n != "" && !strings.HasPrefix(n, "node:") {
			return false
		}
	}
	return true
}

// setGojaErrorFrames replaces the frames goja keeps in an error object (see gojaErrorFrames).
func setGojaErrorFrames(obj *goja.Object, frames []goja.StackFrame) {
	if !errorFramesUsable {
		return
	}
	self := reflect.NewAt(errorSelfType, unsafe.Add(unsafe.Pointer(obj), errorSelfOffset)).Elem()
	if self.IsNil() || self.Elem().Type() != errorObjType {
		return
	}
	f := self.Elem().Elem().FieldByIndex(errorStackIndex)
	*(*[]goja.StackFrame)(unsafe.Pointer(f.UnsafeAddr())) = frames
}

func errorFramesLayout() {
	f, ok := reflect.TypeFor[goja.Object]().FieldByName("self")
	if !ok || f.Type.Kind() != reflect.Interface {
		return
	}
	vm := goja.New()
	e := vm.NewTypeError("probe")
	self := reflect.NewAt(f.Type, unsafe.Add(unsafe.Pointer(e), f.Offset)).Elem()
	if self.IsNil() || self.Elem().Kind() != reflect.Pointer || self.Elem().Elem().Kind() != reflect.Struct {
		return
	}
	t := self.Elem().Type()
	sf, ok := t.Elem().FieldByName("stack")
	if !ok || sf.Type != reflect.TypeFor[[]goja.StackFrame]() {
		return
	}
	errorSelfOffset, errorSelfType, errorObjType, errorStackIndex = f.Offset, f.Type, t, sf.Index
	errorFramesUsable = true
	af, ok1 := t.Elem().FieldByName("stackPropAdded")
	nf, ok2 := t.Elem().FieldByName("propNames")
	if ok1 && ok2 && af.Type.Kind() == reflect.Bool && nf.Type.Kind() == reflect.Slice && nf.Type.Elem().Kind() == reflect.String {
		errorAddedIndex, errorNamesIndex, errorAddedUsable = af.Index, nf.Index, true
	}
}

// defineErrorStack gives obj, an error the constructor has just made, the stack accessor. goja
// adds an error's own stack lazily, first in its key order, formatting its own stack text as
// it does; the accessor replacing it made that text for nothing. So the accessor is defined as
// a new property after marking goja's as added, then moved first, as goja would have placed
// it. It reports false, doing nothing, where goja's layout is not the expected one or goja's
// stack is there already.
func (s *stackAPI) defineErrorStack(obj *goja.Object) bool {
	if errorAddedUsable {
		self := reflect.NewAt(errorSelfType, unsafe.Add(unsafe.Pointer(obj), errorSelfOffset)).Elem()
		if !self.IsNil() && self.Elem().Type() == errorObjType {
			impl := self.Elem().Elem()
			added := (*bool)(unsafe.Pointer(impl.FieldByIndex(errorAddedIndex).UnsafeAddr()))
			if !*added {
				*added = true
				obj.DefineAccessorProperty("stack", s.getter, s.setter, goja.FLAG_TRUE, goja.FLAG_FALSE)
				names := (*[]string)(unsafe.Pointer(impl.FieldByIndex(errorNamesIndex).UnsafeAddr()))
				if n := len(*names); n > 1 && (*names)[n-1] == "stack" {
					copy((*names)[1:], (*names)[:n-1])
					(*names)[0] = "stack"
				}
				return true
			}
		}
	}
	return false
}

// objectImpl returns goja's implementation of o (the pointer to its struct, as a reflect
// value), or false when the layout is unknown.
func objectImpl(o *goja.Object) (reflect.Value, bool) {
	errorFramesOnce.Do(errorFramesLayout)
	if !errorFramesUsable {
		return reflect.Value{}, false
	}
	self := reflect.NewAt(errorSelfType, unsafe.Add(unsafe.Pointer(o), errorSelfOffset)).Elem()
	if self.IsNil() || self.Elem().Kind() != reflect.Pointer || self.Elem().Elem().Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	return self.Elem(), true
}

// funcProgram returns the goja program of a script function (the code its frames run), found by
// reading goja's function object; nil for a native function or when the layout is unknown.
func funcProgram(fn *goja.Object) unsafe.Pointer {
	if fn == nil {
		return nil
	}
	impl, ok := objectImpl(fn)
	if !ok {
		return nil
	}
	idx, ok := prgFieldIndex(impl.Type())
	if !ok {
		return nil
	}
	f := impl.Elem().FieldByIndex(idx)
	return *(*unsafe.Pointer)(unsafe.Pointer(f.UnsafeAddr()))
}

var prgFields sync.Map // reflect.Type -> []int (nil when the type has no prg field)

func prgFieldIndex(t reflect.Type) ([]int, bool) {
	if v, ok := prgFields.Load(t); ok {
		idx := v.([]int)
		return idx, idx != nil
	}
	var idx []int
	if sf, ok := t.Elem().FieldByName("prg"); ok && sf.Type == reflect.TypeFor[*goja.Program]() {
		idx = sf.Index
	}
	prgFields.Store(t, idx)
	return idx, idx != nil
}

// stackFramePrgOffset and programSrcOffset are the offsets of goja.StackFrame's prg and
// goja.Program's src fields (^0 if goja lays them out otherwise), found by reflection on first
// use rather than at every process start.
var stackFramePrgOffset = modules.Lazy[uintptr]{Build: func() uintptr {
	sf, ok := reflect.TypeFor[goja.StackFrame]().FieldByName("prg")
	if !ok || sf.Type != reflect.TypeFor[*goja.Program]() {
		return ^uintptr(0)
	}
	return sf.Offset
}}

var programSrcOffset = modules.Lazy[uintptr]{Build: func() uintptr {
	sf, ok := reflect.TypeFor[goja.Program]().FieldByName("src")
	if !ok || sf.Type != reflect.TypeFor[*file.File]() {
		return ^uintptr(0)
	}
	return sf.Offset
}}

// programPlace is errorPlace for a frame whose file the runtime did not load (code compiled by
// the Function constructor, eval, vm): the line of the program's own source at the frame's
// position, and the 0-based column. Only a program not source-mapped elsewhere qualifies, so
// that the position is one of that source.
func programPlace(f *goja.StackFrame, p file.Position) (string, int) {
	prg := frameProgram(f)
	off := programSrcOffset.Get()
	if prg == nil || off == ^uintptr(0) || p.Line < 1 {
		return "", -1
	}
	src := *(**file.File)(unsafe.Add(prg, off))
	if src == nil || src.Name() != p.Filename {
		return "", -1
	}
	text := src.Source()
	starts := programLineStarts(src)
	if p.Line > len(starts) {
		return "", -1
	}
	text = text[starts[p.Line-1]:]
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	text = strings.TrimRight(text, "\r")
	col := p.Column - 1
	if col < 0 || col >= len(text) {
		return "", -1
	}
	text, col = modules.UnguardLine(text, col) // (recursion checks written into eval'd text)
	return text, col
}

// programLines holds the offsets the lines of the sources programPlace last read begin at (the
// sources of built-ins are compiled once per process and never change). programPlace scanned
// every line before the frame's: a frame deep in a long glue (fs's promise API, past line
// 3000) cost a tenth of an fs.promises error's making. Bounded: a program making functions
// from source in a loop starts it again.
var programLines struct {
	sync.Mutex
	m map[*file.File][]int
}

const programLinesMax = 64

// programLineStarts returns the offsets at which src's lines begin. Any goroutine.
func programLineStarts(src *file.File) []int {
	programLines.Lock()
	defer programLines.Unlock()
	if starts, ok := programLines.m[src]; ok {
		return starts
	}
	text := src.Source()
	starts := make([]int, 1, strings.Count(text, "\n")+1)
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	if programLines.m == nil || len(programLines.m) >= programLinesMax {
		programLines.m = make(map[*file.File][]int)
	}
	programLines.m[src] = starts
	return starts
}

// belowErrorCtors drops from an uncaught exception's frames those of the constructors of the
// error's class (a subclass's constructor calling super()): goja's frames of an error object are
// the ones of its creation, and node points at the throw (new YAMLException(...)), not at super().
func (rt *Runtime) belowErrorCtors(val goja.Value, raw []goja.StackFrame) []goja.StackFrame {
	o, ok := val.(*goja.Object)
	if !ok || rt.stacks == nil || len(raw) == 0 {
		return raw
	}
	if _, isErr := gojaErrorFrames(o); !isErr {
		return raw
	}
	ctor, ok := o.Get("constructor").(*goja.Object)
	if !ok {
		return raw
	}
	for c, n := ctor, 0; c != nil && c != rt.stacks.errorCtor && n < 64; c, n = c.Prototype(), n+1 {
		prg := funcProgram(c)
		if prg == nil {
			continue
		}
		for i := range raw {
			if frameProgram(&raw[i]) == prg {
				if i+1 < len(raw) {
					return raw[i+1:]
				}
				return raw
			}
		}
	}
	return raw
}

// frameProgram returns the goja program a stack frame runs.
func frameProgram(f *goja.StackFrame) unsafe.Pointer {
	off := stackFramePrgOffset.Get()
	if off == ^uintptr(0) {
		return nil
	}
	return *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(f), off))
}

// engineMessage words a message of goja's in V8's words where the meaning is the same, or
// returns "": reading or setting a property of undefined, and calling (or constructing with)
// what is not a function, which V8 names by the callee's source text, read at the error's place
// (goja's column is the call's "(", or `new`). e is the error (its class tells some apart).
func (rt *Runtime) engineMessage(e *goja.Object, m string, raw []goja.StackFrame) string {
	if strings.Contains(m, "#") {
		if w := rt.privateWords(m, raw); w != "" {
			return w // (private methods and accessors: privatewords.go)
		}
	}
	if rest, ok := strings.CutPrefix(m, "Cannot read property "); ok {
		if key, ok := strings.CutSuffix(rest, " of undefined"); ok {
			return "Cannot read properties of undefined (reading " + key + ")"
		}
		if key, ok := strings.CutSuffix(rest, " of undefined or null"); ok {
			return "Cannot read properties of undefined (reading " + key + ")"
		}
		return ""
	}
	if rest, ok := strings.CutPrefix(m, "Cannot set property "); ok {
		if key, ok := strings.CutSuffix(rest, " of undefined"); ok {
			return "Cannot set properties of undefined (setting " + key + ")"
		}
		return ""
	}
	if v8 := engineWords(m); v8 != "" {
		return v8
	}
	if len(raw) > 0 && raw[0].SrcName() == "<native>" {
		if m == "Cannot make a dynamic object non-extensible" {
			// Object.freeze(process.env): V8's words for an object with interceptors
			switch raw[0].FuncName() {
			case "freeze":
				return "Cannot freeze"
			case "seal":
				return "Cannot seal"
			case "preventExtensions":
				return "Cannot prevent extensions"
			}
		}
		if v, ok := strings.CutPrefix(m, "Value is not an object: "); ok && !strings.HasPrefix(v, "[object ") {
			// a built-in given a primitive where it needs a function or an object
			switch raw[0].FuncName() {
			case "map", "forEach", "filter", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "flatMap", "reduce", "reduceRight", "sort", "toSorted":
				return v + " is not a function"
			case "then", "catch", "finally":
				return "Method Promise.prototype." + raw[0].FuncName() + " called on incompatible receiver " + v
			case "set":
				return "Invalid value used as weak map key" // only WeakMap's set needs an object
			case "add":
				return "Invalid value used in weak set"
			case "ownKeys", "get", "has", "getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions",
				"getOwnPropertyDescriptor", "deleteProperty":
				// (Object's functions of these names take primitives: only Reflect's refuse them)
				return "Reflect." + raw[0].FuncName() + " called on non-object"
			}
		}
	}
	if v, ok := strings.CutPrefix(m, "Invalid index "); ok && len(raw) > 0 && raw[0].SrcName() == "<native>" {
		// dv.getInt8(-1): a DataView's get/set given a negative offset
		if fn := raw[0].FuncName(); (strings.HasPrefix(fn, "get") || strings.HasPrefix(fn, "set")) && strings.HasPrefix(v, "-") {
			return "Offset is outside the bounds of the DataView"
		}
	}
	if v, ok := strings.CutPrefix(m, "Invalid index "); ok {
		// new Uint8Array(-1), new ArrayBuffer(-1): goja points at the new
		if text, col := rt.errorPlace(raw); col >= 0 && strings.HasPrefix(text[col:], "new ") {
			switch name := identAt(text, col+4); {
			case name == "ArrayBuffer" || name == "SharedArrayBuffer":
				return "Invalid array buffer length"
			case strings.HasSuffix(name, "Array") && name != "Array":
				return "Invalid typed array length: " + v
			}
		}
		if t, ok := rt.nativeTarget(); ok && rt.builtinMethodName(t.fn) == "Array.prototype.with" {
			return "Invalid index : " + v // ([1].with(5, 0): V8's words, spaced so)
		}
		return ""
	}
	if strings.HasPrefix(m, "Expecting a function in instanceof check") {
		return "Right-hand side of 'instanceof' is not callable"
	}
	if v, ok := strings.CutPrefix(m, "Value is not an object: "); ok {
		// key in v, x instanceof v: goja points at the left operand
		if text, col := rt.placeOrMapped(raw); col >= 0 {
			if v8 := relationalOperand(text[col:], v); v8 != "" {
				return v8
			}
		}
	}
	if key, ok := strings.CutPrefix(m, "Cannot assign to read only property "); ok && !strings.Contains(key, " of ") {
		if w := rt.readOnlyReceiverWords(key); w != "" {
			return w
		}
		return "Cannot assign to read only property " + key + " of object '#<Object>'"
	}
	// a String object's index (a string given to an Array.prototype method, new String('ab')[0]
	// = 'x' in strict code): goja says "of a String"
	if rest, ok := strings.CutSuffix(m, "' of a String"); ok {
		if key, ok := strings.CutPrefix(rest, "Cannot assign to read only property '"); ok {
			return "Cannot assign to read only property '" + key + "' of object '[object String]'"
		}
		if key, ok := strings.CutPrefix(rest, "Cannot delete property '"); ok {
			return "Cannot delete property '" + key + "' of [object String]"
		}
	}
	if rest, ok := strings.CutPrefix(m, "Cannot delete property "); ok {
		// strict delete of a non-configurable property: goja names the object "[object Class]",
		// V8 "#<Class>" (a function by its source and an array as "[object Array]", which goja's
		// words do not tell, keep goja's)
		if i := strings.LastIndex(rest, " of [object "); i >= 0 && strings.HasSuffix(rest, "]") {
			class := rest[i+len(" of [object ") : len(rest)-1]
			// (nor a module namespace's, which V8 names [object Module] too)
			if class != "Function" && class != "Array" && class != "Module" && isIdent(class) {
				return "Cannot delete property " + rest[:i] + " of #<" + class + ">"
			}
		}
	}
	switch m {
	case "object is not iterable":
		// for (x of v), [...v], const [a] = v: goja points at v, and V8 names it by its text
		var value goja.Value
		if rt.engineBirth {
			if stack, sp, ok := vmValueStack(rt.vm); ok && sp >= 1 && sp <= len(stack) {
				value = stack[sp-1]
			}
		}
		if text, col := rt.errorPlace(raw); col >= 0 {
			if w := patternIterableWords(text, col, value); w != "" {
				return w
			}
			if !iterableAt(text, col) {
				return literalNotIterable(value)
			}
			return notIterable(text, col, value)
		}
		if text, col := rt.mappedChainPlace(raw); col >= 0 {
			if !iterableAt(text, col) {
				return literalNotIterable(value)
			}
			return notIterable(text, col, value)
		}
		return ""
	case "Constructor Promise requires 'new'":
		return "Promise constructor cannot be invoked without 'new'"
	case "toExponential() precision must be between 0 and 100":
		return "toExponential() argument must be between 0 and 100"
	case "No initial value":
		return "Reduce of empty array with no initial value"
	case "Cannot access a variable before initialization":
		// goja points at the binding's name (mapped to it in a module or a transformed file)
		if len(raw) > 1 && rt.inExportGetter(raw[0]) {
			// read through an ES module's namespace (the getter esbuild's __export defines,
			// named by the export, in the module's unmapped first lines): V8 names an
			// imported binding by the importer's name for it, where the caller read it, and
			// a namespace's member (ns.x, ns[k]) by the export's (past the getters of the
			// modules re-exporting it and the namespace's traps)
			k, trap := 1, false
			for k < len(raw)-1 && (rt.inExportGetter(raw[k]) || raw[k].Position().Filename == loaderName && nsTrapNames[raw[k].FuncName()]) {
				trap = trap || !rt.inExportGetter(raw[k])
				k++
			}
			if trap {
				return "Cannot access '" + raw[0].FuncName() + "' before initialization"
			}
			if text, col := rt.placeOrMapped(raw[k:]); col >= 0 {
				if name := identAt(text, col); name != "" && !memberAt(text, col, len(name)) {
					return "Cannot access '" + name + "' before initialization"
				}
			}
			return "Cannot access '" + raw[0].FuncName() + "' before initialization"
		}
		if text, col := rt.placeOrMapped(raw); col >= 0 {
			if name := identAt(text, col); name != "" {
				return "Cannot access '" + name + "' before initialization"
			}
		}
		return ""
	case "Class constructor cannot be invoked without 'new'":
		// goja points at the call's "("; V8 names the class, which the callee names here
		text, col := rt.errorPlace(raw)
		if col < 0 {
			text, col = rt.mappedCallPlace(raw)
		}
		if col >= 0 && text[col] == '(' {
			callee := calleeText(strings.TrimRight(text[:col], " \t"))
			if i := strings.LastIndexAny(callee, ".?"); i >= 0 {
				callee = callee[i+1:]
			}
			if isIdent(callee) {
				return "Class constructor " + callee + " cannot be invoked without 'new'"
			}
		}
		return ""
	case "Cannot convert undefined or null to object":
		// o.p = v on undefined or null: goja points at the property's name (V8 tells null
		// from undefined, which the message here cannot: undefined is the more common)
		if text, col := rt.errorPlace(raw); col > 0 && text[col-1] == '.' {
			if name := identAt(text, col); name != "" {
				rest := strings.TrimLeft(text[col+len(name):], " \t")
				if strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==") && !strings.HasPrefix(rest, "=>") {
					return "Cannot set properties of undefined (setting '" + name + "')"
				}
			}
		}
		return ""
	}
	if rest, ok := strings.CutPrefix(m, "Cannot convert "); ok {
		// BigInt(1.5): V8 words a number that is not an integer so (a string keeps this wording)
		if num, ok := strings.CutSuffix(rest, " to a BigInt"); ok && isErrorNamed(e, "RangeError") {
			if f, err := strconv.ParseFloat(num, 64); err == nil && f != math.Trunc(f) || num == "NaN" || num == "Infinity" || num == "-Infinity" {
				return "The number " + num + " cannot be converted to a BigInt because it is not an integer"
			}
			return ""
		}
	}
	if strings.HasPrefix(m, "Could not convert ") && strings.HasSuffix(m, " to primitive") {
		// goja's ToPrimitive of an object without valueOf and toString (a null-prototype one),
		// with a Go dump of it; at a call in script code it may be the callee goja tried to name
		// (o.ns() of a null-prototype o.ns), inside a built-in (String(o)) or at a new (whose
		// message names no callee) it is not
		if text, col := rt.errorPlace(raw); len(raw) > 0 && raw[0].SrcName() != "<native>" && col >= 0 && !strings.HasPrefix(text[col:], "new ") {
			if v := rt.calleeMessage(m, raw); v != "" {
				return v
			}
		}
		return "Cannot convert object to primitive value"
	}
	if m != "Value is not a constructor" && !strings.HasPrefix(m, "Object has no member '") && !strings.HasPrefix(m, "Value is not an object: ") &&
		!strings.HasPrefix(m, "Not a function: ") && m != "proxy target is not a function" {
		return ""
	}
	if m == "proxy target is not a function" && len(raw) > 1 && raw[0].SrcName() == "<native>" && raw[0].FuncName() == "proxy" {
		// a call of a Proxy whose target is no function (an ES module's namespace that
		// require() gave): goja fails in the proxy's own native frame, the call is the caller's
		raw = raw[1:]
	}
	return rt.calleeMessage(m, raw)
}

// calleeMessage is V8's "x is not a function" / "x is not a constructor" for goja's engine
// message m, naming the callee by its source at the error's place; "" when there is none.
func (rt *Runtime) calleeMessage(m string, raw []goja.StackFrame) string {
	text, col := rt.errorPlace(raw)
	if col < 0 {
		if text, col = rt.mappedCallPlace(raw); col < 0 {
			return ""
		}
	}
	if strings.HasPrefix(text[col:], "new ") {
		if inner, ok := parenthesized(strings.TrimLeft(text[col+4:], " ")); ok {
			// new (expr.m)(): V8 names a member of what is not a plain chain "(intermediate value)"
			inner = strings.TrimSpace(inner)
			chain := calleeText(inner)
			if chain == "" {
				if p := v8Printed(inner); p != "" {
					return p + " is not a constructor" // new (() => {})(), new ({})(), new (A())()
				}
				if e := parseOneExpression(inner); e != nil {
					if p := v8Print(e); p != "" {
						return p + " is not a constructor" // new (new A())()
					}
				}
				return ""
			}
			if chain == inner {
				return v8Callee(chain) + " is not a constructor"
			}
			if op := operatorCallee(inner); op != "" {
				return op + " is not a constructor"
			}
			if rest := strings.TrimRight(inner[:len(inner)-len(chain)], " \t"); strings.HasSuffix(rest, ".") {
				return "(intermediate value)." + chain + " is not a constructor"
			}
			return ""
		}
		callee, _, ok := strings.Cut(text[col+4:], "(")
		if head := newCalleeHead(text[col+4:]); head != "" {
			// new X without arguments (new 5, new x;): the callee ends where its text does,
			// not at a later "(" of the line
			if next := strings.TrimLeft(text[col+4+len(head):], " \t"); next == "" || next[0] != '(' && next[0] != '.' && next[0] != '[' {
				callee, ok = strings.TrimSpace(head), true
			}
		}
		if callee = strings.TrimSpace(callee); ok && calleeText(callee) == callee {
			if isIdent(callee) {
				// a global constructor is one: the error came from inside it (new Promise()
				// without an executor), not from the new
				if _, lazy := lazyGlobalIndex()[callee]; lazy {
					return "" // node's global, a constructor (reading it here would load its module)
				}
				if g := rt.vm.GlobalObject().Get(callee); g != nil {
					if _, isFn := goja.AssertConstructor(g); isFn {
						if callee == "Promise" {
							if w := rt.promiseResolverWords(m); w != "" {
								return w
							}
						}
						return ""
					}
				}
			}
			return v8Callee(callee) + " is not a constructor"
		}
		if p := v8Printed(callee); ok && p != "" {
			return p + " is not a constructor" // new 5(), new 'x'()
		}
		if ok && strings.HasPrefix(callee, "[") {
			if p := printedArrayLiteral(callee); p != "" {
				return p + " is not a constructor" // new [1]()
			}
		}
		if ok && strings.HasSuffix(callee, "]") {
			if p := memberObjectPrinted(callee + "."); p != "" {
				return p + " is not a constructor" // new [5][0]()
			}
		}
		return ""
	}
	if j := taggedTemplateAt(text, col); j > col {
		// a tagged template whose tag goja places at its start (o.t`...`): V8 names the tag
		if tag := text[chainStart(text, col):j]; calleeText(tag) == tag {
			return v8Callee(tag) + " is not a function"
		}
	}
	if text[col] == '[' {
		// a computed member of an array literal as a tag ([5][0]`t`), placed at its start
		if j := strings.IndexByte(text[col:], '`'); j > 0 {
			if tag := strings.TrimRight(text[col:col+j], " \t"); strings.HasSuffix(tag, "]") {
				if _, ok := parseOneExpression(tag).(*ast.BracketExpression); ok {
					if p := memberObjectPrinted(tag + "."); p != "" {
						return p + " is not a function"
					}
				}
			}
		}
	}
	if text[col] == '`' {
		// a tagged template: V8 names the tag
		if callee := calleeText(strings.TrimRight(text[:col], " \t")); callee != "" {
			return v8Callee(callee) + " is not a function"
		}
		return ""
	}
	if text[col] != '(' {
		return ""
	}
	if head := strings.TrimRight(text[:col], " \t"); strings.HasSuffix(head, ")") {
		// (a.f || b.g)(): V8 prints the operation, in parentheses
		if open := openingParen(head); open >= 0 {
			before := strings.TrimRight(head[:open], " \t")
			if before == "" || !isIdentByte(before[len(before)-1]) && !strings.HasSuffix(before, ")") && !strings.HasSuffix(before, "]") {
				if op := operatorCallee(head[open+1 : len(head)-1]); op != "" {
					return op + " is not a function"
				}
			}
		}
		if p := memberObjectPrinted(head + "."); p != "" && strings.HasPrefix(p, intermediateValue) {
			return p + " is not a function" // new A()(), (new A())()
		}
		if p := v8Printed(calleeExpr(head)); p != "" {
			return p + " is not a function" // (void 0)(), (5)(), A()(), (function () {})()()
		}
		return ""
	}
	head := strings.TrimRight(text[:col], " \t")
	callee := calleeText(head)
	if callee == "" {
		// a member of what is no chain of names ([1, 2].m(), (new A()).m())
		if j := identStart(head, len(head)); j < len(head) && (head[j] < '0' || head[j] > '9') {
			if p := memberObjectPrinted(head[:j]); p != "" {
				return p + "." + head[j:] + " is not a function"
			}
		}
		member, _ := strings.CutSuffix(head, "?.")
		if member = strings.TrimRight(member, " \t"); strings.HasSuffix(member, "]") {
			// a computed member of one ([5][0](), 'abc'[0](), [o]?.[0](), [5][0]?.()): the
			// whole callee
			if p := memberObjectPrinted(member + "."); p != "" {
				return p + " is not a function"
			}
		}
		return ""
	}
	before := head[:len(head)-len(callee)]
	name := v8Callee(callee)
	if strings.ContainsAny(callee, "[`") {
		// a computed member: V8 prints its key (o[`k`] as o.k, o[c ? 'a' : 'b'] with
		// intermediate values)
		if e := parseOneExpression(callee); e != nil {
			if p := v8Print(e); p != "" {
				name = p
			}
		}
	}
	if p := memberObjectPrinted(before); p != "" {
		return p + "." + name + " is not a function"
	}
	return callChain(before) + name + " is not a function"
}

// callChain is V8's text of the calls a callee's chain continues (f().a.missing(): "f(...)."),
// given before, the source before the chain's last part ("f()."): each call's arguments
// printed as "(...)"; "" when before ends in no call.
func callChain(before string) string {
	rest, ok := strings.CutSuffix(before, ".")
	if !ok || strings.HasSuffix(rest, "?") || !strings.HasSuffix(rest, ")") {
		return ""
	}
	open := openingParen(rest)
	if open < 0 {
		return ""
	}
	head := strings.TrimRight(rest[:open], " \t")
	if head == "" || !isIdentByte(head[len(head)-1]) && !strings.HasSuffix(head, "]") && !strings.HasSuffix(head, ")") {
		// a parenthesized chain ((o).get()): V8 prints the chain itself
		inner := strings.TrimSpace(rest[open+1 : len(rest)-1])
		if inner != "" && calleeText(inner) == inner {
			return v8Callee(inner) + "."
		}
		return ""
	}
	callee := calleeText(head)
	if callee == "" || callee != strings.TrimLeft(head[len(head)-len(callee):], ".") {
		return ""
	}
	return callChain(head[:len(head)-len(callee)]) + v8Callee(callee) + "(...)."
}

// calleeExpr is the expression that head, the text before a call's "(" ending with ")", ends
// with: a parenthesized expression or a call (whose callee is a chain or such an expression
// itself); "" when it is not found.
func calleeExpr(head string) string {
	end := len(head)
	for {
		open := openingParen(head[:end])
		if open < 0 {
			return ""
		}
		before := strings.TrimRight(head[:open], " \t")
		if before == "" || !isIdentByte(before[len(before)-1]) && !strings.HasSuffix(before, ")") && !strings.HasSuffix(before, "]") {
			return head[open:]
		}
		if !strings.HasSuffix(before, ")") {
			chain := calleeText(before)
			if chain == "" {
				return ""
			}
			return head[len(before)-len(chain):]
		}
		end = len(before)
	}
}

// v8Printed is e, an expression's source, as V8's CallPrinter prints a callee it cannot call:
// a member chain as it is, a number, a string in double quotes, {} (an object literal with
// properties as {(intermediate value)}), a function or class literal as (intermediate value),
// (void x), a call as its callee and (...), a parenthesized chain or operation as
// operatorCallee prints it; "" for what it does not know.
func v8Printed(e string) string {
	e = strings.TrimSpace(e)
	switch {
	case e == "":
		return ""
	case calleeText(e) == e && !strings.Contains(e, "?."):
		return v8Callee(e)
	case numberAt(e) == e:
		return e
	case len(e) >= 2 && (e[0] == '\'' || e[0] == '"') && e[len(e)-1] == e[0] && !strings.ContainsAny(e[1:len(e)-1], "\\'\""):
		return `"` + e[1:len(e)-1] + `"`
	case e == "null" || e == "true" || e == "false" || e == "this" || e == "{}":
		return e
	case e[0] == '{' && matchingClose(e, 0) == len(e)-1:
		return "{(intermediate value)}"
	case strings.HasPrefix(e, "function") || strings.HasPrefix(e, "async ") || strings.HasPrefix(e, "class") ||
		strings.Contains(e, "=>") && (e[0] == '(' || isIdentByte(e[0])) && !strings.HasSuffix(e, ")"):
		return "(intermediate value)"
	}
	if rest, ok := strings.CutPrefix(e, "void "); ok {
		if p := v8Printed(rest); p != "" {
			return "(void " + p + ")"
		}
		return ""
	}
	if e[len(e)-1] != ')' {
		return ""
	}
	open := openingParen(e)
	switch {
	case open == 0:
		if op := operatorCallee(e[1 : len(e)-1]); op != "" {
			return op
		}
		return v8Printed(e[1 : len(e)-1])
	case open > 0:
		if p := v8Printed(e[:open]); p != "" {
			return p + "(...)"
		}
	}
	return ""
}

// operatorCallee is V8's text for a callee that is a member chain, or two member chains (or numbers) joined by
// ||, && or ?? or a comma, as its CallPrinter prints it: "(a.x || b.y)", "(0 , a.f)"; or "".
func operatorCallee(inner string) string {
	inner = strings.TrimSpace(inner)
	if inner != "" && calleeText(inner) == inner && !strings.Contains(inner, "?.") {
		return v8Callee(inner) // (a.f)()
	}
	for _, op := range []string{"||", "&&", "??", ","} {
		i := strings.Index(inner, op)
		if i <= 0 || strings.Index(inner[i+len(op):], op) >= 0 {
			continue
		}
		l, r := strings.TrimSpace(inner[:i]), strings.TrimSpace(inner[i+len(op):])
		operand := func(x string) bool {
			return x != "" && (calleeText(x) == x && !strings.Contains(x, "?.") || numberAt(x) == x)
		}
		if !operand(l) || !operand(r) {
			return ""
		}
		if op == "," {
			return "(" + v8Callee(l) + " , " + v8Callee(r) + ")"
		}
		return "(" + v8Callee(l) + " " + op + " " + v8Callee(r) + ")"
	}
	return ""
}

// openingParen returns the index of the '(' that the ')' ending s closes, or -1.
func openingParen(s string) int {
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return i
			}
		case '`':
			return -1
		}
	}
	return -1
}

// engineWords returns V8's words for a message of goja's that V8 words otherwise, whatever the
// place, or "".
func engineWords(m string) string {
	switch m {
	case "Malformed URI":
		return "URI malformed"
	case "toFixed() precision must be between 0 and 100":
		return "toFixed() digits argument must be between 0 and 100"
	case "toPrecision() precision must be between 1 and 100":
		return "toPrecision() argument must be between 1 and 100"
	case "The normalization form should be one of NFC, NFD, NFKC, NFKD":
		return "The normalization form should be one of NFC, NFD, NFKC, NFKD."
	case "[object Object] is not extensible":
		return "#<Object> is not extensible"
	case "offset should be >= 0", "Source is too large":
		// a typed array's set(source, offset) that does not fit
		return "offset is out of bounds"
	case "exponent must be positive":
		// a BigInt's negative exponent (2n ** -1n): node 20's V8 names no value there
		return "undefined must be positive"
	case "Illegal generator state":
		// goja says so only of a generator resumed while it runs
		return "Generator is already running"
	case "RegExp doesn't have global flag set":
		return "String.prototype.matchAll called with a non-global RegExp argument" // (only matchAll says so)
	case "Must call super constructor in derived class before accessing 'this'",
		"Must call super constructor in derived class before returning from derived constructor":
		return "Must call super constructor in derived class before accessing 'this' or returning from derived constructor"
	}
	if rest, ok := strings.CutPrefix(m, "Cannot write private member "); ok {
		// o.#p = v on an object without the field: V8 writes "to" it
		if name, ok := strings.CutSuffix(rest, " from an object whose class did not declare it"); ok {
			return "Cannot write private member " + name + " to an object whose class did not declare it"
		}
	}
	if m == "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute" {
		return m + ", #<Object>" // (V8 names the descriptor, a plain object)
	}
	if rest, ok := strings.CutPrefix(m, "Method "); ok {
		if name, ok := strings.CutSuffix(rest, " is called on incompatible receiver"); ok {
			// Date, Symbol and String methods given another receiver
			switch {
			case strings.HasPrefix(name, "Date.prototype.get") && name != "Date.prototype.getYear" || name == "Date.prototype.valueOf":
				return "this is not a Date object." // (V8's other Date methods name the receiver, which goja does not)
			case strings.HasPrefix(name, "Symbol.prototype."):
				return name + " requires that 'this' be a Symbol"
			}
		}
		if i := strings.Index(rest, " getter called on incompatible receiver"); i > 0 && strings.HasPrefix(rest, "RegExp.prototype.") {
			// a flag or source getter given an object that is no RegExp (nor RegExp.prototype)
			return rest[:i] + " getter called on non-RegExp object"
		}
		if i := strings.Index(rest, " called on incompatible receiver [object "); i > 0 && strings.HasSuffix(rest, "]") {
			class := rest[i+len(" called on incompatible receiver [object ") : len(rest)-1]
			switch {
			case strings.HasPrefix(rest, "TypedArray.prototype."):
				return "this is not a typed array."
			case ourReceiverMessage(rest):
				// our own glue's message, made from the receiver itself (modules.V8ValueWords): already V8's
			case isIdent(class) && !v8TaggedClass(class):
				// V8 names an ordinary object receiver #<Class> (a function by its source, which goja
				// does not keep); one without a prototype stays [object Object], which goja's
				// message cannot tell from a plain object's
				return "Method " + rest[:i] + " called on incompatible receiver #<" + class + ">"
			}
		}
	}
	if name, ok := strings.CutSuffix(m, " is called on incompatible receiver"); ok && strings.HasPrefix(name, "String.prototype.") {
		return name + " requires that 'this' be a String"
	}
	if name, ok := strings.CutSuffix(strings.TrimPrefix(m, "Method "), " is called on incompatible receiver"); ok && strings.HasPrefix(name, "Boolean.prototype.") {
		return name + " requires that 'this' be a Boolean"
	}
	for _, p := range [...]string{"Start offset of ", "Byte length of "} {
		// a typed array over a buffer its element size does not divide
		if rest, ok := strings.CutPrefix(m, p); ok && strings.Contains(rest, " should be a multiple of ") {
			return strings.ToLower(p[:1]) + p[1:] + rest
		}
	}
	if strings.HasPrefix(m, "Index ") && strings.HasSuffix(m, " is out of bounds") {
		// goja's words for a DataView get/set past its end
		return "Offset is outside the bounds of the DataView"
	}
	return ""
}

// relationalOperand is V8's message for `key in v` or `x instanceof v` with a right-hand side
// that is not an object (v as goja printed it), when rest (the source from the left operand on)
// is one: for `in`, only a literal key can be named. "" otherwise.
func relationalOperand(rest, v string) string {
	expr := relationalExpr(rest)
	if i := strings.Index(expr, " instanceof "); i > 0 {
		return "Right-hand side of 'instanceof' is not an object"
	}
	i := strings.Index(expr, " in ")
	if i <= 0 {
		return ""
	}
	key := strings.TrimSpace(expr[:i])
	switch {
	case len(key) >= 2 && (key[0] == '\'' || key[0] == '"') && key[len(key)-1] == key[0] && !strings.ContainsAny(key[1:len(key)-1], "\\'\""):
		key = key[1 : len(key)-1]
	case numberAt(key) == key:
	default:
		return ""
	}
	return "Cannot use 'in' operator to search for '" + key + "' in " + v
}

// relationalExpr is the source of rest up to the end of its expression (a ; or a closing bracket
// it did not open, once past the operator: the left operand may be bracketed, `({}) instanceof C`).
func relationalExpr(rest string) string {
	depth := 0
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				// (goja's place may be inside the left operand's own parentheses: go on to
				// the operator then)
				if strings.Contains(rest[:i], " instanceof ") || strings.Contains(rest[:i], " in ") {
					return rest[:i]
				}
				continue
			}
			depth--
		case ';':
			if depth == 0 {
				return rest[:i]
			}
		}
	}
	return rest
}

// inExpression reports whether rest (the source from an operand on) is `key in v`.
func inExpression(rest string) bool {
	expr := relationalExpr(rest)
	return !strings.Contains(expr, " instanceof ") && strings.Index(expr, " in ") > 0
}

// isErrorNamed reports whether e's name (its class's, read through the prototype) is name.
func isErrorNamed(e *goja.Object, name string) bool {
	if e == nil {
		return false
	}
	n := e.Get("name")
	return n != nil && n.String() == name
}

// errorPlace returns the source line an engine error was raised on and the error's column in it
// (0-based, in the program's own text), or -1 when that is not known: raised inside a built-in
// (the place is its caller's), or in a module or a transformed file, whose columns differ.
func (rt *Runtime) errorPlace(raw []goja.StackFrame) (string, int) {
	if len(raw) == 0 || raw[0].SrcName() == "<native>" {
		return "", -1
	}
	p := raw[0].Position()
	if _, ok := rt.sources[p.Filename]; !ok {
		// code the Function constructor (or eval) compiled: its own program holds the text
		if text, col := programPlace(&raw[0], p); col >= 0 {
			return text, col
		}
		// code vm ran through eval (a context's, compileFunction's): its map places it in
		// the code vm noted as the file's
		return rt.vmPlace(p)
	}
	if rt.esmSources[p.Filename] || rt.transformed[p.Filename] {
		return "", -1
	}
	col := p.Column - 1
	if p.Line == 1 && rt.wrapped[p.Filename] {
		col -= len(cjsWrapperPrefix)
	}
	text := rt.sourceLine(p.Filename, p.Line)
	if col < 0 || col >= len(text) {
		return "", -1
	}
	return text, col
}

// memberAt tells whether the name of n bytes at text[col] is a member expression's object or
// property (o.x, o[x], x.y, x[y]) rather than a plain name.
func memberAt(text string, col, n int) bool {
	before := strings.TrimRight(text[:col], " \t")
	after := strings.TrimLeft(text[col+n:], " \t")
	return strings.HasSuffix(before, ".") || strings.HasSuffix(before, "[") ||
		strings.HasPrefix(after, ".") || strings.HasPrefix(after, "[") || strings.HasPrefix(after, "?.")
}

// esmStep tells whether raw[i] is the frame of an ES module's body that the loader's step
// (its function is a generator, esm.go's esmCompiledSource) runs: node has no generator frame
// below it.
func (rt *Runtime) esmStep(raw []goja.StackFrame, i int) bool {
	return i+1 < len(raw) && raw[i+1].SrcName() == "<native>" && strings.HasSuffix(raw[i+1].FuncName(), ".CallThrough-fm") &&
		(raw[i].FuncName() == "" || raw[i].FuncName() == "<anonymous>") && rt.esmSources[raw[i].Position().Filename]
}

// inExportGetter tells a frame of one of the getters esbuild's __export defines on an ES
// module's namespace (`name: () => binding`): a function named by an identifier whose place is
// in the module's first, unmapped lines, which the source map leaves at 1:1.
func (rt *Runtime) inExportGetter(f goja.StackFrame) bool {
	p := f.Position()
	return p.Line == 1 && p.Column == 1 && rt.esmSources[p.Filename] && isIdent(f.FuncName())
}

// placeOrMapped is errorPlace, or in an ES module or a transformed file the source-mapped place
// (mappedPlace): for the messages whose place is a token's start, which the source map keeps.
func (rt *Runtime) placeOrMapped(raw []goja.StackFrame) (string, int) {
	if text, col := rt.errorPlace(raw); col >= 0 {
		return text, col
	}
	return rt.mappedPlace(raw)
}

// mappedCallPlace is errorPlace for a call in an ES module or a transformed file, whose
// position is source-mapped to the original text: at the token after the call's "(", or at a
// token of the callee (its name, or `new`):
// the callee's chain is found around it, and the column moved to the call's "(" (or kept at
// `new`), as errorPlace gives goja's. -1 when the text there is not such a call.
func (rt *Runtime) mappedCallPlace(raw []goja.StackFrame) (string, int) {
	text, col := rt.mappedPlace(raw)
	if col < 0 {
		return "", -1
	}
	if strings.HasPrefix(text[col:], "new ") {
		return text, col
	}
	if col > 0 && text[col-1] == '(' {
		// goja's "(" maps to the token after it
		return text, col - 1
	}
	start := col
	for start > 0 && (isIdentByte(text[start-1]) || text[start-1] == '.') {
		start--
	}
	chain := chainAt(text[start:])
	if chain == "" || start+len(chain) <= col {
		return "", -1
	}
	end := start + len(chain)
	for end < len(text) && (text[end] == ' ' || text[end] == '\t') {
		end++
	}
	if end >= len(text) || text[end] != '(' {
		return "", -1
	}
	return text, end
}

// mappedChainPlace is errorPlace in an ES module or a transformed file for a place that is the
// last name of a member chain (a.b.c), where the source map puts it as goja does; -1 otherwise.
func (rt *Runtime) mappedChainPlace(raw []goja.StackFrame) (string, int) {
	text, col := rt.mappedPlace(raw)
	if col < 1 || text[col-1] != '.' || identAt(text, col) == "" {
		return "", -1
	}
	return text, col
}

// mappedPlace is the source line and source-mapped column (0-based) of the innermost frame of
// raw when it is in an ES module or a transformed file, or -1.
func (rt *Runtime) mappedPlace(raw []goja.StackFrame) (string, int) {
	if len(raw) == 0 || raw[0].SrcName() == "<native>" {
		return "", -1
	}
	p := raw[0].Position()
	if _, ok := rt.sources[p.Filename]; !ok || !rt.esmSources[p.Filename] && !rt.transformed[p.Filename] {
		return "", -1
	}
	text := rt.sourceLine(p.Filename, p.Line)
	col := p.Column - 1
	if col < 0 || col >= len(text) {
		return "", -1
	}
	return text, col
}

// notIterable is V8's message for a value that is not iterable, named by the expression text
// the value came from: a member chain or a call of one, a number, {}. goja's column is the
// expression's start, or for a member chain its last name, or for a call its "(".
//
// An array pattern's value (const [a] = v) is named only when it is a plain name in a
// declaration; otherwise V8 describes the value, when it is known ("number 5 is not iterable
// (cannot read property Symbol(Symbol.iterator))"; nil: goja's words are kept). A spread in a
// call is "Spread syntax requires ...iterable[Symbol.iterator] to be a function".
func notIterable(text string, col int, value goja.Value) string {
	if w, ok := arrayPatternValueWords(text, col, value); ok {
		return w
	}
	if col < len(text) && text[col] == '#' {
		col = chainStart(text, col) // (goja's place of this.#x is its private name)
	}
	rest := text[col:]
	if b := strings.TrimRight(text[:col], " \t"); strings.HasSuffix(b, "...") && openerBefore(b[:len(b)-3]) == '(' {
		return "Spread syntax requires ...iterable[Symbol.iterator] to be a function"
	}
	if strings.HasPrefix(rest, "{}") {
		return "{} is not iterable"
	}
	if strings.HasPrefix(rest, "{") && matchingClose(rest, 0) > 0 {
		return "{(intermediate value)} is not iterable"
	}
	if n := numberAt(rest); n != "" {
		return n + " is not iterable"
	}
	if r, ok := strings.CutPrefix(rest, "new "); ok {
		// for (x of new A()), [...new A()]: V8 names the constructor as a call's callee
		r = strings.TrimLeft(r, " \t")
		if chain := chainAt(r); chain != "" && isChainText(chain) && strings.HasPrefix(r[len(chain):], "(") {
			return chain + " is not a function or its return value is not iterable"
		}
		return ""
	}
	end := col
	if rest[0] != '(' {
		end += len(chainAt(rest))
		if end == col {
			return ""
		}
	}
	head := strings.TrimRight(text[:end], " \t")
	chain := calleeText(head)
	switch chain {
	case "", "new", "typeof", "void", "await", "yield", "delete", "in", "of", "instanceof":
		return ""
	}
	before := strings.TrimRight(head[:len(head)-len(chain)], " \t")
	spread := strings.HasSuffix(before, "...")
	if spread && openerBefore(before) == '(' {
		return "Spread syntax requires ...iterable[Symbol.iterator] to be a function"
	}
	if spread {
		before = strings.TrimRight(before[:len(before)-3], " \t")
	} else if strings.Contains(chain, "?.") || strings.HasSuffix(before, ".") || strings.HasSuffix(before, "'") || strings.HasSuffix(before, `"`) || strings.HasSuffix(before, ")") || strings.HasSuffix(before, "]") {
		return "" // V8 words these otherwise
	}
	after := strings.TrimLeft(text[end:], " \t")
	if after != "" && strings.IndexByte("+-*/%&|^<>=!?", after[0]) >= 0 && !strings.HasPrefix(after, "=>") {
		return "" // (a + b, a ? b : c: the chain is only the operation's first operand, which V8 does not name)
	}
	call := strings.HasPrefix(after, "(")
	if spread && call {
		return "" // (goja's place for a failing yield* in the called generator is the spread's)
	}
	if call {
		return v8Callee(chain) + " is not a function or its return value is not iterable"
	}
	return v8Callee(chain) + " is not iterable"
}

// iterableAt reports whether col in text is where goja points for a value it cannot iterate:
// the operand (or the call's "(" in it) of a for-of, a spread, a yield* or an array pattern's
// source. For a literal operand, which loads without a place of its own, goja's place is the
// last instruction's that had one, anywhere before (literalNotIterable words those).
func iterableAt(text string, col int) bool {
	before := strings.TrimRight(text[:chainStart(text, col)], " \t(")
	switch {
	case strings.HasSuffix(before, "..."), strings.HasSuffix(before, "yield*"), strings.HasSuffix(before, "yield *"):
		return true
	case strings.HasSuffix(before, "of"):
		rest := strings.TrimSuffix(before, "of")
		return rest == "" || !isIdentByte(rest[len(rest)-1])
	case strings.HasSuffix(before, "=") && !strings.HasSuffix(before, "=="):
		return strings.HasSuffix(strings.TrimRight(before[:len(before)-1], " \t"), "]")
	}
	return false
}

// literalNotIterable is V8's message for a literal that is not iterable, which V8 prints as its
// source: 5, -5, true, null, {} or {(intermediate value)} for an object literal with
// properties, (intermediate value) for a function or a BigInt; "" for other values.
func literalNotIterable(v goja.Value) string {
	if v == nil {
		return ""
	}
	switch {
	case goja.IsUndefined(v):
		return "undefined is not iterable"
	case goja.IsNull(v):
		return "null is not iterable"
	}
	switch modules.TypeOf(v) {
	case "number", "boolean":
		return v.String() + " is not iterable"
	case "bigint", "function":
		return "(intermediate value) is not iterable"
	case "object":
		o := v.(*goja.Object)
		if p := o.Prototype(); p == nil || p.Get("hasOwnProperty") == nil || o.ClassName() != "Object" {
			return ""
		}
		if len(o.Keys()) == 0 {
			return "{} is not iterable"
		}
		return "{(intermediate value)} is not iterable"
	}
	return ""
}

// arrayPatternValueWords is notIterable for the value of an array pattern (const [a] = v, [a] =
// v) whose source is at col: V8 describes the value unless a declaration's source is a plain
// name or a call (false: notIterable's own rules), and keeps no words for an expression of
// operators ("" and true: goja's words are kept).
func arrayPatternValueWords(text string, col int, value goja.Value) (string, bool) {
	for i := min(col, len(text)) - 1; i > 0; i-- {
		switch text[i] {
		case ';', '{', '}':
			return "", false
		case '=':
		default:
			continue
		}
		if strings.ContainsRune("=!<>+-*/%&|^?", rune(text[i-1])) || i+1 < len(text) && (text[i+1] == '=' || text[i+1] == '>') {
			return "", false
		}
		p := strings.TrimRight(text[:i], " \t")
		if !strings.HasSuffix(p, "]") {
			return "", false
		}
		open := matchingOpen(p, len(p)-1)
		if open < 0 {
			return "", false
		}
		kw := strings.TrimRight(p[:open], " \t")
		declared := strings.HasSuffix(kw, "const") || strings.HasSuffix(kw, "let") || strings.HasSuffix(kw, "var")
		src := strings.TrimSpace(sourceUntilEnd(text[i+1:]))
		if declared {
			// V8 prints a declaration's literal source as it is, an object literal with
			// properties as {(intermediate value)}, and names the constructor of a new
			if w := declaredLiteralWords(src); w != "" {
				return w, true
			}
		}
		switch {
		case declared && isIdent(src):
			return "", false
		case strings.HasSuffix(src, "(...)") && isChainText(strings.TrimSuffix(src, "(...)")):
			return "", false
		case strings.ContainsAny(src, "?:+-*/%&|^<>=!,"):
			return "", true
		case value == nil:
			return "", true
		}
		return describeNotIterable(value) + " is not iterable (cannot read property Symbol(Symbol.iterator))", true
	}
	return "", false
}

// declaredLiteralWords is V8's message for an array pattern declaration whose source src is a
// literal or a new expression that gives no iterable; "" for other sources.
func declaredLiteralWords(src string) string {
	switch {
	case src == "{}" || src == "null" || src == "undefined" || src == "true" || src == "false" || src == "this":
		return src + " is not iterable"
	case strings.HasPrefix(src, "{") && strings.HasSuffix(src, "}") && matchingClose(src, 0) == len(src)-1:
		return "{(intermediate value)} is not iterable"
	case strings.HasPrefix(src, "new "):
		rest := strings.TrimSpace(src[4:])
		chain := chainAt(rest)
		if chain != "" && isChainText(chain) && (len(rest) == len(chain) || rest[len(chain)] == '(') {
			return chain + " is not a function or its return value is not iterable"
		}
	}
	if numberAt(src) == src && src != "" {
		return src + " is not iterable"
	}
	return ""
}

// isChainText reports whether s is a member chain of names (a, a.b.c).
func isChainText(s string) bool {
	for _, part := range strings.Split(s, ".") {
		if !isIdent(part) {
			return false
		}
	}
	return s != ""
}

// openerBefore returns the bracket that is still open at the end of s ('(', '[' or '{'), or 0.
func openerBefore(s string) byte {
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			if depth == 0 {
				return s[i]
			}
			depth--
		}
	}
	return 0
}

// numberAt returns the decimal number literal rest starts with, or "".
func numberAt(rest string) string {
	i := 0
	for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.') {
		i++
	}
	if i == 0 || i < len(rest) && isIdentByte(rest[i]) {
		return ""
	}
	return rest[:i]
}

// chainAt returns the member chain rest starts with (a, a.b, a?.b, a['b'], a[0]), or "".
func chainAt(rest string) string {
	id := identAt(rest, 0)
	if id == "" {
		return ""
	}
	i := len(id)
	for i < len(rest) {
		switch {
		case rest[i] == '.' && i+1 < len(rest) && rest[i+1] != '.':
			priv := 0
			if rest[i+1] == '#' {
				priv = 1 // (a private name: this.#x)
			}
			next := identAt(rest, i+1+priv)
			if next == "" {
				return rest[:i]
			}
			i += 1 + priv + len(next)
		case strings.HasPrefix(rest[i:], "?.") && identAt(rest, i+2) != "":
			i += 2 + len(identAt(rest, i+2))
		case rest[i] == '[':
			end := strings.IndexByte(rest[i:], ']')
			if end < 0 {
				return rest[:i]
			}
			inner := rest[i+1 : i+end]
			if numberAt(inner) != inner && !(len(inner) > 2 && (inner[0] == '\'' || inner[0] == '"') && inner[len(inner)-1] == inner[0] && isIdent(inner[1:len(inner)-1])) {
				return rest[:i]
			}
			i += end + 1
		default:
			return rest[:i]
		}
	}
	return rest[:i]
}

// identAt returns the identifier (ASCII) that starts at text[col], or "".
func identAt(text string, col int) string {
	end := col
	for end < len(text) && isIdentByte(text[end]) {
		end++
	}
	if end == col || (text[col] >= '0' && text[col] <= '9') {
		return ""
	}
	return text[col:end]
}

// parenthesized returns the text inside the parentheses s starts with, when they close on
// the same line (strings and nesting aside: quotes inside give up).
func parenthesized(s string) (string, bool) {
	if s == "" || s[0] != '(' {
		return "", false
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return s[1:i], true
			}
		case '\'', '"':
			end := strings.IndexByte(s[i+1:], s[i])
			if end < 0 || strings.IndexByte(s[i+1:i+1+end], '\\') >= 0 {
				return "", false
			}
			i += 1 + end
		case '`':
			return "", false
		}
	}
	return "", false
}

// calleeText is the member chain (a, a.b, a?.b, a[0], a['b']) that s ends with, or "".
func calleeText(s string) string {
	i := len(s)
	for i > 0 {
		c := s[i-1]
		switch {
		case isIdentByte(c) || c == '.' || c == '?' || c == '#' && i >= 2 && s[i-2] == '.':
			i-- // (a private name's # after its ".": this.#x.m)
		case c == ']':
			depth := 0
			j := i - 1
			for ; j >= 0; j-- {
				if s[j] == ']' {
					depth++
				} else if s[j] == '[' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if j < 0 {
				return ""
			}
			i = j
		default:
			goto done
		}
	}
done:
	out := strings.TrimLeft(s[i:], ".?")
	if out == "" || out[0] >= '0' && out[0] <= '9' || out[0] == '[' || strings.HasPrefix(out, "new") && len(out) > 3 && !isIdentByte(out[3]) {
		return ""
	}
	return out
}

// v8Callee writes a['b'] as V8 names it in its message, a.b (a.#b as a[#b], super.b as
// (intermediate value).b).
func v8Callee(s string) string {
	var b strings.Builder
	if rest, ok := strings.CutPrefix(s, "super"); ok && (strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "[")) {
		// a super property: V8 prints the home object's prototype as an intermediate value
		b.WriteString("(intermediate value)")
		s = rest
	}
	for len(s) > 0 {
		if strings.HasPrefix(s, ".#") {
			// a private name, o.#x: V8 prints o[#x]
			end := 2
			for end < len(s) && isIdentByte(s[end]) {
				end++
			}
			b.WriteByte('[')
			b.WriteString(s[1:end])
			b.WriteByte(']')
			s = s[end:]
			continue
		}
		if s[0] == '[' && len(s) > 3 && (s[1] == '\'' || s[1] == '"') {
			if end := strings.IndexByte(s[2:], s[1]); end >= 0 && 2+end+1 < len(s) && s[2+end+1] == ']' && isIdent(s[2:2+end]) {
				b.WriteByte('.')
				b.WriteString(s[2 : 2+end])
				s = s[2+end+2:]
				continue
			}
		}
		b.WriteByte(s[0])
		s = s[1:]
	}
	return b.String()
}

// initialStackTraceLimit is Error.stackTraceLimit at start: 10, or V8's --stack-trace-limit=n.
func (rt *Runtime) initialStackTraceLimit() int {
	limit := 10
	if vals := rt.host.FlagValues("--stack-trace-limit"); len(vals) > 0 {
		if n, err := strconv.Atoi(vals[len(vals)-1]); err == nil {
			limit = n
		}
	}
	return limit
}

// v8TaggedClass reports whether V8's "incompatible receiver" text names an object of this class
// "[object Class]" (its built-in tag) rather than "#<Constructor>".
func v8TaggedClass(class string) bool {
	switch class {
	case "Function", "Array", "Arguments", "Date", "Error", "Boolean", "Number", "String", "RegExp":
		return true
	}
	return strings.HasSuffix(class, "Array") // the typed arrays
}

// ourReceiverMessage reports whether an "incompatible receiver" message (m without "Method ") is
// one our glue made from the receiver itself, already in V8's words: the ArrayBuffer and
// SharedArrayBuffer methods and accessors, the Annex B Date methods, and RegExp's exec as test,
// match, replace and search call it. (goja's own exec called directly on a plain object says
// "[object Object]" too, where V8 says #<Object>; the two cannot be told apart here, and the
// glue's is the one that must stay: an object without a prototype.)
func ourReceiverMessage(m string) bool {
	m = strings.TrimPrefix(strings.TrimPrefix(m, "get "), "set ")
	for _, p := range []string{"ArrayBuffer.prototype.", "SharedArrayBuffer.prototype.", "Date.prototype.", "RegExp.prototype.exec "} {
		if strings.HasPrefix(m, p) {
			return true
		}
	}
	return false
}

// pastSource reports whether line lies past the last line of file's source as the program
// wrote it (only code gojs added can be there). False when the source is not known.
func (rt *Runtime) pastSource(file string, line int) bool {
	src, off := rt.lineStart(file, line)
	return off < 0 && src != ""
}

// awaitColumn moves an async frame's column (goja's place of the suspended function: the callee
// of the awaited call, or the target its result is assigned to) to the await it waits at, where
// V8 puts it: the nearest await before the column in the same statement, else the nearest after
// it ("const r = await f()"), on the same line.
func (rt *Runtime) awaitColumn(file string, line, col int) int {
	text := rt.sourceLine(file, line)
	i := col - 1
	if i < 0 || i > len(text) {
		return col
	}
	if b := lastWord(text[:i], "await"); b >= 0 && !statementBreak(text[b+len("await"):i]) {
		return b + 1
	}
	if f := firstWord(text[i:], "await"); f >= 0 && !strings.ContainsAny(text[i:i+f], ";{}") {
		return i + f + 1
	}
	if b := awaitBeforeGroup(text[:i]); b >= 0 {
		return b + 1
	}
	return col
}

// statementBreak reports whether s, the text between an await and a place after it, ends the
// await's statement: a ; { or } outside the parentheses and brackets s opens (a callback's body
// in `await p.catch((e) => { throw e; })` does not).
func statementBreak(s string) bool {
	depth := 0
	for j := 0; j < len(s); j++ {
		switch s[j] {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(depth-1, 0)
		case ';', '{', '}':
			if depth == 0 {
				return true
			}
		}
	}
	return false
}

// awaitBeforeGroup returns where the await stands in before, the text up to a call's "(" (or
// just inside it), when the callee is a parenthesized expression right after it,
// `await (async () => { ... })()`, whose body may hold the ; { } that stop awaitColumn's
// search; -1 if not so.
func awaitBeforeGroup(before string) int {
	before = strings.TrimRight(before, " \t")
	if b, ok := strings.CutSuffix(before, "("); ok {
		before = strings.TrimRight(b, " \t") // (the column is inside the call's empty argument list)
	}
	if !strings.HasSuffix(before, ")") {
		return -1
	}
	depth := 0
	for j := len(before) - 1; j >= 0; j-- {
		switch before[j] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				head := strings.TrimRight(before[:j], " \t")
				if b := len(head) - len("await"); b >= 0 && isWordAt(head, b, len("await")) && head[b:] == "await" {
					return b
				}
				return -1
			}
		}
	}
	return -1
}

// lastWord returns the index of the last occurrence of word in s that stands as a word (no
// identifier character either side), or -1.
func lastWord(s, word string) int {
	for end := len(s); ; {
		j := strings.LastIndex(s[:end], word)
		if j < 0 {
			return -1
		}
		if isWordAt(s, j, len(word)) {
			return j
		}
		end = j
	}
}

// firstWord is lastWord's first occurrence.
func firstWord(s, word string) int {
	for off := 0; ; {
		j := strings.Index(s[off:], word)
		if j < 0 {
			return -1
		}
		if isWordAt(s, off+j, len(word)) {
			return off + j
		}
		off += j + 1
	}
}

func isWordAt(s string, j, n int) bool {
	return (j == 0 || !isIdentByte(s[j-1]) && s[j-1] != '$') && (j+n == len(s) || !isIdentByte(s[j+n]) && s[j+n] != '$')
}

// isIdentStartByte reports whether c may begin an identifier (ASCII only).
func isIdentStartByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// assignOperatorColumn is V8's column of a write to a constant at col of the line text, where
// goja points at the name: V8 places it at the operator, `=` or a compound one (`x += 1`), or
// a postfix `++`/`--`. col as it is when no name at col is followed by one (a prefix ++x, a
// destructuring target).
func assignOperatorColumn(text string, col int) int {
	i := col - 1
	if i < 0 || i >= len(text) || !isIdentByte(text[i]) || i > 0 && isIdentByte(text[i-1]) {
		return assignAroundCall(text, i, col)
	}
	j := i
	for j < len(text) && isIdentByte(text[j]) {
		j++
	}
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	rest := text[j:]
	if strings.HasPrefix(rest, "(") || strings.HasPrefix(text[i:], "new ") || strings.HasPrefix(rest, ".") {
		// the right-hand side has a call (c = f(3), c += new A()): goja's place is the last
		// call's, V8's the assignment's operator, before it in the same statement
		if op := assignOperatorBefore(text, i); op >= 0 {
			return op + 1
		}
	}
	if strings.HasPrefix(rest, "++") || strings.HasPrefix(rest, "--") {
		return j + 1
	}
	for _, op := range compoundAssignOps {
		if strings.HasPrefix(rest, op) {
			return j + 1
		}
	}
	if strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==") && !strings.HasPrefix(rest, "=>") {
		return j + 1
	}
	return assignAroundCall(text, i, col)
}

// assignAroundCall is assignOperatorColumn's answer for a place inside a call's arguments on
// the right-hand side (a source-mapped place: c = f(9) points at the 9): the operator before
// it; col when there is none.
func assignAroundCall(text string, i, col int) int {
	if i > 0 && i < len(text) {
		if op := assignOperatorBefore(text, i); op >= 0 && strings.Contains(text[op:i], "(") {
			return op + 1
		}
	}
	return col
}

// assignOperatorBefore is the offset of the operator of the assignment to a plain name (x = ...,
// x += ...) nearest before end in text, in the same statement (no ; or { or } between), or -1.
func assignOperatorBefore(text string, end int) int {
	for k := end - 1; k > 0; k-- {
		switch text[k] {
		case ';', '{', '}':
			return -1
		case '=':
		default:
			continue
		}
		if k+1 < len(text) && (text[k+1] == '=' || text[k+1] == '>') {
			continue // (==, ===, =>)
		}
		start := k
		for _, op := range compoundAssignOps {
			if n := len(op); k+1 >= n && text[k+1-n:k+1] == op {
				start = k + 1 - n
				break
			}
		}
		if start == k && (text[k-1] == '=' || text[k-1] == '!' || text[k-1] == '<' || text[k-1] == '>') {
			continue // (==, !=, <=, >=)
		}
		h := strings.TrimRight(text[:start], " \t")
		if h == "" || !isIdentByte(h[len(h)-1]) {
			continue
		}
		if n := identStart(h, len(h)); n > 0 && (h[n-1] == '.' || isIdentByte(h[n-1])) {
			continue // (o.x = ...: a property)
		}
		return start
	}
	return -1
}

// newCalleeHead is the callee rest (the text after a `new `) starts with, with the spaces before
// it: a member chain, a number or a plain string literal; "" when rest starts with none.
func newCalleeHead(rest string) string {
	body := strings.TrimLeft(rest, " \t")
	pad := len(rest) - len(body)
	if c := chainAt(body); c != "" {
		return rest[:pad+len(c)]
	}
	if n := numberAt(body); n != "" {
		return rest[:pad+len(n)]
	}
	if len(body) > 1 && (body[0] == '\'' || body[0] == '"') {
		if end := strings.IndexByte(body[1:], body[0]); end >= 0 && !strings.ContainsRune(body[1:end+1], '\\') {
			return rest[:pad+end+2]
		}
	}
	return ""
}

// isASCII reports whether s has only characters of one byte.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// readOnlyReceiverWords is V8's message for an Array.prototype method (push, unshift, splice,
// ...) failing to set key of its receiver when that is a string (whose length is read-only) or
// a function (its length): "of object '[object String]'", "of function 'function f() {}'";
// "" for another receiver or when no such built-in is running.
func (rt *Runtime) readOnlyReceiverWords(key string) string {
	t, ok := rt.nativeTarget()
	if !ok || !strings.HasPrefix(rt.builtinMethodName(t.fn), "Array.prototype.") {
		return ""
	}
	if goja.IsString(t.this) {
		return "Cannot assign to read only property " + key + " of object '[object String]'"
	}
	if o, ok := t.this.(*goja.Object); ok {
		if o.ClassName() == "String" {
			return "Cannot assign to read only property " + key + " of object '[object String]'"
		}
		if _, callable := goja.AssertFunction(o); callable && !modules.IsProxy(o) {
			return "Cannot assign to read only property " + key + " of function '" + o.String() + "'"
		}
	}
	return ""
}

// putArrow gives err the excerpt it prints uncaught, where the program cannot see it
// (Host.PutArrowMessage).
func (rt *Runtime) putArrow(err *goja.Object, arrow string) {
	if rt.stacks != nil {
		rt.stacks.setArrow(err, arrow)
	}
}

// glueArrow is the excerpt glue gave err (Host.ArrowMessage).
func (rt *Runtime) glueArrow(err *goja.Object) (string, bool) {
	if rt.stacks == nil {
		return "", false
	}
	return rt.stacks.glueArrow(err)
}

// putArrowJS is the loader's and bootstrap's putArrow(err, arrow).
func (rt *Runtime) putArrowJS(err goja.Value, arrow string) {
	if o, ok := err.(*goja.Object); ok {
		rt.putArrow(o, arrow)
	}
}

// arrowOfJS is the loader's and bootstrap's arrowOf(err): the excerpt glue gave err, or
// undefined.
func (rt *Runtime) arrowOfJS(err goja.Value) goja.Value {
	if o, ok := err.(*goja.Object); ok {
		if a, ok := rt.glueArrow(o); ok {
			return rt.vm.ToValue(a)
		}
	}
	return goja.Undefined()
}

// keepSyntaxArrow gives o, a SyntaxError the runtime made, its excerpt as glue gives one (where
// the program cannot see it), or, before the stack API is up, as an own arrowSymbol property.
func (rt *Runtime) keepSyntaxArrow(o *goja.Object, arrow string) {
	if rt.stacks != nil {
		rt.stacks.setArrow(o, arrow)
		return
	}
	_ = o.DefineDataPropertySymbol(arrowSymbol(rt), rt.vm.ToValue(arrow), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}
