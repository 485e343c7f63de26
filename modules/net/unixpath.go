package net

import (
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Unix socket paths as node's libuv binds and connects them: the name truncated to the 108
// bytes of sun_path (a 108-byte name has no NUL, which Linux accepts), a leading NUL making an
// abstract name (NUL-padded, see rawUnixAddr), any other name (a leading '@' too) a file name,
// relative to the process's cwd. A gojs runtime keeps its own cwd (process.chdir does not move
// the process's), so a relative name is resolved against it here: as given when the runtime's
// cwd is the process's, else joined to it, or, when the joined name does not fit sun_path,
// reached through the directory's descriptor (/proc/self/fd/N/base), which needs no chdir.

const sunPathLen = len(unix.RawSockaddrUnix{}.Path)

// osCwd is the process's working directory now (the gojs command never changes it; a Go program
// embedding runtimes may).
func osCwd() string {
	d, err := os.Getwd()
	if err != nil {
		return ""
	}
	return d
}

// truncUnixPath cuts a name to sun_path's size, as libuv does.
func truncUnixPath(name string) string {
	if len(name) > sunPathLen {
		return name[:sunPathLen]
	}
	return name
}

// unixBindPath binds fd to path, relative to the runtime's cwd.
func unixBindPath(fd int, cwd, path string) error {
	name, dfd, base, err := unixTarget(cwd, path)
	if err != nil {
		return err
	}
	if dfd < 0 {
		return unixBind(fd, name)
	}
	defer unix.Close(dfd)
	via := procFDPath(dfd, base)
	if len(via) <= sunPathLen {
		return unixBind(fd, via)
	}
	// The name alone is too long to go through the directory's descriptor: bind a short
	// name in that directory, then move the socket file to the name (never over a file, which
	// is bind's EADDRINUSE).
	tmp := ".gojs-" + strconv.Itoa(os.Getpid()) + "-" + strconv.FormatUint(tmpSeq.Add(1), 36) + ".sock"
	if err := unixBind(fd, procFDPath(dfd, tmp)); err != nil {
		return err
	}
	if err := unix.Renameat2(dfd, tmp, dfd, base, unix.RENAME_NOREPLACE); err != nil {
		unix.Unlinkat(dfd, tmp, 0)
		if err == unix.EEXIST {
			err = unix.EADDRINUSE
		}
		return err
	}
	return nil
}

// unixConnectPath starts connecting fd to path, relative to the runtime's cwd.
func unixConnectPath(fd int, cwd, path string) error {
	name, dfd, base, err := unixTarget(cwd, path)
	if err != nil {
		return err
	}
	if dfd >= 0 {
		defer unix.Close(dfd)
		name = procFDPath(dfd, base)
		if len(name) > sunPathLen {
			// connect follows symbolic links: go through a short one to the whole name
			link := os.TempDir() + "/.gojs-" + strconv.Itoa(os.Getpid()) + "-" + strconv.FormatUint(tmpSeq.Add(1), 36) + ".sock"
			if len(link) > sunPathLen {
				return unix.ENAMETOOLONG
			}
			if err := unix.Symlink(strings.TrimSuffix(cwd, "/")+"/"+truncUnixPath(path), link); err != nil {
				return err
			}
			defer unix.Unlink(link)
			name = link
		}
	}
	for {
		err = unixConnect(fd, name)
		if err != unix.EINTR {
			return err
		}
	}
}

var tmpSeq atomic.Uint64

func procFDPath(dfd int, base string) string {
	return "/proc/self/fd/" + strconv.Itoa(dfd) + "/" + base
}

// unixTarget returns the name to bind or connect to for path in the runtime's cwd, or, when
// that name would not fit sun_path, a descriptor of its directory (close it after) and its
// last element.
func unixTarget(cwd, path string) (string, int, string, error) {
	name := truncUnixPath(path)
	if name == "" || name[0] == 0 || name[0] == '/' || cwd == "" || cwd == osCwd() {
		return name, -1, "", nil
	}
	abs := strings.TrimSuffix(cwd, "/") + "/" + name
	if len(abs) <= sunPathLen {
		return abs, -1, "", nil
	}
	i := strings.LastIndexByte(abs, '/')
	dir, base := abs[:i], abs[i+1:]
	if dir == "" {
		dir = "/"
	}
	dfd, err := unix.Open(dir, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return "", -1, "", err
	}
	return "", dfd, base, nil
}

// rawUnixAddr is the sockaddr_un for a name of at most sunPathLen bytes, passed whole
// (NUL-padded) as node's libuv does, also for an abstract name (whose NULs are then part of it:
// node's "\0name" is the abstract name padded to 107 bytes).
func rawUnixAddr(name string) (unix.RawSockaddrUnix, uintptr) {
	sa := unix.RawSockaddrUnix{Family: unix.AF_UNIX}
	for i := 0; i < len(name); i++ {
		sa.Path[i] = int8(name[i])
	}
	return sa, unsafe.Sizeof(sa)
}

// unixBind and unixConnect are bind(2) and connect(2) with a Unix name (see rawUnixAddr):
// x/sys/unix refuses a 108-byte name and reads a leading '@' as abstract.
func unixBind(fd int, name string) error {
	sa, n := rawUnixAddr(name)
	_, _, e := unix.Syscall(unix.SYS_BIND, uintptr(fd), uintptr(unsafe.Pointer(&sa)), n)
	if e != 0 {
		return e
	}
	return nil
}

func unixConnect(fd int, name string) error {
	sa, n := rawUnixAddr(name)
	_, _, e := unix.Syscall(unix.SYS_CONNECT, uintptr(fd), uintptr(unsafe.Pointer(&sa)), n)
	if e != 0 {
		return e
	}
	return nil
}

// unixUnlink removes a listener's socket file at close as libuv does: the whole name as given
// (not truncated), relative to the cwd of the time.
func unixUnlink(cwd, path string) {
	if path == "" || path[0] == 0 {
		return
	}
	if path[0] != '/' && cwd != "" {
		path = strings.TrimSuffix(cwd, "/") + "/" + path
	}
	unix.Unlink(path)
}
