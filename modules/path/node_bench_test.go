package path

import (
	"testing"

	"github.com/gojs-dev/gojs/modules/internal/nodebench"
)

// The Go side of path.join, path.resolve and path.normalize against node's (JS, optimized by
// V8) on the same arguments: go test ./modules/path -run X -bench VsNode

func BenchmarkVsNode(b *testing.B) {
	const cwd = "/work/wt/url5"
	b.Run("join", func(b *testing.B) {
		parts := []string{"/foo", "bar", "baz/asdf", "quux", ".."}
		nodebench.Compare(b, "const path = require('path');", "h += path.join('/foo', 'bar', 'baz/asdf', 'quux', '..').length;", func(int) {
			if len(posixJoin(parts)) != 17 {
				b.Fatal("join")
			}
		})
	})
	b.Run("resolve", func(b *testing.B) {
		// node resolves against process.cwd(); gojs against the runtime's cwd, whose normal
		// form it keeps (as node's process.cwd() caches the cwd)
		parts := []string{"foo/bar", "./baz"}
		var c cwdCache
		nodebench.Compare(b, "const path = require('path'); process.chdir("+`"/tmp"`+");", "h += path.resolve('foo/bar', './baz').length;", func(int) {
			posixResolveFn(len(parts), func(i int) string { return parts[i] }, func() string { return "/tmp" }, &c)
		})
	})
	b.Run("resolve-absolute", func(b *testing.B) {
		parts := []string{"/a/b", "../c", "./d/e/"}
		nodebench.Compare(b, "const path = require('path');", "h += path.resolve('/a/b', '../c', './d/e/').length;", func(int) {
			posixResolveFn(len(parts), func(i int) string { return parts[i] }, func() string { return cwd }, nil)
		})
	})
	b.Run("normalize", func(b *testing.B) {
		nodebench.Compare(b, "const path = require('path');", "h += path.normalize('/foo/bar//baz/asdf/quux/..').length;", func(int) {
			posixNormalize("/foo/bar//baz/asdf/quux/..")
		})
	})
}
