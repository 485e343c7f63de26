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

// legacyPEMCipher finds the cipher a legacy PEM block may use: any with an IV, as OpenSSL's PEM
// layer drives it (CBC with padding; CFB, OFB, CTR and ChaCha20 as streams; the AEAD modes, XTS
// and key wrap through one update and final, the AEAD tag left out of the block; the stitched
// AES-CBC-HMAC ciphers as raw CBC).
func legacyPEMCipher(name string) (*cipherInfo, error) {
	info := lookupCipher(name)
	if info == nil {
		return nil, nil
	}
	switch {
	case info.mode == "ecb", info.algo == "legacy" && info.mode == "stream", info.ivLen == 0:
		return nil, osslError("04800071", "PEM routines", "unsupported cipher")
	case info.algo == "legacy":
		return nil, osslError("0308010C", "digital envelope routines", "unsupported")
	}
	return info, nil
}

// dekName is the cipher's name in a DEK-Info header: OpenSSL's short name.
func dekName(info *cipherInfo) string {
	switch {
	case info.algo == "chacha20":
		return "ChaCha20"
	case info.algo == "chacha20-poly1305":
		return "ChaCha20-Poly1305"
	case strings.HasPrefix(info.name, "id-aes") && (info.mode == "gcm" || info.mode == "ccm"):
		return info.name[:len(info.name)-3] + strings.ToUpper(info.mode)
	case strings.HasPrefix(info.name, "id-aes"):
		return info.name
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
	// The key's salt is the IV's first eight bytes; OpenSSL reads a shorter IV (wrap-pad's four
	// bytes) out of a larger buffer it never filled, so those bytes are random here and no
	// reader can find the key again, as with node.
	salt := make([]byte, 8)
	rand.Read(salt)
	copy(salt, iv)
	if info.mode == "wrap" && info.ivLen == 8 && len(der)%8 != 0 {
		return nil, true, osslError("1C8000E6", "Provider routines", "invalid input length")
	}
	// (a stitched AES-CBC-HMAC cipher with no MAC key is raw CBC: whole blocks only)
	if info.stitched && len(der)%16 != 0 {
		return nil, true, osslError("1C800066", "Provider routines", "cipher operation failed")
	}
	tagLen, nonce := 0, iv
	switch info.mode {
	case "ocb":
		tagLen = 16
	case "ccm":
		// OpenSSL's CCM context keeps its own default, a 7-byte nonce (L = 8), and takes that
		// much of the 12 IV bytes the PEM writer made and wrote
		tagLen, nonce = 12, iv[:7]
	}
	st, err := newCipher(info, true, bytesToKey(pass, salt, info.keyLen), nonce, tagLen)
	if err != nil {
		return nil, true, err
	}
	out, err := st.update(der)
	if err != nil {
		return nil, true, err
	}
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
	if err != nil || len(iv) != info.ivLen {
		return nil, true, errBadDecrypt.Get()
	}
	// What OpenSSL does with a block its own PEM writer made with these modes: no tag was
	// written, so GCM and OCB fail at final and CCM at its one update; ChaCha20-Poly1305 gives
	// its plaintext unchecked. A wrap-pad block's key was made from bytes the writer never kept.
	wrapFailed := osslErrorStack("1C800066", "Provider routines", "cipher operation failed",
		"error:04800065:PEM routines::bad decrypt", "error:030000BD:digital envelope routines::update error")
	switch {
	case info.mode == "gcm", info.mode == "ocb":
		return nil, true, osslError("04800065", "PEM routines", "bad decrypt")
	case info.mode == "ccm":
		return nil, true, osslErrorStack("1C800066", "Provider routines", "cipher operation failed",
			"error:04800065:PEM routines::bad decrypt")
	case info.mode == "wrap" && len(iv) < 8:
		return nil, true, wrapFailed
	case len(iv) < 8:
		return nil, true, errBadDecrypt.Get()
	}
	st, err := newCipher(info, false, bytesToKey(pass, iv[:8], info.keyLen), iv, 0)
	if err != nil {
		return nil, true, err
	}
	out, err := st.update(blk.Bytes)
	if err != nil {
		if info.mode == "wrap" {
			return nil, true, wrapFailed
		}
		return nil, true, errBadDecrypt.Get()
	}
	if info.algo == "chacha20-poly1305" {
		return out, true, nil
	}
	f, err := st.final()
	if err != nil {
		return nil, true, errBadDecrypt.Get()
	}
	return append(out, f...), true, nil
}
