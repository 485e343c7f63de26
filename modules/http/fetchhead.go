package http

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// errFetchBadResponse is undici's SocketError 'bad response': a 100 Continue it never asked for.
var errFetchBadResponse = errors.New("bad response")

// errFetchStatusAssert is the assertion undici's parser makes on a status below 100.
var errFetchStatusAssert = errors.New("false == true")

// fetchHead reads a response head as undici's llhttp (built loose, no lenient flags) reads it,
// and frames the body as llhttp does: no body for a HEAD request or a 1xx, 204 or 304 status; a
// chunked body (fetchChunked) when the last Transfer-Encoding ends in chunked; read to the close
// for another Transfer-Encoding or no Content-Length; the Content-Length's bytes otherwise. It
// gives the header fields as they came (name, value, ...: the value without its leading blanks,
// with its trailing ones). A failure is a *fetchParserError as llhttp reports it; an EOF before
// the head's end is io.EOF (nothing came) or io.ErrUnexpectedEOF.
func fetchHead(br *bufio.Reader, method string) (*http.Response, []string, error) {
	h := &headReader{br: br}
	resp, raw := h.head(method)
	if h.err != nil {
		return nil, nil, h.err
	}
	return resp, raw, nil
}

type headReader struct {
	br  *bufio.Reader
	n   int // bytes read
	err error
	b   byte // the byte last read
}

// next reads a byte; at an EOF it sets err and reports false.
func (h *headReader) next() bool {
	b, err := h.br.ReadByte()
	if err != nil {
		if err == io.EOF && h.n > 0 {
			err = io.ErrUnexpectedEOF
		}
		h.err = err
		return false
	}
	h.n++
	h.b = b
	return true
}

// fail stops with llhttp's error; at says whether its data begins with the byte last read.
func (h *headReader) fail(code, reason string, at bool) {
	var data []byte
	if at {
		data = append(data, h.b)
	}
	if n := h.br.Buffered(); n > 0 {
		rest, _ := h.br.Peek(n)
		data = append(data, rest...)
	}
	h.err = &fetchParserError{code: code, reason: reason, data: data}
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func (h *headReader) head(method string) (*http.Response, []string) {
	for i := 0; i < len("HTTP/"); i++ {
		if !h.next() {
			return nil, nil
		}
		if h.b != "HTTP/"[i] {
			h.fail("HPE_INVALID_CONSTANT", "Expected HTTP/", true)
			return nil, nil
		}
	}
	if !h.next() {
		return nil, nil
	}
	if !isDigit(h.b) {
		h.fail("HPE_INVALID_VERSION", "Invalid major version", true)
		return nil, nil
	}
	major := int(h.b - '0')
	if !h.next() {
		return nil, nil
	}
	if h.b != '.' {
		h.fail("HPE_INVALID_VERSION", "Expected dot", true)
		return nil, nil
	}
	if !h.next() {
		return nil, nil
	}
	if !isDigit(h.b) {
		h.fail("HPE_INVALID_VERSION", "Invalid minor version", true)
		return nil, nil
	}
	minor := int(h.b - '0')
	if !(major == 1 && minor <= 1 || major == 0 && minor == 9 || major == 2 && minor == 0) {
		h.fail("HPE_INVALID_VERSION", "Invalid HTTP version", false)
		return nil, nil
	}
	if !h.next() {
		return nil, nil
	}
	if h.b != ' ' {
		h.fail("HPE_INVALID_VERSION", "Expected space after version", true)
		return nil, nil
	}
	// the status: digits, at most 999
	status := 0
	digits := 0
	for {
		if !h.next() {
			return nil, nil
		}
		if !isDigit(h.b) {
			break
		}
		status = status*10 + int(h.b-'0')
		digits++
		if status > 999 {
			h.fail("HPE_INVALID_STATUS", "Response overflow", false)
			return nil, nil
		}
	}
	var text []byte
	switch {
	case digits == 0:
		h.fail("HPE_INVALID_STATUS", "Invalid status code", true)
		return nil, nil
	case h.b == ' ':
		for {
			if !h.next() {
				return nil, nil
			}
			if h.b == '\r' || h.b == '\n' {
				break
			}
			text = append(text, h.b)
		}
	case h.b == '\r' || h.b == '\n':
	default:
		h.fail("HPE_INVALID_STATUS", "Invalid response status", true)
		return nil, nil
	}
	if h.b == '\r' && !h.next() { // (loose: the byte after the CR is not looked at)
		return nil, nil
	}
	if status < 100 {
		h.err = errFetchStatusAssert
		return nil, nil
	}
	if !h.next() {
		return nil, nil
	}
	if h.b == ' ' {
		h.fail("", "Unexpected space after start line", false)
		return nil, nil
	}
	f := h.fields()
	if h.err != nil {
		return nil, nil
	}
	if f.te && f.hasLength {
		h.fail("HPE_UNEXPECTED_CONTENT_LENGTH", "Content-Length can't be present with Transfer-Encoding", false)
		return nil, nil
	}
	if status == 100 {
		h.err = errFetchBadResponse
		return nil, nil
	}
	resp := &http.Response{
		Status:        strconv.Itoa(status) + " " + string(text),
		StatusCode:    status,
		Proto:         "HTTP/" + strconv.Itoa(major) + "." + strconv.Itoa(minor),
		ProtoMajor:    major,
		ProtoMinor:    minor,
		Header:        http.Header{},
		ContentLength: -1,
		Body:          http.NoBody,
	}
	for i := 0; i+1 < len(f.raw); i += 2 {
		resp.Header.Add(f.raw[i], f.raw[i+1])
	}
	// (llhttp's should_keep_alive: HTTP/1.1 and the like unless told to close, others only when
	// told to keep alive; HTTP/2.0 is of the others, its minor being 0)
	keepAlive := f.keepAlive
	if major > 0 && minor > 0 {
		keepAlive = !f.close
	}
	switch {
	case method == "HEAD" || status < 200 || status == 204 || status == 304:
		if f.hasLength {
			resp.ContentLength = int64(f.length)
		}
	case f.te && f.chunked:
		resp.TransferEncoding = []string{"chunked"}
		resp.Body = &fetchChunked{br: h.br, eofEnds: !keepAlive}
	case f.te || !f.hasLength:
		// (read to the close: the connection is not kept)
		keepAlive = false
		resp.Body = io.NopCloser(&untilClose{h.br})
	case f.length == 0:
		resp.ContentLength = 0
	default:
		resp.ContentLength = int64(min(f.length, 1<<62))
		resp.Body = &lengthBody{br: h.br, left: f.length, eofEnds: !keepAlive}
	}
	resp.Close = !keepAlive
	return resp, f.raw
}

// headFields is what the header fields said about the message.
type headFields struct {
	raw                     []string
	length                  uint64
	hasLength, te, chunked  bool
	close, keepAlive, upgrd bool
}

// fields reads the header fields up to the empty line that ends them (the first byte of the
// first is read).
func (h *headReader) fields() *headFields {
	f := &headFields{}
	for {
		switch h.b {
		case '\r':
			h.next() // (loose: the byte after the empty line's CR is not looked at)
			if h.err == io.EOF {
				h.err = io.ErrUnexpectedEOF
			}
			return f
		case '\n':
			return f
		}
		// the name
		var name []byte
		special := ""
		for {
			if h.b == ':' {
				break
			}
			if h.b == ' ' && special != "" {
				h.fail("HPE_INVALID_HEADER_TOKEN", "Invalid header field char", false)
				return f
			}
			if !tokenChars[h.b] && h.b != ' ' {
				h.fail("HPE_INVALID_HEADER_TOKEN", "Invalid header token", true)
				return f
			}
			name = append(name, h.b)
			special = ""
			if len(name) <= len("transfer-encoding") {
				for _, s := range fetchSpecialFields {
					if strings.EqualFold(string(name), s) {
						special = s
					}
				}
			}
			if !h.next() {
				return f
			}
		}
		if special == "transfer-encoding" {
			// (each Transfer-Encoding field says anew whether the body is chunked)
			f.te, f.chunked = true, false
		}
		// the blanks before the value
		for {
			if !h.next() {
				return f
			}
			if h.b != ' ' && h.b != '\t' {
				break
			}
		}
		var value []byte
		switch h.b {
		case '\n':
			h.fail("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", false)
			return f
		case '\r':
			if !h.next() {
				return f
			}
			if h.b != '\n' {
				h.fail("HPE_STRICT", "Expected LF after CR", true)
				return f
			}
			if !h.next() {
				return f
			}
			if h.b == ' ' || h.b == '\t' {
				h.fail("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", false)
				return f
			}
			if special == "content-length" {
				h.fail("HPE_INVALID_CONTENT_LENGTH", "Empty Content-Length", true)
				return f
			}
			f.raw = append(f.raw, string(name), "")
			continue
		}
		if special == "content-length" {
			if f.hasLength {
				h.fail("HPE_UNEXPECTED_CONTENT_LENGTH", "Duplicate Content-Length", true)
				return f
			}
			var n uint64
			for isDigit(h.b) {
				d := uint64(h.b - '0')
				if n > (^uint64(0)-d)/10 {
					h.fail("HPE_INVALID_CONTENT_LENGTH", "Content-Length overflow", false)
					return f
				}
				n = n*10 + d
				value = append(value, h.b)
				if !h.next() {
					return f
				}
			}
			for h.b == ' ' {
				value = append(value, h.b)
				if !h.next() {
					return f
				}
			}
			if h.b != '\r' && h.b != '\n' {
				h.fail("HPE_INVALID_CONTENT_LENGTH", "Invalid character in Content-Length", true)
				return f
			}
			f.length, f.hasLength = n, true
		}
		// the value, and the lines that continue it
		for {
			for headerChar(h.b) {
				value = append(value, h.b)
				if !h.next() {
					return f
				}
			}
			if h.b != '\r' {
				h.fail("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", true)
				return f
			}
			if !h.next() {
				return f
			}
			if h.b != '\n' {
				h.fail("HPE_LF_EXPECTED", "Missing expected LF after header value", true)
				return f
			}
			if !h.next() {
				return f
			}
			if h.b != ' ' && h.b != '\t' {
				break
			}
		}
		v := string(value)
		f.raw = append(f.raw, string(name), v)
		switch special {
		case "transfer-encoding":
			tokens := strings.Split(v, ",")
			last := strings.TrimRight(strings.TrimLeft(tokens[len(tokens)-1], " \t"), " ")
			f.chunked = strings.EqualFold(last, "chunked")
		case "connection", "proxy-connection":
			if special == "proxy-connection" {
				break
			}
			for _, t := range strings.Split(v, ",") {
				switch strings.ToLower(strings.Trim(t, " \t")) {
				case "close":
					f.close = true
				case "keep-alive":
					f.keepAlive = true
				case "upgrade":
					f.upgrd = true
				}
			}
		}
	}
}

// untilClose is a body read to the connection's close.
type untilClose struct{ br *bufio.Reader }

func (u *untilClose) Read(p []byte) (int, error) { return u.br.Read(p) }

// lengthBody is a body of a Content-Length: it ends with its last byte (the end comes along with
// it), and an EOF before is undici's "other side closed" on a kept-alive connection and a
// ResponseContentLengthMismatchError on one that is not.
type lengthBody struct {
	br      *bufio.Reader
	left    uint64
	eofEnds bool
}

func (b *lengthBody) Read(p []byte) (int, error) {
	if b.left == 0 {
		return 0, io.EOF
	}
	if uint64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.br.Read(p)
	b.left -= uint64(n)
	if b.left == 0 {
		return n, io.EOF
	}
	if err == io.EOF {
		if b.eofEnds {
			err = errFetchLengthMismatch
		} else {
			err = io.ErrUnexpectedEOF
		}
	}
	return n, err
}

func (b *lengthBody) Close() error { return nil }
