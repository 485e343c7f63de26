package dns

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/netip"
	"strings"
	"syscall"
	"time"

	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/net/dns/dnsmessage"
)

// The resolve* queries are answered by a small DNS client of our own (c-ares is what Node uses;
// Go's resolver cannot ask for SOA, NAPTR, CAA or ANY records, nor report TTLs): one question
// per query over UDP to each server in turn, TCP when the answer is truncated, `tries` rounds
// with the timeout doubling each round, as c-ares does.

// rec is one result object, its keys in Node's order.
type rec []kv

type kv struct {
	k string
	v any
}

// Node's record types for resolveAny, in the order it lists them.
const (
	typeNAPTR dnsmessage.Type = 35
	typeCAA   dnsmessage.Type = 257
)

var qtypes = modules.Lazy[map[string]dnsmessage.Type]{Build: func() map[string]dnsmessage.Type {
	return map[string]dnsmessage.Type{
		"A": dnsmessage.TypeA, "AAAA": dnsmessage.TypeAAAA, "CNAME": dnsmessage.TypeCNAME, "MX": dnsmessage.TypeMX,
		"NS": dnsmessage.TypeNS, "TXT": dnsmessage.TypeTXT, "SRV": dnsmessage.TypeSRV, "PTR": dnsmessage.TypePTR,
		"NAPTR": typeNAPTR, "SOA": dnsmessage.TypeSOA, "CAA": typeCAA, "ANY": dnsmessage.TypeALL,
	}
}}

// wireClient asks servers (host:port) one question. Safe for use from any goroutine.
type wireClient struct {
	servers []string
	timeout time.Duration // the first round's per-server timeout
	// maxTimeout caps a round's per-server timeout, which doubles each round (0: no cap), as
	// c-ares's maxtimeout
	maxTimeout time.Duration
	tries      int
	local4     netip.Addr // source addresses (setLocalAddress); zero: any
	local6     netip.Addr
}

const defaultTimeout = 2 * time.Second // c-ares's default for the first round

// rcodeError maps a response code to Node's error code, "" for none.
func rcodeError(rc dnsmessage.RCode) string {
	switch rc {
	case dnsmessage.RCodeNameError:
		return "ENOTFOUND"
	case dnsmessage.RCodeServerFailure:
		return "ESERVFAIL"
	case dnsmessage.RCodeRefused:
		return "EREFUSED"
	case dnsmessage.RCodeFormatError:
		return "EFORMERR"
	case dnsmessage.RCodeNotImplemented:
		return "ENOTIMP"
	}
	if rc >= 12 {
		return "ESERVFAIL" // (as node's c-ares: the codes no standard assigns)
	}
	return "" // (NOERROR, and the codes c-ares has no error for)
}

// exchange returns the server's answer to (name, qtype), or a Node error code.
func (c *wireClient) exchange(ctx context.Context, name string, qtype dnsmessage.Type) ([]byte, string) {
	fq := name
	if !strings.HasSuffix(fq, ".") {
		fq += "."
	}
	qname, err := dnsmessage.NewName(fq)
	if err != nil || strings.Contains(name, "..") {
		return nil, "EBADNAME"
	}
	servers := c.servers
	if len(servers) == 0 {
		for _, s := range systemServers() {
			servers = append(servers, joinHostPort(s, 53))
		}
	}
	if len(servers) == 0 {
		servers = []string{"127.0.0.1:53"}
	}
	timeout := c.timeout
	if timeout <= 0 {
		timeout = defaultTimeout
	}
	if c.maxTimeout > 0 && timeout > c.maxTimeout {
		timeout = c.maxTimeout
	}
	tries := c.tries
	if tries <= 0 {
		tries = 4
	}
	code := "ETIMEOUT"
	for round := 0; round < tries; round++ {
		for _, srv := range servers {
			if ctx.Err() != nil {
				return nil, "ECANCELLED"
			}
			id := uint16(rand.Uint32())
			q := dnsmessage.Message{
				Header:    dnsmessage.Header{ID: id, RecursionDesired: true},
				Questions: []dnsmessage.Question{{Name: qname, Type: qtype, Class: dnsmessage.ClassINET}},
			}
			packed, err := q.Pack()
			if err != nil {
				return nil, "EBADNAME"
			}
			ans, err := c.udp(ctx, srv, packed, id, timeout)
			if err == nil && truncated(ans) {
				ans, err = c.tcp(ctx, srv, packed, id, timeout)
			}
			switch {
			case err == nil:
			case ctx.Err() != nil:
				return nil, "ECANCELLED"
			// (A query that fails everywhere ends with its last try's error, as c-ares's.)
			case err == errBadResponse:
				code = "EBADRESP"
				continue
			case errors.Is(err, syscall.ECONNREFUSED):
				code = "ECONNREFUSED"
				continue
			default:
				code = "ETIMEOUT"
				continue
			}
			m, ok := readMessage(ans)
			if !ok {
				// c-ares parses the whole answer as it arrives and takes one it cannot
				// read (a count past the records sent) as a bad response: it tries the
				// next server, or the next round, as for a failed send.
				code = "EBADRESP"
				continue
			}
			// Node's channels pass every answer through (ARES_FLAG_NOCHECKRESP): an error code
			// is the query's result, no other server is asked; a code with no error of its own
			// (YXDOMAIN, NOTAUTH...) leaves the answers as they are (ENODATA when there are none).
			if code := rcodeError(m.rcode()); code != "" {
				return nil, code
			}
			return ans, ""
		}
		timeout *= 2
		if c.maxTimeout > 0 && timeout > c.maxTimeout {
			timeout = c.maxTimeout
		}
	}
	return nil, code
}

func truncated(msg []byte) bool {
	return len(msg) > 2 && msg[2]&0x02 != 0
}

func joinHostPort(host string, port int) string {
	return net.JoinHostPort(host, itoa(port))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func (c *wireClient) dialer(srv string) *net.Dialer {
	d := &net.Dialer{}
	host, _, _ := net.SplitHostPort(srv)
	if a, err := netip.ParseAddr(host); err == nil {
		if a.Is4() && c.local4.IsValid() {
			d.LocalAddr = &net.UDPAddr{IP: c.local4.AsSlice()}
		} else if !a.Is4() && c.local6.IsValid() {
			d.LocalAddr = &net.UDPAddr{IP: c.local6.AsSlice()}
		}
	}
	return d
}

// errBadResponse is a datagram from the server that is no DNS message (see udp).
var errBadResponse = errors.New("bad DNS response")

// udp sends q, the query for question with id, to srv and waits for its answer. As c-ares, it
// takes the first datagram that is a whole DNS message with one question, the query's id and the
// same question (the name in any case); another message is dropped, and a datagram that is no
// such message (too short, a count past the records sent, no question) ends the try with
// errBadResponse, as c-ares takes it for a failed connection: the query goes to the next server
// or round, and fails with EBADRESP when there is none.
func (c *wireClient) udp(ctx context.Context, srv string, q []byte, id uint16, timeout time.Duration) ([]byte, error) {
	sent, _ := readMessage(q)
	want := sent.questions[0]
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	conn, err := c.dialer(srv).DialContext(ctx, "udp", srv)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Now()) })
	defer stop()
	if _, err := conn.Write(q); err != nil {
		return nil, err
	}
	buf := make([]byte, 4096)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return nil, err
		}
		if n == 0 {
			continue // (c-ares drops empty datagrams)
		}
		m, ok := readMessage(buf[:n])
		if !ok || len(m.questions) != 1 {
			return nil, errBadResponse
		}
		if r := m.questions[0]; m.id == id && r.typ == want.typ && r.class == want.class &&
			strings.EqualFold(r.name, want.name) {
			return buf[:n], nil
		}
	}
}

func (c *wireClient) tcp(ctx context.Context, srv string, q []byte, id uint16, timeout time.Duration) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	d := c.dialer(srv)
	if u, ok := d.LocalAddr.(*net.UDPAddr); ok {
		d.LocalAddr = &net.TCPAddr{IP: u.IP}
	}
	conn, err := d.DialContext(ctx, "tcp", srv)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Now()) })
	defer stop()
	framed := make([]byte, 2+len(q))
	binary.BigEndian.PutUint16(framed, uint16(len(q)))
	copy(framed[2:], q)
	if _, err := conn.Write(framed); err != nil {
		return nil, err
	}
	var l [2]byte
	if _, err := io.ReadFull(conn, l[:]); err != nil {
		return nil, err
	}
	buf := make([]byte, binary.BigEndian.Uint16(l[:]))
	if _, err := io.ReadFull(conn, buf); err != nil {
		return nil, err
	}
	if len(buf) < 12 || binary.BigEndian.Uint16(buf) != id {
		return nil, errors.New("bad response")
	}
	return buf, nil
}

// answer is one parsed answer record.
type answer struct {
	typ dnsmessage.Type
	ttl uint32
	r   rec    // the record as Node shows it
	s   string // for A, AAAA, CNAME, NS, PTR: the address or name
}

func nameString(n dnsmessage.Name) string { return strings.TrimSuffix(n.String(), ".") }

// parseAnswers reads the answer section of msg: the records of the types node shows, how many
// records the section has (of any type), and the name asked.
func parseAnswers(msg []byte) (out []answer, n int, qname string, code string) {
	m, ok := readMessage(msg)
	if !ok {
		return nil, 0, "", "EBADRESP"
	}
	if len(m.questions) > 0 {
		qname = m.questions[0].name
	}
	for _, rr := range m.answers {
		a := answer{typ: rr.typ, ttl: rr.ttl}
		d := msg[rr.off:rr.end]
		// name reads a name at the data's offset i, which must end inside the data (at its end
		// when last).
		name := func(i int, last bool) (string, int, bool) {
			n, next, ok := readName(msg, rr.off+i)
			if !ok || next > rr.end || (last && next != rr.end) {
				return "", 0, false
			}
			return n, next - rr.off, true
		}
		switch rr.typ {
		case dnsmessage.TypeA:
			if len(d) != 4 {
				return nil, 0, "", "EBADRESP"
			}
			a.s = netip.AddrFrom4([4]byte(d)).String()
		case dnsmessage.TypeAAAA:
			if len(d) != 16 {
				return nil, 0, "", "EBADRESP"
			}
			a.s = netip.AddrFrom16([16]byte(d)).String()
		case dnsmessage.TypeCNAME, dnsmessage.TypeNS, dnsmessage.TypePTR:
			if a.s, _, ok = name(0, true); !ok {
				return nil, 0, "", "EBADRESP"
			}
		case dnsmessage.TypeMX:
			var x string
			if len(d) < 3 {
				return nil, 0, "", "EBADRESP"
			}
			if x, _, ok = name(2, true); !ok {
				return nil, 0, "", "EBADRESP"
			}
			a.r = rec{{"exchange", x}, {"priority", int(binary.BigEndian.Uint16(d))}}
		case dnsmessage.TypeTXT:
			var entries []any
			for b := d; len(b) > 0; {
				var t string
				if t, b, ok = charString(b); !ok {
					return nil, 0, "", "EBADRESP"
				}
				entries = append(entries, t)
			}
			if entries == nil {
				return nil, 0, "", "EBADRESP"
			}
			a.r = rec{{"entries", entries}}
		case dnsmessage.TypeSRV:
			var x string
			if len(d) < 7 {
				return nil, 0, "", "EBADRESP"
			}
			if x, _, ok = name(6, true); !ok {
				return nil, 0, "", "EBADRESP"
			}
			a.r = rec{{"name", x}, {"port", int(binary.BigEndian.Uint16(d[4:]))}, {"priority", int(binary.BigEndian.Uint16(d))},
				{"weight", int(binary.BigEndian.Uint16(d[2:]))}}
		case dnsmessage.TypeSOA:
			ns, i, ok1 := name(0, false)
			mbox, i, ok2 := name(i, false)
			if !ok1 || !ok2 || len(d) != i+20 {
				return nil, 0, "", "EBADRESP"
			}
			u := func(k int) int64 { return int64(binary.BigEndian.Uint32(d[i+4*k:])) }
			// (node reads refresh, retry and expire as signed)
			a.r = rec{{"nsname", ns}, {"hostmaster", mbox}, {"serial", u(0)},
				{"refresh", int64(int32(u(1)))}, {"retry", int64(int32(u(2)))}, {"expire", int64(int32(u(3)))},
				{"minttl", u(4)}}
		case typeNAPTR, typeCAA:
			if rr.typ == typeNAPTR {
				a.r, ok = parseNAPTR(d)
			} else {
				a.r, ok = parseCAA(d)
			}
			if !ok {
				return nil, 0, "", "EBADRESP"
			}
		default:
			continue
		}
		out = append(out, a)
	}
	return out, len(m.answers), qname, ""
}

// charString reads one <character-string> from b.
func charString(b []byte) (string, []byte, bool) {
	if len(b) < 1 || len(b) < 1+int(b[0]) {
		return "", nil, false
	}
	return latin1(b[1 : 1+int(b[0])]), b[1+int(b[0]):], true
}

// printable reports whether s is printable ASCII (c-ares's ares_isprint for every byte).
func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// latin1 is b read a byte a character, as node makes the strings of TXT, CAA and NAPTR
// records (OneByteString): UTF-8 text is not decoded.
func latin1(b []byte) string {
	for i, c := range b {
		if c >= 0x80 {
			r := []rune(string(b[:i]))
			for _, c := range b[i:] {
				r = append(r, rune(c))
			}
			return string(r)
		}
	}
	return string(b)
}

// parseNAPTR reads RFC 3403's NAPTR data (its replacement name is never compressed).
func parseNAPTR(b []byte) (rec, bool) {
	if len(b) < 4 {
		return nil, false
	}
	order, pref := binary.BigEndian.Uint16(b), binary.BigEndian.Uint16(b[2:])
	b = b[4:]
	flags, b, ok1 := charString(b)
	service, b, ok2 := charString(b)
	regexp, b, ok3 := charString(b)
	// (c-ares refuses bytes outside printable ASCII in these three)
	if !ok1 || !ok2 || !ok3 || !printable(flags) || !printable(service) || !printable(regexp) {
		return nil, false
	}
	// (read as a message of its own: a pointer, which cannot point back into it, is refused)
	replacement, next, ok := readName(b, 0)
	if !ok || next != len(b) {
		return nil, false
	}
	return rec{{"flags", flags}, {"service", service}, {"regexp", regexp},
		{"replacement", replacement}, {"order", int(order)}, {"preference", int(pref)}}, true
}

// parseCAA reads RFC 8659's CAA data: {critical, <tag>: value}.
func parseCAA(b []byte) (rec, bool) {
	// (c-ares refuses an empty tag or value, and a tag with bytes outside printable ASCII)
	if len(b) < 2 || b[1] == 0 || len(b) <= 2+int(b[1]) || !printable(string(b[2:2+int(b[1])])) {
		return nil, false
	}
	flags := int(b[0])
	tag := string(b[2 : 2+int(b[1])])
	value := latin1(b[2+int(b[1]):])
	return rec{{"critical", flags}, {tag, value}}, true
}

// resolve asks (name, typ) and shapes the result as Node's resolve* do. withTTL asks for
// {address, ttl} objects from A and AAAA queries.
//
// An answer without a record of the type asked is what c-ares's parser for the type makes of
// it: an answer section with no records at all is ENODATA; otherwise A and AAAA give [] when the
// answer has a CNAME (ENODATA without), CNAME the name asked when there is an A record (c-ares's
// hostent's name), NS and PTR ENODATA, SOA EBADRESP, and the others (MX, TXT, SRV, CAA, NAPTR,
// ANY) [].
func (c *wireClient) resolve(ctx context.Context, typ, name string, withTTL bool) (any, string) {
	qtype, ok := qtypes.Get()[typ]
	if !ok {
		return nil, "ENOTIMP"
	}
	answers, n, qname, code := c.query(ctx, name, qtype)
	if code != "" {
		return nil, code
	}
	if n == 0 {
		return nil, "ENODATA"
	}
	return shape(typ, qtype, qname, answers, withTTL)
}

// query asks (name, qtype) and reads the answer (see parseAnswers).
func (c *wireClient) query(ctx context.Context, name string, qtype dnsmessage.Type) ([]answer, int, string, string) {
	msg, code := c.exchange(ctx, name, qtype)
	if code != "" {
		return nil, 0, "", code
	}
	return parseAnswers(msg)
}

// shape is resolve's result from an answer with records.
func shape(typ string, qtype dnsmessage.Type, qname string, answers []answer, withTTL bool) (any, string) {
	if typ == "ANY" {
		return anyRecords(answers), ""
	}
	var out []any
	for _, a := range answers {
		if a.typ != qtype {
			continue
		}
		switch {
		case (qtype == dnsmessage.TypeA || qtype == dnsmessage.TypeAAAA) && withTTL:
			out = append(out, rec{{"address", a.s}, {"ttl", int64(addrTTL(answers, a))}})
		case qtype == dnsmessage.TypeCNAME && len(out) > 0:
			// (node gives the name c-ares's hostent has, the first CNAME's target, alone)
		case a.r != nil:
			out = append(out, a.r)
		default:
			out = append(out, a.s)
		}
	}
	if len(out) == 0 {
		has := func(t dnsmessage.Type) bool {
			for _, a := range answers {
				if a.typ == t {
					return true
				}
			}
			return false
		}
		switch qtype {
		case dnsmessage.TypeA, dnsmessage.TypeAAAA:
			if !has(dnsmessage.TypeCNAME) {
				return nil, "ENODATA"
			}
		case dnsmessage.TypeCNAME:
			if !has(dnsmessage.TypeA) {
				return nil, "ENODATA"
			}
			out = append(out, qname)
		case dnsmessage.TypeNS, dnsmessage.TypePTR:
			return nil, "ENODATA"
		case dnsmessage.TypeSOA:
			return nil, "EBADRESP"
		}
		if len(out) == 0 {
			return []any{}, ""
		}
	}
	if qtype == dnsmessage.TypeTXT {
		for i, r := range out {
			out[i] = r.(rec)[0].v
		}
	}
	if qtype == dnsmessage.TypeSOA {
		return out[0], ""
	}
	return out, ""
}

// reverse is node's reverse (c-ares's gethostbyaddr) of the PTR name qname: a query that fails,
// or an answer with no records, is ENOTFOUND; an answer without a PTR record is ENODATA.
func (c *wireClient) reverse(ctx context.Context, qname string) (any, string) {
	answers, n, asked, code := c.query(ctx, qname, dnsmessage.TypePTR)
	switch {
	case code == "ECANCELLED":
		return nil, code
	case code != "" || n == 0:
		return nil, "ENOTFOUND"
	}
	return shape("PTR", dnsmessage.TypePTR, asked, answers, false)
}

// addrTTL is the TTL node gives address a: as c-ares's, no more than any CNAME's of the answer.
func addrTTL(answers []answer, a answer) uint32 {
	ttl := a.ttl
	for _, c := range answers {
		if c.typ == dnsmessage.TypeCNAME {
			ttl = min(ttl, c.ttl)
		}
	}
	return ttl
}

// anyRecords lists an ANY answer as Node's resolveAny does: grouped by type (A, or, when the
// answer has a CNAME, the first CNAME's target alone, as node reads the A part through c-ares's
// hostent; AAAA, MX, NS, TXT, SRV, PTR, NAPTR, SOA, CAA), each object ending with its type.
func anyRecords(answers []answer) any {
	out := []any{}
	add := func(t dnsmessage.Type, name string) {
		for _, a := range answers {
			if a.typ != t {
				continue
			}
			var r rec
			switch t {
			case dnsmessage.TypeA, dnsmessage.TypeAAAA:
				r = rec{{"address", a.s}, {"ttl", int64(addrTTL(answers, a))}}
			case dnsmessage.TypeCNAME, dnsmessage.TypeNS, dnsmessage.TypePTR:
				r = rec{{"value", a.s}}
			default:
				r = append(rec(nil), a.r...)
			}
			out = append(out, append(r, kv{"type", name}))
		}
	}
	cname := -1
	for i, a := range answers {
		if a.typ == dnsmessage.TypeCNAME {
			cname = i
			break
		}
	}
	if cname < 0 {
		add(dnsmessage.TypeA, "A")
	} else {
		out = append(out, rec{{"value", answers[cname].s}, {"type", "CNAME"}})
	}
	add(dnsmessage.TypeAAAA, "AAAA")
	add(dnsmessage.TypeMX, "MX")
	add(dnsmessage.TypeNS, "NS")
	add(dnsmessage.TypeTXT, "TXT")
	add(dnsmessage.TypeSRV, "SRV")
	add(dnsmessage.TypePTR, "PTR")
	add(typeNAPTR, "NAPTR")
	add(dnsmessage.TypeSOA, "SOA")
	add(typeCAA, "CAA")
	return out
}

// reverseName is the PTR name of an IP address (in-addr.arpa / ip6.arpa).
func reverseName(ip string) (string, bool) {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return "", false
	}
	// (an IPv4-mapped address is asked under ip6.arpa, as c-ares does)
	var sb strings.Builder
	if a.Is4() {
		b := a.As4()
		for i := 3; i >= 0; i-- {
			sb.WriteString(itoa(int(b[i])))
			sb.WriteByte('.')
		}
		sb.WriteString("in-addr.arpa")
		return sb.String(), true
	}
	const hex = "0123456789abcdef"
	b := a.As16()
	for i := 15; i >= 0; i-- {
		sb.WriteByte(hex[b[i]&0xf])
		sb.WriteByte('.')
		sb.WriteByte(hex[b[i]>>4])
		sb.WriteByte('.')
	}
	sb.WriteString("ip6.arpa")
	return sb.String(), true
}
