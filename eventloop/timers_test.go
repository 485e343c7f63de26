package eventloop

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/dop251/goja"
)

func TestTimerListLinks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New(goja.New(), Hooks{})
		nop := func() error { return nil }
		a := l.NewTimer(5*time.Millisecond, false, nop)
		time.Sleep(3 * time.Millisecond)
		b := l.NewTimer(5*time.Millisecond, false, nop)
		c := l.NewTimer(7*time.Millisecond, false, nop)
		if a.Older() != nil || a.Newer() != b || b.Older() != a || b.Newer() != nil {
			t.Errorf("list of 5 ms: a.Older %p a.Newer %p b.Older %p b.Newer %p", a.Older(), a.Newer(), b.Older(), b.Newer())
		}
		if a.StartMs() != 0 || b.StartMs() != 3 {
			t.Errorf("StartMs: a %d, b %d, want 0 and 3", a.StartMs(), b.StartMs())
		}
		sa, da := a.ListData()
		sb, _ := b.ListData()
		sc, dc := c.ListData()
		if sa == nil || sa != sb || sa == sc || da != 5*time.Millisecond || dc != 7*time.Millisecond {
			t.Errorf("ListData: a %p %v, b %p, c %p %v", sa, da, sb, sc, dc)
		}
		*sa = "list"
		c.Stop()
		if s, _ := c.ListData(); s != nil || c.StartMs() != 3 {
			t.Errorf("stopped: ListData %p, StartMs %d", s, c.StartMs())
		}
		a.Stop()
		b.Stop()
		// the emptied list is reused for the next delay with its data dropped
		d := l.NewTimer(9*time.Millisecond, false, nop)
		if s, _ := d.ListData(); s == nil || *s != nil {
			t.Errorf("a new list's data: %v", s)
		}
		d.Stop()
	})
}
