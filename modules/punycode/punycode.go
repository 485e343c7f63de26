// Package punycode implements Node's deprecated punycode module (punycode.js 2.1.0 as bundled by
// Node 20): https://nodejs.org/api/punycode.html.
//
// It is pure JS glue implementing RFC 3492 over UTF-16 strings, so lone surrogates and the
// module's quirks (only the part after the first '@' is mapped, labels split on the four IDNA
// dots) behave as in Node. As in Node 20, requiring it warns (DEP0040) only under
// --pending-deprecation or NODE_PENDING_DEPRECATION=1.
package punycode

import (
	_ "embed"

	"github.com/gojs-dev/gojs/modules"
)

//go:embed punycode.js
var glue string

// Module is "punycode".
var Module = modules.Module{Name: "punycode", Bind: bind, JSRef: &glue}
