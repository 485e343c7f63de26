package intl

import (
	"testing"

	"github.com/gojs-dev/gojs/modules/internal/gluepartstest"
)

// TestGluePartsNames checks the names intl.js's parts are given (gluepartstest.Check).
func TestGluePartsNames(t *testing.T) {
	gluepartstest.Check(t, &intlJS)
}
