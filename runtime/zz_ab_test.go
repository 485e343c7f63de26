package runtime

import "testing"

func TestZZAB(t *testing.T) {
	for _, s := range []string{"x: y: { function g4() {} } typeof g4"} {
		t.Log(sloppyBlockFunctions(s, false), blockFunctionCandidate(s), fixBlockFunctionsSource(s))
	}
}
