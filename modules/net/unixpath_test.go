package net

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// A relative name in a cwd other than the process's is bound in that cwd, whatever the length
// of the joined path: directly, through /proc/self/fd/N, or under a temporary name renamed.
func TestUnixBindConnectRelative(t *testing.T) {
	deep := filepath.Join(t.TempDir(), strings.Repeat("d", 100))
	if err := os.Mkdir(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.sock", strings.Repeat("n", 100), strings.Repeat("m", 108)} {
		fd, err := unix.Socket(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := unixBindPath(fd, deep, name); err != nil {
			t.Fatalf("bind %d bytes: %v", len(name), err)
		}
		if err := unix.Listen(fd, 1); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(filepath.Join(deep, name)); err != nil || fi.Mode()&os.ModeSocket == 0 {
			t.Fatalf("no socket file for %d bytes: %v", len(name), err)
		}
		c, err := unix.Socket(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := unixConnectPath(c, deep, name); err != nil {
			t.Fatalf("connect %d bytes: %v", len(name), err)
		}
		// a second bind of the same name is EADDRINUSE, never a replacement
		fd2, _ := unix.Socket(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
		if err := unixBindPath(fd2, deep, name); err != unix.EADDRINUSE {
			t.Fatalf("second bind %d bytes: %v, want EADDRINUSE", len(name), err)
		}
		unix.Close(fd2)
		unix.Close(c)
		unix.Close(fd)
		unixUnlink(deep, name)
	}
	if ents, _ := os.ReadDir(deep); len(ents) != 0 {
		t.Fatalf("left behind: %v", ents)
	}
}

func TestRawUnixAddrLength(t *testing.T) {
	if _, n := rawUnixAddr("\x00abs"); n != 110 {
		t.Fatalf("abstract name length %d, want the whole sockaddr_un (110) as libuv", n)
	}
	sa, _ := rawUnixAddr(strings.Repeat("x", sunPathLen))
	if sa.Path[sunPathLen-1] != 'x' {
		t.Fatal("a 108-byte name is cut")
	}
}
