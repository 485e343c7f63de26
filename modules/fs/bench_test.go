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

// a directory of 1000 files and 50 directories, listed with its types (Dirents) or names alone
func benchReaddir(b *testing.B, withTypes string) {
	dir := b.TempDir()
	os.Mkdir(dir+"/d", 0o755)
	for i := 0; i < 1000; i++ {
		os.WriteFile(dir+"/d/f"+itoa(i), nil, 0o644)
	}
	for i := 0; i < 50; i++ {
		os.Mkdir(dir+"/d/sub"+itoa(i), 0o755)
	}
	b.ResetTimer()
	b.ReportAllocs()
	runJS(b, dir, `const fs = require('fs'); for (let i = 0; i < `+itoa(b.N)+`; i++) fs.readdirSync('d', { withFileTypes: `+withTypes+` });`)
}

func BenchmarkReaddirSyncDirents(b *testing.B) { benchReaddir(b, "true") }
func BenchmarkReaddirSyncNames(b *testing.B)   { benchReaddir(b, "false") }
