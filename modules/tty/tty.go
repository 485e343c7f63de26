// Package tty implements Node's tty module: https://nodejs.org/api/tty.html.
//
// isatty answers for fds 0-2 from the runtime's own stdio flags (Options.StdinIsTTY and friends,
// so an embedded runtime is a terminal only when its embedder says so) and for other fds with a
// TCGETS ioctl. ReadStream.setRawMode puts the real terminal into raw mode with termios; the
// original settings come back on setRawMode(false) and when the runtime closes. WriteStream sizes
// come from TIOCGWINSZ, falling back to the runtime's Columns option.
//
// Differences from Node: the streams are stream.Readable/Writable, not net.Socket; a
// WriteStream on fd 1 or 2 writes to the runtime's Stdout/Stderr (so embedders capture it); a
// ReadStream on fd 0 reads the runtime's Stdin (it competes with process.stdin if both read);
// 'resize' is emitted only when _refreshSize is called (there is no SIGWINCH watcher).
package tty

import (
	_ "embed"
	"io"
	"os"
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/sys/unix"
)

//go:embed tty.js
var glue string

// Module is "tty".
var Module = modules.Module{Name: "tty", Bind: bind, JSRef: &glue}

type state struct {
	mu    sync.Mutex
	saved map[int]*unix.Termios // original settings of fds in raw mode
}

func (s *state) restoreAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for fd, t := range s.saved {
		_ = unix.IoctlSetTermios(fd, ioctlSetTermios, t)
		delete(s.saved, fd)
	}
}

func isTerminal(fd int) bool {
	if fd < 0 {
		return false
	}
	_, err := unix.IoctlGetTermios(fd, ioctlGetTermios)
	return err == nil
}

func bind(h *modules.Host, o *goja.Object) error {
	vm := h.VM
	st := &state{saved: map[int]*unix.Termios{}}
	// An unreferenced handle whose stop (on runtime Close) gives terminals their settings back.
	var restorer *eventloop.Handle

	o.Set("isTerminal", func(fd int) bool { return isTerminal(fd) })

	// ttyInitOK reports whether libuv's uv_tty_init would accept fd: terminals, pipes and
	// sockets yes; regular files, other character devices and bad fds no.
	o.Set("ttyInitOK", func(fd int) bool {
		if isTerminal(fd) {
			return true
		}
		var st unix.Stat_t
		if err := unix.Fstat(fd, &st); err != nil {
			return false
		}
		switch st.Mode & unix.S_IFMT {
		case unix.S_IFIFO, unix.S_IFSOCK:
			return true
		}
		return false
	})

	// windowSize(fd) returns [columns, rows], or null when fd is not a terminal.
	o.Set("windowSize", func(fd int) goja.Value {
		ws, err := unix.IoctlGetWinsize(fd, unix.TIOCGWINSZ)
		if err != nil || ws.Col == 0 {
			return goja.Null()
		}
		return vm.ToValue([]int{int(ws.Col), int(ws.Row)})
	})

	// setRawMode(fd, on) switches the terminal's line discipline; it returns an errno name or "".
	o.Set("setRawMode", func(fd int, on bool) string {
		st.mu.Lock()
		defer st.mu.Unlock()
		if !on {
			if t, ok := st.saved[fd]; ok {
				delete(st.saved, fd)
				if err := unix.IoctlSetTermios(fd, ioctlSetTermios, t); err != nil {
					return errName(err)
				}
			}
			return ""
		}
		if _, ok := st.saved[fd]; ok {
			return ""
		}
		t, err := unix.IoctlGetTermios(fd, ioctlGetTermios)
		if err != nil {
			return errName(err)
		}
		orig := *t
		// The same raw mode as libuv's UV_TTY_MODE_RAW.
		t.Iflag &^= unix.BRKINT | unix.ICRNL | unix.INPCK | unix.ISTRIP | unix.IXON
		t.Oflag |= unix.ONLCR
		t.Cflag |= unix.CS8
		t.Lflag &^= unix.ECHO | unix.ICANON | unix.IEXTEN | unix.ISIG
		t.Cc[unix.VMIN] = 1
		t.Cc[unix.VTIME] = 0
		if err := unix.IoctlSetTermios(fd, ioctlSetTermios, t); err != nil {
			return errName(err)
		}
		st.saved[fd] = &orig
		if restorer == nil {
			restorer = h.Loop.NewHandle(st.restoreAll)
			restorer.Unref()
		}
		return ""
	})

	// write(fd, data) writes to the runtime's stdout/stderr for fds 1 and 2, else to the fd.
	// write(fd, data) writes data to the terminal fd (the runtime's stdout or stderr for 1 and
	// 2) and returns 0, or the negative errno of a failed write.
	o.Set("write", func(fd int, data goja.Value) int {
		var b []byte
		switch v := modules.ExportCheap(data).(type) {
		case string:
			b = []byte(v)
		case []byte:
			b = v
		case goja.ArrayBuffer:
			b = v.Bytes()
		default:
			b = []byte(data.String())
		}
		var err error
		switch fd {
		case 1:
			_, err = h.Stdout.Write(b)
		case 2:
			_, err = h.Stderr.Write(b)
		default:
			// (straight to the descriptor: an os.File made for it would close it when collected)
			for len(b) > 0 && err == nil {
				var n int
				n, err = unix.Write(fd, b)
				if err == unix.EINTR {
					err = nil
				}
				if n > 0 {
					b = b[n:]
				}
			}
		}
		if err != nil {
			if e, ok := err.(unix.Errno); ok {
				return -int(e)
			}
			return -int(unix.EIO)
		}
		return 0
	})

	o.Set("startRead", func(fd int, cb goja.Callable) goja.Value {
		var r io.Reader
		if fd == 0 {
			r = h.Stdin
		} else {
			// a duplicate, which the reader closes when done (an os.File over fd itself would
			// close the caller's descriptor when collected)
			d, err := unix.Dup(fd)
			if err != nil {
				return goja.Undefined()
			}
			r = os.NewFile(uintptr(d), "tty")
		}
		hd := h.Loop.NewHandle(nil)
		go func() {
			if f, ok := r.(*os.File); ok && fd != 0 {
				defer f.Close()
			}
			buf := make([]byte, 65536)
			for {
				n, err := r.Read(buf)
				if n > 0 {
					chunk := append([]byte(nil), buf[:n]...)
					if !hd.Post(func() error {
						_, err := cb(goja.Undefined(), vm.ToValue(vm.NewArrayBuffer(chunk)))
						return err
					}) {
						return
					}
				}
				if err != nil {
					hd.Post(func() error {
						hd.Close()
						_, err := cb(goja.Undefined(), goja.Null())
						return err
					})
					return
				}
			}
		}()
		ctl := vm.NewObject()
		ctl.Set("ref", func() { hd.Ref() })
		ctl.Set("unref", func() { hd.Unref() })
		ctl.Set("close", func() { hd.Close() })
		return ctl
	})
	return nil
}

func errName(err error) string {
	if e, ok := err.(unix.Errno); ok {
		return unix.ErrnoName(e)
	}
	return "EIO"
}
