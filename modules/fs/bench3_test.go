package fs

import (
	"testing"
)

func benchSrc(b *testing.B, setup, body string) {
	dir := b.TempDir()
	b.ResetTimer()
	runJS(b, dir, setup+`; for (let i = 0; i < `+itoa(b.N)+`; i++) {`+body+`}`)
}

func BenchmarkV1Plain18(b *testing.B) {
	benchSrc(b, `function S(a){this.a=a;this.b=a;this.c=a;this.d=a;this.e=a;this.f=a;this.g=a;this.h=a;this.i=a;this.j=a;this.k=a;this.l=a;this.m=a;this.n=a;this.o=a;this.p=a;this.q=a;this.r=a;}`, `new S(1)`)
}
func BenchmarkV2Call(b *testing.B) {
	benchSrc(b, `function B(a){this.a=a;this.b=a;} function S(a){B.call(this,a);this.c=a;}`, `new S(1)`)
}
func BenchmarkV3SetProto(b *testing.B) {
	benchSrc(b, `function B(a){this.a=a;} function S(a){this.c=a;} Object.setPrototypeOf(S.prototype, B.prototype); Object.setPrototypeOf(S, B);`, `new S(1)`)
}
func BenchmarkV4Fs(b *testing.B) {
	benchSrc(b, `const fs = require('fs'); const S = fs.Stats;`, `new S(1,2,3,4,5,6,7,8,9,10,11,12,13,14)`)
}
func BenchmarkV5Strict(b *testing.B) {
	benchSrc(b, `'use strict'; function B(a){this.a=a;this.b=a;} function S(a){B.call(this,a);this.c=a;}`, `new S(1)`)
}
