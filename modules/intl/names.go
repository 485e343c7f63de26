package intl

//go:generate node gen_names.js

import (
	"sort"
	"strings"
)

// nameEntry is one code and its English display name; the tables in names_en.go are sorted by
// code and are plain arrays, so they cost nothing until a lookup (no init work, no maps).
type nameEntry struct{ code, name string }

func lookupName(table []nameEntry, code string) (string, bool) {
	i := sort.Search(len(table), func(i int) bool { return table[i].code >= code })
	if i < len(table) && table[i].code == code {
		return table[i].name, true
	}
	return "", false
}

// displayName returns the English name Intl.DisplayNames gives for a canonical code of the kind
// typ ("language", "region" or "script"). A language tag's name is composed as ICU composes it
// in dialect mode: "American English", "English (Latin, United States)", "German (Germany,
// German orthography of 1996)". complete is false when some part has no name; the name then
// spells those parts as codes, which is what fallback: 'code' shows.
func displayName(typ, code string) (name string, complete bool) {
	switch typ {
	case "region":
		return lookupName(regionNames[:], code)
	case "script":
		return lookupName(scriptNames[:], code)
	case "language":
		return languageDisplayName(code)
	}
	return "", false
}

func languageDisplayName(tag string) (string, bool) {
	subtags := strings.Split(tag, "-")
	lang := subtags[0]
	var script, region string
	var variants []string
	for _, s := range subtags[1:] {
		switch {
		case len(s) == 1: // an extension or private use: not part of the name
			goto done
		case script == "" && region == "" && len(variants) == 0 && len(s) == 4 && isAlpha(s):
			script = s
		case region == "" && len(variants) == 0 && (len(s) == 2 && isAlpha(s) || len(s) == 3 && isDigits(s)):
			region = s
		default:
			variants = append(variants, s)
		}
	}
done:
	complete := true
	name, ok := "", false
	// A dialect name replaces the language and the one subtag it covers; with both a script and
	// a region only a name for all three would (CLDR has none).
	key := lang
	if script != "" {
		key += "-" + script
	}
	if region != "" {
		key += "-" + region
	}
	if key != lang {
		if name, ok = lookupName(dialectNames[:], key); ok {
			script, region = "", ""
		}
	}
	if !ok {
		if name, ok = lookupName(languageNames[:], lang); !ok {
			complete = false
			name = lang
			if lang == "und" {
				name = "root"
			}
		}
	}
	var parts []string
	add := func(table []nameEntry, code, raw string) {
		n, ok := lookupName(table, code)
		if !ok {
			complete = false
			n = raw
		}
		parts = append(parts, strings.NewReplacer("(", "[", ")", "]").Replace(n))
	}
	if script != "" {
		add(scriptNames[:], script, script)
	}
	if region != "" {
		add(regionNames[:], region, region)
	}
	switch len(variants) {
	case 0:
	case 1:
		add(variantNames[:], variants[0], strings.ToUpper(variants[0]))
	default: // ICU names only single variants; several show as one upper-case code
		complete = false
		parts = append(parts, strings.ToUpper(strings.Join(variants, "_")))
	}
	if len(parts) > 0 {
		name += " (" + strings.Join(parts, ", ") + ")"
	}
	return name, complete
}

func isAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// aliasTag replaces deprecated subtags in a tag's base (language, script, region, variants in
// canonical case) as CLDR's alias data does: a language alias brings its script or region when
// the tag has none ("sh-US" is "sr-Latn-US", "cnr" is "sr-ME"); a region alias its successor.
func aliasTag(base string) string {
	subtags := strings.Split(base, "-")
	lang := subtags[0]
	var script, region string
	rest := subtags[1:]
	if len(rest) > 0 && len(rest[0]) == 4 && isAlpha(rest[0]) {
		script, rest = rest[0], rest[1:]
	}
	if len(rest) > 0 && (len(rest[0]) == 2 && isAlpha(rest[0]) || len(rest[0]) == 3 && isDigits(rest[0])) {
		region, rest = rest[0], rest[1:]
	}
	changed := false
	if a, ok := lookupName(languageAliases[:], lang); ok {
		changed = true
		parts := strings.Split(a, "-")
		lang = parts[0]
		for _, p := range parts[1:] {
			switch {
			case len(p) == 4 && script == "":
				script = p
			case len(p) != 4 && region == "":
				region = p
			}
		}
	}
	if region != "" {
		if a, ok := lookupName(regionAliases[:], region); ok {
			changed, region = true, a
		}
	}
	if !changed {
		return base
	}
	out := []string{lang}
	if script != "" {
		out = append(out, script)
	}
	if region != "" {
		out = append(out, region)
	}
	return strings.Join(append(out, rest...), "-")
}
