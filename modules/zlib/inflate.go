package zlib

import (
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"io"
	"math/bits"
	"unsafe"
)

// This file is gojs's own DEFLATE decoder (RFC 1951) with the zlib (RFC 1950) and gzip (RFC 1952)
// framings, written for throughput:
//
//   - a 64-bit bit buffer, refilled eight bytes at a time without a branch in the fast loop;
//   - Huffman tables of one root level plus subtables, whose entries carry the symbol's code
//     length and, for lengths and distances, the base value and the count of extra bits, so a
//     length or distance is one lookup and a shift;
//   - a fast loop that runs while at least 8 input bytes and a whole match's room of output are
//     left, and a slow path (one byte of input at a time, exact bit accounting) near the ends;
//   - match copies by 8-byte words when the distance allows.
//
// It pulls input from a source (blocking is fine: it runs on the inflater's goroutine) and pushes
// output to a sink. It decodes into its own window (32 KiB of history plus room for new output),
// so history never depends on memory handed to JavaScript.

const (
	histSize  = 32 << 10
	winSize   = histSize + 128<<10
	fastRoom  = 258 + 8 + 16 // output room the fast loop needs for one symbol (a match, word overrun)
	litBits   = 11           // root bits of the literal/length table
	distBits  = 8            // root bits of the distance table
	clenBits  = 7            // the code-length code is at most 7 bits long: one level
	litTabMax = 1 << 12      // root table and subtables (at most 2342 for 288 symbols, 11 root bits)
	dstTabMax = 1 << 11      // (402 for 8 root bits)
)

// Table entries: bits 0-3 the code length (or, for a subtable pointer, the root bits), bits 4-7
// the count of extra bits (or the subtable's bits), bits 8-11 flags, bits 16-30 the value
// (literal byte, length or distance base, subtable offset), bit 31 set for a literal.
const (
	eEOB     = 1 << 8
	eSub     = 1 << 9
	eBad     = 1 << 10
	eLiteral = 1 << 31
)

var (
	lenBase  = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lenExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	dstBase  = [30]uint16{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	dstExtra = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	// the order code lengths of the code-length code are sent in
	clenOrder = [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
)

func zerr(msg string) *zError { return &zError{msg, -3, "Z_DATA_ERROR"} }

var (
	errBlockType   = zerr("invalid block type")
	errStoredLen   = zerr("invalid stored block lengths")
	errTooMany     = zerr("too many length or distance symbols")
	errClenSet     = zerr("invalid code lengths set")
	errRepeat      = zerr("invalid bit length repeat")
	errNoEOB       = zerr("invalid code -- missing end-of-block")
	errLitSet      = zerr("invalid literal/lengths set")
	errDistSet     = zerr("invalid distances set")
	errLitCode     = zerr("invalid literal/length code")
	errDistCode    = zerr("invalid distance code")
	errFarBack     = zerr("invalid distance too far back")
	errMethod      = zerr("unknown compression method")
	errWindowSize  = zerr("invalid window size")
	errHeaderFlags = zerr("unknown header flags set")
	errHeaderCRC   = zerr("header crc mismatch")
)

// inSource hands the decoder its input: next blocks until it has a non-empty chunk, and returns
// io.EOF once the input is over (or another error, which ends decoding as it is).
type inSource interface {
	next() ([]byte, error)
}

// outSink takes the decoder's output; it must copy what it keeps.
type outSink interface {
	put(p []byte)
}

type decoder struct {
	src  inSource
	sink outSink

	in   []byte
	ip   int
	bits uint64 // bits not yet consumed, lowest first; in the slow path nothing above nb is set
	nb   uint   // how many bits of bits are valid
	eof  bool

	win []byte // window: history then new output
	wp  int    // write position in win
	rp  int    // output before rp has been delivered (and checksummed)

	check   int // checksum kind: 0 none, 1 adler32, 2 crc32
	sum     uint32
	total   uint32 // output bytes of the current member, mod 2^32
	windowB int    // zlib windowBits (0: take the header's)

	lit     [litTabMax]uint32
	dist    [dstTabMax]uint32
	clen    [1 << clenBits]uint32
	lens    [286 + 32]uint8
	fixedOK bool
	fixLit  [litTabMax]uint32
	fixDist [dstTabMax]uint32
}

func newDecoder() *decoder {
	return &decoder{win: make([]byte, winSize)}
}

// reset readies d for a new stream.
func (d *decoder) reset(src inSource, sink outSink) {
	d.src, d.sink = src, sink
	d.in, d.ip, d.bits, d.nb, d.eof = nil, 0, 0, 0, false
	d.wp, d.rp = 0, 0
	d.check, d.sum, d.total = 0, 0, 0
}

// ---- input ------------------------------------------------------------------------------------

// more gets the next input chunk, delivering the output so far first (the source may block
// until the consumer has taken it). It reports false at the end of the input.
func (d *decoder) more() (bool, error) {
	if d.eof {
		return false, nil
	}
	d.deliver()
	in, err := d.src.next()
	if err == io.EOF {
		d.eof = true
		return false, nil
	}
	if err != nil {
		return false, err
	}
	d.in, d.ip = in, 0
	return true, nil
}

// unused is how many bytes of the current input chunk the decoder has not consumed (after a
// stream's end, zlib's avail_in): the rest of the chunk and the whole bytes still in the bit
// buffer.
func (d *decoder) unused() int {
	return max(0, min(len(d.in)-d.ip+int(d.nb/8), len(d.in)))
}

// pull adds one input byte to the bit buffer; false at the end of the input.
func (d *decoder) pull() (bool, error) {
	if d.ip >= len(d.in) {
		if ok, err := d.more(); !ok {
			return false, err
		}
	}
	d.bits |= uint64(d.in[d.ip]) << d.nb
	d.ip++
	d.nb += 8
	return true, nil
}

// need makes sure n bits are buffered.
func (d *decoder) need(n uint) error {
	for d.nb < n {
		ok, err := d.pull()
		if err != nil {
			return err
		}
		if !ok {
			return errUnexpEOF
		}
	}
	return nil
}

// getBits consumes n (at most 32) bits.
func (d *decoder) getBits(n uint) (uint32, error) {
	if err := d.need(n); err != nil {
		return 0, err
	}
	v := uint32(d.bits & (1<<n - 1))
	d.bits >>= n
	d.nb -= n
	return v, nil
}

// align drops the bits up to the next byte boundary.
func (d *decoder) align() {
	k := d.nb & 7
	d.bits >>= k
	d.nb -= k
}

func (d *decoder) byte() (byte, error) {
	v, err := d.getBits(8)
	return byte(v), err
}

// peekByte returns the next input byte (at a byte boundary) without consuming it; ok is false at
// the end of the input.
func (d *decoder) peekByte() (b byte, ok bool, err error) {
	if d.nb >= 8 {
		return byte(d.bits), true, nil
	}
	if d.ip >= len(d.in) {
		if ok, err := d.more(); !ok {
			return 0, false, err
		}
	}
	return d.in[d.ip], true, nil
}

// ---- output -----------------------------------------------------------------------------------

// deliver checksums and hands over the output not yet delivered.
func (d *decoder) deliver() {
	if d.wp == d.rp {
		return
	}
	p := d.win[d.rp:d.wp]
	switch d.check {
	case 1:
		d.sum = adler32Update(d.sum, p)
	case 2:
		d.sum = crc32.Update(d.sum, crc32.IEEETable, p)
	}
	d.total += uint32(len(p))
	d.sink.put(p)
	d.rp = d.wp
}

// slide delivers the output and moves the last 32 KiB of history to the window's start.
func (d *decoder) slide() {
	d.deliver()
	keep := min(d.wp, histSize)
	copy(d.win, d.win[d.wp-keep:d.wp])
	d.wp, d.rp = keep, keep
}

// setDict presets the history.
func (d *decoder) setDict(dict []byte) {
	if len(dict) > histSize {
		dict = dict[len(dict)-histSize:]
	}
	d.wp = copy(d.win, dict)
	d.rp = d.wp
}

// ---- Huffman tables ---------------------------------------------------------------------------

// build fills table for the code lengths lens (symbol i has length lens[i]; 0: unused) with root
// bits rb. sym gives a symbol's entry without its code length. Over-subscribed codes fail;
// incomplete ones only when allowIncomplete says so (zlib's rule: a lone code of length 1).
func build(table []uint32, lens []uint8, rb uint, sym func(int) uint32, codes bool) bool {
	var count [16]int
	for _, l := range lens {
		count[l]++
	}
	count[0] = 0
	maxLen := 15
	for maxLen > 0 && count[maxLen] == 0 {
		maxLen--
	}
	bad := uint32(eBad)
	for i := range table[:1<<rb] {
		table[i] = bad
	}
	if maxLen == 0 {
		// no codes at all: every lookup is invalid (a block may have no distances)
		return !codes
	}
	left := 1
	for l := 1; l <= 15; l++ {
		left <<= 1
		left -= count[l]
		if left < 0 {
			return false
		}
	}
	if left > 0 && (codes || maxLen != 1) {
		return false
	}
	var offs [16]int
	for l := 1; l < 15; l++ {
		offs[l+1] = offs[l] + count[l]
	}
	var sorted [320]uint16
	for s, l := range lens {
		if l != 0 {
			sorted[offs[l]] = uint16(s)
			offs[l]++
		}
	}
	// walk the codes in canonical order
	code := 0 // canonical code of the current symbol, MSB first
	next := 1 << rb
	subPrefix := -1
	subBits := uint(0)
	subStart := 0
	i := 0
	for l := 1; l <= maxLen; l++ {
		for k := 0; k < count[l]; k++ {
			s := int(sorted[i])
			i++
			rev := int(bits.Reverse16(uint16(code)) >> (16 - l))
			e := sym(s)
			if uint(l) <= rb {
				e |= uint32(l)
				for j := rev; j < 1<<rb; j += 1 << l {
					table[j] = e
				}
			} else {
				prefix := rev & (1<<rb - 1)
				if prefix != subPrefix {
					// a new subtable: as many bits as the longest code under this prefix needs
					sb := uint(l) - rb
					room := 1 << sb
					for ll := l; ll < maxLen; {
						used := count[ll]
						if ll == l {
							used = count[ll] - k
						}
						room -= used
						if room <= 0 {
							break
						}
						ll++
						sb++
						room <<= 1
					}
					subPrefix, subBits, subStart = prefix, sb, next
					next += 1 << sb
					if next > len(table) {
						return false
					}
					for j := subStart; j < next; j++ {
						table[j] = bad
					}
					table[prefix] = uint32(subStart)<<16 | uint32(subBits)<<4 | eSub | uint32(rb)
				}
				e |= uint32(uint(l) - rb)
				for j := rev >> rb; j < 1<<subBits; j += 1 << (uint(l) - rb) {
					table[subStart+j] = e
				}
			}
			code++
		}
		code <<= 1
	}
	return true
}

func litSym(s int) uint32 {
	switch {
	case s < 256:
		return eLiteral | uint32(s)<<16
	case s == 256:
		return eEOB
	case s < 286:
		return uint32(lenBase[s-257])<<16 | uint32(lenExtra[s-257])<<4
	}
	return eBad
}

func distSym(s int) uint32 {
	if s < 30 {
		return uint32(dstBase[s])<<16 | uint32(dstExtra[s])<<4
	}
	return eBad
}

func clenSym(s int) uint32 { return uint32(s) << 16 }

// decodeSlow decodes one symbol with table t (root bits rb), pulling input a byte at a time only
// when the code needs more bits than are buffered (bits above nb are zero here, and a code that
// fits in the buffered bits is decided by them alone).
func (d *decoder) decodeSlow(t []uint32, rb uint) (uint32, error) {
	for {
		e := t[d.bits&(1<<rb-1)]
		n := uint(e & 15)
		if e&eSub != 0 {
			sb := uint(e>>4) & 15
			e = t[(e>>16)+uint32(d.bits>>rb)&(1<<sb-1)]
			n = rb + uint(e&15)
			if e&eBad != 0 {
				n = rb + sb
			}
		} else if e&eBad != 0 {
			n = rb
		}
		if n <= d.nb {
			if e&eBad == 0 {
				d.bits >>= n
				d.nb -= n
			}
			return e, nil
		}
		ok, err := d.pull()
		if err != nil {
			return 0, err
		}
		if !ok {
			return 0, errUnexpEOF
		}
	}
}

// ---- blocks -----------------------------------------------------------------------------------

// inflate decodes one DEFLATE stream, up to and including its final block.
func (d *decoder) inflate() error {
	for {
		h, err := d.getBits(3)
		if err != nil {
			return err
		}
		switch h >> 1 {
		case 0:
			err = d.stored()
		case 1:
			if !d.fixedOK {
				d.buildFixed()
			}
			err = d.huffman(d.fixLit[:], d.fixDist[:])
		case 2:
			if err = d.dynamic(); err == nil {
				err = d.huffman(d.lit[:], d.dist[:])
			}
		default:
			err = errBlockType
		}
		if err != nil {
			return err
		}
		if h&1 != 0 {
			return nil
		}
	}
}

func (d *decoder) buildFixed() {
	var l [288]uint8
	for i := range l {
		switch {
		case i < 144:
			l[i] = 8
		case i < 256:
			l[i] = 9
		case i < 280:
			l[i] = 7
		default:
			l[i] = 8
		}
	}
	build(d.fixLit[:], l[:], litBits, litSym, false)
	for i := 0; i < 30; i++ {
		l[i] = 5
	}
	// distance codes 30 and 31 exist in the fixed code but are invalid
	l[30], l[31] = 5, 5
	build(d.fixDist[:], l[:32], distBits, distSym, false)
	d.fixedOK = true
}

func (d *decoder) stored() error {
	d.align()
	n, err := d.getBits(16)
	if err != nil {
		return err
	}
	c, err := d.getBits(16)
	if err != nil {
		return err
	}
	if n != ^c&0xffff {
		return errStoredLen
	}
	for n > 0 {
		if d.wp == len(d.win) {
			d.slide()
		}
		if d.nb >= 8 {
			d.win[d.wp] = byte(d.bits)
			d.wp++
			d.bits >>= 8
			d.nb -= 8
			n--
			continue
		}
		if d.ip >= len(d.in) {
			ok, err := d.more()
			if err != nil {
				return err
			}
			if !ok {
				return errUnexpEOF
			}
		}
		k := copy(d.win[d.wp:], d.in[d.ip:min(len(d.in), d.ip+int(n))])
		d.wp += k
		d.ip += k
		n -= uint32(k)
	}
	return nil
}

// dynamic reads a dynamic block's code description and builds d.lit and d.dist.
func (d *decoder) dynamic() error {
	h, err := d.getBits(14)
	if err != nil {
		return err
	}
	nlit, ndist, nclen := int(h&31)+257, int(h>>5&31)+1, int(h>>10)+4
	if nlit > 286 || ndist > 30 {
		return errTooMany
	}
	var cl [19]uint8
	for i := 0; i < nclen; i++ {
		v, err := d.getBits(3)
		if err != nil {
			return err
		}
		cl[clenOrder[i]] = uint8(v)
	}
	if !build(d.clen[:], cl[:], clenBits, clenSym, true) {
		return errClenSet
	}
	lens := d.lens[:nlit+ndist]
	for i := 0; i < len(lens); {
		e, err := d.decodeSlow(d.clen[:], clenBits)
		if err != nil {
			return err
		}
		if e&eBad != 0 {
			return errClenSet
		}
		s := e >> 16
		if s < 16 {
			lens[i] = uint8(s)
			i++
			continue
		}
		var rep int
		var v uint8
		switch s {
		case 16:
			if i == 0 {
				return errRepeat
			}
			x, err := d.getBits(2)
			if err != nil {
				return err
			}
			rep, v = 3+int(x), lens[i-1]
		case 17:
			x, err := d.getBits(3)
			if err != nil {
				return err
			}
			rep = 3 + int(x)
		default:
			x, err := d.getBits(7)
			if err != nil {
				return err
			}
			rep = 11 + int(x)
		}
		if i+rep > len(lens) {
			return errRepeat
		}
		for ; rep > 0; rep-- {
			lens[i] = v
			i++
		}
	}
	if lens[256] == 0 {
		return errNoEOB
	}
	if !build(d.lit[:], lens[:nlit], litBits, litSym, false) {
		return errLitSet
	}
	if !build(d.dist[:], lens[nlit:], distBits, distSym, false) {
		return errDistSet
	}
	return nil
}

// huffman decodes a Huffman-coded block's data with the given tables.
func (d *decoder) huffman(lt, dt []uint32) error {
	for {
		if d.wp > len(d.win)-fastRoom {
			d.slide()
		}
		if d.ip+8 <= len(d.in) {
			done, err := d.fast(lt, dt)
			if done || err != nil {
				return err
			}
			if d.wp > len(d.win)-fastRoom || d.ip+8 <= len(d.in) {
				continue
			}
		}
		// slow path: one symbol
		e, err := d.decodeSlow(lt, litBits)
		if err != nil {
			return err
		}
		if int32(e) < 0 {
			d.win[d.wp] = byte(e >> 16)
			d.wp++
			continue
		}
		if e&eEOB != 0 {
			return nil
		}
		if e&eBad != 0 {
			return errLitCode
		}
		x, err := d.getBits(uint(e>>4) & 15)
		if err != nil {
			return err
		}
		length := int(e>>16) + int(x)
		e, err = d.decodeSlow(dt, distBits)
		if err != nil {
			return err
		}
		if e&eBad != 0 {
			return errDistCode
		}
		x, err = d.getBits(uint(e>>4) & 15)
		if err != nil {
			return err
		}
		dist := int(e>>16) + int(x)
		if dist > d.wp {
			return errFarBack
		}
		w := d.win
		for i := 0; i < length; i++ {
			w[d.wp+i] = w[d.wp-dist+i]
		}
		d.wp += length
	}
}

// fast decodes symbols while at least 8 input bytes and fastRoom bytes of window are left. It
// reports done at the block's end.
func (d *decoder) fast(lt, dt []uint32) (done bool, err error) {
	in, ip := d.in, d.ip
	w, wp := d.win, d.wp
	b, nb := d.bits, d.nb
	inEnd := len(in) - 8
	outEnd := len(w) - fastRoom
	lt = lt[:litTabMax]
	dt = dt[:dstTabMax]
	for ip <= inEnd && wp <= outEnd {
		// refill: afterwards at least 56 bits are buffered (bits above nb repeat input bits)
		b |= binary.LittleEndian.Uint64(in[ip:]) << (nb & 63)
		ip += int((63 - nb) >> 3)
		nb |= 56

		e := lt[b&(1<<litBits-1)]
		if e&eSub != 0 {
			b >>= litBits
			nb -= litBits
			e = lt[((e>>16)+uint32(b)&(1<<((e>>4)&15)-1))&(litTabMax-1)]
		}
		n := uint(e & 15)
		b >>= n
		nb -= n
		if int32(e) < 0 {
			w[wp] = byte(e >> 16)
			wp++
			// a second literal without a refill (at least 56-30 bits are left)
			e = lt[b&(1<<litBits-1)]
			if int32(e) < 0 {
				n = uint(e & 15)
				b >>= n
				nb -= n
				w[wp] = byte(e >> 16)
				wp++
			}
			continue
		}
		if e&(eEOB|eBad) != 0 {
			if e&eBad != 0 {
				err = errLitCode
			}
			done = true
			break
		}
		x := uint(e>>4) & 15
		length := int(e>>16) + int(b&(1<<x-1))
		b >>= x
		nb -= x

		e = dt[b&(1<<distBits-1)]
		if e&eSub != 0 {
			b >>= distBits
			nb -= distBits
			e = dt[((e>>16)+uint32(b)&(1<<((e>>4)&15)-1))&(dstTabMax-1)]
		}
		if e&eBad != 0 {
			err = errDistCode
			break
		}
		n = uint(e & 15)
		b >>= n
		nb -= n
		x = uint(e>>4) & 15
		dist := int(e>>16) + int(b&(1<<x-1))
		b >>= x
		nb -= x
		if dist > wp {
			err = errFarBack
			break
		}
		src := wp - dist
		end := wp + length
		switch {
		// Words may run up to 7 bytes past the match's end (fastRoom leaves room): those bytes
		// are not output yet and get overwritten. Every word lies inside w, so the pointer
		// arithmetic stays within the window's allocation.
		case dist >= 8:
			p := unsafe.Pointer(unsafe.SliceData(w))
			for wp < end {
				*(*uint64)(unsafe.Add(p, wp)) = *(*uint64)(unsafe.Add(p, src))
				wp += 8
				src += 8
			}
		case dist == 1:
			p := unsafe.Pointer(unsafe.SliceData(w))
			v := uint64(w[src]) * 0x0101010101010101
			for wp < end {
				*(*uint64)(unsafe.Add(p, wp)) = v
				wp += 8
			}
		default:
			for wp < end {
				w[wp] = w[src]
				wp++
				src++
			}
		}
		wp = end
	}
	d.ip, d.wp = ip, wp
	d.bits, d.nb = b&(1<<nb-1), nb
	return done, err
}

// ---- framings ---------------------------------------------------------------------------------

// zlibMember decodes a zlib stream (header, data, Adler-32 trailer).
func (d *decoder) zlibMember(dict []byte, hdr [2]byte) error {
	if (uint(hdr[0])<<8|uint(hdr[1]))%31 != 0 {
		return errHeader
	}
	if hdr[0]&15 != 8 {
		return errMethod
	}
	if wb := int(hdr[0]>>4) + 8; wb > 15 || (d.windowB >= 8 && wb > d.windowB) {
		return errWindowSize
	}
	d.check, d.sum = 1, 1
	if hdr[1]&0x20 != 0 {
		id, err := d.getBits(32)
		if err != nil {
			return err
		}
		id = bits.ReverseBytes32(id)
		if len(dict) == 0 {
			return errNeedDict
		}
		if adler32.Checksum(dict) != id {
			return errBadDict
		}
		d.setDict(dict)
	}
	if err := d.inflate(); err != nil {
		return err
	}
	d.deliver()
	d.align()
	v, err := d.getBits(32)
	if err != nil {
		return err
	}
	if bits.ReverseBytes32(v) != d.sum {
		return errDataCheck
	}
	return nil
}

// gzipMember decodes a gzip member after its two magic bytes.
func (d *decoder) gzipMember() error {
	hc := crc32.Update(0, crc32.IEEETable, []byte{0x1f, 0x8b})
	rd := func() (byte, error) {
		c, err := d.byte()
		hc = crc32.Update(hc, crc32.IEEETable, []byte{c})
		return c, err
	}
	// (zlib takes the method and the flags together, then checks them: a header cut after the
	// method byte wants more input, whatever the method)
	method, err := rd()
	if err != nil {
		return err
	}
	flags, err := rd()
	if err != nil {
		return err
	}
	if method != 8 {
		return errMethod
	}
	if flags&0xe0 != 0 {
		return errHeaderFlags
	}
	for i := 0; i < 6; i++ { // mtime, xfl, os
		if _, err := rd(); err != nil {
			return err
		}
	}
	if flags&4 != 0 { // FEXTRA
		lo, err := rd()
		if err != nil {
			return err
		}
		hi, err := rd()
		if err != nil {
			return err
		}
		for n := int(lo) | int(hi)<<8; n > 0; n-- {
			if _, err := rd(); err != nil {
				return err
			}
		}
	}
	for _, f := range []byte{8, 16} { // FNAME, FCOMMENT: zero-terminated
		if flags&f == 0 {
			continue
		}
		for {
			c, err := rd()
			if err != nil {
				return err
			}
			if c == 0 {
				break
			}
		}
	}
	if flags&2 != 0 { // FHCRC
		v, err := d.getBits(16)
		if err != nil {
			return err
		}
		if v != hc&0xffff {
			return errHeaderCRC
		}
	}
	d.check, d.sum, d.total = 2, 0, 0
	if err := d.inflate(); err != nil {
		return err
	}
	d.deliver()
	d.align()
	crc, err := d.getBits(32)
	if err != nil {
		return err
	}
	if crc != d.sum {
		return errDataCheck
	}
	size, err := d.getBits(32)
	if err != nil {
		return err
	}
	if size != d.total {
		return errLenCheck
	}
	return nil
}

// run decodes a whole stream in the given mode (modeInflate, modeGunzip, modeInflateRaw,
// modeUnzip) and delivers all its output.
func (d *decoder) run(mode int, dict []byte) error {
	if mode == modeInflateRaw {
		d.setDict(dict)
		err := d.inflate()
		d.deliver()
		return err
	}
	var hdr [2]byte
	more := false // a gzip member has ended: more members may follow
	for {
		if more {
			// the input may end, be padded with zeros, or go on with another member
			d.align()
			c, ok, err := d.peekByte()
			if err != nil || !ok || c == 0 {
				return err
			}
			d.wp, d.rp = 0, 0 // a new member starts with an empty window
		}
		for i := range hdr {
			c, err := d.byte()
			if err != nil {
				return err
			}
			hdr[i] = c
		}
		if hdr == [2]byte{0x1f, 0x8b} && mode != modeInflate {
			err := d.gzipMember()
			d.deliver()
			if err != nil {
				return err
			}
			more = true
			continue
		}
		if mode == modeGunzip {
			return errHeader
		}
		err := d.zlibMember(dict, hdr)
		d.deliver()
		if err != nil || !more {
			return err
		}
	}
}

// adler32Update is Adler-32 over p, continuing from adler: sums over blocks short enough that
// they cannot overflow, eight bytes a step.
func adler32Update(adler uint32, p []byte) uint32 {
	const mod = 65521
	const nmax = 5552
	s1, s2 := adler&0xffff, adler>>16
	for len(p) > 0 {
		q := p
		if len(q) > nmax {
			q = q[:nmax]
		}
		p = p[len(q):]
		for len(q) >= 8 {
			s1 += uint32(q[0])
			s2 += s1
			s1 += uint32(q[1])
			s2 += s1
			s1 += uint32(q[2])
			s2 += s1
			s1 += uint32(q[3])
			s2 += s1
			s1 += uint32(q[4])
			s2 += s1
			s1 += uint32(q[5])
			s2 += s1
			s1 += uint32(q[6])
			s2 += s1
			s1 += uint32(q[7])
			s2 += s1
			q = q[8:]
		}
		for _, c := range q {
			s1 += uint32(c)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
	}
	return s2<<16 | s1
}
