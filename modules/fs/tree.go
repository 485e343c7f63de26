package fs

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"syscall"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/sys/unix"
)

// Dirent types, as fs.constants.UV_DIRENT_* number them.
const (
	direntUnknown = iota
	direntFile
	direntDir
	direntLink
	direntFIFO
	direntSocket
	direntChar
	direntBlock
)

func direntType(m fs.FileMode) int {
	switch {
	case m&fs.ModeSymlink != 0:
		return direntLink
	case m.IsDir():
		return direntDir
	case m&fs.ModeNamedPipe != 0:
		return direntFIFO
	case m&fs.ModeSocket != 0:
		return direntSocket
	case m&fs.ModeCharDevice != 0:
		return direntChar
	case m&fs.ModeDevice != 0:
		return direntBlock
	case m.IsRegular():
		return direntFile
	}
	return direntUnknown
}

type dirent struct {
	name   string // relative to the listed directory
	parent string // the directory holding it, in the caller's form (recursive listings)
	typ    int
	key    uint64 // scandir's sort: the name's first 8 bytes, big-endian (zeros after a shorter name)
}

type dirHandle struct {
	f *os.File
}

func (d *dirHandle) close() {
	if d.f != nil {
		d.f.Close()
		d.f = nil
	}
}

// scandir lists one directory sorted by name, as libuv's scandir does: getdents64 into a pooled
// buffer, each entry's type from its d_type (lstat only where the file system gives none), "."
// and ".." left out. (os.File.ReadDir made a DirEntry per name and tried to add the directory to
// the poller; sort.Slice swapped through reflection.)
func scandir(abs string) ([]dirent, error) {
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = unix.Open(abs, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		return err
	})
	if err != nil {
		return nil, err
	}
	defer unix.Close(fd)
	bp := direntBufs.Get().(*[]byte)
	defer direntBufs.Put(bp)
	buf := *bp
	var out []dirent
	for {
		var n int
		err := ignoringEINTR(func() (err error) {
			n, err = unix.Getdents(fd, buf)
			return err
		})
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			break
		}
		// this batch's names end to end in one allocation, not one each (a name kept alive
		// keeps at most one batch's, under the buffer's 16 KiB)
		total := 0
		for off := 0; ; {
			name, _, next := direntAt(buf[:n], off)
			if next < 0 {
				break
			}
			total += len(name)
			off = next
		}
		arena := make([]byte, 0, total)
		for off := 0; ; {
			name, dtype, next := direntAt(buf[:n], off)
			if next < 0 {
				break
			}
			off = next
			if len(name) == 0 {
				continue
			}
			e := dirent{typ: dtType(dtype)}
			if dtype == unix.DT_UNKNOWN {
				var st unix.Stat_t
				if err := unix.Lstat(abs+"/"+string(name), &st); err != nil {
					if err == unix.ENOENT {
						continue // (gone since it was listed)
					}
					return nil, err
				}
				e.typ = statType(st.Mode)
			}
			start := len(arena)
			arena = append(arena, name...) // (never beyond total: no new array)
			e.name = unsafe.String(&arena[start], len(name))
			var k [8]byte
			copy(k[:], name)
			e.key = binary.BigEndian.Uint64(k[:])
			out = append(out, e)
		}
	}
	// (strcmp's order, as libuv sorts; names hold no NUL byte, so the keys' order is the names'
	// where the keys differ: a third less CPU than comparing every pair of names)
	slices.SortFunc(out, func(a, b dirent) int {
		if a.key != b.key {
			if a.key < b.key {
				return -1
			}
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	return out, nil
}

// direntAt reads the getdents64 record at off in buf: its name (empty for a deleted entry, "."
// and "..", which readdir(3) and libuv skip), its d_type, and the offset of the next record
// (-1: no record at off).
func direntAt(buf []byte, off int) (name []byte, dtype byte, next int) {
	if off+19 > len(buf) {
		return nil, 0, -1
	}
	rec := buf[off:]
	reclen := int(binary.NativeEndian.Uint16(rec[16:18]))
	if reclen < 19 || reclen > len(rec) {
		return nil, 0, -1
	}
	if binary.NativeEndian.Uint64(rec[0:8]) == 0 {
		return nil, 0, off + reclen
	}
	name = rec[19:reclen]
	if i := bytes.IndexByte(name, 0); i >= 0 {
		name = name[:i]
	}
	if len(name) > 0 && name[0] == '.' && (len(name) == 1 || len(name) == 2 && name[1] == '.') {
		name = nil
	}
	return name, rec[18], off + reclen
}

// direntBufs holds getdents64 buffers for scandir.
var direntBufs = sync.Pool{New: func() any {
	b := make([]byte, 16<<10)
	return &b
}}

// dtType is a getdents64 d_type as a dirent type.
func dtType(t byte) int {
	switch t {
	case unix.DT_REG:
		return direntFile
	case unix.DT_DIR:
		return direntDir
	case unix.DT_LNK:
		return direntLink
	case unix.DT_FIFO:
		return direntFIFO
	case unix.DT_SOCK:
		return direntSocket
	case unix.DT_CHR:
		return direntChar
	case unix.DT_BLK:
		return direntBlock
	}
	return direntUnknown
}

// statType is a stat mode as a dirent type.
func statType(mode uint32) int {
	switch mode & unix.S_IFMT {
	case unix.S_IFREG:
		return direntFile
	case unix.S_IFDIR:
		return direntDir
	case unix.S_IFLNK:
		return direntLink
	case unix.S_IFIFO:
		return direntFIFO
	case unix.S_IFSOCK:
		return direntSocket
	case unix.S_IFCHR:
		return direntChar
	case unix.S_IFBLK:
		return direntBlock
	}
	return direntUnknown
}

// readdir lists p; recursive listings walk as node 20 does. Names alone: a directory is what
// stat says (internalModuleStat), so a symlink to a directory is walked into; withFileTypes: what
// the entry's own type says, so it is not. The sync and callback forms go breadth first
// (readdirSyncRecursive, readdirRecursive's queue); fs.promises (stack) takes the directory
// found last first, each listed when it is found.
func (s *state) readdir(p string, recursive, withTypes, stack bool) ([]dirent, error) {
	top, err := scandir(s.resolve(p))
	if err != nil {
		if err2 := dirErr(s.resolve(p), err); err2 != nil {
			err = err2
		}
		return nil, sysErr(err, "scandir", p, "")
	}
	if !recursive {
		for i := range top {
			top[i].parent = p
		}
		return top, nil
	}
	type listed struct {
		rel  string
		ents []dirent
	}
	isDir := func(rel string, e dirent) bool {
		if withTypes || e.typ == direntDir {
			return e.typ == direntDir
		}
		if e.typ != direntLink && e.typ != direntUnknown {
			return false
		}
		st, err := os.Stat(s.resolve(path.Join(p, rel)))
		return err == nil && st.IsDir()
	}
	var out []dirent
	pending := []listed{{"", top}}
	for len(pending) > 0 {
		var cur listed
		if stack {
			cur, pending = pending[len(pending)-1], pending[:len(pending)-1]
		} else {
			cur, pending = pending[0], pending[1:]
		}
		if cur.ents == nil && cur.rel != "" {
			cur.ents, err = scandir(s.resolve(path.Join(p, cur.rel)))
			if err != nil {
				return nil, sysErr(err, "scandir", path.Join(p, cur.rel), "")
			}
		}
		parent := p
		if cur.rel != "" {
			parent = path.Join(p, cur.rel)
		}
		for _, e := range cur.ents {
			name := e.name
			if cur.rel != "" {
				name = cur.rel + "/" + e.name
			}
			if withTypes {
				out = append(out, dirent{name: e.name, parent: parent, typ: e.typ})
			} else {
				out = append(out, dirent{name: name, typ: e.typ})
			}
			if !isDir(name, e) {
				continue
			}
			next := listed{rel: name}
			if stack {
				// fs.promises reads a directory as soon as it finds it.
				if next.ents, err = scandir(s.resolve(path.Join(p, name))); err != nil {
					return nil, sysErr(err, "scandir", path.Join(p, name), "")
				}
				if next.ents == nil {
					next.ents = []dirent{}
				}
			}
			pending = append(pending, next)
		}
	}
	return out, nil
}

// dirErr turns os.Open's success on a non-directory into ENOTDIR.
func dirErr(abs string, err error) error {
	var pe *os.PathError
	if ok := asPathError(err, &pe); ok {
		return pe.Err
	}
	return nil
}

func asPathError(err error, pe **os.PathError) bool {
	e, ok := err.(*os.PathError)
	if ok {
		*pe = e
	}
	return ok
}

// direntsValue converts a listing: names only, or [names, types, parents] for withFileTypes,
// parents being one string when every entry has the same (a listing that is not recursive).
func (s *state) direntsValue(ents []dirent, asBuf, withTypes bool) goja.Value {
	vm := s.vm
	names := make([]any, len(ents))
	var batch modules.ASCIIBatch
	batch.Expect(len(ents))
	for i, e := range ents {
		var v goja.Value
		ok := false
		if !asBuf {
			v, ok = batch.Value(e.name)
		}
		if !ok {
			v = s.nameValue(e.name, asBuf)
		}
		names[i] = v
	}
	if !withTypes {
		return vm.NewArray(names...)
	}
	types := make([]any, len(ents))
	same := true
	for i, e := range ents {
		types[i] = e.typ
		same = same && e.parent == ents[0].parent
	}
	if same {
		// (one directory's listing: its parent once, not a string per entry)
		parent := ""
		if len(ents) > 0 {
			parent = ents[0].parent
		}
		return vm.NewArray(vm.NewArray(names...), vm.NewArray(types...), parent)
	}
	parents := make([]any, len(ents))
	for i, e := range ents {
		parents[i] = e.parent
	}
	return vm.NewArray(vm.NewArray(names...), vm.NewArray(types...), vm.NewArray(parents...))
}

// direntShape: a Dirent's own string keys, one list for all of them (modules.PlainShape)
var direntShape = modules.NewPlainShape("name", "parentPath", "path")

// direntObjects makes a listing's Dirents, { __proto__: Dirent.prototype, name, parentPath, path,
// [kType]: type } as the glue's makeDirents makes them (a JS literal each cost about a
// microsecond more), or returns nil when it cannot (the glue then makes them).
func (s *state) direntObjects(ents []dirent) goja.Value {
	if s.direntProto == nil || s.direntType == nil {
		return nil
	}
	vm := s.vm
	out := make([]any, len(ents))
	var vals [3]goja.Value
	var parent string
	var parentVal goja.Value
	var batch modules.ASCIIBatch
	batch.Expect(len(ents))
	for i, e := range ents {
		if parentVal == nil || e.parent != parent {
			parent, parentVal = e.parent, vm.ToValue(e.parent)
		}
		name, ok := batch.Value(e.name)
		if !ok {
			name = s.nameValue(e.name, false)
		}
		vals[0], vals[1], vals[2] = name, parentVal, parentVal
		o, ok := modules.NewShapedObject(vm, s.direntProto, direntShape, vals[:])
		if !ok {
			return nil
		}
		if err := o.SetSymbol(s.direntType, e.typ); err != nil {
			return nil
		}
		out[i] = o
	}
	return vm.NewArray(out...)
}

// reqs counts the mkdir and stat calls, each one of node's requests (a turn of its loop).
func (s *state) mkdirp(p string, mode uint32, async bool, reqs *int) (string, error) {
	var first string
	if at, err := mkWalk(s, p, mode, false, async, &first, reqs); err != nil {
		if !async {
			at = p // (the synchronous form names the path it was given)
		}
		return "", sysErr(err, "mkdir", at, "")
	}
	return first, nil
}

// mkWalk makes p as node 20's MKDirpSync / MKDirpAsync do, counting their requests in reqs and
// recording the first directory made. pending: p is a parent of the path asked for (node has
// paths left on its stack). It returns the failure and the path of the request that failed.
//   - mkdir ENOENT: the parent (p up to its last '/', not cleaned) is made first, then p again;
//   - ENOTDIR, EACCES, ENOSPC, EPERM: that error;
//   - any other error (EEXIST, ELOOP...): p is stat'ed (following links): a directory is
//     fine; a failed stat is its error; another file is EEXIST, or ENOTDIR when mkdir said
//     EEXIST for a parent. The callback forms make that last case ENOTDIR whatever the stat
//     found (a dangling link as parent: ENOTDIR, where the sync form gives the stat's ENOENT).
func mkWalk(s *state, p string, mode uint32, pending, async bool, first *string, reqs *int) (string, error) {
	abs := s.resolve(p)
	triedParent := false
	for {
		*reqs++
		err := ignoringEINTR(func() error { return unix.Mkdir(abs, mode) })
		switch err {
		case nil:
			if *first == "" {
				*first = p
			}
			return "", nil
		case unix.ENOTDIR, unix.EACCES, unix.ENOSPC, unix.EPERM:
			return p, err
		case unix.ENOENT:
			i := strings.LastIndexByte(p, '/')
			if i < 0 || triedParent {
				// (no parent to make: node retries as EEXIST, whose stat fails ENOENT)
				*reqs++
				var st unix.Stat_t
				if e := unix.Stat(abs, &st); e != nil {
					return p, e
				}
				return p, err
			}
			if at, e := mkWalk(s, p[:i], mode, true, async, first, reqs); e != nil {
				return at, e
			}
			triedParent = true
			continue
		}
		*reqs++
		var st unix.Stat_t
		serr := ignoringEINTR(func() error { return unix.Stat(abs, &st) })
		isDir := serr == nil && st.Mode&unix.S_IFMT == unix.S_IFDIR
		if async && err == unix.EEXIST && pending {
			if isDir {
				return "", nil
			}
			return p, unix.ENOTDIR
		}
		switch {
		case isDir:
			return "", nil
		case serr != nil:
			return p, serr
		case err == unix.EEXIST && pending:
			return p, unix.ENOTDIR
		}
		return p, unix.EEXIST
	}
}

const tempChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// mkdtemp makes a directory named prefix and six random characters. A failure names the template
// (prefix+"XXXXXX") in the synchronous form and the name tried in the asynchronous ones, as
// node's (libuv's mkdtemp(3) fills the template in place, which its synchronous call copied).
func (s *state) mkdtemp(prefix string, async bool) (string, error) {
	if prefix == "" {
		// node 20 refuses an empty prefix (libuv's check of the template), naming the path so
		return "", sysErr(unix.EINVAL, "mkdtemp", "XXXXX", "")
	}
	for range 100 {
		var rnd [6]byte
		rand.Read(rnd[:])
		b := []byte(prefix)
		for _, r := range rnd {
			b = append(b, tempChars[int(r)%len(tempChars)])
		}
		name := string(b)
		err := ignoringEINTR(func() error { return unix.Mkdir(s.resolve(name), 0o700) })
		if err == nil {
			return name, nil
		}
		if err != unix.EEXIST {
			if async {
				return "", sysErr(err, "mkdtemp", name, "")
			}
			return "", sysErr(err, "mkdtemp", prefix+"XXXXXX", "")
		}
	}
	return "", sysErr(unix.EEXIST, "mkdtemp", prefix+"XXXXXX", "")
}

// realpath resolves symlinks. The JS form (native false) walks with lstat as Node's JS
// implementation does and reports errors as lstat on the absolute prefix; native reports them
// as realpath on the given path.
//
// check, when not nil, asks the permission model about each path the walk touches before it
// touches it, as node 20's JS walk does: mode realpathCheckAll (the callback form, whose fs.lstat
// checks every component and refuses with a JS ERR_ACCESS_DENIED) or realpathCheckLinks (the
// sync form, whose binding.lstat is not checked, only the stat and readlink of a link).
func (s *state) realpath(p string, native bool, mode realpathCheck) (string, error) {
	if native {
		// (realpath(3) of an empty path fails ENOENT, as node's promise form (libuv's) reports)
		res, err := realpathNative(s.resolve(p))
		if err != nil {
			return "", sysErr(err, "realpath", p, "")
		}
		return res, nil
	}
	abs := path.Clean(s.resolve(p))
	if p == "" {
		abs = path.Clean(s.h.Cwd())
	}
	var check func(string, bool) error
	switch mode {
	case realpathCheckAll:
		check = func(next string, _ bool) error { return jsAccessDenied(s.check(modules.ScopeFSRead, next)) }
	case realpathCheckLinks:
		check = func(next string, link bool) error {
			if !link {
				return nil
			}
			return s.check(modules.ScopeFSRead, next)
		}
	}
	res, failed, err := walkLinks(abs, check)
	if err != nil {
		if _, ok := err.(*modules.Error); ok {
			return "", err
		}
		if sf, ok := err.(statFailed); ok {
			return "", sysErr(sf.err, "stat", failed, "")
		}
		return "", sysErr(err, "lstat", failed, "")
	}
	return res, nil
}

type realpathCheck uint8

const (
	realpathCheckNone  realpathCheck = iota // native: the whole path was checked before
	realpathCheckAll                        // the callback form
	realpathCheckLinks                      // the sync form
)

// jsAccessDenied makes a refusal of node 20's JS layer (fs.lstat checks in JS): the same error
// made by ERR_ACCESS_DENIED's JS class, so its stack reads 'Error [ERR_ACCESS_DENIED]: ...'.
func jsAccessDenied(err error) error {
	e, ok := err.(*modules.Error)
	if !ok {
		return err
	}
	out := &modules.Error{Name: "Error", Code: "ERR_ACCESS_DENIED", Message: e.Message}
	for _, p := range e.Props {
		if p.Key != "code" {
			out.Props = append(out.Props, p)
		}
	}
	return out
}

// walkLinks resolves abs's links component by component as node's JS realpath does (lstat of
// each, stat and readlink of a link), which stops at a link to a pipe or a socket as described
// below (realpath.native is realpathNative).
func walkLinks(abs string, check func(p string, link bool) error) (string, string, error) {
	rest := strings.Split(strings.TrimPrefix(abs, "/"), "/")
	cur := "/"
	links := 0
	// The top-level directories walked through (node's knownHard, as far as it matters here).
	var hard [4]string
	nhard := 0
	for len(rest) > 0 {
		c := rest[0]
		rest = rest[1:]
		if c == "" || c == "." {
			continue
		}
		if c == ".." {
			cur = path.Dir(cur)
			continue
		}
		next := path.Join(cur, c)
		if check != nil {
			if err := check(next, false); err != nil {
				return "", next, err
			}
		}
		var st unix.Stat_t
		if err := ignoringEINTR(func() error { return unix.Lstat(next, &st) }); err != nil {
			return "", next, err
		}
		if st.Mode&unix.S_IFMT != unix.S_IFLNK {
			if cur == "/" && nhard < len(hard) {
				hard[nhard] = next
				nhard++
			}
			cur = next
			continue
		}
		if check != nil {
			if err := check(next, true); err != nil {
				return "", next, err
			}
		}
		if err := ignoringEINTR(func() error { return unix.Stat(next, &st) }); err != nil {
			return "", next, statFailed{err}
		}
		links++
		if links > 40 {
			return "", next, unix.ELOOP
		}
		target, err := os.Readlink(next)
		if err != nil {
			return "", next, err
		}
		if strings.HasPrefix(target, "/") {
			cur = "/"
		}
		rest = append(strings.Split(strings.TrimPrefix(target, "/"), "/"), rest...)
		// A link to a pipe or a socket ends the walk, as node's JS realpath does (not the native one): it starts over
		// on the link's resolved path and stops at the first directory it already walked through
		// while its last stat (the link's target) shows a FIFO or a socket, so
		// realpath('/proc/self/fd/0') on a pipe gives '/proc/<pid>/fd/pipe:[<inode>]' (the
		// target's own name, which lstat cannot find).
		if t := st.Mode & unix.S_IFMT; t == unix.S_IFIFO || t == unix.S_IFSOCK {
			p := path.Join(append([]string{cur}, rest...)...)
			top := p
			if i := strings.IndexByte(p[1:], '/'); i >= 0 {
				top = p[:i+1]
			}
			for _, h := range hard[:nhard] {
				if h == top {
					return p, "", nil
				}
			}
		}
	}
	return cur, "", nil
}

// rm removes p as node's fs.rm does. turns is how many turns of node's loop its requests take:
// the options' lstat, rimraf's lstat, and the unlink, or the directory's removal (rmTree).
// async is node's callback and promise rimraf, which takes an rmdir failing ENOTDIR on the
// directory it was given (a symlink to one named with a trailing slash) for success, where
// rmSync throws it.
func (s *state) rm(p string, recursive, force, async bool, turns *int) error {
	abs := s.resolve(p)
	var st unix.Stat_t
	*turns = 1
	if err := ignoringEINTR(func() error { return unix.Lstat(abs, &st) }); err != nil {
		if force && err == unix.ENOENT {
			*turns = 2 // (rimraf's lstat finds it missing too)
			return nil
		}
		if force && recursive && !async {
			// node 20's rmSync with both goes to rimrafSync without its options check's lstat,
			// and rimrafSync takes any lstat failure but ENOENT for a file to unlink: 'file/x'
			// fails ENOTDIR in unlink, not lstat
			uerr := ignoringEINTR(func() error { return unix.Unlink(abs) })
			if uerr == nil || uerr == unix.ENOENT {
				return nil
			}
			return sysErr(uerr, "unlink", p, "")
		}
		return sysErr(err, "lstat", p, "")
	}
	if st.Mode&unix.S_IFMT != unix.S_IFDIR {
		*turns = 3
		return sysErr(ignoringEINTR(func() error { return unix.Unlink(abs) }), "unlink", p, "")
	}
	if !recursive {
		return fsEISDIR("rm", p)
	}
	err := removeTree(abs, p, async, turns)
	*turns += 2
	return err
}

// fsEISDIR is Node's ERR_FS_EISDIR SystemError.
func fsEISDIR(call, p string) error {
	return &modules.Error{Name: "SystemError", Code: "ERR_FS_EISDIR",
		Message: "Path is a directory: " + call + " returned EISDIR (is a directory) " + p,
		Props: []modules.Prop{{Key: "info", Value: []modules.Prop{
			{Key: "code", Value: "EISDIR"}, {Key: "message", Value: "is a directory"},
			{Key: "path", Value: p}, {Key: "syscall", Value: call}, {Key: "errno", Value: 21}}}}}
}

// removeTree removes a directory and everything under it, reporting the first failure with the
// path in the caller's form. As node's rimraf, it first tries to remove the directory itself and
// goes into it only when that fails for its being not empty (ENOTEMPTY, EEXIST, EPERM): any other
// failure is the error and nothing under it is touched, so a mount point (EBUSY), the root
// included, is never emptied. turns is how many turns node's rimraf takes from its rmdir of the
// directory: one when it is empty; else the rmdir that fails, the readdir, the longest of its
// children's removals (done at once: an lstat, then an unlink or theirs) and the rmdir again.
// notDirOK takes an rmdir failing ENOTDIR for success, as node's callback rimraf does.
func removeTree(abs, p string, notDirOK bool, turns *int) error {
	*turns = 1
	switch err := ignoringEINTR(func() error { return unix.Rmdir(abs) }); err {
	case nil, unix.ENOENT:
		return nil
	case unix.ENOTEMPTY, unix.EEXIST, unix.EPERM:
	case unix.ENOTDIR:
		if notDirOK {
			return nil
		}
		return sysErr(err, "rmdir", p, "")
	default:
		return sysErr(err, "rmdir", p, "")
	}
	longest := 0
	// (as node's rimraf, the children in readdir's order, which libuv sorts: which one fails
	// first, and the order watchers see them go, are node's)
	f, err := os.Open(abs)
	if err != nil {
		return sysErr(err, "scandir", p, "")
	}
	names, err := f.Readdirnames(-1)
	f.Close()
	if err != nil {
		return sysErr(err, "scandir", p, "")
	}
	slices.Sort(names)
	for _, n := range names {
		ca, cp := abs+"/"+n, p+"/"+n
		var st unix.Stat_t
		if err := unix.Lstat(ca, &st); err != nil {
			if err == unix.ENOENT {
				continue
			}
			return sysErr(err, "lstat", cp, "")
		}
		child := 1
		if st.Mode&unix.S_IFMT == unix.S_IFDIR {
			if err := removeTree(ca, cp, false, &child); err != nil {
				return err
			}
		} else if err := unix.Unlink(ca); err != nil && err != unix.ENOENT {
			return sysErr(err, "unlink", cp, "")
		}
		longest = max(longest, 1+child)
	}
	if longest > 0 {
		*turns = 3 + longest
	}
	if err := ignoringEINTR(func() error { return unix.Rmdir(abs) }); err != nil && err != unix.ENOENT {
		return sysErr(err, "rmdir", p, "")
	}
	return nil
}

// copyFile copies src to dst as libuv's uv_fs_copyfile does: the destination gets the source's
// mode, is truncated after opening, and COPYFILE_EXCL makes an existing destination an error.
// COPYFILE_FICLONE tries a copy-on-write clone first, COPYFILE_FICLONE_FORCE insists on one (its
// failure, ENOTSUP on a file system without reflinks, is the error). Once the destination is
// open, a failure removes it, as libuv does.
func copyFile(src, dst string, mode int) error {
	in, err := unix.Open(src, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer unix.Close(in)
	var st unix.Stat_t
	if err := unix.Fstat(in, &st); err != nil {
		return err
	}
	// (a directory is not refused here: libuv opens, truncates, then removes the destination
	// first, so a missing destination directory is ENOENT, and the copy fails EISDIR after)
	flags := unix.O_WRONLY | unix.O_CREAT | unix.O_CLOEXEC
	if mode&1 != 0 {
		flags |= unix.O_EXCL
	}
	out, err := unix.Open(dst, flags, st.Mode&0o7777)
	if err != nil {
		return err
	}
	same, err := copyInto(in, out, &st, mode)
	if cerr := unix.Close(out); err == nil {
		err = cerr
	}
	if err != nil && !same {
		unix.Unlink(dst)
	}
	return err
}

// copyInto is copyFile's work once the destination out is open; same reports that out is src.
func copyInto(in, out int, st *unix.Stat_t, mode int) (same bool, err error) {
	var dt unix.Stat_t
	if err := unix.Fstat(out, &dt); err != nil {
		return false, err
	}
	if dt.Dev == st.Dev && dt.Ino == st.Ino {
		return true, nil
	}
	if dt.Mode&unix.S_IFMT == unix.S_IFDIR {
		return false, unix.EISDIR
	}
	unix.Fchmod(out, st.Mode&0o7777)
	if err := unix.Ftruncate(out, 0); err != nil {
		return false, err
	}
	if mode&(2|4) != 0 {
		err := unix.IoctlFileClone(out, in)
		if err == nil {
			return false, nil
		}
		if mode&4 != 0 {
			return false, err
		}
	}
	remaining := st.Size
	for remaining > 0 {
		n, err := unix.CopyFileRange(in, nil, out, nil, int(min(remaining, 1<<30)), 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || n == 0 {
			if err == nil {
				break
			}
			// Fall back to a plain copy (cross-device on old kernels, special files).
			if err := plainCopy(in, out); err != nil {
				return false, err
			}
			remaining = 0
			break
		}
		remaining -= int64(n)
	}
	if remaining > 0 {
		if err := plainCopy(in, out); err != nil {
			return false, err
		}
	}
	return false, nil
}

func plainCopy(in, out int) error {
	buf := make([]byte, 64<<10)
	for {
		n, err := preadFull(in, buf, -1)
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
		if _, err := writeFull(out, buf[:n], -1); err != nil {
			return err
		}
	}
}

// statFailed marks a failure of the stat Node's realpath makes on each symlink it follows.
type statFailed struct{ err error }

func (e statFailed) Error() string { return e.err.Error() }
func (e statFailed) Unwrap() error { return e.err }
