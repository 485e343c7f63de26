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
		// a class written negated leaves out no case equivalent of what it matched: A-Z stay in
		{`(?=x)[a-z\xAA-\uFFDC]`, "i", `(?=x)[^\u0000-\u0040\u005b-\u0060\u007b-\u00a9\uffdd-\uffff]`, true},
		// [^...] matches what has no equivalent among its atoms: not k, whose equivalent K is in
		{`(?=x)[^\u0100-\uffff]`, "iu", `(?=x)[^\u{4b}\u{53}\u{6b}\u{73}\u{b5}\u{c5}\u{df}\u{e5}\u{ff}-\u{ffff}]`, true},
		{`(?=x)[^\u0100-\uffff]`, "i", `(?=x)[^\u0100-\uffff]`, false}, // small: 254 code points
		// with u and i, \W leaves out ſ and K (their equivalents are word characters)
		{`(?=x)[\Wa]`, "iu", `(?=x)[^\u{30}-\u{39}\u{42}-\u{5a}\u{5f}\u{62}-\u{7a}\u{17f}\u{212a}]`, true},
		{`(?=x)[\Wa]`, "i", `(?=x)[^\u0030-\u0039\u0042-\u005a\u005f\u0062-\u007a]`, true},
	} {
		got, ok := foldCheapClasses(c.pat, c.flags)
		if got != c.want || ok != c.ok {
			t.Errorf("foldCheapClasses(%q, %q) = %q, %v; want %q, %v", c.pat, c.flags, got, ok, c.want, c.ok)
		}
	}
}
