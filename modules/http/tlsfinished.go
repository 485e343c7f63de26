package http

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/tls"
	"encoding/hex"
	"hash"
	"strings"

	"golang.org/x/crypto/chacha20poly1305"
)

// Node's getFinished and getPeerFinished give the verify_data of the Finished messages of a
// session's handshake (OpenSSL's SSL_get_finished / SSL_get_peer_finished). Go's session keeps
// them to itself, so they are worked out from what the handshake read and wrote (the session's
// transport is ours) and the secrets its key log gives: under TLS 1.3 the Finished records are
// decrypted with the handshake traffic secrets; under TLS 1.2 and older they are computed, as the
// peers do, from the master secret and the handshake's transcript (its messages before each
// ChangeCipherSpec are in the clear).

// finRecorder keeps, in order, what a session's handshake read and wrote and the secrets its key
// log gave. Handshake goroutine only.
type finRecorder struct {
	log  []finChunk
	size int
	over bool // the handshake read or wrote more than finRecordMax: nothing is worked out
	// ms is the TLS 1.2 (or older) master secret: the key log's for a full handshake, the
	// session's for a resumed one.
	ms []byte
	// resumeMS is the master secret of the session offered (client) or taken (server) for
	// resumption, used when the handshake resumed it.
	resumeMS []byte
	// the TLS 1.3 handshake traffic secrets
	clientHS, serverHS []byte
}

type finChunk struct {
	out bool // written by this side
	d   []byte
}

// finRecordMax bounds what a handshake's recording keeps (certificate chains included).
const finRecordMax = 256 << 10

func (f *finRecorder) add(out bool, d []byte) {
	if f.over {
		return
	}
	if f.size += len(d); f.size > finRecordMax {
		f.over, f.log = true, nil
		return
	}
	f.log = append(f.log, finChunk{out, append([]byte(nil), d...)})
}

// keyLog takes the secrets of an NSS key log line.
func (f *finRecorder) keyLog(line []byte) {
	fields := strings.Fields(string(line))
	if len(fields) != 3 {
		return
	}
	secret, err := hex.DecodeString(fields[2])
	if err != nil {
		return
	}
	switch fields[0] {
	case "CLIENT_RANDOM":
		f.ms = secret
	case "CLIENT_HANDSHAKE_TRAFFIC_SECRET":
		f.clientHS = secret
	case "SERVER_HANDSHAKE_TRAFFIC_SECRET":
		f.serverHS = secret
	}
}

// sessionSecret reads the secret of a session state serialized by Go's SessionState.Bytes: it
// follows the version (2 bytes), the side (1), the cipher suite (2) and the creation time (8),
// with a one-byte length.
func sessionSecret(b []byte) []byte {
	const at = 13
	if len(b) <= at {
		return nil
	}
	n := int(b[at])
	if len(b) < at+1+n {
		return nil
	}
	return append([]byte(nil), b[at+1:at+1+n]...)
}

// finished works out this side's and the peer's verify_data (nil, nil when it cannot).
func (f *finRecorder) finished(cs *tls.ConnectionState, client bool) (own, peer []byte) {
	if f.over {
		return nil, nil
	}
	var cf, sf []byte
	if cs.Version == tls.VersionTLS13 {
		cf, sf = f.finished13(cs.CipherSuite, client)
	} else {
		cf, sf = f.finished12(cs, client)
	}
	if client {
		return cf, sf
	}
	return sf, cf
}

// hello joins what the handshake read before this side wrote anything: a server's ClientHello.
func (f *finRecorder) hello() []byte {
	var b []byte
	for _, c := range f.log {
		if c.out {
			break
		}
		b = append(b, c.d...)
	}
	return b
}

// records splits the chunks of one direction (out: written by this side) into records:
// their content types and fragments.
func (f *finRecorder) records(out bool) (types []byte, frags [][]byte) {
	var buf []byte
	for _, c := range f.log {
		if c.out == out {
			buf = append(buf, c.d...)
		}
	}
	for len(buf) >= 5 {
		n := int(buf[3])<<8 | int(buf[4])
		if len(buf) < 5+n {
			break
		}
		types = append(types, buf[0])
		frags = append(frags, buf[:5+n])
		buf = buf[5+n:]
	}
	return types, frags
}

// trafficAEAD is the record protection of a TLS 1.3 traffic secret under suite: its AEAD and
// its IV (RFC 8446 7.3).
func trafficAEAD(suite uint16, secret []byte) (aead cipher.AEAD, iv []byte, ok bool) {
	var keyLen int
	var hf func() hash.Hash
	switch suite {
	case tls.TLS_AES_128_GCM_SHA256:
		keyLen, hf = 16, sha256.New
	case tls.TLS_AES_256_GCM_SHA384:
		keyLen, hf = 32, sha512.New384
	case tls.TLS_CHACHA20_POLY1305_SHA256:
		keyLen, hf = 32, sha256.New
	default:
		return nil, nil, false
	}
	if secret == nil {
		return nil, nil, false
	}
	key, err1 := hkdf.Expand(hf, secret, expandLabel("key", keyLen), keyLen)
	iv, err2 := hkdf.Expand(hf, secret, expandLabel("iv", 12), 12)
	if err1 != nil || err2 != nil {
		return nil, nil, false
	}
	var err error
	if suite == tls.TLS_CHACHA20_POLY1305_SHA256 {
		aead, err = chacha20poly1305.New(key)
	} else {
		var block cipher.Block
		if block, err = aes.NewCipher(key); err == nil {
			aead, err = cipher.NewGCM(block)
		}
	}
	return aead, iv, err == nil
}

// finished13 decrypts each side's encrypted handshake records with its handshake traffic
// secret and reads its Finished message.
func (f *finRecorder) finished13(suite uint16, client bool) (cf, sf []byte) {
	read := func(out bool, secret []byte) []byte {
		aead, iv, ok := trafficAEAD(suite, secret)
		if !ok {
			return nil
		}
		types, frags := f.records(out)
		var msgs []byte
		var seq uint64
		nonce := make([]byte, 12)
		for i, t := range types {
			if t != 23 { // the clear ClientHello/ServerHello, compatibility ChangeCipherSpecs
				continue
			}
			copy(nonce, iv)
			for j := 0; j < 8; j++ {
				nonce[4+j] ^= byte(seq >> (56 - 8*j))
			}
			seq++
			rec := frags[i]
			plain, err := aead.Open(nil, nonce, rec[5:], rec[:5])
			if err != nil {
				return nil
			}
			for len(plain) > 0 && plain[len(plain)-1] == 0 {
				plain = plain[:len(plain)-1]
			}
			if len(plain) == 0 || plain[len(plain)-1] != 22 {
				return nil
			}
			msgs = append(msgs, plain[:len(plain)-1]...)
			if body, ok := findMessage(msgs, 20); ok {
				return body
			}
		}
		return nil
	}
	// (each side wrote its own records and read its peer's)
	cf = read(client, f.clientHS)
	sf = read(!client, f.serverHS)
	return cf, sf
}

// findMessage returns the body of the first whole handshake message of type t in msgs.
func findMessage(msgs []byte, t byte) ([]byte, bool) {
	for len(msgs) >= 4 {
		n := int(msgs[1])<<16 | int(msgs[2])<<8 | int(msgs[3])
		if len(msgs) < 4+n {
			return nil, false
		}
		if msgs[0] == t {
			return append([]byte(nil), msgs[4:4+n]...), true
		}
		msgs = msgs[4+n:]
	}
	return nil, false
}

// expandLabel is TLS 1.3's HkdfLabel with an empty context.
func expandLabel(label string, length int) string {
	full := "tls13 " + label
	b := []byte{byte(length >> 8), byte(length), byte(len(full))}
	b = append(b, full...)
	return string(append(b, 0))
}

// finished12 replays the handshake's clear messages in the order they were read and written and
// computes each Finished where its sender's ChangeCipherSpec comes: over the transcript so far,
// which then includes it.
func (f *finRecorder) finished12(cs *tls.ConnectionState, client bool) (cf, sf []byte) {
	ms := f.ms
	if cs.DidResume || ms == nil {
		ms = f.resumeMS
	}
	if len(ms) != 48 {
		return nil, nil
	}
	var transcript []byte
	// pending holds a direction's bytes not yet whole records; msgs its handshake bytes not yet
	// whole messages; done that it has sent its ChangeCipherSpec (what follows is encrypted).
	var pending, msgs [2][]byte
	var done [2]bool
	for _, c := range f.log {
		d := 0
		if c.out {
			d = 1
		}
		if done[d] {
			continue
		}
		pending[d] = append(pending[d], c.d...)
		for !done[d] && len(pending[d]) >= 5 {
			p := pending[d]
			n := int(p[3])<<8 | int(p[4])
			if len(p) < 5+n {
				break
			}
			typ, frag := p[0], p[5:5+n]
			pending[d] = p[5+n:]
			switch typ {
			case 22:
				msgs[d] = append(msgs[d], frag...)
				for len(msgs[d]) >= 4 {
					m := msgs[d]
					l := int(m[1])<<16 | int(m[2])<<8 | int(m[3])
					if len(m) < 4+l {
						break
					}
					if m[0] != 0 { // (a HelloRequest is no part of the transcript)
						transcript = append(transcript, m[:4+l]...)
					}
					msgs[d] = m[4+l:]
				}
			case 20:
				// This direction's Finished comes next, encrypted: computed here.
				done[d] = true
				fromClient := (d == 1) == client
				label := "server finished"
				if fromClient {
					label = "client finished"
				}
				vd := prf12(cs, ms, label, transcript)
				if vd == nil {
					return nil, nil
				}
				transcript = append(transcript, 20, 0, 0, byte(len(vd)))
				transcript = append(transcript, vd...)
				if fromClient {
					cf = vd
				} else {
					sf = vd
				}
			}
		}
	}
	if cf == nil || sf == nil {
		return nil, nil
	}
	return cf, sf
}

// prf12 is the verify_data of a Finished message: 12 bytes of the version's PRF over the
// transcript's hash, with the label as given.
func prf12(cs *tls.ConnectionState, ms []byte, label string, transcript []byte) []byte {
	out := make([]byte, 12)
	if cs.Version < tls.VersionTLS12 {
		m, s := md5.Sum(transcript), sha1.Sum(transcript)
		seed := append(append([]byte(label), m[:]...), s[:]...)
		// TLS 1.0/1.1: the halves of the secret through P_MD5 and P_SHA1, XORed
		half := (len(ms) + 1) / 2
		a, b := make([]byte, 12), make([]byte, 12)
		pHash(a, md5.New, ms[:half], seed)
		pHash(b, sha1.New, ms[len(ms)-half:], seed)
		for i := range out {
			out[i] = a[i] ^ b[i]
		}
		return out
	}
	hf := sha256.New
	if strings.HasSuffix(tls.CipherSuiteName(cs.CipherSuite), "_SHA384") {
		hf = sha512.New384
	}
	h := hf()
	h.Write(transcript)
	pHash(out, hf, ms, append([]byte(label), h.Sum(nil)...))
	return out
}

// pHash fills out with P_hash(secret, seed) (RFC 5246 section 5).
func pHash(out []byte, hf func() hash.Hash, secret, seed []byte) {
	mac := hmac.New(hf, secret)
	mac.Write(seed)
	a := mac.Sum(nil)
	for len(out) > 0 {
		mac.Reset()
		mac.Write(a)
		mac.Write(seed)
		out = out[copy(out, mac.Sum(nil)):]
		mac.Reset()
		mac.Write(a)
		a = mac.Sum(nil)
	}
}

// A TLS 1.3 server issues two session tickets after a full handshake, as OpenSSL's does (two
// 'session' events on a node client, two 'newSession' on a node server); Go's issues one. The
// second is made when Go makes its own (tlsWrap.ticket2: the same session state, encrypted
// again) and goes out in the record that carries Go's NewSessionTicket: that record, the first
// the server protects with its application traffic secret (sequence number 0), is opened, the
// second message added after the first, and the record sealed again, still under sequence
// number 0, so that the session's own record count stays right. The second message is the
// first's with its own ticket and ticket_age_add; its ticket_nonce is the first's (Go's, empty),
// since Go's ticket holds the PSK made with that nonce.

// secondTicket is the ticket Go's WrapSession made second, and the suite to seal it under; drop:
// there is none, and Go's own is taken out (after a resumption, when OpenSSL's server issues no
// ticket): its record is sealed again with no content, as an empty application data record
// (which TLS 1.3 allows, and peers skip), so that the record count stays right.
type secondTicket struct {
	suite uint16
	label []byte
	drop  bool
}

var serverTrafficLabel = []byte("SERVER_TRAFFIC_SECRET_0 ")

// logSecret reads the secret of an NSS key log line (nil if there is none).
func logSecret(line []byte) []byte {
	fields := strings.Fields(string(line))
	if len(fields) != 3 {
		return nil
	}
	secret, err := hex.DecodeString(fields[2])
	if err != nil {
		return nil
	}
	return secret
}

// addTicket takes the record carrying Go's ticket out of the session's write b, and keeps it,
// with the second ticket added (or emptied, for drop), as ticketOut: it goes out once the
// handshake is done (run), as OpenSSL's server sends its tickets once it has the client's
// Finished (Go's sends them with its own Finished), after the server's 'secure' and
// 'newSession' and before what it writes then. It returns b itself when there is no ticket. It stops looking once a record opens under the
// application traffic secret, and looks at no later write: Go's ticket goes out in the same
// write as its making. Handshake goroutine.
func (w *tlsWrap) addTicket(b []byte) []byte {
	t := w.ticket2
	w.ticket2 = nil
	aead, iv, ok := trafficAEAD(t.suite, w.appSecret)
	if !ok {
		return b
	}
	for at := 0; at+5 <= len(b); {
		n := int(b[at+3])<<8 | int(b[at+4])
		end := at + 5 + n
		if end > len(b) {
			break
		}
		if b[at] != 23 {
			at = end
			continue
		}
		// (sequence number 0: the nonce is the IV)
		plain, err := aead.Open(nil, iv, b[at+5:end], b[at:at+5])
		if err != nil {
			at = end // a handshake record
			continue
		}
		label := t.label
		inner := len(plain) - 1
		for inner >= 0 && plain[inner] == 0 {
			inner--
		}
		msg := plain[:max(inner, 0)]
		if inner < 0 || plain[inner] != 22 || len(msg) < 4 || msg[0] != 4 {
			return b
		}
		if t.drop {
			plain = []byte{23}
		} else {
			second, ok := secondTicketMessage(msg, label)
			if !ok {
				return b
			}
			plain = append(append(append([]byte(nil), msg...), second...), 22)
		}
		if len(plain)+aead.Overhead() > maxRecord+256 {
			return b
		}
		hdr := []byte{23, b[at+1], b[at+2], 0, 0}
		size := len(plain) + aead.Overhead()
		hdr[3], hdr[4] = byte(size>>8), byte(size)
		w.ticketOut = aead.Seal(hdr, iv, plain, hdr)
		return append(b[:at:at], b[end:]...)
	}
	return b
}

// secondTicketMessage is NewSessionTicket message first with label as its ticket and a fresh
// ticket_age_add (false when first is not one whole such message).
func secondTicketMessage(first, label []byte) ([]byte, bool) {
	body := first[4:]
	if int(first[1])<<16|int(first[2])<<8|int(first[3]) != len(body) || len(body) < 9 {
		return nil, false
	}
	nonceEnd := 9 + int(body[8])
	if len(body) < nonceEnd+2 {
		return nil, false
	}
	ticketEnd := nonceEnd + 2 + (int(body[nonceEnd])<<8 | int(body[nonceEnd+1]))
	if len(body) < ticketEnd || len(label) == 0 || len(label) >= 1<<16 {
		return nil, false
	}
	exts := body[ticketEnd:]
	m := make([]byte, 4, 4+nonceEnd+2+len(label)+len(exts))
	m = append(m, body[:4]...) // ticket_lifetime
	var ageAdd [4]byte
	rand.Read(ageAdd[:])
	m = append(m, ageAdd[:]...)
	m = append(m, body[8:nonceEnd]...) // ticket_nonce
	m = append(m, byte(len(label)>>8), byte(len(label)))
	m = append(m, label...)
	m = append(m, exts...)
	size := len(m) - 4
	m[0], m[1], m[2], m[3] = 4, byte(size>>16), byte(size>>8), byte(size)
	return m, true
}
