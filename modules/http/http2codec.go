package http

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
	"golang.org/x/net/http2"
	"golang.org/x/net/http2/hpack"
)

// The HTTP/2 codec of one session (http2.js's sessions run over any Duplex, so the bytes come
// and go through JS): feed(chunk) parses every whole frame the bytes complete and returns them
// as one flat array, five slots a frame (type, flags, stream id, payload, extra), so a read that
// carries many frames costs one call and one array. Header blocks (HEADERS or PUSH_PROMISE and
// their CONTINUATIONs) are decoded with x/net's HPACK decoder into a flat [name, value, ...]
// array; DATA's payload is a Buffer over a copy of its bytes (padding removed). What the peer
// expects at once, the SETTINGS and PING acknowledgements, the codec queues itself; the
// encoders (headers, data, settings, ping, goaway, rst, windowUpdate, pushPromise) append
// frames to the same queue through x/net's Framer, and take() hands JS the queue as one Buffer
// to write. Connection errors come back as a record of type -1 whose flags are the error code.

const h2Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"

// record types beyond the frame types (which are 0-9)
const (
	h2RecError = -1 // nghttp2 ends the session: a GOAWAY of the code in flags, no error
	h2RecFatal = -2 // nghttp2 refuses the input: its library error code (flags) fails the session
)

// nghttp2's library error codes the codec reports
const (
	ngErrProto       = -505
	ngErrFlowControl = -524
	ngErrBadMagic    = -903
)

// the extension frames node's sessions read and send (nghttp2's built-in ALTSVC and ORIGIN)
const (
	frameAltSvc http2.FrameType = 0xa
	frameOrigin http2.FrameType = 0xc
)

type h2codec struct {
	h *modules.Host
	// interned are the JS strings of received header names, and of the values of the fields
	// that repeat on a connection (internedValue), so that a request's common fields cost no
	// new string each (bounded: once full, new ones are made each time)
	interned    map[string]goja.Value
	server      bool
	preface     int // bytes of the client preface still to check (server)
	in          []byte
	dec         *hpack.Decoder
	enc         *hpack.Encoder
	encBuf      bytes.Buffer
	out         bytes.Buffer
	fr          *http2.Framer
	maxFrameIn  uint32 // our SETTINGS_MAX_FRAME_SIZE
	maxFrameOut uint32 // the peer's
	scratch     []byte // a field headerBlock encodes itself
	// per SETTINGS sent and not yet acknowledged, its header table size (-1: none)
	tableAcks []int64
	// the header table size an acknowledgement read gave, not yet applied (-1: none): applied
	// when JS reaches that frame (applyTableAck), or before the next header block is decoded,
	// so a stream's 'stream' event from a block read before the acknowledgement in the same read
	// sees the table as it was (nghttp2 hands JS each frame as it inflates it)
	tableAckPending int64
	// a header block in progress (CONTINUATION expected)
	contStream  uint32
	contType    uint8
	contFlags   uint8
	contPromise uint32
	contBlock   []byte
	contPrio    goja.Value // the block's priority [parent, weight, exclusive], or undefined
	hdrs        []any
	hdrIgnored  bool // a regular field of the block was ignored (no pseudo-header may follow)
	hdrErr      bool
	sensitive   map[string]bool
	sensIn      []any // the never-indexed names of the block being decoded
	maxSettings int   // entries a SETTINGS frame may carry (node's maxSettings option)
	outMark     int   // what out held when the current feed began
	// node's Http2Session statistics: frames and bytes received and sent; skipOut is the client
	// preface's length while it is queued (no frame)
	framesIn, framesOut, bytesIn, bytesOut float64
	skipOut                                int
	// ctlOut counts the frames other than DATA (and CONTINUATION) taken so far: with those still
	// queued, what session.state.outboundQueueSize counts (nghttp2's queue holds no DATA)
	ctlOut float64
	// padding is the session's paddingStrategy (node's constants: 0 none, 1 aligned, 2 max),
	// applied to HEADERS and DATA frames as node's select-padding callback does
	padding int
	// blocks are the header blocks queued and not yet encoded: they are HPACK-encoded when the
	// frames are taken, in their place in out (as nghttp2 deflates a header block when it sends
	// its frame), so that a block dropped unsent never reaches the encoder's table
	blocks    []pendBlock
	blockMark int           // len(blocks) when the current feed began
	blk       bytes.Buffer  // a header block's frames as take encodes them
	blkFr     *http2.Framer // writes to blk
	// cancelled are the streams whose frames queued and not yet taken are dropped (nghttp2
	// sends no HEADERS or DATA for a stream it has queued a RST_STREAM for)
	cancelled []uint32
}

// pendBlock is a header block queued to be framed at out's offset off.
type pendBlock struct {
	off      int
	sid      uint32
	promised uint32
	end      bool
	list     goja.Value
	sens     map[string]bool
	prio     *h2prio
}

// paddedLen is the payload length a frame of n payload octets is sent with (pad length octet and
// padding included; n when none), at most limit, as node's padding strategies choose it through
// nghttp2: aligned makes the whole frame a multiple of 8 octets, max adds the most padding
// nghttp2 allows (256 octets).
func (c *h2codec) paddedLen(n, limit int) int {
	if c.padding != 1 && c.padding != 2 || n >= limit {
		return n
	}
	most := min(n+256, limit)
	if c.padding == 2 {
		return most
	}
	r := (n + 9) % 8
	if r == 0 {
		return n
	}
	return min(n+8-r, most)
}

func newH2Codec(h *modules.Host, server bool) *h2codec {
	c := &h2codec{h: h, server: server, maxFrameIn: 16384, maxFrameOut: 16384, maxSettings: 32, tableAckPending: -1}
	if server {
		c.preface = len(h2Preface)
	}
	c.fr = http2.NewFramer(&c.out, nil)
	c.fr.AllowIllegalWrites = true
	c.enc = hpack.NewEncoder(&c.encBuf)
	c.dec = hpack.NewDecoder(4096, func(f hpack.HeaderField) {
		vm := c.h.VM
		switch c.checkField(f.Name, f.Value) {
		case fieldIgnored:
			return
		case fieldBad:
			// (a pseudo-header no block may have: the session's checks reset the stream)
			c.hdrs = append(c.hdrs, vm.ToValue(":"), vm.ToValue(""))
			return
		}
		var value goja.Value
		if internedValue(f.Name) {
			value = c.intern(f.Value)
		} else {
			value = vm.ToValue(f.Value)
		}
		c.hdrs = append(c.hdrs, c.intern(f.Name), value)
		if f.Sensitive {
			c.sensIn = append(c.sensIn, f.Name)
		}
	})
	return c
}

// maxInterned bounds a codec's interned strings.
const maxInterned = 256

// intern is the JS string of s, the same value each time while there is room for it.
func (c *h2codec) intern(s string) goja.Value {
	if v, ok := c.interned[s]; ok {
		return v
	}
	v := c.h.VM.ToValue(s)
	if len(c.interned) < maxInterned {
		if c.interned == nil {
			c.interned = make(map[string]goja.Value)
		}
		c.interned[s] = v
	}
	return v
}

// internedValue: a field whose values repeat from request to request on a connection.
func internedValue(name string) bool {
	switch name {
	case ":method", ":scheme", ":authority", ":status", "content-type", "user-agent", "accept",
		"accept-encoding", "accept-language":
		return true
	}
	return false
}

// errRec appends a connection error record.
// errRec ends the records with a connection error of the GOAWAY code given, as nghttp2's
// terminate_session: the rest of the input is dropped, and so is what the codec queued
// itself for it (the SETTINGS acknowledgement nghttp2 never sends then).
func (c *h2codec) errRec(recs []any, code http2.ErrCode) []any {
	vm := c.h.VM
	c.in = nil
	c.preface = -1
	c.truncateOut()
	return append(recs, vm.ToValue(h2RecError), vm.ToValue(int(code)), vm.ToValue(0), goja.Undefined(), goja.Undefined())
}

// fatalRec ends the records with input nghttp2 refuses as invalid (its library error code),
// which node reports as the session's error.
func (c *h2codec) fatalRec(recs []any, libCode int) []any {
	vm := c.h.VM
	c.in = nil
	c.preface = -1
	c.truncateOut()
	return append(recs, vm.ToValue(h2RecFatal), vm.ToValue(libCode), vm.ToValue(0), goja.Undefined(), goja.Undefined())
}

// applyTableAck gives the decoder the header table size an acknowledgement read gave, if one
// waits.
func (c *h2codec) applyTableAck() {
	if v := c.tableAckPending; v >= 0 {
		c.tableAckPending = -1
		c.dec.SetMaxDynamicTableSize(uint32(v))
	}
}

func (c *h2codec) feed(data []byte) []any {
	vm := c.h.VM
	var recs []any
	c.applyTableAck()
	c.outMark = c.out.Len()
	c.blockMark = len(c.blocks)
	if c.preface > 0 {
		off := len(h2Preface) - c.preface
		n := min(c.preface, len(data))
		if string(data[:n]) != h2Preface[off:off+n] {
			return c.fatalRec(recs, ngErrBadMagic)
		}
		c.preface -= n
		data = data[n:]
	} else if c.preface < 0 {
		return nil
	}
	if len(c.in) > 0 {
		c.in = append(c.in, data...)
		data = c.in
	}
	for len(data) >= 9 {
		length := uint32(data[0])<<16 | uint32(data[1])<<8 | uint32(data[2])
		if length > c.maxFrameIn {
			return c.errRec(recs, http2.ErrCodeFrameSize)
		}
		if uint32(len(data)) < 9+length {
			break
		}
		typ := data[3]
		flags := data[4]
		sid := binary.BigEndian.Uint32(data[5:9]) & 0x7fffffff
		p := data[9 : 9+length]
		data = data[9+length:]
		if c.contBlock != nil && (typ != uint8(http2.FrameContinuation) || sid != c.contStream) {
			return c.errRec(recs, http2.ErrCodeProtocol)
		}
		var payload goja.Value = goja.Undefined()
		switch http2.FrameType(typ) {
		case http2.FrameData:
			if sid == 0 {
				return c.errRec(recs, http2.ErrCodeProtocol)
			}
			var ok bool
			if p, ok = unpad(p, flags); !ok {
				return c.errRec(recs, http2.ErrCodeProtocol)
			}
			// the length counts against flow control, padding included
			payload = buffer.New(c.h, append([]byte(nil), p...))
			recs = append(recs, vm.ToValue(int(typ)), vm.ToValue(int(flags)), vm.ToValue(int(sid)), payload,
				vm.ToValue(int(length)))
			continue
		case http2.FrameHeaders, http2.FramePushPromise:
			if sid == 0 || c.server && http2.FrameType(typ) == http2.FramePushPromise {
				return c.fatalRec(recs, ngErrProto)
			}
			var ok bool
			if p, ok = unpad(p, flags); !ok {
				return c.errRec(recs, http2.ErrCodeProtocol)
			}
			var promised uint32
			if http2.FrameType(typ) == http2.FramePushPromise {
				if len(p) < 4 {
					return c.errRec(recs, http2.ErrCodeProtocol)
				}
				promised = binary.BigEndian.Uint32(p) & 0x7fffffff
				p = p[4:]
			} else if flags&0x20 != 0 {
				if len(p) < 5 {
					return c.errRec(recs, http2.ErrCodeProtocol)
				}
				dep := binary.BigEndian.Uint32(p) & 0x7fffffff
				if dep == sid {
					// nghttp2: a request depending on itself is invalid
					return c.fatalRec(recs, ngErrProto)
				}
				c.contPrio = vm.NewArray(float64(dep), int(p[4])+1, p[0]&0x80 != 0)
				p = p[5:]
			}
			if flags&0x20 == 0 || http2.FrameType(typ) == http2.FramePushPromise {
				c.contPrio = goja.Undefined()
			}
			c.contStream, c.contType, c.contFlags, c.contPromise = sid, typ, flags, promised
			c.contBlock = append(c.contBlock[:0:0], p...)
			if flags&0x4 == 0 {
				continue
			}
		case http2.FrameContinuation:
			if c.contBlock == nil {
				return c.errRec(recs, http2.ErrCodeProtocol)
			}
			c.contBlock = append(c.contBlock, p...)
			if flags&0x4 == 0 {
				continue
			}
		case http2.FrameSettings:
			if sid != 0 {
				return c.fatalRec(recs, ngErrProto)
			}
			if len(p)%6 != 0 || (flags&1 != 0 && len(p) != 0) {
				return c.errRec(recs, http2.ErrCodeFrameSize)
			}
			if flags&1 != 0 {
				// our header table size takes effect when the peer acknowledges it, as in
				// nghttp2's inflater (a block the peer sent before shrinking still fits)
				if len(c.tableAcks) > 0 {
					if v := c.tableAcks[0]; v >= 0 {
						c.applyTableAck()
						c.tableAckPending = v
					}
					c.tableAcks = c.tableAcks[1:]
				}
				break
			}
			if len(p)/6 > c.maxSettings {
				// nghttp2's max_settings: more entries than allowed is a connection error
				return c.errRec(recs, http2.ErrCodeEnhanceYourCalm)
			}
			list := make([]any, 0, len(p)/3)
			for i := 0; i+6 <= len(p); i += 6 {
				id := binary.BigEndian.Uint16(p[i:])
				v := binary.BigEndian.Uint32(p[i+2:])
				switch id {
				case 1:
					c.enc.SetMaxDynamicTableSizeLimit(v)
				case 2:
					if v > 1 {
						return c.fatalRec(recs, ngErrProto)
					}
				case 4:
					if v > 0x7fffffff {
						return c.fatalRec(recs, ngErrFlowControl)
					}
				case 5:
					if v < 16384 || v > 16777215 {
						return c.fatalRec(recs, ngErrProto)
					}
					c.maxFrameOut = v
				}
				list = append(list, vm.ToValue(int(id)), vm.ToValue(float64(v)))
			}
			c.fr.WriteSettingsAck()
			payload = vm.NewArray(list...)
		case http2.FramePing:
			if sid != 0 {
				return c.fatalRec(recs, ngErrProto)
			}
			if len(p) != 8 {
				return c.errRec(recs, http2.ErrCodeFrameSize)
			}
			var d [8]byte
			copy(d[:], p)
			if flags&1 == 0 {
				c.fr.WritePing(true, d)
			}
			payload = buffer.New(c.h, d[:])
		case http2.FrameGoAway:
			if sid != 0 {
				return c.fatalRec(recs, ngErrProto)
			}
			if len(p) < 8 {
				return c.errRec(recs, http2.ErrCodeFrameSize)
			}
			payload = vm.NewArray(float64(binary.BigEndian.Uint32(p)&0x7fffffff), float64(binary.BigEndian.Uint32(p[4:])),
				buffer.New(c.h, append([]byte(nil), p[8:]...)))
		case http2.FrameRSTStream:
			if len(p) != 4 {
				return c.errRec(recs, http2.ErrCodeFrameSize)
			}
			if sid == 0 {
				return c.fatalRec(recs, ngErrProto)
			}
			payload = vm.ToValue(float64(binary.BigEndian.Uint32(p)))
		case http2.FrameWindowUpdate:
			if len(p) != 4 {
				return c.errRec(recs, http2.ErrCodeFrameSize)
			}
			payload = vm.ToValue(float64(binary.BigEndian.Uint32(p) & 0x7fffffff))
		case http2.FramePriority:
			// RFC 9113 6.3 as nghttp2 checks it, each ending the connection: another length is a
			// FRAME_SIZE_ERROR, stream 0 invalid input, a stream depending on itself a
			// PROTOCOL_ERROR
			if len(p) != 5 {
				return c.errRec(recs, http2.ErrCodeFrameSize)
			}
			if sid == 0 {
				return c.fatalRec(recs, ngErrProto)
			}
			dep := binary.BigEndian.Uint32(p) & 0x7fffffff
			if dep == sid {
				return c.errRec(recs, http2.ErrCodeProtocol)
			}
			payload = vm.NewArray(float64(dep), int(p[4])+1, p[0]&0x80 != 0)
		case frameAltSvc:
			// RFC 7838 4: an origin on stream 0, none on a stream; others are ignored, as nghttp2 does
			if c.server || len(p) < 2 {
				continue
			}
			n := int(binary.BigEndian.Uint16(p))
			if 2+n > len(p) || (sid == 0) == (n == 0) || len(p) == 2+n {
				continue
			}
			payload = vm.NewArray(string(p[2:2+n]), string(p[2+n:]))
		case frameOrigin:
			// RFC 8336: a list of (length, ASCII origin) on stream 0, read by clients only
			if c.server || sid != 0 {
				continue
			}
			var list []any
			ok := true
			for q := p; len(q) > 0; {
				if len(q) < 2 || 2+int(binary.BigEndian.Uint16(q)) > len(q) {
					ok = false
					break
				}
				n := int(binary.BigEndian.Uint16(q))
				list = append(list, string(q[2:2+n]))
				q = q[2+n:]
			}
			if !ok {
				continue
			}
			payload = vm.NewArray(list...)
		default:
			continue // unknown frame types are ignored
		}
		if typ == uint8(http2.FrameHeaders) || typ == uint8(http2.FramePushPromise) || typ == uint8(http2.FrameContinuation) {
			// a whole header block
			c.hdrs = c.hdrs[:0]
			c.hdrIgnored = false
			c.applyTableAck()
			_, err := c.dec.Write(c.contBlock)
			if err == nil {
				err = c.dec.Close()
			}
			c.contBlock = nil
			if err != nil {
				return c.errRec(recs, http2.ErrCodeCompression)
			}
			typ, flags, sid = c.contType, c.contFlags, c.contStream
			list := vm.NewArray(c.hdrs...)
			clear(c.hdrs)
			if len(c.sensIn) > 0 {
				// the names sent never-indexed are the headers' [sensitiveHeaders]
				list.Set("sensitive", vm.NewArray(c.sensIn...))
				c.sensIn = c.sensIn[:0]
			}
			payload = list
			if typ == uint8(http2.FramePushPromise) {
				recs = append(recs, vm.ToValue(int(typ)), vm.ToValue(int(flags)), vm.ToValue(int(sid)), payload,
					vm.ToValue(int(c.contPromise)))
				continue
			}
			// a HEADERS block's extra is its priority [parent, weight, exclusive] (if flagged)
			recs = append(recs, vm.ToValue(int(typ)), vm.ToValue(int(flags)), vm.ToValue(int(sid)), payload, c.contPrio)
			c.contPrio = nil
			continue
		}
		recs = append(recs, vm.ToValue(int(typ)), vm.ToValue(int(flags)), vm.ToValue(int(sid)), payload, goja.Undefined())
	}
	if len(data) > 0 {
		c.in = append(c.in[:0:0], data...)
	} else {
		c.in = nil
	}
	return recs
}

// nghttp2Unindexed are the names nghttp2's deflater never adds to its dynamic table.
var nghttp2Unindexed = map[string]bool{":path": true, "content-length": true, "set-cookie": true, "etag": true,
	"if-modified-since": true, "if-none-match": true, "location": true, "age": true}

// The paths of unexported fields of hpack's Encoder and Decoder: their dynamic table's size
// (dynTab.size), and whether the Encoder owes a table size update (tableSizeUpdate). x/net
// does not export them; reflect may read (not set) an unexported field. Found once, so a read
// is one or two index steps.
var (
	encSizeIdx   = hpackFieldIdx(reflect.TypeFor[hpack.Encoder](), "size")
	encUpdateIdx = hpackFieldIdx(reflect.TypeFor[hpack.Encoder](), "tableSizeUpdate")
	decSizeIdx   = hpackFieldIdx(reflect.TypeFor[hpack.Decoder](), "size")
)

func hpackFieldIdx(t reflect.Type, name string) []int {
	if f, ok := t.FieldByName(name); ok {
		return f.Index
	}
	tab, ok := t.FieldByName("dynTab")
	if !ok {
		return nil
	}
	f, ok := tab.Type.FieldByName(name)
	if !ok {
		return nil
	}
	return []int{tab.Index[0], f.Index[0]}
}

// hpackField reads an unexported integer or bool of an hpack coder (0 when x/net's layout changed).
func hpackField(coder any, idx []int) uint64 {
	if idx == nil {
		return 0
	}
	v := reflect.ValueOf(coder).Elem().FieldByIndex(idx)
	if v.Kind() == reflect.Bool {
		if v.Bool() {
			return 1
		}
		return 0
	}
	return v.Uint()
}

// hpackStaticName is the index of a name's first entry in HPACK's static table (RFC 7541 A).
var hpackStaticName = func() map[string]uint64 {
	names := []string{":authority", ":method", ":method", ":path", ":path", ":scheme", ":scheme", ":status",
		":status", ":status", ":status", ":status", ":status", ":status", "accept-charset", "accept-encoding",
		"accept-language", "accept-ranges", "accept", "access-control-allow-origin", "age", "allow",
		"authorization", "cache-control", "content-disposition", "content-encoding", "content-language",
		"content-length", "content-location", "content-range", "content-type", "cookie", "date", "etag",
		"expect", "expires", "from", "host", "if-match", "if-modified-since", "if-none-match", "if-range",
		"if-unmodified-since", "last-modified", "link", "location", "max-forwards", "proxy-authenticate",
		"proxy-authorization", "range", "referer", "refresh", "retry-after", "server", "set-cookie",
		"strict-transport-security", "transfer-encoding", "user-agent", "vary", "via", "www-authenticate"}
	m := make(map[string]uint64, len(names))
	for i, n := range names {
		if _, ok := m[n]; !ok {
			m[n] = uint64(i + 1)
		}
	}
	return m
}()

// hpackVarInt appends an HPACK integer with an n-bit prefix (RFC 7541 5.1) to dst, whose
// prefix bits the caller sets in the first byte.
func hpackVarInt(dst []byte, n byte, i uint64) []byte {
	k := uint64((1 << n) - 1)
	if i < k {
		return append(dst, byte(i))
	}
	dst = append(dst, byte(k))
	i -= k
	for ; i >= 128; i >>= 7 {
		dst = append(dst, byte(0x80|(i&0x7f)))
	}
	return append(dst, byte(i))
}

// hpackString appends an HPACK string literal, Huffman-coded when that is shorter.
func hpackString(dst []byte, s string) []byte {
	if l := hpack.HuffmanEncodeLength(s); l < uint64(len(s)) {
		first := len(dst)
		dst = hpackVarInt(dst, 7, l)
		dst[first] |= 0x80
		return hpack.AppendHuffmanString(dst, s)
	}
	dst = hpackVarInt(dst, 7, uint64(len(s)))
	return append(dst, s...)
}

// appendWithoutIndexing appends f as a "literal header field without indexing" (RFC 7541
// 6.2.2), the form nghttp2 sends the fields it does not index; x/net's Encoder has no way to
// write it (its only unindexed form is "never indexed", which the peer reports as sensitive).
func appendWithoutIndexing(dst []byte, f hpack.HeaderField) []byte {
	if i, ok := hpackStaticName[f.Name]; ok {
		dst = hpackVarInt(dst, 4, i)
	} else {
		dst = append(dst, 0)
		dst = hpackString(dst, f.Name)
	}
	return hpackString(dst, f.Value)
}

// hpackTableSize is the size in octets of an hpack Encoder's or Decoder's dynamic table.
func hpackTableSize(coder any) int {
	if enc, ok := coder.(*hpack.Encoder); ok {
		return int(hpackField(enc, encSizeIdx))
	}
	return int(hpackField(coder, decSizeIdx))
}

// truncateOut drops what was queued since the current feed began.
func (c *h2codec) truncateOut() {
	c.out.Truncate(c.outMark)
	clear(c.blocks[c.blockMark:])
	c.blocks = c.blocks[:c.blockMark]
}

// takeFramed is what take returns when header blocks wait to be encoded or streams were
// cancelled: out's frames with the blocks encoded in their places (written through blk, a framer
// of their own), less the HEADERS, CONTINUATION and DATA frames of the cancelled streams.
func (c *h2codec) takeFramed(vm *goja.Runtime) []byte {
	src := c.out.Bytes()
	d := make([]byte, 0, len(src)+64*len(c.blocks))
	pos := 0
	// (a client's preface is no frame)
	if c.skipOut > 0 {
		d = append(d, src[:c.skipOut]...)
		pos = c.skipOut
	}
	copyFrames := func(to int) {
		if len(c.cancelled) == 0 {
			d = append(d, src[pos:to]...)
			pos = to
			return
		}
		for pos+9 <= to {
			n := 9 + (int(src[pos])<<16 | int(src[pos+1])<<8 | int(src[pos+2]))
			typ := http2.FrameType(src[pos+3])
			sid := binary.BigEndian.Uint32(src[pos+5:]) & 0x7fffffff
			if !((typ == http2.FrameData || typ == http2.FrameHeaders || typ == http2.FrameContinuation) && c.isCancelled(sid)) {
				d = append(d, src[pos:pos+n]...)
			}
			pos += n
		}
	}
	if c.blkFr == nil {
		c.blkFr = http2.NewFramer(&c.blk, nil)
		c.blkFr.AllowIllegalWrites = true
	}
	for i := range c.blocks {
		b := &c.blocks[i]
		copyFrames(b.off)
		if b.promised != 0 || !c.isCancelled(b.sid) {
			saved := c.sensitive
			c.sensitive = b.sens
			block := c.headerBlock(vm, b.list)
			c.sensitive = saved
			c.blk.Reset()
			c.writeBlock(c.blkFr, b.sid, block, b.end, b.promised, b.prio)
			d = append(d, c.blk.Bytes()...)
		}
		*b = pendBlock{}
	}
	copyFrames(len(src))
	c.blocks = c.blocks[:0]
	c.cancelled = c.cancelled[:0]
	c.out.Reset()
	return d
}

func (c *h2codec) isCancelled(sid uint32) bool {
	for _, id := range c.cancelled {
		if id == sid {
			return true
		}
	}
	return false
}

// headerBlock encodes a flat [name, value, ...] list.
func (c *h2codec) headerBlock(vm *goja.Runtime, list goja.Value) []byte {
	c.encBuf.Reset()
	o, _ := list.(*goja.Object)
	if o == nil {
		return nil
	}
	n := int(o.Get("length").ToInteger())
	maxIndexed := c.enc.MaxDynamicTableSize() * 3 / 4
	for i := 0; i+1 < n; i += 2 {
		name := o.Get(strconv.Itoa(i)).String()
		val := o.Get(strconv.Itoa(i + 1)).String()
		f := hpack.HeaderField{Name: name, Value: val}
		// besides the names asked for, nghttp2 never indexes credentials and short cookies
		if c.sensitive != nil && c.sensitive[name] || name == "authorization" || name == "proxy-authorization" ||
			name == "cookie" && len(val) < 20 {
			f.Sensitive = true
		} else if (nghttp2Unindexed[name] && !(name == ":path" && (val == "/" || val == "/index.html"))) ||
			f.Size() > maxIndexed {
			// nor does it add to its table a field that changes from message to message or takes
			// more than three quarters of the table (hd_deflate_decide_indexing): x/net would,
			// and the peer's table (node's inflateDynamicTableSize) would differ. Such a field is
			// written here unless x/net owes the block a table size update first.
			if hpackField(c.enc, encUpdateIdx) == 0 {
				c.scratch = appendWithoutIndexing(c.scratch[:0], f)
				c.encBuf.Write(c.scratch)
				continue
			}
			f.Sensitive = true
		}
		c.enc.WriteField(f)
	}
	return c.encBuf.Bytes()
}

// writeBlock writes a header block as HEADERS (or PUSH_PROMISE) and CONTINUATIONs through fr.
func (c *h2codec) writeBlock(fr *http2.Framer, sid uint32, block []byte, end bool, promised uint32, prio *h2prio) {
	max := int(c.maxFrameOut)
	if prio != nil {
		max -= 5
	}
	first := block
	rest := []byte(nil)
	if len(first) > max {
		first, rest = block[:max], block[max:]
	}
	if prio != nil {
		// written by hand: x/net leaves the PRIORITY flag off a spec of weight 1 on stream 0
		var flags http2.Flags = http2.FlagHeadersPriority
		if end {
			flags |= http2.FlagHeadersEndStream
		}
		if len(rest) == 0 {
			flags |= http2.FlagHeadersEndHeaders
		}
		p := prio.appendTo(make([]byte, 0, 5+len(first)))
		fr.WriteRawFrame(http2.FrameHeaders, flags, sid, append(p, first...))
	} else if promised != 0 {
		fr.WritePushPromise(http2.PushPromiseParam{StreamID: sid, PromiseID: promised, BlockFragment: first,
			EndHeaders: len(rest) == 0})
	} else {
		var pad uint8
		if len(rest) == 0 {
			if p := c.paddedLen(len(first), max); p > len(first) {
				pad = uint8(p - len(first) - 1)
				if pad == 0 {
					// (x/net writes no PADDED flag for a zero pad length: one octet of padding
					// length alone is written by hand)
					flags := http2.FlagHeadersEndHeaders | http2.FlagHeadersPadded
					if end {
						flags |= http2.FlagHeadersEndStream
					}
					fr.WriteRawFrame(http2.FrameHeaders, flags, sid, append([]byte{0}, first...))
					return
				}
			}
		}
		fr.WriteHeaders(http2.HeadersFrameParam{StreamID: sid, BlockFragment: first, EndStream: end,
			EndHeaders: len(rest) == 0, PadLength: pad})
	}
	for len(rest) > 0 {
		p := rest
		if len(p) > max {
			p = p[:max]
		}
		rest = rest[len(p):]
		fr.WriteContinuation(sid, len(rest) == 0, p)
	}
}

func bindHTTP2(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	u32 := func(v goja.Value) uint32 { return uint32(v.ToInteger()) }
	b.Set("newCodec", func(call goja.FunctionCall) goja.Value {
		c := newH2Codec(h, call.Argument(0).ToBoolean())
		o := vm.NewObject()
		o.Set("feed", func(call goja.FunctionCall) goja.Value {
			data := buffer.BytesOf(vm, call.Argument(0))
			c.bytesIn += float64(len(data))
			recs := c.feed(data)
			for i := 0; i < len(recs); i += 5 {
				if recs[i].(goja.Value).ToInteger() >= 0 {
					c.framesIn++
				}
			}
			if len(recs) == 0 {
				return goja.Null()
			}
			return vm.NewArray(recs...)
		})
		// take() returns the frames queued so far as one Buffer (null if none)
		o.Set("take", func(goja.FunctionCall) goja.Value {
			var d []byte
			if len(c.blocks) > 0 || len(c.cancelled) > 0 {
				d = c.takeFramed(vm)
			} else if c.out.Len() > 0 {
				d = append([]byte(nil), c.out.Bytes()...)
				c.out.Reset()
			}
			if len(d) == 0 {
				return goja.Null()
			}
			c.bytesOut += float64(len(d))
			// each frame counts once, a header block's CONTINUATIONs with its HEADERS
			for i := c.skipOut; i+9 <= len(d); i += 9 + (int(d[i])<<16 | int(d[i+1])<<8 | int(d[i+2])) {
				if t := http2.FrameType(d[i+3]); t != http2.FrameContinuation {
					c.framesOut++
					if t != http2.FrameData {
						c.ctlOut++
					}
				}
			}
			c.skipOut = 0
			return buffer.New(h, d)
		})
		// stats() is [framesReceived, framesSent, bytesRead, bytesWritten]
		o.Set("stats", func(goja.FunctionCall) goja.Value {
			return vm.NewArray(c.framesIn, c.framesOut, c.bytesIn, c.bytesOut)
		})
		o.Set("pending", func(goja.FunctionCall) goja.Value { return vm.ToValue(c.out.Len() + len(c.blocks)) })
		// ctlFrames() is how many frames other than DATA were queued so far, taken or not (a
		// header block waiting to be encoded counts as one)
		o.Set("ctlFrames", func(goja.FunctionCall) goja.Value {
			n := c.ctlOut + float64(len(c.blocks))
			d := c.out.Bytes()
			for i := c.skipOut; i+9 <= len(d); i += 9 + (int(d[i])<<16 | int(d[i+1])<<8 | int(d[i+2])) {
				if t := http2.FrameType(d[i+3]); t != http2.FrameContinuation && t != http2.FrameData {
					n++
				}
			}
			return vm.ToValue(n)
		})
		// cancel(id): the HEADERS and DATA queued for stream id and not yet taken are dropped
		o.Set("cancel", func(call goja.FunctionCall) goja.Value {
			c.cancelled = append(c.cancelled, u32(call.Argument(0)))
			return goja.Undefined()
		})
		o.Set("preface", func(goja.FunctionCall) goja.Value {
			c.out.WriteString(h2Preface)
			c.skipOut += len(h2Preface)
			return goja.Undefined()
		})
		// headers(id, flatList, endStream)
		o.Set("headers", func(call goja.FunctionCall) goja.Value {
			var prio *h2prio
			if a := call.Argument(3); !goja.IsUndefined(a) && !goja.IsNull(a) {
				o := a.ToObject(vm)
				prio = &h2prio{dep: u32(o.Get("0")), weight: u32(o.Get("1")), excl: o.Get("2").ToBoolean()}
			}
			c.blocks = append(c.blocks, pendBlock{off: c.out.Len(), sid: u32(call.Argument(0)),
				end: call.Argument(2).ToBoolean(), list: call.Argument(1), sens: c.sensitive, prio: prio})
			return goja.Undefined()
		})
		// pushPromise(id, promisedId, flatList)
		o.Set("pushPromise", func(call goja.FunctionCall) goja.Value {
			c.blocks = append(c.blocks, pendBlock{off: c.out.Len(), sid: u32(call.Argument(0)),
				promised: u32(call.Argument(1)), list: call.Argument(2), sens: c.sensitive})
			return goja.Undefined()
		})
		// data(id, buf, endStream, window): one frame (the caller keeps it within maxFrameSize);
		// window is the flow-control room left after buf, which padding may use. Returns the
		// frame's payload length (what flow control counts).
		o.Set("data", func(call goja.FunctionCall) goja.Value {
			var d []byte
			if a := call.Argument(1); !goja.IsUndefined(a) && !goja.IsNull(a) {
				d = buffer.BytesOf(vm, a)
			}
			sid, end := u32(call.Argument(0)), call.Argument(2).ToBoolean()
			if c.padding != 0 {
				room := len(d)
				if w := call.Argument(3); !goja.IsUndefined(w) {
					room += max(int(w.ToInteger()), 0)
				}
				if p := c.paddedLen(len(d), min(room, int(c.maxFrameOut))); p > len(d) {
					c.fr.WriteDataPadded(sid, end, d, make([]byte, p-len(d)-1))
					return vm.ToValue(p)
				}
			}
			c.fr.WriteData(sid, end, d)
			return vm.ToValue(len(d))
		})
		o.Set("setPadding", func(call goja.FunctionCall) goja.Value {
			c.padding = int(call.Argument(0).ToInteger())
			return goja.Undefined()
		})
		o.Set("settings", func(call goja.FunctionCall) goja.Value {
			o, _ := call.Argument(0).(*goja.Object)
			var s []http2.Setting
			table := int64(-1)
			if o != nil {
				n := int(o.Get("length").ToInteger())
				for i := 0; i+1 < n; i += 2 {
					id := http2.SettingID(o.Get(strconv.Itoa(i)).ToInteger())
					v := uint32(o.Get(strconv.Itoa(i + 1)).ToInteger())
					if id == 5 {
						c.maxFrameIn = v
					}
					if id == 1 {
						table = int64(v)
					}
					s = append(s, http2.Setting{ID: id, Val: v})
				}
			}
			c.tableAcks = append(c.tableAcks, table)
			c.fr.WriteSettings(s...)
			return goja.Undefined()
		})
		o.Set("ping", func(call goja.FunctionCall) goja.Value {
			var d [8]byte
			copy(d[:], buffer.BytesOf(vm, call.Argument(0)))
			c.fr.WritePing(false, d)
			return goja.Undefined()
		})
		o.Set("goaway", func(call goja.FunctionCall) goja.Value {
			var d []byte
			if a := call.Argument(2); !goja.IsUndefined(a) && !goja.IsNull(a) {
				d = buffer.BytesOf(vm, a)
			}
			c.fr.WriteGoAway(u32(call.Argument(0)), http2.ErrCode(u32(call.Argument(1))), d)
			return goja.Undefined()
		})
		o.Set("rst", func(call goja.FunctionCall) goja.Value {
			c.fr.WriteRSTStream(u32(call.Argument(0)), http2.ErrCode(u32(call.Argument(1))))
			return goja.Undefined()
		})
		// priority(id, parent, weight, exclusive): a PRIORITY frame (weight 1-256)
		o.Set("priority", func(call goja.FunctionCall) goja.Value {
			p := h2prio{dep: u32(call.Argument(1)), weight: u32(call.Argument(2)), excl: call.Argument(3).ToBoolean()}
			c.fr.WriteRawFrame(http2.FramePriority, 0, u32(call.Argument(0)), p.appendTo(nil))
			return goja.Undefined()
		})
		o.Set("windowUpdate", func(call goja.FunctionCall) goja.Value {
			c.fr.WriteWindowUpdate(u32(call.Argument(0)), u32(call.Argument(1)))
			return goja.Undefined()
		})
		// altsvc(id, origin, value): an ALTSVC frame
		o.Set("altsvc", func(call goja.FunctionCall) goja.Value {
			origin, value := call.Argument(1).String(), call.Argument(2).String()
			p := make([]byte, 2, 2+len(origin)+len(value))
			binary.BigEndian.PutUint16(p, uint16(len(origin)))
			p = append(append(p, origin...), value...)
			c.fr.WriteRawFrame(frameAltSvc, 0, u32(call.Argument(0)), p)
			return goja.Undefined()
		})
		// origin(list): an ORIGIN frame of the origins in list
		o.Set("origin", func(call goja.FunctionCall) goja.Value {
			o, _ := call.Argument(0).(*goja.Object)
			var p []byte
			if o != nil {
				n := int(o.Get("length").ToInteger())
				for i := 0; i < n; i++ {
					s := o.Get(strconv.Itoa(i)).String()
					p = binary.BigEndian.AppendUint16(p, uint16(len(s)))
					p = append(p, s...)
				}
			}
			c.fr.WriteRawFrame(frameOrigin, 0, 0, p)
			return goja.Undefined()
		})
		// stop makes the codec read nothing more (the session found the input invalid), and drops
		// what it queued while reading it, as errRec does
		o.Set("stop", func(goja.FunctionCall) goja.Value {
			c.preface, c.in = -1, nil
			c.truncateOut()
			return goja.Undefined()
		})
		o.Set("setMaxSettings", func(call goja.FunctionCall) goja.Value {
			c.maxSettings = int(call.Argument(0).ToInteger())
			return goja.Undefined()
		})
		o.Set("maxFrameSize", func(goja.FunctionCall) goja.Value { return vm.ToValue(int(c.maxFrameOut)) })
		// the HPACK dynamic tables' sizes in octets (node's deflate/inflateDynamicTableSize)
		o.Set("deflateTableSize", func(goja.FunctionCall) goja.Value { return vm.ToValue(hpackTableSize(c.enc)) })
		o.Set("inflateTableSize", func(goja.FunctionCall) goja.Value { return vm.ToValue(hpackTableSize(c.dec)) })
		// applyTableAck(): JS has reached the SETTINGS acknowledgement frame
		o.Set("applyTableAck", func(goja.FunctionCall) goja.Value { c.applyTableAck(); return goja.Undefined() })
		o.Set("setSensitive", func(call goja.FunctionCall) goja.Value {
			o, _ := call.Argument(0).(*goja.Object)
			c.sensitive = nil
			if o != nil {
				n := int(o.Get("length").ToInteger())
				for i := 0; i < n; i++ {
					if c.sensitive == nil {
						c.sensitive = map[string]bool{}
					}
					c.sensitive[strings.ToLower(o.Get(strconv.Itoa(i)).String())] = true
				}
			}
			return goja.Undefined()
		})
		return o
	})
	return nil
}

// h2prio is a priority specification as sent: the stream depended on, the weight (1-256) and
// whether the dependency is exclusive.
type h2prio struct {
	dep, weight uint32
	excl        bool
}

// appendTo appends the spec's five bytes as HEADERS and PRIORITY frames carry them.
func (p h2prio) appendTo(b []byte) []byte {
	d := p.dep & 0x7fffffff
	if p.excl {
		d |= 0x80000000
	}
	return append(binary.BigEndian.AppendUint32(b, d), byte(p.weight-1))
}

// unpad strips a PADDED frame's pad length byte and padding from its payload p; ok is false when
// the padding is longer than the payload (a protocol error).
func unpad(p []byte, flags uint8) (_ []byte, ok bool) {
	if flags&0x8 == 0 {
		return p, true
	}
	if len(p) < 1 || int(p[0]) >= len(p) {
		return nil, false
	}
	return p[1 : len(p)-int(p[0])], true
}

// How a received header field is taken (checkField).
const (
	fieldOK = iota
	fieldIgnored
	fieldBad
)

// checkField applies nghttp2's checks of a received field (nghttp2_http_on_header): a
// pseudo-header whose value breaks its rule (a :method that is no token, a :path with a
// control character, space or DEL or empty, an :authority or host with a character no
// authority has; host counts as a pseudo-header here) makes the block bad, and the stream is reset with PROTOCOL_ERROR; a regular
// field whose name is no lowercase token, or whose value has a control character (other than
// HTAB), DEL, or leading or trailing whitespace (RFC 9113 8.2.1), is dropped, and a
// pseudo-header after it is bad. A name with capitals is left to the session's checks.
func (c *h2codec) checkField(name, value string) int {
	pseudo := len(name) > 0 && name[0] == ':'
	if pseudo && c.hdrIgnored {
		return fieldBad
	}
	if !pseudo {
		if !fieldNameOK(name) {
			c.hdrIgnored = true
			return fieldIgnored
		}
	}
	ok := true
	switch name {
	case ":method":
		ok = fieldNameOK(value) // (capitals are token characters)
	case ":path":
		ok = len(value) > 0
		for i := 0; i < len(value) && ok; i++ {
			ok = value[i] > 0x20 && value[i] != 0x7f
		}
	case ":authority", "host":
		if c.server || c.contType == uint8(http2.FramePushPromise) {
			for i := 0; i < len(value) && ok; i++ {
				ok = authorityChar(value[i])
			}
		} else {
			ok = fieldValueOK(value)
		}
	default:
		if !pseudo {
			ok = fieldValueOK(value)
		}
	}
	if ok {
		return fieldOK
	}
	if pseudo || name == "host" {
		return fieldBad
	}
	c.hdrIgnored = true
	return fieldIgnored
}

// fieldNameOK: a name of token characters, capitals aside (those are the session's to refuse).
func fieldNameOK(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		b := name[i]
		if 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || 'A' <= b && b <= 'Z' {
			continue
		}
		if !strings.ContainsRune("!#$%&'*+-.^_`|~", rune(b)) {
			return false
		}
	}
	return true
}

// fieldValueOK: no control character but HTAB, no DEL, no leading or trailing SP or HTAB.
func fieldValueOK(v string) bool {
	if v == "" {
		return true
	}
	if v[0] == ' ' || v[0] == '\t' || v[len(v)-1] == ' ' || v[len(v)-1] == '\t' {
		return false
	}
	for i := 0; i < len(v); i++ {
		if b := v[i]; b < 0x20 && b != '\t' || b == 0x7f {
			return false
		}
	}
	return true
}

// authorityChar: a character an authority may have (RFC 3986's unreserved, sub-delims, ':',
// '@', '[', ']' and '%'), as nghttp2's check_authority.
func authorityChar(b byte) bool {
	if 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' {
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@[]%", b) >= 0
}
