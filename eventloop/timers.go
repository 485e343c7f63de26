package eventloop

import (
	"container/heap"
	"time"
)

// Timer is a one-shot or repeating timer on the loop's heap. All methods are loop only.
type Timer struct {
	l        *Loop
	fn       func() error
	deadline time.Time
	delay    time.Duration
	seq      uint64
	index    int // position in the heap, -1 when not scheduled
	repeat   bool
	refed    bool
	running  bool // its callback is running now
	counted  bool // counted in the loop's referenced timers
	ctx      any  // async context captured when the timer was created
}

type timerHeap []*Timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if !h[i].deadline.Equal(h[j].deadline) {
		return h[i].deadline.Before(h[j].deadline)
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*Timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	n := len(old)
	t := old[n-1]
	old[n-1] = nil
	t.index = -1
	*h = old[:n-1]
	return t
}
func (h timerHeap) peek() *Timer {
	if len(h) == 0 {
		return nil
	}
	return h[0]
}

// NewTimer schedules fn to run after delay (and every delay after that if repeat). The timer is
// referenced. The delay counts from the moment of the call, as in Node (a timer set at the end of
// a long synchronous script still waits its full delay). Loop only.
func (l *Loop) NewTimer(delay time.Duration, repeat bool, fn func() error) *Timer {
	t := &Timer{l: l, fn: fn, delay: delay, repeat: repeat, refed: true, index: -1, ctx: l.actx}
	t.schedule(time.Now())
	return t
}

func (t *Timer) schedule(from time.Time) {
	l := t.l
	l.timerSeq++
	t.seq = l.timerSeq
	t.deadline = from.Add(t.delay)
	if t.index >= 0 {
		heap.Fix(&l.timers, t.index)
	} else {
		heap.Push(&l.timers, t)
	}
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
func (t *Timer) Active() bool { return t.index >= 0 || (t.running && t.repeat) }

// Stop unschedules the timer. Stopping a stopped timer does nothing.
func (t *Timer) Stop() {
	if t.index >= 0 {
		heap.Remove(&t.l.timers, t.index)
	}
	t.repeat = false
	t.recount()
}

// Refresh restarts the timer's countdown from now with the same delay, rescheduling it if it had
// already fired (as Node's timeout.refresh does).
func (t *Timer) Refresh() {
	t.schedule(time.Now())
}

// SetDelay changes the delay used by the next Refresh or repeat.
func (t *Timer) SetDelay(d time.Duration) { t.delay = d }

// Ref makes the timer keep the loop alive.
func (t *Timer) Ref() {
	t.refed = true
	t.recount()
}

// Unref lets the loop end while the timer is pending.
func (t *Timer) Unref() {
	t.refed = false
	t.recount()
}

// HasRef reports whether the timer is referenced.
func (t *Timer) HasRef() bool { return t.refed }

// runTimers runs every timer due at the loop's cached time.
func (l *Loop) runTimers() {
	for {
		t := l.timers.peek()
		if t == nil || t.deadline.After(l.now) {
			return
		}
		heap.Pop(&l.timers)
		t.running = true
		t.recount()
		l.runTaskIn(t.ctx, t.fn)
		t.running = false
		if t.index < 0 && t.repeat {
			t.schedule(time.Now())
		}
		t.recount()
		if l.exitCode != nil || l.Stopped() {
			return
		}
	}
}

// Immediate is a setImmediate entry. All methods are loop only.
type Immediate struct {
	l       *Loop
	fn      func() error
	refed   bool
	pending bool
	ctx     any
}

// SetImmediate queues fn for the immediates phase of this (or, when called during that phase,
// the next) turn. Loop only.
func (l *Loop) SetImmediate(fn func() error) *Immediate {
	im := &Immediate{l: l, fn: fn, refed: true, pending: true, ctx: l.actx}
	l.immediates = append(l.immediates, im)
	l.immRefs++
	return im
}

// Clear cancels the immediate if it has not run.
func (im *Immediate) Clear() {
	if im.pending {
		im.pending = false
		if im.refed {
			im.l.immRefs--
		}
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

func (l *Loop) runImmediates() {
	if len(l.immediates) == 0 {
		return
	}
	if l.immRefs == 0 {
		// only unref'ed immediates: like Node, they run only while something else keeps the
		// loop turning.
		if !l.aliveExceptImmediates() {
			for _, im := range l.immediates {
				im.pending = false
			}
			l.immediates = l.immediates[:0]
			return
		}
	}
	batch := l.immediates
	l.immediates = nil
	for _, im := range batch {
		if !im.pending {
			continue
		}
		im.pending = false
		if im.refed {
			l.immRefs--
		}
		l.runTaskIn(im.ctx, im.fn)
		if l.exitCode != nil || l.Stopped() {
			return
		}
	}
}

func (l *Loop) aliveExceptImmediates() bool {
	n := l.immRefs
	l.immRefs = 0
	a := l.alive()
	l.immRefs = n
	return a
}

// OnClose queues fn for the close-callbacks phase. Loop only.
func (l *Loop) OnClose(fn func() error) {
	l.closing = append(l.closing, fn)
}

func (l *Loop) runClosing() {
	for len(l.closing) > 0 {
		batch := l.closing
		l.closing = nil
		for _, fn := range batch {
			l.RunTask(fn)
			if l.exitCode != nil || l.Stopped() {
				return
			}
		}
	}
}
