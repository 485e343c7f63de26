package modules

import "github.com/dop251/goja"

// ReactionFunc is the glue's reaction(fn, a, b): it queues the call fn(a, b) (this undefined) as
// `Promise.resolve().then(() => fn(a, b))` would queue its reaction, without making the two
// promises and the four resolving functions that costs in goja (the loop's QueueReaction), and
// returns true; or it queues nothing and returns false (async hooks are set, so node's promise
// would be a PROMISE resource: the caller then makes the promise). It is for the glue's internal
// promises whose only effect is when a step runs, on hot paths (a chunk of a stream). fn must
// catch what it may throw: a throw is reported as uncaught. Loop only.
func (h *Host) ReactionFunc() func(goja.FunctionCall) goja.Value {
	vm := h.VM
	l := h.Loop
	return func(c goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(c.Argument(0))
		if !ok || l == nil {
			return vm.ToValue(false)
		}
		a, b := c.Argument(1), c.Argument(2)
		queued := l.QueueReaction(func() error {
			_, err := fn(goja.Undefined(), a, b)
			return err
		})
		return vm.ToValue(queued)
	}
}
