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
	}
	return p
}

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
func (h *Handle) SetKind(kind string, owner any) {
	h.kind, h.owner = kind, owner
}

// ActiveHandle is a referenced open handle, as ActiveHandles reports it.
type ActiveHandle struct {
	Kind  string
	Owner any
}

// ActiveHandles returns the named handles that are open and referenced, in creation order.
// Loop only.
func (l *Loop) ActiveHandles() []ActiveHandle {
	var hs []*Handle
	for h := range l.handles {
		if h.kind != "" && h.HasRef() {
			hs = append(hs, h)
		}
	}
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
