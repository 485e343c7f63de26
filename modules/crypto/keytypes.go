package crypto

import (
	"crypto"
	"crypto/dsa" //nolint:staticcheck // node still has DSA keys
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"math/big"

	"github.com/cloudflare/circl/dh/x448"
	"github.com/cloudflare/circl/sign/ed448"
	"github.com/gojs-dev/gojs/modules"
)

// The key types Go's crypto/x509 does not read or write: RSA-PSS (RFC 4055), DSA, finite-field
// DH (PKCS #3), Ed448 and X448 (RFC 8410; circl does the curve work). Their SPKI and PKCS#8
// encodings are those OpenSSL writes.

var (
	oidRSAPSS = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 10}
	oidMGF1   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 8}
	oidDSA    = asn1.ObjectIdentifier{1, 2, 840, 10040, 4, 1}
	oidDH     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 3, 1}
	oidX448   = asn1.ObjectIdentifier{1, 3, 101, 111}
	oidEd448  = asn1.ObjectIdentifier{1, 3, 101, 113}
)

// pssHashOIDs are the digests an RSASSA-PSS-params may name, by node's names.
var pssHashOIDs = []struct {
	name string
	oid  asn1.ObjectIdentifier
}{
	{"sha1", asn1.ObjectIdentifier{1, 3, 14, 3, 2, 26}},
	{"sha224", asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 4}},
	{"sha256", asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}},
	{"sha384", asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 2}},
	{"sha512", asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 3}},
	{"sha512-224", asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 5}},
	{"sha512-256", asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 6}},
	{"sha3-224", asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 7}},
	{"sha3-256", asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 8}},
	{"sha3-384", asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 9}},
	{"sha3-512", asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 10}},
}

func pssHashOID(name string) asn1.ObjectIdentifier {
	for _, h := range pssHashOIDs {
		if h.name == name {
			return h.oid
		}
	}
	return nil
}

func pssHashName(oid asn1.ObjectIdentifier) string {
	for _, h := range pssHashOIDs {
		if h.oid.Equal(oid) {
			return h.name
		}
	}
	return ""
}

// pssParams are an RSA-PSS key's restrictions (node's hashAlgorithm, mgf1HashAlgorithm and
// saltLength); a PSS key without them is keyObj.pss == &pssParams{} with none set.
type pssParams struct {
	hash, mgf1 string // "" when the key has no parameters
	salt       int
}

func (p *pssParams) restricted() bool { return p != nil && p.hash != "" }

// encodable reports that the parameters' digests have the identifiers RSASSA-PSS-params name;
// OpenSSL keeps a key made with another digest (blake2b512, sm3, shake256...) but reports its
// digests as SHA-1, signs nothing with it and cannot write it out.
func (p *pssParams) encodable() bool {
	return !p.restricted() || (pssHashOID(p.hash) != nil && pssHashOID(p.mgf1) != nil)
}

// hashName is how a key's details name one of its digests.
func (p *pssParams) hashName(h string) string {
	if pssHashOID(h) == nil {
		return "sha1"
	}
	return h
}

type dhPrivateKey struct{ p, g, x, y *big.Int }
type dhPublicKey struct{ p, g, y *big.Int }
type x448PrivateKey struct{ d, pub x448.Key }
type x448PublicKey struct{ k x448.Key }

type keyAlgID struct {
	Algorithm asn1.ObjectIdentifier
	Params    asn1.RawValue `asn1:"optional"`
}

type spkiDER struct {
	Alg keyAlgID
	Key asn1.BitString
}

type pkcs8DER struct {
	Version int
	Alg     keyAlgID
	Key     []byte
	Attrs   asn1.RawValue  `asn1:"optional,tag:0"`
	Pub     asn1.BitString `asn1:"optional,tag:1"`
}

type hashAlg struct {
	Algorithm asn1.ObjectIdentifier
	Params    asn1.RawValue `asn1:"optional"`
}

type mgfAlg struct {
	Algorithm asn1.ObjectIdentifier
	Hash      hashAlg
}

type pssParamsDER struct {
	Hash    hashAlg `asn1:"optional,explicit,tag:0"`
	MGF     mgfAlg  `asn1:"optional,explicit,tag:1"`
	Salt    int     `asn1:"optional,explicit,tag:2,default:20"`
	Trailer int     `asn1:"optional,explicit,tag:3,default:1"`
}

type dsaParamsDER struct{ P, Q, G *big.Int }

type dhParamsDER struct {
	P, G *big.Int
	L    int `asn1:"optional"`
}

var asn1Null = asn1.RawValue{Tag: asn1.TagNull}

func parsePSSParams(raw asn1.RawValue) (*pssParams, error) {
	if len(raw.FullBytes) == 0 || raw.Tag == asn1.TagNull {
		return &pssParams{}, nil
	}
	var d pssParamsDER
	if rest, err := asn1.Unmarshal(raw.FullBytes, &d); err != nil || len(rest) > 0 {
		return nil, errUnsupportedKey.Get()
	}
	p := &pssParams{hash: "sha1", mgf1: "sha1", salt: d.Salt}
	if d.Hash.Algorithm != nil {
		if p.hash = pssHashName(d.Hash.Algorithm); p.hash == "" {
			return nil, errUnsupportedKey.Get()
		}
	}
	if d.MGF.Algorithm != nil {
		if !d.MGF.Algorithm.Equal(oidMGF1) {
			return nil, errUnsupportedKey.Get()
		}
		if p.mgf1 = pssHashName(d.MGF.Hash.Algorithm); p.mgf1 == "" {
			return nil, errUnsupportedKey.Get()
		}
	}
	return p, nil
}

// pssParamsBytes encodes p as OpenSSL does: fields at their default left out.
func pssParamsBytes(p *pssParams) asn1.RawValue {
	if !p.restricted() {
		return asn1.RawValue{}
	}
	var d pssParamsDER
	if p.hash != "sha1" {
		d.Hash = hashAlg{pssHashOID(p.hash), asn1Null}
	}
	if p.mgf1 != "sha1" {
		d.MGF = mgfAlg{oidMGF1, hashAlg{pssHashOID(p.mgf1), asn1Null}}
	}
	d.Salt, d.Trailer = p.salt, 1
	b, _ := asn1.Marshal(d)
	return asn1.RawValue{FullBytes: b}
}

// parseOtherSPKI reads a SubjectPublicKeyInfo of the key types here; ok is false for others.
func parseOtherSPKI(der []byte) (k *keyObj, ok bool, err error) {
	var s spkiDER
	if rest, e := asn1.Unmarshal(der, &s); e != nil || len(rest) > 0 {
		return nil, false, nil
	}
	bits := s.Key.RightAlign()
	alg := s.Alg
	switch {
	case alg.Algorithm.Equal(oidRSAPSS):
		p, err := parsePSSParams(alg.Params)
		if err != nil {
			return nil, true, err
		}
		pub, err := x509.ParsePKCS1PublicKey(bits)
		if err != nil {
			return nil, true, errUnsupportedKey.Get()
		}
		return &keyObj{typ: "public", key: pub, pss: p}, true, nil
	case alg.Algorithm.Equal(oidDSA):
		var d dsaParamsDER
		y, ok := ffcKey(alg, bits, &d)
		if !ok {
			return nil, true, errUnsupportedKey.Get()
		}
		return &keyObj{typ: "public", key: &dsa.PublicKey{Parameters: dsa.Parameters{P: d.P, Q: d.Q, G: d.G}, Y: y}}, true, nil
	case alg.Algorithm.Equal(oidDH):
		var d dhParamsDER
		y, ok := ffcKey(alg, bits, &d)
		if !ok {
			return nil, true, errUnsupportedKey.Get()
		}
		return &keyObj{typ: "public", key: &dhPublicKey{p: d.P, g: d.G, y: y}}, true, nil
	case alg.Algorithm.Equal(oidEd448):
		if len(bits) != ed448.PublicKeySize {
			return nil, true, errUnsupportedKey.Get()
		}
		return &keyObj{typ: "public", key: ed448.PublicKey(append([]byte(nil), bits...))}, true, nil
	case alg.Algorithm.Equal(oidX448):
		if len(bits) != x448.Size {
			return nil, true, errUnsupportedKey.Get()
		}
		var pk x448PublicKey
		copy(pk.k[:], bits)
		return &keyObj{typ: "public", key: &pk}, true, nil
	}
	return nil, false, nil
}

// ffcKey reads a DSA or DH key's domain parameters (into params) and its number (y or x).
func ffcKey(alg keyAlgID, key []byte, params any) (*big.Int, bool) {
	var v *big.Int
	if _, e := asn1.Unmarshal(alg.Params.FullBytes, params); e != nil {
		return nil, false
	}
	if _, e := asn1.Unmarshal(key, &v); e != nil || v.Sign() <= 0 {
		return nil, false
	}
	return v, true
}

// parseOtherPKCS8 reads a PKCS#8 PrivateKeyInfo of the key types here; ok is false for others.
func parseOtherPKCS8(der []byte) (k *keyObj, ok bool, err error) {
	var s pkcs8DER
	if rest, e := asn1.Unmarshal(der, &s); e != nil || len(rest) > 0 {
		return nil, false, nil
	}
	bad := errUnsupportedKey.Get()
	alg := s.Alg
	switch {
	case alg.Algorithm.Equal(oidRSAPSS):
		p, err := parsePSSParams(alg.Params)
		if err != nil {
			return nil, true, err
		}
		priv, err := x509.ParsePKCS1PrivateKey(s.Key)
		if err != nil {
			return nil, true, bad
		}
		return &keyObj{typ: "private", key: priv, pss: p}, true, nil
	case alg.Algorithm.Equal(oidDSA):
		var d dsaParamsDER
		x, ok := ffcKey(alg, s.Key, &d)
		if !ok {
			return nil, true, bad
		}
		y := new(big.Int).Exp(d.G, x, d.P)
		return &keyObj{typ: "private", key: &dsa.PrivateKey{PublicKey: dsa.PublicKey{Parameters: dsa.Parameters{P: d.P, Q: d.Q, G: d.G}, Y: y}, X: x}}, true, nil
	case alg.Algorithm.Equal(oidDH):
		var d dhParamsDER
		x, ok := ffcKey(alg, s.Key, &d)
		if !ok {
			return nil, true, bad
		}
		return &keyObj{typ: "private", key: &dhPrivateKey{p: d.P, g: d.G, x: x, y: new(big.Int).Exp(d.G, x, d.P)}}, true, nil
	case alg.Algorithm.Equal(oidEd448):
		var seed []byte
		if _, e := asn1.Unmarshal(s.Key, &seed); e != nil || len(seed) != ed448.SeedSize {
			return nil, true, bad
		}
		return &keyObj{typ: "private", key: ed448.NewKeyFromSeed(seed)}, true, nil
	case alg.Algorithm.Equal(oidX448):
		var d []byte
		if _, e := asn1.Unmarshal(s.Key, &d); e != nil || len(d) != x448.Size {
			return nil, true, bad
		}
		return &keyObj{typ: "private", key: newX448Private(d)}, true, nil
	}
	return nil, false, nil
}

// parseDSAPrivate reads OpenSSL's traditional "DSA PRIVATE KEY": version, p, q, g, y, x.
func parseDSAPrivate(der []byte) (*dsa.PrivateKey, error) {
	var k struct {
		Version       int
		P, Q, G, Y, X *big.Int
	}
	if rest, err := asn1.Unmarshal(der, &k); err != nil || len(rest) > 0 || k.Version != 0 {
		return nil, errUnsupportedKey.Get()
	}
	return &dsa.PrivateKey{PublicKey: dsa.PublicKey{Parameters: dsa.Parameters{P: k.P, Q: k.Q, G: k.G}, Y: k.Y}, X: k.X}, nil
}

func newX448Private(d []byte) *x448PrivateKey {
	var k x448PrivateKey
	copy(k.d[:], d)
	x448.KeyGen(&k.pub, &k.d)
	return &k
}

func intBytes(x *big.Int) []byte {
	b, _ := asn1.Marshal(x)
	return b
}

func octets(b []byte) []byte {
	out, _ := asn1.Marshal(b)
	return out
}

func rawParams(v any) asn1.RawValue {
	b, _ := asn1.Marshal(v)
	return asn1.RawValue{FullBytes: b}
}

// marshalOther writes a key of the types here as SPKI (public) or PKCS#8 (private); ok is false
// for the other key types.
func marshalOther(k *keyObj, private bool) (der []byte, ok bool, err error) {
	var alg keyAlgID
	var pub, priv []byte
	switch x := k.key.(type) {
	case *rsa.PrivateKey:
		if k.pss == nil {
			return nil, false, nil
		}
		if !k.pss.encodable() {
			return nil, true, plainError("Failed to encode private key")
		}
		alg = keyAlgID{oidRSAPSS, pssParamsBytes(k.pss)}
		pub, priv = x509.MarshalPKCS1PublicKey(&x.PublicKey), x509.MarshalPKCS1PrivateKey(x)
	case *rsa.PublicKey:
		if k.pss == nil {
			return nil, false, nil
		}
		if !k.pss.encodable() {
			return nil, true, plainError("Failed to encode public key")
		}
		alg = keyAlgID{oidRSAPSS, pssParamsBytes(k.pss)}
		pub = x509.MarshalPKCS1PublicKey(x)
	case *dsa.PrivateKey:
		alg = keyAlgID{oidDSA, rawParams(dsaParamsDER{x.P, x.Q, x.G})}
		pub, priv = intBytes(x.Y), intBytes(x.X)
	case *dsa.PublicKey:
		alg = keyAlgID{oidDSA, rawParams(dsaParamsDER{x.P, x.Q, x.G})}
		pub = intBytes(x.Y)
	case *dhPrivateKey:
		alg = keyAlgID{oidDH, rawParams(dhParamsDER{P: x.p, G: x.g})}
		pub, priv = intBytes(x.y), intBytes(x.x)
	case *dhPublicKey:
		alg = keyAlgID{oidDH, rawParams(dhParamsDER{P: x.p, G: x.g})}
		pub = intBytes(x.y)
	case ed448.PrivateKey:
		alg = keyAlgID{Algorithm: oidEd448}
		pub, priv = x.Public().(ed448.PublicKey), octets(x.Seed())
	case ed448.PublicKey:
		alg = keyAlgID{Algorithm: oidEd448}
		pub = x
	case *x448PrivateKey:
		alg = keyAlgID{Algorithm: oidX448}
		pub, priv = x.pub[:], octets(x.d[:])
	case *x448PublicKey:
		alg = keyAlgID{Algorithm: oidX448}
		pub = x.k[:]
	default:
		return nil, false, nil
	}
	if private {
		if priv == nil {
			return nil, true, errors.New("not a private key")
		}
		der, err = asn1.Marshal(pkcs8DER{Alg: alg, Key: priv})
		return der, true, err
	}
	der, err = asn1.Marshal(spkiDER{Alg: alg, Key: asn1.BitString{Bytes: pub, BitLength: 8 * len(pub)}})
	return der, true, err
}

// otherPublic is the public half of the private keys here (nil for other types).
func otherPublic(key any) any {
	switch x := key.(type) {
	case *dsa.PrivateKey:
		return &x.PublicKey
	case *dhPrivateKey:
		return &dhPublicKey{p: x.p, g: x.g, y: x.y}
	case ed448.PrivateKey:
		return x.Public()
	case *x448PrivateKey:
		return &x448PublicKey{k: x.pub}
	}
	return nil
}

func otherAsymType(key any) string {
	switch key.(type) {
	case *dsa.PrivateKey, *dsa.PublicKey:
		return "dsa"
	case *dhPrivateKey, *dhPublicKey:
		return "dh"
	case ed448.PrivateKey, ed448.PublicKey:
		return "ed448"
	case *x448PrivateKey, *x448PublicKey:
		return "x448"
	}
	return ""
}

// generateDSA makes DSA parameters with an L-bit p and an N-bit q as FIPS 186-4 A.1.1 shapes
// them (any sizes, as OpenSSL takes them), then a key.
func generateDSA(L, N int) (*dsa.PrivateKey, error) {
	// As node 20's OpenSSL: under 512 bits, or with a q size other than 160, 224 or 256 bits,
	// the job fails with no reason; under 961 bits (fewer than 80 bits of security, as OpenSSL
	// counts them) the parameters are refused.
	if L < 512 || N != 160 && N != 224 && N != 256 {
		return nil, plainError("Key generation job failed")
	}
	if L < 961 {
		return nil, plainError("error:05000072:dsa routines::bad ffc parameters")
	}
	if L < 2048 { // (OpenSSL's FIPS 186-2 generation, used below 2048 bits, rounds p up to 64 bits)
		L = (L + 63) / 64 * 64
	}
	if N >= L || (N != 160 && N != 224 && N != 256) {
		return nil, plainError("Key generation job failed")
	}
	one := big.NewInt(1)
	for {
		q, err := rand.Prime(rand.Reader, N)
		if err != nil {
			return nil, err
		}
		q2 := new(big.Int).Lsh(q, 1)
		buf := make([]byte, (L+7)/8)
		for i := 0; i < 4*L; i++ {
			if _, err := rand.Read(buf); err != nil {
				return nil, err
			}
			X := new(big.Int).SetBytes(buf)
			X.SetBit(X, L-1, 1)
			for b := len(buf)*8 - 1; b >= L; b-- {
				X.SetBit(X, b, 0)
			}
			c := new(big.Int).Mod(X, q2)
			p := X.Sub(X, c).Add(X, one)
			if p.BitLen() != L || !p.ProbablyPrime(20) {
				continue
			}
			e := new(big.Int).Div(new(big.Int).Sub(p, one), q)
			g := new(big.Int)
			for h := int64(2); ; h++ {
				g.Exp(big.NewInt(h), e, p)
				if g.Cmp(one) != 0 {
					break
				}
			}
			k := &dsa.PrivateKey{PublicKey: dsa.PublicKey{Parameters: dsa.Parameters{P: p, Q: q, G: g}}}
			if err := dsa.GenerateKey(k, rand.Reader); err != nil {
				return nil, err
			}
			return k, nil
		}
	}
}

// dhGroupKeyBits are the private-value sizes OpenSSL gives the RFC 3526 groups it knows
// (modp1 and modp2 it does not: their keys are drawn as for any prime).
var dhGroupKeyBits = map[string]int{"modp5": 200, "modp14": 225, "modp15": 275, "modp16": 325, "modp17": 375, "modp18": 400}

// dhKnownGroupBits is the private-value size OpenSSL gives a key over prime p with generator
// g: it knows an RFC 3526 group by its prime and generator 2 however the prime was given
// (getDiffieHellman('modp14'), createDiffieHellman(thatPrime), generateKeyPair's prime
// option), and 0 (a value of len(p)-2 bits) for any other.
func dhKnownGroupBits(p, g *big.Int) int {
	if g.Cmp(big.NewInt(2)) != 0 || p.BitLen() < 1536 {
		return 0
	}
	hex := p.Text(16)
	for name, n := range dhGroupKeyBits {
		if modpPrimes.Get()[name] == hex {
			return n
		}
	}
	return 0
}

// generateDH makes a DH key over prime p with generator g. As OpenSSL: over a known group the
// private value is a random number of up to n bits; over any other prime it has exactly
// len(p)-2 bits (its top bit set: node 20's OpenSSL draws 766 bits over a 768-bit prime).
func generateDH(p, g *big.Int, n int) (*dhPrivateKey, error) {
	if p.BitLen() < 3 {
		return nil, osslError("05000065", "dh routines", "modulus too small")
	}
	var x *big.Int
	var err error
	if n > 0 {
		for x == nil || x.Sign() == 0 {
			if x, err = rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), uint(n))); err != nil {
				return nil, err
			}
		}
	} else {
		l := p.BitLen() - 2
		if x, err = rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), uint(l-1))); err != nil {
			return nil, err
		}
		x.SetBit(x, l-1, 1)
	}
	return &dhPrivateKey{p: p, g: g, x: x, y: new(big.Int).Exp(g, x, p)}, nil
}

// dsaSign signs a digest with DSA, truncated to q's length as OpenSSL does.
func dsaSign(k *dsa.PrivateKey, digest []byte, p1363 bool) ([]byte, error) {
	n := (k.Q.BitLen() + 7) / 8
	if len(digest) > n {
		digest = digest[:n]
	}
	r, s, err := dsa.Sign(rand.Reader, k, digest)
	if err != nil {
		return nil, err
	}
	if p1363 {
		return append(padTo(r.Bytes(), n), padTo(s.Bytes(), n)...), nil
	}
	return asn1.Marshal(struct{ R, S *big.Int }{r, s})
}

func dsaVerify(k *dsa.PublicKey, digest, sig []byte, p1363 bool) bool {
	n := (k.Q.BitLen() + 7) / 8
	if len(digest) > n {
		digest = digest[:n]
	}
	var r, s *big.Int
	if p1363 {
		if len(sig) != 2*n {
			return false
		}
		r, s = new(big.Int).SetBytes(sig[:n]), new(big.Int).SetBytes(sig[n:])
	} else {
		var rs struct{ R, S *big.Int }
		if rest, err := asn1.Unmarshal(sig, &rs); err != nil || len(rest) > 0 {
			return false
		}
		r, s = rs.R, rs.S
	}
	return dsa.Verify(k, digest, r, s)
}

// checkSaltLen checks a signature's salt length (and an RSA-PSS key's restrictions) as OpenSSL
// does and gives the length to use: a restricted RSA-PSS key signs only with its digest, with a
// salt at least as long as its own (its own when none is given) and verifies no salt length of
// "auto"; any key refuses a length below RSA_PSS_SALTLEN_MAX.
func checkSaltLen(k *keyObj, ch crypto.Hash, alg string, o *signOpts, verify bool) error {
	if k.pss != nil {
		if !k.pss.encodable() {
			return osslError("1C80007A", "Provider routines", "invalid digest")
		}
		if o.padding == 1 {
			return osslError("1C8000A5", "Provider routines", "illegal or unsupported padding mode")
		}
		o.padding = 6
	}
	if o.saltLen == saltUnset {
		o.saltLen = saltAuto
		if k.pss.restricted() {
			o.saltLen = k.pss.salt
		}
	} else if o.saltLen < saltMax && (o.padding == 6 || k.pss != nil) {
		return osslError("1C800070", "Provider routines", "invalid salt length")
	}
	if !k.pss.restricted() {
		return nil
	}
	if canonicalHash(alg) != k.pss.hash {
		return osslError("1C8000AE", "Provider routines", "digest not allowed")
	}
	// (OpenSSL's check of the key's own salt length, when the operation starts)
	if pub, ok := k.public().(*rsa.PublicKey); ok && k.pss.salt > (pub.N.BitLen()+6)/8-ch.Size()-2 {
		return osslError("1C800070", "Provider routines", "invalid salt length")
	}
	tooSmall := func() error { return osslError("1C8000AC", "Provider routines", "pss saltlen too small") }
	switch {
	case o.saltLen == saltAuto && verify:
		return osslError("1C800070", "Provider routines", "invalid salt length")
	case o.saltLen == saltDigest && ch.Size() < k.pss.salt:
		return tooSmall()
	case o.saltLen >= 0 && o.saltLen < k.pss.salt:
		return tooSmall()
	}
	return nil
}

// dhShared is y^x mod p, left-padded to the prime's size.
func dhShared(priv *dhPrivateKey, pub *dhPublicKey) ([]byte, error) {
	if priv.p.Cmp(pub.p) != 0 || priv.g.Cmp(pub.g) != 0 {
		return nil, osslError("1C8000CB", "Provider routines", "mismatching domain parameters")
	}
	pm1 := new(big.Int).Sub(pub.p, big.NewInt(1))
	if pub.y.Cmp(big.NewInt(1)) <= 0 || pub.y.Cmp(pm1) >= 0 {
		return nil, osslError("02800066", "Diffie-Hellman routines", "invalid public key")
	}
	s := new(big.Int).Exp(pub.y, priv.x, priv.p)
	return padTo(s.Bytes(), (priv.p.BitLen()+7)/8), nil
}

var errNotPrivate = modules.Lazy[*modules.Error]{Build: func() *modules.Error {
	return osslError("03000096", "digital envelope routines", "operation not supported for this keytype")
}}
