package wasm

import (
	"context"
	"math"
	"reflect"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/gojs-dev/gojs/modules"
	"github.com/tetratelabs/wazero/api"
)

// A shared memory's atomic waits and notifies are wazero's (memory.atomic.wait32 and notify keep
// a list of waiters in its memory instance), and Atomics.wait and notify on the memory's buffer
// must meet them, as in V8 where both use one list: emnapi's JS locks and condition variables
// live in the wasm memory beside the ones its C and Rust code use. So the memory's bytes are
// registered with modules.RegisterSharedWaiters, and the Atomics calls on them wait and notify
// in wazero's list through these.

// wasmWaiters is a shared memory instance's wait and notify.
type wasmWaiters struct {
	base           unsafe.Pointer
	wait32, wait64 reflect.Value // the instance's Wait32, Wait64 methods
	read32, read64 reflect.Value // the readers they are given: an atomic load at base
	notify         func(off, count uint32) uint32
}

// waitPoll is how long one wait in wazero's list lasts before a stopped runtime is checked.
const waitPoll = 10 * time.Millisecond

// registerWaiters registers the waiters of a shared memory made with wazero (nothing for
// another memory, or for a wazero whose memory instance does not look as expected).
func registerWaiters(mem api.Memory) (unregister func()) {
	v := reflect.ValueOf(mem)
	n, ok := mem.(interface {
		Notify(off, count uint32) uint32
	})
	if !ok || v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return func() {}
	}
	buf := v.Elem().FieldByName("Buffer")
	w32, w64 := v.MethodByName("Wait32"), v.MethodByName("Wait64")
	if !buf.IsValid() || buf.Kind() != reflect.Slice || buf.Cap() == 0 || !w32.IsValid() || !w64.IsValid() ||
		w32.Type().NumIn() != 4 || w64.Type().NumIn() != 4 || w32.Type().NumOut() != 1 || w64.Type().NumOut() != 1 {
		return func() {}
	}
	w := &wasmWaiters{base: buf.UnsafePointer(), wait32: w32, wait64: w64, notify: n.Notify}
	w.read32 = reflect.MakeFunc(w32.Type().In(3), func(args []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(atomic.LoadUint32((*uint32)(unsafe.Add(w.base, args[1].Uint()))))}
	})
	w.read64 = reflect.MakeFunc(w64.Type().In(3), func(args []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(atomic.LoadUint64((*uint64)(unsafe.Add(w.base, args[1].Uint()))))}
	})
	if w.read32.Type().Out(0).Kind() != reflect.Uint32 || w.read64.Type().Out(0).Kind() != reflect.Uint64 {
		return func() {}
	}
	return modules.RegisterSharedWaiters(uintptr(w.base), uintptr(buf.Cap()), w)
}

func (w *wasmWaiters) load(off uintptr, size int) uint64 {
	p := unsafe.Add(w.base, off)
	if size == 8 {
		return atomic.LoadUint64((*uint64)(p))
	}
	return uint64(atomic.LoadUint32((*uint32)(p)))
}

// Wait waits in wazero's list in slices of waitPoll, to see a stopped runtime. A notify that
// came between two slices changed the word first (as every lock does before it wakes a
// waiter), so a slice that finds it changed ends the wait as woken.
func (w *wasmWaiters) Wait(off uintptr, size int, exp uint64, d time.Duration, stopped func() bool) string {
	if w.load(off, size) != exp {
		return "not-equal"
	}
	if d == 0 {
		return "timed-out"
	}
	var deadline time.Time
	if d > 0 {
		deadline = time.Now().Add(d)
	}
	for {
		slice := waitPoll
		if d > 0 {
			left := time.Until(deadline)
			if left <= 0 {
				return "timed-out"
			}
			slice = min(slice, left)
		}
		var r reflect.Value
		if size == 8 {
			r = w.wait64.Call([]reflect.Value{reflect.ValueOf(uint32(off)), reflect.ValueOf(exp), reflect.ValueOf(int64(slice)), w.read64})[0]
		} else {
			r = w.wait32.Call([]reflect.Value{reflect.ValueOf(uint32(off)), reflect.ValueOf(uint32(exp)), reflect.ValueOf(int64(slice)), w.read32})[0]
		}
		switch r.Uint() {
		case 0, 1:
			return "ok"
		}
		if stopped() {
			return "timed-out"
		}
	}
}

// Notify wakes wazero's waiters.
func (w *wasmWaiters) Notify(off uintptr, count uint32) uint32 {
	return w.notify(uint32(off), count)
}

// ctx is the context the wasm calls of an instance made now run with. Loop only.
func (s *state) ctx() context.Context {
	if s.callCtx != nil {
		return s.callCtx
	}
	return s.h.Ctx
}

// watchStop notes a shared memory made or adopted here; with the first, the instances made from
// then on run with a context that ends when the loop is stopped (worker.terminate()): a
// goroutine checks every waitPoll, then wakes the memories' waiters (wakeAll), so that wasm
// code waiting in memory.atomic.wait32, which watches no context, runs on to the check of the
// ended context (WithCloseOnContextDone) and ends. Loop only.
func (s *state) watchStop(mem api.Memory) {
	s.mu.Lock()
	s.shared = append(s.shared, mem)
	s.mu.Unlock()
	if s.callCtx != nil {
		return
	}
	ctx, cancel := context.WithCancel(s.h.Ctx)
	s.callCtx = ctx
	loop := s.h.Loop
	go func() {
		t := time.NewTicker(waitPoll)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if !loop.Stopped() {
					continue
				}
				cancel()
				s.mu.Lock()
				mems := append([]api.Memory(nil), s.shared...)
				s.mu.Unlock()
				for _, m := range mems {
					wakeAll(m)
				}
				return
			}
		}
	}()
}

// wakeAll wakes every waiter of a shared memory made with wazero, in every thread (the other
// threads' waiters wake spuriously, which the locks and condition variables built on these
// waits allow).
func wakeAll(mem api.Memory) {
	n, ok := mem.(interface {
		Notify(off, count uint32) uint32
	})
	v := reflect.ValueOf(mem)
	if !ok || v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return
	}
	f := v.Elem().FieldByName("waiters")
	if !f.IsValid() || f.Type() != reflect.TypeOf(sync.Map{}) {
		return
	}
	waiters := (*sync.Map)(unsafe.Pointer(f.UnsafeAddr()))
	waiters.Range(func(k, _ any) bool {
		if off, ok := k.(uint32); ok {
			n.Notify(off, math.MaxUint32)
		}
		return true
	})
}
