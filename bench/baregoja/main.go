// Command baregoja runs a bench/js throughput script on goja alone: the floor the gojs runtime is
// measured against ("the runtime adds at most 10% over bare goja doing the same calls"). It gives
// the script only what the timers workloads use, each as cheap as a plain goja embedding makes it:
// console.log, process.hrtime.bigint, and process.nextTick, setTimeout, setImmediate as Go queues
// of callbacks called one by one from Go. The queues are drained inside one call into goja (a JS
// statement that calls the Go drain loop), so every callback is a nested Go-to-JS call: an
// outermost call costs goja much more (it drops its VM stack on the way out), and a runtime need
// not pay that per callback (gojs does not). Promise jobs then run when the drain returns; the
// timers workloads queue none while callbacks run. There is no event-loop order beyond that (no
// delays: setTimeout's callbacks run in FIFO order after the ticks), so use it only for
// throughput and memory, never for behaviour.
//
// Usage: go run ./bench/baregoja script.js (bench/compare -bare runs it beside node and gojs).
package main

import (
	"fmt"
	"math/big"
	"os"
	"strings"
	"time"

	"github.com/dop251/goja"
)

type entry struct {
	fn   goja.Callable
	this goja.Value
	args []goja.Value
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: baregoja script.js")
		os.Exit(2)
	}
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	start := time.Now()
	vm := goja.New()
	var ticks, timers, imms []entry
	queue := func(q *[]entry, skip int, ret func(fn goja.Value) goja.Value) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			fn, ok := goja.AssertFunction(call.Argument(0))
			if !ok {
				panic(vm.NewTypeError("callback is not a function"))
			}
			var args []goja.Value
			if len(call.Arguments) > skip {
				args = append(args, call.Arguments[skip:]...)
			}
			e := entry{fn: fn, this: goja.Undefined(), args: args}
			r := goja.Undefined()
			if ret != nil {
				r = ret(call.Argument(0))
				e.this = r
			}
			*q = append(*q, e)
			return r
		}
	}
	// setTimeout and setImmediate return an object, as a timer handle must be one.
	obj := func(goja.Value) goja.Value { return vm.NewObject() }
	vm.Set("setTimeout", queue(&timers, 2, obj))
	vm.Set("setImmediate", queue(&imms, 1, obj))
	process := vm.NewObject()
	process.Set("nextTick", queue(&ticks, 1, nil))
	hr := vm.ToValue(func() goja.Value { return goja.Undefined() }).(*goja.Object)
	hr.Set("bigint", func() *big.Int { return big.NewInt(int64(time.Since(start))) })
	process.Set("hrtime", hr)
	vm.Set("process", process)
	console := vm.NewObject()
	console.Set("log", func(call goja.FunctionCall) goja.Value {
		parts := make([]string, len(call.Arguments))
		for i, a := range call.Arguments {
			parts[i] = a.String()
		}
		fmt.Println(strings.Join(parts, " "))
		return goja.Undefined()
	})
	vm.Set("console", console)
	if _, err := vm.RunScript(os.Args[1], string(src)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	call := func(e entry) {
		if _, err := e.fn(e.this, e.args...); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	// Ticks first, then one timer or immediate at a time, each followed by the ticks it queued.
	var spare []entry
	drain := func() {
		for len(ticks) > 0 {
			batch := ticks
			ticks = spare[:0]
			for k := range batch {
				e := batch[k]
				batch[k] = entry{}
				call(e)
			}
			spare = batch[:0]
		}
	}
	loop := func(goja.FunctionCall) goja.Value {
		for {
			drain()
			var batch []entry
			switch {
			case len(timers) > 0:
				batch, timers = timers, nil
			case len(imms) > 0:
				batch, imms = imms, nil
			default:
				return goja.Undefined()
			}
			for k := range batch {
				e := batch[k]
				batch[k] = entry{}
				call(e)
				drain()
			}
		}
	}
	vm.Set("__drain", loop)
	if _, err := vm.RunString("__drain()"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
