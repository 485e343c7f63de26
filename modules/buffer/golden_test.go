package buffer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// parseTxtar splits a txtar archive into its comment and files.
func parseTxtar(data string) (string, map[string]string) {
	files := map[string]string{}
	var comment strings.Builder
	cur := ""
	inFile := false
	var b strings.Builder
	for _, line := range strings.SplitAfter(data, "\n") {
		l := strings.TrimRight(line, "\n")
		if strings.HasPrefix(l, "-- ") && strings.HasSuffix(l, " --") && len(l) > 6 {
			if inFile {
				files[cur] = b.String()
			}
			cur = strings.TrimSpace(l[3 : len(l)-3])
			b.Reset()
			inFile = true
			continue
		}
		if inFile {
			b.WriteString(line)
		} else {
			comment.WriteString(line)
		}
	}
	if inFile {
		files[cur] = b.String()
	}
	return comment.String(), files
}

// TestGoldens runs the main.js of this area's golden scripts on a bare runtime with this
// package's modules and compares with want.stdout (node's output). The full runtime runs the
// same scripts through cmd/gojs; this keeps the package testable on its own.
func TestGoldens(t *testing.T) {
	var files []string
	for _, p := range []string{"buffer_*.txtar", "encoding_*.txtar"} {
		m, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "scripts", p))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no goldens")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txtar")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			comment, files := parseTxtar(string(data))
			src, want := files["main.js"], files["want.stdout"]
			if strings.Contains(comment, "needs-runtime") {
				t.Skip("needs the full runtime")
			}
			got := runGolden(t, src)
			if got != want {
				gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
				for i := 0; i < len(gl) || i < len(wl); i++ {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Errorf("line %d:\n got: %s\nwant: %s", i+1, g, w)
					}
				}
			}
		})
	}
}

func runGolden(t *testing.T, src string) string {
	vm, out := newVM(t)
	if _, err := vm.RunString(`globalThis.console = { log(...a) { print(a.map(String).join(' ')); } };`); err != nil {
		t.Fatal(err)
	}
	if _, err := vm.RunString("(function(){" + src + "\n})()"); err != nil {
		t.Fatalf("%v\noutput so far:\n%s", err, out)
	}
	// Drain promise jobs: goja runs them when the outermost call returns.
	return out.String()
}
