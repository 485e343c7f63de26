package runtime

import (
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/intl"
)

// installDateStrings puts node's forms in place of two of goja's Date methods' output:
// toString and toTimeString end in ICU's long zone name, "(Coordinated Universal Time)", where
// goja prints the abbreviation "(UTC)"; toISOString (and so toJSON and util.inspect) writes a
// year outside 0..9999 with a sign and six digits ("+010000", "-000001"), as the spec's
// expanded years are, where goja writes "+10000" and "-0001". Each wraps goja's method, which
// keeps its receiver checks and errors. They are installed before the first script that names
// Date runs (noteScriptSource), so that a runtime that never does pays nothing (60 allocations).
func (rt *Runtime) installDateStrings() {
	rt.dateStringsFixed = true
	rt.installProtoGuards("Date") // (guardtemplate.go)
}

// dateStringMethod is Date.prototype's toString, toTimeString or toISOString (name) in node's
// form, wrapping goja's own (orig); nil if orig is not a function.
func (rt *Runtime) dateStringMethod(name string, orig goja.Value) *goja.Object {
	vm := rt.vm
	f, ok := goja.AssertFunction(orig)
	if !ok {
		return nil
	}
	fix := dateISOYear
	if name != "toISOString" {
		fix = dateZoneName
	}
	return modules.Func(vm, name, 0, func(call goja.FunctionCall) goja.Value {
		v := callThrowing(f, call.This)
		s := v.String()
		if f := fix(call.This, s); f != s {
			return vm.ToValue(f)
		}
		return v
	})
}

// dateZoneName puts the long zone name in place of the abbreviation in a toString form s of
// this.
func dateZoneName(this goja.Value, s string) string {
	i := strings.LastIndex(s, " (")
	if i < 0 || !strings.HasSuffix(s, ")") {
		return s // Invalid Date
	}
	o, _ := this.(*goja.Object)
	if o == nil {
		return s
	}
	t, ok := modules.ExportAs[time.Time](o)
	if !ok {
		return s
	}
	return s[:i+2] + intl.LongZoneName(t.In(time.Local)) + ")"
}

// dateISOYear writes an expanded year in an ISO form s with six digits.
func dateISOYear(_ goja.Value, s string) string {
	if s == "" || (s[0] != '+' && s[0] != '-') {
		return s
	}
	digits := strings.IndexByte(s[1:], '-')
	if digits < 0 || digits >= 6 {
		return s
	}
	return s[:1] + "000000"[digits:] + s[1:]
}
