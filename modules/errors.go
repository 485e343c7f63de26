package modules

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
)

// Prop is an extra property set on a JS error, in order.
type Prop struct {
	Key   string
	Value any
}

// Error is a Node error with a code, such as TypeError [ERR_INVALID_ARG_TYPE]. Name is the
// constructor: "Error", "TypeError", "RangeError", "SyntaxError".
type Error struct {
	Name    string
	Code    string
	Message string
	Props   []Prop
}

func (e *Error) Error() string {
	if e.Code == "" {
		return e.Name + ": " + e.Message
	}
	return fmt.Sprintf("%s [%s]: %s", e.Name, e.Code, e.Message)
}

// NewError returns a Node error with the given constructor name, code and message.
func NewError(name, code, message string) *Error {
	return &Error{Name: name, Code: code, Message: message}
}

// TypeError returns a TypeError with a code.
func TypeError(code, format string, args ...any) *Error {
	return &Error{Name: "TypeError", Code: code, Message: fmt.Sprintf(format, args...)}
}

// RangeError returns a RangeError with a code.
func RangeError(code, format string, args ...any) *Error {
	return &Error{Name: "RangeError", Code: code, Message: fmt.Sprintf(format, args...)}
}

// NativeError is an error as node's C++ layer throws it (THROW_ERR_* in src/): a plain
// Error, TypeError or RangeError whose name, toString() and stack carry no "[CODE]", with
// code set as a property.
func NativeError(name, code, format string, args ...any) *Error {
	return &Error{Name: name, Message: fmt.Sprintf(format, args...), Props: []Prop{{"code", code}}}
}

// InvalidArgType is ERR_INVALID_ARG_TYPE with Node's message. expected lists type names
// ("string"), class names ("Buffer") or descriptions.
func InvalidArgType(name string, expected []string, actual goja.Value) *Error {
	return TypeError("ERR_INVALID_ARG_TYPE", "%s", InvalidArgTypeMessage(name, expected, actual))
}

// InvalidArgValue is ERR_INVALID_ARG_VALUE with Node's message.
func InvalidArgValue(name string, value goja.Value, reason string) *Error {
	if reason == "" {
		reason = "is invalid"
	}
	kind := "argument"
	if strings.Contains(name, ".") {
		kind = "property"
	}
	return TypeError("ERR_INVALID_ARG_VALUE", "The %s '%s' %s. Received %s", kind, name, reason, InspectPrimitive(value))
}

// OutOfRange is ERR_OUT_OF_RANGE with Node's message.
func OutOfRange(name, rng string, received string) *Error {
	return RangeError("ERR_OUT_OF_RANGE", "The value of \"%s\" is out of range. It must be %s. Received %s", name, rng, received)
}

// isJSTypeName reports whether an expected type is one of the names Node's message lists as a
// type ("must be of type string"). A switch, not a package-level map: a map literal is built by
// code at every process start.
func isJSTypeName(s string) bool {
	switch s {
	case "string", "function", "number", "object", "boolean", "bigint", "symbol", "Function", "Object":
		return true
	}
	return false
}

func isClassName(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func joinList(items []string, one, many string) string {
	switch len(items) {
	case 1:
		return one + items[0]
	case 2:
		return many + items[0] + " or " + items[1]
	}
	return many + strings.Join(items[:len(items)-1], ", ") + ", or " + items[len(items)-1]
}

// InvalidArgTypeMessage builds Node's ERR_INVALID_ARG_TYPE message.
func InvalidArgTypeMessage(name string, expected []string, actual goja.Value) string {
	var b strings.Builder
	b.WriteString("The ")
	if strings.HasSuffix(name, " argument") {
		b.WriteString(name + " ")
	} else if strings.Contains(name, ".") {
		b.WriteString(`"` + name + `" property `)
	} else {
		b.WriteString(`"` + name + `" argument `)
	}
	b.WriteString("must be ")
	var types, instances, other []string
	for _, e := range expected {
		switch {
		case isJSTypeName(e):
			types = append(types, strings.ToLower(e))
		case isClassName(e):
			instances = append(instances, e)
		default:
			other = append(other, e)
		}
	}
	if len(instances) > 0 {
		for i, t := range types {
			if t == "object" {
				types = append(types[:i:i], types[i+1:]...)
				instances = append(instances, "Object")
				break
			}
		}
	}
	if len(types) > 0 {
		b.WriteString(joinList(types, "of type ", "one of type "))
		if len(instances) > 0 || len(other) > 0 {
			b.WriteString(" or ")
		}
	}
	if len(instances) > 0 {
		if len(instances) > 2 {
			b.WriteString(joinList(instances, "", "an instance of "))
		} else {
			b.WriteString("an instance of " + instances[0])
			if len(instances) == 2 {
				b.WriteString(" or " + instances[1])
			}
		}
		if len(other) > 0 {
			b.WriteString(" or ")
		}
	}
	if len(other) > 0 {
		if len(other) == 1 {
			if strings.ToLower(other[0]) != other[0] {
				b.WriteString("an ")
			}
			b.WriteString(other[0])
		} else {
			b.WriteString(joinList(other, "", "one of "))
		}
	}
	b.WriteString(". Received ")
	b.WriteString(DescribeReceived(actual))
	return b.String()
}

// DescribeReceived formats a received value the way Node's argument errors do:
// "undefined", "type number (1)", "an instance of Foo", "function bar".
func DescribeReceived(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	if goja.IsNull(v) {
		return "null"
	}
	if o, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(o); isFn {
			if n := o.Get("name"); n != nil && n.String() != "" {
				return "function " + n.String()
			}
			return "function "
		}
		// node: value.constructor && 'name' in value.constructor (an empty name included), else
		// util.inspect(value, { depth: -1 })
		if c := o.Get("constructor"); c != nil && c.ToBoolean() {
			if co, ok := c.(*goja.Object); ok {
				if n := co.Get("name"); n != nil {
					return "an instance of " + n.String()
				}
			}
		}
		return inspectShallow(o)
	}
	if goja.IsString(v) {
		// Node shortens the string itself (in UTF-16 units), then puts it in single quotes as it
		// is, or through JSON.stringify when it holds a single quote
		s := v.ToString().(goja.String)
		if s.Length() > 28 {
			s = s.Substring(0, 25).Concat(asciiString("..."))
		}
		if !strings.ContainsRune(s.String(), '\'') {
			return "type string ('" + s.String() + "')"
		}
		return "type string (" + jsonQuoteUnits(s) + ")"
	}
	s := InspectPrimitive(v)
	if len(s) > 28 {
		s = s[:25] + "..."
	}
	return "type " + TypeOf(v) + " (" + s + ")"
}

// inspectShallow is util.inspect(o, { depth: -1 }) for an object: its constructor's name found
// up the prototype chain (Object's as "{}"), "[Name]" when it has keys of its own; a null
// prototype is "[Object: null prototype] {}" / "[Object: null prototype]", and a chain that names
// no constructor "Object <Complex prototype> {}" (V8 may know a better class name there).
func inspectShallow(o *goja.Object) string {
	hasKeys := len(o.Keys()) > 0 || len(o.Symbols()) > 0
	if o.Prototype() == nil {
		if hasKeys {
			return "[Object: null prototype]"
		}
		return "[Object: null prototype] {}"
	}
	name := "Object <Complex prototype>"
	for p, depth := o, 0; p != nil && depth < 64; p, depth = p.Prototype(), depth+1 {
		c, ok := p.Get("constructor").(*goja.Object)
		if !ok {
			continue
		}
		if _, isFn := goja.AssertFunction(c); !isFn {
			continue
		}
		if n := c.Get("name"); n != nil && goja.IsString(n) && n.String() != "" {
			name = n.String()
			break
		}
	}
	switch {
	case hasKeys:
		return "[" + name + "]"
	case name == "Object":
		return "{}"
	}
	return name + " {}"
}

// TypeOf returns JS typeof for v.
func TypeOf(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "object"
	case goja.IsString(v):
		return "string"
	case goja.IsNumber(v):
		return "number"
	case goja.IsBigInt(v):
		return "bigint"
	}
	switch o := v.(type) {
	case *goja.Symbol:
		return "symbol"
	case *goja.Object:
		if _, ok := goja.AssertFunction(o); ok {
			return "function"
		}
		return "object"
	}
	if _, ok := ExportAs[bool](v); ok {
		return "boolean"
	}
	return "object"
}

// InspectPrimitive formats a primitive as util.inspect does (strings quoted and escaped).
func InspectPrimitive(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	if goja.IsNull(v) {
		return "null"
	}
	switch TypeOf(v) {
	case "string":
		if js, ok := v.(goja.String); ok {
			return quoteJSUnits(js)
		}
		return QuoteJSString(v.String())
	case "number":
		f := v.ToFloat()
		if f == 0 && math.Signbit(f) {
			return "-0"
		}
		return v.String()
	case "bigint":
		return v.String() + "n"
	case "symbol":
		return "Symbol(" + v.String() + ")"
	case "boolean":
		return v.String()
	}
	return v.String()
}

// QuoteJSString quotes s as util.inspect does: single quotes unless s contains them, then double
// quotes, then backticks; control characters (C0, DEL and C1) escaped.
func QuoteJSString(s string) string {
	var b strings.Builder
	q := pickQuote(s)
	b.WriteByte(q)
	for _, r := range s {
		writeQuotedRune(&b, r, q)
	}
	b.WriteByte(q)
	return b.String()
}

// asciiString is s as a goja string.
func asciiString(s string) goja.String { return goja.StringFromUTF16(utf16.Encode([]rune(s))) }

// jsonQuoteUnits is JSON.stringify of a JS string: double quotes, the short escapes, other
// control characters and lone surrogates as \u00xx / \udxxx.
func jsonQuoteUnits(s goja.String) string {
	var b strings.Builder
	b.WriteByte('"')
	n := s.Length()
	for i := 0; i < n; i++ {
		c := rune(s.CharAt(i))
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if utf16.IsSurrogate(c) && i+1 < n {
				if r := utf16.DecodeRune(c, rune(s.CharAt(i+1))); r != utf8.RuneError {
					b.WriteRune(r)
					i++
					continue
				}
			}
			if c < 0x20 || utf16.IsSurrogate(c) {
				fmt.Fprintf(&b, `\u%04x`, c)
				continue
			}
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// quoteJSUnits is QuoteJSString on a JS string's UTF-16 units: a lone surrogate is escaped as
// \ud83d, as util.inspect does, where the UTF-8 form would have lost it.
func quoteJSUnits(s goja.String) string {
	n := s.Length()
	lone := false
	for i := 0; i < n; i++ {
		c := s.CharAt(i)
		if c >= 0xd800 && c <= 0xdbff && i+1 < n && s.CharAt(i+1) >= 0xdc00 && s.CharAt(i+1) <= 0xdfff {
			i++
		} else if c >= 0xd800 && c <= 0xdfff {
			lone = true
			break
		}
	}
	if !lone {
		return QuoteJSString(s.String())
	}
	var b strings.Builder
	q := pickQuote(s.String())
	b.WriteByte(q)
	for i := 0; i < n; i++ {
		c := s.CharAt(i)
		switch {
		case c >= 0xd800 && c <= 0xdbff && i+1 < n && s.CharAt(i+1) >= 0xdc00 && s.CharAt(i+1) <= 0xdfff:
			b.WriteRune(utf16.DecodeRune(rune(c), rune(s.CharAt(i+1))))
			i++
		case c >= 0xd800 && c <= 0xdfff:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			writeQuotedRune(&b, rune(c), q)
		}
	}
	b.WriteByte(q)
	return b.String()
}

func pickQuote(s string) byte {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 {
		if strings.IndexByte(s, '"') < 0 {
			q = '"'
		} else if strings.IndexByte(s, '`') < 0 && !strings.Contains(s, "${") {
			q = '`'
		}
	}
	return q
}

func writeQuotedRune(b *strings.Builder, r rune, q byte) {
	switch {
	case r == rune(q) || r == '\\':
		b.WriteByte('\\')
		b.WriteRune(r)
	case r == '\n':
		b.WriteString(`\n`)
	case r == '\t':
		b.WriteString(`\t`)
	case r == '\r':
		b.WriteString(`\r`)
	case r == '\b':
		b.WriteString(`\b`)
	case r == '\f':
		b.WriteString(`\f`)
	case r == '\v':
		b.WriteString(`\v`)
	case r < 0x20 || (r >= 0x7f && r <= 0x9f):
		fmt.Fprintf(b, `\x%02X`, r)
	default:
		b.WriteRune(r)
	}
}

// SystemError is a libuv-style system error: ENOENT and friends, with Node's message
// ("ENOENT: no such file or directory, open 'x'") and properties.
type SystemError struct {
	Errno   syscall.Errno
	Code    string // overrides the errno's name when set (e.g. ENOTFOUND)
	Syscall string
	Path    string
	Dest    string
	Address string
	Port    int
	Host    string // for getaddrinfo errors
	Err     error
	// PathGiven and DestGiven report Path and Dest even when empty: fs.readFileSync('') fails
	// with path '' and "open ''", as libuv's errors carry the path they were given.
	PathGiven, DestGiven bool
}

func (e *SystemError) code() string {
	if e.Code != "" {
		return e.Code
	}
	if n, ok := lookupErrno(e.Errno); ok {
		return n.code
	}
	return "UNKNOWN"
}

// Message returns Node's message for the error.
func (e *SystemError) Message() string {
	code := e.code()
	if e.Address != "" || e.Host != "" || e.Code == "ENOTFOUND" || e.Code == "EAI_AGAIN" {
		// net style: "connect ECONNREFUSED 127.0.0.1:80", "getaddrinfo ENOTFOUND host"
		m := e.Syscall + " " + code
		if e.Host != "" {
			m += " " + e.Host
		} else if e.Address != "" {
			m += " " + e.Address
			if e.Port > 0 {
				m += ":" + strconv.Itoa(e.Port)
			}
		}
		return m
	}
	desc := "unknown error"
	if n, ok := lookupErrno(e.Errno); ok {
		desc = n.desc
	}
	m := code + ": " + desc
	if e.Syscall != "" {
		m += ", " + e.Syscall
	}
	if e.Path != "" || e.PathGiven {
		m += " '" + e.Path + "'"
	}
	if e.Dest != "" || e.DestGiven {
		m += " -> '" + e.Dest + "'"
	}
	return m
}

func (e *SystemError) Error() string { return e.Message() }
func (e *SystemError) Unwrap() error { return e.Err }

// ErrnoOf extracts the syscall.Errno behind a Go error, or 0.
func ErrnoOf(err error) syscall.Errno {
	var en syscall.Errno
	if errors.As(err, &en) {
		return en
	}
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, exec.ErrNotFound):
		return syscall.ENOENT
	case errors.Is(err, fs.ErrExist):
		return syscall.EEXIST
	case errors.Is(err, fs.ErrPermission):
		return syscall.EACCES
	case errors.Is(err, os.ErrDeadlineExceeded):
		return syscall.ETIMEDOUT
	case errors.Is(err, net.ErrClosed), errors.Is(err, fs.ErrClosed):
		return syscall.EBADF
	}
	return 0
}

// NewSystemError wraps a Go error from syscall with Node's shape. path and dest may be empty.
func NewSystemError(err error, syscallName, path, dest string) *SystemError {
	return &SystemError{Errno: ErrnoOf(err), Syscall: syscallName, Path: path, Dest: dest, Err: err}
}

// ErrnoCode returns the code ("ENOENT") and negative Linux errno for e, as Node reports them.
func ErrnoCode(e syscall.Errno) (string, int) {
	if n, ok := lookupErrno(e); ok {
		return n.code, -int(e)
	}
	return "UNKNOWN", -int(e)
}

// ToJS converts a Go error into the JS value Node would throw: *Error and *SystemError become
// Node-shaped errors, a *goja.Exception gives back its value, anything else becomes an Error
// with the Go message. Loop only.
//
// Uncatchable errors (an interrupt from process.exit or Close, a stack overflow) are re-panicked
// so they keep unwinding to the loop: never turn them into catchable values here. (A Go function
// that calls into JS makes a stack overflow catchable with Mark and Repanic.)
func (h *Host) ToJS(err error) goja.Value {
	vm := h.VM
	Rethrow(err)
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return ex.Value()
	}
	var ne *Error
	if errors.As(err, &ne) {
		if ne.Name == "SystemError" {
			if v := h.systemError(ne); v != nil {
				return v
			}
		}
		return h.makeError(ne.Name, ne.Code, ne.Message, ne.Props)
	}
	var se *SystemError
	if errors.As(err, &se) {
		code := se.code()
		props := []Prop{{"errno", -int(se.Errno)}, {"code", code}, {"syscall", se.Syscall}}
		if se.Code == "ENOTFOUND" || strings.HasPrefix(se.Code, "EAI_") {
			props[0] = Prop{"errno", errnoForDNS(se.Code)}
		}
		if se.Path != "" || se.PathGiven {
			props = append(props, Prop{"path", se.Path})
		}
		if se.Dest != "" || se.DestGiven {
			props = append(props, Prop{"dest", se.Dest})
		}
		if se.Host != "" {
			props = append(props, Prop{"hostname", se.Host})
		}
		if se.Address != "" {
			props = append(props, Prop{"address", se.Address})
			if se.Port > 0 {
				props = append(props, Prop{"port", se.Port})
			}
		}
		o := h.makeError("Error", "", se.Message(), props)
		return o
	}
	return vm.NewGoError(err)
}

// errnoForDNS is libuv's errno of a getaddrinfo failure's code (ENOTFOUND is node's name for
// EAI_NONAME and EAI_NODATA).
func errnoForDNS(code string) int {
	switch code {
	case "EAI_ADDRFAMILY":
		return -3000
	case "EAI_AGAIN":
		return -3001
	case "EAI_FAIL":
		return -3004
	case "EAI_FAMILY":
		return -3005
	case "EAI_MEMORY":
		return -3006
	case "EAI_SERVICE":
		return -3010
	}
	return -3008
}

// Rethrow panics with err if it is one of goja's uncatchable errors (interrupt, stack overflow),
// so that Go code between two JS frames never swallows process.exit or Close.
func Rethrow(err error) {
	var ie *goja.InterruptedError
	var so *goja.StackOverflowError
	if errors.As(err, &ie) || errors.As(err, &so) {
		panic(err)
	}
}

// Throw panics with err converted by ToJS; use it inside Go functions called from JS.
func (h *Host) Throw(err error) {
	panic(h.ToJS(err))
}

// Repanic passes on err, the error of a call into JS made by a Go function that JS called, to
// that function's JS caller; at is the function's Mark, taken before it called into JS.
// panic(err) does the same, except for a stack overflow: goja lets no JS frame catch one (the
// callers' try/catch would never see it, and the process would die where node throws a
// RangeError) and stops it only at a Go frame, such as this one. Repanic throws node's RangeError
// from here instead, after putting the VM's stacks back where at says (see vmmark.go). An
// interrupt stays uncatchable. Loop only.
func (h *Host) Repanic(err error, at eventloop.VMMark) {
	if v, ok := h.CatchOverflow(err, at); ok {
		panic(v)
	}
	panic(err)
}

// CatchOverflow returns node's RangeError for x, the error of a call into JS or a value
// recovered from a panic in a Go function called from JS, when it is a stack overflow; at is
// the function's Mark, and the VM's stacks are put back there (eventloop/vmmark.go). ok is false for
// anything else, and when the stacks cannot be put back (the overflow then stays uncatchable).
// Loop only.
func (h *Host) CatchOverflow(x any, at eventloop.VMMark) (v goja.Value, ok bool) {
	// (goja returns and panics the overflow as it is; errors.As would walk the Unwrap of a
	// goja.Exception, which panics when the thrown value is a revoked proxy)
	so, isSO := x.(*goja.StackOverflowError)
	if !isSO || !at.Restore(h.VM) {
		return nil, false
	}
	return h.StackOverflow(so), true
}

// AsyncOverflow is what a call of fn that failed with err gives back when err is a stack
// overflow and fn is an async function: in node its promise rejects with the RangeError and the
// call returns that promise; goja lets the overflow out of the async function and never settles
// the promise it made, so this is a new one, rejected. ok is false otherwise (then Repanic).
// at is the caller's Mark, as for Repanic. Loop only.
func (h *Host) AsyncOverflow(fn goja.Value, err error, at eventloop.VMMark) (p goja.Value, ok bool) {
	if _, isSO := err.(*goja.StackOverflowError); !isSO || !isAsyncFunction(fn) {
		return nil, false
	}
	v, ok := h.CatchOverflow(err, at)
	if !ok {
		return nil, false
	}
	promise, _, reject := h.VM.NewPromise()
	if rerr := reject(v); rerr != nil {
		panic(rerr) // (only an uncatchable error: an interrupt)
	}
	return h.VM.ToValue(promise), true
}

// isAsyncFunction reports whether v is an async function (its prototype is AsyncFunction's).
func isAsyncFunction(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	proto := o.Prototype()
	if proto == nil {
		return false
	}
	tag := proto.GetSymbol(goja.SymToStringTag)
	return tag != nil && tag.String() == "AsyncFunction"
}

// StackOverflow returns the RangeError('Maximum call stack size exceeded') node throws for so,
// made without calling JS (the VM may still be near its depth limit): Host.Overflow's, or a
// plain one. Loop only.
func (h *Host) StackOverflow(so *goja.StackOverflowError) goja.Value {
	if h.Overflow != nil {
		return h.Overflow.StackOverflowError(so)
	}
	vm := h.VM
	if o, err := vm.New(vm.Get("RangeError"), vm.ToValue(stackOverflowMessage)); err == nil {
		return o
	}
	return vm.ToValue("RangeError: " + stackOverflowMessage)
}

const stackOverflowMessage = "Maximum call stack size exceeded"

// Mark returns where the Go function calling it (one called from JS) stands on the VM's stacks,
// for Repanic and CatchOverflow (eventloop.Mark). Call it before the function's first call into
// JS. Cheap: a few loads. Loop only.
func (h *Host) Mark() eventloop.VMMark { return eventloop.Mark(h.VM) }

// CallThrough is callThrough(fn, thisArg, ...args) for JS glue that must catch whatever fn
// throws, a stack overflow included (assert.throws, a test's body): it calls fn from Go, so that
// an overflow inside fn stops at this Go frame and reaches the glue's catch as a RangeError (see
// Repanic). Only on such paths: a call through Go costs more than a JS call. Loop only.
func (h *Host) CallThrough(call goja.FunctionCall) goja.Value {
	fn, ok := goja.AssertFunction(call.Argument(0))
	if !ok {
		panic(h.ToJS(InvalidArgType("fn", []string{"function"}, call.Argument(0))))
	}
	var args []goja.Value
	if len(call.Arguments) > 2 {
		args = call.Arguments[2:]
	}
	at := h.Mark()
	v, err := fn(call.Argument(1), args...)
	if err != nil {
		if p, ok := h.AsyncOverflow(call.Argument(0), err, at); ok {
			return p
		}
		h.Repanic(err, at)
	}
	return v
}

// makeError builds new <name>(message) with code and props, so that its stack and its
// toString() begin "Name [CODE]: message" as Node's do.
// systemError makes e, an *Error named SystemError whose "info" prop is a []Prop (node's
// context: code, message, path, syscall, errno... in node's order), as node's SystemError class
// makes it: an instance of SystemError whose errno, syscall, path and dest are accessors over
// info (internal/errors' makeSystemError). nil when e carries no such info, or internal/errors
// cannot load. Loop only.
func (h *Host) systemError(e *Error) goja.Value {
	var info []Prop
	for _, p := range e.Props {
		if p.Key == "info" {
			info, _ = p.Value.([]Prop)
		}
	}
	if info == nil || h.RequireFn == nil {
		return nil
	}
	ev, err := h.RequireFn("internal/errors")
	if err != nil {
		return nil
	}
	eo, ok := ev.(*goja.Object)
	if !ok {
		return nil
	}
	mk, ok := goja.AssertFunction(eo.Get("makeSystemError"))
	if !ok {
		return nil
	}
	vm := h.VM
	io := vm.NewObject()
	for _, p := range info {
		io.Set(p.Key, p.Value)
	}
	v, err := mk(goja.Undefined(), vm.ToValue(e.Code), vm.ToValue(e.Message), io)
	if err != nil {
		Rethrow(err)
		return nil
	}
	return v
}

func (h *Host) makeError(name, code, message string, props []Prop) *goja.Object {
	vm := h.VM
	if h.errs == nil {
		prg := CompileOnce("node:internal/makeError", makeErrorSrc)
		v, err := vm.RunProgram(prg)
		if err != nil {
			panic(err)
		}
		h.errs = v.(*goja.Object)
	}
	mk, _ := goja.AssertFunction(h.errs)
	gopd := h.RawGOPD
	if gopd == nil {
		gopd = vm.GlobalObject().Get("Object").ToObject(vm).Get("getOwnPropertyDescriptor")
	}
	args := []goja.Value{vm.ToValue(name), vm.ToValue(code), vm.ToValue(message), h.ToNodeErrorFunc(), gopd}
	v, err := mk(goja.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	o := v.(*goja.Object)
	// (set here, in order, as the program's assignments would: a JS loop over an object of them
	// cost a fifth of a system error's making)
	for _, p := range props {
		var pv any
		switch v := p.Value.(type) {
		case []any: // (a JS array, as node's opensslErrorStack is, not goja's view of a Go slice)
			pv = vm.NewArray(v...)
		case []string:
			a := make([]any, len(v))
			for i, s := range v {
				a[i] = s
			}
			pv = vm.NewArray(a...)
		default:
			pv = p.Value
		}
		if err := o.Set(p.Key, pv); err != nil {
			panic(err)
		}
	}
	if code != "" && h.HiddenCheckError != nil {
		base, ok := vm.Get(name).(*goja.Object)
		if !ok {
			base, _ = vm.Get("Error").(*goja.Object)
		}
		h.SettleNodeError(o, base, code)
	}
	return o
}

// SymIsNodeError marks an error made as node's internal/errors makes them (its kIsNodeError): the
// first line of its stack is "name [code]: message", formed when the stack is first read, as
// node's prepareStackTrace forms it. One symbol for the process (symbols belong to no runtime).
var SymIsNodeError = goja.NewSymbol("kIsNodeError")

const makeErrorSrc = `(function (name, code, message, toNodeError, gopd) {
  var Ctor = globalThis[name] || Error;
  if (!code) return new Ctor(message);
  // (its own keys in node's order: stack, code, message)
  var err = new Ctor();
  toNodeError(err, Ctor, code, message);
  var d = gopd(err, 'stack');
  if (d && !d.get) { // (goja's own stack, without gojs's runtime: formed now, with the code)
    Object.defineProperty(err, 'name', { value: name + ' [' + code + ']', configurable: true, writable: true });
    err.stack = err.name + ': ' + err.message + String(d.value).slice(String(d.value).indexOf('\n') >>> 0);
    delete err.name;
  }
  return err;
})`

type errProtoKey struct {
	base *goja.Object
	code string
}

// NodeErrorProto is the prototype node's internal/errors gives the errors of code made with base
// (TypeError, RangeError...): that of makeNodeErrorWithCode's `class NodeError extends base`,
// which inherits base's prototype and has a constructor getter (giving base, so that
// err.constructor is still TypeError), toString ("name [code]: message") and the kIsNodeError
// getter, where the error itself has only its stack, message and code. One per base and code in
// a runtime, made on the first such error. Loop only.
func (h *Host) NodeErrorProto(base *goja.Object, code string) *goja.Object {
	k := errProtoKey{base, code}
	if p, ok := h.protos[k]; ok {
		return p // (before the arguments of a first making are built)
	}
	return h.cachedProto(&h.protos, &h.protoMk, k, "node:internal/nodeErrorProto", nodeErrorProtoSrc,
		base, h.VM.ToValue(code), SymIsNodeError)
}

// cachedProto makes (*cache)[k] (its callers look it up first) by calling the function the glue src (compiled
// once per process under name) evaluates to, kept in *mk, with args. Loop only.
func (h *Host) cachedProto(cache *map[errProtoKey]*goja.Object, mk *goja.Callable, k errProtoKey,
	name, src string, args ...goja.Value) *goja.Object {
	if *mk == nil {
		v, err := h.VM.RunProgram(CompileOnce(name, src))
		if err != nil {
			panic(err)
		}
		*mk, _ = goja.AssertFunction(v)
	}
	v, err := (*mk)(goja.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	p := v.(*goja.Object)
	if *cache == nil {
		*cache = map[errProtoKey]*goja.Object{}
	}
	(*cache)[k] = p
	return p
}

// ToNodeError gives err, made by new base(message), the prototype of code's node errors
// (NodeErrorProto). Loop only.
func (h *Host) ToNodeError(err, base *goja.Object, code string) {
	if e := err.SetPrototype(h.NodeErrorProto(base, code)); e != nil {
		panic(e)
	}
}

// ToNodeErrorFunc is ToNodeError as a JS function toNodeError(err, base, code[, message]),
// returning err; given a message, it sets err's code and message too (SetCodeAndMessage).
// (for makeError's program and the glue of internal/errors): one per runtime. Loop only.
func (h *Host) ToNodeErrorFunc() goja.Value {
	if h.toNodeErr == nil {
		h.toNodeErr = h.VM.ToValue(func(call goja.FunctionCall) goja.Value {
			err, ok1 := call.Argument(0).(*goja.Object)
			base, ok2 := call.Argument(1).(*goja.Object)
			if ok1 && ok2 {
				code := call.Argument(2).String()
				h.ToNodeError(err, base, code)
				if len(call.Arguments) > 3 {
					// (with a message: code and message, in node's order of its own keys)
					SetCodeAndMessage(h.VM, err, code, call.Arguments[3].String())
				}
			}
			return call.Argument(0)
		})
	}
	return h.toNodeErr
}

// SettleNodeError gives err, a node error of code made with base whose code and message are
// set, the prototype of code's HideStackFramesError class (HiddenErrorProto) when one of node's
// hideStackFrames checks would have made it (HiddenCheckError). Loop only.
func (h *Host) SettleNodeError(err, base *goja.Object, code string) {
	if !HideableCode(code) || h.HiddenCheckError == nil || !h.HiddenCheckError(err) {
		return
	}
	if e := err.SetPrototype(h.HiddenErrorProto(base, code)); e != nil {
		panic(e)
	}
}

// HiddenErrorProto is the prototype of the errors of code's HideStackFramesError class, made
// with base: one level below the code's NodeError prototype (NodeErrorProto), with a
// constructor getter giving base, as node 20.20's. One per base and code in a runtime. Loop only.
func (h *Host) HiddenErrorProto(base *goja.Object, code string) *goja.Object {
	k := errProtoKey{base, code}
	if p, ok := h.hidden[k]; ok {
		return p
	}
	return h.cachedProto(&h.hidden, &h.hiddenMk, k, "node:internal/hiddenErrorProto", hiddenErrorProtoSrc,
		h.NodeErrorProto(base, code), base)
}

// HideableCode reports the codes node 20.20 defines with a HideStackFramesError class (the
// errors of its hideStackFrames checks; SystemError's ERR_FS_EISDIR and ERR_SYSTEM_ERROR too).
func HideableCode(code string) bool {
	switch code {
	case "ERR_INVALID_ARG_TYPE", "ERR_INVALID_ARG_VALUE", "ERR_OUT_OF_RANGE", "ERR_SOCKET_BAD_PORT", "ERR_UNKNOWN_SIGNAL",
		"ERR_INVALID_CHAR", "ERR_INVALID_HTTP_TOKEN", "ERR_HTTP_INVALID_HEADER_VALUE", "ERR_HTTP2_INVALID_HEADER_VALUE",
		"ERR_HTTP2_INVALID_PSEUDOHEADER", "ERR_HTTP2_INVALID_SETTING_VALUE", "ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED",
		"ERR_INCOMPATIBLE_OPTION_PAIR", "ERR_FALSY_VALUE_REJECTION", "ERR_FS_EISDIR", "ERR_SYSTEM_ERROR":
		return true
	}
	return false
}

// SetCodeAndMessage sets err's code (enumerable) and message (not), in node's order of its own
// keys: code first for the codes whose message node makes with a function (CodeBeforeMessage),
// message first for the others.
func SetCodeAndMessage(vm *goja.Runtime, err *goja.Object, code, message string) {
	first := CodeBeforeMessage(code)
	if first {
		if e := err.Set("code", code); e != nil {
			panic(e)
		}
	}
	if e := err.DefineDataProperty("message", vm.ToValue(message), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); e != nil {
		panic(e)
	}
	if !first {
		if e := err.Set("code", code); e != nil {
			panic(e)
		}
	}
}

// CodeBeforeMessage reports the codes (not SystemError's) whose message node 20.20 makes with a
// function: their errors' own keys are stack, code, message (those of a format string's,
// stack, message, code).
func CodeBeforeMessage(code string) bool {
	switch code {
	case "ERR_ACCESS_DENIED", "ERR_BUFFER_OUT_OF_BOUNDS", "ERR_ENCODING_INVALID_ENCODED_DATA", "ERR_FALSY_VALUE_REJECTION",
		"ERR_HTTP2_INVALID_SETTING_VALUE", "ERR_HTTP2_STREAM_CANCEL", "ERR_INTERNAL_ASSERTION", "ERR_INVALID_ADDRESS_FAMILY",
		"ERR_INVALID_ARG_TYPE", "ERR_INVALID_ARG_VALUE", "ERR_INVALID_CHAR", "ERR_INVALID_MIME_SYNTAX",
		"ERR_INVALID_MODULE_SPECIFIER", "ERR_INVALID_PACKAGE_CONFIG", "ERR_INVALID_PACKAGE_TARGET", "ERR_INVALID_RETURN_PROPERTY",
		"ERR_INVALID_RETURN_PROPERTY_VALUE", "ERR_INVALID_RETURN_VALUE", "ERR_INVALID_URL", "ERR_INVALID_URL_SCHEME",
		"ERR_MANIFEST_ASSERT_INTEGRITY", "ERR_MISSING_ARGS", "ERR_MODULE_NOT_FOUND", "ERR_OUT_OF_RANGE",
		"ERR_PACKAGE_IMPORT_NOT_DEFINED", "ERR_PACKAGE_PATH_NOT_EXPORTED", "ERR_PARSE_ARGS_UNKNOWN_OPTION", "ERR_REQUIRE_ASYNC_MODULE",
		"ERR_REQUIRE_ESM", "ERR_SOCKET_BAD_PORT", "ERR_SOCKET_BUFFER_SIZE", "ERR_TLS_ALPN_CALLBACK_INVALID_RESULT",
		"ERR_TLS_CERT_ALTNAME_INVALID", "ERR_UNHANDLED_ERROR", "ERR_UNSUPPORTED_DIR_IMPORT", "ERR_UNSUPPORTED_ESM_URL_SCHEME",
		"ERR_VM_MODULE_LINK_FAILURE", "ERR_WORKER_INVALID_EXEC_ARGV", "ERR_WORKER_PATH":
		return true
	}
	return false
}

const hiddenErrorProtoSrc = `(function (proto, Base) {
  class HideStackFramesError {
    get ['constructor']() { return Base; }
  }
  Object.setPrototypeOf(HideStackFramesError.prototype, proto);
  return HideStackFramesError.prototype;
})`

const nodeErrorProtoSrc = `(function (Base, code, kIsNodeError) {
  class NodeError extends Base {
    get ['constructor']() { return Base; }
    get [kIsNodeError]() { return true; }
    toString() { return ` + "`${this.name} [${code}]: ${this.message}`" + `; }
  }
  return NodeError.prototype;
})`

// HandleOf is the Go state v holds (a handle made with NewDynamicObject or ToValue), for a
// binding whose JS glue passes this[kHandle]: when v holds no T (a method called on a bare
// Object.create(Class.prototype), or on another object), it throws the TypeError node's glue
// meets reading method from the missing handle, where an unchecked type assertion would take
// the process down.
func HandleOf[T any](h *Host, v goja.Value, method string) T {
	if v != nil {
		if t, ok := ExportAs[T](v); ok {
			return t
		}
	}
	what := "undefined"
	if v != nil && goja.IsNull(v) {
		what = "null"
	}
	panic(h.VM.NewTypeError("Cannot read properties of %s (reading '%s')", what, method))
}
