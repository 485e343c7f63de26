package runtime

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/util"
)

// vmModuleModule (internal/vm_module) gives vm's SourceTextModule (--experimental-vm-modules)
// what it needs of the ES module loader: a module's source transformed as the loader transforms
// a file (esm.go), its requests and the names it reads of each, and its function compiled.
//
// Binding: transform(source, identifier) -> {code, async, deps, used, exports} (exports is
// undefined when a star export makes the list dynamic; placeholders is [names, inTDZ] for
// the namespace before the body runs), or throws the SyntaxError;
// compile(code, identifier) -> the module's function, called as esm.js calls a file's
// (require, module, import.meta, import(), helpers); wrapperPrefix is that function's opening,
// for code compiled in a context; markNamespace(ns) makes ns inspect as a module namespace.
var vmModuleModule = modules.Module{Name: "internal/vm_module", Internal: true, Bind: bindVMModule}

func bindVMModule(h *modules.Host, b *goja.Object) error {
	rt := h.State(runtimeStateKey, func() any { return (*Runtime)(nil) }).(*Runtime)
	vm := rt.vm
	b.Set("transform", func(src, identifier string) goja.Value {
		src = stripShebang(src)
		rt.sources[identifier] = src // (a syntax error's excerpt)
		t, err := transformModule(src, identifier, "js", true, "")
		if err != nil {
			if te, ok := err.(*transformError); ok {
				panic(rt.syntaxErrorWidth(te.msg, identifier, te.line, te.col, te.width))
			}
			panic(vm.NewGoError(err))
		}
		o := vm.NewObject()
		o.Set("code", t.code)
		o.Set("async", t.async)
		setModuleScan(vm, o, t.code)
		if names, tdz := exportPlaceholders(t.code); names != nil {
			o.Set("placeholders", []any{names, tdz})
		}
		return o
	})
	b.Set("compile", func(code, identifier string) goja.Value {
		prg, err := compileSourceMode(identifier, esmWrapperPrefix+code+"\n})", true)
		return rt.wrapperFunc(prg, err, identifier)
	})
	b.Set("wrapperPrefix", esmWrapperPrefix)
	b.Set("markNamespace", func(call goja.FunctionCall) goja.Value {
		if o, ok := call.Argument(0).(*goja.Object); ok {
			util.MarkModuleNamespace(rt.host, o)
		}
		return goja.Undefined()
	})
	return nil
}
