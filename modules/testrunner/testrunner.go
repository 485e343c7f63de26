// Package testrunner is node:test, Node's test runner module
// (https://nodejs.org/api/test.html): test/describe/it/suite, hooks, skip/todo/only, subtests,
// t.plan, t.diagnostic, t.mock, run(), and node:test/reporters (spec, tap, dot, junit, lcov). A
// file run directly reports itself; under `gojs test` each file emits its events for the CLI to
// merge.
package testrunner

import (
	_ "embed"

	"github.com/gojs-dev/gojs/modules"
)

//go:embed test.js
var glue string

//go:embed reporters.js
var reportersGlue string

// Module is node:test (reachable only with the node: prefix).
var Module = modules.Module{Name: "test", SchemeOnly: true, JS: glue}

// Reporters is node:test/reporters (https://nodejs.org/api/test.html#test-reporters).
var Reporters = modules.Module{Name: "test/reporters", SchemeOnly: true, JS: reportersGlue}
