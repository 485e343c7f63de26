package runtime

import (
	"github.com/gojs-dev/gojs/modules"
)

// processPrivateModule (internal/process_private) hands glue what the process glue shares with
// it and node keeps off process (its keys are node's): rawWrite(fd, s), the global console's
// write; stdioInfo, whether stdio is a terminal and its width; kShapeMode and kCapture, the keys
// of EventEmitter's own symbol fields, which process has from the start as node's (events.js
// takes them from here). Its binding is the record the process binding gives the bootstrap
// (binding.private), which fills it before anything can load a module (processBinding).
var processPrivateModule = modules.Module{Name: "internal/process_private", Internal: true}
