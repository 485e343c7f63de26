package runtime

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// JSON.parse of a string runs here rather than in goja's builtin, which reads the text through
// encoding/json's token stream (an interface value, and often an allocation, per token, a
// float64 round trip for every number) and so took 13x node's time on a 4 MB document (273 ms
// against 20 ms), and which refuses numbers out of float64's range (JSON.parse('1e400') is
// Infinity). This parser walks the text once, without recursion (a deeply nested document
// cannot exhaust the Go stack), and builds the values directly: plain objects with their keys
// defined as own data properties in the text's order (CreateDataProperty, so a "__proto__" key
// is an own property and no setter on Object.prototype runs, as in V8), arrays from their
// elements in one piece, integers as goja's ints, strings copied out of the text (a kept value
// does not pin the whole document) and keys that repeat in a document shared.
//
// A text whose conversion to UTF-8 may have replaced a lone surrogate goes to goja's builtin as
// before; a text it finds invalid gets V8's message from jsonErrorMessage.

// errJSONSyntax is a text that is not valid JSON.
var errJSONSyntax = errors.New("json: syntax error")

// jsonKeyCacheSize is the number of slots of the key cache: a power of two.
const jsonKeyCacheSize = 64

// jsonFrame is an object or array being filled.
type jsonFrame struct {
	obj   *goja.Object // an object's; nil for an array
	start int          // an array's first element in jsonParser.elems
	key   string       // the object's key whose value is being parsed
	wkey  goja.Value   // that key when it has a lone surrogate (not a Go string)
}

type jsonParser struct {
	vm     *goja.Runtime
	fns    **jsonReviveFns // for Reflect.defineProperty, for a key with a lone surrogate
	s      string
	pos    int
	stack  []jsonFrame
	elems  []goja.Value // the elements of the arrays being filled, one after the other
	buf    []byte       // a string's bytes while it has escapes
	units  []uint16     // a string's UTF-16 code units once it has a lone surrogate
	keys   *[jsonKeyCacheSize]string
	nkeys  int // keys read before keys was made
	frames [4]jsonFrame
}

// parseJSONText parses s, a whole JSON text, into goja values of vm.
func parseJSONText(vm *goja.Runtime, fns **jsonReviveFns, s string) (goja.Value, error) {
	p := &jsonParser{vm: vm, fns: fns, s: s}
	p.stack = p.frames[:0]
	return p.parse()
}

func (p *jsonParser) ws() {
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) parse() (goja.Value, error) {
	var v goja.Value
	for {
		// a value
		p.ws()
		if p.pos >= len(p.s) {
			return nil, errJSONSyntax
		}
		switch c := p.s[p.pos]; c {
		case '{':
			if p.emptyAfterOpen('}') {
				v = p.vm.NewObject()
				break
			}
			key, wkey, err := p.key()
			if err != nil {
				return nil, err
			}
			p.stack = append(p.stack, jsonFrame{obj: p.vm.NewObject(), key: key, wkey: wkey})
			continue
		case '[':
			if p.emptyAfterOpen(']') {
				v = p.vm.NewArray()
				break
			}
			p.stack = append(p.stack, jsonFrame{start: len(p.elems)})
			continue
		case '"':
			p.pos++
			sv, err := p.str()
			if err != nil {
				return nil, err
			}
			v = sv
		case 't', 'f', 'n':
			lv, ok := p.literal()
			if !ok {
				return nil, errJSONSyntax
			}
			v = lv
		default:
			if c != '-' && (c < '0' || c > '9') {
				return nil, errJSONSyntax
			}
			nv, err := p.number()
			if err != nil {
				return nil, err
			}
			v = nv
		}
		// v is complete: put it in the object or array it belongs to, closing those it ends
		for {
			if len(p.stack) == 0 {
				p.ws()
				if p.pos < len(p.s) {
					return nil, errJSONSyntax
				}
				return v, nil
			}
			f := &p.stack[len(p.stack)-1]
			if f.wkey != nil {
				fns, err := reviveFns(p.vm, p.fns)
				if err != nil {
					return nil, err
				}
				if _, err := fns.define(goja.Undefined(), f.obj, f.wkey, dataDescriptor(p.vm, v)); err != nil {
					return nil, err
				}
			} else if f.obj != nil {
				if err := f.obj.DefineDataProperty(f.key, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
					return nil, err
				}
			} else {
				p.elems = append(p.elems, v)
			}
			p.ws()
			if p.pos >= len(p.s) {
				return nil, errJSONSyntax
			}
			c := p.s[p.pos]
			p.pos++
			if c == ',' {
				if f.obj != nil {
					p.ws()
					key, wkey, err := p.key()
					if err != nil {
						return nil, err
					}
					f.key, f.wkey = key, wkey
				}
				break // the next value
			}
			if f.obj != nil && c == '}' {
				v = f.obj
			} else if f.obj == nil && c == ']' {
				v = p.array(f.start)
			} else {
				return nil, errJSONSyntax
			}
			p.stack[len(p.stack)-1] = jsonFrame{}
			p.stack = p.stack[:len(p.stack)-1]
		}
	}
}

// emptyAfterOpen reads an object's or array's opening character and the white space after it,
// and then the closing one if it comes next (an empty object or array).
func (p *jsonParser) emptyAfterOpen(closing byte) bool {
	p.pos++
	p.ws()
	if p.pos < len(p.s) && p.s[p.pos] == closing {
		p.pos++
		return true
	}
	return false
}

// literal reads true, false or null.
func (p *jsonParser) literal() (goja.Value, bool) {
	rest := p.s[p.pos:]
	switch {
	case strings.HasPrefix(rest, "true"):
		p.pos += 4
		return p.vm.ToValue(true), true
	case strings.HasPrefix(rest, "false"):
		p.pos += 5
		return p.vm.ToValue(false), true
	case strings.HasPrefix(rest, "null"):
		p.pos += 4
		return goja.Null(), true
	}
	return nil, false
}

// array makes the array of the elements from start on, and takes them off p.elems.
func (p *jsonParser) array(start int) *goja.Object {
	elems := p.elems[start:]
	items := make([]any, len(elems))
	for i, e := range elems {
		items[i] = e
		elems[i] = nil
	}
	p.elems = p.elems[:start]
	return p.vm.NewArray(items...)
}

// key reads an object's key and the colon after it (p.pos at its opening quote): a Go string, or
// a JS one when it has a lone surrogate.
func (p *jsonParser) key() (string, goja.Value, error) {
	if p.pos >= len(p.s) || p.s[p.pos] != '"' {
		return "", nil, errJSONSyntax
	}
	p.pos++
	if end := p.plainEnd(); end >= 0 {
		k := p.intern(p.s[p.pos:end])
		p.pos = end + 1
		return k, nil, p.colon()
	}
	b, units, err := p.strContent()
	if err != nil {
		return "", nil, err
	}
	if units != nil {
		return "", goja.StringFromUTF16(units), p.colon()
	}
	return string(b), nil, p.colon()
}

func (p *jsonParser) colon() error {
	p.ws()
	if p.pos >= len(p.s) || p.s[p.pos] != ':' {
		return errJSONSyntax
	}
	p.pos++
	return nil
}

// intern gives the key k (a part of the text) as a string of its own, the same one for keys that
// repeat (mostly: one slot per hash) once the text has had more than a few keys.
func (p *jsonParser) intern(k string) string {
	if len(k) > 32 {
		return strings.Clone(k)
	}
	if p.keys == nil {
		if p.nkeys++; p.nkeys <= 16 {
			return strings.Clone(k)
		}
		p.keys = new([jsonKeyCacheSize]string)
	}
	h := uint32(2166136261)
	for i := 0; i < len(k); i++ {
		h = (h ^ uint32(k[i])) * 16777619
	}
	slot := &p.keys[h&(jsonKeyCacheSize-1)]
	if *slot == k {
		return *slot
	}
	*slot = strings.Clone(k)
	return *slot
}

// str reads a string value (p.pos past its opening quote).
func (p *jsonParser) str() (goja.Value, error) {
	if end := p.plainEnd(); end >= 0 {
		v := p.vm.ToValue(strings.Clone(p.s[p.pos:end]))
		p.pos = end + 1
		return v, nil
	}
	b, units, err := p.strContent()
	if err != nil {
		return nil, err
	}
	if units != nil {
		return goja.StringFromUTF16(units), nil
	}
	return p.vm.ToValue(string(b)), nil
}

// plainEnd is where the string starting at p.pos (past its opening quote) closes when it has no
// escape and no control character before that, else -1.
func (p *jsonParser) plainEnd() int {
	for i := p.pos; i < len(p.s); i++ {
		switch c := p.s[i]; {
		case c == '"':
			return i
		case c == '\\' || c < 0x20:
			return -1
		}
	}
	return -1
}

// strContent reads a string with escapes from p.pos (past its opening quote) to past its closing
// one: its UTF-8 bytes, or its UTF-16 code units when it has an escaped lone surrogate.
func (p *jsonParser) strContent() ([]byte, []uint16, error) {
	p.buf = p.buf[:0]
	p.units = p.units[:0]
	wide := false // writing units, not buf
	put := func(r rune) {
		if wide {
			if r >= 0x10000 {
				a, b := utf16.EncodeRune(r)
				p.units = append(p.units, uint16(a), uint16(b))
			} else {
				p.units = append(p.units, uint16(r))
			}
		} else {
			p.buf = utf8.AppendRune(p.buf, r)
		}
	}
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		switch {
		case c == '"':
			p.pos++
			if wide {
				return nil, p.units, nil
			}
			return p.buf, nil, nil
		case c < 0x20:
			return nil, nil, errJSONSyntax
		case c != '\\':
			if c < utf8.RuneSelf {
				if wide {
					p.units = append(p.units, uint16(c))
				} else {
					p.buf = append(p.buf, c)
				}
				p.pos++
				continue
			}
			r, n := utf8.DecodeRuneInString(p.s[p.pos:])
			put(r)
			p.pos += n
			continue
		}
		// an escape
		if p.pos+1 >= len(p.s) {
			return nil, nil, errJSONSyntax
		}
		e := p.s[p.pos+1]
		p.pos += 2
		switch e {
		case '"', '\\', '/':
			put(rune(e))
		case 'b':
			put('\b')
		case 'f':
			put('\f')
		case 'n':
			put('\n')
		case 'r':
			put('\r')
		case 't':
			put('\t')
		case 'u':
			u, ok := p.hex4()
			if !ok {
				return nil, nil, errJSONSyntax
			}
			if !utf16.IsSurrogate(rune(u)) {
				put(rune(u))
				continue
			}
			if u < 0xdc00 && p.pos+6 <= len(p.s) && p.s[p.pos] == '\\' && p.s[p.pos+1] == 'u' {
				save := p.pos
				p.pos += 2
				if lo, ok := p.hex4(); ok && lo >= 0xdc00 && lo <= 0xdfff {
					put(utf16.DecodeRune(rune(u), rune(lo)))
					continue
				}
				p.pos = save
			}
			// a lone surrogate: UTF-8 cannot hold it
			if !wide {
				wide = true
				p.units = utf16.AppendRune(p.units[:0], 0)[:0]
				for _, r := range string(p.buf) {
					if r >= 0x10000 {
						a, b := utf16.EncodeRune(r)
						p.units = append(p.units, uint16(a), uint16(b))
					} else {
						p.units = append(p.units, uint16(r))
					}
				}
			}
			p.units = append(p.units, u)
		default:
			return nil, nil, errJSONSyntax
		}
	}
	return nil, nil, errJSONSyntax
}

// hex4 reads the four hex digits of a \u escape.
func (p *jsonParser) hex4() (uint16, bool) {
	if p.pos+4 > len(p.s) {
		return 0, false
	}
	var u uint16
	for i := 0; i < 4; i++ {
		c := p.s[p.pos+i]
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		u = u<<4 | uint16(c)
	}
	p.pos += 4
	return u, true
}

// number reads a number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *jsonParser) number() (goja.Value, error) {
	start := p.pos
	neg := false
	if p.s[p.pos] == '-' {
		neg = true
		p.pos++
	}
	digits := p.pos
	if p.pos >= len(p.s) {
		return nil, errJSONSyntax
	}
	if p.s[p.pos] == '0' {
		p.pos++
	} else if c := p.s[p.pos]; c >= '1' && c <= '9' {
		for p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
			p.pos++
		}
	} else {
		return nil, errJSONSyntax
	}
	intEnd := p.pos
	isInt := true
	if p.pos < len(p.s) && p.s[p.pos] == '.' {
		isInt = false
		p.pos++
		if !p.digits() {
			return nil, errJSONSyntax
		}
	}
	if p.pos < len(p.s) && (p.s[p.pos] == 'e' || p.s[p.pos] == 'E') {
		isInt = false
		p.pos++
		if p.pos < len(p.s) && (p.s[p.pos] == '+' || p.s[p.pos] == '-') {
			p.pos++
		}
		if !p.digits() {
			return nil, errJSONSyntax
		}
	}
	if isInt && intEnd-digits <= 15 {
		var n int64
		for i := digits; i < intEnd; i++ {
			n = n*10 + int64(p.s[i]-'0')
		}
		if neg {
			if n == 0 {
				return p.vm.ToValue(math.Copysign(0, -1)), nil
			}
			n = -n
		}
		return p.vm.ToValue(n), nil
	}
	f, err := strconv.ParseFloat(p.s[start:p.pos], 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return nil, errJSONSyntax
	}
	return p.vm.ToValue(f), nil // out of range: ±Infinity or ±0, as the spec rounds
}

// digits reads one or more decimal digits.
func (p *jsonParser) digits() bool {
	start := p.pos
	for p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
		p.pos++
	}
	return p.pos > start
}

// fastJSONParse parses src (text made a string) with args' reviver, if any, unless src is one
// left to goja's builtin (done false): a text with U+FFFD, which the conversion of a UTF-16 JS
// string to UTF-8 may have put in place of a lone surrogate. *fns is set up on the first reviver.
func fastJSONParse(vm *goja.Runtime, fns **jsonReviveFns, text goja.Value, src string, args []goja.Value) (v goja.Value, err error, done bool) {
	if s, ok := text.(goja.String); (!ok || !isASCIIValue(s)) && strings.Contains(src, "\uFFFD") {
		return nil, nil, false
	}
	v, err = parseJSONText(vm, fns, src)
	if err != nil || len(args) < 2 {
		return v, err, true
	}
	reviver, _ := goja.AssertFunction(args[1])
	f, err := reviveFns(vm, fns)
	if err != nil {
		return nil, err, true
	}
	v, err = jsonRevive(vm, f, reviver, v)
	return v, err, true
}

// reviveFns sets *fns up from the global Array and Reflect the first time.
func reviveFns(vm *goja.Runtime, fns **jsonReviveFns) (*jsonReviveFns, error) {
	if *fns != nil {
		return *fns, nil
	}
	g := vm.GlobalObject()
	f := &jsonReviveFns{}
	if array, ok := g.Get("Array").(*goja.Object); ok {
		f.isArray, _ = goja.AssertFunction(array.Get("isArray"))
	}
	if reflect, ok := g.Get("Reflect").(*goja.Object); ok {
		f.define, _ = goja.AssertFunction(reflect.Get("defineProperty"))
		f.remove, _ = goja.AssertFunction(reflect.Get("deleteProperty"))
	}
	if f.isArray == nil || f.define == nil || f.remove == nil {
		return nil, errors.New("JSON.parse: Array.isArray or Reflect is missing")
	}
	*fns = f
	return f, nil
}

// dataDescriptor is {value: v, writable: true, enumerable: true, configurable: true} with no
// prototype (an Object.prototype.get cannot turn it into an accessor's).
func dataDescriptor(vm *goja.Runtime, v goja.Value) *goja.Object {
	desc := vm.CreateObject(nil)
	desc.Set("value", v)
	desc.Set("writable", true)
	desc.Set("enumerable", true)
	desc.Set("configurable", true)
	return desc
}

// jsonReviveFns are the built-ins the revive walk calls, as the spec's abstract operations do:
// IsArray (a Proxy of an array is one), CreateDataProperty and [[Delete]] (whose false results are
// ignored, while what a Proxy's trap throws goes through).
type jsonReviveFns struct {
	isArray, define, remove goja.Callable
}

// jsonRevive is the spec's InternalizeJSONProperty for the root value v: reviver called on every
// value bottom-up, with the holder as this, an undefined result deleting the property.
func jsonRevive(vm *goja.Runtime, fns *jsonReviveFns, reviver goja.Callable, v goja.Value) (goja.Value, error) {
	root := vm.NewObject()
	if err := root.DefineDataProperty("", v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		return nil, err
	}
	undef := goja.Undefined()
	var walk func(holder *goja.Object, name goja.Value) (goja.Value, error)
	walk = func(holder *goja.Object, name goja.Value) (goja.Value, error) {
		val := holder.Get(name.String())
		if val == nil {
			val = undef
		}
		if o, ok := val.(*goja.Object); ok {
			arr, err := fns.isArray(undef, o)
			if err != nil {
				return nil, err
			}
			if arr.ToBoolean() {
				var n int64
				if l := o.Get("length"); l != nil {
					n = l.ToNumber().ToInteger() // LengthOfArrayLike
				}
				for i := int64(0); i < n; i++ {
					if err := jsonReviveKey(vm, fns, walk, o, vm.ToValue(strconv.FormatInt(i, 10))); err != nil {
						return nil, err
					}
				}
			} else {
				for _, k := range o.Keys() { // EnumerableOwnPropertyNames, taken before any call
					if err := jsonReviveKey(vm, fns, walk, o, vm.ToValue(k)); err != nil {
						return nil, err
					}
				}
			}
		}
		return reviver(holder, name, val)
	}
	return walk(root, vm.ToValue(""))
}

// jsonReviveKey revives o's property k and puts the result back (or deletes it).
func jsonReviveKey(vm *goja.Runtime, fns *jsonReviveFns, walk func(*goja.Object, goja.Value) (goja.Value, error), o *goja.Object, k goja.Value) error {
	nv, err := walk(o, k)
	if err != nil {
		return err
	}
	if goja.IsUndefined(nv) {
		_, err = fns.remove(goja.Undefined(), o, k)
		return err
	}
	_, err = fns.define(goja.Undefined(), o, k, dataDescriptor(vm, nv))
	return err
}
