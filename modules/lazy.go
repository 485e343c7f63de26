package modules

import (
	"sync"
	"time"
)

// Lazy is a package-level value built on first use:
//
//	var table = modules.Lazy[map[string]int]{Build: buildTable}
//
// A package-level variable initialised by code (a map literal, a function call, sync.OnceValue)
// runs that code at every process start and so faults in a page of its package's code and data,
// whether or not the program ever uses the package. A Lazy whose Build is a top-level function
// is laid out by the linker instead and costs nothing until Get. Safe for concurrent use.
type Lazy[T any] struct {
	once  sync.Once
	v     T
	Build func() T
}

// Get returns the value, building it on the first call.
func (l *Lazy[T]) Get() T {
	l.once.Do(func() { l.v = l.Build() })
	return l.v
}

// ProcessStart is when the process started (this package's initialisation, ahead of the
// built-ins'): the time origin shared by every runtime in it, like Node's.
var ProcessStart = time.Now()
