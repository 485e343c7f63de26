package runtime

import (
	"strings"
)

// goja's parser refuses a class field named get, set or async (public or static), and a
// private one named #get or #set, (`set = (k, v) => {...}`, as
// hono's Context has): it reads the name as the start of an accessor or async method. esbuild,
// told that class fields are unsupported, turns the fields of such a file into assignments in
// the constructor (__publicField), which goja runs. hasKeywordNamedField is the cheap test
// that decides it: a word get, set or async at the start of a statement or class element
// (after a line break, `{`, `}`, `;` or `static`) followed by `=` (not `==` or `=>`). A plain
// assignment to a variable of that name matches too; the file's class fields are then lowered
// for nothing, which changes no behaviour.
func hasKeywordNamedField(src string) bool {
	for _, w := range [...]string{"get", "set", "async"} {
		for i := 0; ; {
			j := strings.Index(src[i:], w)
			if j < 0 {
				break
			}
			at := i + j
			i = at + len(w)
			if keywordFieldAt(src, at, len(w)) {
				return true
			}
		}
	}
	return false
}

// keywordFieldAt reports whether the word of length n at src[at:] stands where a class
// element's name would, followed by its initializer.
func keywordFieldAt(src string, at, n int) bool {
	end := at + n
	if end < len(src) && isIdentByte(src[end]) || at > 0 && (isIdentByte(src[at-1]) || src[at-1] == '.' || src[at-1] == '$') {
		return false
	}
	rest := strings.TrimLeft(src[end:], " \t")
	if len(rest) < 2 || rest[0] != '=' || rest[1] == '=' || rest[1] == '>' {
		return false
	}
	before := strings.TrimRight(src[:at], " \t")
	if before == "" {
		return true
	}
	switch before[len(before)-1] {
	case '\n', '\r', '{', '}', ';':
		return true
	}
	return strings.HasSuffix(before, "static") && (len(before) == len("static") || !isIdentByte(before[len(before)-len("static")-1]))
}

// escapeKeywordPrivateNames writes the name of each private field esbuild printed as #get or
// #set (import-in-the-middle's ModuleBinder has `#set = Object.create(null)`) as #ge\u0074 or
// #se\u0074: the same private name, which goja's parser no longer takes for the start of an
// accessor (it looks at the name's source text). esbuild prints one class element a line, at
// its start after the indentation and an optional `static`, and maps it (a line of a template
// literal that looks the same has no mapping there, and stays); the five characters each
// adds move the rest of that line, and the inline source map's segments after it move too.
func escapeKeywordPrivateNames(code string) string {
	if !strings.Contains(code, "#get") && !strings.Contains(code, "#set") {
		return code
	}
	const esc = `\u0074`
	return editGeneratedLines(code, func(text string, firstCol int) (string, int, int) {
		rest := strings.TrimPrefix(strings.TrimLeft(text, " "), "static ")
		col := len(text) - len(rest)
		if (strings.HasPrefix(rest, "#get") || strings.HasPrefix(rest, "#set")) && len(rest) > 4 &&
			(rest[4] == ';' || strings.HasPrefix(rest[4:], " = ")) && firstCol >= 0 && firstCol <= col {
			return text[:col+3] + esc + text[col+4:], col + 3, len(esc) - 1
		}
		return "", 0, 0
	})
}

// editGeneratedLines gives edit each line of esbuild's output (code, with its inline source
// map) and the generated column of the line's first mapping (-1 for none); where edit returns
// a new text, that replaces the line, and the line's mappings after column at move by moved.
func editGeneratedLines(code string, edit func(text string, firstCol int) (string, int, int)) string {
	end := strings.LastIndex(code, inlineSourceMapMarker)
	if end < 0 {
		return code
	}
	var groups []string
	editInlineSourceMap(code, func(mappings string) (string, bool) {
		groups = strings.Split(mappings, ";")
		return "", false
	})
	var b strings.Builder
	changed := false
	line := 0
	for off := 0; off < end; line++ {
		next := end
		if nl := strings.IndexByte(code[off:end], '\n'); nl >= 0 {
			next = off + nl + 1
		}
		text := code[off:next]
		first := -1
		if line < len(groups) && groups[line] != "" {
			seg, _, _ := strings.Cut(groups[line], ",")
			if f, ok := decodeVLQ(seg); ok && len(f) > 0 {
				first = f[0]
			}
		}
		if repl, at, moved := edit(text, first); repl != "" {
			b.WriteString(repl)
			if line < len(groups) {
				groups[line] = shiftSegmentsAfter(groups[line], at, moved)
			}
			changed = true
		} else {
			b.WriteString(text)
		}
		off = next
	}
	if !changed {
		return code
	}
	b.WriteString(code[end:])
	return editInlineSourceMap(b.String(), func(string) (string, bool) {
		return strings.Join(groups, ";"), true
	})
}

// shiftSegmentsAfter moves the segments of group (one generated line's mappings) that start
// after column col by n columns: the first of them, as the others are relative to it.
func shiftSegmentsAfter(group string, col, n int) string {
	segs := strings.Split(group, ",")
	at := 0
	for i, seg := range segs {
		f, ok := decodeVLQ(seg)
		if !ok || len(f) == 0 {
			return group
		}
		at += f[0]
		if at > col {
			f[0] += n
			segs[i] = encodeVLQ(f)
			return strings.Join(segs, ",")
		}
	}
	return group
}
