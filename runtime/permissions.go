package runtime

import (
	"net"
	"path/filepath"
	"strings"

	"github.com/gojs-dev/gojs/modules"
)

// Permissions is the sandbox policy of a runtime, modelled on Node's permission model
// (https://nodejs.org/api/permissions.html) plus net and env scopes of our own.
//
// The zero value denies everything (except the runtime's own stdio). Embedders grant what their
// scripts need; the CLI uses AllowAll unless --permission is given.
//
// Paths are checked after resolving them against the runtime's cwd, cleaning "..", and resolving
// symlinks in the longest existing prefix, so neither "/allowed/../etc/passwd" nor a symlink inside
// an allowed root that points outside it escapes. A root allows itself and everything below it;
// a trailing "*" allows every path that starts with the prefix.
type Permissions struct {
	// All allows everything (Node without --permission).
	All bool
	// FSRead and FSWrite are the file system roots readable and writable. "*" allows all.
	FSRead, FSWrite []string
	// Net lists "host:port" patterns that may be listened on or connected to: "*" (anything),
	// "host:*", "*:port", "host:port". Hosts are compared as given and as resolved IP literals.
	Net []string
	// Env lists environment variable names visible to process.env ("*" for all).
	Env []string
	// ChildProcess and Worker allow spawning processes and worker threads.
	ChildProcess, Worker bool
}

// AllowAll is the policy of Node without the permission model.
var AllowAll = &Permissions{All: true}

// policy is a compiled Permissions, safe for concurrent use.
type policy struct {
	p              Permissions
	read, write    []string
	readAll        bool
	writeAll       bool
	envAll         bool
	env            map[string]bool
	netAll         bool
	net            []string
	child, workers bool
}

func compilePolicy(p *Permissions) modules.Permissions {
	if p == nil {
		p = &Permissions{}
	}
	if p.All {
		return nil // nil means everything is allowed: no checks at all on hot paths
	}
	c := &policy{p: *p, env: map[string]bool{}, child: p.ChildProcess, workers: p.Worker}
	for _, r := range p.FSRead {
		if r == "*" {
			c.readAll = true
		}
		c.read = append(c.read, canonicalRoot(r))
	}
	for _, r := range p.FSWrite {
		if r == "*" {
			c.writeAll = true
		}
		c.write = append(c.write, canonicalRoot(r))
	}
	for _, e := range p.Env {
		if e == "*" {
			c.envAll = true
		}
		c.env[e] = true
	}
	for _, n := range p.Net {
		if n == "*" {
			c.netAll = true
		}
		c.net = append(c.net, n)
	}
	return c
}

// canonicalRoot resolves a configured root the same way checked paths are resolved.
func canonicalRoot(r string) string {
	if strings.HasSuffix(r, "*") && r != "*" {
		return canonicalPath(strings.TrimSuffix(r, "*")) + "*"
	}
	return canonicalPath(r)
}

// canonicalPath cleans p and resolves symlinks in its longest existing prefix. p must be absolute.
func canonicalPath(p string) string {
	p = filepath.Clean(p)
	if !filepath.IsAbs(p) {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
	}
	rest := ""
	cur := p
	for {
		if real, err := filepath.EvalSymlinks(cur); err == nil {
			if rest == "" {
				return real
			}
			return filepath.Join(real, rest)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return p
		}
		if rest == "" {
			rest = filepath.Base(cur)
		} else {
			rest = filepath.Join(filepath.Base(cur), rest)
		}
		cur = parent
	}
}

func within(path string, roots []string) bool {
	for _, r := range roots {
		if r == "*" {
			return true
		}
		if strings.HasSuffix(r, "*") {
			if strings.HasPrefix(path, strings.TrimSuffix(r, "*")) {
				return true
			}
			continue
		}
		if path == r || r == "/" || strings.HasPrefix(path, r+"/") {
			return true
		}
	}
	return false
}

// Allowed implements modules.Permissions.
func (c *policy) Allowed(scope, resource string) bool {
	switch scope {
	case modules.ScopeFSRead:
		if c.readAll {
			return true
		}
		return resource != "" && within(canonicalPath(resource), c.read)
	case modules.ScopeFSWrite:
		if c.writeAll {
			return true
		}
		return resource != "" && within(canonicalPath(resource), c.write)
	case modules.ScopeEnv:
		return c.envAll || c.env[resource]
	case modules.ScopeNet:
		return c.netAll || c.netAllowed(resource)
	case modules.ScopeChildProcess:
		return c.child
	case modules.ScopeWorker:
		return c.workers
	}
	return false
}

func (c *policy) netAllowed(resource string) bool {
	host, port, err := net.SplitHostPort(resource)
	if err != nil {
		host, port = resource, ""
	}
	for _, pat := range c.net {
		ph, pp, err := net.SplitHostPort(pat)
		if err != nil {
			ph, pp = pat, "*"
		}
		if pp != "*" && pp != port {
			continue
		}
		if ph == "*" || strings.EqualFold(ph, host) {
			return true
		}
		if ph == "localhost" && isLoopback(host) || isLoopback(ph) && host == "localhost" {
			return true
		}
	}
	return false
}

func isLoopback(h string) bool {
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// permissionScopeNames maps Node's process.permission.has scope names to ours.
var permissionScopeNames = modules.Lazy[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"fs":            modules.ScopeFSRead,
		"fs.read":       modules.ScopeFSRead,
		"fs.write":      modules.ScopeFSWrite,
		"child":         modules.ScopeChildProcess,
		"child_process": modules.ScopeChildProcess,
		"worker":        modules.ScopeWorker,
		"net":           modules.ScopeNet,
		"env":           modules.ScopeEnv,
	}
}}

// permissionHas answers process.permission.has(scope, reference).
func (rt *Runtime) permissionHas(scope, reference string) bool {
	s, ok := permissionScopeNames.Get()[scope]
	if !ok {
		return false
	}
	if rt.host.Perms == nil {
		return true
	}
	if scope == "fs" {
		return rt.permissionHas("fs.read", reference) && rt.permissionHas("fs.write", reference)
	}
	if s == modules.ScopeFSRead || s == modules.ScopeFSWrite {
		if reference == "" {
			c, ok := rt.host.Perms.(*policy)
			if !ok {
				return false
			}
			if s == modules.ScopeFSRead {
				return c.readAll
			}
			return c.writeAll
		}
		return rt.host.Allowed(s, rt.host.Abs(reference))
	}
	return rt.host.Allowed(s, reference)
}
