package modules

import (
	"hash/crc32"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules/internal/progimage"
)

// Program images: glue compiled when gojs was built. goja has no serialised form of a compiled
// program and compiles every function body up front, so compiling the glue a program starts
// with (the CommonJS loader, the bootstrap) was most of a start: 30 of the 39 million
// instructions of `console.log('hi')`. Images of the glue's programs are made by go generate
// ./runtime/js (TestImagesUpToDate in runtime, which fails while they are stale) and embedded; a glue compile first looks for the image of its
// name and source and makes the program from it (progimage.Decode, about 10x faster than
// compiling), else compiles as before. An image is only used for the exact source it was made
// from, and only by a binary with the goja it was made with (progimage refuses others), so a
// stale or missing image costs speed, never behaviour.

// programImages finds the image stored for key (ImageKey), or nil: see SetProgramImages. The
// runtime sets it (to runtime/js's) before any glue compiles; nil means no images.
var programImages func(key uint64) []byte

var imagesMu sync.Mutex

// SetProgramImages sets where glue compiles look for images.
func SetProgramImages(find func(key uint64) []byte) {
	imagesMu.Lock()
	programImages = find
	imagesMu.Unlock()
}

// ImageKey is the key of the image of the program compiled from src under name, strict or not:
// two CRC-32s of them (Castagnoli's and IEEE's, both computed by the processor's instructions
// on amd64 and arm64, ~10x faster than the table-driven CRC-64 this was, whose 16 KiB of tables
// were also built at every start).
func ImageKey(name, src string, strict bool) uint64 {
	flag := "\x00\x00"
	if strict {
		flag = "\x00\x01"
	}
	c, i := crc32.Update(0, castagnoli, []byte(name)), crc32.Update(0, crc32.IEEETable, []byte(name))
	c, i = crc32.Update(c, castagnoli, []byte(flag)), crc32.Update(i, crc32.IEEETable, []byte(flag))
	b := unsafe.Slice(unsafe.StringData(src), len(src))
	c, i = crc32.Update(c, castagnoli, b), crc32.Update(i, crc32.IEEETable, b)
	return uint64(c)<<32 | uint64(i)
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// compileRecorder, when set (by the image generator), is told of every glue program compiled.
var compileRecorder func(name, src string, strict bool, prg *goja.Program)

// SetCompileRecorder sets the function told of every glue program compiled (nil to stop), and
// stops images being used meanwhile: for the image generator only.
func SetCompileRecorder(f func(name, src string, strict bool, prg *goja.Program)) {
	imagesMu.Lock()
	compileRecorder = f
	imagesMu.Unlock()
}

// compileWithImage returns the program compiled from src under name (strict or not), from its
// image when there is one, else from compile.
func compileWithImage(name, src string, strict bool, compile func() (*goja.Program, error)) (*goja.Program, error) {
	imagesMu.Lock()
	find, rec := programImages, compileRecorder
	imagesMu.Unlock()
	if find != nil && rec == nil {
		if img := find(ImageKey(name, src, strict)); img != nil {
			if prg, err := progimage.Decode(img, src); err == nil {
				return prg, nil
			}
		}
	}
	prg, err := compile()
	if rec != nil && err == nil {
		rec(name, src, strict, prg)
	}
	return prg, err
}

// EncodeProgram returns the image of prg, compiled from src (for the image generator).
func EncodeProgram(prg *goja.Program, src string) ([]byte, error) { return progimage.Encode(prg, src) }
