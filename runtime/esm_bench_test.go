package runtime

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/dop251/goja"
)

// BenchmarkESMWarmStart runs $ESM_MAIN in a new runtime with an empty in-memory transform
// cache and the disk cache in $ESM_CACHE, as a new process with a warm cache would.
func BenchmarkESMWarmStart(b *testing.B) {
	main := os.Getenv("ESM_MAIN")
	if main == "" {
		b.Skip("ESM_MAIN not set")
	}
	for i := 0; i < b.N; i++ {
		transformCache.Clear()
		programCache.Clear()
		rt, err := New(Options{Stdout: io.Discard, Stderr: os.Stderr, Permissions: AllowAll, TransformCacheDir: os.Getenv("ESM_CACHE")})
		if err != nil {
			b.Fatal(err)
		}
		if code, err := rt.RunMain(context.Background(), main); err != nil || code != 0 {
			b.Fatal(code, err)
		}
		rt.Close()
	}
}

// TestESMWarmStartJSProfile writes a JS-level profile of warm starts of $ESM_MAIN to $JSPROF.
func TestESMWarmStartJSProfile(t *testing.T) {
	main, path := os.Getenv("ESM_MAIN"), os.Getenv("JSPROF")
	if main == "" || path == "" {
		t.Skip("ESM_MAIN and JSPROF not set")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := goja.StartProfile(f); err != nil {
		t.Fatal(err)
	}
	defer goja.StopProfile()
	for i := 0; i < 10; i++ {
		transformCache.Clear()
		programCache.Clear()
		rt, err := New(Options{Stdout: io.Discard, Stderr: os.Stderr, Permissions: AllowAll, TransformCacheDir: os.Getenv("ESM_CACHE")})
		if err != nil {
			t.Fatal(err)
		}
		if code, err := rt.RunMain(context.Background(), main); err != nil || code != 0 {
			t.Fatal(code, err)
		}
		rt.Close()
	}
}
