package modules

import "strings"

// goja's lexer stops reading a \u{...} escape once its value reaches U+10FFFF, before the
// closing brace, so a string or template literal with "\u{10FFFF}" (the largest code point:
// Unicode tables, string-width's and franc's dependencies have it) makes its parser panic
// ("unexpected unicode length"), which killed the whole process. FixMaxCodePointEscapes writes
// each such escape (\u{10FFFF} with any case and leading zeros, whose backslash is not itself
// escaped) as the surrogate pair escape \uDBFF\uDFFF, which means the same in strings,
// templates and u-mode regular expressions. Only those lines' columns move (by two).
func FixMaxCodePointEscapes(src string) string {
	if !strings.Contains(src, `\u{`) && !strings.Contains(src, `\U{`) {
		return src
	}
	var b strings.Builder
	last := 0
	for i := 0; ; {
		j := strings.Index(src[i:], `u{`)
		if j < 0 {
			break
		}
		at := i + j // the u
		i = at + 2
		if at == 0 || src[at-1] != '\\' {
			continue
		}
		slashes := 0
		for k := at - 1; k >= 0 && src[k] == '\\'; k-- {
			slashes++
		}
		if slashes%2 == 0 {
			continue
		}
		k := at + 2
		for k < len(src) && src[k] == '0' {
			k++
		}
		if k+7 > len(src) || !strings.EqualFold(src[k:k+6], "10ffff") || src[k+6] != '}' {
			continue
		}
		b.WriteString(src[last : at-1])
		b.WriteString(`\uDBFF\uDFFF`)
		last = k + 7
		i = last
	}
	if last == 0 {
		return src
	}
	b.WriteString(src[last:])
	return b.String()
}
