package bench

import (
	"sort"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
	"github.com/gojs-dev/gojs/modules/stream"
)

// BenchmarkGluePartsCompile measures compiling each glue with parts (modules.GluePart): "core",
// what its first require compiles, and each part, compiled on its first use.
// Run: go test ./bench -run XXX -bench GluePartsCompile -benchmem
func BenchmarkGluePartsCompile(b *testing.B) {
	for _, m := range []*modules.Module{&stream.Internal, &stream.WebInternal, &buffer.Module} {
		full := *m.JSRef
		core, parts, err := modules.GluePartSources(m.JSRef)
		if err != nil {
			b.Fatal(err)
		}
		const wrap = "(function (exports, require, module, binding, internalBinding) {"
		srcs := map[string]string{"all": wrap + full + "\n})", "core": wrap + core + "\n})"}
		names := []string{"all", "core"}
		var partNames []string
		for name, src := range parts {
			srcs[name] = src
			partNames = append(partNames, name)
		}
		sort.Strings(partNames)
		for _, name := range append(names, partNames...) {
			src := srcs[name]
			b.Run(m.Name+"/"+name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					if _, err := goja.Compile(name, src, true); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
