package eventloop

import (
	"sync"

	"golang.org/x/sys/unix"
)

// Poller is a runtime's readiness source for its sockets (net, dgram), in the manner of libuv's
// uv__io_poll: one epoll instance, level-triggered, whose interest set says what JS wants
// (EPOLLIN while a socket is reading or a server listening, EPOLLOUT while a connect or a write
// is pending). One goroutine waits in epoll_wait; it only tells the loop that something is ready.
// The loop then polls (without blocking) and queues each ready descriptor's dispatch itself, so
// I/O is ordered after the completions JS queued before the loop got there, never by when the
// goroutine happened to wake, and the loop does the syscalls (read, accept, write) itself: no
// descriptor is read that JS did not ask for, and an idle socket costs no goroutine and no
// buffer. The goroutine waits until the loop hands polling back (the descriptors stay ready
// until the loop reads them). Linux only, as the modules that use it.
type Poller struct {
	loop   *Loop
	epfd   int
	evfd   int // eventfd that wakes the goroutine for shutdown
	resume chan struct{}
	stop   chan struct{}
	once   sync.Once

	targets map[int32]PollTarget // registered descriptors by id; loop only
	nextID  int32
	levents []unix.EpollEvent // pollOnLoop's event buffer; loop only
	stopped bool              // Shutdown was called; loop only
}

// PollTarget is a socket or listener registered with a Poller; OnPollEvent runs on the loop with
// the ready events.
type PollTarget interface {
	OnPollEvent(ev uint32) error
}

// PollFD is the Poller's view of one descriptor. Loop only.
type PollFD struct {
	FD   int
	id   int32
	mask uint32 // interest currently registered with epoll (0: not registered)
}

const evfdID = 0

// NewPoller starts a poller for loop.
func NewPoller(loop *Loop) (*Poller, error) {
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
	p := &Poller{loop: loop, epfd: epfd, evfd: evfd, resume: make(chan struct{}, 1), stop: make(chan struct{}),
		targets: map[int32]PollTarget{}}
	go p.run()
	return p, nil
}

// Shutdown ends the goroutine, which closes the epoll descriptors once it has seen the stop (so
// the wake-up write never reaches a closed descriptor). Loop only (or after the loop has
// returned, on its goroutine).
func (p *Poller) Shutdown() {
	p.once.Do(func() {
		p.stopped = true
		one := [8]byte{1}
		unix.Write(p.evfd, one[:])
		close(p.stop)
	})
}

func (p *Poller) run() {
	defer func() {
		unix.Close(p.epfd)
		unix.Close(p.evfd)
	}()
	events := make([]unix.EpollEvent, 256)
	for {
		n, err := unix.EpollWait(p.epfd, events, -1)
		if err != nil {
			if err == unix.EINTR {
				continue
			}
			<-p.stop
			return
		}
		select {
		case <-p.stop:
			return
		default:
		}
		ready := false
		for _, e := range events[:n] {
			if e.Fd != evfdID {
				ready = true
			}
		}
		if !ready {
			continue
		}
		// The loop polls again itself and dispatches what it finds then: a completion JS
		// queued before this point (a shutdown, say) runs before I/O that became ready while
		// JS was running, as libuv's pending phase runs before its poll phase.
		if !p.loop.Post(p.pollOnLoop) {
			<-p.stop // the loop has ended: the runtime's close calls Shutdown
			return
		}
		select {
		case <-p.resume:
		case <-p.stop:
			return
		}
	}
}

// pollOnLoop runs on the loop after a batch of ready descriptors has been dispatched. While the
// loop is busy with I/O it polls the set itself, without blocking, and queues what it finds for
// the next turn (as libuv's poll phase would find it), so a busy loop needs no hand-off to the
// polling goroutine and back for every batch. Once nothing is ready it hands polling back to the
// goroutine, which blocks in epoll_wait while the loop sleeps.
func (p *Poller) pollOnLoop() error {
	if p.stopped {
		return nil
	}
	if p.levents == nil {
		p.levents = make([]unix.EpollEvent, 256)
	}
	n, err := unix.EpollWait(p.epfd, p.levents, 0)
	posted := false
	if err == nil {
		for _, e := range p.levents[:n] {
			if e.Fd == evfdID {
				continue
			}
			id, ev := e.Fd, e.Events
			p.loop.Post(func() error { return p.dispatch(id, ev) })
			posted = true
		}
	}
	if posted && p.loop.Post(p.pollOnLoop) {
		return nil
	}
	select {
	case p.resume <- struct{}{}:
	default:
	}
	return nil
}

// dispatch runs on the loop for one ready descriptor.
func (p *Poller) dispatch(id int32, ev uint32) error {
	t := p.targets[id]
	if t == nil || p.stopped {
		return nil
	}
	return t.OnPollEvent(ev)
}

// Add registers t (with no interest yet). Loop only.
func (p *Poller) Add(pf *PollFD, t PollTarget) {
	p.nextID++
	if p.nextID <= evfdID {
		p.nextID = evfdID + 1
	}
	for p.targets[p.nextID] != nil {
		p.nextID++
	}
	pf.id = p.nextID
	pf.mask = 0
	p.targets[pf.id] = t
}

// Set changes the interest of pf to want. Loop only.
func (p *Poller) Set(pf *PollFD, want uint32) error {
	if want == pf.mask || pf.FD < 0 || p.stopped {
		return nil
	}
	var err error
	switch {
	case pf.mask == 0:
		err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, pf.FD, &unix.EpollEvent{Events: want, Fd: pf.id})
	case want == 0:
		err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, pf.FD, nil)
	default:
		err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_MOD, pf.FD, &unix.EpollEvent{Events: want, Fd: pf.id})
	}
	if err == nil {
		pf.mask = want
	}
	return err
}

// Remove forgets pf and takes its descriptor out of the set; the descriptor stays open. Loop
// only.
func (p *Poller) Remove(pf *PollFD) {
	delete(p.targets, pf.id)
	if pf.mask != 0 && pf.FD >= 0 && !p.stopped {
		unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, pf.FD, nil)
	}
	pf.mask = 0
}

// Close forgets pf and closes its descriptor (which also takes it out of the set). Loop only.
func (p *Poller) Close(pf *PollFD) {
	delete(p.targets, pf.id)
	if pf.FD >= 0 {
		unix.Close(pf.FD)
		pf.FD = -1
	}
	pf.mask = 0
}
