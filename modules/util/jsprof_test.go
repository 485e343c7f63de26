package util

import (
	"os"
	"testing"

	"github.com/dop251/goja"
)

func TestJSProfile(t *testing.T) {
	if os.Getenv("JSPROF") == "" {
		t.Skip("set JSPROF=file")
	}
	r := newTestRuntime(t)
	r.run(t, `var util = require('util'); var o = {};
for (let i = 0; i < 1000; i++) {
  o['key' + i] = { id: i, name: 'item ' + i, tags: ['a', 'b', i], nested: { deep: { deeper: i } } };
}`)
	f, _ := os.Create(os.Getenv("JSPROF"))
	goja.StartProfile(f)
	r.run(t, "for (var i = 0; i < 10; i++) util.inspect(o);")
	goja.StopProfile()
	f.Close()
}
