package url

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/gojs-dev/gojs/modules/querystring"
)

// wideParse is the second fast path, for absolute URLs fastParse declines: any scheme case,
// tabs/newlines and surrounding spaces, credentials, ports (leading zeros, default ones),
// uppercase or '_' hosts, IPv6 hosts in any spelling, bytes the percent-encode sets change
// (non-ASCII included) in userinfo, path, query and fragment, backslashes in special URLs,
// file: URLs (without Windows drive letters), non-special URLs with an authority or a path,
// and opaque URLs (data:, mailto:, javascript:, node:, blob:). It writes the href in one buffer
// and slices the components out of it. Hosts go through Node's IDNA (adaToASCII), as in
// hostParser. Anything it is not sure of (an IDN whose ASCII form holds characters other than
// LDH and '_', drive letters, some invalid input) returns ok false and goes to the full parser;
// tests and FuzzURL check the two agree.
//
// hasBase says new URL got a base: then a special URL whose scheme is not followed by two
// slashes may be relative to it, and only the full parser decides.
func wideParse(in string, hasBase bool) (f fastURL, ok bool) {
	ok, _ = wideParseInto(&f, in, hasBase, nil)
	return f, ok
}

// wideParseR is wideParse that also says when the input is certainly not a URL (reject): no
// scheme and no base, a port that is not a number up to 65535, a special URL's missing host or
// ASCII host holding a forbidden code point, a host ending in a number that is no IPv4 address.
func wideParseR(in string, hasBase bool) (f fastURL, ok, reject bool) {
	ok, reject = wideParseInto(&f, in, hasBase, nil)
	return f, ok, reject
}

// wideParseInto is wideParseR writing into *f (cleared first) and the href in *scratch (kept
// for the next call; nil: a new buffer). With a scratch buffer, an href that is the input is
// the input (its components are slices of it, nothing is allocated), and any other is one
// string of its exact size.
func wideParseInto(f *fastURL, in string, hasBase bool, scratch *[]byte) (ok, reject bool) {
	*f = fastURL{}
	s := cleanInput(in)
	if s == "" || !(s[0]|0x20 >= 'a' && s[0]|0x20 <= 'z') {
		return false, !hasBase
	}
	colon, upper := -1, s[0] < 'a'
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c == ':' {
			colon = i
			break
		}
		if schemeByte[c] == 0 {
			return false, !hasBase
		}
		upper = upper || c < 'a'
	}
	if colon < 0 {
		return false, !hasBase
	}
	var w wideBuf
	if scratch != nil {
		w.buf = (*scratch)[:0]
	} else {
		w.buf = make([]byte, 0, len(s)+len(s)/2+16)
		w.owned = true
	}
	ok = w.parse(f, s, colon, upper, hasBase)
	if scratch != nil && cap(w.buf) <= maxScratch {
		*scratch = w.buf[:0]
	}
	return ok, !ok && w.reject
}

// schemeByte marks the bytes a scheme may hold after its first letter: ASCII letters and digits,
// '+', '-' and '.'. A literal (checked by TestTables), so that no code runs at process start.
var schemeByte = [256]uint8{
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
}

// maxScratch bounds the scratch buffer a runtime keeps for wideParseInto.
const maxScratch = 4096

// parse is wideParseR after the scheme: s is the cleaned input, s[colon] its scheme's ':', and
// upper says whether the scheme holds a byte below 'a' (an uppercase letter, perhaps).
func (w *wideBuf) parse(f *fastURL, s string, colon int, upper, hasBase bool) bool {
	scheme := s[:colon]
	w.buf = append(w.buf, s[:colon+1]...)
	if upper {
		lowered := false
		for i := 0; i < colon; i++ {
			if c := w.buf[i]; c >= 'A' && c <= 'Z' {
				w.buf[i] = c + 'a' - 'A'
				lowered = true
			}
		}
		if lowered {
			scheme = string(w.buf[:colon])
		}
	}
	rest := s[colon+1:]
	w.protoEnd = colon + 1
	slashes := 0
	for slashes < len(rest) && (rest[slashes] == '/' || rest[slashes] == '\\') {
		slashes++
	}
	def := defaultPort(scheme)
	switch {
	case def != "":
		if hasBase && slashes < 2 {
			return false
		}
		if !w.authority(rest[slashes:], true, def) {
			return false
		}
	case scheme == "file":
		if hasBase && slashes < 2 {
			return false
		}
		if !w.file(rest, slashes) {
			return false
		}
	case len(rest) >= 2 && rest[0] == '/' && rest[1] == '/':
		if !w.authority(rest[2:], false, "") {
			return false
		}
	case len(rest) >= 1 && rest[0] == '/':
		w.userEnd, w.passStart, w.passEnd = w.protoEnd, w.protoEnd, w.protoEnd
		w.hostStart, w.hostnameEnd, w.hostEnd = w.protoEnd, w.protoEnd, w.protoEnd
		if !w.pathQueryFrag(rest, false, false) {
			return false
		}
		// a host-less path starting with an empty segment ("foo:/..//p" is "//p") serializes
		// with "/." before it, which belongs to neither the host nor the path (Node's last-".."
		// rule, which differs from the Standard's, is adaInputFix's, as for every parse)
		if p := w.buf[w.hostEnd:w.queryStart]; len(p) > 1 && p[0] == '/' && p[1] == '/' {
			w.buf = append(w.buf, 0, 0)
			copy(w.buf[w.hostEnd+2:], w.buf[w.hostEnd:])
			w.buf[w.hostEnd], w.buf[w.hostEnd+1] = '/', '.'
			w.userEnd, w.passStart, w.passEnd = w.protoEnd+2, w.protoEnd+2, w.protoEnd+2
			w.hostStart, w.hostnameEnd, w.hostEnd = w.protoEnd+2, w.protoEnd+2, w.protoEnd+2
			w.queryStart += 2
			w.fragStart += 2
		}
	default:
		w.userEnd, w.passStart, w.passEnd = w.protoEnd, w.protoEnd, w.protoEnd
		w.hostStart, w.hostnameEnd, w.hostEnd = w.protoEnd, w.protoEnd, w.protoEnd
		if !w.opaque(rest) {
			return false
		}
	}
	// a special URL with credentials: its origin (scheme://host) goes after the href in the
	// same buffer
	n := len(w.buf)
	if def != "" && w.userEnd != w.hostStart {
		w.buf = append(w.buf, w.buf[:w.protoEnd]...)
		w.buf = append(w.buf, '/', '/')
		w.buf = append(w.buf, w.buf[w.hostStart:w.hostEnd]...)
	}
	var all, credOrigin string
	if w.owned {
		// the buffer is never written again: the strings are made from it without a copy
		all = unsafe.String(unsafe.SliceData(w.buf), len(w.buf))
		credOrigin = all[n:]
	} else if n == len(s) && string(w.buf[:n]) == s {
		all = s // the input is its own serialization
		if len(w.buf) > n {
			credOrigin = string(w.buf[n:])
		}
	} else {
		all = string(w.buf)
		credOrigin = all[n:]
	}
	href := all[:n]
	f.href = href
	f.protocol = href[:w.protoEnd]
	if w.hostEnd > w.protoEnd {
		f.username = href[w.protoEnd+2 : w.userEnd]
	}
	f.password = href[w.passStart:w.passEnd]
	f.host = href[w.hostStart:w.hostEnd]
	f.hostname = href[w.hostStart:w.hostnameEnd]
	if w.hostnameEnd < w.hostEnd {
		f.port = href[w.hostnameEnd+1 : w.hostEnd]
	}
	f.pathname = href[w.hostEnd:w.queryStart]
	if w.fragStart-w.queryStart > 1 {
		f.search = href[w.queryStart:w.fragStart]
	}
	if len(href)-w.fragStart > 1 {
		f.hash = href[w.fragStart:]
	}
	switch {
	case def != "":
		if w.userEnd == w.hostStart {
			f.origin = href[:w.hostEnd]
		} else {
			f.origin = credOrigin
		}
	case scheme == "blob":
		f.origin = "null"
		var inner fastURL
		if !fastParseTo(&inner, f.pathname) {
			if ok, _ := wideParseInto(&inner, f.pathname, false, nil); !ok {
				return false // the full parser decides whether it is a URL at all
			}
		}
		if inner.protocol == "http:" || inner.protocol == "https:" {
			f.origin = inner.origin
		}
	default:
		f.origin = "null"
	}
	return true
}

// cleanInput strips leading and trailing C0 controls and spaces and removes tabs and newlines,
// as the URL parser does first; it allocates only when it removes something inside.
func cleanInput(s string) string {
	for len(s) > 0 && s[0] <= 0x20 {
		s = s[1:]
	}
	for len(s) > 0 && s[len(s)-1] <= 0x20 {
		s = s[:len(s)-1]
	}
	if strings.IndexByte(s, '\t') < 0 && strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\r') < 0 {
		return s
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\t' || c == '\n' || c == '\r' {
			b := make([]byte, 0, len(s))
			for j := 0; j < len(s); j++ {
				if c := s[j]; c != '\t' && c != '\n' && c != '\r' {
					b = append(b, c)
				}
			}
			return string(b)
		}
	}
	return s
}

// wideBuf is the href being written and where its components are.
type wideBuf struct {
	buf                                   []byte
	owned                                 bool // buf is the href's own: strings may alias it
	reject                                bool // the input is certainly not a URL
	isFile                                bool // a file: URL's path: drive letters
	protoEnd, userEnd, passStart, passEnd int
	hostStart, hostnameEnd, hostEnd       int
	queryStart, fragStart                 int
}

// Percent-encode sets as byte tables: bit set = encode.
const (
	setC0 = 1 << iota
	setFrag
	setQuery
	setSpecialQuery
	setPath
	setUserinfo
)

// (A literal, checked by TestTables against how it is derived: the linker lays it out, where
// a table computed by code would be built at every process start.)
var encodeSets = [256]uint8{
	0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f,
	0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f,
	0x3e, 0x00, 0x3e, 0x3c, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x20, 0x3e, 0x20, 0x3e, 0x30,
	0x20, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x20, 0x20, 0x20, 0x00,
	0x32, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x30, 0x20, 0x30, 0x00, 0x3f,
	0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f,
	0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f,
	0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f,
	0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f,
	0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f,
	0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f,
	0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f,
	0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f,
}

// encode appends s to w.buf, percent-encoding the bytes in set (every set holds the bytes from
// 0x80 up). It returns false, having written part of s, when s is not valid UTF-8.
func (w *wideBuf) encode(s string, set uint8) bool {
	// skip the run that needs nothing, eight bytes at a time
	n := 0
	for n+8 <= len(s) {
		b := s[n : n+8]
		if (encodeSets[b[0]]|encodeSets[b[1]]|encodeSets[b[2]]|encodeSets[b[3]]|encodeSets[b[4]]|encodeSets[b[5]]|encodeSets[b[6]]|encodeSets[b[7]])&set != 0 {
			break
		}
		n += 8
	}
	w.buf = append(w.buf, s[:n]...)
	s = s[n:]
	if len(s) == 0 {
		return true
	}
	// then one byte at a time (the runs between encoded bytes are short in URLs: cheaper than
	// a copy call each)
	valid := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if encodeSets[c]&set == 0 {
			w.buf = append(w.buf, c)
			continue
		}
		if c >= 0x80 && !valid {
			if !utf8.ValidString(s[i:]) {
				return false
			}
			valid = true
		}
		w.buf = append(w.buf, '%', upperHex[c>>4], upperHex[c&15])
	}
	return true
}

// authority writes "//", the userinfo, host and port in s (the input after the scheme's
// slashes), then the path, query and fragment. def is the scheme's default port.
func (w *wideBuf) authority(s string, special bool, def string) bool {
	end := 0
	for end < len(s) {
		c := s[end]
		if c == '/' || c == '?' || c == '#' || special && c == '\\' {
			break
		}
		end++
	}
	auth := s[:end]
	w.buf = append(w.buf, '/', '/')
	at := -1
	for i := len(auth) - 1; i >= 0; i-- {
		if auth[i] == '@' {
			at = i
			break
		}
	}
	w.passStart, w.passEnd = -1, -1
	if at >= 0 {
		cred := auth[:at]
		auth = auth[at+1:]
		user, pass := cred, ""
		hasPass := false
		for i := 0; i < len(cred); i++ {
			if cred[i] == ':' {
				user, pass, hasPass = cred[:i], cred[i+1:], true
				break
			}
		}
		if !w.encode(user, setUserinfo) {
			return false
		}
		w.userEnd = len(w.buf)
		if hasPass && pass != "" {
			w.buf = append(w.buf, ':')
			w.passStart = len(w.buf)
			if !w.encode(pass, setUserinfo) {
				return false
			}
			w.passEnd = len(w.buf)
		}
		if len(w.buf) == w.protoEnd+2 {
			w.userEnd = w.protoEnd + 2
		} else {
			w.buf = append(w.buf, '@')
		}
		if auth == "" {
			w.reject = true // credentials and no host
			return false
		}
	} else {
		w.userEnd = len(w.buf)
	}
	if w.passStart < 0 {
		w.passStart, w.passEnd = w.userEnd, w.userEnd
	}
	w.hostStart = len(w.buf)
	host, port, hasPort := auth, "", false
	if len(auth) > 0 && auth[0] == '[' {
		j := 0
		for j < len(auth) && auth[j] != ']' {
			j++
		}
		if j == len(auth) {
			return false
		}
		host = auth[:j+1]
		if j+1 < len(auth) {
			if auth[j+1] != ':' {
				return false
			}
			port, hasPort = auth[j+2:], true
		}
	} else {
		for i := 0; i < len(auth); i++ {
			if auth[i] == ':' {
				host, port, hasPort = auth[:i], auth[i+1:], true
				break
			}
		}
	}
	switch {
	case host == "":
		if special || at >= 0 || hasPort {
			w.reject = special
			return false
		}
	case host[0] == '[':
		if !w.ipv6(host[1 : len(host)-1]) {
			return false
		}
	case special:
		if !w.domain(host) {
			return false
		}
	default:
		// an opaque host: printable ASCII without forbidden host code points, kept as is
		for i := 0; i < len(host); i++ {
			c := host[i]
			if c <= 0x20 || c >= 0x7f {
				return false
			}
			switch c {
			case '#', '/', ':', '<', '>', '?', '@', '[', '\\', ']', '^', '|':
				return false
			}
		}
		w.buf = append(w.buf, host...)
	}
	w.hostnameEnd = len(w.buf)
	if hasPort && port != "" {
		n := 0
		for i := 0; i < len(port); i++ {
			c := port[i]
			if c < '0' || c > '9' {
				w.reject = true
				return false
			}
			n = n*10 + int(c-'0')
			if n > 65535 {
				w.reject = true
				return false
			}
		}
		w.buf = append(w.buf, ':')
		w.buf = strconv.AppendInt(w.buf, int64(n), 10)
		if string(w.buf[w.hostnameEnd+1:]) == def {
			w.buf = w.buf[:w.hostnameEnd]
		}
	}
	w.hostEnd = len(w.buf)
	return w.pathQueryFrag(s[end:], special, special)
}

// domain writes a special URL's domain, lowercased: percent-decoded, mapped as Node maps it
// (adaToASCII) when not ASCII, LDH and '_' only; ASCII punycode labels are checked as Node
// checks them; a domain ending in a number is read as an IPv4 address. It returns false with
// w.reject unset for the hosts it leaves to the full parser.
func (w *wideBuf) domain(h string) bool {
	if simpleHost(h) {
		// lowercase LDH labels, none empty, no punycode, not a number: written as they are
		w.buf = append(w.buf, h...)
		return true
	}
	if lastLabelNumeric(h[strings.LastIndexByte(h, '.')+1:]) && numericLabels(h) {
		// a host that ends in a number: one pass (the general path below lowercases, checks
		// the labels and the characters, all of which these hosts pass, then parses it)
		if canonicalIPv4(h) {
			w.buf = append(w.buf, h...)
			return true
		}
		v, ok := parseIPv4(h)
		if !ok {
			w.reject = true
			return false
		}
		w.buf = appendIPv4(w.buf, v)
		return true
	}
	start := len(w.buf)
	if strings.IndexByte(h, '%') >= 0 {
		d := querystring.PercentDecode([]byte(h), false)
		if !utf8.Valid(d) {
			return false
		}
		h = string(d)
	}
	idn := false
	for i := 0; i < len(h); i++ {
		if h[i] >= 0x80 {
			// IDNA as Node's (Ada's): its "xn--" labels are checked, the rest encoded
			a, ok := adaToASCII(h)
			if !ok || a == "" {
				w.reject = true
				return false
			}
			h, idn = a, true
			break
		}
	}
	lower := true
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case c >= 'A' && c <= 'Z':
			lower = false
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '.', c == '_':
		default:
			// a forbidden domain code point in an ASCII host as written fails the parse
			if !idn && strings.IndexByte(h, '%') < 0 && (c <= 0x20 || c == 0x7f || strings.IndexByte(forbiddenDomain, c) >= 0) {
				w.reject = true
			}
			return false
		}
	}
	w.buf = append(w.buf, h...)
	if !lower {
		for i := start; i < len(w.buf); i++ {
			if c := w.buf[i]; c >= 'A' && c <= 'Z' {
				w.buf[i] = c + 'a' - 'A'
			}
		}
	}
	d := w.buf[start:]
	label, puny := 0, false
	for i := 0; i <= len(d); i++ {
		if i == len(d) || d[i] == '.' {
			if i-label >= 4 && d[label] == 'x' && d[label+1] == 'n' && d[label+2] == '-' && d[label+3] == '-' {
				puny = true
			}
			if i < len(d) {
				label = i + 1
			}
		}
	}
	if puny && !idn && !adaPunyLabelsOK(d) {
		w.reject = true // Node checks an ASCII domain's punycode labels (an IDN's are checked)
		return false
	}
	// a host ends in a number when its last label does, ignoring one trailing empty label
	num, last := d, d[label:]
	if len(last) == 0 {
		if len(d) == 1 {
			return true // "."
		}
		num = d[:len(d)-1]
		last = num[bytes.LastIndexByte(num, '.')+1:]
	}
	if len(last) == 0 || !lastLabelNumeric(string(last)) {
		return true
	}
	if len(num) == len(d) && canonicalIPv4(string(d)) {
		return true
	}
	if bytes.Contains(num, []byte("..")) || num[0] == '.' {
		w.reject = true // an empty part fails the IPv4 parser
		return false
	}
	v, ok := parseIPv4(num)
	if !ok {
		w.reject = true
		return false
	}
	w.buf = appendIPv4(w.buf[:start], v)
	return true
}

// parseIPv4 is the URL Standard's IPv4 parser for a host that ends in a number and has no
// empty label: up to four parts, each decimal, octal (leading 0) or hex (0x).
func parseIPv4[T string | []byte](d T) (uint32, bool) {
	var nums [4]uint64
	n := 0
	for len(d) > 0 {
		if n == 4 {
			return 0, false
		}
		j := 0
		for j < len(d) && d[j] != '.' {
			j++
		}
		part := d[:j]
		if j < len(d) {
			d = d[j+1:]
		} else {
			d = d[:0]
		}
		radix := uint64(10)
		if len(part) >= 2 && part[0] == '0' && (part[1] == 'x' || part[1] == 'X') {
			radix, part = 16, part[2:]
		} else if len(part) >= 2 && part[0] == '0' {
			radix, part = 8, part[1:]
		}
		var v uint64
		for k := 0; k < len(part); k++ {
			c := part[k]
			var digit uint64
			switch {
			case c >= '0' && c <= '9':
				digit = uint64(c - '0')
			case c|0x20 >= 'a' && c|0x20 <= 'f':
				digit = uint64(c|0x20-'a') + 10
			default:
				return 0, false
			}
			if digit >= radix {
				return 0, false
			}
			if v = v*radix + digit; v > 1<<32 {
				v = 1 << 33 // too big either way; keeps reading the digits
			}
		}
		nums[n] = v
		n++
	}
	if n == 0 {
		return 0, false
	}
	var ip uint64
	for i := 0; i < n-1; i++ {
		if nums[i] > 255 {
			return 0, false
		}
		ip += nums[i] << (8 * (3 - i))
	}
	if nums[n-1] >= 1<<(8*(5-n)) {
		return 0, false
	}
	return uint32(ip + nums[n-1]), true
}

func appendIPv4(b []byte, v uint32) []byte {
	for i := 3; i >= 0; i-- {
		o := byte(v >> (8 * i))
		if o >= 100 {
			b = append(b, '0'+o/100)
		}
		if o >= 10 {
			b = append(b, '0'+o/10%10)
		}
		b = append(b, '0'+o%10)
		if i > 0 {
			b = append(b, '.')
		}
	}
	return b
}

// numericLabels reports whether h is non-empty labels of digits, hex letters and x (what an
// IPv4 host in any of its forms is made of).
func numericLabels(h string) bool {
	if h == "" || h[0] == '.' || h[len(h)-1] == '.' {
		return false
	}
	for i := 0; i < len(h); i++ {
		switch c := h[i]; {
		case c >= '0' && c <= '9', c|0x20 >= 'a' && c|0x20 <= 'f', c|0x20 == 'x':
		case c == '.':
			if h[i-1] == '.' {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// ipv6 writes the bracketed URL Standard serialization of the IPv6 address s.
func (w *wideBuf) ipv6(s string) bool {
	p, ok := parseIPv6(s)
	if !ok {
		return false
	}
	w.buf = append(w.buf, '[')
	w.buf = appendIPv6(w.buf, &p)
	w.buf = append(w.buf, ']')
	return true
}

// appendIPv6 appends the URL Standard serialization of the IPv6 address p (no brackets).
func appendIPv6(b []byte, p *[8]uint16) []byte {
	// the first longest run of two or more zero pieces is compressed
	best, bestLen := -1, 1
	for i := 0; i < 8; {
		if p[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && p[j] == 0 {
			j++
		}
		if j-i > bestLen {
			best, bestLen = i, j-i
		}
		i = j
	}
	for i := 0; i < 8; i++ {
		if i == best {
			if i == 0 {
				b = append(b, ':')
			}
			b = append(b, ':')
			i += bestLen - 1
			continue
		}
		b = appendHex16(b, p[i])
		if i < 7 {
			b = append(b, ':')
		}
	}
	return b
}

// appendHex16 appends v in lowercase hex without leading zeros.
func appendHex16(b []byte, v uint16) []byte {
	switch {
	case v >= 0x1000:
		return append(b, lowerHex[v>>12], lowerHex[v>>8&15], lowerHex[v>>4&15], lowerHex[v&15])
	case v >= 0x100:
		return append(b, lowerHex[v>>8], lowerHex[v>>4&15], lowerHex[v&15])
	case v >= 0x10:
		return append(b, lowerHex[v>>4], lowerHex[v&15])
	}
	return append(b, lowerHex[v])
}

const lowerHex = "0123456789abcdef"

// hexVal is the value of a hex digit, or 0xff.
// (A literal, checked by TestTables against how it is derived: the linker lays it out, where
// a table computed by code would be built at every process start.)
var hexVal = [256]uint8{
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
}

// parseIPv6 is the URL Standard's IPv6 parser (the text between the brackets).
func parseIPv6(s string) (a [8]uint16, ok bool) {
	piece, compress, i := 0, -1, 0
	if len(s) > 0 && s[0] == ':' {
		if len(s) < 2 || s[1] != ':' {
			return a, false
		}
		i = 2
		piece++
		compress = piece
	}
	for i < len(s) {
		if piece == 8 {
			return a, false
		}
		if s[i] == ':' {
			if compress >= 0 {
				return a, false
			}
			i++
			piece++
			compress = piece
			continue
		}
		var v uint16
		n := 0
		for n < 4 && i < len(s) && hexVal[s[i]] != 0xff {
			v = v<<4 | uint16(hexVal[s[i]])
			i++
			n++
		}
		if i < len(s) && s[i] == '.' {
			// an IPv4 address in the last two pieces
			if n == 0 || piece > 6 {
				return a, false
			}
			i -= n
			seen := 0
			for i < len(s) {
				if seen > 0 {
					if s[i] != '.' || seen >= 4 {
						return a, false
					}
					i++
				}
				if i >= len(s) || s[i] < '0' || s[i] > '9' {
					return a, false
				}
				num := -1
				for i < len(s) && s[i] >= '0' && s[i] <= '9' {
					d := int(s[i] - '0')
					switch num {
					case -1:
						num = d
					case 0:
						return a, false
					default:
						num = num*10 + d
					}
					if num > 255 {
						return a, false
					}
					i++
				}
				a[piece] = a[piece]<<8 | uint16(num)
				seen++
				if seen == 2 || seen == 4 {
					piece++
				}
			}
			if seen != 4 {
				return a, false
			}
			break
		}
		if i < len(s) {
			if s[i] != ':' {
				return a, false
			}
			i++
			if i == len(s) {
				return a, false
			}
		}
		a[piece] = v
		piece++
	}
	if compress >= 0 {
		swaps := piece - compress
		for piece = 7; piece != 0 && swaps > 0; piece, swaps = piece-1, swaps-1 {
			a[piece], a[compress+swaps-1] = a[compress+swaps-1], a[piece]
		}
	} else if piece != 8 {
		return a, false
	}
	return a, true
}

// pathQueryFrag writes the path (dot segments applied, percent-encoded), query and fragment in
// s. special: '\\' separates segments and the path is at least "/".
func (w *wideBuf) pathQueryFrag(s string, special, specialQuery bool) bool {
	end := len(s)
	if h := strings.IndexByte(s, '#'); h >= 0 {
		end = h
	}
	if q := strings.IndexByte(s[:end], '?'); q >= 0 {
		end = q
	}
	path := s[:end]
	pathStart := len(w.buf)
	if path != "" || special {
		if path != "" && (path[0] == '/' || special && path[0] == '\\') {
			path = path[1:]
		}
		for {
			j := 0
			for j < len(path) && path[j] != '/' && !(special && path[j] == '\\') {
				j++
			}
			seg, last := path[:j], j == len(path)
			switch dotSegment(seg) {
			case 2:
				// a file: path's drive letter ("/C:") alone stays
				if !(w.isFile && len(w.buf)-pathStart == 3 && isDriveLetter(w.buf[pathStart+1:], false)) {
					for k := len(w.buf) - 1; k >= pathStart; k-- {
						if w.buf[k] == '/' {
							w.buf = w.buf[:k]
							break
						}
					}
				}
				if last {
					w.buf = append(w.buf, '/')
				}
			case 1:
				if last {
					w.buf = append(w.buf, '/')
				}
			default:
				w.buf = append(w.buf, '/')
				if w.isFile && len(w.buf) == pathStart+1 && isDriveLetter([]byte(seg), true) {
					w.buf = append(w.buf, seg[0], ':') // the first segment, a drive letter: "C|" is "C:"
				} else if !w.encode(seg, setPath) {
					return false
				}
			}
			if last {
				break
			}
			path = path[j+1:]
		}
	}
	w.queryStart = len(w.buf)
	return w.queryFrag(s[end:], specialQuery)
}

// queryFrag writes the query and fragment in s ("", or starting with '?' or '#').
func (w *wideBuf) queryFrag(s string, specialQuery bool) bool {
	if len(s) > 0 && s[0] == '?' {
		end := len(s)
		if h := strings.IndexByte(s, '#'); h >= 0 {
			end = h
		}
		w.buf = append(w.buf, '?')
		set := uint8(setQuery)
		if specialQuery {
			set = setSpecialQuery
		}
		if !w.encode(s[1:end], set) {
			return false
		}
		s = s[end:]
	}
	w.fragStart = len(w.buf)
	if len(s) > 0 {
		w.buf = append(w.buf, '#')
		return w.encode(s[1:], setFrag)
	}
	return true
}

// dotSegment is 1 for ".", 2 for "..", in any of their percent-encoded spellings, else 0.
func dotSegment(seg string) int {
	switch len(seg) {
	case 1:
		if seg == "." {
			return 1
		}
	case 2:
		if seg == ".." {
			return 2
		}
	case 3:
		if seg[0] == '%' && seg[1] == '2' && seg[2]|0x20 == 'e' {
			return 1
		}
	case 4:
		if seg[0] == '.' && seg[1] == '%' && seg[2] == '2' && seg[3]|0x20 == 'e' ||
			seg[3] == '.' && seg[0] == '%' && seg[1] == '2' && seg[2]|0x20 == 'e' {
			return 2
		}
	case 6:
		if seg[0] == '%' && seg[1] == '2' && seg[2]|0x20 == 'e' && seg[3] == '%' && seg[4] == '2' && seg[5]|0x20 == 'e' {
			return 2
		}
	}
	return 0
}

// file writes a file: URL; s is the input after "file:", which starts with n slashes.
func (w *wideBuf) file(s string, n int) bool {
	w.buf = append(w.buf, '/', '/')
	w.userEnd, w.passStart, w.passEnd, w.hostStart = len(w.buf), len(w.buf), len(w.buf), len(w.buf)
	if n >= 2 {
		s = s[2:]
		end := 0
		for end < len(s) && s[end] != '/' && s[end] != '\\' && s[end] != '?' && s[end] != '#' {
			end++
		}
		host := s[:end]
		s = s[end:]
		switch {
		case host == "":
		case isDriveLetter([]byte(host), true):
			return false // a drive letter, not a host
		case host[0] == '[':
			if host[len(host)-1] != ']' || !w.ipv6(host[1:len(host)-1]) {
				return false
			}
		default:
			if !w.domain(host) {
				return false
			}
			if string(w.buf[w.hostStart:]) == "localhost" {
				w.buf = w.buf[:w.hostStart]
			}
		}
	} else if n == 1 {
		s = s[1:]
	}
	w.hostnameEnd, w.hostEnd = len(w.buf), len(w.buf)
	w.isFile = true
	if s == "" || s[0] != '/' && s[0] != '\\' {
		// the path state starts with the first segment
		return w.pathQueryFrag("/"+s, true, true)
	}
	return w.pathQueryFrag(s, true, true)
}

// opaque writes an opaque path (C0 control percent-encode set), query and fragment.
func (w *wideBuf) opaque(s string) bool {
	end := 0
	for end < len(s) && s[end] != '?' && s[end] != '#' {
		end++
	}
	if !w.encode(s[:end], setC0) {
		return false // not UTF-8: let the full parser decide
	}
	w.queryStart = len(w.buf)
	return w.queryFrag(s[end:], false)
}

// isDriveLetter reports whether b is a Windows drive letter: an ASCII letter then ':' (or '|'
// unless normalized is false).
func isDriveLetter(b []byte, orPipe bool) bool {
	return len(b) == 2 && (b[0]|0x20 >= 'a' && b[0]|0x20 <= 'z') && (b[1] == ':' || orPipe && b[1] == '|')
}
