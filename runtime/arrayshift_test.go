package runtime

import "testing"

// The shift/unshift guards read goja's array through its reflected layout; if goja changes it,
// they fall back to goja's own methods (correct, but quadratic for a queue): this says so.
func TestArrayLayoutKnown(t *testing.T) {
	if l := arrayFields.Get(); !l.ok {
		t.Fatal("goja's arrayObject layout is not the one arrayshift.go reads")
	}
}
