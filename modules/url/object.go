package url

import (
	"reflect"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// URL and URLSearchParams instances are goja dynamic objects whose handler is a Go struct: a
// new URL costs three small allocations instead of a goja object with a property map, and the
// accessors on URL.prototype are Go functions reading the struct directly. (A WeakMap or a
// symbol-keyed slot per instance cost several times more on goja.) The handler keeps any own
// properties that code adds (expandos, subclass fields) in insertion order; symbols and private
// fields cannot live on a dynamic object, which is the one difference from a plain object.

// expando is the own-property store of a dynamic object.
type expando struct {
	own  map[string]goja.Value
	keys []string
}

func (e *expando) Get(k string) goja.Value {
	if e.own == nil {
		return nil
	}
	return e.own[k]
}

func (e *expando) Set(k string, v goja.Value) bool {
	if e.own == nil {
		e.own = make(map[string]goja.Value)
	}
	if _, ok := e.own[k]; !ok {
		e.keys = append(e.keys, k)
	}
	e.own[k] = v
	return true
}

func (e *expando) Has(k string) bool {
	_, ok := e.own[k]
	return ok
}

func (e *expando) Delete(k string) bool {
	if _, ok := e.own[k]; ok {
		delete(e.own, k)
		for i, x := range e.keys {
			if x == k {
				e.keys = append(e.keys[:i:i], e.keys[i+1:]...)
				break
			}
		}
	}
	return true
}

func (e *expando) Keys() []string { return append([]string(nil), e.keys...) }

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

// urlObj is one URL instance.
type urlObj struct {
	expando
	c      [nComp]string
	v      [nComp]goja.Value // JS strings made on first read
	params *paramsObj        // the URLSearchParams, once searchParams was read
	obj    *goja.Object      // params' JS object
}

func (u *urlObj) set(c [nComp]string) {
	u.c = c
	u.v = [nComp]goja.Value{}
}

// paramsObj is one URLSearchParams instance: its name, value list (USVStrings, so valid UTF-8
// Go strings lose nothing) and the URL it belongs to, if any.
type paramsObj struct {
	expando
	list []string
	url  *urlObj
}

var (
	urlObjType    = reflect.TypeOf((*urlObj)(nil))
	paramsObjType = reflect.TypeOf((*paramsObj)(nil))
)

func asURL(v goja.Value) *urlObj {
	if o, ok := v.(*goja.Object); ok && o.ExportType() == urlObjType {
		return o.Export().(*urlObj)
	}
	return nil
}

func asParams(v goja.Value) *paramsObj {
	if o, ok := v.(*goja.Object); ok && o.ExportType() == paramsObjType {
		return o.Export().(*paramsObj)
	}
	return nil
}

func fastComponents(f *fastURL) [nComp]string {
	return [nComp]string{f.href, f.origin, f.protocol, f.username, f.password, f.host, f.hostname, f.port, f.pathname, f.search, f.hash}
}

// objects is the per-runtime state of the URL classes.
type objects struct {
	vm          *goja.Runtime
	bases       *baseCache
	paramsProto *goja.Object
	urlProto    *goja.Object
	invalidURL  goja.Callable // (input[, base]) -> the ERR_INVALID_URL error
	invalidThis goja.Callable // () -> ERR_INVALID_THIS for URLSearchParams
	missingArgs goja.Callable // (...names) -> ERR_MISSING_ARGS

	// the last base URL, as fastParse saw it
	lastBase   string
	lastBaseF  fastURL
	lastBaseOK bool
	haveBase   bool
}

// fastBase returns base parsed by fastParse, remembering the last one.
func (st *objects) fastBase(base string) (*fastURL, bool) {
	if st.lastBase != base || !st.haveBase {
		st.lastBaseF, st.lastBaseOK = fastParse(base)
		st.lastBase, st.haveBase = base, true
	}
	return &st.lastBaseF, st.lastBaseOK
}

// parseComponents parses input against base (undefined for none).
func (st *objects) parseComponents(input string, base goja.Value) ([nComp]string, bool) {
	if !goja.IsUndefined(base) {
		if b, ok := st.fastBase(base.String()); ok {
			if f, ok := resolveFast(input, b); ok {
				return fastComponents(&f), true
			}
		}
	}
	if f, ok := fastParse(input); ok {
		// An absolute URL ignores its base, which must still be valid.
		if !goja.IsUndefined(base) {
			p := newParser()
			_, valid := st.bases.get(p, base.String())
			p.release()
			if !valid {
				return [nComp]string{}, false
			}
		}
		return fastComponents(&f), true
	}
	u, ok := parse(input, base, st.bases)
	if !ok {
		return [nComp]string{}, false
	}
	return componentList(u), true
}

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
	u := asURL(v)
	if u == nil {
		panic(st.vm.NewTypeError("Receiver must be an instance of class URL"))
	}
	return u
}

func (st *objects) value(u *urlObj, i int) goja.Value {
	v := u.v[i]
	if v == nil {
		v = st.vm.ToValue(u.c[i])
		u.v[i] = v
	}
	return v
}

// construct is the URL constructor. (goja gives a native constructor no way to tell `URL(x)`
// from `new URL(x)`, so unlike Node's class, calling it without new works.)
func (st *objects) construct(call goja.ConstructorCall) *goja.Object {
	vm := st.vm
	if call.This.Prototype() != st.urlProto {
		st.checkNew(call.This)
	}
	if len(call.Arguments) == 0 {
		st.throwFrom(st.missingArgs, vm.ToValue("url"))
	}
	input := toUSV(vm, call.Arguments[0])
	base := call.Argument(1)
	if !goja.IsUndefined(base) {
		if _, ok := base.(goja.String); !ok {
			base = vm.ToValue(toUSV(vm, base))
		}
	}
	comps, ok := st.parseComponents(input, base)
	if !ok {
		if goja.IsUndefined(base) {
			st.throwInvalid(vm.ToValue(input))
		}
		st.throwInvalid(vm.ToValue(input), base)
	}
	o := vm.NewDynamicObject(&urlObj{c: comps})
	o.SetPrototype(call.This.Prototype())
	return o
}

// checkNew throws Node's TypeError when URL is called on an object that is no URL in the
// making (URL.call(obj, ...)); new URL and subclasses make this with URL.prototype in its chain.
func (st *objects) checkNew(this *goja.Object) {
	for p := this.Prototype(); p != nil; p = p.Prototype() {
		if p == st.urlProto {
			return
		}
	}
	panic(st.vm.NewTypeError("Class constructor URL cannot be invoked without 'new'"))
}

// newConstructor makes the URL constructor function.
func (st *objects) newConstructor() *goja.Object {
	vm := st.vm
	ctor := vm.ToValue(st.construct).(*goja.Object)
	modules.NameFunc(vm, ctor, "URL", 1)
	st.urlProto = ctor.Get("prototype").(*goja.Object)
	ctor.DefineDataProperty("prototype", st.urlProto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return ctor
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
func (st *objects) update(u *urlObj, field, value string) {
	if c, ok := updateComponents(u.c[cHref], field, value); ok {
		u.set(c)
	}
}

// newParams makes a URLSearchParams object with the given list and prototype.
func (st *objects) newParams(list []string, proto *goja.Object) (*goja.Object, *paramsObj) {
	p := &paramsObj{list: list}
	o := st.vm.NewDynamicObject(p)
	if proto != nil {
		o.SetPrototype(proto)
	}
	return o, p
}

func (st *objects) nativeFunc(name string, length int, f func(goja.FunctionCall) goja.Value) *goja.Object {
	return modules.Func(st.vm, name, length, f)
}

// install puts the Go accessors and methods on URL.prototype.
func (st *objects) install(proto *goja.Object) {
	vm := st.vm
	get := func(name string, i int) *goja.Object {
		return st.nativeFunc("get "+name, 0, func(c goja.FunctionCall) goja.Value {
			return st.value(st.this(c.This), i)
		})
	}
	setter := func(field string) *goja.Object {
		if field == "href" {
			return st.nativeFunc("set href", 1, func(c goja.FunctionCall) goja.Value {
				u := st.this(c.This)
				s := toUSV(vm, c.Argument(0))
				comps, ok := st.parseComponents(s, goja.Undefined())
				if !ok {
					st.throwInvalid(vm.ToValue(s))
				}
				u.set(comps)
				st.reparseParams(u)
				return goja.Undefined()
			})
		}
		return st.nativeFunc("set "+field, 1, func(c goja.FunctionCall) goja.Value {
			u := st.this(c.This)
			st.update(u, field, toUSV(vm, c.Argument(0)))
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
				u := st.this(c.This)
				if u.params == nil {
					u.obj, u.params = st.newParams(parseParams(strings.TrimPrefix(u.c[cSearch], "?")), st.paramsProto)
					u.params.url = u
				}
				return u.obj
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
	p := asParams(v)
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
	if p.url != nil {
		st.update(p.url, "search", serializeParams(p.list))
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
