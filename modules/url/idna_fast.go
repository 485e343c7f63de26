package url

import (
	"strings"
)

// fastIDNA maps a domain whose labels are ASCII or Latin-1 letters (the languages of most
// internationalized names in URLs: "münchen.de", "Bücher.example", "faß.de") as uts46.ToASCII
// does, without the general machinery: in UTS #46 such letters are valid, map only by case
// (ß stays, nontransitional), are already NFC, and are bidi class L, so no bidi or joiner
// rule applies. ASCII punycode labels are decoded and accepted when they hold only such
// letters and are written as the encoder writes them. ok is false for anything else, which
// goes to uts46; TestFastIDNA checks the two agree.
func fastIDNA(h string) (string, bool) {
	var stack [128]byte
	out, first := stack[:0], true
	for len(h) > 0 {
		label := h
		if i := strings.IndexByte(h, '.'); i >= 0 {
			label, h = h[:i], h[i+1:]
			if h == "" {
				return "", false // a trailing dot: the caller's rules
			}
		} else {
			h = ""
		}
		if !first {
			out = append(out, '.')
		}
		first = false
		ascii := true
		for i := 0; i < len(label); i++ {
			if label[i] >= 0x80 {
				ascii = false
				break
			}
		}
		if ascii {
			start := len(out)
			for i := 0; i < len(label); i++ {
				c := label[i]
				switch {
				case c >= 'A' && c <= 'Z':
					c += 'a' - 'A'
				case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_':
				default:
					return "", false
				}
				out = append(out, c)
			}
			if l := out[start:]; len(l) >= 4 && string(l[:4]) == "xn--" && !plainPunycode(string(l[4:])) {
				return "", false
			}
			continue
		}
		if len(label) >= 4 && label[0]|0x20 == 'x' && label[1]|0x20 == 'n' && label[2] == '-' && label[3] == '-' {
			return "", false // a punycode prefix on a label that is not ASCII: Node fails it
		}
		var runes [64]rune
		rs := runes[:0]
		for _, r := range label {
			switch {
			case r >= 'A' && r <= 'Z', r >= 0xc0 && r <= 0xde && r != 0xd7:
				r += 0x20
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_', r >= 0xdf && r <= 0xff && r != 0xf7:
			default:
				return "", false
			}
			rs = append(rs, r)
		}
		out = append(out, "xn--"...)
		out = punyEncode(out, rs)
	}
	return string(out), true
}

// plainPunycode reports whether p (a label after "xn--") decodes to letters fastIDNA maps to
// themselves, at least one of them not ASCII, and is the encoding of what it decodes to.
func plainPunycode(p string) bool {
	var runes [64]rune
	rs, ok := adaPunyDecode(runes[:0], p)
	if !ok {
		return false
	}
	wide := false
	for _, r := range rs {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
		case r >= 0xdf && r <= 0xff && r != 0xf7:
			wide = true
		default:
			return false
		}
	}
	var buf [64]byte
	return wide && string(punyEncode(buf[:0], rs)) == p
}

// Punycode (RFC 3492) parameters.
const (
	punyBase        = 36
	punyTMin        = 1
	punyTMax        = 26
	punySkew        = 38
	punyDamp        = 700
	punyInitialBias = 72
	punyInitialN    = 128
)

func punyAdapt(delta, n int, first bool) int {
	if first {
		delta /= punyDamp
	} else {
		delta /= 2
	}
	delta += delta / n
	k := 0
	for delta > ((punyBase-punyTMin)*punyTMax)/2 {
		delta /= punyBase - punyTMin
		k += punyBase
	}
	return k + (punyBase-punyTMin+1)*delta/(delta+punySkew)
}

func punyDigit(d int) byte {
	if d < 26 {
		return byte('a' + d)
	}
	return byte('0' + d - 26)
}

// punyEncode appends the Punycode encoding of rs to b.
func punyEncode(b []byte, rs []rune) []byte {
	basic := 0
	for _, r := range rs {
		if r < 0x80 {
			b = append(b, byte(r))
			basic++
		}
	}
	h := basic
	if basic > 0 {
		b = append(b, '-')
	}
	n, delta, bias := punyInitialN, 0, punyInitialBias
	for h < len(rs) {
		m := rune(0x7fffffff)
		for _, r := range rs {
			if r >= rune(n) && r < m {
				m = r
			}
		}
		delta += (int(m) - n) * (h + 1)
		n = int(m)
		for _, r := range rs {
			if int(r) < n {
				delta++
			}
			if int(r) == n {
				q := delta
				for k := punyBase; ; k += punyBase {
					t := k - bias
					if t < punyTMin {
						t = punyTMin
					} else if t > punyTMax {
						t = punyTMax
					}
					if q < t {
						break
					}
					b = append(b, punyDigit(t+(q-t)%(punyBase-t)))
					q = (q - t) / (punyBase - t)
				}
				b = append(b, punyDigit(q))
				bias = punyAdapt(delta, h+1, h == basic)
				delta = 0
				h++
			}
		}
		delta++
		n++
	}
	return b
}
