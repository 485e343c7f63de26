// Package assert implements Node's assert and assert/strict modules
// (https://nodejs.org/api/assert.html): the assertion functions, AssertionError with Node's
// generated messages and diffs, and Node's deep-equality algorithm (internal/assert/comparisons,
// which util.isDeepStrictEqual can share).
package assert

import (
	_ "embed"
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed assert.js
var assertJS string

//go:embed assertion_error.js
var assertionErrorJS string

//go:embed comparisons.js
var comparisonsJS string

// Module is the "assert" built-in.
var Module = modules.Module{Name: "assert", Bind: bind, JSRef: &assertJS}

// Strict is the "assert/strict" built-in: assert.strict.
var Strict = modules.Module{Name: "assert/strict", JS: "module.exports = require('assert').strict;"}

// AssertionError is the internal module holding AssertionError and its message generation.
var AssertionError = modules.Module{Name: "internal/assert/assertion_error", Internal: true, JSRef: &assertionErrorJS}

// Comparisons is the internal module with isDeepEqual and isDeepStrictEqual.
var Comparisons = modules.Module{Name: "internal/assert/comparisons", Internal: true, Bind: bindComparisons, JSRef: &comparisonsJS}

// Modules lists the four modules in name order.
var Modules = []*modules.Module{&Module, &Strict, &AssertionError, &Comparisons}

// The CommonJS wrapper the loader puts before line 1 of every module.
const cjsWrapperPrefix = "(function (exports, require, module, __filename, __dirname) { "

func bind(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	b.Set("describe", func(v goja.Value) string { return modules.DescribeReceived(v) })
	b.Set("callThrough", h.CallThrough)
	b.Set("isPromise", func(v goja.Value) bool {
		o, ok := v.(*goja.Object)
		if !ok {
			return false
		}
		_, ok = modules.ExportAs[*goja.Promise](o)
		return ok
	})
	// callSite returns {code, column} for the user call that invoked the assert function: the
	// source text of the call expression, read from the caller's file, and the column it starts
	// at. It returns null when the source cannot be found.
	b.Set("callSite", func() goja.Value {
		for _, f := range vm.CaptureCallStack(0, nil) {
			name := f.SrcName()
			if name == "" || name == "<native>" || strings.HasPrefix(name, "node:") {
				continue
			}
			if !filepath.IsAbs(name) || !h.Allowed(modules.ScopeFSRead, name) {
				return goja.Null()
			}
			src, err := os.ReadFile(name)
			if err != nil {
				return goja.Null()
			}
			pos := f.Position()
			code, col, ok := callExpression(string(src), pos.Line, pos.Column)
			if !ok {
				return goja.Null()
			}
			o := vm.NewObject()
			o.Set("code", code)
			o.Set("column", col)
			return o
		}
		return goja.Null()
	})
	return nil
}

// bindComparisons gives the deep-equality glue its hot paths: listing the own keys of huge
// arrays and typed arrays, and comparing bytes.
func bindComparisons(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	propIsEnum, _ := goja.AssertFunction(vm.Get("Object").(*goja.Object).Get("prototype").(*goja.Object).Get("propertyIsEnumerable"))
	// nonIndexKeys returns obj's own enumerable keys that are not array indices, then its own
	// enumerable symbols unless skipSymbols.
	b.Set("nonIndexKeys", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		skipSymbols := call.Argument(1).ToBoolean()
		if !ok {
			return vm.NewArray()
		}
		keys, ok := modules.NamedKeys(o)
		if !ok {
			keys = o.Keys() // (every index too)
		}
		var out []any
		for _, k := range keys {
			if !modules.IsArrayIndex(k) {
				out = append(out, k)
			}
		}
		if !skipSymbols {
			for _, s := range o.Symbols() {
				if r, err := propIsEnum(o, s); err == nil && r.ToBoolean() {
					out = append(out, s)
				}
			}
		}
		return vm.NewArray(out...)
	})
	// bytesEqual compares two byte ranges of ArrayBuffers.
	b.Set("bytesEqual", func(a goja.Value, aOff, aLen int64, bv goja.Value, bOff, bLen int64) bool {
		x, ok1 := modules.ExportAs[goja.ArrayBuffer](a)
		y, ok2 := modules.ExportAs[goja.ArrayBuffer](bv)
		if !ok1 || !ok2 || aLen != bLen {
			return false
		}
		xb, yb := x.Bytes(), y.Bytes()
		if aOff < 0 || bOff < 0 || aOff+aLen > int64(len(xb)) || bOff+bLen > int64(len(yb)) {
			return false
		}
		return string(xb[aOff:aOff+aLen]) == string(yb[bOff:bOff+bLen])
	})
	// deepFast(a, b, strict) is innerDeepEqual's answer for trees of plain objects, dense arrays
	// and primitives (deepfast.go), or undefined when the glue must compare.
	objProto, _ := vm.Get("Object").(*goja.Object).Get("prototype").(*goja.Object)
	arrProto, _ := vm.Get("Array").(*goja.Object).Get("prototype").(*goja.Object)
	b.Set("deepFast", func(a, bv goja.Value, strict bool) goja.Value {
		w := deepWalker{strict: strict, objProto: objProto, arrProto: arrProto}
		switch w.eq(a, bv) {
		case dTrue:
			return vm.ToValue(true)
		case dFalse:
			return vm.ToValue(false)
		}
		return goja.Undefined()
	})
	// floatsEqual compares two Float32Array (size 4) or Float64Array (size 8) ranges of
	// ArrayBuffers element by element with ===, as node's loose comparison does (0 equals -0,
	// NaN equals nothing).
	b.Set("floatsEqual", func(a goja.Value, aOff, aLen int64, bv goja.Value, bOff, bLen, size int64) bool {
		x, ok1 := modules.ExportAs[goja.ArrayBuffer](a)
		y, ok2 := modules.ExportAs[goja.ArrayBuffer](bv)
		if !ok1 || !ok2 || aLen != bLen || (size != 4 && size != 8) || aLen%size != 0 {
			return false
		}
		xb, yb := x.Bytes(), y.Bytes()
		if aOff < 0 || bOff < 0 || aOff+aLen > int64(len(xb)) || bOff+bLen > int64(len(yb)) {
			return false
		}
		xb, yb = xb[aOff:aOff+aLen], yb[bOff:bOff+bLen]
		for i := 0; i < len(xb); i += int(size) {
			if size == 8 {
				if math.Float64frombits(binary.NativeEndian.Uint64(xb[i:])) != math.Float64frombits(binary.NativeEndian.Uint64(yb[i:])) {
					return false
				}
			} else if math.Float32frombits(binary.NativeEndian.Uint32(xb[i:])) != math.Float32frombits(binary.NativeEndian.Uint32(yb[i:])) {
				return false
			}
		}
		return true
	})
	return nil
}

// callExpression finds the call expression whose argument list opens at (line, column) (1-based,
// as goja reports a call frame) and returns its text and the 0-based column it starts at.
func callExpression(src string, line, column int) (string, int, bool) {
	if strings.HasPrefix(src, "#!") {
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			src = "//" + src[2:]
		}
	}
	lineStart := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(src[lineStart:], '\n')
		if i < 0 {
			return "", 0, false
		}
		lineStart += i + 1
	}
	col := column - 1
	if line == 1 {
		col -= len(cjsWrapperPrefix)
	}
	off := lineStart + col
	if col < 0 || off >= len(src) {
		return "", 0, false
	}
	// In a file esbuild lowered, the source map places a call just after its "(".
	if src[off] != '(' && off > lineStart && src[off-1] == '(' {
		off--
	}
	// The frame points at the call's "(" (or just before it).
	for off < len(src) && src[off] != '(' && src[off] != '\n' {
		off++
	}
	if off >= len(src) || src[off] != '(' {
		return "", 0, false
	}
	// The callee: names, dots and bracketed parts (assert['ok'], f()(x), a[0].b).
	start := off
	for start > 0 {
		c := src[start-1]
		if isCalleeChar(c) || (c == ' ' || c == '\t') && strings.HasPrefix(strings.TrimLeft(src[start:off], " \t"), ".") {
			// Spaces before a dot belong to the member access (assert .ok(x)).
			start--
			continue
		}
		if c == ']' || c == ')' {
			open, ok := matchParenBack(src, start-1)
			if !ok {
				break
			}
			start = open
			continue
		}
		break
	}
	// Node parses from the first token of the frame's line that starts an expression, so a
	// call continued from the line above (assert\n  .ok(x)) reads "ok(x)", not ".ok(x)".
	for start < off && (src[start] == '.' || src[start] == ' ' || src[start] == '\t') {
		start++
	}
	end, ok := matchParen(src, off)
	if !ok {
		return "", 0, false
	}
	if off > start && src[off-1] == ')' {
		// The callee is itself a call (require('assert/strict')(x)): node's parser settles on the
		// innermost call that reaches the column, which is the callee.
		end = off
	}
	startLine := strings.LastIndexByte(src[:start], '\n') + 1
	if !nodeParsesCall(src, startLine, start, end) {
		return "", 0, false
	}
	return src[start:end], start - startLine, true
}

// nodeParsesCall reports whether node finds the call (src[start:end], on the line that begins
// at lineStart) to print it. Node reads it with acorn's parseExpressionAt from each token of the
// line before it, and finds it only when one of those parses succeeds. The call's own expression
// fails when a comma follows it and no expression follows the comma (`() => assert.ok(x),` as the
// last item of a list whose "]" is on a later line); a parse from a bracket opened on the line
// before the call reads the whole bracket (a trailing comma is allowed in it) and goes on after
// it. When none succeeds node's message is the plain "x == true".
func nodeParsesCall(src string, lineStart, start, end int) bool {
	if expressionEnds(src, end) {
		return true
	}
	opens := openBrackets(src[lineStart:start])
	for k := len(opens) - 1; k >= 0; k-- {
		e, ok := matchParen(src, lineStart+opens[k])
		if !ok {
			return false
		}
		if expressionEnds(src, e) {
			return true
		}
	}
	return false
}

// openBrackets lists the offsets of the brackets text (a line up to the call) leaves open.
func openBrackets(text string) []int {
	var open []int
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '(', '[', '{':
			open = append(open, i)
		case ')', ']', '}':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		case '\'', '"', '`':
			for i++; i < len(text) && text[i] != c; i++ {
				if text[i] == '\\' {
					i++
				}
			}
		case '/':
			if i+1 < len(text) && text[i+1] == '/' {
				return open
			}
		}
	}
	return open
}

// expressionEnds reports whether the expression that goes on after a call ending at i parses:
// it ends at a ";", a closing bracket or a line that does not continue it, not right after a
// comma.
func expressionEnds(src string, i int) bool {
	last := byte(')')
	for i < len(src) {
		switch c := src[i]; {
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '\n':
			j := i + 1
			for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r' || src[j] == '\n') {
				j++
			}
			if j >= len(src) {
				return last != ','
			}
			if last != ',' && (strings.IndexByte(".([?:+-*%&|^<>=!,", src[j]) < 0 || strings.HasPrefix(src[j:], "//")) {
				return true // (the next line does not go on with it)
			}
			i = j
		case c == '/' && strings.HasPrefix(src[i:], "//"):
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '/' && strings.HasPrefix(src[i:], "/*"):
			k := strings.Index(src[i+2:], "*/")
			if k < 0 {
				return false
			}
			i += k + 4
		case c == ';' || c == ')' || c == ']' || c == '}':
			return last != ','
		case c == '(' || c == '[' || c == '{':
			e, ok := matchParen(src, i)
			if !ok {
				return false
			}
			i, last = e, ')'
		case c == '\'' || c == '"' || c == '`':
			j := i + 1
			for j < len(src) && src[j] != c {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			i, last = j+1, c
		default:
			i, last = i+1, c
		}
	}
	return last != ','
}

// matchParenBack returns the offset of the bracket that opens the one closing at close, scanning
// back without reading strings (enough for a callee such as assert['ok']).
func matchParenBack(src string, close int) (int, bool) {
	depth := 0
	for i := close; i >= 0; i-- {
		switch src[i] {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			depth--
			if depth == 0 {
				return i, true
			}
		case '\n':
			return 0, false
		}
	}
	return 0, false
}

func isCalleeChar(c byte) bool {
	return c == '.' || c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// matchParen returns the offset just past the bracket that closes the one at open, skipping
// strings, template literals and comments.
func matchParen(src string, open int) (int, bool) {
	depth := 0
	for i := open; i < len(src); i++ {
		switch c := src[i]; c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth == 0 {
				return i + 1, true
			}
		case '\'', '"', '`':
			i++
			for i < len(src) && src[i] != c {
				if src[i] == '\\' {
					i++
				}
				i++
			}
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				for i < len(src) && src[i] != '\n' {
					i++
				}
			} else if i+1 < len(src) && src[i+1] == '*' {
				j := strings.Index(src[i+2:], "*/")
				if j < 0 {
					return 0, false
				}
				i += j + 3
			}
		}
	}
	return 0, false
}
