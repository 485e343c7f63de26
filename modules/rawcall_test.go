package modules

import (
	"errors"
	"testing"

	"github.com/dop251/goja"
)

// CallRaw gives what goja.AssertFunction's Callable gives, result and error alike, for every
// kind of function RawOf takes, and leaves the VM where a later call and the caller's JS run on
// correctly: a throw caught by the caller's try/catch, a value thrown from Go, nested calls.
func TestCallRawAsCallable(t *testing.T) {
	vm := goja.New()
	var mode string
	call := func(c goja.FunctionCall) goja.Value {
		fn := c.Argument(0).(*goja.Object)
		args := c.Arguments[1:]
		var ret goja.Value
		var err error
		if mode == "raw" {
			f, ok := RawOf(fn)
			if !ok {
				panic(vm.NewTypeError("not raw"))
			}
			ret, err = CallRaw(vm, fn, f, c.This, args)
		} else {
			f, _ := goja.AssertFunction(fn)
			ret, err = f(c.This, args...)
		}
		if err != nil {
			var ie *goja.InterruptedError
			if errors.As(err, &ie) {
				return vm.ToValue("interrupted: " + ie.Value().(string))
			}
			panic(err)
		}
		return ret
	}
	_ = vm.Set("call", call)
	_ = vm.Set("native", func(c goja.FunctionCall) goja.Value {
		switch c.Argument(0).String() {
		case "type":
			panic(vm.NewTypeError("from Go"))
		case "value":
			panic(vm.ToValue(7))
		}
		return vm.ToValue(len(c.Arguments))
	})
	src := `(() => {
	const out = [];
	const o = { m(a) { return [this === o, a] }, t() { throw new RangeError('m') } };
	const cases = [
		function (a, b) { return a + b },
		(a) => { throw new Error('arrow ' + a) },
		function () { return this === o },
		function () { null.x },
		function () { throw 'str' },
		() => call(() => { throw new TypeError('nested') }),
		o.m, o.t,
	];
	for (const c of cases) {
		try { out.push(JSON.stringify(call.call(o, c, 1, 2))); }
		catch (e) { out.push('threw ' + (e instanceof Error ? e.constructor.name + ' ' + e.message : e)); }
	}
	for (const k of ['plain', 'type', 'value']) {
		try { out.push(call(native, k)); } catch (e) { out.push('threw ' + (e instanceof Error ? e.message : e)); }
	}
	let sum = 0;
	for (let i = 0; i < 3; i++) { try { call(() => { throw i }) } catch (e) { sum += e } finally { sum += 10 } }
	out.push(sum);
	return out.join('|');
	})()`
	var want string
	for _, m := range []string{"wrapped", "raw"} {
		mode = m
		v, err := vm.RunString(src)
		if err != nil {
			t.Fatalf("%s: %v", m, err)
		}
		if m == "wrapped" {
			want = v.String()
			continue
		}
		if v.String() != want {
			t.Errorf("raw calls:\n%s\nthe Callable's:\n%s", v, want)
		}
	}
	if want == "" || want == "undefined" {
		t.Fatal("no result")
	}
}

// RawOf takes plain functions, arrows, methods and Go functions, and nothing whose call does more.
func TestRawOfKinds(t *testing.T) {
	vm := goja.New()
	v, err := vm.RunString(`[function () {}, () => {}, ({ m() {} }).m, async function () {}, async () => {},
		function* () {}, class {}, (function () {}).bind(null), new Proxy(function () {}, {}), {}]`)
	if err != nil {
		t.Fatal(err)
	}
	arr := v.(*goja.Object)
	want := []bool{true, true, true, false, false, false, false, false, false, false}
	for i, w := range want {
		o := arr.Get(string(rune('0' + i))).(*goja.Object)
		if _, ok := RawOf(o); ok != w {
			t.Errorf("RawOf(%s) = %v, want %v", o, ok, w)
		}
	}
	if _, ok := RawOf(vm.ToValue(func(goja.FunctionCall) goja.Value { return nil }).(*goja.Object)); !ok {
		t.Error("RawOf(a Go function) = false")
	}
}
