package fs

import (
	"os"
	"testing"
)

func BenchmarkStatsCtorJS(b *testing.B) {
	dir := b.TempDir()
	os.WriteFile(dir+"/f", []byte("x"), 0o644)
	b.ResetTimer()
	runJS(b, dir, `const fs = require('fs'); const S = fs.Stats; for (let i = 0; i < `+itoa(b.N)+`; i++) new S(1,2,3,4,5,6,7,8,9,10,11,12,13,14);`)
}

func BenchmarkDateJS(b *testing.B) {
	dir := b.TempDir()
	b.ResetTimer()
	runJS(b, dir, `for (let i = 0; i < `+itoa(b.N)+`; i++) new Date(Math.round(Number(12345.6)));`)
}

func BenchmarkValidatedPathJS(b *testing.B) {
	dir := b.TempDir()
	os.WriteFile(dir+"/f", []byte("x"), 0o644)
	b.ResetTimer()
	runJS(b, dir, `const fs = require('fs'); for (let i = 0; i < `+itoa(b.N)+`; i++) fs.existsSync('f');`)
}
