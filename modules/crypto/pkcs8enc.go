package crypto

import (
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509/pkix"
	"encoding/asn1"
	"hash"
	"sync"

	"github.com/gojs-dev/gojs/modules"
	"golang.org/x/crypto/pbkdf2"
	"golang.org/x/crypto/scrypt"
)

// Encrypted PKCS#8 (PKCS#5 v2 PBES2 with PBKDF2; read also with scrypt, and PKCS#12's 3DES
// schemes), as OpenSSL 3 writes it for "ENCRYPTED PRIVATE
// KEY" blocks, with every cipher OpenSSL has an object identifier for: CBC, ECB, OFB, CFB (the
// 1- and 8-bit AES variants write, and so encrypt with, full-block CFB's identifier), the CTR
// modes of Camellia, ARIA and SM4, and AES key wrap.

var (
	oidPBES2      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidScrypt     = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 11591, 4, 11}
	oidHMACSHA1   = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 7}
	oidHMACSHA256 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 9}
	oidHMACSHA384 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 10}
	oidHMACSHA512 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 11}
)

// pbes2Ciphers maps the cipher names of the table (lower case) to their PBES2 identifiers;
// pbes2ByOID is the reverse: the cipher OpenSSL decrypts with for an identifier. Both are built
// on first use (pbes2Once; see pbes2Tables).
var (
	pbes2Ciphers map[string]asn1.ObjectIdentifier
	pbes2ByOID   map[string]string
	pbes2Once    sync.Once
)

// pbes2Tables builds pbes2Ciphers and pbes2ByOID the first time. Safe from any goroutine.
func pbes2Tables() {
	pbes2Once.Do(buildPBES2)
}

func buildPBES2() {
	pbes2Ciphers, pbes2ByOID = map[string]asn1.ObjectIdentifier{}, map[string]string{}
	add := func(name string, oid asn1.ObjectIdentifier, canonical bool) {
		pbes2Ciphers[name] = oid
		if canonical {
			pbes2ByOID[oid.String()] = name
		}
	}
	nist := func(n int) asn1.ObjectIdentifier { return asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, n} }
	camellia := func(n int) asn1.ObjectIdentifier { return asn1.ObjectIdentifier{0, 3, 4401, 5, 3, 1, 9, n} }
	aria := func(n int) asn1.ObjectIdentifier { return asn1.ObjectIdentifier{1, 2, 410, 200046, 1, 1, n} }
	for i, bits := range []string{"128", "192", "256"} {
		a := "aes-" + bits + "-"
		add(a+"ecb", nist(1+20*i), true)
		add(a+"cbc", nist(2+20*i), true)
		add(a+"ofb", nist(3+20*i), true)
		add(a+"cfb", nist(4+20*i), true)
		add(a+"cfb1", nist(4+20*i), false)
		add(a+"cfb8", nist(4+20*i), false)
		add("id-aes"+bits+"-wrap", nist(5+20*i), true)
		add("id-aes"+bits+"-wrap-pad", nist(8+20*i), true)
		c := "camellia-" + bits + "-"
		add(c+"cbc", asn1.ObjectIdentifier{1, 2, 392, 200011, 61, 1, 1, 1, 2 + i}, true)
		add(c+"ecb", camellia(1+20*i), true)
		add(c+"ofb", camellia(3+20*i), true)
		add(c+"cfb", camellia(4+20*i), true)
		add(c+"ctr", camellia(9+20*i), true)
		r := "aria-" + bits + "-"
		add(r+"ecb", aria(1+5*i), true)
		add(r+"cbc", aria(2+5*i), true)
		add(r+"cfb", aria(3+5*i), true)
		add(r+"ofb", aria(4+5*i), true)
		add(r+"ctr", aria(5+5*i), true)
	}
	sm4 := func(n int) asn1.ObjectIdentifier { return asn1.ObjectIdentifier{1, 2, 156, 10197, 1, 104, n} }
	add("sm4-ecb", sm4(1), true)
	add("sm4-cbc", sm4(2), true)
	add("sm4-ofb", sm4(3), true)
	add("sm4-cfb", sm4(4), true)
	add("sm4-ctr", sm4(7), true)
	add("des-ede3-cbc", asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 7}, true)
	add("des-ede", asn1.ObjectIdentifier{1, 3, 14, 3, 2, 17}, true)
}

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

var errBadDecrypt = modules.Lazy[*modules.Error]{Build: func() *modules.Error {
	return osslError("1C800064", "Provider routines", "bad decrypt")
}}

// osslErrorStack is osslError with the queue of earlier OpenSSL errors node reports with it.
func osslErrorStack(id, lib, reason string, stack ...string) *modules.Error {
	e := osslError(id, lib, reason)
	st := make([]any, len(stack))
	for i, s := range stack {
		st[i] = s
	}
	e.Props = append([]modules.Prop{{Key: "opensslErrorStack", Value: st}}, e.Props...)
	return e
}

const (
	errPKCS12ASN1    = "error:1188000D:PKCS12 routines::ASN1 lib"
	errCipherParams  = "error:06800072:asn1 encoding routines::error setting cipher params"
	errPKCS12Encrypt = "error:11800067:PKCS12 routines::encrypt error"
	errPKCS12EVP     = "error:11880006:PKCS12 routines::EVP lib"
)

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

// pkcs8Crypt runs the whole of data through a cipher of the table.
func pkcs8Crypt(info *cipherInfo, enc bool, key, iv, data []byte) ([]byte, error) {
	st, err := newCipher(info, enc, key, iv, 0)
	if err != nil {
		return nil, err
	}
	out, err := st.update(data)
	if err != nil {
		return nil, err
	}
	rest, err := st.final()
	if err != nil {
		return nil, err
	}
	return append(out, rest...), nil
}

// decryptPKCS8 returns the PKCS#8 DER inside an EncryptedPrivateKeyInfo.
// isEncryptedPKCS8 reports whether der is an EncryptedPrivateKeyInfo: a SEQUENCE of an
// AlgorithmIdentifier and an OCTET STRING (a plain PrivateKeyInfo starts with an INTEGER).
func isEncryptedPKCS8(der []byte) bool {
	var epki encryptedPKI
	rest, err := asn1.Unmarshal(der, &epki)
	return err == nil && len(rest) == 0
}

func decryptPKCS8(der, pass []byte) ([]byte, error) {
	var epki encryptedPKI
	if _, err := asn1.Unmarshal(der, &epki); err != nil {
		return nil, errUnsupportedKey.Get()
	}
	if a := epki.Algo.Algorithm; a.Equal(oidPBE3DES) || a.Equal(oidPBE2DES) {
		return pkcs12PBEDecrypt(epki.Algo, epki.Data, bmpPassword(pass))
	}
	if !epki.Algo.Algorithm.Equal(oidPBES2) {
		return nil, errUnsupportedKey.Get()
	}
	// The encryption scheme is read by hand: its parameters may be what OpenSSL writes for key
	// wrap, which is not valid DER.
	var p struct {
		KDF pkix.AlgorithmIdentifier
		Enc asn1.RawValue
	}
	if _, err := asn1.Unmarshal(epki.Algo.Parameters.FullBytes, &p); err != nil {
		return nil, errUnsupportedKey.Get()
	}
	var encOID asn1.ObjectIdentifier
	encParams, err := asn1.Unmarshal(p.Enc.Bytes, &encOID)
	if err != nil {
		return nil, errUnsupportedKey.Get()
	}
	pbes2Tables()
	name, ok := pbes2ByOID[encOID.String()]
	if !ok {
		return nil, errUnsupportedKey.Get()
	}
	info := cipherTable()[name]
	// the key: PBKDF2 (with its PRF) or scrypt, as OpenSSL's -scrypt writes
	var key []byte
	switch {
	case p.KDF.Algorithm.Equal(oidPBKDF2):
		var kp pbkdf2Params
		if _, err := asn1.Unmarshal(p.KDF.Parameters.FullBytes, &kp); err != nil {
			return nil, errUnsupportedKey.Get()
		}
		prf := prfHash(kp.PRF.Algorithm)
		if prf == nil {
			return nil, errUnsupportedKey.Get()
		}
		key = pbkdf2.Key(pass, kp.Salt, kp.Iter, info.keyLen, prf)
	case p.KDF.Algorithm.Equal(oidScrypt):
		var sp struct {
			Salt    []byte
			N, R, P int
			KeyLen  int `asn1:"optional"`
		}
		if _, err := asn1.Unmarshal(p.KDF.Parameters.FullBytes, &sp); err != nil {
			return nil, errUnsupportedKey.Get()
		}
		if key, err = scrypt.Key(pass, sp.Salt, sp.N, sp.R, sp.P, info.keyLen); err != nil {
			return nil, errUnsupportedKey.Get()
		}
	default:
		return nil, errUnsupportedKey.Get()
	}
	var iv []byte
	if info.mode == "wrap" {
		iv = wrapDefaultIV(info)
	} else if _, err := asn1.Unmarshal(encParams, &iv); err != nil {
		return nil, errUnsupportedKey.Get()
	}
	if len(iv) != info.ivLen || len(epki.Data) == 0 {
		return nil, errBadDecrypt.Get()
	}
	out, err := pkcs8Crypt(info, false, key, iv, epki.Data)
	if err != nil && info.mode == "wrap" {
		return nil, osslError("1C800066", "Provider routines", "cipher operation failed")
	}
	if err != nil {
		return nil, errBadDecrypt.Get()
	}
	return out, nil
}

// encryptPKCS8 wraps PKCS#8 DER as OpenSSL 3 does by default: PBKDF2-HMAC-SHA256, 2048 rounds,
// and fails as OpenSSL does for a cipher without an identifier or unfit for the job.
func encryptPKCS8(der, pass []byte, cipherName string) ([]byte, error) {
	info := lookupCipher(cipherName)
	if info == nil {
		return nil, modules.NativeError("Error", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher")
	}
	pbes2Tables()
	oid, ok := pbes2Ciphers[info.name]
	switch {
	case info.algo == "legacy":
		// OpenSSL leaves its failed fetch on the error stack once per attempt
		stack := make([]string, 9)
		for i := range stack {
			stack[i] = "error:0308010C:digital envelope routines::unsupported"
		}
		return nil, osslErrorStack("0308010C", "digital envelope routines", "unsupported", stack...)
	case info.mode == "ccm" || info.mode == "xts":
		return nil, osslErrorStack("0300006B", "digital envelope routines", "unsupported cipher", errPKCS12ASN1, errCipherParams)
	case info.mode == "gcm":
		return nil, osslErrorStack("0300007A", "digital envelope routines", "cipher parameter error", errPKCS12ASN1, errCipherParams)
	case info.name == "id-smime-alg-cms3deswrap":
		return nil, osslErrorStack("1C800066", "Provider routines", "cipher operation failed", errPKCS12Encrypt, errPKCS12Encrypt, errPKCS12EVP)
	case info.algo == "des3" && info.mode == "cfb":
		// The identifier of 3DES in CFB mode is the legacy provider's single DES.
		return nil, osslErrorStack("0308010C", "digital envelope routines", "unsupported", errPKCS12Encrypt, errPKCS12Encrypt)
	case !ok:
		return nil, osslErrorStack("0680006C", "asn1 encoding routines", "cipher has no object identifier", errPKCS12ASN1)
	case info.mode == "wrap" && info.ivLen == 8 && len(der)%8 != 0:
		return nil, osslErrorStack("1C8000E6", "Provider routines", "invalid input length", errPKCS12Encrypt, errPKCS12Encrypt, errPKCS12EVP,
			"error:030000BD:digital envelope routines::update error")
	}
	// OpenSSL encrypts with the cipher the identifier names (full-block CFB for CFB1/CFB8).
	info = cipherTable()[pbes2ByOID[oid.String()]]
	salt := make([]byte, 8)
	rand.Read(salt)
	iv := make([]byte, info.ivLen)
	rand.Read(iv)
	ivDER, _ := asn1.Marshal(iv)
	if info.mode == "wrap" {
		// OpenSSL writes no usable IV for key wrap (these four bytes), and wraps with the
		// default one.
		iv, ivDER = wrapDefaultIV(info), []byte{0x3f, 0x80, 0, 0}
	}
	data, err := pkcs8Crypt(info, true, pbkdf2.Key(pass, salt, 2048, info.keyLen, sha256.New), iv, der)
	if err != nil {
		return nil, err
	}
	kdfParams, _ := asn1.Marshal(pbkdf2Params{Salt: salt, Iter: 2048,
		PRF: pkix.AlgorithmIdentifier{Algorithm: oidHMACSHA256, Parameters: asn1.NullRawValue}})
	params, _ := asn1.Marshal(pbes2Params{
		KDF: pkix.AlgorithmIdentifier{Algorithm: oidPBKDF2, Parameters: asn1.RawValue{FullBytes: kdfParams}},
		Enc: pkix.AlgorithmIdentifier{Algorithm: oid, Parameters: asn1.RawValue{FullBytes: ivDER}},
	})
	return asn1.Marshal(encryptedPKI{Algo: pkix.AlgorithmIdentifier{Algorithm: oidPBES2, Parameters: asn1.RawValue{FullBytes: params}}, Data: data})
}

// wrapDefaultIV is the initial value of RFC 3394 key wrap, or RFC 5649's prefix with padding.
func wrapDefaultIV(info *cipherInfo) []byte {
	if info.ivLen == 4 {
		return []byte{0xa6, 0x59, 0x59, 0xa6}
	}
	return append([]byte(nil), kwIV...)
}
