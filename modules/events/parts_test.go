package events

import (
	"testing"

	"github.com/gojs-dev/gojs/modules/internal/gluepartstest"
)

// TestGluePartsNames checks the names events.js's parts are given (gluepartstest.Check).
func TestGluePartsNames(t *testing.T) {
	gluepartstest.Check(t, &glue)
}
