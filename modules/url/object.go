package url

import (
	"reflect"
	"strings"

	"github.com/dop251/goja"
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
	params *goja.Object      // the URLSearchParams, once searchParams was read
}

func (u *urlObj) set(c [nComp]string) {
	u.c = c
	u.v = [nComp]goja.Value{}
}

// paramsObj is one URLSearchParams instance; its state ({list, url}) is a JS object the glue
// works on.
type paramsObj struct {
	expando
	state *goja.Object
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
	invalidURL  goja.Callable // (input[, base]) -> the ERR_INVALID_URL error
}

// parseComponents parses input against base (undefined for none).
func (st *objects) parseComponents(input string, base goja.Value) ([nComp]string, bool) {
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

func (st *objects) throwInvalid(args ...goja.Value) {
	err, e := st.invalidURL(goja.Undefined(), args...)
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

// newURL(input, base, proto) returns a URL object, or null when input does not parse.
func (st *objects) newURL(c goja.FunctionCall) goja.Value {
	input, base := c.Argument(0).String(), c.Argument(1)
	comps, ok := st.parseComponents(input, base)
	if !ok {
		return goja.Null()
	}
	u := &urlObj{c: comps}
	o := st.vm.NewDynamicObject(u)
	if proto, ok := c.Argument(2).(*goja.Object); ok {
		o.SetPrototype(proto)
	}
	return o
}

// reparseParams refreshes the list of u's URLSearchParams from its query.
func (st *objects) reparseParams(u *urlObj) {
	if u.params == nil {
		return
	}
	if p := asParams(u.params); p != nil {
		p.state.Set("list", st.list(parseParams(strings.TrimPrefix(u.c[cSearch], "?"))))
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

// newParams makes a URLSearchParams object with the given state and prototype.
func (st *objects) newParams(state, proto *goja.Object) *goja.Object {
	o := st.vm.NewDynamicObject(&paramsObj{state: state})
	if proto != nil {
		o.SetPrototype(proto)
	}
	return o
}

func (st *objects) nativeFunc(name string, length int, f func(goja.FunctionCall) goja.Value) *goja.Object {
	fn := st.vm.ToValue(f).(*goja.Object)
	fn.DefineDataProperty("name", st.vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	fn.DefineDataProperty("length", st.vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	return fn
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
					state := vm.NewObject()
					state.Set("list", st.list(parseParams(strings.TrimPrefix(u.c[cSearch], "?"))))
					state.Set("url", c.This)
					u.params = st.newParams(state, st.paramsProto)
				}
				return u.params
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
