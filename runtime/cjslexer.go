package runtime

// CommonJS named exports for ES importers, found statically as Node finds them
// (https://nodejs.org/api/esm.html#commonjs-namespaces): Node runs the cjs-module-lexer over the
// source of a CommonJS module an ES module imports, and only the names it detects (plus
// `default`, which is module.exports) are importable by name. This is a Go lexer with the same
// detection rules, written from that project's documented grammar and checked against Node's
// own lexer on real packages:
//
//   - `exports.a =`, `exports['a'] =`, `module.exports.a =` (and `==`: there is no parser);
//   - `Object.defineProperty(exports, 'a', { [enumerable: true,] value: ... })` and the getter
//     forms `get() { return x.y }` / `get: function () { return x['y'] }`; any other getter for
//     a name makes it undetected;
//   - `module.exports = { a, b: c, 'd': e, ...f, ...require('x') }` (identifiers as values only:
//     anything else ends the object's detection);
//   - reexports: the last `module.exports = require('x')` or the requires spread in the last
//     object assigned, top-level `__export(require('x'))` / `__exportStar(require('x'))` /
//     `tslib.__exportStar(...)`, and Babel's `var _x = require('x'); Object.keys(_x).forEach(
//     function (key) { ... exports[key] = _x[key] ... })` in its known variations.
//
// The source is lexed as UTF-16 code units, as the JavaScript original sees it, so positions,
// surrogates and string escapes behave alike. It tokenizes strings, template literals (with
// nested substitutions), comments and regular expressions (the regexp/division ambiguity decided
// from the preceding token), and fails, like Node's, on unbalanced brackets or on import/export
// statements, in which case no names are detected. Results are cached per process by content.

import (
	"crypto/sha256"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// cjsLexResult is what the lexer found in one source.
type cjsLexResult struct {
	exports   []string // detected names, in first-seen order
	reexports []string // specifiers whose names are reexported
	esmSyntax bool     // lexing failed on an import or export statement
}

var cjsLexCache sync.Map // [32]byte sha256 of source -> *cjsLexResult

// lexCJSCached lexes src (cached by content). A source the lexer rejects gives an empty result.
func lexCJSCached(src string) *cjsLexResult {
	key := sha256.Sum256([]byte(src))
	if v, ok := cjsLexCache.Load(key); ok {
		return v.(*cjsLexResult)
	}
	r := lexCJS(src)
	cjsLexCache.Store(key, r)
	return r
}

// lexCJS runs the lexer over src.
func lexCJS(src string) (res *cjsLexResult) {
	l := &cjsLexer{s: toUTF16(src)}
	defer func() {
		if e := recover(); e != nil {
			le, ok := e.(cjsLexError)
			if !ok {
				panic(e)
			}
			res = &cjsLexResult{esmSyntax: le == errImportStatement || le == errExportStatement || le == errImportMeta}
		}
	}()
	l.parse()
	res = &cjsLexResult{}
	for _, n := range l.exports.list {
		if !l.unsafeGetters.has[n] {
			res.exports = append(res.exports, n)
		}
	}
	res.reexports = l.reexports.list
	return res
}

// moduleSyntax reports whether src has module syntax as Node's detection finds it by
// compiling src as CommonJS: an import or export statement, or import.meta anywhere (the
// lexer alone refuses it only at the top level). ok is false when the lexer rejects src for
// anything else (unbalanced brackets, an unterminated literal).
func moduleSyntax(src string) (esm, ok bool) {
	l := &cjsLexer{s: toUTF16(src), findMeta: true}
	defer func() {
		if e := recover(); e != nil {
			le, lexErr := e.(cjsLexError)
			if !lexErr {
				panic(e)
			}
			esm = le == errImportStatement || le == errExportStatement || le == errImportMeta
			ok = esm
		}
	}()
	l.parse()
	return false, true
}

// dynamicImportOffsets finds the dynamic import() calls of src: the code-unit offsets (in
// src's UTF-16 form, units) of their `import` keywords. ok is false when the lexer rejects src.
func dynamicImportOffsets(src string) (units []uint16, offs []int, ok bool) {
	l := &cjsLexer{s: toUTF16(src), findImports: true}
	defer func() {
		if e := recover(); e != nil {
			if _, lexErr := e.(cjsLexError); !lexErr {
				panic(e)
			}
			units, offs, ok = nil, nil, false
		}
	}()
	l.parse()
	return l.s, l.dynImports, true
}

func toUTF16(s string) []uint16 {
	out := make([]uint16, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			out = append(out, uint16(c))
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r >= 0x10000 {
			a, b := utf16.EncodeRune(r)
			out = append(out, uint16(a), uint16(b))
		} else {
			out = append(out, uint16(r))
		}
	}
	return out
}

// cjsLexError aborts lexing (unbalanced brackets, unterminated literals, module syntax).
type cjsLexError string

const (
	errImportStatement cjsLexError = "Unexpected import statement in CJS module."
	errExportStatement cjsLexError = "Unexpected export statement in CJS module."
	errImportMeta      cjsLexError = "Unexpected import.meta in CJS module."
)

// strSet is an insertion-ordered set of names.
type strSet struct {
	list []string
	has  map[string]bool
}

func (s *strSet) add(v string) {
	if s.has == nil {
		s.has = map[string]bool{}
	}
	if !s.has[v] {
		s.has[v] = true
		s.list = append(s.list, v)
	}
}

// optStr is a decoded string or none (a string literal with bad escapes or lone surrogates).
type optStr struct {
	s  string
	ok bool
}

const (
	reqImport = iota
	reqExportAssign
	reqExportStar
)

type cjsLexer struct {
	s        []uint16
	pos, end int

	openTokenDepth       int
	templateDepth        int
	lastTokenPos         int
	lastSlashWasDivision bool
	nextBraceIsClass     bool
	templateStack        []int
	openTokenPosStack    []int
	openClassPosStack    []bool

	starExportMap           map[string]optStr
	lastStarExportSpecifier optStr

	exports, unsafeGetters, reexports strSet

	findImports bool  // record dynamic import() calls at any depth (dynamicImportOffsets)
	findMeta    bool  // refuse import.meta at any depth, as a script's compile does (moduleSyntax)
	dynImports  []int // code-unit offsets of the `import` of each import( call

	// Set for an ES module's source (staticImportNames): module syntax is read, not refused.
	collectImports bool
	staticImports  []staticImport
}

// at is the code unit at i, 0 outside the source (where JavaScript's charCodeAt gives NaN, which
// no test here tells apart from 0).
func (l *cjsLexer) at(i int) int {
	if i < 0 || i >= len(l.s) {
		return 0
	}
	return int(l.s[i])
}

// next advances pos and reports whether the old position was before the end (`pos++ < end`).
func (l *cjsLexer) next() bool {
	p := l.pos
	l.pos++
	return p < l.end
}

// startsWith reports whether the source at p (negative p counts from 0) begins with ASCII str.
func (l *cjsLexer) startsWith(str string, p int) bool {
	if p < 0 {
		p = 0
	}
	if p+len(str) > len(l.s) {
		return false
	}
	for i := 0; i < len(str); i++ {
		if l.s[p+i] != uint16(str[i]) {
			return false
		}
	}
	return true
}

// startsWithUnits is startsWith for a string taken from the source.
func (l *cjsLexer) startsWithUnits(str []uint16, p int) bool {
	if p < 0 {
		p = 0
	}
	if p+len(str) > len(l.s) {
		return false
	}
	for i := range str {
		if l.s[p+i] != str[i] {
			return false
		}
	}
	return true
}

func (l *cjsLexer) slice(a, b int) []uint16 {
	if a < 0 {
		a = 0
	}
	if b > len(l.s) {
		b = len(l.s)
	}
	if a >= b {
		return nil
	}
	return l.s[a:b]
}

func setInt(s *[]int, i, v int) {
	for len(*s) <= i {
		*s = append(*s, 0)
	}
	(*s)[i] = v
}

func getInt(s []int, i int) int {
	if i < 0 || i >= len(s) {
		return 0
	}
	return s[i]
}

func (l *cjsLexer) pushOpen(v int) {
	setInt(&l.openTokenPosStack, l.openTokenDepth, v)
	l.openTokenDepth++
}

func (l *cjsLexer) fail(msg string) { panic(cjsLexError(msg)) }

func (l *cjsLexer) parse() {
	l.pos = -1
	l.end = len(l.s) - 1
	l.templateDepth = -1
	l.lastTokenPos = -1
	l.starExportMap = map[string]optStr{}

	if l.at(0) == '#' && l.at(1) == '!' {
		if len(l.s) == 2 {
			return
		}
		l.pos += 2
		for l.next() {
			ch := l.at(l.pos)
			if ch == '\n' || ch == '\r' {
				break
			}
		}
	}

	for l.next() {
		ch := l.at(l.pos)
		if ch == 32 || ch < 14 && ch > 8 {
			continue
		}
		if l.openTokenDepth == 0 {
			switch ch {
			case 'i':
				if l.startsWith("mport", l.pos+1) && l.keywordStart(l.pos) {
					l.throwIfImportStatement()
				}
				l.lastTokenPos = l.pos
				continue
			case 'r':
				start := l.pos
				if l.tryParseRequire(reqImport) && l.keywordStart(start) {
					l.tryBacktrackAddStarExportBinding(start - 1)
				}
				l.lastTokenPos = l.pos
				continue
			case '_':
				if l.startsWith("interopRequireWildcard", l.pos+1) && (l.keywordStart(l.pos) || l.at(l.pos-1) == '.') {
					start := l.pos
					l.pos += 23
					if l.at(l.pos) == '(' {
						l.pos++
						l.pushOpen(l.lastTokenPos)
						if l.tryParseRequire(reqImport) && l.keywordStart(start) {
							l.tryBacktrackAddStarExportBinding(start - 1)
						}
					}
				} else if l.startsWith("_export", l.pos+1) && (l.keywordStart(l.pos) || l.at(l.pos-1) == '.') {
					l.pos += 8
					if l.startsWith("Star", l.pos) {
						l.pos += 4
					}
					if l.at(l.pos) == '(' {
						l.pushOpen(l.lastTokenPos)
						if l.at(l.pos+1) == 'r' {
							l.pos++
							l.tryParseRequire(reqExportStar)
						}
					}
				}
				l.lastTokenPos = l.pos
				continue
			}
		}

		switch ch {
		case 'i':
			// (depth 0 is throwIfImportStatement's)
			if (l.findImports || l.findMeta) && l.startsWith("mport", l.pos+1) && l.keywordStart(l.pos) && !isIdentifierChar(l.at(l.pos+6)) {
				start := l.pos
				l.pos += 6
				switch l.commentWhitespace() {
				case '(':
					if l.findImports {
						l.dynImports = append(l.dynImports, start)
					}
				case '.':
					if l.findMeta {
						panic(errImportMeta)
					}
				}
				l.pos = start + 5 // the loop's next() steps past the keyword
			}
		case 'e':
			if l.startsWith("xport", l.pos+1) && l.keywordStart(l.pos) {
				if l.at(l.pos+6) == 's' {
					l.tryParseExportsDotAssign(false)
				} else if l.openTokenDepth == 0 && !l.collectImports {
					l.throwIfExportStatement()
				}
			}
		case 'c':
			if l.keywordStart(l.pos) && l.startsWith("lass", l.pos+1) && isBrOrWs(l.at(l.pos+5)) {
				l.nextBraceIsClass = true
			}
		case 'm':
			if l.startsWith("odule", l.pos+1) && l.keywordStart(l.pos) {
				l.tryParseModuleExportsDotAssign()
			}
		case 'O':
			if l.startsWith("bject", l.pos+1) && l.keywordStart(l.pos) {
				l.tryParseObjectDefineOrKeys(l.openTokenDepth == 0)
			}
		case '(':
			l.pushOpen(l.lastTokenPos)
		case ')':
			if l.openTokenDepth == 0 {
				l.fail("Unexpected closing bracket.")
			}
			l.openTokenDepth--
		case '{':
			for len(l.openClassPosStack) <= l.openTokenDepth {
				l.openClassPosStack = append(l.openClassPosStack, false)
			}
			l.openClassPosStack[l.openTokenDepth] = l.nextBraceIsClass
			l.nextBraceIsClass = false
			l.pushOpen(l.lastTokenPos)
		case '}':
			if l.openTokenDepth == 0 {
				l.fail("Unexpected closing brace.")
			}
			d := l.openTokenDepth
			l.openTokenDepth--
			if d == l.templateDepth {
				n := len(l.templateStack) - 1
				l.templateDepth = l.templateStack[n]
				l.templateStack = l.templateStack[:n]
				l.templateString()
			} else if l.templateDepth != -1 && l.openTokenDepth < l.templateDepth {
				l.fail("Unexpected closing brace.")
			}
		case '\'', '"':
			l.stringLiteral(ch)
		case '/':
			next := l.at(l.pos + 1)
			if next == '/' {
				l.lineComment()
				continue // not a token
			} else if next == '*' {
				l.blockComment()
				continue
			}
			last := l.at(l.lastTokenPos)
			prev := l.at(l.lastTokenPos - 1)
			if isExpressionPunctuator(last) &&
				!(last == '.' && prev >= '0' && prev <= '9') &&
				!(last == '+' && prev == '+') && !(last == '-' && prev == '-') ||
				last == ')' && l.isParenKeyword(getInt(l.openTokenPosStack, l.openTokenDepth)) ||
				last == '}' && (l.isExpressionTerminator(getInt(l.openTokenPosStack, l.openTokenDepth)) || l.openClass(l.openTokenDepth)) ||
				last == '/' && l.lastSlashWasDivision ||
				l.isExpressionKeyword(l.lastTokenPos) ||
				last == 0 {
				l.regularExpression()
				l.lastSlashWasDivision = false
			} else {
				l.lastSlashWasDivision = true
			}
		case '`':
			l.templateString()
		}
		l.lastTokenPos = l.pos
	}

	if l.templateDepth != -1 {
		l.fail("Unterminated template.")
	}
	if l.openTokenDepth != 0 {
		l.fail("Unterminated braces.")
	}
}

func (l *cjsLexer) openClass(i int) bool {
	return i >= 0 && i < len(l.openClassPosStack) && l.openClassPosStack[i]
}

func (l *cjsLexer) tryBacktrackAddStarExportBinding(b int) {
	for l.at(b) == ' ' && b >= 0 {
		b--
	}
	if l.at(b) != '=' {
		return
	}
	b--
	for l.at(b) == ' ' && b >= 0 {
		b--
	}
	idEnd := b
	identStart := false
	for {
		cp := l.codePointAtLast(b)
		if cp == 0 || b < 0 {
			break
		}
		if cp == '\\' {
			return
		}
		if !isIdentifierChar(cp) {
			break
		}
		identStart = isIdentifierStart(cp)
		if cp >= 0x10000 {
			b -= 2
		} else {
			b--
		}
	}
	if !identStart || l.at(b) != ' ' {
		return
	}
	id := string(utf16.Decode(l.slice(b+1, idEnd+1)))
	for l.at(b) == ' ' && b >= 0 {
		b--
	}
	switch l.at(b) {
	case 'r':
		if !l.startsWith("va", b-2) {
			return
		}
	case 't':
		if !l.startsWith("le", b-2) && !l.startsWith("cons", b-4) {
			return
		}
	default:
		return
	}
	l.starExportMap[id] = l.lastStarExportSpecifier
}

func (l *cjsLexer) codePointAtLast(b int) int {
	ch := l.at(b)
	if ch&0xFC00 == 0xDC00 {
		return ((l.at(b-1)&0x3FF)<<10 | (ch & 0x3FF)) + 0x10000
	}
	return ch
}

// tryParseObjectHasOwnProperty matches `Object.[prototype.]hasOwnProperty.call(X, it)`.
func (l *cjsLexer) tryParseObjectHasOwnProperty(it []uint16) bool {
	ch := l.commentWhitespace()
	if ch != 'O' || !l.startsWith("bject", l.pos+1) {
		return false
	}
	l.pos += 6
	if !l.expect('.') {
		return false
	}
	ch = l.commentWhitespace()
	if ch == 'p' {
		if !l.startsWith("rototype", l.pos+1) {
			return false
		}
		l.pos += 9
		if !l.expect('.') {
			return false
		}
		ch = l.commentWhitespace()
	}
	if ch != 'h' || !l.startsWith("asOwnProperty", l.pos+1) {
		return false
	}
	l.pos += 14
	if !l.expect('.') {
		return false
	}
	if ch = l.commentWhitespace(); ch != 'c' || !l.startsWith("all", l.pos+1) {
		return false
	}
	l.pos += 4
	if !l.expect('(') {
		return false
	}
	l.commentWhitespace()
	if !l.identifier() {
		return false
	}
	if !l.expect(',') {
		return false
	}
	l.commentWhitespace()
	if !l.startsWithUnits(it, l.pos) {
		return false
	}
	l.pos += len(it)
	if !l.expect(')') {
		return false
	}
	return true
}

func (l *cjsLexer) tryParseObjectDefineOrKeys(keys bool) {
	l.pos += 6
	revert := l.pos - 1
	ch := l.commentWhitespace()
	if ch == '.' {
		l.pos++
		ch = l.commentWhitespace()
		if ch == 'd' && l.startsWith("efineProperty", l.pos+1) {
			var expt []uint16
			haveExpt := false
			done := func() bool { // true: the whole statement was recognised (pos is set)
				l.pos += 14
				revert = l.pos - 1
				if !l.expect('(') {
					return false
				}
				ch := l.commentWhitespace()
				if !l.readExportsOrModuleDotExports(ch) {
					return false
				}
				if !l.expect(',') {
					return false
				}
				ch = l.commentWhitespace()
				if ch != '\'' && ch != '"' {
					return false
				}
				exportPos := l.pos
				l.stringLiteral(ch)
				l.pos++
				expt, haveExpt = l.slice(exportPos, l.pos), true
				if !l.expect(',') {
					return false
				}
				if !l.expect('{') {
					return false
				}
				ch = l.commentWhitespace()
				if ch == 'e' {
					if !l.startsWith("numerable", l.pos+1) {
						return false
					}
					l.pos += 10
					if !l.expect(':') {
						return false
					}
					if ch = l.commentWhitespace(); ch != 't' || !l.startsWith("rue", l.pos+1) {
						return false
					}
					l.pos += 4
					if !l.expect(',') {
						return false
					}
					ch = l.commentWhitespace()
				}
				if ch == 'v' {
					if !l.startsWith("alue", l.pos+1) {
						return false
					}
					l.pos += 5
					if l.commentWhitespace() != ':' {
						return false
					}
					l.addDecoded(&l.exports, expt)
					l.pos = revert
					return true
				}
				if !l.getterToReturn(ch) {
					return false
				}
				l.commentWhitespace()
				if !l.identifier() {
					return false
				}
				ch = l.commentWhitespace()
				if ch == '.' {
					l.pos++
					l.commentWhitespace()
					if !l.identifier() {
						return false
					}
					ch = l.commentWhitespace()
				} else if ch == '[' {
					l.pos++
					ch = l.commentWhitespace()
					if ch != '\'' && ch != '"' {
						return false
					}
					l.stringLiteral(ch)
					l.pos++
					if !l.expect(']') {
						return false
					}
					ch = l.commentWhitespace()
				}
				if ch == ';' {
					l.pos++
					ch = l.commentWhitespace()
				}
				if ch != '}' {
					return false
				}
				l.pos++
				ch = l.commentWhitespace()
				if ch == ',' {
					l.pos++
					ch = l.commentWhitespace()
				}
				if ch != '}' {
					return false
				}
				l.pos++
				if l.commentWhitespace() != ')' {
					return false
				}
				l.addDecoded(&l.exports, expt)
				return true
			}()
			if done {
				return
			}
			if haveExpt {
				l.addDecoded(&l.unsafeGetters, expt)
			}
		} else if keys && ch == 'k' && l.startsWith("eys", l.pos+1) {
			if l.tryParseKeysForEach(&revert) {
				return
			}
		}
	}
	l.pos = revert
}

// tryParseKeysForEach matches Babel's star reexport loop after `Object.k`; true when it
// matched to the end (pos is set), false to revert to *revert.
func (l *cjsLexer) tryParseKeysForEach(revert *int) bool {
	l.pos += 4
	*revert = l.pos - 1
	if !l.expect('(') {
		return false
	}
	l.commentWhitespace()
	idStart := l.pos
	if !l.identifier() {
		return false
	}
	id := l.slice(idStart, l.pos)
	if l.commentWhitespace() != ')' {
		return false
	}
	*revert = l.pos
	l.pos++
	if !l.expect('.') {
		return false
	}
	if ch := l.commentWhitespace(); ch != 'f' || !l.startsWith("orEach", l.pos+1) {
		return false
	}
	l.pos += 7
	ch := l.commentWhitespace()
	*revert = l.pos - 1
	if ch != '(' {
		return false
	}
	l.pos++
	if ch = l.commentWhitespace(); ch != 'f' || !l.startsWith("unction", l.pos+1) {
		return false
	}
	l.pos += 8
	if !l.expect('(') {
		return false
	}
	l.commentWhitespace()
	itStart := l.pos
	if !l.identifier() {
		return false
	}
	it := l.slice(itStart, l.pos)
	if !l.expect(')') {
		return false
	}
	if !l.expect('{') {
		return false
	}
	if ch = l.commentWhitespace(); ch != 'i' || l.at(l.pos+1) != 'f' {
		return false
	}
	l.pos += 2
	if !l.expect('(') {
		return false
	}
	l.commentWhitespace()
	if !l.startsWithUnits(it, l.pos) {
		return false
	}
	l.pos += len(it)
	ch = l.commentWhitespace()
	switch ch {
	case '=':
		// if (k === 'default' || k === '__esModule') return;
		if !l.startsWith("==", l.pos+1) {
			return false
		}
		l.pos += 3
		ch = l.commentWhitespace()
		if ch != '"' && ch != '\'' {
			return false
		}
		quot := ch
		if !l.startsWith("default", l.pos+1) {
			return false
		}
		l.pos += 8
		if l.commentWhitespace() != quot {
			return false
		}
		l.pos++
		if ch = l.commentWhitespace(); ch != '|' || l.at(l.pos+1) != '|' {
			return false
		}
		l.pos += 2
		l.commentWhitespace()
		if !l.sliceEquals(l.pos, it) {
			return false
		}
		l.pos += len(it)
		if ch = l.commentWhitespace(); ch != '=' || !l.sliceEqualsASCII(l.pos+1, "==") {
			return false
		}
		l.pos += 3
		ch = l.commentWhitespace()
		if ch != '"' && ch != '\'' {
			return false
		}
		quot = ch
		if !l.startsWith("__esModule", l.pos+1) {
			return false
		}
		l.pos += 11
		if l.commentWhitespace() != quot {
			return false
		}
		l.pos++
		if !l.expect(')') {
			return false
		}
		if ch = l.commentWhitespace(); ch != 'r' || !l.startsWith("eturn", l.pos+1) {
			return false
		}
		l.pos += 6
		if l.commentWhitespace() == ';' {
			l.pos++
		}
		ch = l.commentWhitespace()
		if ch == 'i' && l.at(l.pos+1) == 'f' {
			inIf := true
			l.pos += 2
			if !l.expect('(') {
				return false
			}
			ifInner := l.pos
			if l.tryParseObjectHasOwnProperty(it) {
				if !l.expect(')') {
					return false
				}
				if ch = l.commentWhitespace(); ch != 'r' || !l.startsWith("eturn", l.pos+1) {
					return false
				}
				l.pos += 6
				if l.commentWhitespace() == ';' {
					l.pos++
				}
				ch = l.commentWhitespace()
				if ch == 'i' && l.at(l.pos+1) == 'f' {
					l.pos += 2
					if !l.expect('(') {
						return false
					}
				} else {
					inIf = false
				}
			} else {
				l.pos = ifInner
			}
			if inIf {
				// if (k in exports && exports[k] === x[k]) return;
				if !l.startsWithUnits(it, l.pos) {
					return false
				}
				l.pos += len(it)
				if ch = l.commentWhitespace(); ch != 'i' || !l.startsWith("n ", l.pos+1) {
					return false
				}
				l.pos += 3
				if !l.readExportsOrModuleDotExports(l.commentWhitespace()) {
					return false
				}
				if ch = l.commentWhitespace(); ch != '&' || l.at(l.pos+1) != '&' {
					return false
				}
				l.pos += 2
				if !l.readExportsOrModuleDotExports(l.commentWhitespace()) {
					return false
				}
				if !l.expectIndex(it) {
					return false
				}
				if ch = l.commentWhitespace(); ch != '=' || !l.startsWith("==", l.pos+1) {
					return false
				}
				l.pos += 3
				l.commentWhitespace()
				if !l.startsWithUnits(id, l.pos) {
					return false
				}
				l.pos += len(id)
				if !l.expectIndex(it) {
					return false
				}
				if !l.expect(')') {
					return false
				}
				if ch = l.commentWhitespace(); ch != 'r' || !l.startsWith("eturn", l.pos+1) {
					return false
				}
				l.pos += 6
				if l.commentWhitespace() == ';' {
					l.pos++
				}
				ch = l.commentWhitespace()
			}
		}
	case '!':
		// if (k !== 'default' [&& !Object.prototype.hasOwnProperty.call(X, k) | && !X.hasOwnProperty(k)])
		if !l.startsWith("==", l.pos+1) {
			return false
		}
		l.pos += 3
		ch = l.commentWhitespace()
		if ch != '"' && ch != '\'' {
			return false
		}
		quot := ch
		if !l.startsWith("default", l.pos+1) {
			return false
		}
		l.pos += 8
		if l.commentWhitespace() != quot {
			return false
		}
		l.pos++
		ch = l.commentWhitespace()
		if ch == '&' {
			if l.at(l.pos+1) != '&' {
				return false
			}
			l.pos += 2
			if !l.expect('!') {
				return false
			}
			ch = l.commentWhitespace()
			if ch == 'O' && l.startsWith("bject", l.pos+1) && l.at(l.pos+6) == '.' {
				if !l.tryParseObjectHasOwnProperty(it) {
					return false
				}
			} else if l.identifier() {
				if !l.expect('.') {
					return false
				}
				if ch = l.commentWhitespace(); ch != 'h' || !l.startsWith("asOwnProperty", l.pos+1) {
					return false
				}
				l.pos += 14
				if !l.expect('(') {
					return false
				}
				l.commentWhitespace()
				if !l.startsWithUnits(it, l.pos) {
					return false
				}
				l.pos += len(it)
				if !l.expect(')') {
					return false
				}
			} else {
				return false
			}
			ch = l.commentWhitespace()
		}
		if ch != ')' {
			return false
		}
		l.pos++
		ch = l.commentWhitespace()
	default:
		return false
	}

	if l.readExportsOrModuleDotExports(ch) {
		// exports[k] = x[k];
		if !l.expect('[') {
			return false
		}
		l.commentWhitespace()
		if !l.sliceEquals(l.pos, it) {
			return false
		}
		l.pos += len(it)
		if !l.expect(']') {
			return false
		}
		if !l.expect('=') {
			return false
		}
		l.commentWhitespace()
		if !l.sliceEquals(l.pos, id) {
			return false
		}
		l.pos += len(id)
		if !l.expect('[') {
			return false
		}
		l.commentWhitespace()
		if !l.sliceEquals(l.pos, it) {
			return false
		}
		l.pos += len(it)
		if !l.expect(']') {
			return false
		}
		ch = l.commentWhitespace()
		if ch == ';' {
			l.pos++
			ch = l.commentWhitespace()
		}
	} else if ch == 'O' {
		// Object.defineProperty(exports, k, { enumerable: true, get: function () { return x[k]; } });
		if !l.sliceEqualsASCII(l.pos+1, "bject") {
			return false
		}
		l.pos += 6
		if !l.expect('.') {
			return false
		}
		if ch = l.commentWhitespace(); ch != 'd' || !l.startsWith("efineProperty", l.pos+1) {
			return false
		}
		l.pos += 14
		if !l.expect('(') {
			return false
		}
		if !l.readExportsOrModuleDotExports(l.commentWhitespace()) {
			return false
		}
		if !l.expect(',') {
			return false
		}
		l.commentWhitespace()
		if !l.startsWithUnits(it, l.pos) {
			return false
		}
		l.pos += len(it)
		if !l.expect(',') {
			return false
		}
		if !l.expect('{') {
			return false
		}
		if ch = l.commentWhitespace(); ch != 'e' || !l.startsWith("numerable", l.pos+1) {
			return false
		}
		l.pos += 10
		if !l.expect(':') {
			return false
		}
		// (Node's lexer accepts anything starting with 't' or followed by "rue" here.)
		if ch = l.commentWhitespace(); ch != 't' && !l.startsWith("rue", l.pos+1) {
			return false
		}
		l.pos += 4
		if !l.expect(',') {
			return false
		}
		if !l.getterToReturn(l.commentWhitespace()) {
			return false
		}
		l.commentWhitespace()
		if !l.startsWithUnits(id, l.pos) {
			return false
		}
		l.pos += len(id)
		if !l.expectIndex(it) {
			return false
		}
		ch = l.commentWhitespace()
		if ch == ';' {
			l.pos++
			ch = l.commentWhitespace()
		}
		if ch != '}' {
			return false
		}
		l.pos++
		ch = l.commentWhitespace()
		if ch == ',' {
			l.pos++
			ch = l.commentWhitespace()
		}
		if ch != '}' {
			return false
		}
		l.pos++
		if !l.expect(')') {
			return false
		}
		ch = l.commentWhitespace()
		if ch == ';' {
			l.pos++
			ch = l.commentWhitespace()
		}
	} else {
		return false
	}

	if ch != '}' {
		return false
	}
	l.pos++
	if l.commentWhitespace() != ')' {
		return false
	}
	if spec, ok := l.starExportMap[string(utf16.Decode(id))]; ok && spec.ok && spec.s != "" {
		if d := decodeJSString(utf16.Encode([]rune(spec.s))); d.ok {
			l.reexports.add(d.s)
		}
		l.pos = *revert
		return true
	}
	return true
}

// expectIndex matches `[it]` after optional whitespace.
func (l *cjsLexer) expectIndex(it []uint16) bool {
	if !l.expect('[') {
		return false
	}
	l.commentWhitespace()
	if !l.startsWithUnits(it, l.pos) {
		return false
	}
	l.pos += len(it)
	if !l.expect(']') {
		return false
	}
	return true
}

// sliceEquals is `source.slice(p, p + len(v)) === v` (p is never negative here).
func (l *cjsLexer) sliceEquals(p int, v []uint16) bool {
	return l.startsWithUnits(v, p)
}

func (l *cjsLexer) sliceEqualsASCII(p int, v string) bool {
	return l.startsWith(v, p)
}

func (l *cjsLexer) readExportsOrModuleDotExports(ch int) bool {
	revert := l.pos
	if ch == 'm' && l.startsWith("odule", l.pos+1) {
		l.pos += 6
		if l.commentWhitespace() != '.' {
			l.pos = revert
			return false
		}
		l.pos++
		ch = l.commentWhitespace()
	}
	if ch == 'e' && l.startsWith("xports", l.pos+1) {
		l.pos += 7
		return true
	}
	l.pos = revert
	return false
}

func (l *cjsLexer) tryParseModuleExportsDotAssign() {
	l.pos += 6
	revert := l.pos - 1
	if l.commentWhitespace() == '.' {
		l.pos++
		if ch := l.commentWhitespace(); ch == 'e' && l.startsWith("xports", l.pos+1) {
			l.tryParseExportsDotAssign(true)
			return
		}
	}
	l.pos = revert
}

func (l *cjsLexer) tryParseExportsDotAssign(assign bool) {
	l.pos += 7
	revert := l.pos - 1
	switch l.commentWhitespace() {
	case '.':
		l.pos++
		l.commentWhitespace()
		start := l.pos
		if l.identifier() {
			end := l.pos
			if l.commentWhitespace() == '=' {
				l.addDecoded(&l.exports, l.slice(start, end))
				return
			}
		}
	case '[':
		l.pos++
		ch := l.commentWhitespace()
		if ch == '\'' || ch == '"' {
			start := l.pos
			l.stringLiteral(ch)
			l.pos++
			end := l.pos
			if l.commentWhitespace() != ']' {
				break
			}
			l.pos++
			if l.commentWhitespace() != '=' {
				break
			}
			l.addDecoded(&l.exports, l.slice(start, end))
		}
	case '=':
		if assign {
			if len(l.reexports.list) > 0 {
				l.reexports = strSet{}
			}
			l.pos++
			ch := l.commentWhitespace()
			if ch == '{' {
				l.tryParseLiteralExports()
				return
			}
			if ch == 'r' {
				l.tryParseRequire(reqExportAssign)
			}
		}
	}
	l.pos = revert
}

func (l *cjsLexer) tryParseRequire(typ int) bool {
	revert := l.pos
	if !l.startsWith("equire", l.pos+1) {
		return false
	}
	l.pos += 7
	if l.commentWhitespace() == '(' {
		l.pos++
		ch := l.commentWhitespace()
		start := l.pos
		if ch == '\'' || ch == '"' {
			l.stringLiteral(ch)
			l.pos++
			end := l.pos
			if l.commentWhitespace() == ')' {
				d := decodeJSString(l.slice(start, end))
				switch typ {
				case reqExportAssign, reqExportStar:
					if d.ok {
						l.reexports.add(d.s)
					}
				default:
					l.lastStarExportSpecifier = d
				}
				return true
			}
		}
	}
	l.pos = revert
	return false
}

func (l *cjsLexer) tryParseLiteralExports() {
	revert := l.pos - 1
	for l.next() {
		ch := l.commentWhitespace()
		start := l.pos
		if l.identifier() {
			end := l.pos
			ch = l.commentWhitespace()
			if ch == ':' {
				l.pos++
				l.commentWhitespace()
				if !l.identifier() {
					l.pos = revert
					return
				}
				ch = l.at(l.pos)
			}
			l.addDecoded(&l.exports, l.slice(start, end))
		} else if ch == '.' && l.startsWith("..", l.pos+1) {
			l.pos += 3
			if l.at(l.pos) == 'r' && l.tryParseRequire(reqExportAssign) {
				l.pos++
			} else if !l.identifier() {
				l.pos = revert
				return
			}
			ch = l.commentWhitespace()
		} else if ch == '\'' || ch == '"' {
			start := l.pos
			l.stringLiteral(ch)
			l.pos++
			end := l.pos
			ch = l.commentWhitespace()
			if ch == ':' {
				l.pos++
				l.commentWhitespace()
				if !l.identifier() {
					l.pos = revert
					return
				}
				ch = l.at(l.pos)
				l.addDecoded(&l.exports, l.slice(start, end))
			}
		} else {
			l.pos = revert
			return
		}
		if ch == '}' {
			return
		}
		if ch != ',' {
			l.pos = revert
			return
		}
	}
}

// addDecoded adds the name spelled by units (an identifier, or a quoted string literal that
// is decoded) to set, unless it does not decode.
func (l *cjsLexer) addDecoded(set *strSet, units []uint16) {
	if d := decodeJSString(units); d.ok {
		set.add(d.s)
	}
}

// decodeJSString decodes a quoted JavaScript string literal (or returns an unquoted name as it
// is); strings with bad escapes or unpaired surrogates give none.
func decodeJSString(u []uint16) optStr {
	if len(u) == 0 || (u[0] != '"' && u[0] != '\'') {
		return optStr{string(utf16.Decode(u)), true}
	}
	quote := u[0]
	out := make([]uint16, 0, len(u))
	i := 1
	hex := func(c uint16) int {
		switch {
		case c >= '0' && c <= '9':
			return int(c - '0')
		case c >= 'a' && c <= 'f':
			return int(c-'a') + 10
		case c >= 'A' && c <= 'F':
			return int(c-'A') + 10
		}
		return -1
	}
	get := func(j int) uint16 {
		if j < len(u) {
			return u[j]
		}
		return 0
	}
	appendCP := func(cp int) {
		if cp >= 0x10000 {
			a, b := utf16.EncodeRune(rune(cp))
			out = append(out, uint16(a), uint16(b))
		} else {
			out = append(out, uint16(cp))
		}
	}
	closed := false
loop:
	for i < len(u) {
		c := u[i]
		switch c {
		case quote:
			closed = true
			break loop
		case '\r', '\n':
			return optStr{}
		case '\\':
			i++
			if i == len(u) {
				return optStr{}
			}
			e := u[i]
			i++
			switch e {
			case '\r':
				if get(i) == '\n' {
					i++
				}
			case '\n', 0x2028, 0x2029:
			case 'r':
				out = append(out, '\r')
			case 'n':
				out = append(out, '\n')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'v':
				out = append(out, '\v')
			case 'x':
				a, b := hex(get(i)), hex(get(i+1))
				if a < 0 || b < 0 {
					return optStr{}
				}
				i += 2
				out = append(out, uint16(a*16+b))
			case 'u':
				cp := 0
				if get(i) == '{' {
					i++
					for {
						h := hex(get(i))
						if h < 0 {
							return optStr{}
						}
						cp = cp*16 + h
						if cp > 0x10FFFF {
							return optStr{}
						}
						i++
						if get(i) == '}' {
							break
						}
					}
					i++
				} else {
					for k := 0; k < 4; k++ {
						h := hex(get(i))
						if h < 0 {
							return optStr{}
						}
						cp = cp*16 + h
						i++
					}
				}
				appendCP(cp)
			case '0', '1', '2', '3', '4', '5', '6', '7':
				toRead := 1
				if e <= '3' {
					toRead = 2
				}
				v := int(e - '0')
				for toRead > 0 {
					c := get(i)
					if c < '0' || c > '7' {
						break
					}
					v = v*8 + int(c-'0')
					i++
					toRead--
				}
				appendCP(v)
			default:
				out = append(out, e)
			}
		default:
			out = append(out, c)
			i++
		}
	}
	if !closed {
		return optStr{}
	}
	for k := 0; k < len(out); k++ {
		p := out[k] & 0xFC00
		if p < 0xD800 {
			continue
		}
		if p == 0xD800 {
			k++
			if k >= len(out) || out[k]&0xFC00 != 0xDC00 {
				return optStr{}
			}
			continue
		}
		return optStr{}
	}
	return optStr{string(utf16.Decode(out)), true}
}

func isIdentifierStart(c int) bool {
	switch {
	case c < 'A':
		return c == '$'
	case c <= 'Z':
		return true
	case c < 'a':
		return c == '_'
	case c <= 'z':
		return true
	case c < 0xaa:
		return false
	}
	r := rune(c)
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

func isIdentifierChar(c int) bool {
	switch {
	case c < '0':
		return c == '$'
	case c <= '9':
		return true
	case c < 'A':
		return false
	case c <= 'Z':
		return true
	case c < 'a':
		return c == '_'
	case c <= 'z':
		return true
	case c < 0xaa:
		return false
	}
	if c == 0x200c || c == 0x200d {
		return true
	}
	r := rune(c)
	return isIdentifierStart(c) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}

// codePointAt is the code point at pos (a surrogate pair combined), 0 past the end.
func (l *cjsLexer) codePointAt(p int) (int, int) {
	c := l.at(p)
	if c&0xFC00 == 0xD800 {
		if d := l.at(p + 1); d&0xFC00 == 0xDC00 {
			return ((c&0x3FF)<<10 | d&0x3FF) + 0x10000, 2
		}
	}
	return c, 1
}

func (l *cjsLexer) identifier() bool {
	c, n := l.codePointAt(l.pos)
	if !isIdentifierStart(c) {
		return false
	}
	l.pos += n
	for {
		c, n = l.codePointAt(l.pos)
		if c == 0 || !isIdentifierChar(c) {
			break
		}
		l.pos += n
	}
	return true
}

func (l *cjsLexer) throwIfImportStatement() {
	start := l.pos
	l.pos += 6
	ch := l.commentWhitespace()
	switch ch {
	case '(':
		if l.findImports {
			l.dynImports = append(l.dynImports, start)
		}
		setInt(&l.openTokenPosStack, l.openTokenDepth, start)
		l.openTokenDepth++
		return
	case '.':
		if l.collectImports {
			return
		}
		panic(errImportMeta)
	case '"', '\'', '{', '*':
	default:
		if l.pos == start+6 {
			return
		}
	}
	if l.openTokenDepth != 0 {
		l.pos--
		return
	}
	if l.collectImports {
		l.importDeclaration(start)
		return
	}
	panic(errImportStatement)
}

func (l *cjsLexer) throwIfExportStatement() {
	l.pos += 6
	cur := l.pos
	ch := l.commentWhitespace()
	if l.pos == cur && !isPunctuator(ch) {
		return
	}
	panic(errExportStatement)
}

// getterToReturn reads a getter up to its return, from the 'g' at l.pos (ch): `get() { return`
// or `get: function [name]() { return`. It leaves l.pos just past "return".
func (l *cjsLexer) getterToReturn(ch int) bool {
	if ch != 'g' || !l.startsWith("et", l.pos+1) {
		return false
	}
	l.pos += 3
	ch = l.commentWhitespace()
	if ch == ':' {
		l.pos++
		if ch = l.commentWhitespace(); ch != 'f' || !l.startsWith("unction", l.pos+1) {
			return false
		}
		l.pos += 8
		lastPos := l.pos
		ch = l.commentWhitespace()
		if ch != '(' && (lastPos == l.pos || !l.identifier()) {
			return false
		}
		ch = l.commentWhitespace()
	}
	if ch != '(' {
		return false
	}
	l.pos++
	if !l.expect(')') {
		return false
	}
	if !l.expect('{') {
		return false
	}
	if ch = l.commentWhitespace(); ch != 'r' || !l.startsWith("eturn", l.pos+1) {
		return false
	}
	l.pos += 6
	return true
}

// expect skips white space and comments and steps over c when it comes next.
func (l *cjsLexer) expect(c int) bool {
	if l.commentWhitespace() != c {
		return false
	}
	l.pos++
	return true
}

func (l *cjsLexer) commentWhitespace() int {
	var ch int
	for {
		ch = l.at(l.pos)
		if ch == '/' {
			switch l.at(l.pos + 1) {
			case '/':
				l.lineComment()
			case '*':
				l.blockComment()
			default:
				return ch
			}
		} else if !isBrOrWs(ch) {
			return ch
		}
		if !l.next() {
			break
		}
	}
	return ch
}

func (l *cjsLexer) templateString() {
	for l.next() {
		ch := l.at(l.pos)
		if ch == '$' && l.at(l.pos+1) == '{' {
			l.pos++
			l.templateStack = append(l.templateStack, l.templateDepth)
			l.openTokenDepth++
			l.templateDepth = l.openTokenDepth
			return
		}
		if ch == '`' {
			return
		}
		if ch == '\\' {
			l.pos++
		}
	}
	l.fail("Unterminated template.")
}

func (l *cjsLexer) blockComment() {
	l.pos++
	for l.next() {
		if l.at(l.pos) == '*' && l.at(l.pos+1) == '/' {
			l.pos++
			return
		}
	}
}

func (l *cjsLexer) lineComment() {
	for l.next() {
		ch := l.at(l.pos)
		if ch == '\n' || ch == '\r' {
			return
		}
	}
}

func (l *cjsLexer) stringLiteral(quote int) {
	for l.next() {
		ch := l.at(l.pos)
		if ch == quote {
			return
		}
		if ch == '\\' {
			l.pos++
			ch = l.at(l.pos)
			if ch == '\r' && l.at(l.pos+1) == '\n' {
				l.pos++
			}
		} else if ch == '\r' || ch == '\n' {
			break
		}
	}
	l.fail("Unterminated string.")
}

func (l *cjsLexer) regexCharacterClass() int {
	for l.next() {
		ch := l.at(l.pos)
		if ch == ']' {
			return ch
		}
		if ch == '\\' {
			l.pos++
		} else if ch == '\n' || ch == '\r' {
			break
		}
	}
	l.fail("Syntax error reading regular expression class.")
	return 0
}

func (l *cjsLexer) regularExpression() {
	for l.next() {
		ch := l.at(l.pos)
		if ch == '/' {
			return
		}
		if ch == '[' {
			l.regexCharacterClass()
		} else if ch == '\\' {
			l.pos++
		} else if ch == '\n' || ch == '\r' {
			break
		}
	}
	l.fail("Syntax error reading regular expression.")
}

func isBrOrWs(c int) bool { return c > 8 && c < 14 || c == 32 || c == 160 }

func isBrOrWsOrPunctuatorNotDot(c int) bool {
	return c > 8 && c < 14 || c == 32 || c == 160 || isPunctuator(c) && c != '.'
}

func (l *cjsLexer) keywordStart(p int) bool {
	return p == 0 || isBrOrWsOrPunctuatorNotDot(l.at(p-1))
}

func (l *cjsLexer) readPrecedingKeyword(p int, match string) bool {
	if p < len(match)-1 {
		return false
	}
	return l.startsWith(match, p-len(match)+1) && (p == 0 || isBrOrWsOrPunctuatorNotDot(l.at(p-len(match))))
}

func (l *cjsLexer) readPrecedingKeyword1(p int, ch int) bool {
	return l.at(p) == ch && (p == 0 || isBrOrWsOrPunctuatorNotDot(l.at(p-1)))
}

// isExpressionKeyword: case, debugger, delete, do, else, in, instanceof, new, return, throw,
// typeof, void, yield, await end at p.
func (l *cjsLexer) isExpressionKeyword(p int) bool {
	switch l.at(p) {
	case 'd':
		switch l.at(p - 1) {
		case 'i':
			return l.readPrecedingKeyword(p-2, "vo")
		case 'l':
			return l.readPrecedingKeyword(p-2, "yie")
		}
		return false
	case 'e':
		switch l.at(p - 1) {
		case 's':
			switch l.at(p - 2) {
			case 'l':
				return l.readPrecedingKeyword1(p-3, 'e')
			case 'a':
				return l.readPrecedingKeyword1(p-3, 'c')
			}
			return false
		case 't':
			return l.readPrecedingKeyword(p-2, "dele")
		}
		return false
	case 'f':
		if l.at(p-1) != 'o' || l.at(p-2) != 'e' {
			return false
		}
		switch l.at(p - 3) {
		case 'c':
			return l.readPrecedingKeyword(p-4, "instan")
		case 'p':
			return l.readPrecedingKeyword(p-4, "ty")
		}
		return false
	case 'n':
		return l.readPrecedingKeyword1(p-1, 'i') || l.readPrecedingKeyword(p-1, "retur")
	case 'o':
		return l.readPrecedingKeyword1(p-1, 'd')
	case 'r':
		return l.readPrecedingKeyword(p-1, "debugge")
	case 't':
		return l.readPrecedingKeyword(p-1, "awai")
	case 'w':
		switch l.at(p - 1) {
		case 'e':
			return l.readPrecedingKeyword1(p-2, 'n')
		case 'o':
			return l.readPrecedingKeyword(p-2, "thr")
		}
		return false
	}
	return false
}

func (l *cjsLexer) isParenKeyword(p int) bool {
	return l.at(p) == 'e' && l.startsWith("whil", p-4) ||
		l.at(p) == 'r' && l.startsWith("fo", p-2) ||
		l.at(p-1) == 'i' && l.at(p) == 'f'
}

func isPunctuator(ch int) bool {
	return ch == '!' || ch == '%' || ch == '&' ||
		ch > 39 && ch < 48 || ch > 57 && ch < 64 ||
		ch == '[' || ch == ']' || ch == '^' ||
		ch > 122 && ch < 127
}

func isExpressionPunctuator(ch int) bool {
	return ch == '!' || ch == '%' || ch == '&' ||
		ch > 39 && ch < 47 && ch != 41 || ch > 57 && ch < 64 ||
		ch == '[' || ch == '^' || ch > 122 && ch < 127 && ch != '}'
}

// isExpressionTerminator: `=>`, `;`, `)`, catch, finally, else end at p (a following `{`
// opens a statement block).
func (l *cjsLexer) isExpressionTerminator(p int) bool {
	switch l.at(p) {
	case '>':
		return l.at(p-1) == '='
	case ';', ')':
		return true
	case 'h':
		return l.startsWith("catc", p-4)
	case 'y':
		return l.startsWith("finall", p-6)
	case 'e':
		return l.startsWith("els", p-3)
	}
	return false
}
