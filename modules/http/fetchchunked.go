package http

import (
	"bufio"
	"errors"
	"io"
)

// fetchParserError is a response's framing error as undici's parser (llhttp, built loose, with
// no lenient flags) reports it: the fetch's cause is an HTTPParserError with the code, the
// reason in its message and data, the bytes from where the parser stopped.
type fetchParserError struct {
	code, reason string
	data         []byte
}

func (e *fetchParserError) Error() string {
	return "Response does not match the HTTP/1.1 protocol (" + e.reason + ")"
}

// errFetchLengthMismatch is undici's ResponseContentLengthMismatchError: a response that is not
// kept alive ended (its connection closed) before the bytes its Content-Length announced.
var errFetchLengthMismatch = errors.New("Response body length does not match content-length header")

// fetchChunked reads a chunked body as undici's llhttp does: a size in hex, extensions
// (;name[=value], a value a token or a quoted string without escapes), the line's CR and then
// any byte, the data and then any two bytes, and after the last chunk trailer fields, checked as
// header fields are, up to an empty line. When the response is not kept alive an EOF anywhere
// ends the body (undici takes what came as the whole message); otherwise it is
// io.ErrUnexpectedEOF, undici's "other side closed". A Read returns the bytes that are there
// without waiting for more, and the end along with the last of them when it has come too.
type fetchChunked struct {
	br      *bufio.Reader
	eofEnds bool
	state   int
	size    uint64 // the chunk size being read, then the data bytes of the chunk left
	skip    int    // bytes to skip after a chunk's data
	name    []byte // a trailer field's name so far, lower-cased (up to the longest special)
	special bool   // the trailer field's name is one llhttp treats apart
	err     error
}

const (
	ckSizeStart = iota
	ckSize
	ckSizeOtherwise
	ckSizeAlmostDone
	ckExts
	ckExtName
	ckExtValue
	ckExtQuoted
	ckExtQuotedDone
	ckData
	ckDataSkip
	ckFieldStart
	ckField
	ckValueDiscardWS
	ckValueDiscardWSAlmostDone
	ckValueDiscardLWS
	ckValue
	ckValueAlmostDone
	ckValueLWS
	ckTrailersAlmostDone
	ckDone
)

// llhttp's header fields with a state of their own: no blank may come between one and its colon.
var fetchSpecialFields = [...]string{"connection", "content-length", "proxy-connection", "transfer-encoding", "upgrade"}

func (c *fetchChunked) Read(p []byte) (int, error) {
	n := 0
	for c.err == nil && n < len(p) {
		if c.state == ckData {
			if n > 0 && c.br.Buffered() == 0 {
				break
			}
			want := uint64(len(p) - n)
			if want > c.size {
				want = c.size
			}
			m, err := c.br.Read(p[n : n+int(want)])
			n += m
			c.size -= uint64(m)
			if c.size == 0 {
				c.state, c.skip = ckDataSkip, 2
			}
			if err != nil {
				c.err = c.eof(err)
			}
			continue
		}
		if n > 0 && c.br.Buffered() == 0 {
			break
		}
		b, err := c.br.ReadByte()
		if err != nil {
			c.err = c.eof(err)
			break
		}
		c.step(b)
	}
	if c.err == io.EOF || n == 0 {
		return n, c.err
	}
	return n, nil
}

func (c *fetchChunked) Close() error { return nil }

// eof is err (the connection's) for a read that has not reached the body's end.
func (c *fetchChunked) eof(err error) error {
	if err != io.EOF {
		return err
	}
	if c.eofEnds {
		return io.EOF
	}
	return io.ErrUnexpectedEOF
}

// fail stops the body with llhttp's error; at says whether the data begins with b, the byte
// that failed (llhttp stops on it), or after it (llhttp had skipped it).
func (c *fetchChunked) fail(code, reason string, b byte, at bool) {
	var data []byte
	if at {
		data = append(data, b)
	}
	if n := c.br.Buffered(); n > 0 {
		rest, _ := c.br.Peek(n)
		data = append(data, rest...)
	}
	c.err = &fetchParserError{code: code, reason: reason, data: data}
}

func hexValue(b byte) (uint64, bool) {
	switch {
	case b >= '0' && b <= '9':
		return uint64(b - '0'), true
	case b >= 'a' && b <= 'f':
		return uint64(b-'a') + 10, true
	case b >= 'A' && b <= 'F':
		return uint64(b-'A') + 10, true
	}
	return 0, false
}

// quotedChar reports whether b may stand in a chunk extension's quoted value (llhttp's
// QUOTED_STRING: no quote, no backslash, no controls but the tab).
func quotedChar(b byte) bool {
	return b == '\t' || b == ' ' || (b >= 0x21 && b != '"' && b != '\\')
}

// headerChar reports whether b may stand in a header field's value (llhttp's HEADER_CHARS).
func headerChar(b byte) bool {
	return b == '\t' || (b >= ' ' && b != 0x7f)
}

// step moves the chunked framing on by the byte b.
func (c *fetchChunked) step(b byte) {
	for {
		switch c.state {
		case ckSizeStart:
			v, ok := hexValue(b)
			if !ok {
				c.fail("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", b, true)
				return
			}
			c.size, c.state = v, ckSize
			return
		case ckSize:
			if v, ok := hexValue(b); ok {
				if c.size > (^uint64(0)-v)/16 {
					c.fail("HPE_INVALID_CHUNK_SIZE", "Chunk size overflow", b, false)
					return
				}
				c.size = c.size*16 + v
				return
			}
			c.state = ckSizeOtherwise
			continue
		case ckSizeOtherwise:
			switch b {
			case '\r':
				c.state = ckSizeAlmostDone
			case ';':
				c.state = ckExts
			default:
				c.fail("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", b, true)
			}
			return
		case ckSizeAlmostDone:
			// (loose: the byte after the line's CR is not looked at)
			if c.size == 0 {
				c.state = ckFieldStart
			} else {
				c.state = ckData
			}
			return
		case ckExts:
			if b == ' ' || b == '\r' {
				c.fail("HPE_STRICT", "Invalid character in chunk extensions", b, false)
				return
			}
			c.state = ckExtName
			continue
		case ckExtName:
			switch {
			case tokenChars[b]:
			case b == '=':
				c.state = ckExtValue
			case b == ';':
				c.state = ckExts
			case b == '\r':
				c.state = ckSizeAlmostDone
			default:
				c.fail("HPE_STRICT", "Invalid character in chunk extensions name", b, false)
			}
			return
		case ckExtValue:
			switch {
			case b == '"':
				c.state = ckExtQuoted
			case tokenChars[b]:
			case b == ';':
				c.state = ckSizeOtherwise
			case b == '\r':
				c.state = ckSizeAlmostDone
			default:
				c.fail("HPE_STRICT", "Invalid character in chunk extensions value", b, false)
			}
			return
		case ckExtQuoted:
			switch {
			case b == '"':
				c.state = ckExtQuotedDone
			case quotedChar(b):
			default:
				c.fail("HPE_STRICT", "Invalid character in chunk extensions quoted value", b, false)
			}
			return
		case ckExtQuotedDone:
			switch b {
			case ';':
				c.state = ckExts
			case '\r':
				c.state = ckSizeAlmostDone
			default:
				c.fail("HPE_STRICT", "Invalid character in chunk extensions quote value", b, true)
			}
			return
		case ckDataSkip:
			// (loose: the two bytes after a chunk's data are not looked at)
			if c.skip--; c.skip == 0 {
				c.state = ckSizeStart
			}
			return
		case ckFieldStart:
			switch b {
			case '\r':
				c.state = ckTrailersAlmostDone
				return
			case '\n':
				c.state = ckTrailersAlmostDone
				continue
			}
			c.name, c.special = c.name[:0], false
			c.state = ckField
			continue
		case ckField:
			if b == ' ' && c.special {
				c.fail("HPE_INVALID_HEADER_TOKEN", "Invalid header field char", b, false)
				return
			}
			switch {
			case tokenChars[b] || b == ' ':
				// (a blank is a name's too in a loose llhttp, but right after a special name)
				if len(c.name) <= len("transfer-encoding") {
					c.name = append(c.name, lower(b))
				}
				c.special = false
				for _, s := range fetchSpecialFields {
					c.special = c.special || string(c.name) == s
				}
			case b == ':':
				c.state = ckValueDiscardWS
			default:
				c.fail("HPE_INVALID_HEADER_TOKEN", "Invalid header token", b, true)
			}
			return
		case ckValueDiscardWS:
			switch b {
			case ' ', '\t':
			case '\r':
				c.state = ckValueDiscardWSAlmostDone
			case '\n':
				c.fail("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", b, false)
			default:
				c.state = ckValue
				continue
			}
			return
		case ckValueDiscardWSAlmostDone:
			if b != '\n' {
				c.fail("HPE_STRICT", "Expected LF after CR", b, true)
				return
			}
			c.state = ckValueDiscardLWS
			return
		case ckValueDiscardLWS:
			if b == ' ' || b == '\t' {
				c.fail("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", b, false)
				return
			}
			c.state = ckFieldStart
			continue
		case ckValue:
			switch {
			case headerChar(b):
			case b == '\r':
				c.state = ckValueAlmostDone
			default:
				c.fail("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", b, true)
			}
			return
		case ckValueAlmostDone:
			if b != '\n' {
				c.fail("HPE_LF_EXPECTED", "Missing expected LF after header value", b, true)
				return
			}
			c.state = ckValueLWS
			return
		case ckValueLWS:
			if b == ' ' || b == '\t' {
				c.state = ckValue
			} else {
				c.state = ckFieldStart
			}
			continue
		case ckTrailersAlmostDone:
			// (loose: the byte after the empty line's CR is not looked at)
			c.state = ckDone
			c.err = io.EOF
			return
		}
		return
	}
}

func lower(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}
