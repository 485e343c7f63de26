package modules

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
)

func TestAsyncMethodOffsets(t *testing.T) {
	for src, want := range map[string]int{
		"class A { async m() {} }":             1,
		"({ async [k]() {}, async 'q'() {} })": 2,
		"x.async = 1; async(); f(async)":       0,
		"const f = async function () {}":       0,
		"const g = async (a) => a":             0,
		"const h = async a => a":               1, // (an arrow: walked for nothing)
		"({ async: 1, async() {} })":           0,
		"asyncFoo(); isasync()":                0,
	} {
		if got := len(asyncMethodOffsets(src)); got != want {
			t.Errorf("asyncMethodOffsets(%q): %d places, want %d", src, got, want)
		}
	}
}

func TestFixAsyncMethods(t *testing.T) {
	src := `var AF = (async () => {}).constructor;
var H = 0;
globalThis['%gojs_asyncMethods'] = function (o) { H++; for (const t of [o, o.prototype]) if (t) for (const k of Object.getOwnPropertyNames(t)) { const d = Object.getOwnPropertyDescriptor(t, k); if (typeof d.value === 'function' && String(d.value).startsWith('async ')) Object.setPrototypeOf(d.value, AF.prototype); } return o; };
class A { async m() {} n() {} static async s() {} }
var o = { async m() {}, n() {} };
var p = { n() {} };
[A.prototype.m instanceof AF, A.s instanceof AF, A.prototype.n instanceof AF, o.m instanceof AF, o.n instanceof AF, H].join();`
	prg, err := parser.ParseFile(nil, "t.js", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	FixAsyncMethods(prg, src)
	p, err := goja.CompileAST(prg, false)
	if err != nil {
		t.Fatal(err)
	}
	v, err := goja.New().RunProgram(p)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := v.String(), "true,true,false,true,false,2"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
