package modules

import "time"

// Milestones are the moments of a runtime's start that performance.nodeTiming reports, as node's
// are of its process: NodeStart when the runtime began to be made, V8Start once its engine
// existed, Environment once the built-ins' bootstrap ran, BootstrapComplete once the runtime was
// ready to run a program. A zero time is one the runtime did not record.
type Milestones struct {
	NodeStart, V8Start, Environment, BootstrapComplete time.Time
}

type milestonesKey struct{}

// Milestones returns the runtime's start milestones, for the runtime to fill as it starts and
// perf_hooks to read. Loop only.
func (h *Host) Milestones() *Milestones {
	return h.State(milestonesKey{}, func() any { return &Milestones{} }).(*Milestones)
}
