// Package preparedtest is the up-to-date test of a module's glue rewritten ahead of time for lazy
// exports (modules.LazyPreparedFiles), shared by the packages that have one. Only tests import
// it.
package preparedtest

import (
	"go/format"
	"os"
	"testing"

	"github.com/gojs-dev/gojs/modules"
)

// Check fails when m's prepared glue (the files jsFile and lazyprepared.go of package pkg, whose
// function fn gives it) is not what the rewrite makes of m's glue now; with update it writes them
// instead (go generate).
func Check(t *testing.T, m *modules.Module, pkg, fn, jsFile string, update bool) {
	t.Helper()
	goSrc, js, stale := modules.LazyPreparedFiles(m, pkg, fn, jsFile)
	if !update {
		if stale {
			t.Fatalf("%s or lazyprepared.go is stale: run go generate ./modules/%s", jsFile, pkg)
		}
		return
	}
	src, err := format.Source([]byte(goSrc))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(jsFile, []byte(js), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("lazyprepared.go", src, 0o644); err != nil {
		t.Fatal(err)
	}
}
