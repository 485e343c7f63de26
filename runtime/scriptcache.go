package runtime

import (
	"sync"

	"github.com/dop251/goja"
)

// scriptCache keeps the programs compiled from scripts and CommonJS files, shared by every runtime
// of the process, as V8 keeps one compilation cache per isolate that all of node's vm contexts
// share. An embedder that runs the same scripts (or requires the same files) in many runtimes
// then parses and compiles each once; a goja Program is never changed once compiled, and the
// glue's programs are shared the same way. Only compilations that depend on nothing but the
// source text are kept: not those that read a source map file, nor coverage-instrumented ones.
// The cache is bounded by the bytes of source it holds; when a new entry would not fit, it is
// emptied (scripts that are run again come back at their next compile).
var scriptCache struct {
	sync.Mutex
	m     map[scriptKey]*goja.Program
	bytes int
}

type scriptKey struct {
	name, src string
	strict    bool
}

const (
	scriptCacheMaxBytes = 8 << 20   // source bytes held at most
	scriptCacheMaxSrc   = 256 << 10 // larger sources are not kept
)

// compileCached is compileSourceMaps without source maps, through scriptCache.
func compileCached(name, src string, strict bool) (*goja.Program, error) {
	if len(src) > scriptCacheMaxSrc {
		return compileSourceMaps(name, src, strict, false)
	}
	k := scriptKey{name, src, strict}
	scriptCache.Lock()
	prg := scriptCache.m[k]
	scriptCache.Unlock()
	if prg != nil {
		return prg, nil
	}
	prg, err := compileSourceMaps(name, src, strict, false)
	if err != nil {
		return nil, err
	}
	n := len(name) + len(src)
	scriptCache.Lock()
	if scriptCache.m == nil || scriptCache.bytes+n > scriptCacheMaxBytes {
		scriptCache.m, scriptCache.bytes = make(map[scriptKey]*goja.Program), 0
	}
	if _, ok := scriptCache.m[k]; !ok {
		scriptCache.m[k] = prg
		scriptCache.bytes += n
	}
	scriptCache.Unlock()
	return prg, nil
}
