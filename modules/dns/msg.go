package dns

import (
	"encoding/binary"
	"strings"

	"golang.org/x/net/dns/dnsmessage"
)

// A DNS message read as c-ares reads one (ares_dns_parse): the whole message must be well formed
// (a count past the records sent, a name running off the end or looping, is a bad response), and
// names are text in c-ares's form: labels joined by dots, a dot, backslash, quote, semicolon,
// parenthesis, '@' or '$' in a label escaped with a backslash, and a byte that is not printable
// ASCII written \DDD (decimal). Go's dnsmessage refuses a label holding a dot and gives the other
// bytes as they are, so names are read here.

// wireMsg is a message's header, question and answer records.
type wireMsg struct {
	id, flags uint16
	questions []wireQuestion
	answers   []wireRR
}

type wireQuestion struct {
	name       string
	typ, class uint16
}

// wireRR is one record: its data is msg[off:end].
type wireRR struct {
	name     string
	typ      dnsmessage.Type
	ttl      uint32
	off, end int
}

func (m *wireMsg) rcode() dnsmessage.RCode { return dnsmessage.RCode(m.flags & 0xf) }

// readMessage reads msg; ok false when it is not a whole DNS message.
func readMessage(msg []byte) (m wireMsg, ok bool) {
	if len(msg) < 12 {
		return m, false
	}
	m.id, m.flags = binary.BigEndian.Uint16(msg), binary.BigEndian.Uint16(msg[2:])
	qd, an := int(binary.BigEndian.Uint16(msg[4:])), int(binary.BigEndian.Uint16(msg[6:]))
	rest := int(binary.BigEndian.Uint16(msg[8:])) + int(binary.BigEndian.Uint16(msg[10:]))
	off := 12
	for i := 0; i < qd; i++ {
		name, next, ok := readName(msg, off)
		if !ok || next+4 > len(msg) {
			return m, false
		}
		m.questions = append(m.questions, wireQuestion{name, binary.BigEndian.Uint16(msg[next:]), binary.BigEndian.Uint16(msg[next+2:])})
		off = next + 4
	}
	for i := 0; i < an+rest; i++ {
		name, next, ok := readName(msg, off)
		if !ok || next+10 > len(msg) {
			return m, false
		}
		rdlen := int(binary.BigEndian.Uint16(msg[next+8:]))
		end := next + 10 + rdlen
		if end > len(msg) {
			return m, false
		}
		if i < an {
			m.answers = append(m.answers, wireRR{name, dnsmessage.Type(binary.BigEndian.Uint16(msg[next:])),
				binary.BigEndian.Uint32(msg[next+4:]), next + 10, end})
		}
		off = end
	}
	return m, true
}

// readName reads the (possibly compressed) name at msg[off:], returning it in c-ares's text form
// ("" for the root) and the offset after it.
func readName(msg []byte, off int) (string, int, bool) {
	var b strings.Builder
	next := -1 // the offset after the name, once a pointer was followed
	for hops := 0; ; {
		if off >= len(msg) {
			return "", 0, false
		}
		l := int(msg[off])
		switch l & 0xc0 {
		case 0xc0:
			if off+1 >= len(msg) {
				return "", 0, false
			}
			if next < 0 {
				next = off + 2
			}
			// (a pointer goes back, as every encoder writes them: a loop cannot last)
			ptr := int(binary.BigEndian.Uint16(msg[off:]) & 0x3fff)
			if ptr >= off || hops > 127 {
				return "", 0, false
			}
			hops++
			off = ptr
			continue
		case 0:
		default:
			return "", 0, false // (the extended label types nobody uses)
		}
		if l == 0 {
			if next < 0 {
				next = off + 1
			}
			return b.String(), next, true
		}
		if off+1+l > len(msg) || b.Len() > 1024 {
			return "", 0, false
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		for _, c := range msg[off+1 : off+1+l] {
			switch {
			case c < 0x20 || c > 0x7e:
				b.WriteByte('\\')
				b.WriteByte('0' + c/100)
				b.WriteByte('0' + c/10%10)
				b.WriteByte('0' + c%10)
			case strings.IndexByte(`".;\()@$`, c) >= 0:
				b.WriteByte('\\')
				b.WriteByte(c)
			default:
				b.WriteByte(c)
			}
		}
		off += 1 + l
	}
}
