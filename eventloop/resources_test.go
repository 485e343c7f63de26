package eventloop

import (
	"reflect"
	"testing"

	"github.com/dop251/goja"
)

func TestActiveResources(t *testing.T) {
	l := New(goja.New(), Hooks{})
	p1 := l.ReserveKind(ReqFS)
	p2 := l.ReserveKind(ReqGetAddrInfo)
	p3 := l.ReserveKind(ReqFS)
	plain := l.Reserve()
	if got, want := l.ActiveRequests(), []string{"FSReqCallback", "FSReqCallback", "GetAddrInfoReqWrap"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("requests %v, want %v", got, want)
	}
	p1.Cancel()
	p1.Cancel()
	p2.Cancel()
	if got, want := l.ActiveRequests(), []string{"FSReqCallback"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("requests %v, want %v", got, want)
	}
	p3.Cancel()
	plain.Cancel()
	if got := l.ActiveRequests(); len(got) != 0 {
		t.Fatalf("requests %v, want none", got)
	}

	srv := l.NewHandle(nil)
	srv.SetKind("TCPServerWrap", "server")
	anon := l.NewHandle(nil)
	sock := l.NewHandle(nil)
	sock.SetKind("TCPSocketWrap", "socket")
	want := []ActiveHandle{{"TCPServerWrap", "server"}, {"TCPSocketWrap", "socket"}}
	if got := l.ActiveHandles(); !reflect.DeepEqual(got, want) {
		t.Fatalf("handles %v, want %v", got, want)
	}
	srv.Unref()
	sock.Close()
	// a closed handle is listed until its close callback (Delist, or Close's own)
	if got, want := l.ActiveHandles(), []ActiveHandle{{"TCPSocketWrap", "socket"}}; !reflect.DeepEqual(got, want) {
		t.Fatalf("handles after Close %v, want %v", got, want)
	}
	sock.Delist()
	if got := l.ActiveHandles(); len(got) != 0 {
		t.Fatalf("handles %v, want none", got)
	}
	anon.Close()
	srv.Close()

	// A handle whose loop reference follows its activity is listed by JS's ref state.
	idle := l.NewHandle(nil)
	idle.SetKind("TCPSocketWrap", "idle")
	idle.SetJSRef(true)
	idle.Unref() // idle: keeps nothing alive, still referenced for JS
	if got, want := l.ActiveHandles(), []ActiveHandle{{"TCPSocketWrap", "idle"}}; !reflect.DeepEqual(got, want) {
		t.Fatalf("idle handles %v, want %v", got, want)
	}
	idle.SetJSRef(false)
	if got := l.ActiveHandles(); len(got) != 0 {
		t.Fatalf("handles after unref %v, want none", got)
	}
	idle.Close() // not listed when closed unreferenced
	if got := l.ActiveHandles(); len(got) != 0 {
		t.Fatalf("handles after Close %v, want none", got)
	}

	tm := l.NewTimer(0, false, func() error { return nil })
	l.NewTimer(0, false, func() error { return nil }).Unref()
	l.SetImmediate(func() error { return nil })
	if a, b := l.ActiveTimers(), l.ActiveImmediates(); a != 1 || b != 1 {
		t.Fatalf("timers %d immediates %d, want 1 1", a, b)
	}
	tm.Stop()
	if n := l.ActiveTimers(); n != 0 {
		t.Fatalf("timers %d after Stop, want 0", n)
	}
}
