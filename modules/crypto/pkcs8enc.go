package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509/pkix"
	"encoding/asn1"
	"hash"

	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/crypto/pbkdf2"
)

// Encrypted PKCS#8 (PKCS#5 v2 PBES2 with PBKDF2 and a CBC cipher), as OpenSSL 3 writes it for
// "ENCRYPTED PRIVATE KEY" blocks.

var (
	oidPBES2      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidHMACSHA1   = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 7}
	oidHMACSHA256 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 9}
	oidHMACSHA384 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 10}
	oidHMACSHA512 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 11}
	oidAES128CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 2}
	oidAES192CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 22}
	oidAES256CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
	oidDES3CBC    = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 7}
)

type encryptedPKI struct {
	Algo pkix.AlgorithmIdentifier
	Data []byte
}

type pbes2Params struct {
	KDF pkix.AlgorithmIdentifier
	Enc pkix.AlgorithmIdentifier
}

type pbkdf2Params struct {
	Salt   []byte
	Iter   int
	KeyLen int                      `asn1:"optional"`
	PRF    pkix.AlgorithmIdentifier `asn1:"optional"`
}

var errBadDecrypt = osslError("1C800064", "Provider routines", "bad decrypt")

func pbeCipher(oid asn1.ObjectIdentifier) (func([]byte) (cipher.Block, error), int) {
	switch {
	case oid.Equal(oidAES128CBC):
		return aes.NewCipher, 16
	case oid.Equal(oidAES192CBC):
		return aes.NewCipher, 24
	case oid.Equal(oidAES256CBC):
		return aes.NewCipher, 32
	case oid.Equal(oidDES3CBC):
		return des.NewTripleDESCipher, 24
	}
	return extraPBECipherByOID(oid)
}

func prfHash(oid asn1.ObjectIdentifier) func() hash.Hash {
	switch {
	case len(oid) == 0, oid.Equal(oidHMACSHA1):
		return sha1.New
	case oid.Equal(oidHMACSHA256):
		return sha256.New
	case oid.Equal(oidHMACSHA384):
		return sha512.New384
	case oid.Equal(oidHMACSHA512):
		return sha512.New
	}
	return nil
}

// decryptPKCS8 returns the PKCS#8 DER inside an EncryptedPrivateKeyInfo.
func decryptPKCS8(der, pass []byte) ([]byte, error) {
	var epki encryptedPKI
	if _, err := asn1.Unmarshal(der, &epki); err != nil || !epki.Algo.Algorithm.Equal(oidPBES2) {
		return nil, errUnsupportedKey
	}
	var p pbes2Params
	if _, err := asn1.Unmarshal(epki.Algo.Parameters.FullBytes, &p); err != nil || !p.KDF.Algorithm.Equal(oidPBKDF2) {
		return nil, errUnsupportedKey
	}
	var kp pbkdf2Params
	if _, err := asn1.Unmarshal(p.KDF.Parameters.FullBytes, &kp); err != nil {
		return nil, errUnsupportedKey
	}
	newBlock, keyLen := pbeCipher(p.Enc.Algorithm)
	prf := prfHash(kp.PRF.Algorithm)
	var iv []byte
	if newBlock == nil || prf == nil {
		return nil, errUnsupportedKey
	}
	if _, err := asn1.Unmarshal(p.Enc.Parameters.FullBytes, &iv); err != nil {
		return nil, errUnsupportedKey
	}
	blk, _ := newBlock(pbkdf2.Key(pass, kp.Salt, kp.Iter, keyLen, prf))
	if len(iv) != blk.BlockSize() || len(epki.Data) == 0 || len(epki.Data)%blk.BlockSize() != 0 {
		return nil, errBadDecrypt
	}
	out := make([]byte, len(epki.Data))
	cipher.NewCBCDecrypter(blk, iv).CryptBlocks(out, epki.Data)
	n := int(out[len(out)-1])
	if n == 0 || n > blk.BlockSize() {
		return nil, errBadDecrypt
	}
	for _, c := range out[len(out)-n:] {
		if int(c) != n {
			return nil, errBadDecrypt
		}
	}
	return out[:len(out)-n], nil
}

// encryptPKCS8 wraps PKCS#8 DER as OpenSSL 3 does by default: PBKDF2-HMAC-SHA256, 2048 rounds.
func encryptPKCS8(der, pass []byte, cipherName string) ([]byte, error) {
	oids := map[string]asn1.ObjectIdentifier{"aes-128-cbc": oidAES128CBC, "aes-192-cbc": oidAES192CBC,
		"aes-256-cbc": oidAES256CBC, "aes128": oidAES128CBC, "aes192": oidAES192CBC, "aes256": oidAES256CBC,
		"des-ede3-cbc": oidDES3CBC, "des3": oidDES3CBC}
	oid, ok := oids[cipherName]
	if !ok {
		_, oid = extraPBECipher(cipherName)
		ok = oid != nil
	}
	if !ok {
		return nil, modules.NewError("Error", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher")
	}
	newBlock, keyLen := pbeCipher(oid)
	salt := make([]byte, 8)
	rand.Read(salt)
	blk, _ := newBlock(pbkdf2.Key(pass, salt, 2048, keyLen, sha256.New))
	iv := make([]byte, blk.BlockSize())
	rand.Read(iv)
	n := blk.BlockSize() - len(der)%blk.BlockSize()
	buf := append(append([]byte(nil), der...), make([]byte, n)...)
	for i := len(der); i < len(buf); i++ {
		buf[i] = byte(n)
	}
	cipher.NewCBCEncrypter(blk, iv).CryptBlocks(buf, buf)
	kdfParams, _ := asn1.Marshal(pbkdf2Params{Salt: salt, Iter: 2048,
		PRF: pkix.AlgorithmIdentifier{Algorithm: oidHMACSHA256, Parameters: asn1.NullRawValue}})
	ivDER, _ := asn1.Marshal(iv)
	params, _ := asn1.Marshal(pbes2Params{
		KDF: pkix.AlgorithmIdentifier{Algorithm: oidPBKDF2, Parameters: asn1.RawValue{FullBytes: kdfParams}},
		Enc: pkix.AlgorithmIdentifier{Algorithm: oid, Parameters: asn1.RawValue{FullBytes: ivDER}},
	})
	return asn1.Marshal(encryptedPKI{Algo: pkix.AlgorithmIdentifier{Algorithm: oidPBES2, Parameters: asn1.RawValue{FullBytes: params}}, Data: buf})
}
