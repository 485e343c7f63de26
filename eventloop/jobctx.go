package eventloop

import (
	"errors"
	"unsafe"

	"github.com/dop251/goja"
)

// Promise jobs and the async context. goja carries the context across a promise reaction (its
// AsyncContextTracker: Grab when a reaction is registered, Resumed/Exited around its handler), but
// not across the other jobs it queues: the job that calls a thenable's then (a promise resolved
// with a thenable: `await query`, `return thenable` from an async function or a then handler,
// Promise.resolve(thenable)) runs in whatever context the loop has at that moment. V8 runs that
// job in the context of the promise being resolved, so node's AsyncLocalStorage store is there
// inside the thenable's then.
//
// Once a program has used a context (an AsyncLocalStorage store), the loop tags each job goja
// queues with the context in effect when it was queued: at each change of context, the jobs
// queued since the last change are wrapped (in place, in goja's queue) by a closure that runs them
// in that context. A reaction's own context still wins (Resumed sets it). The jobs queued by the
// settling of a reaction's promise (after Exited, e.g. resolving it with the thenable its handler
// returned) take the reaction's context, as V8's take the context of that derived promise.

// closurePtr is the identity of a func value (its closure's address).
func closurePtr(f func()) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&f)) }

// switchCtx makes v the current async context, first tagging the jobs queued in the context it
// replaces. Loop only.
func (l *Loop) switchCtx(v any) {
	if l.jobCtxOn {
		l.sealJobs(l.queueCtx())
		l.afterReaction, l.afterReactionSet = nil, false
	}
	l.actx = v
}

// queueCtx is the context of a job queued now: the current one, or, just after a reaction
// returned (its promise being settled), that reaction's.
func (l *Loop) queueCtx() any {
	if l.actx == nil && l.afterReactionSet {
		return l.afterReaction
	}
	return l.actx
}

// sealJobs wraps the jobs goja queued since the last call so that they run in ctx. goja swaps
// its queue's backing arrays as it drains it, and takeJobs empties it: a queue that is not the
// one last tagged (shorter, or another job where the last tagged one was) is tagged from its
// start (a job tagged twice runs in the context of its first tag, the innermost wrapper).
func (l *Loop) sealJobs(ctx any) {
	q := jobQueue(l.vm)
	if q == nil {
		return
	}
	n := len(*q)
	start := l.sealedN
	if start > n || start > 0 && closurePtr((*q)[start-1]) != l.sealedLast {
		start = 0
	}
	for i := start; i < n; i++ {
		(*q)[i] = l.inCtx(ctx, (*q)[i])
	}
	l.sealedN = n
	if n > 0 {
		l.sealedLast = closurePtr((*q)[n-1])
	}
}

// inCtx is job run in ctx, the context before it put back afterwards.
func (l *Loop) inCtx(ctx any, job func()) func() {
	return func() {
		prev, prevJob := l.actx, l.curJob
		l.switchCtx(ctx)
		l.curJob = job // (goja's, within the wrapper: RunningJob)
		job()
		l.curJob = prevJob
		l.switchCtx(prev)
	}
}

// QueueJob queues fn as a promise job of its own (node's enqueueMicrotask, which queueMicrotask
// uses: a job that no promise makes, so async hooks see no PROMISE for it), in the current
// context. It reports false when goja's queue cannot be reached (the caller then goes through
// a promise). Loop only.
func (l *Loop) QueueJob(fn func()) bool {
	q := jobQueue(l.vm)
	if q == nil {
		return false
	}
	if l.jobCtxOn {
		l.sealJobs(l.queueCtx())
		fn = l.inCtx(l.actx, fn)
	}
	*q = append(*q, fn)
	if l.jobCtxOn {
		l.sealedN = len(*q)
		l.sealedLast = closurePtr(fn)
	}
	return true
}

// QueueReaction queues fn as the reaction to an already fulfilled promise would be queued by a
// then() made now: a job at the end of goja's queue, run in the async context current now (the
// context a reaction grabs), entered and left as a reaction is (execution 0). It is for the glue's
// internal promises that nothing else can see, whose only effect is to run fn one microtask later:
// it makes neither the promise nor its resolving functions, nor the derived one then() makes
// (several allocations each in goja). It reports false, and queues nothing, when async hooks are
// set (each reaction is then a PROMISE resource of node's, so the caller makes the real promise)
// or goja's queue cannot be reached. An exception fn returns is reported as uncaught (no promise
// is there to take it: the caller's fn should catch what it expects); an interrupt goes on up.
// Loop only.
func (l *Loop) QueueReaction(fn func() error) bool {
	if l.as.hooks != nil {
		return false
	}
	q := jobQueue(l.vm)
	if q == nil {
		return false
	}
	ctx := l.actx
	job := func() {
		t := contextTracker{l}
		t.Resumed(ctx)
		err := fn()
		t.Exited()
		if err != nil {
			var ex *goja.Exception
			if !errors.As(err, &ex) {
				panic(err)
			}
			l.fail(err)
		}
	}
	if l.jobCtxOn {
		l.sealJobs(l.queueCtx())
	}
	*q = append(*q, job)
	if l.jobCtxOn {
		l.sealedN = len(*q)
		l.sealedLast = closurePtr(job)
	}
	return true
}
