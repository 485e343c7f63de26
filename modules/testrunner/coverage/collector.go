package coverage

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
	"github.com/gojs-dev/gojs/modules"
)

// Flag turns coverage on (in process.execArgv).
const Flag = "--experimental-test-coverage"

// counterName (and the file's number) names a file's counter array.
const counterName = "__gojsCov$"

type stateKey struct{}

type file struct {
	path     string
	src      string // the source instrumented
	plan     *Plan
	counters *goja.Object
	// For a file compiled to JavaScript first (TypeScript): the file's own source, which the
	// report is about, and remap, from offsets in src to offsets in orig.
	orig  string
	remap func(off int, end bool) (int, bool)
	// the name the compiler gave an anonymous default export (V8 names it "default")
	defaultAlias string
}

// Collector holds one runtime's instrumented files and their counters.
type Collector struct {
	vm     *goja.Runtime
	files  []*file
	byPath map[string]*file
}

// EnvVar is node's environment variable naming a directory where a process (and each of its
// children, which inherit it) writes V8's coverage of its scripts as it exits: what c8 reads.
const EnvVar = "NODE_V8_COVERAGE"

// On reports whether the test runner's coverage report is on (--experimental-test-coverage).
func On(h *modules.Host) bool { return slices.Contains(h.ExecArgv, Flag) }

type activeKey struct{}

// active reports whether the runtime collects coverage: for the test runner's report, or for
// NODE_V8_COVERAGE's file. Decided once, at the first ask (the loader's, as the runtime starts):
// a program's later process.env.NODE_V8_COVERAGE is its children's, as in node.
func active(h *modules.Host) bool {
	return h.State(activeKey{}, func() any { return On(h) || h.Env[EnvVar] != "" }).(bool)
}

// For returns the runtime's collector, or nil when coverage is off.
func For(h *modules.Host) *Collector {
	if !active(h) {
		return nil
	}
	return h.State(stateKey{}, func() any {
		return &Collector{vm: h.VM, byPath: map[string]*file{}}
	}).(*Collector)
}

// Hook returns the loader's source hook for the runtime: nil when coverage is off (so it costs
// nothing), else a function that instruments a user file's source.
func Hook(h *modules.Host) func(filename, src string) string {
	if !active(h) {
		return nil
	}
	return func(filename, src string) string {
		return For(h).Instrument(filename, src)
	}
}

// Covered reports whether node's coverage includes filename (a user file, not node_modules).
func Covered(filename string) bool {
	return filepath.IsAbs(filename) && !strings.Contains(filepath.ToSlash(filename), "/node_modules/")
}

// Instrument returns the source to compile for filename: instrumented when node's coverage
// includes it and it parses, else src unchanged.
func (c *Collector) Instrument(filename, src string) string {
	if !Covered(filename) {
		return src
	}
	f := c.byPath[filename]
	if f != nil && f.src == src {
		return f.plan.Source
	}
	// The counters are a global (hidden, one per file).
	name := counterName + strconv.Itoa(len(c.files))
	// Inside the file a local alias is read (a closure variable, cheaper than a global); it is
	// the first statement (the source map keeps the columns), so no code of the file runs
	// before it.
	plan, ok := Instrument(filename, src, counterName, "const "+counterName+"="+name+";")
	if !ok {
		return src
	}
	if _, err := parser.ParseFile(nil, filename, plan.Source, 0); err != nil {
		return src
	}
	c.add(&file{path: filename, src: src, plan: plan}, name)
	return plan.Source
}

// add registers f and its counter array (the global name).
func (c *Collector) add(f *file, name string) {
	vals := make([]any, f.plan.Counters)
	for i := range vals {
		vals[i] = 0
	}
	f.counters = c.vm.NewArray(vals...)
	_ = c.vm.GlobalObject().DefineDataProperty(name, f.counters, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	c.files = append(c.files, f)
	c.byPath[f.path] = f
}

// ModuleHook is Hook for ES modules and TypeScript: nil when coverage is off, else a function
// that returns the instrumented source of a user file, or "" to leave the file as it is. src is
// the file's source; generated, when not "", is the JavaScript it was compiled to (with module
// syntax kept and an inline source map to src), which is then what gets instrumented.
func ModuleHook(h *modules.Host) func(filename, src, generated string) string {
	if !active(h) {
		return nil
	}
	return func(filename, src, generated string) string {
		return For(h).InstrumentModule(filename, src, generated)
	}
}

// InstrumentModule instruments an ES module (or a CommonJS file compiled from TypeScript) for
// coverage, as ModuleHook describes; the result keeps its module syntax and has an inline
// source map to the file's source.
func (c *Collector) InstrumentModule(filename, src, generated string) string {
	if !Covered(filename) {
		return ""
	}
	js := src
	var segs [][][3]int
	if generated != "" {
		code, mappings := inlineMap(generated)
		if mappings == "" {
			return ""
		}
		js, segs = code, decodeMap(mappings)
	}
	if f := c.byPath[filename]; f != nil && f.src == js && (generated == "" || f.orig == src) {
		return f.plan.Source
	}
	masked, prefixes, ok := maskModule(filename, js)
	if !ok {
		return ""
	}
	name := counterName + strconv.Itoa(len(c.files))
	prefix := "const " + counterName + "=" + name + ";"
	check, ok := instrument(filename, masked, masked, prefixes, counterName, prefix)
	if !ok {
		return ""
	}
	if _, err := parser.ParseFile(nil, filename, check.Source, 0); err != nil {
		return ""
	}
	plan, ok := instrument(filename, js, masked, prefixes, counterName, prefix)
	if !ok {
		return ""
	}
	f := &file{path: filename, src: js, plan: plan}
	if generated != "" {
		f.orig = src
		f.remap = remapper(js, src, segs)
		f.defaultAlias = generatedDefault(js, src)
		// the instrumented code's map goes through the generated code's map to the file
		sm := &mapper{}
		for gl, l := range plan.sm.lines {
			_ = gl
			for _, seg := range l {
				if ol, oc, ok := lookup(segs, seg[1], seg[2]); ok {
					for len(sm.lines) <= seg[1] {
						sm.lines = append(sm.lines, nil)
					}
					sm.lines[seg[1]] = append(sm.lines[seg[1]], [3]int{seg[0], ol, oc})
				}
			}
		}
		code, _ := inlineMap(plan.Source)
		plan.Source = code + "//# sourceMappingURL=data:application/json;base64," + sm.encode(filename)
	}
	c.add(f, name)
	return plan.Source
}

// generatedDefault returns the name esbuild gave an anonymous default export in js (`x_default`
// in `export { x_default as default }`, absent from the original source), or "".
func generatedDefault(js, orig string) string {
	i := strings.Index(js, " as default")
	if i < 0 {
		return ""
	}
	j := i
	for j > 0 && word(js[j-1]) {
		j--
	}
	name := js[j:i]
	if !strings.HasSuffix(name, "_default") || strings.Contains(orig, name) {
		return ""
	}
	return name
}

// remapper maps offsets in generated code to offsets in the original source through segs; an
// end offset is mapped as the character before it.
func remapper(gen, orig string, segs [][][3]int) func(int, bool) (int, bool) {
	genLines := lineStarts(gen)
	origLines := lineStarts(orig)
	return func(off int, end bool) (int, bool) {
		p := min(off, len(gen))
		if p <= 0 && end {
			return 0, true
		}
		if end {
			p--
		}
		line := sort.Search(len(genLines), func(i int) bool { return genLines[i] > p }) - 1
		ol, oc, ok := lookup(segs, line, p-genLines[line])
		if !ok || ol >= len(origLines) {
			return 0, false
		}
		lineEnd := len(orig)
		if ol+1 < len(origLines) {
			lineEnd = origLines[ol+1] - 1
		}
		o := min(origLines[ol]+oc, lineEnd)
		if end {
			o++
		}
		return o, true
	}
}

func lineStarts(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// RawRange, RawFunction and RawScript are V8's precise-coverage shapes (offsets in UTF-16 units).
type RawRange struct {
	StartOffset int `json:"startOffset"`
	EndOffset   int `json:"endOffset"`
	Count       int `json:"count"`
}

type RawFunction struct {
	FunctionName    string     `json:"functionName"`
	Ranges          []RawRange `json:"ranges"`
	IsBlockCoverage bool       `json:"isBlockCoverage"`
}

type RawScript struct {
	URL       string        `json:"url"`
	Source    string        `json:"source"`
	Functions []RawFunction `json:"functions"`
}

// JSON is the runtime's coverage as V8 would report it: a JSON array of scripts.
func (c *Collector) JSON() string {
	out := []RawScript{}
	if c != nil {
		for _, f := range c.files {
			out = append(out, f.raw())
		}
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// v8Script is one script of NODE_V8_COVERAGE's file (the inspector's ScriptCoverage).
type v8Script struct {
	ScriptID  string        `json:"scriptId"`
	URL       string        `json:"url"`
	Functions []RawFunction `json:"functions"`
}

// WriteV8 writes the runtime's coverage as node does at exit when NODE_V8_COVERAGE names a
// directory, dir (made if missing): coverage-<pid>-<ms since the epoch>-<threadId>.json there,
// holding {"result": [scripts]} (the user files node's coverage includes, each by its file:
// URL). Loop only.
func WriteV8(h *modules.Host, dir string, pid, threadID int, now time.Time) error {
	if dir == "" {
		return nil
	}
	c := h.State(stateKey{}, func() any {
		return &Collector{vm: h.VM, byPath: map[string]*file{}}
	}).(*Collector)
	if !filepath.IsAbs(dir) {
		dir = h.Abs(dir)
	}
	result := make([]v8Script, 0, len(c.files))
	for i, f := range c.files {
		r := f.raw()
		fns := r.Functions
		if fns == nil {
			fns = []RawFunction{}
		}
		result = append(result, v8Script{ScriptID: strconv.Itoa(i + 1), URL: r.URL, Functions: fns})
	}
	b, err := json.Marshal(struct {
		Result []v8Script `json:"result"`
	}{result})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	name := "coverage-" + strconv.Itoa(pid) + "-" + strconv.FormatInt(now.UnixMilli(), 10) + "-" + strconv.Itoa(threadID) + ".json"
	return os.WriteFile(filepath.Join(dir, name), b, 0o666)
}

func (f *file) count(ctr int) int {
	if ctr < 0 {
		return 1
	}
	v := f.counters.Get(strconv.Itoa(ctr))
	if v == nil {
		return 0
	}
	return int(v.ToInteger())
}

type block struct {
	start, end, count int
	dead              bool
}

func (f *file) raw() RawScript {
	report := f.src
	if f.remap != nil {
		report = f.orig
	}
	u16 := utf16Offsets(report)
	mapped := true
	conv := func(b int, end bool) int {
		if f.remap != nil {
			o, ok := f.remap(b, end)
			if !ok {
				mapped = false
			}
			b = o
		}
		if u16 == nil {
			return b
		}
		if b >= len(u16) {
			return u16[len(u16)-1]
		}
		return u16[b]
	}
	s := RawScript{URL: "file://" + filepath.ToSlash(f.path), Source: report}
	counts := make([]int, len(f.plan.Functions))
	for i, fn := range f.plan.Functions {
		counts[i] = f.count(fn.Counter)
		if fn.Parent >= 0 && counts[fn.Parent] == 0 {
			// V8 has not seen functions inside one that never ran.
			continue
		}
		name := fn.Name
		if name == defaultName || name != "" && name == f.defaultAlias {
			name = "default"
		}
		rf := RawFunction{FunctionName: name}
		mapped = true
		if i == 0 && f.remap != nil {
			// the script is the whole original file
			end := len(report)
			if u16 != nil {
				end = u16[len(report)]
			}
			rf.Ranges = []RawRange{{0, end, counts[i]}}
		} else {
			rf.Ranges = []RawRange{{conv(fn.Start, false), conv(fn.End, true), counts[i]}}
		}
		if !mapped {
			continue // a function the compiler generated
		}
		if counts[i] > 0 {
			rf.IsBlockCoverage = true
			for _, b := range v8Blocks(f.src, fn, counts[i], f.count) {
				if r := (RawRange{conv(b.start, false), conv(b.end, true), b.count}); mapped {
					rf.Ranges = append(rf.Ranges, r)
				}
				mapped = true // a block of generated code is left out
			}
		}
		s.Functions = append(s.Functions, rf)
	}
	return s
}

// v8Blocks post-processes a function's block counters as V8's block coverage does.
func v8Blocks(src string, fn Function, fnCount int, count func(int) int) []block {
	bs := make([]block, 0, len(fn.Ranges))
	for _, r := range fn.Ranges {
		bs = append(bs, block{start: r.Start, end: r.End, count: count(r.Counter)})
	}
	inf := fn.End + 1
	key := func(b block) int {
		if b.end < 0 {
			return inf
		}
		return b.end
	}
	sort.SliceStable(bs, func(i, j int) bool {
		if bs[i].start != bs[j].start {
			return bs[i].start < bs[j].start
		}
		return key(bs[i]) > key(bs[j])
	})
	// duplicates
	out := bs[:0]
	for _, b := range bs {
		if n := len(out); n > 0 && out[n-1].start == b.start && out[n-1].end == b.end {
			out[n-1].count = max(out[n-1].count, b.count)
			continue
		}
		out = append(out, b)
	}
	bs = out
	// singletons reach to the end of the range around them
	parent := block{start: fn.Start, end: fn.End, count: fnCount}
	stack := []block{parent}
	for i := range bs {
		for len(stack) > 1 && bs[i].start >= stack[len(stack)-1].end {
			stack = stack[:len(stack)-1]
		}
		if bs[i].end < 0 {
			// a continuation ends where the next block starts, else with the block around it
			bs[i].end = stack[len(stack)-1].end
			if i+1 < len(bs) && bs[i+1].start < bs[i].end {
				bs[i].end = bs[i+1].start
			} else if len(stack) == 1 && fn.Counter >= 0 && fn.End > 0 && src[fn.End-1] == '}' {
				bs[i].end-- // a function's continuations stop before its closing brace
			} else if len(stack) == 1 && fn.Counter < 0 && fn.End > fn.Start {
				bs[i].end-- // and the script's one short of its end, as V8's
			}
		}
		stack = append(stack, bs[i])
	}
	// consecutive ranges with one count merge
	out = bs[:0]
	for _, b := range bs {
		if n := len(out); n > 0 && out[n-1].end == b.start && out[n-1].count == b.count {
			out[n-1].end = b.end
			continue
		}
		out = append(out, b)
	}
	bs = out
	// nested ranges with their parent's count go
	stack = []block{parent}
	out = nil
	for _, b := range bs {
		for len(stack) > 1 && b.start >= stack[len(stack)-1].end {
			stack = stack[:len(stack)-1]
		}
		p := stack[len(stack)-1]
		stack = append(stack, b)
		if b.count == p.count || b.start == b.end {
			continue
		}
		out = append(out, b)
	}
	return out
}

// utf16Offsets maps byte offsets to UTF-16 offsets; nil when the source is ASCII.
func utf16Offsets(s string) []int {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return nil
	}
	m := make([]int, len(s)+1)
	u := 0
	for i, r := range s {
		n := utf8.RuneLen(r)
		for k := 0; k < n; k++ {
			m[i+k] = u
		}
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
	}
	m[len(s)] = u
	return m
}
