package intl

//go:generate node gen_locales.js

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"io"
	"strings"
	"sync"
)

// locales.bin holds, for the locales beyond English that intl.js formats numbers for, the
// symbols and patterns node 20's ICU uses, one raw-deflated JSON entry per locale (and one for
// its units), as gen_locales.js writes it. The index is read once per process, on the first use
// of such a locale; an entry is inflated when a runtime first asks for it (about 1 KB to 30 KB of
// JSON), so a program using one locale pays for that one.
//
//go:embed locales.bin
var localesBin []byte

var (
	localesOnce    sync.Once
	localesIndex   map[string][]byte // key -> its deflated entry
	localesRegions map[string]string // language -> its regions with data, space-separated
)

func loadLocales() {
	localesIndex = map[string][]byte{}
	b := localesBin
	for len(b) > 0 {
		n := int(b[0])
		key := string(b[1 : 1+n])
		size := int(binary.BigEndian.Uint32(b[1+n:]))
		b = b[5+n:]
		localesIndex[key] = b[:size:size]
		b = b[size:]
	}
	if err := json.Unmarshal([]byte(localeEntry("regions")), &localesRegions); err != nil {
		panic("intl: locales.bin: " + err.Error()) // built into the binary: cannot fail
	}
}

// localeEntry inflates one entry of locales.bin ("" when there is none). A locale's entry of a
// kind ("en-JM/dates") that is the same as another locale's is stored as "=en-GB", read here.
func localeEntry(key string) string {
	z, ok := localesIndex[key]
	if !ok {
		return ""
	}
	b, err := io.ReadAll(flate.NewReader(bytes.NewReader(z)))
	if err != nil {
		panic("intl: locales.bin: " + key + ": " + err.Error())
	}
	if slash := strings.IndexByte(key, '/'); slash > 0 && len(b) > 0 && b[0] == '=' {
		return localeEntry(string(b[1:]) + key[slash:])
	}
	return string(b)
}

// localeUnits returns the unit patterns (JSON) of a data tag localeData returned.
func localeUnits(dataTag string) string {
	localesOnce.Do(loadLocales)
	return localeEntry(dataTag + "/units")
}

// dateData is a locale's date entry, parsed once per process: its layouts stay JSON until a
// runtime asks for one.
type dateData struct {
	Layouts map[string]json.RawMessage `json:"layouts"`
	Lists   json.RawMessage            `json:"lists"`
	Glue    json.RawMessage            `json:"glue"`
	Cal     string                     `json:"cal"`
}

var (
	datesMu sync.Mutex
	dates   = map[string]*dateData{} // tag -> its locale's data (nil: none)
)

// localeDates returns the date data of the most specific locale of a tag that has it (see
// localeData for the order); nil when none has, or when the locale's calendar is one intl.js
// does not have.
func localeDates(tag string) *dateData {
	localesOnce.Do(loadLocales)
	datesMu.Lock()
	defer datesMu.Unlock()
	if d, ok := dates[tag]; ok {
		return d
	}
	var d *dateData
	for _, t := range localeTries(tag) {
		j := localeEntry(t + "/dates")
		if j == "" {
			continue
		}
		if j != "-" {
			d = new(dateData)
			if err := json.Unmarshal([]byte(j), d); err != nil {
				panic("intl: locales.bin: " + t + ": " + err.Error())
			}
		}
		break
	}
	if len(dates) < 256 { // bounded: tags come from scripts
		dates[tag] = d
	}
	return d
}

// localeZones returns the short time zone names and GMT format (JSON, gen_locales.js's
// zoneData) of the most specific locale of a tag that has them, or "".
func localeZones(tag string) string { return mostSpecificEntry(tag, "/zones") }

// localeZoneNames returns the long and generic time zone names (JSON, gen_locales.js's
// zoneLongData) of the most specific locale of a tag that has them, or "".
func localeZoneNames(tag string) string { return mostSpecificEntry(tag, "/zonenames") }

// mostSpecificEntry is the entry of the most specific locale of a tag (localeTries) that has
// one under the suffix, or "".
func mostSpecificEntry(tag, suffix string) string {
	localesOnce.Do(loadLocales)
	for _, t := range localeTries(tag) {
		if j := localeEntry(t + suffix); j != "" {
			return j
		}
	}
	return ""
}

// localeMisc returns the relative-time and list patterns (JSON) of a data tag localeData
// returned.
func localeMisc(dataTag string) string {
	localesOnce.Do(loadLocales)
	return localeEntry(dataTag + "/misc")
}

// localeData returns the data of the most specific supported locale for a tag without
// extensions (or with just -u-nu-latn), trying the tag, then without its script or region, then
// its language: the tag whose data it is, the data, and the tag ICU reports for the request (its
// region dropped when ICU has no data for it). All "" when the language has none.
func localeData(tag string) (dataTag, data, reported string) {
	localesOnce.Do(loadLocales)
	parts := strings.Split(tag, "-")
	reported = tag
	if len(parts) == 2 && len(parts[1]) != 4 && !strings.Contains(" "+localesRegions[parts[0]]+" ", " "+parts[1]+" ") {
		reported = parts[0]
	}
	for _, t := range localeTries(tag) {
		if j := localeEntry(t); j != "" {
			if strings.HasPrefix(j, "=") {
				t = j[1:]
				j = localeEntry(t)
			}
			return t, j, reported
		}
	}
	return "", "", ""
}

// localeTries lists the keys to look a tag up by, most specific first.
func localeTries(tag string) []string {
	parts := strings.Split(tag, "-")
	if parts[0] == "no" { // Norwegian: Bokmål's data
		tag = "nb" + tag[2:]
		parts[0] = "nb"
	}
	var tries []string
	tries = append(tries, tag)
	if len(parts) == 3 {
		tries = append(tries, parts[0]+"-"+parts[2], parts[0]+"-"+parts[1])
	}
	if len(parts) >= 2 && parts[0] == "zh" {
		// Traditional Chinese: the regions that write it, and a script subtag
		switch parts[len(parts)-1] {
		case "TW", "HK", "MO", "Hant":
			tries = append(tries, "zh-Hant")
		}
	}
	return append(tries, parts[0])
}

// zoneNames is ICU's list of time zone names and its aliases (gen_locales.js), read once.
var zoneNames = sync.OnceValue(func() (z struct {
	List  []string
	Alias map[string]string
}) {
	localesOnce.Do(loadLocales)
	list, alias, _ := strings.Cut(localeEntry("zones"), "\n\n")
	z.List = strings.Split(list, "\n")
	z.Alias = map[string]string{}
	for _, line := range strings.Split(alias, "\n") {
		if a, name, ok := strings.Cut(line, " "); ok {
			z.Alias[a] = name
		}
	}
	return z
})
