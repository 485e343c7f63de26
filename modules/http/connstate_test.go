package http

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// TestConnState checks that a connection state (binding.newConnState) behaves as the object
// literal it replaces: slot and other fields read back, absent slots fall back to the
// prototype, delete and `in` work, Object.keys lists the own fields.
func TestConnState(t *testing.T) {
	vm := goja.New()
	b := vm.NewObject()
	lz := modules.NewLazyFuncs(vm)
	bindConnState(vm, lz)
	lz.Install(b)
	vm.Set("binding", b)
	v, err := vm.RunString(`
		const proto = { __proto__: null, outgoing: null, upgraded: false, onData() { return this.fd; } };
		const s = binding.newConnState(proto);
		const out = [];
		out.push(s.outgoing === null, s.upgraded === false, s.fd === undefined, 'fd' in s);
		s.fd = 7; s.incoming = null; s.req = undefined; s.extra = 'x';
		out.push(s.fd === 7, s.onData() === 7, 'incoming' in s, s.incoming === null, 'req' in s, s.extra === 'x');
		s.outgoing = [1];
		out.push(s.outgoing.length === 1, proto.outgoing === null);
		out.push(Object.keys(s).join());
		delete s.fd; delete s.extra;
		out.push(s.fd === undefined, 'extra' in s, Object.keys(s).join());
		s.upgraded = true;
		out.push(s.upgraded === true, proto.upgraded === false);
		out.join(' ');
	`)
	if err != nil {
		t.Fatal(err)
	}
	want := "true true true false true true true true true true true true incoming,req,fd,outgoing,extra true false incoming,req,outgoing true true"
	if got := v.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestConnSlots checks connSlots against the names and connSlot against their order.
func TestConnSlots(t *testing.T) {
	if len(connSlotNames) != connSlots {
		t.Fatalf("connSlots = %d, want len(connSlotNames) = %d", connSlots, len(connSlotNames))
	}
	for i, name := range connSlotNames {
		if got := connSlot(name); got != i {
			t.Errorf("connSlot(%q) = %d, want %d", name, got, i)
		}
	}
}

// TestConnStateCount: the count fastRequest keeps in Go (setRequests) is what JS reads, writes
// and lists, and a JS write is what requests() reads next.
func TestConnStateCount(t *testing.T) {
	vm := goja.New()
	b := vm.NewObject()
	lz := modules.NewLazyFuncs(vm)
	bindConnState(vm, lz)
	lz.Install(b)
	vm.Set("binding", b)
	s, err := vm.RunString(`const s = binding.newConnState({ __proto__: null, requestsCount: 0 }); s.requestsCount = 300; s`)
	if err != nil {
		t.Fatal(err)
	}
	cs := s.(*goja.Object).Export().(*connState)
	if n, ok := cs.requests(); !ok || n != 300 {
		t.Fatalf("requests() = %d, %v; want 300", n, ok)
	}
	cs.setRequests(301)
	v, err := vm.RunString(`const out = [s.requestsCount, Object.keys(s).join(), 'requestsCount' in s];
		s.requestsCount++; out.push(s.requestsCount); out.join(' ')`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := v.String(), "301 requestsCount true 302"; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	if n, ok := cs.requests(); !ok || n != 302 {
		t.Fatalf("requests() = %d, %v; want 302", n, ok)
	}
	cs.setRequests(303)
	if _, err := vm.RunString(`s.requestsCount = 1.5`); err != nil {
		t.Fatal(err)
	}
	if _, ok := cs.requests(); ok {
		t.Fatal("requests() took 1.5 as an integer")
	}
}
