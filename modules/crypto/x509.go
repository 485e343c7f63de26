package crypto

import (
	"bytes"
	"crypto"
	"crypto/dsa" //nolint:staticcheck // DSA certificates
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/md5"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"math/big"
	"strings"

	"github.com/cloudflare/circl/sign/ed448"
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

type certState struct {
	dyn
	c    *x509.Certificate
	info *goja.Object // its fields (x509Info), made on first use
}

func fingerprint(h crypto.Hash, raw []byte) string {
	var sum []byte
	switch h {
	case crypto.SHA1:
		s := sha1.Sum(raw)
		sum = s[:]
	case crypto.SHA256:
		s := sha256.Sum256(raw)
		sum = s[:]
	case crypto.SHA512:
		s := sha512.Sum512(raw)
		sum = s[:]
	default:
		s := md5.Sum(raw)
		sum = s[:]
	}
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

func bindX509(h *modules.Host, b *modules.LazyFuncs) {
	vm := h.VM
	cert := func(v goja.Value, method string) *x509.Certificate {
		return modules.HandleOf[*certState](h, v, method).c
	}
	b.Set("x509Parse", func(data goja.Value) goja.Value {
		raw := bytesArg(vm, data, nil)
		in := raw
		fromPEM := false
		if der, perr := pemCertificate(raw); perr == nil {
			raw, fromPEM = der, true
		} else if len(raw) == 0 || raw[0] != 0x30 {
			h.Throw(perr)
		} else if st := derTrail(raw, []byte{0x30}); st != nil {
			// (DER that is no certificate's: node then reads the input as PEM, and says so,
			// after the DER attempt's errors)
			h.Throw(osslErrorStack("0480006C", "PEM routines", "no start line", st...))
		}
		c, err := parseCertificate(raw)
		if err != nil {
			// (a PEM body that is no certificate: the DER attempt on the whole input and PEM's
			// "ASN1 lib" come before the body's own errors)
			if fromPEM && len(raw) == 0 {
				h.Throw(osslErrorStack("068000A8", "asn1 encoding routines", "wrong tag",
					"error:0688010A:asn1 encoding routines::nested asn1 error"))
			}
			if d := certDERError(raw); d != nil && fromPEM {
				d.Props[0].Value = append(append(stackOf(derAttemptStack(in)), "error:0488000D:PEM routines::ASN1 lib"), d.Props[0].Value.([]any)...)
				h.Throw(d)
			}
			if d := asn1Diag(raw, "x509"); d != nil {
				h.Throw(d)
			}
			h.Throw(osslError("0680007B", "asn1 encoding routines", "header too long"))
		}
		return vm.NewDynamicObject(&certState{c: c})
	})
	// x509Info(cert) is the certificate's fields, one object made on the first call.
	b.Set("x509Info", func(v goja.Value) goja.Value {
		st := modules.HandleOf[*certState](h, v, "get")
		if st.info != nil {
			return st.info
		}
		c := st.c
		o := vm.NewObject()
		st.info = o
		o.Set("subject", formatName(c.RawSubject))
		o.Set("issuer", formatName(c.RawIssuer))
		if san, ok := subjectAltName(c); ok {
			o.Set("subjectAltName", san)
		}
		if ads, ok := infoAccess(c); ok {
			lines := make([]string, len(ads))
			for i, ad := range ads {
				lines[i] = ad.method + " - " + ad.location
			}
			o.Set("infoAccess", strings.Join(lines, "\n"))
		}
		const layout = "Jan _2 15:04:05 2006 GMT"
		o.Set("validFrom", c.NotBefore.UTC().Format(layout))
		o.Set("validTo", c.NotAfter.UTC().Format(layout))
		o.Set("fingerprint", fingerprint(crypto.SHA1, c.Raw))
		o.Set("fingerprint256", fingerprint(crypto.SHA256, c.Raw))
		o.Set("fingerprint512", fingerprint(crypto.SHA512, c.Raw))
		o.Set("serialNumber", serialHex(c.SerialNumber))
		o.Set("ca", c.BasicConstraintsValid && c.IsCA)
		var eku []any
		for _, ext := range c.Extensions {
			if ext.Id.Equal(asn1.ObjectIdentifier{2, 5, 29, 37}) {
				var oids []asn1.ObjectIdentifier
				if _, err := asn1.Unmarshal(ext.Value, &oids); err == nil {
					for _, id := range oids {
						eku = append(eku, id.String())
					}
				}
			}
		}
		if eku != nil {
			o.Set("keyUsage", vm.NewArray(eku...))
		}
		o.Set("raw", buffer.New(h, append([]byte(nil), c.Raw...)))
		o.Set("pem", string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})))
		o.Set("publicKey", vm.NewDynamicObject(certPublicKey(c)))
		return o
	})
	b.Set("x509Legacy", func(v goja.Value) goja.Value { return x509Legacy(h, cert(v, "toLegacy")) })
	// x509CheckName(cert, name, "host"|"email", flags) is checkHost/checkEmail: the matched
	// name from the certificate, or undefined.
	b.Set("x509CheckName", func(v goja.Value, name, kind string, flags int) goja.Value {
		m, bad := certCheckName(cert(v, "check"), name, kind, flags)
		if bad {
			h.Throw(modules.TypeError("ERR_INVALID_ARG_VALUE", "Invalid name"))
		}
		if m == "" {
			return goja.Undefined()
		}
		return vm.ToValue(m)
	})
	b.Set("x509CheckIP", func(v goja.Value, ip string) bool {
		ok, bad := certCheckIP(cert(v, "checkIP"), ip)
		if bad {
			h.Throw(modules.TypeError("ERR_INVALID_ARG_VALUE", "Invalid IP"))
		}
		return ok
	})
	b.Set("x509Verify", func(v goja.Value, kv goja.Value) bool {
		c := cert(v, "verify")
		switch pub := kv.Export().(*keyObj).public().(type) {
		case ed448.PublicKey:
			return ed448.Verify(pub, c.RawTBSCertificate, c.Signature, "")
		case *dsa.PublicKey:
			ch := map[x509.SignatureAlgorithm]crypto.Hash{x509.DSAWithSHA1: crypto.SHA1, x509.DSAWithSHA256: crypto.SHA256}[c.SignatureAlgorithm]
			if ch == 0 {
				return false
			}
			hh := ch.New()
			hh.Write(c.RawTBSCertificate)
			return dsaVerify(pub, hh.Sum(nil), c.Signature, false)
		case nil:
			return false
		case *rsa.PublicKey:
			if ok, handled := verifyCertPSS(c, pub); handled {
				return ok
			}
			parent := &x509.Certificate{PublicKey: pub}
			return parent.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil
		default:
			parent := &x509.Certificate{PublicKey: pub}
			return parent.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil
		}
	})
	b.Set("x509CheckIssued", func(v, other goja.Value) bool {
		return bytes.Equal(cert(v, "checkIssued").RawIssuer, cert(other, "checkIssued").RawSubject)
	})
	b.Set("x509CheckPrivateKey", func(v goja.Value, kv goja.Value) bool {
		k := kv.Export().(*keyObj)
		cp := certPublicKey(cert(v, "checkPrivateKey"))
		if k.pss != nil && cp.pss != nil {
			cp.pss = k.pss // the key material decides, not the PSS restrictions
		}
		return keysEqual(k.publicObj(), cp)
	})
}

type spkacData struct {
	PKAC struct {
		Raw       asn1.RawContent
		SPKI      asn1.RawValue
		Challenge string `asn1:"ia5"`
	}
	Alg pkix.AlgorithmIdentifier
	Sig asn1.BitString
}

func parseSPKAC(b []byte) (*spkacData, bool) {
	s := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, string(b))
	der, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, false
	}
	var d spkacData
	if _, err := asn1.Unmarshal(der, &d); err != nil {
		return nil, false
	}
	return &d, true
}

func bindSPKAC(h *modules.Host, b *modules.LazyFuncs) {
	vm := h.VM
	b.Set("spkacChallenge", func(data goja.Value) goja.Value {
		d, ok := parseSPKAC(bytesArg(vm, data, nil))
		if !ok {
			return buffer.New(h, nil)
		}
		return buffer.New(h, []byte(d.PKAC.Challenge))
	})
	b.Set("spkacPublicKey", func(data goja.Value) goja.Value {
		d, ok := parseSPKAC(bytesArg(vm, data, nil))
		if !ok {
			return buffer.New(h, nil)
		}
		return buffer.New(h, pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: d.PKAC.SPKI.FullBytes}))
	})
	b.Set("spkacVerify", func(data goja.Value) bool {
		d, ok := parseSPKAC(bytesArg(vm, data, nil))
		if !ok {
			return false
		}
		pub, err := x509.ParsePKIXPublicKey(d.PKAC.SPKI.FullBytes)
		if err != nil {
			return false
		}
		algs := map[string]x509.SignatureAlgorithm{
			"1.2.840.113549.1.1.4": x509.MD5WithRSA, "1.2.840.113549.1.1.5": x509.SHA1WithRSA,
			"1.2.840.113549.1.1.11": x509.SHA256WithRSA, "1.2.840.113549.1.1.12": x509.SHA384WithRSA,
			"1.2.840.113549.1.1.13": x509.SHA512WithRSA, "1.2.840.10045.4.3.2": x509.ECDSAWithSHA256,
			"1.2.840.10045.4.3.3": x509.ECDSAWithSHA384, "1.2.840.10045.4.3.4": x509.ECDSAWithSHA512,
		}
		alg, ok := algs[d.Alg.Algorithm.String()]
		if !ok {
			return false
		}
		parent := &x509.Certificate{PublicKey: pub}
		if alg == x509.MD5WithRSA {
			// crypto/x509 refuses MD5; check it by hand.
			rk, ok := pub.(*rsa.PublicKey)
			if !ok {
				return false
			}
			sum := md5.Sum(d.PKAC.Raw)
			return rsa.VerifyPKCS1v15(rk, crypto.MD5, sum[:], d.Sig.RightAlign()) == nil
		}
		return parent.CheckSignature(alg, d.PKAC.Raw, d.Sig.RightAlign()) == nil
	})
}

// serialHex is a serial number as node prints it (OpenSSL's BN_bn2hex): two upper-case digits
// per byte, "0" for zero, a minus sign before a negative one.
func serialHex(n *big.Int) string {
	b := n.Bytes()
	if len(b) == 0 {
		return "0"
	}
	s := strings.ToUpper(hex.EncodeToString(b))
	if n.Sign() < 0 {
		s = "-" + s
	}
	return s
}

// nistCurveNames maps OpenSSL's names of the curves FIPS 186 names to those (EC_curve_nid2nist).
var nistCurveNames = map[string]string{
	"prime192v1": "P-192", "secp224r1": "P-224", "prime256v1": "P-256", "secp384r1": "P-384",
	"secp521r1": "P-521", "sect163k1": "K-163", "sect163r2": "B-163", "sect233k1": "K-233",
	"sect233r1": "B-233", "sect283k1": "K-283", "sect283r1": "B-283", "sect409k1": "K-409",
	"sect409r1": "B-409", "sect571k1": "K-571", "sect571r1": "B-571",
}

// x509Legacy is node's legacy certificate object (tls getPeerCertificate, X509Certificate's
// toLegacyObject), its keys in node's order.
func x509Legacy(h *modules.Host, c *x509.Certificate) *goja.Object {
	vm := h.VM
	o := vm.NewObject()
	o.Set("subject", nameObject(vm, c.RawSubject))
	o.Set("issuer", nameObject(vm, c.RawIssuer))
	if san, ok := subjectAltName(c); ok {
		o.Set("subjectaltname", san)
	}
	if ads, ok := infoAccess(c); ok {
		// as node's translatePeerCertificate splits the printed form: "OCSP - URI" and the
		// like as keys (the part before the location's first colon), each with its values,
		// a quoted one unescaped
		ia := vm.NewObject()
		ia.SetPrototype(nil)
		var order []string
		vals := map[string][]any{}
		for _, ad := range ads {
			line := ad.method + " - " + ad.location
			i := strings.IndexByte(line, ':')
			if i < 0 {
				continue
			}
			k, v := line[:i], line[i+1:]
			if strings.HasPrefix(v, "\"") {
				var s string
				if json.Unmarshal([]byte(v), &s) == nil {
					v = s
				}
			}
			if _, seen := vals[k]; !seen {
				order = append(order, k)
			}
			vals[k] = append(vals[k], v)
		}
		for _, k := range order {
			ia.Set(k, vm.NewArray(vals[k]...))
		}
		o.Set("infoAccess", ia)
	}
	o.Set("ca", c.BasicConstraintsValid && c.IsCA)
	switch k := c.PublicKey.(type) {
	case *rsa.PublicKey:
		o.Set("modulus", strings.ToUpper(k.N.Text(16)))
		o.Set("bits", k.N.BitLen())
		o.Set("exponent", "0x"+big.NewInt(int64(k.E)).Text(16))
		if der, err := x509.MarshalPKIXPublicKey(k); err == nil {
			o.Set("pubkey", buffer.New(h, der))
		}
	case *ecdsa.PublicKey:
		o.Set("bits", k.Curve.Params().BitSize)
		if pt, err := k.Bytes(); err == nil {
			o.Set("pubkey", buffer.New(h, pt))
		} else if k.X != nil {
			o.Set("pubkey", buffer.New(h, elliptic.Marshal(k.Curve, k.X, k.Y))) //nolint:staticcheck // curves crypto/ecdh does not know
		}
		// (OpenSSL's name of the curve, and FIPS 186's where it has one)
		if n := nodeCurveName(k.Curve); n != "" {
			o.Set("asn1Curve", n)
			if nist := nistCurveNames[n]; nist != "" {
				o.Set("nistCurve", nist)
			}
		}
	}
	const layout = "Jan _2 15:04:05 2006 GMT"
	o.Set("valid_from", c.NotBefore.UTC().Format(layout))
	o.Set("valid_to", c.NotAfter.UTC().Format(layout))
	o.Set("fingerprint", fingerprint(crypto.SHA1, c.Raw))
	o.Set("fingerprint256", fingerprint(crypto.SHA256, c.Raw))
	o.Set("fingerprint512", fingerprint(crypto.SHA512, c.Raw))
	for _, ext := range c.Extensions {
		if ext.Id.Equal(asn1.ObjectIdentifier{2, 5, 29, 37}) {
			var oids []asn1.ObjectIdentifier
			if _, err := asn1.Unmarshal(ext.Value, &oids); err == nil {
				l := make([]any, len(oids))
				for i, id := range oids {
					l[i] = id.String()
				}
				o.Set("ext_key_usage", vm.NewArray(l...))
			}
		}
	}
	o.Set("serialNumber", serialHex(c.SerialNumber))
	o.Set("raw", buffer.New(h, append([]byte(nil), c.Raw...)))
	return o
}

// certPublicKey is a certificate's subject key as a key object, for the key types Go's x509 does
// not represent (RSA-PSS, Ed448, X448, DH) too.
func certPublicKey(c *x509.Certificate) *keyObj {
	if k, ok, err := parseOtherSPKI(c.RawSubjectPublicKeyInfo); ok && err == nil {
		return k
	}
	return &keyObj{typ: "public", key: c.PublicKey}
}

// verifyCertPSS checks an RSASSA-PSS certificate signature with its own parameters (Go's x509
// knows only those whose salt is the hash's size; OpenSSL writes the longest by default).
// handled is false for other signature algorithms.
func verifyCertPSS(c *x509.Certificate, pub *rsa.PublicKey) (ok, handled bool) {
	var outer struct {
		TBS asn1.RawValue
		Alg keyAlgID
		Sig asn1.BitString
	}
	if _, err := asn1.Unmarshal(c.Raw, &outer); err != nil || !outer.Alg.Algorithm.Equal(oidRSAPSS) {
		return false, false
	}
	p, err := parsePSSParams(outer.Alg.Params)
	if err == nil && !p.restricted() {
		p = &pssParams{hash: "sha1", mgf1: "sha1", salt: 20} // absent parameters are the defaults
	}
	if err != nil || p.mgf1 != p.hash {
		return false, true
	}
	ch, hh := cryptoHash(p.hash)
	if hh == nil {
		return false, true
	}
	hh.Write(c.RawTBSCertificate)
	return rsa.VerifyPSS(pub, ch, hh.Sum(nil), c.Signature, &rsa.PSSOptions{SaltLength: p.salt, Hash: ch}) == nil, true
}

// pemCertificate reads the first PEM block labelled as a certificate (CERTIFICATE, X509
// CERTIFICATE, TRUSTED CERTIFICATE; other blocks are skipped) as OpenSSL's PEM reader does,
// with its errors: "no start line" when there is none, "bad end line" when its END line is
// missing or names another label, "bad base64 decode" for a body that is not base64. node
// then tries the input as DER: that attempt's errors are on the error's opensslErrorStack.
func pemCertificate(in []byte) ([]byte, *modules.Error) {
	fail := func(id, reason string) *modules.Error {
		return osslErrorStack(id, "PEM routines", reason, derAttemptStack(in)...)
	}
	lines := strings.Split(strings.ReplaceAll(string(in), "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !strings.HasPrefix(l, "-----BEGIN ") || !strings.HasSuffix(l, "-----") || len(l) < 16 {
			continue
		}
		label := l[len("-----BEGIN ") : len(l)-5]
		if label != "CERTIFICATE" && label != "X509 CERTIFICATE" && label != "TRUSTED CERTIFICATE" {
			continue
		}
		var body strings.Builder
		for j := i + 1; j < len(lines); j++ {
			e := lines[j]
			if strings.HasPrefix(e, "-----END ") {
				if strings.TrimSpace(e) != "-----END "+label+"-----" {
					return nil, fail("04800066", "bad end line")
				}
				der, err := base64.StdEncoding.DecodeString(body.String())
				if err != nil {
					return nil, fail("04800064", "bad base64 decode")
				}
				return der, nil
			}
			body.WriteString(strings.TrimSpace(e))
		}
		return nil, fail("04800066", "bad end line")
	}
	return nil, fail("0480006C", "no start line")
}

// derAttemptStack is what OpenSSL's DER reading of in leaves on its error queue when in is no
// DER at all: nothing long enough, a header it cannot read, a tag other than SEQUENCE, a length
// past the end.
func derAttemptStack(in []byte) []string {
	return derTrail(in, nil)
}

// certDERError is OpenSSL's error for a certificate's DER that runs past its end ("too long"
// with its queue), nil for other faults.
func certDERError(der []byte) *modules.Error {
	if d := asn1Diag(der, "x509"); d == nil || !strings.HasSuffix(d.Message, "::too long") {
		return nil
	}
	const asn = "asn1 encoding routines::"
	return osslErrorStack("0680009B", "asn1 encoding routines", "too long",
		"error:0688010A:"+asn+"nested asn1 error", "error:06800066:"+asn+"bad object header")
}

func stackOf(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
