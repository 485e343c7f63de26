module github.com/gojs-dev/gojs

go 1.26.8

require (
	github.com/andybalholm/brotli v1.2.0
	github.com/cloudflare/circl v1.6.1
	github.com/dop251/goja v0.0.0-20260917113740-793a2a65c13b
	github.com/fsnotify/fsnotify v1.10.1
	github.com/klauspost/compress v1.18.0
	github.com/nlnwa/whatwg-url v0.6.2
	github.com/rogpeppe/go-internal v1.16.0
	go.uber.org/goleak v1.3.0
	golang.org/x/crypto v0.32.0
	golang.org/x/net v0.34.0
	golang.org/x/sys v0.44.0
	golang.org/x/text v0.21.0
)

require (
	github.com/rivo/uniseg v0.4.7
	github.com/tetratelabs/wazero v1.12.0
)

require (
	github.com/bits-and-blooms/bitset v1.20.0 // indirect
	github.com/dlclark/regexp2/v2 v2.5.2
	github.com/evanw/esbuild v0.28.2
	github.com/go-sourcemap/sourcemap v2.1.3+incompatible // indirect
	github.com/google/pprof v0.0.0-20230207041349-798e818bf904 // indirect
	golang.org/x/tools v0.26.0 // indirect
)
