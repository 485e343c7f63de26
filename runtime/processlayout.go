package runtime

import (
	"github.com/dop251/goja"
)

// processKeys is node 20's own string keys of process in its order (Object.keys(process) of a
// main thread), as the bootstrap's processLayout lays them out before it fills them: its
// assignments then keep node's places. Conditional members are laid out only when node has them
// (the warning flags' members, permission); a worker's chdir comes before umask; the members
// node adds later (_eval, mainModule, a forked child's channel) are set where node sets them.
var processKeys = []string{
	"version", "versions", "arch", "platform", "release", "_rawDebug", "moduleLoadList", "binding",
	"_linkedBinding", "_events", "_eventsCount", "_maxListeners", "domain", "_exiting", "exitCode",
	"config", "dlopen", "uptime", "_getActiveRequests", "_getActiveHandles", "getActiveResourcesInfo",
	"reallyExit", "_kill", "loadEnvFile", "cpuUsage", "resourceUsage", "memoryUsage",
	"constrainedMemory", "availableMemory", "kill", "exit", "hrtime", "openStdin", "getuid", "geteuid",
	"getgid", "getegid", "getgroups", "allowedNodeEnvironmentFlags", "assert", "features",
	"_fatalException", "setUncaughtExceptionCaptureCallback", "hasUncaughtExceptionCaptureCallback",
	"emitWarning", "nextTick", "_tickCallback", "sourceMapsEnabled", "setSourceMapsEnabled",
	"getBuiltinModule", "_debugProcess", "_debugEnd", "_startProfilerIdleNotifier",
	"_stopProfilerIdleNotifier", "stdout", "stdin", "stderr", "abort", "umask", "chdir", "cwd",
	"initgroups", "setgroups", "setegid", "seteuid", "setgid", "setuid", "env", "title", "argv",
	"execArgv", "pid", "ppid", "execPath", "debugPort", "argv0", "_preload_modules",
	"noDeprecation", "noProcessWarnings", "traceProcessWarnings", "throwDeprecation",
	"traceDeprecation", "report", "permission",
}

// processFlagMembers are the members true when their option is given (absent otherwise).
var processFlagMembers = map[string]string{
	"noDeprecation": "--no-deprecation", "noProcessWarnings": "--no-warnings",
	"traceProcessWarnings": "--trace-warnings", "throwDeprecation": "--throw-deprecation",
	"traceDeprecation": "--trace-deprecation",
}

// processLayout(proc, makeExtras, ensureEvents, versions, release, config, features) lays out
// process's own keys in node's order (processKeys): the values Go knows (version, pid, env, argv,
// ...) and those given (read-only where node's are), a stand-in accessor for each rarely used
// member (processExtraName: makeExtras makes them all in their places) and for EventEmitter's
// fields (ensureEvents sets events up), and an undefined writable slot for each of the others,
// which the bootstrap (or the loader) then sets. Loop only.
func (rt *Runtime) processLayout(c goja.FunctionCall) goja.Value {
	vm := rt.vm
	proc, _ := c.Argument(0).(*goja.Object)
	makeExtras, _ := goja.AssertFunction(c.Argument(1))
	ensureEvents, _ := goja.AssertFunction(c.Argument(2))
	if proc == nil || makeExtras == nil || ensureEvents == nil {
		return goja.Undefined()
	}
	h := rt.host
	flags := h.Flags()
	pc := processConstants()
	T, F := goja.FLAG_TRUE, goja.FLAG_FALSE
	// (DefineDataProperty takes writable, configurable, enumerable)
	readOnly := func(name string, v any) { _ = proc.DefineDataProperty(name, vm.ToValue(v), F, T, T) }
	// (a plain data property is set: defining one costs goja a property record)
	plain := func(name string, v any) { _ = proc.Set(name, v) }
	for _, name := range processKeys {
		if rt.opts.workerThread {
			// (node's worker defines chdir before umask)
			switch name {
			case "umask":
				name = "chdir"
			case "chdir":
				name = "umask"
			}
		}
		switch name {
		case "version":
			readOnly(name, pc.version)
		case "versions":
			readOnly(name, c.Argument(3))
		case "arch":
			readOnly(name, pc.arch)
		case "platform":
			readOnly(name, pc.platform)
		case "release":
			readOnly(name, c.Argument(4))
		case "moduleLoadList":
			readOnly(name, vm.NewArray())
		case "config":
			readOnly(name, c.Argument(5))
		case "features":
			_ = proc.DefineDataProperty(name, c.Argument(6), F, F, T)
		case "env":
			plain(name, rt.envObj)
		case "title":
			title := argv0(rt.opts.Argv0)
			if t, ok := flags["--title"]; ok {
				title = t
			}
			plain(name, title)
		case "argv":
			plain(name, jsStrings(vm, h.Argv))
		case "execArgv":
			plain(name, jsStrings(vm, visibleExecArgv(h.ExecArgv)))
		case "pid":
			readOnly(name, pc.pid)
		case "ppid":
			plain(name, pc.ppid)
		case "execPath":
			plain(name, h.ExecPath)
		case "debugPort":
			plain(name, 9229)
		case "argv0":
			_ = proc.DefineDataProperty(name, vm.ToValue(argv0(rt.opts.Argv0)), F, F, T)
		case "permission":
			if h.Perms != nil {
				plain(name, goja.Undefined())
			}
		case "_events", "_eventsCount", "_maxListeners":
			rt.processStub(proc, name, ensureEvents)
		default:
			if flag, ok := processFlagMembers[name]; ok {
				if _, given := flags[flag]; given {
					plain(name, true)
				}
			} else if processExtraName(name) {
				rt.processStub(proc, name, makeExtras)
			} else {
				plain(name, goja.Undefined())
			}
		}
	}
	return goja.Undefined()
}

// processStub makes name an accessor of proc standing in for a member: its first read or set
// calls mk (which defines the member in its place) and then reads or sets the member. Loop only.
func (rt *Runtime) processStub(proc *goja.Object, name string, mk goja.Callable) {
	vm := rt.vm
	busy := false
	get := vm.ToValue(func(goja.FunctionCall) goja.Value {
		if busy {
			// (read again while its member is being made: mk, already under way, made nothing)
			return goja.Undefined()
		}
		busy = true
		defer func() { busy = false }()
		if _, err := mk(goja.Undefined()); err != nil {
			panic(err)
		}
		return proc.Get(name)
	}).(*goja.Object)
	set := vm.ToValue(func(c goja.FunctionCall) goja.Value {
		if _, err := mk(goja.Undefined()); err != nil {
			panic(err)
		}
		if this, ok := c.This.(*goja.Object); ok {
			if err := this.DefineDataProperty(name, c.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
	if rt.procStubs == nil {
		rt.procStubs = make(map[*goja.Object]bool, 20)
	}
	rt.procStubs[get] = true
	_ = proc.DefineAccessorProperty(name, get, set, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// makeStubbed calls mk, which makes the members stand-ins stand for: meanwhile reflection on
// process shows the stand-ins as they are (makeProcessStubs does nothing). Loop only.
func (rt *Runtime) makeStubbed(mk goja.Callable) {
	was := rt.makingStubs
	rt.makingStubs = true
	defer func() { rt.makingStubs = was }()
	if _, err := mk(goja.Undefined()); err != nil {
		panic(err)
	}
}
