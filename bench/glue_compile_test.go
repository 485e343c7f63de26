package bench

import (
	"os"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// BenchmarkGlueCompile measures what compiling each glue source a plain start compiles costs
// (goja parses and compiles every function body up front), the way modules.CompileOnce and
// Module.Program compile them.
func BenchmarkGlueCompile(b *testing.B) {
	for _, g := range []struct {
		name, path string
		module     bool
		parts      bool // compile the glue without its parts (modules.GluePart), as the module does
	}{
		{"bootstrap", "../runtime/js/bootstrap.js", false, false},
		{"loader", "../runtime/js/loader.js", false, false},
		{"console", "../modules/console/console.js", true, false},
		{"timers", "../modules/timers/timers.js", true, false},
		// what require('fs') compiles (its glue as rewritten for lazy exports); its parts
		// (modules/fs/parts.go) are compiled on first use
		{"fs", "../modules/fs/fs_lazy.js", true, false},
		{"fs_helpers", "../modules/fs/fs_helpers.js", false, false},
		// what util.inspect's first use compiles; its parts, on first use
		{"inspect", "../modules/util/inspect.js", true, true},
		{"util", "../modules/util/util.js", true, false},
		{"comparisons", "../modules/assert/comparisons.js", true, false},
		{"errors", "../modules/nodeerr/errors.js", true, false},
		{"events", "../modules/events/events.js", true, true},
		{"url", "../modules/url/url.js", true, false},
		// what require('zlib') compiles, and the part its first class or convenience function
		// compiles (modules/zlib/zlib_impl.js)
		{"zlib", "../modules/zlib/zlib.js", true, false},
		{"zlib_impl", "../modules/zlib/zlib_impl.js", false, false},
		// what require('crypto') and globalThis.crypto compile; their parts (modules/crypto/parts.go)
		// are compiled on first use
		{"crypto", "../modules/crypto/crypto.js", true, false},
		{"webcrypto", "../modules/crypto/webcrypto.js", true, false},
	} {
		data, err := os.ReadFile(g.path)
		if err != nil {
			b.Fatal(err)
		}
		src := string(data)
		if g.parts {
			if src, _, err = modules.GluePartSources(&src); err != nil {
				b.Fatal(err)
			}
		}
		if g.module {
			src = "(function (exports, require, module, binding, internalBinding) {" + src + "\n})"
		}
		b.Run(g.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := goja.Compile(g.name, src, true); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
