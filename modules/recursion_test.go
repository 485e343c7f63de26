package modules

import (
	"strings"
	"testing"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
)

func TestGuardRecursion(t *testing.T) {
	const pre = "(function (exports, require, module, __filename, __dirname) { "
	for _, c := range []struct {
		name, src string
		want      bool
	}{
		{"self call with a try", "function f() { return f(); } try { f(); } catch {}", true},
		{"no try in the module (the catch may be another module's)", "function f() { return f(); } f();", true},
		{"no recursion", "function f() { return 1; } try { f(); } catch {}", false},
		{"arrow bound to a const", "const f = (n) => f(n); try { f(); } catch {}", true},
		{"method through this", "class A { m() { return this.m(); } } try {} catch {}", true},
		{"getter through this", "const o = { get x() { return this.x; } }; try {} catch {}", true},
		{"async function", "async function f() { return f(); } try {} catch {}", true},
		{"generator", "function* g() { yield* g(); } try {} catch {}", true},
		{"mutual functions", "function a() { return b(); } function b() { return a(); } try {} catch {}", true},
		{"mutual methods", "class A { m() { return this.n(); } n() { return this.m(); } } try {} catch {}", true},
		{"a chain, no cycle", "function a() { return b(); } function b() { return c(); } function c() {} try {} catch {}", false},
		{"constructor through new", "class N { constructor(d) { this.c = new N(d); } } try {} catch {}", true},
		{"through call", "function f(n) { return f.call(this, n); } try {} catch {}", true},
		{"function constructor through new", "function N(d) { this.c = new N(d); } try {} catch {}", true},
		{"other method of this", "class A { m() { return this.n(); } n() {} } try {} catch {}", false},
		{"through a nested arrow", "function f(a) { return a.map((x) => f(x)); } try {} catch {}", true},
		{"prototype method through this", "function P() {} P.prototype.walk = function () { return this.walk(); };", true},
		{"exports through exports", "exports.r = function () { return exports.r(); };", true},
		{"method through its object", "const o = { f() { return o.f(); } };", true},
		{"arrow property through its object", "const o = { f: () => o['f']() };", true},
		{"passed on by name", "function w(a) { return [a].map(w); }", true},
		{"a tree's children", "class N { render() { return this.kids.map((k) => k.render()); } }", true},
		{"a wrapper of a builtin method", "class C { get(k) { return this.map.get(k); } }", false},
		{"a name read elsewhere only", "function f() { return 1; } const g = () => f;", false},
		{"toString converting its own object", "const o = { toString() { return String(o); } };", true},
		{"valueOf through an operator", "const o = { valueOf() { return +o; } };", true},
		{"a toString that only returns a field", "class A { toString() { return this.s; } }", false},
		{"getters reading each other's objects", "const a = { get x() { return b.y; } }, b = { get y() { return a.x; } };", true},
		{"a getter of a field", "class A { get x() { return this._x; } }", false},
		{"a proxy's trap", "const p = new Proxy({}, { get(t, k) { return p[k]; } });", true},
		{"a get method with no Proxy about", "class C { get(k) { return this.m[k]; } }", false},
		{"Symbol.toPrimitive", "const o = { [Symbol.toPrimitive]() { return o + 1; } };", true},
		{"Symbol.iterator", "const o = { [Symbol.iterator]() { return [...o][Symbol.iterator](); } };", true},
		{"arguments.callee", "(function () { return arguments.callee(); })();", true},
		{"a bound copy", "let g; function f() { return g(); } g = f.bind(null);", true},
		{"a wrapper's result", "const g = memo(function (n) { return g(n - 1); });", true},
		{"a method read into a variable", "const o = { m() { const f = o.m; return f(); } };", true},
		{"a function in an array's slot", "const fs = [function () { return fs[0](); }];", true},
		{"a default parameter", "function f(a = f()) { return a; }", true},
	} {
		prg, err := parser.ParseFile(nil, "x.js", pre+c.src+"\n})", 0)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got := GuardRecursion(prg)
		if got != c.want {
			t.Errorf("%s: GuardRecursion = %v, want %v", c.name, got, c.want)
		}
		if got {
			arrow, ok := prg.Body[0].(*ast.ExpressionStatement).Expression.(*ast.ArrowFunctionLiteral)
			if !ok || len(arrow.ParameterList.List) != 2 {
				t.Errorf("%s: the wrapper is not wrapped in the check's arrow", c.name)
			}
		}
	}
	// on a cycle, only the named functions are guarded: a closure between them pays nothing
	prg, _ := parser.ParseFile(nil, "x.js", pre+"function a(x) { return x.map(function (y) { return b(y); }); } function b(y) { return a(y); } try {} catch {}\n})", 0)
	if !GuardRecursion(prg) {
		t.Fatal("a cycle through a callback was not guarded")
	}
	w := prg.Body[0].(*ast.ExpressionStatement).Expression.(*ast.ArrowFunctionLiteral).Body.(*ast.BlockStatement).List[0].(*ast.ReturnStatement).Argument.(*ast.FunctionLiteral)
	a := w.Body.List[0].(*ast.FunctionDeclaration).Function
	if n := len(a.Body.List); n != 2 {
		t.Errorf("a has %d statements, want its check and its own", n)
	}
	cb := a.Body.List[1].(*ast.ReturnStatement).Argument.(*ast.CallExpression).ArgumentList[0].(*ast.FunctionLiteral)
	if n := len(cb.Body.List); n != 1 {
		t.Errorf("the callback has %d statements, want 1 (no check)", n)
	}
	// a script's functions are guarded in place (no wrapper)
	prg, _ = parser.ParseFile(nil, "x.js", "function f() { f(); } try { f(); } catch {}", 0)
	if !GuardRecursionScript(prg) || len(prg.Body[0].(*ast.FunctionDeclaration).Function.Body.List) != 2 {
		t.Error("a script's recursion was not guarded")
	}
	// a default that calls is checked as it runs, before the body
	prg, _ = parser.ParseFile(nil, "x.js", "function f(a, b = f()) { return b; }", 0)
	if !GuardRecursionScript(prg) {
		t.Fatal("a default parameter's recursion was not guarded")
	}
	fl := prg.Body[0].(*ast.FunctionDeclaration).Function
	if _, ok := fl.ParameterList.List[1].Initializer.(*ast.SequenceExpression); !ok {
		t.Error("the default that calls has no check")
	}
	if fl.ParameterList.List[0].Initializer != nil {
		t.Error("a parameter with no default got one")
	}
	// a program that is no module wrapper is left alone
	prg, _ = parser.ParseFile(nil, "x.js", "function f() { f(); } try { f(); } catch {}", 0)
	if GuardRecursion(prg) {
		t.Error("a script was rewritten")
	}
}

func TestGuardRecursionSource(t *testing.T) {
	const c = "--" + RecursionBudgetSource + ".n||" + RecursionCheckSource + "(" + RecursionBudgetSource + ")"
	const close = "/*" + RecursionBudgetSource + "*/)"
	for _, tc := range []struct{ src, want string }{
		{"function r() { return r() + 1; } r()", "function r() {" + c + "; return r() + 1; } r()"},
		{"function r() { 'use strict'; return r(); }", "function r() { 'use strict';" + c + ";; return r(); }"},
		{"const f = (n) => f(n - 1);", "const f = (n) => (" + c + ",f(n - 1)" + close + ";"},
		{"(function anonymous(f\n) {\nreturn f(f) + 1\n})", ""}, // (f is a parameter: no function of the text is called f)
		{"function f(a = f()) { return a; }", "function f(a = (" + c + ",f()" + close + ") {" + c + "; return a; }"},
		{"function f() { return 1; }", ""},
		{"function f( {", ""},
	} {
		got, ok := GuardRecursionSource(tc.src)
		if tc.want == "" {
			if ok || got != tc.src {
				t.Errorf("%q: rewritten as %q", tc.src, got)
			}
			continue
		}
		if !ok || got != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.src, got, tc.want)
		}
		if back := UnguardSource(got); back != tc.src {
			t.Errorf("%q: UnguardSource gives %q", tc.src, back)
		}
	}
}

func TestUnguardLine(t *testing.T) {
	src := "function r(n) { return n ? r(n - 1) : 0; } r(2)"
	g, ok := GuardRecursionSource(src)
	if !ok {
		t.Fatal("not guarded")
	}
	at := strings.Index(g, "r(n - 1)")
	line, col := UnguardLine(g, at)
	if line != src || col != strings.Index(src, "r(n - 1)") {
		t.Errorf("UnguardLine = %q, %d", line, col)
	}
	if _, col := UnguardLine(g, strings.Index(g, RecursionCheckSource)); col != strings.Index(src, "return") {
		t.Errorf("a column inside the check is %d", col)
	}
}
