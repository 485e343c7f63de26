// Package wasm is the WebAssembly global (https://nodejs.org/api/globals.html#webassembly,
// https://webassembly.github.io/spec/js-api/) on wazero, a WebAssembly runtime in pure Go:
// WebAssembly.Module, Instance, compile, instantiate, validate, Memory, Global, and the
// CompileError/LinkError/RuntimeError classes.
//
// An Instance gets its own wazero runtime, so that each can bind its own JS functions to the
// import names it asks for ("env" twice is fine); compiled code is shared through one
// compilation cache per process. Imported functions are JS functions called on the loop
// goroutine, from inside the wasm call that JS started. An exported memory's buffer is an
// ArrayBuffer over wazero's linear memory, without a copy; when the memory grows, the old
// ArrayBuffer is detached and .buffer returns a new one, as in V8. Every wazero runtime closes
// with the gojs runtime.
//
// A memory made in JS lives in a wazero runtime of its own, where the modules importing it are
// instantiated (memimport.go). Not supported: importing a memory another instance exports, a
// JS-made Table or Global (LinkError), tables beyond their existence, and the streaming APIs
// other than over a fetch Response's bytes.
package wasm

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"math"
	"math/big"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/sys"
)

//go:embed wasm.js
var wasmJS string

// Module is the internal module behind the WebAssembly global.
var Module = modules.Module{Name: "internal/wasm", JSRef: &wasmJS, Bind: bind, Internal: true}

// caches are the compilation caches shared by a process's runtimes, by the directory they keep
// compiled modules in ("" in memory only): compiling a big module (rollup's wasm build, 600 KB)
// takes wazero seconds where V8's baseline compiler takes tens of milliseconds, so a later
// process reads the compiled code back instead.
var (
	cachesMu sync.Mutex
	caches   = map[string]wazero.CompilationCache{}
)

func runtimeConfig(cacheDir string) wazero.RuntimeConfig {
	dir := ""
	if cacheDir != "" {
		dir = filepath.Join(cacheDir, "wasm")
	}
	cachesMu.Lock()
	cache := caches[dir]
	if cache == nil {
		var err error
		if dir != "" {
			cache, err = wazero.NewCompilationCacheWithDir(dir)
		}
		if dir == "" || err != nil {
			cache = wazero.NewCompilationCache()
		}
		caches[dir] = cache
	}
	cachesMu.Unlock()
	// (threads: shared memories and the atomic instructions, as V8's; napi-rs's and
	// Emscripten's threaded builds declare their memory shared)
	return wazero.NewRuntimeConfig().WithCompilationCache(cache).WithCloseOnContextDone(true).
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesThreads)
}

type state struct {
	h        *modules.Host
	mu       sync.Mutex
	closers  []api.Closer // what closes with the runtime (closeWith)
	watching bool
	throw    func(errKind, string)
	sigs     exportSigs
	memories int        // JS-made memories so far (memimport.go names their modules by it)
	viewed   []*memory  // the memories whose buffer JS has: detached when wasm grows them
	refs     externRefs // the JS values wasm code holds as externref
	// api is the name of the WebAssembly function at work ("WebAssembly.instantiate()"), which
	// V8 puts before its errors' messages; "" for the constructors. Loop only.
	api string
	// callCtx is what wasm calls run with once a shared memory is made or adopted here
	// (watchStop): it ends when the loop is stopped, so that a terminated worker's wasm code
	// stops too (nil before: h.Ctx)
	callCtx context.Context
	shared  []api.Memory // the shared memories made or adopted here (loop only)
	// lastCompile is closed when the latest WebAssembly.compile's work has posted its result:
	// the next one's waits for it, so that their promises settle in the order they were asked
	lastCompile chan struct{}
}

// retitle gives msg, a message for the Module or Instance constructor, the name of the
// WebAssembly function at work instead.
func (s *state) retitle(msg string) string {
	if s.api == "" {
		return msg
	}
	for _, p := range [...]string{"WebAssembly.Instance(): ", "WebAssembly.Module(): "} {
		if rest, ok := strings.CutPrefix(msg, p); ok {
			return s.api + ": " + rest
		}
	}
	return msg
}

// typeError throws a TypeError with msg (retitled).
func (s *state) typeError(msg string) {
	panic(s.h.VM.NewTypeError(s.retitle(msg)))
}

// v8HeaderError is V8's message for bytes whose module header (magic word, version) it refuses,
// "" for a header it takes: what follows is wazero's to judge.
func v8HeaderError(bin []byte) string {
	word := func(at int) string {
		b := bin[at : at+4]
		return fmt.Sprintf("%02x %02x %02x %02x", b[0], b[1], b[2], b[3])
	}
	switch {
	case len(bin) == 0:
		return "BufferSource argument is empty"
	case len(bin) < 4:
		return "expected 4 bytes, fell off end @+0"
	case string(bin[:4]) != "\x00asm":
		return "expected magic word 00 61 73 6d, found " + word(0) + " @+0"
	case len(bin) < 8:
		return "expected 4 bytes, fell off end @+4"
	case string(bin[4:8]) != "\x01\x00\x00\x00":
		return "expected version 01 00 00 00, found " + word(4) + " @+4"
	}
	return ""
}

// detachGrown detaches the buffer of each memory that wasm code grew, as V8 does when the grow
// happens (a later .buffer is a new one); a shared memory's buffer stays as it was, only .buffer
// is a longer one (Buffer). Loop only.
func (s *state) detachGrown() {
	for _, m := range s.viewed {
		if m.have && !m.shared && m.mem.Size() != m.size {
			m.buf.Detach()
			m.have = false
		}
	}
}

// rangeError makes a RangeError with msg.
func (s *state) rangeError(msg string) goja.Value {
	vm := s.h.VM
	v, err := vm.New(vm.Get("RangeError"), vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	return v
}

// newRuntime makes a wazero runtime that closes with the gojs runtime.
func (s *state) newRuntime() wazero.Runtime {
	r := wazero.NewRuntimeWithConfig(s.h.Ctx, runtimeConfig(s.h.CacheDir))
	s.closeWith(r)
	return r
}

// closeWith closes c (a wazero runtime, or a module this runtime made in another's) when the
// gojs runtime closes. Any goroutine.
func (s *state) closeWith(c api.Closer) {
	s.mu.Lock()
	first := !s.watching
	s.watching = true
	s.closers = append(s.closers, c)
	s.mu.Unlock()
	if first {
		go func() {
			<-s.h.Ctx.Done()
			s.mu.Lock()
			cs := s.closers
			s.closers = nil
			s.mu.Unlock()
			for i := len(cs) - 1; i >= 0; i-- { // (the modules before the runtimes they link to)
				cs[i].Close(context.Background())
			}
		}()
	}
}

// compiled is a WebAssembly.Module: the bytes and their compiled form in a runtime used only to
// describe it.
type compiled struct {
	bin  []byte
	mod  wazero.CompiledModule
	orig []byte // the bytes as given, when bin is them without their custom sections
}

// checkCompiled throws V8's TypeError for a receiver that holds no compiled module (a Module's
// method called on an object made with Object.create(WebAssembly.Module.prototype)).
func checkCompiled(vm *goja.Runtime, c *compiled) {
	if c == nil {
		panic(vm.NewTypeError("Receiver is not a WebAssembly.Module"))
	}
}

// source is the module's bytes as given.
func (c *compiled) source() []byte {
	if c.orig != nil {
		return c.orig
	}
	return c.bin
}

type errKind int

const (
	compileError errKind = iota
	linkError
	runtimeError
)

func bind(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	s := &state{h: h}
	var describe wazero.Runtime
	ctors := map[errKind]goja.Callable{}
	b.Set("setErrors", func(compileErr, linkErr, runtimeErr goja.Value) {
		for k, v := range map[errKind]goja.Value{compileError: compileErr, linkError: linkErr, runtimeError: runtimeErr} {
			ctors[k], _ = goja.AssertFunction(v)
		}
	})
	// makeErr makes the error of kind with msg (retitled)
	makeErr := func(kind errKind, msg string) goja.Value {
		msg = s.retitle(msg)
		if c := ctors[kind]; c != nil {
			v, err := c(goja.Undefined(), vm.ToValue(msg))
			if err == nil {
				return v
			}
		}
		return vm.NewTypeError(msg)
	}
	throw := func(kind errKind, msg string) {
		panic(makeErr(kind, msg))
	}
	s.throw = throw
	bytesOf := func(v goja.Value) []byte {
		if o, ok := v.(*goja.Object); ok {
			switch x := modules.ExportCheap(o).(type) {
			case []byte:
				return append([]byte(nil), x...)
			case goja.ArrayBuffer:
				return append([]byte(nil), x.Bytes()...)
			}
		}
		panic(vm.NewTypeError("WebAssembly.Module(): Argument 0 must be a buffer source"))
	}
	// compileIn compiles bin in r, or gives the CompileError's message (after the constructor's
	// name). Any goroutine.
	compileIn := func(r wazero.Runtime, bin []byte) (*compiled, string) {
		if msg := v8HeaderError(bin); msg != "" {
			return nil, "WebAssembly.Module(): " + msg
		}
		m, err := r.CompileModule(h.Ctx, bin)
		var orig []byte
		if err != nil && strings.Contains(err.Error(), "custom section") {
			// wazero refuses some custom sections V8 accepts (an empty one at the end): they
			// mean nothing to the code, so it compiles without them
			if stripped := withoutCustomSections(bin); stripped != nil {
				if m2, err2 := r.CompileModule(h.Ctx, stripped); err2 == nil {
					m, err, orig, bin = m2, nil, bin, stripped
				}
			}
		}
		if err != nil {
			return nil, "WebAssembly.Module(): " + strings.TrimPrefix(err.Error(), "invalid module: ")
		}
		return &compiled{bin: bin, mod: m, orig: orig}, ""
	}
	compile := func(bin []byte) *compiled {
		if describe == nil {
			describe = s.newRuntime()
		}
		c, msg := compileIn(describe, bin)
		if msg != "" {
			throw(compileError, msg)
		}
		return c
	}
	b.Set("validate", func(v goja.Value) bool {
		bin := bytesOf(v)
		if describe == nil {
			describe = s.newRuntime()
		}
		m, err := describe.CompileModule(h.Ctx, bin)
		if err != nil && strings.Contains(err.Error(), "custom section") {
			if stripped := withoutCustomSections(bin); stripped != nil {
				m, err = describe.CompileModule(h.Ctx, stripped)
			}
		}
		if err != nil {
			return false
		}
		m.Close(h.Ctx)
		return true
	})
	b.Set("compile", func(v goja.Value) goja.Value {
		return vm.ToValue(compile(bytesOf(v)))
	})
	// compileAsync(bytes, api, cb) is WebAssembly.compile's work, as V8 does it: the bytes
	// (copied) compile off the loop, and cb(error) or cb(undefined, module) runs in a task of
	// the loop's I/O phase once they have, after the tasks of the calls before it. (V8's
	// compile job hands its steps to the main thread in tasks of their own, the last one at
	// least a turn of the loop later: this one waits a turn too, so a setImmediate queued
	// with the compile runs before it as in node, however small the module.)
	b.Set("compileAsync", func(v goja.Value, api string, cb goja.Callable) {
		bin := bytesOf(v)
		if describe == nil {
			describe = s.newRuntime()
		}
		r := describe
		p := h.Loop.Reserve()
		prev := s.lastCompile
		done := make(chan struct{})
		s.lastCompile = done
		go func() {
			defer close(done)
			c, msg := compileIn(r, bin)
			if prev != nil {
				<-prev
			}
			p.DoneAfter(2, func() error {
				var err error
				if msg != "" {
					s.api = api
					errV := makeErr(compileError, msg)
					s.api = ""
					_, err = cb(goja.Undefined(), errV)
				} else {
					_, err = cb(goja.Undefined(), goja.Undefined(), vm.ToValue(c))
				}
				return err
			})
		}()
	})
	// settle(fn) runs fn in a task of the loop's I/O phase: V8 settles the promises of
	// WebAssembly.compile and instantiate from a task, never in the job that asked
	b.Set("settle", func(fn goja.Callable) {
		p := h.Loop.Reserve()
		p.Done(func() error {
			_, err := fn(goja.Undefined())
			return err
		})
	})
	// a module's bytes, copied: what structuredClone and postMessage compile again on the other side
	b.Set("bytes", func(c *compiled) goja.Value {
		checkCompiled(vm, c)
		return vm.ToValue(vm.NewArrayBuffer(append([]byte(nil), c.source()...)))
	})
	kindName := func(t api.ExternType) string {
		switch t {
		case api.ExternTypeFunc:
			return "function"
		case api.ExternTypeTable:
			return "table"
		case api.ExternTypeMemory:
			return "memory"
		case api.ExternTypeGlobal:
			return "global"
		}
		return "unknown"
	}
	b.Set("imports", func(c *compiled) goja.Value {
		checkCompiled(vm, c)
		var list []any
		for _, f := range c.mod.ImportedFunctions() {
			mod, name, _ := f.Import()
			list = append(list, desc(vm, "module", mod, "name", name, "kind", "function"))
		}
		for _, m := range c.mod.ImportedMemories() {
			mod, name, _ := m.Import()
			list = append(list, desc(vm, "module", mod, "name", name, "kind", "memory"))
		}
		return vm.NewArray(list...)
	})
	b.Set("exports", func(c *compiled) goja.Value {
		checkCompiled(vm, c)
		var list []any
		if ex := parseExports(c.bin); ex != nil {
			for _, e := range ex {
				list = append(list, desc(vm, "name", e.name, "kind", exportKind(e.kind)))
			}
			return vm.NewArray(list...)
		}
		for name := range c.mod.ExportedFunctions() {
			list = append(list, desc(vm, "name", name, "kind", kindName(api.ExternTypeFunc)))
		}
		for name := range c.mod.ExportedMemories() {
			list = append(list, desc(vm, "name", name, "kind", kindName(api.ExternTypeMemory)))
		}
		return vm.NewArray(list...)
	})
	b.Set("customSections", func(c *compiled, name string) goja.Value {
		checkCompiled(vm, c)
		var out []any
		for _, body := range customSections(c.source(), name) {
			out = append(out, vm.NewArrayBuffer(append([]byte(nil), body...)))
		}
		return vm.NewArray(out...)
	})
	// shareMemory(m) is the number a shared memory crosses to another thread by;
	// adoptMemory(n) the memory it arrives as (undefined when it is gone)
	b.Set("shareMemory", func(m *memory) uint32 {
		if m.core == nil || !m.shared {
			return 0 // (one an instance exports: not supported)
		}
		return m.share()
	})
	b.Set("adoptMemory", func(id uint32) goja.Value {
		if m := s.adoptMemory(id); m != nil {
			return vm.ToValue(m)
		}
		return goja.Undefined()
	})
	b.Set("newMemory", func(initial uint32, maximum int64, shared bool) goja.Value {
		m, err := s.newMemory(initial, maximum, shared)
		if err != nil {
			panic(s.rangeError("WebAssembly.Memory(): could not allocate memory"))
		}
		return vm.ToValue(m)
	})
	// instantiate(module, imports, ..., api): api names the function for the errors' messages
	// (WebAssembly.instantiate()); the constructor's own without it
	b.Set("instantiate", func(c *compiled, importObj goja.Value, makeMemory, makeTable, makeGlobal, memoryOf goja.Callable, api goja.Value) goja.Value {
		if api != nil && !goja.IsUndefined(api) {
			s.api = api.String()
			defer func() { s.api = "" }()
		}
		return s.instantiate(c, importObj, makeMemory, makeTable, makeGlobal, memoryOf)
	})
	return nil
}

// exportKind names an export section's kind as WebAssembly.Module.exports does.
func exportKind(k byte) string {
	switch k {
	case 0:
		return "function"
	case 1:
		return "table"
	case 2:
		return "memory"
	case 3:
		return "global"
	case 4:
		return "tag"
	}
	return "unknown"
}

// toWasm converts a JS value to a wasm value of type t (an externref through refs).
func toWasm(vm *goja.Runtime, refs *externRefs, v goja.Value, t api.ValueType) uint64 {
	switch t {
	case api.ValueTypeExternref:
		return refs.ref(v)
	case api.ValueTypeI32:
		return api.EncodeI32(int32(toInt32(v.ToFloat())))
	case api.ValueTypeI64:
		if bi, ok := modules.ExportAs[*big.Int](v); ok {
			return uint64(bi.Int64())
		}
		panic(vm.NewTypeError("Cannot convert " + v.String() + " to a BigInt"))
	case api.ValueTypeF32:
		return api.EncodeF32(float32(v.ToFloat()))
	case api.ValueTypeF64:
		return api.EncodeF64(v.ToFloat())
	}
	return 0
}

func toInt32(f float64) int32 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return int32(uint32(int64(math.Trunc(math.Mod(f, 4294967296)))))
}

// toJS converts a wasm value of type t to JS (an externref through refs).
func toJS(vm *goja.Runtime, refs *externRefs, x uint64, t api.ValueType) goja.Value {
	switch t {
	case api.ValueTypeExternref:
		return refs.value(vm, x)
	case api.ValueTypeI32:
		return vm.ToValue(api.DecodeI32(x))
	case api.ValueTypeI64:
		return vm.ToValue(big.NewInt(int64(x)))
	case api.ValueTypeF32:
		return vm.ToValue(float64(api.DecodeF32(x)))
	case api.ValueTypeF64:
		return vm.ToValue(api.DecodeF64(x))
	}
	return goja.Undefined()
}

func (s *state) instantiate(c *compiled, importObj goja.Value, makeMemory, makeTable, makeGlobal, memoryOf goja.Callable) goja.Value {
	throw := s.throw
	h := s.h
	vm := h.VM
	ctx := s.ctx()
	var imports *goja.Object
	if len(c.mod.ImportedFunctions()) > 0 || len(c.mod.ImportedMemories()) > 0 {
		o, ok := importObj.(*goja.Object)
		if !ok {
			s.typeError("WebAssembly.Instance(): Imports argument must be present and must be an object")
		}
		imports = o
	}
	bin := c.bin
	var r wazero.Runtime
	// prefix starts the names of the instance's host modules (and its own) in r: a memory's
	// runtime holds every instance that imports the memory, in this thread and others
	prefix := ""
	var adopted bool     // r is a runtime another thread made (and closes): close what is made here
	var imported *memory // the JS-made memory imported, which an export of it is (as in V8)
	var importedV goja.Value
	if md, ok := importedMemory(c.mod); ok {
		// a JS-made memory: the instance lives in its runtime, the import renamed to it
		mn, n, _ := md.Import()
		idx := importIndex(bin, 2, 0)
		mo, ok := imports.Get(mn).(*goja.Object)
		if !ok {
			s.typeError(fmt.Sprintf("WebAssembly.Instance(): Import #%d module=\"%s\" error: module is not an object or function", firstImportOf(bin, mn), mn))
		}
		importedV = mo.Get(n)
		hv, err := memoryOf(goja.Undefined(), importedV)
		if err != nil {
			panic(err)
		}
		mh, _ := modules.ExportAs[*memory](hv)
		if mh == nil {
			throw(linkError, importError(idx, mn, n, "memory import must be a WebAssembly.Memory object"))
		}
		if mh.rt == nil {
			throw(linkError, importError(idx, mn, n, "importing a memory another instance exports is not supported by gojs"))
		}
		if msg := memoryLimitsError(idx, md, mh); msg != "" {
			throw(linkError, "WebAssembly.Instance(): "+msg)
		}
		if declared := importedMemoryShared(bin); declared != mh.shared {
			throw(linkError, fmt.Sprintf("WebAssembly.Instance(): mismatch in shared state of memory, declared = %d, imported = %d", b2i(declared), b2i(mh.shared)))
		}
		prefix = "gojs:" + strconv.FormatUint(instanceCount.Add(1), 10) + ":"
		renamed, ok := withMemoryImport(bin, prefix, mh.module, memoryExport)
		if !ok {
			throw(linkError, importError(idx, mn, n, "memory import is not supported by gojs"))
		}
		bin, r, adopted, imported = renamed, mh.rt, mh.adopted, mh
	} else {
		r = s.newRuntime()
	}
	mod, err := r.CompileModule(ctx, bin)
	if err != nil {
		throw(compileError, "WebAssembly.Instance(): "+err.Error())
	}
	keep := func(m api.Module) {
		if adopted && m != nil {
			s.closeWith(m)
		}
	}
	// One host module per import module name, each function calling its JS import.
	byModule := map[string]wazero.HostModuleBuilder{}
	var wasi *wasiConfig
	for _, f := range mod.ImportedFunctions() {
		modName, _, _ := f.Import()
		modName = strings.TrimPrefix(modName, prefix)
		if c := s.wasiFor(imports, modName); c != nil {
			if wasi == nil {
				wasi = c
			}
			if _, done := byModule[modName]; !done {
				m, err := instantiateWASI(r, h, prefix+modName)
				if err != nil {
					throw(linkError, "WebAssembly.Instance(): "+modName+": "+err.Error())
				}
				keep(m)
				byModule[modName] = nil
			}
		}
	}
	for i, f := range mod.ImportedFunctions() {
		modName, name, _ := f.Import()
		modName = strings.TrimPrefix(modName, prefix)
		if hb, ok := byModule[modName]; ok && hb == nil {
			continue // a WASI object's: wazero's functions
		}
		mv := imports.Get(modName)
		mo, ok := mv.(*goja.Object)
		if !ok {
			s.typeError(fmt.Sprintf("WebAssembly.Instance(): Import #%d module=\"%s\" error: module is not an object or function", importIndex(c.bin, 0, i), modName))
		}
		fn, ok := goja.AssertFunction(mo.Get(name))
		if !ok {
			throw(linkError, importError(importIndex(c.bin, 0, i), modName, name, "function import requires a callable"))
		}
		params, results := f.ParamTypes(), f.ResultTypes()
		hb, ok := byModule[modName]
		if !ok {
			hb = r.NewHostModuleBuilder(prefix + modName)
			byModule[modName] = hb
		}
		hb.NewFunctionBuilder().WithGoModuleFunction(api.GoModuleFunc(func(ctx context.Context, m api.Module, stack []uint64) {
			callJS(vm, &s.refs, fn, params, results, stack)
		}), params, results).Export(name)
	}
	for name, hb := range byModule {
		if hb == nil {
			continue
		}
		m, err := hb.Instantiate(ctx)
		if err != nil {
			throw(linkError, "WebAssembly.Instance(): "+name+": "+err.Error())
		}
		keep(m)
	}
	cfg := wazero.NewModuleConfig().WithName("").WithStartFunctions()
	if wasi != nil {
		cfg = wasi.moduleConfig(h)
	}
	for _, e := range parseExports(c.bin) {
		if e.kind == 1 { // the table helpers import the table from the instance by this name
			cfg = cfg.WithName(prefix + instanceName)
			break
		}
	}
	inst, err := r.InstantiateModule(ctx, mod, cfg)
	if err != nil {
		var jp *jsPanic
		if errors.As(err, &jp) {
			panic(jp.v)
		}
		throw(runtimeError, "WebAssembly.Instance(): "+trapMessage(err))
	}
	keep(inst)
	exports := vm.NewObject()
	exports.SetPrototype(nil)
	funcs := mod.ExportedFunctions()
	mems := mod.ExportedMemories()
	list := parseExports(c.bin)
	if list == nil { // (not expected for a module that compiled) functions, then memories
		for _, name := range sortedKeys(funcs) {
			list = append(list, wasmExport{name: name, kind: 0})
		}
		for _, name := range sortedKeys(mems) {
			list = append(list, wasmExport{name: name, kind: 2})
		}
	}
	var types [][2][]api.ValueType
	for _, e := range list {
		switch e.kind {
		case 0:
			def, ok := funcs[e.name]
			if !ok {
				continue
			}
			exports.Set(e.name, s.exportFunc(vm, ctx, fmt.Sprint(def.Index()), inst.ExportedFunction(e.name), def.ParamTypes(), def.ResultTypes()))
		case 1:
			if types == nil {
				types = parseTypes(c.bin)
			}
			elem := tableElem(c.bin, e.index)
			ops, err := r.InstantiateWithConfig(ctx, tableOpsModule(prefix+instanceName, e.name, elem), wazero.NewModuleConfig().WithName(prefix+"gojs:tableops:"+e.name))
			if err != nil {
				throw(linkError, "WebAssembly.Instance(): table "+e.name+": "+err.Error())
			}
			keep(ops)
			tv, err := makeTable(goja.Undefined(), vm.ToValue(&wasmTable{s: s, r: r, inst: inst, prefix: prefix, adopted: adopted, index: e.index, name: e.name, ops: ops, types: types, extern: elem == externRef}))
			if err != nil {
				panic(err)
			}
			exports.Set(e.name, tv)
		case 2:
			if _, ok := mems[e.name]; !ok {
				continue
			}
			if imported != nil && inst.ExportedMemory(e.name) == imported.mem {
				exports.Set(e.name, importedV)
				continue
			}
			mv, err := makeMemory(goja.Undefined(), vm.ToValue(&memory{s: s, vm: vm, mem: inst.ExportedMemory(e.name), max: -1, shared: memoryShared(inst.ExportedMemory(e.name))}))
			if err != nil {
				panic(err)
			}
			exports.Set(e.name, mv)
		case 3:
			g := inst.ExportedGlobal(e.name)
			if g == nil {
				continue
			}
			gv, err := makeGlobal(goja.Undefined(), vm.ToValue(&global{vm: vm, refs: &s.refs, g: g}))
			if err != nil {
				panic(err)
			}
			exports.Set(e.name, gv)
		}
	}
	return exports
}

// exportFunc makes the JS function for a function an instance exports (or a table holds),
// named as V8 names them (its function index), and records its type for WebAssembly.Table.set.
func (s *state) exportFunc(vm *goja.Runtime, ctx context.Context, name string, f api.Function, params, results []api.ValueType) goja.Value {
	jsFn := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		in := make([]uint64, len(params))
		for j, t := range params {
			in[j] = toWasm(vm, &s.refs, call.Argument(j), t)
		}
		out, err := f.Call(ctx, in...)
		s.detachGrown()
		if err != nil {
			var jp *jsPanic
			if errors.As(err, &jp) {
				panic(jp.v) // what the JS import threw
			}
			var ee *sys.ExitError
			if errors.As(err, &ee) {
				panic(vm.ToValue(&wasiExit{code: ee.ExitCode()})) // WASI's proc_exit
			}
			s.throw(runtimeError, trapMessage(err))
		}
		switch len(results) {
		case 0:
			return goja.Undefined()
		case 1:
			return toJS(vm, &s.refs, out[0], results[0])
		}
		arr := make([]any, len(results))
		for j, t := range results {
			arr[j] = toJS(vm, &s.refs, out[j], t)
		}
		return vm.ToValue(arr)
	}).ToObject(vm)
	modules.NameFunc(vm, jsFn, name, len(params))
	s.sigs.add(jsFn, &exportSig{params: params, results: results})
	return jsFn
}

// jsPanic carries what a JS import threw (a goja exception or value) through wazero's call
// back to the export that JS called, where it is thrown again.
type jsPanic struct{ v any }

func (p *jsPanic) Error() string { return fmt.Sprint(p.v) }

func trapMessage(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, "wasm error: "); i >= 0 {
		msg = msg[i+len("wasm error: "):]
		if j := strings.IndexByte(msg, '\n'); j >= 0 {
			msg = msg[:j]
		}
	}
	switch msg {
	case "integer divide by zero":
		return "divide by zero"
	case "out of bounds memory access":
		return "memory access out of bounds"
	case "unreachable":
		return "unreachable"
	case "invalid table access", "indirect call type mismatch":
		// wazero says the first both for a null slot and for an index past the table's end,
		// where V8 says this and 'table index is out of bounds': a call through a null
		// function pointer is the usual one
		return "null function or function signature mismatch"
	}
	return msg
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// memory is an exported linear memory.
type memory struct {
	s      *state
	listed bool // in s.viewed
	vm     *goja.Runtime
	mem    api.Memory
	buf    goja.ArrayBuffer
	size   uint32
	have   bool
	// a JS-made memory's runtime, module and maximum (memimport.go, -1: none); rt is nil for
	// one an instance exports
	rt     wazero.Runtime
	module string
	max    int64
	// core holds rt for all the threads a shared memory went to (memimport.go); adopted
	// marks a thread's memory that came from another (or the same) thread, whose instances in
	// rt close with this thread
	core    *memoryRuntime
	adopted bool
	// shared: a shared memory, whose bytes never move (wazero allocates its maximum): its
	// buffer is a SharedArrayBuffer (the glue brands it), never detached; a grown memory's
	// next one is longer
	shared bool
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Shared reports whether the memory is a shared one (see memory.shared).
func (m *memory) Shared() bool { return m.shared }

// memoryShared reports whether wazero made mem as a shared memory (its definition does not say:
// the field of its memory instance does).
func memoryShared(mem api.Memory) bool {
	v := reflect.ValueOf(mem)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return false
	}
	f := v.Elem().FieldByName("Shared")
	return f.IsValid() && f.Kind() == reflect.Bool && f.Bool()
}

// Buffer returns the ArrayBuffer over the memory, a new one (and the old detached, unless the
// memory is shared) when it grew.
func (m *memory) Buffer() goja.Value {
	size := m.mem.Size()
	if m.have && size == m.size {
		return m.vm.ToValue(m.buf)
	}
	if m.have && !m.shared {
		m.buf.Detach()
	}
	view, _ := m.mem.Read(0, size)
	m.buf = m.vm.NewArrayBuffer(view)
	m.size, m.have = size, true
	if !m.listed && m.s != nil {
		m.listed = true
		m.s.viewed = append(m.s.viewed, m)
	}
	return m.vm.ToValue(m.buf)
}

// Grow adds delta pages and returns the old size in pages, or -1 when it cannot.
func (m *memory) Grow(delta uint32) int64 {
	old, ok := m.mem.Grow(delta)
	if !ok {
		return -1
	}
	if m.have && delta > 0 {
		if !m.shared {
			m.buf.Detach()
		}
		m.have = false
	}
	return int64(old)
}

// global is a global an instance exports, as WebAssembly.Global.
type global struct {
	vm   *goja.Runtime
	refs *externRefs
	g    api.Global
}

// Value is the global's value (an i64's as a BigInt).
func (g *global) Value() goja.Value { return toJS(g.vm, g.refs, g.g.Get(), g.g.Type()) }

// SetValue sets a mutable global's value; false for an immutable one.
func (g *global) SetValue(v goja.Value) bool {
	mg, ok := g.g.(api.MutableGlobal)
	if !ok {
		return false
	}
	mg.Set(toWasm(g.vm, g.refs, v, g.g.Type()))
	return true
}

// Mutable reports whether the global may be set.
func (g *global) Mutable() bool { _, ok := g.g.(api.MutableGlobal); return ok }

// desc makes a plain object with the given key/value pairs, in that order.
func desc(vm *goja.Runtime, kv ...string) any {
	o := vm.NewObject()
	for i := 0; i+1 < len(kv); i += 2 {
		o.Set(kv[i], kv[i+1])
	}
	return o
}
