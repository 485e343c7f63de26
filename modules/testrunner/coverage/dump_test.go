package coverage

import (
	"fmt"
	"os"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

func TestDumpFile(t *testing.T) {
	p := os.Getenv("COV_DUMP")
	if p == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(p)
	debugPanics = true
	vm := goja.New()
	h := &modules.Host{VM: vm, ExecArgv: []string{Flag}}
	c := For(h)
	out := c.Instrument(p, string(src))
	if os.Getenv("COV_SRC") != "" {
		fmt.Println(out)
	}
	if _, err := vm.RunScript(p, out); err != nil {
		fmt.Println("ERR", err)
	}
	for _, f := range c.files {
		r := f.raw()
		for _, fn := range r.Functions {
			fmt.Printf("FN %q block=%v\n", fn.FunctionName, fn.IsBlockCoverage)
			for _, rg := range fn.Ranges {
				s := fmt.Sprintf("%q", f.src[rg.StartOffset:rg.EndOffset])
				if len(s) > 60 {
					s = s[:60]
				}
				fmt.Printf("  [%d,%d) %d %s\n", rg.StartOffset, rg.EndOffset, rg.Count, s)
			}
		}
	}
}
