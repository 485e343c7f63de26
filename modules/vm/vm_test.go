package vm_test

import (
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

func TestContext(t *testing.T) {
	runtimetest.Expect(t, `
const vm = require('vm');
const ctx = vm.createContext({ x: 2 });
vm.runInContext('var y = x * 2; function f() { return y + 1; }', ctx);
console.log(ctx.y, ctx.f(), vm.runInContext('typeof process', ctx), typeof globalThis.y);
`, "4 5 undefined undefined\n")
}

func TestTimeoutLeavesRuntimeUsable(t *testing.T) {
	runtimetest.Expect(t, `
const vm = require('vm');
try { vm.runInThisContext('for (;;) {}', { timeout: 5 }); } catch (e) { console.log(e.code); }
setTimeout(() => console.log('still running'), 1);
`, "ERR_SCRIPT_EXECUTION_TIMEOUT\nstill running\n")
}
