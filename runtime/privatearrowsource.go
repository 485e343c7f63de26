package runtime

import (
	"reflect"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/gojs-dev/gojs/modules"
)

// goja's parser ends the source text of a concise arrow function whose body ends with a private
// name one character short (a private name's end is its '#' plus the name without it), so
// String(() => this.#p) was "() => this.#". fixPrivateArrowSources (for a source with ".#" in
// it) extends each such text over the rest of the name, as the source has it.
func fixPrivateArrowSources(prg *ast.Program, src string) {
	if !strings.Contains(src, ".#") {
		return
	}
	defer func() { _ = recover() }() // (an odd tree keeps goja's texts)
	modules.WalkAST(reflect.ValueOf(prg), func(v reflect.Value) bool {
		a, ok := v.Interface().(*ast.ArrowFunctionLiteral)
		if !ok || !strings.HasSuffix(a.Source, "#") {
			return true
		}
		end := int(a.Start) - 1 + len(a.Source) // (the parser's offsets start at 1)
		if end <= 0 || end > len(src) || src[end-1] != '#' {
			return true
		}
		n := end
		for n < len(src) && isIdentByte(src[n]) && src[n] < 0x80 {
			n++
		}
		if n > end && (n == len(src) || src[n] < 0x80) { // (a name with other characters: goja's)
			a.Source = src[end-len(a.Source) : n]
		}
		return true
	})
}
