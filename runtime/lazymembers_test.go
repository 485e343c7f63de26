package runtime

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dop251/goja"

	"github.com/gojs-dev/gojs/modules"
	fsmod "github.com/gojs-dev/gojs/modules/fs"
	httpmod "github.com/gojs-dev/gojs/modules/http"
)

// lazyMembersScripts each look at require('fs'), require('http') or process in a new runtime, in
// another order.
var lazyMembersScripts = []string{
	// process, before anything else read its methods; then some of them at work
	`const out = [];
	for (const k of Object.getOwnPropertyNames(process)) {
	  const d = Object.getOwnPropertyDescriptor(process, k);
	  const p = [k, 'get' in d ? 'acc' : 'data', d.enumerable, d.configurable, d.writable, typeof d.value];
	  if (typeof d.value === 'function') p.push(d.value.name, d.value.length, String(d.value).length);
	  out.push(p.join());
	}
	out.push(Object.keys(process).join(' '));
	console.log(out.join('\n'));
	console.log(typeof process.cpuUsage().user, process.umask() >= 0, process.hasUncaughtExceptionCaptureCallback(), delete process.abort, 'abort' in process);
	process.emitWarning('w1'); process.on('exit', (c) => console.log('exit', c)); process.exitCode = 3;`,
	// every property, as it is before anything else read one
	`const fs = require('fs'); const out = [];
	for (const k of Object.getOwnPropertyNames(fs)) {
	  const d = Object.getOwnPropertyDescriptor(fs, k);
	  const p = [k, 'get' in d ? 'acc' : 'data', d.enumerable, d.configurable, d.writable, typeof d.value];
	  if (typeof d.value === 'function') {
	    const s = String(d.value);
	    p.push(d.value.name, d.value.length, s.length, s.slice(0, 60).replace(/\n/g, ' '), typeof d.value.prototype);
	  }
	  out.push(p.join());
	}
	out.push(Object.keys(fs).join(' '));
	const fi = []; for (const k in fs) fi.push(k); out.push(fi.join(' '));
	console.log(out.join('\n'));`,
	// reads first, then the names
	`const fs = require('fs');
	console.log(fs.open === fs.open, typeof fs.readFile, fs.readFileSync.name, fs.mkdir.length, 'chmod' in fs, fs.hasOwnProperty('rmSync'));
	console.log(Object.getOwnPropertyNames(fs).join(' '));`,
	// delete, define, assign before a read
	`const fs = require('fs');
	console.log(delete fs.chmod, 'chmod' in fs, fs.chmod, Object.keys(fs).includes('chmod'));
	Object.defineProperty(fs, 'open', { value: 1 });
	const d = Object.getOwnPropertyDescriptor(fs, 'open');
	console.log(d.value, d.writable, d.enumerable, d.configurable);
	fs.stat = 5; console.log(fs.stat, Object.keys(fs).indexOf('stat'), Object.keys(fs).indexOf('open'));
	console.log(Object.getOwnPropertyNames(fs).join(' '));`,
	// copies and inspection
	`const fs = require('fs');
	console.log(Object.keys({ ...fs }).join(' '));
	console.log(Object.entries(fs).filter(([, v]) => typeof v === 'function').length, JSON.stringify(Object.assign({}, fs)).length);
	console.log(require('util').inspect(fs));`,
	// freezing, and the functions at work
	`const fs = require('fs');
	console.log(fs.existsSync('/nonexistent-gojs'), fs.statSync('/').isDirectory());
	try { fs.accessSync('/nonexistent-gojs'); } catch (e) { console.log(e.code, e.syscall); }
	try { fs.readFileSync(1n); } catch (e) { console.log(e.code, e.message); }
	fs.stat('/', (err, st) => {
	  console.log(err, st.isDirectory());
	  fs.promises.stat('/').then((st) => console.log('p', st.isDirectory())); // (after: two I/O completions race)
	});
	Object.freeze(fs); console.log(Object.isFrozen(fs), Object.getOwnPropertyDescriptor(fs, 'rm').writable, typeof fs.rmdir);`,
	// fs.constants (lazy constants): names before values, descriptors, then changes
	`'use strict'; const c = require('fs').constants;
	console.log(Object.getPrototypeOf(c), Object.isExtensible(c), Object.getOwnPropertyNames(c).join(' '));
	console.log(c.O_CREAT, 'S_IFMT' in c, c.hasOwnProperty, Object.prototype.hasOwnProperty.call(c, 'X_OK'));
	console.log(JSON.stringify(Object.getOwnPropertyDescriptors(c)));
	try { delete c.O_RDONLY; } catch (e) { console.log(e.name); }
	try { c.O_RDONLY = 5; } catch (e) { console.log(e.name); }
	c.EXTRA = 1; Object.defineProperty(c, 'HIDDEN', { value: 2 });
	console.log(Object.keys(c).slice(-3).join(' '), require('util').inspect(c).length, Object.isFrozen(Object.freeze(c)));
	const d = require('fs').constants; console.log(d === c, Object.keys(d).length);`,
	// http's prototypes, before anything else read them
	`const http = require('http'); const out = [];
	for (const C of [http.IncomingMessage, http.OutgoingMessage, http.ServerResponse, http.Server, http.Agent, http.ClientRequest]) {
	  const p = C.prototype;
	  out.push(C.name + ': ' + Reflect.ownKeys(p).map(String).join(' '));
	  for (const k of Object.getOwnPropertyNames(p)) {
	    const d = Object.getOwnPropertyDescriptor(p, k);
	    const q = [k, 'get' in d ? 'acc' : 'data', d.enumerable, d.configurable, d.writable, typeof d.value];
	    if (typeof d.value === 'function') q.push(d.value.name, d.value.length, String(d.value).length);
	    out.push(q.join());
	  }
	  const fi = []; for (const k in p) if (Object.prototype.hasOwnProperty.call(p, k)) fi.push(k); out.push(fi.join(' '));
	}
	out.push(Object.keys(http).join(' '), typeof http.createServer, http.createServer.length);
	console.log(out.join('\n'));`,
	// reads, writes and deletes on a prototype, then a request served and answered
	`const http = require('http'); const P = http.ServerResponse.prototype;
	console.log(typeof P.writeHead, P.writeHead === P.writeHead, 'setHeader' in P, P.hasOwnProperty('setHeader'), P.hasOwnProperty('writeContinue'));
	delete P.writeProcessing; P.assignSocket = P.assignSocket; console.log(Object.getOwnPropertyNames(P).join(' '));
	console.log(Object.getOwnPropertyNames(http.OutgoingMessage.prototype).join(' '));
	const srv = http.createServer((req, res) => { res.setHeader('x-a', '1'); res.end('hi ' + req.url); });
	srv.listen(0, '127.0.0.1', () => {
	  http.get({ port: srv.address().port, host: '127.0.0.1', path: '/p' }, (res) => {
	    let body = ''; res.on('data', (d) => { body += d; }); res.on('end', () => {
	      console.log(res.statusCode, res.headers['x-a'], body); srv.close();
	      for (const C of [http.ServerResponse, http.OutgoingMessage, http.IncomingMessage, http.ClientRequest, http.Agent]) {
	        console.log(Object.getOwnPropertyNames(C.prototype).map((k) => k + ':' + typeof Object.getOwnPropertyDescriptor(C.prototype, k).value).join(' '));
	      }
	    });
	  });
	});`,
}

// TestLazyMembersSameAsEager runs each script with fs's, http's and process's members lazy, made at once (the
// fallback) and from the glue as written: the three outputs must be the same.
func TestLazyMembersSameAsEager(t *testing.T) {
	if !globalTemplate().canTemplatize() {
		t.Fatal("templatize is not available: goja's layout changed")
	}
	// fs and http as written: copies of their glue (so that they compile apart), without
	// LazyExports
	plainFS := fsmod.Module
	plainFS.LazyExports = false
	plainFS.JSParts = nil
	for _, p := range fsmod.Module.JSParts {
		s := strings.Clone(*p)
		plainFS.JSParts = append(plainFS.JSParts, &s)
	}
	plainHTTP := httpmod.Module
	plainHTTP.LazyExports = false
	httpJS := strings.Clone(*httpmod.Module.JSRef)
	plainHTTP.JSRef = &httpJS
	for i, src := range lazyMembersScripts {
		lazy, rt := runGlobals(t, Options{Permissions: AllowAll}, src)
		if i == 0 && rt.lazyMakers["bootstrap"] == nil || i == 1 && rt.lazyMakers["fs"] == nil || i == 7 && rt.lazyMakers["http"] == nil {
			t.Fatal("the members are not lazy")
		}
		eagerMembersForTest = true
		eager, _ := runGlobals(t, Options{Permissions: AllowAll}, src)
		eagerMembersForTest = false
		plainBootstrapForTest = true
		orig, _ := runGlobals(t, Options{Permissions: AllowAll, Modules: []*modules.Module{&plainFS, &plainHTTP}}, src)
		plainBootstrapForTest = false
		sameLines(t, lazy, orig)
		sameLines(t, eager, orig)
	}
}

// TestLazyMembersPlainAgain: a prototype whose lazy member a program reads is a plain object
// again (with every member made, in its place) once the checkpoint after that read has run; one
// that only the glue itself touched while loading stays templated.
func TestLazyMembersPlainAgain(t *testing.T) {
	out, rt := runGlobals(t, Options{Permissions: AllowAll}, `const http = require('http');
	globalThis.O = http.OutgoingMessage.prototype; globalThis.I = http.IncomingMessage.prototype;
	console.log(typeof O.setHeader, Object.getOwnPropertyNames(O).length);`)
	lay := globalTemplate()
	o := rt.vm.Get("O").(*goja.Object)
	i := rt.vm.Get("I").(*goja.Object)
	if lay.self(o).tab != lay.baseTab {
		t.Fatal("OutgoingMessage.prototype is still a templated object")
	}
	if lay.self(i).tab != lay.tmplTab {
		t.Fatal("IncomingMessage.prototype is not a templated object")
	}
	for _, n := range modules.LazyMemberNames("http:OutgoingMessage.prototype") {
		if _, ok := goja.AssertFunction(o.Get(n)); !ok {
			t.Fatalf("OutgoingMessage.prototype.%s: %v", n, o.Get(n))
		}
	}
	if !strings.HasPrefix(out, "function ") {
		t.Fatal(out)
	}
}

// TestLazyConstants: fs.constants is a templated object until its values are read, and reads as
// the constants defined one by one (TestLazyMembersSameAsEager compares the two in full).
func TestLazyConstants(t *testing.T) {
	_, rt := runGlobals(t, Options{Permissions: AllowAll}, `globalThis.C = require('fs').constants;
	console.log(Object.getOwnPropertyNames(C).length);`)
	lay := globalTemplate()
	c := rt.vm.Get("C").(*goja.Object)
	if lay.self(c).tab != lay.tmplTab {
		t.Fatal("fs.constants is not a templated object")
	}
	if v := c.Get("O_APPEND"); v == nil || v.ToInteger() != 1024 {
		t.Fatalf("O_APPEND: %v", v)
	}
	if err := c.Set("O_APPEND", 1); err == nil || c.Get("O_APPEND").ToInteger() != 1024 {
		t.Fatalf("O_APPEND is writable: %v", err)
	}
}

// TestLazyMembersESMImport: importing one export of a built-in makes that lazy member alone
// (the namespace takes the others when first read, as they were first made).
func TestLazyMembersESMImport(t *testing.T) {
	if !globalTemplate().canTemplatize() {
		t.Fatal("templatize is not available: goja's layout changed")
	}
	files := fstest.MapFS{
		"app/main.mjs": {Data: []byte("import { gzipSync } from 'zlib';\nimport * as ns from 'node:zlib';\nprocess.stdout.write(typeof gzipSync + ' ' + ('deflateSync' in ns) + '\\n');\n")},
	}
	var out strings.Builder
	rt, err := New(Options{Stdout: &out, Stderr: &out, FS: files, Cwd: "/app", Permissions: &Permissions{FSRead: []string{"/app"}}})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	if code, err := rt.RunMain(context.Background(), "main.mjs"); err != nil || code != 0 {
		t.Fatalf("code %d, err %v\n%s", code, err, out.String())
	}
	if out.String() != "function true\n" {
		t.Fatalf("output %q", out.String())
	}
	first := rt.lazyFirst["zlib"]
	if first == nil || first["gzipSync"] == nil {
		t.Fatalf("gzipSync not taken: %v", first)
	}
	if v, waits := first["deflateSync"]; !waits || v != nil {
		t.Fatalf("deflateSync: waits %v, made %v", waits, v)
	}
}
