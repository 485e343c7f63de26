package progimage

import (
	"bytes"
	"encoding/binary"
	"hash/fnv"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/dop251/goja"
)

// glueSources returns the JS glue of the repository, each as the script goja compiles: the
// runtime's scripts as they are, modules' glue in the function the module loader wraps it in.
func glueSources(t testing.TB) map[string]string {
	out := map[string]string{}
	files, _ := filepath.Glob("../../../runtime/js/*.js")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = string(b)
	}
	mods, _ := filepath.Glob("../../*/*.js")
	for _, f := range mods {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = "(function (exports, require, module, binding, internalBinding) {" + string(b) + "\n})"
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	n := 0
	for name, src := range glueSources(t) {
		prg, err := goja.Compile(name, src, true)
		if err != nil {
			continue // not a script on its own (an ES module, a fragment)
		}
		img, err := Encode(prg, src)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		back, err := Decode(img, src)
		if err != nil {
			t.Errorf("%s: decode: %v", name, err)
			continue
		}
		img2, err := Encode(back, src)
		if err != nil {
			t.Errorf("%s: encode again: %v", name, err)
			continue
		}
		if !bytes.Equal(img, img2) {
			t.Errorf("%s: the decoded program encodes differently (%d vs %d bytes)", name, len(img), len(img2))
		}
		n++
	}
	if n < 20 {
		t.Fatalf("only %d glue programs compiled", n)
	}
}

// TestRuns checks that a decoded program runs as the compiled one does.
func TestRuns(t *testing.T) {
	src := `
	const re = /a(b+)c/gi, re2 = /(?<x>\d+)(?=px)/u;
	class A { #p = 1; static s = 2; get p() { return this.#p; } m(...a) { return a.length; } }
	function* g() { yield 1; yield* [2, 3]; }
	async function f() { await null; return 'async'; }
	const o = { a: 1, ['b' + 1]: 2, ...{ c: 3 } };
	let s = '';
	for (const k in o) s += k;
	label: for (let i = 0; i < 3; i++) { for (;;) { if (i) continue label; break; } }
	const tag = (x, ...v) => x.raw.join('|') + v.join(',');
	[re.exec('xABBCx')[1], '10px'.match(re2).groups.x, new A().p, A.s, new A().m(1, 2), [...g()].join(), s,
	 tag` + "`a${1}b${2}c`" + `, (() => { try { throw new Error('e') } catch ({ message }) { return message } finally { s = 1 } })(),
	 typeof f, String(function named(a, b) { return a + b; })].join(';')`
	prg, err := goja.Compile("t.js", src, false)
	if err != nil {
		t.Fatal(err)
	}
	img, err := Encode(prg, src)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(img, strings.Clone(src))
	if err != nil {
		t.Fatal(err)
	}
	want, err := goja.New().RunProgram(prg)
	if err != nil {
		t.Fatal(err)
	}
	got, err := goja.New().RunProgram(back)
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Fatalf("got %q, want %q", got, want)
	}
	t.Log(got)
}

func TestRefusesOtherLayout(t *testing.T) {
	src := "1+1"
	prg, _ := goja.Compile("t.js", src, false)
	img, err := Encode(prg, src)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(img, []byte("github.com/dop251/goja."))
	bad := bytes.Clone(img)
	bad[i+len("github.com/dop251/goja.")] = 'Z'
	if _, err := Decode(bad, src); err == nil {
		t.Fatal("decoded an image naming a type this binary lacks")
	}
	if _, err := Decode(img[:len(img)-1], src); err == nil {
		t.Fatal("decoded a cut image")
	}
}

func BenchmarkLoader(b *testing.B) {
	b0, _ := os.ReadFile("../../../runtime/js/loader.js")
	src := string(b0)
	prg, _ := goja.Compile("loader", src, true)
	img, _ := Encode(prg, src)
	b.Logf("image %d bytes for %d of source", len(img), len(src))
	b.Run("compile", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			goja.Compile("loader", src, true)
		}
	})
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := Decode(img, src); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestGlobals checks that goja's own instructions (the yield markers, told apart by address)
// come back as themselves.
func TestGlobals(t *testing.T) {
	g := probeGlobals()
	if len(g.ptrs) != len(gojaGlobals) {
		t.Fatalf("a walk found %d of goja's global instructions, gojaGlobals has %d", len(g.ptrs), len(gojaGlobals))
	}
	for i, p := range g.ptrs {
		if *gojaGlobals[i] != p {
			t.Fatalf("goja global %d: the walk found %p, gojaGlobals has %p", i, p, *gojaGlobals[i])
		}
	}
	src := `function* gen() { yield; yield 1; const x = yield* [2, 3]; return x; }
	async function f() { await null; return 4; }
	const it = gen(); [it.next().value, it.next().value, it.next().value, it.next().value, it.next().done, typeof f().then].join()`
	prg, _ := goja.Compile("t.js", src, false)
	img, err := Encode(prg, src)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(img, src)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := goja.New().RunProgram(prg)
	got, err := goja.New().RunProgram(back)
	if err != nil || got.String() != want.String() {
		t.Fatalf("got %v (%v), want %v", got, err, want)
	}
}

const globalsProbe = `function* g() { yield 1; const a = yield 2; yield* [a]; const b = yield* [b]; }
async function f() { await 1; }
class C { static #p = 1; static { this.x = 1; } #m() {} x = 1; }`

type globals struct {
	ptrs  []unsafe.Pointer
	index map[uintptr]int
}

// probeGlobals finds goja's global instructions the slow way: the pointers that two programs
// compiled apart from globalsProbe, which uses every construct that emits one, share.
func probeGlobals() *globals {
	var seen [2][]unsafe.Pointer
	for i := range seen {
		prg, err := goja.Compile("", globalsProbe, true)
		if err != nil {
			panic(err)
		}
		visited := map[uintptr]bool{}
		var walk func(v reflect.Value)
		walk = func(v reflect.Value) {
			switch v.Kind() {
			case reflect.Pointer:
				if v.IsNil() || visited[v.Pointer()] || specialOf(v.Type().Elem()) != specialNone {
					return
				}
				visited[v.Pointer()] = true
				if v.Type().Elem().Size() > 0 {
					seen[i] = append(seen[i], v.UnsafePointer())
				}
				walk(v.Elem())
			case reflect.Interface:
				if !v.IsNil() {
					walk(v.Elem())
				}
			case reflect.Struct:
				for j := 0; j < v.NumField(); j++ {
					walk(field(v, j))
				}
			case reflect.Slice, reflect.Array:
				for j := 0; j < v.Len(); j++ {
					walk(v.Index(j))
				}
			}
		}
		walk(reflect.ValueOf(prg))
	}
	in := map[unsafe.Pointer]bool{}
	for _, p := range seen[1] {
		in[p] = true
	}
	g := &globals{index: map[uintptr]int{}}
	for _, p := range seen[0] {
		if in[p] {
			g.index[uintptr(p)] = len(g.ptrs)
			g.ptrs = append(g.ptrs, p)
		}
	}
	return g
}

// The layout hash that images carry is the one this reference walk through reflect gives: one
// computed from the plans must not drift from it, or every image made before would be refused.
func TestLayoutHashFromPlans(t *testing.T) {
	n := 0
	for name, src := range glueSources(t) {
		prg, err := goja.Compile(name, src, true)
		if err != nil {
			continue
		}
		e := &encoder{src: src, ptrs: map[uintptr]int{}, types: map[reflect.Type]int{}}
		e.value(reflect.ValueOf(prg))
		if e.err != nil {
			t.Fatalf("%s: %v", name, e.err)
		}
		for _, typ := range append([]reflect.Type{programType}, e.typeList...) {
			if got, want := typeLayoutHash(typ), reflectLayoutHash(typ); got != want {
				t.Fatalf("%s: layout hash of %s: %x, the reflect walk gives %x", name, typ, got, want)
			}
			n++
		}
	}
	if n < 100 {
		t.Fatalf("only %d types checked", n)
	}
}

// reflectLayoutHash is typeLayoutHash's definition, walking reflect's types (as the hash was
// computed before plans held what it needs).
func reflectLayoutHash(top reflect.Type) uint64 {
	h := fnvOffset
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		if seen[t] {
			return
		}
		seen[t] = true
		h = h.string(t.PkgPath()).string(t.Name()).uint64(uint64(t.Kind())<<56 | uint64(t.Size()))
		if specialOf(t) != specialNone {
			return
		}
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			if t.Kind() == reflect.Array {
				h = h.uint64(uint64(t.Len()))
			}
			walk(t.Elem())
		case reflect.Map:
			walk(t.Key())
			walk(t.Elem())
		case reflect.Struct:
			if skipStruct(t) {
				return
			}
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				h = h.string(f.Name).uint64(uint64(f.Offset))
				walk(f.Type)
			}
		}
	}
	walk(top)
	return uint64(h)
}

// fnv64a is hash/fnv's FNV-1a.
func TestFNV64a(t *testing.T) {
	h := fnv.New64a()
	h.Write([]byte("abc\x00"))
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], 0x0123456789abcdef)
	h.Write(b[:])
	if got := uint64(fnvOffset.string("abc").uint64(0x0123456789abcdef)); got != h.Sum64() {
		t.Fatalf("%x, hash/fnv gives %x", got, h.Sum64())
	}
}
