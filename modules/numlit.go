package modules

import "strings"

// V8's scanner refuses a malformed numeric literal with one of a few messages, placed where it
// stopped: "Invalid or unexpected token" marks the literal from its start up to the character
// it could not take (012n: 012; 1.5n: 1.5; 0x_1: 0x); the numeric separator's own messages
// mark the offending underscore alone. goja's parser words these otherwise ("Illegal numeric
// literal", "Only one underscore is allowed..." for a trailing one, an identifier right after
// a BigInt) and places them elsewhere, so the literal is scanned again here the way V8 does.

// numericLiteralError scans the numeric literal s starts with (a digit, or a dot and a digit)
// as V8 does and, when V8 refuses it, returns V8's message, the offset in s V8 places it at and
// how many characters it marks; ok is false when V8 takes the literal.
func numericLiteralError(s string) (msg string, at, width int, ok bool) {
	const invalid = "Invalid or unexpected token"
	sepTwice := "Only one underscore is allowed as numeric separator"
	sepEnd := "Numeric separators are not allowed at the end of numeric literals"
	isDec := func(c byte) bool { return c >= '0' && c <= '9' }
	// digits consumes the digits of a radix from i, with single separators between them
	digits := func(i int, digit func(byte) bool) (int, string, int) {
		for i < len(s) {
			switch {
			case digit(s[i]):
				i++
			case s[i] == '_':
				if i+1 < len(s) && s[i+1] == '_' {
					return i, sepTwice, i + 1
				}
				if i+1 >= len(s) || !digit(s[i+1]) {
					return i, sepEnd, i + 1 // (V8 places it after the underscore)
				}
				i++
			default:
				return i, "", 0
			}
		}
		return i, "", 0
	}
	// end checks what follows the literal, which ends at i: no identifier start or digit
	end := func(i int) (string, int, int, bool) {
		if i < len(s) && (isDec(s[i]) || isIdentStartByte(s[i])) {
			return invalid, 0, max(i, 1), true
		}
		return "", 0, 0, false
	}
	if len(s) == 0 {
		return "", 0, 0, false
	}
	if len(s) > 1 && s[0] == '0' {
		var digit func(byte) bool
		switch s[1] {
		case 'x', 'X':
			digit = func(c byte) bool { return isDec(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
		case 'o', 'O':
			digit = func(c byte) bool { return c >= '0' && c <= '7' }
		case 'b', 'B':
			digit = func(c byte) bool { return c == '0' || c == '1' }
		}
		if digit != nil {
			if len(s) < 3 || !digit(s[2]) {
				return invalid, 0, 2, true
			}
			i, m, a := digits(2, digit)
			if m != "" {
				return m, a, 1, true
			}
			if i < len(s) && s[i] == 'n' {
				i++
			}
			return end(i)
		}
		if s[1] == '_' {
			return "Numeric separator can not be used after leading 0.", 1, 1, true
		}
		if isDec(s[1]) {
			// a legacy octal literal (012), or a decimal one with a leading zero (09.5)
			i, octal := 1, true
			for i < len(s) && isDec(s[i]) {
				octal = octal && s[i] < '8'
				i++
			}
			switch {
			case i < len(s) && s[i] == '_':
				if octal {
					return invalid, 0, i, true
				}
				return invalid, i, 1, true
			case i < len(s) && s[i] == 'n':
				return invalid, 0, i, true
			case octal:
				return end(i)
			}
			return decimalRest(s, i, digits, end)
		}
	}
	i := 0
	if s[0] != '.' {
		var m string
		var a int
		if i, m, a = digits(0, isDec); m != "" {
			return m, a, 1, true
		}
	}
	if i < len(s) && s[i] == 'n' {
		return end(i + 1)
	}
	return decimalRest(s, i, digits, end)
}

// decimalRest scans the fraction and exponent of the decimal literal s from i (after its
// integer digits), for numericLiteralError.
func decimalRest(s string, i int, digits func(int, func(byte) bool) (int, string, int),
	end func(int) (string, int, int, bool)) (string, int, int, bool) {
	const invalid = "Invalid or unexpected token"
	isDec := func(c byte) bool { return c >= '0' && c <= '9' }
	plain := true // no fraction or exponent: a BigInt's n may follow
	if i < len(s) && s[i] == '.' {
		plain = false
		i++
		if i < len(s) && s[i] == '_' {
			return invalid, 0, i, true
		}
		var m string
		var a int
		if i, m, a = digits(i, isDec); m != "" {
			return m, a, 1, true
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		plain = false
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || !isDec(s[i]) {
			return invalid, 0, i, true
		}
		var m string
		var a int
		if i, m, a = digits(i, isDec); m != "" {
			return m, a, 1, true
		}
	}
	if i < len(s) && s[i] == 'n' {
		if !plain {
			return invalid, 0, i, true
		}
		i++
	}
	return end(i)
}

func isIdentStartByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\\' || c >= 0x80
}

// numericLiteralStart is the offset in src where the numeric literal holding offset off starts,
// or -1 when off is in no numeric literal.
func numericLiteralStart(src string, off int) int {
	if off < 0 || off > len(src) {
		return -1
	}
	k := off
	for k > 0 && (isIdentByte(src[k-1]) || src[k-1] == '.' ||
		(src[k-1] == '+' || src[k-1] == '-') && k > 1 && (src[k-2] == 'e' || src[k-2] == 'E')) {
		k--
	}
	for k <= off && k < len(src) {
		c := src[k]
		if c >= '0' && c <= '9' && (k == 0 || !isIdentByte(src[k-1])) {
			return k
		}
		if c == '.' && k+1 < len(src) && src[k+1] >= '0' && src[k+1] <= '9' && (k == 0 || src[k-1] != '.' && !isIdentByte(src[k-1])) {
			return k
		}
		if isIdentByte(c) {
			// a word that is not a number (x1_): no literal
			for k <= off && k < len(src) && isIdentByte(src[k]) {
				k++
			}
			continue
		}
		k++
	}
	return -1
}

// MaskLegacyNumber returns src with the legacy number literal at off (012, 08, 09.5: a leading
// zero and more digits, which V8 takes in sloppy code and goja's parser refuses) written as the
// same number without its leading zeros, blanked to spaces so that every place in src stays
// where it was; ok is false when no such literal (that V8 would take) starts at off. Only for
// finding a script's real syntax error past such a literal: a legacy octal's value changes.
func MaskLegacyNumber(src string, off int) (string, bool) {
	if off < 0 || off+1 >= len(src) || src[off] != '0' || src[off+1] < '0' || src[off+1] > '9' ||
		off > 0 && (isIdentByte(src[off-1]) || src[off-1] == '.') {
		return src, false
	}
	if _, _, _, bad := numericLiteralError(src[off:]); bad {
		return src, false
	}
	i, octal := off+1, true
	for i < len(src) && src[i] >= '0' && src[i] <= '9' {
		octal = octal && src[i] < '8'
		i++
	}
	if octal && i < len(src) && (src[i] == '.' || src[i] == 'e' || src[i] == 'E') {
		return src, false // (07.5 is 07 and then .5: an error V8 reports as goja does)
	}
	z := off
	for z+1 < i && src[z] == '0' {
		z++
	}
	return src[:off] + strings.Repeat(" ", z-off) + src[z:], true
}
