package zlib

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"math/bits"
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zlib"
)

// Modes, numbered as zlib.constants names them.
const (
	modeDeflate    = 1
	modeInflate    = 2
	modeGzip       = 3
	modeGunzip     = 4
	modeDeflateRaw = 5
	modeInflateRaw = 6
	modeUnzip      = 7
	modeBrotliDec  = 8
	modeBrotliEnc  = 9
)

// Flush values (zlib's).
const (
	zNoFlush      = 0
	zPartialFlush = 1
	zSyncFlush    = 2
	zFullFlush    = 3
	zFinish       = 4
	zBlock        = 5
)

// zError is a zlib error as Node reports it: message, errno and code.
type zError struct {
	msg   string
	errno int
	code  string
}

func (e *zError) Error() string { return e.msg }

var (
	errHeader    = &zError{"incorrect header check", -3, "Z_DATA_ERROR"}
	errDataCheck = &zError{"incorrect data check", -3, "Z_DATA_ERROR"}
	errLenCheck  = &zError{"incorrect length check", -3, "Z_DATA_ERROR"}
	errUnexpEOF  = &zError{"unexpected end of file", -5, "Z_BUF_ERROR"}
	errNeedDict  = &zError{"Missing dictionary", 2, "Z_NEED_DICT"}
	errBadDict   = &zError{"Bad dictionary", 2, "Z_NEED_DICT"}
	errClosed    = errors.New("zlib: engine closed")
)

// engine is one compression or decompression stream. write feeds input with a flush mode and
// returns the output it produced. It runs on whatever goroutine calls it, one call at a time.
type engine interface {
	write(in []byte, flush int) ([]byte, error)
	close()
}

type options struct {
	mode       int
	level      int
	strategy   int
	windowBits int
	memLevel   int
	dict       []byte
	brotliQ    int
	brotliWin  int
	// Large Window Brotli (BROTLI_PARAM_LARGE_WINDOW, BROTLI_DECODER_PARAM_LARGE_WINDOW)
	brotliLarge bool
	chunk       int // output window (chunkSize) of a decompressor
}

func newEngine(ctx context.Context, o options) (engine, error) {
	switch o.mode {
	case modeDeflate, modeGzip, modeDeflateRaw:
		return newZCompressor(o)
	case modeBrotliEnc:
		return newCompressor(o)
	}
	return newInflater(ctx, o), nil
}

// ---- compression ------------------------------------------------------------------------------

// DEFLATE, zlib and gzip streams are compressed by zcompressor (deflate.go: node's zlib bytes);
// brotli by andybalholm/brotli here.

type compressor struct {
	buf    bytes.Buffer
	w      *brotli.Writer
	o      options
	closed bool
}

// brotliWriters keeps finished brotli encoders by quality and window, for the next stream with
// the same two: the package sizes a quality 10-11 encoder's match tree by its window alone (32
// MiB, cleared, for the default 4 MiB window, where C brotli sizes a one-shot stream's by its
// input), so a new encoder per brotliCompressSync('hello') cost 16 ms against node's 0.4. A reset
// encoder keeps its hasher, whose Prepare makes it valid again as C's does for uncleared memory:
// the bytes are those of a new encoder (TestBrotliWriterReuseSameBytes).
var brotliWriters [12][25]sync.Pool

func brotliPool(o options) *sync.Pool {
	if o.brotliLarge || o.brotliQ < 0 || o.brotliQ >= len(brotliWriters) || o.brotliWin < 0 || o.brotliWin >= len(brotliWriters[0]) {
		return nil
	}
	return &brotliWriters[o.brotliQ][o.brotliWin]
}

func newCompressor(o options) (*compressor, error) {
	c := &compressor{o: o}
	if p := brotliPool(o); p != nil {
		if w, ok := p.Get().(*brotli.Writer); ok {
			w.Reset(&c.buf)
			c.w = w
			return c, nil
		}
	}
	win := o.brotliWin
	if o.brotliLarge && o.brotliQ < 10 && win > 24 {
		// (the package's hashers for qualities below 10 index past their tables with a window
		// over 24 bits; its quality 10-11 encoder gives C brotli's bytes: the lower qualities
		// keep a large window stream of 24 bits, which any large window decoder reads)
		win = 24
	}
	c.w = brotli.NewWriterOptions(&c.buf, brotli.WriterOptions{Quality: o.brotliQ, LGWin: win})
	if o.brotliLarge {
		setBrotliLargeWindow(c.w, "params", "large_window")
	}
	return c, nil
}

// brotliWriteChunk is the package's (*Writer).writeChunk(p, op), which runs C brotli's
// BrotliEncoderCompressStream with the operation op over p until p is taken; its exported
// methods give operations 0-2 (Write, Flush, Close), not BROTLI_OPERATION_EMIT_METADATA.
//
//go:linkname brotliWriteChunk github.com/andybalholm/brotli.(*Writer).writeChunk
func brotliWriteChunk(w *brotli.Writer, p []byte, op int) (int, error)

const brotliEmitMetadata = 3

// An empty metadata block's header, as brotliWriteChunk ends out with it, is the L bits (0-7)
// left over by the data before it, then ISLAST 0, MNIBBLES 3 (bits 1,1), a reserved 0 and
// MSKIPBYTES 0: L+6 bits, padded to bytes: one byte for L <= 2 (whose top set bit is L+2 >= 2),
// else two, the second 0, 1 or 3. emptyMetadataLen is that byte count at the end of out (at
// least 1), metadataLeft L and those bits.
func emptyMetadataLen(out []byte) int {
	if out[len(out)-1] >= 4 {
		return 1
	}
	return 2
}

func metadataLeft(out []byte) (l uint, left uint32, ok bool) {
	if len(out) == 0 {
		return 0, 0, false
	}
	v := uint32(out[len(out)-1])
	if emptyMetadataLen(out) == 2 {
		if len(out) < 2 {
			return 0, 0, false
		}
		v = v<<8 | uint32(out[len(out)-2])
	}
	l = uint(bits.Len32(v)) - 3 // (the top set bit, L+2)
	if v>>l&0x3f != 0x6 {
		return 0, 0, false
	}
	return l, v & (1<<l - 1), true
}

// oneByteMetadataHeader is C brotli's header of a metadata block of one byte in place of the
// empty one out ends with: the bits left over, ISLAST 0, MNIBBLES 3, reserved 0, MSKIPBYTES 1
// and MSKIPLEN-1 = 0 in 8 bits (L+14 bits, padded to bytes).
func oneByteMetadataHeader(out []byte) ([]byte, bool) {
	l, left, ok := metadataLeft(out)
	if !ok {
		return nil, false
	}
	v := left | 0x16<<l
	head := []byte{byte(v), byte(v >> 8), byte(v >> 16)}
	return head[:(l+14+7)/8], true
}

// errBrotliCompress is node's error when C brotli's encoder fails (BrotliEncoderCompressStream
// returned false).
var errBrotliCompress = &zError{"Compression failed", -1, "ERR_BROTLI_COMPRESSION_FAILED"}

// setBrotliLargeWindow turns Large Window Brotli on in v, an encoder or decoder of
// andybalholm/brotli, which has it (a port of C brotli's large_window flag, set before the
// stream starts) but no option for it: the unexported flag at path is set through reflect. It
// reports whether it could (if the package ever changes, the stream is an ordinary one).
func setBrotliLargeWindow(v any, path ...string) bool {
	f := reflect.ValueOf(v).Elem()
	for _, name := range path {
		if f.Kind() != reflect.Struct {
			return false
		}
		if f = f.FieldByName(name); !f.IsValid() {
			return false
		}
	}
	if f.Kind() != reflect.Bool || !f.CanAddr() {
		return false
	}
	reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().SetBool(true)
	return true
}

func (c *compressor) write(in []byte, flush int) ([]byte, error) {
	if c.closed {
		if len(in) == 0 {
			return nil, nil
		}
		return nil, &zError{"stream error", -2, "Z_STREAM_ERROR"}
	}
	if len(in) > 0 && flush != zFullFlush {
		if _, err := c.w.Write(in); err != nil {
			return nil, err
		}
	}
	switch flush {
	case zPartialFlush, zSyncFlush, zBlock:
		if err := c.w.Flush(); err != nil {
			return nil, err
		}
	case zFullFlush:
		// BROTLI_OPERATION_EMIT_METADATA: the package's port of C brotli's metadata workflow,
		// which has no exported entry: the pending data is encoded and flushed, then a metadata
		// meta-block whose payload is in (empty: its header alone) follows the bits left over,
		// as C writes it. More than 16 MiB is C's failure.
		if len(in) == 1 {
			// (the port writes a 1-byte block's header as an empty block's: C's is mended here)
			if _, err := brotliWriteChunk(c.w, nil, brotliEmitMetadata); err != nil {
				return nil, errBrotliCompress
			}
			b := c.buf.Bytes()
			head, ok := oneByteMetadataHeader(b)
			if !ok {
				return nil, errBrotliCompress
			}
			c.buf.Truncate(len(b) - emptyMetadataLen(b))
			c.buf.Write(head)
			c.buf.WriteByte(in[0])
			break
		}
		if _, err := brotliWriteChunk(c.w, in, brotliEmitMetadata); err != nil {
			return nil, errBrotliCompress
		}
	case zFinish:
		if err := c.w.Close(); err != nil {
			return nil, err
		}
		c.closed = true
		if p := brotliPool(c.o); p != nil {
			p.Put(c.w) // (closed: it holds no reference to c.buf)
		}
		c.w = nil
	}
	if c.buf.Len() == 0 {
		return nil, nil
	}
	out := bytes.Clone(c.buf.Bytes())
	c.buf.Reset()
	return out, nil
}

func (c *compressor) close() { c.w = nil }

// ---- decompression ----------------------------------------------------------------------------

// inflater runs a pull decompressor (compress/*, brotli) on its own goroutine and feeds it the
// pushed input. Each submitted request carries one input chunk; the decompressor reads straight
// into output slabs and hands each full slab to the request's emit while it goes on inflating, so
// the loop can push one slab while the next is being produced. When it has consumed the chunk
// (it asks for more input), it emits what it has as the request's last piece.
//
// Slabs end on the chunk-size output windows Node's zlib fills (counted over the whole stream),
// so the glue can cut them into exactly the pieces Node pushes.
type inflater struct {
	ctx      context.Context
	o        options
	reqs     chan *inReq
	quit     chan struct{}
	fin      chan struct{} // closed when the decompressor goroutine has returned
	started  bool
	inline   bool // the decompressor runs on write's goroutine (the stream given whole)
	closed   bool
	endErr   error // the final error (nil: clean end), set before fin is closed
	left     int   // input bytes of the request in hand when the stream ended that it did not take
	lastLeft int   // the same for the last synchronous write

	// decompressor goroutine state
	req     *inReq
	cur     []byte
	eof     bool
	br      *bufio.Reader // over the inflater: lets the decoders take their buffered fast path
	slab    []byte
	slabN   int
	winOff  int                   // output bytes in the current chunk-size window
	scratch *[inlineSlabSize]byte // an inline run's slab, from inlineSlabs
}

// inReq is one submitted input chunk. emit runs on the decompressor goroutine: zero or more
// times with last false (a full slab), then once with last true (the rest of this request's
// output; end reports that the stream is over, err its error).
//
// left is set before the last emit: how many bytes of data the decompressor did not take because
// the stream had ended before them (zlib's avail_in after Z_STREAM_END). Node counts only the
// bytes taken in bytesWritten and ends the readable side when some are left.
type inReq struct {
	data   []byte
	finish bool
	left   int
	emit   func(out []byte, last, end bool, err error)
}

// Decoders are pooled too: each holds a window and its tables.
var decoders, bufReaders sync.Pool

func newInflater(ctx context.Context, o options) *inflater {
	if o.chunk <= 0 {
		o.chunk = 16 << 10
	}
	return &inflater{ctx: ctx, o: o}
}

// submit hands one input chunk to the decompressor (starting it on first use). Whoever calls it
// must not submit again before the request's last emit. If the stream has already ended, emit
// runs at once on the calling goroutine.
func (f *inflater) submit(r *inReq) {
	if f.closed {
		r.emit(nil, true, true, errClosed)
		return
	}
	if !f.started {
		f.started = true
		f.reqs = make(chan *inReq)
		f.quit = make(chan struct{})
		f.fin = make(chan struct{})
		go f.run(r)
		return
	}
	select {
	case f.reqs <- r:
	case <-f.fin:
		if f.endErr == nil {
			r.left = len(r.data)
		}
		r.emit(nil, true, true, f.endErr)
	}
}

// write is the synchronous form (zlibSync and tests): it returns all the output for in.
// lastLeft then holds the bytes of in the stream did not take.
func (f *inflater) write(in []byte, flush int) ([]byte, error) {
	var out []byte
	var fail error
	done := make(chan struct{})
	r := &inReq{data: in, finish: flush == zFinish}
	r.emit = func(p []byte, last, end bool, err error) {
		out = append(out, p...)
		if last {
			fail = err
			close(done)
		}
	}
	if !f.started && !f.closed && r.finish {
		// The whole stream in one call (inflateSync and the like): the decompressor will never
		// wait for more input, so it runs here, without a goroutine and the hand-offs to it,
		// and with slabs of the stream's chunk size rather than slabMin (node's sync calls
		// fill chunk-size buffers too), as the output is joined anyway.
		f.started, f.inline = true, true
		f.quit = make(chan struct{})
		f.fin = make(chan struct{})
		f.run(r)
		f.lastLeft = r.left
		return out, fail
	}
	f.submit(r)
	<-done
	f.lastLeft = r.left
	return out, fail
}

func (f *inflater) close() {
	if f.closed {
		return
	}
	f.closed = true
	if f.started {
		close(f.quit)
		<-f.fin
	}
}

// Read and ReadByte run on the decompressor goroutine.
func (f *inflater) fill() error {
	for len(f.cur) == 0 {
		if f.eof {
			return io.EOF
		}
		if f.req != nil {
			if f.req.finish {
				f.eof = true
				return io.EOF
			}
			// this request's input is all consumed: hand back its output, wait for the next
			f.flushSlab(true)
			f.req = nil
		}
		select {
		case r := <-f.reqs:
			f.req = r
			f.cur = r.data
		case <-f.quit:
			return errClosed
		case <-f.ctx.Done():
			return errClosed
		}
	}
	return nil
}

// flushSlab emits the slab's filled part: as the request's last piece, or as a full slab.
// The rest of the slab's memory stays for the next output (the JS side owns what was emitted).
func (f *inflater) flushSlab(last bool) {
	p := f.slab[:f.slabN:f.slabN]
	f.slab = f.slab[f.slabN:]
	f.slabN = 0
	f.winOff = (f.winOff + len(p)) % f.o.chunk
	if len(p) == 0 {
		p = nil
	}
	f.req.emit(p, last, false, nil)
}

func (f *inflater) Read(p []byte) (int, error) {
	if err := f.fill(); err != nil {
		return 0, err
	}
	n := copy(p, f.cur)
	f.cur = f.cur[n:]
	return n, nil
}

func (f *inflater) ReadByte() (byte, error) {
	if len(f.cur) == 0 {
		if err := f.fill(); err != nil {
			return 0, err
		}
	}
	c := f.cur[0]
	f.cur = f.cur[1:]
	return c, nil
}

func (f *inflater) run(r *inReq) {
	f.req, f.cur = r, r.data
	err := f.decompress()
	if err != nil {
		err = mapError(err, f.o)
	}
	if err == errClosed {
		err = nil
	}
	f.endErr = err
	if f.req != nil {
		p := f.slab[:f.slabN:f.slabN]
		if len(p) == 0 {
			p = nil
		}
		if err == nil {
			f.req.left = max(0, min(f.left, len(f.req.data)))
		}
		f.req.emit(p, true, true, err)
		f.req = nil
	}
	f.slab = nil
	if f.scratch != nil {
		inlineSlabs.Put(f.scratch)
		f.scratch = nil
	}
	close(f.fin)
}

func (f *inflater) decompress() error {
	if f.o.mode != modeBrotliDec {
		d, _ := decoders.Get().(*decoder)
		if d == nil {
			d = newDecoder()
		}
		d.reset(f, f)
		d.windowB = f.o.windowBits
		err := d.run(f.o.mode, f.o.dict)
		f.left = d.unused()
		d.reset(nil, nil)
		decoders.Put(d)
		return err
	}
	f.br, _ = bufReaders.Get().(*bufio.Reader)
	if f.br == nil {
		f.br = bufio.NewReaderSize(f, 32<<10)
	} else {
		f.br.Reset(f)
	}
	defer func() {
		f.br.Reset(nil)
		bufReaders.Put(f.br)
	}()
	rd := brotli.NewReader(f.br)
	if f.o.brotliLarge {
		setBrotliLargeWindow(rd, "large_window")
	}
	err := f.copyOut(rd)
	if err != nil && err.Error() == "brotli: excessive input" {
		// The stream ended before the input did: as node, the rest is left, not an error.
		err = nil
	}
	f.left = brotliUnread(rd) + f.br.Buffered() + len(f.cur)
	return err
}

// brotliUnread is how many input bytes rd has read from its source but not decoded. The
// package does not export it; its Reader keeps them in the field in (if that ever changes, the
// count is 0 and bytesWritten merely includes them).
func brotliUnread(rd *brotli.Reader) int {
	v := reflect.ValueOf(rd).Elem().FieldByName("in")
	if !v.IsValid() || v.Kind() != reflect.Slice {
		return 0
	}
	return v.Len()
}

// next and put are the DEFLATE decoder's input and output; they run on the decompressor
// goroutine. The decoder takes whole input chunks.
func (f *inflater) next() ([]byte, error) {
	if len(f.cur) == 0 {
		if err := f.fill(); err != nil {
			return nil, err
		}
	}
	p := f.cur
	f.cur = nil
	return p, nil
}

func (f *inflater) put(p []byte) {
	for len(p) > 0 {
		if f.slabN == len(f.slab) {
			f.newSlab()
		}
		n := copy(f.slab[f.slabN:], p)
		f.slabN += n
		p = p[n:]
	}
}

// newSlab emits a full slab and starts the next, which ends on a window boundary.
func (f *inflater) newSlab() {
	if f.slabN > 0 {
		f.flushSlab(false)
	}
	n := f.o.chunk
	if !f.inline {
		n *= (slabMin + f.o.chunk - 1) / f.o.chunk
	} else if n == inlineSlabSize {
		// (a whole-stream call's emit copies what it is given: one slab serves the call)
		if f.scratch == nil {
			f.scratch, _ = inlineSlabs.Get().(*[inlineSlabSize]byte)
			if f.scratch == nil {
				f.scratch = new([inlineSlabSize]byte)
			}
		}
		f.slab = f.scratch[:n-f.winOff]
		return
	}
	f.slab = make([]byte, n-f.winOff)
}

// inlineSlabs are the slabs of whole-stream decompressions (inflateSync and the like) of the
// default chunk size. A new 16 KiB slab per call was a fifth of an inflateSync of a short input.
var inlineSlabs sync.Pool

const inlineSlabSize = 16 << 10

// slabMin is a slab's least size: slabs span whole chunk-size windows, at least this many bytes.
const slabMin = 64 << 10

// copyOut reads r's output straight into slabs. A Read may block for input, and fill may then
// emit the slab's filled part and move f.slab on; the Read's buffer always starts at
// f.slab[f.slabN] as it stands after the Read, so the count adds up either way.
func (f *inflater) copyOut(r io.Reader) error {
	for {
		if f.slabN == len(f.slab) {
			f.newSlab()
		}
		n, err := r.Read(f.slab[f.slabN:])
		f.slabN += n
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func mapError(err error, o options) error {
	var ce flate.CorruptInputError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return errUnexpEOF
	case errors.Is(err, zlib.ErrHeader), errors.Is(err, gzip.ErrHeader):
		return errHeader
	case errors.Is(err, zlib.ErrChecksum):
		return errDataCheck
	case errors.Is(err, gzip.ErrChecksum):
		if strings.Contains(err.Error(), "length") {
			return errLenCheck
		}
		return errDataCheck
	case errors.Is(err, zlib.ErrDictionary):
		if len(o.dict) > 0 {
			return errBadDict
		}
		return errNeedDict
	case errors.As(err, &ce):
		return &zError{"invalid block type", -3, "Z_DATA_ERROR"}
	}
	if v := reflect.ValueOf(err); v.Kind() == reflect.Int && strings.HasPrefix(err.Error(), "brotli: ") {
		name := strings.TrimPrefix(err.Error(), "brotli: ")
		code := int(v.Int())
		prefix := "_ERROR_"
		if code >= -16 {
			prefix = "_ERROR_FORMAT_"
		}
		return &zError{"Decompression failed", code, "ERR_" + prefix + name}
	}
	if strings.HasPrefix(err.Error(), "brotli: ") {
		return &zError{"Decompression failed", -31, "ERR__ERROR_UNREACHABLE"}
	}
	return err
}
