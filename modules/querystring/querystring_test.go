package querystring

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// load evaluates the module on a fresh runtime, with a stand-in for require('buffer').
func load(t testing.TB) (*goja.Runtime, goja.Value) {
	t.Helper()
	vm := goja.New()
	h := &modules.Host{VM: vm, Env: map[string]string{}}
	prg, err := Module.Program()
	if err != nil {
		t.Fatal(err)
	}
	fv, err := vm.RunProgram(prg)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(fv)
	binding := vm.NewObject()
	if err := Module.Bind(h, binding); err != nil {
		t.Fatal(err)
	}
	bufShim, _ := vm.RunString(`({ Buffer: { from: function (ab) { return { __buf: Array.from(new Uint8Array(ab)) }; } } })`)
	require := func(name string) goja.Value {
		if name == "buffer" {
			return bufShim
		}
		panic(vm.NewTypeError("no module " + name))
	}
	module := vm.NewObject()
	exports := vm.NewObject()
	module.Set("exports", exports)
	if _, err := fn(goja.Undefined(), exports, vm.ToValue(require), module, binding, goja.Undefined()); err != nil {
		t.Fatal(err)
	}
	return vm, module.Get("exports")
}

var surr = regexp.MustCompile(`\\u(d[89a-f][0-9a-f]{2})`)

type nodeCase struct {
	Fn   string            `json:"fn"`
	Args []json.RawMessage `json:"args"`
	OK   json.RawMessage   `json:"ok"`
	Err  string            `json:"err"`
}

func TestAgainstNode(t *testing.T) {
	data, err := os.ReadFile("testdata/node_cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []nodeCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	vm, qs := load(t)
	vm.Set("qs", qs)
	run, err := vm.RunString(`(function (fn, args) {
		try {
			// goja's JSON.parse turns lone surrogates into U+FFFD: they come marked instead.
			var a = JSON.parse(args).map(function (x) {
				return typeof x === 'string' ? x.replace(/@@SURR@@([0-9a-f]{4})/g, function (m, h) { return String.fromCharCode(parseInt(h, 16)); }) : x;
			});
			var r = qs[fn].apply(null, a);
			if (r && r.__buf) r = { buffer: r.__buf };
			return r === undefined ? 'undefined' : JSON.stringify(r);
		} catch (e) {
			return 'ERR ' + e.name + (e.code ? ' [' + e.code + ']' : '') + ': ' + e.message;
		}
	})`)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(run)
	fails := 0
	for _, c := range cases {
		args, _ := json.Marshal(c.Args)
		args = surr.ReplaceAll(args, []byte("@@SURR@@$1"))
		got, err := fn(goja.Undefined(), vm.ToValue(c.Fn), vm.ToValue(string(args)))
		if err != nil {
			t.Fatalf("%s(%s): %v", c.Fn, args, err)
		}
		want := "ERR " + c.Err
		if c.Err == "" {
			var b bytes.Buffer
			json.Compact(&b, c.OK)
			want = b.String()
		}
		// node's JSON has raw non-ASCII; goja's JSON.stringify too, so compare directly.
		if got.String() != want {
			fails++
			if fails <= 30 {
				t.Errorf("%s(%s) = %s, node: %s", c.Fn, args, got, want)
			}
		}
	}
	if fails > 0 {
		t.Errorf("%d of %d cases differ from node", fails, len(cases))
	}
}
