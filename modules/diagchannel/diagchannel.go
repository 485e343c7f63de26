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

//go:embed builtin.js
var builtinGlue string

// Module is the "diagnostics_channel" built-in.
var Module = modules.Module{Name: "diagnostics_channel", JSRef: &glue}

// Builtin is what diagnostics_channel shares with the built-ins that publish to node's built-in
// channels (http, net, dgram, child_process, worker_threads): the channels once the module is
// loaded, and watchers of their subscriptions.
var Builtin = modules.Module{Name: "internal/dc_builtin", Internal: true, JSRef: &builtinGlue}
