package http

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gojs-dev/gojs/modules"
)

// Parser is an incremental HTTP/1.x message parser for one connection, in the spirit of
// llhttp (which Node uses): bytes go in with Execute as they arrive from the socket, and it
// reports each message's head (already split into raw header pairs), body pieces and end.
// Errors carry llhttp's HPE_* codes and reasons. It is not safe for concurrent use.
type Parser struct {
	Response bool // parse responses instead of requests
	// MaxHeaderSize bounds a message head as node's parser counts it (headOverflow: the URL or
	// status text, header names and values): 0 is no bound, a negative one lets no head through
	// (node's limit of 0).
	MaxHeaderSize int

	OnHeaders  func(h *Head) int // 1: skip the body, 2: upgrade (requests)
	OnBody     func(b []byte)
	OnComplete func()
	// Lenient accepts a head's lines ended by a bare LF (insecureHTTPParser); otherwise each
	// line must end with CRLF, as llhttp's strict mode requires.
	Lenient bool

	state      int
	head       []byte // head bytes collected so far
	scanFrom   int    // where to resume looking for the end of the head
	linesOK    int    // how much of an unfinished head headLinesErr has checked
	remain     int64  // body bytes left (content-length or current chunk)
	chunkSize  uint64 // the chunk size being read
	extLen     int    // the bytes of the current chunk's extensions (names and values)
	trailerLen int    // the bytes of the trailers' names and values so far
	chunked    bool
	untilEOF   bool
	lastMethod string // for responses: the request method (HEAD means no body)
	closeAfter bool   // the message being parsed closes the connection
	Err        *ParseError
	Upgraded   bool
	// HeadStart is when (Unix ms) the head being collected started arriving, 0 when no head is
	// pending: the server's headersTimeout sweep and closeIdleConnections read it. A server
	// connection's parser starts with it set to the connection's start, as node's parser in a
	// connections list: a connection that has sent nothing yet is not idle, and its headers
	// timeout runs; the first byte of a head then restarts it.
	HeadStart int64
	// prevRaw and prevURL are the previous head's strings (see parseHead); the Head that
	// holds them is not changed.
	prevRaw []string
	prevURL string
	// spareRaw is the list before prevRaw, when a HeadBuf parse made it (its Head kept by no
	// one): the next head of that kind fills it instead of a new one.
	spareRaw []string
	rawOwned bool // prevRaw comes from a HeadBuf parse
	// Trailers holds the raw trailer pairs of the chunked message being completed, valid during
	// OnComplete.
	Trailers []string
	// HeadBuf, when set, is filled and passed to OnHeaders instead of a new Head per message:
	// the caller sets it only when OnHeaders keeps no *Head past its call and no other parse
	// uses the same Head meanwhile.
	HeadBuf *Head
}

// Head is one parsed message head.
type Head struct {
	Method        string
	URL           string
	Major, Minor  int
	Status        int
	StatusMessage string
	Raw           []string // name, value, name, value...
	KeepAlive     bool
	Upgrade       bool
	ContentLength int64 // -1 if none
	Chunked       bool
	// bodyToEOF: a request whose Transfer-Encoding does not end in chunked, which a lenient
	// parser takes (as llhttp's lenient mode) with a body that runs to the end of the input
	bodyToEOF bool
	// badTE: a request whose Transfer-Encoding does not end in chunked, which a strict parser
	// fails once OnHeaders has seen it (HPE_INVALID_TRANSFER_ENCODING)
	badTE bool
}

// ParseError is a parse failure with llhttp's code and reason.
type ParseError struct {
	Code   string
	Reason string
	Bytes  int // bytes of the Execute input consumed before the error
}

func (e *ParseError) Error() string { return "Parse Error: " + e.Reason }

const (
	stHead = iota
	stBody
	stChunkSize      // a chunk-size line's first byte
	stChunkSizeMore  // its further hex digits
	stChunkSizeBlank // blanks after the size (lenient)
	stChunkSizeLF    // the LF after the line's CR
	stChunkExt       // after a ';'
	stChunkExtName
	stChunkExtValue
	stChunkExtQuoted   // in a quoted value
	stChunkExtPair     // after a backslash in a quoted value
	stChunkExtQuoteEnd // after a quoted value's closing quote
	stChunkData
	stChunkDataEnd // the CR after a chunk's data
	stChunkDataLF  // the LF after it
	stTrailers
	stDead
	stClosed // after a request that does not keep the connection: only CR and LF may follow
)

// SetRequestMethod tells a response parser the method of the request it answers.
func (p *Parser) SetRequestMethod(m string) { p.lastMethod = m }

func (p *Parser) fail(code, reason string, n int) int {
	p.Err = &ParseError{Code: code, Reason: reason, Bytes: n}
	p.state = stDead
	return n
}

// Execute feeds data to the parser and returns how many bytes it consumed. It stops early on an
// error (p.Err) or on an upgrade (p.Upgraded; the rest of data belongs to the new protocol).
func (p *Parser) Execute(data []byte) int {
	i := 0
	for i < len(data) {
		switch p.state {
		case stDead:
			return i
		case stClosed:
			// llhttp's closed state: after a request with Connection: close (or an HTTP/1.0 one
			// without keep-alive) anything but CR and LF is an error, unless lenient
			if data[i] != '\r' && data[i] != '\n' {
				return p.fail("HPE_CLOSED_CONNECTION", "Data after `Connection: close`", i+1)
			}
			i++
		case stHead:
			// skip empty lines before a message
			if len(p.head) == 0 {
				for i < len(data) && (data[i] == '\r' || data[i] == '\n') {
					i++
				}
				if i == len(data) {
					return i
				}
			}
			var headBytes []byte
			var used, headSep int
			if len(p.head) == 0 {
				// The whole head is usually in one read: parse it where it is (no copy, and
				// nothing of the read, such as a body that follows, is kept by the parser).
				if end, sep := headEnd(data[i:], 0); end >= 0 {
					if at, over := p.headOverflow(data[i : i+end]); over {
						return p.fail("HPE_HEADER_OVERFLOW", "Header overflow", i+at)
					}
					headBytes, used, headSep = data[i:i+end], end+sep, sep
				}
			}
			if headBytes == nil {
				start := len(p.head)
				p.head = append(p.head, data[i:]...)
				end, sep := p.findHeadEnd()
				if end < 0 {
					if err, bad := p.headStartErr(); err != nil {
						p.head = p.head[:0]
						p.scanFrom, p.linesOK = 0, 0
						err.Bytes = i + max(bad-start, 0)
						p.Err = err
						p.state = stDead
						return i
					}
					if start == 0 || p.HeadStart == 0 {
						p.HeadStart = time.Now().UnixMilli()
					}
					if at, over := p.headOverflow(p.head); over {
						p.head = p.head[:0]
						return p.fail("HPE_HEADER_OVERFLOW", "Header overflow", i+max(at-start, 0))
					}
					return len(data)
				}
				used = end + sep - start
				headBytes, headSep = p.head[:end], sep
				if at, over := p.headOverflow(p.head[:end]); over {
					p.head = p.head[:0]
					return p.fail("HPE_HEADER_OVERFLOW", "Header overflow", i+max(at-start, 0))
				}
			}
			h, err := p.parseHead(headBytes)
			if err == nil && headSep == 1 && !p.Lenient {
				// (the empty line that ends the head is a bare LF)
				err = perrAt("HPE_INVALID_HEADER_TOKEN", "Invalid header field char", atHeadEnd)
			}
			if err != nil && err.Bytes == atHeadEnd {
				err.Bytes = used
			}
			p.head = p.head[:0]
			if cap(p.head) > idleHeadCap {
				p.head = nil // an idle connection does not keep a big head's buffer
			}
			p.scanFrom, p.linesOK = 0, 0
			p.HeadStart = 0
			if err != nil {
				err.Bytes += i
				p.Err = err
				p.state = stDead
				return i
			}
			i += used
			p.closeAfter = !h.KeepAlive && !p.Lenient
			ret := 0
			if p.OnHeaders != nil {
				ret = p.OnHeaders(h)
			}
			if p.state == stDead {
				return i
			}
			if h.badTE && ret == 0 { // (not for an upgrade or a skipped body, as llhttp)
				return p.fail("HPE_INVALID_TRANSFER_ENCODING", "Request has invalid `Transfer-Encoding`", i)
			}
			skip := ret == 1
			if !p.Response && ret == 2 {
				p.Upgraded = true
				p.state = stDead
				if p.OnComplete != nil {
					p.OnComplete()
				}
				return i
			}
			if p.Response && h.Upgrade && h.Status == 101 {
				p.Upgraded = true
				p.state = stDead
				if p.OnComplete != nil {
					p.OnComplete()
				}
				return i
			}
			noBody := skip
			if p.Response {
				if p.lastMethod == "HEAD" || h.Status == 204 || h.Status == 304 || (h.Status >= 100 && h.Status < 200) {
					noBody = true
				}
				if p.lastMethod == "CONNECT" && h.Status >= 200 && h.Status < 300 {
					p.Upgraded = true
					p.state = stDead
					if p.OnComplete != nil {
						p.OnComplete()
					}
					return i
				}
			}
			switch {
			case noBody:
				p.complete()
			case h.Chunked:
				p.chunked = true
				p.state = stChunkSize
				p.head = p.head[:0]
			case h.bodyToEOF:
				p.untilEOF = true
				p.state = stBody
			case h.ContentLength > 0:
				p.remain = h.ContentLength
				p.state = stBody
			case h.ContentLength < 0 && p.Response:
				p.untilEOF = true
				p.state = stBody
			default:
				p.complete()
			}
		case stBody:
			n := len(data) - i
			if !p.untilEOF && int64(n) > p.remain {
				n = int(p.remain)
			}
			if p.OnBody != nil && n > 0 {
				p.OnBody(data[i : i+n])
			}
			i += n
			if !p.untilEOF {
				p.remain -= int64(n)
				if p.remain == 0 {
					p.complete()
				}
			}
		case stChunkSize:
			// a chunk-size line's first byte: a hex digit
			d := unhex(data[i])
			if d < 0 {
				return p.fail("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", i)
			}
			p.chunkSize, p.extLen = uint64(d), 0
			p.state = stChunkSizeMore
			i++
		case stChunkSizeMore, stChunkSizeBlank:
			c := data[i]
			if p.state == stChunkSizeMore {
				if d := unhex(c); d >= 0 {
					if p.chunkSize > (math.MaxUint64-uint64(d))/16 {
						// (llhttp's place: past the digit that overflows)
						return p.fail("HPE_INVALID_CHUNK_SIZE", "Chunk size overflow", i+1)
					}
					p.chunkSize = p.chunkSize*16 + uint64(d)
					i++
					continue
				}
			}
			switch c {
			case '\r':
				p.state = stChunkSizeLF
			case ';':
				p.state = stChunkExt
			case '\n':
				if !p.Lenient {
					return p.fail("HPE_CR_EXPECTED", "Missing expected CR after chunk size", i+1)
				}
				// (lenient llhttp takes it for the CR: an LF may follow)
				p.state = stChunkSizeLF
			case ' ', '\t':
				if !p.Lenient {
					return p.fail("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", i+1)
				}
				p.state = stChunkSizeBlank
			default:
				return p.fail("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", i)
			}
			i++
		case stChunkSizeLF:
			if data[i] == '\n' {
				i++
			} else if !p.Lenient {
				return p.fail("HPE_STRICT", "Expected LF after chunk size", i)
			}
			p.chunkHeader()
		case stChunkExt, stChunkExtName, stChunkExtValue, stChunkExtQuoted, stChunkExtPair, stChunkExtQuoteEnd:
			n, ok := p.chunkExt(data, i)
			if !ok {
				return n
			}
			i = n
		case stChunkDataEnd, stChunkDataLF:
			// CR LF after a chunk's data
			switch c := data[i]; {
			case c == '\r' && p.state == stChunkDataEnd:
				p.state = stChunkDataLF
				i++
				continue
			case c == '\n':
				if p.state == stChunkDataEnd && !p.Lenient {
					return p.fail("HPE_CR_EXPECTED", "Missing expected CR after chunk data", i+1)
				}
				i++
			case !p.Lenient:
				return p.fail("HPE_STRICT", "Expected LF after chunk data", i)
			}
			// (lenient: what follows is the next chunk's size)
			p.state = stChunkSize
		case stTrailers:
			n, ok := p.trailers(data, i)
			if !ok {
				return n
			}
			i = n
		case stChunkData:
			n := len(data) - i
			if int64(n) > p.remain {
				n = int(p.remain)
			}
			if p.OnBody != nil && n > 0 {
				p.OnBody(data[i : i+n])
			}
			i += n
			p.remain -= int64(n)
			if p.remain == 0 {
				p.state = stChunkDataEnd
			}
		}
	}
	return i
}

// Finish tells the parser the stream ended. For a response read until EOF it completes the
// message; mid-message it reports an error.
func (p *Parser) Finish() {
	if p.Err != nil {
		p.Err = nil // already reported
		return
	}
	switch p.state {
	case stHead:
		if len(p.head) > 0 {
			p.fail("HPE_INVALID_EOF_STATE", "Invalid EOF state", 0)
		}
	case stBody:
		if p.untilEOF {
			p.complete()
			return
		}
		p.fail("HPE_INVALID_EOF_STATE", "Invalid EOF state", 0)
	case stClosed, stDead:
	default: // inside a chunked body
		p.fail("HPE_INVALID_EOF_STATE", "Invalid EOF state", 0)
	}
}

func (p *Parser) complete() {
	p.state = stHead
	if p.closeAfter {
		p.state = stClosed
		p.closeAfter = false
	}
	p.chunked = false
	p.untilEOF = false
	p.remain = 0
	if p.OnComplete != nil {
		p.OnComplete()
	}
}

// findHeadEnd returns the index where the head ends and the separator length, or -1.
// headOverflow reports whether h, a message head from its first byte (whole, or as much as has
// come), is over MaxHeaderSize as node's parser counts: the bytes of the URL (a response's status
// text), of each header name and of each value (its leading blanks not, its trailing ones yes),
// the method, version and line ends not. Node fails when the count reaches the bound, where the
// span that reached it ends: past a name's colon or a value's line end, at the URL's space, or at
// the end of what has come when the span is not complete yet. at is that offset into h.
func (p *Parser) headOverflow(h []byte) (at int, over bool) {
	limit := p.MaxHeaderSize
	if limit == 0 {
		return 0, false
	}
	limit = max(limit, 0)
	n := 0
	// span counts h[s:e]; e is where its terminator is (len(h): not come yet), past is how far
	// past the terminator node reports
	span := func(s, e, past int) bool {
		n += e - s
		if n < limit {
			return false
		}
		if e >= len(h) {
			at = len(h)
		} else {
			at = e + past
		}
		return true
	}
	k := 0
	for k < len(h) && h[k] != '\n' {
		k++
	}
	line := h[:k]
	if p.Response {
		// HTTP/1.1 200 OK: the status text follows the code
		sp := bytes.IndexByte(line, ' ')
		if sp >= 0 {
			if sp2 := bytes.IndexByte(line[sp+1:], ' '); sp2 >= 0 {
				s, e := sp+1+sp2+1, len(line)
				if e > s && line[e-1] == '\r' {
					e--
				}
				if s < e && span(s, min(e, len(h)), 1) {
					return at, true
				}
			}
		}
	} else if sp := bytes.IndexByte(line, ' '); sp >= 0 {
		s := sp + 1
		e := s
		for e < len(line) && line[e] != ' ' && line[e] != '\r' {
			e++
		}
		if e == len(line) && k == len(h) {
			e = len(h) // the URL goes on past what has come
		}
		if e > s && span(s, e, 0) {
			return at, true
		}
	}
	for k < len(h) {
		k++ // past the LF
		ls := k
		for k < len(h) && h[k] != '\n' {
			k++
		}
		le := k
		if le > ls && h[le-1] == '\r' {
			le--
		}
		if le == ls {
			if k < len(h) {
				break // the empty line: the head's end
			}
			continue
		}
		complete := k < len(h)
		colon := bytes.IndexByte(h[ls:le], ':')
		if colon < 0 {
			if !complete && span(ls, len(h), 1) {
				return at, true // a name still coming
			}
			continue
		}
		if span(ls, ls+colon, 1) {
			return at, true
		}
		vs := ls + colon + 1
		for vs < le && (h[vs] == ' ' || h[vs] == '\t') {
			vs++
		}
		ve := le
		if !complete {
			ve = len(h)
		}
		if ve > vs && span(vs, ve, 1) {
			return at, true
		}
	}
	return 0, false
}

func (p *Parser) findHeadEnd() (int, int) {
	from := p.scanFrom
	if from > 3 {
		from -= 3
	} else {
		from = 0
	}
	end, sep := headEnd(p.head, from)
	if end < 0 {
		p.scanFrom = len(p.head)
	}
	return end, sep
}

// headEnd returns the index where the head in b ends (looking from from) and the separator
// length, or -1.
func headEnd(b []byte, from int) (int, int) {
	for k := from; k < len(b); k++ {
		if b[k] != '\n' {
			continue
		}
		if k+1 < len(b) && b[k+1] == '\n' {
			return k + 1, 1
		}
		if k+2 < len(b) && b[k+1] == '\r' && b[k+2] == '\n' {
			return k + 1, 2
		}
	}
	return -1, 0
}

// headStartErr rejects an unfinished head whose start no message can have: a request whose
// method llhttp does not know (a TLS ClientHello sent to an http server), a response that does
// not begin with a protocol name. llhttp fails at the first such byte; without this the parser
// waits for a line end that may never come, and the peer waits for an answer. It returns the
// error and the index in p.head of the byte that fails.
func (p *Parser) headStartErr() (*ParseError, int) {
	b := p.head
	if p.Response {
		bad := 0
		for _, proto := range [...]string{"HTTP/", "RTSP/", "ICE/"} {
			k := matchLen(b, proto)
			if k == min(len(b), len(proto)) {
				if err := p.headLinesErr(); err != nil {
					return err, err.Bytes
				}
				return nil, 0
			}
			bad = max(bad, k)
		}
		return perr("HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/"), bad
	}
	if err, bad := requestStartErr(b); err != nil {
		return err, bad
	}
	if err := p.headLinesErr(); err != nil {
		return err, err.Bytes
	}
	// a CR in the request line that no LF follows fails there, as llhttp's version check
	if r := bytes.IndexByte(b, '\r'); r >= 0 && r+1 < len(b) && b[r+1] != '\n' && bytes.IndexByte(b[:r], '\n') < 0 {
		if v := bytes.LastIndexByte(b[:r], ' '); v >= 0 && bytes.HasPrefix(b[v+1:r], []byte("HTTP/")) {
			if err := requestVersionErr(b[v+1:r+2], v+1); err != nil {
				return err, err.Bytes
			}
		}
	}
	return nil, 0
}

// requestStartErr is headStartErr for a request: b must start with a method llhttp knows and a
// space, or be a beginning of that.
func requestStartErr(b []byte) (*ParseError, int) {
	const maxMethod = 16 // the longest in Methods
	b = b[:min(len(b), maxMethod+1)]
	sp := bytes.IndexByte(b, ' ')
	if sp >= 0 {
		if _, ok := methods.Get()[string(b[:sp])]; ok {
			return nil, 0
		}
		b = b[:sp+1]
	}
	bad := 0
	for _, list := range [...][]string{Methods, rtspMethods} {
		for _, m := range list {
			k := matchLen(b, m+" ")
			if k == len(b) {
				return nil, 0
			}
			bad = max(bad, k)
		}
	}
	return methodErr(b[:bad]), bad
}

// rtspMethods are the methods llhttp parses beside http's (an http request cannot use them).
var rtspMethods = []string{"ANNOUNCE", "DESCRIBE", "FLUSH", "GET_PARAMETER", "PAUSE", "PLAY", "RECORD",
	"REDIRECT", "SETUP", "SET_PARAMETER", "TEARDOWN"}

// methodErr is llhttp's error for a request line whose method, read up to the byte that
// fails, is ok: after a whole method the byte should have been a space.
func methodErr(ok []byte) *ParseError {
	if _, whole := methods.Get()[string(ok)]; whole || slices.Contains(rtspMethods, string(ok)) {
		return perr("HPE_INVALID_METHOD", "Expected space after method")
	}
	return perr("HPE_INVALID_METHOD", "Invalid method encountered")
}

// matchLen is the length of the common prefix of b and s.
func matchLen(b []byte, s string) int {
	k := 0
	for k < len(b) && k < len(s) && b[k] == s[k] {
		k++
	}
	return k
}

// idleHeadCap bounds the head buffer a parser keeps between messages.
const idleHeadCap = 4096

// maxReusedHead bounds the head whose strings a parser keeps for the next one (see parseHead).
const maxReusedHead = 2048

// methods maps each method the parser accepts to itself, so that a parsed method is one shared
// string rather than a fresh one.
var methods = modules.Lazy[map[string]string]{Build: func() map[string]string {
	m := make(map[string]string, len(Methods))
	for _, name := range Methods {
		m[name] = name
	}
	return m
}}

// Methods is http.METHODS, as Node 20 lists them (sorted; each name is ASCII and at most 16
// bytes long, which methodValues relies on).
var Methods = []string{
	"ACL", "BIND", "CHECKOUT", "CONNECT", "COPY", "DELETE", "GET", "HEAD", "LINK", "LOCK",
	"M-SEARCH", "MERGE", "MKACTIVITY", "MKCALENDAR", "MKCOL", "MOVE", "NOTIFY", "OPTIONS",
	"PATCH", "POST", "PROPFIND", "PROPPATCH", "PURGE", "PUT", "QUERY", "REBIND", "REPORT", "SEARCH",
	"SOURCE", "SUBSCRIBE", "TRACE", "UNBIND", "UNLINK", "UNLOCK", "UNSUBSCRIBE",
}

// maxChunkExtensions bounds the extension bytes of one chunk-size line, as node's parser
// (16 KiB of extension names and values); past it the message fails with
// HPE_CHUNK_EXTENSIONS_OVERFLOW, which a server answers with 413.
const maxChunkExtensions = 16 * 1024

// chunkExtLen counts the extension bytes of a chunk-size line (or the part of one received so
// far): those after its first ';', less the ';' and '=' separators.
func chunkExtLen(line []byte) int {
	k := bytes.IndexByte(line, ';')
	if k < 0 {
		return 0
	}
	ext := line[k:]
	return len(ext) - bytes.Count(ext, []byte{';'}) - bytes.Count(ext, []byte{'='})
}

// nextLine returns b's first line without its line end, and whether that ended with CR LF (a
// head's last line, which has no LF in b, counts as one).
func nextLine(b []byte) (line, rest []byte, crlf bool) {
	j := bytes.IndexByte(b, '\n')
	if j < 0 {
		return b, nil, true
	}
	line, rest = b[:j], b[j+1:]
	if len(line) > 0 && line[len(line)-1] == '\r' {
		line = line[:len(line)-1]
		crlf = true
	}
	return
}

func perr(code, reason string) *ParseError { return &ParseError{Code: code, Reason: reason} }

// firstNonToken returns the index of b's first byte that is no token character, or -1.
func firstNonToken(b []byte) int {
	for i, c := range b {
		if !tokenChars[c] {
			return i
		}
	}
	return -1
}

// perrAt is perr for an error found at byte at of the head.
// atHeadEnd, as an error's place, stands for the end of the head (its empty line included),
// which Execute knows.
const atHeadEnd = -1

func perrAt(code, reason string, at int) *ParseError {
	e := perr(code, reason)
	e.Bytes = at
	return e
}

// latin1String is latin1 for text held in a Go string.
func latin1String(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return latin1([]byte(s))
		}
	}
	return s
}

// latin1 is b as node's parser gives a head's text to JS: each byte one character, so a byte
// of 0x80 or more is that code point (UTF-8 text arrives as its bytes, 'é' as 'Ã©').
func latin1(b []byte) string {
	for i, c := range b {
		if c >= 0x80 {
			out := make([]byte, i, len(b)+len(b)-i)
			copy(out, b[:i])
			for _, c := range b[i:] {
				if c < 0x80 {
					out = append(out, c)
				} else {
					out = append(out, 0xc0|c>>6, 0x80|c&0x3f)
				}
			}
			return string(out)
		}
	}
	return string(b)
}

// The states of llhttp's URL parsing, for requestURL.
const (
	urlStart = iota
	urlSchema
	urlSchemaDelim // after the schema's ':'
	urlSchemaSlash // after its first '/'
	urlServer
	urlPath
	urlQuery
	urlFragment
)

// urlCharErrors are llhttp's messages for a byte a URL state does not take.
var urlCharErrors = [...]string{
	urlStart:       "Unexpected start char in url",
	urlSchema:      "Unexpected char in url schema",
	urlSchemaDelim: "Unexpected char in url schema",
	urlSchemaSlash: "Unexpected char in url schema",
	urlServer:      "Unexpected char in url server",
	urlPath:        "Invalid char in url path",
	urlQuery:       "Invalid char in url query",
	urlFragment:    "Invalid char in url fragment start",
}

// requestURL reads a request line's URL, from line[from:] (after the method's space), as
// llhttp's strict parser does: spaces before it are skipped, it ends at the first space, and
// each of its bytes is checked against its part (schema, server, path, query or fragment),
// with llhttp's messages and places (an error's Bytes counts from the line's start); a
// CONNECT's URL starts as a server (authority form, host:port). It returns the URL and the
// version after it (spaces before that skipped).
func requestURL(line []byte, from int, connect bool) (u, version []byte, err *ParseError) {
	i := from
	for i < len(line) && line[i] == ' ' {
		i++
	}
	start := i
	state := urlStart
	if connect {
		state = urlServer
	}
	fail := func(reason string, at int) ([]byte, []byte, *ParseError) {
		e := perr("HPE_INVALID_URL", reason)
		e.Bytes = at
		return nil, nil, e
	}
	for ; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ':
			switch state {
			case urlSchema, urlSchemaDelim:
				return fail("Invalid characters in url", i+1)
			case urlSchemaSlash:
				return fail(urlCharErrors[state], i)
			}
			u = line[start:i]
			for i < len(line) && line[i] == ' ' {
				i++
			}
			return u, line[i:], nil
		case c == '\t' || c == '\f':
			return fail("Invalid characters in url", i+1)
		}
		ok := true
		switch state {
		case urlStart:
			switch {
			case c == '/' || c == '*':
				state = urlPath
			case isAlpha(c):
				state = urlSchema
			default:
				ok = false
			}
		case urlSchema:
			if c == ':' {
				state = urlSchemaDelim
			} else {
				ok = isAlpha(c)
			}
		case urlSchemaDelim, urlSchemaSlash:
			ok = c == '/'
			state++
		case urlServer:
			switch {
			case c == '/':
				state = urlPath
			case c == '?':
				state = urlQuery
			default:
				ok = isAlpha(c) || c >= '0' && c <= '9' || strings.IndexByte("-._~!$&'()*+,;=:[]%@", c) >= 0
			}
		default: // path, query, fragment: any visible ASCII
			ok = c > ' ' && c < 0x7f
			if c == '?' && state == urlPath {
				state = urlQuery
			} else if c == '#' && state != urlFragment {
				state = urlFragment
			}
		}
		if !ok {
			return fail(urlCharErrors[state], i)
		}
	}
	// a line that ends in its URL is an HTTP/0.9 request (no version; its headers follow as
	// llhttp reads them), unless the URL stopped inside its scheme or is empty
	switch state {
	case urlStart, urlSchema, urlSchemaDelim, urlSchemaSlash:
		return fail("Invalid characters in url", len(line)+1)
	}
	return line[start:], nil, nil
}

// isHTTP09Line reports whether a request line is a method and a URL with no version after it.
func isHTTP09Line(line []byte) bool {
	sp := bytes.IndexByte(line, ' ')
	if sp < 0 {
		return false
	}
	u := bytes.TrimLeft(line[sp:], " ")
	return len(u) > 0 && bytes.IndexByte(u, ' ') < 0
}

func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func parseVersion(v []byte) (int, int, bool) {
	if len(v) != 8 || string(v[:5]) != "HTTP/" || v[6] != '.' || v[5] < '0' || v[5] > '9' || v[7] < '0' || v[7] > '9' {
		return 0, 0, false
	}
	return int(v[5] - '0'), int(v[7] - '0'), true
}

// requestVersionErr is llhttp's error for the version of a request line (or, cut after the
// minor digit, of a response line) that starts with
// "HTTP/" (ver, at v0 in the head; it may go on past the version), or nil: a digit, a dot, a
// digit, then CR and LF, each checked where llhttp checks it.
func requestVersionErr(ver []byte, v0 int) *ParseError {
	digit := func(k int) bool { return k < len(ver) && ver[k] >= '0' && ver[k] <= '9' }
	switch {
	case !digit(5):
		return perrAt("HPE_INVALID_VERSION", "Invalid major version", v0+5)
	case len(ver) <= 6 || ver[6] != '.':
		return perrAt("HPE_INVALID_VERSION", "Expected dot", v0+6)
	case !digit(7):
		return perrAt("HPE_INVALID_VERSION", "Invalid minor version", v0+7)
	case len(ver) > 8 && ver[8] == '\r':
		return perrAt("HPE_STRICT", "Expected CRLF after version", v0+9)
	case len(ver) > 8 && ver[8] != '\r':
		return perrAt("HPE_INVALID_VERSION", "Expected CRLF after version", v0+8)
	}
	return nil
}

// knownVersion reports whether llhttp (Node's parser) takes a message of this HTTP version:
// 0.9, 1.0, 1.1 and 2.0, in requests and responses alike; others are HPE_INVALID_VERSION.
func knownVersion(major, minor int) bool {
	return major == 1 && minor <= 1 || major == 0 && minor == 9 || major == 2 && minor == 0
}

func (p *Parser) parseHead(b []byte) (*Head, *ParseError) {
	var h *Head
	if p.HeadBuf != nil {
		h = p.HeadBuf
		*h = Head{ContentLength: -1}
	} else {
		h = &Head{ContentLength: -1}
	}
	line, rest, crlf := nextLine(b)
	// (an HTTP/0.9 request line, method and URL alone, may end with a bare LF)
	if !crlf && !p.Lenient && !(!p.Response && isHTTP09Line(line)) {
		if p.Response {
			return nil, perrAt("HPE_CR_EXPECTED", "Missing expected CR after response line", len(line)+1)
		}
		// (llhttp's error position is past the LF)
		return nil, perrAt("HPE_INVALID_VERSION", "Expected CRLF after version", len(line)+1)
	}
	if p.Response {
		if err := p.statusLine(h, line); err != nil {
			return nil, err
		}
	} else {
		sp := bytes.IndexByte(line, ' ')
		m, ok := "", false
		if sp > 0 {
			m, ok = methods.Get()[string(line[:sp])]
		}
		if !ok {
			// (an error's Bytes here counts from the head's start; Execute adds where that is)
			if err, bad := requestStartErr(b); err != nil {
				err.Bytes = bad
				return nil, err
			}
			// An RTSP method: llhttp knows it, and fails on the HTTP version that follows.
			err := perr("HPE_INVALID_CONSTANT", "Invalid method for HTTP/x.x request")
			if v := bytes.LastIndexByte(line, ' '); v > sp {
				err.Bytes = v + 1 + min(len(line)-v-1, 4)
			}
			return nil, err
		}
		h.Method = m
		u, ver, uerr := requestURL(line, sp+1, m == "CONNECT")
		if uerr != nil {
			return nil, uerr
		}
		if string(u) == p.prevURL {
			h.URL = p.prevURL
		} else {
			h.URL = string(u)
			p.prevURL = ""
			if len(u) <= maxReusedHead/8 {
				p.prevURL = h.URL
			}
		}
		var verr *ParseError
		if h.Major, h.Minor, verr = p.requestVersion(line, ver); verr != nil {
			return nil, verr
		}
	}
	connClose, connKeep, connUpgrade := false, false, false
	hasTE := false
	teLast := false    // whether Transfer-Encoding came after the last Content-Length
	clAt, teAt := 0, 0 // where llhttp reports a clash of the two (after the colon)
	firstHeaderAt := len(b) - len(rest)
	// A keep-alive connection usually repeats its header lines request after request: the
	// strings of the previous head are reused where the bytes are the same (and the JS side
	// keeps their JS strings), and the list starts with the previous one's length.
	prev := p.prevRaw
	if len(prev) > 0 {
		if p.HeadBuf != nil && cap(p.spareRaw) >= len(prev) {
			h.Raw = p.spareRaw[:0]
		} else {
			h.Raw = make([]string, 0, len(prev))
		}
		p.spareRaw = nil
	}
	for len(rest) > 0 {
		at := len(b) - len(rest) // where the line starts (errors count their places from the head's start)
		line, rest, crlf = nextLine(rest)
		if len(line) == 0 {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			if err := p.foldErr(at, at == firstHeaderAt); err != nil {
				return nil, err
			}
			if at != firstHeaderAt {
				// an obs-fold line continues the last header's value (llhttp's lenient headers)
				h.Raw[len(h.Raw)-1] += latin1(bytes.TrimRight(line, " \t"))
				continue
			}
			// (lenient llhttp skips blanks before the first header's name)
			name := bytes.TrimLeft(line, " \t")
			at += len(line) - len(name)
			line = name
		}
		name, val, c, vstart, err := p.headerLine(line, at, crlf)
		if err != nil {
			return nil, err
		}
		var ns, vs string
		if k := len(h.Raw); k+1 < len(prev) && string(name) == prev[k] {
			ns = prev[k]
			if string(val) == prev[k+1] {
				vs = prev[k+1]
			} else {
				vs = latin1(val)
			}
		} else {
			ns, vs = string(name), latin1(val)
		}
		h.Raw = append(h.Raw, ns, vs)
		switch len(ns) {
		case 10: // connection
			if eqFold(ns, "connection") {
				for _, tok := range bytes.Split(val, []byte{','}) {
					t := bytes.TrimSpace(tok)
					switch {
					case eqFold(string(t), "close"):
						connClose = true
					case eqFold(string(t), "keep-alive"):
						connKeep = true
					case eqFold(string(t), "upgrade"):
						connUpgrade = true
					}
				}
			}
		case 14: // content-length
			if eqFold(ns, "content-length") {
				teLast = false
				clAt = at + c + 1
				if h.ContentLength >= 0 {
					return nil, perrAt("HPE_UNEXPECTED_CONTENT_LENGTH", "Duplicate Content-Length", at+vstart)
				}
				if len(val) == 0 {
					// (llhttp finds it at the line's end)
					end := at + len(line) + 1
					if crlf {
						end++
					}
					return nil, perrAt("HPE_INVALID_CONTENT_LENGTH", "Empty Content-Length", end)
				}
				n, err := contentLength(val, at+vstart)
				if err != nil {
					return nil, err
				}
				h.ContentLength = int64(min(n, math.MaxInt64))
			}
		case 17: // transfer-encoding
			if eqFold(ns, "transfer-encoding") {
				if len(val) == 0 {
					// llhttp flags the header when its value starts: an empty one is no
					// Transfer-Encoding (no chunked body; the bytes after the head are the
					// next message), though one after a Content-Length still fails
					if h.ContentLength >= 0 {
						return nil, perr("HPE_INVALID_TRANSFER_ENCODING", "Transfer-Encoding can't be present with Content-Length")
					}
					break
				}
				toks := bytes.Split(val, []byte{','})
				if !p.Response && !p.Lenient {
					// a request's coding after chunked, in this header or a later one
					// (llhttp fails past the comma that follows chunked, or in a later header
					// past its value's first byte)
					fail := 1 // where in val
					for i, tok := range toks {
						if (i > 0 || hasTE) && h.Chunked {
							return nil, perrAt("HPE_INVALID_TRANSFER_ENCODING", "Invalid `Transfer-Encoding` header value", at+vstart+fail)
						}
						if i == 0 {
							fail = 0
						}
						fail += len(tok) + 1
						h.Chunked = eqFold(string(bytes.TrimSpace(tok)), "chunked")
					}
				}
				hasTE, teLast = true, true
				teAt = at + c + 1
				last := string(bytes.TrimSpace(toks[len(toks)-1]))
				h.Chunked = eqFold(last, "chunked")
			}
		case 7:
			if eqFold(ns, "upgrade") {
				h.Upgrade = true
			}
		}
	}
	if hasTE && h.ContentLength >= 0 && !p.Lenient {
		// llhttp fails at the second of the two headers (its lenient mode takes both: the
		// Transfer-Encoding decides).
		// (its position: after the colon of that second header's name)
		if teLast {
			return nil, perrAt("HPE_INVALID_TRANSFER_ENCODING", "Transfer-Encoding can't be present with Content-Length", teAt)
		}
		return nil, perrAt("HPE_INVALID_CONTENT_LENGTH", "Content-Length can't be present with Transfer-Encoding", clAt)
	}
	if hasTE && !h.Chunked && !p.Response {
		// (llhttp decides at the end of the head)
		if !p.Lenient {
			// (after the head's callback, as llhttp's after_headers_complete: the request is
			// seen, then the parse fails)
			h.badTE = true
		} else {
			h.bodyToEOF = true
		}
	}
	h.Upgrade = h.Upgrade && connUpgrade
	if !p.Response && h.Method == "CONNECT" {
		h.Upgrade = true
	}
	if h.Major == 1 && h.Minor >= 1 {
		h.KeepAlive = !connClose
	} else {
		h.KeepAlive = connKeep
	}
	// (As llhttp, which decides before node's client tells it to skip a HEAD response's body: a
	// HEAD response without a length does not keep the connection.)
	if p.Response && h.KeepAlive && !h.Chunked && h.ContentLength < 0 &&
		!(h.Status == 204 || h.Status == 304 || h.Status < 200) {
		h.KeepAlive = false
	}
	// (Kept only for a small head, so that an idle connection does not hold a big one.)
	if p.rawOwned && p.HeadBuf != nil {
		p.spareRaw = p.prevRaw
		clear(p.spareRaw[:cap(p.spareRaw)])
	}
	if len(b) <= maxReusedHead {
		p.prevRaw, p.rawOwned = h.Raw, p.HeadBuf != nil
	} else {
		p.prevRaw, p.rawOwned = nil, false
	}
	return h, nil
}

func eqFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		c := a[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != b[i] {
			return false
		}
	}
	return true
}

// unhex is the value of the hex digit c, or -1.
func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c|0x20 >= 'a' && c|0x20 <= 'f':
		return int(c|0x20-'a') + 10
	}
	return -1
}

// chunkHeader ends a chunk-size line: its data follows, or the trailers after the last one.
func (p *Parser) chunkHeader() {
	if p.chunkSize == 0 {
		p.state = stTrailers
		p.head = p.head[:0]
		p.trailerLen = 0
		return
	}
	p.remain = int64(min(p.chunkSize, math.MaxInt64))
	p.state = stChunkData
}

// chunkExt reads a chunk-size line's extensions from data[i:] as llhttp does: ;name[=value]
// where a name is a token and a value a token or a quoted string. It returns where it stopped
// and false when it failed (the returned index is then fail's).
func (p *Parser) chunkExt(data []byte, i int) (int, bool) {
	for ; i < len(data); i++ {
		c := data[i]
		switch p.state {
		case stChunkExt:
			// (right after a ';': a blank or the line's end fails, anything else is the name's)
			if c == ' ' || c == '\r' {
				return p.fail("HPE_STRICT", "Invalid character in chunk extensions", i+1), false
			}
			p.state = stChunkExtName
			i--
			continue
		case stChunkExtName, stChunkExtValue:
			if tokenChars[c] {
				break
			}
			what := "name"
			if p.state == stChunkExtValue {
				what = "value"
			}
			switch c {
			case '=':
				if p.state == stChunkExtValue {
					return p.fail("HPE_STRICT", "Invalid character in chunk extensions value", i+1), false
				}
				p.state = stChunkExtValue
				continue
			case '"':
				if p.state == stChunkExtName {
					return p.fail("HPE_STRICT", "Invalid character in chunk extensions name", i+1), false
				}
				p.state = stChunkExtQuoted
			case ';', '\r', '\n':
				return p.chunkExtEnd(c, i, what)
			default:
				return p.fail("HPE_STRICT", "Invalid character in chunk extensions "+what, i+1), false
			}
		case stChunkExtQuoted:
			switch {
			case c == '"':
				p.state = stChunkExtQuoteEnd
			case c == '\\':
				p.state = stChunkExtPair
			case c != '\t' && (c < ' ' || c == 0x7f):
				return p.fail("HPE_STRICT", "Invalid character in chunk extensions quoted value", i+1), false
			}
		case stChunkExtPair:
			if c != '\t' && (c < ' ' || c == 0x7f) {
				return p.fail("HPE_STRICT", "Invalid quoted-pair in chunk extensions quoted value", i+1), false
			}
			p.state = stChunkExtQuoted
		case stChunkExtQuoteEnd:
			if c == ';' || c == '\r' || c == '\n' {
				return p.chunkExtEnd(c, i, "value")
			}
			return p.fail("HPE_STRICT", "Invalid character in chunk extensions quote value", i), false
		}
		// a byte of a name or a value: node bounds their sum per chunk
		if p.extLen++; p.extLen > maxChunkExtensions {
			return p.fail("HPE_CHUNK_EXTENSIONS_OVERFLOW", "Chunk extensions overflow", i), false
		}
	}
	return i, true
}

// chunkExtEnd is chunkExt at the ';' or the line end c (at i) after an extension's name or
// value (what).
func (p *Parser) chunkExtEnd(c byte, i int, what string) (int, bool) {
	switch c {
	case ';':
		p.state = stChunkExt
	case '\r':
		p.state = stChunkSizeLF
	default: // '\n'
		if !p.Lenient {
			return p.fail("HPE_CR_EXPECTED", "Missing expected CR after chunk extension "+what, i), false
		}
		p.chunkHeader()
	}
	return i + 1, true
}

// trailers reads a chunked message's trailer lines from data[i:] up to the empty line that
// ends the message, with the checks of a head's header lines. It returns where it stopped and
// false when it failed (the returned index is then fail's).
func (p *Parser) trailers(data []byte, i int) (int, bool) {
	for i < len(data) && p.state == stTrailers {
		if c := data[i]; len(p.head) == 0 && (c == '\r' || c == '\n') || len(p.head) == 1 && p.head[0] == '\r' {
			// the empty line that ends the message: CR LF (lenient: either alone)
			cr := len(p.head) == 1
			if !cr && c == '\r' {
				cr = true
				if i++; i == len(data) {
					p.head = append(p.head, '\r')
					return i, true
				}
			}
			switch {
			case data[i] == '\n':
				if !cr && !p.Lenient {
					return p.fail("HPE_INVALID_HEADER_TOKEN", "Invalid header field char", i+1), false
				}
				i++
			case !p.Lenient:
				return p.fail("HPE_STRICT", "Expected LF after headers", i), false
			}
			p.head = p.head[:0]
			p.complete()
			p.Trailers = nil
			return i, true
		}
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			p.head = append(p.head, data[i:]...)
			if limit := p.MaxHeaderSize; limit != 0 && p.trailerLen+len(p.head) >= max(limit, 0) {
				p.head = p.head[:0]
				return p.fail("HPE_HEADER_OVERFLOW", "Header overflow", len(data)), false
			}
			return len(data), true
		}
		start := len(p.head) // where data[i] is in the line
		line, _, crlf := nextLine(append(p.head, data[i:i+j+1]...))
		p.head = p.head[:0]
		at := i - start // where the line starts (before data[i] when part of it came earlier)
		i += j + 1
		fail := func(e *ParseError) (int, bool) {
			return p.fail(e.Code, e.Reason, max(e.Bytes, i-j-1)), false
		}
		if line[0] == ' ' || line[0] == '\t' {
			if len(p.Trailers) == 0 {
				return fail(perrAt("HPE_INVALID_HEADER_TOKEN", "Invalid header token", at))
			}
			if !p.Lenient {
				return fail(perrAt("HPE_INVALID_HEADER_TOKEN", "Unexpected whitespace after header value", at))
			}
			// an obs-fold line continues the last value
			p.Trailers[len(p.Trailers)-1] += latin1(bytes.TrimRight(line, " \t"))
			continue
		}
		name, val, c, vstart, err := p.headerLine(line, at, crlf)
		if err != nil {
			return fail(err)
		}
		if limit := p.MaxHeaderSize; limit != 0 {
			// (as headOverflow counts a head's lines)
			limit = max(limit, 0)
			if p.trailerLen += len(name); p.trailerLen >= limit {
				return p.fail("HPE_HEADER_OVERFLOW", "Header overflow", at+c+1), false
			}
			if p.trailerLen += len(line) - vstart; p.trailerLen >= limit && len(line) > vstart {
				return p.fail("HPE_HEADER_OVERFLOW", "Header overflow", at+len(line)+1), false
			}
		}
		p.Trailers = append(p.Trailers, string(name), latin1(val))
	}
	return i, true
}

// headerLine checks one header line of a head or of a chunked message's trailers as llhttp
// does (line: without its line end; crlf: that end was CR LF; at: where the line starts, for the
// places of errors) and splits it into its name and its value, the blanks around that trimmed.
// c and vstart are where the colon and the value start in line.
func (p *Parser) headerLine(line []byte, at int, crlf bool) (name, val []byte, c, vstart int, err *ParseError) {
	c = bytes.IndexByte(line, ':')
	name = line[:max(c, 0)]
	if c <= 0 {
		j := firstNonToken(line)
		if j < 0 {
			j = len(line)
		}
		return nil, nil, 0, 0, perrAt("HPE_INVALID_HEADER_TOKEN", "Invalid header token", at+j)
	}
	if j := firstNonToken(name); j >= 0 {
		return nil, nil, 0, 0, perrAt("HPE_INVALID_HEADER_TOKEN", "Invalid header token", at+j)
	}
	vstart = c + 1
	for vstart < len(line) && (line[vstart] == ' ' || line[vstart] == '\t') {
		vstart++
	}
	val = bytes.TrimRight(line[vstart:], " \t")
	for k, ch := range val {
		if (ch < ' ' && ch != '\t') || ch == 0x7f {
			if ch == '\r' { // (a CR not followed by LF)
				return nil, nil, 0, 0, perrAt("HPE_LF_EXPECTED", "Missing expected LF after header value", at+vstart+k+1)
			}
			if p.Lenient {
				continue
			}
			return nil, nil, 0, 0, perrAt("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", at+vstart+k)
		}
	}
	if !crlf && !p.Lenient {
		if len(val) == 0 {
			return nil, nil, 0, 0, perrAt("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", at+len(line)+1)
		}
		return nil, nil, 0, 0, perrAt("HPE_CR_EXPECTED", "Missing expected CR after header value", at+len(line))
	}
	return name, val, c, vstart, nil
}

// foldErr is the error of a header line that starts with a blank (at: where the line starts;
// first: no header line came before it), or nil when lenient llhttp takes it for the
// continuation of the previous value (obs-fold), or skips the blanks of a first one.
func (p *Parser) foldErr(at int, first bool) *ParseError {
	switch {
	case p.Lenient:
		return nil
	case first:
		// right after the start line llhttp has no header value to continue
		return perrAt("HPE_UNEXPECTED_SPACE", "Unexpected space after start line", at+1)
	}
	return perrAt("HPE_INVALID_HEADER_TOKEN", "Unexpected whitespace after header value", at)
}

// headLinesErr checks an unfinished head as far as it has come, as llhttp checks each byte when
// it arrives: the start line once it is whole (a request's URL also before), each whole header
// line, and in the line still coming a header name's bytes, a value's and a CR that no LF
// follows. Without it a bad head that never ends would wait for the headers timeout (a
// response's for the socket's end). p.linesOK is how far the whole lines were found good; an
// error's Bytes is its place in p.head.
func (p *Parser) headLinesErr() *ParseError {
	b := p.head
	for {
		from := p.linesOK
		j := bytes.IndexByte(b[from:], '\n')
		if j < 0 {
			break
		}
		line, _, crlf := nextLine(b[from : from+j+1])
		var err *ParseError
		switch {
		case from > 0:
			err = p.headLineErr(line, from, crlf)
		case !p.Response:
			err = p.requestLineErr(line, crlf)
		case !crlf && !p.Lenient:
			err = perrAt("HPE_CR_EXPECTED", "Missing expected CR after response line", len(line)+1)
		default:
			var h Head
			err = p.statusLine(&h, line)
		}
		if err != nil {
			return err
		}
		p.linesOK = from + j + 1
	}
	from := p.linesOK
	line := b[from:]
	if from == 0 {
		if p.Response {
			return nil
		}
		// the request line still coming: its URL
		line = bytes.TrimSuffix(line, []byte{'\r'})
		// (requestURL fails past the line's end when that is inside a scheme: more may come)
		if sp := bytes.IndexByte(line, ' '); sp > 0 {
			if _, _, err := requestURL(line, sp+1, string(line[:sp]) == "CONNECT"); err != nil && err.Bytes <= len(line) {
				return err
			}
		}
		return nil
	}
	if r := bytes.IndexByte(line, '\r'); r >= 0 && r+1 < len(line) {
		// a CR that no LF follows: the line is checked up to the byte after it
		if r == 0 {
			if p.Lenient {
				return nil
			}
			return perrAt("HPE_STRICT", "Expected LF after headers", from+1)
		}
		return p.headLineErr(line[:r+2], from, true)
	}
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if len(line) == 0 {
		return nil
	}
	if bytes.IndexByte(line, ':') < 0 && line[0] != ' ' && line[0] != '\t' {
		// a name still coming
		if k := firstNonToken(line); k >= 0 {
			return perrAt("HPE_INVALID_HEADER_TOKEN", "Invalid header token", from+k)
		}
		return nil
	}
	return p.headLineErr(line, from, true)
}

// headLineErr checks a header line of an unfinished head (see headLinesErr).
func (p *Parser) headLineErr(line []byte, at int, crlf bool) *ParseError {
	if line[0] == ' ' || line[0] == '\t' {
		return p.foldErr(at, bytes.IndexByte(p.head[:at-1], '\n') < 0)
	}
	name, val, _, vstart, err := p.headerLine(line, at, crlf)
	if err == nil && eqFold(string(name), "content-length") {
		// (its digits are checked as they come; parseHead checks the rest)
		_, err = contentLength(val, at+vstart)
	}
	return err
}

// requestVersion reads the version ver at the end of a request line (nil: HTTP/0.9) as llhttp
// checks it.
func (p *Parser) requestVersion(line, ver []byte) (major, minor int, err *ParseError) {
	if bytes.HasPrefix(ver, []byte("HTTP/")) {
		if err := requestVersionErr(ver, len(line)-len(ver)); err != nil {
			return 0, 0, err
		}
	}
	if ver == nil {
		return 0, 9, nil
	}
	major, minor, ok := parseVersion(ver)
	if !ok {
		return 0, 0, perrAt("HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/", len(line)-len(ver))
	}
	if !knownVersion(major, minor) && !p.Lenient {
		return 0, 0, perrAt("HPE_INVALID_VERSION", "Invalid HTTP version", len(line)-len(ver)+8) // (after it)
	}
	return major, minor, nil
}

// requestLineErr checks the request line of an unfinished head (see headLinesErr).
func (p *Parser) requestLineErr(line []byte, crlf bool) *ParseError {
	if !crlf && !p.Lenient && !isHTTP09Line(line) {
		return perrAt("HPE_INVALID_VERSION", "Expected CRLF after version", len(line)+1)
	}
	sp := bytes.IndexByte(line, ' ')
	if sp <= 0 {
		return nil
	}
	_, ver, err := requestURL(line, sp+1, string(line[:sp]) == "CONNECT")
	if err == nil {
		_, _, err = p.requestVersion(line, ver)
	}
	return err
}

// statusLine reads a response's status line (without its line end) into h as llhttp checks it.
func (p *Parser) statusLine(h *Head, line []byte) *ParseError {
	sp := bytes.IndexByte(line, ' ')
	if sp < 0 {
		return perr("HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/")
	}
	if bytes.HasPrefix(line, []byte("HTTP/")) {
		if err := requestVersionErr(line[:min(sp, 8)], 0); err != nil {
			return err
		}
	}
	var ok bool
	if h.Major, h.Minor, ok = parseVersion(line[:sp]); !ok {
		return perr("HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/")
	}
	if !knownVersion(h.Major, h.Minor) && !p.Lenient {
		return perrAt("HPE_INVALID_VERSION", "Invalid HTTP version", sp) // (after it)
	}
	r := line[sp+1:]
	// (as llhttp: three digits; a fourth is 'Invalid response status', fewer end too soon)
	digits := 0
	for digits < len(r) && r[digits] >= '0' && r[digits] <= '9' {
		digits++
	}
	if digits > 3 {
		return perrAt("HPE_INVALID_STATUS", "Invalid response status", sp+1+3)
	}
	if digits < 3 {
		return perrAt("HPE_INVALID_STATUS", "Invalid status code", sp+1+digits)
	}
	st, err := strconv.Atoi(string(r[:3]))
	if err != nil || st < 100 {
		return perr("HPE_INVALID_STATUS", "Invalid status code")
	}
	h.Status = st
	if len(r) > 3 {
		if r[3] != ' ' {
			return perr("HPE_INVALID_STATUS", "Invalid status code")
		}
		h.StatusMessage = latin1(r[4:])
	}
	return nil
}

// contentLength reads a Content-Length value (not empty; at: where it starts, for the places of
// errors) as llhttp's uint64: it overflows past the digit that exceeds 2**64-1.
func contentLength(val []byte, at int) (uint64, *ParseError) {
	var n uint64
	for k, ch := range val {
		if ch < '0' || ch > '9' {
			// (spaces after the digits may only end the line: llhttp fails past them)
			for k < len(val) && val[k] == ' ' {
				k++
			}
			return 0, perrAt("HPE_INVALID_CONTENT_LENGTH", "Invalid character in Content-Length", at+k)
		}
		d := uint64(ch - '0')
		if n > (math.MaxUint64-d)/10 {
			return 0, perrAt("HPE_INVALID_CONTENT_LENGTH", "Content-Length overflow", at+k+1)
		}
		n = n*10 + d
	}
	return n, nil
}
