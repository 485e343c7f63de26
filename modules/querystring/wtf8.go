package querystring

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// JS strings may hold lone surrogates, which Go's UTF-8 strings cannot: values that have them are
// carried as WTF-8 (modules.WTF8) so the byte-level scanners here keep them intact.

func wtf8(v goja.Value) string { return modules.WTF8(v) }

func hasSurrogate(s string) bool { return modules.HasWTF8Surrogate(s) }

func wtf8Units(s string) []uint16 { return modules.WTF8Units(s) }

func jsString(vm *goja.Runtime, s string) goja.Value { return modules.WTF8Value(vm, s) }
