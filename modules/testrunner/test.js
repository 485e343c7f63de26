'use strict';
// node:test. Tests form a tree under a root; top-level tests start on the next turn of the loop
// and run one after another. Each finished test emits an event ({ type, nesting, name, ... })
// that a reporter turns into text. Under `gojs test` (--test-child in execArgv) the events are
// written as JSON lines for the CLI, which merges the files and reports once.

const assert = require('assert');

const argv = binding.execArgv;
// callThrough(fn, this, ...args) calls a test's, a suite's or a hook's function from Go: a stack
// overflow in it then fails that test with node's RangeError (goja lets no JS catch one; it stops
// only at a Go frame), and the file goes on.
// The function's frames are named after its receiver, an arrow function's too, as V8 names them
// ("at TestContext.<anonymous>"): noteThis tells the stack code which receiver that is.
// An async arrow function's frames keep that name after its first await (endCall notes the
// receiver by the promise it returned).
// Its receiver, when not undefined, carries node's frames below the call (nodeFrames).
function callThrough(fn, ctx, ...args) {
  const mark = binding.noteThis(fn, ctx);
  let res;
  try {
    res = binding.callThrough(fn, ctx, ...args);
    return res;
  } finally {
    binding.endCall(mark, res);
  }
}

// ---- node's frames ----------------------------------------------------------------------------
// A test's, suite's or hook's function runs, under node 20, below the frames of its runner:
// Test.run, the processPendingSubtests that started it, the previous test's postRun, Suite.run's
// Promise.all... An error's stack shows them (reporters print it). callThrough's receiver and
// awaitTest's carry them (nodeTestFrames, read by the stack code), worked out from how the test
// was started (t.via): by the harness (the first top-level test), after the test before it
// ended ('after', its postRun), by its suite's run (its first child), or by t.test().
const nodeT = 'node:internal/test_runner/test';
function nodeFrames(list) { return { nodeTestFrames: list }; }
function clsOf(t) { return t.suite && t !== root ? 'Suite' : 'Test'; }
// runAsyncOf: the frames below Test.run once it has awaited (the awaiters of its promise)
function runAsyncOf(t) {
  const v = t && t.via;
  if (!v) return [];
  switch (v.kind) {
    case 'harness': case 'after':
      return [`async ${clsOf(t.parent)}.processPendingSubtests (${nodeT}:526:7)`];
    case 'suiteAll':
      return [`async Promise.all (index ${v.index})`, `async Suite.run (${nodeT}:1135:7)`, ...runAsyncOf(t.parent)];
    case 'subtest':
      return v.await ? [v.await, `async Test.run (${nodeT}:797:9)`, ...runAsyncOf(t.parent)] : [];
  }
  return [];
}
// runSyncOf: the frames below Test.run before it awaits (what called it)
function runSyncOf(t) {
  const v = t.via;
  if (!v) return [];
  const pps = `${clsOf(t.parent)}.processPendingSubtests (${nodeT}:526:18)`;
  switch (v.kind) {
    case 'harness':
      return [pps, 'node:internal/test_runner/harness:255:12', 'node:internal/process/task_queues:140:7',
        'AsyncResource.runInAsyncScope (node:async_hooks:206:9)', 'AsyncResource.runMicrotask (node:internal/process/task_queues:137:8)'];
    case 'after': {
      const x = v.prev;
      // (a test whose signal aborted before it ran ended in its run's first turn: kShouldAbort)
      if (x.abortedAtStart && !x.suite) return [pps, `Test.postRun (${nodeT}:889:19)`, `Test.run (${nodeT}:742:12)`, ...runSyncOf(x)];
      return [pps, `${clsOf(x)}.postRun (${nodeT}:889:19)`, x.suite ? `Suite.run (${nodeT}:1150:10)` : `Test.run (${nodeT}:835:12)`, ...runAsyncOf(x)];
    }
    case 'suiteAll': {
      const pc = 'node:internal/per_context/primordials';
      return [`Test.start (${nodeT}:702:17)`, `${nodeT}:1133:71`, `${pc}:482:82`, 'new Promise (<anonymous>)',
        `new SafePromise (${pc}:450:29)`, `${pc}:482:9`, 'Array.map (<anonymous>)', `arrayToSafePromiseIterable (${pc}:479:5)`,
        `${pc}:496:21`, 'new Promise (<anonymous>)', `${pc}:495:3`, `Suite.run (${nodeT}:1133:23)`, ...runAsyncOf(t.parent)];
    }
    case 'subtest':
      // (the program's frames follow: the function that called t.test)
      return [`Test.start (${nodeT}:702:17)`, `TestContext.test (${nodeT}:292:20)`];
  }
  return [];
}
// awaitsBefore: Test.run awaits the parent's before and beforeEach hooks before the function
function awaitsBefore(t) { return t.parent.hooks.before.length > 0 || collectEach(t, 'beforeEach').length > 0; }
function testFnFrames(t, callback) {
  const head = [`${clsOf(t)}.runInAsyncScope (node:async_hooks:206:9)`, `Test.run (${nodeT}:${callback ? '783:21' : '796:25'})`];
  return nodeFrames(head.concat(awaitsBefore(t) ? runAsyncOf(t) : runSyncOf(t)));
}
const hookHead = ['TestHook.runInAsyncScope (node:async_hooks:206:9)', `TestHook.run (${nodeT}:796:25)`, `TestHook.run (${nodeT}:1041:18)`];
function eachHookFrames(t, kind, k) {
  const owner = `${clsOf(t.parent)}.runHook (${nodeT}:723:20)`;
  if (kind === 'afterEach') {
    return nodeFrames([...hookHead, owner, `${nodeT}:760:27`, 'node:internal/util:527:20', `Test.run (${nodeT}:803:13)`, ...runAsyncOf(t)]);
  }
  if (k > 0) return nodeFrames([...hookHead, owner, `async Test.run (${nodeT}:772:9)`, ...runAsyncOf(t)]);
  return nodeFrames([...hookHead, owner, `Test.run (${nodeT}:772:27)`, ...(t.parent.hooks.before.length > 0 ? runAsyncOf(t) : runSyncOf(t))]);
}
// a test's after hooks: run by Test.run's after() once the function and afterEach hooks are done
function testAfterFrames(t) {
  return nodeFrames([...hookHead, 'TestHook.run (node:internal/util:527:20)', `Test.runHook (${nodeT}:723:20)`,
    `after (${nodeT}:755:20)`, `Test.run (${nodeT}:804:13)`, ...runAsyncOf(t)]);
}
function suiteHookFrames(s, kind) {
  const head = [...hookHead, 'TestHook.run (node:internal/util:527:20)', `Suite.runHook (${nodeT}:723:20)`];
  if (kind === 'before') return nodeFrames([...head, `Suite.run (${nodeT}:1129:18)`, ...runAsyncOf(s)]);
  return nodeFrames([...head, `${nodeT}:1113:38`, 'node:internal/util:527:20', `Suite.run (${nodeT}:1136:13)`, ...runAsyncOf(s)]);
}
// awaitTest awaits what a test's async function returned: its receiver carries node's frames
// below the function once it has awaited (Test.run's await of it and what awaits Test.run).
// (its only reaction: the stack code follows the awaits from the function to it)
async function awaitTest(promise, fn, settled) {
  try {
    return await promise;
  } finally {
    binding.dropThis(fn);
    settled();
  }
}
// awaitFrame is node's frame of the function that awaits t.test(...) at loc (its await's place),
// named as the frame that called it (name), or undefined when the call is not awaited there.
function awaitFrame(name, loc) {
  const m = /^(.*):(\d+):(\d+)$/.exec(loc || '');
  if (!m) return undefined;
  const lines = sourceLines(m[1]);
  const text = lines && lines[m[2] - 1];
  if (!text) return undefined;
  // (the place is the called name's: t.test's is test's, after the receiver)
  const before = text.slice(0, m[3] - 1).replace(/(?:[\w$]+\s*\??\.\s*)+$/, '');
  const a = /await\s*$/.exec(before);
  if (!a) return undefined;
  return `async ${name} (${m[1]}:${m[2]}:${a.index + 1})`;
}

// --test-child: a file run by `gojs test` (events as JSON lines on stdout); --test-child-port: a
// file run by run() in a worker (events posted to the parent).
const portMode = argv.includes('--test-child-port');
// processPort is a run() file's way to the runner: its worker stands for a process (a main
// thread to the file), whose port to the parent only gojs's glue sees.
const processPort = () => require('worker_threads')[Symbol.for('gojs.worker.processPort')];
const childMode = argv.includes('--test-child') || portMode;
const onlyMode = argv.includes('--test-only');
const namePatterns = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  let p;
  if (a.startsWith('--test-name-pattern=')) p = a.slice(20);
  else if (a === '--test-name-pattern') p = argv[i + 1];
  if (p !== undefined) {
    const m = /^\/(.*)\/([a-z]*)$/.exec(p);
    namePatterns.push(m ? new RegExp(m[1], m[2]) : new RegExp(p));
  }
}

// times are hrtime bigints; a duration is their exact difference in ms, as node reports it
function now() { return process.hrtime.bigint(); }
function since(t) { return Number(process.hrtime.bigint() - t) / 1e6; }

// ---- events and reporters ------------------------------------------------------------------------

const reporters = require('node:test/reporters');
const kInfo = reporters[Symbol.for('gojs.test.kInfo')];
const errorInfos = reporters[Symbol.for('gojs.test.errorInfos')];
const realSetImmediate = setImmediate;
const realNextTick = process.nextTick;

// nodeEvent turns an internal event ({ type, nesting, name, location, ... }) into the
// { type, data } shape of Node's TestsStream: location becomes line/column/file, a skip or todo
// without a message is true, and a failure's details.error is an ERR_TEST_FAILURE error.
function nodeEvent(ev) {
  const data = {};
  let loc;
  if (typeof ev.location === 'string') loc = /^(.*):(\d+):(\d+)$/.exec(ev.location);
  const put = (k) => { if (ev[k] !== undefined) data[k] = ev[k]; };
  const where = () => {
    if (loc) { data.line = +loc[2]; data.column = +loc[3]; data.file = loc[1]; } else put('file');
  };
  switch (ev.type) {
    case 'test:pass': case 'test:fail': case 'test:complete': {
      put('name'); put('nesting'); put('testNumber');
      // (node's keys first, in node's order: those of a test file's own process came through a
      // Go map)
      const details = {};
      for (const k of ['duration_ms', 'type', 'error']) if (ev.details && k in ev.details) details[k] = ev.details[k];
      Object.assign(details, ev.details);
      for (const k of Object.keys(details)) if (details[k] === undefined) delete details[k];
      if (details.error && !(details.error instanceof Error) && !errorInfos.has(details.error)) details.error = failureError(details.error);
      if (ev.type === 'test:complete') details.passed = !ev.failed;
      data.details = details;
      where();
      if (ev.skip !== undefined) data.skip = ev.skip === '' ? true : ev.skip;
      if (ev.todo !== undefined) data.todo = ev.todo === '' ? true : ev.todo;
      break;
    }
    case 'test:plan': put('nesting'); put('count'); where(); break;
    case 'test:diagnostic': put('nesting'); put('message'); where(); break;
    case 'test:stdout': case 'test:stderr': put('file'); put('message'); break;
    case 'test:watch:drained': return { type: ev.type, data: undefined };
    case 'test:start': case 'test:enqueue': case 'test:dequeue':
      // (in node's order, whatever the order of ev's keys: events from a test file's own
      // process come through a Go map)
      put('nesting'); put('name');
      for (const k of Object.keys(ev)) if (!['type', 'location', 'suite', 'file', 'nesting', 'name'].includes(k)) put(k);
      where();
      break;
    default:
      for (const k of Object.keys(ev)) if (k !== 'type' && k !== 'location' && k !== 'suite') put(k);
  }
  return { type: ev.type, data };
}

// failureError is details.error as Node hands it out: an Error with code ERR_TEST_FAILURE, the
// failureType, and the original error's description under a symbol the reporters read.
// As node's, its cause is what the test threw (the runner's own failures: their message), and its
// stack is node's for it (as the junit reporter prints it).
// multipleCallbacksInfo is node's failure of a test whose done callback is called a second
// time, its stack the frames that called it.
function multipleCallbacksInfo() {
  const info = wrapError('callback invoked multiple times', 'multipleCallbackInvocations');
  // (node's ERR_TEST_FAILURE leaves out node:internal's frames)
  const st = new Error().stack.split('\n').slice(1).filter((l) => /^\s+at /.test(l) &&
    !/[( ]node:(test|internal\/)|^\s+at call \(native\)$/.test(l));
  info.failureFrames = st.map((l) => l.replace(/^\s*at /, '').replace(/(:\d+:\d+)\(\d+\)(\)?)$/, '$1$2'));
  info.stack = info.failureFrames.join('\n');
  return info;
}

function failureError(info) {
  // (node's error of an aborted test is the signal's reason itself, marked with its failureType)
  // (from a test file's own process: the reason as it crossed node's serializer)
  let reason = info.thrown;
  if (info.raw && !Object.prototype.hasOwnProperty.call(info, 'thrown') && typeof info.causeSent === 'string') {
    try { reason = uncrossThrown(Buffer.from(info.causeSent, 'base64')); } catch {}
  }
  if (info.raw && reason !== null && typeof reason === 'object') {
    errorInfos.set(reason, info);
    return reason;
  }
  const err = new Error(info.message);
  err.code = 'ERR_TEST_FAILURE';
  err.failureType = info.failureType;
  if (info.exitCode !== undefined) err.exitCode = info.exitCode;
  if (info.signal !== undefined) err.signal = info.signal; // (a file's process: null, or the signal that ended it)
  const frames = info.failureFrames || [];
  const head = `Error [ERR_TEST_FAILURE]: ${info.wrapperMessage || info.message}`;
  err.stack = info.bare || frames.length === 0 ? head : `${head}\n${frames.map((f) => `    at ${f}`).join('\n')}`;
  if (Object.prototype.hasOwnProperty.call(info, 'thrown')) err.cause = info.thrown;
  else if (typeof info.causeSent === 'string') {
    try { err.cause = uncrossThrown(Buffer.from(info.causeSent, 'base64')); } catch {}
  } else if (!info.causeError && typeof info.message === 'string') err.cause = info.message;
  Object.defineProperty(err, kInfo, { __proto__: null, value: info });
  return err;
}

// reporterSpecs pairs --test-reporter values with --test-reporter-destination values, as Node.
function reporterSpecs(args) {
  if (!Array.isArray(args)) args = [];
  const names = [];
  const dests = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    for (const [flag, list] of [['--test-reporter', names], ['--test-reporter-destination', dests]]) {
      if (a.startsWith(flag + '=')) list.push(a.slice(flag.length + 1));
      else if (a === flag && i + 1 < args.length) list.push(args[++i]);
    }
  }
  if (names.length !== dests.length && !(dests.length === 0 && names.length <= 1)) {
    const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_VALUE('--test-reporter', names, "must match the number of specified '--test-reporter-destination'");
  }
  if (!names.length) names.push(process.stdout.isTTY ? 'spec' : 'tap');
  if (!dests.length) dests.push('stdout');
  return names.map((n, i) => ({ name: n, destination: dests[i] === undefined ? 'stdout' : dests[i] }));
}

// reportSink writes reporter output to a destination: stdout, stderr or a file (truncated first).
function reportSink(dest, continued) {
  if (dest === 'stdout') return (s) => process.stdout.write(s);
  if (dest === 'stderr') return (s) => process.stderr.write(s);
  const fs = require('fs');
  if (!continued) {
    try {
      fs.writeFileSync(dest, '');
    } catch {
      // node writes to a WriteStream whose open fails on the thread pool: the stream's 'error'
      // comes later, from the reporters' scope
      fs.open(dest, 'w', (err, fd) => {
        if (err) reporterStreamFailed(err);
        else fs.close(fd, () => {});
      });
      return () => {};
    }
  }
  return (s) => fs.appendFileSync(dest, s);
}

// reporterStreamFailed(err): a reporter's destination stream failed. As node's harness, whose
// uncaughtException handler throws again what comes from the reporters' scope (ahead of any
// other listener), the process ends with exit code 7 at that throw, the stream's emit shown.
const reporterStreamFrames = [
  '    at WriteStream.onerror (node:internal/streams/readable:1028:14)',
  '    at WriteStream.emit (node:events:524:28)',
  '    at emitErrorNT (node:internal/streams/destroy:169:8)',
  '    at emitErrorCloseNT (node:internal/streams/destroy:128:3)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)',
].join('\n');
function reporterStreamFailed(err) {
  Object.defineProperty(err, Symbol.for('gojs.enhanceStackBeforeInspector'), {
    __proto__: null, configurable: true,
    value: () => `${err.stack}\nEmitted 'error' event on WriteStream instance at:\n${reporterStreamFrames}`,
  });
  Object.defineProperty(err, Symbol.for('gojs.rethrowArrow'), {
    __proto__: null, value: 'node:internal/test_runner/harness:53\n      throw err;\n      ^\n', writable: true, configurable: true,
  });
  process.prependListener('uncaughtException', function rethrowReporterError(e) {
    if (e === err) throw e;
  });
  throw err;
}

// A reporter is { event(ev), end() } over Node-shaped events. Built-in names use the machines
// directly; anything else is a module path whose default export (an async generator function,
// a Transform or a stream instance) is composed onto a TestsStream, as Node loads custom ones.
// continued: a later run under --watch, whose output follows the previous run's.
function makeReporter(spec, continued) {
  const make = reporters[Symbol.for('gojs.test.machines')][spec.name];
  const write = reportSink(spec.destination, continued === true);
  if (make) {
    const m = make({ continued: continued === true });
    return {
      event(ev) { const s = m.event(ev); if (s) write(s); },
      start() { const s = m.start ? m.start() : ''; if (s) write(s); },
      end() { const s = m.end(); if (s) write(s); return Promise.resolve(); },
    };
  }
  const stream = new (testsStreamClass())();
  let out;
  try {
    // require() loads ES modules too (as Node 20.19 does), so a reporter may be either kind.
    const req = require('module').createRequire(process.cwd() + '/');
    const mod = req(spec.name[0] === '.' ? require('path').resolve(spec.name) : spec.name);
    let r = mod && mod.__esModule !== undefined && mod.default !== undefined ? mod.default : mod;
    if (r && typeof r === 'object' && r.default !== undefined && typeof r.pipe !== 'function') r = r.default;
    if (typeof r === 'function' && /^class\b/.test(Function.prototype.toString.call(r))) r = new r();
    out = stream.compose(r);
  } catch (e) {
    process.nextTick(() => { throw e; });
    return { event() {}, end() { return Promise.resolve(); } };
  }
  const loaded = new Promise((resolve, reject) => {
    out.on('data', (chunk) => write(typeof chunk === 'string' ? chunk : String(chunk)));
    out.on('end', resolve);
    out.on('error', reject);
  });
  return {
    event(ev) { stream.push(ev); },
    start() {},
    end() { stream.push(null); return loaded; },
  };
}

// cliReporters makes the reporters of the command line's flags. As node's, each is composed with
// the run's TestsStream, which adds 4 'end' listeners to it, 3 'close' and 'error', 2 'finish'
// and one 'data': past its 10 of a kind (from the third reporter on) the stream warns.
function cliReporters(specs) {
  if (specs.length > 2) {
    const stream = new (testsStreamClass())();
    const noop = () => {};
    const kinds = ['end', 'end', 'end', 'end', 'close', 'close', 'close', 'error', 'error', 'error', 'finish', 'finish', 'data'];
    for (let i = 0; i < specs.length; i++) for (const k of kinds) stream.on(k, noop);
  }
  return specs.map((spec) => makeReporter(spec));
}

// A direct run checks its reporter flags when node:test loads, as Node does.
if (!childMode) reporterSpecs(argv);

// Direct runs report as the tests go: events are batched and handed to the reporters on the
// next turn of the loop, as Node's reporter stream gets them a few ticks after the fact (so what
// a test prints comes before its report line, as under node).
const pending = [];
let flushScheduled = false;
let activeReporters;
function flushEvents() {
  flushScheduled = false;
  if (!pending.length) return;
  const evs = pending.splice(0);
  if (portMode) {
    // (a run() file's worker posts them as late as node's child process writes them: a file
    // that kills itself at once loses them as that process does)
    const port = processPort();
    for (const ev of evs) port.postMessage(ev);
    return;
  }
  if (childMode) {
    const lines = [];
    for (const ev of evs) lines.push(JSON.stringify(ev) + '\n');
    process.stdout.write(lines.join(''));
    return;
  }
  if (!activeReporters) {
    const specs = reporterSpecs(argv);
    activeReporters = cliReporters(specs);
    if (specs.length > 2) {
      // (the warning of their listeners, on a tick queued now, comes before their first
      // output, as node's reporters are set up before the first report)
      pending.unshift(...evs);
      flushScheduled = true;
      realNextTick(flushEvents);
      return true;
    }
  }
  for (const ev of evs) {
    const nev = nodeEvent(ev);
    for (const r of activeReporters) r.event(nev);
  }
}

// specOnly: node 20's spec reporter is a Transform its test stream pipes into, which writes the
// events the stream buffered in one tick (the other reporters are async generators, a tick
// later still).
let specReport;
function specOnly() {
  if (specReport === undefined) {
    try { specReport = !childMode && !portMode && reporterSpecs(argv).every((r) => r.name === 'spec'); } catch { specReport = false; }
  }
  return specReport;
}
function emit(ev) {
  pending.push(ev);
  // (once the run ended, finishRoot writes what is left itself)
  // (what comes before the run begins waits for it: node's reporter stream starts to flow then)
  if (!flushScheduled && !rootDone && !holdEvents && (runBegun || !started)) {
    flushScheduled = true;
    // (after the microtasks of this turn: what the tests print in it comes first, as node's
    // reporter stream writes its lines a few ticks late, but before the next timer)
    realNextTick(specOnly() ? flushEvents : flushLater);
  }
}

// holdEvents: the events wait for finishRoot's last write (hooks of cancelled tests run first)
let holdEvents = false;

// flushLater writes the events a tick later still: the ticks the tests queued come first
function flushLater() { realNextTick(flushEvents); }

// yamlValue writes value under name as node's TAP reporter does (its lines end with "\n"): null
// and undefined as ~, strings inspected or as a |- block when they span lines, other primitives
// inspected, objects (arrays too) by their own enumerable entries, an object already written as
// <Circular>, and an error's message, code and name after its entries; undefined gives no line,
// a Date its ISO string. crossed: the value came from a test file's process (an error arrives as
// a plain object).
function yamlValue(indent, name, value, seen, crossed) {
  const util = require('util');
  if (value === undefined) return ''; // node writes no line for it
  if (value === null) return `${indent}${name}: ~\n`;
  if (typeof value !== 'object' || value instanceof Date) {
    if (typeof value === 'string') {
      const lines = value.split(/\r?\n/);
      if (lines.length > 1) return `${indent}${name}: |-\n` + lines.map((l) => `${indent}  ${l}\n`).join('');
    }
    return `${indent}${name}: ${util.inspect(value, { colors: false, breakLength: Infinity })}\n`;
  }
  seen.add(value);
  // an error that crossed (node's serializer) arrives with its message, stack and built-in name
  // only; anything else, a copy of an error included, as a plain object of its own enumerable
  // properties
  const native = util.types.isNativeError(value);
  const isErr = crossed ? native : (native || value instanceof Error);
  let out = '';
  let propsIndent = indent;
  if (name != null) {
    out += `${indent}${name}:\n`;
    propsIndent += '  ';
  }
  for (const [k, v] of crossed && isErr ? [] : Object.entries(value)) {
    if (isErr && (k === 'cause' || k === 'code')) continue;
    if (v !== null && typeof v === 'object' && seen.has(v)) {
      out += `${propsIndent}${k}: <Circular>\n`;
      continue;
    }
    out += yamlValue(propsIndent, k, v, seen, crossed);
  }
  if (isErr) {
    out += yamlValue(indent, 'error', value.message === undefined || value.message === null ? '<unknown error>' : value.message, seen, crossed);
    if (value.code && !crossed) out += yamlValue(indent, 'code', value.code, seen, crossed);
    let name = value.name;
    if (crossed) {
      // (the serializer keeps the name of a built-in error class, found on the prototype chain)
      name = undefined;
      for (let p = Object.getPrototypeOf(value); p; p = Object.getPrototypeOf(p)) {
        const c = Object.prototype.hasOwnProperty.call(p, 'constructor') ? p.constructor : undefined;
        if (c && globalThis[c.name] === c && /Error$/.test(c.name)) { name = c.name; break; }
      }
    }
    if (name && name !== 'Error') out += yamlValue(indent, 'name', name, seen, crossed);
    let stack;
    try { stack = value.stack; } catch {}
    if (typeof stack === 'string') {
      const frames = stack.split(/\r?\n/).filter((l) => /^ {4}at ./.test(l)).map((l) => l.slice(7));
      if (frames.length) out += `${indent}stack: |-\n` + frames.map((f) => `${indent}  ${f}\n`).join('');
    }
  }
  return out;
}

// crossable: v survives the structured serializer a test file's events cross (no functions,
// symbols or other uncloneable values inside).
function crossable(v, seen) {
  if (typeof v === 'function' || typeof v === 'symbol') return false;
  if (v === null || typeof v !== 'object' || seen.has(v)) return true;
  seen.add(v);
  if (v instanceof Map) {
    for (const [k, x] of v) if (!crossable(k, seen) || !crossable(x, seen)) return false;
    return true;
  }
  if (v instanceof Set) {
    for (const x of v) if (!crossable(x, seen)) return false;
    return true;
  }
  for (const k of Object.keys(v)) if (!crossable(v[k], seen)) return false;
  return true;
}

function inspectValue(v) {
  if (typeof v === 'string') return `'${v}'`;
  if (v === undefined) return 'undefined';
  try { return require('util').inspect(v); } catch { return String(v); }
}

// report is `gojs test`'s last step: the merged events of every file, through each reporter.
// Under `gojs test --watch` it is called once per run with the run's number (cycle, from 0): the
// reporters go on from the previous run's output (one TAP header, a destination file appended to)
// and never end, as Node's stream stays open while it watches.
function report(evs, args, cycle) {
  const watching = typeof cycle === 'number' && cycle >= 0;
  const specs = reporterSpecs(args);
  const rs = watching && cycle > 0 ? specs.map((spec) => makeReporter(spec, true)) : cliReporters(specs);
  const feed = () => {
    for (let ev of evs) {
      if (ev.type === 'test:coverage-raw') {
        ev = { type: 'test:coverage', nesting: 0, summary: binding.coverageSummary(ev.lists, process.cwd()) };
      }
      const nev = nodeEvent(ev);
      for (const r of rs) r.event(nev);
    }
    if (watching) return Promise.resolve();
    return Promise.all(rs.map((r) => r.end()));
  };
  // (the reporters' events flow a tick later: a warning their set-up gave, as many reporters'
  // listeners do, comes first, as node's comes before any report)
  return new Promise((resolve) => realNextTick(() => resolve(feed())));
}

let TestsStreamClass;
function testsStreamClass() {
  if (!TestsStreamClass) {
    const { Readable } = require('stream');
    TestsStreamClass = class TestsStream extends Readable {
      constructor() { super({ objectMode: true, highWaterMark: Number.MAX_SAFE_INTEGER }); }
      _read() {}
    };
  }
  return TestsStreamClass;
}

// ---- tests ---------------------------------------------------------------------------------------

let hasOnly = false;

function callerLocation() {
  const st = new Error().stack.split('\n');
  for (let i = 1; i < st.length; i++) {
    const m = /\(?((?:\/|file:)[^\s()]+?):(\d+):(\d+)(?:\(\d+\))?\)?\s*$/.exec(st[i]);
    if (!m || m[1].startsWith('node:')) continue;
    // an ES module's frames name it by URL; Node's test locations are paths
    const file = m[1].startsWith('file:') ? decodeURIComponent(m[1].replace(/^file:\/\/(localhost)?/, '')) : m[1];
    return `${file}:${m[2]}:${calleeColumn(file, +m[2], +m[3])}`;
  }
  return undefined;
}

// callerName is the name of the program's frame that called into node:test (V8's, "TestContext.<anonymous>").
function callerName() {
  const st = new Error().stack.split('\n');
  for (let i = 1; i < st.length; i++) {
    const m = /^\s+at (?:async )?(.*?) \(((?:\/|file:)[^\s()]+?):\d+:\d+\)\s*$/.exec(st[i]);
    if (m) return m[1];
    if (/^\s+at (?:async )?\S*?\(?(?:\/|file:)/.test(st[i])) return '<anonymous>';
  }
  return '<anonymous>';
}

// calleeColumn turns goja's call position (the '(') into V8's (the start of the called name).
const fileLines = new Map();
function sourceLines(file) {
  let lines = fileLines.get(file);
  if (lines === undefined) {
    try { lines = require('fs').readFileSync(file.startsWith('file:') ? new URL(file) : file, 'utf8').split('\n'); } catch { lines = null; }
    fileLines.set(file, lines);
  }
  return lines;
}
function calleeColumn(file, line, col) {
  const lines = sourceLines(file);
  const text = lines && lines[line - 1];
  // In a transformed ES module the call maps to just after the '('.
  if (text && text[col - 1] !== '(' && text[col - 2] === '(') col--;
  if (!text || text[col - 1] !== '(') return col;
  let i = col - 1;
  while (i > 0 && /[\w$]/.test(text[i - 1])) i--;
  return i + 1;
}

// validateOptions checks a test's or suite's options as Node's Test constructor does, before
// anything is queued: concurrency, timeout and signal (a bad one throws from test()/describe()).
function validateOptions(options) {
  const { validateUint32, validateNumber, validateAbortSignal } = require('internal/validators');
  const { concurrency, timeout, signal } = options;
  if (typeof concurrency === 'number') validateUint32(concurrency, 'options.concurrency', true);
  else if (concurrency != null && typeof concurrency !== 'boolean') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('options.concurrency', ['boolean', 'number'], concurrency);
  }
  if (timeout != null && timeout !== Infinity) validateNumber(timeout, 'options.timeout', 0, 2147483647);
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
}

class Test {
  constructor(name, options, fn, parent, suite) {
    if (parent) validateOptions(options);
    this.name = name;
    this.fn = fn;
    this.parent = parent;
    this.suite = suite;
    this.nesting = parent ? parent.nesting + 1 : -1;
    this.subtests = [];
    this.skip = options.skip;
    this.todo = options.todo;
    this.only = options.only;
    this.timeout = options.timeout;
    this.concurrency = options.concurrency;
    // limit: how many of its subtests may run at once (node's Test#concurrency): inherited from
    // the parent unless the test's options say; true is no limit (at the root, the processors
    // but one), false one
    const c = options.concurrency;
    if (typeof c === 'number') this.limit = c;
    else if (c === true) this.limit = parent ? Infinity : Math.max(require('os').availableParallelism() - 1, 1);
    else if (c === false) this.limit = 1;
    else this.limit = parent ? parent.limit : 1;
    this.plan = options.plan ? options.plan : undefined; // (node installs a plan for a truthy count only)
    this.assertCount = 0;
    this.planSubtests = 0; // subtests made by t.test(), which count toward t.plan()
    this.diagnostics = [];
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.error = undefined;
    this.location = callerLocation();
    this.finished = false;
    this.number = 0;
    this.mockTracker = undefined;
    // options.signal (node's outerSignal): its abort fails the test as testAborted, with the
    // signal's reason, and aborts the test's own signal. It is listened to from here on, before
    // any listener the program adds later, as node's Test does.
    this.outerSignal = parent ? options.signal : undefined;
    if (this.outerSignal) TestAbortHandler.listen(this);
    if (this.skip === false) this.skip = undefined;
    if (this.todo === false) this.todo = undefined;
    if (this.skip === true) this.skip = '';
    if (this.todo === true) this.todo = '';
    if (!onlyMode && parent) {
      // As node 20's Test: a test's only defaults to its parent not running only its only
      // subtests, and a test not marked only (only: false included) runs only those of its own
      // (a suite, whose children do not inherit that, resets it); without --test-only either
      // says so in a diagnostic of the test's own
      const only = this.only ?? !parent.runOnlySubtests;
      this.runOnlySubtests = !only;
      if (this.only || this.runOnlySubtests) this.diagnostics.push("'only' and 'runOnly' require the --test-only command-line option.");
      if (suite) this.runOnlySubtests = false;
    }
    // (a suite's tests are enqueued as the suite runs them, node's Suite.run)
    if (parent && !(parent.suite && parent !== root)) emit({ type: 'test:enqueue', nesting: this.nesting, name: this.name, location: this.location });
  }

  // setError records a failure as t.error shows it (before the test is reported, for afterEach)
  setError(e) {
    this.ranOk = false;
    const info = e && e.failureType && e.message !== undefined && e.inspected !== undefined ? e : wrapError(e, 'testCodeFailure');
    this.errorObj = failureError(info);
  }

  fullName() {
    return this.parent && this.parent.parent ? `${this.parent.fullName()} > ${this.name}` : this.name;
  }

  // filterReason is why the runner skips this test (--test-only, --test-name-pattern).
  filterReason() {
    if (onlyMode && this.parent) {
      // As Node 20: a test's only defaults to true where its parent does not run only its
      // only subtests (a test, unless t.runOnly(true)); the root and suites do, so there
      // every test and suite needs its own only.
      const p = this.parent;
      const parentRunsOnly = p.suite || !!p.runOnlySubtests;
      const only = this.only !== undefined ? !!this.only : !parentRunsOnly;
      if (!only) return '\'only\' option not set';
    }
    if (namePatterns.length && !this.suite && !this.matchesNamePatterns()) return 'test name does not match pattern';
    return undefined;
  }

  // as Node 20: a pattern matches the test's own name or one of its ancestors' names
  matchesNamePatterns() {
    const names = [];
    for (let x = this; x && x !== root; x = x.parent) names.push(x.name);
    return namePatterns.some((re) => names.some((n) => { re.lastIndex = 0; return re.test(n); }));
  }
}

const root = new Test('<root>', {}, null, null, true);
root.nesting = -1;
let current = root; // the suite being defined
let started = false;
const startTime = now();
const counts = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0, duration_ms: 0 };

function parseArgs(name, options, fn) {
  if (typeof name === 'function') { fn = name; options = {}; name = fn.name || '<anonymous>'; }
  else if (typeof name === 'object' && name !== null) { fn = options; options = name; name = (fn && fn.name) || '<anonymous>'; }
  else if (typeof options === 'function') { fn = options; options = {}; }
  if (options === null || typeof options !== 'object') options = {};
  // as Node's Test: a name that is not a non-empty string gives way to the function's name
  if (typeof name !== 'string' || name === '') name = (typeof fn === 'function' && fn.name) || '<anonymous>';
  return { name, options, fn };
}

function scheduleRoot() {
  if (started) return;
  started = true;
  bootstrapRoot();
  // (a reporter writing to a file opens a WriteStream now, which queues a tick: the microtasks
  // the run begins in are then node's tick processing's, as the tests' stacks show)
  if (!childMode && reporterSpecs(argv).some((r) => r.destination !== 'stdout' && r.destination !== 'stderr')) realNextTick(() => {});
  // As node's harness, the run begins in the microtasks that follow the main module: after the
  // ticks it queued and the microtasks it queued a few deep, before any timer or immediate.
  afterMicrotasks(BOOTSTRAP_HOPS, () => {
    runBegun = true;
    watchUncaught();
    // (node's reporter stream starts to flow in the tick its pipe queued as the run began,
    // before any tick the tests queue: a spec reporter writes what came so far there)
    if (specOnly() && !flushScheduled) {
      flushScheduled = true;
      realNextTick(flushEvents);
    }
    startRootTests();
    if (pending.length && !flushScheduled) {
      flushScheduled = true;
      realNextTick(flushLater);
    }
  });
}

// afterMicrotasks calls fn n microtasks deep from now. node's harness starts the run when its
// bootstrap's awaits are done (its first test runs where a chain of promise jobs begun as the
// first test was made would be 5 deep), in the promise jobs the main module was followed by, not
// in a tick.
const BOOTSTRAP_HOPS = 4;
function afterMicrotasks(n, fn) {
  if (n <= 1) queueMicrotask(fn);
  else queueMicrotask(() => afterMicrotasks(n - 1, fn));
}

// startRootTests runs the top-level tests not yet run: one after another (or as many at once
// as the root's concurrency allows), those made later as they come. When none is left running,
// the top-level after hooks run (once); as node 20's root, the run ends (its plan and summary)
// when the loop has nothing left to do ('beforeExit'), at once with --test-force-exit.
let rootQueued = 0;
let rootRunning = 0;
let rootTail = Promise.resolve();
let rootAfterRan = false;
function startRootTests() {
  while (rootQueued < root.subtests.length) {
    const i = rootQueued++;
    const t = root.subtests[i];
    // (one made when none runs is started as the first one is, by the harness)
    const afterPrev = i > 0 && rootRunning > 0 ? root.subtests[i - 1] : undefined;
    rootRunning++;
    let run;
    if (root.limit > 1) {
      run = runConcurrent(root, t, (prev) => {
        t.number = i + 1;
        t.via = prev ? { kind: 'after', prev } : { kind: 'harness' };
      });
    } else {
      run = rootTail.then(() => {
        t.number = i + 1;
        t.via = afterPrev ? { kind: 'after', prev: afterPrev } : { kind: 'harness' };
        return runTest(t);
      });
      rootTail = run;
    }
    run.then(() => {
      rootRunning--;
      if (rootRunning === 0 && rootQueued === root.subtests.length) rootTestsDone();
    });
  }
}

function rootTestsDone() {
  if (rootAfterRan) return Promise.resolve();
  rootAfterRan = true;
  // As node's root: the top-level after hooks run one after another until one fails; that one
  // is reported as a failed test of its own, named after the file (no test:start, numbered
  // after the top-level tests), and the run fails.
  const ctx = new TestContext(root);
  const frames = nodeFrames([...hookHead, 'TestHook.run (node:internal/util:527:20)', `Test.runHook (${nodeT}:723:20)`,
    `after (${nodeT}:755:20)`, `Test.run (${nodeT}:804:13)`]);
  const failed = {};
  let p = Promise.resolve();
  for (const h of root.hooks.after) {
    p = p.then(() => {
      const start = now();
      let r;
      try {
        r = Promise.resolve(callHook(h, frames, ctx));
      } catch (e) {
        r = Promise.reject(e);
      }
      return r.then(undefined, (e) => {
        const error = wrapError(e, 'hookFailed');
        error.failureFrames = [];
        const loc = /^(.*):\d+:\d+$/.exec(h.location || '');
        emit({ type: 'test:fail', nesting: 0, name: loc ? loc[1] : '', testNumber: root.subtests.length + 1,
          details: { duration_ms: since(start), error }, location: h.location });
        runFailed = true;
        process.exitCode = 1;
        // (node --test counts it among the tests, from the events of the file's process)
        if (childMode) { counts.tests++; counts.fail++; }
        throw failed;
      });
    });
  }
  return p.then(undefined, () => {}).then(() => { if (argv.includes('--test-force-exit')) finishRoot(); });
}
let runBegun = false;
// rootMade: the root test exists, as node's harness makes it on the first top-level test, suite
// or hook (lazyBootstrapRoot): from then on its handlers of uncaught errors listen and the run
// ends at 'beforeExit'. Its bootstrap completes as the run begins (runBegun), only once a test
// or suite was made: an uncaught error before that is thrown again by the handler (exit code 7).
let rootMade = false;
function bootstrapRoot() {
  if (rootMade) return;
  rootMade = true;
  watchUncaught();
  if (!started && !childMode) {
    // (a root of hooks alone: node's reporters start all the same, TAP writing its header)
    afterMicrotasks(BOOTSTRAP_HOPS, () => {
      if (started || pending.length) return;
      if (!activeReporters) activeReporters = cliReporters(reporterSpecs(argv));
      for (const r of activeReporters) r.start();
    });
  }
}
// what the root reports after its plan (root.diagnostics): what the top-level hooks' t.diagnostic()
// said, and errors that came from tests already ended, in the order they came

let rootDone = false;
// runFailed: a top-level test or suite failed (a suite whose function threw counts as no failed
// test, but fails the run all the same, as node's root)
let runFailed = false;
function finishRoot(atExit, hooksPending) {
  if (rootDone) return;
  rootDone = true;
  emit({ type: 'test:plan', nesting: 0, count: root.subtests.length });
  for (const message of root.diagnostics) emit({ type: 'test:diagnostic', nesting: 0, message });
  counts.duration_ms = since(startTime);
  if (childMode) {
    if (binding.coverageOn) emit({ type: 'test:coverage-raw', scripts: JSON.parse(binding.coverage()) });
    emit({ type: 'test:summary', counts, success: !runFailed });
  } else {
    for (const k of Object.keys(counts)) emit({ type: 'test:diagnostic', nesting: 0, message: `${k} ${counts[k]}` });
    if (binding.coverageOn) {
      emit({ type: 'test:coverage', nesting: 0, summary: binding.coverageSummary([JSON.parse(binding.coverage())], process.cwd()) });
    }
  }
  // The last events are written on the next tick (before the process may exit): as node's
  // reporter stream writes them a few ticks after the fact, what ticks queued by the tests do
  // (an ExperimentalWarning, a callback) comes first.
  // (at 'beforeExit', after the other listeners, as node's stream writes a few ticks late)
  const last = () => {
    // (reporters just set up write on a later tick: the end waits for them)
    if (flushEvents()) { realNextTick(last); return; }
    if (!childMode && activeReporters) {
      for (const r of activeReporters) r.end();
    }
    // --test-force-exit: handles the tests left open (timers, servers) do not keep the process
    if (argv.includes('--test-force-exit')) {
      if (childMode) process.exit();
      else setImmediate(() => process.exit());
    }
  };
  // (with hooks of cancelled tests to run, once they have: node's stream writes on ticks, after
  // the promise jobs that run them, which all run before the first tick queued by one of them)
  if (hooksPending) Promise.resolve().then(() => realNextTick(last));
  else if (atExit) Promise.resolve().then(last);
  else process.nextTick(last);
  if (runFailed || counts.fail > 0 || counts.cancelled > 0) process.exitCode = 1;
}

function defineTest(name, options, fn, extra) {
  const a = parseArgs(name, options, fn);
  const opts = Object.assign({}, a.options, extra);
  const parent = currentSuite();
  if (parent === root) {
    // As node's harness (runInParentContext): test() called while a test runs, from its function
    // or from what that function started, makes a subtest of that test, which starts at once.
    const running = testStore.getStore();
    if (running !== undefined && !running.suite && !running.reported) return startSubtest(running, a.name, opts, a.fn);
  }
  // the run starts with the first call, even one whose options are refused
  if (parent === root) scheduleRoot();
  const t = new Test(a.name, opts, a.fn, parent, false);
  if (t.only) hasOnly = true;
  parent.subtests.push(t);
  // (a top-level test made once the run has begun, from a timer say, runs too)
  if (parent === root && runBegun) startRootTests();
  return new Promise((resolve) => { t.resolveDone = resolve; });
}

// suiteStore tracks the suite being defined across an async suite function's awaits.
let suiteStoreInstance;
function suiteStore() {
  if (!suiteStoreInstance) suiteStoreInstance = new (require('async_hooks').AsyncLocalStorage)();
  return suiteStoreInstance;
}
function currentSuite() {
  const s = suiteStoreInstance && suiteStoreInstance.getStore();
  return s && !s.started ? s : current;
}

function defineSuite(name, options, fn, extra) {
  const a = parseArgs(name, options, fn);
  const opts = Object.assign({}, a.options, extra);
  const parent = currentSuite();
  if (parent === root) scheduleRoot();
  const s = new Test(a.name, opts, a.fn, parent, true);
  if (s.only) { hasOnly = true; s.onlyInside = true; }
  if (parent.onlyInside) s.onlyInside = true;
  parent.subtests.push(s);
  if (namePatterns.length && (s.skip !== undefined || s.todo !== undefined) && !s.matchesNamePatterns()) {
    // (node 20's suite runs whatever the patterns, its tests are filtered; a skipped or todo
    // one says why the patterns leave it out)
    if (s.skip !== undefined) s.skip = 'test name does not match pattern';
    else s.todo = 'test name does not match pattern';
  }
  if (s.skip === undefined && onlyMode) {
    // a suite left out by --test-only is not even built
    const reason = s.filterReason();
    if (reason !== undefined) s.skip = reason;
  }
  if (typeof a.fn === 'function' && s.skip === undefined) {
    current = s;
    try {
      const ctx = new SuiteContext(s);
      const frames = nodeFrames(['Suite.runInAsyncScope (node:async_hooks:206:9)', `new Suite (${nodeT}:1087:26)`,
        `${clsOf(parent)}.createSubtest (${nodeT}:590:18)`, 'run (node:internal/test_runner/harness:265:28)',
        extra && extra.only ? 'test.<computed> [as only] (node:internal/test_runner/harness:288:14)'
          : extra && extra.skip ? 'test.<computed> [as skip] (node:internal/test_runner/harness:288:14)'
            : extra && extra.todo ? 'test.<computed> [as todo] (node:internal/test_runner/harness:288:14)'
              : 'test (node:internal/test_runner/harness:278:12)']);
      const r = suiteStore().run(s, () => callThrough.call(frames, a.fn, ctx, ctx));
      if (r && typeof r.then === 'function') {
        // an async suite function: its tests are those it defines until it settles, and they
        // run after that (Node's buildSuite)
        s.building = r.then(undefined, (e) => { s.error = s.error || wrapError(e, 'testCodeFailure'); });
      }
    } catch (e) {
      s.error = wrapError(e, 'testCodeFailure');
    } finally {
      current = parent;
    }
  }
  if (parent === root && runBegun) startRootTests();
  return Promise.resolve();
}

function wrapError(e, failureType, hookKind) {
  // (node's runHook wraps a hook's ERR_TEST_FAILURE with the cause of it)
  if (failureType === 'hookFailed' && e !== null && typeof e === 'object' && e[kInfo] !== undefined) e = e.cause;
  // From a test file's own process (node --test), what was thrown crossed node's serializer: an
  // object that is no native error (a DOMException, an instance of a class) arrives as a plain
  // object of its own enumerable properties (a DOMException as {})
  // (node's ERR_TEST_FAILURE, which takes its message, is made before)
  let message;
  if (e !== null && typeof e === 'object' && e.message !== undefined && e.message !== null) message = e.message;
  // From a test file's own process (node --test), what was thrown crosses node's error
  // serializer (crossThrown, tagged with how): the reporters show what arrives
  let sent;
  if (childMode) {
    try { sent = crossThrown(e); } catch {}
  }
  if (childMode && e !== null && typeof e === 'object' && !require('util').types.isNativeError(e)) {
    const proto = Object.getPrototypeOf(e);
    if (proto !== null && proto !== Object.prototype && !Array.isArray(e) && !(e instanceof Map) && !(e instanceof Set) && !(e instanceof Date)) {
      e = { ...e };
    }
  }
  const isObj = e !== null && typeof e === 'object';
  const sentTag = (isObj || typeof e === 'function') && sent ? sent[0] : undefined;
  if (message !== undefined) {
    // (taken above)
  } else if (isObj || typeof e === 'function') {
    try { message = require('util').inspect(e); } catch { message = String(e); }
  } else message = String(e);
  const info = {
    failureType,
    message,
    code: isObj ? e.code : undefined,
    name: isObj ? e.name : undefined,
    hasAssert: isObj && 'operator' in e && 'expected' in e,
    // the cause is an error with a stack of its own (Node's ERR_TEST_FAILURE then keeps a frame)
    causeError: isObj && typeof e.stack === 'string' && sentTag !== 2 && sentTag !== 4,
    stack: undefined,
    inspected: '',
  };
  // (node's ERR_TEST_FAILURE of a failed hook says which, its cause is the hook's error: the
  // junit reporter prints it)
  // (an abort's reason is the test's error itself, not wrapped in node's ERR_TEST_FAILURE)
  if (failureType === 'testAborted') {
    info.raw = true;
    // (a reason that is no error: reporters print its properties, failureType, alone)
    if (isObj && !(e instanceof Error)) info.plain = true;
  }
  if (failureType === 'hookFailed' && hookKind) {
    info.wrapperMessage = `failed running ${hookKind} hook`;
    // (a thrown value without a message, or a hook's timeout: reporters print node's
    // ERR_TEST_FAILURE itself, its cause inspected)
    if (!isObj || e.message == null) {
      info.message = info.wrapperMessage;
      info.wrapperOnly = true;
    }
  }
  if (sentTag === 2 || sentTag === 4) {
    // (node's serializer refused the whole error, an AssertionError whose expected or actual
    // value holds a function: what arrives is its inspection, at the AssertionError's depth 0)
    info.hasAssert = false;
    info.uncrossable = true;
    info.code = undefined;
    info.name = undefined;
  } else if (sentTag === 1) {
    // (its properties refused, an error crosses as the structured serializer sends one: its
    // message and stack alone)
    info.hasAssert = false;
    info.code = undefined;
  }
  if (info.hasAssert) {
    // (a function or a symbol as the value is left out as it crosses: the reporters then see
    // no assertion, whose expected and actual they need both)
    if (childMode && !(crossable(e.expected, new Set()) && crossable(e.actual, new Set()))) {
      info.hasAssert = false;
    } else {
      const seen = new Set();
      info.expected = yamlValue('', 'expected', e.expected, seen, childMode);
      info.actual = yamlValue('', 'actual', e.actual, seen, childMode);
      info.operator = e.operator;
    }
  }
  // (what was thrown, for details.error's cause: not a property the serializer of a test
  // file's own process sends)
  if (!childMode) Object.defineProperty(info, 'thrown', { __proto__: null, value: e });
  if (isObj && typeof e.stack === 'string' && !info.uncrossable) {
    // goja's frames as V8 prints them: no program counter, no native call frames
    info.stack = e.stack.split('\n').filter((l) => /^\s+at /.test(l) && !/^\s+at call \(native\)$/.test(l))
      .map((l) => l.replace(/^\s*at /, '').replace(/(:\d+:\d+)\(\d+\)(\)?)$/, '$1$2')).join('\n');
  }
  // (crossed from a test file's own process, an error is rebuilt as a plain one: the custom
  // inspection of its class, an AssertionError's at depth 0, is gone)
  const crossed = childMode && isObj && e instanceof Error;
  try { info.inspected = require('util').inspect(crossed ? crossedCopy(e, sentTag) : e, crossed ? { customInspect: false } : undefined); } catch { info.inspected = String(e); }
  if (sentTag === 2 || sentTag === 4) {
    // (the inspection that crossed: a string, which the reporters inspect, or an object whose
    // inspection it is)
    try {
      info.inspected = sent.subarray(1).toString('utf8');
      if (sentTag === 2) info.inspected = require('util').inspect(info.inspected);
      info.crossedText = true;
    } catch {}
  } else if (crossed) info.inspected = crossedInspect(e, info.inspected);
  if (crossed) {
    // as the cause of node's ERR_TEST_FAILURE (the junit reporter's), one level deeper
    // (an error whose values the serializer refused came another way, one level deeper still)
    try { info.nested = crossedInspect(e, require('util').inspect(crossedCopy(e, sentTag), { customInspect: false, depth: info.uncrossable ? 0 : 1 })); } catch {}
  }
  if (portMode) info.bare = true;
  // (what was thrown crosses from a test file's own process as node's error serializer sends
  // it: details.error's cause in the parent)
  if (sent) info.causeSent = sent.toString('base64');
  return info;
}

// crossThrown is what node's error serializer (internal/error_serdes) makes of a value that
// leaves a test file's own process: a tag byte, then
//   0: an error (toString [object Error]) with a built-in error class among its constructors:
//      that class's name and every property of it and its prototypes (getters read, functions
//      and symbols left out), its cause crossed the same way;
//   3: a symbol: its inspection (a registered symbol of its description in the parent);
//   4: an object with a util.inspect.custom method: its inspection;
//   1: anything else the structured serializer takes;
//   2: what it refuses, inspected.
const crossErrorNames = ['Error', 'TypeError', 'RangeError', 'URIError', 'SyntaxError', 'ReferenceError', 'EvalError'];
function crossThrown(v) {
  const v8 = require('v8');
  const util = require('util');
  const tagged = (tag, buf) => Buffer.concat([Buffer.from([tag]), buf]);
  if (typeof v === 'symbol') return Buffer.from(String.fromCharCode(3) + util.inspect(v), 'utf8');
  try {
    if (v !== null && typeof v === 'object' && Object.prototype.toString.call(v) === '[object Error]') {
      for (let o = v; o !== null; o = Object.getPrototypeOf(o)) {
        const d = Object.getOwnPropertyDescriptor(o, 'constructor');
        const name = d && d.value ? Object.getOwnPropertyDescriptor(d.value, 'name')?.value : undefined;
        if (crossErrorNames.includes(name)) return tagged(0, v8.serialize({ constructor: name, properties: crossProperties(v, v) }));
      }
    }
  } catch {}
  try {
    if (v != null && util.inspect.custom in v) return Buffer.from(String.fromCharCode(4) + util.inspect(v), 'utf8');
  } catch {}
  try {
    return tagged(1, v8.serialize(v));
  } catch {}
  return Buffer.from(String.fromCharCode(2) + util.inspect(v), 'utf8');
}

// crossProperties is the descriptors of o's properties and its prototypes' (the nearest wins),
// a getter's value read from target.
function crossProperties(o, target) {
  const all = { __proto__: null };
  if (o === null) return all;
  Object.assign(all, crossProperties(Object.getPrototypeOf(o), target));
  let keys = Object.getOwnPropertyNames(o);
  if (crossErrorNames.some((n) => globalThis[n].prototype === o)) {
    // (V8's order of a built-in error prototype's properties: name before message)
    keys = keys.filter((k) => k !== 'name' && k !== 'message');
    keys.splice(Math.min(1, keys.length), 0, 'name', 'message');
  }
  for (const key of keys) {
    let d;
    try { d = Object.getOwnPropertyDescriptor(o, key); } catch { continue; }
    if (d === undefined) continue;
    if (d.get && key !== '__proto__') {
      try {
        d.value = d.get.call(target);
        delete d.get;
        delete d.set;
      } catch {}
    }
    if (key === 'cause') {
      d.value = crossThrown(d.value);
      all[key] = d;
    } else if ('value' in d && typeof d.value !== 'function' && typeof d.value !== 'symbol') {
      all[key] = d;
    }
  }
  return all;
}

// uncrossThrown rebuilds in the parent what crossThrown sent (an error: an object of its
// class's prototype, tagged [object Error], with the properties as they were).
function uncrossThrown(buf) {
  const v8 = require('v8');
  const rest = () => buf.subarray(1);
  switch (buf[0]) {
    case 0: {
      const { constructor, properties } = v8.deserialize(rest());
      Object.defineProperty(properties, Symbol.toStringTag, {
        __proto__: null, value: { __proto__: null, value: 'Error', configurable: true }, enumerable: true,
      });
      if ('cause' in properties && 'value' in properties.cause) properties.cause.value = uncrossThrown(Buffer.from(properties.cause.value));
      return Object.create(globalThis[constructor].prototype, properties);
    }
    case 1: return v8.deserialize(rest());
    case 2: return rest().toString('utf8');
    case 3: return Symbol.for(rest().toString('utf8').slice('Symbol('.length, -1));
    case 4: {
      const text = rest().toString('utf8');
      return { __proto__: null, [require('util').inspect.custom]: () => text };
    }
  }
  return undefined;
}

// crossedCopy is an error as it arrives from a test file's own process: its own properties
// went through the structured serializer, so an instance of a class comes as a plain object.
// Its symbol keys, and the properties whose value is a function or a symbol, are left out; an
// error whose properties the serializer refused (tag 1) keeps its message and stack alone.
function crossedCopy(e, tag) {
  const c = Object.create(Object.getPrototypeOf(e));
  for (const k of tag === undefined ? Reflect.ownKeys(e) : Object.getOwnPropertyNames(e)) {
    if (tag === 1 && k !== 'message' && k !== 'stack') continue;
    const d = Object.getOwnPropertyDescriptor(e, k);
    if (tag !== undefined && 'value' in d && (typeof d.value === 'function' || typeof d.value === 'symbol')) continue;
    if (tag !== undefined && k === 'cause' && 'value' in d) {
      // (the cause crosses as what was thrown does: one the serializer refused comes as its
      // inspection)
      let t;
      try { t = crossThrown(d.value); } catch {}
      if (t && t[0] === 2) d.value = t.subarray(1).toString('utf8');
      else if (t && t[0] === 4) {
        Object.defineProperty(c, k, { __proto__: null, ...d, value: uncrossThrown(t) });
        continue;
      }
    }
    if ('value' in d && d.value !== null && typeof d.value === 'object') {
      try { d.value = structuredClone(d.value); } catch {}
    }
    Object.defineProperty(c, k, { __proto__: null, ...d });
  }
  return c;
}

// crossedInspect is how Node prints an error that came back from a test file's own process
// (node --test, run()): rebuilt as a plain Error, so a built-in subclass shows as
// "TypeError [Error]: msg" and a class of the file's own as "Error: msg". Errors with their own
// name and node's coded errors (AssertionError [ERR_ASSERTION], ...) print as they are.
function crossedInspect(e, inspected) {
  if (Object.prototype.hasOwnProperty.call(e, 'name')) return inspected;
  const nl = inspected.indexOf('\n');
  const first = nl === -1 ? inspected : inspected.slice(0, nl);
  if (first.startsWith('[') || (/^[\w$]+ \[[A-Z_0-9]+\]/.test(first))) return inspected;
  const msg = String(e.message);
  const at = msg ? first.indexOf(': ' + msg.split('\n')[0]) : -1;
  if (msg && at === -1) return inspected;
  const name = String(e.name);
  const head = name === 'Error' ? 'Error' : `${name} [Error]`;
  return head + (at === -1 ? (msg ? '' : first.replace(/^[^{]*?(?= \{|$)/, '')) : first.slice(at)) + (nl === -1 ? '' : inspected.slice(nl));
}

// runHooks runs hooks one after another; a hook's failure fails its test as hookFailed.
// As node's runHook (await hook.run() in a loop), the first hook is called at once. A before
// hook that already ran (called in a running test's context) is not run again: its outcome is.
function runHooks(list, ctx, framesOf, kind) {
  const one = (h, k) => (h.promise !== undefined ? h.promise : callHook(h, framesOf ? framesOf(k) : undefined, ctx));
  let p;
  try {
    p = Promise.resolve(list.length > 0 ? one(list[0], 0) : undefined);
  } catch (e) {
    p = Promise.reject(e);
  }
  list.forEach((h, k) => { if (k > 0) p = p.then(() => one(h, k)); });
  return p.then(undefined, (e) => { throw wrapError(e, 'hookFailed', kind); });
}

// makeHook is a hook as node's TestHook takes it (before(fn, options), t.before(...)): its
// options' timeout and signal are checked (a bad one throws from the call), and the signal is
// listened to from now on, before any listener the program adds later. An abort before the
// hook's first run ends or fails it with the signal's reason; after that, an aborted hook no
// longer runs (it fails again with the error of its last run, if it had one).
function makeHook(fn, options) {
  const h = { fn, options, timeout: undefined, signal: undefined, error: undefined, ran: false, running: undefined, location: callerLocation() };
  if (options !== null && typeof options === 'object') {
    const { validateNumber, validateAbortSignal } = require('internal/validators');
    const { timeout, signal } = options;
    if (timeout != null && timeout !== Infinity) {
      validateNumber(timeout, 'options.timeout', 0, 2147483647);
      h.timeout = timeout;
    }
    if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
    if (signal) {
      h.signal = signal;
      signal.addEventListener('abort', () => {
        if (h.ran || h.error !== undefined) return;
        h.error = abortReason(signal);
        if (h.running) h.running(h.error);
      });
    }
  }
  return h;
}

// callHook runs a hook once: as node's TestHook, a function of two parameters gets a done
// callback, and the hook's timeout and signal end it (the timeout is unref'ed).
function callHook(h, frames, ctx) {
  if (h.signal === undefined && h.timeout === undefined && (typeof h.fn !== 'function' || h.fn.length !== 2)) {
    return callThrough.call(frames, h.fn, ctx, ctx);
  }
  if (h.signal && h.signal.aborted) {
    if (!h.ran && h.error === undefined) h.error = abortReason(h.signal);
    h.ran = true;
    return h.error === undefined ? undefined : Promise.reject(h.error);
  }
  h.error = undefined;
  let timer;
  let threw;
  let p = new Promise((resolve, reject) => {
    h.running = reject;
    if (h.timeout !== undefined) {
      // (node's ERR_TEST_FAILURE of a timed-out hook has the message as its cause)
      timer = setTimeout(() => reject(`test timed out after ${h.timeout}ms`), h.timeout);
      if (timer && timer.unref) timer.unref();
    }
    if (typeof h.fn === 'function' && h.fn.length === 2) {
      // (node's deferred callback, as a test's: see runTest; the hook throwing fails it even
      // after the callback was called)
      let calls = 0;
      // (Test.run calls a function taking a callback from another line)
      const cbFrames = frames && Array.isArray(frames.nodeTestFrames)
        ? nodeFrames(frames.nodeTestFrames.map((f) => (f === hookHead[1] ? `TestHook.run (${nodeT}:783:21)` : f))) : frames;
      try {
        callThrough.call(cbFrames, h.fn, ctx, ctx, (err) => {
          if (++calls > 1) {
            if (calls === 2) throw failureError(multipleCallbacksInfo());
            return undefined;
          }
          return err ? reject(err) : resolve();
        });
      } catch (e) {
        threw = { e };
      }
    } else {
      // (not resolved with its promise: that would leave the timeout and the signal no say)
      Promise.resolve(callThrough.call(frames, h.fn, ctx, ctx)).then(resolve, reject);
    }
  });
  if (threw !== undefined) {
    p.then(undefined, () => {});
    p = Promise.reject(threw.e);
  }
  const end = () => {
    h.running = undefined;
    h.ran = true;
    if (timer !== undefined) clearTimeout(timer);
  };
  return p.then(end, (e) => {
    end();
    if (h.error === undefined) h.error = e;
    throw h.error;
  });
}

// abortReason is what a test or hook whose signal aborted fails with, as node's #abortHandler:
// the signal's reason (marked as testAborted), or an AbortError when it has none.
function abortReason(signal) {
  let reason = signal.reason;
  if (!reason) {
    const { AbortError } = require('internal/errors');
    reason = new AbortError('The test was aborted');
  }
  try { reason.failureType = 'testAborted'; } catch {}
  return reason;
}

// abortTest is node's #abortHandler of a test or suite whose options.signal aborted: it fails
// (testAborted) and is cancelled, its own signal aborts (so do the subtests that took it), and
// a test or suite running stops: its subtests not finished are cancelled. One not started yet
// never runs.
function abortTest(t) {
  if (t.reported || t.abortInfo !== undefined) return;
  t.abortInfo = wrapError(abortReason(t.outerSignal), 'testAborted');
  if (!t.runStarted) t.cancelled = true;
  signalOf(t);
  t.controller.abort();
  if (t.cancelRun) t.cancelRun(t.abortInfo);
}

// TestAbortHandler is abortTest as the listener of a test's options.signal: node's
// Test#abortHandler, which calls Test#cancel, whose abort of the test's own signal makes its
// AbortError: that error's stack shows these two frames at node's places (stackreceiver.go
// testPlaces).
class TestAbortHandler {
  #t;
  constructor(t) { this.#t = t; }
  #abortHandler = () => {
    const t = this.#t;
    if (t.reported || t.abortInfo !== undefined) return;
    t.abortInfo = wrapError(abortReason(t.outerSignal), 'testAborted');
    if (!t.runStarted) t.cancelled = true;
    this.#cancel();
  };
  #cancel() {
    const t = this.#t;
    signalOf(t);
    t.controller.abort();
    if (t.cancelRun) t.cancelRun(t.abortInfo);
  }
  static listen(t) { t.outerSignal.addEventListener('abort', new TestAbortHandler(t).#abortHandler); }
}

// always runs step after a settled promise and keeps the first failure.
function always(p, step) {
  return p.then(step, (e) => Promise.resolve().then(step).then(() => { throw e; }, () => { throw e; }));
}

function collectEach(t, kind) {
  const chain = [];
  for (let s = t.parent; s; s = s.parent) chain.unshift(...s.hooks[kind]);
  return kind === 'afterEach' ? chain.reverse() : chain;
}

function runChildren(parent, starts = true) {
  // node's Suite.run starts each of its tests (enqueued, and the first run at once), unless its
  // before hook or its function failed
  const enqueue = (t) => {
    if (starts && parent.suite && parent !== root) emit({ type: 'test:enqueue', nesting: t.nesting, name: t.name, location: t.location });
  };
  if (parent.limit > 1) {
    let n = 0;
    return Promise.all(parent.subtests.map((t, i) => (enqueue(t), runConcurrent(parent, t, (prev) => {
      t.number = ++n;
      t.via = prev ? { kind: 'after', prev } : parent === root ? { kind: 'harness' } : { kind: 'suiteAll', index: i };
    }))));
  }
  let p = Promise.resolve();
  let n = 0;
  parent.subtests.forEach((t, i) => {
    p = p.then(() => {
      t.number = ++n;
      t.via = i > 0 ? { kind: 'after', prev: parent.subtests[i - 1] } : parent === root ? { kind: 'harness' } : { kind: 'suiteAll', index: 0 };
      if (i === 0) enqueue(t);
      const run = runTest(t);
      if (i === 0) parent.subtests.slice(1).forEach(enqueue);
      return run;
    });
  });
  return p;
}

// runConcurrent runs t, a subtest of a parent whose limit lets several run at once (node's
// start/processPendingSubtests): at once while fewer than the limit run, else when one of them
// ends. Its results wait for those of the subtest before it: they are reported in order.
function runConcurrent(parent, t, onStart) {
  t.reportAfter = parent.lastReport;
  t.holding = !!t.reportAfter;
  t.reportDone = new Promise((resolve) => { t.resolveReport = resolve; });
  parent.lastReport = t.reportDone;
  parent.active = parent.active || 0;
  if (!parent.pending) parent.pending = [];
  return new Promise((resolve) => {
    const start = (prev) => {
      parent.active++;
      if (onStart) onStart(prev);
      // its place is free once it has run, before it is reported (node's postRun)
      t.onRan = () => {
        parent.active--;
        const next = parent.pending.shift();
        if (next) next(t);
      };
      runTest(t).then(resolve);
    };
    if (parent.active < parent.limit) start();
    else parent.pending.push(start);
  });
}

function withTimeout(promise, ms, t) {
  if (ms === undefined || ms === Infinity) return promise;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      // Node's runner fails it with a bare message: no stack, inspected as a string; the test
      // is cancelled: its signal aborts
      reject(wrapError(`test timed out after ${ms}ms`, 'testTimeoutFailure'));
      if (t && t.controller) t.controller.abort();
    }, ms);
    if (timer && timer.unref) timer.unref();
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

// afterEndDiagnostic: as node's harness, what a test that ended (or nothing of a test's) threw
// is a diagnostic of the run, which fails.
function afterEndDiagnostic(t, err, kind) {
  const loc = t !== undefined && t.location ? require('path').relative(process.cwd(), t.location) : '';
  root.diagnostics.push(t !== undefined && t !== root
    ? `Error: Test "${t.name}" at ${loc} generated asynchronous activity after the test ended. This activity created the error "${err}" and would have caused the test to fail, but instead triggered an ${kind} event.`
    : `Error: A resource generated asynchronous activity after the test ended. This activity created the error "${err}" which triggered an ${kind} event, caught by the test runner.`);
  process.exitCode = 1;
}

// As node's harness: an exception nobody caught, or a rejection nobody handled, while a test's
// function (or what it started) runs fails that test (failureType uncaughtException or
// unhandledRejection) and the run goes on; one no test owns ends the process as before.
const testStore = new (require('async_hooks').AsyncLocalStorage)();
const runningTests = new Set();
let watchingUncaught = false;
function watchUncaught() {
  if (watchingUncaught) return;
  watchingUncaught = true;
  const handler = (kind) => function onUncaught(err) {
    if (!runBegun) {
      // before the root's bootstrap completed node's handler throws the error again, which ends
      // the process with exit code 7 at the handler's throw
      if (err !== null && (typeof err === 'object' || typeof err === 'function')) {
        try {
          Object.defineProperty(err, Symbol.for('gojs.rethrowArrow'), {
            __proto__: null, value: 'node:internal/test_runner/harness:46\n      throw err;\n      ^\n', writable: true, configurable: true,
          });
        } catch {}
      }
      throw err;
    }
    let t = testStore.getStore();
    if (t === undefined && kind === 'unhandledRejection' && runningTests.size === 1) {
      // an unhandled rejection is reported from the loop, outside the context its promise was
      // made in (node reports it in that context): the one test running is taken for it
      t = runningTests.values().next().value;
    }
    if (t !== undefined && !t.reported && t.failUncaught) {
      t.failUncaught(wrapError(err, kind));
      return;
    }
    if (runBegun && !rootDone) {
      afterEndDiagnostic(t, err, kind);
      return;
    }
    process.removeListener('uncaughtException', onException);
    process.removeListener('unhandledRejection', onRejection);
    process.nextTick(() => { throw err; });
  };
  const onException = handler('uncaughtException');
  const onRejection = handler('unhandledRejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
}

// (made in the parent's postRun: its stack is the parent's run's awaiters, node:internal's left out)
function cancelledByParent(parent) {
  const info = wrapError('test did not finish before its parent and was cancelled', 'cancelledByParent');
  const frames = runAsyncOf(parent).filter((f) => !/\(node:internal\/|^(async )?node:internal\//.test(f));
  if (frames.length) info.stack = frames.join('\n');
  return info;
}

// cancelUnfinished is node 20's postRun of t, once its function is done: the subtests that did not
// finish (not awaited) are cancelled. Those still running fail now as cancelledByParent (their
// function goes on, unreported; their own subtests are cancelled the same way) and those not
// started never run. With starting, the first ones not started that a place is free for still
// run, to be cancelled at once: node starts them as the subtests before them finish, before
// the parent's postRun.
function cancelUnfinished(t, starting) {
  let free = starting && !t.suite ? Math.max(t.limit || 1, 1) : 0;
  for (const sub of t.subtests) if (sub.runStarted && !sub.fnSettled && !sub.reported) free--;
  for (const sub of t.subtests) {
    if (sub.abortInfo !== undefined) continue; // (aborted: that is its error)
    if (!sub.runStarted) {
      if (free > 0 && !sub.suite) {
        sub.startThenCancel = true;
        free--;
      } else sub.cancelled = true;
    } else if ((sub.suite || !sub.fnSettled) && !sub.reported && sub.cancelRun) {
      sub.cancelRun(cancelledByParent(t));
    }
  }
}

function runTest(t) {
  // the filters' reason (--test-only, --test-name-pattern) wins over the test's own skip
  const reason = t.filterReason();
  if (reason !== undefined) t.skip = reason;
  const start = now();
  if (rootDone) {
    if (t.onRan) t.onRan();
    if (t.resolveReport) t.resolveReport();
    return Promise.resolve();
  }
  t.runStarted = true;
  t.startTime = start;
  // (one cancelled before it started never left the queue)
  if (!t.cancelled) emit({ type: 'test:dequeue', nesting: t.nesting, name: t.name, location: t.location });
  // (its signal aborted before it ran: it fails at once, as node's kShouldAbort)
  if (!t.cancelled && t.abortInfo === undefined && t.outerSignal && t.outerSignal.aborted) abortTest(t);
  const ctx = t.suite ? new SuiteContext(t) : new TestContext(t);
  t.ctx = ctx;
  let p;
  if (t.abortInfo !== undefined) {
    // (its function does not run; a suite's tests are not run nor reported)
    t.fnSettled = true;
    t.abortedAtStart = true;
    for (const s of t.subtests) s.skipReport = true;
    p = Promise.reject(t.abortInfo);
  } else if (t.cancelled) {
    // a suite whose before hook failed: its tests never run and are cancelled
    for (const s of t.subtests) s.cancelled = true;
    p = (t.suite ? runChildren(t, false) : Promise.resolve()).then(() => {
      throw wrapError('test did not finish before its parent and was cancelled', 'cancelledByParent');
    });
  } else if (t.skip !== undefined || (t.suite && t.todo !== undefined && typeof t.fn !== 'function')) {
    t.fnSettled = true;
    p = Promise.resolve();
  } else if (t.suite) {
    // (its signal's abort stops it: the tests not finished are cancelled)
    const stopped = new Promise((resolve, reject) => {
      t.cancelRun = (err) => {
        t.cancelRun = undefined;
        cancelUnfinished(t, false);
        Promise.resolve(t.childrenRun).then(() => reject(err), () => reject(err));
      };
    });
    stopped.then(undefined, () => {});
    p = Promise.resolve(t.building).then(() => { t.started = true; return runHooks(t.hooks.before, ctx, () => suiteHookFrames(t, 'before'), 'before'); })
      .then(() => {
        // a suite whose function threw runs none of the tests it defined: they are cancelled
        if (t.error) for (const s of t.subtests) s.cancelled = true;
        return (t.childrenRun = runChildren(t, !t.error));
      }, (e) => {
        for (const s of t.subtests) s.cancelled = true;
        return (t.childrenRun = runChildren(t, false)).then(() => { throw e; });
      });
    p = Promise.race([p, stopped]).then(() => { if (t.abortInfo !== undefined) throw t.abortInfo; });
    p = always(p, () => { t.cancelRun = undefined; });
    p = always(p, () => runHooks(t.hooks.after, ctx, () => suiteHookFrames(t, 'after'), 'after'));
    p = p.then(() => { if (t.error) throw t.error; });
  } else {
    watchUncaught();
    runningTests.add(t);
    const uncaught = new Promise((resolve, reject) => { t.failUncaught = reject; });
    uncaught.then(undefined, () => {});
    // (its parent's end cancels it while it runs)
    const cancelled = new Promise((resolve, reject) => {
      t.cancelRun = (err) => {
        t.cancelRun = undefined;
        cancelUnfinished(t, false);
        // (reported after its subtests)
        Promise.resolve(t.subChain).then(() => reject(err), () => reject(err));
      };
    });
    cancelled.then(undefined, () => {});
    // as node's Test.run: with no hook to await first, the function runs at once (a subtest's
    // inside t.test(), before the code after that call)
    const beforeEach = collectEach(t, 'beforeEach');
    // (the parent's before hooks ran already: at the top level or in a running test when they
    // were called, in a suite before its tests; they are awaited, and fail it when they failed)
    const parentBefore = t.parent.hooks.before;
    const hooked = (fnRun) => {
      if (beforeEach.length === 0 && parentBefore.length === 0) return new Promise((resolve) => resolve(fnRun()));
      const each = () => runHooks(beforeEach, ctx, (k) => eachHookFrames(t, 'beforeEach', k), 'beforeEach');
      return (parentBefore.length > 0 ? Promise.all(parentBefore.map((h) => h.promise)).then(each) : each()).then(fnRun);
    };
    p = hooked(() => testStore.run(t, () => {
      t.fnCalled = true;
      if (typeof t.fn !== 'function') return undefined;
      if (t.fn.length >= 2) {
        let returned;
        let threw;
        const done = new Promise((resolve, reject) => {
          // (as node's deferred callback: a second call throws node's ERR_TEST_FAILURE, once;
          // the function throwing fails the test even after the callback was called)
          let calls = 0;
          try {
            returned = callThrough.call(testFnFrames(t, true), t.fn, ctx, ctx, (err) => {
              if (++calls > 1) {
                if (calls === 2) throw failureError(multipleCallbacksInfo());
                return undefined;
              }
              t.fnSettled = true;
              return err ? reject(err) : resolve();
            });
          } catch (e) {
            threw = { e };
          }
        });
        if (threw !== undefined) {
          // (the callback's error, if it was given one, is then node's unhandled deferred
          // promise: a diagnostic of the run)
          done.then(undefined, (e) => { if (runBegun && !rootDone) afterEndDiagnostic(undefined, e, 'uncaughtException'); });
          throw threw.e;
        }
        if (returned && typeof returned.then === 'function') {
          // a failure whatever the callback and the promise do (the promise is waited for)
          const fail = () => { throw wrapError('passed a callback but also returned a Promise', 'callbackAndPromisePresent'); };
          done.then(undefined, () => {});
          return Promise.resolve(returned).then(fail, fail);
        }
        return done;
      }
      let ret;
      try {
        t.inSyncCall = true;
        ret = callThrough.call(testFnFrames(t, false), t.fn, ctx, ctx);
      } catch (e) {
        t.threwSync = !awaitsBefore(t);
        throw e;
      } finally {
        t.inSyncCall = false;
      }
      const settled = () => { t.fnSettled = true; };
      if (!(ret instanceof Promise)) settled();
      else {
        // (an arrow function resumed after an await is still named after its receiver)
        binding.keepThis(t.fn, ctx);
        return awaitTest.call(nodeFrames([`async Test.run (${nodeT}:797:9)`, ...runAsyncOf(t)]), ret, t.fn, settled);
      }
      return ret;
    }));
    // (settled: the function returned, or the promise it returned settled; as node's finished
    // test, one its parent's end does not cancel)
    p.then(() => { t.fnSettled = true; }, () => { t.fnSettled = true; });
    if (t.startThenCancel) t.cancelRun(cancelledByParent(t.parent));
    p = withTimeout(Promise.race([p, uncaught, cancelled]), t.timeout, t)
      .then(() => {
        // (started to be cancelled: the cancellation wins over the function's end)
        if (t.startThenCancel) throw cancelledByParent(t.parent);
        // As Node 20's postRun: once the test function is done, subtests that did not finish (not
        // awaited) are cancelled: those not started never run, and those still running fail now
        // as cancelledByParent (their function goes on, unreported). Its signal aborts first, as
        // its run ends: those of them that took that signal are aborted instead.
        if (t.controller && t.subtests.some((sub) => !sub.reported && sub.outerSignal === t.controller.signal)) t.controller.abort();
        cancelUnfinished(t, true);
        return t.subChain;
      })
      .then(() => {
        // (aborted while it ran: that is its error)
        if (t.abortInfo !== undefined) throw t.abortInfo;
        if (t.hookError) throw t.hookError.error;
        t.ranOk = true;
      }, (e) => {
        if (t.abortInfo !== undefined) e = t.abortInfo;
        if (t.startThenCancel && !(e && e.failureType === 'cancelledByParent')) e = cancelledByParent(t.parent);
        t.setError(e);
        throw e;
      });
    // afterEach hooks run after a failure too, not after a test that skipped itself
    p = always(p, () => (t.skip === undefined ? runHooks(collectEach(t, 'afterEach'), ctx, (k) => eachHookFrames(t, 'afterEach', k), 'afterEach') : undefined));
    p = p.then(() => {
      // (as node's: subtests count when made by t.test(), not by test() in the test's context)
      if (t.plan !== undefined && t.plan !== t.assertCount + t.planSubtests) {
        throw wrapError(`plan expected ${t.plan} assertions but received ${t.assertCount + t.planSubtests}`, 'testCodeFailure');
      }
    });
    p = always(p, () => runHooks(t.hooks.after, ctx, () => testAfterFrames(t), 'after'));
  }
  // a rejection is kept boxed: a test may throw null or undefined, and fails all the same
  let duration;
  p = p.then(() => undefined, (thrown) => ({ thrown }));
  if (t.onRan) {
    // run alongside others: it ends now, it is reported after the subtest before it
    p = p.then((rejected) => {
      duration = t.cancelled ? 0 : since(start);
      t.onRan();
      return t.reportAfter ? t.reportAfter.then(() => { release(t); return rejected; }) : rejected;
    });
  }
  p = p.then((rejected) => whenReportable(t, () => {
    runningTests.delete(t);
    if (t.reported || rootDone) return;
    t.reported = true;
    if (t.controller) t.controller.abort();
    if (t.mockTracker) t.mockTracker.reset();
    if (duration === undefined) duration = t.cancelled ? 0 : since(start); // a cancelled test never ran
    let failed = false;
    let error;
    if (rejected) {
      const e = rejected.thrown;
      failed = true;
      if (e !== null && typeof e === 'object' && e[kInfo] !== undefined) error = e[kInfo];
      else error = e && e.failureType && e.message !== undefined && e.inspected !== undefined ? e : wrapError(e, (e && e.failureType) || 'testCodeFailure');
    } else if (t.suite && t.subtests.some((s) => s.failed)) {
      failed = true;
      const n = t.subtests.filter((s) => s.failed).length;
      error = subtestsFailed(n, t);
    } else if (!t.suite && t.subtests.some((s) => s.failed)) {
      failed = true;
      const n = t.subtests.filter((s) => s.failed).length;
      error = subtestsFailed(n, t);
    }
    // A todo test that fails is reported as failing but fails neither its parent nor the run.
    t.failed = failed && t.todo === undefined;
    if (t.failed && t.parent === root) runFailed = true;
    if (failed) {
      t.ranOk = false;
      if (!t.errorObj) t.errorObj = failureError(error);
      // node's ERR_TEST_FAILURE is made in the test's run, below its awaiters; its stack leaves
      // out the frames of node:internal files (the junit reporter prints it)
      if (error && typeof error === 'object' && error.failureFrames === undefined && error.failureType === 'hookFailed') {
        // (node's is made in its runHook, after an await: below it, Test.run's awaiters)
        error.failureFrames = (t.suite ? [] : runAsyncOf(t)).filter((f) => !/\(node:internal\/|^(async )?node:internal\//.test(f));
        if (error.wrapperOnly && error.stack === undefined && error.failureFrames.length) error.stack = error.failureFrames.join('\n');
      } else if (error && typeof error === 'object' && error.failureFrames === undefined && error.failureType !== 'testCodeFailure') {
        error.failureFrames = []; // (made apart from the test's run: cancelled, timed out...)
      } else if (error && typeof error === 'object' && error.failureFrames === undefined) {
        // (a function that threw before Test.run awaited anything: below its sync callers)
        const below = t.threwSync ? [`Test.run (${nodeT}:800:14)`, ...runSyncOf(t), ...((t.via && t.via.below) || [])].slice(0, 10) : runAsyncOf(t);
        error.failureFrames = below.filter((f) => !/\(node:internal\/|^(async )?node:internal\//.test(f));
        // (what was thrown has no stack: node's reporters print that of its ERR_TEST_FAILURE)
        if (error.stack === undefined && !error.uncrossable && error.failureFrames.length) error.stack = error.failureFrames.join('\n');
      }
    }
    const reported = t.subtests.filter((s) => !s.skipReport);
    const ev = {
      type: failed ? 'test:fail' : 'test:pass',
      nesting: t.nesting,
      name: t.name,
      testNumber: t.number,
      details: { duration_ms: duration, type: t.suite ? 'suite' : undefined, error: failed ? error : undefined },
      skip: t.skip,
      todo: t.skip !== undefined ? undefined : t.todo, // (node reports one directive: skip first)
      location: t.location,
    };
    if (!ev.details.error) delete ev.details.error;
    emit(Object.assign({}, ev, { type: 'test:complete', failed }));
    reportStarted(t);
    if (reported.length) emit({ type: 'test:plan', nesting: t.nesting + 1, count: reported.length, location: t.location });
    emit(ev);
    for (const d of t.diagnostics) emit({ type: 'test:diagnostic', nesting: t.nesting, message: d, location: t.location });
    if (t.suite) counts.suites++;
    else {
      counts.tests++;
      if (t.skip !== undefined) counts.skipped++;
      else if (t.todo !== undefined) counts.todo++;
      else if (failed && (error.failureType === 'testTimeoutFailure' || error.failureType === 'cancelledByParent' || error.failureType === 'testAborted')) counts.cancelled++;
      else if (failed) counts.fail++;
      else counts.pass++;
    }
    // (a suite counts as a suite only, even one whose function threw, as node 20.20's countCompletedTest)
    if (t.resolveDone) t.resolveDone();
  }));
  return t.resolveReport ? always(p, t.resolveReport) : p;
}

// whenReportable reports t now, or once the ancestor holding its reports back (a subtest run
// alongside others, waiting for the one before it to be reported) is released: a subtree's
// results come out together, after those of the subtests before it, as node's.
function whenReportable(t, report) {
  for (let a = t.parent; a; a = a.parent) {
    if (a.holding) {
      if (!a.held) a.held = [];
      a.held.push(() => whenReportable(t, report));
      return;
    }
  }
  report();
}

function release(t) {
  t.holding = false;
  const held = t.held || [];
  t.held = [];
  for (const f of held) f();
}

// subtestsFailed is the error of a test whose subtests failed (Node's cause is the message
// string, which is what reporters print for it).
function subtestsFailed(n, t) {
  const message = `${n} subtest${n === 1 ? '' : 's'} failed`;
  // (node's error is made in the test's postRun, below its run's awaiters; its stack leaves out
  // the frames of node:internal files)
  const frames = runAsyncOf(t).filter((f) => !/\(node:internal\/|^(async )?node:internal\//.test(f));
  return { failureType: 'subtestsFailed', message, subtests: true, inspected: `'${message}'`, stack: frames.length ? frames.join('\n') : undefined };
}

// signalOf is a test's or suite's signal, aborted (with an AbortError) when it ends, whether it
// passed, failed or timed out.
function signalOf(t) {
  if (!t.controller) {
    t.controller = new AbortController();
    if (t.reported) t.controller.abort();
  }
  return t.controller.signal;
}

// SuiteContext is what a suite's function and its hooks get (as this and argument), as node's.
class SuiteContext {
  #suite;
  constructor(suite) { this.#suite = suite; }
  get signal() { return signalOf(this.#suite); }
  get name() { return this.#suite.name; }
  get fullName() { return this.#suite.fullName(); }
}

// TestPlan checks t.plan()'s count (node's class of it: its frame is in the stack of the error)
class TestPlan {
  constructor(count) {
    require('internal/validators').validateUint32(count, 'count');
    this.expected = count;
  }
}

// contextAssert is t.assert (the object is named assert: V8 names its functions after it)
// The functions count only when the test had a plan as the object was made (node's take the
// plan once, when t.assert is first read).
function contextAssert(test) {
  const assert = { __proto__: null };
  const planned = test.plan !== undefined;
  for (const k of assertNames) {
    assert[k] = (...args) => { if (planned) test.assertCount++; return nodeAssert[k](...args); };
  }
  // (ok's stack starts below it, as node's innerOk(ok, ...))
  assert.ok = function ok(...args) {
    if (planned) test.assertCount++;
    try {
      return nodeAssert.ok(...args);
    } catch (e) {
      if (e instanceof nodeAssert.AssertionError) {
        const name = e.name;
        e.name = `${name} [${e.code}]`;
        Error.captureStackTrace(e, ok);
        void e.stack;
        e.name = name;
      }
      throw e;
    }
  };
  return assert;
}
const nodeAssert = assert;
const assertNames = ['deepEqual', 'deepStrictEqual', 'doesNotMatch', 'doesNotReject', 'doesNotThrow', 'equal', 'fail', 'ifError',
  'match', 'notDeepEqual', 'notDeepStrictEqual', 'notEqual', 'notStrictEqual', 'rejects', 'strictEqual', 'throws'];

class TestContext {
  #test;
  constructor(test) { this.#test = test; }
  get signal() { return signalOf(this.#test); }
  get name() { return this.#test.name; }
  get fullName() { return this.#test.fullName(); }
  get error() { return this.#test.errorObj || null; }
  get passed() { return !!this.#test.ranOk; }
  diagnostic(msg) { this.#test.diagnostics.push(String(msg)); }
  plan(count) {
    const t = this.#test;
    if (t.plan !== undefined) {
      const e = new Error('cannot set plan more than once');
      e.code = 'ERR_TEST_FAILURE';
      e.failureType = 'testCodeFailure';
      Error.captureStackTrace(e, TestContext.prototype.plan);
      throw e;
    }
    t.plan = new TestPlan(count).expected;
  }
  get assert() {
    // as node 20's: assert's functions (arrow functions, ok a function of that name), each
    // counted towards t.plan, on an object without a prototype
    const test = this.#test;
    if (!test.assertObj) test.assertObj = contextAssert(test);
    return test.assertObj;
  }
  get mock() {
    if (!this.#test.mockTracker) this.#test.mockTracker = new MockTracker();
    return this.#test.mockTracker;
  }
  runOnly(value) { this.#test.runOnlySubtests = !!value; }
  skip(msg) { this.#test.skip = msg === undefined ? '' : String(msg); }
  todo(msg) { this.#test.todo = msg === undefined ? '' : String(msg); }
  test(name, options, fn) {
    const a = parseArgs(name, options, fn);
    if (this.#test.plan !== undefined) this.#test.planSubtests++; // (a subtest made before t.plan() is not counted)
    return startSubtest(this.#test, a.name, a.options, a.fn);
  }
  before(fn, options) { addTestHook(this.#test, 'before', fn, options, this, `TestContext.before (${nodeT}:297:8)`); }
  after(fn, options) { addTestHook(this.#test, 'after', fn, options); }
  beforeEach(fn, options) { addTestHook(this.#test, 'beforeEach', fn, options); }
  afterEach(fn, options) { addTestHook(this.#test, 'afterEach', fn, options); }
}

// addTestHook adds a hook to a test (t.before() and the like, or before() called while the test
// runs). As node's createHook, a before hook added once the test runs runs at once; its failure
// fails the test (its first error) and each subtest (hookFailed).
function addTestHook(t, kind, fn, options, ctx, caller) {
  const h = makeHook(fn, options);
  if (kind === 'before' && t.runStarted) {
    if (ctx === undefined) ctx = new TestContext(t);
    let promise;
    try {
      promise = Promise.resolve(callHook(h, nodeFrames([...hookHead, 'TestHook.run (node:internal/util:527:20)',
        `Test.createHook (${nodeT}:639:33)`, caller || 'node:internal/test_runner/harness:297:12']), ctx));
    } catch (e) {
      promise = Promise.reject(e);
    }
    promise = promise.then(undefined, (e) => {
      if (!t.hookError) t.hookError = { error: e };
      throw wrapError(e, 'hookFailed', 'before');
    });
    promise.then(undefined, () => {});
    h.promise = promise;
  }
  t.hooks[kind].push(h);
}

// startSubtest adds a subtest to a running test (t.test(), or test() in its context): the first
// starts at once, the others when the one before them has finished.
function startSubtest(parent, name, options, fn) {
  const sub = new Test(name, options, fn, parent, false);
  parent.subtests.push(sub);
  sub.number = parent.subtests.length;
  const prev = parent.subtests[parent.subtests.length - 2];
  // (one made while the one before it runs waits for it: its postRun starts this one)
  if (prev && !prev.reported) sub.via = { kind: 'after', prev };
  else {
    // (below: node's frames under t.test(), from the caller's, for an error made there)
    const name = callerName();
    const below = [`${name} (${sub.location})`].concat(parent.inSyncCall ? testFnFrames(parent, false).nodeTestFrames
      : [`async Test.run (${nodeT}:797:9)`, ...runAsyncOf(parent)]);
    sub.via = { kind: 'subtest', await: awaitFrame(name, sub.location), below };
  }
  let run;
  if (parent.limit > 1) {
    run = runConcurrent(parent, sub);
    parent.subChain = parent.subChain ? Promise.all([parent.subChain, run]) : run;
  } else {
    // (at once when the one before it is done, as node's start)
    run = parent.subChain && sub.via.kind === 'after' ? parent.subChain.then(() => runTest(sub)) : runTest(sub);
    parent.subChain = run;
  }
  return run.then(() => undefined);
}

// reportStarted emits test:start for t and the ancestors not yet started, outermost first: as in
// Node, a test's start is reported when its first result (its own or a subtest's) is.
function reportStarted(t) {
  if (t.startEmitted || t === root) return;
  if (t.parent) reportStarted(t.parent);
  t.startEmitted = true;
  emit({ type: 'test:start', nesting: t.nesting, name: t.name, location: t.location });
}

const pendingMessage = 'Promise resolution is still pending but the event loop has already resolved';
const pendingAtExit = {
  failureType: 'cancelledByParent', message: pendingMessage, code: 'ERR_TEST_FAILURE', stack: 'process.emit (node:events:524:28)',
  inspected: `'${pendingMessage}'`,
  junit: `Error [ERR_TEST_FAILURE]: ${pendingMessage}\n    at process.emit (node:events:524:28) {\n  code: 'ERR_TEST_FAILURE',\n  failureType: 'cancelledByParent',\n  cause: '${pendingMessage}'\n}`,
};

// When the loop empties while tests are still pending (a promise that never settles), Node
// cancels them: they fail as cancelledByParent and the run is reported.
function cancelTest(t) {
  if (t.reported) return;
  t.reported = true;
  reportStarted(t);
  for (const s of t.subtests) cancelTest(s);
  if (t.subtests.length) emit({ type: 'test:plan', nesting: t.nesting + 1, count: t.subtests.length });
  emit({
    type: 'test:fail', nesting: t.nesting, name: t.name, testNumber: t.number || (t.parent.subtests.indexOf(t) + 1),
    // (a test that started has run until now; its cause is the message, a string)
    details: { duration_ms: t.runStarted ? since(t.startTime) : 0, type: t.suite ? 'suite' : undefined, error: pendingAtExit },
    location: t.location,
  });
  if (t.suite) counts.suites++;
  else { counts.tests++; counts.cancelled++; }
  if (t.resolveDone) t.resolveDone();
}
process.on('beforeExit', () => {
  if (!rootMade || rootDone) return;
  if (!started) {
    // a root of hooks alone: its after hooks run, then it reports no test
    if (!rootAfterRan) rootTestsDone().then(() => finishRoot(true));
    return;
  }
  const chains = cancelChains();
  // (node's spec reporter writes the report in a tick, before the hooks run; the others, whose
  // generators are further down the stream, after them)
  const hold = chains.length > 0 && !specOnly();
  if (hold) holdEvents = true;
  for (const t of root.subtests) cancelTest(t);
  finishRoot(true, hold);
  for (const c of chains) runCancelChain(c);
});

// cancelChains lists the hooks node runs after its root cancels what is still pending at exit:
// the cancel aborts each test's signal, which ends the race its Test.run (or Suite.run) awaits,
// and the run goes on to its hooks (their failures ignored: the test has already failed). A
// running suite runs its after hooks; a test whose function ran, its afterEach hooks
// (innermost first) then its own after hooks; and the root, whose run starts when its last
// running test is cancelled, its after hooks. Each chain's first hook is called so many promise
// jobs after the cancel (node's awaits: 4 past a test's race, 6 into the root's run), in the
// order the tests were cancelled (depth first), and a hook that does not return a promise is
// followed by the next one 8 jobs later (10 from the last afterEach to the first after hook).
function cancelChains() {
  const chains = [];
  let lastRunning = -1;
  root.subtests.forEach((t, i) => { if (t.runStarted && !t.reported) lastRunning = i; });
  const walk = (t) => {
    if (t.reported) return;
    if (t.suite) {
      if (t.childrenRun !== undefined && t.hooks.after.length) {
        chains.push({ first: 4, groups: [{ hooks: t.hooks.after, ctx: t.ctx, frames: () => suiteHookFrames(t, 'after') }] });
      }
    } else if (t.fnCalled && !t.fnSettled) {
      const each = t.skip === undefined ? collectEach(t, 'afterEach') : [];
      const groups = [];
      if (each.length) groups.push({ hooks: each, ctx: t.ctx, frames: (k) => eachHookFrames(t, 'afterEach', k) });
      if (t.hooks.after.length) groups.push({ hooks: t.hooks.after, ctx: t.ctx, frames: () => testAfterFrames(t) });
      if (groups.length) chains.push({ first: each.length ? 4 : 5, groups });
    }
    for (const s of t.subtests) walk(s);
  };
  root.subtests.forEach((t, i) => {
    walk(t);
    if (i === lastRunning && !rootAfterRan && root.hooks.after.length) {
      rootAfterRan = true;
      chains.push({ first: 6, groups: [{ hooks: root.hooks.after, ctx: new TestContext(root), frames: () => undefined }] });
    }
  });
  return chains;
}

function runCancelChain(chain) {
  let g = 0;
  let k = 0;
  const next = (hops) => {
    const group = chain.groups[g];
    if (group === undefined) return;
    afterMicrotasks(hops, () => {
      const i = k;
      const h = group.hooks[i];
      // (a failing afterEach hook ends its group, as node's runHook throws)
      const endGroup = () => {
        g++;
        k = 0;
        next(10);
      };
      const went = () => {
        if (++k === group.hooks.length) endGroup();
        else next(8);
      };
      let r;
      try {
        r = callHook(h, group.frames(i), group.ctx);
      } catch {
        endGroup();
        return;
      }
      if (r && typeof r.then === 'function') Promise.resolve(r).then(went, endGroup);
      else went();
    });
  };
  next(chain.first);
}

// ---- mocks ----------------------------------------------------------------------------------------

// A mock function's state lives out of reach of the test (Node keeps it in private fields):
// fn.mock has no own properties, only the methods and the calls getter on its prototype.
const mockStates = new WeakMap();

class MockFunctionContext {
  constructor(state) { mockStates.set(this, state); }
  get calls() { return mockStates.get(this).calls.slice(); }
  callCount() { return mockStates.get(this).calls.length; }
  mockImplementation(implementation) {
    require('internal/validators').validateFunction(implementation, 'implementation');
    mockStates.get(this).impl = implementation;
  }
  mockImplementationOnce(implementation, onCall) {
    const { validateFunction, validateInteger } = require('internal/validators');
    validateFunction(implementation, 'implementation');
    const st = mockStates.get(this);
    const nextCall = st.calls.length;
    const call = onCall === undefined || onCall === null ? nextCall : onCall;
    validateInteger(call, 'onCall', nextCall);
    st.once.set(call, implementation);
  }
  restore() {
    const st = mockStates.get(this);
    if (st.restore) st.restore();
    else st.impl = st.original;
  }
  resetCalls() { mockStates.get(this).calls = []; }
}

// nextImpl is the implementation of the next call: a once-implementation for that call, else
// the current one; the call that uses up options.times restores the original.
function nextImpl(ctx) {
  const st = mockStates.get(ctx);
  const n = st.calls.length;
  const impl = st.once.has(n) ? st.once.get(n) : st.impl;
  if (n + 1 === st.times) ctx.restore();
  st.once.delete(n);
  return impl;
}

// (node's validateTimes and validateStringOrSymbol are plain functions: their frames show)
function validateTimes(times, name) {
  if (times === Infinity) return;
  require('internal/validators').validateInteger(times, name, 1); // mock:745:3
}
function validateStringOrSymbol(value, name) {
  if (typeof value !== 'string' && typeof value !== 'symbol') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'symbol'], value); // mock:736:11
  }
}

class MockTracker {
  #mocks = [];
  #timers = undefined;
  get timers() {
    if (!this.#timers) this.#timers = new MockTimers();
    return this.#timers;
  }
  fn(original = function original() {}, implementation = original, options = {}) {
    // (node's default no-op is named by its parameter: `original`)
    if (original !== null && typeof original === 'object') {
      options = original; original = function original() {}; implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation; implementation = original;
    }
    const { validateFunction, validateObject } = require('internal/validators');
    validateFunction(original, 'original'); // mock:310:5
    validateFunction(implementation, 'implementation'); // mock:311:5
    validateObject(options, 'options'); // mock:312:5
    const times = options.times === undefined ? Infinity : options.times;
    validateTimes(times, 'options.times'); // mock:314:5
    return this.#setupMock(original, implementation, times, undefined);
  }
  #setupMock(original, implementation, times, restore) {
    const st = { calls: [], impl: implementation, original, once: new Map(), times, restore };
    const ctx = new MockFunctionContext(st);
    // As node's, the mock is a proxy of the original: it has its name, length, prototype and
    // properties (inspect shows the original), `mock` is seen through the proxy only, and `new`
    // constructs the implementation with the mock as new.target, so the instance's prototype is
    // the original's (a class's private fields work) and the call's target is the original.
    // (goja's array of a trap's arguments is reused: the call keeps a copy; the stack is made in
    // the trap, whose frame comes first as node's)
    const track = (stack, args, target, thisArg, run) => {
      args = Array.prototype.slice.call(args);
      const impl = nextImpl(ctx);
      const call = { __proto__: null, arguments: args, error: undefined, result: undefined, stack, target, this: thisArg };
      try {
        call.result = run(impl, args);
        if (target !== undefined) call.this = call.result;
      } catch (e) {
        call.error = e;
        throw e;
      } finally {
        st.calls.push(call);
      }
      return call.result;
    };
    const mockFn = new Proxy(original, {
      __proto__: null,
      apply(fn, thisArg, args) {
        return track(new Error(), args, undefined, thisArg, (impl, a) => Reflect.apply(impl, thisArg, a));
      },
      construct(target, args, newTarget) {
        return track(new Error(), args, target, undefined, (impl, a) => Reflect.construct(impl, a, newTarget));
      },
      get(target, property, receiver) {
        if (property === 'mock') return ctx;
        return Reflect.get(target, property, receiver);
      },
    });
    this.#mocks.push(ctx);
    return mockFn;
  }
  method(object, methodName, implementation, options) {
    const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
    validateStringOrSymbol(methodName, 'methodName'); // mock:336:5
    // (node's validateObject: an array is refused too, Array.prototype among them)
    if (typeof object !== 'function') require('internal/validators').validateObject(object, 'object'); // mock:338:7
    if (implementation !== null && typeof implementation === 'object') { options = implementation; implementation = undefined; }
    if (implementation !== undefined) require('internal/validators').validateFunction(implementation, 'implementation'); // mock:346:5
    if (options === undefined) options = {};
    require('internal/validators').validateObject(options, 'options'); // mock:347:5
    const getter = options.getter === undefined ? false : options.getter;
    const setter = options.setter === undefined ? false : options.setter;
    require('internal/validators').validateBoolean(getter, 'options.getter'); // mock:355:5
    require('internal/validators').validateBoolean(setter, 'options.setter'); // mock:356:5
    const times = options.times === undefined ? Infinity : options.times;
    validateTimes(times, 'options.times'); // mock:357:5
    if (getter && setter) throw new ERR_INVALID_ARG_VALUE('options.setter', setter, "cannot be used with 'options.getter'"); // mock:360:13
    // The property may live on the prototype chain; the mock is an own property of object.
    let desc;
    for (let o = object; o !== null && o !== undefined && !desc; o = Object.getPrototypeOf(o)) {
      desc = Object.getOwnPropertyDescriptor(o, methodName);
    }
    const original = getter ? desc && desc.get : setter ? desc && desc.set : desc && desc.value;
    if (typeof original !== 'function') throw new ERR_INVALID_ARG_VALUE('methodName', original, 'must be a method'); // mock:377:13
    const restore = () => { Object.defineProperty(object, methodName, desc); };
    const m = this.#setupMock(original, implementation === undefined ? original : implementation, times, restore);
    const mocked = { configurable: desc.configurable, enumerable: desc.enumerable };
    if (getter) { mocked.get = m; mocked.set = desc.set; }
    else if (setter) { mocked.get = desc.get; mocked.set = m; }
    else { mocked.writable = desc.writable; mocked.value = m; }
    Object.defineProperty(object, methodName, mocked);
    return m;
  }
  // (each validates its options itself and calls method, as node's: no frame between them)
  getter(object, methodName, implementation, options) {
    if (implementation !== null && typeof implementation === 'object') { options = implementation; implementation = undefined; }
    else if (options !== undefined) require('internal/validators').validateObject(options, 'options');
    if (options === undefined) options = {};
    if (options.getter === false) throw new (require('internal/errors').codes.ERR_INVALID_ARG_VALUE)('options.getter', false, 'cannot be false'); // mock:437:13
    return this.method(object, methodName, implementation, { ...options, getter: true }); // mock:442:17
  }
  setter(object, methodName, implementation, options) {
    if (implementation !== null && typeof implementation === 'object') { options = implementation; implementation = undefined; }
    else if (options !== undefined) require('internal/validators').validateObject(options, 'options');
    if (options === undefined) options = {};
    if (options.setter === false) throw new (require('internal/errors').codes.ERR_INVALID_ARG_VALUE)('options.setter', false, 'cannot be false'); // mock:477:13
    return this.method(object, methodName, implementation, { ...options, setter: true }); // mock:482:17
  }
  reset() {
    this.restoreAll();
    if (this.#timers) this.#timers.reset();
    this.#mocks = [];
  }
  restoreAll() { for (const m of this.#mocks) m.restore(); }
  // (only with --experimental-test-module-mocks: see below)
  module(specifier, options = undefined) {
    const ctx = mockModule(specifier, options);
    this.#mocks.push(ctx);
    return ctx;
  }
}

// ---- mock.module --------------------------------------------------------------------------------
// node 20's mock.module (with --experimental-test-module-mocks): the module a specifier names,
// found from the calling file as require finds it (or, when that finds nothing, as a path from
// the caller's directory, reported as node's ES module resolution reports it), is replaced for
// require and import until restored. require gives the default export (an empty object when
// none) with the named exports copied onto it; an import of an ES module a namespace of the named
// exports (and default when given), of a CommonJS file or built-in one of those and default. The
// first call replaces Module._load with node's bound cjsMockModuleLoad, for good; imports reach
// the mocks through Module[Symbol.for('gojs.mockImport')], which the ES module loader reads.
const kBadMockExports = 'Cannot create mock because named exports cannot be applied to the provided default export.';
let moduleMocks; // key (a file's path, or a built-in's node: name) -> the mock's config
let moduleMocksWarned = false;

// (an import's error has the message in quotes, as node's generated module source throws it)
function mockedExports(config, imported) {
  const exp = config.hasDefaultExport ? config.defaultExport : {};
  const names = Object.keys(config.namedExports);
  if ((typeof exp !== 'object' || exp === null) && names.length > 0) {
    throw new Error(imported ? JSON.stringify(kBadMockExports) : kBadMockExports);
  }
  for (const name of names) Object.defineProperty(exp, name, Object.getOwnPropertyDescriptor(config.namedExports, name));
  return exp;
}

function setupModuleMocks() {
  if (moduleMocks !== undefined) return moduleMocks;
  moduleMocks = new Map();
  const Module = require('module');
  const load = Module._load;
  function cjsMockModuleLoad(request, parent, isMain) {
    let config;
    if (typeof request === 'string' && moduleMocks.size > 0) {
      if (Module.isBuiltin(request)) config = moduleMocks.get(request.startsWith('node:') ? request : `node:${request}`);
      else if (!request.startsWith('node:')) config = moduleMocks.get(Module._resolveFilename(request, parent, isMain));
    }
    if (config === undefined) return Reflect.apply(load, Module, [request, parent, isMain]);
    if (config.cache && Module._cache[config.key] !== undefined) return Module._cache[config.key].exports;
    const exp = mockedExports(config);
    if (config.cache) {
      const entry = new Module(config.key, config.caller);
      entry.exports = exp;
      entry.filename = config.key;
      entry.loaded = true;
      entry.paths = Module._nodeModulePaths(require('path').dirname(config.key));
      Module._cache[config.key] = entry;
    }
    return exp;
  }
  Module._load = cjsMockModuleLoad.bind(null);
  Object.defineProperty(Module, Symbol.for('gojs.mockImport'), {
    __proto__: null,
    configurable: true,
    value(filename, makeNamespace) {
      const config = moduleMocks.get(filename);
      if (config === undefined) return undefined;
      if (config.cache && config.namespace !== undefined) return config.namespace;
      const values = { __proto__: null };
      if (config.format === 'module') {
        if (config.hasDefaultExport) values.default = config.defaultExport;
        for (const name of Object.keys(config.namedExports)) values[name] = config.namedExports[name];
      } else {
        values.default = mockedExports(config, true);
        for (const name of Object.keys(config.namedExports)) values[name] = values.default[name];
      }
      const ns = makeNamespace(values);
      if (config.cache) config.namespace = ns;
      return ns;
    },
  });
  return moduleMocks;
}

// mockFormat is node's format of the file at path: module, commonjs or json (by its extension
// and its package's type).
function mockFormat(path) {
  const { extname, dirname, join } = require('path');
  const ext = extname(path);
  if (ext === '.mjs') return 'module';
  if (ext === '.json') return 'json';
  if (ext !== '.js') return 'commonjs';
  const fs = require('fs');
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    let pkg;
    try { pkg = JSON.parse(fs.readFileSync(join(dir, 'package.json'), 'utf8')); } catch {}
    if (pkg !== undefined) return pkg !== null && pkg.type === 'module' ? 'module' : 'commonjs';
    if (dir === dirname(dir) || dir.endsWith('/node_modules')) return 'commonjs';
  }
}

function mockModule(specifier, options = { __proto__: null }) {
  if (!moduleMocksWarned) {
    moduleMocksWarned = true;
    process.emitWarning('Module mocking is an experimental feature and might change at any time', 'ExperimentalWarning');
  }
  const { validateString, validateObject, validateBoolean, validateOneOf } = require('internal/validators');
  const { codes: { ERR_INVALID_STATE }, kIsNodeError } = require('internal/errors');
  const resolveError = (code, message) => {
    const err = new Error(message);
    Object.defineProperty(err, kIsNodeError, { __proto__: null, value: true });
    err.code = code;
    return err;
  };
  validateString(specifier, 'specifier');
  validateObject(options, 'options');
  const { cache = false, namedExports = { __proto__: null }, defaultExport } = options;
  const hasDefaultExport = 'defaultExport' in options;
  validateBoolean(cache, 'options.cache');
  validateObject(namedExports, 'options.namedExports');
  const mocks = setupModuleMocks();
  const Module = require('module');
  const path = require('path');
  const at = callerLocation();
  const callerPath = at === undefined ? path.join(process.cwd(), '[eval]') : at.replace(/:\d+:\d+$/, '');
  const caller = Module._cache[callerPath] || { id: callerPath, filename: callerPath, paths: Module._nodeModulePaths(path.dirname(callerPath)) };
  const mockSpecifier = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  let key;
  let format;
  if (Module.isBuiltin(mockSpecifier)) {
    key = `node:${mockSpecifier}`;
    format = 'builtin';
  } else {
    let file;
    if (/^[a-zA-Z][a-zA-Z\d+.-]*:/.test(mockSpecifier)) {
      file = mockSpecifier.startsWith('file:') ? require('url').fileURLToPath(mockSpecifier) : undefined;
      if (file === undefined) key = mockSpecifier;
    } else {
      try {
        key = Module._resolveFilename(mockSpecifier, caller, false);
      } catch {
        file = path.resolve(path.dirname(callerPath), mockSpecifier);
      }
    }
    if (file !== undefined) {
      let st;
      try { st = require('fs').statSync(file); } catch {}
      if (st !== undefined && st.isDirectory()) {
        throw resolveError('ERR_UNSUPPORTED_DIR_IMPORT', `Directory import '${file}' is not supported resolving ES modules imported from ${callerPath}`);
      }
      if (st === undefined) throw resolveError('ERR_MODULE_NOT_FOUND', `Cannot find module '${file}' imported from ${callerPath}`);
      key = file;
    }
    format = key.startsWith('/') ? mockFormat(key) : 'module';
  }
  validateOneOf(format, 'format', ['builtin', 'commonjs', 'module']);
  if (mocks.has(key)) throw new ERR_INVALID_STATE(`Cannot mock '${specifier}'. The module is already mocked.`);
  const config = { __proto__: null, key, format, cache, defaultExport, hasDefaultExport, namedExports, caller, namespace: undefined };
  const ctx = new MockModuleContext(config, key in Module._cache, Module._cache[key]);
  delete Module._cache[key];
  mocks.set(key, config);
  return ctx;
}

class MockModuleContext {
  #restore;
  constructor(config, cached, value) {
    this.#restore = { config, cached, value };
  }
  restore() {
    if (this.#restore === undefined) return;
    const { config, cached, value } = this.#restore;
    const Module = require('module');
    delete Module._cache[config.key];
    if (cached) Module._cache[config.key] = value;
    if (moduleMocks.get(config.key) === config) moduleMocks.delete(config.key);
    this.#restore = undefined;
  }
}

if (!require('internal/options').getOptionValue('--experimental-test-module-mocks')) delete MockTracker.prototype.module;



// MockTimers replaces the timers (global, node:timers and node:timers/promises) and Date with
// a fake clock that moves only on tick(), runAll() and setTime(). As Node's: the clock moves
// to its target first (callbacks see the final Date.now()), timers run in (runAt, id) order
// from the same binary heap (runAll ticks to the heap's last slot, as Node's peekBottom does),
// and an interval is queued again after it runs.
// (node's validateStringArray, a hidden validator)
function validateStringArray(value, name) {
  const { validateArray, validateString } = require('internal/validators');
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) validateString(value[i], `${name}[${i}]`);
}
const SUPPORTED_TIMER_APIS = ['setTimeout', 'setInterval', 'setImmediate', 'Date', 'scheduler.wait'];

// TimerHeap is Node's internal priority queue: a 1-based binary heap that records each item's
// position, so a cleared timer leaves from the middle.
class TimerHeap {
  constructor() { this.heap = [undefined]; this.size = 0; }
  compare(a, b) { return a.runAt - b.runAt || a.id - b.id; }
  insert(v) { this.heap[++this.size] = v; this.up(this.size); }
  peek() { return this.heap[1]; }
  peekBottom() { return this.heap[this.size]; }
  up(pos) {
    const heap = this.heap;
    const item = heap[pos];
    while (pos > 1) {
      const parent = pos >> 1;
      if (this.compare(heap[parent], item) <= 0) break;
      heap[pos] = heap[parent];
      heap[pos].priorityQueuePosition = pos;
      pos = parent;
    }
    heap[pos] = item;
    item.priorityQueuePosition = pos;
  }
  down(pos) {
    const heap = this.heap;
    const size = this.size;
    const item = heap[pos];
    while (pos <= size >> 1) {
      let child = pos << 1;
      if (child + 1 <= size && this.compare(heap[child + 1], heap[child]) < 0) child++;
      if (this.compare(item, heap[child]) <= 0) break;
      heap[pos] = heap[child];
      heap[pos].priorityQueuePosition = pos;
      pos = child;
    }
    heap[pos] = item;
    item.priorityQueuePosition = pos;
  }
  removeAt(pos) {
    const heap = this.heap;
    const size = --this.size;
    heap[pos] = heap[size + 1];
    heap[size + 1] = undefined;
    heap.length = size + 1;
    if (size > 0 && pos <= size) {
      if (pos > 1 && this.compare(heap[pos >> 1], heap[pos]) > 0) this.up(pos);
      else this.down(pos);
    }
  }
  shift() {
    const v = this.heap[1];
    if (v === undefined) return undefined;
    this.removeAt(1);
    v.priorityQueuePosition = undefined;
    return v;
  }
}

// Timeout is what the mocked setTimeout/setInterval/setImmediate return (named Timeout, as
// node's, which util.inspect shows).
class Timeout {
  constructor(id, callback, runAt, interval, args) {
    this.id = id;
    this.callback = callback;
    this.runAt = runAt;
    this.interval = interval;
    this.args = args;
    this.priorityQueuePosition = undefined;
  }
  hasRef() { return true; }
  ref() { return this; }
  unref() { return this; }
  refresh() { return this; }
}

// (the iterators of the mocked timers/promises setInterval show as node's async generators)
const mockIntervalProto = {
  [Symbol.asyncIterator]() { return this; },
  [Symbol.toStringTag]: 'AsyncGenerator',
};

let mockTimersWarned = false;
class MockTimers {
  #enabled = false;
  #now = 0;
  #queue = new TimerHeap();
  #id = 1;
  #saved = [];
  constructor() {
    if (!mockTimersWarned) {
      mockTimersWarned = true;
      process.emitWarning('The MockTimers API is an experimental feature and might change at any time', 'ExperimentalWarning');
    }
  }
  // (named as node's, their places and their callers' marked with node's in mock_timers.js)
  #assertTimersAreEnabled() {
    if (!this.#enabled) {
      const { codes: { ERR_INVALID_STATE } } = require('internal/errors');
      throw new ERR_INVALID_STATE('You should enable MockTimers first by calling the .enable function'); // mock_timers:554:13
    }
  }
  #assertTimeArg(time) {
    if (time < 0) {
      const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
      // (Node passes the reason and the value the other way round; its message is kept)
      throw new ERR_INVALID_ARG_VALUE('time', 'positive integer', time); // mock_timers:562:13
    }
  }
  #create(interval, callback, delay, args) {
    // as node's mock: a delay past the timers' maximum is 1; others are taken as they are (a
    // delay that is no number makes a time no later time is greater than, so the next tick runs it)
    if (delay > 2 ** 31 - 1) delay = 1;
    const t = new Timeout(this.#id++, callback, this.#now + delay, interval ? delay : undefined, args);
    this.#queue.insert(t);
    return t;
  }
  #clear(t) {
    if (t && typeof t === 'object' && t.priorityQueuePosition !== undefined) {
      this.#queue.removeAt(t.priorityQueuePosition);
      t.priorityQueuePosition = undefined;
    }
  }
  #install(apis) {
    const self = this;
    const timersMod = require('timers');
    const promisesMod = require('timers/promises');
    const put = (obj, name, fn) => { self.#saved.push([obj, name, obj[name]]); obj[name] = fn; };
    const both = (name, fn) => { put(globalThis, name, fn); put(timersMod, name, fn); };
    if (apis.includes('setTimeout')) {
      both('setTimeout', function setTimeout(callback, delay, ...args) { return self.#create(false, callback, delay, args); });
      both('clearTimeout', function clearTimeout(t) { self.#clear(t); });
      put(promisesMod, 'setTimeout', function setTimeout(ms, value, options) { return self.#promiseTimeout(ms, value, options); });
    }
    if (apis.includes('setInterval')) {
      both('setInterval', function setInterval(callback, delay, ...args) { return self.#create(true, callback, delay, args); });
      both('clearInterval', function clearInterval(t) { self.#clear(t); });
      put(promisesMod, 'setInterval', function setInterval(ms, value, options) { return self.#promiseInterval(ms, value, options); });
    }
    if (apis.includes('setImmediate')) {
      // (an immediate is due a millisecond before now, as node's mock makes it: it runs before
      // the timers due now)
      both('setImmediate', function setImmediate(callback, ...args) { return self.#create(false, callback, -1, args); });
      both('clearImmediate', function clearImmediate(t) { self.#clear(t); });
      put(promisesMod, 'setImmediate', function setImmediate(value, options) { return self.#promiseTimeout(-1, value, options); });
    }
    if (apis.includes('scheduler.wait')) {
      // (an own method of the scheduler, as node's, which reset sets back to the class's)
      put(promisesMod.scheduler, 'wait', function wait(delay, options) { return self.#promiseTimeout(delay, undefined, options); });
    }
    if (apis.includes('Date')) {
      // node 20's MockDate: called as a function it gives the mocked time's
      // string; its own keys are the real Date's (prototype shared but
      // writable, as a function's), then an enumerable toString showing the
      // real constructor's source, a frozen enumerable isMock and the hidden
      // Symbol(MockTimers)
      const RealDate = Date;
      const MockDate = function Date(year, month, date, hours, minutes, seconds, ms) {
        if (!new.target) return new RealDate(self.#now).toString();
        return arguments.length ? new RealDate(...arguments) : new RealDate(self.#now);
      };
      const { prototype, ...dateProps } = Object.getOwnPropertyDescriptors(RealDate);
      MockDate.prototype = prototype.value; // (goja then lists it after length and name)
      Object.defineProperties(MockDate, {
        __proto__: null,
        name: dateProps.name,
        now: { __proto__: null, ...dateProps.now, value: function now() { return self.#now; } },
        parse: dateProps.parse,
        UTC: dateProps.UTC,
      });
      MockDate.toString = function toString() { return Function.prototype.toString.call(RealDate); };
      Object.defineProperties(MockDate, {
        __proto__: null,
        isMock: { __proto__: null, value: true, enumerable: true, writable: false, configurable: false },
        [Symbol('MockTimers')]: { __proto__: null, value: this },
      });
      put(globalThis, 'Date', MockDate);
    }
  }
  #abortError(signal) {
    const { AbortError } = require('internal/errors');
    return new AbortError(undefined, { cause: signal.reason });
  }
  #promiseTimeout(ms, value, options) {
    const signal = options && options.signal;
    if (signal) {
      // node's mock checks the signal when it makes the promise: a bad one rejects it
      try {
        require('internal/validators').validateAbortSignal(signal, 'options.signal');
      } catch (err) {
        return Promise.reject(err);
      }
    }
    if (signal && signal.aborted) return Promise.reject(this.#abortError(signal));
    return new Promise((resolve, reject) => {
      let onAbort;
      const t = this.#create(false, () => {
        if (onAbort) signal.removeEventListener('abort', onAbort);
        resolve(value);
      }, ms === undefined ? 1 : ms, []);
      if (signal) {
        onAbort = () => { this.#clear(t); reject(this.#abortError(signal)); };
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
  }
  #promiseInterval(ms, value, options) {
    // node's is an async generator yielding for each tick of the interval (EventEmitter.on's
    // events, buffered), written here with the iterator protocol: its body, which makes the
    // interval and listens to the signal, starts with the first next(); next() calls are
    // queued in order, return() after them; an abort rejects the next() waiting (or the next
    // one made, after the ticks buffered), and the iterator is done after it
    const self = this;
    const signal = options && options.signal;
    let started = false;
    let fired = 0;
    const waiters = [];
    let done = false;
    let abortErr;
    let t;
    const finish = () => {
      done = true;
      if (t !== undefined) self.#clear(t);
      for (const w of waiters.splice(0)) w.resolve({ value: undefined, done: true });
    };
    const onAbort = () => {
      if (done) return;
      const err = self.#abortError(signal);
      if (waiters.length > 0) waiters.shift().reject(err);
      else abortErr = err;
      finish();
    };
    const start = () => {
      started = true;
      if (signal && signal.aborted) {
        onAbort();
        return;
      }
      t = self.#create(true, () => {
        if (done) return;
        if (waiters.length > 0) waiters.shift().resolve({ value, done: false });
        else fired++;
        if (waiters.length > 0 && waiters[0].ret) finish();
      }, ms === undefined ? 1 : ms, []);
      if (signal) signal.addEventListener('abort', onAbort, { once: true });
    };
    const it = Object.create(mockIntervalProto);
    Object.defineProperties(it, {
      next: {
        __proto__: null,
        value: function next() {
          if (!started && !done) start();
          if (fired > 0) { fired--; return Promise.resolve({ value, done: false }); }
          if (abortErr !== undefined) { const err = abortErr; abortErr = undefined; return Promise.reject(err); }
          if (done) return Promise.resolve({ value: undefined, done: true });
          return new Promise((resolve, reject) => { waiters.push({ resolve, reject }); });
        },
      },
      return: {
        __proto__: null,
        value: function () {
          // (queued after the next() calls waiting, as a generator's)
          if (waiters.length > 0) return new Promise((resolve, reject) => { waiters.push({ resolve, reject, ret: true }); });
          fired = 0;
          abortErr = undefined;
          finish();
          return Promise.resolve({ value: undefined, done: true });
        },
      },
    });
    return it;
  }
  // (public methods in node's order)
  tick(time = 1) {
    this.#assertTimersAreEnabled(); // mock_timers:677:33
    this.#assertTimeArg(time); // mock_timers:678:24
    this.#now += time;
    // as node 20's: the callback runs while its timer is still queued (one that throws stays
    // there, and runs again on the next tick), the timer is taken out after it only if it is
    // still first (one cleared in its own callback is not), and an interval is queued again even
    // when its callback cleared it
    for (let t = this.#queue.peek(); t && !(t.runAt > this.#now); t = this.#queue.peek()) {
      Reflect.apply(t.callback, undefined, t.args);
      if (this.#queue.peek()?.id === t.id) this.#queue.shift();
      if (t.interval !== undefined) {
        t.runAt += t.interval;
        this.#queue.insert(t);
      }
    }
  }
  enable(options = { apis: SUPPORTED_TIMER_APIS, now: 0 }) {
    const { codes: { ERR_INVALID_STATE, ERR_INVALID_ARG_VALUE, ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    const opts = { __proto__: null, ...options };
    if (this.#enabled) throw new ERR_INVALID_STATE('MockTimers is already enabled!'); // mock_timers:714:13
    if (Number.isNaN(opts.now)) {
      throw new ERR_INVALID_ARG_VALUE('now', opts.now, `epoch must be a positive integer received ${opts.now}`); // mock_timers:718:13
    }
    if (!opts.now) opts.now = 0;
    if (!opts.apis) opts.apis = SUPPORTED_TIMER_APIS;
    validateStringArray(opts.apis, 'options.apis'); // mock_timers:729:5
    opts.apis.forEach((api) => { // mock_timers:731:5
      if (!SUPPORTED_TIMER_APIS.includes(api)) throw new ERR_INVALID_ARG_VALUE('options.apis', api, `option ${api} is not supported`); // mock_timers:733:15
    });
    if (opts.now instanceof Date) opts.now = opts.now.getTime();
    else {
      require('internal/validators').validateNumber(opts.now, 'initialTime'); // mock_timers:745:16
      this.#assertTimeArg(opts.now); // mock_timers:746:26
    }
    this.#now = opts.now;
    this.#enabled = true;
    this.#install(opts.apis);
  }
  setTime(milliseconds = 0) {
    require('internal/validators').validateNumber(milliseconds, 'time'); // mock_timers:758:5
    this.#assertTimeArg(milliseconds); // mock_timers:759:24
    this.#assertTimersAreEnabled(); // mock_timers:760:33
    this.#now = milliseconds;
  }
  reset() {
    if (!this.#enabled) return;
    for (let i = this.#saved.length - 1; i >= 0; i--) {
      const [obj, name, value] = this.#saved[i];
      obj[name] = value;
    }
    this.#saved = [];
    this.#enabled = false;
    this.#queue = new TimerHeap();
    this.#now = 0;
  }
  runAll() {
    this.#assertTimersAreEnabled(); // mock_timers:796:33
    const last = this.#queue.peekBottom();
    if (!last) return;
    this.tick(last.runAt - this.#now); // mock_timers:799:10
  }
  [Symbol.dispose]() { this.reset(); }
}

// ---- the API --------------------------------------------------------------------------------------

// (arrow functions, as node's: no prototype; describe is named test too, as both are made by
// node's runInParentContext)
const test = (name, options, fn) => defineTest(name, options, fn);
test.skip = (n, o, f) => defineTest(n, o, f, { skip: true });
test.todo = (n, o, f) => defineTest(n, o, f, { todo: true });
test.only = (n, o, f) => defineTest(n, o, f, { only: true });

const describe = { test: (name, options, fn) => defineSuite(name, options, fn) }.test;
describe.skip = (n, o, f) => defineSuite(n, o, f, { skip: true });
describe.todo = (n, o, f) => defineSuite(n, o, f, { todo: true });
describe.only = (n, o, f) => defineSuite(n, o, f, { only: true });

function hook(kind) {
  return function (fn, options) {
    const s = currentSuite();
    if (s === root) {
      // (called while a test runs, as node's harness: a hook of that test)
      const running = testStore.getStore();
      if (running !== undefined && !running.suite && !running.reported) {
        addTestHook(running, kind, fn, options);
        return;
      }
    }
    const h = makeHook(fn, options);
    if (s === root) bootstrapRoot();
    if (kind === 'before' && s === root) {
      // as node 20's root: a top-level before hook runs at once, and each top-level test
      // waits for it (and fails with hookFailed when it failed)
      const ctx = new TestContext(root);
      const frames = nodeFrames([...hookHead, 'TestHook.run (node:internal/util:527:20)', `Test.createHook (${nodeT}:639:33)`,
        'node:internal/test_runner/harness:297:12']);
      let promise;
      try {
        promise = Promise.resolve(callHook(h, frames, ctx));
      } catch (e) {
        promise = Promise.reject(e);
      }
      promise = promise.then(undefined, (e) => { throw wrapError(e, 'hookFailed', 'before'); });
      promise.then(undefined, () => {});
      h.promise = promise;
    }
    s.hooks[kind].push(h);
  };
}

const mock = new MockTracker();

// ---- run() ------------------------------------------------------------------------------------------
// run({ files, concurrency }) runs each file in its own worker (a runtime of its own, as `gojs
// test` does) and returns a TestsStream: an object-mode Readable of Node's { type, data } events.
// Each file is itself enqueued, dequeued and completed; its tests' events (enqueue to pass or
// fail, diagnostics, stdout, stderr) come file by file in order even when files run at once,
// top-level tests numbered across files, and the run ends with the plan and the summary.

// defaultTestFiles are run()'s files when it is given none: as node 20's, the program's
// arguments (process.argv after the runtime) are its paths, the working directory without any;
// a path that does not exist ends the process.
function defaultTestFiles() {
  const path = require('path');
  const paths = process.argv.slice(1);
  if (paths.length === 0) return discoverTestFiles(process.cwd(), [], path.basename(process.cwd()) === 'test');
  const out = [];
  for (const p of paths) {
    const abs = path.resolve(p);
    let st;
    try {
      st = require('fs').statSync(abs);
    } catch {
      console.error(`Could not find '${abs}'`);
      process.exit(1);
    }
    if (st.isDirectory()) discoverTestFiles(abs, out, path.basename(abs) === 'test');
    else out.push(abs);
  }
  return [...new Set(out)].sort();
}

function discoverTestFiles(dir, out, inTestDir) {
  let names;
  try { names = require('fs').readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of names) {
    const p = dir + '/' + d.name;
    if (d.isDirectory()) {
      if (d.name !== 'node_modules') discoverTestFiles(p, out, inTestDir || d.name === 'test');
    } else if (/\.[cm]?js$/.test(d.name) && (inTestDir || /^test\.[cm]?js$|^test-.+\.[cm]?js$|[.\-_]test\.[cm]?js$/.test(d.name))) {
      out.push(p);
    }
  }
  return out;
}

// Under `gojs test`, what the file writes to stderr goes into the event lines on stdout as
// test:stderr events, so it keeps its place among the tests' output (as under node --test).
if (childMode && !portMode) {
  const err = process.stderr;
  const out = process.stdout;
  err.write = function write(chunk, encoding, cb) {
    if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
    const message = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
    out.write(JSON.stringify({ type: 'test:stderr', file: process.argv[1], message }) + '\n');
    if (typeof cb === 'function') process.nextTick(cb);
    return true;
  };
}

// In a run() worker, what the file writes to stdout and stderr travels as test:stdout and
// test:stderr events.
if (portMode) {
  const port = processPort();
  for (const [name, type] of [['stdout', 'test:stdout'], ['stderr', 'test:stderr']]) {
    const s = process[name];
    s.write = function write(chunk, encoding, cb) {
      if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      const message = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
      port.postMessage({ type, message });
      if (typeof cb === 'function') process.nextTick(cb);
      return true;
    };
  }
}

function run(options) {
  const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
  if (options === undefined) options = {};
  if (options === null || typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
  let files = options.files;
  if (files !== undefined && !Array.isArray(files)) throw new ERR_INVALID_ARG_TYPE('options.files', 'Array', files);
  let concurrency = options.concurrency;
  if (concurrency !== undefined && typeof concurrency !== 'number' && typeof concurrency !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('options.concurrency', ['boolean', 'number'], concurrency);
  }
  if (concurrency === true) concurrency = Math.max(require('os').availableParallelism() - 1, 1);
  else if (typeof concurrency !== 'number' || !(concurrency >= 1)) concurrency = 1;
  // only and testNamePatterns reach each file as the CLI flags would.
  const execArgv = ['--test-child-port'];
  if (options.only !== undefined && typeof options.only !== 'boolean') throw new ERR_INVALID_ARG_TYPE('options.only', 'boolean', options.only);
  if (options.only) execArgv.push('--test-only');
  if (options.testNamePatterns !== undefined) {
    const pats = Array.isArray(options.testNamePatterns) ? options.testNamePatterns : [options.testNamePatterns];
    pats.forEach((p, i) => {
      if (typeof p === 'string') execArgv.push('--test-name-pattern=' + p);
      else if (p instanceof RegExp) execArgv.push('--test-name-pattern=' + String(p));
      else throw new ERR_INVALID_ARG_TYPE(`options.testNamePatterns[${i}]`, ['string', 'RegExp'], p);
    });
  }
  // Coverage (the parent runs with --experimental-test-coverage): each file's runtime reports
  // its script coverage, merged with this runtime's own into one test:coverage at the end.
  const covLists = binding.coverageOn ? [] : undefined;
  if (covLists) execArgv.push('--experimental-test-coverage');
  if (options.setup !== undefined && typeof options.setup !== 'function') throw new ERR_INVALID_ARG_TYPE('options.setup', 'function', options.setup);
  const { validateObject, validateInteger, validateNumber, validateBoolean, validateAbortSignal } = require('internal/validators');
  const { shard, timeout, forceExit, signal } = options;
  if (shard !== undefined) {
    validateObject(shard, 'options.shard');
    validateInteger(shard.total, 'options.shard.total', 1);
    validateInteger(shard.index, 'options.shard.index', 1, shard.total);
  }
  if (timeout != null) validateNumber(timeout, 'options.timeout', 0, 2147483647);
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  if (forceExit !== undefined) validateBoolean(forceExit, 'options.forceExit');
  if (forceExit) execArgv.push('--test-force-exit');
  const stream = new (testsStreamClass())();
  if (options.setup) options.setup(stream);
  if (childMode) {
    // (a test file's own run() runs no files: the stream ends without events)
    process.emitWarning('node:test run() is being called recursively within a test file. skipping running files.');
    process.nextTick(() => stream.push(null));
    return stream;
  }
  const path = require('path');
  if (files === undefined) files = defaultTestFiles();
  files = files.map((f) => String(f));
  // events name a file as it was given, locations give its absolute path
  const names = new Map(files.map((f) => [path.resolve(f), f]));
  files = files.map((f) => path.resolve(f));
  // node's split: the file at index i runs in shard i % total + 1
  if (shard !== undefined) files = files.filter((_, i) => i % shard.total === shard.index - 1);
  // a signal aborted before the run: as node's, the first file is cancelled and the run ends
  // with it (the others are never reported)
  if (signal !== undefined && signal.aborted) files = files.slice(0, 1);
  const totals = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0, duration_ms: 0 };
  const start = now();
  let number = 0;
  // Node's TestsStream also emits each event by its type ('test:pass', 'test:coverage', ...).
  const push = (ev) => { stream.emit(ev.type, ev.data); stream.push(ev); };
  // The events of file i's tests wait in held[i] until the files before it have finished.
  const held = files.map(() => []);
  const finished = files.map(() => false);
  let reportingFile = 0;
  const report = (i, ev) => {
    if (i !== reportingFile) { held[i].push(ev); return; }
    if (ev.type === 'test:pass' || ev.type === 'test:fail') {
      // (the test node makes of a file, reported when the file failed outside its tests or had
      // none, is numbered as the file is among the files)
      if (ev.data.nesting === 0) ev.data.testNumber = ++number;
      if (fileTests.has(ev)) ev.data.testNumber = i + 1;
    }
    push(ev);
  };
  const fileTests = new WeakSet();
  const fileResult = (type, i, extra) => {
    const ev = fileEvent(type, i, extra);
    fileTests.add(ev);
    return ev;
  };
  const advance = () => {
    while (reportingFile < files.length && finished[reportingFile]) {
      reportingFile++;
      if (reportingFile < files.length) for (const ev of held[reportingFile].splice(0)) report(reportingFile, ev);
    }
  };
  const fileEvent = (type, i, extra) => nodeEvent(Object.assign({ type, nesting: 0, name: names.get(files[i]) ?? files[i], location: files[i] + ':1:1' }, extra));
  const runFile = (i) => new Promise((resolve) => {
    const file = files[i];
    const fileStart = now();
    push(fileEvent('test:dequeue', i));
    while (enqueued < files.length) push(fileEvent('test:enqueue', enqueued++));
    const { Worker } = require('worker_threads');
    let failed = false;
    let failedOutside;
    let timer;
    let timedOut = false;
    // (the run's signal aborted while the file ran, or before it began: node cancels it with
    // the signal's reason as its error)
    let abortedBy;
    let exitCode = 0;
    let killedBy = null; // (the signal that ended the file's worker, as node's child process)
    let ranTests = false;
    let failedTests = false;
    // what the test node makes of the file reports, after its test:complete (as node's Test#run
    // completes the test before its parent reports it)
    const fileReports = [];
    let fileError;
    // (what the file's results count, for a file whose process ended before its node:test
    // summed up: node's runner counts the results it received)
    const received = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
    let summed = false;
    let done = false;
    const finish = () => {
      // (an aborted file ends at once, before its worker has stopped)
      if (done) return;
      done = true;
      if (timer !== undefined) clearTimeout(timer);
      aborters.delete(i);
      if (!summed) for (const k of Object.keys(received)) totals[k] += received[k];
      if (abortedBy !== undefined) {
        failed = true;
        totals.tests++; totals.cancelled++;
        fileError = wrapError(abortedBy.reason, 'testAborted');
        fileReports.push(fileEvent('test:start', i), fileResult('test:fail', i, { details: { duration_ms: since(fileStart), error: fileError } }));
      } else if (timedOut) {
        // the file is cancelled as node cancels its process: one more test, cancelled
        failed = true;
        totals.tests++; totals.cancelled++;
        const msg = `test timed out after ${timeout}ms`;
        const error = { failureType: 'testTimeoutFailure', message: msg, code: 'ERR_TEST_FAILURE', inspected: `'${msg}'`,
          junit: `[Error [ERR_TEST_FAILURE]: ${msg}] { code: 'ERR_TEST_FAILURE', failureType: 'testTimeoutFailure', cause: '${msg}' }` };
        fileError = error;
        fileReports.push(fileEvent('test:start', i), fileResult('test:fail', i, { details: { duration_ms: since(fileStart), error } }));
      } else if (failedOutside === undefined && !failed && exitCode) {
        // the file's process failed outside any test (process.exitCode, process.exit(n))
        failed = true;
        totals.tests++; totals.fail++;
        // (a file ended by a signal has no exit code)
        const error = { failureType: 'testCodeFailure', message: 'test failed', code: 'ERR_TEST_FAILURE', exitCode: killedBy ? null : exitCode, signal: killedBy, inspected: "'test failed'",
          junit: `[Error: test failed] { code: 'ERR_TEST_FAILURE', failureType: 'testCodeFailure', cause: 'test failed', exitCode: ${killedBy ? 'null' : exitCode}, signal: ${killedBy ? `'${killedBy}'` : 'null'} }` };
        fileError = error;
        fileReports.push(fileEvent('test:start', i), fileResult('test:fail', i, { details: { duration_ms: since(fileStart), error } }));
      } else if (failedOutside !== undefined) {
        failed = true;
        totals.tests++; totals.fail++;
        const error = wrapError(failedOutside, 'testCodeFailure');
        fileError = error;
        fileReports.push(fileEvent('test:start', i), fileResult('test:fail', i, { details: { duration_ms: since(fileStart), error } }));
      }
      if (!failed && !ranTests) {
        // a file without tests passes as a test of its own, named after it
        totals.tests++; totals.pass++;
        fileReports.push(fileEvent('test:start', i), fileResult('test:pass', i, { details: { duration_ms: since(fileStart) } }));
      }
      // (as node's runner: a file whose tests failed failed with subtestsFailed, with its exit code)
      if (failed && fileError === undefined) {
        fileError = { failureType: failedTests ? 'subtestsFailed' : 'testCodeFailure', message: 'test failed', code: 'ERR_TEST_FAILURE',
          exitCode: killedBy ? null : exitCode || 1, signal: killedBy, inspected: 'Error [ERR_TEST_FAILURE]: test failed' };
      }
      push(fileEvent('test:complete', i, { testNumber: i + 1, failed, details: { duration_ms: since(fileStart), error: fileError } }));
      for (const ev of fileReports) report(i, ev);
      finished[i] = true;
      advance();
      resolve();
    };
    if (signal !== undefined && signal.aborted) {
      abortedBy = abortReason(signal);
      finish();
      return;
    }
    let w;
    try {
      // (each file sees NODE_TEST_CONTEXT=child-v8, as node's runner sets in its children: a
      // file that calls run() itself when it is not set does not run itself again)
      // A file's worker stands for node's child process: a signal it sends itself ends it alone.
      w = new Worker(file, { execArgv, env: Object.assign({}, process.env, { NODE_TEST_CONTEXT: 'child-v8' }), stdout: true, stderr: true,
        [Symbol.for('gojs.worker.ownProcess')]: (sig) => { killedBy = sig; } });
    } catch (e) {
      failedOutside = e;
      finish();
      return;
    }
    // (a file that does not load node:test writes to the worker's own stdio: its output is
    // reported all the same)
    for (const [name, type] of [['stdout', 'test:stdout'], ['stderr', 'test:stderr']]) {
      w[name].setEncoding('utf8');
      w[name].on('data', (message) => report(i, nodeEvent({ type, message, file: names.get(file) ?? file })));
    }
    w.on('message', (ev) => {
      if (!ev || typeof ev.type !== 'string') return;
      if (ev.nesting === 0 && (ev.type === 'test:pass' || ev.type === 'test:fail')) ranTests = true;
      if (ev.nesting === 0 && ev.type === 'test:fail') failedTests = true;
      if (ev.type === 'test:pass' || ev.type === 'test:fail') countResult(received, ev);
      if (ev.type === 'test:summary') {
        summed = true;
        for (const k of Object.keys(totals)) if (k !== 'duration_ms') totals[k] += ev.counts[k] || 0;
        if (ev.counts.fail || ev.counts.cancelled || ev.success === false) failed = true;
        return;
      }
      if (ev.type === 'test:coverage-raw') { if (covLists) covLists.push(ev.scripts); return; }
      // one plan for all files, at the end (as node's runner, a file's own plan that came before
      // any top-level test of it is passed on: hooks alone give 1..0)
      if (ev.type === 'test:plan' && ev.nesting === 0 && ranTests) return;
      if (ev.type === 'test:stdout' || ev.type === 'test:stderr') ev = Object.assign({}, ev, { file: names.get(file) ?? file }); // (the path as given)
      const nev = nodeEvent(ev);
      if (nev.data.file === undefined && ev.type !== 'test:stdout' && ev.type !== 'test:stderr') nev.data.file = file;
      report(i, nev);
    });
    w.on('error', (e) => { failedOutside = e; });
    w.on('exit', (code) => { exitCode = code; finish(); });
    if (timeout != null && timeout !== Infinity) {
      timer = setTimeout(() => { timedOut = true; w.terminate(); }, timeout);
    }
    if (signal !== undefined) {
      aborters.set(i, () => {
        if (timedOut) return;
        abortedBy = abortReason(signal);
        w.terminate();
        finish();
      });
    }
  });
  // abortReason is the reason of the aborted signal, marked as node's test marks it (the error
  // the file is cancelled with is the reason itself).
  const abortReason = (sig) => {
    const reason = sig.reason;
    if (reason !== null && typeof reason === 'object') reason.failureType = 'testAborted';
    return { reason };
  };
  // countResult counts a file's test:pass or test:fail event as node's runner counts them.
  const countResult = (counts, ev) => {
    const d = ev.details || {};
    if (d.type === 'suite') { counts.suites++; return; }
    counts.tests++;
    const ft = d.error && d.error.failureType;
    if (ev.skip !== undefined) counts.skipped++;
    else if (ev.todo !== undefined) counts.todo++;
    else if (ft === 'testTimeoutFailure' || ft === 'cancelledByParent') counts.cancelled++;
    else if (ev.type === 'test:fail') counts.fail++;
    else counts.pass++;
  };
  // As node's root test when the signal aborts: the running files are cancelled (in the
  // microtasks after the abort, as node's tests cancel), in order, then the files still
  // waiting, each as it is started.
  const aborters = new Map();
  if (signal !== undefined && !signal.aborted) {
    signal.addEventListener('abort', () => queueMicrotask(() => {
      for (const i of [...aborters.keys()].sort((a, b) => a - b)) aborters.get(i)?.();
      pump();
    }), { once: true });
  }
  let next = 0;
  let running = 0;
  let doneFiles = 0;
  const end = () => {
    push(nodeEvent({ type: 'test:plan', nesting: 0, count: number }));
    totals.duration_ms = since(start);
    for (const k of Object.keys(totals)) push(nodeEvent({ type: 'test:diagnostic', nesting: 0, message: `${k} ${totals[k]}` }));
    if (covLists) {
      const summary = binding.coverageSummary([JSON.parse(binding.coverage()), ...covLists], process.cwd());
      push(nodeEvent({ type: 'test:coverage', nesting: 0, summary }));
    }
    stream.push(null);
  };
  let enqueued = 0;
  const pump = () => {
    while ((running < concurrency || (signal !== undefined && signal.aborted)) && next < files.length) {
      const i = next++;
      running++;
      // Every file is enqueued up front; the first one waiting is dequeued as a slot frees up.
      if (i === enqueued) push(fileEvent('test:enqueue', enqueued++));
      runFile(i).then(() => {
        running--;
        if (++doneFiles === files.length) end();
        else pump();
      });
    }
  };
  // Start on the next turn, so the caller can attach its listeners first.
  process.nextTick(() => { if (files.length === 0) end(); else pump(); });
  return stream;
}

// (in node's order: skip, todo and only, the harness's, then lib/test.js's own)
module.exports = test;
Object.assign(test, {
  after: hook('after'),
  afterEach: hook('afterEach'),
  before: hook('before'),
  beforeEach: hook('beforeEach'),
  describe,
  it: test,
  run,
  suite: describe,
  test,
});
Object.defineProperty(test, 'mock', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return mock; },
});
// (`gojs test`'s report, under a key of its own: no property node's test function has)
Object.defineProperty(test, Symbol.for('gojs.test.report'), { __proto__: null, value: report });
