package eventloop

import (
	"bytes"
	"fmt"
	"runtime/debug"

	"github.com/dop251/goja"
)

// EnginePanicError is a Go panic that escaped the JavaScript engine while the loop ran a
// callback: a fault in goja on input it does not expect (a for-of over an iterator whose next is
// not callable dereferences nil inside goja), or in a Go function called from JS. Node would
// have thrown a catchable error there; gojs cannot resume the script at its catch, so the loop
// stops with this error (the host process lives on, and Run returns it) instead of the whole
// process dying of the panic.
type EnginePanicError struct {
	Value any    // what was panicked with
	Stack []byte // the Go stack at the recover (for bug reports)
}

func (e *EnginePanicError) Error() string {
	where := e.Where()
	if where != "" {
		return fmt.Sprintf("internal error: %v (in %s)", e.Value, where)
	}
	return fmt.Sprintf("internal error: %v", e.Value)
}

// Unwrap gives the panic value when it is an error (a runtime.Error for a nil dereference).
func (e *EnginePanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// Where names the innermost Go function of the panic that is not the runtime's or the
// engine's unwinding machinery, or "" when the stack does not say.
func (e *EnginePanicError) Where() string {
	lines := bytes.Split(e.Stack, []byte("\n"))
	// The stack lists the recovering frames first; the faulting frame follows the last
	// "panic(" line.
	start := 0
	for i, ln := range lines {
		if bytes.HasPrefix(ln, []byte("panic(")) {
			start = i + 2
		}
	}
	for i := start; i < len(lines); i++ {
		ln := lines[i]
		if len(ln) == 0 || ln[0] == '\t' || bytes.HasPrefix(ln, []byte("goroutine ")) {
			continue
		}
		if p := bytes.LastIndexByte(ln, '('); p > 0 {
			ln = ln[:p]
		}
		if bytes.HasPrefix(ln, []byte("runtime.")) {
			continue
		}
		return string(ln)
	}
	return ""
}

// callTramp calls the trampoline, turning a Go panic that escapes goja into an
// *EnginePanicError. The engine has unwound its frames by then (each of its try frames restores
// the stacks on the way out), but Go state of the callback that was running is not known to be
// consistent, so the loop is stopped rather than run on.
func (l *Loop) callTramp() (err error) {
	l.trampDepth++
	if l.trampDepth == 1 {
		l.viaTicks, l.viaRejection = false, false // a new task
	}
	defer func() {
		l.trampDepth--
		if x := recover(); x != nil {
			perr := &EnginePanicError{Value: x, Stack: debug.Stack()}
			l.Stop(perr)
			err = perr
		}
	}()
	if l.trampDepth == 1 {
		l.lendStack()
	}
	_, err = l.tramp(goja.Undefined())
	defer func() { l.released = false }()
	if len(l.jobs) > 0 && l.trampDepth == 1 && (err != nil || !l.holdTicks) {
		// the promise jobs the trampoline's run took from goja (jobsdrain.go)
		if err != nil {
			l.dropJobs()
			return err
		}
		if l.released {
			// (held jobs run after the callback's scope, outside its execution, as node's
			// checkpoint does)
			l.leaveAsync()
		}
		l.lendStack()
		err = l.runJobs()
		l.reclaimStack()
	}
	return err
}
