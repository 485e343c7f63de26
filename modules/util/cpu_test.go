package util

import (
	"os"
	"syscall"
	"testing"
	"time"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestCPUInspect reports CPU time per util.inspect call (set UTILCPU=1); wall time is useless on
// a shared machine.
func TestCPUInspect(t *testing.T) {
	if os.Getenv("UTILCPU") == "" {
		t.Skip("set UTILCPU=1")
	}
	for _, c := range []struct {
		name, setup string
		n           int
	}{
		{"small", "var o = { a: 1, b: 'two', c: [1, 2, 3], d: { e: null } };", 2000},
		{"1000keys", `var o = {}; for (let i = 0; i < 1000; i++) { o['key' + i] = { id: i, name: 'item ' + i, tags: ['a', 'b', i], nested: { deep: { deeper: i } } }; }`, 5},
		{"small20k", "var o = { a: 1, b: 'two', c: [1, 2, 3], d: { e: null } };", 20000},
		{"num", "var o = 1;", 5000},
		{"arr6", "var o = [1, 2, 3, 4, 5, 6];", 5000},
		{"arr1", "var o = [1];", 5000},
		{"arr0", "var o = [];", 5000},
		{"obj1", "var o = {a: 1};", 5000},
		{"obj6", "var o = {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6};", 5000},
		{"obj18", "var o = 1; util = {inspect: function () { return {a:1,b:2,c:3,d:4,e:5,f:6,g:7,h:8,i:9,j:10,k:11,l:12,m:13,n:14,o:15,p:16,q:17,r:{}}; }};", 5000},
		{"noop", "var o = 1; util = {inspect: function () { return 1; }};", 5000},
		{"str", "var o = 'abc';", 5000},
		{"arr3", "var o = [1, 2, 3];", 5000},
		{"emptyobj", "var o = {};", 5000},
	} {
		r := newTestRuntime(t)
		r.run(t, "var util = require('util');"+c.setup)
		fn := r.run(t, "(function () { return util.inspect(o); })")
		call, _ := assertFn(fn)
		call(nil)
		t0 := cpuNow()
		for i := 0; i < c.n; i++ {
			call(nil)
		}
		t.Logf("%s: %v CPU/op", c.name, (cpuNow()-t0)/time.Duration(c.n))
	}
}
