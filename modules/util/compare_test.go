package util

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestCompareNode runs testdata/cases.js under goja and under node (when installed) and compares
// every output line.
func TestCompareNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	src, err := os.ReadFile("testdata/cases.js")
	if err != nil {
		t.Fatal(err)
	}
	prelude := "var __out = [];\nfunction out(s) { __out.push(s); }\n"
	cmd := exec.Command(node, "-e", prelude+string(src)+"\nprocess.stdout.write(JSON.stringify(__out));")
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var wantLines []string
	if err := json.Unmarshal(want, &wantLines); err != nil {
		t.Fatal(err)
	}
	r := newTestRuntime(t)
	r.run(t, prelude+"globalThis.process = {env: {}, stdout: {isTTY: false, write() {}, on() {}}, execArgv: [], argv: []};")
	// Every case runs through the Go fast path and inspect.js, which must agree.
	r.run(t, "require('internal/util/inspect').setFastMode(2);")
	if _, err := r.vm.RunScript("cases.js", string(src)); err != nil {
		t.Fatalf("goja: %v", err)
	}
	var got []string
	gv := r.vm.Get("__out").Export().([]any)
	for _, g := range gv {
		got = append(got, g.(string))
	}
	n := len(want)
	_ = n
	for i := 0; i < len(wantLines) || i < len(got); i++ {
		var w, g string
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			t.Errorf("case %d:\n--- node\n%s\n--- gojs\n%s", i, w, g)
		}
	}
	_ = bytes.Compare
	_ = strings.Compare
}
