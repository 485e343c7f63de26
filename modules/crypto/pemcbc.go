package crypto

import (
	"crypto/md5"
	"crypto/rand"
	"encoding/hex"
	"encoding/pem"
	"strings"
)

// Key encryption beyond Go's crypto/x509: OpenSSL's legacy PEM encryption (Proc-Type and DEK-Info
// headers, key from EVP_BytesToKey with MD5 over the passphrase and the IV's first eight
// bytes) with any cipher of the table that has an IV, for pkcs1/sec1 PEM.

// bytesToKey is OpenSSL's EVP_BytesToKey with MD5 and one round.
func bytesToKey(pass, salt []byte, n int) []byte {
	var out, d []byte
	for len(out) < n {
		h := md5.New()
		h.Write(d)
		h.Write(pass)
		h.Write(salt)
		d = h.Sum(nil)
		out = append(out, d...)
	}
	return out[:n]
}

// legacyPEMCipher finds the cipher a legacy PEM block may use: any with an IV whose mode
// OpenSSL's PEM layer drives (CBC with padding; CFB, OFB, CTR and ChaCha20 as streams).
func legacyPEMCipher(name string) (*cipherInfo, error) {
	info := lookupCipher(name)
	if info == nil {
		return nil, nil
	}
	switch {
	case info.mode == "ecb", info.algo == "legacy" && info.mode == "stream":
		return nil, osslError("04800071", "PEM routines", "unsupported cipher")
	case info.algo == "legacy":
		return nil, osslError("0308010C", "digital envelope routines", "unsupported")
	case info.stitched, info.algo == "chacha20-poly1305":
		return nil, nil
	case info.mode == "cbc", info.mode == "cfb", info.mode == "ofb", info.mode == "ctr", info.algo == "chacha20":
		return info, nil
	}
	return nil, nil
}

// dekName is the cipher's name in a DEK-Info header.
func dekName(info *cipherInfo) string {
	if info.algo == "chacha20" {
		return "ChaCha20"
	}
	return strings.ToUpper(info.name)
}

// encryptLegacyPEM writes der as an encrypted PEM block; ok is false when the cipher is not
// one this path handles (the caller then reports it unknown).
func encryptLegacyPEM(label string, der, pass []byte, cipherName string) ([]byte, bool, error) {
	info, err := legacyPEMCipher(cipherName)
	if info == nil {
		return nil, err != nil, err
	}
	iv := make([]byte, info.ivLen)
	rand.Read(iv)
	st, err := newCipher(info, true, bytesToKey(pass, iv[:8], info.keyLen), iv, 0)
	if err != nil {
		return nil, true, err
	}
	out, _ := st.update(der)
	f, err := st.final()
	if err != nil {
		return nil, true, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: label, Headers: map[string]string{
		"Proc-Type": "4,ENCRYPTED",
		"DEK-Info":  dekName(info) + "," + strings.ToUpper(hex.EncodeToString(iv)),
	}, Bytes: append(out, f...)}), true, nil
}

// decryptLegacyPEM reads an encrypted PEM block whose cipher Go's x509 does not know; ok is
// false when x509 should handle it.
func decryptLegacyPEM(blk *pem.Block, pass []byte) ([]byte, bool, error) {
	name, ivHex, found := strings.Cut(blk.Headers["DEK-Info"], ",")
	if !found {
		return nil, false, nil
	}
	switch strings.ToUpper(name) {
	case "DES-CBC", "DES-EDE3-CBC", "AES-128-CBC", "AES-192-CBC", "AES-256-CBC":
		return nil, false, nil
	}
	info, _ := legacyPEMCipher(strings.ToLower(name))
	if info == nil {
		return nil, true, errUnsupportedKey.Get()
	}
	iv, err := hex.DecodeString(ivHex)
	if err != nil || len(iv) != info.ivLen || len(iv) < 8 {
		return nil, true, errBadDecrypt.Get()
	}
	st, err := newCipher(info, false, bytesToKey(pass, iv[:8], info.keyLen), iv, 0)
	if err != nil {
		return nil, true, err
	}
	out, err := st.update(blk.Bytes)
	if err != nil {
		return nil, true, errBadDecrypt.Get()
	}
	f, err := st.final()
	if err != nil {
		return nil, true, errBadDecrypt.Get()
	}
	return append(out, f...), true, nil
}
