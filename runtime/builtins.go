package runtime

import (
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
	"github.com/gojs-dev/gojs/modules/console"
	"github.com/gojs-dev/gojs/modules/events"
	"github.com/gojs-dev/gojs/modules/nodeerr"
	"github.com/gojs-dev/gojs/modules/path"
	"github.com/gojs-dev/gojs/modules/timers"
	"github.com/gojs-dev/gojs/modules/util"
	"github.com/gojs-dev/gojs/modules/webevents"
)

// builtinModules is the ordered list of built-in modules a runtime offers by default. Each entry is
// bound lazily, on first require. Keep it sorted by module name.
var builtinModules = []*modules.Module{
	&buffer.EncodingModule,
	&buffer.Module,
	&console.Module,
	&events.Module,
	&nodeerr.Errors,
	&util.MIME,
	&util.Comparisons,
	&util.Inspect,
	&util.ParseArgs,
	&nodeerr.Validators,
	&path.Module,
	&path.PosixModule,
	&path.Win32Module,
	&timers.Module,
	&timers.Promises,
	&util.Module,
	&util.Types,
	&webevents.Module,
}
