package fs

import (
	"math"
	"math/big"
	"slices"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/sys/unix"
)

var (
	statsKeys = []string{"dev", "mode", "nlink", "uid", "gid", "rdev", "blksize", "ino", "size",
		"blocks", "atimeMs", "mtimeMs", "ctimeMs", "birthtimeMs", "atime", "mtime", "ctime", "birthtime"}
	bigStatsKeys = []string{"dev", "mode", "nlink", "uid", "gid", "rdev", "blksize", "ino", "size",
		"blocks", "atimeMs", "mtimeMs", "ctimeMs", "birthtimeMs", "atimeNs", "mtimeNs", "ctimeNs",
		"birthtimeNs", "atime", "mtime", "ctime", "birthtime"}
	statsIndex    = modules.Lazy[map[string]int]{Build: func() map[string]int { return indexOf(statsKeys) }}
	bigStatsIndex = modules.Lazy[map[string]int]{Build: func() map[string]int { return indexOf(bigStatsKeys) }}
)

func indexOf(keys []string) map[string]int {
	m := make(map[string]int, len(keys))
	for i, k := range keys {
		m[k] = i
	}
	return m
}

// statsObject backs a Stats or BigIntStats object. Building 18 real properties per stat call
// costs goja more than the system call, so the object is a goja dynamic object: the values are
// converted on first read and cached, and the object behaves like Node's (own enumerable
// properties in Node's order, writable, deletable, extensible with new properties). What a
// dynamic object cannot do: own symbol properties, Object.freeze/seal/preventExtensions.
type statsObject struct {
	s      *state
	big    bool
	raw    [10]int64
	times  [4]unix.StatxTimestamp
	vals   []goja.Value // cached, nil until read; a set slot holds the user's value
	gone   []bool       // deleted fixed properties
	extra  map[string]goja.Value
	extraK []string
}

func (o *statsObject) keys() []string {
	if o.big {
		return bigStatsKeys
	}
	return statsKeys
}

func (o *statsObject) index(key string) (int, bool) {
	var i int
	var ok bool
	if o.big {
		i, ok = bigStatsIndex.Get()[key]
	} else {
		i, ok = statsIndex.Get()[key]
	}
	if ok && o.gone != nil && o.gone[i] {
		return i, false
	}
	return i, ok
}

func (o *statsObject) ms(i int) float64 {
	t := o.times[i]
	return float64(t.Sec)*1e3 + float64(t.Nsec)/1e6
}

// maxNsSec is the largest number of seconds whose nanoseconds fit in an int64.
const maxNsSec = int64(math.MaxInt64/1000000000 - 1)

func (o *statsObject) ns(i int) int64 {
	t := o.times[i]
	return t.Sec*1e9 + int64(t.Nsec)
}

func (o *statsObject) compute(i int) goja.Value {
	vm := o.s.vm
	if i < 10 {
		if o.big {
			return bigint(vm, o.raw[i])
		}
		return vm.ToValue(o.raw[i])
	}
	if o.big {
		if t := o.times[(i-10)%4]; t.Sec > maxNsSec || t.Sec < -maxNsSec {
			// nanoseconds past int64 (a time beyond the year 2262): node's BigInt arithmetic
			ns := new(big.Int).Mul(big.NewInt(t.Sec), big.NewInt(1e9))
			ns.Add(ns, big.NewInt(int64(t.Nsec)))
			switch {
			case i < 14:
				return vm.ToValue(ns.Quo(ns, big.NewInt(1e6)))
			case i < 18:
				return vm.ToValue(ns)
			default:
				f, _ := new(big.Float).SetInt(ns.Quo(ns, big.NewInt(1e6))).Float64()
				return o.s.date(f)
			}
		}
		switch {
		case i < 14:
			return bigint(vm, o.ns(i-10)/1e6)
		case i < 18:
			return bigint(vm, o.ns(i-14))
		default:
			return o.s.date(float64(o.ns(i-18) / 1e6))
		}
	}
	if i < 14 {
		return vm.ToValue(o.ms(i - 10))
	}
	return o.s.date(o.ms(i - 14))
}

func (o *statsObject) Get(key string) goja.Value {
	if i, ok := o.index(key); ok {
		if o.vals != nil && o.vals[i] != nil {
			return o.vals[i]
		}
		if i < len(o.keys())-4 {
			// A number or bigint: no identity to keep, so computed on every read and cached
			// only once the script sets it.
			return o.compute(i)
		}
		// A Date: the same object on every read.
		if o.vals == nil {
			o.vals = make([]goja.Value, len(o.keys()))
		}
		o.vals[i] = o.compute(i)
		return o.vals[i]
	}
	if o.extra != nil {
		if v, ok := o.extra[key]; ok {
			return v
		}
	}
	return nil
}

func (o *statsObject) Set(key string, val goja.Value) bool {
	if i, ok := o.index(key); ok {
		if o.vals == nil {
			o.vals = make([]goja.Value, len(o.keys()))
		}
		o.vals[i] = val
		return true
	}
	if i, fixed := o.indexAny(key); fixed {
		// A deleted fixed property comes back, after the extra ones, like a new property.
		o.gone[i] = false
		if o.vals == nil {
			o.vals = make([]goja.Value, len(o.keys()))
		}
		o.vals[i] = val
		o.extraK = append(o.extraK, key)
		return true
	}
	if o.extra == nil {
		o.extra = make(map[string]goja.Value)
	}
	if _, ok := o.extra[key]; !ok {
		o.extraK = append(o.extraK, key)
	}
	o.extra[key] = val
	return true
}

func (o *statsObject) indexAny(key string) (int, bool) {
	if o.big {
		i, ok := bigStatsIndex.Get()[key]
		return i, ok
	}
	i, ok := statsIndex.Get()[key]
	return i, ok
}

func (o *statsObject) Has(key string) bool {
	if _, ok := o.index(key); ok {
		return true
	}
	_, ok := o.extra[key]
	return ok
}

func (o *statsObject) Delete(key string) bool {
	if i, ok := o.index(key); ok {
		if o.gone == nil {
			o.gone = make([]bool, len(o.keys()))
		}
		o.gone[i] = true
		if o.vals != nil {
			o.vals[i] = nil
		}
		o.extraK = slices.DeleteFunc(o.extraK, func(k string) bool { return k == key })
		return true
	}
	if _, ok := o.extra[key]; ok {
		delete(o.extra, key)
		o.extraK = slices.DeleteFunc(o.extraK, func(k string) bool { return k == key })
	}
	return true
}

func (o *statsObject) Keys() []string {
	keys := o.keys()
	out := make([]string, 0, len(keys)+len(o.extraK))
	for i, k := range keys {
		if o.gone != nil && o.gone[i] {
			continue
		}
		if o.gone != nil && slices.Contains(o.extraK, k) {
			continue // re-added after a delete: listed in insertion order below
		}
		out = append(out, k)
	}
	return append(out, o.extraK...)
}

// stats builds a Stats (or BigIntStats) object for st on the glue's prototypes.
func (s *state) stats(st *unix.Statx_t, big bool) goja.Value {
	o := &statsObject{s: s, big: big,
		raw: [10]int64{
			int64(unix.Mkdev(st.Dev_major, st.Dev_minor)), int64(st.Mode), int64(st.Nlink),
			int64(st.Uid), int64(st.Gid), int64(unix.Mkdev(st.Rdev_major, st.Rdev_minor)),
			int64(st.Blksize), int64(st.Ino), int64(st.Size), int64(st.Blocks),
		},
		times: [4]unix.StatxTimestamp{st.Atime, st.Mtime, st.Ctime, st.Btime},
	}
	obj := s.vm.NewDynamicObject(o)
	if big {
		obj.SetPrototype(s.bigStatsProto)
	} else {
		obj.SetPrototype(s.statsProto)
	}
	return obj
}

// date is new Date(Math.round(ms)).
func (s *state) date(ms float64) goja.Value {
	d, err := s.vm.New(s.dateCtor, s.vm.ToValue(math.Round(ms)))
	if err != nil {
		panic(err)
	}
	return d
}
