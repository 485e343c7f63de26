// Package readline implements Node's readline and readline/promises modules
// (https://nodejs.org/api/readline.html): line-by-line reading of any Readable, questions and
// prompts, history and line editing on terminals, keypress decoding, and the cursor helpers.
// It is JS glue over streams.
package readline

import (
	_ "embed"

	"github.com/gojs-dev/gojs/modules"
)

//go:embed readline.js
var glue string

//go:embed promises.js
var promisesGlue string

// Module is the "readline" built-in.
var Module = modules.Module{Name: "readline", JSRef: &glue}

// Promises is the "readline/promises" built-in.
var Promises = modules.Module{Name: "readline/promises", JSRef: &promisesGlue}
