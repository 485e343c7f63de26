package main

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/gojs-dev/gojs/runtime"
)

// deliveredSignals are the signals gojs delivers to process listeners.
var deliveredSignals = []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGUSR2, syscall.SIGWINCH}

// signalSetup registers the signals gojs delivers to process listeners (deliveredSignals).
//
// A program (a script, -e, stdin) registers a signal only when it starts listening for it
// (runtime.Options.SignalListener). Until then the signal's default is node's without a
// listener, and it is the Go runtime's default too: SIGINT, SIGTERM and SIGHUP kill the process
// by the signal, SIGWINCH is ignored; SIGUSR2, which Go would ignore, is given the kernel's
// default action (defaultSIGUSR2), which kills the process as node's does. signal.Notify is what
// costs at start-up: it starts the Go runtime's signal-mask thread (a locked thread, so two or
// three new threads in all) and makes a round trip to it for each signal, and signal.Stop one
// more each at exit. Measured for console.log('hi') (medians of 80 interleaved runs, a loaded
// machine): 3 of the process's 6 threads fewer, CPU -0.36 to -0.56 ms, and 0.13-0.2 ms less
// between the main module's end and exit.
//
// The REPL (SIGINT interrupts the input line) and --watch's runs register them all at once, on
// another goroutine so that it overlaps the runtime's creation.
type signalSetup struct {
	ch    chan os.Signal
	ready chan struct{} // closed once the eager registration is done

	mu         sync.Mutex
	rt         *runtime.Runtime // set once the runtime is made; deliveries start after
	registered map[syscall.Signal]bool
	delivering bool
	done       chan struct{}
}

func startSignals(eager bool) *signalSetup {
	s := &signalSetup{ch: make(chan os.Signal, 4), ready: make(chan struct{}), done: make(chan struct{})}
	if !eager && lazySignals && defaultSIGUSR2() {
		close(s.ready)
		return s
	}
	go func() {
		sigs := make([]os.Signal, len(deliveredSignals))
		for i, sig := range deliveredSignals {
			sigs[i] = sig
		}
		signal.Notify(s.ch, sigs...)
		close(s.ready)
	}()
	s.registered = map[syscall.Signal]bool{}
	for _, sig := range deliveredSignals {
		s.registered[sig] = true
	}
	return s
}

// listen registers sig, which the script now listens for, if gojs delivers it (on the loop's
// goroutine: SignalListener).
func (s *signalSetup) listen(sig syscall.Signal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.registered[sig] {
		return
	}
	delivered := false
	for _, d := range deliveredSignals {
		delivered = delivered || d == sig
	}
	if !delivered {
		return
	}
	if s.registered == nil {
		s.registered = map[syscall.Signal]bool{}
	}
	if sig == syscall.SIGUSR2 {
		restoreSIGUSR2()
	}
	signal.Notify(s.ch, sig)
	s.registered[sig] = true
	if s.rt != nil && !s.delivering {
		s.delivering = true
		go s.deliver(s.rt)
	}
}

// cancel undoes the registration when no runtime will handle the signals.
func (s *signalSetup) cancel() {
	<-s.ready
	signal.Stop(s.ch)
}

// handleSignals delivers the registered signals to process listeners; without one, a
// terminating signal ends gojs with 128+signal as Node's default handlers do. It returns once
// the eager registration is done, so before the script runs.
func handleSignals(rt *runtime.Runtime, s *signalSetup) func() {
	<-s.ready
	s.mu.Lock()
	s.rt = rt
	if len(s.registered) > 0 && !s.delivering {
		s.delivering = true
		go s.deliver(rt)
	}
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if len(s.registered) > 0 {
			signal.Stop(s.ch)
		}
		close(s.done)
	}
}

func (s *signalSetup) deliver(rt *runtime.Runtime) {
	for {
		select {
		case got := <-s.ch:
			sig := got.(syscall.Signal)
			if sig == syscall.SIGINT && rt.BreakEval() {
				continue
			}
			if rt.SignalHandled(sig) {
				rt.Signal(sig)
				continue
			}
			if sig == syscall.SIGWINCH {
				continue
			}
			// No listener: die by the signal, as node does, so that a parent sees the
			// signal (exit(null, 'SIGTERM')) and a shell sees 128+n.
			signal.Reset(sig)
			if sig == syscall.SIGUSR2 {
				defaultSIGUSR2() // (Go's own handler ignores it)
			}
			syscall.Kill(syscall.Getpid(), sig)
			time.Sleep(100 * time.Millisecond)
			os.Exit(128 + int(sig))
		case <-s.done:
			return
		}
	}
}
