package runtime

import (
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/events"
	"github.com/gojs-dev/gojs/modules/fs"
	"github.com/gojs-dev/gojs/modules/nodeerr"
	"github.com/gojs-dev/gojs/modules/timers"
)

// builtinModules is the ordered list of built-in modules a runtime offers by default. Each entry is
// bound lazily, on first require. Keep it sorted by module name.
var builtinModules = []*modules.Module{
	&events.Module,
	&fs.Module,
	&fs.PromisesModule,
	&nodeerr.Errors,
	&nodeerr.Validators,
	&timers.Module,
	&timers.Promises,
}
