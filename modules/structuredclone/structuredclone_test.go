package structuredclone_test

import (
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

func TestClone(t *testing.T) {
	runtimetest.Expect(t, `
const o = { m: new Map([[1, new Set([2])]]), d: new Date(5), r: /a/g, t: new Uint16Array([1, 2]) };
o.o = o;
const c = structuredClone(o);
const ab = new ArrayBuffer(4);
const moved = structuredClone(ab, { transfer: [ab] });
let err;
try { structuredClone(() => 1); } catch (e) { err = e.name + ' ' + e.code; }
process.stdout.write([c !== o, c.o === c, c.m.get(1).has(2), c.d.getTime(), c.r.source + c.r.flags, c.t[1],
  ab.byteLength, moved.byteLength, err].join(',') + '\n');
`, "true,true,true,5,ag,2,0,4,DataCloneError 25\n")
}
