package zlib

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"testing"
	"testing/iotest"
)

func gz(t *testing.T, s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func TestDecodeReader(t *testing.T) {
	full := gz(t, "hello decode reader")
	for _, c := range []struct {
		name   string
		in     []byte
		want   string
		errMsg string
		code   string
	}{
		{"whole", full, "hello decode reader", "", ""},
		{"cut", full[:len(full)-4], "hello decode reader", "", ""},
		{"members", append(append([]byte{}, full...), gz(t, "!")...), "hello decode reader!", "", ""},
		{"corrupt", []byte("not gzip at all"), "", "incorrect header check", "Z_DATA_ERROR"},
	} {
		// one byte a read: the decoder is fed as a body that comes in pieces
		r := NewDecodeReader(context.Background(), Gunzip, iotest.OneByteReader(bytes.NewReader(c.in)), false)
		got, err := io.ReadAll(r)
		r.Close()
		if string(got) != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
		if c.errMsg == "" {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		_, code, ok := ErrorCode(err)
		if err == nil || err.Error() != c.errMsg || !ok || code != c.code {
			t.Errorf("%s: error %v (%s, %v), want %s (%s)", c.name, err, code, ok, c.errMsg, c.code)
		}
	}
	// with finish, input cut short is zlib's unexpected end of file
	r := NewDecodeReader(context.Background(), Gunzip, bytes.NewReader(full[:len(full)-4]), true)
	_, err := io.ReadAll(r)
	r.Close()
	if errno, code, _ := ErrorCode(err); errno != -5 || code != "Z_BUF_ERROR" {
		t.Errorf("finish: error %v (%d %s)", err, errno, code)
	}
}
