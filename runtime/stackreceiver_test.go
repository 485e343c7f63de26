package runtime

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

func TestMethodDisplay(t *testing.T) {
	for _, c := range []struct{ fn, typ, method, want string }{
		{"get", "Store", "get", "Store.get"},
		{"method", "Object", "alias", "Object.method [as alias]"},
		{"tick", "Timeout", "_onTimeout", "Timeout.tick [as _onTimeout]"},
		{"", "Immediate", "_onImmediate", "Immediate._onImmediate"},
		{"", "EventEmitter", "", "EventEmitter.<anonymous>"},
		{"Store.get", "Store", "get", "Store.get"}, // a name that starts with the type
		{"get size", "Store", "size", "get size [as size]"},
		{"a.b", "Object", "b", "a.b"}, // an inferred name: not an identifier
		{"env.callback", "Request", "_callback", "env.callback [as _callback]"},
		{"Foobar", "Foo", "x", "Foo.Foobar [as x]"}, // (V8 11: a prefix of the name is no match)
		{"Foo", "Foo", "y", "Foo [as y]"},
		{"a b", "Object", "", "a b"},
	} {
		if got := methodDisplay(c.fn, c.typ, c.method); got != c.want {
			t.Errorf("methodDisplay(%q, %q, %q) = %q, want %q", c.fn, c.typ, c.method, got, c.want)
		}
	}
}

func TestDropSlots(t *testing.T) {
	slots := []frameSlot{{at: 1}, {at: 4}, {at: 7}}
	got := dropSlots(slots, 3)
	if len(got) != 2 || got[0].at != 1 || got[1].at != 4 {
		t.Fatalf("dropSlots = %+v", got)
	}
	if _, ok := slotAt(got, 4); !ok {
		t.Fatal("slotAt(4) not found")
	}
	if _, ok := slotAt(got, 2); ok {
		t.Fatal("slotAt(2) found")
	}
	if dropSlots(slots, 8) != nil {
		t.Fatal("dropSlots past the end is not nil")
	}
}

func TestRecentSlotsBounded(t *testing.T) {
	vm := goja.New()
	var r recentSlots
	objs := make([]*goja.Object, recentMax+10)
	for i := range objs {
		objs[i] = vm.NewObject()
		r.keep(objs[i], []frameSlot{{at: i}}, 0)
	}
	if len(r.m) != recentMax {
		t.Fatalf("recentSlots holds %d errors, want %d", len(r.m), recentMax)
	}
	if sl, _ := r.take(objs[0]); sl != nil {
		t.Fatal("the oldest error's slots are still held")
	}
	last := objs[len(objs)-1]
	if sl, _ := r.take(last); len(sl) != 1 || sl[0].at != len(objs)-1 {
		t.Fatalf("take(newest) = %+v", sl)
	}
	if sl, _ := r.take(last); sl != nil {
		t.Fatal("take does not forget")
	}
}

func TestMemberChainParts(t *testing.T) {
	for _, c := range []struct {
		before, base string
		path         []string
	}{
		{"x", "x", nil},
		{"this.helpers", "this", []string{"helpers"}},
		{"a.b[0]['c']", "a", []string{"b", "0", "c"}},
		{"  return ns.helpers", "ns", []string{"helpers"}},
		{"f().a", "", nil},
		{"a?.b", "", nil},
		{"a[i]", "", nil},
		{"a[1.5]", "", nil},
	} {
		base, path := memberChainParts(c.before)
		if base != c.base || strings.Join(path, ",") != strings.Join(c.path, ",") {
			t.Errorf("memberChainParts(%q) = %q, %q; want %q, %q", c.before, base, path, c.base, c.path)
		}
	}
}
