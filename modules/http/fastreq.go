package http

import (
	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

// The usual request (HTTP/1.1 keep-alive, no body, no Expect, no upgrade, not HEAD: the
// parser's flag 8) on a server with the default classes and nothing pending on the socket is
// made here, in Go, with parserOnHeaders' and fastRequest's (http.js) checks and writes in
// their order: newReqRes makes the message and the response as fastRequest's two object
// literals (in Go through modules.NewPlainObject, else by calling newReqRes in http.js); the
// connection state's fields are written in Go (its slots); server.emit('request', req, res) is called from Go; and the completion of the
// bodiless request follows. Anything the checks do not take, checked before anything is
// written, goes to parserOnHeaders as before.

// fastReqState is what the check compares with (binding.setFastRequest).
type fastReqState struct {
	ready                     bool
	imCtor, srCtor, srProto   *goja.Object
	socketOnClose             *goja.Object
	newReqResJS, completeTail goja.Callable
	kResCloseListener         *goja.Symbol
	kLazy, kPausedByReq       *goja.Symbol
	kIncomingMessage          *goja.Symbol // the server's classes are under these (node's symbols)
	kServerResponse           *goja.Symbol
	kaDefault                 goja.Value
	emit                      callableCache // server.emit
	vRequest, vTrue, vFalse   goja.Value
	vZero, vOne               goja.Value
	plainVals                 [7]goja.Value // NewPlainObject's values (it copies them)
	// Argument scratch for the calls to newReqRes (a JS function: a call copies its arguments
	// onto goja's stack first) and emit (native: it reads them while listeners run, so its
	// scratch is lent only while no other emit from here uses it).
	mkArgs   [4]goja.Value
	emitArgs [3]goja.Value
	emitBusy bool
	// observed: a built-in diagnostics channel of the server has subscribers (setFastRequest's
	// last argument); the requests go to JS, which publishes.
	observed bool
}

var (
	rkJoinDuplicateHeaders = modules.NewKey("joinDuplicateHeaders")
	rkRequireHostHeader    = modules.NewKey("requireHostHeader")
	rkMaxRequestsPerSocket = modules.NewKey("maxRequestsPerSocket")
	rkKeepAliveTimeout     = modules.NewKey("keepAliveTimeout")
	rkEmit                 = modules.NewKey("emit")
	rkUpgrade              = modules.NewKey("upgrade")
	rkClose                = modules.NewKey("close")
	// (two Keys for one name: a KeyCache remembers one holder per Key, and the two
	// constructors' reads would each take the other's place)
	rkPrototypeIM = modules.NewKey("prototype")
	rkPrototypeSR = modules.NewKey("prototype")
)

// bindFastRequest adds setFastRequest(IncomingMessage, ServerResponse, socketOnClose,
// newReqRes, completeTail, kResCloseListener, kLazy, kPausedByReq, kDefaultKeepAliveTimeout,
// observed, kIncomingMessage, kServerResponse).
func bindFastRequest(vm *goja.Runtime, b *modules.LazyFuncs, sh *parserShared) {
	fr := &sh.fr
	fr.vRequest, fr.vTrue, fr.vFalse, fr.vZero, fr.vOne = vm.ToValue("request"), vm.ToValue(true), vm.ToValue(false), vm.ToValue(0), vm.ToValue(1)
	b.Set("setFastRequest", func(c goja.FunctionCall) goja.Value {
		fr.imCtor, _ = c.Argument(0).(*goja.Object)
		fr.srCtor, _ = c.Argument(1).(*goja.Object)
		fr.socketOnClose, _ = c.Argument(2).(*goja.Object)
		var ok1, ok2 bool
		fr.newReqResJS, ok1 = goja.AssertFunction(c.Argument(3))
		fr.completeTail, ok2 = goja.AssertFunction(c.Argument(4))
		fr.kResCloseListener, _ = c.Argument(5).(*goja.Symbol)
		fr.kLazy, _ = c.Argument(6).(*goja.Symbol)
		fr.kPausedByReq, _ = c.Argument(7).(*goja.Symbol)
		fr.kaDefault = c.Argument(8)
		fr.observed = c.Argument(9).ToBoolean()
		fr.kIncomingMessage, _ = c.Argument(10).(*goja.Symbol)
		fr.kServerResponse, _ = c.Argument(11).(*goja.Symbol)
		if fr.srCtor != nil {
			fr.srProto, _ = fr.srCtor.Get("prototype").(*goja.Object)
		}
		fr.ready = fr.imCtor != nil && fr.srCtor != nil && fr.srProto != nil && fr.socketOnClose != nil && ok1 && ok2 &&
			fr.kResCloseListener != nil && fr.kLazy != nil && fr.kPausedByReq != nil && fr.kIncomingMessage != nil && fr.kServerResponse != nil
		return goja.Undefined()
	})
}

// fastRequest is parserOnHeaders(...) for a flag-8 request when it would call fastRequest;
// ok false: nothing was done (the caller calls parserOnHeaders). Loop only.
// maxHeaderPairs is how many entries of a head's lines node's parser keeps by default (http.js's
// MAX_HEADER_PAIRS).
const maxHeaderPairs = 2000

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
	// parserOnHeaders: the parser's maxHeaderPairs (the server's maxHeadersCount when the
	// connection came, or node's parser's 1000 fields) cuts nothing, and the checks before
	// fastRequest.
	if mp := jp.maxPairs; mp == nil {
		if nRaw > maxHeaderPairs {
			return 0, false
		}
	} else if !goja.IsNumber(mp) {
		return 0, false
	} else if m := mp.ToInteger(); m > 0 && int64(nRaw) > m {
		return 0, false
	}
	if v, ok := server.GetSymbol(fr.kIncomingMessage).(*goja.Object); !ok || v != fr.imCtor {
		return 0, false
	}
	if v, ok := server.GetSymbol(fr.kServerResponse).(*goja.Object); !ok || v != fr.srCtor {
		return 0, false
	}
	if modules.Truthy(sh.kc.Get(server, rkJoinDuplicateHeaders)) {
		return 0, false
	}
	if flags&1 == 0 && modules.Truthy(sh.kc.Get(server, rkRequireHostHeader)) {
		return 0, false
	}
	// (a server's responses read its maxRequestsPerSocket, 0 by default, from their prototype:
	// any other value is set on each by parserOnIncoming)
	if v := sh.kc.Get(server, rkMaxRequestsPerSocket); v == nil || !goja.IsNumber(v) || v.ToFloat() != 0 {
		return 0, false
	}
	if v := sh.kc.Get(socket, ekHTTPMessage); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		return 0, false
	}
	// fastRequest: what it would do in JS beyond plain writes goes to JS.
	kaSet := modules.Truthy(st.slots[13])
	if kaSet && !modules.Truthy(st.slots[14]) {
		return 0, false // socket.setTimeout(0)
	}
	if inc := st.slots[0]; inc == nil || !goja.IsNull(inc) {
		return 0, false // pushIncoming
	}
	ka := sh.kc.Get(server, rkKeepAliveTimeout)
	if ka == nil {
		ka = goja.Undefined()
	}
	setKA := !ka.StrictEquals(fr.kaDefault)
	if !modules.Truthy(modules.GetSym(socket, fr.kResCloseListener)) {
		ev, ok := sh.kc.Get(socket, fkEvents).(*goja.Object)
		if !ok {
			return 0, false
		}
		if c, ok := sh.kc.Get(ev, rkClose).(*goja.Object); !ok || c != fr.socketOnClose {
			return 0, false // addResCloseListener
		}
	}
	if ev := sh.kc.Get(fr.srProto, fkEvents); ev != nil && !goja.IsUndefined(ev) {
		return 0, false // res.emit('socket', socket)
	}
	emitV, ok := sh.chains.serverEmit.GetWith(server, &sh.chains.serverOwn, 0).(*goja.Object)
	if !ok {
		return 0, false
	}
	emit, ok := fr.emit.Of(emitV)
	if !ok {
		return 0, false
	}
	count, ok := st.requests()
	if !ok {
		return 0, false
	}

	// The writes, in fastRequest's order.
	vm := sh.vm
	req, res := fr.newReqRes(vm, sh.kc, socket, rawArr, method, url)
	st.slots[2] = req  // state.req
	st.slots[10] = now // state.reqStart
	st.setRequests(count + 1)
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
	if err := modules.SetKey(socket, ekHTTPMessage, res); err != nil {
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
	// (the listener's stack frames end as node's do below a request's: its emit, parserOnIncoming)
	mark := sh.h.Loop.NoteCall(nil, server, eventloop.CallHTTPRequest)
	_, err := emit(server, ea...)
	sh.h.Loop.EndThis(mark)
	if &ea[0] == &fr.emitArgs[0] {
		clear(ea)
		fr.emitBusy = false
	}
	if err != nil {
		panic(err)
	}
	// completeRequest(state, undefined)
	if cur, ok := st.slots[2].(*goja.Object); ok && !modules.Truthy(sh.kc.Get(cur, rkUpgrade)) {
		// (node's message end, push(null), queues a tick (emitReadable) that the lazy message
		// does without: the listener's promise jobs run from node's tick processing)
		sh.h.Loop.NoteTick()
		st.slots[2] = goja.Null()
		st.slots[10] = fr.vZero
		if err := modules.SetKey(cur, fkComplete, fr.vTrue); err != nil {
			panic(err)
		}
		if lz := modules.GetSym(cur, fr.kLazy); lz == nil || !lz.StrictEquals(fr.vFalse) || modules.Truthy(modules.GetSym(socket, fr.kPausedByReq)) {
			if _, err := fr.completeTail(goja.Undefined(), cur, socket); err != nil {
				panic(err)
			}
		}
	}
	return 3, true
}

// newReqRes is newReqRes(socket, rawHeaders, method, url) (http.js): the message and the
// response literals, made in Go when the layout allows (modules.NewPlainObject). Loop only.
func (fr *fastReqState) newReqRes(vm *goja.Runtime, kc *modules.KeyCache, socket *goja.Object, rawArr, method, url goja.Value) (req, res *goja.Object) {
	imProto, ok1 := kc.Get(fr.imCtor, rkPrototypeIM).(*goja.Object)
	srProto, ok2 := kc.Get(fr.srCtor, rkPrototypeSR).(*goja.Object)
	if ok1 && ok2 {
		one := fr.vOne
		v := fr.plainVals[:len(reqNames)]
		v[0], v[1], v[2], v[3], v[4], v[5], v[6] = socket, rawArr, one, one, method, url, fr.vFalse
		req, ok1 = modules.NewPlainObject(vm, imProto, reqNames, v)
		if ok1 {
			v = fr.plainVals[:len(resNames)]
			v[0], v[1], v[2], v[3], v[4], v[5], v[6] = req, socket, goja.Undefined(), goja.Null(), fr.vFalse, fr.vFalse, fr.vFalse
			res, ok2 = modules.NewPlainObject(vm, srProto, resNames, v)
		}
		clear(fr.plainVals[:])
		if ok1 && ok2 {
			return req, res
		}
	}
	mk := fr.mkArgs[:]
	mk[0], mk[1], mk[2], mk[3] = socket, rawArr, method, url
	resV, err := fr.newReqResJS(goja.Undefined(), mk...)
	clear(mk)
	if err != nil {
		panic(err)
	}
	res, ok := resV.(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("newReqRes"))
	}
	req, ok = modules.GetKey(res, fkReq).(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("newReqRes"))
	}
	return req, res
}

// The literals' own keys, in newReqRes' order (http.js).
var (
	reqNames = []unistring.String{"socket", "rawHeaders", "httpVersionMajor", "httpVersionMinor", "method", "url", "complete"}
	resNames = []unistring.String{"req", "socket", "statusMessage", "_header", "_headerSent", "finished", "destroyed"}
)
