package console_test

import (
	"testing"

	"github.com/gojs-dev/gojs/runtime"
	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

func tty(o *runtime.Options) { o.StdoutIsTTY = true; o.StderrIsTTY = true }

func TestColorsOnTTY(t *testing.T) {
	r := runtimetest.Run(t, `console.log({ a: 1, s: 'x' }); console.error([null]); console.log('%o', 1);`, tty)
	if want := "{ a: \x1b[33m1\x1b[39m, s: \x1b[32m'x'\x1b[39m }\n\x1b[33m1\x1b[39m\n"; r.Stdout != want {
		t.Errorf("stdout %q, want %q", r.Stdout, want)
	}
	if want := "[ \x1b[1mnull\x1b[22m ]\n"; r.Stderr != want {
		t.Errorf("stderr %q, want %q", r.Stderr, want)
	}
}

func TestNoColorsWhenPiped(t *testing.T) {
	r := runtimetest.Run(t, `console.log({ a: 1 });`)
	if r.Stdout != "{ a: 1 }\n" {
		t.Errorf("stdout %q", r.Stdout)
	}
}

func TestNoColorEnv(t *testing.T) {
	r := runtimetest.Run(t, `console.log({ a: 1 });`, tty, func(o *runtime.Options) { o.Env = map[string]string{"NO_COLOR": "1"} })
	if r.Stdout != "{ a: 1 }\n" {
		t.Errorf("stdout %q", r.Stdout)
	}
	r = runtimetest.Run(t, `console.log({ a: 1 });`, func(o *runtime.Options) { o.Env = map[string]string{"FORCE_COLOR": "1"} })
	if r.Stdout != "{ a: \x1b[33m1\x1b[39m }\n" {
		t.Errorf("FORCE_COLOR stdout %q", r.Stdout)
	}
}

func TestLogHotPath(t *testing.T) {
	r := runtimetest.Run(t, `for (let i = 0; i < 3; i++) console.log('hi'); console.log('%s', 'x', 1);`)
	if r.Stdout != "hi\nhi\nhi\nx 1\n" {
		t.Errorf("stdout %q", r.Stdout)
	}
}

func BenchmarkConsoleLogHi(b *testing.B) {
	src := `for (let i = 0; i < ` + itoa(b.N) + `; i++) console.log('hi');`
	b.ResetTimer()
	runtimetest.Run(b, src)
}

func itoa(n int) string {
	s := ""
	if n == 0 {
		return "0"
	}
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}
