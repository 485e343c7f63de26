package http

import (
	"syscall"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
	"golang.org/x/sys/unix"
)

// fastState is the per-runtime scratch space of the server's fast write path.
type fastState struct {
	h   *modules.Host
	buf []byte
	hd  []byte // head scratch

	statusCodes *goja.Object // http.STATUS_CODES (users may change it)
	dateSec     int64
	date        string
	codeKeys    []string // codeKey's strings, by code-100
	head        string   // the last head fastEnd wrote, and its JS string
	headV       goja.Value

	onFinish goja.Callable // http.js's onFinish(res)
	finish   finishState

	// kc is the runtime's memo for the hot path's property reads: the response's defaults are
	// non-configurable properties of ServerResponse.prototype (copyResponseDefaults), found
	// there without a map lookup.
	kc modules.KeyCache
	// chains are the reads that walk up a prototype chain to a configurable property (a
	// socket's defaults on net's Socket.prototype, emit on EventEmitter.prototype).
	chains chainReads
}

// chainReads reads, per request, names that the receiver does not own and a prototype up its
// chain holds as a configurable data property, through modules.ChainCache: the objects between
// are checked by their name lists instead of a map lookup each, and a socket's (a server's)
// own names are remembered in its connection state's OwnMemo (serverOwn) as not holding them,
// so a read skips the receiver's own map too (a hash and a probe each: socket and server
// have more than eight own names). Loop only.
type chainReads struct {
	serverEmit, resEmit                                   *modules.ChainCache
	connecting, parent, hadError, sockTimeout, setTimeout *modules.ChainCache
	serverOwn                                             modules.OwnMemo
}

// The bits of a socket's OwnMemo (connState.own), one per name read through chainReads.
const (
	ownConnecting = iota
	ownParent
	ownHadError
	ownTimeout
	ownSetTimeout
)

func newChainReads() chainReads {
	return chainReads{
		serverEmit: modules.NewChainCache(rkEmit), resEmit: modules.NewChainCache(rkEmit),
		connecting: modules.NewChainCache(ekConnecting), parent: modules.NewChainCache(ekParent),
		hadError: modules.NewChainCache(fkHadError), sockTimeout: modules.NewChainCache(fkTimeout),
		setTimeout: modules.NewChainCache(fkSetTimeout),
	}
}

// bindFast adds the Go side of the server's fast path: writeDirect(fd, head, body) writes a
// whole response (head and body) on the loop, without going through the socket's Writable
// machinery, when the socket has nothing else queued (the JS side checks that).
//
// head is a string; body is a string (then head and body are UTF-8 encoded, as
// OutgoingMessage's `header + chunk` with 'utf8' is) or a Uint8Array (then head is latin1).
// It returns the number of bytes written when all of them were, [written, rest] with the rest
// as a Buffer when the kernel took only part of them, or a negative errno when nothing could
// be written (the caller then writes through the socket, which reports the error as usual).
func bindFast(h *modules.Host, b *modules.LazyFuncs) *fastState {
	vm := h.VM
	fs := &fastState{h: h, chains: newChainReads()}
	bindValidators(vm, b)
	bindConnState(vm, b)
	bindOutHeaders(vm, b)
	b.Set("writeDirect", func(c goja.FunctionCall) goja.Value {
		fd := int(c.Argument(0).ToInteger())
		head := c.Argument(1)
		body := c.Argument(2)
		out := fs.buf[:0]
		if goja.IsUndefined(body) || goja.IsNull(body) {
			out = appendLatin1(out, head.String())
		} else if goja.IsString(body) {
			out = append(out, head.String()...)
			out = append(out, body.String()...)
		} else {
			out = appendLatin1(out, head.String())
			out = append(out, buffer.BytesOf(vm, body)...)
		}
		if cap(out) <= 64*1024 {
			fs.buf = out
		}
		r, _ := fs.writeFD(fd, out)
		return r
	})
	bindFastEnd(h, b, fs)
	return fs
}

// writeFD writes out to the non-blocking descriptor fd until done or EAGAIN; see writeDirect
// for the result. whole reports that all of out was written.
func (fs *fastState) writeFD(fd int, out []byte) (r goja.Value, whole bool) {
	vm := fs.h.VM
	total := len(out)
	written := 0
	for written < total {
		n, err := modules.SendNoWait(fd, out[written:])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			if err == unix.EAGAIN {
				break
			}
			if written == 0 {
				return vm.ToValue(-int(err.(syscall.Errno))), false
			}
			break
		}
		written += n
	}
	if written == total {
		return vm.ToValue(total), true
	}
	rest := make([]byte, total-written)
	copy(rest, out[written:])
	return vm.NewArray(written, buffer.New(fs.h, rest)), false
}

// appendLatin1 appends s (a Go string decoded from a JS string) with every code point below
// 256 as one byte, as Buffer.from(s, 'latin1') does.
func appendLatin1(out []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return append(out, s...)
	}
	for _, r := range s {
		out = append(out, byte(r))
	}
	return out
}

// isTokenChar reports the characters of an HTTP token (RFC 9110 tchar), as Node's
// checkIsHttpToken regexp accepts them.
// It is a literal (the linker lays it out; a table computed by code would be built at every
// process start).
var tokenChars = [256]bool{
	'!': true, '#': true, '$': true, '%': true, '&': true, '\'': true, '*': true, '+': true,
	'-': true, '.': true, '0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true,
	'7': true, '8': true, '9': true, 'A': true, 'B': true, 'C': true, 'D': true, 'E': true, 'F': true,
	'G': true, 'H': true, 'I': true, 'J': true, 'K': true, 'L': true, 'M': true, 'N': true, 'O': true,
	'P': true, 'Q': true, 'R': true, 'S': true, 'T': true, 'U': true, 'V': true, 'W': true, 'X': true,
	'Y': true, 'Z': true, '^': true, '_': true, '`': true, 'a': true, 'b': true, 'c': true, 'd': true,
	'e': true, 'f': true, 'g': true, 'h': true, 'i': true, 'j': true, 'k': true, 'l': true, 'm': true,
	'n': true, 'o': true, 'p': true, 'q': true, 'r': true, 's': true, 't': true, 'u': true, 'v': true,
	'w': true, 'x': true, 'y': true, 'z': true, '|': true, '~': true,
}

// validToken reports whether s is a non-empty HTTP token (Node's checkIsHttpToken).
func validToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !tokenChars[s[i]] {
			return false
		}
	}
	return true
}

// badHeaderChar reports whether s (decoded from a JS string to UTF-8) holds a character
// outside \t, \x20-\x7e and \x80-\xff (Node's checkInvalidHeaderChar).
func badHeaderChar(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 {
			if c != '\t' && (c < 0x20 || c == 0x7f) {
				return true
			}
			continue
		}
		for _, r := range s[i:] {
			if r < 0x80 {
				if r != '\t' && (r < 0x20 || r == 0x7f) {
					return true
				}
			} else if r > 0xff {
				return true
			}
		}
		return false
	}
	return false
}

func bindValidators(vm *goja.Runtime, b *modules.LazyFuncs) {
	vTrue, vFalse := vm.ToValue(true), vm.ToValue(false)
	b.Set("validToken", func(c goja.FunctionCall) goja.Value {
		v := c.Argument(0)
		if !goja.IsString(v) || !validToken(v.String()) {
			return vFalse
		}
		return vTrue
	})
	b.Set("badHeaderChar", func(c goja.FunctionCall) goja.Value {
		if badHeaderChar(c.Argument(0).String()) {
			return vTrue
		}
		return vFalse
	})
}
