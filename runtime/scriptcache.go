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
	k := scriptKey{name, src, strict}
	prg, err, taken := takeMainCompile(k)
	if !taken {
		prg, err, taken = takeAhead(k)
	}
	if len(src) > scriptCacheMaxSrc {
		if taken {
			return prg, err
		}
		return compileSourceMaps(name, src, strict, false)
	}
	if !taken {
		scriptCache.Lock()
		prg = scriptCache.m[k]
		scriptCache.Unlock()
		if prg != nil {
			return prg, nil
		}
		prg, err = compileSourceMaps(name, src, strict, false)
	}
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

// mainCompile is the compile of the main CommonJS module that PrewarmMain starts on another
// goroutine while the runtime is made, so that a large script's parse and compile overlap the
// runtime's start instead of following it. The loader's compile of that file (same name, same
// text) takes it, waiting for it if it is still running, rather than compiling the file again.
var mainCompile struct {
	sync.Mutex
	p *pendingCompile
}

type pendingCompile struct {
	key  scriptKey
	done chan struct{}
	prg  *goja.Program // set before done is closed
	err  error
}

// prewarmCompile starts compiling src, the text of the CommonJS file name, as the loader would
// (wrapped, not strict, without source maps).
func prewarmCompile(name, src string) {
	p := &pendingCompile{key: scriptKey{name, cjsWrapperPrefix + stripShebang(src) + "\n})", false}, done: make(chan struct{})}
	mainCompile.Lock()
	mainCompile.p = p
	mainCompile.Unlock()
	go func() {
		growStack()
		p.prg, p.err = compileSourceMaps(p.key.name, p.key.src, false, false)
		close(p.done)
	}()
}

// takeMainCompile returns the result of the prewarmed compile of k, once, if there is one.
func takeMainCompile(k scriptKey) (*goja.Program, error, bool) {
	mainCompile.Lock()
	p := mainCompile.p
	if p == nil || p.key != k {
		mainCompile.Unlock()
		return nil, nil, false
	}
	mainCompile.p = nil
	mainCompile.Unlock()
	<-p.done
	return p.prg, p.err, true
}
