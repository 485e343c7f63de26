// Package dns implements Node's "dns" and "dns/promises" modules: lookup on Go's resolver
// (getaddrinfo semantics: /etc/hosts first), the resolve* queries (A, AAAA, CNAME, MX, NS, TXT,
// SRV, PTR, NAPTR, SOA, CAA, ANY) and reverse over a DNS wire client of our own (wire.go, asking
// the servers of /etc/resolv.conf or setServers, c-ares style), lookupService, the Resolver class
// and Node's error codes (ENOTFOUND, ENODATA, ETIMEOUT, ESERVFAIL...). IP literals and empty
// names are answered without any lookup.
// See https://nodejs.org/docs/latest-v20.x/api/dns.html.
package dns

import (
	"bufio"
	"context"
	_ "embed"
	"errors"
	"net"
	"net/netip"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed dns.js
var dnsJS string

//go:embed dns_promises.js
var promisesJS string

// Module is "dns".
var Module = modules.Module{Name: "dns", Bind: bind, JSRef: &dnsJS}

// PromisesModule is "dns/promises".
var PromisesModule = modules.Module{Name: "dns/promises", JSRef: &promisesJS}

// dnsError is a resolver failure with Node's c-ares or getaddrinfo code.
type dnsError struct {
	code, syscall, host string
}

func (e *dnsError) Error() string { return e.syscall + " " + e.code + " " + e.host }

func codeOf(err error) string {
	if errors.Is(err, context.Canceled) {
		return "ECANCELLED"
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "ETIMEOUT"
	}
	var de *net.DNSError
	if errors.As(err, &de) {
		switch {
		case de.IsNotFound:
			return "ENOTFOUND"
		case de.IsTimeout:
			return "ETIMEOUT"
		case de.IsTemporary:
			return "ESERVFAIL"
		}
		if strings.Contains(de.Err, "refused") {
			return "ECONNREFUSED"
		}
		return "ESERVFAIL"
	}
	if errors.Is(err, context.Canceled) {
		return "ECANCELLED"
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "ETIMEOUT"
	}
	return "ESERVFAIL"
}

// resolver is one Resolver's channel: its servers and options, and the context its pending
// queries end with on cancel().
type resolver struct {
	mu     sync.Mutex
	client wireClient
	ctx    context.Context
	cancel context.CancelFunc
	base   context.Context
	// pending holds the queries whose callback has not run, in order (loop only). cancel() ends
	// them all with ECANCELLED at once, as c-ares, which answers only from the loop, cancels every
	// query not answered yet: an answer already on its way is dropped.
	pending []*pendingQuery
}

type pendingQuery struct {
	done   bool
	finish func(v any, err error) error // on the loop, with a nil err for a result
	cancel func() error                 // ends it with ECANCELLED
	p      *eventloop.Pending           // its reservation (QUERYWRAP)
}

// take removes q from the pending queries; false if cancel() ended it already (loop only).
func (r *resolver) take(q *pendingQuery) bool {
	if q.done {
		return false
	}
	q.done = true
	for i, p := range r.pending {
		if p == q {
			r.pending = append(r.pending[:i], r.pending[i+1:]...)
			break
		}
	}
	return true
}

func (r *resolver) get() (*wireClient, context.Context) {
	r.mu.Lock()
	defer r.mu.Unlock()
	c := r.client
	return &c, r.ctx
}

func (r *resolver) cancelAll() {
	r.mu.Lock()
	r.cancel()
	r.ctx, r.cancel = context.WithCancel(r.base)
	r.mu.Unlock()
}

func systemServers() []string {
	f, err := os.Open("/etc/resolv.conf")
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "nameserver" {
			out = append(out, fields[1])
		}
	}
	return out
}

type addr struct {
	ip  string
	fam int
}

func bind(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	// (noteThis: a lookup's callback, an arrow function too, is named after its request)
	modules.SetNoteThis(h, b)
	call := func(cb goja.Callable, args ...goja.Value) error {
		_, err := cb(goja.Undefined(), args...)
		return err
	}
	errVal := func(err error) goja.Value {
		var de *dnsError
		if errors.As(err, &de) {
			if de.syscall == "getaddrinfo" || de.syscall == "getnameinfo" {
				return h.ToJS(&modules.SystemError{Code: de.code, Syscall: de.syscall, Host: de.host})
			}
			// Node's c-ares errors: errno undefined, code, syscall, hostname.
			mk, _ := goja.AssertFunction(vm.Get("Error"))
			v, _ := mk(goja.Undefined(), vm.ToValue(de.syscall+" "+de.code+" "+de.host))
			o := v.(*goja.Object)
			o.Set("errno", goja.Undefined())
			o.Set("code", de.code)
			o.Set("syscall", de.syscall)
			o.Set("hostname", de.host)
			return o
		}
		return h.ToJS(err)
	}

	// lookup(host, family, cb(err, [[address, family]...]))
	// lookup(host, family, cb, given): given, the name as the program gave it, is the one
	// errors name (host is its ASCII form; given undefined: host)
	b.Set("lookup", func(host string, family int, cb goja.Callable, givenv goja.Value) {
		given := host
		if givenv != nil && !goja.IsUndefined(givenv) {
			given = givenv.String()
		}
		if err := h.Check(modules.ScopeNet, host); err != nil {
			h.Throw(err)
		}
		modules.GoKind(h, eventloop.ReqGetAddrInfo, func() ([]addr, error) {
			if a, ok := inetAton(host); ok {
				// getaddrinfo takes the IPv4 forms inet_aton reads (127.1, 0x7f.1, 2130706433)
				// as the address, which no IPv6 lookup finds
				if family == 6 {
					return nil, &dnsError{code: "EAI_ADDRFAMILY", syscall: "getaddrinfo", host: given}
				}
				return []addr{{a.String(), 4}}, nil
			}
			ips, err := net.DefaultResolver.LookupIPAddr(h.Ctx, host)
			if err != nil {
				code := codeOf(err)
				if code != "ENOTFOUND" && code != "ECANCELLED" {
					code = "EAI_AGAIN"
				}
				return nil, &dnsError{code: code, syscall: "getaddrinfo", host: given}
			}
			var out []addr
			for _, ip := range ips {
				fam := 6
				if ip.IP.To4() != nil {
					fam = 4
				}
				if family != 0 && fam != family {
					continue
				}
				s := ip.IP.String()
				if fam == 4 {
					s = ip.IP.To4().String()
				}
				out = append(out, addr{s, fam})
			}
			if len(out) == 0 {
				return nil, &dnsError{code: "ENOTFOUND", syscall: "getaddrinfo", host: given}
			}
			return out, nil
		}, func(list []addr, err error) error {
			if err != nil {
				return call(cb, errVal(err))
			}
			arr := make([]any, len(list))
			for i, a := range list {
				arr[i] = vm.NewArray(a.ip, a.fam)
			}
			return call(cb, goja.Null(), vm.NewArray(arr...))
		})
	})

	b.Set("lookupService", func(address string, port int, cb goja.Callable) {
		modules.GoKind(h, eventloop.ReqGetNameInfo, func() ([2]string, error) { return lookupService(h.Ctx, address, port) },
			func(r [2]string, err error) error {
				if err != nil {
					return call(cb, errVal(err))
				}
				return call(cb, goja.Null(), vm.ToValue(r[0]), vm.ToValue(r[1]))
			})
	})

	// the default result order: node's --dns-result-order, verbatim without it
	order := "verbatim"
	if vals := h.FlagValues("--dns-result-order"); len(vals) > 0 {
		order = vals[len(vals)-1]
	}
	b.Set("defaultOrder", order)

	// canonicalIPv6(ip) writes an IPv6 address as c-ares prints the servers it keeps: in its
	// shortest form (0::1 is ::1), without a zone, and one whose first 96 bits are zero (but
	// not ::1 or ::) with its last 32 in dotted form, as inet_ntop (::1:53 is ::0.1.0.83).
	b.Set("canonicalIPv6", func(ip string) string {
		a, err := netip.ParseAddr(ip)
		if err != nil {
			return ip
		}
		a = a.WithZone("")
		if b := a.As16(); a.Is6() && !a.Is4In6() && [12]byte(b[:12]) == [12]byte{} && (b[12] != 0 || b[13] != 0) {
			return "::" + netip.AddrFrom4([4]byte(b[12:])).String()
		}
		return a.String()
	})

	// newResolver(timeoutMs, tries, maxTimeoutMs): timeoutMs < 0 is c-ares's default,
	// maxTimeoutMs 0 no cap.
	b.Set("newResolver", func(timeoutMs, tries, maxTimeoutMs int) *goja.Object {
		var r *resolver
		r = &resolver{base: h.Ctx}
		r.ctx, r.cancel = context.WithCancel(h.Ctx)
		if timeoutMs >= 0 {
			r.client.timeout = time.Duration(timeoutMs) * time.Millisecond
			if timeoutMs == 0 {
				r.client.timeout = time.Millisecond
			}
		}
		r.client.tries = tries
		r.client.maxTimeout = time.Duration(maxTimeoutMs) * time.Millisecond
		o := vm.NewObject()
		o.Set("cancel", func() {
			canceled := r.pending
			r.pending = nil
			// Each query's completion is claimed before its work is canceled (which would post
			// it): its callback runs as node's do, from a native immediate, in the query's
			// execution (its QUERYWRAP), unless its answer was posted already.
			taken := make([]bool, len(canceled))
			for i, q := range canceled {
				q.done = true
				taken[i] = q.p != nil && q.p.Take()
			}
			r.cancelAll()
			// (a callback that throws leaves the rest to another immediate: each claimed
			// completion runs, and so releases the loop)
			var run func() error
			run = func() error {
				for len(canceled) > 0 {
					q, t := canceled[0], taken[0]
					canceled, taken = canceled[1:], taken[1:]
					var err error
					if t {
						err = q.p.Complete(q.cancel)
					} else {
						err = q.cancel()
					}
					if err != nil {
						if len(canceled) > 0 {
							h.Loop.SetNativeImmediate(run)
						}
						return err
					}
				}
				return nil
			}
			if len(canceled) > 0 {
				h.Loop.SetNativeImmediate(run)
			}
		})
		o.Set("pending", func() int { return len(r.pending) })
		o.Set("setServers", func(list []string) {
			r.mu.Lock()
			r.client.servers = list
			r.mu.Unlock()
		})
		// setLocalAddress(ipv4, ipv6) takes validated addresses ('' for none).
		o.Set("setLocalAddress", func(v4, v6 string) {
			r.mu.Lock()
			r.client.local4, _ = netip.ParseAddr(v4)
			r.client.local6, _ = netip.ParseAddr(v6)
			r.mu.Unlock()
		})
		// query(type, name, ttl, cb(err, result), host): host, the name as the program gave it,
		// is the one errors name (name is its ASCII form; host undefined: name)
		o.Set("query", func(typ, name string, ttl bool, cb goja.Callable, hostv goja.Value) {
			if err := h.Check(modules.ScopeNet, name); err != nil {
				h.Throw(err)
			}
			host := name
			if hostv != nil && !goja.IsUndefined(hostv) {
				host = hostv.String()
			}
			c, ctx := r.get()
			q := &pendingQuery{}
			q.finish = func(v any, err error) error {
				if err != nil {
					return call(cb, errVal(err))
				}
				return call(cb, goja.Null(), toJS(vm, v))
			}
			q.cancel = func() error {
				return q.finish(nil, &dnsError{code: "ECANCELLED", syscall: syscallOf.Get()[typ], host: host})
			}
			r.pending = append(r.pending, q)
			q.p = modules.GoKindPending(h, eventloop.ReqQuery, func() (any, error) {
				qtype, qname := typ, name
				if typ == "REVERSE" {
					qtype = "PTR"
					var ok bool
					if qname, ok = reverseName(name); !ok {
						return nil, &dnsError{code: "EINVAL", syscall: syscallOf.Get()[typ], host: host}
					}
					// as c-ares's gethostbyaddr (node's reverse): the hosts file first
					if names, found := hostsAliases(hostsPath, name); found {
						return names, nil
					}
				}
				var v any
				var code string
				if typ == "REVERSE" {
					v, code = c.reverse(ctx, qname)
				} else {
					v, code = c.resolve(ctx, qtype, qname, ttl)
				}
				if code != "" {
					return nil, &dnsError{code: code, syscall: syscallOf.Get()[typ], host: host}
				}
				return v, nil
			}, func(v any, err error) error {
				if !r.take(q) {
					return nil
				}
				return q.finish(v, err)
			})
		})
		return o
	})
	b.Set("systemServers", func() *goja.Object {
		list := systemServers()
		items := make([]any, len(list))
		for i, s := range list {
			items[i] = s
		}
		return vm.NewArray(items...)
	})
	return nil
}

func trimDot(s string) string { return strings.TrimSuffix(s, ".") }

// hostsPath is the hosts file reverse reads (a variable for tests).
var hostsPath = "/etc/hosts"

// hostsAliases answers a reverse lookup of ip from the hosts file at path as c-ares does: the
// names of every line for that address, merged, make one host whose first name is its
// canonical name, and node's reverse gives the others (its aliases). found is false when no
// line has the address (or the file cannot be read).
func hostsAliases(path, ip string) (aliases []any, found bool) {
	want, err := netip.ParseAddr(ip)
	if err != nil {
		return nil, false
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	var names []string
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		addr, err := netip.ParseAddr(fields[0])
		if err != nil || addr.WithZone("") != want.WithZone("") {
			continue
		}
		found = true
		for _, n := range fields[1:] {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	if !found {
		return nil, false
	}
	aliases = []any{}
	for _, n := range names[min(1, len(names)):] {
		aliases = append(aliases, n)
	}
	return aliases, found
}

var syscallOf = modules.Lazy[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"A": "queryA", "AAAA": "queryAaaa", "CNAME": "queryCname", "MX": "queryMx", "NS": "queryNs",
		"TXT": "queryTxt", "SRV": "querySrv", "PTR": "queryPtr", "NAPTR": "queryNaptr", "SOA": "querySoa",
		"CAA": "queryCaa", "ANY": "queryAny", "REVERSE": "getHostByAddr",
	}
}}

// toJS converts a resolve result: recs become objects with their keys in order.
func toJS(vm *goja.Runtime, v any) goja.Value {
	switch x := v.(type) {
	case rec:
		o := vm.NewObject()
		for _, e := range x {
			o.Set(e.k, toJS(vm, e.v))
		}
		return o
	case []any:
		items := make([]any, len(x))
		for i, e := range x {
			items[i] = toJS(vm, e)
		}
		return vm.NewArray(items...)
	}
	return vm.ToValue(v)
}

// lookupService is node's getnameinfo with NI_NAMEREQD: an address without a name (in the hosts
// file or the DNS) fails, ENOTFOUND (EAI_AGAIN when the DNS could not be asked in time).
func lookupService(ctx context.Context, address string, port int) ([2]string, error) {
	names, err := net.DefaultResolver.LookupAddr(ctx, address)
	if err != nil || len(names) == 0 {
		code := "ENOTFOUND"
		var de *net.DNSError
		if errors.As(err, &de) && !de.IsNotFound && (de.IsTimeout || de.IsTemporary) {
			code = "EAI_AGAIN"
		}
		return [2]string{}, &dnsError{code: code, syscall: "getnameinfo", host: address}
	}
	return [2]string{trimDot(names[0]), serviceName(port)}, nil
}

// serviceName maps a TCP port to its /etc/services name, as getnameinfo does.
func serviceName(port int) string {
	f, err := os.Open("/etc/services")
	if err == nil {
		defer f.Close()
		want := strconv.Itoa(port) + "/tcp"
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if i := strings.IndexByte(line, '#'); i >= 0 {
				line = line[:i]
			}
			fields := strings.Fields(line)
			if len(fields) >= 2 && fields[1] == want {
				return fields[0]
			}
		}
	}
	return strconv.Itoa(port)
}

// inetAton reads host as glibc's inet_aton does (the numeric IPv4 forms getaddrinfo accepts):
// one to four parts split by dots, each decimal, octal (a leading 0) or hex (0x), the last
// filling the bytes the others left; nothing may follow.
func inetAton(host string) (netip.Addr, bool) {
	if host == "" {
		return netip.Addr{}, false
	}
	parts := strings.Split(host, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	vals := make([]uint64, len(parts))
	for i, p := range parts {
		base := 10
		switch {
		case len(p) > 1 && (p[:2] == "0x" || p[:2] == "0X"):
			base, p = 16, p[2:]
		case len(p) > 1 && p[0] == '0':
			base, p = 8, p[1:]
		}
		if p == "" || p[0] == '+' || p[0] == '-' {
			return netip.Addr{}, false
		}
		v, err := strconv.ParseUint(p, base, 32)
		if err != nil {
			return netip.Addr{}, false
		}
		vals[i] = v
	}
	var n uint64
	last := len(vals) - 1
	for i := 0; i < last; i++ {
		if vals[i] > 0xff {
			return netip.Addr{}, false
		}
		n |= vals[i] << (24 - 8*i)
	}
	if vals[last] >= 1<<(32-8*last) {
		return netip.Addr{}, false
	}
	n |= vals[last]
	return netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}), true
}
