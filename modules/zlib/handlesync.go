package zlib

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

// handleWriteSync makes a handle's writeSync(flush, in, inOff, inLen, out, outOff, outLen), the
// method of node's native zlib handle that packages driving the engine themselves call (pngjs's
// synchronous inflate, under jimp): it compresses or decompresses in[inOff:inOff+inLen], copies
// as much of the output as fits into out[outOff:outOff+outLen], and, as node's does, returns
// nothing and reports in the stream's _writeState [avail_out, avail_in] after the call. The
// engine takes its whole input at once: the output that did not fit waits for the next calls,
// which then take no input (avail_in stays as given) until it is all copied out.
func handleWriteSync(h *modules.Host, hd *handle) goja.Value {
	vm := h.VM
	fn := func(c goja.FunctionCall) goja.Value {
		if hd.closed {
			h.Throw(modules.NewError("Error", "ERR_ZLIB_BINDING_CLOSED", "zlib binding closed"))
		}
		flush := int(c.Argument(0).ToInteger())
		if hd.o.mode == modeBrotliDec || hd.o.mode == modeBrotliEnc {
			// brotli's operations: PROCESS 0, FLUSH 1, FINISH 2
			switch flush {
			case 2:
				flush = zFinish
			case 1:
				flush = zSyncFlush
			default:
				flush = zNoFlush
			}
		}
		in := buffer.BytesOf(vm, c.Argument(1))
		inOff, inLen := clampRange(c.Argument(2).ToInteger(), c.Argument(3).ToInteger(), len(in))
		out := buffer.BytesOf(vm, c.Argument(4))
		outOff, outLen := clampRange(c.Argument(5).ToInteger(), c.Argument(6).ToInteger(), len(out))
		availIn := inLen
		if len(hd.syncOut) == 0 && !hd.syncDone {
			res, err := hd.e.write(in[inOff:inOff+inLen], flush)
			if err != nil {
				h.Throw(zErr(err))
			}
			hd.syncOut = res
			availIn = 0
			if inf, ok := hd.e.(*inflater); ok {
				availIn = inf.lastLeft
			}
			hd.syncDone = flush == zFinish
		}
		n := copy(out[outOff:outOff+outLen], hd.syncOut)
		hd.syncOut = hd.syncOut[n:]
		if len(hd.syncOut) == 0 {
			hd.syncOut = nil
		}
		hd.syncLast = [2]int{outLen - n, availIn}
		if st, ok := hd.syncState.(*goja.Object); ok {
			st.Set("0", outLen-n)
			st.Set("1", availIn)
		}
		return goja.Undefined()
	}
	return modules.Func(vm, "writeSync", 0, fn)
}

// clampRange bounds off and n to a slice of length l.
func clampRange(off, n int64, l int) (int, int) {
	if off < 0 {
		off = 0
	}
	if off > int64(l) {
		off = int64(l)
	}
	if n < 0 {
		n = 0
	}
	if off+n > int64(l) {
		n = int64(l) - off
	}
	return int(off), int(n)
}
