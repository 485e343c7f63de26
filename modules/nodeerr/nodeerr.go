// Package nodeerr provides the internal modules "internal/errors" and "internal/validators"
// that every built-in's glue uses to throw Node's errors with Node's codes and messages
// (https://nodejs.org/api/errors.html#nodejs-error-codes).
package nodeerr

import (
	"strings"

	_ "embed"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed errors.js
var errorsJS string

//go:embed validators.js
var validatorsJS string

// Errors is the "internal/errors" module.
var Errors = modules.Module{Name: "internal/errors", Internal: true, Bind: bindErrors, JSRef: &errorsJS}

// Validators is the "internal/validators" module.
var Validators = modules.Module{Name: "internal/validators", Internal: true, JSRef: &validatorsJS}

func bindErrors(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	b.Set("invalidArgTypeMessage", func(name string, expected goja.Value, actual goja.Value) string {
		var list []string
		if o, ok := expected.(*goja.Object); ok && o.ClassName() == "Array" {
			_ = vm.ExportTo(o, &list)
		} else {
			list = []string{expected.String()}
		}
		return modules.InvalidArgTypeMessage(name, list, actual)
	})
	b.Set("lazyCodes", func(define goja.Callable) *goja.Object {
		return vm.NewDynamicObject(&lazyCodes{vm: vm, define: define, vals: map[string]goja.Value{}})
	})
	b.Set("kIsNodeError", modules.SymIsNodeError)
	// toNodeError(err, Base, code) gives err the prototype of code's errors and returns it;
	// toNodeError(null, Base, code) returns that prototype (modules.Host.NodeErrorProto)
	b.Set("toNodeError", func(call goja.FunctionCall) goja.Value {
		base, ok := call.Argument(1).(*goja.Object)
		if !ok {
			return call.Argument(0)
		}
		code := call.Argument(2).String()
		if err, ok := call.Argument(0).(*goja.Object); ok {
			h.ToNodeError(err, base, code)
			return err
		}
		return h.NodeErrorProto(base, code)
	})
	// setCodeAndMessage(err, code, message): modules.SetCodeAndMessage
	b.Set("setCodeAndMessage", func(err *goja.Object, code string, message goja.Value) {
		if err != nil {
			msg := ""
			if message != nil && !goja.IsUndefined(message) {
				msg = message.String()
			}
			modules.SetCodeAndMessage(vm, err, code, msg)
		}
	})
	// hideableCode(code): modules.HideableCode; hiddenProto(Base, code): Host.HiddenErrorProto
	b.Set("hideableCode", modules.HideableCode)
	b.Set("hiddenProto", func(base *goja.Object, code string) *goja.Object {
		return h.HiddenErrorProto(base, code)
	})
	// setArrowMessage(err, arrow): Host.SetArrowMessage (node's internal/errors export)
	b.Set("setArrowMessage", func(err goja.Value, arrow string) {
		if o, ok := err.(*goja.Object); ok && h.SetArrowMessage != nil {
			h.SetArrowMessage(o, arrow)
		}
	})
	// settle(err, Base, code), once err's code and message are set: Host.SettleNodeError
	b.Set("settle", func(err, base *goja.Object, code string) {
		if err != nil && base != nil {
			h.SettleNodeError(err, base, code)
		}
	})
	b.Set("userPrepareStackTrace", h.UserPrepareStackTrace)
	b.Set("formStackOnRead", func(err goja.Value, form goja.Callable) bool {
		o, ok := err.(*goja.Object)
		return ok && form != nil && h.FormStackOnRead != nil && h.FormStackOnRead(o, form)
	})
	b.Set("describeReceived", func(v goja.Value) string { return modules.DescribeReceived(v) })
	b.Set("inspectPrimitive", func(v goja.Value) string { return modules.InspectPrimitive(v) })
	b.Set("errnoName", func(errno int) string {
		if errno < 0 {
			errno = -errno
		}
		code, _ := modules.ErrnoCode(syscallErrno(errno))
		return code
	})
	b.Set("systemErrorMessage", func(errno int, syscall, path, dest string) string {
		if errno < 0 {
			errno = -errno
		}
		e := &modules.SystemError{Errno: syscallErrno(errno), Syscall: syscall, Path: path, Dest: dest}
		return e.Message()
	})
	return nil
}

// lazyCodes is the `codes` object of internal/errors: a code's constructor is made by the glue's
// define function the first time the code is looked up, then kept.
type lazyCodes struct {
	vm       *goja.Runtime
	define   goja.Callable
	vals     map[string]goja.Value
	order    []string
	defining map[string]bool
}

func (c *lazyCodes) Get(key string) goja.Value {
	if v, ok := c.vals[key]; ok {
		return v
	}
	// Assigning codes[key] inside define looks the key up again: answer "absent" then.
	if !strings.HasPrefix(key, "ERR_") || c.defining[key] {
		return nil
	}
	if c.defining == nil {
		c.defining = map[string]bool{}
	}
	c.defining[key] = true
	defer delete(c.defining, key)
	if _, err := c.define(goja.Undefined(), c.vm.ToValue(key)); err != nil {
		panic(err)
	}
	return c.vals[key]
}

func (c *lazyCodes) Set(key string, val goja.Value) bool {
	if _, ok := c.vals[key]; !ok {
		c.order = append(c.order, key)
	}
	c.vals[key] = val
	return true
}

func (c *lazyCodes) Has(key string) bool { return c.Get(key) != nil }

func (c *lazyCodes) Delete(key string) bool {
	if _, ok := c.vals[key]; ok {
		delete(c.vals, key)
		for i, k := range c.order {
			if k == key {
				c.order = append(c.order[:i:i], c.order[i+1:]...)
				break
			}
		}
	}
	return true
}

// Keys lists the codes defined so far.
func (c *lazyCodes) Keys() []string { return append([]string(nil), c.order...) }
