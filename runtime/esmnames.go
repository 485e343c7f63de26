package runtime

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// restoreFunctionNames undoes esbuild's renaming of the functions and classes whose names shadow
// a name of an enclosing scope. esbuild never lets a nested symbol shadow one outside it, so
// `var P = function P() {}` prints as `var P = function P2() {}`, the TypeScript class pattern
// `var Foo = (function () { function Foo() {} return Foo; })()` as `function Foo2`, and a nested
// `const pack = (v) => ...` as `const pack2`: P.name, Foo.name and pack.name (util.inspect of
// them and their instances, stack frames) then say P2, Foo2 and pack2, where node says P, Foo
// and pack.
//
// The inline source map names every renamed identifier at each place it is printed (a
// segment's fifth field). A symbol renamed from X to X<n> whose declaration is a function or
// class name (the identifier follows `function`, `function*` or `class`), or a variable whose
// value is a function, class or arrow (namesFunction), is renamed back at every place, X
// followed by spaces so that the columns of the map still hold. Renaming back restores the
// shadowing the source itself had, so every reference means what it meant there.
func restoreFunctionNames(code string) string {
	mi := strings.LastIndex(code, inlineSourceMapMarker)
	if mi < 0 {
		return code
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(code[mi+len(inlineSourceMapMarker):]))
	if err != nil {
		return code
	}
	var sm struct {
		Mappings string   `json:"mappings"`
		Names    []string `json:"names"`
	}
	if json.Unmarshal(raw, &sm) != nil || len(sm.Names) == 0 {
		return code
	}
	body := code[:mi]
	var lineStarts []int
	lineStarts = append(lineStarts, 0)
	for i := 0; i < len(body); i++ {
		if body[i] == '\n' {
			lineStarts = append(lineStarts, i+1)
		}
	}
	type use struct {
		off       int
		gen, orig string
	}
	var uses []use
	restore := map[[2]string]bool{}
	topLevel := map[[2]string]bool{}
	line, nameIdx := 0, 0
	for _, lineMaps := range strings.Split(sm.Mappings, ";") {
		col := 0
		if lineMaps != "" {
			for _, seg := range strings.Split(lineMaps, ",") {
				f, ok := decodeVLQ(seg)
				if !ok || len(f) == 0 {
					return code
				}
				col += f[0]
				if len(f) < 5 {
					continue
				}
				nameIdx += f[4]
				if nameIdx < 0 || nameIdx >= len(sm.Names) || line >= len(lineStarts) {
					return code
				}
				off := utf16Offset(body, lineStarts[line], col)
				if off < 0 {
					continue
				}
				end := off
				for end < len(body) && (isIdentByte(body[end])) {
					end++
				}
				gen, orig := body[off:end], sm.Names[nameIdx]
				if !renamedFrom(gen, orig) {
					continue
				}
				uses = append(uses, use{off, gen, orig})
				before := strings.TrimRight(body[:off], " \t")
				if strings.HasSuffix(before, "*") {
					before = strings.TrimRight(before[:len(before)-1], " \t")
				}
				if wordBefore(before, "function") || wordBefore(before, "class") || namesFunction(before, body[end:]) {
					restore[[2]string{gen, orig}] = true
				}
				if topLevelDeclaration(body[lineStarts[line]:off]) {
					topLevel[[2]string{gen, orig}] = true
				}
			}
		}
		line++
	}
	for k := range restore {
		// esbuild lowers a function declared in a sloppy-mode block to `let f2 = function ...`
		// and `var f = f2;` (Annex B's var binding), both in that block's scope: there the
		// names must differ
		if strings.Contains(body, " "+k[1]+" = "+k[0]+";") {
			delete(restore, k)
		}
		// esbuild renames a top-level symbol only when it declares the same name in the same
		// scope itself (its helper __export, the namespace lib_exports, import_path for
		// `import * as path`): there the names must differ too (the function's name then ends
		// with the digits, as the only cost)
		if topLevel[k] {
			delete(restore, k)
		}
	}
	if len(restore) == 0 {
		return code
	}
	b := []byte(code)
	for _, u := range uses {
		if restore[[2]string{u.gen, u.orig}] {
			copy(b[u.off:], u.orig+strings.Repeat(" ", len(u.gen)-len(u.orig)))
		}
	}
	return string(b)
}

// topLevelDeclaration says whether prefix, the start of a line up to an identifier, makes the
// identifier the name a top-level declaration declares (esbuild indents every nested one).
func topLevelDeclaration(prefix string) bool {
	switch prefix {
	case "function ", "function* ", "async function ", "async function* ", "class ", "var ", "let ", "const ":
		return true
	}
	return false
}

// namesFunction says whether the identifier between before and after is a variable declared
// with a function, class or arrow function as its value (const x = (v) => ..., let y =
// function () {}, var z = async () => ...), which takes the variable's name: esbuild prints a
// single declaration so, and an arrow's parameters always in parentheses.
func namesFunction(before, after string) bool {
	if !wordBefore(before, "const") && !wordBefore(before, "let") && !wordBefore(before, "var") {
		return false
	}
	value, ok := strings.CutPrefix(after, " = ")
	if !ok {
		return false
	}
	value = strings.TrimPrefix(value, "async ")
	return strings.HasPrefix(value, "(") || strings.HasPrefix(value, "function") || strings.HasPrefix(value, "class")
}

// renamedFrom says whether gen is esbuild's name for a symbol first called orig: orig and a number.
func renamedFrom(gen, orig string) bool {
	if orig == "" || len(gen) <= len(orig) || !strings.HasPrefix(gen, orig) {
		return false
	}
	for i := len(orig); i < len(gen); i++ {
		if gen[i] < '0' || gen[i] > '9' {
			return false
		}
	}
	return true
}

// wordBefore says whether s ends with the keyword w, not as the end of a longer identifier.
func wordBefore(s, w string) bool {
	if !strings.HasSuffix(s, w) {
		return false
	}
	i := len(s) - len(w)
	return i == 0 || !isIdentByte(s[i-1])
}

// utf16Offset is the byte offset of the UTF-16 column col in the line starting at start, or -1.
func utf16Offset(s string, start, col int) int {
	i := start
	for n := 0; n < col; {
		if i >= len(s) || s[i] == '\n' {
			return -1
		}
		if s[i] < utf8.RuneSelf {
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return i
}
