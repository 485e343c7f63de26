package wasm

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

func TestHelperModulesParse(t *testing.T) {
	ops := tableOpsModule(instanceName, "tbl", funcRef)
	ex := parseExports(ops)
	if len(ex) != 4 || ex[0] != (wasmExport{"size", 0, 0}) || ex[3] != (wasmExport{"clear", 0, 3}) {
		t.Fatalf("ops exports = %v", ex)
	}
	if ty := parseTypes(ops); len(ty) != 5 || len(ty[1][0]) != 1 || ty[2][1] != nil || ty[3][1][0] != api.ValueTypeExternref {
		t.Fatalf("ops types = %v", ty)
	}
	ext := tableOpsModule(instanceName, "tbl", externRef)
	if ex := parseExports(ext); len(ex) != 6 || ex[4] != (wasmExport{"get", 0, 4}) || ex[5] != (wasmExport{"set", 0, 5}) {
		t.Fatalf("externref ops exports = %v", ex)
	}
	if e := tableElem(ext, 0); e != externRef {
		t.Fatalf("tableElem of the imported externref table = %#x", e)
	}
	put := tablePutModule(instanceName, "tbl", "host", []api.ValueType{api.ValueTypeI64, api.ValueTypeF64}, []api.ValueType{api.ValueTypeI32})
	if ex := parseExports(put); len(ex) != 2 || ex[0].name != "put" || ex[1] != (wasmExport{"f", 0, 0}) {
		t.Fatalf("put exports = %v", ex)
	}
	if ty := parseTypes(put); len(ty) != 2 || ty[0][0][1] != api.ValueTypeF64 {
		t.Fatalf("put types = %v", ty)
	}
}

func FuzzParseSections(f *testing.F) {
	f.Add(tableOpsModule(instanceName, "t", funcRef))
	f.Add(tablePutModule(instanceName, "t", "h", nil, nil))
	f.Add([]byte{0, 'a', 's', 'm', 1, 0, 0, 0, 7, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Add([]byte{0, 'a', 's', 'm', 1, 0, 0, 0, 7, 3, 1, 5, 'a'})
	f.Fuzz(func(t *testing.T, b []byte) {
		parseExports(b) // must not panic
		parseTypes(b)
		tableElem(b, 1)
	})
}

// A runtime given a cache directory keeps what it compiles there, for later processes.
func TestCompileCacheDir(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	r := wazero.NewRuntimeWithConfig(ctx, runtimeConfig(dir))
	defer r.Close(ctx)
	if _, err := r.CompileModule(ctx, tableOpsModule(instanceName, "tbl", externRef)); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "wasm"))
	if err != nil || len(entries) == 0 {
		t.Fatalf("cache dir after a compile: %v entries, %v", len(entries), err)
	}
}
