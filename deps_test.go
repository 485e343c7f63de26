package gojs_test

import (
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// allowed lists, for each layer, the gojs packages it may import (besides itself). Packages under
// modules/ may import modules, eventloop and the module packages listed in moduleEdges.
var allowed = map[string][]string{
	"eventloop":           {},
	"modules":             {"eventloop", "modules/internal/progimage"},
	"runtime":             {"eventloop", "modules", "modules/*", "runtime/js"},
	"runtime/runtimetest": {"runtime", "eventloop", "modules"},
	"cmd/gojs":            {"runtime", "cmd/gojs/internal/prewarm", "cmd/gojs/internal/early"},
	// compiles the loader's glue (runtime/js) while the process initialises
	"cmd/gojs/internal/prewarm": {"modules", "runtime/js", "cmd/gojs/internal/early"},
	// process set-up before every other package's initialisation: the standard library's
	// runtime package only
	"cmd/gojs/internal/early": {},
	"bench":                   {"*"},
}

// moduleEdges are the imports allowed between built-in module packages (Go imports; JS glue
// requires are not limited).
var moduleEdges = map[string][]string{
	"modules/crypto":         {"modules/buffer"},
	"modules/dgram":          {"modules/buffer"},
	"modules/fs":             {"modules/buffer"},
	"modules/http":           {"modules/buffer", "modules/zlib"}, // fetch decodes bodies as node's zlib streams (undici)
	"modules/net":            {"modules/buffer"},
	"modules/string_decoder": {"modules/buffer"},
	"modules/url":            {"modules/querystring"}, // the shared percent-decoder, as Node's url requires querystring
	"modules/zlib":           {"modules/buffer"},
}

const modPath = "github.com/gojs-dev/gojs"

// TestImportPolicy enforces DESIGN.md's rules of who may import whom, from `go list`.
func TestImportPolicy(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, modPath), "/")
		if rel == "" {
			continue
		}
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, modPath+"/") {
				continue
			}
			dep := strings.TrimPrefix(imp, modPath+"/")
			if !mayImport(rel, dep) {
				t.Errorf("%s may not import %s (see DESIGN.md section 2)", rel, dep)
			}
		}
	}
}

func mayImport(pkg, dep string) bool {
	layer := pkg
	if strings.HasPrefix(pkg, "modules/") {
		if dep == "modules" || dep == "eventloop" {
			return true
		}
		// modules' shared internals (test kits, glue scanners) may use one another
		if strings.HasPrefix(pkg, "modules/internal/") && strings.HasPrefix(dep, "modules/internal/") {
			return true
		}
		// a module's own sub-packages (test kits, internals) may use it
		if strings.HasPrefix(pkg, dep+"/") {
			return true
		}
		// and a module may use its own sub-packages (e.g. testrunner/coverage)
		if strings.HasPrefix(dep, pkg+"/") {
			return true
		}
		for _, e := range moduleEdges[pkg] {
			if e == dep {
				return true
			}
		}
		return false
	}
	if strings.HasPrefix(pkg, "bench") {
		return true
	}
	rules, ok := allowed[layer]
	if !ok {
		return false
	}
	for _, r := range rules {
		if r == "*" || r == dep || (strings.HasSuffix(r, "/*") && strings.HasPrefix(dep, strings.TrimSuffix(r, "*"))) {
			return true
		}
	}
	return false
}

// TestNoDependentsRecompiledForTests keeps each package's test binary from compiling a second
// copy of the packages that import it. When package p has internal tests (package p in
// p's *_test.go files), go test and go vet build p with them, and then every other package in
// the test binary that imports p again against that copy: an external test of a module that
// imports runtimetest recompiles the whole runtime (2 MB of Go, slow under -race), once for vet
// and once for the race build, in every CI run. Tests that run scripts in a runtime go in a
// sub-package of their own (modules/<name>/jstest) when their module has internal tests.
func TestNoDependentsRecompiledForTests(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	type pkg struct {
		ImportPath   string
		Deps         []string
		TestGoFiles  []string
		XTestImports []string
	}
	pkgs := map[string]*pkg{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		p := new(pkg)
		if err := dec.Decode(p); err != nil {
			t.Fatal(err)
		}
		pkgs[p.ImportPath] = p
	}
	for _, p := range pkgs {
		if len(p.TestGoFiles) == 0 {
			continue
		}
		for _, imp := range p.XTestImports {
			x := pkgs[imp]
			if x == nil || imp == p.ImportPath {
				continue
			}
			for _, d := range append([]string{imp}, x.Deps...) {
				// (p's own small test kits, such as modules/buffer/buffertest, may be compiled twice)
				if q := pkgs[d]; q != nil && !strings.HasPrefix(d, p.ImportPath+"/") && slices.Contains(q.Deps, p.ImportPath) {
					rel := func(s string) string { return strings.TrimPrefix(s, modPath+"/") }
					t.Errorf("%s's external tests import %s: with %s's internal tests, its test binary compiles %s again",
						rel(p.ImportPath), rel(imp), rel(p.ImportPath), rel(d))
				}
			}
		}
	}
}
