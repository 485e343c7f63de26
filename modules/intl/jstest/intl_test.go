package jstest

import (
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

// The stubs every runtime installs (runtime/localestubs.go) load Intl on first use: the locale
// methods then print as node does.
func TestLocaleMethodStubs(t *testing.T) {
	r := runtimetest.Run(t, `
const before = Number.prototype.toLocaleString;
console.log(before.name, before.length, String.prototype.localeCompare.length);
console.log((1234567.891).toLocaleString(), (5).toLocaleString('en-US', { style: 'percent' }));
console.log(Number.prototype.toLocaleString !== before);
console.log(new Date(Date.UTC(2024, 0, 5, 13, 4, 5)).toLocaleString('en-US', { timeZone: 'UTC' }));
console.log([1234, 5678n].toLocaleString(), 'a'.localeCompare('B'));
`)
	want := "toLocaleString 0 1\n1,234,567.891 500%\ntrue\n1/5/2024, 1:04:05 PM\n1,234,5,678 -1\n"
	if r.Stdout != want {
		t.Fatalf("got %q, want %q; stderr %s", r.Stdout, want, r.Stderr)
	}
}

func TestSegmenterUTF16(t *testing.T) {
	runtimetest.Expect(t, `
const s = new Intl.Segmenter('en', { granularity: 'word' });
const out = [...s.segment('a😀b c')].map((p) => p.segment + '@' + p.index + (p.isWordLike ? '*' : ''));
console.log(out.join(' '));
`, "a@0* 😀@1 b@3*  @4 c@5*\n")
}
