package crypto

import (
	"crypto/x509"
	"encoding/asn1"
	"net"
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

// certCheckIP matches an IPv4 or IPv6 address in text form against the iPAddress SAN entries;
// bad is true when ip is not an address (node's "Invalid IP").
func certCheckIP(c *x509.Certificate, ip string) (ok, bad bool) {
	p := net.ParseIP(ip)
	if p == nil {
		return false, true
	}
	if v4 := p.To4(); v4 != nil && !strings.Contains(ip, ":") {
		p = v4
	}
	for _, a := range c.IPAddresses {
		if len(a) == 16 && len(p) == 4 || len(a) == 4 && len(p) == 16 {
			continue
		}
		if a.Equal(p) {
			return true, false
		}
	}
	return false, false
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
