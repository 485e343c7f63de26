package http

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

//go:embed tls.js
var tlsJS string

//go:embed https.js
var httpsJS string

// TLS is "tls" on Go's crypto/tls. A TLSSocket is a net.Socket whose handle is a TLS session
// run by Go over an in-memory pipe: ciphertext read from the underlying socket is fed in,
// ciphertext Go produces is written back to it, and plaintext reaches JS through the usual
// handle interface (readStart/onread, writeBuffer/onwrite, shutdown, close).
var TLS = modules.Module{Name: "tls", Bind: bindTLS, JSRef: &tlsJS, GlueParts: true}

// HTTPS is "https": http over tls.
var HTTPS = modules.Module{Name: "https", JSRef: &httpsJS}

const uvEOF = -4095

// pipeConn is the transport Go's TLS session runs over: ciphertext the underlying socket read
// is queued in order (feed, then feedEnd's EOF after it) for Read, and what the session writes
// goes back to JS. The queue is unbounded and ordered: the loop never blocks on the session.
type pipeConn struct {
	w       *tlsWrap
	mu      sync.Mutex
	queue   [][]byte
	eofSent bool          // feedEnd was called: EOF follows the queued data
	ready   chan struct{} // capacity 1: something was queued
	pending []byte
	eof     bool
	// hello, while recordHello is set, keeps what Read returned, so the ClientHello can be read
	// as node's ClientHelloParser reads it (session goroutine only).
	recordHello bool
	hello       []byte
	// first is the first byte Read returned, 0 before any (session goroutine only).
	first byte
	// fin, until the handshake is done, records what it reads and writes for the Finished
	// messages (see finRecorder). Set and cleared by the session goroutine.
	fin atomic.Pointer[finRecorder]
	// probe: Read answers errNothingQueued rather than wait (session goroutine only: see
	// readQueued).
	probe bool
}

// errNothingQueued is pipeConn.Read's answer to a probe with no ciphertext queued. It is a
// temporary net.Error, which crypto/tls does not keep as the connection's error: the bytes of
// a partial record stay buffered for the next Read.
var errNothingQueued net.Error = nothingQueued{}

type nothingQueued struct{}

func (nothingQueued) Error() string   { return "tls: no ciphertext queued" }
func (nothingQueued) Timeout() bool   { return false }
func (nothingQueued) Temporary() bool { return true }

// push queues ciphertext (or, with end, the end of the stream) for Read. Safe from any goroutine.
func (p *pipeConn) push(d []byte, end bool) {
	p.mu.Lock()
	if end {
		p.eofSent = true
	} else {
		p.queue = append(p.queue, d)
	}
	p.w.unpark(gParkedRead)
	p.mu.Unlock()
	select {
	case p.ready <- struct{}{}:
	default:
	}
}

func (p *pipeConn) Read(b []byte) (int, error) {
	for len(p.pending) == 0 {
		if p.eof {
			return 0, io.EOF
		}
		p.mu.Lock()
		if len(p.queue) > 0 {
			p.pending = p.queue[0]
			p.queue[0] = nil
			p.queue = p.queue[1:]
			p.mu.Unlock()
			continue
		}
		if p.eofSent {
			p.eof = true
			p.mu.Unlock()
			continue
		}
		if p.probe {
			p.mu.Unlock()
			return 0, errNothingQueued
		}
		p.w.park(gParkedRead)
		p.mu.Unlock()
		select {
		case <-p.ready:
			p.w.woke(gParkedRead)
		case <-p.w.done:
			return 0, net.ErrClosed
		}
	}
	n := copy(b, p.pending)
	p.pending = p.pending[n:]
	if p.first == 0 && n > 0 {
		p.first = b[0]
	}
	if p.recordHello && len(p.hello) < 1<<16 {
		p.hello = append(p.hello, b[:n]...)
	}
	if f := p.fin.Load(); f != nil {
		f.add(false, b[:n])
	}
	return n, nil
}

func (p *pipeConn) Write(b []byte) (int, error) {
	select {
	case <-p.w.done:
		return 0, net.ErrClosed
	default:
	}
	w := p.w
	n := len(b)
	if w.ticket2 != nil && w.appSecret != nil {
		// (the write that carries Go's ticket, in the first record under the application
		// traffic secret: see addTicket)
		b = w.addTicket(b)
	}
	if f := p.fin.Load(); f != nil {
		f.add(true, b)
	}
	d := append([]byte(nil), b...)
	if w.holdOut && (w.client || !hasAlertRecord(d)) {
		// A client's last flight waits for JS's verdict on the server, a TLS 1.2 server's for
		// its handshake's result (see holdOut); a server's failure alert goes as alerts do.
		w.held = append(w.held, d)
		return n, nil
	}
	if w.handshaking() && (len(w.alerts) > 0 || hasAlertRecord(d)) {
		if w.alertAs != 0 {
			setPlainAlert(d, w.alertAs)
		}
		// A failing handshake's alert goes out in the same loop turn as the failure's report
		// (see run), so this side reports before its peer can, as in node.
		w.alerts = append(w.alerts, d)
		return n, nil
	}
	w.outMu.Lock()
	w.out = append(w.out, d)
	first := len(w.out) == 1
	w.outMu.Unlock()
	if first {
		w.handle.Post(w.flushOut)
	}
	return n, nil
}

// useKeyCert puts the key and certificate a callback gave setKeyCert into c, a handshake's own
// config. Handshake goroutine, after the callback's answer came from the loop.
func (w *tlsWrap) useKeyCert(c *tls.Config) error {
	kc := w.keyCert
	if kc == nil {
		return nil
	}
	w.keyCert = nil
	b, err := kc.config()
	if err != nil {
		return err
	}
	c.Certificates = b.Certificates
	c.GetCertificate = nil
	return nil
}

// maxRecord is the largest plaintext a TLS record carries.
const maxRecord = 16 << 10

// flushOut hands the session's pending ciphertext to the socket under it, in order. Loop only.
func (w *tlsWrap) flushOut() error {
	// (a write made from inside oncipher finds a flush running: that one hands its ciphertext
	// over after what it holds)
	if w.flushing {
		return nil
	}
	w.flushing = true
	defer func() { w.flushing = false }()
	for {
		w.outMu.Lock()
		out := w.out
		w.out = nil
		w.outMu.Unlock()
		if len(out) == 0 || w.closed {
			return nil
		}
		for _, d := range out {
			if _, err := w.oncipher(w.obj, buffer.New(w.h, d), w.vm.ToValue(len(d))); err != nil {
				return err
			}
		}
	}
}

// sendFlight hands the handshake's held flight to the socket under the session, unless JS
// closed the session. Loop only.
func (w *tlsWrap) sendFlight() {
	for _, d := range w.flight {
		if w.closed {
			break
		}
		w.oncipher(w.obj, buffer.New(w.h, d), w.vm.ToValue(len(d)))
	}
	w.flight = nil
}

// sendFlightWithOut hands the held flight to the socket under the session together with the
// ciphertext made since, in one write: node's session writes what JS wrote from its handshake
// callback with its last flight, in one EncOut, so the peer reads a client's Finished and its
// first data at once. Loop only.
func (w *tlsWrap) sendFlightWithOut() {
	if len(w.flight) == 0 || w.closed || w.flushing {
		w.sendFlight()
		return
	}
	w.outMu.Lock()
	out := w.out
	w.out = nil
	w.outMu.Unlock()
	n := 0
	for _, d := range w.flight {
		n += len(d)
	}
	for _, d := range out {
		n += len(d)
	}
	all := make([]byte, 0, n)
	for _, d := range w.flight {
		all = append(all, d...)
	}
	for _, d := range out {
		all = append(all, d...)
	}
	w.flight = nil
	w.oncipher(w.obj, buffer.New(w.h, all), w.vm.ToValue(len(all)))
}

// drain runs the writes JS made before closing the session and hands their ciphertext to the
// socket under it, on the loop, before the close. In node the session encrypts a write at once
// and the socket under it takes the bytes at once (libuv tries the write), so what was written
// before a destroy (res.end() then server.close() closing the idle connection, socket.end()
// then destroy()) still reaches the peer; here the writes queued for the writer goroutine (those
// made before the handshake, and the large ones) are encrypted there and their ciphertext comes
// back in a post, which the close would drop. Once JS has seen the handshake succeed (secure),
// the writer runs or is about to start (run starts it right after posting the result) and no
// write it runs can block (the session's writes wait on nothing but their own encryption), so
// the loop waits for it to reach the end of its queue. Loop only.
func (w *tlsWrap) drain() {
	if w.secure {
		w.wmu.Lock()
		pending := len(w.writes) > 0 || w.wbusy
		w.wmu.Unlock()
		if pending {
			done := make(chan struct{})
			w.enqueue(func() { close(done) })
			select {
			case <-done:
			case <-w.done:
			}
		}
	}
	w.flushOut()
}

func (p *pipeConn) Close() error                       { p.w.closeDone(); return nil }
func (p *pipeConn) LocalAddr() net.Addr                { return &net.TCPAddr{} }
func (p *pipeConn) RemoteAddr() net.Addr               { return &net.TCPAddr{} }
func (p *pipeConn) SetDeadline(t time.Time) error      { return nil }
func (p *pipeConn) SetReadDeadline(t time.Time) error  { return nil }
func (p *pipeConn) SetWriteDeadline(t time.Time) error { return nil }

type tlsWrap struct {
	// alertAs: the alert the failing handshake sends in place of Go's (handshake goroutine).
	alertAs byte
	// client: the session is a client's (set once by wrap); clientCfg its config, whose
	// ServerName setServername sets until start.
	client    bool
	clientCfg *tls.Config
	h         *modules.Host
	vm        *goja.Runtime
	obj       *goja.Object
	conn      *tls.Conn
	pipe      *pipeConn
	handle    *eventloop.Handle
	done      chan struct{}
	doneOnce  sync.Once
	closed    bool // loop only
	// shutdowns are the reservations of the shutdown requests made (loop only)
	shutdowns []*eventloop.Pending
	reading   atomic.Bool
	keylog    atomic.Bool // JS listens for 'keylog'

	wake   chan struct{}
	wmu    sync.Mutex
	writes []func() // run in order by the writer goroutine, after the handshake
	wbusy  bool     // under wmu: the writer is running one of writes
	wready chan struct{}
	// secure: JS was told the handshake succeeded (loop only). From then on the session can
	// encrypt on the loop, and the writer goroutine runs or is about to start.
	secure bool
	// maxFrag is the largest plaintext a record carries, lowered by setMaxSendFragment (16384 by
	// default): write splits what it is given to it, since Go's session makes no record longer
	// than one Write. Set on the loop, read by whoever writes.
	maxFrag  atomic.Int32
	oncipher goja.Callable
	// out is the ciphertext the session wrote after its handshake that the loop has not handed to
	// the socket under it yet (under outMu); flushOut hands it over in order.
	outMu sync.Mutex
	out   [][]byte

	verifyErr error
	// ticket2 is a TLS 1.3 server's second session ticket (see addTicket), its secret the
	// server's application traffic secret from the key log. Handshake goroutine only.
	ticket2   *secondTicket
	appSecret []byte
	ticketOut []byte // the record of the tickets, held until the handshake is done
	// holdOut: a TLS 1.3 client has the server's certificate (or a TLS 1.2 client resumed); what
	// the handshake writes from then on (its Finished) goes out only if JS keeps the socket after
	// checking the server, as in node, where a rejected server never sees the client's Finished.
	// A TLS 1.2 server in a full handshake has its client's certificate: its last flight
	// (ticket, ChangeCipherSpec, Finished) goes out after its result, which so comes before
	// the client's as in node (else the order was the goroutines'). Handshake goroutine only;
	// held is flushed on the loop after the handshake's result.
	holdOut bool
	held    [][]byte
	// alerts: what the handshake wrote from its first alert record on (handshake goroutine only,
	// then handed to the loop with the handshake's result, which sends it before reporting).
	alerts [][]byte
	sni    func(errMsg string, ctx goja.Value) // loop only: answers a pending SNICallback
	ocsp   func(ocspAnswer)                    // loop only: answers a pending OCSPRequest
	hello  func(errMsg string)                 // loop only: answers a pending resumeSession
	// keyCert is the context a server's SNI or ALPN callback gave setKeyCert: the handshake's key
	// and certificate. Set on the loop before the callback's answer is sent to the handshake.
	keyCert  *secureCtx
	chain    []*x509.Certificate
	cs       tls.ConnectionState // set before the handshake's result is posted
	shaked   chan struct{}
	started  chan struct{} // closed when the handshake may begin (at once for a server)
	released bool          // holdLoop(false) was called last: JS unref'd the socket
	fedEnd   bool          // loop only: feedEnd was called
	readDone bool          // loop only: the session's EOF (close_notify may come before the raw one) was delivered

	// Over a plain JS stream (holdLoop was called) the session keeps the loop alive only while
	// its goroutine has work, as node's in-thread TLS holds nothing: an idle session over a
	// stream nobody ends lets the program exit. gstate is where the session's goroutine is:
	// whoever wakes it sets gRunning, the goroutine sets a parked state before it blocks and then
	// posts syncHold.
	jsStream   atomic.Bool
	gstate     atomic.Int32
	holdWanted bool // loop only: holdLoop(true) was called last
	held2      bool // loop only: the handle is ref'd for the session's work
	// finished and peerFinished: the verify_data of this side's and the peer's Finished
	// messages (nil if unknown). Set by the session goroutine before it reports the handshake.
	finished, peerFinished []byte
	// sigalgs: a server's signature schemes shared with its client (getSharedSigalgs), set
	// with finished.
	sigalgs []string
	// early: the writes made before JS was told the handshake succeeded, queued for the writer
	// (loop only). Their completions join doneQ once it is.
	early []*queuedWrite

	// doneQ holds the writes whose completion is still to be reported, in order, by the
	// immediate doneSched says is queued: nil for one encrypted at once on the loop, else the
	// writer's (loop only).
	doneQ     []*queuedWrite
	doneSched bool
	flushing  bool // loop only: flushOut is handing ciphertext over
	// inResult: JS is handling the handshake's result, whose held flight (flight) goes out after
	// it, or before what JS writes meanwhile (loop only)
	inResult bool
	flight   [][]byte
	// onreadVal is the handle's onread (an accessor of TLSWrap's keeps it here) and onreadFn
	// the same as a callable, nil when it is not a function (loop only).
	onreadVal goja.Value
	onreadFn  goja.Callable
}

// queuedWrite is a write the writer goroutine encrypts: it sets status (0, or a negative errno)
// and then closes done.
type queuedWrite struct {
	done   chan struct{}
	status int
}

// queueDone reports a write (q, or nil for one the loop encrypted at once) as node's TLSWrap
// does, from a native immediate: after the ticks of the writing callback, before the immediates
// phase's callbacks that come after it, with what completions queue meanwhile reported in the
// same run (loop only). As node's, whose session encrypts every write at once on the loop, a
// write the writer encrypts beside the loop is reported then too: the immediate waits for the
// writer to finish it (it cannot block once the handshake is done). JS's onsyncdone reports
// the write once the socket under the session has written its ciphertext.
func (w *tlsWrap) queueDone(q *queuedWrite) {
	w.doneQ = append(w.doneQ, q)
	if !w.doneSched {
		w.doneSched = true
		w.handle.SetImmediate(w.drainDone)
	}
}

func (w *tlsWrap) drainDone() error {
	for len(w.doneQ) > 0 && !w.closed {
		q := w.doneQ[0]
		w.doneQ[0] = nil
		w.doneQ = w.doneQ[1:]
		var err error
		if q == nil {
			_, err = w.fn("onsyncdone")(w.obj)
		} else {
			select {
			case <-q.done:
			case <-w.done:
				return nil
			}
			// its ciphertext goes to the socket under the session first
			if err = w.flushOut(); err == nil {
				if q.status == 0 {
					_, err = w.fn("onsyncdone")(w.obj)
				} else {
					_, err = w.fn("onwrite")(w.obj, w.vm.ToValue(q.status))
				}
			}
		}
		if err == nil {
			err = w.h.Loop.RunTicksNow()
		}
		if err != nil {
			w.doneSched = false
			if len(w.doneQ) > 0 && !w.closed {
				w.doneSched = true
				w.handle.SetImmediate(w.drainDone)
			}
			return err
		}
	}
	w.doneQ = nil
	w.doneSched = false
	return nil
}

// Where the session's goroutine is (gstate).
const (
	gRunning     = iota // working, or about to
	gParkedRead         // waiting for ciphertext
	gParkedWake         // waiting for readStart
	gParkedStart        // a client waiting for start()
	gExited
)

// park records that the session's goroutine is about to block in state st, and lets the loop
// release the handle (session goroutine, after the state that wakes it was checked).
func (w *tlsWrap) park(st int32) {
	if !w.jsStream.Load() {
		return
	}
	w.gstate.Store(st)
	w.handle.Post(func() error { w.syncHold(); return nil })
}

// unpark marks the goroutine running if it was parked in st: the loop, waking it (then
// syncHold), or the goroutine, woken before the loop could say so (which then posts syncHold,
// and that post holds the loop until it runs).
func (w *tlsWrap) unpark(st int32) bool { return w.gstate.CompareAndSwap(st, gRunning) }

// woke is the goroutine's unpark after a block in st.
func (w *tlsWrap) woke(st int32) {
	if w.jsStream.Load() && w.unpark(st) {
		w.handle.Post(func() error { w.syncHold(); return nil })
	}
}

// syncHold refs the handle of a session over a JS stream while its goroutine works or its writes
// are out, and unrefs it otherwise. Loop only.
func (w *tlsWrap) syncHold() {
	if w.closed || !w.jsStream.Load() {
		return
	}
	on := w.holdWanted && (w.gstate.Load() == gRunning || len(w.early) > 0)
	if on == w.held2 {
		return
	}
	w.held2 = on
	if on {
		w.handle.Ref()
	} else {
		w.handle.Unref()
	}
}

// handshaking reports whether the handshake has not returned yet (any goroutine).
func (w *tlsWrap) handshaking() bool {
	select {
	case <-w.shaked:
		return false
	default:
		return true
	}
}

// hasAlertRecord reports whether d, whole TLS records as crypto/tls writes them, holds a
// plaintext alert record.
// setPlainAlert makes the description of each plaintext alert record in d desc (Go's server
// sends internal_error for a failure OpenSSL answers with another alert).
func setPlainAlert(d []byte, desc byte) {
	for len(d) >= 5 {
		n := 5 + (int(d[3])<<8 | int(d[4]))
		if n > len(d) {
			return
		}
		if d[0] == 21 && n == 7 {
			d[6] = desc
		}
		d = d[n:]
	}
}

// alertHandshakeFailure is TLS's handshake_failure alert.
const alertHandshakeFailure = 40

var errPassedNullParameter = errors.New("passed a null parameter")

func hasAlertRecord(d []byte) bool {
	for len(d) >= 5 {
		if d[0] == 21 {
			return true
		}
		n := 5 + (int(d[3])<<8 | int(d[4]))
		if n > len(d) {
			return false
		}
		d = d[n:]
	}
	return false
}

func (w *tlsWrap) closeDone() { w.doneOnce.Do(func() { close(w.done) }) }

func (w *tlsWrap) fn(name string) goja.Callable {
	f, _ := goja.AssertFunction(w.obj.Get(name))
	return f
}

func (w *tlsWrap) post(fn func() error) {
	w.handle.Post(func() error {
		if w.closed {
			return nil
		}
		return fn()
	})
}

func bindTLS(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	bindSecureContext(h, b)
	modules.SetGluePart(vm, b, "node:tls", &tlsJS)
	// wrap(isServer, ctx, opts, oncipher) -> handle object
	b.Set("wrap", func(isServer bool, ctxv goja.Value, o *goja.Object, oncipher goja.Callable, jsStream bool) *goja.Object {
		sc := ctxv.Export().(*secureCtx)
		base, err := sc.config()
		if err != nil {
			h.Throw(modules.NewError("Error", "ERR_TLS_INVALID_CONFIG", err.Error()))
		}
		w := &tlsWrap{h: h, vm: vm, done: make(chan struct{}), wake: make(chan struct{}, 1),
			wready: make(chan struct{}, 1), oncipher: oncipher, shaked: make(chan struct{}),
			started: make(chan struct{}), client: !isServer}
		if isServer {
			close(w.started)
		}
		w.maxFrag.Store(maxRecord)
		w.jsStream.Store(jsStream)
		w.pipe = &pipeConn{w: w, ready: make(chan struct{}, 1)}
		w.pipe.fin.Store(&finRecorder{})
		w.handle = h.Loop.NewHandle(func() { w.closeDone() })
		w.handle.Unref()
		// The server has 'newSession' or 'resumeSession' listeners (node's enableSessionCallbacks).
		sessionCallbacks := false
		if v := o.Get("sessionCallbacks"); v != nil {
			sessionCallbacks = v.ToBoolean()
		}
		// connConfig is a context's config with this connection's own settings.
		connConfig := func(base *tls.Config, roots *x509.CertPool, crls []*x509.RevocationList) *tls.Config {
			cfg := base.Clone()
			cfg.KeyLogWriter = keylogWriter{w}
			tlsConnConfig(cfg, isServer, o)
			if isServer {
				// A TLS 1.3 server issues two tickets after a full handshake, as OpenSSL's (its
				// num_tickets), and none after a resumption: Go's issues one each time. The second,
				// made here, goes out with Go's, and Go's after a resumption is emptied (see
				// addTicket). With sessionCallbacks each is node's 'newSession', its id and data
				// handed to the server's listeners (onnewsession).
				enc := cfg
				cfg.WrapSession = func(cs tls.ConnectionState, ss *tls.SessionState) ([]byte, error) {
					ticket, err := enc.EncryptTicket(cs, ss)
					if err != nil || cs.Version != tls.VersionTLS13 {
						return ticket, err
					}
					if cs.DidResume {
						// (OpenSSL's issues none after a resumption: Go's goes as an empty record)
						w.ticket2 = &secondTicket{suite: cs.CipherSuite, drop: true}
						return ticket, nil
					}
					n := 1
					if second, err := enc.EncryptTicket(cs, ss); err == nil {
						w.ticket2 = &secondTicket{suite: cs.CipherSuite, label: second}
						n = 2
					}
					if !sessionCallbacks {
						return ticket, nil
					}
					data, err2 := ss.Bytes()
					if err2 != nil {
						return ticket, nil
					}
					for range n {
						id := make([]byte, 32)
						rand.Read(id)
						w.post(func() error {
							f := w.fn("onnewsession")
							if f == nil {
								return nil
							}
							_, err := f(w.obj, buffer.New(w.h, id), buffer.New(w.h, data))
							return err
						})
					}
					return ticket, nil
				}
			}
			if isServer {
				// (the master secret a resumed TLS 1.2 handshake goes on with: see finRecorder;
				// the ticket is decrypted as Go does without this hook, with the config's keys)
				dec := cfg
				cfg.UnwrapSession = func(identity []byte, cs tls.ConnectionState) (*tls.SessionState, error) {
					ss, err := dec.DecryptTicket(identity, cs)
					if f := w.pipe.fin.Load(); f != nil && ss != nil {
						if b, err := ss.Bytes(); err == nil {
							f.resumeMS = sessionSecret(b)
						}
					}
					return ss, err
				}
			}
			cfg.InsecureSkipVerify = true
			// The chain is checked here (as OpenSSL's verify step); the name is node's
			// checkServerIdentity, in JS.
			cfg.VerifyConnection = func(cs tls.ConnectionState) error {
				// (a server whose client sent no certificate gets verifyPeer's
				// UNABLE_TO_GET_ISSUER_CERT, as node's verifyError gives a peerless session)
				w.verifyErr, w.chain = verifyPeer(cs, roots, crls)
				// (a resumed TLS 1.2 client writes its Finished last too: its secureConnect
				// comes before the server's secureConnection, as in node)
				if !isServer && (cs.Version == tls.VersionTLS13 || cs.DidResume) {
					w.holdOut = true
				}
				// (and a TLS 1.2 server's full handshake ends with its own Finished: node's server
				// emits 'secure' from OpenSSL's handshake-done callback, before that flight leaves
				// its BIO, so its secureConnection always comes before the client's secureConnect)
				if isServer && cs.Version != tls.VersionTLS13 && !cs.DidResume {
					w.holdOut = true
				}
				return nil
			}
			return cfg
		}
		cfg := connConfig(base, sc.trust(), sc.crls)
		cfg.KeyLogWriter = keylogWriter{w}
		var sniConfig func(hello *tls.ClientHelloInfo) (*tls.Config, error)
		if sni := o.Get("SNICallback"); isServer && sni != nil && !goja.IsUndefined(sni) && !goja.IsNull(sni) {
			// Node's SNICallback: the client's server name goes to JS (onsni), whose answer
			// (sniDone) picks the context this handshake goes on with.
			sniConfig = func(hello *tls.ClientHelloInfo) (*tls.Config, error) {
				if hello.ServerName == "" {
					return nil, nil
				}
				ch := make(chan sniAnswer, 1)
				name := hello.ServerName
				w.post(func() error {
					w.sni = func(errMsg string, ctx goja.Value) {
						var a sniAnswer
						switch {
						case errMsg != "":
							a.err = tlsConfigError(errMsg)
						case ctx != nil && !goja.IsUndefined(ctx) && !goja.IsNull(ctx):
							if sc2, ok := modules.ExportAs[*secureCtx](ctx); ok {
								b2, err := sc2.config()
								if err != nil {
									a.err = err
								} else {
									roots, crls := sc2.roots, sc2.crls
									if roots == nil {
										roots = sc.trust()
									}
									if crls == nil {
										crls = sc.crls
									}
									a.cfg = connConfig(b2, roots, crls)
									// as OpenSSL's, whose tickets are the session context's (the
									// server's own, not the one an SNICallback picks): a session
									// made under one SNI context resumes under another
									a.cfg.SetSessionTicketKeys([][32]byte{sha256.Sum256(sc.ticket[:])})
								}
							}
						}
						ch <- a
					}
					_, err := w.fn("onsni")(w.obj, vm.ToValue(name))
					return err
				})
				select {
				case a := <-ch:
					if a.err == nil && w.keyCert != nil {
						if a.cfg == nil {
							a.cfg = cfg
						}
						a.cfg = a.cfg.Clone()
						a.err = w.useKeyCert(a.cfg)
					}
					if a.err == nil && a.cfg != nil && len(a.cfg.Certificates) == 0 && a.cfg.GetCertificate == nil {
						// A context with no certificate: OpenSSL's SSL_use_certificate fails
						// (passed a null parameter) and the client hears handshake_failure.
						a.err = errPassedNullParameter
						w.alertAs = alertHandshakeFailure
					}
					return a.cfg, a.err
				case <-w.done:
					return nil, net.ErrClosed
				}
			}
			cfg.GetConfigForClient = sniConfig
		}
		if cb := o.Get("ALPNCallback"); isServer && cb != nil && !goja.IsUndefined(cb) && !goja.IsNull(cb) {
			// Node's ALPNCallback: the client's protocols go to JS (onalpn), which names the one
			// to use; none rejects the client with OpenSSL's no_application_protocol alert, as
			// a server whose only protocol the client lacks does. As OpenSSL's, it is asked
			// before the SNICallback (which a rejected client never reaches), and its answer
			// applies to the context that one picks.
			cfg = chainConfigAsking(cfg, func(hello *tls.ClientHelloInfo) (func(c *tls.Config) (*tls.Config, error), bool, error) {
				if len(hello.SupportedProtos) == 0 {
					return nil, false, nil
				}
				ch := make(chan goja.Value, 1)
				name, protos := hello.ServerName, append([]string(nil), hello.SupportedProtos...)
				w.post(func() error {
					list := make([]any, len(protos))
					for i, p := range protos {
						list[i] = p
					}
					r, err := w.fn("onalpn")(w.obj, vm.ToValue(name), vm.NewArray(list...))
					ch <- r
					return err
				})
				var r goja.Value
				select {
				case r = <-ch:
				case <-w.done:
					return nil, false, net.ErrClosed
				}
				if r == nil || !goja.IsString(r) {
					return nil, false, net.ErrClosed // the glue told the server and destroyed the socket
				}
				proto := r.String()
				return func(c *tls.Config) (*tls.Config, error) {
					c = c.Clone()
					if err := w.useKeyCert(c); err != nil {
						return nil, err
					}
					if proto != "" {
						c.NextProtos = []string{proto}
					} else {
						c.NextProtos = []string{"\x00none"} // no protocol in common: Go sends the alert
					}
					return c, nil
				}, proto == "", nil
			})
		}
		if ocsp := o.Get("ocsp"); isServer && ocsp != nil && ocsp.ToBoolean() {
			// Node's OCSPRequest: a client that asks for its server's certificate status
			// (status_request) has the server's listeners asked (onocsp); the response they give
			// (ocspDone) is stapled to the certificate, an error ends the handshake.
			cfg = chainConfigForClient(cfg, func(c *tls.Config, hello *tls.ClientHelloInfo) (*tls.Config, error) {
				if !slices.Contains(hello.Extensions, 5) {
					return c, nil
				}
				ch := make(chan ocspAnswer, 1)
				w.post(func() error {
					w.ocsp = func(a ocspAnswer) { ch <- a }
					_, err := w.fn("onocsp")(w.obj)
					return err
				})
				var a ocspAnswer
				select {
				case a = <-ch:
				case <-w.done:
					return nil, net.ErrClosed
				}
				if a.failed {
					return nil, net.ErrClosed // the glue told the server and destroyed the socket
				}
				c = c.Clone()
				if err := w.useKeyCert(c); err != nil {
					return nil, err
				}
				if len(a.resp) > 0 && len(c.Certificates) > 0 {
					certs := slices.Clone(c.Certificates)
					for i := range certs {
						certs[i].OCSPStaple = a.resp
					}
					c.Certificates = certs
				}
				return c, nil
			})
		}
		// OpenSSL at security level 1 or more has no signature algorithm for TLS 1.1 or older
		// (SHA-1 and MD5+SHA-1 are below it): a server that would speak one fails its handshake.
		oldNeedsSigalg := sc.secLevel >= 1 && sc.minV < tls.VersionTLS12
		if isServer && (len(cfg.Certificates) > 1 || cfg.GetConfigForClient != nil || oldNeedsSigalg) {
			// A context with certificates of several key types signs as OpenSSL does: with
			// the first (in its order: ECDSA, EdDSA, RSA) whose key the client takes, whatever
			// names the certificates bear (Go's own choice skips those not for the server name).
			cfg = chainConfigForClient(cfg, func(c *tls.Config, hello *tls.ClientHelloInfo) (*tls.Config, error) {
				if oldNeedsSigalg {
					var v uint16
					for _, sv := range hello.SupportedVersions {
						if sv >= c.MinVersion && (c.MaxVersion == 0 || sv <= c.MaxVersion) && sv > v {
							v = sv
						}
					}
					if v != 0 && v < tls.VersionTLS12 {
						return nil, errNoSuitableSigalg // (Go sends the internal_error alert OpenSSL does)
					}
				}
				if len(c.Certificates) < 2 {
					return c, nil
				}
				anyName := *hello
				anyName.ServerName = ""
				for i := range c.Certificates {
					if anyName.SupportsCertificate(&c.Certificates[i]) == nil {
						c = c.Clone()
						c.Certificates = []tls.Certificate{c.Certificates[i]}
						break
					}
				}
				return c, nil
			})
		}
		if isServer {
			// The TLS 1.3 suite OpenSSL's server would take (tls13Choice). Choosing is safe when
			// no HelloRetryRequest follows: the client sent a key share for a group both take.
			// (The config the other steps give stays theirs: nil when they give none.)
			inner, base := cfg.GetConfigForClient, cfg
			cfg = cfg.Clone()
			cfg.GetConfigForClient = func(hello *tls.ClientHelloInfo) (*tls.Config, error) {
				var c *tls.Config
				if inner != nil {
					var err error
					if c, err = inner(hello); err != nil {
						return nil, err
					}
				}
				eff := c
				if eff == nil {
					eff = base
				}
				choose := false
				if f := w.pipe.fin.Load(); f != nil {
					_, frags := f.records(false)
					var raw []byte
					for _, r := range frags {
						raw = append(raw, r...)
					}
					server := eff.CurvePreferences
					if len(server) == 0 {
						server = []tls.CurveID{tls.X25519, tls.CurveP256, tls.CurveP384, tls.CurveP521}
					}
					for _, g := range helloKeyShares(raw) {
						if slices.Contains(server, g) && slices.Contains(hello.SupportedCurves, g) {
							choose = true
							break
						}
					}
				}
				sc.tls13Choice(eff, hello, choose)
				return c, nil
			}
		}
		if isServer && sessionCallbacks {
			// node's 'resumeSession': a ClientHello with a session id and no ticket is held until
			// the server's listeners answer, before anything else looks at it (onclienthello).
			w.pipe.recordHello = true
			inner := cfg.GetConfigForClient
			out := cfg.Clone()
			out.GetConfigForClient = func(hello *tls.ClientHelloInfo) (*tls.Config, error) {
				if err := w.clientHello(); err != nil {
					return nil, err
				}
				if inner != nil {
					return inner(hello)
				}
				return nil, nil
			}
			cfg = out
		}
		if !isServer {
			// (no SNI unless setServername names one, as node's TLSWrap: a TLSSocket's own
			// servername option is none)
			cfg.ServerName = ""
			if len(cfg.Certificates) > 0 {
				// OpenSSL sends its certificate whatever CAs the server names.
				first := cfg.Certificates[0]
				cfg.GetClientCertificate = func(*tls.CertificateRequestInfo) (*tls.Certificate, error) { return &first, nil }
			}
			sess := &connSessionCache{w: w}
			if v := o.Get("session"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
				sess.preset = decodeSession(buffer.BytesOf(vm, v))
			}
			cfg.ClientSessionCache = sess
			w.clientCfg = cfg
			w.conn = tls.Client(w.pipe, cfg)
		} else {
			w.conn = tls.Server(w.pipe, cfg)
		}
		w.obj = w.object()
		// (node's TLSWrap is an async resource: its callbacks run in its execution)
		w.handle.SetAsyncType("TLSWRAP", w.obj)
		go w.run()
		return w.obj
	})
	return nil
}

// tlsConnConfig adds a connection's own options (ALPN, client certificates) to its context's config.
func tlsConnConfig(cfg *tls.Config, isServer bool, o *goja.Object) error {
	if alpn := o.Get("ALPNProtocols"); alpn != nil && !goja.IsUndefined(alpn) && !goja.IsNull(alpn) {
		if ao, ok := alpn.(*goja.Object); ok {
			if wire, isBytes := modules.ExportAs[[]byte](ao); isBytes {
				// The wire form tls.convertALPNProtocols makes: length-prefixed names.
				for i := 0; i < len(wire); {
					n := int(wire[i])
					if n == 0 || i+1+n > len(wire) {
						break
					}
					cfg.NextProtos = append(cfg.NextProtos, string(wire[i+1:i+1+n]))
					i += 1 + n
				}
			} else {
				for _, k := range ao.Keys() {
					cfg.NextProtos = append(cfg.NextProtos, ao.Get(k).String())
				}
			}
		}
	}
	if isServer {
		if rc := o.Get("requestCert"); rc != nil && rc.ToBoolean() {
			cfg.ClientAuth = tls.RequestClientCert
			if ru := o.Get("rejectUnauthorized"); ru == nil || goja.IsUndefined(ru) || ru.ToBoolean() {
				cfg.ClientAuth = tls.RequireAnyClientCert
			}
		}
	}
	return nil
}

// verifyPeer checks the peer chain as OpenSSL would, returning a *verifyError, and the chain
// getPeerCertificate shows: the verified chain (up to the trusted root) or else what the peer sent.
func verifyPeer(cs tls.ConnectionState, roots *x509.CertPool, crls []*x509.RevocationList) (error, []*x509.Certificate) {
	if len(cs.PeerCertificates) == 0 {
		return &verifyError{"UNABLE_TO_GET_ISSUER_CERT", "unable to get issuer certificate"}, nil
	}
	leaf := cs.PeerCertificates[0]
	inter := x509.NewCertPool()
	for _, c := range cs.PeerCertificates[1:] {
		inter.AddCert(c)
	}
	chains, err := leaf.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
	if err != nil {
		var ua x509.UnknownAuthorityError
		var ci x509.CertificateInvalidError
		switch {
		case errors.As(err, &ci) && ci.Reason == x509.Expired:
			return &verifyError{"CERT_HAS_EXPIRED", "certificate has expired"}, cs.PeerCertificates
		case errors.As(err, &ua):
			if len(cs.PeerCertificates) == 1 && leaf.Subject.String() == leaf.Issuer.String() {
				return &verifyError{"DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"}, cs.PeerCertificates
			}
			if len(cs.PeerCertificates) > 1 {
				return &verifyError{"SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain"}, cs.PeerCertificates
			}
			return &verifyError{"UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate"}, cs.PeerCertificates
		default:
			return &verifyError{"UNABLE_TO_VERIFY_LEAF_SIGNATURE", err.Error()}, cs.PeerCertificates
		}
	}
	// As OpenSSL without X509_V_FLAG_PARTIAL_CHAIN (node 20's default), a chain is trusted only
	// when it ends in a self-signed certificate: a trusted certificate that is not one (the
	// server's own leaf given as ca, an intermediate alone) still needs its issuer.
	chain := slices.IndexFunc(chains, func(c []*x509.Certificate) bool {
		last := c[len(c)-1]
		return bytes.Equal(last.RawIssuer, last.RawSubject)
	})
	if chain < 0 {
		if len(chains[0]) == 1 {
			return &verifyError{"UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate"}, cs.PeerCertificates
		}
		return &verifyError{"UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "unable to get local issuer certificate"}, cs.PeerCertificates
	}
	if len(crls) > 0 {
		if ve := checkRevocation(chains[chain], crls); ve != nil {
			return ve, chains[chain]
		}
	}
	return nil, chains[chain]
}

// checkRevocation checks a verified chain against the context's CRLs as OpenSSL does once a CRL
// is added (node sets X509_V_FLAG_CRL_CHECK and X509_V_FLAG_CRL_CHECK_ALL): every certificate
// but the root needs a current CRL from its issuer, signed by it, that does not list it.
func checkRevocation(chain []*x509.Certificate, crls []*x509.RevocationList) *verifyError {
	now := time.Now()
	for i := 0; i+1 < len(chain); i++ {
		cert, issuer := chain[i], chain[i+1]
		var crl *x509.RevocationList
		for _, c := range crls {
			if bytes.Equal(c.RawIssuer, cert.RawIssuer) && c.CheckSignatureFrom(issuer) == nil {
				crl = c
				break
			}
		}
		switch {
		case crl == nil:
			return &verifyError{"UNABLE_TO_GET_CRL", "unable to get certificate CRL"}
		case now.Before(crl.ThisUpdate):
			return &verifyError{"CRL_NOT_YET_VALID", "CRL is not yet valid"}
		case !crl.NextUpdate.IsZero() && now.After(crl.NextUpdate):
			return &verifyError{"CRL_HAS_EXPIRED", "CRL has expired"}
		}
		for _, r := range crl.RevokedCertificateEntries {
			if r.SerialNumber.Cmp(cert.SerialNumber) == 0 {
				return &verifyError{"CERT_REVOKED", "certificate revoked"}
			}
		}
	}
	return nil
}

// clientHello asks the server's 'resumeSession' listeners about the session id of the
// ClientHello just read, as node's loadSession does for a hello that names a session and carries
// no ticket, and waits for their answer. Session goroutine.
func (w *tlsWrap) clientHello() error {
	p := w.pipe
	p.recordHello = false
	sid, ticket := helloSession(p.hello)
	p.hello = nil
	if len(sid) == 0 || ticket {
		return nil
	}
	ch := make(chan string, 1)
	w.post(func() error {
		w.hello = func(errMsg string) { ch <- errMsg }
		_, err := w.fn("onclienthello")(w.obj, buffer.New(w.h, sid))
		return err
	})
	select {
	case e := <-ch:
		if e != "" {
			return net.ErrClosed // the glue destroyed the socket with the listener's error
		}
		return nil
	case <-w.done:
		return net.ErrClosed
	}
}

// helloHandshake joins the handshake bytes of the leading handshake records of b (those that
// carry a ClientHello).
func helloHandshake(b []byte) []byte {
	var hs []byte
	for len(b) >= 5 && b[0] == 22 {
		n := int(b[3])<<8 | int(b[4])
		if len(b) < 5+n {
			break
		}
		hs = append(hs, b[5:5+n]...)
		b = b[5+n:]
	}
	return hs
}

// helloExtension gives the body of the extension of type want of the ClientHello in the records
// that carry it (nil when it has none, or cannot be read).
func helloExtension(b []byte, want int) []byte {
	hs := helloHandshake(b)
	if len(hs) < 4 || hs[0] != 1 {
		return nil
	}
	n := int(hs[1])<<16 | int(hs[2])<<8 | int(hs[3])
	m := hs[4:]
	if len(m) < n || n < 35 {
		return nil
	}
	m = m[34:n]
	// session id, cipher suites, compression methods, then the extensions
	for _, lenBytes := range []int{1, 2, 1} {
		if len(m) < lenBytes {
			return nil
		}
		l := int(m[0])
		if lenBytes == 2 {
			l = l<<8 | int(m[1])
		}
		if len(m) < lenBytes+l {
			return nil
		}
		m = m[lenBytes+l:]
	}
	if len(m) < 2 {
		return nil
	}
	m = m[2:]
	for len(m) >= 4 {
		typ, l := int(m[0])<<8|int(m[1]), int(m[2])<<8|int(m[3])
		if len(m) < 4+l {
			return nil
		}
		if typ == want {
			return m[4 : 4+l]
		}
		m = m[4+l:]
	}
	return nil
}

// helloKeyShares reads the groups of a ClientHello's key_share extension from the records that
// carry it (nil when it cannot).
func helloKeyShares(b []byte) []tls.CurveID {
	e := helloExtension(b, 51) // key_share: client_shares<group, key_exchange<..>>
	if len(e) < 2 {
		return nil
	}
	e = e[2:]
	var groups []tls.CurveID
	for len(e) >= 4 {
		kl := int(e[2])<<8 | int(e[3])
		if len(e) < 4+kl {
			break
		}
		groups = append(groups, tls.CurveID(int(e[0])<<8|int(e[1])))
		e = e[4+kl:]
	}
	return groups
}

// sigalgNames are OpenSSL's names (getSharedSigalgs') of the signature schemes a server can
// share with its client: SHA-1's are refused at node's default security level, DSA's under
// TLS 1.3 (Go offers neither).
var sigalgNames = map[uint16]string{
	0x0403: "ECDSA+SHA256", 0x0503: "ECDSA+SHA384", 0x0603: "ECDSA+SHA512", 0x0303: "ECDSA+SHA224",
	0x0807: "Ed25519+UNDEF", 0x0808: "Ed448+UNDEF",
	0x0804: "RSA-PSS+SHA256", 0x0805: "RSA-PSS+SHA384", 0x0806: "RSA-PSS+SHA512",
	0x0809: "RSA-PSS+SHA256", 0x080a: "RSA-PSS+SHA384", 0x080b: "RSA-PSS+SHA512",
	0x0401: "RSA+SHA256", 0x0501: "RSA+SHA384", 0x0601: "RSA+SHA512", 0x0301: "RSA+SHA224",
	0x0402: "DSA+SHA256", 0x0502: "DSA+SHA384", 0x0602: "DSA+SHA512", 0x0302: "DSA+SHA224",
}

// helloSigalgs is what a server shares of the signature schemes its client's ClientHello offers
// (signature_algorithms), as OpenSSL's shared list: in the client's order, OpenSSL's names.
func helloSigalgs(b []byte, version uint16) []string {
	e := helloExtension(b, 13)
	if len(e) < 2 {
		return nil
	}
	e = e[2:]
	var names []string
	for ; len(e) >= 2; e = e[2:] {
		name, ok := sigalgNames[uint16(e[0])<<8|uint16(e[1])]
		if ok && !(version == tls.VersionTLS13 && strings.HasPrefix(name, "DSA")) {
			names = append(names, name)
		}
	}
	return names
}

// helloSession reads a ClientHello's legacy session id from the records that carry it, and
// whether it brings a session ticket (a non-empty session_ticket extension), as node's
// ClientHelloParser does.
func helloSession(b []byte) (sid []byte, ticket bool) {
	hs := helloHandshake(b)
	if len(hs) < 4 || hs[0] != 1 {
		return nil, false
	}
	n := int(hs[1])<<16 | int(hs[2])<<8 | int(hs[3])
	m := hs[4:]
	if len(m) < n || n < 35 {
		return nil, false
	}
	m = m[34:n]
	sl := int(m[0])
	if len(m) < 1+sl || sl > 32 {
		return nil, false
	}
	sid = append([]byte(nil), m[1:1+sl]...)
	m = m[1+sl:]
	if len(m) < 2 {
		return sid, false
	}
	cl := int(m[0])<<8 | int(m[1])
	if len(m) < 2+cl+1 {
		return sid, false
	}
	m = m[2+cl:]
	kl := int(m[0])
	if len(m) < 1+kl+2 {
		return sid, false
	}
	m = m[1+kl:]
	el := int(m[0])<<8 | int(m[1])
	m = m[2:]
	if len(m) > el {
		m = m[:el]
	}
	for len(m) >= 4 {
		typ := int(m[0])<<8 | int(m[1])
		l := int(m[2])<<8 | int(m[3])
		if len(m) < 4+l {
			break
		}
		if typ == 35 && l > 0 {
			ticket = true
		}
		m = m[4+l:]
	}
	return sid, ticket
}

// connSessionCache is a client connection's session cache: the session JS gave (options.session)
// to resume, and each new one the server sends passed to JS ('session' event) in node's opaque
// form: a 4-byte ticket length, the ticket, then Go's serialized session state.
type connSessionCache struct {
	w      *tlsWrap
	preset *tls.ClientSessionState
}

func (c *connSessionCache) Get(string) (*tls.ClientSessionState, bool) {
	if f := c.w.pipe.fin.Load(); f != nil && c.preset != nil {
		// (the master secret a resumed TLS 1.2 handshake goes on with: see finRecorder)
		if _, st, err := c.preset.ResumptionState(); err == nil && st != nil {
			if b, err := st.Bytes(); err == nil {
				f.resumeMS = sessionSecret(b)
			}
		}
	}
	return c.preset, c.preset != nil
}

func (c *connSessionCache) Put(_ string, cs *tls.ClientSessionState) {
	if cs == nil {
		return
	}
	ticket, st, err := cs.ResumptionState()
	if err != nil || st == nil {
		return
	}
	sb, err := st.Bytes()
	if err != nil {
		return
	}
	out := make([]byte, 4, 4+len(ticket)+len(sb))
	binary.BigEndian.PutUint32(out, uint32(len(ticket)))
	out = append(append(out, ticket...), sb...)
	w := c.w
	w.post(func() error {
		f := w.fn("onsession")
		if f == nil {
			return nil
		}
		_, err := f(w.obj, buffer.New(w.h, out))
		return err
	})
}

// decodeSession reads a session encoded by connSessionCache.Put (nil if it is not one).
func decodeSession(b []byte) *tls.ClientSessionState {
	if len(b) < 4 {
		return nil
	}
	n := int(binary.BigEndian.Uint32(b))
	if n > len(b)-4 {
		return nil
	}
	st, err := tls.ParseSessionState(b[4+n:])
	if err != nil {
		return nil
	}
	cs, err := tls.NewResumptionState(append([]byte(nil), b[4:4+n]...), st)
	if err != nil {
		return nil
	}
	return cs
}

// keylogWriter passes NSS key log lines to JS ('keylog' events) once JS asked for them.
type keylogWriter struct{ w *tlsWrap }

func (k keylogWriter) Write(p []byte) (int, error) {
	w := k.w
	if !w.client && bytes.HasPrefix(p, serverTrafficLabel) {
		w.appSecret = logSecret(p)
	}
	if f := w.pipe.fin.Load(); f != nil {
		f.keyLog(p)
	}
	if !w.keylog.Load() {
		return len(p), nil
	}
	line := append([]byte(nil), p...)
	w.post(func() error {
		if f := w.fn("onkeylog"); f != nil {
			_, err := f(w.obj, buffer.New(w.h, line))
			return err
		}
		return nil
	})
	return len(p), nil
}

// Go's alert descriptions and OpenSSL's reasons for them (SSL_AD_REASON_OFFSET + alert).
var alertReasons = map[string]struct {
	num    int
	reason string
}{
	"unexpected message":             {10, "sslv3 alert unexpected message"},
	"bad record MAC":                 {20, "sslv3 alert bad record mac"},
	"handshake failure":              {40, "sslv3 alert handshake failure"},
	"bad certificate":                {42, "sslv3 alert bad certificate"},
	"unsupported certificate":        {43, "sslv3 alert unsupported certificate"},
	"revoked certificate":            {44, "sslv3 alert certificate revoked"},
	"expired certificate":            {45, "sslv3 alert certificate expired"},
	"unknown certificate":            {46, "sslv3 alert certificate unknown"},
	"illegal parameter":              {47, "sslv3 alert illegal parameter"},
	"unknown certificate authority":  {48, "tlsv1 alert unknown ca"},
	"access denied":                  {49, "tlsv1 alert access denied"},
	"error decoding message":         {50, "tlsv1 alert decode error"},
	"error decrypting message":       {51, "tlsv1 alert decrypt error"},
	"protocol version not supported": {70, "tlsv1 alert protocol version"},
	"insufficient security level":    {71, "tlsv1 alert insufficient security"},
	"internal error":                 {80, "tlsv1 alert internal error"},
	"inappropriate fallback":         {86, "tlsv1 alert inappropriate fallback"},
	"user canceled":                  {90, "tlsv1 alert user cancelled"},
	"missing extension":              {109, "tlsv13 alert missing extension"},
	"unsupported extension":          {110, "tlsv1 unsupported extension"},
	"unrecognized name":              {112, "tlsv1 unrecognized name"},
	"certificate required":           {116, "tlsv13 alert certificate required"},
	"no application protocol":        {120, "tlsv1 alert no application protocol"},
}

// Go's own handshake failures and OpenSSL's reasons (with their numbers) for the same thing.
var localReasons = []struct {
	match  string
	num    int
	reason string
}{
	{"client offered only unsupported versions", 0x102, "unsupported protocol"},
	{"server selected unsupported protocol version", 0x102, "unsupported protocol"},
	{"no supported versions satisfy MinVersion and MaxVersion", 0x0BF, "no protocols available"}, // (a client's)
	{errAlertFirst.Error(), 0x0F4, "unexpected message"},
	{"no suitable signature algorithm", 0x076, "no suitable signature algorithm"},
	// (a server with no certificate: OpenSSL finds no signature algorithm to sign with)
	{"no certificates configured", 0x076, "no suitable signature algorithm"},
	{"no cipher suite supported by both client and server", 0x0C1, "no shared cipher"},
	{"client requested unsupported application protocols", 0x0EB, "no application protocol"},
	{"client didn't provide a certificate", 0x0C7, "peer did not return a certificate"},
	{"first record does not look like a TLS handshake", 0x10B, "wrong version number"},
	// (a record whose version is not the session's: Go sends the protocol_version alert, as
	// OpenSSL's ssl3_get_record does)
	{"received record with version", 0x10B, "wrong version number"},
	{"passed a null parameter", 0x0C0102, "passed a null parameter"},
}

// plainRequestReason is OpenSSL's reason for a first record that is a plain HTTP request (its
// method, as ssl3_get_record reads it) or a proxy's CONNECT: "" for any other error.
func plainRequestReason(err error) (int, string) {
	var rh tls.RecordHeaderError
	if !errors.As(err, &rh) {
		return 0, ""
	}
	h := string(rh.RecordHeader[:])
	switch {
	case strings.HasPrefix(h, "GET "), strings.HasPrefix(h, "POST "), strings.HasPrefix(h, "HEAD "), strings.HasPrefix(h, "PUT "):
		return 0x09C, "http request"
	case strings.HasPrefix(h, "CONNE"):
		return 0x09B, "https proxy request"
	}
	return 0, ""
}

// sslError is node's error for a TLS failure: its code (ERR_SSL_...), OpenSSL's message and
// reason. ok is false when Go's error has no OpenSSL counterpart here.
func sslError(err error) (code, msg, reason string, ok bool) {
	text := err.Error()
	num := 0
	if i := strings.Index(text, "remote error: tls: "); i >= 0 {
		a, found := alertReasons[text[i+len("remote error: tls: "):]]
		if !found {
			return "", "", "", false
		}
		num, reason = 1000+a.num, a.reason
	} else if n, r := plainRequestReason(err); r != "" {
		num, reason = n, r
	} else {
		for _, l := range localReasons {
			if strings.Contains(text, l.match) {
				num, reason = l.num, l.reason
				break
			}
		}
		if reason == "" {
			return "", "", "", false
		}
	}
	code = "ERR_SSL_" + strings.ToUpper(strings.ReplaceAll(reason, " ", "_"))
	msg = fmt.Sprintf("error:0A%06X:SSL routines::%s", num, reason)
	if at, ok := sslErrorPlaces[reason]; ok || num > 1000 {
		// as node's TLSWrap reports a socket's failure: OpenSSL's printed error queue, with the
		// thread's id, the function, the file and line of node's OpenSSL and the alert's number
		data := ""
		if num > 1000 {
			at, data = sslErrorPlace{"ssl3_read_bytes", "record/rec_layer_s3.c", 1601}, fmt.Sprintf("SSL alert number %d", num-1000)
		}
		msg = fmt.Sprintf("%s:error:0A%06X:SSL routines:%s:%s:../deps/openssl/openssl/ssl/%s:%d:%s\n",
			sslThreadID(), num, at.fn, reason, at.file, at.line, data)
	}
	return code, msg, reason, true
}

// sslErrorPlace is the function, file (under node's deps/openssl/openssl/ssl) and line of node
// 20.20's OpenSSL that raises a TLS failure.
type sslErrorPlace struct {
	fn, file string
	line     int
}

// sslErrorPlaces are the places of the failures of sslError's reasons that a socket reports (an
// alert received is ssl3_read_bytes's, with its number); a reason not here keeps OpenSSL's short
// form of the error.
var sslErrorPlaces = map[string]sslErrorPlace{
	"wrong version number":              {"ssl3_get_record", "record/ssl3_record.c", 350},
	"no protocols available":            {"tls_setup_handshake", "statem/statem_lib.c", 102},
	"unexpected message":                {"ssl3_read_bytes", "record/rec_layer_s3.c", 1538},
	"http request":                      {"ssl3_get_record", "record/ssl3_record.c", 341},
	"https proxy request":               {"ssl3_get_record", "record/ssl3_record.c", 344},
	"unsupported protocol":              {"tls_early_post_process_client_hello", "statem/statem_srvr.c", 1664},
	"no shared cipher":                  {"tls_post_process_client_hello", "statem/statem_srvr.c", 2226},
	"no application protocol":           {"tls_handle_alpn", "statem/statem_srvr.c", 2172},
	"peer did not return a certificate": {"tls_process_client_certificate", "statem/statem_srvr.c", 3517},
}

// sslThreadID is the thread id OpenSSL's printed errors begin with: the bytes of a thread's
// address in hex (node's differ from run to run; this one is fixed for the process).
var sslThreadID = sync.OnceValue(func() string {
	var b [8]byte
	rand.Read(b[1:5])
	b[0], b[5] = 0x80, 0x7f // (an address of the form 0x00007fXXXXXXXX80, little-endian)
	return strings.ToUpper(hex.EncodeToString(b[:]))
})

type sniAnswer struct {
	cfg *tls.Config
	err error
}

var errNoSuitableSigalg = errors.New("no suitable signature algorithm")

// errAlertFirst is a server's failure when the client's first record is an alert.
var errAlertFirst = errors.New("tls: alert before the ClientHello")

// opensslFailure makes a failed handshake fail as OpenSSL's: a client that cannot offer any
// version sends the protocol_version alert OpenSSL sends then, and a server that gets an alert
// before any ClientHello fails with OpenSSL's unexpected message (Go takes it for the peer's
// verdict). Session goroutine.
func (w *tlsWrap) opensslFailure(err error) error {
	text := err.Error()
	if w.client && strings.Contains(text, "no supported versions satisfy") {
		w.alerts = append(w.alerts, []byte{0x15, 3, 3, 0, 2, 2, 70})
	} else if !w.client && w.pipe.first == 0x15 && strings.Contains(text, "remote error: tls: ") {
		return errAlertFirst
	}
	return err
}

// ocspAnswer is what a server's OCSPRequest listeners gave: a response to staple, or failure.
type ocspAnswer struct {
	failed bool
	resp   []byte
}

type verifyError struct{ code, msg string }

func (e *verifyError) Error() string { return e.msg }

func (w *tlsWrap) run() {
	defer w.park(gExited)
	// A client's handshake waits for start() (TLSSocket._start, which tls.connect calls), as node's
	// does: a TLSSocket made directly over a stream sends nothing until then.
	select {
	case <-w.started:
	default:
		w.park(gParkedStart)
	}
	select {
	case <-w.started:
		w.woke(gParkedStart)
	case <-w.done:
		return
	}
	err := w.conn.Handshake()
	close(w.shaked)
	if err != nil {
		err = w.opensslFailure(err)
	}
	w.cs = w.conn.ConnectionState()
	if f := w.pipe.fin.Swap(nil); f != nil && err == nil {
		w.finished, w.peerFinished = f.finished(&w.cs, w.client)
		if !w.client {
			w.sigalgs = helloSigalgs(f.hello(), w.cs.Version)
		}
	}
	// What the peer sent with the last of the handshake (a client's data right after its
	// Finished) is read now and delivered with the handshake's result, as node's session reads
	// it in the same SSL_read that ends the handshake: the server's 'data' comes after its
	// secureConnection and before its tickets (held, in the flight) reach the client.
	var buf []byte
	var early [][]byte
	// (A server's only: what a client has queued may be its server's tickets, which are its
	// 'session' events after its secureConnect.)
	if err == nil && !w.client {
		buf, early = w.readQueued()
	}
	w.holdOut = false
	held, alerts := w.held, w.alerts
	w.held, w.alerts = nil, nil
	if w.ticketOut != nil {
		// (a server's tickets go out after its handshake's result, unless that failed or JS
		// closed the socket on it: see addTicket)
		if err == nil {
			held = append(held, w.ticketOut)
		}
		w.ticketOut = nil
	}
	w.post(func() error {
		w.secure = err == nil
		// The alert first, then the report in the same turn: the peer cannot answer in between.
		for _, d := range alerts {
			w.oncipher(w.obj, buffer.New(w.h, d), w.vm.ToValue(len(d)))
		}
		w.inResult = true
		w.flight = held
		defer func() {
			w.inResult = false
			// The held flight goes out unless JS closed the socket on the handshake's result.
			w.sendFlight()
		}()
		cs := &w.cs
		if err == nil {
			// the writes made meanwhile are reported as those made from now on
			for _, q := range w.early {
				w.queueDone(q)
			}
			w.early = nil
			w.syncHold()
		}
		if err != nil && w.client && len(w.early) > 0 && !w.closed {
			// As node's TLSWrap, whose ClearIn meets the failed handshake first when the client
			// has written: the writes waiting for the handshake fail with EPROTO and OpenSSL's
			// error text ("write EPROTO ..."), and that error is the socket's.
			if _, msg, _, ok := sslError(err); ok {
				n := len(w.early)
				w.early = nil
				w.syncHold()
				for ; n > 0 && !w.closed; n-- {
					if _, e := w.fn("onwrite")(w.obj, w.vm.ToValue(-int(syscall.EPROTO)), w.vm.ToValue(msg)); e != nil {
						return e
					}
				}
			}
		}
		info := w.vm.NewObject()
		if err != nil {
			info.Set("error", strings.TrimPrefix(err.Error(), "tls: "))
			if code, msg, reason, ok := sslError(err); ok {
				info.Set("errorCode", code)
				info.Set("errorMessage", msg)
				info.Set("errorReason", reason)
			}
		}
		info.Set("alpn", cs.NegotiatedProtocol)
		info.Set("protocol", tlsVersion(cs.Version))
		if si, ok := suiteByID(cs.CipherSuite); ok {
			info.Set("cipher", si.name)
			info.Set("cipherVersion", si.version)
		} else {
			info.Set("cipher", tls.CipherSuiteName(cs.CipherSuite))
			info.Set("cipherVersion", "TLSv1.3")
		}
		info.Set("standardName", tls.CipherSuiteName(cs.CipherSuite))
		info.Set("resumed", cs.DidResume)
		if w.finished != nil {
			info.Set("finished", buffer.New(w.h, w.finished))
		}
		if w.peerFinished != nil {
			info.Set("peerFinished", buffer.New(w.h, w.peerFinished))
		}
		info.Set("servername", cs.ServerName)
		if len(cs.OCSPResponse) > 0 {
			info.Set("ocsp", buffer.New(w.h, append([]byte(nil), cs.OCSPResponse...)))
		}
		if n, size := curveInfo(cs.CurveID); n != "" {
			info.Set("curve", n)
			info.Set("curveSize", size)
		}
		if ve, ok := w.verifyErr.(*verifyError); ok {
			info.Set("authError", ve.msg)
			info.Set("authCode", ve.code)
		}
		chain := w.chain
		if chain == nil {
			chain = cs.PeerCertificates
		}
		if len(chain) > 0 {
			raws := make([]any, len(chain))
			for i, c := range chain {
				raws[i] = buffer.New(w.h, append([]byte(nil), c.Raw...))
			}
			info.Set("peerChain", w.vm.NewArray(raws...))
			// What the peer sent, when more than its certificate (getPeerX509Certificate's issuers).
			if len(cs.PeerCertificates) > 1 {
				sent := make([]any, len(cs.PeerCertificates))
				for i, c := range cs.PeerCertificates {
					sent[i] = buffer.New(w.h, append([]byte(nil), c.Raw...))
				}
				info.Set("peerSent", w.vm.NewArray(sent...))
			}
			last := chain[len(chain)-1]
			info.Set("lastSelfSigned", bytes.Equal(last.RawIssuer, last.RawSubject))
		}
		_, e := w.fn("onhandshake")(w.obj, info)
		for _, d := range early {
			if e != nil || w.closed {
				break
			}
			if e = w.h.Loop.RunTicksNow(); e == nil && !w.closed {
				e = w.deliver(d, 0)
			}
		}
		return e
	})
	if err != nil {
		return
	}
	go w.writer()
	for {
		w.park(gParkedWake)
		select {
		case <-w.wake:
			w.woke(gParkedWake)
		case <-w.done:
			return
		}
		for w.reading.Load() {
			// A read gives at most one record's plaintext (see takeRead for the buffers).
			if buf == nil {
				buf = make([]byte, maxRecord)
			}
			n, rerr := w.conn.Read(buf)
			if n > 0 {
				var d []byte
				d, buf = takeRead(buf, n)
				w.post(func() error { return w.deliver(d, 0) })
			}
			if rerr != nil {
				status := uvEOF
				if !errors.Is(rerr, io.EOF) {
					select {
					case <-w.done:
						return
					default:
					}
					status = -int(syscall.ECONNRESET)
					if code, msg, reason, ok := sslError(rerr); ok {
						// An alert after the handshake (a TLS 1.3 server refusing the client's
						// certificate): the socket fails with OpenSSL's error, as node's does.
						w.post(func() error {
							f := w.fn("onsslerror")
							if f == nil {
								return w.deliver(nil, status)
							}
							_, e := f(w.obj, w.vm.ToValue(code), w.vm.ToValue(msg), w.vm.ToValue(reason))
							return e
						})
						return
					}
				}
				w.post(func() error {
					// Like a libuv stream at its EOF, the session stops holding the loop once its
					// end is delivered (feedEnd held it until then): a socket nobody reads to its
					// 'end' does not keep the process alive.
					if status == uvEOF {
						w.readDone = true
						if !w.jsStream.Load() {
							w.handle.Unref()
						}
					}
					return w.deliver(nil, status)
				})
				return
			}
		}
	}
}

// readQueued reads the plaintext of the records the session has already been given, up to
// 64 KiB (a socket read's worth in node), without waiting for more: the read buffer (kept for
// the reads that follow) and the data. A failure, or the peer's close_notify, is left for the
// next Read, which meets it again (crypto/tls keeps it). Session goroutine, after a server's
// successful handshake.
func (w *tlsWrap) readQueued() (buf []byte, data [][]byte) {
	w.pipe.probe = true
	defer func() { w.pipe.probe = false }()
	for total := 0; total < 64<<10; {
		if buf == nil {
			buf = make([]byte, maxRecord)
		}
		n, err := w.conn.Read(buf)
		if n > 0 {
			var d []byte
			d, buf = takeRead(buf, n)
			data = append(data, d)
			total += n
		}
		if err != nil || n == 0 {
			break
		}
	}
	return buf, data
}

// takeRead returns the n bytes read into buf for JS, and the buffer for the next read: buf itself
// when at least half full (nil is left, and the next read makes a new one), else a copy of the
// bytes, so that small records do not cost a record's room each.
func takeRead(buf []byte, n int) (data, next []byte) {
	if n >= len(buf)/2 {
		return buf[:n:n], nil
	}
	data = make([]byte, n)
	copy(data, buf[:n])
	return data, buf
}

func (w *tlsWrap) deliver(data []byte, status int) error {
	f := w.onreadFn
	if f == nil {
		return nil
	}
	if status != 0 {
		_, err := f(w.obj, w.vm.ToValue(status))
		return err
	}
	// (the length too, as net's reads give it: a named property read of a typed array costs
	// goja a parse of the name as an index, about a microsecond)
	_, err := f(w.obj, buffer.New(w.h, data), w.vm.ToValue(len(data)))
	return err
}

// write encrypts d in records of at most maxFrag bytes of plaintext each (writer goroutine, or
// the loop while the writer is idle).
func (w *tlsWrap) write(d []byte) error {
	max := int(w.maxFrag.Load())
	for len(d) > max {
		if _, err := w.conn.Write(d[:max]); err != nil {
			return err
		}
		d = d[max:]
	}
	_, err := w.conn.Write(d)
	return err
}

func (w *tlsWrap) writer() {
	for {
		w.wmu.Lock()
		if len(w.writes) > 0 {
			f := w.writes[0]
			w.writes[0] = nil
			w.writes = w.writes[1:]
			w.wbusy = true
			w.wmu.Unlock()
			f()
			w.wmu.Lock()
			w.wbusy = false
			w.wmu.Unlock()
			continue
		}
		w.wmu.Unlock()
		select {
		case <-w.wready:
		case <-w.done:
			return
		}
	}
}

func tlsVersion(v uint16) string {
	switch v {
	case tls.VersionTLS13:
		return "TLSv1.3"
	case tls.VersionTLS12:
		return "TLSv1.2"
	case tls.VersionTLS11:
		return "TLSv1.1"
	}
	return "TLSv1"
}

// tlsWrapState is a runtime's TLSWrap prototype and its open sessions by handle object.
type tlsWrapState struct {
	proto *goja.Object
	open  map[*goja.Object]*tlsWrap
}

type tlsWrapKey struct{}

// wrapState returns the runtime's TLSWrap state, making the prototype on the first session:
// node's handle class (a socket's _handle and ssl are TLSWrap objects, a read's frame is
// TLSWrap.onStreamRead), with onread an accessor as node's StreamBase has it, whose value the
// session keeps (a read finds it without a property lookup). Loop only.
func wrapState(h *modules.Host) *tlsWrapState {
	return h.State(tlsWrapKey{}, func() any {
		vm := h.VM
		st := &tlsWrapState{proto: vm.NewObject(), open: map[*goja.Object]*tlsWrap{}}
		modules.SetHandleClass(vm, st.proto, "TLSWrap")
		st.proto.DefineAccessorProperty("onread", vm.ToValue(func(c goja.FunctionCall) goja.Value {
			if o, ok := c.This.(*goja.Object); ok {
				if w := st.open[o]; w != nil && w.onreadVal != nil {
					return w.onreadVal
				}
			}
			return goja.Undefined()
		}), vm.ToValue(func(c goja.FunctionCall) goja.Value {
			v := c.Argument(0)
			if o, ok := c.This.(*goja.Object); ok {
				if w := st.open[o]; w != nil {
					w.onreadVal = v
					w.onreadFn, _ = goja.AssertFunction(v)
				} else {
					// (a closed session's handle keeps what it is given as its own)
					o.DefineDataProperty("onread", v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
				}
			}
			return goja.Undefined()
		}), goja.FLAG_TRUE, goja.FLAG_TRUE)
		return st
	}).(*tlsWrapState)
}

func (w *tlsWrap) object() *goja.Object {
	vm := w.vm
	o := vm.NewObject()
	st := wrapState(w.h)
	o.SetPrototype(st.proto)
	st.open[o] = w
	// feed(data, own): own says data is the session's to keep, as a socket's reads are (each
	// its own memory, never reused while a Buffer or slice of it is reachable, and nobody
	// writes into a read); a stream of JS's may reuse what it pushed, so that is copied.
	o.Set("feed", func(v goja.Value, own bool) {
		if w.closed {
			return
		}
		d := buffer.BytesOf(vm, v)
		if !own {
			d = append([]byte(nil), d...)
		}
		w.pipe.push(d, false)
		w.syncHold()
	})
	o.Set("feedEnd", func() {
		if w.closed || w.fedEnd {
			return // the end is fed once (the raw socket's 'end', or its 'close' without one)
		}
		w.fedEnd = true
		w.pipe.push(nil, true) // after the queued data
		if w.jsStream.Load() {
			w.syncHold()
			return
		}
		// The socket under the session stops keeping the loop alive once it has read its EOF
		// (as a libuv stream does); the session's goroutine still has that input to work
		// through, and its results to post, before JS can close the TLS socket. (Not for a
		// socket JS unref'd.)
		if !w.released && !w.readDone {
			w.handle.Ref()
		}
	})
	o.Set("readStart", func() int {
		w.reading.Store(true)
		w.unpark(gParkedWake)
		select {
		case w.wake <- struct{}{}:
		default:
		}
		w.syncHold()
		return 0
	})
	o.Set("readStop", func() int { w.reading.Store(false); return 0 })
	// setServername(name): the SNI a client sends (node's SSL_set_tlsext_host_name), until its
	// handshake starts (the handshake goroutine reads the config only after start).
	o.Set("setServername", func(name string) {
		select {
		case <-w.started:
		default:
			if w.clientCfg != nil {
				w.clientCfg.ServerName = name
			}
		}
	})
	o.Set("start", func() {
		select {
		case <-w.started:
		default:
			w.unpark(gParkedStart)
			close(w.started)
			w.syncHold()
		}
	})
	// holdLoop(true) lets a session over a plain JS stream (JSStreamSocket) keep the loop alive
	// while its goroutine works (see syncHold): a TLS socket over a real socket lives on that
	// socket's reference, but over a JS stream nothing else would wait for the goroutine.
	o.Set("holdLoop", func(on bool) {
		if w.closed {
			return
		}
		w.released = !on
		w.holdWanted = on
		w.syncHold()
	})
	// setMaxSendFragment answers as OpenSSL's SSL_set_max_send_fragment: 1 for a size within
	// 512..16384, 0 (nothing changed) otherwise. As OpenSSL's split_send_fragment, which the size
	// lowers but never raises, the records keep to the smallest size ever set.
	o.Set("setMaxSendFragment", func(size int) int {
		if size < 512 || size > maxRecord {
			return 0
		}
		if int32(size) < w.maxFrag.Load() {
			w.maxFrag.Store(int32(size))
		}
		return 1
	})
	// outBytes is the ciphertext made and not handed to the socket under the session yet.
	o.Set("outBytes", func() int {
		w.outMu.Lock()
		defer w.outMu.Unlock()
		n := 0
		for _, d := range w.out {
			n += len(d)
		}
		return n
	})
	o.Set("writeBuffer", func(v goja.Value) int {
		if w.closed {
			return -int(syscall.EBADF)
		}
		d := buffer.BytesOf(vm, v)
		// After the handshake, with no write queued or running, a write is encrypted at once on
		// the loop, as node's in-thread TLS: its ciphertext is the socket's before the next turn
		// (flushOut), and its completion is reported as node's (queueDone). (Large writes went
		// to the writer, to be encrypted beside the loop, until their completion had to wait
		// for that in the same turn: the copy of their plaintext and the handing over cost more
		// than the overlap gained, 25% of the CPU of a bulk stream with the read copy below.)
		// Those made before the handshake, or behind one, go to the writer, and are reported
		// as the others (queueDone waits for the writer). (Writes are queued from the loop only,
		// so the writer cannot start one meanwhile.)
		if w.secure {
			w.wmu.Lock()
			idle := len(w.writes) == 0 && !w.wbusy
			w.wbusy = w.wbusy || idle
			w.wmu.Unlock()
			if idle {
				err := w.write(d)
				w.wmu.Lock()
				w.wbusy = false
				w.wmu.Unlock()
				if err != nil {
					return -int(syscall.EPIPE)
				}
				// As node's EncOut, the ciphertext goes to the socket under the session now, after
				// the held flight when JS writes from the handshake's result; but a TLS 1.3
				// server's, written from there, waits for the posted flushOut (node's session
				// has its tickets still to send then, and holds what JS writes).
				if !w.inResult || w.client || w.cs.Version != tls.VersionTLS13 {
					w.sendFlightWithOut()
					if e := w.flushOut(); e != nil {
						panic(e)
					}
				}
				w.queueDone(nil)
				return 1
			}
		}
		// (the writer encrypts a copy: JS may change its buffer once the call returns, as node's
		// session has encrypted it by then)
		d = append([]byte(nil), d...)
		q := &queuedWrite{done: make(chan struct{})}
		w.enqueue(func() {
			if err := w.write(d); err != nil {
				q.status = -int(syscall.EPIPE)
			}
			close(q.done)
		})
		if w.secure {
			w.queueDone(q)
		} else {
			w.early = append(w.early, q)
			w.syncHold()
		}
		return 1
	})
	o.Set("shutdown", func(cb goja.Callable) int {
		// A shutdown is a request, as node's ShutdownWrap: it keeps the loop alive until its
		// close_notify is out, even once the socket under it has read its EOF and stopped holding
		// the loop (a server answering a client that closed at once would otherwise never close).
		// Its callback runs in its own execution (a SHUTDOWNWRAP the handle made).
		p := w.h.Loop.ReserveReq(w.handle.NewAsyncReq("SHUTDOWNWRAP"))
		w.shutdowns = append(w.shutdowns, p)
		w.enqueue(func() {
			w.conn.CloseWrite()
			p.Done(func() error {
				if w.closed {
					return nil
				}
				_, e := cb(goja.Undefined(), vm.ToValue(0))
				return e
			})
		})
		return 0
	})
	closeFn := func(cb goja.Callable, drain bool) {
		if !w.closed && w.inResult && !w.client && w.cs.Version != tls.VersionTLS13 {
			// (a TLS 1.2 server's Finished, held for its result, is out before what follows,
			// as node's, whose flight leaves once the handshake-done callback returns)
			w.sendFlight()
		}
		// (a close from the handshake's result, a client refusing its server, sends nothing
		// written so far, as node's session has handed none of it to the socket yet: a client's,
		// or a TLS 1.3 server's, which has its tickets still to send then; a TLS 1.2 server has
		// sent its Finished, and what it wrote goes after it)
		if drain && !w.closed && !(w.inResult && (w.client || w.cs.Version == tls.VersionTLS13)) {
			w.drain()
		}
		for _, p := range w.shutdowns {
			p.Cancel() // those the writer never reached (a closed session)
		}
		w.shutdowns = nil
		canceled := 0
		if !w.closed {
			// the writes not reported yet (queued for the writer, which a failed handshake never
			// starts, or waiting for their immediate) are canceled, as node's TLSWrap cancels its
			// queued writes when it closes
			canceled = len(w.early) + len(w.doneQ)
			w.early, w.doneQ = nil, nil
			w.closed = true
			if st := wrapState(w.h); st.open[w.obj] == w {
				delete(st.open, w.obj)
				if w.onreadVal != nil {
					w.obj.DefineDataProperty("onread", w.onreadVal, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
				}
			}
			w.closeDone()
			w.handle.Close()
			if f := w.fn("onclose"); f != nil {
				f(w.obj)
			}
		}
		if cb != nil {
			w.h.Loop.OnClose(func() error { _, err := cb(goja.Undefined()); return err })
		}
		if canceled > 0 {
			// (the close phase runs its callbacks newest first: these before cb)
			w.h.Loop.OnClose(func() error {
				for ; canceled > 0; canceled-- {
					if _, err := w.fn("onwrite")(w.obj, vm.ToValue(-int(syscall.ECANCELED))); err != nil {
						return err
					}
				}
				return nil
			})
		}
	}
	o.Set("close", func(cb goja.Callable) { closeFn(cb, true) })
	o.Set("reset", func(cb goja.Callable) { closeFn(cb, false) })
	// fd is a getter, as node's TLSWrap's: the descriptor of the handle under it (_parent),
	// -1 without one
	o.DefineAccessorProperty("fd", modules.Func(vm, "", 0, func(goja.FunctionCall) goja.Value {
		if p, ok := o.Get("_parent").(*goja.Object); ok {
			if fd := p.Get("fd"); fd != nil {
				if _, ok := modules.ExportAs[int64](fd); ok {
					return fd
				}
			}
		}
		return vm.ToValue(-1)
	}), nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
	o.Set("enableKeylog", func() { w.keylog.Store(true) })
	// setKeyCert(context): node's TLSSocket.setKeyCert from a server's SNI or ALPN callback.
	o.Set("setKeyCert", func(ctx goja.Value) {
		if sc2, ok := modules.ExportAs[*secureCtx](ctx); ok {
			w.keyCert = sc2
		}
	})
	// ocspDone(failed, response): the server's OCSPRequest listeners answered.
	o.Set("ocspDone", func(failed bool, resp goja.Value) {
		if f := w.ocsp; f != nil {
			w.ocsp = nil
			a := ocspAnswer{failed: failed}
			if resp != nil && !goja.IsUndefined(resp) && !goja.IsNull(resp) {
				a.resp = append([]byte(nil), buffer.BytesOf(vm, resp)...)
			}
			f(a)
		}
	})
	// helloDone(errMsg): the server's resumeSession listener answered ("" to go on).
	o.Set("helloDone", func(errMsg string) {
		if f := w.hello; f != nil {
			w.hello = nil
			f(errMsg)
		}
	})
	o.Set("sniDone", func(errMsg string, ctx goja.Value) {
		if f := w.sni; f != nil {
			w.sni = nil
			f(errMsg, ctx)
		}
	})
	o.Set("getSharedSigalgs", func() *goja.Object {
		names := make([]any, len(w.sigalgs))
		for i, n := range w.sigalgs {
			names[i] = n
		}
		return vm.NewArray(names...)
	})
	// exportKeyingMaterial(length, label, context|undefined): RFC 5705 keying material.
	o.Set("exportKeyingMaterial", func(n int, label string, ctx goja.Value) goja.Value {
		var c []byte
		if ctx != nil && !goja.IsUndefined(ctx) {
			c = append([]byte{}, buffer.BytesOf(vm, ctx)...)
		}
		out, err := w.cs.ExportKeyingMaterial(label, c, n)
		if err != nil {
			w.h.Throw(modules.NewError("Error", "ERR_TLS_INVALID_STATE", strings.TrimPrefix(err.Error(), "crypto/tls: ")))
		}
		return buffer.New(w.h, out)
	})
	return o
}

// enqueue runs f on the writer goroutine, after the handshake, in the order of the calls.
func (w *tlsWrap) enqueue(f func()) {
	w.wmu.Lock()
	w.writes = append(w.writes, f)
	w.wmu.Unlock()
	select {
	case w.wready <- struct{}{}:
	default:
	}
}

// chainConfigAsking is chainConfigForClient for a step that asks before the steps cfg has
// already (ask runs first, and its error ends the handshake before they run) and applies its
// answer to the config they give (to cfg itself, without asking them, when it says skip: an
// answer that fails the handshake). A nil apply leaves that config as it is.
func chainConfigAsking(cfg *tls.Config, ask func(hello *tls.ClientHelloInfo) (apply func(c *tls.Config) (*tls.Config, error), skip bool, err error)) *tls.Config {
	inner := cfg.GetConfigForClient
	base := cfg
	out := base.Clone()
	out.GetConfigForClient = func(hello *tls.ClientHelloInfo) (*tls.Config, error) {
		apply, skip, err := ask(hello)
		if err != nil {
			return nil, err
		}
		c := base
		if inner != nil && !skip {
			c2, err := inner(hello)
			if err != nil {
				return nil, err
			}
			if c2 != nil {
				c = c2
			}
		}
		if apply == nil {
			return c, nil
		}
		return apply(c)
	}
	return out
}

// chainConfigForClient is a copy of cfg whose GetConfigForClient asks cfg's own first (taking
// its config, or cfg itself when it gives none), then step with that config.
func chainConfigForClient(cfg *tls.Config, step func(c *tls.Config, hello *tls.ClientHelloInfo) (*tls.Config, error)) *tls.Config {
	inner := cfg.GetConfigForClient
	base := cfg
	out := base.Clone()
	out.GetConfigForClient = func(hello *tls.ClientHelloInfo) (*tls.Config, error) {
		c := base
		if inner != nil {
			c2, err := inner(hello)
			if err != nil {
				return nil, err
			}
			if c2 != nil {
				c = c2
			}
		}
		return step(c, hello)
	}
	return out
}
