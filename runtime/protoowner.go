package runtime

import (
	"strings"
	"unsafe"

	"github.com/dop251/goja"
)

// V8 names a method call's receiver after the constructor that made it, which it keeps in the
// object's map: `function F() {}; F.prototype = { m() {...} }; new F().m()` runs as "at F.m"
// although F.prototype has no constructor property (an object literal replaced it), and so
// does `B.prototype = Object.create(A.prototype); B.prototype.m = ...` ("at B.m", where the
// prototype chain's constructor is A). goja keeps no trace of the constructor that made an
// object, so where the receiver's prototype names none of its own, the runtime reads where the
// prototype's methods were written: a function written inside `X.prototype = ...`,
// `X.prototype.k = ...` or a call given `X.prototype` first (Object.defineProperties,
// Object.assign) belongs to the objects constructor X makes. Each source's places are found
// once, by one forward scan of its text (the one enclosingname.go's funcScopes makes: strings,
// templates, comments and regular expressions skipped), when a stack first asks, and kept.

// protoSite is the text [from, to) of the value given to X.prototype (or to one of its
// properties), X being name.
type protoSite struct {
	from, to int
	name     string
}

// protoSitesMax bounds the number of sources whose sites are kept (the memo starts again when full).
const protoSitesMax = 64

// protoOwnerName is the name of the constructor whose prototype fn was written for (protoSite),
// "" when fn is no script function or was not written for one.
func (s *stackAPI) protoOwnerName(fn *goja.Object) string {
	prg := funcProgram(fn)
	if prg == nil || strings.HasPrefix(programFileName(prg), "node:") {
		return "" // (no script function, or a built-in's glue)
	}
	src, start, ok := programStart(prg)
	if !ok {
		return ""
	}
	name := ""
	for _, st := range s.protoSitesOf(src) { // (in source order: the innermost last)
		if st.from > start {
			break
		}
		if start < st.to {
			name = st.name
		}
	}
	return name
}

// protoSitesOf is protoSites(src), kept per source.
func (s *stackAPI) protoSitesOf(src string) []protoSite {
	key := unsafe.StringData(src)
	sites, ok := s.protoSites[key]
	if !ok {
		sites = protoSites(src)
		if len(s.protoSites) >= protoSitesMax || s.protoSites == nil {
			s.protoSites = map[*byte][]protoSite{}
		}
		s.protoSites[key] = sites
	}
	return sites
}

// protoSites finds the places in src where a value is given to a constructor's prototype, in
// the order of their starts (offsets in src), named after the constructor (resolve).
func protoSites(src string) []protoSite {
	if !strings.Contains(src, ".prototype") {
		return nil
	}
	sc := protoScan{src: src}
	sc.scan()
	sc.closeAll(len(src))
	sc.resolve()
	return sc.out
}

// protoScan is protoSites' state.
type protoScan struct {
	src   string
	depth int   // brackets open ({, [, ( and a template's ${)
	tmpl  []int // the depths at which a template's ${ was opened
	open  []openSite
	out   []protoSite
	names map[string]string // chain -> the name of the function literal given to it ("" for none)
}

// openSite is a site whose end is not found yet: it ends at a ; or , at its depth (a call's
// arguments: only at the closing parenthesis), at a bracket closing below it, or at a line break
// ending its statement.
type openSite struct {
	site       int // in out
	depth      int
	untilClose bool
}

func (sc *protoScan) scan() {
	src := sc.src
	n := len(src)
	prev := byte(0) // the last significant byte
	prevWord := ""  // the identifier that ended at prev, if one did
	for i := 0; i < n; i++ {
		c := src[i]
		switch {
		case c == '\n':
			if len(sc.open) > 0 {
				sc.lineBreak(i, prev)
			}
			continue
		case c == ' ' || c == '\t' || c == '\r':
			continue
		case c == '/' && i+1 < n && src[i+1] == '/':
			for i < n && src[i] != '\n' {
				i++
			}
			i-- // (the line break is looked at)
			continue
		case c == '/' && i+1 < n && src[i+1] == '*':
			if j := strings.Index(src[i+2:], "*/"); j >= 0 {
				i += j + 3
			} else {
				i = n
			}
			continue
		case c == '\'' || c == '"':
			i = skipQuoted(src, i)
		case c == '`':
			i = skipTemplate(src, i+1)
			if i < n && src[i] == '$' {
				i++
				sc.depth++
				sc.tmpl = append(sc.tmpl, sc.depth)
			}
		case c == '/' && regexAfter(prev, prevWord):
			i = skipRegexp(src, i)
		case c == '{' || c == '[' || c == '(':
			sc.depth++
		case c == '}' || c == ']' || c == ')':
			sc.closeBelow(i, sc.depth)
			if sc.depth > 0 {
				sc.depth--
			}
			if c == '}' && len(sc.tmpl) > 0 && sc.tmpl[len(sc.tmpl)-1] == sc.depth+1 {
				sc.tmpl = sc.tmpl[:len(sc.tmpl)-1]
				i = skipTemplate(src, i+1)
				if i < n && src[i] == '$' {
					i++
					sc.depth++
					sc.tmpl = append(sc.tmpl, sc.depth)
				}
			}
		case c == ';' || c == ',':
			sc.closeAt(i, c)
			if c == ',' {
				sc.callArgument(i)
			}
		case c == '=':
			if i+1 < n && (src[i+1] == '=' || src[i+1] == '>') {
				i++ // ==, ===, =>
				prev, prevWord = src[i], ""
				continue
			}
			if prev != 0 && strings.IndexByte("=!<>+-*/%&|^?", src[i-1]) < 0 {
				sc.assignment(i)
			}
		case isIdentByte(c):
			j := i
			for j < n && isIdentByte(src[j]) {
				j++
			}
			prev, prevWord = src[j-1], src[i:j]
			i = j - 1
			continue
		}
		prev, prevWord = c, ""
	}
}

// closeAt ends the sites at this depth that a ; (or a ,) at i ends.
func (sc *protoScan) closeAt(i int, c byte) {
	for len(sc.open) > 0 {
		o := sc.open[len(sc.open)-1]
		if o.depth != sc.depth || o.untilClose && c == ',' {
			return
		}
		sc.end(i)
	}
}

// closeBelow ends the sites that the bracket closing at i, which was opened at depth, holds.
func (sc *protoScan) closeBelow(i, depth int) {
	for len(sc.open) > 0 && sc.open[len(sc.open)-1].depth >= depth {
		sc.end(i)
	}
}

func (sc *protoScan) closeAll(i int) {
	for len(sc.open) > 0 {
		sc.end(i)
	}
}

// end ends the innermost open site at i.
func (sc *protoScan) end(i int) {
	o := sc.open[len(sc.open)-1]
	sc.open = sc.open[:len(sc.open)-1]
	sc.out[o.site].to = i
}

// lineBreak ends the sites at this depth whose statement ends at the line break at i: after a
// complete operand (prev: a name, a literal's end or a closing bracket) the next line starts
// with a name.
func (sc *protoScan) lineBreak(i int, prev byte) {
	o := sc.open[len(sc.open)-1]
	if o.depth != sc.depth || o.untilClose || !(isIdentByte(prev) || strings.IndexByte(")]}'\"`", prev) >= 0) {
		return
	}
	j := i + 1
	for j < len(sc.src) && (sc.src[j] == ' ' || sc.src[j] == '\t' || sc.src[j] == '\r' || sc.src[j] == '\n') {
		j++
	}
	if j < len(sc.src) && isIdentStartByte(sc.src[j]) {
		w := j
		for w < len(sc.src) && isIdentByte(sc.src[w]) {
			w++
		}
		if word := sc.src[j:w]; word == "instanceof" || word == "in" {
			return
		}
		for len(sc.open) > 0 && sc.open[len(sc.open)-1].depth == sc.depth && !sc.open[len(sc.open)-1].untilClose {
			sc.end(i)
		}
	}
}

func (sc *protoScan) start(from int, chain string, untilClose bool) {
	if chain == "" || chain == "this" || strings.HasPrefix(chain, "this.") {
		return
	}
	sc.open = append(sc.open, openSite{len(sc.out), sc.depth, untilClose})
	sc.out = append(sc.out, protoSite{from, len(sc.src), chain})
}

// assignment looks at the plain assignment whose = is at i: to X.prototype, X.prototype.k or
// X.prototype[k] it starts a site; a function or class literal given to a variable or a member
// chain is noted in names.
func (sc *protoScan) assignment(i int) {
	lhs := strings.TrimRight(sc.src[:i], " \t\r\n")
	if strings.HasSuffix(lhs, "]") {
		// X.prototype[k] =
		if open := matchingOpenBracket(lhs); open > 0 {
			if chain, ok := strings.CutSuffix(plainChainBefore(lhs[:open]), ".prototype"); ok {
				sc.start(i+1, chain, false)
			}
		}
		return
	}
	// (the common assignments, to neither a prototype nor of a function, are told apart from the
	// text around the = before any chain is read)
	if strings.HasSuffix(lhs, "prototype") || strings.Contains(lhs[max(0, len(lhs)-256):], "prototype.") {
		chain := plainChainBefore(lhs)
		if c, ok := strings.CutSuffix(chain, ".prototype"); ok {
			sc.start(i+1, c, false)
			return
		}
		if j := strings.LastIndexByte(chain, '.'); j >= 0 {
			if c, ok := strings.CutSuffix(chain[:j], ".prototype"); ok {
				sc.start(i+1, c, false)
				return
			}
		}
	}
	// a function or class literal: its name (function* too), "" when it has none
	rest := strings.TrimLeft(sc.src[i+1:min(len(sc.src), i+256)], " \t\r\n")
	var kw string
	switch {
	case strings.HasPrefix(rest, "function") && isWordAt(rest, 0, 8):
		kw = "function"
	case strings.HasPrefix(rest, "class") && isWordAt(rest, 0, 5):
		kw = "class"
	default:
		return
	}
	chain := plainChainBefore(lhs)
	if chain == "" {
		return
	}
	rest = strings.TrimLeft(strings.TrimLeft(rest[len(kw):], " \t\r\n*"), " \t\r\n")
	name := rest[:identEnd(rest, 0)]
	if name == "extends" {
		name = ""
	}
	if sc.names == nil {
		sc.names = map[string]string{}
	}
	if _, ok := sc.names[chain]; !ok {
		sc.names[chain] = name
	}
}

// callArgument starts a site for the arguments after the first when the , at i follows a
// call's first argument X.prototype (Object.defineProperties(X.prototype, {...}),
// Object.assign): all but Object.create's, whose second argument makes a new object.
func (sc *protoScan) callArgument(i int) {
	before := strings.TrimRight(sc.src[:i], " \t\r\n")
	if !strings.HasSuffix(before, ".prototype") {
		return
	}
	chain, ok := strings.CutSuffix(plainChainBefore(before), ".prototype")
	if !ok {
		return
	}
	t := strings.TrimRight(before[:len(before)-len(chain)-len(".prototype")], " \t\r\n")
	if !strings.HasSuffix(t, "(") {
		return
	}
	callee := strings.TrimRight(t[:len(t)-1], " \t\r\n")
	if callee == "" || !isIdentByte(callee[len(callee)-1]) || strings.HasSuffix(plainChainBefore(callee), "create") {
		return
	}
	sc.start(i+1, chain, true)
}

// resolve names each site after the constructor its chain holds: the name of the function
// given to it in the source, or (when that has none) the chain itself, as V8's inferrer names
// such a function (ns.D = function () {} is "ns.D"); a member chain given no function in the
// source holds one declared under its last name.
func (sc *protoScan) resolve() {
	for i := range sc.out {
		chain := sc.out[i].name
		if n, ok := sc.names[chain]; ok {
			if n != "" {
				sc.out[i].name = n
			}
			continue
		}
		if j := strings.LastIndexByte(chain, '.'); j >= 0 {
			sc.out[i].name = chain[j+1:]
		}
	}
}

// plainChainBefore is the chain of names (a, a.b.c) that text ends with, "" when text ends
// otherwise or the chain is part of a longer expression (f().a, a[0].b, x?.a).
func plainChainBefore(text string) string {
	i := len(text)
	for {
		j := identStart(text, i)
		if j == i || text[j] >= '0' && text[j] <= '9' {
			return ""
		}
		i = j
		k := i
		for k > 0 && (text[k-1] == ' ' || text[k-1] == '\t') {
			k--
		}
		if k > 0 && text[k-1] == '.' && !(k > 1 && (text[k-2] == '.' || text[k-2] == '?')) {
			i = k - 1
			for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
				i--
			}
			continue
		}
		break
	}
	if i > 0 && (text[i-1] == '.' || text[i-1] == ')' || text[i-1] == ']' || text[i-1] == '#') {
		return ""
	}
	chain := text[i:]
	if strings.ContainsAny(chain, " \t") {
		chain = strings.Join(strings.Fields(strings.ReplaceAll(chain, ".", " ")), ".")
	}
	return chain
}

// matchingOpenBracket is the offset of the [ that the ] ending text closes, or -1.
func matchingOpenBracket(text string) int {
	depth := 0
	for i := len(text) - 1; i >= 0 && len(text)-i < 512; i-- {
		switch text[i] {
		case ']', ')':
			depth++
		case '[', '(':
			if depth--; depth == 0 {
				if text[i] == '[' {
					return i
				}
				return -1
			}
		case '\n':
			return -1
		}
	}
	return -1
}
