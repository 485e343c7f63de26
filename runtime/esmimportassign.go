package runtime

import (
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Assignment to an imported binding (x = 1, x++, [x] = a, for (x of a), ns = 1 for import * as
// ns) is V8's TypeError "Assignment to constant variable." once the right-hand side ran. esbuild
// turns an import into a property of the imported namespace (import_b.x = 1), which failed
// with "Cannot assign to read only property 'x' of object '[object Module]'", and a namespace
// import into a plain variable, which the assignment overwrote. esbuild reports each such
// assignment (its "assign-to-import" warning, at the imported name); the target it printed
// there is replaced by a constant the module declares on its helpers line, so that goja's own
// assignment to a constant throws V8's error at the same place. A compound assignment no longer
// reads the import first (its temporal dead zone error, in a cycle, becomes the TypeError).

// importAssignTarget is the constant an assignment to an import is turned into an assignment to.
const importAssignTarget = "__gojs_ro"

// importAssignDecl declares importAssignTarget, first on the helpers line.
const importAssignDecl = "const " + importAssignTarget + " = 0; "

// rewriteImportAssignments replaces, in esbuild's output code (with its inline source map), the
// targets of the assignments to imports that warnings report in src. ok says whether it
// replaced any (the module must then declare importAssignTarget).
func rewriteImportAssignments(code, src string, warnings []api.Message) (string, bool) {
	type pos struct{ line, col int }
	var targets map[pos]bool
	for _, w := range warnings {
		if w.ID != "assign-to-import" || w.Location == nil || w.Location.Line < 1 {
			continue
		}
		lt := w.Location.LineText
		c := w.Location.Column
		if c < 0 || c > len(lt) {
			continue
		}
		if targets == nil {
			targets = map[pos]bool{}
		}
		targets[pos{w.Location.Line - 1, utf16Len(lt[:c])}] = true
	}
	if targets == nil {
		return code, false
	}
	// the generated positions of those names, from the source map
	type edit struct{ line, col, end int } // (UTF-16 columns)
	var edits []edit
	var lines []string
	done := false
	code = editInlineSourceMap(code, func(mappings string) (string, bool) {
		segs, ok := decodeSegments(mappings)
		if !ok {
			return "", false
		}
		body := code[:strings.LastIndex(code, inlineSourceMapMarker)]
		lines = strings.Split(body, "\n")
		for _, s := range segs {
			if s.n < 4 || s.src != 0 || !targets[pos{s.oline, s.ocol}] || s.line >= len(lines) {
				continue
			}
			if n := len(edits); n > 0 && edits[n-1].line == s.line && edits[n-1].end > s.col {
				continue // (a segment inside a target already taken)
			}
			text := lines[s.line]
			at := utf16Offset(text, 0, s.col)
			if at < 0 {
				continue
			}
			// (a statement's segment starts at its line's indent; a shorthand property's at its
			// key, which esbuild prints before the import it assigns to: ({ x: import_b.x } = o))
			for at < len(text) && (text[at] == ' ' || text[at] == '\t') {
				at++
			}
			if k := identLen(text[at:]); k > 0 && strings.HasPrefix(text[at+k:], ": ") {
				at += k + 2
			}
			if at > 0 && text[at-1] == '.' {
				continue // (a member of a namespace, not a whole target)
			}
			n := assignTargetLen(text[at:])
			if n == 0 {
				continue
			}
			start := utf16Len(text[:at])
			if k := len(edits); k > 0 && edits[k-1].line == s.line && edits[k-1].end > start {
				continue
			}
			edits = append(edits, edit{s.line, start, start + utf16Len(text[at:at+n])})
		}
		if len(edits) == 0 {
			return "", false
		}
		// the segments after a replaced target move by the difference in length; those inside it
		// go to its start
		k := 0
		for i := range segs {
			s := &segs[i]
			for k < len(edits) && (edits[k].line < s.line || edits[k].line == s.line && edits[k].end <= s.col) {
				k++
			}
			shift := 0
			for j := k - 1; j >= 0 && edits[j].line == s.line; j-- {
				shift += len(importAssignTarget) - (edits[j].end - edits[j].col)
			}
			if k < len(edits) && edits[k].line == s.line && edits[k].col < s.col {
				s.col = edits[k].col
			}
			s.col += shift
		}
		done = true
		return encodeSegments(segs), true
	})
	if !done {
		return code, false
	}
	// the code, each edited line rewritten from its last target back
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		text := lines[e.line]
		a, b := utf16Offset(text, 0, e.col), utf16Offset(text, 0, e.end)
		lines[e.line] = text[:a] + importAssignTarget + text[b:]
	}
	sm := code[strings.LastIndex(code, inlineSourceMapMarker):]
	return strings.Join(lines, "\n") + sm, true
}

// assignTargetLen is the length of the assignment target esbuild printed for an import at the
// start of s: a name (a namespace import), or a namespace's property (import_b.x, import_b["a b"]).
func assignTargetLen(s string) int {
	n := identLen(s)
	if n == 0 {
		return 0
	}
	switch {
	case n < len(s) && s[n] == '.':
		m := identLen(s[n+1:])
		if m == 0 {
			return 0
		}
		return n + 1 + m
	case n+1 < len(s) && s[n] == '[' && (s[n+1] == '"' || s[n+1] == '\''):
		q := s[n+1]
		for i := n + 2; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case q:
				if i+1 < len(s) && s[i+1] == ']' {
					return i + 2
				}
				return 0
			}
		}
		return 0
	}
	return n
}

// identLen is the length of the ASCII identifier s starts with (esbuild prints the names it
// makes, and escapes others, in ASCII).
func identLen(s string) int {
	i := 0
	for i < len(s) && isIdentByte(s[i]) && s[i] < 0x80 && !(i == 0 && s[i] >= '0' && s[i] <= '9') {
		i++
	}
	return i
}

// A mapSegment is one segment of a source map's mappings, with absolute values: n is how many
// fields it had (1, 4 or 5).
type mapSegment struct {
	line, col, n, src, oline, ocol, name int
}

// decodeSegments reads mappings into their segments, in order.
func decodeSegments(mappings string) ([]mapSegment, bool) {
	var out []mapSegment
	var src, oline, ocol, name int
	for line, group := range strings.Split(mappings, ";") {
		col := 0
		for _, seg := range strings.Split(group, ",") {
			if seg == "" {
				continue
			}
			f, ok := decodeVLQ(seg)
			if !ok || (len(f) != 1 && len(f) != 4 && len(f) != 5) {
				return nil, false
			}
			col += f[0]
			s := mapSegment{line: line, col: col, n: len(f)}
			if len(f) >= 4 {
				src, oline, ocol = src+f[1], oline+f[2], ocol+f[3]
				s.src, s.oline, s.ocol = src, oline, ocol
				if len(f) == 5 {
					name += f[4]
					s.name = name
				}
			}
			out = append(out, s)
		}
	}
	return out, true
}

// encodeSegments writes segments (in order) as mappings.
func encodeSegments(segs []mapSegment) string {
	var b strings.Builder
	var src, oline, ocol, name int
	line, col := 0, 0
	first := true
	for _, s := range segs {
		for line < s.line {
			b.WriteByte(';')
			line++
			col = 0
			first = true
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		f := []int{s.col - col}
		col = s.col
		if s.n >= 4 {
			f = append(f, s.src-src, s.oline-oline, s.ocol-ocol)
			src, oline, ocol = s.src, s.oline, s.ocol
			if s.n == 5 {
				f = append(f, s.name-name)
				name = s.name
			}
		}
		b.WriteString(encodeVLQ(f))
	}
	return b.String()
}
