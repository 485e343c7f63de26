package net

import (
	"reflect"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

// The per-read and per-write fast paths of net.Socket, in Go.
//
// A flowing socket with nothing buffered gets each chunk as a 'data' event at once, and a write
// of a Buffer to an idle connected socket goes straight to the kernel. net.js has these two fast
// paths (onStreamRead, Socket.prototype.write); here they are done again in Go: the same checks of
// the same properties, in the same order, with the same effects, and the JS ones remain for what
// Go leaves alone. A read made this way costs no JS frame of its own (Go reads the state's fields
// and calls emit), and a write one native call, where the JS paths paid a property lookup for
// every field they test. Anything unusual (a state that is not Go-backed, a field that is not an
// own property, a value of an unexpected type) is left to the JS path before anything is changed.

type fastPaths struct {
	ready        bool
	onStreamRead *goja.Object  // net.js's onStreamRead: handles whose onread is this get dataFast
	readTail     goja.Callable // onStreamReadTail(self, st) with this = handle: the end of onStreamRead
	socketWrite  *goja.Object  // Socket.prototype._write as net.js made it
	kBytesRead   *goja.Symbol
	kTimeout     *goja.Symbol
	addTo        goja.Callable // addTo(o, key, n): o[key] += n, for foldCounts
	writeSlow    goja.Callable // net.js's writeSlow: Socket.prototype.write but for Go's fast path
	writeQueued  goja.Callable // net.js's writeQueued(socket, chunk, r): finishes a queued or failed fast write
	timers       bool          // some socket of the runtime has had an activity timer (net.js's socketTimers)

	vData, vTrue, vFalse, vNull, vZero, vDispatched goja.Value

	// the socket properties the fast paths read, prepared for modules.GetKey
	kEmit, kReadableState, kWritableState, kHandle, kAllowHalfOpen, kWrite modules.Key

	emitObj *goja.Object // the emit function last called, and its callable
	emitFn  goja.Callable
	emitRaw modules.RawFunc // (see modules.CallRaw; nil: call emitFn)
	// emitKey and writeKey read a socket's emit (a walk up six objects of the chain, the last of
	// which, EventEmitter.prototype, has it) and _write (Socket.prototype's), remembering the
	// walk (see modules.ChainCache); a socket's stateRefs remember that it owns neither.
	emitKey, writeKey *modules.ChainCache

	// emitArgs is the argument list of dataFast's emit('data', buf), reused (a callable's
	// variadic list escapes: one allocation per read otherwise); emitBusy while it is in use.
	emitArgs [2]goja.Value
	emitBusy bool

	rIdx, wIdx fieldIdx // the slots of the fields below in the states' layouts
}

// The names of the fields the fast paths read, in the order of fFlowing... and wLength....
var (
	readFields  = []string{"flowing", "length", "sync", "dataListening", "decoder", "ended", "destroyed", "errored", "multiAwaitDrain", "objectMode", "reading", "awaitDrainWriters", "dataEmitted", "readingMore", "constructed", "needReadable", "endEmitted"}
	writeFields = []string{"length", "writing", "corked", "ending", "destroyed", "errored", "constructed", "needDrain", "objectMode"}
)

// initFast is net.js's binding.initFast(onStreamRead, onStreamReadTail, socketWrite, kBytesRead,
// kTimeout, addTo). Loop only.
func (s *state) initFast(c goja.FunctionCall) goja.Value {
	fp := &s.fast
	fp.onStreamRead, _ = c.Argument(0).(*goja.Object)
	fp.readTail, _ = goja.AssertFunction(c.Argument(1))
	fp.socketWrite, _ = c.Argument(2).(*goja.Object)
	fp.kBytesRead, _ = c.Argument(3).(*goja.Symbol)
	fp.kTimeout, _ = c.Argument(4).(*goja.Symbol)
	fp.addTo, _ = goja.AssertFunction(c.Argument(5))
	vm := s.vm
	fp.vData, fp.vTrue, fp.vFalse, fp.vNull, fp.vZero = vm.ToValue("data"), vm.ToValue(true), vm.ToValue(false), goja.Null(), vm.ToValue(0)
	fp.vDispatched = vm.ToValue("_bytesDispatched")
	fp.kEmit, fp.kReadableState, fp.kWritableState = modules.NewKey("emit"), modules.NewKey("_readableState"), modules.NewKey("_writableState")
	fp.kHandle, fp.kAllowHalfOpen, fp.kWrite = modules.NewKey("_handle"), modules.NewKey("allowHalfOpen"), modules.NewKey("_write")
	fp.emitKey, fp.writeKey = modules.NewChainCache(fp.kEmit), modules.NewChainCache(fp.kWrite)
	fp.ready = fp.onStreamRead != nil && fp.readTail != nil && fp.socketWrite != nil && fp.kBytesRead != nil && fp.kTimeout != nil &&
		fp.addTo != nil
	return goja.Undefined()
}

// stateRefs remembers, per socket, the stream states its fast paths last looked at (see
// modules.SlotRef), and the bytes they counted. Made on a socket's first fast read or write: an
// idle socket has none.
type stateRefs struct {
	rs, ws modules.SlotRef
	// nRead and nWritten are bytes the fast paths read and wrote for the handle's owner that
	// are not yet added to its [kBytesRead] and _bytesDispatched: `self[kBytesRead] += n` and
	// `this._bytesDispatched += len` cost a property read and a write each per message, so Go
	// keeps the sums until JS can see them. The only readers of the two properties are the
	// owner's bytesRead and bytesWritten getters, which fold the counts in first
	// (binding.foldCounts); the handle folds them in before it closes and before it changes
	// owner. Every other use of the properties is a `+=`, which folding later does not change.
	nRead, nWritten int64

	// own remembers that the owner owns neither emit (bit ownEmit) nor _write (ownWrite).
	own modules.OwnMemo
}

const (
	ownEmit = iota
	ownWrite
)

// foldCounts adds the bytes the fast paths counted to the owner's properties. Loop only.
func (cn *conn) foldCounts() error {
	r := cn.stRefs
	if r == nil || (r.nRead == 0 && r.nWritten == 0) {
		return nil
	}
	nr, nw := r.nRead, r.nWritten
	r.nRead, r.nWritten = 0, 0
	s := cn.s
	owner, ok := cn.ownerVal.(*goja.Object)
	if !ok || s.fast.addTo == nil {
		return nil
	}
	if nr != 0 {
		if _, err := s.fast.addTo(goja.Undefined(), owner, s.fast.kBytesRead, s.vm.ToValue(nr)); err != nil {
			return err
		}
	}
	if nw != 0 {
		if _, err := s.fast.addTo(goja.Undefined(), owner, s.fast.vDispatched, s.vm.ToValue(nw)); err != nil {
			return err
		}
	}
	return nil
}

func (cn *conn) refs() *stateRefs {
	if cn.stRefs == nil {
		cn.stRefs = new(stateRefs)
	}
	return cn.stRefs
}

// readSlots returns the slots of v, cn's socket's _readableState, and the indexes among them of
// the fields the fast paths read (readFields), when v is a stream state whose fields are live in
// Go (see modules.SlotRef.Slots), else nil. A nil slot is a field that is not an own property
// (JS would go on to the prototype). It is asked every time (through the socket's SlotRef,
// which makes asking again about the same state cheap): a state that has gone ordinary (frozen,
// an accessor defined on a field) keeps its fields in JS from then on, and the JS paths take
// over.
func (cn *conn) readSlots(v goja.Value) ([]goja.Value, *[fCountR]int) {
	layout, sl := cn.refs().rs.Slots(v)
	if sl == nil {
		return nil, nil
	}
	ix := cn.s.fast.rIdx.of(layout, readFields)
	if ix == nil {
		return nil, nil
	}
	return sl, ix
}

// writeSlots is readSlots for the write fast path's fields (writeFields) of v, a _writableState.
func (cn *conn) writeSlots(v goja.Value) ([]goja.Value, *[fCountR]int) {
	layout, sl := cn.refs().ws.Slots(v)
	if sl == nil {
		return nil, nil
	}
	ix := cn.s.fast.wIdx.of(layout, writeFields)
	if ix == nil {
		return nil, nil
	}
	return sl, ix
}

// The stream-state fields the fast paths read, as indexes into fieldIdx.idx.
const (
	fFlowing = iota
	fLength
	fSync
	fDataListening
	fDecoder
	fEnded
	fDestroyed
	fErrored
	fMultiAwaitDrain
	fObjectMode
	fReading
	fAwaitDrainWriters
	fDataEmitted
	fReadingMore
	fConstructed
	fNeedReadable
	fEndEmitted
	fCountR // (the readable fields end here)
)

const (
	wLength = iota
	wWriting
	wCorked
	wEnding
	wDestroyed
	wErrored
	wConstructed
	wNeedDrain
	wObjectMode
	wCount
)

// fieldIdx maps the fields a fast path reads to the slots of one state layout (see
// modules.SlotRef.Slots), resolved once per layout: the fields are then read and written by
// index rather than by name.
type fieldIdx struct {
	layout *modules.SlotLayout
	ok     bool // every field is a slot of layout
	idx    [fCountR]int
}

// of returns the indexes of names in layout's slots, or nil when one of them is not a slot.
func (f *fieldIdx) of(layout *modules.SlotLayout, names []string) *[fCountR]int {
	if f.layout != layout {
		f.layout, f.ok = layout, true
		for i, n := range names {
			if f.idx[i] = layout.Index(n); f.idx[i] < 0 {
				f.ok = false
			}
		}
	}
	if !f.ok {
		return nil
	}
	return &f.idx
}

// isNull is v === null for a value read from an object (nil: no such property, undefined).
func isNull(v goja.Value) bool { return v != nil && goja.IsNull(v) }

// addNumber is a += n for a number a, keeping an integer an integer.
func (s *state) addNumber(a goja.Value, n int) goja.Value {
	// reflect.TypeFor here, not in a package variable: that would be initialisation code, run
	// (and its code faulted in) by every process at start.
	if a.ExportType() == reflect.TypeFor[int64]() {
		return s.vm.ToValue(a.ToInteger() + int64(n))
	}
	return s.vm.ToValue(a.ToFloat() + float64(n))
}

// endEmitted reports whether rs, a socket's _readableState read with no JS run, is a live
// Go-backed state (see readSlots) whose endEmitted is truthy. A state that is not, or whose
// endEmitted is not an own field, counts as ended, so that the caller takes the JS order of
// reads.
func endEmitted(cn *conn, rs goja.Value) bool {
	sl, ix := cn.readSlots(rs)
	if sl == nil || sl[ix[fEndEmitted]] == nil {
		return true
	}
	return sl[ix[fEndEmitted]].ToBoolean()
}

// emitOf returns self.emit, self being cn's owner, as a callable (and fp.emitObj, fp.emitRaw
// are it), or nil when it is not a function.
func (s *state) emitOf(cn *conn, self *goja.Object) goja.Callable {
	fp := &s.fast
	eo, ok := fp.emitKey.GetWith(self, &cn.refs().own, ownEmit).(*goja.Object)
	if !ok {
		return nil
	}
	if eo != fp.emitObj {
		fn, ok := goja.AssertFunction(eo)
		if !ok {
			return nil
		}
		fp.emitObj, fp.emitFn = eo, fn
		fp.emitRaw, _ = modules.RawOf(eo)
	}
	return fp.emitFn
}

// callEmit is emit(self, args...), emit being emitOf's.
func (s *state) callEmit(emit goja.Callable, self *goja.Object, args []goja.Value) error {
	fp := &s.fast
	var err error
	if fp.emitRaw != nil {
		_, err = modules.CallRaw(s.vm, fp.emitObj, fp.emitRaw, self, args)
	} else {
		_, err = emit(self, args...)
	}
	return err
}

// refreshTimer is `if (socketTimers && (self[kTimeout] !== null || self._parent !== null))
// self._unrefTimer();`.
func (s *state) refreshTimer(self *goja.Object) error {
	fp := &s.fast
	if !fp.timers {
		return nil
	}
	if t := self.GetSymbol(fp.kTimeout); t != nil && goja.IsNull(t) {
		if p := self.Get("_parent"); p != nil && goja.IsNull(p) {
			return nil
		}
	}
	f, ok := s.unrefTimerFn.Of(self.Get("_unrefTimer"))
	if !ok {
		return s.vm.Try(func() { panic(s.vm.NewTypeError("self._unrefTimer is not a function")) })
	}
	_, err := f(self)
	return err
}

// dataFast is onStreamRead's flowing fast path for a read of n bytes (buf), with this = cn's
// handle. It reports false, having done nothing, when JS's onStreamRead is to run instead.
func (cn *conn) dataFast(buf goja.Value, n int) (handled bool, err error) {
	s := cn.s
	fp := &s.fast
	defer func() {
		// A getter that throws (none does on a socket's own fields) ends the read as it would in JS.
		if r := recover(); r != nil {
			ex, ok := r.(*goja.Exception)
			if !ok {
				panic(r)
			}
			handled, err = true, ex
		}
	}()
	self, ok := cn.ownerVal.(*goja.Object)
	if !ok {
		return false, nil
	}
	stv := modules.GetKey(self, fp.kReadableState)
	sl, ix := cn.readSlots(stv)
	if sl == nil {
		return false, nil
	}
	// const st = self._readableState;
	// if (st.flowing === true && st.length === 0 && !st.sync && st.dataListening && st.decoder === null &&
	//     !st.ended && !st.destroyed && !st.errored && !st.multiAwaitDrain && !st.objectMode)
	flowing, length, sync, dataListening, decoder := sl[ix[fFlowing]], sl[ix[fLength]], sl[ix[fSync]], sl[ix[fDataListening]], sl[ix[fDecoder]]
	ended, destroyed, errored, multi, objectMode := sl[ix[fEnded]], sl[ix[fDestroyed]], sl[ix[fErrored]], sl[ix[fMultiAwaitDrain]], sl[ix[fObjectMode]]
	reading, adw, dataEmitted := sl[ix[fReading]], sl[ix[fAwaitDrainWriters]], sl[ix[fDataEmitted]]
	if flowing == nil || length == nil || sync == nil || dataListening == nil || decoder == nil || ended == nil ||
		destroyed == nil || errored == nil || multi == nil || objectMode == nil || reading == nil || adw == nil ||
		dataEmitted == nil {
		return false, nil
	}
	if !flowing.StrictEquals(fp.vTrue) || !length.StrictEquals(fp.vZero) || sync.ToBoolean() || !dataListening.ToBoolean() ||
		!goja.IsNull(decoder) || ended.ToBoolean() || destroyed.ToBoolean() || errored.ToBoolean() || multi.ToBoolean() ||
		objectMode.ToBoolean() {
		return false, nil
	}
	emit := s.emitOf(cn, self)
	if emit == nil {
		return false, nil
	}
	// self[kBytesRead] += n; (counted here, see stateRefs)
	cn.stRefs.nRead += int64(n)
	if err := s.refreshTimer(self); err != nil {
		return true, err
	}
	// st.reading = false; if (st.awaitDrainWriters !== null) st.awaitDrainWriters = null;
	// if (!st.dataEmitted) st.dataEmitted = true;
	sl[ix[fReading]] = fp.vFalse
	if !goja.IsNull(adw) {
		sl[ix[fAwaitDrainWriters]] = fp.vNull
	}
	if !dataEmitted.ToBoolean() {
		sl[ix[fDataEmitted]] = fp.vTrue
	}
	// (the listeners' stack frames end as node's do below a read's 'data': its push from the
	// handle's onStreamRead)
	kind := eventloop.CallNetRead
	if cn.unixSock {
		kind = eventloop.CallNetReadPipe
	}
	mark := s.h.Loop.NoteCall(nil, self, kind)
	var err2 error
	if !fp.emitBusy {
		// (A dataFast inside the emit, which nothing does now, would make its own list.)
		fp.emitBusy = true
		fp.emitArgs[0], fp.emitArgs[1] = fp.vData, buf
		err2 = s.callEmit(emit, self, fp.emitArgs[:])
		fp.emitArgs[1] = nil
		fp.emitBusy = false
	} else {
		err2 = s.callEmit(emit, self, []goja.Value{fp.vData, buf})
	}
	s.h.Loop.EndThis(mark)
	if err2 != nil {
		return true, err2
	}
	// if (!st.readingMore && st.constructed) {
	//   if (!st.reading && !st.ended && st.flowing === true && st.length === 0 && !st.destroyed && !st.errored &&
	//       this.reading && self._handle === this) {
	//     st.reading = true; if (!st.needReadable) st.needReadable = true; return;
	//   }
	// ... (the rest: onStreamReadTail)
	// (The listeners may have made the state ordinary: then its fields are JS's, and so is the rest.)
	if sl, ix = cn.readSlots(stv); sl != nil && !modules.Truthy(sl[ix[fReadingMore]]) && modules.Truthy(sl[ix[fConstructed]]) {
		reading, needReadable := sl[ix[fReading]], sl[ix[fNeedReadable]]
		flowing, length = sl[ix[fFlowing]], sl[ix[fLength]]
		if reading != nil && needReadable != nil && !reading.ToBoolean() && !modules.Truthy(sl[ix[fEnded]]) &&
			flowing != nil && flowing.StrictEquals(fp.vTrue) && length != nil && length.StrictEquals(fp.vZero) &&
			!modules.Truthy(sl[ix[fDestroyed]]) && !modules.Truthy(sl[ix[fErrored]]) && modules.Truthy(cn.readingVal) {
			if h, ok := modules.GetKey(self, fp.kHandle).(*goja.Object); ok && h == cn.obj {
				sl[ix[fReading]] = fp.vTrue
				if !needReadable.ToBoolean() {
					sl[ix[fNeedReadable]] = fp.vTrue
				}
				return true, nil
			}
		}
	}
	_, err = fp.readTail(cn.obj, self, stv)
	return true, err
}

// makeSocketWrite is net.js's binding.makeSocketWrite(writeSlow, writeQueued): it returns
// Socket.prototype.write, a Go function (see socketWrite).
func (s *state) makeSocketWrite(c goja.FunctionCall) goja.Value {
	fp := &s.fast
	fp.writeSlow, _ = goja.AssertFunction(c.Argument(0))
	fp.writeQueued, _ = goja.AssertFunction(c.Argument(1))
	if fp.writeSlow == nil || fp.writeQueued == nil {
		panic(s.vm.NewTypeError("makeSocketWrite: functions required"))
	}
	return modules.Func(s.vm, "", 3, s.socketWrite) // (node's is Writable.prototype.write, an anonymous function)
}

// socketWrite is Socket.prototype.write(chunk, encoding, cb). A write with no encoding and no
// callback is first offered to socketWriteFast, with no JS frame: done when the kernel took all
// of chunk, finished by net.js's writeQueued(this, chunk, r) when it was queued or failed. Any
// other write, and one socketWriteFast left alone, is net.js's writeSlow.call(this, chunk,
// encoding, cb).
func (s *state) socketWrite(c goja.FunctionCall) goja.Value {
	fp := &s.fast
	chunk, encoding, cb := c.Argument(0), c.Argument(1), c.Argument(2)
	if goja.IsUndefined(encoding) && goja.IsUndefined(cb) {
		if sock, ok := c.This.(*goja.Object); ok {
			switch r := s.socketWriteFast(sock, chunk); r {
			case writeDone:
				return fp.vTrue
			case writeLeft:
			default:
				res, err := fp.writeQueued(goja.Undefined(), sock, chunk, s.vm.ToValue(r))
				if err != nil {
					panic(err)
				}
				return res
			}
		}
	}
	res, err := fp.writeSlow(c.This, chunk, encoding, cb)
	if err != nil {
		panic(err)
	}
	return res
}

// socketWriteFast's answers besides writeFast's numbers (a negative errno, or 2*len+1 for a
// queued write of len >= 1 bytes, so neither can be one of these): plain ints, where comparing
// goja's boolean Values cost an interface comparison per write.
const (
	writeLeft = 0
	writeDone = 2
)

// socketWriteFast is Socket.prototype.write's fast path for write(chunk) with no encoding and no
// callback. It returns writeDone when the kernel took all of chunk (nothing more to do),
// writeLeft when it did nothing (the JS path follows), or the number writeFast would have
// returned (a queued or failed write: JS finishes it with writeQueued), in which case
// _bytesDispatched is counted and the timer refreshed already.
func (s *state) socketWriteFast(sock *goja.Object, chunk goja.Value) int {
	fp := &s.fast
	if !fp.ready {
		return writeLeft
	}
	// (Returning false is right whenever nothing was changed yet, so the cheap checks come
	// first: reading a data property has no effect.)
	// binding.writeFast(this._handle, chunk) would leave the write to the general path unless:
	h, ok := modules.GetKey(sock, fp.kHandle).(*goja.Object)
	if !ok {
		return writeLeft
	}
	cn := s.conns[h]
	if cn == nil || !cn.established || cn.closed || cn.pf.FD < 0 {
		// (a closed handle: writeFast's EBADF, which the JS path finishes)
		return writeLeft
	}
	// if (!this.allowHalfOpen && this._readableState.endEmitted) → writeAfterFIN (JS)
	// (Where both reads run no JS, the state is read first: a readable side that has not ended,
	// the usual case, then needs no look at allowHalfOpen.)
	if rsv, peeked := modules.PeekKey(sock, fp.kReadableState); !peeked || endEmitted(cn, rsv) {
		if !modules.Truthy(modules.GetKey(sock, fp.kAllowHalfOpen)) {
			rs, ok := modules.GetKey(sock, fp.kReadableState).(*goja.Object)
			if !ok {
				return writeLeft
			}
			var ee goja.Value
			if sl, ix := cn.readSlots(rs); sl != nil {
				ee = sl[ix[fEndEmitted]]
			}
			if ee == nil {
				ee = rs.Get("endEmitted")
			}
			if modules.Truthy(ee) {
				return writeLeft
			}
		}
	}
	// this._write === socketWrite
	var own *modules.OwnMemo
	if cn.ownerVal == sock {
		own = &cn.refs().own
	}
	if w, ok := fp.writeKey.GetWith(sock, own, ownWrite).(*goja.Object); !ok || w != fp.socketWrite {
		return writeLeft
	}
	sl, ix := cn.writeSlots(modules.GetKey(sock, fp.kWritableState))
	if sl == nil {
		return writeLeft
	}
	length, writing, corked, ending, destroyed := sl[ix[wLength]], sl[ix[wWriting]], sl[ix[wCorked]], sl[ix[wEnding]], sl[ix[wDestroyed]]
	errored, constructed, needDrain, objectMode := sl[ix[wErrored]], sl[ix[wConstructed]], sl[ix[wNeedDrain]], sl[ix[wObjectMode]]
	if length == nil || writing == nil || corked == nil || ending == nil || destroyed == nil || errored == nil ||
		constructed == nil || needDrain == nil || objectMode == nil {
		return writeLeft
	}
	if !length.StrictEquals(fp.vZero) || writing.ToBoolean() || corked.ToBoolean() || ending.ToBoolean() ||
		destroyed.ToBoolean() || errored.ToBoolean() || !constructed.ToBoolean() || needDrain.ToBoolean() ||
		objectMode.ToBoolean() {
		return writeLeft
	}
	data := s.plainBytes(chunk)
	if len(data) == 0 {
		return writeLeft
	}
	var bd goja.Value
	if cn.ownerVal != sock {
		// (not the handle's owner, whose bytes Go counts: the property, as JS would)
		if bd = sock.Get("_bytesDispatched"); bd == nil || !goja.IsNumber(bd) {
			return writeLeft
		}
	}
	r := cn.write(data)
	// this._bytesDispatched += len; refresh the timer
	if bd == nil {
		cn.stRefs.nWritten += int64(len(data))
	} else if err := sock.Set("_bytesDispatched", s.addNumber(bd, len(data))); err != nil {
		panic(err)
	}
	if err := s.refreshTimer(sock); err != nil {
		panic(err)
	}
	if r == 0 {
		return writeDone
	}
	if r < 0 {
		return r
	}
	return 2*len(data) + r
}
