package eventloop

import (
	"container/heap"
	"time"
)

// Timers live in lists, one per delay, as in Node: a timer scheduled with delay d at loop time now
// expires at now+d, and since the loop's clock never goes back, appending to the delay's list keeps
// every list sorted by (deadline, insertion). A small heap orders the lists by their first timer,
// so the loop sees one global (deadline, insertion) order while scheduling, firing and cancelling
// a timer cost O(1) (plus O(log lists) when a list's head changes).

// Timer is a one-shot or repeating timer. All methods are loop only.
type Timer struct {
	l          *Loop
	runner     Runner // the callback (a funcRunner for NewTimer's func)
	deadline   int64  // on the loop's clock (ns since the loop's epoch)
	delay      time.Duration
	seq        uint64
	list       *timerList // the list it is queued in; nil when not scheduled
	prev, next *Timer
	repeat     bool
	refed      bool
	running    bool // its callback is running now
	counted    bool // counted in the loop's referenced timers
	stopped    bool // Stop was called since it was last scheduled
	asyncRes   bool // a resource node's async hooks see (SetAsyncResource): destroy is emitted
	// User is a byte the caller may keep its own flags in (it fills the padding after the
	// flags above, so a caller's struct that embeds a Timer need not spend a word on its
	// own): the loop never reads it, and InitTimer keeps it.
	User      uint8
	ctx       any // async context captured when the timer was created
	aid, atid int64
}

// timerList holds the scheduled timers of one delay, in (deadline, insertion) order.
type timerList struct {
	delay      time.Duration
	head, tail *Timer
	index      int // position in the loop's heap
	data       any // the caller's value for the list (ListData), dropped when the list empties
}

type timerHeap []*timerList

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	a, b := h[i].head, h[j].head
	if a.deadline != b.deadline {
		return a.deadline < b.deadline
	}
	return a.seq < b.seq
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	ls := x.(*timerList)
	ls.index = len(*h)
	*h = append(*h, ls)
}
func (h *timerHeap) Pop() any {
	old := *h
	n := len(old)
	ls := old[n-1]
	old[n-1] = nil
	ls.index = -1
	*h = old[:n-1]
	return ls
}

// peek returns the earliest timer, or nil.
func (h timerHeap) peek() *Timer {
	if len(h) == 0 {
		return nil
	}
	return h[0].head
}

// clock returns the loop's monotonic clock reading for t.
func (l *Loop) clock(t time.Time) int64 { return int64(t.Sub(l.epoch)) }

// clockNow is clock(time.Now()) with one clock read instead of two (time.Since reads only the
// monotonic clock): every setTimeout reads it.
func (l *Loop) clockNow() int64 { return int64(time.Since(l.epoch)) }

// link appends t to its delay's list.
func (l *Loop) link(t *Timer) {
	ls := l.lists[t.delay]
	if ls == nil {
		if n := len(l.freeLists); n > 0 {
			ls = l.freeLists[n-1]
			l.freeLists = l.freeLists[:n-1]
		} else {
			ls = &timerList{}
		}
		ls.delay, ls.data = t.delay, nil
		if l.lists == nil {
			l.lists = make(map[time.Duration]*timerList)
		}
		l.lists[t.delay] = ls
	}
	t.list = ls
	t.prev = ls.tail
	if ls.tail != nil {
		ls.tail.next = t
		ls.tail = t
		return
	}
	ls.head, ls.tail = t, t
	heap.Push(&l.timers, ls)
}

// unlink takes t out of its list.
func (l *Loop) unlink(t *Timer) {
	ls := t.list
	head := ls.head == t
	if t.prev != nil {
		t.prev.next = t.next
	} else {
		ls.head = t.next
	}
	if t.next != nil {
		t.next.prev = t.prev
	} else {
		ls.tail = t.prev
	}
	t.prev, t.next, t.list = nil, nil, nil
	switch {
	case ls.head == nil:
		heap.Remove(&l.timers, ls.index)
		delete(l.lists, ls.delay)
		ls.data = nil
		if len(l.freeLists) < 16 {
			l.freeLists = append(l.freeLists, ls)
		}
	case head:
		heap.Fix(&l.timers, ls.index)
	}
}

// NewTimer schedules fn to run after delay (and every delay after that if repeat). The timer is
// referenced. The delay counts from the moment of the call, as in Node (a timer set at the end of
// a long synchronous script still waits its full delay). Loop only.
func (l *Loop) NewTimer(delay time.Duration, repeat bool, fn func() error) *Timer {
	t := new(Timer)
	l.initTimer(t, delay, repeat, fn)
	return t
}

// Runner is a callback object: a timer or immediate embedded in the caller's own struct can run
// a method of it without allocating a func value per entry. Run returns the callback's error, or
// lets a JS exception panic through it: a Runner may call a JS function's body in place (as goja's
// own built-ins call their callbacks), without the nested call a goja.Callable makes (a try frame
// with a deferred recover, ~10% of a timer's instructions), and the loop reports that exception
// as it does a returned error. A Runner doing so must keep its own state right when it panics.
type Runner interface{ Run() error }

// funcRunner is a plain callback as a Runner (a func value fits in the interface: no allocation).
type funcRunner func() error

func (f funcRunner) Run() error { return f() }

// InitTimer is NewTimer for a Timer the caller allocated (typically embedded in its own timer
// object, to save allocations), with r.Run as the callback. t may be zero, stopped or fired (not
// scheduled). Loop only.
func (l *Loop) InitTimer(t *Timer, delay time.Duration, repeat bool, r Runner) {
	if t.l != nil {
		t.Stop()
	}
	*t = Timer{l: l, runner: r, delay: delay, repeat: repeat, refed: true, User: t.User, ctx: l.actx,
		aid: l.NewAsyncID(), atid: l.as.cur.id}
	t.schedule(l.clockNow())
}

func (l *Loop) initTimer(t *Timer, delay time.Duration, repeat bool, fn func() error) {
	*t = Timer{l: l, runner: funcRunner(fn), delay: delay, repeat: repeat, refed: true, ctx: l.actx,
		aid: l.NewAsyncID(), atid: l.as.cur.id}
	t.schedule(l.clockNow())
}

// AsyncID is the timer's async id and its trigger's. Loop only.
func (t *Timer) AsyncID() (id, trigger int64) { return t.aid, t.atid }

// SetAsyncResource makes the timer a resource node's async hooks see, of type typ with res as
// its object: init is emitted now, and destroy once the timer is stopped or has fired for the
// last time. Loop only.
func (t *Timer) SetAsyncResource(typ string, res any) {
	t.asyncRes = true
	t.l.EmitInit(t.aid, typ, t.atid, res)
}

// KeepAsyncResource makes a timer InitTimer just re-armed the resource it was before (id and
// trigger), without a new init: node's refresh of a Timeout whose callback is running. Loop only.
func (t *Timer) KeepAsyncResource(id, trigger int64) {
	t.aid, t.atid, t.asyncRes = id, trigger, true
}

// EndAsync queues the timer's destroy now, as node's listOnTimeout does right after a callback
// that left it done (else the loop does it when the timer's turn ends). Loop only.
func (t *Timer) EndAsync() { t.asyncDone() }

// asyncDone queues the timer's destroy, once.
func (t *Timer) asyncDone() {
	if t.asyncRes {
		t.asyncRes = false
		t.l.EmitDestroy(t.aid)
	}
}

func (t *Timer) schedule(now int64) {
	l := t.l
	l.timerSeq++
	t.seq = l.timerSeq
	if t.list != nil {
		l.unlink(t)
	}
	t.deadline = now + int64(t.delay)
	t.stopped = false
	l.link(t)
	t.recount()
}

// recount keeps the loop's count of referenced live timers in step with this timer's state.
func (t *Timer) recount() {
	want := t.refed && t.Active()
	if want != t.counted {
		t.counted = want
		if want {
			t.l.refTimers++
		} else {
			t.l.refTimers--
		}
	}
}

// Active reports whether the timer is scheduled (or is a repeating timer whose callback is running).
func (t *Timer) Active() bool { return t.list != nil || (t.running && t.repeat) }

// Stop unschedules the timer. Stopping a stopped timer does nothing.
func (t *Timer) Stop() {
	if t.l == nil {
		return
	}
	if t.list != nil {
		t.l.unlink(t)
	}
	t.stopped = true
	t.repeat = false
	t.recount()
	if !t.running {
		t.asyncDone()
	}
}

// Refresh restarts the timer's countdown from now with the same delay, rescheduling it if it had
// already fired (as Node's timeout.refresh does).
func (t *Timer) Refresh() {
	t.schedule(t.l.clockNow())
}

// SetDelay changes the delay used by the next Refresh or repeat.
func (t *Timer) SetDelay(d time.Duration) { t.delay = d }

// Delay is the delay the timer was last given (InitTimer, SetDelay).
func (t *Timer) Delay() time.Duration { return t.delay }

// SetRepeat turns the timer into a repeating one or back: set from inside its own callback, it
// decides whether the timer is scheduled again when the callback returns.
func (t *Timer) SetRepeat(repeat bool) {
	t.repeat = repeat
	if t.l != nil {
		t.recount()
	}
}

// Ref makes the timer keep the loop alive.
func (t *Timer) Ref() {
	t.refed = true
	if t.l != nil {
		t.recount()
	}
}

// Unref lets the loop end while the timer is pending.
func (t *Timer) Unref() {
	t.refed = false
	if t.l != nil {
		t.recount()
	}
}

// HasRef reports whether the timer is referenced.
func (t *Timer) HasRef() bool { return t.refed }

// Older and Newer are the timers scheduled with the same delay just before and after t, in the
// order they expire (nil at either end of the list, or when t is not scheduled): Node's
// _idleNext and _idlePrev.
func (t *Timer) Older() *Timer { return t.prev }

// Newer: see Older.
func (t *Timer) Newer() *Timer { return t.next }

// Runner is the timer's callback object (as given to InitTimer).
func (t *Timer) Runner() Runner { return t.runner }

// ListData is a slot for the caller's own value for the list t is scheduled in (Node's
// TimersList object) and the list's delay; nil when t is not scheduled. The value lasts while the
// list has timers.
func (t *Timer) ListData() (*any, time.Duration) {
	if t.list == nil {
		return nil, 0
	}
	return &t.list.data, t.list.delay
}

// StartMs is the loop time, in whole milliseconds since the loop began, at which t was last
// scheduled (Node's _idleStart).
func (t *Timer) StartMs() int64 {
	d := t.delay
	if t.list != nil {
		d = t.list.delay
	}
	return (t.deadline - int64(d)) / int64(time.Millisecond)
}

// startTimer takes the next due timer off its list and returns its callback (nil: none due).
func (l *Loop) startTimer() func() error {
	t := l.timers.peek()
	if t == nil || t.deadline > l.timerNow {
		return nil
	}
	l.runDelay = t.list.delay
	l.unlink(t)
	t.running = true
	t.recount()
	l.curTimer = t
	if t.repeat {
		// Node's listOnTimeout reads the clock (getLibuvNow) before a repeating callback
		// and schedules the next run from there (see finishTimer).
		l.curTimerStart = l.clockNow()
	}
	l.switchCtx(t.ctx)
	l.enterAsync(t.aid, t.atid, t.runner)
	if f, ok := t.runner.(funcRunner); ok && !t.repeat {
		return f
	}
	return l.runCurTimer
}

// rearmTimer schedules the repeating timer t again as soon as its callback has returned, before
// the ticks and promise jobs it queued run, as node's listOnTimeout inserts an interval again in
// the finally after its callback: a timer those make with the same delay is due after it. (A
// callback that threw is finished by finishTimer, before its error is routed.)
func (l *Loop) rearmTimer(t *Timer) {
	if l.curTimer == t && t.running && t.list == nil && t.repeat {
		t.schedule(l.curTimerStart)
	}
}

// finishTimer ends the running timer's turn: a repeating timer not scheduled again yet
// (rearmTimer) is, from the time its callback started, as Node's listOnTimeout does. From the time the callback ended, a callback held up longer than another timer's delay (a socket's
// inactivity timeout it had just refreshed by writing) let that timer fire first.
func (l *Loop) finishTimer() {
	t := l.curTimer
	if t == nil {
		return
	}
	l.curTimer = nil
	t.running = false
	if t.list == nil && t.repeat {
		t.schedule(l.curTimerStart)
	}
	t.recount()
	if t.list == nil {
		t.asyncDone()
	}
}

// Immediate is a setImmediate entry. All methods are loop only.
type Immediate struct {
	l       *Loop
	fn      func() error
	runner  Runner
	refed   bool
	pending bool
	// asyncRes: a resource node's async hooks see (SetAsyncResource): destroy is emitted
	asyncRes bool
	ctx      any
	aid      int64 // async id and its trigger's
	atid     int64
}

// SetImmediate queues fn for the immediates phase of this (or, when called during that phase,
// the next) turn. Loop only.
func (l *Loop) SetImmediate(fn func() error) *Immediate {
	im := &Immediate{l: l, fn: fn, refed: true, pending: true, ctx: l.actx, aid: l.NewAsyncID(), atid: l.as.cur.id}
	l.immediates = append(l.immediates, im)
	l.immRefs++
	return im
}

// SetImmediate is Loop.SetImmediate for a native immediate node runs for the handle (a TLS
// session's write completions, as its TLSWrap queues them): fn runs in the handle's async
// execution and context, as the handle's other callbacks do, and the immediate has no async id
// of its own (async hooks see no resource that was never inited). Loop only.
func (h *Handle) SetImmediate(fn func() error) *Immediate {
	l := h.l
	return l.nativeImmediate(h.ctx, func() error {
		l.enterAsync(h.aid, h.atid, h.owner)
		return fn()
	})
}

// SetNativeImmediate is SetImmediate for a native immediate whose callback runs the callbacks
// of other resources, each in its own execution (a resolver's canceled queries, see
// Pending.Take): it has no async id of its own, so async hooks see no resource that was
// never inited. Loop only.
func (l *Loop) SetNativeImmediate(fn func() error) *Immediate { return l.nativeImmediate(l.actx, fn) }

func (l *Loop) nativeImmediate(ctx any, fn func() error) *Immediate {
	im := &Immediate{l: l, fn: fn, refed: true, pending: true, ctx: ctx}
	l.immediates = append(l.immediates, im)
	l.immRefs++
	return im
}

// InitImmediate is SetImmediate for an Immediate the caller allocated (typically embedded in its
// own object), with r.Run as the callback. im must be zero or no longer pending. Loop only.
func (l *Loop) InitImmediate(im *Immediate, r Runner) {
	*im = Immediate{l: l, runner: r, refed: true, pending: true, ctx: l.actx, aid: l.NewAsyncID(), atid: l.as.cur.id}
	l.immediates = append(l.immediates, im)
	l.immRefs++
}

// Clear cancels the immediate if it has not run.
func (im *Immediate) Clear() {
	if im.pending {
		im.pending = false
		if im.refed {
			im.l.immRefs--
		}
		im.asyncDone()
	}
}

// AsyncID is the immediate's async id and its trigger's. Loop only.
func (im *Immediate) AsyncID() (id, trigger int64) { return im.aid, im.atid }

// SetAsyncResource makes the immediate a resource node's async hooks see, of type typ with res
// as its object: init is emitted now, and destroy once it has run or is cleared. Loop only.
func (im *Immediate) SetAsyncResource(typ string, res any) {
	im.asyncRes = true
	im.l.EmitInit(im.aid, typ, im.atid, res)
}

// EndAsync queues the immediate's destroy, as node's processImmediate does once its callback
// returned or threw. Loop only.
func (im *Immediate) EndAsync() { im.asyncDone() }

func (im *Immediate) asyncDone() {
	if im.asyncRes {
		im.asyncRes = false
		im.l.EmitDestroy(im.aid)
	}
}

// Ref makes the pending immediate keep the loop alive.
func (im *Immediate) Ref() {
	if !im.refed {
		im.refed = true
		if im.pending {
			im.l.immRefs++
		}
	}
}

// Unref lets the loop end while the immediate is pending.
func (im *Immediate) Unref() {
	if im.refed {
		im.refed = false
		if im.pending {
			im.l.immRefs--
		}
	}
}

// HasRef reports whether the immediate is referenced.
func (im *Immediate) HasRef() bool { return im.refed }

// Pending reports whether the immediate is queued and has not run or been cleared.
func (im *Immediate) Pending() bool { return im.pending }

// startImmediate returns the next pending immediate's callback (nil: none left).
func (l *Loop) startImmediate() func() error {
	for l.immPos < len(l.immRun) {
		im := l.immRun[l.immPos]
		l.immRun[l.immPos] = nil
		l.immPos++
		if !im.pending {
			continue
		}
		im.pending = false
		if im.refed {
			l.immRefs--
		}
		l.switchCtx(im.ctx)
		l.enterAsync(im.aid, im.atid, im.runner)
		if im.runner != nil {
			l.curImm = im.runner
			return l.runCurImm
		}
		return im.fn
	}
	return nil
}

func (l *Loop) aliveExceptImmediates() bool {
	n := l.immRefs
	l.immRefs = 0
	a := l.alive()
	l.immRefs = n
	return a
}

// OnClose queues fn for the close-callbacks phase; fn runs in the current async context (a
// socket's 'close' in the AsyncLocalStorage store it was made in). Loop only.
func (l *Loop) OnClose(fn func() error) {
	if ctx := l.actx; ctx != nil {
		inner := fn
		fn = func() error {
			l.switchCtx(ctx)
			return inner()
		}
	}
	l.closing = append(l.closing, fn)
}
