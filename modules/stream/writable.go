package stream

import (
	"math"
	"strconv"
	"sync"

	"github.com/dop251/goja"

	"github.com/gojs-dev/gojs/modules"
)

// wsNames are a WritableState's fields, in the order its constructor sets them (Object.keys
// lists them in this order, as node does).
var wsNames = []string{
	"objectMode", "highWaterMark", "finalCalled", "needDrain", "ending", "ended", "finished",
	"destroyed", "decodeStrings", "defaultEncoding", "length", "writing", "corked", "sync",
	"bufferProcessing", "onwrite", "writecb", "writelen", "afterWriteTickInfo",
	"afterWritePending", "buffered", "bufferedIndex", "allBuffers", "allNoop", "pendingcb",
	"constructed", "prefinished", "errorEmitted", "emitClose", "autoDestroy", "errored",
	"closed", "closeEmitted", "writable",
}

const (
	wsObjectMode = iota
	wsHighWaterMark
	wsFinalCalled
	wsNeedDrain
	wsEnding
	wsEnded
	wsFinished
	wsDestroyed
	wsDecodeStrings
	wsDefaultEncoding
	wsLength
	wsWriting
	wsCorked
	wsSync
	wsBufferProcessing
	wsOnwrite
	wsWritecb
	wsWritelen
	wsAfterWriteTickInfo
	wsAfterWritePending
	wsBuffered
	wsBufferedIndex
	wsAllBuffers
	wsAllNoop
	wsPendingcb
	wsConstructed
	wsPrefinished
	wsErrorEmitted
	wsEmitClose
	wsAutoDestroy
	wsErrored
	wsClosed
	wsCloseEmitted
	wsWritable // (undefined until the stream's writable is set; not own: node's prototype accessor)
	wsCount
)

var wsLayout = modules.SlotLayout{Names: wsNames, Index: wsSlot,
	Own:           ownSlots(len(wsNames), wsHighWaterMark, wsLength, wsCorked, wsOnwrite, wsWritelen, wsBufferedIndex, wsPendingcb),
	BeforeOwnKeys: stateOwnSymbols}

func wsSlot(key string) int {
	switch key {
	case "objectMode":
		return wsObjectMode
	case "highWaterMark":
		return wsHighWaterMark
	case "finalCalled":
		return wsFinalCalled
	case "needDrain":
		return wsNeedDrain
	case "ending":
		return wsEnding
	case "ended":
		return wsEnded
	case "finished":
		return wsFinished
	case "destroyed":
		return wsDestroyed
	case "decodeStrings":
		return wsDecodeStrings
	case "defaultEncoding":
		return wsDefaultEncoding
	case "length":
		return wsLength
	case "writing":
		return wsWriting
	case "corked":
		return wsCorked
	case "sync":
		return wsSync
	case "bufferProcessing":
		return wsBufferProcessing
	case "onwrite":
		return wsOnwrite
	case "writecb":
		return wsWritecb
	case "writelen":
		return wsWritelen
	case "afterWriteTickInfo":
		return wsAfterWriteTickInfo
	case "afterWritePending":
		return wsAfterWritePending
	case "buffered":
		return wsBuffered
	case "bufferedIndex":
		return wsBufferedIndex
	case "allBuffers":
		return wsAllBuffers
	case "allNoop":
		return wsAllNoop
	case "pendingcb":
		return wsPendingcb
	case "constructed":
		return wsConstructed
	case "prefinished":
		return wsPrefinished
	case "errorEmitted":
		return wsErrorEmitted
	case "emitClose":
		return wsEmitClose
	case "autoDestroy":
		return wsAutoDestroy
	case "errored":
		return wsErrored
	case "closed":
		return wsClosed
	case "closeEmitted":
		return wsCloseEmitted
	case "writable":
		return wsWritable
	}
	return -1
}

// writableState is a WritableState: a Go-backed object (modules.NewOrdinarySlotted) whose fields (wsNames) live in a Go
// array, so that Writable.prototype.write and onwrite, done in Go for the common case, read
// and update them without a property lookup. JS reads and writes them as ordinary properties.
// slots[i] == nil: not an own property. The embedded SlotObject holds any other property. Loop only.
type writableState struct {
	modules.SlotObject
	slots      [wsCount]goja.Value
	onFinished goja.Value      // state[kOnFinished], made on first read
	write      callee          // the stream's _write as last called
	tr         *transformState // a Transform's (initTransform)
	// The state's onwrite (makeOnwrite) and the stream and state it was made for.
	onwriteFn *goja.Object
	owStream  goja.Value
	owState   *goja.Object
	g         *streamsGo
}

// streamsGo is the per-runtime Go side of internal/streams.
type streamsGo struct {
	vm  *goja.Runtime
	nop *goja.Object // streams.js's nop
	// bufProto is Buffer.prototype once streams.js has loaded buffer; bufCtor is Buffer and
	// bufFrom its from as buffer made it (a string chunk is converted in Go only through it).
	bufProto *goja.Object
	bufCtor  *goja.Object
	bufFrom  goja.Value
	bufFromF goja.Callable
	// The JS paths the Go ones fall back to.
	writeJS         goja.Callable // the JS Writable.prototype.write
	onwriteJS       goja.Callable // onwrite(stream, er)
	onwriteSyncDone goja.Callable // onwriteSyncDone(stream, state, cb)
	afterWrite      goja.Callable // afterWrite(stream, state, count, cb)
	afterWriteV     goja.Value
	finishMaybe     goja.Callable // finishMaybe(stream, state, sync)
	// onwrite's clearBuffer(stream, state), doWrite(stream, state, writev, len, chunk,
	// encoding, cb) and writeBuffered(stream, chunk, encoding, onwrite) (its _write call)
	onwriteClearBuffer, doWrite, writeBuffered goja.Callable
	writeBufferedV                             goja.Value
	writeBufArgs                               [4]goja.Value
	// The last Buffer written and its length (a Buffer's length never changes).
	knownBuf *goja.Object
	knownLen int64
	vBuffer  goja.Value
	vOne     goja.Value
	vFalse   goja.Value
	vTrue    goja.Value
	vZero    goja.Value
	vData    goja.Value
	writeFn  goja.Value // the Go Writable.prototype.write

	// Readable's JS side (setupReadable).
	pushJS, readJS, emitReadable, endReadable, nextTick, maybeReadMore, errorOrDestroy, fromList goja.Callable
	// ownSymbols(readable, state, target): the glue's definer of a state's symbols (stateOwnSymbols)
	ownSymbols     goja.Callable
	maybeReadMoreV goja.Value
	eeEmit         goja.Value
	pushFn         goja.Value // the Go Readable.prototype.push
	readV          goja.Value // the Go Readable.prototype.read
	flowV          goja.Value // the Go flow

	// Reused argument lists (see callee), and the one-argument lists of the Go write and push
	// when Go calls them (they read their arguments before anything else runs).
	args     [3]goja.Value
	writeArg [1]goja.Value
	pushArg  [1]goja.Value

	// Transform's JS side (setupTransform).
	transformWriteSlow, lessThan goja.Callable
	transformWriteV              goja.Value // the Go Transform.prototype._write
	kCallback                    *goja.Symbol

	// The hidden prototypes through which JS reads and writes the states' slots.
	rsProtos, wsProtos *modules.SlotProtos
}

func bindInternal(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	g := &streamsGo{vm: vm, vBuffer: vm.ToValue("buffer"), vOne: vm.ToValue(1), vFalse: vm.ToValue(false), vTrue: vm.ToValue(true), vZero: vm.ToValue(0), vData: vm.ToValue("data")}
	FuncsOf(h).g = g
	fn := func(v goja.Value) goja.Callable {
		f, ok := goja.AssertFunction(v)
		if !ok {
			panic(vm.NewTypeError("not a function"))
		}
		return f
	}
	modules.SetGluePart(vm, b, "node:internal/streams", &streamsJS)
	// asyncGen(): the runtime's async generator helpers (Host.AsyncGen), for the async iterator
	b.Set("asyncGen", func(goja.FunctionCall) goja.Value { return h.AsyncGen() })
	// reaction(fn, a, b): fn(a, b) a microtask later, as an internal promise's reaction (Host.ReactionFunc)
	b.Set("reaction", h.ReactionFunc())
	// setup(nop, writeJS, onwrite, onwriteSyncDone, afterWrite, finishMaybe)
	b.Set("setup", func(c goja.FunctionCall) goja.Value {
		g.nop = c.Argument(0).ToObject(vm)
		g.writeJS = fn(c.Argument(1))
		g.onwriteJS = fn(c.Argument(2))
		g.onwriteSyncDone = fn(c.Argument(3))
		g.afterWriteV = c.Argument(4)
		g.afterWrite = fn(c.Argument(4))
		g.finishMaybe = fn(c.Argument(5))
		if len(c.Arguments) > 8 {
			g.onwriteClearBuffer = fn(c.Argument(6))
			g.doWrite = fn(c.Argument(7))
			g.writeBufferedV = c.Argument(8)
			g.writeBuffered = fn(c.Argument(8))
		}
		return goja.Undefined()
	})
	b.Set("setBufferPrototype", func(c goja.FunctionCall) goja.Value {
		g.bufProto, _ = c.Argument(0).(*goja.Object)
		g.bufCtor, _ = c.Argument(1).(*goja.Object)
		g.bufFrom = c.Argument(2)
		g.bufFromF, _ = goja.AssertFunction(g.bufFrom)
		return goja.Undefined()
	})
	// newWritableState(proto, objectMode, decodeStrings, emitClose, autoDestroy, highWaterMark): a WritableState
	// with prototype proto and every field at its start value (onwrite is the glue's to set), set
	// here rather than by ~30 writes through its proxy.
	wFalse, wTrue, wNull, wZero, wUTF8 := vm.ToValue(false), vm.ToValue(true), goja.Null(), vm.ToValue(0), vm.ToValue("utf8")
	b.Set("newWritableState", func(c goja.FunctionCall) goja.Value {
		ws := &writableState{g: g}
		ws.SlotObject = modules.SlotObject{Layout: &wsLayout, Slots: ws.slots[:]}
		sl := &ws.slots
		for i := range sl {
			sl[i] = wFalse
		}
		for _, i := range [...]int{wsHighWaterMark, wsLength, wsCorked, wsWritelen, wsBufferedIndex, wsPendingcb} {
			sl[i] = wZero
		}
		for _, i := range [...]int{wsSync, wsAllBuffers, wsAllNoop, wsConstructed} {
			sl[i] = wTrue
		}
		sl[wsErrored] = wNull
		// (undefined until the first write sets them, as node's state shows them from then on)
		sl[wsWritecb] = goja.Undefined()
		sl[wsAfterWriteTickInfo] = goja.Undefined()
		sl[wsWritable] = goja.Undefined()
		sl[wsObjectMode] = vm.ToValue(c.Argument(1).ToBoolean())
		sl[wsDecodeStrings] = vm.ToValue(c.Argument(2).ToBoolean())
		sl[wsEmitClose] = vm.ToValue(c.Argument(3).ToBoolean())
		sl[wsAutoDestroy] = vm.ToValue(c.Argument(4).ToBoolean())
		sl[wsDefaultEncoding] = wUTF8
		sl[wsBuffered] = vm.NewArray()
		sl[wsOnwrite] = goja.Undefined()
		if len(c.Arguments) > 5 {
			sl[wsHighWaterMark] = c.Arguments[5]
		}
		return modules.NewOrdinarySlotted(vm, ws, c.Argument(0), g.slotProtos(false))
	})
	// onFinished(state): state[kOnFinished], the array of end() callbacks.
	b.Set("onFinished", func(c goja.FunctionCall) goja.Value {
		if o, ok := c.Argument(0).(*goja.Object); ok {
			if s, ok := modules.SlotOwnerAll(o).(*writableState); ok {
				if s.onFinished == nil {
					s.onFinished = vm.NewArray()
				}
				return s.onFinished
			}
		}
		return goja.Undefined()
	})
	// makeOnwrite(stream, state): the stream's onwrite callback.
	b.Set("makeOnwrite", func(c goja.FunctionCall) goja.Value {
		stream := c.Argument(0)
		so, _ := c.Argument(1).(*goja.Object)
		f := vm.ToValue(func(c goja.FunctionCall) goja.Value {
			s, _ := modules.SlotOwner(so).(*writableState)
			return g.onwrite(stream, so, s, c.Argument(0))
		}).(*goja.Object)
		if s, _ := modules.SlotOwnerAll(so).(*writableState); s != nil && s.onwriteFn == nil {
			s.onwriteFn, s.owStream, s.owState = f, stream, so
		}
		return f
	})
	g.writeFn = vm.ToValue(g.write)
	b.Set("write", g.writeFn)
	// setupReadable(pushJS, readJS, emitReadable, endReadable, nextTick, maybeReadMore_,
	// errorOrDestroy, fromList, EventEmitter.prototype.emit)
	b.Set("setupReadable", func(c goja.FunctionCall) goja.Value {
		g.pushJS = fn(c.Argument(0))
		g.readJS = fn(c.Argument(1))
		g.emitReadable = fn(c.Argument(2))
		g.endReadable = fn(c.Argument(3))
		g.nextTick = fn(c.Argument(4))
		g.maybeReadMoreV = c.Argument(5)
		g.maybeReadMore = fn(c.Argument(5))
		g.errorOrDestroy = fn(c.Argument(6))
		g.fromList = fn(c.Argument(7))
		g.eeEmit = c.Argument(8)
		return goja.Undefined()
	})
	g.pushFn = vm.ToValue(g.push)
	b.Set("push", g.pushFn)
	// setupTransform(transformWriteSlow, (a, b) => a < b, kCallback)
	b.Set("setOwnSymbols", func(c goja.FunctionCall) goja.Value {
		g.ownSymbols = fn(c.Argument(0))
		return goja.Undefined()
	})
	b.Set("setupTransform", func(c goja.FunctionCall) goja.Value {
		g.transformWriteSlow = fn(c.Argument(0))
		g.lessThan = fn(c.Argument(1))
		g.kCallback, _ = c.Argument(2).(*goja.Symbol)
		return goja.Undefined()
	})
	b.Set("initTransform", g.initTransform)
	g.transformWriteV = vm.ToValue(g.transformWrite)
	b.Set("transformWrite", g.transformWriteV)
	g.readV = vm.ToValue(g.read)
	b.Set("read", g.readV)
	g.flowV = vm.ToValue(g.flow)
	b.Set("flow", g.flowV)
	// newReadableState(proto, objectMode, emitClose, autoDestroy, highWaterMark): a ReadableState
	// with prototype proto and every field at its start value (its buffer an empty array of
	// chunks), set here rather than by ~30 writes through its proxy.
	vFalse, vTrue, vNull, vZero, vUTF8 := vm.ToValue(false), vm.ToValue(true), goja.Null(), vm.ToValue(0), vm.ToValue("utf8")
	b.Set("newReadableState", func(c goja.FunctionCall) goja.Value {
		rs := &readableState{paused: vNull, g: g}
		rs.SlotObject = modules.SlotObject{Layout: &rsLayout, Slots: rs.slots[:]}
		sl := &rs.slots
		for i := range sl {
			sl[i] = vFalse
		}
		sl[rsObjectMode] = vm.ToValue(c.Argument(1).ToBoolean())
		sl[rsHighWaterMark], sl[rsLength], sl[rsBufferIndex] = vZero, vZero, vZero
		sl[rsBuffer] = vm.NewDynamicArray(&chunks{})
		sl[rsPipes] = vm.NewArray()
		sl[rsConstructed], sl[rsSync] = vTrue, vTrue
		sl[rsEmitClose] = vm.ToValue(c.Argument(2).ToBoolean())
		sl[rsAutoDestroy] = vm.ToValue(c.Argument(3).ToBoolean())
		for _, i := range [...]int{rsPipeOndata, rsFlowing, rsErrored, rsAwaitDrainWriters, rsDecoder, rsEncoding} {
			sl[i] = vNull
		}
		sl[rsDefaultEncoding] = vUTF8
		if len(c.Arguments) > 4 {
			sl[rsHighWaterMark] = c.Arguments[4]
		}
		return modules.NewOrdinarySlotted(vm, rs, c.Argument(0), g.slotProtos(true))
	})
	// defineStateAccessors(proto, readable, names): the accessors of a ReadableState's (readable
	// true) or WritableState's prototype for the named fields, which are not own properties of
	// a state (node 20.20 keeps them in its kState bits), in order.
	b.Set("defineStateAccessors", func(c goja.FunctionCall) goja.Value {
		var names []string
		if err := vm.ExportTo(c.Argument(2), &names); err != nil {
			panic(err)
		}
		g.slotProtos(c.Argument(1).ToBoolean()).DefineAccessors(c.Argument(0).ToObject(vm), names)
		return goja.Undefined()
	})
	// getPaused(state), setPaused(state, v): state[kPaused].
	b.Set("getPaused", func(c goja.FunctionCall) goja.Value {
		if s, _ := modules.SlotOwnerAll(c.Argument(0)).(*readableState); s != nil {
			return s.paused
		}
		return goja.Undefined()
	})
	b.Set("setPaused", func(c goja.FunctionCall) goja.Value {
		if s, _ := modules.SlotOwnerAll(c.Argument(0)).(*readableState); s != nil {
			s.paused = c.Argument(1)
		}
		return goja.Undefined()
	})
	// setPipe(state, ondata, dest, pause): the pipe whose 'data' listener is ondata.
	b.Set("setPipe", func(c goja.FunctionCall) goja.Value {
		if _, s := rsOf(c.Argument(0)); s != nil {
			s.pipeOndataReg = c.Argument(1)
			s.pipeDest, _ = c.Argument(2).(*goja.Object)
			s.pipePause = fn(c.Argument(3))
		}
		return goja.Undefined()
	})
	return nil
}

// slotProtos is the SlotProtos of the ReadableState (readable) or WritableState layout.
func (g *streamsGo) slotProtos(readable bool) *modules.SlotProtos {
	if readable {
		if g.rsProtos == nil {
			g.rsProtos = modules.NewSlotProtos(g.vm, &rsLayout)
			g.rsProtos.Foreign = g.foreignField(rsNames)
		}
		return g.rsProtos
	}
	if g.wsProtos == nil {
		g.wsProtos = modules.NewSlotProtos(g.vm, &wsLayout)
		g.wsProtos.Foreign = g.foreignField(wsNames)
	}
	return g.wsProtos
}

// foreignField is what a state prototype's accessor of one of names gives a receiver that is no
// state: node 20.20's getters read the receiver's kState bits (none) and give a flag false, a
// field kept beside a flag its default (null; writecb nop; buffered a new empty array), a
// plain field undefined.
func (g *streamsGo) foreignField(names []string) func(int, goja.Value) goja.Value {
	return func(i int, _ goja.Value) goja.Value {
		switch names[i] {
		case "errored", "decoder", "encoding", "flowing", "afterWriteTickInfo":
			return goja.Null()
		case "writecb":
			return g.nop
		case "buffered":
			return g.vm.NewArray()
		case "defaultEncoding", "writable":
			return goja.Undefined() // (plain fields there)
		}
		return g.vFalse
	}
}

// bufLen is the length of chunk if it is a Buffer (its prototype Buffer.prototype itself).
func (g *streamsGo) bufLen(chunk goja.Value) (int64, bool) {
	o, ok := chunk.(*goja.Object)
	if !ok {
		return 0, false
	}
	if o == g.knownBuf {
		return g.knownLen, true
	}
	// The prototype first: exporting any other object (an object-mode chunk) would copy it
	// into a Go map.
	if g.bufProto == nil || o.Prototype() != g.bufProto {
		return 0, false
	}
	b, ok := modules.ExportAs[[]byte](o)
	if !ok {
		return 0, false
	}
	g.knownBuf, g.knownLen = o, int64(len(b))
	return g.knownLen, true
}

func throwIf(err error) {
	if err != nil {
		panic(err)
	}
}

// write is Writable.prototype.write. The common case, a Buffer written to a byte stream that is
// open and idle, is done here (streams.js's _write and writeOrBuffer); any other goes to the JS
// write.
func (g *streamsGo) write(c goja.FunctionCall) goja.Value {
	slow := func() goja.Value {
		v, err := g.writeJS(c.This, c.Arguments...)
		throwIf(err)
		return v
	}
	this, ok := c.This.(*goja.Object)
	if !ok {
		return slow()
	}
	so, ok := modules.GetKey(this, kWritableState).(*goja.Object)
	if !ok {
		return slow()
	}
	s, ok := modules.SlotOwner(so).(*writableState)
	if !ok {
		return slow()
	}
	sl := &s.slots
	chunk := c.Argument(0)
	cb := c.Argument(2)
	enc := c.Argument(1)
	var n int64
	objectMode := modules.Truthy(sl[wsObjectMode])
	if objectMode {
		// Any chunk but null (ERR_STREAM_NULL_VALUES), counted as 1, with the encoding as given
		// (null when the callback took its place).
		if chunk == goja.Null() {
			return slow()
		}
		n = 1
		if _, isFn := goja.AssertFunction(enc); isFn {
			cb, enc = enc, goja.Null()
		}
	} else {
		str := false
		if n, ok = g.bufLen(chunk); !ok {
			// A string to decode (decodeStrings set) in UTF-8, the encoding given or the
			// state's default, through buffer's own Buffer.from: _write's Buffer.from(chunk,
			// encoding) done here (it runs no JS of the program, so doing it after the checks
			// below, rather than before as _write, is not seen).
			if !goja.IsString(chunk) || g.bufFromF == nil || !modules.Truthy(sl[wsDecodeStrings]) {
				return slow()
			}
			str = true
		}
		if _, isFn := goja.AssertFunction(enc); isFn {
			cb = enc
			enc = goja.Undefined()
		}
		if str {
			if !enc.ToBoolean() {
				enc = sl[wsDefaultEncoding]
			}
			if !isUTF8Name(enc) {
				return slow()
			}
		} else if enc.ToBoolean() {
			return slow()
		}
		encName := enc
		enc = g.vBuffer
		if str {
			if modules.Truthy(sl[wsEnding]) || modules.Truthy(sl[wsDestroyed]) ||
				!goja.IsNumber(sl[wsLength]) || !goja.IsNumber(sl[wsPendingcb]) ||
				g.bufCtor.Get("from") != g.bufFrom {
				return slow()
			}
			b, err := g.bufFromF(g.bufCtor, chunk, encName)
			throwIf(err)
			if n, ok = g.bufLen(b); !ok {
				panic(g.vm.NewTypeError("Buffer.from did not make a Buffer"))
			}
			chunk = b
		}
	}
	if modules.Truthy(sl[wsEnding]) || modules.Truthy(sl[wsDestroyed]) ||
		!goja.IsNumber(sl[wsLength]) || !goja.IsNumber(sl[wsPendingcb]) {
		return slow()
	}
	if modules.Truthy(sl[wsWriting]) || modules.Truthy(sl[wsCorked]) || modules.Truthy(sl[wsErrored]) ||
		!modules.Truthy(sl[wsConstructed]) {
		// writeOrBuffer's other branch: the write waits in state.buffered
		buffered, ok := sl[wsBuffered].(*goja.Object)
		if !ok || buffered.ClassName() != "Array" {
			return slow()
		}
		return g.bufferWrite(s, buffered, chunk, enc, g.callbackOf(cb), n)
	}
	cb = g.callbackOf(cb)
	vm := g.vm
	sl[wsPendingcb] = g.num(sl[wsPendingcb].ToFloat() + 1)
	sl[wsLength] = g.num(sl[wsLength].ToFloat() + float64(n))
	sl[wsWritelen] = g.num(float64(n))
	sl[wsWritecb] = cb
	sl[wsWriting] = g.vTrue
	sl[wsSync] = g.vTrue
	onw := sl[wsOnwrite]
	if onw == nil {
		onw = goja.Undefined()
	}
	wf := modules.GetKey(this, kUnderWrite)
	if wf == g.transformWriteV {
		g.transformWriteWS(this, so, s, chunk, enc, onw)
		return g.writeDone(s)
	}
	if !s.write.of(wf) {
		panic(vm.NewTypeError("this._write is not a function"))
	}
	_, err := g.call3(&s.write, this, chunk, enc, onw)
	throwIf(err)
	return g.writeDone(s)
}

// callbackOf is _write's callback: cb when it is a function, else nop.
func (g *streamsGo) callbackOf(cb goja.Value) goja.Value {
	if cb != g.nop {
		if _, isFn := goja.AssertFunction(cb); !isFn {
			return g.nop
		}
	}
	return cb
}

// bufferWrite is the rest of a write that must wait (streams.js's _write and writeOrBuffer when
// the stream is writing, corked, errored or not yet constructed): the chunk of n bytes (1 in
// object mode) and its encoding and callback go to the end of buffered (state.buffered, an array)
// as the object { chunk, encoding, callback }. It calls no code of the program's.
func (g *streamsGo) bufferWrite(s *writableState, buffered *goja.Object, chunk, enc, cb goja.Value, n int64) goja.Value {
	vm := g.vm
	sl := &s.slots
	sl[wsPendingcb] = g.num(sl[wsPendingcb].ToFloat() + 1)
	length := sl[wsLength].ToFloat() + float64(n)
	sl[wsLength] = g.num(length)
	e := vm.NewObject()
	// (defined, as an object literal's properties are: a setter up Object.prototype is not called)
	throwIf(e.DefineDataProperty("chunk", chunk, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE))
	throwIf(e.DefineDataProperty("encoding", enc, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE))
	throwIf(e.DefineDataProperty("callback", cb, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE))
	// buffered.push(e)
	l := buffered.Get("length").ToInteger()
	throwIf(buffered.Set(strconv.FormatInt(l, 10), e))
	if modules.Truthy(sl[wsAllBuffers]) && !enc.StrictEquals(g.vBuffer) {
		sl[wsAllBuffers] = g.vFalse
	}
	if modules.Truthy(sl[wsAllNoop]) && cb != g.nop {
		sl[wsAllNoop] = g.vFalse
	}
	ret := length < toFloat(sl[wsHighWaterMark]) || length == 0
	if !ret {
		sl[wsNeedDrain] = g.vTrue
	}
	return g.boolV(ret && !modules.Truthy(sl[wsErrored]) && !modules.Truthy(sl[wsDestroyed]))
}

// isUTF8Name reports whether v is the string 'utf8' or 'utf-8' (node's fast names for UTF-8).
func isUTF8Name(v goja.Value) bool {
	s, ok := v.(goja.String)
	if !ok || s.Length() > 5 {
		return false
	}
	switch s.String() {
	case "utf8", "utf-8":
		return true
	}
	return false
}

// writeDone ends the Go write once _write has returned.
func (g *streamsGo) writeDone(s *writableState) goja.Value {
	sl := &s.slots
	sl[wsSync] = g.vFalse
	length := toFloat(sl[wsLength])
	ret := length < toFloat(sl[wsHighWaterMark]) || length == 0
	if !ret {
		sl[wsNeedDrain] = g.vTrue
	}
	return g.boolV(ret && !modules.Truthy(sl[wsErrored]) && !modules.Truthy(sl[wsDestroyed]))
}

func toFloat(v goja.Value) float64 {
	if v == nil {
		return goja.Undefined().ToFloat()
	}
	return v.ToFloat()
}

// onwriteOf calls s's own onwrite (s.onwriteFn) with er (nil: no argument).
func (g *streamsGo) onwriteOf(s *writableState, er goja.Value) {
	if er == nil {
		er = goja.Undefined()
	}
	live, _ := modules.SlotOwner(s.owState).(*writableState)
	g.onwrite(s.owStream, s.owState, live, er)
}

// onwrite is a stream's onwrite callback: the common case (no error, nothing buffered, a
// synchronous write without a callback or an asynchronous one) here, any other in JS.
func (g *streamsGo) onwrite(stream goja.Value, so *goja.Object, s *writableState, er goja.Value) goja.Value {
	undef := goja.Undefined()
	if s == nil {
		_, err := g.onwriteJS(undef, stream, er)
		throwIf(err)
		return undef
	}
	sl := &s.slots
	cb := sl[wsWritecb]
	cbFn := cb == g.nop
	if !cbFn && cb != nil {
		_, cbFn = goja.AssertFunction(cb)
	}
	buffered := g.hasBuffered(s)
	if er.ToBoolean() || !cbFn || !goja.IsNumber(sl[wsLength]) || !goja.IsNumber(sl[wsWritelen]) ||
		buffered && g.writeBufferedV == nil {
		_, err := g.onwriteJS(undef, stream, er)
		throwIf(err)
		return undef
	}
	sl[wsWriting] = g.vFalse
	sl[wsWritecb] = goja.Null()
	length := sl[wsLength].ToFloat() - sl[wsWritelen].ToFloat()
	sl[wsLength] = g.num(length)
	sl[wsWritelen] = g.vZero
	if buffered {
		g.clearBuffer(stream, so, s)
		length = toFloat(sl[wsLength])
	}
	var err error
	if modules.Truthy(sl[wsSync]) {
		// onwriteSyncDone for a write without a callback: a tick for afterWrite when 'drain' is
		// due, or for any object-mode write (as node 20 does), unless one is already pending.
		if cb == g.nop && goja.IsNumber(sl[wsPendingcb]) {
			needTick := (modules.Truthy(sl[wsNeedDrain]) && length == 0) || modules.Truthy(sl[wsObjectMode])
			if !modules.Truthy(sl[wsAfterWritePending]) && needTick {
				sl[wsAfterWritePending] = g.vTrue
				_, err = g.nextTick(undef, g.afterWriteV, stream, so, g.vOne, cb)
			} else {
				sl[wsPendingcb] = g.num(sl[wsPendingcb].ToFloat() - 1)
				if modules.Truthy(sl[wsEnding]) {
					_, err = g.finishMaybe(undef, stream, so, g.vTrue)
				}
			}
		} else {
			_, err = g.onwriteSyncDone(undef, stream, so, cb)
		}
	} else if cb == g.nop && !modules.Truthy(sl[wsNeedDrain]) && !modules.Truthy(sl[wsDestroyed]) &&
		!modules.Truthy(sl[wsEnding]) && goja.IsNumber(sl[wsPendingcb]) {
		// afterWrite for a write without a callback that emits no 'drain' and does not finish
		sl[wsAfterWritePending] = g.vFalse
		sl[wsPendingcb] = g.num(sl[wsPendingcb].ToFloat() - 1)
	} else {
		_, err = g.afterWrite(undef, stream, so, g.vOne, cb)
	}
	throwIf(err)
	return undef
}

// clearBuffer is streams.js's clearBuffer called by onwrite (stream's, whose state so is s's):
// the waiting writes go to _write one at a time, each through writeBuffered (node's frames of
// doWrite, clearBuffer and onwrite), until one does not finish at once. A stream with _writev
// and more than one write waiting, a destroyed stream, and a buffer that is not a plain array
// of { chunk, encoding, callback } take the JS clearBuffer (onwriteClearBuffer).
func (g *streamsGo) clearBuffer(stream goja.Value, so *goja.Object, s *writableState) {
	sl := &s.slots
	if modules.Truthy(sl[wsCorked]) || modules.Truthy(sl[wsBufferProcessing]) || modules.Truthy(sl[wsDestroyed]) ||
		!modules.Truthy(sl[wsConstructed]) {
		return
	}
	undef := goja.Undefined()
	js := func() {
		_, err := g.onwriteClearBuffer(undef, stream, so)
		throwIf(err)
	}
	arr, ok := sl[wsBuffered].(*goja.Object)
	st, ok2 := stream.(*goja.Object)
	if !ok || !ok2 || arr.ClassName() != "Array" || !goja.IsNumber(sl[wsBufferedIndex]) {
		js()
		return
	}
	i := sl[wsBufferedIndex].ToInteger()
	if float64(i) != sl[wsBufferedIndex].ToFloat() {
		js()
		return
	}
	n := arr.Get("length").ToInteger()
	if n-i <= 0 {
		js()
		return
	}
	if n-i > 1 {
		// (a _writev read without running code: a getter's is left to the JS clearBuffer,
		// which reads it once)
		wv, ok := modules.PeekKey(st, kWritev)
		if !ok || wv != nil && wv.ToBoolean() {
			js()
			return
		}
	}
	vm := g.vm
	objectMode := modules.Truthy(sl[wsObjectMode])
	sl[wsBufferProcessing] = g.vTrue
	for {
		key := strconv.FormatInt(i, 10)
		eo, ok := arr.Get(key).(*goja.Object)
		if !ok {
			panic(vm.NewTypeError("Cannot destructure property 'chunk' of 'buffered[(i++)]' as it is undefined."))
		}
		chunk, enc, cb := eo.Get("chunk"), eo.Get("encoding"), eo.Get("callback")
		throwIf(arr.Set(key, goja.Null()))
		i++
		var l goja.Value = g.vOne
		if !objectMode {
			if bl, ok := g.bufLen(chunk); ok {
				l = g.num(float64(bl))
			} else {
				l = chunk.ToObject(vm).Get("length")
				if l == nil {
					l = undef
				}
			}
		}
		if modules.Truthy(sl[wsDestroyed]) {
			// (doWrite's ERR_STREAM_DESTROYED)
			_, err := g.doWrite(undef, stream, so, g.vFalse, l, chunk, enc, cb)
			throwIf(err)
		} else {
			sl[wsWritelen] = l
			sl[wsWritecb] = cb
			sl[wsWriting] = g.vTrue
			sl[wsSync] = g.vTrue
			onw := sl[wsOnwrite]
			if onw == nil {
				onw = undef
			}
			g.writeBufArgs[0], g.writeBufArgs[1], g.writeBufArgs[2], g.writeBufArgs[3] = stream, chunk, enc, onw
			_, err := g.writeBuffered(undef, g.writeBufArgs[:]...)
			g.writeBufArgs = [4]goja.Value{}
			throwIf(err)
			sl[wsSync] = g.vFalse
		}
		if i >= arr.Get("length").ToInteger() || modules.Truthy(sl[wsWriting]) {
			break
		}
	}
	switch n := arr.Get("length").ToInteger(); {
	case i == n:
		// resetBuffer
		sl[wsBuffered] = vm.NewArray()
		sl[wsBufferedIndex] = g.vZero
		sl[wsAllBuffers] = g.vTrue
		sl[wsAllNoop] = g.vTrue
	case i > 256:
		splice, ok := goja.AssertFunction(arr.Get("splice"))
		if !ok {
			panic(vm.NewTypeError("buffered.splice is not a function"))
		}
		_, err := splice(arr, g.vZero, g.num(float64(i)))
		throwIf(err)
		sl[wsBufferedIndex] = g.vZero
	default:
		sl[wsBufferedIndex] = g.num(float64(i))
	}
	sl[wsBufferProcessing] = g.vFalse
}

// hasBuffered is state.buffered.length > state.bufferedIndex.
func (g *streamsGo) hasBuffered(s *writableState) bool {
	b, ok := s.slots[wsBuffered].(*goja.Object)
	if !ok {
		return true // let the JS path decide
	}
	return b.Get("length").ToFloat() > toFloat(s.slots[wsBufferedIndex])
}

// smallInts are the JS numbers 0..len-1 (goja keeps integers as the same runtime-independent
// values in every runtime): a hot path's counts and lengths without vm.ToValue's boxing of a
// float64 (an allocation per call).
var (
	smallIntsOnce sync.Once
	smallInts     [1024]goja.Value
)

// num is the JS number f.
func (g *streamsGo) num(f float64) goja.Value {
	if f >= 0 && f < float64(len(smallInts)) {
		if i := int(f); float64(i) == f && (i != 0 || !math.Signbit(f)) {
			smallIntsOnce.Do(func() {
				for j := range smallInts {
					smallInts[j] = g.vm.ToValue(int64(j))
				}
			})
			return smallInts[i]
		}
	}
	if i := int64(f); float64(i) == f && i != 0 && i > -1<<53 && i < 1<<53 {
		return g.vm.ToValue(i) // an integer: no float boxing
	}
	return g.vm.ToValue(f)
}

// boolV is the JS boolean b.
func (g *streamsGo) boolV(b bool) goja.Value {
	if b {
		return g.vTrue
	}
	return g.vFalse
}

// callee is a per-chunk callback (a stream's _read, _write, _transform) as last called: its
// value and callable, remade when the value changes.
type callee struct {
	fn   goja.Value
	call goja.Callable
	js   bool // modules.IsJSFunction(fn): its arguments can come from streamsGo.args
}

// of makes v the callee (false: v is not callable).
func (c *callee) of(v goja.Value) bool {
	if v == c.fn && c.call != nil {
		return true
	}
	f, ok := goja.AssertFunction(v)
	if !ok {
		return false
	}
	c.fn, c.call, c.js = v, f, modules.IsJSFunction(v)
	return true
}

// call1 and call3 call c. A JS function's arguments go in g.args: goja copies them onto its stack
// before the function runs, so a nested call can reuse the list (a native function could keep it).
func (g *streamsGo) call1(c *callee, this, a goja.Value) (goja.Value, error) {
	if !c.js {
		return c.call(this, a)
	}
	g.args[0] = a
	v, err := c.call(this, g.args[:1]...)
	g.args[0] = nil
	return v, err
}

func (g *streamsGo) call3(c *callee, this, a, b, d goja.Value) (goja.Value, error) {
	if !c.js {
		return c.call(this, a, b, d)
	}
	g.args[0], g.args[1], g.args[2] = a, b, d
	v, err := c.call(this, g.args[:]...)
	g.args[0], g.args[1], g.args[2] = nil, nil, nil
	return v, err
}
