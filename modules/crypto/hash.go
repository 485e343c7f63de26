package crypto

import (
	"crypto"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/binary"
	"hash"
	"io"
	"reflect"
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/blake2s"
	"golang.org/x/crypto/hkdf"
	"golang.org/x/crypto/pbkdf2"
	"golang.org/x/crypto/ripemd160" //nolint:staticcheck // Node offers ripemd160.
	"golang.org/x/crypto/scrypt"
)

// md5sha1 is OpenSSL's md5-sha1: both digests concatenated.
type md5sha1 struct{ a, b hash.Hash }

func newMD5SHA1() hash.Hash                    { return &md5sha1{md5.New(), sha1.New()} }
func (m *md5sha1) Write(p []byte) (int, error) { m.a.Write(p); return m.b.Write(p) }
func (m *md5sha1) Sum(b []byte) []byte         { return m.b.Sum(m.a.Sum(b)) }
func (m *md5sha1) Reset()                      { m.a.Reset(); m.b.Reset() }
func (m *md5sha1) Size() int                   { return 36 }
func (m *md5sha1) BlockSize() int              { return 64 }
func (m *md5sha1) clone() (hash.Hash, error) {
	a, err := cloneHash(m.a)
	if err != nil {
		return nil, err
	}
	b, err := cloneHash(m.b)
	if err != nil {
		return nil, err
	}
	return &md5sha1{a, b}, nil
}

// RSA-PSS hashes with its digest (the message's and MGF1's): crypto.MD5SHA1 is given a
// constructor so that a PSS signature with md5-sha1 is made as OpenSSL makes it.
func init() { crypto.RegisterHash(crypto.MD5SHA1, newMD5SHA1) }

func blake2b512() hash.Hash { h, _ := blake2b.New512(nil); return h }
func blake2s256() hash.Hash { h, _ := blake2s.New256(nil); return h }

// hashes maps OpenSSL's digest names (lower case) to constructors; built on first use.
var hashes = modules.Lazy[map[string]func() hash.Hash]{Build: func() map[string]func() hash.Hash {
	return map[string]func() hash.Hash{
		"md5": md5.New, "sha1": sha1.New, "sha224": sha256.New224, "sha256": sha256.New,
		"sha384": sha512.New384, "sha512": sha512.New, "sha512-224": sha512.New512_224,
		"sha512-256": sha512.New512_256,
		"sha3-224":   func() hash.Hash { return sha3.New224() },
		"sha3-256":   func() hash.Hash { return sha3.New256() },
		"sha3-384":   func() hash.Hash { return sha3.New384() },
		"sha3-512":   func() hash.Hash { return sha3.New512() },
		"ripemd160":  ripemd160.New, "md5-sha1": newMD5SHA1,
		"blake2b512": blake2b512, "blake2s256": blake2s256, "sm3": newSM3,
	}
}}

var hashAliases = modules.Lazy[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"rsa-md5": "md5", "rsa-ripemd160": "ripemd160", "rsa-sha1": "sha1", "rsa-sha1-2": "sha1",
		"rsa-sha224": "sha224", "rsa-sha256": "sha256", "rsa-sha3-224": "sha3-224",
		"rsa-sha3-256": "sha3-256", "rsa-sha3-384": "sha3-384", "rsa-sha3-512": "sha3-512",
		"rsa-sha384": "sha384", "rsa-sha512": "sha512", "rsa-sha512/224": "sha512-224",
		"rsa-sha512/256":                     "sha512-256",
		"id-rsassa-pkcs1-v1_5-with-sha3-224": "sha3-224", "id-rsassa-pkcs1-v1_5-with-sha3-256": "sha3-256",
		"id-rsassa-pkcs1-v1_5-with-sha3-384": "sha3-384", "id-rsassa-pkcs1-v1_5-with-sha3-512": "sha3-512",
		"md5withrsaencryption": "md5", "ripemd": "ripemd160", "ripemd160withrsa": "ripemd160",
		"rmd160": "ripemd160", "sha1withrsaencryption": "sha1", "sha224withrsaencryption": "sha224",
		"sha256withrsaencryption": "sha256", "sha384withrsaencryption": "sha384",
		"sha512-224withrsaencryption": "sha512-224", "sha512-256withrsaencryption": "sha512-256",
		"sha512withrsaencryption": "sha512", "ssl3-md5": "md5", "ssl3-sha1": "sha1",
		"rsa-sm3": "sm3", "sm3withrsaencryption": "sm3",
		"sha-1": "sha1", "sha-224": "sha224", "sha-256": "sha256", "sha-384": "sha384", "sha-512": "sha512",
		// OpenSSL 3's provider names, which node's createHash takes too (EVP_MD_fetch)
		"sha2-224": "sha224", "sha2-256": "sha256", "sha2-384": "sha384", "sha2-512": "sha512",
		"sha2-512/224": "sha512-224", "sha2-512/256": "sha512-256", "sha-512/224": "sha512-224",
		"sha-512/256": "sha512-256", "shake-128": "shake128", "shake-256": "shake256",
		"blake2b-512": "blake2b512", "blake2s-256": "blake2s256", "ripemd-160": "ripemd160",
	}
}}

// hashNames is what getHashes lists: Node's list.
var hashNames = []string{"RSA-MD5", "RSA-RIPEMD160", "RSA-SHA1", "RSA-SHA1-2", "RSA-SHA224",
	"RSA-SHA256", "RSA-SHA3-224", "RSA-SHA3-256", "RSA-SHA3-384", "RSA-SHA3-512", "RSA-SHA384",
	"RSA-SHA512", "RSA-SHA512/224", "RSA-SHA512/256", "RSA-SM3", "blake2b512", "blake2s256",
	"id-rsassa-pkcs1-v1_5-with-sha3-224", "id-rsassa-pkcs1-v1_5-with-sha3-256",
	"id-rsassa-pkcs1-v1_5-with-sha3-384", "id-rsassa-pkcs1-v1_5-with-sha3-512", "md5", "md5-sha1",
	"md5WithRSAEncryption", "ripemd", "ripemd160", "ripemd160WithRSA", "rmd160", "sha1",
	"sha1WithRSAEncryption", "sha224", "sha224WithRSAEncryption", "sha256",
	"sha256WithRSAEncryption", "sha3-224", "sha3-256", "sha3-384", "sha3-512", "sha384",
	"sha384WithRSAEncryption", "sha512", "sha512-224", "sha512-224WithRSAEncryption",
	"sha512-256", "sha512-256WithRSAEncryption", "sha512WithRSAEncryption", "shake128",
	"shake256", "sm3", "sm3WithRSAEncryption", "ssl3-md5", "ssl3-sha1"}

// canonicalHash returns the canonical lower-case name for a digest name, or "".
func canonicalHash(name string) string {
	n := strings.ToLower(name)
	if a, ok := hashAliases.Get()[n]; ok {
		n = a
	}
	if _, ok := hashes.Get()[n]; ok {
		return n
	}
	if n == "shake128" || n == "shake256" {
		return n
	}
	return ""
}

// hashFunc returns the constructor for a digest name usable with HMAC and KDFs, or nil.
func hashFunc(name string) func() hash.Hash {
	return hashes.Get()[canonicalHash(name)]
}

type hashState struct {
	dyn
	h      hash.Hash
	shake  *sha3.SHAKE
	outLen int
	done   bool
	sum    []byte
	hmac   bool
	alg    string // the digest's canonical name
}

func cloneHash(h hash.Hash) (hash.Hash, error) {
	switch x := h.(type) {
	case hash.Cloner:
		return x.Clone()
	case *md5sha1:
		return x.clone()
	}
	// x/crypto digests (ripemd160, blake2) are pointers to plain structs without pointers:
	// a shallow copy is an independent state.
	v := reflect.ValueOf(h)
	if v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
		c := reflect.New(v.Elem().Type())
		c.Elem().Set(v.Elem())
		if nh, ok := c.Interface().(hash.Hash); ok {
			return nh, nil
		}
	}
	return nil, plainError("copy not supported")
}

// newHashState returns the state of a new hash of the digest name, nil for an unknown digest;
// outLen, when not undefined, is an XOF's output length.
func newHashState(name string, outLen goja.Value) *hashState {
	n := canonicalHash(name)
	st := &hashState{alg: n}
	switch n {
	case "":
		return nil
	case "shake128":
		st.shake, st.outLen = sha3.NewSHAKE128(), 16
	case "shake256":
		st.shake, st.outLen = sha3.NewSHAKE256(), 32
	default:
		st.h = hashes.Get()[n]()
		st.outLen = -1
	}
	if outLen != nil && !goja.IsUndefined(outLen) {
		st.outLen = int(outLen.ToInteger())
	}
	return st
}

// glueState is what the binding needs of the glue to make its objects: the glue's symbols and
// the prototypes of its handles (hashSetup). One per runtime.
type glueState struct {
	kHandle, kState, kFinalized                *goja.Symbol
	hashProto, hmacProto, cipherProto, ltProto *goja.Object
	// fips is setFips's flag: no cipher can be fetched while it is on (crypto.js says why).
	// fetched holds the digests a Hash (createHash, hash()) has used: node keeps the digest
	// implementations its Hash fetched, so those still work with fips set.
	fips    bool
	fetched map[string]bool
}

// fetch notes that a Hash used digest n (canonical).
func (g *glueState) fetch(n string) {
	if !g.fetched[n] {
		if g.fetched == nil {
			g.fetched = map[string]bool{}
		}
		g.fetched[n] = true
	}
}

type glueKey struct{}

func glueOf(h *modules.Host) *glueState {
	return h.State(glueKey{}, func() any { return &glueState{} }).(*glueState)
}

// define gives self, a LazyTransform (Hash, Hmac, Cipheriv...) being constructed, what node's
// constructor assigns: [kHandle] (st's handle, of class proto), then sym (when not nil) and the
// named fields, given as name, value pairs. The symbols, which no prototype has, are defined at
// once (a JS assignment walks the prototype chain first: a good part of a small hash's cost).
// A field is defined too on a direct instance whose stream base is not loaded yet, as setField
// in the glue does, and assigned otherwise. A missing value is undefined.
func (g *glueState) define(vm *goja.Runtime, self *goja.Object, st any, proto *goja.Object, streamLoaded bool, sym *goja.Symbol, symVal goja.Value, fields ...any) {
	if g.kHandle == nil {
		panic(vm.NewTypeError("Illegal invocation"))
	}
	hv := vm.NewDynamicObject(st.(goja.DynamicObject))
	if proto != nil {
		_ = hv.SetPrototype(proto)
	}
	// (SetSymbol, as node's assignment: goja's DefineDataPropertySymbol spells out the symbol's
	// description, 'Symbol(kHandle)', on every call)
	if err := self.SetSymbol(g.kHandle, hv); err != nil {
		panic(err)
	}
	if sym != nil {
		if err := self.SetSymbol(sym, symVal); err != nil {
			panic(err)
		}
	}
	p := self.Prototype()
	direct := !streamLoaded && p != nil && p.Prototype() == g.ltProto
	for i := 0; i+1 < len(fields); i += 2 {
		name := fields[i].(string)
		v, _ := fields[i+1].(goja.Value)
		if v == nil {
			v = goja.Undefined()
		}
		var err error
		if direct {
			err = self.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		} else {
			err = self.Set(name, v)
		}
		if err != nil {
			panic(err)
		}
	}
}

func bindHash(h *modules.Host, b *modules.LazyFuncs) {
	vm := h.VM
	b.Set("hashNames", func(goja.FunctionCall) goja.Value {
		names := make([]any, len(hashNames))
		for i, n := range hashNames {
			names[i] = n
		}
		return vm.NewArray(names...)
	})
	b.Set("canonicalHash", canonicalHash)
	// hashUnfetchable(name): whether a Hash of the known digest name fails with fips set (no
	// Hash has used that digest before).
	b.Set("hashUnfetchable", func(c goja.FunctionCall) goja.Value {
		n := canonicalHash(argStr(c, 0))
		g := glueOf(h)
		return vm.ToValue(g.fips && n != "" && !g.fetched[n])
	})
	b.Set("hashSize", func(c goja.FunctionCall) goja.Value {
		if f := hashFunc(argStr(c, 0)); f != nil {
			return vm.ToValue(f().Size())
		}
		return vm.ToValue(-1)
	})
	// hashNew(name, outputLength) returns a hash handle, or undefined for an unknown digest.
	b.Set("hashNew", func(c goja.FunctionCall) goja.Value {
		st := newHashState(c.Argument(0).String(), c.Argument(1))
		if st == nil {
			return goja.Undefined()
		}
		return vm.NewDynamicObject(st)
	})
	// hashState(handle) is a Sign or Verify handle's state: its digest's canonical name, or null
	// once its digest has been taken (sign() or verify() has run).
	b.Set("hashState", func(c goja.FunctionCall) goja.Value {
		st := modules.HandleOf[*hashState](h, c.Argument(0), "update")
		if st.done {
			return goja.Null()
		}
		return vm.ToValue(st.alg)
	})
	// hashSetup(kHandle, kState, kFinalized, hashProto, hmacProto, lazyTransformProto): the
	// symbols and prototypes hashInit and hmacInit give a new Hash or Hmac.
	// hashSetup(kHandle, kState, kFinalized, hashProto, hmacProto, lazyTransformProto,
	// cipherProto): the symbols and prototypes hashInit, hmacInit and cipherInit give a new
	// Hash, Hmac or Cipheriv/Decipheriv.
	init := glueOf(h)
	b.Set("hashSetup", func(c goja.FunctionCall) goja.Value {
		init.kHandle, _ = c.Argument(0).(*goja.Symbol)
		init.kState, _ = c.Argument(1).(*goja.Symbol)
		init.kFinalized, _ = c.Argument(2).(*goja.Symbol)
		init.hashProto, _ = c.Argument(3).(*goja.Object)
		init.hmacProto, _ = c.Argument(4).(*goja.Object)
		init.ltProto, _ = c.Argument(5).(*goja.Object)
		init.cipherProto, _ = c.Argument(6).(*goja.Object)
		return goja.Undefined()
	})
	// fill gives self, a Hash or Hmac being constructed, what node's constructor assigns:
	// [kHandle] (the handle, of class proto), [kState] ({ [kFinalized]: false }) and _options.
	fill := func(self *goja.Object, st *hashState, proto *goja.Object, options goja.Value, streamLoaded bool) {
		state := vm.NewObject()
		if err := state.SetSymbol(init.kFinalized, vm.ToValue(false)); err != nil {
			panic(err)
		}
		init.define(vm, self, st, proto, streamLoaded, init.kState, state, "_options", options)
	}
	// hashInit(self, name, outputLength, options, streamLoaded) makes self a new Hash of the
	// digest name: false for an unknown digest.
	b.Set("hashInit", func(c goja.FunctionCall) goja.Value {
		self, ok := c.Argument(0).(*goja.Object)
		if !ok {
			panic(vm.NewTypeError("Illegal invocation"))
		}
		st := newHashState(c.Argument(1).String(), c.Argument(2))
		if st == nil {
			return vm.ToValue(false)
		}
		init.fetch(st.alg)
		fill(self, st, init.hashProto, argVal(c, 3), c.Argument(4).ToBoolean())
		return vm.ToValue(true)
	})
	// hmacNew(name, key) returns an HMAC handle, undefined for an unknown digest, null for XOFs.
	b.Set("hmacNew", func(c goja.FunctionCall) goja.Value {
		name, key, enc := c.Argument(0).String(), c.Argument(1), c.Argument(2)
		n := canonicalHash(name)
		if n == "" {
			return goja.Undefined()
		}
		f := hashes.Get()[n]
		if f == nil {
			return goja.Null()
		}
		k := copyArg(vm, key, enc)
		return vm.NewDynamicObject(&hashState{h: hmac.New(f, k), outLen: -1, hmac: true})
	})
	// hmacInit(self, name, key, encoding, options, streamLoaded) makes self a new Hmac: undefined
	// for an unknown digest, null for an XOF, true when made.
	b.Set("hmacInit", func(c goja.FunctionCall) goja.Value {
		self, ok := c.Argument(0).(*goja.Object)
		if !ok {
			panic(vm.NewTypeError("Illegal invocation"))
		}
		n := canonicalHash(c.Argument(1).String())
		if n == "" {
			return goja.Undefined()
		}
		f := hashes.Get()[n]
		if f == nil {
			return goja.Null()
		}
		k := copyArg(vm, c.Argument(2), c.Argument(3))
		fill(self, &hashState{h: hmac.New(f, k), outLen: -1, hmac: true}, init.hmacProto, argVal(c, 4), c.Argument(5).ToBoolean())
		return vm.ToValue(true)
	})
	b.Set("hashUpdate", func(c goja.FunctionCall) goja.Value {
		st := modules.HandleOf[*hashState](h, c.Argument(0), "update")
		p := bytesArg(vm, c.Argument(1), c.Argument(2))
		if st.shake != nil {
			st.shake.Write(p)
		} else {
			st.h.Write(p)
		}
		return goja.Undefined()
	})
	b.Set("hashDigest", func(c goja.FunctionCall) goja.Value {
		st, enc := modules.HandleOf[*hashState](h, c.Argument(0), "digest"), c.Argument(1)
		if st.done {
			// Node's native handle keeps the digest: the stream side (_flush) and a later
			// digest() call see the same bytes.
			return output(h, append([]byte(nil), st.sum...), enc)
		}
		st.done = true
		if st.shake != nil {
			st.sum = make([]byte, st.outLen)
			st.shake.Read(st.sum)
		} else {
			st.sum = st.h.Sum(nil)
		}
		// (the handle keeps the digest; a Buffer made of it gets its own copy)
		if enc != nil && goja.IsString(enc) {
			if e, ok := buffer.LookupEncoding(enc.String()); ok {
				return buffer.Decode(st.sum, e)
			}
		}
		return buffer.New(h, append([]byte(nil), st.sum...))
	})
	b.Set("hashCopy", func(hv goja.Value, outLen goja.Value) goja.Value {
		st := modules.HandleOf[*hashState](h, hv, "copy")
		ns := &hashState{outLen: st.outLen}
		if st.shake != nil {
			ns.outLen = 32
			if st.shake.BlockSize() == 168 {
				ns.outLen = 16
			}
			s, err := st.shake.MarshalBinary()
			if err != nil {
				h.Throw(err)
			}
			if st.shake.BlockSize() == 168 {
				ns.shake = sha3.NewSHAKE128()
			} else {
				ns.shake = sha3.NewSHAKE256()
			}
			if err := ns.shake.UnmarshalBinary(s); err != nil {
				h.Throw(err)
			}
		} else {
			c, err := cloneHash(st.h)
			if err != nil {
				h.Throw(err)
			}
			ns.h = c
		}
		if outLen != nil && !goja.IsUndefined(outLen) {
			ns.outLen = int(outLen.ToInteger())
		}
		return vm.NewDynamicObject(ns)
	})
	// hashOnce(name, data, enc, outEnc): crypto.hash.
	b.Set("hashOnce", func(c goja.FunctionCall) goja.Value {
		n := canonicalHash(argStr(c, 0))
		p, outEnc := bytesArg(vm, argVal(c, 1), nil), argVal(c, 2)
		var sum []byte
		switch n {
		case "":
			return goja.Undefined()
		}
		init.fetch(n)
		switch n {
		case "shake128":
			sum = sha3.SumSHAKE128(p, 16)
		case "shake256":
			sum = sha3.SumSHAKE256(p, 32)
		case "sha256":
			s := sha256.Sum256(p)
			sum = s[:]
		default:
			hh := hashes.Get()[n]()
			hh.Write(p)
			sum = hh.Sum(nil)
		}
		return output(h, sum, outEnc)
	})

	// randomFill(buf, offset, size, job): with job true, as node's RandomBytesJob run in place
	// (its init first).
	// randomFill(buf, offset, size, sync): size -1 is the rest of buf.
	b.Set("randomFill", func(c goja.FunctionCall) goja.Value {
		p := bytesArg(vm, c.Argument(0), nil)
		off, n := int(c.Argument(1).ToInteger()), int(c.Argument(2).ToInteger())
		if n < 0 {
			n = len(p) - off
		}
		if c.Argument(3).ToBoolean() {
			jobInit(h, "RANDOMBYTESREQUEST", "RandomBytesJob")
		}
		rand.Read(p[off : off+n])
		return goja.Undefined()
	})
	// randomValuesMethod(crypto, slow) makes Crypto.prototype.getRandomValues: called on crypto
	// with an array of one-byte elements of at most 65,536 bytes (the usual call), it fills the
	// array in this one native call; any other call is slow's (the glue's method, with every
	// check). In the glue, reading `arguments` and a typed array's named properties cost goja
	// most of a call's time.
	b.Set("randomValuesMethod", func(c goja.FunctionCall) goja.Value {
		self := c.Argument(0)
		slow, _ := goja.AssertFunction(c.Argument(1))
		fn := vm.ToValue(func(call goja.FunctionCall) goja.Value {
			if call.This == self && len(call.Arguments) > 0 {
				if p, ok := buffer.ByteView(call.Arguments[0]); ok && len(p) <= 65536 {
					rand.Read(p)
					return call.Arguments[0]
				}
			}
			return modules.CallThrowing(slow, call.This, call.Arguments...)
		}).(*goja.Object)
		return modules.NameFunc(vm, fn, "getRandomValues", 1)
	})
	b.Set("randomUint32", func() uint32 {
		var x [4]byte
		rand.Read(x[:])
		return binary.LittleEndian.Uint32(x[:])
	})
	// randomUUID(noCache): a version 4 UUID. As node's, UUIDs come from a batch of random bytes
	// for 128 of them, refilled (a RandomBytesJob) when used up; noCache (disableEntropyCache)
	// fills 16 bytes of their own.
	const uuidBatch = 128
	var uuids []byte
	uuidNext := 0
	// randomIntNext(cache, min, max, sync) is randomInt's value in [min, max): null when the
	// range passes RAND_MAX (2^48 - 1, the caller's error). As node's glue, it draws from the
	// 6 KiB cache of random bytes, six at a time, the first 48-bit big-endian draw x below the
	// largest multiple of the range (x % range is then uniform), and gives x % range + min;
	// undefined when the cache is used up and sync is false (the caller refills it and calls
	// randomIntReset). Sync, a used-up cache is refilled in place as node's RandomBytesJob.
	// (The arithmetic is here: each number past 255 the glue made was a heap allocation.)
	randIntOff := -1
	b.Set("randomIntNext", func(c goja.FunctionCall) goja.Value {
		const randMax = 1<<48 - 1
		min, max := c.Argument(1).ToFloat(), c.Argument(2).ToFloat()
		rng := max - min
		if !(rng <= randMax) {
			return goja.Null()
		}
		cache, ok := buffer.ByteView(c.Argument(0))
		if !ok {
			cache = bytesArg(vm, c.Argument(0), nil)
		}
		// (safe integers: their difference below 2^48 is exact, as integer arithmetic)
		r := uint64(rng)
		limit, sync := randMax-randMax%r, c.Argument(3).ToBoolean()
		if randIntOff < 0 {
			randIntOff = len(cache)
		}
		for {
			if randIntOff+6 > len(cache) {
				if !sync {
					return goja.Undefined()
				}
				jobInit(h, "RANDOMBYTESREQUEST", "RandomBytesJob")
				rand.Read(cache)
				randIntOff = 0
			}
			p := cache[randIntOff : randIntOff+6]
			randIntOff += 6
			x := uint64(p[0])<<40 | uint64(p[1])<<32 | uint64(p[2])<<24 | uint64(p[3])<<16 | uint64(p[4])<<8 | uint64(p[5])
			if x < limit {
				return vm.ToValue(float64(x%r) + min)
			}
		}
	})
	b.Set("randomIntReset", func(goja.FunctionCall) goja.Value {
		randIntOff = 0
		return goja.Undefined()
	})
	b.Set("randomUUID", func(c goja.FunctionCall) goja.Value {
		var u []byte
		if c.Argument(0).ToBoolean() {
			jobInit(h, "RANDOMBYTESREQUEST", "RandomBytesJob")
			u = make([]byte, 16)
			rand.Read(u)
		} else {
			if uuids == nil {
				uuids = make([]byte, 16*uuidBatch)
			}
			if uuidNext == 0 {
				jobInit(h, "RANDOMBYTESREQUEST", "RandomBytesJob")
				rand.Read(uuids)
			}
			u = uuids[16*uuidNext : 16*uuidNext+16]
			uuidNext = (uuidNext + 1) % uuidBatch
		}
		var out [36]byte
		const hx = "0123456789abcdef"
		j := 0
		for i, c := range u {
			switch i {
			case 6:
				c = c&0x0f | 0x40
			case 8:
				c = c&0x3f | 0x80
			}
			if i == 4 || i == 6 || i == 8 || i == 10 {
				out[j] = '-'
				j++
			}
			out[j], out[j+1] = hx[c>>4], hx[c&15]
			j += 2
		}
		return vm.ToValue(string(out[:]))
	})
	// randomBytesAsync(n, job): n random bytes, handed to the job's ondone as a Buffer.
	b.Set("randomBytesAsync", func(c goja.FunctionCall) goja.Value {
		n := int(c.Argument(0).ToInteger())
		res, call, ok := asyncJob(c.Argument(1), "RandomBytesJob")
		if !ok {
			panic(vm.NewTypeError("randomBytesAsync: not a job"))
		}
		modules.GoAsyncOf(h, "RANDOMBYTESREQUEST", res, func() ([]byte, error) {
			p := make([]byte, n)
			_, err := io.ReadFull(rand.Reader, p)
			return p, err
		}, func(p []byte, err error) error {
			return call(buffer.New(h, p))
		})
		return goja.Undefined()
	})
	// copyBuffer(v): a Buffer holding a copy of the bytes of v, a view or an ArrayBuffer
	// (webcrypto copies its BufferSource arguments when called, as node's jobs do).
	b.Set("copyBuffer", func(c goja.FunctionCall) goja.Value {
		return buffer.New(h, copyArg(vm, c.Argument(0), nil))
	})
	// copyArrayBuffer(v): a new ArrayBuffer holding a copy of the bytes of v (a view).
	b.Set("copyArrayBuffer", func(c goja.FunctionCall) goja.Value {
		p := bytesArg(vm, c.Argument(0), nil)
		return vm.ToValue(vm.NewArrayBuffer(append(make([]byte, 0, len(p)), p...)))
	})
	// timingSafeEqual(a, b): whether a and b hold the same bytes, compared in constant time;
	// undefined when their lengths differ.
	b.Set("timingSafeEqual", func(c goja.FunctionCall) goja.Value {
		x, y := bytesArg(vm, c.Argument(0), nil), bytesArg(vm, c.Argument(1), nil)
		if len(x) != len(y) {
			return goja.Undefined()
		}
		return vm.ToValue(subtle.ConstantTimeCompare(x, y) == 1)
	})

	// KDFs: each takes its arguments and an optional callback (runJob).
	kdf := func(typ, class string, work func() ([]byte, error), cb goja.Value) goja.Value {
		return runJob(h, typ, class, work, cb)
	}
	b.Set("pbkdf2", func(c goja.FunctionCall) goja.Value {
		pw, sa, f := copyArg(vm, argVal(c, 0), nil), copyArg(vm, argVal(c, 1), nil), hashFunc(argStr(c, 4))
		iter, keylen, cb := argInt(c, 2), argInt(c, 3), argVal(c, 5)
		return runJobAs(h, "PBKDF2REQUEST", "PBKDF2Job", func() ([]byte, error) {
			return pbkdf2.Key(pw, sa, iter, keylen, f), nil
		}, cb, argBool(c, 6))
	})
	b.Set("hkdf", func(c goja.FunctionCall) goja.Value {
		k, sa, in, f := copyArg(vm, argVal(c, 1), nil), copyArg(vm, argVal(c, 2), nil), copyArg(vm, argVal(c, 3), nil), hashFunc(argStr(c, 0))
		keylen, cb := argInt(c, 4), argVal(c, 5)
		return kdf("DERIVEBITSREQUEST", "HKDFJob", func() ([]byte, error) {
			out := make([]byte, keylen)
			if _, err := io.ReadFull(hkdf.New(f, k, sa, in), out); err != nil {
				return nil, err
			}
			return out, nil
		}, cb)
	})
	b.Set("scrypt", func(c goja.FunctionCall) goja.Value {
		pw, sa := copyArg(vm, argVal(c, 0), nil), copyArg(vm, argVal(c, 1), nil)
		keylen, n, r, p, cb := argInt(c, 2), argInt(c, 3), argInt(c, 4), argInt(c, 5), argVal(c, 6)
		return runJobAs(h, "SCRYPTREQUEST", "ScryptJob", func() ([]byte, error) {
			out, err := scrypt.Key(pw, sa, n, r, p, keylen)
			if err != nil {
				return nil, modules.NativeError("RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", "Invalid scrypt params")
			}
			return out, nil
		}, cb, argBool(c, 7))
	})
}
