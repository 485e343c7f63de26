package eventloop

import (
	"slices"
	"unsafe"

	"github.com/dop251/goja"
)

// goja runs the promise jobs a callback queued when the outermost call into JS returns
// (Runtime.leave), and when a job lets an uncatchable error out (a stack overflow in a
// reaction's handler or in an async function's continuation: goja lets no JS catch one, and its
// job re-panics it) it drops every job still queued (leaveAbrupt): the other promises' reactions
// never ran, and a program that handled the uncaught error (process.on('uncaughtException'),
// node:test's runner failing the test) stalled on promises that never settled. So the
// trampoline's run hands goja's queue to the loop as it returns (goja's leave then finds it
// empty), and callTramp runs those jobs itself, in the same order at the same point (after the
// trampoline's frame, with no JS on the stack). A job that overflows is reported as uncaught
// (node rejects that reaction's promise; goja keeps that promise where no Go code can reach it)
// and the other jobs run. An interrupt (process.exit, Close) drops them, as goja does.

// jobQueue returns goja's job queue (see jobsOffset); nil when the probe failed.
func jobQueue(vm *goja.Runtime) *[]func() {
	if !jobsProbe() {
		return nil
	}
	return (*[]func())(unsafe.Add(unsafe.Pointer(vm), jobsOffset))
}

// takeJobs moves goja's queued jobs to the loop's list, as the outermost trampoline's run
// returns. Loop only.
func (l *Loop) takeJobs() {
	if l.trampDepth != 1 {
		return // a nested trampoline: goja leaves the jobs queued for the outer one
	}
	q := jobQueue(l.vm)
	if q == nil || len(*q) == 0 {
		return
	}
	if l.jobCtxOn {
		l.sealJobs(l.queueCtx())
		l.sealedN = 0
	}
	l.jobs = append(l.jobs, *q...)
	clear(*q)
	*q = (*q)[:0]
}

// dropJobs forgets the jobs taken, as goja's leaveAbrupt forgets its queue.
func (l *Loop) dropJobs() {
	clear(l.jobs)
	l.jobs, l.jobPos = l.jobs[:0], 0
	if q := jobQueue(l.vm); q != nil {
		clear(*q)
		*q = (*q)[:0]
	}
}

// runJobs runs the jobs taken and those they queue, in order, until none is left. It returns
// the interrupt that stopped them, or a stack overflow it could not route itself. Loop only;
// with no JS on the stack.
func (l *Loop) runJobs() error {
	// (whether node runs them from its tick processing is settled by the task before them: a
	// tick or rejection a job queues is processed after node's microtask checkpoint)
	l.inJobs++
	prev := l.jobsCall
	l.jobsCall = l.jobsKind()
	defer func() { l.inJobs--; l.jobsCall = prev }()
	n, held := holdJobsFrame(l.vm)
	defer releaseJobsFrame(l.vm, n, held)
	at := Mark(l.vm)
	for {
		more, err := l.runJobsFrom(at)
		if !more {
			return err
		}
	}
}

// runJobsFrom runs jobs until none is left (more false) or one overflowed the stack, which it
// reports as uncaught, the VM's stacks put back at at (more true: go on).
func (l *Loop) runJobsFrom(at VMMark) (more bool, err error) {
	defer func() {
		l.curJob = nil
		x := recover()
		if x == nil {
			return
		}
		switch e := x.(type) {
		case *goja.StackOverflowError:
			if at.Restore(l.vm) {
				l.fail(e)
				more = l.exitCode == nil && !l.Stopped()
				if !more {
					l.dropJobs()
				}
				return
			}
			l.dropJobs()
			err = e
			return
		case *goja.InterruptedError:
			l.dropJobs()
			err = e
			return
		}
		l.dropJobs()
		panic(x)
	}()
	for {
		for l.jobPos < len(l.jobs) {
			job := l.jobs[l.jobPos]
			l.jobs[l.jobPos] = nil
			l.jobPos++
			l.curJob = job
			job()
			l.curJob = nil
		}
		l.jobs, l.jobPos = l.jobs[:0], 0
		l.takeJobs()
		if len(l.jobs) == 0 {
			return false, nil
		}
	}
}

// RunningJob is the promise job of goja's the loop is running (one goja queued: a reaction's, a
// thenable's), nil when none runs. The runtime reads a reaction job's reaction from it (V8 goes
// on from a then callback's promise to what awaits it). Loop only.
func (l *Loop) RunningJob() func() { return l.curJob }

// JobsMark is how many promise jobs goja holds queued now: the mark TakeJobsSince and
// RunJobsSince count from (node's vm contexts with microtaskMode 'afterEvaluate' run the jobs
// their code queued when it has run). -1 when goja's queue cannot be reached. Loop only.
func (l *Loop) JobsMark() int {
	q := jobQueue(l.vm)
	if q == nil {
		return -1
	}
	return len(*q)
}

// TakeJobsSince removes the jobs goja queued since mark (JobsMark) and returns them, in order.
// Loop only.
func (l *Loop) TakeJobsSince(mark int) []func() {
	q := jobQueue(l.vm)
	if q == nil || mark < 0 || mark >= len(*q) {
		return nil
	}
	if l.jobCtxOn {
		l.sealJobs(l.queueCtx()) // (each taken job keeps the context it was queued in)
		l.sealedN = mark
		if mark > 0 {
			l.sealedLast = closurePtr((*q)[mark-1])
		}
	}
	jobs := slices.Clone((*q)[mark:])
	clear((*q)[mark:])
	*q = (*q)[:mark]
	return jobs
}

// QueueJobs puts jobs, as TakeJobsSince returned them, at the end of goja's queue. Loop only.
func (l *Loop) QueueJobs(jobs []func()) {
	if q := jobQueue(l.vm); q != nil && len(jobs) > 0 {
		if l.jobCtxOn {
			l.sealJobs(l.queueCtx())
		}
		*q = append(*q, jobs...)
		if l.jobCtxOn {
			l.sealedN = len(*q)
			l.sealedLast = closurePtr(jobs[len(jobs)-1])
		}
	}
}

// RunJobsSince runs the jobs goja queued since mark (JobsMark), and those they queue, in order,
// until none is left past mark: a microtask checkpoint of their own, inside the call that is
// running (the jobs queued before mark wait for the loop's). Loop only.
func (l *Loop) RunJobsSince(mark int) {
	for {
		jobs := l.TakeJobsSince(mark)
		if len(jobs) == 0 {
			return
		}
		for i, job := range jobs {
			jobs[i] = nil
			job()
		}
	}
}
