// Package v8 implements Node's v8 module: https://nodejs.org/api/v8.html.
//
// Heap statistics come from Go's runtime.MemStats (the Go heap is the only heap a gojs runtime
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
	"runtime"
	"runtime/debug"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed v8.js
var glue string

// Module is "v8".
var Module = modules.Module{Name: "v8", Bind: bind, JSRef: &glue}

func bind(h *modules.Host, o *goja.Object) error {
	// callThrough(fn, this, ...args) calls fn from Go (see Host.CallThrough)
	o.Set("callThrough", h.CallThrough)
	// heapStats returns [total heap, physical, available, used, limit, malloced, peak malloced].
	o.Set("heapStats", func() []float64 {
		// MemStats, not runtime/metrics: that package builds a table of every metric at process
		// start, which every gojs process would pay for. The fields are the same counters:
		// heap objects, unused (in-use spans minus objects), free (idle minus released), total
		// mapped, released, other, and the collector's metadata.
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		used := float64(m.HeapAlloc)
		unused := float64(m.HeapInuse - m.HeapAlloc)
		free := float64(m.HeapIdle - m.HeapReleased)
		total := used + unused + free
		physical := float64(m.Sys - m.HeapReleased)
		limit := float64(debug.SetMemoryLimit(-1))
		if limit > 1<<50 {
			limit = 4345298944 // Node's default on a 64-bit machine with this much memory
		}
		if h.Worker != nil && h.Worker.ResourceLimits[1] > 0 {
			// a worker given an old generation limit: V8's heap is that and the young one
			rl := h.Worker.ResourceLimits
			young := rl[0]
			if young <= 0 {
				young = 48
			}
			limit = (max(rl[1], 2) + young) * (1 << 20)
		}
		avail := limit - used
		if avail < 0 {
			avail = 0
		}
		return []float64{total, physical, avail, used, limit, float64(m.OtherSys), float64(m.OtherSys + m.GCSys)}
	})
	return nil
}
