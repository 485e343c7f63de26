package assert

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// deepFast compares two values the way comparisons.js's innerDeepEqual does, for the trees
// most tests compare: primitives, plain objects (of Object.prototype or no prototype) and dense
// arrays, read from goja's storage so that no program code runs. Its answer is dTrue or dFalse
// only where node's algorithm gives that answer; anything else in the tree (another kind of
// object, a getter, a symbol key, an object met again on its own path, where node's memos
// decide) makes it answer dUnknown before it has run anything, and the glue compares as before.
// The glue has checked that neither prototype has a Symbol.toStringTag, so the tags are
// [object Object] and [object Array].
type deepWalker struct {
	strict             bool
	objProto, arrProto *goja.Object
	path               []*goja.Object
}

const (
	dUnknown = iota
	dFalse
	dTrue
)

// maxDeepFast is the deepest nesting deepFast walks; deeper trees go to the glue (which, as
// node, may run out of stack).
const maxDeepFast = 200

func (w *deepWalker) eq(x, y goja.Value) int {
	xo, xObj := x.(*goja.Object)
	yo, yObj := y.(*goja.Object)
	if !xObj && !yObj {
		if w.strict {
			// (=== except that NaN equals NaN and 0 is not -0: Object.is)
			if x.SameAs(y) {
				return dTrue
			}
			return dFalse
		}
		if x.Equals(y) || (goja.IsNaN(x) && goja.IsNaN(y)) {
			return dTrue
		}
		return dFalse
	}
	if xObj && yObj && xo == yo {
		return dTrue
	}
	_, xFn := goja.AssertFunction(x)
	_, yFn := goja.AssertFunction(y)
	if !xObj || !yObj {
		// an object against a primitive: unequal, except that loose mode compares a function
		// with == (which converts it: program code)
		if !w.strict && (xFn || yFn) {
			return dUnknown
		}
		return dFalse
	}
	if xFn || yFn {
		return dFalse // (typeof function: equal only when the same)
	}
	if len(w.path) >= 2*maxDeepFast {
		return dUnknown
	}
	xv, xArr := modules.DenseElements(xo)
	yv, yArr := modules.DenseElements(yo)
	var xk, yk []string
	var xvals, yvals []goja.Value
	if !xArr {
		var ok bool
		if xk, xvals, ok = modules.PlainRecord(xo, w.objProto); !ok {
			return dUnknown
		}
	}
	if !yArr {
		var ok bool
		if yk, yvals, ok = modules.PlainRecord(yo, w.objProto); !ok {
			return dUnknown
		}
	}
	xp, yp := xo.Prototype(), yo.Prototype()
	if w.strict && xp != yp {
		return dFalse
	}
	if xArr && xp != w.arrProto || yArr && yp != w.arrProto {
		return dUnknown
	}
	if xArr != yArr {
		return dFalse // ([object Array] against [object Object])
	}
	for _, p := range w.path {
		if p == xo || p == yo {
			return dUnknown // (node's memos decide)
		}
	}
	w.path = append(w.path, xo, yo)
	defer func() { w.path = w.path[:len(w.path)-2] }()
	if xArr {
		if len(xv) != len(yv) {
			return dFalse
		}
		for i := range xv {
			// (read again each time: an element compared earlier ran no code, so the slices
			// are as they were)
			if r := w.eq(xv[i], yv[i]); r != dTrue {
				return r
			}
		}
		return dTrue
	}
	if len(xk) != len(yk) {
		return dFalse
	}
	// where each of a's keys is among b's (the same order, usually)
	at := make([]int, len(xk))
	var yAt map[string]int
	for i, k := range xk {
		if yk[i] == k {
			at[i] = i
			continue
		}
		if yAt == nil {
			yAt = make(map[string]int, len(yk))
			for j, k2 := range yk {
				yAt[k2] = j
			}
		}
		j, ok := yAt[k]
		if !ok {
			return dFalse
		}
		at[i] = j
	}
	for i := range xk {
		if r := w.eq(xvals[i], yvals[at[i]]); r != dTrue {
			return r
		}
	}
	return dTrue
}
