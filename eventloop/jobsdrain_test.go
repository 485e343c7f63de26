package eventloop

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/dop251/goja"
	"go.uber.org/goleak"
)

// A promise job that overflows the stack (goja lets no JS catch it) is reported as uncaught and
// the other jobs still run, in order, where goja dropped them all; the loop goes on.
func TestJobStackOverflowKeepsOtherJobs(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		vm := goja.New()
		vm.SetMaxCallStackSize(200)
		var uncaught []string
		var log []string
		l := New(vm, Hooks{Uncaught: func(err error) {
			if _, ok := err.(*goja.StackOverflowError); ok {
				uncaught = append(uncaught, "overflow")
				return
			}
			t.Errorf("uncaught: %v", err)
		}})
		vm.Set("log", func(s string) { log = append(log, s) })
		vm.Set("setImmediate", func(fn goja.Value) {
			c, _ := goja.AssertFunction(fn)
			l.SetImmediate(func() error { _, err := c(goja.Undefined()); return err })
		})
		l.RunTask(func() error {
			_, err := vm.RunString(`
				function f() { return f() + 1; }
				async function later() { await null; f(); }
				setImmediate(() => {
					Promise.resolve().then(() => log('p1'));
					Promise.resolve().then(() => f());
					Promise.resolve().then(() => log('p2')).then(() => log('p3'));
					later();
					Promise.resolve().then(() => log('p4'));
					setImmediate(() => log('next turn'));
				});
			`)
			return err
		})
		if _, err := l.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Join(log, " "), "p1 p2 p4 p3 next turn"; got != want {
			t.Errorf("log %q, want %q", got, want)
		}
		if got := strings.Join(uncaught, " "); got != "overflow overflow" {
			t.Errorf("uncaught %q, want two overflows", got)
		}
	})
}

// RunCallbackQueues between two calls into JS in one task runs the first call's ticks, then its
// promise jobs (and the ticks and jobs they queue) before the second call, as node's callback
// scope does after each MakeCallback; jobs queued before the mark wait for the task's end.
func TestRunCallbackQueues(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t)
		var calls []goja.Callable
		h.vm.Set("twoCalls", func(a, b goja.Value) {
			fa, _ := goja.AssertFunction(a)
			fb, _ := goja.AssertFunction(b)
			calls = []goja.Callable{fa, fb}
			p := h.l.Reserve()
			go p.Done(func() error {
				mark := h.l.JobsMark()
				if _, err := calls[0](goja.Undefined()); err != nil {
					return err
				}
				if err := h.l.RunCallbackQueues(mark); err != nil {
					return err
				}
				_, err := calls[1](goja.Undefined())
				return err
			})
		})
		got := h.run(t, `
			twoCalls(() => {
				log('a');
				Promise.resolve().then(() => { log('ap'); nextTick(() => log('apn')); }).then(() => log('ap2'));
				nextTick(() => log('an'));
			}, () => {
				log('b');
				Promise.resolve().then(() => log('bp'));
				nextTick(() => log('bn'));
			});
		`)
		if want := "a an ap ap2 apn b bn bp"; got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
}
