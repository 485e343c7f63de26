package runtime

import "strings"

// goja's parser refuses a class field named get, set or async (`set = (k, v) => {...}`, as
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
