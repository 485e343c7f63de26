package fs

import (
	"math"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
	"golang.org/x/sys/unix"
)

// The hottest sync calls (readSync, writeSync, existsSync, openSync, closeSync, fstatSync,
// accessSync) are Go functions: goja spends more running a JS wrapper's checks (a rest
// parameter, a Buffer's byteLength, a few calls) than the system call takes. Each does the
// usual forms of its arguments itself, exactly where node's checks would all pass, and hands any
// other form to the glue's function (the JS one, with node's checks and errors), called as
// slow(...args, argc, failed): argc is how many arguments the program passed (node's readSync
// tells its forms by arguments.length), failed is true when the Go side did the call and it
// failed, and the glue then throws the error (binding.throwFailure) from its own frame, so the
// error's stack and excerpt are node's as before.

// fastResult is what a fast path did: done (v is the result), fell through (the glue does the
// call), or failed (err is the system error, the glue throws it).
type fastResult uint8

const (
	fastDone fastResult = iota
	fastSlow
	fastFailed
)

// exactInt is v as an integer when it is a number holding one in [lo, hi].
func exactInt(v goja.Value, lo, hi float64) (int64, bool) {
	if !goja.IsNumber(v) {
		return 0, false
	}
	f := v.ToFloat()
	if f != math.Trunc(f) || f < lo || f > hi {
		return 0, false
	}
	return int64(f), true
}

// fastFD is a descriptor argument in the form every check takes: an integer in [0, 2**31-1].
func fastFD(v goja.Value) (int, bool) {
	fd, ok := exactInt(v, 0, math.MaxInt32)
	return int(fd), ok
}

// fastPath is a path argument node takes as it is: a string without null bytes.
func fastPath(v goja.Value) (string, bool) {
	if !goja.IsString(v) {
		return "", false
	}
	p := v.String()
	return p, strings.IndexByte(p, 0) < 0
}

// nullish reports whether v is undefined or null (or missing).
func nullish(v goja.Value) bool { return v == nil || goja.IsUndefined(v) || goja.IsNull(v) }

// writeOffset is a write's position as node's binding reads it: a safe integer, anything else
// -1 (the descriptor's current position).
func writeOffset(v goja.Value) int64 {
	if !goja.IsNumber(v) {
		return -1
	}
	f := v.ToFloat()
	if f != math.Trunc(f) || math.Abs(f) > 1<<53-1 {
		return -1
	}
	return int64(f)
}

type fastFunc func(s *state, args []goja.Value) (goja.Value, fastResult, error)

// fastFuncs are the sync functions with a Go fast path, by name.
var fastFuncs = map[string]fastFunc{
	"readSync":            fastReadSync,
	"writeSync":           fastWriteSync,
	"existsSync":          fastExistsSync,
	"openSync":            fastOpenSync,
	"closeSync":           fastCloseSync,
	"fstatSync":           fastFstatSync,
	"accessSync":          fastAccessSync,
	"readlinkSync":        fastNameSync((*state).readlink),
	"statSync":            fastStat(0, "stat"),
	"lstatSync":           fastStat(unix.AT_SYMLINK_NOFOLLOW, "lstat"),
	"realpathSync.native": fastNameSync(func(s *state, p string) (string, error) { return s.realpath(p, true, realpathCheckNone) }),
}

// bindFast registers fastSync(key, slow, length, formals[, name]), which returns the sync
// function key (fastFuncs) as a Go function with slow as its glue (slow takes formals arguments,
// then argc and failed), named name (an arrow function's ”: no prototype either) or key, and
// throwFailure(), which throws the error of the fast path that just failed.
func (s *state) bindFast(set func(string, any)) {
	vm := s.vm
	set("fastSync", func(c goja.FunctionCall) goja.Value {
		name := c.Argument(0).String()
		fast := fastFuncs[name]
		slow, ok := goja.AssertFunction(c.Argument(1))
		if fast == nil || !ok {
			panic(vm.NewTypeError("fastSync: no fast path for %s", name))
		}
		length := c.Argument(2).ToInteger()
		formals := int(c.Argument(3).ToInteger())
		fname, arrow := name, false
		if n := c.Argument(4); !goja.IsUndefined(n) {
			fname, arrow = n.String(), true
		}
		var fn *goja.Object
		fn = vm.ToValue(func(call goja.FunctionCall) goja.Value {
			v, res, err := fast(s, call.Arguments)
			if res == fastDone {
				return v
			}
			args := make([]goja.Value, formals+2)
			copy(args, call.Arguments)
			for i := range formals {
				if args[i] == nil {
					args[i] = goja.Undefined()
				}
			}
			args[formals] = vm.ToValue(len(call.Arguments))
			args[formals+1] = goja.Undefined()
			if res == fastFailed {
				s.failure = err
				args[formals+1] = vm.ToValue(true)
			}
			r, jerr := slow(call.This, args...)
			s.failure = nil
			if jerr != nil {
				panic(jerr)
			}
			return r
		}).(*goja.Object)
		// (an ordinary function's own properties: name, length and a prototype; the flags are
		// writable, configurable, enumerable)
		fn.DefineDataProperty("length", vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		fn.DefineDataProperty("name", vm.ToValue(fname), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		if arrow {
			return fn
		}
		proto := vm.NewObject()
		proto.DefineDataProperty("constructor", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		fn.DefineDataProperty("prototype", proto, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		return fn
	})
	set("throwFailure", func(c goja.FunctionCall) goja.Value {
		err := s.failure
		s.failure = nil
		if err == nil {
			return goja.Undefined()
		}
		panic(s.jsErr(err))
	})
}

// readSync(fd, buffer[, offset, length[, position]]) with a Buffer or Uint8Array and integers
// (length at least 1, the range inside the buffer), or (fd, buffer) for the whole buffer.
func fastReadSync(s *state, args []goja.Value) (goja.Value, fastResult, error) {
	if len(args) < 2 {
		return nil, fastSlow, nil
	}
	fd, ok := fastFD(args[0])
	if !ok {
		return nil, fastSlow, nil
	}
	b, ok := buffer.ByteView(args[1])
	if !ok {
		return nil, fastSlow, nil
	}
	off, n, pos := int64(0), int64(len(b)), int64(-1)
	switch {
	case len(args) == 2 || len(args) == 3 && goja.IsUndefined(args[2]):
		// (node's options form with no options: the whole buffer, at the current position)
		if n == 0 {
			return nil, fastSlow, nil
		}
	case len(args) >= 4:
		if off, ok = exactInt(args[2], 0, float64(len(b))); !ok {
			return nil, fastSlow, nil
		}
		if n, ok = exactInt(args[3], 1, float64(int64(len(b))-off)); !ok {
			return nil, fastSlow, nil
		}
		if len(args) >= 5 && !nullish(args[4]) {
			if pos, ok = exactInt(args[4], -1, 1<<53-1); !ok {
				return nil, fastSlow, nil
			}
		}
	default:
		return nil, fastSlow, nil
	}
	if fd == 0 && s.h.Stdin != nil && !s.tracked(0) {
		return nil, fastSlow, nil // (the runtime's stdin: the binding reads it)
	}
	r, err := preadFull(fd, b[off:off+n], pos)
	if err != nil {
		return nil, fastFailed, err
	}
	return s.vm.ToValue(r), fastDone, nil
}

// writeSync(fd, buffer[, offset[, length[, position]]]) with a Buffer or Uint8Array, offset and
// length integers inside it (or left out), and writeSync(fd, string[, position[, 'utf8']]).
func fastWriteSync(s *state, args []goja.Value) (goja.Value, fastResult, error) {
	if len(args) < 2 {
		return nil, fastSlow, nil
	}
	fd, ok := fastFD(args[0])
	if !ok {
		return nil, fastSlow, nil
	}
	arg := func(i int) goja.Value {
		if i < len(args) {
			return args[i]
		}
		return goja.Undefined()
	}
	var data []byte
	pos := int64(-1)
	if goja.IsString(args[1]) {
		if enc := arg(3); !goja.IsUndefined(enc) {
			if e, isStr := modules.ExportAs[string](enc); !isStr || e != "utf8" && e != "utf-8" {
				return nil, fastSlow, nil
			}
		}
		pos = writeOffset(arg(2))
		data = []byte(args[1].String())
	} else {
		b, ok := buffer.ByteView(args[1])
		if !ok {
			return nil, fastSlow, nil
		}
		off := int64(0)
		if o := arg(2); !goja.IsUndefined(o) {
			if off, ok = exactInt(o, 0, float64(len(b))); !ok {
				return nil, fastSlow, nil // (null is the options form)
			}
		}
		n := int64(len(b)) - off
		if l := arg(3); goja.IsNumber(l) {
			if n, ok = exactInt(l, 0, float64(n)); !ok {
				return nil, fastSlow, nil
			}
		}
		if p := arg(4); goja.IsNumber(p) {
			pos = writeOffset(p)
		}
		data = b[off : off+n]
	}
	if (fd == 1 || fd == 2) && !s.tracked(fd) {
		return nil, fastSlow, nil // (the runtime's stdout and stderr: the binding writes them)
	}
	n, err := writeFull(fd, data, pos)
	if err != nil {
		return nil, fastFailed, err
	}
	return s.vm.ToValue(n), fastDone, nil
}

// existsSync(path) with a path string the runtime may read.
func fastExistsSync(s *state, args []goja.Value) (goja.Value, fastResult, error) {
	if len(args) < 1 {
		return nil, fastSlow, nil
	}
	p, ok := fastPath(args[0])
	if !ok || s.check(modules.ScopeFSRead, p) != nil {
		return nil, fastSlow, nil
	}
	return s.vm.ToValue(unix.Faccessat(unix.AT_FDCWD, s.resolve(p), unix.F_OK, 0) == nil), fastDone, nil
}

// openFlags are the flag strings node knows.
var openFlags = map[string]int{
	"r": unix.O_RDONLY, "rs": unix.O_RDONLY | unix.O_SYNC, "sr": unix.O_RDONLY | unix.O_SYNC,
	"r+": unix.O_RDWR, "rs+": unix.O_RDWR | unix.O_SYNC, "sr+": unix.O_RDWR | unix.O_SYNC,
	"w": unix.O_TRUNC | unix.O_CREAT | unix.O_WRONLY, "wx": unix.O_TRUNC | unix.O_CREAT | unix.O_WRONLY | unix.O_EXCL,
	"xw": unix.O_TRUNC | unix.O_CREAT | unix.O_WRONLY | unix.O_EXCL, "w+": unix.O_TRUNC | unix.O_CREAT | unix.O_RDWR,
	"wx+": unix.O_TRUNC | unix.O_CREAT | unix.O_RDWR | unix.O_EXCL, "xw+": unix.O_TRUNC | unix.O_CREAT | unix.O_RDWR | unix.O_EXCL,
	"a": unix.O_APPEND | unix.O_CREAT | unix.O_WRONLY, "ax": unix.O_APPEND | unix.O_CREAT | unix.O_WRONLY | unix.O_EXCL,
	"xa": unix.O_APPEND | unix.O_CREAT | unix.O_WRONLY | unix.O_EXCL, "as": unix.O_APPEND | unix.O_CREAT | unix.O_WRONLY | unix.O_SYNC,
	"sa": unix.O_APPEND | unix.O_CREAT | unix.O_WRONLY | unix.O_SYNC, "a+": unix.O_APPEND | unix.O_CREAT | unix.O_RDWR,
	"ax+": unix.O_APPEND | unix.O_CREAT | unix.O_RDWR | unix.O_EXCL, "xa+": unix.O_APPEND | unix.O_CREAT | unix.O_RDWR | unix.O_EXCL,
	"as+": unix.O_APPEND | unix.O_CREAT | unix.O_RDWR | unix.O_SYNC, "sa+": unix.O_APPEND | unix.O_CREAT | unix.O_RDWR | unix.O_SYNC,
}

// openSync(path[, flags[, mode]]) with a path string, flags one of node's strings, an int32 or
// left out, and mode an integer in [0, 2**32-1] or left out.
func fastOpenSync(s *state, args []goja.Value) (goja.Value, fastResult, error) {
	if len(args) < 1 {
		return nil, fastSlow, nil
	}
	p, ok := fastPath(args[0])
	if !ok {
		return nil, fastSlow, nil
	}
	flags := unix.O_RDONLY
	if len(args) > 1 && !nullish(args[1]) {
		if goja.IsString(args[1]) {
			if flags, ok = openFlags[args[1].String()]; !ok {
				return nil, fastSlow, nil
			}
		} else {
			f, ok := exactInt(args[1], math.MinInt32, math.MaxInt32)
			if !ok {
				return nil, fastSlow, nil
			}
			flags = int(f)
		}
	}
	mode := int64(0o666)
	if len(args) > 2 && !nullish(args[2]) {
		if mode, ok = exactInt(args[2], 0, math.MaxUint32); !ok {
			return nil, fastSlow, nil
		}
	}
	if s.checkOpen(p, flags) != nil {
		return nil, fastSlow, nil
	}
	fd, err := s.open(p, flags, uint32(mode))
	if err != nil {
		return nil, fastFailed, err
	}
	return s.vm.ToValue(fd), fastDone, nil
}

// closeSync(fd).
func fastCloseSync(s *state, args []goja.Value) (goja.Value, fastResult, error) {
	if len(args) < 1 {
		return nil, fastSlow, nil
	}
	fd, ok := fastFD(args[0])
	if !ok {
		return nil, fastSlow, nil
	}
	s.dropReader(fd)
	s.untrack(fd)
	if err := closeFD(fd); err != nil {
		return nil, fastFailed, sysErr(err, "close", "", "")
	}
	return goja.Undefined(), fastDone, nil
}

// fstatSync(fd) without options.
func fastFstatSync(s *state, args []goja.Value) (goja.Value, fastResult, error) {
	if len(args) < 1 || len(args) > 1 && !goja.IsUndefined(args[1]) {
		return nil, fastSlow, nil
	}
	fd, ok := fastFD(args[0])
	if !ok {
		return nil, fastSlow, nil
	}
	var st unix.Statx_t
	if err := statx(fd, "", unix.AT_EMPTY_PATH, &st); err != nil {
		return nil, fastFailed, sysErr(err, "fstat", "", "")
	}
	return s.stats(&st, false), fastDone, nil
}

// accessSync(path[, mode]) with a path string the runtime may read and mode an integer in
// [0, 7] or left out.
func fastAccessSync(s *state, args []goja.Value) (goja.Value, fastResult, error) {
	if len(args) < 1 {
		return nil, fastSlow, nil
	}
	p, ok := fastPath(args[0])
	if !ok {
		return nil, fastSlow, nil
	}
	mode := int64(unix.F_OK)
	if len(args) > 1 && !nullish(args[1]) {
		if mode, ok = exactInt(args[1], 0, 7); !ok {
			return nil, fastSlow, nil
		}
	}
	if s.check(modules.ScopeFSRead, p) != nil {
		return nil, fastSlow, nil
	}
	if err := unix.Faccessat(unix.AT_FDCWD, s.resolve(p), uint32(mode), 0); err != nil {
		return nil, fastFailed, sysErr(err, "access", p, "")
	}
	return goja.Undefined(), fastDone, nil
}

// utf8Options reports whether v, an options argument, asks for the default: undefined, null or
// 'utf8' (node's getOptions makes those { encoding: 'utf8' } or its default).
func utf8Options(v goja.Value) bool {
	if nullish(v) {
		return true
	}
	if !goja.IsString(v) {
		return false
	}
	e := v.String()
	return e == "utf8" || e == "utf-8"
}

// fastNameSync is readlinkSync or realpathSync.native(path[, 'utf8']) with a path string the
// runtime may read: op's name as a string.
func fastNameSync(op func(s *state, p string) (string, error)) fastFunc {
	return func(s *state, args []goja.Value) (goja.Value, fastResult, error) {
		if len(args) < 1 || len(args) > 1 && !utf8Options(args[1]) {
			return nil, fastSlow, nil
		}
		p, ok := fastPath(args[0])
		if !ok || s.check(modules.ScopeFSRead, p) != nil {
			return nil, fastSlow, nil
		}
		r, err := op(s, p)
		if err != nil {
			return nil, fastFailed, err
		}
		return s.nameValue(r, false), fastDone, nil
	}
}

// fastStat is statSync or lstatSync(path[, options]) with a path string the runtime may read and
// options left out or an object, whose bigint and throwIfNoEntry it reads in node's order.
func fastStat(flags int, syscall string) fastFunc {
	return func(s *state, args []goja.Value) (goja.Value, fastResult, error) {
		if len(args) < 1 {
			return nil, fastSlow, nil
		}
		p, ok := fastPath(args[0])
		if !ok {
			return nil, fastSlow, nil
		}
		big, throwIfNoEntry := false, true
		if len(args) > 1 && !goja.IsUndefined(args[1]) {
			o, isObj := args[1].(*goja.Object)
			if !isObj {
				return nil, fastSlow, nil
			}
			if v := o.Get("bigint"); v != nil {
				big = v.ToBoolean()
			}
			if v := o.Get("throwIfNoEntry"); v != nil && v.StrictEquals(s.vm.ToValue(false)) {
				throwIfNoEntry = false
			}
		}
		if s.check(modules.ScopeFSRead, p) != nil {
			return nil, fastSlow, nil
		}
		var st unix.Statx_t
		if err := statx(unix.AT_FDCWD, s.resolve(p), flags, &st); err != nil {
			if err == unix.ENOENT && !throwIfNoEntry {
				return goja.Undefined(), fastDone, nil
			}
			return nil, fastFailed, sysErr(err, syscall, p, "")
		}
		return s.stats(&st, big), fastDone, nil
	}
}
