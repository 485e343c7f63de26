package workerthreads

import (
	"sort"

	"github.com/gojs-dev/gojs/eventloop"
)

// portWalk models, for one runtime, when node delivers the messages its message ports send one
// another. A node port wakes its own uv_async handle; libuv, in its poll phase, takes the list
// of async handles as it is when the pass begins and runs each woken one in the order they were
// made, and a port's callback drains its queue, up to max(backlog, 1000) messages, those it is
// sent meanwhile included. So a message a port here sends during the dispatch of a port's
// message (its callback, with that callback's nextTick and promise jobs) comes in that same
// pass to the dispatching port itself (next, while its budget lasts) and, in the order they
// were made, to the ports made after it but before the pass began; any other, and one sent
// outside a dispatch, in the next pass, again in the order the ports were made (which an
// unref'd port's wake-up does not make the loop turn for). The loop's posted phase stands for
// the pass. Loop only.
type portWalk struct {
	loop  *eventloop.Loop
	ports uint64 // ports attached so far: each port's number is the count when it came
	pass  uint64 // the posted phase of the dispatches below (Loop.PostedCallback)
	limit uint64 // the newest port when the pass's first dispatch began
	cb    uint64 // the callback of the running dispatch (0: none)
	cur   uint64 // the dispatching port
	// woken are the dispatches owed in this pass to ports after the dispatching one, by port
	// number (stable): one walker callback at a time, fed into the phase, runs the first
	woken     []wakeEntry
	walker    *eventloop.Handle
	walkerFed bool
	walkerAt  uint64 // the pass the walker was fed in
	// later are the dispatches owed in later passes, by pass and port number (stable): each
	// one posted a runLater, which runs the first
	later     []wakeEntry
	runLaterB func() error // runLater, bound to walker
}

type wakeEntry struct {
	pass, port uint64
	run        func() error
}

// handle is the walker's handle, made on first use: never closed, unref'd, unlisted.
func (w *portWalk) handle() *eventloop.Handle {
	if w.walker == nil {
		w.walker = w.loop.NewHandle(nil)
		w.walker.Unref()
		w.runLaterB = w.walker.Bind(w.runLater)
	}
	return w.walker
}

// postLater queues run, a dispatch of port, for the next pass; weak: the post keeps nothing
// alive (the port is unref'd).
func (w *portWalk) postLater(port uint64, run func() error, weak bool) {
	pass, _ := w.loop.PostedCallback()
	pass++
	i := sort.Search(len(w.later), func(i int) bool {
		e := w.later[i]
		return e.pass > pass || e.pass == pass && e.port > port
	})
	w.later = append(w.later, wakeEntry{})
	copy(w.later[i+1:], w.later[i:])
	w.later[i] = wakeEntry{pass, port, run}
	hd := w.handle()
	if weak {
		hd.PostWeak(w.runLater)
	} else {
		hd.PostBound(w.runLaterB)
	}
}

// runLater runs the first of later.
func (w *portWalk) runLater() error {
	if len(w.later) == 0 {
		return nil
	}
	e := w.later[0]
	w.later[0] = wakeEntry{}
	w.later = w.later[1:]
	return e.run()
}

// newPort numbers a port just attached.
func (w *portWalk) newPort() uint64 {
	w.ports++
	return w.ports
}

// begin notes that port starts dispatching a message; it returns the callback's number, 0 if
// this is not the posted phase.
func (w *portWalk) begin(port uint64) uint64 {
	pass, cb := w.loop.PostedCallback()
	if cb == 0 {
		return 0
	}
	if pass != w.pass {
		w.pass, w.limit = pass, w.ports
	}
	w.cb, w.cur = cb, port
	return cb
}

// dispatching reports whether a port's dispatch is running now (its callback or checkpoint).
func (w *portWalk) dispatching() bool {
	if w.cb == 0 {
		return false
	}
	_, cb := w.loop.PostedCallback()
	return cb == w.cb
}

// wake queues run, a dispatch of port, in this pass when port comes after the dispatching one
// and was there when the pass began; it reports false, having queued nothing, otherwise.
// (Call only while dispatching.)
func (w *portWalk) wake(port uint64, run func() error) bool {
	if port <= w.cur || port > w.limit {
		return false
	}
	if w.walkerFed && w.walkerAt != w.pass {
		// (a pass that ended without its walker, a turn abandoned: what it owed goes to the
		// next pass)
		for _, e := range w.woken {
			w.postLater(e.port, e.run, false)
		}
		w.woken, w.walkerFed = w.woken[:0], false
	}
	i := sort.Search(len(w.woken), func(i int) bool { return w.woken[i].port > port })
	w.woken = append(w.woken, wakeEntry{})
	copy(w.woken[i+1:], w.woken[i:])
	w.woken[i] = wakeEntry{w.pass, port, run}
	if !w.walkerFed {
		w.walkerFed, w.walkerAt = true, w.pass
		w.handle().Feed(w.next)
	}
	return true
}

// next runs the first of woken, feeding itself again for the rest.
func (w *portWalk) next() error {
	if len(w.woken) == 0 {
		w.walkerFed = false
		return nil
	}
	e := w.woken[0]
	w.woken[0] = wakeEntry{}
	w.woken = w.woken[1:]
	if len(w.woken) > 0 {
		w.walker.Feed(w.next)
	} else {
		w.walkerFed = false
	}
	return e.run()
}
