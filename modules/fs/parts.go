package fs

import (
	_ "embed"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// The glue's parts (the helpers most calls need, the tables of node's error places, fs.promises,
// the streams, the watchers, cp, Dir) are compiled on their first use, not with fs.js: require('fs') compiled all of them
// (~200 KB, ~5-10 ms of CPU) where most programs use a few plain calls. Each part is a script whose value is one function, its maker;
// fs.js calls binding.part(name) for it and calls it with one object of the fs.js names the part
// uses (TestGluePartsNames checks that none is missing). A part is compiled once per process and
// run once per runtime that uses it.

//go:embed fs_helpers.js
var glueHelpers string

//go:embed fs_sites.js
var glueSites string

//go:embed fs_promises.js
var gluePromises string

//go:embed fs_streams.js
var glueStreams string

//go:embed fs_watch.js
var glueWatch string

//go:embed fs_cp.js
var glueCp string

//go:embed fs_dir.js
var glueDir string

// partSource is the source of the part named name, or nil.
func partSource(name string) *string {
	switch name {
	case "helpers":
		return &glueHelpers
	case "sites":
		return &glueSites
	case "promises":
		return &gluePromises
	case "streams":
		return &glueStreams
	case "watch":
		return &glueWatch
	case "cp":
		return &glueCp
	case "dir":
		return &glueDir
	}
	return nil
}

// bindParts sets part(name), the maker of the glue's part named name (compiled once per
// process), and markFunc.
func (s *state) bindParts(lz *modules.LazyFuncs) {
	lz.Set("part", func(c goja.FunctionCall) goja.Value {
		src := partSource(c.Argument(0).String())
		if src == nil {
			panic(s.vm.NewTypeError("part: no part %s", c.Argument(0).String()))
		}
		prg, err := modules.CompileGlueOnce("node:fs", *src)
		if err != nil {
			panic(s.vm.NewGoError(err))
		}
		v, err := s.vm.RunProgram(prg)
		if err != nil {
			panic(err)
		}
		return v
	})
	// asyncGen(): the runtime's async generator helpers (Host.AsyncGen)
	lz.Set("asyncGen", func(goja.FunctionCall) goja.Value { return s.h.AsyncGen() })
	// markFunc(fn, kind): modules.MarkFunc, kind 'async' or 'asyncGenerator'
	lz.Set("markFunc", modules.MarkFuncFromJS(s.h))
}
