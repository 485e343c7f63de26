package runtime

import (
	"math"
	"strconv"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// A local time that a daylight-saving change skips (02:30 on a spring-forward night, in a "gap")
// is read by V8, as the spec says, with the offset in force before the change: new Date(2024, 2,
// 10, 2, 30) in Los Angeles is 03:30 PDT. goja reads local times with Go's time.Date, which
// takes the offset after the change and gives 01:30 PST. installDateGap corrects every way a
// script turns local fields into a time: the Date constructor with two or more arguments,
// Date.parse and new Date(string) of a form without a zone, and the local setters (setHours,
// setDate...). It is installed only when the process's zone has daylight-saving changes at all
// (UTC, the usual zone of servers and CI, never does), before the first script that names Date;
// Date.parse is V8's (dateparse.go) in every zone.

// localHasDST reports whether the local zone's offset differs between January and July of
// some year from 1970 to 2040: whether it can have a gap at all.
var localHasDST = sync.OnceValue(func() bool {
	for y := 1970; y <= 2040; y++ {
		_, jan := time.Date(y, time.January, 1, 0, 0, 0, 0, time.Local).Zone()
		_, jul := time.Date(y, time.July, 1, 0, 0, 0, 0, time.Local).Zone()
		if jan != jul {
			return true
		}
	}
	return false
})

// offsetAt is the local zone's offset, in seconds, at unix second s.
func offsetAt(s int64) int64 {
	_, off := time.Unix(s, 0).In(time.Local).Zone()
	return int64(off)
}

// localToUTC is the spec's UTC(l): the time value (ms) whose local time is l (ms). A local time
// that occurs twice gives the earlier instant; one that a change skips is read with the offset
// before the change.
func localToUTC(l float64) float64 {
	if math.IsNaN(l) || math.IsInf(l, 0) || math.Abs(l) > 8.64e15+8.64e7 {
		return math.NaN()
	}
	ms := int64(l)
	sec := ms / 1000
	if ms%1000 < 0 {
		sec--
	}
	rest := ms - sec*1000
	best, found := int64(0), false
	// the offsets that could apply: those a day either side (one change at most between them)
	before, after := offsetAt(sec-86400), offsetAt(sec+86400)
	for _, off := range [...]int64{before, after} {
		if u := sec - off; offsetAt(u) == off && (!found || u < best) {
			best, found = u, true
		}
	}
	if !found {
		best = sec - before // a gap
	}
	return float64(best*1000 + rest)
}

// goLocalToUTC is what goja makes of local time l: Go's time.Date in the local zone.
func goLocalToUTC(l float64) float64 {
	if math.IsNaN(l) || math.IsInf(l, 0) {
		return math.NaN()
	}
	t := time.UnixMilli(int64(l)).UTC()
	return float64(time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.Local).UnixMilli())
}

// fixedLocal is the time value local time l should have given where goja gave got, and whether
// it differs (only in a gap).
func fixedLocal(l, got float64) (float64, bool) {
	if math.IsNaN(l) || math.IsNaN(got) || got != goLocalToUTC(l) {
		return got, false
	}
	want := localToUTC(l)
	if math.IsNaN(want) || want == got || math.Abs(want) > 8.64e15 {
		return got, false
	}
	return want, true
}

// installDateGap puts V8's date parser (parseDate) in place of goja's for Date.parse in every
// zone, and, where the zone has daylight-saving changes, the corrections (see above) with the
// parser for new Date(string) too. (In a zone without changes the constructor stays goja's:
// the JS constructor costs every new Date() about 6,000 instructions, twice what goja's takes,
// so there new Date(string) still reads the string as goja does.) Loop only.
func (rt *Runtime) installDateGap() {
	rt.dateGapFixed = true
	vm := rt.vm
	g := vm.GlobalObject()
	native, ok := g.Get("Date").(*goja.Object)
	if !ok {
		return
	}
	parse := modules.Func(vm, "parse", 1, func(fc goja.FunctionCall) goja.Value {
		a := fc.Argument(0)
		if _, ok := a.(*goja.Symbol); ok {
			panic(vm.NewTypeError("Cannot convert a Symbol value to a string"))
		}
		return vm.ToValue(parseDate(a.String()))
	})
	_ = native.DefineDataProperty("parse", parse, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	// (without daylight saving time there is no gap to correct, but new Date(string) still
	// reads the string as Date.parse does: goja's constructor reads it with its own parser)
	dst := localHasDST()
	construct, ok := goja.AssertConstructor(native)
	proto, ok3 := native.Get("prototype").(*goja.Object)
	utcFn, ok4 := goja.AssertFunction(native.Get("UTC"))
	if !ok || !ok3 || !ok4 {
		return
	}
	// fix constructs goja's Date for new.target nt from two or more local fields (args), with
	// the time corrected where goja read them in a gap.
	fix := modules.Func(vm, "Date", 2, func(fc goja.FunctionCall) goja.Value {
		nt, _ := fc.Argument(0).(*goja.Object)
		if nt == nil {
			nt = native
		}
		var args []goja.Value
		if list, ok := fc.Argument(1).(*goja.Object); ok {
			args = make([]goja.Value, list.Get("length").ToInteger())
			for i := range args {
				args[i] = list.Get(strconv.Itoa(i))
			}
		}
		// ToNumber of each argument once, in order, then the local time they name
		for i, a := range args {
			args[i] = vm.ToValue(a.ToFloat())
		}
		o, err := construct(nt, args...)
		if err != nil {
			panic(err)
		}
		l := callThrowing(utcFn, goja.Undefined(), args...).ToFloat()
		if want, ok := fixedLocal(l, timeValueOf(o)); ok {
			if o, err = construct(nt, vm.ToValue(want)); err != nil {
				panic(err)
			}
		}
		return o
	})
	// The constructor is a function made in JS (a Go function cannot be both a constructor and
	// a call that returns a string), bound so that it prints as native code.
	var fixer goja.Value = fix
	if !dst {
		fixer = goja.Null()
	}
	made, ok := runFactory(vm, dateGapProgram(), native, fixer, parse)
	ctor, _ := made.(*goja.Object)
	if !ok || ctor == nil {
		return
	}
	// (in V8's order: length, name, prototype, now, parse, UTC)
	_ = ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	_ = ctor.SetPrototype(native.Prototype())
	for _, k := range []string{"now", "parse", "UTC"} {
		_ = ctor.DefineDataProperty(k, native.Get(k), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	_ = proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = g.DefineDataProperty("Date", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if dst {
		rt.installDateGapSetters(proto)
	}
}

// timeValueOf is the time value of Date o.
func timeValueOf(o *goja.Object) float64 {
	if t, ok := modules.ExportAs[time.Time](o); ok {
		return float64(t.UnixMilli())
	}
	return math.NaN()
}

// dateSetters are the local setters: which of the local fields (year, month, date, hours,
// minutes, seconds, ms) their arguments give, from the first.
var dateSetters = [...]struct {
	name  string
	first int
	n     int
}{
	{"setMilliseconds", 6, 1}, {"setSeconds", 5, 2}, {"setMinutes", 4, 3}, {"setHours", 3, 4},
	{"setDate", 2, 1}, {"setMonth", 1, 2}, {"setFullYear", 0, 3},
}

// installDateGapSetters wraps the local setters of Date.prototype proto: each runs goja's, then
// sets the time the local fields it was given name when goja read them in a gap.
func (rt *Runtime) installDateGapSetters(proto *goja.Object) {
	vm := rt.vm
	setTime, ok := goja.AssertFunction(proto.Get("setTime"))
	if !ok {
		return
	}
	for _, st := range dateSetters {
		orig, ok := goja.AssertFunction(proto.Get(st.name))
		if !ok {
			continue
		}
		st := st
		fn := modules.Func(vm, st.name, st.n, func(fc goja.FunctionCall) goja.Value {
			o, _ := fc.This.(*goja.Object)
			if o == nil || o.ClassName() != "Date" {
				return callThrowing(orig, fc.This, fc.Arguments...)
			}
			t := timeValueOf(o)
			n := min(len(fc.Arguments), st.n)
			args := make([]goja.Value, n)
			for i := range args {
				args[i] = vm.ToValue(fc.Arguments[i].ToFloat())
			}
			if n == 0 {
				return callThrowing(orig, fc.This)
			}
			r := callThrowing(orig, fc.This, args...)
			got := r.ToFloat()
			if math.IsNaN(got) {
				return r
			}
			// the local fields of the time before, the given ones in place of theirs
			var f [7]float64
			if math.IsNaN(t) { // (setFullYear of an invalid date starts from +0)
				t = 0
			} else {
				t += float64(offsetAt(int64(math.Floor(t/1000))) * 1000)
			}
			lt := time.UnixMilli(int64(t)).UTC()
			f = [7]float64{float64(lt.Year()), float64(lt.Month() - 1), float64(lt.Day()), float64(lt.Hour()),
				float64(lt.Minute()), float64(lt.Second()), float64(lt.Nanosecond() / 1e6)}
			for i, a := range args {
				f[st.first+i] = a.ToFloat()
			}
			if want, ok := fixedLocal(makeDate(f), got); ok {
				return callThrowing(setTime, fc.This, vm.ToValue(want))
			}
			return r
		})
		_ = proto.DefineDataProperty(st.name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// makeDate is the spec's MakeDate(MakeDay(year, month, date), MakeTime(h, min, s, ms)) of
// fields f: a time value read as UTC (NaN when a field is not finite).
func makeDate(f [7]float64) float64 {
	for i := range f {
		if math.IsNaN(f[i]) || math.IsInf(f[i], 0) {
			return math.NaN()
		}
		f[i] = math.Trunc(f[i])
	}
	y := f[0] + math.Floor(f[1]/12)
	m := math.Mod(f[1], 12)
	if m < 0 {
		m += 12
	}
	if math.Abs(y) > 400000 {
		return math.NaN()
	}
	day := float64(time.Date(int(y), time.Month(m)+1, 1, 0, 0, 0, 0, time.UTC).Unix()/86400) + f[2] - 1
	return day*864e5 + f[3]*36e5 + f[4]*6e4 + f[5]*1e3 + f[6]
}

// dateGapJS makes the Date constructor of installDateGap from goja's (NativeDate), the Go
// function that constructs one from local fields (fix(newTarget, args)) and V8's parser
// (parse); fix is null in a zone without daylight saving time. A call, Date(), gives goja's string of now; new Date() and new Date(number), the
// most made, go to goja's constructor directly (a rest parameter: arguments costs more).
const dateGapJS = `(function (NativeDate, fix, parse) {
  const construct = Reflect.construct;
  const Date = function Date(...args) {
    const nt = new.target;
    if (nt === undefined) return NativeDate();
    switch (args.length) {
      case 0:
        return nt === Date ? new NativeDate() : construct(NativeDate, args, nt);
      case 1: {
        let a = args[0];
        if (typeof a === 'string') a = parse(a);
        return nt === Date ? new NativeDate(a) : construct(NativeDate, [a], nt);
      }
    }
    return fix === null ? construct(NativeDate, args, nt) : fix(nt, args);
  };
  Date.prototype = NativeDate.prototype;
  const bound = Date.bind();
  Object.defineProperty(bound, 'length', { __proto__: null, value: 7, configurable: true });
  Object.defineProperty(bound, 'name', { __proto__: null, value: 'Date', configurable: true });
  return bound;
})`

var dateGapProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("dategap.js", dateGapJS, true)
})
