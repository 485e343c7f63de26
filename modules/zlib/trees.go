package zlib

// The Huffman half of the DEFLATE compressor (RFC 1951): symbol tallies, tree construction and
// the block writer. It makes the same choices zlib's trees.c makes (heap order and depth
// tie-breaks, the bit-length overflow fix-up, run-length coding of code lengths, and the
// stored/fixed/dynamic decision from computed sizes), so the blocks are bit-identical to those
// of the zlib node bundles.

import (
	"encoding/binary"
	"sync"
)

const (
	lengthCodes = 29
	literals    = 256
	lCodes      = literals + 1 + lengthCodes // 286
	dCodes      = 30
	blCodes     = 19
	heapSize    = 2*lCodes + 1
	maxBits     = 15
	maxBLBits   = 7
	endBlock    = 256
	rep3to6     = 16
	repz3to10   = 17
	repz11to138 = 18

	storedBlock = 0
	staticTrees = 1
	dynTrees    = 2

	minMatch = 3
	maxMatch = 258
)

var extraLBits = [lengthCodes]int{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
var extraDBits = [dCodes]int{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
var extraBLBits = [blCodes]int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7}

// blOrder is the order in which the code-length code lengths are sent.
var blOrder = [blCodes]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// ctData is one tree entry. zlib overlays freq with code and dad with len; they are kept apart
// here, which changes nothing zlib reads.
type ctData struct {
	freq, code uint16
	dad, len   uint16
}

type staticDesc struct {
	tree      []ctData // static tree or nil
	extra     []int
	extraBase int
	elems     int
	maxLength int
}

type treeDesc struct {
	dyn     []ctData
	maxCode int
	stat    *staticDesc
}

var (
	staticLTree [lCodes + 2]ctData
	staticDTree [dCodes]ctData
	distCode    [512]uint8
	lengthCode  [maxMatch - minMatch + 1]uint8
	baseLength  [lengthCodes]int
	baseDist    [dCodes]int

	staticLDesc  staticDesc
	staticDDesc  staticDesc
	staticBLDesc staticDesc

	// treesOnce builds the tables above for the first deflater, not at process start.
	treesOnce sync.Once
)

func initTrees() {
	staticLDesc = staticDesc{staticLTree[:], extraLBits[:], literals + 1, lCodes, maxBits}
	staticDDesc = staticDesc{staticDTree[:], extraDBits[:], 0, dCodes, maxBits}
	staticBLDesc = staticDesc{nil, extraBLBits[:], 0, blCodes, maxBLBits}

	length := 0
	code := 0
	for code = 0; code < lengthCodes-1; code++ {
		baseLength[code] = length
		for n := 0; n < 1<<extraLBits[code]; n++ {
			lengthCode[length] = uint8(code)
			length++
		}
	}
	// length 258 (index 255) gets the last code, not the one 255 would have by the pattern
	lengthCode[length-1] = uint8(code)

	dist := 0
	for code = 0; code < 16; code++ {
		baseDist[code] = dist
		for n := 0; n < 1<<extraDBits[code]; n++ {
			distCode[dist] = uint8(code)
			dist++
		}
	}
	dist >>= 7
	for ; code < dCodes; code++ {
		baseDist[code] = dist << 7
		for n := 0; n < 1<<(extraDBits[code]-7); n++ {
			distCode[256+dist] = uint8(code)
			dist++
		}
	}

	var blCount [maxBits + 1]uint16
	set := func(from, to, bits int) {
		for n := from; n <= to; n++ {
			staticLTree[n].len = uint16(bits)
			blCount[bits]++
		}
	}
	set(0, 143, 8)
	set(144, 255, 9)
	set(256, 279, 7)
	set(280, 287, 8)
	genCodes(staticLTree[:], lCodes+1, &blCount)
	for n := 0; n < dCodes; n++ {
		staticDTree[n].len = 5
		staticDTree[n].code = uint16(bitReverse(n, 5))
	}
}

func dCode(dist int) int {
	if dist < 256 {
		return int(distCode[dist])
	}
	return int(distCode[256+(dist>>7)])
}

func bitReverse(code, n int) int {
	r := 0
	for ; n > 0; n-- {
		r = r<<1 | code&1
		code >>= 1
	}
	return r
}

// genCodes assigns canonical codes (bit-reversed, as they are sent) from the lengths.
func genCodes(tree []ctData, maxCode int, blCount *[maxBits + 1]uint16) {
	var next [maxBits + 1]int
	code := 0
	for bits := 1; bits <= maxBits; bits++ {
		code = (code + int(blCount[bits-1])) << 1
		next[bits] = code
	}
	for n := 0; n <= maxCode; n++ {
		l := int(tree[n].len)
		if l == 0 {
			continue
		}
		tree[n].code = uint16(bitReverse(next[l], l))
		next[l]++
	}
}

// treeState is the trees part of the deflate state.
type treeState struct {
	dynLTree [heapSize]ctData
	dynDTree [2*dCodes + 1]ctData
	blTree   [2*blCodes + 1]ctData
	lDesc    treeDesc
	dDesc    treeDesc
	blDesc   treeDesc

	blCount [maxBits + 1]uint16
	heap    [2*lCodes + 1]int
	heapLen int
	heapMax int
	depth   [2*lCodes + 1]uint8

	// the block's symbols: dist (0 for a literal) and literal or length-3
	symDist  []uint16
	symLC    []uint8
	symNext  int
	symEnd   int
	optLen   uint64
	staticLn uint64
	matches  int

	// output: zlib's pending buffer and 16-bit bit buffer
	pendingBuf []byte
	pending    int
	pendingOut int
	biBuf      uint64
	biValid    int
}

func (s *treeState) trInit() {
	s.lDesc = treeDesc{dyn: s.dynLTree[:], stat: &staticLDesc}
	s.dDesc = treeDesc{dyn: s.dynDTree[:], stat: &staticDDesc}
	s.blDesc = treeDesc{dyn: s.blTree[:], stat: &staticBLDesc}
	s.biBuf = 0
	s.biValid = 0
	s.initBlock()
}

func (s *treeState) initBlock() {
	for n := 0; n < lCodes; n++ {
		s.dynLTree[n].freq = 0
	}
	for n := 0; n < dCodes; n++ {
		s.dynDTree[n].freq = 0
	}
	for n := 0; n < blCodes; n++ {
		s.blTree[n].freq = 0
	}
	s.dynLTree[endBlock].freq = 1
	s.optLen, s.staticLn = 0, 0
	s.symNext, s.matches = 0, 0
}

func (s *treeState) putByte(c byte) {
	s.pendingBuf[s.pending] = c
	s.pending++
}

func (s *treeState) putShort(w uint16) {
	s.pendingBuf[s.pending] = byte(w)
	s.pendingBuf[s.pending+1] = byte(w >> 8)
	s.pending += 2
}

func (s *treeState) putShortMSB(w uint32) {
	s.putByte(byte(w >> 8))
	s.putByte(byte(w))
}

// sendBits appends length (at most 32) bits of value. zlib keeps 16 bits and writes two bytes
// at a time; this holds under 32 between calls and writes four. The two agree wherever zlib
// looks at the bit count or the pending bytes (after bi_flush or bi_windup: all whole bytes
// written, under 8 bits held).
func (s *treeState) sendBits(value, length int) {
	s.biBuf |= uint64(value) << s.biValid
	s.biValid += length
	if s.biValid >= 32 {
		binary.LittleEndian.PutUint32(s.pendingBuf[s.pending:], uint32(s.biBuf))
		s.pending += 4
		s.biBuf >>= 32
		s.biValid -= 32
	}
}

func (s *treeState) sendCode(c int, tree []ctData) {
	s.sendBits(int(tree[c].code), int(tree[c].len))
}

// biFlush writes the whole bytes held, keeping under 8 bits.
func (s *treeState) biFlush() {
	for s.biValid >= 8 {
		s.putByte(byte(s.biBuf))
		s.biBuf >>= 8
		s.biValid -= 8
	}
}

// biWindup writes everything held, padding the last byte.
func (s *treeState) biWindup() {
	s.biFlush()
	if s.biValid > 0 {
		s.putByte(byte(s.biBuf))
	}
	s.biBuf = 0
	s.biValid = 0
}

// smaller orders heap entries: by frequency, then by subtree depth.
func smaller(tree []ctData, n, m int, depth *[2*lCodes + 1]uint8) bool {
	return tree[n].freq < tree[m].freq || tree[n].freq == tree[m].freq && depth[n] <= depth[m]
}

func (s *treeState) pqDownHeap(tree []ctData, k int) {
	v := s.heap[k]
	j := k << 1
	for j <= s.heapLen {
		if j < s.heapLen && smaller(tree, s.heap[j+1], s.heap[j], &s.depth) {
			j++
		}
		if smaller(tree, v, s.heap[j], &s.depth) {
			break
		}
		s.heap[k] = s.heap[j]
		k = j
		j <<= 1
	}
	s.heap[k] = v
}

// genBitLen computes the code lengths from the tree in the heap, limits them to the descriptor's
// maximum (moving leaves down the way zlib does), and adds the block's cost to optLen and
// staticLn.
func (s *treeState) genBitLen(desc *treeDesc) {
	tree := desc.dyn
	maxCode := desc.maxCode
	stree := desc.stat.tree
	extra := desc.stat.extra
	base := desc.stat.extraBase
	maxLength := desc.stat.maxLength
	overflow := 0

	for bits := 0; bits <= maxBits; bits++ {
		s.blCount[bits] = 0
	}
	tree[s.heap[s.heapMax]].len = 0 // the root

	h := s.heapMax + 1
	for ; h < heapSize; h++ {
		n := s.heap[h]
		bits := int(tree[tree[n].dad].len) + 1
		if bits > maxLength {
			bits = maxLength
			overflow++
		}
		tree[n].len = uint16(bits)
		if n > maxCode {
			continue // not a leaf
		}
		s.blCount[bits]++
		xbits := 0
		if n >= base {
			xbits = extra[n-base]
		}
		f := uint64(tree[n].freq)
		s.optLen += f * uint64(bits+xbits)
		if stree != nil {
			s.staticLn += f * uint64(int(stree[n].len)+xbits)
		}
	}
	if overflow == 0 {
		return
	}
	for overflow > 0 {
		bits := maxLength - 1
		for s.blCount[bits] == 0 {
			bits--
		}
		s.blCount[bits]--
		s.blCount[bits+1] += 2
		s.blCount[maxLength]--
		overflow -= 2
	}
	for bits := maxLength; bits != 0; bits-- {
		n := int(s.blCount[bits])
		for n != 0 {
			h--
			m := s.heap[h]
			if m > maxCode {
				continue
			}
			if int(tree[m].len) != bits {
				s.optLen += uint64(int64(bits)-int64(tree[m].len)) * uint64(tree[m].freq)
				tree[m].len = uint16(bits)
			}
			n--
		}
	}
}

func (s *treeState) buildTree(desc *treeDesc) {
	tree := desc.dyn
	stree := desc.stat.tree
	elems := desc.stat.elems
	maxCode := -1

	s.heapLen = 0
	s.heapMax = heapSize
	for n := 0; n < elems; n++ {
		if tree[n].freq != 0 {
			s.heapLen++
			s.heap[s.heapLen] = n
			maxCode = n
			s.depth[n] = 0
		} else {
			tree[n].len = 0
		}
	}
	// at least two codes, so that at least one bit is sent per code
	for s.heapLen < 2 {
		node := 0
		if maxCode < 2 {
			maxCode++
			node = maxCode
		}
		s.heapLen++
		s.heap[s.heapLen] = node
		tree[node].freq = 1
		s.depth[node] = 0
		s.optLen--
		if stree != nil {
			s.staticLn -= uint64(stree[node].len)
		}
	}
	desc.maxCode = maxCode

	for n := s.heapLen / 2; n >= 1; n-- {
		s.pqDownHeap(tree, n)
	}

	node := elems
	for {
		// n: least frequent; m: the next
		n := s.heap[1]
		s.heap[1] = s.heap[s.heapLen]
		s.heapLen--
		s.pqDownHeap(tree, 1)
		m := s.heap[1]

		s.heapMax--
		s.heap[s.heapMax] = n
		s.heapMax--
		s.heap[s.heapMax] = m

		tree[node].freq = tree[n].freq + tree[m].freq
		dn, dm := s.depth[n], s.depth[m]
		if dn >= dm {
			s.depth[node] = dn + 1
		} else {
			s.depth[node] = dm + 1
		}
		tree[n].dad = uint16(node)
		tree[m].dad = uint16(node)
		s.heap[1] = node
		node++
		s.pqDownHeap(tree, 1)
		if s.heapLen < 2 {
			break
		}
	}
	s.heapMax--
	s.heap[s.heapMax] = s.heap[1]

	s.genBitLen(desc)
	genCodes(tree, maxCode, &s.blCount)
}

// scanTree counts, in the bit-length tree, the codes sendTree will send for tree's lengths.
func (s *treeState) scanTree(tree []ctData, maxCode int) {
	prevLen := -1
	nextLen := int(tree[0].len)
	count := 0
	maxCount, minCount := 7, 4
	if nextLen == 0 {
		maxCount, minCount = 138, 3
	}
	tree[maxCode+1].len = 0xffff // guard
	for n := 0; n <= maxCode; n++ {
		curLen := nextLen
		nextLen = int(tree[n+1].len)
		count++
		if count < maxCount && curLen == nextLen {
			continue
		} else if count < minCount {
			s.blTree[curLen].freq += uint16(count)
		} else if curLen != 0 {
			if curLen != prevLen {
				s.blTree[curLen].freq++
			}
			s.blTree[rep3to6].freq++
		} else if count <= 10 {
			s.blTree[repz3to10].freq++
		} else {
			s.blTree[repz11to138].freq++
		}
		count = 0
		prevLen = curLen
		if nextLen == 0 {
			maxCount, minCount = 138, 3
		} else if curLen == nextLen {
			maxCount, minCount = 6, 3
		} else {
			maxCount, minCount = 7, 4
		}
	}
}

func (s *treeState) sendTree(tree []ctData, maxCode int) {
	prevLen := -1
	nextLen := int(tree[0].len)
	count := 0
	maxCount, minCount := 7, 4
	if nextLen == 0 {
		maxCount, minCount = 138, 3
	}
	bl := s.blTree[:]
	for n := 0; n <= maxCode; n++ {
		curLen := nextLen
		nextLen = int(tree[n+1].len)
		count++
		if count < maxCount && curLen == nextLen {
			continue
		} else if count < minCount {
			for ; count != 0; count-- {
				s.sendCode(curLen, bl)
			}
		} else if curLen != 0 {
			if curLen != prevLen {
				s.sendCode(curLen, bl)
				count--
			}
			s.sendCode(rep3to6, bl)
			s.sendBits(count-3, 2)
		} else if count <= 10 {
			s.sendCode(repz3to10, bl)
			s.sendBits(count-3, 3)
		} else {
			s.sendCode(repz11to138, bl)
			s.sendBits(count-11, 7)
		}
		count = 0
		prevLen = curLen
		if nextLen == 0 {
			maxCount, minCount = 138, 3
		} else if curLen == nextLen {
			maxCount, minCount = 6, 3
		} else {
			maxCount, minCount = 7, 4
		}
	}
}

func (s *treeState) buildBLTree() int {
	s.scanTree(s.dynLTree[:], s.lDesc.maxCode)
	s.scanTree(s.dynDTree[:], s.dDesc.maxCode)
	s.buildTree(&s.blDesc)
	maxBLIndex := blCodes - 1
	for ; maxBLIndex >= 3; maxBLIndex-- {
		if s.blTree[blOrder[maxBLIndex]].len != 0 {
			break
		}
	}
	s.optLen += 3*(uint64(maxBLIndex)+1) + 5 + 5 + 4
	return maxBLIndex
}

func (s *treeState) sendAllTrees(lcodes, dcodes, blcodes int) {
	s.sendBits(lcodes-257, 5)
	s.sendBits(dcodes-1, 5)
	s.sendBits(blcodes-4, 4)
	for r := 0; r < blcodes; r++ {
		s.sendBits(int(s.blTree[blOrder[r]].len), 3)
	}
	s.sendTree(s.dynLTree[:], lcodes-1)
	s.sendTree(s.dynDTree[:], dcodes-1)
}

func (s *treeState) compressBlock(ltree, dtree []ctData) {
	for i := 0; i < s.symNext; i++ {
		dist := int(s.symDist[i])
		lc := int(s.symLC[i])
		if dist == 0 {
			s.sendCode(lc, ltree)
			continue
		}
		// a length code and its extra bits (at most 15+5), then a distance code and its extra
		// bits (at most 15+13), each as one sendBits
		code := int(lengthCode[lc])
		t := &ltree[code+literals+1]
		v, n := int(t.code), int(t.len)
		if extra := extraLBits[code]; extra != 0 {
			v |= (lc - baseLength[code]) << n
			n += extra
		}
		s.sendBits(v, n)
		dist--
		code = dCode(dist)
		t = &dtree[code]
		v, n = int(t.code), int(t.len)
		if extra := extraDBits[code]; extra != 0 {
			v |= (dist - baseDist[code]) << n
			n += extra
		}
		s.sendBits(v, n)
	}
	s.sendCode(endBlock, ltree)
}

// trStoredBlock writes a stored block header and the bytes buf (nil: a dummy of length 0 whose
// length fields the caller may overwrite).
func (s *treeState) trStoredBlock(buf []byte, last int) {
	s.sendBits(storedBlock<<1+last, 3)
	s.biWindup()
	n := len(buf)
	s.putShort(uint16(n))
	s.putShort(^uint16(n))
	copy(s.pendingBuf[s.pending:], buf)
	s.pending += n
}

// trAlign sends an empty static block (Z_PARTIAL_FLUSH).
func (s *treeState) trAlign() {
	s.sendBits(staticTrees<<1, 3)
	s.sendCode(endBlock, staticLTree[:])
	s.biFlush()
}

// trFlushBlock ends the current block: stored, fixed or dynamic, whichever is smallest as zlib
// computes it. buf is the block's input in the window (nil when it has slid out).
func (s *treeState) trFlushBlock(level, strategy int, buf []byte, haveBuf bool, storedLen uint64, last int) {
	var optLenB, staticLenB uint64
	maxBLIndex := 0
	if level > 0 {
		s.buildTree(&s.lDesc)
		s.buildTree(&s.dDesc)
		maxBLIndex = s.buildBLTree()
		optLenB = (s.optLen + 3 + 7) >> 3
		staticLenB = (s.staticLn + 3 + 7) >> 3
		if staticLenB <= optLenB || strategy == zFixed {
			optLenB = staticLenB
		}
	} else {
		optLenB = storedLen + 5
		staticLenB = optLenB
	}
	if storedLen+4 <= optLenB && haveBuf {
		s.trStoredBlock(buf[:storedLen], last)
	} else if staticLenB == optLenB {
		s.sendBits(staticTrees<<1+last, 3)
		s.compressBlock(staticLTree[:], staticDTree[:])
	} else {
		s.sendBits(dynTrees<<1+last, 3)
		s.sendAllTrees(s.lDesc.maxCode+1, s.dDesc.maxCode+1, maxBLIndex+1)
		s.compressBlock(s.dynLTree[:], s.dynDTree[:])
	}
	s.initBlock()
	if last != 0 {
		s.biWindup()
	}
}

// tallyLit records a literal; it reports whether the symbol buffer is full.
func (s *treeState) tallyLit(c byte) bool {
	s.symDist[s.symNext] = 0
	s.symLC[s.symNext] = c
	s.symNext++
	s.dynLTree[c].freq++
	return s.symNext == s.symEnd
}

// tallyDist records a match of length lenM3+3 at distance dist.
func (s *treeState) tallyDist(dist, lenM3 int) bool {
	s.symDist[s.symNext] = uint16(dist)
	s.symLC[s.symNext] = uint8(lenM3)
	s.symNext++
	s.matches++
	dist--
	s.dynLTree[int(lengthCode[lenM3])+literals+1].freq++
	s.dynDTree[dCode(dist)].freq++
	return s.symNext == s.symEnd
}
