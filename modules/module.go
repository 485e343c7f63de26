// Package modules is the small API every built-in module is written against: the Module
// description, the per-runtime Host (stdio, env, cwd, permissions, the loop), Node-style errors
// and helpers for asynchronous work. See https://nodejs.org/api/modules.html#built-in-modules.
//
// A built-in is a package-level value:
//
//	var Module = modules.Module{Name: "fs", Bind: bind, JS: glue}
//
// Bind runs once per runtime, on the loop goroutine, the first time the module is required. It
// fills the binding object with Go functions and keeps its per-runtime state in a struct it
// creates (never in package globals). JS, if set, is CommonJS-style glue evaluated as
//
//	(function (exports, require, module, binding, internalBinding) { ... })
//
// where require loads other built-ins (internal ones included) and binding is the object Bind
// filled. Without JS, the binding itself is the module's exports. Glue is compiled once per
// process and shared by every runtime.
package modules

import (
	"fmt"
	"strings"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
)

// Module describes one built-in module.
type Module struct {
	// Name is what require takes, without the "node:" prefix: "fs", "fs/promises",
	// "internal/errors".
	Name string
	// Internal modules can be required only by other built-ins' glue.
	Internal bool
	// SchemeOnly modules are reachable only with the "node:" prefix (node:test, node:sea).
	SchemeOnly bool
	// Bind fills binding with the module's Go side. It may be nil.
	Bind func(h *Host, binding *goja.Object) error
	// JS is the module's glue source. It may be empty.
	JS string
	// JSParts, when JS is empty, are the glue's source files, joined on first compile (a
	// package-level concatenation would copy them at every process start).
	JSParts []string
}

var programs sync.Map // glue source data pointer -> *compiled

type compiled struct {
	once sync.Once
	prg  *goja.Program
	err  error
}

// Program returns the module's glue compiled as a function expression, compiling it once per
// process. It returns nil if the module has no glue.
func (m *Module) Program() (*goja.Program, error) {
	if m.JS == "" && len(m.JSParts) == 0 {
		return nil, nil
	}
	var key *byte
	if m.JS != "" {
		key = unsafe.StringData(m.JS)
	} else {
		key = unsafe.StringData(m.JSParts[0])
	}
	c := compiledFor(key)
	c.once.Do(func() {
		js := m.JS
		if js == "" {
			js = strings.Join(m.JSParts, "")
		}
		src := "(function (exports, require, module, binding, internalBinding) {" + js + "\n})"
		c.prg, c.err = goja.Compile("node:"+m.Name, src, true)
		if c.err != nil {
			c.err = fmt.Errorf("compiling built-in %q: %w", m.Name, c.err)
		}
	})
	return c.prg, c.err
}

// compiledFor returns the cache entry for key, making it on first use only (every runtime asks
// for every module it loads: a lookup allocates nothing).
func compiledFor(key *byte) *compiled {
	if v, ok := programs.Load(key); ok {
		return v.(*compiled)
	}
	v, _ := programs.LoadOrStore(key, &compiled{})
	return v.(*compiled)
}

// CompileOnce compiles src (a script) once per process, keyed by the source text's storage, for
// glue that is not a module (bootstrap snippets). It panics on a syntax error: glue is ours.
func CompileOnce(name, src string) *goja.Program {
	key := unsafe.StringData(src)
	c := compiledFor(key)
	c.once.Do(func() {
		c.prg, c.err = goja.Compile(name, src, true)
	})
	if c.err != nil {
		panic(c.err)
	}
	return c.prg
}
