package http

import (
	"bytes"
	"crypto"
	"crypto/dsa"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

// secureCtx is the state behind a tls.SecureContext (node's native SecureContext): keys and
// certificate chains, trusted CAs, TLS 1.2 cipher suites, protocol versions, ECDH groups and
// session ticket keys. It is set up on the loop and read by the connections' goroutines through
// the *tls.Config it builds once.
type secureCtx struct {
	mu     sync.Mutex
	keys   []crypto.PrivateKey
	chains [][][]byte // each cert option entry: leaf first
	roots  *x509.CertPool
	// defaultRoots is the trust without a ca option: nil for the system's roots, or those and
	// NODE_EXTRA_CA_CERTS's (extraRoots)
	defaultRoots *x509.CertPool
	caDER        [][]byte
	crls         []*x509.RevocationList
	suites       []uint16
	// suites13 is the ciphersuites list (TLS 1.3 suites Go has, in the list's order): nil for
	// OpenSSL's default; serverPref is SSL_OP_CIPHER_SERVER_PREFERENCE (honorCipherOrder).
	suites13   []uint16
	serverPref bool
	minV       uint16
	maxV       uint16
	curves     []tls.CurveID
	ticket     [48]byte
	// secLevel is the cipher list's @SECLEVEL=n (OpenSSL's default, 1, when none was given)
	secLevel int
	built    *tls.Config
	buildErr error
}

// suiteInfo: a cipher suite Go implements, by its OpenSSL name, with the protocol version OpenSSL
// gives it (SSL_CIPHER_get_version) and the classes OpenSSL's cipher-list aliases select.
type suiteInfo struct {
	id      uint16
	name    string
	version string
	tags    string // space-separated aliases this suite belongs to
}

var tlsSuites = []suiteInfo{
	{tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, "ECDHE-ECDSA-AES256-GCM-SHA384", "TLSv1.2", "kECDHE ECDHE EECDH kEECDH aECDSA ECDSA AES AES256 AESGCM SHA384 TLSv1.2 HIGH"},
	{tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "ECDHE-RSA-AES256-GCM-SHA384", "TLSv1.2", "kECDHE ECDHE EECDH kEECDH aRSA AES AES256 AESGCM SHA384 TLSv1.2 HIGH"},
	{tls.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, "ECDHE-ECDSA-CHACHA20-POLY1305", "TLSv1.2", "kECDHE ECDHE EECDH kEECDH aECDSA ECDSA CHACHA20 SHA256 TLSv1.2 HIGH"},
	{tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "ECDHE-RSA-CHACHA20-POLY1305", "TLSv1.2", "kECDHE ECDHE EECDH kEECDH aRSA CHACHA20 SHA256 TLSv1.2 HIGH"},
	{tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "ECDHE-ECDSA-AES128-GCM-SHA256", "TLSv1.2", "kECDHE ECDHE EECDH kEECDH aECDSA ECDSA AES AES128 AESGCM SHA256 TLSv1.2 HIGH"},
	{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "ECDHE-RSA-AES128-GCM-SHA256", "TLSv1.2", "kECDHE ECDHE EECDH kEECDH aRSA AES AES128 AESGCM SHA256 TLSv1.2 HIGH"},
	{tls.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, "ECDHE-ECDSA-AES128-SHA256", "TLSv1.2", "kECDHE ECDHE EECDH kEECDH aECDSA ECDSA AES AES128 SHA256 TLSv1.2 HIGH"},
	{tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, "ECDHE-RSA-AES128-SHA256", "TLSv1.2", "kECDHE ECDHE EECDH kEECDH aRSA AES AES128 SHA256 TLSv1.2 HIGH"},
	{tls.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, "ECDHE-ECDSA-AES256-SHA", "TLSv1.0", "kECDHE ECDHE EECDH kEECDH aECDSA ECDSA AES AES256 SHA1 SHA TLSv1 HIGH"},
	{tls.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, "ECDHE-RSA-AES256-SHA", "TLSv1.0", "kECDHE ECDHE EECDH kEECDH aRSA AES AES256 SHA1 SHA TLSv1 HIGH"},
	{tls.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, "ECDHE-ECDSA-AES128-SHA", "TLSv1.0", "kECDHE ECDHE EECDH kEECDH aECDSA ECDSA AES AES128 SHA1 SHA TLSv1 HIGH"},
	{tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, "ECDHE-RSA-AES128-SHA", "TLSv1.0", "kECDHE ECDHE EECDH kEECDH aRSA AES AES128 SHA1 SHA TLSv1 HIGH"},
	{tls.TLS_RSA_WITH_AES_256_GCM_SHA384, "AES256-GCM-SHA384", "TLSv1.2", "kRSA RSA aRSA AES AES256 AESGCM SHA384 TLSv1.2 HIGH"},
	{tls.TLS_RSA_WITH_AES_128_GCM_SHA256, "AES128-GCM-SHA256", "TLSv1.2", "kRSA RSA aRSA AES AES128 AESGCM SHA256 TLSv1.2 HIGH"},
	{tls.TLS_RSA_WITH_AES_128_CBC_SHA256, "AES128-SHA256", "TLSv1.2", "kRSA RSA aRSA AES AES128 SHA256 TLSv1.2 HIGH"},
	{tls.TLS_RSA_WITH_AES_256_CBC_SHA, "AES256-SHA", "SSLv3", "kRSA RSA aRSA AES AES256 SHA1 SHA SSLv3 HIGH"},
	{tls.TLS_RSA_WITH_AES_128_CBC_SHA, "AES128-SHA", "SSLv3", "kRSA RSA aRSA AES AES128 SHA1 SHA SSLv3 HIGH"},
}

// TLS 1.3 suites, by the names OpenSSL's ciphersuites list takes.
var tls13Suites = map[string]bool{"TLS_AES_256_GCM_SHA384": true, "TLS_CHACHA20_POLY1305_SHA256": true,
	"TLS_AES_128_GCM_SHA256": true, "TLS_AES_128_CCM_SHA256": true, "TLS_AES_128_CCM_8_SHA256": true}

// tls13IDs are the TLS 1.3 suites Go implements, by name; tls13Default is OpenSSL's default
// ciphersuites list.
var (
	tls13IDs = map[string]uint16{"TLS_AES_128_GCM_SHA256": tls.TLS_AES_128_GCM_SHA256,
		"TLS_AES_256_GCM_SHA384": tls.TLS_AES_256_GCM_SHA384, "TLS_CHACHA20_POLY1305_SHA256": tls.TLS_CHACHA20_POLY1305_SHA256}
	tls13Default = []uint16{tls.TLS_AES_256_GCM_SHA384, tls.TLS_CHACHA20_POLY1305_SHA256, tls.TLS_AES_128_GCM_SHA256}
)

// tls13Choice makes a server's TLS 1.3 suite OpenSSL's: the first of the client's suites the
// context allows, or the first of the context's the client offers with server preference; none
// is a handshake failure (no shared cipher). Go's server takes no list of its own for TLS 1.3,
// so the client's offer as Go's server reads it (hello.CipherSuites is the parsed ClientHello's
// own list; the transcript keeps the bytes received) is cut down to that one suite: the other
// TLS 1.3 suites become 0, which Go knows no suite for. It does nothing unless TLS 1.3 is the
// version the handshake takes. When only the refusal is safe (a HelloRetryRequest may follow,
// whose second ClientHello Go compares with this list), choose is false and a choice is left to
// Go.
func (sc *secureCtx) tls13Choice(c *tls.Config, hello *tls.ClientHelloInfo, choose bool) {
	if !slices.Contains(hello.SupportedVersions, tls.VersionTLS13) || (c.MaxVersion != 0 && c.MaxVersion < tls.VersionTLS13) || c.MinVersion > tls.VersionTLS13 {
		return
	}
	allowed := sc.suites13
	if allowed == nil {
		allowed = tls13Default
	}
	is13 := func(id uint16) bool { return id>>8 == 0x13 }
	var pick uint16
	if sc.serverPref {
		for _, id := range allowed {
			if slices.Contains(hello.CipherSuites, id) {
				pick = id
				break
			}
		}
	} else {
		for _, id := range hello.CipherSuites {
			if is13(id) && slices.Contains(allowed, id) {
				pick = id
				break
			}
		}
	}
	if pick != 0 && !choose {
		return
	}
	for i, id := range hello.CipherSuites {
		if is13(id) && id != pick {
			hello.CipherSuites[i] = 0
		}
	}
}

func suiteByID(id uint16) (suiteInfo, bool) {
	for _, s := range tlsSuites {
		if s.id == id {
			return s, true
		}
	}
	return suiteInfo{}, false
}

// selectSuites reads an OpenSSL cipher list ("HIGH:!aNULL", "ECDHE+AESGCM", names) into the
// TLS 1.2 suites Go implements. Go ignores the order of Config.CipherSuites, so only the set is
// kept. Unknown names select nothing, as in OpenSSL.
func selectSuites(list string) []uint16 {
	selected := map[uint16]bool{}
	banned := map[uint16]bool{}
	for _, tok := range cipherTokens(list) {
		op := byte(0)
		if tok[0] == '!' || tok[0] == '-' || tok[0] == '+' {
			op, tok = tok[0], tok[1:]
		}
		if tok == "" || tok[0] == '@' {
			continue
		}
		parts := strings.Split(tok, "+")
		for _, s := range tlsSuites {
			all := true
			for _, p := range parts {
				if !suiteMatches(s, p) {
					all = false
					break
				}
			}
			if !all {
				continue
			}
			switch op {
			case '!':
				banned[s.id] = true
				delete(selected, s.id)
			case '-':
				delete(selected, s.id)
			case '+':
			default:
				if !banned[s.id] {
					selected[s.id] = true
				}
			}
		}
	}
	var out []uint16
	for _, s := range tlsSuites {
		if selected[s.id] {
			out = append(out, s.id)
		}
	}
	return out
}

// cipherTokens splits an OpenSSL cipher list into its rules: separated by ':', ',' or ' ', and
// an '@' command (@SECLEVEL=n, @STRENGTH) starts a rule of its own even with no separator before
// it, as OpenSSL's parser ends a name at a character names do not hold ("DEFAULT@SECLEVEL=0").
func cipherTokens(list string) []string {
	var out []string
	for _, tok := range strings.FieldsFunc(list, func(r rune) bool { return r == ':' || r == ',' || r == ' ' }) {
		for i := strings.IndexByte(tok[1:], '@'); i >= 0; i = strings.IndexByte(tok[1:], '@') {
			out = append(out, tok[:i+1])
			tok = tok[i+1:]
		}
		out = append(out, tok)
	}
	return out
}

func suiteMatches(s suiteInfo, alias string) bool {
	switch alias {
	case s.name, "ALL", "DEFAULT", "COMPLEMENTOFALL":
		return alias != "COMPLEMENTOFALL"
	}
	for _, t := range strings.Fields(s.tags) {
		if t == alias {
			return true
		}
	}
	return false
}

var curveNames = map[string]tls.CurveID{
	"X25519": tls.X25519, "x25519": tls.X25519,
	"prime256v1": tls.CurveP256, "secp256r1": tls.CurveP256, "P-256": tls.CurveP256,
	"secp384r1": tls.CurveP384, "P-384": tls.CurveP384,
	"secp521r1": tls.CurveP521, "P-521": tls.CurveP521,
}

// curveInfo is node's getEphemeralKeyInfo name and size for a group.
func curveInfo(id tls.CurveID) (string, int) {
	switch id {
	case tls.X25519:
		return "X25519", 253
	case tls.CurveP256:
		return "prime256v1", 256
	case tls.CurveP384:
		return "secp384r1", 384
	case tls.CurveP521:
		return "secp521r1", 521
	}
	return "", 0
}

// OpenSSL 3's default groups that Go has, in OpenSSL's order (no post-quantum hybrids, which
// node 20 does not offer).
var defaultCurves = []tls.CurveID{tls.X25519, tls.CurveP256, tls.CurveP521, tls.CurveP384}

func newSecureCtx() *secureCtx {
	sc := &secureCtx{minV: tls.VersionTLS12, maxV: tls.VersionTLS13, curves: defaultCurves, secLevel: 1}
	rand.Read(sc.ticket[:])
	return sc
}

func (sc *secureCtx) changed() { sc.built = nil }

// trust is the pool a peer's chain is verified against: the ca option's, else the default.
func (sc *secureCtx) trust() *x509.CertPool {
	if sc.roots != nil {
		return sc.roots
	}
	return sc.defaultRoots
}

type extraRootsKey struct{}

// extraRoots is the runtime's trust when no ca option is given: nil (the system's roots) unless
// NODE_EXTRA_CA_CERTS names a file, whose certificates then join the system's roots, as node
// extends its root store with them (an explicit ca replaces both). The file is read once per
// runtime, at the first TLS use (node: at startup); when it cannot be read, node's warning goes
// to stderr and the certificates read before the failure are kept. Loop only.
func extraRoots(h *modules.Host) *x509.CertPool {
	return h.State(extraRootsKey{}, func() any {
		file := h.Env["NODE_EXTRA_CA_CERTS"]
		if file == "" {
			return (*x509.CertPool)(nil)
		}
		pool, err := x509.SystemCertPool()
		if err != nil {
			pool = x509.NewCertPool()
		}
		if msg := addCertsFromFile(pool, h.Abs(file)); msg != "" {
			fmt.Fprintf(h.Stderr, "Warning: Ignoring extra certs from `%s`, load failed: %s\n", file, msg)
		}
		return pool
	}).(*x509.CertPool)
}

// addCertsFromFile adds the PEM certificates of file to pool as OpenSSL's PEM_read_bio_X509
// loop does: blocks of other types skipped, stopping at the first certificate that does not
// parse. It gives OpenSSL's error text for a failure, "" when the file was read to its end.
func addCertsFromFile(pool *x509.CertPool, file string) string {
	data, err := os.ReadFile(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "error:80000002:system library::No such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "error:8000000D:system library::Permission denied"
	case err != nil:
		return "error:80000015:system library::Is a directory"
	}
	for {
		var blk *pem.Block
		blk, data = pem.Decode(data)
		if blk == nil {
			return ""
		}
		if blk.Type != "CERTIFICATE" && blk.Type != "X509 CERTIFICATE" && blk.Type != "TRUSTED CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(blk.Bytes)
		if err != nil {
			return "error:068000A8:asn1 encoding routines::wrong tag"
		}
		pool.AddCert(c)
	}
}

type unauthorizedWarnedKey struct{}

// claimUnauthorizedWarning is true the first time it is called in a runtime: node warns about
// NODE_TLS_REJECT_UNAUTHORIZED=0 once per process, whether tls.connect or fetch saw it first.
// Loop only.
func claimUnauthorizedWarning(h *modules.Host) bool {
	warned := h.State(unauthorizedWarnedKey{}, func() any { return new(bool) }).(*bool)
	first := !*warned
	*warned = true
	return first
}

// parseKey reads one private key (PEM or DER; PKCS#1, PKCS#8 or SEC 1). ok is false for what Go
// cannot read unaided (an encrypted key, another format): JS then reads it with node:crypto.
func parseKey(data []byte) (crypto.PrivateKey, bool) {
	der := data
	if blk, _ := pem.Decode(data); blk != nil {
		if x509.IsEncryptedPEMBlock(blk) || blk.Type == "ENCRYPTED PRIVATE KEY" { //nolint:staticcheck
			return nil, false
		}
		der = blk.Bytes
	}
	if k, err := x509.ParsePKCS8PrivateKey(der); err == nil {
		return k, true
	}
	if k, err := x509.ParsePKCS1PrivateKey(der); err == nil {
		return k, true
	}
	if k, err := x509.ParseECPrivateKey(der); err == nil {
		return k, true
	}
	return nil, false
}

func pemCerts(data []byte) [][]byte {
	var out [][]byte
	rest := data
	for {
		var blk *pem.Block
		blk, rest = pem.Decode(rest)
		if blk == nil {
			break
		}
		if blk.Type == "CERTIFICATE" || blk.Type == "X509 CERTIFICATE" || blk.Type == "TRUSTED CERTIFICATE" {
			out = append(out, blk.Bytes)
		}
	}
	if len(out) == 0 && len(data) > 0 && data[0] == 0x30 {
		out = append(out, data)
	}
	return out
}

func publicOf(k crypto.PrivateKey) crypto.PublicKey {
	switch k := k.(type) {
	case *rsa.PrivateKey:
		return &k.PublicKey
	case *ecdsa.PrivateKey:
		return &k.PublicKey
	case ed25519.PrivateKey:
		return k.Public()
	}
	return nil
}

// keyMismatch says whether the certificate set last whose public key has k's type has another
// public key than k's, as OpenSSL's SSL_CTX_use_PrivateKey checks.
func (sc *secureCtx) keyMismatch(k crypto.PrivateKey) bool {
	pub := publicOf(k)
	type eq interface{ Equal(crypto.PublicKey) bool }
	p, ok := pub.(eq)
	if !ok {
		return false
	}
	for i := len(sc.chains) - 1; i >= 0; i-- {
		leaf, err := x509.ParseCertificate(sc.chains[i][0])
		if err != nil || fmt.Sprintf("%T", leaf.PublicKey) != fmt.Sprintf("%T", pub) {
			continue
		}
		return !p.Equal(leaf.PublicKey)
	}
	return false
}

// config is the base *tls.Config of this context (built once until a setter changes the
// context). Connections clone it.
func (sc *secureCtx) config() (*tls.Config, error) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.built != nil || sc.buildErr != nil {
		return sc.built, sc.buildErr
	}
	cfg := &tls.Config{MinVersion: sc.minV, MaxVersion: sc.maxV, CipherSuites: sc.suites,
		CurvePreferences: sc.curves}
	// Pair each certificate chain with the key of its public key (node sets keys and certs
	// apart; OpenSSL pairs them by type).
	for _, chain := range sc.chains {
		leaf, err := x509.ParseCertificate(chain[0])
		if err != nil {
			continue
		}
		type eq interface{ Equal(crypto.PublicKey) bool }
		for _, k := range sc.keys {
			if p, ok := publicOf(k).(eq); ok && p.Equal(leaf.PublicKey) {
				cfg.Certificates = append(cfg.Certificates, tls.Certificate{Certificate: sc.completeChain(chain, leaf), PrivateKey: k, Leaf: leaf})
				break
			}
		}
	}
	// With certificates of several key types, OpenSSL signs with the first of its signature
	// algorithms (server preference: ECDSA, then EdDSA, then RSA) the peer takes; Go takes the
	// first certificate the peer supports, so they go in that order.
	slices.SortStableFunc(cfg.Certificates, func(a, b tls.Certificate) int {
		return certKeyRank(a.PrivateKey) - certKeyRank(b.PrivateKey)
	})
	if len(cfg.Certificates) == 0 && len(sc.chains) > 0 && len(sc.keys) > 0 {
		sc.buildErr = errKeyMismatch
		return nil, sc.buildErr
	}
	sum := sha256.Sum256(sc.ticket[:])
	cfg.SetSessionTicketKeys([][32]byte{sum})
	sc.built = cfg
	return cfg, nil
}

// certKeyRank is a key's place in OpenSSL's default signature algorithm order.
func certKeyRank(k crypto.PrivateKey) int {
	switch k.(type) {
	case *ecdsa.PrivateKey:
		return 0
	case ed25519.PrivateKey:
		return 1
	case *rsa.PrivateKey:
		return 2
	}
	return 3
}

// completeChain adds to a lone certificate its issuers from the context's CAs, up to a
// self-signed one, as OpenSSL builds the chain it sends from its store.
func (sc *secureCtx) completeChain(chain [][]byte, leaf *x509.Certificate) [][]byte {
	if len(chain) != 1 || len(sc.caDER) == 0 {
		return chain
	}
	cur := leaf
	for len(chain) < 10 && !bytes.Equal(cur.RawIssuer, cur.RawSubject) {
		var next *x509.Certificate
		for _, der := range sc.caDER {
			c, err := x509.ParseCertificate(der)
			if err == nil && bytes.Equal(c.RawSubject, cur.RawIssuer) && cur.CheckSignatureFrom(c) == nil {
				next = c
				break
			}
		}
		if next == nil {
			break
		}
		chain = append(chain, next.Raw)
		cur = next
	}
	return chain
}

type tlsConfigError string

func (e tlsConfigError) Error() string { return string(e) }

const errKeyMismatch = tlsConfigError("key values mismatch")

func bindSecureContext(h *modules.Host, b *goja.Object) {
	vm := h.VM
	ctxOf := func(v goja.Value) *secureCtx { return v.Export().(*secureCtx) }
	b.Set("ctxNew", func() goja.Value {
		sc := newSecureCtx()
		sc.defaultRoots = extraRoots(h)
		return vm.ToValue(sc)
	})
	b.Set("claimUnauthorizedWarning", func() bool { return claimUnauthorizedWarning(h) })
	// ctxSetKey(ctx, data) is "" once the key is set, "unreadable" when Go cannot read it (JS
	// then asks node:crypto) and "mismatch" when the certificate last set for a key of its type
	// has another public key (OpenSSL keeps one certificate and key per key type).
	b.Set("ctxSetKey", func(v goja.Value, data goja.Value) string {
		k, ok := parseKey(buffer.BytesOf(vm, data))
		if !ok {
			return "unreadable"
		}
		sc := ctxOf(v)
		if sc.keyMismatch(k) {
			return "mismatch"
		}
		sc.keys = append(sc.keys, k)
		sc.changed()
		return ""
	})
	// ctxSetCert(ctx, data) is "" once the certificate chain is set, "no start line" when data
	// holds no certificate, and OpenSSL's reason when a key or signature digest of the chain is
	// weaker than the context's security level allows ("ee key too small", "ca key too small",
	// "ca md too weak").
	b.Set("ctxSetCert", func(v goja.Value, data goja.Value) string {
		certs := pemCerts(buffer.BytesOf(vm, data))
		if len(certs) == 0 {
			return "no start line"
		}
		sc := ctxOf(v)
		for i, der := range certs {
			if r := certTooWeak(der, sc.secLevel, i == 0); r != "" {
				return r
			}
		}
		sc.chains = append(sc.chains, certs)
		sc.changed()
		return ""
	})
	b.Set("ctxAddCA", func(v goja.Value, data goja.Value) {
		sc := ctxOf(v)
		if sc.roots == nil {
			sc.roots = x509.NewCertPool()
		}
		for _, der := range pemCerts(buffer.BytesOf(vm, data)) {
			if c, err := x509.ParseCertificate(der); err == nil {
				sc.roots.AddCert(c)
				sc.caDER = append(sc.caDER, der)
			}
		}
		sc.changed()
	})
	// ctxAddCRL(ctx, data) adds the CRLs of data (PEM "X509 CRL" blocks, or DER), false when it
	// holds none that parses (node: "Failed to parse CRL").
	b.Set("ctxAddCRL", func(v goja.Value, data goja.Value) bool {
		raw := buffer.BytesOf(vm, data)
		var ders [][]byte
		for rest := raw; ; {
			var blk *pem.Block
			blk, rest = pem.Decode(rest)
			if blk == nil {
				break
			}
			if blk.Type == "X509 CRL" {
				ders = append(ders, blk.Bytes)
			}
		}
		if len(ders) == 0 {
			ders = [][]byte{raw}
		}
		var crls []*x509.RevocationList
		for _, der := range ders {
			crl, err := x509.ParseRevocationList(der)
			if err != nil {
				return false
			}
			crls = append(crls, crl)
		}
		sc := ctxOf(v)
		sc.crls = append(sc.crls, crls...)
		sc.changed()
		return true
	})
	// ctxSetCiphers(ctx, list) is false when a non-empty list selects no suite.
	b.Set("ctxSetCiphers", func(v goja.Value, list string) bool {
		sc := ctxOf(v)
		sc.secLevel = 1
		for _, part := range cipherTokens(list) {
			if n, ok := strings.CutPrefix(part, "@SECLEVEL="); ok && len(n) == 1 && n[0] >= '0' && n[0] <= '5' {
				sc.secLevel = int(n[0] - '0')
			}
		}
		if list == "" {
			sc.suites = nil
			return true
		}
		s := selectSuites(list)
		if len(s) == 0 {
			return false
		}
		sc.suites = s
		sc.changed()
		return true
	})
	b.Set("ctxCheckCipherSuites", func(list string) bool {
		for _, n := range strings.Split(list, ":") {
			if tls13Suites[n] {
				return true
			}
		}
		return false
	})
	// ctxSetCipherSuites(ctx, list) keeps a (checked) ciphersuites list's suites for a server's
	// choice (tls13Choice).
	b.Set("ctxSetCipherSuites", func(v goja.Value, list string) {
		sc := ctxOf(v)
		sc.suites13 = []uint16{}
		for _, n := range strings.Split(list, ":") {
			if id, ok := tls13IDs[n]; ok && !slices.Contains(sc.suites13, id) {
				sc.suites13 = append(sc.suites13, id)
			}
		}
	})
	// ctxSetOptions(ctx, options): the SSL_OP_ bits Go acts on (server cipher preference).
	b.Set("ctxSetOptions", func(v goja.Value, o int64) {
		ctxOf(v).serverPref = o&0x400000 != 0
	})
	b.Set("ctxSetVersions", func(v goja.Value, minV, maxV int) {
		sc := ctxOf(v)
		sc.minV, sc.maxV = uint16(minV), uint16(maxV)
		sc.changed()
	})
	// ctxSetCurves(ctx, list) is false when a name is not a group Go has.
	b.Set("ctxSetCurves", func(v goja.Value, list string) bool {
		sc := ctxOf(v)
		if list == "auto" {
			sc.curves = defaultCurves
			sc.changed()
			return true
		}
		var ids []tls.CurveID
		for _, n := range strings.Split(list, ":") {
			id, ok := curveNames[n]
			if !ok {
				return false
			}
			ids = append(ids, id)
		}
		sc.curves = ids
		sc.changed()
		return true
	})
	b.Set("ctxSetTicketKeys", func(v goja.Value, data goja.Value) {
		sc := ctxOf(v)
		copy(sc.ticket[:], buffer.BytesOf(vm, data))
		sc.mu.Lock()
		if sc.built != nil {
			sum := sha256.Sum256(sc.ticket[:])
			sc.built.SetSessionTicketKeys([][32]byte{sum})
		}
		sc.mu.Unlock()
	})
	b.Set("ctxGetTicketKeys", func(v goja.Value) goja.Value {
		sc := ctxOf(v)
		return buffer.New(h, append([]byte(nil), sc.ticket[:]...))
	})
	// ctxCertificate(ctx) is the first certificate's DER, or null.
	b.Set("ctxCertificate", func(v goja.Value) goja.Value {
		sc := ctxOf(v)
		if len(sc.chains) == 0 {
			return goja.Null()
		}
		return buffer.New(h, append([]byte(nil), sc.chains[0][0]...))
	})
	b.Set("rootCertificates", func() goja.Value {
		certs := rootCerts()
		out := make([]any, len(certs))
		for i, c := range certs {
			out[i] = c
		}
		return vm.NewArray(out...)
	})
	b.Set("ctxIssuer", func(v goja.Value) goja.Value {
		sc := ctxOf(v)
		if len(sc.chains) == 0 {
			return goja.Null()
		}
		chain := sc.chains[0]
		leaf, err := x509.ParseCertificate(chain[0])
		if err != nil {
			return goja.Null()
		}
		for _, der := range append(append([][]byte(nil), chain[1:]...), sc.caDER...) {
			if c, err := x509.ParseCertificate(der); err == nil && bytes.Equal(c.RawSubject, leaf.RawIssuer) {
				return buffer.New(h, append([]byte(nil), der...))
			}
		}
		return goja.Null()
	})
}

// rootCAFiles are the bundles Linux and BSD systems keep Mozilla's roots in (those Go's
// crypto/x509 reads): node ships the same bundle compiled in, we read the system's at first use.
var rootCAFiles = []string{
	"/etc/ssl/certs/ca-certificates.crt",
	"/etc/pki/tls/certs/ca-bundle.crt",
	"/etc/ssl/ca-bundle.pem",
	"/etc/pki/tls/cacert.pem",
	"/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
	"/etc/ssl/cert.pem",
	"/usr/local/etc/ssl/cert.pem",
}

// rootPEM writes a certificate as node's bundle has it: base64 in lines of 72, no final newline.
func rootPEM(der []byte) string {
	b64 := base64.StdEncoding.EncodeToString(der)
	var sb strings.Builder
	sb.WriteString("-----BEGIN CERTIFICATE-----\n")
	for len(b64) > 72 {
		sb.WriteString(b64[:72])
		sb.WriteByte('\n')
		b64 = b64[72:]
	}
	sb.WriteString(b64)
	sb.WriteString("\n-----END CERTIFICATE-----")
	return sb.String()
}

// rootCerts is tls.rootCertificates: each root as PEM without the final newline, as node has
// them; read once per process (the data is the system's, not a runtime's).
var rootCerts = sync.OnceValue(func() []string {
	for _, f := range rootCAFiles {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		var out []string
		seen := map[string]bool{}
		for _, der := range pemCerts(data) {
			if seen[string(der)] {
				continue
			}
			seen[string(der)] = true
			if _, err := x509.ParseCertificate(der); err != nil {
				continue
			}
			out = append(out, rootPEM(der))
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
})

// secLevelBits is the security, in bits, each of OpenSSL's security levels asks of keys and
// signature digests (level 0 asks nothing).
var secLevelBits = [6]int{0, 80, 112, 128, 192, 256}

// keyBits is OpenSSL's EVP_PKEY_get_security_bits of a public key: BN_security_bits of an RSA or
// DSA modulus, half an elliptic curve's order, 128 for Ed25519 (-1 when unknown).
func keyBits(pub any) int {
	fieldBits := func(n int) int {
		switch {
		case n >= 15360:
			return 256
		case n >= 7680:
			return 192
		case n >= 3072:
			return 128
		case n >= 2048:
			return 112
		case n >= 1024:
			return 80
		}
		return 0
	}
	switch k := pub.(type) {
	case *rsa.PublicKey:
		return fieldBits(k.N.BitLen())
	case *dsa.PublicKey:
		return fieldBits(k.P.BitLen())
	case *ecdsa.PublicKey:
		return k.Curve.Params().BitSize / 2
	case ed25519.PublicKey:
		return 128
	}
	return -1
}

// sigBits is the security, in bits, OpenSSL's X509_get_signature_info gives a certificate's
// signature digest: 39 for MD5 and 63 for SHA-1 (their known collision attacks), half the
// digest's size for the SHA-2 family, 128 for Ed25519 (-1 when unknown).
func sigBits(alg x509.SignatureAlgorithm) int {
	switch alg {
	case x509.MD2WithRSA, x509.MD5WithRSA:
		return 39
	case x509.SHA1WithRSA, x509.DSAWithSHA1, x509.ECDSAWithSHA1:
		return 63
	case x509.DSAWithSHA256, x509.SHA256WithRSA, x509.ECDSAWithSHA256, x509.SHA256WithRSAPSS, x509.PureEd25519:
		return 128
	case x509.SHA384WithRSA, x509.ECDSAWithSHA384, x509.SHA384WithRSAPSS:
		return 192
	case x509.SHA512WithRSA, x509.ECDSAWithSHA512, x509.SHA512WithRSAPSS:
		return 256
	}
	return -1
}

// certTooWeak is OpenSSL's ssl_security_cert for a certificate of a context's chain at security
// level lvl (the leaf when ee): "ee key too small" or "ca key too small" when its key gives fewer
// bits than the level asks, "ca md too weak" when its signature's digest does (a self-signed
// certificate's signature is not checked), else "".
func certTooWeak(der []byte, lvl int, ee bool) string {
	if lvl <= 0 {
		return ""
	}
	lvl = min(lvl, 5)
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return ""
	}
	need := secLevelBits[lvl]
	if b := keyBits(c.PublicKey); b >= 0 && b < need {
		if ee {
			return "ee key too small"
		}
		return "ca key too small"
	}
	selfSigned := bytes.Equal(c.RawSubject, c.RawIssuer) &&
		(len(c.AuthorityKeyId) == 0 || len(c.SubjectKeyId) == 0 || bytes.Equal(c.AuthorityKeyId, c.SubjectKeyId))
	if !selfSigned {
		if b := sigBits(c.SignatureAlgorithm); b >= 0 && b < need {
			return "ca md too weak"
		}
	}
	return ""
}
