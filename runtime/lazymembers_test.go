package runtime

import (
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/modules"
	fsmod "github.com/gojs-dev/gojs/modules/fs"
)

// lazyMembersScripts each look at require('fs') in a new runtime, in another order.
var lazyMembersScripts = []string{
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
	fs.stat('/', (err, st) => console.log(err, st.isDirectory()));
	fs.promises.stat('/').then((st) => console.log('p', st.isDirectory()));
	Object.freeze(fs); console.log(Object.isFrozen(fs), Object.getOwnPropertyDescriptor(fs, 'rm').writable, typeof fs.rmdir);`,
}

// TestLazyMembersSameAsEager runs each script with fs's exports lazy, made at once (the
// fallback) and from the glue as written: the three outputs must be the same.
func TestLazyMembersSameAsEager(t *testing.T) {
	if !globalTemplate().canTemplatize() {
		t.Fatal("templatize is not available: goja's layout changed")
	}
	// fs as written: a copy of its glue (so that it compiles apart), without LazyExports
	plain := fsmod.Module
	plain.LazyExports = false
	plain.JSParts = nil
	for _, p := range fsmod.Module.JSParts {
		s := strings.Clone(*p)
		plain.JSParts = append(plain.JSParts, &s)
	}
	for i, src := range lazyMembersScripts {
		lazy, rt := runGlobals(t, Options{Permissions: AllowAll}, src)
		if rt.lazyMakers["fs"] == nil && i == 0 {
			t.Fatal("fs's exports are not lazy")
		}
		eagerMembersForTest = true
		eager, _ := runGlobals(t, Options{Permissions: AllowAll}, src)
		eagerMembersForTest = false
		orig, _ := runGlobals(t, Options{Permissions: AllowAll, Modules: []*modules.Module{&plain}}, src)
		sameLines(t, lazy, orig)
		sameLines(t, eager, orig)
	}
}
