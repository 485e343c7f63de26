// Package url implements Node's url module and the WHATWG URL and URLSearchParams classes:
// https://nodejs.org/api/url.html.
//
// WHATWG parsing uses github.com/nlnwa/whatwg-url, a complete Go implementation of the URL
// Standard (state machine, IPv4/IPv6 hosts, IDNA through golang.org/x/net/idna, percent-encode
// sets, file URLs, setters with state overrides). We checked it against node on the tricky
// corners (numeric IPv4 forms, invalid hosts, opaque paths, IDNA failures, Windows drive letters)
// and it agrees; it stays the reference and the fallback. Plain absolute and relative http(s),
// ws(s), ftp and file URLs take a fast path (fast.go) that slices the input; most other absolute
// URLs (any case, credentials, ports, IPv6, IDNA hosts, characters to percent-encode, file:,
// non-special and opaque URLs) take a second one (wide.go) that writes the href in one buffer.
// Both are checked against the library by tests and fuzzing, and against node by goldens.
//
// URL and URLSearchParams instances are ordinary objects without own properties, their Go
// state kept in a registry keyed by object identity (object.go, registry.go): the URL
// constructor, its accessors and most URLSearchParams methods are Go functions. The JS glue adds
// the rest of the classes (inspection, iterators, static methods, the url module's helpers).
package url

import (
	_ "embed"
	"encoding/binary"
	"math"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
	whatwg "github.com/nlnwa/whatwg-url/url"
)

//go:embed url.js
var glue string

//go:embed url_legacy.js
var legacyGlue string

// Module is "url".
var Module = modules.Module{Name: "url", Bind: bind, JSRef: &glue}

// LegacyModule is the legacy url.parse/format/resolve API, written in JS as Node's is.
var LegacyModule = modules.Module{Name: "internal/url_legacy", Internal: true, JSRef: &legacyGlue, Bind: bindLegacy}

func bindLegacy(h *modules.Host, o *goja.Object) error {
	// toASCII maps a legacy hostname with UTS #46 (lenient: no STD3 rules); "" when invalid.
	o.Set("toASCII", func(c goja.FunctionCall) goja.Value {
		r, ok := adaToASCII(c.Argument(0).String())
		if !ok {
			r = ""
		}
		if i := strings.IndexByte(r, 0); i >= 0 {
			r = r[:i] // Node hands the result back from C++ as a C string
		}
		return h.VM.ToValue(r)
	})
	// scanAuthority(rest) is the legacy parser's scan of an authority (see legacyAuthority):
	// true with the host's end, the last '@' and the first character no host may hold after it
	// in scanOut (an Int32Array over scanBuffer), false when a tab or newline comes first (the
	// glue's loop, which drops them, then scans).
	scanBuf := make([]byte, 12)
	o.Set("scanBuffer", h.VM.NewArrayBuffer(scanBuf))
	o.Set("scanAuthority", func(c goja.FunctionCall) goja.Value {
		s, ok := c.Argument(0).(goja.String)
		if !ok {
			return h.VM.ToValue(false)
		}
		hostEnd, at, nonHost, ok := legacyAuthority(s)
		if !ok {
			return h.VM.ToValue(false)
		}
		binary.NativeEndian.PutUint32(scanBuf[0:], uint32(int32(hostEnd)))
		binary.NativeEndian.PutUint32(scanBuf[4:], uint32(int32(at)))
		binary.NativeEndian.PutUint32(scanBuf[8:], uint32(int32(nonHost)))
		return h.VM.ToValue(true)
	})
	// protocolLength(rest) is the length of rest's scheme and its ':' (/^[a-z0-9.+-]+:/i), 0
	// when it has none.
	o.Set("protocolLength", func(c goja.FunctionCall) goja.Value {
		s, ok := c.Argument(0).(goja.String)
		if !ok {
			return h.VM.ToValue(0)
		}
		return h.VM.ToValue(legacyProtocolLength(s))
	})
	// newUrl(proto) is new Url() made from Go, its twelve null properties written at once
	// (undefined when goja's layout is unknown: the glue then runs new Url()).
	nulls := make([]goja.Value, len(urlFields))
	for i := range nulls {
		nulls[i] = goja.Null()
	}
	o.Set("newUrl", func(c goja.FunctionCall) goja.Value {
		proto, ok := c.Argument(0).(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		u, ok := modules.NewPlainObject(h.VM, proto, urlFields, nulls)
		if !ok {
			return goja.Undefined()
		}
		return u
	})
	return nil
}

// urlFields are the own properties of a legacy Url, in its constructor's order.
var urlFields = []unistring.String{"protocol", "slashes", "auth", "host", "port", "hostname", "hash", "search",
	"query", "pathname", "path", "href"}

// parser is the plain parser, for inputs the host hooks do not matter to.
var parser = modules.Lazy[whatwg.Parser]{Build: func() whatwg.Parser { return whatwg.NewParser() }}

// hostParser is a parser whose host handling matches Node (Ada) where the library is
// stricter: domains are mapped with UTS #46 without the STD3 ASCII rules (so "a'b.com" and
// "{x}.de" are valid hosts, as the URL Standard says), a label "xn--" with nothing after it is
// an error, and "[[::1]" is not an IPv6 host. The library's own IDNA step then sees a stand-in
// name, swapped back for our result once the host is parsed. One call uses it at a time.
type hostParser struct {
	whatwg.Parser
	pending string
}

const standIn = "gojs-idna-stand-in"

var parsers = sync.Pool{New: func() any {
	hp := &hostParser{}
	hp.Parser = whatwg.NewParser(whatwg.WithPreParseHostFunc(hp.pre), whatwg.WithPostParseHostFunc(hp.post))
	return hp
}}

// newParser returns a host parser from the pool; give it back with release.
func newParser() *hostParser { return parsers.Get().(*hostParser) }

func (hp *hostParser) release() {
	hp.pending = ""
	parsers.Put(hp)
}

// plainHost reports whether host is lowercase LDH ASCII with no punycode, which both IDNA
// profiles leave unchanged.
func plainHost(host string) bool {
	for i := 0; i < len(host); i++ {
		c := host[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return !strings.Contains(host, "xn--")
}

func (hp *hostParser) pre(u *whatwg.Url, host string) string {
	if host == "" {
		return host
	}
	if u.IsSpecialScheme() {
		if lower := strings.ToLower(host); lower != host && isASCII(host) && plainHost(lower) {
			host = lower // a special URL's "A.-0" is "a.-0" to the checks below
		}
	}
	if plainHost(host) {
		// the library reads last labels like "0-0" or "-0" as numbers ("http://0-0/" would be
		// http://0.0.0.0/); the URL Standard's "ends in a number" does not
		h := strings.TrimSuffix(host, ".")
		if l := h[strings.LastIndexByte(h, '.')+1:]; u.IsSpecialScheme() && strings.ContainsAny(l, "0123456789") && !endsInNumber(host) {
			hp.pending = host
			return standIn
		}
		return host
	}
	if host[0] == '[' {
		if len(host) < 2 || host[len(host)-1] != ']' || strings.ContainsAny(host[1:len(host)-1], "[]") {
			return "["
		}
		return host
	}
	if !u.IsSpecialScheme() {
		return host
	}
	ascii, ok := adaToASCII(percentDecode(host, false))
	if !ok || ascii == "" || strings.ContainsAny(ascii, forbiddenDomain) || strings.ContainsFunc(ascii, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return "%" // Node fails the host; the library fails this one
	}
	if endsInNumber(ascii) {
		return ascii // an IPv4 address or a failure, which the library's IPv4 parser finds
	}
	hp.pending = ascii
	return standIn
}

func (hp *hostParser) post(u *whatwg.Url, host string) string {
	if host == standIn && hp.pending != "" {
		host, hp.pending = hp.pending, ""
	}
	return host
}

// forbiddenDomain lists the forbidden domain code points beyond controls.
const forbiddenDomain = " #%/:<>?@[\\]^|"

// endsInNumber is the URL Standard's "ends in a number" check.
func endsInNumber(s string) bool {
	parts := strings.Split(s, ".")
	if parts[len(parts)-1] == "" {
		if len(parts) == 1 {
			return false
		}
		parts = parts[:len(parts)-1]
	}
	last := parts[len(parts)-1]
	if last != "" && strings.Trim(last, "0123456789") == "" {
		return true
	}
	if len(last) >= 2 && (last[:2] == "0x" || last[:2] == "0X") && strings.Trim(last[2:], "0123456789abcdefABCDEF") == "" {
		return true
	}
	return false
}

// componentList returns the components of u, in the order of the c* constants.
func componentList(u *whatwg.Url) [nComp]string {
	return [nComp]string{u.Href(false), origin(u), u.Protocol(), u.Username(), u.Password(),
		u.Host(), u.Hostname(), u.Port(), u.Pathname(), u.Search(), u.Hash()}
}

// origin is the ASCII serialization of the URL's origin.
func origin(u *whatwg.Url) string {
	switch s := u.Scheme(); {
	case s == "ftp" || s == "http" || s == "https" || s == "ws" || s == "wss":
		return s + "://" + u.Host()
	case s == "blob":
		if inner, err := parser.Get().Parse(u.Pathname()); err == nil && (inner.Scheme() == "http" || inner.Scheme() == "https") {
			return origin(inner)
		}
	}
	return "null"
}

// parse parses input against base (nil for none). bases, if not nil, caches parsed bases (per
// runtime).
func parse(input string, base *string, bases *baseCache) (*whatwg.Url, bool) {
	p := newParser()
	defer p.release()
	if base != nil {
		b, ok := bases.get(p, *base)
		if !ok {
			return nil, false
		}
		if b.OpaquePath() {
			if href, ok := adaOpaqueRelative(input, b); ok {
				u, err := p.Parse(href)
				return u, err == nil
			}
		}
		u, err := p.BasicParser(input, b, nil, whatwg.NoState)
		return u, err == nil
	}
	u, err := p.Parse(input)
	return u, err == nil
}

// adaOpaqueRelative reproduces how Node 20's parser (Ada) resolves a relative reference that
// holds a fragment against a base with an opaque path, which the URL Standard rejects: Ada
// treats the opaque path as a hierarchical one whose first segment cannot be removed
// (new URL('x#f', 'about:blank') is about:blank/x#f; '../x#f' against about:a/b/c is
// about:a/x#f). It returns the resulting href, or ok false where the standard applies.
func adaOpaqueRelative(input string, b *whatwg.Url) (string, bool) {
	input = strings.TrimFunc(input, func(r rune) bool { return r <= 0x20 })
	if strings.ContainsAny(input, "\t\n\r") {
		input = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(input)
	}
	if input == "" || input[0] == '#' || !strings.Contains(input, "#") || hasScheme(input) {
		return "", false
	}
	scheme := b.Scheme() + ":"
	path := b.Pathname()
	switch input[0] {
	case '/':
		return scheme + input, true
	case '?':
		return scheme + path + input, true
	}
	rest := ""
	if i := strings.IndexAny(input, "?#"); i >= 0 {
		input, rest = input[:i], input[i:]
	}
	shorten := func(p string) string {
		if i := strings.LastIndexByte(p, '/'); i >= 0 {
			return p[:i]
		}
		return p
	}
	out := shorten(path)
	segs := strings.Split(input, "/")
	for i, seg := range segs {
		last := i == len(segs)-1
		switch strings.ToLower(seg) {
		case "..", ".%2e", "%2e.", "%2e%2e":
			out = shorten(out)
			if last {
				out += "/"
			}
		case ".", "%2e":
			if last {
				out += "/"
			}
		default:
			out += "/" + encodePathSegment(seg)
		}
	}
	return scheme + out + rest, true
}

// encodePathSegment percent-encodes s with the URL Standard's path percent-encode set.
func encodePathSegment(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || strings.IndexByte(" \"#<>?`{}", c) >= 0 {
			b.WriteByte('%')
			b.WriteByte(upperHex[c>>4])
			b.WriteByte(upperHex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// baseCache remembers recently parsed base URLs: code often resolves many inputs against one.
// Loop only.
type baseCache struct {
	m map[string]*whatwg.Url
}

func (c *baseCache) get(p *hostParser, s string) (*whatwg.Url, bool) {
	if c != nil {
		if u, ok := c.m[s]; ok {
			return u.Clone(), true
		}
	}
	u, err := p.Parse(s)
	if err != nil {
		return nil, false
	}
	if c != nil {
		if c.m == nil || len(c.m) >= 32 {
			c.m = make(map[string]*whatwg.Url)
		}
		c.m[s] = u.Clone()
	}
	return u, true
}

func bind(h *modules.Host, o *goja.Object) error {
	vm := h.VM
	bases := &baseCache{}
	st := &objects{vm: vm, bases: bases, empty: vm.ToValue("")}
	ctor := st.newConstructor()
	modules.MarkNativeClass(h, ctor)
	o.Set("URL", ctor)
	// install(URL.prototype, URLSearchParams.prototype, errors) puts the Go accessors and
	// methods on the prototypes; errors holds the factories of the errors they throw.
	o.Set("install", func(c goja.FunctionCall) goja.Value {
		st.paramsProto = c.Argument(1).ToObject(vm)
		errs := c.Argument(2).ToObject(vm)
		st.invalidURL, _ = goja.AssertFunction(errs.Get("invalidURL"))
		st.invalidThis, _ = goja.AssertFunction(errs.Get("invalidThis"))
		st.missingArgs, _ = goja.AssertFunction(errs.Get("missingArgs"))
		st.install(c.Argument(0).ToObject(vm))
		st.installParams(st.paramsProto)
		return goja.Undefined()
	})
	o.Set("isURL", func(c goja.FunctionCall) goja.Value { return vm.ToValue(st.asURL(c.Argument(0)) != nil) })
	// components(url) returns the URL's components as an array (for url.format).
	o.Set("components", func(c goja.FunctionCall) goja.Value {
		u := st.this(c.Argument(0))
		return st.list(u.c[:])
	})
	// initParams(this, init) makes this a URLSearchParams holding a query string (no leading
	// '?'), another URLSearchParams (copied) or an array [name, value, ...].
	o.Set("initParams", func(c goja.FunctionCall) goja.Value {
		this := c.Argument(0).ToObject(vm)
		var list []string
		switch init := c.Argument(1).(type) {
		case goja.String:
			list = parseParams(init.String())
		case *goja.Object:
			if p := st.asParams(init); p != nil {
				list = append([]string(nil), p.list...)
				break
			}
			n := int(init.Get("length").ToInteger())
			list = make([]string, n)
			for i := range list {
				list[i] = init.Get(itoa(i)).String()
			}
		}
		st.reg.put(this, &paramsObj{list: list})
		return goja.Undefined()
	})
	o.Set("isParams", func(c goja.FunctionCall) goja.Value { return vm.ToValue(st.asParams(c.Argument(0)) != nil) })
	// paramsLen(p) and paramsAt(p, i) read a URLSearchParams' live list (for its iterators),
	// paramsList(p) copies it; each throws ERR_INVALID_THIS for anything else.
	o.Set("paramsLen", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(len(st.paramsThis(c.Argument(0)).list))
	})
	o.Set("paramsAt", func(c goja.FunctionCall) goja.Value {
		l := st.paramsThis(c.Argument(0)).list
		if i := int(c.Argument(1).ToInteger()); i >= 0 && i < len(l) {
			return vm.ToValue(l[i])
		}
		return goja.Undefined()
	})
	// paramsEntry(p, i, kind) is an iterator's next value at i (an even index of the list):
	// the name (kind 0), the value (1) or both as [name, value] (2); undefined past the end.
	o.Set("paramsEntry", func(c goja.FunctionCall) goja.Value {
		l := st.paramsThis(c.Argument(0)).list
		i := int(c.Argument(1).ToInteger())
		if i < 0 || i+1 >= len(l) {
			return goja.Undefined()
		}
		switch c.Argument(2).ToInteger() {
		case 0:
			return vm.ToValue(l[i])
		case 1:
			return vm.ToValue(l[i+1])
		}
		return vm.NewArray(l[i], l[i+1])
	})
	o.Set("paramsList", func(c goja.FunctionCall) goja.Value {
		return st.list(st.paramsThis(c.Argument(0)).list)
	})
	// URL.parse itself: null for an input that does not parse (no error made and caught), but
	// the argument check and conversions throw as Node's do
	o.Set("parse", st.nativeFunc("parse", 1, func(c goja.FunctionCall) goja.Value {
		if o := st.build(st.urlProto, c.Arguments, false); o != nil {
			return o
		}
		return goja.Null()
	}))
	// URL.canParse itself: no JS wrapper (its arguments object cost more than the parse)
	o.Set("canParse", st.nativeFunc("canParse", 1, func(c goja.FunctionCall) goja.Value {
		if len(c.Arguments) == 0 {
			st.throwFrom(st.missingArgs, vm.ToValue("url"))
		}
		input := toUSV(vm, c.Arguments[0])
		var base *string
		if b := c.Argument(1); !goja.IsUndefined(b) {
			s := toUSV(vm, b)
			base = &s
		}
		// new URL's parsing (fast paths, relative inputs against a remembered base, the cache
		// of full-parser results) without building the URL
		_, ok := st.parseStandard(input, base)
		return vm.ToValue(ok)
	}))
	o.Set("domainToASCII", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(domainToASCII(c.Argument(0).String()))
	})
	o.Set("domainToUnicode", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(domainToUnicode(c.Argument(0).String()))
	})
	o.Set("encodeAll", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(formEncodeString(c.Argument(0).String()))
	})
	return nil
}

// updateComponents parses href, applies the setter for field and returns the new components.
func updateComponents(href, field, v string) ([nComp]string, bool) {
	u, ok := parse(href, nil, nil)
	if !ok {
		return [nComp]string{}, false
	}
	if (field == "host" || field == "hostname") && !u.IsSpecialScheme() && !hasAuthority(u) {
		// Node leaves a host-less non-special URL alone when the new host is empty.
		if strings.IndexAny(strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v), "/?#") == 0 || v == "" {
			return componentList(u), true
		}
	}
	switch field {
	case "protocol":
		u.SetProtocol(v)
	case "username":
		u.SetUsername(v)
	case "password":
		u.SetPassword(v)
	case "host":
		if !u.IsSpecialScheme() {
			if c, done := adaNonSpecialHost(u, v); done {
				return c, true
			}
		}
		u.SetHost(v)
	case "hostname":
		u.SetHostname(v)
	case "port":
		if p, apply := adaPort(v); apply {
			u.SetPort(p)
		}
	case "pathname":
		u.SetPathname(v)
		if !u.OpaquePath() {
			c := componentList(u)
			return adaDotDotFix(c, v, 0), true
		}
	case "search":
		u.SetSearch(v)
	case "hash":
		u.SetHash(v)
	}
	return componentList(u), true
}

// removeTabNewline drops the tabs and newlines a setter's value loses first.
func removeTabNewline(v string) string {
	if strings.IndexAny(v, "\t\n\r") < 0 {
		return v
	}
	return strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v)
}

// adaPort is Node 20's (Ada 2.9) port setter in front of the URL Standard's: it returns the
// value to set and whether to set it at all. A value that is empty once tabs and newlines are
// gone clears the port; one that starts with a C0 control or space, holds no ASCII digit,
// starts with '-' (a negative number) or is a number over 65535 changes nothing; one that
// starts with any other non-digit clears the port. Otherwise the leading digits are the port.
func adaPort(v string) (string, bool) {
	t := removeTabNewline(v)
	if t == "" {
		return "", true
	}
	if t[0] <= 0x20 || strings.IndexAny(t, "0123456789") < 0 || t[0] == '-' {
		return "", false
	}
	if t[0] < '0' || t[0] > '9' {
		return "", true
	}
	n, end := 0, 0
	for end < len(t) && t[end] >= '0' && t[end] <= '9' {
		if n = n*10 + int(t[end]-'0'); n > 65535 {
			return "", false
		}
		end++
	}
	return t[:end], true
}

// adaNonSpecialHost is Node 20's (Ada 2.9) host setter of a non-special URL when the value
// holds a port (a ':' outside brackets before any '/', '?' or '#'). When the URL has no host,
// the port is dropped (a URL without a host cannot have one) and the host is set. When the
// value's host is empty, the port is set and the host cleared. done is false when the URL
// Standard's setter does what Node does.
func adaNonSpecialHost(u *whatwg.Url, v string) (c [nComp]string, done bool) {
	t := removeTabNewline(v)
	end := strings.IndexAny(t, "/?#")
	if end < 0 {
		end = len(t)
	}
	colon, brackets := -1, false
	for i := 0; i < end && colon < 0; i++ {
		switch t[i] {
		case '[':
			brackets = true
		case ']':
			brackets = false
		case ':':
			if !brackets {
				colon = i
			}
		}
	}
	if colon < 0 {
		return c, false
	}
	hadHost := u.Hostname() != ""
	switch {
	case colon > 0 && !hadHost:
		u.SetHost(t[:colon])
	case colon > 0:
		return c, false
	case !hadHost:
		// nothing changes
	default:
		port := u.Port()
		if rest := t[colon+1:]; rest != "" {
			if p, apply := adaPort(rest); apply {
				port = p
			}
		}
		if port == "" && u.Username() == "" && u.Password() == "" {
			u.SetHostname("")
			break
		}
		// Node makes "foo://:9/p" or "foo://u@/p", which the parser does not accept: the
		// components are written here (a later setter on such a URL changes nothing)
		c = componentList(u)
		auth := c[cUsername]
		if c[cPassword] != "" {
			auth += ":" + c[cPassword]
		}
		if auth != "" {
			auth += "@"
		}
		c[cHostname], c[cPort], c[cHost] = "", port, "" // Node's host getter says "" too
		if port != "" {
			port = ":" + port
		}
		c[cHref] = c[cProtocol] + "//" + auth + port + c[cPathname] + c[cSearch] + c[cHash]
		return c, true
	}
	return componentList(u), true
}

// hasAuthority reports whether the URL serializes a host ("scheme://...").
func hasAuthority(u *whatwg.Url) bool {
	return strings.HasPrefix(u.Href(false)[len(u.Protocol()):], "//")
}

// domainToASCII is Node's url.domainToASCII: the hostname "ws://x" gets when its hostname is set
// to s, or "" when that fails.
func domainToASCII(s string) string {
	p := newParser()
	defer p.release()
	u, err := p.Parse("ws://x")
	if err != nil || s == "" {
		return ""
	}
	host := s
	if i := strings.IndexAny(host, "/?#\\"); i >= 0 {
		host = host[:i]
	}
	if !strings.HasPrefix(host, "[") && strings.Contains(host, ":") {
		return "" // a port is no part of a domain
	}
	if _, err := p.BasicParser(s, nil, u, whatwg.StateHostname); err != nil {
		return ""
	}
	return u.Hostname()
}

// domainToUnicode is Node's url.domainToUnicode.
func domainToUnicode(s string) string {
	a := domainToASCII(s)
	if a == "" {
		return ""
	}
	return adaToUnicode(a)
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var buf [20]byte
	n := len(buf)
	for i > 0 {
		n--
		buf[n] = byte('0' + i%10)
		i /= 10
	}
	return string(buf[n:])
}

// adaDotDotFix gives a non-special URL the empty path Node 20 (Ada) gives it where its path
// ends in a ".." segment that has nothing left to remove: new URL('foo:/a/../..') is "foo:",
// not "foo:/" as in the URL Standard (and the library), while 'foo:/a/b/../..' stays "foo:/".
// c are the parsed components, path the raw path input and depth the number of segments it
// starts from (those of a base, for a path-relative reference).
func adaDotDotFix(c [nComp]string, path string, depth int) [nComp]string {
	if c[cPathname] != "/" || isSpecialProtocol(c[cProtocol]) {
		return c
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	path = strings.TrimPrefix(path, "/")
	segs := strings.Split(path, "/")
	for i, seg := range segs {
		switch {
		case isDotDot(seg):
			if depth == 0 && i == len(segs)-1 {
				return emptyPath(c)
			}
			if depth > 0 {
				depth--
			}
		case isDot(seg):
		default:
			depth++
		}
	}
	return c
}

// emptyPath drops the "/" path of c.
func emptyPath(c [nComp]string) [nComp]string {
	href := c[cHref]
	at := len(href) - 1
	if i := strings.IndexAny(href[len(c[cProtocol]):], "?#"); i >= 0 {
		at = len(c[cProtocol]) + i - 1
	}
	if at < 0 || href[at] != '/' {
		return c
	}
	c[cHref] = href[:at] + href[at+1:]
	c[cPathname] = ""
	return c
}

func isSpecialProtocol(p string) bool {
	switch p {
	case "http:", "https:", "ws:", "wss:", "ftp:", "file:":
		return true
	}
	return false
}

func isDot(s string) bool { return s == "." || strings.EqualFold(s, "%2e") }

func isDotDot(s string) bool {
	switch strings.ToLower(s) {
	case "..", ".%2e", "%2e.", "%2e%2e":
		return true
	}
	return false
}

// adaInputFix applies adaDotDotFix to the URL that input (against base, if not nil) parsed to.
func adaInputFix(c [nComp]string, input string, base *string, basePath string) [nComp]string {
	if c[cPathname] != "/" || isSpecialProtocol(c[cProtocol]) {
		return c
	}
	input = strings.Trim(input, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	if strings.ContainsAny(input, "\t\n\r") {
		input = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(input)
	}
	rest, relative := input, true
	if i := schemeEnd(input); i > 0 {
		rest, relative = input[i+1:], false
	}
	if strings.HasPrefix(rest, "//") {
		rest = rest[2:]
		i := strings.IndexAny(rest, "/?#")
		if i < 0 || rest[i] != '/' {
			return c
		}
		return adaDotDotFix(c, rest[i:], 0)
	}
	if !relative || strings.HasPrefix(rest, "/") {
		return adaDotDotFix(c, rest, 0)
	}
	if base == nil || rest == "" || rest[0] == '?' || rest[0] == '#' {
		return c
	}
	depth := 0
	if basePath != "" {
		depth = strings.Count(basePath, "/") - 1
	}
	return adaDotDotFix(c, rest, depth)
}

// schemeEnd returns the index of the ':' that ends input's scheme, or -1.
func schemeEnd(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return i
		default:
			return -1
		}
	}
	return -1
}

// legacyAuthority scans s as url.parse's authority loop does: hostEnd is the first '/', '?' or
// '#' (-1: none), at the last '@' before it (-1: none), nonHost the first character no host may
// hold after that '@' (hostEnd when none, -1 when neither). ok false when a tab or newline
// comes before hostEnd (the glue's loop drops those) or s is too long for an int32 index.
func legacyAuthority(s goja.String) (hostEnd, at, nonHost int, ok bool) {
	n := s.Length()
	if n > math.MaxInt32 {
		return 0, 0, 0, false
	}
	hostEnd, at, nonHost = -1, -1, -1
	for i := 0; i < n; i++ {
		switch s.CharAt(i) {
		case '\t', '\n', '\r':
			return 0, 0, 0, false
		case ' ', '"', '%', '\'', ';', '<', '>', '\\', '^', '`', '{', '|', '}':
			if nonHost == -1 {
				nonHost = i
			}
		case '#', '/', '?':
			if nonHost == -1 {
				nonHost = i
			}
			return i, at, nonHost, true
		case '@':
			at = i
			nonHost = -1
		}
	}
	return hostEnd, at, nonHost, true
}

// legacyProtocolLength is the length of the match of /^[a-z0-9.+-]+:/i at the start of s, 0 when
// none.
func legacyProtocolLength(s goja.String) int {
	n := s.Length()
	for i := 0; i < n; i++ {
		c := s.CharAt(i)
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '+', c == '-':
		case c == ':' && i > 0:
			return i + 1
		default:
			return 0
		}
	}
	return 0
}
