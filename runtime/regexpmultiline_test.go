package runtime

import "testing"

func TestMultilineAnchors(t *testing.T) {
	for _, c := range []struct {
		pat, flags, want string
		ok               bool
	}{
		{`^a$`, "m", lineStartAnchor + `a` + lineEndAnchor, true},
		{`^a$`, "g", `^a$`, false},
		{`[$^]\^\$`, "m", `[$^]\^\$`, false},
		{`^.[.]`, "m", lineStartAnchor + anyButLineTerminator + `[.]`, true},
		{`^.`, "ms", lineStartAnchor + `.`, true},
		{`a.b`, "m", `a.b`, false}, // no anchor: left to goja's own engine choice
		{`[^\]$]$`, "m", `[^\]$]` + lineEndAnchor, true},
	} {
		got, ok := multilineAnchors(c.pat, c.flags)
		if got != c.want || ok != c.ok {
			t.Errorf("multilineAnchors(%q, %q) = %q, %v; want %q, %v", c.pat, c.flags, got, ok, c.want, c.ok)
		}
		if ok {
			if again, ok2 := multilineAnchors(got, c.flags); ok2 || again != got {
				t.Errorf("rewriting %q twice changed it", c.pat)
			}
		}
	}
}

func TestMultilineRegexpHint(t *testing.T) {
	for src, want := range map[string]bool{
		`x = /^a$/m;`:             true,
		`x = /^a$/gmu.test(s)`:    true,
		`x = /a/m`:                true,
		`require('./mod')`:        false,
		`x = /a/g; y = "/mx"`:     false,
		`a / b; c /m`:             true, // a division: a false positive costs a walk only
		`s.split('/').map(f)`:     false,
		`x = /^a$/ims, y = 1`:     true,
		`// see https://x.org/m/`: true, // a false positive too
		`x = /^0x[\da-f]+|^\d+/i`: true, // hoistAnchors
		`x = /^a|b/`:              false,
		`x = /^[^\n\S]+/`:         true, // spellNotSpaceClasses
		`x = /^\S+/`:              false,
	} {
		if got := hasMultilineRegexpHint(src); got != want {
			t.Errorf("hasMultilineRegexpHint(%q) = %v, want %v", src, got, want)
		}
	}
}
