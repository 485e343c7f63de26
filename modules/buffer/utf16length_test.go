package buffer

import (
	"bytes"
	"testing"

	"github.com/dop251/goja"
)

// UTF16Length counts what Decode(b, UTF8) makes, across its 64 KiB pieces too (a sequence
// split by a piece's end, bad bytes at either side of it).
func TestUTF16Length(t *testing.T) {
	long := bytes.Repeat([]byte("a\xf0\x9f\x98\x80\xff\xe2\x82"), 1<<14)
	cases := [][]byte{
		nil, []byte("abc"), []byte("h\xc3\xa9"), []byte("\xf0\x9f\x98\x80"), []byte("\xff\xffA"),
		[]byte("\xe2\x82A"), []byte("\xed\xa0\x80"), []byte("\xf0\x9f\x98"), long, long[:len(long)-1],
		append(bytes.Repeat([]byte("x"), 1<<16-2), "\xf0\x9f\x98\x80z"...),
	}
	for i, b := range cases {
		want := int(Decode(b, UTF8).(goja.String).Length())
		if got := UTF16Length(b); got != want {
			t.Errorf("case %d (%d bytes): UTF16Length %d, Decode made %d units", i, len(b), got, want)
		}
	}
}
