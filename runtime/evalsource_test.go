package runtime

import (
	"testing"

	"github.com/dop251/goja/parser"
)

// TestEvalSourceOptionProbe guards the parser layout evalSourceOption mirrors: without it, code
// compiled from text (eval, new Function) misses the workarounds.
func TestEvalSourceOptionProbe(t *testing.T) {
	o := evalSourceOption()
	if o == nil {
		t.Fatal("goja's parser is not laid out as parserLayout mirrors")
	}
	prg, err := parser.ParseFile(nil, "<eval>", "async function f() { x ??= await y }", 0, o)
	if err != nil {
		t.Fatal(err)
	}
	if got := prg.File.Source(); got != "async function f() { x ?? (x = await y) }" {
		t.Fatalf("parsed %q", got)
	}
}
