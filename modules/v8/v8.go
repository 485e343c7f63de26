// Package v8 implements Node's v8 module: https://nodejs.org/api/v8.html.
//
// Heap statistics come from Go's runtime/metrics (the Go heap is the only heap a gojs runtime
// has, shared by every runtime in the process). serialize/deserialize and the
// Serializer/Deserializer classes write and read V8's ValueSerializer wire format, version 15,
// in JS glue; the worker_threads module uses the same format for messages.
//
// Differences from Node: all heap bytes are reported under old_space; getHeapSnapshot,
// writeHeapSnapshot and queryObjects throw ERR_METHOD_NOT_IMPLEMENTED; setFlagsFromString,
// promiseHooks, startupSnapshot and coverage are accepted and do nothing; an array is written
// in the sparse form exactly when it has holes (V8 decides by its internal elements kind);
// SharedArrayBuffer, WebAssembly modules and host objects other than typed arrays cannot be
// serialized.
package v8

import (
	_ "embed"
	"runtime/debug"
	"runtime/metrics"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed v8.js
var glue string

// Module is "v8".
var Module = modules.Module{Name: "v8", Bind: bind, JSRef: &glue}

var sampleNames = []string{
	"/memory/classes/heap/objects:bytes",
	"/memory/classes/heap/unused:bytes",
	"/memory/classes/heap/free:bytes",
	"/memory/classes/total:bytes",
	"/memory/classes/heap/released:bytes",
	"/memory/classes/other:bytes",
	"/memory/classes/metadata/other:bytes",
}

func bind(h *modules.Host, o *goja.Object) error {
	// heapStats returns [total heap, physical, available, used, limit, malloced, peak malloced].
	o.Set("heapStats", func() []float64 {
		s := make([]metrics.Sample, len(sampleNames))
		for i, n := range sampleNames {
			s[i].Name = n
		}
		metrics.Read(s)
		val := func(i int) float64 {
			if s[i].Value.Kind() == metrics.KindUint64 {
				return float64(s[i].Value.Uint64())
			}
			return 0
		}
		used := val(0)
		total := used + val(1) + val(2)
		physical := val(3) - val(4)
		limit := float64(debug.SetMemoryLimit(-1))
		if limit > 1<<50 {
			limit = 4345298944 // Node's default on a 64-bit machine with this much memory
		}
		avail := limit - used
		if avail < 0 {
			avail = 0
		}
		return []float64{total, physical, avail, used, limit, val(5), val(5) + val(6)}
	})
	return nil
}
