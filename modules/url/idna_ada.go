package url

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/net/idna"
	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
)

// This file is Node 20's domain to ASCII: Ada 2.9's ada::idna::to_ascii, which is not UTS #46's
// ToASCII in three ways that show in URLs:
//   - the domain is mapped (UTS #46, nontransitional, no STD3 rules) and normalized as a whole,
//     then each label is handled on its own: an empty label stays, an ASCII label is written as
//     it is with no check, a label starting with "xn--" is checked by decoding it and then
//     written as it is ("xn--abc-" stays, though it decodes to "abc"), and any other label is
//     checked and encoded;
//   - an ASCII domain is only lowercased, its "xn--" labels checked the same way;
//   - the label check is Ada's (adaLabelValid): a leading combining mark, Ada's reading of the
//     joiner rules and of the bidi rule.
//
// golang.org/x/net/idna supplies the mapping table only: its ToASCII maps the domain and then
// decodes and re-encodes the "xn--" labels, which Ada does not.

// adaMapper maps with UTS #46 (nontransitional, no STD3 rules) and normalizes to NFC, with no
// label checks: adaMapSegment keeps it from decoding "xn--" labels.
var adaMapper = modules.Lazy[*idna.Profile]{Build: func() *idna.Profile {
	return idna.New(idna.MapForLookup(), idna.StrictDomainName(false), idna.ValidateLabels(false),
		idna.Transitional(false), idna.VerifyDNSLength(false))
}}

// isDomainDot reports whether r is one of the code points UTS #46 maps to '.' (no other code
// point's mapping holds a '.'; TestAdaMapDots checks it over all of Unicode).
func isDomainDot(r rune) bool {
	return r == '.' || r == '\u3002' || r == '\uff0e' || r == '\uff61'
}

// adaToASCII is Node 20's domain to ASCII (Ada's ada::idna::to_ascii) of a valid UTF-8 domain;
// ok is false where Ada fails. The caller checks the result for forbidden domain code points
// and an empty result, as Ada's callers do.
func adaToASCII(s string) (string, bool) {
	if isASCII(s) {
		return adaASCII(s)
	}
	if a, ok := fastIDNA(s); ok {
		return a, true
	}
	return adaMapToASCII(s)
}

// adaMapToASCII is adaToASCII's general path: it maps the domain, then handles each label.
func adaMapToASCII(s string) (string, bool) {
	if !utf8.ValidString(s) {
		return "", false
	}
	var stack [128]byte
	out := stack[:0]
	first := true
	for {
		// a segment: up to the next code point that maps to a dot
		end, next := len(s), len(s)
		for i, r := range s {
			if isDomainDot(r) {
				end, next = i, i+utf8.RuneLen(r)
				break
			}
		}
		if !first {
			out = append(out, '.')
		}
		first = false
		label, ok := adaMapSegment(s[:end])
		if !ok {
			return "", false
		}
		if out, ok = adaAppendLabel(out, label); !ok {
			return "", false
		}
		if next == len(s) {
			if end == len(s) {
				break
			}
			out = append(out, '.') // a trailing dot: an empty last label
			break
		}
		s = s[next:]
	}
	return string(out), true
}

// adaMapSegment maps a part of a domain holding no code point that maps to a dot.
func adaMapSegment(seg string) (string, bool) {
	if isASCII(seg) {
		for i := 0; i < len(seg); i++ {
			if c := seg[i]; c >= 'A' && c <= 'Z' {
				return strings.ToLower(seg), true
			}
		}
		return seg, true
	}
	// the leading '0' keeps x/net from reading the segment as punycode: it maps to itself,
	// composes with nothing and no mapping holds a dot
	m, err := adaMapper.Get().ToUnicode("0" + seg)
	if err != nil || len(m) == 0 || m[0] != '0' || strings.ContainsRune(m, utf8.RuneError) {
		return "", false
	}
	return m[1:], true
}

// adaAppendLabel appends one mapped label as Ada writes it.
func adaAppendLabel(out []byte, label string) ([]byte, bool) {
	switch {
	case label == "":
		return out, true
	case strings.HasPrefix(label, "xn--"):
		if !isASCII(label) || !adaPunyLabelOK(label[4:]) {
			return out, false
		}
		return append(out, label...), true
	case isASCII(label):
		return append(out, label...), true
	}
	var runes [64]rune
	rs := runes[:0]
	for _, r := range label {
		rs = append(rs, r)
	}
	if !adaLabelValid(rs) {
		return out, false
	}
	out = append(out, "xn--"...)
	return punyEncodeChecked(out, rs)
}

// adaASCII is Ada's to_ascii of an ASCII domain: lowercased, each "xn--" label checked.
func adaASCII(s string) (string, bool) {
	lower := s
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			lower = strings.ToLower(s)
			break
		}
	}
	return lower, adaPunyLabelsOK(lower)
}

// adaPunyLabelsOK reports whether every "xn--" label of lowercase ASCII domain d passes Ada's
// check.
func adaPunyLabelsOK[T string | []byte](d T) bool {
	for len(d) > 0 {
		i := 0
		for i < len(d) && d[i] != '.' {
			i++
		}
		if i >= 4 && d[0] == 'x' && d[1] == 'n' && d[2] == '-' && d[3] == '-' && !adaPunyLabelOK(string(d[4:i])) {
			return false
		}
		if i == len(d) {
			break
		}
		d = d[i+1:]
	}
	return true
}

// adaPunyLabelOK is Ada's check of an "xn--" label, p the part after "xn--": it must decode
// (Ada's decoder, which takes a delimiter in first position) to a non-empty label that the
// mapping leaves as it is, in NFC, and valid.
func adaPunyLabelOK(p string) bool {
	var runes [64]rune
	rs, ok := adaPunyDecode(runes[:0], p)
	if !ok || len(rs) == 0 {
		return false
	}
	plain := true
	for _, r := range rs {
		switch {
		case r < 0x80:
			if r >= 'A' && r <= 'Z' {
				return false // mapped to lowercase
			}
		case r >= 0xdf && r <= 0xff && r != 0xf7:
			// Latin-1 lowercase letters: valid, NFC, bidi L, no combining mark
		case r < 0xa0:
			return false // a C1 control: disallowed
		default:
			plain = false
		}
	}
	if plain {
		return true
	}
	u := string(rs)
	// a dot-producing code point in u is mapped to '.', so the result differs: no label of the
	// guarded string can reach x/net's punycode decoding unchanged
	if m, err := adaMapper.Get().ToUnicode("0" + u); err != nil || len(m) != len(u)+1 || m[1:] != u {
		return false
	}
	return adaLabelValid(rs)
}

// adaPunyDecode appends what Punycode p decodes to, as Ada's punycode_to_utf32 reads it: the
// basic code points are everything before the last '-', even when that is the first
// character; a decoded code point below 0x80 is an error. Code points Ada would leave for the
// mapping to reject (surrogates, beyond U+10FFFF) are errors here.
func adaPunyDecode(rs []rune, p string) ([]rune, bool) {
	start := len(rs)
	if end := strings.LastIndexByte(p, '-'); end >= 0 {
		for i := 0; i < end; i++ {
			if p[i] >= 0x80 {
				return rs, false
			}
			rs = append(rs, rune(p[i]))
		}
		p = p[end+1:]
	}
	const maxInt = 0x7fffffff
	n, i, bias := punyInitialN, 0, punyInitialBias
	for len(p) > 0 {
		oldi, w := i, 1
		for k := punyBase; ; k += punyBase {
			if len(p) == 0 {
				return rs, false
			}
			c := p[0]
			p = p[1:]
			var d int
			switch {
			case c >= 'a' && c <= 'z':
				d = int(c - 'a')
			case c >= '0' && c <= '9':
				d = int(c-'0') + 26
			default:
				return rs, false
			}
			if d > (maxInt-i)/w {
				return rs, false
			}
			i += d * w
			t := k - bias
			if t < punyTMin {
				t = punyTMin
			} else if t > punyTMax {
				t = punyTMax
			}
			if d < t {
				break
			}
			if w > maxInt/(punyBase-t) {
				return rs, false
			}
			w *= punyBase - t
		}
		x := len(rs) - start + 1
		bias = punyAdapt(i-oldi, x, oldi == 0)
		if i/x > maxInt-n {
			return rs, false
		}
		n += i / x
		i %= x
		if n < 0x80 || n > utf8.MaxRune || n >= 0xd800 && n < 0xe000 {
			return rs, false
		}
		rs = append(rs, 0)
		copy(rs[start+i+1:], rs[start+i:])
		rs[start+i] = rune(n)
		i++
	}
	return rs, true
}

// punyEncodeChecked is punyEncode with Ada's overflow checks (32-bit deltas).
func punyEncodeChecked(b []byte, rs []rune) ([]byte, bool) {
	// the largest delta is below (max code point + 1) * (len(rs) + 1)
	if int64(len(rs)+1)*(utf8.MaxRune+1) > 0x7fffffff {
		delta, n, h := int64(0), int64(punyInitialN), 0
		for _, r := range rs {
			if r < 0x80 {
				h++
			}
		}
		for h < len(rs) {
			m := int64(0x7fffffff)
			for _, r := range rs {
				if int64(r) >= n && int64(r) < m {
					m = int64(r)
				}
			}
			delta += (m - n) * int64(h+1)
			if delta > 0x7fffffff {
				return b, false
			}
			n = m
			for _, r := range rs {
				if int64(r) < n {
					if delta++; delta > 0x7fffffff {
						return b, false
					}
				}
				if int64(r) == n {
					delta = 0
					h++
				}
			}
			delta++
			n++
		}
	}
	return punyEncode(b, rs), true
}

// adaLabelValid is Ada's check of a mapped, non-ASCII label (ada::idna::is_label_valid): it must
// not start with a combining mark (of Unicode 13, whose tables Ada's check uses); the first zero width joiner or non-joiner decides the label
// by Ada's reading of the ContextJ rules; a label with no character but NSM ones fails; a label
// holding an R, AL or AN character must pass Ada's bidi rule (adaBidi).
func adaLabelValid(label []rune) bool {
	if len(label) == 0 {
		return true
	}
	if unicode.In(label[0], unicode.Mn, unicode.Mc, unicode.Me) && !unicode.Is(newerThan13, label[0]) {
		return false
	}
	for i, r := range label {
		switch r {
		case '\u200c':
			if i > 0 && isVirama(label[i-1]) {
				return true
			}
			if i == 0 || i+1 >= len(label) {
				return false
			}
			before, after := false, false
			for _, b := range label[:i] {
				if j := joiningType(b); j == 'L' || j == 'D' {
					before = true
					break
				}
			}
			for _, a := range label[i+1:] {
				if j := joiningType(a); j == 'R' || j == 'D' {
					after = true
					break
				}
			}
			return before && after
		case '\u200d':
			return i > 0 && isVirama(label[i-1])
		}
	}
	last := len(label) - 1
	for last >= 0 && bidiClass(label[last]) == bidi.NSM {
		last--
	}
	if last < 0 {
		return false
	}
	return adaBidi(label)
}

// isVirama reports whether r is a virama to Ada: canonical combining class 9, but for the four
// that Unicode 14 and 15 added, which Ada's list lacks.
func isVirama(r rune) bool {
	switch r {
	case 0x1715, 0x11070, 0x11f41, 0x11f42:
		return false
	}
	return r >= 0x900 && norm.NFC.PropertiesString(string(r)).CCC() == 9
}

// joiningType is the joining type Ada gives r for the ContextJ rule of U+200C: 'D' (dual),
// 'R' (right), 'L' (left), or 0. Ada's table covers Arabic, Syriac, Mandaic, Mongolian and
// Phags-pa letters only (the ranges below are Ada's).
func joiningType(r rune) byte {
	if r < 0x620 || r > 0xa872 {
		return 0
	}
	for _, g := range joiningRanges {
		if r < g.lo {
			return 0
		}
		if r <= g.hi {
			return g.t
		}
	}
	return 0
}

var joiningRanges = []struct {
	lo, hi rune
	t      byte
}{
	{0x620, 0x620, 'D'}, {0x622, 0x625, 'R'}, {0x626, 0x626, 'D'}, {0x627, 0x627, 'R'},
	{0x628, 0x628, 'D'}, {0x629, 0x629, 'R'}, {0x62a, 0x62e, 'D'}, {0x62f, 0x632, 'R'},
	{0x633, 0x63f, 'D'}, {0x641, 0x647, 'D'}, {0x648, 0x648, 'R'}, {0x649, 0x64a, 'D'},
	{0x66e, 0x66f, 'D'}, {0x671, 0x673, 'R'}, {0x675, 0x677, 'R'}, {0x678, 0x687, 'D'},
	{0x688, 0x699, 'R'}, {0x69a, 0x6bf, 'D'}, {0x6c0, 0x6c0, 'R'}, {0x6c1, 0x6c2, 'D'},
	{0x6c3, 0x6cb, 'R'}, {0x6cc, 0x6cc, 'D'}, {0x6cd, 0x6cd, 'R'}, {0x6ce, 0x6ce, 'D'},
	{0x6cf, 0x6cf, 'R'}, {0x6d0, 0x6d1, 'D'}, {0x6d2, 0x6d3, 'R'}, {0x6d5, 0x6d5, 'R'},
	{0x6ee, 0x6ef, 'R'}, {0x6fa, 0x6fc, 'D'}, {0x6ff, 0x6ff, 'D'}, {0x710, 0x710, 'R'},
	{0x712, 0x714, 'D'}, {0x715, 0x719, 'R'}, {0x71a, 0x71d, 'D'}, {0x71e, 0x71e, 'R'},
	{0x71f, 0x727, 'D'}, {0x728, 0x728, 'R'}, {0x729, 0x729, 'D'}, {0x72a, 0x72a, 'R'},
	{0x72b, 0x72b, 'D'}, {0x72c, 0x72c, 'R'}, {0x72d, 0x72e, 'D'}, {0x72f, 0x72f, 'R'},
	{0x74d, 0x74d, 'R'}, {0x74e, 0x758, 'D'}, {0x759, 0x75b, 'R'}, {0x75c, 0x766, 'D'},
	{0x850, 0x853, 'D'}, {0x854, 0x854, 'R'}, {0x855, 0x855, 'D'}, {0x8a0, 0x8a0, 'D'},
	{0x8a2, 0x8a9, 'D'}, {0x8aa, 0x8ac, 'R'}, {0x1807, 0x1807, 'D'}, {0x1820, 0x1877, 'D'},
	{0x1887, 0x18a8, 'D'}, {0x18aa, 0x18aa, 'D'}, {0xa840, 0xa871, 'D'}, {0xa872, 0xa872, 'L'},
}

// adaToUnicode is Ada's to_unicode of a domain Ada produced: each "xn--" label that decodes is
// replaced by what it decodes to, anything else is kept.
func adaToUnicode(a string) string {
	if !strings.Contains(a, "xn--") {
		return a
	}
	var b strings.Builder
	for first := true; ; first = false {
		label, rest, more := strings.Cut(a, ".")
		if !first {
			b.WriteByte('.')
		}
		if strings.HasPrefix(label, "xn--") && isASCII(label) {
			if rs, ok := adaPunyDecode(nil, label[4:]); ok {
				label = string(rs)
			}
		}
		b.WriteString(label)
		if !more {
			break
		}
		a = rest
	}
	return b.String()
}

// adaBidi is the bidi check of Node 20's Ada (ada::idna::is_label_valid): only a label holding
// an R, AL or AN character is checked. If it starts with an L character, every character
// before the last non-NSM one must be L, EN, ES, CS, ET, ON, BN or NSM (so "a\u05d0" passes
// and "a\u0644\u0627" does not); otherwise all up to the last non-NSM one must be RTL-allowed,
// EN and AN not both, and that last one R, AL, AN or EN.
func adaBidi(label []rune) bool {
	rtl := false
	for _, r := range label {
		if c := bidiClass(r); c == bidi.R || c == bidi.AL || c == bidi.AN {
			rtl = true
			break
		}
	}
	if !rtl || len(label) == 0 {
		return true
	}
	last := len(label) - 1
	for last >= 0 && bidiClass(label[last]) == bidi.NSM {
		last--
	}
	if last < 0 {
		return false
	}
	if bidiClass(label[0]) == bidi.L {
		for _, r := range label[:last] {
			switch bidiClass(r) {
			case bidi.L, bidi.EN, bidi.ES, bidi.CS, bidi.ET, bidi.ON, bidi.BN, bidi.NSM:
			default:
				return false
			}
		}
		return true
	}
	hasEN, hasAN := false, false
	for i, r := range label[:last+1] {
		c := bidiClass(r)
		switch c {
		case bidi.EN:
			hasEN = true
		case bidi.AN:
			hasAN = true
		}
		if hasEN && hasAN {
			return false
		}
		switch c {
		case bidi.R, bidi.AL, bidi.AN, bidi.EN, bidi.ES, bidi.CS, bidi.ET, bidi.ON, bidi.BN, bidi.NSM:
		default:
			return false
		}
		if i == last && c != bidi.R && c != bidi.AL && c != bidi.AN && c != bidi.EN {
			return false
		}
	}
	return true
}

// bidiClass is r's bidi class as Ada knows it: Ada's table is Unicode 13's, and a code point
// assigned since has no class (bidiNone), which no rule allows.
func bidiClass(r rune) bidi.Class {
	if r >= 0x61d && unicode.Is(newerThan13, r) {
		return bidiNone
	}
	p, _ := bidi.LookupRune(r)
	return p.Class()
}

const bidiNone = bidi.Class(255)

// newerThan13 holds the code points assigned in Unicode 14 and 15 (TestNewerThan13 checks it):
// Ada maps them (its mapping table is newer) but its combining mark and bidi tables are
// Unicode 13's, which lack them.
var newerThan13 = &unicode.RangeTable{
	R16: []unicode.Range16{
		{0x061d, 0x0870, 595}, {0x0871, 0x088e, 1}, {0x0890, 0x0891, 1},
		{0x0898, 0x089f, 1}, {0x08b5, 0x08c8, 19}, {0x08c9, 0x08d2, 1},
		{0x0c3c, 0x0c5d, 33}, {0x0cdd, 0x0cf3, 22}, {0x0ece, 0x170d, 2111},
		{0x1715, 0x171f, 10}, {0x180f, 0x1ac1, 690}, {0x1ac2, 0x1ace, 1},
		{0x1b4c, 0x1b7d, 49}, {0x1b7e, 0x1dfa, 636}, {0x20c0, 0x2c2f, 2927},
		{0x2c5f, 0x2e53, 500}, {0x2e54, 0x2e5d, 1}, {0x9ffd, 0x9fff, 1},
		{0xa7c0, 0xa7c1, 1}, {0xa7d0, 0xa7d1, 1}, {0xa7d3, 0xa7d5, 2},
		{0xa7d6, 0xa7d9, 1}, {0xa7f2, 0xa7f4, 1}, {0xfbc2, 0xfd40, 382},
		{0xfd41, 0xfd4f, 1}, {0xfdcf, 0xfdfe, 47}, {0xfdff, 0xfdff, 1},
	},
	R32: []unicode.Range32{
		{0x10570, 0x1057a, 1}, {0x1057c, 0x1058a, 1}, {0x1058c, 0x10592, 1},
		{0x10594, 0x10595, 1}, {0x10597, 0x105a1, 1}, {0x105a3, 0x105b1, 1},
		{0x105b3, 0x105b9, 1}, {0x105bb, 0x105bc, 1}, {0x10780, 0x10785, 1},
		{0x10787, 0x107b0, 1}, {0x107b2, 0x107ba, 1}, {0x10efd, 0x10eff, 1},
		{0x10f70, 0x10f89, 1}, {0x11070, 0x11075, 1}, {0x110c2, 0x1123f, 381},
		{0x11240, 0x11241, 1}, {0x116b9, 0x11740, 135}, {0x11741, 0x11746, 1},
		{0x11ab0, 0x11abf, 1}, {0x11b00, 0x11b09, 1}, {0x11f00, 0x11f10, 1},
		{0x11f12, 0x11f3a, 1}, {0x11f3e, 0x11f59, 1}, {0x12f90, 0x12ff2, 1},
		{0x1342f, 0x13439, 10}, {0x1343a, 0x13455, 1}, {0x16a70, 0x16abe, 1},
		{0x16ac0, 0x16ac9, 1}, {0x1aff0, 0x1aff3, 1}, {0x1aff5, 0x1affb, 1},
		{0x1affd, 0x1affe, 1}, {0x1b11f, 0x1b122, 1}, {0x1b132, 0x1b155, 35},
		{0x1cf00, 0x1cf2d, 1}, {0x1cf30, 0x1cf46, 1}, {0x1cf50, 0x1cfc3, 1},
		{0x1d1e9, 0x1d1ea, 1}, {0x1d2c0, 0x1d2d3, 1}, {0x1df00, 0x1df1e, 1},
		{0x1df25, 0x1df2a, 1}, {0x1e030, 0x1e06d, 1}, {0x1e08f, 0x1e290, 513},
		{0x1e291, 0x1e2ae, 1}, {0x1e4d0, 0x1e4f9, 1}, {0x1e7e0, 0x1e7e6, 1},
		{0x1e7e8, 0x1e7eb, 1}, {0x1e7ed, 0x1e7ee, 1}, {0x1e7f0, 0x1e7fe, 1},
		{0x1f6dc, 0x1f6df, 1}, {0x1f774, 0x1f776, 1}, {0x1f77b, 0x1f77f, 1},
		{0x1f7d9, 0x1f7f0, 23}, {0x1f979, 0x1f9cc, 83}, {0x1fa75, 0x1fa77, 1},
		{0x1fa7b, 0x1fa7c, 1}, {0x1fa87, 0x1fa88, 1}, {0x1faa9, 0x1faaf, 1},
		{0x1fab7, 0x1fabd, 1}, {0x1fabf, 0x1fac3, 4}, {0x1fac4, 0x1fac5, 1},
		{0x1face, 0x1facf, 1}, {0x1fad7, 0x1fadb, 1}, {0x1fae0, 0x1fae8, 1},
		{0x1faf0, 0x1faf8, 1}, {0x2a6de, 0x2a6df, 1}, {0x2b735, 0x2b739, 1},
		{0x31350, 0x323af, 1},
	},
	LatinOffset: 0,
}
