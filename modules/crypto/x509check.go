package crypto

import (
	"bytes"
	"crypto/x509"
	"encoding/asn1"
	"strings"
)

// The flags of X509_check_host (X509Certificate's checkHost/checkEmail/checkIP options), as
// node's glue computes them from the options object.
const (
	chkAlwaysSubject = 0x1
	chkNoWildcards   = 0x2
	chkNoPartial     = 0x4
	chkMultiLabel    = 0x8
	chkSingleLabel   = 0x10
	chkNeverSubject  = 0x20
	chkDotSubdomains = 0x8000 // set for a checked name that starts with '.'
)

var (
	oidCommonName = asn1.ObjectIdentifier{2, 5, 4, 3}
	oidEmailAddr  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 1}
)

// certCheckName matches chk against the certificate's subjectAltName entries of one kind (DNS
// names for "host", rfc822 names for "email") and then, unless the flags or a present SAN rule
// it out, against the subject's CN or emailAddress entries, the way OpenSSL's X509_check_host
// and X509_check_email do. It returns the certificate's name that matched; bad is true when
// chk holds a NUL before its last byte (OpenSSL's -2, node's "Invalid name").
func certCheckName(c *x509.Certificate, chk, kind string, flags int) (match string, bad bool) {
	if n := len(chk); n > 0 && strings.IndexByte(chk[:n-1], 0) >= 0 {
		return "", true
	}
	var sans []string
	var subjOID asn1.ObjectIdentifier
	var equal func(pattern, subject string, flags int) bool
	if kind == "email" {
		sans, subjOID, equal = c.EmailAddresses, oidEmailAddr, equalEmail
	} else {
		sans, subjOID = c.DNSNames, oidCommonName
		if len(chk) > 1 && chk[0] == '.' {
			flags |= chkDotSubdomains
		}
		equal = equalWildcard
		if flags&chkNoWildcards != 0 {
			equal = equalNoCase
		}
	}
	for _, s := range sans {
		if equal(s, chk, flags) {
			return s, false
		}
	}
	if len(sans) > 0 && flags&chkAlwaysSubject == 0 || flags&chkNeverSubject != 0 {
		return "", false
	}
	for _, rdn := range nameRDNs(c.RawSubject) {
		for _, a := range rdn {
			if s := attrText(a.Value); a.Type.Equal(subjOID) && equal(s, chk, flags) {
				return s, false
			}
		}
	}
	return "", false
}

// certCheckIP matches an IPv4 or IPv6 address in text form against the iPAddress SAN entries of
// its length; bad is true when ip is not an address as OpenSSL's a2i_ipadd reads one (node's
// "Invalid IP"). The text ends at a NUL, as the C string node hands over.
func certCheckIP(c *x509.Certificate, ip string) (ok, bad bool) {
	if i := strings.IndexByte(ip, 0); i >= 0 {
		ip = ip[:i]
	}
	var p []byte
	if strings.Contains(ip, ":") {
		p = osslIPv6(ip)
	} else {
		p = osslIPv4(ip)
	}
	if p == nil {
		return false, true
	}
	for _, a := range c.IPAddresses {
		if bytes.Equal(a, p) {
			return true, false
		}
	}
	return false, false
}

// cSpace is C's isspace.
func cSpace(b byte) bool { return b == ' ' || b >= '\t' && b <= '\r' }

// osslIPv4 is OpenSSL's ipv4_from_asc: sscanf's "%d.%d.%d.%d" (each number after optional
// white space and a sign, leading zeros allowed) in 0..255, then the end or white space.
func osslIPv4(s string) []byte {
	out := make([]byte, 4)
	i := 0
	for k := 0; k < 4; k++ {
		if k > 0 {
			if i >= len(s) || s[i] != '.' {
				return nil
			}
			i++
		}
		for i < len(s) && cSpace(s[i]) {
			i++
		}
		neg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			neg = s[i] == '-'
			i++
		}
		start, v := i, 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if v < 1000 {
				v = v*10 + int(s[i]-'0')
			}
		}
		if i == start || v > 255 || neg && v != 0 {
			return nil
		}
		out[k] = byte(v)
	}
	if i < len(s) && !cSpace(s[i]) {
		return nil
	}
	return out
}

// osslIPv6 is OpenSSL's ipv6_from_asc: the text split at each ':' (an empty piece is part of a
// "::"), pieces of one to four hex digits, a last piece longer than four an IPv4 address, and
// the "::" rules OpenSSL checks.
func osslIPv6(s string) []byte {
	var tmp [16]byte
	total, zeroPos, zeroCnt := 0, -1, 0
	parts := strings.Split(s, ":")
	for n, e := range parts {
		if total == 16 {
			return nil
		}
		switch {
		case e == "":
			if zeroPos == -1 {
				zeroPos = total
			} else if zeroPos != total {
				return nil
			}
			zeroCnt++
		case len(e) > 4:
			if total > 12 || n != len(parts)-1 {
				return nil
			}
			v4 := osslIPv4(e)
			if v4 == nil {
				return nil
			}
			copy(tmp[total:], v4)
			total += 4
		default:
			var v uint16
			for i := 0; i < len(e); i++ {
				x, ok := hexDigit(e[i])
				if !ok {
					return nil
				}
				v = v<<4 | uint16(x)
			}
			tmp[total], tmp[total+1] = byte(v>>8), byte(v)
			total += 2
		}
	}
	switch {
	case zeroPos == -1 && total != 16, zeroPos != -1 && total == 16, zeroCnt > 3,
		zeroCnt == 3 && total > 0,
		zeroCnt == 2 && zeroPos != 0 && zeroPos != total,
		zeroCnt == 1 && (zeroPos == 0 || zeroPos == total):
		return nil
	}
	out := make([]byte, 16)
	if zeroPos < 0 {
		copy(out, tmp[:])
		return out
	}
	copy(out, tmp[:zeroPos])
	copy(out[zeroPos+16-total:], tmp[zeroPos:total])
	return out
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// skipPrefix lets a certificate name match a checked name that starts with '.' by its tail
// (any subdomain, or one label only with chkSingleLabel).
func skipPrefix(pattern, subject string, flags int) string {
	if flags&chkDotSubdomains == 0 {
		return pattern
	}
	p := pattern
	for len(p) > len(subject) && p[0] != 0 {
		if flags&chkSingleLabel != 0 && p[0] == '.' {
			break
		}
		p = p[1:]
	}
	if len(p) == len(subject) {
		return p
	}
	return pattern
}

func equalNoCase(pattern, subject string, flags int) bool {
	pattern = skipPrefix(pattern, subject, flags)
	if len(pattern) != len(subject) {
		return false
	}
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == 0 || lowerASCII(pattern[i]) != lowerASCII(subject[i]) {
			return false
		}
	}
	return true
}

// equalEmail compares the domain (from the last '@') without case and the local part exactly.
func equalEmail(a, b string, _ int) bool {
	if len(a) != len(b) {
		return false
	}
	i := len(a)
	for i > 0 {
		i--
		if a[i] == '@' || b[i] == '@' {
			if !equalNoCase(a[i:], b[i:], 0) {
				return false
			}
			break
		}
	}
	if i == 0 {
		i = len(a)
	}
	return a[:i] == b[:i]
}

func isLDH(b byte) bool {
	return '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// validStar finds the one wildcard OpenSSL accepts in a certificate name: in the first label,
// at its start or end, not in an IDNA label, with at least two dots after it. -1 when none.
func validStar(p string, flags int) int {
	const (
		labelStart  = 1
		labelIDNA   = 2
		labelHyphen = 4
	)
	star, state, dots := -1, labelStart, 0
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '*':
			atStart := state&labelStart != 0
			atEnd := i == len(p)-1 || p[i+1] == '.'
			if star >= 0 || state&labelIDNA != 0 || dots > 0 {
				return -1
			}
			if flags&chkNoPartial != 0 && (!atStart || !atEnd) || !atStart && !atEnd {
				return -1
			}
			star = i
			state &^= labelStart
		case isLDH(c):
			if state&labelStart != 0 && len(p)-i >= 4 && strings.EqualFold(p[i:i+4], "xn--") {
				state |= labelIDNA
			}
			state &^= labelHyphen | labelStart
		case c == '.':
			if state&(labelHyphen|labelStart) != 0 {
				return -1
			}
			state = labelStart
			dots++
		case c == '-':
			if state&labelStart != 0 {
				return -1
			}
			state |= labelHyphen
		default:
			return -1
		}
	}
	if state&(labelStart|labelHyphen) != 0 || dots < 2 {
		return -1
	}
	return star
}

func equalWildcard(pattern, subject string, flags int) bool {
	star := -1
	if !(len(subject) > 1 && subject[0] == '.') {
		star = validStar(pattern, flags)
	}
	if star < 0 {
		return equalNoCase(pattern, subject, flags)
	}
	prefix, suffix := pattern[:star], pattern[star+1:]
	if len(subject) < len(prefix)+len(suffix) {
		return false
	}
	if !equalNoCase(prefix, subject[:len(prefix)], flags) {
		return false
	}
	ws, we := len(prefix), len(subject)-len(suffix)
	if !equalNoCase(subject[we:], suffix, flags) {
		return false
	}
	allowMulti, allowIDNA := false, false
	if len(prefix) == 0 && len(suffix) > 0 && suffix[0] == '.' {
		if ws == we {
			return false
		}
		allowIDNA = true
		allowMulti = flags&chkMultiLabel != 0
	}
	if !allowIDNA && len(subject) >= 4 && strings.EqualFold(subject[:4], "xn--") {
		return false
	}
	if we == ws+1 && subject[ws] == '*' {
		return true
	}
	for i := ws; i < we; i++ {
		if c := subject[i]; !(isLDH(c) || c == '-' || allowMulti && c == '.') {
			return false
		}
	}
	return true
}
