package runtime

import (
	"reflect"
	"regexp"
	"sort"
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
	var walk func(v reflect.Value)
	nodeType := reflect.TypeFor[ast.CallExpression]()
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
			if v.Type() == nodeType {
				c := v.Addr().Interface().(*ast.CallExpression)
				if id, ok := c.Callee.(*ast.Identifier); ok && id.Name == "eval" && len(c.ArgumentList) > 0 {
					a := c.ArgumentList[0]
					if _, spread := a.(*ast.SpreadElement); !spread {
						ins = append(ins, insert{int(a.Idx0()) - 1, "__gojs_h.__gojs_evalImports("},
							insert{int(a.Idx1()) - 1, ", " + evalScopeName + ")"})
					}
				}
			}
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i))
			}
		}
	}
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
