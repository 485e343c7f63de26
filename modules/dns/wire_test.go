package dns

import (
	"context"
	"encoding/binary"
	"io"
	"net"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/dns/dnsmessage"
)

// testServer is an in-process DNS server on UDP and TCP (same port) answering from answer.
type testServer struct {
	addr    string
	udpHits atomic.Int32
	tcpHits atomic.Int32
}

func startServer(t *testing.T, answer func(q dnsmessage.Question, tcp bool) (dnsmessage.RCode, []dnsmessage.Resource, bool)) *testServer {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", pc.LocalAddr().String())
	if err != nil {
		pc.Close()
		t.Skip("no TCP on the UDP port:", err)
	}
	s := &testServer{addr: pc.LocalAddr().String()}
	reply := func(req []byte, tcp bool) []byte {
		var m dnsmessage.Message
		if err := m.Unpack(req); err != nil || len(m.Questions) != 1 {
			return nil
		}
		rc, rrs, trunc := answer(m.Questions[0], tcp)
		out := dnsmessage.Message{Header: dnsmessage.Header{ID: m.ID, Response: true, RCode: rc, Truncated: trunc},
			Questions: m.Questions, Answers: rrs}
		b, err := out.Pack()
		if err != nil {
			t.Error(err)
		}
		return b
	}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			s.udpHits.Add(1)
			if b := reply(buf[:n], false); b != nil {
				pc.WriteTo(b, from)
			}
		}
	}()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.tcpHits.Add(1)
			var l [2]byte
			if _, err := io.ReadFull(c, l[:]); err == nil {
				req := make([]byte, binary.BigEndian.Uint16(l[:]))
				if _, err := io.ReadFull(c, req); err == nil {
					b := reply(req, true)
					binary.BigEndian.PutUint16(l[:], uint16(len(b)))
					c.Write(append(l[:], b...))
				}
			}
			c.Close()
		}
	}()
	t.Cleanup(func() { pc.Close(); ln.Close() })
	return s
}

func hdr(name string, typ dnsmessage.Type, ttl uint32) dnsmessage.ResourceHeader {
	return dnsmessage.ResourceHeader{Name: dnsmessage.MustNewName(name), Type: typ, Class: dnsmessage.ClassINET, TTL: ttl}
}

func TestWireRecords(t *testing.T) {
	naptr := []byte{0, 100, 0, 10, 1, 'S', 7, 'S', 'I', 'P', '+', 'D', '2', 'U', 0, 4, '_', 's', 'i', 'p', 1, 'x', 0}
	caa := append([]byte{128, 5}, "issuefoo.example"...)
	srv := startServer(t, func(q dnsmessage.Question, tcp bool) (dnsmessage.RCode, []dnsmessage.Resource, bool) {
		n := q.Name.String()
		switch {
		case n == "big.test." && !tcp:
			return dnsmessage.RCodeSuccess, nil, true // truncated: ask again over TCP
		case n == "big.test.":
			return dnsmessage.RCodeSuccess, []dnsmessage.Resource{{Header: hdr(n, dnsmessage.TypeA, 7), Body: &dnsmessage.AResource{A: [4]byte{10, 0, 0, 1}}}}, false
		case n == "x.test." && q.Type == typeNAPTR:
			return dnsmessage.RCodeSuccess, []dnsmessage.Resource{{Header: hdr(n, typeNAPTR, 1), Body: &dnsmessage.UnknownResource{Type: typeNAPTR, Data: naptr}}}, false
		case n == "x.test." && q.Type == typeCAA:
			return dnsmessage.RCodeSuccess, []dnsmessage.Resource{{Header: hdr(n, typeCAA, 1), Body: &dnsmessage.UnknownResource{Type: typeCAA, Data: caa}}}, false
		case n == "x.test." && q.Type == dnsmessage.TypeSOA:
			return dnsmessage.RCodeSuccess, []dnsmessage.Resource{{Header: hdr(n, dnsmessage.TypeSOA, 1), Body: &dnsmessage.SOAResource{
				NS: dnsmessage.MustNewName("ns.x.test."), MBox: dnsmessage.MustNewName("root.x.test."), Serial: 4000000000, Refresh: 1, Retry: 2, Expire: 3, MinTTL: 4}}}, false
		case n == "fail.test.":
			return dnsmessage.RCodeServerFailure, nil, false
		case n == "x.test.":
			return dnsmessage.RCodeSuccess, nil, false
		}
		return dnsmessage.RCodeNameError, nil, false
	})
	c := &wireClient{servers: []string{srv.addr}, timeout: time.Second, tries: 1}
	ctx := context.Background()

	v, code := c.resolve(ctx, "A", "big.test", true)
	if code != "" || !reflect.DeepEqual(v, []any{rec{{"address", "10.0.0.1"}, {"ttl", int64(7)}}}) || srv.tcpHits.Load() != 1 {
		t.Errorf("truncated A: %v %q (tcp %d)", v, code, srv.tcpHits.Load())
	}
	v, code = c.resolve(ctx, "NAPTR", "x.test", false)
	want := []any{rec{{"flags", "S"}, {"service", "SIP+D2U"}, {"regexp", ""}, {"replacement", "_sip.x"}, {"order", 100}, {"preference", 10}}}
	if code != "" || !reflect.DeepEqual(v, want) {
		t.Errorf("NAPTR: %v %q", v, code)
	}
	v, code = c.resolve(ctx, "CAA", "x.test", false)
	if code != "" || !reflect.DeepEqual(v, []any{rec{{"critical", 128}, {"issue", "foo.example"}}}) {
		t.Errorf("CAA: %v %q", v, code)
	}
	v, code = c.resolve(ctx, "SOA", "x.test", false)
	if soa, ok := v.(rec); code != "" || !ok || soa[0].v != "ns.x.test" || soa[1].v != "root.x.test" || soa[2].v != int64(4000000000) {
		t.Errorf("SOA: %v %q", v, code)
	}
	if _, code = c.resolve(ctx, "A", "x.test", false); code != "ENODATA" {
		t.Errorf("no A records: %q", code)
	}
	if _, code = c.resolve(ctx, "A", "nope.test", false); code != "ENOTFOUND" {
		t.Errorf("NXDOMAIN: %q", code)
	}
	if _, code = c.resolve(ctx, "A", "bad..name", false); code != "EBADNAME" {
		t.Errorf("bad name: %q", code)
	}

	// SERVFAIL from the first server is the query's result, as in node's c-ares channels
	// (ARES_FLAG_NOCHECKRESP): the next server is not asked.
	hits := srv.udpHits.Load()
	c2 := &wireClient{servers: []string{srv.addr, srv.addr}, timeout: time.Second, tries: 2}
	if _, code = c2.resolve(ctx, "A", "fail.test", false); code != "ESERVFAIL" || srv.udpHits.Load()-hits != 1 {
		t.Errorf("SERVFAIL: %q after %d queries", code, srv.udpHits.Load()-hits)
	}
}

func TestWireTimeoutAndRefused(t *testing.T) {
	silent, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	c := &wireClient{servers: []string{silent.LocalAddr().String()}, timeout: 20 * time.Millisecond, tries: 2}
	start := time.Now()
	if _, code := c.resolve(context.Background(), "A", "x.test", false); code != "ETIMEOUT" {
		t.Errorf("silent server: %q", code)
	}
	if d := time.Since(start); d < 60*time.Millisecond {
		t.Errorf("two rounds (20 ms, then 40 ms) took only %v", d)
	}
	closed, _ := net.ListenPacket("udp", "127.0.0.1:0")
	addr := closed.LocalAddr().String()
	closed.Close()
	c = &wireClient{servers: []string{addr}, timeout: time.Second, tries: 1}
	if _, code := c.resolve(context.Background(), "A", "x.test", false); code != "ECONNREFUSED" {
		t.Errorf("closed port: %q", code)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, code := c.resolve(ctx, "A", "x.test", false); code != "ECANCELLED" {
		t.Errorf("cancelled: %q", code)
	}
}

func TestReverseName(t *testing.T) {
	for ip, want := range map[string]string{
		"192.0.2.1":   "1.2.0.192.in-addr.arpa",
		"2001:db8::1": "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
	} {
		if got, ok := reverseName(ip); !ok || got != want {
			t.Errorf("reverseName(%s) = %s", ip, got)
		}
	}
}
