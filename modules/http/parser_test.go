package http

import (
	"strings"
	"testing"
	"unsafe"
)

type rec struct {
	heads    []*Head
	bodies   []string
	complete int
}

func newRec(resp bool) (*Parser, *rec) {
	r := &rec{}
	p := &Parser{Response: resp, MaxHeaderSize: 16384}
	p.OnHeaders = func(h *Head) int { r.heads = append(r.heads, h); r.bodies = append(r.bodies, ""); return 0 }
	p.OnBody = func(b []byte) { r.bodies[len(r.bodies)-1] += string(b) }
	p.OnComplete = func() { r.complete++ }
	return p, r
}

// feed gives the parser data one byte at a time when split is set, to exercise every resume point.
func feed(p *Parser, data string, split bool) {
	if !split {
		p.Execute([]byte(data))
		return
	}
	for i := 0; i < len(data) && p.Err == nil && !p.Upgraded; i++ {
		p.Execute([]byte{data[i]})
	}
}

func TestParserRequests(t *testing.T) {
	in := "GET /a?b=1 HTTP/1.1\r\nHost: x\r\nX-Dup: 1\r\nx-dup:  2 \r\n\r\n" +
		"POST /p HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello" +
		"PUT /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nT: 1\r\n\r\n" +
		"GET /close HTTP/1.0\r\n\r\n"
	for _, split := range []bool{false, true} {
		p, r := newRec(false)
		feed(p, in, split)
		if p.Err != nil {
			t.Fatalf("split=%v: %v", split, p.Err)
		}
		if r.complete != 4 || len(r.heads) != 4 {
			t.Fatalf("split=%v: complete=%d heads=%d", split, r.complete, len(r.heads))
		}
		h := r.heads[0]
		if h.Method != "GET" || h.URL != "/a?b=1" || strings.Join(h.Raw, "|") != "Host|x|X-Dup|1|x-dup|2" || !h.KeepAlive {
			t.Errorf("head 0: %+v", h)
		}
		if r.bodies[1] != "hello" || r.bodies[2] != "abcde" {
			t.Errorf("bodies %q", r.bodies)
		}
		if r.heads[3].KeepAlive || r.heads[3].Minor != 0 {
			t.Errorf("HTTP/1.0 keep-alive: %+v", r.heads[3])
		}
	}
}

func TestParserErrors(t *testing.T) {
	cases := map[string]string{
		"FOO / HTTP/1.1\r\n\r\n":                                            "HPE_INVALID_METHOD",
		"GET / HTTP/1.1\r\nBad Name: x\r\n\r\n":                             "HPE_INVALID_HEADER_TOKEN",
		"GET / HTTP/2.1\r\n\r\n":                                            "HPE_INVALID_VERSION",
		"GET / HTTP/3.0\r\n\r\n":                                            "HPE_INVALID_VERSION",
		"POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n":                      "HPE_INVALID_CONTENT_LENGTH",
		"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n":       "HPE_INVALID_CHUNK_SIZE",
		"GET / HTTP/1.1\r\nX: " + strings.Repeat("a", 20000) + "\r\n\r\n":   "HPE_HEADER_OVERFLOW",
		"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n": "HPE_UNEXPECTED_CONTENT_LENGTH",
	}
	for in, code := range cases {
		for _, split := range []bool{false, true} {
			p, _ := newRec(false)
			feed(p, in, split)
			if p.Err == nil || p.Err.Code != code {
				t.Errorf("%q split=%v: got %v, want %s", in[:min(len(in), 40)], split, p.Err, code)
			}
		}
	}
}

// A chunked body is checked byte by byte as llhttp's strict mode does (line ends, blanks after
// the size, extension syntax, trailer lines), with the same result whole or split; lenient
// (insecureHTTPParser) accepts bare line ends and blanks after the size.
func TestParserChunkedStrict(t *testing.T) {
	const head = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
	cases := []struct {
		body, code string
		at         int // the error's place in the body
		lenient    string
	}{
		{"3\nabc\r\n0\r\n\r\n", "HPE_CR_EXPECTED", 2, ""},
		{"3\r\nabc\n0\r\n\r\n", "HPE_CR_EXPECTED", 7, ""},
		{"3\r\nabc\r\r\n0\r\n\r\n", "HPE_STRICT", 7, "HPE_INVALID_CHUNK_SIZE"},
		{"3 \r\nabc\r\n0\r\n\r\n", "HPE_INVALID_CHUNK_SIZE", 2, ""},
		{"3;a=\"b\\\"c\";d;e=f\r\nabc\r\n0\r\n\r\n", "", 0, ""},
		{"3;a=b\x01\r\nabc\r\n0\r\n\r\n", "HPE_STRICT", 6, "HPE_STRICT"},
		{"3;a=\"b\"c\r\nabc\r\n0\r\n\r\n", "HPE_STRICT", 7, "HPE_STRICT"},
		{"3;\r\nabc\r\n0\r\n\r\n", "HPE_STRICT", 3, "HPE_STRICT"},
		{"3\r\nabc\r\n0\r\nT: v\n\r\n", "HPE_CR_EXPECTED", 15, ""},
		{"3\r\nabc\r\n0\r\nT: a\r\n b\r\n\r\n", "HPE_INVALID_HEADER_TOKEN", 17, ""},
		{"3\r\nabc\r\n0\r\n\r\r", "HPE_STRICT", 12, ""},
		{"3\r\nabc\r\n0\r\n\n", "HPE_INVALID_HEADER_TOKEN", 12, ""},
	}
	for _, c := range cases {
		for _, lenient := range []bool{false, true} {
			want := c.code
			if lenient {
				want = c.lenient
			}
			for _, split := range []bool{false, true} {
				p, r := newRec(false)
				p.Lenient = lenient
				feed(p, head+c.body, split)
				switch {
				case want == "" && (p.Err != nil || r.complete != 1 || r.bodies[0] != "abc"):
					t.Errorf("%q lenient=%v split=%v: err %v, complete %d, bodies %q", c.body, lenient, split, p.Err, r.complete, r.bodies)
				case want != "" && (p.Err == nil || p.Err.Code != want):
					t.Errorf("%q lenient=%v split=%v: err %v, want %s", c.body, lenient, split, p.Err, want)
				case want != "" && !split && !lenient && p.Err.Bytes-len(head) != c.at:
					t.Errorf("%q: error at %d, want %d", c.body, p.Err.Bytes-len(head), c.at)
				}
			}
		}
	}
}

func TestParserResponses(t *testing.T) {
	p, r := newRec(true)
	p.SetRequestMethod("GET")
	feed(p, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhiHTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\n\r\nuntil eof", true)
	p.Finish()
	if p.Err != nil || r.complete != 3 || r.bodies[0] != "hi" || r.bodies[2] != "until eof" || r.heads[2].KeepAlive {
		t.Fatalf("err=%v complete=%d bodies=%q", p.Err, r.complete, r.bodies)
	}
	p, r = newRec(true)
	p.SetRequestMethod("HEAD")
	feed(p, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", false)
	if r.complete != 1 {
		t.Fatal("HEAD response must have no body")
	}
}

func FuzzParser(f *testing.F) {
	f.Add([]byte("GET / HTTP/1.1\r\nHost: a\r\n\r\n"), false)
	f.Add([]byte("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"), false)
	f.Add([]byte("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"), true)
	f.Add([]byte("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;a=\"b\\\"c\";d\r\nabc\r\n0\r\nT: v\r\n\r\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, resp bool) {
		// Fed whole or byte by byte, the parser must agree and never panic.
		p1, r1 := newRec(resp)
		p1.Execute(data)
		p2, r2 := newRec(resp)
		feed(p2, string(data), true)
		if (p1.Err == nil) != (p2.Err == nil) || r1.complete != r2.complete {
			t.Fatalf("whole vs split: err %v/%v complete %d/%d", p1.Err, p2.Err, r1.complete, r2.complete)
		}
	})
}

// A keep-alive connection's repeated header lines reuse the previous head's strings; changed
// ones are new, and the earlier Head is left as it was.
func TestParserReusesRepeatedStrings(t *testing.T) {
	p, r := newRec(false)
	feed(p, "GET /a HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n", false)
	feed(p, "GET /a HTTP/1.1\r\nHost: y\r\nAccept: */*\r\nX: 1\r\n\r\n", false)
	feed(p, "GET /b HTTP/1.1\r\nHOST: y\r\n\r\n", false)
	if len(r.heads) != 3 {
		t.Fatalf("heads: %d", len(r.heads))
	}
	want := []string{"Host x Accept */*", "Host y Accept */* X 1", "HOST y"}
	for i, h := range r.heads {
		if got := strings.Join(h.Raw, " "); got != want[i] {
			t.Errorf("head %d: %q, want %q", i, got, want[i])
		}
	}
	a, b := r.heads[0], r.heads[1]
	if unsafe.StringData(a.Raw[2]) != unsafe.StringData(b.Raw[2]) || unsafe.StringData(a.Raw[3]) != unsafe.StringData(b.Raw[3]) {
		t.Error("repeated header strings were not reused")
	}
	if unsafe.StringData(a.URL) != unsafe.StringData(b.URL) || r.heads[2].URL != "/b" || r.heads[2].Method != "GET" {
		t.Error("URL/method")
	}
}

// A head that arrives whole is parsed where it is: the parser keeps no copy of the read (a big
// body behind the head must not stay in an idle connection's head buffer), and the strings it
// hands over do not alias the read's bytes.
func TestParserHeadInPlace(t *testing.T) {
	p, r := newRec(false)
	body := strings.Repeat("b", 64<<10)
	data := []byte("POST /up HTTP/1.1\r\nHost: h\r\nContent-Length: 65536\r\n\r\n" + body)
	p.Execute(data)
	if p.Err != nil || r.complete != 1 || r.bodies[0] != body {
		t.Fatalf("err %v, complete %d", p.Err, r.complete)
	}
	if cap(p.head) != 0 {
		t.Errorf("head buffer kept: cap %d", cap(p.head))
	}
	for i := range data {
		data[i] = 'z'
	}
	if h := r.heads[0]; h.URL != "/up" || h.Raw[0] != "Host" || h.Raw[1] != "h" {
		t.Errorf("head changed with the read's bytes: %q %q", h.URL, h.Raw)
	}
	// A head split over reads is still collected, and a big one is not kept once parsed.
	p, r = newRec(false)
	big := "GET / HTTP/1.1\r\nX-Big: " + strings.Repeat("v", 8000) + "\r\n\r\n"
	p.Execute([]byte(big[:100]))
	p.Execute([]byte(big[100:]))
	if p.Err != nil || r.complete != 1 || len(r.heads[0].Raw[1]) != 8000 {
		t.Fatalf("split head: err %v, complete %d", p.Err, r.complete)
	}
	if cap(p.head) > idleHeadCap {
		t.Errorf("big head buffer kept: cap %d", cap(p.head))
	}
}

// methodValues shares the method names' JS strings between runtimes, which is safe only for
// goja's asciiString (short ASCII): a longer string would be a lazily scanned importedString.
func TestMethodsShareable(t *testing.T) {
	for i, m := range Methods {
		if len(m) > 16 {
			t.Errorf("%q: longer than 16 bytes", m)
		}
		for j := 0; j < len(m); j++ {
			if m[j] >= 0x80 {
				t.Errorf("%q: not ASCII", m)
			}
		}
		if i > 0 && Methods[i-1] >= m {
			t.Errorf("Methods not sorted at %q", m)
		}
	}
}
