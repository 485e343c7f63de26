package modules

import (
	"errors"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
)

// Calls into a function object from Go without goja.AssertFunction's wrapper.
//
// A goja.Callable runs the function inside Runtime.runWrapped and vm.try: two deferred
// recovers, a try frame pushed and popped, the value stack cleared above its top afterwards, and,
// when no JS frame is below (an empty call stack), the promise job queue run at the end. Where Go
// code already runs under a JS frame (every loop task runs inside the trampoline's), the call
// needs none of that for a plain JS function, whose call (goja's __call) pushes a try frame of
// its own and gives back what it threw as a panic of its *goja.Exception, nor for a function
// made in Go, which panics its errors: only the panic to turn into the error the Callable would
// have returned, and the value stack's top to put back after a throw (the JS call's try frame
// keeps the arguments it pushed; the wrapper's outer frame dropped them). On the 50-connection
// ping-pong that is two wrappers per message (the socket's emit, and the 'data' listener it
// calls) of ~250 instructions each.
//
// RawFunc is the Go function goja's call of a function object runs (what AssertFunction wraps).
type RawFunc = func(goja.FunctionCall) goja.Value

// rawTabs are the itabs (Object.self's first word) of the function kinds whose call is their
// RawFunc alone: plain functions, arrows, methods and functions made in Go. (Not async
// functions, generators or classes, whose calls do more, nor bound functions, proxies and
// wrapped Go functions of other signatures.)
type rawTabs struct {
	ok      bool
	selfOff uintptr
	tabs    [4]unsafe.Pointer
}

var rawTabsOf = Lazy[*rawTabs]{Build: probeRawTabs}

func probeRawTabs() *rawTabs {
	t := &rawTabs{}
	sf, ok := GojaObjectSelf()
	if !ok {
		return t
	}
	t.selfOff = sf.Offset
	vm := goja.New()
	v, err := vm.RunString(`[function () {}, () => {}, ({ m() {} }).m]`)
	if err != nil {
		return t
	}
	arr, ok := v.(*goja.Object)
	if !ok {
		return t
	}
	native, ok := vm.ToValue(func(goja.FunctionCall) goja.Value { return nil }).(*goja.Object)
	if !ok {
		return t
	}
	objs := [4]*goja.Object{nil, nil, nil, native}
	for i := 0; i < 3; i++ {
		if objs[i], ok = arr.Get(string(rune('0' + i))).(*goja.Object); !ok {
			return t
		}
	}
	for i, o := range objs {
		tab := (*ifaceWords)(unsafe.Add(unsafe.Pointer(o), t.selfOff)).tab
		for _, prev := range t.tabs[:i] {
			if prev == tab {
				return t
			}
		}
		t.tabs[i] = tab
		if _, ok := o.Export().(RawFunc); !ok {
			return t
		}
	}
	t.ok = true
	return t
}

// RawOf returns the function a call of fn runs, for a plain function, an arrow, a method or a
// function made in Go (see RawFunc); ok false for any other kind of object, which CallRaw must
// not be given (call it through goja.AssertFunction). Loop only.
func RawOf(fn *goja.Object) (f RawFunc, ok bool) {
	t := rawTabsOf.Get()
	if !t.ok || fn == nil {
		return nil, false
	}
	tab := (*ifaceWords)(unsafe.Add(unsafe.Pointer(fn), t.selfOff)).tab
	if tab != t.tabs[0] && tab != t.tabs[1] && tab != t.tabs[2] && tab != t.tabs[3] {
		return nil, false
	}
	f, ok = fn.Export().(RawFunc)
	return f, ok && f != nil
}

// CallRaw calls f, a RawOf's function, as goja.AssertFunction's Callable of its object would,
// with this and args: the same result and error. Outside any JS frame (the call stack empty, or
// goja's layout unknown), it is that Callable's call. Loop only.
func CallRaw(vm *goja.Runtime, fn *goja.Object, f RawFunc, this goja.Value, args []goja.Value) (goja.Value, error) {
	at := eventloop.Mark(vm)
	if !at.InCall() {
		c, ok := goja.AssertFunction(fn)
		if !ok {
			return nil, errors.New("CallRaw: not a function")
		}
		return c(this, args...)
	}
	ret, x := protect(f, goja.FunctionCall{This: this, Arguments: args})
	if x != nil {
		at.Restore(vm)
		return nil, rawError(vm, x)
	}
	return ret, nil
}

// protect is f(call), and what it panicked with (nil: it returned).
func protect(f RawFunc, call goja.FunctionCall) (ret goja.Value, x any) {
	defer func() { x = recover() }()
	return f(call), nil
}

// rawError is the error AssertFunction's Callable returns for x, recovered from its function's
// call: a JS exception or an uncatchable error (an interrupt, a stack overflow) as it is, any
// other value goja's try makes an exception of (a thrown value, goja's own error kinds) as that
// exception. A Go panic goja passes on is passed on.
func rawError(vm *goja.Runtime, x any) error {
	switch e := x.(type) {
	case *goja.Exception:
		return e
	case *goja.InterruptedError:
		return e
	case *goja.StackOverflowError:
		return e
	case error:
		var ie *goja.InterruptedError
		var so *goja.StackOverflowError
		if errors.As(e, &ie) || errors.As(e, &so) {
			return e
		}
	}
	if ex := vm.Try(func() { panic(x) }); ex != nil {
		return ex
	}
	panic(x)
}
