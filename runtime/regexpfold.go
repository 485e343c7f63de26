package runtime

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// With the i flag, goja's backtracking engine (regexp2: patterns with lookarounds or back
// references, and g- or y-flag patterns once exec starts past index 0) adds the case equivalents of each
// code point a class holds, one by one: \W, \S, \D and . hold most of Unicode, so each took
// ~150 ms to compile (chrono-node's 112 patterns with (?=\W|$), 20 s), and the equivalents it
// added were wrong: /(?=\W)s/i matched "s" (ſ folds to s), /\W/gi with lastIndex 1 found "s".
// foldCheapClasses writes each of them, and each class holding them or holding more than
// half of all code points, as the negated class of the few code points it leaves out (\W as
// [^0-9A-Z_a-z]), whose equivalents the engine finds at once. The class then matches what it
// matched in V8, but for ſ and K (U+212A) under \W without the u flag (V8 matches them; the
// negated class, as goja's other engine's \W does, does not). Literals are rewritten when a
// script is compiled (regexpprops.go), patterns given to `new RegExp` in the constructor
// (regexpctor.go); source and toString still give the pattern as written.

// bigClass is the number of code points from which a class is written negated when its
// complement is smaller.
const bigClass = 1024

// foldCheapClasses rewrites an i-flag pattern as above; ok is false when nothing changed (no
// i flag, the v flag, or no such class).
func foldCheapClasses(pat, flags string) (string, bool) {
	if !strings.Contains(flags, "i") || strings.Contains(flags, "v") {
		return pat, false
	}
	if !strings.ContainsAny(flags, "gy") && !needsBacktracker(pat) {
		return pat, false // (goja's other engine, RE2, finds the equivalents of a class at once)
	}
	dotAll, unicodeMode := strings.Contains(flags, "s"), strings.Contains(flags, "u")
	if !strings.Contains(pat, `\W`) && !strings.Contains(pat, `\S`) && !strings.Contains(pat, `\D`) &&
		(dotAll || !strings.Contains(pat, ".")) && !strings.Contains(pat, "-") {
		return pat, false
	}
	// (a lone surrogate, or a pair that is two code units without u, is left to the engine)
	if strings.ContainsRune(pat, utf8.RuneError) {
		return pat, false
	}
	if !unicodeMode {
		for _, r := range pat {
			if r > 0xFFFF {
				return pat, false
			}
		}
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(pat); {
		c := pat[i]
		switch {
		case c == '\\' && i+1 < len(pat):
			if e := pat[i+1]; e == 'W' || e == 'S' || e == 'D' {
				m := foldClose(foldEscapeRanges(e, unicodeMode), unicodeMode)
				writeFoldClass(&b, m, foldComplement(m, unicodeMode), unicodeMode)
				changed = true
			} else {
				b.WriteString(pat[i : i+2])
			}
			i += 2
		case c == '[':
			end, atoms, neg, escapes, ok := readLegacyClass(pat, i, unicodeMode)
			if !ok {
				// not read: copied as it is, up to its end
				j := i + 1
				for j < len(pat) && pat[j] != ']' {
					if pat[j] == '\\' {
						j++
					}
					j++
				}
				j = min(j+1, len(pat))
				b.WriteString(pat[i:j])
				i = j
				continue
			}
			// (a class of every code point is none the engine expands)
			// (what the class matches: its atoms and their case equivalents, or all else for [^...])
			m := foldClose(atoms, unicodeMode)
			if neg {
				m = foldComplement(m, unicodeMode)
			}
			if comp := foldComplement(m, unicodeMode); size(comp) > 0 && (escapes || size(m) > bigClass && size(comp) < size(m)) {
				writeFoldClass(&b, m, comp, unicodeMode)
				changed = true
			} else {
				b.WriteString(pat[i:end])
			}
			i = end
		case c == '.' && !dotAll:
			b.WriteString(`[^\u000a\u000d\u2028\u2029]`)
			changed = true
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	if !changed {
		return pat, false
	}
	return b.String(), true
}

// needsBacktracker reports whether pattern pat may have a lookaround or a back reference,
// which goja compiles with its backtracking engine (a g- or y-flag pattern goes to it too, once
// exec starts past index 0).
func needsBacktracker(pat string) bool {
	if strings.Contains(pat, "(?=") || strings.Contains(pat, "(?!") || strings.Contains(pat, "(?<=") ||
		strings.Contains(pat, "(?<!") || strings.Contains(pat, `\k<`) {
		return true
	}
	for i := strings.IndexByte(pat, '\\'); i >= 0 && i+1 < len(pat); {
		if c := pat[i+1]; c >= '1' && c <= '9' {
			return true
		}
		j := strings.IndexByte(pat[i+2:], '\\')
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return false
}

// size is the number of code points of rs.
func size(rs []runeRange) int {
	n := 0
	for _, r := range rs {
		n += int(r.hi-r.lo) + 1
	}
	return n
}

// writeFoldClass writes the class matching m, closed under case equivalence (sorted and
// merged), as the negated class of comp, its complement (within the code units without u),
// when that is smaller. The engine adds the equivalents of what a class lists, so a class it
// is given must be closed too: /[^a-z]/i leaves out A-Z, and written as [^...A-Z...] the class
// [a-z\xAA-\uFFDC] (LiveScript's identifiers) no longer matched "x".
func writeFoldClass(b *strings.Builder, m, comp []runeRange, unicodeMode bool) {
	b.WriteByte('[')
	if size(comp) < size(m) {
		b.WriteByte('^')
		m = comp
	}
	for _, r := range m {
		writeFoldCodePoint(b, r.lo, unicodeMode)
		if r.hi != r.lo {
			b.WriteByte('-')
			writeFoldCodePoint(b, r.hi, unicodeMode)
		}
	}
	b.WriteByte(']')
}

// foldComplement is the complement of set among the code points (code units without u).
func foldComplement(set []runeRange, unicodeMode bool) []runeRange {
	comp := complementRanges(set)
	if !unicodeMode {
		comp = subtractRanges(comp, []runeRange{{0x10000, utf8.MaxRune}})
	}
	return comp
}

// foldClose is set (sorted and merged) with every code point the i flag makes equivalent to
// one of its own (among the code units without u).
func foldClose(set []runeRange, unicodeMode bool) []runeRange {
	var add []runeRange
	visit := func(r rune) {
		if !inRanges(set, r) {
			return
		}
		c := foldCanon(r, unicodeMode)
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if !inRanges(set, f) && foldCanon(f, unicodeMode) == c {
				add = append(add, runeRange{f, f})
			}
		}
	}
	// (every code point with equivalents is in unicode.CaseRanges, but ß)
	for _, cr := range unicode.CaseRanges {
		for r := rune(cr.Lo); r <= rune(cr.Hi); r++ {
			visit(r)
		}
	}
	visit(0xDF)
	out := set
	if len(add) > 0 {
		out = mergeRanges(append(append([]runeRange(nil), set...), add...))
	}
	if !unicodeMode { // (the code units)
		out = subtractRanges(out, []runeRange{{0x10000, utf8.MaxRune}})
	}
	return out
}

// foldEscapeRanges is what \d, \D, \s, \S, \w or \W holds under the i flag: with u, \w also
// holds ſ and K (U+212A), whose case equivalents are word characters, and \W leaves them out.
func foldEscapeRanges(e byte, unicodeMode bool) []runeRange {
	rs := classEscapeRanges(e)
	if unicodeMode && e == 'w' {
		return mergeRanges(append(append([]runeRange(nil), rs...), runeRange{0x17F, 0x17F}, runeRange{0x212A, 0x212A}))
	}
	if unicodeMode && e == 'W' {
		return subtractRanges(rs, []runeRange{{0x17F, 0x17F}, {0x212A, 0x212A}})
	}
	return rs
}

// foldCanon is the code point r is compared as under the i flag: its simple case folding with
// u (here the least of its equivalents), else its uppercase, unless that is ASCII and r is not
// (so ſ and K, U+212A, match no ASCII letter without u).
func foldCanon(r rune, unicodeMode bool) rune {
	if unicodeMode {
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m = min(m, f)
		}
		return m
	}
	if up := unicode.ToUpper(r); r < 0x80 || up >= 0x80 {
		return up
	}
	return r
}

// inRanges reports whether sorted, merged rs holds r.
func inRanges(rs []runeRange, r rune) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].hi >= r })
	return i < len(rs) && rs[i].lo <= r
}

// writeFoldCodePoint writes r as an escape (\uXXXX, or \u{X} with u): a pattern so written,
// which the source getter maps back to the pattern as given (rememberPattern), is then none a
// program would write itself.
func writeFoldCodePoint(b *strings.Builder, r rune, unicodeMode bool) {
	if unicodeMode {
		writeCodePoint(b, r)
		return
	}
	s := strconv.FormatInt(int64(r), 16)
	b.WriteString(`\u` + strings.Repeat("0", 4-len(s)) + s)
}

// readLegacyClass reads the class (u mode or no flag of its own syntax) starting at pat[i] ==
// '[': where it ends, the code points it lists (sorted and merged), whether it is negated
// ([^...]), and whether it holds \W, \S or \D. ok is false for anything it does not know (left
// as written).
func readLegacyClass(pat string, i int, unicodeMode bool) (end int, set []runeRange, neg, escapes, ok bool) {
	p := setParser{s: pat, i: i + 1}
	neg = p.eat('^')
	var rs []runeRange
	for {
		if p.i >= len(pat) {
			return 0, nil, false, false, false
		}
		if p.eat(']') {
			break
		}
		lo, loSet, ok := readClassAtom(&p, unicodeMode)
		if !ok {
			return 0, nil, false, false, false
		}
		if loSet != nil {
			escapes = escapes || strings.ContainsAny(pat[p.i-1:p.i], "WSD")
		}
		if p.i+1 < len(pat) && pat[p.i] == '-' && pat[p.i+1] != ']' {
			p.i++
			hi, hiSet, ok := readClassAtom(&p, unicodeMode)
			if !ok || loSet != nil || hiSet != nil || hi < lo {
				return 0, nil, false, false, false
			}
			rs = append(rs, runeRange{lo, hi})
			continue
		}
		if loSet != nil {
			rs = append(rs, loSet...)
		} else {
			rs = append(rs, runeRange{lo, lo})
		}
	}
	return p.i, mergeRanges(rs), neg, escapes, true
}

// readClassAtom reads one class atom: a code point, or the ranges of \d, \D, \s, \S, \w, \W.
func readClassAtom(p *setParser, unicodeMode bool) (rune, []runeRange, bool) {
	s := p.s
	if s[p.i] != '\\' {
		r, n := utf8.DecodeRuneInString(s[p.i:])
		p.i += n
		return r, nil, true
	}
	if p.i+1 >= len(s) {
		return 0, nil, false
	}
	switch e := s[p.i+1]; {
	case strings.IndexByte("dDsSwW", e) >= 0:
		p.i += 2
		return 0, foldEscapeRanges(e, unicodeMode), true
	case e >= '0' && e <= '9' && (e != '0' || p.i+2 < len(s) && s[p.i+2] >= '0' && s[p.i+2] <= '9'):
		return 0, nil, false // (an octal escape without u)
	case e == 'u' && !unicodeMode && p.i+2 < len(s) && s[p.i+2] == '{':
		return 0, nil, false
	case unicodeMode && strings.IndexByte("&!#%,:;<=>@`~", e) >= 0:
		return 0, nil, false // (a SyntaxError with u, left for the engine to give)
	case e == '-':
		p.i += 2
		return '-', nil, true
	}
	r, ok := p.character()
	return r, nil, ok
}
