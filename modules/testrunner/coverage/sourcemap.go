package coverage

import (
	"encoding/base64"
	"encoding/json"
	"sort"
	"strings"
)

// mapper builds the source map from instrumented code back to the original: the code is the
// original text with insertions that never contain a line break, so lines stay and only columns
// move.
type mapper struct {
	lines   [][][3]int // per generated line: segments of (generated column, original line, original column)
	genCol  int
	origLn  int
	origCol int
}

func (m *mapper) seg() {
	for len(m.lines) <= m.origLn {
		m.lines = append(m.lines, nil)
	}
	l := m.lines[m.origLn]
	if n := len(l); n > 0 && l[n-1][0] == m.genCol {
		l[n-1] = [3]int{m.genCol, m.origLn, m.origCol}
		return
	}
	m.lines[m.origLn] = append(l, [3]int{m.genCol, m.origLn, m.origCol})
}

// original maps original text: a segment at each token start (source map consumers take a
// segment's position as it is, so each place a stack frame may point at needs one).
func (m *mapper) original(s string) {
	if s == "" {
		return
	}
	m.seg()
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' {
			m.origLn++
			m.genCol, m.origCol = 0, 0
			prev = ' '
			if i+1 < len(s) {
				m.seg()
			}
			continue
		}
		if c != ' ' && c != '\t' && c != '\r' && (!word(c) || !word(prev)) && i > 0 {
			m.seg()
		}
		prev = c
		m.genCol++
		m.origCol++
	}
}

func word(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func (m *mapper) inserted(s string) {
	m.seg()
	m.genCol += len(s)
	m.seg()
}

const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func vlq(sb *strings.Builder, v int) {
	u := v << 1
	if v < 0 {
		u = (-v << 1) | 1
	}
	for {
		d := u & 31
		u >>= 5
		if u > 0 {
			d |= 32
		}
		sb.WriteByte(b64[d])
		if u == 0 {
			return
		}
	}
}

func (m *mapper) encode(filename string) string {
	var sb strings.Builder
	prevLn, prevCol := 0, 0
	for i, l := range m.lines {
		if i > 0 {
			sb.WriteByte(';')
		}
		prevGen := 0
		for j, s := range l {
			if j > 0 {
				sb.WriteByte(',')
			}
			vlq(&sb, s[0]-prevGen)
			vlq(&sb, 0)
			vlq(&sb, s[1]-prevLn)
			vlq(&sb, s[2]-prevCol)
			prevGen, prevLn, prevCol = s[0], s[1], s[2]
		}
	}
	b, _ := json.Marshal(map[string]any{"version": 3, "sources": []string{filename}, "names": []string{}, "mappings": sb.String()})
	return base64.StdEncoding.EncodeToString(b)
}

// decodeMap reads a source map's mappings (of its first source) as per generated line segments
// of (generated column, original line, original column), in generated column order.
func decodeMap(mappings string) [][][3]int {
	var lines [][][3]int
	var cur [][3]int
	genCol, srcLine, srcCol := 0, 0, 0
	var fields [5]int
	for i := 0; i <= len(mappings); {
		if i == len(mappings) || mappings[i] == ';' {
			lines = append(lines, cur)
			cur = nil
			genCol = 0
			i++
			continue
		}
		if mappings[i] == ',' {
			i++
			continue
		}
		n := 0
		v, shift := 0, 0
		for i < len(mappings) && mappings[i] != ',' && mappings[i] != ';' {
			d := strings.IndexByte(b64, mappings[i])
			i++
			if d < 0 {
				return nil
			}
			v += (d & 31) << shift
			if d&32 != 0 {
				shift += 5
				continue
			}
			if n < len(fields) {
				if v&1 != 0 {
					fields[n] = -(v >> 1)
				} else {
					fields[n] = v >> 1
				}
			}
			n++
			v, shift = 0, 0
		}
		if n == 0 {
			continue
		}
		genCol += fields[0]
		if n >= 4 {
			srcLine += fields[2]
			srcCol += fields[3]
			cur = append(cur, [3]int{genCol, srcLine, srcCol})
		}
	}
	return lines
}

// inlineMap splits code into the code before its inline source map comment and that map's
// mappings ("" when there is none).
func inlineMap(code string) (string, string) {
	const marker = "\n//# sourceMappingURL=data:application/json;base64,"
	i := strings.LastIndex(code, marker)
	if i < 0 {
		return code, ""
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(code[i+len(marker):]))
	if err != nil {
		return code, ""
	}
	var sm struct {
		Mappings string `json:"mappings"`
	}
	if json.Unmarshal(raw, &sm) != nil {
		return code, ""
	}
	return code[:i+1], sm.Mappings
}

// lookup maps generated (line, column), 0-based, to the original through segs: the last segment
// at or before the column, moved by the distance from it; ok is false on a line without
// segments (generated code).
func lookup(segs [][][3]int, line, col int) (int, int, bool) {
	if line >= len(segs) || len(segs[line]) == 0 {
		return 0, 0, false
	}
	l := segs[line]
	k := sort.Search(len(l), func(i int) bool { return l[i][0] > col }) - 1
	if k < 0 {
		return l[0][1], l[0][2], true
	}
	return l[k][1], l[k][2] + col - l[k][0], true
}
