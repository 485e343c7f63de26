package querystring

import "strings"

// pair is one decoded key and its values, in first-seen order: the first value, then n-1 more
// chained through the parser's extra list from index first.
type pair struct {
	key   string
	val   string // the first value
	n     int32  // number of values
	first int32  // index in extra of the second value, when n > 1
	last  int32  // index in extra of the last value, when n > 1
}

// extraVal is a repeated key's further value, linked to the next one (-1 ends).
type extraVal struct {
	val  string
	next int32
}

// parser accumulates pairs. Small queries are searched linearly; an index appears past 16 keys.
// A parser can be reused (reset keeps its buffers), so parsing allocates nothing but the decoded
// strings once its buffers have grown.
type parser struct {
	pairs  []pair
	extra  []extraVal
	index  map[string]int
	kb, vb []byte // scratch of the key and value being built
}

// acc collects a key or value: a substring of the query while it is one piece, else bytes in
// the parser's scratch (so "a+b+c" costs one string, not one per piece).
type acc struct {
	s     string
	b     *[]byte
	built bool
}

func (a *acc) add(x string) {
	if !a.built {
		if a.s == "" {
			a.s = x
			return
		}
		*a.b = append((*a.b)[:0], a.s...)
		a.built = true
	}
	*a.b = append(*a.b, x...)
}

func (a *acc) empty() bool { return a.s == "" && !a.built }

func (a *acc) str() string {
	if a.built {
		return string(*a.b)
	}
	return a.s
}

func (a *acc) reset() { a.s, a.built = "", false }

func (p *parser) reset() {
	clear(p.pairs)
	p.pairs = p.pairs[:0]
	clear(p.extra)
	p.extra = p.extra[:0]
	if p.index != nil {
		clear(p.index)
	}
}

// values calls f with each value of pairs[i], in order.
func (p *parser) values(i int, f func(string)) {
	q := &p.pairs[i]
	f(q.val)
	if q.n > 1 {
		for e := q.first; e >= 0; e = p.extra[e].next {
			f(p.extra[e].val)
		}
	}
}

func (p *parser) more(i int, val string) {
	q := &p.pairs[i]
	e := int32(len(p.extra))
	p.extra = append(p.extra, extraVal{val: val, next: -1})
	if q.n == 1 {
		q.first = e
	} else {
		p.extra[q.last].next = e
	}
	q.last = e
	q.n++
}

func (p *parser) add(key, val string) {
	if len(p.index) > 0 {
		if i, ok := p.index[key]; ok {
			p.more(i, val)
			return
		}
	} else {
		for i := range p.pairs {
			if p.pairs[i].key == key {
				p.more(i, val)
				return
			}
		}
	}
	p.pairs = append(p.pairs, pair{key: key, val: val, n: 1})
	if len(p.index) > 0 {
		p.index[key] = len(p.pairs) - 1
	} else if len(p.pairs) > 16 {
		if p.index == nil {
			p.index = make(map[string]int, 32)
		}
		for i := range p.pairs {
			p.index[p.pairs[i].key] = i
		}
	}
}

func isHex(c byte) bool { return unhex(c) >= 0 }

// parse splits qs as Node's querystring.parse does. maxKeys <= 0 (or fractional) means no limit,
// as in Node where the countdown never hits zero exactly. With custom set, decode is called on
// every non-empty key and value, and '+' becomes "%20" instead of ' '; otherwise decode is called
// only when a valid %XX escape was seen.
func parse(qs, sep, eq string, maxKeys float64, custom bool, decode func(string) string) []pair {
	var p parser
	return p.parse(qs, sep, eq, maxKeys, custom, decode)
}

// parse is the function parse into p, which it resets first.
func (p *parser) parse(qs, sep, eq string, maxKeys float64, custom bool, decode func(string) string) []pair {
	p.reset()
	if qs == "" {
		return nil
	}
	pairs := maxKeys
	if !(pairs > 0) {
		pairs = 0
	}
	limited := pairs != 0
	// size the pair list once: at most one pair per separator, plus one
	if p.pairs == nil {
		if n := strings.Count(qs, sep) + 1; n <= 64 {
			p.pairs = make([]pair, 0, n)
		}
	}
	sepLen, eqLen := len(sep), len(eq)
	plus := " "
	if custom {
		plus = "%20"
	}
	lastPos, sepIdx, eqIdx := 0, 0, 0
	// key and value are substrings of qs until a '+' or a split forces a copy.
	key, value := acc{b: &p.kb}, acc{b: &p.vb}
	keyEnc, valEnc := custom, custom
	encodeCheck := 0
	addPair := func() {
		k, v := key.str(), value.str()
		if len(k) > 0 && keyEnc {
			k = decode(k)
		}
		if len(v) > 0 && valEnc {
			v = decode(v)
		}
		p.add(k, v)
	}
	countdown := func() bool {
		if !limited {
			return false
		}
		pairs--
		return pairs == 0
	}
	for i := 0; i < len(qs); i++ {
		c := qs[i]
		if sepIdx < sepLen && c == sep[sepIdx] {
			sepIdx++
			if sepIdx == sepLen {
				end := i - sepIdx + 1
				if eqIdx < eqLen {
					if lastPos < end {
						key.add(qs[lastPos:end])
					} else if key.empty() {
						// nothing between two separators
						if countdown() {
							return p.pairs
						}
						lastPos = i + 1
						sepIdx, eqIdx = 0, 0
						continue
					}
				} else if lastPos < end {
					value.add(qs[lastPos:end])
				}
				addPair()
				if countdown() {
					return p.pairs
				}
				keyEnc, valEnc = custom, custom
				key.reset()
				value.reset()
				encodeCheck = 0
				lastPos = i + 1
				sepIdx, eqIdx = 0, 0
			}
			continue
		}
		sepIdx = 0
		if eqIdx < eqLen {
			// still in the key
			if c == eq[eqIdx] {
				eqIdx++
				if eqIdx == eqLen {
					end := i - eqIdx + 1
					if lastPos < end {
						key.add(qs[lastPos:end])
					}
					encodeCheck = 0
					lastPos = i + 1
				}
				continue
			}
			eqIdx = 0
			if !keyEnc {
				if c == '%' {
					encodeCheck = 1
					continue
				} else if encodeCheck > 0 {
					if isHex(c) {
						encodeCheck++
						if encodeCheck == 3 {
							keyEnc = true
						}
						continue
					}
					encodeCheck = 0
				}
			}
			if c == '+' {
				if lastPos < i {
					key.add(qs[lastPos:i])
				}
				key.add(plus)
				lastPos = i + 1
				continue
			}
		}
		if c == '+' {
			if lastPos < i {
				value.add(qs[lastPos:i])
			}
			value.add(plus)
			lastPos = i + 1
		} else if !valEnc {
			if c == '%' {
				encodeCheck = 1
			} else if encodeCheck > 0 {
				if isHex(c) {
					encodeCheck++
					if encodeCheck == 3 {
						valEnc = true
					}
				} else {
					encodeCheck = 0
				}
			}
		}
	}
	if lastPos < len(qs) {
		if eqIdx < eqLen {
			key.add(qs[lastPos:])
		} else if sepIdx < sepLen {
			value.add(qs[lastPos:])
		}
	} else if eqIdx == 0 && key.empty() {
		return p.pairs
	}
	addPair()
	return p.pairs
}
