// Package timers implements Node's timers and timers/promises modules and the global
// setTimeout/setInterval/setImmediate family (https://nodejs.org/api/timers.html) on the event
// loop's timer heap and immediate queue.
//
// Timeout and Immediate objects are goja dynamic objects backed by Go structs: Node's visible
// fields (_idleTimeout, _idlePrev, _idleNext, _idleStart, _onTimeout, _timerArgs, _repeat,
// _destroyed, _onImmediate, _argv) are served from Go, so a timer costs one JS object and one Go
// struct, not a property map. Node's symbol-keyed fields are not shown: a dynamic object has
// string keys only.
package timers

import (
	_ "embed"
	"fmt"
	"math"
	"math/big"
	"reflect"
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

// timersColdJS is the legacy list API's bodies (enroll, active...), compiled (under the module's
// file name) on the first call of one.
//
//go:embed timerscold.js
var timersColdJS string

// Module is the "timers" built-in.
var Module = modules.Module{Name: "timers", Bind: bind, JSRef: &timersJS}

// Promises is the "timers/promises" built-in.
var Promises = modules.Module{Name: "timers/promises", Bind: bindPromises, JSRef: &promisesJS}

// bindPromises gives timers/promises the runtime's async generators (its setInterval is one).
func bindPromises(h *modules.Host, b *goja.Object) error {
	return b.Set("asyncGen", func(goja.FunctionCall) goja.Value { return h.AsyncGen() })
}

// timeoutMax is the largest delay Node accepts (2^31-1 ms).
const timeoutMax = 2147483647

type state struct {
	h            *modules.Host
	timeoutProto *goja.Object
	immProto     *goja.Object
	listCtor     *goja.Object // TimersList (timers.js), for a Timeout's _idlePrev/_idleNext
	byID         map[int64]*timeout
	nextID       int64
	// Node's immediateQueue, as its Immediates' _idlePrev/_idleNext show it: the Immediates made
	// since the loop last began running a batch, linked in order (immTail is the last). When the
	// first of them runs, the batch is the loop's and the next setImmediate starts a new list
	// (immGen counts the lists); a batch's links stay as they are while and after it runs.
	immTail *immediate
	immGen  uint32
}

// timeout is a Timeout object's Go side. It is kept small (every pending timer holds one, so its
// size is what the collector scans and the pages a million timers fault in): what few timers
// use lives in more, its flags live in the Timer's spare byte, and its _idleTimeout is the
// Timer's delay unless that cannot tell it (a fraction of a millisecond, a value JS set).
// 144 bytes, with the JS object's 56 and the callback it holds.
type timeout struct {
	s     *state
	obj   *goja.Object
	timer eventloop.Timer // its User byte holds the t* flags below
	cb    *goja.Object    // nil once cleared; its Callable is made when it runs (not kept per timer)
	more  *timeoutMore
}

// A timeout's flags (in timer.User).
const (
	tScheduled uint8 = 1 << iota // timer is live in the loop (not fired, not cleared)
	tRepeat                      // an interval (_repeat)
	tRefed
	tRunning   // its callback is running
	tDestroyed // _destroyed
	tCleared   // unenrolled by clearTimeout: _idleTimeout is -1 and refresh does nothing
)

func (t *timeout) is(f uint8) bool { return t.timer.User&f != 0 }

func (t *timeout) mark(f uint8, on bool) {
	if on {
		t.timer.User |= f
	} else {
		t.timer.User &^= f
	}
}

// after is the timer's _idleTimeout as it was last set (whatever clearTimeout made of it).
func (t *timeout) after() float64 {
	if t.more != nil && t.more.afterSet {
		return t.more.after
	}
	return float64(t.timer.Delay() / time.Millisecond)
}

// setAfter sets _idleTimeout, and the delay of the timer's next run if it is live (scheduled or
// running): the Timer's delay then tells it when it is a whole number of milliseconds.
func (t *timeout) setAfter(a float64, live bool) {
	if live {
		t.timer.SetDelay(ms(a))
	}
	if live && a >= 1 && a <= timeoutMax && a == math.Trunc(a) {
		if t.more != nil {
			t.more.afterSet = false
		}
		return
	}
	m := t.extras()
	m.after, m.afterSet = a, true
}

// timeoutMore holds a timeout's rarely used parts.
type timeoutMore struct {
	args  []goja.Value
	argsA *goja.Object // args as the JS array _timerArgs returned (then the callback gets its contents)
	id    int64        // its number (toPrimitive), 0 until asked for
	extra *ownProps
	// an interval's _repeat once it differs from _idleTimeout (either was set from JS): Node
	// reschedules an interval with _idleTimeout = _repeat after each run
	repeat    float64
	repeatSet bool
	// _idleTimeout when the Timer's delay does not give it (see timeout.after)
	after    float64
	afterSet bool
}

// extraValue is the value JS set for key, if it did.
func (m *timeoutMore) extraValue(key string) (goja.Value, bool) {
	if m == nil {
		return nil, false
	}
	return m.extra.get(key)
}

func (t *timeout) extras() *timeoutMore {
	if t.more == nil {
		t.more = new(timeoutMore)
	}
	return t.more
}

func (t *timeout) args() []goja.Value {
	if t.more == nil {
		return nil
	}
	return t.more.args
}

func (t *timeout) id() int64 {
	if t.more == nil {
		return 0
	}
	return t.more.id
}

var timeoutKeys = []string{"_idleTimeout", "_idlePrev", "_idleNext", "_idleStart", "_onTimeout", "_timerArgs", "_repeat", "_destroyed"}

// idle is _idlePrev (newer) or _idleNext (!newer): the Timeout scheduled with the same delay just
// after or before t, the list's TimersList object at its ends, null when t is not scheduled (fired,
// cleared, or running its callback). Timers of other modules in the list (a socket's timeout)
// have no JS object here and are passed over.
func (t *timeout) idle(newer bool) goja.Value {
	slot, delay := t.timer.ListData()
	if slot == nil {
		return goja.Null()
	}
	step := (*eventloop.Timer).Older
	if newer {
		step = (*eventloop.Timer).Newer
	}
	for n := step(&t.timer); n != nil; n = step(n) {
		if o, ok := n.Runner().(*timeout); ok {
			return o.obj
		}
	}
	if *slot == nil {
		vm := t.s.h.VM
		list, err := vm.New(t.s.listCtor, vm.ToValue(int64(delay/time.Millisecond)))
		if err != nil {
			panic(err)
		}
		*slot = list
	}
	return (*slot).(*goja.Object)
}

func (t *timeout) Get(key string) goja.Value {
	vm := t.s.h.VM
	switch key {
	case "_idleTimeout":
		if t.is(tCleared) {
			return vm.ToValue(-1)
		}
		return vm.ToValue(t.after())
	case "_idlePrev", "_idleNext", "_idleStart":
		if v, ok := t.more.extraValue(key); ok {
			return v // set from JS
		}
		if key == "_idleStart" {
			return vm.ToValue(t.timer.StartMs())
		}
		return t.idle(key == "_idlePrev")
	case "_onTimeout":
		if t.cb == nil {
			return goja.Null()
		}
		return t.cb
	case "_timerArgs":
		if t.args() == nil {
			return goja.Undefined()
		}
		if t.more.argsA == nil {
			t.more.argsA = newArray(vm, t.more.args)
		}
		return t.more.argsA
	case "_repeat":
		if !t.is(tRepeat) {
			return goja.Null()
		}
		if t.more != nil && t.more.repeatSet {
			return vm.ToValue(t.more.repeat)
		}
		return vm.ToValue(t.after())
	case "_destroyed":
		return vm.ToValue(t.is(tDestroyed))
	}
	if t.more == nil {
		return nil
	}
	v, _ := t.more.extra.get(key)
	return v
}

func (t *timeout) Set(key string, v goja.Value) bool {
	switch key {
	case "_idleTimeout":
		if t.is(tRepeat) && (t.more == nil || !t.more.repeatSet) {
			after := t.after()
			m := t.extras()
			m.repeat, m.repeatSet = after, true
		}
		after, live := v.ToFloat(), t.is(tScheduled) || t.is(tRunning)
		t.setAfter(after, live)
		t.mark(tCleared, false)
		if live {
			// Node schedules an interval again only while its _idleTimeout is not -1
			t.timer.SetRepeat(t.is(tRepeat) && after != -1)
		}
		return true
	case "_onTimeout":
		if eventloop.IsCallable(v) {
			t.cb = v.(*goja.Object)
		} else {
			t.cb = nil
		}
		return true
	case "_destroyed":
		t.mark(tDestroyed, v.ToBoolean())
		return true
	case "_repeat":
		// Node reschedules a timer whose _repeat is set when its callback returns, with
		// _repeat as the new delay: a timeout can become an interval and back.
		rep := v.ToBoolean()
		if rep {
			m := t.extras()
			m.repeat, m.repeatSet = v.ToFloat(), true
		}
		t.mark(tRepeat, rep)
		if t.is(tScheduled) || t.is(tRunning) {
			t.timer.SetRepeat(rep && t.after() != -1)
		}
		return true
	case "_timerArgs":
		return true
	}
	setProp(&t.extras().extra, key, v)
	return true
}

func (t *timeout) Has(key string) bool {
	for _, k := range timeoutKeys {
		if k == key {
			return true
		}
	}
	if t.more == nil {
		return false
	}
	_, ok := t.more.extra.get(key)
	return ok
}

func (t *timeout) Delete(key string) bool {
	if t.more != nil {
		t.more.extra.del(key)
	}
	return true
}

func (t *timeout) Keys() []string {
	keys := append([]string(nil), timeoutKeys...)
	if t.more == nil {
		return keys
	}
	return append(keys, t.more.extra.list(func(k string) bool {
		return k == "_idlePrev" || k == "_idleNext" || k == "_idleStart" // listed already
	})...)
}

// Run runs the callback (eventloop.Runner). As in Node's listOnTimeout, a timer without a
// callback (cleared after it fired, then refreshed) is destroyed without a call, and a timer the
// callback neither refreshed nor (an interval) left running is destroyed after it.
func (t *timeout) Run() error {
	if !t.is(tRepeat) {
		t.mark(tScheduled, false)
	}
	if t.cb == nil {
		t.timer.Stop()
		t.mark(tScheduled, false)
		t.destroy()
		return nil
	}
	args := t.args()
	if t.more != nil && t.more.argsA != nil {
		args = arrayValues(t.more.argsA)
	}
	t.mark(tRunning, true)
	loop := t.s.h.Loop
	kind := eventloop.CallTimer
	if len(args) > 0 {
		kind = eventloop.CallTimerArgs
	}
	mark := loop.NoteCall(t.cb, t.obj, kind) // (an arrow function's frame is still Timeout._onTimeout)
	if body := loop.Body(t.cb); body != nil {
		// called in place (see eventloop.Runner): a throw panics through, past ran's defer
		defer t.ran()
		loop.EndCall(mark, body(goja.FunctionCall{This: t.obj, Arguments: args}))
		return nil
	}
	fn, _ := loop.Callable(t.cb)
	res, err := fn(t.obj, args...)
	loop.EndCall(mark, res)
	t.ran()
	return err
}

// ran is the bookkeeping after the callback returned or threw.
func (t *timeout) ran() {
	t.mark(tRunning, false)
	// still scheduled: refreshed, or repeating (an interval, or a timeout given a _repeat)
	scheduled := t.timer.Active()
	t.mark(tScheduled, scheduled)
	if scheduled && t.is(tRepeat) && t.more != nil && t.more.repeatSet {
		t.setAfter(t.more.repeat, true)
	}
	if !scheduled {
		t.destroy()
	}
}

func (t *timeout) destroy() {
	if !t.is(tDestroyed) {
		t.mark(tDestroyed, true)
		t.s.forget(t)
		t.timer.EndAsync()
	}
}

// newArray is a JS array of vals.
func newArray(vm *goja.Runtime, vals []goja.Value) *goja.Object {
	items := make([]any, len(vals))
	for i, v := range vals {
		items[i] = v
	}
	return vm.NewArray(items...)
}

// arrayValues lists an array-like's elements (the arguments ReflectApply would pass).
func arrayValues(o *goja.Object) []goja.Value {
	n := o.Get("length").ToInteger()
	vals := make([]goja.Value, 0, max(0, min(n, 1<<16)))
	for i := int64(0); i < n; i++ {
		vals = append(vals, o.Get(strconv.FormatInt(i, 10)))
	}
	return vals
}

// immediate is an Immediate object's Go side.
type immediate struct {
	s         *state
	obj       *goja.Object
	imm       eventloop.Immediate
	cb        *goja.Object
	args      []goja.Value
	argv      *goja.Object // args as the JS array _argv returned (then the callback gets its contents)
	refed     bool
	spent     bool // ran or cleared: ref() and unref() no longer do anything (node's kRefed is null)
	destroyed bool
	queued    bool       // imm is pending (a flag, not a pointer: an Immediate stays at 160 bytes)
	gen       uint32     // the immediateQueue list it was added to (state.immGen then)
	prev      *immediate // _idlePrev
	next      *immediate // _idleNext
	extra     *ownProps
}

var immediateKeys = []string{"_idleNext", "_idlePrev", "_onImmediate", "_argv", "_destroyed"}

func (m *immediate) value(o *immediate) goja.Value {
	if o == nil {
		return goja.Null()
	}
	return o.obj
}

// unlink takes m out of its list (node's ImmediateList.remove), as clearImmediate does.
func (m *immediate) unlink() {
	if m.next != nil {
		m.next.prev = m.prev
	}
	if m.prev != nil {
		m.prev.next = m.next
	}
	if m.s.immTail == m {
		m.s.immTail = m.prev
	}
	m.next, m.prev = nil, nil
}

func (m *immediate) Get(key string) goja.Value {
	vm := m.s.h.VM
	if v, ok := m.extra.get(key); ok {
		return v
	}
	switch key {
	case "_idleNext":
		return m.value(m.next)
	case "_idlePrev":
		return m.value(m.prev)
	case "_onImmediate":
		if m.cb == nil {
			return goja.Null()
		}
		return m.cb
	case "_argv":
		if m.args == nil {
			return goja.Undefined()
		}
		if m.argv == nil {
			m.argv = newArray(vm, m.args)
		}
		return m.argv
	case "_destroyed":
		return vm.ToValue(m.destroyed)
	}
	return nil
}

func (m *immediate) Set(key string, v goja.Value) bool {
	switch key {
	case "_onImmediate":
		if eventloop.IsCallable(v) {
			m.cb = v.(*goja.Object)
		}
		return true
	case "_destroyed":
		m.destroyed = v.ToBoolean()
		return true
	case "_argv":
		return true
	case "_idleNext", "_idlePrev":
		// another Immediate or null relinks; anything else is kept as set
		o := asImmediate(v)
		if o != nil || goja.IsNull(v) {
			m.extra.del(key)
			if key == "_idleNext" {
				m.next = o
			} else {
				m.prev = o
			}
			return true
		}
	}
	setProp(&m.extra, key, v)
	return true
}

func (m *immediate) Has(key string) bool {
	for _, k := range immediateKeys {
		if k == key {
			return true
		}
	}
	_, ok := m.extra.get(key)
	return ok
}

func (m *immediate) Delete(key string) bool {
	m.extra.del(key)
	return true
}

func (m *immediate) Keys() []string {
	keys := append([]string(nil), immediateKeys...)
	return append(keys, m.extra.list(func(k string) bool { return k == "_idleNext" || k == "_idlePrev" })...)
}

// Run runs the callback (eventloop.Runner).
func (m *immediate) Run() error {
	if s := m.s; m.gen == s.immGen {
		// the first of its list to run: later ones start a new list
		s.immGen++
		s.immTail = nil
	}
	m.destroyed, m.spent, m.refed = true, true, false
	m.queued = false
	args := m.args
	if m.argv != nil {
		args = arrayValues(m.argv)
	}
	cb := m.cb
	// node's _onImmediate is null once it ran, even if it threw, and its destroy is queued
	defer func() { m.cb = nil; m.imm.EndAsync() }()
	loop := m.s.h.Loop
	kind := eventloop.CallImmediate
	if len(args) > 0 {
		kind = eventloop.CallImmediateArgs
	}
	mark := loop.NoteCall(cb, m.obj, kind)
	if body := loop.Body(cb); body != nil {
		loop.EndCall(mark, body(goja.FunctionCall{This: m.obj, Arguments: args})) // in place (see timeout.Run)
		return nil
	}
	fn, _ := loop.Callable(cb)
	res, err := fn(m.obj, args...)
	loop.EndCall(mark, res)
	return err
}

func bind(h *modules.Host, b *goja.Object) error {
	s := &state{h: h, byID: make(map[int64]*timeout), nextID: 1}
	b.Set("init", func(tp, ip, lc *goja.Object) {
		s.timeoutProto, s.immProto, s.listCtor = tp, ip, lc
		store := s.symbolStore(h.VM)
		tp.SetPrototype(store)
		ip.SetPrototype(store)
	})
	// coldFactory returns the function that makes timerscold.js's functions
	b.Set("coldFactory", func(goja.FunctionCall) goja.Value {
		v, err := h.VM.RunProgram(modules.CompileOnce("node:timers", timersColdJS))
		if err != nil {
			panic(err)
		}
		return v
	})
	b.Set("setTimeout", func(call goja.FunctionCall) goja.Value { return s.schedule(call, false) })
	b.Set("setInterval", func(call goja.FunctionCall) goja.Value { return s.schedule(call, true) })
	b.Set("clearTimeout", s.clear)
	b.Set("setImmediate", s.setImmediate)
	// clearImmediate reports false for a value that is no Immediate: timers.js does node's steps
	// on it
	b.Set("clearImmediate", func(v goja.Value) bool {
		m := asImmediate(v)
		if m != nil && m.queued {
			m.imm.Clear()
			m.queued = false
			m.destroyed, m.spent, m.refed = true, true, false
			m.cb = nil
			m.unlink()
		}
		return m != nil
	})
	// Timeout's and Immediate's methods called on another object do what Node's do there (they
	// read and write their own symbol-keyed fields, which a foreign object lacks): nothing, and
	// return it; hasRef is undefined (Timeout) or false (Immediate), toPrimitive undefined.
	b.Set("ref", func(v goja.Value) {
		if t := asTimeout(v); t != nil {
			t.mark(tRefed, true)
			if t.is(tScheduled) {
				t.timer.Ref()
			}
		}
	})
	b.Set("unref", func(v goja.Value) {
		if t := asTimeout(v); t != nil {
			t.mark(tRefed, false)
			if t.is(tScheduled) {
				t.timer.Unref()
			}
		}
	})
	b.Set("hasRef", func(v goja.Value) goja.Value {
		if t := asTimeout(v); t != nil {
			return h.VM.ToValue(t.is(tRefed))
		}
		return goja.Undefined()
	})
	b.Set("refresh", func(v goja.Value) {
		t := asTimeout(v)
		if t == nil || t.is(tCleared) || t.after() < 0 {
			return // Node: a timer clearTimeout unenrolled stays off
		}
		if t.is(tScheduled) {
			t.timer.Refresh()
			return
		}
		s.rearm(t)
	})
	// inspectState is what a Timeout's util.inspect shows of node's symbol-keyed fields (refed,
	// kHasPrimitive, asyncId, triggerId), which a Go-backed object cannot hold as own symbols;
	// undefined for anything but a Timeout.
	b.Set("inspectState", func(v goja.Value) goja.Value {
		t := asTimeout(v)
		if t == nil {
			return goja.Undefined()
		}
		id, trigger := t.timer.AsyncID()
		return h.VM.NewArray(t.is(tRefed), t.id() != 0, id, trigger)
	})
	b.Set("toPrimitive", func(v goja.Value) goja.Value {
		t := asTimeout(v)
		if t == nil {
			return goja.Undefined()
		}
		m := t.extras()
		if m.id == 0 {
			m.id = s.nextID
			s.nextID++
			s.byID[m.id] = t // as Node's knownTimersById, even for a timer that already fired
		}
		return h.VM.ToValue(m.id)
	})
	// immInspectState is what an Immediate's util.inspect shows of node's symbol-keyed fields:
	// refed (null once it ran or was cleared), asyncId, triggerId; undefined for anything but an
	// Immediate.
	b.Set("immInspectState", func(v goja.Value) goja.Value {
		m := asImmediate(v)
		if m == nil {
			return goja.Undefined()
		}
		var refed goja.Value = goja.Null()
		if !m.spent {
			refed = h.VM.ToValue(m.refed)
		}
		id, trigger := m.imm.AsyncID()
		return h.VM.NewArray(refed, id, trigger)
	})
	// userSymbols is the symbol-keyed properties JS set on a Timeout or Immediate (symbolStore),
	// as [symbol, value, ...] in the order they were added, for util.inspect's views.
	b.Set("userSymbols", func(v goja.Value) goja.Value {
		var out []any
		if pp := s.propsOf(v, false); pp != nil && *pp != nil {
			for _, e := range (*pp).syms {
				out = append(out, e.sym, e.v)
			}
		}
		return h.VM.NewArray(out...)
	})
	b.Set("immRef", func(v goja.Value) {
		if m := asImmediate(v); m != nil && !m.spent {
			m.refed = true
			if m.queued {
				m.imm.Ref()
			}
		}
	})
	b.Set("immUnref", func(v goja.Value) {
		if m := asImmediate(v); m != nil && !m.spent {
			m.refed = false
			if m.queued {
				m.imm.Unref()
			}
		}
	})
	b.Set("immHasRef", func(v goja.Value) bool {
		m := asImmediate(v)
		return m != nil && m.refed
	})
	return nil
}

func asTimeout(v goja.Value) *timeout {
	if o, ok := v.(*goja.Object); ok {
		t, _ := modules.ExportAs[*timeout](o)
		return t
	}
	return nil
}

func asImmediate(v goja.Value) *immediate {
	if o, ok := v.(*goja.Object); ok {
		m, _ := modules.ExportAs[*immediate](o)
		return m
	}
	return nil
}

var bigIntType = reflect.TypeOf((*big.Int)(nil))

// delay coerces a delay as Node does: NaN, negatives and values below 1 become 1; values above
// 2^31-1 warn (TimeoutOverflowWarning) and become 1.
func (s *state) delay(v goja.Value) float64 {
	after := math.NaN()
	if v != nil && !goja.IsUndefined(v) {
		if v.ExportType() == bigIntType {
			// node coerces with `after *= 1`, which mixes a BigInt with a number
			panic(s.h.VM.NewTypeError("Cannot mix BigInt and other types, use explicit conversions"))
		}
		after = v.ToFloat()
	}
	if !(after >= 1 && after <= timeoutMax) {
		if after > timeoutMax {
			// (the delay as JS prints a number, as node's template string does: Infinity, 2147483648.5)
			s.warn(fmt.Sprintf("%s does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.", s.h.VM.ToValue(after).String()), "TimeoutOverflowWarning")
		}
		after = 1
	}
	return after
}

func (s *state) warn(msg, typ string) {
	po, ok := s.h.VM.Get("process").(*goja.Object)
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

// ms is the scheduling delay for a timer's _idleTimeout: whole milliseconds, as Node's insert
// truncates it (1.8 and 1 share a list and keep their insertion order).
func ms(after float64) time.Duration { return time.Duration(math.Trunc(after)) * time.Millisecond }

func (s *state) schedule(call goja.FunctionCall, repeat bool) goja.Value {
	vm := s.h.VM
	cbv := call.Argument(0)
	if !eventloop.IsCallable(cbv) {
		s.h.Throw(modules.InvalidArgType("callback", []string{"Function"}, cbv))
	}
	after := s.delay(call.Argument(1))
	t := &timeout{s: s, cb: cbv.(*goja.Object)}
	t.mark(tRefed, true)
	t.mark(tRepeat, repeat)
	if len(call.Arguments) > 2 {
		t.extras().args = append([]goja.Value(nil), call.Arguments[2:]...)
	}
	t.obj = vm.NewDynamicObject(t)
	t.obj.SetPrototype(s.timeoutProto)
	s.arm(t, after)
	return t.obj
}

// arm schedules t as a new Timeout (node's async_hooks: init now, destroy when done).
func (s *state) arm(t *timeout, after float64) {
	s.h.Loop.InitTimer(&t.timer, ms(after), t.is(tRepeat), t)
	if after != math.Trunc(after) {
		t.setAfter(after, true)
	}
	t.timer.SetAsyncResource("Timeout", t)
	s.armed(t)
}

// rearm schedules t again (refresh after it fired or was cleared), the same async resource.
func (s *state) rearm(t *timeout) {
	id, trigger := t.timer.AsyncID()
	s.h.Loop.InitTimer(&t.timer, ms(t.after()), t.is(tRepeat), t)
	t.timer.KeepAsyncResource(id, trigger)
	s.armed(t)
}

func (s *state) armed(t *timeout) {
	t.mark(tDestroyed, false)
	t.mark(tScheduled, true)
	if !t.is(tRefed) {
		t.timer.Unref()
	}
	if id := t.id(); id != 0 {
		s.byID[id] = t
	}
}

// forget drops a timeout that fired or was cleared from the id table.
func (s *state) forget(t *timeout) {
	if id := t.id(); id != 0 {
		delete(s.byID, id)
	}
}

// clear is node's clearTimeout for a Timeout, its id, or anything that is no object; it reports
// false for an object that is no Timeout (timers.js does node's steps on it).
func (s *state) clear(v goja.Value) bool {
	var t *timeout
	switch {
	case v == nil || goja.IsUndefined(v) || goja.IsNull(v):
		return true
	case goja.IsNumber(v) || goja.IsString(v):
		// the id is a property key in Node (knownTimersById[timer]): "5" and 5, not "05"
		str := v.String()
		id, err := strconv.ParseInt(str, 10, 64)
		if err != nil || strconv.FormatInt(id, 10) != str {
			return true
		}
		t = s.byID[id]
	default:
		if t = asTimeout(v); t == nil {
			_, isObj := v.(*goja.Object)
			return !isObj
		}
	}
	// Node's clearTimeout: only a timer with a callback; the callback goes, then unenroll, which
	// leaves a destroyed (fired) timer alone and otherwise stops it and sets _idleTimeout to -1.
	if t == nil || t.cb == nil {
		return true
	}
	t.cb = nil
	if t.is(tDestroyed) {
		return true
	}
	t.mark(tDestroyed|tCleared, true)
	s.forget(t)
	// (a timer cleared from its own callback is stopped too: it no longer counts as an active
	// Timeout in process.getActiveResourcesInfo() while the callback goes on)
	if t.is(tScheduled) || t.is(tRunning) {
		t.timer.Stop()
		t.mark(tScheduled, false)
	}
	return true
}

func (s *state) setImmediate(call goja.FunctionCall) goja.Value {
	vm := s.h.VM
	cbv := call.Argument(0)
	if !eventloop.IsCallable(cbv) {
		s.h.Throw(modules.InvalidArgType("callback", []string{"Function"}, cbv))
	}
	m := &immediate{s: s, cb: cbv.(*goja.Object), refed: true}
	if len(call.Arguments) > 1 {
		m.args = append([]goja.Value(nil), call.Arguments[1:]...)
	}
	m.obj = vm.NewDynamicObject(m)
	m.obj.SetPrototype(s.immProto)
	m.gen, m.prev = s.immGen, s.immTail
	if s.immTail != nil {
		s.immTail.next = m
	}
	s.immTail = m
	s.h.Loop.InitImmediate(&m.imm, m)
	m.imm.SetAsyncResource("Immediate", m) // (node's async_hooks: init now, destroy when done)
	m.queued = true
	return m.obj
}

// AsyncResource is the Timeout object, for async_hooks (asynchooks.AsyncResourcer).
func (t *timeout) AsyncResource() goja.Value { return t.obj }

// AsyncResource is the Immediate object, for async_hooks (asynchooks.AsyncResourcer).
func (m *immediate) AsyncResource() goja.Value { return m.obj }
