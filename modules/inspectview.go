package modules

import "github.com/dop251/goja"

// An inspect view lets a built-in whose objects keep their defaults on a prototype (for speed:
// an own property costs per object on goja) show util.inspect the own fields node's objects
// have, in node's order. SetInspectView registers fn for the objects inheriting from proto;
// util.inspect (without showHidden) asks InspectView for an object's view function and calls it
// with the object, getting back the keys and values to print in place of the own enumerable
// ones. Nothing is defined on the objects or prototypes, so no program sees the hook. Loop only.

type inspectViewsKey struct{}

type inspectViews struct {
	byProto map[*goja.Object]goja.Value
}

func views(h *Host) *inspectViews {
	return h.State(inspectViewsKey{}, func() any { return &inspectViews{} }).(*inspectViews)
}

// SetInspectView makes fn the inspect view of the objects inheriting from proto. Loop only.
func SetInspectView(h *Host, proto *goja.Object, fn goja.Value) {
	v := views(h)
	if v.byProto == nil {
		v.byProto = make(map[*goja.Object]goja.Value)
	}
	v.byProto[proto] = fn
}

// inspectViewDepth bounds the prototype walk (a view's classes are a few levels deep).
const inspectViewDepth = 8

// InspectView returns the view function registered for o itself or its nearest prototype that
// has one, or nil. Loop only.
func InspectView(h *Host, o *goja.Object) goja.Value {
	v := views(h)
	if len(v.byProto) == 0 {
		return nil
	}
	p := o
	for i := 0; p != nil && i < inspectViewDepth; i++ {
		if fn, ok := v.byProto[p]; ok {
			return fn
		}
		p = p.Prototype()
	}
	return nil
}

// A fast custom inspect lets the Go inspector print an object whose util.inspect.custom method is
// one of a built-in's (Buffer's) without calling it: format returns what the method would, or ok
// false when the method must run (the object has own properties it would list, say).

type fastCustomKey struct{}

// SetFastCustomInspect registers format for the objects whose inspect.custom is fn. Loop only.
func SetFastCustomInspect(h *Host, fn *goja.Object, format func(o *goja.Object) (string, bool)) {
	m := h.State(fastCustomKey{}, func() any { return map[*goja.Object]func(*goja.Object) (string, bool){} })
	m.(map[*goja.Object]func(*goja.Object) (string, bool))[fn] = format
}

// FastCustomInspect is the format SetFastCustomInspect registered for fn, or nil. Loop only.
func FastCustomInspect(h *Host, fn *goja.Object) func(*goja.Object) (string, bool) {
	if h.state == nil {
		return nil
	}
	m, _ := h.state[fastCustomKey{}].(map[*goja.Object]func(*goja.Object) (string, bool))
	return m[fn]
}
