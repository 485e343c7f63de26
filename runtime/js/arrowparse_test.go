package js_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/runtime/js"
)

// goja's parser reads `(` as a parenthesised expression and meets the arrow only after it: for
// `() =>`, `(...rest) =>` and `(a, ...rest) =>` it records a syntax error first (then drops it), and the error's
// position scans the source's line starts up to that point. In the glue every process compiles
// (the loader and the bootstrap), the six such arrows there were cost ~0.5M of a plain start's
// ~38.7M instructions (callgrind, console.log('hi')), on the compile the start waits for. So
// that glue writes those functions another way (a method, a function expression, a named
// parameter).
var costlyArrow = regexp.MustCompile(`\(\s*([\w$\s,]*\.\.\.\s*[\w$]+\s*)?\)\s*=>`)

func TestStartGlueHasNoReparsedArrows(t *testing.T) {
	for name, src := range map[string]string{"loader.js": js.Loader, "bootstrap.js": js.Bootstrap} {
		for i, line := range strings.Split(src, "\n") {
			code := line
			if c := strings.Index(code, "//"); c >= 0 {
				code = code[:c]
			}
			if costlyArrow.MatchString(code) {
				t.Errorf("%s:%d: `() =>` or `(...x) =>` in start-up glue (see this test's comment): %s", name, i+1, strings.TrimSpace(line))
			}
		}
	}
}
