package main

import (
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite golden files from the output of the last cmp (node's); run only where node is installed")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"gojs": func() { os.Exit(Main(os.Args[1:])) },
	})
}

// TestScripts runs the golden scripts in testdata/scripts: each runs a program under gojs and
// then under node (when node is on PATH) and compares both with the same expected output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/scripts",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("NODE_DISABLE_COLORS", "1")
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}
