package modules

import (
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// Labels in a chain on one loop (`a: b: for (...) { ... continue a; }`) all denote that loop,
// so `continue a` continues it as `continue b` does; goja's compiler takes only the innermost
// label of a chain for the loop and rejects the others ("Illegal continue statement: 'a' does not
// denote an iteration statement"). When a compile fails so (IsContinueChainError),
// FixContinueChains makes each such continue name the innermost label, and the program is
// compiled again (a break of an outer label already works: it leaves the same statement). Code
// goja compiles from text (new Function, eval) is not helped, except vm contexts'
// (FixContinueChainsSource); ES modules fail earlier, in esbuild.

const continueChainError = "does not denote an iteration statement"

// IsContinueChainError reports whether err is goja's rejection of a continue to an outer label of
// a chain (see FixContinueChains).
func IsContinueChainError(err error) bool {
	return err != nil && strings.Contains(err.Error(), continueChainError)
}

var (
	labelledType = reflect.TypeOf((*ast.LabelledStatement)(nil))
	branchType   = reflect.TypeOf((*ast.BranchStatement)(nil))
)

// FixContinueChains makes each continue to an outer label of a label chain on a loop continue the
// innermost label.
func FixContinueChains(prg *ast.Program) {
	chainContinues(prg, func(b *ast.BranchStatement, inner *ast.Identifier) {
		b.Label = &ast.Identifier{Name: inner.Name, Idx: b.Label.Idx}
	})
}

// hasLabelChain reports whether src may hold `name: name: loop` (a cheap test before parsing
// it): a colon before for, while or do, after a name that follows another colon after a name
// character, blanks (ASCII, as a regexp's \s) allowed around each. It scans for the colons by
// hand: a regexp with Unicode classes over a whole bundle cost more than the parse it saves
// (vitest's vmThreads pool runs every module's text through it).
func hasLabelChain(src string) bool {
	for i := 0; ; {
		c := strings.IndexByte(src[i:], ':')
		if c < 0 {
			return false
		}
		c += i
		i = c + 1
		j := skipBlanks(src, c+1)
		if !startsLoopKeyword(src[j:]) {
			continue
		}
		// name, blanks and another colon before this one, and a name character before that
		k := skipBlanksBack(src, c)
		n := k
		for n > 0 && isNameByte(src[n-1]) {
			n--
		}
		if n == k || src[n] >= '0' && src[n] <= '9' { // (a name starts with no digit)
			continue
		}
		m := skipBlanksBack(src, n)
		if m == 0 || src[m-1] != ':' {
			continue
		}
		if p := skipBlanksBack(src, m-1); p > 0 && isNameByte(src[p-1]) {
			return true
		}
	}
}

func isBlank(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

// isNameByte is true for a byte of an identifier character: ASCII letters, digits, $, _, or
// any byte of a non-ASCII character (a test that lets more through costs only a parse).
func isNameByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '$' || b == '_' || b >= 0x80
}

func skipBlanks(s string, i int) int {
	for i < len(s) && isBlank(s[i]) {
		i++
	}
	return i
}

func skipBlanksBack(s string, i int) int {
	for i > 0 && isBlank(s[i-1]) {
		i--
	}
	return i
}

// startsLoopKeyword reports whether s starts with for, while or do as a whole word.
func startsLoopKeyword(s string) bool {
	for _, kw := range [...]string{"for", "while", "do"} {
		if strings.HasPrefix(s, kw) {
			rest := s[len(kw):]
			return rest == "" || !(rest[0] >= 'a' && rest[0] <= 'z' || rest[0] >= 'A' && rest[0] <= 'Z' || rest[0] >= '0' && rest[0] <= '9' || rest[0] == '_')
		}
	}
	return false
}

// FixContinueChainsSource is FixContinueChains for code compiled from its text (vm contexts run
// code through eval): it returns src with the label of each such continue replaced, or src.
func FixContinueChainsSource(src string) string {
	if !strings.Contains(src, "continue") || !hasLabelChain(src) {
		return src
	}
	prg, err := parser.ParseFile(nil, "", src, 0)
	if err != nil {
		return src
	}
	type edit struct {
		at, end int
		name    string
	}
	var edits []edit
	chainContinues(prg, func(b *ast.BranchStatement, inner *ast.Identifier) {
		at := int(b.Label.Idx) - 1
		if end := at + len(b.Label.Name); at >= 0 && end <= len(src) && src[at:end] == b.Label.Name.String() {
			edits = append(edits, edit{at, end, inner.Name.String()})
		}
	})
	if len(edits) == 0 {
		return src
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].at < edits[j].at })
	var out strings.Builder
	last := 0
	for _, e := range edits {
		out.WriteString(src[last:e.at])
		out.WriteString(e.name)
		last = e.end
	}
	out.WriteString(src[last:])
	return out.String()
}

// chainContinues calls fix for each continue in prg that names an outer label of a chain of
// labels on a loop, with the chain's innermost label.
func chainContinues(prg *ast.Program, fix func(b *ast.BranchStatement, inner *ast.Identifier)) {
	var visit func(v reflect.Value) bool
	visit = func(v reflect.Value) bool {
		if v.Type() != labelledType {
			return true
		}
		var outer []unistring.String
		ls := v.Interface().(*ast.LabelledStatement)
		for {
			next, ok := ls.Statement.(*ast.LabelledStatement)
			if !ok {
				break
			}
			outer = append(outer, ls.Label.Name)
			ls = next
		}
		switch ls.Statement.(type) {
		case *ast.ForStatement, *ast.ForInStatement, *ast.ForOfStatement, *ast.WhileStatement, *ast.DoWhileStatement:
		default:
			outer = nil
		}
		if len(outer) == 0 {
			WalkAST(reflect.ValueOf(ls.Statement), visit)
			return false
		}
		inner := ls.Label
		WalkAST(reflect.ValueOf(ls.Statement), func(v reflect.Value) bool {
			switch v.Type() {
			case funcLitType, arrowLitType:
				return false // labels do not reach into functions
			case branchType:
				b := v.Interface().(*ast.BranchStatement)
				if b.Token == token.CONTINUE && b.Label != nil && slices.Contains(outer, b.Label.Name) {
					fix(b, inner)
				}
			}
			return true
		})
		// chains further in (the chain's own inner labels are not chains of their own)
		WalkAST(reflect.ValueOf(ls.Statement), visit)
		return false
	}
	WalkAST(reflect.ValueOf(prg), visit)
}

// NodeEnd is n.Idx1(), the place just past node n, for any node: goja's Idx1 of a case clause
// with no statement (`case 1: case 2: f()`) indexes its empty list and panics; such a clause
// ends with its test (or its keyword, for default:).
func NodeEnd(n ast.Node) file.Idx {
	if c, ok := n.(*ast.CaseStatement); ok && len(c.Consequent) == 0 {
		if c.Test != nil {
			return c.Test.Idx1()
		}
		return c.Case + file.Idx(len("default"))
	}
	return n.Idx1()
}

// WalkASTAt calls visit for each node under root that holds pos (a file.Idx: from the node's
// first character to its end, NodeEnd), outermost first, and goes into one only when visit
// returns true.
func WalkASTAt(root any, pos int, visit func(ast.Node) bool) {
	WalkAST(reflect.ValueOf(root), func(v reflect.Value) bool {
		n, ok := v.Interface().(ast.Node)
		if !ok {
			return true
		}
		if pos < int(n.Idx0()) || pos >= int(NodeEnd(n)) {
			return false // (nothing inside holds pos)
		}
		return visit(n)
	})
}

// WalkAST calls visit for each pointer to a node under v (a node, or a slice or struct holding
// nodes), depth first, and goes into a node only when visit returns true.
func WalkAST(v reflect.Value, visit func(reflect.Value) bool) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			WalkAST(v.Elem(), visit)
		}
	case reflect.Pointer:
		if !v.IsNil() && v.Elem().Kind() == reflect.Struct && visit(v) {
			WalkAST(v.Elem(), visit)
		}
	case reflect.Struct, reflect.Slice:
		walkChildren(v, func(c reflect.Value) { WalkAST(c, visit) })
	}
}
