package url

import (
	"math/rand"
	"testing"
)

// TestFastIDNA checks fastIDNA against adaMapToASCII wherever fastIDNA answers.
func TestFastIDNA(t *testing.T) {
	var cases []string
	for r := rune(0x80); r <= 0x17f; r++ {
		cases = append(cases, "a"+string(r)+"b.de", string(r), "X"+string(r)+string(r)+".Com", string(r)+"-1_2")
	}
	cases = append(cases, "münchen.de", "Bücher.example", "faß.ExAmple", "xn--mnchen-3ya.de", "xn--bcher-kva.example",
		"XN--MNCHEN-3YA.de", "xn--fa-hia.de", "xn--abc-", "xn--", "xn--a", "xn--zz.de", "xn--mnchen-3yb.de", "xn--0ca",
		"xn--mnchen-3ya", "a..b", ".a", "a.", "ü..de", "münchen.", "é", "xn--9ca", "xn--a-ecp.ru", "xn--bcher-kva.xn--mnchen-3ya")
	rnd := rand.New(rand.NewSource(1))
	alphabet := []rune("abzAZ09-_.äöüßÄÖÜÿÀÞ×÷éÉçøå")
	for i := 0; i < 20000; i++ {
		n := 1 + rnd.Intn(12)
		rs := make([]rune, n)
		for j := range rs {
			rs[j] = alphabet[rnd.Intn(len(alphabet))]
		}
		cases = append(cases, string(rs))
	}
	answered := 0
	for _, c := range cases {
		got, ok := fastIDNA(c)
		if !ok {
			continue
		}
		answered++
		want, ok := adaMapToASCII(c)
		if !ok || got != want {
			t.Errorf("fastIDNA(%q) = %q, adaMapToASCII %q %v", c, got, want, ok)
		}
	}
	if answered < len(cases)/4 {
		t.Errorf("fastIDNA answered only %d of %d", answered, len(cases))
	}
	for _, p := range []string{"mnchen-3ya", "bcher-kva", "fa-hia", "0ca", "9ca"} {
		rs, ok := adaPunyDecode(nil, p)
		if !ok || string(punyEncode(nil, rs)) != p {
			t.Errorf("punycode %q: %q %v", p, string(rs), ok)
		}
	}
}
