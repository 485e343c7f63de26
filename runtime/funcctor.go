package runtime

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// installFunctionCtor replaces the global Function by a native constructor that builds the
// engine's function (Reflect.construct, so subclasses work) and, when the source does not
// compile, throws the SyntaxError V8 would: goja's reads "SyntaxError: <eval>: Line 4:1
// Unexpected token } (and 2 more errors)", V8's "Unexpected token '}'" (modules.V8SyntaxError
// reads it against the source goja compiled, which is V8's too:
// "(function anonymous(params\n) {\nbody\n})").
func (rt *Runtime) installFunctionCtor() {
	vm := rt.vm
	g := vm.GlobalObject()
	native := g.Get("Function").ToObject(vm)
	proto := native.Get("prototype").ToObject(vm)
	construct, _ := goja.AssertFunction(g.Get("Reflect").ToObject(vm).Get("construct"))
	var ctor *goja.Object
	ctor = vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		// the arguments become strings once, here, so that the source can be rebuilt on error
		args := call.Arguments
		strs := make([]string, len(args))
		conv := true
		for _, a := range args {
			if _, sym := a.(*goja.Symbol); sym {
				conv = false
			}
		}
		arr := vm.NewArray()
		for i, a := range args {
			if conv {
				strs[i] = a.String()
				arr.Set(strconv.Itoa(i), strs[i])
			} else {
				arr.Set(strconv.Itoa(i), a)
			}
		}
		nt := call.NewTarget
		if nt == nil {
			nt = ctor
		}
		v, err := construct(goja.Undefined(), native, arr, nt)
		if err != nil {
			if conv {
				if e := rt.v8FunctionSyntaxError(err, strs); e != nil {
					panic(e)
				}
			}
			panic(err)
		}
		return v.ToObject(vm)
	}).ToObject(vm)
	modules.NameFunc(vm, ctor, "Function", 1)
	ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	g.DefineDataProperty("Function", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	// AsyncFunction and GeneratorFunction inherit from Function, as the spec has them
	if v, err := vm.RunProgram(modules.CompileOnce("gojs:function-ctors", functionCtorsJS)); err == nil {
		arr := v.ToObject(vm)
		for _, k := range []string{"0", "1"} {
			if o, ok := arr.Get(k).(*goja.Object); ok {
				_ = o.SetPrototype(ctor)
			}
		}
	}
}

const functionCtorsJS = "[Object.getPrototypeOf(async function () {}).constructor, Object.getPrototypeOf(function* () {}).constructor]"

// v8FunctionSyntaxError turns the SyntaxError goja threw for new Function(args...) into V8's,
// or returns nil when err is something else.
func (rt *Runtime) v8FunctionSyntaxError(err error, args []string) goja.Value {
	ex, ok := err.(*goja.Exception)
	if !ok {
		return nil
	}
	obj, ok := ex.Value().(*goja.Object)
	if !ok || obj.Get("name") == nil || obj.Get("name").String() != "SyntaxError" {
		return nil
	}
	raw := obj.Get("message")
	if raw == nil {
		return nil
	}
	msg, line, col, ok := modules.ParseGojaSyntaxMessage(raw.String())
	if !ok {
		return nil
	}
	var sb strings.Builder
	sb.WriteString("(function anonymous(")
	if len(args) > 1 {
		sb.WriteString(strings.Join(args[:len(args)-1], ","))
	}
	sb.WriteString("\n) {\n")
	if len(args) > 0 {
		sb.WriteString(args[len(args)-1])
	}
	sb.WriteString("\n})")
	se := modules.V8SyntaxMessage(msg, sb.String(), line, col)
	if len(args) > 1 {
		// V8 parses the parameters on their own first: a list that ends before its text does
		// (a ')' of its own, or a parameter followed by more than ',') is refused as a whole
		params := strings.Join(args[:len(args)-1], ",")
		start := len("(function anonymous(")
		off := start - 1
		if line == 1 {
			off = col - 1
		} else if nl := strings.Index(params, "\n"); nl >= 0 {
			off = start + nl + 1 // somewhere in a multi-line parameter text: count it in
			for l := 2; l < line; l++ {
				k := strings.Index(params[off-start:], "\n")
				if k < 0 {
					off = start + len(params)
					break
				}
				off += k + 1
			}
			off += col - 1
		}
		before := strings.TrimRight(sb.String()[:min(max(off, 0), sb.Len())], " \t\r\n")
		_, _, _, closes := modules.UnbalancedCloser(params)
		if closes || off > start && off < start+len(params) && before != "" && strings.ContainsAny(before[len(before)-1:], "_$)]}0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			se.Message = "Arg string terminates parameters early"
		}
	}
	e, cerr := rt.vm.New(rt.vm.Get("SyntaxError"), rt.vm.ToValue(se.Message))
	if cerr != nil {
		return nil
	}
	return e
}
