package crypto

import (
	"crypto/rand"
	"errors"
	"math/big"
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

// dhState is a classic (finite field) Diffie-Hellman object.
type dhState struct {
	dyn
	p, g, priv, pub *big.Int
}

func dhVerify(p, g *big.Int) int {
	flags := 0
	if isModpPrime(p) {
		// a known safe prime: the tests below cannot fail, and take 0.2-0.8 s at 2048 bits
		// and up (OpenSSL's DH_check skips them for a group it knows)
	} else if !p.ProbablyPrime(20) {
		flags |= 1
	} else {
		q := new(big.Int).Rsh(p, 1)
		if !q.ProbablyPrime(20) {
			flags |= 2
		}
	}
	if g.Cmp(big.NewInt(1)) <= 0 || g.Cmp(new(big.Int).Sub(p, big.NewInt(1))) >= 0 {
		flags |= 8
	}
	if p.BitLen() < 512 {
		flags |= 0x80 // DH_MODULUS_TOO_SMALL
	}
	return flags
}

// isModpPrime says whether p is one of the MODP group primes.
func isModpPrime(p *big.Int) bool {
	if p.BitLen() < 768 {
		return false
	}
	hex := p.Text(16)
	for _, v := range modpPrimes.Get() {
		if v == hex {
			return true
		}
	}
	return false
}

// safePrime returns a random prime p of the given size with (p-1)/2 prime too. It walks odd q
// up from a random start, sieving both q and 2q+1 by small primes before the costly tests, as
// OpenSSL does: a fresh rand.Prime per try takes seconds at 512 bits. forG2 keeps to
// p = 23 mod 24, where 2 generates the order-q subgroup, as OpenSSL's DH parameters for
// generator 2 are.
func safePrime(bits int, forG2 bool) (*big.Int, error) {
	if bits < 32 {
		for {
			q, err := rand.Prime(rand.Reader, bits-1)
			if err != nil {
				return nil, err
			}
			p := new(big.Int).Lsh(q, 1)
			p.Add(p, big.NewInt(1))
			if p.BitLen() == bits && p.ProbablyPrime(20) {
				return p, nil
			}
		}
	}
	small := smallPrimes()
	mods := make([]uint64, len(small))
	for {
		q, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), uint(bits-1)))
		if err != nil {
			return nil, err
		}
		q.SetBit(q, bits-2, 1).SetBit(q, 0, 1)
		step := uint64(2)
		if forG2 {
			q.Sub(q, new(big.Int).Mod(q, big.NewInt(12))).Add(q, big.NewInt(11))
			step = 12
		}
		for i, sp := range small {
			mods[i] = new(big.Int).Mod(q, new(big.Int).SetUint64(sp)).Uint64()
		}
	walk:
		for delta := uint64(0); delta < 1<<20; delta += step {
			for i, sp := range small {
				r := (mods[i] + delta) % sp
				if (r == 0 && q.BitLen() > 20) || (2*r+1)%sp == 0 {
					continue walk
				}
			}
			c := new(big.Int).Add(q, new(big.Int).SetUint64(delta))
			if c.BitLen() != bits-1 {
				break
			}
			p := new(big.Int).Lsh(c, 1)
			p.Add(p, big.NewInt(1))
			if c.ProbablyPrime(1) && p.ProbablyPrime(1) && c.ProbablyPrime(20) && p.ProbablyPrime(20) {
				return p, nil
			}
		}
	}
}

// smallPrimes are the odd primes below 2000, for sieving (the start of OpenSSL's table).
var smallPrimes = sync.OnceValue(func() []uint64 {
	all := trialPrimes()
	n := 1
	for n < len(all) && all[n] < 2000 {
		n++
	}
	return all[1:n:n]
})

// dhPart names the part dhGet and dhSet read or write as node's methods do (getPrime, setPublicKey).
var dhPart = map[string]string{"prime": "Prime", "generator": "Generator", "public": "PublicKey", "private": "PrivateKey"}

func bindDH(h *modules.Host, b *modules.LazyFuncs) {
	vm := h.VM
	st := func(v goja.Value, method string) *dhState { return modules.HandleOf[*dhState](h, v, method) }
	out := func(x *big.Int) goja.Value {
		if x == nil {
			return goja.Undefined()
		}
		return buffer.New(h, x.Bytes())
	}
	b.Set("dhGroup", func(name string) goja.Value {
		hex, ok := modpPrimes.Get()[name]
		if !ok {
			return goja.Undefined()
		}
		p, _ := new(big.Int).SetString(hex, 16)
		return vm.NewDynamicObject(&dhState{p: p, g: big.NewInt(2)})
	})
	// dhNew(prime, generator) with byte strings, or dhNew(bits, generator) generating a safe prime.
	b.Set("dhNew", func(prime goja.Value, gen goja.Value) goja.Value {
		var p *big.Int
		g := new(big.Int).SetBytes(bytesArg(vm, gen, nil))
		if goja.IsNumber(prime) {
			var err error
			if p, err = safePrime(int(prime.ToInteger()), g.Cmp(big.NewInt(2)) == 0); err != nil {
				h.Throw(err)
			}
		} else {
			p = new(big.Int).SetBytes(bytesArg(vm, prime, nil))
		}
		return vm.NewDynamicObject(&dhState{p: p, g: g})
	})
	b.Set("dhVerifyError", func(v goja.Value) int { s := st(v, "verifyError"); return dhVerify(s.p, s.g) })
	b.Set("dhBits", func(v goja.Value) int { return st(v, "generateKeys").p.BitLen() })
	b.Set("dhGenerate", func(v goja.Value) goja.Value {
		s := st(v, "generateKeys")
		if s.priv == nil {
			if s.p.Cmp(big.NewInt(3)) <= 0 { // (the glue refuses primes this small first)
				h.Throw(errors.New("Diffie-Hellman prime too small"))
			}
			// OpenSSL's DH_generate_key: a value of len(p)-2 bits (its top bit set, so
			// getPrivateKey's length is fixed), or up to the known group's size
			k, err := generateDH(s.p, s.g, dhKnownGroupBits(s.p, s.g))
			if err != nil {
				h.Throw(err)
			}
			s.priv = k.x
		}
		s.pub = new(big.Int).Exp(s.g, s.priv, s.p)
		return out(s.pub)
	})
	b.Set("dhCompute", func(v goja.Value, other goja.Value) goja.Value {
		s := st(v, "computeSecret")
		y := new(big.Int).SetBytes(bytesArg(vm, other, nil))
		if y.Cmp(big.NewInt(1)) <= 0 || s.priv == nil {
			return vm.ToValue("small")
		}
		// OpenSSL computes with any key, reduced modulo p, and fails on a secret of 0, 1 or
		// p-1; node then reports DH_check_pub_key's verdict on the key: above p-2, too large.
		// (So p+2 works as 2 does, while p-1, p, 2p+1... fail.)
		z := new(big.Int).Exp(y, s.priv, s.p)
		pm1 := new(big.Int).Sub(s.p, big.NewInt(1))
		if z.Cmp(big.NewInt(1)) <= 0 || z.Cmp(pm1) == 0 {
			if y.Cmp(pm1) >= 0 {
				return vm.ToValue("large")
			}
			return vm.ToValue("small")
		}
		return buffer.New(h, z.FillBytes(make([]byte, (s.p.BitLen()+7)/8)))
	})
	b.Set("dhGet", func(v goja.Value, what string) goja.Value {
		s := st(v, "get"+dhPart[what])
		switch what {
		case "prime":
			return out(s.p)
		case "generator":
			return out(s.g)
		case "public":
			return out(s.pub)
		}
		return out(s.priv)
	})
	b.Set("dhSet", func(v goja.Value, what string, data goja.Value) {
		s := st(v, "set"+dhPart[what])
		x := new(big.Int).SetBytes(bytesArg(vm, data, nil))
		if what == "public" {
			s.pub = x
		} else {
			s.priv = x
		}
	})

	// Primes.
	// checkPrime(candidate, checks, cb) and generatePrime(bits, safe, add, rem, cb) are node's
	// CheckPrimeJob and RandomPrimeJob: in place without cb, else off the loop (runJob).
	b.Set("checkPrime", func(c goja.FunctionCall) goja.Value {
		n := new(big.Int).SetBytes(bytesArg(vm, c.Argument(0), nil))
		checks := int(c.Argument(1).ToInteger())
		if checks <= 0 {
			checks = 20
		}
		// (node's job hands its ondone, the callback itself, (undefined, boolean))
		if res, call, ok := asyncJob(c.Argument(2), "CheckPrimeJob"); ok {
			modules.GoAsyncOf(h, "CHECKPRIMEREQUEST", res, func() (bool, error) {
				return n.ProbablyPrime(checks), nil
			}, func(prime bool, _ error) error {
				return call(goja.Undefined(), vm.ToValue(prime))
			})
			return goja.Undefined()
		}
		jobInit(h, "CHECKPRIMEREQUEST", "CheckPrimeJob")
		return vm.ToValue(n.ProbablyPrime(checks))
	})
	b.Set("generatePrime", func(c goja.FunctionCall) goja.Value {
		bits, safe, add, rem := int(c.Argument(0).ToInteger()), c.Argument(1).ToBoolean(), c.Argument(2), c.Argument(3)
		var a, r *big.Int
		if !goja.IsUndefined(add) {
			a = new(big.Int).SetBytes(bytesArg(vm, add, nil))
			if !goja.IsUndefined(rem) {
				r = new(big.Int).SetBytes(bytesArg(vm, rem, nil))
			}
		}
		return runJob(h, "RANDOMPRIMEREQUEST", "RandomPrimeJob", func() ([]byte, error) {
			var p *big.Int
			var err error
			switch {
			case a != nil && a.Sign() == 0:
				err = plainError("error:01800067:bignum routines::div by zero")
			case a != nil:
				p, err = primeWithResidue(bits, safe, a, r)
			case safe:
				p, err = safePrime(bits, false)
			default:
				p, err = rand.Prime(rand.Reader, bits)
			}
			if err != nil {
				return nil, err
			}
			return p.Bytes(), nil
		}, c.Argument(4))
	})
}

// primeWithResidue returns a prime p = rem (mod add) as OpenSSL's BN_generate_prime_ex2 finds one
// (probable_prime_dh): a random odd number of the given size (top bit set) moved down to rem's
// residue class (up by add if that left it short or below 3, 5 when safe), then stepped up by add
// while one of the first trial primes divides it (or, when safe, divides (p-1)/2; for a size up to
// 31 bits only primes whose square is at most the candidate count, so a small prime is itself a
// result); a candidate that then fails the full test, (p-1)/2 too when safe, is dropped for a new
// random one. p may be longer than bits. rem nil is OpenSSL's default, 3 for a safe prime and 1
// otherwise. The caller has checked add > rem and add's size. Work is bounded: where no prime is
// in the class (add and rem sharing a factor) OpenSSL loops forever, this fails.
func primeWithResidue(bits int, safe bool, add, rem *big.Int) (*big.Int, error) {
	if rem == nil {
		rem = big.NewInt(1)
		if safe {
			rem = big.NewInt(3)
		}
	}
	min := uint64(3)
	if safe {
		min = 5
	}
	primes := trialPrimes()[:trialDivisions(bits)]
	maxdelta := ^uint64(0) - primes[len(primes)-1]
	addw := bnWord(add)
	if maxdelta > ^uint64(0)-addw {
		maxdelta = ^uint64(0) - addw
	}
	mods := make([]uint64, len(primes))
	top := new(big.Int).Lsh(big.NewInt(1), uint(bits-1))
	one := big.NewInt(1)
	m := new(big.Int)
	for work := 0; work < 1<<22; {
		x, err := rand.Int(rand.Reader, top)
		if err != nil {
			return nil, err
		}
		x.Add(x, top)
		x.SetBit(x, 0, 1)
		x.Sub(x, m.Mod(x, add))
		x.Add(x, rem)
		if x.BitLen() < bits || bnWord(x) < min {
			x.Add(x, add)
		}
		for i := 1; i < len(primes); i++ {
			mods[i] = m.Mod(x, m.SetUint64(primes[i])).Uint64()
		}
		delta, fresh := uint64(0), false
	trial:
		for i := 1; i < len(primes); i++ {
			work++
			if bits <= 31 && delta <= 0x7fffffff && primes[i]*primes[i] > bnWord(x)+delta {
				break
			}
			r := (mods[i] + delta) % primes[i]
			if r == 0 || (safe && r == 1) {
				delta += addw
				if delta > maxdelta || work >= 1<<22 {
					fresh = true
					break
				}
				goto trial
			}
		}
		if fresh {
			continue
		}
		x.Add(x, m.SetUint64(delta))
		work += 64
		if x.ProbablyPrime(20) && (!safe || new(big.Int).Rsh(new(big.Int).Sub(x, one), 1).ProbablyPrime(20)) {
			return x, nil
		}
	}
	return nil, errors.New("could not generate prime")
}

// bnWord is OpenSSL's BN_get_word: the value, or all ones when it does not fit in a word.
func bnWord(n *big.Int) uint64 {
	if n.BitLen() > 64 {
		return ^uint64(0)
	}
	return n.Uint64()
}

// trialDivisions is OpenSSL's calc_trial_divisions: how many of its first primes a candidate of
// this size is sieved by.
func trialDivisions(bits int) int {
	switch {
	case bits <= 512:
		return 64
	case bits <= 1024:
		return 128
	case bits <= 2048:
		return 384
	case bits <= 4096:
		return 1024
	}
	return 2048
}

// trialPrimes are OpenSSL's table of the first 2048 primes (2 to 17863).
var trialPrimes = sync.OnceValue(func() []uint64 {
	out := []uint64{2}
	for n := uint64(3); len(out) < 2048; n += 2 {
		prime := true
		for _, p := range out[1:] {
			if p*p > n {
				break
			}
			if n%p == 0 {
				prime = false
				break
			}
		}
		if prime {
			out = append(out, n)
		}
	}
	return out
})
