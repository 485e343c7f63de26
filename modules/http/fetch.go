package http

import (
	"bytes"
	"context"
	"crypto/x509"
	_ "embed"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
	"github.com/gojs-dev/gojs/modules/zlib"
)

//go:embed fetch.js
var fetchJS string

// Fetch is "internal/fetch": fetch, Headers, Request, Response and FormData as in Node 20
// (undici's behaviour), served by an HTTP/1.1 client of its own (fetchclient.go). The response
// body is streamed to JS as it arrives (a web ReadableStream fed by a reader goroutine), which
// stops reading while JS holds fetchBodyHighWater bytes its reader has not taken. The body
// handling and fetch itself are glue parts compiled on first use (modules.GluePart): a program
// that only reads or makes Headers compiles neither, nor loads buffer or web streams.
var Fetch = modules.Module{Name: "internal/fetch", Internal: true, Bind: bindFetch, JSRef: &fetchJS, GlueParts: true}

type fetchState struct {
	pool fetchPool
}

var errRedirectError = errors.New("unexpected redirect")

// fetchBodyHighWater is how much of a response body may wait for the JS reader before the
// connection is no longer read (the socket's buffers then hold the rest, and the peer waits).
const fetchBodyHighWater = 256 * 1024

// errStreamRedirect: a redirect other than 303 for a request with a stream body, which undici
// fails with a network error of no message.
var errStreamRedirect = errors.New("")

func bindFetch(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	st := &fetchState{}
	context.AfterFunc(h.Ctx, st.pool.closeAll)
	check := func(host string) error { return h.Check(modules.ScopeNet, host) }
	modules.SetGluePart(vm, b, "node:internal/fetch", &fetchJS)
	b.Set("claimUnauthorizedWarning", func() bool { return claimUnauthorizedWarning(h) })
	// now is performance.now() (perf_hooks' clock), for the resource timing of a fetch
	b.Set("now", func() float64 { return float64(time.Since(modules.ProcessStart).Nanoseconds()) / 1e6 })
	// start(method, url, headers, body, redirect, stream, insecure, onEvent) -> { abort(),
	// write(chunk) -> bool, end() }; headers is the request's header list as undici writes it
	// (names as given, a repeated name's values joined), host, connection and content-length
	// among them left out by the client. With stream, the body comes from JS: onEvent('body')
	// asks for it, write gives a chunk (false: wait for onEvent('drain')), end its end.
	b.Set("start", func(method, rawURL string, headers []string, body goja.Value, redirect string, stream, insecure bool, onEvent goja.Callable) goja.Value {
		u, err := url.Parse(rawURL)
		if err != nil {
			h.Throw(err)
		}
		if err := check(hostPort(u)); err != nil {
			h.Throw(err)
		}
		r := &fetchRequest{method: method, url: u, close: method == "HEAD", insecure: insecure}
		if stream {
			r.stream = newFetchStream()
		} else if body != nil && !goja.IsUndefined(body) && !goja.IsNull(body) {
			r.body = append([]byte(nil), buffer.BytesOf(vm, body)...)
			r.hasBody = true
		}
		for i := 0; i+1 < len(headers); i += 2 {
			switch strings.ToLower(headers[i]) {
			case "host", "content-length":
				continue // (undici writes its own)
			case "connection":
				if strings.EqualFold(headers[i+1], "close") {
					r.close = true
				}
				continue
			}
			r.headers = append(r.headers, headers[i], headers[i+1])
		}
		ctx, cancel := context.WithCancel(h.Ctx)
		handle := h.Loop.NewHandle(cancel)
		emit := func(args ...goja.Value) error {
			_, err := onEvent(goja.Undefined(), args...)
			return err
		}
		if !insecure {
			// The trust is read on the loop: at once for an https URL, and for an http one only
			// if a redirect leads to https (NODE_EXTRA_CA_CERTS's file with the system's roots
			// is not parsed for a plain http fetch).
			if u.Scheme == "https" {
				roots := extraRoots(h)
				r.roots = func(context.Context) *x509.CertPool { return roots }
			} else {
				r.roots = func(ctx context.Context) *x509.CertPool {
					got := make(chan *x509.CertPool, 1)
					if !handle.Post(func() error {
						got <- extraRoots(h)
						return nil
					}) {
						return nil
					}
					select {
					case roots := <-got:
						return roots
					case <-ctx.Done():
						return nil
					}
				}
			}
			r.identity = func(ctx context.Context, host string, chain [][]byte, last bool) bool {
				ok := make(chan bool, 1)
				if !handle.Post(func() error {
					ders := make([]any, len(chain))
					for i, der := range chain {
						ders[i] = buffer.New(h, der)
					}
					v, err := onEvent(goja.Undefined(), vm.ToValue("identity"), vm.ToValue(host), vm.NewArray(ders...), vm.ToValue(last))
					ok <- err == nil && v.ToBoolean()
					return err
				}) {
					return false
				}
				select {
				case v := <-ok:
					return v
				case <-ctx.Done():
					return false
				}
			}
		}
		ctl := vm.NewObject()
		ctl.Set("abort", func() { cancel() })
		if s := r.stream; s != nil {
			s.start = func() { handle.Post(func() error { return emit(vm.ToValue("body")) }) }
			s.drained = func() { handle.Post(func() error { return emit(vm.ToValue("drain")) }) }
			ctl.Set("write", func(chunk goja.Value) bool {
				return s.push(append([]byte(nil), buffer.BytesOf(vm, chunk)...))
			})
			ctl.Set("end", s.end)
		}
		// The response body's bytes handed to JS that its reader has not taken: the reader
		// goroutine waits while they reach fetchBodyHighWater, so a body read slowly (or not at
		// all) is not read into memory whole; taken(n) says n more were read.
		var unread atomic.Int64
		more := make(chan struct{}, 1)
		ctl.Set("taken", func(n int64) {
			// (the reader goes on once half is taken: it is woken per half, not per chunk)
			if unread.Add(-n) < fetchBodyHighWater/2 {
				select {
				case more <- struct{}{}:
				default:
				}
			}
		})
		go func() {
			resp, err := st.pool.do(ctx, r, redirect, check)
			if err != nil {
				handle.Post(func() error {
					handle.Close()
					return emit(vm.ToValue("error"), fetchErrorInfo(vm, err, u))
				})
				return
			}
			raw := make([]any, len(resp.raw))
			for i, v := range resp.raw {
				// (undici gives a header's bytes as latin1 text, as node's http parser)
				raw[i] = latin1String(v)
			}
			final := resp.finalURL.String()
			redirected := final != u.String()
			status := resp.StatusCode
			statusText := http.StatusText(status)
			if len(resp.Status) >= 4 {
				statusText = resp.Status[4:]
			} else if len(resp.Status) == 3 {
				statusText = ""
			}
			// The body's first bytes, when its connection has read them with the head, come with
			// the response, as undici's parser gives them in the same turn: a read of the body
			// right after the fetch finds them there. (Not for a coded body: its decoder may
			// want more than came.)
			var first []byte
			var firstErr error
			if fb, ok := resp.Body.(*fetchBody); ok && method != "HEAD" && resp.StatusCode >= 200 &&
				resp.StatusCode != 204 && resp.StatusCode != 205 && resp.StatusCode != 304 &&
				resp.Header.Get("Content-Encoding") == "" && fb.readable(resp.Response) {
				buf := make([]byte, 64*1024)
				n, err := fb.Read(buf)
				first, firstErr = buf[:n:n], err
				unread.Add(int64(n))
			}
			firstChunk := first
			// (a body that came whole ends in the same turn: its connection goes back to the
			// pool first)
			whole := first != nil && firstErr == io.EOF
			if whole {
				resp.Body.Close()
			}
			if !handle.Post(func() error {
				var chunk goja.Value = goja.Undefined()
				if len(firstChunk) > 0 {
					chunk = buffer.New(h, firstChunk)
				}
				err := emit(vm.ToValue("response"), vm.ToValue(status), vm.ToValue(statusText), vm.NewArray(raw...), vm.ToValue(final), vm.ToValue(redirected), chunk)
				if err != nil || !whole {
					return err
				}
				handle.Close()
				return emit(vm.ToValue("end"), vm.ToValue(len(firstChunk)))
			}) || whole {
				resp.Body.Close()
				return
			}
			defer resp.Body.Close()
			// (the body's bytes as they came, before any content coding is undone: the
			// resource timing's encodedBodySize)
			counted := &countingReader{r: resp.Body, n: int64(len(first))}
			resp.Body = counted
			body, stopDecoders := decodedBody(ctx, method, resp.Response)
			defer stopDecoders()
			for {
				var rerr error
				if first != nil {
					// (the first read's end or failure is the loop's)
					rerr, first = firstErr, nil
				}
				for rerr == nil && unread.Load() >= fetchBodyHighWater {
					// (a wake-up from a take before this wait finds the count lowered: the
					// condition is read again; an abort ends the wait as a failed read)
					select {
					case <-more:
					case <-ctx.Done():
						rerr = ctx.Err()
					}
				}
				buf := make([]byte, 64*1024)
				n := 0
				if rerr == nil {
					n, rerr = body.Read(buf)
				}
				if n > 0 {
					chunk := buf[:n:n]
					unread.Add(int64(n))
					if !handle.Post(func() error { return emit(vm.ToValue("data"), buffer.New(h, chunk)) }) {
						return
					}
				}
				if rerr == io.EOF {
					// (what a decoder left unread, a gzip trailer's padding, is read so
					// that the connection goes back to the pool before the end is told)
					io.Copy(io.Discard, counted)
					resp.Body.Close()
					encoded := counted.n
					handle.Post(func() error { handle.Close(); return emit(vm.ToValue("end"), vm.ToValue(encoded)) })
					return
				}
				if rerr != nil {
					if ctx.Err() != nil {
						rerr = context.Canceled
					}
					handle.Post(func() error {
						handle.Close()
						return emit(vm.ToValue("error"), fetchErrorInfo(vm, rerr, u))
					})
					return
				}
			}
		}()
		return ctl
	})
	return nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.ReadCloser
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *countingReader) Close() error { return c.r.Close() }

// setSocketInfo gives a SocketError's info what undici's util.getSocketInfo told of its
// socket when it failed (nothing when err comes from no connection).
func setSocketInfo(vm *goja.Runtime, o *goja.Object, err error) {
	var se *fetchSocketError
	if !errors.As(err, &se) {
		return
	}
	s := vm.NewObject()
	addr := func(a *net.TCPAddr, ip, port string) {
		if a == nil {
			s.Set(ip, goja.Undefined())
			s.Set(port, goja.Undefined())
			return
		}
		s.Set(ip, a.IP.String())
		s.Set(port, a.Port)
	}
	addr(se.local, "localAddress", "localPort")
	addr(se.remote, "remoteAddress", "remotePort")
	family := goja.Undefined()
	if se.remote != nil {
		if se.remote.IP.To4() != nil {
			family = vm.ToValue("IPv4")
		} else {
			family = vm.ToValue("IPv6")
		}
	}
	s.Set("remoteFamily", family)
	s.Set("timeout", goja.Undefined())
	s.Set("bytesWritten", se.bytesWritten)
	s.Set("bytesRead", se.bytesRead)
	o.Set("socket", s)
}

// fetchErrorInfo describes a transport error for the JS side, which builds the cause.
func fetchErrorInfo(vm *goja.Runtime, err error, u *url.URL) goja.Value {
	o := vm.NewObject()
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if errors.Is(err, context.Canceled) {
		o.Set("aborted", true)
		return o
	}
	var ve *verifyError
	if errors.As(err, &ve) {
		// (OpenSSL's verification failure, as node's tls.connect reports it)
		o.Set("code", ve.code)
		o.Set("message", ve.msg)
		return o
	}
	if errors.Is(err, errIdentity) {
		o.Set("identity", true)
		return o
	}
	if errors.Is(err, errStreamRedirect) {
		o.Set("message", "")
		return o
	}
	var il *invalidLocation
	if errors.As(err, &il) {
		o.Set("invalidURL", il.input)
		o.Set("base", il.base)
		return o
	}
	if errors.Is(err, errRedirectError) {
		o.Set("message", "unexpected redirect")
		return o
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		errno := modules.ErrnoOf(err)
		if errno != 0 {
			code, _ := modules.ErrnoCode(errno)
			o.Set("code", code)
			o.Set("errno", -int(errno))
			o.Set("syscall", "connect")
			host, port, _ := net.SplitHostPort(op.Addr.String())
			o.Set("address", host)
			if p, e := strconv.Atoi(port); e == nil {
				o.Set("port", p)
			}
			o.Set("message", "connect "+code+" "+op.Addr.String())
			return o
		}
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		o.Set("code", "ENOTFOUND")
		o.Set("errno", -3008)
		o.Set("syscall", "getaddrinfo")
		o.Set("hostname", dnsErr.Name)
		o.Set("message", "getaddrinfo ENOTFOUND "+dnsErr.Name)
		return o
	}
	if errno, code, ok := zlib.ErrorCode(err); ok {
		// (a body that fails to decode: node's zlib error, undici's cause of 'terminated')
		o.Set("message", err.Error())
		o.Set("errno", errno)
		o.Set("code", code)
		return o
	}
	var pe *fetchParserError
	if errors.As(err, &pe) {
		// (llhttp's error on the body's framing: data is what the parser had not taken)
		o.Set("name", "HTTPParserError")
		if pe.code != "" {
			// (undici's table of llhttp's codes has none for some: the code is undefined)
			o.Set("code", pe.code)
		}
		o.Set("data", string(pe.data))
		o.Set("message", pe.Error())
		return o
	}
	if errors.Is(err, errFetchBadResponse) {
		o.Set("name", "SocketError")
		o.Set("code", "UND_ERR_SOCKET")
		o.Set("message", err.Error())
		setSocketInfo(vm, o, err)
		return o
	}
	if errors.Is(err, errFetchStatusAssert) {
		o.Set("name", "AssertionError")
		o.Set("code", "ERR_ASSERTION")
		o.Set("message", err.Error())
		return o
	}
	if errors.Is(err, errFetchLengthMismatch) {
		o.Set("name", "ResponseContentLengthMismatchError")
		o.Set("code", "UND_ERR_RES_CONTENT_LENGTH_MISMATCH")
		return o
	}
	if errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		o.Set("name", "SocketError")
		o.Set("code", "UND_ERR_SOCKET")
		o.Set("message", "other side closed")
		setSocketInfo(vm, o, err)
		return o
	}
	// net/http's reader's complaints, as llhttp's under undici
	msg := err.Error()
	for _, pe := range [...]struct{ prefix, code, text string }{
		{"malformed HTTP response", "HPE_INVALID_CONSTANT", "Expected HTTP/"},
		{"malformed HTTP version", "HPE_INVALID_CONSTANT", "Expected HTTP/"},
		{"malformed HTTP status code", "HPE_INVALID_STATUS", "Invalid response status"},
		{"invalid byte in chunk length", "HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size"},
		{"chunked line ends with bare LF", "HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size"},
		{"malformed chunked encoding", "HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size"},
		{"malformed MIME header", "HPE_INVALID_HEADER_TOKEN", "Invalid header value char"},
	} {
		if strings.HasPrefix(msg, pe.prefix) {
			o.Set("name", "HTTPParserError")
			o.Set("code", pe.code)
			o.Set("message", "Response does not match the HTTP/1.1 protocol ("+pe.text+")")
			return o
		}
	}
	o.Set("message", err.Error())
	return o
}

// decodedBody undoes the response's Content-Encoding (gzip, x-gzip, deflate, br, in the reverse
// of the listed order) as undici does for fetch, with node's zlib streams, each flushed at the
// end as it flushed every chunk (Z_SYNC_FLUSH, BROTLI_OPERATION_FLUSH: a body cut short is no
// error), deflate zlib-wrapped when the first byte's low nibble is 8 and raw otherwise; an
// unknown coding leaves the body as sent. The decoders stop when the returned func is called.
func decodedBody(ctx context.Context, method string, resp *http.Response) (io.Reader, func()) {
	var r io.Reader = resp.Body
	var decoders []io.Closer
	stop := func() {
		for _, d := range decoders {
			d.Close()
		}
	}
	switch resp.StatusCode {
	case 101, 204, 205, 304:
		return r, stop
	}
	if method == "HEAD" || method == "CONNECT" {
		return r, stop
	}
	var codings []string
	for _, v := range resp.Header.Values("Content-Encoding") {
		for _, c := range bytes.Split([]byte(v), []byte(",")) {
			if c := string(bytes.ToLower(bytes.TrimSpace(c))); c != "" {
				codings = append(codings, c)
			}
		}
	}
	for i := len(codings) - 1; i >= 0; i-- {
		var d io.ReadCloser
		switch codings[i] {
		case "gzip", "x-gzip":
			d = zlib.NewDecodeReader(ctx, zlib.Gunzip, r, false)
		case "deflate":
			d = &deflateReader{ctx: ctx, src: r}
		case "br":
			d = zlib.NewDecodeReader(ctx, zlib.Brotli, r, false)
		default:
			return r, stop
		}
		decoders = append(decoders, d)
		r = d
	}
	return r, stop
}

// deflateReader is undici's "deflate": zlib-wrapped when the first byte of the body's first
// non-empty read has 8 as its low nibble (the method), raw deflate otherwise.
type deflateReader struct {
	ctx context.Context
	src io.Reader
	r   io.ReadCloser
}

func (d *deflateReader) Read(p []byte) (int, error) {
	if d.r == nil {
		var first [1]byte
		n, err := io.ReadFull(d.src, first[:])
		if n == 0 {
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
			return 0, err
		}
		kind := zlib.InflateRaw
		if first[0]&0x0f == 8 {
			kind = zlib.Inflate
		}
		d.r = zlib.NewDecodeReader(d.ctx, kind, io.MultiReader(bytes.NewReader(first[:]), d.src), false)
	}
	return d.r.Read(p)
}

func (d *deflateReader) Close() error {
	if d.r != nil {
		return d.r.Close()
	}
	return nil
}
