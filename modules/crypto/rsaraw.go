package crypto

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha3"
	"crypto/subtle"
	"hash"
	"math/big"
	"strings"

	"github.com/gojs-dev/gojs/modules"
)

// RSA padding modes as node's crypto.constants numbers them.
const (
	rsaPKCS1Padding = 1
	rsaNoPadding    = 3
	rsaOAEPPadding  = 4
	rsaX931Padding  = 5
	rsaPSSPadding   = 6
)

// rsaCipherOp is one of node's four RSA operations (publicEncrypt, privateDecrypt,
// privateEncrypt, publicDecrypt) with a padding mode, giving OpenSSL 3's result and errors:
// each operation takes its own paddings (RSA_NO_PADDING for all four, the raw RSA function on a
// number as long as the modulus) and refuses the others with the error OpenSSL gives for that
// operation; the decryptions check the input's length and value against the modulus first.
func rsaCipherOp(op string, k *keyObj, in []byte, padding int, oaepHash string, label []byte) ([]byte, *modules.Error) {
	if k.pss != nil {
		if op == "privateEncrypt" {
			return nil, errUnsupportedPadding()
		}
		return nil, osslError("1C8000B2", "Provider routines", "operation not supported for this keytype")
	}
	var pub *rsa.PublicKey
	var priv *rsa.PrivateKey
	if op == "privateEncrypt" || op == "privateDecrypt" {
		priv, _ = k.key.(*rsa.PrivateKey)
		if priv == nil {
			if op == "privateEncrypt" {
				return nil, plainError("error:00000000:lib(0)::reason(0)")
			}
			return nil, errNotPrivate.Get()
		}
		pub = &priv.PublicKey
	} else if pub, _ = k.public().(*rsa.PublicKey); pub == nil {
		return nil, errNotPrivate.Get()
	}
	size := (pub.N.BitLen() + 7) / 8
	tooLarge := func() *modules.Error { return osslError("0200006E", "rsa routines", "data too large for key size") }

	switch op {
	case "publicEncrypt", "privateEncrypt":
		switch padding {
		case rsaPKCS1Padding:
			if len(in) > size-11 {
				return nil, tooLarge()
			}
			if op == "publicEncrypt" {
				out, err := rsa.EncryptPKCS1v15(rand.Reader, pub, in)
				if err != nil {
					return nil, tooLarge()
				}
				return out, nil
			}
			out, err := rsa.SignPKCS1v15(nil, priv, crypto.Hash(0), in)
			if err != nil {
				return nil, tooLarge()
			}
			return out, nil
		case rsaNoPadding:
			switch {
			case len(in) > size:
				return nil, tooLarge()
			case len(in) < size:
				return nil, osslError("0200007A", "rsa routines", "data too small for key size")
			}
			return rsaRaw(pub, priv, in, size)
		case rsaOAEPPadding:
			if op == "privateEncrypt" {
				return nil, errUnsupportedPadding()
			}
			out, err := rsa.EncryptOAEP(oaepHashOf(oaepHash), rand.Reader, pub, in, label)
			if err != nil {
				return nil, tooLarge()
			}
			return out, nil
		}
		if op == "privateEncrypt" {
			switch padding {
			case rsaX931Padding:
				return nil, osslError("1C8000AA", "Provider routines", "invalid x931 digest")
			case rsaPSSPadding:
				return nil, osslError("1C8000A6", "Provider routines", "invalid digest length")
			}
			return nil, errUnsupportedPadding()
		}
		if padding == rsaPSSPadding {
			return nil, plainError("error:00000000:lib(0)::reason(0)")
		}
		return nil, osslError("02000076", "rsa routines", "unknown padding type")
	}

	// the decryptions
	if op == "publicDecrypt" {
		switch padding {
		case rsaPKCS1Padding, rsaNoPadding:
		case rsaX931Padding:
			return nil, osslError("1C8000AA", "Provider routines", "invalid x931 digest")
		default:
			return nil, errUnsupportedPadding()
		}
	} else if padding == rsaPSSPadding {
		return nil, plainError("error:00000000:lib(0)::reason(0)")
	}
	if len(in) > size {
		return nil, osslError("0200006C", "rsa routines", "data greater than mod len")
	}
	if new(big.Int).SetBytes(in).Cmp(pub.N) >= 0 {
		return nil, osslError("02000084", "rsa routines", "data too large for modulus")
	}
	switch padding {
	case rsaNoPadding:
		return rsaRaw(pub, priv, in, size)
	case rsaPKCS1Padding:
		if op == "publicDecrypt" {
			em, _ := rsaRaw(pub, nil, in, size)
			return pkcs1Type1Unpad(em)
		}
		out, err := rsa.DecryptPKCS1v15(nil, priv, in)
		if err != nil {
			return nil, osslError("02000072", "rsa routines", "padding check failed")
		}
		return out, nil
	case rsaOAEPPadding:
		out, err := rsa.DecryptOAEP(oaepHashOf(oaepHash), nil, priv, in, label)
		if err != nil {
			return nil, osslError("02000079", "rsa routines", "oaep decoding error")
		}
		return out, nil
	case 7: // RSA_PKCS1_WITH_TLS_PADDING, which needs the TLS versions node never passes
		return nil, osslError("1C8000A1", "Provider routines", "bad tls client version")
	}
	return nil, osslError("02000076", "rsa routines", "unknown padding type")
}

// rsaOpErrorStack gives an error of OpenSSL's RSA code the queue node reports with it: the
// signature operations (privateEncrypt, publicDecrypt) add "RSA lib", after the padding
// check's own error for a bad PKCS#1 type 1 block; an OAEP decryption refused for its input's
// size adds "failed to decrypt".
func rsaOpErrorStack(op string, padding int, err *modules.Error) *modules.Error {
	var lib, reason string
	for _, p := range err.Props {
		switch p.Key {
		case "library":
			lib, _ = p.Value.(string)
		case "reason":
			reason, _ = p.Value.(string)
		case "opensslErrorStack":
			return err
		}
	}
	if lib != "rsa routines" {
		return err
	}
	id := strings.TrimPrefix(err.Message, "error:")[:8]
	switch op {
	case "privateEncrypt", "publicDecrypt":
		switch reason {
		case "invalid padding", "block type is not 01", "null before block missing", "bad fixed header decrypt",
			"bad pad byte count":
			return rsaLibError(id, reason, "error:02000072:rsa routines::padding check failed")
		}
		return rsaLibError(id, reason)
	case "privateDecrypt":
		if padding == rsaOAEPPadding && (reason == "data too large for modulus" || reason == "data greater than mod len") {
			return osslErrorStack(id, lib, reason, "error:1C8000A2:Provider routines::failed to decrypt")
		}
	}
	return err
}

func errUnsupportedPadding() *modules.Error {
	return osslError("1C8000A5", "Provider routines", "illegal or unsupported padding mode")
}

// rsaRaw is the RSA function on in as a number below the modulus: with priv the private
// exponent, else the public one; the result is as long as the modulus.
func rsaRaw(pub *rsa.PublicKey, priv *rsa.PrivateKey, in []byte, size int) ([]byte, *modules.Error) {
	m := new(big.Int).SetBytes(in)
	if m.Cmp(pub.N) >= 0 {
		return nil, osslError("02000084", "rsa routines", "data too large for modulus")
	}
	if priv != nil {
		// blinded, as OpenSSL does, so the time taken does not follow the secret exponent's
		// work on the caller's number: (m * r^e)^d = m^d * r, then times r^-1
		e := big.NewInt(int64(pub.E))
		for {
			r, err := rand.Int(rand.Reader, pub.N)
			if err != nil {
				return nil, plainError(err.Error())
			}
			rInv := new(big.Int).ModInverse(r, pub.N)
			if r.Sign() == 0 || rInv == nil {
				continue
			}
			c := new(big.Int).Exp(r, e, pub.N)
			c.Mul(c, m).Mod(c, pub.N)
			c.Exp(c, priv.D, pub.N)
			return c.Mul(c, rInv).Mod(c, pub.N).FillBytes(make([]byte, size)), nil
		}
	}
	return m.Exp(m, big.NewInt(int64(pub.E)), pub.N).FillBytes(make([]byte, size)), nil
}

// pkcs1Type1Unpad checks and strips PKCS#1 type 1 padding from the result of publicDecrypt, as
// OpenSSL does on the result without its leading zero bytes: a full-length one (first byte not
// zero) is bad padding, a shorter one must be one byte shorter and start with the block type 01;
// then FF bytes, at least 8, up to a zero.
func pkcs1Type1Unpad(em []byte) ([]byte, *modules.Error) {
	if em[0] != 0 {
		return nil, osslError("0200008A", "rsa routines", "invalid padding")
	}
	if em[1] != 1 {
		return nil, osslError("0200006A", "rsa routines", "block type is not 01")
	}
	i := 2
	for i < len(em) && em[i] == 0xff {
		i++
	}
	switch {
	case i == len(em):
		return nil, osslError("02000071", "rsa routines", "null before block missing")
	case em[i] != 0:
		return nil, osslError("02000066", "rsa routines", "bad fixed header decrypt")
	case i-2 < 8:
		return nil, osslError("02000067", "rsa routines", "bad pad byte count")
	}
	return append([]byte(nil), em[i+1:]...), nil
}

// oaepHashOf is the digest OAEP pads with: any digest createHash knows (the glue checked the
// name), a SHAKE digest at OpenSSL's default size.
func oaepHashOf(name string) hash.Hash {
	if _, hh := cryptoHash(name); hh != nil {
		return hh
	}
	if n := shakeSize(name); n != 0 {
		return &fixedShake{n: n, s: newShake(n)}
	}
	if f := hashFunc(name); f != nil {
		return f()
	}
	return crypto.SHA1.New()
}

func newShake(n int) *sha3.SHAKE {
	if n == 16 {
		return sha3.NewSHAKE128()
	}
	return sha3.NewSHAKE256()
}

// fixedShake is a SHAKE digest read to n bytes, as a hash.Hash.
type fixedShake struct {
	n int
	s *sha3.SHAKE
}

func (f *fixedShake) Write(p []byte) (int, error) { return f.s.Write(p) }
func (f *fixedShake) Size() int                   { return f.n }
func (f *fixedShake) BlockSize() int              { return f.s.BlockSize() }
func (f *fixedShake) Reset()                      { f.s.Reset() }
func (f *fixedShake) Sum(b []byte) []byte {
	// (a SHAKE state always marshals: the copy reads on without touching f's state)
	st, _ := f.s.MarshalBinary()
	c := newShake(f.n)
	c.UnmarshalBinary(st)
	out := make([]byte, f.n)
	c.Read(out)
	return append(b, out...)
}

// x931HashID is ANSI X9.31's identifier of a digest, the byte before a signature's trailer; the
// digests OpenSSL signs with X9.31 padding are these.
func x931HashID(ch crypto.Hash) (byte, bool) {
	switch ch {
	case crypto.SHA1:
		return 0x33, true
	case crypto.SHA256:
		return 0x34, true
	case crypto.SHA384:
		return 0x36, true
	case crypto.SHA512:
		return 0x35, true
	}
	return 0, false
}

// x931Check is OpenSSL's check of an X9.31 signature's digest (one it has an identifier for,
// and not a digest handed over) and of the key's size (the digest and its identifier fit).
func x931Check(k *keyObj, ch crypto.Hash, prehashed bool) error {
	if _, ok := x931HashID(ch); !ok || prehashed {
		return osslError("1C8000AA", "Provider routines", "invalid x931 digest")
	}
	if pub, ok := k.public().(*rsa.PublicKey); ok && (pub.N.BitLen()+7)/8 < ch.Size()+1 {
		return osslError("1C8000AB", "Provider routines", "key size too small")
	}
	return nil
}

// x931Sign signs digest with ANSI X9.31 padding, as OpenSSL's RSA_X931_PADDING: 6B BB..BB BA
// (or 6A alone), the digest and its identifier, then CC; of the signature s and n - s, the
// smaller is the signature.
func x931Sign(priv *rsa.PrivateKey, ch crypto.Hash, digest []byte) ([]byte, error) {
	id, ok := x931HashID(ch)
	if !ok {
		return nil, osslError("1C8000AA", "Provider routines", "invalid x931 digest")
	}
	k := (priv.N.BitLen() + 7) / 8
	j := k - len(digest) - 3
	if j < 0 {
		return nil, osslError("0200006E", "rsa routines", "data too large for key size")
	}
	em := make([]byte, 0, k)
	if j == 0 {
		em = append(em, 0x6A)
	} else {
		em = append(em, 0x6B)
		for i := 1; i < j; i++ {
			em = append(em, 0xBB)
		}
		em = append(em, 0xBA)
	}
	em = append(append(append(em, digest...), id), 0xCC)
	sig, err := rsaRaw(&priv.PublicKey, priv, em, k)
	if err != nil {
		return nil, err
	}
	s := new(big.Int).SetBytes(sig)
	if alt := new(big.Int).Sub(priv.N, s); s.Cmp(alt) > 0 {
		s = alt
	}
	return s.FillBytes(make([]byte, k)), nil
}

// x931Verify checks an X9.31 signature made by x931Sign.
func x931Verify(pub *rsa.PublicKey, ch crypto.Hash, digest, sig []byte) bool {
	id, ok := x931HashID(ch)
	k := (pub.N.BitLen() + 7) / 8
	if !ok || len(sig) > k {
		return false
	}
	raw, err := rsaRaw(pub, nil, sig, k)
	if err != nil {
		return false
	}
	m := new(big.Int).SetBytes(raw)
	if m.Bit(0) != 0 || m.Bit(1) != 0 || m.Bit(2) != 1 || m.Bit(3) != 1 { // (its last nibble is C)
		m.Sub(pub.N, m)
	}
	em := m.FillBytes(make([]byte, k))
	if em[k-1] != 0xCC {
		return false
	}
	i := 1
	switch em[0] {
	case 0x6A:
	case 0x6B:
		for i < k-1 && em[i] == 0xBB {
			i++
		}
		if i == 1 || i >= k-1 || em[i] != 0xBA {
			return false
		}
		i++
	default:
		return false
	}
	body := em[i : k-1]
	return len(body) == len(digest)+1 && body[len(digest)] == id && subtle.ConstantTimeCompare(body[:len(digest)], digest) == 1
}
