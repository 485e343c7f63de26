package eventloop

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/dop251/goja"
	"go.uber.org/goleak"
)

// harness gives a loop with log, nextTick, setTimeout and setImmediate bound as globals.
type harness struct {
	l   *Loop
	vm  *goja.Runtime
	log []string
}

func newHarness(t *testing.T) *harness {
	vm := goja.New()
	h := &harness{vm: vm}
	h.l = New(vm, Hooks{Uncaught: func(err error) { t.Errorf("uncaught: %v", err) }})
	call := func(fn goja.Value) func() error {
		c, _ := goja.AssertFunction(fn)
		return func() error { _, err := c(goja.Undefined()); return err }
	}
	vm.Set("log", func(s string) { h.log = append(h.log, s) })
	vm.Set("nextTick", func(fn goja.Value) {
		c, _ := goja.AssertFunction(fn)
		h.l.NextTick(c)
	})
	vm.Set("setTimeout", func(fn goja.Value, ms int) { h.l.NewTimer(time.Duration(ms)*time.Millisecond, false, call(fn)) })
	vm.Set("setImmediate", func(fn goja.Value) { h.l.SetImmediate(call(fn)) })
	vm.Set("io", func(fn goja.Value) {
		p := h.l.Reserve()
		go func() { p.Done(call(fn)) }()
	})
	return h
}

func (h *harness) run(t *testing.T, src string) string {
	t.Helper()
	h.l.RunTask(func() error { _, err := h.vm.RunString(src); return err })
	if _, err := h.l.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return strings.Join(h.log, " ")
}

func TestOrder(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t)
		got := h.run(t, `
			log('main');
			setTimeout(() => { log('t1'); Promise.resolve().then(() => log('t1p')); nextTick(() => log('t1n')); }, 0);
			setTimeout(() => log('t2'), 0);
			Promise.resolve().then(() => { log('p1'); nextTick(() => log('p1n')); }).then(() => log('p2'));
			nextTick(() => { log('n1'); nextTick(() => log('n2')); });
			io(() => { log('io'); setImmediate(() => log('imm')); setTimeout(() => log('t3'), 0); });
		`)
		want := "main n1 n2 p1 p2 p1n t1 t1n t1p t2 io imm t3"
		if got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
}

func TestTimersDeadlineOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t)
		got := h.run(t, `
			setTimeout(() => log('c'), 30);
			setTimeout(() => log('a'), 10);
			setTimeout(() => log('b'), 10);
			setTimeout(() => { log('d'); setTimeout(() => log('e'), 0); }, 20);
		`)
		if want := "a b d e c"; got != want {
			t.Errorf("got %s want %s", got, want)
		}
	})
}

// Callbacks of one phase share a trampoline frame while they leave no promise job behind; a
// callback that does (directly, by resolving an older promise, or from a nextTick) still gets its
// microtasks before the next callback.
func TestBatchedCallbacksKeepOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t)
		got := h.run(t, `
			let resolve;
			new Promise((r) => { resolve = r; }).then(() => log('old'));
			setTimeout(() => log('a'), 5);
			setTimeout(() => { log('b'); resolve(); }, 5);
			setTimeout(() => { log('c'); nextTick(() => { log('cn'); Promise.resolve().then(() => log('cnp')); }); }, 5);
			setTimeout(() => log('d'), 5);
			setTimeout(() => { log('e'); setImmediate(() => log('i1')); setImmediate(() => { log('i2'); Promise.resolve().then(() => log('i2p')); }); setImmediate(() => log('i3')); }, 5);
			setTimeout(() => log('f'), 5);
			setTimeout(() => log('g'), 3);
		`)
		if want := "g a b old c cn cnp d e f i1 i2 i2p i3"; got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
}

// Timers of different delays interleave by deadline, then insertion, whatever their lists.
func TestTimerListsMerge(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t)
		got := h.run(t, `
			setTimeout(() => log('a20'), 20);
			setTimeout(() => log('b10'), 10);
			setTimeout(() => {
				log('c5');
				setTimeout(() => log('d15'), 15); // due at 20, after a20
				setTimeout(() => log('e5'), 5);   // due at 10, after b10
			}, 5);
			setTimeout(() => log('f10'), 10);
		`)
		if want := "c5 b10 f10 e5 a20 d15"; got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
}

// RunUntil returns at the end of the turn in which done was closed, leaving later turns' work.
func TestRunUntilStopsBetweenTurns(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t)
		done := make(chan struct{})
		h.vm.Set("finish", func() { close(done) })
		h.l.RunTask(func() error {
			_, err := h.vm.RunString(`
				setImmediate(() => { log('a'); finish(); setImmediate(() => log('c')); });
				setImmediate(() => log('b'));
			`)
			return err
		})
		if _, err := h.l.RunUntil(context.Background(), done); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(h.log, " "); got != "a b" {
			t.Fatalf("after RunUntil: %s", got)
		}
		if _, err := h.l.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(h.log, " "); got != "a b c" {
			t.Fatalf("after Run: %s", got)
		}
	})
}

// A long chain of immediates and zero timers interleaves turn by turn, as in Node.
func TestChainsAcrossTurns(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t)
		got := h.run(t, `
			let n = 0;
			function imm() { log('i' + n); if (++n < 4) setImmediate(imm); }
			setImmediate(imm);
			setTimeout(() => { log('t'); Promise.resolve().then(() => log('tp')); }, 1);
		`)
		if want := "i0 i1 i2 i3 t tp"; got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
}

// OnFirstWait's callback runs once, when the loop first blocks: after the main task and the
// turn it made runnable, before the timer it waits for; never for a loop that does not wait.
func TestOnFirstWait(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t)
		h.l.OnFirstWait(func() { h.log = append(h.log, "wait") })
		got := h.run(t, `log('main'); setImmediate(() => log('imm')); setTimeout(() => { log('t1'); setTimeout(() => log('t2'), 5); }, 5);`)
		if want := "main imm wait t1 t2"; got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
		h = newHarness(t)
		h.l.OnFirstWait(func() { h.log = append(h.log, "wait") })
		if got := h.run(t, `log('main'); setImmediate(() => log('imm'));`); got != "main imm" {
			t.Fatalf("got %q for a loop that never waits", got)
		}
	})
}

// An unref'd handle with WeakPosts does not hold the loop for what it posted: the loop ends
// without it, as libuv drops an unref'd handle's event once nothing else is left; while something
// else keeps the loop turning, the event runs. A plain handle's posts run either way.
func TestWeakPosts(t *testing.T) {
	run := func(weak, busy bool) (ran bool) {
		l := New(goja.New(), Hooks{Uncaught: func(err error) { t.Errorf("uncaught: %v", err) }})
		h := l.NewHandle(nil)
		if weak {
			h.WeakPosts()
		}
		h.Unref()
		h.Post(func() error { ran = true; return nil })
		if busy {
			l.NewTimer(time.Millisecond, false, func() error { return nil })
		}
		if _, err := l.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		h.Close()
		return ran
	}
	for _, c := range []struct{ weak, busy, want bool }{
		{false, false, true}, {true, false, false}, {true, true, true}, {false, true, true},
	} {
		if got := run(c.weak, c.busy); got != c.want {
			t.Errorf("weak=%v busy=%v: ran %v, want %v", c.weak, c.busy, got, c.want)
		}
	}
}

// FeedNext, from a posted completion, runs its callback next in the posted phase, before the
// completions already queued (each its own callback: nextTick drains in between); Feed runs it
// at the end of the phase; from elsewhere both post for the next turn.
func TestFeedNext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t)
		hd := h.l.NewHandle(nil)
		hd.Unref() // (its posts still run: they are not weak)
		logf := func(s string) func() error {
			return func() error { h.log = append(h.log, s); return nil }
		}
		h.vm.Set("postA", func() {
			hd.Post(func() error {
				h.log = append(h.log, "a1")
				hd.Feed(logf("a-fed"))
				hd.FeedNext(func() error {
					h.log = append(h.log, "a2")
					hd.FeedNext(logf("a3"))
					_, err := h.vm.RunString(`nextTick(() => log('a2n'))`)
					return err
				})
				return nil
			})
			hd.Post(logf("b"))
		})
		h.vm.Set("feedNow", func() { hd.FeedNext(logf("from-main")) })
		got := h.run(t, `feedNow(); postA(); setImmediate(() => log('imm'))`)
		hd.Close()
		if want := "from-main a1 a2 a2n a3 b a-fed imm"; got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
}
