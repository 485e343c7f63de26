package intl

//go:generate node gen_locales.js

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"io"
	"strings"
	"sync"
)

// locales.json.gz holds, for the locales beyond English that intl.js formats numbers for, the
// symbols and patterns node 20's ICU uses (see gen_locales.js). It is read once per process, on
// the first use of such a locale, and each runtime parses only the entries it asks for.
//
//go:embed locales.json.gz
var localesGz []byte

var (
	localesOnce    sync.Once
	localesData    map[string]string
	localesRegions map[string]string // language -> its regions with data, space-separated
)

func loadLocales() {
	var file struct {
		Locales map[string]string `json:"locales"`
		Regions map[string]string `json:"regions"`
	}
	zr, err := gzip.NewReader(bytes.NewReader(localesGz))
	if err == nil {
		var b []byte
		if b, err = io.ReadAll(zr); err == nil {
			err = json.Unmarshal(b, &file)
		}
	}
	if err != nil {
		panic("intl: locales.json.gz: " + err.Error()) // built into the binary: cannot fail
	}
	localesData = file.Locales
	localesRegions = file.Regions
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
	tries = append(tries, parts[0])
	for _, t := range tries {
		if j, ok := localesData[t]; ok {
			if strings.HasPrefix(j, "=") {
				t = j[1:]
				j = localesData[t]
			}
			return t, j, reported
		}
	}
	return "", "", ""
}
