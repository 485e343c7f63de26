package runtime

import "testing"

func TestFoldCheapClasses(t *testing.T) {
	const w = `[^\u0030-\u0039\u0041-\u005a\u005f\u0061-\u007a]`
	for _, c := range []struct {
		pat, flags, want string
		ok               bool
	}{
		{`(?=\W)`, "i", `(?=` + w + `)`, true},
		{`(?=\W)`, "", `(?=\W)`, false},            // no i: no equivalents to find
		{`a\Wb`, "i", `a\Wb`, false},               // goja's RE2 takes it
		{`a\Wb`, "gi", `a` + w + `b`, true},        // exec past 0 goes to the backtracker
		{`(?=x)\\W\cW`, "i", `(?=x)\\W\cW`, false}, // no class escape
		{`(?=x)[^\W_]`, "i", `(?=x)[\u0030-\u0039\u0041-\u005a\u0061-\u007a]`, true},
		{`(?=x)[\w\W]`, "i", `(?=x)[\w\W]`, false},  // every code point: left alone
		{`(?=x)[a-c]`, "i", `(?=x)[a-c]`, false},    // small
		{`(?=x)[\W-a]`, "iu", `(?=x)[\W-a]`, false}, // an error for the engine to give
		{`(?=x).`, "is", `(?=x).`, false},
		{`(?=x).`, "i", `(?=x)[^\u000a\u000d\u2028\u2029]`, true},
		{`(?=x)\D`, "iu", `(?=x)[^\u{30}-\u{39}]`, true},
		{`(?=x)[\u0000-\ufffe]`, "i", `(?=x)[^\uffff]`, true},
		{`(?=x)\W`, "iv", `(?=x)\W`, false},
	} {
		got, ok := foldCheapClasses(c.pat, c.flags)
		if got != c.want || ok != c.ok {
			t.Errorf("foldCheapClasses(%q, %q) = %q, %v; want %q, %v", c.pat, c.flags, got, ok, c.want, c.ok)
		}
	}
}
