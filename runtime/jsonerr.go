package runtime

import (
	"strconv"
	"unicode/utf16"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// JSON.parse's SyntaxError messages as V8 words them ("Unexpected token 'b', "bad" is not valid
// JSON", "Expected property name or '}' in JSON at position 1", ...). goja's are Go's
// encoding/json messages; body-parser and friends send these to clients and tests print them.
// JSON.parse is wrapped: on a SyntaxError from the engine, the text is scanned again here to
// find V8's first error and its position (in UTF-16 code units, as V8 counts).

func (rt *Runtime) installJSONParse() {
	rt.patchJSONParse(rt.vm.GlobalObject().Get("JSON").ToObject(rt.vm))
}

// patchJSONParse puts the wrapped parse on the JSON object, and takes away JSON.rawJSON and
// isRawJSON, which came after node 20's V8 (programs test for them).
func (rt *Runtime) patchJSONParse(jsonObj *goja.Object) {
	vm := rt.vm
	_ = jsonObj.Delete("rawJSON")
	_ = jsonObj.Delete("isRawJSON")
	parse, _ := goja.AssertFunction(jsonObj.Get("parse"))
	syntaxErr := vm.GlobalObject().Get("SyntaxError").ToObject(vm)
	var revive *jsonReviveFns // the built-ins a reviver's walk calls, once one is given
	fn := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		args := call.Arguments
		if len(args) > 1 {
			// The spec revives only when the reviver is callable; goja's parse converts any
			// non-undefined reviver with ToObject first, so JSON.parse(s, null) (parse-json,
			// hence jest's config loading) threw "Cannot convert undefined or null to object".
			if _, ok := goja.AssertFunction(args[1]); !ok {
				args = args[:1]
			}
		}
		text := call.Argument(0)
		if _, sym := text.(*goja.Symbol); !sym { // a Symbol's TypeError is goja's
			src := text.String() // ToString, once
			if v, err, done := fastJSONParse(vm, &revive, text, src, args); done {
				if err == nil {
					return v
				}
				if err != errJSONSyntax {
					panic(err)
				}
				if msg, pos := jsonError(src); msg != "" {
					e, cerr := vm.New(syntaxErr, vm.ToValue(msg))
					if cerr != nil {
						panic(cerr)
					}
					rt.jsonErr, rt.jsonErrSrc, rt.jsonErrPos = e, src, pos
					panic(e)
				}
				// the two scanners disagree: goja's builtin decides
			}
			args = append([]goja.Value{vm.ToValue(src)}, args[1:]...)
		}
		v, err := parse(call.This, args...)
		if err == nil {
			return v
		}
		ex, ok := err.(*goja.Exception)
		if !ok {
			panic(err)
		}
		if eo, ok := ex.Value().(*goja.Object); !ok || eo.Get("name") == nil || eo.Get("name").String() != "SyntaxError" {
			panic(err)
		}
		msg, pos := jsonError(args[0].String())
		if msg == "" {
			panic(err)
		}
		e, cerr := vm.New(syntaxErr, vm.ToValue(msg))
		if cerr != nil {
			panic(cerr)
		}
		rt.jsonErr, rt.jsonErrSrc, rt.jsonErrPos = e, args[0].String(), pos
		panic(e)
	}).ToObject(vm)
	modules.NameFunc(vm, fn, "parse", 2)
	jsonObj.DefineDataProperty("parse", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

type jsonScanner struct {
	s   []uint16
	pos int
	msg string
}

func jsonErrorMessage(src string) string {
	msg, _ := jsonError(src)
	return msg
}

// jsonError is V8's message for the JSON text src that does not parse, and the UTF-16 offset
// it failed at ("" when src parses).
func jsonError(src string) (string, int) {
	switch src {
	case "NaN", "Infinity", "undefined":
		return `"` + src + `" is not valid JSON`, 0
	case "[object Object]":
		return `"` + src + `" is not valid JSON`, 1 // (V8 failed at the o)
	}
	sc := &jsonScanner{s: utf16.Encode([]rune(src))}
	sc.ws()
	if !sc.value() {
		return sc.msg, sc.pos
	}
	sc.ws()
	if sc.pos < len(sc.s) {
		return "Unexpected non-whitespace character after JSON at position " + strconv.Itoa(sc.pos), sc.pos
	}
	return "", 0
}

// jsonArrow is node's excerpt for an uncaught JSON.parse error of src at UTF-16 offset pos:
// the text's line there under <anonymous_script>, a caret under pos unless it is the end.
func jsonArrow(src string, pos int) string {
	units := utf16.Encode([]rune(src))
	pos = min(max(pos, 0), len(units))
	start := pos
	for start > 0 && units[start-1] != '\n' {
		start--
	}
	end := pos
	for end < len(units) && units[end] != '\n' {
		end++
	}
	line := 1
	for _, u := range units[:start] {
		if u == '\n' {
			line++
		}
	}
	text := string(utf16.Decode(units[start:end]))
	arrow := "<anonymous_script>:" + strconv.Itoa(line) + "\n" + text + "\n"
	if pos < len(units) {
		arrow += modules.CaretPad(text, len(string(utf16.Decode(units[start:pos])))) + "^\n"
	}
	return arrow
}

func (sc *jsonScanner) at(what string) string {
	return what + " in JSON at position " + strconv.Itoa(sc.pos)
}

func (sc *jsonScanner) fail(what string) bool {
	sc.msg = sc.at(what)
	return false
}

func (sc *jsonScanner) end() bool {
	sc.msg = "Unexpected end of JSON input"
	return false
}

// unexpected is V8's "Unexpected token 'x', <source or context> is not valid JSON".
func (sc *jsonScanner) unexpected() bool {
	if sc.pos >= len(sc.s) {
		return sc.end()
	}
	const ctx = 10
	n := len(sc.s)
	tok := string(utf16.Decode(sc.s[sc.pos : sc.pos+1]))
	var shown string
	switch {
	case n < 2*ctx+1:
		shown = `"` + string(utf16.Decode(sc.s)) + `"`
	case sc.pos < ctx:
		shown = `"` + string(utf16.Decode(sc.s[:sc.pos+ctx])) + `"...`
	case sc.pos >= n-ctx:
		shown = `..."` + string(utf16.Decode(sc.s[sc.pos-ctx:])) + `"`
	default:
		shown = `..."` + string(utf16.Decode(sc.s[sc.pos-ctx:sc.pos+ctx])) + `"...`
	}
	sc.msg = "Unexpected token '" + tok + "', " + shown + " is not valid JSON"
	return false
}

func (sc *jsonScanner) ws() {
	for sc.pos < len(sc.s) {
		switch sc.s[sc.pos] {
		case ' ', '\t', '\n', '\r':
			sc.pos++
		default:
			return
		}
	}
}

func (sc *jsonScanner) peek() int {
	if sc.pos < len(sc.s) {
		return int(sc.s[sc.pos])
	}
	return -1
}

func (sc *jsonScanner) value() bool {
	switch c := sc.peek(); {
	case c < 0:
		return sc.end()
	case c == '{':
		return sc.object()
	case c == '[':
		return sc.array()
	case c == '"':
		return sc.str()
	case c == '-' || c >= '0' && c <= '9':
		return sc.number()
	case c == 't':
		return sc.literal("true")
	case c == 'f':
		return sc.literal("false")
	case c == 'n':
		return sc.literal("null")
	}
	return sc.unexpected()
}

func (sc *jsonScanner) literal(word string) bool {
	for i := 0; i < len(word); i++ {
		if sc.pos >= len(sc.s) {
			return sc.end()
		}
		if sc.s[sc.pos] != uint16(word[i]) {
			return sc.unexpected()
		}
		sc.pos++
	}
	return true
}

func isDigit(c int) bool { return c >= '0' && c <= '9' }

func (sc *jsonScanner) number() bool {
	if sc.peek() == '-' {
		sc.pos++
		if !isDigit(sc.peek()) {
			return sc.fail("No number after minus sign")
		}
	}
	if sc.peek() == '0' {
		sc.pos++
		if isDigit(sc.peek()) {
			return sc.fail("Unexpected number")
		}
	} else {
		for isDigit(sc.peek()) {
			sc.pos++
		}
	}
	if sc.peek() == '.' {
		sc.pos++
		if !isDigit(sc.peek()) {
			return sc.fail("Unterminated fractional number")
		}
		for isDigit(sc.peek()) {
			sc.pos++
		}
	}
	if c := sc.peek(); c == 'e' || c == 'E' {
		sc.pos++
		if c := sc.peek(); c == '+' || c == '-' {
			sc.pos++
		}
		if !isDigit(sc.peek()) {
			return sc.fail("Exponent part is missing a number")
		}
		for isDigit(sc.peek()) {
			sc.pos++
		}
	}
	return true
}

func isHex(c int) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func (sc *jsonScanner) str() bool {
	sc.pos++ // opening quote
	for {
		c := sc.peek()
		switch {
		case c < 0:
			return sc.fail("Unterminated string")
		case c == '"':
			sc.pos++
			return true
		case c < 0x20:
			return sc.fail("Bad control character in string literal")
		case c == '\\':
			sc.pos++
			switch sc.peek() {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				sc.pos++
			case 'u':
				sc.pos++
				for i := 0; i < 4; i++ {
					if !isHex(sc.peek()) {
						return sc.fail("Bad Unicode escape")
					}
					sc.pos++
				}
			case -1: // the text ends after the backslash
				return sc.end()
			default:
				return sc.fail("Bad escaped character")
			}
		default:
			sc.pos++
		}
	}
}

func (sc *jsonScanner) object() bool {
	sc.pos++ // {
	sc.ws()
	if sc.peek() == '}' {
		sc.pos++
		return true
	}
	if sc.peek() != '"' {
		return sc.fail("Expected property name or '}'")
	}
	for {
		if !sc.str() {
			return false
		}
		sc.ws()
		if sc.peek() != ':' {
			return sc.fail("Expected ':' after property name")
		}
		sc.pos++
		sc.ws()
		if !sc.value() {
			return false
		}
		sc.ws()
		switch sc.peek() {
		case ',':
			sc.pos++
			sc.ws()
			if sc.peek() != '"' {
				return sc.fail("Expected double-quoted property name")
			}
		case '}':
			sc.pos++
			return true
		default:
			return sc.fail("Expected ',' or '}' after property value")
		}
	}
}

func (sc *jsonScanner) array() bool {
	sc.pos++ // [
	sc.ws()
	if sc.peek() == ']' {
		sc.pos++
		return true
	}
	for {
		if !sc.value() {
			return false
		}
		sc.ws()
		switch sc.peek() {
		case ',':
			sc.pos++
			sc.ws()
		case ']':
			sc.pos++
			return true
		default:
			return sc.fail("Expected ',' or ']' after array element")
		}
	}
}
