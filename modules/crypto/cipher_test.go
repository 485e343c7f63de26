package crypto

import (
	"bytes"
	"testing"
)

// TestCipherChunking encrypts and decrypts in uneven pieces and checks that the result does not
// depend on how the input was split, for every cipher.
func TestCipherChunking(t *testing.T) {
	plain := bytes.Repeat([]byte("0123456789abcdefghijklmnopqrstuvwxyz"), 20)
	for name, ci := range ciphers {
		key := bytes.Repeat([]byte{7}, ci.keyLen)
		iv := bytes.Repeat([]byte{9}, ci.ivLen)
		run := func(enc bool, in []byte, step int, tag []byte) ([]byte, []byte) {
			st, err := newCipher(ci, enc, key, iv, 0)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if tag != nil {
				st.tag = tag
			}
			var out []byte
			for i := 0; i < len(in); i += step {
				out = append(out, st.update(in[i:min(i+step, len(in))])...)
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
	for name, f := range hashes {
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
