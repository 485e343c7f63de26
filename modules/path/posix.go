package path

import (
	"strings"
	"unsafe"
)

// The functions here work on UTF-8 strings. Every decision Node's path module makes is about the
// ASCII characters '/', '\\', '.' and ':', so byte offsets give the same cuts as UTF-16 offsets.

// normalizeString resolves "." and ".." segments of p, whose separators are recognised by isSep,
// and joins the result with sep. With allowAboveRoot, leading ".." segments are kept.
func normalizeString(p string, allowAboveRoot bool, sep byte, isSep func(byte) bool) string {
	return bstr(appendNormalized(make([]byte, 0, len(p)), p, allowAboveRoot, sep, isSep))
}

// bstr turns a buffer nobody else holds into a string without copying.
func bstr(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// appendNormalized appends normalizeString(p, ...) to dst. isSep must match sep: '/' for
// posix, '/' or '\\' for win32 (it is inlined by sep for speed).
func appendNormalized(dst []byte, p string, allowAboveRoot bool, sep byte, isSep func(byte) bool) []byte {
	base := len(dst)
	var startsBuf [32]int
	starts := startsBuf[:0] // offsets in dst of each kept segment, so ".." can pop one
	dots := 0               // number of leading ".." segments kept
	n := len(p)
	win := sep == '\\' // win32 separators are '/' and '\\'; posix only '/'
	for i := 0; i <= n; {
		j := i
		if win {
			for j < n && p[j] != '/' && p[j] != '\\' {
				j++
			}
		} else {
			for j < n && p[j] != '/' {
				j++
			}
		}
		seg := p[i:j]
		i = j + 1
		switch len(seg) {
		case 0:
			continue
		case 1:
			if seg[0] == '.' {
				continue
			}
		case 2:
			if seg[0] == '.' && seg[1] == '.' {
				if len(starts) > dots {
					last := starts[len(starts)-1]
					starts = starts[:len(starts)-1]
					if last > base {
						last-- // drop the separator before it
					}
					dst = dst[:last]
					continue
				}
				if !allowAboveRoot {
					continue
				}
				dots++
			}
		}
		if len(dst) > base {
			dst = append(dst, sep)
		}
		starts = append(starts, len(dst))
		dst = append(dst, seg...)
	}
	return dst
}

func isPosixSep(c byte) bool { return c == '/' }

// posixNorm is appendNormalized (posix) over a '/'-joined sequence of parts, one part at a time,
// without building the joined string. Its scratch lives in the caller's frame.
type posixNorm struct {
	base           int
	dots           int // number of leading ".." segments kept
	allowAboveRoot bool
}

// add appends part p's normalized segments to dst; starts holds the offsets in dst of each kept
// segment, so ".." can pop one.
func (z *posixNorm) add(dst []byte, starts []int, p string) ([]byte, []int) {
	// a byte loop: segments are short, where strings.IndexByte costs more than it saves
	for i, n := 0, len(p); i < n; {
		if p[i] == '/' {
			i++
			continue
		}
		j := i + 1
		for j < n && p[j] != '/' {
			j++
		}
		seg := p[i:j]
		i = j
		switch len(seg) {
		case 1:
			if seg[0] == '.' {
				continue
			}
		case 2:
			if seg[0] == '.' && seg[1] == '.' {
				if len(starts) > z.dots {
					last := starts[len(starts)-1]
					starts = starts[:len(starts)-1]
					if last > z.base {
						last--
					}
					dst = dst[:last]
					continue
				}
				if !z.allowAboveRoot {
					continue
				}
				z.dots++
			}
		}
		if len(dst) > z.base {
			dst = append(dst, '/')
		}
		starts = append(starts, len(dst))
		dst = append(dst, seg...)
	}
	return dst, starts
}

func posixNormalize(p string) string {
	if p == "" {
		return "."
	}
	abs := p[0] == '/'
	trailing := p[len(p)-1] == '/'
	buf := make([]byte, 0, len(p)+2)
	root := 0
	if abs {
		buf = append(buf, '/')
		root = 1
	}
	buf = appendNormalized(buf, p, !abs, '/', isPosixSep)
	if len(buf) == 0 {
		if trailing {
			return "./"
		}
		return "."
	}
	if trailing && len(buf) > root {
		buf = append(buf, '/')
	}
	return bstr(buf)
}

// posixJoin joins non-empty parts with '/' and normalizes.
func posixJoin(parts []string) string {
	n, first, last := 0, -1, -1
	for i, p := range parts {
		if p != "" {
			n += len(p) + 1
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return "."
	}
	if first == last {
		return posixNormalize(parts[first])
	}
	// posixNormalize of the parts joined with '/', without the joined copy
	abs := parts[first][0] == '/'
	trailing := parts[last][len(parts[last])-1] == '/'
	var startsBuf [32]int
	starts := startsBuf[:0]
	buf := make([]byte, 0, n+2)
	root := 0
	if abs {
		buf = append(buf, '/')
		root = 1
	}
	z := posixNorm{base: len(buf), allowAboveRoot: !abs}
	for _, p := range parts[first : last+1] {
		buf, starts = z.add(buf, starts, p)
	}
	if len(buf) == 0 {
		if trailing {
			return "./"
		}
		return "."
	}
	if trailing && len(buf) > root {
		buf = append(buf, '/')
	}
	return bstr(buf)
}

// posixResolve resolves parts right to left until an absolute path, falling back to cwd.
func posixResolve(parts []string, cwd string) string {
	return posixResolveFn(len(parts), func(i int) string { return parts[i] }, func() string { return cwd }, nil)
}

// cwdCache holds the normalized form of the last cwd resolve fell back to, with its segment
// offsets, so resolving relative paths does not normalize the cwd on every call.
type cwdCache struct {
	cwd    string
	norm   []byte // normalized cwd, from its leading '/'
	starts []int
}

// posixResolveFn is posixResolve over n arguments fetched (and validated) by get, right to left,
// stopping at the first absolute one as Node does. cwd is asked for only when no argument is
// absolute (node calls process.cwd() only then).
func posixResolveFn(n int, get func(int) string, cwdFn func() string, cache *cwdCache) string {
	var segsBuf [8]string
	segs := segsBuf[:0]
	abs := false
	size := 0
	usedCwd := false
	cwd := ""
	for i := n - 1; i >= -1 && !abs; i-- {
		var p string
		if i >= 0 {
			p = get(i)
		} else {
			cwd = cwdFn()
			p, usedCwd = cwd, true
		}
		if p == "" {
			continue
		}
		segs = append(segs, p)
		size += len(p) + 1
		abs = p[0] == '/'
	}
	buf := make([]byte, 0, size+1)
	if abs {
		buf = append(buf, '/')
	}
	var startsBuf [32]int
	starts := startsBuf[:0]
	z := posixNorm{base: len(buf), allowAboveRoot: !abs}
	last := len(segs) - 1
	if usedCwd && cache != nil && abs {
		// the cwd is segs[last], absolute: start from its cached normal form
		if cache.cwd != cwd || cache.norm == nil {
			norm, st := z.add(append(make([]byte, 0, len(cwd)+1), '/'), nil, cwd)
			cache.cwd, cache.norm, cache.starts = cwd, norm, st
		}
		buf = append(buf[:0], cache.norm...)
		starts = append(starts, cache.starts...)
		last--
	}
	for i := last; i >= 0; i-- {
		buf, starts = z.add(buf, starts, segs[i])
	}
	if len(buf) == 0 {
		return "."
	}
	return bstr(buf)
}

func posixIsAbsolute(p string) bool { return len(p) > 0 && p[0] == '/' }

func posixRelative(from, to, cwd string) string {
	if from == to {
		return ""
	}
	from = posixResolve([]string{from}, cwd)
	to = posixResolve([]string{to}, cwd)
	if from == to {
		return ""
	}
	fromStart, fromEnd := 1, len(from)
	fromLen := fromEnd - fromStart
	toStart := 1
	toLen := len(to) - toStart
	length := min(fromLen, toLen)
	lastCommonSep := -1
	i := 0
	for ; i < length; i++ {
		c := from[fromStart+i]
		if c != to[toStart+i] {
			break
		} else if c == '/' {
			lastCommonSep = i
		}
	}
	if i == length {
		if toLen > length {
			if to[toStart+i] == '/' {
				return to[toStart+i+1:]
			}
			if i == 0 {
				return to[toStart+i:]
			}
		} else if fromLen > length {
			if from[fromStart+i] == '/' {
				lastCommonSep = i
			} else if i == 0 {
				lastCommonSep = 0
			}
		}
	}
	var b strings.Builder
	for i = fromStart + lastCommonSep + 1; i <= fromEnd; i++ {
		if i == fromEnd || from[i] == '/' {
			if b.Len() == 0 {
				b.WriteString("..")
			} else {
				b.WriteString("/..")
			}
		}
	}
	b.WriteString(to[toStart+lastCommonSep:])
	return b.String()
}

func posixDirname(p string) string {
	if p == "" {
		return "."
	}
	hasRoot := p[0] == '/'
	end := -1
	matchedSlash := true
	for i := len(p) - 1; i >= 1; i-- {
		if p[i] == '/' {
			if !matchedSlash {
				end = i
				break
			}
		} else {
			matchedSlash = false
		}
	}
	if end == -1 {
		if hasRoot {
			return "/"
		}
		return "."
	}
	if hasRoot && end == 1 {
		return "//"
	}
	return p[:end]
}

// basename is shared by posix (start 0) and win32 (start after a drive).
func basename(p, suffix string, hasSuffix bool, start int, isSep func(byte) bool) string {
	end := -1
	matchedSlash := true
	if hasSuffix && len(suffix) > 0 && jsLen(suffix) <= jsLen(p) {
		if suffix == p {
			return ""
		}
		extIdx := len(suffix) - 1
		firstNonSlashEnd := -1
		for i := len(p) - 1; i >= start; i-- {
			c := p[i]
			if isSep(c) {
				if !matchedSlash {
					start = i + 1
					break
				}
			} else {
				if firstNonSlashEnd == -1 {
					matchedSlash = false
					firstNonSlashEnd = i + 1
				}
				if extIdx >= 0 {
					if c == suffix[extIdx] {
						extIdx--
						if extIdx == -1 {
							end = i
						}
					} else {
						extIdx = -1
						end = firstNonSlashEnd
					}
				}
			}
		}
		if start == end {
			end = firstNonSlashEnd
		} else if end == -1 {
			end = len(p)
		}
		if end < start {
			return ""
		}
		return p[start:end]
	}
	for i := len(p) - 1; i >= start; i-- {
		if isSep(p[i]) {
			if !matchedSlash {
				start = i + 1
				break
			}
		} else if end == -1 {
			matchedSlash = false
			end = i + 1
		}
	}
	if end == -1 {
		return ""
	}
	return p[start:end]
}

// scanExt finds the extension of the last segment of p[start:] (initPart is where the segment
// starts when no separator is met): it returns the segment's start,
// the dot's offset (-1 for none) and the segment's end (-1 when p[start:] is all separators).
func scanExt(p string, start, initPart int, isSep func(byte) bool) (startPart, startDot, end int) {
	startDot, startPart, end = -1, initPart, -1
	matchedSlash := true
	preDotState := 0
	for i := len(p) - 1; i >= start; i-- {
		c := p[i]
		if isSep(c) {
			if !matchedSlash {
				startPart = i + 1
				break
			}
			continue
		}
		if end == -1 {
			matchedSlash = false
			end = i + 1
		}
		if c == '.' {
			if startDot == -1 {
				startDot = i
			} else if preDotState != 1 {
				preDotState = 1
			}
		} else if startDot != -1 {
			preDotState = -1
		}
	}
	if startDot == -1 || end == -1 || preDotState == 0 ||
		(preDotState == 1 && startDot == end-1 && startDot == startPart+1) {
		startDot = -1
	}
	return
}

func extname(p string, start int, isSep func(byte) bool) string {
	_, dot, end := scanExt(p, start, start, isSep)
	if dot == -1 {
		return ""
	}
	return p[dot:end]
}

// parsed is path.parse's result.
type parsed struct{ root, dir, base, ext, name string }

func posixParse(p string) parsed {
	var r parsed
	if p == "" {
		return r
	}
	abs := p[0] == '/'
	start := 0
	if abs {
		r.root = "/"
		start = 1
	}
	startPart, startDot, end := scanExt(p, start, 0, isPosixSep)
	if end != -1 {
		s := startPart
		if startPart == 0 && abs {
			s = 1
		}
		if startDot == -1 {
			r.base = p[s:end]
			r.name = r.base
		} else {
			r.name = p[s:startDot]
			r.base = p[s:end]
			r.ext = p[startDot:end]
		}
	}
	if startPart > 0 {
		r.dir = p[:startPart-1]
	} else if abs {
		r.dir = "/"
	}
	return r
}

// jsLen is the length of s in UTF-16 units, as JS's String length.
func jsLen(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			n = 0
			for _, r := range s {
				if r > 0xFFFF {
					n += 2
				} else {
					n++
				}
			}
			return n
		}
	}
	return n
}
