package modules

import "testing"

func TestFixEvalOnlySource(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"'x' in 'str'", "'x' in (0,'str')"},
		{"(function () {\nreturn 'x' in 'str'\n})", "(function () {\nreturn 'x' in (0,'str')\n})"},
		{"1n + 1", "1n + (0,1)"},
		{"a in b", "a in b"},
		{"async function f() { x ??= await g(); y ||= 1 }", "async function f() { x ?? (x = await g()); y ||= 1 }"},
		{"function* f() { x &&= yield 1 }", "function* f() { x && (x = yield 1) }"},
		{"async function f() { o.p ??= await g() }", "async function f() { o.p ?? (o.p = await g()) }"},
		{"this.m ||= new Map(); o[k] &&= 1; o[f()] ??= 2; o[k] ??= k++", "this.m || (this.m = new Map()); o[k] && (o[k] = 1); o[f()] ??= 2; o[k] ??= k++"},
	} {
		if got := FixEvalOnlySource(c.in); got != c.want {
			t.Errorf("FixEvalOnlySource(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
