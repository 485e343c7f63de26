package bench

import (
	"os"
	"testing"

	"github.com/dop251/goja"
)

// BenchmarkGlueCompile measures what compiling each glue source a plain start compiles costs
// (goja parses and compiles every function body up front), the way modules.CompileOnce and
// Module.Program compile them.
func BenchmarkGlueCompile(b *testing.B) {
	for _, g := range []struct {
		name, path string
		module     bool
	}{
		{"bootstrap", "../runtime/js/bootstrap.js", false},
		{"loader", "../runtime/js/loader.js", false},
		{"console", "../modules/console/console.js", true},
		{"timers", "../modules/timers/timers.js", true},
		// what require('fs') compiles (its glue as rewritten for lazy exports); its parts
		// (modules/fs/parts.go) are compiled on first use
		{"fs", "../modules/fs/fs_lazy.js", true},
		{"fs_helpers", "../modules/fs/fs_helpers.js", false},
		{"inspect", "../modules/util/inspect.js", true},
		{"util", "../modules/util/util.js", true},
		{"comparisons", "../modules/assert/comparisons.js", true},
		{"errors", "../modules/nodeerr/errors.js", true},
		{"events", "../modules/events/events.js", true},
		{"url", "../modules/url/url.js", true},
		// what require('zlib') compiles, and the part its first class or convenience function
		// compiles (modules/zlib/zlib_impl.js)
		{"zlib", "../modules/zlib/zlib.js", true},
		{"zlib_impl", "../modules/zlib/zlib_impl.js", false},
		// what require('crypto') and globalThis.crypto compile; their parts (modules/crypto/parts.go)
		// are compiled on first use
		{"crypto", "../modules/crypto/crypto.js", true},
		{"webcrypto", "../modules/crypto/webcrypto.js", true},
	} {
		data, err := os.ReadFile(g.path)
		if err != nil {
			b.Fatal(err)
		}
		src := string(data)
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
