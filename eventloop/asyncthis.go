package eventloop

import (
	"weak"

	"github.com/dop251/goja"
)

// An async arrow function resumed after an await runs with no caller below it, and goja keeps
// no receiver for an arrow, where V8 still names its frame after the receiver of the call that
// started it ("at Context.<anonymous>" for mocha's fn.call(ctx), "at EventEmitter.<anonymous>"
// for a listener, "at async Timeout._onTimeout"). So the receiver of such a call is noted by the
// promise the call returned, which goja keeps with the suspended function (its asyncRunner's
// promise capability), for the runtime to find while the function runs.

// asyncThisNotes holds the notes: a weak key, so that a note outlives neither its promise nor,
// once swept, the promise's settling (the function has then ended: no frame of it is made any
// more). The receiver is held as long as the note.
type asyncThisNotes struct {
	m       map[weak.Pointer[goja.Object]]goja.Value
	sweepAt int
}

// NoteAsyncThis notes that the call of an async arrow function that returned promise had this
// as its receiver. Nothing is noted for an undefined or null receiver (no name either way).
// Loop only.
func (l *Loop) NoteAsyncThis(promise, this goja.Value) {
	p, ok := promise.(*goja.Object)
	if l == nil || !ok || this == nil || goja.IsUndefined(this) || goja.IsNull(this) {
		return
	}
	n := &l.asyncThis
	if n.m == nil {
		n.m = map[weak.Pointer[goja.Object]]goja.Value{}
		n.sweepAt = 64
	}
	n.m[weak.Make(p)] = this
	if len(n.m) >= n.sweepAt {
		for k := range n.m {
			if o := k.Value(); o == nil || settled(o) {
				delete(n.m, k)
			}
		}
		n.sweepAt = max(64, 2*len(n.m))
	}
}

// settled reports whether o is a promise that is no longer pending (or no promise).
func settled(o *goja.Object) bool {
	p, ok := o.Export().(*goja.Promise)
	return !ok || p.State() != goja.PromiseStatePending
}

// AsyncThis returns the receiver noted for the async arrow function call that returned promise
// (NoteAsyncThis). Loop only.
func (l *Loop) AsyncThis(promise *goja.Object) (goja.Value, bool) {
	if l == nil || promise == nil || len(l.asyncThis.m) == 0 {
		return nil, false
	}
	this, ok := l.asyncThis.m[weak.Make(promise)]
	return this, ok
}

// IsAsyncArrow reports whether fn is an async arrow function (Hooks.AsyncArrow; false without
// one). Loop only.
func (l *Loop) IsAsyncArrow(fn *goja.Object) bool {
	return l != nil && fn != nil && l.hooks.AsyncArrow != nil && l.hooks.AsyncArrow(fn)
}

// EndCall is EndThis for a call that returned result: when the call noted at mark was of an
// async arrow function, its receiver is noted by the promise it returned (NoteAsyncThis).
// Loop only.
func (l *Loop) EndCall(mark int, result goja.Value) {
	if l == nil {
		return
	}
	if mark < len(l.thisNotes) {
		if n := l.thisNotes[mark]; l.IsAsyncArrow(n.fn) {
			l.NoteAsyncThis(result, n.this)
		}
	}
	l.EndThis(mark)
}
