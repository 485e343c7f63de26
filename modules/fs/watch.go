package fs

import (
	"bytes"
	"path/filepath"
	"sync"
	"time"
	"unsafe"

	"github.com/dop251/goja"
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
	// fs.watch: its watch descriptor (nil once stopped) and what an event of it runs
	iw      *inoWatch
	onEvent func(mask uint32, name string) error
}

// stop ends the watcher's goroutine and releases its handle. Loop only.
func (w *watcher) stop() {
	w.once.Do(func() {
		close(w.done)
		if w.onEvent != nil {
			if n := w.s.ino; n != nil {
				n.remove(w)
			}
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
	// watch(path, recursive, persistent, asBuf, onchange(eventType, filename), onerror(err), owner)
	// returns the handle object, or throws the watch error. It watches one level, as libuv's
	// inotify backend (node's recursive watcher on Linux is JS over such watchers: fs_watch.js);
	// recursive and onerror are taken for the callers' sake and not used.
	b.Set("watch", func(c goja.FunctionCall) goja.Value {
		p := s.path(c.Argument(0))
		persistent := c.Argument(2).ToBoolean()
		asBuf := c.Argument(3).ToBoolean()
		onchange, _ := goja.AssertFunction(c.Argument(4))
		if err := s.check(modules.ScopeFSRead, p); err != nil {
			s.h.Throw(err)
		}
		return s.watchInotify(s.resolve(p), persistent, asBuf, onchange, c.Argument(6), p)
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

// inotifier is a runtime's one inotify descriptor, as libuv's loop has one for all its fs.watch
// handles: the events of every watcher come from one queue, in the kernel's order (a directory's
// event for a child before the child's own), and the kernel merges an event only with an
// identical one queued just before it, so a watcher of a file and one of its directory each see
// both halves of a rewrite (truncate, write), where one watcher alone sees one 'change'. Watchers
// of the same inode share its watch descriptor (inotify gives the same one): an event of it goes
// to each of them, in the order they started, the name of one without a name being the base name
// of the path the first of them watched (libuv's w->path). The descriptor is in the runtime's
// epoll set and read on the loop when it is ready, as libuv reads it; each watcher's callback is
// a callback of its own, its ticks run before the next one. Loop only.
type inotifier struct {
	s      *state
	pf     eventloop.PollFD
	poll   *eventloop.Poller
	ih     *eventloop.Handle // (unref'd and unlisted: what the dispatch runs in)
	byWD   map[int32]*inoWatch
	buf    []byte
	queue  []inoEvent // events read and not yet dispatched
	pos    int        // queue[pos] is the event being dispatched
	cur    *inoWatch  // its watch, while its watchers are called
	snap   []*watcher // the watchers of queue[pos] when its dispatch began (libuv's QUEUE_MOVE)
	si     int        // snap[si] is the next to call
	active bool       // a dispatch is queued
	step   func() error
}

// inoWatch is one watch descriptor and the watchers on it, in libuv's order: the order they
// started in, but a watcher called for an event goes back to the end, after any that started
// while that event was being dispatched.
type inoWatch struct {
	wd        int32
	base      string // base name of the path the first watcher gave
	watchers  []*watcher
	iterating bool // an event of it is being dispatched: it stays while it has no watcher
}

type inoEvent struct {
	wd   int32
	mask uint32
	name string
}

// inotify returns the runtime's inotifier, made on first use. Loop only.
func (s *state) inotify() (*inotifier, error) {
	if s.ino != nil {
		return s.ino, nil
	}
	fd, err := unix.InotifyInit1(unix.IN_CLOEXEC | unix.IN_NONBLOCK)
	if err != nil {
		return nil, err
	}
	poll, err := eventloop.NewPoller(s.h.Loop)
	if err != nil {
		unix.Close(fd)
		return nil, err
	}
	n := &inotifier{s: s, pf: eventloop.PollFD{FD: fd}, poll: poll, byWD: map[int32]*inoWatch{},
		buf: make([]byte, 4096)}
	n.ih = s.h.Loop.NewHandle(nil)
	n.ih.Unref()
	n.ih.WeakPosts()
	n.step = n.ih.Bind(n.dispatch)
	poll.Add(&n.pf, n)
	if err := poll.Register(&n.pf); err != nil {
		n.close()
		return nil, err
	}
	poll.Set(&n.pf, unix.EPOLLIN)
	s.ino = n
	return n, nil
}

// AsyncHandle names the handle the poller's dispatch runs in (weak: an unref'd watcher's event
// does not keep the loop alive by itself).
func (n *inotifier) AsyncHandle() *eventloop.Handle { return n.ih }

// close releases the descriptor, when the last watcher has stopped. Loop only.
func (n *inotifier) close() {
	if n.pf.FD < 0 {
		return
	}
	n.poll.Close(&n.pf)
	n.poll.Shutdown()
	n.ih.Close()
	n.queue, n.snap, n.cur = nil, nil, nil
	if n.s.ino == n {
		n.s.ino = nil
	}
}

// add starts w on abs. Loop only.
func (n *inotifier) add(w *watcher, abs string) error {
	wd, err := unix.InotifyAddWatch(n.pf.FD, abs, inotifyMask)
	if err != nil {
		return err
	}
	iw := n.byWD[int32(wd)]
	if iw == nil {
		iw = &inoWatch{wd: int32(wd), base: filepath.Base(abs)}
		n.byWD[iw.wd] = iw
	}
	iw.watchers = append(iw.watchers, w)
	w.iw = iw
	return nil
}

// remove stops w: the last watcher of a descriptor removes its watch, the last of all closes
// the inotify descriptor. Loop only.
func (n *inotifier) remove(w *watcher) {
	iw := w.iw
	if iw == nil {
		return
	}
	w.iw = nil
	for i, x := range iw.watchers {
		if x == w {
			iw.watchers = append(iw.watchers[:i:i], iw.watchers[i+1:]...)
			break
		}
	}
	if len(iw.watchers) == 0 && !iw.iterating {
		n.free(iw)
	}
}

// free removes the watch of a descriptor no watcher is on, and closes the inotify descriptor
// with the last. Loop only.
func (n *inotifier) free(iw *inoWatch) {
	if n.byWD[iw.wd] == iw {
		delete(n.byWD, iw.wd)
		unix.InotifyRmWatch(n.pf.FD, uint32(iw.wd))
	}
	if len(n.byWD) == 0 {
		n.close()
	}
}

// OnPollEvent reads what the queue holds and starts its dispatch. Loop only.
func (n *inotifier) OnPollEvent(uint32) error {
	for n.pf.FD >= 0 {
		k, err := unix.Read(n.pf.FD, n.buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil || k <= 0 {
			break // (EAGAIN: all read; libuv ignores the other errors too)
		}
		for off := 0; off+unix.SizeofInotifyEvent <= k; {
			raw := (*unix.InotifyEvent)(unsafe.Pointer(&n.buf[off]))
			start := off + unix.SizeofInotifyEvent
			end := start + int(raw.Len)
			off = end
			if end > k {
				break
			}
			n.queue = append(n.queue, inoEvent{wd: raw.Wd, mask: raw.Mask,
				name: string(bytes.TrimRight(n.buf[start:end], "\x00"))})
		}
	}
	if len(n.queue) > 0 && !n.active {
		n.active = true
		n.ih.FeedNextBound(n.step)
	}
	return nil
}

// dispatch calls the next watcher of the event being dispatched, queueing itself to run right
// after that callback (and its ticks) for the one after. As libuv's, the watchers of an event
// are those on its descriptor when its dispatch began, each put back on the descriptor's list
// as it is called: one that stopped meanwhile is skipped, one that started meanwhile sees the
// events after it, called before those put back after it started (an IN_IGNORED, or any event
// of a descriptor no watcher is on, goes to none). Loop only.
func (n *inotifier) dispatch() error {
	for n.pf.FD >= 0 && n.pos < len(n.queue) {
		e := &n.queue[n.pos]
		if n.cur == nil {
			iw := n.byWD[e.wd]
			if iw == nil {
				n.pos++
				continue
			}
			n.snap = append(n.snap[:0], iw.watchers...)
			iw.watchers = iw.watchers[:0]
			n.cur, n.si, iw.iterating = iw, 0, true
		}
		iw := n.cur
		for n.si < len(n.snap) {
			w := n.snap[n.si]
			n.si++
			if w.iw != iw {
				continue // stopped
			}
			iw.watchers = append(iw.watchers, w)
			n.ih.FeedNextBound(n.step)
			return w.handle.Bind(func() error { return w.onEvent(e.mask, e.name) })()
		}
		clear(n.snap)
		n.cur, n.snap, iw.iterating = nil, n.snap[:0], false
		n.pos++
		if len(iw.watchers) == 0 {
			n.free(iw)
		}
	}
	n.queue, n.pos, n.active = n.queue[:0], 0, false
	return nil
}

// watchInotify is fs.watch (not recursive) as libuv's inotify backend gives it on Linux. Each
// raw event is reported once: 'change' when its mask holds IN_ATTRIB or IN_MODIFY and nothing
// else, 'rename' otherwise (IN_ISDIR counts, so any event of a directory is a 'rename'; so is
// the IN_IGNORED that follows the removal of the watched path). An event without a name (one
// of the watched path itself) carries the base name of the path watched (see inotifier). Loop
// only.
func (s *state) watchInotify(abs string, persistent, asBuf bool, onchange goja.Callable, owner goja.Value, p string) goja.Value {
	n, err := s.inotify()
	if err != nil {
		s.h.Throw(sysErr(err, "watch", p, ""))
	}
	w := s.newWatcher()
	if err := n.add(w, abs); err != nil {
		w.stop()
		if len(n.byWD) == 0 {
			n.close()
		}
		s.h.Throw(sysErr(err, "watch", p, ""))
	}
	if !persistent {
		w.handle.Unref()
	}
	vm := s.vm
	w.onEvent = func(mask uint32, name string) error {
		typ := "change"
		if mask&^uint32(unix.IN_ATTRIB|unix.IN_MODIFY) != 0 {
			typ = "rename"
		}
		if name == "" && w.iw != nil {
			name = w.iw.base
		}
		_, err := onchange(goja.Undefined(), vm.ToValue(typ), s.nameValue(name, asBuf))
		return err
	}
	return s.watcherObject(w, "FSEventWrap", owner)
}

// statChanged compares what libuv's fs_poll compares.
func statChanged(a, b *unix.Statx_t) bool {
	return a.Ctime != b.Ctime || a.Mtime != b.Mtime || a.Size != b.Size || a.Mode != b.Mode ||
		a.Uid != b.Uid || a.Gid != b.Gid || a.Ino != b.Ino || a.Dev_major != b.Dev_major ||
		a.Dev_minor != b.Dev_minor
}
