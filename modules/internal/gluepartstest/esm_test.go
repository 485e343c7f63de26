package gluepartstest_test

import (
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/modules/internal/gluepartstest"
	"github.com/gojs-dev/gojs/runtime/js"
)

// TestESMParts checks runtime/js/esm.js's parts (compiled apart on first use) against the rest of it: each
// is given exactly the names it uses of the ES module half's own (gluepartstest.Check, on the
// half's body with its parameters declared at its first line, so that lines stay).
func TestESMParts(t *testing.T) {
	const head = "(function (binding, process, requireBuiltin, L) {\n"
	if !strings.HasPrefix(js.ESM, head) || !strings.HasSuffix(strings.TrimRight(js.ESM, "\n"), "\n})") {
		t.Fatal("esm.js does not start and end as expected")
	}
	body := strings.TrimSuffix(strings.TrimRight(js.ESM, "\n"), "})")
	src := "var process, requireBuiltin, L;\n" + body[len(head):]
	gluepartstest.Check(t, &src)
}
