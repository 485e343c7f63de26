package http

import (
	"testing"

	"github.com/gojs-dev/gojs/modules/internal/gluepartstest"
)

// TestGluePartsNames checks the names the parts of fetch's glue are given (gluepartstest.Check).
func TestGluePartsNames(t *testing.T) {
	gluepartstest.Check(t, &fetchJS)
}

// TestHTTPGluePartsNames checks the names the parts of http's glue are given.
func TestHTTPGluePartsNames(t *testing.T) {
	gluepartstest.Check(t, &httpJS)
}

// TestTLSGluePartsNames checks the names the parts of tls's glue are given.
func TestTLSGluePartsNames(t *testing.T) {
	gluepartstest.Check(t, &tlsJS)
}
