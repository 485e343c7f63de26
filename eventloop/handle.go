package eventloop

import (
	"sync"
	"sync/atomic"
)

// Pending is a reservation: one unit of asynchronous work that keeps the loop alive until its
// completion is posted, exactly once.
type Pending struct {
	l    *Loop
	once sync.Once
	ctx  any
	kind ReqKind
	// async id and its trigger's (asyncids.go); asyncRes: init was emitted for it, res the
	// resource that init gave the hooks (executionAsyncResource in its callback)
	aid, atid int64
	asyncRes  bool
	res       any
}

// Reserve starts a unit of work. Loop only (or before Run).
func (l *Loop) Reserve() *Pending {
	l.ref()
	return &Pending{l: l, ctx: l.actx, aid: l.NewAsyncID(), atid: l.as.cur.id}
}

// Done posts fn to run on the loop as the work's completion and releases the reservation. Safe
// from any goroutine; only the first call has an effect. If the loop has stopped, fn is dropped.
func (p *Pending) Done(fn func() error) {
	p.once.Do(func() {
		if !p.l.Post(func() error { return p.complete(fn) }) {
			p.release()
		}
	})
}

// DoneAfter is Done for work that node does in several requests, each completing in its own
// turn's I/O phase (readFile: open, fstat, read, close): fn runs in the turns-th I/O phase
// from the one the work's completion arrives in, the reservation held until then, so a
// setImmediate or timer queued meanwhile runs before it as in node. turns <= 1 is Done. Safe
// from any goroutine; only the first call (of Done, DoneAfter) has an effect.
func (p *Pending) DoneAfter(turns int, fn func() error) {
	if turns <= 1 {
		p.Done(fn)
		return
	}
	p.once.Do(func() {
		var step func() error
		step = func() error {
			if turns--; turns > 0 {
				// (posted from the I/O phase: it runs in the next turn's)
				if !p.l.Post(step) {
					p.release()
				}
				return nil
			}
			return p.complete(fn)
		}
		if !p.l.Post(step) {
			p.release()
		}
	})
}

// complete releases the reservation and runs fn as the work's completion. Loop only.
// A named request stays among the loop's active requests while fn runs, as node's request wrap
// is listed until its callback returns.
func (p *Pending) complete(fn func() error) error {
	if fn == nil {
		p.release()
		return nil
	}
	if kind := p.kind; kind != ReqNone {
		p.kind = ReqNone // (release leaves the count to the deferred call)
		defer atomic.AddInt32(&p.l.reqs[kind], -1)
	}
	p.release()
	p.l.switchCtx(p.ctx)
	p.l.enterAsync(p.aid, p.atid, p.res)
	if p.asyncRes {
		p.l.EmitDestroy(p.aid) // (emitted at the next immediates phase, after its after)
	}
	return fn()
}

// Take claims the work's completion for the caller, on the loop (a query that a cancel ends
// before its answer): later Done calls do nothing, and the caller ends it with Complete. It
// reports false, having changed nothing, when Done came first. Loop only.
func (p *Pending) Take() bool {
	taken := false
	p.once.Do(func() { taken = true })
	return taken
}

// Complete runs fn at once, from the running callback, as the completion of work Take claimed:
// in its execution, its destroy queued after. Loop only.
func (p *Pending) Complete(fn func() error) error { return p.complete(fn) }

// Cancel releases the reservation without a completion. Safe from any goroutine; it does nothing
// after Done.
func (p *Pending) Cancel() {
	p.once.Do(p.release)
}

// Handle is a long-lived source of callbacks (a server, a socket, a watcher, a child process).
// While referenced and open it keeps the loop alive.
type Handle struct {
	l         *Loop
	mu        sync.Mutex
	refed     bool
	weakPosts bool // see WeakPosts
	closed    bool
	// jsRef is JS's ref state as SetJSRef recorded it (0: never recorded; the loop reference
	// then stands for it): 1 after ref(), -1 after unref(). (Here, in the padding after
	// closed: a handle per idle connection stays the size it was.)
	jsRef  int8
	onStop func()
	ctx    any
	kind   string // node's name for it (SetKind); "" is not reported
	owner  any    // the JS object _getActiveHandles returns
	seq    uint64 // creation order
	// async id (given by its first SetKind: the loop's own handles have none) and its trigger's
	// (asyncids.go); asyncRes: it has one
	aid, atid int64
	asyncRes  bool
}

// NewHandle registers a referenced handle. onStop, if not nil, is called once when the runtime
// shuts down with the handle still open (from CloseHandles), to release its Go resources. Loop only.
func (l *Loop) NewHandle(onStop func()) *Handle {
	l.handleSeq++
	h := &Handle{l: l, refed: true, onStop: onStop, ctx: l.actx, seq: l.handleSeq, atid: l.as.cur.id}
	l.ref()
	l.handles[h] = struct{}{}
	return h
}

// Post queues fn on the loop on behalf of the handle. Safe from any goroutine. Posts after Close
// are dropped; it reports whether fn was queued. See WeakPosts for posts while unref'd.
func (h *Handle) Post(fn func() error) bool {
	return h.PostBound(h.bound(fn))
}

// PostWeak is Post for an event that, while the handle is unref'd, does not keep the loop alive
// by itself (as WeakPosts makes every post of a handle): like a libuv handle's wake-up, it runs
// only if something else keeps the loop turning. Safe from any goroutine.
func (h *Handle) PostWeak(fn func() error) bool {
	h.mu.Lock()
	closed, weak := h.closed, !h.refed
	h.mu.Unlock()
	if closed {
		return false
	}
	return h.l.post(h.bound(fn), weak)
}

// weakNow reports whether what the handle posts now does not keep the loop alive by itself
// (WeakPosts, and unref'd). The Poller asks it for each dispatch it queues on a target's
// behalf (a net socket's every readiness): loop only, and so without the lock, as the fields
// are written on the loop only (Post reads them from other goroutines under it).
func (h *Handle) weakNow() bool {
	return h.weakPosts && !h.refed
}

// WeakPosts makes what the handle posts while unref'd not keep the loop alive by itself: as with
// a libuv handle, an event that comes after everything else ended is never delivered (a child
// process unref'd and killed ends the program without its 'exit'). For handles whose unref is
// the user's; a handle unref'd because another one holds the reference (a TLS layer over its
// socket) must keep its completions. Loop only, before the handle posts.
func (h *Handle) WeakPosts() {
	h.mu.Lock()
	h.weakPosts = true
	h.mu.Unlock()
}

// Feed queues fn on behalf of the handle as libuv's uv__io_feed does: called from the posted
// phase, fn runs later in that same phase (libuv re-runs its pending queue right after polling);
// otherwise it is posted. Loop only. Feeds after Close are dropped.
func (h *Handle) Feed(fn func() error) bool {
	if h.l.postRun == nil {
		return h.Post(fn)
	}
	if h.isClosed() {
		return false
	}
	h.l.postRun = append(h.l.postRun, h.bound(fn))
	return true
}

// FeedNext queues fn on behalf of the handle to run next: called from a completion of the posted
// phase, fn is the phase's next callback, before the completions queued in it already (as
// libuv's uv__read reads a stream again, up to 32 times, before it goes on to the next ready
// descriptor, each read its own callback); otherwise it is posted. Loop only. Dropped after
// Close.
func (h *Handle) FeedNext(fn func() error) bool {
	return h.FeedNextBound(h.bound(fn))
}

// Bind returns fn bound to the handle as Post and FeedNext bind what they queue (run in the
// handle's async context, dropped once it is closed), for PostBound and FeedNextBound: a handle
// that queues the same callback again and again binds it once, not once per queueing. Loop only.
func (h *Handle) Bind(fn func() error) func() error { return h.bound(fn) }

// PostBound is Post of a function Bind returned (not bound again). Safe from any goroutine.
func (h *Handle) PostBound(bound func() error) bool {
	h.mu.Lock()
	closed, weak := h.closed, h.weakPosts && !h.refed
	h.mu.Unlock()
	if closed {
		return false
	}
	return h.l.post(bound, weak)
}

// FeedNextBound is FeedNext of a function Bind returned (not bound again). Loop only.
func (h *Handle) FeedNextBound(bound func() error) bool {
	l := h.l
	if l.postRun == nil || l.postPos == 0 {
		return h.PostBound(bound)
	}
	if h.isClosed() {
		return false
	}
	// (startPosted cleared the slots of the completions it handed out: the one before postPos
	// is free)
	l.postPos--
	l.postRun[l.postPos] = bound
	return true
}

func (h *Handle) isClosed() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.closed
}

// bound is fn run in the handle's async context, or dropped if the handle closed meanwhile.
func (h *Handle) bound(fn func() error) func() error {
	return func() error {
		if h.isClosed() {
			return nil
		}
		h.l.switchCtx(h.ctx)
		h.l.enterAsync(h.aid, h.atid, h.owner)
		return fn()
	}
}

// Ref makes the handle keep the loop alive. Loop only.
func (h *Handle) Ref() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.refed && !h.closed {
		h.refed = true
		h.l.ref()
	}
}

// Unref lets the loop end while the handle is open. Loop only.
func (h *Handle) Unref() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.refed && !h.closed {
		h.refed = false
		h.l.unref()
	}
}

// HasRef reports whether the handle is referenced.
func (h *Handle) HasRef() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.refed && !h.closed
}

// Close releases the handle: its later posts are dropped, and like a libuv handle being closed
// it keeps the loop alive until the next close-callbacks phase (so the loop turns once more, and
// a beforeExit that closed a server is emitted again). Loop only; closing twice does nothing.
func (h *Handle) Close() {
	listed := h.kind != "" && h.listedRef()
	if h.release() {
		if listed {
			// Like a libuv handle between uv_close and its close callback (node's HandleWrap in
			// its closing state, still ref'ed), it stays in _getActiveHandles until then.
			h.l.closingHandles = append(h.l.closingHandles, h)
			h.l.OnClose(h.closedListed) // (which queues its async destroy, after the close callback)
			return
		}
		if h.asyncRes {
			h.l.EmitDestroy(h.aid)
		}
		h.l.OnClose(closedHandle)
	}
}

func closedHandle() error { return nil }

// CloseInCallback is Close called from a close-phase callback that stands for the handle's own
// close callback (one the module queued with OnClose when the handle began closing, as libuv's
// uv_close does with node's): the handle is released and leaves the active handles now, and the
// loop does not turn once more for it, as Close's own close callback would make it (node ends
// right after a port's 'close' when nothing else is left, before its peer hears of it). Loop
// only; after Close, or a second time, it does nothing.
func (h *Handle) CloseInCallback() {
	if h.release() {
		h.Delist()
		if h.asyncRes {
			h.l.EmitDestroy(h.aid)
		}
	}
}

// release marks the handle closed and drops its reference; it reports whether it was open.
func (h *Handle) release() bool {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return false
	}
	h.closed = true
	refed := h.refed
	h.refed = false
	h.mu.Unlock()
	if refed {
		h.l.unref()
	}
	delete(h.l.handles, h)
	return true
}

// Closed reports whether Close was called.
func (h *Handle) Closed() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.closed
}

// CloseHandles stops every handle still open, calling its onStop. Call it after Run has returned
// (the runtime does, on Close), from the goroutine that ran the loop.
func (l *Loop) CloseHandles() {
	for h := range l.handles {
		h.release()
		if h.onStop != nil {
			h.onStop()
		}
	}
}
