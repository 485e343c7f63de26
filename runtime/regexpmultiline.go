package runtime

import "strings"

// In a regular expression with the m flag, ^ and $ match at every line terminator of
// ECMAScript: \n, \r, U+2028 and U+2029. goja's engines (RE2 and regexp2) take only \n, so
// /^(\w+)=(.*)$/gm found nothing in CRLF text and /a$/m.test('a\r\nb') was false. Each ^ and $
// outside a character class of such a pattern is rewritten to also match beside the other
// three terminators, by lookbehind and lookahead (which moves the pattern to goja's
// backtracking engine, whose . would match U+2028 and U+2029: each . outside a class becomes a
// class without the four, unless the s flag is set); the literal's source and toString still give the pattern as written
// (rememberPattern). Literals are rewritten when a script is compiled (regexpprops.go), patterns
// given to `new RegExp` in the constructor (regexpctor.go).

const (
	lineStartAnchor = `(?<![^\n\r\u2028\u2029])`
	lineEndAnchor   = `(?![^\n\r\u2028\u2029])`

	anyButLineTerminator = `[^\n\r\u2028\u2029]`
)

// multilineAnchors rewrites the anchors of pattern pat as above when flags has m; ok is false
// when there is nothing to rewrite.
func multilineAnchors(pat, flags string) (string, bool) {
	if !strings.Contains(flags, "m") || !strings.ContainsAny(pat, "^$") ||
		strings.Contains(pat, lineStartAnchor) || strings.Contains(pat, lineEndAnchor) { // rewritten already
		return pat, false
	}
	var b strings.Builder
	inClass, changed := false, false
	dotAll := strings.Contains(flags, "s")
	for i := 0; i < len(pat); i++ {
		c := pat[i]
		switch {
		case c == '\\' && i+1 < len(pat):
			b.WriteByte(c)
			i++
			c = pat[i]
		case c == '[' && !inClass:
			inClass = true
		case c == ']' && inClass:
			inClass = false
		case c == '^' && !inClass:
			b.WriteString(lineStartAnchor)
			changed = true
			continue
		case c == '$' && !inClass:
			b.WriteString(lineEndAnchor)
			changed = true
			continue
		case c == '.' && !inClass && !dotAll:
			// goja's backtracking engine lets . match U+2028 and U+2029
			b.WriteString(anyButLineTerminator)
			continue
		}
		b.WriteByte(c)
	}
	if !changed {
		return pat, false
	}
	return b.String(), true
}

// hasMultilineRegexpHint reports whether src may hold a regular expression literal with the m
// flag, or one with the i flag that foldCheapClasses may rewrite, or one hoistAnchors may: a /
// followed by flag letters that include m (or i, on a line with a class escape, a . or a -
// before it, and a lookaround or back reference there or a g or y flag; or any flags, on a line
// with /^ and |^ before it) and then no identifier character. Cheap, and true for some divisions (a/m): those cost a walk of the parsed program that changes nothing.
func hasMultilineRegexpHint(src string) bool {
	return multilineRegexpHints(src, 1) != nil
}

// multilineRegexpHints lists the offsets in src of the closing slashes hasMultilineRegexpHint
// looks for, in order, at most max of them (max < 0: all).
func multilineRegexpHints(src string, max int) []int {
	var at []int
	var line anchorLine
	for i := strings.IndexByte(src, '/'); i >= 0 && max != 0; {
		j, m, ic, gy := i+1, false, false, false
		for ; j < len(src) && strings.IndexByte("dgimsuyv", src[j]) >= 0; j++ {
			switch src[j] {
			case 'm':
				m = true
			case 'i':
				ic = true
			case 'g', 'y':
				gy = true
			}
		}
		if (m || ic && foldHintLine(src, i, gy) || line.hint(src, i)) && (j == len(src) || !isIdentByte(src[j])) {
			at = append(at, i)
			max--
		}
		k := strings.IndexByte(src[i+1:], '/')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return at
}

// foldHintLine reports whether the line of src before offset i may end with an i-flag literal
// foldCheapClasses rewrites.
func foldHintLine(src string, i int, gy bool) bool {
	line := src[strings.LastIndexByte(src[:i], '\n')+1 : i]
	if !strings.Contains(line, `\W`) && !strings.Contains(line, `\S`) && !strings.Contains(line, `\D`) &&
		!strings.Contains(line, ".") && !strings.Contains(line, "-") {
		return false
	}
	return gy || strings.Contains(line, "(?") || strings.Contains(line, `\k<`) || needsBacktracker(line)
}
