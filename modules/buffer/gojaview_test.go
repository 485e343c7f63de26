package buffer

import "testing"

// TestGojaLayoutProbe fails when a goja upgrade moves the unexported fields gojaview.go reads:
// Buffer then still works, through goja's public API, but slower. Update the probe's field
// names (or drop the fast reads) when it fails.
func TestGojaLayoutProbe(t *testing.T) {
	if !gojaLayout().ok {
		t.Fatal("goja's array or typed array layout changed; buffer falls back to Export")
	}
}
