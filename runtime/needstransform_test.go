package runtime

import "testing"

func TestNeedsTransform(t *testing.T) {
	for src, want := range map[string]bool{
		"console.log(1)":                           false,
		"async function f() { await 1 }":           false,
		"const asyncFunction = 1; function* g(){}": false,
		"async function* g() { yield 1 }":          true,
		"async function *g() { yield 1 }":          true,
		"x = async\n  function\t* () {}":           true,
		"({ async *m() {} })":                      true,
		"for await (const x of y) {}":              true,
		"import('fs')":                             true,
	} {
		if got := needsTransform(src); got != want {
			t.Errorf("needsTransform(%q) = %v, want %v", src, got, want)
		}
	}
}
