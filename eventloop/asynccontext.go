package eventloop

// Async context: an opaque value (AsyncLocalStorage's frame) that follows the program's logical
// flow. It is captured when a callback is scheduled (nextTick, timers, immediates, reservations,
// handles, promise reactions) and restored while that callback runs, as Node's async_hooks
// execution contexts are.

// AsyncContext returns the current async context. Loop only.
func (l *Loop) AsyncContext() any { return l.actx }

// SetAsyncContext replaces the current async context (AsyncLocalStorage.run/enterWith). Loop only.
func (l *Loop) SetAsyncContext(v any) { l.actx = v }

// runTaskIn runs task as a macrotask with ctx as its async context.
func (l *Loop) runTaskIn(ctx any, task func() error) {
	l.actx = ctx
	l.RunTask(task)
	l.actx = nil
}

// contextTracker carries the async context across goja's promise reaction jobs.
type contextTracker struct{ l *Loop }

func (t contextTracker) Grab() any       { return t.l.actx }
func (t contextTracker) Resumed(ctx any) { t.l.actx = ctx }
func (t contextTracker) Exited()         { t.l.actx = nil }
