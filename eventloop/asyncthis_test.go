package eventloop

import (
	"testing"

	"github.com/dop251/goja"
)

// A receiver noted by a promise is found by it until the promise settles; the sweep drops the
// notes of settled promises.
func TestNoteAsyncThis(t *testing.T) {
	vm := goja.New()
	l := New(vm, Hooks{})
	this := vm.NewObject()
	p, resolve, _ := vm.NewPromise()
	po := vm.ToValue(p).(*goja.Object)
	l.NoteAsyncThis(po, this)
	if got, ok := l.AsyncThis(po); !ok || got != goja.Value(this) {
		t.Fatalf("AsyncThis = %v, %v", got, ok)
	}
	l.NoteAsyncThis(po, goja.Undefined()) // (no note for undefined: the first stays)
	if got, _ := l.AsyncThis(po); got != goja.Value(this) {
		t.Fatalf("undefined replaced the note: %v", got)
	}
	if err := resolve(1); err != nil {
		t.Fatal(err)
	}
	var pending []*goja.Object // (kept alive: their notes must stay)
	for i := 0; i < 100; i++ {
		q, _, _ := vm.NewPromise()
		qo := vm.ToValue(q).(*goja.Object)
		pending = append(pending, qo)
		l.NoteAsyncThis(qo, this)
	}
	if _, ok := l.AsyncThis(po); ok {
		t.Fatal("a settled promise's note survived the sweep")
	}
	for _, qo := range pending {
		if _, ok := l.AsyncThis(qo); !ok {
			t.Fatal("a pending promise's note was swept")
		}
	}
}
