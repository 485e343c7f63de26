package fs

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/fsnotify/fsnotify"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/sys/unix"
)

// watcher is one fs.watch or fs.watchFile source: a loop handle fed by a goroutine.
type watcher struct {
	s      *state
	handle *eventloop.Handle
	once   sync.Once
	done   chan struct{}
	fsw    *fsnotify.Watcher // fs.watch, recursive
	ino    *os.File          // fs.watch: its inotify descriptor
}

// stop ends the watcher's goroutine and releases its handle. Loop only.
func (w *watcher) stop() {
	w.once.Do(func() {
		close(w.done)
		if w.fsw != nil {
			w.fsw.Close()
		} else if w.ino != nil {
			w.ino.Close()
		} else {
			// A closed StatWatcher leaves node's listing at once (libuv's fs_poll stops its
			// handle as it closes), where an FSEvent stays listed until its close callback.
			w.handle.SetKind("", nil)
		}
		w.handle.Close()
		delete(w.s.watchers, w)
	})
}

func (s *state) newWatcher() *watcher {
	w := &watcher{s: s, done: make(chan struct{})}
	w.handle = s.h.Loop.NewHandle(func() { w.stop() })
	s.watchers[w] = struct{}{}
	return w
}

// watcherObject gives JS the handle's controls: close, ref, unref, hasRef. kind is node's name
// for the handle (FSEventWrap, StatWatcher) and owner the JS object process._getActiveHandles()
// lists for it (the handle itself when owner is not an object).
func (s *state) watcherObject(w *watcher, kind string, owner goja.Value) *goja.Object {
	o := s.vm.NewObject()
	if ow, ok := owner.(*goja.Object); ok {
		w.handle.SetKind(kind, ow)
	} else {
		w.handle.SetKind(kind, o)
	}
	o.Set("close", func() { w.stop() })
	o.Set("ref", func() { w.handle.Ref() })
	o.Set("unref", func() { w.handle.Unref() })
	o.Set("hasRef", func() bool { return w.handle.HasRef() })
	return o
}

func (s *state) bindWatch(b *modules.LazyFuncs) {
	vm := s.vm

	// watch(path, recursive, persistent, asBuf, onchange(eventType, filename), onerror(err), owner)
	// returns the handle object, or throws the watch error.
	b.Set("watch", func(c goja.FunctionCall) goja.Value {
		p := s.path(c.Argument(0))
		recursive := c.Argument(1).ToBoolean()
		persistent := c.Argument(2).ToBoolean()
		asBuf := c.Argument(3).ToBoolean()
		onchange, _ := goja.AssertFunction(c.Argument(4))
		onerror, _ := goja.AssertFunction(c.Argument(5))
		if err := s.check(modules.ScopeFSRead, p); err != nil {
			s.h.Throw(err)
		}
		abs := s.resolve(p)
		var st unix.Stat_t
		if err := unix.Stat(abs, &st); err != nil {
			s.h.Throw(sysErr(err, "watch", p, ""))
		}
		isDir := st.Mode&unix.S_IFMT == unix.S_IFDIR
		if !recursive {
			return s.watchInotify(abs, persistent, asBuf, onchange, onerror, c.Argument(6), p)
		}
		fsw, err := fsnotify.NewWatcher()
		if err != nil {
			s.h.Throw(sysErr(err, "watch", p, ""))
		}
		root := filepath.Clean(abs)
		if err := fsw.Add(root); err != nil {
			fsw.Close()
			s.h.Throw(sysErr(err, "watch", p, ""))
		}
		if isDir && recursive {
			addTree(fsw, root)
		}
		w := s.newWatcher()
		w.fsw = fsw
		if !persistent {
			w.handle.Unref()
		}
		type ev struct {
			typ, name string
			path      string // the absolute path, for the recursive watcher's stamps
			err       error
		}
		// Node 20's recursive watcher (Linux) learns of a file's changes by polling its stats from
		// when it first saw the file: a file created and written in one go reports only 'rename',
		// and a 'change' comes only when the stats differ from the last ones seen. The stamps are
		// taken on the loop, so the JS turn that wrote the file has finished.
		type stamp struct {
			size, mtime, ctime int64
			ino                uint64
		}
		seen := map[string]stamp{}
		emit := func(e ev) {
			w.handle.Post(func() error {
				if e.err != nil {
					_, err := onerror(goja.Undefined(), s.jsErr(sysErr(e.err, "watch", p, "")))
					return err
				}
				if recursive && isDir && e.path != "" {
					var st unix.Stat_t
					if err := unix.Lstat(e.path, &st); err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
						delete(seen, e.path)
					} else {
						k := stamp{size: st.Size, mtime: st.Mtim.Nano(), ctime: st.Ctim.Nano(), ino: st.Ino}
						old, had := seen[e.path]
						seen[e.path] = k
						if e.typ == "change" && had && old == k {
							return nil
						}
					}
				}
				_, err := onchange(goja.Undefined(), vm.ToValue(e.typ), s.nameValue(e.name, asBuf))
				return err
			})
		}
		go func() {
			for {
				select {
				case <-w.done:
					return
				case e, ok := <-fsw.Events:
					if !ok {
						return
					}
					name := filepath.Base(e.Name)
					if isDir {
						if rel, err := filepath.Rel(root, e.Name); err == nil && rel != "." {
							name = rel
						}
						if e.Name == root {
							name = filepath.Base(root)
						}
					}
					if !recursive && strings.Contains(name, "/") {
						continue
					}
					typ := "rename"
					if e.Op&(fsnotify.Write|fsnotify.Chmod) != 0 && e.Op&(fsnotify.Create|fsnotify.Remove|fsnotify.Rename) == 0 {
						typ = "change"
					}
					if recursive && e.Op&fsnotify.Create != 0 {
						if fi, err := os.Lstat(e.Name); err == nil && fi.IsDir() {
							// New directories join the watch, and what was created inside them before
							// the watch was added is reported as Node's recursive watcher does.
							fsw.Add(e.Name)
							emit(ev{typ: typ, name: name})
							filepath.WalkDir(e.Name, func(q string, d fs.DirEntry, err error) error {
								if err != nil || q == e.Name {
									return nil
								}
								if d.IsDir() {
									fsw.Add(q)
								}
								if rel, err := filepath.Rel(root, q); err == nil {
									emit(ev{typ: "rename", name: rel})
								}
								return nil
							})
							continue
						}
					}
					emit(ev{typ: typ, name: name, path: e.Name})
				case err, ok := <-fsw.Errors:
					if !ok {
						return
					}
					emit(ev{err: err})
				}
			}
		}()
		return s.watcherObject(w, "FSEventWrap", c.Argument(6))
	})

	// watchFile(path, intervalMs, persistent, bigint, onchange(curr, prev, status), owner) polls with stat
	// and returns the handle object.
	b.Set("watchFile", func(c goja.FunctionCall) goja.Value {
		p := s.path(c.Argument(0))
		interval := time.Duration(c.Argument(1).ToFloat() * float64(time.Millisecond))
		if interval <= 0 {
			interval = time.Millisecond
		}
		persistent := c.Argument(2).ToBoolean()
		big := c.Argument(3).ToBoolean()
		onchange, _ := goja.AssertFunction(c.Argument(4))
		if err := s.check(modules.ScopeFSRead, p); err != nil {
			s.h.Throw(err)
		}
		abs := s.resolve(p)
		w := s.newWatcher()
		if !persistent {
			w.handle.Unref()
		}
		// poll stats the path; status is 0 or the failure's negative error number (libuv's)
		poll := func() (st unix.Statx_t, ok bool, status int) {
			err := statx(unix.AT_FDCWD, abs, 0, &st)
			if errno, isErrno := err.(unix.Errno); isErrno {
				status = -int(errno)
			} else if err != nil {
				status = -int(unix.EIO)
			}
			return st, err == nil, status
		}
		prev, prevOK, _ := poll() // on the loop, so changes made right after watchFile count
		go func() {
			first := true
			t := time.NewTicker(interval)
			defer t.Stop()
			for {
				select {
				case <-w.done:
					return
				case <-t.C:
				}
				cur, ok, status := poll()
				changed := ok != prevOK || (ok && statChanged(&cur, &prev))
				if !ok && !prevOK && first {
					// A file missing from the start is reported once, with zeroed stats.
					changed = true
				}
				first = false
				if !changed {
					continue
				}
				c, pv := cur, prev
				if !ok {
					c = unix.Statx_t{}
				}
				if !prevOK {
					pv = unix.Statx_t{}
				}
				prev, prevOK = cur, ok
				w.handle.Post(func() error {
					cv := s.stats(&c, big)
					pvv := s.stats(&pv, big)
					_, err := onchange(goja.Undefined(), cv, pvv, s.vm.ToValue(status))
					return err
				})
			}
		}()
		return s.watcherObject(w, "StatWatcher", c.Argument(5))
	})
}

// inotifyMask is what libuv's uv_fs_event_start asks inotify for.
const inotifyMask = unix.IN_ATTRIB | unix.IN_CREATE | unix.IN_MODIFY | unix.IN_DELETE |
	unix.IN_DELETE_SELF | unix.IN_MOVE_SELF | unix.IN_MOVED_FROM | unix.IN_MOVED_TO

// watchInotify is fs.watch (not recursive) as libuv's inotify backend gives it on Linux. Each
// raw event is reported once: 'change' when its mask holds IN_ATTRIB or IN_MODIFY and nothing
// else, 'rename' otherwise (IN_ISDIR counts, so any event of a directory is a 'rename'; so is
// the IN_IGNORED that follows the removal of the watched path). An event without a name (one
// of the watched path itself) carries the path's base name. As libuv, the queue is read on the
// loop, so the kernel has merged an event identical to the one queued before it (a rewrite, or
// two appends in one turn, is one 'change'). Loop only.
func (s *state) watchInotify(abs string, persistent, asBuf bool, onchange, onerror goja.Callable, owner goja.Value, p string) goja.Value {
	fd, err := unix.InotifyInit1(unix.IN_CLOEXEC | unix.IN_NONBLOCK)
	if err != nil {
		s.h.Throw(sysErr(err, "watch", p, ""))
	}
	wd, err := unix.InotifyAddWatch(fd, abs, inotifyMask)
	if err != nil {
		unix.Close(fd)
		s.h.Throw(sysErr(err, "watch", p, ""))
	}
	f := os.NewFile(uintptr(fd), "inotify")
	w := s.newWatcher()
	w.ino = f
	if !persistent {
		w.handle.Unref()
	}
	base := filepath.Base(abs)
	vm := s.vm
	rc, err := f.SyscallConn()
	if err != nil {
		w.stop()
		s.h.Throw(sysErr(err, "watch", p, ""))
	}
	closed := func() bool {
		select {
		case <-w.done:
			return true
		default:
			return false
		}
	}
	// drain reads the queue on the loop, as libuv does when the loop polls: what a JS turn did
	// is all queued by then, merged as the kernel merges it. Loop only.
	// (libuv reads into 4 KiB; any event, its name at most NAME_MAX, fits)
	buf := make([]byte, 4096)
	drain := func() error {
		for !closed() {
			n, rerr := unix.Read(fd, buf)
			switch {
			case rerr == unix.EINTR:
				continue
			case rerr == unix.EAGAIN:
				return nil
			case rerr != nil:
				_, err := onerror(goja.Undefined(), s.jsErr(sysErr(rerr, "watch", p, "")))
				return err
			case n <= 0:
				return nil
			}
			for off := 0; off+unix.SizeofInotifyEvent <= n && !closed(); {
				raw := (*unix.InotifyEvent)(unsafe.Pointer(&buf[off]))
				start := off + unix.SizeofInotifyEvent
				end := start + int(raw.Len)
				off = end
				if raw.Wd != int32(wd) || end > n {
					continue // IN_Q_OVERFLOW (wd -1): libuv finds no watcher for it
				}
				typ := "change"
				if raw.Mask&^uint32(unix.IN_ATTRIB|unix.IN_MODIFY) != 0 {
					typ = "rename"
				}
				name := string(bytes.TrimRight(buf[start:end], "\x00"))
				if name == "" {
					name = base
				}
				if _, err := onchange(goja.Undefined(), vm.ToValue(typ), s.nameValue(name, asBuf)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	// The goroutine only waits for the queue to be readable (reading nothing itself), asks the
	// loop to drain it, and waits for that drain before it waits again.
	go func() {
		for {
			probed := false
			err := rc.Read(func(fd uintptr) bool {
				if !probed {
					// (the poller forgets a readiness that came before this wait began)
					probed = true
					pfd := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
					n, _ := unix.Poll(pfd, 0)
					return n > 0
				}
				return true
			})
			if err != nil {
				return // closed
			}
			drained := make(chan struct{})
			if !w.handle.Post(func() error {
				defer close(drained)
				return drain()
			}) {
				return
			}
			select {
			case <-drained:
			case <-w.done:
				return
			}
		}
	}()
	return s.watcherObject(w, "FSEventWrap", owner)
}

// statChanged compares what libuv's fs_poll compares.
func statChanged(a, b *unix.Statx_t) bool {
	return a.Ctime != b.Ctime || a.Mtime != b.Mtime || a.Size != b.Size || a.Mode != b.Mode ||
		a.Uid != b.Uid || a.Gid != b.Gid || a.Ino != b.Ino || a.Dev_major != b.Dev_major ||
		a.Dev_minor != b.Dev_minor
}

// addTree adds every directory under root to the watch.
func addTree(fsw *fsnotify.Watcher, root string) {
	filepath.WalkDir(root, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && q != root {
			fsw.Add(q)
		}
		return nil
	})
}
