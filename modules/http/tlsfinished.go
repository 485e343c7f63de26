package http

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/tls"
	"encoding/hex"
	"hash"
	"strings"
	"sync/atomic"
)

// getFinished and getPeerFinished: the verify_data of the Finished messages a TLS 1.2 handshake
// exchanged. Go's crypto/tls keeps neither, so they are computed again as RFC 5246 defines them:
// PRF(master_secret, "client finished" / "server finished", Hash(handshake messages)), from the
// handshake messages the records carried in the clear (each side's, up to its
// ChangeCipherSpec, recorded by the pipe the session runs over) and the master secret the
// session hands its key log. The client's is checked against tls-unique, which is that message
// for a full handshake; a resumed session (no master secret logged) or TLS 1.3 has none here.

// hsRecorder follows one direction of the record stream while the handshake runs and keeps the
// handshake messages it carries in the clear.
type hsRecorder struct {
	buf, hs []byte
	ccs     bool // the direction's ChangeCipherSpec went: what follows is encrypted
}

// hsMaxTranscript bounds what a handshake's transcript may hold.
const hsMaxTranscript = 1 << 20

// feed takes the next bytes of the stream and appends each whole handshake message to msgs.
func (r *hsRecorder) feed(d []byte, msgs *[][]byte, size *int) {
	if r.ccs || *size > hsMaxTranscript {
		return
	}
	r.buf = append(r.buf, d...)
	for len(r.buf) >= 5 {
		n := int(r.buf[3])<<8 | int(r.buf[4])
		if len(r.buf) < 5+n {
			return
		}
		switch r.buf[0] {
		case 20:
			r.ccs, r.buf, r.hs = true, nil, nil
			return
		case 22:
			r.hs = append(r.hs, r.buf[5:5+n]...)
			for len(r.hs) >= 4 {
				m := 4 + (int(r.hs[1])<<16 | int(r.hs[2])<<8 | int(r.hs[3]))
				if len(r.hs) < m {
					break
				}
				*msgs = append(*msgs, append([]byte(nil), r.hs[:m]...))
				*size += m
				r.hs = r.hs[m:]
			}
		}
		r.buf = r.buf[5+n:]
	}
}

// hsTranscript is what the pipe records of a handshake (session goroutine only): the messages
// both directions carried in the clear, in the order they went (TLS 1.2's flights do not
// overlap), and the TLS 1.2 master secret from the key log.
type hsTranscript struct {
	on        atomic.Bool
	in, out   hsRecorder
	msgs      [][]byte
	size      int
	masterSec []byte
}

// reset lets what was recorded go.
func (t *hsTranscript) reset() {
	t.in, t.out, t.msgs, t.masterSec = hsRecorder{}, hsRecorder{}, nil, nil
}

// keyLogLine takes a key log line: a TLS 1.2 CLIENT_RANDOM line's master secret.
func (t *hsTranscript) keyLogLine(p []byte) {
	f := strings.Fields(string(p))
	if len(f) == 3 && f[0] == "CLIENT_RANDOM" {
		t.masterSec, _ = hex.DecodeString(f[2])
	}
}

// finished returns the session's own and its peer's Finished verify_data, nil where unknown.
func (t *hsTranscript) finished(cs *tls.ConnectionState, client bool) (own, peer []byte) {
	if cs.Version != tls.VersionTLS12 || cs.DidResume || t.masterSec == nil || t.size > hsMaxTranscript {
		return nil, nil
	}
	newHash := sha256.New
	if strings.HasSuffix(tls.CipherSuiteName(cs.CipherSuite), "SHA384") {
		newHash = sha512.New384
	}
	// A full handshake: the client's Finished follows every message but the server's
	// NewSessionTicket, which comes before the server's Finished.
	var before, ticket []byte
	for _, m := range t.msgs {
		switch m[0] {
		case 0: // (HelloRequest is in no transcript)
		case 4:
			ticket = append(ticket, m...)
		default:
			before = append(before, m...)
		}
	}
	sum := func(b []byte) []byte {
		h := newHash()
		h.Write(b)
		return h.Sum(nil)
	}
	cf := prf12(newHash, t.masterSec, "client finished", sum(before), 12)
	if !bytes.Equal(cf, cs.TLSUnique) {
		return nil, nil
	}
	all := append(append(append(before, 20, 0, 0, 12), cf...), ticket...)
	sf := prf12(newHash, t.masterSec, "server finished", sum(all), 12)
	if client {
		return cf, sf
	}
	return sf, cf
}

// prf12 is TLS 1.2's PRF (RFC 5246 section 5): P_hash(secret, label + seed) cut to n bytes.
func prf12(newHash func() hash.Hash, secret []byte, label string, seed []byte, n int) []byte {
	s := append([]byte(label), seed...)
	mac := hmac.New(newHash, secret)
	mac.Write(s)
	a := mac.Sum(nil)
	var out []byte
	for len(out) < n {
		mac.Reset()
		mac.Write(a)
		mac.Write(s)
		out = mac.Sum(out)
		mac.Reset()
		mac.Write(a)
		a = mac.Sum(nil)
	}
	return out[:n]
}
