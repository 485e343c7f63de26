// Package zlib implements Node's zlib module (https://nodejs.org/api/zlib.html): deflate,
// inflate, gzip, gunzip, raw deflate, unzip and brotli as Transform streams, callback functions
// and *Sync functions, with Node's options, flush modes, constants, crc32 and errors. DEFLATE
// compression is our own (deflate.go, trees.go) and makes the bytes node's zlib (Chromium's
// zlib 1.3.1) makes, so compressed output can be compared with node's fixtures and hashes;
// decompression is inflate.go; brotli is github.com/andybalholm/brotli (its bytes may differ
// from node's).
package zlib

import (
	"bytes"
	_ "embed"
	"hash/crc32"
	"sync/atomic"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

//go:embed zlib.js
var glue string

// implGlue is the glue's part that require('zlib') does not run: the streams and the
// convenience functions, made the first time the program reads one (zlib.js's exports are lazy
// members). A program that requires zlib for its constants or crc32 compiles none of it, and
// one that calls gzipSync and the like without options does not load stream.
//
//go:embed zlib_impl.js
var implGlue string

// Module is the "zlib" built-in.
var Module = modules.Module{Name: "zlib", Bind: bind, JSRef: &glue}

type handle struct {
	dyn
	ar      eventloop.AsyncReq // the ZLIB resource async hooks see: its writes complete in it
	o       options
	e       engine
	busy    bool
	closed  bool
	pending bool        // close requested while busy
	aborted atomic.Bool // the same, seen from a decompressor goroutine: drop further output
	inFly   chan struct{}
	// resetPending: reset() came while a write was in flight; it applies when that write is done,
	// before its output is given (node resets its context at once, and the write under way
	// finishes with the old state)
	resetPending bool
	// params: handle.params calls that came while a write was in flight; they apply when that
	// write is done and what their flush gives joins its output (node switches the context at
	// once, and its Z_BLOCK flush writes into the window of the write under way)
	params [][2]int
	// node's native handle.writeSync (handlesync.go): the output not yet copied out, whether the
	// engine was given its final flush, and the stream's _writeState
	syncOut   []byte
	syncDone  bool
	syncState goja.Value
	syncLast  [2]int // what the last writeSync reported
}

// slabsInFlight bounds the output slabs a decompressor has posted to the loop and the loop has
// not pushed yet: it inflates the next one while JS pushes the last.
const slabsInFlight = 2

// zTurns is how many loop turns node's stream takes to give n bytes of output from one input
// that it ends with (a convenience call's): its engine writes into one chunkSize window per
// request, so each full window is a request of its own, and the request that takes the input
// and the final flush's are two more (one less when the input fails: the error ends it there).
func zTurns(hd *handle, trips, n int, err error) int {
	chunk := hd.o.chunk
	if chunk <= 0 {
		chunk = 16 * 1024
	}
	if err != nil {
		trips--
	}
	return trips + n/chunk
}

// inflateAsync submits one input chunk to a decompressor (trips: see zTurns). In stream mode
// each full slab is posted to the loop as it comes (cb(null, slab, false)); done gets the rest.
func inflateAsync(h *modules.Host, hd *handle, inf *inflater, in []byte, finish, stream bool, trips int, cb goja.Callable, done func([]byte, int, error) error) {
	p := h.Loop.ReserveIn(hd.ar)
	actx := h.Loop.AsyncContext()
	if hd.inFly == nil {
		hd.inFly = make(chan struct{}, slabsInFlight)
	}
	sem := hd.inFly
	var parts [][]byte
	r := &inReq{data: in, finish: finish}
	r.emit = func(out []byte, last, end bool, err error) {
		if !last {
			if !stream {
				parts = append(parts, out)
				return
			}
			if hd.aborted.Load() {
				return
			}
			select {
			case sem <- struct{}{}:
			case <-inf.quit:
				return
			case <-h.Ctx.Done():
				return
			}
			if !h.Loop.Post(func() error {
				<-sem
				if hd.closed || hd.pending {
					return nil
				}
				h.Loop.SetAsyncContext(actx)
				h.Loop.EnterAsyncReq(hd.ar) // (in the handle's execution, as node's)
				_, err := cb(goja.Undefined(), goja.Null(), buffer.New(h, out), h.VM.ToValue(false))
				h.Loop.LeaveAsyncReq(hd.ar)
				return err
			}) {
				<-sem
			}
			return
		}
		if len(parts) > 0 {
			parts = append(parts, out)
			out = bytes.Join(parts, nil)
		}
		left := r.left
		if trips > 0 {
			p.DoneAfter(zTurns(hd, trips, len(out), err), func() error { return done(out, left, err) })
			return
		}
		p.Done(func() error { return done(out, left, err) })
	}
	inf.submit(r)
}

func (hd *handle) shut() {
	if hd.e != nil {
		hd.e.close()
	}
	hd.closed = true
}

func zErr(err error) error {
	if ze, ok := err.(*zError); ok {
		e := &modules.Error{Name: "Error", Message: ze.msg}
		e.Props = []modules.Prop{{Key: "errno", Value: ze.errno}, {Key: "code", Value: ze.code}}
		return e
	}
	return err
}

func bind(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	protos := map[string]*goja.Object{}
	// zNew(mode, level, strategy, windowBits, dictionary, brotliQuality, brotliWindow, chunkSize, memLevel,
	// brotliLargeWindow)
	// (the bindings take a FunctionCall: goja calls a function of other Go parameters through
	// reflect, which was most of a crc32 call and a tenth of an inflateSync)
	b.Set("zNew", func(c goja.FunctionCall) goja.Value {
		arg := func(i int) int { return int(c.Argument(i).ToInteger()) }
		mode, level, strategy, windowBits, dict := arg(0), arg(1), arg(2), arg(3), c.Argument(4)
		bq, bw, chunk, memLevel := arg(5), arg(6), arg(7), arg(8)
		var d []byte
		if !goja.IsUndefined(dict) && !goja.IsNull(dict) {
			d = append([]byte(nil), buffer.BytesOf(vm, dict)...)
		}
		o := options{mode: mode, level: level, strategy: strategy, windowBits: windowBits, dict: d, brotliQ: bq, brotliWin: bw, chunk: chunk, memLevel: memLevel,
			brotliLarge: c.Argument(9).ToBoolean()}
		e, err := newEngine(h.Ctx, o)
		if err != nil {
			h.Throw(err)
		}
		hd := &handle{o: o, e: e}
		hd.dyn.close = func() goja.Value {
			return modules.NameFunc(vm, vm.ToValue(func(goja.FunctionCall) goja.Value {
				closeHandle(hd)
				return goja.Undefined()
			}).ToObject(vm), "close", 0)
		}
		hd.dyn.writeSync = func() goja.Value { return handleWriteSync(h, hd) }
		obj := vm.NewDynamicObject(hd)
		// node's handle classes, the resource async hooks see (of type ZLIB, as node's)
		class := "Zlib"
		switch mode {
		case modeBrotliEnc:
			class = "BrotliEncoder"
		case modeBrotliDec:
			class = "BrotliDecoder"
		}
		obj.SetPrototype(zlibClassProto(vm, protos, class))
		hd.ar = h.Loop.NewAsyncResourceOf("ZLIB", obj)
		return obj
	})
	b.Set("zWriteSync", func(c goja.FunctionCall) goja.Value {
		hd, data, flush := c.Argument(0).Export().(*handle), c.Argument(1), int(c.Argument(2).ToInteger())
		if hd.closed {
			h.Throw(modules.NewError("Error", "ERR_ZLIB_BINDING_CLOSED", "zlib binding closed"))
		}
		out, err := hd.e.write(buffer.BytesOf(vm, data), flush)
		if err != nil {
			h.Throw(zErr(err))
		}
		return buffer.New(h, out)
	})
	// zState(handle, writeState): the Uint32Array handle.writeSync reports into.
	b.Set("zState", func(hv, state goja.Value) {
		hd := hv.Export().(*handle)
		hd.syncState = state
		if st, ok := state.(*goja.Object); ok && hd.syncLast != [2]int{} {
			st.Set("0", hd.syncLast[0])
			st.Set("1", hd.syncLast[1])
		}
	})
	// zLeft(handle): the input bytes the last zWriteSync did not take (its stream had ended).
	b.Set("zLeft", func(c goja.FunctionCall) goja.Value {
		if inf, ok := c.Argument(0).Export().(*handle).e.(*inflater); ok {
			return vm.ToValue(inf.lastLeft)
		}
		return vm.ToValue(0)
	})
	// zWrite(handle, data, flush, cb, stream): cb(err, output, last, left) on later turns. A
	// decompressor in stream mode calls it with each output slab as it is produced (last false),
	// then once with the rest (last true); otherwise it is called once with all the output.
	// left (with last) counts the input bytes a decompressor did not take: its stream had ended.
	b.Set("zWrite", func(c goja.FunctionCall) goja.Value {
		hd, data, flush := c.Argument(0).Export().(*handle), c.Argument(1), int(c.Argument(2).ToInteger())
		cb, _ := goja.AssertFunction(c.Argument(3))
		stream := c.Argument(4).ToBoolean()
		// (trips, when given, is how many turns node's writes take with no output: see zTurns)
		trips := int(c.Argument(5).ToInteger())
		if hd.closed {
			h.Throw(modules.NewError("Error", "ERR_ZLIB_BINDING_CLOSED", "zlib binding closed"))
		}
		in := append([]byte(nil), buffer.BytesOf(vm, data)...)
		hd.busy = true
		done := func(out []byte, left int, err error) error {
			hd.busy = false
			if len(hd.params) > 0 {
				ps := hd.params
				hd.params = nil
				if c, ok := hd.e.(*zcompressor); ok && err == nil && !hd.closed && !hd.pending {
					for _, p := range ps {
						out = append(out, c.params(p[0], p[1])...)
					}
				}
			}
			if hd.pending {
				hd.shut()
			}
			if hd.resetPending {
				hd.resetPending = false
				if !hd.closed {
					if rerr := resetHandle(h, hd); rerr != nil && err == nil {
						err = rerr
					}
				}
			}
			var ev goja.Value = goja.Null()
			if err != nil {
				ev = h.ToJS(zErr(err))
			}
			_, cerr := cb(goja.Undefined(), ev, buffer.New(h, out), vm.ToValue(true), vm.ToValue(left))
			return cerr
		}
		if inf, ok := hd.e.(*inflater); ok {
			inflateAsync(h, hd, inf, in, flush == zFinish, stream, trips, cb, done)
			return goja.Undefined()
		}
		e := hd.e
		if trips > 0 {
			modules.GoInAfter(h, hd.ar, func() ([]byte, error) {
				return e.write(in, flush)
			}, func(out []byte, err error) int { return zTurns(hd, trips, len(out), err) },
				func(out []byte, err error) error { return done(out, 0, err) })
			return goja.Undefined()
		}
		modules.GoIn(h, hd.ar, func() ([]byte, error) {
			return e.write(in, flush)
		}, func(out []byte, err error) error { return done(out, 0, err) })
		return goja.Undefined()
	})
	b.Set("zClose", func(hv goja.Value) { closeHandle(hv.Export().(*handle)) })
	// zParams(handle, level, strategy): deflateParams, after the glue's Z_SYNC_FLUSH.
	b.Set("zParams", func(hv goja.Value, level, strategy int) {
		hd := hv.Export().(*handle)
		c, ok := hd.e.(*zcompressor)
		switch {
		case !ok || hd.closed:
		case hd.busy:
			hd.params = append(hd.params, [2]int{level, strategy})
		default:
			// nothing is in flight: the glue's Z_SYNC_FLUSH has given everything, and what
			// deflateParams's own flush could add lands past the output node reads
			c.params(level, strategy)
		}
	})
	b.Set("zReset", func(hv goja.Value) {
		hd := hv.Export().(*handle)
		if hd.closed {
			return
		}
		if hd.busy {
			hd.resetPending = true
			return
		}
		if err := resetHandle(h, hd); err != nil {
			h.Throw(err)
		}
	})
	b.Set("constants", func() goja.Value { return constantsObject(h) })
	b.Set("legacyConstants", func(exports *goja.Object) { defineLegacyConstants(vm, exports) })
	// kMaxLength(): buffer's kMaxLength as it is now if buffer has loaded (a program may have
	// changed it), node's otherwise (buffer is not loaded for it)
	b.Set("kMaxLength", func() goja.Value {
		if h.Loaded == nil || h.Loaded("buffer") {
			return h.Require("buffer").(*goja.Object).Get("kMaxLength")
		}
		return vm.ToValue(int64(1) << 32)
	})
	// part(): the maker of the glue's streams and convenience functions (zlib_impl.js),
	// compiled once per process on first use
	b.Set("part", func() goja.Value {
		prg, err := modules.CompileGlueOnce("node:zlib", implGlue)
		if err != nil {
			panic(vm.NewGoError(err))
		}
		v, err := vm.RunProgram(prg)
		if err != nil {
			panic(err)
		}
		return v
	})
	// crc32(data, value): data a string or an ArrayBufferView, value an integer the glue checked
	b.Set("crc32", func(c goja.FunctionCall) goja.Value {
		data, value := c.Argument(0), uint32(c.Argument(1).ToInteger())
		var p []byte
		if goja.IsString(data) {
			p = buffer.Encode(data, buffer.UTF8)
		} else {
			p = buffer.BytesOf(vm, data)
		}
		return vm.ToValue(crc32.Update(value, crc32.IEEETable, p))
	})
	return nil
}

// resetHandle starts hd's stream again (node's ResetStream), with the options it was made with.
func resetHandle(h *modules.Host, hd *handle) error {
	if c, ok := hd.e.(*zcompressor); ok {
		// deflateReset keeps the window's bytes, which zlib's matcher may read past the input
		if err := c.reset(); err != nil {
			return zErr(err)
		}
		return nil
	}
	hd.e.close()
	e, err := newEngine(h.Ctx, hd.o)
	if err != nil {
		return err
	}
	hd.e = e
	return nil
}

// dyn makes a Go struct a goja DynamicObject without properties (cheap to wrap, Export gives it
// back).
// dyn is the JS face of a handle, as node's native zlib handle: close() closes it, and scripts
// may set their own properties on it (minizlib, which tar uses, swaps close for a no-op around
// _processChunk and puts it back).
type dyn struct {
	props     map[string]goja.Value
	close     func() goja.Value // makes the default close method, on first use
	writeSync func() goja.Value // and the default writeSync
}

func (d *dyn) Get(k string) goja.Value {
	if v, ok := d.props[k]; ok {
		return v
	}
	if k == "close" && d.close != nil {
		v := d.close()
		d.Set(k, v)
		return v
	}
	if k == "writeSync" && d.writeSync != nil {
		v := d.writeSync()
		d.Set(k, v)
		return v
	}
	return nil
}

func (d *dyn) Set(k string, v goja.Value) bool {
	if d.props == nil {
		d.props = make(map[string]goja.Value)
	}
	d.props[k] = v
	return true
}

func (d *dyn) Has(k string) bool {
	_, ok := d.props[k]
	return ok || k == "close" && d.close != nil || k == "writeSync" && d.writeSync != nil
}

func (d *dyn) Delete(k string) bool {
	delete(d.props, k)
	return true
}

func (d *dyn) Keys() []string {
	keys := make([]string, 0, len(d.props))
	for k := range d.props {
		keys = append(keys, k)
	}
	return keys
}

// closeHandle closes hd now, or when its write in flight ends.
func closeHandle(hd *handle) {
	if hd.closed {
		return
	}
	if hd.busy {
		hd.pending = true
		hd.aborted.Store(true)
		return
	}
	hd.shut()
}

// zlibClassProto is the prototype of the handles of class name (Zlib, BrotliEncoder,
// BrotliDecoder): its constructor, one JS cannot call, has that name. protos caches them.
func zlibClassProto(vm *goja.Runtime, protos map[string]*goja.Object, name string) *goja.Object {
	if p := protos[name]; p != nil {
		return p
	}
	proto := vm.NewObject()
	modules.SetHandleClass(vm, proto, name)
	protos[name] = proto
	return proto
}
