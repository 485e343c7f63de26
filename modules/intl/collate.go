package intl

import (
	"sort"

	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// asciiRank is the CLDR root collation's primary order of the ASCII characters (0: ignorable),
// derived once from x/text's tables: it lets English comparisons of ASCII strings skip building
// collation keys.
var asciiRank = modules.Lazy[[128]uint16]{Build: func() [128]uint16 {
	c := collate.New(language.Und, collate.IgnoreCase, collate.IgnoreDiacritics, collate.IgnoreWidth)
	var buf collate.Buffer
	type ck struct {
		ch  byte
		key string
	}
	var keys []ck
	for ch := 0; ch < 128; ch++ {
		k := c.KeyFromString(&buf, string(rune(ch)))
		keys = append(keys, ck{byte(ch), string(k)})
		buf.Reset()
	}
	sort.SliceStable(keys, func(i, j int) bool { return keys[i].key < keys[j].key })
	var rank [128]uint16
	r := uint16(0)
	prev := "\x00invalid"
	for _, k := range keys {
		if k.key == "" || allZero(k.key) {
			continue
		}
		if k.key != prev {
			r++
			prev = k.key
		}
		rank[k.ch] = r
	}
	return rank
}}

func allZero(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != 0 {
			return false
		}
	}
	return true
}

// compareASCII compares two ASCII strings as ICU's root collation does at the primary level
// and then (if tertiary) by case, lowercase first. ok is false if it cannot decide alone.
func compareASCII(a, b string, tertiary bool) int {
	rank := asciiRank.Get()
	i, j := 0, 0
	for {
		for i < len(a) && rank[a[i]] == 0 {
			i++
		}
		for j < len(b) && rank[b[j]] == 0 {
			j++
		}
		if i == len(a) || j == len(b) {
			if i < len(a) {
				return 1
			}
			if j < len(b) {
				return -1
			}
			break
		}
		ra, rb := rank[a[i]], rank[b[j]]
		if ra != rb {
			if ra < rb {
				return -1
			}
			return 1
		}
		i++
		j++
	}
	if !tertiary {
		return 0
	}
	i, j = 0, 0
	for {
		for i < len(a) && rank[a[i]] == 0 {
			i++
		}
		for j < len(b) && rank[b[j]] == 0 {
			j++
		}
		if i == len(a) || j == len(b) {
			return 0
		}
		ua, ub := a[i] >= 'A' && a[i] <= 'Z', b[j] >= 'A' && b[j] <= 'Z'
		if ua != ub {
			if ua {
				return 1
			}
			return -1
		}
		i++
		j++
	}
}
