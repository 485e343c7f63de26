// Package stream implements Node's stream modules: "stream" (Readable, Writable, Duplex,
// Transform, PassThrough, pipeline, finished, compose, addAbortSignal and the Readable
// operators), "stream/promises", "stream/consumers" and "stream/web" (the WHATWG streams,
// which the runtime also installs as globals).
//
// See https://nodejs.org/docs/latest-v20.x/api/stream.html and
// https://nodejs.org/docs/latest-v20.x/api/webstreams.html.
//
// Everything is JS glue: streams are event plumbing whose cost is per chunk, not per byte, and
// the bytes themselves move as Buffer references without copies. The glue is written for Node
// 20's exact event order (which events fire synchronously and which on process.nextTick).
package stream

import (
	_ "embed"

	"github.com/gojs-dev/gojs/modules"
)

//go:embed errors.js
var errorsJS string

//go:embed streams.js
var streamsJS string

//go:embed stream.js
var streamJS string

//go:embed promises.js
var promisesJS string

//go:embed consumers.js
var consumersJS string

//go:embed web.js
var webJS string

//go:embed webstreams.js
var webstreamsJS string

// Errors is "internal/streams/errors": the stream error codes with Node's messages.
var Errors = modules.Module{Name: "internal/streams/errors", Internal: true, JSRef: &errorsJS}

// Internal is "internal/streams": the stream classes and helpers shared by the public modules.
// Its rarely used parts (pipeline's machinery, compose, Duplex.from, the operators, the async
// iterator, inspect's views of the states) are compiled on first use (modules.GluePart).
var Internal = modules.Module{Name: "internal/streams", Internal: true, JSRef: &streamsJS, Bind: bindInternal, GlueParts: true}

// Module is "stream".
var Module = modules.Module{Name: "stream", JSRef: &streamJS}

// Promises is "stream/promises".
var Promises = modules.Module{Name: "stream/promises", JSRef: &promisesJS}

// Consumers is "stream/consumers".
var Consumers = modules.Module{Name: "stream/consumers", JSRef: &consumersJS}

// Web is "stream/web".
var Web = modules.Module{Name: "stream/web", JSRef: &webJS}

// WebInternal is "internal/webstreams": the WHATWG streams implementation.
var WebInternal = modules.Module{Name: "internal/webstreams", Internal: true, JSRef: &webstreamsJS, Bind: bindWeb, GlueParts: true}
