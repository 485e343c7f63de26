package runtime

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The v flag's class set syntax (nested classes, -- subtraction, && intersection, \q{...}
// strings), which goja's engine does not have. lowerClassSets evaluates each character class of
// a v-mode pattern that uses it into the code points (and strings) it matches, written as u-mode
// syntax: a class of ranges, or (?:string|...|[ranges]) with the longest strings first, as v
// mode tries them. The regexp then matches the same strings, though its flags say u.

// classSet is what a v-mode class matches: code points and strings of several.
type classSet struct {
	rs   []runeRange // sorted and merged
	strs []string
}

// lowerClassSets rewrites the classes of a v-mode pattern that use the class set syntax; false
// when it uses none or something it does not know (left for the engine to refuse).
func lowerClassSets(pat string) (string, bool) {
	if !usesClassSetSyntax(pat) {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(pat); {
		switch c := pat[i]; c {
		case '\\':
			end := min(i+2, len(pat))
			b.WriteString(pat[i:end])
			i = end
		case '[':
			p := setParser{s: pat, i: i + 1}
			neg := p.eat('^')
			set, ok := p.contents()
			if !ok || !p.eat(']') || neg && len(set.strs) > 0 {
				return "", false
			}
			writeClassSet(&b, set, neg)
			i = p.i
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), true
}

// usesClassSetSyntax reports whether a v-mode pattern has a nested class, --, && or \q{.
func usesClassSetSyntax(pat string) bool {
	depth := 0
	for i := 0; i < len(pat); i++ {
		switch c := pat[i]; {
		case c == '\\':
			if depth > 0 && i+2 < len(pat) && pat[i+1] == 'q' && pat[i+2] == '{' {
				return true
			}
			i++
		case c == '[':
			if depth > 0 {
				return true
			}
			depth++
		case c == ']' && depth > 0:
			depth--
		case depth > 0 && (c == '-' || c == '&') && i+1 < len(pat) && pat[i+1] == c:
			return true
		}
	}
	return false
}

func writeClassSet(b *strings.Builder, set classSet, neg bool) {
	if len(set.strs) == 0 {
		b.WriteByte('[')
		if neg {
			b.WriteByte('^')
		}
		writeRanges(b, set.rs)
		b.WriteByte(']')
		return
	}
	strs := append([]string(nil), set.strs...)
	sort.SliceStable(strs, func(i, j int) bool {
		return utf8.RuneCountInString(strs[i]) > utf8.RuneCountInString(strs[j])
	})
	b.WriteString("(?:")
	for _, s := range strs {
		for _, r := range s {
			writeCodePoint(b, r)
		}
		b.WriteByte('|')
	}
	b.WriteByte('[')
	writeRanges(b, set.rs)
	b.WriteString("])")
}

// setParser reads v-mode class contents from s at i.
type setParser struct {
	s string
	i int
}

func (p *setParser) eat(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *setParser) peek2(op string) bool { return strings.HasPrefix(p.s[p.i:], op) }

// contents reads a union, an intersection or a subtraction, up to the class's ']'.
func (p *setParser) contents() (classSet, bool) {
	if p.i < len(p.s) && p.s[p.i] == ']' {
		return classSet{}, true
	}
	first, single, ok := p.unionItem()
	if !ok {
		return classSet{}, false
	}
	switch {
	case p.peek2("&&") && single:
		acc := first
		for p.peek2("&&") {
			p.i += 2
			next, ok := p.operand()
			if !ok {
				return classSet{}, false
			}
			acc = intersectSets(acc, next)
		}
		return acc, true
	case p.peek2("--") && single:
		acc := first
		for p.peek2("--") {
			p.i += 2
			next, ok := p.operand()
			if !ok {
				return classSet{}, false
			}
			acc = subtractSets(acc, next)
		}
		return acc, true
	}
	acc := first
	for p.i < len(p.s) && p.s[p.i] != ']' {
		if p.peek2("&&") || p.peek2("--") {
			return classSet{}, false // (an operator after a union: a syntax error in v mode)
		}
		next, _, ok := p.unionItem()
		if !ok {
			return classSet{}, false
		}
		acc = unionSets(acc, next)
	}
	return acc, true
}

// unionItem reads an operand or a range a-b; single reports an operand (which an operator may
// follow).
func (p *setParser) unionItem() (classSet, bool, bool) {
	start := p.i
	if lo, ok := p.character(); ok {
		if p.i < len(p.s) && p.s[p.i] == '-' && !p.peek2("--") {
			p.i++
			hi, ok := p.character()
			if !ok || hi < lo {
				return classSet{}, false, false
			}
			return classSet{rs: []runeRange{{lo, hi}}}, false, true
		}
		return classSet{rs: []runeRange{{lo, lo}}}, true, true
	}
	p.i = start
	set, ok := p.operand()
	return set, true, ok
}

// operand reads a nested class, a property or class escape, \q{...} or one character.
func (p *setParser) operand() (classSet, bool) {
	if p.i >= len(p.s) {
		return classSet{}, false
	}
	if p.s[p.i] == '[' {
		p.i++
		neg := p.eat('^')
		set, ok := p.contents()
		if !ok || !p.eat(']') {
			return classSet{}, false
		}
		if neg {
			if len(set.strs) > 0 {
				return classSet{}, false
			}
			set.rs = complementRanges(set.rs)
		}
		return set, true
	}
	if p.s[p.i] == '\\' && p.i+1 < len(p.s) {
		switch e := p.s[p.i+1]; e {
		case 'p', 'P':
			if p.i+2 >= len(p.s) || p.s[p.i+2] != '{' {
				return classSet{}, false
			}
			end := strings.IndexByte(p.s[p.i+3:], '}')
			if end < 0 {
				return classSet{}, false
			}
			rs, ok := propertyRanges(p.s[p.i+3 : p.i+3+end])
			if !ok {
				return classSet{}, false
			}
			rs = append([]runeRange(nil), rs...)
			if e == 'P' {
				rs = complementRanges(rs)
			}
			p.i += 3 + end + 1
			return classSet{rs: rs}, true
		case 'd', 'D', 's', 'S', 'w', 'W':
			p.i += 2
			return classSet{rs: classEscapeRanges(e)}, true
		case 'q':
			if p.i+2 >= len(p.s) || p.s[p.i+2] != '{' {
				return classSet{}, false
			}
			p.i += 3
			var set classSet
			var cur []rune
			for {
				if p.i >= len(p.s) {
					return classSet{}, false
				}
				if c := p.s[p.i]; c == '}' || c == '|' {
					p.i++
					if len(cur) == 1 {
						set.rs = mergeRanges(append(set.rs, runeRange{cur[0], cur[0]}))
					} else {
						set.strs = append(set.strs, string(cur))
					}
					cur = nil
					if c == '}' {
						return set, true
					}
					continue
				}
				r, ok := p.character()
				if !ok {
					return classSet{}, false
				}
				cur = append(cur, r)
			}
		}
	}
	r, ok := p.character()
	if !ok {
		return classSet{}, false
	}
	return classSet{rs: []runeRange{{r, r}}}, true
}

// character reads one class set character: a literal (not v mode's syntax characters) or an
// escape that stands for one.
func (p *setParser) character() (rune, bool) {
	if p.i >= len(p.s) {
		return 0, false
	}
	c := p.s[p.i]
	if c != '\\' {
		if strings.IndexByte("()[]{}/-|", c) >= 0 {
			return 0, false
		}
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		p.i += n
		return r, true
	}
	if p.i+1 >= len(p.s) {
		return 0, false
	}
	e := p.s[p.i+1]
	switch e {
	case 'n':
		p.i += 2
		return '\n', true
	case 'r':
		p.i += 2
		return '\r', true
	case 't':
		p.i += 2
		return '\t', true
	case 'v':
		p.i += 2
		return '\v', true
	case 'f':
		p.i += 2
		return '\f', true
	case 'b':
		p.i += 2
		return '\b', true
	case '0':
		p.i += 2
		return 0, true
	case 'c':
		if p.i+2 < len(p.s) && (p.s[p.i+2]|0x20) >= 'a' && (p.s[p.i+2]|0x20) <= 'z' {
			r := rune(p.s[p.i+2] % 32)
			p.i += 3
			return r, true
		}
		return 0, false
	case 'x':
		if p.i+4 <= len(p.s) {
			if v, err := strconv.ParseUint(p.s[p.i+2:p.i+4], 16, 32); err == nil {
				p.i += 4
				return rune(v), true
			}
		}
		return 0, false
	case 'u':
		if p.i+2 < len(p.s) && p.s[p.i+2] == '{' {
			end := strings.IndexByte(p.s[p.i+3:], '}')
			if end < 0 {
				return 0, false
			}
			v, err := strconv.ParseUint(p.s[p.i+3:p.i+3+end], 16, 32)
			if err != nil || v > 0x10FFFF {
				return 0, false
			}
			p.i += 3 + end + 1
			return rune(v), true
		}
		if p.i+6 <= len(p.s) {
			v, err := strconv.ParseUint(p.s[p.i+2:p.i+6], 16, 32)
			if err != nil {
				return 0, false
			}
			p.i += 6
			r := rune(v)
			// a surrogate pair written as two escapes is one code point
			if r >= 0xD800 && r <= 0xDBFF && strings.HasPrefix(p.s[p.i:], `\u`) && p.i+6 <= len(p.s) {
				if lo, err := strconv.ParseUint(p.s[p.i+2:p.i+6], 16, 32); err == nil && lo >= 0xDC00 && lo <= 0xDFFF {
					p.i += 6
					r = 0x10000 + (r-0xD800)<<10 + rune(lo) - 0xDC00
				}
			}
			return r, true
		}
		return 0, false
	}
	if strings.IndexByte(`^$\.*+?()[]{}|/-&!#%,:;<=>@`+"`~", e) >= 0 {
		p.i += 2
		return rune(e), true
	}
	return 0, false
}

// classEscapeRanges is what \d, \s, \w and their complements match in u mode.
func classEscapeRanges(e byte) []runeRange {
	var rs []runeRange
	switch e | 0x20 {
	case 'd':
		rs = []runeRange{{'0', '9'}}
	case 'w':
		rs = []runeRange{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}
	case 's':
		rs = []runeRange{{'\t', '\r'}, {' ', ' '}, {0xA0, 0xA0}, {0x1680, 0x1680}, {0x2000, 0x200A},
			{0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}}
	}
	if e >= 'A' && e <= 'Z' {
		return complementRanges(rs)
	}
	return rs
}

func unionSets(a, b classSet) classSet {
	rs := mergeRanges(append(append([]runeRange(nil), a.rs...), b.rs...))
	return classSet{rs: rs, strs: uniqueStrings(append(append([]string(nil), a.strs...), b.strs...))}
}

func subtractSets(a, b classSet) classSet {
	out := classSet{rs: subtractRanges(a.rs, append([]runeRange(nil), b.rs...))}
	for _, s := range a.strs {
		if !containsString(b.strs, s) {
			out.strs = append(out.strs, s)
		}
	}
	return out
}

func intersectSets(a, b classSet) classSet {
	out := classSet{rs: subtractRanges(a.rs, subtractRanges(append([]runeRange(nil), a.rs...), append([]runeRange(nil), b.rs...)))}
	for _, s := range a.strs {
		if containsString(b.strs, s) {
			out.strs = append(out.strs, s)
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func uniqueStrings(list []string) []string {
	var out []string
	for _, s := range list {
		if !containsString(out, s) {
			out = append(out, s)
		}
	}
	return out
}
