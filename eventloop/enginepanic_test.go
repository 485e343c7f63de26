package eventloop

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/synctest"

	"go.uber.org/goleak"
)

// A Go panic inside the engine (goja dereferences nil for a for-of over an iterator whose next
// is not callable) or in a Go function called from JS stops the loop with an *EnginePanicError
// instead of killing the process; nothing after it runs.
func TestEnginePanicStopsLoop(t *testing.T) {
	defer goleak.VerifyNone(t)
	for name, src := range map[string]string{
		"goja":   `for (const x of { [Symbol.iterator]() { return { next: null } } }) {}`,
		"gofunc": `boom()`,
	} {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				h := newHarness(t)
				h.vm.Set("boom", func() { var m map[string]int; m["x"] = 1 })
				h.l.RunTask(func() error {
					_, err := h.vm.RunString(`
						log('main');
						setTimeout(() => { log('t1'); try { ` + src + ` } catch (e) { log('caught') } }, 0);
						setTimeout(() => log('t2'), 0);
						setImmediate(() => log('imm'));`)
					return err
				})
				_, err := h.l.Run(context.Background())
				var perr *EnginePanicError
				if !errors.As(err, &perr) {
					t.Fatalf("Run: %v, want an *EnginePanicError", err)
				}
				if got := strings.Join(h.log, " "); got != "main t1" {
					t.Errorf("log %q, want %q", got, "main t1")
				}
				if !strings.Contains(err.Error(), "internal error: ") || perr.Where() == "" {
					t.Errorf("error %q, where %q", err, perr.Where())
				}
			})
		})
	}
}
