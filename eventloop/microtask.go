package eventloop

import (
	"github.com/dop251/goja"
)

// tick is one process.nextTick entry.
type tick struct {
	fn   goja.Callable
	obj  *goja.Object // the function, called in place (NextTickFunc)
	gofn func() error
	args []goja.Value
	ctx  any
	aid  int64 // async id (node's TickObject) and its trigger's
	atid int64
	res  any // the TickObject the init hook saw (only while hooks are set)
}

// tickQueue is a FIFO ring of ticks that reuses its storage.
type tickQueue struct {
	buf  []tick
	head int
	n    int
}

func (q *tickQueue) len() int { return q.n }

func (q *tickQueue) push(t tick) {
	if q.n == len(q.buf) {
		nb := make([]tick, max(16, 2*len(q.buf)))
		for i := 0; i < q.n; i++ {
			nb[i] = q.buf[(q.head+i)%len(q.buf)]
		}
		q.buf, q.head = nb, 0
	}
	q.buf[(q.head+q.n)%len(q.buf)] = t
	q.n++
}

func (q *tickQueue) pop() tick {
	t := q.buf[q.head]
	q.buf[q.head] = tick{}
	q.head = (q.head + 1) % len(q.buf)
	q.n--
	return t
}

// NextTick queues fn(args...) on the nextTick queue, which runs after the current callback and
// before promise jobs. Loop only.
func (l *Loop) NextTick(fn goja.Callable, args ...goja.Value) {
	l.pushTick(tick{fn: fn, args: args, ctx: l.actx})
}

// pushTick queues t as a new TickObject resource.
func (l *Loop) pushTick(t tick) {
	t.aid, t.atid = l.NewAsyncID(), l.as.cur.id
	if l.as.hooks != nil {
		t.res = l.hookInit(t.aid, "TickObject", t.atid, nil)
	}
	l.ticks.push(t)
}

// NextTickFunc is NextTick for the function fn, called in place (see Body). It reports false,
// queueing nothing, when fn is not a function. Loop only.
func (l *Loop) NextTickFunc(fn goja.Value, args ...goja.Value) bool {
	if !IsCallable(fn) {
		return false
	}
	l.pushTick(tick{obj: fn.(*goja.Object), args: args, ctx: l.actx})
	return true
}

// Body is the Go function goja exports for the function o (the one its own built-ins call: a
// script function's Call, a Go function's body), for a loop callback to call in place, without
// the nested call a goja.Callable makes (a try frame with a deferred recover): a throw then
// panics through the caller (see Runner). It is nil when o exports something else (a class, a
// proxy, a wrapped Go function): call it through goja.AssertFunction's Callable. With a
// one-entry cache, as Callable's. Loop only.
func (l *Loop) Body(o *goja.Object) func(goja.FunctionCall) goja.Value {
	if o == l.lastBodyObj {
		return l.lastBody
	}
	f, _ := o.Export().(func(goja.FunctionCall) goja.Value)
	l.lastBodyObj, l.lastBody = o, f
	return f
}

// IsCallable reports whether v is a function (typeof v === 'function') without allocating the
// Callable goja.AssertFunction makes: plain functions answer by their class, the rest (async
// functions, whose class is Object in goja) through AssertFunction. Any goroutine that owns v's
// runtime.
func IsCallable(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	if o.ClassName() == "Function" {
		return true
	}
	_, ok = goja.AssertFunction(o)
	return ok
}

// Callable is goja.AssertFunction with a one-entry cache for the scheduling functions
// (process.nextTick): a chain passes the same function again and again. Loop only.
func (l *Loop) Callable(v goja.Value) (goja.Callable, bool) { return l.cbMemo.Of(v) }

// CallableMemo is goja.AssertFunction with the callable of the function last asked about kept:
// AssertFunction allocates a new Callable on every call, and some functions are called over and
// over (a nextTick chain's, every socket's onread, a server's emit). Not safe for concurrent use.
type CallableMemo struct {
	o *goja.Object
	f goja.Callable
}

// Of is goja.AssertFunction(v), the kept callable when v is the function last asked about.
func (m *CallableMemo) Of(v goja.Value) (goja.Callable, bool) {
	o, ok := v.(*goja.Object)
	if !ok || o == nil {
		return nil, false
	}
	if o == m.o {
		return m.f, true
	}
	f, ok := goja.AssertFunction(o)
	if ok {
		m.o, m.f = o, f
	}
	return f, ok
}

// thisNote is a function Go code is calling, the receiver it calls it with and what kind of call
// it is (a CallKind, 0 when it does not matter).
type thisNote struct {
	fn   *goja.Object
	this goja.Value
	kind CallKind
}

// CallKind says how Go code calls a function, for the frames node's stacks show below it (its
// timers', immediates' and ticks' processing, its JS emit).
type CallKind uint8

const (
	CallTimer         CallKind = 1 + iota // a Timeout's callback without arguments
	CallTimerArgs                         // with arguments
	CallImmediate                         // an Immediate's callback without arguments
	CallImmediateArgs                     // with arguments
	CallTick                              // a nextTick callback without arguments; CallTick+n: with n (5: 5 or more)
	callTick1
	callTick2
	callTick3
	callTick4
	callTick5
	CallEmit        // a listener emit called, the event's only one
	CallEmitList    // one of the event's several listeners
	CallHTTPRequest // an http server's 'request' emit, for a request's head parsed
	CallFSReq       // an fs call's callback (node's FSReqCallback's oncomplete)
	CallFSStat      // a stat call's callback with its Stats (node's makeStatsCallback)
	CallFSStatErr   // a stat call's callback with its error
	CallFSReadFile  // fs.readFile's callback with the data (node's ReadFileContext)
	CallFSReadErr   // fs.readFile's callback with a read's error
	CallFSOpenErr   // fs.readFile's callback with its open's error
	// CallMicrotasks is TaskCall's answer inside a promise job that node runs from its tick
	// processing (processTicksAndRejections): the task before it ran nextTick callbacks or left
	// a rejection unhandled. Otherwise node runs the jobs of the last callback of a phase from
	// its microtask checkpoint, which shows no frame.
	CallMicrotasks
	// CallNextTicksImmediate, ...Timer and ...TimerList: a promise job of an immediate's or a
	// timer's callback that another of the phase follows: node runs them from runNextTicks
	// before that one (processImmediate's, listOnTimeout's for the same list, processTimers's
	// for the next list). The Ticks variants: through processTicksAndRejections (ticks ran, or
	// a rejection was left unhandled).
	CallNextTicksImmediate
	CallNextTicksImmediateTicks
	CallNextTicksTimer
	CallNextTicksTimerTicks
	CallNextTicksTimerList
	CallNextTicksTimerListTicks
	// CallNetRead and CallNetReadPipe: a socket's 'data' that net's read emitted itself (its Go
	// fast path, with no frame of its own), for a TCP handle's read or a Pipe's: node's frames
	// below the emit are the push from its handle's onStreamRead. Noted with the socket as
	// this and no function; not a task's kind (TaskCall does not answer it).
	CallNetRead
	CallNetReadPipe
)

// A nextTick callback run between two callbacks of a phase (TicksBetween): node runs it from
// runNextTicks, called by processImmediate (CallTickBetweenImmediate), listOnTimeout for the same
// list (...Timer) or processTimers for the next (...TimerList). Each, plus n: with n arguments
// (5: 5 or more), as CallTick.
const (
	CallTickBetweenImmediate CallKind = 64 + 8*iota
	CallTickBetweenTimer
	CallTickBetweenTimerList
	callTickBetweenEnd
)

// IsJobs reports whether k is the kind of a promise job that node runs from its tick processing
// (CallMicrotasks, CallNextTicks...).
func (k CallKind) IsJobs() bool { return k >= CallMicrotasks && k <= CallNextTicksTimerListTicks }

// TickBetween is, for a tick run between two callbacks of a phase (k is CallTickBetween...+n),
// the kind of the promise jobs node would run from there (CallNextTicksImmediate, ...Timer,
// ...TimerList) and n; false for any other kind.
func (k CallKind) TickBetween() (from CallKind, n int, ok bool) {
	if k < CallTickBetweenImmediate || k >= callTickBetweenEnd || (k-CallTickBetweenImmediate)%8 > 5 {
		return 0, 0, false
	}
	from = [...]CallKind{CallNextTicksImmediate, CallNextTicksTimer, CallNextTicksTimerList}[(k-CallTickBetweenImmediate)/8]
	return from, int((k - CallTickBetweenImmediate) % 8), true
}

// IsTask reports whether k is the kind of a loop task's callback (a timer's, an immediate's, a
// tick's, an http server's request's, an fs call's) rather than of a call inside one.
func (k CallKind) IsTask() bool {
	if _, _, ok := k.TickBetween(); ok {
		return true
	}
	return k >= CallTimer && k <= callTick5 || k >= CallHTTPRequest && k <= CallFSOpenErr
}

// IsFS reports whether k is the kind of an fs call's callback.
func (k CallKind) IsFS() bool { return k >= CallFSReq && k <= CallFSOpenErr }

// NoteThis notes, for the names of stack frames, that Go code is about to call fn with this as
// its receiver: goja keeps no receiver on its stack for an arrow function (and calls a bound
// one's target), where V8's frames still name the call's ("at Timeout._onTimeout",
// "at Server.<anonymous>"). It returns the mark to give EndThis once the call returns; a throw
// that skips EndThis leaves the note until the task ends. A nil Loop notes nothing. Loop only.
func (l *Loop) NoteThis(fn *goja.Object, this goja.Value) int {
	return l.NoteCall(fn, this, 0)
}

// NoteCall is NoteThis for a call of kind k. Loop only.
func (l *Loop) NoteCall(fn *goja.Object, this goja.Value, k CallKind) int {
	if l == nil {
		return 0
	}
	mark := len(l.thisNotes)
	l.thisNotes = append(l.thisNotes, thisNote{fn, this, k})
	return mark
}

// EndThis drops the notes from mark on (NoteThis). Loop only.
func (l *Loop) EndThis(mark int) {
	if l != nil && mark < len(l.thisNotes) {
		clear(l.thisNotes[mark:])
		l.thisNotes = l.thisNotes[:mark]
	}
}

// NotedThis returns the receiver Go code called fn with, the latest call first, if it noted one
// (NoteThis). Loop only.
func (l *Loop) NotedThis(fn *goja.Object) (goja.Value, bool) {
	this, _, ok := l.NotedCall(fn)
	return this, ok
}

// NotedCall is NotedThis with the call's kind. Loop only.
func (l *Loop) NotedCall(fn *goja.Object) (goja.Value, CallKind, bool) {
	if l == nil {
		return nil, 0, false
	}
	for i := len(l.thisNotes) - 1; i >= 0; i-- {
		if l.thisNotes[i].fn == fn {
			return l.thisNotes[i].this, l.thisNotes[i].kind, true
		}
	}
	if k, ok := l.keptThis[fn]; ok {
		return k.this, 0, true
	}
	return nil, 0, false
}

// keptNote is a receiver kept for an async function while it runs (KeepThis), and how many of
// its calls keep it.
type keptNote struct {
	this goja.Value
	n    int
}

// KeepThis notes the receiver Go code called fn, an async function, with, until DropThis: its
// frames resumed after an await are named after it, as a call's are while NoteThis holds. Loop
// only.
func (l *Loop) KeepThis(fn *goja.Object, this goja.Value) {
	if l == nil || fn == nil {
		return
	}
	if l.keptThis == nil {
		l.keptThis = map[*goja.Object]keptNote{}
	}
	k := l.keptThis[fn]
	l.keptThis[fn] = keptNote{this, k.n + 1}
}

// DropThis ends a KeepThis of fn. Loop only.
func (l *Loop) DropThis(fn *goja.Object) {
	if l == nil {
		return
	}
	if k, ok := l.keptThis[fn]; ok {
		if k.n <= 1 {
			delete(l.keptThis, fn)
		} else {
			l.keptThis[fn] = keptNote{k.this, k.n - 1}
		}
	}
}

// EmitCall returns the latest noted emit call (CallEmit or CallEmitList) among the first n notes
// (all when n < 0): its receiver (the emitter), its kind and its index, which, given as n, finds
// the one before it; i < 0 when there is none. Loop only.
func (l *Loop) EmitCall(n int) (this goja.Value, kind CallKind, i int) {
	if l == nil {
		return nil, 0, -1
	}
	if n < 0 || n > len(l.thisNotes) {
		n = len(l.thisNotes)
	}
	for i = n - 1; i >= 0; i-- {
		if k := l.thisNotes[i].kind; k == CallEmit || k == CallEmitList {
			return l.thisNotes[i].this, k, i
		}
	}
	return nil, 0, -1
}

// NotedFn is the function of the i-th note (EmitCall's i), nil when there is none. Loop only.
func (l *Loop) NotedFn(i int) *goja.Object {
	if l == nil || i < 0 || i >= len(l.thisNotes) {
		return nil
	}
	return l.thisNotes[i].fn
}

// TaskCall is the kind of the callback the running task called (CallTimer, CallImmediate,
// CallTick...), 0 when it noted none (the main script, I/O, promise jobs). Loop only.
func (l *Loop) TaskCall() CallKind {
	if l == nil {
		return 0
	}
	for _, n := range l.thisNotes {
		if n.kind.IsTask() {
			if n.kind >= CallTick && n.kind <= callTick5 && l.ticksBetween != 0 {
				// (between two callbacks of a phase: node's runNextTicks runs it)
				base := CallTickBetweenImmediate + 8*CallKind((l.ticksBetween-CallNextTicksImmediate)/2)
				return base + (n.kind - CallTick)
			}
			return n.kind
		}
	}
	if l.inJobs > 0 {
		return l.jobsCall
	}
	return 0
}

// TicksBetween is, while nextTick callbacks run, where node runs them from when another
// callback of the phase follows (runNextTicks, from processImmediate, listOnTimeout for the same
// list or processTimers for the next): CallNextTicksImmediate, CallNextTicksTimer or
// CallNextTicksTimerList; 0 otherwise (its tick processing). Loop only.
func (l *Loop) TicksBetween() CallKind {
	if l == nil {
		return 0
	}
	return l.ticksBetween
}

// jobsKind is the CallKind of the promise jobs the task that just ran queued (TaskCall's).
func (l *Loop) jobsKind() CallKind {
	k := l.phaseFollows()
	// (a rejection to warn of sends runNextTicks through processTicksAndRejections, but not
	// node's checkpoint after a phase's last callback, which runs the jobs itself first)
	switch {
	case k != 0 && (l.viaTicks || l.viaRejection):
		return k + 1
	case k != 0:
		return k
	case l.viaTicks:
		return CallMicrotasks
	}
	return 0
}

// phaseFollows is CallNextTicksImmediate, CallNextTicksTimer or CallNextTicksTimerList when
// another callback of the running phase follows the one that just ran, else 0.
func (l *Loop) phaseFollows() CallKind {
	var k CallKind
	switch l.phase {
	case phaseTimers:
		if t := l.timers.peek(); t != nil && t.deadline <= l.timerNow {
			k = CallNextTicksTimerList
			if t.list.delay == l.runDelay {
				k = CallNextTicksTimer
			}
		}
	case phaseImmediates:
		if l.moreInPhase() {
			k = CallNextTicksImmediate
		}
	}
	return k
}

// NoteTick says that node would have queued a tick here that gojs does without (a stdout write,
// which node's stream completes with a nextTick): the task's promise jobs are then node's tick
// processing's (CallMicrotasks). Loop only.
func (l *Loop) NoteTick() { l.viaTicks = true }

// NextTickGo queues a Go function on the nextTick queue. Loop only.
func (l *Loop) NextTickGo(fn func() error) {
	l.pushTick(tick{gofn: fn, ctx: l.actx})
}

// runTicks runs queued ticks until the queue is empty or one throws (returning its error or
// panicking with it: callTask takes both). It runs inside the trampoline frame, so promise jobs
// wait until it returns.
func (l *Loop) runTicks() error {
	outer := l.actx
	prevBetween := l.ticksBetween
	l.ticksBetween = l.phaseFollows()
	defer func() { l.ticksBetween = prevBetween }()
	for l.ticks.n > 0 {
		l.viaTicks = true
		t := l.ticks.pop()
		l.switchCtx(t.ctx)
		l.enterAsync(t.aid, t.atid, t.res)
		if l.as.hooks != nil {
			l.EmitDestroy(t.aid) // (emitted at the next immediates phase, after its after)
		}
		var err error
		switch {
		case t.gofn != nil:
			err = t.gofn()
		case t.obj != nil:
			mark := l.NoteCall(t.obj, goja.Undefined(), CallTick+CallKind(min(len(t.args), 5)))
			if body := l.Body(t.obj); body != nil {
				body(goja.FunctionCall{This: goja.Undefined(), Arguments: t.args}) // a throw panics through
			} else {
				fn, _ := l.Callable(t.obj)
				_, err = fn(goja.Undefined(), t.args...)
			}
			l.EndThis(mark)
		default:
			_, err = t.fn(goja.Undefined(), t.args...)
		}
		if err != nil {
			// The error keeps the throwing tick's context, as a timer's does, for the
			// uncaught-exception path (domains route it by that context).
			return err
		}
	}
	l.switchCtx(outer)
	// (the callback whose ticks these were has ended: execution 0, as node's after its scope)
	l.restoreAsync(asyncExec{})
	return nil
}

// RunTicksNow runs the queued nextTick callbacks at once, for a program that calls
// process._tickCallback (node's runs its tick queue there). The promise jobs they queue run when
// the outermost call into JS returns, as goja runs them. The calling callback's async context is
// back when it returns, and a tick's error is returned with the ticks after it still queued.
// Loop only.
//
// With async hooks, the calling callback's after comes before the first tick (runTicks ends it,
// as node's callback scope does before its ticks) and what it runs after the ticks is a new
// callback of the same execution, with a before of its own: each after then matches a before
// (the caller's execution had two afters for one before).
func (l *Loop) RunTicksNow() error {
	actx, cur, open := l.actx, l.as.cur, l.as.open
	hooked := open && l.as.hooks != nil // (runTicks emits cur's after)
	defer func() {
		l.switchCtx(actx)
		l.restoreAsync(cur)
		if !hooked {
			l.as.open = open
		} else if h := l.as.hooks; h != nil && cur.id != 0 {
			l.as.open = true
			l.hookFailed(h.Before(cur.id))
		}
	}()
	return l.runTicks()
}

// RunCallbackQueues runs what node runs when a callback it called from the loop (MakeCallback
// at the outermost callback scope) returns: the queued nextTick callbacks, then the promise jobs
// queued since mark (JobsMark, taken before the first call), again until neither is left. It is
// for Go code that calls into JS several times in one task where node's native code makes each
// call a callback of its own (a consumed http parser's body callbacks): the jobs a call queued
// then run before the next call, not when the task's frame returns. A tick's error is returned
// with the ticks after it still queued (see RunTicksNow). Costs nothing unless called. Loop only.
//
// The jobs' stacks end as node's do: with its tick processing's frame when ticks ran first (or a
// rejection waits to be warned of), else with none (its microtask checkpoint).
func (l *Loop) RunCallbackQueues(mark int) error {
	for {
		ticked := l.ticks.n > 0
		if err := l.RunTicksNow(); err != nil {
			return err
		}
		if mark < 0 || l.JobsMark() <= mark {
			return nil
		}
		l.runJobsSinceAs(mark, ticked || len(l.rejected) > 0)
		if l.ticks.n == 0 {
			return nil
		}
	}
}

// runJobsSinceAs is RunJobsSince with the jobs' TaskCall CallMicrotasks when fromTicks.
func (l *Loop) runJobsSinceAs(mark int, fromTicks bool) {
	l.inJobs++
	prev := l.jobsCall
	l.jobsCall = 0
	if fromTicks {
		l.jobsCall = CallMicrotasks
	}
	defer func() { l.inJobs--; l.jobsCall = prev }()
	l.RunJobsSince(mark)
}

// trackRejection is goja's promise rejection tracker.
func (l *Loop) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	switch op {
	case goja.PromiseRejectionReject:
		l.rejected = append(l.rejected, p)
		l.viaRejection = true // (runNextTicks then runs the jobs from its tick processing, which warns of it)
		// (a reaction's derived promise is rejected just after the reaction returned: queueCtx)
		if ctx := l.queueCtx(); ctx != nil {
			if l.rejectedCtx == nil {
				l.rejectedCtx = make(map[*goja.Promise]any)
			}
			l.rejectedCtx[p] = ctx
		}
	case goja.PromiseRejectionHandle:
		for i, q := range l.rejected {
			if q == p {
				l.rejected = append(l.rejected[:i], l.rejected[i+1:]...)
				delete(l.rejectedCtx, p)
				return
			}
		}
		if l.reported != nil {
			if _, ok := l.reported[p]; ok {
				delete(l.reported, p)
				l.handledLate = append(l.handledLate, p)
			}
		}
	}
}

// RejectionContext returns (and forgets) the async context p was rejected in, for its
// unhandledRejection report to run in, as node runs it in the promise's async context (its
// AsyncLocalStorage stores); nil when it was rejected outside any. goja shows no promise being
// made, so the context of the rejection stands for the one of the promise's creation (the
// same for an async function's or Promise.reject's promise). Loop only.
func (l *Loop) RejectionContext(p *goja.Promise) any {
	ctx := l.rejectedCtx[p]
	delete(l.rejectedCtx, p)
	return ctx
}

// MarkReported records that p was reported as an unhandled rejection, so a handler attached
// later produces a 'rejectionHandled' report. Loop only.
func (l *Loop) MarkReported(p *goja.Promise) {
	if l.reported == nil {
		l.reported = make(map[*goja.Promise]struct{})
	}
	l.reported[p] = struct{}{}
}
