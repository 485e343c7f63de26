// Package events implements Node's events module: EventEmitter and its helpers
// (https://nodejs.org/api/events.html). It is JS glue on top of internal/errors and
// internal/validators; emit is written so goja calls listeners without building argument arrays.
package events

import (
	_ "embed"

	"github.com/gojs-dev/gojs/modules"
)

//go:embed events.js
var glue string

// Module is the "events" built-in.
var Module = modules.Module{Name: "events", JS: glue}
