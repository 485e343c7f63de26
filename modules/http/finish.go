package http

import (
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// The tick that follows a response fastEnd wrote whole: http.js's onFinish(res), which runs
// the server's own 'finish' handling (resOnFinish: the request leaves the connection's queue
// and is marked dumped, the response is detached from its socket and closed, the connection
// starts its keep-alive wait) and then emits 'finish'. For the usual response (nothing listens
// on it, its request was never read as a stream, the connection's keep-alive check is armed and
// nothing else waits on the socket) the tick does the same writes from Go, in the same order:
// no call into JS per request. Anything else, checked before anything is written, runs the JS
// onFinish as before.

// finishState is the Go side of that tick: the responses queued, in tick order (each queued
// tick takes the oldest), and what the check compares with (setFinishInfo).
type finishState struct {
	q    []*goja.Object
	head int
	tick func() error // fs.finishTick, made once
	// The responses whose emitCloseNT tick finishFast queued, in order, and that tick.
	cq        []*goja.Object
	chead     int
	closeTick func() error

	emitCloseNT goja.Callable
	eeEmit      *goja.Object // EventEmitter.prototype.emit, once events has loaded

	kState, kConnState, kLazy *goja.Symbol
	detachSocket              *goja.Object // ServerResponse.prototype.detachSocket as http.js made it
	setTimeoutFn              *goja.Object // the last socket.setTimeout seen to be a function

	nowMs int64
	nowV  goja.Value

	vTrue, vFalse goja.Value
}

var (
	fkSocket       = modules.NewKey("socket")
	fkHadError     = modules.NewKey("_hadError")
	fkReq          = modules.NewKey("req")
	fkComplete     = modules.NewKey("complete")
	fkDetachSocket = modules.NewKey("detachSocket")
	fkEvents       = modules.NewKey("_events")
	fkClosed       = modules.NewKey("_closed")
	fkDumped       = modules.NewKey("_dumped")
	fkLast         = modules.NewKey("_last")
	fkSetTimeout   = modules.NewKey("setTimeout")
	fkTimeout      = modules.NewKey("timeout")
)

// bindFinish adds setFinishInfo(kState, kConnState, kLazy, detachSocket).
func bindFinish(h *modules.Host, b *modules.LazyFuncs, fs *fastState) {
	b.Set("setFinishInfo", func(c goja.FunctionCall) goja.Value {
		f := &fs.finish
		f.kState, _ = c.Argument(0).(*goja.Symbol)
		f.kConnState, _ = c.Argument(1).(*goja.Symbol)
		f.kLazy, _ = c.Argument(2).(*goja.Symbol)
		f.detachSocket, _ = c.Argument(3).(*goja.Object)
		f.emitCloseNT, _ = goja.AssertFunction(c.Argument(4))
		return goja.Undefined()
	})
	b.Set("setEventsEmit", func(c goja.FunctionCall) goja.Value {
		fs.finish.eeEmit, _ = c.Argument(0).(*goja.Object)
		return goja.Undefined()
	})
	fs.finish.tick = fs.finishTick
	fs.finish.closeTick = fs.closeTick
	fs.finish.vTrue, fs.finish.vFalse = h.VM.ToValue(true), h.VM.ToValue(false)
}

// queueFinish queues onFinish(res) as the next tick. Loop only.
func (fs *fastState) queueFinish(res *goja.Object) {
	f := &fs.finish
	if f.head > 0 && f.head == len(f.q) {
		f.q, f.head = f.q[:0], 0
	}
	f.q = append(f.q, res)
	fs.h.Loop.NextTickGo(f.tick)
}

// finishTick is one queued onFinish(res).
func (fs *fastState) finishTick() error {
	f := &fs.finish
	res := popResponse(&f.q, &f.head)
	if done, err := fs.finishFast(res); done || err != nil {
		return err
	}
	_, err := fs.onFinish(goja.Undefined(), res)
	return err
}

// nilOrNull reports a connection-state slot that reads as null: unset (the prototype's null)
// or null.
func nilOrNull(v goja.Value) bool { return v == nil || goja.IsNull(v) }

// finishFast is onFinish(res) (http.js) for the usual response, reporting false, having
// written nothing, for any other.
func (fs *fastState) finishFast(res *goja.Object) (done bool, err error) {
	f := &fs.finish
	if f.kState == nil || f.kConnState == nil || f.kLazy == nil || f.detachSocket == nil || f.emitCloseNT == nil {
		return false, nil
	}
	// onFinish: if (outmsg.socket._hadError) return; the connection state is res[kConnState],
	// or the socket's kState for fastRequest's responses (kConnState undefined).
	sock, ok := fs.kc.Get(res, fkSocket).(*goja.Object)
	if !ok {
		return false, nil
	}
	var stV goja.Value
	if cs := modules.GetSym(res, f.kConnState); cs == nil || goja.IsUndefined(cs) {
		stV = modules.GetSym(sock, f.kState)
	} else {
		stV = cs
	}
	st, stOK := modules.DynamicOf(stV).(*connState)
	ch := &fs.chains
	var hadError goja.Value
	if stOK && st.slots[4] == goja.Value(sock) {
		hadError = ch.hadError.GetWith(sock, &st.own, ownHadError)
	} else {
		hadError = ch.hadError.Get(sock)
	}
	if modules.Truthy(hadError) || !stOK {
		return false, nil
	}
	// resOnFinish(res.req, res, state.socket, state, state.server): only its usual case.
	req, ok := fs.kc.Get(res, fkReq).(*goja.Object)
	if !ok || st.slots[4] != goja.Value(sock) {
		return false, nil
	}
	server, ok := st.slots[3].(*goja.Object)
	if !ok {
		return false, nil
	}
	if inc, ok := st.slots[0].(*goja.Object); !ok || inc != req || !nilOrNull(st.slots[1]) {
		return false, nil // not the only request waiting on the connection
	}
	if lazy := modules.GetSym(req, f.kLazy); lazy == nil || !lazy.StrictEquals(f.vFalse) ||
		!modules.Truthy(fs.kc.Get(req, fkComplete)) {
		return false, nil // the request is a stream by now, or has a body still coming
	}
	if det, ok := fs.kc.Get(res, fkDetachSocket).(*goja.Object); !ok || det != f.detachSocket {
		return false, nil
	}
	if ev := fs.kc.Get(res, fkEvents); ev != nil && !goja.IsUndefined(ev) {
		return false, nil // a listener was added: 'close' and 'finish' are emitted
	}
	if modules.Truthy(fs.kc.Get(res, fkLast)) || !nilOrNull(st.slots[15]) {
		return false, nil
	}
	ka := fs.kc.Get(server, rkKeepAliveTimeout)
	keepAlive := modules.Truthy(ka)
	if keepAlive {
		fn, ok := ch.setTimeout.GetWith(sock, &st.own, ownSetTimeout).(*goja.Object)
		if !ok {
			return false, nil
		}
		if fn != f.setTimeoutFn {
			if _, isFn := goja.AssertFunction(fn); !isFn {
				return false, nil
			}
			f.setTimeoutFn = fn
		}
		if modules.Truthy(ch.sockTimeout.GetWith(sock, &st.own, ownTimeout)) || modules.Truthy(fs.kc.Get(server, fkTimeout)) {
			return false, nil // socket.setTimeout(keepAliveTimeout) itself
		}
		if kt := st.slots[12]; kt != nil && goja.IsNull(kt) {
			return false, nil // the keep-alive check is not armed (armKeepAlive)
		}
	}
	// The writes resOnFinish makes, in its order.
	st.slots[0] = goja.Null() // state.incoming = null
	// (A setter a user put on a prototype may throw: the error ends the tick, as in JS.)
	if err := fs.kc.AddOwn(req, fkDumped, f.vTrue); err != nil { // (made later, the stream state starts ended and closed)
		return true, err
	}
	if err := modules.SetKey(sock, ekHTTPMessage, goja.Null()); err != nil {
		return true, err
	}
	if err := modules.SetKey(res, fkSocket, goja.Null()); err != nil {
		return true, err
	}
	// process.nextTick(emitCloseNT, res)
	if f.chead > 0 && f.chead == len(f.cq) {
		f.cq, f.chead = f.cq[:0], 0
	}
	f.cq = append(f.cq, res)
	fs.h.Loop.NextTickGo(f.closeTick)
	if keepAlive {
		if now := time.Now().UnixMilli(); now != f.nowMs || f.nowV == nil {
			f.nowMs, f.nowV = now, fs.h.VM.ToValue(now)
		}
		st.slots[11] = f.nowV  // idleAt
		st.slots[14] = f.vTrue // lazyKeepAlive
		st.slots[13] = f.vTrue // keepAliveTimeoutSet
	}
	return true, nil
}

// closeTick is one emitCloseNT(res) that finishFast queued: done in Go when the response has
// not closed yet, has no listener and emits with EventEmitter's own emit (which then has
// nothing to call), else by the JS function.
func (fs *fastState) closeTick() error {
	f := &fs.finish
	res := popResponse(&f.cq, &f.chead)
	if modules.Truthy(fs.kc.Get(res, fkClosed)) {
		return nil // if (!self._closed)
	}
	if ev := fs.kc.Get(res, fkEvents); (ev == nil || goja.IsUndefined(ev)) && f.eeEmit != nil {
		if em, ok := fs.chains.resEmit.Get(res).(*goja.Object); ok && em == f.eeEmit {
			if err := modules.SetKey(res, ekDestroyed, f.vTrue); err != nil {
				return err
			}
			return fs.kc.AddOwn(res, fkClosed, f.vTrue)
		}
	}
	_, err := f.emitCloseNT(goja.Undefined(), res)
	return err
}

// popResponse takes the oldest response of the queue *q whose first unread slot is *head (the
// slots before it are spent); the queue's memory is reused once it has been read through.
func popResponse(q *[]*goja.Object, head *int) *goja.Object {
	res := (*q)[*head]
	(*q)[*head] = nil
	*head++
	if *head == len(*q) {
		*q, *head = (*q)[:0], 0
	}
	return res
}
