package modules

import "sync"

// WorkerMessage is one message between message ports, possibly across runtimes: Data is the value
// in V8's serialization format, Buffers the contents of transferred ArrayBuffers (by transfer
// index), Ports the transferred message ports. Sender, when not nil, says where it was posted
// from (worker_threads: the loop of the runtime whose port sent it), so that a receiver there
// knows it is called on its own loop.
type WorkerMessage struct {
	Data    []byte
	Buffers [][]byte
	Ports   []*Port
	Sender  any
}

// Port is one end of a message channel whose two ends may live in different runtimes. Messages
// posted to one end queue at the other until its owner sets a receiver. Safe from any goroutine.
type Port struct {
	mu      sync.Mutex
	peer    *Port
	deliver func(WorkerMessage)
	onClose func()
	queue   []WorkerMessage
	closed  bool
	// closePending: the channel closed while messages still waited for a receiver; they are
	// delivered first, then onClose.
	closePending bool
}

// NewPortPair returns the two entangled ends of a new channel.
func NewPortPair() (*Port, *Port) {
	a, b := &Port{}, &Port{}
	a.peer, b.peer = b, a
	return a, b
}

// Entangled reports whether q is the other end of p's channel.
func (p *Port) Entangled(q *Port) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return q != nil && p.peer == q
}

// Post sends m to the other end. It reports false if the channel is closed.
func (p *Port) Post(m WorkerMessage) bool {
	p.mu.Lock()
	peer := p.peer
	closed := p.closed
	p.mu.Unlock()
	if closed || peer == nil {
		return false
	}
	peer.mu.Lock()
	defer peer.mu.Unlock()
	if peer.closed {
		return false
	}
	if peer.deliver != nil {
		peer.deliver(m)
	} else {
		peer.queue = append(peer.queue, m)
	}
	return true
}

// SetReceiver makes fn receive this end's messages, starting with those queued, in order. fn is
// called with the port's lock held and must not block (it posts to its runtime's loop). onClose,
// if not nil, is called once when the channel closes.
func (p *Port) SetReceiver(fn func(WorkerMessage), onClose func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.deliver = fn
	if onClose != nil {
		p.onClose = onClose
	}
	if fn == nil {
		return
	}
	for _, m := range p.queue {
		fn(m)
	}
	p.queue = nil
	if p.closePending {
		p.closePending = false
		p.deliver = nil
		if cb := p.onClose; cb != nil {
			p.onClose = nil
			cb()
		}
	}
}

// TryReceive takes the oldest queued message of an end that has no receiver.
func (p *Port) TryReceive() (WorkerMessage, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.deliver != nil || len(p.queue) == 0 {
		return WorkerMessage{}, false
	}
	m := p.queue[0]
	p.queue = p.queue[1:]
	return m, true
}

// Close closes both ends; each end's onClose runs once, after the messages already sent to it.
func (p *Port) Close() {
	p.closeEnd(false)
	if p.peer != nil {
		p.peer.closeEnd(true)
	}
}

func (p *Port) closeEnd(remote bool) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.closed = true
	if remote && p.deliver == nil && len(p.queue) > 0 {
		p.closePending = true
		p.mu.Unlock()
		return
	}
	p.queue = nil
	p.deliver = nil
	fn := p.onClose
	p.onClose = nil
	p.mu.Unlock()
	if fn != nil {
		fn()
	}
}

// Closed reports whether the channel was closed.
func (p *Port) Closed() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.closed
}

// WorkerOptions describe a worker runtime for Host.NewWorker.
type WorkerOptions struct {
	// Filename is the script to run (absolute), or, with Eval, the source itself.
	Filename string
	Eval     bool
	Argv     []string
	ExecArgv []string
	// Env is the worker's process.env.
	Env map[string]string
	// ShareEnv (node's env: SHARE_ENV) makes the worker's process.env and its parent's one
	// environment: what either sets or deletes, the other reads at once. Env is then its
	// parent's environment as it is now.
	ShareEnv bool
	// ThreadID is the worker's threadId.
	ThreadID int
	// WorkerData is require('worker_threads').workerData in the worker, serialized.
	WorkerData WorkerMessage
	// Port is the worker's end of the parentPort channel.
	Port *Port
	// Shared is the worker_threads module's own state that a worker inherits (broadcast
	// channels); opaque to everything else.
	Shared any
	// Resource limits in MB (0: unlimited/default); StackSizeMb scales the call depth.
	MaxOldGenerationSizeMb, MaxYoungGenerationSizeMb, CodeRangeSizeMb, StackSizeMb float64
	// Stdout and Stderr receive the worker's process.stdout and process.stderr writes, as
	// node's worker stdio sends them: the first write at once, the ones made before the parent
	// asks for more (WorkerHandle.StdioWantsMore) together. They are called from the worker's
	// goroutine.
	Stdout, Stderr func(chunks [][]byte)
	// OwnProcess makes the worker stand for a process of its own (node:test run()'s files, which
	// node runs in child processes): a signal it sends its own pid (process.kill(process.pid,
	// sig)) reaches its own process listeners, or, without one, ends the worker as it would end
	// a process; OnExit then gets errCode "signal" and the signal's name as reason.
	OwnProcess bool
	// Stdin gives the worker a process.stdin fed by WorkerHandle.WriteStdin; without it the
	// worker's stdin is empty.
	Stdin bool
	// OnOnline, OnError and OnExit are called from the worker's goroutine: when it starts
	// running code, with its uncaught exception (serialized), and once when it has ended.
	// OnExit's errCode, when not empty, is the node error the worker ended by (node's
	// customErr: ERR_WORKER_OUT_OF_MEMORY), with its reason, or "signal" (see OwnProcess).
	OnOnline func()
	OnError  func(serialized []byte)
	OnExit   func(code int, errCode, reason string)
}

// WorkerHandle controls a running worker. Safe from any goroutine.
type WorkerHandle interface {
	// Terminate stops the worker as soon as possible; OnExit follows with code 1.
	Terminate()
	// StdioWantsMore says the parent's stream for fd 1 (stdout) or 2 (stderr) wants more.
	StdioWantsMore(fd int)
	// WriteStdin and EndStdin feed and end the worker's process.stdin (WorkerOptions.Stdin).
	WriteStdin(b []byte)
	EndStdin()
}

// WorkerInfo is set in a worker runtime's Host: what worker_threads tells the script.
type WorkerInfo struct {
	// Internal marks node's internal thread of module customization hooks (runtime/hooks.go):
	// not the main thread, with no parent port and no workerData.
	Internal bool
	// OwnProcess marks a worker that stands for a process of its own (WorkerOptions.OwnProcess):
	// it looks like a main thread (isMainThread, no parentPort or workerData), its Port is
	// reachable only by gojs's own glue (node:test's run()).
	OwnProcess bool
	ThreadID   int
	WorkerData WorkerMessage
	Port       *Port
	Shared     any
	// ResourceLimits are the limits as given, for worker_threads.resourceLimits.
	ResourceLimits [4]float64
}
