package runtime

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// TestGlobalTemplateLayout fails when goja's layout no longer lets the lazy globals join the
// global object's template (they would then be defined eagerly again: slower, not wrong).
func TestGlobalTemplateLayout(t *testing.T) {
	if !globalTemplate().ok {
		t.Fatal("the global template probe failed: goja's layout changed")
	}
	if _, names := lazyTemplate(); len(names) != len(lazyGlobalTable) {
		t.Fatalf("lazy template names: %d, want %d", len(names), len(lazyGlobalTable))
	}
}

// globalsScript prints what a script can see of globalThis and the lazy globals.
const globalsScript = `
const out = [];
const names = Object.getOwnPropertyNames(globalThis);
out.push(names.join(' '));
out.push(Object.keys(globalThis).join(' '));
const fi = []; for (const k in globalThis) fi.push(k); out.push(fi.join(' '));
for (const k of names) {
  const d = Object.getOwnPropertyDescriptor(globalThis, k);
  const p = [k, 'get' in d ? 'acc' : 'data', d.enumerable, d.configurable, d.writable];
  if (d.get) p.push(d.get.name, d.get.length, d.get === d.set, typeof d.get.prototype, String(d.get));
  if (typeof d.value === 'function') p.push(d.value.name, d.value.length, String(d.value).length);
  out.push(p.join(','));
}
const st = setTimeout;
out.push(typeof st[require('util').promisify.custom], require('timers').setTimeout === st);
out.push(require('timers').setImmediate === setImmediate, structuredClone({ a: 1 }).a);
delete globalThis.Blob; out.push(typeof globalThis.Blob, 'Blob' in globalThis, Object.getOwnPropertyNames(globalThis).includes('Blob'));
globalThis.TextEncoder = 5; out.push(TextEncoder, Object.getOwnPropertyDescriptor(globalThis, 'TextEncoder').enumerable);
URL = 7; out.push(URL, typeof Buffer.from, Object.getOwnPropertyDescriptor(globalThis, 'Buffer').get.name);
out.push(Object.getOwnPropertyNames(globalThis).length, Reflect.ownKeys(globalThis).length);
for (const o of [JSON, Proxy]) {
  for (const k of Reflect.ownKeys(o)) {
    const d = Object.getOwnPropertyDescriptor(o, k);
    out.push([String(k), d.enumerable, d.writable, typeof d.value, d.value && d.value.name, d.value && d.value.length, String(d.value)].join());
  }
}
try { JSON.parse('{bad'); } catch (e) { out.push(e.message); }
out.push(JSON.stringify({ a: [1, 'x', null], b: undefined }), new Proxy({}, {}) instanceof Object);
class P {} out.push(new Proxy(P, {}) instanceof Function, typeof Proxy.revocable);
for (const C of [String, Number, BigInt, Date, Array, Object]) {
  const p = C.prototype;
  out.push(C.name + ': ' + Reflect.ownKeys(p).map(String).join(' '));
  for (const k of ['isWellFormed', 'toWellFormed', 'localeCompare', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']) {
    const d = Object.getOwnPropertyDescriptor(p, k);
    if (d) out.push([k, d.enumerable, d.writable, d.configurable, d.value.name, d.value.length, String(d.value)].join());
  }
}
out.push((1234.5).toLocaleString(), 12345678901234567890n.toLocaleString(), [1000, 2].toLocaleString(), 'a'.localeCompare('b'));
out.push(new Date(0).toLocaleDateString('en-US', { timeZone: 'UTC' }), 'a\uD800'.isWellFormed(), 'a\uD800'.toWellFormed().charCodeAt(1));
const o = {}; o.__defineGetter__('g', function () { return 9; }); out.push(o.g, typeof o.__lookupGetter__('g'), o.__lookupSetter__('g'));
out.push(Object.keys(Object.prototype).length, 'isWellFormed' in String.prototype, Object.getOwnPropertyNames(String.prototype).indexOf('toWellFormed'));
console.log(out.join('\n'));
`

func runGlobals(t *testing.T, opts Options, src string) (string, *Runtime) {
	t.Helper()
	var out strings.Builder
	opts.Stdout, opts.Stderr = &out, &out
	rt, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.Close() })
	if _, err := rt.RunScript(context.Background(), "g.js", src); err != nil {
		t.Fatal(err, out.String())
	}
	return out.String(), rt
}

// TestGlobalTemplateSameAsEager checks that the lazy globals made from the global template
// (a runtime with the default built-ins) look in every way as the ones defined at start (a
// runtime given the same built-ins by name).
func TestGlobalTemplateSameAsEager(t *testing.T) {
	tmplOut, tmplRT := runGlobals(t, Options{Permissions: AllowAll}, globalsScript)
	if !tmplRT.lazy.templated || tmplRT.lazy.protos[0] == nil {
		t.Fatal("a runtime with the default built-ins did not use the global and prototype templates")
	}
	chosenOut, chosenRT := runGlobals(t, Options{Permissions: AllowAll, Builtins: defaultPublicBuiltins()}, globalsScript)
	if chosenRT.lazy.templated || !chosenRT.lazy.attached {
		t.Fatal("a runtime with chosen built-ins: want the base template, not the lazy globals'")
	}
	eagerGlobalsForTest = true
	eagerOut, eagerRT := runGlobals(t, Options{Permissions: AllowAll}, globalsScript)
	eagerGlobalsForTest = false
	if eagerRT.lazy.templated || eagerRT.lazy.attached {
		t.Fatal("eagerGlobalsForTest: the runtime used a template")
	}
	sameLines(t, tmplOut, eagerOut)
	sameLines(t, chosenOut, eagerOut)
}

func sameLines(t *testing.T, tmplOut, eagerOut string) {
	t.Helper()
	if tmplOut != eagerOut {
		a, b := strings.Split(tmplOut, "\n"), strings.Split(eagerOut, "\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("line %d:\ntemplate: %s\neager:    %s", i, a[i], b[i])
			}
		}
		t.Fatalf("outputs differ in length: %d and %d lines", len(a), len(b))
	}
}

// TestGlobalTemplateAdoptFirst: a module that adopts its global's forwarder before the global is
// first read (require('timers') first) exports the function the global then holds.
func TestGlobalTemplateAdoptFirst(t *testing.T) {
	out, _ := runGlobals(t, Options{Permissions: AllowAll}, `
const t = require('timers');
console.log(t.setTimeout === setTimeout, t.clearInterval === clearInterval, Object.getPrototypeOf(setTimeout) === Function.prototype);
`)
	if out != "true true true\n" {
		t.Fatalf("got %q", out)
	}
}

// TestGlobalTemplateConcurrent: runtimes on several goroutines share the templates (run it
// under -race).
func TestGlobalTemplateConcurrent(t *testing.T) {
	const src = `console.log(typeof URL, setTimeout === require('timers').setTimeout, JSON.stringify([1]), (1).toLocaleString(), 'x'.isWellFormed(), typeof ({}).__lookupGetter__, typeof Proxy)`
	done := make(chan string, 8)
	for i := 0; i < 4; i++ {
		go func() {
			for j := 0; j < 2; j++ {
				var out strings.Builder
				rt, err := New(Options{Stdout: &out, Stderr: &out, Permissions: AllowAll})
				if err != nil {
					done <- err.Error()
					continue
				}
				if _, err := rt.RunScript(context.Background(), "c.js", src); err != nil {
					out.WriteString(err.Error())
				}
				rt.Close()
				done <- out.String()
			}
		}()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; got != "function true [1] 1 true function function\n" {
			t.Fatalf("got %q", got)
		}
	}
}

// TestGlobalTemplateOptionsGlobals: an embedder's global named as a lazy global replaces it.
func TestGlobalTemplateOptionsGlobals(t *testing.T) {
	src := `const d = Object.getOwnPropertyDescriptor(globalThis, 'fetch'); console.log(fetch, typeof d.get, d.enumerable, Object.keys(globalThis).includes('fetch'))`
	got, _ := runGlobals(t, Options{Permissions: AllowAll, Globals: map[string]any{"fetch": "mine"}}, src)
	eagerGlobalsForTest = true
	want, _ := runGlobals(t, Options{Permissions: AllowAll, Globals: map[string]any{"fetch": "mine"}}, src)
	eagerGlobalsForTest = false
	if got != want {
		t.Fatalf("template: %q, eager: %q", got, want)
	}
}

// TestGlobalTemplateRound runs the whole mechanism on a bare goja runtime: entries made on first
// read (and not before), listed in place, deleted for good, goja's own entries wrapped.
func TestGlobalTemplateRound(t *testing.T) {
	l := globalTemplate()
	if !l.ok {
		t.Skip("layout unknown")
	}
	vm := goja.New()
	g := vm.GlobalObject()
	made, jsonMade := 0, 0
	entry := func(name string, v int64, enumerable goja.Flag) globalTemplateFactory {
		return func(r *goja.Runtime) goja.Value {
			made++
			return l.ownProperty(r, name, func(o *goja.Object) {
				_ = o.DefineDataProperty(name, r.ToValue(v), goja.FLAG_TRUE, goja.FLAG_TRUE, enumerable)
			})
		}
	}
	base := l.extend(reflect.Value{}, map[string]globalTemplateFactory{
		"JSON": l.wrapGoja("JSON", func(r *goja.Runtime, v goja.Value) goja.Value {
			jsonMade++
			if o, ok := l.dataValue(v).(*goja.Object); !ok || o.Get("stringify") == nil {
				t.Error("JSON's factory: no JSON object")
			}
			return v
		}),
	})
	if !l.attach(g, base, nil) {
		t.Fatal("attach")
	}
	_ = g.Set("zzFirst", 0) // (a runtime's global has its list of names by then)
	if !l.retemplate(g, l.extend(base, map[string]globalTemplateFactory{"zzA": entry("zzA", 1, goja.FLAG_FALSE),
		"zzB": entry("zzB", 2, goja.FLAG_TRUE)}), []string{"zzA", "zzB"}, "zzFirst", "zzA") {
		t.Fatal("retemplate")
	}
	if all := l.ownNames(g); made != 0 || strings.Join(all[len(all)-3:], " ") != "zzA zzFirst zzB" {
		t.Fatalf("names %v, %d made", all[len(all)-3:], made)
	}
	v, err := vm.RunString(`[Object.getOwnPropertyDescriptor(globalThis, 'zzA').enumerable, zzB, Object.keys(globalThis).slice(-2).join(), delete globalThis.zzA, 'zzA' in globalThis, typeof JSON.parse, Object.getOwnPropertyNames(globalThis).slice(-2).join()]`)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(v.Export()); got != "[false 2 zzFirst,zzB true false function zzFirst,zzB]" || made != 2 || jsonMade != 1 {
		t.Fatalf("got %s, %d made, JSON made %d times", got, made, jsonMade)
	}
}
