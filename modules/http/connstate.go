package http

import "github.com/dop251/goja"

// connSlotNames are the fields a server connection's state (connectionListener in http.js)
// gets. The state is a goja dynamic object over a connState, which keeps these in a Go array:
// as a plain object with fourteen and more fields it is a Go map past its first group (a
// 16-slot table, its property-name slice and the object itself: about 1.1 KB per
// connection), and a thousand idle keep-alive connections keep a thousand of them.
var connSlotNames = [...]string{
	"incoming", "incomingMore", "req", "server", "socket", "parser", "handle", "fd", "consumed",
	"requestsCount", "reqStart", "idleAt", "keepAliveTimer", "keepAliveTimeoutSet", "lazyKeepAlive",
	"outgoing", "upgraded",
}

// connSlot is the index of key in connSlotNames, or -1.
func connSlot(key string) int {
	switch key {
	case "incoming":
		return 0
	case "incomingMore":
		return 1
	case "req":
		return 2
	case "server":
		return 3
	case "socket":
		return 4
	case "parser":
		return 5
	case "handle":
		return 6
	case "fd":
		return 7
	case "consumed":
		return 8
	case "requestsCount":
		return 9
	case "reqStart":
		return 10
	case "idleAt":
		return 11
	case "keepAliveTimer":
		return 12
	case "keepAliveTimeoutSet":
		return 13
	case "lazyKeepAlive":
		return 14
	case "outgoing":
		return 15
	case "upgraded":
		return 16
	}
	return -1
}

// connState is a goja.DynamicObject: the slots hold the fields of connSlotNames (nil: not an
// own property, so a read finds the prototype's default), props any other property. Loop only.
type connState struct {
	slots [len(connSlotNames)]goja.Value
	props map[string]goja.Value
	keys  []string // props' keys in insertion order
}

func (s *connState) Get(key string) goja.Value {
	if i := connSlot(key); i >= 0 {
		return s.slots[i]
	}
	return s.props[key]
}

func (s *connState) Set(key string, v goja.Value) bool {
	if v == nil {
		v = goja.Undefined()
	}
	if i := connSlot(key); i >= 0 {
		s.slots[i] = v
		return true
	}
	if s.props == nil {
		s.props = make(map[string]goja.Value)
	}
	if _, ok := s.props[key]; !ok {
		s.keys = append(s.keys, key)
	}
	s.props[key] = v
	return true
}

func (s *connState) Has(key string) bool {
	if i := connSlot(key); i >= 0 {
		return s.slots[i] != nil
	}
	_, ok := s.props[key]
	return ok
}

func (s *connState) Delete(key string) bool {
	if i := connSlot(key); i >= 0 {
		s.slots[i] = nil
		return true
	}
	if _, ok := s.props[key]; !ok {
		return true
	}
	delete(s.props, key)
	for i, k := range s.keys {
		if k == key {
			s.keys = append(s.keys[:i], s.keys[i+1:]...)
			break
		}
	}
	return true
}

func (s *connState) Keys() []string {
	keys := make([]string, 0, len(s.slots)+len(s.keys))
	for i, v := range s.slots {
		if v != nil {
			keys = append(keys, connSlotNames[i])
		}
	}
	return append(keys, s.keys...)
}

// bindConnState adds newConnState(proto): an empty connection state with prototype proto.
func bindConnState(vm *goja.Runtime, b *goja.Object) {
	b.Set("newConnState", func(c goja.FunctionCall) goja.Value {
		o := vm.NewDynamicObject(&connState{})
		if p, ok := c.Argument(0).(*goja.Object); ok {
			o.SetPrototype(p)
		}
		return o
	})
}
