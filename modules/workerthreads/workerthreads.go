// Package workerthreads implements Node's worker_threads module:
// https://nodejs.org/api/worker_threads.html.
//
// A Worker is a whole gojs runtime (modules.Host.NewWorker, set by the runtime) running on its
// own goroutine with its own loop; in the parent it is a loop handle that stays referenced until
// the worker exits (unless unref'd). Its 'exit' comes after what the parent's ports were sent
// before it (messages for started ports, 'close' events), as node's. Messages are values in
// V8's serialization format (the v8 module's Serializer) carried between runtimes as Go bytes
// by modules.Port; transferred ArrayBuffers move without a copy (the sender's is detached), and
// MessagePorts can be transferred to other threads. BroadcastChannel reaches every runtime of one worker family, and
// so does postMessageToThread (to the runtimes of the family that have loaded worker_threads).
// Plain messages (primitives, plain objects, dense arrays) are encoded and decoded in Go; the
// rest goes through the v8 module's JS serializer, producing the same bytes.
//
// A SharedArrayBuffer in a message (workerData, postMessage or a BroadcastChannel) is shared, not
// copied: its memory travels after the transferred buffers and the receiver wraps it as a
// SharedArrayBuffer of its own (see modules/atomics). env: SHARE_ENV gives the worker and its
// parent one environment that both process.env read and write (the Go modules of each runtime
// that read Host.Env directly see the variables that runtime set itself). Differences from
// Node: resourceLimits.maxOldGenerationSizeMb is a soft ceiling on
// the process's Go heap growth (Go cannot account one runtime's heap) and stackSizeMb scales
// the call-depth limit;
// a worker's stdout/stderr chunks reach the parent in the order they were sent, relative to
// messages (node handles a batch of its internal port's messages before the public port's, so
// it may print a worker's buffered output before messages posted earlier); postMessage copies a
// Blob's bytes (node shares them) and does not carry web streams (structuredClone does);
// moveMessagePortToContext is a no-op (there are no vm contexts to move to); receiveMessageOnPort only sees
// messages on a port that has not been started; getHeapSnapshot is not supported.
package workerthreads

import (
	_ "embed"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed worker_threads.js
var glue string

// Module is "worker_threads".
var Module = modules.Module{Name: "worker_threads", Bind: bind, JSRef: &glue}

//go:embed io.js
var ioJS string

// IO is "internal/worker/io": MessageEvent (a global) and the NodeEventTarget MessagePort is.
var IO = modules.Module{Name: "internal/worker/io", Internal: true, JSRef: &ioJS}

// threadIDs numbers workers process-wide, as Node's threadId does.
var threadIDs atomic.Int64

// family is shared by a main runtime and all its workers: the broadcast channels, and the inboxes
// postMessageToThread delivers to (one per runtime that has loaded worker_threads, by threadId).
type family struct {
	mu      sync.Mutex
	subs    map[string]map[*subscriber]struct{}
	inboxes map[int]func(m modules.WorkerMessage, source int, reply func(status int)) bool
}

// Outcomes of postMessageToThread, as the receiving thread reports them.
const (
	threadMsgDelivered = 0
	threadMsgFailed    = 1 // no such thread, or no 'workerMessage' listener
	threadMsgErrored   = 2 // the listener threw
)

type subscriber struct {
	deliver func(modules.WorkerMessage)

	mu     sync.Mutex
	queued []modules.WorkerMessage // delivered, not yet dispatched or received
}

// pop takes the oldest queued message.
func (s *subscriber) pop() (modules.WorkerMessage, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.queued) == 0 {
		return modules.WorkerMessage{}, false
	}
	m := s.queued[0]
	s.queued[0] = modules.WorkerMessage{}
	s.queued = s.queued[1:]
	return m, true
}

type stateKey struct{}

func bind(h *modules.Host, o *goja.Object) error {
	vm := h.VM
	var fam *family
	if h.Worker != nil && h.Worker.Internal {
		o.Set("isMainThread", false)
		o.Set("internalThread", true)
		o.Set("threadId", h.Worker.ThreadID)
		o.Set("parentPort", goja.Null())
	} else if h.Worker != nil && h.Worker.OwnProcess {
		// (a worker standing for a process is that process's main thread; its port to the
		// parent is node:test's, under a name of gojs's own)
		o.Set("isMainThread", true)
		o.Set("threadId", 0)
		o.Set("parentPort", goja.Null())
		o.Set("processPort", h.Worker.Port)
	} else if h.Worker != nil {
		o.Set("isMainThread", false)
		o.Set("threadId", h.Worker.ThreadID)
		o.Set("parentPort", h.Worker.Port)
		d, b, p := message(vm, h.Worker.WorkerData)
		o.Set("workerData", []goja.Value{d, b, p})
		rl := h.Worker.ResourceLimits
		o.Set("resourceLimits", []float64{rl[0], rl[1], rl[2], rl[3]})
		fam, _ = h.Worker.Shared.(*family)
	} else {
		o.Set("isMainThread", true)
		o.Set("threadId", 0)
		o.Set("parentPort", goja.Null())
	}
	if fam == nil {
		fam = &family{subs: map[string]map[*subscriber]struct{}{}}
	}
	bindThreadMessaging(h, o, fam)
	// inbound counts what this runtime's ports have been sent and not yet dispatched: messages
	// posted to the loop for a started port, and 'close' events on their way (a channel closed
	// by the other end). A worker's 'exit' waits for them (see spawn's OnExit).
	var inbound atomic.Int64
	// walk says when a message one of this runtime's ports sends another one is delivered
	walk := &portWalk{loop: h.Loop}
	o.Set("available", h.NewWorker != nil)

	objProto := vm.Get("Object").ToObject(vm).Get("prototype").ToObject(vm)
	arrProto := vm.Get("Array").ToObject(vm).Get("prototype").ToObject(vm)
	miss := vm.NewObject()
	o.Set("fastMiss", miss)
	// fastSerialize(v) returns the message bytes as an ArrayBuffer, or null (use the JS path).
	o.Set("fastSerialize", func(c goja.FunctionCall) goja.Value {
		b := fastSerialize(vm, objProto, arrProto, c.Argument(0))
		if b == nil {
			return goja.Null()
		}
		return vm.ToValue(vm.NewArrayBuffer(b))
	})
	// fastDeserialize(ab) returns the value, or fastMiss (use the JS path).
	o.Set("fastDeserialize", func(c goja.FunctionCall) goja.Value {
		r := fastDeserialize(vm, bytesOf(c.Argument(0)))
		if r == nil {
			return miss
		}
		return r
	})
	// decoded, passed as a message's data, says that the value is already decoded: it comes
	// next, where the buffers would
	decoded := vm.NewObject()
	o.Set("decoded", decoded)
	o.Set("newPortPair", func() []any {
		a, b := modules.NewPortPair()
		return []any{a, b}
	})

	// attach(port, onMessage(data, buffers, ports), onClose(), owner) binds a Go port to this
	// runtime (a plain message comes as onMessage(decoded, value)); owner, the MessagePort, is what process._getActiveHandles() lists while the port
	// is referenced (has 'message' listeners or was ref'ed), as node's.
	o.Set("attach", func(p *modules.Port, onMessage, onClose goja.Callable, owner goja.Value) *goja.Object {
		if p == nil || onMessage == nil || onClose == nil { // (the port's internal method called by a program)
			panic(vm.NewTypeError("Illegal invocation"))
		}
		// A port still here when the runtime stops (a worker terminated or done) closes its
		// channel, so that the other end, maybe in another runtime, gets its 'close' and stops
		// holding its loop, as node closes the ports of an environment that goes away.
		hd := h.Loop.NewHandle(p.Close)
		hd.Unref()
		if ow, ok := owner.(*goja.Object); ok {
			hd.SetKind("MessagePort", ow)
		}
		seq := walk.newPort()
		// A started port's messages wait in pending until their turn on the loop, so that
		// receiveMessageOnPort can still take the next one first, as in node. deliver runs on the
		// sender's goroutine. While the port's handle is open (counted), its pending messages
		// and a 'close' on its way (closing) are in the runtime's inbound count; a closed
		// handle's posts never run, and it takes its share out.
		var mu sync.Mutex
		var pending []modules.WorkerMessage
		counted := true
		var closing atomic.Bool
		closeDone := func() {
			if closing.CompareAndSwap(true, false) {
				inbound.Add(-1)
			}
		}
		closed := false
		// closeHandle closes the port's handle; inCallback: from the port's close callback,
		// which stands for the handle's own (see emitClose)
		closeHandle := func(inCallback bool) {
			if !closed {
				closed = true
				if inCallback {
					hd.CloseInCallback()
				} else {
					hd.Close()
				}
				mu.Lock()
				if counted {
					counted = false
					inbound.Add(-int64(len(pending)))
				}
				mu.Unlock()
				closeDone()
			}
		}
		// takePending pops the oldest pending message (the caller holds mu).
		takePending := func() (modules.WorkerMessage, bool) {
			if len(pending) == 0 {
				return modules.WorkerMessage{}, false
			}
			m := pending[0]
			pending[0] = modules.WorkerMessage{}
			pending = pending[1:]
			if counted {
				inbound.Add(-1)
			}
			return m, true
		}
		// A message this port sends itself during its dispatch (selfQueued of them, while its
		// budget lasts) is dispatched next: one posted dispatch at a time is fed in after the
		// running one (in the callback numbered fedAt), which feeds the next.
		var selfQueued, budget int
		strong := false
		var fedAt uint64
		var dispatch func() error
		bound := hd.Bind(func() error { return dispatch() })
		// dispatch dispatches the oldest pending message (one posted dispatch per message).
		dispatch = func() error {
			mu.Lock()
			m, ok := takePending()
			mu.Unlock()
			if !ok {
				return nil
			}
			if cb := walk.begin(seq); cb != 0 {
				if fedAt != 0 && cb == fedAt+1 {
					selfQueued--
				} else {
					selfQueued, budget = 0, 999 // (node's dispatch takes up to 1000 messages, this one the first)
				}
				fedAt = 0
				if selfQueued > 0 {
					fedAt = cb
					hd.FeedNextBound(bound)
				}
			}
			if len(m.Buffers) == 0 && len(m.Ports) == 0 && m.Data != nil {
				// a plain message is decoded here, without an ArrayBuffer for the glue
				if v := fastDeserialize(vm, m.Data); v != nil {
					_, err := onMessage(goja.Undefined(), decoded, v)
					return err
				}
			}
			data, bufs, ports := message(vm, m)
			_, err := onMessage(goja.Undefined(), data, bufs, ports)
			return err
		}
		deliver := func(m modules.WorkerMessage) {
			mu.Lock()
			pending = append(pending, m)
			if counted {
				inbound.Add(1)
			}
			mu.Unlock()
			// (to an unref'd port, a message keeps nothing alive: node's program ends without
			// it when nothing else is left; but a port of gojs's own web streams transfer, whose
			// protocol waits on messages while nothing else may hold the loop: keepPosts)
			weak := !strong && !hd.HasRef()
			if m.Sender != any(h.Loop) {
				if weak {
					hd.PostWeak(dispatch)
				} else {
					hd.PostBound(bound)
				}
				return
			}
			// a message one of this runtime's ports sent (this is its loop): see portWalk
			if walk.dispatching() {
				if seq == walk.cur && budget > 0 {
					budget--
					selfQueued++
					if fedAt != walk.cb {
						fedAt = walk.cb
						hd.FeedNextBound(bound)
					}
					return
				}
				if walk.wake(seq, bound) {
					return
				}
			}
			walk.postLater(seq, bound, weak)
		}
		// A port's 'close' comes in a close-callbacks phase, as node's (its handle's close
		// callback): the port closed here in this turn's own close phase (close() runs on the
		// loop, and so does this then), where it closes the channel, as node's port
		// disentangles itself from its close callback; its other end, told of that by a
		// message (notifyClose, maybe on the closing end's goroutine), in the close phase of
		// the turn that takes the message, if the loop turns again: to an unref'd port that
		// message keeps nothing alive (PostWeak), as node ends without it when nothing else
		// is left (port2.close() with port1 unref'd: no 'close' on port1). selfClosed:
		// close() was called here.
		var selfClosed atomic.Bool
		emitClose := func() error {
			h.Loop.OnClose(func() error {
				closeDone()
				if closed {
					return nil // (its 'close' came, or it was given away)
				}
				closeHandle(true)
				if selfClosed.Load() {
					p.Close()
				}
				_, err := onClose(goja.Undefined())
				return err
			})
			return nil
		}
		notifyClose := func() {
			if closing.CompareAndSwap(false, true) {
				inbound.Add(1)
			}
			if !hd.PostWeak(emitClose) {
				closeDone()
			}
		}
		started := false
		ctl := vm.NewObject()
		ctl.Set("start", func() {
			if !started && !closed && !selfClosed.Load() {
				started = true
				p.SetReceiver(deliver, notifyClose)
			}
		})
		// delist takes the closed port out of the active handles before its close phase (a
		// worker's port is gone from node's by the worker's 'exit').
		ctl.Set("delist", func() { hd.Delist() })
		ctl.Set("stop", func() {
			if started && !selfClosed.Load() {
				started = false
				p.SetReceiver(nil, nil)
			}
		})
		p.SetReceiver(nil, notifyClose)
		ctl.Set("post", func(c goja.FunctionCall) goja.Value {
			m := modules.WorkerMessage{Data: bytesOf(c.Argument(0)), Sender: h.Loop}
			if len(c.Arguments) > 1 {
				m.Buffers = append(take(exportValues(c.Argument(1))), shareMem(exportValues(c.Argument(3)))...)
				m.Ports = exportPorts(c.Argument(2))
				for _, q := range m.Ports {
					if p.Entangled(q) {
						// the other end travels in its own message: nothing can receive it, and
						// the channel is lost (node warns; the caller does)
						p.Close()
						return vm.ToValue("lost")
					}
				}
			}
			if selfClosed.Load() || !p.Post(m) {
				// a message nothing receives (or that a closing port sends) is dropped with the
				// ports it carried: their channels close, as node's do when the message goes
				for _, q := range m.Ports {
					q.Close()
				}
				return vm.ToValue(false)
			}
			return vm.ToValue(true)
		})
		// receive() returns [data, buffers, ports] of the next queued message, or undefined.
		ctl.Set("receive", func() goja.Value {
			mu.Lock()
			m, ok := takePending()
			mu.Unlock()
			if !ok && !selfClosed.Load() {
				m, ok = p.TryReceive()
			}
			if !ok {
				return goja.Undefined()
			}
			d, b, ps := message(vm, m)
			return vm.ToValue([]goja.Value{d, b, ps})
		})
		// postPlain(value) posts a plain message (fastSerialize's), without an ArrayBuffer for the
		// glue: false when value is not one (the glue serializes it), true once posted or dropped.
		ctl.Set("postPlain", func(v goja.Value) bool {
			b := fastSerialize(vm, objProto, arrProto, v)
			if b == nil {
				return false
			}
			if !selfClosed.Load() {
				p.Post(modules.WorkerMessage{Data: b, Sender: h.Loop})
			}
			return true
		})
		// close() stops the port receiving (what the other end sends meanwhile is dropped with
		// the channel) and closes it in this turn's close phase.
		ctl.Set("close", func() {
			if selfClosed.Swap(true) || closed {
				return
			}
			p.SetReceiver(nil, func() {})
			if closing.CompareAndSwap(false, true) {
				inbound.Add(1)
			}
			_ = emitClose()
		})
		ctl.Set("ref", func() {
			if !closed {
				hd.Ref()
			}
		})
		ctl.Set("unref", func() { hd.Unref() })
		ctl.Set("hasRef", func() bool { return hd.HasRef() })
		// keepPosts makes the port's messages keep the loop alive until dispatched, however it
		// is ref'd (the ports of a transferred web stream: see sendStream)
		ctl.Set("keepPosts", func() { strong = true })
		// detach gives the Go port away (transfer): this runtime stops receiving from it.
		ctl.Set("detach", func() *modules.Port {
			p.SetReceiver(nil, func() {})
			closeHandle(false)
			return p
		})
		return ctl
	})

	// takeBuffers detaches ArrayBuffers for transfer and returns their memory.
	o.Set("detach", func(ab goja.ArrayBuffer) { ab.Detach() })
	// closePorts closes the channels of the given (detached) ports: those of a message dropped.
	o.Set("closePorts", func(v goja.Value) {
		for _, q := range exportPorts(v) {
			q.Close()
		}
	})

	// newThreadId takes the next thread id, as node's Worker does (making its thread's handle)
	// before it clones workerData: a worker whose data cannot be cloned uses one up too.
	o.Set("newThreadId", func() int64 { return threadIDs.Add(1) })
	// workerResource(handle) makes a worker's async resource (node's type WORKER), whose object
	// is handle, and returns its async id, for spawn's opts.asyncId.
	o.Set("workerResource", func(handle goja.Value) int64 {
		aid := h.Loop.NewAsyncID()
		trigger, _, _ := h.Loop.ExecAsync()
		h.Loop.EmitInit(aid, "WORKER", trigger, handle)
		return aid
	})
	// spawn(opts, cb) starts a worker; cb gets ('online'), ('error', data), ('exit', code),
	// ('stdout'|'stderr', [ArrayBuffer]).
	o.Set("spawn", func(opts *goja.Object, cb goja.Callable) *goja.Object {
		aid := opts.Get("asyncId").ToInteger()
		if h.NewWorker == nil {
			h.Loop.EmitDestroy(aid)
			h.Throw(modules.NewError("Error", "ERR_WORKER_INIT_FAILED", "Worker initialization failure: workers are not available"))
		}
		if err := h.Check(modules.ScopeWorker, ""); err != nil {
			h.Loop.EmitDestroy(aid)
			h.Throw(err)
		}
		id := int(opts.Get("threadId").ToInteger())
		hd := h.Loop.NewHandle(nil)
		emit := func(args ...goja.Value) func() error {
			return func() error {
				_, err := cb(goja.Undefined(), args...)
				return err
			}
		}
		str := func(k string) string {
			v := opts.Get(k)
			if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
				return ""
			}
			return v.String()
		}
		num := func(k string) float64 {
			v := opts.Get(k)
			if v == nil || goja.IsUndefined(v) {
				return 0
			}
			return v.ToFloat()
		}
		var argv, execArgv []string
		_ = vm.ExportTo(opts.Get("argv"), &argv)
		_ = vm.ExportTo(opts.Get("execArgv"), &execArgv)
		env := map[string]string{}
		if e := opts.Get("env"); e != nil && !goja.IsUndefined(e) && !goja.IsNull(e) {
			eo := e.ToObject(vm)
			for _, k := range eo.Keys() {
				env[k] = eo.Get(k).String()
			}
		} else {
			for k, v := range h.Env {
				env[k] = v
			}
		}
		port := opts.Get("port").Export().(*modules.Port)
		wd := modules.WorkerMessage{Data: bytesOf(opts.Get("data")), Buffers: append(take(exportValues(opts.Get("buffers"))), shareMem(exportValues(opts.Get("shared")))...),
			Ports: exportPorts(opts.Get("ports"))}
		var exited atomic.Bool
		// the worker is an async resource of node's type WORKER, made now (before its port) and
		// destroyed once its 'exit' is out; the init hook's resource is ctl, which answers hasRef
		// as node's handle does: as it was last ref'ed or unref'ed, also in 'exit' listeners, and
		// undefined once the 'exit' is out (the handle closed)
		refed, closed := true, false
		// stdio(name) hands a worker's output chunks to cb(name, [ArrayBuffer]) on this loop.
		stdio := func(name string) func([][]byte) {
			return func(chunks [][]byte) {
				hd.Post(func() error {
					abs := make([]any, len(chunks))
					for i, c := range chunks {
						abs[i] = vm.NewArrayBuffer(c)
					}
					_, err := cb(goja.Undefined(), vm.ToValue(name), vm.ToValue(abs))
					return err
				})
			}
		}
		handle, err := h.NewWorker(modules.WorkerOptions{
			Filename: str("filename"), Eval: opts.Get("eval").ToBoolean(),
			Argv: argv, ExecArgv: execArgv, Env: env, ShareEnv: opts.Get("shareEnv").ToBoolean(), ThreadID: id, WorkerData: wd, Port: port, Shared: fam,
			MaxOldGenerationSizeMb: num("maxOldGenerationSizeMb"), MaxYoungGenerationSizeMb: num("maxYoungGenerationSizeMb"),
			CodeRangeSizeMb: num("codeRangeSizeMb"), StackSizeMb: num("stackSizeMb"),
			Stdout: stdio("stdout"), Stderr: stdio("stderr"), Stdin: opts.Get("stdin").ToBoolean(),
			OwnProcess: opts.Get("ownProcess").ToBoolean(),
			OnOnline:   func() { hd.Post(emit(vm.ToValue("online"))) },
			OnError: func(data []byte) {
				hd.Post(func() error {
					var v goja.Value = goja.Null()
					if data != nil {
						v = vm.ToValue(vm.NewArrayBuffer(data))
					}
					_, err := cb(goja.Undefined(), vm.ToValue("error"), v)
					return err
				})
			},
			OnExit: func(code int, errCode, reason string) {
				exited.Store(true)
				// As node's, the messages and 'close' events the worker sent to ports here come
				// before its 'exit': those already on their way, and those of a port started
				// after the worker ended but before the 'exit' came out (its backlog). The
				// 'exit' goes after them, posted again while any is still undispatched (a
				// 'close' waits for a close phase); a bounded number of times, so that a port
				// kept busy from elsewhere cannot hold it back.
				var emitExit func() error
				waits := 0
				emitExit = func() error {
					if inbound.Load() > 0 && waits < 8 {
						waits++
						if hd.Post(emitExit) {
							return nil
						}
					}
					hd.Close()
					var ev goja.Value = goja.Undefined()
					if errCode != "" {
						ev = vm.ToValue([]string{errCode, reason})
					}
					_, err := cb(goja.Undefined(), vm.ToValue("exit"), vm.ToValue(code), ev)
					closed = true
					h.Loop.EmitDestroy(aid)
					return err
				}
				hd.Post(emitExit)
			},
		})
		if err != nil {
			hd.Close()
			h.Loop.EmitDestroy(aid)
			h.Throw(err)
		}
		ctl := opts.Get("handle").ToObject(vm)
		ctl.Set("threadId", id)
		ctl.Set("terminate", func() { handle.Terminate() })
		ctl.Set("wantMore", func(fd int) { handle.StdioWantsMore(fd) })
		ctl.Set("writeStdin", func(c goja.FunctionCall) goja.Value {
			if b := bytesOf(c.Argument(0)); len(b) > 0 {
				handle.WriteStdin(b)
			}
			return goja.Undefined()
		})
		ctl.Set("endStdin", func() { handle.EndStdin() })
		ctl.Set("ref", func() {
			refed = true
			if !exited.Load() {
				hd.Ref()
			}
		})
		ctl.Set("unref", func() {
			refed = false
			hd.Unref()
		})
		ctl.Set("hasRef", func() goja.Value {
			if closed {
				return goja.Undefined()
			}
			return vm.ToValue(refed)
		})
		return ctl
	})

	// broadcast(name, onMessage) subscribes this runtime to a broadcast channel; the result posts
	// to every other subscriber and closes the subscription.
	o.Set("broadcast", func(name string, onMessage goja.Callable) *goja.Object {
		hd := h.Loop.NewHandle(nil)
		sub := &subscriber{}
		// A message waits in the queue until its turn on the loop, where it is dispatched unless
		// receiveMessageOnPort took it first (each posted turn dispatches the oldest one left).
		sub.deliver = func(m modules.WorkerMessage) {
			sub.mu.Lock()
			sub.queued = append(sub.queued, m)
			sub.mu.Unlock()
			hd.Post(func() error {
				m, ok := sub.pop()
				if !ok {
					return nil
				}
				data, shared, _ := message(vm, m)
				_, err := onMessage(goja.Undefined(), data, shared)
				return err
			})
		}
		fam.mu.Lock()
		if fam.subs[name] == nil {
			fam.subs[name] = map[*subscriber]struct{}{}
		}
		fam.subs[name][sub] = struct{}{}
		fam.mu.Unlock()
		ctl := vm.NewObject()
		// post(data, shared) sends data to the other subscribers, with the memory of the
		// SharedArrayBuffers it holds (shared, not copied).
		ctl.Set("post", func(data, shared goja.Value) {
			m := modules.WorkerMessage{Data: bytesOf(data), Buffers: shareMem(exportValues(shared))}
			fam.mu.Lock()
			for s := range fam.subs[name] {
				if s != sub {
					s.deliver(m)
				}
			}
			fam.mu.Unlock()
		})
		ctl.Set("close", func() {
			fam.mu.Lock()
			delete(fam.subs[name], sub)
			fam.mu.Unlock()
			hd.Close()
		})
		// receive takes the oldest message not yet dispatched ([data, shared]), or undefined.
		ctl.Set("receive", func() goja.Value {
			m, ok := sub.pop()
			if !ok {
				return goja.Undefined()
			}
			data, shared, _ := message(vm, m)
			return vm.NewArray(data, shared)
		})
		ctl.Set("ref", func() { hd.Ref() })
		ctl.Set("unref", func() { hd.Unref() })
		ctl.Set("hasRef", func() bool { return hd.HasRef() })
		return ctl
	})
	return nil
}

var _ = eventloop.ErrClosed

// bindThreadMessaging gives the binding threadInbox and postToThread (postMessageToThread).
// Loop only.
func bindThreadMessaging(h *modules.Host, o *goja.Object, fam *family) {
	vm := h.VM
	self := 0
	if h.Worker != nil {
		self = h.Worker.ThreadID
	}
	// threadInbox(onMessage(data, buffers, ports, source) -> status) makes this runtime reachable
	// by postMessageToThread until it closes. The inbox does not keep the loop alive.
	o.Set("threadInbox", func(onMessage goja.Callable) {
		// replies still owed when the runtime closes are failures: the message was not handled
		var mu sync.Mutex
		pending := map[*func(int)]struct{}{}
		hd := h.Loop.NewHandle(func() {
			fam.mu.Lock()
			delete(fam.inboxes, self)
			fam.mu.Unlock()
			mu.Lock()
			owed := pending
			pending = nil
			mu.Unlock()
			for r := range owed {
				(*r)(threadMsgFailed)
			}
		})
		hd.Unref()
		fam.mu.Lock()
		if fam.inboxes == nil {
			fam.inboxes = map[int]func(modules.WorkerMessage, int, func(int)) bool{}
		}
		fam.inboxes[self] = func(m modules.WorkerMessage, source int, reply func(int)) bool {
			mu.Lock()
			if pending == nil {
				mu.Unlock()
				return false
			}
			pending[&reply] = struct{}{}
			mu.Unlock()
			return hd.Post(func() error {
				mu.Lock()
				delete(pending, &reply)
				mu.Unlock()
				data, bufs, ports := message(vm, m)
				status := threadMsgErrored
				defer func() { reply(status) }()
				v, err := onMessage(goja.Undefined(), data, bufs, ports, vm.ToValue(source))
				if err != nil {
					return err
				}
				status = int(v.ToInteger())
				return nil
			})
		}
		fam.mu.Unlock()
	})
	// hasThread(id) reports whether thread id can be posted to (the main thread routes messages
	// and fails unknown destinations before it serializes anything, as node's hub does).
	o.Set("hasThread", func(id int) bool {
		fam.mu.Lock()
		defer fam.mu.Unlock()
		return fam.inboxes[id] != nil
	})
	// postToThread(id, data, buffers, ports, shared, done(status)) sends a message to thread id's
	// inbox; done runs on this loop with the receiver's outcome.
	o.Set("postToThread", func(c goja.FunctionCall) goja.Value {
		id := int(c.Argument(0).ToInteger())
		m := modules.WorkerMessage{Data: bytesOf(c.Argument(1))}
		done, _ := goja.AssertFunction(c.Argument(5))
		hd := h.Loop.NewHandle(nil)
		var once sync.Once
		reply := func(status int) {
			once.Do(func() {
				hd.Post(func() error {
					hd.Close()
					_, err := done(goja.Undefined(), vm.ToValue(status))
					return err
				})
			})
		}
		fam.mu.Lock()
		inbox := fam.inboxes[id]
		fam.mu.Unlock()
		if inbox == nil {
			reply(threadMsgFailed)
			return goja.Undefined()
		}
		if !goja.IsUndefined(c.Argument(2)) {
			m.Buffers = append(take(exportValues(c.Argument(2))), shareMem(exportValues(c.Argument(4)))...)
			m.Ports = exportPorts(c.Argument(3))
		}
		if !inbox(m, self, reply) {
			reply(threadMsgFailed)
		}
		return goja.Undefined()
	})
}

// message converts a received message for JS: (data ArrayBuffer, [ArrayBuffer], [port]); the
// lists are undefined when empty.
func message(vm *goja.Runtime, m modules.WorkerMessage) (goja.Value, goja.Value, goja.Value) {
	var data goja.Value = goja.Undefined()
	if m.Data != nil {
		data = vm.ToValue(vm.NewArrayBuffer(m.Data))
	}
	if len(m.Buffers) == 0 && len(m.Ports) == 0 {
		return data, goja.Undefined(), goja.Undefined()
	}
	bufs := make([]any, len(m.Buffers))
	for i, b := range m.Buffers {
		bufs[i] = vm.NewArrayBuffer(b)
	}
	ports := make([]any, len(m.Ports))
	for i, p := range m.Ports {
		ports[i] = p
	}
	return data, vm.ToValue(bufs), vm.ToValue(ports)
}

// bytesOf returns the bytes of a Buffer/typed array/ArrayBuffer (shared, not copied: the glue
// never reuses a serialized message's memory).
func bytesOf(v goja.Value) []byte {
	if v == nil {
		return nil
	}
	switch x := modules.ExportCheap(v).(type) {
	case []byte:
		return x
	case goja.ArrayBuffer:
		return x.Bytes()
	}
	return nil
}

// take detaches transferred ArrayBuffers and returns their memory, which moves to the receiver.
func take(vals []goja.Value) [][]byte {
	out := make([][]byte, len(vals))
	for i, v := range vals {
		if ab, ok := modules.ExportAs[goja.ArrayBuffer](v); ok {
			out[i] = ab.Bytes()
			ab.Detach()
		}
	}
	return out
}

// shareMem returns the memory of SharedArrayBuffers, which the receiver wraps as its own
// SharedArrayBuffers over the same bytes.
func shareMem(vals []goja.Value) [][]byte {
	out := make([][]byte, len(vals))
	for i, v := range vals {
		if ab, ok := modules.ExportAs[goja.ArrayBuffer](v); ok {
			out[i] = ab.Bytes()
		}
	}
	return out
}

func exportValues(v goja.Value) []goja.Value {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	n := int(o.Get("length").ToInteger())
	out := make([]goja.Value, n)
	for i := range out {
		out[i] = o.Get(itoa(i))
	}
	return out
}

func exportPorts(v goja.Value) []*modules.Port {
	var out []*modules.Port
	for _, x := range exportValues(v) {
		if p, ok := modules.ExportAs[*modules.Port](x); ok {
			out = append(out, p)
		}
	}
	return out
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
