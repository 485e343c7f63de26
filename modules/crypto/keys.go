package crypto

import (
	"crypto"
	"crypto/dsa" //nolint:staticcheck // node still has DSA keys
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha3"
	"crypto/x509"
	"encoding/asn1"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"hash"
	"math/big"
	"strings"

	"github.com/cloudflare/circl/dh/x448"
	"github.com/cloudflare/circl/sign/ed448"
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

// keyObj is the Go side of a KeyObject.
type keyObj struct {
	dyn
	typ    string // "secret", "public", "private"
	secret []byte
	key    any // *rsa.PublicKey/*rsa.PrivateKey, *ecdsa.*, ed25519.*, *ecdh.* (x25519)
	// explicit: an EC key written with explicit curve parameters (paramEncoding 'explicit', or
	// read that way), as OpenSSL keeps the choice with the key
	explicit bool
	pss      *pssParams // an RSA-PSS key (id-RSASSA-PSS), with its restrictions if any
}

// publicObj is the public half of a private key as a key object of its own.
func (k *keyObj) publicObj() *keyObj {
	return &keyObj{typ: "public", key: k.public(), explicit: k.explicit, pss: k.pss}
}

func (k *keyObj) asymType() string {
	switch x := k.key.(type) {
	case *rsa.PublicKey, *rsa.PrivateKey:
		if k.pss != nil {
			return "rsa-pss"
		}
		return "rsa"
	case *ecdsa.PublicKey, *ecdsa.PrivateKey:
		return "ec"
	case ed25519.PublicKey, ed25519.PrivateKey:
		return "ed25519"
	case *ecdh.PublicKey:
		if x.Curve() == ecdh.X25519() {
			return "x25519"
		}
	case *ecdh.PrivateKey:
		if x.Curve() == ecdh.X25519() {
			return "x25519"
		}
	}
	return otherAsymType(k.key)
}

func (k *keyObj) public() any {
	switch x := k.key.(type) {
	case *rsa.PrivateKey:
		return &x.PublicKey
	case *ecdsa.PrivateKey:
		return &x.PublicKey
	case ed25519.PrivateKey:
		return x.Public()
	case *ecdh.PrivateKey:
		return x.PublicKey()
	}
	if p := otherPublic(k.key); p != nil {
		return p
	}
	return k.key
}

// curveNames maps each curve's lower-cased name (and alias) to it; loadCurves fills it.
var curveNames map[string]elliptic.Curve

func curveByName(n string) elliptic.Curve {
	curvesOnce.Do(loadCurves)
	return curveNames[strings.ToLower(n)]
}

// ecdhCurveByName is the curve of an ECDH object or ECDH.convertKey: as node's OBJ_sn2nid,
// exactly a name getCurves lists (case and all).
func ecdhCurveByName(n string) elliptic.Curve {
	curvesOnce.Do(loadCurves)
	if !curveSNs[n] {
		return nil
	}
	if n == "secp256k1" {
		return secp256k1.Get()
	}
	return curveByName(n)
}

// nistCurves are EC_curve_nist2nid's names, which node's EC key generation reads before
// OpenSSL's short names.
var nistCurves = map[string]string{"P-192": "prime192v1", "P-224": "secp224r1", "P-256": "prime256v1",
	"P-384": "secp384r1", "P-521": "secp521r1", "B-163": "sect163r2", "B-233": "sect233r1",
	"B-283": "sect283r1", "B-409": "sect409r1", "B-571": "sect571r1", "K-163": "sect163k1",
	"K-233": "sect233k1", "K-283": "sect283k1", "K-409": "sect409k1", "K-571": "sect571k1"}

// keygenCurve is the curve of an EC key generation's namedCurve: a NIST name or a getCurves one.
func keygenCurve(n string) elliptic.Curve {
	if m, ok := nistCurves[n]; ok {
		n = m
	}
	return ecdhCurveByName(n)
}

func nodeCurveName(c elliptic.Curve) string {
	switch c {
	case elliptic.P256():
		return "prime256v1"
	case elliptic.P384():
		return "secp384r1"
	case elliptic.P521():
		return "secp521r1"
	case elliptic.P224():
		return "secp224r1"
	}
	switch k := c.(type) {
	case *k256Curve:
		return k.params.Name
	case *gf2Curve:
		return k.params.Name
	}
	return ""
}

func jwkCurveName(c elliptic.Curve) string {
	return c.Params().Name
}

func ecdhCurve(c elliptic.Curve) ecdh.Curve {
	switch c {
	case elliptic.P256():
		return ecdh.P256()
	case elliptic.P384():
		return ecdh.P384()
	case elliptic.P521():
		return ecdh.P521()
	}
	return nil
}

var errUnsupportedKey = modules.Lazy[*modules.Error]{Build: func() *modules.Error {
	return osslError("1E08010C", "DECODER routines", "unsupported")
}}

// parseKey reads a key in PEM or DER. kind is "public" or "private" (what is wanted); a private
// key read for "public" gives its public half.
func parseKey(data []byte, format, typ, kind string, pass []byte) (*keyObj, error) {
	var der []byte
	label := ""
	const (
		badPassRead  = "error:04800068:PEM routines::bad password read"
		interrupted  = "error:07880109:common libcrypto routines::interrupted or cancelled"
		noPassphrase = "error:1C80009F:Provider routines::unable to get passphrase"
		cipherFinal  = "error:11800074:PKCS12 routines::pkcs12 cipherfinal error"
		badDecrypt   = "error:1C800064:Provider routines::bad decrypt"
	)
	noPass := func(stack ...string) error {
		return osslErrorStack("07880109", "common libcrypto routines", "interrupted or cancelled", stack...)
	}
	// (each failure with the queue OpenSSL's decoders leave, as node reports it)
	badPass := func(err error, stack ...string) error {
		if err == errBadDecrypt.Get() {
			return osslErrorStack("1C800064", "Provider routines", "bad decrypt", stack...)
		}
		return err
	}
	if format == "pem" {
		if len(pass) > 1024 { // (node's password callback fills OpenSSL's PEM_BUFSIZE buffer or fails)
			pass = nil
		}
		rest := data
		var blk *pem.Block
		for {
			blk, rest = pem.Decode(rest)
			if blk == nil {
				return nil, errUnsupportedKey.Get()
			}
			label = blk.Type
			der = blk.Bytes
			if label == "X509 CERTIFICATE" { // (OpenSSL's older name for the label)
				label = "CERTIFICATE"
			}
			if strings.Contains(label, "KEY") || label == "CERTIFICATE" {
				break
			}
		}
		if label == "ENCRYPTED PRIVATE KEY" {
			if pass == nil {
				return nil, noPass(badPassRead, interrupted, noPassphrase, interrupted)
			}
			d, err := decryptPKCS8(der, pass)
			if err != nil {
				return nil, badPass(err, cipherFinal, badDecrypt, cipherFinal)
			}
			der, label = d, "PRIVATE KEY"
		} else if x509.IsEncryptedPEMBlock(blk) { //nolint:staticcheck // legacy PEM encryption, as OpenSSL reads it
			if pass == nil {
				return nil, noPass(badPassRead, interrupted)
			}
			if d, ok, err := decryptLegacyPEM(blk, pass); ok {
				if err != nil {
					return nil, badPass(err, "error:04800065:PEM routines::bad decrypt")
				}
				der = d
			} else {
				d, err := x509.DecryptPEMBlock(blk, pass) //nolint:staticcheck
				if err != nil {
					return nil, badPass(errBadDecrypt.Get(), "error:04800065:PEM routines::bad decrypt")
				}
				der = d
			}
		}
	} else {
		der = data
		if typ == "pkcs8" && pass == nil && isEncryptedPKCS8(der) {
			// OpenSSL's DER reader asks for a password (PEM's "bad password read"), which Node
			// reports as a missing passphrase.
			return nil, modules.TypeError("ERR_MISSING_PASSPHRASE", "Passphrase required for encrypted key")
		}
		if typ == "pkcs8" && pass != nil {
			if d, err := decryptPKCS8(der, pass); err == nil {
				der = d
			} else if err == errBadDecrypt.Get() {
				return nil, badPass(err, cipherFinal)
			}
		}
		switch typ {
		case "spki":
			label = "PUBLIC KEY"
		case "pkcs1":
			// node reads DER PKCS#1 as a private key when it looks like one (a SEQUENCE whose
			// first member is the one-byte version 0 or 1), else as a public key only
			if kind == "public" && !looksRSAPrivate(der) {
				if k, err := x509.ParsePKCS1PublicKey(der); err == nil {
					return &keyObj{typ: "public", key: k}, nil
				}
				if d := asn1Diag(der, "pkcs1pub"); d != nil {
					return nil, d
				}
				return nil, errUnsupportedKey.Get()
			}
			label = "RSA PRIVATE KEY"
		case "pkcs8":
			label = "PRIVATE KEY"
		case "sec1":
			label = "EC PRIVATE KEY"
		default:
			if kind == "public" {
				label = "PUBLIC KEY"
			} else {
				label = "PRIVATE KEY"
			}
		}
	}
	var key any
	var err error
	isPriv, explicit := false, false
	if k, ok := parseCustomEC(der, label); ok {
		key, isPriv = k, label != "PUBLIC KEY"
		label = ""
	} else if k, ok := parseExplicitEC(der, label); ok {
		key, isPriv, explicit = k, label != "PUBLIC KEY", true
		label = ""
	}
	switch label {
	case "":
	case "PUBLIC KEY":
		if k, ok, err := parseOtherSPKI(der); ok {
			if err != nil {
				return nil, err
			}
			if kind == "private" {
				return nil, errUnsupportedKey.Get()
			}
			return k, nil
		}
		key, err = x509.ParsePKIXPublicKey(der)
	case "RSA PUBLIC KEY":
		key, err = x509.ParsePKCS1PublicKey(der)
	case "CERTIFICATE":
		var c *x509.Certificate
		c, err = parseCertificate(der)
		if err == nil {
			if kind == "private" {
				return nil, errUnsupportedKey.Get()
			}
			return certPublicKey(c), nil
		}
		if d := certDERError(der); d != nil && kind == "public" {
			return nil, d
		}
	case "PRIVATE KEY":
		if k, ok, err := parseOtherPKCS8(der); ok {
			if err != nil {
				return nil, err
			}
			if kind == "public" {
				return k.publicObj(), nil
			}
			return k, nil
		}
		key, err = x509.ParsePKCS8PrivateKey(der)
		isPriv = true
	case "RSA PRIVATE KEY":
		key, err = x509.ParsePKCS1PrivateKey(der)
		isPriv = true
	case "EC PRIVATE KEY":
		key, err = x509.ParseECPrivateKey(der)
		isPriv = true
	case "DSA PRIVATE KEY":
		key, err = parseDSAPrivate(der)
		isPriv = true
	default:
		return nil, errUnsupportedKey.Get()
	}
	if err != nil {
		// OpenSSL's decoders for public keys and DER PKCS#8 say where the ASN.1 broke
		shape := ""
		switch {
		case label == "PUBLIC KEY":
			shape = "spki"
		case label == "RSA PUBLIC KEY":
			shape = "pkcs1pub"
		case label == "PRIVATE KEY" && format == "der":
			shape = "pkcs8"
		}
		if format == "pem" && len(der) == 0 {
			shape = "" // (a PEM block with nothing in it is no decoder's)
		}
		if d := asn1Diag(der, shape); d != nil {
			return nil, d
		}
		if format == "der" && (label == "RSA PRIVATE KEY" || label == "EC PRIVATE KEY" && kind == "private") {
			return nil, privateDERUnsupported(der, label)
		}
		return nil, errUnsupportedKey.Get()
	}
	if isPriv && kind == "public" {
		k := &keyObj{typ: "private", key: key, explicit: explicit}
		return k.publicObj(), nil
	}
	if !isPriv && kind == "private" {
		return nil, errUnsupportedKey.Get()
	}
	if isPriv {
		return &keyObj{typ: "private", key: key, explicit: explicit}, nil
	}
	return &keyObj{typ: "public", key: key, explicit: explicit}, nil
}

// exportKey writes a key as PEM (string) or DER (bytes) in the given type, encrypted with
// cipherName and pass when cipherName is set.
func exportKey(k *keyObj, format, typ, cipherName string, pass []byte) ([]byte, error) {
	var der []byte
	var label string
	var err error
	encoding := typ // (typ names the path taken below; the encryption follows the encoding asked for)
	if k.explicit && (typ == "spki" || typ == "pkcs8" || typ == "sec1") {
		der, label, err = exportExplicitEC(k, typ)
		if err != nil {
			return nil, err
		}
		typ = "custom"
	} else if customCurveOf(k.key) != nil && (typ == "spki" || typ == "pkcs8" || typ == "sec1") {
		der, label, err = exportCustomEC(k, typ)
		if err != nil {
			return nil, err
		}
		typ = "custom"
	}
	if typ == "spki" || typ == "pkcs8" {
		if d, ok, e := marshalOther(k, typ == "pkcs8"); ok {
			if e != nil {
				return nil, e
			}
			der, label, typ = d, map[bool]string{true: "PRIVATE KEY", false: "PUBLIC KEY"}[typ == "pkcs8"], typ+"-other"
		}
	}
	switch typ {
	case "custom", "spki-other":
	case "pkcs8-other":
		typ = "pkcs8"
	case "spki":
		der, err = x509.MarshalPKIXPublicKey(k.key)
		label = "PUBLIC KEY"
	case "pkcs1":
		switch x := k.key.(type) {
		case *rsa.PublicKey:
			der, label = x509.MarshalPKCS1PublicKey(x), "RSA PUBLIC KEY"
		case *rsa.PrivateKey:
			der, label = x509.MarshalPKCS1PrivateKey(x), "RSA PRIVATE KEY"
		default:
			return nil, modules.TypeError("ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", "The selected key encoding pkcs1 can only be used for RSA keys.")
		}
	case "pkcs8":
		der, err = x509.MarshalPKCS8PrivateKey(k.key)
		label = "PRIVATE KEY"
	case "sec1":
		x, ok := k.key.(*ecdsa.PrivateKey)
		if !ok {
			return nil, modules.TypeError("ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", "The selected key encoding sec1 can only be used for EC keys.")
		}
		der, err = x509.MarshalECPrivateKey(x)
		label = "EC PRIVATE KEY"
	default:
		return nil, modules.TypeError("ERR_INVALID_ARG_VALUE", "The property 'options.type' is invalid. Received %s", modules.QuoteJSString(typ))
	}
	if err != nil {
		return nil, err
	}
	if cipherName != "" {
		switch encoding {
		case "pkcs8":
			if der, err = encryptPKCS8(der, pass, strings.ToLower(cipherName)); err != nil {
				return nil, err
			}
			label = "ENCRYPTED PRIVATE KEY"
		case "pkcs1", "sec1":
			if format != "pem" {
				return nil, modules.NewError("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", "The selected key encoding "+encoding+" does not support encryption.")
			}
			algs := map[string]x509.PEMCipher{"aes-128-cbc": x509.PEMCipherAES128, "aes-192-cbc": x509.PEMCipherAES192,
				"aes-256-cbc": x509.PEMCipherAES256, "des-ede3-cbc": x509.PEMCipher3DES, "aes128": x509.PEMCipherAES128,
				"aes192": x509.PEMCipherAES192, "aes256": x509.PEMCipherAES256, "des3": x509.PEMCipher3DES}
			alg, ok := algs[strings.ToLower(cipherName)]
			if !ok {
				if out, ok, err := encryptLegacyPEM(label, der, pass, strings.ToLower(cipherName)); ok {
					return out, err
				}
				return nil, modules.NativeError("Error", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher")
			}
			blk, err := x509.EncryptPEMBlock(rand.Reader, label, der, pass, alg) //nolint:staticcheck // what OpenSSL writes for pkcs1/sec1
			if err != nil {
				return nil, err
			}
			// OpenSSL writes the IV in DEK-Info as upper-case hex; Go's x509 writes lower case.
			blk.Headers["DEK-Info"] = strings.ToUpper(blk.Headers["DEK-Info"])
			return pem.EncodeToMemory(blk), nil
		}
	}
	if format == "pem" {
		return pem.EncodeToMemory(&pem.Block{Type: label, Bytes: der}), nil
	}
	return der, nil
}

func b64u(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

func padTo(b []byte, n int) []byte {
	if len(b) >= n {
		return b
	}
	return append(make([]byte, n-len(b)), b...)
}

func exportJWK(k *keyObj) (map[string]any, error) {
	if c := customCurveOf(k.key); c != nil && c != elliptic.Curve(secp256k1.Get()) {
		return nil, modules.NewError("Error", "ERR_CRYPTO_JWK_UNSUPPORTED_CURVE", "Unsupported JWK EC curve: "+c.Params().Name+".")
	}
	// JWK names only P-256, P-384, P-521 (and secp256k1): node refuses P-224 too.
	if pub, ok := k.public().(*ecdsa.PublicKey); ok && pub.Curve == elliptic.P224() {
		return nil, modules.NewError("Error", "ERR_CRYPTO_JWK_UNSUPPORTED_CURVE", "Unsupported JWK EC curve: "+nodeCurveName(pub.Curve)+".")
	}
	m := map[string]any{}
	if k.pss != nil {
		return nil, modules.NewError("Error", "ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE", "Unsupported JWK Key Type.")
	}
	switch x := k.key.(type) {
	case ed448.PrivateKey:
		m["kty"], m["crv"] = "OKP", "Ed448"
		m["x"] = b64u(x.Public().(ed448.PublicKey))
		m["d"] = b64u(x.Seed())
	case ed448.PublicKey:
		m["kty"], m["crv"] = "OKP", "Ed448"
		m["x"] = b64u(x)
	case *x448PrivateKey:
		m["kty"], m["crv"] = "OKP", "X448"
		m["x"] = b64u(x.pub[:])
		m["d"] = b64u(x.d[:])
	case *x448PublicKey:
		m["kty"], m["crv"] = "OKP", "X448"
		m["x"] = b64u(x.k[:])
	case *rsa.PrivateKey:
		x.Precompute()
		m["kty"] = "RSA"
		m["n"] = b64u(x.N.Bytes())
		m["e"] = b64u(big.NewInt(int64(x.E)).Bytes())
		m["d"] = b64u(x.D.Bytes())
		m["p"] = b64u(x.Primes[0].Bytes())
		m["q"] = b64u(x.Primes[1].Bytes())
		m["dp"] = b64u(x.Precomputed.Dp.Bytes())
		m["dq"] = b64u(x.Precomputed.Dq.Bytes())
		m["qi"] = b64u(x.Precomputed.Qinv.Bytes())
	case *rsa.PublicKey:
		m["kty"] = "RSA"
		m["n"] = b64u(x.N.Bytes())
		m["e"] = b64u(big.NewInt(int64(x.E)).Bytes())
	case *ecdsa.PrivateKey:
		n := (x.Curve.Params().BitSize + 7) / 8
		m["kty"], m["crv"] = "EC", jwkCurveName(x.Curve)
		m["x"] = b64u(padTo(x.X.Bytes(), n))
		m["y"] = b64u(padTo(x.Y.Bytes(), n))
		m["d"] = b64u(padTo(x.D.Bytes(), n))
	case *ecdsa.PublicKey:
		n := (x.Curve.Params().BitSize + 7) / 8
		m["kty"], m["crv"] = "EC", jwkCurveName(x.Curve)
		m["x"] = b64u(padTo(x.X.Bytes(), n))
		m["y"] = b64u(padTo(x.Y.Bytes(), n))
	case ed25519.PrivateKey:
		m["kty"], m["crv"] = "OKP", "Ed25519"
		m["x"] = b64u(x.Public().(ed25519.PublicKey))
		m["d"] = b64u(x.Seed())
	case ed25519.PublicKey:
		m["kty"], m["crv"] = "OKP", "Ed25519"
		m["x"] = b64u(x)
	case *ecdh.PrivateKey:
		m["kty"], m["crv"] = "OKP", "X25519"
		m["x"] = b64u(x.PublicKey().Bytes())
		m["d"] = b64u(x.Bytes())
	case *ecdh.PublicKey:
		m["kty"], m["crv"] = "OKP", "X25519"
		m["x"] = b64u(x.Bytes())
	default:
		return nil, modules.NewError("Error", "ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE", "Unsupported JWK Key Type.")
	}
	return m, nil
}

func unb64u(s any) []byte {
	str, _ := s.(string)
	b, _ := base64.RawURLEncoding.DecodeString(strings.TrimRight(str, "="))
	return b
}

func importJWK(m map[string]any, wantPrivate bool) (*keyObj, error) {
	bad := modules.TypeError("ERR_CRYPTO_INVALID_JWK", "Invalid JWK data")
	_, hasD := m["d"]
	priv := wantPrivate && hasD
	if wantPrivate && !hasD {
		return nil, bad
	}
	switch m["kty"] {
	case "oct":
		return &keyObj{typ: "secret", secret: unb64u(m["k"])}, nil
	case "RSA":
		pub := rsa.PublicKey{N: new(big.Int).SetBytes(unb64u(m["n"])), E: int(new(big.Int).SetBytes(unb64u(m["e"])).Int64())}
		if pub.N.Sign() == 0 || pub.E == 0 {
			return nil, bad
		}
		if !priv {
			return &keyObj{typ: "public", key: &pub}, nil
		}
		k := &rsa.PrivateKey{PublicKey: pub, D: new(big.Int).SetBytes(unb64u(m["d"])),
			Primes: []*big.Int{new(big.Int).SetBytes(unb64u(m["p"])), new(big.Int).SetBytes(unb64u(m["q"]))}}
		if err := k.Validate(); err != nil {
			return nil, bad
		}
		k.Precompute()
		return &keyObj{typ: "private", key: k}, nil
	case "EC":
		crv, _ := m["crv"].(string)
		c := curveByName(crv)
		if c == nil {
			return nil, bad
		}
		pub := ecdsa.PublicKey{Curve: c, X: new(big.Int).SetBytes(unb64u(m["x"])), Y: new(big.Int).SetBytes(unb64u(m["y"]))}
		badEC := modules.NativeError("TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK EC key") // (node throws it from C++)
		if !c.IsOnCurve(pub.X, pub.Y) {
			return nil, badEC
		}
		if !priv {
			return &keyObj{typ: "public", key: &pub}, nil
		}
		d := new(big.Int).SetBytes(unb64u(m["d"]))
		if d.Sign() == 0 || d.Cmp(c.Params().N) >= 0 {
			return nil, badEC
		}
		if x, y := c.ScalarBaseMult(d.FillBytes(make([]byte, (c.Params().BitSize+7)/8))); x.Cmp(pub.X) != 0 || y.Cmp(pub.Y) != 0 {
			return nil, badEC
		}
		return &keyObj{typ: "private", key: &ecdsa.PrivateKey{PublicKey: pub, D: d}}, nil
	case "OKP":
		crv, _ := m["crv"].(string)
		field := "x"
		if priv {
			field = "d"
		}
		if k := okpKey(crv, priv, unb64u(m[field])); k != nil {
			return k, nil
		}
	}
	return nil, bad
}

// shakeSize is the output size OpenSSL gives a SHAKE digest (0: alg is none).
func shakeSize(alg string) int {
	switch canonicalHash(alg) {
	case "shake128":
		return 16
	case "shake256":
		return 32
	}
	return 0
}

// ripemd160DigestInfo is the DigestInfo prefix OpenSSL signs a RIPEMD-160 digest with (TeleTrusT's
// OID 1.3.36.3.2.1, with NULL parameters); Go's crypto/rsa prefixes ISO's 1.0.10118.3.0.49.
func ripemd160DigestInfo() []byte {
	return []byte{0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x24, 0x03, 0x02, 0x01, 0x05, 0x00, 0x04, 0x14}
}

// digestSize is the size of the digest OpenSSL fetches by name (a SHAKE digest's default).
func digestSize(name string) int {
	if ch, hh := cryptoHash(name); hh != nil {
		return ch.Size()
	}
	if n := shakeSize(name); n != 0 {
		return n
	}
	if f := hashFunc(name); f != nil {
		return f().Size()
	}
	return 20
}

// knownDigest reports that OpenSSL fetches alg as a digest.
func knownDigest(alg string) bool {
	_, hh := cryptoHash(alg)
	return hh != nil || shakeSize(alg) != 0 || hashFunc(alg) != nil
}

// otherDigest is what a digest that RSA signatures have no identifier for (SHAKE, BLAKE2, SM3)
// signs: EC and DSA keys sign its output (a SHAKE digest's at OpenSSL's default size), or the
// prehashed bytes; RSA keys refuse it. Both results are nil when alg is no such digest.
func otherDigest(alg string, raw []byte, keyType string, prehashed bool) ([]byte, error) {
	n := shakeSize(alg)
	f := hashFunc(alg)
	switch {
	case n == 0 && f == nil:
		return nil, nil
	case keyType == "rsa" || keyType == "rsa-pss":
		return nil, osslError("1C8000AE", "Provider routines", "digest not allowed")
	case prehashed:
		return raw, nil
	case n == 16:
		return sha3.SumSHAKE128(raw, n), nil
	case n == 32:
		return sha3.SumSHAKE256(raw, n), nil
	}
	hh := f()
	hh.Write(raw)
	return hh.Sum(nil), nil
}

func cryptoHash(name string) (crypto.Hash, hash.Hash) {
	switch canonicalHash(name) {
	case "md5":
		return crypto.MD5, crypto.MD5.New()
	case "sha1":
		return crypto.SHA1, crypto.SHA1.New()
	case "sha224":
		return crypto.SHA224, crypto.SHA224.New()
	case "sha256":
		return crypto.SHA256, crypto.SHA256.New()
	case "sha384":
		return crypto.SHA384, crypto.SHA384.New()
	case "sha512":
		return crypto.SHA512, crypto.SHA512.New()
	case "sha512-224":
		return crypto.SHA512_224, crypto.SHA512_224.New()
	case "sha512-256":
		return crypto.SHA512_256, crypto.SHA512_256.New()
	case "sha3-256":
		return crypto.SHA3_256, crypto.SHA3_256.New()
	case "sha3-384":
		return crypto.SHA3_384, crypto.SHA3_384.New()
	case "sha3-512":
		return crypto.SHA3_512, crypto.SHA3_512.New()
	case "sha3-224":
		return crypto.SHA3_224, crypto.SHA3_224.New()
	case "ripemd160":
		return crypto.RIPEMD160, hashes.Get()["ripemd160"]()
	case "md5-sha1":
		// (TLS 1.0's digest: an RSA signature of it has no DigestInfo prefix)
		return crypto.MD5SHA1, hashes.Get()["md5-sha1"]()
	}
	return 0, nil
}

type signOpts struct {
	padding int // 1 pkcs1, 6 pss
	saltLen int // saltDigest, saltAuto, saltMax or a length
	p1363   bool
	alg     string // the digest's name
}

// pssDigests are the constructors of a PSS signature's digest and of its mask's (a restricted
// RSA-PSS key's MGF1 digest); own says the mask's is a digest of its own, not the message's.
func pssDigests(k *keyObj, alg string) (newH, mgf func() hash.Hash, own bool) {
	newH = hashFunc(alg)
	mgf = newH
	if k.pss.restricted() {
		if f := hashFunc(k.pss.mgf1); f != nil && !strings.EqualFold(k.pss.mgf1, alg) {
			mgf, own = f, true
		}
	}
	return newH, mgf, own
}

// signData signs msg (already hashed with ch when ch != 0; raw for Ed25519).
func signData(k *keyObj, ch crypto.Hash, digest, raw []byte, o signOpts) ([]byte, error) {
	switch x := k.key.(type) {
	case *rsa.PrivateKey:
		if o.padding == rsaX931Padding {
			return x931Sign(x, ch, digest)
		}
		if o.padding == 6 {
			newH, mgf, own := pssDigests(k, o.alg)
			if own {
				ch = 0 // (Go's signer masks with the message's digest)
			}
			return pssSign(x, ch, newH, mgf, digest, o.saltLen)
		}
		var sig []byte
		var err error
		if ch == crypto.RIPEMD160 {
			sig, err = rsa.SignPKCS1v15(rand.Reader, x, 0, append(ripemd160DigestInfo(), digest...))
		} else {
			sig, err = rsa.SignPKCS1v15(rand.Reader, x, ch, digest)
		}
		if errors.Is(err, rsa.ErrMessageTooLong) {
			return nil, rsaLibError("02000070", "digest too big for rsa key")
		}
		return sig, err
	case *ecdsa.PrivateKey:
		if x.Curve.Params().N.Bit(0) == 0 { // the Oakley curves: their "order" has no inverses
			return nil, osslError("08080003", "elliptic curve routines", "BN lib")
		}
		sig, err := ecdsa.SignASN1(rand.Reader, x, digest)
		if err != nil || !o.p1363 {
			return sig, err
		}
		var rs struct{ R, S *big.Int }
		if _, err := asn1.Unmarshal(sig, &rs); err != nil {
			return nil, err
		}
		n := (x.Curve.Params().N.BitLen() + 7) / 8 // the order's size, as OpenSSL
		return append(padTo(rs.R.Bytes(), n), padTo(rs.S.Bytes(), n)...), nil
	case ed25519.PrivateKey:
		return ed25519.Sign(x, raw), nil
	case ed448.PrivateKey:
		return ed448.Sign(x, raw, ""), nil
	case *dsa.PrivateKey:
		return dsaSign(x, digest, o.p1363)
	}
	return nil, osslError("03000096", "digital envelope routines", "operation not supported for this keytype")
}

func verifyData(k *keyObj, ch crypto.Hash, digest, raw, sig []byte, o signOpts) bool {
	switch x := k.public().(type) {
	case *rsa.PublicKey:
		if o.padding == rsaX931Padding {
			return x931Verify(x, ch, digest, sig)
		}
		if o.padding == 6 {
			newH, mgf, _ := pssDigests(k, o.alg)
			return pssVerify(x, newH, mgf, digest, sig, o.saltLen)
		}
		if ch == crypto.RIPEMD160 {
			return rsa.VerifyPKCS1v15(x, 0, append(ripemd160DigestInfo(), digest...), sig) == nil
		}
		return rsa.VerifyPKCS1v15(x, ch, digest, sig) == nil
	case *ecdsa.PublicKey:
		if x.Curve.Params().N.Bit(0) == 0 {
			return false
		}
		if o.p1363 {
			n := (x.Curve.Params().N.BitLen() + 7) / 8
			if len(sig) != 2*n {
				return false
			}
			r, s := new(big.Int).SetBytes(sig[:n]), new(big.Int).SetBytes(sig[n:])
			return ecdsa.Verify(x, digest, r, s)
		}
		return ecdsa.VerifyASN1(x, digest, sig)
	case ed25519.PublicKey:
		return ed25519.Verify(x, raw, sig)
	case ed448.PublicKey:
		return ed448.Verify(x, raw, sig, "")
	case *dsa.PublicKey:
		return dsaVerify(x, digest, sig, o.p1363)
	}
	return false
}

func ecdhPriv(k *keyObj) (*ecdh.PrivateKey, error) {
	switch x := k.key.(type) {
	case *ecdh.PrivateKey:
		return x, nil
	case *ecdsa.PrivateKey:
		return x.ECDH()
	}
	return nil, errors.New("not an ECDH private key")
}

func ecdhPub(k *keyObj) (*ecdh.PublicKey, error) {
	switch x := k.public().(type) {
	case *ecdh.PublicKey:
		return x, nil
	case *ecdsa.PublicKey:
		return x.ECDH()
	}
	return nil, errors.New("not an ECDH public key")
}

type ecdhState struct {
	dyn
	curve elliptic.Curve
	priv  ecdhPrivate
	pub   []byte // set by setPublicKey (uncompressed, or {0} for the point at infinity)
}

// pointBit is the bit a compressed or hybrid point carries: y's parity on prime curves, the
// low bit of y/x on binary ones.
func pointBit(c elliptic.Curve, x, y *big.Int) byte {
	if g, ok := c.(*gf2Curve); ok {
		if g.yBit(x, y) {
			return 1
		}
		return 0
	}
	return byte(y.Bit(0))
}

func compressPoint(c elliptic.Curve, raw []byte) []byte {
	x, y := elliptic.Unmarshal(c, raw) //nolint:staticcheck
	if x == nil {
		return raw
	}
	out := elliptic.MarshalCompressed(c, x, y)
	out[0] = 2 | pointBit(c, x, y)
	return out
}

func hybridPoint(c elliptic.Curve, raw []byte) []byte {
	x, y := elliptic.Unmarshal(c, raw) //nolint:staticcheck
	if x == nil {
		return raw
	}
	out := append([]byte(nil), raw...)
	out[0] = 6 | pointBit(c, x, y)
	return out
}

func uncompressPoint(c elliptic.Curve, p []byte) []byte {
	if k, ok := c.(*k256Curve); ok && len(p) == 1+(k.params.BitSize+7)/8 && (p[0] == 2 || p[0] == 3) {
		x, y := k.decompress(new(big.Int).SetBytes(p[1:]), p[0] == 3)
		if x == nil {
			return p
		}
		return elliptic.Marshal(c, x, y) //nolint:staticcheck
	}
	if len(p) > 0 && (p[0] == 2 || p[0] == 3) {
		x, y := elliptic.UnmarshalCompressed(c, p)
		if x == nil {
			return p
		}
		return elliptic.Marshal(c, x, y) //nolint:staticcheck
	}
	if len(p) > 0 && (p[0] == 6 || p[0] == 7) {
		q := append([]byte(nil), p...)
		q[0] = 4
		// the hybrid form's bit must agree with the point, as OpenSSL checks
		if x, y := elliptic.Unmarshal(c, q); x == nil || pointBit(c, x, y) != p[0]&1 { //nolint:staticcheck
			return p
		}
		return q
	}
	return p
}

func bindKeys(h *modules.Host, b *modules.LazyFuncs) {
	vm := h.VM
	key := func(v goja.Value) *keyObj {
		if v != nil {
			if k, ok := modules.ExportAs[*keyObj](v); ok {
				return k
			}
		}
		// (a KeyObject's method called on an object made from its prototype: no key behind it)
		panic(vm.NewTypeError("Illegal invocation"))
	}
	b.Set("curveNames", func(goja.FunctionCall) goja.Value { return vm.NewArray(allCurveNames()...) })
	b.Set("keySecret", func(c goja.FunctionCall) goja.Value {
		return func(data goja.Value, enc goja.Value) goja.Value {
			return vm.NewDynamicObject(&keyObj{typ: "secret", secret: copyArg(vm, data, enc)})
		}(argVal(c, 0), argVal(c, 1))
	})
	// keyParse(data, format, type, kind) parses PEM/DER; kind is "public" or "private".
	b.Set("keyParse", func(c goja.FunctionCall) goja.Value {
		return func(data goja.Value, format, typ, kind string, passphrase goja.Value) goja.Value {
			var pass []byte
			if passphrase != nil && !goja.IsUndefined(passphrase) && !goja.IsNull(passphrase) {
				pass = copyArg(vm, passphrase, nil)
				if pass == nil {
					pass = []byte{}
				}
			}
			k, err := parseKey(copyArg(vm, data, nil), format, typ, kind, pass)
			if err != nil {
				h.Throw(err)
			}
			return vm.NewDynamicObject(k)
		}(argVal(c, 0), argStr(c, 1), argStr(c, 2), argStr(c, 3), argVal(c, 4))
	})
	b.Set("keyImportJWK", func(c goja.FunctionCall) goja.Value {
		return func(jwk string, wantPrivate bool) goja.Value {
			var m map[string]any
			o := vm.Get("JSON").ToObject(vm).Get("parse")
			fn, _ := goja.AssertFunction(o)
			v, err := fn(goja.Undefined(), vm.ToValue(jwk))
			if err != nil {
				h.Throw(err)
			}
			m, _ = v.Export().(map[string]any)
			k, err2 := importJWK(m, wantPrivate)
			if err2 != nil {
				h.Throw(err2)
			}
			return vm.NewDynamicObject(k)
		}(argStr(c, 0), argBool(c, 1))
	})
	b.Set("keyPublicOf", func(c goja.FunctionCall) goja.Value {
		return func(kv goja.Value) goja.Value {
			return vm.NewDynamicObject(key(kv).publicObj())
		}(argVal(c, 0))
	})
	// keySetExplicit marks an EC key for explicit parameters (generateKeyPair's paramEncoding).
	b.Set("keySetExplicit", func(kv goja.Value) {
		if k := key(kv); k.asymType() == "ec" {
			k.explicit = true
		}
	})
	b.Set("keyType", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(func(kv goja.Value) string {
			return key(kv).typ
		}(argVal(c, 0)))
	})
	b.Set("keyAsymType", func(c goja.FunctionCall) goja.Value {
		return func(kv goja.Value) goja.Value {
			k := key(kv)
			if k.typ == "secret" {
				return goja.Undefined()
			}
			return vm.ToValue(k.asymType())
		}(argVal(c, 0))
	})
	b.Set("keySymSize", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(func(kv goja.Value) int {
			return len(key(kv).secret)
		}(argVal(c, 0)))
	})
	b.Set("keySecretBytes", func(c goja.FunctionCall) goja.Value {
		return func(kv goja.Value) goja.Value {
			return buffer.New(h, append([]byte(nil), key(kv).secret...))
		}(argVal(c, 0))
	})
	b.Set("keyDetails", func(c goja.FunctionCall) goja.Value {
		return func(kv goja.Value) goja.Value {
			o := vm.NewObject()
			k := key(kv)
			switch x := k.public().(type) {
			case *rsa.PublicKey:
				o.Set("modulusLength", x.N.BitLen())
				e, _ := vm.RunString("BigInt")
				fn, _ := goja.AssertFunction(e)
				bi, _ := fn(goja.Undefined(), vm.ToValue(x.E))
				o.Set("publicExponent", bi)
				if k.pss.restricted() {
					o.Set("hashAlgorithm", k.pss.hashName(k.pss.hash))
					o.Set("mgf1HashAlgorithm", k.pss.hashName(k.pss.mgf1))
					o.Set("saltLength", k.pss.salt)
				}
			case *dsa.PublicKey:
				o.Set("modulusLength", x.P.BitLen())
				o.Set("divisorLength", x.Q.BitLen())
			case *ecdsa.PublicKey:
				o.Set("namedCurve", nodeCurveName(x.Curve))
			}
			return o
		}(argVal(c, 0))
	})
	b.Set("keyCurve", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(func(kv goja.Value) string {
			if x, ok := key(kv).public().(*ecdsa.PublicKey); ok {
				return nodeCurveName(x.Curve)
			}
			return ""
		}(argVal(c, 0)))
	})
	b.Set("keyEquals", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(func(a, c goja.Value) bool {
			return keysEqual(key(a), key(c))
		}(argVal(c, 0), argVal(c, 1)))
	})
	b.Set("keyExport", func(c goja.FunctionCall) goja.Value {
		return func(kv goja.Value, format, typ string, cipherArg, passphrase goja.Value) goja.Value {
			cipherName := ""
			if cipherArg != nil && goja.IsString(cipherArg) {
				cipherName = cipherArg.String()
			}
			k := key(kv)
			if format == "jwk" {
				m, err := exportJWK(k)
				if err != nil {
					h.Throw(err)
				}
				o := vm.NewObject()
				order := []string{"crv", "d", "x", "kty"}
				switch m["kty"] {
				case "RSA":
					order = []string{"kty", "n", "e", "d", "p", "q", "dp", "dq", "qi"}
				case "EC":
					order = []string{"kty", "x", "y", "crv", "d"}
				}
				for _, f := range order {
					if v, ok := m[f]; ok {
						o.Set(f, v)
					}
				}
				return o
			}
			var pass []byte
			if cipherName != "" {
				pass = copyArg(vm, passphrase, nil)
			}
			out, err := exportKey(k, format, typ, cipherName, pass)
			if err != nil {
				h.Throw(err)
			}
			if format == "pem" {
				return vm.ToValue(string(out))
			}
			return buffer.New(h, out)
		}(argVal(c, 0), argStr(c, 1), argStr(c, 2), argVal(c, 3), argVal(c, 4))
	})
	// keyGenerate(type, modulusLength, namedCurve, cb, publicExponent, extra) returns [public,
	// private] or calls back. A publicExponent of 0 is 65537. extra has the other types' options:
	// rsa-pss {hash, mgf1, salt}, dsa {divisor}, dh {prime (bytes), group, generator}.
	b.Set("keyGenerate", func(typ string, bits int, curve string, cb goja.Value, exp int64, extra *goja.Object) goja.Value {
		var pss *pssParams
		var divisor int
		var dhP, dhG *big.Int
		dhBits := 0
		opt := func(n string) goja.Value {
			if extra == nil {
				return nil
			}
			if v := extra.Get(n); v != nil && !goja.IsUndefined(v) {
				return v
			}
			return nil
		}
		switch typ {
		case "rsa-pss":
			pss = &pssParams{}
			hv, mv, sv := opt("hash"), opt("mgf1"), opt("salt")
			if hv != nil || mv != nil || sv != nil {
				pss.hash = "sha1"
				if hv != nil {
					pss.hash = canonicalHash(hv.String())
				}
				pss.mgf1 = pss.hash
				if mv != nil {
					pss.mgf1 = canonicalHash(mv.String())
				}
				pss.salt = digestSize(pss.hash)
				if sv != nil {
					pss.salt = int(sv.ToInteger())
				}
			}
		case "dsa":
			divisor = 224 // OpenSSL's default when node passes none
			if v := opt("divisor"); v != nil {
				divisor = int(v.ToInteger())
				if divisor == 0 { // an explicit 0 is FIPS 186's choice by size
					divisor = 160
					if bits >= 2048 {
						divisor = 256
					}
				}
			}
		case "dh":
			dhG = big.NewInt(2)
			if v := opt("generator"); v != nil {
				dhG = big.NewInt(v.ToInteger())
			}
			if v := opt("group"); v != nil {
				hex, ok := modpPrimes.Get()[v.String()]
				if !ok {
					h.Throw(modules.NativeError("Error", "ERR_CRYPTO_UNKNOWN_DH_GROUP", "Unknown DH group"))
				}
				dhP, _ = new(big.Int).SetString(hex, 16)
			} else if v := opt("prime"); v != nil {
				dhP = new(big.Int).SetBytes(bytesArg(vm, v, nil))
			}
			if dhP != nil {
				dhBits = dhKnownGroupBits(dhP, dhG)
			}
		}
		if typ == "ec" && keygenCurve(curve) == nil { // (node's job constructor refuses it, also for a callback)
			h.Throw(modules.NativeError("TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name"))
		}
		work := func() ([2]*keyObj, error) {
			var priv any
			var err error
			if (typ == "rsa" || typ == "rsa-pss") && bits < 512 {
				return [2]*keyObj{}, plainError("error:1C8000AB:Provider routines::key size too small") // OpenSSL's floor
			}
			switch typ {
			case "rsa-pss":
				if exp == 0 || exp == 65537 {
					priv, err = rsa.GenerateKey(rand.Reader, bits)
				} else {
					priv, err = generateRSAExponent(bits, exp)
				}
			case "dsa":
				priv, err = generateDSA(bits, divisor)
			case "dh":
				p := dhP
				if (p == nil && bits < 512) || (p != nil && p.BitLen() < 512) {
					return [2]*keyObj{}, plainError("error:0280007E:Diffie-Hellman routines::modulus too small")
				}
				if p == nil {
					if p, err = safePrime(bits, dhG.Cmp(big.NewInt(2)) == 0); err != nil {
						return [2]*keyObj{}, err
					}
				}
				priv, err = generateDH(p, dhG, dhBits)
			case "ed448":
				_, priv, err = ed448.GenerateKey(rand.Reader)
			case "x448":
				var d [x448.Size]byte
				if _, err = rand.Read(d[:]); err == nil {
					priv = newX448Private(d[:])
				}
			case "rsa":
				if exp == 0 || exp == 65537 {
					priv, err = rsa.GenerateKey(rand.Reader, bits)
				} else {
					priv, err = generateRSAExponent(bits, exp)
				}
			case "ec":
				c := keygenCurve(curve)
				if c == nil {
					return [2]*keyObj{}, modules.NativeError("TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name")
				}
				priv, err = ecdsa.GenerateKey(c, rand.Reader)
			case "ed25519":
				_, priv, err = ed25519.GenerateKey(rand.Reader)
			case "x25519":
				priv, err = ecdh.X25519().GenerateKey(rand.Reader)
			}
			if err != nil {
				return [2]*keyObj{}, err
			}
			k := &keyObj{typ: "private", key: priv, pss: pss}
			return [2]*keyObj{k.publicObj(), k}, nil
		}
		if res, call, ok := asyncJob(cb, keyPairJobClass(typ)); ok {
			modules.GoAsyncOf(h, "KEYPAIRGENREQUEST", res, work, func(ks [2]*keyObj, err error) error {
				if err != nil {
					return call(h.ToJS(err))
				}
				return call(goja.Null(), vm.NewDynamicObject(ks[0]), vm.NewDynamicObject(ks[1]))
			})
			return goja.Undefined()
		}
		jobInit(h, "KEYPAIRGENREQUEST", keyPairJobClass(typ))
		ks, err := work()
		if err != nil {
			h.Throw(err)
		}
		return vm.ToValue([]any{vm.NewDynamicObject(ks[0]), vm.NewDynamicObject(ks[1])})
	})
	// sign(kv, digestName|"", data, padding, saltLen, p1363) signs data, hashing it first.
	b.Set("sign", func(c goja.FunctionCall) goja.Value {
		return func(kv goja.Value, alg string, data goja.Value, padding, saltLen int, p1363 bool, prehashed bool) goja.Value {
			k := key(kv)
			raw := bytesArg(vm, data, nil)
			ch, alg, digest := signDigest(h, k, alg, raw, prehashed)
			o := signOpts{padding, saltLen, p1363, alg}
			if err := checkSaltLen(k, ch, alg, &o, false); err != nil {
				h.Throw(err)
			}
			if o.padding == rsaX931Padding {
				// (Sign, which hands over its digest, cannot sign with X9.31 padding)
				if err := x931Check(k, ch, prehashed); err != nil {
					h.Throw(err)
				}
			}
			sig, err := signData(k, ch, digest, raw, o)
			if err != nil {
				h.Throw(err)
			}
			return buffer.New(h, sig)
		}(argVal(c, 0), argStr(c, 1), argVal(c, 2), argInt(c, 3), argInt(c, 4), argBool(c, 5), argBool(c, 6))
	})
	b.Set("verify", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(func(kv goja.Value, alg string, data, sig goja.Value, padding, saltLen int, p1363 bool, prehashed bool) bool {
			k := key(kv)
			raw := bytesArg(vm, data, nil)
			ch, alg, digest := signDigest(h, k, alg, raw, prehashed)
			switch k.public().(type) {
			case *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey, ed448.PublicKey, *dsa.PublicKey:
			default: // (X25519, X448 and DH keys verify nothing)
				h.Throw(errNotPrivate.Get())
			}
			o := signOpts{padding, saltLen, p1363, alg}
			if err := checkSaltLen(k, ch, alg, &o, true); err != nil {
				if prehashed { // (Verify's final step finds the signature bad when its context cannot be set up)
					return false
				}
				h.Throw(err)
			}
			if o.padding == rsaX931Padding {
				if prehashed { // (Verify, which hands over its digest, finds no X9.31 signature good)
					return false
				}
				if err := x931Check(k, ch, false); err != nil {
					h.Throw(err)
				}
			}
			return verifyData(k, ch, digest, raw, bytesArg(vm, sig, nil), o)
		}(argVal(c, 0), argStr(c, 1), argVal(c, 2), argVal(c, 3), argInt(c, 4), argInt(c, 5), argBool(c, 6), argBool(c, 7)))
	})
	// rsaCrypt(kv, data, padding, oaepHash, label, op): op is publicEncrypt, privateDecrypt,
	// privateEncrypt or publicDecrypt.
	b.Set("rsaCrypt", func(c goja.FunctionCall) goja.Value {
		return func(kv goja.Value, data goja.Value, padding int, oaepHash string, label goja.Value, op string) goja.Value {
			out, err := rsaCipherOp(op, key(kv), bytesArg(vm, data, nil), padding, oaepHash, bytesArg(vm, label, nil))
			if err != nil {
				h.Throw(rsaOpErrorStack(op, padding, err))
			}
			return buffer.New(h, out)
		}(argVal(c, 0), argVal(c, 1), argInt(c, 2), argStr(c, 3), argVal(c, 4), argStr(c, 5))
	})
	b.Set("diffieHellman", func(c goja.FunctionCall) goja.Value {
		return func(privv, pubv goja.Value) goja.Value {
			if ta, tb := key(privv).asymType(), key(pubv).asymType(); ta != tb && !(ta == "ec" && tb == "ec") {
				h.Throw(modules.NewError("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY", "Incompatible key types for Diffie-Hellman: "+ta+" and "+tb))
			}
			switch priv := key(privv).key.(type) {
			case *dhPrivateKey:
				s, err := dhShared(priv, key(pubv).public().(*dhPublicKey))
				if err != nil {
					h.Throw(err)
				}
				return buffer.New(h, s)
			case *x448PrivateKey:
				pub := key(pubv).public().(*x448PublicKey)
				var out x448.Key
				if !x448.Shared(&out, &priv.d, &pub.k) {
					h.Throw(osslError("1C800066", "Provider routines", "failed during derivation"))
				}
				return buffer.New(h, out[:])
			}
			if priv, ok := key(privv).key.(*ecdsa.PrivateKey); ok {
				if pub, ok := key(pubv).public().(*ecdsa.PublicKey); ok && pub.Curve != priv.Curve {
					h.Throw(osslError("1C8000CB", "Provider routines", "mismatching domain parameters"))
				}
			}
			if priv, ok := key(privv).key.(*ecdsa.PrivateKey); ok && isCustomCurve(priv.Curve) {
				pub, _ := key(pubv).public().(*ecdsa.PublicKey)
				if pub != nil {
					if s, ok := customECDH(priv, pub); ok {
						return buffer.New(h, s)
					}
				}
				h.Throw(modules.NewError("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY", "Incompatible key types for Diffie-Hellman: ec and x25519"))
			}
			pk, err := ecdhPriv(key(privv))
			if err != nil {
				h.Throw(err)
			}
			pub, err := ecdhPub(key(pubv))
			if err != nil {
				h.Throw(err)
			}
			s, err := pk.ECDH(pub)
			if err != nil {
				// (both keys are of one type here: what fails is the derivation itself, an X25519
				// public key of low order, as OpenSSL's provider says)
				h.Throw(osslError("1C8000A4", "Provider routines", "failed during derivation"))
			}
			return buffer.New(h, s)
		}(argVal(c, 0), argVal(c, 1))
	})

	// ECDH objects.
	b.Set("ecdhNew", func(c goja.FunctionCall) goja.Value {
		return func(curve string) goja.Value {
			c := ecdhCurveByName(curve)
			if c == nil || !ecdhSupported(c) {
				return goja.Undefined()
			}
			return vm.NewDynamicObject(&ecdhState{curve: c})
		}(argStr(c, 0))
	})
	b.Set("ecdhGenerate", func(c goja.FunctionCall) goja.Value {
		func(ev goja.Value) {
			st := modules.HandleOf[*ecdhState](h, ev, "generateKeys")
			k, err := ecdhGenerate(st.curve)
			if err != nil {
				h.Throw(err)
			}
			st.priv, st.pub = k, nil
		}(argVal(c, 0))
		return goja.Undefined()
	})
	b.Set("ecdhPublic", func(c goja.FunctionCall) goja.Value {
		return func(ev goja.Value, format string) goja.Value {
			st := modules.HandleOf[*ecdhState](h, ev, "getPublicKey")
			var raw []byte
			switch {
			case st.pub != nil:
				raw = append([]byte(nil), st.pub...)
			case st.priv != nil:
				raw = st.priv.publicBytes()
			default:
				return goja.Undefined()
			}
			switch format {
			case "compressed":
				raw = compressPoint(st.curve, raw)
			case "hybrid":
				raw = hybridPoint(st.curve, raw)
			}
			return buffer.New(h, raw)
		}(argVal(c, 0), argStr(c, 1))
	})
	b.Set("ecdhPrivate", func(c goja.FunctionCall) goja.Value {
		return func(ev goja.Value) goja.Value {
			st := modules.HandleOf[*ecdhState](h, ev, "getPrivateKey")
			if st.priv == nil {
				return goja.Undefined()
			}
			// node gives the scalar's minimal big-endian bytes (BN_num_bytes), not a padded field
			d := st.priv.Bytes()
			for len(d) > 1 && d[0] == 0 {
				d = d[1:]
			}
			return buffer.New(h, d)
		}(argVal(c, 0))
	})
	b.Set("ecdhSetPrivate", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(func(ev goja.Value, data goja.Value) bool {
			st := modules.HandleOf[*ecdhState](h, ev, "setPrivateKey")
			n := (st.curve.Params().BitSize + 7) / 8
			k, err := ecdhFromBytes(st.curve, padTo(copyArg(vm, data, nil), n))
			if err != nil {
				return false
			}
			st.priv, st.pub = k, nil
			return true
		}(argVal(c, 0), argVal(c, 1)))
	})
	// ecdhSetPublic replaces the public key alone (the deprecated setPublicKey).
	b.Set("ecdhSetPublic", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(func(ev goja.Value, data goja.Value) bool {
			st := modules.HandleOf[*ecdhState](h, ev, "setPublicKey")
			p := bytesArg(vm, data, nil)
			if len(p) == 1 && p[0] == 0 {
				st.pub = []byte{0}
				return true
			}
			raw := uncompressPoint(st.curve, p)
			if !ecdhValidPublic(st.curve, raw) {
				return false
			}
			st.pub = append([]byte(nil), raw...)
			return true
		}(argVal(c, 0), argVal(c, 1)))
	})
	// ecdhCompute gives the shared secret, or the failure's name: "keypair" (no keys at all),
	// "public" (not a point of the curve), "compute" (no private key, or the point at infinity).
	b.Set("ecdhCompute", func(c goja.FunctionCall) goja.Value {
		return func(ev goja.Value, data goja.Value) goja.Value {
			st := modules.HandleOf[*ecdhState](h, ev, "computeSecret")
			if st.priv == nil && st.pub == nil {
				return vm.ToValue("keypair")
			}
			p := bytesArg(vm, data, nil)
			if len(p) == 1 && p[0] == 0 {
				return vm.ToValue("compute")
			}
			raw := uncompressPoint(st.curve, p)
			if !ecdhValidPublic(st.curve, raw) {
				return vm.ToValue("public")
			}
			if st.priv == nil {
				return vm.ToValue("compute")
			}
			s, err := st.priv.shared(raw)
			if err == errECDHInfinity {
				return vm.ToValue("compute")
			}
			if err != nil {
				return vm.ToValue("public")
			}
			return buffer.New(h, s)
		}(argVal(c, 0), argVal(c, 1))
	})
	b.Set("ecdhConvert", func(c goja.FunctionCall) goja.Value {
		return func(curve string, data goja.Value, format string) goja.Value {
			c := ecdhCurveByName(curve)
			if c == nil {
				return goja.Undefined()
			}
			raw := uncompressPoint(c, bytesArg(vm, data, nil))
			if !ecdhSupported(c) || !ecdhValidPublic(c, raw) {
				return goja.Null()
			}
			switch format {
			case "compressed":
				raw = compressPoint(c, raw)
			case "hybrid":
				raw = hybridPoint(c, raw)
			}
			return buffer.New(h, raw)
		}(argStr(c, 0), argVal(c, 1), argStr(c, 2))
	})
	// Key objects for ECDH-style raw keys (webcrypto raw import of EC/X25519/Ed25519 public keys).
	b.Set("keyFromRaw", func(c goja.FunctionCall) goja.Value {
		return func(kind, curve string, data goja.Value) goja.Value {
			p := copyArg(vm, data, nil)
			switch kind {
			case "ed25519", "ed448", "x25519", "x448":
				crv := map[string]string{"ed25519": "Ed25519", "ed448": "Ed448", "x25519": "X25519", "x448": "X448"}[kind]
				if k := okpKey(crv, false, p); k != nil {
					return vm.NewDynamicObject(k)
				}
				return goja.Undefined()
			case "ec":
				c := curveByName(curve)
				if c == nil {
					return goja.Undefined()
				}
				x, y := elliptic.Unmarshal(c, uncompressPoint(c, p)) //nolint:staticcheck
				if x == nil {
					return goja.Undefined()
				}
				return vm.NewDynamicObject(&keyObj{typ: "public", key: &ecdsa.PublicKey{Curve: c, X: x, Y: y}})
			}
			return goja.Undefined()
		}(argStr(c, 0), argStr(c, 1), argVal(c, 2))
	})
	b.Set("keyRaw", func(c goja.FunctionCall) goja.Value {
		return func(kv goja.Value) goja.Value {
			switch x := key(kv).public().(type) {
			case ed25519.PublicKey:
				return buffer.New(h, append([]byte(nil), x...))
			case *ecdh.PublicKey:
				return buffer.New(h, x.Bytes())
			case ed448.PublicKey:
				return buffer.New(h, append([]byte(nil), x...))
			case *x448PublicKey:
				return buffer.New(h, append([]byte(nil), x.k[:]...))
			case *ecdsa.PublicKey:
				return buffer.New(h, elliptic.Marshal(x.Curve, x.X, x.Y)) //nolint:staticcheck
			}
			return goja.Undefined()
		}(argVal(c, 0))
	})
}

// generateRSAExponent makes an RSA key with a public exponent other than 65537 (Go's
// rsa.GenerateKey has only that one), as OpenSSL does: primes p, q of half the size each with
// gcd(e, p-1) = gcd(e, q-1) = 1. An even exponent or one below 3 is refused with OpenSSL's error.
func generateRSAExponent(bits int, e int64) (*rsa.PrivateKey, error) {
	if e < 0 { // (an exponent of 0: OpenSSL's BN_bn2bin of it fails)
		return nil, &modules.Error{Name: "Error", Message: "error:030C0100:digital envelope routines::malloc failure"}
	}
	if e < 3 || e&1 == 0 || e > 1<<31-1 {
		return nil, &modules.Error{Name: "Error", Message: "error:020000B2:rsa routines::pub exponent out of range"}
	}
	if bits < 16 {
		return rsa.GenerateKey(rand.Reader, bits) // Go's own error for a tiny modulus
	}
	E := big.NewInt(e)
	one := big.NewInt(1)
	for {
		p, err := rand.Prime(rand.Reader, bits-bits/2)
		if err != nil {
			return nil, err
		}
		q, err := rand.Prime(rand.Reader, bits/2)
		if err != nil {
			return nil, err
		}
		if p.Cmp(q) == 0 {
			continue
		}
		n := new(big.Int).Mul(p, q)
		if n.BitLen() != bits {
			continue
		}
		pm1 := new(big.Int).Sub(p, one)
		qm1 := new(big.Int).Sub(q, one)
		phi := new(big.Int).Mul(pm1, qm1)
		d := new(big.Int).ModInverse(E, phi)
		if d == nil {
			continue
		}
		k := &rsa.PrivateKey{PublicKey: rsa.PublicKey{N: n, E: int(e)}, D: d, Primes: []*big.Int{p, q}}
		k.Precompute()
		if k.Validate() != nil {
			continue
		}
		return k, nil
	}
}

// keysEqual tells whether two key objects hold the same key (and kind).
func keysEqual(ka, kc *keyObj) bool {
	if ka.typ != kc.typ {
		return false
	}
	if ka.typ == "secret" {
		return string(ka.secret) == string(kc.secret)
	}
	type eq interface{ Equal(crypto.PublicKey) bool }
	type eqp interface{ Equal(crypto.PrivateKey) bool }
	if ka.pss != nil || kc.pss != nil {
		if (ka.pss == nil) != (kc.pss == nil) {
			return false
		}
	}
	if e, ok := ka.key.(eq); ok && ka.pss == nil {
		return e.Equal(kc.key)
	}
	if e, ok := ka.key.(eqp); ok && ka.pss == nil {
		return e.Equal(kc.key)
	}
	// the other key types: equal when their encodings are
	da, oka, _ := marshalOther(ka, ka.typ == "private")
	dc, okc, _ := marshalOther(kc, kc.typ == "private")
	return oka && okc && string(da) == string(dc)
}

// okpKey makes an Ed25519, Ed448, X25519 or X448 key from its private seed (priv) or public
// bytes; nil when b has the wrong size.
func okpKey(crv string, priv bool, b []byte) *keyObj {
	var k any
	switch {
	case crv == "Ed25519" && priv && len(b) == ed25519.SeedSize:
		k = ed25519.NewKeyFromSeed(b)
	case crv == "Ed25519" && !priv && len(b) == ed25519.PublicKeySize:
		k = ed25519.PublicKey(b)
	case crv == "Ed448" && priv && len(b) == ed448.SeedSize:
		k = ed448.NewKeyFromSeed(b)
	case crv == "Ed448" && !priv && len(b) == ed448.PublicKeySize:
		k = ed448.PublicKey(b)
	case crv == "X448" && priv && len(b) == x448.Size:
		k = newX448Private(b)
	case crv == "X448" && !priv && len(b) == x448.Size:
		pk := &x448PublicKey{}
		copy(pk.k[:], b)
		k = pk
	case crv == "X25519" && priv:
		if x, err := ecdh.X25519().NewPrivateKey(b); err == nil {
			k = x
		}
	case crv == "X25519":
		if x, err := ecdh.X25519().NewPublicKey(b); err == nil {
			k = x
		}
	}
	if k == nil {
		return nil
	}
	if priv {
		return &keyObj{typ: "private", key: k}
	}
	return &keyObj{typ: "public", key: k}
}

// asn1Header reads one DER header: the tag, the content length, the header's size; ok is false
// when the header itself is cut short (OpenSSL's "header too long").
func asn1Header(b []byte) (tag byte, n, hdr int, ok bool) {
	if len(b) < 2 {
		return 0, 0, 0, false
	}
	tag, l := b[0], int(b[1])
	if l < 0x80 {
		return tag, l, 2, true
	}
	k := l & 0x7f
	// (OpenSSL's ASN1_get_object wants a byte after a long-form length, or the header is "too long")
	if k == 0 || k > 4 || len(b) < 3+k {
		return tag, 0, 0, false
	}
	n = 0
	for _, c := range b[2 : 2+k] {
		n = n<<8 | int(c)
	}
	return tag, n, 2 + k, true
}

// asn1Diag names where OpenSSL's ASN.1 decoder stops in der read as shape: "spki" and "x509"
// (a SEQUENCE that starts with a SEQUENCE), "pkcs1pub" (a SEQUENCE of two INTEGERs), "pkcs8" (a
// SEQUENCE of an INTEGER and a SEQUENCE...). nil when the outer shape holds: the caller's own
// error stands.
func asn1Diag(der []byte, shape string) *modules.Error {
	if shape == "" {
		return nil
	}
	// fail is the error with the queue node reports for the shape: the decoder's "ASN1 lib"
	// for a PKCS#1 public key, a "nested asn1 error" for each level the decoder was in (spki,
	// pkcs1pub, and pkcs8 past its header), "bad object header" after a header it could not
	// read; X.509's are left without.
	fail := func(id, reason string, nested int, badHeader bool) *modules.Error {
		var st []string
		if shape == "x509" || (shape == "pkcs8" && badHeader) {
			return osslError(id, "asn1 encoding routines", reason)
		}
		if shape == "pkcs1pub" {
			st = append(st, "error:0688000D:asn1 encoding routines::ASN1 lib")
		}
		for range nested {
			st = append(st, "error:0688010A:asn1 encoding routines::nested asn1 error")
		}
		if badHeader {
			st = append(st, "error:06800066:asn1 encoding routines::bad object header")
		}
		if len(st) == 0 {
			return osslError(id, "asn1 encoding routines", reason)
		}
		return osslErrorStack(id, "asn1 encoding routines", reason, st...)
	}
	if len(der) == 0 {
		switch shape {
		case "pkcs8":
			return plainError("Failed to read private key")
		case "x509":
			return fail("068000A8", "wrong tag", 0, false)
		}
		return fail("068000E0", "too small", 0, false)
	}
	tag, n, hdr, ok := asn1Header(der)
	if !ok {
		return fail("0680007B", "header too long", 1, true)
	}
	// (OpenSSL reads the header, length included, before it looks at the tag)
	if n > len(der)-hdr {
		if shape == "pkcs8" {
			return fail("0680008E", "not enough data", 0, true)
		}
		return fail("0680009B", "too long", 1, true)
	}
	if tag != 0x30 {
		return fail("068000A8", "wrong tag", 1, false)
	}
	body := der[hdr : hdr+n]
	if len(body) == 0 {
		return fail("06800079", "field missing", 0, false)
	}
	first, fn, fh, ok := asn1Header(body)
	if !ok || fn > len(body)-fh {
		return nil
	}
	want := byte(0x30)
	if shape == "pkcs1pub" || shape == "pkcs8" {
		want = 0x02
	}
	if first != want {
		return fail("068000A8", "wrong tag", 2, false)
	}
	if (shape == "pkcs1pub" || shape == "pkcs8") && len(body) == fh+fn {
		return fail("06800079", "field missing", 0, false)
	}
	if shape != "spki" && shape != "pkcs8" {
		return nil
	}
	// The AlgorithmIdentifier (an SPKI's first member, PKCS#8's second) must hold its OID; an
	// SPKI's key is a BIT STRING after it, PKCS#8's version is followed by that SEQUENCE.
	rest := body[fh+fn:]
	if shape == "spki" {
		if fn == 0 {
			return fail("06800079", "field missing", 1, false)
		}
		if len(rest) == 0 {
			return fail("06800079", "field missing", 0, false)
		}
	}
	second, sn, sh, ok := asn1Header(rest)
	if !ok || sn > len(rest)-sh {
		return nil
	}
	switch {
	case shape == "spki" && second != 0x03, shape == "pkcs8" && second != 0x30:
		return fail("068000A8", "wrong tag", 2, false)
	case shape == "pkcs8" && sn == 0:
		return fail("06800079", "field missing", 1, false)
	}
	return nil
}

// signDigest is what sign and verify hand the key: the hash and its name (sha256 when none is
// named, for keys that are not Ed25519 or Ed448) and the digest of raw (raw itself when it is
// prehashed or the key hashes by itself). It throws OpenSSL's errors for a digest the key
// refuses.
func signDigest(h *modules.Host, k *keyObj, alg string, raw []byte, prehashed bool) (crypto.Hash, string, []byte) {
	if k.pss != nil && !k.pss.encodable() { // (a key OpenSSL signs and verifies nothing with)
		h.Throw(osslError("1C80007A", "Provider routines", "invalid digest"))
	}
	var ch crypto.Hash
	digest := raw
	t := k.asymType()
	if ed := t == "ed25519" || t == "ed448"; ed && alg != "" && !prehashed {
		// Ed25519 hashes by itself: a named digest is refused as OpenSSL 3 does.
		if !knownDigest(alg) {
			h.Throw(modules.NativeError("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: %s", alg))
		}
		h.Throw(osslError("1C80007A", "Provider routines", "invalid digest"))
	} else if !ed {
		if alg == "" {
			alg = "sha256"
			if k.pss.restricted() { // (a restricted RSA-PSS key's own digest)
				alg = k.pss.hash
			}
		}
		var hh hash.Hash
		ch, hh = cryptoHash(alg)
		if hh == nil {
			d, err := otherDigest(alg, raw, t, prehashed)
			if err != nil {
				h.Throw(err)
			}
			if d == nil {
				h.Throw(modules.NativeError("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: %s", alg))
			}
			digest = d
		} else if !prehashed {
			hh.Write(raw)
			digest = hh.Sum(nil)
		}
	}
	return ch, alg, digest
}

// DER shapes OpenSSL's two decoders of a PKCS#1 or SEC1 private key expect, as the tags of
// the outer SEQUENCE's first members: a PKCS#8 PrivateKeyInfo first, then the type's own.
var (
	pkcs8Members = []byte{0x02, 0x30}
	rsaMembers   = []byte{0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02}
	ecMembers    = []byte{0x02, 0x04}
)

// privateDERUnsupported is node's 'DECODER routines::unsupported' for DER that is no PKCS#1 or
// SEC1 private key, with the queue both decoder attempts leave; without a queue where the
// DER's shape holds further than this reads (OpenSSL's error then comes from deeper in).
func privateDERUnsupported(der []byte, label string) *modules.Error {
	own := rsaMembers
	if label == "EC PRIVATE KEY" {
		own = ecMembers
	}
	a, b := derTrail(der, pkcs8Members), derTrail(der, own)
	if a == nil || b == nil {
		return errUnsupportedKey.Get()
	}
	const u = "error:1E08010C:DECODER routines::unsupported"
	return osslErrorStack("1E08010C", "DECODER routines", "unsupported", append(append(a, b...), u, u)...)
}

// derTrail is the queue OpenSSL's ASN.1 decoder leaves (oldest first) reading der as a
// SEQUENCE whose first members have the given tags; nil when those all read.
func derTrail(der []byte, members []byte) []string {
	nested := "error:0688010A:asn1 encoding routines::nested asn1 error"
	badHeader := "error:06800066:asn1 encoding routines::bad object header"
	headerTooLong := "error:0680007B:asn1 encoding routines::header too long"
	tooLong := "error:0680009B:asn1 encoding routines::too long"
	wrongTag := "error:068000A8:asn1 encoding routines::wrong tag"
	missing := "error:06800079:asn1 encoding routines::field missing"
	if len(der) == 0 {
		return []string{"error:068000E0:asn1 encoding routines::too small"}
	}
	// header reads a TLV header as ASN1_get_object does: a long-form length must be followed
	// by at least one byte, or the header is "too long"; k is 0 when unreadable, -1 when the
	// length runs past the end.
	header := func(b []byte) (tag byte, n, hdr int) {
		if len(b) < 2 {
			return 0, 0, 0
		}
		l := int(b[1])
		if l < 0x80 {
			if 2+l > len(b) {
				return b[0], l, -1
			}
			return b[0], l, 2
		}
		k := l & 0x7f
		if k == 0 || k > 4 || len(b) < 3+k {
			return b[0], 0, 0
		}
		for _, c := range b[2 : 2+k] {
			n = n<<8 | int(c)
		}
		if n > len(b)-2-k {
			return b[0], n, -1
		}
		return b[0], n, 2 + k
	}
	tag, n, hdr := header(der)
	switch {
	case hdr == 0:
		return []string{nested, badHeader, headerTooLong}
	case hdr < 0:
		return []string{nested, badHeader, tooLong}
	case tag != 0x30:
		return []string{nested, wrongTag}
	}
	body := der[hdr : hdr+n]
	for _, want := range members {
		if len(body) == 0 {
			return []string{missing}
		}
		t, m, h := header(body)
		switch {
		case h == 0:
			return []string{nested, nested, badHeader, headerTooLong}
		case h < 0:
			return []string{nested, nested, badHeader, tooLong}
		case t != want:
			return []string{nested, nested, wrongTag}
		}
		body = body[h+m:]
	}
	return nil
}

// looksRSAPrivate is node's IsRSAPrivateKey: DER that starts a SEQUENCE (its length cut to the
// data there is) whose first three bytes are a one-byte INTEGER 0 or 1, an RSAPrivateKey's
// version; an RSAPublicKey starts with its modulus, at least 4.
func looksRSAPrivate(der []byte) bool {
	if len(der) < 2 || der[0] != 0x30 {
		return false
	}
	off, n := 2, int(der[1])
	if der[1]&0x80 != 0 {
		k := int(der[1] & 0x7f)
		if k+2 > len(der) || k > 8 {
			return false
		}
		n = 0
		for _, c := range der[2 : 2+k] {
			if n > 1<<40 {
				n = 1 << 40
				break
			}
			n = n<<8 | int(c)
		}
		off = 2 + k
	}
	n = min(n, len(der)-off)
	return n >= 3 && der[off] == 2 && der[off+1] == 1 && der[off+2]&0xfe == 0
}

// keyPairJobClass is the class of node's job generating a key pair of type typ, the resource
// async hooks see for it.
func keyPairJobClass(typ string) string {
	switch typ {
	case "rsa", "rsa-pss":
		return "RsaKeyPairGenJob"
	case "dsa":
		return "DsaKeyPairGenJob"
	case "ec":
		return "EcKeyPairGenJob"
	case "dh":
		return "DhKeyPairGenJob"
	}
	return "NidKeyPairGenJob"
}
