package stream

import "github.com/dop251/goja"

// fixed3 is a goja dynamic object with three fixed own fields (names), always present, and any
// other property in props: a BufferList (head, tail, length) and its entries (data, len, next),
// which the Go push and read walk without property lookups. Loop only.
type fixed3 struct {
	names *[3]string
	v     [3]goja.Value
	props map[string]goja.Value
	keys  []string
}

var listNames = [3]string{"head", "tail", "length"}
var entryNames = [3]string{"data", "len", "next"}

func (o *fixed3) slot(key string) int {
	switch key {
	case o.names[0]:
		return 0
	case o.names[1]:
		return 1
	case o.names[2]:
		return 2
	}
	return -1
}

func (o *fixed3) Get(key string) goja.Value {
	if i := o.slot(key); i >= 0 {
		return o.v[i]
	}
	return o.props[key]
}

func (o *fixed3) Set(key string, v goja.Value) bool {
	if v == nil {
		v = goja.Undefined()
	}
	if i := o.slot(key); i >= 0 {
		o.v[i] = v
		return true
	}
	if o.props == nil {
		o.props = make(map[string]goja.Value)
	}
	if _, ok := o.props[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.props[key] = v
	return true
}

func (o *fixed3) Has(key string) bool {
	if i := o.slot(key); i >= 0 {
		return o.v[i] != nil
	}
	_, ok := o.props[key]
	return ok
}

func (o *fixed3) Delete(key string) bool {
	if i := o.slot(key); i >= 0 {
		o.v[i] = nil
		return true
	}
	if _, ok := o.props[key]; !ok {
		return true
	}
	delete(o.props, key)
	for i, k := range o.keys {
		if k == key {
			o.keys = append(o.keys[:i], o.keys[i+1:]...)
			break
		}
	}
	return true
}

func (o *fixed3) Keys() []string {
	keys := make([]string, 0, 3+len(o.keys))
	for i, v := range o.v {
		if v != nil {
			keys = append(keys, o.names[i])
		}
	}
	return append(keys, o.keys...)
}

// asFixed3 is o's Go side if o is a fixed3 with names.
func asFixed3(v goja.Value, names *[3]string) *fixed3 {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	f, ok := o.Export().(*fixed3)
	if !ok || f.names != names {
		return nil
	}
	return f
}

func (g *streamsGo) newEntry(data, n, next goja.Value) *goja.Object {
	o := g.vm.NewDynamicObject(&fixed3{names: &entryNames, v: [3]goja.Value{data, n, next}})
	o.SetPrototype(g.objectProto)
	return o
}

func (g *streamsGo) readableStateOf(this goja.Value) (*goja.Object, *readableState) {
	t, ok := this.(*goja.Object)
	if !ok {
		return nil, nil
	}
	return rsOf(t.Get("_readableState"))
}

func rsOf(v goja.Value) (*goja.Object, *readableState) {
	so, ok := v.(*goja.Object)
	if !ok {
		return nil, nil
	}
	s, _ := so.Export().(*readableState)
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
	if ok {
		n, ok = g.bufLen(chunk)
	}
	var sl *[rsCount]goja.Value
	var list *fixed3
	if ok {
		sl = &s.slots
		list = asFixed3(sl[rsBuffer], &listNames)
		ok = n != 0 && list != nil && !truthy(sl[rsObjectMode]) && isNull(sl[rsDecoder]) && !truthy(sl[rsEnded]) &&
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
		nv := vm.ToValue(n)
		sl[rsLength] = vm.ToValue(sl[rsLength].ToFloat() + float64(n))
		var eo *goja.Object
		if e := asFixed3(sl[rsSpareEntry], &entryNames); e != nil {
			eo = sl[rsSpareEntry].(*goja.Object)
			sl[rsSpareEntry] = goja.Null()
			e.v[0], e.v[1] = chunk, nv
		} else {
			eo = g.newEntry(chunk, nv, goja.Null())
		}
		if list.v[2].ToFloat() > 0 {
			tail := asFixed3(list.v[1], &entryNames)
			if tail != nil {
				tail.v[2] = eo
			} else {
				list.v[1].ToObject(vm).Set("next", eo)
			}
		} else {
			list.v[0] = eo
		}
		list.v[1] = eo
		list.v[2] = vm.ToValue(list.v[2].ToFloat() + 1)
		if truthy(sl[rsNeedReadable]) {
			g.call(g.emitReadable, this)
		}
	}
	if !truthy(sl[rsReadingMore]) && truthy(sl[rsConstructed]) {
		sl[rsReadingMore] = g.vTrue
		g.call(g.nextTick, g.maybeReadMoreV, this, so)
	}
	length := toFloat(sl[rsLength])
	return vm.ToValue(!truthy(sl[rsEnded]) && (length < toFloat(sl[rsHighWaterMark]) || length == 0))
}

// emitData is streams.js's emitData: stream.emit('data', chunk), with the pipe's own listener
// called directly when it is the only one and emit is EventEmitter's, and that listener's
// dest.write(chunk) made here when dest's write is the Go one.
func (g *streamsGo) emitData(stream *goja.Object, s *readableState, chunk goja.Value) {
	emit := stream.Get("emit")
	ondata := s.slots[rsPipeOndata]
	if emit == g.eeEmit && !isNull(ondata) {
		if ev, ok := stream.Get("_events").(*goja.Object); ok && ev.Get("data") == ondata {
			if ondata == s.pipeOndataReg && s.pipeDest != nil {
				// ondata: const ret = dest.write(chunk); if (ret === false) pause();
				dest := s.pipeDest
				var ret goja.Value
				if w := dest.Get("write"); w == g.writeFn {
					ret = g.write(goja.FunctionCall{This: dest, Arguments: []goja.Value{chunk}})
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
			n = nan
		} else if goja.IsNumber(arg) && arg.ToFloat() == 0 {
			n = 0
		} else {
			ok = false
		}
	}
	var sl *[rsCount]goja.Value
	if ok {
		sl = &s.slots
		ok = !truthy(sl[rsObjectMode]) && goja.IsNumber(sl[rsLength]) && goja.IsNumber(sl[rsHighWaterMark])
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
		if l := asFixed3(sl[rsBuffer], &listNames); l != nil {
			if e := asFixed3(l.v[0], &entryNames); e != nil {
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
		rf := this.Get("_read")
		if rf != s.readFn || s.readCall == nil {
			f, isFn := goja.AssertFunction(rf)
			if !isFn {
				// this._read(hwm) throws a TypeError, which goes to errorOrDestroy.
				g.call(g.errorOrDestroy, this, vm.NewTypeError("this._read is not a function"))
			} else {
				s.readFn, s.readCall = rf, f
			}
		}
		if s.readFn == rf && s.readCall != nil {
			if _, err := s.readCall(this, vm.ToValue(hwm)); err != nil {
				ex, isEx := err.(*goja.Exception)
				if !isEx {
					panic(err)
				}
				g.call(g.errorOrDestroy, this, ex.Value())
			}
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
		taken := false
		if l := asFixed3(sl[rsBuffer], &listNames); l != nil && goja.IsNumber(l.v[2]) {
			if e := asFixed3(l.v[0], &entryNames); e != nil && toFloat(e.v[1]) == n && !truthy(sl[rsObjectMode]) && isNull(sl[rsDecoder]) {
				eo := l.v[0]
				ret = e.v[0]
				if l.v[2].ToFloat() == 1 {
					l.v[0], l.v[1] = goja.Null(), goja.Null()
				} else {
					l.v[0] = e.v[2]
				}
				l.v[2] = vm.ToValue(l.v[2].ToFloat() - 1)
				e.v[0], e.v[2] = goja.Null(), goja.Null()
				sl[rsSpareEntry] = eo
				taken = true
			}
		}
		if !taken {
			ret = g.call(g.fromList, vm.ToValue(n), so)
		}
	}
	if isNull(ret) {
		sl[rsNeedReadable] = vm.ToValue(length <= toFloat(sl[rsHighWaterMark]))
		n = 0
	} else {
		length -= n
		sl[rsLength] = vm.ToValue(length)
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
