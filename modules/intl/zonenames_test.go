package intl

import (
	"testing"
	"time"
)

func TestLongZoneName(t *testing.T) {
	for _, c := range []struct {
		abbr string
		off  int
		want string
	}{
		{"UTC", 0, "Coordinated Universal Time"},
		{"CEST", 7200, "Central European Summer Time"},
		{"AKDT", -8 * 3600, "Alaska Daylight Time"},
		{"+04", 4 * 3600, "GMT+04:00"},
		{"-0930", -(9*3600 + 30*60), "GMT-09:30"},
		{"+0545", 5*3600 + 45*60, "GMT+05:45"},
		{"", 0, "GMT"},
	} {
		d := time.Date(2024, 1, 15, 12, 0, 0, 0, time.FixedZone(c.abbr, c.off))
		if got := LongZoneName(d); got != c.want {
			t.Errorf("LongZoneName(%q, %d) = %q, want %q", c.abbr, c.off, got, c.want)
		}
	}
}
