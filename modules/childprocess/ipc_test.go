package childprocess

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// TestIPCFrames feeds the channel's framing the same stream of frames cut at every point (and
// byte by byte) and checks that the same frames come out whole, in order, with nothing left
// pending, for both serializations.
func TestIPCFrames(t *testing.T) {
	vm := goja.New()
	texts := []string{"{}", `"a"`, strings.Repeat("x", 300), "", "[1,2]"}
	for _, advanced := range []bool{false, true} {
		var stream []byte
		for _, s := range texts {
			if advanced {
				stream = binary.BigEndian.AppendUint32(stream, uint32(len(s)))
				stream = append(stream, s...)
			} else if s != "" {
				stream = append(stream, s+"\n"...)
			}
		}
		want := []string{}
		for _, s := range texts {
			if advanced || s != "" {
				want = append(want, s)
			}
		}
		cuts := [][]int{}
		for i := 0; i <= len(stream); i++ {
			cuts = append(cuts, []int{i})
		}
		bytewise := []int{}
		for i := 1; i < len(stream); i++ {
			bytewise = append(bytewise, i)
		}
		cuts = append(cuts, bytewise)
		for _, cut := range cuts {
			c := &ipcChan{h: &modules.Host{VM: vm}, advanced: advanced}
			var out []any
			prev := 0
			for _, at := range append(cut, len(stream)) {
				// (each read's bytes are in a buffer reused afterwards, as the shared one)
				buf := append([]byte(nil), stream[prev:at]...)
				out = c.frames(out, buf)
				for i := range buf {
					buf[i] = '!'
				}
				prev = at
			}
			var got []string
			for _, f := range out {
				if ab, ok := f.(goja.ArrayBuffer); ok {
					got = append(got, string(ab.Bytes()))
				} else {
					got = append(got, f.(string))
				}
			}
			if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) || c.pend != nil {
				t.Fatalf("advanced %v, cuts %v: got %q (pending %q), want %q", advanced, cut, got, c.pend, want)
			}
		}
	}
}
