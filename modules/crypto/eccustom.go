package crypto

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"math/big"

	"github.com/gojs-dev/gojs/modules"
)

// Key encodings (SPKI, PKCS#8, SEC1) for the EC curves crypto/x509 does not know (secp256k1),
// written from RFC 5480, RFC 5208 and SEC 1 as OpenSSL writes them: PKCS#8 carries the curve in
// its algorithm identifier and a SEC1 key with the public point but without parameters; a SEC1
// key on its own carries both.

var (
	oidECPublicKey = asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}
	// customCurveOID maps each curve crypto/x509 does not know to its OID; loadCurves fills it,
	// so read it through curveOID.
	customCurveOID map[elliptic.Curve]asn1.ObjectIdentifier
)

// curveOID is the OID of a curve crypto/x509 does not know (nil if none).
func curveOID(c elliptic.Curve) asn1.ObjectIdentifier {
	curvesOnce.Do(loadCurves)
	return customCurveOID[c]
}

func isCustomCurve(c elliptic.Curve) bool {
	curvesOnce.Do(loadCurves)
	_, ok := customCurveOID[c]
	return ok
}

func curveOfOID(oid asn1.ObjectIdentifier) elliptic.Curve {
	if len(oid) == 0 {
		return nil
	}
	curvesOnce.Do(loadCurves)
	for c, o := range customCurveOID {
		if o.Equal(oid) {
			return c
		}
	}
	return nil
}

type algID struct {
	Algorithm  asn1.ObjectIdentifier
	Parameters asn1.ObjectIdentifier
}

type spkiASN1 struct {
	Algorithm algID
	PublicKey asn1.BitString
}

type pkcs8ASN1 struct {
	Version    int
	Algorithm  algID
	PrivateKey []byte
}

type sec1ASN1 struct {
	Version    int
	PrivateKey []byte
	Params     asn1.ObjectIdentifier `asn1:"optional,explicit,tag:0"`
	PublicKey  asn1.BitString        `asn1:"optional,explicit,tag:1"`
}

func customPoint(pub *ecdsa.PublicKey) []byte {
	return elliptic.Marshal(pub.Curve, pub.X, pub.Y) //nolint:staticcheck // uncompressed point, as OpenSSL writes
}

func marshalCustomSPKI(pub *ecdsa.PublicKey) ([]byte, error) {
	p := customPoint(pub)
	return asn1.Marshal(spkiASN1{algID{oidECPublicKey, curveOID(pub.Curve)}, asn1.BitString{Bytes: p, BitLength: 8 * len(p)}})
}

func marshalCustomSEC1(k *ecdsa.PrivateKey, withParams bool) ([]byte, error) {
	size := (k.Curve.Params().N.BitLen() + 7) / 8
	p := customPoint(&k.PublicKey)
	s := sec1ASN1{Version: 1, PrivateKey: k.D.FillBytes(make([]byte, size)), PublicKey: asn1.BitString{Bytes: p, BitLength: 8 * len(p)}}
	if withParams {
		s.Params = curveOID(k.Curve)
	}
	return asn1.Marshal(s)
}

func marshalCustomPKCS8(k *ecdsa.PrivateKey) ([]byte, error) {
	inner, err := marshalCustomSEC1(k, false)
	if err != nil {
		return nil, err
	}
	return asn1.Marshal(pkcs8ASN1{Algorithm: algID{oidECPublicKey, curveOID(k.Curve)}, PrivateKey: inner})
}

var errNotCustom = errors.New("not a custom-curve EC key")

func parseCustomSPKI(der []byte) (*ecdsa.PublicKey, error) {
	var s spkiASN1
	if rest, err := asn1.Unmarshal(der, &s); err != nil || len(rest) > 0 || !s.Algorithm.Algorithm.Equal(oidECPublicKey) {
		return nil, errNotCustom
	}
	c := curveOfOID(s.Algorithm.Parameters)
	if c == nil {
		return nil, errNotCustom
	}
	x, y := elliptic.Unmarshal(c, s.PublicKey.Bytes) //nolint:staticcheck
	if x == nil {
		if raw := uncompressPoint(c, s.PublicKey.Bytes); raw != nil {
			x, y = elliptic.Unmarshal(c, raw) //nolint:staticcheck
		}
	}
	if x == nil {
		return nil, errNotCustom
	}
	return &ecdsa.PublicKey{Curve: c, X: x, Y: y}, nil
}

// parseCustomSEC1 reads an ECPrivateKey; c is the curve from a PKCS#8 wrapper (nil: from the key).
func parseCustomSEC1(der []byte, c elliptic.Curve) (*ecdsa.PrivateKey, error) {
	var s sec1ASN1
	if rest, err := asn1.Unmarshal(der, &s); err != nil || len(rest) > 0 || s.Version != 1 {
		return nil, errNotCustom
	}
	if c == nil {
		c = curveOfOID(s.Params)
	}
	if c == nil {
		return nil, errNotCustom
	}
	d := new(big.Int).SetBytes(s.PrivateKey)
	if d.Sign() == 0 || d.Cmp(c.Params().N) >= 0 {
		return nil, errNotCustom
	}
	k := &ecdsa.PrivateKey{D: d}
	k.Curve = c
	k.X, k.Y = c.ScalarBaseMult(s.PrivateKey)
	return k, nil
}

func parseCustomPKCS8(der []byte) (*ecdsa.PrivateKey, error) {
	var p pkcs8ASN1
	if rest, err := asn1.Unmarshal(der, &p); err != nil || len(rest) > 0 || !p.Algorithm.Algorithm.Equal(oidECPublicKey) {
		return nil, errNotCustom
	}
	c := curveOfOID(p.Algorithm.Parameters)
	if c == nil {
		return nil, errNotCustom
	}
	return parseCustomSEC1(p.PrivateKey, c)
}

// customECDH is ECDH on a custom curve: the x coordinate of d·P.
func customECDH(priv *ecdsa.PrivateKey, pub *ecdsa.PublicKey) ([]byte, bool) {
	if priv.Curve != pub.Curve || !pub.Curve.IsOnCurve(pub.X, pub.Y) {
		return nil, false
	}
	size := (priv.Curve.Params().BitSize + 7) / 8
	x, _ := priv.Curve.ScalarMult(pub.X, pub.Y, priv.D.FillBytes(make([]byte, size)))
	return x.FillBytes(make([]byte, size)), true
}

// customCurveOf returns the custom curve of an EC key, or nil.
func customCurveOf(key any) elliptic.Curve {
	switch x := key.(type) {
	case *ecdsa.PrivateKey:
		if isCustomCurve(x.Curve) {
			return x.Curve
		}
	case *ecdsa.PublicKey:
		if isCustomCurve(x.Curve) {
			return x.Curve
		}
	}
	return nil
}

// parseCustomEC tries the custom-curve encodings for a DER key of the given PEM label.
func parseCustomEC(der []byte, label string) (any, bool) {
	var k any
	var err error
	switch label {
	case "PUBLIC KEY":
		k, err = parseCustomSPKI(der)
	case "PRIVATE KEY":
		k, err = parseCustomPKCS8(der)
	case "EC PRIVATE KEY":
		k, err = parseCustomSEC1(der, nil)
	default:
		return nil, false
	}
	return k, err == nil
}

// exportCustomEC writes a custom-curve key as typ (spki, pkcs8, sec1).
func exportCustomEC(k *keyObj, typ string) ([]byte, string, error) {
	if c := customCurveOf(k.key); c != nil && len(curveOID(c)) == 0 && (typ == "spki" || typ == "pkcs8" || typ == "sec1") {
		if typ == "sec1" {
			return nil, "", osslError("080000A7", "elliptic curve routines", "missing OID")
		}
		return nil, "", osslError("1C8000D1", "Provider routines", "missing OID")
	}
	switch typ {
	case "spki":
		pub, _ := k.public().(*ecdsa.PublicKey)
		der, err := marshalCustomSPKI(pub)
		return der, "PUBLIC KEY", err
	case "pkcs8", "sec1":
		priv, ok := k.key.(*ecdsa.PrivateKey)
		if !ok {
			break
		}
		if typ == "sec1" {
			der, err := marshalCustomSEC1(priv, true)
			return der, "EC PRIVATE KEY", err
		}
		der, err := marshalCustomPKCS8(priv)
		return der, "PRIVATE KEY", err
	}
	return nil, "", modules.TypeError("ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", "The selected key encoding %s can only be used for RSA keys.", typ)
}

// parseCertificate is x509.ParseCertificate that also reads what OpenSSL reads and Go does not:
// a subject key on a curve Go does not know (secp256k1, brainpool, the binary curves…) and
// names Go refuses (a UniversalString, a PrintableString with characters outside its set, a
// UTF8String that is not UTF-8…), a negative serial number. Such a key is swapped for a P-256
// stand-in, such names for empty ones and such a serial for 1 so that Go parses the rest; the
// raw encodings are put back (the names are read from RawSubject and RawIssuer), the key and
// the serial.
func parseCertificate(raw []byte) (*x509.Certificate, error) {
	c, err := x509.ParseCertificate(raw)
	if err == nil {
		return c, nil
	}
	var outer []asn1.RawValue
	if rest, e := asn1.Unmarshal(raw, &outer); e != nil || len(rest) > 0 || len(outer) != 3 {
		return nil, err
	}
	var tbs []asn1.RawValue
	if rest, e := asn1.Unmarshal(outer[0].FullBytes, &tbs); e != nil || len(rest) > 0 {
		return nil, err
	}
	// (issuer and subject: the third and fifth members after the optional [0] version)
	off := 0
	if len(tbs) > 0 && tbs[0].Class == asn1.ClassContextSpecific && tbs[0].Tag == 0 {
		off = 1
	}
	if len(tbs) < off+6 {
		return nil, err
	}
	rawIssuer, rawSubject, spki := tbs[off+2].FullBytes, tbs[off+4].FullBytes, tbs[off+5].FullBytes
	var pub any
	try := func() *x509.Certificate {
		tbsDER, e1 := asn1.Marshal(tbs)
		certDER, e2 := asn1.Marshal([]asn1.RawValue{{FullBytes: tbsDER}, outer[1], outer[2]})
		if e1 != nil || e2 != nil {
			return nil
		}
		c, e := x509.ParseCertificate(certDER)
		if e != nil {
			return nil
		}
		c.Raw, c.RawTBSCertificate = raw, outer[0].FullBytes
		c.RawIssuer, c.RawSubject, c.RawSubjectPublicKeyInfo = rawIssuer, rawSubject, spki
		if pub != nil {
			c.PublicKey = pub
		}
		return c
	}
	// (a curve given by its parameters, which OpenSSL matches to the named curve they are)
	if k, e := parseCustomSPKI(spki); e == nil {
		pub = k
	} else if k, ok := parseExplicitEC(spki, "PUBLIC KEY"); ok {
		pub = k
	}
	if pub != nil {
		p := elliptic.P256().Params()
		standIn, e := x509.MarshalPKIXPublicKey(&ecdsa.PublicKey{Curve: elliptic.P256(), X: p.Gx, Y: p.Gy})
		if e != nil {
			return nil, err
		}
		tbs[off+5] = asn1.RawValue{FullBytes: standIn}
		if c := try(); c != nil {
			return c, nil
		}
	}
	emptyName := asn1.RawValue{FullBytes: []byte{0x30, 0}}
	tbs[off+2], tbs[off+4] = emptyName, emptyName
	if c := try(); c != nil {
		return c, nil
	}
	// (a negative serial number, which Go refuses and OpenSSL reads)
	serial := new(big.Int)
	if _, e := asn1.Unmarshal(tbs[off].FullBytes, &serial); e != nil || serial.Sign() >= 0 {
		return nil, err
	}
	tbs[off] = asn1.RawValue{FullBytes: []byte{asn1.TagInteger, 1, 1}}
	if c := try(); c != nil {
		c.SerialNumber = serial
		return c, nil
	}
	return nil, err
}
