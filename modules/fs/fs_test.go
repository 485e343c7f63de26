package fs

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/sys/unix"
)

func TestSmoke(t *testing.T) {
	dir := t.TempDir()
	out := runJS(t, dir, `
const fs = require('fs');
fs.writeFileSync('a.txt', 'hello');
print(fs.readFileSync('a.txt', 'utf8'));
print(fs.existsSync('a.txt'), fs.existsSync('b.txt'));
try { fs.readFileSync('missing.txt') } catch (e) { print(e.message, e.code, e.errno, e.syscall, e.path) }
const st = fs.statSync('a.txt');
print(st.size, st.isFile(), st.isDirectory(), typeof st.mtimeMs, st.mtime instanceof Date);
fs.mkdirSync('d/e/f', {recursive: true});
print(fs.readdirSync('.').join(','));
fs.readFile('a.txt', 'utf8', (err, data) => print('cb', err, data));
fs.promises.readFile('a.txt', 'utf8').then(d => print('p', d));
fs.stat('nope', (err) => print(err.message));
const fd = fs.openSync('a.txt', 'r');
const b = new Uint8Array(3);
print(fs.readSync(fd, b, 0, 3, 1), b.join(','));
fs.closeSync(fd);
try { fs.closeSync(fd) } catch (e) { print(e.message) }
try { fs.openSync(5) } catch (e) { print(e.message) }
`)
	t.Log(out)
}

type denyWrites struct{}

func (denyWrites) Allowed(scope, resource string) bool { return scope != modules.ScopeFSWrite }

func TestPermissionHook(t *testing.T) {
	dir := t.TempDir()
	out := runJSWith(t, dir, `
const fs = require('fs');
try { fs.writeFileSync('a.txt', 'x') } catch (e) { print('sync', e.code, e.permission, e.resource === 'a.txt') }
try { fs.mkdir('d', () => print('called')) } catch (e) { print('cb', e.code) }
fs.promises.rm('x').catch((e) => print('promise', e.code, e.permission));
print('read ok', fs.existsSync('.'), fs.readdirSync('.').length);
try { fs.openSync('b.txt', 'w') } catch (e) { print('open w', e.code) }
try { fs.openSync('missing.txt', 'r') } catch (e) { print('open r', e.code) }
`, func(h *modules.Host) { h.Perms = denyWrites{} })
	want := "sync ERR_ACCESS_DENIED FileSystemWrite true\ncb ERR_ACCESS_DENIED\nread ok true 0\nopen w ERR_ACCESS_DENIED\nopen r ENOENT\npromise ERR_ACCESS_DENIED FileSystemWrite\n"
	if out != want {
		t.Fatalf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestDescriptorsClosedWithRuntime(t *testing.T) {
	dir := t.TempDir()
	var fd int
	out := runJS(t, dir, `
const fs = require('fs');
fs.writeFileSync('a.txt', 'x');
print(fs.openSync('a.txt', 'r'));
`)
	if _, err := fmt.Sscan(out, &fd); err != nil {
		t.Fatal(out, err)
	}
	if _, err := unix.FcntlInt(uintptr(fd), unix.F_GETFD, 0); err != unix.EBADF {
		t.Fatalf("fd %d still open after the runtime closed (err %v)", fd, err)
	}
}

func TestCwdIsTheRuntimes(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(a, "f.txt"), []byte("in a"), 0o644)
	os.WriteFile(filepath.Join(b, "f.txt"), []byte("in b"), 0o644)
	if got := runJS(t, a, `print(require('fs').readFileSync('f.txt', 'utf8'))`); got != "in a\n" {
		t.Fatal(got)
	}
	if got := runJS(t, b, `require('fs').promises.readFile('f.txt', 'utf8').then(print)`); got != "in b\n" {
		t.Fatal(got)
	}
}

func TestRmRetries(t *testing.T) {
	busy := sysErr(unix.EBUSY, "rmdir", "d", "")
	for _, tc := range []struct {
		max   int
		fails int
		want  error
		naps  []time.Duration
	}{
		{0, 1, busy, nil},
		{3, 2, nil, []time.Duration{10 * time.Millisecond, 20 * time.Millisecond}},
		{2, 5, busy, []time.Duration{10 * time.Millisecond, 20 * time.Millisecond}},
	} {
		var naps []time.Duration
		calls := 0
		err := withRetries(tc.max, 10*time.Millisecond, func(d time.Duration) { naps = append(naps, d) }, func() error {
			calls++
			if calls <= tc.fails {
				return busy
			}
			return nil
		})
		if err != tc.want || !slices.Equal(naps, tc.naps) {
			t.Errorf("max %d fails %d: err %v naps %v, want %v %v", tc.max, tc.fails, err, naps, tc.want, tc.naps)
		}
	}
	// Errors Node does not retry come back at once.
	calls := 0
	noent := sysErr(unix.ENOENT, "rm", "x", "")
	if err := withRetries(5, time.Second, func(time.Duration) { t.Fatal("slept") }, func() error { calls++; return noent }); err != noent || calls != 1 {
		t.Errorf("ENOENT: err %v after %d calls", err, calls)
	}
}

// A descriptor's close that fails after the operation failed gives node's aggregateTwoErrors
// (an AggregateError of both, the operation's message and code) to a callback or a promise.
func TestCloseFailedAggregates(t *testing.T) {
	if err := withClose(nil, nil); err != nil {
		t.Fatalf("withClose(nil, nil) = %v", err)
	}
	if err := withClose(nil, unix.EIO); err == nil || err.Error() != "EIO: i/o error, close" {
		t.Fatalf("close error alone: %v", err)
	}
	err := withClose(sysErr(unix.ENOSPC, "write", "", ""), unix.EIO)
	cf, ok := err.(*closeFailed)
	if !ok {
		t.Fatalf("both failed: %T %v", err, err)
	}
	vm := goja.New()
	s := &state{vm: vm, h: &modules.Host{VM: vm}}
	o := s.jsErr(cf).ToObject(vm)
	vm.Set("e", o)
	got, rerr := vm.RunString(`[e instanceof AggregateError, e.message, e.code, e.errors.length,
		e.errors[0].syscall, e.errors[1].code, e.errors[1].syscall].join(' ')`)
	if rerr != nil {
		t.Fatal(rerr)
	}
	if want := "true ENOSPC: no space left on device, write ENOSPC 2 write EIO close"; got.String() != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
