package eventloop

import (
	"context"
	"testing"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

type pipeTarget struct {
	fd  int
	got func(ev uint32)
}

func (t *pipeTarget) OnPollEvent(ev uint32) error {
	var b [16]byte
	unix.Read(t.fd, b[:])
	t.got(ev)
	return nil
}

// TestPollerWaits checks that a loop waiting in its poller wakes for a ready descriptor, a post
// from another goroutine, a timer and RunUntil's done channel, and that Shutdown leaves the loop
// waiting on its channel again.
func TestPollerWaits(t *testing.T) {
	l := New(goja.New(), Hooks{Uncaught: func(err error) { t.Errorf("uncaught: %v", err) }})
	p, err := NewPoller(l)
	if err != nil {
		t.Fatal(err)
	}
	if q, _ := NewPoller(l); q != p {
		t.Fatal("a second NewPoller made another poller")
	}
	p.Shutdown() // gives the second back
	var log []string
	w := watchPipe(t, l, p, &log)
	defer unix.Close(w)
	r := l.Reserve()
	go func() {
		time.Sleep(20 * time.Millisecond)
		r.Done(func() error { log = append(log, "post"); return nil })
		time.Sleep(20 * time.Millisecond)
		unix.Write(w, []byte("x"))
	}()
	l.NewTimer(5*time.Millisecond, false, func() error { log = append(log, "timer"); return nil })
	if _, err := l.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := join(log); got != "timer post read" {
		t.Fatalf("order %q", got)
	}
	// done wakes a wait in the poller.
	h2 := l.NewHandle(nil)
	done := make(chan struct{})
	time.AfterFunc(10*time.Millisecond, func() { close(done) })
	if _, err := l.RunUntil(context.Background(), done); err != nil {
		t.Fatal(err)
	}
	h2.Close()
	p.Shutdown()
	if l.poller != nil {
		t.Fatal("poller still attached after the last Shutdown")
	}
	// Without a poller the loop waits on its channel.
	r = l.Reserve()
	go func() { r.Done(func() error { log = append(log, "after"); return nil }) }()
	if _, err := l.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if log[len(log)-1] != "after" {
		t.Fatalf("log %q", log)
	}
}

// watchPipe makes a pipe whose read end p watches, held open by a handle: its first read logs
// "read" and closes both. It returns the write end.
func watchPipe(t *testing.T, l *Loop, p *Poller, log *[]string) int {
	t.Helper()
	var fds [2]int
	if err := unix.Pipe2(fds[:], unix.O_NONBLOCK|unix.O_CLOEXEC); err != nil {
		t.Fatal(err)
	}
	h := l.NewHandle(nil)
	pf := &PollFD{FD: fds[0]}
	p.Add(pf, &pipeTarget{fd: fds[0], got: func(uint32) {
		*log = append(*log, "read")
		p.Close(pf)
		h.Close()
	}})
	p.Set(pf, unix.EPOLLIN)
	return fds[1]
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

// TestPollerFirstReadyEndsFirstWait checks that OnFirstWait's callback runs when the first poll
// finds a descriptor ready, before its dispatch, for a loop that never blocks.
func TestPollerFirstReadyEndsFirstWait(t *testing.T) {
	l := New(goja.New(), Hooks{Uncaught: func(err error) { t.Errorf("uncaught: %v", err) }})
	p, err := NewPoller(l)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Shutdown()
	var log []string
	l.OnFirstWait(func() { log = append(log, "first") })
	w := watchPipe(t, l, p, &log)
	defer unix.Close(w)
	unix.Write(w, []byte("x"))
	if _, err := l.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := join(log); got != "first read" {
		t.Fatalf("order %q", got)
	}
}

// handleTarget is a pipeTarget that names its handle.
type handleTarget struct {
	pipeTarget
	h *Handle
}

func (t *handleTarget) AsyncHandle() *Handle { return t.h }

// TestPollerWeakPosts checks that the readiness of a target whose handle is unref'd with
// WeakPosts does not keep the loop alive (it ends without the dispatch, as libuv's loop ends
// before polling an unref'd handle), and that the same readiness is dispatched while something
// else keeps the loop alive.
func TestPollerWeakPosts(t *testing.T) {
	l := New(goja.New(), Hooks{Uncaught: func(err error) { t.Errorf("uncaught: %v", err) }})
	p, err := NewPoller(l)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Shutdown()
	var fds [2]int
	if err := unix.Pipe2(fds[:], unix.O_NONBLOCK|unix.O_CLOEXEC); err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fds[1])
	h := l.NewHandle(nil)
	h.WeakPosts()
	h.Unref()
	var log []string
	pf := &PollFD{FD: fds[0]}
	p.Add(pf, &handleTarget{pipeTarget{fd: fds[0], got: func(uint32) { log = append(log, "read") }}, h})
	p.Set(pf, unix.EPOLLIN)
	// The last callback (an immediate, after the turn's polls) makes the pipe ready: the next
	// turn's poll finds it, which must not keep the loop.
	l.SetImmediate(func() error {
		log = append(log, "immediate")
		unix.Write(fds[1], []byte("x"))
		return nil
	})
	if _, err := l.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := join(log); got != "immediate" {
		t.Fatalf("unref'd weak target: %q", got)
	}
	// Alive for a timer of 20 ms: the readiness (still there) is dispatched meanwhile.
	l.NewTimer(20*time.Millisecond, false, func() error { log = append(log, "timer2"); return nil })
	if _, err := l.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := join(log); got != "immediate read timer2" {
		t.Fatalf("with the loop alive: %q", got)
	}
	p.Close(pf)
	h.Close()
}

// TestPollerInterestAtPollStart checks libuv's model of interest changes: Set reaches the
// kernel only at the next poll's start, and a descriptor that stops wanting anything stays in
// the set (no dispatch) until a poll reports it, which takes it out.
func TestPollerInterestAtPollStart(t *testing.T) {
	l := New(goja.New(), Hooks{Uncaught: func(err error) { t.Errorf("uncaught: %v", err) }})
	p, err := NewPoller(l)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Shutdown()
	var fds [2]int
	if err := unix.Pipe2(fds[:], unix.O_NONBLOCK|unix.O_CLOEXEC); err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fds[1])
	pf := &PollFD{FD: fds[0]}
	got := 0
	p.Add(pf, &pipeTarget{fd: fds[0], got: func(uint32) { got++ }})
	defer p.Close(pf)
	p.Set(pf, unix.EPOLLIN)
	if pf.in {
		t.Fatal("Set reached the kernel before a poll")
	}
	unix.Write(fds[1], []byte("x"))
	p.collect(0)
	if !pf.in || pf.kev != unix.EPOLLIN {
		t.Fatalf("after a poll: in %v kev %#x", pf.in, pf.kev)
	}
	if n := len(l.posted); n != 1 {
		t.Fatalf("%d dispatches queued, want 1", n)
	}
	// stop wanting before the dispatch runs: the registration stays, and the next poll that
	// reports the (still readable) descriptor takes it out without a dispatch
	p.Set(pf, 0)
	l.posted = nil
	pe := p.targets[pf.id]
	pe.queued, pe.ev = false, 0
	p.collect(0)
	if pf.in {
		t.Fatal("a reported descriptor that wants nothing stayed in the set")
	}
	if len(l.posted) != 0 || got != 0 {
		t.Fatalf("dispatched %d/%d for a descriptor that wants nothing", len(l.posted), got)
	}
	// wanting again puts it back at the next poll
	p.Set(pf, unix.EPOLLIN)
	p.collect(0)
	if !pf.in || len(l.posted) != 1 {
		t.Fatalf("after wanting again: in %v, %d dispatches", pf.in, len(l.posted))
	}
}
