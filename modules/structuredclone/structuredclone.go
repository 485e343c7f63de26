// Package structuredclone implements the structuredClone global (the HTML structured clone
// algorithm as Node 20's V8 serializer applies it): https://nodejs.org/api/globals.html#structuredclonevalue-options.
//
// It is the internal module "internal/structured_clone", which the runtime installs as the
// global. Cloning walks values in JS glue (cycles, Maps, Sets, Dates, RegExps, typed arrays,
// ArrayBuffers with transfer, errors, boxed primitives); Go detaches transferred buffers.
package structuredclone

import (
	_ "embed"
	"reflect"
	"strconv"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed structuredclone.js
var glue string

// Module is "internal/structured_clone".
var Module = modules.Module{Name: "internal/structured_clone", Internal: true, Bind: bind, JSRef: &glue}

func bind(h *modules.Host, o *goja.Object) error {
	// callThrough(fn, this, ...args) calls fn from Go (see Host.CallThrough).
	o.Set("callThrough", h.CallThrough)
	// detach(buffer) detaches an ArrayBuffer, as transferring does.
	o.Set("detach", func(c goja.FunctionCall) goja.Value {
		if ab, ok := modules.ExportAs[goja.ArrayBuffer](c.Argument(0)); ok {
			return h.VM.ToValue(ab.Detach())
		}
		return h.VM.ToValue(false)
	})
	// isDetached reports whether an ArrayBuffer is detached.
	o.Set("isDetached", func(c goja.FunctionCall) goja.Value {
		// (ExportType first: Export copies a typed array out, and panics for one whose buffer
		// was detached)
		if obj, ok := c.Argument(0).(*goja.Object); ok && obj.ExportType() == arrayBufferType {
			if ab, ok := modules.ExportAs[goja.ArrayBuffer](obj); ok {
				return h.VM.ToValue(ab.Detached())
			}
		}
		return h.VM.ToValue(false)
	})
	// cloneData(value, clone, ...hookSymbols) is clone(value, new Map()) called through Go (as
	// callThrough), with plain data cloned in Go (see cloner).
	vm := h.VM
	objProto := vm.Get("Object").(*goja.Object).Get("prototype").(*goja.Object)
	arrProto := vm.Get("Array").(*goja.Object).Get("prototype").(*goja.Object)
	o.Set("cloneData", func(call goja.FunctionCall) goja.Value {
		jsClone, ok := goja.AssertFunction(call.Argument(1))
		if !ok {
			panic(vm.NewTypeError("cloneData: clone must be a function"))
		}
		c := &cloner{h: h, objProto: objProto, arrProto: arrProto, jsClone: jsClone, at: h.Mark()}
		// (not Symbol.toStringTag: V8 clones a plain object whatever tag it inherits)
		var syms []*goja.Symbol
		for i := 2; i < len(call.Arguments); i++ {
			if s, ok := call.Arguments[i].(*goja.Symbol); ok {
				syms = append(syms, s)
			}
		}
		if !c.plainProtos(syms) {
			return c.js(call.Argument(0))
		}
		c.seen = make(map[*goja.Object]goja.Value)
		return c.clone(call.Argument(0), 0)
	})
	// isProxy reports whether v is a Proxy, which cannot be cloned.
	o.Set("isProxy", func(c goja.FunctionCall) goja.Value {
		if obj, ok := c.Argument(0).(*goja.Object); ok && obj.ExportType() == proxyType {
			return h.VM.ToValue(true)
		}
		return h.VM.ToValue(false)
	})
	return nil
}

var (
	arrayBufferType = reflect.TypeFor[goja.ArrayBuffer]()
	proxyType       = reflect.TypeFor[goja.Proxy]()
)

// maxFastDepth is how deep cloneData's Go walk goes before it hands the rest to the JS clone,
// whose recursion ends in node's RangeError on a value nested too deep.
const maxFastDepth = 512

// cloner is one cloneData call: a walk in Go over plain data (primitives, plain objects and
// dense arrays whose properties are all plain data properties, read without running any
// program code), which makes exactly what the JS clone would. The first value it cannot take
// (a Date, a Map, a symbol to throw for...) and all that come after it go to the JS clone,
// with a memory Map that holds what the walk made so far: from there on it is the JS walk.
type cloner struct {
	h                  *modules.Host
	objProto, arrProto *goja.Object
	jsClone            goja.Callable
	memory             *goja.Object // the JS clone's memory (nil until it is needed)
	seen               map[*goja.Object]goja.Value
	at                 eventloop.VMMark
}

// plainProtos tells whether Object.prototype and Array.prototype carry none of the clone hooks'
// symbols the JS clone asks every object for: then a plain object or array is plain data.
func (c *cloner) plainProtos(syms []*goja.Symbol) bool {
	for _, p := range []*goja.Object{c.objProto, c.arrProto} {
		for _, s := range syms {
			if v := p.GetSymbol(s); v != nil && !goja.IsUndefined(v) {
				return false
			}
		}
	}
	return true
}

func (c *cloner) clone(v goja.Value, depth int) goja.Value {
	o, ok := v.(*goja.Object)
	if !ok {
		if _, sym := v.(*goja.Symbol); !sym {
			return v
		}
		return c.js(v)
	}
	if c.memory != nil {
		return c.js(v)
	}
	if out, ok := c.seen[o]; ok {
		return out
	}
	if depth < maxFastDepth {
		switch p := o.Prototype(); {
		case p == c.objProto || p == nil:
			if keys, vals, ok := modules.PlainRecord(o, c.objProto); ok {
				out := c.h.VM.NewObject()
				c.seen[o] = out
				for i, k := range keys {
					val := vals[i]
					if c.memory != nil {
						val = o.Get(k) // (JS has run: read it now, as the JS clone does)
					}
					_ = out.Set(k, c.clone(val, depth+1))
				}
				return out
			}
		case p == c.arrProto:
			if els, ok := modules.DenseElements(o); ok {
				n := len(els)
				// (copied: the walk may hand elements to JS, which may change the array)
				els = append([]goja.Value(nil), els...)
				out := c.h.VM.NewArray()
				c.seen[o] = out
				for i := 0; i < n; i++ {
					val := els[i]
					if c.memory != nil {
						val = o.Get(strconv.Itoa(i))
					}
					_ = out.Set(strconv.Itoa(i), c.clone(val, depth+1))
				}
				return out
			}
		}
	}
	return c.js(v)
}

// js clones v with the JS clone, sharing (from now on) its memory.
func (c *cloner) js(v goja.Value) goja.Value {
	vm := c.h.VM
	if c.memory == nil {
		m, err := vm.New(vm.Get("Map"))
		if err != nil {
			c.h.Repanic(err, c.at)
		}
		c.memory = m
		if len(c.seen) > 0 {
			set, _ := goja.AssertFunction(m.Get("set"))
			for from, to := range c.seen {
				if _, err := set(m, from, to); err != nil {
					c.h.Repanic(err, c.at)
				}
			}
		}
	}
	r, err := c.jsClone(goja.Undefined(), v, c.memory)
	if err != nil {
		c.h.Repanic(err, c.at)
	}
	return r
}
