package modules

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
)

// rewrittenLoops parses src, applies FixStringBuild and lists the loops it rewrote as
// "name@line" (try: the flush is in a finally), sorted.
func rewrittenLoops(t *testing.T, src string) []string {
	t.Helper()
	prg, err := parser.ParseFile(nil, "t.js", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	FixStringBuild(prg, src)
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Pointer:
			if v.IsNil() {
				return
			}
			if b, ok := v.Interface().(*ast.BlockStatement); ok && len(b.List) >= 2 {
				if d, ok := b.List[0].(*ast.LexicalDeclaration); ok && isHiddenSbName(d.List[0].Target) {
					loop, flush, kind := b.List[1], ast.Statement(nil), ""
					if tr, ok := loop.(*ast.TryStatement); ok {
						loop, flush, kind = tr.Body.List[0], tr.Finally.List[0], " try"
					} else {
						flush = b.List[2]
					}
					name := flush.(*ast.WhileStatement).Body.(*ast.ExpressionStatement).Expression.(*ast.AssignExpression).Left.(*ast.Identifier).Name
					for { // (a loop rewritten for two names is wrapped twice)
						inner, ok := loop.(*ast.BlockStatement)
						if !ok {
							break
						}
						loop = inner.List[1]
						if tr, ok := loop.(*ast.TryStatement); ok {
							loop = tr.Body.List[0]
						}
					}
					line := prg.File.Position(int(loop.Idx0()) - 1).Line
					out = append(out, fmt.Sprintf("%s@%d%s", name, line, kind))
				}
			}
			if v.Elem().Kind() == reflect.Struct {
				walk(v.Elem())
			}
		case reflect.Struct, reflect.Slice:
			walkChildren(v, walk)
		}
	}
	walk(reflect.ValueOf(prg))
	sort.Strings(out)
	return out
}

// isHiddenSbName reports whether t is the name of one of FixStringBuild's declarations.
func isHiddenSbName(t ast.BindingTarget) bool {
	id, ok := t.(*ast.Identifier)
	return ok && strings.HasPrefix(id.Name.String(), "%sb")
}

func TestFixStringBuildChoosesLoops(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      string // rewritten loops, comma separated
	}{
		{"plain", "function f(n) {\nlet s = '';\nfor (let i = 0; i < n; i++) s += 'x';\nreturn s;\n}", "s@3"},
		{"var and while", "function f(n) {\nvar out = 'a' + n;\nwhile (n--) { out += n; }\nreturn out;\n}", "out@3"},
		{"plus chain", "function f(a) {\nlet s = ``;\nfor (const x of a) s = s + x + ',';\nreturn s;\n}", "s@3"},
		{"nested: the outer loop", "function f(a) {\nlet s = '';\nfor (const r of a) {\nfor (const x of r) s += x;\ns += '\\n';\n}\nreturn s;\n}", "s@3"},
		{"inner only when the outer reads", "function f(a) {\nlet s = '';\nfor (const r of a) {\nif (s.length > 9) break;\nfor (const x of r) s += x;\n}\nreturn s;\n}", "s@5"},
		{"two names", "function f(a) {\nlet s = '', t;\nt = '';\nfor (const x of a) { s += x; t += x; }\nreturn s + t;\n}", "s@4,t@4"},
		{"established later in the list", "function f(a) {\nlet s;\ns = '';\nfor (const x of a) s += x;\nreturn s;\n}", "s@4"},
		{"parameter made a string", "function f(s, a) {\ns = '' + s;\nfor (const x of a) s += x;\nreturn s;\n}", "s@3"},
		{"inside try: finally", "function f(a) {\nlet s = '';\ntry {\nfor (const x of a) s += x;\n} catch (e) { return s; }\nreturn s;\n}", "s@4 try"},
		{"labelled continue of the chosen loop", "function f(a) {\nlet s = '';\nouter: for (const r of a) {\nfor (const x of r) { if (!x) continue outer; s += x; }\n}\nreturn s;\n}", "s@3"},
		{"labelled jump out of the chosen loop", "function f(a) {\nlet s = '';\nblk: {\nfor (const x of a) { if (!x) break blk; s += x; }\n}\nreturn s;\n}", "s@4 try"},
		{"arrow and method", "const f = (a) => {\nlet s = '';\nfor (const x of a) s += x;\nreturn s;\n};\nclass C { m(a) {\nlet s = '';\nfor (const x of a) s += x;\nreturn s;\n} }", "s@3,s@8"},
		{"private brand check", "class A { #x; m(a) {\nlet s = '';\nfor (const x of a) s += #x in x;\nreturn s;\n} }", "s@3"},
		{"generator", "function* g(a) {\nlet s = '';\nfor (const x of a) { s += yield x; }\nreturn s;\n}", "s@3"},
		{"module wrapper", "(function (exports) {\nlet html = '<ul>';\nfor (const x of [1, 2]) html += `<li>${x}</li>`;\nexports.html = html + '</ul>';\n})", "html@3"},

		{"emptiness tests", "function f(a) {\nlet s = '';\nfor (const x of a) { if (s !== '') s += ','; s += x; if (!s || '' == s) continue; while (s ? 0 : 1) ; }\nreturn s;\n}", "s@3"},
		{"var set again in the outer loop", "function f(a) {\ns = '';\nfor (const r of a) {\nvar s = '';\nfor (const x of r) s += x;\n}\nreturn s;\n}", "s@5"},
		{"let made in the outer loop", "function f(a) {\nfor (const r of a) {\nlet s = '';\nfor (const x of r) s += x;\ng(s);\n}\n}", "s@4"},
		{"global scope", "let s = '';\nfor (let i = 0; i < 9; i++) s += 'x';", ""},
		{"read in the loop", "function f(n) {\nlet s = '';\nfor (let i = 0; i < n; i++) { s += 'x'; if (s.length > 3) log(s); }\nreturn s;\n}", ""},
		{"read in the test", "function f() {\nlet s = '';\nwhile (s.length < 9) s += 'x';\nreturn s;\n}", ""},
		{"read in a piece", "function f(n) {\nlet s = '';\nfor (let i = 0; i < n; i++) s += s.length;\nreturn s;\n}", ""},
		{"value used", "function f(n) {\nlet s = '', t;\nfor (let i = 0; i < n; i++) t = (s += 'x');\nreturn t;\n}", ""},
		{"captured", "function f(n) {\nlet s = '';\nconst g = () => s;\nfor (let i = 0; i < n; i++) s += 'x';\nreturn g();\n}", ""},
		{"name in a nested function", "function f(n) {\nlet s = '';\nfor (let i = 0; i < n; i++) s += 'x';\nreturn [1].map(function (s) { return s; });\n}", ""},
		{"eval", "function f(n) {\nlet s = '';\nfor (let i = 0; i < n; i++) s += 'x';\nreturn eval('s');\n}", ""},
		{"with", "function f(o) {\nlet s = '';\nwith (o) { for (let i = 0; i < 3; i++) s += 'x'; }\nreturn s;\n}", ""},
		{"arguments with a parameter", "function f(s) {\ns = '';\nfor (let i = 0; i < 3; i++) s += arguments[0];\nreturn s;\n}", ""},
		{"parameter not made a string", "function f(s, a) {\nfor (const x of a) s += x;\nreturn s;\n}", ""},
		{"not a string", "function f(a) {\nlet s = 0;\nfor (const x of a) s += x;\nreturn s;\n}", ""},
		{"no initializer", "function f(a) {\nlet s;\nfor (const x of a) s += x;\nreturn s;\n}", ""},
		{"made a string in an if only", "function f(a, c) {\nlet s;\nif (c) s = '';\nfor (const x of a) s += x;\nreturn s;\n}", ""},
		{"made a string after the loop", "function f(a) {\nvar s;\nfor (const x of a) s += x;\ns = '';\nreturn s;\n}", ""},
		{"assigned a non-string after the loop", "function f(a) {\nlet s = '';\nfor (const x of a) s += x;\ns = null;\nreturn s;\n}", "s@3"},
		{"assigned a non-string before the loop", "function f(a) {\nlet s = '';\ns = g();\nfor (const x of a) s += x;\nreturn s;\n}", ""},
		{"assigned a non-string in an if before the loop", "function f(a, c) {\nlet s = '';\nif (c) { s = null; }\nfor (const x of a) s += x;\nreturn s;\n}", ""},
		{"assigned a non-string, then made a string", "function f(a) {\nlet s = '';\ns = g();\ns += '[';\nfor (const x of a) s += x;\nreturn s;\n}", "s@5"},
		{"assigned a non-string after the inner loop", "function f(a) {\nlet s = '';\nfor (const r of a) {\nfor (const x of r) s += x;\ns = null;\n}\nreturn s;\n}", ""},
		{"assigned a non-string in an earlier loop", "function f(a) {\nlet s = '';\nfor (const r of a) {\nif (r) { s = g(r); for (const x of a) s += x; return s; }\n}\ns += '[';\nif (a.length) {\nfor (const x of a) s += x;\n}\nreturn s;\n}", "s@8"},
		{"assigned a non-string in an earlier loop, not made a string", "function f(a) {\nlet s = '';\nfor (const r of a) {\nif (r) s = g(r);\n}\nfor (const x of a) s += x;\nreturn s;\n}", ""},
		{"assigned a non-string in a nested function", "function f(a) {\nlet s = '';\nfor (const x of a) s += x;\nreturn () => { s = 1; };\n}", ""},
		{"incremented elsewhere", "function f(a) {\nlet s = '';\nfor (const x of a) s += x;\ns++;\nreturn s;\n}", ""},
		{"const", "function f(a) {\nconst s = '';\nfor (const x of a) s += x;\nreturn s;\n}", ""},
		{"declared twice", "function f(a) {\nvar s = '';\nfor (const x of a) s += x;\nvar s = '';\nreturn s;\n}", ""},
		{"let in another block", "function f(a) {\n{ let s = ''; }\ns = '';\nfor (const x of a) s += x;\nreturn s;\n}", ""},
		{"not declared here", "function f(a) {\ns = '';\nfor (const x of a) s += x;\nreturn s;\n}", ""},
		{"in a switch case", "function f(a, k) {\nswitch (k) { case 0: let s = ''; case 1: for (const x of a) s += x; }\n}", ""},
		{"shadowed by catch", "function f(a) {\nlet s = '';\ntry { g(); } catch (s) {}\nfor (const x of a) s += x;\nreturn s;\n}", ""},
		{"for-in target", "function f(a) {\nlet s = '';\nfor (s in a) ;\nfor (const x of a) s += x;\nreturn s;\n}", ""},
		{"destructured", "function f(a) {\nlet s = '';\n[s] = a;\nfor (const x of a) s += x;\nreturn s;\n}", ""},
		{"object shorthand write", "function f(a) {\nlet s = '';\n({s} = a);\nfor (const x of a) s += x;\nreturn s;\n}", ""},
		{"compared with another string", "function f(a) {\nlet s = '';\nfor (const x of a) { if (s === 'x') break; s += x; }\nreturn s;\n}", ""},
		{"value of ||", "function f(a) {\nlet s = '', t;\nfor (const x of a) { t = s || 'none'; s += x; }\nreturn s;\n}", ""},
		{"in the update", "function f(a) {\nlet s = '';\nfor (let i = 0; i < 3; i++, s += 'x') ;\nreturn s;\n}", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := strings.Join(rewrittenLoops(t, c.src), ",")
			if got != c.want {
				t.Errorf("rewritten %q, want %q", got, c.want)
			}
		})
	}
}

// runProgram runs src (a program whose completion value is the result), rewritten when fix,
// and returns its result (or its exception, with the stack).
func runProgram(t *testing.T, src string, fix bool) string {
	t.Helper()
	prg, err := parser.ParseFile(nil, "t.js", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	if fix {
		FixStringBuild(prg, src)
	}
	p, err := goja.CompileAST(prg, false)
	if err != nil {
		t.Fatal(err)
	}
	v, err := goja.New().RunProgram(p)
	if err != nil {
		if ex, ok := err.(*goja.Exception); ok {
			return "throws " + ex.String()
		}
		return "error " + err.Error()
	}
	return v.String()
}

// runBoth runs src compiled as it is and rewritten.
func runBoth(t *testing.T, src string) (plain, fixed string) {
	t.Helper()
	return runProgram(t, src, false), runProgram(t, src, true)
}

func TestFixStringBuildSameResults(t *testing.T) {
	for _, c := range []struct{ name, src string }{
		{"plain", `(function (n) { let s = ''; for (let i = 0; i < n; i++) s += 'ab' + i; return s; })(1000)`},
		{"nested", `(function () { let s = '['; for (let i = 0; i < 40; i++) { for (let j = 0; j < i; j++) s += j; s += '\n'; } return s + ']'; })()`},
		{"break continue labels", `(function () { let s = ''; outer: for (let i = 0; i < 100; i++) { if (i % 7 === 0) continue; for (let j = 0; j < 50; j++) { if (j === i) continue outer; if (i > 90) break outer; s += i + ':' + j + ' '; } } return s; })()`},
		{"break to a block label", `(function () { let s = ''; blk: { for (let i = 0; i < 100; i++) { if (i === 77) break blk; s += i; } s = 'never'; } return s; })()`},
		{"return observed in finally", `(function () { let s = '', seen; (function () {})(); const r = (function () { let s = ''; try { for (let i = 0; ; i++) { if (i === 70) return 'ret'; s += i; } } finally { seen = s; } })(); return r + seen; })()`},
		{"throw observed in catch", `(function () { let s = 'a'; try { for (let i = 0; i < 100; i++) { if (i === 45) throw new Error('x' + i); s += i; } } catch (e) { return e.message + ' ' + s; } })()`},
		{"symbol mid-way", `(function () { let s = ''; const xs = []; for (let i = 0; i < 50; i++) xs.push(i); xs[40] = Symbol('no'); try { for (const x of xs) s += x; } catch (e) { return e.constructor.name + ': ' + e.message + ' / ' + s; } })()`},
		{"default hint", `(function () { let s = ''; const o = { valueOf() { return 42; }, toString() { return 'str'; } }; const p = { [Symbol.toPrimitive](h) { return 'hint:' + h; } }; const q = { toString() { return 'only'; } }; for (let i = 0; i < 40; i++) { s += o; s += p; s += q; s += [1, 2]; s += new Date(0).getTime(); } return s; })()`},
		{"primitives", `(function () { let s = ''; for (const x of [1, -0, 1.5, NaN, null, undefined, true, 10n, 1e21]) for (let i = 0; i < 10; i++) s += x; return s; })()`},
		{"unicode", `(function () { let s = 'é'; for (let i = 0; i < 200; i++) { s += String.fromCharCode(0xd800 + (i % 3)); s += i % 5 ? 'ж' : '😀'; s += 'a'; } return s.length + ' ' + escape(s.slice(0, 40)) + escape(s.slice(-40)); })()`},
		{"generator", `(function () { function* g() { let s = ''; try { for (let i = 0; i < 100; i++) { s += yield i; } } finally { g.last = s; } return s; } const it = g(); it.next(); for (let i = 0; i < 60; i++) it.next('<' + i + '>'); it.return(); return g.last; })()`},
		{"stack position of a piece", `(function () { let s = ''; function bad(i) { if (i === 50) throw new Error('bad'); return i; }
for (let i = 0; i < 100; i++) {
  s += bad(i);
}
return s; })()`},
		{"emptiness tests", `(function () { let s = ''; const r = []; for (let i = 0; i < 300; i++) { if (s !== '') s += i % 3 ? '' : '.'; s += i % 70 < 60 ? '' : 'x'; r.push(s === '' ? 0 : 1, !s ? 0 : 1, s ? 1 : 0, '' != s ? 1 : 0); } return r.join('') + s; })()`},
		{"statement positions", `(function (k) { let s = ''; switch (k) { case 1: for (let i = 0; i < 90; i++) s += i; break; default: s = '?'; } if (k) for (const x in { a: 1, b: 2 }) s += x; a: b: for (let i = 0; i < 80; i++) { if (i === 70) continue b; if (i === 75) break a; s += '.'; } let j = 0; do { s += j; if (j % 3) continue; s += '-'; } while (++j < 100); for (let i = 0; i < 50; i++) s += '/'; return s; })(1)`},
		{"inner loop entered again", `(function () { let s = ''; const lens = []; for (let r = 0; r < 10; r++) { lens.push(s.length); for (let i = 0; i < 40 + r; i++) s += r; } return lens.join(',') + s; })()`},
		{"generator throw in a try", `(function () { let seen; function* g() { let s = ''; try { for (let i = 0; ; i++) { s += yield; s += i; } } catch (e) { seen = e + ':' + s; } } const it = g(); it.next(); for (let i = 0; i < 70; i++) it.next('<' + i + '>'); it.throw('stop'); return seen; })()`},
		{"private brand check", `(function () { class A { #x = 1; all(os) { let s = ''; for (const o of os) s += #x in o; return s; } } const a = new A(); return a.all([a, {}, a, ...Array(60).fill(a)]); })()`},
		{"var set again in the outer loop", `(function () { s = 'x'; for (let r = 0; r < 5; r++) { var s = '' + r; for (let i = 0; i < 70; i++) s += i; } return s; })()`},
		{"method with super", `(function () { class A { piece(i) { return '(' + i + ')'; } } class B extends A { all(n) { let s = ''; for (let i = 0; i < n; i++) s += super.piece(i); return s; } } return new B().all(100); })()`},
		{"reads: not rewritten", `(function () { let s = ''; for (let i = 0; s.length < 100; i++) s += i; return s; })()`},
		{"string assigned inside", `(function () { let s = ''; for (let i = 0; i < 100; i++) { s += i; if (i % 10 === 0) s = ''; } return s; })()`},
		{"plus chain", `(function () { let s = ''; for (let i = 0; i < 100; i++) s = s + i + ',' + (i * 2); return s; })()`},
		{"non-string assigned in an earlier loop", `(function (a) { let s = ''; for (let i = 0; i < a.length; i++) { if (typeof a[i] !== 'number') { s = a.slice(0, i).join(); for (i++; i < a.length; i++) s += '|' + a[i]; return s; } } s += '['; if (a.length) { for (let i = 0; i < a.length; i++) { s += a[i]; s += ','; } } return s + ']'; })([...Array(100).keys()]) + (function (a) { let s = 0; for (const x of a) if (x > 50) s = x; for (const x of a) s += x; return s; })([...Array(100).keys()])`},
		{"plus chain throws half-way", `(function () { let s = ''; try { for (let i = 0; i < 100; i++) s = s + i + (i === 70 ? Symbol() : '-'); } catch (e) { return s; } })()`},
	} {
		t.Run(c.name, func(t *testing.T) {
			plain, fixed := runBoth(t, c.src)
			pcs := regexp.MustCompile(`\(\d+\)\n`) // (goja's program counters)
			plain, fixed = pcs.ReplaceAllString(plain, "\n"), pcs.ReplaceAllString(fixed, "\n")
			if plain != fixed {
				t.Errorf("rewritten:\n%s\nas compiled:\n%s", fixed, plain)
			}
		})
	}
}

func TestFixStringBuildLong(t *testing.T) {
	s := runProgram(t, `(function (n) { let s = ''; for (let i = 0; i < n; i++) s += String.fromCharCode(97 + i % 26); return s; })(100000)`, true)
	if len(s) != 100000 || s[:3] != "abc" || s[26:29] != "abc" || s[99999] != byte(97+99999%26) {
		t.Errorf("got %d bytes: %q...", len(s), s[:30])
	}
}

// BenchmarkFixStringBuild is the walk's cost on a large real file (GOJS_BENCH_JS, e.g.
// typescript.js; skipped without it), beside parsing the same file.
func BenchmarkFixStringBuild(b *testing.B) {
	path := os.Getenv("GOJS_BENCH_JS")
	if path == "" {
		b.Skip("GOJS_BENCH_JS not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	src := "(function (exports, require, module, __filename, __dirname) { " + string(data) + "\n})"
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parser.ParseFile(nil, "t.js", src, 0); err != nil {
				b.Fatal(err)
			}
		}
	})
	parsed := func(b *testing.B) *ast.Program {
		b.StopTimer()
		defer b.StartTimer()
		prg, err := parser.ParseFile(nil, "t.js", src, 0)
		if err != nil {
			b.Fatal(err)
		}
		return prg
	}
	b.Run("fix", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			FixStringBuild(parsed(b), src)
		}
	})
	b.Run("compile", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := goja.CompileAST(parsed(b), false); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// closureAppends parses src, applies FixStringBuild and lists the append statements its closure
// mode rewrote as "name@line", sorted.
func closureAppends(t *testing.T, src string) []string {
	t.Helper()
	prg, err := parser.ParseFile(nil, "t.js", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	FixStringBuild(prg, src)
	var out []string
	WalkAST(reflect.ValueOf(prg), func(v reflect.Value) bool {
		b, ok := v.Interface().(*ast.BlockStatement)
		if !ok || len(b.List) != 4 {
			return true
		}
		inc, ok := b.List[0].(*ast.ExpressionStatement)
		if !ok {
			return true
		}
		if u, ok := inc.Expression.(*ast.UnaryExpression); ok {
			if id, ok := u.Operand.(*ast.Identifier); ok && strings.HasPrefix(id.Name.String(), "%sc") {
				st := b.List[1].(*ast.ExpressionStatement)
				name := st.Expression.(*ast.AssignExpression).Left.(*ast.Identifier).Name
				out = append(out, fmt.Sprintf("%s@%d", name, prg.File.Position(int(st.Idx0())).Line))
			}
		}
		return true
	})
	sort.Strings(out)
	return out
}

func TestFixStringBuildChoosesClosures(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      string // rewritten appends, comma separated
	}{
		{"ejs", "function t(locals) {\nvar __output = '';\nfunction __append(s) { if (s !== undefined && s !== null) __output += s }\nwith (locals || {}) { for (const r of rows) __append(r); }\nreturn __output;\n}", "__output@3"},
		{"pug", "function t(locals) {\nvar pug_html = '', pug_interp;\ntry { (function (rows) {\npug_html = pug_html + '<ul>';\n(function () { for (var i = 0; i < rows.length; i++) {\npug_html = pug_html + '<li>' + rows[i];\n} }).call(this);\n}.call(this, locals.rows)); } catch (err) {}\nreturn pug_html;\n}", "pug_html@4,pug_html@6"},
		{"handlebars", "function each(context, fn, inverse) {\nvar ret = '', i = 0;\nfunction execIteration(v) {\nret = ret + fn(v);\n}\nfor (; i < context.length; i++) execIteration(context[i]);\nif (i === 0) ret = inverse(this);\nreturn ret;\n}", "ret@4"},
		{"own appends too", "function f(a) {\nlet s = '';\ns += '[';\na.forEach((x) => {\ns += x;\n});\ns += ']';\nreturn s;\n}", "s@3,s@5,s@7"},
		{"two levels down", "function f(a) {\nvar s = '';\nfunction g() { return () => {\ns += 1;\n}; }\ng()();\nreturn s;\n}", "s@4"},
		{"async function", "async function f(a) {\nvar s = '';\nconst add = (x) => {\ns += x;\n};\nawait add(1);\nreturn s;\n}", "s@4"},
		{"not declared in any function", "var s = '';\nfunction g() { s += 1; }", ""},
		{"generator", "function* f() {\nvar s = '';\nconst add = (x) => { s += x; };\nyield add(1);\n}", ""},
		{"yield in a piece", "function f() {\nvar s = '';\nreturn function* () { s += yield 1; };\n}", ""},
		{"await in a piece", "function f() {\nvar s = '';\nreturn async () => { s += await 1; };\n}", ""},
		{"mentioned in a with", "function f(o) {\nvar s = '';\nwith (o) { [1].forEach(() => { s += 1; }); }\nreturn s;\n}", ""},
		{"written in a nested function", "function f() {\nvar s = '';\nconst add = (x) => { s += x; };\nconst clear = () => { s = ''; };\nreturn [add, clear];\n}", ""},
		{"a compound assignment", "function f() {\nvar s = '';\nconst add = (x) => { s += x; };\ns -= 1;\n}", ""},
		{"an append as a value", "function f() {\nvar s = '';\nconst add = (x) => (s += x);\n}", ""},
		{"a shorthand property", "function f() {\nvar s = '';\nconst add = (x) => { s += x; };\nreturn { s };\n}", ""},
		{"delete", "function f() {\nvar s = '';\nconst add = (x) => { s += x; };\nreturn delete s;\n}", ""},
		{"eval", "function f() {\nvar s = '';\nconst add = (x) => { s += x; };\nreturn eval('s');\n}", ""},
		{"declared in a nested function too", "function f() {\nvar s = '';\nconst add = (x) => { s += x; };\nreturn (s) => s;\n}", ""},
		{"a parameter", "function f(s) {\nconst add = (x) => { s += x; };\nreturn add;\n}", ""},
		{"mentioned in a parameter", "function f(g = () => s) {\nvar s = '';\nconst add = (x) => { s += x; };\nreturn add;\n}", ""},
		{"initialized by a call", "function f() {\nvar s = g();\nconst add = (x) => { s += x; };\nreturn add;\n}", ""},
		{"a number", "function f() {\nvar n = 0;\nconst add = (x) => { n += x; };\nreturn add;\n}", ""},
		{"no initializer", "function f() {\nvar s;\nconst add = (x) => { s += x; };\nreturn add;\n}", ""},
		{"let in a block", "function f() {\n{ let s = '';\nconst add = (x) => { s += x; };\nadd(1); }\n}", ""},
		{"written inside a piece", "function f() {\nvar s = '';\nconst add = (x) => { s += x; };\ns += (s = 'a');\nreturn add;\n}", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := strings.Join(closureAppends(t, c.src), ",")
			if got != c.want {
				t.Errorf("rewritten %q, want %q", got, c.want)
			}
		})
	}
}

func TestFixStringBuildClosuresSameResults(t *testing.T) {
	for _, c := range []struct{ name, src string }{
		{"plain", `(function (n) { var s = ''; function add(x) { s += x } for (let i = 0; i < n; i++) add('ab' + i); return s; })(1000)`},
		{"a piece's conversion appends", `(function () { var s = ''; const o = { toString() { s += '(in)'; return 'o' } }; const add = (x) => { s += x }; for (let i = 0; i < 300; i++) { add('x'); if (i % 7 === 0) add(o); } return s; })()`},
		{"a piece appends through a call", `(function () { var s = ''; const add = (x) => { s = s + x + inner() }; const inner = () => { for (let j = 0; j < 40; j++) s += 'i'; return '|' }; for (let i = 0; i < 100; i++) add(i); return s; })()`},
		{"a piece reads", `(function () { var s = ''; const add = (x) => { s = s + x + s.length + ',' }; for (let i = 0; i < 300; i++) add('y'); return s; })()`},
		{"a piece throws", `(function () { var s = '', log = []; const bad = { toString() { throw new Error('boom') } }; const add = (x) => { s += x }; for (let i = 0; i < 300; i++) { try { add(i % 45 ? 'z' : bad) } catch (e) { log.push(s.length) } } return log.join() + s; })()`},
		{"a nested read after a throw", `(function () { var s = '', lens = []; const bad = { toString() { throw 1 } }; const add = (x) => { s += x }; const len = () => s.length; for (let i = 0; i < 300; i++) { try { add(i === 100 ? bad : 'z') } catch (e) {} lens.push(len()) } return lens.join(); })()`},
		{"written back", `(function () { var s = ''; const add = (x) => { s += x }; for (let i = 0; i < 100; i++) add(i); const a = s; s = null; const t = typeof s; s = '['; for (let i = 0; i < 100; i++) add(i); return a + t + (s = s + ']'); })()`},
		{"numbers first", `(function () { var n = ''; n = 0; const add = (x) => { n += x }; for (let i = 1; i <= 50; i++) add(i); add('!'); for (let i = 0; i < 80; i++) add(i); return typeof n + n; })()`},
		{"let before its declaration", `(function () { const add = (x) => { s += x }; let r; try { add(1) } catch (e) { r = e.message } let s = ''; for (let i = 0; i < 70; i++) add(i); return r + s; })()`},
		{"two activations", `(function () { function make() { var s = ''; return [(x) => { s += x }, () => s] } const [a1, r1] = make(), [a2, r2] = make(); for (let i = 0; i < 100; i++) { a1(i); a2('-' + i) } return r1() + '/' + r2(); })()`},
		{"recursion", `(function () { function render(n) { var out = ''; const add = (x) => { out += x }; for (let i = 0; i < 40; i++) add(n > 0 ? render(n - 1).length : i); return out } return render(3); })()`},
		{"a generator appends between yields", `(function () { function f() { var s = ''; function* g() { for (let i = 0; i < 100; i++) { s += i; yield s.length } } return [g(), () => s] } const [it, read] = f(); let t = 0; for (const n of it) t += n; return t + read(); })()`},
		{"error positions", `(function () { var s = ''; function first(x) { s += x.name.first }
for (let i = 0; i < 50; i++) first({ name: { first: i } });
first({}); })()`},
		{"read of a property throws", `(function () { var s = ''; const add = (x) => { s += x }; for (let i = 0; i < 50; i++) add(i);
return s.foo.bar; })()`},
	} {
		t.Run(c.name, func(t *testing.T) {
			plain, fixed := runBoth(t, c.src)
			pcs := regexp.MustCompile(`(:\d+)\(\d+\)`) // (goja's program counters)
			plain, fixed = pcs.ReplaceAllString(plain, "$1"), pcs.ReplaceAllString(fixed, "$1")
			if plain != fixed {
				t.Errorf("rewritten:\n%s\nas compiled:\n%s", fixed, plain)
			}
		})
	}
}

func TestFixStringBuildStringConstants(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      string
	}{
		{"fast-json-stringify", "const B = '[';\nfunction f(o) {\nlet s = '';\nif (o.x) { s = JSON.stringify(o); }\ns += B;\nfor (let i = 0; i < o.length; i++) { s += o[i]; s += ','; }\nreturn s;\n}", "s@6"},
		{"in a function", "function g() {\nconst B = `[`;\nreturn function f(o) {\nlet s;\ns = g();\ns += B;\nfor (const x of o) s += x;\nreturn s;\n};\n}", "s@7"},
		{"shadowed by a parameter", "const B = '[';\nfunction f(o, B) {\nlet s;\ns = g();\ns += B;\nfor (const x of o) s += x;\nreturn s;\n}", ""},
		{"declared in a function without appends", "const B = '[';\nfunction f(o) {\nlet s;\ns = g();\ns += B;\nfor (const x of o) s += x;\nreturn s;\n}\nfunction h(B) {}", "s@6"},
		{"not a string", "const B = 1;\nfunction f(o) {\nlet s;\ns = g();\ns += B;\nfor (const x of o) s += x;\nreturn s;\n}", ""},
		{"outside its block", "{ const B = '['; }\nfunction f(o) {\nlet s;\ns = g();\ns += B;\nfor (const x of o) s += x;\nreturn s;\n}", ""},
		{"a with somewhere", "const B = '[';\nfunction f(o) {\nlet s;\ns = g();\ns += B;\nfor (const x of o) s += x;\nreturn s;\n}\nfunction h(o) { with (o) { B + 1; } }", ""},
		{"a let", "let B = '[';\nfunction f(o) {\nlet s;\ns = g();\ns += B;\nfor (const x of o) s += x;\nreturn s;\n}", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := strings.Join(rewrittenLoops(t, c.src), ",")
			if got != c.want {
				t.Errorf("rewritten %q, want %q", got, c.want)
			}
		})
	}
}
