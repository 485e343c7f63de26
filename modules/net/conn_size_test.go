package net

import (
	"testing"
	"unsafe"
)

// An idle connection's Go side is mostly its conn: a field used only by some sockets (a
// client's connect, http2's feedNext) lives behind a pointer, and the flags sit together, so
// that the struct stays in the 208-byte allocation size (it was 288 before; each connection
// held open pays for it).
func TestConnSize(t *testing.T) {
	if n := unsafe.Sizeof(conn{}); n > 208 {
		t.Errorf("conn is %d bytes, want at most 208", n)
	}
}
