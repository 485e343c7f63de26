package fs

import (
	"flag"
	"testing"

	"github.com/gojs-dev/gojs/modules/internal/preparedtest"
)

var update = flag.Bool("update", false, "rewrite fs_lazy.js and lazyprepared.go")

// The glue rewritten for lazy exports is generated (go generate): it must be what the rewrite
// makes of the glue now. (A stale one is not used: the glue is rewritten at its first compile.)
func TestLazyPreparedUpToDate(t *testing.T) {
	preparedtest.Check(t, &Module, "fs", "fsLazy", "fs_lazy.js", *update)
}
