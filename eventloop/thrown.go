package eventloop

import "github.com/dop251/goja"

// SafeError returns err, or, when err is a goja exception whose Unwrap panics, an error that
// stands for it without calling that. goja's Exception.Unwrap asks whether the thrown value is a
// GoError (instanceof), which panics when the value is a revoked proxy (throw r.proxy) or a proxy
// whose getPrototypeOf trap throws, and errors.As walks Unwrap: the process died of a Go panic
// where node prints the uncaught value. The stand-in's As still yields the *goja.Exception (its
// Value is the thrown value), it unwraps to nothing, and its Error does not render the value.
func SafeError(err error) error {
	ex, ok := err.(*goja.Exception)
	if !ok || unwrapsSafely(ex) {
		return err
	}
	return thrownValue{ex}
}

func unwrapsSafely(ex *goja.Exception) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	_ = ex.Unwrap()
	return true
}

// thrownValue is a goja exception whose value cannot be unwrapped or rendered safely.
type thrownValue struct{ ex *goja.Exception }

func (t thrownValue) Error() string { return "Uncaught exception" }

func (t thrownValue) Unwrap() error { return nil }

// As gives the exception to a *goja.Exception target.
func (t thrownValue) As(target any) bool {
	if p, ok := target.(**goja.Exception); ok {
		*p = t.ex
		return true
	}
	return false
}
