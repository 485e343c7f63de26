package runtime

import (
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
)

// Node 20's module syntax detection also takes an untyped .js file as an ES module when it
// declares, at its top level with let, const or class, one of the names the CommonJS wrapper
// binds (`const require = createRequire(import.meta.url)` without the import.meta, `const {
// exports } = ...`): V8 refuses that as a CommonJS function body ("Identifier 'require' has
// already been declared") and node retries the file as a module. goja's compile takes such a
// body: wrapperNameRedeclared gives V8's error for the CommonJS wrapper compileSourceMaps
// compiles, which the loader retries as node's does; detectESM (an import of an untyped file)
// asks redeclaresWrapperName.

var wrapperNames = [...]string{"require", "module", "exports", "__filename", "__dirname"}

func isWrapperName(s string) bool {
	for _, n := range wrapperNames {
		if s == n {
			return true
		}
	}
	return false
}

// redeclaresWrapperName reports whether src declares a wrapper name at its top level with let,
// const or class (a quick scan first: most files are not parsed).
func redeclaresWrapperName(src string) bool {
	if !mayRedeclareWrapperName(src) {
		return false
	}
	// (goja's parser refuses dynamic import() in a script: parsed as a call of the same length)
	prg, err := parser.ParseFile(nil, "", strings.ReplaceAll(src, "import(", "_mport("), 0)
	if err != nil {
		return false
	}
	for _, st := range prg.Body {
		switch s := st.(type) {
		case *ast.LexicalDeclaration:
			for _, b := range s.List {
				if b != nil && bindsWrapperName(b.Target) {
					return true
				}
			}
		case *ast.ClassDeclaration:
			if s.Class != nil && s.Class.Name != nil && isWrapperName(s.Class.Name.Name.String()) {
				return true
			}
		}
	}
	return false
}

// bindsWrapperName reports whether a binding target (a name or a pattern) binds a wrapper name.
func bindsWrapperName(t ast.Node) bool { return wrapperNameIn(t) != nil }

// mayRedeclareWrapperName is the quick scan: a wrapper name as a whole word that follows let,
// const or class, or sits in a destructuring pattern right after let or const (only names,
// blanks, commas, colons and brackets between).
func mayRedeclareWrapperName(src string) bool {
	for _, name := range wrapperNames {
		for i := 0; ; {
			j := strings.Index(src[i:], name)
			if j < 0 {
				break
			}
			at := i + j
			i = at + len(name)
			if at > 0 && isIdentByte(src[at-1]) || i < len(src) && isIdentByte(src[i]) {
				continue
			}
			if declaredBefore(src, at) {
				return true
			}
		}
	}
	return false
}

// declaredBefore reports whether the name at src[at:] follows let, const or class, directly or
// through a destructuring pattern's start.
func declaredBefore(src string, at int) bool {
	k := at
	inPattern := false
	for steps := 0; k > 0 && steps < 256; steps++ {
		c := src[k-1]
		switch {
		case isBlankByte(c):
			k--
		case c == '{' || c == '[' || c == ',' || c == ':':
			inPattern = true
			k--
		case isIdentByte(c):
			w := k
			for w > 0 && isIdentByte(src[w-1]) {
				w--
			}
			switch src[w:k] {
			case "const", "let":
				return true
			case "class":
				return !inPattern
			}
			if !inPattern {
				return false
			}
			k = w
		default:
			return false
		}
	}
	return false
}

func isBlankByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// parsesAsModule reports whether src compiles as an ES module.
func parsesAsModule(src string) bool {
	_, err := runTransform(src, "detect.js", "js", true)
	return err == nil
}

// wrapperNameRedeclared is V8's SyntaxError for a CommonJS wrapper (cjsWrapperPrefix) whose body
// declares one of the wrapper's parameters at its top level with let, const or class, or nil.
func wrapperNameRedeclared(prg *ast.Program) error {
	if len(prg.Body) == 0 {
		return nil
	}
	es, ok := prg.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return nil
	}
	fn, ok := es.Expression.(*ast.FunctionLiteral)
	if !ok || fn.Body == nil {
		return nil
	}
	for _, st := range fn.Body.List {
		var id *ast.Identifier
		switch s := st.(type) {
		case *ast.LexicalDeclaration:
			for _, b := range s.List {
				if b != nil {
					if id = wrapperNameIn(b.Target); id != nil {
						break
					}
				}
			}
		case *ast.ClassDeclaration:
			if s.Class != nil && s.Class.Name != nil && isWrapperName(s.Class.Name.Name.String()) {
				id = s.Class.Name
			}
		}
		if id != nil {
			return &goja.CompilerSyntaxError{CompilerError: goja.CompilerError{
				Message: "Identifier '" + id.Name.String() + "' has already been declared",
				File:    prg.File,
				Offset:  int(id.Idx) - 1,
			}}
		}
	}
	return nil
}

// wrapperNameIn is the identifier of a wrapper name a binding target binds, or nil.
func wrapperNameIn(t ast.Node) *ast.Identifier {
	switch t := t.(type) {
	case *ast.Identifier:
		if isWrapperName(t.Name.String()) {
			return t
		}
	case *ast.AssignExpression:
		return wrapperNameIn(t.Left)
	case *ast.ObjectPattern:
		for _, p := range t.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				if isWrapperName(p.Name.Name.String()) {
					return &p.Name
				}
			case *ast.PropertyKeyed:
				if id := wrapperNameIn(p.Value); id != nil {
					return id
				}
			}
		}
		if t.Rest != nil {
			return wrapperNameIn(t.Rest)
		}
	case *ast.ArrayPattern:
		for _, e := range t.Elements {
			if e != nil {
				if id := wrapperNameIn(e); id != nil {
					return id
				}
			}
		}
		if t.Rest != nil {
			return wrapperNameIn(t.Rest)
		}
	}
	return nil
}
