// Node (OpenSSL) generates and uses RSA keys under 1024 bits (its own tests use 512); Go's
// crypto refuses them unless told otherwise. Only the command sets this: an embedder decides
// for its own program.
//
//go:debug rsa1024min=0

// Command gojs runs Node.js programs on gojs: `gojs script.js [args]`, `gojs -e code`,
// `gojs -p expr`, `gojs -` (script from stdin). It is the only package that reads the real
// process's arguments, environment, working directory, stdio and signals
// (https://nodejs.org/api/cli.html).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sys/unix"

	"github.com/gojs-dev/gojs/runtime"

	// initialised first: turns off heap profiling, advises the heap for huge pages and sizes the
	// main goroutine's stack
	"github.com/gojs-dev/gojs/cmd/gojs/internal/early"
	// starts compiling the loader during package initialisation
	_ "github.com/gojs-dev/gojs/cmd/gojs/internal/prewarm"
)

func main() {
	early.HugeHeap() // the heap chunks package initialisation mapped
	early.DropStartPages()
	adviseHeapDuringStartup()
	holdGCDuringStartup()
	stopProfile := startCPUProfile()
	code := Main(os.Args[1:])
	stopProfile()
	early.RecordStartPages()
	os.Exit(code)
}

const usage = `Usage: gojs [options] [ script.js ] [arguments]
       gojs -e "script" [arguments]
       gojs -p "expression" [arguments]
       gojs - [arguments]            (read the script from stdin)

Options:
  -e, --eval script          evaluate script
  -p, --print script         evaluate script and print the result
  -r, --require module       preload module (may be repeated)
  --import module            preload ES module, after --require ones (may be repeated)
  --loader module            register module customization hooks (--experimental-loader)
  -i, --interactive          start the REPL even if stdin is not a terminal
  --stack-size depth         maximum JS call depth (default %d)
  --permission               enable the permission model (deny what is not allowed below)
  --allow-fs-read=paths      with --permission: readable paths (comma separated, * for all)
  --allow-fs-write=paths     with --permission: writable paths
  --allow-net=host:port,...  with --permission: hosts and ports to listen on or connect to
  --allow-env=names          with --permission: visible environment variables
  --allow-child-process      with --permission: allow spawning processes
  --allow-worker             with --permission: allow worker threads
  --timeout ms               stop the program after ms milliseconds (exit code 1)
  --watch                    run the script again when a file it loaded changes
  --watch-path=path          with --watch: watch this path instead (may be repeated)
  --watch-preserve-output    with --watch: do not clear the screen on restart
  --env-file=file            load environment variables from a .env file
  --env-file-if-exists=file  the same, for a file that may be missing
  --experimental-default-type=module   run .js files outside a typed package as ES modules
  --input-type=type          module or commonjs for -e, -p and stdin (default: detected)
  -c, --check                check the script's syntax without running it
  --no-warnings              do not print process warnings
  --no-deprecation           do not print deprecation warnings
  --throw-deprecation        throw deprecation warnings as errors
  --trace-warnings           print process warnings with their stacks
  --trace-deprecation        print deprecation warnings with their stacks
  --pending-deprecation      also warn of pending deprecations
  --disable-warning=code     do not print warnings of this code or type (may be repeated)
  --unhandled-rejections=m   throw (default), strict, warn, warn-with-error-code or none
  --expose-gc                define gc(), which runs a full garbage collection
  --title=title              set process.title
  --preserve-symlinks        keep required modules' paths as requested (not made real)
  --preserve-symlinks-main   the same for the main module
  --cpu-prof                 write the run's JavaScript profile (.cpuprofile) at exit
                             (--cpu-prof-dir=dir, --cpu-prof-name=file; goja samples every 10 ms)
  --tls-min-v1.0 ... --tls-max-v1.3, --tls-cipher-list=list, --tls-keylog=file   TLS defaults
  --no-network-family-autoselection   connect to one address at a time
  --disable-proto=delete|throw, --disallow-code-generation-from-strings   harden the realm
  Node's and V8's tuning options (--max-old-space-size, --jitless...) and --inspect[-brk]
  (gojs has no debugger) are accepted and ignored.

With no script and a terminal on stdin, gojs starts the REPL (history in
~/.gojs_repl_history, or $GOJS_REPL_HISTORY, or $NODE_REPL_HISTORY; empty disables it;
NODE_REPL_MODE, NODE_REPL_HISTORY_SIZE and NODE_NO_READLINE as in node).
Environment: NODE_OPTIONS, then GOJS_OPTIONS, hold options applied before the command line's.
  -v, --version              print gojs's version
  -h, --help                 print this help

gojs is a Node.js-compatible JavaScript runtime written in Go.
`

type cli struct {
	perm      *runtime.Permissions
	timeout   time.Duration
	eval      string
	hasEval   bool
	print     bool
	preload   []string
	imports   []string
	loaders   []string // --loader / --experimental-loader
	stackSize int
	script    string
	args      []string
	execArgv  []string
	// nodeOptions are the options from NODE_OPTIONS and GOJS_OPTIONS: in effect, but not in
	// process.execArgv
	nodeOptions []string
	watch       watchOptions
	envFiles    []envFile
	inputType   string
	interact    bool
	check       bool // --check: parse the script, do not run it
	permOn      bool // --experimental-permission (or gojs's --permission) given
	// given holds the options nodeOption and v8Option know, by name, with their values ("" for a
	// switch), for checkOptionValues and the options the command acts on
	given map[string]string
}

// envFile is an --env-file (or --env-file-if-exists, optional) option's file.
type envFile struct {
	path     string
	optional bool
}

// setBoolean records the boolean option name, given after (and so cancelling) its opposite.
func (c *cli) setBoolean(name, opposite string) {
	if c.given == nil {
		c.given = map[string]string{}
	}
	delete(c.given, opposite)
	c.given[name] = ""
}

// checkOptionValues refuses what node refuses once every option is read: values out of an
// option's set and options that need another, with node's messages (exit code 9, or 12 for
// --disable-proto's mode, which node checks later).
func (c *cli) checkOptionValues() (int, string) {
	has := func(name string) bool { _, ok := c.given[name]; return ok }
	if has("--tls-min-v1.3") && has("--tls-max-v1.2") {
		return 9, "gojs: either --tls-min-v1.3 or --tls-max-v1.2 can be used, not both\n"
	}
	for _, p := range []string{"--cpu-prof", "--heap-prof"} {
		for _, sub := range []string{"-dir", "-name", "-interval"} {
			if has(p+sub) && !has(p) {
				return 9, fmt.Sprintf("gojs: %s must be used with %s\n", p+sub, p)
			}
		}
	}
	if v, ok := c.given["--experimental-default-type"]; ok && v != "module" && v != "commonjs" {
		return 9, "gojs: --experimental-default-type must be \"module\" or \"commonjs\"\n"
	}
	if v, ok := c.given["--use-largepages"]; ok && v != "off" && v != "on" && v != "silent" {
		return 9, "gojs: invalid value for --use-largepages\n"
	}
	if v, ok := c.given["--disable-proto"]; ok && v != "delete" && v != "throw" {
		return 12, "gojs: invalid mode passed to --disable-proto\n"
	}
	if has("--enable-fips") || has("--force-fips") {
		// as node built without a FIPS provider (crypto.setFips(true) fails the same way)
		return 1, "gojs: OpenSSL error when trying to enable FIPS:\nno FIPS provider is available\n"
	}
	return 0, ""
}

// permissionFlags applies node 20's rule once every option is known (NODE_OPTIONS too): the
// permission model is on only with --experimental-permission. An fs allow-list without it is an
// error at start-up (exit 1), and --allow-child-process / --allow-worker mean nothing; gojs's own
// --allow-net and --allow-env still turn the model on.
func (c *cli) permissionFlags() (int, string) {
	if c.perm == nil || c.permOn {
		return 0, ""
	}
	if len(c.perm.FSRead) > 0 || len(c.perm.FSWrite) > 0 {
		return 1, "TypeError [ERR_MISSING_OPTION]: --experimental-permission is required\n" +
			"    at initializePermission (node:internal/process/pre_execution:637:5) {\n" +
			"  code: 'ERR_MISSING_OPTION'\n}\n\nNode.js " + runtime.NodeVersion + "\n"
	}
	if c.perm.Net == nil && c.perm.Env == nil {
		c.perm = nil
	}
	return 0, ""
}

// asInvoked names the program in an option error as node does: by the name it was invoked with
// (os.Args[0], "/usr/local/bin/gojs: -e requires an argument").
func asInvoked(msg string) string {
	if rest, ok := strings.CutPrefix(msg, "gojs: "); ok && len(os.Args) > 0 && os.Args[0] != "" {
		return os.Args[0] + ": " + rest
	}
	return msg
}

// invokedAsNode says whether gojs runs under the name node (a symlink that stands in for node,
// which test runners and npm scripts spawn). Then `node test` is node's: the script ./test (its
// test.js or test/index.js, the "test": "node test" of many packages), not gojs's test runner.
func invokedAsNode() bool {
	if len(os.Args) == 0 {
		return false
	}
	name := strings.TrimSuffix(filepath.Base(os.Args[0]), ".exe")
	return name == "node"
}

func parseArgs(args []string) (*cli, int, string) {
	c := &cli{}
	i := 0
	// take is an option's value from the next argument. As node's, an option is no value ("-e -p"
	// is a missing argument), and a leading "\-" is an escaped "-" (-p "\-42" prints -42).
	take := func(name string) (string, bool) {
		if i+1 >= len(args) || strings.HasPrefix(args[i+1], "-") {
			return "", false
		}
		i++
		c.execArgv = append(c.execArgv, args[i])
		if strings.HasPrefix(args[i], `\-`) {
			return args[i][1:], true
		}
		return args[i], true
	}
	for ; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			break
		}
		if a == "--" {
			i++
			break
		}
		name, val, hasVal := strings.Cut(a, "=")
		if strings.HasPrefix(name, "--") {
			name = "--" + strings.ReplaceAll(name[2:], "_", "-") // node takes --expose_gc for --expose-gc
		}
		c.execArgv = append(c.execArgv, a)
		if hasVal && val == "" && refusesEmptyValue(name) {
			return nil, 9, fmt.Sprintf("gojs: %s= requires an argument\n", name)
		}
		switch name {
		case "-v", "--version":
			return nil, -1, "version"
		case "-h", "--help":
			return nil, -1, "help"
		case "--v8-options":
			return nil, -1, "v8-options"
		case "-p", "--print":
			// node's -p is a switch that takes the next argument as its code only when that is
			// no option: "-p -e code" prints code, and a bare -p prints the program read from stdin
			c.print = true
			if !hasVal {
				val, hasVal = take(name)
			}
			if hasVal {
				c.eval, c.hasEval = val, true
			}
		case "-e", "--eval":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			c.eval, c.hasEval = val, true
		case "-pe":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, "gojs: --eval requires an argument\n" // node names -pe's --eval
				}
			}
			c.eval, c.hasEval, c.print = val, true, true
		case "-r", "--require":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			c.preload = append(c.preload, val)
		case "--import":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			c.imports = append(c.imports, val)
		case "--loader", "--experimental-loader":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			c.loaders = append(c.loaders, val)
		case "--stack-size":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			fmt.Sscan(val, &c.stackSize)
		case "--permission", "--experimental-permission":
			c.permOn = true
			if c.perm == nil {
				c.perm = &runtime.Permissions{}
			}
		case "--allow-fs-read", "--allow-fs-write", "--allow-net", "--allow-env":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			if c.perm == nil {
				c.perm = &runtime.Permissions{}
			}
			list := strings.Split(val, ",")
			switch name {
			case "--allow-fs-read":
				c.perm.FSRead = append(c.perm.FSRead, list...)
			case "--allow-fs-write":
				c.perm.FSWrite = append(c.perm.FSWrite, list...)
			case "--allow-net":
				c.perm.Net = append(c.perm.Net, list...)
			case "--allow-env":
				c.perm.Env = append(c.perm.Env, list...)
			}
		case "--allow-child-process", "--allow-worker":
			if c.perm == nil {
				c.perm = &runtime.Permissions{}
			}
			if name == "--allow-worker" {
				c.perm.Worker = true
			} else {
				c.perm.ChildProcess = true
			}
		case "--timeout":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			var ms int
			fmt.Sscan(val, &ms)
			c.timeout = time.Duration(ms) * time.Millisecond
		case "--watch", "--watch-path", "--watch-preserve-output":
			if name == "--watch-path" && !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			c.watch.flag(name, val)
		case "-i", "--interactive":
			c.interact = true
		case "-c", "--check":
			c.check = true
		case "--input-type":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			if val != "module" && val != "commonjs" {
				return nil, 9, "gojs: --input-type must be \"module\" or \"commonjs\"\n"
			}
			c.inputType = val
		case "--env-file", "--env-file-if-exists":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			c.envFiles = append(c.envFiles, envFile{val, name == "--env-file-if-exists"})
		case "--test-reporter", "--test-reporter-destination", "--test-name-pattern", "--test-timeout", "--test-shard":
			// node:test options for a test file run directly: the module reads them from execArgv.
			if !hasVal {
				if _, ok := take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
		case "--test-only", "--experimental-test-coverage", "--test-force-exit", "--experimental-test-module-mocks":
		case "--max-http-header-size":
			// http.maxHeaderSize (modules/http reads it from execArgv, like node's
			// --insecure-http-parser); as node, a next argument that looks like an option is not
			// taken as the value.
			if !hasVal && (i+1 >= len(args) || strings.HasPrefix(args[i+1], "-")) || hasVal && val == "" {
				return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", strings.TrimSuffix(a, val))
			}
			if !hasVal {
				take(name)
			}
		case "-C", "--conditions", "--dns-result-order":
			// read by the loader (a custom export condition, repeatable) and by dns (its default
			// order) from the options in effect (modules.Host.Flags)
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			if name == "--dns-result-order" && val != "verbatim" && val != "ipv4first" && val != "ipv6first" {
				return nil, 1, fmt.Sprintf("TypeError [ERR_INVALID_ARG_VALUE]: The argument '--dns-result-order' "+
					"must be one of: 'verbatim', 'ipv4first', 'ipv6first'. Received '%s'\n", val)
			}
		case "--stack-trace-limit":
			// V8's option (Error.stackTraceLimit), only in its --name=value form
			if _, err := strconv.Atoi(val); !hasVal || err != nil {
				return nil, 9, fmt.Sprintf("gojs: bad option: %s\n", a)
			}
		case "--insecure-http-parser":
		// node's negations of the boolean options handled above: a later option wins
		case "--no-permission", "--no-experimental-permission":
			c.permOn = false
		case "--no-allow-child-process", "--no-allow-worker":
			if c.perm != nil {
				if name == "--no-allow-worker" {
					c.perm.Worker = false
				} else {
					c.perm.ChildProcess = false
				}
			}
		case "--no-watch":
			c.watch.enabled = len(c.watch.paths) > 0
		case "--no-watch-preserve-output":
			c.watch.preserve = false
		case "--no-interactive":
			c.interact = false
		case "--no-check":
			c.check = false
		case "--no-test-only", "--no-experimental-test-coverage", "--no-test-force-exit",
			"--no-experimental-test-module-mocks", "--no-insecure-http-parser":
			// (read from execArgv by the modules, where a later negation cancels the option)
		case "--unhandled-rejections":
			if !hasVal {
				var ok bool
				if val, ok = take(name); !ok {
					return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
				}
			}
			switch val {
			case "strict", "warn", "none", "throw", "warn-with-error-code":
			default:
				return nil, 9, "gojs: invalid value for --unhandled-rejections\n"
			}
		default:
			// options the runtime reads from execArgv (--no-deprecation, --title=...), node's and
			// V8's tuning options, which mean nothing here, and V8's own (as node hands them to V8:
			// tuning and tracing of its compilers and heap, which gojs's engine has not;
			// --expose-gc-as is read by the bootstrap)
			takesValue, ok := nodeOption(name)
			if !ok {
				takesValue, ok = v8Option(name)
			}
			if ok {
				if takesValue && !hasVal {
					if val, ok = take(name); !ok {
						return nil, 9, fmt.Sprintf("gojs: %s requires an argument\n", name)
					}
				}
				if !takesValue {
					if base, neg := strings.CutPrefix(name, "--no-"); neg {
						c.setBoolean(name, "--"+base)
					} else {
						c.setBoolean(name, "--no-"+strings.TrimPrefix(name, "--"))
					}
					break
				}
				if c.given == nil {
					c.given = map[string]string{}
				}
				c.given[name] = val
				break
			}
			if base, ok := strings.CutPrefix(name, "--no-"); ok {
				if takesValue, known := nodeOption("--" + base); known && takesValue || refusesEmptyValue("--"+base) {
					return nil, 9, fmt.Sprintf("gojs: %s is an invalid negation because it is not a boolean option\n", name)
				} else if known {
					// node's negation of a boolean option (--no-trace-warnings), which the runtime
					// also reads from execArgv: a later option wins
					c.setBoolean(name, "--"+base)
					break
				}
			} else if takesValue, known := nodeOption("--no-" + strings.TrimPrefix(name, "--")); known && !takesValue && strings.HasPrefix(name, "--") {
				// the positive form of an option named by its negation (--addons, --deprecation),
				// or of one gojs has not (--enable-fips: refused by checkOptionValues)
				c.setBoolean(name, "--no-"+strings.TrimPrefix(name, "--"))
				break
			}
			return nil, 9, fmt.Sprintf("gojs: bad option: %s\n", a)
		}
	}
	if c.check && c.hasEval {
		return nil, 9, "gojs: either --check or --eval can be used, not both\n"
	}
	if code, msg := c.checkOptionValues(); msg != "" {
		return nil, code, msg
	}
	if i < len(args) && !c.hasEval {
		c.script = args[i]
		i++
	}
	c.args = append([]string(nil), args[i:]...)
	return c, 0, ""
}

// nodeOption reports the Node (and V8) options gojs accepts besides those parseArgs handles itself,
// and whether each takes a value. The runtime acts on those of process behaviour (warnings,
// deprecations, --expose-gc, --title); the others tune Node's or V8's internals, or turn on
// what gojs always has, and change nothing here.
// refusesEmptyValue reports whether node refuses the option with an empty value (--title=):
// node's own options that take one; V8's (--stack-size=) and --env-file= are left to their
// handling.
func refusesEmptyValue(name string) bool {
	switch name {
	case "--eval", "--require", "--import", "--loader", "--experimental-loader", "--input-type", "--conditions", "--dns-result-order",
		"--unhandled-rejections", "--test-reporter", "--test-reporter-destination",
		"--test-name-pattern", "--test-timeout", "--test-shard", "--watch-path",
		"--max-http-header-size", "--disable-warning", "--title", "--redirect-warnings", "--v8-pool-size", "--secure-heap",
		"--secure-heap-min", "--use-largepages", "--report-dir", "--report-directory",
		"--report-filename", "--report-signal", "--heapsnapshot-signal", "--diagnostic-dir",
		"--inspect-port", "--debug-port", "--icu-data-dir", "--heapsnapshot-near-heap-limit",
		"--allow-fs-read", "--allow-fs-write", "--tls-cipher-list", "--tls-keylog",
		"--network-family-autoselection-attempt-timeout", "--disable-proto",
		"--experimental-default-type", "--openssl-config", "--cpu-prof-dir", "--cpu-prof-name",
		"--cpu-prof-interval", "--heap-prof-dir", "--heap-prof-name", "--heap-prof-interval",
		"--trace-event-categories", "--trace-event-file-pattern", "--env-file-if-exists":
		return true
	}
	return false
}

func nodeOption(name string) (takesValue, ok bool) {
	switch name {
	case "--disable-warning", "--title", "--redirect-warnings", "--max-old-space-size", "--max-semi-space-size",
		"--v8-pool-size", "--secure-heap", "--secure-heap-min", "--use-largepages",
		"--gc-interval", "--random-seed", "--hash-seed", "--report-dir", "--report-directory",
		"--report-filename", "--report-signal", "--heapsnapshot-signal", "--diagnostic-dir",
		"--inspect-port", "--debug-port", "--icu-data-dir", "--heapsnapshot-near-heap-limit",
		"--experimental-specifier-resolution", "--es-module-specifier-resolution",
		// read by tls, net and the bootstrap (see their glue), or checked by checkOptionValues
		"--tls-cipher-list", "--tls-keylog", "--network-family-autoselection-attempt-timeout",
		"--disable-proto", "--experimental-default-type",
		"--cpu-prof-dir", "--cpu-prof-name", "--cpu-prof-interval",
		// (profiles and traces gojs does not write, as the diagnostics below)
		"--heap-prof-dir", "--heap-prof-name", "--heap-prof-interval",
		"--trace-event-categories", "--trace-event-file-pattern",
		// (no OpenSSL: Go's crypto/tls reads no configuration file)
		"--openssl-config",
		"--inspect-publish-uid", "--http-parser": // (the inspector's; node 20 has one HTTP parser)
		return true, true
	case "--no-warnings", "--no-deprecation", "--warnings", "--deprecation", "--trace-warnings", "--trace-deprecation",
		"--throw-deprecation", "--pending-deprecation", "--expose-gc", "--trace-uncaught",
		"--enable-source-maps", "--no-experimental-fetch", "--harmony",
		"--no-experimental-global-webcrypto", "--no-experimental-global-customevent",
		"--use-strict", "--expose-internals", "--abort-on-uncaught-exception",
		"--preserve-symlinks", "--preserve-symlinks-main",
		"--zero-fill-buffers", "--trace-exit", "--trace-sync-io", "--trace-atomics-wait",
		"--trace-promises", "--trace-tls", "--trace-sigint",
		"--no-extra-info-on-fatal-exception", "--no-force-async-hooks-checks",
		"--experimental-vm-modules", "--experimental-import-meta-resolve",
		"--experimental-require-module", "--no-experimental-require-module",
		"--experimental-detect-module", "--no-experimental-detect-module",
		"--experimental-websocket", "--experimental-global-customevent",
		"--experimental-global-webcrypto", "--experimental-wasm-modules",
		"--no-experimental-repl-await", "--experimental-print-required-tla",
		// (flags of features node 20 has on by default, still accepted and ignored)
		"--experimental-modules", "--experimental-json-modules", "--experimental-top-level-await",
		"--experimental-wasi-unstable-preview1", "--experimental-abortcontroller", "--experimental-fetch",
		"--experimental-worker", "--experimental-report",
		"--huge-max-old-generation-size", "--jitless", "--no-opt", "--opt", "--always-opt",
		"--max-lazy", "--lazy", "--no-lazy", "--predictable", "--single-threaded",
		"--single-threaded-gc", "--no-concurrent-recompilation",
		"--interpreted-frames-native-stack", "--node-memory-debug", "--no-node-snapshot",
		"--track-heap-objects", "--no-verify-heap", "--openssl-legacy-provider",
		"--openssl-shared-config", "--use-bundled-ca", "--use-openssl-ca",
		"--force-context-aware", "--no-addons", "--no-global-search-paths",
		// read by tls, net, the bootstrap and the command (--cpu-prof)
		"--tls-min-v1.0", "--tls-min-v1.1", "--tls-min-v1.2", "--tls-min-v1.3", "--tls-max-v1.2",
		"--tls-max-v1.3", "--network-family-autoselection", "--no-network-family-autoselection",
		"--enable-network-family-autoselection", "--no-enable-network-family-autoselection",
		"--disallow-code-generation-from-strings", "--cpu-prof",
		// the permission model's grants of what gojs has not (addons, WASI's own sandbox) or
		// which V8 code generation gojs does not do (its interpreter has no JIT, no perf map,
		// no trap handler): nothing to allow or turn off
		"--allow-addons", "--allow-wasi", "--disable-wasm-trap-handler", "--perf-basic-prof",
		"--perf-basic-prof-only-functions", "--perf-prof", "--perf-prof-unwinding-info",
		"--force-node-api-uncaught-exceptions-policy", "--napi-modules", "--debug-arraybuffer-allocations",
		"--enable-etw-stack-walking",        // (Windows' event tracing)
		"--experimental-network-inspection", // (the inspector's)
		// the diagnostic report's (process.report reads them)
		"--report-on-fatalerror", "--report-uncaught-exception", "--report-on-signal",
		"--report-compact", "--report-exclude-network",
		// diagnostics gojs does not produce (V8's GC trace and tick log, heap profiles and
		// snapshots, the inspector): accepted as node accepts them
		"--trace-gc", "--heap-prof", "--prof", "--trace-events-enabled", "--verify-base-objects",
		// (turning off what gojs has not: FIPS mode, frozen intrinsics, ShadowRealm, network
		// imports, EventSource)
		"--no-enable-fips", "--no-force-fips", "--no-frozen-intrinsics", "--no-experimental-shadow-realm",
		"--no-experimental-network-imports", "--no-experimental-eventsource",
		// (gojs has no debugger: the program runs as without them; each takes an optional
		// =[host:]port)
		"--inspect", "--inspect-brk", "--inspect-wait":
		return false, true
	}
	return false, false
}

// v8Option reports whether name is one of V8's options (v8flags_gen.go: a switch, also as --no-,
// or one taking a value) and whether it takes a value.
func v8Option(name string) (takesValue, ok bool) {
	base, isOpt := strings.CutPrefix(name, "--")
	if !isOpt || base == "" {
		return false, false
	}
	if strings.Contains(v8Switches, " "+base+" ") {
		return false, true
	}
	if neg, ok := strings.CutPrefix(base, "no-"); ok && strings.Contains(v8Switches, " "+neg+" ") {
		return false, true
	}
	return strings.Contains(v8Valued, " "+base+" "), strings.Contains(v8Valued, " "+base+" ")
}

// v8OptionsText is what --v8-options prints: V8's syntax lines and its options' names (V8's
// words and types aside), as node 20 prints them. Tools find V8's options there (the v8flags
// package: gulp and other liftoff command lines run `process.execPath --v8-options`).
func v8OptionsText() string {
	var b strings.Builder
	b.WriteString("The following syntax for options is accepted (both '-' and '--' are ok):\n" +
		"  --flag        (bool flags only)\n" +
		"  --no-flag     (bool flags only)\n" +
		"  --flag=value  (non-bool flags only, no spaces around '=')\n" +
		"  --flag value  (non-bool flags only)\n" +
		"  --            (captures all remaining args in JavaScript)\n\nOptions:\n")
	names := append(strings.Fields(v8Switches), strings.Fields(v8Valued)...)
	slices.Sort(names)
	for _, n := range names {
		b.WriteString("  --" + n + "\n")
	}
	return b.String()
}

//go:generate node gen_v8flags.js

// Main runs the gojs command line and returns the exit code.
func Main(args []string) int {
	if len(args) > 0 && (args[0] == "--test" || args[0] == "test" && !invokedAsNode()) {
		runtime.Prewarm()
		return testMain(args[1:])
	}
	// `gojs --experimental-test-coverage --test ...`: --test among the leading options
	for i, a := range args {
		if !strings.HasPrefix(a, "-") {
			break
		}
		if a == "--test" {
			return testMain(append(append([]string(nil), args[:i]...), args[i+1:]...))
		}
	}
	nodeOpts, code, msg := nodeEnvOptions(os.Getenv("NODE_OPTIONS"))
	if msg != "" {
		fmt.Fprint(os.Stderr, asInvoked(msg))
		return code
	}
	envOpts := append(nodeOpts, splitOptions(os.Getenv("GOJS_OPTIONS"))...)
	c, code, msg := parseArgs(append(envOpts, args...))
	if c != nil && len(envOpts) > 0 {
		// GOJS_OPTIONS and NODE_OPTIONS are not part of process.execArgv
		n := min(len(envOpts), len(c.execArgv))
		c.nodeOptions = append([]string(nil), c.execArgv[:n]...) // they still take effect
		c.execArgv = append([]string(nil), c.execArgv[n:]...)
	}
	switch msg {
	case "version":
		fmt.Printf("%s\n", runtime.NodeVersion)
		return 0
	case "help":
		fmt.Printf(usage, runtime.DefaultMaxCallStackSize)
		return 0
	case "v8-options":
		fmt.Print(v8OptionsText())
		return 0
	case "":
		if code, msg := c.permissionFlags(); msg != "" {
			fmt.Fprint(os.Stderr, msg)
			return code
		}
		if _, ok := c.given["--jitless"]; ok {
			// V8's word for what --jitless costs: no WebAssembly (the bootstrap takes it away)
			fmt.Fprint(os.Stderr, "Warning: disabling flag --expose_wasm due to conflicting flags\n")
		}
	default:
		fmt.Fprint(os.Stderr, asInvoked(msg))
		return code
	}
	// Something will run: start compiling the glue every program needs while the options are
	// built (not for --version or --help, nor a bad option).
	runtime.Prewarm()
	if c.watch.enabled {
		return runWatch(c)
	}
	opts, env, code := buildOptions(c)
	if code != 0 {
		return code
	}
	if o, ok := cpuProfFor(c); ok {
		stop := startJSProfile(o)
		defer stop()
	}
	return runOnce(context.Background(), c, opts, env, nil)
}

// environ is the process's environment as a map and its variables' order.
func environ() (map[string]string, []string) {
	env := map[string]string{}
	var order []string
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
		order = append(order, k)
	}
	return env, order
}

// buildOptions makes the runtime options for c from the process's environment, working
// directory and stdio. A non-zero code means an error was reported.
func buildOptions(c *cli) (runtime.Options, map[string]string, int) {
	// (getcwd(2), the physical path node's process.cwd() gives: os.Getwd answers $PWD, which may
	// name the directory through a link)
	cwd, err := unix.Getwd()
	if err != nil {
		cwd = "/"
	}
	env, envOrder := environ()
	if err := loadEnvFiles(c.envFiles, env, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "%s\n", err)
		return runtime.Options{}, nil, 9
	}
	exe, err := os.Executable()
	if err != nil {
		exe = "gojs"
	}
	stdinTTY := isTTY(os.Stdin)
	if c.inputType != "" && c.script == "" && ((!c.hasEval && stdinTTY) || c.interact) {
		// as node's: --input-type is for string input, and the REPL (-i, or a terminal) takes none
		fmt.Fprint(os.Stderr, "Cannot specify --input-type for REPL\n")
		return runtime.Options{}, nil, 9
	}
	var stdin io.Reader = os.Stdin
	if c.script == "" && ((!c.hasEval && stdinTTY) || c.interact) {
		stdin = newBreakReader(os.Stdin) // the REPL
	}
	opts := runtime.Options{
		Args:             c.args,
		ExecPath:         exe,
		Argv0:            os.Args[0],
		ExecArgv:         c.execArgv,
		NodeOptions:      c.nodeOptions,
		Env:              env,
		EnvOrder:         envOrder,
		Cwd:              cwd,
		Stdin:            stdin,
		Stdout:           stdio().out,
		Stderr:           stdio().err,
		StdoutIsTTY:      isTTY(os.Stdout),
		StderrIsTTY:      isTTY(os.Stderr),
		StdinIsTTY:       stdinTTY,
		Columns:          terminalColumns(env),
		MaxCallStackSize: c.stackSize,
		Permissions:      runtime.AllowAll,
		Timeout:          c.timeout,
		KeepChildren:     true, // (node's children outlive its exit)
	}
	opts.TransformCacheDir = transformCacheDir(env)
	if c.perm != nil {
		// Node resolves the allowed paths against the working directory.
		for i, p := range c.perm.FSRead {
			if p != "*" && !filepath.IsAbs(p) {
				c.perm.FSRead[i] = filepath.Join(cwd, p)
			}
		}
		for i, p := range c.perm.FSWrite {
			if p != "*" && !filepath.IsAbs(p) {
				c.perm.FSWrite[i] = filepath.Join(cwd, p)
			}
		}
		opts.Permissions = c.perm
	}
	return opts, env, 0
}

// runOnce runs the program c describes in a new runtime and returns its exit code. started, if
// not nil, receives the runtime before it runs (--watch interrupts it through that).
func runOnce(ctx context.Context, c *cli, opts runtime.Options, env map[string]string, started func(*runtime.Runtime)) int {
	stdinTTY := opts.StdinIsTTY
	_, defaultType := c.given["--experimental-default-type"]
	if c.script != "" && c.script != "-" && !c.hasEval && c.inputType == "" && !defaultType && opts.Permissions == runtime.AllowAll && len(c.preload) == 0 && len(c.imports) == 0 && len(c.loaders) == 0 &&
		!slices.Contains(c.execArgv, "--enable-source-maps") && !slices.Contains(c.nodeOptions, "--enable-source-maps") {
		// the main module's graph (or a CommonJS main's compile) is prepared while the runtime
		// starts (not under --enable-source-maps, whose compile reads the script's source map)
		runtime.PrewarmMain(c.script, opts.TransformCacheDir)
	}
	// the REPL (whose SIGINT interrupts the input) and --watch's runs register the signals at
	// once; a program only for those it listens for
	repl := started == nil && c.script == "" && ((!c.hasEval && stdinTTY) || c.interact)
	sigs := startSignals(started != nil || repl)
	opts.SignalListener = sigs.listen
	opts.TimeZoneListener = setTimeZone
	rt, err := runtime.New(opts)
	if err != nil {
		sigs.cancel()
		fmt.Fprintln(os.Stderr, "gojs:", err)
		return 1
	}
	defer rt.Close()
	if started == nil {
		// and those the runtime's start mapped (not on --watch's restarts: their heap is no start-up's)
		early.HugeHeap()
		watchStartupEnd(rt)
	}
	stop := handleSignals(rt, sigs)
	defer stop()

	if started != nil {
		started(rt)
	}
	var code int
	for _, p := range c.preload {
		rt.Preload(p)
	}
	for _, p := range c.loaders {
		rt.PreloadLoader(p)
	}
	for _, p := range c.imports {
		rt.PreloadImport(p)
	}
	switch {
	case c.check && c.script != "" && c.script != "-":
		code, err = rt.CheckSyntax(ctx, c.script)
	case c.hasEval && c.interact && c.script == "":
		// node -i -e: the REPL starts, then the code runs in its context (the global one)
		code, err = runREPLAfter(ctx, rt, env, c.eval, c.print)
	case c.hasEval:
		if c.inputType == "module" || (c.inputType == "" && (c.given["--experimental-default-type"] == "module" || runtime.LooksLikeModule(c.eval))) {
			rt.ExposeBuiltinGlobals()
			code, err = rt.EvalModule(ctx, c.eval, c.print)
		} else {
			code, err = rt.Eval(ctx, c.eval, c.print)
		}
	case c.script == "" && c.interact:
		code, err = runREPL(ctx, rt, env)
	case c.script == "-" || (c.script == "" && !stdinTTY):
		src, rerr := io.ReadAll(os.Stdin)
		if rerr != nil {
			fmt.Fprintln(os.Stderr, "gojs:", rerr)
			return 1
		}
		if c.check {
			code, err = rt.CheckSyntaxStdin(ctx, string(src), c.inputType == "module")
		} else if c.inputType == "module" || (c.inputType == "" && (c.given["--experimental-default-type"] == "module" || runtime.LooksLikeModule(string(src)))) {
			code, err = rt.EvalModule(ctx, string(src), false)
		} else {
			code, err = rt.EvalStdin(ctx, string(src), c.script == "-", c.print)
		}
	case c.script == "":
		code, err = runREPL(ctx, rt, env)
	case c.inputType != "":
		// --input-type is for string input: node ignores it for a CommonJS main and refuses it
		// for a main its ES module loader runs.
		code, err = rt.RunMainInputType(ctx, c.script)
	default:
		code, err = rt.RunMain(ctx, c.script)
	}
	if rt.Aborted() {
		abortProcess()
	}
	var jsErr *runtime.JSError
	var intr *runtime.InterruptError
	if errors.As(err, &intr) && intr.Reason == errRestart {
		return code
	}
	if err != nil && !errors.As(err, &jsErr) {
		// uncaught JS errors were already printed, as Node prints them
		fmt.Fprintln(os.Stderr, "gojs:", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

// isTTY asks the terminal driver (a character device like /dev/null is not a terminal).
// noSigpipe returns f (stdout or stderr) as another descriptor of the same file, close-on-exec.
// Node ignores SIGPIPE: a write to a pipe whose reader is gone fails with EPIPE, which
// console.log ignores and a stream write reports. Go instead ends the program with SIGPIPE
// when a write on descriptor 1 or 2 fails so (os.File's epipecheck); on a copy of the
// descriptor the write just fails. (signal.Ignore would do it too, but the children gojs
// spawns would inherit the ignored SIGPIPE, and signal.Notify costs at start-up.)
func noSigpipe(f *os.File) *os.File {
	fd, err := unix.FcntlInt(f.Fd(), unix.F_DUPFD_CLOEXEC, 3)
	if err != nil {
		return f
	}
	return os.NewFile(uintptr(fd), f.Name())
}

// stdio is the runtime's stdout and stderr (noSigpipe's copies), made once: --watch builds its
// options for every run.
var stdio = sync.OnceValue(func() struct{ out, err *os.File } {
	return struct{ out, err *os.File }{noSigpipe(os.Stdout), noSigpipe(os.Stderr)}
})

func isTTY(f *os.File) bool {
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

func terminalColumns(env map[string]string) int {
	var n int
	if c := env["COLUMNS"]; c != "" {
		fmt.Sscan(c, &n)
	}
	if n <= 0 {
		n = 80
	}
	return n
}
