package fs

import (
	"sync"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// fsConstants are node's fs.constants on Linux, in node's order.
var fsConstants = []struct {
	name  string
	value int
}{
	{"UV_FS_SYMLINK_DIR", 1},
	{"UV_FS_SYMLINK_JUNCTION", 2},
	{"O_RDONLY", 0},
	{"O_WRONLY", 1},
	{"O_RDWR", 2},
	{"UV_DIRENT_UNKNOWN", 0},
	{"UV_DIRENT_FILE", 1},
	{"UV_DIRENT_DIR", 2},
	{"UV_DIRENT_LINK", 3},
	{"UV_DIRENT_FIFO", 4},
	{"UV_DIRENT_SOCKET", 5},
	{"UV_DIRENT_CHAR", 6},
	{"UV_DIRENT_BLOCK", 7},
	{"EXTENSIONLESS_FORMAT_JAVASCRIPT", 0},
	{"EXTENSIONLESS_FORMAT_WASM", 1},
	{"S_IFMT", 61440},
	{"S_IFREG", 32768},
	{"S_IFDIR", 16384},
	{"S_IFCHR", 8192},
	{"S_IFBLK", 24576},
	{"S_IFIFO", 4096},
	{"S_IFLNK", 40960},
	{"S_IFSOCK", 49152},
	{"O_CREAT", 64},
	{"O_EXCL", 128},
	{"UV_FS_O_FILEMAP", 0},
	{"O_NOCTTY", 256},
	{"O_TRUNC", 512},
	{"O_APPEND", 1024},
	{"O_DIRECTORY", 65536},
	{"O_NOATIME", 262144},
	{"O_NOFOLLOW", 131072},
	{"O_SYNC", 1052672},
	{"O_DSYNC", 4096},
	{"O_DIRECT", 16384},
	{"O_NONBLOCK", 2048},
	{"S_IRWXU", 448},
	{"S_IRUSR", 256},
	{"S_IWUSR", 128},
	{"S_IXUSR", 64},
	{"S_IRWXG", 56},
	{"S_IRGRP", 32},
	{"S_IWGRP", 16},
	{"S_IXGRP", 8},
	{"S_IRWXO", 7},
	{"S_IROTH", 4},
	{"S_IWOTH", 2},
	{"S_IXOTH", 1},
	{"F_OK", 0},
	{"R_OK", 4},
	{"W_OK", 2},
	{"X_OK", 1},
	{"UV_FS_COPYFILE_EXCL", 1},
	{"COPYFILE_EXCL", 1},
	{"UV_FS_COPYFILE_FICLONE", 2},
	{"COPYFILE_FICLONE", 2},
	{"UV_FS_COPYFILE_FICLONE_FORCE", 4},
	{"COPYFILE_FICLONE_FORCE", 4},
}

// constantValues are fsConstants' values as JS numbers, made with the first runtime and shared by
// all (a number value is immutable and tied to no runtime): most are over 255, which Go boxes in a
// new allocation each time.
var constantValues = func() func(vm *goja.Runtime) []goja.Value {
	var once sync.Once
	var values []goja.Value
	return func(vm *goja.Runtime) []goja.Value {
		once.Do(func() {
			values = make([]goja.Value, len(fsConstants))
			for i, c := range fsConstants {
				values[i] = vm.ToValue(c.value)
			}
		})
		return values
	}
}()

// constantNames are fsConstants' names, in order.
var constantNames = sync.OnceValue(func() []string {
	names := make([]string, len(fsConstants))
	for i, c := range fsConstants {
		names[i] = c.name
	}
	return names
})

// bindConstants adds constants() (a new fs.constants) and readOnly(obj, ...keys) (each key made
// read-only and non-configurable, keeping its value and place) to the binding: in Go, neither
// makes a descriptor object per property.
func (s *state) bindConstants(b *modules.LazyFuncs) {
	vm := s.vm
	b.Set("constants", func(goja.FunctionCall) goja.Value {
		values := constantValues(vm)
		if h := s.h; h.LazyConstants != nil {
			if o := h.LazyConstants("fs.constants", constantNames(), values); o != nil {
				return o
			}
		}
		o := vm.CreateObject(nil)
		for i, c := range fsConstants {
			_ = o.DefineDataProperty(c.name, values[i], goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		}
		return o
	})
	b.Set("readOnly", func(c goja.FunctionCall) goja.Value {
		o := c.Argument(0).ToObject(vm)
		for _, k := range c.Arguments[1:] {
			if err := o.DefineDataProperty(k.String(), o.Get(k.String()), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_NOT_SET); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
}
