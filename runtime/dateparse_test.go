package runtime

import (
	"math"
	"testing"
)

// FuzzParseDate: any string gives NaN or a time value within the spec's range, never a panic
// or a hang.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-03-05T10:20:30.123Z", "Mar 5 2024 10:20 PM", "Tue, 05 Mar 2024 10:20:30 GMT+0100 (CET)",
		"((((", "(a (b) c", "+", "-000000-01-01", "99999999999999999999", "2024-03-05T24:00", "\u00a0Mar\u20035", "\xff\xfe", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := parseDate(s)
		if !math.IsNaN(v) && (math.Abs(v) > 8.64e15 || v != math.Trunc(v)) {
			t.Fatalf("parseDate(%q) = %v", s, v)
		}
	})
}
