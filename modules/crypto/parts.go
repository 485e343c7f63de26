package crypto

import (
	_ "embed"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// The glue's parts (the KDFs, the ciphers, KeyObject and key generation, sign/verify and RSA
// encryption, Diffie-Hellman and primes, X.509 and SPKAC; webcrypto's algorithms) are compiled on their first use, not
// with crypto.js: require('crypto') compiled all of them (117 KB, about 53,000 allocations of
// compile work) where most programs hash, make random bytes or compare. Each part is a script
// whose value is one function, its maker; crypto.js calls binding.part(name) for it and calls it
// with one object of the crypto.js names the part uses (TestGluePartsNames checks that none is
// missing). A part is compiled once per process, under its own file name (node's place of that
// code is one of its internal/crypto modules), and run once per runtime that uses it.

//go:embed crypto_kdf.js
var glueKDF string

//go:embed crypto_cipher.js
var glueCipher string

//go:embed crypto_keys.js
var glueKeys string

//go:embed crypto_sign.js
var glueSign string

//go:embed crypto_dh.js
var glueDH string

//go:embed crypto_x509.js
var glueX509 string

//go:embed webcrypto_subtle.js
var glueSubtle string

// GluePart is a part of crypto's glue: its name for binding.part, its file name in stack frames,
// its source and the glue that loads it (crypto.js or webcrypto.js).
type GluePart struct {
	Name, File string
	Source     *string
	Owner      string
}

// GlueParts are the parts of crypto's glue (for the stack code that reads their "// job:" marks,
// and the tests).
var GlueParts = []GluePart{
	{"kdf", "node:internal/crypto/kdf", &glueKDF, "crypto.js"},
	{"cipher", "node:internal/crypto/cipher", &glueCipher, "crypto.js"},
	{"keys", "node:internal/crypto/keys", &glueKeys, "crypto.js"},
	{"sign", "node:internal/crypto/sig", &glueSign, "crypto.js"},
	{"dh", "node:internal/crypto/diffiehellman", &glueDH, "crypto.js"},
	{"x509", "node:internal/crypto/x509", &glueX509, "crypto.js"},
	{"subtle", "node:internal/crypto/subtle", &glueSubtle, "webcrypto.js"},
}

// bindParts sets part(name), the maker of the glue's part named name (compiled once per process).
func bindParts(h *modules.Host, b *modules.LazyFuncs) {
	b.Set("part", func(c goja.FunctionCall) goja.Value {
		name := c.Argument(0).String()
		for _, p := range GlueParts {
			if p.Name != name {
				continue
			}
			prg, err := modules.CompileGlueOnce(p.File, *p.Source)
			if err != nil {
				panic(h.VM.NewGoError(err))
			}
			v, err := h.VM.RunProgram(prg)
			if err != nil {
				panic(err)
			}
			return v
		}
		panic(h.VM.NewTypeError("part: no part %s", name))
	})
}
