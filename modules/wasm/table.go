package wasm

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"weak"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental/table"
)

// A table a module exports, as WebAssembly.Table: wazero has no API to read, write or grow a
// table from Go, so each table gets small helper modules, made here as bytes and instantiated
// in the instance's wazero runtime, that import the table from the instance (named
// instanceName there) and do it in wasm: table.size, table.grow and ref.is_null for length,
// grow and get, and per function put into the table a module that imports that function and
// stores a reference to it (ref.func, table.set), so that call_indirect then reaches it.

// instanceName is the name an instance with an exported table has in its wazero runtime, for
// the helpers' imports; no import module of its own is likely to be called that.
const instanceName = "gojs:instance"

// wasmExport is one entry of a module's export section.
type wasmExport struct {
	name  string
	kind  byte // 0 function, 1 table, 2 memory, 3 global, 4 tag
	index uint32
}

// section returns the body of the section id of a module that compiled (nil if it has none or
// is not as expected).
func section(bin []byte, id byte) []byte {
	if len(bin) < 8 {
		return nil
	}
	p := bin[8:]
	for len(p) > 0 {
		size, n := uleb(p[1:])
		if n == 0 || uint64(len(p)-1-n) < uint64(size) {
			return nil
		}
		body := p[1+n : 1+n+int(size)]
		if p[0] == id {
			return body
		}
		p = p[1+n+int(size):]
	}
	return nil
}

// customSections returns the contents of a module's custom sections named name, in order.
func customSections(bin []byte, name string) [][]byte {
	if len(bin) < 8 {
		return nil
	}
	var out [][]byte
	for p := bin[8:]; len(p) > 0; {
		size, n := uleb(p[1:])
		if n == 0 || uint64(len(p)-1-n) < uint64(size) {
			return out
		}
		id, body := p[0], p[1+n:1+n+int(size)]
		p = p[1+n+int(size):]
		if id != 0 {
			continue
		}
		if l, m := uleb(body); m > 0 && uint64(len(body)-m) >= uint64(l) && string(body[m:m+int(l)]) == name {
			out = append(out, body[m+int(l):])
		}
	}
	return out
}

// withoutCustomSections returns bin without its custom sections (nil if it is not as expected).
func withoutCustomSections(bin []byte) []byte {
	if len(bin) < 8 {
		return nil
	}
	out := append([]byte(nil), bin[:8]...)
	for p := bin[8:]; len(p) > 0; {
		size, n := uleb(p[1:])
		if n == 0 || uint64(len(p)-1-n) < uint64(size) {
			return nil
		}
		if p[0] != 0 {
			out = append(out, p[:1+n+int(size)]...)
		}
		p = p[1+n+int(size):]
	}
	return out
}

// parseExports reads the export section of a module that compiled, in its order (nil if it has
// none or is not as expected).
func parseExports(bin []byte) []wasmExport {
	body := section(bin, 7)
	if body == nil {
		return nil
	}
	count, n := uleb(body)
	body = body[n:]
	var out []wasmExport
	for i := uint32(0); i < count; i++ {
		l, n := uleb(body)
		if n == 0 || uint64(len(body)-n) < uint64(l)+1 {
			return nil
		}
		name := string(body[n : n+int(l)])
		body = body[n+int(l):]
		kind := body[0]
		idx, n := uleb(body[1:])
		if n == 0 {
			return nil
		}
		body = body[1+n:]
		out = append(out, wasmExport{name, kind, idx})
	}
	return out
}

// uleb decodes an unsigned LEB128 u32; n is 0 when it is malformed.
func uleb(p []byte) (v uint32, n int) {
	var shift uint
	for i, b := range p {
		if i == 5 {
			return 0, 0
		}
		v |= uint32(b&0x7f) << shift
		if b&0x80 == 0 {
			return v, i + 1
		}
		shift += 7
	}
	return 0, 0
}

func appendULEB(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

func appendName(b []byte, s string) []byte {
	return append(appendULEB(b, uint32(len(s))), s...)
}

func appendSection(b []byte, id byte, body []byte) []byte {
	return append(appendULEB(append(b, id), uint32(len(body))), body...)
}

// the reference types a table's elements have
const (
	funcRef   = 0x70
	externRef = 0x6f
)

// appendTableImport appends an import of the table name (of elem, at least 0) of the instance
// called inst in its runtime.
func appendTableImport(b []byte, inst, name string, elem byte) []byte {
	b = appendName(appendName(b, inst), name)
	return append(b, 0x01, elem, 0x00, 0x00)
}

// tableElem returns the element type of table index of a module that compiled (funcref if it
// cannot tell): imported tables come first in the index space, then the table section's.
func tableElem(bin []byte, index uint32) byte {
	elem, found := byte(funcRef), false
	if body := section(bin, 2); body != nil {
		walkImports(body, func(_ int, _, _ string, kind byte, desc []byte) {
			if kind != 1 || found || len(desc) == 0 {
				return
			}
			if index == 0 {
				elem, found = desc[0], true
				return
			}
			index--
		})
	}
	if found {
		return elem
	}
	body := section(bin, 4)
	count, n := uleb(body)
	if n == 0 {
		return funcRef
	}
	body = body[n:]
	for i := uint32(0); i < count && len(body) > 0; i++ {
		if i == index {
			return body[0]
		}
		l, ok := limitsLen(body[1:])
		if !ok {
			break
		}
		body = body[1+l:]
	}
	return funcRef
}

func appendFuncType(b []byte, params, results []api.ValueType) []byte {
	b = append(appendULEB(append(b, 0x60), uint32(len(params))), params...)
	return append(appendULEB(b, uint32(len(results))), results...)
}

var wasmHeader = []byte{0, 'a', 's', 'm', 1, 0, 0, 0}

// tableOpsModule is a module importing the table name, whose elements are elem, that exports
// size() i32, grow(n) i32 (the old size, or -1; new slots null), isnull(i) i32 and clear(i)
// (sets slot i to null); for an externref table also get(i) externref and set(i, externref).
func tableOpsModule(inst, name string, elem byte) []byte {
	i32 := api.ValueTypeI32
	ext := api.ValueTypeExternref
	b := append([]byte(nil), wasmHeader...)
	var types []byte
	types = append(types, 5)
	types = appendFuncType(types, nil, []api.ValueType{i32})
	types = appendFuncType(types, []api.ValueType{i32}, []api.ValueType{i32})
	types = appendFuncType(types, []api.ValueType{i32}, nil)
	types = appendFuncType(types, []api.ValueType{i32}, []api.ValueType{ext})
	types = appendFuncType(types, []api.ValueType{i32, ext}, nil)
	b = appendSection(b, 1, types)
	b = appendSection(b, 2, appendTableImport([]byte{1}, inst, name, elem))
	funcs := []byte{0, 1, 1, 2}
	names := []string{"size", "grow", "isnull", "clear"}
	code := [][]byte{
		{0xfc, 16, 0, 0x0b},                      // table.size 0
		{0xd0, elem, 0x20, 0, 0xfc, 15, 0, 0x0b}, // table.grow 0 (ref.null) n
		{0x20, 0, 0x25, 0, 0xd1, 0x0b},           // ref.is_null (table.get 0 i)
		{0x20, 0, 0xd0, elem, 0x26, 0, 0x0b},     // table.set 0 i (ref.null)
	}
	if elem == externRef {
		funcs = append(funcs, 3, 4)
		names = append(names, "get", "set")
		code = append(code,
			[]byte{0x20, 0, 0x25, 0, 0x0b},          // table.get 0 i
			[]byte{0x20, 0, 0x20, 1, 0x26, 0, 0x0b}) // table.set 0 i v
	}
	b = appendSection(b, 3, append([]byte{byte(len(funcs))}, funcs...))
	var ex []byte
	ex = append(ex, byte(len(names)))
	for i, n := range names {
		ex = append(appendName(ex, n), 0, byte(i))
	}
	b = appendSection(b, 7, ex)
	var cs []byte
	cs = append(cs, byte(len(code)))
	for _, c := range code {
		cs = append(appendULEB(cs, uint32(len(c)+1)), 0) // no locals
		cs = append(cs, c...)
	}
	return appendSection(b, 10, cs)
}

// tablePutModule imports host's function f of the given type and the table name, and exports
// put(i), which stores a reference to f in slot i.
func tablePutModule(inst, name, host string, params, results []api.ValueType) []byte {
	b := append([]byte(nil), wasmHeader...)
	types := appendFuncType([]byte{2}, params, results)
	types = appendFuncType(types, []api.ValueType{api.ValueTypeI32}, nil)
	b = appendSection(b, 1, types)
	imp := appendName(appendName([]byte{2}, host), "f")
	imp = append(imp, 0x00, 0)
	b = appendSection(b, 2, appendTableImport(imp, inst, name, funcRef))
	b = appendSection(b, 3, []byte{1, 1})
	ex := append(appendName([]byte{2}, "put"), 0, 1)
	ex = append(appendName(ex, "f"), 0, 0) // exported, so that ref.func may name it
	b = appendSection(b, 7, ex)
	body := []byte{0, 0x20, 0, 0xd2, 0, 0x26, 0, 0x0b} // table.set 0 i (ref.func 0)
	return appendSection(b, 10, append(appendULEB([]byte{1}, uint32(len(body))), body...))
}

// exportSig is what a function an instance exports calls: its type, to put it in a table.
type exportSig struct {
	params, results []api.ValueType
}

// exportSigs maps the export functions of a runtime's instances (held weakly) to their types.
type exportSigs struct {
	mu sync.Mutex
	m  map[weak.Pointer[goja.Object]]*exportSig
}

func (e *exportSigs) add(fn *goja.Object, sig *exportSig) {
	k := weak.Make(fn)
	e.mu.Lock()
	if e.m == nil {
		e.m = map[weak.Pointer[goja.Object]]*exportSig{}
	}
	e.m[k] = sig
	e.mu.Unlock()
	runtime.AddCleanup(fn, func(k weak.Pointer[goja.Object]) {
		e.mu.Lock()
		delete(e.m, k)
		e.mu.Unlock()
	}, k)
}

func (e *exportSigs) get(fn *goja.Object) *exportSig {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.m[weak.Make(fn)]
}

// wasmTable is an exported table, the handle behind a WebAssembly.Table.
type wasmTable struct {
	s      *state
	r      wazero.Runtime
	inst   api.Module
	prefix string // the instance's names' prefix in r (see state.instantiate)
	// adopted: r is another thread's, so what is made in it closes with this thread
	adopted bool
	index   uint32 // in the instance's table index space
	name    string // its export name
	ops     api.Module
	types   [][2][]api.ValueType // the module's function types, for get
	vals    map[uint32]goja.Value
	puts    map[*goja.Object]api.Function
	nHosts  int
	extern  bool // its elements are externref: any JS value, held through s.refs
}

func (t *wasmTable) call(name string, args ...uint64) uint64 {
	out, err := t.ops.ExportedFunction(name).Call(t.s.h.Ctx, args...)
	if err != nil {
		panic(t.s.h.VM.NewGoError(err))
	}
	if len(out) == 0 {
		return 0
	}
	return out[0]
}

// Length is the table's size.
func (t *wasmTable) Length() uint32 { return uint32(t.call("size")) }

func (t *wasmTable) checkIndex(method string, i goja.Value) uint32 {
	f := i.ToFloat()
	size := t.Length()
	if f != f || f < 0 || f >= float64(size) || f != float64(uint32(f)) {
		panic(t.s.rangeError(fmt.Sprintf("WebAssembly.Table.%s(): invalid index %s into function table", method, i.String())))
	}
	return uint32(f)
}

// Get returns slot i: null, the function set there from JS, or a function calling the one the
// module put there; in an externref table the value there.
func (t *wasmTable) Get(i goja.Value) goja.Value {
	idx := t.checkIndex("get", i)
	if t.extern {
		return t.s.refs.value(t.s.h.VM, t.call("get", uint64(idx)))
	}
	if t.call("isnull", uint64(idx)) != 0 {
		return goja.Null()
	}
	if v, ok := t.vals[idx]; ok {
		return v
	}
	vm := t.s.h.VM
	ctx := t.s.h.Ctx
	var fn api.Function
	var sig [2][]api.ValueType
	for _, ty := range t.types {
		if f := lookupFunction(t.inst, t.index, idx, ty[0], ty[1]); f != nil {
			fn, sig = f, ty
			break
		}
	}
	if fn == nil {
		return goja.Null()
	}
	v := t.s.exportFunc(vm, ctx, fmt.Sprint(idx), fn, sig[0], sig[1])
	if t.vals == nil {
		t.vals = map[uint32]goja.Value{}
	}
	t.vals[idx] = v
	return v
}

// lookupFunction is wazero's table.LookupFunction, nil where slot off is null or of another type.
func lookupFunction(m api.Module, index, off uint32, params, results []api.ValueType) (f api.Function) {
	defer func() {
		if recover() != nil {
			f = nil
		}
	}()
	return table.LookupFunction(m, index, off, params, results)
}

// Set puts v in slot i: in a funcref table null (or undefined) or a function a WebAssembly
// instance exports; in an externref table any value.
func (t *wasmTable) Set(i goja.Value, v goja.Value) {
	idx := t.checkIndex("set", i)
	t.put(idx, v, "set")
}

func (t *wasmTable) put(idx uint32, v goja.Value, method string) {
	vm := t.s.h.VM
	if t.extern {
		t.call("set", uint64(idx), t.s.refs.ref(v))
		return
	}
	if goja.IsNull(v) || goja.IsUndefined(v) {
		t.call("clear", uint64(idx))
		delete(t.vals, idx)
		return
	}
	fn, _ := v.(*goja.Object)
	var sig *exportSig
	if fn != nil {
		sig = t.s.sigs.get(fn)
	}
	if sig == nil {
		panic(vm.NewTypeError("WebAssembly.Table." + method + "(): Argument 1 is invalid for table: function-typed object must be null (if nullable) or a Wasm function object"))
	}
	put := t.puts[fn]
	if put == nil {
		call, _ := goja.AssertFunction(fn)
		ctx := t.s.h.Ctx
		t.nHosts++
		host := fmt.Sprintf("%sgojs:table:%d:%d", t.prefix, t.index, t.nHosts)
		params, results := sig.params, sig.results
		hm, err := t.r.NewHostModuleBuilder(host).NewFunctionBuilder().WithGoModuleFunction(api.GoModuleFunc(func(ctx context.Context, m api.Module, stack []uint64) {
			callJS(vm, &t.s.refs, call, params, results, stack)
		}), params, results).Export("f").Instantiate(ctx)
		if err != nil {
			panic(vm.NewGoError(err))
		}
		if t.adopted {
			t.s.closeWith(hm)
		}
		m, err := t.r.InstantiateWithConfig(ctx, tablePutModule(t.prefix+instanceName, t.name, host, params, results), wazero.NewModuleConfig().WithName(host+":put"))
		if err != nil {
			panic(vm.NewGoError(err))
		}
		if t.adopted {
			t.s.closeWith(m)
		}
		put = m.ExportedFunction("put")
		if t.puts == nil {
			t.puts = map[*goja.Object]api.Function{}
		}
		t.puts[fn] = put
	}
	if _, err := put.Call(t.s.h.Ctx, uint64(idx)); err != nil {
		panic(vm.NewGoError(err))
	}
	if t.vals == nil {
		t.vals = map[uint32]goja.Value{}
	}
	t.vals[idx] = fn
}

// Grow adds delta slots, each null or init, and returns the old size (-1 when it cannot).
func (t *wasmTable) Grow(delta uint32, init goja.Value) int64 {
	old := int32(t.call("grow", uint64(delta)))
	if old < 0 {
		return -1
	}
	if t.extern || !goja.IsUndefined(init) && !goja.IsNull(init) {
		for i := uint32(0); i < delta; i++ {
			t.put(uint32(old)+i, init, "grow")
		}
	}
	return int64(old)
}

// callJS calls a JS function from wasm with the arguments on stack, leaving its result there.
func callJS(vm *goja.Runtime, refs *externRefs, fn goja.Callable, params, results []api.ValueType, stack []uint64) {
	defer func() {
		if r := recover(); r != nil {
			panic(&jsPanic{r})
		}
	}()
	args := make([]goja.Value, len(params))
	for j, t := range params {
		args[j] = toJS(vm, refs, stack[j], t)
	}
	v, err := fn(goja.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	if len(results) == 1 {
		stack[0] = toWasm(vm, refs, v, results[0])
	}
}

// parseTypes reads the type section of a module that compiled (nil if it is not as expected).
func parseTypes(bin []byte) [][2][]api.ValueType {
	body := section(bin, 1)
	if body == nil {
		return nil
	}
	count, n := uleb(body)
	body = body[n:]
	var out [][2][]api.ValueType
	for i := uint32(0); i < count && len(body) > 0; i++ {
		if body[0] != 0x60 {
			return out // a GC-proposal type: stop there
		}
		body = body[1:]
		var ty [2][]api.ValueType
		for k := 0; k < 2; k++ {
			c, n := uleb(body)
			if n == 0 || uint64(len(body)-n) < uint64(c) {
				return out
			}
			ty[k] = append([]api.ValueType(nil), body[n:n+int(c)]...)
			body = body[n+int(c):]
		}
		out = append(out, ty)
	}
	return out
}
