package main

import (
	"os"
	"strings"
	"time"
)

// setTimeZone is the CLI's runtime.Options.TimeZoneListener: as node re-reads the time zone
// when a script sets or deletes process.env.TZ, Date's local time (goja's, from time.Local)
// follows the new zone. The zone is the process's, as node's is: workers see it too. Loop
// goroutine of the main runtime.
func setTimeZone(tz string, ok bool) {
	time.Local = zoneFromTZ(tz, ok)
}

// zoneFromTZ is the zone the C library takes for TZ, as Go's start reads it: unset, the
// system's /etc/localtime; empty, UTC; ":name" as "name"; an absolute path, that zone file;
// else the named zone. A zone that cannot be read is UTC.
func zoneFromTZ(tz string, ok bool) *time.Location {
	if !ok {
		return zoneFile("/etc/localtime")
	}
	tz = strings.TrimPrefix(tz, ":")
	if tz == "" || tz == "UTC" {
		return time.UTC
	}
	if strings.HasPrefix(tz, "/") {
		return zoneFile(tz)
	}
	if loc, err := time.LoadLocation(tz); err == nil {
		return loc
	}
	return time.UTC
}

// zoneFile reads a tzdata file as the local zone (UTC if it cannot).
func zoneFile(path string) *time.Location {
	if b, err := os.ReadFile(path); err == nil {
		if loc, err := time.LoadLocationFromTZData("Local", b); err == nil {
			return loc
		}
	}
	return time.UTC
}
