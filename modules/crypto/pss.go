package crypto

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/subtle"
	"hash"
	"math/big"

	"github.com/gojs-dev/gojs/modules"
)

// RSA-PSS salt lengths as OpenSSL names them (node passes them through), and saltUnset, the
// value the glue passes when options.saltLength is not given (a restricted RSA-PSS key then
// uses its own salt length; no int32 the caller can pass is this value).
const (
	saltDigest = -1         // RSA_PSS_SALTLEN_DIGEST: the digest's length
	saltAuto   = -2         // RSA_PSS_SALTLEN_AUTO: the largest when signing, any when verifying
	saltMax    = -3         // RSA_PSS_SALTLEN_MAX: the largest
	saltUnset  = -1<<31 - 1 // options.saltLength undefined
)

// rsaLibError is an error of OpenSSL's RSA code as the provider's signature operations report
// it: with "RSA lib" (and, from a padding check, the check's own error) on node's
// opensslErrorStack.
func rsaLibError(id, reason string, more ...string) *modules.Error {
	return osslErrorStack(id, "rsa routines", reason, append([]string{"error:1C880004:Provider routines::RSA lib"}, more...)...)
}

// mgf1XOR xors out with MGF1(seed) made with the digest newH.
func mgf1XOR(out, seed []byte, newH func() hash.Hash) {
	var counter [4]byte
	done := 0
	for done < len(out) {
		h := newH()
		h.Write(seed)
		h.Write(counter[:])
		for _, b := range h.Sum(nil) {
			if done == len(out) {
				break
			}
			out[done] ^= b
			done++
		}
		for i := 3; i >= 0; i-- {
			counter[i]++
			if counter[i] != 0 {
				break
			}
		}
	}
}

// pssSign signs digest (made with newH) with EMSA-PSS as RFC 8017 9.1.1, its mask made with
// mgf (which a restricted RSA-PSS key may name apart from the message's digest), as OpenSSL's
// RSA_padding_add_PKCS1_PSS_mgf1 does, with its salt lengths and errors. ch, when not 0, is
// newH as Go names it and mgf is the same digest: Go's signer (CRT, constant-time arithmetic)
// then signs, unless the salt is empty (which its options cannot ask for).
func pssSign(priv *rsa.PrivateKey, ch crypto.Hash, newH, mgf func() hash.Hash, digest []byte, saltLen int) ([]byte, error) {
	hLen := len(digest)
	emBits := priv.N.BitLen() - 1
	emLen := (emBits + 7) / 8
	switch saltLen {
	case saltDigest:
		saltLen = hLen
	case saltAuto, saltMax:
		saltLen = emLen - hLen - 2
	}
	if saltLen < 0 || emLen < hLen+saltLen+2 {
		return nil, rsaLibError("0200006E", "data too large for key size")
	}
	if ch != 0 && ch.Available() && saltLen > 0 && len(digest) == ch.Size() {
		if sig, err := rsa.SignPSS(rand.Reader, priv, ch, digest, &rsa.PSSOptions{SaltLength: saltLen, Hash: ch}); err == nil {
			return sig, nil
		}
	}
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return nil, err
	}
	h := newH()
	h.Write(make([]byte, 8))
	h.Write(digest)
	h.Write(salt)
	H := h.Sum(nil)
	em := make([]byte, emLen)
	db := em[:emLen-hLen-1]
	db[len(db)-saltLen-1] = 1
	copy(db[len(db)-saltLen:], salt)
	mgf1XOR(db, H, mgf)
	db[0] &= 0xff >> (8*emLen - emBits)
	copy(em[emLen-hLen-1:], H)
	em[emLen-1] = 0xbc
	k := (priv.N.BitLen() + 7) / 8
	sig, merr := rsaRaw(&priv.PublicKey, priv, em, k)
	if merr != nil {
		return nil, merr
	}
	return sig, nil
}

// pssVerify checks an EMSA-PSS signature as RFC 8017 9.1.2: saltLen is the length the salt
// must have (saltDigest and saltMax name one), saltAuto takes any.
func pssVerify(pub *rsa.PublicKey, newH, mgf func() hash.Hash, digest, sig []byte, saltLen int) bool {
	k := (pub.N.BitLen() + 7) / 8
	hLen := len(digest)
	emBits := pub.N.BitLen() - 1
	emLen := (emBits + 7) / 8
	if len(sig) != k || new(big.Int).SetBytes(sig).Cmp(pub.N) >= 0 {
		return false
	}
	switch saltLen {
	case saltDigest:
		saltLen = hLen
	case saltMax:
		saltLen = emLen - hLen - 2
	}
	m, err := rsaRaw(pub, nil, sig, k)
	if err != nil {
		return false
	}
	// the message representative is emLen bytes: a longer one has nonzero leading bytes
	for _, b := range m[:k-emLen] {
		if b != 0 {
			return false
		}
	}
	em := m[k-emLen:]
	if emLen < hLen+2 || em[emLen-1] != 0xbc {
		return false
	}
	db := append([]byte(nil), em[:emLen-hLen-1]...)
	H := em[emLen-hLen-1 : emLen-1]
	if db[0]&^(0xff>>(8*emLen-emBits)) != 0 {
		return false
	}
	mgf1XOR(db, H, mgf)
	db[0] &= 0xff >> (8*emLen - emBits)
	i := 0
	for i < len(db) && db[i] == 0 {
		i++
	}
	if i == len(db) || db[i] != 1 {
		return false
	}
	salt := db[i+1:]
	if saltLen >= 0 && len(salt) != saltLen {
		return false
	}
	h := newH()
	h.Write(make([]byte, 8))
	h.Write(digest)
	h.Write(salt)
	return subtle.ConstantTimeCompare(h.Sum(nil), H) == 1
}
