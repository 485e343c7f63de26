package stream

import (
	"math"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// fixed3 is a Go-backed object with three fixed own fields (its layout's), always present, and any
// other property beside them (SlotObject): a BufferList (head, tail, length) and its entries (data, len, next),
// which the Go push and read walk without property lookups. Both are plain goja dynamic objects
// (NewSlotted: no symbol keys, accessors or freezing): an entry is made per chunk, a BufferList
// per Readable, and a Proxy (NewOrdinarySlotted, its target and eight traps) for either would cost
// every pipeline and every new stream (node 20.20's state.buffer is an array user code does not
// redefine). Loop only.
type fixed3 struct {
	modules.SlotObject
	v [3]goja.Value
}

var listLayout = modules.SlotLayout{Names: []string{"head", "tail", "length"}, Index: func(key string) int {
	switch key {
	case "head":
		return 0
	case "tail":
		return 1
	case "length":
		return 2
	}
	return -1
}}

var entryLayout = modules.SlotLayout{Names: []string{"data", "len", "next"}, Index: func(key string) int {
	switch key {
	case "data":
		return 0
	case "len":
		return 1
	case "next":
		return 2
	}
	return -1
}}

// newFixed3 is a fixed3 of layout with its three fields set.
func newFixed3(layout *modules.SlotLayout, a, b, c goja.Value) *fixed3 {
	f := &fixed3{v: [3]goja.Value{a, b, c}}
	f.SlotObject = modules.SlotObject{Layout: layout, Slots: f.v[:]}
	return f
}

// asFixed3 is o's Go side if o is a fixed3 of layout.
func asFixed3(v goja.Value, layout *modules.SlotLayout) *fixed3 {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	var f *fixed3
	if layout == &entryLayout {
		f, ok = modules.DynamicOf(o).(*fixed3)
	} else {
		f, ok = modules.SlotOwner(o).(*fixed3)
	}
	if !ok || f.Layout != layout {
		return nil
	}
	return f
}

func (g *streamsGo) newEntry(data, n, next goja.Value) *goja.Object {
	o := g.vm.NewDynamicObject(newFixed3(&entryLayout, data, n, next))
	o.SetPrototype(g.objectProto)
	return o
}

func (g *streamsGo) readableStateOf(this goja.Value) (*goja.Object, *readableState) {
	t, ok := this.(*goja.Object)
	if !ok {
		return nil, nil
	}
	return rsOf(modules.GetKey(t, kReadableState))
}

func rsOf(v goja.Value) (*goja.Object, *readableState) {
	so, ok := v.(*goja.Object)
	if !ok {
		return nil, nil
	}
	s, _ := modules.SlotOwner(so).(*readableState)
	return so, s
}

func isNull(v goja.Value) bool { return v == nil || v == goja.Null() }

func (g *streamsGo) call(f goja.Callable, args ...goja.Value) goja.Value {
	v, err := f(goja.Undefined(), args...)
	throwIf(err)
	return v
}

// push is Readable.prototype.push: a non-empty Buffer pushed to a byte stream without a decoder
// that is open is done here (readableAddChunk and addChunk); any other chunk goes to the JS push.
func (g *streamsGo) push(c goja.FunctionCall) goja.Value {
	vm := g.vm
	so, s := g.readableStateOf(c.This)
	chunk := c.Argument(0)
	var n int64
	ok := s != nil
	objectMode := false
	if ok {
		if objectMode = truthy(s.slots[rsObjectMode]); objectMode {
			// Any chunk but null (EOF) and undefined, counted as 1 (its entry's len is 0).
			n, ok = 1, chunk != goja.Null() && chunk != goja.Undefined()
		} else {
			n, ok = g.bufLen(chunk)
		}
	}
	var sl *[rsCount]goja.Value
	var list *fixed3
	if ok {
		sl = &s.slots
		list = asFixed3(sl[rsBuffer], &listLayout)
		ok = n != 0 && list != nil && isNull(sl[rsDecoder]) && !truthy(sl[rsEnded]) &&
			!truthy(sl[rsDestroyed]) && !truthy(sl[rsErrored]) && !truthy(sl[rsMultiAwaitDrain]) &&
			goja.IsNumber(sl[rsLength]) && goja.IsNumber(list.v[2])
	}
	if !ok {
		v, err := g.pushJS(c.This, c.Arguments...)
		throwIf(err)
		return v
	}
	this := c.This.(*goja.Object)
	sl[rsReading] = g.vFalse
	if truthy(sl[rsFlowing]) && sl[rsLength].ToFloat() == 0 && !truthy(sl[rsSync]) && truthy(sl[rsDataListening]) {
		sl[rsAwaitDrainWriters] = goja.Null()
		sl[rsDataEmitted] = g.vTrue
		g.emitData(this, s, chunk)
	} else {
		nv := g.vZero
		if !objectMode {
			nv = g.num(float64(n))
		}
		sl[rsLength] = g.num(sl[rsLength].ToFloat() + float64(n))
		var eo *goja.Object
		if e := asFixed3(sl[rsSpareEntry], &entryLayout); e != nil {
			eo = sl[rsSpareEntry].(*goja.Object)
			sl[rsSpareEntry] = goja.Null()
			e.v[0], e.v[1] = chunk, nv
		} else {
			eo = g.newEntry(chunk, nv, goja.Null())
		}
		if list.v[2].ToFloat() > 0 {
			tail := asFixed3(list.v[1], &entryLayout)
			if tail != nil {
				tail.v[2] = eo
			} else {
				list.v[1].ToObject(vm).Set("next", eo)
			}
		} else {
			list.v[0] = eo
		}
		list.v[1] = eo
		list.v[2] = g.num(list.v[2].ToFloat() + 1)
		if truthy(sl[rsNeedReadable]) {
			g.call(g.emitReadable, this)
		}
	}
	if !truthy(sl[rsReadingMore]) && truthy(sl[rsConstructed]) {
		sl[rsReadingMore] = g.vTrue
		g.call(g.nextTick, g.maybeReadMoreV, this, so)
	}
	length := toFloat(sl[rsLength])
	return g.boolV(!truthy(sl[rsEnded]) && (length < toFloat(sl[rsHighWaterMark]) || length == 0))
}

// emitData is streams.js's emitData: stream.emit('data', chunk), with the pipe's own listener
// called directly when it is the only one and emit is EventEmitter's, and that listener's
// dest.write(chunk) made here when dest's write is the Go one.
func (g *streamsGo) emitData(stream *goja.Object, s *readableState, chunk goja.Value) {
	emit := modules.GetKey(stream, kEmit)
	ondata := s.slots[rsPipeOndata]
	if emit == g.eeEmit && !isNull(ondata) {
		if ev, ok := modules.GetKey(stream, kEvents).(*goja.Object); ok && modules.GetKey(ev, kData) == ondata {
			if ondata == s.pipeOndataReg && s.pipeDest != nil {
				// ondata: const ret = dest.write(chunk); if (ret === false) pause();
				dest := s.pipeDest
				var ret goja.Value
				if w := modules.GetKey(dest, kWrite); w == g.writeFn {
					g.writeArg[0] = chunk
					ret = g.write(goja.FunctionCall{This: dest, Arguments: g.writeArg[:]})
					g.writeArg[0] = nil
				} else {
					f, ok := goja.AssertFunction(w)
					if !ok {
						panic(g.vm.NewTypeError("dest.write is not a function"))
					}
					var err error
					ret, err = f(dest, chunk)
					throwIf(err)
				}
				if ret == goja.Value(g.vFalse) {
					_, err := s.pipePause(goja.Undefined())
					throwIf(err)
				}
				return
			}
			f, _ := goja.AssertFunction(ondata)
			_, err := f(goja.Undefined(), chunk)
			throwIf(err)
			return
		}
	}
	f, ok := goja.AssertFunction(emit)
	if !ok {
		panic(g.vm.NewTypeError("stream.emit is not a function"))
	}
	_, err := f(stream, g.vData, chunk)
	throwIf(err)
}

// flow(stream) is streams.js's flow: while (state.flowing && stream.read() !== null), with
// state = stream._readableState read once, and the Go read called directly while it is the
// stream's read.
func (g *streamsGo) flow(c goja.FunctionCall) goja.Value {
	stream, ok := c.Argument(0).(*goja.Object)
	if !ok {
		panic(g.vm.NewTypeError("Cannot read properties of %s (reading '_readableState')", c.Argument(0)))
	}
	state := modules.GetKey(stream, kReadableState)
	so, isObj := state.(*goja.Object)
	if !isObj {
		if goja.IsUndefined(state) || goja.IsNull(state) {
			panic(g.vm.NewTypeError("Cannot read properties of %s (reading 'flowing')", state))
		}
		so = state.ToObject(g.vm)
	}
	for {
		var flowing bool
		if s, _ := modules.SlotOwner(so).(*readableState); s != nil {
			flowing = truthy(s.slots[rsFlowing])
		} else {
			flowing = so.Get("flowing").ToBoolean()
		}
		if !flowing {
			break
		}
		var r goja.Value
		if rf := modules.GetKey(stream, kRead); rf == g.readV {
			r = g.read(goja.FunctionCall{This: stream})
		} else {
			f, isFn := goja.AssertFunction(rf)
			if !isFn {
				panic(g.vm.NewTypeError("stream.read is not a function"))
			}
			var err error
			r, err = f(stream)
			throwIf(err)
		}
		if r == goja.Null() {
			break
		}
	}
	return goja.Undefined()
}

// read is Readable.prototype.read: read() and read(0) on a byte stream are done here (the
// machinery's calls for every chunk); any other goes to the JS read.
func (g *streamsGo) read(c goja.FunctionCall) goja.Value {
	vm := g.vm
	arg := c.Argument(0)
	so, s := g.readableStateOf(c.This)
	var n float64
	ok := s != nil
	if ok {
		if arg == goja.Undefined() {
			n = math.NaN()
		} else if goja.IsNumber(arg) && arg.ToFloat() == 0 {
			n = 0
		} else {
			ok = false
		}
	}
	var sl *[rsCount]goja.Value
	if ok {
		sl = &s.slots
		ok = goja.IsNumber(sl[rsLength]) && goja.IsNumber(sl[rsHighWaterMark])
	}
	if !ok {
		v, err := g.readJS(c.This, c.Arguments...)
		throwIf(err)
		return v
	}
	this := c.This.(*goja.Object)
	nOrig := n
	hwm := sl[rsHighWaterMark].ToFloat()
	if n != 0 {
		sl[rsEmittedReadable] = g.vFalse
	}
	length := toFloat(sl[rsLength])
	ended := truthy(sl[rsEnded])
	if n == 0 && truthy(sl[rsNeedReadable]) && ((hwm != 0 && length >= hwm) || (hwm == 0 && length > 0) || ended) {
		if length == 0 && ended {
			g.call(g.endReadable, this)
		} else {
			g.call(g.emitReadable, this)
		}
		return goja.Null()
	}
	headLen := func() float64 {
		if l := asFixed3(sl[rsBuffer], &listLayout); l != nil {
			if e := asFixed3(l.v[0], &entryLayout); e != nil {
				return toFloat(e.v[1])
			}
		}
		return sl[rsBuffer].ToObject(vm).Get("head").ToObject(vm).Get("len").ToFloat()
	}
	// howMuchToRead(nOrig, state) for n NaN or 0.
	howMuch := func() float64 {
		if nOrig == 0 || (length == 0 && ended) {
			return 0
		}
		if truthy(sl[rsObjectMode]) {
			return 1
		}
		if truthy(sl[rsFlowing]) && length != 0 {
			return headLen()
		}
		return length
	}
	n = howMuch()
	if n == 0 && ended {
		if length == 0 {
			g.call(g.endReadable, this)
		}
		return goja.Null()
	}
	doRead := truthy(sl[rsNeedReadable])
	if length == 0 || length-n < hwm {
		doRead = true
	}
	if ended || truthy(sl[rsReading]) || truthy(sl[rsDestroyed]) || truthy(sl[rsErrored]) || !truthy(sl[rsConstructed]) {
		doRead = false
	} else if doRead {
		sl[rsReading] = g.vTrue
		sl[rsSync] = g.vTrue
		if length == 0 {
			sl[rsNeedReadable] = g.vTrue
		}
		rf := modules.GetKey(this, kUnderRead)
		if !s.read.of(rf) {
			// this._read(hwm) throws a TypeError, which goes to errorOrDestroy.
			g.call(g.errorOrDestroy, this, vm.NewTypeError("this._read is not a function"))
		} else if _, err := g.call1(&s.read, this, g.num(hwm)); err != nil {
			ex, isEx := err.(*goja.Exception)
			if !isEx {
				panic(err)
			}
			g.call(g.errorOrDestroy, this, ex.Value())
		}
		sl[rsSync] = g.vFalse
		length = toFloat(sl[rsLength])
		ended = truthy(sl[rsEnded])
		if !truthy(sl[rsReading]) {
			n = howMuch()
		}
	}
	ret := goja.Value(goja.Null())
	if n > 0 {
		// fromList taking exactly the first chunk: in object mode (buffer.shift), or a byte
		// stream's whole first chunk without a decoder.
		taken := false
		objectMode := truthy(sl[rsObjectMode])
		if objectMode && length == 0 {
			taken = true // fromList: null
		} else if l := asFixed3(sl[rsBuffer], &listLayout); l != nil && goja.IsNumber(l.v[2]) && l.v[2].ToFloat() > 0 {
			if e := asFixed3(l.v[0], &entryLayout); e != nil && (objectMode || (toFloat(e.v[1]) == n && isNull(sl[rsDecoder]))) {
				eo := l.v[0]
				ret = e.v[0]
				if l.v[2].ToFloat() == 1 {
					l.v[0], l.v[1] = goja.Null(), goja.Null()
				} else {
					l.v[0] = e.v[2]
				}
				l.v[2] = g.num(l.v[2].ToFloat() - 1)
				e.v[0], e.v[2] = goja.Null(), goja.Null()
				sl[rsSpareEntry] = eo
				taken = true
			}
		}
		if !taken {
			ret = g.call(g.fromList, g.num(n), so)
		}
	}
	if isNull(ret) {
		// node 20's flag bits: this sets needReadable, never clears it
		if length <= toFloat(sl[rsHighWaterMark]) {
			sl[rsNeedReadable] = g.vTrue
		}
		n = 0
	} else {
		length -= n
		sl[rsLength] = g.num(length)
		if truthy(sl[rsMultiAwaitDrain]) {
			adw := sl[rsAwaitDrainWriters].ToObject(vm)
			f, _ := goja.AssertFunction(adw.Get("clear"))
			_, err := f(adw)
			throwIf(err)
		} else {
			sl[rsAwaitDrainWriters] = goja.Null()
		}
	}
	if length == 0 {
		if !ended {
			sl[rsNeedReadable] = g.vTrue
		}
		// nOrig !== n (NaN is never equal).
		if (nOrig != n || nOrig != nOrig) && ended {
			g.call(g.endReadable, this)
		}
	}
	if !isNull(ret) && !truthy(sl[rsErrorEmitted]) && !truthy(sl[rsCloseEmitted]) {
		sl[rsDataEmitted] = g.vTrue
		g.emitData(this, s, ret)
	}
	return ret
}
