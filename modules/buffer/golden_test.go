package buffer_test

import (
	"testing"

	"github.com/gojs-dev/gojs/modules/buffer/buffertest"
)

// TestGoldens runs this area's golden scripts on a bare runtime with the buffer modules; the
// full runtime runs the same scripts through cmd/gojs.
func TestGoldens(t *testing.T) {
	buffertest.Goldens(t, "../..", []string{"buffer_*.txtar", "encoding_*.txtar"})
}
