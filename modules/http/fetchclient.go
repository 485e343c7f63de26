package http

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// fetch's HTTP/1.1 client. It writes a request as undici does (Go's net/http client sorts the
// header fields and capitalizes their names, which a server echoing req.headers or rawHeaders
// shows): "host" and "connection" first, then the request's header list in its order with the
// names as given, then "content-length" (or "transfer-encoding: chunked" for a stream body).
// Responses are read with net/http's reader; connections are kept alive in a small pool.

// fetchIdleTimeout is how long an idle connection is kept, undici's default keep-alive timeout.
const fetchIdleTimeout = 4 * time.Second

// fetchConn is one connection of fetch's pool.
type fetchConn struct {
	c    net.Conn
	rr   recReader // under br: keeps the bytes of a response head
	br   *bufio.Reader
	key  string
	idle time.Duration // how long it may wait in the pool
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
	chunked bool // a stream body: sent chunked, as undici sends one
	// NODE_TLS_REJECT_UNAUTHORIZED=0: the peer's certificate is not verified
	insecure bool
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

func (p *fetchPool) dial(ctx context.Context, u *url.URL, insecure bool) (*fetchConn, error) {
	addr := hostPort(u)
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	if u.Scheme == "https" {
		// (the peer is verified after the handshake, so that a failure has OpenSSL's code as
		// node's tls.connect gives it; NODE_TLS_REJECT_UNAUTHORIZED=0 skips that)
		tc := tls.Client(c, &tls.Config{ServerName: u.Hostname(), NextProtos: []string{"http/1.1"}, InsecureSkipVerify: true})
		if err := tc.HandshakeContext(ctx); err != nil {
			c.Close()
			return nil, err
		}
		if !insecure {
			cs := tc.ConnectionState()
			if err, _ := verifyPeer(cs, nil, nil); err != nil {
				c.Close()
				return nil, err
			}
			if err := cs.PeerCertificates[0].VerifyHostname(u.Hostname()); err != nil {
				c.Close()
				return nil, err
			}
		}
		c = tc
	}
	fc := &fetchConn{c: c, key: u.Scheme + "//" + addr}
	fc.rr.r = c
	fc.br = bufio.NewReader(&fc.rr)
	return fc, nil
}

// recReader copies what it reads to rec while rec is set.
type recReader struct {
	r   io.Reader
	rec *bytes.Buffer
}

func (r *recReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if r.rec != nil {
		r.rec.Write(p[:n])
	}
	return n, err
}

// readHead reads a response head with net/http's reader, and gives its header fields as they
// came (name, value, ...: net/http's map has lost their order, their case and the fields its
// reader takes out, as Connection and Transfer-Encoding).
func (fc *fetchConn) readHead(req *http.Request) (*http.Response, []string, error) {
	var rec bytes.Buffer
	if n := fc.br.Buffered(); n > 0 {
		b, _ := fc.br.Peek(n)
		rec.Write(b)
	}
	fc.rr.rec = &rec
	resp, err := http.ReadResponse(fc.br, req)
	fc.rr.rec = nil
	if err != nil {
		return nil, nil, err
	}
	head := rec.Bytes()[:rec.Len()-fc.br.Buffered()]
	var raw []string
	for i, line := range bytes.Split(head, []byte("\n")) {
		line = bytes.TrimSuffix(line, []byte("\r"))
		name, value, ok := bytes.Cut(line, []byte(":"))
		if i == 0 || !ok {
			continue
		}
		raw = append(raw, string(name), string(bytes.Trim(value, " \t")))
	}
	return resp, raw, nil
}

// write writes the request: its head and body in one write unless the body is large.
func (r *fetchRequest) write(w io.Writer) error {
	var b bytes.Buffer
	target := r.url.RequestURI()
	b.WriteString(r.method + " " + target + " HTTP/1.1\r\nhost: " + r.url.Host + "\r\nconnection: ")
	if r.close {
		b.WriteString("close\r\n")
	} else {
		b.WriteString("keep-alive\r\n")
	}
	for i := 0; i+1 < len(r.headers); i += 2 {
		b.WriteString(r.headers[i] + ": " + r.headers[i+1] + "\r\n")
	}
	switch {
	case r.chunked:
		b.WriteString("transfer-encoding: chunked\r\n\r\n")
		if len(r.body) > 0 {
			b.WriteString(strconv.FormatInt(int64(len(r.body)), 16) + "\r\n")
			b.Write(r.body)
			b.WriteString("\r\n")
		}
		b.WriteString("0\r\n\r\n")
		_, err := w.Write(b.Bytes())
		return err
	case r.hasBody || r.method == "POST" || r.method == "PUT" || r.method == "PATCH":
		// (undici says 0 for a payload method without a body)
		b.WriteString("content-length: " + strconv.Itoa(len(r.body)) + "\r\n\r\n")
	default:
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
		next, err := r.url.Parse(loc)
		if err != nil {
			return nil, err
		}
		if next.Scheme != "http" && next.Scheme != "https" {
			return nil, errors.New("URL scheme must be a HTTP(S) scheme")
		}
		if err := check(hostPort(next)); err != nil {
			return nil, err
		}
		nr := *r
		nr.url = next
		status := resp.StatusCode
		if ((status == 301 || status == 302) && r.method == "POST") || (status == 303 && r.method != "GET" && r.method != "HEAD") {
			// the body and the fields that describe it are dropped, the method becomes GET
			nr.method = "GET"
			nr.body, nr.hasBody, nr.chunked = nil, false, false
			nr.headers = withoutFields(nr.headers, "content-encoding", "content-language", "content-location", "content-type")
		}
		if next.Scheme != r.url.Scheme || next.Host != r.url.Host {
			nr.headers = withoutFields(nr.headers, "authorization", "proxy-authorization", "cookie")
		}
		r = &nr
	}
}

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
			if fc, err = p.dial(ctx, r.url, r.insecure); err != nil {
				return nil, nil, err
			}
		}
		resp, raw, err := p.exchange(ctx, fc, r)
		if err != nil {
			fc.c.Close()
			if reused && ctx.Err() == nil && staleConnError(err) {
				continue
			}
			if ctx.Err() != nil {
				return nil, nil, context.Canceled
			}
			return nil, nil, err
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

func (p *fetchPool) exchange(ctx context.Context, fc *fetchConn, r *fetchRequest) (*http.Response, []string, error) {
	stop := context.AfterFunc(ctx, func() { fc.c.Close() })
	if err := r.write(fc.c); err != nil {
		stop()
		return nil, nil, err
	}
	var resp *http.Response
	var raw []string
	for {
		var err error
		resp, raw, err = fc.readHead(&http.Request{Method: r.method, URL: r.url})
		if err != nil {
			stop()
			return nil, nil, err
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
	resp.Body = &fetchBody{rc: resp.Body, fc: fc, pool: p, stop: stop, reuse: reuse}
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
	rc    io.ReadCloser
	fc    *fetchConn
	pool  *fetchPool
	stop  func() bool
	reuse bool
	done  bool
	eof   bool
}

func (b *fetchBody) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	if err == io.EOF {
		b.eof = true
	}
	return n, err
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
	if b.stop() && b.reuse && err == nil {
		b.pool.put(b.fc)
	} else {
		b.fc.c.Close()
	}
	return err
}
