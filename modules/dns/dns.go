// Package dns implements Node's "dns" and "dns/promises" modules on Go's resolver
// (net.Resolver): lookup (getaddrinfo semantics: /etc/hosts first), the resolve* queries,
// reverse and lookupService, the Resolver class and Node's error codes (ENOTFOUND, ETIMEOUT,
// ESERVFAIL...). IP literals and empty names are answered without any lookup.
// See https://nodejs.org/docs/latest-v20.x/api/dns.html.
package dns

import (
	"bufio"
	"context"
	_ "embed"
	"errors"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed dns.js
var dnsJS string

//go:embed dns_promises.js
var promisesJS string

// Module is "dns".
var Module = modules.Module{Name: "dns", Bind: bind, JS: dnsJS}

// PromisesModule is "dns/promises".
var PromisesModule = modules.Module{Name: "dns/promises", JS: promisesJS}

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

type resolver struct {
	mu      sync.Mutex
	servers []string // host:port; empty means the system's
	timeout time.Duration
	ctx     context.Context
	cancel  context.CancelFunc
	base    context.Context
}

func (r *resolver) get() (*net.Resolver, context.Context, context.CancelFunc) {
	r.mu.Lock()
	defer r.mu.Unlock()
	ctx, cancel := r.ctx, context.CancelFunc(func() {})
	if r.timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, r.timeout)
	}
	if len(r.servers) == 0 {
		return net.DefaultResolver, ctx, cancel
	}
	servers := append([]string(nil), r.servers...)
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		var err error
		for _, s := range servers {
			var c net.Conn
			c, err = d.DialContext(ctx, network, s)
			if err == nil {
				return c, nil
			}
		}
		return nil, err
	}}, ctx, cancel
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
	call := func(cb goja.Callable, args ...goja.Value) error {
		_, err := cb(goja.Undefined(), args...)
		return err
	}
	errVal := func(err error) goja.Value {
		var de *dnsError
		if errors.As(err, &de) {
			if de.syscall == "getaddrinfo" {
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
	b.Set("lookup", func(host string, family int, cb goja.Callable) {
		if err := h.Check(modules.ScopeNet, host); err != nil {
			h.Throw(err)
		}
		modules.Go(h, func() ([]addr, error) {
			ips, err := net.DefaultResolver.LookupIPAddr(h.Ctx, host)
			if err != nil {
				code := codeOf(err)
				if code != "ENOTFOUND" && code != "ECANCELLED" {
					code = "EAI_AGAIN"
				}
				return nil, &dnsError{code: code, syscall: "getaddrinfo", host: host}
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
				return nil, &dnsError{code: "ENOTFOUND", syscall: "getaddrinfo", host: host}
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
		modules.Go(h, func() ([2]string, error) { return lookupService(h.Ctx, address, port) },
			func(r [2]string, err error) error {
				if err != nil {
					return call(cb, errVal(err))
				}
				return call(cb, goja.Null(), vm.ToValue(r[0]), vm.ToValue(r[1]))
			})
	})

	b.Set("newResolver", func(timeoutMs int) *goja.Object {
		r := &resolver{base: h.Ctx}
		r.ctx, r.cancel = context.WithCancel(h.Ctx)
		if timeoutMs > 0 {
			r.timeout = time.Duration(timeoutMs) * time.Millisecond
		}
		o := vm.NewObject()
		o.Set("cancel", r.cancelAll)
		o.Set("setServers", func(list []string) {
			r.mu.Lock()
			r.servers = list
			r.mu.Unlock()
		})
		// query(type, name, cb(err, result))
		o.Set("query", func(typ, name string, cb goja.Callable) {
			if err := h.Check(modules.ScopeNet, name); err != nil {
				h.Throw(err)
			}
			res, ctx, cancel := r.get()
			modules.Go(h, func() (any, error) { defer cancel(); return query(ctx, res, typ, name) },
				func(v any, err error) error {
					if err != nil {
						return call(cb, errVal(err))
					}
					return call(cb, goja.Null(), vm.ToValue(v))
				})
		})
		return o
	})
	b.Set("systemServers", systemServers)
	return nil
}

func trimDot(s string) string { return strings.TrimSuffix(s, ".") }

var syscallOf = map[string]string{
	"A": "queryA", "AAAA": "queryAaaa", "CNAME": "queryCname", "MX": "queryMx", "NS": "queryNs",
	"TXT": "queryTxt", "SRV": "querySrv", "PTR": "queryPtr", "NAPTR": "queryNaptr", "SOA": "querySoa",
	"CAA": "queryCaa", "ANY": "queryAny", "REVERSE": "getHostByAddr",
}

func query(ctx context.Context, r *net.Resolver, typ, name string) (any, error) {
	fail := func(err error) error {
		return &dnsError{code: codeOf(err), syscall: syscallOf[typ], host: name}
	}
	switch typ {
	case "A", "AAAA":
		network := "ip4"
		if typ == "AAAA" {
			network = "ip6"
		}
		ips, err := r.LookupIP(ctx, network, name)
		if err != nil {
			return nil, fail(err)
		}
		out := make([]any, 0, len(ips))
		for _, ip := range ips {
			out = append(out, ip.String())
		}
		return out, nil
	case "CNAME":
		c, err := r.LookupCNAME(ctx, name)
		if err != nil {
			return nil, fail(err)
		}
		if trimDot(c) == trimDot(name) {
			return nil, &dnsError{code: "ENODATA", syscall: syscallOf[typ], host: name}
		}
		return []any{trimDot(c)}, nil
	case "MX":
		mx, err := r.LookupMX(ctx, name)
		if err != nil {
			return nil, fail(err)
		}
		out := make([]any, 0, len(mx))
		for _, m := range mx {
			out = append(out, map[string]any{"exchange": trimDot(m.Host), "priority": int(m.Pref)})
		}
		return out, nil
	case "NS":
		ns, err := r.LookupNS(ctx, name)
		if err != nil {
			return nil, fail(err)
		}
		out := make([]any, 0, len(ns))
		for _, n := range ns {
			out = append(out, trimDot(n.Host))
		}
		return out, nil
	case "TXT":
		txt, err := r.LookupTXT(ctx, name)
		if err != nil {
			return nil, fail(err)
		}
		out := make([]any, 0, len(txt))
		for _, t := range txt {
			out = append(out, []any{t})
		}
		return out, nil
	case "SRV":
		_, srv, err := r.LookupSRV(ctx, "", "", name)
		if err != nil {
			return nil, fail(err)
		}
		out := make([]any, 0, len(srv))
		for _, s := range srv {
			out = append(out, map[string]any{"name": trimDot(s.Target), "port": int(s.Port),
				"priority": int(s.Priority), "weight": int(s.Weight)})
		}
		return out, nil
	case "REVERSE", "PTR":
		names, err := r.LookupAddr(ctx, name)
		if err != nil {
			return nil, fail(err)
		}
		out := make([]any, 0, len(names))
		for _, n := range names {
			out = append(out, trimDot(n))
		}
		return out, nil
	}
	return nil, &dnsError{code: "ENOTIMP", syscall: syscallOf[typ], host: name}
}

func lookupService(ctx context.Context, address string, port int) ([2]string, error) {
	host := address
	if names, err := net.DefaultResolver.LookupAddr(ctx, address); err == nil && len(names) > 0 {
		host = trimDot(names[0])
	}
	return [2]string{host, serviceName(port)}, nil
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
