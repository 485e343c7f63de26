package eventloop

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/dop251/goja"
)

// recordHooks records the hook events, with the execution each callback saw.
type recordHooks struct {
	l   *Loop
	log []string
}

func (r *recordHooks) add(f string, a ...any) { r.log = append(r.log, fmt.Sprintf(f, a...)) }

func (r *recordHooks) Init(id int64, typ string, trigger int64, res any) (any, error) {
	r.add("init %d %s %d", id, typ, trigger)
	return res, nil
}
func (r *recordHooks) Before(id int64) error         { r.add("before %d", id); return nil }
func (r *recordHooks) After(id int64) error          { r.add("after %d", id); return nil }
func (r *recordHooks) Destroy(id int64) error        { r.add("destroy %d", id); return nil }
func (r *recordHooks) PromiseResolve(id int64) error { r.add("resolve %d", id); return nil }

func (r *recordHooks) exec(what string) {
	id, trigger, _ := r.l.ExecAsync()
	r.add("%s in %d/%d", what, id, trigger)
}

// A timer's callback runs in its own execution (its trigger the one that made it), its ticks in
// theirs, with before/after around each and the destroys batched in the immediates phase.
func TestAsyncIDsTimerAndTicks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New(goja.New(), Hooks{})
		r := &recordHooks{l: l}
		l.SetAsyncHooks(r)
		r.exec("main")
		var tm Timer
		l.InitTimer(&tm, time.Millisecond, false, funcRunner(func() error {
			r.exec("timer")
			l.NextTickGo(func() error { r.exec("tick"); return nil })
			return nil
		}))
		tm.SetAsyncResource("Timeout", nil)
		if _, err := l.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		want := []string{"main in 1/0", "init 2 Timeout 1", "before 2", "timer in 2/1",
			"init 3 TickObject 2", "after 2", "before 3", "tick in 3/2", "after 3", "destroy 3", "destroy 2"}
		if got := strings.Join(r.log, ", "); got != strings.Join(want, ", ") {
			t.Errorf("events:\n got %s\nwant %s", got, strings.Join(want, ", "))
		}
		if id, trigger, _ := l.ExecAsync(); id != 0 || trigger != 0 {
			t.Errorf("between callbacks: %d/%d, want 0/0", id, trigger)
		}
	})
}

// With no hooks, ids are still given and entered; scopes nest and unwind.
func TestAsyncIDsScopes(t *testing.T) {
	l := New(goja.New(), Hooks{})
	a := l.NewAsyncID()
	l.PushAsync(a, 1, "a")
	b := l.NewAsyncID()
	l.PushAsync(b, a, "b")
	if id, trigger, res := l.ExecAsync(); id != b || trigger != a || res != "b" {
		t.Errorf("inner scope: %d/%d %v", id, trigger, res)
	}
	l.PopAsync()
	if id, _, res := l.ExecAsync(); id != a || res != "a" {
		t.Errorf("outer scope: %d %v", id, res)
	}
	l.PopAsync()
	l.PopAsync() // (one too many does nothing)
	if id, trigger, _ := l.ExecAsync(); id != 1 || trigger != 0 {
		t.Errorf("main: %d/%d", id, trigger)
	}
}
