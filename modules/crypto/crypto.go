// Package crypto implements Node's crypto module (https://nodejs.org/api/crypto.html) and the
// Web Crypto API it exports as webcrypto (https://nodejs.org/api/webcrypto.html) on Go's
// crypto/* packages and golang.org/x/crypto. Go does the hashing, ciphers, key derivation and
// public-key work; the glue (crypto.js, webcrypto.js) gives it Node's shape: classes, stream
// compatibility, option validation and Node's error codes.
//
// What Go lacks is written here from the specifications: the SM4 and ARIA block ciphers, the
// CFB-1/CFB-8, CCM, OCB, XTS and key-wrap modes (modes.go, keywrap.go), secp256k1 and the other
// prime-field curves OpenSSL lists (curves.go) with their key encodings (eccustom.go), and the
// RSA-PSS, DSA, DH, Ed448 and X448 key types with OpenSSL's SPKI/PKCS#8 forms (keytypes.go;
// Cloudflare's circl does the Ed448 and X448 arithmetic).
// Differences from node: no Camellia, no aes-*-cbc-hmac-sha* or des3-wrap ciphers, no binary
// (GF(2^m)) curves; keys on the SM2 curve sign with ECDSA (node's SM2-scheme cases are not
// reproduced); the big.Int curves are not constant-time.
package crypto

import (
	_ "embed"
	"math"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

//go:embed crypto.js
var cryptoJS string

//go:embed webcrypto.js
var webcryptoJS string

// Module is the "crypto" built-in.
var Module = modules.Module{Name: "crypto", Bind: bind, JSRef: &cryptoJS}

// WebCrypto is the internal module holding the Web Crypto API ("internal/crypto/webcrypto").
var WebCrypto = modules.Module{Name: "internal/crypto/webcrypto", Internal: true, JSRef: &webcryptoJS}

// The arguments of a binding function as goja's reflection gave them to a Go function of typed
// parameters, for bindings that take a goja.FunctionCall instead (reflection costs a few
// allocations per argument, a large share of a small hash or signature): a missing argument is a
// nil Value; undefined and null are the zero value of a string, int or bool parameter; a number
// that is NaN or infinite is 0.
func argVal(c goja.FunctionCall, i int) goja.Value {
	if i < len(c.Arguments) {
		return c.Arguments[i]
	}
	return nil
}

func argStr(c goja.FunctionCall, i int) string {
	v := argVal(c, i)
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	return v.String()
}

func argInt64(c goja.FunctionCall, i int) int64 {
	v := argVal(c, i)
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return 0
	}
	n := v.ToNumber()
	if f := n.ToFloat(); math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return n.ToInteger()
}

func argInt(c goja.FunctionCall, i int) int { return int(argInt64(c, i)) }

func argBool(c goja.FunctionCall, i int) bool {
	v := argVal(c, i)
	return v != nil && v.ToBoolean()
}

// bytesArg returns the bytes of a Buffer/TypedArray/DataView/ArrayBuffer argument, or the string
// encoded with enc (utf8 when enc is not a known encoding). The result may share memory with JS.
func bytesArg(vm *goja.Runtime, v goja.Value, enc goja.Value) []byte {
	if goja.IsString(v) {
		e := buffer.UTF8
		if enc != nil && goja.IsString(enc) {
			if x, ok := buffer.LookupEncoding(enc.String()); ok {
				e = x
			}
		}
		return buffer.Encode(v, e)
	}
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	return buffer.BytesOf(vm, v)
}

// copyArg is bytesArg with the result copied, for use off the loop.
func copyArg(vm *goja.Runtime, v goja.Value, enc goja.Value) []byte {
	b := bytesArg(vm, v, enc)
	return append([]byte(nil), b...)
}

// output returns b as a Buffer, or as a string when enc names an encoding other than "buffer".
func output(h *modules.Host, b []byte, enc goja.Value) goja.Value {
	if enc != nil && goja.IsString(enc) {
		if e, ok := buffer.LookupEncoding(enc.String()); ok {
			return buffer.Decode(b, e)
		}
	}
	return buffer.New(h, b)
}

// osslError is an OpenSSL-style error as Node reports it: message "error:XXXXXXXX:lib::reason"
// with library, reason and code properties.
func osslError(id, lib, reason string) *modules.Error {
	prefix := map[string]string{"rsa routines": "RSA_", "digital envelope routines": "EVP_",
		"PEM routines": "PEM_", "asn1 encoding routines": "ASN1_", "common libcrypto routines": "CRYPTO_",
		"elliptic curve routines": "EC_"}[lib]
	code := "ERR_OSSL_" + prefix + strings.ToUpper(strings.NewReplacer(" ", "_", "-", "_").Replace(reason))
	e := &modules.Error{Name: "Error", Message: "error:" + id + ":" + lib + "::" + reason}
	e.Props = []modules.Prop{{Key: "library", Value: lib}, {Key: "reason", Value: reason}, {Key: "code", Value: code}}
	return e
}

func plainError(msg string) *modules.Error { return &modules.Error{Name: "Error", Message: msg} }

// bind puts the binding's ~100 functions behind b as lazy functions (modules.LazyFuncs): each is
// made a JS function on the glue's first read of it, so a runtime that only hashes makes a few.
func bind(h *modules.Host, b *goja.Object) error {
	lz := modules.NewLazyFuncsSize(h.VM, 100)
	bindJobs(h, lz)
	bindHash(h, lz)
	bindCipher(h, lz)
	bindKeys(h, lz)
	bindDH(h, lz)
	bindX509(h, lz)
	bindSPKAC(h, lz)
	bindKeyWrap(h, lz)
	bindParts(h, lz)
	// markFunc(fn, kind): modules.MarkFunc (SubtleCrypto's methods are node's async functions)
	lz.Set("markFunc", modules.MarkFuncFromJS(h))
	lz.Install(b)
	return nil
}

// dyn makes a Go state struct a goja DynamicObject with no properties: wrapping it with
// NewDynamicObject is far cheaper than reflection-based ToValue, and Export gives the struct back.
type dyn struct{}

func (dyn) Get(string) goja.Value       { return nil }
func (dyn) Set(string, goja.Value) bool { return false }
func (dyn) Has(string) bool             { return false }
func (dyn) Delete(string) bool          { return false }
func (dyn) Keys() []string              { return nil }
