package eventloop

import (
	"runtime"
	"time"
)

// The loop's turns as a state machine. next returns the loop's next callback, walking the phases
// of a turn (timers, posted completions, immediates, close callbacks) and on into the next turn
// while there is something runnable now. RunUntil calls it from Go; the trampoline calls it from
// inside its frame after a callback whose checkpoint left nothing behind (no nextTick, promise
// job or rejection to report), so a busy loop enters goja once for many callbacks, even across
// turns, in exactly the order one entry per callback gives.

type phase int

const (
	phaseFirst phase = iota // the first turn of a Run: it starts without the liveness check
	phaseIdle               // between turns
	phaseTimers
	phasePosted
	phaseImmediates
	phaseClosing
)

// next finishes the running callback's bookkeeping and returns the next callback to run, or nil
// when the loop must stop, wait, or return to RunUntil. Loop only.
func (l *Loop) next() func() error {
	l.switchCtx(nil)
	l.resetAsync()
	for {
		switch l.phase {
		case phaseFirst, phaseIdle:
			if l.exitCode != nil || l.Stopped() || l.isDone() {
				return nil
			}
			// A turn starts by polling the sockets without blocking (libuv polls once per turn;
			// a wait that just polled leaves the ready ones queued already): what is ready runs
			// in this turn's posted phase, after the completions queued before it.
			if l.polled {
				l.polled = false
			} else if l.poller != nil && l.poller.active > 0 {
				l.poller.collect(0)
			}
			// (a Run's first turn needs no runnable work, as libuv's uv_run enters its first
			// iteration without waiting to see any; like uv_run, it still needs a live loop, so an
			// unref'ed timer that is already due does not fire in a loop nothing keeps alive)
			if !l.alive() {
				// (the destroy hooks queued in the last turn run before the loop ends, as node's
				// do before its beforeExit)
				return l.startDestroys()
			}
			if l.phase == phaseIdle && !l.runnable() {
				return nil
			}
			l.now = time.Now()
			l.timerNow = l.clock(l.now)
			l.laterTurn = l.phase == phaseIdle
			if l.phase == phaseFirst {
				// A Run starts the count: its goroutine has just been scheduled (an embedder's
				// loop goroutine was parked waiting for the task), and a yield here, which every
				// short Run of a new runtime made (lastYield was zero), is a trip through the
				// scheduler that wakes another thread for nothing.
				l.lastYield = l.now
			} else if d := l.now.Sub(l.lastYield); d >= yieldEvery || d < 0 {
				l.lastYield = l.now
				runtime.Gosched()
			}
			l.phase = phaseTimers
		case phaseTimers:
			l.finishTimer()
			if fn := l.startTimer(); fn != nil {
				l.timersRan = true
				return fn
			}
			// libuv polls after its timers: what a timer callback made ready (a write to
			// another socket of this process, a peer it closed) is handled in this turn's I/O
			// phase. The turn's first poll came before the timers, so when any ran, the sockets
			// are polled again (without blocking) before the posted phase.
			if l.timersRan {
				l.timersRan = false
				// libuv (node 20's) runs a turn's timers last and checks then whether the loop
				// is alive: when the timers left nothing referenced, the loop ends without
				// polling again, so what unreferenced handles posted meanwhile (a signal the
				// process sent itself from a timer) waits, and runs only if the loop goes on
				// (beforeExit). A Run's first turn polls after its timers all the same, as
				// uv_run enters its first iteration on the liveness it saw before them.
				if l.laterTurn && !l.alive() {
					l.phase = phaseIdle
					continue
				}
				if l.poller != nil && l.poller.active > 0 {
					l.poller.collect(0)
				}
			}
			l.beginPosted()
			l.phase = phasePosted
		case phasePosted:
			if fn := l.startPosted(); fn != nil {
				return fn
			}
			l.endPosted()
			l.beginImmediates()
			l.phase = phaseImmediates
			// (node's destroy hooks, queued since the last turn, run first: asyncids.go)
			if fn := l.startDestroys(); fn != nil {
				return fn
			}
		case phaseImmediates:
			if fn := l.startImmediate(); fn != nil {
				return fn
			}
			l.endImmediates()
			l.closeBatch = len(l.closing)
			l.phase = phaseClosing
		case phaseClosing:
			// Like libuv's closing_handles list, the phase runs the callbacks queued before it
			// began, newest first; those queued while it runs wait for the next turn.
			if l.closeBatch > 0 {
				l.closeBatch--
				i := l.closeBatch
				fn := l.closing[i]
				copy(l.closing[i:], l.closing[i+1:])
				l.closing[len(l.closing)-1] = nil
				l.closing = l.closing[:len(l.closing)-1]
				if len(l.closing) == 0 {
					l.closing = nil
				}
				return fn
			}
			l.phase = phaseIdle
		}
	}
}

// yieldEvery is how often a busy loop yields to the Go scheduler between turns. A loop that
// never parks (its sockets always have something ready) would otherwise run on one scheduler
// tick until the runtime's monitor (sysmon) force-preempts it after 10 ms; when that lands in a
// socket read or write the monitor takes the loop's P away (a thread is then woken to run it
// and the loop must get a P back) and drops to polling every 20 µs. A yield at a turn boundary
// costs a microsecond or two and, done well within the monitor's 10 ms, spares the loop those
// preemptions. 50-connection ping-pong, 20,000 round trips (perf stat, 3 runs each): monitor
// sleeps 2,800-3,400 -> 1,200-2,000, context switches 6,300-7,300 -> 3,000-4,100.
const yieldEvery = 2 * time.Millisecond

// abandonTurn drops what is left of an interrupted turn (exit or stop), as returning from the
// middle of a phase always did. Loop only.
func (l *Loop) abandonTurn() {
	l.finishTimer()
	if l.postRun != nil {
		l.endPosted()
	}
	if l.immRun != nil {
		l.endImmediates()
	}
	l.closeBatch = 0
	l.phase = phaseFirst
	l.switchCtx(nil)
	l.resetAsync()
}

// runnable reports whether a turn would find work now, without waiting. Loop only.
func (l *Loop) runnable() bool {
	if len(l.immediates) > 0 || len(l.closing) > 0 {
		return true
	}
	if len(l.as.destroys) > 0 && l.as.hooks != nil {
		return true // (destroy hooks to run: node's unref'd native immediate turns the loop without waiting)
	}
	l.mu.Lock()
	n := len(l.posted)
	l.mu.Unlock()
	if n > 0 {
		return true
	}
	t := l.timers.peek()
	return t != nil && t.deadline <= l.clockNow()
}

// isDone reports whether RunUntil's done channel is closed.
func (l *Loop) isDone() bool {
	if l.runDone == nil {
		return false
	}
	select {
	case <-l.runDone:
		return true
	default:
		return false
	}
}

func (l *Loop) beginPosted() {
	l.mu.Lock()
	l.postRun, l.postPos = l.posted, 0
	l.postPass++
	l.posted, l.spare = l.spare[:0], nil
	l.weak = 0
	l.mu.Unlock()
}

func (l *Loop) endPosted() {
	clear(l.postRun)
	l.mu.Lock()
	if !l.stopped {
		l.spare = l.postRun[:0]
	}
	l.mu.Unlock()
	l.postRun = nil
}

// startPosted returns the phase's next posted completion (nil: none left).
func (l *Loop) startPosted() func() error {
	if l.postPos >= len(l.postRun) {
		return nil
	}
	fn := l.postRun[l.postPos]
	l.postRun[l.postPos] = nil
	l.postPos++
	l.postSeq++
	return fn
}

// PostedCallback identifies the posted completion running now, together with the nextTick and
// promise jobs of its checkpoint: cb changes with every completion the posted phase runs, and is
// 0 outside that phase; pass counts the posted phases begun (this one's number, in one), so that
// what is posted now runs in phase pass+1. (Message ports tell by them that they are still in
// one dispatch, and in one pass over the ports: node delivers their messages in passes over its
// async handles.) Loop only.
func (l *Loop) PostedCallback() (pass, cb uint64) {
	if l.postRun == nil {
		return l.postPass, 0
	}
	return l.postPass, l.postSeq
}

func (l *Loop) beginImmediates() {
	if len(l.immediates) > 0 && l.immRefs == 0 && !l.aliveExceptImmediates() {
		// only unref'ed immediates: like Node, they run only while something else keeps the
		// loop turning.
		for i, im := range l.immediates {
			im.pending = false
			l.immediates[i] = nil
		}
		l.immediates = l.immediates[:0]
	}
	// immediates queued from here on wait for the next turn
	l.immRun, l.immPos = l.immediates, 0
	l.immediates = l.immSpare[:0]
	l.immSpare = nil
}

func (l *Loop) endImmediates() {
	clear(l.immRun)
	l.immSpare, l.immRun = l.immRun[:0], nil
}
