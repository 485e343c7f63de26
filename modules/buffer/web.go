package buffer

import (
	"crypto/rand"
	_ "embed"
	"fmt"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/text/transform"
)

//go:embed encoding.js
var encodingGlue string

// EncodingModule is "internal/encoding": TextEncoder, TextDecoder and DOMException, for the
// runtime to install as globals and for util to re-export.
var EncodingModule = modules.Module{Name: "internal/encoding", Internal: true, Bind: bindEncoding, JSRef: &encodingGlue}

// Text decoder encodings.
const (
	tdUTF8 = iota
	tdUTF16LE
	tdUTF16BE
	tdLatin1
	tdLegacy // any other encoding, through golang.org/x/text (legacy.go)
)

// encodeUTF8Into is encodeUTF8 that also reports how many UTF-16 units it consumed.
func encodeUTF8Into(dst []byte, s jsString) (read, written int) {
	if s.u == nil {
		n := copy(dst, s.a)
		return n, n
	}
	return encodeUTF8Units(dst, s.u)
}

// textDecoder is the streaming state of one TextDecoder.
// decoderHandle is a TextDecoder's state as its glue holds it: an object with no properties.
type decoderHandle struct{ d *textDecoder }

func (*decoderHandle) Get(string) goja.Value       { return nil }
func (*decoderHandle) Set(string, goja.Value) bool { return false }
func (*decoderHandle) Has(string) bool             { return false }
func (*decoderHandle) Delete(string) bool          { return false }
func (*decoderHandle) Keys() []string              { return nil }

type textDecoder struct {
	enc       int
	fatal     bool
	ignoreBOM bool
	pending   []byte                // bytes of an incomplete sequence from the previous stream chunk
	bomSeen   bool                  // the start of the stream has been passed
	legacy    transform.Transformer // tdLegacy's decoder of a multi-byte encoding
	table     *[256]uint16          // tdLegacy's table of a single-byte encoding
	// icu is set once a streaming decode happened: Node then leaves its latin1 fast path (which
	// decodes ISO-8859-1) for ICU's windows-1252 for the rest of the decoder's life.
	icu bool
}

// cp1252 maps bytes 0x80-0x9F as windows-1252 does (WHATWG's index).
var cp1252 = [32]uint16{
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
}

// decode decodes in after the pending bytes. It returns ok=false in fatal mode on bad input.
func (d *textDecoder) decode(in []byte, stream bool) (units16, bool) {
	data := in
	if len(d.pending) > 0 {
		data = append(append([]byte(nil), d.pending...), in...)
		d.pending = d.pending[:0]
	}
	u := newUnits(len(data))
	ok := true
	switch d.enc {
	case tdUTF8:
		var rest int
		u, rest = appendUTF8(u, data, !stream)
		if d.fatal && !isUTF8(data[:len(data)-rest]) {
			ok = false
		}
		if rest > 0 {
			d.pending = append(d.pending, data[len(data)-rest:]...)
		}
	case tdUTF16LE, tdUTF16BE:
		n := len(data) &^ 1
		for i := 0; i < n; i += 2 {
			var c uint16
			if d.enc == tdUTF16LE {
				c = uint16(data[i]) | uint16(data[i+1])<<8
			} else {
				c = uint16(data[i])<<8 | uint16(data[i+1])
			}
			u = append(u, c)
		}
		if n < len(data) {
			d.pending = append(d.pending, data[n:]...)
		}
		// A trailing high surrogate may be completed by the next chunk.
		if stream && len(u) > 1 {
			if c := u[len(u)-1]; c >= 0xD800 && c <= 0xDBFF {
				u = u[:len(u)-1]
				var b [2]byte
				if d.enc == tdUTF16LE {
					b[0], b[1] = byte(c), byte(c>>8)
				} else {
					b[0], b[1] = byte(c>>8), byte(c)
				}
				d.pending = append(append([]byte(nil), b[:]...), d.pending...)
			}
		}
		// At the end, a lead surrogate left unpaired and an odd last byte are one error (the
		// WHATWG decoder's end-of-queue step), so one replacement character.
		leadAtEnd := false
		if !stream && n < len(data) && len(u) > 1 {
			c := u[len(u)-1]
			leadAtEnd = c >= 0xD800 && c <= 0xDBFF
		}
		// Replace lone surrogates.
		body := u[1:]
		for i := 0; i < len(body); i++ {
			c := body[i]
			if c >= 0xD800 && c <= 0xDBFF && i+1 < len(body) && body[i+1] >= 0xDC00 && body[i+1] <= 0xDFFF {
				i++
				continue
			}
			if c >= 0xD800 && c <= 0xDFFF {
				body[i] = replacementChar
				ok = ok && !d.fatal
			}
		}
		if !stream && len(d.pending) > 0 {
			if !leadAtEnd {
				u = append(u, replacementChar)
			}
			d.pending = d.pending[:0]
			ok = ok && !d.fatal
		}
	case tdLegacy:
		u, ok = d.decodeLegacy(u, data, stream)
	default:
		if stream {
			d.icu = true
		}
		if !d.icu && d.ignoreBOM && len(data) > 0 && data[0] == 0xFF {
			// Node 20's latin1 fast path drops a leading 0xFF when told to ignore the BOM
			data = data[1:]
		}
		for _, c := range data {
			if d.icu && c >= 0x80 && c <= 0x9F {
				u = append(u, cp1252[c-0x80])
				continue
			}
			u = append(u, uint16(c))
		}
	}
	if !ok {
		d.pending = d.pending[:0]
		d.bomSeen = false
		return nil, false
	}
	if !d.ignoreBOM && !d.bomSeen && len(u) > 1 {
		if u[1] == 0xFEFF && d.enc != tdLatin1 && d.enc != tdLegacy {
			u = append(u[:1], u[2:]...)
		}
		d.bomSeen = true
	}
	if !stream {
		d.bomSeen = false
		d.pending = d.pending[:0]
	}
	return u, true
}

// forgivingBase64 decodes input per the WHATWG forgiving-base64 algorithm as Node's atob
// checks it: it returns 1 for a bad length, 2 for an invalid character.
func forgivingBase64(s jsString) ([]byte, int) {
	n := s.Len()
	count, equals := 0, 0
	for i := 0; i < n; i++ {
		c := s.At(i)
		switch {
		case c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ':
			continue
		case c == '=':
			count++
			equals++
		case c < 0x80 && unbase64Table[c] < 64 && c != '-' && c != '_':
			if equals > 0 {
				return nil, 2
			}
			count++
		default:
			return nil, 2
		}
		if equals > 2 {
			return nil, 2
		}
	}
	// Node 20's order: a data length of 4n+1 is "not correctly encoded" first, then padding
	// that does not complete a quantum is an invalid character.
	if (count-equals)%4 == 1 {
		return nil, 1
	}
	if count%4 != 0 && equals > 0 {
		return nil, 2
	}
	dst := make([]byte, base64Estimate(s))
	return dst[:decodeBase64(dst, s)], 0
}

func bindWeb(h *modules.Host, b *goja.Object) {
	vm := h.VM
	b.Set("atob", func(c goja.FunctionCall) goja.Value {
		out, code := forgivingBase64(stringOf(c.Argument(0)))
		if code != 0 {
			return vm.ToValue(code)
		}
		return decodeValue(out, encLatin1)
	})
	b.Set("btoa", func(c goja.FunctionCall) goja.Value {
		s := stringOf(c.Argument(0))
		for _, x := range s.u {
			if x > 0xFF {
				return goja.Null()
			}
		}
		return asciiValue(encodeBase64(encodeString(s, encLatin1), false))
	})
	b.Set("randomUUID", func(c goja.FunctionCall) goja.Value {
		var u [16]byte
		_, _ = rand.Read(u[:])
		u[6] = u[6]&0x0f | 0x40
		u[8] = u[8]&0x3f | 0x80
		return vm.ToValue(fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:]))
	})
	b.Set("inspectPrimitive", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(modules.InspectPrimitive(c.Argument(0)))
	})
	// transcode(buf, from, to) -> ArrayBuffer, or a number (an ICU error code) on failure.
	b.Set("transcode", func(c goja.FunctionCall) goja.Value {
		src := bytesOf(vm, c.Argument(0))
		from, to := c.Argument(1).String(), c.Argument(2).String()
		out, code := transcodeBytes(src, from, to)
		if code != 0 {
			return vm.ToValue(code)
		}
		return vm.ToValue(vm.NewArrayBuffer(out))
	})
}

// ICU's error codes that transcode reports.
const (
	icuIllegalArgument = 1  // U_ILLEGAL_ARGUMENT_ERROR: an encoding it does not convert
	icuInvalidChar     = 10 // U_INVALID_CHAR_FOUND: input its strict UTF converters refuse
)

// transcodeBytes converts src (not empty) between utf8, ucs2, latin1 and ascii as Node's ICU
// transcode does; the second result is 0 or the ICU error code. As in node:
//   - characters that the target cannot hold become '?', but for the default-ignorable ones,
//     which ICU drops;
//   - utf8 to ucs2 (ICU's u_strFromUTF8) and ucs2 to utf8 (u_strToUTF8) refuse ill-formed input
//     (a byte that is not UTF-8, a lone surrogate, or a ucs2 source of one byte) with
//     U_INVALID_CHAR_FOUND, where the other pairs substitute U+FFFD;
//   - an ascii source's bytes above 0x7F are ill-formed (U+FFFD), except to ucs2, which widens
//     every byte;
//   - ucs2 to ucs2 replaces lone surrogates and an odd last byte with U+FFFD.
func transcodeBytes(src []byte, from, to string) ([]byte, int) {
	var u []uint16
	if to != "utf8" && to != "ucs2" && to != "latin1" && to != "ascii" {
		return nil, icuIllegalArgument
	}
	switch from {
	case "utf8":
		if to == "ucs2" && !utf8.Valid(src) {
			return nil, icuInvalidChar
		}
		x, a := decodeUTF8(src)
		if x == nil {
			u = asciiUnits(a)
		} else {
			u = x[1:]
		}
	case "ucs2":
		u = decodeUTF16LE(src)[1:]
		if to == "utf8" && (len(src) < 2 || hasLoneSurrogate(u)) {
			return nil, icuInvalidChar
		}
		if to == "ucs2" {
			// ICU's own UTF-16LE to UTF-16LE conversion: lone surrogates and an odd last byte
			// become U+FFFD; a high surrogate then the odd byte make one incomplete character.
			odd := len(src)%2 == 1
			if odd && len(u) > 0 && u[len(u)-1] >= 0xD800 && u[len(u)-1] <= 0xDBFF {
				odd = false
			}
			u = wellFormedUnits(u)
			if odd {
				u = append(u, 0xFFFD)
			}
		}
	case "latin1", "ascii":
		u = make([]uint16, len(src))
		for i, c := range src {
			u[i] = uint16(c)
			if c > 0x7F && from == "ascii" && to != "ucs2" {
				u[i] = 0xFFFD
			}
		}
	default:
		return nil, icuIllegalArgument
	}
	s := jsString{u: u}
	switch to {
	case "utf8":
		return encodeString(s, encUTF8), 0
	case "ucs2":
		return encodeString(s, encUTF16LE), 0
	case "latin1", "ascii":
		limit := uint16(0xFF)
		if to == "ascii" {
			limit = 0x7F
		}
		out := make([]byte, 0, len(u))
		for i := 0; i < len(u); i++ {
			c := u[i]
			if c >= 0xD800 && c <= 0xDBFF && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF {
				cp := 0x10000 + (rune(c)-0xD800)<<10 + rune(u[i+1]-0xDC00)
				i++
				if !icuDefaultIgnorable(cp) {
					out = append(out, '?')
				}
				continue
			}
			if c > limit {
				if !icuDefaultIgnorable(rune(c)) {
					out = append(out, '?')
				}
				continue
			}
			out = append(out, byte(c))
		}
		return out, 0
	}
	return nil, icuIllegalArgument
}

// icuDefaultIgnorable reports the code points ICU's substitute callback drops rather than
// replaces when the target charset has no room for them (ucnv_err.cpp's
// IS_DEFAULT_IGNORABLE_CODE_POINT): soft hyphen, joiners, bidi controls, variation
// selectors, the BOM, tags and the like.
func icuDefaultIgnorable(c rune) bool {
	switch {
	case c == 0x00AD, c == 0x034F, c == 0x061C, c == 0x115F, c == 0x1160, c == 0x3164,
		c == 0xFEFF, c == 0xFFA0:
		return true
	case 0x17B4 <= c && c <= 0x17B5, 0x180B <= c && c <= 0x180F, 0x200B <= c && c <= 0x200F,
		0x202A <= c && c <= 0x202E, 0x2060 <= c && c <= 0x206F, 0xFE00 <= c && c <= 0xFE0F,
		0xFFF0 <= c && c <= 0xFFF8, 0x1BCA0 <= c && c <= 0x1BCA3, 0x1D173 <= c && c <= 0x1D17A,
		0xE0000 <= c && c <= 0xE0FFF:
		return true
	}
	return false
}

// wellFormedUnits returns u with each lone surrogate replaced by U+FFFD (a copy when it has any).
func wellFormedUnits(u []uint16) []uint16 {
	if !hasLoneSurrogate(u) {
		return u
	}
	out := make([]uint16, len(u))
	copy(out, u)
	for i := 0; i < len(out); i++ {
		c := out[i]
		if c >= 0xD800 && c <= 0xDBFF && i+1 < len(out) && out[i+1] >= 0xDC00 && out[i+1] <= 0xDFFF {
			i++
		} else if c >= 0xD800 && c <= 0xDFFF {
			out[i] = 0xFFFD
		}
	}
	return out
}

func hasLoneSurrogate(u []uint16) bool {
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c >= 0xD800 && c <= 0xDBFF && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF {
			i++
		} else if c >= 0xD800 && c <= 0xDFFF {
			return true
		}
	}
	return false
}

func bindEncoding(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	// encodeUtf8(string) -> ArrayBuffer
	b.Set("encodeUtf8", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(vm.NewArrayBuffer(encodeString(stringOf(c.Argument(0)), encUTF8)))
	})
	// encodeInto(string, dest, result): sets result[0] = read, result[1] = written
	b.Set("encodeInto", func(c goja.FunctionCall) goja.Value {
		dst := bytesOf(vm, c.Argument(1))
		read, written := encodeUTF8Into(dst, stringOf(c.Argument(0)))
		r := c.Argument(2).ToObject(vm)
		r.Set("read", read)
		r.Set("written", written)
		return r
	})
	// newDecoder(enc, fatal, ignoreBOM) -> the decoder's handle (an opaque object), or
	// undefined when enc is not supported. A string enc names a legacy encoding (WHATWG's name).
	b.Set("newDecoder", func(c goja.FunctionCall) goja.Value {
		var d *textDecoder
		fatal, ignoreBOM := c.Argument(1).ToBoolean(), c.Argument(2).ToBoolean()
		if e := c.Argument(0); goja.IsString(e) {
			if d = newLegacyDecoder(e.String(), fatal, ignoreBOM); d == nil {
				return goja.Undefined()
			}
		} else {
			d = &textDecoder{enc: int(e.ToInteger()), fatal: fatal, ignoreBOM: ignoreBOM}
		}
		return vm.NewDynamicObject(&decoderHandle{d: d})
	})
	// decodeWith(handle, view, stream) -> a string, or undefined when fatal decoding failed.
	b.Set("decodeWith", func(c goja.FunctionCall) goja.Value {
		hd, ok := modules.DynamicOf(c.Argument(0)).(*decoderHandle)
		if !ok {
			panic(vm.NewTypeError("decodeWith: not a decoder"))
		}
		var in []byte
		if a := c.Argument(1); !goja.IsUndefined(a) {
			in = bytesOf(vm, a)
		}
		u, ok := hd.d.decode(in, c.Argument(2).ToBoolean())
		if !ok {
			return goja.Undefined()
		}
		return u.valueAuto()
	})
	// makeDecode(slow, fatalError, kHandle, kUTF8FastPath, kLatin1FastPath) ->
	// TextDecoder.prototype.decode. The common call, a byte view or nothing with no options
	// or an options object, is served here with the glue's steps: options.stream read once,
	// the fast-path flags (this's symbols) cleared by a streaming call, the decoder's state
	// (this[kHandle]). Anything else goes to slow (the glue's decode, which validates and
	// throws node's errors); a fatal decoding failure to fatalError(this), which throws. The
	// glue's decode cost a dozen property reads and writes per call: a streaming decode of
	// 3-byte chunks ran 7x node's time.
	b.Set("makeDecode", func(c goja.FunctionCall) goja.Value {
		slow, ok1 := goja.AssertFunction(c.Argument(0))
		fatalErr, ok2 := goja.AssertFunction(c.Argument(1))
		kHandle, ok3 := c.Argument(2).(*goja.Symbol)
		kUTF8, ok4 := c.Argument(3).(*goja.Symbol)
		kLatin1, ok5 := c.Argument(4).(*goja.Symbol)
		if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 {
			panic(vm.NewTypeError("makeDecode: bad arguments"))
		}
		call := func(fn goja.Callable, this goja.Value, args ...goja.Value) goja.Value {
			at := h.Mark()
			r, err := fn(this, args...)
			if err != nil {
				h.Repanic(err, at)
			}
			return r
		}
		vFalse, vTrue := vm.ToValue(false), vm.ToValue(true)
		decode := func(c goja.FunctionCall) goja.Value {
			this, isObj := c.This.(*goja.Object)
			if !isObj || this == nil {
				return call(slow, c.This, c.Arguments...)
			}
			hd, ok := modules.DynamicOf(modules.GetSym(this, kHandle)).(*decoderHandle)
			if !ok {
				return call(slow, c.This, c.Arguments...)
			}
			input, options := c.Argument(0), c.Argument(1)
			var in []byte
			if !goja.IsUndefined(input) {
				if in, ok = ByteView(input); !ok {
					return call(slow, c.This, c.Arguments...)
				}
			}
			var opts *goja.Object
			if !goja.IsUndefined(options) {
				if opts, _ = options.(*goja.Object); opts == nil {
					return call(slow, c.This, c.Arguments...)
				}
			}
			// As node's: each fast-path flag still set is cleared by a truthy options.stream
			// (one read each); a decoder off its fast paths reads options.stream again.
			stream := func() bool {
				if opts == nil {
					return false
				}
				v := opts.Get("stream")
				return v != nil && v.ToBoolean()
			}
			fast := false
			for _, k := range [...]*goja.Symbol{kUTF8, kLatin1} {
				if on := modules.GetSym(this, k); on == nil || !on.ToBoolean() {
					continue
				}
				if stream() {
					if err := this.SetSymbol(k, vFalse); err != nil {
						panic(err)
					}
					continue
				}
				if err := this.SetSymbol(k, vTrue); err != nil {
					panic(err)
				}
				fast = true
				break
			}
			streaming := !fast && stream()
			u, ok := hd.d.decode(in, streaming)
			if !ok {
				return call(fatalErr, this)
			}
			return u.valueAuto()
		}
		return modules.NameFunc(vm, vm.ToValue(decode).(*goja.Object), "decode", 0)
	})
	b.Set("makeError", func(c goja.FunctionCall) goja.Value {
		return h.ToJS(modules.NewError(c.Argument(0).String(), c.Argument(1).String(), c.Argument(2).String()))
	})
	b.Set("invalidArgType", func(c goja.FunctionCall) goja.Value {
		var expected []string
		_ = vm.ExportTo(c.Argument(1), &expected)
		return h.ToJS(modules.InvalidArgType(c.Argument(0).String(), expected, c.Argument(2)))
	})
	return nil
}
