package stream

import (
	"math"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// chunks is a ReadableState's buffer: node 20.20's Array of the chunks pushed and not yet read,
// from state.bufferIndex on (the slots before it hold null), as a goja dynamic array over a Go
// slice, which the Go push and read index with no property lookup or per-chunk object. lens[i]
// is the length of vals[i] when the Go push stored it, else -1 (a value set from JS: read's
// chunkLen measures it). Array.isArray, JSON.stringify, indexing and Array.prototype's methods
// see an array; unlike one it takes no other own property (node's is an array no code but
// Readable's touches). Loop only.
type chunks struct {
	vals []goja.Value
	lens []float64
}

func (c *chunks) Len() int { return len(c.vals) }

func (c *chunks) Get(i int) goja.Value {
	if i < 0 || i >= len(c.vals) {
		return nil
	}
	return c.vals[i]
}

func (c *chunks) Set(i int, v goja.Value) bool {
	if i < 0 {
		return false
	}
	if i >= len(c.vals) {
		c.SetLen(i + 1)
	}
	c.vals[i], c.lens[i] = v, -1
	return true
}

func (c *chunks) SetLen(n int) bool {
	if n < 0 {
		return false
	}
	if n <= len(c.vals) {
		clear(c.vals[n:])
		c.vals, c.lens = c.vals[:n], c.lens[:n]
		return true
	}
	for len(c.vals) < n {
		c.vals, c.lens = append(c.vals, goja.Undefined()), append(c.lens, -1)
	}
	return true
}

// push appends chunk, of length n.
func (c *chunks) push(chunk goja.Value, n float64) {
	c.vals, c.lens = append(c.vals, chunk), append(c.lens, n)
}

// chunksOf is the Go side of a state's buffer v when it is one.
func chunksOf(v goja.Value) *chunks {
	c, _ := modules.DynamicArrayOf(v).(*chunks)
	return c
}

// chunkLen is the length of chunk i of c (a string's, a Buffer's).
func (g *streamsGo) chunkLen(c *chunks, i int) float64 {
	if n := c.lens[i]; n >= 0 {
		return n
	}
	v := c.vals[i]
	if s, ok := v.(goja.String); ok {
		return float64(s.Length())
	}
	if n, ok := g.bufLen(v); ok {
		return float64(n)
	}
	return v.ToObject(g.vm).Get("length").ToFloat()
}

// taken ends a read that took chunks up to index idx (node's fromList end): all read empties
// the array, past 1024 read slots it drops them, else bufferIndex moves on.
func (g *streamsGo) taken(c *chunks, sl *[rsCount]goja.Value, idx int) {
	switch {
	case idx == len(c.vals):
		c.SetLen(0)
		idx = 0
	case idx > 1024:
		n := copy(c.vals, c.vals[idx:])
		copy(c.lens, c.lens[idx:])
		c.SetLen(n)
		idx = 0
	}
	sl[rsBufferIndex] = g.num(float64(idx))
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
	so, s := g.readableStateOf(c.This)
	chunk := c.Argument(0)
	var n int64
	ok := s != nil
	objectMode := false
	if ok {
		if objectMode = modules.Truthy(s.slots[rsObjectMode]); objectMode {
			// Any chunk but null (EOF) and undefined, counted as 1 (its entry's len is 0).
			n, ok = 1, chunk != goja.Null() && chunk != goja.Undefined()
		} else {
			n, ok = g.bufLen(chunk)
		}
	}
	var sl *[rsCount]goja.Value
	var list *chunks
	if ok {
		sl = &s.slots
		list = chunksOf(sl[rsBuffer])
		ok = n != 0 && list != nil && isNull(sl[rsDecoder]) && !modules.Truthy(sl[rsEnded]) &&
			!modules.Truthy(sl[rsDestroyed]) && !modules.Truthy(sl[rsErrored]) && !modules.Truthy(sl[rsMultiAwaitDrain]) &&
			goja.IsNumber(sl[rsLength])
	}
	if !ok {
		v, err := g.pushJS(c.This, c.Arguments...)
		throwIf(err)
		return v
	}
	this := c.This.(*goja.Object)
	sl[rsReading] = g.vFalse
	if modules.Truthy(sl[rsFlowing]) && sl[rsLength].ToFloat() == 0 && !modules.Truthy(sl[rsSync]) && modules.Truthy(sl[rsDataListening]) {
		sl[rsAwaitDrainWriters] = goja.Null()
		sl[rsDataEmitted] = g.vTrue
		g.emitData(this, s, chunk)
	} else {
		sl[rsLength] = g.num(sl[rsLength].ToFloat() + float64(n))
		list.push(chunk, float64(n))
		if modules.Truthy(sl[rsNeedReadable]) {
			g.call(g.emitReadable, this)
		}
	}
	if !modules.Truthy(sl[rsReadingMore]) && modules.Truthy(sl[rsConstructed]) {
		sl[rsReadingMore] = g.vTrue
		g.call(g.nextTick, g.maybeReadMoreV, this, so)
	}
	length := toFloat(sl[rsLength])
	return g.boolV(!modules.Truthy(sl[rsEnded]) && (length < toFloat(sl[rsHighWaterMark]) || length == 0))
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
			flowing = modules.Truthy(s.slots[rsFlowing])
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
	ended := modules.Truthy(sl[rsEnded])
	if n == 0 && modules.Truthy(sl[rsNeedReadable]) && ((hwm != 0 && length >= hwm) || (hwm == 0 && length > 0) || ended) {
		if length == 0 && ended {
			g.call(g.endReadable, this)
		} else {
			g.call(g.emitReadable, this)
		}
		return goja.Null()
	}
	headLen := func() float64 {
		if l := chunksOf(sl[rsBuffer]); l != nil {
			if i := toFloat(sl[rsBufferIndex]); i >= 0 && int(i) < len(l.vals) && float64(int(i)) == i {
				return g.chunkLen(l, int(i))
			}
		}
		// state.buffer[state.bufferIndex].length
		return sl[rsBuffer].ToObject(vm).Get(toStr(sl[rsBufferIndex])).ToObject(vm).Get("length").ToFloat()
	}
	// howMuchToRead(nOrig, state) for n NaN or 0.
	howMuch := func() float64 {
		if nOrig == 0 || (length == 0 && ended) {
			return 0
		}
		if modules.Truthy(sl[rsObjectMode]) {
			return 1
		}
		if modules.Truthy(sl[rsFlowing]) && length != 0 {
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
	doRead := modules.Truthy(sl[rsNeedReadable])
	if length == 0 || length-n < hwm {
		doRead = true
	}
	if ended || modules.Truthy(sl[rsReading]) || modules.Truthy(sl[rsDestroyed]) || modules.Truthy(sl[rsErrored]) || !modules.Truthy(sl[rsConstructed]) {
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
		ended = modules.Truthy(sl[rsEnded])
		if !modules.Truthy(sl[rsReading]) {
			n = howMuch()
		}
	}
	ret := goja.Value(goja.Null())
	if n > 0 {
		// fromList taking exactly the first chunk: in object mode, or a byte stream's whole
		// first chunk without a decoder.
		taken := false
		objectMode := modules.Truthy(sl[rsObjectMode])
		if objectMode && length == 0 {
			taken = true // fromList: null
		} else if l := chunksOf(sl[rsBuffer]); l != nil {
			i := toFloat(sl[rsBufferIndex])
			if idx := int(i); float64(idx) == i && idx >= 0 && idx < len(l.vals) &&
				(objectMode || (isNull(sl[rsDecoder]) && g.chunkLen(l, idx) == n)) {
				ret = l.vals[idx]
				l.vals[idx] = goja.Null()
				g.taken(l, sl, idx+1)
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
		if modules.Truthy(sl[rsMultiAwaitDrain]) {
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
	if !isNull(ret) && !modules.Truthy(sl[rsErrorEmitted]) && !modules.Truthy(sl[rsCloseEmitted]) {
		sl[rsDataEmitted] = g.vTrue
		g.emitData(this, s, ret)
	}
	return ret
}

func toStr(v goja.Value) string {
	if v == nil {
		return "undefined"
	}
	return v.String()
}

// streamsGoKey keys a runtime's Funcs in its Host's state.
type streamsGoKey struct{}

// Funcs are a runtime's Go stream functions that emit a Readable's 'data' themselves, without
// a frame of the emit's (flow, Readable.prototype.read and push, a Transform's callback), for
// the frames node's stacks have there (DataPath, PipedData). Its g is nil until the streams
// are loaded.
type Funcs struct{ g *streamsGo }

// FuncsOf is h's Funcs (the same for the runtime's life). Loop only.
func FuncsOf(h *modules.Host) *Funcs {
	return h.State(streamsGoKey{}, func() any { return &Funcs{} }).(*Funcs)
}

// DataPath is how a Go stream function came to emit a Readable's 'data' itself (Funcs.DataPath),
// for the frames node's stacks have between the emit and that function's caller.
type DataPath uint8

const (
	DataFlow            DataPath = 1 + iota // flow, whose read emitted
	DataRead                                // Readable.prototype.read
	DataPush                                // Readable.prototype.push on a byte stream
	DataPushObject                          // on an object mode stream
	DataTransform                           // a Transform's callback given to _transform, pushing to a byte stream
	DataTransformObject                     // to an object mode stream
)

// Named says whether a native frame named name (goja's name of a function: its name property,
// or, for a nameless one, "<native>") may be one of f's functions: a cheap test before
// DataPath and PipedData.
func (f *Funcs) Named(name string) bool {
	return f.g != nil && (name == "<native>" || strings.HasSuffix(name, ".flow-fm"))
}

// DataPath says which of f's functions fn is, emitter the stream it emitted 'data' on; 0 when
// it is none of them. Loop only.
func (f *Funcs) DataPath(fn *goja.Object, emitter goja.Value) DataPath {
	g := f.g
	if fn == nil || g == nil {
		return 0
	}
	objectMode := func() bool {
		_, s := g.readableStateOf(emitter)
		return s != nil && modules.Truthy(s.slots[rsObjectMode])
	}
	switch goja.Value(fn) {
	case g.flowV:
		return DataFlow
	case g.readV:
		return DataRead
	case g.pushFn:
		if objectMode() {
			return DataPushObject
		}
		return DataPush
	}
	if g.isDone(fn, emitter) {
		if objectMode() {
			return DataTransformObject
		}
		return DataTransform
	}
	return 0
}

// isDone says whether fn is stream's Transform callback (doneOf).
func (g *streamsGo) isDone(fn *goja.Object, stream goja.Value) bool {
	o, ok := stream.(*goja.Object)
	if !ok {
		return false
	}
	ws := wsOf(modules.GetKey(o, kWritableState))
	return ws != nil && ws.tr != nil && ws.tr.done == goja.Value(fn)
}

// PipedData says whether fn, one of f's functions called with this and first argument arg0 (a
// Transform's callback: this is the Transform), emitted 'data' of a piped source by calling the
// pipe's listener itself (emitData), which wrote to dest: the source and the path, 0 if not.
// Loop only.
func (f *Funcs) PipedData(fn *goja.Object, this, arg0, dest goja.Value) (src goja.Value, path DataPath) {
	g := f.g
	if fn == nil || g == nil || dest == nil {
		return nil, 0
	}
	switch goja.Value(fn) {
	case g.flowV:
		src, path = arg0, DataFlow
	case g.readV:
		src, path = this, DataRead
	case g.pushFn:
		src, path = this, DataPush
	default:
		if !g.isDone(fn, this) {
			return nil, 0
		}
		src, path = this, DataTransform
	}
	_, s := g.readableStateOf(src)
	if s == nil || s.pipeDest == nil || goja.Value(s.pipeDest) != dest || isNull(s.slots[rsPipeOndata]) {
		return nil, 0
	}
	if modules.Truthy(s.slots[rsObjectMode]) {
		switch path {
		case DataPush:
			path = DataPushObject
		case DataTransform:
			path = DataTransformObject
		}
	}
	return src, path
}
