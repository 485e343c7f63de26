package fs

import (
	"os"
	"testing"

	"golang.org/x/sys/unix"
)

func BenchmarkStatxRaw(b *testing.B) {
	dir := b.TempDir()
	os.WriteFile(dir+"/f", []byte("x"), 0o644)
	var st unix.Statx_t
	for i := 0; i < b.N; i++ {
		statx(unix.AT_FDCWD, dir+"/f", 0, &st)
	}
}

func BenchmarkStatSyncJS(b *testing.B) {
	dir := b.TempDir()
	os.WriteFile(dir+"/f", []byte("x"), 0o644)
	b.ResetTimer()
	runJS(b, dir, `const fs = require('fs'); for (let i = 0; i < `+itoa(b.N)+`; i++) fs.statSync('f');`)
}

func BenchmarkStatCallbackJS(b *testing.B) {
	dir := b.TempDir()
	os.WriteFile(dir+"/f", []byte("x"), 0o644)
	b.ResetTimer()
	runJS(b, dir, `const fs = require('fs'); let left = `+itoa(b.N)+`; for (let i = 0; i < `+itoa(b.N)+`; i++) fs.stat('f', () => { left--; });`)
}
