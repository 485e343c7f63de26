package runtime

import (
	"reflect"
	goruntime "runtime"
	"strings"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
)

// V8 names an awaiting async function's frame as it named the call that started it: "at async
// UserService.find", "at async Module.run". goja's async frames (the ones CaptureCallStack adds
// at the end, the async functions awaiting the running one, outward) have the function's name
// only. Each comes from a suspended async function (goja's asyncRunner), reached from the
// running one through its promise's single fulfill reaction, and the suspended function's saved
// value stack begins with its callee and receiver, as a running frame's does at its base.
//
// goja stops where that reaction is not an await. V8 goes on (its CaptureAsyncStackTrace): a
// reaction of Promise.all's (allSettled's, any's) element function gives a frame "at async
// Promise.all (index 1)" and the walk goes on from the promise the combinator settles; a
// reaction that resolves another promise (race's) goes on from that promise; any other then's
// reaction goes on from the promise then made (`await p.then(f)`, `.catch`, `.finally`).
// awaitingChain walks the chain V8's way; its first steps are goja's own frames,
// awaitingTail makes frames of the rest, and asyncFrameSlots gives every async frame its callee
// and receiver. asyncLayout is where goja keeps what the walk reads, found by reflection once.
type asyncLayout struct {
	ok                          bool
	vmRunner                    uintptr // vm.curAsyncRunner (*asyncRunner)
	runnerCtx, runnerCap        uintptr // asyncRunner.gen.ctx (execCtx), asyncRunner.promiseCap
	ctxStack, ctxPrg, ctxSB     uintptr // execCtx.stack, execCtx.context.prg, .sb
	ctxPC                       uintptr // execCtx.context.pc
	capPromise                  uintptr // promiseCapability.promise (*Object)
	promiseFulfill, reactRunner uintptr // Promise.fulfillReactions, promiseReaction.asyncRunner
	promiseReject               uintptr // Promise.rejectReactions
	reactCap, reactHandler      uintptr // promiseReaction.capability, .handler (*jobCallback)
	jobCallback                 uintptr // jobCallback.callback (a func value)
	prgFuncName                 uintptr // goja.Program.funcName
	sfFuncName, sfPC, sfPrg     uintptr // goja.StackFrame's funcName, pc, prg
}

var asyncLayoutOf = modules.Lazy[asyncLayout]{Build: func() asyncLayout {
	var l asyncLayout
	prgType, valueType := reflect.TypeFor[*goja.Program](), reflect.TypeFor[goja.Value]()
	objType, intType := reflect.TypeFor[*goja.Object](), reflect.TypeFor[int]()
	nameType := reflect.TypeFor[unistring.String]()
	field := func(t reflect.Type, name string) (reflect.StructField, bool) {
		if t.Kind() != reflect.Struct {
			return reflect.StructField{}, false
		}
		f, ok := t.FieldByName(name)
		return f, ok && len(f.Index) == 1
	}
	ptrStruct := func(t reflect.Type) bool { return t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct }
	vmf, ok := field(reflect.TypeFor[goja.Runtime](), "vm")
	if !ok || !ptrStruct(vmf.Type) {
		return l
	}
	cur, ok := field(vmf.Type.Elem(), "curAsyncRunner")
	if !ok || !ptrStruct(cur.Type) {
		return l
	}
	runnerType := cur.Type.Elem()
	gen, ok1 := field(runnerType, "gen")
	pcap, ok2 := field(runnerType, "promiseCap")
	if !ok1 || !ok2 || !ptrStruct(pcap.Type) {
		return l
	}
	ctx, ok := field(gen.Type, "ctx")
	if !ok {
		return l
	}
	stack, ok1 := field(ctx.Type, "stack")
	embedded, ok2 := field(ctx.Type, "context")
	if !ok1 || !ok2 || stack.Type.Kind() != reflect.Slice || stack.Type.Elem() != valueType {
		return l
	}
	prg, ok1 := field(embedded.Type, "prg")
	sb, ok2 := field(embedded.Type, "sb")
	pc, ok3 := field(embedded.Type, "pc")
	if !ok1 || !ok2 || !ok3 || prg.Type != prgType || sb.Type != intType || pc.Type != intType {
		return l
	}
	promise, ok := field(pcap.Type.Elem(), "promise")
	if !ok || promise.Type != objType {
		return l
	}
	fulfill, ok1 := field(reflect.TypeFor[goja.Promise](), "fulfillReactions")
	reject, ok2 := field(reflect.TypeFor[goja.Promise](), "rejectReactions")
	if !ok1 || !ok2 || fulfill.Type.Kind() != reflect.Slice || !ptrStruct(fulfill.Type.Elem()) || reject.Type != fulfill.Type {
		return l
	}
	reactType := fulfill.Type.Elem().Elem()
	react, ok := field(reactType, "asyncRunner")
	if !ok || react.Type != cur.Type {
		return l
	}
	rcap, ok1 := field(reactType, "capability")
	handler, ok2 := field(reactType, "handler")
	if !ok1 || !ok2 || rcap.Type != pcap.Type || !ptrStruct(handler.Type) {
		return l
	}
	cb, ok := field(handler.Type.Elem(), "callback")
	if !ok || cb.Type != reflect.TypeFor[func(goja.FunctionCall) goja.Value]() {
		return l
	}
	fn, ok := field(reflect.TypeFor[goja.Program](), "funcName")
	if !ok || fn.Type != nameType {
		return l
	}
	sfType := reflect.TypeFor[goja.StackFrame]()
	sfName, ok1 := field(sfType, "funcName")
	sfPC, ok2 := field(sfType, "pc")
	sfPrg, ok3 := field(sfType, "prg")
	if !ok1 || !ok2 || !ok3 || sfName.Type != nameType || sfPC.Type != intType || sfPrg.Type != prgType {
		return l
	}
	return asyncLayout{ok: true, vmRunner: cur.Offset, runnerCtx: gen.Offset + ctx.Offset, runnerCap: pcap.Offset,
		ctxStack: stack.Offset, ctxPrg: embedded.Offset + prg.Offset, ctxSB: embedded.Offset + sb.Offset,
		ctxPC: embedded.Offset + pc.Offset, capPromise: promise.Offset, promiseFulfill: fulfill.Offset,
		reactRunner: react.Offset, promiseReject: reject.Offset, reactCap: rcap.Offset, reactHandler: handler.Offset,
		jobCallback: cb.Offset, prgFuncName: fn.Offset, sfFuncName: sfName.Offset, sfPC: sfPC.Offset, sfPrg: sfPrg.Offset}
}}

// awaitStep is one step of the awaiting chain: an awaiting async function (runner, its
// asyncRunner), or a Promise combinator's element (comb, with the element's index).
type awaitStep struct {
	runner unsafe.Pointer
	comb   combinatorKind
	index  int
}

// frame reports whether the step has a frame: a combinator's always, an async function's when
// goja gives it one (it has a program or a stack base).
func (st awaitStep) frame(l *asyncLayout) bool {
	if st.runner == nil {
		return true
	}
	ctx := unsafe.Add(st.runner, l.runnerCtx)
	return *(*unsafe.Pointer)(unsafe.Add(ctx, l.ctxPrg)) != nil || *(*int)(unsafe.Add(ctx, l.ctxSB)) > 0
}

// combinator element functions, told by their code: method values of these methods
var (
	elementFulfilledPC = modules.Lazy[uintptr]{Build: func() uintptr {
		return reflect.ValueOf((*promiseElement)(nil).onFulfilled).Pointer()
	}}
	elementRejectedPC = modules.Lazy[uintptr]{Build: func() uintptr {
		return reflect.ValueOf((*promiseElement)(nil).onRejected).Pointer()
	}}
)

// methodValueClosure is the closure of a method value of a pointer receiver (Go's func value
// points at it): the code, then the receiver.
type methodValueClosure struct {
	code uintptr
	recv unsafe.Pointer
}

// handlerClosure is the closure of a reaction's handler (nil for none).
func handlerClosure(l *asyncLayout, reaction unsafe.Pointer) *methodValueClosure {
	h := *(*unsafe.Pointer)(unsafe.Add(reaction, l.reactHandler))
	if h == nil {
		return nil
	}
	return *(**methodValueClosure)(unsafe.Add(h, l.jobCallback))
}

// promiseOfObject is o's goja promise (nil for none).
func promiseOfObject(o *goja.Object) *goja.Promise {
	if o == nil {
		return nil
	}
	p, _ := modules.ExportAs[*goja.Promise](o)
	return p
}

// onlyReaction is p's single reaction of the given list (fulfil or reject), nil when it has not
// exactly one (or is settled: goja drops the reactions then).
func onlyReaction(l *asyncLayout, p *goja.Promise, off uintptr) unsafe.Pointer {
	rs := *(*[]unsafe.Pointer)(unsafe.Add(unsafe.Pointer(p), off))
	if len(rs) != 1 {
		return nil
	}
	return rs[0]
}

// reactionJobLayout is what is known of goja's promise reaction job (the closure
// newPromiseReactionJob returns): its code, and the word of its closure that holds the reaction.
type reactionJobLayout struct {
	ok   bool
	code uintptr
	word uintptr
}

// reactionJobOf finds it once, by a probe on a scratch runtime: a reaction job queued (a
// promise resolved from JS, so that the queue is not drained yet) whose reaction is known.
var reactionJobOf = modules.Lazy[reactionJobLayout]{Build: func() (out reactionJobLayout) {
	l := asyncLayoutOf.Get()
	qf, ok := reflect.TypeFor[goja.Runtime]().FieldByName("jobQueue")
	if !l.ok || !ok || qf.Type != reflect.TypeFor[[]func()]() {
		return out
	}
	r := goja.New()
	var reaction unsafe.Pointer
	_ = r.Set("note", func(call goja.FunctionCall) goja.Value {
		if o, ok := call.Argument(0).(*goja.Object); ok {
			if p := promiseOfObject(o); p != nil {
				reaction = onlyReaction(&l, p, l.promiseFulfill)
			}
		}
		return goja.Undefined()
	})
	_ = r.Set("probe", func(goja.FunctionCall) goja.Value {
		q := *(*[]func())(unsafe.Add(unsafe.Pointer(r), qf.Offset))
		if len(q) != 1 || reaction == nil || q[0] == nil {
			return goja.Undefined()
		}
		// (the reaction is the closure's first captured word: read no further, as a closure
		// of another shape may be shorter)
		c := *(**methodValueClosure)(unsafe.Pointer(&q[0]))
		if c.recv == reaction {
			out = reactionJobLayout{ok: true, code: c.code, word: unsafe.Offsetof(c.recv)}
		}
		return goja.Undefined()
	})
	_, _ = r.RunString("let res; const p = new Promise((r) => { res = r; }); p.then(() => {}); note(p); res(1); probe();")
	return out
}}

// resolvingLayout is what is known of goja's resolve functions (a promise's, made by
// createResolvingFunctions: new Promise's executor gets them): their code, and the word of
// their closure that holds the promise they resolve.
type resolvingLayout struct {
	ok   bool
	code uintptr
	word int
}

// resolvingOf finds it once, by a probe on a scratch runtime: the resolve function of a promise
// known, whose closure's captured words are read in turn for it.
var resolvingOf = modules.Lazy[resolvingLayout]{Build: func() (out resolvingLayout) {
	r := goja.New()
	_ = r.Set("probe", func(call goja.FunctionCall) goja.Value {
		res, ok1 := call.Argument(0).(*goja.Object)
		p, ok2 := call.Argument(1).(*goja.Object)
		if !ok1 || !ok2 || promiseOfObject(p) == nil {
			return goja.Undefined()
		}
		f, ok := modules.ExportAs[func(goja.FunctionCall) goja.Value](res)
		if !ok || f == nil {
			return goja.Undefined()
		}
		words := *(*unsafe.Pointer)(unsafe.Pointer(&f))
		want := unsafe.Pointer(promiseOfObject(p))
		// (it captures whether it was called, the promise and the runtime: three words, read
		// up to the promise's)
		for w := 1; w <= 3; w++ {
			if *(*unsafe.Pointer)(unsafe.Add(words, w*int(unsafe.Sizeof(uintptr(0))))) == want {
				out = resolvingLayout{ok: true, code: *(*uintptr)(words), word: w}
				break
			}
		}
		return goja.Undefined()
	})
	_, _ = r.RunString("let res; const p = new Promise((r) => { res = r; }); probe(res, p);")
	return out
}}

// resolvedPromise is the promise a reaction's handler resolves when it is a promise's resolve
// function (`p.then(resolve, reject)` in new Promise's executor), else nil.
func resolvedPromise(l *asyncLayout, reaction unsafe.Pointer) *goja.Promise {
	c := handlerClosure(l, reaction)
	if c == nil {
		return nil
	}
	rl := resolvingOf.Get()
	if !rl.ok || c.code != rl.code {
		return nil
	}
	return *(**goja.Promise)(unsafe.Add(unsafe.Pointer(c), rl.word*int(unsafe.Sizeof(uintptr(0)))))
}

// runningReaction is the reaction whose job the loop is running, nil when it runs none (or
// another job).
func (rt *Runtime) runningReaction() unsafe.Pointer {
	job := rt.loop.RunningJob()
	if job == nil {
		return nil
	}
	jl := reactionJobOf.Get()
	if !jl.ok {
		return nil
	}
	c := *(**methodValueClosure)(unsafe.Pointer(&job))
	if c == nil || !reactionJobCode(c.code, jl.code) {
		return nil
	}
	return c.recv
}

// reactionJobCodes holds the answers of reactionJobCode (code -> whether it is a reaction job's).
var reactionJobCodes sync.Map

// reactionJobCode reports whether code is that of a reaction job's closure: the probe's, or a
// copy the compiler made of it where it inlined newPromiseReactionJob (addReactions' for a
// promise already settled), which captures the same.
func reactionJobCode(code, probed uintptr) bool {
	if code == probed {
		return true
	}
	if v, ok := reactionJobCodes.Load(code); ok {
		return v.(bool)
	}
	f := goruntime.FuncForPC(code)
	yes := f != nil && strings.HasPrefix(f.Name(), "github.com/dop251/goja.") && strings.HasSuffix(f.Name(), ".newPromiseReactionJob.func1")
	reactionJobCodes.Store(code, yes)
	return yes
}

// awaitingChain is the chain of what awaits the running async function, outward, V8's way;
// the first nGoja steps are the ones goja walks itself (its async frames). Outside an async
// function, in a then callback, V8 walks from the promise then made (goja: none). Loop only.
func (rt *Runtime) awaitingChain() (steps []awaitStep, nGoja int, l *asyncLayout) {
	lay := asyncLayoutOf.Get()
	l = &lay
	if !l.ok {
		return nil, 0, l
	}
	cl := calleeLayoutOf.Get()
	if !cl.ok {
		return nil, 0, l
	}
	vmp := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(rt.vm), cl.rtVM))
	if vmp == nil {
		return nil, 0, l
	}
	promiseOfRunner := func(runner unsafe.Pointer) *goja.Promise {
		pcap := *(*unsafe.Pointer)(unsafe.Add(runner, l.runnerCap))
		if pcap == nil {
			return nil
		}
		return promiseOfObject(*(**goja.Object)(unsafe.Add(pcap, l.capPromise)))
	}
	var p *goja.Promise
	inGoja := true
	if runner := *(*unsafe.Pointer)(unsafe.Add(vmp, l.vmRunner)); runner != nil {
		p = promiseOfRunner(runner)
	} else if reaction := rt.runningReaction(); reaction != nil && *(*unsafe.Pointer)(unsafe.Add(reaction, l.reactRunner)) == nil {
		// a then callback's job: on from the promise then made
		inGoja = false
		if pcap := *(*unsafe.Pointer)(unsafe.Add(reaction, l.reactCap)); pcap != nil {
			p = promiseOfObject(*(**goja.Object)(unsafe.Add(pcap, l.capPromise)))
		}
	}
	for guard := 0; p != nil && guard < 1<<16; guard++ {
		reaction := onlyReaction(l, p, l.promiseFulfill)
		if reaction == nil {
			break
		}
		if next := *(*unsafe.Pointer)(unsafe.Add(reaction, l.reactRunner)); next != nil {
			// an async function awaiting p
			if !inGoja && *(*unsafe.Pointer)(unsafe.Add(next, l.runnerCtx+l.ctxPrg)) == nil {
				break // (one goja names from its callee: not one awaitingTail makes)
			}
			steps = append(steps, awaitStep{runner: next})
			if inGoja {
				nGoja++
			}
			p = promiseOfRunner(next)
			continue
		}
		inGoja = false
		if c := handlerClosure(l, reaction); c != nil && c.code == elementFulfilledPC.Get() {
			// Promise.all's or allSettled's element
			e := (*promiseElement)(c.recv)
			steps = append(steps, awaitStep{comb: e.c.kind, index: e.index})
			p = promiseOfObject(e.c.cap.promise)
			continue
		}
		if rr := onlyReaction(l, p, l.promiseReject); rr != nil {
			if c := handlerClosure(l, rr); c != nil && c.code == elementRejectedPC.Get() {
				if e := (*promiseElement)(c.recv); e.c.kind == combineAny {
					steps = append(steps, awaitStep{comb: combineAny, index: e.index})
					p = promiseOfObject(e.c.cap.promise)
					continue
				}
			}
		}
		if next := resolvedPromise(l, reaction); next != nil {
			// a promise's resolve function: on with that promise
			p = next
			continue
		}
		// a then's reaction: on with the promise then made
		pcap := *(*unsafe.Pointer)(unsafe.Add(reaction, l.reactCap))
		if pcap == nil {
			break
		}
		p = promiseOfObject(*(**goja.Object)(unsafe.Add(pcap, l.capPromise)))
	}
	return steps, nGoja, l
}

// awaitingTail is the async frames V8 shows past goja's own (see awaitingChain), to append to
// a stack goja captured whole just now; nil when there are none. Loop only.
func (rt *Runtime) awaitingTail() []goja.StackFrame {
	steps, nGoja, l := rt.awaitingChain()
	if len(steps) <= nGoja {
		return nil
	}
	var out []goja.StackFrame
	for _, st := range steps[nGoja:] {
		if !st.frame(l) {
			continue
		}
		var f goja.StackFrame
		fp := unsafe.Pointer(&f)
		if st.runner == nil {
			*(*unistring.String)(unsafe.Add(fp, l.sfFuncName)) = unistring.String("Promise." + combinatorNames[st.comb])
			*(*int)(unsafe.Add(fp, l.sfPC)) = combinatorIndexPC + st.index
		} else {
			ctx := unsafe.Add(st.runner, l.runnerCtx)
			prg := *(*unsafe.Pointer)(unsafe.Add(ctx, l.ctxPrg))
			*(*unsafe.Pointer)(unsafe.Add(fp, l.sfPrg)) = prg
			*(*unistring.String)(unsafe.Add(fp, l.sfFuncName)) = *(*unistring.String)(unsafe.Add(prg, l.prgFuncName))
			*(*int)(unsafe.Add(fp, l.sfPC)) = *(*int)(unsafe.Add(ctx, l.ctxPC))
		}
		out = append(out, f)
	}
	return out
}

// combinatorFrame reports whether f is one of awaitingTail's combinator frames, and its
// combinator and index.
func combinatorFrame(f *goja.StackFrame) (name string, index int, ok bool) {
	l := asyncLayoutOf.Get()
	if !l.ok || frameProgram(f) != nil {
		return "", 0, false
	}
	pc := *(*int)(unsafe.Add(unsafe.Pointer(f), l.sfPC))
	if pc < combinatorIndexPC || pc >= combinatorIndexPC+1<<40 {
		return "", 0, false
	}
	name = f.FuncName()
	if len(name) < 9 || name[:8] != "Promise." {
		return "", 0, false
	}
	return name[8:], pc - combinatorIndexPC, true
}

// asyncFrameSlots returns the callee and receiver of each of the async frames that
// CaptureCallStack adds now (with awaitingTail's after them), in its order, with at counting
// from first; nil when goja's layout is unknown or the chain is not n frames long. Loop only.
func (rt *Runtime) asyncFrameSlots(first, n int) []frameSlot {
	if n <= 0 {
		return nil
	}
	steps, _, l := rt.awaitingChain()
	out := make([]frameSlot, 0, n)
	for _, st := range steps {
		if !st.frame(l) {
			continue
		}
		if len(out) == n {
			return nil // (more than the frames captured: not the same chain)
		}
		sl := frameSlot{at: first + len(out), async: true}
		if st.runner != nil {
			stack := *(*[]goja.Value)(unsafe.Add(unsafe.Add(st.runner, l.runnerCtx), l.ctxStack))
			if len(stack) > 1 {
				sl.callee, _ = stack[0].(*goja.Object)
				sl.this = stack[1]
			}
			if sl.this == nil {
				// (an arrow function's: the receiver its call noted, see asyncarrowthis.go)
				sl.this, _ = rt.loop.AsyncThis(runnerPromise(l, st.runner))
			}
		}
		out = append(out, sl)
	}
	if len(out) != n {
		return nil
	}
	return out
}
