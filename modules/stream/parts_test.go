package stream

import (
	"testing"

	"github.com/gojs-dev/gojs/modules/internal/gluepartstest"
)

// TestGluePartsNames checks the names the glues' parts are given (gluepartstest.Check).
func TestGluePartsNames(t *testing.T) {
	gluepartstest.Check(t, &streamsJS)
	gluepartstest.Check(t, &webstreamsJS)
}
