package runtime

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gojs-dev/gojs/modules"
)

// Source maps for stack traces, as node's --enable-source-maps (and
// process.setSourceMapsEnabled(true)) does them: a module compiled while they are enabled has
// the sourceMappingURL its source ends with noted (noteUserSourceMap); the map is read on the
// first lookup. A stack formatted while they are enabled (and no Error.prepareStackTrace of
// the program's is set) shows a frame in such a file at its original place, as node's
// prepareStackTraceWithSourceMaps serializes it, and an uncaught error's excerpt is the original
// source's line when the map or the disk has it.
//
// goja's own source-map support is not used for these: it reads the map from the disk past the
// runtime's file system and permissions, and it reads the columns one off. Code stays compiled
// with its own positions, which the stack formatter's reading of the source relies on, and the
// mapping is the last step.

// userSourceMap is the sourceMappingURL a module named, and the map once read.
type userSourceMap struct {
	url    string
	loaded bool
	m      *parsedSourceMap // nil when the map could not be read or parsed
}

// parsedSourceMap is a source map v3 whose sources are absolute URLs (node's sourcesToAbsolute).
type parsedSourceMap struct {
	payload  map[string]any // the JSON, sources resolved, for module.findSourceMap
	sources  []string
	contents []string // sourcesContent ("" when absent)
	names    []string
	entries  []smEntry // sorted by generated position
}

// smEntry is one mapping segment; src and name are -1 when the segment has none.
type smEntry struct {
	genLine, genCol, src, line, col, name int
}

// sourceMapsOn reports whether source maps are enabled now (the flag, or
// process.setSourceMapsEnabled).
func (rt *Runtime) sourceMapsOn() bool { return rt.host.SourceMapsEnabled() }

// noteUserSourceMap notes the sourceMappingURL at the end of a module's source, when source maps
// are enabled. Loop only.
func (rt *Runtime) noteUserSourceMap(filename, src string) {
	if !rt.sourceMapsOn() {
		return
	}
	u := sourceMappingURL(src)
	if u == "" {
		if rt.userMaps != nil {
			delete(rt.userMaps, filename)
		}
		return
	}
	if rt.userMaps == nil {
		rt.userMaps = make(map[string]*userSourceMap)
	}
	rt.userMaps[filename] = &userSourceMap{url: u}
}

// sourceMappingURL is the value of the last `//# sourceMappingURL=` (or `/*#`, or the older
// `//@`) comment among the comment lines that end src, "" when there is none.
func sourceMappingURL(src string) string {
	u := ""
	trailingMapComments(src, func(start, end int) {
		if u == "" {
			v := src[end:]
			if k := strings.IndexAny(v, " \t\r\n"); k >= 0 {
				v = v[:k]
			}
			u = v
		}
	})
	return u
}

// hideSourceMapComments keeps esbuild from reading a module's own source map comment (it would
// fold an inline map into the transform's, mapping stacks without --enable-source-maps): one
// letter of the comment changes, so every position stays. Only the comment lines that end the
// file are touched, never the program's strings.
func hideSourceMapComments(src string) string {
	b := []byte(nil)
	trailingMapComments(src, func(start, end int) {
		if b == nil {
			b = []byte(src)
		}
		b[end-2] = 'l' // sourceMappingURL= -> sourceMappingURl=
	})
	if b == nil {
		return src
	}
	return string(b)
}

// trailingMapComments calls f, from the last line up, for each source map comment among the
// lines that end src (blank lines and comment lines after the last line of code), with the
// offsets of its "sourceMappingURL=" (start, and end just past the "=").
func trailingMapComments(src string, f func(start, end int)) {
	const key = "sourceMappingURL="
	if !strings.Contains(src, key) {
		return
	}
	end := len(src)
	for end > 0 {
		lineStart := strings.LastIndexByte(src[:end], '\n') + 1
		line := strings.TrimSpace(src[lineStart:end])
		end = max(lineStart-1, 0)
		switch {
		case line == "":
			continue
		case !strings.HasPrefix(line, "//") && !strings.HasPrefix(line, "/*") && !strings.HasSuffix(line, "*/"):
			return // the last line of code
		}
		rest := strings.TrimLeft(line[2:], " \t")
		if len(rest) > 0 && (rest[0] == '#' || rest[0] == '@') && (line[1] == '/' || line[1] == '*') {
			if v := strings.TrimLeft(rest[1:], " \t"); strings.HasPrefix(v, key) {
				i := strings.Index(src[lineStart:], key) + lineStart
				f(i, i+len(key))
			}
		}
	}
}

// userMap is the source map of the generated file, read on first use; nil when it has none.
func (rt *Runtime) userMap(file string) *parsedSourceMap {
	u := rt.userMaps[file]
	if u == nil {
		return nil
	}
	if !u.loaded {
		u.loaded = true
		u.m = rt.loadUserMap(file, u.url)
	}
	return u.m
}

// loadUserMap reads the map a module's sourceMappingURL names: a data: URL of JSON, or a file
// relative to the module.
func (rt *Runtime) loadUserMap(file, ref string) *parsedSourceMap {
	moduleURL := fileURL(file)
	if rest, ok := strings.CutPrefix(ref, "data:"); ok {
		format, data, ok := strings.Cut(rest, ",")
		if !ok {
			return nil
		}
		parts := strings.Split(format, ";")
		if parts[0] != "application/json" {
			return nil
		}
		raw := []byte(data)
		if parts[len(parts)-1] == "base64" {
			b, err := base64.StdEncoding.DecodeString(strings.TrimRight(data, "="))
			if err != nil {
				if b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(data, "=")); err != nil {
					return nil
				}
			}
			raw = b
		}
		return parseUserMap(raw, moduleURL)
	}
	base, err := url.Parse(moduleURL)
	if err != nil {
		return nil
	}
	r, err := url.Parse(ref)
	if err != nil {
		return nil
	}
	mapURL := base.ResolveReference(r)
	if mapURL.Scheme != "file" {
		return nil
	}
	data, ok := rt.readUserFile(mapURL.Path)
	if !ok {
		return nil
	}
	return parseUserMap(data, mapURL.String())
}

// readUserFile reads a file of the program's through the runtime's file system, if it may.
func (rt *Runtime) readUserFile(p string) ([]byte, bool) {
	if !rt.host.Allowed(modules.ScopeFSRead, p) {
		return nil, false
	}
	data, err := rt.readFS(p)
	return data, err == nil
}

// readFS reads a file through the runtime's file system (Options.FS, else the disk), with no
// permission check.
func (rt *Runtime) readFS(p string) ([]byte, error) {
	if rt.opts.FS != nil {
		return fsLoader{rt.opts.FS}.read(p)
	}
	return os.ReadFile(p)
}

// fileURL is the file: URL of an absolute path.
func fileURL(p string) string {
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// parseUserMap parses a source map's JSON and resolves its sources against base (the map's URL).
func parseUserMap(data []byte, base string) *parsedSourceMap {
	var payload map[string]any
	if json.Unmarshal(data, &payload) != nil || payload == nil {
		return nil
	}
	b, err := url.Parse(base)
	if err != nil {
		return nil
	}
	m := &parsedSourceMap{payload: payload}
	root, _ := payload["sourceRoot"].(string)
	srcs, _ := payload["sources"].([]any)
	resolved := make([]any, len(srcs))
	for i, s := range srcs {
		str, _ := s.(string)
		r, err := url.Parse(root + str)
		if err != nil {
			return nil
		}
		abs := b.ResolveReference(r).String()
		m.sources = append(m.sources, abs)
		resolved[i] = abs
	}
	if srcs != nil {
		payload["sources"] = resolved
	}
	contents, _ := payload["sourcesContent"].([]any)
	m.contents = make([]string, len(m.sources))
	for i := range m.contents {
		if i < len(contents) {
			m.contents[i], _ = contents[i].(string)
		}
	}
	names, _ := payload["names"].([]any)
	for _, n := range names {
		s, _ := n.(string)
		m.names = append(m.names, s)
	}
	mappings, _ := payload["mappings"].(string)
	m.entries = decodeMappings(mappings)
	return m
}

// decodeMappings reads a mappings string into its segments, sorted by generated position. A
// segment that ends the string reads its missing fields as zero deltas, as node's decoder does.
func decodeMappings(s string) []smEntry {
	var out []smEntry
	line, src, oline, ocol, name := 0, 0, 0, 0, 0
	i := 0
	for i < len(s) {
		col := 0
		for i < len(s) && s[i] != ';' {
			var f [5]int
			n := 0
			for i < len(s) && s[i] != ',' && s[i] != ';' {
				v, shift := 0, 0
				for {
					if i >= len(s) {
						break
					}
					d := strings.IndexByte(vlqChars, s[i])
					i++
					if d < 0 {
						sortEntries(out)
						return out
					}
					v += (d & 31) << shift
					shift += 5
					if d&32 == 0 {
						break
					}
				}
				if v&1 != 0 {
					v = -(v >> 1)
				} else {
					v >>= 1
				}
				if n < 5 {
					f[n] = v
				}
				n++
			}
			if n > 0 {
				if i >= len(s) && n < 5 {
					n = 5 // (the missing fields read as zero)
				}
				col += f[0]
				e := smEntry{genLine: line, genCol: col, src: -1, name: -1}
				if n >= 4 {
					src += f[1]
					oline += f[2]
					ocol += f[3]
					e.src, e.line, e.col = src, oline, ocol
					if n >= 5 {
						name += f[4]
						e.name = name
					}
				}
				out = append(out, e)
			}
			if i < len(s) && s[i] == ',' {
				i++
			}
		}
		if i < len(s) && s[i] == ';' {
			i++
			line++
		}
	}
	sortEntries(out)
	return out
}

func sortEntries(e []smEntry) {
	sort.SliceStable(e, func(a, b int) bool {
		return e[a].genLine < e[b].genLine || e[a].genLine == e[b].genLine && e[a].genCol < e[b].genCol
	})
}

// find is node's SourceMap.findEntry: the last segment at or before the 0-based generated
// position, ok false when there is none.
func (m *parsedSourceMap) find(line, col int) (smEntry, bool) {
	i := sort.Search(len(m.entries), func(i int) bool {
		e := &m.entries[i]
		return e.genLine > line || e.genLine == line && e.genCol > col
	})
	if i == 0 {
		return smEntry{}, false
	}
	return m.entries[i-1], true
}

// original is the entry's original place: its source and 0-based line and column; ok false
// when the segment maps to no source.
func (m *parsedSourceMap) original(e smEntry) (string, int, int, bool) {
	if e.src < 0 || e.src >= len(m.sources) {
		return "", 0, 0, false
	}
	return m.sources[e.src], e.line, e.col, true
}

func (m *parsedSourceMap) name(e smEntry) string {
	if e.name < 0 || e.name >= len(m.names) {
		return ""
	}
	return m.names[e.name]
}

// sourceNoScheme is how node prints an original source: a file: URL as its path.
func sourceNoScheme(src string) string {
	if strings.HasPrefix(src, "file://") {
		if u, err := url.Parse(src); err == nil {
			return u.Path
		}
	}
	return src
}

// writeMappedSite writes sites[i] at its original place, as node's serializeJSStackFrame; false
// when the frame's file has no map or the map has no source for its place.
func (rt *Runtime) writeMappedSite(b *strings.Builder, sites []siteInfo, i int) bool {
	si := &sites[i]
	if si.native != "" || si.eval != nil || si.file == "" {
		return false
	}
	m := rt.userMap(si.file)
	if m == nil {
		return false
	}
	e, ok := m.find(si.line-1, si.col-1)
	if !ok {
		return false
	}
	src, line, col, ok := m.original(e)
	if !ok {
		return false
	}
	// the name the map gives the caller's place for the function called there (node first
	// asks the map for the name at the function's own start, which goja does not keep)
	name := ""
	if i+1 < len(sites) {
		if c := &sites[i+1]; c.native == "" && c.eval == nil && c.file == si.file && c.esm == si.esm {
			if ce, ok := m.find(c.line-1, c.col-1); ok {
				name = m.name(ce)
			}
		}
	}
	orig := si.fn
	if si.display != "" {
		orig = si.display
	}
	if si.top {
		orig = "Object.<anonymous>"
	}
	prefix := ""
	if si.async {
		prefix = "async "
	} else if rest, ok := strings.CutPrefix(orig, "new "); ok {
		prefix, orig = "new ", rest
	}
	if j := strings.Index(orig, " [as "); j >= 0 {
		orig = orig[:j]
	}
	if orig == "" {
		orig = "<anonymous>"
	}
	if name != "" && name != orig {
		orig = name
	}
	place := sourceNoScheme(src) + ":" + strconv.Itoa(line+1) + ":" + strconv.Itoa(col+1)
	if rt.mappedPlaces == nil || len(rt.mappedPlaces) >= maxMappedPlaces {
		rt.mappedPlaces = make(map[string]genPlace)
	}
	rt.mappedPlaces[place] = genPlace{si.file, si.line, si.col}
	b.WriteString(prefix)
	b.WriteString(orig)
	b.WriteString(" (")
	b.WriteString(place)
	b.WriteByte(')')
	return true
}

// genPlace is a stack frame's place in the code that ran.
type genPlace struct {
	file      string
	line, col int
}

// maxMappedPlaces bounds Runtime.mappedPlaces (distinct places of the program's code).
const maxMappedPlaces = 4096

// mappedArrow is node's excerpt (getSourceMapErrorSource) for an uncaught error at file:line
// with the 0-based column col0: the original source's line with the caret under the original
// column, and a blank line; "" when the file has no map, the map no source for the place, or
// the original source is neither in the map nor on the disk.
func (rt *Runtime) mappedArrow(file string, line, col0 int) string {
	if !rt.sourceMapsOn() {
		return ""
	}
	m := rt.userMap(file)
	if m == nil {
		return ""
	}
	e, ok := m.find(line-1, col0)
	if !ok {
		return ""
	}
	src, oline, ocol, ok := m.original(e)
	if !ok {
		return ""
	}
	text := m.contents[e.src]
	if text == "" {
		if !strings.HasPrefix(src, "file://") {
			return ""
		}
		data, ok := rt.readUserFile(sourceNoScheme(src))
		if !ok {
			return ""
		}
		text = string(data)
	}
	var l string
	for n := 0; ; n++ {
		j := strings.IndexByte(text, '\n')
		if n == oline {
			l = text
			if j >= 0 {
				l = text[:j]
			}
			break
		}
		if j < 0 {
			return ""
		}
		text = text[j+1:]
	}
	l = strings.TrimSuffix(l, "\r")
	if l == "" {
		return ""
	}
	// a space per character before the column (a tab stays a tab)
	var pad strings.Builder
	for i, n := 0, 0; i < len(l) && n < ocol; n++ {
		r, size := utf8.DecodeRuneInString(l[i:])
		if r == '\t' {
			pad.WriteByte('\t')
		} else {
			pad.WriteByte(' ')
		}
		i += size
	}
	return sourceNoScheme(src) + ":" + strconv.Itoa(oline+1) + "\n" + l + "\n" + pad.String() + "^\n\n"
}

// sourceMapPayload is module.findSourceMap's payload for a file (a path or a file: URL) as JSON,
// "" when source maps are off or the file has none.
func (rt *Runtime) sourceMapPayload(file string) string {
	if !rt.sourceMapsOn() {
		return ""
	}
	if strings.HasPrefix(file, "file://") {
		if u, err := url.Parse(file); err == nil {
			file = u.Path
		}
	}
	m := rt.userMap(file)
	if m == nil {
		return ""
	}
	out, err := json.Marshal(m.payload)
	if err != nil {
		return ""
	}
	return string(out)
}
