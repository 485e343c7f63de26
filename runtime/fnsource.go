package runtime

import (
	"encoding/base64"
	"encoding/json"
	"path/filepath"
	"strings"
	"unsafe"

	"github.com/dop251/goja"
)

// Function.prototype.toString of a function defined in an ES module (or other transformed code)
// is, in V8, its source text as the file has it; goja gives the text it compiled, esbuild's
// reprint of the module. goja's text of a function is a substring of the compiled source (an
// ASCII one is handed out without a copy), so its address says which transformed module it is
// from and where; the module's source map then gives the positions of its first and last
// tokens in the file, and the file's text between them is the answer. The wrapper is installed
// when the first transformed module runs; a text it cannot place (non-ASCII, or positions the
// map does not give exactly) stays goja's.

// fnSource is the compiled source of one transformed module.
type fnSource struct {
	src  string // the source goja compiled: a wrapper around the transformed code
	file string
	segs []mapSegment // its source map's segments, read on first use
	read bool
}

// noteTransformedSource records src, the compiled source of transformed module file, for
// Function.prototype.toString. Loop only.
func (rt *Runtime) noteTransformedSource(src, file string) {
	// (not TypeScript's: its functions are the JavaScript it compiles to, as a loader that
	// compiles it gives them)
	switch filepath.Ext(file) {
	case ".js", ".mjs", ".cjs", "":
	default:
		return
	}
	if !strings.Contains(src, inlineSourceMapMarker) {
		return
	}
	if rt.fnSources == nil {
		rt.installSourceToString()
	}
	rt.fnSources = append(rt.fnSources, &fnSource{src: src, file: file})
}

// installSourceToString wraps Function.prototype.toString (see above).
func (rt *Runtime) installSourceToString() {
	rt.fixFunctionText(func(s goja.String) goja.Value {
		if t, ok := rt.originalFunctionText(s.String()); ok {
			return rt.vm.ToValue(t)
		}
		return nil
	})
}

// originalFunctionText is the file's text of the function whose compiled text is t (a substring
// of a noted module's compiled source), when it can be placed.
func (rt *Runtime) originalFunctionText(t string) (string, bool) {
	if len(t) == 0 {
		return "", false
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(t)))
	for _, e := range rt.fnSources {
		base := uintptr(unsafe.Pointer(unsafe.StringData(e.src)))
		if p < base || p+uintptr(len(t)) > base+uintptr(len(e.src)) {
			continue
		}
		orig, ok := rt.sources[e.file]
		if !ok {
			return "", false
		}
		return e.original(orig, int(p-base), int(p-base)+len(t))
	}
	return "", false
}

// original maps the compiled source's range [start, end) to the same text in orig, the file.
func (e *fnSource) original(orig string, start, end int) (string, bool) {
	if !e.read {
		e.read = true
		e.segs = inlineMapSegments(e.src)
	}
	if e.segs == nil {
		return "", false
	}
	sl, sc := lineCol(e.src, start)
	el, ec := lineCol(e.src, end-1)
	// the first token: a segment exactly at it
	first := -1
	for i, s := range e.segs {
		if s.line == sl && s.col == sc && s.n >= 4 && s.src == 0 {
			first = i
			break
		}
		if s.line > sl {
			break
		}
	}
	// the last token: the last segment at or before it on its line
	last := -1
	for i := len(e.segs) - 1; i >= 0; i-- {
		s := e.segs[i]
		if s.line < el {
			break
		}
		if s.line == el && s.col <= ec && s.n >= 4 && s.src == 0 {
			last = i
			break
		}
	}
	if first < 0 || last < 0 {
		return "", false
	}
	// (the map's original columns are 1-based here: shiftSourceMapColumns)
	a := srcOffsetAt(orig, e.segs[first].oline, e.segs[first].ocol-1)
	b := srcOffsetAt(orig, e.segs[last].oline, e.segs[last].ocol-1)
	if a < 0 || b < a {
		return "", false
	}
	ls := lineStartOffset(e.src, el)
	lc := utf16Offset(e.src[ls:], 0, e.segs[last].col)
	if lc < 0 || ls+lc > end {
		return "", false
	}
	tail := e.src[ls+lc : end]
	var stop int
	switch {
	case strings.HasPrefix(orig[b:], tail):
		stop = b + len(tail)
	case literalStart(tail) && tokenLen(tail) == len(tail) && literalStart(orig[b:]):
		// a string or number literal esbuild printed otherwise ('a' as "a", 0x10 as 16)
		n := tokenLen(orig[b:])
		if n == 0 {
			return "", false
		}
		stop = b + n
	default:
		return "", false
	}
	text := orig[a:stop]
	// (esbuild maps an exported declaration to its export keyword)
	if rest, ok := strings.CutPrefix(text, "export"); ok && len(rest) > 0 && (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n') {
		text = strings.TrimLeft(rest, " \t\r\n")
		if rest, ok := strings.CutPrefix(text, "default"); ok && len(rest) > 0 && (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n') {
			text = strings.TrimLeft(rest, " \t\r\n")
		}
	}
	if text == "" || text[len(text)-1] != e.src[end-1] && e.src[end-1] == '}' {
		return "", false
	}
	return text, true
}

// inlineMapSegments reads the segments of the inline source map in src (esbuild's, at its end).
func inlineMapSegments(src string) []mapSegment {
	i := strings.LastIndex(src, inlineSourceMapMarker)
	if i < 0 {
		return nil
	}
	data := src[i+len(inlineSourceMapMarker):]
	if j := strings.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(data))
	if err != nil {
		return nil
	}
	var sm struct {
		Mappings string `json:"mappings"`
	}
	if json.Unmarshal(raw, &sm) != nil {
		return nil
	}
	segs, ok := decodeSegments(sm.Mappings)
	if !ok {
		return nil
	}
	return segs
}

// lineCol is the 0-based line and UTF-16 column of byte offset off in s.
func lineCol(s string, off int) (int, int) {
	line := strings.Count(s[:off], "\n")
	ls := strings.LastIndexByte(s[:off], '\n') + 1
	return line, utf16Len(s[ls:off])
}

// lineStartOffset is the byte offset where 0-based line starts in s, or len(s).
func lineStartOffset(s string, line int) int {
	off := 0
	for ; line > 0; line-- {
		i := strings.IndexByte(s[off:], '\n')
		if i < 0 {
			return len(s)
		}
		off += i + 1
	}
	return off
}

// srcOffsetAt is the byte offset of 0-based line and UTF-16 column col in s, or -1.
func srcOffsetAt(s string, line, col int) int {
	ls := lineStartOffset(s, line)
	if ls >= len(s) && line > 0 || col < 0 {
		return -1
	}
	o := utf16Offset(s, ls, col)
	if o < 0 {
		return -1
	}
	return o
}

// literalStart reports whether s starts with a string or number literal.
func literalStart(s string) bool {
	return s != "" && (s[0] == '"' || s[0] == '\'' || s[0] >= '0' && s[0] <= '9' ||
		s[0] == '.' && len(s) > 1 && s[1] >= '0' && s[1] <= '9')
}

// tokenLen is the length of the token s starts with: a name or number, a quoted string, or one
// punctuator character; 0 for none.
func tokenLen(s string) int {
	if s == "" {
		return 0
	}
	c := s[0]
	switch {
	case c == '"' || c == '\'':
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case c:
				return i + 1
			case '\n':
				return 0
			}
		}
		return 0
	case isIdentByte(c) || c >= 0x80 || c == '.' && len(s) > 1 && s[1] >= '0' && s[1] <= '9':
		i := 1
		for i < len(s) && (isIdentByte(s[i]) || s[i] >= 0x80 || s[i] == '.' && c >= '0' && c <= '9') {
			i++
		}
		return i
	case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		return 0
	}
	return 1
}
