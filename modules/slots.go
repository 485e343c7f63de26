package modules

import "github.com/dop251/goja"

// SlotLayout names the fixed fields of a SlotObject: Names[i] is the key of slot i (slots come
// first among the object's keys, in this order) and Index returns the slot of a key, or -1.
type SlotLayout struct {
	Names []string
	Index func(key string) int
}

// SlotObject is a goja.DynamicObject (made with vm.NewDynamicObject) for objects the Go side of a
// module reads and writes on hot paths: the fields of its layout live in Slots, which the owner
// points at an array of its own and indexes directly, with no property lookup; a nil slot is not
// an own property (a read then finds the prototype's value). Any other string key is kept in
// insertion order beside them. Symbol keys and accessors are refused, as for every dynamic
// object. The owner embeds it. Loop only.
type SlotObject struct {
	Layout *SlotLayout
	Slots  []goja.Value
	props  map[string]goja.Value
	keys   []string // props' keys in insertion order
}

func (o *SlotObject) Get(key string) goja.Value {
	if i := o.Layout.Index(key); i >= 0 {
		return o.Slots[i]
	}
	return o.props[key]
}

func (o *SlotObject) Set(key string, v goja.Value) bool {
	if v == nil {
		v = goja.Undefined()
	}
	if i := o.Layout.Index(key); i >= 0 {
		o.Slots[i] = v
		return true
	}
	if o.props == nil {
		o.props = make(map[string]goja.Value)
	}
	if _, ok := o.props[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.props[key] = v
	return true
}

func (o *SlotObject) Has(key string) bool {
	if i := o.Layout.Index(key); i >= 0 {
		return o.Slots[i] != nil
	}
	_, ok := o.props[key]
	return ok
}

func (o *SlotObject) Delete(key string) bool {
	if i := o.Layout.Index(key); i >= 0 {
		o.Slots[i] = nil
		return true
	}
	if _, ok := o.props[key]; !ok {
		return true
	}
	delete(o.props, key)
	for i, k := range o.keys {
		if k == key {
			o.keys = append(o.keys[:i], o.keys[i+1:]...)
			break
		}
	}
	return true
}

func (o *SlotObject) Keys() []string {
	keys := make([]string, 0, len(o.Slots)+len(o.keys))
	for i, v := range o.Slots {
		if v != nil {
			keys = append(keys, o.Layout.Names[i])
		}
	}
	return append(keys, o.keys...)
}

// NewSlotted makes the object of d (an owner embedding SlotObject, whose Layout and Slots are set)
// with prototype proto when proto is an object: the newXState(proto) bindings of the modules.
func NewSlotted(vm *goja.Runtime, d goja.DynamicObject, proto goja.Value) *goja.Object {
	o := vm.NewDynamicObject(d)
	if p, ok := proto.(*goja.Object); ok {
		o.SetPrototype(p)
	}
	return o
}
