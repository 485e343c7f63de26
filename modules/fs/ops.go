package fs

import (
	"bytes"
	"errors"
	"io"
	"math"
	"math/big"
	"os"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
	"golang.org/x/sys/unix"
)

func closeFD(fd int) error { return ignoringEINTR(func() error { return unix.Close(fd) }) }

func ignoringEINTR(fn func() error) error {
	for {
		err := fn()
		if err != syscall.EINTR {
			return err
		}
	}
}

func sysErr(err error, call, path, dest string) error {
	if err == nil {
		return nil
	}
	se := modules.NewSystemError(err, call, path, dest)
	// the calls made on a path report it even when it is empty ('' is a path libuv tries);
	// those on a descriptor (close, fstat, ...) have none
	switch call {
	case "rename", "copyfile", "symlink", "link":
		se.PathGiven, se.DestGiven = true, true
	case "open", "stat", "lstat", "access", "scandir", "mkdir", "rmdir", "unlink", "readlink",
		"chmod", "lchmod", "chown", "lchown", "utime", "lutime", "rm", "statfs", "mkdtemp", "realpath":
		se.PathGiven = true
	}
	return se
}

type none struct{}

// denied reports a permission failure in the form the request asks for, as node 20's binding
// does: thrown by a synchronous call, a rejected promise, and a callback's error given at once,
// in the call's own turn (node 20 calls it there, before the call returns).
func (s *state) denied(req goja.Value, err error) goja.Value {
	if cb, ok := goja.AssertFunction(req); ok {
		if _, cerr := cb(goja.Undefined(), s.jsErr(err)); cerr != nil {
			panic(cerr)
		}
		return goja.Undefined()
	}
	return run(s, req, func() (none, error) { return none{}, err }, nil)
}

// deniedThrow is denied for the calls node 20 checks before it looks at the request (mkdir,
// readlink, rmdir, chmod, utimes, lutimes): thrown for the synchronous and callback forms, a
// rejected promise for the promise form.
func (s *state) deniedThrow(req goja.Value, err error) goja.Value {
	if o, ok := req.(*goja.Object); ok && o == s.usePromises {
		return s.denied(req, err)
	}
	panic(s.jsErr(err))
}

func arg(c goja.FunctionCall, i int) goja.Value { return c.Argument(i) }

// offsetArg is a write's position as node's binding reads it (GetOffset): a number that is a
// safe integer, anything else -1, the descriptor's current position (1.5, NaN, 2**53 write
// there, where a truncated or overflowing offset would write elsewhere).
func offsetArg(c goja.FunctionCall, i int) int64 {
	var f float64
	switch x := modules.ExportCheap(c.Argument(i)).(type) {
	case int64:
		f = float64(x)
	case float64:
		f = x
	default:
		return -1
	}
	if f != math.Trunc(f) || math.Abs(f) > 1<<53-1 {
		return -1
	}
	return int64(f)
}

func intArg(c goja.FunctionCall, i int) int64 {
	v := c.Argument(i)
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return 0
	}
	if goja.IsBigInt(v) {
		if b, ok := modules.ExportAs[*big.Int](v); ok && b.IsInt64() {
			return b.Int64()
		}
		return -1
	}
	f := v.ToFloat()
	if math.IsNaN(f) {
		return 0
	}
	return int64(f)
}

// initDirent is the binding's initDirent(Dirent.prototype, kType), called as the glue loads.
func (s *state) initDirent(c goja.FunctionCall) goja.Value {
	s.direntProto, _ = c.Argument(0).(*goja.Object)
	s.direntType, _ = c.Argument(1).(*goja.Symbol)
	return goja.Undefined()
}

// initProtos is the binding's init(Stats.prototype, BigIntStats.prototype), called as the glue
// loads.
func (s *state) initProtos(c goja.FunctionCall) goja.Value {
	vm := s.vm
	s.statsProto = c.Argument(0).ToObject(vm)
	s.bigStatsProto = c.Argument(1).ToObject(vm)
	s.dateCtor = vm.Get("Date").ToObject(vm)
	return goja.Undefined()
}

func (s *state) bindOps(lz *modules.LazyFuncs) {
	vm := s.vm
	set := lz.Set

	// setBuffer(Buffer): from then on chunks reach JS as Buffers built here, without the
	// glue's Buffer.from(arrayBuffer).
	set("setBuffer", func(c goja.FunctionCall) goja.Value {
		if o, ok := c.Argument(0).(*goja.Object); ok {
			if u8, ok := goja.AssertConstructor(vm.Get("Uint8Array")); ok {
				s.bufferCtor, s.u8Ctor = o, u8
			}
		}
		return goja.Undefined()
	})

	// Path-only operations -------------------------------------------------------------

	set("access", func(c goja.FunctionCall) goja.Value {
		p := s.path(arg(c, 0))
		mode := uint32(intArg(c, 1))
		req := arg(c, 2)
		if err := s.check(modules.ScopeFSRead, p); err != nil {
			return s.denied(req, err)
		}
		return run(s, req, func() (none, error) {
			return none{}, sysErr(unix.Faccessat(unix.AT_FDCWD, s.resolve(p), mode, 0), "access", p, "")
		}, nil)
	})

	set("exists", func(c goja.FunctionCall) goja.Value {
		p := s.path(arg(c, 0))
		req := arg(c, 1)
		if err := s.check(modules.ScopeFSRead, p); err != nil {
			if goja.IsUndefined(req) {
				panic(s.jsErr(err)) // (node 20's existsSync throws a refusal: its binding checks first)
			}
			return run(s, req, func() (bool, error) { return false, nil }, func(b bool) goja.Value { return vm.ToValue(b) })
		}
		return run(s, req, func() (bool, error) {
			return unix.Faccessat(unix.AT_FDCWD, s.resolve(p), unix.F_OK, 0) == nil, nil
		}, func(b bool) goja.Value { return vm.ToValue(b) })
	})

	set("open", func(c goja.FunctionCall) goja.Value {
		p := s.path(arg(c, 0))
		flags := int(intArg(c, 1))
		mode := uint32(intArg(c, 2))
		req := arg(c, 3)
		if err := s.checkOpen(p, flags); err != nil {
			return s.denied(req, err)
		}
		return run(s, req, func() (int, error) { return s.open(p, flags, mode) },
			func(fd int) goja.Value { return vm.ToValue(fd) })
	})

	set("close", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c, 0))
		req := arg(c, 1)
		return run(s, req, func() (none, error) {
			s.dropReader(fd)
			s.untrack(fd)
			return none{}, sysErr(closeFD(fd), "close", "", "")
		}, nil)
	})

	// A FileHandle moved to another thread (worker_threads): its descriptor leaves this runtime,
	// which no longer closes it when it stops, and joins the receiver's.
	set("releaseFD", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c, 0))
		s.dropReader(fd)
		s.untrack(fd)
		return goja.Undefined()
	})
	set("adoptFD", func(c goja.FunctionCall) goja.Value {
		s.track(int(intArg(c, 0)))
		return goja.Undefined()
	})

	statConv := func(big bool) func(*unix.Statx_t) goja.Value {
		return func(st *unix.Statx_t) goja.Value {
			if st == nil {
				return goja.Undefined()
			}
			return s.stats(st, big)
		}
	}
	statOp := func(name string, flags int) {
		set(name, func(c goja.FunctionCall) goja.Value {
			p := s.path(arg(c, 0))
			big := arg(c, 1).ToBoolean()
			throwIfNoEntry := arg(c, 2).ToBoolean()
			req := arg(c, 3)
			if err := s.check(modules.ScopeFSRead, p); err != nil {
				if name == "lstat" {
					err = jsAccessDenied(err) // (node 20's fs.lstat checks in JS)
				}
				return s.denied(req, err)
			}
			return runStats(s, req, func() (*unix.Statx_t, error) {
				st := new(unix.Statx_t)
				err := statx(unix.AT_FDCWD, s.resolve(p), flags, st)
				if err != nil {
					if !throwIfNoEntry && err == unix.ENOENT {
						return nil, nil
					}
					return nil, sysErr(err, name, p, "")
				}
				return st, nil
			}, statConv(big))
		})
	}
	statOp("stat", 0)
	statOp("lstat", unix.AT_SYMLINK_NOFOLLOW)

	// statFast(path[, cb[, noEntryNull]]) and lstatFast: stat without options, for a path that is
	// a string without null bytes (anything else returns undefined: the glue validates and takes
	// binding.stat), with no glue-side validation. Without cb it is statSync and returns the
	// Stats, or null for a missing path when noEntryNull is true (throwIfNoEntry: false); with cb
	// (a validated function) it starts fs.stat and returns true.
	statFast := func(name string, flags int) {
		set(name+"Fast", func(c goja.FunctionCall) goja.Value {
			v := arg(c, 0)
			if !goja.IsString(v) {
				return goja.Undefined()
			}
			p := v.String()
			if strings.IndexByte(p, 0) >= 0 {
				return goja.Undefined()
			}
			if err := s.check(modules.ScopeFSRead, p); err != nil {
				if name == "lstat" {
					err = jsAccessDenied(err)
				}
				s.denied(arg(c, 1), err)
				return vm.ToValue(true) // (handled: the callback gets the error)
			}
			if cb := arg(c, 1); !goja.IsUndefined(cb) {
				abs := s.resolve(p)
				runStats(s, cb, func() (*unix.Statx_t, error) {
					st := new(unix.Statx_t)
					if err := statx(unix.AT_FDCWD, abs, flags, st); err != nil {
						return nil, sysErr(err, name, p, "")
					}
					return st, nil
				}, statConv(false))
				return vm.ToValue(true)
			}
			var st unix.Statx_t
			if err := statx(unix.AT_FDCWD, s.resolve(p), flags, &st); err != nil {
				if err == unix.ENOENT && arg(c, 2).ToBoolean() {
					return goja.Null() // (throwIfNoEntry: false)
				}
				panic(s.jsErr(sysErr(err, name, p, "")))
			}
			return s.stats(&st, false)
		})
	}
	statFast("stat", 0)
	statFast("lstat", unix.AT_SYMLINK_NOFOLLOW)

	set("fstat", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c, 0))
		big := arg(c, 1).ToBoolean()
		req := arg(c, 2)
		return runStats(s, req, func() (*unix.Statx_t, error) {
			st := new(unix.Statx_t)
			if err := statx(fd, "", unix.AT_EMPTY_PATH, st); err != nil {
				return nil, sysErr(err, "fstat", "", "")
			}
			return st, nil
		}, statConv(big))
	})

	set("statfs", func(c goja.FunctionCall) goja.Value {
		p := s.path(arg(c, 0))
		big := arg(c, 1).ToBoolean()
		req := arg(c, 2)
		if err := s.check(modules.ScopeFSRead, p); err != nil {
			return s.denied(req, err)
		}
		return run(s, req, func() (*unix.Statfs_t, error) {
			st := new(unix.Statfs_t)
			if err := ignoringEINTR(func() error { return unix.Statfs(s.resolve(p), st) }); err != nil {
				return nil, sysErr(err, "statfs", p, "")
			}
			return st, nil
		}, func(st *unix.Statfs_t) goja.Value {
			vals := []int64{int64(st.Type), int64(st.Bsize), int64(st.Blocks), int64(st.Bfree),
				int64(st.Bavail), int64(st.Files), int64(st.Ffree)}
			arr := make([]any, len(vals))
			for i, v := range vals {
				if big {
					arr[i] = bigint(vm, v)
				} else {
					arr[i] = v
				}
			}
			return vm.NewArray(arr...)
		})
	})

	set("mkdir", func(c goja.FunctionCall) goja.Value {
		p := s.path(arg(c, 0))
		mode := uint32(intArg(c, 1))
		recursive := arg(c, 2).ToBoolean()
		req := arg(c, 3)
		if err := s.check(modules.ScopeFSWrite, p); err != nil {
			return s.deniedThrow(req, err)
		}
		// (node's recursive mkdir makes a request per mkdir and stat it tries: the callback
		// comes that many turns on)
		turns := 0
		return runReqTurns(s, req, func() (string, error) {
			if recursive {
				return s.mkdirp(p, mode, req != nil && !goja.IsUndefined(req), &turns)
			}
			turns = 1
			return "", sysErr(ignoringEINTR(func() error { return unix.Mkdir(s.resolve(p), mode) }), "mkdir", p, "")
		}, func(first string) goja.Value {
			if !recursive || first == "" {
				return nil
			}
			return vm.ToValue(first)
		}, reqPlain, &turns)
	})

	set("mkdtemp", func(c goja.FunctionCall) goja.Value {
		prefix := s.path(arg(c, 0))
		req := arg(c, 1)
		if err := s.check(modules.ScopeFSWrite, prefix+"XXXXXX"); err != nil { // (the template node asks about)
			return s.denied(req, err)
		}
		return run(s, req, func() (string, error) { return s.mkdtemp(prefix, !goja.IsUndefined(req)) },
			func(p string) goja.Value { return vm.ToValue(p) })
	})

	pathOp := func(name, call, scope string, nargs int, mk func(p string, abs string, c goja.FunctionCall) func() error) {
		set(name, func(c goja.FunctionCall) goja.Value {
			p := s.path(arg(c, 0))
			req := arg(c, nargs)
			err := s.check(scope, p)
			if name == "truncate" {
				err = s.checkOpen(p, unix.O_RDWR) // (node opens the file r+)
			}
			if err != nil {
				if name == "rmdir" || name == "chmod" || name == "utimes" || name == "lutimes" {
					return s.deniedThrow(req, err)
				}
				return s.denied(req, err)
			}
			do := mk(p, s.resolve(p), c)
			return run(s, req, func() (none, error) {
				return none{}, sysErr(ignoringEINTR(do), call, p, "")
			}, nil)
		})
	}
	pathOp("rmdir", "rmdir", modules.ScopeFSWrite, 1, func(p, abs string, c goja.FunctionCall) func() error {
		return func() error { return unix.Rmdir(abs) }
	})
	pathOp("unlink", "unlink", modules.ScopeFSWrite, 1, func(p, abs string, c goja.FunctionCall) func() error {
		return func() error { return unix.Unlink(abs) }
	})
	pathOp("chmod", "chmod", modules.ScopeFSWrite, 2, func(p, abs string, c goja.FunctionCall) func() error {
		mode := uint32(intArg(c, 1))
		return func() error { return unix.Fchmodat(unix.AT_FDCWD, abs, mode, 0) }
	})
	pathOp("chown", "chown", modules.ScopeFSWrite, 3, func(p, abs string, c goja.FunctionCall) func() error {
		uid, gid := int(intArg(c, 1)), int(intArg(c, 2))
		return func() error { return unix.Fchownat(unix.AT_FDCWD, abs, uid, gid, 0) }
	})
	pathOp("lchown", "lchown", modules.ScopeFSWrite, 3, func(p, abs string, c goja.FunctionCall) func() error {
		uid, gid := int(intArg(c, 1)), int(intArg(c, 2))
		return func() error { return unix.Fchownat(unix.AT_FDCWD, abs, uid, gid, unix.AT_SYMLINK_NOFOLLOW) }
	})
	pathOp("truncate", "open", modules.ScopeFSWrite, 2, func(p, abs string, c goja.FunctionCall) func() error {
		n := intArg(c, 1)
		return func() error { return unix.Truncate(abs, n) }
	})
	utime := func(name, call string, flags int) {
		pathOp(name, call, modules.ScopeFSWrite, 3, func(p, abs string, c goja.FunctionCall) func() error {
			ts := []unix.Timespec{toTimespec(arg(c, 1).ToFloat()), toTimespec(arg(c, 2).ToFloat())}
			return func() error { return unix.UtimesNanoAt(unix.AT_FDCWD, abs, ts, flags) }
		})
	}
	utime("utimes", "utime", 0)
	utime("lutimes", "lutime", unix.AT_SYMLINK_NOFOLLOW)

	twoPath := func(name, call string, nargs int, mk func(a, b string, c goja.FunctionCall) func() error) {
		set(name, func(c goja.FunctionCall) goja.Value {
			src := s.path(arg(c, 0))
			dst := s.path(arg(c, 1))
			req := arg(c, nargs)
			srcScope := modules.ScopeFSRead
			if name == "rename" {
				srcScope = modules.ScopeFSWrite
			}
			if name != "symlink" {
				if err := s.check(srcScope, src); err != nil {
					return s.denied(req, err)
				}
			}
			if err := s.check(modules.ScopeFSWrite, dst); err != nil {
				return s.denied(req, err)
			}
			do := mk(src, dst, c)
			return run(s, req, func() (none, error) {
				return none{}, sysErr(ignoringEINTR(do), call, src, dst)
			}, nil)
		})
	}
	twoPath("rename", "rename", 2, func(a, b string, c goja.FunctionCall) func() error {
		ra, rb := s.resolve(a), s.resolve(b)
		return func() error { return unix.Rename(ra, rb) }
	})
	twoPath("link", "link", 2, func(a, b string, c goja.FunctionCall) func() error {
		ra, rb := s.resolve(a), s.resolve(b)
		return func() error { return unix.Link(ra, rb) }
	})
	twoPath("symlink", "symlink", 3, func(a, b string, c goja.FunctionCall) func() error {
		rb := s.resolve(b)
		return func() error { return unix.Symlink(a, rb) }
	})
	twoPath("copyFile", "copyfile", 3, func(a, b string, c goja.FunctionCall) func() error {
		ra, rb := s.resolve(a), s.resolve(b)
		mode := int(intArg(c, 2))
		return func() error { return copyFile(ra, rb, mode) }
	})

	set("readlink", func(c goja.FunctionCall) goja.Value {
		p := s.path(arg(c, 0))
		asBuf := arg(c, 1).ToBoolean()
		req := arg(c, 2)
		if err := s.check(modules.ScopeFSRead, p); err != nil {
			return s.deniedThrow(req, err)
		}
		return run(s, req, func() (string, error) { return s.readlink(p) },
			func(r string) goja.Value { return s.nameValue(r, asBuf) })
	})

	set("realpath", func(c goja.FunctionCall) goja.Value {
		p := s.path(arg(c, 0))
		asBuf := arg(c, 1).ToBoolean()
		native := arg(c, 2).ToBoolean()
		req := arg(c, 3)
		mode := realpathCheckNone
		switch {
		case native:
			if err := s.check(modules.ScopeFSRead, p); err != nil {
				return s.denied(req, err)
			}
		case s.h.Perms == nil:
		case goja.IsUndefined(req):
			mode = realpathCheckLinks
		default:
			mode = realpathCheckAll
		}
		return run(s, req, func() (string, error) { return s.realpath(p, native, mode) },
			func(r string) goja.Value { return s.nameValue(r, asBuf) })
	})

	set("readdir", func(c goja.FunctionCall) goja.Value {
		p := s.path(arg(c, 0))
		asBuf := arg(c, 1).ToBoolean()
		withTypes := arg(c, 2).ToBoolean()
		recursive := arg(c, 3).ToBoolean()
		req := arg(c, 4)
		if err := s.check(modules.ScopeFSRead, p); err != nil {
			return s.denied(req, err)
		}
		stack := false
		if o, ok := req.(*goja.Object); ok && o == s.usePromises {
			stack = true
		}
		// (a string path: the Dirents' parentPath is a string, and they can be made here)
		dirents := withTypes && !asBuf && goja.IsString(arg(c, 0))
		return run(s, req, func() ([]dirent, error) { return s.readdir(p, recursive, withTypes, stack) },
			func(ents []dirent) goja.Value {
				if dirents {
					if v := s.direntObjects(ents); v != nil {
						return v
					}
				}
				return s.direntsValue(ents, asBuf, withTypes)
			})
	})

	// rm(path, recursive, force, req, maxRetries, retryDelay)
	set("rm", func(c goja.FunctionCall) goja.Value {
		p := s.path(arg(c, 0))
		recursive := arg(c, 1).ToBoolean()
		force := arg(c, 2).ToBoolean()
		req := arg(c, 3)
		retries, delay := int(intArg(c, 4)), time.Duration(intArg(c, 5))*time.Millisecond
		// (node's rm looks at the path with lstat first)
		if err := s.check(modules.ScopeFSRead, p); err != nil {
			return s.denied(req, err)
		}
		if err := s.check(modules.ScopeFSWrite, p); err != nil {
			return s.denied(req, err)
		}
		turns := 1 // (node's requests: the callback comes that many turns on)
		async := req != nil && !goja.IsUndefined(req)
		return runReqTurns(s, req, func() (none, error) {
			return none{}, withRetries(retries, delay, time.Sleep, func() error { return s.rm(p, recursive, force, async, &turns) })
		}, nil, reqPlain, &turns)
	})

	// Descriptor operations --------------------------------------------------------------

	set("read", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c, 0))
		buf := s.bytes(arg(c, 1))
		off, n := intArg(c, 2), intArg(c, 3)
		pos := intArg(c, 4)
		req := arg(c, 5)
		if off < 0 || n < 0 || off+n > int64(len(buf)) {
			s.h.Throw(modules.RangeError("ERR_OUT_OF_RANGE", "read out of range"))
		}
		p := buf[off : off+n]
		if fd == 0 && !s.tracked(0) && s.h.Stdin != nil {
			return run(s, req, func() (int, error) {
				n, err := s.h.Stdin.Read(p)
				if err == io.EOF {
					err = nil
				}
				return n, sysErr(err, "read", "", "")
			}, intConv(vm))
		}
		return run(s, req, func() (int, error) { return preadFull(fd, p, pos) }, intConv(vm))
	})

	set("write", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c, 0))
		buf := s.bytes(arg(c, 1))
		off, n := intArg(c, 2), intArg(c, 3)
		pos := offsetArg(c, 4)
		req := arg(c, 5)
		if off < 0 || n < 0 || off+n > int64(len(buf)) {
			s.h.Throw(modules.RangeError("ERR_OUT_OF_RANGE", "write out of range"))
		}
		return s.writeBytes(fd, buf[off:off+n], pos, req)
	})

	// readChunk(fd, n, pos, ahead, cb) reads up to n bytes into a fresh Buffer (an ArrayBuffer
	// before setBuffer) of exactly the size read, or null at the end of the file, and calls
	// cb(err, buf, length): the read stream's hot path. With ahead (the stream opened the descriptor itself) a reader goroutine keeps
	// a few chunks read in advance, and a chunk already read completes without a goroutine hop.
	set("readChunk", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c, 0))
		n := int(intArg(c, 1))
		pos := intArg(c, 2)
		ahead := arg(c, 3).ToBoolean()
		cb, _ := goja.AssertFunction(arg(c, 4))
		deliver := func(b []byte, err error) error {
			var e error
			switch {
			case err != nil:
				_, e = cb(goja.Undefined(), s.jsErr(err))
			case len(b) == 0:
				_, e = cb(goja.Undefined(), goja.Null(), goja.Null())
			default:
				_, e = cb(goja.Undefined(), goja.Null(), s.newBuffer(b), vm.ToValue(len(b)))
			}
			return e
		}
		if !ahead {
			goDo(s, eventloop.ReqFS, func() ([]byte, error) { return readOnce(fd, n, pos) }, deliver)
			return goja.Undefined()
		}
		r := s.reader(fd, n, pos)
		if r == nil {
			goDo(s, eventloop.ReqFS, func() ([]byte, error) { return readOnce(fd, n, pos) }, deliver)
			return goja.Undefined()
		}
		if ch, ok := r.tryNext(); ok {
			p := s.h.Loop.ReserveKind(eventloop.ReqFS)
			p.Done(func() error { return deliver(ch.buf, ch.err) })
			return goja.Undefined()
		}
		goDo(s, eventloop.ReqFS, func() ([]byte, error) {
			ch := r.next()
			return ch.buf, ch.err
		}, deliver)
		return goja.Undefined()
	})

	set("writeString", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c, 0))
		str := arg(c, 1).String()
		pos := offsetArg(c, 2)
		req := arg(c, 3)
		return s.writeBytes(fd, []byte(str), pos, req)
	})

	set("writev", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c, 0))
		bufs := s.bufferList(arg(c, 1))
		pos := intArg(c, 2)
		req := arg(c, 3)
		total := 0
		for _, b := range bufs {
			total += len(b)
		}
		if (fd == 1 || fd == 2) && !s.tracked(fd) {
			joined := bytes.Join(bufs, nil)
			return s.writeBytes(fd, joined, pos, req)
		}
		return run(s, req, func() (int, error) {
			return writevFull(fd, bufs, pos)
		}, intConv(vm))
	})

	set("readv", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c, 0))
		bufs := s.bufferList(arg(c, 1))
		pos := intArg(c, 2)
		req := arg(c, 3)
		return run(s, req, func() (int, error) {
			if len(bufs) == 0 {
				// libuv's uv_fs_read refuses an empty buffer list
				return 0, sysErr(syscall.EINVAL, "read", "", "")
			}
			// (one call, of at most iovMax buffers, as libuv's: the rest stay unfilled)
			bufs = bufs[:min(len(bufs), iovMax)]
			var n int
			var err error
			for {
				if pos >= 0 {
					n, err = unix.Preadv(fd, bufs, pos)
				} else {
					n, err = unix.Readv(fd, bufs)
				}
				if err != syscall.EINTR {
					break
				}
			}
			return n, sysErr(err, "read", "", "")
		}, intConv(vm))
	})

	fdOp := func(name, call string, nargs int, mk func(fd int, c goja.FunctionCall) func() error) {
		set(name, func(c goja.FunctionCall) goja.Value {
			fd := int(intArg(c, 0))
			req := arg(c, nargs)
			do := mk(fd, c)
			return run(s, req, func() (none, error) {
				return none{}, sysErr(ignoringEINTR(do), call, "", "")
			}, nil)
		})
	}
	fdOp("fsync", "fsync", 1, func(fd int, c goja.FunctionCall) func() error {
		return func() error { return unix.Fsync(fd) }
	})
	fdOp("fdatasync", "fdatasync", 1, func(fd int, c goja.FunctionCall) func() error {
		return func() error { return unix.Fdatasync(fd) }
	})
	fdOp("ftruncate", "ftruncate", 2, func(fd int, c goja.FunctionCall) func() error {
		n := intArg(c, 1)
		return func() error { return unix.Ftruncate(fd, n) }
	})
	fdOp("fchmod", "fchmod", 2, func(fd int, c goja.FunctionCall) func() error {
		mode := uint32(intArg(c, 1))
		return func() error { return unix.Fchmod(fd, mode) }
	})
	fdOp("fchown", "fchown", 3, func(fd int, c goja.FunctionCall) func() error {
		uid, gid := int(intArg(c, 1)), int(intArg(c, 2))
		return func() error { return unix.Fchown(fd, uid, gid) }
	})
	fdOp("futimes", "futime", 3, func(fd int, c goja.FunctionCall) func() error {
		ts := []unix.Timespec{toTimespec(arg(c, 1).ToFloat()), toTimespec(arg(c, 2).ToFloat())}
		return func() error { return unix.UtimesNanoAt(fd, "", ts, unix.AT_EMPTY_PATH) }
	})

	// Whole-file operations --------------------------------------------------------------

	// readFile(pathOrFd, isFd, flags, utf8, req[, stopFlag]): a string when utf8, else an
	// ArrayBuffer.
	set("readFile", func(c goja.FunctionCall) goja.Value {
		isFd := arg(c, 1).ToBoolean()
		var p string
		var fd int
		if isFd {
			fd = int(intArg(c, 0))
		} else {
			p = s.path(arg(c, 0))
		}
		flags := int(intArg(c, 2))
		asString := arg(c, 3).ToBoolean()
		req := arg(c, 4)
		var stop *atomic.Bool // set when the read's AbortSignal fires (newStopFlag)
		if o, ok := arg(c, 5).(*goja.Object); ok {
			stop, _ = modules.ExportAs[*atomic.Bool](o)
		}
		if !isFd {
			if err := s.checkOpen(p, flags); err != nil {
				return s.denied(req, err)
			}
		}
		turns := 1 // (node's requests: the callback comes that many turns on)
		work := func() (data []byte, err error) {
			if isFd {
				if fd == 0 && !s.tracked(0) && s.h.Stdin != nil {
					return io.ReadAll(s.h.Stdin)
				}
				data, turns, err = readAllFD(fd, false, stop)
				if err != nil && asString && goja.IsUndefined(req) {
					// (node 20's readFileSync of an fd as utf8, readFileUtf8, only reads: a bad
					// descriptor fails its read, not an fstat)
					var se *modules.SystemError
					if errors.As(err, &se) && se.Syscall == "fstat" {
						se.Syscall = "read"
					}
				}
				return data, err
			}
			data, turns, err = s.readWholeFile(p, flags, stop)
			return data, err
		}
		if asString {
			// node decodes the whole file at once: past V8's longest string it fails
			read := work
			work = func() ([]byte, error) {
				data, err := read()
				if err == nil && len(data) > buffer.MaxStringLength && buffer.UTF16Length(data) > buffer.MaxStringLength {
					return nil, buffer.StringTooLong()
				}
				return data, err
			}
		}
		return runReqTurns(s, req, s.noteSized(req, work), func(data []byte) goja.Value {
			if asString {
				return s.utf8String(data)
			}
			return vm.ToValue(vm.NewArrayBuffer(data))
		}, reqReadFile, &turns)
	})

	// newStopFlag() -> a flag for readFile's last argument; setStopFlag(flag) sets it (the
	// AbortSignal fired), and the read stops at its next chunk.
	set("newStopFlag", func(c goja.FunctionCall) goja.Value { return vm.ToValue(new(atomic.Bool)) })
	set("setStopFlag", func(c goja.FunctionCall) goja.Value {
		if o, ok := arg(c, 0).(*goja.Object); ok {
			if f, ok := modules.ExportAs[*atomic.Bool](o); ok {
				f.Store(true)
			}
		}
		return goja.Undefined()
	})

	// readFileFast(path, req): readFile(path) with no options, req a callback or kUsePromises,
	// for a path that is a string without null bytes (anything else returns undefined and the
	// glue takes readFile). The result is a Buffer built here.
	// lastReadSized(): whether the last synchronous readFile that failed reading did so in node's
	// known-size loop (noteSized)
	set("lastReadSized", func(goja.FunctionCall) goja.Value { return vm.ToValue(s.readSized) })

	set("readFileFast", func(c goja.FunctionCall) goja.Value {
		v := arg(c, 0)
		if !goja.IsString(v) || s.u8Ctor == nil {
			return goja.Undefined()
		}
		p := v.String()
		if strings.IndexByte(p, 0) >= 0 {
			return goja.Undefined()
		}
		req := arg(c, 1)
		if err := s.checkOpen(p, unix.O_RDONLY); err != nil {
			if r := s.denied(req, err); !goja.IsUndefined(r) {
				return r
			}
			return vm.ToValue(true) // (handled: the callback gets the error)
		}
		turns := 1
		r := runReqTurns(s, req, s.noteSized(req, func() (data []byte, err error) {
			data, turns, err = s.readWholeFile(p, unix.O_RDONLY, nil)
			return data, err
		}), func(data []byte) goja.Value { return s.newBuffer(data) }, reqReadFile, &turns)
		if goja.IsUndefined(r) {
			return vm.ToValue(true)
		}
		return r
	})

	// writeFile(pathOrFd, isFd, data (string or bytes), flags, mode, req)
	set("writeFile", func(c goja.FunctionCall) goja.Value {
		isFd := arg(c, 1).ToBoolean()
		var p string
		var fd int
		if isFd {
			fd = int(intArg(c, 0))
		} else {
			p = s.path(arg(c, 0))
		}
		var data []byte
		if d := arg(c, 2); goja.IsString(d) {
			data = []byte(d.String())
		} else {
			data = s.bytes(d)
		}
		flags := int(intArg(c, 3))
		mode := uint32(intArg(c, 4))
		req := arg(c, 5)
		if !isFd {
			if err := s.checkOpen(p, flags); err != nil {
				return s.denied(req, err)
			}
		} else if (fd == 1 || fd == 2) && !s.tracked(fd) {
			return s.writeBytes(fd, data, -1, req)
		}
		// node's writeFileSync writes while data remains, so empty data makes no call; its
		// asynchronous forms write at least once (an fd not open for writing fails with EBADF)
		write := func(fd int) error {
			if len(data) == 0 && goja.IsUndefined(req) {
				return nil
			}
			_, err := writeFull(fd, data, -1)
			return err
		}
		// node's writeFile makes three requests (open, write, close), one to a descriptor
		turns := 1
		return runReqTurns(s, req, func() (none, error) {
			if isFd {
				return none{}, write(fd)
			}
			f, err := s.open(p, flags, mode)
			if err != nil {
				return none{}, err
			}
			turns = 3
			err = write(f)
			s.untrack(f)
			return none{}, withClose(err, closeFD(f))
		}, func(none) goja.Value { return goja.Undefined() }, reqPlain, &turns)
	})

	// Directories (opendir) --------------------------------------------------------------

	set("opendir", func(c goja.FunctionCall) goja.Value {
		p := s.path(arg(c, 0))
		req := arg(c, 1)
		if err := s.check(modules.ScopeFSRead, p); err != nil {
			return s.denied(req, err)
		}
		// Node names the path in the error of the asynchronous forms only (an empty one too).
		async := !goja.IsUndefined(req)
		ep := ""
		if async {
			ep = p
		}
		openErr := func(err error) error {
			e := sysErr(err, "opendir", ep, "")
			if se, ok := e.(*modules.SystemError); ok && async {
				se.PathGiven = true
			}
			return e
		}
		return run(s, req, func() (*dirHandle, error) {
			f, err := os.Open(s.resolve(p))
			if err != nil {
				return nil, openErr(err)
			}
			if fi, err := f.Stat(); err == nil && !fi.IsDir() {
				f.Close()
				return nil, openErr(unix.ENOTDIR)
			}
			return &dirHandle{f: f}, nil
		}, func(d *dirHandle) goja.Value {
			s.nextDir++
			s.dirs[s.nextDir] = d
			return vm.ToValue(s.nextDir)
		})
	})

	// dirRead(id, n, asBuf, req) -> [name, type, name, type...] or null at the end
	set("dirRead", func(c goja.FunctionCall) goja.Value {
		id := int(intArg(c, 0))
		n := int(intArg(c, 1))
		asBuf := arg(c, 2).ToBoolean()
		req := arg(c, 3)
		d := s.dirs[id]
		if d == nil {
			s.h.Throw(modules.NewError("Error", "ERR_DIR_CLOSED", "Directory handle was closed"))
		}
		return run(s, req, func() ([]dirent, error) {
			ents, err := d.f.ReadDir(n)
			if err == io.EOF {
				return nil, nil
			}
			if err != nil {
				return nil, modules.NewSystemError(err, "scandir", "", "") // a Dir's read reports no path
			}
			out := make([]dirent, len(ents))
			for i, e := range ents {
				out[i] = dirent{name: e.Name(), typ: direntType(e.Type())}
			}
			if len(out) == 0 {
				return nil, nil
			}
			return out, nil
		}, func(ents []dirent) goja.Value {
			if ents == nil {
				return goja.Null()
			}
			return s.direntsValue(ents, asBuf, true)
		})
	})

	set("dirClose", func(c goja.FunctionCall) goja.Value {
		id := int(intArg(c, 0))
		req := arg(c, 1)
		d := s.dirs[id]
		delete(s.dirs, id)
		return run(s, req, func() (none, error) {
			if d != nil {
				d.close()
			}
			return none{}, nil
		}, nil)
	})
}

// newBuffer returns a Buffer over b (shared, not copied), or an ArrayBuffer over b before the
// glue called setBuffer.
func (s *state) newBuffer(b []byte) goja.Value {
	ab := s.vm.ToValue(s.vm.NewArrayBuffer(b))
	if s.u8Ctor == nil {
		return ab
	}
	o, err := s.u8Ctor(s.bufferCtor, ab)
	if err != nil {
		panic(err)
	}
	return o
}

func intConv(vm *goja.Runtime) func(int) goja.Value {
	return func(n int) goja.Value { return vm.ToValue(n) }
}

func bigint(vm *goja.Runtime, v int64) goja.Value {
	return vm.ToValue(big.NewInt(v))
}

// toTimespec converts a time in seconds as node 20's libuv (1.46) does (uv__fs_to_timespec):
// the seconds truncated toward zero and the rest truncated to whole microseconds
// (utimes(f, 1.123456789) sets 1.123456000), a negative rest borrowing a second. A time whose
// seconds do not fit in 64 bits, NaN (an invalid Date) and Infinity (a string such as '1e400')
// get a nanosecond field the kernel refuses (EINVAL), as libuv's overflowing conversion gives
// them (later libuv versions take NaN and Infinity for "now"; node 20's does not).
func toTimespec(t float64) unix.Timespec {
	if math.IsNaN(t) || t >= 0x1p63 || t < -0x1p63 {
		return unix.Timespec{Sec: 0, Nsec: -1}
	}
	sec := int64(t)
	nsec := int64((t - float64(sec)) * 1e9)
	nsec -= nsec % 1000
	if nsec < 0 {
		nsec += 1e9
		sec--
	}
	return unix.Timespec{Sec: sec, Nsec: nsec}
}

// withRetries runs op and, while it fails with one of the errors Node's rm retries (EBUSY,
// EMFILE, ENFILE, ENOTEMPTY, EPERM), runs it again up to maxRetries times, waiting retryDelay
// longer before each retry (Node's linear backoff: delay, 2*delay, ...). The synchronous form
// blocks the loop while it waits, as Node's rmSync does; the others wait on a worker.
func withRetries(maxRetries int, retryDelay time.Duration, sleep func(time.Duration), op func() error) error {
	for i := 1; ; i++ {
		err := op()
		if err == nil || i > maxRetries || !retryable(err) {
			return err
		}
		sleep(time.Duration(i) * retryDelay)
	}
}

func retryable(err error) bool {
	var se *modules.SystemError
	if !errors.As(err, &se) {
		return false
	}
	switch se.Errno {
	case unix.EBUSY, unix.EMFILE, unix.ENFILE, unix.ENOTEMPTY, unix.EPERM:
		return true
	}
	return false
}

// checkOpen asks the permission hook about opening p with flags.
func (s *state) checkOpen(p string, flags int) error {
	acc := flags & unix.O_ACCMODE
	if acc == unix.O_RDONLY || acc == unix.O_RDWR {
		if err := s.check(modules.ScopeFSRead, p); err != nil {
			return err
		}
	}
	if acc != unix.O_RDONLY || flags&(unix.O_CREAT|unix.O_TRUNC|unix.O_APPEND) != 0 {
		return s.check(modules.ScopeFSWrite, p)
	}
	return nil
}

func (s *state) open(p string, flags int, mode uint32) (int, error) {
	var fd int
	err := ignoringEINTR(func() error {
		var err error
		fd, err = unix.Open(s.resolve(p), flags|unix.O_CLOEXEC, mode)
		return err
	})
	if err != nil {
		return -1, sysErr(err, "open", p, "")
	}
	s.track(fd)
	return fd, nil
}

// writeBytes writes b to fd at pos (-1: the current offset) in the form req asks for. Writes to
// the runtime's stdout and stderr (descriptors 1 and 2 when the runtime did not open them) go to
// the Host's writers, on the loop, so they interleave with console output in order; a worker
// thread's go to the process's own (Host.ProcessStdio), not through its parent, as node's.
func (s *state) writeBytes(fd int, b []byte, pos int64, req goja.Value) goja.Value {
	if (fd == 1 || fd == 2) && !s.tracked(fd) {
		w := s.h.ProcessStdio[fd-1]
		if w == nil {
			w = s.h.Stdout
			if fd == 2 {
				w = s.h.Stderr
			}
		}
		if w != nil {
			n, err := w.Write(b)
			return run(s, req, func() (int, error) { return n, sysErr(err, "write", "", "") }, intConv(s.vm))
		}
	}
	return run(s, req, func() (int, error) { return writeFull(fd, b, pos) }, intConv(s.vm))
}

// An empty write still makes the call, as libuv's: a descriptor not open for writing fails with
// EBADF for zero bytes too.
func writeFull(fd int, b []byte, pos int64) (int, error) {
	total := 0
	for first := true; first || len(b) > 0; first = false {
		var n int
		var err error
		if pos >= 0 {
			n, err = unix.Pwrite(fd, b, pos)
		} else {
			n, err = unix.Write(fd, b)
		}
		if err == syscall.EINTR {
			continue
		}
		if err == syscall.EAGAIN {
			// A non-blocking descriptor (a pipe or tty): wait until it drains.
			waitWritable(fd)
			continue
		}
		if err != nil {
			return total, sysErr(err, "write", "", "")
		}
		total += n
		b = b[n:]
		if pos >= 0 {
			pos += int64(n)
		}
	}
	return total, nil
}

func waitWritable(fd int) {
	fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLOUT}}
	unix.Poll(fds, 100)
}

// iovMax is the most buffers one readv or writev call takes (Linux's IOV_MAX; more fail with
// EINVAL): libuv hands a longer list to the kernel in pieces of that many.
const iovMax = 1024

// writevFull writes every buffer, as libuv's uv_fs_write does: calls of at most iovMax buffers
// until all is written; an error after some bytes were written ends it with those bytes counted.
func writevFull(fd int, bufs [][]byte, pos int64) (int, error) {
	total := 0
	for len(bufs) > 0 {
		var n int
		var err error
		part := bufs[:min(len(bufs), iovMax)]
		if pos >= 0 {
			n, err = unix.Pwritev(fd, part, pos)
		} else {
			n, err = unix.Writev(fd, part)
		}
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			if total > 0 {
				return total, nil
			}
			return total, sysErr(err, "write", "", "")
		}
		if n == 0 {
			break
		}
		total += n
		if pos >= 0 {
			pos += int64(n)
		}
		for n > 0 && len(bufs) > 0 {
			if n >= len(bufs[0]) {
				n -= len(bufs[0])
				bufs = bufs[1:]
			} else {
				bufs[0] = bufs[0][n:]
				n = 0
			}
		}
		for len(bufs) > 0 && len(bufs[0]) == 0 {
			bufs = bufs[1:]
		}
	}
	return total, nil
}

// preadFull does one read (Node's fs.read is a single read call). A non-blocking descriptor
// with nothing to read fails with EAGAIN, as under node (which does not wait for it: a read of
// a descriptor that never becomes readable would hang).
func preadFull(fd int, p []byte, pos int64) (int, error) {
	for {
		var n int
		var err error
		if pos >= 0 {
			n, err = unix.Pread(fd, p, pos)
		} else {
			n, err = unix.Read(fd, p)
		}
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, sysErr(err, "read", "", "")
		}
		return n, nil
	}
}

// sizedReadErr is a read error of readAllFD's known-size loop (a regular file fstat gave a size):
// node's readFileSync fails in another line there (noteSized).
type sizedReadErr struct{ error }

func (e *sizedReadErr) Unwrap() error { return e.error }

// noteSized wraps work, a readFile's, so that a synchronous one (req undefined) records in
// s.readSized whether it failed in the known-size loop (the glue's lastReadSized). Loop only.
func (s *state) noteSized(req goja.Value, work func() ([]byte, error)) func() ([]byte, error) {
	if req != nil && !goja.IsUndefined(req) {
		return work
	}
	return func() ([]byte, error) {
		data, err := work()
		var sized *sizedReadErr
		s.readSized = errors.As(err, &sized)
		return data, err
	}
}

// readWholeFile is readFile of a path: open, read to the end, close. turns is how many
// requests node's readFile makes for it (open, readAllFD's, close). Worker goroutine.
func (s *state) readWholeFile(p string, flags int, stop *atomic.Bool) (data []byte, turns int, err error) {
	f, err := s.open(p, flags, 0o666)
	if err != nil {
		return nil, 1, err
	}
	data, turns, err = readAllFD(f, true, stop)
	s.untrack(f)
	if err = withClose(err, closeFD(f)); err != nil {
		data = nil
	}
	return data, turns + 2, err
}

// closeFailed is an operation's error followed by a failed close of the descriptor it opened.
// node's callback and promise forms give aggregateTwoErrors(closeError, opError): an
// AggregateError of both with the operation's message and code; its sync forms close in a
// finally block, so the close error is what they throw.
type closeFailed struct{ op, close error }

func (e *closeFailed) Error() string { return e.op.Error() }

// withClose is the outcome of an operation that ended with err and then closed its descriptor
// with cerr: err alone when the close succeeded, the close's error after a success, both
// (closeFailed) when both failed.
func withClose(err, cerr error) error {
	if cerr == nil {
		return err
	}
	cerr = sysErr(cerr, "close", "", "")
	if err == nil {
		return cerr
	}
	return &closeFailed{op: err, close: cerr}
}

// readlink is the target of the link p. Any goroutine.
func (s *state) readlink(p string) (string, error) {
	buf := make([]byte, 256)
	for {
		n, err := unix.Readlink(s.resolve(p), buf)
		if err != nil {
			return "", sysErr(err, "readlink", p, "")
		}
		if n < len(buf) {
			return string(buf[:n]), nil
		}
		buf = make([]byte, 2*len(buf))
	}
}

// kMaxLength is the largest file readFile reads, Node's kIoMaxLength (2 GiB - 1).
const kMaxLength = 1<<31 - 1

// readFileChunk is how much readFile reads at once when it can be aborted (Node's
// kReadFileBufferLength): the abort is checked between chunks.
const readFileChunk = 512 << 10

// errAborted ends a read whose AbortSignal fired; the glue reports the AbortError.
var errAborted = errors.New("aborted")

// readFileUnknownChunk is how much node's readFile reads at once from a file whose size fstat
// does not tell (kReadFileUnknownBufferLength): a pipe, /proc's files.
const readFileUnknownChunk = 64 << 10

// readAllFD reads fd to its end. For a regular file opened by readFile it sizes the buffer from
// fstat, as Node does. With stop, it reads in readFileChunk pieces and gives up with errAborted
// once stop is set. turns is how many requests node's readFile makes for it: the fstat, and a
// read per readFileChunk of a sized file (one more if it ends early), per readFileUnknownChunk
// of another, with the empty read that ends it.
func readAllFD(fd int, sized bool, stop *atomic.Bool) (data []byte, turns int, err error) {
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, 1, sysErr(err, "fstat", "", "")
	}
	if st.Mode&unix.S_IFMT == unix.S_IFDIR {
		return nil, 2, sysErr(unix.EISDIR, "read", "", "")
	}
	size := int64(0)
	// (node's readFileSync takes its known-size loop for a regular file fstat gives a size,
	// whatever the descriptor's position)
	known := st.Mode&unix.S_IFMT == unix.S_IFREG && st.Size > 0
	if st.Mode&unix.S_IFMT == unix.S_IFREG {
		size = st.Size
		if !sized {
			// From a descriptor Node reads from its current position.
			if cur, err := unix.Seek(fd, 0, io.SeekCurrent); err == nil {
				size -= cur
				if size < 0 {
					size = 0
				}
			}
		}
	}
	if size > kMaxLength {
		return nil, 1, modules.RangeError("ERR_FS_FILE_TOO_LARGE", "File size (%d) is greater than 2 GiB", size)
	}
	var buf []byte
	if size > 0 {
		buf = make([]byte, 0, size+1)
	} else {
		buf = make([]byte, 0, 8192)
	}
	for {
		if len(buf) == cap(buf) {
			nb := make([]byte, len(buf), 2*cap(buf))
			copy(nb, buf)
			buf = nb
		}
		if stop != nil && stop.Load() {
			return nil, 1, errAborted
		}
		dst := buf[len(buf):cap(buf)]
		if stop != nil && len(dst) > readFileChunk {
			dst = dst[:readFileChunk]
		}
		n, err := preadFull(fd, dst, -1)
		if err != nil {
			if known {
				err = &sizedReadErr{err}
			}
			return nil, 2, err
		}
		if n == 0 {
			break
		}
		buf = buf[:len(buf)+n]
		if size > 0 && int64(len(buf)) == size {
			break // read what fstat announced, as Node does: no extra read for EOF
		}
		if int64(len(buf)) > kMaxLength {
			return nil, 1, modules.RangeError("ERR_FS_FILE_TOO_LARGE", "File size (%d) is greater than 2 GiB", len(buf))
		}
	}
	n := len(buf)
	if size > 0 {
		turns = 1 + (n+readFileChunk-1)/readFileChunk
		if n == 0 || int64(n) < size {
			turns++ // (the empty read that found the end early)
		}
		return buf, turns, nil
	}
	return buf, 2 + (n+readFileUnknownChunk-1)/readFileUnknownChunk, nil
}

// utf8String decodes data as Node's utf8 decoder does (invalid bytes become U+FFFD).
func (s *state) utf8String(data []byte) goja.Value {
	if utf8.Valid(data) {
		return s.vm.ToValue(string(data))
	}
	// (node's decoder: one U+FFFD for each maximal ill-formed subsequence, not for each run)
	return buffer.Decode(data, buffer.UTF8)
}

// nameValue is a file name as a string, or as an ArrayBuffer when the caller wants a Buffer.
func (s *state) nameValue(name string, asBuf bool) goja.Value {
	if asBuf {
		return s.vm.ToValue(s.vm.NewArrayBuffer([]byte(name)))
	}
	if utf8.ValidString(name) {
		return s.vm.ToValue(name)
	}
	return s.utf8String([]byte(name))
}

func (s *state) bufferList(v goja.Value) [][]byte {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	n := int(o.Get("length").ToInteger())
	out := make([][]byte, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, s.bytes(o.Get(itoa(i))))
	}
	return out
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func statx(dirfd int, p string, flags int, st *unix.Statx_t) error {
	return ignoringEINTR(func() error {
		return unix.Statx(dirfd, p, flags|unix.AT_STATX_SYNC_AS_STAT,
			unix.STATX_BASIC_STATS|unix.STATX_BTIME, st)
	})
}

var errStop = errors.New("stop")

type chunk struct {
	buf []byte
	err error
}

// readAhead reads a descriptor sequentially on its own goroutine, a few chunks ahead of the
// read stream that owns the descriptor.
type readAhead struct {
	fd   int
	n    int
	pos  int64 // position of the next chunk handed out
	seq  bool  // asked for as sequential reads (pos -1), done at positions from the offset
	ch   chan chunk
	stop chan struct{}
	done chan struct{}
}

const readAheadDepth = 4

func (r *readAhead) run(start int64) {
	defer close(r.done)
	pos := start
	for {
		select {
		case <-r.stop:
			return
		default:
		}
		b, err := readOnce(r.fd, r.n, pos)
		select {
		case r.ch <- chunk{b, err}:
		case <-r.stop:
			return
		}
		if err != nil || len(b) < r.n {
			return
		}
		if pos >= 0 {
			pos += int64(len(b))
		}
	}
}

// tryNext takes a chunk that is already read, if any. Loop only. The end of the file read
// ahead is not taken as the end: the file may have grown since (next reads again).
func (r *readAhead) tryNext() (chunk, bool) {
	select {
	case c := <-r.ch:
		if c.err == nil && len(c.buf) == 0 {
			return chunk{}, false
		}
		r.advance(c)
		return c, true
	default:
		return chunk{}, false
	}
}

// next waits for the next chunk. Worker goroutine. Once the reader has stopped (at a short read
// or the end of the file) each chunk is read when asked for, as node reads at each request: a
// file that grew since gives its new bytes instead of an end read too early.
func (r *readAhead) next() chunk {
	select {
	case c := <-r.ch:
		if c.err != nil || len(c.buf) > 0 {
			r.advance(c)
			return c
		}
	case <-r.done:
		select {
		case c := <-r.ch:
			if c.err != nil || len(c.buf) > 0 {
				r.advance(c)
				return c
			}
		default:
		}
	}
	<-r.done
	b, err := readOnce(r.fd, r.n, r.pos)
	c := chunk{b, err}
	r.advance(c)
	return c
}

func (r *readAhead) advance(c chunk) {
	if r.pos >= 0 {
		r.pos += int64(len(c.buf))
	}
}

func (r *readAhead) halt() {
	close(r.stop)
	<-r.done
}

// reader returns the read-ahead for fd if it fits a read of n bytes at pos, replacing a stale
// one, or nil when fd cannot be read ahead. Loop only (the map is guarded for the close path,
// which runs on workers).
//
// A sequential read (pos -1, a stream without start) is read ahead at explicit positions from
// the descriptor's offset, so that a reader replaced by a read of another size (the last one
// before end) continues after the bytes handed out, not after those it had read ahead and drops.
// A descriptor without an offset (a pipe: its bytes cannot be read again) is not read ahead.
func (s *state) reader(fd, n int, pos int64) *readAhead {
	s.mu.Lock()
	r := s.ahead[fd]
	s.mu.Unlock()
	if r != nil && r.n == n && (r.pos == pos || r.seq && pos < 0) {
		return r
	}
	seq := pos < 0
	if r != nil {
		r.halt()
		if seq && r.seq {
			pos = r.pos
		}
	}
	if pos < 0 {
		off, err := unix.Seek(fd, 0, io.SeekCurrent)
		if err != nil {
			s.mu.Lock()
			delete(s.ahead, fd)
			s.mu.Unlock()
			return nil
		}
		pos = off
	}
	r = &readAhead{fd: fd, n: n, pos: pos, seq: seq, ch: make(chan chunk, readAheadDepth),
		stop: make(chan struct{}), done: make(chan struct{})}
	s.mu.Lock()
	if s.ahead == nil {
		s.ahead = make(map[int]*readAhead)
	}
	s.ahead[fd] = r
	s.mu.Unlock()
	go r.run(pos)
	return r
}

// dropReader stops the read-ahead of fd and waits for its goroutine, so that the descriptor
// can be closed without a read racing the close. Safe from any goroutine.
func (s *state) dropReader(fd int) {
	s.mu.Lock()
	r := s.ahead[fd]
	delete(s.ahead, fd)
	s.mu.Unlock()
	if r != nil {
		r.halt()
	}
}

func readOnce(fd, n int, pos int64) ([]byte, error) {
	// (the glue reads at most a Buffer's maximum length at once, as node allocates one for it)
	n = min(max(n, 0), 1<<32)
	buf := getChunk(n)
	m, err := preadFull(fd, buf, pos)
	if err != nil {
		return nil, err
	}
	return buf[:m], nil
}
