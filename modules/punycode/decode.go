package punycode

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// RFC 3492's parameters, as punycode.js names them.
const (
	maxInt      = 2147483647
	base        = 36
	tMin        = 1
	tMax        = 26
	skew        = 38
	damp        = 700
	initialBias = 72
	initialN    = 128
)

func bind(h *modules.Host, o *goja.Object) error {
	// decode(input, delim) is the code points punycode.decode(input) makes of a string, or the
	// kind of its failure ('not-basic', 'invalid-input', 'overflow'), which the glue throws;
	// delim, when not -1, is the index of the last delimiter (an object's lastIndexOf said so)
	o.Set("decode", func(v goja.Value, delim int) goja.Value {
		points, fail := decodeUnits(modules.WTF8Units(modules.WTF8(v)), delim)
		if fail != "" {
			return h.VM.ToValue(fail)
		}
		vals := make([]any, len(points))
		for i, p := range points {
			vals[i] = p
		}
		return h.VM.NewArray(vals...)
	})
	// encode(input) is punycode.encode(input) of a string, or false when it overflows
	o.Set("encode", func(v goja.Value) goja.Value {
		out, ok := encodePoints(codePoints(modules.WTF8Units(modules.WTF8(v))))
		if !ok {
			return h.VM.ToValue(false)
		}
		return h.VM.ToValue(out)
	})
	return nil
}

// codePoints is punycode.js's ucs2decode: UTF-16 units as code points, a surrogate pair as one.
func codePoints(units []uint16) []int64 {
	out := make([]int64, 0, len(units))
	for i := 0; i < len(units); i++ {
		c := units[i]
		if c >= 0xD800 && c <= 0xDBFF && i+1 < len(units) && units[i+1]&0xFC00 == 0xDC00 {
			out = append(out, (int64(c&0x3FF)<<10)+int64(units[i+1]&0x3FF)+0x10000)
			i++
			continue
		}
		out = append(out, int64(c))
	}
	return out
}

// digitChar is the basic code point of a digit (lowercase).
func digitChar(d int64) byte {
	if d < 26 {
		return byte(d + 97)
	}
	return byte(d + 22)
}

// encodePoints is RFC 3492's encoding of code points, as punycode.js's encode makes it; ok is
// false when it overflows.
func encodePoints(points []int64) (string, bool) {
	var out []byte
	for _, c := range points {
		if c < 0x80 {
			out = append(out, byte(c))
		}
	}
	basicLength := int64(len(out))
	handled := basicLength
	if basicLength > 0 {
		out = append(out, '-')
	}
	n, delta, bias := int64(initialN), int64(0), int64(initialBias)
	for handled < int64(len(points)) {
		m := int64(maxInt)
		for _, c := range points {
			if c >= n && c < m {
				m = c
			}
		}
		inc := handled + 1
		if m-n > (maxInt-delta)/inc {
			return "", false
		}
		delta += (m - n) * inc
		n = m
		for _, c := range points {
			if c < n {
				if delta++; delta > maxInt {
					return "", false
				}
			}
			if c != n {
				continue
			}
			q := delta
			for k := int64(base); ; k += base {
				t := threshold(k, bias)
				if q < t {
					break
				}
				out = append(out, digitChar(t+(q-t)%(base-t)))
				q = (q - t) / (base - t)
			}
			out = append(out, digitChar(q))
			bias = adapt(delta, inc, handled == basicLength)
			delta = 0
			handled++
		}
		delta++
		n++
	}
	return string(out), true
}

// digitOf is a basic code point's digit value (base when it is no digit).
func digitOf(c uint16) int64 {
	switch {
	case c >= 0x30 && c < 0x3A:
		return int64(c) - 22
	case c >= 0x41 && c < 0x5B:
		return int64(c) - 0x41
	case c >= 0x61 && c < 0x7B:
		return int64(c) - 0x61
	}
	return base
}

// threshold is RFC 3492's t for the digit position k under bias.
func threshold(k, bias int64) int64 {
	switch {
	case k <= bias:
		return tMin
	case k >= bias+tMax:
		return tMax
	}
	return k - bias
}

// adapt is RFC 3492's bias adaptation.
func adapt(delta, numPoints int64, firstTime bool) int64 {
	if firstTime {
		delta /= damp
	} else {
		delta >>= 1
	}
	delta += delta / numPoints
	k := int64(0)
	for delta > ((base-tMin)*tMax)>>1 {
		delta /= base - tMin
		k += base
	}
	return k + (base-tMin+1)*delta/(delta+skew)
}

// decodeUnits decodes punycode given as UTF-16 units, in the steps and with the failures of
// punycode.js's decode. Each decoded code point is inserted into the output at an index that
// depends only on the output's length so far, so the insertions are placed once all are known
// (place): splicing each in is quadratic in the input's length.
func decodeUnits(in []uint16, delim int) ([]int64, string) {
	if delim == -1 {
		for j := len(in) - 1; j >= 0; j-- {
			if in[j] == '-' {
				delim = j
				break
			}
		}
	}
	basic := max(0, min(delim, len(in)))
	basicPoints := make([]int64, 0, basic)
	for j := 0; j < basic; j++ {
		if in[j] >= 0x80 {
			return nil, "not-basic"
		}
		basicPoints = append(basicPoints, int64(in[j]))
	}
	var inserted []int64
	var at []int
	i, n, bias := int64(0), int64(initialN), int64(initialBias)
	index := 0
	if basic > 0 {
		index = basic + 1
	}
	for index < len(in) {
		oldi := i
		w := int64(1)
		for k := int64(base); ; k += base {
			if index >= len(in) {
				return nil, "invalid-input"
			}
			digit := digitOf(in[index])
			index++
			if digit >= base {
				return nil, "invalid-input"
			}
			if digit > (maxInt-i)/w {
				return nil, "overflow"
			}
			i += digit * w
			t := threshold(k, bias)
			if digit < t {
				break
			}
			if w > maxInt/(base-t) {
				return nil, "overflow"
			}
			w *= base - t
		}
		out := int64(len(basicPoints)+len(inserted)) + 1
		bias = adapt(i-oldi, out, oldi == 0)
		if i/out > maxInt-n {
			return nil, "overflow"
		}
		n += i / out
		i %= out
		inserted = append(inserted, n)
		at = append(at, int(i))
		i++
	}
	return place(basicPoints, inserted, at), ""
}

// place is the sequence basic becomes when each inserted[k] is inserted at index at[k] in turn.
// Walking the insertions from the last, each takes the (at[k]+1)-th slot still free of the final
// sequence (a Fenwick tree counts the free slots); the basic points fill the slots left, in order.
func place(basic, inserted []int64, at []int) []int64 {
	if len(inserted) == 0 {
		return basic
	}
	total := len(basic) + len(inserted)
	out := make([]int64, total)
	taken := make([]bool, total)
	tree := make([]int32, total+1)
	for p := 1; p <= total; p++ {
		tree[p]++
		if up := p + p&-p; up <= total {
			tree[up] += tree[p]
		}
	}
	top := 1
	for top*2 <= total {
		top *= 2
	}
	for k := len(inserted) - 1; k >= 0; k-- {
		pos, rank := 0, int32(at[k]+1)
		for step := top; step > 0; step >>= 1 {
			if next := pos + step; next <= total && tree[next] < rank {
				pos = next
				rank -= tree[next]
			}
		}
		out[pos], taken[pos] = inserted[k], true
		for p := pos + 1; p <= total; p += p & -p {
			tree[p]--
		}
	}
	b := 0
	for p := range out {
		if !taken[p] {
			out[p] = basic[b]
			b++
		}
	}
	return out
}
