package runtime

import "strings"

// In sloppy-mode code a function declared in a block (`if (x) { function f() {} }`) is also a
// var of the enclosing function (ECMAScript Annex B.3.3): V8 makes f visible outside the block
// once the declaration ran, goja keeps it in the block (`typeof f` after it: node "function",
// goja "undefined"; a call is a ReferenceError). fixBlockFunctions (blockfunctionsast.go) adds
// the binding to the parsed program where this file's scan finds such a declaration.
//
// sloppyBlockFunctions is the scan: a quick pass (blockFunctionCandidate), then a forward scan
// that follows strings, comments, template literals and regular expressions, tells blocks from
// function bodies, object literals and class bodies by what precedes each brace, follows "use
// strict" directives, and looks for named, plain function declarations whose innermost brace
// is a sloppy block. It returns the offsets of their `function` keywords (only the first when
// first). It may be wrong either way in odd code: the AST decides on what it found, a
// declaration it misses keeps goja's scoping.
func sloppyBlockFunctions(src string, first bool) []int {
	if startsWithUseStrict(src) || !blockFunctionCandidate(src) {
		return nil
	}
	var offs []int
	const (
		kBlock = iota
		kFunc
		kObject
		kClass
		kParen
		kBracket
		kTemplate
	)
	type frame struct {
		kind   int
		strict bool
		ctl    bool // (a paren) of if, for, while, switch, catch or with
	}
	stack := []frame{{kind: kFunc}}
	// the last significant token: a punctuator's byte, or 'w' for a word (lastWord), 'v' for
	// another value (number, string, template, regular expression), ')' with ctlParen when it
	// closed a control statement's parenthesis, 'a' for an arrow
	last := byte('{')
	lastWord := ""
	ctlParen := false
	pendingClass := false
	// a word at a statement's start in a block or body (wordAtStmt), and then its colon: a
	// label, whose brace opens a block (afterLabel)
	wordAtStmt, afterLabel := false, false
	n := len(src)
	for i := 0; i < n; {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		case c == '/' && i+1 < n && src[i+1] == '/':
			for i < n && src[i] != '\n' {
				i++
			}
			continue
		case c == '/' && i+1 < n && src[i+1] == '*':
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return offs
			}
			i += end + 4
			continue
		case c == '\'' || c == '"':
			i = skipQuoted(src, i) + 1
			last = 'v'
			continue
		case c == '`':
			j, open := templateText(src, i+1)
			i = j
			if open {
				stack = append(stack, frame{kind: kTemplate, strict: stack[len(stack)-1].strict})
				last = '{'
			} else {
				last = 'v'
			}
			continue
		case c == '/':
			if last == 'v' || last == ')' || last == ']' || last == 'w' && !exprKeyword(lastWord) {
				i++ // division
				last = '/'
				continue
			}
			i = skipRegexp(src, i) + 1
			for i < n && isIdentByte(src[i]) {
				i++ // (its flags)
			}
			last = 'v'
			continue
		case isIdentByte(c) || c >= 0x80:
			j := i
			for j < n && (isIdentByte(src[j]) || src[j] >= 0x80) {
				j++
			}
			w := src[i:j]
			top := stack[len(stack)-1]
			wordAtStmt = (last == '{' || last == '}' || last == ';') && (top.kind == kBlock || top.kind == kFunc) || afterLabel
			afterLabel = false
			if w == "function" && last != '.' {
				k := j
				for k < n && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
					k++
				}
				named := k < n && (isIdentByte(src[k]) && (src[k] < '0' || src[k] > '9') || src[k] >= 0x80)
				statement := last == '{' || last == '}' || last == ';' || last == ':'
				if named && statement && top.kind == kBlock && !top.strict && !(last == 'w' && lastWord == "async") {
					if offs = append(offs, i); first {
						return offs
					}
				}
			}
			if w == "class" && last != '.' {
				pendingClass = true
			}
			last, lastWord = 'w', w
			if c >= '0' && c <= '9' {
				last = 'v'
			}
			i = j
			continue
		}
		top := stack[len(stack)-1]
		label := afterLabel
		afterLabel = false
		switch c {
		case ':':
			afterLabel = last == 'w' && wordAtStmt
			last = ':'
		case '(':
			stack = append(stack, frame{kind: kParen, strict: top.strict, ctl: last == 'w' && ctlKeyword(lastWord)})
			last = '('
		case '[':
			stack = append(stack, frame{kind: kBracket, strict: top.strict})
			last = '['
		case ')', ']':
			ctlParen = false
			if len(stack) > 1 {
				ctlParen = top.ctl
				stack = stack[:len(stack)-1]
			}
			last = c
		case '{':
			f := frame{kind: kObject, strict: top.strict}
			switch {
			case pendingClass:
				f.kind, f.strict = kClass, true
				pendingClass = false
			case last == ')' && ctlParen:
				f.kind = kBlock
			case last == ')' || last == 'a':
				f.kind = kFunc
			case last == 'w' && (lastWord == "else" || lastWord == "try" || lastWord == "finally" || lastWord == "do" || lastWord == "catch"):
				f.kind = kBlock
			case (last == '{' || last == '}' || last == ';') && (top.kind == kBlock || top.kind == kFunc):
				f.kind = kBlock
			case last == ':' && label:
				f.kind = kBlock // (a labelled block, `default: {` too)
			}
			if f.kind == kFunc && !f.strict && startsWithUseStrict(src[i+1:]) {
				f.strict = true
			}
			stack = append(stack, f)
			last = '{'
		case '}':
			if top.kind == kTemplate {
				stack = stack[:len(stack)-1]
				j, open := templateText(src, i+1)
				i = j
				if open {
					stack = append(stack, frame{kind: kTemplate, strict: top.strict})
					last = '{'
				} else {
					last = 'v'
				}
				continue
			}
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
			last = '}'
			if top.kind == kObject {
				last = 'v'
			}
		case '=':
			if i+1 < n && src[i+1] == '>' {
				i += 2
				last = 'a'
				continue
			}
			last = '='
		default:
			last = c
		}
		i++
	}
	return offs
}

// blockFunctionCandidate is the quick test before the scan: some named function declaration
// is in a brace that follows `if (...)`, `for (...)`, `while (...)`, `switch (...)`, `catch
// (...)`, `else`, `try`, `finally`, `do`, another statement or nothing, looking back only over
// white space and balanced parentheses (and, from a declaration after another statement,
// over balanced braces to the one it is in, not far).
func blockFunctionCandidate(src string) bool {
	// lineComment(i) is where the line comment src[i] is in starts, or -1 (looked for on a
	// short line only: a gate's guess, which a "//" in a string on that line may fool)
	lineComment := func(i int) int {
		from := max(0, i-160)
		ls := from + strings.LastIndexByte(src[from:i], '\n') + 1
		if k := strings.Index(src[ls:i], "//"); k >= 0 && (ls > from || from == 0) {
			return ls + k
		}
		return -1
	}
	// back(i) is the index of the last byte before i that is not white space or a comment (a
	// word's: punctuation is taken as code), or -1
	back := func(i int) int {
		for i--; i >= 0; i-- {
			switch c := src[i]; {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			case c == '/' && i > 0 && src[i-1] == '*': // the end of a block comment
				k := strings.LastIndex(src[max(0, i-4096):i-1], "/*")
				if k >= 0 {
					k += max(0, i-4096)
				}
				if k < 0 {
					return i
				}
				i = k
			case isIdentByte(c) || c >= 0x80:
				if k := lineComment(i); k >= 0 {
					i = k
					continue
				}
				return i
			default:
				return i
			}
		}
		return -1
	}
	wordBefore := func(i int) string { // the identifier ending at src[i]
		j := i + 1
		for i >= 0 && isIdentByte(src[i]) {
			i--
		}
		return src[i+1 : j]
	}
	// inBlock reports whether the brace at b opens a block
	inBlock := func(b int) bool {
		if b = back(b); b < 0 {
			return true // a block that starts the text
		}
		switch {
		case src[b] == ';' || src[b] == '{' || src[b] == '}':
			return true // a block after another statement
		case src[b] == ')':
			depth := 0
			for j := b; j >= 0 && b-j < 4096; j-- {
				if src[j] == ')' {
					depth++
				} else if src[j] == '(' {
					if depth--; depth == 0 {
						w := back(j)
						return w >= 0 && ctlKeyword(wordBefore(w))
					}
				}
			}
		case isIdentByte(src[b]):
			switch wordBefore(b) {
			case "else", "try", "finally", "do":
				return true
			}
		case src[b] == ':':
			// a label's block (or a property's object, which holds no declaration: the scan
			// tells them apart)
			w := back(b)
			return w >= 0 && isIdentByte(src[w])
		}
		return false
	}
	for off := 0; ; {
		k := strings.Index(src[off:], "function")
		if k < 0 {
			return false
		}
		at := off + k
		off = at + len("function")
		if at > 0 && isIdentByte(src[at-1]) || off >= len(src) || src[off] != ' ' && src[off] != '\t' && src[off] != '\n' {
			continue
		}
		b := back(at)
		if b >= 0 && (src[b] == ';' || src[b] == '}' || src[b] == ':') {
			// a declaration after another statement or a case label (not one that starts a
			// line: most of those are a file's own)
			if src[at-1] == '\n' {
				continue
			}
			b = enclosingBrace(src, b)
		}
		if b >= 0 && src[b] == '{' && inBlock(b) && lineComment(at) < 0 {
			return true
		}
	}
}

// enclosingBrace returns the offset of the brace that opens the braces src[i] is in, looking
// back no more than a few hundred bytes (and over braces in strings and comments too), or -1.
func enclosingBrace(src string, i int) int {
	lo := max(0, i-512)
	depth := 0 // closing braces not yet matched, from i back to pos
	for pos := i + 1; ; {
		j := strings.LastIndexByte(src[lo:pos], '{')
		if j < 0 {
			return -1
		}
		j += lo
		if depth += strings.Count(src[j+1:pos], "}"); depth == 0 {
			return j
		}
		depth--
		pos = j
	}
}

// startsWithUseStrict reports whether src (a file, or a function body after its brace) starts
// with a "use strict" directive, after white space and comments.
func startsWithUseStrict(src string) bool {
	for {
		src = strings.TrimLeft(src, " \t\r\n")
		switch {
		case strings.HasPrefix(src, "#!"), strings.HasPrefix(src, "//"):
			i := strings.IndexByte(src, '\n')
			if i < 0 {
				return false
			}
			src = src[i:]
		case strings.HasPrefix(src, "/*"):
			i := strings.Index(src, "*/")
			if i < 0 {
				return false
			}
			src = src[i+2:]
		default:
			return strings.HasPrefix(src, `"use strict"`) || strings.HasPrefix(src, `'use strict'`)
		}
	}
}

// ctlKeyword reports whether w, before a parenthesis, makes the brace after it a block.
func ctlKeyword(w string) bool {
	switch w {
	case "if", "for", "while", "switch", "catch", "with":
		return true
	}
	return false
}

// exprKeyword reports whether w is a keyword after which a slash starts a regular expression.
func exprKeyword(w string) bool {
	switch w {
	case "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await":
		return true
	}
	return false
}

// templateText scans a template literal's text from i: it returns the index past its closing
// backquote, or past a `${` (open true).
func templateText(src string, i int) (int, bool) {
	j := skipTemplate(src, i)
	if j < len(src) && src[j] == '$' {
		return j + 2, true
	}
	return j + 1, false
}

// nameBlockFunctions gives back their names the functions esbuild wrote out for Annex B: it
// prints `if (x) { function f() {} }` as `let f2 = function() {...}; var f = f2;`, whose
// function is named f2 (f.name, stack frames). The expression is named f again (`function
// f(`): inside it, esbuild calls the block's binding f2, so the name shadows nothing the body
// uses. The inline source map's segments after the name move with it.
func nameBlockFunctions(code string) string {
	if !strings.Contains(code, " = function(") {
		return code
	}
	end := strings.LastIndex(code, inlineSourceMapMarker)
	if end < 0 {
		return code
	}
	body := code[:end]
	return editGeneratedLines(code, func(text string, _ int) (string, int, int) {
		rest := strings.TrimLeft(text, " ")
		gen, after, ok := strings.Cut(strings.TrimPrefix(rest, "let "), " = function(")
		if !ok || !strings.HasPrefix(rest, "let ") || !isIdent(gen) {
			return "", 0, 0
		}
		orig := strings.TrimRight(gen, "0123456789")
		for orig != gen && !strings.Contains(body, " "+orig+" = "+gen+";") {
			orig = gen[:len(orig)+1] // (the source's own name may end with digits)
		}
		if orig == gen || !renamedFrom(gen, orig) {
			return "", 0, 0
		}
		col := len(text) - len(rest) + len("let ") + len(gen) + len(" = function")
		return text[:col] + " " + orig + "(" + after, col, len(orig) + 1
	})
}
