package runtime

import (
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
)

// goja compiles the code of eval (direct or indirect), of the Function, AsyncFunction and
// GeneratorFunction constructors, and of vm's contexts (run by eval) from its text, inside the
// engine: the loader's AST workarounds never see it, so `x ??= await y` in such code panicked
// inside goja when resumed, an arrow reading its function's arguments read a slot never filled,
// and operations on literals that throw kept goja's words. The only step of goja's that runs
// between the text and its parse is the runtime's parser options, each called with the new
// parser's options: evalSourceOption is one that finds the parser around them (its layout is
// mirrored by parserLayout and checked on every call) and hands it the text
// modules.FixEvalSource rewrote, when a workaround applies (a scan of the text decides; most
// code is parsed as it is). Columns then move on the rewritten lines only, after the rewrite.

// parserLayout mirrors goja/parser's _parser, up to its file, which follows its options.
type parserLayout struct {
	str               string
	length            int
	base              int
	chr               rune
	chrOffset         int
	offset            int
	idx               file.Idx
	token             token.Token
	literal           string
	parsedLiteral     unistring.String
	scope             unsafe.Pointer
	insertSemicolon   bool
	implicitSemicolon bool
	errors            parser.ErrorList
	recover           struct {
		idx   file.Idx
		count int
	}
	mode parser.Mode
	opts struct {
		disableSourceMaps bool
		sourceMapLoader   func(path string) ([]byte, error)
	}
	file *file.File
}

// evalSourceOption is the parser option that rewrites the text goja parses (see above), or
// nil when goja's parser is not laid out as parserLayout says (the probe parse fails).
var evalSourceOption = sync.OnceValue(func() parser.Option {
	optType := reflect.TypeFor[parser.Option]()
	if optType.NumIn() != 1 || optType.In(0).Kind() != reflect.Pointer {
		return nil
	}
	opts := optType.In(0).Elem()
	if opts.Size() != unsafe.Sizeof(parserLayout{}.opts) || opts.NumField() != 2 ||
		opts.Field(0).Type.Kind() != reflect.Bool || opts.Field(1).Offset != unsafe.Offsetof(parserLayout{}.opts.sourceMapLoader) {
		return nil
	}
	parserAt := func(opts reflect.Value) *parserLayout {
		return (*parserLayout)(unsafe.Add(opts.UnsafePointer(), -int(unsafe.Offsetof(parserLayout{}.opts))))
	}
	// the probe: a parse of known text, checked through the mirror when the option is called
	const probeSrc = "probe"
	ok := false
	probeOption := reflect.MakeFunc(optType, func(args []reflect.Value) []reflect.Value {
		p := parserAt(args[0])
		ok = p.length == len(probeSrc) && p.chr == ' ' && p.base == 1 && p.str == probeSrc &&
			p.file != nil && p.file.Name() == "<probe>" && p.file.Source() == probeSrc
		return nil
	}).Interface().(parser.Option)
	_, _ = parser.ParseFile(nil, "<probe>", probeSrc, 0, probeOption)
	if !ok {
		return nil
	}
	return reflect.MakeFunc(optType, func(args []reflect.Value) []reflect.Value {
		p := parserAt(args[0])
		if p.length != len(p.str) || p.chr != ' ' || p.file == nil || p.file.Base() != p.base || p.file.Source() != p.str {
			return nil
		}
		// (then the property escapes and anchors of its regexp literals, as the loader's, and
		// Annex B's block function bindings)
		if src := fixBlockFunctionsSource(rewriteRegexpSource(modules.FixEvalSource(p.str))); src != p.str {
			p.str, p.length = src, len(src)
			p.file = file.NewFile(p.file.Name(), src, p.base)
		}
		return nil
	}).Interface().(parser.Option)
})

// installEvalSource has goja's compiles of code from text (eval, the function constructors)
// rewrite it first where a workaround applies, then guard its recursion (guardSourceOption).
func (rt *Runtime) installEvalSource() {
	if o := evalSourceOption(); o != nil {
		rt.vm.SetParserOptions(o, rt.guardSourceOption(o))
	}
}

// guardSourceOption is the parser option that guards the recursion of code goja compiles from
// its text (eval, new Function, vm's scripts), which the loader's GuardRecursion never sees: a
// stack overflow there killed the process (or was caught only at the nearest Go frame, past
// the code's own try) where node's catch gets a RangeError. The text gets the checks
// (modules.GuardRecursionSource); the runtime declares the names they use first. It follows
// the evalSourceOption given (whose probe says the parser's layout is known).
func (rt *Runtime) guardSourceOption(after parser.Option) parser.Option {
	optType := reflect.TypeOf(after)
	return reflect.MakeFunc(optType, func(args []reflect.Value) []reflect.Value {
		p := (*parserLayout)(unsafe.Add(args[0].UnsafePointer(), -int(unsafe.Offsetof(parserLayout{}.opts))))
		if p.length != len(p.str) || p.chr != ' ' || p.file == nil || p.file.Base() != p.base || p.file.Source() != p.str {
			return nil
		}
		if !mayRecur(p.str) {
			return nil
		}
		src, ok := modules.GuardRecursionSource(p.str)
		if !ok {
			return nil
		}
		if !rt.declareSourceRecursionGlobals() {
			return nil
		}
		p.str, p.length = src, len(src)
		p.file = file.NewFile(p.file.Name(), src, p.base)
		return nil
	}).Interface().(parser.Option)
}

// mayRecur is a scan of src for what a recursion needs: a function and a call.
func mayRecur(src string) bool {
	return strings.IndexByte(src, '(') >= 0 && strings.IndexByte(src, ')') >= 0 &&
		(strings.Contains(src, "function") || strings.Contains(src, "=>") || strings.IndexByte(src, '{') >= 0)
}
