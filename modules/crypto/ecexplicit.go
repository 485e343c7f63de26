package crypto

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"encoding/asn1"
	"encoding/hex"
	"math/big"

	"github.com/gojs-dev/gojs/modules"
)

// Explicit EC parameters (paramEncoding: 'explicit', SEC 1 C.2 / X9.62 ECParameters): the
// curve written out in a key's algorithm parameters instead of its OID, as OpenSSL writes them
// (with the curve's seed when it has one), and read back by matching a known curve.

type curveSeed struct {
	seed string
	h    int64
}

// curveSeeds holds each curve's X9.62 seed (hex, "" for none) and cofactor, as OpenSSL has them,
// built on first use.
var curveSeeds = modules.Lazy[map[string]curveSeed]{Build: func() map[string]curveSeed {
	return map[string]curveSeed{
		"Oakley-EC2N-3":           {"", 3},
		"Oakley-EC2N-4":           {"", 2},
		"SM2":                     {"", 1},
		"brainpoolP160r1":         {"", 1},
		"brainpoolP160t1":         {"", 1},
		"brainpoolP192r1":         {"", 1},
		"brainpoolP192t1":         {"", 1},
		"brainpoolP224r1":         {"", 1},
		"brainpoolP224t1":         {"", 1},
		"brainpoolP256r1":         {"", 1},
		"brainpoolP256t1":         {"", 1},
		"brainpoolP320r1":         {"", 1},
		"brainpoolP320t1":         {"", 1},
		"brainpoolP384r1":         {"", 1},
		"brainpoolP384t1":         {"", 1},
		"brainpoolP512r1":         {"", 1},
		"brainpoolP512t1":         {"", 1},
		"c2pnb163v1":              {"d2c0fb15760860def1eef4d696e6768756151754", 2},
		"c2pnb163v2":              {"53814c050d44d696e67687561517580ca4e29ffd", 2},
		"c2pnb163v3":              {"50cbf1d95ca94d696e676875615175f16a36a3b8", 2},
		"c2pnb176v1":              {"", 65390},
		"c2pnb208w1":              {"", 65096},
		"c2pnb272w1":              {"", 65286},
		"c2pnb304w1":              {"", 65070},
		"c2pnb368w1":              {"", 65392},
		"c2tnb191v1":              {"4e13ca542744d696e67687561517552f279a8c84", 2},
		"c2tnb191v2":              {"0871ef2fef24d696e6768756151758bee0d95c15", 4},
		"c2tnb191v3":              {"e053512dc684d696e676875615175067ae786d1f", 6},
		"c2tnb239v1":              {"d34b9a4d696e676875615175ca71b920bfefb05d", 4},
		"c2tnb239v2":              {"2aa6982fdfa4d696e676875615175d266727277d", 6},
		"c2tnb239v3":              {"9e076f4d696e676875615175e11e9fdd77f92041", 10},
		"c2tnb359v1":              {"2b354920b724d696e67687561517585ba1332dc6", 76},
		"c2tnb431r1":              {"", 10080},
		"prime192v1":              {"3045ae6fc8422f64ed579528d38120eae12196d5", 1},
		"prime192v2":              {"31a92ee2029fd10d901b113e990710f0d21ac6b6", 1},
		"prime192v3":              {"c469684435deb378c4b65ca9591e2a5763059a2e", 1},
		"prime239v1":              {"e43bb460f0b80cc0c0b075798e948060f8321b7d", 1},
		"prime239v2":              {"e8b4011604095303ca3b8099982be09fcb9ae616", 1},
		"prime239v3":              {"7d7374168ffe3471b60a857686a19475d3bfa2ff", 1},
		"prime256v1":              {"c49d360886e704936a6678e1139d26b7819f7e90", 1},
		"secp112r1":               {"00f50b028e4d696e676875615175290472783fb1", 1},
		"secp112r2":               {"002757a1114d696e6768756151755316c05e0bd4", 4},
		"secp128r1":               {"000e0d4d696e6768756151750cc03a4473d03679", 1},
		"secp128r2":               {"004d696e67687561517512d8f03431fce63b88f4", 4},
		"secp160k1":               {"", 1},
		"secp160r1":               {"1053cde42c14d696e67687561517533bf3f83345", 1},
		"secp160r2":               {"b99b99b099b323e02709a4d696e6768756151751", 1},
		"secp192k1":               {"", 1},
		"secp224k1":               {"", 1},
		"secp224r1":               {"bd71344799d5c7fcdc45b59fa3b9ab8f6a948bc5", 1},
		"secp256k1":               {"", 1},
		"secp384r1":               {"a335926aa319a27a1d00896a6773a4827acdac73", 1},
		"secp521r1":               {"d09e8800291cb85396cc6717393284aaa0da64ba", 1},
		"sect113r1":               {"10e723ab14d696e6768756151756febf8fcb49a9", 2},
		"sect113r2":               {"10c0fb15760860def1eef4d696e676875615175d", 2},
		"sect131r1":               {"4d696e676875615175985bd3adbada21b43a97e2", 2},
		"sect131r2":               {"985bd3adbad4d696e676875615175a21b43a97e3", 2},
		"sect163k1":               {"", 2},
		"sect163r1":               {"", 2},
		"sect163r2":               {"", 2},
		"sect193r1":               {"103faec74d696e676875615175777fc5b191ef30", 2},
		"sect193r2":               {"10b7b4d696e676875615175137c8a16fd0da2211", 2},
		"sect233k1":               {"", 4},
		"sect233r1":               {"74d59ff07f6b413d0ea14b344b20a2db049b50c3", 2},
		"sect239k1":               {"", 4},
		"sect283k1":               {"", 4},
		"sect283r1":               {"77e2b07370eb0f832a6dd5b62dfc88cd06bb84be", 2},
		"sect409k1":               {"", 4},
		"sect409r1":               {"4099b5a457f9d69f79213d094c4bcd4d4262210b", 2},
		"sect571k1":               {"", 4},
		"sect571r1":               {"2aa058f73a0e33ab486b0f610410c53a7f132310", 2},
		"wap-wsg-idm-ecid-wtls1":  {"", 2},
		"wap-wsg-idm-ecid-wtls10": {"", 4},
		"wap-wsg-idm-ecid-wtls11": {"74d59ff07f6b413d0ea14b344b20a2db049b50c3", 2},
		"wap-wsg-idm-ecid-wtls12": {"", 1},
		"wap-wsg-idm-ecid-wtls3":  {"", 2},
		"wap-wsg-idm-ecid-wtls4":  {"10e723ab14d696e6768756151756febf8fcb49a9", 2},
		"wap-wsg-idm-ecid-wtls5":  {"d2c0fb15760860def1eef4d696e6768756151754", 2},
		"wap-wsg-idm-ecid-wtls6":  {"00f50b028e4d696e676875615175290472783fb1", 1},
		"wap-wsg-idm-ecid-wtls7":  {"b99b99b099b323e02709a4d696e6768756151751", 1},
		"wap-wsg-idm-ecid-wtls8":  {"", 1},
		"wap-wsg-idm-ecid-wtls9":  {"", 1},
	}
}}

var (
	oidPrimeField    = asn1.ObjectIdentifier{1, 2, 840, 10045, 1, 1}
	oidChar2Field    = asn1.ObjectIdentifier{1, 2, 840, 10045, 1, 2}
	oidTrinomialBase = asn1.ObjectIdentifier{1, 2, 840, 10045, 1, 2, 3, 2}
	oidPentaBase     = asn1.ObjectIdentifier{1, 2, 840, 10045, 1, 2, 3, 3}
)

type ecFieldID struct {
	Type   asn1.ObjectIdentifier
	Params asn1.RawValue
}

type ecCurveASN1 struct {
	A, B []byte
	Seed asn1.BitString `asn1:"optional"`
}

type ecParamsASN1 struct {
	Version  int
	Field    ecFieldID
	Curve    ecCurveASN1
	Base     []byte
	Order    *big.Int
	Cofactor *big.Int `asn1:"optional"`
}

type char2ASN1 struct {
	M     int
	Basis asn1.ObjectIdentifier
	Param asn1.RawValue
}

// curveA is the curve's coefficient a as a field-size big-endian string.
func curveA(c elliptic.Curve, size int) []byte {
	switch k := c.(type) {
	case *gf2Curve:
		return k.f.toBig(&k.a).FillBytes(make([]byte, size))
	case *k256Curve:
		if k.a == nil {
			return make([]byte, size)
		}
		return k.a.FillBytes(make([]byte, size))
	}
	p := c.Params().P // Go's NIST curves: a = -3
	return new(big.Int).Sub(p, big.NewInt(3)).FillBytes(make([]byte, size))
}

// explicitParams is the ECParameters DER of c.
func explicitParams(c elliptic.Curve) ([]byte, error) {
	p := c.Params()
	var field ecFieldID
	var size int
	if g, ok := c.(*gf2Curve); ok {
		size = (g.f.m + 7) / 8
		ks := g.f.terms[:len(g.f.terms)-1] // descending, without the constant term
		var basis asn1.ObjectIdentifier
		var param []byte
		var err error
		if len(ks) == 1 {
			basis = oidTrinomialBase
			param, err = asn1.Marshal(ks[0])
		} else {
			basis = oidPentaBase
			param, err = asn1.Marshal(struct{ K1, K2, K3 int }{ks[2], ks[1], ks[0]})
		}
		if err != nil {
			return nil, err
		}
		inner, err := asn1.Marshal(char2ASN1{M: g.f.m, Basis: basis, Param: asn1.RawValue{FullBytes: param}})
		if err != nil {
			return nil, err
		}
		field = ecFieldID{Type: oidChar2Field, Params: asn1.RawValue{FullBytes: inner}}
	} else {
		size = (p.P.BitLen() + 7) / 8
		pr, err := asn1.Marshal(p.P)
		if err != nil {
			return nil, err
		}
		field = ecFieldID{Type: oidPrimeField, Params: asn1.RawValue{FullBytes: pr}}
	}
	info := curveSeeds.Get()[nodeCurveName(c)]
	seed, _ := hex.DecodeString(info.seed)
	base := make([]byte, 1+2*size)
	base[0] = 4
	p.Gx.FillBytes(base[1 : 1+size])
	p.Gy.FillBytes(base[1+size:])
	h := info.h
	if h == 0 {
		h = 1
	}
	curve := ecCurveASN1{A: curveA(c, size), B: p.B.FillBytes(make([]byte, size))}
	if len(seed) > 0 {
		curve.Seed = asn1.BitString{Bytes: seed, BitLength: 8 * len(seed)}
	}
	return asn1.Marshal(ecParamsASN1{Version: 1, Field: field, Curve: curve, Base: base, Order: p.N, Cofactor: big.NewInt(h)})
}

// allCurves lists every curve getCurves names, in getCurves' order.
func allCurves() []elliptic.Curve {
	curvesOnce.Do(loadCurves)
	var out []elliptic.Curve
	for _, n := range allCurveNames() {
		if c := curveByName(n.(string)); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// curveOfParams matches explicit ECParameters DER to a known curve (nil: none).
func curveOfParams(der []byte) elliptic.Curve {
	var e ecParamsASN1
	if rest, err := asn1.Unmarshal(der, &e); err != nil || len(rest) > 0 || len(e.Base) == 0 {
		return nil
	}
	for _, c := range allCurves() {
		p := c.Params()
		if p.N.Cmp(e.Order) != 0 || new(big.Int).SetBytes(e.Curve.B).Cmp(p.B) != 0 {
			continue
		}
		x, _ := elliptic.Unmarshal(c, uncompressPoint(c, e.Base)) //nolint:staticcheck
		if x != nil && x.Cmp(p.Gx) == 0 {
			return c
		}
	}
	return nil
}

type spkiRaw struct {
	Algorithm struct {
		Algorithm  asn1.ObjectIdentifier
		Parameters asn1.RawValue
	}
	PublicKey asn1.BitString
}

type pkcs8Raw struct {
	Version   int
	Algorithm struct {
		Algorithm  asn1.ObjectIdentifier
		Parameters asn1.RawValue
	}
	PrivateKey []byte
}

type sec1Raw struct {
	Version    int
	PrivateKey []byte
	Params     asn1.RawValue  `asn1:"optional,explicit,tag:0"`
	PublicKey  asn1.BitString `asn1:"optional,explicit,tag:1"`
}

// parseExplicitEC reads an EC key of the given PEM label whose curve is given explicitly.
func parseExplicitEC(der []byte, label string) (any, bool) {
	switch label {
	case "PUBLIC KEY":
		var s spkiRaw
		if rest, err := asn1.Unmarshal(der, &s); err != nil || len(rest) > 0 || !s.Algorithm.Algorithm.Equal(oidECPublicKey) || s.Algorithm.Parameters.Tag != asn1.TagSequence {
			return nil, false
		}
		c := curveOfParams(s.Algorithm.Parameters.FullBytes)
		if c == nil {
			return nil, false
		}
		x, y := elliptic.Unmarshal(c, uncompressPoint(c, s.PublicKey.Bytes)) //nolint:staticcheck
		if x == nil {
			return nil, false
		}
		return &ecdsa.PublicKey{Curve: c, X: x, Y: y}, true
	case "PRIVATE KEY":
		var p pkcs8Raw
		if rest, err := asn1.Unmarshal(der, &p); err != nil || len(rest) > 0 || !p.Algorithm.Algorithm.Equal(oidECPublicKey) || p.Algorithm.Parameters.Tag != asn1.TagSequence {
			return nil, false
		}
		c := curveOfParams(p.Algorithm.Parameters.FullBytes)
		if c == nil {
			return nil, false
		}
		return explicitSEC1(p.PrivateKey, c)
	case "EC PRIVATE KEY":
		var s sec1Raw
		// the [0] wrapper stays on the raw value: its contents are the ECParameters
		if rest, err := asn1.Unmarshal(der, &s); err != nil || len(rest) > 0 || s.Params.Class != asn1.ClassContextSpecific ||
			len(s.Params.Bytes) == 0 || s.Params.Bytes[0] != 0x30 {
			return nil, false
		}
		c := curveOfParams(s.Params.Bytes)
		if c == nil {
			return nil, false
		}
		return explicitSEC1(der, c)
	}
	return nil, false
}

func explicitSEC1(der []byte, c elliptic.Curve) (any, bool) {
	var s sec1Raw
	if rest, err := asn1.Unmarshal(der, &s); err != nil || len(rest) > 0 || s.Version != 1 {
		return nil, false
	}
	d := new(big.Int).SetBytes(s.PrivateKey)
	if d.Sign() == 0 || d.Cmp(c.Params().N) >= 0 {
		return nil, false
	}
	k := &ecdsa.PrivateKey{D: d}
	k.Curve = c
	k.X, k.Y = c.ScalarBaseMult(s.PrivateKey)
	return k, true
}

// exportExplicitEC writes an EC key as typ (spki, pkcs8, sec1) with explicit parameters.
func exportExplicitEC(k *keyObj, typ string) ([]byte, string, error) {
	var c elliptic.Curve
	switch x := k.key.(type) {
	case *ecdsa.PrivateKey:
		c = x.Curve
	case *ecdsa.PublicKey:
		c = x.Curve
	}
	params, err := explicitParams(c)
	if err != nil {
		return nil, "", err
	}
	alg := struct {
		Algorithm  asn1.ObjectIdentifier
		Parameters asn1.RawValue
	}{oidECPublicKey, asn1.RawValue{FullBytes: params}}
	switch typ {
	case "spki":
		pub, _ := k.public().(*ecdsa.PublicKey)
		pt := customPoint(pub)
		der, err := asn1.Marshal(spkiRaw{Algorithm: alg, PublicKey: asn1.BitString{Bytes: pt, BitLength: 8 * len(pt)}})
		return der, "PUBLIC KEY", err
	case "pkcs8", "sec1":
		priv, ok := k.key.(*ecdsa.PrivateKey)
		if !ok {
			break
		}
		size := (priv.Curve.Params().N.BitLen() + 7) / 8
		pt := customPoint(&priv.PublicKey)
		s := sec1Raw{Version: 1, PrivateKey: priv.D.FillBytes(make([]byte, size)), PublicKey: asn1.BitString{Bytes: pt, BitLength: 8 * len(pt)}}
		if typ == "sec1" {
			s.Params = asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: params}
			// the explicit tag wraps the parameters: marshal by hand
			der, err := asn1.Marshal(struct {
				Version    int
				PrivateKey []byte
				Params     asn1.RawValue
				PublicKey  asn1.BitString `asn1:"explicit,tag:1"`
			}{1, s.PrivateKey, s.Params, s.PublicKey})
			return der, "EC PRIVATE KEY", err
		}
		inner, err := asn1.Marshal(struct {
			Version    int
			PrivateKey []byte
			PublicKey  asn1.BitString `asn1:"explicit,tag:1"`
		}{1, s.PrivateKey, s.PublicKey})
		if err != nil {
			return nil, "", err
		}
		der, err := asn1.Marshal(pkcs8Raw{Algorithm: alg, PrivateKey: inner})
		return der, "PRIVATE KEY", err
	}
	return nil, "", errUnsupportedKey.Get()
}
