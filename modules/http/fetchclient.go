package http

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	whatwg "github.com/nlnwa/whatwg-url/url"
)

// fetch's HTTP/1.1 client. It writes a request as undici does (Go's net/http client sorts the
// header fields and capitalizes their names, which a server echoing req.headers or rawHeaders
// shows): "host" and "connection" first, then the request's header list in its order with the
// names as given, then "content-length" (or "transfer-encoding: chunked" for a stream body).
// A stream body is written as JS reads it, while the response is read. Responses are read with
// net/http's reader; connections are kept alive in a small pool.

// fetchIdleTimeout is how long an idle connection is kept, undici's default keep-alive timeout.
const fetchIdleTimeout = 4 * time.Second

// fetchConn is one connection of fetch's pool.
type fetchConn struct {
	c    net.Conn
	br   *bufio.Reader
	key  string
	idle time.Duration // how long it may wait in the pool
	// cc counts the bytes read and written (after TLS: the socket's plaintext, as a
	// TLSSocket's bytesRead/bytesWritten), tcp is the connection under any TLS.
	cc  *countConn
	tcp net.Conn
}

// countConn counts the bytes read and written through it (from any goroutine: the request is
// written by one of its own while the response is read).
type countConn struct {
	net.Conn
	read, written atomic.Int64
}

func (c *countConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.read.Add(int64(n))
	return n, err
}

func (c *countConn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	c.written.Add(int64(n))
	return n, err
}

// fetchSocketError is a failure on a connection with what undici's SocketError tells of its
// socket (util.getSocketInfo) when it failed.
type fetchSocketError struct {
	err                     error
	local, remote           *net.TCPAddr
	bytesRead, bytesWritten int64
}

func (e *fetchSocketError) Error() string { return e.err.Error() }
func (e *fetchSocketError) Unwrap() error { return e.err }

// failed wraps err with the connection's state now.
func (fc *fetchConn) failed(err error) error {
	if err == nil || fc.cc == nil {
		return err
	}
	var se *fetchSocketError
	if errors.As(err, &se) {
		return err
	}
	local, _ := fc.tcp.LocalAddr().(*net.TCPAddr)
	remote, _ := fc.tcp.RemoteAddr().(*net.TCPAddr)
	return &fetchSocketError{err: err, local: local, remote: remote, bytesRead: fc.cc.read.Load(), bytesWritten: fc.cc.written.Load()}
}

type fetchIdle struct {
	fc    *fetchConn
	timer *time.Timer
}

// fetchPool keeps idle connections by scheme and host, newest last. Safe from any goroutine.
type fetchPool struct {
	mu     sync.Mutex
	idle   map[string][]*fetchIdle
	closed bool
	// sessions are the TLS sessions kept to resume, by server name, as undici keeps 100
	sessions     tls.ClientSessionCache
	sessionsOnce sync.Once
}

func (p *fetchPool) sessionCache() tls.ClientSessionCache {
	p.sessionsOnce.Do(func() { p.sessions = tls.NewLRUClientSessionCache(100) })
	return p.sessions
}

func (p *fetchPool) get(key string) *fetchConn {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.idle[key]
	if len(l) == 0 {
		return nil
	}
	it := l[len(l)-1]
	p.idle[key] = l[:len(l)-1]
	it.timer.Stop()
	return it.fc
}

func (p *fetchPool) put(fc *fetchConn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		fc.c.Close()
		return
	}
	if p.idle == nil {
		p.idle = map[string][]*fetchIdle{}
	}
	it := &fetchIdle{fc: fc}
	it.timer = time.AfterFunc(fc.idle, func() { p.drop(it) })
	p.idle[fc.key] = append(p.idle[fc.key], it)
}

func (p *fetchPool) drop(it *fetchIdle) {
	p.mu.Lock()
	l := p.idle[it.fc.key]
	for i, x := range l {
		if x == it {
			p.idle[it.fc.key] = append(l[:i:i], l[i+1:]...)
			break
		}
	}
	p.mu.Unlock()
	it.fc.c.Close()
}

// closeAll closes the idle connections and keeps no more (the runtime is closing).
func (p *fetchPool) closeAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	for _, l := range p.idle {
		for _, it := range l {
			it.timer.Stop()
			it.fc.c.Close()
		}
	}
	p.idle = nil
}

// fetchRequest is one request of a fetch, redirects included.
type fetchRequest struct {
	method  string
	url     *url.URL
	headers []string // name, value, ... in the order they go out (host and connection left out)
	close   bool     // "connection: close"
	body    []byte
	hasBody bool
	// a stream body (a ReadableStream's or an async iterable's), given by JS as it is read and
	// sent chunked as it comes, as undici sends one
	stream *fetchStream
	// NODE_TLS_REJECT_UNAUTHORIZED=0: the peer's certificate is not verified
	insecure bool
	// roots gives the trust an https peer's chain is verified against (nil: the system's
	// roots); it is asked only when an https connection is made
	roots func(ctx context.Context) *x509.CertPool
	// identity checks the peer's name against its verified chain (DER, leaf first; last says
	// whether it ends in a self-signed root) as tls.connect does, with tls.checkServerIdentity
	// on the loop; false fails the fetch with errIdentity
	identity func(ctx context.Context, host string, chain [][]byte, last bool) bool
}

// errIdentity: the https peer's certificate is not for the host (the JS side keeps
// tls.checkServerIdentity's error, the fetch's cause).
var errIdentity = errors.New("certificate identity check failed")

// fetchStreamHighWater is how many bytes of a stream body may wait to be written before JS is
// told to wait for a drain: a socket's writableHighWaterMark, where undici's writer waits.
const fetchStreamHighWater = 16 * 1024

// fetchStream is a stream body on its way from JS to the connection. JS pushes the chunks it
// reads; the writer takes them as they come. Safe from any goroutine.
type fetchStream struct {
	mu      sync.Mutex
	wake    chan struct{} // (capacity 1) a chunk or the end was pushed
	queue   [][]byte
	pending int // bytes pushed and not yet written
	ended   bool
	waiting bool // push told JS to wait for drained
	// start asks JS for the body (a connection is ready for it); drained tells JS that what it
	// pushed was written, so it may read on. Both post to the loop.
	start, drained func()
}

func newFetchStream() *fetchStream { return &fetchStream{wake: make(chan struct{}, 1)} }

// push queues a chunk of the body and says whether JS may read on before drained.
func (s *fetchStream) push(b []byte) bool {
	s.mu.Lock()
	s.queue = append(s.queue, b)
	s.pending += len(b)
	more := s.pending < fetchStreamHighWater
	if !more {
		s.waiting = true
	}
	s.mu.Unlock()
	s.signal()
	return more
}

// end says the body has no more chunks.
func (s *fetchStream) end() {
	s.mu.Lock()
	s.ended = true
	s.mu.Unlock()
	s.signal()
}

func (s *fetchStream) signal() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// take waits for the chunks pushed since the last take, or the end.
func (s *fetchStream) take(ctx context.Context) ([][]byte, bool, error) {
	for {
		s.mu.Lock()
		q, ended := s.queue, s.ended
		s.queue = nil
		s.mu.Unlock()
		if len(q) > 0 || ended {
			return q, ended, nil
		}
		select {
		case <-s.wake:
		case <-ctx.Done():
			return nil, false, ctx.Err()
		}
	}
}

// wrote counts n bytes of the body as written, and tells JS to read on when it waits and
// nothing is left to write.
func (s *fetchStream) wrote(n int) {
	s.mu.Lock()
	s.pending -= n
	tell := s.waiting && s.pending < fetchStreamHighWater
	if tell {
		s.waiting = false
	}
	s.mu.Unlock()
	if tell {
		s.drained()
	}
}

// hostPort is the URL's host with its port (the scheme's default when it has none).
func hostPort(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	if u.Scheme == "https" {
		return net.JoinHostPort(u.Hostname(), "443")
	}
	return net.JoinHostPort(u.Hostname(), "80")
}

func (p *fetchPool) dial(ctx context.Context, r *fetchRequest) (*fetchConn, error) {
	u := r.url
	addr := hostPort(u)
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	tcp := c
	if u.Scheme == "https" {
		// (the peer is verified after the handshake, so that a failure has OpenSSL's code as
		// node's tls.connect gives it; NODE_TLS_REJECT_UNAUTHORIZED=0 skips that)
		tc := tls.Client(c, &tls.Config{ServerName: u.Hostname(), NextProtos: []string{"http/1.1"}, InsecureSkipVerify: true, ClientSessionCache: p.sessionCache()})
		if err := tc.HandshakeContext(ctx); err != nil {
			c.Close()
			return nil, err
		}
		if !r.insecure {
			cs := tc.ConnectionState()
			err, chain := verifyPeer(cs, r.roots(ctx), nil)
			if err != nil {
				c.Close()
				return nil, err
			}
			ders := make([][]byte, len(chain))
			for i, cert := range chain {
				ders[i] = cert.Raw
			}
			last := chain[len(chain)-1]
			// (as tls.connect, a resumed session's name is not checked again)
			if !cs.DidResume && !r.identity(ctx, u.Hostname(), ders, bytes.Equal(last.RawIssuer, last.RawSubject)) {
				c.Close()
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				return nil, errIdentity
			}
		}
		c = tc
	}
	cc := &countConn{Conn: c}
	fc := &fetchConn{c: cc, key: u.Scheme + "//" + addr, cc: cc, tcp: tcp}
	fc.br = bufio.NewReader(cc)
	return fc, nil
}

// readHead reads a response head as undici's parser does (fetchHead), with its header fields
// as they came (name, value, ...).
func (fc *fetchConn) readHead(req *http.Request) (*http.Response, []string, error) {
	return fetchHead(fc.br, req.Method)
}

// head writes the request line and the header fields, but for the body's framing and the
// blank line.
func (r *fetchRequest) head(b *bytes.Buffer) {
	b.WriteString(r.method + " " + r.url.RequestURI() + " HTTP/1.1\r\nhost: " + r.url.Host + "\r\nconnection: ")
	if r.close {
		b.WriteString("close\r\n")
	} else {
		b.WriteString("keep-alive\r\n")
	}
	for i := 0; i+1 < len(r.headers); i += 2 {
		b.WriteString(r.headers[i] + ": " + r.headers[i+1] + "\r\n")
	}
}

// expectsPayload: a method whose request says content-length: 0 when it has no body.
func (r *fetchRequest) expectsPayload() bool {
	return r.method == "POST" || r.method == "PUT" || r.method == "PATCH"
}

// write writes the request: its head and body in one write unless the body is large; a stream
// body as JS gives it (writeStream).
func (r *fetchRequest) write(ctx context.Context, w io.Writer) error {
	if r.stream != nil {
		return r.writeStream(ctx, w)
	}
	var b bytes.Buffer
	r.head(&b)
	if r.hasBody || r.expectsPayload() {
		// (undici says 0 for a payload method without a body)
		b.WriteString("content-length: " + strconv.Itoa(len(r.body)) + "\r\n\r\n")
	} else {
		b.WriteString("\r\n")
	}
	if len(r.body) <= 64*1024 {
		b.Write(r.body)
		_, err := w.Write(b.Bytes())
		return err
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return err
	}
	_, err := w.Write(r.body)
	return err
}

// writeStream asks JS for the body and writes its chunks as they come, framed as undici's
// writer frames them: the head goes out with the first chunk that is not empty, each chunk
// after "\r\n<size>\r\n" (the line break ending the one before), the end as "\r\n0\r\n\r\n";
// a body that ends without a chunk is "content-length: 0" for a payload method and nothing for
// another (no transfer-encoding at all).
func (r *fetchRequest) writeStream(ctx context.Context, w io.Writer) error {
	s := r.stream
	s.start()
	var b bytes.Buffer
	started := false
	for {
		q, ended, err := s.take(ctx)
		if err != nil {
			return err
		}
		b.Reset()
		bufs := net.Buffers{}
		n := 0
		for _, c := range q {
			n += len(c)
			if len(c) == 0 {
				continue
			}
			if !started {
				started = true
				r.head(&b)
				b.WriteString("transfer-encoding: chunked\r\n")
			}
			b.WriteString("\r\n" + strconv.FormatInt(int64(len(c)), 16) + "\r\n")
			bufs = append(bufs, bytes.Clone(b.Bytes()), c)
			b.Reset()
		}
		if ended {
			switch {
			case started:
				b.WriteString("\r\n0\r\n\r\n")
			case r.expectsPayload():
				r.head(&b)
				b.WriteString("content-length: 0\r\n\r\n")
			default:
				r.head(&b)
				b.WriteString("\r\n")
			}
			bufs = append(bufs, b.Bytes())
		}
		if len(bufs) > 0 {
			if _, err := bufs.WriteTo(w); err != nil {
				return err
			}
		}
		s.wrote(n)
		if ended {
			return nil
		}
	}
}

// fetchResponse is a response read from a connection of the pool; its body gives the
// connection back once read to its end.
type fetchResponse struct {
	*http.Response
	raw      []string // the header fields as they came
	finalURL *url.URL
}

// do sends r and reads its response head, following redirects as redirect says ("follow",
// "manual", "error"); check vets each host a redirect goes to.
func (p *fetchPool) do(ctx context.Context, r *fetchRequest, redirect string, check func(host string) error) (*fetchResponse, error) {
	for n := 0; ; n++ {
		resp, raw, err := p.roundTrip(ctx, r)
		if err != nil {
			return nil, err
		}
		loc := resp.Header.Get("Location")
		switch resp.StatusCode {
		case 301, 302, 303, 307, 308:
		default:
			return &fetchResponse{resp, raw, r.url}, nil
		}
		if loc == "" || redirect == "manual" {
			return &fetchResponse{resp, raw, r.url}, nil
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		if redirect == "error" {
			return nil, errRedirectError
		}
		if n >= 20 {
			return nil, errors.New("redirect count exceeded")
		}
		// (resolved as WHATWG URL does, as undici's new URL(location, url): Go's parser takes
		// and refuses other strings)
		ref, err := whatwg.ParseRef(r.url.String(), loc)
		if err != nil {
			return nil, &invalidLocation{input: loc, base: r.url.String()}
		}
		next, err := url.Parse(ref.Href(false))
		if err != nil {
			return nil, &invalidLocation{input: loc, base: r.url.String()}
		}
		if next.Scheme != "http" && next.Scheme != "https" {
			return nil, errors.New("URL scheme must be a HTTP(S) scheme")
		}
		if err := check(hostPort(next)); err != nil {
			return nil, err
		}
		status := resp.StatusCode
		if r.stream != nil && status != 303 {
			// (a stream body, read as it was sent, cannot go again)
			return nil, errStreamRedirect
		}
		nr := *r
		nr.url = next
		if ((status == 301 || status == 302) && r.method == "POST") || (status == 303 && r.method != "GET" && r.method != "HEAD") {
			// the body and the fields that describe it are dropped, the method becomes GET
			nr.method = "GET"
			nr.body, nr.hasBody, nr.stream = nil, false, nil
			nr.headers = withoutFields(nr.headers, "content-encoding", "content-language", "content-location", "content-type")
		}
		if next.Scheme != r.url.Scheme || next.Host != r.url.Host {
			nr.headers = withoutFields(nr.headers, "authorization", "proxy-authorization", "cookie")
		}
		r = &nr
	}
}

// invalidLocation is a redirect whose Location is no URL: the JS side makes the cause
// (new URL(input, base)'s TypeError, ERR_INVALID_URL).
type invalidLocation struct{ input, base string }

func (e *invalidLocation) Error() string { return "Invalid URL" }

func withoutFields(list []string, names ...string) []string {
	out := make([]string, 0, len(list))
	for i := 0; i+1 < len(list); i += 2 {
		drop := false
		for _, n := range names {
			if strings.EqualFold(list[i], n) {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, list[i], list[i+1])
		}
	}
	return out
}

// roundTrip sends one request on a pooled connection (once more on a new one when a reused
// connection turns out closed before any response) and reads the response head.
func (p *fetchPool) roundTrip(ctx context.Context, r *fetchRequest) (*http.Response, []string, error) {
	key := r.url.Scheme + "//" + hostPort(r.url)
	for {
		fc := p.get(key)
		reused := fc != nil
		if fc == nil {
			var err error
			if fc, err = p.dial(ctx, r); err != nil {
				return nil, nil, err
			}
		}
		resp, raw, err := p.exchange(ctx, fc, r)
		if err != nil {
			fc.c.Close()
			if reused && r.stream == nil && ctx.Err() == nil && staleConnError(err) {
				continue
			}
			if ctx.Err() != nil {
				return nil, nil, context.Canceled
			}
			return nil, nil, fc.failed(err)
		}
		return resp, raw, nil
	}
}

// staleConnError: a kept-alive connection that the server closed meanwhile.
func staleConnError(err error) bool {
	var ne net.Error
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.As(err, &ne) ||
		strings.Contains(err.Error(), "connection reset") || strings.Contains(err.Error(), "broken pipe")
}

// exchange sends r on fc and reads the response head. The request is written by a goroutine of
// its own while the response is read, as undici reads a socket while it writes: a server may
// answer before it has read the whole body (or before the body is all there, for a stream).
func (p *fetchPool) exchange(ctx context.Context, fc *fetchConn, r *fetchRequest) (*http.Response, []string, error) {
	stop := context.AfterFunc(ctx, func() { fc.c.Close() })
	wctx, wcancel := context.WithCancel(ctx)
	written := make(chan error, 1)
	go func() { written <- r.write(wctx, fc.c) }()
	fail := func(err error) (*http.Response, []string, error) {
		stop()
		wcancel()
		fc.c.Close()
		<-written
		return nil, nil, err
	}
	var resp *http.Response
	var raw []string
	for {
		var err error
		resp, raw, err = fc.readHead(&http.Request{Method: r.method, URL: r.url})
		if err != nil {
			return fail(err)
		}
		if resp.StatusCode >= 100 && resp.StatusCode < 200 && resp.StatusCode != 101 {
			continue // an interim response
		}
		break
	}
	reuse := !resp.Close && !r.close
	fc.idle = fetchIdleTimeout
	if ka := resp.Header.Get("Keep-Alive"); reuse && ka != "" {
		// the server's keep-alive hint, less undici's one-second threshold, says how long the
		// connection may stay idle: not at all when that leaves nothing
		if t, ok := keepAliveTimeout(ka); ok {
			fc.idle = min(t-time.Second, 600*time.Second)
			reuse = fc.idle > 0
		}
	}
	resp.Body = &fetchBody{rc: resp.Body, fc: fc, pool: p, stop: stop, reuse: reuse, written: written, wcancel: wcancel}
	return resp, raw, nil
}

// keepAliveTimeout reads the timeout=N (seconds) of a Keep-Alive header.
func keepAliveTimeout(v string) (time.Duration, bool) {
	for _, part := range strings.Split(v, ",") {
		k, val, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "timeout") {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(val))
		if err != nil {
			return 0, false
		}
		return time.Duration(n) * time.Second, true
	}
	return 0, false
}

// fetchBody is a response body: read to its end, its connection goes back to the pool.
type fetchBody struct {
	rc      io.ReadCloser
	fc      *fetchConn
	pool    *fetchPool
	stop    func() bool
	reuse   bool
	done    bool
	eof     bool
	written chan error // the request's writer's result
	wcancel func()     // stops the request's writer
}

func (b *fetchBody) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	if err == io.EOF {
		b.eof = true
		return n, err
	}
	return n, b.fc.failed(err)
}

// readable reports whether a Read of a body of resp's framing returns at once, with bytes
// its connection has read already: a body of known length or read to the close with bytes
// buffered, or a chunked one with a whole chunk line and some of its data buffered.
func (b *fetchBody) readable(resp *http.Response) bool {
	n := b.fc.br.Buffered()
	if n == 0 || resp.ContentLength == 0 {
		return false
	}
	if len(resp.TransferEncoding) == 0 {
		return true
	}
	buf, _ := b.fc.br.Peek(n)
	i := bytes.IndexByte(buf, '\n')
	return i >= 0 && i < n-1
}

// Close gives the connection back when the body was read to its end, and closes it otherwise.
func (b *fetchBody) Close() error {
	if b.done {
		return nil
	}
	b.done = true
	if !b.eof {
		// (a body not read to its end is not drained: the connection is closed)
		b.reuse = false
		b.fc.c.Close()
	}
	err := b.rc.Close()
	select {
	case werr := <-b.written:
		if werr != nil {
			b.reuse = false
		}
	default:
		// the response is over before its request was all written: the connection is closed,
		// as undici destroys the socket then, and the writer stops
		b.reuse = false
		b.fc.c.Close()
		b.wcancel()
		<-b.written
	}
	b.wcancel()
	if b.stop() && b.reuse && err == nil {
		b.pool.put(b.fc)
	} else {
		b.fc.c.Close()
	}
	return err
}
