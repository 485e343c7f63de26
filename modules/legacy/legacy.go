// Package legacy holds the small built-in modules that Node keeps for compatibility or exposes as
// thin views of others (https://nodejs.org/api/): `process` and `sys` (util), `constants` (the
// merged os, fs and crypto constants), the underscored internals that old packages still require
// (`_stream_readable` … `_http_server`, `_tls_wrap`, `_stream_wrap`), `trace_events` (the
// tracing API without a trace writer) and `inspector` (no debugger: it reports itself inactive,
// and opening or connecting throws ERR_INSPECTOR_NOT_AVAILABLE); the rarely used process
// methods that need other modules (loadEnvFile, report, setSourceMapsEnabled); and, for node's own
// tests under --expose-internals, internal/test/binding (internalBinding, primordials),
// internal/util, internal/error_serdes, internal/webidl, internal/cli_table,
// internal/console/constructor, internal/fs/sync_write_stream, internal/assert and the internal
// names of public pieces node's tests require (internal_shims.js).
package legacy

import (
	_ "embed"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

var (
	//go:embed trace_events.js
	traceEventsJS string
	//go:embed inspector.js
	inspectorJS string
	//go:embed http_internals.js
	httpInternalsJS string
	//go:embed stream_wrap.js
	streamWrapJS string
	//go:embed constants.js
	constantsJS string
	//go:embed process_extras.js
	processExtrasJS string
	//go:embed source_map.js
	sourceMapJS string
	//go:embed test_binding.js
	testBindingJS string
	//go:embed internal_util.js
	internalUtilJS string
	//go:embed internal_shims.js
	internalShimsJS string
	//go:embed error_serdes.js
	errorSerdesJS string
	//go:embed webidl.js
	webidlJS string
	//go:embed sync_write_stream.js
	syncWriteStreamJS string
)

// Modules lists every module of this package.
var Modules = []*modules.Module{
	{Name: "process", JS: "module.exports = process;"},
	{Name: "sys", JS: "process.emitWarning('sys is deprecated. Use util instead.', 'DeprecationWarning', 'DEP0025');\nmodule.exports = require('util');"},
	{Name: "constants", JSRef: &constantsJS},
	{Name: "_stream_readable", JS: "module.exports = require('stream').Readable;"},
	{Name: "_stream_writable", JS: "module.exports = require('stream').Writable;"},
	{Name: "_stream_duplex", JS: "module.exports = require('stream').Duplex;"},
	{Name: "_stream_transform", JS: "module.exports = require('stream').Transform;"},
	{Name: "_stream_passthrough", JS: "module.exports = require('stream').PassThrough;"},
	{Name: "_stream_wrap", JSRef: &streamWrapJS},
	{Name: "_http_agent", JS: "const h = require('http');\nmodule.exports = { Agent: h.Agent, globalAgent: h.globalAgent };"},
	{Name: "_http_client", JS: "module.exports = { ClientRequest: require('http').ClientRequest };"},
	{Name: "_http_common", JS: "module.exports = require('internal/http_internals').common;"},
	{Name: "_http_incoming", JS: "module.exports = require('internal/http_internals').incoming;"},
	{Name: "_http_outgoing", JS: "module.exports = require('internal/http_internals').outgoing;"},
	{Name: "_http_server", JS: "module.exports = require('internal/http_internals').server;"},
	{Name: "internal/http_internals", JSRef: &httpInternalsJS, Internal: true},
	{Name: "_tls_common", JS: "const t = require('tls');\nmodule.exports = { SecureContext: t.SecureContext, createSecureContext: t.createSecureContext, translatePeerCertificate: require('internal/http_internals').translatePeerCertificate };"},
	{Name: "_tls_wrap", JS: "const t = require('tls');\nmodule.exports = { TLSSocket: t.TLSSocket, Server: t.Server, createServer: t.createServer, connect: t.connect };"},
	{Name: "trace_events", JSRef: &traceEventsJS},
	{Name: "inspector", JSRef: &inspectorJS},
	{Name: "inspector/promises", JSRef: &inspectorJS},
	{Name: "internal/process/extras", JSRef: &processExtrasJS, Internal: true, Bind: bindExtras},
	{Name: "internal/source_map", JSRef: &sourceMapJS, Internal: true},
	// internal/test/binding: internalBinding and primordials for node's own tests (--expose-internals)
	{Name: "internal/test/binding", JSRef: &testBindingJS, Internal: true},
	// internal/util and views of the public modules under node's internal names, for node's tests
	{Name: "internal/util", JSRef: &internalUtilJS, Internal: true},
	{Name: "internal/node_test_shims", JSRef: &internalShimsJS, Internal: true},
	{Name: "internal/assert", Internal: true, JS: "const { codes } = require('internal/errors');\nfunction assert(value, message) { if (!value) throw new codes.ERR_INTERNAL_ASSERTION(message); }\nassert.fail = function fail(message) { throw new codes.ERR_INTERNAL_ASSERTION(message); };\nmodule.exports = assert;"},
	{Name: "internal/error_serdes", Internal: true, JSRef: &errorSerdesJS},
	{Name: "internal/webidl", Internal: true, JSRef: &webidlJS},
	{Name: "internal/fs/sync_write_stream", Internal: true, JSRef: &syncWriteStreamJS},
	// internal/console/constructor: node's formatTime (console.timeEnd's durations) from console's cold glue
	{Name: "internal/console/constructor", Internal: true, JS: "const b = internalBinding('console');\nconst cold = b.coldFactory()({ require, binding: b });\nmodule.exports = { Console: require('console').Console, formatTime: cold.formatTime };"},
	{Name: "internal/cli_table", Internal: true, JS: "module.exports = require('internal/console/table').renderTable;"},
	{Name: "internal/util/types", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/util/types']();"},
	{Name: "internal/url", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/url']();"},
	{Name: "internal/abort_controller", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/abort_controller']();"},
	{Name: "internal/streams/end-of-stream", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/streams/end-of-stream']();"},
	{Name: "internal/streams/destroy", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/streams/destroy']();"},
	{Name: "internal/streams/utils", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/streams/utils']();"},
	{Name: "internal/streams/add-abort-signal", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/streams/add-abort-signal']();"},
	{Name: "internal/streams/compose", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/streams/compose']();"},
	{Name: "internal/streams/pipeline", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/streams/pipeline']();"},
	{Name: "internal/streams/readable", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/streams/readable']();"},
	{Name: "internal/streams/writable", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/streams/writable']();"},
	{Name: "internal/streams/duplex", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/streams/duplex']();"},
	{Name: "internal/streams/transform", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/streams/transform']();"},
	{Name: "internal/streams/passthrough", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/streams/passthrough']();"},
	{Name: "internal/streams/legacy", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/streams/legacy']();"},
	{Name: "internal/streams/state", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/streams/state']();"},
	{Name: "internal/util/parse_args/parse_args", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/util/parse_args/parse_args']();"},
	{Name: "internal/events/abort_listener", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/events/abort_listener']();"},
	{Name: "internal/assert/calltracker", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/assert/calltracker']();"},
	{Name: "internal/blob", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/blob']();"},
	{Name: "internal/file", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/file']();"},
	{Name: "internal/socketaddress", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/socketaddress']();"},
	{Name: "internal/blocklist", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/blocklist']();"},
	{Name: "internal/freelist", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/freelist']();"},
	{Name: "internal/priority_queue", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/priority_queue']();"},
	{Name: "internal/webstreams/adapters", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/webstreams/adapters']();"},
	{Name: "internal/webstreams/readablestream", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/webstreams/readablestream']();"},
	{Name: "internal/webstreams/writablestream", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/webstreams/writablestream']();"},
	{Name: "internal/webstreams/transformstream", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/webstreams/transformstream']();"},
	{Name: "internal/webstreams/queuingstrategies", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/webstreams/queuingstrategies']();"},
	{Name: "internal/webstreams/encoding", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/webstreams/encoding']();"},
	{Name: "internal/webstreams/compression", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/webstreams/compression']();"},
	{Name: "internal/webstreams/util", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/webstreams/util']();"},
	{Name: "internal/fs/utils", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/fs/utils']();"},
	{Name: "internal/timers", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/timers']();"},
	{Name: "internal/util/comparisons", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/util/comparisons']();"},
	{Name: "internal/util/debuglog", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/util/debuglog']();"},
	{Name: "internal/linkedlist", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/linkedlist']();"},
	{Name: "internal/readline/utils", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/readline/utils']();"},
	{Name: "internal/net", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/net']();"},
	{Name: "internal/querystring", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/querystring']();"},
	{Name: "internal/constants", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/constants']();"},
	{Name: "internal/streams/from", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/streams/from']();"},
	{Name: "internal/readline/callbacks", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/readline/callbacks']();"},
	{Name: "internal/readline/emitKeypressEvents", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/readline/emitKeypressEvents']();"},
	{Name: "internal/readline/promises", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/readline/promises']();"},
	{Name: "internal/fs/streams", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/fs/streams']();"},
	{Name: "internal/fs/dir", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/fs/dir']();"},
	{Name: "internal/fs/promises", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/fs/promises']();"},
	{Name: "internal/http", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/http']();"},
	{Name: "internal/dgram", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/dgram']();"},
	{Name: "internal/perf/performance", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/perf/performance']();"},
	{Name: "internal/perf/performance_entry", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/perf/performance_entry']();"},
	{Name: "internal/perf/usertiming", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/perf/usertiming']();"},
	{Name: "internal/perf/utils", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/perf/utils']();"},
	{Name: "internal/perf/resource_timing", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/perf/resource_timing']();"},
	{Name: "internal/perf/event_loop_delay", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/perf/event_loop_delay']();"},
	{Name: "internal/perf/event_loop_utilization", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/perf/event_loop_utilization']();"},
	{Name: "internal/perf/timerify", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/perf/timerify']();"},
	{Name: "internal/histogram", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/histogram']();"},
	{Name: "internal/promise_hooks", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/promise_hooks']();"},
	{Name: "internal/v8/startup_snapshot", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/v8/startup_snapshot']();"},
	{Name: "internal/buffer", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/buffer']();"},
	{Name: "internal/process/task_queues", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/process/task_queues']();"},
	{Name: "internal/events/symbols", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/events/symbols']();"},
	{Name: "internal/worker", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/worker']();"},
	{Name: "internal/tty", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/tty']();"},
	{Name: "internal/util/colors", Internal: true, JS: "module.exports = require('internal/node_test_shims')['internal/util/colors']();"},
	// node:sea: gojs programs are never single-executable applications.
	{Name: "sea", SchemeOnly: true, JS: `const { codes } = require('internal/errors');
function notSea() { throw new codes.ERR_NOT_IN_SINGLE_EXECUTABLE_APPLICATION(); }
module.exports = {
  isSea() { return false; },
  getAsset(key, encoding) { notSea(); },
  getRawAsset(key) { notSea(); },
  getAssetAsBlob(key, options) { notSea(); },
};`},
}

// bindExtras gives process_extras.js the runtime's source-map switch (process.sourceMapsEnabled).
func bindExtras(h *modules.Host, b *goja.Object) error {
	b.Set("sourceMapsEnabled", h.SourceMapsEnabled)
	b.Set("setSourceMapsEnabled", h.SetSourceMapsEnabled)
	return nil
}
