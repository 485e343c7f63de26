package http

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// endFast(res, chunk, encoding) is the whole of res.end(chunk, encoding) (no callback) for a
// server response when fastEndResponse (http.js) would take it and finish it at once, done by
// OutgoingMessage.prototype.end (makeEnd) before any JS runs: the checks of end() and
// fastEndResponse, in Go, then fastEnd, then what fastEndResponse does after a write that took
// everything (the socket's byte count; the response's 'prefinish' has no listener to run). It
// returns true when it did all that, false when it changed nothing (endSlow in http.js then
// runs as end() did: any response fastEnd would not render,
// a socket with a timer or a parent, a listener on the response, a Buffer chunk, ...), and
// fastEnd's result when the kernel took only part of the response or none of it
// (fastEndTail in http.js finishes those as fastEndResponse does).

type endFastState struct {
	emptyOutput *goja.Object // OutgoingMessage.prototype.outputData
	kOutHeaders *goja.Symbol
	kNetTimeout *goja.Symbol // net's socket timer symbol, once net has loaded
	finishFn    *goja.Object // serverResponseFinish
	// ServerResponse.prototype's writeHead and _implicitHeader: fastEnd renders the head in
	// their place, so a response that would call others (its own, a subclass's, a patched
	// prototype's: on-headers) is left to endSlow
	writeHead, implicitHeader *goja.Object
	vUTF8, vUTF8Dash          goja.Value
}

var (
	ekHeader           = modules.NewKey("_header")
	ekFinished         = modules.NewKey("finished")
	ekDestroyed        = modules.NewKey("destroyed")
	ekOutputData       = modules.NewKey("outputData")
	ekHTTPMessage      = modules.NewKey("_httpMessage")
	ekHandle           = modules.NewKey("_handle")
	ekStrictContentLen = modules.NewKey("strictContentLength")
	ekRejectBodies     = modules.NewKey("rejectNonStandardBodyWrites")
	ekConnecting       = modules.NewKey("connecting")
	ekParent           = modules.NewKey("_parent")
	ekFinish           = modules.NewKey("_finish")
	ekWriteHead        = modules.NewKey("writeHead")
	ekImplicitHeader   = modules.NewKey("_implicitHeader")
	ekBytesDispatched  = modules.NewKey("_bytesDispatched")
	ekWritableState    = modules.NewKey("_writableState")
)

func bindEndFast(h *modules.Host, b *modules.LazyFuncs, fs *fastState, fastEnd fastEndFunc) {
	vm := h.VM
	ef := &endFastState{vUTF8: vm.ToValue("utf8"), vUTF8Dash: vm.ToValue("utf-8")}
	// setEndFastInfo(emptyOutput, kOutHeaders, serverResponseFinish)
	b.Set("setEndFastInfo", func(c goja.FunctionCall) goja.Value {
		ef.emptyOutput, _ = c.Argument(0).(*goja.Object)
		ef.kOutHeaders, _ = c.Argument(1).(*goja.Symbol)
		ef.finishFn, _ = c.Argument(2).(*goja.Object)
		return goja.Undefined()
	})
	b.Set("setEndFastHead", func(c goja.FunctionCall) goja.Value {
		ef.writeHead, _ = c.Argument(0).(*goja.Object)
		ef.implicitHeader, _ = c.Argument(1).(*goja.Object)
		return goja.Undefined()
	})
	b.Set("setNetTimeout", func(c goja.FunctionCall) goja.Value {
		ef.kNetTimeout, _ = c.Argument(0).(*goja.Symbol)
		return goja.Undefined()
	})
	vTrue, vFalse := vm.ToValue(true), vm.ToValue(false)
	f := &fs.finish
	endFast := func(resV, chunk, enc goja.Value) goja.Value {
		res, ok := resV.(*goja.Object)
		if !ok || !goja.IsString(chunk) || ef.emptyOutput == nil || ef.kOutHeaders == nil || ef.kNetTimeout == nil ||
			ef.finishFn == nil || ef.writeHead == nil || ef.implicitHeader == nil || f.kState == nil || f.kConnState == nil {
			return vFalse
		}
		// end(): if (chunk && this[kConnState] !== null && !this._header && !this.finished &&
		// !this.destroyed && this.outputData.length === 0)
		if !chunk.ToBoolean() {
			return vFalse
		}
		if cs := modules.GetSym(res, f.kConnState); cs != nil && goja.IsNull(cs) {
			return vFalse
		}
		if modules.Truthy(fs.kc.Get(res, ekHeader)) || modules.Truthy(fs.kc.Get(res, ekFinished)) ||
			modules.Truthy(fs.kc.Get(res, ekDestroyed)) {
			return vFalse
		}
		// Defaults read from res's prototype while res owns none of them (see fastEnd); d is
		// scanned again after reads of other objects, which may have run a getter.
		d := modules.ReadBase(res, isResDefault)
		getD := func(k modules.Key) goja.Value {
			if d != res {
				if v, ok := fs.kc.Peek(d, k); ok {
					return v
				}
				d = res
			}
			return fs.kc.Get(res, k)
		}
		if od, ok := getD(ekOutputData).(*goja.Object); !ok || od != ef.emptyOutput {
			return vFalse
		}
		// fastEndResponse's checks.
		sock, ok := fs.kc.Get(res, fkSocket).(*goja.Object)
		if !ok {
			return vFalse
		}
		if m, ok := fs.kc.Get(sock, ekHTTPMessage).(*goja.Object); !ok || m != res {
			return vFalse
		}
		st, ok := modules.DynamicOf(modules.GetSym(sock, f.kState)).(*connState)
		if !ok {
			return vFalse
		}
		fdV := st.slots[7]
		if fdV == nil || !goja.IsNumber(fdV) {
			return vFalse
		}
		fd := fdV.ToInteger()
		if fd < 0 || float64(fd) != fdV.ToFloat() {
			return vFalse
		}
		if hd, ok := fs.kc.Get(sock, ekHandle).(*goja.Object); !ok || st.slots[6] != goja.Value(hd) {
			return vFalse
		}
		d = modules.ReadBase(res, isResDefault) // (reads of other objects since: see getD)
		if modules.Truthy(getD(ekStrictContentLen)) {
			return vFalse
		}
		server, ok := st.slots[3].(*goja.Object)
		if !ok || modules.Truthy(fs.kc.Get(server, ekRejectBodies)) {
			return vFalse
		}
		if enc.ToBoolean() && !enc.StrictEquals(ef.vUTF8) && !enc.StrictEquals(ef.vUTF8Dash) {
			return vFalse
		}
		ch := &fs.chains
		if modules.Truthy(ch.connecting.GetWith(sock, &st.own, ownConnecting)) {
			return vFalse
		}
		// hasOwn(socket, '_writableState'): a socket that owns its writable state takes the JS
		// path, which looks into it.
		if owns, known := modules.OwnsKey(sock, ekWritableState); owns || !known {
			return vFalse
		}
		// What fastEndResponse does after the write, checked now: no socket timer to refresh
		// (socket[kNetTimeout] === null && socket._parent === null), the response's own
		// _finish with no listener to emit 'prefinish' to.
		if t := modules.GetSym(sock, ef.kNetTimeout); t == nil || !goja.IsNull(t) {
			return vFalse
		}
		if p := ch.parent.GetWith(sock, &st.own, ownParent); p == nil || !goja.IsNull(p) {
			return vFalse
		}
		d = modules.ReadBase(res, isResDefault)
		if fn, ok := getD(ekFinish).(*goja.Object); !ok || fn != ef.finishFn {
			return vFalse
		}
		if ev := getD(fkEvents); ev != nil && !goja.IsUndefined(ev) {
			return vFalse
		}
		if fn, ok := getD(ekWriteHead).(*goja.Object); !ok || fn != ef.writeHead {
			return vFalse
		}
		if fn, ok := getD(ekImplicitHeader).(*goja.Object); !ok || fn != ef.implicitHeader {
			return vFalse
		}
		bd := fs.kc.Get(sock, ekBytesDispatched)
		if bd == nil || !goja.IsNumber(bd) {
			return vFalse
		}
		oh := modules.GetSym(res, ef.kOutHeaders)
		if oh == nil {
			oh = goja.Undefined()
		}
		r := fastEnd(res, int(fd), chunk, oh)
		if r == nil || goja.IsUndefined(r) {
			return vFalse
		}
		if !goja.IsNumber(r) || r.ToInteger() < 0 {
			return r // fastEndTail
		}
		// socket._bytesDispatched += r
		if err := modules.SetKey(sock, ekBytesDispatched, addNumber(vm, bd, r.ToInteger())); err != nil {
			panic(err)
		}
		return vTrue
	}
	// makeEnd(endSlow, fastEndTail) is OutgoingMessage.prototype.end, a Go function: end(chunk)
	// with a string and no callback is first offered to endFast, with no JS frame; when the
	// kernel took only part of the response, or none, fastEndTail(res, res.socket, r, chunk)
	// finishes it; anything else, and what endFast leaves alone, is endSlow.call(this, chunk,
	// encoding, callback), the rest of end() in http.js.
	b.Set("makeEnd", func(c goja.FunctionCall) goja.Value {
		endSlow, ok1 := goja.AssertFunction(c.Argument(0))
		fastEndTail, ok2 := goja.AssertFunction(c.Argument(1))
		if !ok1 || !ok2 {
			panic(vm.NewTypeError("makeEnd: functions required"))
		}
		return modules.Func(vm, "end", 3, func(c goja.FunctionCall) goja.Value {
			chunk, enc, cb := c.Argument(0), c.Argument(1), c.Argument(2)
			if goja.IsString(chunk) && goja.IsUndefined(cb) {
				if r := endFast(c.This, chunk, enc); r == vTrue {
					return c.This
				} else if r != vFalse {
					sock := fs.kc.Get(c.This.(*goja.Object), fkSocket)
					if sock == nil {
						sock = goja.Undefined()
					}
					if _, err := fastEndTail(goja.Undefined(), c.This, sock, r, chunk); err != nil {
						panic(err)
					}
					return c.This
				}
			}
			r, err := endSlow(c.This, chunk, enc, cb)
			if err != nil {
				panic(err)
			}
			return r
		})
	})
}

// addNumber is a + n for a number a, as JS's + gives it (an integer stays an integer), without
// boxing a through Export.
func addNumber(vm *goja.Runtime, a goja.Value, n int64) goja.Value {
	f := a.ToFloat()
	if i := a.ToInteger(); float64(i) == f && i > -(1<<53) && i < 1<<53 {
		return vm.ToValue(i + n)
	}
	return vm.ToValue(f + float64(n))
}
