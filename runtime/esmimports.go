package runtime

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf16"
)

// Imported names an ES module never reads. esbuild's CommonJS output reads an imported binding
// where the module uses it (`import_a.x`), which is where scanModule finds the names to check
// against the dependency's exports; a binding the module never uses is dropped, and with it the
// name. Node links every import of a module before any of the graph runs, so `import { nope }
// from './a.mjs'` fails with a SyntaxError even when nope is never read. The original source's
// import declarations are therefore read too (the CommonJS lexer, in a mode that reads module
// syntax instead of refusing it) and, when they name more than the output reads, the full lists
// are kept in a comment line at the end of the transformed code (so the disk cache holds them),
// which scanModule reads back.

// staticImport is one import declaration: its specifier and the names it imports (default
// for a default import; none for a namespace or a bare import).
type staticImport struct {
	spec   string
	names  []string
	locals []string // the local names the declaration binds (its default, namespace and named ones)
}

// importedNamesMarker starts the comment line listing every name each specifier is imported by,
// in source order, as JSON: [[spec, name...], ...].
const importedNamesMarker = "\n//# gojsImportedNames="

// staticImportNames reads src's import declarations; ok is false when the lexer gives up on it.
func staticImportNames(src string) (imports []staticImport, ok bool) {
	if !strings.Contains(src, "import") {
		return nil, true
	}
	l := &cjsLexer{s: toUTF16(src), collectImports: true}
	defer func() {
		if e := recover(); e != nil {
			if _, lexErr := e.(cjsLexError); !lexErr {
				panic(e)
			}
			imports, ok = nil, false
		}
	}()
	l.parse()
	return l.staticImports, true
}

// importDeclaration reads an import declaration's clause and specifier, from the first token
// after the keyword (at l.pos; the keyword starts at start). It leaves l.pos on the last
// character it read. A form it does not know is left to the lexer from just past the keyword.
func (l *cjsLexer) importDeclaration(start int) {
	ch := l.at(l.pos)
	if ch == '\'' || ch == '"' {
		l.pos = start + 5 // a bare import: the lexer reads the string
		return
	}
	var names, locals []string
	local := func(from, to int) { locals = append(locals, string(utf16.Decode(l.slice(from, to)))) }
	if ch != '{' && ch != '*' {
		from := l.pos
		if !l.identifier() {
			l.pos = start + 5
			return
		}
		local(from, l.pos)
		names = append(names, "default")
		if ch = l.commentWhitespace(); ch == ',' {
			l.pos++
			ch = l.commentWhitespace()
		}
	}
	switch ch {
	case '*': // * as ns
		l.pos++
		if l.commentWhitespace() != 'a' || !l.startsWith("s", l.pos+1) {
			l.pos = start + 5
			return
		}
		l.pos += 2
		l.commentWhitespace()
		from := l.pos
		if !l.identifier() {
			l.pos = start + 5
			return
		}
		local(from, l.pos)
	case '{':
		l.pos++
		for {
			ch = l.commentWhitespace()
			if ch == '}' {
				break
			}
			from := l.pos
			name, ok := l.moduleExportName(ch)
			if !ok {
				l.pos = start + 5
				return
			}
			to := l.pos
			if ch == '\'' || ch == '"' {
				from = -1 // (a string name needs an as)
			}
			names = append(names, name)
			ch = l.commentWhitespace()
			if ch == 'a' && l.startsWith("s", l.pos+1) {
				l.pos += 2
				l.commentWhitespace()
				from = l.pos
				if !l.identifier() {
					l.pos = start + 5
					return
				}
				to = l.pos
				ch = l.commentWhitespace()
			}
			if from >= 0 {
				local(from, to)
			}
			if ch == ',' {
				l.pos++
				continue
			}
			if ch != '}' {
				l.pos = start + 5
				return
			}
		}
		l.pos++
	}
	if l.commentWhitespace() != 'f' || !l.startsWith("rom", l.pos+1) {
		l.pos = start + 5
		return
	}
	l.pos += 4
	ch = l.commentWhitespace()
	if ch != '\'' && ch != '"' {
		l.pos = start + 5
		return
	}
	from := l.pos
	l.stringLiteral(ch)
	spec := decodeJSString(l.slice(from, l.pos+1))
	if !spec.ok {
		return
	}
	l.staticImports = append(l.staticImports, staticImport{spec.s, names, locals})
}

// moduleExportName reads an identifier or a string literal naming an export, from ch at l.pos,
// leaving l.pos just past it.
func (l *cjsLexer) moduleExportName(ch int) (string, bool) {
	from := l.pos
	if ch == '\'' || ch == '"' {
		l.stringLiteral(ch)
		l.pos++
		d := decodeJSString(l.slice(from, l.pos))
		return d.s, d.ok
	}
	if !l.identifier() {
		return "", false
	}
	return string(utf16.Decode(l.slice(from, l.pos))), true
}

// recordImportedNames adds the marker line to a transformed ES module when src imports names
// its code never reads.
func recordImportedNames(code, src string) string {
	imports, ok := staticImportNames(src)
	if !ok || len(imports) == 0 {
		return code
	}
	_, used, _ := scanModule(code)
	var order []string
	all := map[string][]string{}
	missing := false
	for _, im := range imports {
		if _, seen := all[im.spec]; !seen {
			order = append(order, im.spec)
			all[im.spec] = nil
		}
		for _, n := range im.names {
			if !slices.Contains(all[im.spec], n) {
				all[im.spec] = append(all[im.spec], n)
			}
			if !slices.Contains(used[im.spec], n) {
				missing = true
			}
		}
	}
	if !missing {
		return code
	}
	list := make([][]string, 0, len(order))
	for _, spec := range order {
		if len(all[spec]) > 0 {
			list = append(list, append([]string{spec}, all[spec]...))
		}
	}
	data, err := json.Marshal(list)
	if err != nil {
		return code
	}
	at := strings.LastIndex(code, "\n//# sourceMappingURL=")
	if at < 0 {
		at = len(code)
	}
	return code[:at] + importedNamesMarker + string(data) + code[at:]
}

// importedNames reads the marker line of a transformed ES module: nil when there is none.
func importedNames(code string) [][]string {
	i := strings.LastIndex(code, importedNamesMarker)
	if i < 0 {
		return nil
	}
	line := code[i+len(importedNamesMarker):]
	if nl := strings.IndexByte(line, '\n'); nl >= 0 {
		line = line[:nl]
	}
	var list [][]string
	if json.Unmarshal([]byte(line), &list) != nil {
		return nil
	}
	return list
}
