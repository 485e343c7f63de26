package dgram

import (
	"sync"

	"github.com/gojs-dev/gojs/eventloop"
	"golang.org/x/sys/unix"
)

// poller is the runtime's readiness source for its UDP sockets: one level-triggered epoll set
// whose interest says what JS wants (EPOLLIN while receiving, EPOLLOUT while a datagram waits).
// One goroutine waits in epoll_wait and posts each ready socket to the loop, then waits until the
// loop has handled the batch before it polls again (the sockets stay ready until read).
type poller struct {
	loop    *eventloop.Loop
	epfd    int
	evfd    int
	resume  chan struct{}
	stop    chan struct{}
	once    sync.Once
	done    chan struct{} // closed when the goroutine has returned
	targets map[int32]*sock
	nextID  int32
	stopped bool
}

func newPoller(loop *eventloop.Loop) (*poller, error) {
	epfd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, err
	}
	evfd, err := unix.Eventfd(0, unix.EFD_NONBLOCK|unix.EFD_CLOEXEC)
	if err != nil {
		unix.Close(epfd)
		return nil, err
	}
	if err := unix.EpollCtl(epfd, unix.EPOLL_CTL_ADD, evfd, &unix.EpollEvent{Events: unix.EPOLLIN, Fd: 0}); err != nil {
		unix.Close(epfd)
		unix.Close(evfd)
		return nil, err
	}
	p := &poller{loop: loop, epfd: epfd, evfd: evfd, resume: make(chan struct{}, 1), stop: make(chan struct{}),
		done: make(chan struct{}), targets: map[int32]*sock{}}
	go p.run()
	return p, nil
}

// shutdown ends the goroutine, which closes the descriptors once it has seen stop (so the
// wake-up write never reaches a closed descriptor). Loop only.
func (p *poller) shutdown() {
	p.once.Do(func() {
		p.stopped = true
		one := [8]byte{1}
		unix.Write(p.evfd, one[:])
		close(p.stop)
	})
}

func (p *poller) run() {
	defer func() {
		unix.Close(p.epfd)
		unix.Close(p.evfd)
		close(p.done)
	}()
	events := make([]unix.EpollEvent, 64)
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
		posted := false
		for _, e := range events[:n] {
			if e.Fd == 0 {
				continue
			}
			id, ev := e.Fd, e.Events
			if !p.loop.Post(func() error { return p.dispatch(id, ev) }) {
				<-p.stop // the loop has ended: the runtime's close calls shutdown
				return
			}
			posted = true
		}
		if !posted {
			continue
		}
		if !p.loop.Post(func() error {
			select {
			case p.resume <- struct{}{}:
			default:
			}
			return nil
		}) {
			<-p.stop
			return
		}
		select {
		case <-p.resume:
		case <-p.stop:
			return
		}
	}
}

func (p *poller) dispatch(id int32, ev uint32) error {
	sk := p.targets[id]
	if sk == nil || p.stopped {
		return nil
	}
	return sk.onEvent(ev)
}

// add registers sk (with no interest yet). Loop only.
func (p *poller) add(sk *sock) {
	for {
		p.nextID++
		if p.nextID <= 0 {
			p.nextID = 1
		}
		if p.targets[p.nextID] == nil {
			break
		}
	}
	sk.id = p.nextID
	sk.mask = 0
	p.targets[sk.id] = sk
}

// set changes sk's interest to want. Loop only.
func (p *poller) set(sk *sock, want uint32) error {
	if want == sk.mask || sk.fd < 0 || p.stopped {
		return nil
	}
	var err error
	switch {
	case sk.mask == 0:
		err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, sk.fd, &unix.EpollEvent{Events: want, Fd: sk.id})
	case want == 0:
		err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, sk.fd, nil)
	default:
		err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_MOD, sk.fd, &unix.EpollEvent{Events: want, Fd: sk.id})
	}
	if err == nil {
		sk.mask = want
	}
	return err
}

// remove forgets sk and takes it out of the set. Loop only.
func (p *poller) remove(sk *sock) {
	delete(p.targets, sk.id)
	if sk.mask != 0 && sk.fd >= 0 && !p.stopped {
		unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, sk.fd, nil)
	}
	sk.mask = 0
}
