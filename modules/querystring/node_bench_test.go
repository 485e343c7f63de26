package querystring

import (
	"testing"

	"github.com/gojs-dev/gojs/modules/internal/nodebench"
)

// The Go side of querystring.parse (splitting and decoding into key/value pairs) against node's
// (JS, optimized by V8, which also builds the result object) on the same inputs:
// go test ./modules/querystring -run X -bench VsNode

func BenchmarkVsNode(b *testing.B) {
	inputs := []string{"a=1&b=2&c=hello+world&d=%41%42%43&e=x&e=y&f=", "id=42&sort=desc&page=3",
		"q=caf%C3%A9+au+lait&lang=fr&utf8=%E2%9C%93", "x=1&x=2&x=3&y=&z"}
	js := "const qs = require('querystring'); const inputs = ['a=1&b=2&c=hello+world&d=%41%42%43&e=x&e=y&f=', 'id=42&sort=desc&page=3', " +
		"'q=caf%C3%A9+au+lait&lang=fr&utf8=%E2%9C%93', 'x=1&x=2&x=3&y=&z'];"
	// the binding reuses one parser per runtime, as here
	var p parser
	b.Run("parse", func(b *testing.B) {
		nodebench.Compare(b, js, "h += qs.parse(inputs[i & 3]) ? 1 : 0;", func(i int) {
			p.parse(inputs[i&3], "&", "=", 1000, false, unescapePlus)
		})
	})
	for i, s := range inputs {
		b.Run("parse/"+s, func(b *testing.B) {
			nodebench.Compare(b, js, "h += qs.parse(inputs["+itoa(i)+"]) ? 1 : 0;", func(int) {
				p.parse(s, "&", "=", 1000, false, unescapePlus)
			})
		})
	}
	b.Run("unescape", func(b *testing.B) {
		nodebench.Compare(b, js, "h += qs.unescape('caf%C3%A9+au+lait%E2%9C%93').length;", func(int) {
			unescape("caf%C3%A9+au+lait%E2%9C%93", false)
		})
	})
}

func itoa(i int) string { return string(rune('0' + i)) }
