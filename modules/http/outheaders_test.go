package http

import (
	"reflect"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

func TestHeaderStore(t *testing.T) {
	vm := goja.New()
	b := vm.NewObject()
	lz := modules.NewLazyFuncs(vm)
	bindOutHeaders(vm, lz)
	lz.Install(b)
	vm.Set("b", b)
	v, err := vm.RunString(`
		const h = b.newOutHeaders();
		h['x-b'] = ['X-B', '1'];
		h['a'] = ['A', '2'];
		h['10'] = ['10', 'ten'];
		h['2'] = ['2', 'two'];
		h['x-b'] = ['x-b', '3'];
		delete h['a'];
		h['a'] = ['a', '4'];
		const out = [];
		for (const k in h) out.push(k + '=' + h[k][1]);
		[Object.keys(h).join(','), out.join(','), Object.getPrototypeOf(h) === null, h.missing === undefined,
			'a' in h, 'b' in h, h.toString === undefined].join('|')`)
	if err != nil {
		t.Fatal(err)
	}
	want := "2,10,x-b,a|2=two,10=ten,x-b=3,a=4|true|true|true|false|true"
	if got := v.String(); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	s := newOutHeaders()
	for _, k := range []string{"k1", "k2", "k3", "k4", "k5"} {
		s.Set(k, goja.Undefined())
	}
	s.Delete("k1")
	s.Delete("k5")
	if got := s.Keys(); !reflect.DeepEqual(got, []string{"k2", "k3", "k4"}) {
		t.Fatalf("keys %v", got)
	}
	for _, c := range []struct {
		k  string
		ok bool
	}{{"0", true}, {"4294967294", true}, {"4294967295", false}, {"01", false}, {"", false}, {"1a", false}} {
		if modules.IsArrayIndex(c.k) != c.ok {
			t.Errorf("IsArrayIndex(%q) = %v", c.k, !c.ok)
		}
	}
}
