package fs

import (
	"os"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// realpathNative resolves abs as realpath(3) (glibc's, which node's realpath.native calls
// through libuv) does. The path is walked as written, not cleaned first: each name is appended
// to the part resolved so far and readlink'ed (EINVAL: not a link; one system call a name, as
// glibc's), "." and ".." act on the resolved part, and a name followed only by "/", "/." or
// "/.." must be a directory, so "file/" is ENOTDIR and "missing/.." ENOENT. Errors are the
// system call's errno.
func realpathNative(abs string) (string, error) {
	if abs == "" {
		return "", unix.ENOENT
	}
	if abs[0] != '/' {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		abs = wd + "/" + abs
	}
	res := make([]byte, 1, len(abs)+16) // resolved so far, always starting with "/"
	res[0] = '/'
	rest := abs // left to walk
	var small [256]byte
	lbuf := small[:]
	links := 0
	for {
		for len(rest) > 0 && rest[0] == '/' {
			rest = rest[1:]
		}
		if rest == "" {
			break
		}
		n := 0
		for n < len(rest) && rest[n] != '/' {
			n++
		}
		name, end := rest[:n], rest[n:]
		rest = end
		switch name {
		case ".":
			continue
		case "..":
			res = parentOf(res)
			continue
		}
		if res[len(res)-1] != '/' {
			res = append(res, '/')
		}
		res = append(res, name...)
		target, err := readlinkBytes(&res, &lbuf)
		switch {
		case err == nil:
			links++
			if links > 40 { // (glibc's __eloop_threshold)
				return "", unix.ELOOP
			}
			rest = string(target) + end
			if len(target) > 0 && target[0] == '/' {
				res = res[:1]
			} else {
				res = parentOf(res)
			}
		case suffixNeedsDir(end):
			if err := ignoringEINTR(func() error { return unix.Access(string(res)+"/", unix.F_OK) }); err != nil {
				return "", err
			}
		case err != unix.EINVAL:
			return "", err
		}
	}
	if len(res) > 1 && res[len(res)-1] == '/' {
		res = res[:len(res)-1]
	}
	return string(res), nil
}

// parentOf drops the last name of a resolved path ("/a/b" -> "/a/", "/a/" -> "/"), as
// realpath(3) backs up; the root stays.
func parentOf(res []byte) []byte {
	if len(res) <= 1 {
		return res
	}
	k := len(res) - 1
	for k > 0 && res[k-1] != '/' {
		k--
	}
	return res[:k]
}

// suffixNeedsDir reports whether the rest of a path after a name (empty or starting with "/")
// makes that name a directory without a later name checking it: only slashes, or a "." or ".."
// name next ("/", "/.", "/..", "/../x").
func suffixNeedsDir(end string) bool {
	for len(end) > 0 && end[0] == '/' {
		for len(end) > 0 && end[0] == '/' {
			end = end[1:]
		}
		if end == "" {
			return true
		}
		if end[0] != '.' {
			return false
		}
		end = end[1:]
		if end == "" || end[0] == '.' && (len(end) == 1 || end[1] == '/') {
			return true
		}
	}
	return false
}

// readlinkBytes reads the link *p names (a path without a NUL byte) into *buf, which it grows
// as needed, without converting the path to a string: *p gets a NUL byte appended for the call
// and removed after.
func readlinkBytes(p *[]byte, buf *[]byte) ([]byte, error) {
	path := append(*p, 0)
	*p = path[:len(path)-1]
	for {
		b := *buf
		var n uintptr
		var errno syscall.Errno
		for {
			n, _, errno = unix.Syscall6(unix.SYS_READLINKAT, uintptr(atFDCWD), uintptr(unsafe.Pointer(&path[0])),
				uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), 0, 0)
			if errno != unix.EINTR {
				break
			}
		}
		if errno != 0 {
			return nil, errno
		}
		if int(n) < len(b) {
			return b[:n], nil
		}
		*buf = make([]byte, 2*len(b))
	}
}

var atFDCWD = unix.AT_FDCWD
