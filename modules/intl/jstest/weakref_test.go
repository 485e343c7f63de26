package jstest

import (
	goruntime "runtime"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/runtime"
	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

// gcModule is "testgc": gc() runs Go's collector twice (the second pass runs what the first
// found), then yields so the cleanup goroutine can post.
var gcModule = &modules.Module{Name: "testgc", Bind: func(h *modules.Host, b *goja.Object) error {
	return b.Set("gc", func() {
		for i := 0; i < 3; i++ {
			goruntime.GC()
			time.Sleep(5 * time.Millisecond)
		}
	})
}}

func runGC(t *testing.T, src string) runtimetest.Result {
	t.Helper()
	return runtimetest.Run(t, "const { gc } = require('testgc');\n"+src, func(o *runtime.Options) {
		o.Modules = append(o.Modules, gcModule)
	})
}

func TestWeakRefCollected(t *testing.T) {
	r := runGC(t, `
let ref = (function () { return new WeakRef({ big: new Array(1000).fill(1) }); })();
const strong = {};
const ref2 = new WeakRef(strong);
console.log(typeof ref.deref());     // kept during this job
setTimeout(() => {
  gc();
  console.log(ref.deref() === undefined, ref2.deref() === strong);
}, 1);
`)
	if r.Stdout != "object\ntrue true\n" {
		t.Fatalf("stdout %q stderr %q err %v", r.Stdout, r.Stderr, r.Err)
	}
}

func TestWeakRefKeptDuringJob(t *testing.T) {
	r := runGC(t, `
const ref = (function () { return new WeakRef({}); })();
gc();
console.log(ref.deref() !== undefined);
Promise.resolve().then(() => { gc(); console.log(ref.deref() !== undefined); });
`)
	if r.Stdout != "true\ntrue\n" {
		t.Fatalf("stdout %q stderr %q err %v", r.Stdout, r.Stderr, r.Err)
	}
}

func TestFinalizationRegistry(t *testing.T) {
	r := runGC(t, `
const seen = [];
const fr = new FinalizationRegistry((held) => seen.push(held));
const token = {};
(function () {
  fr.register({}, 'a');
  fr.register({}, 'b', token);
  fr.register({}, 'c');
})();
const keep = {};
fr.register(keep, 'kept');
console.log(fr.unregister(token), fr.unregister(token));
setTimeout(() => {
  gc();
  setTimeout(() => { console.log(seen.sort().join(), typeof keep); }, 20);
}, 1);
`)
	if r.Stdout != "true false\na,c object\n" {
		t.Fatalf("stdout %q stderr %q err %v", r.Stdout, r.Stderr, r.Err)
	}
}

// A pending cleanup never keeps the loop alive: the script ends when its own work does.
func TestFinalizationRegistryDoesNotKeepLoop(t *testing.T) {
	start := time.Now()
	r := runGC(t, `
const fr = new FinalizationRegistry(() => console.log('cleanup'));
fr.register({}, 1);
console.log('end');
`)
	if r.Code != 0 || !strings.HasPrefix(r.Stdout, "end\n") || time.Since(start) > 5*time.Second {
		t.Fatalf("stdout %q stderr %q err %v", r.Stdout, r.Stderr, r.Err)
	}
}

// A throwing cleanup callback is an uncaught exception, as in node.
func TestFinalizationRegistryThrows(t *testing.T) {
	r := runGC(t, `
const fr = new FinalizationRegistry(() => { throw new Error('boom'); });
(function () { fr.register({}, 1); })();
setTimeout(() => { gc(); setTimeout(() => {}, 20); }, 1);
`)
	if r.Code != 1 || !strings.Contains(r.Stderr, "Error: boom") {
		t.Fatalf("code %d stdout %q stderr %q err %v", r.Code, r.Stdout, r.Stderr, r.Err)
	}
}

// Closing the runtime drops callbacks still to come. The targets stay reachable while the script
// runs (a collection during the run may otherwise clean them up, as node may), so they become
// garbage only with the closed runtime, whose cleanups the collections below must drop.
func TestFinalizationAfterClose(t *testing.T) {
	for i := 0; i < 3; i++ {
		r := runGC(t, `
const fr = new FinalizationRegistry(() => console.log('late'));
const keep = [];
for (let i = 0; i < 100; i++) { const o = {}; keep.push(o); fr.register(o, i); }
`)
		if r.Stdout != "" {
			t.Fatalf("stdout %q", r.Stdout)
		}
		goruntime.GC()
		goruntime.GC()
		time.Sleep(10 * time.Millisecond)
	}
}
