package runtime

// compileStack is the stack a goroutine compiling glue grows to. A goroutine starts with a
// 2 KiB stack and doubles it each time it runs out; each doubling copies the stack and walks
// every frame on it, reading the function tables of each function on it (pages of the binary
// nothing else needs). Growing it once when the goroutine starts, with a frame or two on the
// stack, is cheaper than the four doublings goja's recursive compiler otherwise makes.
const compileStack = 32 << 10

// growStack grows the calling goroutine's stack to compileStack at once. (cmd/gojs/internal/early
// has the same helper for the command's main goroutine: that package may import nothing of ours,
// so that it initialises before every other package, and this one serves embedders too.)
//
//go:noinline
func growStack() {
	var pad [compileStack / 2]byte
	stackSink(&pad)
}

//go:noinline
func stackSink(*[compileStack / 2]byte) {}
