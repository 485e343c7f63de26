package util

import (
	"testing"

	"github.com/gojs-dev/gojs/modules/internal/gluepartstest"
)

// TestGluePartsNames checks the names inspect.js's and util.js's parts are given
// (gluepartstest.Check).
func TestGluePartsNames(t *testing.T) {
	gluepartstest.Check(t, &inspectJS)
	gluepartstest.Check(t, &utilJS)
}
