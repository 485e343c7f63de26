package intl

import (
	_ "embed"
	"runtime"
	"sync"
	"weak"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed weakref.js
var weakrefJS string

// WeakRefs is "internal/weakref": the WeakRef and FinalizationRegistry globals
// (https://tc39.es/ecma262/#sec-weak-ref-objects), with real weak semantics on Go's collector.
var WeakRefs = modules.Module{Name: "internal/weakref", Internal: true, Bind: bindWeak, JSRef: &weakrefJS}

// cell is a weak reference to a JS object or symbol: the *goja.Object (or *goja.Symbol) is the
// value's identity, and goja leaves its lifetime to Go's collector.
type cell struct {
	obj weak.Pointer[goja.Object]
	sym weak.Pointer[goja.Symbol]
}

func makeCell(v goja.Value) *cell {
	switch t := v.(type) {
	case *goja.Object:
		return &cell{obj: weak.Make(t)}
	case *goja.Symbol:
		return &cell{sym: weak.Make(t)}
	}
	return nil
}

func (c *cell) value() goja.Value {
	if o := c.obj.Value(); o != nil {
		return o
	}
	if s := c.sym.Value(); s != nil {
		return s
	}
	return nil
}

// same reports whether c refers to v.
func (c *cell) same(v goja.Value) bool {
	switch t := v.(type) {
	case *goja.Object:
		return c.obj == weak.Make(t)
	case *goja.Symbol:
		return c.sym == weak.Make(t)
	}
	return false
}

// weakState is one runtime's: the targets kept alive until the current job ends (the spec's
// KeepDuringJob / ClearKeptObjects).
//
// An unreferenced zero-delay timer clears the list: it fires after the current job and its
// microtasks, and neither keeps the loop alive nor makes it turn again (a posted task would, and
// fire 'beforeExit' once more).
type weakState struct {
	loop      *eventloop.Loop
	kept      []goja.Value
	scheduled bool
}

// keep holds v strongly until the current job has finished.
func (s *weakState) keep(v goja.Value) {
	s.kept = append(s.kept, v)
	if s.scheduled {
		return
	}
	s.scheduled = true
	t := s.loop.NewTimer(0, false, func() error {
		clear(s.kept)
		s.kept = s.kept[:0]
		s.scheduled = false
		return nil
	})
	t.Unref()
}

// registry is one FinalizationRegistry's Go side. It holds its cleanup callback and the held
// values strongly (as the JS object does); the collector's cleanups reach it only weakly.
type registry struct {
	h       *modules.Host
	cleanup goja.Callable
	entries map[uint64]*regEntry // by register() call
	next    uint64
	self    weak.Pointer[registry] // (made once: a weak pointer to a new object costs microseconds)
}

// regEntry is one register() call.
type regEntry struct {
	held    goja.Value
	token   *cell // nil without an unregister token
	stop    runtime.Cleanup
	removed bool
}

// fired is what the collector's cleanup carries: weak pointers only, so that nothing it holds can
// keep the target (or the runtime, whose global object may reach the target) alive.
type fired struct {
	loop  weak.Pointer[eventloop.Loop]
	reg   weak.Pointer[registry]
	entry uint64 // the entry's key in reg's entries
	done  <-chan struct{}
}

// onCollected runs on the collector's cleanup goroutine: it posts the callback to the loop, where
// it runs unless the runtime has closed or the entry was unregistered meanwhile.
func onCollected(f fired) {
	select {
	case <-f.done:
		return
	default:
	}
	l := f.loop.Value()
	if l == nil {
		return
	}
	l.Post(func() error {
		r := f.reg.Value()
		if r == nil {
			return nil
		}
		e := r.entries[f.entry]
		if e == nil || e.removed {
			return nil
		}
		select {
		case <-r.h.Ctx.Done():
			return nil
		default:
		}
		e.removed = true
		delete(r.entries, f.entry)
		held := e.held
		e.held = nil
		_, err := r.cleanup(goja.Undefined(), held)
		return err
	})
}

var weakKeyVal int
var weakKey = &weakKeyVal

func bindWeak(h *modules.Host, o *goja.Object) error {
	vm := h.VM
	st := h.State(weakKey, func() any { return &weakState{loop: h.Loop} }).(*weakState)
	wrap := func(v any) goja.Value { return vm.ToValue(v) }
	// receiver(v): v in V8's "incompatible receiver" words
	o.Set("receiver", func(v goja.Value) string { return modules.V8ValueWords(vm, v) })
	// makeRef(target) returns the cell for a WeakRef and keeps the target for this job.
	o.Set("makeRef", func(target goja.Value) goja.Value {
		st.keep(target)
		return wrap(makeCell(target))
	})
	// deref(cell) returns the target, or undefined once it has been collected.
	o.Set("deref", func(c goja.Value) goja.Value {
		ce, _ := modules.ExportAs[*cell](c)
		if ce == nil {
			return goja.Undefined()
		}
		v := ce.value()
		if v == nil {
			return goja.Undefined()
		}
		st.keep(v)
		return v
	})
	// makeRegistry(cleanup) returns a registry's Go side.
	o.Set("makeRegistry", func(cb goja.Value) goja.Value {
		fn, _ := goja.AssertFunction(cb)
		r := &registry{h: h, cleanup: fn, entries: map[uint64]*regEntry{}}
		r.self = weak.Make(r)
		return wrap(r)
	})
	var once sync.Once
	var wl weak.Pointer[eventloop.Loop]
	// register(reg, target, held, token) arranges for cleanup(held) once target is collected.
	// (both take goja.FunctionCall: a Go function of other parameters is called through reflection)
	o.Set("register", func(c goja.FunctionCall) goja.Value {
		r, _ := modules.ExportAs[*registry](c.Argument(0))
		if r == nil {
			return goja.Undefined()
		}
		target, held, token := c.Argument(1), c.Argument(2), c.Argument(3)
		once.Do(func() { wl = weak.Make(h.Loop) })
		e := &regEntry{held: held}
		if !goja.IsUndefined(token) {
			e.token = makeCell(token)
		}
		r.next++
		r.entries[r.next] = e
		f := fired{loop: wl, reg: r.self, entry: r.next, done: h.Ctx.Done()}
		switch t := target.(type) {
		case *goja.Object:
			e.stop = runtime.AddCleanup(t, onCollected, f)
		case *goja.Symbol:
			e.stop = runtime.AddCleanup(t, onCollected, f)
		}
		return goja.Undefined()
	})
	// unregister(reg, token) drops every registration made with token and reports whether any was.
	o.Set("unregister", func(c goja.FunctionCall) goja.Value {
		r, _ := modules.ExportAs[*registry](c.Argument(0))
		if r == nil {
			return vm.ToValue(false)
		}
		token := c.Argument(1)
		found := false
		for id, e := range r.entries {
			if e.token != nil && e.token.same(token) {
				e.stop.Stop()
				e.removed = true
				e.held = nil
				delete(r.entries, id)
				found = true
			}
		}
		return vm.ToValue(found)
	})
	return nil
}
