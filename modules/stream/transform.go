package stream

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// transformState is a Transform's per-chunk state: the write callback of the chunk in
// _transform (nil: none) and the readable length when it went in. done is the callback given
// to _transform, made once per stream: a transform has at most one chunk in flight.
type transformState struct {
	callback goja.Value
	// last is the callback the latest done call consumed: a second call of done for the same
	// chunk goes to it again, as node's per-chunk closure does (the stream's onwrite then reports
	// ERR_MULTIPLE_CALLBACK).
	last   goja.Value
	length goja.Value
	done   goja.Value   // made by doneOf
	stream *goja.Object // the Transform
	// The stream's states as _write found them (node's rState and wState, which the callback
	// reads), and the WritableState's Go side.
	rso, wso *goja.Object
	ws       *writableState
	// The stream's _transform and the callback as last called.
	transform, cb callee
}

func wsOf(v goja.Value) *writableState {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	s, _ := modules.SlotOwner(o).(*writableState)
	return s
}

// initTransform(stream): the Go per-chunk state of a Transform, kept in its WritableState.
func (g *streamsGo) initTransform(c goja.FunctionCall) goja.Value {
	stream, ok := c.Argument(0).(*goja.Object)
	if !ok {
		return goja.Undefined()
	}
	ws := wsOf(modules.GetKey(stream, kWritableState))
	if ws == nil {
		return goja.Undefined()
	}
	ws.tr = &transformState{ws: ws, stream: stream}
	return goja.Undefined()
}

// doneOf is ts's reusable callback, made on the stream's first write (a Transform that is never
// written to costs no function).
func (g *streamsGo) doneOf(ts *transformState) goja.Value {
	if ts.done == nil {
		stream := ts.stream
		done := g.vm.ToValue(func(c goja.FunctionCall) goja.Value {
			return g.transformDone(stream, ts, c.Argument(0), c.Argument(1))
		}).(*goja.Object)
		// (node's is an anonymous arrow: name '', length 2, neither enumerable, both configurable)
		done.DefineDataProperty("name", g.vm.ToValue(""), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		done.DefineDataProperty("length", g.vm.ToValue(2), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		ts.done = done
	}
	return ts.done
}

// transformWrite is Transform.prototype._write: the chunk goes to _transform with the stream's
// reusable done callback, unless a callback is still outstanding (a misbehaving _transform) or
// the stream has no Go state: then transformWriteSlow, with a fresh closure.
func (g *streamsGo) transformWrite(c goja.FunctionCall) goja.Value {
	this, ok := c.This.(*goja.Object)
	if !ok {
		return g.call(g.transformWriteSlow, c.This, c.Argument(0), c.Argument(1), c.Argument(2))
	}
	wso, _ := modules.GetKey(this, kWritableState).(*goja.Object)
	return g.transformWriteWS(this, wso, wsOf(wso), c.Argument(0), c.Argument(1), c.Argument(2))
}

// transformWriteWS is transformWrite with this._writableState (wso) and its live Go side (ws, nil
// when it has none) already read: the Go write calls it directly.
func (g *streamsGo) transformWriteWS(this, wso *goja.Object, ws *writableState, chunk, enc, callback goja.Value) goja.Value {
	if ws == nil || ws.tr == nil || ws.tr.callback != nil {
		return g.call(g.transformWriteSlow, this, chunk, enc, callback)
	}
	rso, ok := modules.GetKey(this, kReadableState).(*goja.Object)
	if !ok {
		return g.call(g.transformWriteSlow, this, chunk, enc, callback)
	}
	ts := ws.tr
	if _, s := rsOf(rso); s != nil {
		ts.length = s.slots[rsLength]
		if ts.length == nil {
			ts.length = goja.Undefined()
		}
	} else {
		ts.length = rso.Get("length")
	}
	tf := modules.GetKey(this, kTransform)
	if !ts.transform.of(tf) {
		panic(g.vm.NewTypeError("this._transform is not a function"))
	}
	ts.callback = callback
	ts.rso, ts.wso = rso, wso
	_, err := g.call3(&ts.transform, this, chunk, enc, g.doneOf(ts))
	throwIf(err)
	return goja.Undefined()
}

// callCb calls the write callback cb: directly in Go when it is the stream's own onwrite.
func (g *streamsGo) callCb(ts *transformState, cb goja.Value, er goja.Value) {
	if o, ok := cb.(*goja.Object); ok && ts.ws != nil && o == ts.ws.onwriteFn {
		g.onwriteOf(ts.ws, er)
		return
	}
	if !ts.cb.of(cb) {
		panic(g.vm.NewTypeError("callback is not a function"))
	}
	var err error
	if er == nil {
		_, err = ts.cb.call(goja.Undefined())
	} else {
		_, err = g.call1(&ts.cb, goja.Undefined(), er)
	}
	throwIf(err)
}

// transformDone is the callback _transform gets: streams.js's makeTransformDone.
func (g *streamsGo) transformDone(stream *goja.Object, ts *transformState, er, val goja.Value) goja.Value {
	vm := g.vm
	cb := ts.callback
	ts.callback = nil
	if cb == nil {
		cb = ts.last
		if cb == nil {
			cb = goja.Null()
		}
	} else {
		ts.last = cb
	}
	if er.ToBoolean() {
		g.callCb(ts, cb, er)
		return goja.Undefined()
	}
	if !goja.IsUndefined(val) && !goja.IsNull(val) {
		if p := modules.GetKey(stream, kPush); p == g.pushFn {
			g.pushArg[0] = val
			g.push(goja.FunctionCall{This: stream, Arguments: g.pushArg[:]})
			g.pushArg[0] = nil
		} else {
			f, isFn := goja.AssertFunction(p)
			if !isFn {
				panic(vm.NewTypeError("stream.push is not a function"))
			}
			_, err := f(stream, val)
			throwIf(err)
		}
	}
	// rState and wState as _write found them.
	rso, wso := ts.rso, ts.wso
	var rlen, rhwm goja.Value
	if _, s := rsOf(rso); s != nil {
		rlen, rhwm = s.slots[rsLength], s.slots[rsHighWaterMark]
	} else {
		rlen, rhwm = rso.Get("length"), rso.Get("highWaterMark")
	}
	if rlen == nil {
		rlen = goja.Undefined()
	}
	if rhwm == nil {
		rhwm = goja.Undefined()
	}
	// push(null) in _transform: the callback waits a tick, so the new readable state (ended)
	// is seen before the write completes (write() returns false for a chunk over the mark).
	var rended bool
	if _, s := rsOf(rso); s != nil {
		rended = modules.Truthy(s.slots[rsEnded])
	} else {
		rended = rso.Get("ended").ToBoolean()
	}
	if rended {
		_, err := g.nextTick(goja.Undefined(), cb)
		throwIf(err)
		return goja.Undefined()
	}
	ended := false
	if ws := wsOf(wso); ws != nil {
		ended = modules.Truthy(ws.slots[wsEnded])
	} else {
		ended = wso.Get("ended").ToBoolean()
	}
	if ended || ts.length.StrictEquals(rlen) || (goja.IsNumber(rlen) && goja.IsNumber(rhwm) && rlen.ToFloat() < rhwm.ToFloat()) {
		g.callCb(ts, cb, nil)
	} else if !goja.IsNumber(rlen) || !goja.IsNumber(rhwm) {
		// rState.length < rState.highWaterMark on something other than two numbers.
		if g.call(g.lessThan, rlen, rhwm).ToBoolean() {
			g.callCb(ts, cb, nil)
		} else {
			stream.SetSymbol(g.kCallback, cb)
		}
	} else {
		stream.SetSymbol(g.kCallback, cb)
	}
	return goja.Undefined()
}
