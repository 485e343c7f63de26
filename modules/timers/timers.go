// Package timers implements Node's timers and timers/promises modules and the global
// setTimeout/setInterval/setImmediate family (https://nodejs.org/api/timers.html) on the event
// loop's timer heap and immediate queue.
package timers

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed timers.js
var timersJS string

//go:embed promises.js
var promisesJS string

// Module is the "timers" built-in.
var Module = modules.Module{Name: "timers", Bind: bind, JS: timersJS}

// Promises is the "timers/promises" built-in.
var Promises = modules.Module{Name: "timers/promises", JS: promisesJS}

// timeoutMax is the largest delay Node accepts (2^31-1 ms).
const timeoutMax = 2147483647

type timeout struct {
	t  *eventloop.Timer
	id int64
}

type state struct {
	h             *modules.Host
	timeoutProto  *goja.Object
	immProto      *goja.Object
	kRefed, kID   goja.Value
	active        map[*goja.Object]*timeout
	byID          map[int64]*goja.Object
	immediates    map[*goja.Object]*eventloop.Immediate
	nextID        int64
	emitWarning   goja.Callable
	warningLoaded bool
}

func bind(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	s := &state{
		h:          h,
		active:     make(map[*goja.Object]*timeout),
		byID:       make(map[int64]*goja.Object),
		immediates: make(map[*goja.Object]*eventloop.Immediate),
		nextID:     1,
	}
	b.Set("init", func(tp, ip *goja.Object, kRefed, kID goja.Value) {
		s.timeoutProto, s.immProto, s.kRefed, s.kID = tp, ip, kRefed, kID
	})
	b.Set("setTimeout", func(call goja.FunctionCall) goja.Value { return s.schedule(call, false) })
	b.Set("setInterval", func(call goja.FunctionCall) goja.Value { return s.schedule(call, true) })
	b.Set("clearTimeout", func(v goja.Value) { s.clear(v) })
	b.Set("clearInterval", func(v goja.Value) { s.clear(v) })
	b.Set("setImmediate", s.setImmediate)
	b.Set("clearImmediate", func(v goja.Value) {
		o, ok := v.(*goja.Object)
		if !ok {
			return
		}
		if im, ok := s.immediates[o]; ok {
			im.Clear()
			delete(s.immediates, o)
			o.Set("_destroyed", true)
		}
	})
	// Timeout methods
	b.Set("ref", func(o *goja.Object) {
		o.SetSymbol(s.kRefed.(*goja.Symbol), true)
		if t, ok := s.active[o]; ok {
			t.t.Ref()
		}
	})
	b.Set("unref", func(o *goja.Object) {
		o.SetSymbol(s.kRefed.(*goja.Symbol), false)
		if t, ok := s.active[o]; ok {
			t.t.Unref()
		}
	})
	b.Set("hasRef", func(o *goja.Object) bool {
		if t, ok := s.active[o]; ok {
			return t.t.HasRef()
		}
		return o.GetSymbol(s.kRefed.(*goja.Symbol)).ToBoolean()
	})
	b.Set("refresh", func(o *goja.Object) {
		if t, ok := s.active[o]; ok {
			t.t.Refresh()
			return
		}
		s.restart(o)
	})
	b.Set("toPrimitive", func(o *goja.Object) int64 {
		if id := o.GetSymbol(s.kID.(*goja.Symbol)); id != nil && !goja.IsUndefined(id) {
			return id.ToInteger()
		}
		id := s.nextID
		s.nextID++
		o.SetSymbol(s.kID.(*goja.Symbol), id)
		if t, ok := s.active[o]; ok {
			t.id = id
			s.byID[id] = o
		}
		return id
	})
	// Immediate methods
	b.Set("immRef", func(o *goja.Object) {
		o.SetSymbol(s.kRefed.(*goja.Symbol), true)
		if im, ok := s.immediates[o]; ok {
			im.Ref()
		}
	})
	b.Set("immUnref", func(o *goja.Object) {
		o.SetSymbol(s.kRefed.(*goja.Symbol), false)
		if im, ok := s.immediates[o]; ok {
			im.Unref()
		}
	})
	b.Set("immHasRef", func(o *goja.Object) bool {
		if im, ok := s.immediates[o]; ok {
			return im.HasRef()
		}
		return o.GetSymbol(s.kRefed.(*goja.Symbol)).ToBoolean()
	})
	_ = vm
	return nil
}

// delay coerces a delay as Node does: NaN, negatives and values below 1 become 1; values above
// 2^31-1 warn (TimeoutOverflowWarning) and become 1.
func (s *state) delay(v goja.Value) float64 {
	after := 0.0
	if v != nil && !goja.IsUndefined(v) {
		after = v.ToFloat()
	} else {
		after = math.NaN()
	}
	if !(after >= 1 && after <= timeoutMax) {
		if after > timeoutMax {
			s.warn(fmt.Sprintf("%s does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.", formatNumber(after)), "TimeoutOverflowWarning")
		}
		after = 1
	}
	return after
}

func formatNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return goja.New().ToValue(f).String()
}

func (s *state) warn(msg, typ string) {
	proc := s.h.VM.Get("process")
	po, ok := proc.(*goja.Object)
	if !ok {
		return
	}
	fn, ok := goja.AssertFunction(po.Get("emitWarning"))
	if !ok {
		return
	}
	if _, err := fn(po, s.h.VM.ToValue(msg), s.h.VM.ToValue(typ)); err != nil {
		panic(err)
	}
}

func ms(after float64) time.Duration { return time.Duration(after * float64(time.Millisecond)) }

func (s *state) schedule(call goja.FunctionCall, repeat bool) goja.Value {
	vm := s.h.VM
	cbv := call.Argument(0)
	cb, ok := goja.AssertFunction(cbv)
	if !ok {
		s.h.Throw(modules.InvalidArgType("callback", []string{"Function"}, cbv))
	}
	after := s.delay(call.Argument(1))
	var args []goja.Value
	if len(call.Arguments) > 2 {
		args = append([]goja.Value(nil), call.Arguments[2:]...)
	}
	obj := vm.CreateObject(s.timeoutProto)
	obj.Set("_idleTimeout", after)
	obj.Set("_onTimeout", cbv)
	if args != nil {
		obj.Set("_timerArgs", args)
	} else {
		obj.Set("_timerArgs", goja.Undefined())
	}
	if repeat {
		obj.Set("_repeat", after)
	} else {
		obj.Set("_repeat", goja.Null())
	}
	obj.Set("_destroyed", false)
	s.start(obj, cb, args, after, repeat, true)
	return obj
}

func (s *state) start(obj *goja.Object, cb goja.Callable, args []goja.Value, after float64, repeat, refed bool) {
	t := &timeout{}
	t.t = s.h.Loop.NewTimer(ms(after), repeat, func() error {
		if !repeat {
			s.forget(obj, t)
		}
		_, err := cb(obj, args...)
		if !repeat {
			if _, rearmed := s.active[obj]; !rearmed {
				obj.Set("_destroyed", true)
			}
		}
		return err
	})
	if !refed {
		t.t.Unref()
	}
	s.active[obj] = t
}

// restart re-arms a fired timeout (refresh after it ran), from its own fields.
func (s *state) restart(obj *goja.Object) {
	cb, ok := goja.AssertFunction(obj.Get("_onTimeout"))
	if !ok {
		return
	}
	var args []goja.Value
	if a, ok := obj.Get("_timerArgs").(*goja.Object); ok {
		_ = s.h.VM.ExportTo(a, &args)
	}
	refed := true
	if r := obj.GetSymbol(s.kRefed.(*goja.Symbol)); r != nil && !goja.IsUndefined(r) {
		refed = r.ToBoolean()
	}
	repeat := !goja.IsNull(obj.Get("_repeat"))
	obj.Set("_destroyed", false)
	s.start(obj, cb, args, obj.Get("_idleTimeout").ToFloat(), repeat, refed)
	if id := obj.GetSymbol(s.kID.(*goja.Symbol)); id != nil && !goja.IsUndefined(id) {
		t := s.active[obj]
		t.id = id.ToInteger()
		s.byID[t.id] = obj
	}
}

// forget drops a timeout that fired or was cleared from the lookup tables.
func (s *state) forget(obj *goja.Object, t *timeout) {
	delete(s.active, obj)
	if t.id != 0 {
		delete(s.byID, t.id)
	}
}

func (s *state) finish(obj *goja.Object, t *timeout) {
	s.forget(obj, t)
	obj.Set("_destroyed", true)
}

func (s *state) clear(v goja.Value) {
	var obj *goja.Object
	switch {
	case v == nil || goja.IsUndefined(v) || goja.IsNull(v):
		return
	case goja.IsNumber(v) || goja.IsString(v):
		id, err := strconv.ParseInt(v.String(), 10, 64)
		if err != nil {
			return
		}
		obj = s.byID[id]
	default:
		obj, _ = v.(*goja.Object)
	}
	if obj == nil {
		return
	}
	if t, ok := s.active[obj]; ok {
		t.t.Stop()
		s.finish(obj, t)
	}
}

func (s *state) setImmediate(call goja.FunctionCall) goja.Value {
	vm := s.h.VM
	cbv := call.Argument(0)
	cb, ok := goja.AssertFunction(cbv)
	if !ok {
		s.h.Throw(modules.InvalidArgType("callback", []string{"Function"}, cbv))
	}
	var args []goja.Value
	if len(call.Arguments) > 1 {
		args = append([]goja.Value(nil), call.Arguments[1:]...)
	}
	obj := vm.CreateObject(s.immProto)
	obj.Set("_onImmediate", cbv)
	if args != nil {
		obj.Set("_argv", args)
	} else {
		obj.Set("_argv", goja.Undefined())
	}
	obj.Set("_destroyed", false)
	s.immediates[obj] = s.h.Loop.SetImmediate(func() error {
		delete(s.immediates, obj)
		obj.Set("_destroyed", true)
		_, err := cb(obj, args...)
		return err
	})
	return obj
}
