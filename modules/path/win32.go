package path

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"github.com/gojs-dev/gojs/modules"
)

func isWinSep(c byte) bool { return c == '/' || c == '\\' }

func isDeviceRoot(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

var reservedNames = modules.Lazy[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"CON": true, "PRN": true, "AUX": true, "NUL": true,
		"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
		"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
		"COM\u00b9": true, "COM\u00b2": true, "COM\u00b3": true, "LPT\u00b9": true, "LPT\u00b2": true, "LPT\u00b3": true,
	}
}}

// isReservedName reports whether p[:colon] is a Windows device name (CON, COM1, ...), in any case.
// A colon of -1 means "no colon": JS slice(0, -1) drops the last character.
func isReservedName(p string, colon int) bool {
	if colon < 0 {
		if p == "" {
			return false
		}
		// JS slices off the last UTF-16 unit: a whole BMP rune, or half of an astral one
		// (which then never matches).
		r, size := utf8.DecodeLastRuneInString(p)
		if r > 0xFFFF {
			return false
		}
		colon = len(p) - size
	}
	if colon > 5 {
		return false
	}
	return reservedNames.Get()[strings.ToUpper(p[:colon])]
}

// uncRoot matches "\\server\share" at the start of p (len(p) >= 2, both separators). It returns
// the first part, where the second part starts and ends, and ok when both parts were found
// (the second possibly running to the end of p).
func uncRoot(p string) (first string, last, j int, ok bool) {
	n := len(p)
	j = 2
	last = j
	for j < n && !isWinSep(p[j]) {
		j++
	}
	if j < n && j != last {
		first = p[last:j]
		last = j
		for j < n && isWinSep(p[j]) {
			j++
		}
		if j < n && j != last {
			last = j
			for j < n && !isWinSep(p[j]) {
				j++
			}
			if j == n || j != last {
				return first, last, j, true
			}
		}
	}
	return "", 0, 0, false
}

func win32Resolve(parts []string, cwd string, env func(string) (string, bool)) string {
	return win32ResolveFn(len(parts), func(i int) string { return parts[i] }, cwd, env)
}

// win32ResolveFn is win32Resolve over n arguments fetched (and validated) by get.
func win32ResolveFn(n int, get func(int) string, cwd string, env func(string) (string, bool)) string {
	resolvedDevice := ""
	resolvedTail := ""
	resolvedAbs := false
	for i := n - 1; i >= -1; i-- {
		var p string
		if i >= 0 {
			p = get(i)
			if p == "" {
				continue
			}
		} else if resolvedDevice == "" {
			p = cwd
		} else {
			v, ok := env("=" + resolvedDevice)
			if !ok || v == "" {
				v = cwd
			}
			p = v
			// Use the drive's root when the cwd found belongs to another drive.
			head := p
			if len(head) > 2 {
				head = head[:2]
			}
			if jsLower(head) != jsLower(resolvedDevice) && len(p) > 2 && p[2] == '\\' {
				p = resolvedDevice + `\`
			}
		}
		n := len(p)
		rootEnd := 0
		device := ""
		abs := false
		if n == 0 {
			// only a cwd can be empty here; it resolves nothing
		} else if n == 1 {
			if isWinSep(p[0]) {
				rootEnd = 1
				abs = true
			}
		} else if isWinSep(p[0]) {
			abs = true
			if isWinSep(p[1]) {
				if first, last, j, ok := uncRoot(p); ok {
					if first != "." && first != "?" {
						device = `\\` + first + `\` + p[last:j]
						rootEnd = j
					} else {
						device = `\\` + first
						rootEnd = 4
					}
				}
			} else {
				rootEnd = 1
			}
		} else if isDeviceRoot(p[0]) && p[1] == ':' {
			device = p[:2]
			rootEnd = 2
			if n > 2 && isWinSep(p[2]) {
				abs = true
				rootEnd = 3
			}
		}
		if device != "" {
			if resolvedDevice != "" {
				if strings.ToLower(device) != strings.ToLower(resolvedDevice) {
					continue
				}
			} else {
				resolvedDevice = device
			}
		}
		if resolvedAbs {
			if resolvedDevice != "" {
				break
			}
		} else {
			resolvedTail = p[rootEnd:] + `\` + resolvedTail
			resolvedAbs = abs
			if abs && resolvedDevice != "" {
				break
			}
		}
	}
	resolvedTail = normalizeString(resolvedTail, !resolvedAbs, '\\', isWinSep)
	if resolvedAbs {
		return resolvedDevice + `\` + resolvedTail
	}
	if s := resolvedDevice + resolvedTail; s != "" {
		return s
	}
	return "."
}

func win32Normalize(p string) string {
	n := len(p)
	if n == 0 {
		return "."
	}
	rootEnd := 0
	device := ""
	hasDevice := false
	abs := false
	c := p[0]
	if n == 1 {
		if c == '/' {
			return `\`
		}
		return p
	}
	if isWinSep(c) {
		abs = true
		if isWinSep(p[1]) {
			if first, last, j, ok := uncRoot(p); ok {
				if first == "." || first == "?" {
					device, hasDevice = `\\`+first, true
					rootEnd = 4
					colon := strings.IndexByte(p, ':')
					if colon+1 >= 4 {
						possible := p[4 : colon+1]
						if isReservedName(possible, len(possible)-1) {
							device = `\\` + first + `\` + possible
							rootEnd = 4 + len(possible)
						}
					}
				} else if j == n {
					return `\\` + first + `\` + p[last:] + `\`
				} else {
					device, hasDevice = `\\`+first+`\`+p[last:j], true
					rootEnd = j
				}
			}
		} else {
			rootEnd = 1
		}
	} else {
		colon := strings.IndexByte(p, ':')
		if colon > 0 {
			if isDeviceRoot(c) && colon == 1 {
				device, hasDevice = p[:2], true
				rootEnd = 2
				if n > 2 && isWinSep(p[2]) {
					abs = true
					rootEnd = 3
				}
			} else if isReservedName(p, colon) {
				device, hasDevice = p[:colon+1], true
				rootEnd = colon + 1
			}
		}
	}
	tail := ""
	if rootEnd < n {
		tail = normalizeString(p[rootEnd:], !abs, '\\', isWinSep)
	}
	if tail == "" && !abs {
		tail = "."
	}
	if tail != "" && isWinSep(p[n-1]) {
		tail += `\`
	}
	if !abs && !hasDevice && strings.IndexByte(p, ':') >= 0 {
		// A relative path must not turn into something Windows reads as a drive (CVE-2024-36139).
		if len(tail) >= 2 && isDeviceRoot(tail[0]) && tail[1] == ':' {
			return `.\` + tail
		}
		for i := 0; i < n; i++ {
			if p[i] == ':' && (i == n-1 || isWinSep(p[i+1])) {
				return `.\` + tail
			}
		}
	}
	if isReservedName(p, strings.IndexByte(p, ':')) {
		return `.\` + device + tail
	}
	if !hasDevice {
		if abs {
			return `\` + tail
		}
		return tail
	}
	if abs {
		return device + `\` + tail
	}
	return device + tail
}

func win32IsAbsolute(p string) bool {
	n := len(p)
	if n == 0 {
		return false
	}
	if isWinSep(p[0]) {
		return true
	}
	return isDeviceRoot(p[0]) && n > 2 && p[1] == ':' && isWinSep(p[2])
}

func win32Join(parts []string) string {
	var b strings.Builder
	first := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() == 0 {
			first = p
		} else {
			b.WriteByte('\\')
		}
		b.WriteString(p)
	}
	if b.Len() == 0 {
		return "."
	}
	joined := b.String()
	needsReplace := true
	slashCount := 0
	if isWinSep(first[0]) {
		slashCount++
		if len(first) > 1 && isWinSep(first[1]) {
			slashCount++
			if len(first) > 2 {
				if isWinSep(first[2]) {
					slashCount++
				} else {
					needsReplace = false
				}
			}
		}
	}
	if needsReplace {
		for slashCount < len(joined) && isWinSep(joined[slashCount]) {
			slashCount++
		}
		if slashCount >= 2 {
			joined = `\` + joined[slashCount:]
		}
	}
	return win32Normalize(joined)
}

// jsLower lowercases as String.prototype.toLowerCase does: goja's full Unicode
// mapping (İ becomes i + U+0307, a final Σ becomes ς), ASCII without allocating.
func jsLower(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return cases.Lower(language.Und).String(s)
		}
		if s[i] >= 'A' && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// win32RelativeBySegment is node's win32.relative for paths whose lowercase
// form differs in length from the original (İ, ẞ...): the indexes of the
// lowercased strings do not fit the originals, so the resolved paths are
// compared segment by segment, case-insensitively, and the answer is built
// from the original segments of to.
func win32RelativeBySegment(fromOrig, toOrig string) string {
	fromParts := strings.Split(fromOrig, `\`)
	toParts := strings.Split(toOrig, `\`)
	if fromParts[len(fromParts)-1] == "" {
		fromParts = fromParts[:len(fromParts)-1]
	}
	if toParts[len(toParts)-1] == "" {
		toParts = toParts[:len(toParts)-1]
	}
	n := min(len(fromParts), len(toParts))
	i := 0
	for i < n && jsLower(fromParts[i]) == jsLower(toParts[i]) {
		i++
	}
	switch {
	case i == 0:
		return toOrig
	case i == n && len(toParts) > n:
		return strings.Join(toParts[i:], `\`)
	case i == n && len(fromParts) > n:
		return strings.Repeat(`..\`, len(fromParts)-1-i) + ".."
	case i == n:
		return ""
	}
	return strings.Repeat(`..\`, len(fromParts)-i) + strings.Join(toParts[i:], `\`)
}

func win32Relative(from, to, cwd string, env func(string) (string, bool)) string {
	if from == to {
		return ""
	}
	fromOrig := win32Resolve([]string{from}, cwd, env)
	toOrig := win32Resolve([]string{to}, cwd, env)
	if fromOrig == toOrig {
		return ""
	}
	from = jsLower(fromOrig)
	to = jsLower(toOrig)
	if from == to {
		return ""
	}
	if len(from) != len(fromOrig) || len(to) != len(toOrig) {
		// Lowercasing changed the lengths (rare non-ASCII): the indexes below
		// would not fit the originals.
		return win32RelativeBySegment(fromOrig, toOrig)
	}
	fromStart := 0
	for fromStart < len(from) && from[fromStart] == '\\' {
		fromStart++
	}
	fromEnd := len(from)
	for fromEnd-1 > fromStart && from[fromEnd-1] == '\\' {
		fromEnd--
	}
	fromLen := fromEnd - fromStart
	toStart := 0
	for toStart < len(to) && to[toStart] == '\\' {
		toStart++
	}
	toEnd := len(to)
	for toEnd-1 > toStart && to[toEnd-1] == '\\' {
		toEnd--
	}
	toLen := toEnd - toStart
	length := min(fromLen, toLen)
	lastCommonSep := -1
	i := 0
	for ; i < length; i++ {
		c := from[fromStart+i]
		if c != to[toStart+i] {
			break
		} else if c == '\\' {
			lastCommonSep = i
		}
	}
	if i != length {
		if lastCommonSep == -1 {
			return toOrig
		}
	} else {
		if toLen > length {
			if to[toStart+i] == '\\' {
				return toOrig[toStart+i+1:]
			}
			if i == 2 {
				return toOrig[toStart+i:]
			}
		}
		if fromLen > length {
			if from[fromStart+i] == '\\' {
				lastCommonSep = i
			} else if i == 2 {
				lastCommonSep = 3
			}
		}
		if lastCommonSep == -1 {
			lastCommonSep = 0
		}
	}
	var b strings.Builder
	for i = fromStart + lastCommonSep + 1; i <= fromEnd; i++ {
		if i == fromEnd || from[i] == '\\' {
			if b.Len() == 0 {
				b.WriteString("..")
			} else {
				b.WriteString(`\..`)
			}
		}
	}
	toStart += lastCommonSep
	if b.Len() > 0 {
		if toStart > toEnd {
			return b.String()
		}
		return b.String() + toOrig[toStart:toEnd]
	}
	if toStart < len(toOrig) && toOrig[toStart] == '\\' {
		toStart++
	}
	if toStart > toEnd {
		return ""
	}
	return toOrig[toStart:toEnd]
}

func win32ToNamespaced(p, cwd string, env func(string) (string, bool)) string {
	if p == "" {
		return p
	}
	r := win32Resolve([]string{p}, cwd, env)
	if jsLen(r) <= 2 {
		return p
	}
	if r[0] == '\\' {
		if r[1] == '\\' {
			if c := r[2]; c != '?' && c != '.' {
				return `\\?\UNC\` + r[2:]
			}
		}
	} else if isDeviceRoot(r[0]) && r[1] == ':' && r[2] == '\\' {
		return `\\?\` + r
	}
	return r
}

func win32Dirname(p string) string {
	n := len(p)
	if n == 0 {
		return "."
	}
	rootEnd := -1
	offset := 0
	c := p[0]
	if n == 1 {
		if isWinSep(c) {
			return p
		}
		return "."
	}
	if isWinSep(c) {
		rootEnd, offset = 1, 1
		if isWinSep(p[1]) {
			if _, last, j, ok := uncRoot(p); ok {
				if j == n {
					return p
				}
				if j != last {
					rootEnd, offset = j+1, j+1
				}
			}
		}
	} else if isDeviceRoot(c) && p[1] == ':' {
		rootEnd = 2
		if n > 2 && isWinSep(p[2]) {
			rootEnd = 3
		}
		offset = rootEnd
	}
	end := -1
	matchedSlash := true
	for i := n - 1; i >= offset; i-- {
		if isWinSep(p[i]) {
			if !matchedSlash {
				end = i
				break
			}
		} else {
			matchedSlash = false
		}
	}
	if end == -1 {
		if rootEnd == -1 {
			return "."
		}
		end = rootEnd
	}
	return p[:end]
}

func win32Basename(p, suffix string, hasSuffix bool) string {
	start := 0
	if len(p) >= 2 && isDeviceRoot(p[0]) && p[1] == ':' {
		start = 2
	}
	return basename(p, suffix, hasSuffix, start, isWinSep)
}

func win32Extname(p string) string {
	start := 0
	if len(p) >= 2 && p[1] == ':' && isDeviceRoot(p[0]) {
		start = 2
	}
	return extname(p, start, isWinSep)
}

func win32Parse(p string) parsed {
	var r parsed
	n := len(p)
	if n == 0 {
		return r
	}
	rootEnd := 0
	c := p[0]
	if n == 1 {
		if isWinSep(c) {
			r.root, r.dir = p, p
			return r
		}
		r.base, r.name = p, p
		return r
	}
	if isWinSep(c) {
		rootEnd = 1
		if isWinSep(p[1]) {
			if _, last, j, ok := uncRoot(p); ok {
				if j == n {
					rootEnd = j
				} else if j != last {
					rootEnd = j + 1
				}
			}
		}
	} else if isDeviceRoot(c) && p[1] == ':' {
		if n <= 2 {
			r.root, r.dir = p, p
			return r
		}
		rootEnd = 2
		if isWinSep(p[2]) {
			if n == 3 {
				r.root, r.dir = p, p
				return r
			}
			rootEnd = 3
		}
	}
	if rootEnd > 0 {
		r.root = p[:rootEnd]
	}
	startPart, startDot, end := scanExt(p, rootEnd, rootEnd, isWinSep)
	if end != -1 {
		if startDot == -1 {
			r.base = p[startPart:end]
			r.name = r.base
		} else {
			r.name = p[startPart:startDot]
			r.base = p[startPart:end]
			r.ext = p[startDot:end]
		}
	}
	if startPart > 0 && startPart != rootEnd {
		r.dir = p[:startPart-1]
	} else {
		r.dir = r.root
	}
	return r
}
