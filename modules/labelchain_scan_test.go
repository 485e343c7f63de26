package modules

import (
	"regexp"
	"testing"
)

// labelChainRegexp is the pattern hasLabelChain scans for, as a regular expression: the test's
// oracle (hasLabelChain may say yes where it says no only for non-ASCII text).
var labelChainRegexp = regexp.MustCompile(`[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$]*\s*:\s*[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$]*\s*:\s*(?:for|while|do)\b`)

func TestHasLabelChain(t *testing.T) {
	for _, src := range []string{
		"a: b: for (;;) { continue a; }",
		"outer:inner:while(x){}",
		"x :\n y\t:  do {} while (0)",
		"a: for (;;) {}",
		"a: b: fork()",
		"a: b: doit",
		"a: b: for",
		"a: 1b: for(;;){}",
		"a1: b2: for(;;){}",
		"$: _: while(1){}",
		"x = { a: b, c: d }; for (;;) {}",
		"cond ? a : b; for(;;){}",
		": b: for(;;){}",
		"(): b: for(;;){}",
		"a: b: c: for(;;){}",
		"a: b : while_(1)",
		"",
		":",
		"a::for",
		"ü: b: for(;;){}",
		"a: b: do",
	} {
		got, want := hasLabelChain(src), labelChainRegexp.MatchString(src)
		if got != want {
			t.Errorf("hasLabelChain(%q) = %v, the pattern says %v", src, got, want)
		}
	}
}

func BenchmarkHasLabelChain(b *testing.B) {
	src := ""
	for i := 0; i < 2000; i++ {
		src += "function f" + "(a, b) { const o = { x: a ? b : 1, y: 2 }; for (const k in o) { if (!k) continue; } return o; }\n"
	}
	b.Run("scan", func(b *testing.B) {
		for range b.N {
			hasLabelChain(src)
		}
	})
	b.Run("regexp", func(b *testing.B) {
		for range b.N {
			labelChainRegexp.MatchString(src)
		}
	})
}
