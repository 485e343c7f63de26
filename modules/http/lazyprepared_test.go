package http

import (
	"flag"
	"testing"

	"github.com/gojs-dev/gojs/modules/internal/preparedtest"
)

var update = flag.Bool("update", false, "rewrite http_lazy.js and lazyprepared.go")

// The glue rewritten for lazy exports is generated (go generate): it must be what the rewrite
// makes of the glue now. (A stale one is not used: the glue is rewritten at its first compile.)
func TestLazyPreparedUpToDate(t *testing.T) {
	preparedtest.Check(t, &Module, "http", "httpLazy", "http_lazy.js", *update)
}
