package http

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"testing"
)

// readChunked reads in as a chunked body with fetchChunked, in reads of size n.
func readChunked(in string, eofEnds bool, n int) (string, error) {
	c := &fetchChunked{br: bufio.NewReaderSize(bytes.NewReader([]byte(in)), 16), eofEnds: eofEnds}
	var out bytes.Buffer
	buf := make([]byte, n)
	for i := 0; i < len(in)+10; i++ {
		m, err := c.Read(buf)
		out.Write(buf[:m])
		if err == io.EOF {
			return out.String(), nil
		}
		if err != nil {
			return out.String(), err
		}
	}
	return out.String(), errors.New("no end")
}

func TestFetchChunked(t *testing.T) {
	for _, tc := range []struct {
		in, body, code string
		eofEnds        bool
	}{
		{"3;a=b\r\nabc\r\n0\r\nx: y\r\n\r\n", "abc", "", false},
		{"3;a=\"b c\";d\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n", "abc0123456789abcdef", "", false},
		{"1;a=b;\r\naXY0\r\n\r\n", "a", "", false},
		{"1;a=b;c\r\na\r\n0\r\n\r\n", "", "HPE_INVALID_CHUNK_SIZE", false},
		{"1;a b\r\na\r\n0\r\n\r\n", "", "HPE_STRICT", false},
		{"1\r\na\r\n0\r\nx\r\n\r\n", "a", "HPE_INVALID_HEADER_TOKEN", false},
		{"5\r\nab", "ab", "", true},
		{"5\r\nab", "ab", "unexpected EOF", false},
	} {
		for _, n := range []int{1, 3, 64} {
			body, err := readChunked(tc.in, tc.eofEnds, n)
			code := ""
			var pe *fetchParserError
			if errors.As(err, &pe) {
				code = pe.code
			} else if err != nil {
				code = err.Error()
			}
			if body != tc.body || code != tc.code {
				t.Errorf("%q (reads of %d): got %q, %q; want %q, %q", tc.in, n, body, code, tc.body, tc.code)
			}
		}
	}
}

func FuzzFetchChunked(f *testing.F) {
	for _, s := range []string{"3;a=b\r\nabc\r\n0\r\nx: y\r\n\r\n", "1;a=\"\\\"\r\n", "FFFFFFFFFFFFFFFF\r\n", "0\r\n \r\n\r\n", "1\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		readChunked(in, true, 7)
		readChunked(in, false, 1)
	})
}

func FuzzFetchHead(f *testing.F) {
	for _, s := range []string{
		"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n",
		"HTTP/1.0 204 x\nX: y\r\n z\r\n\r\n",
		"HTTP/1.1 999 \r\nContent-Length: 99999999999999999999\r\n\r\n",
	} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, in string, head bool) {
		method := "GET"
		if head {
			method = "HEAD"
		}
		resp, _, err := fetchHead(bufio.NewReaderSize(bytes.NewReader([]byte(in)), 16), method)
		if err == nil {
			io.Copy(io.Discard, io.LimitReader(resp.Body, int64(len(in))+1))
		}
	})
}
