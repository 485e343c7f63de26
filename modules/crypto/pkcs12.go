package crypto

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"hash"
	"math/big"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

// PKCS#12 (PFX) files, for tls's pfx option: what OpenSSL 3's default provider reads, as node
// 20 has it. Bags encrypted with PBES2 (what OpenSSL 3 writes) or with PKCS#12's own
// pbeWithSHAAnd3-KeyTripleDES-CBC; the RC2 and RC4 schemes (openssl pkcs12 -legacy) need
// OpenSSL's legacy provider, which node 20 does not load: "Unsupported PKCS12 PFX data".

// PKCS12Module is the internal module tls's glue decodes pfx options with.
var PKCS12Module = modules.Module{Name: "internal/crypto/pkcs12", Internal: true, Bind: bindPKCS12,
	JS: "module.exports = { decodePFX: binding.decodePFX };"}

var (
	oidData          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidEncryptedData = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 6}
	oidKeyBag        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 1}
	oidShroudedKey   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 2}
	oidCertBag       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 3}
	oidX509Cert      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 22, 1}
	oidLocalKeyID    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 21}
	oidPBE3DES       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 3}
	oidPBE2DES       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 4}
	oidSHA1          = asn1.ObjectIdentifier{1, 3, 14, 3, 2, 26}
	oidSHA256        = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidSHA384        = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 2}
	oidSHA512        = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 3}
)

type pfxPDU struct {
	Version  int
	AuthSafe contentInfo
	MacData  macData `asn1:"optional"`
}

type contentInfo struct {
	ContentType asn1.ObjectIdentifier
	Content     asn1.RawValue `asn1:"tag:0,explicit,optional"`
}

type macData struct {
	Mac        digestInfo
	MacSalt    []byte
	Iterations int `asn1:"optional,default:1"`
}

type digestInfo struct {
	Algorithm pkix.AlgorithmIdentifier
	Digest    []byte
}

type encryptedData struct {
	Version int
	Info    struct {
		ContentType asn1.ObjectIdentifier
		Algorithm   pkix.AlgorithmIdentifier
		Content     []byte `asn1:"tag:0,optional"`
	}
}

type safeBag struct {
	ID         asn1.ObjectIdentifier
	Value      asn1.RawValue     `asn1:"tag:0,explicit"`
	Attributes []pkcs12Attribute `asn1:"set,optional"`
}

type pkcs12Attribute struct {
	ID     asn1.ObjectIdentifier
	Values asn1.RawValue
}

type certBag struct {
	ID   asn1.ObjectIdentifier
	Data []byte `asn1:"tag:0,explicit"`
}

type pbeParams struct {
	Salt       []byte
	Iterations int
}

// errPFX is what OpenSSL's d2i and PKCS12_parse failures read as in node (a plain Error).
type errPFX string

func (e errPFX) Error() string { return string(e) }

var errPFXUnsupported = errors.New("unsupported")

// pfxContents is what a PFX holds: the private key (PKCS#8 DER), the certificate that goes with
// it, and the other certificates (node's CA list from the file).
type pfxContents struct {
	key  []byte
	cert []byte
	ca   [][]byte
}

// decodePFX reads a PFX with the passphrase (hasPass false: none given, which OpenSSL tries as
// both no password and the empty one).
func decodePFX(der, pass []byte, hasPass bool) (*pfxContents, error) {
	end, reason := pfxDERError(der)
	switch reason {
	case "":
		der = der[:end] // (what follows the PFX is never read)
	case "indefinite":
		return nil, errPFXUnsupported
	default:
		return nil, errPFX(reason)
	}
	var pfx pfxPDU
	if _, err := asn1.Unmarshal(der, &pfx); err != nil {
		return nil, errPFX(headerError(der))
	}
	// PKCS12_parse: with a passphrase, the MAC must be there and match; without one (or with
	// the empty one), a MAC is tried with an absent password and then the empty one, and a
	// PFX without a MAC is read with no password. The MAC is over the authSafes' data.
	isData, hasContent := pfx.AuthSafe.ContentType.Equal(oidData), len(pfx.AuthSafe.Content.FullBytes) > 0
	var authSafe []byte
	if isData && hasContent {
		if _, err := asn1.Unmarshal(pfx.AuthSafe.Content.Bytes, &authSafe); err != nil {
			return nil, errPFX("wrong tag")
		}
	}
	authSafeError := func() error {
		switch {
		case !isData:
			return errPFX("content type not data")
		case !hasContent:
			return errPFX("decode error")
		}
		return nil
	}
	macPresent := pfx.MacData.Mac.Algorithm.Algorithm != nil
	passwords := [][]byte{nil, bmpPassword(nil)}
	if hasPass && len(pass) > 0 {
		if !macPresent {
			return nil, errPFX("mac absent")
		}
		passwords = [][]byte{bmpPassword(pass)}
	}
	if macPresent {
		if err := authSafeError(); err != nil {
			return nil, err
		}
		ok := false
		for i, p := range passwords {
			match, err := checkPFXMac(&pfx.MacData, authSafe, p)
			if err != nil {
				return nil, err
			}
			if match {
				ok, passwords = true, passwords[i:i+1]
				break
			}
		}
		if !ok {
			return nil, errPFX("mac verify failure")
		}
	}
	if err := authSafeError(); err != nil {
		return nil, err
	}
	bmp := passwords[0]
	raw := pass
	var infos []contentInfo
	if r := d2iReason(authSafe, d2iAuthSafes); r != "" {
		return nil, errPFX(r)
	}
	if _, err := asn1.Unmarshal(authSafe, &infos); err != nil {
		return nil, errPFX("wrong tag")
	}
	var out pfxContents
	var keyID []byte
	type cert struct{ der, id []byte }
	var certs []cert
	for _, ci := range infos {
		var data []byte
		switch {
		case len(ci.Content.FullBytes) == 0 && (ci.ContentType.Equal(oidData) || ci.ContentType.Equal(oidEncryptedData)):
			return nil, errPFX("decode error")
		case ci.ContentType.Equal(oidData):
			if _, err := asn1.Unmarshal(ci.Content.Bytes, &data); err != nil {
				return nil, errPFX("wrong tag")
			}
		case ci.ContentType.Equal(oidEncryptedData):
			var ed encryptedData
			if _, err := asn1.Unmarshal(ci.Content.Bytes, &ed); err != nil {
				return nil, errPFX("wrong tag")
			}
			d, err := pfxDecrypt(ed.Info.Algorithm, ed.Info.Content, raw, bmp)
			if err != nil {
				return nil, err
			}
			data = d
		default:
			continue // (OpenSSL reads only data and encrypted data)
		}
		var bags []safeBag
		if r := d2iReason(data, d2iBags); r != "" {
			return nil, errPFX(r)
		}
		if _, err := asn1.Unmarshal(data, &bags); err != nil {
			return nil, errPFX("wrong tag")
		}
		for _, bag := range bags {
			id := localKeyID(bag.Attributes)
			switch {
			case bag.ID.Equal(oidKeyBag), bag.ID.Equal(oidShroudedKey):
				k := bag.Value.Bytes // (the element inside the explicit tag)
				if bag.ID.Equal(oidShroudedKey) {
					var epki encryptedPKI
					if _, err := asn1.Unmarshal(k, &epki); err != nil {
						return nil, errPFX("wrong tag")
					}
					d, err := pfxDecrypt(epki.Algo, epki.Data, raw, bmp)
					if err != nil {
						return nil, err
					}
					k = d
				}
				if out.key == nil {
					out.key, keyID = k, id
				}
			case bag.ID.Equal(oidCertBag):
				var cb certBag
				if _, err := asn1.Unmarshal(bag.Value.Bytes, &cb); err != nil {
					return nil, errPFX("wrong tag")
				}
				if cb.ID.Equal(oidX509Cert) {
					certs = append(certs, cert{cb.Data, id})
				}
			}
		}
	}
	// The key's certificate is the one with its local key id (else the first); the rest are CAs.
	leaf := -1
	for i, c := range certs {
		if keyID != nil && bytes.Equal(c.id, keyID) {
			leaf = i
			break
		}
	}
	if leaf < 0 && out.key != nil && len(certs) > 0 {
		leaf = 0
	}
	for i, c := range certs {
		if i == leaf {
			out.cert = c.der
		} else {
			out.ca = append(out.ca, c.der)
		}
	}
	switch {
	case out.key == nil:
		return nil, modules.NativeError("Error", "ERR_CRYPTO_OPERATION_FAILED", "Unable to load private key from PFX data")
	case out.cert == nil:
		return nil, modules.NativeError("Error", "ERR_CRYPTO_OPERATION_FAILED", "Unable to load certificate from PFX data")
	}
	return &out, nil
}

// headerError is OpenSSL's reason for data that is no PFX: its first element's length runs past
// the data ("not enough data"), or it is no SEQUENCE ("wrong tag").
func headerError(der []byte) string {
	if len(der) < 2 {
		return "not enough data"
	}
	n, i := int(der[1]), 2
	if n&0x80 != 0 {
		k := n & 0x7f
		if k == 0 || k > 4 || len(der) < 2+k {
			return "not enough data"
		}
		n = 0
		for _, b := range der[2 : 2+k] {
			n = n<<8 | int(b)
		}
		i += k
	}
	if n > len(der)-i {
		return "not enough data"
	}
	if der[0] != 0x30 {
		return "wrong tag"
	}
	return "not enough data"
}

func localKeyID(attrs []pkcs12Attribute) []byte {
	for _, a := range attrs {
		if a.ID.Equal(oidLocalKeyID) {
			var id []byte
			if _, err := asn1.Unmarshal(a.Values.Bytes, &id); err == nil {
				return id
			}
		}
	}
	return nil
}

// pfxDecrypt decrypts a bag or an encrypted content: PBES2 with the password's bytes, or
// PKCS#12's 3DES scheme with its BMPString.
func pfxDecrypt(algo pkix.AlgorithmIdentifier, data, raw, bmp []byte) ([]byte, error) {
	switch {
	case algo.Algorithm.Equal(oidPBES2):
		epki, err := asn1.Marshal(encryptedPKI{Algo: algo, Data: data})
		if err != nil {
			return nil, errPFXUnsupported
		}
		out, err := decryptPKCS8(epki, raw)
		if err == errUnsupportedKey.Get() {
			return nil, errPFXUnsupported
		}
		return out, err
	case algo.Algorithm.Equal(oidPBE3DES), algo.Algorithm.Equal(oidPBE2DES):
		out, err := pkcs12PBEDecrypt(algo, data, bmp)
		if err == errUnsupportedKey.Get() {
			return nil, errPFXUnsupported
		}
		return out, err
	}
	return nil, errPFXUnsupported
}

// pkcs12PBEDecrypt decrypts data under PKCS#12's password-based 3DES schemes (three-key or
// two-key DES-EDE3-CBC, key and IV from PKCS#12's KDF over SHA-1 of the password as a
// BMPString): a PFX's bags, and a PKCS#8 key OpenSSL or Java wrote with PBE-SHA1-3DES/2DES.
// The RC2 and RC4 schemes are OpenSSL 3's legacy provider's, which node does not load.
func pkcs12PBEDecrypt(algo pkix.AlgorithmIdentifier, data, bmp []byte) ([]byte, error) {
	var p pbeParams
	if _, err := asn1.Unmarshal(algo.Parameters.FullBytes, &p); err != nil {
		return nil, errUnsupportedKey.Get()
	}
	keyLen := 24
	if algo.Algorithm.Equal(oidPBE2DES) {
		keyLen = 16
	}
	key := pkcs12KDF(sha1.New, 64, bmp, p.Salt, 1, p.Iterations, keyLen)
	if keyLen == 16 {
		key = append(key, key[:8]...) // (K1, K2, K1)
	}
	iv := pkcs12KDF(sha1.New, 64, bmp, p.Salt, 2, p.Iterations, 8)
	if len(data) == 0 || len(data)%8 != 0 {
		return nil, errBadDecrypt.Get()
	}
	out, err := pkcs8Crypt(cipherTable()["des-ede3-cbc"], false, key, iv, data)
	if err != nil {
		return nil, errBadDecrypt.Get()
	}
	return out, nil
}

// checkPFXMac verifies the PFX's HMAC over authSafe with the key PKCS#12's KDF derives from the
// password (ID 3).
func checkPFXMac(m *macData, authSafe, bmp []byte) (bool, error) {
	var h func() hash.Hash
	var v int
	switch alg := m.Mac.Algorithm.Algorithm; {
	case alg.Equal(oidSHA1):
		h, v = sha1.New, 64
	case alg.Equal(oidSHA256):
		h, v = prfHash(oidHMACSHA256), 64
	case alg.Equal(oidSHA384):
		h, v = prfHash(oidHMACSHA384), 128
	case alg.Equal(oidSHA512):
		h, v = prfHash(oidHMACSHA512), 128
	default:
		return false, errPFXUnsupported
	}
	key := pkcs12KDF(h, v, bmp, m.MacSalt, 3, m.Iterations, h().Size())
	mac := hmac.New(h, key)
	mac.Write(authSafe)
	return hmac.Equal(mac.Sum(nil), m.Mac.Digest), nil
}

// bmpPassword is a password as PKCS#12's KDF takes it: UTF-16 big-endian with two zero bytes at
// the end. A password that is not UTF-8 is taken as Latin-1, as OpenSSL's OPENSSL_utf82uni
// does (so files older OpenSSL versions wrote, which took every byte as a character, read).
func bmpPassword(p []byte) []byte {
	r := []rune(string(p))
	if !utf8.Valid(p) {
		r = make([]rune, len(p))
		for i, c := range p {
			r[i] = rune(c)
		}
	}
	u := utf16.Encode(r)
	out := make([]byte, 0, 2*len(u)+2)
	for _, c := range u {
		out = append(out, byte(c>>8), byte(c))
	}
	return append(out, 0, 0)
}

// pkcs12KDF is RFC 7292's appendix B.2 key derivation: n bytes for purpose id (1 key, 2 IV,
// 3 MAC key), with a hash of block size v.
func pkcs12KDF(h func() hash.Hash, v int, pass, salt []byte, id byte, iter, n int) []byte {
	fill := func(b []byte) []byte {
		if len(b) == 0 {
			return nil
		}
		out := make([]byte, v*((len(b)+v-1)/v))
		for i := range out {
			out[i] = b[i%len(b)]
		}
		return out
	}
	d := bytes.Repeat([]byte{id}, v)
	in := append(fill(salt), fill(pass)...)
	one := big.NewInt(1)
	var out []byte
	for len(out) < n {
		hh := h()
		hh.Write(d)
		hh.Write(in)
		a := hh.Sum(nil)
		for i := 1; i < iter; i++ {
			hh.Reset()
			hh.Write(a)
			a = hh.Sum(a[:0])
		}
		out = append(out, a...)
		if len(out) >= n {
			break
		}
		b := new(big.Int).SetBytes(fill(a)[:v])
		b.Add(b, one)
		for j := 0; j < len(in); j += v {
			blk := new(big.Int).SetBytes(in[j : j+v])
			blk.Add(blk, b)
			bs := blk.Bytes()
			if len(bs) > v {
				bs = bs[len(bs)-v:]
			}
			chunk := in[j : j+v]
			clear(chunk)
			copy(chunk[v-len(bs):], bs)
		}
	}
	return out[:n]
}

func bindPKCS12(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	// decodePFX(buf, passphrase?) is {key, cert, ca} (DER buffers; key PKCS#8), or throws what
	// node's SecureContext.loadPKCS12 throws.
	b.Set("decodePFX", func(data, pass goja.Value) goja.Value {
		hasPass := pass != nil && !goja.IsUndefined(pass) && !goja.IsNull(pass)
		var p []byte
		if hasPass {
			if goja.IsString(pass) {
				p = []byte(pass.String())
			} else {
				p = buffer.BytesOf(vm, pass)
			}
		}
		c, err := decodePFX(buffer.BytesOf(vm, data), p, hasPass)
		switch e := err.(type) {
		case nil:
		case errPFX:
			h.Throw(plainError(string(e)))
		case *modules.Error:
			// (an OpenSSL error reads as its reason alone, node's message for a PFX)
			for _, p := range e.Props {
				if r, ok := p.Value.(string); ok && p.Key == "reason" {
					h.Throw(plainError(r))
				}
			}
			h.Throw(e)
		default:
			h.Throw(modules.NativeError("Error", "ERR_CRYPTO_UNSUPPORTED_OPERATION", "Unsupported PKCS12 PFX data"))
		}
		o := vm.NewObject()
		if c.key != nil {
			o.Set("key", buffer.New(h, c.key))
		}
		if c.cert != nil {
			o.Set("cert", buffer.New(h, c.cert))
		}
		ca := make([]any, len(c.ca))
		for i, d := range c.ca {
			ca[i] = buffer.New(h, d)
		}
		o.Set("ca", vm.NewArray(ca...))
		return o
	})
	return nil
}
