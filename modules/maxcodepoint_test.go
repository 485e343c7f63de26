package modules

import "testing"

func TestFixMaxCodePointEscapes(t *testing.T) {
	for src, want := range map[string]string{
		`"\u{10FFFF}"`:          `"\uDBFF\uDFFF"`,
		`'a\u{010ffff}b'`:       `'a\uDBFF\uDFFFb'`,
		"`\\u{10FFFF}${x}`":     "`\\uDBFF\\uDFFF${x}`",
		`"\\u{10FFFF}"`:         `"\\u{10FFFF}"`, // an escaped backslash: the text \u{10FFFF}
		`"\\\u{10FFFF}"`:        `"\\\uDBFF\uDFFF"`,
		`"\u{10FFFE}\u{1F600}"`: `"\u{10FFFE}\u{1F600}"`,
		`/[\u{0}-\u{10FFFF}]/u`: `/[\u{0}-\uDBFF\uDFFF]/u`,
		`"\u{10FFFF"`:           `"\u{10FFFF"`,
		`x.u{10FFFF}`:           `x.u{10FFFF}`,
		`no escapes at all`:     `no escapes at all`,
	} {
		if got := FixMaxCodePointEscapes(src); got != want {
			t.Errorf("FixMaxCodePointEscapes(%s) = %s, want %s", src, got, want)
		}
	}
}
