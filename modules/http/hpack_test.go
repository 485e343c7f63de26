package http

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/http2/hpack"
)

// The unexported fields session.state reads must still be where hpackFieldIdx looks.
func TestHpackFieldLayout(t *testing.T) {
	if encSizeIdx == nil || encUpdateIdx == nil || decSizeIdx == nil {
		t.Fatalf("x/net hpack layout changed: %v %v %v", encSizeIdx, encUpdateIdx, decSizeIdx)
	}
	var buf bytes.Buffer
	enc := hpack.NewEncoder(&buf)
	enc.WriteField(hpack.HeaderField{Name: ":authority", Value: "localhost:12345"})
	if got := hpackTableSize(enc); got != 57 {
		t.Errorf("encoder table size %d, want 57", got)
	}
	dec := hpack.NewDecoder(4096, nil)
	if _, err := dec.DecodeFull(buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	if got := hpackTableSize(dec); got != 57 {
		t.Errorf("decoder table size %d, want 57", got)
	}
	enc.SetMaxDynamicTableSize(100)
	if hpackField(enc, encUpdateIdx) != 1 {
		t.Errorf("no table size update pending after SetMaxDynamicTableSize")
	}
}

// A field written without indexing decodes to itself and adds nothing to the peer's table.
func TestAppendWithoutIndexing(t *testing.T) {
	for _, f := range []hpack.HeaderField{
		{Name: ":path", Value: "/some/where?x=1"},
		{Name: "content-length", Value: "12345"},
		{Name: "x-custom-name", Value: strings.Repeat("v", 300)},
		{Name: "set-cookie", Value: "a=b; Path=/"},
	} {
		b := appendWithoutIndexing(nil, f)
		dec := hpack.NewDecoder(4096, nil)
		got, err := dec.DecodeFull(b)
		if err != nil || len(got) != 1 || got[0].Name != f.Name || got[0].Value != f.Value || got[0].Sensitive {
			t.Errorf("%v: decoded %v, %v", f, got, err)
		}
		if hpackTableSize(dec) != 0 {
			t.Errorf("%v: indexed by the decoder", f)
		}
	}
}
