package runtime

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// parseDate is V8's reading of a date string (Date.parse and new Date(string)): the spec's ISO
// form first, then, for the rest of the string, V8's legacy grammar of numbers, month names,
// AM/PM, zone names and offsets, which node programs lean on ("Mar 5 2024 10:20 PM",
// "2024/03/05", "Tue, 05 Mar 2024 10:20:30 GMT"). goja's own parser reads a different set: it
// takes forms V8 refuses ("Jan 32 2024" as January 1st, "2024-00-05" as a day of 2000,
// "10:20am") and refuses forms V8 takes ("2000-01-01T00:00:00z", "10:20:30:5"), so a program
// that validates a date with isNaN(Date.parse(s)) decided otherwise. Times without a zone are
// local (localToUTC: the earlier instant of a repeated hour, the offset before a skipped one).
// The result is a time value in ms, NaN where V8's is.
func parseDate(s string) float64 {
	p := dateParser{in: s}
	p.next = p.scan()
	var f [8]float64
	if !p.parse(&f) {
		return math.NaN()
	}
	t := makeDate([7]float64{f[0], f[1], f[2], f[3], f[4], f[5], f[6]})
	if math.IsNaN(f[7]) { // local time
		if math.IsNaN(t) || math.Abs(t) > 8.64e15+8.64e8 {
			return math.NaN()
		}
		t = localToUTC(t)
	} else {
		t -= f[7] * 1000
	}
	if math.IsNaN(t) || math.Abs(t) > 8.64e15 {
		return math.NaN()
	}
	return math.Trunc(t) + 0
}

// dateNone marks a field not given.
const dateNone = math.MinInt32

// The kinds of a date string's tokens, and of its keywords (dateToken.kw).
const (
	dtEnd = iota
	dtNumber
	dtSymbol // : - + . )
	dtWord   // a keyword, or a word that is none (kw == kwNone)
	dtSpace
	dtUnknown
	dtInvalid
)

const (
	kwNone = iota
	kwMonth
	kwAMPM
	kwZone
	kwT
)

type dateToken struct {
	kind   int
	kw     int
	value  int // a number's value, a symbol's character, a keyword's value
	length int // characters read
}

func (t dateToken) isNumber(length int) bool { return t.kind == dtNumber && t.length == length }
func (t dateToken) isSymbol(c rune) bool     { return t.kind == dtSymbol && t.value == int(c) }
func (t dateToken) isSign() bool             { return t.isSymbol('+') || t.isSymbol('-') }
func (t dateToken) isZ() bool {
	return t.kind == dtWord && t.kw == kwZone && t.length == 1 && t.value == 0
}

// dateKeywords is V8's keyword table: a word matches on its first three letters (lower case;
// a shorter word pads with nothing), and only a month name may be longer.
var dateKeywords = [...]struct {
	pre       [3]rune
	kw, value int
}{
	{[3]rune{'j', 'a', 'n'}, kwMonth, 1}, {[3]rune{'f', 'e', 'b'}, kwMonth, 2},
	{[3]rune{'m', 'a', 'r'}, kwMonth, 3}, {[3]rune{'a', 'p', 'r'}, kwMonth, 4},
	{[3]rune{'m', 'a', 'y'}, kwMonth, 5}, {[3]rune{'j', 'u', 'n'}, kwMonth, 6},
	{[3]rune{'j', 'u', 'l'}, kwMonth, 7}, {[3]rune{'a', 'u', 'g'}, kwMonth, 8},
	{[3]rune{'s', 'e', 'p'}, kwMonth, 9}, {[3]rune{'o', 'c', 't'}, kwMonth, 10},
	{[3]rune{'n', 'o', 'v'}, kwMonth, 11}, {[3]rune{'d', 'e', 'c'}, kwMonth, 12},
	{[3]rune{'a', 'm'}, kwAMPM, 0}, {[3]rune{'p', 'm'}, kwAMPM, 12},
	{[3]rune{'u', 't'}, kwZone, 0}, {[3]rune{'u', 't', 'c'}, kwZone, 0},
	{[3]rune{'z'}, kwZone, 0}, {[3]rune{'g', 'm', 't'}, kwZone, 0},
	{[3]rune{'c', 'd', 't'}, kwZone, -5}, {[3]rune{'c', 's', 't'}, kwZone, -6},
	{[3]rune{'e', 'd', 't'}, kwZone, -4}, {[3]rune{'e', 's', 't'}, kwZone, -5},
	{[3]rune{'m', 'd', 't'}, kwZone, -6}, {[3]rune{'m', 's', 't'}, kwZone, -7},
	{[3]rune{'p', 'd', 't'}, kwZone, -7}, {[3]rune{'p', 's', 't'}, kwZone, -8},
	{[3]rune{'t'}, kwT, 0},
}

// isDateSpace is JS's WhiteSpace or LineTerminator.
func isDateSpace(c rune) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0xfeff, 0x2028, 0x2029:
		return true
	}
	return c > 0x7f && unicode.Is(unicode.Zs, c)
}

type dateParser struct {
	in   string
	pos  int       // byte offset in in
	w    int       // the byte length of the character at pos
	next dateToken // the token peek sees
}

// ch is the character at pos (0 at the end), its length in w.
func (p *dateParser) ch() rune {
	if p.pos >= len(p.in) {
		p.w = 0
		return 0
	}
	if c := p.in[p.pos]; c < utf8.RuneSelf {
		p.w = 1
		return rune(c)
	}
	c, w := utf8.DecodeRuneInString(p.in[p.pos:])
	p.w = w
	return c
}

// scan reads the next token; lengths count characters.
func (p *dateParser) scan() dateToken {
	c := p.ch()
	if p.w == 0 {
		return dateToken{kind: dtEnd}
	}
	switch {
	case c >= '0' && c <= '9':
		start := p.pos
		for p.pos < len(p.in) && p.in[p.pos] == '0' {
			p.pos++
		}
		n, i := 0, 0
		for ; p.pos < len(p.in) && p.in[p.pos] >= '0' && p.in[p.pos] <= '9'; p.pos++ {
			if i < 9 { // (nine significant digits; the rest are skipped)
				n = n*10 + int(p.in[p.pos]-'0')
			}
			i++
		}
		return dateToken{kind: dtNumber, value: n, length: p.pos - start}
	case c == ':' || c == '-' || c == '+' || c == '.' || c == ')':
		p.pos++
		return dateToken{kind: dtSymbol, value: int(c), length: 1}
	case c >= 'A' && !isDateSpace(c):
		var pre [3]rune
		n := 0
		for ; c >= 'A' && !isDateSpace(c); c = p.ch() {
			if n < 3 {
				pre[n] = c | 0x20
			}
			n++
			p.pos += p.w
		}
		for _, k := range dateKeywords {
			if k.pre == pre && (n <= 3 || k.kw == kwMonth) {
				return dateToken{kind: dtWord, kw: k.kw, value: k.value, length: n}
			}
		}
		return dateToken{kind: dtWord, length: n}
	case isDateSpace(c):
		n := 0
		for ; p.w > 0 && isDateSpace(c); c = p.ch() {
			p.pos += p.w
			n++
		}
		return dateToken{kind: dtSpace, length: n}
	case c == '(':
		// a parenthesized comment, nested ones in it
		for depth := 0; ; {
			switch p.ch() {
			case ')':
				depth--
			case '(':
				depth++
			}
			p.pos += p.w
			if depth <= 0 || p.pos >= len(p.in) {
				break
			}
		}
		return dateToken{kind: dtUnknown}
	}
	p.pos += p.w
	return dateToken{kind: dtUnknown}
}

func (p *dateParser) peek() dateToken { return p.next }

func (p *dateParser) take() dateToken {
	t := p.next
	p.next = p.scan()
	return t
}

func (p *dateParser) skipSymbol(c rune) bool {
	if p.next.isSymbol(c) {
		p.take()
		return true
	}
	return false
}

// dateMillis is the first three significant digits of a fraction's numeral t (its leading
// zeros counted by its length).
func dateMillis(t dateToken) int {
	n, length := t.value, t.length
	switch {
	case length == 1:
		n *= 100
	case length == 2:
		n *= 10
	case length > 3:
		if length > 9 {
			length = 9
		}
		for ; length > 3; length-- {
			n /= 10
		}
	}
	return n
}

func between(x, lo, hi int) bool { return x >= lo && x <= hi }

// The composers collect the day's, the time's and the zone's fields as V8's do.
type dayFields struct {
	comp       [3]int
	n          int
	namedMonth int
	iso        bool
}

func (d *dayFields) add(v int) bool {
	if d.n == 3 {
		return false
	}
	d.comp[d.n] = v
	d.n++
	return true
}

func (d *dayFields) write(f *[8]float64) bool {
	if d.n < 1 {
		return false
	}
	for d.n < 3 {
		d.comp[d.n] = 1 // day and month default to 1
		d.n++
	}
	year, month, day := 0, dateNone, dateNone // year 0 is 2000, as in KJS
	if d.namedMonth == dateNone {
		if d.iso || !between(d.comp[0], 1, 31) {
			year, month, day = d.comp[0], d.comp[1], d.comp[2] // YMD
		} else {
			month, day, year = d.comp[0], d.comp[1], d.comp[2] // MDY
		}
	} else {
		month = d.namedMonth
		if !between(d.comp[0], 1, 31) {
			year, day = d.comp[0], d.comp[1] // YMD, MYD or YDM
		} else {
			day, year = d.comp[0], d.comp[1] // DMY, MDY or DYM
		}
	}
	if !d.iso {
		if between(year, 0, 49) {
			year += 2000
		} else if between(year, 50, 99) {
			year += 1900
		}
	}
	if !between(year, -(1<<30), 1<<30-1) || !between(month, 1, 12) || !between(day, 1, 31) {
		return false
	}
	f[0], f[1], f[2] = float64(year), float64(month-1), float64(day)
	return true
}

type timeFields struct {
	comp       [4]int // hour, minute, second, ms
	n          int
	hourOffset int
}

func (t *timeFields) empty() bool { return t.n == 0 }

func (t *timeFields) expecting(v int) bool {
	return (t.n == 1 && between(v, 0, 59)) || (t.n == 2 && between(v, 0, 59)) || (t.n == 3 && between(v, 0, 999))
}

func (t *timeFields) add(v int) bool {
	if t.n == 4 {
		return false
	}
	t.comp[t.n] = v
	t.n++
	return true
}

func (t *timeFields) addFinal(v int) bool {
	if !t.add(v) {
		return false
	}
	for t.n < 4 {
		t.comp[t.n] = 0
		t.n++
	}
	return true
}

func (t *timeFields) write(f *[8]float64) bool {
	for t.n < 4 {
		t.comp[t.n] = 0
		t.n++
	}
	h, m, s, ms := t.comp[0], t.comp[1], t.comp[2], t.comp[3]
	if t.hourOffset != dateNone {
		if !between(h, 0, 12) {
			return false
		}
		h = h%12 + t.hourOffset
	}
	if !between(h, 0, 23) || !between(m, 0, 59) || !between(s, 0, 59) || !between(ms, 0, 999) {
		if h != 24 || m != 0 || s != 0 || ms != 0 { // 24:00 is the next day's midnight
			return false
		}
	}
	f[3], f[4], f[5], f[6] = float64(h), float64(m), float64(s), float64(ms)
	return true
}

type zoneFields struct{ sign, hour, minute int }

func (z *zoneFields) set(hours int) {
	z.sign = 1
	if hours < 0 {
		z.sign = -1
	}
	z.hour, z.minute = hours*z.sign, 0
}

func (z *zoneFields) setSign(s int) {
	z.sign = 1
	if s < 0 {
		z.sign = -1
	}
}

func (z *zoneFields) expecting(v int) bool {
	return z.hour != dateNone && z.minute == dateNone && between(v, 0, 59)
}

func (z *zoneFields) isUTC() bool { return z.hour == 0 && z.minute == 0 }

func (z *zoneFields) write(f *[8]float64) bool {
	if z.sign == dateNone {
		f[7] = math.NaN() // local time
		return true
	}
	h, m := z.hour, z.minute
	if h == dateNone {
		h = 0
	}
	if m == dateNone {
		m = 0
	}
	total := int64(h)*3600 + int64(m)*60
	if total > 1<<30-1 {
		return false
	}
	f[7] = float64(int64(z.sign) * total)
	return true
}

// parse fills f with year, month (0-based), day, hours, minutes, seconds, ms and the zone's
// offset in seconds (NaN: local time); false if the string is not a date.
func (p *dateParser) parse(f *[8]float64) bool {
	day := dayFields{namedMonth: dateNone}
	tm := timeFields{hourOffset: dateNone}
	tz := zoneFields{dateNone, dateNone, dateNone}
	tok := p.parseISO(&day, &tm, &tz)
	if tok.kind == dtInvalid {
		return false
	}
	hasNumber := day.n > 0
	for ; tok.kind != dtEnd; tok = p.take() {
		switch {
		case tok.kind == dtNumber:
			hasNumber = true
			n := tok.value
			if p.skipSymbol(':') {
				if p.skipSymbol(':') { // n::
					if !tm.empty() {
						return false
					}
					tm.add(n)
					tm.add(0)
				} else { // n:
					if !tm.add(n) {
						return false
					}
					if p.peek().isSymbol('.') {
						p.take()
					}
				}
			} else if p.skipSymbol('.') && tm.expecting(n) {
				tm.add(n)
				if p.peek().kind != dtNumber {
					return false
				}
				tm.addFinal(dateMillis(p.take()))
			} else if tz.expecting(n) {
				tz.minute = n
			} else if tm.expecting(n) {
				tm.addFinal(n)
				// the end, a space, Z or a sign must follow a time's last field
				if nx := p.peek(); nx.kind != dtEnd && nx.kind != dtSpace && !nx.isZ() && !nx.isSign() {
					return false
				}
			} else {
				if !day.add(n) {
					return false
				}
				p.skipSymbol('-')
			}
		case tok.kind == dtWord:
			switch {
			case tok.kw == kwAMPM && !tm.empty():
				tm.hourOffset = tok.value
			case tok.kw == kwMonth:
				day.namedMonth = tok.value
				p.skipSymbol('-')
			case tok.kw == kwZone && hasNumber:
				tz.set(tok.value)
			default:
				// other words may come before the first number, apart from it
				if hasNumber || p.peek().kind == dtNumber {
					return false
				}
			}
		case tok.isSign() && (tz.isUTC() || !tm.empty()):
			// an offset, after a zone name or a time: +5, +05, +0530, +05:30
			tz.setSign(44 - tok.value)
			n, length := 0, 0
			if p.peek().kind == dtNumber {
				t := p.take()
				n, length = t.value, t.length
			}
			hasNumber = true
			switch {
			case p.peek().isSymbol(':'):
				tz.hour, tz.minute = n, dateNone
			case length == 1 || length == 2:
				tz.hour, tz.minute = n, 0
			case length == 3 || length == 4:
				tz.hour, tz.minute = n/100, n%100
			default:
				return false
			}
		case (tok.isSign() || tok.isSymbol(')')) && hasNumber:
			return false
		}
	}
	return day.write(f) && tm.write(f) && tz.write(f)
}

// parseISO reads the spec's form, [+-yy]yyyy[-MM[-DD]][THH:mm[:ss[.sss]][Z|+hh:mm]], as far as
// the string follows it, and returns the first token it did not use: the end when it read the
// whole string (the ISO form: a date alone is UTC), dtInvalid when the string cannot be a date.
func (p *dateParser) parseISO(day *dayFields, tm *timeFields, tz *zoneFields) dateToken {
	switch {
	case p.peek().isSign():
		sign := p.take() // kept, so that the legacy grammar refuses it after a number
		if !p.peek().isNumber(6) {
			return sign
		}
		y := p.take().value
		if sign.value == '-' {
			if y == 0 {
				return sign
			}
			y = -y
		}
		day.add(y)
	case p.peek().isNumber(4):
		day.add(p.take().value)
	default:
		return p.take()
	}
	if p.skipSymbol('-') {
		if nx := p.peek(); !nx.isNumber(2) || !between(nx.value, 1, 12) {
			return p.take()
		}
		day.add(p.take().value)
		if p.skipSymbol('-') {
			if nx := p.peek(); !nx.isNumber(2) || !between(nx.value, 1, 31) {
				return p.take()
			}
			day.add(p.take().value)
		}
	}
	if nx := p.peek(); nx.kind != dtWord || nx.kw != kwT {
		if nx.kind != dtEnd {
			return p.take()
		}
	} else {
		p.take()
		invalid := dateToken{kind: dtInvalid}
		if nx := p.peek(); !nx.isNumber(2) || !between(nx.value, 0, 24) {
			return invalid
		}
		h24 := p.peek().value == 24 // 24:00[:00[.000]] only
		tm.add(p.take().value)
		if !p.skipSymbol(':') {
			return invalid
		}
		if nx := p.peek(); !nx.isNumber(2) || !between(nx.value, 0, 59) || (h24 && nx.value > 0) {
			return invalid
		}
		tm.add(p.take().value)
		if p.skipSymbol(':') {
			if nx := p.peek(); !nx.isNumber(2) || !between(nx.value, 0, 59) || (h24 && nx.value > 0) {
				return invalid
			}
			tm.add(p.take().value)
			if p.skipSymbol('.') {
				if nx := p.peek(); nx.kind != dtNumber || (h24 && nx.value > 0) {
					return invalid
				}
				tm.add(dateMillis(p.take())) // more or fewer than three digits too
			}
		}
		if p.peek().isZ() {
			p.take()
			tz.set(0)
		} else if p.peek().isSign() {
			tz.setSign(44 - p.take().value)
			if p.peek().isNumber(4) { // hhmm
				hm := p.take().value
				if !between(hm/100, 0, 23) || !between(hm%100, 0, 59) {
					return invalid
				}
				tz.hour, tz.minute = hm/100, hm%100
			} else {
				if nx := p.peek(); !nx.isNumber(2) || !between(nx.value, 0, 23) {
					return invalid
				}
				tz.hour = p.take().value
				if !p.skipSymbol(':') {
					return invalid
				}
				if nx := p.peek(); !nx.isNumber(2) || !between(nx.value, 0, 59) {
					return invalid
				}
				tz.minute = p.take().value
			}
		}
		if p.peek().kind != dtEnd {
			return invalid
		}
	}
	// the whole string is the ISO form: a date alone is UTC, a date and time local
	if tz.hour == dateNone && tm.empty() {
		tz.set(0)
	}
	day.iso = true
	return dateToken{kind: dtEnd}
}
