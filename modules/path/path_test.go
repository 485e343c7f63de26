package path

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// newPath binds the module on a fresh runtime and returns the runtime with path as global "path".
func newPath(t testing.TB, cwd string) *goja.Runtime {
	t.Helper()
	vm := goja.New()
	h := &modules.Host{VM: vm, Env: map[string]string{}}
	h.SetCwd(cwd)
	o := vm.NewObject()
	if err := bind(h, o); err != nil {
		t.Fatal(err)
	}
	vm.Set("path", o)
	return vm
}

type nodeCase struct {
	Flavor string            `json:"flavor"`
	Fn     string            `json:"fn"`
	Args   []json.RawMessage `json:"args"`
	OK     json.RawMessage   `json:"ok"`
	Err    string            `json:"err"`
}

// TestAgainstNode replays calls recorded from node (testdata/gen.js) and compares results and
// error messages.
func TestAgainstNode(t *testing.T) {
	data, err := os.ReadFile("testdata/node_cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Cwd   string     `json:"cwd"`
		Cases []nodeCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	vm := newPath(t, file.Cwd)
	run, err := vm.RunString(`(function (flavor, fn, args) {
		try {
			var r = path[flavor][fn].apply(null, JSON.parse(args));
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
	for _, c := range file.Cases {
		args, _ := json.Marshal(c.Args)
		got, err := fn(goja.Undefined(), vm.ToValue(c.Flavor), vm.ToValue(c.Fn), vm.ToValue(string(args)))
		if err != nil {
			t.Fatalf("%s.%s(%s): %v", c.Flavor, c.Fn, args, err)
		}
		want := "ERR " + c.Err
		if c.Err == "" {
			var b bytes.Buffer
			json.Compact(&b, c.OK)
			want = b.String()
			if len(c.OK) == 0 {
				want = "undefined"
			}
		}
		if got.String() != want {
			fails++
			if fails <= 30 {
				t.Errorf("%s.%s(%s) = %s, node: %s", c.Flavor, c.Fn, args, got, want)
			}
		}
	}
	if fails > 0 {
		t.Errorf("%d of %d cases differ from node", fails, len(file.Cases))
	}
}

// TestCwdAndDriveEnv checks that resolve uses the Host's cwd and win32 per-drive cwds from its env.
func TestCwdAndDriveEnv(t *testing.T) {
	vm := goja.New()
	h := &modules.Host{VM: vm, Env: map[string]string{"=D:": `D:\work\here`}}
	h.SetCwd("/srv/app")
	o := vm.NewObject()
	if err := bind(h, o); err != nil {
		t.Fatal(err)
	}
	vm.Set("path", o)
	v, err := vm.RunString(`[path.resolve('x'), path.relative('/srv', 'a'), path.win32.resolve('D:y'), path.win32.resolve('C:y'), path.win32.resolve('z')].join('|')`)
	if err != nil {
		t.Fatal(err)
	}
	want := `/srv/app/x|app/a|D:\work\here\y|C:\srv\app\y|\srv\app\z`
	if v.String() != want {
		t.Errorf("got %s, want %s", v, want)
	}
	h.SetCwd("/other")
	if v, _ := vm.RunString(`path.resolve('x')`); v.String() != "/other/x" {
		t.Errorf("after SetCwd: %s", v)
	}
}

// The cached cwd gives what normalizing it each time gives, across cwd changes.
func TestResolveCwdCache(t *testing.T) {
	var c cwdCache
	cwds := []string{"/work/wt/url", "/", "/a//b/./c/../d/", "/x/..", "/..", "/a/b", "/work/wt/url", "relative/cwd", ""}
	inputs := [][]string{{}, {"foo/bar", "./baz"}, {"../../.."}, {".."}, {"", ""}, {"/abs", "x"}, {"a/../../b"}, {"."}}
	for _, cwd := range cwds {
		for _, in := range inputs {
			for k := 0; k < 2; k++ {
				got := posixResolveFn(len(in), func(i int) string { return in[i] }, func() string { return cwd }, &c)
				if want := posixResolve(in, cwd); got != want {
					t.Errorf("resolve(%q) in %q: cached %q, want %q", in, cwd, got, want)
				}
			}
		}
	}
}
