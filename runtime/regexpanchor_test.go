package runtime

import "testing"

func TestHoistAnchors(t *testing.T) {
	for _, c := range []struct {
		pat, flags, want string
		ok               bool
	}{
		{`^a|^b`, "", `^(?:a|b)`, true},
		{`^0b[01]+|^0x[\da-f]+|^\d+`, "i", `^(?:0b[01]+|0x[\da-f]+|\d+)`, true},
		{`^(a|b)|^[|^]|^\|x`, "g", `^(?:(a|b)|[|^]|\|x)`, true},
		{`^a|^b`, "m", `^a|^b`, false},    // ^ is a line start: multilineAnchors' part
		{`^a|b`, "", `^a|b`, false},       // b may match anywhere
		{`a|^b`, "", `a|^b`, false},       // (no leading ^)
		{`^(a|^b)`, "", `^(a|^b)`, false}, // one alternative
		{`^a|^*`, "", `^a|^*`, false},     // a SyntaxError for the engine to give
		{`^a|^b)`, "", `^a|^b)`, false},
	} {
		got, ok := hoistAnchors(c.pat, c.flags)
		if got != c.want || ok != c.ok {
			t.Errorf("hoistAnchors(%q, %q) = %q, %v; want %q, %v", c.pat, c.flags, got, ok, c.want, c.ok)
		}
	}
}

func TestSpellNotSpaceClasses(t *testing.T) {
	const ws = `\u0009-\u000d\u0020\u00a0\u1680\u2000-\u200a\u2028-\u2029\u202f\u205f\u3000\ufeff`
	for _, c := range []struct {
		pat, flags, want string
		ok               bool
	}{
		{`^[^\n\S]+`, "", `^[\u0009\u000b-\u000d\u0020\u00a0\u1680\u2000-\u200a\u2028-\u2029\u202f\u205f\u3000\ufeff]+`, true},
		{`[^\S]`, "g", `[` + ws + `]`, true},
		{`[\S\s]`, "", `[\S\s]`, false},    // everything: left alone
		{`[^\S\s]`, "", `[^\S\s]`, false},  // nothing
		{`\S[\s]`, "", `\S[\s]`, false},    // no class holds \S
		{`[\\S]`, "", `[\\S]`, false},      // a backslash and an S
		{`[^\n\S]`, "u", `[^\n\S]`, false}, // u: left to the engine
		{`[\Sa]`, "i", `[^` + ws + `]`, true},
		{`[\01[\S]`, "", `[\01[\S]`, false}, // (an octal escape: not read)
	} {
		got, ok := spellNotSpaceClasses(c.pat, c.flags)
		if got != c.want || ok != c.ok {
			t.Errorf("spellNotSpaceClasses(%q, %q) = %q, %v; want %q, %v", c.pat, c.flags, got, ok, c.want, c.ok)
		}
	}
}

func TestAnchorLineMatchesAnchorHintLine(t *testing.T) {
	srcs := []string{
		"a = /^x|^y/; b = c / d;\nre = /[\\S]/g; x = y/2/3\n/^a/|^b/",
		"var s = [1,2] / 3 / /\\S+/.source; /^0x|^\\d/.test(q)",
		"\n\n/a/\n|^ /^ / [ \\S /",
	}
	for _, src := range srcs {
		var l anchorLine
		for i := 0; i < len(src); i++ {
			if src[i] != '/' {
				continue
			}
			if got, want := l.hint(src, i), anchorHintLine(src, i); got != want {
				t.Errorf("%q at %d: hint %v, anchorHintLine %v", src, i, got, want)
			}
		}
	}
}
