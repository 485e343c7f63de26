'use strict';
// node:test/reporters: spec, tap, dot, junit and lcov. Each reporter is a small state machine
// (event(ev) returns the text for one { type, data } event, end() the text after the last one).
// node:test drives the machines directly; the exports wrap them the way Node shapes them:
// tap, dot and junit are functions from an event source to an async iterable of strings (Node's
// async generators, written here with the iterator protocol), spec is a Transform class and lcov
// a Transform instance.

const kInfo = Symbol('kTestErrorInfo');
// errorInfos holds the description of a failure whose details.error is what the test failed
// with itself (an abort's reason), which carries no kInfo.
const errorInfos = new WeakMap();

function indent(n) { return '  '.repeat(n); }

// colors follow process.stderr as Node's reporters do (on only when it is a colour terminal).
function colors() {
  let on = false;
  try {
    const e = process.stderr;
    on = !!(e && e.isTTY && (typeof e.hasColors === 'function' ? e.hasColors() : true));
  } catch { on = false; }
  const c = (code) => (on ? `\u001b[${code}m` : '');
  return { green: c(32), red: c(31), white: c(39), gray: c(90), blue: c(34) };
}

// errorInfo is the serializable description node:test makes of a failure (message, inspected
// text, failureType, ...), found on a test:fail event's details.error.
function errorInfo(err) {
  if (err === undefined || err === null) return undefined;
  if (err[kInfo]) return err[kInfo];
  if (typeof err === 'object' && errorInfos.has(err)) return errorInfos.get(err);
  if (typeof err.inspected === 'string' && typeof err.failureType === 'string') return err;
  let inspected;
  const cause = err.code === 'ERR_TEST_FAILURE' && err.cause !== undefined ? err.cause : err;
  try { inspected = require('util').inspect(cause); } catch { inspected = String(cause); }
  return { failureType: err.failureType, message: String(err.message), code: err.code, inspected };
}

// ---- tap --------------------------------------------------------------------------------------

// As Node's: control characters first, then the backslashes (theirs included), then #.
function tapEscape(s) {
  return String(s).replace(/\x08/g, '\\b').replace(/\f/g, '\\f').replace(/\t/g, '\\t').replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r').replace(/\v/g, '\\v').replace(/\\/g, '\\\\').replace(/#/g, '\\#');
}

// yamlScalar is name: value as node's TAP reporter writes a primitive: ~ for null and undefined,
// a |- block for a string of several lines, else the value inspected.
function yamlScalar(indent, name, value) {
  if (value === null || value === undefined) return `${indent}${name}: ~`;
  if (typeof value === 'string') {
    const lines = value.split(/\r?\n/);
    if (lines.length > 1) return `${indent}${name}: |-\n` + lines.map((l) => `${indent}  ${l}`).join('\n');
  }
  return `${indent}${name}: ${require('util').inspect(value, { colors: false, breakLength: Infinity })}`;
}

function yamlBlock(s, ind) {
  return '|-\n' + String(s).split('\n').map((l) => ind + '    ' + l).join('\n');
}

function tapTest(data, ok) {
  const ind = '    '.repeat(data.nesting);
  let line = `${ind}${ok ? 'ok' : 'not ok'} ${data.testNumber} - ${tapEscape(data.name)}`;
  if (data.skip !== undefined) line += ' # SKIP' + (typeof data.skip === 'string' && data.skip ? ' ' + tapEscape(data.skip) : '');
  else if (data.todo !== undefined) line += ' # TODO' + (typeof data.todo === 'string' && data.todo ? ' ' + tapEscape(data.todo) : '');
  const out = [line, `${ind}  ---`];
  const d = data.details || {};
  out.push(`${ind}  duration_ms: ${d.duration_ms}`);
  if (d.type) out.push(`${ind}  type: '${d.type}'`);
  const e = errorInfo(d.error);
  if (e) {
    if (!ok && data.file) out.push(`${ind}  location: '${data.file}:${data.line}:${data.column}'`);
    out.push(`${ind}  failureType: '${e.failureType}'`);
    if (e.exitCode !== undefined) {
      // (a file's process: its exit code, or the signal that ended it)
      out.push(yamlScalar(`${ind}  `, 'exitCode', e.exitCode));
      out.push(yamlScalar(`${ind}  `, 'signal', e.signal));
    }
    if (!e.plain) out.push(yamlScalar(`${ind}  `, 'error', e.message));
    // (an abort's reason is reported as it is: no code of node's when it has none)
    if (!e.plain && (!e.raw || e.code !== undefined)) out.push(yamlScalar(`${ind}  `, 'code', e.raw ? e.code : e.code || 'ERR_TEST_FAILURE'));
    if (e.name && e.name !== 'Error') out.push(yamlScalar(`${ind}  `, 'name', e.name));
    if (e.hasAssert) {
      // written as YAML lines by the test file's side (test.js yamlValue)
      for (const l of (e.expected + e.actual).split('\n')) if (l !== '') out.push(`${ind}  ${l}`);
      if (e.operator) out.push(yamlScalar(`${ind}  `, 'operator', e.operator));
    }
    if (e.stack) out.push(`${ind}  stack: ${yamlBlock(e.stack, ind)}`);
  }
  out.push(`${ind}  ...`);
  return out.join('\n') + '\n';
}

function tapBody({ type, data }) {
  switch (type) {
    case 'test:start': return `${'    '.repeat(data.nesting)}# Subtest: ${tapEscape(data.name)}\n`;
    case 'test:pass': return tapTest(data, true);
    case 'test:fail': return tapTest(data, false);
    case 'test:plan': return `${'    '.repeat(data.nesting)}1..${data.count}\n`;
    case 'test:diagnostic': return `${'    '.repeat(data.nesting)}# ${tapEscape(data.message)}\n`;
    case 'test:stdout':
    case 'test:stderr':
      return String(data.message).split(/\r?\n/).filter((l) => l.length).map((l) => `# ${tapEscape(l)}\n`).join('');
    case 'test:coverage': return coverageReport('    '.repeat(data.nesting), data.summary, '# ');
  }
  return '';
}

// The header comes with the first events handed over (Node's reporter stream starts a few ticks
// late, and writes its header before any event).
function tapMachine(opts) {
  let started = !!(opts && opts.continued);
  return {
    event(ev) {
      // (the header comes with the first flush of events, whatever they are)
      const s = tapBody(ev);
      if (started) return s;
      started = true;
      return 'TAP version 13\n' + (s || '');
    },
    start() {
      if (started) return '';
      started = true;
      return 'TAP version 13\n';
    },
    end() { return started ? '' : 'TAP version 13\n'; },
  };
}

// ---- spec ---------------------------------------------------------------------------------------

function formatError(err, ind) {
  const e = errorInfo(err);
  if (!e) return '';
  const text = colorInspected(e) || e.inspected;
  return `\n${ind}  ${text.split(/\r?\n/).join(`\n${ind}  `)}\n`;
}

// inspectColors says whether the spec reporter inspects errors in colour: as node's reporter
// utils, when process.stdout should be colourized (a colour terminal, or FORCE_COLOR set,
// which a test file may do itself before its first test), decided once, when first asked.
let inspectColors;
function colorInspected(e) {
  if (inspectColors === undefined) {
    const env = process.env;
    const out = process.stdout;
    if (env.FORCE_COLOR !== undefined) inspectColors = !(env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false');
    else inspectColors = !!(out && out.isTTY && (typeof out.getColorDepth === 'function' ? out.getColorDepth() > 2 : true));
  }
  if (!inspectColors) return undefined;
  const util = require('util');
  // (what the test threw, in this process; or the runner's own message, a string)
  if (Object.prototype.hasOwnProperty.call(e, 'thrown') && !e.uncrossable) return util.inspect(e.thrown, { colors: true });
  if (typeof e.message === 'string' && e.inspected === util.inspect(e.message)) return util.inspect(e.message, { colors: true });
  return undefined;
}

function formatTest(c, type, data, prefix = '', ind = '', hasChildren = false) {
  let color = type === 'test:pass' ? c.green : type === 'test:fail' ? c.red : c.white;
  let symbol = type === 'test:pass' ? '✔ ' : type === 'test:fail' ? '✖ ' : ' ';
  const d = data.details || {};
  let title = data.name + (d.duration_ms ? ` ${c.gray}(${d.duration_ms}ms)${c.white}` : '');
  if (data.skip !== undefined) title += ` # ${typeof data.skip === 'string' && data.skip.length ? data.skip : 'SKIP'}`;
  else if (data.todo !== undefined) title += ` # ${typeof data.todo === 'string' && data.todo.length ? data.todo : 'TODO'}`;
  const error = formatError(d.error, ind);
  const info = errorInfo(d.error);
  const err = hasChildren ? (!error || (info && info.failureType === 'subtestsFailed') ? '' : `\n${error}`) : error;
  if (data.skip !== undefined) { color = c.gray; symbol = '﹣ '; }
  return `${prefix}${ind}${color}${symbol}${title}${c.white}${err}`;
}

function specMachine() {
  const c = colors();
  const stack = []; // test:start events not yet reported, newest first
  const reported = []; // parents whose header was printed
  const failed = [];
  const cwd = process.cwd();
  function report(type, data) {
    stack.shift();
    let prefix = '';
    while (stack.length) {
      const parent = stack.pop().data;
      reported.unshift(parent);
      prefix += `${indent(parent.nesting)}▶ ${parent.name}\n`;
    }
    let hasChildren = false;
    if (reported[0] && reported[0].nesting === data.nesting && reported[0].name === data.name) {
      reported.shift();
      hasChildren = true;
    }
    return formatTest(c, type, data, prefix, indent(data.nesting), hasChildren) + '\n';
  }
  return {
    event({ type, data }) {
      switch (type) {
        case 'test:fail': {
          const info = errorInfo(data.details && data.details.error);
          if (!info || info.failureType !== 'subtestsFailed') failed.push(data);
          return report(type, data);
        }
        case 'test:pass': return report(type, data);
        case 'test:start': stack.unshift({ type, data }); return '';
        case 'test:stdout':
        case 'test:stderr': return String(data.message);
        case 'test:diagnostic': return `${c.blue}${indent(data.nesting)}ℹ ${data.message}${c.white}\n`;
        case 'test:coverage': return coverageReport(indent(data.nesting), data.summary, 'ℹ ', c.blue);
      }
      return '';
    },
    end() {
      if (!failed.length) return '';
      const out = [`\n${c.red}✖ failing tests:${c.white}\n`];
      const path = require('path');
      for (const data of failed) {
        if (data.file) out.push(`test at ${path.relative(cwd, data.file)}:${data.line}:${data.column}`);
        out.push(formatTest(c, 'test:fail', data));
      }
      return out.join('\n');
    },
  };
}

// ---- dot ----------------------------------------------------------------------------------------

function dotMachine() {
  const c = colors();
  let count = 0;
  const columns = () => {
    const cols = process.stdout && process.stdout.columns;
    return cols > 0 ? cols : 20;
  };
  let width = columns();
  const failed = [];
  return {
    event({ type, data }) {
      let s = '';
      if (type === 'test:pass') s = `${c.green}.${c.white}`;
      else if (type === 'test:fail') { s = `${c.red}X${c.white}`; failed.push(data); }
      else return '';
      if (++count === width) { s += '\n'; width = columns(); count = 0; }
      return s;
    },
    end() {
      let s = '\n';
      if (failed.length) {
        s += `\n${c.red}Failed tests:${c.white}\n\n`;
        for (const data of failed) s += formatTest(c, 'test:fail', data);
      }
      return s;
    },
  };
}

// ---- junit --------------------------------------------------------------------------------------

// As Node's junit reporter escapes: text only & and <; an attribute drops its newlines and
// has its " made &quot; before that escaping, so that it reads &amp;quot; (node 20's).
function xmlEscape(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
function xmlAttr(s) {
  return xmlEscape(String(s).replace(/\n/g, '').replace(/"/g, '&quot;'));
}

function junitMachine() {
  let hostname = 'localhost';
  try { hostname = require('os').hostname(); } catch {}
  let current = null;
  const roots = [];
  let headerDone = false;
  function open(data) {
    const parent = current;
    current = { attrs: { name: data.name }, nesting: data.nesting, parent, children: [] };
    if (parent) parent.children.push(current);
    else roots.push(current);
  }
  const isFailure = (n) => n.comment === undefined && ((n.children && n.children.some((c) => c.tag === 'failure')) || !!n.attrs.failures);
  const isSkipped = (n) => n.comment === undefined && ((!!n.children && n.children.some((c) => c.tag === 'skipped')) || !!n.attrs.skipped);
  // (indented after each node's nesting, as node's: a test reported without its start, a failed
  // top-level after hook, sits one level in from the 'root' node made for it)
  function toXML(n, depth) {
    const ind = '\t'.repeat(n.nesting === undefined ? depth : n.nesting + 1);
    // (a comment's -- is written &#45;&#45;, and nothing else escaped, as node's)
    if (n.comment !== undefined) return `${ind}<!-- ${String(n.comment).replace(/--/g, '&#45;&#45;')} -->\n`;
    const attrs = Object.keys(n.attrs).map((k) => `${k}="${xmlAttr(n.attrs[k])}"`).join(' ');
    if (!n.children || !n.children.length) return `${ind}<${n.tag} ${attrs}/>\n`;
    let s = `${ind}<${n.tag} ${attrs}>\n`;
    for (const c of n.children) {
      if (typeof c === 'string') s += xmlEscape(c) + '\n';
      else s += toXML(c, depth + 1);
    }
    return s + `${ind}</${n.tag}>\n`;
  }
  return {
    start() {
      if (headerDone) return '';
      headerDone = true;
      return '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n';
    },
    event({ type, data }) {
      let s = '';
      // (node's junit generator yields its header as it starts: with the first events handed
      // over, whatever they are, as TAP's)
      if (!headerDone) {
        headerDone = true;
        s = '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n';
      }
      switch (type) {
        case 'test:start': open(data); break;
        case 'test:pass':
        case 'test:fail': {
          if (!current) open({ name: 'root', nesting: 0 });
          if (current.attrs.name !== data.name || current.nesting !== data.nesting) open(data);
          const t = current;
          if (current.nesting === data.nesting) current = current.parent;
          t.attrs.time = ((data.details ? data.details.duration_ms : 0) / 1000).toFixed(6);
          const real = t.children.filter((c) => c.comment === undefined);
          if (real.length) {
            t.tag = 'testsuite';
            t.attrs.disabled = 0;
            t.attrs.errors = 0;
            t.attrs.tests = real.length;
            t.attrs.failures = t.children.filter(isFailure).length;
            t.attrs.skipped = t.children.filter(isSkipped).length;
            t.attrs.hostname = hostname;
          } else {
            t.tag = 'testcase';
            t.attrs.classname = data.classname === undefined ? 'test' : data.classname;
            if (data.skip) t.children.push({ nesting: data.nesting + 1, tag: 'skipped', attrs: { type: 'skipped', message: data.skip } });
            if (data.todo) t.children.push({ nesting: data.nesting + 1, tag: 'skipped', attrs: { type: 'todo', message: data.todo } });
            if (type === 'test:fail') {
              const info = errorInfo(data.details && data.details.error);
              const msg = info ? (info.wrapperMessage || info.message) : '';
              t.children.push({ nesting: data.nesting + 1, tag: 'failure', attrs: { type: (info && (info.failureType || info.code)) || undefined, message: msg }, children: [info ? junitInspect(info) : ''] });
              t.attrs.failure = msg;
            }
          }
          break;
        }
        case 'test:diagnostic':
          (current ? current.children : roots).push({ nesting: data.nesting, comment: data.message });
          break;
      }
      return s;
    },
    end() {
      let s = headerDone ? '' : '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n';
      for (const r of roots) s += toXML(r, 1);
      return s + '</testsuites>\n';
    },
  };
}

// junitInspect is how Node's junit reporter prints a failure: the ERR_TEST_FAILURE error itself.
// The error came from a run() worker (info.bare), it has no stack of its own, as in Node where
// it crossed from the file's process.
function junitInspect(info) {
  if (typeof info.junit === 'string') return info.junit; // a file's process failed (gojs test)
  if (info.raw) return info.inspected; // (an abort's reason, as it is)
  if (info.code === 'ERR_TEST_FAILURE' && !info.name) return info.inspected;
  const frames = info.failureFrames || [];
  const message = info.wrapperMessage || info.message;
  // (an inspection that crossed as the cause prints as it is: on several lines if it has them)
  if (info.causeError === false && !info.bare && frames.length === 0 && !(info.crossedText && info.inspected.includes('\n'))) {
    // a thrown non-error (or the runner's own failure: timeout, plan): Node's ERR_TEST_FAILURE
    // has no frame left once its internal ones are hidden, and prints on one line
    return `[Error [ERR_TEST_FAILURE]: ${message}] { code: 'ERR_TEST_FAILURE', failureType: '${info.failureType}', cause: ${info.inspected.split('\n').map((l) => l.trim()).join(' ')} }`;
  }
  let cause = (info.nested !== undefined ? info.nested : info.inspected).split('\n');
  if (info.bare) cause = cause.filter((l) => !/^\s+at /.test(l));
  const head = info.bare || frames.length === 0 ? `[Error [ERR_TEST_FAILURE]: ${message}] {`
    : `Error [ERR_TEST_FAILURE]: ${message}\n${frames.map((f) => `    at ${f}`).join('\n')} {`;
  return `${head}\n  code: 'ERR_TEST_FAILURE',\n  failureType: '${info.failureType}',\n  cause: ${cause.join('\n  ')}\n}`;
}

// ---- lcov ---------------------------------------------------------------------------------------

function lcovText(summary) {
  const path = require('path');
  const out = ['TN:\n'];
  for (const file of summary.files) {
    out.push(`SF:${path.relative(summary.workingDirectory, file.path)}\n`);
    const fnda = [];
    file.functions.forEach((fn, j) => {
      const name = fn.name || `anonymous_${j}`;
      out.push(`FN:${fn.line},${name}\n`);
      fnda.push(`FNDA:${fn.count},${name}\n`);
    });
    out.push(...fnda, `FNF:${file.totalFunctionCount}\n`, `FNH:${file.coveredFunctionCount}\n`);
    file.branches.forEach((b, j) => out.push(`BRDA:${b.line},${j},0,${b.count}\n`));
    out.push(`BRF:${file.totalBranchCount}\n`, `BRH:${file.coveredBranchCount}\n`);
    for (const l of file.lines.slice().sort((a, b) => a.line - b.line)) out.push(`DA:${l.line},${l.count}\n`);
    out.push(`LH:${file.coveredLineCount}\n`, `LF:${file.totalLineCount}\n`, 'end_of_record\n');
  }
  return out.join('');
}

function lcovMachine() {
  return {
    event({ type, data }) { return type === 'test:coverage' ? lcovText(data.summary) : ''; },
    end() { return ''; },
  };
}

// coverageReport prints a test:coverage summary as node's table (tap and spec).
function coverageReport(pad, summary, symbol, color = '') {
  const path = require('path');
  const prefix = `${pad}${symbol}`;
  const cols = ['line %', 'branch %', 'funcs %'];
  const keys = ['coveredLinePercent', 'coveredBranchPercent', 'coveredFunctionPercent'];
  const rel = (f) => path.relative(summary.workingDirectory, f.path);
  const ranges = (f) => {
    const out = [];
    for (const l of f.lines) {
      if (l.count !== 0) continue;
      const last = out[out.length - 1];
      if (last && l.line - last[last.length - 1] === 1) last[1] = l.line;
      else out.push([l.line]);
    }
    return out.map((r) => r.join('-')).join(' ');
  };
  let fileW = Math.max(4, ...summary.files.map((f) => rel(f).length));
  const colW = cols.map((c) => Math.max(c.length, 6));
  const colsW = colW.reduce((a, w) => a + w + 3, 0);
  let uncW = Math.max('uncovered lines'.length, ...summary.files.map((f) => ranges(f).length));
  let width = fileW + 2 + colsW + uncW + 2;
  const avail = (process.stdout.columns || Infinity) - prefix.length;
  if (width - avail > 0) {
    fileW = Math.max(fileW - Math.floor((width - avail) * 0.2), Math.min(8, fileW));
    uncW = Math.max(avail - colsW - (fileW + 2) - 2, 1);
    width = avail;
  } else {
    uncW = Infinity;
  }
  const ell = '\u2026';
  const truncEnd = (s, w) => (s.length > w ? s.slice(0, w - 1) + ell : s);
  const truncStart = (s, w) => (s.length > w ? ell + s.slice(s.length - w + 1) : s);
  const hue = (s, c) => {
    if (!color || c === undefined) return s;
    const k = c > 90 ? '\x1b[32m' : c > 50 ? '\x1b[33m' : '\x1b[31m';
    return `${k}${s}${color}`;
  };
  const rule = `${prefix}${'-'.repeat(width)}\n`;
  let out = `${color}${prefix}start of coverage report\n${rule}`;
  out += `${prefix}${truncEnd('file'.padEnd(fileW), fileW)} | ${cols.map((c, i) => c.padStart(colW[i])).join(' | ')} | ${truncEnd('uncovered lines', uncW)}\n${rule}`;
  for (const f of summary.files) {
    const avg = keys.reduce((a, k) => a + f[k], 0) / keys.length;
    out += `${prefix}${hue(truncStart(rel(f).padEnd(fileW), fileW), avg)} | ` +
      `${keys.map((k, i) => hue(f[k].toFixed(2).padStart(colW[i]), f[k])).join(' | ')} | ${truncEnd(ranges(f), uncW)}\n`;
  }
  out += rule;
  out += `${prefix}${truncEnd('all files'.padEnd(fileW), fileW)} | ` +
    `${keys.map((k, i) => hue(summary.totals[k].toFixed(2).padStart(colW[i]), summary.totals[k])).join(' | ')} |\n${rule}`;
  out += `${prefix}end of coverage report\n`;
  if (color) out += '\x1b[39m';
  return out;
}

const machines = { spec: specMachine, tap: tapMachine, dot: dotMachine, junit: junitMachine, lcov: lcovMachine };

// ---- the exports ---------------------------------------------------------------------------------

// fromMachine turns a machine into Node's async-generator form: (source) => async iterable.
function fromMachine(make, name) {
  const fn = {
    [name](source) {
      const m = make();
      let it;
      let done = false;
      const queue = [];
      return {
        [Symbol.asyncIterator]() { return this; },
        async next() {
          if (!it) it = source[Symbol.asyncIterator]();
          while (!queue.length && !done) {
            const r = await it.next();
            if (r.done) {
              done = true;
              const s = m.end();
              if (s) queue.push(s);
            } else {
              const s = m.event(r.value);
              if (s) queue.push(s);
            }
          }
          if (queue.length) return { value: queue.shift(), done: false };
          return { value: undefined, done: true };
        },
        async return(v) {
          done = true;
          if (it && typeof it.return === 'function') await it.return();
          return { value: v, done: true };
        },
      };
    },
  }[name];
  return fn;
}

let SpecReporter;
let LcovReporter;
function transformClass(make, name) {
  const { Transform } = require('stream');
  const kMachine = Symbol('kMachine');
  const C = {
    [name]: class extends Transform {
      constructor(options) {
        super({ ...options, writableObjectMode: true });
        this[kMachine] = make();
      }
      _transform(ev, encoding, callback) {
        let s;
        try { s = this[kMachine].event(ev); } catch (e) { callback(e); return; }
        callback(null, s || undefined);
      }
      _flush(callback) { callback(null, this[kMachine].end() || undefined); }
    },
  }[name];
  return C;
}

const tap = fromMachine(tapMachine, 'tapReporter');
const dot = fromMachine(dotMachine, 'dot');
const junit = fromMachine(junitMachine, 'junitReporter');

// As node's: dot, junit and tap are getters, spec a function that makes a SpecReporter (called
// with or without new), and lcov a getter that makes a new LcovReporter each time.
module.exports = {};
Object.defineProperties(module.exports, {
  __proto__: null,
  dot: { __proto__: null, configurable: true, enumerable: true, get() { return dot; } },
  junit: { __proto__: null, configurable: true, enumerable: true, get() { return junit; } },
  spec: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    value: function value() {
      if (!SpecReporter) SpecReporter = transformClass(specMachine, 'SpecReporter');
      return Reflect.construct(SpecReporter, arguments);
    },
  },
  tap: { __proto__: null, configurable: true, enumerable: true, get() { return tap; } },
  lcov: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      if (!LcovReporter) LcovReporter = transformClass(lcovMachine, 'LcovReporter');
      return Reflect.construct(LcovReporter, arguments);
    },
  },
});
// For node:test itself: the machines and the error-info key (under keys of their own).
Object.defineProperty(module.exports, Symbol.for('gojs.test.machines'), { __proto__: null, value: machines });
Object.defineProperty(module.exports, Symbol.for('gojs.test.kInfo'), { __proto__: null, value: kInfo });
Object.defineProperty(module.exports, Symbol.for('gojs.test.errorInfos'), { __proto__: null, value: errorInfos });
