package crypto

import (
	"bytes"
	"encoding/hex"
	"math/big"
	"testing"
)

// TestCipherChunking encrypts and decrypts in uneven pieces and checks that the result does not
// depend on how the input was split, for every cipher.
func TestCipherChunking(t *testing.T) {
	plain := bytes.Repeat([]byte("0123456789abcdefghijklmnopqrstuvwxyz"), 20)
	for name, ci := range cipherTable() {
		if ci.mode == "ccm" || ci.mode == "xts" || ci.mode == "wrap" || ci.stitched {
			continue // one message per update, by design
		}
		tagLen := 0
		if ci.mode == "ocb" {
			tagLen = 16
		}
		key := bytes.Repeat([]byte{7}, ci.keyLen)
		iv := bytes.Repeat([]byte{9}, ci.ivLen)
		run := func(enc bool, in []byte, step int, tag []byte) ([]byte, []byte) {
			st, err := newCipher(ci, enc, key, iv, tagLen)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if tag != nil {
				st.tag = tag
			}
			var out []byte
			for i := 0; i < len(in); i += step {
				o, err := st.update(in[i:min(i+step, len(in))])
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				out = append(out, o...)
			}
			f, err := st.final()
			if err != nil {
				t.Fatalf("%s enc=%v step %d: %v", name, enc, step, err)
			}
			return append(out, f...), st.tag
		}
		ref, tag := run(true, plain, len(plain), nil)
		for _, step := range []int{1, 5, 16, 17, 100} {
			ct, tg := run(true, plain, step, nil)
			if !bytes.Equal(ct, ref) || !bytes.Equal(tg, tag) {
				t.Fatalf("%s: ciphertext depends on chunking (step %d)", name, step)
			}
			pt, _ := run(false, ct, step, tag)
			if !bytes.Equal(pt, plain) {
				t.Fatalf("%s: round trip failed (step %d)", name, step)
			}
		}
	}
}

func TestHashCopy(t *testing.T) {
	for name, f := range hashes.Get() {
		h := f()
		h.Write([]byte("abc"))
		c, err := cloneHash(h)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		h.Write([]byte("d"))
		c.Write([]byte("d"))
		if !bytes.Equal(h.Sum(nil), c.Sum(nil)) {
			t.Errorf("%s: copy diverged", name)
		}
	}
}

// TestKeyWrapRFC3394 checks the RFC 3394 section 4.1 vector (128-bit KEK, 128-bit key).
func TestKeyWrapRFC3394(t *testing.T) {
	kek := []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	key := []byte{0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF}
	want := []byte{0x1F, 0xA6, 0x8B, 0x0A, 0x81, 0x12, 0xB4, 0x47, 0xAE, 0xF3, 0x4B, 0xD8, 0xFB, 0x5A, 0x7B, 0x82, 0x9D, 0x3E, 0x86, 0x23, 0x71, 0xD2, 0xCF, 0xE5}
	got := aesKeyWrap(kek, key, true)
	if !bytes.Equal(got, want) {
		t.Fatalf("wrap: %x", got)
	}
	if back := aesKeyWrap(kek, got, false); !bytes.Equal(back, key) {
		t.Fatalf("unwrap: %x", back)
	}
	got[3] ^= 1
	if aesKeyWrap(kek, got, false) != nil {
		t.Fatal("tampered unwrap succeeded")
	}
}

// TestSM4 is the standard's example: key and plaintext 0123456789abcdeffedcba9876543210.
func TestSM4(t *testing.T) {
	k, _ := hex.DecodeString("0123456789abcdeffedcba9876543210")
	b, _ := newSM4(k)
	out := make([]byte, 16)
	b.Encrypt(out, k)
	if got := hex.EncodeToString(out); got != "681edf34d206965e86b3e94f536e4246" {
		t.Fatalf("got %s", got)
	}
	b.Decrypt(out, out)
	if !bytes.Equal(out, k) {
		t.Fatalf("decrypt: %x", out)
	}
}

// TestARIA is RFC 5794's appendix A.1 example (128-bit key).
func TestARIA(t *testing.T) {
	k, _ := hex.DecodeString("000102030405060708090a0b0c0d0e0f")
	p, _ := hex.DecodeString("00112233445566778899aabbccddeeff")
	b, _ := newARIA(k)
	out := make([]byte, 16)
	b.Encrypt(out, p)
	if got := hex.EncodeToString(out); got != "d718fbd6ab644c739da95f3be6451778" {
		t.Fatalf("got %s", got)
	}
	b.Decrypt(out, out)
	if !bytes.Equal(out, p) {
		t.Fatalf("decrypt: %x", out)
	}
}

// TestCurves checks the curve table: the generator is on its curve and n·G is the point at
// infinity, for every curve.
func TestCurves(t *testing.T) {
	curvesOnce.Do(loadCurves)
	for name, c := range customCurves {
		p := c.Params()
		if !c.IsOnCurve(p.Gx, p.Gy) {
			t.Errorf("%s: generator not on the curve", name)
		}
		x, y := c.ScalarBaseMult(p.N.Bytes())
		if !isInf(x, y) {
			t.Errorf("%s: n·G is not infinity", name)
		}
		x, y = c.ScalarBaseMult(new(big.Int).Sub(p.N, big.NewInt(1)).Bytes())
		if x.Cmp(p.Gx) != 0 {
			t.Errorf("%s: (n-1)·G is not -G", name)
		}
		if cx, cy := c.decompress(p.Gx, p.Gy.Bit(0) == 1); cx == nil || cy.Cmp(p.Gy) != 0 {
			t.Errorf("%s: decompress", name)
		}
	}
}

// TestCamellia is RFC 3713's appendix A examples, one per key size.
func TestCamellia(t *testing.T) {
	p, _ := hex.DecodeString("0123456789abcdeffedcba9876543210")
	for _, v := range [][2]string{
		{"0123456789abcdeffedcba9876543210", "67673138549669730857065648eabe43"},
		{"0123456789abcdeffedcba98765432100011223344556677", "b4993401b3e996f84ee5cee7d79b09b9"},
		{"0123456789abcdeffedcba987654321000112233445566778899aabbccddeeff", "9acc237dff16d76c20ef7c919e3a7509"},
	} {
		k, _ := hex.DecodeString(v[0])
		b, err := newCamellia(k)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]byte, 16)
		b.Encrypt(out, p)
		if got := hex.EncodeToString(out); got != v[1] {
			t.Errorf("%d-bit key: got %s, want %s", len(k)*8, got, v[1])
		}
		b.Decrypt(out, out)
		if !bytes.Equal(out, p) {
			t.Errorf("%d-bit key: decrypt gave %x", len(k)*8, out)
		}
	}
	if _, err := newCamellia(make([]byte, 20)); err == nil {
		t.Error("20-byte key accepted")
	}
}
