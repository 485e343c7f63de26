// Package perfhooks implements Node's perf_hooks module and the performance global:
// https://nodejs.org/api/perf_hooks.html.
//
// The clock is Go's monotonic clock measured from process start (performance.timeOrigin is that
// instant in Unix milliseconds), as Node measures from its own start. Marks, measures, observers,
// timerify and histograms are JS glue.
package perfhooks

import (
	_ "embed"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed perf_hooks.js
var glue string

//go:embed observe.js
var observeGlue string

// Module is "perf_hooks".
var Module = modules.Module{Name: "perf_hooks", Bind: bind, JSRef: &glue}

// Observe is "internal/perf/observe": whether node's own entries (dns...) are observed, and their
// report to perf_hooks, for built-ins that must not load perf_hooks to find out.
var Observe = modules.Module{Name: "internal/perf/observe", Internal: true, Bind: bindObserve, JSRef: &observeGlue}

func bindObserve(h *modules.Host, o *goja.Object) error {
	o.Set("now", func(goja.FunctionCall) goja.Value {
		return h.VM.ToValue(float64(time.Since(modules.ProcessStart).Nanoseconds()) / 1e6)
	})
	return nil
}

func bind(h *modules.Host, o *goja.Object) error {
	o.Set("now", func(goja.FunctionCall) goja.Value {
		return h.VM.ToValue(float64(time.Since(modules.ProcessStart).Nanoseconds()) / 1e6)
	})
	o.Set("timeOrigin", float64(modules.ProcessStart.UnixNano())/1e6)
	// loopStart is when the event loop started, in performance.now() milliseconds (-1 before).
	o.Set("loopStart", func(goja.FunctionCall) goja.Value {
		t := h.Loop.LoopStart()
		if t.IsZero() {
			return h.VM.ToValue(-1)
		}
		return h.VM.ToValue(float64(t.Sub(modules.ProcessStart).Nanoseconds()) / 1e6)
	})
	// idleTime is how long the loop has waited for work, in milliseconds.
	o.Set("idleTime", func(goja.FunctionCall) goja.Value {
		return h.VM.ToValue(float64(h.Loop.IdleTime().Nanoseconds()) / 1e6)
	})
	// bindTime is when this runtime first used perf_hooks, for nodeTiming's milestones.
	bindTime := float64(time.Since(modules.ProcessStart).Nanoseconds()) / 1e6
	o.Set("bindTime", bindTime)
	// milestones are the runtime's start (nodeStart, v8Start, environment, bootstrapComplete),
	// in performance.now() milliseconds; one the runtime did not record is bindTime.
	ms := h.Milestones()
	at := func(t time.Time) float64 {
		if t.IsZero() {
			return bindTime
		}
		return float64(t.Sub(modules.ProcessStart).Nanoseconds()) / 1e6
	}
	o.Set("milestones", []float64{at(ms.NodeStart), at(ms.V8Start), at(ms.Environment), at(ms.BootstrapComplete)})
	return nil
}
