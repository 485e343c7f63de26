// Package console implements Node's console module and the global console
// (https://nodejs.org/api/console.html): log/info/debug to stdout, warn/error/trace to stderr,
// dir, assert, count, time, group indentation, table, and the Console class for arbitrary
// streams. It is JS glue over internal/util/inspect (package util): console.log('hi') with a
// single string skips formatting entirely and writes through process._rawWrite, which goes
// straight to the runtime's stdout unless process.stdout was created (then its write is used,
// so patching process.stdout.write works as in Node).
package console

import (
	_ "embed"

	"github.com/gojs-dev/gojs/modules"
)

//go:embed console.js
var consoleJS string

//go:embed table.js
var tableJS string

// Module is the console module; the runtime installs its exports as the global console.
var Module = modules.Module{Name: "console", JS: consoleJS}

// Table is console.table's rendering, a module of its own so that it is compiled on first use.
var Table = modules.Module{Name: "internal/console/table", Internal: true, JS: tableJS}
