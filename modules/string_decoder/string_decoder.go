// Package string_decoder implements Node's string_decoder module
// (https://nodejs.org/api/string_decoder.html): StringDecoder keeps the bytes of a character
// split across writes and decodes it once complete, for every Buffer encoding, with the same
// rules as Node's native decoder.
package string_decoder

import (
	_ "embed"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

//go:embed string_decoder.js
var glue string

// Module is the "string_decoder" built-in.
var Module = modules.Module{Name: "string_decoder", Bind: bind, JSRef: &glue}

// The decoder state lives in a 7-byte Buffer, as in Node: the incomplete character's bytes,
// then the number of bytes missing, the number buffered and the encoding.
const (
	kIncomplete = 0
	kMissing    = 4
	kBuffered   = 5
	kEncoding   = 6
	kSize       = 7
)

type decoder []byte

// kStringMaxLength is V8's (and so node's) longest string, in UTF-16 units.
const kStringMaxLength = 0x1fffffe8

// nodeEncodings maps Node's native encoding numbers (kept in the state, as Node does) to ours.
var nodeEncodings = [...]buffer.Encoding{0: buffer.ASCII, 1: buffer.UTF8, 2: buffer.Base64, 3: buffer.UTF16LE,
	4: buffer.Latin1, 5: buffer.Hex, 6: buffer.Latin1, 7: buffer.Base64URL}

func (d decoder) enc() buffer.Encoding {
	if int(d[kEncoding]) < len(nodeEncodings) {
		return nodeEncodings[d[kEncoding]]
	}
	return buffer.UTF8
}

func (d decoder) str(b []byte) goja.Value { return buffer.Decode(b, d.enc()) }

// decode returns the string for data, keeping an incomplete trailing character in the state.
func (d decoder) decode(vm *goja.Runtime, data []byte) goja.Value {
	var prepend goja.Value
	enc := d.enc()
	if d[kMissing] > 0 {
		if enc == buffer.UTF8 {
			// A byte that is not a continuation byte ends the incomplete character early;
			// it starts a new one.
			for i := 0; i < len(data) && i < int(d[kMissing]); i++ {
				if data[i]&0xC0 != 0x80 {
					d[kMissing] = 0
					copy(d[int(d[kBuffered]):kMissing], data[:i])
					d[kBuffered] += byte(i)
					data = data[i:]
					break
				}
			}
		}
		found := min(len(data), int(d[kMissing]))
		copy(d[int(d[kBuffered]):kMissing], data[:found])
		data = data[found:]
		d[kMissing] -= byte(found)
		d[kBuffered] += byte(found)
		if d[kMissing] == 0 {
			prepend = d.str(d[:d[kBuffered]])
			d[kBuffered] = 0
		}
	}
	var body goja.Value
	if len(data) == 0 {
		if prepend != nil {
			return prepend
		}
		return vm.ToValue("")
	}
	n := len(data)
	switch enc {
	case buffer.UTF8:
		if data[n-1]&0x80 != 0 {
			for i := n - 1; ; i-- {
				d[kBuffered]++
				if data[i]&0xC0 == 0x80 {
					if d[kBuffered] >= 4 || i == 0 {
						d[kBuffered] = 0
						break
					}
					continue
				}
				switch {
				case data[i]&0xE0 == 0xC0:
					d[kMissing] = 2
				case data[i]&0xF0 == 0xE0:
					d[kMissing] = 3
				case data[i]&0xF8 == 0xF0:
					d[kMissing] = 4
				default:
					d[kBuffered] = 0
				}
				if d[kBuffered] == 0 {
					break
				}
				if d[kBuffered] >= d[kMissing] {
					d[kMissing] = 0
					d[kBuffered] = 0
				}
				d[kMissing] -= d[kBuffered]
				break
			}
		}
	case buffer.UTF16LE:
		if n%2 == 1 {
			d[kBuffered], d[kMissing] = 1, 1
		} else if data[n-1]&0xFC == 0xD8 {
			d[kBuffered], d[kMissing] = 2, 2
		}
	case buffer.Base64, buffer.Base64URL:
		d[kBuffered] = byte(n % 3)
		if d[kBuffered] > 0 {
			d[kMissing] = 3 - d[kBuffered]
		}
	}
	if b := int(d[kBuffered]); b > 0 {
		n -= b
		copy(d[:b], data[n:])
	}
	if n > 0 {
		body = d.str(data[:n])
	} else {
		body = vm.ToValue("")
	}
	if prepend == nil {
		return body
	}
	return prepend.(goja.String).Concat(body.(goja.String))
}

// flush returns what is buffered, decoded as is, and clears the state.
func (d decoder) flush(vm *goja.Runtime) goja.Value {
	switch d.enc() {
	case buffer.ASCII, buffer.Hex, buffer.Latin1:
		d[kMissing], d[kBuffered] = 0, 0
		return vm.ToValue("")
	case buffer.UTF16LE:
		if d[kBuffered]%2 == 1 {
			d[kMissing]--
			d[kBuffered]--
		}
	}
	if d[kBuffered] == 0 {
		d[kMissing] = 0
		return vm.ToValue("")
	}
	r := d.str(d[:d[kBuffered]])
	d[kMissing], d[kBuffered] = 0, 0
	return r
}

func bind(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	state := func(v goja.Value) decoder {
		s := buffer.BytesOf(vm, v)
		if len(s) < kSize {
			panic(vm.NewTypeError("invalid StringDecoder state"))
		}
		return decoder(s[:kSize])
	}
	// decode(state, view) -> string
	b.Set("decode", func(c goja.FunctionCall) goja.Value {
		data := buffer.BytesOf(vm, c.Argument(1))
		v := state(c.Argument(0)).decode(vm, data)
		// V8 caps a string at 0x1fffffe8 units; node's decoder reports what does not fit.
		// Only a chunk of more than half that many bytes can decode to that many units.
		if len(data) > kStringMaxLength/2 {
			if str, ok := v.(goja.String); ok && str.Length() > kStringMaxLength {
				h.Throw(modules.NativeError("Error", "ERR_STRING_TOO_LONG",
					"Cannot create a string longer than 0x1fffffe8 characters"))
			}
		}
		return v
	})
	// flush(state) -> string
	b.Set("flush", func(c goja.FunctionCall) goja.Value {
		return state(c.Argument(0)).flush(vm)
	})
	// makeWrite(slow, kNativeDecoder) -> StringDecoder.prototype.write: a string is returned as
	// is, a byte view decoded with the receiver's state (this[kNativeDecoder]) here; anything
	// else (other views, bad arguments, a receiver without a state) goes to slow, the JS
	// write, which throws node's errors. A JS write cost a frame, a typeof, ArrayBuffer.isView
	// and two symbol reads per chunk: 3-byte writes ran 5x node's time.
	b.Set("makeWrite", func(slowV, symV goja.Value) goja.Value {
		slow, ok1 := goja.AssertFunction(slowV)
		sym, ok2 := symV.(*goja.Symbol)
		if !ok1 || !ok2 {
			panic(vm.NewTypeError("makeWrite: a function and a symbol required"))
		}
		callSlow := func(c goja.FunctionCall) goja.Value {
			at := h.Mark()
			r, err := slow(c.This, c.Arguments...)
			if err != nil {
				h.Repanic(err, at)
			}
			return r
		}
		write := func(c goja.FunctionCall) goja.Value {
			arg := c.Argument(0)
			if goja.IsString(arg) {
				return arg
			}
			data, ok := buffer.ByteView(arg)
			this, isObj := c.This.(*goja.Object)
			if !ok || !isObj || len(data) > kStringMaxLength/2 {
				return callSlow(c)
			}
			st, ok := buffer.ByteView(modules.GetSym(this, sym))
			if !ok || len(st) < kSize {
				return callSlow(c)
			}
			return decoder(st[:kSize]).decode(vm, data)
		}
		return modules.NameFunc(vm, vm.ToValue(write).(*goja.Object), "write", 1)
	})
	b.Set("kSize", kSize)
	return nil
}
