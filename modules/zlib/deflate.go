package zlib

import (
	"encoding/binary"
	"hash/crc32"
	"math/bits"
	"unsafe"
)

// This file is a DEFLATE compressor that makes the bytes node's zlib makes. Node bundles
// Chromium's zlib (1.3.1 with Chromium's changes), and users compare compressed bytes with
// fixtures, hash them for ETags and snapshot them, so the output has to be zlib's exactly. The
// algorithm is zlib's: the per-level configuration (good/lazy/nice/chain), the stored path for
// level 0, the greedy path for levels 1-3, the lazy path for 4-9, Z_RLE and Z_HUFFMAN_ONLY,
// the window and lookahead bookkeeping (sliding, MIN_LOOKAHEAD, TOO_FAR, the zeroed high-water
// tail that matches may read past the input), a block per lit_bufsize-1 symbols, and the flush
// modes. It keeps zlib's z_stream contract too: each call gets an output allowance
// (avail_out) and stops when it is used up, because zlib's level 0 block sizes and a few flush
// corner cases depend on it, and node calls deflate with chunkSize output windows.
//
// Chromium's differences that show in the output: the match finder hashes four bytes with a
// multiplicative hash (not zlib's three-byte rolling hash) into at least 2^15 heads, and fills
// the hash after a refill accordingly.

const (
	zFiltered    = 1
	zHuffmanOnly = 2
	zRLE         = 3
	zFixed       = 4

	zOK          = 0
	zStreamEnd   = 1
	zStreamError = -2
	zBufError    = -5

	initState   = 42
	gzipState   = 57
	busyState   = 113
	finishState = 666

	minLookahead = maxMatch + minMatch + 1
	tooFar       = 4096
	winInit      = maxMatch
	maxStored    = 65535
)

type blockState int

const (
	needMore blockState = iota
	blockDone
	finishStarted
	finishDone
)

const (
	funcStored = iota
	funcFast
	funcSlow
)

type levelConfig struct {
	good, lazy, nice, chain int
	fn                      int
}

var configTable = [10]levelConfig{
	{0, 0, 0, 0, funcStored},
	{4, 4, 8, 4, funcFast},
	{4, 5, 16, 8, funcFast},
	{4, 6, 32, 32, funcFast},
	{4, 4, 16, 16, funcSlow},
	{8, 16, 32, 32, funcSlow},
	{8, 16, 128, 128, funcSlow},
	{8, 32, 128, 256, funcSlow},
	{32, 128, 258, 1024, funcSlow},
	{32, 258, 258, 4096, funcSlow},
}

// deflater is zlib's deflate_state together with the z_stream fields deflate uses.
type deflater struct {
	treeState

	// z_stream: input is in[inPos:]; output is appended to out, at most availOut bytes
	in       []byte
	inPos    int
	out      []byte
	availOut int
	totalIn  uint64
	check    uint32 // strm->adler: Adler-32 (zlib) or CRC-32 (gzip) of the input

	status         int
	pendingBufSize int
	wrap           int // 0 raw, 1 zlib, 2 gzip; negated once the trailer is written
	lastFlush      int

	wSize, wBits, wMask int
	window              []byte
	windowSize          int
	prev                []uint16
	head                []uint16
	hashMask            uint32

	blockStart     int
	matchLength    int
	prevMatch      int
	matchAvailable bool
	strstart       int
	matchStart     int
	lookahead      int
	prevLength     int
	maxChainLength int
	maxLazyMatch   int
	level          int
	strategy       int
	goodMatch      int
	niceMatch      int
	insert         int
	highWater      int
}

// newDeflater is deflateInit2: wrap 0 raw, 1 zlib, 2 gzip. level -1 means 6.
func newDeflater(level, wrap, windowBits, memLevel, strategy int) *deflater {
	treesOnce.Do(initTrees)
	if level == -1 {
		level = 6
	}
	if windowBits == 8 {
		windowBits = 9 // zlib does not do 256-byte windows
	}
	s := &deflater{wrap: wrap, level: level, strategy: strategy}
	s.wBits = windowBits
	s.wSize = 1 << windowBits
	s.wMask = s.wSize - 1
	hashBits := memLevel + 7
	if hashBits < 15 {
		hashBits = 15 // Chromium's hash wants at least 2^15 heads
	}
	s.hashMask = 1<<hashBits - 1
	s.window = make([]byte, (s.wSize+8)*2)
	s.prev = make([]uint16, s.wSize)
	s.head = make([]uint16, 1<<hashBits)
	litBufSize := 1 << (memLevel + 6)
	s.pendingBufSize = litBufSize * 4
	s.pendingBuf = make([]byte, s.pendingBufSize+64)
	s.symDist = make([]uint16, litBufSize)
	s.symLC = make([]uint8, litBufSize)
	s.symEnd = litBufSize - 1
	s.reset()
	return s
}

// reset is deflateReset: the window's contents and high-water mark stay, as in zlib.
func (s *deflater) reset() {
	s.totalIn = 0
	s.pending = 0
	s.pendingOut = 0
	if s.wrap < 0 {
		s.wrap = -s.wrap
	}
	if s.wrap == 2 {
		s.status = gzipState
		s.check = 0
	} else {
		s.status = initState
		s.check = 1
	}
	s.lastFlush = -2
	s.trInit()

	s.windowSize = 2 * s.wSize
	s.clearHash()
	s.setConfig()
	s.strstart = 0
	s.blockStart = 0
	s.lookahead = 0
	s.insert = 0
	s.matchLength = minMatch - 1
	s.prevLength = minMatch - 1
	s.matchAvailable = false
}

func (s *deflater) setConfig() {
	c := configTable[s.level]
	s.maxLazyMatch = c.lazy
	s.goodMatch = c.good
	s.niceMatch = c.nice
	s.maxChainLength = c.chain
}

func (s *deflater) clearHash() {
	clear(s.head)
}

func (s *deflater) slideHash() {
	slide16(s.head, uint16(s.wSize))
	slide16(s.prev, uint16(s.wSize))
}

// slide16 moves positions down by w (a power of two), dropping those that leave the window
// (to 0, NIL). It works on four positions at a time: a position stays iff it has a bit at or
// above w's, and those that stay cannot borrow from their neighbours.
func slide16(p []uint16, w uint16) {
	n4 := len(p) / 4
	if n4 > 0 {
		q := unsafe.Slice((*uint64)(unsafe.Pointer(&p[0])), n4)
		const lanes = 0x0001_0001_0001_0001
		high := uint64(^(w - 1)) * lanes // the bits that make a position >= w
		wrep := uint64(w) * lanes
		for i, x := range q {
			t := x & high
			nz := (t | (t&(0x7fff*lanes) + 0x7fff*lanes)) & (0x8000 * lanes)
			mask := (nz >> 15) * 0xffff
			q[i] = x&mask - wrep&mask
		}
	}
	for i := n4 * 4; i < len(p); i++ {
		if m := p[i]; m >= w {
			p[i] = m - w
		} else {
			p[i] = 0
		}
	}
}

func (s *deflater) maxDist() int { return s.wSize - minLookahead }

// insertString puts the string at pos in its hash chain and returns the previous chain head.
// The hash is Chromium's: four bytes, multiplied.
func (s *deflater) insertString(pos int) int {
	v := binary.LittleEndian.Uint32(s.window[pos : pos+4])
	h := ((v*66521 + 66521) >> 16) & s.hashMask
	ret := s.head[h]
	s.prev[pos&s.wMask] = ret
	s.head[h] = uint16(pos)
	return int(ret)
}

func (s *deflater) availIn() int { return len(s.in) - s.inPos }

// readBuf moves up to len(dst) input bytes to dst, updating the check value.
func (s *deflater) readBuf(dst []byte) int {
	n := min(s.availIn(), len(dst))
	if n == 0 {
		return 0
	}
	p := s.in[s.inPos : s.inPos+n]
	copy(dst, p)
	s.updateCheck(p)
	s.inPos += n
	s.totalIn += uint64(n)
	return n
}

func (s *deflater) updateCheck(p []byte) {
	switch s.wrap {
	case 1:
		s.check = adler32Update(s.check, p)
	case 2:
		s.check = crc32.Update(s.check, crc32.IEEETable, p)
	}
}

// readToOut moves n input bytes straight to the output (deflate_stored).
func (s *deflater) readToOut(n int) {
	p := s.in[s.inPos : s.inPos+n]
	s.updateCheck(p)
	s.out = append(s.out, p...)
	s.availOut -= n
	s.inPos += n
	s.totalIn += uint64(n)
}

func (s *deflater) fillWindow() {
	wsize := s.wSize
	for {
		more := s.windowSize - s.lookahead - s.strstart
		if s.strstart >= wsize+s.maxDist() {
			copy(s.window[:wsize-more], s.window[wsize:2*wsize-more])
			s.matchStart -= wsize
			s.strstart -= wsize
			s.blockStart -= wsize
			if s.insert > s.strstart {
				s.insert = s.strstart
			}
			s.slideHash()
			more += wsize
		}
		if s.availIn() == 0 {
			break
		}
		start := s.strstart + s.lookahead
		s.lookahead += s.readBuf(s.window[start : start+more])

		// hash the strings left unhashed before this refill
		if s.lookahead+s.insert > minMatch {
			str := s.strstart - s.insert
			for s.insert != 0 {
				s.insertString(str)
				str++
				s.insert--
				if s.lookahead+s.insert <= minMatch {
					break
				}
			}
		}
		if !(s.lookahead < minLookahead && s.availIn() != 0) {
			break
		}
	}

	// Zero the bytes after the data that longest_match may read, as far as not done yet.
	if s.highWater < s.windowSize {
		curr := s.strstart + s.lookahead
		if s.highWater < curr {
			init := min(s.windowSize-curr, winInit)
			clear(s.window[curr : curr+init])
			s.highWater = curr + init
		} else if s.highWater < curr+winInit {
			init := min(curr+winInit-s.highWater, s.windowSize-s.highWater)
			clear(s.window[s.highWater : s.highWater+init])
			s.highWater += init
		}
	}
}

// longestMatch follows the hash chain from curMatch and returns the best match length,
// setting matchStart.
func (s *deflater) longestMatch(curMatch int) int {
	chainLength := s.maxChainLength
	win := s.window
	scan := s.strstart
	bestLen := s.prevLength
	niceMatch := s.niceMatch
	limit := 0
	if s.strstart > s.maxDist() {
		limit = s.strstart - s.maxDist()
	}
	wmask := s.wMask
	strend := scan + maxMatch
	_ = win[strend]
	scanEnd := binary.LittleEndian.Uint16(win[scan+bestLen-1:])
	if s.prevLength >= s.goodMatch {
		chainLength >>= 2
	}
	if niceMatch > s.lookahead {
		niceMatch = s.lookahead
	}
	scanStart := binary.LittleEndian.Uint16(win[scan:])
	s2 := win[scan+2]
	for {
		m := curMatch
		if binary.LittleEndian.Uint16(win[m+bestLen-1:]) == scanEnd && binary.LittleEndian.Uint16(win[m:]) == scanStart && win[m+2] == s2 {
			// Compare from byte 3 on. (zlib skips byte 2, which its 3-byte hash fixes;
			// Chromium's 4-byte hash does not, and it rejects such a candidate, as here.)
			a := win[scan+3 : strend+1]
			b := win[m+3 : m+3+len(a)]
			n := 0
			for n+8 <= len(a) {
				x := binary.LittleEndian.Uint64(a[n:]) ^ binary.LittleEndian.Uint64(b[n:])
				if x != 0 {
					n += trailingZeroBytes(x)
					goto done
				}
				n += 8
			}
			for n < len(a) && a[n] == b[n] {
				n++
			}
		done:
			l := 3 + n
			if l > maxMatch {
				l = maxMatch
			}
			if l > bestLen {
				s.matchStart = curMatch
				bestLen = l
				if l >= niceMatch {
					break
				}
				scanEnd = binary.LittleEndian.Uint16(win[scan+bestLen-1:])
			}
		}
		curMatch = int(s.prev[curMatch&wmask])
		if curMatch <= limit {
			break
		}
		chainLength--
		if chainLength == 0 {
			break
		}
	}
	if bestLen <= s.lookahead {
		return bestLen
	}
	return s.lookahead
}

func trailingZeroBytes(x uint64) int { return bits.TrailingZeros64(x) >> 3 }

func (s *deflater) flushPending() {
	s.biFlush()
	n := min(s.pending, s.availOut)
	if n == 0 {
		return
	}
	s.out = append(s.out, s.pendingBuf[s.pendingOut:s.pendingOut+n]...)
	s.pendingOut += n
	s.availOut -= n
	s.pending -= n
	if s.pending == 0 {
		s.pendingOut = 0
	}
}

func (s *deflater) flushBlockOnly(last int) {
	var buf []byte
	have := s.blockStart >= 0
	if have {
		buf = s.window[s.blockStart:]
	}
	s.trFlushBlock(s.level, s.strategy, buf, have, uint64(s.strstart-s.blockStart), last)
	s.blockStart = s.strstart
	s.flushPending()
}

func (s *deflater) deflateStored(flush int) blockState {
	minBlock := min(s.pendingBufSize-5, s.wSize)
	last := 0
	used := s.availIn()
	for {
		ln := maxStored
		have := (s.biValid + 42) >> 3
		if s.availOut < have {
			break
		}
		have = s.availOut - have
		left := s.strstart - s.blockStart
		if ln > left+s.availIn() {
			ln = left + s.availIn()
		}
		if ln > have {
			ln = have
		}
		if ln < minBlock && (ln == 0 && flush != zFinish || flush == zNoFlush || ln != left+s.availIn()) {
			break
		}
		if flush == zFinish && ln == left+s.availIn() {
			last = 1
		}
		s.trStoredBlock(nil, last)
		p := s.pending
		s.pendingBuf[p-4] = byte(ln)
		s.pendingBuf[p-3] = byte(ln >> 8)
		s.pendingBuf[p-2] = ^byte(ln)
		s.pendingBuf[p-1] = ^byte(ln >> 8)
		s.flushPending()
		if left != 0 {
			if left > ln {
				left = ln
			}
			s.out = append(s.out, s.window[s.blockStart:s.blockStart+left]...)
			s.availOut -= left
			s.blockStart += left
			ln -= left
		}
		if ln != 0 {
			s.readToOut(ln)
		}
		if last != 0 {
			break
		}
	}

	used -= s.availIn()
	if used != 0 {
		if used >= s.wSize {
			s.matches = 2 // clear the hash if the level changes
			copy(s.window[:s.wSize], s.in[s.inPos-s.wSize:s.inPos])
			s.strstart = s.wSize
			s.insert = s.strstart
		} else {
			if s.windowSize-s.strstart <= used {
				s.strstart -= s.wSize
				copy(s.window[:s.strstart], s.window[s.wSize:s.wSize+s.strstart])
				if s.matches < 2 {
					s.matches++
				}
				if s.insert > s.strstart {
					s.insert = s.strstart
				}
			}
			copy(s.window[s.strstart:], s.in[s.inPos-used:s.inPos])
			s.strstart += used
			s.insert += min(used, s.wSize-s.insert)
		}
		s.blockStart = s.strstart
	}
	if s.highWater < s.strstart {
		s.highWater = s.strstart
	}
	if last != 0 {
		return finishDone
	}
	if flush != zNoFlush && flush != zFinish && s.availIn() == 0 && s.strstart == s.blockStart {
		return blockDone
	}

	// Fill the window with what input remains.
	have := s.windowSize - s.strstart
	if s.availIn() > have && s.blockStart >= s.wSize {
		s.blockStart -= s.wSize
		s.strstart -= s.wSize
		copy(s.window[:s.strstart], s.window[s.wSize:s.wSize+s.strstart])
		if s.matches < 2 {
			s.matches++
		}
		have += s.wSize
		if s.insert > s.strstart {
			s.insert = s.strstart
		}
	}
	if have > s.availIn() {
		have = s.availIn()
	}
	if have != 0 {
		s.readBuf(s.window[s.strstart : s.strstart+have])
		s.strstart += have
		s.insert += min(have, s.wSize-s.insert)
	}
	if s.highWater < s.strstart {
		s.highWater = s.strstart
	}

	// Not enough output room for a worthy block: write one to pending if there is enough input
	// for it, or if flushing and the rest fits.
	have = (s.biValid + 42) >> 3
	have = min(s.pendingBufSize-have, maxStored)
	minBlock = min(have, s.wSize)
	left := s.strstart - s.blockStart
	if left >= minBlock || (left != 0 || flush == zFinish) && flush != zNoFlush && s.availIn() == 0 && left <= have {
		ln := min(left, have)
		if flush == zFinish && s.availIn() == 0 && ln == left {
			last = 1
		}
		s.trStoredBlock(s.window[s.blockStart:s.blockStart+ln], last)
		s.blockStart += ln
		s.flushPending()
	}
	if last != 0 {
		return finishStarted
	}
	return needMore
}

// flushBlock is FLUSH_BLOCK: it reports whether the caller must return (output full).
func (s *deflater) flushBlock(last int) bool {
	s.flushBlockOnly(last)
	return s.availOut == 0
}

func (s *deflater) endState(flush int) blockState {
	if flush == zFinish {
		if s.flushBlock(1) {
			return finishStarted
		}
		return finishDone
	}
	if s.symNext != 0 {
		if s.flushBlock(0) {
			return needMore
		}
	}
	return blockDone
}

func (s *deflater) deflateFast(flush int) blockState {
	for {
		if s.lookahead < minLookahead {
			s.fillWindow()
			if s.lookahead < minLookahead && flush == zNoFlush {
				return needMore
			}
			if s.lookahead == 0 {
				break
			}
		}
		hashHead := 0
		if s.lookahead >= minMatch {
			hashHead = s.insertString(s.strstart)
		}
		if hashHead != 0 && s.strstart-hashHead <= s.maxDist() {
			s.matchLength = s.longestMatch(hashHead)
		}
		var bflush bool
		if s.matchLength >= minMatch {
			bflush = s.tallyDist(s.strstart-s.matchStart, s.matchLength-minMatch)
			s.lookahead -= s.matchLength
			if s.matchLength <= s.maxLazyMatch && s.lookahead >= minMatch {
				s.matchLength--
				for {
					s.strstart++
					s.insertString(s.strstart)
					s.matchLength--
					if s.matchLength == 0 {
						break
					}
				}
				s.strstart++
			} else {
				s.strstart += s.matchLength
				s.matchLength = 0
			}
		} else {
			bflush = s.tallyLit(s.window[s.strstart])
			s.lookahead--
			s.strstart++
		}
		if bflush && s.flushBlock(0) {
			return needMore
		}
	}
	s.insert = min(s.strstart, minMatch-1)
	return s.endState(flush)
}

func (s *deflater) deflateSlow(flush int) blockState {
	for {
		if s.lookahead < minLookahead {
			s.fillWindow()
			if s.lookahead < minLookahead && flush == zNoFlush {
				return needMore
			}
			if s.lookahead == 0 {
				break
			}
		}
		hashHead := 0
		if s.lookahead >= minMatch {
			hashHead = s.insertString(s.strstart)
		}
		s.prevLength = s.matchLength
		s.prevMatch = s.matchStart
		s.matchLength = minMatch - 1
		if hashHead != 0 && s.prevLength < s.maxLazyMatch && s.strstart-hashHead <= s.maxDist() {
			s.matchLength = s.longestMatch(hashHead)
			if s.matchLength <= 5 && (s.strategy == zFiltered || s.matchLength == minMatch && s.strstart-s.matchStart > tooFar) {
				s.matchLength = minMatch - 1
			}
		}
		if s.prevLength >= minMatch && s.matchLength <= s.prevLength {
			maxInsert := s.strstart + s.lookahead - minMatch
			bflush := s.tallyDist(s.strstart-1-s.prevMatch, s.prevLength-minMatch)
			s.lookahead -= s.prevLength - 1
			s.prevLength -= 2
			for {
				s.strstart++
				if s.strstart <= maxInsert {
					s.insertString(s.strstart)
				}
				s.prevLength--
				if s.prevLength == 0 {
					break
				}
			}
			s.matchAvailable = false
			s.matchLength = minMatch - 1
			s.strstart++
			if bflush && s.flushBlock(0) {
				return needMore
			}
		} else if s.matchAvailable {
			if s.tallyLit(s.window[s.strstart-1]) {
				s.flushBlockOnly(0)
			}
			s.strstart++
			s.lookahead--
			if s.availOut == 0 {
				return needMore
			}
		} else {
			s.matchAvailable = true
			s.strstart++
			s.lookahead--
		}
	}
	if s.matchAvailable {
		s.tallyLit(s.window[s.strstart-1])
		s.matchAvailable = false
	}
	s.insert = min(s.strstart, minMatch-1)
	return s.endState(flush)
}

func (s *deflater) deflateRLE(flush int) blockState {
	win := s.window
	for {
		if s.lookahead <= maxMatch {
			s.fillWindow()
			if s.lookahead <= maxMatch && flush == zNoFlush {
				return needMore
			}
			if s.lookahead == 0 {
				break
			}
		}
		s.matchLength = 0
		if s.lookahead >= minMatch && s.strstart > 0 {
			scan := s.strstart - 1
			prev := win[scan]
			if prev == win[scan+1] && prev == win[scan+2] && prev == win[scan+3] {
				strend := s.strstart + maxMatch
				scan = s.strstart + 3
				for scan <= strend && win[scan] == prev {
					scan++
				}
				l := min(scan-s.strstart, maxMatch)
				s.matchLength = min(l, s.lookahead)
			}
		}
		var bflush bool
		if s.matchLength >= minMatch {
			bflush = s.tallyDist(1, s.matchLength-minMatch)
			s.lookahead -= s.matchLength
			s.strstart += s.matchLength
			s.matchLength = 0
		} else {
			bflush = s.tallyLit(win[s.strstart])
			s.lookahead--
			s.strstart++
		}
		if bflush && s.flushBlock(0) {
			return needMore
		}
	}
	s.insert = 0
	return s.endState(flush)
}

func (s *deflater) deflateHuff(flush int) blockState {
	for {
		if s.lookahead == 0 {
			s.fillWindow()
			if s.lookahead == 0 {
				if flush == zNoFlush {
					return needMore
				}
				break
			}
		}
		s.matchLength = 0
		bflush := s.tallyLit(s.window[s.strstart])
		s.lookahead--
		s.strstart++
		if bflush && s.flushBlock(0) {
			return needMore
		}
	}
	s.insert = 0
	return s.endState(flush)
}

func rank(f int) int {
	r := f * 2
	if f > 4 {
		r -= 9
	}
	return r
}

// deflate is zlib's deflate(): it compresses s.in[s.inPos:] into s.out with at most
// s.availOut bytes of output, and returns zlib's code.
func (s *deflater) deflate(flush int) int {
	if flush < 0 || flush > zBlock {
		return zStreamError
	}
	if s.status == finishState && flush != zFinish {
		return zStreamError
	}
	if s.availOut == 0 {
		return zBufError
	}
	oldFlush := s.lastFlush
	s.lastFlush = flush

	if s.pending != 0 {
		s.flushPending()
		if s.availOut == 0 {
			s.lastFlush = -1
			return zOK
		}
	} else if s.availIn() == 0 && rank(flush) <= rank(oldFlush) && flush != zFinish {
		return zBufError
	}
	if s.status == finishState && s.availIn() != 0 {
		return zBufError
	}

	if s.status == initState && s.wrap == 0 {
		s.status = busyState
	}
	if s.status == initState {
		header := uint32(8+(s.wBits-8)<<4) << 8
		var levelFlags uint32
		switch {
		case s.strategy >= zHuffmanOnly || s.level < 2:
			levelFlags = 0
		case s.level < 6:
			levelFlags = 1
		case s.level == 6:
			levelFlags = 2
		default:
			levelFlags = 3
		}
		header |= levelFlags << 6
		if s.strstart != 0 {
			header |= 0x20 // preset dictionary
		}
		header += 31 - header%31
		s.putShortMSB(header)
		if s.strstart != 0 {
			s.putShortMSB(s.check >> 16)
			s.putShortMSB(s.check & 0xffff)
		}
		s.check = 1
		s.status = busyState
		s.flushPending()
		if s.pending != 0 {
			s.lastFlush = -1
			return zOK
		}
	}
	if s.status == gzipState {
		s.check = 0
		var xfl byte
		switch {
		case s.level == 9:
			xfl = 2
		case s.strategy >= zHuffmanOnly || s.level < 2:
			xfl = 4
		}
		for _, b := range [...]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3} {
			s.putByte(b)
		}
		s.status = busyState
		s.flushPending()
		if s.pending != 0 {
			s.lastFlush = -1
			return zOK
		}
	}

	if s.availIn() != 0 || s.lookahead != 0 || flush != zNoFlush && s.status != finishState {
		var bs blockState
		switch {
		case s.level == 0:
			bs = s.deflateStored(flush)
		case s.strategy == zHuffmanOnly:
			bs = s.deflateHuff(flush)
		case s.strategy == zRLE:
			bs = s.deflateRLE(flush)
		case configTable[s.level].fn == funcFast:
			bs = s.deflateFast(flush)
		default:
			bs = s.deflateSlow(flush)
		}
		if bs == finishStarted || bs == finishDone {
			s.status = finishState
		}
		if bs == needMore || bs == finishStarted {
			if s.availOut == 0 {
				s.lastFlush = -1
			}
			return zOK
		}
		if bs == blockDone {
			if flush == zPartialFlush {
				s.trAlign()
			} else if flush != zBlock {
				s.trStoredBlock(nil, 0)
				if flush == zFullFlush {
					s.clearHash()
					if s.lookahead == 0 {
						s.strstart = 0
						s.blockStart = 0
						s.insert = 0
					}
				}
			}
			s.flushPending()
			if s.availOut == 0 {
				s.lastFlush = -1
				return zOK
			}
		}
	}
	if flush != zFinish {
		return zOK
	}
	if s.wrap <= 0 {
		return zStreamEnd
	}
	if s.wrap == 2 {
		var t [8]byte
		binary.LittleEndian.PutUint32(t[:4], s.check)
		binary.LittleEndian.PutUint32(t[4:], uint32(s.totalIn))
		for _, b := range t {
			s.putByte(b)
		}
	} else {
		s.putShortMSB(s.check >> 16)
		s.putShortMSB(s.check & 0xffff)
	}
	s.flushPending()
	if s.wrap > 0 {
		s.wrap = -s.wrap
	}
	if s.pending != 0 {
		return zOK
	}
	return zStreamEnd
}

// setDictionary is deflateSetDictionary.
func (s *deflater) setDictionary(dict []byte) int {
	wrap := s.wrap
	if wrap == 2 || wrap == 1 && s.status != initState || s.lookahead != 0 {
		return zStreamError
	}
	if wrap == 1 {
		s.check = adler32Update(s.check, dict)
	}
	s.wrap = 0 // no check value over the dictionary as input
	if len(dict) >= s.wSize {
		if wrap == 0 {
			s.clearHash()
			s.strstart = 0
			s.blockStart = 0
			s.insert = 0
		}
		dict = dict[len(dict)-s.wSize:]
	}
	in, inPos := s.in, s.inPos
	s.in, s.inPos = dict, 0
	s.fillWindow()
	for s.lookahead >= minMatch {
		str := s.strstart
		for n := s.lookahead - (minMatch - 1); n > 0; n-- {
			s.insertString(str)
			str++
		}
		s.strstart = str
		s.lookahead = minMatch - 1
		s.fillWindow()
	}
	s.strstart += s.lookahead
	s.blockStart = s.strstart
	s.insert = s.lookahead
	s.lookahead = 0
	s.matchLength = minMatch - 1
	s.prevLength = minMatch - 1
	s.matchAvailable = false
	s.in, s.inPos = in, inPos
	s.wrap = wrap
	return zOK
}

// params is deflateParams. availOut is the output room the stream has at the moment (node's
// last window): the Z_BLOCK flush it may do writes there, and params returns what it wrote.
func (s *deflater) params(level, strategy, availOut int) (out []byte, ret int) {
	if level == -1 {
		level = 6
	}
	if level < 0 || level > 9 || strategy < 0 || strategy > zFixed {
		return nil, zStreamError
	}
	if (strategy != s.strategy || configTable[s.level].fn != configTable[level].fn) && s.lastFlush != -2 {
		s.in, s.inPos = nil, 0
		saved := s.out
		s.out = nil
		s.availOut = availOut
		err := s.deflate(zBlock)
		out, s.out = s.out, saved
		if err == zStreamError {
			return out, err
		}
		if s.strstart-s.blockStart+s.lookahead != 0 {
			return out, zBufError
		}
	}
	if s.level != level {
		if s.level == 0 && s.matches != 0 {
			if s.matches == 1 {
				s.slideHash()
			} else {
				s.clearHash()
			}
			s.matches = 0
		}
		s.level = level
		s.setConfig()
	}
	s.strategy = strategy
	return out, zOK
}
