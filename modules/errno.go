package modules

import "syscall"

type errnoName struct{ code, desc string }

// errnoNames maps Linux errnos to libuv's names and messages, which Node prints. An array indexed
// by errno, not a map: the linker lays it out as data, where a map literal would be built by code
// at every process start.
var errnoNames = [...]errnoName{
	syscall.E2BIG:           {"E2BIG", "argument list too long"},
	syscall.EACCES:          {"EACCES", "permission denied"},
	syscall.EADDRINUSE:      {"EADDRINUSE", "address already in use"},
	syscall.EADDRNOTAVAIL:   {"EADDRNOTAVAIL", "address not available"},
	syscall.EAFNOSUPPORT:    {"EAFNOSUPPORT", "address family not supported"},
	syscall.EAGAIN:          {"EAGAIN", "resource temporarily unavailable"},
	syscall.EALREADY:        {"EALREADY", "connection already in progress"},
	syscall.EBADF:           {"EBADF", "bad file descriptor"},
	syscall.EBUSY:           {"EBUSY", "resource busy or locked"},
	syscall.ECANCELED:       {"ECANCELED", "operation canceled"},
	syscall.ECHILD:          {"ECHILD", "no child processes"},
	syscall.ECONNABORTED:    {"ECONNABORTED", "software caused connection abort"},
	syscall.ECONNREFUSED:    {"ECONNREFUSED", "connection refused"},
	syscall.ECONNRESET:      {"ECONNRESET", "connection reset by peer"},
	syscall.EDESTADDRREQ:    {"EDESTADDRREQ", "destination address required"},
	syscall.EEXIST:          {"EEXIST", "file already exists"},
	syscall.EFAULT:          {"EFAULT", "bad address in system call argument"},
	syscall.EFBIG:           {"EFBIG", "file too large"},
	syscall.EHOSTDOWN:       {"EHOSTDOWN", "host is down"},
	syscall.EHOSTUNREACH:    {"EHOSTUNREACH", "host is unreachable"},
	syscall.EILSEQ:          {"EILSEQ", "illegal byte sequence"},
	syscall.EINTR:           {"EINTR", "interrupted system call"},
	syscall.EINVAL:          {"EINVAL", "invalid argument"},
	syscall.EIO:             {"EIO", "i/o error"},
	syscall.EISCONN:         {"EISCONN", "socket is already connected"},
	syscall.EISDIR:          {"EISDIR", "illegal operation on a directory"},
	syscall.ELOOP:           {"ELOOP", "too many symbolic links encountered"},
	syscall.EMFILE:          {"EMFILE", "too many open files"},
	syscall.EMLINK:          {"EMLINK", "too many links"},
	syscall.EMSGSIZE:        {"EMSGSIZE", "message too long"},
	syscall.ENAMETOOLONG:    {"ENAMETOOLONG", "name too long"},
	syscall.ENETDOWN:        {"ENETDOWN", "network is down"},
	syscall.ENETUNREACH:     {"ENETUNREACH", "network is unreachable"},
	syscall.ENFILE:          {"ENFILE", "file table overflow"},
	syscall.ENOBUFS:         {"ENOBUFS", "no buffer space available"},
	syscall.ENODATA:         {"ENODATA", "no data available"},
	syscall.ENODEV:          {"ENODEV", "no such device"},
	syscall.ENOENT:          {"ENOENT", "no such file or directory"},
	syscall.ENOMEM:          {"ENOMEM", "not enough memory"},
	syscall.ENONET:          {"ENONET", "machine is not on the network"},
	syscall.ENOPROTOOPT:     {"ENOPROTOOPT", "protocol not available"},
	syscall.ENOSPC:          {"ENOSPC", "no space left on device"},
	syscall.ENOSYS:          {"ENOSYS", "function not implemented"},
	syscall.ENOTCONN:        {"ENOTCONN", "socket is not connected"},
	syscall.ENOTDIR:         {"ENOTDIR", "not a directory"},
	syscall.ENOTEMPTY:       {"ENOTEMPTY", "directory not empty"},
	syscall.ENOTSOCK:        {"ENOTSOCK", "socket operation on non-socket"},
	syscall.ENOTSUP:         {"ENOTSUP", "operation not supported on socket"},
	syscall.ENOTTY:          {"ENOTTY", "inappropriate ioctl for device"},
	syscall.ENXIO:           {"ENXIO", "no such device or address"},
	syscall.EOVERFLOW:       {"EOVERFLOW", "value too large for defined data type"},
	syscall.EPERM:           {"EPERM", "operation not permitted"},
	syscall.EPIPE:           {"EPIPE", "broken pipe"},
	syscall.EPROTO:          {"EPROTO", "protocol error"},
	syscall.EPROTONOSUPPORT: {"EPROTONOSUPPORT", "protocol not supported"},
	syscall.EPROTOTYPE:      {"EPROTOTYPE", "protocol wrong type for socket"},
	syscall.ERANGE:          {"ERANGE", "result too large"},
	syscall.EREMOTEIO:       {"EREMOTEIO", "remote I/O error"},
	syscall.EROFS:           {"EROFS", "read-only file system"},
	syscall.ESHUTDOWN:       {"ESHUTDOWN", "cannot send after transport endpoint shutdown"},
	syscall.ESOCKTNOSUPPORT: {"ESOCKTNOSUPPORT", "socket type not supported"},
	syscall.ESPIPE:          {"ESPIPE", "invalid seek"},
	syscall.ESRCH:           {"ESRCH", "no such process"},
	syscall.ETIMEDOUT:       {"ETIMEDOUT", "connection timed out"},
	syscall.ETXTBSY:         {"ETXTBSY", "text file is busy"},
	syscall.EUNATCH:         {"EUNATCH", "protocol driver not attached"},
	syscall.EXDEV:           {"EXDEV", "cross-device link not permitted"},
}

// ErrnoByCode returns the errno for a code like "ENOENT", or 0.
func ErrnoByCode(code string) syscall.Errno {
	for e, n := range errnoNames {
		if n.code == code {
			return syscall.Errno(e)
		}
	}
	return 0
}

// lookupErrno returns libuv's name and message for e, if it has them.
func lookupErrno(e syscall.Errno) (errnoName, bool) {
	if uint64(e) >= uint64(len(errnoNames)) || errnoNames[e].code == "" {
		return errnoName{}, false
	}
	return errnoNames[e], true
}
