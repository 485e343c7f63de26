package http

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// connSlotNames are the fields a server connection's state (connectionListener in http.js)
// gets. The state is a goja dynamic object over a connState, which keeps these in a Go array:
// as a plain object with fourteen and more fields it is a Go map past its first group (a
// 16-slot table, its property-name slice and the object itself: about 1.1 KB per
// connection), and a thousand idle keep-alive connections keep a thousand of them.
// (connLayout.Names is a slice literal, not a slice of an array: the linker lays it out, where
// slicing a package-level array is code run at every process start.)
var connSlotNames = []string{
	"incoming", "incomingMore", "req", "server", "socket", "parser", "handle", "fd", "consumed",
	"requestsCount", "reqStart", "idleAt", "keepAliveTimer", "keepAliveTimeoutSet", "lazyKeepAlive",
	"outgoing", "upgraded", "outgoingData",
}

// connSlots is len(connSlotNames) (TestConnSlots checks it).
const connSlots = 18

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
	case "outgoingData":
		return 17
	}
	return -1
}

// connState is a goja.DynamicObject: the slots hold the fields of connSlotNames (nil: not an
// own property, so a read finds the prototype's default), the embedded SlotObject any other
// property. Loop only.
type connState struct {
	modules.SlotObject
	slots [connSlots]goja.Value
	// requestsCount as fastRequest counts it (countSet): slot 9 is out of date until JS looks
	// at the state (syncCount boxes it then, once). goja boxes an integer above 255 on every
	// assignment, and a keep-alive connection counts each of its requests.
	count    int64
	countSet bool
	vm       *goja.Runtime
	// own remembers names the socket does not own (fastState.chains' bits).
	own modules.OwnMemo
}

// syncCount brings slot 9 (requestsCount) up to date with fastRequest's count.
func (c *connState) syncCount() {
	if c.countSet {
		c.slots[9] = c.vm.ToValue(c.count)
		c.countSet = false
	}
}

// requests is requestsCount as an integer (ok false: it is not one). Loop only.
func (c *connState) requests() (int64, bool) {
	if c.countSet {
		return c.count, true
	}
	v := c.slots[9]
	if v == nil || !goja.IsNumber(v) {
		return 0, false
	}
	i := v.ToInteger()
	if float64(i) != v.ToFloat() || i < 0 || i >= 1<<53 {
		return 0, false
	}
	return i, true
}

// setRequests is requestsCount = n, kept in Go until JS reads the state. Loop only.
func (c *connState) setRequests(n int64) { c.count, c.countSet = n, true }

// The goja.DynamicObject methods: SlotObject's, on a state whose count is up to date.

func (c *connState) Get(key string) goja.Value {
	c.syncCount()
	return c.SlotObject.Get(key)
}

func (c *connState) Set(key string, v goja.Value) bool {
	c.syncCount()
	return c.SlotObject.Set(key, v)
}

func (c *connState) Has(key string) bool {
	c.syncCount()
	return c.SlotObject.Has(key)
}

func (c *connState) Delete(key string) bool {
	c.syncCount()
	return c.SlotObject.Delete(key)
}

func (c *connState) Keys() []string {
	c.syncCount()
	return c.SlotObject.Keys()
}

var connLayout = modules.SlotLayout{Names: connSlotNames, Index: connSlot}

// bindConnState adds newConnState(proto): an empty connection state with prototype proto.
func bindConnState(vm *goja.Runtime, b *modules.LazyFuncs) {
	b.Set("newConnState", func(c goja.FunctionCall) goja.Value {
		cs := &connState{vm: vm}
		cs.SlotObject = modules.SlotObject{Layout: &connLayout, Slots: cs.slots[:]}
		return modules.NewSlotted(vm, cs, c.Argument(0))
	})
}
