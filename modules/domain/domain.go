// Package domain implements Node's deprecated "domain" module: routing the errors of a group of
// callbacks and event emitters to one handler. See https://nodejs.org/docs/latest-v20.x/api/domain.html.
package domain

import (
	_ "embed"

	"github.com/gojs-dev/gojs/modules"
)

//go:embed domain.js
var glue string

// Module is "domain".
var Module = modules.Module{Name: "domain", JSRef: &glue}
