// Package nodeerr provides the internal modules "internal/errors" and "internal/validators"
// that every built-in's glue uses to throw Node's errors with Node's codes and messages
// (https://nodejs.org/api/errors.html#nodejs-error-codes).
package nodeerr

import (
	_ "embed"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed errors.js
var errorsJS string

//go:embed validators.js
var validatorsJS string

// Errors is the "internal/errors" module.
var Errors = modules.Module{Name: "internal/errors", Internal: true, Bind: bindErrors, JS: errorsJS}

// Validators is the "internal/validators" module.
var Validators = modules.Module{Name: "internal/validators", Internal: true, JS: validatorsJS}

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
