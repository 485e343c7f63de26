package runtime

import (
	"sync"
	"syscall"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

// signalState tracks which signals have process listeners, readable from any goroutine.
type signalState struct {
	mu      sync.Mutex
	watched map[syscall.Signal]bool
	self    *eventloop.Handle // (the loop's: see signalSelf)
}

// SignalHandled reports whether the script listens for sig (process.on('SIGINT', ...)). Safe from
// any goroutine.
func (rt *Runtime) SignalHandled(sig syscall.Signal) bool {
	rt.signals.mu.Lock()
	defer rt.signals.mu.Unlock()
	return rt.signals.watched[sig]
}

// Signal delivers sig to the script's process listeners on the loop. Safe from any goroutine.
func (rt *Runtime) Signal(sig syscall.Signal) {
	name := signalName(sig)
	rt.loop.Post(func() error {
		emit, ok := goja.AssertFunction(rt.process.Get("emit"))
		if !ok {
			return nil
		}
		// listeners get the signal's name and number, as node's
		_, err := emit(rt.process, rt.vm.ToValue(name), rt.vm.ToValue(name), rt.vm.ToValue(int(sig)))
		return err
	})
}

// signalSelf is a signal the script sends its own process while it listens for it: as node's,
// whose signal handler only marks it for libuv's next poll phase, the listeners get it as an
// I/O completion of an unreferenced handle, which runs only while something else keeps the
// loop turning. Loop only.
func (rt *Runtime) signalSelf(sig syscall.Signal) {
	if rt.signals.self == nil {
		rt.signals.self = rt.loop.NewHandle(nil)
		rt.signals.self.WeakPosts()
		rt.signals.self.Unref()
	}
	name := signalName(sig)
	rt.signals.self.Post(func() error {
		emit, ok := goja.AssertFunction(rt.process.Get("emit"))
		if !ok {
			return nil
		}
		_, err := emit(rt.process, rt.vm.ToValue(name), rt.vm.ToValue(name), rt.vm.ToValue(int(sig)))
		return err
	})
}

// SelfSignalEnds reports whether sig, sent by a node process to itself while nothing listens
// for it, ends the process: not for the signals node ignores until listened for (SIGPIPE,
// SIGXFSZ, SIGUSR1, which starts its inspector), nor for those whose default is to be ignored
// or to stop the process (an embedder's runtime that stands for a process does not stop).
func SelfSignalEnds(sig syscall.Signal) bool {
	switch sig {
	case syscall.SIGPIPE, syscall.SIGXFSZ, syscall.SIGUSR1,
		syscall.SIGCHLD, syscall.SIGURG, syscall.SIGWINCH, syscall.SIGCONT,
		syscall.SIGTSTP, syscall.SIGTTIN, syscall.SIGTTOU, syscall.SIGSTOP:
		return false
	}
	return true
}

func (rt *Runtime) watchSignal(name string, on bool) {
	sig := modules.SignalNumber(name)
	if sig == 0 {
		return
	}
	rt.signals.mu.Lock()
	if rt.signals.watched == nil {
		rt.signals.watched = make(map[syscall.Signal]bool)
	}
	was := rt.signals.watched[sig]
	rt.signals.watched[sig] = on
	rt.signals.mu.Unlock()
	if on && !was && rt.opts.SignalListener != nil {
		rt.opts.SignalListener(sig)
	}
}

// Preload requires module before the main script runs (-r / --require).
func (rt *Runtime) Preload(module string) {
	rt.preload = append(rt.preload, module)
}

// PreloadImport imports the ES module specifier (resolved against the working directory) before
// the main script runs, after the Preload modules, waiting for its top-level await (--import).
func (rt *Runtime) PreloadImport(specifier string) {
	rt.imports = append(rt.imports, specifier)
}
