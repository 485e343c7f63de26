// Package modules is the small API every built-in module is written against: the Module
// description, the per-runtime Host (stdio, env, cwd, permissions, the loop), Node-style errors
// and helpers for asynchronous work. See https://nodejs.org/api/modules.html#built-in-modules.
//
// A built-in is a package-level value:
//
//	//go:embed fs.js
//	var glue string
//
//	var Module = modules.Module{Name: "fs", Bind: bind, JSRef: &glue}
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
	// JSRef, when JS is empty, points to the glue's source: the //go:embed variable that holds
	// it. A Module literal that copies an embedded variable (JS: glue) is initialised by code
	// that runs at every process start and faults in a page of its package's code; one that
	// takes its address is laid out by the linker and costs nothing until used.
	JSRef *string
	// JSParts, when JS and JSRef are empty, point to the glue's source files, joined on first
	// compile (a package-level concatenation would copy them at every process start).
	JSParts []*string
	// LazyExports makes the exported functions that nothing else in the glue names on first
	// use instead of when the module loads (lazyexports.go). The exports must be an object
	// literal assigned to module.exports at the glue's top level.
	LazyExports bool
	// LazyPrepared, for a module with LazyExports, gives its glue rewritten ahead of time (go
	// generate: LazyPreparedFiles), used while it was made from the glue as it is now; without
	// it (or stale) the glue is rewritten at its first compile in each process, which costs
	// about as much CPU as compiling the result.
	LazyPrepared func() *PreparedScript
	// GlueParts leaves the glue's parts (regions marked //#part NAME ... //#end NAME, compiled
	// on first use by GluePart) out of its program: see glueparts.go.
	GlueParts bool
}

// source returns the glue's whole source (its parts joined), or "".
func (m *Module) source() string {
	if js := m.js(); m.JS != "" || m.JSRef != nil || js == "" {
		return js
	}
	parts := make([]string, len(m.JSParts))
	for i, p := range m.JSParts {
		parts[i] = *p
	}
	return strings.Join(parts, "")
}

// js returns the glue's source, or its first part, or "".
func (m *Module) js() string {
	switch {
	case m.JS != "":
		return m.JS
	case m.JSRef != nil:
		return *m.JSRef
	case len(m.JSParts) > 0:
		return *m.JSParts[0]
	}
	return ""
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
	first := m.js()
	if first == "" {
		return nil, nil
	}
	c := compiledFor(unsafe.StringData(first))
	c.once.Do(func() {
		js := m.source()
		if m.GlueParts {
			gp, err := cutGlueParts(js)
			if err != nil {
				c.err = fmt.Errorf("compiling built-in %q: %w", m.Name, err)
				return
			}
			js = gp.core
		}
		if m.LazyExports {
			var pre *PreparedScript
			if m.LazyPrepared != nil {
				pre = m.LazyPrepared()
			}
			js = lazyExportsPrepared(pre, m.Name, js)
		}
		src := lazyWrapPrefix + js + "\n})"
		c.prg, c.err = compileGlue("node:"+m.Name, src)
		if c.err != nil {
			c.err = fmt.Errorf("compiling built-in %q: %w", m.Name, c.err)
		}
	})
	return c.prg, c.err
}

// compileGlue compiles a glue's wrapped source in strict mode. Glue that names new.target goes
// through FixNewTargetGlue, as scripts go through FixNewTarget (goja leaks a constructor's new.target into the plain calls
// it makes: Intl.DateTimeFormat() or a util.deprecate wrapper called inside a constructor acted
// as if constructed). Its string-building loops are made linear as a program's are
// (FixStringBuild): util.format of 100,000 arguments took 43 s, its `str +=` copying the whole
// string each time. (The pass costs about 3% of parsing and compiling the glue.)
func compileGlue(name, src string) (*goja.Program, error) {
	return compileWithImage(name, src, true, func() (*goja.Program, error) { return compileGlueSource(name, src) })
}

// compileGlueSource is compileGlue without images.
func compileGlueSource(name, src string) (*goja.Program, error) {
	newTarget, strBuild := MentionsNewTarget(src), NeedsStringBuildFix(src)
	if !newTarget && !strBuild {
		return goja.Compile(name, src, true)
	}
	prg, err := goja.Parse(name, src)
	if err != nil {
		return nil, err
	}
	if newTarget {
		FixNewTargetGlue(prg, src)
	}
	if strBuild {
		FixStringBuild(prg, src)
	}
	return goja.CompileAST(prg, true)
}

// CompileGlueOnce compiles src, a part of a built-in's glue that the glue loads itself on first
// use (a script whose value is a function), once per process, keyed by src's storage, as Program
// compiles a module's glue: strict, with compileGlue's fixes.
func CompileGlueOnce(name, src string) (*goja.Program, error) {
	c := compiledFor(unsafe.StringData(src))
	c.once.Do(func() {
		c.prg, c.err = compileGlue(name, src)
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
		c.prg, c.err = compileWithImage(name, src, true, func() (*goja.Program, error) { return goja.Compile(name, src, true) })
	})
	if c.err != nil {
		panic(c.err)
	}
	return c.prg
}
