package url

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/rangetable"
)

// TestAdaToASCII checks domains that mix label kinds, as Node 20 (Ada) maps them: the results
// are node's url.domainToASCII ("" where it fails).
func TestAdaToASCII(t *testing.T) {
	for _, c := range [][2]string{
		{"é.xn--abc-", "xn--9ca.xn--abc-"},
		{"XN--A-.É", "xn--a-.xn--9ca"},
		{"é.xn--a", ""},
		{"é.XN--", ""},
		{"xn--9caé.com", ""},
		{"ｘｎ--", ""},
		{"ｘｎ--xn---.com", "xn--xn---.com"},
		{"ｘｎ－－9ca", "xn--9ca"},
		{"é．xn--abc-｡b", "xn--9ca.xn--abc-.b"},
		{"é。xn---qiwi", "xn--9ca.xn---qiwi"},
		{"xn--9caxn--a-ecp.com", "xn--9caxn--a-ecp.com"}, // U+0881 is newer than Ada's bidi table
		{"xn--c-s8k.é", "xn--c-s8k.xn--9ca"},             // U+1AC9 is newer than its mark table
		{"xn--a-ecp.com", ""},                            // U+2488 is disallowed
		{"\u0301c", ""},
		{"क\u094d\u200dष", "xn--11b2ezcw70k"},
		{"a\u200db", ""},
		{"ب\u200cب", "xn--ngba799q"},
		{"a\u200cب", ""},
		{"ק1a", ""},
		{"a1ק", "xn--a1-vnd"},
		{"\u00ad.é", ".xn--9ca"},
		{"XN--9CA.É.", "xn--9ca.xn--9ca."},
		{"é..xn--9ca", "xn--9ca..xn--9ca"},
		{"Ab_C.xn--9CA", "ab_c.xn--9ca"},
	} {
		got, ok := adaToASCII(c[0])
		if !ok {
			got = ""
		}
		if got != c[1] {
			t.Errorf("adaToASCII(%q) = %q %v, want %q", c[0], got, ok, c[1])
		}
		if got != "" && domainToASCII(c[0]) != c[1] {
			t.Errorf("domainToASCII(%q) = %q, want %q", c[0], domainToASCII(c[0]), c[1])
		}
	}
	for _, c := range [][2]string{{"xn---qiwi", "櫮櫲"}, {"xn--abc-.XN--9CA", "abc.é"}, {"a.b", "a.b"}, {"xn--", ""}} {
		if got := domainToUnicode(c[0]); got != c[1] {
			t.Errorf("domainToUnicode(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestAdaMapDots checks isDomainDot: no code point of the first two planes but those it lists
// maps to a string holding a '.' (the other planes hold no such mapping in UTS #46).
func TestAdaMapDots(t *testing.T) {
	for r := rune(0x80); r < 0x20000; r++ {
		if r >= 0xd800 && r < 0xe000 {
			continue
		}
		m, err := adaMapper.Get().ToUnicode("0" + string(r))
		if err == nil && strings.Contains(m, ".") != isDomainDot(r) {
			t.Errorf("%U maps to %q", r, m)
		}
	}
}

// TestNewerThan13 checks newerThan13 against the Unicode 13 and 15 tables of x/text.
func TestNewerThan13(t *testing.T) {
	a13, a15 := rangetable.Assigned("13.0.0"), rangetable.Assigned("15.0.0")
	if a13 == nil || a15 == nil || unicode.Version != "15.0.0" {
		t.Skip("tables for Unicode 13 and 15 needed; Go's Unicode is", unicode.Version)
	}
	rangetable.Visit(a15, func(r rune) {
		if unicode.Is(newerThan13, r) == unicode.Is(a13, r) {
			t.Errorf("%U: newerThan13 %v", r, unicode.Is(newerThan13, r))
		}
	})
	rangetable.Visit(newerThan13, func(r rune) {
		if !unicode.Is(a15, r) {
			t.Errorf("%U is not assigned in Unicode 15", r)
		}
	})
}

// TestAdaPunyDecode checks the decoder against known labels and Ada's leading delimiter.
func TestAdaPunyDecode(t *testing.T) {
	for _, c := range [][2]string{{"mnchen-3ya", "münchen"}, {"-qiwi", "櫮櫲"}, {"abc-", "abc"}, {"a-ecp", "a\u2488"},
		{"9caxn--a-ecp", "9caxn--a\u0881"}, {"", ""}} {
		rs, ok := adaPunyDecode(nil, c[0])
		if !ok || string(rs) != c[1] {
			t.Errorf("adaPunyDecode(%q) = %q %v, want %q", c[0], string(rs), ok, c[1])
		}
	}
	for _, p := range []string{"zz", "99999999", "é", "a-b!"} {
		if rs, ok := adaPunyDecode(nil, p); ok {
			t.Errorf("adaPunyDecode(%q) = %q, want an error", p, string(rs))
		}
	}
}
