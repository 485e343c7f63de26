package runtime

import "strings"

// lowerCommentedImports turns the import() calls esbuild lowered with a comment inside the
// parentheses (`import(/* webpackIgnore: true */ url)`, which bundlers' output is full of)
// into calls of the runtime's import. esbuild keeps the comment, so its lowering is not the
// one-line form the loader rewrites:
//
//	Promise.resolve().then(() => (
//	  /* webpackIgnore: true */
//	  __toESM(require(url))
//	))
//
// Left alone, that called require, which an ES module does not have ("require is not
// defined") and which in CommonJS loads an ES module synchronously instead of importing it.
// It becomes `(__gojs_import((` comment `url)) )`, on the same lines; esbuild's node-mode
// flag (`, 1`) is dropped, as blankNodeModeArgs drops it from the one-line form.
func lowerCommentedImports(code string) string {
	const head = "Promise.resolve().then(() => ("
	if !strings.Contains(code, head) {
		return code
	}
	var b strings.Builder
	last := 0
	for off := 0; ; {
		i := strings.Index(code[off:], head)
		if i < 0 {
			break
		}
		start := i + off
		off = start + len(head)
		k := skipSpaceAndComments(code, off)
		if k == off {
			continue // no comment: the one-line form, rewritten later
		}
		pre := ""
		for _, p := range [...]string{"__toESM(require(", "require("} {
			if strings.HasPrefix(code[k:], p) {
				pre = p
				break
			}
		}
		if pre == "" {
			continue
		}
		spec := k + len(pre)
		e := closeOrComma(code, spec, false) // require's closing parenthesis
		if e >= len(code) {
			continue
		}
		t := e + 1
		if pre[0] == '_' {
			switch {
			case strings.HasPrefix(code[t:], ", 1)"):
				t += len(", 1)")
			case strings.HasPrefix(code[t:], ")"):
				t++
			default:
				continue
			}
		}
		g := skipSpace(code, t) // the closing parenthesis of the arrow's body
		if g >= len(code) || code[g] != ')' {
			continue
		}
		b.WriteString(code[last:start])
		b.WriteString("(__gojs_import((")
		b.WriteString(code[off:k])
		b.WriteString(code[spec:e])
		b.WriteString("))")
		b.WriteString(code[t:g])
		b.WriteByte(' ')
		last = g + 1 // the then's closing parenthesis closes the outer one
		off = last
	}
	if last == 0 {
		return code
	}
	b.WriteString(code[last:])
	return b.String()
}

// skipSpaceAndComments returns the index of the first byte from s[i] on that is neither white
// space nor in a comment.
func skipSpaceAndComments(s string, i int) int {
	for {
		i = skipSpace(s, i)
		switch {
		case strings.HasPrefix(s[i:], "/*"):
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return i
			}
			i += 2 + j + 2
		case strings.HasPrefix(s[i:], "//"):
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				return i
			}
			i += j
		default:
			return i
		}
	}
}
