package url

import (
	"net/netip"
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

// fastParse handles the common shape scheme://host[:port][/path][?query][#fragment] for http,
// https, ws, wss and ftp, in printable ASCII with nothing to encode, normalize or decode. It
// returns ok false for anything else, which then goes to the full parser (the fuzz test checks
// the two agree).
func fastParse(s string) (f fastURL, ok bool) {
	if len(s) > 2048 {
		return f, false
	}
	colon := strings.IndexByte(s, ':')
	if colon < 2 || colon > 5 {
		return f, false
	}
	scheme := s[:colon]
	if scheme == "file" {
		return fastFile(s)
	}
	def := defaultPort(scheme)
	if def == "" || !strings.HasPrefix(s[colon:], "://") {
		return f, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= 0x20 || c >= 0x7f || c == '\\' {
			return f, false
		}
	}
	rest := s[colon+3:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	auth := rest[:end]
	rest = rest[end:]
	userinfo, hadAt := "", false
	if at := strings.IndexByte(auth, '@'); at >= 0 {
		hadAt = true
		userinfo, auth = auth[:at], auth[at+1:]
		if !plainUserinfo(userinfo) {
			return f, false
		}
		f.username, f.password = userinfo, ""
		if i := strings.IndexByte(userinfo, ':'); i >= 0 {
			f.username, f.password = userinfo[:i], userinfo[i+1:]
		}
	}
	if auth == "" {
		return f, false
	}
	host, port := auth, ""
	portAt := strings.IndexByte(auth, ':')
	ipv6 := auth[0] == '['
	if ipv6 {
		j := strings.IndexByte(auth, ']')
		if j < 0 || !canonicalIPv6(auth[1:j]) {
			return f, false
		}
		host, portAt = auth[:j+1], -1
		if j+1 < len(auth) {
			if auth[j+1] != ':' {
				return f, false
			}
			portAt = j + 1
		}
	}
	if portAt >= 0 {
		host, port = auth[:portAt], auth[portAt+1:]
		if port == "" || len(port) > 5 || (port[0] == '0' && port != "0") {
			return f, false
		}
		n := 0
		for j := 0; j < len(port); j++ {
			if port[j] < '0' || port[j] > '9' {
				return f, false
			}
			n = n*10 + int(port[j]-'0')
		}
		if n > 65535 {
			return f, false
		}
		if port == def {
			port = ""
		}
	}
	if !ipv6 && !simpleHost(host) {
		return f, false
	}
	path, query, frag := rest, "", ""
	if i := strings.IndexByte(path, '#'); i >= 0 {
		path, frag = path[:i], path[i:]
	}
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path, query = path[:i], path[i:]
	}
	if strings.ContainsAny(path, "\"<>`{}^|") || containsFold(path, "%2e") {
		return f, false
	}
	if strings.ContainsAny(query, "\"<>'") || strings.ContainsAny(frag, "\"<>`") {
		return f, false
	}
	if path == "" {
		path = "/"
	}
	dots := strings.Contains(path, "/.")
	if dots {
		path = removeDots(path)
	}
	f.protocol = s[:colon+1]
	f.hostname = host
	f.port = port
	f.host = host
	if port != "" {
		f.host = auth
	}
	if !hadAt && strings.HasPrefix(s[colon+3:], f.host) {
		f.origin = s[:colon+3+len(f.host)]
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
	cred := ""
	if f.username != "" || f.password != "" {
		cred = f.username
		if f.password != "" {
			cred += ":" + f.password
		}
		cred += "@"
	}
	sameCred := !hadAt || cred == userinfo+"@"
	// href is the input unless something was normalized: dot segments, a default port
	// dropped, the userinfo rewritten, or the path's leading '/' added
	if sameCred && !dots && (portAt < 0 || port != "") && rest != "" && rest[0] == '/' {
		f.href = s
	} else {
		f.href = scheme + "://" + cred + f.host + path + query + frag
	}
	return f, true
}

// plainUserinfo reports whether s (user[:password]) has only characters the userinfo
// percent-encode set leaves alone, and at most one ':'.
func plainUserinfo(s string) bool {
	colons := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("-._~!$&'()*+,%", c) >= 0:
		case c == ':':
			colons++
		default:
			return false
		}
	}
	return colons <= 1
}

// fastFile handles file:///path[?query][#fragment] with a plain absolute path.
func fastFile(s string) (f fastURL, ok bool) {
	if !strings.HasPrefix(s, "file:///") || len(s) > 2048 {
		return f, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= 0x20 || c >= 0x7f || c == '\\' {
			return f, false
		}
	}
	rest := s[7:]
	if len(rest) > 1 && rest[1] == '/' {
		return f, false
	}
	path, query, frag := rest, "", ""
	if i := strings.IndexByte(path, '#'); i >= 0 {
		path, frag = path[:i], path[i:]
	}
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path, query = path[:i], path[i:]
	}
	if strings.ContainsAny(path, "\"<>`{}^|:") || strings.Contains(path, "/.") || containsFold(path, "%2e") {
		return f, false
	}
	if strings.ContainsAny(query, "\"<>'") || strings.ContainsAny(frag, "\"<>`") {
		return f, false
	}
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
	return f, true
}

// canonicalIPv6 reports whether s is an IPv6 address written exactly as the URL Standard
// serializes it (lowercase, no leading zeros, the longest zero run compressed, no IPv4 part).
func canonicalIPv6(s string) bool {
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is6() && !a.Is4In6() && a.Zone() == "" && a.String() == s
}

// simpleHost accepts lowercase LDH labels, none empty, no punycode, not ending in a number.
func simpleHost(h string) bool {
	if h == "" || h[0] == '.' || h[len(h)-1] == '.' || strings.Contains(h, "..") || strings.Contains(h, "xn--") {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return !endsInNumber(h)
}

// containsFold reports whether s contains sub, which starts with '%', ignoring ASCII case.
func containsFold(s, sub string) bool {
	for {
		i := strings.IndexByte(s, '%')
		if i < 0 || i+len(sub) > len(s) {
			return false
		}
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
		s = s[i+1:]
	}
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

// resolveFast resolves a plain relative reference against a base that fastParse accepted
// (other than file:), by building the absolute URL and handing it to fastParse. ok is false
// when the full parser must decide.
func resolveFast(input string, b *fastURL) (f fastURL, ok bool) {
	if input == "" || b.protocol == "file:" || len(input) > 2048 {
		return f, false
	}
	for i := 0; i < len(input); i++ {
		if c := input[i]; c <= 0x20 || c >= 0x7f || c == '\\' {
			return f, false
		}
	}
	if hasScheme(input) {
		return fastParse(input)
	}
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
	case strings.HasPrefix(input, "//"):
		abs = b.protocol + input
	case input[0] == '/':
		abs = prefix + input
	case input[0] == '?':
		abs = noQuery + input
	case input[0] == '#':
		abs = noFrag + input
	default:
		abs = prefix + b.pathname[:strings.LastIndexByte(b.pathname, '/')+1] + input
	}
	return fastParse(abs)
}
