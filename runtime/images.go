package runtime

import (
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/runtime/js"
)

// The glue's programs are made from the images go generate stored in runtime/js (see
// modules.SetProgramImages).
func init() { modules.SetProgramImages(js.Image) }
