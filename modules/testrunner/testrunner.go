// Package testrunner is node:test, Node's test runner module
// (https://nodejs.org/api/test.html): test/describe/it/suite, hooks, skip/todo/only, subtests,
// t.plan, t.diagnostic, t.mock, and the spec, tap and dot reporters. A file run directly
// reports itself; under `gojs test` each file emits its events for the CLI to merge.
package testrunner

import (
	_ "embed"

	"github.com/gojs-dev/gojs/modules"
)

//go:embed test.js
var glue string

// Module is node:test (reachable only with the node: prefix).
var Module = modules.Module{Name: "test", SchemeOnly: true, JS: glue}
