package timers

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// ownProps are the properties JS gave a Timeout or Immediate beyond node's fields, kept in the
// order they were added, as an ordinary object keeps its keys, and its symbol-keyed ones (goja's
// dynamic objects hold none of their own: symbolStore brings them here). A nil *ownProps is
// empty.
type ownProps struct {
	vals map[string]goja.Value
	keys []string // vals' keys in the order they were added
	syms []symProp
}

type symProp struct {
	sym *goja.Symbol
	v   goja.Value
}

func (p *ownProps) get(k string) (goja.Value, bool) {
	if p == nil {
		return nil, false
	}
	v, ok := p.vals[k]
	return v, ok
}

// set sets k on *pp, making it if need be.
func setProp(pp **ownProps, k string, v goja.Value) {
	p := *pp
	if p == nil {
		p = new(ownProps)
		*pp = p
	}
	if p.vals == nil {
		p.vals = make(map[string]goja.Value)
	}
	if _, ok := p.vals[k]; !ok {
		p.keys = append(p.keys, k)
	}
	p.vals[k] = v
}

func (p *ownProps) del(k string) {
	if p == nil {
		return
	}
	if _, ok := p.vals[k]; !ok {
		return
	}
	delete(p.vals, k)
	for i, key := range p.keys {
		if key == k {
			p.keys = append(p.keys[:i], p.keys[i+1:]...)
			break
		}
	}
}

// list is the keys in the order they were added, less those skip says node's fields list.
func (p *ownProps) list(skip func(string) bool) []string {
	if p == nil {
		return nil
	}
	out := make([]string, 0, len(p.keys))
	for _, k := range p.keys {
		if !skip(k) {
			out = append(out, k)
		}
	}
	return out
}

func (p *ownProps) getSym(s *goja.Symbol) (goja.Value, bool) {
	if p == nil {
		return nil, false
	}
	for _, e := range p.syms {
		if e.sym == s {
			return e.v, true
		}
	}
	return nil, false
}

func setSymProp(pp **ownProps, s *goja.Symbol, v goja.Value) {
	p := *pp
	if p == nil {
		p = new(ownProps)
		*pp = p
	}
	for i := range p.syms {
		if p.syms[i].sym == s {
			p.syms[i].v = v
			return
		}
	}
	p.syms = append(p.syms, symProp{s, v})
}

// symbolStore is the object between Timeout.prototype (and Immediate.prototype) and
// Object.prototype that keeps the symbol-keyed properties JS sets on a Timeout or Immediate:
// goja's dynamic objects refuse symbols of their own (a TypeError in strict code, dropped in
// sloppy code), and a set they refuse is first offered to their prototype chain with the object
// as the receiver. So tagging a timer, as async context libraries tag
// async_hooks.executionAsyncResource(), works: the value is read back through the same chain.
// (Such a symbol is not listed by Object.getOwnPropertySymbols, and 'in' does not see it.)
func (s *state) symbolStore(vm *goja.Runtime) *goja.Object {
	target := vm.NewObject()
	p := vm.NewProxy(target, &goja.ProxyTrapConfig{
		GetSym: func(target *goja.Object, sym *goja.Symbol, receiver goja.Value) goja.Value {
			if pp := s.propsOf(receiver, false); pp != nil {
				if v, ok := (*pp).getSym(sym); ok {
					return v
				}
			}
			return target.GetSymbol(sym)
		},
		SetSym: func(target *goja.Object, sym *goja.Symbol, value goja.Value, receiver goja.Value) bool {
			if pp := s.propsOf(receiver, true); pp != nil {
				setSymProp(pp, sym, value)
				return true
			}
			if o, ok := receiver.(*goja.Object); ok {
				return o.DefineDataPropertySymbol(sym, value, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE) == nil
			}
			return false
		},
	})
	return vm.ToValue(p).(*goja.Object)
}

// propsOf is where the Timeout or Immediate v keeps what JS gave it, nil if v is neither (or,
// unless create, a Timeout that has no room for it yet).
func (s *state) propsOf(v goja.Value, create bool) **ownProps {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	switch x := modules.ExportCheap(o).(type) {
	case *timeout:
		if x.s == s && (create || x.more != nil) {
			return &x.extras().extra
		}
	case *immediate:
		if x.s == s {
			return &x.extra
		}
	}
	return nil
}
