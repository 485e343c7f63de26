package crypto

import (
	"crypto/aes"
	"crypto/subtle"
	"encoding/binary"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

var kwIV = []byte{0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6}

// aesKeyWrap is RFC 3394 key wrapping (wrap) and unwrapping; unwrap returns nil when the
// integrity check fails.
func aesKeyWrap(kek, in []byte, wrap bool) []byte {
	blk, err := aes.NewCipher(kek)
	if err != nil || len(in)%8 != 0 || len(in) < 16 && wrap || len(in) < 24 && !wrap {
		return nil
	}
	var b [16]byte
	if wrap {
		n := len(in) / 8
		r := append([]byte(nil), in...)
		a := append([]byte(nil), kwIV...)
		for j := 0; j < 6; j++ {
			for i := 0; i < n; i++ {
				copy(b[:8], a)
				copy(b[8:], r[i*8:i*8+8])
				blk.Encrypt(b[:], b[:])
				t := uint64(n*j + i + 1)
				binary.BigEndian.PutUint64(a, binary.BigEndian.Uint64(b[:8])^t)
				copy(r[i*8:], b[8:])
			}
		}
		return append(a, r...)
	}
	n := len(in)/8 - 1
	a := append([]byte(nil), in[:8]...)
	r := append([]byte(nil), in[8:]...)
	for j := 5; j >= 0; j-- {
		for i := n - 1; i >= 0; i-- {
			t := uint64(n*j + i + 1)
			binary.BigEndian.PutUint64(b[:8], binary.BigEndian.Uint64(a)^t)
			copy(b[8:], r[i*8:i*8+8])
			blk.Decrypt(b[:], b[:])
			copy(a, b[:8])
			copy(r[i*8:], b[8:])
		}
	}
	if subtle.ConstantTimeCompare(a, kwIV) != 1 {
		return nil
	}
	return r
}

func bindKeyWrap(h *modules.Host, b *goja.Object) {
	vm := h.VM
	b.Set("aesKeyWrap", func(kek, data goja.Value, wrap bool) goja.Value {
		out := aesKeyWrap(bytesArg(vm, kek, nil), bytesArg(vm, data, nil), wrap)
		if out == nil {
			return goja.Null()
		}
		return buffer.New(h, out)
	})
}
