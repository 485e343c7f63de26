// Package domain implements Node's deprecated "domain" module: routing the errors of a group of
// callbacks and event emitters to one handler. See https://nodejs.org/docs/latest-v20.x/api/domain.html.
package domain

import (
	_ "embed"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed domain.js
var glue string

// Module is "domain".
var Module = modules.Module{Name: "domain", Bind: bind, JSRef: &glue}

// bind gives the glue noteThis and endThis (modules.SetNoteThis): run, bind and intercept call
// their function with a receiver, which names an arrow function's frame.
func bind(h *modules.Host, b *goja.Object) error {
	modules.SetNoteThis(h, b)
	return nil
}
