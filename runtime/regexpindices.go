package runtime

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unsafe"

	"github.com/dlclark/regexp2/v2"
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// The d flag (hasIndices): goja refuses it. A regexp made with it (new RegExp(p, 'd'), or a
// literal /p/d, which the compile step turns into that call: modules.LowerIndicesLiterals) is
// made without it and given a prototype inheriting its own (hasIndicesProto), whose exec adds
// the result's indices (each group's [start, end] in UTF-16 code units, undefined for a group
// that did not take part, and indices.groups for named groups), whose flags getter puts the d
// back and whose hasIndices is true. match, matchAll, replace and split call exec, so they see the indices too.
//
// The positions come from running the regexp's pattern (as the engine compiled it) with
// regexp2, goja's own engine for what Go's regexp cannot do, from where the match starts; if
// that does not give the engine's match, the groups are placed by searching their text in the
// match.

// hasIndicesProto returns the prototype of the runtime's d-flag regexps whose prototype would be
// base (RegExp.prototype, or a subclass's): it inherits base, and its exec calls base's exec
// (as it is at the call, so a subclass's own exec still runs) and adds the indices; its
// hasIndices is true, which RegExp.prototype's flags getter reads. Made once per base.
func (rt *Runtime) hasIndicesProto(base, intrinsic *goja.Object) *goja.Object {
	if p := rt.regexpDProtos[base]; p != nil {
		return p
	}
	vm := rt.vm
	p := vm.NewObject()
	_ = p.SetPrototype(base)
	_ = p.DefineDataProperty("exec", modules.Func(vm, "exec", 1, func(call goja.FunctionCall) goja.Value {
		exec, ok := goja.AssertFunction(base.Get("exec"))
		if !ok {
			panic(vm.NewTypeError("exec is not a function"))
		}
		res, err := exec(call.This, call.Arguments...)
		if err != nil {
			panic(err)
		}
		if o, ok := call.This.(*goja.Object); ok {
			if r, ok := res.(*goja.Object); ok {
				rt.addIndices(o, r)
			}
		}
		return res
	}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	// (its flags: the intrinsic flags getter reads hasIndices, as V8's: regexpvflag.go)
	yes := modules.Func(vm, "get hasIndices", 0, func(goja.FunctionCall) goja.Value { return vm.ToValue(true) })
	_ = p.DefineAccessorProperty("hasIndices", yes, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if rt.regexpDProtos == nil {
		rt.regexpDProtos = map[*goja.Object]*goja.Object{}
	}
	rt.regexpDProtos[base] = p
	rt.regexpDProtos[p] = nil // (marks p as one: isIndicesProto)
	return p
}

// isIndicesProto reports whether p is one of hasIndicesProto's prototypes.
func (rt *Runtime) isIndicesProto(p *goja.Object) bool {
	v, ok := rt.regexpDProtos[p]
	return ok && v == nil
}

// giveIndices makes re, just made without the d flag, a regexp with it (see hasIndicesProto).
func (rt *Runtime) giveIndices(re, intrinsic *goja.Object) {
	if base := re.Prototype(); base != nil && !rt.isIndicesProto(base) {
		_ = re.SetPrototype(rt.hasIndicesProto(base, intrinsic))
	}
}

// ownGetter is the getter of obj's own accessor name, or nil.
func ownGetter(vm *goja.Runtime, obj *goja.Object, name string) goja.Callable {
	desc := modules.OwnDescriptor(vm, obj, vm.ToValue(name))
	if desc == nil {
		return nil
	}
	get, _ := goja.AssertFunction(desc.Get("get"))
	return get
}

// addIndices sets res.indices for res, the result of re's exec.
func (rt *Runtime) addIndices(re, res *goja.Object) {
	vm := rt.vm
	n := int(res.Get("length").ToInteger())
	at := int(res.Get("index").ToInteger())
	input, ok := res.Get("input").(goja.String)
	if !ok || n < 1 {
		return
	}
	pos, names := rt.groupPositions(re, input, at, n)
	if pos == nil {
		pos = searchedPositions(res, input, at, n)
	}
	indices := vm.NewArray()
	for i := 0; i < n; i++ {
		v := goja.Undefined()
		if pos[2*i] >= 0 {
			v = vm.NewArray(pos[2*i], pos[2*i+1])
		}
		_ = indices.Set(strconv.Itoa(i), v)
	}
	groups := goja.Undefined()
	if g, ok := res.Get("groups").(*goja.Object); ok {
		obj := vm.NewObject()
		_ = obj.SetPrototype(nil)
		for _, k := range g.Keys() {
			v := goja.Undefined()
			for i, name := range names {
				if name == k && i < n {
					v = indices.Get(strconv.Itoa(i))
				}
			}
			_ = obj.Set(k, v)
		}
		groups = obj
	}
	_ = indices.Set("groups", groups)
	_ = res.Set("indices", indices)
}

// groupPositions runs re's pattern with regexp2 from at (a UTF-16 index) in input: the start
// and end of each of the n groups (-1 for one that did not take part), and the groups' names by
// number; nil when that is not the engine's match.
func (rt *Runtime) groupPositions(re *goja.Object, input goja.String, at, n int) ([]int, []string) {
	src, ok := regexpPattern(re)
	if !ok {
		return nil, nil
	}
	var opts regexp2.RegexOptions = regexp2.ECMAScript
	unicode := false
	if f, ok := re.Get("flags").(goja.String); ok {
		fs := f.String()
		if strings.Contains(fs, "i") {
			opts |= regexp2.IgnoreCase
		}
		if strings.Contains(fs, "m") {
			opts |= regexp2.Multiline
		}
		if strings.Contains(fs, "s") {
			opts |= regexp2.Singleline
		}
		if strings.ContainsAny(fs, "uv") {
			opts |= regexp2.Unicode
			unicode = true
		}
	}
	rx := indicesRegexp(src, opts)
	if rx == nil {
		return nil, nil
	}
	runes, at16 := rt.indicesText(input, unicode)
	start, found := slices.BinarySearch(at16, at)
	if !found {
		return nil, nil
	}
	m, err := rx.FindRunesMatchStartingAt(runes, start)
	if err != nil || m == nil || m.RuneIndex != start {
		return nil, nil
	}
	groups := m.Groups()
	if len(groups) != n {
		return nil, nil
	}
	pos := make([]int, 2*n)
	names := make([]string, n)
	for i, g := range groups {
		names[i] = g.Name
		if len(g.Captures) == 0 {
			pos[2*i], pos[2*i+1] = -1, -1
			continue
		}
		pos[2*i], pos[2*i+1] = at16[g.RuneIndex], at16[g.RuneIndex+g.RuneLength]
	}
	return pos, names
}

// indicesText is input as the engine matches it: UTF-16 code units, or code points with the u
// flag; at16[i] is the UTF-16 index of rune i (and of the end, at16[len(runes)]). The last text
// is kept: matchAll and a global replace run exec over the same string again and again.
func (rt *Runtime) indicesText(input goja.String, unicode bool) ([]rune, []int) {
	c := &rt.regexpDText
	if c.input != nil && c.unicode == unicode && sameStorage(c.input, input) {
		return c.runes, c.at16
	}
	l := input.Length()
	runes := make([]rune, 0, l)
	at16 := make([]int, 0, l+1)
	for i := 0; i < l; i++ {
		ch := input.CharAt(i)
		at16 = append(at16, i)
		if unicode && ch >= 0xD800 && ch < 0xDC00 && i+1 < l {
			if d := input.CharAt(i + 1); d >= 0xDC00 && d <= 0xDFFF {
				runes = append(runes, utf16.DecodeRune(rune(ch), rune(d)))
				i++
				continue
			}
		}
		runes = append(runes, rune(ch))
	}
	at16 = append(at16, l)
	*c = indicesCache{input, unicode, runes, at16}
	return runes, at16
}

// sameStorage reports whether a and b are the same string value, by their storage (a Go string
// or a slice of UTF-16 code units in goja), without comparing their contents.
func sameStorage(a, b goja.String) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if va.Type() != vb.Type() {
		return false
	}
	switch va.Kind() {
	case reflect.String:
		sa, sb := va.String(), vb.String()
		return len(sa) == len(sb) && unsafe.StringData(sa) == unsafe.StringData(sb)
	case reflect.Slice:
		return va.Len() == vb.Len() && va.Pointer() == vb.Pointer()
	}
	return false
}

// indicesCache is the last text indicesText converted.
type indicesCache struct {
	input   goja.String
	unicode bool
	runes   []rune
	at16    []int
}

// indicesRegexps caches the regexp2 programs of d-flag patterns (a few at most in a program).
var indicesRegexps struct {
	sync.Mutex
	m map[indicesKey]*regexp2.Regexp
}

type indicesKey struct {
	src  string
	opts regexp2.RegexOptions
}

func indicesRegexp(src string, opts regexp2.RegexOptions) *regexp2.Regexp {
	k := indicesKey{src, opts}
	indicesRegexps.Lock()
	rx, ok := indicesRegexps.m[k]
	indicesRegexps.Unlock()
	if ok {
		return rx
	}
	rx, err := regexp2.Compile(src, opts)
	if err != nil {
		rx = nil
	}
	indicesRegexps.Lock()
	if indicesRegexps.m == nil || len(indicesRegexps.m) >= 256 {
		indicesRegexps.m = map[indicesKey]*regexp2.Regexp{}
	}
	indicesRegexps.m[k] = rx
	indicesRegexps.Unlock()
	return rx
}

// searchedPositions places res's groups by their text: the match at its index, each group at the
// first place in the match, from the previous group's start, that holds its text.
func searchedPositions(res *goja.Object, input goja.String, at, n int) []int {
	pos := make([]int, 2*n)
	match, _ := res.Get("0").(goja.String)
	if match == nil {
		return nil
	}
	pos[0], pos[1] = at, at+match.Length()
	from := 0
	for i := 1; i < n; i++ {
		g, ok := res.Get(strconv.Itoa(i)).(goja.String)
		if !ok {
			pos[2*i], pos[2*i+1] = -1, -1
			continue
		}
		j := stringIndex(match, g, from)
		if j < 0 {
			j = stringIndex(match, g, 0)
		}
		if j < 0 {
			j = 0
		}
		from = j
		pos[2*i], pos[2*i+1] = at+j, at+j+g.Length()
	}
	return pos
}

// stringIndex is the first UTF-16 index at or after from where s holds sub, or -1.
func stringIndex(s, sub goja.String, from int) int {
	ls, lsub := s.Length(), sub.Length()
outer:
	for i := from; i+lsub <= ls; i++ {
		for j := 0; j < lsub; j++ {
			if s.CharAt(i+j) != sub.CharAt(j) {
				continue outer
			}
		}
		return i
	}
	return -1
}
