package intl

import (
	"os"
	"strings"
	"sync"
	"time"

	"github.com/gojs-dev/gojs/modules"
)

// LongZoneName is the name V8 prints in parentheses at the end of Date.prototype.toString and
// toTimeString for t's zone (t in the local zone): ICU's long English name ("Coordinated
// Universal Time", "Central European Summer Time"), found here from the zone's abbreviation
// (and, where one abbreviation names several zones, the local zone's IANA name), or ICU's
// "GMT+hh:mm" for a zone it has no name for.
func LongZoneName(t time.Time) string {
	abbr, off := t.Zone()
	if name := longZoneName(abbr); name != "" {
		zone := localZoneID()
		switch abbr {
		case "CST", "CDT":
			switch {
			case zone == "America/Havana" || zone == "Cuba":
				return "Cuba" + name[len("Central"):]
			case zone == "Asia/Taipei" || zone == "ROC":
				return "Taiwan Standard Time"
			case strings.HasPrefix(zone, "Asia/") || zone == "PRC":
				return "China Standard Time"
			}
		case "PST":
			if zone == "Asia/Manila" {
				return "Philippine Standard Time"
			}
		case "IST":
			switch {
			case zone == "Europe/Dublin" || zone == "Eire":
				return "Irish Standard Time"
			case zone == "Asia/Jerusalem" || zone == "Asia/Tel_Aviv" || zone == "Israel":
				return "Israel Standard Time"
			}
		}
		return name
	}
	if name := metazoneName(t); name != "" {
		return name
	}
	if off == 0 {
		return "GMT"
	}
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	h, m := off/3600, off/60%60
	return string([]byte{'G', 'M', 'T', sign, byte('0' + h/10), byte('0' + h%10), ':', byte('0' + m/10), byte('0' + m%10)})
}

// metazoneName is the name ICU gives the local zone now, standard or daylight by t's flag alone
// (V8 names a date in 1960 or in 1985 as it names one today), for a zone whose tzdata
// abbreviation is no name (+11, -03); "" when the zone is unknown or ICU names it in the GMT
// format.
func metazoneName(t time.Time) string {
	zone := localZoneID()
	if zone == "" {
		return ""
	}
	if a, ok := zoneNames().Alias[zone]; ok {
		zone = a
	}
	n, ok := dateZones()[zone]
	if !ok {
		return ""
	}
	if t.IsDST() && n[1] != "" {
		return n[1]
	}
	return n[0]
}

// dateZones is gen_locales.js's table of the long names V8 ends Date.prototype.toString with,
// by ICU zone: its standard and daylight names. Read once, on the first date in a zone with
// no name of its own.
var dateZones = sync.OnceValue(func() map[string][2]string {
	localesOnce.Do(loadLocales)
	m := map[string][2]string{}
	for _, line := range strings.Split(localeEntry("en/datezones"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) >= 2 {
			n := [2]string{f[1]}
			if len(f) > 2 {
				n[1] = f[2]
			}
			m[f[0]] = n
		}
	}
	return m
})

// longZoneName maps tzdata's English abbreviations to ICU's long names ("" for others). A
// switch, not a map: a package-level map literal is built at every process start.
func longZoneName(abbr string) string {
	switch abbr {
	case "UTC":
		return "Coordinated Universal Time"
	case "GMT":
		return "Greenwich Mean Time"
	case "BST":
		return "British Summer Time"
	case "EST":
		return "Eastern Standard Time"
	case "EDT":
		return "Eastern Daylight Time"
	case "CST":
		return "Central Standard Time"
	case "CDT":
		return "Central Daylight Time"
	case "MST":
		return "Mountain Standard Time"
	case "MDT":
		return "Mountain Daylight Time"
	case "PST":
		return "Pacific Standard Time"
	case "PDT":
		return "Pacific Daylight Time"
	case "AST":
		return "Atlantic Standard Time"
	case "ADT":
		return "Atlantic Daylight Time"
	case "NST":
		return "Newfoundland Standard Time"
	case "NDT":
		return "Newfoundland Daylight Time"
	case "AKST":
		return "Alaska Standard Time"
	case "AKDT":
		return "Alaska Daylight Time"
	case "HST":
		return "Hawaii-Aleutian Standard Time"
	case "HDT":
		return "Hawaii-Aleutian Daylight Time"
	case "WET":
		return "Western European Standard Time"
	case "WEST":
		return "Western European Summer Time"
	case "CET":
		return "Central European Standard Time"
	case "CEST":
		return "Central European Summer Time"
	case "EET":
		return "Eastern European Standard Time"
	case "EEST":
		return "Eastern European Summer Time"
	case "MSK":
		return "Moscow Standard Time"
	case "IST":
		return "India Standard Time"
	case "IDT":
		return "Israel Daylight Time"
	case "PKT":
		return "Pakistan Standard Time"
	case "WIB":
		return "Western Indonesia Time"
	case "HKT":
		return "Hong Kong Standard Time"
	case "JST":
		return "Japan Standard Time"
	case "KST":
		return "Korean Standard Time"
	case "AWST":
		return "Australian Western Standard Time"
	case "ACST":
		return "Australian Central Standard Time"
	case "ACDT":
		return "Australian Central Daylight Time"
	case "AEST":
		return "Australian Eastern Standard Time"
	case "AEDT":
		return "Australian Eastern Daylight Time"
	case "NZST":
		return "New Zealand Standard Time"
	case "NZDT":
		return "New Zealand Daylight Time"
	case "SAST":
		return "South Africa Standard Time"
	case "WAT":
		return "West Africa Time"
	case "CAT":
		return "Central Africa Time"
	case "EAT":
		return "East Africa Time"
	}
	return ""
}

var localZone = modules.Lazy[string]{Build: readLocalZone}

func readLocalZone() string {
	if name := time.Local.String(); name != "Local" {
		return name // from TZ
	}
	if p, err := os.Readlink("/etc/localtime"); err == nil {
		if i := strings.Index(p, "zoneinfo/"); i >= 0 {
			return p[i+len("zoneinfo/"):]
		}
	}
	return ""
}

// localZoneID is the IANA name of the zone goja's dates are in (time.Local), "" if unknown.
func localZoneID() string { return localZone.Get() }
