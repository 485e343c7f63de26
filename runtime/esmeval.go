package runtime

import (
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/evanw/esbuild/pkg/api"
)

// Direct eval in an ES module sees the module's imports (https://tc39.es/ecma262/#sec-performeval).
// esbuild turns an import binding into a read of its namespace object (`x` is `import_b.x`), so
// the names are not in any scope eval's code can see: `eval('x')` was a ReferenceError. A module
// whose source calls eval directly gets, at the end of its code, a function declaration (hoisted:
// its value is there before the first statement runs) that returns a getter of each import:
//
//	function __gojs_evs() { return { x: () => import_b.x, d: () => import_b2.default }; }
//
// (the expressions esbuild reads each local name with, found by transforming the source once
// more with a use of every name appended), and each direct eval call's source argument is passed
// through __gojs_h.__gojs_evalImports(src, __gojs_evs), which makes the getters accessors of that
// function object (a write throws V8's "Assignment to constant variable.") and has esbuild
// rewrite the free references of the imported names in the eval'd code to reads of them (its
// define replaces only names the code does not bind itself), so they are live and read-only as
// import bindings are. Not seen: a local variable of the calling function that shadows an import
// (the eval'd code reads the import).

const evalScopeName = "__gojs_evs"

var directEvalRe = regexp.MustCompile(`(^|[^.\w$])eval\s*\(`)

// importReadExprs maps each name src's import declarations bind to the expression esbuild's
// transform reads it with (import_b.x, ns), or nil.
func importReadExprs(src string, opts api.TransformOptions) map[string]string {
	imports, ok := staticImportNames(src)
	if !ok {
		return nil
	}
	var locals []string
	for _, im := range imports {
		locals = append(locals, im.locals...)
	}
	if len(locals) == 0 {
		return nil
	}
	probe := "__gojs_evprobe(() => [" + strings.Join(locals, ", ") + "]);"
	res := api.Transform(src+"\n;"+probe+"\n", opts)
	if len(res.Errors) > 0 {
		return nil
	}
	out := string(res.Code)
	i := strings.LastIndex(out, "__gojs_evprobe(() => [")
	if i < 0 {
		return nil
	}
	rest := out[i+len("__gojs_evprobe(() => ["):]
	end := strings.Index(rest, "]);")
	if end < 0 {
		return nil
	}
	exprs := strings.Split(rest[:end], ", ")
	if len(exprs) != len(locals) {
		return nil
	}
	m := map[string]string{}
	for k, e := range exprs {
		if isIdent(locals[k]) && locals[k] != "prototype" && plainReadExpr(e) {
			m[locals[k]] = e
		}
	}
	return m
}

// plainReadExpr reports whether e is a name or a name's property (a.b, a["b c"]).
func plainReadExpr(e string) bool {
	head, tail, _ := strings.Cut(e, ".")
	if i := strings.IndexByte(head, '['); i >= 0 && tail == "" {
		head, tail = e[:i], ""
		if !strings.HasSuffix(e, "\"]") || strings.Contains(e[i+2:len(e)-2], "\"") {
			return false
		}
	}
	return isIdent(head) && (tail == "" || isIdent(tail))
}

// addEvalImports rewrites code's direct eval calls (see above) and adds the getters' function,
// reads maps each imported name to its expression. The inline source map's columns of a line
// whose eval call is rewritten move with it; a call on the first line is left alone (its
// columns are shifted for the wrapper already).
func addEvalImports(code string, reads map[string]string) string {
	smAt := strings.LastIndex(code, "\n//# sourceMappingURL=")
	if smAt < 0 || len(reads) == 0 {
		return code
	}
	var names []string
	for n, e := range reads {
		head := e
		if i := strings.IndexAny(e, ".["); i >= 0 {
			head = e[:i]
		}
		if strings.Contains(code, "var "+head+" = ") {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return code
	}
	sort.Strings(names)
	prg, err := parser.ParseFile(nil, "", code[:smAt], 0)
	if err != nil {
		return code
	}
	type insert struct {
		at   int
		text string
	}
	var ins []insert
	// (an imported name that a function around the call, or a block, declares too is left to
	// the eval'd code's scope: scopes holds, per function around the place walked, the names
	// it or its blocks declare)
	var scopes []map[string]bool
	// (goja fails on an eval call whose argument reads a variable from outside a function whose
	// parameters are not plain names, ({ y }) => eval(...): such calls are left as they are)
	var plainParams []bool
	var walk func(v reflect.Value)
	nodeType := reflect.TypeFor[ast.CallExpression]()
	fnType, arrowType := reflect.TypeFor[ast.FunctionLiteral](), reflect.TypeFor[ast.ArrowFunctionLiteral]()
	astPkg := nodeType.PkgPath()
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Struct:
			if v.Type().PkgPath() != astPkg {
				return
			}
			if v.Type() == fnType || v.Type() == arrowType {
				decl := map[string]bool{}
				declaredIn(v, decl, true)
				scopes = append(scopes, decl)
				var pl *ast.ParameterList
				if v.Type() == fnType {
					pl = v.Addr().Interface().(*ast.FunctionLiteral).ParameterList
				} else {
					pl = v.Addr().Interface().(*ast.ArrowFunctionLiteral).ParameterList
				}
				plainParams = append(plainParams, simpleParams(pl))
				defer func() { scopes, plainParams = scopes[:len(scopes)-1], plainParams[:len(plainParams)-1] }()
			}
			if v.Type() == nodeType {
				c := v.Addr().Interface().(*ast.CallExpression)
				if id, ok := c.Callee.(*ast.Identifier); ok && id.Name == "eval" && len(c.ArgumentList) > 0 {
					a := c.ArgumentList[0]
					if _, spread := a.(*ast.SpreadElement); !spread && (len(plainParams) == 0 || plainParams[len(plainParams)-1]) {
						var shadowed []string
						for _, n := range names {
							for _, sc := range scopes {
								if sc[n] {
									shadowed = append(shadowed, n)
									break
								}
							}
						}
						if len(shadowed) < len(names) {
							ins = append(ins, insert{int(a.Idx0()) - 1, "__gojs_h.__gojs_evalImports("},
								insert{int(a.Idx1()) - 1, ", " + evalScopeName + ", " + strconv.Quote(strings.Join(shadowed, ",")) + ")"})
						}
					}
				}
			}
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i))
			}
		}
	}
	top := map[string]bool{}
	declaredIn(reflect.ValueOf(prg.Body), top, false)
	for n, e := range reads {
		if e == n {
			delete(top, n) // (a namespace import esbuild keeps as a variable of its own)
		}
	}
	scopes = append(scopes, top)
	walk(reflect.ValueOf(prg))
	if len(ins) == 0 {
		return code
	}
	sort.SliceStable(ins, func(i, j int) bool { return ins[i].at < ins[j].at })
	// (the source map's generated columns count UTF-16 units from the line's start)
	type shift struct{ line, col, by int }
	var shifts []shift
	var b strings.Builder
	prev := 0
	for _, in := range ins {
		if in.at < prev || in.at > smAt {
			return code
		}
		lineStart := strings.LastIndexByte(code[:in.at], '\n') + 1
		if lineStart == 0 {
			return code // (the first line: see above)
		}
		line := strings.Count(code[:in.at], "\n")
		shifts = append(shifts, shift{line, utf16Len(code[lineStart:in.at]), len(in.text)})
		b.WriteString(code[prev:in.at])
		b.WriteString(in.text)
		prev = in.at
	}
	b.WriteString(code[prev:smAt])
	b.WriteString("\nfunction " + evalScopeName + "() { return { ")
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n + ": () => " + reads[n])
	}
	b.WriteString(" }; }")
	b.WriteString(code[smAt:])
	return editInlineSourceMap(b.String(), func(m string) (string, bool) {
		lines := strings.Split(m, ";")
		for _, sh := range shifts {
			if sh.line >= len(lines) || lines[sh.line] == "" {
				continue
			}
			segs := strings.Split(lines[sh.line], ",")
			abs := 0
			cols := make([]int, len(segs))
			fields := make([][]int, len(segs))
			for k, sg := range segs {
				f, ok := decodeVLQ(sg)
				if !ok || len(f) == 0 {
					return "", false
				}
				abs += f[0]
				cols[k], fields[k] = abs, f
			}
			// (a segment at the insertion's place stays, for the inserted text, and a copy, the
			// same place in the source, follows the text)
			last := 0
			out := make([]string, 0, len(segs)+1)
			for k := range segs {
				c := cols[k]
				if c == sh.col {
					fields[k][0] = c - last
					out = append(out, encodeVLQ(fields[k]))
					last = c
					cp := make([]int, len(fields[k]))
					cp[0] = sh.by
					out = append(out, encodeVLQ(cp))
					last = c + sh.by
					continue
				}
				if c > sh.col {
					c += sh.by
				}
				fields[k][0] = c - last
				last = c
				out = append(out, encodeVLQ(fields[k]))
			}
			lines[sh.line] = strings.Join(out, ",")
		}
		return strings.Join(lines, ";"), true
	})
}

// simpleParams reports whether a parameter list is plain names only (no pattern, default or rest).
func simpleParams(pl *ast.ParameterList) bool {
	if pl == nil {
		return true
	}
	if pl.Rest != nil {
		return false
	}
	for _, b := range pl.List {
		if _, ok := b.Target.(*ast.Identifier); !ok || b.Initializer != nil {
			return false
		}
	}
	return true
}

// declaredIn adds to decl the names v declares (over-approximated: every name in a binding
// target, a pattern's defaults' included), not entering nested functions but for their names.
// fn says v is a function literal, whose own name and parameters count.
func declaredIn(v reflect.Value, decl map[string]bool, fn bool) {
	idents := func(t any) {
		var all func(v reflect.Value)
		all = func(v reflect.Value) {
			switch v.Kind() {
			case reflect.Pointer, reflect.Interface:
				if !v.IsNil() {
					all(v.Elem())
				}
			case reflect.Slice:
				for i := 0; i < v.Len(); i++ {
					all(v.Index(i))
				}
			case reflect.Struct:
				if id, ok := v.Addr().Interface().(*ast.Identifier); ok {
					decl[string(id.Name)] = true
					return
				}
				if v.Type().PkgPath() != reflect.TypeFor[ast.Identifier]().PkgPath() {
					return
				}
				for i := 0; i < v.NumField(); i++ {
					all(v.Field(i))
				}
			}
		}
		all(reflect.ValueOf(t))
	}
	var scan func(v reflect.Value, outer bool)
	scan = func(v reflect.Value, outer bool) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				scan(v.Elem(), outer)
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				scan(v.Index(i), outer)
			}
		case reflect.Struct:
			if v.Type().PkgPath() != reflect.TypeFor[ast.Identifier]().PkgPath() || !v.CanAddr() {
				return
			}
			switch n := v.Addr().Interface().(type) {
			case *ast.FunctionLiteral:
				if !outer {
					return // (a nested function: its names are its own)
				}
				if n.Name != nil {
					decl[string(n.Name.Name)] = true
				}
				idents(n.ParameterList)
				scan(reflect.ValueOf(n.Body), false)
				return
			case *ast.ArrowFunctionLiteral:
				if !outer {
					return
				}
				idents(n.ParameterList)
				scan(reflect.ValueOf(n.Body), false)
				return
			case *ast.FunctionDeclaration:
				if n.Function != nil && n.Function.Name != nil {
					decl[string(n.Function.Name.Name)] = true
				}
				return
			case *ast.ClassLiteral:
				if n.Name != nil {
					decl[string(n.Name.Name)] = true
				}
				return
			case *ast.Binding:
				idents(n.Target)
				scan(reflect.ValueOf(n.Initializer), false)
				return
			case *ast.CatchStatement:
				idents(n.Parameter)
				scan(reflect.ValueOf(n.Body), false)
				return
			}
			for i := 0; i < v.NumField(); i++ {
				scan(v.Field(i), false)
			}
		}
	}
	scan(v, fn)
}

// evalSourceCache holds esmEvalSource's rewrites, by names and source.
var evalSourceCache sync.Map

// esmEvalSource is src, code a direct eval in an ES module runs, with its free references of
// names (imported bindings) read from the module's getters function (see above).
func esmEvalSource(src string, names []string) string {
	found := false
	for _, n := range names {
		if containsIdent(src, n) {
			found = true
			break
		}
	}
	if !found {
		return src
	}
	key := strings.Join(names, ",") + "\x00" + src
	if v, ok := evalSourceCache.Load(key); ok {
		return v.(string)
	}
	define := make(map[string]string, len(names))
	for _, n := range names {
		define[n] = evalScopeName + "." + n
	}
	res := api.Transform(src, api.TransformOptions{Loader: api.LoaderJS, Target: api.ESNext, Define: define, LogLevel: api.LogLevelSilent})
	out := src
	if len(res.Errors) == 0 {
		out = strings.TrimSuffix(string(res.Code), "\n")
	}
	evalSourceCache.Store(key, out)
	return out
}
