package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/subtle"
	"encoding/binary"
	"sort"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
	"golang.org/x/crypto/chacha20"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/poly1305" //nolint:staticcheck // the one-key MAC chacha20-poly1305 is built from
)

type cipherInfo struct {
	name      string // OpenSSL's long name, as getCipherInfo reports it
	mode      string
	nid       int
	blockSize int // 0: not reported
	ivLen     int // 0: none
	keyLen    int
	algo      string // "aes", "des3", "des2", "sm4", "aria", "camellia", "chacha20", "chacha20-poly1305"
	feedback  int    // CFB's feedback width in bits when not a whole block (1 or 8)
	stitched  bool   // aes-*-cbc-hmac-*: with no MAC key set (node never sets one) raw CBC
}

// ciphers is the cipher table by lower-case name, built on first use (cipherTable): a process
// that never uses a cipher does not pay for it at start-up.
var (
	ciphers     map[string]*cipherInfo
	ciphersOnce sync.Once
)

// cipherTable returns the cipher table, built the first time. Safe from any goroutine.
func cipherTable() map[string]*cipherInfo {
	ciphersOnce.Do(buildCiphers)
	return ciphers
}

func buildCiphers() {
	ciphers = map[string]*cipherInfo{}
	nids := map[string][3]int{ // mode -> nid for 128/192/256
		"ecb": {418, 422, 426}, "cbc": {419, 423, 427}, "ofb": {420, 424, 428},
		"cfb": {421, 425, 429}, "gcm": {895, 898, 901}, "ctr": {904, 905, 906},
	}
	for i, bits := range []string{"128", "192", "256"} {
		kl := 16 + 8*i
		for mode, n := range nids {
			ci := &cipherInfo{name: "aes-" + bits + "-" + mode, mode: mode, nid: n[i], ivLen: 16, keyLen: kl, algo: "aes", blockSize: 1}
			switch mode {
			case "ecb":
				ci.ivLen, ci.blockSize = 0, 16
			case "cbc":
				ci.blockSize = 16
			case "gcm":
				ci.name, ci.ivLen = "id-aes"+bits+"-gcm", 12
				ciphers["id-aes"+bits+"-gcm"] = ci
			}
			ciphers["aes-"+bits+"-"+mode] = ci
		}
		ciphers["aes"+bits] = ciphers["aes-"+bits+"-cbc"]
	}
	// OpenSSL's stitched AES-CBC + HMAC ciphers, meant for TLS records: node cannot give them a
	// MAC key, so they encrypt as bare CBC, whole blocks per update, with no padding.
	for i, bits := range []string{"128", "256"} {
		for j, mac := range []string{"sha1", "sha256"} {
			name := "aes-" + bits + "-cbc-hmac-" + mac
			ciphers[name] = &cipherInfo{name: name, mode: "cbc", nid: [2][2]int{{916, 948}, {918, 950}}[i][j], blockSize: 16, ivLen: 16, keyLen: 16 + 16*i, algo: "aes", stitched: true}
		}
	}
	ciphers["chacha20-poly1305"] = &cipherInfo{name: "chacha20-poly1305", mode: "stream", nid: 1018, ivLen: 12, keyLen: 32, algo: "chacha20-poly1305"}
	ciphers["chacha20"] = &cipherInfo{name: "chacha20", mode: "stream", nid: 1019, ivLen: 16, keyLen: 32, algo: "chacha20"}
	ciphers["des-ede3-cbc"] = &cipherInfo{name: "des-ede3-cbc", mode: "cbc", nid: 44, blockSize: 8, ivLen: 8, keyLen: 24, algo: "des3"}
	ciphers["des3"] = ciphers["des-ede3-cbc"]
	ciphers["des-ede3"] = &cipherInfo{name: "des-ede3", mode: "ecb", nid: 33, blockSize: 8, keyLen: 24, algo: "des3"}
	ciphers["des-ede3-ecb"] = ciphers["des-ede3"]
	addMoreCiphers()
	addLegacyCiphers()
}

// legacyCiphers are the ciphers of OpenSSL 3's legacy provider, which node 20 does not load:
// getCipherInfo knows them (by name, alias or nid) and getCiphers does not list them; a cipher
// or decipher made of one passes the IV check and then fails to initialise with
// ERR_OSSL_EVP_UNSUPPORTED, as EVP_CipherInit_ex fails to fetch it.
var legacyCiphers map[string]*cipherInfo

func addLegacyCiphers() {
	legacyCiphers = map[string]*cipherInfo{}
	add := func(name string, mode string, nid, blockSize, ivLen, keyLen int, aliases ...string) {
		ci := &cipherInfo{name: name, mode: mode, nid: nid, blockSize: blockSize, ivLen: ivLen, keyLen: keyLen, algo: "legacy"}
		legacyCiphers[name] = ci
		for _, a := range aliases {
			legacyCiphers[a] = ci
		}
	}
	// the 64-bit (and SEED's 128-bit) block ciphers in ecb, cbc, cfb and ofb: nids in that order
	for _, b := range []struct {
		algo       string
		nids       [4]int
		block, key int
		aliases    []string
	}{
		{"bf", [4]int{92, 91, 93, 94}, 8, 16, []string{"bf", "blowfish"}},
		{"cast5", [4]int{109, 108, 110, 111}, 8, 16, []string{"cast", "cast-cbc"}},
		{"des", [4]int{29, 31, 30, 45}, 8, 8, []string{"des"}},
		{"idea", [4]int{36, 34, 35, 46}, 8, 16, []string{"idea"}},
		{"rc2", [4]int{38, 37, 39, 40}, 8, 16, []string{"rc2"}},
		{"seed", [4]int{776, 777, 779, 778}, 16, 16, []string{"seed"}},
	} {
		add(b.algo+"-ecb", "ecb", b.nids[0], b.block, 0, b.key)
		add(b.algo+"-cbc", "cbc", b.nids[1], b.block, b.block, b.key, b.aliases...)
		add(b.algo+"-cfb", "cfb", b.nids[2], 1, b.block, b.key)
		add(b.algo+"-ofb", "ofb", b.nids[3], 1, b.block, b.key)
	}
	add("des-cfb1", "cfb", 656, 1, 8, 8)
	add("des-cfb8", "cfb", 657, 1, 8, 8)
	add("desx-cbc", "cbc", 80, 8, 8, 24, "desx")
	add("rc2-40-cbc", "cbc", 98, 8, 8, 5)
	add("rc2-64-cbc", "cbc", 166, 8, 8, 8)
	add("rc4", "stream", 5, 0, 0, 16)
	add("rc4-40", "stream", 97, 0, 0, 5)
	add("rc4-hmac-md5", "stream", 915, 0, 0, 16)
}

// lookupCipherNid finds a cipher, legacy ones too, by its nid. Safe from any goroutine.
func lookupCipherNid(nid int) *cipherInfo {
	for _, ci := range cipherTable() {
		if ci.nid == nid {
			return ci
		}
	}
	for _, ci := range legacyCiphers {
		if ci.nid == nid {
			return ci
		}
	}
	return nil
}

// addMoreCiphers registers the modes and block ciphers beyond Go's own: CFB-1/CFB-8, CCM, OCB
// and XTS for AES, two-key triple DES, SM4, ARIA and Camellia (names and nids as OpenSSL 3 lists them).
func addMoreCiphers() {
	add := func(key string, ci cipherInfo) {
		c := ci
		if c.name == "" {
			c.name = key
		}
		ciphers[key] = &c
	}
	for i, bits := range []string{"128", "192", "256"} {
		kl := 16 + 8*i
		add("aes-"+bits+"-cfb1", cipherInfo{mode: "cfb", nid: 650 + i, blockSize: 1, ivLen: 16, keyLen: kl, algo: "aes", feedback: 1})
		add("aes-"+bits+"-cfb8", cipherInfo{mode: "cfb", nid: 653 + i, blockSize: 1, ivLen: 16, keyLen: kl, algo: "aes", feedback: 8})
		ccm := cipherInfo{name: "id-aes" + bits + "-ccm", mode: "ccm", nid: 896 + 3*i, blockSize: 1, ivLen: 12, keyLen: kl, algo: "aes"}
		add("aes-"+bits+"-ccm", ccm)
		add("id-aes"+bits+"-ccm", ccm)
		add("aes-"+bits+"-ocb", cipherInfo{mode: "ocb", nid: 958 + i, blockSize: 16, ivLen: 12, keyLen: kl, algo: "aes"})
	}
	add("aes-128-xts", cipherInfo{mode: "xts", nid: 913, blockSize: 1, ivLen: 16, keyLen: 32, algo: "aes"})
	add("aes-256-xts", cipherInfo{mode: "xts", nid: 914, blockSize: 1, ivLen: 16, keyLen: 64, algo: "aes"})
	add("des-ede", cipherInfo{mode: "ecb", nid: 32, blockSize: 8, keyLen: 16, algo: "des2"})
	ciphers["des-ede-ecb"] = ciphers["des-ede"]
	add("des-ede-cbc", cipherInfo{mode: "cbc", nid: 43, blockSize: 8, ivLen: 8, keyLen: 16, algo: "des2"})
	add("des-ede-cfb", cipherInfo{mode: "cfb", nid: 60, blockSize: 1, ivLen: 8, keyLen: 16, algo: "des2"})
	add("des-ede-ofb", cipherInfo{mode: "ofb", nid: 62, blockSize: 1, ivLen: 8, keyLen: 16, algo: "des2"})
	add("des-ede3-cfb", cipherInfo{mode: "cfb", nid: 61, blockSize: 1, ivLen: 8, keyLen: 24, algo: "des3"})
	add("des-ede3-cfb1", cipherInfo{mode: "cfb", nid: 658, blockSize: 1, ivLen: 8, keyLen: 24, algo: "des3", feedback: 1})
	add("des-ede3-cfb8", cipherInfo{mode: "cfb", nid: 659, blockSize: 1, ivLen: 8, keyLen: 24, algo: "des3", feedback: 8})
	add("des-ede3-ofb", cipherInfo{mode: "ofb", nid: 63, blockSize: 1, ivLen: 8, keyLen: 24, algo: "des3"})
	add("id-smime-alg-cms3deswrap", cipherInfo{mode: "wrap", nid: 246, blockSize: 8, keyLen: 24, algo: "des3"})
	ciphers["des3-wrap"] = ciphers["id-smime-alg-cms3deswrap"]
	add("sm4-ecb", cipherInfo{mode: "ecb", nid: 1133, blockSize: 16, keyLen: 16, algo: "sm4"})
	add("sm4-cbc", cipherInfo{mode: "cbc", nid: 1134, blockSize: 16, ivLen: 16, keyLen: 16, algo: "sm4"})
	ciphers["sm4"] = ciphers["sm4-cbc"]
	add("sm4-ofb", cipherInfo{mode: "ofb", nid: 1135, blockSize: 1, ivLen: 16, keyLen: 16, algo: "sm4"})
	add("sm4-cfb", cipherInfo{mode: "cfb", nid: 1137, blockSize: 1, ivLen: 16, keyLen: 16, algo: "sm4"})
	add("sm4-ctr", cipherInfo{mode: "ctr", nid: 1139, blockSize: 1, ivLen: 16, keyLen: 16, algo: "sm4"})
	for i, bits := range []string{"128", "192", "256"} {
		kl, p := 16+8*i, "aria-"+bits+"-"
		add(p+"ecb", cipherInfo{mode: "ecb", nid: 1065 + 5*i, blockSize: 16, keyLen: kl, algo: "aria"})
		add(p+"cbc", cipherInfo{mode: "cbc", nid: 1066 + 5*i, blockSize: 16, ivLen: 16, keyLen: kl, algo: "aria"})
		add(p+"cfb", cipherInfo{mode: "cfb", nid: 1067 + 5*i, blockSize: 1, ivLen: 16, keyLen: kl, algo: "aria"})
		add(p+"ofb", cipherInfo{mode: "ofb", nid: 1068 + 5*i, blockSize: 1, ivLen: 16, keyLen: kl, algo: "aria"})
		add(p+"ctr", cipherInfo{mode: "ctr", nid: 1069 + 5*i, blockSize: 1, ivLen: 16, keyLen: kl, algo: "aria"})
		add(p+"cfb1", cipherInfo{mode: "cfb", nid: 1080 + i, blockSize: 1, ivLen: 16, keyLen: kl, algo: "aria", feedback: 1})
		add(p+"cfb8", cipherInfo{mode: "cfb", nid: 1083 + i, blockSize: 1, ivLen: 16, keyLen: kl, algo: "aria", feedback: 8})
		add(p+"ccm", cipherInfo{mode: "ccm", nid: 1120 + i, blockSize: 1, ivLen: 12, keyLen: kl, algo: "aria"})
		add(p+"gcm", cipherInfo{mode: "gcm", nid: 1123 + i, blockSize: 1, ivLen: 12, keyLen: kl, algo: "aria"})
		ciphers["aria"+bits] = ciphers[p+"cbc"]
		p = "camellia-" + bits + "-"
		add(p+"ecb", cipherInfo{mode: "ecb", nid: 754 + i, blockSize: 16, keyLen: kl, algo: "camellia"})
		add(p+"cbc", cipherInfo{mode: "cbc", nid: 751 + i, blockSize: 16, ivLen: 16, keyLen: kl, algo: "camellia"})
		add(p+"cfb", cipherInfo{mode: "cfb", nid: 757 + i, blockSize: 1, ivLen: 16, keyLen: kl, algo: "camellia"})
		add(p+"cfb1", cipherInfo{mode: "cfb", nid: 760 + i, blockSize: 1, ivLen: 16, keyLen: kl, algo: "camellia", feedback: 1})
		add(p+"cfb8", cipherInfo{mode: "cfb", nid: 763 + i, blockSize: 1, ivLen: 16, keyLen: kl, algo: "camellia", feedback: 8})
		add(p+"ofb", cipherInfo{mode: "ofb", nid: 766 + i, blockSize: 1, ivLen: 16, keyLen: kl, algo: "camellia"})
		add(p+"ctr", cipherInfo{mode: "ctr", nid: 963 + 4*i, blockSize: 1, ivLen: 16, keyLen: kl, algo: "camellia"})
		ciphers["camellia"+bits] = ciphers[p+"cbc"]
		add("id-aes"+bits+"-wrap", cipherInfo{mode: "wrap", nid: 788 + i, blockSize: 8, ivLen: 8, keyLen: kl, algo: "aes"})
		ciphers["aes"+bits+"-wrap"] = ciphers["id-aes"+bits+"-wrap"]
		add("id-aes"+bits+"-wrap-pad", cipherInfo{mode: "wrap", nid: 897 + 3*i, blockSize: 8, ivLen: 4, keyLen: kl, algo: "aes"})
	}
}

func cipherNames() []any {
	var n []string
	for k := range cipherTable() {
		if len(k) > 6 && k[:6] == "id-aes" && (k[len(k)-3:] == "gcm" || k[len(k)-3:] == "ccm") {
			continue // listed in node's spelling below
		}
		if k == "id-smime-alg-cms3deswrap" {
			k = "id-smime-alg-CMS3DESwrap"
		}
		n = append(n, k)
	}
	n = append(n, "id-aes128-GCM", "id-aes192-GCM", "id-aes256-GCM", "id-aes128-CCM", "id-aes192-CCM", "id-aes256-CCM")
	sort.Strings(n)
	out := make([]any, len(n))
	for i, s := range n {
		out[i] = s
	}
	return out
}

func lookupCipher(name string) *cipherInfo {
	b := []byte(name)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	if ci := cipherTable()[string(b)]; ci != nil {
		return ci
	}
	if ci := lookupWrapAlias(string(b)); ci != nil {
		return ci
	}
	return legacyCiphers[string(b)]
}

// lookupWrapAlias finds the AES key-wrap ciphers by the names OpenSSL also knows them by but
// getCiphers does not list: aes-128-wrap, aes-128-wrap-pad, aes128-wrap-pad (lower case).
func lookupWrapAlias(n string) *cipherInfo {
	if !strings.HasPrefix(n, "aes") || !strings.Contains(n, "-wrap") {
		return nil
	}
	bits := strings.TrimPrefix(strings.TrimPrefix(n, "aes"), "-")
	if len(bits) < 3 {
		return nil
	}
	switch rest := bits[3:]; rest {
	case "-wrap", "-wrap-pad":
		if rest == "-wrap" && n[3] != '-' {
			return nil // aes128-wrap is a listed name
		}
		return cipherTable()["id-aes"+bits[:3]+rest]
	}
	return nil
}

type ecb struct {
	b   cipher.Block
	enc bool
}

func (e ecb) BlockSize() int { return e.b.BlockSize() }
func (e ecb) CryptBlocks(dst, src []byte) {
	bs := e.b.BlockSize()
	for i := 0; i < len(src); i += bs {
		if e.enc {
			e.b.Encrypt(dst[i:i+bs], src[i:i+bs])
		} else {
			e.b.Decrypt(dst[i:i+bs], src[i:i+bs])
		}
	}
}

type cipherState struct {
	dyn
	info    *cipherInfo
	enc     bool
	bm      cipher.BlockMode
	bs      int
	stream  cipher.Stream
	pad     bool
	pending []byte

	blk       cipher.Block
	aead      cipher.AEAD
	nonce     []byte
	aad       []byte
	buf       []byte
	tag       []byte
	tagLen    int
	streaming bool
	// cp is chacha20-poly1305's running MAC.
	cp *chachaPoly

	stitched bool

	// The state node's CipherBase keeps natively, which the glue's methods check: final() has
	// been called, update() has, an auth tag has been set; the authTagLength option (given, or
	// 16).
	finalized, updated, tagSet, tagLengthGiven bool
	authTagLength                              int

	ccm *ccmState
	ocb *ocbState
	xts *xtsState
	kw  *kwState
}

var errUnsupportedState = &modules.Error{Name: "Error", Message: "Trying to add data in unsupported state"}

// newBlock makes the block cipher of an algorithm.
func newBlock(algo string, key []byte) (cipher.Block, error) {
	switch algo {
	case "des3":
		return des.NewTripleDESCipher(key)
	case "des2":
		return des.NewTripleDESCipher(append(append([]byte(nil), key...), key[:8]...))
	case "sm4":
		return newSM4(key)
	case "aria":
		return newARIA(key)
	case "camellia":
		return newCamellia(key)
	}
	return aes.NewCipher(key)
}

var errAuth = &modules.Error{Name: "Error", Message: "Unsupported state or unable to authenticate data"}

func newCipher(info *cipherInfo, enc bool, key, iv []byte, tagLen int) (*cipherState, error) {
	st := &cipherState{info: info, enc: enc, pad: true, tagLen: tagLen}
	var blk cipher.Block
	var err error
	switch info.algo {
	case "aes", "des3", "des2", "sm4", "aria", "camellia":
		if info.mode == "xts" {
			half := len(key) / 2
			if enc && subtle.ConstantTimeCompare(key[:half], key[half:]) == 1 {
				return nil, osslError("1C800095", "Provider routines", "xts duplicated keys")
			}
			k1, err := newBlock(info.algo, key[:half])
			if err != nil {
				return nil, err
			}
			k2, _ := newBlock(info.algo, key[half:])
			st.xts = &xtsState{k1: k1, k2: k2, iv: append([]byte(nil), iv...), enc: enc}
			return st, nil
		}
		blk, err = newBlock(info.algo, key)
	case "chacha20":
		c, err := chacha20.NewUnauthenticatedCipher(key, iv[4:])
		if err != nil {
			return nil, err
		}
		c.SetCounter(binary.LittleEndian.Uint32(iv[:4]))
		st.stream = c
		return st, nil
	case "chacha20-poly1305":
		st.aead, err = chacha20poly1305.New(key)
		if err != nil {
			return nil, err
		}
		if len(iv) != 12 {
			return nil, modules.NativeError("TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector")
		}
		c, _ := chacha20.NewUnauthenticatedCipher(key, iv)
		var pk [32]byte
		c.XORKeyStream(pk[:], pk[:])
		c.SetCounter(1)
		st.stream, st.streaming, st.nonce = c, true, append([]byte(nil), iv...)
		st.cp = &chachaPoly{mac: poly1305.New(&pk)}
		if st.tagLen == 0 {
			st.tagLen = 16
		}
		return st, nil
	}
	if err != nil {
		return nil, err
	}
	switch info.mode {
	case "cbc":
		st.stitched = info.stitched
		if enc {
			st.bm = cipher.NewCBCEncrypter(blk, iv)
		} else {
			st.bm = cipher.NewCBCDecrypter(blk, iv)
		}
		st.bs = blk.BlockSize()
	case "ecb":
		st.bm, st.bs = ecb{blk, enc}, blk.BlockSize()
	case "ctr":
		st.stream = cipher.NewCTR(blk, iv)
	case "ofb":
		st.stream = cipher.NewOFB(blk, iv)
	case "cfb":
		if info.feedback != 0 {
			st.stream = newCFBN(blk, iv, enc, info.feedback)
			break
		}
		if enc {
			st.stream = cipher.NewCFBEncrypter(blk, iv)
		} else {
			st.stream = cipher.NewCFBDecrypter(blk, iv)
		}
	case "wrap":
		st.kw = &kwState{b: blk, iv: append([]byte(nil), iv...), pad: info.ivLen == 4, enc: enc, des3: info.algo == "des3"}
	case "ccm":
		st.ccm = newCCM(blk, iv, tagLen, enc)
	case "ocb":
		st.ocb = newOCB(blk, enc, iv, tagLen)
	case "gcm":
		st.blk = blk
		if st.tagLen == 0 {
			st.tagLen = 16
		}
		st.nonce = append([]byte(nil), iv...)
		// always the full 16-byte tag: a shorter one (node takes 4, 8 and 12 to 16 bytes, Go's
		// NewGCMWithTagSize only 12 to 16) is its first bytes, cut at final
		if len(iv) == 12 {
			st.aead, err = cipher.NewGCM(blk)
		} else {
			st.aead, err = cipher.NewGCMWithNonceSize(blk, len(iv))
		}
		if err != nil {
			return nil, err
		}
		if len(iv) == 12 {
			ctr := make([]byte, 16)
			copy(ctr, iv)
			ctr[15] = 2
			st.stream, st.streaming = cipher.NewCTR(blk, ctr), true
		} else {
			// another IV length hashes it into the first counter block: the first keystream
			// block (sealing zeros) deciphered is that block, from which the stream goes on
			ks := st.aead.Seal(nil, st.nonce, make([]byte, 16), nil)
			g := &gcmCTR{b: blk, used: 16}
			blk.Decrypt(g.ctr[:], ks[:16])
			st.stream, st.streaming = g, true
		}
	}
	return st, nil
}

// gcmCTR is GCM's keystream: the counter block enciphered, its last 32 bits incremented
// (modulo 2^32) for each next block.
type gcmCTR struct {
	b    cipher.Block
	ctr  [16]byte
	ks   [16]byte
	used int
}

func (g *gcmCTR) XORKeyStream(dst, src []byte) {
	for i := range src {
		if g.used == 16 {
			g.b.Encrypt(g.ks[:], g.ctr[:])
			binary.BigEndian.PutUint32(g.ctr[12:], binary.BigEndian.Uint32(g.ctr[12:])+1)
			g.used = 0
		}
		dst[i] = src[i] ^ g.ks[g.used]
		g.used++
	}
}

func (st *cipherState) update(p []byte) ([]byte, error) {
	switch {
	case st.ccm != nil:
		return st.ccmUpdate(p)
	case st.ocb != nil:
		return st.ocb.update(p), nil
	case st.kw != nil:
		return st.kw.update(p)
	case st.xts != nil:
		if len(p) < 16 {
			return nil, errUnsupportedState
		}
		return st.xts.unit(p), nil
	case st.stitched:
		if len(p)%16 != 0 {
			return nil, errUnsupportedState
		}
		out := make([]byte, len(p))
		st.bm.CryptBlocks(out, p)
		return out, nil
	}
	return st.update1(p), nil
}

// ccmUpdate is node's CCM update: an encryption the context refuses throws, a decryption's
// failure (a bad tag, a second message) gives nothing and fails final().
func (st *cipherState) ccmUpdate(p []byte) ([]byte, error) {
	c := st.ccm
	if uint64(len(p)) > ccmMaxLen(len(c.iv)) {
		return nil, modules.NativeError("RangeError", "ERR_CRYPTO_INVALID_MESSAGELEN", "Invalid message length")
	}
	if !st.enc {
		c.passTag(st.tag)
	}
	out, ok := c.update(p)
	switch {
	case ok:
		return out, nil
	case st.enc:
		return nil, errUnsupportedState
	}
	c.authFailed = true
	return []byte{}, nil
}

func (st *cipherState) update1(p []byte) []byte {
	if st.cp != nil {
		out := make([]byte, len(p))
		st.stream.XORKeyStream(out, p)
		if st.enc {
			st.cp.text(out)
		} else {
			st.cp.text(p)
		}
		return out
	}
	if st.aead != nil {
		st.buf = append(st.buf, p...)
		if !st.streaming {
			return nil
		}
	}
	if st.stream != nil {
		out := make([]byte, len(p))
		st.stream.XORKeyStream(out, p)
		return out
	}
	st.pending = append(st.pending, p...)
	n := len(st.pending) / st.bs * st.bs
	if !st.enc && st.pad && n == len(st.pending) && n > 0 {
		n -= st.bs
	}
	out := make([]byte, n)
	st.bm.CryptBlocks(out, st.pending[:n])
	st.pending = append(st.pending[:0], st.pending[n:]...)
	return out
}

func (st *cipherState) final() ([]byte, error) {
	switch {
	case st.ccm != nil:
		// node's final of a CCM decipher calls no OpenSSL final: it fails only for a failed
		// update. A failed encryption final leaves getAuthTag node's unfilled tag buffer
		// (zeros here).
		c := st.ccm
		if !st.enc {
			c.passTag(st.tag)
			if c.authFailed {
				return nil, errAuth
			}
			return nil, nil
		}
		t, err := c.finalTag()
		if err != nil {
			st.tag = make([]byte, c.m)
			return nil, err
		}
		st.tag = t
		return nil, nil
	case st.ocb != nil:
		out, tag := st.ocb.final()
		if st.enc {
			st.tag = tag
			return out, nil
		}
		if len(st.tag) != len(tag) || subtle.ConstantTimeCompare(st.tag, tag) != 1 {
			return nil, errAuth
		}
		return out, nil
	case st.xts != nil, st.kw != nil, st.stitched:
		return nil, nil
	case st.cp != nil:
		tag := st.cp.sum()
		if st.enc {
			st.tag = tag[:st.tagLen]
			return nil, nil
		}
		if st.tag == nil || subtle.ConstantTimeCompare(tag[:len(st.tag)], st.tag) != 1 {
			return nil, errAuth
		}
		return nil, nil
	}
	if st.aead != nil {
		if st.enc {
			sealed := st.aead.Seal(nil, st.nonce, st.buf, st.aad)
			n := len(st.buf)
			st.tag = sealed[n : n+st.tagLen]
			if !st.streaming {
				return sealed[:n], nil
			}
			return nil, nil
		}
		if st.tag == nil {
			return nil, errAuth
		}
		aead := st.aead
		if st.blk != nil && len(st.tag) < aead.Overhead() {
			// a truncated GCM tag is the full tag's first bytes: decrypt with the keystream
			// (sealing zeros), seal the plaintext again and compare that prefix
			n := len(st.buf)
			pt := aead.Seal(nil, st.nonce, make([]byte, n), nil)[:n]
			subtle.XORBytes(pt, pt, st.buf)
			sealed := aead.Seal(nil, st.nonce, pt, st.aad)
			if subtle.ConstantTimeCompare(sealed[n:n+len(st.tag)], st.tag) != 1 {
				return nil, errAuth
			}
			if !st.streaming {
				return pt, nil
			}
			return nil, nil
		}
		if len(st.tag) != aead.Overhead() {
			return nil, errAuth
		}
		pt, err := aead.Open(nil, st.nonce, append(st.buf, st.tag...), st.aad)
		if err != nil {
			return nil, errAuth
		}
		if !st.streaming {
			return pt, nil
		}
		return nil, nil
	}
	if st.stream != nil {
		return nil, nil
	}
	if st.enc {
		if st.pad {
			k := st.bs - len(st.pending)%st.bs
			for i := 0; i < k; i++ {
				st.pending = append(st.pending, byte(k))
			}
		} else if len(st.pending)%st.bs != 0 {
			return nil, osslError("1C80006B", "Provider routines", "wrong final block length")
		}
		out := make([]byte, len(st.pending))
		st.bm.CryptBlocks(out, st.pending)
		return out, nil
	}
	if len(st.pending)%st.bs != 0 || (st.pad && len(st.pending) == 0) {
		return nil, osslError("1C80006B", "Provider routines", "wrong final block length")
	}
	out := make([]byte, len(st.pending))
	st.bm.CryptBlocks(out, st.pending)
	if st.pad {
		k := int(out[len(out)-1])
		if k == 0 || k > st.bs {
			return nil, osslError("1C800064", "Provider routines", "bad decrypt")
		}
		for _, c := range out[len(out)-k:] {
			if int(c) != k {
				return nil, osslError("1C800064", "Provider routines", "bad decrypt")
			}
		}
		out = out[:len(out)-k]
	}
	return out, nil
}

func bindCipher(h *modules.Host, b *modules.LazyFuncs) {
	vm := h.VM
	// cipherNames(), hashNames(), curveNames(): the lists getCiphers, getHashes and getCurves
	// copy, made as JS arrays once, when first asked for (a Go slice would be read element by
	// element through reflection on every copy).
	b.Set("cipherNames", func(goja.FunctionCall) goja.Value { return vm.NewArray(cipherNames()...) })
	// cipherInfo(name) returns [name, mode, nid, blockSize, ivLength, keyLength] or undefined.
	// (the calls made for every cipher take a goja.FunctionCall: a Go function of other
	// arguments is called by reflection, which cost a third of a small message's encryption)
	info := func(ci *cipherInfo) goja.Value {
		return vm.NewArray(ci.name, ci.mode, ci.nid, ci.blockSize, ci.ivLen, ci.keyLen)
	}
	b.Set("cipherInfo", func(c goja.FunctionCall) goja.Value {
		ci := lookupCipher(c.Argument(0).String())
		if ci == nil {
			return goja.Undefined()
		}
		return info(ci)
	})
	// cipherInfoByNid(nid): the same, for getCipherInfo(nid).
	b.Set("cipherInfoByNid", func(nid int) goja.Value {
		ci := lookupCipherNid(nid)
		if ci == nil {
			return goja.Undefined()
		}
		return info(ci)
	})
	b.Set("setFips", func(c goja.FunctionCall) goja.Value {
		glueOf(h).fips = c.Argument(0).ToBoolean()
		return goja.Undefined()
	})
	b.Set("cipherNew", func(c goja.FunctionCall) goja.Value {
		return vm.NewDynamicObject(newCipherState(h, c.Arguments))
	})
	// cipherInit(self, name, encrypt, key, iv, authTagLength, options, streamLoaded) makes self
	// a new Cipheriv or Decipheriv: its handle (cipherNew's), _decoder null and _options.
	g := glueOf(h)
	b.Set("cipherInit", func(c goja.FunctionCall) goja.Value {
		self, ok := c.Argument(0).(*goja.Object)
		if !ok {
			panic(vm.NewTypeError("Illegal invocation"))
		}
		st := newCipherState(h, c.Arguments[1:])
		g.define(vm, self, st, g.cipherProto, argBool(c, 7), nil, nil, "_decoder", goja.Null(), "_options", argVal(c, 6))
		return goja.Undefined()
	})
	// cipherUpdate(handle, data, encoding) returns the output, undefined once final() has run.
	b.Set("cipherUpdate", func(c goja.FunctionCall) goja.Value {
		st := modules.HandleOf[*cipherState](h, c.Argument(0), "update")
		if st.finalized {
			return goja.Undefined()
		}
		st.updated = true
		out, err := st.update(bytesArg(vm, c.Argument(1), c.Argument(2)))
		if err != nil {
			h.Throw(err)
		}
		return buffer.New(h, out)
	})
	// cipherFinal(handle) returns the last output, undefined when final() has run before.
	b.Set("cipherFinal", func(c goja.FunctionCall) goja.Value {
		st := modules.HandleOf[*cipherState](h, c.Argument(0), "final")
		if st.finalized {
			return goja.Undefined()
		}
		st.finalized = true
		out, err := st.final()
		if err != nil {
			h.Throw(err)
		}
		return buffer.New(h, out)
	})
	// cipherSetAutoPadding(handle, on): false once final() has run.
	b.Set("cipherSetAutoPadding", func(c goja.FunctionCall) goja.Value {
		st := modules.HandleOf[*cipherState](h, c.Argument(0), "setAutoPadding")
		if st.finalized {
			return vm.ToValue(false)
		}
		st.pad = argBool(c, 1)
		return vm.ToValue(true)
	})
	b.Set("cipherIsAEAD", func(c goja.FunctionCall) goja.Value {
		st := modules.HandleOf[*cipherState](h, c.Argument(0), "update")
		return vm.ToValue(st.isAEAD())
	})
	// cipherSetAAD(handle, data, plaintextLength, checked): plaintextLength is -1 when not given.
	// Checked (setAAD's call), it returns false and sets nothing for a cipher that is no AEAD, has
	// had final(), or is GCM with message data already (OpenSSL's GCM refuses AAD then; empty
	// AAD is no call at all). CCM takes AAD after a message (it sets the IV again), OCB adds it
	// to the AAD hash and chacha20-poly1305 to its running MAC, as OpenSSL's providers do.
	b.Set("cipherSetAAD", func(c goja.FunctionCall) goja.Value {
		st := modules.HandleOf[*cipherState](h, c.Argument(0), "setAAD")
		d, plen := bytesArg(vm, argVal(c, 1), nil), argInt(c, 2)
		if argBool(c, 3) && (!st.isAEAD() || st.finalized || st.blk != nil && len(st.buf) > 0 && len(d) > 0) {
			return vm.ToValue(false)
		}
		switch {
		case st.ccm != nil:
			if plen < 0 {
				h.Throw(modules.TypeError("ERR_MISSING_ARGS", "options.plaintextLength required for CCM mode with AAD"))
			}
			if uint64(plen) > ccmMaxLen(len(st.ccm.iv)) {
				h.Throw(modules.NativeError("RangeError", "ERR_CRYPTO_INVALID_MESSAGELEN", "Invalid message length"))
			}
			if !st.enc {
				st.ccm.passTag(st.tag)
			}
			return vm.ToValue(st.ccm.setAAD(d, uint64(plen)))
		case st.ocb != nil:
			st.ocb.addAAD(d)
			return vm.ToValue(true)
		case st.cp != nil:
			st.cp.aad(d)
			return vm.ToValue(true)
		}
		st.aad = append(st.aad, d...)
		return vm.ToValue(true)
	})
	// cipherGetAuthTag(handle): an AEAD cipher's tag after final(), else undefined.
	b.Set("cipherGetAuthTag", func(c goja.FunctionCall) goja.Value {
		st := modules.HandleOf[*cipherState](h, c.Argument(0), "getAuthTag")
		if st.tag == nil || !st.enc || !st.isAEAD() {
			return goja.Undefined()
		}
		return buffer.New(h, append([]byte(nil), st.tag...))
	})
	b.Set("cipherSetAuthTag", func(c goja.FunctionCall) goja.Value {
		st := modules.HandleOf[*cipherState](h, c.Argument(0), "setAuthTag")
		st.tag = copyArg(vm, argVal(c, 1), nil)
		return goja.Undefined()
	})
	// cipherCheckSetAuthTag(handle, tag) is a Decipheriv's setAuthTag: 1 (setting nothing) for a
	// cipher that is no AEAD, has had final() or a tag already, 2 for a tag length the cipher
	// does not take; else the tag is set and the result is 3 for a GCM tag shorter than 16
	// bytes with no authTagLength given (node's deprecation), 0 otherwise. As node, GCM takes
	// any valid GCM tag length unless authTagLength was given; every other AEAD mode (ccm, ocb,
	// chacha20-poly1305, whose length defaults to 16) takes exactly its tag length.
	b.Set("cipherCheckSetAuthTag", func(c goja.FunctionCall) goja.Value {
		st := modules.HandleOf[*cipherState](h, c.Argument(0), "setAuthTag")
		if !st.isAEAD() || st.finalized || st.tagSet {
			return vm.ToValue(1)
		}
		tag := copyArg(vm, argVal(c, 1), nil)
		n, gcm := len(tag), st.info.mode == "gcm"
		ok := n == st.authTagLength
		if gcm {
			ok = n >= 4 && n <= 16 && (n >= 12 || n == 4 || n == 8) && (!st.tagLengthGiven || n == st.authTagLength)
		}
		if !ok {
			return vm.ToValue(2)
		}
		st.tagSet, st.tag = true, tag
		if gcm && !st.tagLengthGiven && n != 16 {
			return vm.ToValue(3)
		}
		return vm.ToValue(0)
	})
}

// isAEAD reports whether the cipher authenticates (has an auth tag).
func (st *cipherState) isAEAD() bool { return st.aead != nil || st.ccm != nil || st.ocb != nil }

// newCipherState makes a cipher's state from cipherNew's arguments (name, encrypt, key, iv,
// authTagLength), throwing node's errors for a bad IV, key or tag length.
func newCipherState(h *modules.Host, args []goja.Value) *cipherState {
	vm := h.VM
	c := goja.FunctionCall{Arguments: args}
	name, enc, key, iv := c.Argument(0).String(), c.Argument(1).ToBoolean(), c.Argument(2), c.Argument(3)
	tagLen := int(c.Argument(4).ToInteger())
	ci := lookupCipher(name)
	k := copyArg(vm, key, nil)
	var ivb []byte
	if !goja.IsNull(iv) && !goja.IsUndefined(iv) {
		ivb = copyArg(vm, iv, nil)
	}
	var ivOK bool
	switch ci.mode {
	case "gcm":
		// OpenSSL 3 (node's) takes a GCM IV of 1 to 128 bytes.
		ivOK = len(ivb) > 0 && len(ivb) <= 128
	case "ccm":
		ivOK = len(ivb) >= 7 && len(ivb) <= 13
	case "ocb":
		ivOK = len(ivb) >= 1 && len(ivb) <= 15
	default:
		ivOK = len(ivb) == ci.ivLen
	}
	if !ivOK {
		h.Throw(modules.NativeError("TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector"))
	}
	if ci.algo == "legacy" || glueOf(h).fips {
		h.Throw(osslError("0308010C", "digital envelope routines", "unsupported"))
	}
	if len(k) != ci.keyLen {
		h.Throw(modules.NativeError("RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length"))
	}
	if ci.mode == "ccm" || ci.mode == "ocb" {
		if tagLen < 0 {
			h.Throw(modules.NativeError("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "authTagLength required for %s", name))
		}
		if tagLen < 1 || tagLen > 16 || ci.mode == "ccm" && (tagLen < 4 || tagLen%2 != 0) {
			h.Throw(modules.NativeError("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: %d", tagLen))
		}
	}
	given, authTagLength := tagLen >= 0, tagLen
	if tagLen < 0 {
		tagLen, authTagLength = 0, 16
	}
	st, err := newCipher(ci, enc, k, ivb, tagLen)
	if err != nil {
		h.Throw(err)
	}
	st.tagLengthGiven, st.authTagLength = given, authTagLength
	return st
}

// chachaPoly is chacha20-poly1305's MAC as OpenSSL's provider runs it, in the order the data
// comes: AAD goes in as given, text after AAD first pads the AAD so far to a 16-byte boundary,
// and the end pads the AAD (when the last input was AAD) and the text, then adds both lengths.
// So AAD given after text (which node accepts) lands in the middle of the MAC's input, the way
// OpenSSL computes it.
type chachaPoly struct {
	mac             *poly1305.MAC
	aadLen, textLen uint64
	aadOpen         bool
}

var zeros16 [16]byte

func (p *chachaPoly) aad(b []byte) {
	if len(b) == 0 {
		return
	}
	p.mac.Write(b)
	p.aadLen += uint64(len(b))
	p.aadOpen = true
}

func (p *chachaPoly) text(b []byte) {
	if len(b) == 0 {
		return
	}
	p.closeAAD()
	p.mac.Write(b)
	p.textLen += uint64(len(b))
}

func (p *chachaPoly) closeAAD() {
	if p.aadOpen {
		if r := p.aadLen % 16; r != 0 {
			p.mac.Write(zeros16[:16-r])
		}
		p.aadOpen = false
	}
}

func (p *chachaPoly) sum() []byte {
	p.closeAAD()
	if r := p.textLen % 16; r != 0 {
		p.mac.Write(zeros16[:16-r])
	}
	var l [16]byte
	binary.LittleEndian.PutUint64(l[:8], p.aadLen)
	binary.LittleEndian.PutUint64(l[8:], p.textLen)
	p.mac.Write(l[:])
	return p.mac.Sum(nil)
}
