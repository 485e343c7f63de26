// Package path implements Node's path module ("path", "path/posix", "path/win32"):
// https://nodejs.org/api/path.html.
//
// Both flavours are written in Go and exposed as plain native functions (no JS glue), because
// path.join and path.resolve are on every module load's hot path. They follow Node's algorithms
// decision for decision, quirks included (win32 reserved device names, "/.." parsing, UNC and
// \\?\ device roots). resolve works against the runtime's cwd (Host.Cwd), never the process's,
// and win32.resolve reads per-drive cwds ("=C:") from the runtime's env.
package path

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// Module is "path": path.posix on Linux, with .posix and .win32.
var Module = modules.Module{Name: "path", Bind: bind}

// PosixModule is "path/posix", the same object as require('path').posix.
var PosixModule = modules.Module{Name: "path/posix", JS: "module.exports = require('path').posix;"}

// Win32Module is "path/win32", the same object as require('path').win32.
var Win32Module = modules.Module{Name: "path/win32", JS: "module.exports = require('path').win32;"}

type binder struct {
	h       *modules.Host
	vm      *goja.Runtime
	matcher goja.Callable // matchesGlob's JS matcher, once compiled
	cwdFn   func() string // processCwd, bound once so resolve does not allocate it per call
	proc    *goja.Object  // the process object
	origCwd goja.Value    // process.cwd as the runtime made it: while unchanged, Host.Cwd answers
	cwd     cwdCache      // posix.resolve's normalized cwd
	posix   *goja.Object  // path.posix (path itself)
	call    pathCall      // the function running, for node's frame of a bad argument (nodeplaces.go)
}

func (b *binder) str(v goja.Value, name string) string {
	if !goja.IsString(v) {
		b.throwArg(modules.InvalidArgType(name, []string{"string"}, v), name)
	}
	return modules.WTF8(v)
}

// out is a path result as a JS string: lone surrogates the arguments held (carried as WTF-8)
// come back as they were, as node's JS path keeps them.
func (b *binder) out(s string) goja.Value {
	return modules.WTF8Value(b.vm, s)
}

// processCwd is the cwd resolve falls back to. Node calls process.cwd(), so a replaced
// process.cwd is honoured; while it is the one the runtime made, the runtime's cwd answers
// without a JS call.
func (b *binder) processCwd() string {
	if b.proc == nil {
		return b.h.Cwd()
	}
	f := b.proc.Get("cwd")
	if f == nil || f.SameAs(b.origCwd) {
		return b.h.Cwd()
	}
	call, ok := goja.AssertFunction(f)
	if !ok {
		panic(b.vm.NewTypeError("process.cwd is not a function"))
	}
	v, err := call(b.proc)
	if err != nil {
		panic(err)
	}
	return modules.WTF8(v) // node 20 takes it as it is: `${cwd}/${path}`
}

func (b *binder) env(k string) (string, bool) {
	v, ok := b.h.Env[k]
	return v, ok
}

var pathsNames = [...]string{"paths[0]", "paths[1]", "paths[2]", "paths[3]", "paths[4]", "paths[5]", "paths[6]", "paths[7]"}

func pathsName(i int) string {
	if i < len(pathsNames) {
		return pathsNames[i]
	}
	return "paths[" + itoa(i) + "]"
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var buf [20]byte
	n := len(buf)
	for i > 0 {
		n--
		buf[n] = byte('0' + i%10)
		i /= 10
	}
	return string(buf[n:])
}

func (b *binder) fn(o *goja.Object, name string, length int, f func(goja.FunctionCall) goja.Value) {
	b.fnAs(o, name, name, length, f)
}

// fnAs sets o[key] to f, with f.name set to name.
func (b *binder) fnAs(o *goja.Object, key, name string, length int, f func(goja.FunctionCall) goja.Value) {
	kind := 1
	if o == b.posix {
		kind = 0
	}
	places := checkPlaces[kind][key]
	o.Set(key, modules.Func(b.vm, name, length, func(c goja.FunctionCall) goja.Value {
		b.call = pathCall{key, places, c.This}
		return f(c)
	}))
}

func (b *binder) parsedObject(r parsed) goja.Value {
	o := b.vm.NewObject()
	o.Set("root", b.out(r.root))
	o.Set("dir", b.out(r.dir))
	o.Set("base", b.out(r.base))
	o.Set("ext", b.out(r.ext))
	o.Set("name", b.out(r.name))
	return o
}

// format is Node's _format: JS truthiness and string conversion on whatever the object holds.
func (b *binder) format(sep string, call goja.FunctionCall) goja.Value {
	v := call.Argument(0)
	o, ok := v.(*goja.Object)
	if !ok || isArrayOrFunc(b.vm, o) {
		// (format is _format bound: node's frame is _format's, without a receiver)
		b.call = pathCall{"_format", []checkPlace{{"", 174, 3}}, goja.Undefined()}
		b.throwArg(modules.InvalidArgType("pathObject", []string{"object"}, v), "pathObject")
	}
	// (read in node's order: dir, root only when dir is falsy, base, name and ext only when base
	// is falsy, and root again to compare with a truthy dir)
	dir := o.Get("dir")
	if dir == nil || !dir.ToBoolean() {
		dir = o.Get("root")
	}
	base := o.Get("base")
	var baseStr string
	if base != nil && base.ToBoolean() {
		baseStr = modules.WTF8(base)
	} else {
		if name := o.Get("name"); name != nil && name.ToBoolean() {
			baseStr = modules.WTF8(name)
		}
		if ext := o.Get("ext"); ext != nil && ext.ToBoolean() {
			e := modules.WTF8(ext)
			// ext[0] on a non-string is undefined: not '.'
			if !goja.IsString(ext) || e == "" || e[0] != '.' {
				baseStr += "."
			}
			baseStr += e
		}
	}
	if dir == nil || !dir.ToBoolean() {
		if base != nil && base.ToBoolean() {
			return base // node returns pathObject.base itself, not its string form
		}
		return b.out(baseStr)
	}
	root := o.Get("root")
	if root == nil {
		root = goja.Undefined()
	}
	if dir.StrictEquals(root) {
		return b.out(modules.WTF8(dir) + baseStr)
	}
	return b.out(modules.WTF8(dir) + sep + baseStr)
}

func isArrayOrFunc(vm *goja.Runtime, o *goja.Object) bool {
	if _, ok := goja.AssertFunction(o); ok {
		return true
	}
	return o.ClassName() == "Array"
}

func bind(h *modules.Host, posix *goja.Object) error {
	b := &binder{h: h, vm: h.VM, posix: posix}
	b.cwdFn = b.processCwd
	// process.cwd as the runtime made it, taken now, before user code can replace it.
	if h.RequireFn != nil {
		if v, err := h.RequireFn("process"); err == nil {
			if o, ok := v.(*goja.Object); ok {
				b.proc, b.origCwd = o, o.Get("cwd")
			}
		}
	}
	vm := b.vm
	win := vm.NewObject()

	// posix
	b.fn(posix, "resolve", 0, func(c goja.FunctionCall) goja.Value {
		return b.out(posixResolveFn(len(c.Arguments), func(i int) string {
			return b.str(c.Arguments[i], pathsName(i))
		}, b.cwdFn, &b.cwd))
	})
	b.fn(posix, "normalize", 1, func(c goja.FunctionCall) goja.Value {
		return b.out(posixNormalize(b.str(c.Argument(0), "path")))
	})
	b.fn(posix, "isAbsolute", 1, func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(posixIsAbsolute(b.str(c.Argument(0), "path")))
	})
	b.fn(posix, "join", 0, func(c goja.FunctionCall) goja.Value {
		return b.out(posixJoin(b.strs(c.Arguments, make([]string, 0, 8))))
	})
	b.fn(posix, "relative", 2, func(c goja.FunctionCall) goja.Value {
		from := b.str(c.Argument(0), "from")
		to := b.str(c.Argument(1), "to")
		return b.out(posixRelative(from, to, b.processCwd()))
	})
	b.fn(posix, "toNamespacedPath", 1, func(c goja.FunctionCall) goja.Value {
		return c.Argument(0)
	})
	b.fn(posix, "dirname", 1, func(c goja.FunctionCall) goja.Value {
		return b.out(posixDirname(b.str(c.Argument(0), "path")))
	})
	b.fn(posix, "basename", 2, func(c goja.FunctionCall) goja.Value {
		suffix, has := b.suffix(c.Argument(1))
		p := b.str(c.Argument(0), "path")
		return b.out(basename(p, suffix, has, 0, isPosixSep))
	})
	b.fn(posix, "extname", 1, func(c goja.FunctionCall) goja.Value {
		return b.out(extname(b.str(c.Argument(0), "path"), 0, isPosixSep))
	})
	b.fnAs(posix, "format", "bound _format", 1, func(c goja.FunctionCall) goja.Value { return b.format("/", c) })
	b.fn(posix, "parse", 1, func(c goja.FunctionCall) goja.Value {
		return b.parsedObject(posixParse(b.str(c.Argument(0), "path")))
	})
	b.glob(posix, false)
	posix.Set("sep", "/")
	posix.Set("delimiter", ":")
	posix.Set("win32", win)
	posix.Set("posix", posix)
	posix.Set("_makeLong", posix.Get("toNamespacedPath"))

	// win32
	b.fn(win, "resolve", 0, func(c goja.FunctionCall) goja.Value {
		return b.out(win32ResolveFn(len(c.Arguments), func(i int) string {
			return b.str(c.Arguments[i], pathsName(i))
		}, b.processCwd(), b.env))
	})
	b.fn(win, "normalize", 1, func(c goja.FunctionCall) goja.Value {
		return b.out(win32Normalize(b.str(c.Argument(0), "path")))
	})
	b.fn(win, "isAbsolute", 1, func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(win32IsAbsolute(b.str(c.Argument(0), "path")))
	})
	b.fn(win, "join", 0, func(c goja.FunctionCall) goja.Value {
		return b.out(win32Join(b.strs(c.Arguments, make([]string, 0, 8))))
	})
	b.fn(win, "relative", 2, func(c goja.FunctionCall) goja.Value {
		from := b.str(c.Argument(0), "from")
		to := b.str(c.Argument(1), "to")
		return b.out(win32Relative(from, to, b.processCwd(), b.env))
	})
	b.fn(win, "toNamespacedPath", 1, func(c goja.FunctionCall) goja.Value {
		v := c.Argument(0)
		if !goja.IsString(v) {
			return v
		}
		return b.out(win32ToNamespaced(modules.WTF8(v), b.processCwd(), b.env))
	})
	b.fn(win, "dirname", 1, func(c goja.FunctionCall) goja.Value {
		return b.out(win32Dirname(b.str(c.Argument(0), "path")))
	})
	b.fn(win, "basename", 2, func(c goja.FunctionCall) goja.Value {
		suffix, has := b.suffix(c.Argument(1))
		p := b.str(c.Argument(0), "path")
		return b.out(win32Basename(p, suffix, has))
	})
	b.fn(win, "extname", 1, func(c goja.FunctionCall) goja.Value {
		return b.out(win32Extname(b.str(c.Argument(0), "path")))
	})
	b.fnAs(win, "format", "bound _format", 1, func(c goja.FunctionCall) goja.Value { return b.format(`\`, c) })
	b.fn(win, "parse", 1, func(c goja.FunctionCall) goja.Value {
		return b.parsedObject(win32Parse(b.str(c.Argument(0), "path")))
	})
	b.glob(win, true)
	win.Set("sep", `\`)
	win.Set("delimiter", ";")
	win.Set("win32", win)
	win.Set("posix", posix)
	win.Set("_makeLong", win.Get("toNamespacedPath"))
	return nil
}

func (b *binder) suffix(v goja.Value) (string, bool) {
	if goja.IsUndefined(v) {
		return "", false
	}
	return b.str(v, "suffix"), true
}

// strs validates and converts args into buf (when it fits, to spare an allocation).
func (b *binder) strs(args []goja.Value, buf []string) []string {
	out := buf[:0]
	for _, a := range args {
		out = append(out, b.str(a, "path"))
	}
	return out
}
