package url

import (
	"strings"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// URL and URLSearchParams instances are ordinary goja objects (so they can be frozen, hold
// symbol-keyed and #private fields, and be subclassed like Node's classes) with no own
// properties, as in Node. Their Go state lives in a per-runtime registry keyed by the object's
// identity (registry.go); the accessors and methods on the prototypes are Go functions that
// find it there.

// Component indexes, in the order components returns them.
const (
	cHref = iota
	cOrigin
	cProtocol
	cUsername
	cPassword
	cHost
	cHostname
	cPort
	cPathname
	cSearch
	cHash
	nComp
)

var compNames = [nComp]string{"href", "origin", "protocol", "username", "password", "host",
	"hostname", "port", "pathname", "search", "hash"}

// urlObj is one URL instance: its state, and once searchParams was read, that object (kept, so
// every read gives the same one).
//
// The URLSearchParams' state holds the URL's state strongly (so its methods can update the
// URL) but must not reach the URLSearchParams object (the registry entry holding that state
// would keep the object alive): so the object is here, not in urlState. Before, the
// URLSearchParams held a weak pointer to the one struct, a third weak handle for a URL whose
// searchParams is read.
type urlObj struct {
	*urlState
	sp *goja.Object
}

// urlState is a URL's components, and its URLSearchParams' state once searchParams was read.
type urlState struct {
	c     [nComp]string
	hrefV goja.Value // href as a JS string, made on first read (or the constructor's input)
	// hrefV is href's ASCII text, so a component lying inside href is a substring of it
	hrefSub bool
	params  *paramsObj
}

func (u *urlState) set(c [nComp]string) {
	u.c = c
	u.hrefV, u.hrefSub = nil, false
}

// setHref makes v (a JS string equal to href) u's href value.
func (u *urlState) setHref(v goja.Value) {
	u.hrefV = v
	_, isStr := v.(goja.String)
	u.hrefSub = isStr && isASCII(u.c[cHref])
}

// inside returns the offset of s in h when s's bytes are part of h's (the parsers slice
// components out of the href they build, or out of the input kept as href).
func inside(h, s string) (int, bool) {
	if len(s) == 0 || len(s) > len(h) {
		return 0, false
	}
	hp, sp := uintptr(unsafe.Pointer(unsafe.StringData(h))), uintptr(unsafe.Pointer(unsafe.StringData(s)))
	if sp < hp || sp-hp > uintptr(len(h)-len(s)) {
		return 0, false
	}
	return int(sp - hp), true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// paramsObj is one URLSearchParams instance: its name, value list (USVStrings, so valid UTF-8
// Go strings lose nothing) and the URL it belongs to, if any.
type paramsObj struct {
	list []string
	// the URL's state (see urlObj), or nil
	url *urlState
}

func (st *objects) asURL(v goja.Value) *urlObj {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	if o == st.lastObj {
		return st.lastURL
	}
	if u, ok := st.reg.get(o).(*urlObj); ok {
		st.lastObj, st.lastURL = o, u
		return u
	}
	return nil
}

func (st *objects) asParams(v goja.Value) *paramsObj {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	if o == st.lastPObj {
		return st.lastP
	}
	if p, ok := st.reg.get(o).(*paramsObj); ok {
		st.lastPObj, st.lastP = o, p
		return p
	}
	return nil
}

// objects is the per-runtime state of the URL classes.
type objects struct {
	vm          *goja.Runtime
	reg         registry     // the instances' Go state
	urlCtor     *goja.Object // URL (a bound function of urlProxy)
	urlProxy    *goja.Object
	lastObj     *goja.Object // the URL asURL found last, and its state
	lastURL     *urlObj
	lastPObj    *goja.Object // the URLSearchParams asParams found last, and its state
	lastP       *paramsObj
	empty       goja.Value // ""
	bases       *baseCache
	paramsProto *goja.Object
	urlProto    *goja.Object
	invalidURL  goja.Callable // (input[, base]) -> the ERR_INVALID_URL error
	invalidThis goja.Callable // () -> ERR_INVALID_THIS for URLSearchParams
	missingArgs goja.Callable // (...names) -> ERR_MISSING_ARGS

	slow map[string]slowResult // input (NUL base) -> the full parser's result

	scratch []byte // where wideParseInto writes hrefs

	// the last base URL, as fastParse saw it
	lastBase   string
	lastBaseF  fastURL
	lastBaseOK bool
	haveBase   bool
	// bases off the fast path whose serialization is on it ("HTTP://Example.com:80" is
	// http://example.com/), or nil for those whose is not (or that do not parse)
	normBases map[string]*fastURL
}

// fastBase returns base parsed by fastParse, remembering the last one.
func (st *objects) fastBase(base string) (*fastURL, bool) {
	if st.lastBase != base || !st.haveBase {
		st.lastBaseF, st.lastBaseOK = fastParse(base)
		if !st.lastBaseOK {
			st.lastBaseF, st.lastBaseOK = wideParse(base, false)
		}
		if !st.lastBaseOK {
			// resolving against a base is resolving against its serialization: when that is
			// on the fast path, relative inputs are too
			f, ok := st.normBases[base]
			if !ok {
				if u, valid := parse(base, nil, nil); valid {
					if g, fast := fastParse(u.Href(false)); fast {
						f = &g
					}
				}
				if len(st.normBases) >= 64 {
					clear(st.normBases)
				}
				if st.normBases == nil {
					st.normBases = make(map[string]*fastURL)
				}
				st.normBases[base] = f
			}
			if f != nil {
				st.lastBaseF, st.lastBaseOK = *f, true
			}
		}
		st.lastBase, st.haveBase = base, true
	}
	return &st.lastBaseF, st.lastBaseOK
}

// parseComponents parses input against base (nil for none). It is the Go side of new URL:
// no JS is involved.
func (st *objects) parseComponents(input string, base *string) (c [nComp]string, ok bool) {
	ok = st.parseComponentsTo(&c, input, base)
	return c, ok
}

// parseComponentsTo is parseComponents writing into *c.
func (st *objects) parseComponentsTo(c *[nComp]string, input string, base *string) bool {
	ok := st.parseStandardTo(c, input, base)
	if ok && c[cPathname] == "/" && !isSpecialProtocol(c[cProtocol]) {
		basePath := ""
		if base != nil {
			if b, ok := st.parseComponents(*base, nil); ok {
				basePath = b[cPathname]
			}
		}
		*c = adaInputFix(*c, input, base, basePath)
	}
	return ok
}

// parseStandard is parseComponents as the URL Standard has it.
func (st *objects) parseStandard(input string, base *string) (c [nComp]string, ok bool) {
	ok = st.parseStandardTo(&c, input, base)
	return c, ok
}

// asFast views components as the fastURL the parsers write (the same eleven strings in the
// same order: TestFastURLLayout).
func asFast(c *[nComp]string) *fastURL { return (*fastURL)(unsafe.Pointer(c)) }

// parseStandardTo is parseStandard writing into *c (all of it, on failure too).
func (st *objects) parseStandardTo(c *[nComp]string, input string, base *string) bool {
	f := asFast(c)
	if base != nil {
		if b, ok := st.fastBase(*base); ok {
			if resolveFastTo(f, input, b) {
				return true
			}
			if relativeToOpaque(input, b) {
				*c = [nComp]string{}
				return false
			}
		}
	}
	ok, reject := fastParseOrReject(f, input)
	if reject {
		*c = [nComp]string{}
		return false
	}
	if !ok {
		if ok, reject = wideParseInto(f, input, base != nil, &st.scratch); reject {
			*c = [nComp]string{}
			return false
		}
	}
	if ok {
		// An absolute URL ignores its base, which must still be valid.
		if base != nil {
			p := newParser()
			_, valid := st.bases.get(p, *base)
			p.release()
			if !valid {
				*c = [nComp]string{}
				return false
			}
		}
		return true
	}
	key := input
	if base != nil {
		key = input + "\x00" + *base // no URL holds a NUL: it is stripped or encoded
	}
	if r, ok := st.slow[key]; ok {
		*c = r.c
		return r.ok
	}
	var r slowResult
	if u, ok := parse(input, base, st.bases); ok {
		r = slowResult{componentList(u), true}
	}
	*c = r.c
	if len(key) > slowCacheMaxKey {
		return r.ok
	}
	if len(st.slow) >= slowCacheSize {
		clear(st.slow)
	}
	if st.slow == nil {
		st.slow = make(map[string]slowResult)
	}
	st.slow[key] = r
	return r.ok
}

// slowResult is what the full parser made of an input: its components, or that it failed.
type slowResult struct {
	c  [nComp]string
	ok bool
}

// slowCacheSize bounds the per-runtime cache of inputs that needed the full parser (IDNA hosts
// and the like cost some microseconds each; programs tend to parse the same ones again, and
// URL.canParse is often asked about the same invalid ones).
const slowCacheSize = 256

// slowCacheMaxKey keeps long inputs (data: URLs) out of the cache: they would hold their
// memory, and parsing them costs more than the cache saves anyway.
const slowCacheMaxKey = 2048

func (st *objects) throwInvalid(args ...goja.Value) { st.throwFrom(st.invalidURL, args...) }

// throwFrom throws the error that mk returns.
func (st *objects) throwFrom(mk goja.Callable, args ...goja.Value) {
	err, e := mk(goja.Undefined(), args...)
	if e != nil {
		panic(e)
	}
	panic(err)
}

func (st *objects) this(v goja.Value) *urlObj {
	u := st.asURL(v)
	if u == nil {
		panic(st.vm.NewTypeError("Receiver must be an instance of class URL"))
	}
	return u
}

// thisPrivate is this for the accessors that Node's URL class reaches through a private
// field: a foreign receiver gets V8's message for a missing private member.
func (st *objects) thisPrivate(v goja.Value, member string) *urlObj {
	u := st.asURL(v)
	if u == nil {
		panic(st.vm.NewTypeError("Cannot read private member " + member + " from an object whose class did not declare it"))
	}
	return u
}

func (st *objects) value(u *urlObj, i int) goja.Value {
	s := u.c[i]
	if i == cHref {
		if u.hrefV == nil {
			u.setHref(st.vm.ToValue(s))
		}
		return u.hrefV
	}
	if s == "" {
		return st.empty
	}
	// A substring of href's JS string costs one allocation less than a new string (href is
	// ASCII, so byte offsets are UTF-16 offsets).
	if u.hrefSub {
		if off, ok := inside(u.c[cHref], s); ok {
			return u.hrefV.(goja.String).Substring(off, off+len(s))
		}
	}
	return st.vm.ToValue(s)
}

// construct is the construct trap of the URL constructor's proxy: it makes an ordinary object
// with new.target's prototype (so subclasses get theirs) and gives it its Go state.
func (st *objects) construct(target *goja.Object, args []goja.Value, newTarget *goja.Object) *goja.Object {
	proto := st.urlProto
	if newTarget != nil && newTarget != st.urlProxy && newTarget != st.urlCtor {
		if p, ok := newTarget.Get("prototype").(*goja.Object); ok {
			proto = p
		}
	}
	return st.build(proto, args, true)
}

// build is new URL(...args) with the given prototype: when the input does not parse, it throws
// ERR_INVALID_URL if invalid says so and returns nil otherwise (URL.parse).
func (st *objects) build(proto *goja.Object, args []goja.Value, invalid bool) *goja.Object {
	vm := st.vm
	if len(args) == 0 {
		st.throwFrom(st.missingArgs, vm.ToValue("url"))
	}
	input := toUSV(vm, args[0])
	var base *string
	if len(args) > 1 && !goja.IsUndefined(args[1]) {
		s := toUSV(vm, args[1])
		base = &s
	}
	var comps [nComp]string
	if !st.parseComponentsTo(&comps, input, base) {
		if !invalid {
			return nil
		}
		// new URL's error is thrown by node's C++ parser: no [CODE] in its name.
		if base == nil {
			st.throwInvalid(vm.ToValue(input), goja.Undefined(), vm.ToValue(true))
		}
		st.throwInvalid(vm.ToValue(input), vm.ToValue(*base), vm.ToValue(true))
	}
	o := vm.CreateObject(proto)
	u := &urlObj{urlState: &urlState{c: comps}}
	if comps[cHref] == input {
		// the input string is already the href's JS value
		if _, isStr := args[0].(goja.String); isStr {
			u.setHref(args[0])
		}
	}
	st.reg.put(o, u)
	st.lastObj, st.lastURL = o, u
	return o
}

// newConstructor makes the URL constructor function.
//
// A native constructor cannot tell `URL(x)` from `new URL(x)` on goja, a proxy's traps can; a JS
// function could, but would need `arguments` to tell `new URL()` from `new URL(undefined)`
// (several times the cost of the parse). So URL is a bound function of a proxy: the proxy's
// traps do the work (apply throws node's TypeError, construct builds the URL with new.target's
// prototype: a bound function passes new.target on, or its target for itself), and the bound
// function is what scripts see: an ordinary function object, which goja's
// Function.prototype[Symbol.hasInstance] accepts (it throws for a proxy), with no own keys but
// node's (length, name, prototype and the statics url.js adds).
func (st *objects) newConstructor() *goja.Object {
	vm := st.vm
	target := vm.ToValue(func(goja.ConstructorCall) *goja.Object { return nil }).(*goja.Object)
	modules.NameFunc(vm, target, "URL", 1)
	st.urlProto = target.Get("prototype").(*goja.Object)
	st.urlProxy = vm.ToValue(vm.NewProxy(target, &goja.ProxyTrapConfig{
		Apply: func(*goja.Object, goja.Value, []goja.Value) goja.Value {
			panic(vm.NewTypeError("Class constructor URL cannot be invoked without 'new'"))
		},
		Construct: st.construct,
	})).(*goja.Object)
	// goja's instanceof cannot see through a proxy to its target (URL instanceof goes to the
	// proxy, through the bound function); this, on the hidden target, does what the inherited
	// Function.prototype[Symbol.hasInstance] does (for URL and its subclasses).
	hasInstance := st.nativeFunc("[Symbol.hasInstance]", 1, func(c goja.FunctionCall) goja.Value {
		v, isObj := c.Argument(0).(*goja.Object)
		if !isObj {
			return vm.ToValue(false)
		}
		for p := v.Prototype(); p != nil; p = p.Prototype() {
			if p == st.urlProto {
				return vm.ToValue(true)
			}
		}
		return vm.ToValue(false)
	})
	target.DefineDataPropertySymbol(goja.SymHasInstance, hasInstance, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)

	bind, _ := goja.AssertFunction(st.urlProxy.Get("bind"))
	b, err := bind(st.urlProxy)
	if err != nil {
		panic(err)
	}
	st.urlCtor = b.(*goja.Object)
	st.urlCtor.DefineDataProperty("name", vm.ToValue("URL"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	st.urlCtor.DefineDataProperty("prototype", st.urlProto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	st.urlProto.DefineDataProperty("constructor", st.urlCtor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return st.urlCtor
}

// reparseParams refreshes the list of u's URLSearchParams from its query.
func (st *objects) reparseParams(u *urlObj) {
	if u.params != nil {
		u.params.list = parseParams(strings.TrimPrefix(u.c[cSearch], "?"))
	}
}

func (st *objects) list(items []string) *goja.Object {
	vals := make([]any, len(items))
	for i, s := range items {
		vals[i] = s
	}
	return st.vm.NewArray(vals...)
}

// update applies a setter to u.
func (st *objects) update(u *urlState, field, value string) {
	if c, ok := updateComponents(u.c[cHref], field, value); ok {
		u.set(c)
	}
}

func (st *objects) nativeFunc(name string, length int, f func(goja.FunctionCall) goja.Value) *goja.Object {
	return modules.Func(st.vm, name, length, f)
}

// install puts the Go accessors and methods on URL.prototype.
func (st *objects) install(proto *goja.Object) {
	vm := st.vm
	get := func(name string, i int) *goja.Object {
		if name == "href" || name == "search" {
			return st.nativeFunc("get "+name, 0, func(c goja.FunctionCall) goja.Value {
				return st.value(st.this(c.This), i)
			})
		}
		return st.nativeFunc("get "+name, 0, func(c goja.FunctionCall) goja.Value {
			return st.value(st.thisPrivate(c.This, "#context"), i)
		})
	}
	setter := func(field string) *goja.Object {
		if field == "href" {
			return st.nativeFunc("set href", 1, func(c goja.FunctionCall) goja.Value {
				u := st.thisPrivate(c.This, "#context")
				s := toUSV(vm, c.Argument(0))
				comps, ok := st.parseComponents(s, nil)
				if !ok {
					st.throwInvalid(vm.ToValue(s))
				}
				u.set(comps)
				st.reparseParams(u)
				return goja.Undefined()
			})
		}
		return st.nativeFunc("set "+field, 1, func(c goja.FunctionCall) goja.Value {
			u := st.thisPrivate(c.This, "#context")
			st.update(u.urlState, field, toUSV(vm, c.Argument(0)))
			if field == "search" {
				st.reparseParams(u)
			}
			return goja.Undefined()
		})
	}
	method := func(name string) {
		fn := st.nativeFunc(name, 0, func(c goja.FunctionCall) goja.Value {
			return st.value(st.this(c.This), cHref)
		})
		proto.DefineDataProperty(name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	// in Node's order of URL.prototype's keys
	method("toString")
	for i, name := range compNames {
		if name == "hash" {
			getParams := st.nativeFunc("get searchParams", 0, func(c goja.FunctionCall) goja.Value {
				u := st.thisPrivate(c.This, "#searchParams")
				if u.sp == nil {
					o := st.vm.CreateObject(st.paramsProto)
					u.sp = o
					u.params = &paramsObj{list: parseParams(strings.TrimPrefix(u.c[cSearch], "?")), url: u.urlState}
					st.reg.put(o, u.params)
					st.lastPObj, st.lastP = o, u.params
				}
				return u.sp
			})
			proto.DefineAccessorProperty("searchParams", getParams, nil, goja.FLAG_TRUE, goja.FLAG_TRUE)
		}
		if name == "origin" {
			proto.DefineAccessorProperty(name, get(name, i), nil, goja.FLAG_TRUE, goja.FLAG_TRUE)
		} else {
			proto.DefineAccessorProperty(name, get(name, i), setter(name), goja.FLAG_TRUE, goja.FLAG_TRUE)
		}
	}
	method("toJSON")
}

// toUSV is `${v}` (a symbol throws).
func toUSV(vm *goja.Runtime, v goja.Value) string {
	if _, ok := v.(*goja.Symbol); ok {
		panic(vm.NewTypeError("Cannot convert a Symbol value to a string"))
	}
	return v.String()
}

// paramsThis returns the URLSearchParams that v is, or throws ERR_INVALID_THIS.
func (st *objects) paramsThis(v goja.Value) *paramsObj {
	p := st.asParams(v)
	if p == nil {
		st.throwFrom(st.invalidThis)
	}
	return p
}

// need throws ERR_MISSING_ARGS unless c has n arguments.
func (st *objects) need(c goja.FunctionCall, names ...string) {
	if len(c.Arguments) < len(names) {
		args := make([]goja.Value, len(names))
		for i, n := range names {
			args[i] = st.vm.ToValue(n)
		}
		st.throwFrom(st.missingArgs, args...)
	}
}

// changed writes p's list back into its URL's query.
func (st *objects) changed(p *paramsObj) {
	if u := p.url; u != nil {
		st.update(u, "search", serializeParams(p.list))
	}
}

// installParams replaces the placeholder methods on URLSearchParams.prototype with Go ones,
// keeping their place in the key order.
func (st *objects) installParams(proto *goja.Object) {
	vm := st.vm
	def := func(name string, length int, f func(c goja.FunctionCall, p *paramsObj) goja.Value) {
		fn := st.nativeFunc(name, length, func(c goja.FunctionCall) goja.Value {
			return f(c, st.paramsThis(c.This))
		})
		proto.DefineDataProperty(name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	str := func(v goja.Value) string { return toUSV(vm, v) }
	size := st.nativeFunc("get size", 0, func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(len(st.paramsThis(c.This).list) / 2)
	})
	proto.DefineAccessorProperty("size", size, nil, goja.FLAG_TRUE, goja.FLAG_TRUE)
	def("append", 2, func(c goja.FunctionCall, p *paramsObj) goja.Value {
		st.need(c, "name", "value")
		p.list = append(p.list, str(c.Arguments[0]), str(c.Arguments[1]))
		st.changed(p)
		return goja.Undefined()
	})
	def("delete", 1, func(c goja.FunctionCall, p *paramsObj) goja.Value {
		st.need(c, "name")
		name := str(c.Arguments[0])
		value, byValue := "", !goja.IsUndefined(c.Argument(1))
		if byValue {
			value = str(c.Argument(1))
		}
		out := p.list[:0]
		for i := 0; i+1 < len(p.list); i += 2 {
			if p.list[i] == name && (!byValue || p.list[i+1] == value) {
				continue
			}
			out = append(out, p.list[i], p.list[i+1])
		}
		clear(p.list[len(out):])
		p.list = out
		st.changed(p)
		return goja.Undefined()
	})
	def("get", 1, func(c goja.FunctionCall, p *paramsObj) goja.Value {
		st.need(c, "name")
		name := str(c.Arguments[0])
		for i := 0; i+1 < len(p.list); i += 2 {
			if p.list[i] == name {
				return vm.ToValue(p.list[i+1])
			}
		}
		return goja.Null()
	})
	def("getAll", 1, func(c goja.FunctionCall, p *paramsObj) goja.Value {
		st.need(c, "name")
		name := str(c.Arguments[0])
		var out []string
		for i := 0; i+1 < len(p.list); i += 2 {
			if p.list[i] == name {
				out = append(out, p.list[i+1])
			}
		}
		return st.list(out)
	})
	def("has", 1, func(c goja.FunctionCall, p *paramsObj) goja.Value {
		st.need(c, "name")
		name := str(c.Arguments[0])
		value, byValue := "", !goja.IsUndefined(c.Argument(1))
		if byValue {
			value = str(c.Argument(1))
		}
		for i := 0; i+1 < len(p.list); i += 2 {
			if p.list[i] == name && (!byValue || p.list[i+1] == value) {
				return vm.ToValue(true)
			}
		}
		return vm.ToValue(false)
	})
	def("set", 2, func(c goja.FunctionCall, p *paramsObj) goja.Value {
		st.need(c, "name", "value")
		name, value := str(c.Arguments[0]), str(c.Arguments[1])
		found := false
		out := p.list[:0]
		for i := 0; i+1 < len(p.list); i += 2 {
			if p.list[i] == name {
				if found {
					continue
				}
				found = true
				out = append(out, name, value)
				continue
			}
			out = append(out, p.list[i], p.list[i+1])
		}
		clear(p.list[len(out):])
		p.list = out
		if !found {
			p.list = append(p.list, name, value)
		}
		st.changed(p)
		return goja.Undefined()
	})
	def("sort", 0, func(c goja.FunctionCall, p *paramsObj) goja.Value {
		sortParams(p.list)
		st.changed(p)
		return goja.Undefined()
	})
	def("toString", 0, func(c goja.FunctionCall, p *paramsObj) goja.Value {
		return vm.ToValue(serializeParams(p.list))
	})
}

// fastComponents returns f's components, in the order of the c* constants.
func fastComponents(f *fastURL) [nComp]string {
	return [nComp]string{f.href, f.origin, f.protocol, f.username, f.password, f.host, f.hostname, f.port, f.pathname, f.search, f.hash}
}
