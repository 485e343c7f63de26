package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/binary"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

var kwIV = []byte{0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6}

// aesKeyWrap is RFC 3394 key wrapping (wrap) and unwrapping with the default IV; unwrap returns
// nil when the integrity check fails.
func aesKeyWrap(kek, in []byte, wrap bool) []byte {
	blk, err := aes.NewCipher(kek)
	if err != nil || len(in)%8 != 0 || len(in) < 16 && wrap || len(in) < 24 && !wrap {
		return nil
	}
	if wrap {
		return kwWrap(blk, kwIV, in)
	}
	a, r := kwUnwrap(blk, in)
	if subtle.ConstantTimeCompare(a, kwIV) != 1 {
		return nil
	}
	return r
}

// kwWrap is RFC 3394's wrapping of in (a multiple of 8 bytes, at least 16) with initial value iv.
func kwWrap(blk cipher.Block, iv, in []byte) []byte {
	var b [16]byte
	n := len(in) / 8
	r := append([]byte(nil), in...)
	a := append([]byte(nil), iv...)
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

// kwUnwrap undoes kwWrap (in is at least 24 bytes), returning the recovered initial value and
// the key data; the caller checks the value.
func kwUnwrap(blk cipher.Block, in []byte) ([]byte, []byte) {
	var b [16]byte
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
	return a, r
}

// kwState is the id-aes*-wrap ciphers: each update wraps (or unwraps) one key, RFC 3394, or
// RFC 5649 with padding (iv is then the 4-byte prefix of the alternative initial value).
type kwState struct {
	b    cipher.Block
	iv   []byte
	pad  bool
	enc  bool
	des3 bool // RFC 3217 (des3-wrap)
}

func (k *kwState) update(p []byte) ([]byte, error) {
	if len(p) == 0 {
		return []byte{}, nil
	}
	if k.des3 {
		var out []byte
		if k.enc {
			out = des3Wrap(k.b, p)
		} else {
			out = des3Unwrap(k.b, p)
		}
		if out == nil {
			return nil, errUnsupportedState
		}
		return out, nil
	}
	if !k.pad {
		if len(p)%8 != 0 || k.enc && len(p) < 16 || !k.enc && len(p) < 24 {
			return nil, errUnsupportedState
		}
		if k.enc {
			return kwWrap(k.b, k.iv, p), nil
		}
		a, r := kwUnwrap(k.b, p)
		if subtle.ConstantTimeCompare(a, k.iv) != 1 {
			return nil, errUnsupportedState
		}
		return r, nil
	}
	if k.enc {
		aiv := binary.BigEndian.AppendUint32(append([]byte(nil), k.iv...), uint32(len(p)))
		padded := append(append([]byte(nil), p...), make([]byte, (8-len(p)%8)%8)...)
		if len(padded) == 8 {
			out := append(aiv, padded...)
			k.b.Encrypt(out, out)
			return out, nil
		}
		return kwWrap(k.b, aiv, padded), nil
	}
	if len(p)%8 != 0 || len(p) < 16 {
		return nil, errUnsupportedState
	}
	var a, r []byte
	if len(p) == 16 {
		out := make([]byte, 16)
		k.b.Decrypt(out, p)
		a, r = out[:8], out[8:]
	} else {
		a, r = kwUnwrap(k.b, p)
	}
	mli := int(binary.BigEndian.Uint32(a[4:]))
	if subtle.ConstantTimeCompare(a[:4], k.iv) != 1 || mli > len(r) || mli <= len(r)-8 {
		return nil, errUnsupportedState
	}
	for _, c := range r[mli:] {
		if c != 0 {
			return nil, errUnsupportedState
		}
	}
	return r[:mli], nil
}

func bindKeyWrap(h *modules.Host, b *modules.LazyFuncs) {
	vm := h.VM
	b.Set("aesKeyWrap", func(kek, data goja.Value, wrap bool) goja.Value {
		out := aesKeyWrap(bytesArg(vm, kek, nil), bytesArg(vm, data, nil), wrap)
		if out == nil {
			return goja.Null()
		}
		return buffer.New(h, out)
	})
}

// des3WrapIV is RFC 3217's fixed IV of the outer encryption.
var des3WrapIV = []byte{0x4a, 0xdd, 0xa2, 0x2c, 0x79, 0xe8, 0x21, 0x05}

// des3Wrap is RFC 3217's Triple-DES key wrap (OpenSSL's des3-wrap): the key and its SHA-1
// check value, CBC-encrypted under a random IV, reversed with that IV in front, and
// CBC-encrypted again under a fixed IV. It returns nil when in is not a multiple of 8 bytes.
func des3Wrap(blk cipher.Block, in []byte) []byte {
	if len(in)%8 != 0 {
		return nil
	}
	sum := sha1.Sum(in)
	out := make([]byte, len(in)+16)
	iv := out[:8]
	if _, err := rand.Read(iv); err != nil {
		return nil
	}
	inner := out[8:]
	copy(inner, in)
	copy(inner[len(in):], sum[:8])
	cipher.NewCBCEncrypter(blk, iv).CryptBlocks(inner, inner)
	reverseBytes(out)
	cipher.NewCBCEncrypter(blk, des3WrapIV).CryptBlocks(out, out)
	return out
}

// des3Unwrap undoes des3Wrap; it returns nil when in is malformed or its check value is wrong.
func des3Unwrap(blk cipher.Block, in []byte) []byte {
	if len(in) < 24 || len(in)%8 != 0 {
		return nil
	}
	t := make([]byte, len(in))
	cipher.NewCBCDecrypter(blk, des3WrapIV).CryptBlocks(t, in)
	reverseBytes(t)
	iv, inner := t[:8], t[8:]
	cipher.NewCBCDecrypter(blk, iv).CryptBlocks(inner, inner)
	key, icv := inner[:len(inner)-8], inner[len(inner)-8:]
	sum := sha1.Sum(key)
	if subtle.ConstantTimeCompare(sum[:8], icv) != 1 {
		return nil
	}
	return key
}

func reverseBytes(b []byte) {
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
}
