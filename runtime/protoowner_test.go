package runtime

import (
	"strings"
	"testing"
)

// TestProtoSites checks which constructor the functions marked @name in a source are found to
// be written for ("" for none).
func TestProtoSites(t *testing.T) {
	src := `
function F() {}
F.prototype = { a() { /*@F*/ }, b: function () { /*@F*/ } }
function after() { /*@*/ }
F.prototype.c = function () { /*@F*/ }
F.prototype['d'] = function () { /*@F*/ }; function g() { /*@*/ }
F.prototype[Symbol.iterator] = function () { /*@F*/ }
var x = F.prototype.e = function () { /*@F*/ }, y = function () { /*@*/ }
ns.G = function () {}
ns.G.prototype = { m() { /*@ns.G*/ } }
ns.H = function Hh() {}
ns.H.prototype = { m() { /*@Hh*/ } }
lib.K.prototype = { m() { /*@K*/ } }
Object.defineProperties(F.prototype, { p: { value: function () { /*@F*/ } } }); function h() { /*@*/ }
L.prototype = Object.create(A.prototype, { q: { value: function () { /*@L*/ } } })
var o = Object.create(A.prototype, { r: { value: function () { /*@*/ } } })
M.prototype = {
  s: function () { return '}' + "}" + ` + "`${'}'}`" + ` + /[}]/.source /*@M*/ },
  // }
  t() { /*@M*/ }
}
N.prototype.u = function () { /*@N*/ }
+ function () { /*@N*/ }
this.P.prototype = { v() { /*@*/ } }
`
	sites := protoSites(src)
	for i := 0; ; {
		j := strings.Index(src[i:], "/*@")
		if j < 0 {
			break
		}
		at := i + j
		end := strings.Index(src[at:], "*/")
		want := src[at+3 : at+end]
		got := ""
		for _, st := range sites {
			if st.from > at {
				break
			}
			if at < st.to {
				got = st.name
			}
		}
		if got != want {
			line := strings.Count(src[:at], "\n") + 1
			t.Errorf("line %d: got %q, want %q", line, got, want)
		}
		i = at + end
	}
}
