package wasm

import (
	"crypto/rand"
	_ "embed"
	"io"
	"syscall"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

//go:embed wasi.js
var wasiJS string

// WASI is the "wasi" module (https://nodejs.org/api/wasi.html) on wazero's own implementation of
// wasi_snapshot_preview1: a WASI object's import object is recognised when an instance is made
// from it, and the instance then gets wazero's host functions with the object's arguments,
// environment, preopened directories and standard streams. proc_exit ends start() with the
// code (or the process, without returnOnExit).
var WASI = modules.Module{Name: "wasi", JSRef: &wasiJS, Bind: bindWASI}

// wasiConfig is what a WASI object was made with.
type wasiConfig struct {
	args     []string
	env      [][2]string
	preopens [][2]string // guest path, host path
	stdio    [3]int
}

// wasiExit is thrown into JS when the program called proc_exit.
type wasiExit struct{ code uint32 }

// wasiImports maps a WASI object's import object to its configuration, per runtime.
type wasiImports map[*goja.Object]*wasiConfig

type wasiKey struct{}

func wasiTable(h *modules.Host) wasiImports {
	return h.State(wasiKey{}, func() any { return wasiImports{} }).(wasiImports)
}

func bindWASI(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	// register(importObject, args, env [[k, v]], preopens [[guest, host]], [stdin, stdout, stderr])
	b.Set("register", func(obj *goja.Object, args []string, env [][2]string, preopens [][2]string, stdio []int) {
		for _, p := range preopens {
			host := h.Abs(p[1])
			for _, scope := range []string{modules.ScopeFSRead, modules.ScopeFSWrite} {
				if err := h.Check(scope, host); err != nil {
					h.Throw(err)
				}
			}
		}
		c := &wasiConfig{args: args, env: env, stdio: [3]int{0, 1, 2}}
		for _, p := range preopens {
			c.preopens = append(c.preopens, [2]string{p[0], h.Abs(p[1])})
		}
		copy(c.stdio[:], stdio)
		wasiTable(h)[obj] = c
	})
	// exitCode(err) -> the code a proc_exit threw, or undefined.
	b.Set("exitCode", func(v goja.Value) goja.Value {
		if v == nil {
			return goja.Undefined()
		}
		if e, ok := modules.ExportAs[*wasiExit](v); ok {
			return vm.ToValue(e.code)
		}
		return goja.Undefined()
	})
	return nil
}

// wasiModuleNames are the import module names a WASI object answers.
func isWASIModule(name string) bool {
	return name == wasi_snapshot_preview1.ModuleName || name == "wasi_unstable"
}

// wasiFor returns the WASI configuration of the import module named name in imports, if the
// module object there is a WASI object's import object.
func (s *state) wasiFor(imports *goja.Object, name string) *wasiConfig {
	if imports == nil || !isWASIModule(name) {
		return nil
	}
	o, ok := imports.Get(name).(*goja.Object)
	if !ok {
		return nil
	}
	return wasiTable(s.h)[o]
}

// instantiateWASI adds wazero's WASI host functions under name to r.
func instantiateWASI(r wazero.Runtime, h *modules.Host, name string) (api.Module, error) {
	if name == wasi_snapshot_preview1.ModuleName {
		c, err := wasi_snapshot_preview1.Instantiate(h.Ctx, r)
		m, _ := c.(api.Module)
		return m, err
	}
	b := r.NewHostModuleBuilder(name)
	wasi_snapshot_preview1.NewFunctionExporter().ExportFunctions(b)
	return b.Instantiate(h.Ctx)
}

// moduleConfig is the guest's configuration from a WASI object's.
func (c *wasiConfig) moduleConfig(h *modules.Host) wazero.ModuleConfig {
	mc := wazero.NewModuleConfig().WithName("").WithStartFunctions().
		WithSysWalltime().WithSysNanotime().WithSysNanosleep().WithRandSource(rand.Reader).
		WithArgs(c.args...)
	for _, kv := range c.env {
		mc = mc.WithEnv(kv[0], kv[1])
	}
	if len(c.preopens) > 0 {
		fsc := wazero.NewFSConfig()
		for _, p := range c.preopens {
			fsc = fsc.WithDirMount(p[1], p[0])
		}
		mc = mc.WithFSConfig(fsc)
	}
	mc = mc.WithStdin(stdioReader(h, c.stdio[0])).WithStdout(stdioWriter(h, c.stdio[1])).
		WithStderr(stdioWriter(h, c.stdio[2]))
	return mc
}

func stdioReader(h *modules.Host, fd int) io.Reader {
	if fd == 0 {
		if h.Stdin != nil {
			return h.Stdin
		}
		return eofReader{}
	}
	return fdIO(fd)
}

func stdioWriter(h *modules.Host, fd int) io.Writer {
	var w io.Writer
	switch fd {
	case 1:
		w = h.Stdout
	case 2:
		w = h.Stderr
	default:
		return fdIO(fd)
	}
	if w == nil {
		return io.Discard
	}
	return w
}

// fdIO reads and writes a descriptor the script opened, without owning it (an *os.File would
// close it when collected).
type fdIO int

func (f fdIO) Read(b []byte) (int, error) {
	n, err := syscall.Read(int(f), b)
	if n < 0 {
		n = 0
	}
	if n == 0 && err == nil && len(b) > 0 {
		return 0, io.EOF
	}
	return n, err
}

func (f fdIO) Write(b []byte) (int, error) {
	written := 0
	for written < len(b) {
		n, err := syscall.Write(int(f), b[written:])
		if err != nil {
			return written, err
		}
		written += n
	}
	return written, nil
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }
