// Package querystring implements Node's querystring module: https://nodejs.org/api/querystring.html.
//
// parse, escape and unescape run in Go (parse is hot in servers); stringify is JS glue because it
// walks arbitrary objects. Parsing follows Node's scanner exactly, quirks included: multi-character
// separators that do not backtrack, maxKeys counting empty pairs, and decoding only when a valid
// %XX escape was seen (so "é%ZZ" survives untouched while a failed decode falls back to
// unescapeBuffer with U+FFFD for bad UTF-8).
package querystring

import (
	_ "embed"
	"unicode/utf16"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed querystring.js
var glue string

// Module is "querystring".
var Module = modules.Module{Name: "querystring", Bind: bind, JSRef: &glue}

// jsUnits returns v's UTF-16 units (lone surrogates kept).
func jsUnits(v goja.Value) []uint16 {
	if s, ok := v.(goja.String); ok {
		n := s.Length()
		u := make([]uint16, n)
		for i := 0; i < n; i++ {
			u[i] = s.CharAt(i)
		}
		return u
	}
	return utf16.Encode([]rune(v.String()))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func bind(h *modules.Host, o *goja.Object) error {
	vm := h.VM
	// setup(exports, unescape) gives parse the module's exports (whose unescape it calls, as
	// Node does, when someone replaced it) and the original unescape.
	var exports *goja.Object
	var ownUnescape goja.Value
	strs := newValueCache(vm)
	var shared parserState
	o.Set("setup", func(c goja.FunctionCall) goja.Value {
		exports, ownUnescape = c.Argument(0).ToObject(vm), c.Argument(1)
		return goja.Undefined()
	})
	// parse(qs, sep, eq, options) is querystring.parse, all in Go.
	parseFn := func(c goja.FunctionCall) goja.Value {
		qsv := c.Argument(0)
		if s, ok := qsv.(goja.String); !ok || s.Length() == 0 {
			return vm.CreateObject(nil)
		}
		qs := wtf8(qsv)
		sep, eq := "&", "="
		if v := c.Argument(1); v.ToBoolean() {
			sep = toString(vm, v)
		}
		if v := c.Argument(2); v.ToBoolean() {
			eq = toString(vm, v)
		}
		maxKeys := 1000.0
		var opts *goja.Object
		if v := c.Argument(3); v.ToBoolean() {
			opts = v.ToObject(vm)
		}
		if opts != nil {
			if v := opts.Get("maxKeys"); v != nil && goja.IsNumber(v) {
				maxKeys = 0
				if f := v.ToFloat(); f > 0 {
					maxKeys = f
				}
			}
		}
		decodeV := exports.Get("unescape")
		if opts != nil {
			if v := opts.Get("decodeURIComponent"); v != nil {
				if _, ok := goja.AssertFunction(v); ok {
					decodeV = v
				}
			}
		}
		var decode func(string) string
		custom := false
		if decodeV != nil && decodeV.SameAs(ownUnescape) {
			decode = unescapePlus
		} else if fn, ok := goja.AssertFunction(decodeV); ok {
			custom = true
			fallback, _ := goja.AssertFunction(exports.Get("unescape"))
			decode = func(s string) string {
				r, err := fn(goja.Undefined(), jsString(vm, s))
				if err != nil {
					if fallback == nil {
						panic(err)
					}
					r, err = fallback(goja.Undefined(), jsString(vm, s), vm.ToValue(true))
					if err != nil {
						panic(err)
					}
				}
				return wtf8(r)
			}
		} else {
			// Node calls the missing unescape, then again as its fallback: a TypeError
			custom = true
			decode = func(string) string {
				panic(vm.NewTypeError("QueryString.unescape is not a function"))
			}
		}
		// The runtime's parser is reused unless a JS decoder could parse again meanwhile.
		ps := &shared
		if custom || shared.busy {
			ps = &parserState{}
		}
		ps.busy = true
		defer func() { ps.busy = false }()
		pairs := ps.parse(qs, sep, eq, maxKeys, custom, decode)
		obj := vm.CreateObject(nil)
		for i := range pairs {
			p := &pairs[i]
			var val goja.Value
			if p.n == 1 {
				val = strs.value(p.val)
			} else {
				vals := make([]any, 0, p.n)
				ps.values(i, func(v string) { vals = append(vals, strs.value(v)) })
				val = vm.NewArray(vals...)
			}
			if hasSurrogate(p.key) {
				// Object.Set takes a Go string, which cannot hold a lone surrogate.
				set, _ := goja.AssertFunction(vm.Get("Reflect").ToObject(vm).Get("set"))
				set(goja.Undefined(), obj, jsString(vm, p.key), val)
				continue
			}
			obj.Set(p.key, val)
		}
		return obj
	}
	parseObj := modules.NameFunc(vm, vm.ToValue(parseFn).(*goja.Object), "parse", 4)
	o.Set("parse", parseObj)
	o.Set("unescape", func(c goja.FunctionCall) goja.Value {
		return jsString(vm, unescape(wtf8(c.Argument(0)), c.Argument(1).ToBoolean()))
	})
	o.Set("unescapeBytes", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(vm.NewArrayBuffer(unescapeBuffer(wtf8(c.Argument(0)), c.Argument(1).ToBoolean())))
	})
	o.Set("escape", func(c goja.FunctionCall) goja.Value {
		v := c.Argument(0)
		s := v.String()
		if isASCII(s) {
			return vm.ToValue(escapeString(s))
		}
		r, ok := escapeUnits(jsUnits(v))
		if !ok {
			h.Throw(modules.NewError("URIError", "ERR_INVALID_URI", "URI malformed"))
		}
		return vm.ToValue(r)
	})
	return nil
}

// parserState is a parser and whether a parse is using it.
type parserState struct {
	parser
	busy bool
}

func unescapePlus(s string) string { return unescape(s, true) }

// toString is String(v): a symbol gives its description as in JS, anything else its string.
func toString(vm *goja.Runtime, v goja.Value) string {
	if sym, ok := v.(*goja.Symbol); ok {
		// String(symbol), as node's charCodes(String(sep)) (goja's String() is the description)
		return "Symbol(" + sym.String() + ")"
	}
	// (lone surrogates kept, as WTF-8: a separator that has one matches the same one in the input)
	return wtf8(v.ToString())
}
