package intl

import (
	_ "embed"
	"os"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/rivo/uniseg"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

//go:embed intl.js
var intlJS string

// Module is "internal/intl": the Intl global.
var Module = modules.Module{Name: "internal/intl", Internal: true, Bind: bindIntl, JSRef: &intlJS, GlueParts: true}

// u16len is the length of s in UTF-16 code units.
func u16len(s string) int { return modules.UTF16Len(s) }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// wordLike reports whether an ICU word segment has a non-"none" rule status: it holds a letter
// or a number.
func wordLike(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}

// segment returns the UTF-16 end offsets of s's segments. For words each end is doubled and
// its low bit says whether the segment is word-like.
func segment(s string, gran string) []any {
	out := make([]any, 0, len(s))
	pos, state := 0, -1
	var seg string
	for len(s) > 0 {
		switch gran {
		case "word":
			seg, s, state = uniseg.FirstWordInString(s, state)
		case "sentence":
			seg, s, state = uniseg.FirstSentenceInString(s, state)
		default:
			seg, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		}
		if isASCII(seg) {
			pos += len(seg)
		} else {
			pos += u16len(seg)
		}
		if gran == "word" {
			e := pos * 2
			if wordLike(seg) {
				e++
			}
			out = append(out, e)
		} else {
			out = append(out, pos)
		}
	}
	return out
}

type intlState struct {
	collators map[string]*collate.Collator
	zones     map[string]*time.Location // nil: no such zone
}

var intlKeyVal int
var intlKey = &intlKeyVal

func bindIntl(h *modules.Host, o *goja.Object) error {
	vm := h.VM
	st := h.State(intlKey, func() any {
		return &intlState{collators: map[string]*collate.Collator{}, zones: map[string]*time.Location{}}
	}).(*intlState)
	// part(name): the glue's constructors compile on first use (intl.js's parts)
	modules.SetGluePart(vm, o, "node:internal/intl", &intlJS)
	// receiver(v): v in V8's "incompatible receiver" words
	o.Set("receiver", func(v goja.Value) string { return modules.V8ValueWords(vm, v) })
	// segment(string, granularity) -> end offsets (see segment).
	o.Set("segment", func(s, gran string) goja.Value {
		if gran == "grapheme" && isASCII(s) && !strings.Contains(s, "\r\n") {
			out := make([]any, len(s))
			for i := range out {
				out[i] = i + 1
			}
			return vm.NewArray(out...)
		}
		return vm.NewArray(segment(s, gran)...)
	})
	// canonicalTag(tag) -> x/text's canonical form (aliases replaced), or "" if it knows none.
	o.Set("canonicalTag", func(s string) string {
		t, err := language.Parse(s)
		if err != nil {
			return ""
		}
		return t.String()
	})
	// compare(a, b, lang, opts) compares with the CLDR collation of lang; opts: "n" numeric.
	// English ASCII strings take a fast path with the same order.
	o.Set("compare", func(c goja.FunctionCall) goja.Value {
		a, b := c.Argument(0).String(), c.Argument(1).String()
		lang, opts := c.Argument(2).String(), c.Argument(3).String()
		if opts == "" && (lang == "en" || lang == "en-US") && isASCII(a) && isASCII(b) {
			return vm.ToValue(compareASCII(a, b, true))
		}
		return vm.ToValue(st.compare(a, b, lang, opts))
	})
	// aliasTag(base) -> the base with CLDR's aliases replaced; see names.go.
	o.Set("aliasTag", aliasTag)
	// localeData(tag) -> [dataTag, json]: the number data of a tag's locale; see locales.go.
	o.Set("localeData", func(tag string) goja.Value {
		t, j, r := localeData(tag)
		return vm.NewArray(t, j, r)
	})
	// localeUnits(dataTag) -> the unit patterns (JSON) of a locale localeData found.
	o.Set("localeUnits", localeUnits)
	// localeMisc(dataTag) -> the relative-time and list patterns (JSON) of a locale localeData found.
	o.Set("localeMisc", localeMisc)
	// localeDates(tag) -> [lists, glue, calendar] (JSON, JSON, string) of a tag's locale's dates,
	// or null; localeLayout(tag, key) -> one layout (JSON) of them, or "".
	o.Set("localeDates", func(tag string) goja.Value {
		d := localeDates(tag)
		if d == nil {
			return goja.Null()
		}
		return vm.NewArray(string(d.Lists), string(d.Glue), d.Cal)
	})
	// localeZones(tag) -> the short zone names and GMT format (JSON) of a tag's locale, or "".
	o.Set("localeZones", localeZones)
	// localeZoneNames(tag) -> a locale's long and generic zone names (JSON), or "".
	o.Set("localeZoneNames", localeZoneNames)
	o.Set("localeLayout", func(tag, key string) string {
		if d := localeDates(tag); d != nil {
			return string(d.Layouts[key])
		}
		return ""
	})
	// displayName(type, code) -> [name, complete]; see names.go.
	o.Set("displayName", func(typ, code string) goja.Value {
		name, complete := displayName(typ, code)
		return vm.NewArray(name, complete)
	})
	// zone(name, ms) -> [offsetMinutes, abbreviation, canonicalName, offsetSeconds] for an IANA
	// zone, or null. The minutes (truncated) key the name tables; the seconds are the offset
	// itself, which holds seconds in a zone's local mean time (New York's -4:56:02 before 1883).
	o.Set("zone", func(name string, ms float64) goja.Value {
		loc, ok := st.zones[name]
		if !ok {
			loc, _ = loadZone(name)
			if len(st.zones) < 512 { // bounded: names come from scripts
				st.zones[name] = loc
			}
		}
		if loc == nil {
			return goja.Null()
		}
		sec := int64(ms / 1000)
		if ms < 0 && float64(sec)*1000 != ms {
			sec--
		}
		abbr, off := time.Unix(sec, 0).In(loc).Zone()
		return vm.NewArray(off/60, abbr, loc.String(), off)
	})
	// zones() -> ICU's time zone names as node 20 lists them (Intl.supportedValuesOf).
	o.Set("zones", func() goja.Value {
		list := zoneNames().List
		names := make([]any, len(list))
		for i, n := range list {
			names[i] = n
		}
		return vm.NewArray(names...)
	})
	// zoneAlias(name) -> the zone ICU resolves name to where it differs (Asia/Kolkata is
	// Asia/Calcutta), or "".
	o.Set("zoneAlias", func(name string) string { return zoneNames().Alias[name] })
	// localZone() -> the runtime's time zone name, from TZ or /etc/localtime.
	o.Set("localZone", func() string {
		if tz, ok := h.Env["TZ"]; ok {
			tz = strings.TrimPrefix(tz, ":")
			if tz == "" {
				return "UTC"
			}
			if _, err := loadZone(tz); err == nil {
				return tz
			}
			return "UTC"
		}
		if p, err := os.Readlink("/etc/localtime"); err == nil {
			if i := strings.Index(p, "zoneinfo/"); i >= 0 {
				return p[i+len("zoneinfo/"):]
			}
		}
		if b, err := os.ReadFile("/etc/timezone"); err == nil {
			if s := strings.TrimSpace(string(b)); s != "" && utf8.ValidString(s) {
				return s
			}
		}
		return "UTC"
	})
	return nil
}

func loadZone(name string) (*time.Location, error) {
	switch strings.ToUpper(name) {
	case "UTC", "ETC/UTC", "GMT", "ETC/GMT", "Z", "ZULU", "UCT", "ETC/UCT", "UNIVERSAL":
		return time.UTC, nil
	}
	if loc, err := time.LoadLocation(name); err == nil {
		return loc, nil
	}
	// IANA names match case-insensitively: try the usual capitalization.
	b := []byte(strings.ToLower(name))
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == '/' || c == '_' || c == '-'
	}
	return time.LoadLocation(string(b))
}

// compare compares with the CLDR collation of lang; opts: "n" numeric.
func (st *intlState) compare(a, b, lang, opts string) int {
	key := lang + "/" + opts
	c := st.collators[key]
	if c == nil {
		t, err := language.Parse(lang)
		if err != nil {
			t = language.Und
		}
		var co []collate.Option
		if strings.Contains(opts, "i") {
			co = append(co, collate.IgnoreCase)
		}
		if strings.Contains(opts, "d") {
			co = append(co, collate.IgnoreDiacritics)
		}
		if strings.Contains(opts, "n") {
			co = append(co, collate.Numeric)
		}
		if strings.Contains(opts, "w") {
			co = append(co, collate.IgnoreWidth)
		}
		c = collate.New(t, co...)
		st.collators[key] = c
	}
	return c.CompareString(a, b)
}
