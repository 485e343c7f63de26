package modules

import "github.com/dop251/goja"

// Options is "internal/options": getOptionValue(name) as node's internal/options has it, for the
// options glue reads at run time (execArgv and GOJS_OPTIONS alike, underscores as dashes). A
// boolean option is true when given; --pending-deprecation also when NODE_PENDING_DEPRECATION=1,
// as node reads it at start.
var Options = Module{Name: "internal/options", Internal: true, Bind: bindOptions,
	JS: "'use strict';\nexports.getOptionValue = binding.getOptionValue;\n"}

func bindOptions(h *Host, b *goja.Object) error {
	flags := h.Flags()
	b.Set("getOptionValue", func(name string) goja.Value {
		v, ok := flags[name]
		switch {
		case name == "--pending-deprecation":
			return h.VM.ToValue(ok || h.Env["NODE_PENDING_DEPRECATION"] == "1")
		case !ok:
			return goja.Undefined()
		case v == "":
			return h.VM.ToValue(true)
		}
		return h.VM.ToValue(v)
	})
	return nil
}
