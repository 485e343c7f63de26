package modules

import "testing"

func TestNumericLiteralError(t *testing.T) {
	for _, tc := range []struct {
		src       string
		msg       string
		at, width int
	}{
		{"012n", "Invalid or unexpected token", 0, 3},
		{"1_n", "Numeric separators are not allowed at the end of numeric literals", 2, 1},
		{"0_1", "Numeric separator can not be used after leading 0.", 1, 1},
		{"1__0", "Only one underscore is allowed as numeric separator", 2, 1},
		{"0x_1", "Invalid or unexpected token", 0, 2},
		{"1.5n", "Invalid or unexpected token", 0, 3},
		{"1e_5", "Invalid or unexpected token", 0, 2},
		{"0b12", "Invalid or unexpected token", 0, 3},
		{"09_1", "Invalid or unexpected token", 2, 1},
		{"3in", "Invalid or unexpected token", 0, 1},
		{"1_000n", "", 0, 0},
		{"09.5;", "", 0, 0},
		{"0x1_Fn", "", 0, 0},
		{".5e-3", "", 0, 0},
	} {
		msg, at, width, ok := numericLiteralError(tc.src)
		if ok != (tc.msg != "") || msg != tc.msg || at != tc.at || width != tc.width {
			t.Errorf("numericLiteralError(%q) = %q %d %d %v, want %q %d %d", tc.src, msg, at, width, ok, tc.msg, tc.at, tc.width)
		}
	}
}

func TestMaskLegacyNumber(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"f(09.5, x)", "f( 9.5, x)"},
		{"x = 00;", "x =  0;"},
		{"x = 07.5", "x = 07.5"}, // (not taken: 07 and then .5)
		{"x = 08n;", "x = 08n;"}, // (refused by V8 too)
		{"x = 0012", "x =   12"},
	} {
		off := 0
		for off < len(tc.src) && tc.src[off] != '0' {
			off++
		}
		if got, _ := MaskLegacyNumber(tc.src, off); got != tc.want {
			t.Errorf("MaskLegacyNumber(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}
