package runtime

import "strings"

// In sloppy-mode code a function declared in a block (`if (x) { function f() {} }`) is also a
// var of the enclosing function (ECMAScript Annex B.3.3): V8 makes f visible outside the block
// once the declaration ran, goja keeps it in the block (`typeof f` after it: node "function",
// goja "undefined"; a call is a ReferenceError). esbuild writes the var binding out (`let f2 =
// function ...; var f = f2;`), so a CommonJS file that declares one runs lowered, as one with
// syntax goja lacks does.
//
// hasSloppyBlockFunction is the test: a forward scan that follows strings, comments, template
// literals and regular expressions, tells blocks from function bodies, object literals and
// class bodies by what precedes each brace, follows "use strict" directives, and looks for a
// named, plain function declaration whose innermost brace is a sloppy block. It may be wrong
// either way in odd code: a file it wrongly picks is only lowered for nothing, one it misses
// runs as before.
func hasSloppyBlockFunction(src string) bool {
	if startsWithUseStrict(src) || !blockFunctionCandidate(src) {
		return false
	}
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
				return false
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
			if w == "function" && last != '.' {
				k := j
				for k < n && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
					k++
				}
				named := k < n && (isIdentByte(src[k]) && (src[k] < '0' || src[k] > '9') || src[k] >= 0x80)
				statement := last == '{' || last == '}' || last == ';' || last == ':'
				if named && statement && top.kind == kBlock && !top.strict && !(last == 'w' && lastWord == "async") {
					return true
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
		switch c {
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
	return false
}

// blockFunctionCandidate is the quick test before the scan: some named function declaration
// comes first in a brace that follows `if (...)`, `for (...)`, `while (...)`, `switch (...)`,
// `catch (...)`, `else`, `try`, `finally` or `do`, looking back only over white space and
// balanced parentheses (a declaration after another statement of its block is left out).
func blockFunctionCandidate(src string) bool {
	back := func(i int) int { // the index of the last byte before i that is not white space, or -1
		for i--; i >= 0; i-- {
			switch src[i] {
			case ' ', '\t', '\n', '\r':
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
		if b := back(at); b < 0 || src[b] != '{' {
			continue
		} else if b = back(b); b >= 0 {
			switch {
			case src[b] == ')':
				depth := 0
				for j := b; j >= 0 && b-j < 4096; j-- {
					if src[j] == ')' {
						depth++
					} else if src[j] == '(' {
						if depth--; depth == 0 {
							if w := back(j); w >= 0 && ctlKeyword(wordBefore(w)) {
								return true
							}
							break
						}
					}
				}
			case isIdentByte(src[b]):
				switch wordBefore(b) {
				case "else", "try", "finally", "do":
					return true
				}
			}
		}
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
