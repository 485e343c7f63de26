package eventloop

import (
	"sort"
	"sync/atomic"
)

// What process.getActiveResourcesInfo(), process._getActiveRequests() and
// process._getActiveHandles() report: the kinds of the loop's live requests and handles, under
// libuv's wrap names. Tracking costs one atomic counter per kinded request and nothing for plain
// reservations; handles are listed from the set the loop keeps anyway.

// ReqKind names the kind of a reservation, as node names its request wraps.
type ReqKind uint8

// The request kinds. ReqNone (plain Reserve) is not reported.
const (
	ReqNone        ReqKind = iota
	ReqFS                  // FSReqCallback: an fs call with a callback
	ReqFSPromise           // FSReqPromise: an fs/promises call
	ReqGetAddrInfo         // GetAddrInfoReqWrap: dns.lookup
	ReqGetNameInfo         // GetNameInfoReqWrap: dns.lookupService
	ReqQuery               // QueryReqWrap: a dns resolver query
	ReqConnect             // ConnectWrap: a socket connecting
	ReqWrite               // WriteWrap: a stream write in flight
	ReqShutdown            // ShutdownWrap: a stream end in flight
	ReqSendWrap            // SendWrap: a dgram send
	numReqKinds
)

var reqNames = [numReqKinds]string{"", "FSReqCallback", "FSReqPromise", "GetAddrInfoReqWrap",
	"GetNameInfoReqWrap", "QueryReqWrap", "ConnectWrap", "WriteWrap", "ShutdownWrap", "SendWrap"}

// String is node's name for the kind.
func (k ReqKind) String() string {
	if k < numReqKinds {
		return reqNames[k]
	}
	return ""
}

// ReserveKind is Reserve for a request of the given kind, which the loop reports among its
// active requests until the reservation is done or cancelled. Loop only.
func (l *Loop) ReserveKind(kind ReqKind) *Pending {
	p := l.Reserve()
	if kind != ReqNone && kind < numReqKinds {
		p.kind = kind
		atomic.AddInt32(&l.reqs[kind], 1)
		p.asyncRes = true
		p.res = l.EmitInit(p.aid, reqAsyncTypes[kind], p.atid, nil)
	}
	return p
}

// ReserveAsync is Reserve for work node runs as an async resource of type typ that is no
// request wrap (a crypto job: "PBKDF2REQUEST"...): async hooks see its init now, its callback
// run in it, and its destroy after. res is the resource init gives the hooks (nil: the hooks
// make one; a string: the class name of the one they make, "PBKDF2Job"). It is not listed among
// the active requests. Loop only.
func (l *Loop) ReserveAsync(typ string, res any) *Pending {
	p := l.Reserve()
	p.asyncRes = true
	p.res = l.EmitInit(p.aid, typ, p.atid, res)
	return p
}

// NewAsyncResourceOf is NewAsyncResource for a resource whose object is res, made by the
// current execution (a zlib handle), emitting its init. Loop only.
func (l *Loop) NewAsyncResourceOf(typ string, res any) AsyncReq {
	r := AsyncReq{id: l.NewAsyncID(), trigger: l.as.cur.id}
	r.res = l.EmitInit(r.id, typ, r.trigger, res)
	return r
}

// ReserveIn is Reserve for work whose completion runs in r's execution (a write of a zlib
// handle: the handle's), with no init or destroy of its own. Loop only.
func (l *Loop) ReserveIn(r AsyncReq) *Pending {
	p := l.Reserve()
	if r.id != 0 {
		p.aid, p.atid, p.res = r.id, r.trigger, r.res
	}
	return p
}

// ReserveReq is ReserveIn for a request that ends with this work (a shutdown a handle made):
// its destroy follows the completion. Loop only.
func (l *Loop) ReserveReq(r AsyncReq) *Pending {
	p := l.ReserveIn(r)
	p.asyncRes = r.id != 0
	return p
}

// reqAsyncTypes are node's async_hooks types of the request kinds.
var reqAsyncTypes = [numReqKinds]string{"", "FSREQCALLBACK", "FSREQPROMISE", "GETADDRINFOREQWRAP",
	"GETNAMEINFOREQWRAP", "QUERYWRAP", "TCPCONNECTWRAP", "WRITEWRAP", "SHUTDOWNWRAP", "UDPSENDWRAP"}

// handleAsyncTypes are node's async_hooks types of the handle kinds (SetKind).
var handleAsyncTypes = map[string]string{"TCPSocketWrap": "TCPWRAP", "TCPServerWrap": "TCPSERVERWRAP",
	"PipeWrap": "PIPEWRAP", "PipeServerWrap": "PIPESERVERWRAP", "TTYWrap": "TTYWRAP",
	"ProcessWrap": "PROCESSWRAP", "UDPWrap": "UDPWRAP", "FSEventWrap": "FSEVENTWRAP",
	"StatWatcher": "STATWATCHER", "MessagePort": "MESSAGEPORT", "Signal": "SIGNALWRAP"}

// release drops the reservation's reference (and its kind's count). Any goroutine.
func (p *Pending) release() {
	if p.kind != ReqNone {
		atomic.AddInt32(&p.l.reqs[p.kind], -1)
	}
	p.l.unref()
}

// ActiveRequests returns the kinds of the live kinded reservations, one entry per request,
// grouped by kind. Loop only.
func (l *Loop) ActiveRequests() []string {
	var out []string
	for k := ReqKind(1); k < numReqKinds; k++ {
		for n := atomic.LoadInt32(&l.reqs[k]); n > 0; n-- {
			out = append(out, reqNames[k])
		}
	}
	return out
}

// SetKind names the handle as node names its handle wrap ("TCPSocketWrap", "TCPServerWrap",
// "PipeWrap", "TTYWrap", "ProcessWrap", "UDPWrap", "FSEventWrap", ...) and records owner, the
// JS object process._getActiveHandles() returns for it. An unnamed handle is not reported.
// Loop only.
func (h *Handle) SetKind(kind string, owner any) { h.SetKindType(kind, "", owner) }

// SetKindType is SetKind for a handle whose async hooks type is typ rather than its kind's
// (a Unix socket server: listed as a PipeWrap, a PIPESERVERWRAP to the hooks). Loop only.
func (h *Handle) SetKindType(kind, typ string, owner any) {
	h.kind, h.owner = kind, owner
	if !h.asyncRes && kind != "" {
		// the first name makes it a resource node's async hooks see
		if typ == "" {
			typ = handleAsyncTypes[kind]
		}
		if typ != "" {
			h.asyncRes = true
			h.aid = h.l.NewAsyncID()
			h.l.EmitInit(h.aid, typ, h.atid, owner)
		}
	}
}

// SetAsyncType makes the handle an async resource of type typ that is no libuv handle (a TLS
// session: node's TLSWRAP), made by the current execution: async hooks see its init now, with
// res as its resource, its callbacks run in its execution and its destroy follows its Close. It
// is not listed among the active handles (it has no kind). Loop only.
func (h *Handle) SetAsyncType(typ string, res any) {
	if h.asyncRes {
		return
	}
	h.asyncRes, h.owner = true, res
	h.aid, h.atid = h.l.NewAsyncID(), h.l.as.cur.id
	h.l.EmitInit(h.aid, typ, h.atid, res)
}

// AsyncReset gives the handle a new async identity, made now, as node's handle.asyncReset does
// when an http Agent hands a kept-alive socket to another request: its callbacks from then on
// run in the current async context (an AsyncLocalStorage's store), and async hooks see its old
// id destroyed and a new one made, for resource (its owner when nil). Loop only.
func (h *Handle) AsyncReset(resource any) {
	h.ctx, h.atid = h.l.actx, h.l.as.cur.id
	if !h.asyncRes {
		return
	}
	h.l.EmitDestroy(h.aid)
	h.aid = h.l.NewAsyncID()
	if resource == nil {
		resource = h.owner
	}
	h.l.EmitInit(h.aid, handleAsyncTypes[h.kind], h.atid, resource) // (a connection's: never a server's)
}

// AsyncID is the handle's async id and its trigger's. Loop only.
func (h *Handle) AsyncID() (id, trigger int64) { return h.aid, h.atid }

// SetJSRef records JS's ref() (true) or unref() (false) of a handle whose loop reference
// follows what it is doing, as a net socket's does (an idle socket keeps nothing alive but is
// still referenced as JS sees it, libuv's uv_has_ref): ActiveHandles then lists the handle by
// this state instead of by its loop reference. Loop only.
func (h *Handle) SetJSRef(ref bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if ref {
		h.jsRef = 1
	} else {
		h.jsRef = -1
	}
}

// listedRef is the handle's ref state for the listing (the loop reference unless JS's is
// recorded). Call with h.mu not held.
func (h *Handle) listedRef() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return false
	}
	if h.jsRef != 0 {
		return h.jsRef > 0
	}
	return h.refed
}

// closedListed is the close callback Close queues for a closed listed handle: it leaves the
// listing (if Delist did not take it out already).
func (h *Handle) closedListed() error {
	h.Delist()
	if h.asyncRes {
		h.l.EmitDestroy(h.aid)
	}
	return nil
}

// EnterAsync runs the rest of the loop's current callback in the handle's async execution (a
// close callback, as node's handle wraps make theirs). Loop only.
func (h *Handle) EnterAsync() { h.l.enterAsync(h.aid, h.atid, h.owner) }

// Enter runs the rest of the loop's current callback as one of the handle's own: in its async
// execution and its async context (what Post's callbacks run in). Loop only.
func (h *Handle) Enter() {
	h.l.switchCtx(h.ctx)
	h.l.enterAsync(h.aid, h.atid, h.owner)
}

// Delist takes a closed handle out of ActiveHandles, as its close callback starts. A handle
// stays listed from Close until the close phase runs its callbacks (Close queues one that
// delists it); a module whose own close callback, queued after Close and so run before Close's
// (the close phase runs newest first, as libuv's), is the handle's callback for JS calls
// Delist first, so that JS does not find the handle listed there, as node's does not. Loop
// only.
func (h *Handle) Delist() {
	l := h.l
	for i, c := range l.closingHandles {
		if c == h {
			n := len(l.closingHandles)
			copy(l.closingHandles[i:], l.closingHandles[i+1:])
			l.closingHandles[n-1] = nil
			l.closingHandles = l.closingHandles[:n-1]
			break
		}
	}
	if len(l.closingHandles) == 0 {
		l.closingHandles = nil
	}
}

// ActiveHandle is a referenced open handle, as ActiveHandles reports it.
type ActiveHandle struct {
	Kind  string
	Owner any
}

// ActiveHandles returns the named handles that are referenced (by their JS ref state when
// SetJSRef recorded one) and open, or closed but not yet past their close callback, in
// creation order. Loop only.
func (l *Loop) ActiveHandles() []ActiveHandle {
	var hs []*Handle
	for h := range l.handles {
		if h.kind != "" && h.listedRef() {
			hs = append(hs, h)
		}
	}
	hs = append(hs, l.closingHandles...)
	sort.Slice(hs, func(i, j int) bool { return hs[i].seq < hs[j].seq })
	out := make([]ActiveHandle, len(hs))
	for i, h := range hs {
		out[i] = ActiveHandle{Kind: h.kind, Owner: h.owner}
	}
	return out
}

// ActiveTimers reports how many referenced timers are live, counting a one-shot timer whose
// callback is running until it returns or is stopped (as node counts its Timeouts). Loop only.
func (l *Loop) ActiveTimers() int {
	n := l.refTimers
	if t := l.curTimer; t != nil && t.running && t.refed && !t.counted && !t.stopped {
		n++
	}
	return n
}

// ActiveImmediates reports how many referenced immediates are pending. Loop only.
func (l *Loop) ActiveImmediates() int { return l.immRefs }
