package main

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/gojs-dev/gojs/runtime"
)

// eagerSignals are the signals the REPL and --watch's runs register at start.
var eagerSignals = []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGUSR2, syscall.SIGWINCH}

// deliverable reports whether gojs delivers sig to process listeners: every signal node lets a
// program listen for (all but SIGKILL and SIGSTOP, which the JS side refuses), except SIGPROF,
// which the Go runtime keeps for its profiler, and SIGURG, which it sends itself to preempt
// goroutines (a listener would see those).
func deliverable(sig syscall.Signal) bool {
	switch sig {
	case syscall.SIGKILL, syscall.SIGSTOP, syscall.SIGPROF, syscall.SIGURG:
		return false
	}
	return sig > 0 && sig < 32
}

// signalDefault is the kernel's action for a signal, which node's is once a program has
// listened for the signal and no listener is left (libuv gives the signal back to SIG_DFL when
// it stops watching it: SIGPIPE, SIGXFSZ and SIGUSR1, which node ignores until then, kill the
// process after that).
type signalDefault int

const (
	sigTerminate signalDefault = iota
	sigIgnore
	sigStop
)

func kernelDefault(sig syscall.Signal) signalDefault {
	switch sig {
	case syscall.SIGCHLD, syscall.SIGURG, syscall.SIGWINCH, syscall.SIGCONT:
		return sigIgnore
	case syscall.SIGTSTP, syscall.SIGTTIN, syscall.SIGTTOU:
		return sigStop
	}
	return sigTerminate
}

// signalSetup registers the signals gojs delivers to process listeners (deliverable).
//
// A program (a script, -e, stdin) registers a signal only when it starts listening for it
// (runtime.Options.SignalListener). Until then the signal's default is node's without a
// listener: the Go runtime's default where it is the same (SIGINT, SIGTERM and SIGHUP kill the
// process by the signal, SIGWINCH, SIGCHLD and SIGPIPE are ignored, SIGTSTP stops it), the
// kernel's default action where Go's differs (nodeDefaults: SIGUSR2 and SIGALRM, which Go would
// ignore, and SIGQUIT, which Go answers with a goroutine dump, kill the process by the signal,
// as node's). signal.Notify is what costs at start-up: it starts the Go runtime's signal-mask
// thread (a locked thread, so two or three new threads in all) and makes a round trip to it for
// each signal, and signal.Stop one more each at exit. Measured for console.log('hi') (medians
// of 80 interleaved runs, a loaded machine): 3 of the process's 6 threads fewer, CPU -0.36 to
// -0.56 ms, and 0.13-0.2 ms less between the main module's end and exit.
//
// The REPL (SIGINT interrupts the input line) and --watch's runs register eagerSignals at once, on
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
	if lazySignals && nodeDefaults() && !eager {
		close(s.ready)
		return s
	}
	for _, sig := range eagerSignals {
		restoreGoHandler(sig)
	}
	go func() {
		sigs := make([]os.Signal, len(eagerSignals))
		for i, sig := range eagerSignals {
			sigs[i] = sig
		}
		signal.Notify(s.ch, sigs...)
		close(s.ready)
	}()
	s.registered = map[syscall.Signal]bool{}
	for _, sig := range eagerSignals {
		s.registered[sig] = true
	}
	return s
}

// listen registers sig, which the script now listens for, if gojs delivers it (on the loop's
// goroutine: SignalListener).
func (s *signalSetup) listen(sig syscall.Signal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.registered[sig] || !deliverable(sig) {
		return
	}
	if s.registered == nil {
		s.registered = map[syscall.Signal]bool{}
	}
	restoreGoHandler(sig)
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
			// No listener (any more): the kernel's default, as node's.
			switch kernelDefault(sig) {
			case sigIgnore:
				continue
			case sigStop:
				// stopped by the kernel's action; once continued, listening again
				setDefault(sig)
				syscall.Kill(syscall.Getpid(), sig)
				time.Sleep(10 * time.Millisecond)
				restoreGoHandler(sig)
				continue
			}
			// Die by the signal, as node does, so that a parent sees the signal
			// (exit(null, 'SIGTERM')) and a shell sees 128+n.
			signal.Reset(sig)
			setDefault(sig) // (Go's own handler ignores some, dumps goroutines on others)
			syscall.Kill(syscall.Getpid(), sig)
			time.Sleep(100 * time.Millisecond)
			os.Exit(128 + int(sig))
		case <-s.done:
			return
		}
	}
}
