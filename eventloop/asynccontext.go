package eventloop

// Async context: an opaque value (AsyncLocalStorage's frame) that follows the program's logical
// flow. It is captured when a callback is scheduled (nextTick, timers, immediates, reservations,
// handles, promise reactions) and restored while that callback runs, as Node's async_hooks
// execution contexts are.

// AsyncContext returns the current async context. Loop only.
func (l *Loop) AsyncContext() any { return l.actx }

// SetAsyncContext replaces the current async context (AsyncLocalStorage.run/enterWith). Loop only.
func (l *Loop) SetAsyncContext(v any) {
	if v != nil {
		l.jobCtxOn = true
	}
	l.switchCtx(v)
}

// runTaskIn runs task as a macrotask with ctx as its async context.
func (l *Loop) runTaskIn(ctx any, task func() error) {
	l.switchCtx(ctx)
	l.RunTask(task)
	l.switchCtx(nil)
	l.leaveAsync()
}

// contextTracker carries the async context across goja's promise reaction jobs.
type contextTracker struct{ l *Loop }

// With async hooks set, each reaction is a PROMISE resource of its own (see promiseFrame): goja
// shows no promise being made, so its init comes when a reaction is registered (then, await),
// triggered by the execution registering it. Without hooks a reaction runs in execution 0, as
// node's do while no promise hook is enabled.
func (t contextTracker) Grab() any {
	l := t.l
	if l.as.hooks == nil {
		return l.actx
	}
	id := l.NewAsyncID()
	res := l.hookInit(id, "PROMISE", l.as.cur.id, nil)
	return &promiseFrame{ctx: l.actx, id: id, trigger: l.as.cur.id, res: res}
}

func (t contextTracker) Resumed(ctx any) {
	l := t.l
	if pf, ok := ctx.(*promiseFrame); ok {
		l.switchCtx(pf.ctx)
		l.enterAsync(pf.id, pf.trigger, pf.res)
		return
	}
	l.switchCtx(ctx)
	if l.as.hooks != nil {
		// a reaction registered before any hook was enabled: node's promise hook still sees it
		// run (before/after, with no init)
		l.enterAsync(l.NewAsyncID(), 0, nil)
		return
	}
	l.enterAsync(0, 0, nil)
	l.as.open = true // (a hook enabled by the reaction gets its after: see closeAsync)
}

func (t contextTracker) Exited() {
	l := t.l
	ctx := l.actx
	l.switchCtx(nil)
	if l.jobCtxOn {
		// (what settling the reaction's promise queues runs in the reaction's context)
		l.afterReaction, l.afterReactionSet = ctx, true
	}
	if l.as.open && l.as.hooks != nil {
		// the reaction settled its promise (when it returned a value; a thenable settles it later)
		l.hookFailed(l.as.hooks.PromiseResolve(l.as.cur.id))
	}
	l.leaveAsync()
}
