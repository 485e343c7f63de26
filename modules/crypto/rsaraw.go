package crypto

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"math/big"

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
			_, hh := cryptoHash(oaepHash)
			out, err := rsa.EncryptOAEP(hh, rand.Reader, pub, in, label)
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
		_, hh := cryptoHash(oaepHash)
		out, err := rsa.DecryptOAEP(hh, nil, priv, in, label)
		if err != nil {
			return nil, osslError("02000079", "rsa routines", "oaep decoding error")
		}
		return out, nil
	case 7: // RSA_PKCS1_WITH_TLS_PADDING, which needs the TLS versions node never passes
		return nil, osslError("1C8000A1", "Provider routines", "bad tls client version")
	}
	return nil, osslError("02000076", "rsa routines", "unknown padding type")
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
