// Package js holds the runtime's own glue sources, the bootstrap (which builds process and the
// globals) and the CommonJS loader (with its ES module half), so that the gojs command can start compiling the loader
// while the process is still initialising (see cmd/gojs/internal/prewarm). The runtime compiles
// each source once per process, keyed by its storage: both must use these strings.
package js

import (
	"embed"
	"fmt"
)

//go:embed bootstrap.js
var Bootstrap string

// The runtime compiles the bootstrap rewritten for lazy members,
// modules.LazyScript(BootstrapLazyKey, Bootstrap, BootstrapLazyObjs...), made by go generate
// (BootstrapLazy; the test fails while it is stale, and a stale one is not used).
//
//go:generate go test -run TestBootstrapLazyUpToDate -update
const BootstrapLazyKey = "bootstrap"

// BootstrapLazyObjs: see BootstrapLazyKey.
var BootstrapLazyObjs = []string{"proc"}

// BootstrapCold is the bootstrap's cold paths (uncaught errors, rejections, credential calls,
// a worker's process), compiled (under BootstrapName) the first time one of them is
// needed. A method body kept here or in BootstrapMethods is named after its method with Cold
// after it, and stacks do not show such frames (runtime/errorstack.go): the method's one-line
// frame in the bootstrap stands for it.
//
//go:embed bootstrapcold.js
var BootstrapCold string

// BootstrapEvents is the bootstrap's part that process as an EventEmitter needs: its setup when
// events first loads, the warnings and the process members few programs use. It is compiled on
// first use, apart from BootstrapCold, which loading events does not need.
//
//go:embed bootstrapevents.js
var BootstrapEvents string

// BootstrapMethods is the bodies of the process methods few programs call (kill, umask, binding,
// resourceUsage, permission.has), compiled (under BootstrapName) on the first call of one.
//
//go:embed bootstrapmethods.js
var BootstrapMethods string

//go:embed loader.js
var Loader string

// ESM is the loader's ES module half, compiled (under LoaderName) on a runtime's first ES module.
//
//go:embed esm.js
var ESM string

// Exports is the loader's package "exports"/"imports" resolution, compiled (under LoaderName) the
// first time a package has either field.
//
//go:embed exports.js
var Exports string

// LoaderCold is the loader's rarely used remainder (entry points other than runMain, error and
// patching paths, Module.createRequire, _readPackage and _preloadModules), compiled (under
// LoaderName) the first time one of them is needed.
//
//go:embed loadercold.js
var LoaderCold string

// LoaderResolve is the loader's resolution of a request that is no built-in and no file at its
// exact path (extensions, directories, packages, "exports", "imports"), compiled (under LoaderName)
// the first time it is needed.
//
//go:embed loaderresolve.js
var LoaderResolve string

// Hooks is the module customization hooks' side run in a hooks runtime (runtime/hooks.go),
// compiled (under LoaderName) when a program first registers hooks.
//
//go:embed hooks.js
var Hooks string

// LoaderName is the loader's file name in stack traces (Node's own).
const LoaderName = "node:internal/modules/cjs/loader"

// BootstrapName is the bootstrap's file name in stack traces.
const BootstrapName = "node:internal/bootstrap"

// The images of the glue's compiled programs (modules.SetProgramImages), one file per program
// named by its key (modules.ImageKey) in hex, made by go generate; images/INDEX names their
// programs. TestImagesUpToDate (runtime) fails while they are stale.
//
//go:generate sh -c "cd .. && GOJS_IMAGES_UPDATE=1 go test -run '^TestImagesUpToDate$' -count=1 ."
//go:embed images
var images embed.FS

// Image returns the image stored for key, or nil.
func Image(key uint64) []byte {
	b, err := images.ReadFile(ImageFile(key))
	if err != nil {
		return nil
	}
	return b
}

// ImageFile is the name of the file of the image of key in this package's folder.
func ImageFile(key uint64) string { return fmt.Sprintf("images/%016x.img", key) }
