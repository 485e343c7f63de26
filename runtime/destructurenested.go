package runtime

import (
	"strings"

	"github.com/dop251/goja"
)

// Nested patterns. goja words every object pattern given null or undefined "Value is not object
// coercible", at whatever depth; V8 words a nested one (`const { a: { b } } = {}`, `[{ b }] = []`,
// a parameter's `{ opts: { x } }`) as the property read it is: "Cannot read properties of
// undefined (reading 'b')", naming the nested pattern's first key ("Cannot read properties of
// undefined" when it starts with a rest element). An empty or computed-key pattern directly under
// the outermost object pattern keeps the outer words, naming its key ("Cannot destructure property
// 'a' of '{}' as it is undefined."). Which pattern failed is read from goja's value stack: below
// the nullish value is the object a nested pattern's value was read from.

// pattern is a destructuring pattern read from its source text.
type pattern struct {
	array bool
	elems []patternElem
}

type patternElem struct {
	kind   patternKey
	key    string   // a property key's name (patternKeyName)
	nested *pattern // the element's target when it is a pattern
	dflt   bool     // the nested pattern has a default (= ...)
}

type patternKey int

const (
	patternKeyName     patternKey = iota // a: ..., 'a': ..., a (shorthand)
	patternKeyComputed                   // [k]: ...
	patternKeyRest                       // ...r
	patternKeyNone                       // an array pattern's element (or hole)
)

// parsePattern reads the pattern whose text inside its brackets is text; nil when it cannot.
func parsePattern(text string, array bool) *pattern {
	p := &pattern{array: array}
	for _, el := range splitTopLevel(text) {
		el = strings.TrimSpace(el)
		if el == "" {
			if array {
				p.elems = append(p.elems, patternElem{kind: patternKeyNone})
			}
			continue
		}
		var e patternElem
		rest := el
		switch {
		case strings.HasPrefix(el, "..."):
			e.kind = patternKeyRest
			rest = strings.TrimSpace(el[3:])
		case array:
			e.kind = patternKeyNone
		case el[0] == '[':
			end := matchingClose(el, 0)
			if end < 0 {
				return nil
			}
			e.kind, rest = patternKeyComputed, el[end+1:]
		case el[0] == '\'' || el[0] == '"':
			end := strings.IndexByte(el[1:], el[0])
			if end < 0 || strings.ContainsRune(el[1:end+1], '\\') {
				return nil
			}
			e.kind, e.key, rest = patternKeyName, el[1:end+1], el[end+2:]
		default:
			name := identAt(el, 0)
			if name == "" {
				return nil
			}
			e.kind, e.key, rest = patternKeyName, name, el[len(name):]
		}
		rest = strings.TrimSpace(rest)
		if !array && e.kind != patternKeyRest {
			if !strings.HasPrefix(rest, ":") {
				p.elems = append(p.elems, e) // shorthand, perhaps with a default
				continue
			}
			rest = strings.TrimSpace(rest[1:])
		}
		if rest != "" && (rest[0] == '{' || rest[0] == '[') {
			end := matchingClose(rest, 0)
			if end < 0 {
				return nil
			}
			if e.nested = parsePattern(rest[1:end], rest[0] == '['); e.nested == nil {
				return nil
			}
			e.dflt = strings.HasPrefix(strings.TrimSpace(rest[end+1:]), "=")
		}
		p.elems = append(p.elems, e)
	}
	return p
}

// splitTopLevel splits s at its commas outside brackets and quotes.
func splitTopLevel(s string) []string {
	var parts []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if quote != 0 {
			if c == quote && s[i-1] != '\\' {
				quote = 0
			}
			continue
		}
		switch c {
		case '\'', '"', '`':
			quote = c
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

// nestedPatternWords is V8's message when a pattern nested in top failed on value (null or
// undefined), src being the outermost value's source; "" when the failure is top's own (or
// cannot be told).
func nestedPatternWords(vm *goja.Runtime, top *pattern, src, value string) string {
	type candidate struct {
		p    *pattern
		path []string // the keys from top's value to the pattern's ("" for an array element or a computed key)
	}
	var cands []candidate
	var walk func(p *pattern, path []string)
	walk = func(p *pattern, path []string) {
		for _, e := range p.elems {
			if e.nested == nil {
				continue
			}
			key := ""
			if !p.array && e.kind == patternKeyName {
				key = e.key
			}
			sub := append(path[:len(path):len(path)], key)
			// (a default replaces undefined, not null)
			if !e.nested.array && (!e.dflt || value == "null") {
				cands = append(cands, candidate{e.nested, sub})
			}
			walk(e.nested, sub)
		}
	}
	walk(top, nil)
	if len(cands) == 0 {
		return ""
	}
	stack, sp, ok := vmValueStack(vm)
	if !ok || sp < 2 || sp > len(stack) {
		return ""
	}
	// the objects below the value: the one the failed pattern's value was read from, then the
	// ones that was read from, up to top's value
	var objs []*goja.Object
	for i := sp - 2; i >= 0; i-- {
		o, isObj := stack[i].(*goja.Object)
		if !isObj {
			break
		}
		objs = append(objs, o)
	}
	if len(objs) == 0 {
		return "" // (no object below the value: top's own value failed)
	}
	// the deepest pattern whose path the objects follow
	pick := -1
	for i, c := range cands {
		d := len(c.path)
		if d > len(objs) || (pick >= 0 && d <= len(cands[pick].path)) {
			continue
		}
		if k := c.path[d-1]; k != "" && nullishWord(objs[0].Get(k)) != value {
			continue
		}
		linked := true
		for j := 1; j < d && linked; j++ {
			if k := c.path[d-1-j]; k != "" {
				v, isObj := objs[j].Get(k).(*goja.Object)
				linked = isObj && v.SameAs(objs[j-1])
			}
		}
		if linked {
			pick = i
		}
	}
	if pick < 0 {
		return ""
	}
	c := cands[pick]
	if len(c.p.elems) > 0 {
		switch first := c.p.elems[0]; first.kind {
		case patternKeyName:
			return "Cannot read properties of " + value + " (reading '" + first.key + "')"
		case patternKeyRest:
			return "Cannot read properties of " + value
		}
	}
	if len(c.path) == 1 && c.path[0] != "" && !top.array {
		return "Cannot destructure property '" + c.path[0] + "' of '" + src + "' as it is " + value + "."
	}
	return "Cannot read properties of " + value
}

// nullishPatternValue is the value a pattern was given, "null" or "undefined", when goja's
// "Value is not object coercible" is a pattern's: in script code its check is of the value
// stack's top; otherwise as nullishReadBase.
func nullishPatternValue(vm *goja.Runtime, inScript bool) string {
	if inScript {
		if stack, sp, ok := vmValueStack(vm); ok && sp >= 1 && sp <= len(stack) && stack[sp-1] != nil {
			if w := nullishWord(stack[sp-1]); w != "" {
				return w
			}
		}
	}
	return nullishReadBase(vm)
}

// nullishWord is "null" or "undefined" for those values (and for nil: goja's Get of a
// property that does not exist), else "".
func nullishWord(v goja.Value) string {
	switch v {
	case nil:
		return "undefined"
	case goja.Null():
		return "null"
	case goja.Undefined():
		return "undefined"
	}
	return ""
}
