package fs

import (
	"runtime"
	"sync"

	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

// defaultWorkers bounds the goroutines doing one runtime's file system work at once. Node's
// thread pool has 4; a few more keep slow or blocking descriptors (pipes, FIFOs) from stalling
// everything else.
const defaultWorkers = 16

// workers runs one runtime's asynchronous file system work on at most max goroutines, started
// on demand and gone as soon as the queue is empty. Thousands of operations started at once
// (a loop of fs.stat calls) wait in the queue, not as thousands of runnable goroutines: those
// would bury the loop goroutine in the Go scheduler's run queue whenever it is preempted, and
// every completion would wait behind them.
type workers struct {
	mu      sync.Mutex
	queue   []func()
	head    int
	running int
	max     int
}

func newWorkers(h *modules.Host) *workers {
	n := defaultWorkers
	if h.MaxAsync > 0 && h.MaxAsync < n {
		n = h.MaxAsync
	}
	return &workers{max: n}
}

// submit queues job. Safe from any goroutine.
func (w *workers) submit(job func()) {
	w.mu.Lock()
	w.queue = append(w.queue, job)
	if w.running < w.max {
		w.running++
		w.mu.Unlock()
		go w.work()
		return
	}
	w.mu.Unlock()
}

func (w *workers) work() {
	for {
		w.mu.Lock()
		if w.head == len(w.queue) {
			w.queue = w.queue[:0]
			w.head = 0
			w.running--
			w.mu.Unlock()
			return
		}
		job := w.queue[w.head]
		w.queue[w.head] = nil
		w.head++
		w.mu.Unlock()
		job()
		// The completion just posted may have woken the loop goroutine onto this P's run
		// queue, where it would wait for this worker's time slice to end (up to 10 ms) while
		// the worker goes on with the queue: let it run first.
		runtime.Gosched()
	}
}

// goDo runs work on the runtime's fs workers while holding a loop reservation of the given kind
// (eventloop.ReqFS for a callback, ReqFSPromise for a promise: node's FSReqCallback and
// FSReqPromise in process.getActiveResourcesInfo()), then done with its result on the loop
// (modules.Go's contract). Loop only.
func goDo[T any](s *state, kind eventloop.ReqKind, work func() (T, error), done func(T, error) error) {
	goDoTurns(s, kind, work, nil, done)
}

// goDoTurns is goDo for work that node does in several requests: work sets *turns to how many
// (each takes a turn of node's loop, eventloop.Pending.DoneAfter), and done runs in the I/O
// phase of that many turns. A nil turns is one. Loop only.
func goDoTurns[T any](s *state, kind eventloop.ReqKind, work func() (T, error), turns *int, done func(T, error) error) {
	p := s.h.Loop.ReserveKind(kind)
	s.work.submit(func() {
		v, err := work()
		if turns != nil {
			p.DoneAfter(*turns, func() error { return done(v, err) })
			return
		}
		p.Done(func() error { return done(v, err) })
	})
}
