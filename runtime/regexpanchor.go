package runtime

import (
	"strings"
	"unicode/utf8"
)

// A pattern whose every alternative starts with ^ (/^0b[01]+|^0x[\da-f]+|^\d+/, CoffeeScript's
// lexer) can match only at the start of the input, but neither of goja's engines sees that: the
// anchor each finds is one at the start of the whole pattern, so each tried every position of
// the input, and a lexer matching such patterns against the rest of its source (chunk =
// code.slice(i)) took time quadratic in the source's length (a 19 KB CoffeeScript file compiled
// in 14 s; node 1 s). hoistAnchors writes such a pattern as ^(?:...|...), which matches the same
// strings with the same groups. Without the m flag only: with it ^ is a line start, rewritten by
// multilineAnchors. The source getter gives the pattern as written (rememberPattern).

// hoistAnchors rewrites pat as above; ok is false when it does not apply.
func hoistAnchors(pat, flags string) (string, bool) {
	if strings.Contains(flags, "m") || !strings.HasPrefix(pat, "^") || !strings.Contains(pat, "|^") {
		return pat, false
	}
	var alts []string
	depth, inClass, from := 0, false, 0
	for i := 0; i < len(pat); i++ {
		switch c := pat[i]; {
		case c == '\\':
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			alts = append(alts, pat[from:i])
			from = i + 1
		}
	}
	if depth != 0 || inClass {
		return pat, false // (an error for the engine to give)
	}
	alts = append(alts, pat[from:])
	if len(alts) < 2 {
		return pat, false
	}
	var b strings.Builder
	b.WriteString("^(?:")
	for k, a := range alts {
		// (^ then a quantifier is a SyntaxError the engine gives)
		if !strings.HasPrefix(a, "^") || len(a) > 1 && strings.IndexByte("*+?{", a[1]) >= 0 {
			return pat, false
		}
		if k > 0 {
			b.WriteByte('|')
		}
		b.WriteString(a[1:])
	}
	b.WriteByte(')')
	return b.String(), true
}

// anchorHintLine reports whether the line of src before offset i may end with a literal
// hoistAnchors or spellNotSpaceClasses rewrites.
//
// anchorLine gives the same answers for offsets in increasing order in time linear in src:
// anchorHintLine looks back over the line on each call, which on a minified file's one long
// line with many slashes was quadratic (libsodium's 1.3 MB line: 5 s of CPU).
type anchorLine struct {
	start, end                int // the line of the last offset asked for: src[start:end]
	pipe, slash, notSpace, br int // where "|^", "/^", \S and "[" first are in it (-1: nowhere)
}

// hint is anchorHintLine(src, i), for i not below the last i asked for.
func (l *anchorLine) hint(src string, i int) bool {
	if l.end == 0 || i >= l.end {
		l.start = strings.LastIndexByte(src[:i], '\n') + 1
		l.end = len(src)
		if nl := strings.IndexByte(src[i:], '\n'); nl >= 0 {
			l.end = i + nl
		}
		first := func(sub string) int {
			if k := strings.Index(src[l.start:l.end], sub); k >= 0 {
				return l.start + k
			}
			return -1
		}
		l.pipe, l.slash, l.notSpace, l.br = first("|^"), first("/^"), first(`\S`), first("[")
	}
	before := func(at, n int) bool { return at >= 0 && at+n <= i }
	return before(l.pipe, 2) && before(l.slash, 2) || before(l.notSpace, 2) && before(l.br, 1)
}

func anchorHintLine(src string, i int) bool {
	line := src[strings.LastIndexByte(src[:i], '\n')+1 : i]
	return strings.Contains(line, "|^") && strings.Contains(line, "/^") || strings.Contains(line, `\S`) && strings.Contains(line, "[")
}

// goja hands its RE2 engine no class holding \S ([^\n\S], "a space but no line break", is
// CoffeeScript's and LiveScript's): such a pattern went to the backtracking engine, which
// copies the whole input into code points on every exec, so a lexer matching it against the
// rest of its source took time quadratic in the source's length. spellNotSpaceClasses writes
// each class holding \S, without the u or v flag, by the code units it matches ([^\n\S] as
// [\t\v\f\r \xa0...]), which RE2 takes. The source getter gives the pattern as written
// (rememberPattern).
func spellNotSpaceClasses(pat, flags string) (string, bool) {
	if strings.ContainsAny(flags, "uv") || !strings.Contains(pat, `\S`) || strings.ContainsRune(pat, utf8.RuneError) {
		return pat, false
	}
	for _, r := range pat {
		if r > 0xFFFF {
			return pat, false
		}
	}
	ignoreCase := strings.Contains(flags, "i")
	var b strings.Builder
	changed := false
	for i := 0; i < len(pat); {
		switch c := pat[i]; {
		case c == '\\' && i+1 < len(pat):
			b.WriteString(pat[i : i+2])
			i += 2
		case c == '[':
			end, atoms, neg, _, ok := readLegacyClass(pat, i, false)
			if !ok {
				end = classEnd(pat, i) // (not read: copied as it is)
			}
			if !ok || !classHoldsNotSpace(pat[i:end]) {
				b.WriteString(pat[i:end])
				i = end
				continue
			}
			m := atoms
			if ignoreCase {
				m = foldClose(m, false)
			} else {
				m = subtractRanges(m, []runeRange{{0x10000, utf8.MaxRune}})
			}
			if neg {
				m = foldComplement(m, false)
			}
			comp := foldComplement(m, false)
			if len(m) == 0 || len(comp) == 0 {
				b.WriteString(pat[i:end]) // (a class of nothing or of everything: [^\s\S], [\s\S])
				i = end
				continue
			}
			writeFoldClass(&b, m, comp, false)
			changed = true
			i = end
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

// classEnd is the offset just past the class starting at pat[i] == '[' (or len(pat)).
func classEnd(pat string, i int) int {
	j := i + 1
	for j < len(pat) && pat[j] != ']' {
		if pat[j] == '\\' {
			j++
		}
		j++
	}
	return min(j+1, len(pat))
}

// classHoldsNotSpace reports whether class text cls ([...]) has the escape \S.
func classHoldsNotSpace(cls string) bool {
	for j := 1; j+1 < len(cls); j++ {
		if cls[j] == '\\' {
			if cls[j+1] == 'S' {
				return true
			}
			j++
		}
	}
	return false
}
