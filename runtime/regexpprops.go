package runtime

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/gojs-dev/gojs/modules"
)

// Unicode property escapes (\p{L}, \p{Script=Greek}, \P{ID_Start}) in regular expressions with
// the u or v flag. goja reads \p as a plain "p", so /^\p{L}+$/u never matches a letter and
// path-to-regexp (express 5) rejects every route parameter. Before a script is compiled, each
// regular expression literal that uses one gets it replaced by the explicit code point ranges
// of the property, from Go's Unicode tables; `new RegExp` does the same (regexpctor.go). The
// literal's source text then shows the ranges, not the escape.

// rewriteRegexpLiterals rewrites the property escapes of every regular expression literal in the
// parsed program. It walks the tree only when the source has an escape at all.
//
// Only the parts of the tree around those places are walked (regexpHintsIn): a whole walk of a
// large file (typescript.js, ~9 MB with four /m literals) took ~5% of requiring it.
func rewriteRegexpLiterals(prg *ast.Program, src string) {
	at := append(multilineRegexpHints(src, -1), modules.IndexAll(src, `\p{`, `\P{`)...)
	if len(at) == 0 {
		return
	}
	sort.Ints(at)
	modules.WalkAST(reflect.ValueOf(prg), func(n reflect.Value) bool {
		if n.Type() == regexpLitType {
			// (a v-flag literal is left for the compile step, which makes it a RegExp call:
			// modules.LowerIndicesLiterals, regexpvflag.go)
			if re := n.Interface().(*ast.RegExpLiteral); !strings.Contains(re.Flags, "v") || strings.Contains(re.Flags, "u") {
				rewriteRegexpLiteral(re)
			}
			return false
		}
		return regexpHintsIn(n, at)
	})
}

// regexpHintsIn reports whether the node n may hold a regular expression literal at one of the
// source offsets at (sorted): whether its source range, as goja's nodes give it, holds one.
func regexpHintsIn(n reflect.Value, at []int) bool {
	node, ok := n.Interface().(ast.Node)
	if !ok {
		return true
	}
	// (Idx is 1-based in a file parsed alone; a slash's offset p is in the node when
	// Idx0-1 <= p < Idx1-1: one more each side for safety)
	lo, hi := int(node.Idx0())-2, int(modules.NodeEnd(node))
	i := sort.SearchInts(at, lo)
	return i < len(at) && at[i] <= hi
}

// lowerUnicodeSetsLiterals turns the v flag (which goja refuses) into u on every literal whose
// pattern means the same in both modes; called when a compile failed on a v flag.
func lowerUnicodeSetsLiterals(prg *ast.Program) {
	walkRegexps(reflect.ValueOf(prg), rewriteRegexpLiteral)
}

func rewriteRegexpLiteral(re *ast.RegExpLiteral) {
	if strings.Contains(re.Flags, "u") && strings.Contains(re.Flags, "v") {
		return // (flags the engine refuses, as V8 does: left for its SyntaxError)
	}
	orig := re.Pattern
	if p, ok := multilineAnchors(re.Pattern, re.Flags); ok {
		re.Pattern = p
	}
	if p, ok := hoistAnchors(re.Pattern, re.Flags); ok {
		re.Pattern = p
	}
	if strings.Contains(re.Flags, "v") {
		// class set operations (regexpsets.go), evaluated into u-mode classes
		if p, ok := lowerClassSets(re.Pattern); ok {
			re.Pattern, re.Flags = p, strings.Replace(re.Flags, "v", "u", 1)
		}
	}
	if strings.ContainsAny(re.Flags, "uv") {
		if p, ok := expandPropertyEscapes(re.Pattern, strings.Contains(re.Flags, "v")); ok {
			re.Pattern = p
		}
		if f, ok := lowerUnicodeSets(re.Pattern, re.Flags); ok {
			re.Flags = f
		}
	}
	if p, ok := foldCheapClasses(re.Pattern, re.Flags); ok {
		re.Pattern = p
	}
	if p, ok := spellNotSpaceClasses(re.Pattern, re.Flags); ok {
		re.Pattern = p
	}
	if re.Pattern != orig {
		rememberPattern(orig, re.Pattern)
	}
}

// lowerUnicodeSets gives u instead of v when the pattern uses none of the v mode's own syntax
// (nested classes, -- and && in classes, \q{...}); the regexp then matches the same strings,
// though its flags say u.
func lowerUnicodeSets(pat, flags string) (string, bool) {
	if !strings.Contains(flags, "v") || strings.Contains(pat, `\q{`) {
		return flags, false
	}
	inClass := false
	for i := 0; i < len(pat); i++ {
		switch c := pat[i]; {
		case c == '\\':
			i++
		case c == '[':
			if inClass {
				return flags, false
			}
			inClass = true
		case c == ']':
			inClass = false
		case inClass && (c == '-' || c == '&') && i+1 < len(pat) && pat[i+1] == c:
			return flags, false
		}
	}
	return strings.ReplaceAll(flags, "v", "u"), true
}

var regexpLitType = reflect.TypeOf(&ast.RegExpLiteral{})

// walkRegexps visits every *ast.RegExpLiteral reachable from v.
func walkRegexps(v reflect.Value, visit func(*ast.RegExpLiteral)) {
	modules.WalkAST(v, func(n reflect.Value) bool {
		if n.Type() == regexpLitType {
			visit(n.Interface().(*ast.RegExpLiteral))
			return false
		}
		return true
	})
}

// expandPropertyEscapes replaces each \p{...} and \P{...} in a u-mode pattern by a character
// class of code point ranges (inside a class, by the ranges alone). It reports false when the
// pattern has none, or one naming a property Go's tables do not have (left for the engine).
func expandPropertyEscapes(pat string, vMode bool) (string, bool) {
	var b strings.Builder
	changed := false
	inClass := false
	for i := 0; i < len(pat); i++ {
		c := pat[i]
		switch {
		case c == '\\' && i+1 < len(pat):
			n := pat[i+1]
			if (n == 'p' || n == 'P') && i+2 < len(pat) && pat[i+2] == '{' {
				end := strings.IndexByte(pat[i+3:], '}')
				if end >= 0 {
					name := pat[i+3 : i+3+end]
					if alt, ok := stringPropertyPattern(name); ok {
						// a property of strings: v mode only, never negated, outside classes
						if !vMode || n == 'P' || inClass {
							return "", false
						}
						b.WriteString(alt)
						changed = true
						i += 3 + end
						continue
					}
					if rs, ok := propertyRanges(name); ok {
						if n == 'P' {
							rs = complementRanges(rs)
						}
						if !inClass {
							b.WriteByte('[')
						}
						writeRanges(&b, rs)
						if !inClass {
							b.WriteByte(']')
						}
						changed = true
						i += 3 + end
						continue
					}
					return "", false
				}
			}
			b.WriteByte(c)
			b.WriteByte(n)
			i++
		case c == '[' && !inClass:
			inClass = true
			b.WriteByte(c)
		case c == ']' && inClass:
			inClass = false
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), changed
}

type runeRange struct{ lo, hi rune }

func writeRanges(b *strings.Builder, rs []runeRange) {
	for _, r := range rs {
		writeCodePoint(b, r.lo)
		if r.hi != r.lo {
			b.WriteByte('-')
			writeCodePoint(b, r.hi)
		}
	}
}

func writeCodePoint(b *strings.Builder, r rune) {
	b.WriteString(`\u{`)
	b.WriteString(strconv.FormatInt(int64(r), 16))
	b.WriteByte('}')
}

var propertyCache sync.Map // canonical name -> []runeRange

// propertyRanges resolves a property escape's contents (L, Letter, gc=Lu, Script=Greek,
// sc=Grek, ID_Start, AHex, ...) to sorted, merged ranges (unicodealiases.go: the names).
func propertyRanges(spec string) ([]runeRange, bool) {
	if v, ok := propertyCache.Load(spec); ok {
		return v.([]runeRange), true
	}
	var tables []*unicode.RangeTable
	var minus []*unicode.RangeTable
	name, value, hasValue := strings.Cut(spec, "=")
	switch {
	case hasValue && (name == "General_Category" || name == "gc"):
		t, ok := categoryTable(value)
		if !ok {
			return nil, false
		}
		tables = append(tables, t)
	case hasValue && (name == "Script" || name == "sc" || name == "Script_Extensions" || name == "scx"):
		t, ok := scriptTable(value)
		if !ok {
			return nil, false
		}
		tables = append(tables, t)
	case hasValue:
		return nil, false
	default:
		if t, ok := categoryTable(name); ok {
			tables = append(tables, t)
			break
		}
		switch name {
		case "Any":
			rs := []runeRange{{0, unicode.MaxRune}}
			propertyCache.Store(spec, rs)
			return rs, true
		case "ASCII":
			rs := []runeRange{{0, 0x7f}}
			propertyCache.Store(spec, rs)
			return rs, true
		case "Assigned":
			rs := assignedRanges()
			propertyCache.Store(spec, rs)
			return rs, true
		case "Alphabetic", "Alpha":
			tables = append(tables, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Lm, unicode.Lo, unicode.Nl, unicode.Other_Alphabetic)
		case "Lowercase", "Lower":
			tables = append(tables, unicode.Ll, unicode.Other_Lowercase)
		case "Uppercase", "Upper":
			tables = append(tables, unicode.Lu, unicode.Other_Uppercase)
		case "Math":
			tables = append(tables, unicode.Sm, unicode.Other_Math)
		case "Default_Ignorable_Code_Point", "DI":
			tables = append(tables, unicode.Other_Default_Ignorable_Code_Point, unicode.Cf, unicode.Variation_Selector)
			minus = append(minus, unicode.White_Space, unicode.Prepended_Concatenation_Mark,
				&unicode.RangeTable{R16: []unicode.Range16{{Lo: 0xfff9, Hi: 0xfffb, Stride: 1}}})
		case "ID_Start", "IDS", "XID_Start", "XIDS":
			tables = append(tables, unicode.L, unicode.Nl, unicode.Other_ID_Start)
			minus = append(minus, unicode.Pattern_Syntax, unicode.Pattern_White_Space)
		case "ID_Continue", "IDC", "XID_Continue", "XIDC":
			tables = append(tables, unicode.L, unicode.Nl, unicode.Other_ID_Start, unicode.Mn, unicode.Mc,
				unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
			minus = append(minus, unicode.Pattern_Syntax, unicode.Pattern_White_Space)
		default:
			if rs, ok := extraPropertyRanges(name); ok {
				propertyCache.Store(spec, rs)
				return rs, true
			}
			t, ok := binaryProperties.Get()[name]
			if !ok {
				return nil, false
			}
			tables = append(tables, t)
		}
	}
	rs := tableRanges(tables)
	if len(minus) > 0 {
		rs = subtractRanges(rs, tableRanges(minus))
	}
	propertyCache.Store(spec, rs)
	return rs, true
}

var categoryAliases = modules.Lazy[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"Letter": "L", "Cased_Letter": "LC", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll",
		"Titlecase_Letter": "Lt", "Modifier_Letter": "Lm", "Other_Letter": "Lo", "Mark": "M",
		"Combining_Mark": "M", "Nonspacing_Mark": "Mn", "Spacing_Mark": "Mc", "Enclosing_Mark": "Me",
		"Number": "N", "Decimal_Number": "Nd", "digit": "Nd", "Letter_Number": "Nl", "Other_Number": "No",
		"Punctuation": "P", "punct": "P", "Connector_Punctuation": "Pc", "Dash_Punctuation": "Pd",
		"Open_Punctuation": "Ps", "Close_Punctuation": "Pe", "Initial_Punctuation": "Pi",
		"Final_Punctuation": "Pf", "Other_Punctuation": "Po", "Symbol": "S", "Math_Symbol": "Sm",
		"Currency_Symbol": "Sc", "Modifier_Symbol": "Sk", "Other_Symbol": "So", "Separator": "Z",
		"Space_Separator": "Zs", "Line_Separator": "Zl", "Paragraph_Separator": "Zp", "Other": "C",
		"Control": "Cc", "cntrl": "Cc", "Format": "Cf", "Surrogate": "Cs", "Private_Use": "Co",
	}
}}

func categoryTable(name string) (*unicode.RangeTable, bool) {
	if a, ok := categoryAliases.Get()[name]; ok {
		name = a
	}
	if name == "LC" {
		return mergedTable(unicode.Lu, unicode.Ll, unicode.Lt), true
	}
	t, ok := unicode.Categories[name]
	return t, ok
}

// mergedTable is a RangeTable of the union of ts.
func mergedTable(ts ...*unicode.RangeTable) *unicode.RangeTable {
	rt := &unicode.RangeTable{}
	for _, r := range tableRanges(ts) {
		rt.R32 = append(rt.R32, unicode.Range32{Lo: uint32(r.lo), Hi: uint32(r.hi), Stride: 1})
	}
	return rt
}

// tableRanges is the sorted, merged union of the tables' code points.
func tableRanges(ts []*unicode.RangeTable) []runeRange {
	var rs []runeRange
	add := func(lo, hi, stride rune) {
		if stride == 1 {
			rs = append(rs, runeRange{lo, hi})
			return
		}
		for c := lo; c <= hi; c += stride {
			rs = append(rs, runeRange{c, c})
		}
	}
	for _, t := range ts {
		for _, r := range t.R16 {
			add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
		for _, r := range t.R32 {
			add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
	}
	return mergeRanges(rs)
}

func mergeRanges(rs []runeRange) []runeRange {
	if len(rs) == 0 {
		return rs
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].lo < rs[j].lo })
	out := rs[:1]
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if r.lo <= last.hi+1 {
			if r.hi > last.hi {
				last.hi = r.hi
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

func complementRanges(rs []runeRange) []runeRange {
	var out []runeRange
	next := rune(0)
	for _, r := range rs {
		if r.lo > next {
			out = append(out, runeRange{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, runeRange{next, unicode.MaxRune})
	}
	return out
}

// subtractRanges is a minus b, both sorted and merged.
func subtractRanges(a, b []runeRange) []runeRange {
	return complementRanges(mergeRanges(append(complementRanges(a), b...)))
}

// assignedRanges is every code point with a general category (Go has no Cn table).
func assignedRanges() []runeRange {
	var ts []*unicode.RangeTable
	for _, t := range unicode.Categories {
		ts = append(ts, t)
	}
	return tableRanges(ts)
}

// extraPropertyRanges gives a binary property Go's unicode package lacks (unicode_props.go).
func extraPropertyRanges(name string) ([]runeRange, bool) {
	for i := range extraProperties {
		for _, n := range extraProperties[i].names {
			if n == name {
				return extraProperties[i].ranges, true
			}
		}
	}
	return nil, false
}

var stringPropertyCache sync.Map // name -> string

// stringPropertyPattern gives a v-mode property of strings (RGI_Emoji...) as a u-mode group that
// matches the same strings, longest first: the sequences are laid out as a trie, so that
// alternatives share their prefixes and a longer sequence is tried before its own prefix.
func stringPropertyPattern(name string) (string, bool) {
	if v, ok := stringPropertyCache.Load(name); ok {
		return v.(string), true
	}
	root := &seqTrie{}
	found := false
	for i := range stringProperties {
		p := &stringProperties[i]
		if name != p.name && name != "RGI_Emoji" {
			continue
		}
		found = true
		for _, s := range p.seqs {
			root.add([]rune(s))
		}
	}
	if !found {
		return "", false
	}
	var b strings.Builder
	b.WriteString("(?:")
	root.write(&b)
	b.WriteByte(')')
	stringPropertyCache.Store(name, b.String())
	return b.String(), true
}

type seqTrie struct {
	end  bool
	kids map[rune]*seqTrie
}

func (t *seqTrie) add(rs []rune) {
	for _, r := range rs {
		if t.kids == nil {
			t.kids = map[rune]*seqTrie{}
		}
		k := t.kids[r]
		if k == nil {
			k = &seqTrie{}
			t.kids[r] = k
		}
		t = k
	}
	t.end = true
}

// write writes the alternatives for the sequences below t: the code points that end a
// sequence and go no further as one class, then each longer branch.
func (t *seqTrie) write(b *strings.Builder) {
	keys := make([]rune, 0, len(t.kids))
	for r := range t.kids {
		keys = append(keys, r)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var leaves []runeRange
	first := true
	for _, r := range keys {
		k := t.kids[r]
		if len(k.kids) == 0 {
			if n := len(leaves); n > 0 && leaves[n-1].hi == r-1 {
				leaves[n-1].hi = r
			} else {
				leaves = append(leaves, runeRange{r, r})
			}
			continue
		}
		if !first {
			b.WriteByte('|')
		}
		first = false
		writeCodePoint(b, r)
		b.WriteString("(?:")
		k.write(b)
		b.WriteByte(')')
		if k.end {
			b.WriteByte('?')
		}
	}
	if len(leaves) > 0 {
		if !first {
			b.WriteByte('|')
		}
		b.WriteByte('[')
		writeRanges(b, leaves)
		b.WriteByte(']')
	}
}

// rewriteRegexpSource is src with the regular expression literals rewriteRegexpLiterals would
// change replaced in its text: for source the engine compiles itself, where no parsed program
// can be handed over (a context's code, run by eval; new Function's body). A literal whose
// pattern grows moves what follows it on its line. src is returned as it is when it holds no
// such literal or does not parse.
func rewriteRegexpSource(src string) string {
	if !strings.Contains(src, `\p{`) && !strings.Contains(src, `\P{`) && !hasMultilineRegexpHint(src) {
		return src
	}
	prg, err := parser.ParseFile(nil, "", src, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return src
	}
	var edits []modules.TextEdit
	walkRegexps(reflect.ValueOf(prg), func(re *ast.RegExpLiteral) {
		from := int(re.Idx) - 1
		to := modules.RegexpLiteralEnd(src, re)
		if from < 0 || to > len(src) || !strings.HasPrefix(src[from:], re.Literal) {
			return
		}
		pat, flags := re.Pattern, re.Flags
		rewriteRegexpLiteral(re)
		if re.Pattern != pat || re.Flags != flags {
			edits = append(edits, modules.TextEdit{At: from, End: to, Text: "/" + re.Pattern + "/" + re.Flags})
		}
	})
	return modules.ApplyTextEdits(src, edits)
}
