'use strict';
// node:test. Tests form a tree under a root; top-level tests start on the next turn of the loop
// and run one after another. Each finished test emits an event ({ type, nesting, name, ... })
// that a reporter turns into text. Under `gojs test` (--test-child in execArgv) the events are
// written as JSON lines for the CLI, which merges the files and reports once.

const assert = require('assert');

const argv = process.execArgv || [];
function flagValue(name) {
  let v;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith(name + '=')) v = a.slice(name.length + 1);
    else if (a === name && i + 1 < argv.length) v = argv[i + 1];
  }
  return v;
}
// --test-child: a file run by `gojs test` (events as JSON lines on stdout); --test-child-port: a
// file run by run() in a worker (events posted to the parent).
const portMode = argv.includes('--test-child-port');
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

function now() { return Number(process.hrtime.bigint()) / 1e6; }

// ---- events and reporters ------------------------------------------------------------------------

const events = [];
function emit(ev) {
  if (portMode) require('worker_threads').parentPort.postMessage(ev);
  else if (childMode) process.stdout.write(JSON.stringify(ev) + '\n');
  else events.push(ev);
}

function yamlString(s, indent) {
  const lines = String(s).split('\n');
  return '|-\n' + lines.map((l) => indent + '    ' + l).join('\n');
}
function inspectValue(v) {
  if (typeof v === 'string') return `'${v}'`;
  if (v === undefined) return 'undefined';
  try { return require('util').inspect(v); } catch { return String(v); }
}

function tapReport(evs) {
  const out = ['TAP version 13'];
  for (const ev of evs) {
    const ind = '    '.repeat(ev.nesting);
    switch (ev.type) {
      case 'test:start':
        out.push(`${ind}# Subtest: ${ev.name}`);
        break;
      case 'test:pass':
      case 'test:fail': {
        let line = `${ind}${ev.type === 'test:pass' ? 'ok' : 'not ok'} ${ev.testNumber} - ${ev.name}`;
        if (ev.skip !== undefined) line += ' # SKIP' + (typeof ev.skip === 'string' && ev.skip ? ' ' + ev.skip : '');
        if (ev.todo !== undefined) line += ' # TODO' + (typeof ev.todo === 'string' && ev.todo ? ' ' + ev.todo : '');
        out.push(line);
        out.push(`${ind}  ---`);
        out.push(`${ind}  duration_ms: ${ev.details.duration_ms}`);
        if (ev.details.type) out.push(`${ind}  type: '${ev.details.type}'`);
        const e = ev.details.error;
        if (e) {
          if (ev.location) out.push(`${ind}  location: '${ev.location}'`);
          out.push(`${ind}  failureType: '${e.failureType}'`);
          if (e.exitCode !== undefined) {
            out.push(`${ind}  exitCode: ${e.exitCode}`);
            out.push(`${ind}  signal: ~`);
          }
          out.push(`${ind}  error: ${e.message.includes('\n') ? yamlString(e.message, ind) : `'${e.message}'`}`);
          if (e.code) out.push(`${ind}  code: '${e.code}'`);
          if (e.name) out.push(`${ind}  name: '${e.name}'`);
          if (e.hasAssert) {
            out.push(`${ind}  expected: ${e.expected}`);
            out.push(`${ind}  actual: ${e.actual}`);
            out.push(`${ind}  operator: '${e.operator}'`);
          }
          if (e.stack) out.push(`${ind}  stack: ${yamlString(e.stack, ind)}`);
        }
        out.push(`${ind}  ...`);
        break;
      }
      case 'test:plan':
        out.push(`${ind}1..${ev.count}`);
        break;
      case 'test:diagnostic':
        out.push(`${ind}# ${ev.message}`);
        break;
    }
  }
  return out.join('\n') + '\n';
}

function specReport(evs) {
  const out = [];
  const diags = [];
  const failures = [];
  const stack = [];
  for (const ev of evs) {
    const ind = '  '.repeat(ev.nesting);
    if (ev.type === 'test:start') {
      stack.length = ev.nesting;
      stack[ev.nesting] = { name: ev.name, printed: false };
    } else if (ev.type === 'test:pass' || ev.type === 'test:fail') {
      for (let k = 0; k < ev.nesting && k < stack.length; k++) {
        if (stack[k] && !stack[k].printed) {
          out.push(`${'  '.repeat(k)}▶ ${stack[k].name}`);
          stack[k].printed = true;
        }
      }
      stack.length = ev.nesting;
      const dur = ` (${ev.details.duration_ms}ms)`;
      let mark = ev.type === 'test:pass' ? '✔' : '✖';
      if (ev.skip !== undefined) mark = '﹣';
      let line = `${ind}${mark} ${ev.name}${dur}`;
      if (ev.skip !== undefined) line += ' # SKIP';
      if (ev.todo !== undefined) line += ' # TODO';
      out.push(line);
      if (ev.type === 'test:fail' && ev.details.error && !ev.details.error.subtests) {
        out.push(ev.details.error.inspected.split('\n').map((l) => ind + '  ' + l).join('\n'));
        out.push('');
        failures.push(ev);
      }
    } else if (ev.type === 'test:diagnostic') {
      diags.push(ev);
    }
  }
  for (const d of diags) out.push(`ℹ ${d.message}`);
  if (failures.length) {
    out.push('');
    out.push('✖ failing tests:');
    out.push('');
    for (const f of failures) {
      out.push(`test at ${f.location}`);
      out.push(`✖ ${f.name} (${f.details.duration_ms}ms)`);
      out.push(f.details.error.inspected.split('\n').map((l) => '  ' + l).join('\n'));
      out.push('');
    }
    out.pop();
  }
  return out.join('\n') + '\n';
}

function dotReport(evs) {
  let s = '';
  let fails = false;
  for (const ev of evs) {
    if (ev.type === 'test:pass') s += '.';
    else if (ev.type === 'test:fail') { s += 'X'; fails = true; }
  }
  return s + '\n' + (fails ? '' : '');
}

function xmlEscape(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function junitReport(evs, counts) {
  // Rebuild the tree: a test:start opens a node, its pass/fail closes it.
  const rootNode = { children: [] };
  const stack = [rootNode];
  for (const ev of evs) {
    if (ev.type === 'test:start') {
      const n = { name: ev.name, children: [], ev: undefined };
      stack[stack.length - 1].children.push(n);
      stack.push(n);
    } else if (ev.type === 'test:pass' || ev.type === 'test:fail') {
      if (stack.length > 1) stack.pop().ev = ev;
    } else if (ev.type === 'test:diagnostic') {
      stack[stack.length - 1].children.push({ comment: ev.message });
    }
  }
  let hostname = 'localhost';
  try { hostname = require('os').hostname(); } catch {}
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<testsuites>'];
  function walk(n, depth) {
    const ind = '\t'.repeat(depth);
    if (n.comment !== undefined) { out.push(`${ind}<!-- ${xmlEscape(n.comment)} -->`); return; }
    const ev = n.ev || { details: { duration_ms: 0 } };
    const time = (ev.details.duration_ms / 1000).toFixed(6);
    if (n.children.some((c) => c.comment === undefined)) {
      const leaves = n.children.filter((c) => c.comment === undefined);
      const failures = leaves.filter((c) => c.ev && c.ev.type === 'test:fail').length;
      const skipped = leaves.filter((c) => c.ev && (c.ev.skip !== undefined || c.ev.todo !== undefined)).length;
      out.push(`${ind}<testsuite name="${xmlEscape(n.name)}" time="${time}" disabled="0" errors="0" tests="${leaves.length}" failures="${failures}" skipped="${skipped}" hostname="${xmlEscape(hostname)}">`);
      for (const c of n.children) walk(c, depth + 1);
      out.push(`${ind}</testsuite>`);
      return;
    }
    const attrs = `name="${xmlEscape(n.name)}" time="${time}" classname="test"`;
    if (ev.type === 'test:fail' && ev.details.error) {
      const msg = xmlEscape(ev.details.error.message.replace(/\n/g, ''));
      out.push(`${ind}<testcase ${attrs} failure="${msg}">`);
      out.push(`${ind}\t<failure type="${ev.details.error.failureType}" message="${msg}">`);
      out.push(xmlEscape(ev.details.error.inspected));
      out.push(`${ind}\t</failure>`);
      out.push(`${ind}</testcase>`);
    } else if (ev.skip !== undefined || ev.todo !== undefined) {
      const type = ev.skip !== undefined ? 'skipped' : 'todo';
      const m = ev.skip !== undefined ? ev.skip : ev.todo;
      out.push(`${ind}<testcase ${attrs}>`);
      out.push(`${ind}\t<skipped type="${type}" message="${xmlEscape(m === '' ? true : m)}"/>`);
      out.push(`${ind}</testcase>`);
    } else {
      out.push(`${ind}<testcase ${attrs}/>`);
    }
  }
  for (const c of rootNode.children) walk(c, 1);
  for (const k of ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo', 'duration_ms']) {
    out.push(`\t<!-- ${k} ${counts[k]} -->`);
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

function summaryLines(counts, reporter) {
  const keys = ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo', 'duration_ms'];
  const prefix = reporter === 'tap' ? '# ' : 'ℹ ';
  return keys.map((k) => `${prefix}${k} ${counts[k]}`);
}

function report(evs, reporter, counts) {
  if (reporter === 'dot') return dotReport(evs);
  if (reporter === 'junit') return junitReport(evs, counts);
  if (reporter === 'spec') {
    const body = specReport(evs);
    const summary = summaryLines(counts, 'spec').join('\n') + '\n';
    const i = body.indexOf('\n✖ failing tests:');
    return i === -1 ? body + summary : body.slice(0, i + 1) + summary + body.slice(i + 1);
  }
  const base = tapReport(evs);
  return base + summaryLines(counts, 'tap').join('\n') + '\n';
}

// ---- tests ---------------------------------------------------------------------------------------

let hasOnly = false;

function callerLocation() {
  const st = new Error().stack.split('\n');
  for (let i = 1; i < st.length; i++) {
    const m = /\(?((?:\/|file:)[^\s()]+?):(\d+):(\d+)(?:\(\d+\))?\)?\s*$/.exec(st[i]);
    if (m && !m[1].startsWith('node:')) return `${m[1]}:${m[2]}:${calleeColumn(m[1], +m[2], +m[3])}`;
  }
  return undefined;
}

// calleeColumn turns goja's call position (the '(') into V8's (the start of the called name).
const fileLines = new Map();
function calleeColumn(file, line, col) {
  let lines = fileLines.get(file);
  if (lines === undefined) {
    try { lines = require('fs').readFileSync(file.startsWith('file:') ? new URL(file) : file, 'utf8').split('\n'); } catch { lines = null; }
    fileLines.set(file, lines);
  }
  const text = lines && lines[line - 1];
  // In a transformed ES module the call maps to just after the '('.
  if (text && text[col - 1] !== '(' && text[col - 2] === '(') col--;
  if (!text || text[col - 1] !== '(') return col;
  let i = col - 1;
  while (i > 0 && /[\w$]/.test(text[i - 1])) i--;
  return i + 1;
}

class Test {
  constructor(name, options, fn, parent, suite) {
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
    this.plan = options.plan;
    this.assertCount = 0;
    this.diagnostics = [];
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.error = undefined;
    this.location = callerLocation();
    this.finished = false;
    this.number = 0;
    this.mockTracker = undefined;
    if (this.skip === false) this.skip = undefined;
    if (this.todo === false) this.todo = undefined;
    if (this.skip === true) this.skip = '';
    if (this.todo === true) this.todo = '';
  }

  fullName() {
    return this.parent && this.parent.parent ? this.parent.fullName() + ' ' + this.name : this.name;
  }

  // filterReason is why the runner skips this test (--test-only, --test-name-pattern).
  filterReason() {
    if (onlyMode && !this.only && !this.suite && !(this.parent && this.parent.onlyInside)) return '\'only\' option not set';
    if (namePatterns.length && !this.suite) {
      const n = this.fullName();
      if (!namePatterns.some((re) => re.test(n))) return 'test name does not match pattern';
    }
    return undefined;
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
  if (options === undefined || options === null) options = {};
  if (name === undefined) name = (fn && fn.name) || '<anonymous>';
  return { name: String(name), options, fn };
}

function scheduleRoot() {
  if (started) return;
  started = true;
  setImmediate(() => {
    runChildren(root).then(finishRoot, (e) => { process.nextTick(() => { throw e; }); });
  });
}

let rootDone = false;
function finishRoot() {
  if (rootDone) return;
  rootDone = true;
  if (hasOnly && !onlyMode) {
    emit({ type: 'test:diagnostic', nesting: 0, message: "'only' and 'runOnly' require the --test-only command-line option." });
  }
  emit({ type: 'test:plan', nesting: 0, count: root.subtests.length });
  counts.duration_ms = now() - startTime;
  if (childMode) {
    emit({ type: 'test:summary', counts });
  } else {
    const reporter = flagValue('--test-reporter') || (process.stdout.isTTY ? 'spec' : 'tap');
    const evs = events.slice();
    for (const d of rootDiagnostics) evs.push(d);
    const text = report(evs, reporter, counts);
    const dest = flagValue('--test-reporter-destination');
    if (dest === undefined || dest === 'stdout') process.stdout.write(text);
    else if (dest === 'stderr') process.stderr.write(text);
    else require('fs').writeFileSync(dest, text);
  }
  if (counts.fail > 0 || counts.cancelled > 0) process.exitCode = 1;
}
const rootDiagnostics = [];

function defineTest(name, options, fn, extra) {
  const a = parseArgs(name, options, fn);
  const opts = Object.assign({}, a.options, extra);
  const parent = current;
  const t = new Test(a.name, opts, a.fn, parent, false);
  if (t.only) hasOnly = true;
  parent.subtests.push(t);
  if (parent === root) scheduleRoot();
  return new Promise((resolve) => { t.resolveDone = resolve; });
}

function defineSuite(name, options, fn, extra) {
  const a = parseArgs(name, options, fn);
  const opts = Object.assign({}, a.options, extra);
  const parent = current;
  const s = new Test(a.name, opts, a.fn, parent, true);
  if (s.only) { hasOnly = true; s.onlyInside = true; }
  if (parent.onlyInside) s.onlyInside = true;
  parent.subtests.push(s);
  if (parent === root) scheduleRoot();
  if (typeof a.fn === 'function' && s.skip === undefined) {
    current = s;
    try {
      const r = a.fn.call(s, s);
      if (r && typeof r.then === 'function') r.then(null, (e) => { s.error = s.error || wrapError(e, 'testCodeFailure'); });
    } catch (e) {
      s.error = wrapError(e, 'testCodeFailure');
    } finally {
      current = parent;
    }
  }
  return Promise.resolve();
}

function wrapError(e, failureType) {
  const isObj = e !== null && typeof e === 'object';
  const info = {
    failureType,
    message: isObj && typeof e.message === 'string' ? e.message : String(e),
    code: isObj ? e.code : undefined,
    name: isObj ? e.name : undefined,
    hasAssert: isObj && 'operator' in e && 'expected' in e,
    stack: undefined,
    inspected: '',
  };
  if (info.hasAssert) {
    info.expected = inspectValue(e.expected);
    info.actual = inspectValue(e.actual);
    info.operator = e.operator;
  }
  if (isObj && typeof e.stack === 'string') {
    info.stack = e.stack.split('\n').filter((l) => /^\s+at /.test(l)).map((l) => l.replace(/^\s*at /, '')).join('\n');
  }
  try { info.inspected = require('util').inspect(e); } catch { info.inspected = String(e); }
  return info;
}

function runHooks(list, ctx) {
  let p = Promise.resolve();
  for (const h of list) p = p.then(() => h.fn.call(ctx, ctx));
  return p;
}

function collectEach(t, kind) {
  const chain = [];
  for (let s = t.parent; s; s = s.parent) chain.unshift(...s.hooks[kind]);
  return kind === 'afterEach' ? chain.reverse() : chain;
}

function runChildren(parent) {
  let p = Promise.resolve();
  let n = 0;
  for (const t of parent.subtests) {
    p = p.then(() => { t.number = ++n; return runTest(t); });
  }
  return p;
}

function withTimeout(promise, ms, t) {
  if (ms === undefined || ms === Infinity) return promise;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      const err = new Error(`test timed out after ${ms}ms`);
      err.failureType = 'testTimeoutFailure';
      reject(err);
    }, ms);
    if (timer && timer.unref) timer.unref();
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

function runTest(t) {
  const reason = t.skip === undefined ? t.filterReason() : undefined;
  if (reason !== undefined) t.skip = reason;
  const start = now();
  if (rootDone) return Promise.resolve();
  t.startEmitted = true;
  emit({ type: 'test:start', nesting: t.nesting, name: t.name, suite: t.suite, location: t.location });
  const ctx = t.suite ? t : new TestContext(t);
  let p;
  if (t.skip !== undefined || (t.todo !== undefined && typeof t.fn !== 'function')) {
    p = Promise.resolve();
  } else if (t.suite) {
    p = runHooks(t.hooks.before, ctx)
      .then(() => runChildren(t))
      .then(() => runHooks(t.hooks.after, ctx));
    if (t.error) p = p.then(() => { throw t.error; });
  } else {
    p = runHooks(collectEach(t, 'beforeEach'), ctx).then(() => {
      if (typeof t.fn !== 'function') return undefined;
      if (t.fn.length >= 2) {
        return new Promise((resolve, reject) => {
          t.fn.call(ctx, ctx, (err) => (err ? reject(err) : resolve()));
        });
      }
      return t.fn.call(ctx, ctx);
    });
    p = withTimeout(Promise.resolve(p), t.timeout, t)
      .then(() => t.subChain)
      .then(() => runHooks(collectEach(t, 'afterEach'), ctx))
      .then(() => {
        if (t.plan !== undefined && t.plan !== t.assertCount + t.subtests.length) {
          const e = new Error(`plan expected ${t.plan} assertions but received ${t.assertCount + t.subtests.length}`);
          e.failureType = 'testCodeFailure';
          throw e;
        }
      })
      .then(() => runHooks(t.hooks.after, ctx));
  }
  return p.then(() => null, (e) => e).then((e) => {
    if (t.reported || rootDone) return;
    t.reported = true;
    if (t.controller) t.controller.abort();
    if (t.mockTracker) t.mockTracker.reset();
    const duration = now() - start;
    let failed = false;
    let error;
    if (e) {
      failed = true;
      error = e.failureType && e.message !== undefined && e.inspected !== undefined ? e : wrapError(e, (e && e.failureType) || 'testCodeFailure');
    } else if (t.suite && t.subtests.some((s) => s.failed)) {
      failed = true;
      const n = t.subtests.filter((s) => s.failed).length;
      error = { failureType: 'subtestsFailed', message: `${n} subtest${n === 1 ? '' : 's'} failed`, subtests: true, inspected: '' };
    } else if (!t.suite && t.subtests.some((s) => s.failed)) {
      failed = true;
      const n = t.subtests.filter((s) => s.failed).length;
      error = { failureType: 'subtestsFailed', message: `${n} subtest${n === 1 ? '' : 's'} failed`, subtests: true, inspected: '' };
    }
    if (t.todo !== undefined) failed = false;
    t.failed = failed;
    const reported = t.subtests.filter((s) => !s.skipReport);
    if (reported.length) emit({ type: 'test:plan', nesting: t.nesting + 1, count: reported.length });
    const ev = {
      type: failed ? 'test:fail' : 'test:pass',
      nesting: t.nesting,
      name: t.name,
      testNumber: t.number,
      details: { duration_ms: duration, type: t.suite ? 'suite' : undefined, error: failed ? error : (t.todo !== undefined && e ? wrapError(e, 'testCodeFailure') : undefined) },
      skip: t.skip,
      todo: t.todo,
      location: t.location,
    };
    if (!ev.details.error) delete ev.details.error;
    emit(ev);
    for (const d of t.diagnostics) emit({ type: 'test:diagnostic', nesting: t.nesting, message: d });
    if (t.suite) counts.suites++;
    else {
      counts.tests++;
      if (t.skip !== undefined) counts.skipped++;
      else if (t.todo !== undefined) counts.todo++;
      else if (failed && (error.failureType === 'testTimeoutFailure' || error.failureType === 'cancelledByParent')) counts.cancelled++;
      else if (failed) counts.fail++;
      else counts.pass++;
    }
    if (t.suite && failed && !error.subtests) counts.fail++;
    if (t.resolveDone) t.resolveDone();
  });
}

class TestContext {
  constructor(test) {
    Object.defineProperty(this, '_test', { value: test });
    const ctx = this;
    const a = {};
    for (const k of Object.keys(assert)) {
      if (typeof assert[k] === 'function' && k !== 'AssertionError' && k !== 'CallTracker') {
        a[k] = function (...args) { test.assertCount++; return assert[k].apply(ctx, args); };
      }
    }
    this.assert = a;
  }
  get name() { return this._test.name; }
  get fullName() { return this._test.fullName(); }
  get signal() {
    // Aborted (with an AbortError) when the test ends, whether it passed, failed or timed out.
    const t = this._test;
    if (!t.controller) {
      t.controller = new AbortController();
      if (t.reported) t.controller.abort();
    }
    return t.controller.signal;
  }
  get mock() {
    if (!this._test.mockTracker) this._test.mockTracker = new MockTracker();
    return this._test.mockTracker;
  }
  diagnostic(msg) { this._test.diagnostics.push(String(msg)); }
  plan(n) { this._test.plan = n; }
  skip(msg) { this._test.skip = msg === undefined ? '' : String(msg); }
  todo(msg) { this._test.todo = msg === undefined ? '' : String(msg); }
  runOnly() {}
  before(fn) { this._test.hooks.before.push({ fn }); }
  after(fn) { this._test.hooks.after.push({ fn }); }
  beforeEach(fn) { this._test.hooks.beforeEach.push({ fn }); }
  afterEach(fn) { this._test.hooks.afterEach.push({ fn }); }
  test(name, options, fn) {
    const parent = this._test;
    const a = parseArgs(name, options, fn);
    const sub = new Test(a.name, a.options, a.fn, parent, false);
    parent.subtests.push(sub);
    sub.number = parent.subtests.length;
    const prev = parent.subChain || Promise.resolve();
    const run = prev.then(() => runTest(sub));
    parent.subChain = run;
    return run.then(() => undefined);
  }
}

// When the loop empties while tests are still pending (a promise that never settles), Node
// cancels them: they fail as cancelledByParent and the run is reported.
function cancelTest(t) {
  if (t.reported) return;
  t.reported = true;
  if (!t.startEmitted) emit({ type: 'test:start', nesting: t.nesting, name: t.name, suite: t.suite });
  for (const s of t.subtests) cancelTest(s);
  if (t.subtests.length) emit({ type: 'test:plan', nesting: t.nesting + 1, count: t.subtests.length });
  emit({
    type: 'test:fail', nesting: t.nesting, name: t.name, testNumber: t.number || (t.parent.subtests.indexOf(t) + 1),
    details: { duration_ms: 0, error: { failureType: 'cancelledByParent', message: 'Promise resolution is still pending but the event loop has already resolved', code: 'ERR_TEST_FAILURE', stack: 'process.emit (node:events:524:28)', inspected: 'Error [ERR_TEST_FAILURE]: Promise resolution is still pending but the event loop has already resolved' } },
    location: t.location,
  });
  if (t.suite) counts.suites++;
  else { counts.tests++; counts.cancelled++; }
  if (t.resolveDone) t.resolveDone();
}
process.on('beforeExit', () => {
  if (!started || rootDone) return;
  for (const t of root.subtests) cancelTest(t);
  finishRoot();
});

// ---- mocks ----------------------------------------------------------------------------------------

class MockFunctionContext {
  constructor(impl, original) {
    this.calls = [];
    this._impl = impl;
    this._original = original;
    this._once = new Map();
  }
  callCount() { return this.calls.length; }
  mockImplementation(fn) { this._impl = fn; }
  mockImplementationOnce(fn, onCall) { this._once.set(onCall === undefined ? this.calls.length : onCall, fn); }
  resetCalls() { this.calls = []; }
  restore() { if (this._restore) this._restore(); }
}

class MockTracker {
  constructor() { this._mocks = []; this._timers = undefined; }
  fn(original = function () {}, implementation = original, options = {}) {
    if (typeof implementation === 'object' && implementation !== null) { options = implementation; implementation = original; }
    const ctx = new MockFunctionContext(implementation, original);
    const times = options.times;
    const mockFn = function (...args) {
      const once = ctx._once.get(ctx.calls.length);
      let impl = once || ctx._impl;
      if (once) ctx._once.delete(ctx.calls.length);
      if (times !== undefined && ctx.calls.length >= times) impl = original;
      const call = { arguments: args, error: undefined, result: undefined, stack: new Error(), target: new.target, this: this };
      try {
        call.result = new.target ? Reflect.construct(impl, args, new.target) : impl.apply(this, args);
      } catch (e) {
        call.error = e;
        ctx.calls.push(call);
        throw e;
      }
      ctx.calls.push(call);
      return call.result;
    };
    Object.defineProperty(mockFn, 'mock', { value: ctx, enumerable: false });
    Object.defineProperty(mockFn, 'name', { value: original.name });
    Object.defineProperty(mockFn, 'length', { value: original.length });
    this._mocks.push(ctx);
    return mockFn;
  }
  method(object, methodName, implementation, options) {
    const { codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } } = require('internal/errors');
    if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
      throw new ERR_INVALID_ARG_TYPE('object', 'object', object);
    }
    if (typeof methodName !== 'string' && typeof methodName !== 'symbol') {
      throw new ERR_INVALID_ARG_TYPE('methodName', ['string', 'symbol'], methodName);
    }
    if (implementation !== null && typeof implementation === 'object') { options = implementation; implementation = undefined; }
    if (options === undefined || options === null) options = {};
    if (typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    const getter = options.getter === undefined ? false : options.getter;
    const setter = options.setter === undefined ? false : options.setter;
    if (typeof getter !== 'boolean') throw new ERR_INVALID_ARG_TYPE('options.getter', 'boolean', getter);
    if (typeof setter !== 'boolean') throw new ERR_INVALID_ARG_TYPE('options.setter', 'boolean', setter);
    if (getter && setter) throw new ERR_INVALID_ARG_VALUE('options.setter', setter, "cannot be used with 'options.getter'");
    // The property may live on the prototype chain; the mock is an own property of object.
    let desc;
    for (let o = object; o !== null && o !== undefined && !desc; o = Object.getPrototypeOf(o)) {
      desc = Object.getOwnPropertyDescriptor(o, methodName);
    }
    const original = getter ? desc && desc.get : setter ? desc && desc.set : desc && desc.value;
    if (typeof original !== 'function') throw new ERR_INVALID_ARG_VALUE('methodName', original, 'must be a method');
    const m = this.fn(original, implementation === undefined ? original : implementation, options);
    const mocked = { configurable: desc.configurable, enumerable: desc.enumerable };
    if (getter) { mocked.get = m; mocked.set = desc.set; }
    else if (setter) { mocked.get = desc.get; mocked.set = m; }
    else { mocked.writable = desc.writable; mocked.value = m; }
    Object.defineProperty(object, methodName, mocked);
    m.mock._restore = () => { Object.defineProperty(object, methodName, desc); };
    return m;
  }
  getter(object, methodName, implementation, options) {
    return this._accessor('getter', object, methodName, implementation, options);
  }
  setter(object, methodName, implementation, options) {
    return this._accessor('setter', object, methodName, implementation, options);
  }
  _accessor(kind, object, methodName, implementation, options) {
    if (implementation !== null && typeof implementation === 'object') { options = implementation; implementation = undefined; }
    if (options === undefined || options === null) options = {};
    if (options[kind] === false) {
      const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_VALUE(`options.${kind}`, false, 'cannot be false');
    }
    return this.method(object, methodName, implementation, { ...options, [kind]: true });
  }
  get timers() {
    if (!this._timers) this._timers = new MockTimers();
    return this._timers;
  }
  reset() {
    for (const m of this._mocks) m.restore();
    this._mocks = [];
    if (this._timers) this._timers.reset();
  }
  restoreAll() { for (const m of this._mocks) m.restore(); }
}

// MockTimers replaces setTimeout/setInterval (and Date when asked) with a fake clock that only
// moves on tick() or runAll().
class MockTimers {
  constructor() { this._enabled = false; this._now = 0; this._queue = []; this._id = 1; }
  enable(options = {}) {
    if (this._enabled) return;
    this._enabled = true;
    const apis = Array.isArray(options) ? options : (options.apis || ['setTimeout', 'setInterval', 'setImmediate', 'Date']);
    this._now = options.now !== undefined ? Number(options.now) : 0;
    this._saved = {};
    const self = this;
    const install = (name, fn) => { this._saved[name] = globalThis[name]; globalThis[name] = fn; };
    if (apis.includes('setTimeout')) {
      install('setTimeout', (fn, ms, ...args) => self._add(fn, ms, args, false));
      install('clearTimeout', (id) => self._clear(id));
    }
    if (apis.includes('setInterval')) {
      install('setInterval', (fn, ms, ...args) => self._add(fn, ms, args, true));
      install('clearInterval', (id) => self._clear(id));
    }
    if (apis.includes('setImmediate')) {
      install('setImmediate', (fn, ...args) => self._add(fn, 0, args, false));
      install('clearImmediate', (id) => self._clear(id));
    }
    if (apis.includes('Date')) {
      const RealDate = Date;
      this._saved.Date = RealDate;
      function MockDate(...args) {
        if (!new.target) return new RealDate(self._now).toString();
        return args.length ? new RealDate(...args) : new RealDate(self._now);
      }
      MockDate.now = () => self._now;
      MockDate.parse = RealDate.parse;
      MockDate.UTC = RealDate.UTC;
      MockDate.prototype = RealDate.prototype;
      globalThis.Date = MockDate;
    }
  }
  _add(fn, ms, args, repeat) {
    ms = Math.max(1, Number(ms) || 0);
    const t = { id: this._id++, fn, args, at: this._now + ms, ms, repeat };
    this._queue.push(t);
    return { id: t.id, ref() { return this; }, unref() { return this; }, hasRef() { return true; }, refresh() { return this; }, [Symbol.toPrimitive]() { return t.id; } };
  }
  _clear(id) {
    const n = id && typeof id === 'object' ? id.id : id;
    this._queue = this._queue.filter((t) => t.id !== n);
  }
  tick(ms = 1) {
    const target = this._now + ms;
    for (;;) {
      this._queue.sort((a, b) => a.at - b.at || a.id - b.id);
      const t = this._queue[0];
      if (!t || t.at > target) break;
      this._now = t.at;
      if (t.repeat) t.at += t.ms; else this._queue.shift();
      t.fn(...t.args);
    }
    this._now = target;
  }
  runAll() {
    while (this._queue.length) {
      this._queue.sort((a, b) => a.at - b.at || a.id - b.id);
      this.tick(this._queue[0].at - this._now);
    }
  }
  setTime(ms) { this._now = ms; }
  reset() {
    if (!this._enabled) return;
    for (const k of Object.keys(this._saved)) globalThis[k] = this._saved[k];
    this._enabled = false;
    this._queue = [];
  }
  [Symbol.dispose]() { this.reset(); }
}

// ---- the API --------------------------------------------------------------------------------------

function test(name, options, fn) { return defineTest(name, options, fn); }
test.skip = (n, o, f) => defineTest(n, o, f, { skip: true });
test.todo = (n, o, f) => defineTest(n, o, f, { todo: true });
test.only = (n, o, f) => defineTest(n, o, f, { only: true });

function describe(name, options, fn) { return defineSuite(name, options, fn); }
describe.skip = (n, o, f) => defineSuite(n, o, f, { skip: true });
describe.todo = (n, o, f) => defineSuite(n, o, f, { todo: true });
describe.only = (n, o, f) => defineSuite(n, o, f, { only: true });

function hook(kind) {
  return function (fn, options) {
    current.hooks[kind].push({ fn, options });
  };
}

const mock = new MockTracker();

// ---- run() ------------------------------------------------------------------------------------------
// run({ files }) runs each file in its own worker (a runtime of its own, as `gojs test` does),
// one after another, and returns a TestsStream: an object-mode Readable of { type, data }
// events, top-level tests numbered across files, ending with the plan and the summary as
// diagnostics. Output a test file writes itself goes to stdout as it is (Node turns it into
// test:stdout events).

function discoverTestFiles(dir, out, inTestDir) {
  let names;
  try { names = require('fs').readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of names) {
    const p = dir + '/' + d.name;
    if (d.isDirectory()) {
      if (d.name !== 'node_modules' && d.name[0] !== '.') discoverTestFiles(p, out, inTestDir || d.name === 'test');
    } else if (/\.[cm]?js$/.test(d.name) && (inTestDir || /^test\.[cm]?js$|^test-.+\.[cm]?js$|[.\-_]test\.[cm]?js$/.test(d.name))) {
      out.push(p);
    }
  }
  return out;
}

let TestsStream;
function run(options) {
  const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
  if (options === undefined) options = {};
  if (options === null || typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
  let files = options.files;
  if (files !== undefined && !Array.isArray(files)) throw new ERR_INVALID_ARG_TYPE('options.files', 'Array', files);
  if (!TestsStream) {
    const { Readable } = require('stream');
    TestsStream = class TestsStream extends Readable {
      constructor() { super({ objectMode: true, highWaterMark: Number.MAX_SAFE_INTEGER }); }
      _read() {}
    };
  }
  const stream = new TestsStream();
  const path = require('path');
  if (files === undefined) files = discoverTestFiles(process.cwd(), [], false);
  files = files.map((f) => path.resolve(String(f)));
  const totals = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0, duration_ms: 0 };
  const start = now();
  let number = 0;
  const push = (type, data) => stream.push({ type, data });
  const runFile = (file) => new Promise((resolve) => {
    const { Worker } = require('worker_threads');
    let w;
    try {
      w = new Worker(file, { execArgv: ['--test-child-port'] });
    } catch (e) {
      totals.tests++; totals.fail++;
      push('test:fail', { name: file, nesting: 0, testNumber: ++number, details: { duration_ms: 0, error: wrapError(e, 'testCodeFailure') }, file });
      resolve();
      return;
    }
    let failedOutside;
    w.on('message', (ev) => {
      if (!ev || typeof ev.type !== 'string') return;
      if (ev.type === 'test:summary') {
        for (const k of Object.keys(totals)) if (k !== 'duration_ms') totals[k] += ev.counts[k] || 0;
        return;
      }
      if (ev.type === 'test:plan' && ev.nesting === 0) return; // one plan for all files, at the end
      const data = Object.assign({}, ev);
      delete data.type;
      if (ev.nesting === 0 && (ev.type === 'test:pass' || ev.type === 'test:fail')) data.testNumber = ++number;
      data.file = file;
      if (typeof ev.location === 'string') {
        const m = /^(.*):(\d+):(\d+)$/.exec(ev.location);
        if (m) { data.file = m[1]; data.line = +m[2]; data.column = +m[3]; }
      }
      delete data.location;
      push(ev.type, data);
    });
    w.on('error', (e) => { failedOutside = e; });
    w.on('exit', () => {
      if (failedOutside !== undefined) {
        totals.tests++; totals.fail++;
        push('test:start', { name: file, nesting: 0, file });
        push('test:fail', { name: file, nesting: 0, testNumber: ++number, details: { duration_ms: 0, error: wrapError(failedOutside, 'testCodeFailure') }, file });
      }
      resolve();
    });
  });
  let chain = Promise.resolve();
  for (const f of files) chain = chain.then(() => runFile(f));
  chain.then(() => {
    push('test:plan', { nesting: 0, count: number });
    totals.duration_ms = now() - start;
    for (const k of Object.keys(totals)) push('test:diagnostic', { nesting: 0, message: `${k} ${totals[k]}` });
    stream.push(null);
  });
  return stream;
}

module.exports = test;
test.test = test;
test.it = test;
test.describe = describe;
test.suite = describe;
test.before = hook('before');
test.after = hook('after');
test.beforeEach = hook('beforeEach');
test.afterEach = hook('afterEach');
test.mock = mock;
test.run = run;
Object.defineProperty(test, '__report', { value: report, enumerable: false });
