package modules

import (
	"encoding/binary"
	"sync"
	"unsafe"
)

// PreparedScript is LazyScript's result for one source, made ahead of time (go generate, see
// runtime/js) so that a process runs the rewritten script without parsing the source to rewrite
// it: for the runtime's bootstrap that parse and its walks cost about as much CPU as compiling
// the result, at the start of every gojs process.
type PreparedScript struct {
	From   uint64              // LazySourceSum of the source it was made from
	Script string              // LazyScript(key, source, objs...)
	Names  map[string][]string // the LazyMemberNames of each key the rewrite stored names for
}

// LazySourceSum identifies the source a PreparedScript was made from: FNV-1a over 8-byte words
// (a few microseconds for the bootstrap), with the length.
func LazySourceSum(src string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037) ^ uint64(len(src))
	for ; len(src) >= 8; src = src[8:] {
		h = (h ^ binary.LittleEndian.Uint64([]byte(src[:8]))) * prime
	}
	for i := 0; i < len(src); i++ {
		h = (h ^ uint64(src[i])) * prime
	}
	return h
}

// PrepareLazyScript rewrites src as LazyScript(key, src, objs...) does, for go generate.
func PrepareLazyScript(key, src string, objs ...string) PreparedScript {
	s, keys := lazyScript(key, src, objs)
	p := PreparedScript{From: LazySourceSum(src), Script: s, Names: map[string][]string{}}
	for _, k := range keys {
		p.Names[k] = LazyMemberNames(k)
	}
	return p
}

// LazyScriptPrepared is LazyScriptOnce(key, src, objs...), taken from pre when pre was made
// from src (its names are then stored as the rewrite would have stored them). A pre made from
// another source (src changed since it was generated) is not used: src is rewritten, once per
// process, as LazyScriptOnce does.
func LazyScriptPrepared(pre *PreparedScript, key, src string, objs ...string) string {
	k := unsafe.StringData(src)
	if f, ok := lazyScripts.Load(k); ok {
		return f.(func() string)()
	}
	if pre.From != LazySourceSum(src) {
		return LazyScriptOnce(key, src, objs...)
	}
	f, _ := lazyScripts.LoadOrStore(k, sync.OnceValue(func() string {
		for key, names := range pre.Names {
			lazyNames.Store(key, names)
		}
		return pre.Script
	}))
	return f.(func() string)()
}
