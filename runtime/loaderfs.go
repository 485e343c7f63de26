package runtime

import "github.com/dop251/goja"

// Node's CommonJS loader reads a module's source with the public fs.readFileSync and makes a
// resolved path real with the public fs.realpathSync, looked up on the fs module at each call:
// a program that replaced them is asked by require() too. Yarn's Plug'n'Play does so to serve
// packages from zip archives; fs spies and mocks see the loader's reads. gojs reads and
// resolves in Go while those functions are fs's own (always, when fs was never loaded).

var ownFSNames = [2]string{"readFileSync", "realpathSync"}

// noteOwnFS records fs's own functions as the fs module loads.
func (rt *Runtime) noteOwnFS(exports goja.Value) {
	o, ok := exports.(*goja.Object)
	if !ok {
		return
	}
	for i, name := range ownFSNames {
		rt.fsOwn[i] = o.Get(name)
	}
}

// replacedFS returns fs's function by the given index into ownFSNames when a program has
// replaced it with another function, else nil.
func (rt *Runtime) replacedFS(i int) goja.Value {
	v, ok := rt.loaded["fs"]
	if !ok {
		return nil
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	f := o.Get(ownFSNames[i])
	if f == nil || f.SameAs(rt.fsOwn[i]) {
		return nil
	}
	if _, ok := goja.AssertFunction(f); !ok {
		return nil
	}
	return f
}
