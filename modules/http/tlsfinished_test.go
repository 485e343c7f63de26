package http

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"testing"
	"time"
)

// recConn records what a handshake reads and writes into a finRecorder.
type recConn struct {
	net.Conn
	f *finRecorder
}

func (c recConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	c.f.add(false, b[:n])
	return n, err
}

func (c recConn) Write(b []byte) (int, error) {
	c.f.add(true, b)
	return c.Conn.Write(b)
}

type keyLogTo struct{ f *finRecorder }

func (k keyLogTo) Write(p []byte) (int, error) { k.f.keyLog(p); return len(p), nil }

// TestFinishedMessages checks the worked-out Finished messages of Go's own sessions: both sides
// agree, and under TLS 1.2 the first Finished of the handshake is Go's tls-unique (the client's
// for a full handshake, the server's for a resumed one).
func TestFinishedMessages(t *testing.T) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "x"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), DNSNames: []string{"x"}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert := tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
	for _, v := range []uint16{tls.VersionTLS12, tls.VersionTLS13} {
		serverCfg := &tls.Config{Certificates: []tls.Certificate{cert}, MaxVersion: v}
		serverCfg.SetSessionTicketKeys([][32]byte{{1}})
		cache := tls.NewLRUClientSessionCache(4)
		for _, resume := range []bool{false, true} {
			cf, sf := &finRecorder{}, &finRecorder{}
			a, b := tcpPair(t)
			sc := serverCfg.Clone()
			sc.KeyLogWriter = keyLogTo{sf}
			if v == tls.VersionTLS12 {
				dec := sc
				sc.UnwrapSession = func(id []byte, cs tls.ConnectionState) (*tls.SessionState, error) {
					ss, err := dec.DecryptTicket(id, cs)
					if ss != nil {
						b, _ := ss.Bytes()
						sf.resumeMS = sessionSecret(b)
					}
					return ss, err
				}
			}
			srv := tls.Server(recConn{a, sf}, sc)
			cli := tls.Client(recConn{b, cf}, &tls.Config{InsecureSkipVerify: true, MaxVersion: v, ServerName: "x",
				ClientSessionCache: cache, KeyLogWriter: keyLogTo{cf}})
			if resume && v == tls.VersionTLS12 {
				if st, ok := cache.Get("x"); ok {
					_, ss, _ := st.ResumptionState()
					sb, _ := ss.Bytes()
					cf.resumeMS = sessionSecret(sb)
				}
			}
			done := make(chan error, 1)
			go func() { done <- srv.Handshake() }()
			if err := cli.Handshake(); err != nil {
				t.Fatal(err)
			}
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			if v == tls.VersionTLS13 {
				// (the session ticket comes after the handshake)
				go srv.Write([]byte{1})
				cli.Read(make([]byte, 1))
			}
			ccs, scs := cli.ConnectionState(), srv.ConnectionState()
			if ccs.DidResume != resume {
				t.Fatalf("version %x: resumed %v, want %v", v, ccs.DidResume, resume)
			}
			cOwn, cPeer := cf.finished(&ccs, true)
			sOwn, sPeer := sf.finished(&scs, false)
			want := 12
			if v == tls.VersionTLS13 {
				want = 32
				if ccs.CipherSuite == tls.TLS_AES_256_GCM_SHA384 {
					want = 48
				}
			}
			if len(cOwn) != want || len(cPeer) != want {
				t.Fatalf("version %x resumed %v: lengths %d %d, want %d", v, resume, len(cOwn), len(cPeer), want)
			}
			if !bytes.Equal(cOwn, sPeer) || !bytes.Equal(cPeer, sOwn) || bytes.Equal(cOwn, cPeer) {
				t.Fatalf("version %x resumed %v: client %x %x, server %x %x", v, resume, cOwn, cPeer, sOwn, sPeer)
			}
			if v == tls.VersionTLS12 {
				first := cOwn
				if resume {
					first = cPeer
				}
				if !bytes.Equal(first, ccs.TLSUnique) {
					t.Fatalf("resumed %v: first Finished %x, tls-unique %x", resume, first, ccs.TLSUnique)
				}
			}
			a.Close()
			b.Close()
		}
	}
}

// tcpPair is two ends of a loopback TCP connection (buffered, unlike net.Pipe: TLS 1.3's peers
// write at the same time).
func tcpPair(t *testing.T) (net.Conn, net.Conn) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	b, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	a, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	return a, b
}
