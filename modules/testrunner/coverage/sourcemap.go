package coverage

import (
	"encoding/base64"
	"encoding/json"
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
