// Package eventloop is the single-goroutine event loop that owns a goja.Runtime and reproduces
// Node's observable event order (https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick).
//
// One goroutine, the loop, runs every piece of JavaScript. Other goroutines never touch goja
// values: they do their work and hand the result back with Post, a Pending reservation or a
// Handle. Each turn of the loop runs, in order:
//
//  1. expired timers, in (deadline, insertion) order, from one heap with one Go timer armed;
//  2. posted completions, first in first out;
//  3. setImmediate callbacks queued before the phase began;
//  4. close callbacks.
//
// After every single callback the loop runs a checkpoint: the process.nextTick queue, then goja's
// promise jobs, repeated until both are empty, then the unhandled-rejection check.
//
// goja runs promise jobs only when the outermost Go-to-JS call returns, so callbacks run inside a
// trampoline frame that drains the nextTick queue before it returns. While a callback leaves no
// promise job and no rejection behind, the frame goes on with the loop's next callback (same
// phase, next phase or next turn, see phases.go) instead of returning: a busy loop enters goja
// once for many callbacks, with the order of one entry per callback. A callback's error is
// routed (the Uncaught hook) inside the frame too, before the jobs the callback queued, as node
// calls its 'uncaughtException' handlers at the throw. Timer, immediate and nextTick callbacks
// are called in place (Body), not through a goja.Callable's nested call.
//
// The loop ends when nothing referenced is left: no ref'ed timers or handles, no immediates, no
// outstanding reservations and no queued posts.
package eventloop

import (
	"context"
	"errors"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/dop251/goja"
)

// ErrClosed is returned by Run once the loop has been stopped with Stop or its context ended.
var ErrClosed = errors.New("eventloop: loop stopped")

// Hooks are the runtime's answers to the events the loop cannot decide on by itself. All hooks run
// on the loop goroutine.
type Hooks struct {
	// Uncaught is called with an exception that escaped a callback (a JS throw or a Go error).
	// It returns normally when the error was handled (e.g. by process.on('uncaughtException'));
	// to end the program it calls Loop.Exit.
	Uncaught func(err error)
	// Rejections is called after each checkpoint with the promises that were rejected without a
	// handler during it and still have none, and the ones that got a handler late.
	Rejections func(unhandled []*goja.Promise, handledLate []*goja.Promise)
	// Settled, when set, is called at the end of each checkpoint that left nothing to run
	// (no nextTick, promise job or rejection), with no JS on the stack. It must not call JS.
	Settled func()
	// AsyncArrow, when set, reports whether fn is an async arrow function, whose receiver goja
	// drops (EndCall then notes it by the promise the call returned: AsyncThis). It must not
	// call JS.
	AsyncArrow func(fn *goja.Object) bool
}

// Loop is an event loop bound to one goja.Runtime.
//
// Methods documented "loop only" may be called only from the loop goroutine (inside a callback, or
// before Run starts). Post, Pending.Done, Handle.Post and Stop are safe from any goroutine.
type Loop struct {
	vm    *goja.Runtime
	hooks Hooks

	// posted work, guarded by mu.
	mu      sync.Mutex
	posted  []func() error
	weak    int // how many of posted came from unref'd handles (see Handle.Post)
	spare   []func() error
	stopped bool
	stopSet atomic.Bool // stopped, readable without mu (checked after every callback)
	stopErr error
	wake    chan struct{}
	// With a Poller, the loop waits in epoll_wait itself (as libuv does) instead of on wake:
	// sleeping says it is in there (under mu), and a post then writes the poller's eventfd.
	sleeping bool
	poller   *Poller // loop only, except its evfd write under mu
	polled   bool    // wait just polled: the next turn's start need not poll again (loop only)
	// timersRan says a timer callback ran in this turn's timers phase (loop only)
	timersRan bool
	// laterTurn says this turn is not a Run's first (loop only)
	laterTurn bool

	refs int64              // outstanding reservations and ref'ed handles (atomic)
	reqs [numReqKinds]int32 // live kinded reservations by kind (atomic)

	// loop-only state
	running       bool
	epoch         time.Time // zero of the timers' clock
	timers        timerHeap
	lists         map[time.Duration]*timerList
	freeLists     []*timerList
	timerNow      int64         // the timers phase's cached time on the timers' clock
	curTimerStart int64         // when the running repeating timer's callback started, on the timers' clock
	curTimer      *Timer        // the timer whose callback is running
	runDelay      time.Duration // the delay of the list the last timer to run came from
	runCurTimer   func() error
	curImm        Runner
	runCurImm     func() error
	immRun        []*Immediate // the immediates phase's batch
	immPos        int
	immSpare      []*Immediate
	postRun       []func() error // the posted phase's batch
	postPos       int
	postSeq       uint64          // counts the posted phases' completions (PostedCallback)
	postPass      uint64          // counts the posted phases (PostedCallback)
	phase         phase           // where the current turn is
	runDone       <-chan struct{} // RunUntil's done
	timerSeq      uint64
	refTimers     int
	goTimer       *time.Timer
	goTimerAt     int64
	immediates    []*Immediate
	immRefs       int
	closing       []func() error
	closeBatch    int // how many of closing the running close phase still owes
	ticks         tickQueue
	cbMemo        CallableMemo // Callable's cache
	lastBodyObj   *goja.Object // Body's cache
	lastBody      func(goja.FunctionCall) goja.Value
	thisNotes     []thisNote                // NoteThis
	keptThis      map[*goja.Object]keptNote // KeepThis
	asyncThis     asyncThisNotes            // NoteAsyncThis
	handles       map[*Handle]struct{}
	handleSeq     uint64
	now           time.Time
	lastYield     time.Time // when the loop last gave the scheduler a turn (see yieldEvery)
	exitCode      *int
	tramp         goja.Callable
	trampTask     func() error
	batch         func() func() error // the loop's next callback, while Run is running (nil: none)
	rejected      []*goja.Promise
	rejectedCtx   map[*goja.Promise]any // the async context each of rejected was rejected in (RejectionContext)
	handledLate   []*goja.Promise
	reported      map[*goja.Promise]struct{}
	inCheck       bool
	jobsFirst     bool // the running task asked for its promise jobs before its ticks (JobsFirst)
	tickThrew     bool // drive's error came from the nextTick queue, not from its task
	// holdTicks: a tick threw where node leaves the rest of the tick queue, the promise jobs and
	// the rejections to report for after the loop's next callback (see holdsTicks)
	holdTicks bool
	released  bool // the running task took the held ticks: their jobs run outside it
	actx      any  // current async context (set through switchCtx)
	// jobs' async contexts (jobctx.go): on once a context was set; the queue's tagged part; the
	// context of the reaction that just returned
	jobCtxOn         bool
	sealedN          int
	sealedLast       unsafe.Pointer // (closurePtr of the last job tagged)
	afterReaction    any
	afterReactionSet bool
	as               asyncState    // async ids and hooks (asyncids.go)
	loopStart        time.Time     // when Run first started (zero before); loop only
	idle             time.Duration // time spent blocked waiting for work; loop only
	rethrow          goja.Callable // asError's nested call (made on first use)
	jobs             []func()      // goja's promise jobs, taken as the trampoline returns (jobsdrain.go)
	jobPos           int           // the next of jobs to run
	curJob           func()        // the job of goja's running (RunningJob)
	inJobs           int           // runJobs is running them
	viaTicks         bool          // the task ran ticks (CallMicrotasks)
	ticksBetween     CallKind      // while ticks run: the phase's callback that follows (TicksBetween)
	viaRejection     bool          // the task left a rejection unhandled (runNextTicks's Ticks variants only)
	jobsCall         CallKind      // TaskCall's answer in the jobs runJobs runs (jobsKind)
	trampDepth       int           // callTramp calls in progress
	stack            []goja.Value  // the VM's value stack between runs (stackreuse.go)
	rethrown         any
	firstWait        func() // OnFirstWait's callback, until it runs; loop only

	// closingHandles are the named handles closed and not yet past their close callback:
	// ActiveHandles lists them (see Handle.Delist). Loop only.
	closingHandles []*Handle
}

// New creates a loop that owns vm. Call it on the goroutine that will run the loop.
func New(vm *goja.Runtime, hooks Hooks) *Loop {
	l := &Loop{
		vm:      vm,
		hooks:   hooks,
		wake:    make(chan struct{}, 1),
		handles: make(map[*Handle]struct{}),
	}
	l.now = time.Now()
	l.epoch = l.now
	l.initAsync()
	l.runCurTimer = func() error {
		t := l.curTimer
		err := t.runner.Run()
		l.rearmTimer(t)
		return err
	}
	l.runCurImm = func() error {
		r := l.curImm
		l.curImm = nil
		return r.Run()
	}
	run := vm.ToValue(func(goja.FunctionCall) goja.Value {
		l.runTasks()
		l.takeJobs()
		if l.trampDepth == 1 {
			l.keepStack()
		}
		return goja.Undefined()
	})
	// The JS frame around run makes every JS call made by a task a nested call, so goja drains
	// its promise jobs only when the frame returns, after the nextTick queue: Node's order. (The
	// loop runs them there itself: see jobsdrain.go.)
	wrap, err := vm.RunProgram(trampolineProgram())
	if err != nil {
		panic(err)
	}
	mk, _ := goja.AssertFunction(wrap)
	fn, err := mk(goja.Undefined(), run)
	if err != nil {
		panic(err)
	}
	l.tramp, _ = goja.AssertFunction(fn)
	vm.SetPromiseRejectionTracker(l.trackRejection)
	vm.SetAsyncContextTracker(contextTracker{l})
	return l
}

// runTasks is the trampoline's body: the task, its ticks and the phase's next callbacks (see
// drive), their errors routed as node routes them.
func (l *Loop) runTasks() {
	taskThrew := false
	for {
		err := l.drive()
		if err == nil {
			return
		}
		// As in node, an error goes to the 'uncaughtException' handlers (or ends the
		// program) at once, in the thrower's context, before the promise jobs and ticks its
		// callback queued (goja would run those jobs on the way out of this frame). Then the
		// phase's next callback runs before the ticks left when node runs it so (see
		// moreInPhase); else drive goes on with those ticks.
		fromTick := l.tickThrew
		taskThrew = taskThrew || !fromTick
		if !fromTick && l.phase == phaseTimers {
			// a timer that threw is done (or due again) before its error is routed, as node's
			// listOnTimeout ends it in a finally: process.getActiveResourcesInfo() in the
			// 'uncaughtException' handler no longer lists it
			l.finishTimer()
		}
		l.fail(err)
		if l.exitCode != nil || l.Stopped() {
			return
		}
		if l.batch != nil && !l.inCheck {
			more := l.moreInPhase()
			if !more && !fromTick && l.phase == phaseImmediates && len(l.immediates) > 0 {
				// The phase's last immediate threw: node's check phase calls processImmediate
				// again while its run is outstanding, and that call takes the immediates queued
				// since the phase began (the 'uncaughtException' path queues one itself), which
				// then run in this phase, the first before the ticks.
				l.endImmediates()
				l.immRun, l.immPos = l.immediates, 0
				l.immediates = l.immSpare[:0]
				l.immSpare = nil
				more = true
			}
			if more {
				next := l.batch()
				if next == nil {
					return
				}
				l.trampTask = next
				continue
			}
		}
		if fromTick && !taskThrew && l.holdsTicks() {
			l.holdTicks = true
			return
		}
	}
}

// holdsTicks reports whether node leaves the tick queue where a tick threw (its error handled)
// until after the loop's next callback: when the ticks ran after the main script (or a task
// from outside the loop's turn), after an immediates phase's last callback or after a close
// callback, and that callback returned (after one that threw, the ticks go on at once). Node
// runs those ticks in the callback scope's close, and nothing calls its tick processing again
// before the next callback's scope closes; the 'uncaughtException' path queues an immediate so
// that one comes. After a timer or an I/O callback it goes on with them at once (its timers
// call processTimers again; an I/O callback's outer scope processes the ticks).
func (l *Loop) holdsTicks() bool {
	switch l.phase {
	case phaseFirst, phaseIdle, phaseImmediates, phaseClosing:
		return true
	}
	return false
}

// drive runs the trampoline's task (if any), then the ticks, and goes on with the loop's next
// callback while the checkpoint is complete: the task and its ticks left no promise job,
// rejection or exit behind. It returns the first error, returned or a JS exception that
// panicked out of a callback called in place (see Runner), as goja would have returned it.
func (l *Loop) drive() (err error) {
	defer func() {
		if x := recover(); x != nil {
			err = l.asError(x)
		}
	}()
	for {
		l.tickThrew = false
		if task := l.trampTask; task != nil {
			l.trampTask = nil
			if l.holdTicks {
				l.holdTicks = false // (held ticks run after this callback)
				l.released = true
			}
			l.jobsFirst = false // (only the task's own call counts)
			if err := task(); err != nil {
				l.jobsFirst = false
				return err
			}
			if l.jobsFirst {
				// its promise jobs run as the trampoline returns, then the checkpoint's ticks
				// (node's microtask queue runs them with the task's own: no tick processing)
				l.jobsFirst = false
				l.viaTicks, l.viaRejection = false, false
				return nil
			}
		}
		if l.ticks.n > 0 {
			l.tickThrew = true // (a tick's throw may panic through runTicks)
			if err := l.runTicks(); err != nil {
				return err
			}
			l.tickThrew = false
		}
		if l.batch == nil || l.inCheck || l.exitCode != nil || len(l.rejected) > 0 || len(l.handledLate) > 0 ||
			jobsPending(l.vm) || len(l.jobs) > 0 || l.Stopped() {
			return nil
		}
		next := l.batch()
		if next == nil {
			return nil
		}
		l.trampTask = next
		// a new task of the batch: what the one before ran (its ticks, a console write's noted
		// tick) is not this one's, as node runs the ticks between two callbacks of a phase
		l.viaTicks, l.viaRejection = false, false
	}
}

// asError is the error goja's own nested call returns for the panic x: a JS exception as it is;
// a value a Go function threw (panic(vm.NewTypeError(...))) or an interrupt made into that error
// by goja itself, through a nested call that panics with it again. A Go runtime error panics on.
func (l *Loop) asError(x any) error {
	if ex, ok := x.(*goja.Exception); ok {
		return ex
	}
	if _, ok := x.(runtime.Error); ok {
		panic(x)
	}
	if l.rethrow == nil {
		l.rethrow, _ = goja.AssertFunction(l.vm.ToValue(func(goja.FunctionCall) goja.Value { panic(l.rethrown) }))
	}
	l.rethrown = x
	_, err := l.rethrow(goja.Undefined())
	l.rethrown = nil
	if err == nil {
		panic(x)
	}
	return err
}

// trampolineProgram is the JS frame around a task's run, compiled once per process (a
// goja.Program is shared by every runtime). Nameless, as RunString made it: stack traces skip its frame.
var trampolineProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("", "(function (run) { return function () { run(); }; })", false)
})

// VM returns the runtime the loop owns. Loop only.
func (l *Loop) VM() *goja.Runtime { return l.vm }

// UpdateNow refreshes the loop's cached time (uv_update_time). Loop only.
func (l *Loop) UpdateNow() { l.now = time.Now() }

// Now returns the loop's cached time for the current turn, as libuv's uv_now does. Loop only.
func (l *Loop) Now() time.Time { return l.now }

// Post queues fn to run on the loop as an I/O completion. Safe from any goroutine. Post by itself
// does not keep the loop alive: the poster must hold a reservation or a referenced handle, or the
// loop must otherwise be busy. It reports false if the loop has stopped and fn will never run.
func (l *Loop) Post(fn func() error) bool { return l.post(fn, false) }

// post is Post; a weak completion (from an unref'd handle) does not by itself keep the loop alive:
// as libuv's, an unref'd handle's event runs only while something else keeps the loop turning.
func (l *Loop) post(fn func() error, weak bool) bool {
	l.mu.Lock()
	if l.stopped {
		l.mu.Unlock()
		return false
	}
	l.posted = append(l.posted, fn)
	if weak {
		l.weak++
	}
	if l.sleeping {
		l.sleeping = false
		l.poller.wakeup() // under mu: the poller cannot be closed meanwhile
	}
	l.mu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default:
	}
	return true
}

// wakeup makes a wait in the poller return. Safe from any goroutine.
func (l *Loop) wakeup() {
	l.mu.Lock()
	if l.sleeping {
		l.sleeping = false
		l.poller.wakeup()
	}
	l.mu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// Stop ends the loop: Run returns err (ErrClosed if nil) as soon as the current callback finishes,
// and the running script is interrupted. Safe from any goroutine; later calls do nothing.
func (l *Loop) Stop(err error) {
	if err == nil {
		err = ErrClosed
	}
	l.mu.Lock()
	if l.stopped {
		l.mu.Unlock()
		return
	}
	l.stopped = true
	l.stopSet.Store(true)
	l.stopErr = err
	l.posted, l.weak = nil, 0
	if l.sleeping {
		l.sleeping = false
		l.poller.wakeup()
	}
	l.mu.Unlock()
	l.vm.Interrupt(err)
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// Stopped reports whether Stop was called. Safe from any goroutine.
func (l *Loop) Stopped() bool { return l.stopSet.Load() }

// exitRequest is the interrupt value used by Exit.
type exitRequest struct{ code int }

func (e *exitRequest) Error() string { return "process exit" }

// Exit ends the program with code: the current JS execution is abandoned at once, no further
// callback runs, and Run returns code. Loop only.
func (l *Loop) Exit(code int) {
	if l.exitCode == nil {
		c := code
		l.exitCode = &c
	}
	l.vm.Interrupt(&exitRequest{code: code})
}

// Exiting reports whether Exit was called. Loop only.
func (l *Loop) Exiting() bool { return l.exitCode != nil }

// ExitCode is the code the first Exit asked for (0 if Exit was not called). Loop only.
func (l *Loop) ExitCode() int {
	if l.exitCode == nil {
		return 0
	}
	return *l.exitCode
}

func (l *Loop) ref()   { atomic.AddInt64(&l.refs, 1) }
func (l *Loop) unref() { atomic.AddInt64(&l.refs, -1) }

// alive reports whether anything referenced remains. Loop only.
func (l *Loop) alive() bool {
	if atomic.LoadInt64(&l.refs) > 0 || l.refTimers > 0 || l.immRefs > 0 || len(l.closing) > 0 {
		return true
	}
	l.mu.Lock()
	n := len(l.posted) - l.weak
	l.mu.Unlock()
	return n > 0
}

// Alive reports whether the loop still has referenced work. Loop only.
func (l *Loop) Alive() bool { return l.alive() }

// Run runs the loop until nothing referenced remains, Exit is called, or ctx ends.
// It returns the exit code requested by Exit (0 if none) and an error if the loop was stopped
// or a callback's error could not be handled. Call Run on the loop goroutine; it may be called
// again after it returns (for beforeExit).
func (l *Loop) Run(ctx context.Context) (code int, err error) {
	return l.RunUntil(ctx, nil)
}

// ErrUnfinished is returned by RunUntil when the loop ran out of work before done was closed.
var ErrUnfinished = errors.New("eventloop: nothing left to run")

// RunUntil is Run that also returns as soon as done is closed (nil: never), leaving the rest of
// the work for a later Run. If the loop runs out of work first, it returns ErrUnfinished. Loop only.
func (l *Loop) RunUntil(ctx context.Context, done <-chan struct{}) (code int, err error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if done := ctx.Done(); done != nil {
		stop := context.AfterFunc(ctx, func() { l.Stop(context.Cause(ctx)) })
		defer stop()
	}
	if done != nil {
		// A wait in the poller does not watch done: this wakes it.
		ended := make(chan struct{})
		defer close(ended)
		go func() {
			select {
			case <-done:
				l.wakeup()
			case <-ended:
			}
		}()
	}
	if l.loopStart.IsZero() {
		l.loopStart = time.Now()
	}
	l.running = true
	l.runDone = done
	l.phase = phaseFirst
	l.batch = l.next
	defer func() {
		l.running = false
		l.runDone = nil
		l.batch = nil
		l.abandonTurn()
	}()
	for {
		if c, e, end := l.finished(); end {
			return c, e
		}
		if fn := l.next(); fn != nil {
			l.RunTask(fn)
			continue
		}
		// between turns
		if c, e, end := l.finished(); end {
			return c, e
		}
		if l.holdTicks {
			// nothing runs now that would take the held ticks with it: run them
			l.RunTask(func() error { return nil })
			continue
		}
		if l.isDone() {
			return 0, nil
		}
		if !l.alive() {
			if done != nil {
				return 0, ErrUnfinished
			}
			return 0, nil
		}
		l.wait(ctx, done)
	}
}

func (l *Loop) finished() (int, error, bool) {
	if l.exitCode != nil {
		return *l.exitCode, nil, true
	}
	l.mu.Lock()
	stopped, err := l.stopped, l.stopErr
	l.mu.Unlock()
	if stopped {
		return 1, err, true
	}
	return 0, nil, false
}

// wait blocks until there is something to do: a post, the earliest timer, or a stop.
func (l *Loop) wait(ctx context.Context, done <-chan struct{}) {
	if len(l.immediates) > 0 || len(l.closing) > 0 {
		return
	}
	l.mu.Lock()
	n := len(l.posted)
	l.mu.Unlock()
	if n > 0 {
		return
	}
	if p := l.poller; p != nil {
		timeout := -1
		if t := l.timers.peek(); t != nil {
			d := time.Duration(t.deadline - l.clockNow())
			if d <= 0 {
				return
			}
			timeout = int((d + time.Millisecond - 1) / time.Millisecond) // as libuv: whole ms, rounded up
		}
		l.mu.Lock()
		if len(l.posted) > 0 || l.stopped {
			l.mu.Unlock()
			return
		}
		l.sleeping = true
		l.mu.Unlock()
		l.beforeFirstWait()
		t0 := time.Now()
		p.collect(timeout)
		l.idle += time.Since(t0)
		l.polled = true
		return
	}
	var timerC <-chan time.Time
	if t := l.timers.peek(); t != nil {
		d := time.Duration(t.deadline - l.clockNow())
		if d <= 0 {
			return
		}
		if l.goTimer == nil {
			l.goTimer = time.NewTimer(d)
		} else if l.goTimerAt != t.deadline {
			l.goTimer.Reset(d)
		}
		l.goTimerAt = t.deadline
		timerC = l.goTimer.C
	}
	l.beforeFirstWait()
	t0 := time.Now()
	select {
	case <-l.wake:
	case <-timerC:
		l.goTimerAt = math.MinInt64 // fired: the next wait arms it again
	case <-ctx.Done():
	case <-done:
	}
	l.idle += time.Since(t0)
}

// OnFirstWait sets fn to run once, on the loop, the first time the loop is about to block
// waiting for work: the main module has run and the program now waits for what it started (a
// server for its first connection); or, if that comes first, the first time the loop's poller
// finds a descriptor ready (a program that starts I/O at once may never block: its sockets are
// always ready). The gojs command ends its start-up memory policies there. fn runs before the
// dispatch of what was found, must not block or call into JS. Call it on the loop goroutine, or
// before the loop runs.
func (l *Loop) OnFirstWait(fn func()) { l.firstWait = fn }

func (l *Loop) beforeFirstWait() {
	if fn := l.firstWait; fn != nil {
		l.firstWait = nil
		fn()
	}
}

// LoopStart returns when the loop first started running (after the main module), or the zero
// time before that: performance.nodeTiming.loopStart. Loop only.
func (l *Loop) LoopStart() time.Time { return l.loopStart }

// IdleTime returns how long the loop has spent blocked waiting for work (libuv's
// uv_metrics_idle_time): performance.nodeTiming.idleTime and eventLoopUtilization. Loop only.
func (l *Loop) IdleTime() time.Duration { return l.idle }

// JobsFirst makes the task running now (one of RunTask's) end like a promise job of node's: the
// promise jobs it queued run before the nextTick queue. Node evaluates the main ES module inside
// a promise job of its loader, so there `process.nextTick` callbacks the module queued wait for
// its promise reactions (and for what runs after a top-level `await` of a settled value), where
// a CommonJS module's run first. Loop only, from inside the task.
func (l *Loop) JobsFirst() { l.jobsFirst = true }

// RunTask runs task as one macrotask: inside the trampoline frame, followed by the checkpoint.
// Errors returned by task go to the Uncaught hook. Loop only; used by everything that calls JS
// from a loop phase, and by the runtime to run the main module.
func (l *Loop) RunTask(task func() error) {
	if l.exitCode != nil || l.Stopped() {
		return
	}
	l.trampTask = task
	if l.enter() && l.moreInPhase() {
		// As in Node, a timer or immediate that threw (its error handled by an
		// 'uncaughtException' listener) leaves the nextTick queue for after the phase's next
		// callback: node resumes the list without draining the ticks first.
		return
	}
	l.checkpoint()
}

// moreInPhase reports whether the timers or immediates phase has another callback to run now
// that node runs without draining the nextTick queue first: for timers, the next one of the same
// list (node's processTimers, re-entered after the throw, resumes that list and drains the ticks
// before any other list, the thrower's list even when it has emptied).
func (l *Loop) moreInPhase() bool {
	switch l.phase {
	case phaseTimers:
		t := l.timers.peek()
		return t != nil && t.deadline <= l.timerNow && t.list.delay == l.runDelay
	case phaseImmediates:
		for _, im := range l.immRun[l.immPos:] {
			if im.pending {
				return true
			}
		}
	}
	return false
}

// enter calls the trampoline and routes what escaped; it reports whether something did.
func (l *Loop) enter() bool {
	// (the errors of the callbacks are routed inside the frame: what comes out here is an
	// interrupt, Exit's or Stop's, or a Go panic that escaped goja: callTramp)
	err := l.callTramp()
	l.trampTask = nil
	clear(l.thisNotes) // (notes a throw skipped the end of)
	l.thisNotes = l.thisNotes[:0]
	if err != nil {
		if _, ok := err.(*EnginePanicError); !ok {
			l.fail(err)
		}
		return true
	}
	return false
}

// fail routes an escaped error: exit and stop interrupts end the loop; anything else goes to the
// Uncaught hook.
func (l *Loop) fail(err error) {
	err = SafeError(err)
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		l.vm.ClearInterrupt()
		if _, ok := ie.Value().(*exitRequest); ok {
			return
		}
		if l.Stopped() {
			return
		}
	}
	if l.exitCode != nil {
		return
	}
	if l.hooks.Uncaught != nil {
		l.hooks.Uncaught(err)
	} else {
		l.Stop(err)
	}
}

// checkpoint drains nextTicks and promise jobs until both are empty, then reports rejections.
func (l *Loop) checkpoint() {
	if l.inCheck || l.holdTicks {
		return
	}
	l.inCheck = true
	defer func() { l.inCheck = false }()
	for {
		for l.ticks.len() > 0 && l.exitCode == nil && !l.Stopped() && !l.holdTicks {
			l.trampTask = func() error { return nil }
			l.enter()
		}
		if l.holdTicks {
			return
		}
		if l.exitCode != nil || l.Stopped() {
			l.rejected, l.handledLate, l.rejectedCtx = nil, nil, nil
			return
		}
		if len(l.rejected) == 0 && len(l.handledLate) == 0 {
			if l.hooks.Settled != nil {
				l.hooks.Settled()
			}
			return
		}
		rej, late := l.rejected, l.handledLate
		l.rejected, l.handledLate = nil, nil
		var still []*goja.Promise
		for _, p := range rej {
			if p.State() == goja.PromiseStateRejected {
				still = append(still, p)
			} else {
				delete(l.rejectedCtx, p)
			}
		}
		if l.hooks.Rejections != nil && (len(still) > 0 || len(late) > 0) {
			l.trampTask = func() error {
				// as node's processPromiseRejections: after the callback's own after, outside any
				// async execution (ids 0/0)
				l.leaveAsync()
				l.hooks.Rejections(still, late)
				return nil
			}
			l.enter()
		}
	}
}
