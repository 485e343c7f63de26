package runtime

import (
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/path"
	"github.com/gojs-dev/gojs/modules/querystring"
)

// builtinModules is the ordered list of built-in modules a runtime offers by default. Each entry is
// bound lazily, on first require. Keep it sorted by module name.
var builtinModules = []*modules.Module{
	&path.Module,
	&path.PosixModule,
	&path.Win32Module,
	&querystring.Module,
}
