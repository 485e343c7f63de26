package zlib

import "sync"

// zcompressor runs a deflater the way node's zlib binding drives zlib: each write calls
// deflate with the output room left in the current chunkSize window, and calls again with a
// fresh window while deflate fills the one it has. (zlib's level 0 block sizes and some flush
// corner cases depend on that room, so it is part of the output's identity.)
type zcompressor struct {
	d      *deflater
	o      options
	chunk  int
	outOff int // bytes used in the current output window, over the whole stream
	closed bool
}

type deflaterKey struct{ wBits, memLevel int }

// deflaters pools deflate states (about 300 KB each with the default window and memLevel) by
// their sizes; one-shot compressions of small inputs would otherwise spend most of their time
// allocating them.
var deflaters sync.Map // deflaterKey -> *sync.Pool

func deflaterPool(k deflaterKey) *sync.Pool {
	p, _ := deflaters.LoadOrStore(k, &sync.Pool{})
	return p.(*sync.Pool)
}

func zWrap(mode int) int {
	switch mode {
	case modeDeflate:
		return 1
	case modeGzip:
		return 2
	}
	return 0
}

func normWindowBits(o options) int {
	w := o.windowBits
	if w == 0 {
		w = 15
	}
	if w == 8 {
		w = 9
	}
	return w
}

func normMemLevel(o options) int {
	if o.memLevel < 1 || o.memLevel > 9 {
		return 8
	}
	return o.memLevel
}

func newZCompressor(o options) (*zcompressor, error) {
	chunk := o.chunk
	if chunk <= 0 {
		chunk = 16 << 10
	}
	c := &zcompressor{o: o, chunk: chunk}
	k := deflaterKey{normWindowBits(o), normMemLevel(o)}
	level := o.level
	if level == -1 {
		level = 6
	}
	if d, ok := deflaterPool(k).Get().(*deflater); ok {
		// a fresh zlib stream: zeroed window (nothing above the high-water mark was written)
		clear(d.window[:min(d.highWater+8, len(d.window))])
		d.highWater = 0
		d.wrap = zWrap(o.mode)
		d.level, d.strategy = level, o.strategy
		d.in, d.inPos, d.out = nil, 0, nil
		d.reset()
		c.d = d
	} else {
		c.d = newDeflater(level, zWrap(o.mode), k.wBits, k.memLevel, o.strategy)
	}
	if err := c.setDict(); err != nil {
		return nil, err
	}
	return c, nil
}

// setDict is node's SetDictionary: deflateSetDictionary for zlib and raw streams (node passes
// none to gzip streams).
func (c *zcompressor) setDict() error {
	if len(c.o.dict) == 0 || c.o.mode == modeGzip {
		return nil
	}
	if c.d.setDictionary(c.o.dict) != zOK {
		return &zError{"Failed to set dictionary", zStreamError, "Z_STREAM_ERROR"}
	}
	return nil
}

func (c *zcompressor) write(in []byte, flush int) ([]byte, error) {
	d := c.d
	if d == nil {
		return nil, errClosed
	}
	if c.closed {
		if len(in) == 0 {
			return nil, nil
		}
		return nil, &zError{"stream error", -2, "Z_STREAM_ERROR"}
	}
	d.in, d.inPos = in, 0
	d.out = make([]byte, 0, len(in)/2+64)
	for {
		avail := c.chunk - c.outOff
		d.availOut = avail
		before := len(d.out)
		ret := d.deflate(flush)
		produced := len(d.out) - before
		c.outOff += produced
		if ret == zStreamError {
			d.in = nil
			return nil, &zError{"stream error", -2, "Z_STREAM_ERROR"}
		}
		if ret == zStreamEnd {
			c.closed = true
		}
		if produced == avail || c.outOff >= c.chunk {
			c.outOff = 0
		}
		if produced != avail {
			break
		}
	}
	out := d.out
	d.in, d.out = nil, nil
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// params is node's handle.params: deflateParams (gzip streams keep their settings, as node's
// binding does not pass them on for gzip). It returns what deflateParams's Z_BLOCK flush wrote
// into the current output window.
func (c *zcompressor) params(level, strategy int) []byte {
	if c.d == nil || c.o.mode == modeGzip {
		return nil
	}
	out, _ := c.d.params(level, strategy, c.chunk-c.outOff)
	c.d.in, c.d.out = nil, nil
	c.outOff += len(out)
	if c.outOff >= c.chunk {
		c.outOff = 0
	}
	return out
}

// reset is deflateReset plus the dictionary again, as node's reset().
func (c *zcompressor) reset() error {
	if c.d == nil {
		return nil
	}
	c.d.reset()
	c.closed = false
	return c.setDict()
}

func (c *zcompressor) close() {
	if c.d == nil {
		return
	}
	if c.closed {
		deflaterPool(deflaterKey{c.d.wBits, normMemLevel(c.o)}).Put(c.d)
	}
	c.d = nil
}
