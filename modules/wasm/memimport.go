package wasm

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

// A memory made in JS (new WebAssembly.Memory) lives in a wazero runtime of its own, exported
// by a small module made here as bytes (memoryModule), so that a module importing it
// (Emscripten's output passes env.memory: PGlite, many others) can be instantiated in that
// runtime with the import pointed at it: the import's names in the importer's bytes are
// rewritten (withMemoryImport) to the memory module's, as wazero links by name. JS sees the
// same linear memory through .buffer before and after the instantiation.

// memoryExport is the name the memory module exports its memory under.
const memoryExport = "memory"

// memoryModule is a module that exports a memory of min pages, at most max (none if max < 0).
func memoryModule(min uint32, max int64, shared bool) []byte {
	var lim []byte
	flag := byte(0)
	if max >= 0 {
		flag = 1
	}
	if shared {
		flag |= 2
	}
	lim = appendULEB(append(lim, flag), min)
	if max >= 0 {
		lim = appendULEB(lim, uint32(max))
	}
	b := append([]byte(nil), wasmHeader...)
	b = appendSection(b, 5, append([]byte{1}, lim...))                         // memory section: one memory
	b = appendSection(b, 7, append(appendName([]byte{1}, memoryExport), 2, 0)) // export it
	return b
}

// newMemory makes a JS-made memory: its own runtime with the memory module instantiated in it.
func (s *state) newMemory(min uint32, max int64, shared bool) (*memory, error) {
	r := wazero.NewRuntimeWithConfig(s.h.Ctx, runtimeConfig(s.h.CacheDir))
	s.mu.Lock()
	s.memories++
	name := "gojs:memory:" + strconv.Itoa(s.memories)
	s.mu.Unlock()
	m, err := r.InstantiateWithConfig(s.h.Ctx, memoryModule(min, max, shared), wazero.NewModuleConfig().WithName(name))
	if err != nil {
		r.Close(s.h.Ctx)
		return nil, err
	}
	c := &memoryRuntime{rt: r, mem: m.ExportedMemory(memoryExport), module: name, max: max}
	c.refs.Store(1)
	if shared {
		c.unregister = registerWaiters(c.mem)
	}
	s.closeWith(c)
	if shared {
		s.watchStop(c.mem)
	}
	return &memory{s: s, vm: s.h.VM, mem: c.mem, rt: r, module: name, max: max, shared: shared, core: c}, nil
}

// A shared memory crosses to other threads (worker_threads' messages, structuredClone) by a
// number: the runtime it arrives in makes a WebAssembly.Memory of its own over the same wazero
// memory, and instantiates the modules importing it in the memory's wazero runtime too, beside
// the other threads' instances (with names of their own: see state.instantiate's prefix), so
// that they all run on the one linear memory, with its atomics, as V8's threads do.
var (
	sharedMemories sync.Map // number -> *memoryRuntime
	sharedCount    atomic.Uint32
	instanceCount  atomic.Uint64 // (the instances made in memories' runtimes, for their names)
)

// memoryRuntime is a JS-made memory's wazero runtime, which closes when the last gojs runtime
// holding the memory has closed.
type memoryRuntime struct {
	rt     wazero.Runtime
	mem    api.Memory
	module string
	max    int64
	refs   atomic.Int32
	id     uint32 // its number in sharedMemories, once it was sent (0 before)
	idOnce sync.Once
	// unregister drops a shared memory's waiters (waiters.go)
	unregister func()
}

// Close drops one holder's reference. Any goroutine.
func (c *memoryRuntime) Close(ctx context.Context) error {
	if c.refs.Add(-1) > 0 {
		return nil
	}
	if c.id != 0 {
		sharedMemories.Delete(c.id)
	}
	if c.unregister != nil {
		c.unregister()
	}
	return c.rt.Close(ctx)
}

// share returns the number m crosses to another thread by.
func (m *memory) share() uint32 {
	c := m.core
	c.idOnce.Do(func() {
		c.id = sharedCount.Add(1)
		sharedMemories.Store(c.id, c)
	})
	return c.id
}

// adoptMemory is this runtime's WebAssembly.Memory for the shared memory numbered id (nil if
// it is gone).
func (s *state) adoptMemory(id uint32) *memory {
	v, ok := sharedMemories.Load(id)
	if !ok {
		return nil
	}
	c := v.(*memoryRuntime)
	if c.refs.Add(1) <= 1 { // (closed meanwhile)
		return nil
	}
	s.closeWith(c)
	s.watchStop(c.mem)
	return &memory{s: s, vm: s.h.VM, mem: c.mem, rt: c.rt, module: c.module, max: c.max, shared: true, core: c, adopted: true}
}

// withMemoryImport returns bin with its (first) memory import's module and field names set to
// mod and field, and every other import's module name after prefix; ok is false when the import
// section is not as expected.
func withMemoryImport(bin []byte, prefix, mod, field string) ([]byte, bool) {
	if len(bin) < 8 {
		return nil, false
	}
	p := bin[8:]
	at := 8
	for len(p) > 0 {
		size, n := uleb(p[1:])
		if n == 0 || uint64(len(p)-1-n) < uint64(size) {
			return nil, false
		}
		end := 1 + n + int(size)
		if p[0] != 2 {
			p, at = p[end:], at+end
			continue
		}
		body, ok := renameMemoryImport(p[1+n:end], prefix, mod, field)
		if !ok {
			return nil, false
		}
		out := append([]byte(nil), bin[:at]...)
		out = appendSection(out, 2, body)
		return append(out, p[end:]...), true
	}
	return nil, false
}

// importedMemoryShared reports whether bin's (first) memory import declares a shared memory
// (its limits' flag 2).
func importedMemoryShared(bin []byte) bool {
	if len(bin) < 8 {
		return false
	}
	for p := bin[8:]; len(p) > 0; {
		size, n := uleb(p[1:])
		if n == 0 || uint64(len(p)-1-n) < uint64(size) {
			return false
		}
		end := 1 + n + int(size)
		if p[0] == 2 {
			shared, done := false, false
			walkImports(p[1+n:end], func(i int, m, f string, kind byte, desc []byte) {
				if kind == 2 && !done && len(desc) > 0 {
					shared, done = desc[0]&2 != 0, true
				}
			})
			return shared
		}
		p = p[end:]
	}
	return false
}

// renameMemoryImport rewrites an import section's body (see withMemoryImport).
func renameMemoryImport(body []byte, prefix, mod, field string) ([]byte, bool) {
	count, n := uleb(body)
	if n == 0 {
		return nil, false
	}
	out := appendULEB(nil, count)
	done := false
	ok := walkImports(body, func(i int, m, f string, kind byte, desc []byte) {
		if kind == 2 && !done {
			m, f, done = mod, field, true
		} else {
			m = prefix + m
		}
		out = appendName(appendName(out, m), f)
		out = append(append(out, kind), desc...)
	})
	return out, ok && done
}

// importIndex is the index among all of a module's imports of its k-th import of kind (0 if
// unknown), as V8's link errors number them.
func importIndex(bin []byte, kind byte, k int) int {
	at, n := -1, 0
	walkImports(section(bin, 2), func(i int, m, f string, kd byte, desc []byte) {
		if kd == kind && at < 0 {
			if n == k {
				at = i
			}
			n++
		}
	})
	return max(at, 0)
}

// firstImportOf is the index of the first import from module mn (V8 checks imports in order).
func firstImportOf(bin []byte, mn string) int {
	at := -1
	walkImports(section(bin, 2), func(i int, m, f string, kind byte, desc []byte) {
		if m == mn && at < 0 {
			at = i
		}
	})
	return max(at, 0)
}

// memoryLimitsError is V8's link error when a JS-made memory does not fit the limits the
// module declares for its import (none if it fits).
func memoryLimitsError(idx int, md api.MemoryDefinition, m *memory) string {
	pages := m.mem.Size() / 65536
	if pages < md.Min() {
		return fmt.Sprintf("memory import %d is smaller than initial %d, got %d", idx, md.Min(), pages)
	}
	if max, ok := md.Max(); ok {
		if m.max < 0 {
			return fmt.Sprintf("memory import %d has no maximum limit, expected at most %d", idx, uint32(math.MaxUint32)) // (V8's words)
		}
		if uint64(m.max) > uint64(max) {
			return fmt.Sprintf("memory import %d has a larger maximum size %d than the module's declared maximum %d", idx, m.max, max)
		}
	}
	return ""
}

// walkImports calls fn with each import of an import section's body: its index, names, kind and
// description (the bytes after the kind); ok is false when the body is not as expected.
func walkImports(body []byte, fn func(i int, mod, field string, kind byte, desc []byte)) bool {
	count, n := uleb(body)
	if n == 0 {
		return false
	}
	p := body[n:]
	name := func() (string, bool) {
		l, n := uleb(p)
		if n == 0 || uint64(len(p)-n) < uint64(l) {
			return "", false
		}
		s := string(p[n : n+int(l)])
		p = p[n+int(l):]
		return s, true
	}
	for i := 0; i < int(count); i++ {
		m, ok1 := name()
		f, ok2 := name()
		if !ok1 || !ok2 || len(p) == 0 {
			return false
		}
		kind := p[0]
		rest := p[1:]
		size := 0 // the description's length
		switch kind {
		case 0, 4: // function (type index), tag (attribute, type index)
			k := 0
			if kind == 4 {
				k = 1
			}
			_, n := uleb(rest[min(k, len(rest)):])
			if n == 0 {
				return false
			}
			size = k + n
		case 1, 2: // table (reftype, limits), memory (limits)
			k := 0
			if kind == 1 {
				k = 1
			}
			l, ok := limitsLen(rest[min(k, len(rest)):])
			if !ok {
				return false
			}
			size = k + l
		case 3: // global (value type, mutability)
			size = 2
		default:
			return false
		}
		if len(rest) < size {
			return false
		}
		fn(i, m, f, kind, rest[:size])
		p = rest[size:]
	}
	return len(p) == 0
}

// limitsLen is the length of the limits at the start of p.
func limitsLen(p []byte) (int, bool) {
	if len(p) == 0 {
		return 0, false
	}
	_, n := uleb(p[1:])
	if n == 0 {
		return 0, false
	}
	l := 1 + n
	if p[0]&1 != 0 {
		_, m := uleb(p[l:])
		if m == 0 {
			return 0, false
		}
		l += m
	}
	return l, true
}

// importedMemory is the memory a module imports, if it imports one: the import's names and its
// declared limits.
func importedMemory(mod wazero.CompiledModule) (api.MemoryDefinition, bool) {
	ms := mod.ImportedMemories()
	if len(ms) == 0 {
		return nil, false
	}
	return ms[0], true
}

// memoryImportError is V8's link error for import i (mn, n) of a module.
func importError(i int, mn, n, what string) string {
	return fmt.Sprintf("WebAssembly.Instance(): Import #%d module=\"%s\" function=\"%s\" error: %s", i, mn, n, what)
}
