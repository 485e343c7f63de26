package eventloop

import (
	"golang.org/x/sys/unix"
)

// Poller is a runtime's readiness source for its sockets (net, dgram), in the manner of libuv's
// uv__io_poll: one epoll instance, level-triggered, whose interest set says what JS wants
// (EPOLLIN while a socket is reading or a server listening, EPOLLOUT while a connect or a write
// is pending). As libuv's uv__io_start/uv__io_stop, a change of interest is queued and handed
// to the kernel at the start of the next poll, in the order the changes were asked, and a
// descriptor whose interest fell to nothing stays in the set until a poll reports it: which
// descriptor epoll reports first (its ready list is in the order descriptors became ready to
// it) then follows node's, so two sockets of one process (a client and its server) see each
// other's data in node's order. The loop polls it itself, as libuv does: without blocking at the start of each
// turn, and blocking (until the next timer) when it has nothing else to do; a Post from another
// goroutine wakes that wait through an eventfd. What it finds is queued as posted completions,
// one per ready descriptor, after those already queued, so I/O is ordered after the
// completions JS queued before the loop got there (libuv's pending phase runs before its poll
// phase), and the loop does the syscalls (read, accept, write) itself: no descriptor is read
// that JS did not ask for, an idle socket costs no goroutine and no buffer, and no goroutine
// hand-off sits between the kernel and the loop. A runtime has one Poller, shared by the
// modules that use it (NewPoller counts them; each Shutdown gives one back). Linux only, as
// the modules that use it.
type Poller struct {
	loop *Loop
	epfd int
	evfd int // eventfd that wakes the loop's wait

	users   int                  // NewPoller calls not yet given back with Shutdown; loop only
	targets map[int32]*pollEntry // registered descriptors by id; loop only
	nextID  int32
	active  int               // registered descriptors with a non-empty interest; loop only
	changes []*PollFD         // descriptors whose interest changed since the last poll; loop only
	events  []unix.EpollEvent // collect's event buffer; loop only
	stopped bool              // shut down; loop only
	// waiting says a blocking collect is in epoll_wait; a Shutdown meanwhile (the runtime's
	// Close from another goroutine) leaves closing the descriptors to it (closeLater). Both
	// under the loop's mu.
	waiting, closeLater bool
}

// pollEntry is one registered target and its dispatch, queued at most once at a time.
type pollEntry struct {
	t      PollTarget
	ev     uint32 // events found since the dispatch was queued
	queued bool
	gone   bool // removed: a queued dispatch does nothing
	pf     *PollFD
	run    func() error
	// ah is the target when it names its handle: the dispatch is queued as that handle's post,
	// weak while the handle is unref'd with WeakPosts (see Handle.WeakPosts).
	ah asyncHandler
}

type asyncHandler interface{ AsyncHandle() *Handle }

// PollTarget is a socket or listener registered with a Poller; OnPollEvent runs on the loop with
// the ready events.
type PollTarget interface {
	OnPollEvent(ev uint32) error
}

// PollFD is the Poller's view of one descriptor. Loop only.
type PollFD struct {
	FD   int
	id   int32
	mask uint32 // interest asked for (0: none)
	// kev is the interest the kernel has (applied at a poll's start), in says the descriptor is
	// in the epoll set (its interest may be stale: see flush), queued that it is in changes.
	kev        uint32
	in, queued bool
}

const evfdID = 0

// NewPoller returns the loop's poller, making it on first use. Each call must be matched by
// one Shutdown. Loop only.
func NewPoller(loop *Loop) (*Poller, error) {
	if p := loop.poller; p != nil {
		p.users++
		return p, nil
	}
	epfd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, err
	}
	evfd, err := unix.Eventfd(0, unix.EFD_NONBLOCK|unix.EFD_CLOEXEC)
	if err != nil {
		unix.Close(epfd)
		return nil, err
	}
	if err := unix.EpollCtl(epfd, unix.EPOLL_CTL_ADD, evfd, &unix.EpollEvent{Events: unix.EPOLLIN, Fd: evfdID}); err != nil {
		unix.Close(epfd)
		unix.Close(evfd)
		return nil, err
	}
	p := &Poller{loop: loop, epfd: epfd, evfd: evfd, users: 1, targets: map[int32]*pollEntry{}}
	loop.mu.Lock()
	loop.poller = p
	loop.mu.Unlock()
	return p, nil
}

// Shutdown gives back one NewPoller; the last one closes the epoll descriptors (the loop then
// waits on its channel again). Loop only (or after the loop has returned, on its goroutine).
func (p *Poller) Shutdown() {
	if p.stopped {
		return
	}
	if p.users--; p.users > 0 {
		return
	}
	l := p.loop
	l.mu.Lock()
	p.stopped = true
	if l.poller == p {
		l.poller = nil
	}
	l.sleeping = false
	if p.waiting {
		p.closeLater = true
		p.wakeup()
		l.mu.Unlock()
		return
	}
	l.mu.Unlock()
	unix.Close(p.epfd)
	unix.Close(p.evfd)
}

// wakeup makes a blocked collect return. Called with the loop's mu held.
func (p *Poller) wakeup() {
	one := [8]byte{1}
	unix.Write(p.evfd, one[:])
}

// collect waits up to timeout ms (-1: no limit, 0: not at all) for ready descriptors and queues
// a dispatch for each. The loop's sleeping flag, when the caller set it, is cleared. Loop only.
func (p *Poller) collect(timeout int) {
	if p.events == nil {
		p.events = make([]unix.EpollEvent, 256)
	}
	p.flush()
	if timeout == 0 {
		n, err := unix.EpollWait(p.epfd, p.events, 0)
		if err == nil {
			p.queue(n)
		}
		return
	}
	l := p.loop
	l.mu.Lock()
	if p.stopped {
		l.sleeping = false
		l.mu.Unlock()
		return
	}
	p.waiting = true
	l.mu.Unlock()
	n, err := unix.EpollWait(p.epfd, p.events, timeout)
	l.mu.Lock()
	p.waiting = false
	l.sleeping = false
	if p.closeLater {
		p.closeLater = false
		l.mu.Unlock()
		unix.Close(p.epfd)
		unix.Close(p.evfd)
		return
	}
	l.mu.Unlock()
	if err == nil {
		p.queue(n)
	}
}

// flush hands the kernel the interest changes asked since the last poll, in the order they were
// asked, as uv__io_poll does with its watcher queue before it waits. A descriptor that wants
// nothing keeps the interest it had (libuv's uv__io_stop touches no kernel state): the poll that
// reports it takes it out of the set (queue). Loop only.
func (p *Poller) flush() {
	for i, pf := range p.changes {
		p.changes[i] = nil
		pf.queued = false
		if pf.FD < 0 || pf.mask == 0 || pf.in && pf.mask == pf.kev {
			continue
		}
		ev := &unix.EpollEvent{Events: pf.mask, Fd: pf.id}
		var err error
		if pf.in {
			if err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_MOD, pf.FD, ev); err == unix.ENOENT {
				// (it left the set behind our back: closed, and its number reused)
				err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, pf.FD, ev)
			}
		} else {
			// (an error here, which libuv treats as fatal, leaves the descriptor unwatched; for
			// the sockets this runtime makes only the kernel running out of memory or of
			// max_user_watches would do it)
			err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, pf.FD, ev)
		}
		if err == nil {
			pf.in, pf.kev = true, pf.mask
		}
	}
	p.changes = p.changes[:0]
}

// queue queues the dispatches of the n events collect found. Loop only.
func (p *Poller) queue(n int) {
	found := false
	for _, e := range p.events[:n] {
		if e.Fd == evfdID {
			var b [8]byte
			unix.Read(p.evfd, b[:])
			continue
		}
		pe := p.targets[e.Fd]
		if pe == nil {
			continue
		}
		if pf := pe.pf; pf.mask == 0 {
			// Nothing is wanted of it any more: out of the set, as libuv disarms a stopped
			// watcher's descriptor when a poll reports it.
			if pf.in && pf.FD >= 0 {
				unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, pf.FD, nil)
			}
			pf.in, pf.kev = false, 0
			continue
		}
		pe.ev |= e.Events
		found = true
		if !pe.queued {
			pe.queued = true
			weak := false
			if pe.ah != nil {
				if h := pe.ah.AsyncHandle(); h != nil {
					weak = h.weakNow()
				}
			}
			p.loop.post(pe.run, weak)
		}
	}
	if found {
		// A program that starts I/O at once (a client streaming to a server of its own) never
		// blocks: the first poll that finds a descriptor ready ends start-up as a first wait does.
		p.loop.beforeFirstWait()
	}
}

// Add registers t (with no interest yet) in the current async context. Loop only.
func (p *Poller) Add(pf *PollFD, t PollTarget) {
	p.nextID++
	if p.nextID <= evfdID {
		p.nextID = evfdID + 1
	}
	for p.targets[p.nextID] != nil {
		p.nextID++
	}
	pf.id = p.nextID
	pf.mask, pf.kev, pf.in = 0, 0, false
	pe := &pollEntry{t: t, pf: pf}
	// The target's events run in the async context it was registered in, as a libuv handle's
	// callbacks run in its resource's context (a socket made inside AsyncLocalStorage.run).
	ctx := p.loop.actx
	// (and in its handle's async execution, when it names one: a socket's TCPWRAP)
	ah, _ := t.(asyncHandler)
	pe.ah = ah
	pe.run = func() error {
		ev := pe.ev
		pe.ev, pe.queued = 0, false
		if pe.gone || p.stopped {
			return nil
		}
		p.loop.actx = ctx
		if ah != nil {
			if h := ah.AsyncHandle(); h != nil {
				// (the handle's context: the one it was made in, or given by AsyncReset)
				p.loop.actx = h.ctx
				p.loop.enterAsync(h.aid, h.atid, h.owner)
			}
		}
		return pe.t.OnPollEvent(ev)
	}
	p.targets[pf.id] = pe
}

// Set changes the interest of pf to want. The change reaches the kernel at the next poll's start
// (flush), as libuv's uv__io_start/uv__io_stop reach it at uv__io_poll's. Loop only.
func (p *Poller) Set(pf *PollFD, want uint32) {
	if want == pf.mask || pf.FD < 0 || p.stopped {
		return
	}
	p.setMask(pf, want)
	if !pf.queued {
		pf.queued = true
		p.changes = append(p.changes, pf)
	}
}

// Register puts pf's descriptor in the set now, wanting nothing yet (Set gives the interest), so
// that one epoll cannot watch, or one in the set already (another handle's: libuv's
// uv__fd_exists), is refused at once. Loop only.
func (p *Poller) Register(pf *PollFD) error {
	if pf.in || pf.FD < 0 || p.stopped {
		return nil
	}
	// (another target's descriptor may not be in the set yet: its interest waits for the poll)
	for _, pe := range p.targets {
		if pe.pf != pf && pe.pf.FD == pf.FD {
			return unix.EEXIST
		}
	}
	// (wanting nothing, it is reported only for an error or a hang-up: see queue)
	if err := unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, pf.FD, &unix.EpollEvent{Fd: pf.id}); err != nil {
		return err
	}
	pf.in, pf.kev = true, 0
	return nil
}

func (p *Poller) setMask(pf *PollFD, m uint32) {
	if pf.mask == 0 && m != 0 {
		p.active++
	} else if pf.mask != 0 && m == 0 {
		p.active--
	}
	pf.mask = m
}

func (p *Poller) forget(pf *PollFD) {
	if pe := p.targets[pf.id]; pe != nil {
		pe.gone = true
		delete(p.targets, pf.id)
	}
}

// Remove forgets pf and takes its descriptor out of the set; the descriptor stays open. Loop
// only.
func (p *Poller) Remove(pf *PollFD) {
	p.forget(pf)
	if pf.in && pf.FD >= 0 && !p.stopped {
		unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, pf.FD, nil)
	}
	pf.in, pf.kev = false, 0
	p.setMask(pf, 0)
}

// Close forgets pf, takes its descriptor out of the set and closes it. (Closing alone would not
// do when another descriptor shares the file, one a child process inherited: the set would
// keep reporting it; libuv's uv__io_close takes it out too.) Loop only.
func (p *Poller) Close(pf *PollFD) {
	p.forget(pf)
	if pf.in && pf.FD >= 0 && !p.stopped {
		unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, pf.FD, nil)
	}
	if pf.FD >= 0 {
		unix.Close(pf.FD)
		pf.FD = -1
	}
	pf.in, pf.kev = false, 0
	p.setMask(pf, 0)
}
