package runtime_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing/fstest"

	"github.com/gojs-dev/gojs/runtime"
)

// A runtime runs a script with the stdio, env and cwd it is given.
func ExampleNew() {
	rt, err := runtime.New(runtime.Options{
		Stdout:      os.Stdout,
		Env:         map[string]string{"GREETING": "hello"},
		Permissions: &runtime.Permissions{Env: []string{"GREETING"}},
	})
	if err != nil {
		panic(err)
	}
	defer rt.Close()
	code, err := rt.RunScript(context.Background(), "main.js", `
		setTimeout(() => process.stdout.write(process.env.GREETING + ' from a timer\n'), 1);
		process.stdout.write('sync first\n');
	`)
	fmt.Println("exit code", code, err)
	// Output:
	// sync first
	// hello from a timer
	// exit code 0 <nil>
}

// Call invokes an exported function from Go and waits for the promise it returns.
func ExampleRuntime_Call() {
	rt, _ := runtime.New(runtime.Options{})
	defer rt.Close()
	_, _ = rt.RunScript(context.Background(), "main.js", `
		module.exports.add = async (a, b) => {
			await new Promise((r) => setTimeout(r, 1));
			return a + b;
		};
	`)
	sum, err := rt.Call(context.Background(), "add", 2, 40)
	fmt.Println(sum, err)
	// Output: 42 <nil>
}

// Go functions become a module that scripts require; AsyncFunc runs on a goroutine and returns
// a promise.
func ExampleNewModule() {
	mod := runtime.NewModule("myapp", map[string]any{
		"upper": strings.ToUpper,
		"fetchUser": runtime.AsyncFunc(func(ctx context.Context, args []any) (any, error) {
			return map[string]any{"id": args[0], "name": "Ada"}, nil
		}),
	})
	rt, _ := runtime.New(runtime.Options{Stdout: os.Stdout, Modules: []*runtime.Module{mod}})
	defer rt.Close()
	_, _ = rt.RunScript(context.Background(), "main.js", `
		const app = require('myapp');
		process.stdout.write(app.upper('shout') + '\n');
		app.fetchUser(7).then((u) => process.stdout.write(u.name + ' #' + u.id + '\n'));
	`)
	// Output:
	// SHOUT
	// Ada #7
}

// Modules can be loaded from an fs.FS, such as an embed.FS.
func ExampleOptions_fS() {
	files := fstest.MapFS{
		"app/main.js":       {Data: []byte(`process.stdout.write(require('./lib/greet')('fs.FS') + '\n')`)},
		"app/lib/greet.js":  {Data: []byte(`module.exports = (who) => 'hello, ' + who;`)},
		"app/package.json":  {Data: []byte(`{"name": "app"}`)},
		"other/ignored.txt": {Data: []byte(`x`)},
	}
	rt, _ := runtime.New(runtime.Options{
		Stdout:      os.Stdout,
		FS:          files,
		Cwd:         "/app",
		Permissions: &runtime.Permissions{FSRead: []string{"/app"}},
	})
	defer rt.Close()
	_, err := rt.RunMain(context.Background(), "main.js")
	fmt.Println(err)
	// Output:
	// hello, fs.FS
	// <nil>
}

// Without permissions, a runtime is a sandbox: file system, network, env and processes are
// denied with Node's ERR_ACCESS_DENIED.
func ExamplePermissions() {
	rt, _ := runtime.New(runtime.Options{Stdout: os.Stdout, Env: map[string]string{"SECRET": "x"}})
	defer rt.Close()
	_, _ = rt.RunScript(context.Background(), "main.js", `
		process.stdout.write(String(process.env.SECRET) + '\n');
		try { require('fs').readFileSync('/etc/passwd'); } catch (e) { process.stdout.write(e.code + ' ' + e.permission + '\n'); }
		process.stdout.write(String(process.permission.has('fs.read', '/etc/passwd')) + '\n');
	`)
	// Output:
	// undefined
	// ERR_ACCESS_DENIED FileSystemRead
	// false
}
