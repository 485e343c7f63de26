package runtime

import (
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
	"github.com/gojs-dev/gojs/modules/string_decoder"
)

// builtinModules is the ordered list of built-in modules a runtime offers by default. Each entry is
// bound lazily, on first require. Keep it sorted by module name.
var builtinModules = []*modules.Module{
	&buffer.Module,
	&buffer.EncodingModule,
	&string_decoder.Module,
}
