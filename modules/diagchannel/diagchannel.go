// Package diagchannel implements Node's diagnostics_channel module
// (https://nodejs.org/api/diagnostics_channel.html): named channels with subscribers, store
// binding and tracing channels. Express, fastify and undici load it at start-up.
package diagchannel

import (
	_ "embed"

	"github.com/gojs-dev/gojs/modules"
)

//go:embed diagnostics_channel.js
var glue string

// Module is the "diagnostics_channel" built-in.
var Module = modules.Module{Name: "diagnostics_channel", JSRef: &glue}
