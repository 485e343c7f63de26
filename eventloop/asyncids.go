package eventloop

// Async ids, as node's async_hooks numbers its resources: every timer, immediate, tick, handle
// and reservation gets an id when it is made, and the id of the execution that made it as its
// trigger. While its callback runs, the loop's execution id is the resource's own (the main
// script's is 1, with trigger 0; between callbacks both are 0). The ids cost a counter and two
// int64 fields per resource; the hooks (init, before, after, destroy, promiseResolve) cost
// nothing while none is set (SetAsyncHooks): each hook point is one nil check.
//
// before/after: the loop emits a callback's after when the next execution begins (the ticks
// after a timer's callback, the next callback) or the loop goes between callbacks, so a callback
// that throws still gets its after, as node's uncaught-exception path emits it. destroy is
// queued and emitted in a batch at the start of the next immediates phase, as node's native
// immediate does, before the JS immediates of that turn.

// AsyncHooks receives the async_hooks events (the async_hooks module). Its methods run on the
// loop and call JS; the error one returns (an exit or interrupt a hook made: node ends the
// process when a hook throws) is raised where the loop can route it (hookFailed).
type AsyncHooks interface {
	// Init is a resource made: res is the resource object (a goja value, an object with an
	// AsyncResource method, or nil for one the hooks make). It returns the resource it used, for
	// executionAsyncResource.
	Init(id int64, typ string, trigger int64, res any) (any, error)
	Before(id int64) error
	After(id int64) error
	Destroy(id int64) error
	PromiseResolve(id int64) error
}

// hookFailed raises err, a hook's, as a callback's error inside the trampoline (drive routes
// it); outside it (the loop picking its next callback) the exit or stop err carries is recorded
// already and ends the loop before that callback runs.
func (l *Loop) hookFailed(err error) {
	if err != nil && l.trampDepth > 0 {
		panic(err)
	}
}

// hookInit is the hooks' Init, its error raised (hookFailed).
func (l *Loop) hookInit(id int64, typ string, trigger int64, res any) any {
	r, err := l.as.hooks.Init(id, typ, trigger, res)
	l.hookFailed(err)
	return r
}

// asyncExec is an execution: the running resource's id, its trigger and the resource.
type asyncExec struct {
	id, trigger int64
	res         any
}

// asyncState is the loop's async-id state (one field of Loop).
type asyncState struct {
	last     int64 // the last id given
	cur      asyncExec
	open     bool // Before was emitted for cur.id by the loop and After not yet
	hooks    AsyncHooks
	destroys []int64 // destroy ids not yet emitted
	scopes   []asyncScope
}

// asyncScope is an execution PushAsync saved.
type asyncScope struct {
	exec asyncExec
	open bool
}

func (l *Loop) initAsync() { l.as.last, l.as.cur.id = 1, 1 }

// NewAsyncID returns a new async id. Loop only.
func (l *Loop) NewAsyncID() int64 {
	l.as.last++
	return l.as.last
}

// ExecAsync returns the running execution's id, trigger id and resource (nil when the loop's
// own resource has no object). Loop only.
func (l *Loop) ExecAsync() (id, trigger int64, res any) {
	return l.as.cur.id, l.as.cur.trigger, l.as.cur.res
}

// SetAsyncHooks sets the hooks (nil: none). Loop only.
func (l *Loop) SetAsyncHooks(h AsyncHooks) { l.as.hooks = h }

// AsyncHooksOn reports whether hooks are set. Loop only.
func (l *Loop) AsyncHooksOn() bool { return l.as.hooks != nil }

// EmitInit emits init for a resource the caller made (with an id from NewAsyncID) and returns
// the resource the hooks used (res, or the object they made for nil); nothing without hooks.
// Loop only.
func (l *Loop) EmitInit(id int64, typ string, trigger int64, res any) any {
	if l.as.hooks != nil {
		return l.hookInit(id, typ, trigger, res)
	}
	return res
}

// EmitDestroy queues destroy for id (see the top of this file). Loop only.
func (l *Loop) EmitDestroy(id int64) {
	if l.as.hooks != nil {
		l.as.destroys = append(l.as.destroys, id)
	}
}

// EmitPromiseResolve emits promiseResolve for id. Loop only.
func (l *Loop) EmitPromiseResolve(id int64) {
	if h := l.as.hooks; h != nil {
		l.hookFailed(h.PromiseResolve(id))
	}
}

// PushAsync makes (id, trigger, res) the execution, emitting before, until PopAsync (as
// AsyncResource.runInAsyncScope and node's emitBefore do). Loop only.
func (l *Loop) PushAsync(id, trigger int64, res any) {
	l.as.scopes = append(l.as.scopes, asyncScope{l.as.cur, l.as.open})
	l.as.cur, l.as.open = asyncExec{id, trigger, res}, false
	if h := l.as.hooks; h != nil {
		l.hookFailed(h.Before(id))
	}
}

// PopAsync ends the execution the last PushAsync began, emitting its after. Loop only.
func (l *Loop) PopAsync() {
	n := len(l.as.scopes)
	if n == 0 {
		return
	}
	if h := l.as.hooks; h != nil {
		l.hookFailed(h.After(l.as.cur.id))
	}
	s := l.as.scopes[n-1]
	l.as.scopes[n-1] = asyncScope{}
	l.as.scopes = l.as.scopes[:n-1]
	l.as.cur, l.as.open = s.exec, s.open
}

// EndAsyncStack ends every execution under way, as node's uncaught-exception path does once a
// handler took the error: the after hooks of the running one and of those PushAsync saved,
// innermost first (the main script's id 1 included), then the execution is 0 until the next
// callback. Loop only.
func (l *Loop) EndAsyncStack() {
	if h := l.as.hooks; h != nil {
		if id := l.as.cur.id; id != 0 {
			l.hookFailed(h.After(id))
		}
		for i := len(l.as.scopes) - 1; i >= 0; i-- {
			if id := l.as.scopes[i].exec.id; id != 0 {
				l.hookFailed(h.After(id))
			}
		}
	}
	clear(l.as.scopes)
	l.as.scopes = l.as.scopes[:0]
	l.as.cur, l.as.open = asyncExec{}, false
	// and, as node's, the destroys queued so far follow at once (a throwing tick's own among
	// them: right after its after)
	if len(l.as.destroys) > 0 && l.as.hooks != nil {
		_ = l.flushDestroys()
	}
}

// enterAsync begins the callback of resource id: the previous callback's after, then this one's
// before. Loop only.
func (l *Loop) enterAsync(id, trigger int64, res any) {
	if l.as.hooks == nil {
		// (open even so: a hook enabled by the callback gets its after, as node's does)
		l.as.cur, l.as.open = asyncExec{id, trigger, res}, id != 0
		return
	}
	l.enterAsyncHooked(id, trigger, res)
}

func (l *Loop) enterAsyncHooked(id, trigger int64, res any) {
	l.closeAsync()
	l.as.cur = asyncExec{id, trigger, res}
	if id != 0 {
		l.as.open = true
		l.hookFailed(l.as.hooks.Before(id))
	}
}

// restoreAsync goes back to the execution e (after a tick batch): the running callback's after,
// and no before for e, whose callback already had its own.
func (l *Loop) restoreAsync(e asyncExec) {
	if l.as.hooks != nil {
		l.closeAsync()
	}
	l.as.cur, l.as.open = e, false
}

// leaveAsync ends the running callback: between callbacks the execution is 0.
func (l *Loop) leaveAsync() {
	if l.as.hooks != nil {
		l.closeAsync()
	}
	l.as.cur, l.as.open = asyncExec{}, false
}

// resetAsync is leaveAsync between the loop's callbacks, where the scopes a throw skipped the
// end of are dropped too, as node clears its id stack.
func (l *Loop) resetAsync() {
	if len(l.as.scopes) > 0 {
		clear(l.as.scopes)
		l.as.scopes = l.as.scopes[:0]
	}
	l.leaveAsync()
}

// closeAsync emits the pending after of the loop's running callback.
func (l *Loop) closeAsync() {
	if l.as.open {
		l.as.open = false
		if h := l.as.hooks; h != nil {
			id := l.as.cur.id
			if id == 0 {
				// a promise reaction that began with no hook enabled: node's promise hook gives
				// the promise an id when it first sees it
				id = l.NewAsyncID()
			}
			l.hookFailed(h.After(id))
		}
	}
}

// startDestroys returns the callback that emits the queued destroys, once per immediates phase
// (nil: none queued).
func (l *Loop) startDestroys() func() error {
	if len(l.as.destroys) == 0 || l.as.hooks == nil {
		l.as.destroys = l.as.destroys[:0]
		return nil
	}
	return l.flushDestroys
}

func (l *Loop) flushDestroys() error {
	l.leaveAsync()
	for len(l.as.destroys) > 0 {
		ids := l.as.destroys
		l.as.destroys = nil
		for _, id := range ids {
			if h := l.as.hooks; h != nil {
				l.hookFailed(h.Destroy(id))
			}
		}
	}
	return nil
}

// promiseFrame is the async context goja keeps for a promise reaction while hooks are set: the
// reaction's id (node's id of the promise the reaction settles), its trigger, and the context.
type promiseFrame struct {
	ctx         any
	id, trigger int64
	res         any // the resource the init hook saw: executionAsyncResource while it runs
}

// AsyncReq is a request a handle makes (node's ReqWrap: a connect, a shutdown) as async hooks
// see it: its id, and its handle's as its trigger.
type AsyncReq struct {
	id, trigger int64
	res         any // the resource its init gave the hooks (executionAsyncResource in its callbacks)
}

// NewAsyncReq makes a request of h of type typ, emitting its init. Loop only.
func (h *Handle) NewAsyncReq(typ string) AsyncReq { return h.l.NewAsyncResource(typ, h.aid) }

// NewAsyncResource makes a resource of type typ that Go code runs callbacks of (an http
// parser's), triggered by trigger (< 0: the current execution), emitting its init. Loop only.
func (l *Loop) NewAsyncResource(typ string, trigger int64) AsyncReq {
	if trigger < 0 {
		trigger = l.as.cur.id
	}
	r := AsyncReq{id: l.NewAsyncID(), trigger: trigger}
	if l.as.hooks != nil {
		r.res = l.EmitInit(r.id, typ, r.trigger, nil)
	}
	return r
}

// EnterAsyncReq runs what follows in r's execution (a completion's callback) until
// LeaveAsyncReq, or EndAsyncReq, which also queues r's destroy (the request is done). A throw
// between them leaves it to the loop, which drops the execution after the callback. An r of
// zero does nothing. Loop only.
func (l *Loop) EnterAsyncReq(r AsyncReq) {
	if r.id != 0 {
		l.PushAsync(r.id, r.trigger, r.res)
	}
}

// LeaveAsyncReq: see EnterAsyncReq. Loop only.
func (l *Loop) LeaveAsyncReq(r AsyncReq) {
	if r.id != 0 {
		l.PopAsync()
	}
}

// EndAsyncReq: see EnterAsyncReq. Loop only.
func (l *Loop) EndAsyncReq(r AsyncReq) {
	if r.id != 0 {
		l.PopAsync()
		l.EmitDestroy(r.id)
	}
}
