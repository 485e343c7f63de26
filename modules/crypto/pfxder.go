package crypto

import "bytes"

// What node's OpenSSL says of DER that is no well-formed PFX. node reads a pfx option with
// d2i_PKCS12_bio and reports the reason of the first error OpenSSL queued: the BIO reader's
// ("not enough data", "header too long") for a first element that runs past the data, then
// the template decoder's, innermost first ("field missing", "wrong tag", "too small",
// "sequence length mismatch"...). Data after the first element is never read.

// d2iNode is one element of an OpenSSL ASN.1 template, as far as its errors go.
type d2iNode struct {
	kind   byte // 's' SEQUENCE, 'o' SET OF/SEQUENCE OF (elem), 'p' primitive, 'a' ANY, 'c' PKCS7
	tag    byte // the tag number of a SEQUENCE, SET OF or primitive (universal class)
	fields []d2iField
	elem   *d2iNode
}

type d2iField struct {
	n        *d2iNode
	optional bool
	explicit int // context tag of an EXPLICIT wrapper, -1 for none
	implicit int // context tag of an IMPLICIT one (constructed), -1 for none
}

func d2iSeq(fields ...d2iField) *d2iNode { return &d2iNode{kind: 's', tag: 16, fields: fields} }
func d2iOf(tag byte, elem *d2iNode) *d2iNode {
	return &d2iNode{kind: 'o', tag: tag, elem: elem}
}
func d2iPrim(tag byte) *d2iNode  { return &d2iNode{kind: 'p', tag: tag} }
func d2iReq(n *d2iNode) d2iField { return d2iField{n: n, explicit: -1, implicit: -1} }
func d2iOpt(n *d2iNode) d2iField { return d2iField{n: n, optional: true, explicit: -1, implicit: -1} }
func d2iExpOpt(t int, n *d2iNode) d2iField {
	return d2iField{n: n, optional: true, explicit: t, implicit: -1}
}
func d2iImpOpt(t int, n *d2iNode) d2iField {
	return d2iField{n: n, optional: true, explicit: -1, implicit: t}
}

var (
	d2iInt, d2iOID, d2iOctet = d2iPrim(2), d2iPrim(6), d2iPrim(4)
	d2iAny                   = &d2iNode{kind: 'a'}
	d2iAlgor                 = d2iSeq(d2iReq(d2iOID), d2iOpt(d2iAny))
	d2iPKCS7                 = &d2iNode{kind: 'c'}
	// PKCS12 ::= SEQUENCE { version, authSafes ContentInfo, macData MacData OPTIONAL }
	d2iPKCS12 = d2iSeq(d2iReq(d2iInt), d2iReq(d2iPKCS7), d2iOpt(d2iSeq(
		d2iReq(d2iSeq(d2iReq(d2iAlgor), d2iReq(d2iOctet))), d2iReq(d2iOctet), d2iOpt(d2iInt))))
	d2iSigned = d2iSeq(d2iReq(d2iInt), d2iReq(d2iOf(17, d2iAlgor)), d2iReq(d2iPKCS7),
		d2iImpOpt(0, d2iAny), d2iImpOpt(1, d2iAny), d2iReq(d2iOf(17, d2iAny)))
	d2iEncrypted = d2iSeq(d2iReq(d2iInt), d2iReq(d2iSeq(d2iReq(d2iOID), d2iReq(d2iAlgor),
		d2iField{n: d2iOctet, optional: true, explicit: -1, implicit: 0})))
	// the authSafes' SEQUENCE OF ContentInfo, and a SafeContents' bags: SEQUENCE { type, [0]
	// EXPLICIT value, attributes SET OF OPTIONAL }
	d2iAuthSafes = d2iOf(16, d2iPKCS7)
	d2iBags      = d2iOf(16, d2iSeq(d2iReq(d2iOID), d2iField{n: d2iAny, explicit: 0, implicit: -1},
		d2iOpt(d2iOf(17, d2iAny))))
	oidP7Data      = []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01}
	oidP7Signed    = []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02}
	oidP7Encrypted = []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x06}
)

// d2iHeader is ASN1_get_object: the tag byte, whether constructed, the content length (-1 for
// indefinite), the header's size; reason is set when the header cannot be read ("header too
// long") or its length runs past the data ("too long").
func d2iHeader(b []byte) (tag byte, n, hdr int, reason string) {
	if len(b) < 2 || b[0]&0x1f == 0x1f {
		return 0, 0, 0, "header too long"
	}
	tag = b[0]
	l := int(b[1])
	switch {
	case l < 0x80:
		n, hdr = l, 2
	case l == 0x80:
		if tag&0x20 == 0 {
			return 0, 0, 0, "header too long"
		}
		return tag, -1, 2, ""
	default:
		k := l & 0x7f
		if len(b) < 3+k {
			return 0, 0, 0, "header too long"
		}
		p := b[2 : 2+k]
		for len(p) > 0 && p[0] == 0 {
			p = p[1:]
		}
		if len(p) > 4 {
			return 0, 0, 0, "header too long"
		}
		for _, c := range p {
			n = n<<8 | int(c)
		}
		hdr = 2 + k
	}
	if n > len(b)-hdr {
		return tag, n, hdr, "too long"
	}
	return tag, n, hdr, ""
}

// pfxReadError is asn1_d2i_read_bio's reason for der, or "" when its first element is whole;
// end is that element's length.
func pfxReadError(der []byte) (end int, reason string) {
	off, eos := 0, 0
	for {
		if off >= len(der) {
			return 0, "not enough data"
		}
		tag, n, hdr, r := d2iHeader(der[off:])
		if r == "header too long" {
			return 0, r
		}
		off += hdr
		switch {
		case n < 0:
			eos++
			continue
		case eos > 0 && n == 0 && tag == 0:
			if eos--; eos == 0 {
				return off, ""
			}
			continue
		case n > len(der)-off:
			return 0, "not enough data"
		}
		off += n
		if eos == 0 {
			return off, ""
		}
	}
}

// d2iError is the first reason OpenSSL's template decoder queues reading b as n ("" when it
// reads, or when it meets an indefinite length, which this does not follow); used is what the
// element took and absent is set for an OPTIONAL element whose tag is not there.
func d2iError(b []byte, f d2iField) (used int, absent bool, reason string) {
	if len(b) == 0 {
		return 0, false, "too small"
	}
	want, cons := f.n.tag, f.n.kind == 's' || f.n.kind == 'o'
	switch {
	case f.explicit >= 0:
		want, cons = 0x80|byte(f.explicit), true
	case f.implicit >= 0:
		want = 0x80 | byte(f.implicit)
	case f.n.kind == 'c':
		want, cons = 16, true
	}
	tag, n, hdr, r := d2iHeader(b)
	if r != "" {
		return 0, false, r
	}
	if n < 0 {
		return 0, false, "indefinite"
	}
	body := b[hdr : hdr+n]
	if f.n.kind != 'a' || f.explicit >= 0 || f.implicit >= 0 {
		if tag&^0x20 != want {
			if f.optional {
				return 0, true, ""
			}
			return 0, false, "wrong tag"
		}
		if cons && tag&0x20 == 0 {
			if f.explicit >= 0 {
				return 0, false, "explicit tag not constructed"
			}
			return 0, false, "sequence not constructed"
		}
	}
	if f.explicit >= 0 {
		u, _, r := d2iError(body, d2iReq(f.n))
		if r == "" && u != len(body) {
			r = "explicit length mismatch"
		}
		return hdr + n, false, r
	}
	if f.implicit >= 0 {
		return hdr + n, false, ""
	}
	switch f.n.kind {
	case 'p':
		if tag&0x20 != 0 && f.n.tag != 4 {
			return 0, false, "type not primitive"
		}
		return hdr + n, false, primError(f.n.tag, body)
	case 'o':
		for len(body) > 0 {
			u, _, r := d2iError(body, d2iReq(f.n.elem))
			if r != "" {
				return 0, false, r
			}
			body = body[u:]
		}
	case 's':
		return hdr + n, false, seqError(body, f.n.fields)
	case 'c':
		return hdr + n, false, pkcs7Error(body)
	}
	return hdr + n, false, ""
}

// seqError reads a SEQUENCE's content against its fields.
func seqError(body []byte, fields []d2iField) string {
	i := 0
	for ; i < len(fields) && len(body) > 0; i++ {
		if len(body) >= 2 && body[0] == 0 && body[1] == 0 {
			return "unexpected eoc"
		}
		// (the last field is not optional while data is left, as OpenSSL decides)
		f := fields[i]
		if i == len(fields)-1 {
			f.optional = false
		}
		u, absent, r := d2iError(body, f)
		if r != "" {
			return r
		}
		if !absent {
			body = body[u:]
		}
	}
	if len(body) > 0 {
		return "sequence length mismatch"
	}
	for ; i < len(fields); i++ {
		if !fields[i].optional {
			return "field missing"
		}
	}
	return ""
}

// pkcs7Error reads a ContentInfo's content: its type, then [0] EXPLICIT content OPTIONAL of
// the type's shape (data: OCTET STRING; signed and encrypted data their SEQUENCEs; others ANY).
func pkcs7Error(body []byte) string {
	if len(body) == 0 {
		return "field missing"
	}
	u, _, r := d2iError(body, d2iReq(d2iOID))
	if r != "" {
		return r
	}
	_, _, hdr, _ := d2iHeader(body)
	oid := body[hdr:u]
	content := d2iAny
	switch {
	case bytes.Equal(oid, oidP7Data):
		content = d2iOctet
	case bytes.Equal(oid, oidP7Signed):
		content = d2iSigned
	case bytes.Equal(oid, oidP7Encrypted):
		content = d2iEncrypted
	}
	return seqError(body[u:], []d2iField{d2iExpOpt(0, content)})
}

// primError is c2i's reason for a primitive's content: an INTEGER must have content and no
// redundant leading byte, an OBJECT IDENTIFIER whole subidentifiers.
func primError(tag byte, c []byte) string {
	switch tag {
	case 2:
		if len(c) == 0 {
			return "illegal zero content"
		}
		if len(c) > 1 {
			pad := c[0] == 0
			if c[0] == 0xff {
				for _, x := range c[1:] {
					if x != 0 {
						pad = true
					}
				}
			}
			if pad && c[0]&0x80 == c[1]&0x80 {
				return "illegal padding"
			}
		}
	case 6:
		if len(c) == 0 || c[len(c)-1]&0x80 != 0 {
			return "invalid object encoding"
		}
		for i, x := range c {
			if x == 0x80 && (i == 0 || c[i-1]&0x80 == 0) {
				return "invalid object encoding"
			}
		}
	}
	return ""
}

// pfxDERError is node's reason for der that d2i_PKCS12_bio refuses ("indefinite" for a BER
// indefinite length this does not follow), and the length of the PFX it reads otherwise.
func pfxDERError(der []byte) (int, string) {
	end, r := pfxReadError(der)
	if r != "" {
		return 0, r
	}
	_, _, r = d2iError(der[:end], d2iReq(d2iPKCS12))
	return end, r
}

// d2iReason is ASN1_item_d2i's first reason for der read as n ("" when it reads).
func d2iReason(der []byte, n *d2iNode) string {
	_, _, r := d2iError(der, d2iReq(n))
	if r == "indefinite" {
		return ""
	}
	return r
}
