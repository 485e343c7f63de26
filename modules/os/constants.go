package os

import (
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// os.constants' dlopen, errno, signals and priority: objects of read-only, non-configurable
// numbers in node, made here without a descriptor per property (Host.LazyConstants makes each
// on its first use where goja allows).

// osConstant is one of those numbers.
type osConstant struct {
	name  string
	value int
}

var dlopenConstants = []osConstant{
	{"RTLD_LAZY", 1}, {"RTLD_NOW", 2}, {"RTLD_GLOBAL", 256}, {"RTLD_LOCAL", 0}, {"RTLD_DEEPBIND", 8},
}

var errnoConstants = []osConstant{
	{"E2BIG", 7}, {"EACCES", 13}, {"EADDRINUSE", 98}, {"EADDRNOTAVAIL", 99}, {"EAFNOSUPPORT", 97},
	{"EAGAIN", 11}, {"EALREADY", 114}, {"EBADF", 9}, {"EBADMSG", 74}, {"EBUSY", 16},
	{"ECANCELED", 125}, {"ECHILD", 10}, {"ECONNABORTED", 103}, {"ECONNREFUSED", 111},
	{"ECONNRESET", 104}, {"EDEADLK", 35}, {"EDESTADDRREQ", 89}, {"EDOM", 33}, {"EDQUOT", 122},
	{"EEXIST", 17}, {"EFAULT", 14}, {"EFBIG", 27}, {"EHOSTUNREACH", 113}, {"EIDRM", 43},
	{"EILSEQ", 84}, {"EINPROGRESS", 115}, {"EINTR", 4}, {"EINVAL", 22}, {"EIO", 5}, {"EISCONN", 106},
	{"EISDIR", 21}, {"ELOOP", 40}, {"EMFILE", 24}, {"EMLINK", 31}, {"EMSGSIZE", 90},
	{"EMULTIHOP", 72}, {"ENAMETOOLONG", 36}, {"ENETDOWN", 100}, {"ENETRESET", 102},
	{"ENETUNREACH", 101}, {"ENFILE", 23}, {"ENOBUFS", 105}, {"ENODATA", 61}, {"ENODEV", 19},
	{"ENOENT", 2}, {"ENOEXEC", 8}, {"ENOLCK", 37}, {"ENOLINK", 67}, {"ENOMEM", 12}, {"ENOMSG", 42},
	{"ENOPROTOOPT", 92}, {"ENOSPC", 28}, {"ENOSR", 63}, {"ENOSTR", 60}, {"ENOSYS", 38},
	{"ENOTCONN", 107}, {"ENOTDIR", 20}, {"ENOTEMPTY", 39}, {"ENOTSOCK", 88}, {"ENOTSUP", 95},
	{"ENOTTY", 25}, {"ENXIO", 6}, {"EOPNOTSUPP", 95}, {"EOVERFLOW", 75}, {"EPERM", 1}, {"EPIPE", 32},
	{"EPROTO", 71}, {"EPROTONOSUPPORT", 93}, {"EPROTOTYPE", 91}, {"ERANGE", 34}, {"EROFS", 30},
	{"ESPIPE", 29}, {"ESRCH", 3}, {"ESTALE", 116}, {"ETIME", 62}, {"ETIMEDOUT", 110}, {"ETXTBSY", 26},
	{"EWOULDBLOCK", 11}, {"EXDEV", 18},
}

var signalsConstants = []osConstant{
	{"SIGHUP", 1}, {"SIGINT", 2}, {"SIGQUIT", 3}, {"SIGILL", 4}, {"SIGTRAP", 5}, {"SIGABRT", 6},
	{"SIGIOT", 6}, {"SIGBUS", 7}, {"SIGFPE", 8}, {"SIGKILL", 9}, {"SIGUSR1", 10}, {"SIGSEGV", 11},
	{"SIGUSR2", 12}, {"SIGPIPE", 13}, {"SIGALRM", 14}, {"SIGTERM", 15}, {"SIGCHLD", 17},
	{"SIGSTKFLT", 16}, {"SIGCONT", 18}, {"SIGSTOP", 19}, {"SIGTSTP", 20}, {"SIGTTIN", 21},
	{"SIGTTOU", 22}, {"SIGURG", 23}, {"SIGXCPU", 24}, {"SIGXFSZ", 25}, {"SIGVTALRM", 26},
	{"SIGPROF", 27}, {"SIGWINCH", 28}, {"SIGIO", 29}, {"SIGPOLL", 29}, {"SIGPWR", 30}, {"SIGSYS", 31},
}

var priorityConstants = []osConstant{
	{"PRIORITY_LOW", 19}, {"PRIORITY_BELOW_NORMAL", 10}, {"PRIORITY_NORMAL", 0},
	{"PRIORITY_ABOVE_NORMAL", -7}, {"PRIORITY_HIGH", -14}, {"PRIORITY_HIGHEST", -20},
}

// constantSet is one of the sets, its names and values made once per process.
type constantSet struct {
	key   string
	table []osConstant
	once  sync.Once
	names []string
	vals  []goja.Value
}

var constantSets = [...]*constantSet{
	{key: "os.constants.dlopen", table: dlopenConstants},
	{key: "os.constants.errno", table: errnoConstants},
	{key: "os.constants.signals", table: signalsConstants},
	{key: "os.constants.priority", table: priorityConstants},
}

// load makes the names and values with the first runtime's vm (a number value is tied to no
// runtime).
func (c *constantSet) load(vm *goja.Runtime) {
	c.once.Do(func() {
		c.names = make([]string, len(c.table))
		c.vals = make([]goja.Value, len(c.table))
		for i, k := range c.table {
			c.names[i] = k.name
			c.vals[i] = vm.ToValue(k.value)
		}
	})
}

// constantsObject makes set i's object in h's runtime: an extensible null-prototype object of
// enumerable, read-only, non-configurable numbers.
func constantsObject(h *modules.Host, i int) goja.Value {
	if i < 0 || i >= len(constantSets) {
		return goja.Undefined()
	}
	c := constantSets[i]
	c.load(h.VM)
	if h.LazyConstants != nil {
		if o := h.LazyConstants(c.key, c.names, c.vals); o != nil {
			return o
		}
	}
	o := h.VM.CreateObject(nil)
	for j, name := range c.names {
		_ = o.DefineDataProperty(name, c.vals[j], goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	return o
}
