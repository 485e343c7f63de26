package fs

import (
	"flag"
	"go/format"
	"os"
	"testing"

	"github.com/gojs-dev/gojs/modules"
)

var update = flag.Bool("update", false, "rewrite fs_lazy.js and lazyprepared.go")

// The glue rewritten for lazy exports is generated (go generate): it must be what the rewrite
// makes of the glue now. (A stale one is not used: the glue is rewritten at its first compile.)
func TestLazyPreparedUpToDate(t *testing.T) {
	goSrc, js, stale := modules.LazyPreparedFiles(&Module, "fs", "fsLazy", "fs_lazy.js")
	if *update {
		src, err := format.Source([]byte(goSrc))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("fs_lazy.js", []byte(js), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("lazyprepared.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if stale {
		t.Fatal("fs_lazy.js or lazyprepared.go is stale: run go generate ./modules/fs")
	}
}
