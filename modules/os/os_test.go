package os_test

import (
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

// TestRuntimeEnv checks that homedir and tmpdir read the runtime's env, not the process's.
func TestRuntimeEnv(t *testing.T) {
	r := runtimetest.Run(t, `const os = require('os'); process.stdout.write([os.homedir(), os.tmpdir()].join('|'));`,
		func(o *runtime.Options) { o.Env = map[string]string{"HOME": "/home/rt", "TEMP": "/t/"} })
	if r.Stdout != "/home/rt|/t" {
		t.Errorf("got %q (stderr %s)", r.Stdout, r.Stderr)
	}
	r = runtimetest.Run(t, `const os = require('os'); process.stdout.write(os.tmpdir() + '|' + (os.homedir() === os.userInfo().homedir));`)
	if r.Stdout != "/tmp|true" {
		t.Errorf("without env: got %q (stderr %s)", r.Stdout, r.Stderr)
	}
}

// TestShapes checks that the system readers return sane values.
func TestShapes(t *testing.T) {
	r := runtimetest.Run(t, `const os = require('os');
const c = os.cpus();
const out = [c.length >= 1, c.every((x) => typeof x.model === 'string' && x.times.user >= 0), os.totalmem() > os.freemem(),
  os.uptime() > 0, os.loadavg().length === 3, os.release().length > 0, os.type() === 'Linux', os.getPriority() >= -20,
  Object.keys(os.networkInterfaces()).length >= 0, os.availableParallelism() >= 1];
process.stdout.write(out.join(','));`)
	if strings.Contains(r.Stdout, "false") || r.Stdout == "" {
		t.Errorf("got %q (stderr %s)", r.Stdout, r.Stderr)
	}
}
