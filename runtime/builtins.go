package runtime

import (
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
	"github.com/gojs-dev/gojs/modules/events"
	"github.com/gojs-dev/gojs/modules/nodeerr"
	"github.com/gojs-dev/gojs/modules/path"
	"github.com/gojs-dev/gojs/modules/stream"
	"github.com/gojs-dev/gojs/modules/timers"
	"github.com/gojs-dev/gojs/modules/webevents"
)

// builtinModules is the ordered list of built-in modules a runtime offers by default. Each entry is
// bound lazily, on first require. Keep it sorted by module name.
var builtinModules = []*modules.Module{
	&buffer.EncodingModule,
	&buffer.Module,
	&events.Module,
	&nodeerr.Errors,
	&nodeerr.Validators,
	&path.Module,
	&path.PosixModule,
	&path.Win32Module,
	&stream.Consumers,
	&stream.Errors,
	&stream.Internal,
	&stream.Module,
	&stream.Promises,
	&stream.Web,
	&stream.WebInternal,
	&timers.Module,
	&timers.Promises,
	&webevents.Module,
}
