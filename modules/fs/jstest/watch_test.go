// Package jstest holds fs's tests that run scripts in a whole runtime (runtimetest). They live
// apart from package fs's own tests: a test binary that has fs's internal tests recompiles every
// package importing fs, the runtime among them (2 MB of Go, twice more per CI run: vet and -race).
package jstest

import (
	"fmt"
	"os"
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

// inotifyFDs counts this process's open inotify descriptors.
func inotifyFDs(t *testing.T) int {
	t.Helper()
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip(err)
	}
	n := 0
	for _, e := range ents {
		if l, err := os.Readlink("/proc/self/fd/" + e.Name()); err == nil && l == "anon_inode:inotify" {
			n++
		}
	}
	return n
}

// The runtime's one inotify descriptor (fs.watch's watchers share it, recursive ones too) is
// closed with the runtime, whatever watchers are still open, and before that with the last
// watcher's close.
func TestWatchDescriptorClosed(t *testing.T) {
	before := inotifyFDs(t)
	runtimetest.Expect(t, `
const fs = require('fs');
fs.mkdirSync('d/sub', { recursive: true });
fs.writeFileSync('d/sub/a.txt', 'x');
fs.watch('d/sub/a.txt', { persistent: false }, () => {});
fs.watch('d', { persistent: false, recursive: true }, () => {});
`, "")
	if n := inotifyFDs(t); n != before {
		t.Fatalf("%d inotify descriptors after the runtime closed, %d before", n, before)
	}
	runtimetest.Expect(t, `
const fs = require('fs');
fs.writeFileSync('a.txt', 'x');
const a = fs.watch('a.txt', () => {});
const b = fs.watch('a.txt', () => {});
const r = fs.watch('.', { recursive: true }, () => {});
a.close();
b.close();
r.close();
console.log(require('fs').readdirSync('/proc/self/fd').filter((fd) => {
  try { return require('fs').readlinkSync('/proc/self/fd/' + fd) === 'anon_inode:inotify'; } catch { return false; }
}).length);
`, fmt.Sprintf("%d\n", before))
}
