package http

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// The usual request (HTTP/1.1 keep-alive, no body, no Expect, no upgrade, not HEAD: the
// parser's flag 8) on a server with the default classes and nothing pending on the socket is
// made here, in Go, with parserOnHeaders' and fastRequest's (http.js) checks and writes in
// their order: newReqRes (JS) makes the two object literals, so the message and the response
// are the same objects fastRequest makes; the connection state's fields are written in Go
// (its slots); server.emit('request', req, res) is called from Go; and the completion of the
// bodiless request follows. Anything the checks do not take, checked before anything is
// written, goes to parserOnHeaders as before.

// fastReqState is what the check compares with (binding.setFastRequest).
type fastReqState struct {
	ready                   bool
	imCtor, srCtor, srProto *goja.Object
	socketOnClose           *goja.Object
	newReqRes, completeTail goja.Callable
	kResCloseListener       *goja.Symbol
	kLazy, kPausedByReq     *goja.Symbol
	kaDefault               goja.Value
	emit                    callableCache // server.emit
	vRequest, vTrue, vFalse goja.Value
	vZero                   goja.Value
	// Argument scratch for the calls to newReqRes (a JS function: a call copies its arguments
	// onto goja's stack first) and emit (native: it reads them while listeners run, so its
	// scratch is lent only while no other emit from here uses it).
	mkArgs   [4]goja.Value
	emitArgs [3]goja.Value
	emitBusy bool
}

var (
	rkMaxHeadersCount      = modules.NewKey("maxHeadersCount")
	rkIncomingMessage      = modules.NewKey("IncomingMessage")
	rkServerResponse       = modules.NewKey("ServerResponse")
	rkJoinDuplicateHeaders = modules.NewKey("joinDuplicateHeaders")
	rkRequireHostHeader    = modules.NewKey("requireHostHeader")
	rkMaxRequestsPerSocket = modules.NewKey("maxRequestsPerSocket")
	rkKeepAliveTimeout     = modules.NewKey("keepAliveTimeout")
	rkEmit                 = modules.NewKey("emit")
	rkUpgrade              = modules.NewKey("upgrade")
	rkClose                = modules.NewKey("close")
)

// bindFastRequest adds setFastRequest(IncomingMessage, ServerResponse, socketOnClose,
// newReqRes, completeTail, kResCloseListener, kLazy, kPausedByReq, kDefaultKeepAliveTimeout).
func bindFastRequest(vm *goja.Runtime, b *goja.Object, sh *parserShared) {
	fr := &sh.fr
	fr.vRequest, fr.vTrue, fr.vFalse, fr.vZero = vm.ToValue("request"), vm.ToValue(true), vm.ToValue(false), vm.ToValue(0)
	b.Set("setFastRequest", func(c goja.FunctionCall) goja.Value {
		fr.imCtor, _ = c.Argument(0).(*goja.Object)
		fr.srCtor, _ = c.Argument(1).(*goja.Object)
		fr.socketOnClose, _ = c.Argument(2).(*goja.Object)
		var ok1, ok2 bool
		fr.newReqRes, ok1 = goja.AssertFunction(c.Argument(3))
		fr.completeTail, ok2 = goja.AssertFunction(c.Argument(4))
		fr.kResCloseListener, _ = c.Argument(5).(*goja.Symbol)
		fr.kLazy, _ = c.Argument(6).(*goja.Symbol)
		fr.kPausedByReq, _ = c.Argument(7).(*goja.Symbol)
		fr.kaDefault = c.Argument(8)
		if fr.srCtor != nil {
			fr.srProto, _ = fr.srCtor.Get("prototype").(*goja.Object)
		}
		fr.ready = fr.imCtor != nil && fr.srCtor != nil && fr.srProto != nil && fr.socketOnClose != nil && ok1 && ok2 &&
			fr.kResCloseListener != nil && fr.kLazy != nil && fr.kPausedByReq != nil
		return goja.Undefined()
	})
}

// isNumberOrNullish reports a value JS's > compares as a number without running any code.
func isNumberOrNullish(v goja.Value) bool {
	return v == nil || goja.IsUndefined(v) || goja.IsNull(v) || goja.IsNumber(v)
}

// fastRequest is parserOnHeaders(...) for a flag-8 request when it would call fastRequest;
// ok false: nothing was done (the caller calls parserOnHeaders). Loop only.
func (jp *jsParser) fastRequest(rawArr *goja.Object, nRaw int, method, url, now goja.Value, flags int) (ret int, ok bool) {
	sh := jp.sh
	fr := &sh.fr
	st, ok := modules.DynamicOf(jp.state).(*connState)
	if !ok {
		return 0, false
	}
	server, ok := st.slots[3].(*goja.Object)
	if !ok {
		return 0, false
	}
	socket, ok := st.slots[4].(*goja.Object)
	if !ok {
		return 0, false
	}
	// parserOnHeaders: maxHeadersCount cuts nothing, and the checks before fastRequest.
	if v := modules.GetKey(server, rkMaxHeadersCount); !isNumberOrNullish(v) {
		return 0, false
	} else if v != nil && goja.IsNumber(v) {
		if m := v.ToFloat(); m > 0 && float64(nRaw) > m*2 {
			return 0, false
		}
	}
	if v, ok := modules.GetKey(server, rkIncomingMessage).(*goja.Object); !ok || v != fr.imCtor {
		return 0, false
	}
	if v, ok := modules.GetKey(server, rkServerResponse).(*goja.Object); !ok || v != fr.srCtor {
		return 0, false
	}
	if truthy(modules.GetKey(server, rkJoinDuplicateHeaders)) {
		return 0, false
	}
	if flags&1 == 0 && truthy(modules.GetKey(server, rkRequireHostHeader)) {
		return 0, false
	}
	if v := modules.GetKey(server, rkMaxRequestsPerSocket); !isNumberOrNullish(v) || (v != nil && goja.IsNumber(v) && v.ToFloat() > 0) {
		return 0, false
	}
	if v := modules.GetKey(socket, ekHTTPMessage); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		return 0, false
	}
	// fastRequest: what it would do in JS beyond plain writes goes to JS.
	kaSet := truthy(st.slots[13])
	if kaSet && !truthy(st.slots[14]) {
		return 0, false // socket.setTimeout(0)
	}
	if inc := st.slots[0]; inc == nil || !goja.IsNull(inc) {
		return 0, false // pushIncoming
	}
	ka := modules.GetKey(server, rkKeepAliveTimeout)
	if ka == nil {
		ka = goja.Undefined()
	}
	setKA := !ka.StrictEquals(fr.kaDefault)
	if !truthy(socket.GetSymbol(fr.kResCloseListener)) {
		ev, ok := modules.GetKey(socket, fkEvents).(*goja.Object)
		if !ok {
			return 0, false
		}
		if c, ok := modules.GetKey(ev, rkClose).(*goja.Object); !ok || c != fr.socketOnClose {
			return 0, false // addResCloseListener
		}
	}
	if ev := modules.GetKey(fr.srProto, fkEvents); ev != nil && !goja.IsUndefined(ev) {
		return 0, false // res.emit('socket', socket)
	}
	emitV, ok := modules.GetKey(server, rkEmit).(*goja.Object)
	if !ok {
		return 0, false
	}
	emit, ok := fr.emit.tryGet(emitV)
	if !ok {
		return 0, false
	}
	count := st.slots[9]
	if count == nil || !goja.IsNumber(count) {
		return 0, false
	}

	// The writes, in fastRequest's order.
	vm := sh.vm
	mk := fr.mkArgs[:]
	mk[0], mk[1], mk[2], mk[3] = socket, rawArr, method, url
	resV, err := fr.newReqRes(goja.Undefined(), mk...)
	clear(mk)
	if err != nil {
		panic(err)
	}
	res, ok := resV.(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("newReqRes"))
	}
	req := modules.GetKey(res, fkReq)
	st.slots[2] = req  // state.req
	st.slots[10] = now // state.reqStart
	st.slots[9] = addNumber(vm, count, 1)
	if kaSet {
		st.slots[14] = fr.vFalse // lazyKeepAlive
		st.slots[13] = fr.vFalse // keepAliveTimeoutSet
	}
	st.slots[0] = req // state.incoming
	if setKA {
		if err := res.Set("_keepAliveTimeout", ka); err != nil {
			panic(err)
		}
	}
	if err := socket.Set("_httpMessage", res); err != nil {
		panic(err)
	}
	var ea []goja.Value
	if fr.emitBusy {
		ea = []goja.Value{fr.vRequest, req, res}
	} else {
		fr.emitBusy = true
		ea = fr.emitArgs[:]
		ea[0], ea[1], ea[2] = fr.vRequest, req, res
	}
	_, err = emit(server, ea...)
	if &ea[0] == &fr.emitArgs[0] {
		clear(ea)
		fr.emitBusy = false
	}
	if err != nil {
		panic(err)
	}
	// completeRequest(state, undefined)
	if cur, ok := st.slots[2].(*goja.Object); ok && !truthy(modules.GetKey(cur, rkUpgrade)) {
		st.slots[2] = goja.Null()
		st.slots[10] = fr.vZero
		if err := cur.Set("complete", true); err != nil {
			panic(err)
		}
		if lz := cur.GetSymbol(fr.kLazy); lz == nil || !lz.StrictEquals(fr.vFalse) || truthy(socket.GetSymbol(fr.kPausedByReq)) {
			if _, err := fr.completeTail(goja.Undefined(), cur, socket); err != nil {
				panic(err)
			}
		}
	}
	return 3, true
}

// tryGet is get without the panic: ok false when v is not a function.
func (c *callableCache) tryGet(v goja.Value) (goja.Callable, bool) {
	o, ok := v.(*goja.Object)
	if ok && o == c.obj {
		return c.fn, true
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, false
	}
	c.obj, c.fn = o, fn
	return fn, true
}
