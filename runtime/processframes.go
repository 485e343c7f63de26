package runtime

import (
	"strings"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/runtime/js"
)

// processSite is node 20.20's frames of a process method that made an error: the method (by its
// frame's function name, or the method it was called as, in our bootstrap, loader or process
// extras), the error's code and a part of its message that tell node's throws apart, and
// node's frames of it (none: node's stack has no frame there, or, with empty, no frame at all).
type processSite struct {
	fn, code, contains string
	at                 []siteInfo
	empty              bool
}

func procMethodFrame(file, method string, line, col int) siteInfo {
	return siteInfo{fn: method, typ: "process", method: method, display: "process." + method, file: file, line: line, col: col}
}

func perThread(method string, line, col int) []siteInfo {
	return []siteInfo{procMethodFrame("node:internal/process/per_thread", method, line, col)}
}

const ownState = "node:internal/bootstrap/switches/does_own_process_state"

// credential is a set*id/initgroups frame whose argument validateId (a plain function) refused.
func credential(method string, line, col int) []siteInfo {
	return []siteInfo{{fn: "validateId", file: ownState, line: 99, col: 13}, procMethodFrame(ownState, method, line, col)}
}

func reportFrame(method string, line int) []siteInfo {
	return []siteInfo{{fn: method, typ: "Object", method: method, display: "Object." + method, file: "node:internal/process/report", line: line, col: 7}}
}

// processSites: the first that matches gives node's frames (an empty code matches any error).
var processSites = []processSite{
	{fn: "kill", code: "ERR_INVALID_ARG_TYPE", contains: `"pid"`, at: perThread("kill", 207, 13)},
	{fn: "kill", code: "ERR_UNKNOWN_SIGNAL", at: perThread("kill", 220, 15)},
	{fn: "kill", contains: "kill ", at: perThread("kill", 225, 13)},
	{fn: "hrtime", code: "ERR_INVALID_ARG_TYPE", at: perThread("hrtime", 73, 5)},
	{fn: "hrtime", code: "ERR_OUT_OF_RANGE", at: perThread("hrtime", 75, 13)},
	{fn: "cpuUsage", code: "ERR_INVALID_ARG_TYPE", contains: `"prevValue" argument`, at: perThread("cpuUsage", 120, 9)},
	{fn: "cpuUsage", code: "ERR_INVALID_ARG_TYPE", contains: `"prevValue.user"`, at: perThread("cpuUsage", 122, 9)},
	{fn: "cpuUsage", code: "ERR_INVALID_ARG_VALUE", contains: `'prevValue.user'`, at: perThread("cpuUsage", 123, 15)},
	{fn: "cpuUsage", code: "ERR_INVALID_ARG_TYPE", contains: `"prevValue.system"`, at: perThread("cpuUsage", 128, 9)},
	{fn: "cpuUsage", code: "ERR_INVALID_ARG_VALUE", contains: `'prevValue.system'`, at: perThread("cpuUsage", 129, 15)},
	{fn: "loadEnvFile", code: "ERR_INVALID_ARG_TYPE", at: perThread("loadEnvFile", 259, 14)},
	{fn: "loadEnvFile", at: perThread("loadEnvFile", 260, 7)},
	{fn: "chdir", code: "ERR_INVALID_ARG_TYPE", at: []siteInfo{{fn: "wrappedChdir", typ: "process", method: "chdir",
		display: "process.wrappedChdir [as chdir]", file: ownState, line: 129, col: 3}}},
	{fn: "chdir", contains: "chdir", at: []siteInfo{{fn: "wrappedChdir", typ: "process", method: "chdir",
		display: "process.wrappedChdir [as chdir]", file: ownState, line: 130, col: 14}}},
	{fn: "setuid", code: "ERR_INVALID_ARG_TYPE", at: credential("setuid", 85, 7)},
	{fn: "setgid", code: "ERR_INVALID_ARG_TYPE", at: credential("setgid", 85, 7)},
	{fn: "seteuid", code: "ERR_INVALID_ARG_TYPE", at: credential("seteuid", 85, 7)},
	{fn: "setegid", code: "ERR_INVALID_ARG_TYPE", at: credential("setegid", 85, 7)},
	{fn: "initgroups", code: "ERR_INVALID_ARG_TYPE", contains: `"user"`, at: credential("initgroups", 59, 5)},
	{fn: "setuid", code: "ERR_UNKNOWN_CREDENTIAL", at: []siteInfo{procMethodFrame(ownState, "setuid", 90, 15)}},
	{fn: "setgid", code: "ERR_UNKNOWN_CREDENTIAL", at: []siteInfo{procMethodFrame(ownState, "setgid", 90, 15)}},
	{fn: "seteuid", code: "ERR_UNKNOWN_CREDENTIAL", at: []siteInfo{procMethodFrame(ownState, "seteuid", 90, 15)}},
	{fn: "setegid", code: "ERR_UNKNOWN_CREDENTIAL", at: []siteInfo{procMethodFrame(ownState, "setegid", 90, 15)}},
	{fn: "setgroups", code: "ERR_INVALID_ARG_TYPE", contains: `"groups"`, at: []siteInfo{procMethodFrame(ownState, "setgroups", 71, 5)}},
	{fn: "setgroups", code: "ERR_UNKNOWN_CREDENTIAL", at: []siteInfo{procMethodFrame(ownState, "setgroups", 79, 13)}},
	{fn: "emitWarning", code: "ERR_INVALID_ARG_TYPE", contains: `"warning"`, at: []siteInfo{procMethodFrame("node:internal/process/warning", "emitWarning", 176, 11)}},
	{fn: "emitWarning", code: "ERR_INVALID_ARG_TYPE", contains: `"type"`, at: []siteInfo{procMethodFrame("node:internal/process/warning", "emitWarning", 166, 5)}},
	{fn: "setUncaughtExceptionCaptureCallback", code: "ERR_INVALID_ARG_TYPE",
		at: []siteInfo{procMethodFrame("node:internal/process/execution", "setUncaughtExceptionCaptureCallback", 149, 11)}},
	{fn: "binding", contains: "No such module", at: []siteInfo{procMethodFrame("node:internal/bootstrap/realm", "binding", 164, 11)}},
	{fn: "setSourceMapsEnabled", code: "ERR_INVALID_ARG_TYPE",
		at: []siteInfo{procMethodFrame("node:internal/source_map/source_map_cache", "setSourceMapsEnabled", 57, 3)}},
	{fn: "exitCode", at: []siteInfo{{fn: "set", typ: "process", method: "exitCode", display: "process.set [as exitCode]",
		file: "node:internal/bootstrap/node", line: 123, col: 9}}},
	{fn: "umask", code: "ERR_INVALID_ARG_VALUE", empty: true},
	{fn: "queueMicrotask", code: "ERR_INVALID_ARG_TYPE", at: []siteInfo{{fn: "queueMicrotask", file: "node:internal/process/task_queues", line: 150, col: 3}}},
	{fn: "dlopen"}, // (native in node: no frame)
	{fn: "writeReport", code: "ERR_INVALID_ARG_TYPE", contains: `"file"`, at: reportFrame("writeReport", 22)},
	{fn: "writeReport", code: "ERR_INVALID_ARG_TYPE", contains: `"err"`, at: reportFrame("writeReport", 29)},
	{fn: "getReport", code: "ERR_INVALID_ARG_TYPE", contains: `"err"`, at: reportFrame("getReport", 38)},
}

const processExtrasFile = "node:internal/process/extras"

// nodeProcessFrames gives sites, the frames of err, node's frames of the process method that made
// it (at the top: our bootstrap's, loader's or process extras' method, below the frames of the
// extras and of fs that the loader's one-line methods call). At most limit frames.
func nodeProcessFrames(sites []siteInfo, err *goja.Object, limit int) []siteInfo {
	k := 0
	for k < len(sites) && (sites[k].file == "node:fs" || sites[k].file == processExtrasFile) && sites[k].fn != "writeReport" && sites[k].fn != "getReport" {
		k++
	}
	if k >= len(sites) {
		return sites
	}
	switch top := sites[k].file; {
	case top == js.BootstrapName, top == loaderName && k > 0, top == processExtrasFile:
	default:
		return sites
	}
	fn := sites[k].fn
	if sites[k].method != "" {
		fn = sites[k].method
	}
	var code, msg string
	if v := err.Get("code"); v != nil && !goja.IsUndefined(v) {
		code = v.String()
	}
	if v := err.Get("message"); v != nil && !goja.IsUndefined(v) {
		msg = v.String()
	}
	if sites[k].fn == "unavailableInWorker" && code == "ERR_WORKER_UNSUPPORTED_OPERATION" {
		// a worker's process.abort(), chdir() and the credential setters
		sites[k] = siteInfo{fn: "unavailableInWorker", typ: "process", method: sites[k].method,
			display: "process.unavailableInWorker [as " + sites[k].method + "]", file: "node:internal/process/worker_thread_only", line: 12, col: 11}
		return sites[k:]
	}
	for _, p := range processSites {
		if p.fn != fn || (p.code != "" && p.code != code) || !strings.Contains(msg, p.contains) {
			continue
		}
		if p.empty {
			return sites[:0]
		}
		out := make([]siteInfo, 0, len(sites)+len(p.at))
		out = append(out, p.at...)
		rest := sites[k+1:]
		if fn == "exitCode" && len(rest) > 0 && rest[0].fn == "exit" && rest[0].file == "node:internal/process/per_thread" {
			// process.exit(code) setting it: node's exit sets process.exitCode at its own line
			r := rest[0]
			r.line, r.col = 179, 24
			out = append(out, r)
			rest = rest[1:]
		}
		out = append(out, rest...)
		if len(out) > limit {
			out = out[:limit]
		}
		return out
	}
	return sites
}

// nativeSites are node 20.20's frames of the scheduling functions written in Go (the loop's),
// which refuse a callback that is not a function: node's stack begins with them.
var nativeSites = map[string]siteInfo{
	"setTimeout":   {fn: "setTimeout", file: "node:timers", line: 140, col: 3},
	"setInterval":  {fn: "setInterval", file: "node:timers", line: 210, col: 3},
	"setImmediate": {fn: "setImmediate", file: "node:timers", line: 283, col: 3},
	"nextTick":     procMethodFrame("node:internal/process/task_queues", "nextTick", 104, 3),
}

// nodeNativeFrame puts node's frame of a Go scheduling function at the top of sites when that
// function made err (its callback check: raw's innermost frame past the error makers is its).
func nodeNativeFrame(sites []siteInfo, raw []goja.StackFrame, err *goja.Object, limit int) []siteInfo {
	if limit <= 0 {
		return sites
	}
	for i := range raw {
		f := &raw[i]
		if f.SrcName() != "<native>" {
			if file := f.Position().Filename; hiddenErrorFrameFile(file) || errorFactory(file, f.FuncName()) {
				continue
			}
			return sites
		}
		at, ok := nativeSites[f.FuncName()]
		if !ok {
			return sites
		}
		code := err.Get("code")
		msg := err.Get("message")
		if code == nil || code.String() != "ERR_INVALID_ARG_TYPE" || msg == nil || !strings.Contains(msg.String(), `"callback"`) {
			return sites
		}
		out := make([]siteInfo, 0, len(sites)+1)
		out = append(append(out, at), sites...)
		if len(out) > limit {
			out = out[:limit]
		}
		return out
	}
	return sites
}

// workerIOFile is our MessagePort's glue (NodeEventTarget dispatch), modules/workerthreads/io.js.
const workerIOFile = "node:internal/worker/io"

// portDispatchLines are the lines of our port glue's [kHybridDispatch] (a computed method, nameless
// in goja's frames) where it calls a listener: its forEach of the one, its loop over several, and
// its dispatchEvent for addEventListener ones.
var portDispatchLines = modules.Lazy[[3]int]{Build: func() [3]int {
	const m, from = "internal/worker/io", "[kHybridDispatch](value, type, event) {"
	return [3]int{glueLineOf(m, from, "wrappers.forEach(callSingle);"),
		glueLineOf(m, from, "callNodeStyle(this, type, w, value);"),
		glueLineOf(m, from, "this.dispatchEvent(event);")}
}}

// portDispatchFrames ends the frames of a MessagePort listener's call as node's: our port's
// [kHybridDispatch] (si) stands for node's native dispatch, which shows as
// MessagePort.<anonymous> (per_context/messageport) with nothing below it; an addEventListener
// listener's dispatchEvent frame above it is node's own call. It reports whether si was that.
func portDispatchFrames(si siteInfo, out *[]siteInfo, limit int) bool {
	if si.fn != "" || si.line <= 0 {
		return false
	}
	if l := portDispatchLines.Get(); si.line != l[0] && si.line != l[1] && si.line != l[2] {
		return false
	}
	if n := len(*out); n > 0 && (*out)[n-1].fn == "dispatchEvent" && (*out)[n-1].file == "node:internal/event_target" {
		*out = (*out)[:n-1]
	}
	if len(*out) < limit {
		*out = append(*out, siteInfo{display: "MessagePort.<anonymous>", file: "node:internal/per_context/messageport", line: 23, col: 28})
	}
	return true
}
