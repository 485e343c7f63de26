package path

import (
	_ "embed"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed glob.js
var globSrc string

// glob adds matchesGlob(path, pattern): the matcher is JS (it builds JS regular expressions,
// lookaheads included, as minimatch does) and is compiled on first use.
func (b *binder) glob(o *goja.Object, win bool) {
	b.fn(o, "matchesGlob", 2, func(c goja.FunctionCall) goja.Value {
		// (the matcher first: making it warns, as node's glob module does when it loads, before
		// the arguments are checked)
		if b.matcher == nil {
			v, err := b.vm.RunProgram(modules.CompileOnce("node:internal/fs/glob", globSrc))
			if err != nil {
				panic(err)
			}
			outer, _ := goja.AssertFunction(v)
			m, err := outer(goja.Undefined())
			if err != nil {
				panic(err)
			}
			b.matcher, _ = goja.AssertFunction(m)
		}
		p := b.str(c.Argument(0), "path")
		pattern := b.str(c.Argument(1), "pattern")
		r, err := b.matcher(goja.Undefined(), b.vm.ToValue(p), b.vm.ToValue(pattern), b.vm.ToValue(win))
		if err != nil {
			panic(err)
		}
		return r
	})
}
