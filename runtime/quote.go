package runtime

import "github.com/gojs-dev/gojs/modules"

// QuoteJS quotes s the way util.inspect prints a string (for the CLI's Node-style messages).
func QuoteJS(s string) string { return modules.QuoteJSString(s) }
