package url

import (
	"strings"
)

// fastURL is the result of fastParse: an absolute special URL simple enough that its
// components are slices of the input.
type fastURL struct {
	href, origin, protocol, username, password, host, hostname, port, pathname, search, hash string
}

// defaultPort returns the default port of a special scheme other than file, or "".
func defaultPort(scheme string) string {
	switch scheme {
	case "http", "ws":
		return "80"
	case "https", "wss":
		return "443"
	case "ftp":
		return "21"
	}
	return ""
}

// Byte classes of the fast path, one table lookup per input byte.
const (
	kBad   = 1 << iota // never on the fast path: controls, space, non-ASCII, '\\'
	kPath              // a path byte the path percent-encode set changes
	kQuery             // a query byte the special-query percent-encode set changes
	kFrag              // a fragment byte the fragment percent-encode set changes
	kHost              // not a lowercase LDH byte or '.'
	kUser              // not a userinfo byte the userinfo percent-encode set leaves alone (':' aside)
	kEnd               // ends the authority: '/', '?', '#'
	kAuth              // '@' or ':'
)

// (A literal, checked by TestTables against how it is derived: the linker lays it out, where
// a table computed by code would be built at every process start.)
var kinds = [256]uint8{
	0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31,
	0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31,
	0x31, 0x10, 0x3e, 0x70, 0x10, 0x10, 0x10, 0x14, 0x10, 0x10, 0x10, 0x10, 0x10, 0x00, 0x00, 0x70,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xb0, 0x30, 0x3e, 0x30, 0x3e, 0x70,
	0xb0, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
	0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x30, 0x31, 0x30, 0x32, 0x10,
	0x3a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x32, 0x32, 0x32, 0x10, 0x31,
	0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31,
	0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31,
	0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31,
	0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31,
	0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31,
	0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31,
	0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31,
	0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31, 0x31,
}

// fastParse handles the common shape scheme://host[:port][/path][?query][#fragment] for http,
// https, ws, wss and ftp, in printable ASCII with nothing to encode, normalize or decode. It
// returns ok false for anything else, which then goes to the full parser (the fuzz test checks
// the two agree). It reads the input in one pass of byte loops and allocates only when the
// serialization differs from the input (dot segments, a default port, rewritten userinfo).
func fastParse(s string) (f fastURL, ok bool) {
	ok = fastParseTo(&f, s)
	return f, ok
}

// fastParseTo is fastParse writing into *f (which it clears first): the URL's components are
// passed on without copies of the struct.
func fastParseTo(f *fastURL, s string) bool {
	ok, _ := fastParseOrReject(f, s)
	return ok
}

// fastParseOrReject is fastParseTo that also reports, as reject, inputs it finds certainly
// invalid (a punycode label Node fails): no other parser need look at those.
func fastParseOrReject(f *fastURL, s string) (ok, reject bool) {
	*f = fastURL{}
	if len(s) < 4 {
		return false, false
	}
	colon := 2
	for colon < 6 && colon < len(s) && s[colon] != ':' {
		colon++
	}
	if colon >= 6 || colon >= len(s) {
		return false, false
	}
	scheme := s[:colon]
	if scheme == "file" {
		return fastFile(f, s), false
	}
	def := defaultPort(scheme)
	if def == "" || len(s) < colon+3 || s[colon+1] != '/' || s[colon+2] != '/' {
		return false, false
	}
	// the authority: up to the first '/', '?' or '#'
	start := colon + 3
	end, at, portAt := start, -1, -1
	var k uint8
	for ; end < len(s); end++ {
		c := s[end]
		kc := kinds[c]
		if kc&(kEnd|kAuth) != 0 {
			if kc&kEnd != 0 {
				break
			}
			if c == ':' {
				if portAt >= 0 {
					k |= kHost // a second ':': simpleHost rejects the host
				}
				portAt = end
				continue
			}
			if at < 0 {
				at, portAt = end, -1
				continue
			}
		}
		k |= kc
	}
	if k&kBad != 0 {
		return false, false
	}
	hadAt := at >= 0
	hostStart := start
	userinfo := ""
	if hadAt {
		userinfo = s[start:at]
		colons := 0
		for i := 0; i < len(userinfo); i++ {
			c := userinfo[i]
			if c == ':' {
				colons++
			} else if kinds[c]&kUser != 0 {
				return false, false
			}
		}
		if colons > 1 {
			return false, false
		}
		f.username = userinfo
		for i := 0; i < len(userinfo); i++ {
			if userinfo[i] == ':' {
				f.username, f.password = userinfo[:i], userinfo[i+1:]
				break
			}
		}
		hostStart = at + 1
	}
	auth := s[hostStart:end]
	if auth == "" {
		return false, false
	}
	host, port := auth, ""
	zeros := false // the port has leading zeros
	ipv6 := auth[0] == '['
	if ipv6 {
		j := strings.IndexByte(auth, ']')
		if j < 0 || !canonicalIPv6(auth[1:j]) {
			return false, false
		}
		host, portAt = auth[:j+1], -1
		if j+1 < len(auth) {
			if auth[j+1] != ':' {
				return false, false
			}
			portAt = hostStart + j + 1
		}
	}
	if portAt >= 0 {
		host, port = s[hostStart:portAt], s[portAt+1:end]
		if port == "" || len(port) > 5 {
			return false, false
		}
		n := 0
		for j := 0; j < len(port); j++ {
			if port[j] < '0' || port[j] > '9' {
				return false, false
			}
			n = n*10 + int(port[j]-'0')
		}
		if n > 65535 {
			return false, false
		}
		if port[0] == '0' && port != "0" {
			// leading zeros: the port is the number ("0443" is 443, "00" is 0), which the
			// input holds as its last digits
			zeros = true
			port = strings.TrimLeft(port, "0")
			if port == "" {
				port = "0"
			}
		}
		if port == def {
			port = ""
		} else if zeros {
			// the host and origin would need new strings: the wide parser's one buffer is cheaper
			return false, false
		}
	}
	if !ipv6 {
		// without userinfo, k holds the classes of the host's and port's bytes (':' aside):
		// when those are all lowercase LDH, only the labels are left to check
		if hadAt || k&kHost != 0 {
			if !simpleHost(host) {
				return false, false
			}
		} else if simple, bad := checkLabels(host); !simple {
			return false, bad
		}
	}
	// path, query and fragment
	rest := s[end:]
	pathEnd, queryEnd, ok := splitRest(rest)
	if !ok {
		return false, false
	}
	dots := strings.Contains(rest[:pathEnd], "/.")
	path, query, frag := rest[:pathEnd], rest[pathEnd:queryEnd], rest[queryEnd:]
	if path == "" {
		path = "/"
	}
	if dots {
		path = removeDots(path)
	}
	f.protocol = s[:colon+1]
	f.hostname = host
	f.port = port
	f.host = host
	if port != "" {
		f.host = auth
		if zeros {
			f.host = host + ":" + port
		}
	}
	if !hadAt && f.host == s[start:start+len(f.host)] {
		f.origin = s[:start+len(f.host)]
	} else {
		f.origin = scheme + "://" + f.host
	}
	f.pathname = path
	if len(query) > 1 {
		f.search = query
	}
	if len(frag) > 1 {
		f.hash = frag
	}
	// the serializer writes user[:password]@ only for a non-empty username or password, and
	// ':' only before a non-empty password
	sameCred := !hadAt || userinfo != "" && userinfo[len(userinfo)-1] != ':'
	// href is the input unless something was normalized: dot segments, a default port
	// dropped, the userinfo rewritten, or the path's leading '/' added
	if sameCred && !dots && !zeros && (portAt < 0 || port != "") && rest != "" && rest[0] == '/' {
		f.href = s
	} else {
		cred := ""
		if f.username != "" || f.password != "" {
			cred = f.username
			if f.password != "" {
				cred += ":" + f.password
			}
			cred += "@"
		}
		f.href = scheme + "://" + cred + f.host + path + query + frag
	}
	return true, false
}

// fastFile handles file:///path[?query][#fragment] with a plain absolute path.
func fastFile(f *fastURL, s string) (ok bool) {
	if !strings.HasPrefix(s, "file:///") {
		return false
	}
	rest := s[7:]
	if len(rest) > 1 && rest[1] == '/' {
		return false
	}
	pathEnd, queryEnd, ok := splitRest(rest)
	if !ok || strings.Contains(rest[:pathEnd], "/.") || strings.IndexByte(rest[:pathEnd], ':') >= 0 {
		return false
	}
	path, query, frag := rest[:pathEnd], rest[pathEnd:queryEnd], rest[queryEnd:]
	f.href = s
	f.origin = "null"
	f.protocol = "file:"
	f.pathname = path
	if len(query) > 1 {
		f.search = query
	}
	if len(frag) > 1 {
		f.hash = frag
	}
	return true
}

// splitRest finds the ends of the path and query in rest (the input after the host) and checks
// that none of the three needs percent-encoding or holds a "%2e" (a dot segment, perhaps).
func splitRest(rest string) (pathEnd, queryEnd int, ok bool) {
	pathEnd, queryEnd = len(rest), len(rest)
	if h := strings.IndexByte(rest, '#'); h >= 0 {
		pathEnd, queryEnd = h, h
	}
	if q := strings.IndexByte(rest[:pathEnd], '?'); q >= 0 {
		pathEnd = q
	}
	path := rest[:pathEnd]
	if orKinds(path)&(kBad|kPath) != 0 || orKinds(rest[pathEnd:queryEnd])&(kBad|kQuery) != 0 ||
		orKinds(rest[queryEnd:])&(kBad|kFrag) != 0 {
		return 0, 0, false
	}
	for i := strings.IndexByte(path, '%'); i >= 0; {
		if i+2 < len(path) && path[i+1] == '2' && path[i+2]|0x20 == 'e' {
			return 0, 0, false
		}
		j := strings.IndexByte(path[i+1:], '%')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return pathEnd, queryEnd, true
}

// orKinds is the union of the byte classes of s's bytes.
func orKinds(s string) uint8 {
	var k uint8
	for len(s) >= 8 {
		k |= kinds[s[0]] | kinds[s[1]] | kinds[s[2]] | kinds[s[3]] | kinds[s[4]] | kinds[s[5]] | kinds[s[6]] | kinds[s[7]]
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		k |= kinds[s[i]]
	}
	return k
}

// canonicalIPv6 reports whether s is an IPv6 address written exactly as the URL Standard
// serializes it (lowercase, no leading zeros, the longest zero run compressed, no IPv4 part).
func canonicalIPv6(s string) bool {
	if len(s) > 39 {
		return false
	}
	// the common non-canonical spellings, without parsing: uppercase, an IPv4 part, a leading
	// zero, two zero pieces in a row
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == ':') {
			return false
		}
		if c == '0' && (i == 0 || s[i-1] == ':') && i+1 < len(s) {
			if n := s[i+1]; n != ':' {
				return false // a leading zero
			} else if i+2 < len(s) && s[i+2] == '0' && (i+3 == len(s) || s[i+3] == ':') {
				return false // "0:0"
			}
		}
	}
	p, ok := parseIPv6(s)
	if !ok {
		return false
	}
	var buf [40]byte
	return string(appendIPv6(buf[:0], &p)) == s
}

// simpleHost accepts lowercase LDH labels, none empty, punycode ones only as Node accepts them,
// not ending in a number.
func simpleHost(h string) bool {
	if orKinds(h)&kHost != 0 {
		return false
	}
	return hostLabels(h)
}

// hostLabels is simpleHost for a host already known to be lowercase LDH and '.'.
func hostLabels(h string) bool {
	simple, _ := checkLabels(h)
	return simple
}

// checkLabels is hostLabels that also reports, as bad, a host with a punycode label Node fails.
// A punycode label Node accepts is written as it is, so it keeps the host simple.
func checkLabels(h string) (simple, bad bool) {
	if h == "" || h[0] == '.' || h[len(h)-1] == '.' {
		return false, false
	}
	label := 0 // start of the current label
	for i := 0; i < len(h); i++ {
		c := h[i]
		if c == '.' {
			if i == label {
				return false, false // an empty label
			}
			label = i + 1
		} else if c == '-' && i == label+3 && h[label] == 'x' && h[label+1] == 'n' && h[label+2] == '-' {
			end := strings.IndexByte(h[i:], '.')
			if end < 0 {
				end = len(h)
			} else {
				end += i
			}
			if !adaPunyLabelOK(h[i+1 : end]) {
				return false, true
			}
			i = end - 1
		}
	}
	return !lastLabelNumeric(h[label:]) || canonicalIPv4(h), false
}

// canonicalIPv4 reports whether h is an IPv4 address written as the URL Standard serializes it:
// four decimal parts of at most 255, without leading zeros ("127.0.0.1").
func canonicalIPv4(h string) bool {
	parts, v, digits := 0, 0, 0
	for i := 0; i <= len(h); i++ {
		if i == len(h) || h[i] == '.' {
			if digits == 0 || v > 255 {
				return false
			}
			parts++
			v, digits = 0, 0
			continue
		}
		c := h[i]
		if c < '0' || c > '9' || digits > 0 && v == 0 {
			return false // not a digit, or a leading zero
		}
		v = v*10 + int(c-'0')
		digits++
		if digits > 3 {
			return false
		}
	}
	return parts == 4
}

// lastLabelNumeric is "ends in a number" for a host whose labels are all non-empty: the last
// label is decimal digits or 0x followed by hex digits.
func lastLabelNumeric(l string) bool {
	if len(l) >= 2 && l[0] == '0' && (l[1] == 'x' || l[1] == 'X') {
		for i := 2; i < len(l); i++ {
			if c := l[i] | 0x20; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(l); i++ {
		if l[i] < '0' || l[i] > '9' {
			return false
		}
	}
	return true
}

// removeDots applies the URL Standard's "." and ".." segment rules to an absolute path of a
// special URL (without %2e forms, which the caller rules out).
func removeDots(path string) string {
	// one output buffer; seg starts are found again by scanning back to the last '/'
	out := make([]byte, 0, len(path))
	for i := 1; i <= len(path); {
		j := i
		for j < len(path) && path[j] != '/' {
			j++
		}
		seg, last := path[i:j], j == len(path)
		i = j + 1
		switch seg {
		case "..":
			if k := lastSlash(out); k >= 0 {
				out = out[:k]
			}
			if last {
				out = append(out, '/')
			}
		case ".":
			if last {
				out = append(out, '/')
			}
		default:
			out = append(out, '/')
			out = append(out, seg...)
		}
	}
	if len(out) == 0 {
		return "/"
	}
	return string(out)
}

func lastSlash(b []byte) int {
	for k := len(b) - 1; k >= 0; k-- {
		if b[k] == '/' {
			return k
		}
	}
	return -1
}

// hasScheme reports whether s starts with a URL scheme and ':'.
func hasScheme(s string) bool {
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ':':
			return true
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '+', c == '-', c == '.':
		default:
			return false
		}
	}
	return false
}

// resolveFast resolves a relative reference against a base that fastParse or wideParse accepted
// (not an opaque one, nor a file: URL with a drive letter), by building the absolute URL and
// handing it to fastParse or wideParse. ok is false when the full parser must decide.
func resolveFast(input string, b *fastURL) (f fastURL, ok bool) {
	ok = resolveFastTo(&f, input, b)
	return f, ok
}

// relativeToOpaque reports whether input is a relative reference without a fragment and b has
// an opaque path: those fail ("missing-scheme-non-relative-URL").
func relativeToOpaque(input string, b *fastURL) bool {
	authority := len(b.href) > len(b.protocol)+1 && b.href[len(b.protocol)] == '/' && b.href[len(b.protocol)+1] == '/'
	if !(b.pathname == "" && !authority || b.pathname != "" && b.pathname[0] != '/') {
		return false
	}
	input = cleanInput(input)
	// Node (Ada 2.9) lets any input with a '#' through, and resolves it as if the base's path
	// were a path ("a#f" against "about:blank" is about:blank/a#f): the full parser does that
	return !hasScheme(input) && strings.IndexByte(input, '#') < 0
}

// resolveFastTo is resolveFast writing into *f.
func resolveFastTo(f *fastURL, input string, b *fastURL) bool {
	// the parser's first step: surrounding C0 controls and spaces go, tabs and newlines too;
	// inside, other controls, spaces and non-ASCII are encoded the same in the absolute URL
	// built below
	input = cleanInput(input)
	if hasScheme(input) {
		if fastParseTo(f, input) {
			return true
		}
		ok, _ := wideParseInto(f, input, true, nil)
		return ok
	}
	special := isSpecialProtocol(b.protocol)
	authority := len(b.href) > len(b.protocol)+1 && b.href[len(b.protocol)] == '/' && b.href[len(b.protocol)+1] == '/'
	if b.pathname == "" && !authority || b.pathname != "" && b.pathname[0] != '/' {
		// an opaque path: only a fragment resolves against it, replacing the base's (when the
		// base's path ends in a space, the parser's trimming rules apply: the full parser does)
		if len(input) == 0 || input[0] != '#' {
			return false
		}
		noFrag := b.href[:len(b.href)-len(b.hash)]
		if strings.HasSuffix(noFrag, "#") {
			noFrag = noFrag[:len(noFrag)-1]
		}
		if strings.HasSuffix(noFrag, " ") {
			return false
		}
		abs := noFrag + input
		if fastParseTo(f, abs) {
			return true
		}
		ok, _ := wideParseInto(f, abs, false, nil)
		return ok
	}
	if b.protocol == "file:" {
		// drive letters have their own rules
		if len(b.pathname) >= 3 && isDriveLetter([]byte(b.pathname[1:3]), true) ||
			len(input) >= 2 && isDriveLetter([]byte(input[:2]), true) {
			return false
		}
	}
	slash := func(i int) bool { return i < len(input) && (input[i] == '/' || special && input[i] == '\\') }
	noFrag := b.href
	if i := strings.IndexByte(noFrag, '#'); i >= 0 {
		noFrag = noFrag[:i]
	}
	noQuery := noFrag
	if i := strings.IndexByte(noQuery, '?'); i >= 0 {
		noQuery = noQuery[:i]
	}
	prefix := noQuery[:len(noQuery)-len(b.pathname)]
	var abs string
	switch {
	case input == "":
		abs = noFrag
	case slash(0) && slash(1):
		abs = b.protocol + input
	case slash(0):
		abs = prefix + input
	case input[0] == '?':
		abs = noQuery + input
	case input[0] == '#':
		abs = noFrag + input
	case b.pathname == "":
		abs = prefix + "/" + input
	default:
		abs = prefix + b.pathname[:strings.LastIndexByte(b.pathname, '/')+1] + input
	}
	if fastParseTo(f, abs) {
		return true
	}
	ok, _ := wideParseInto(f, abs, false, nil)
	return ok
}
