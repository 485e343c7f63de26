'use strict';
// The process methods that are rarely called and need other modules: loadEnvFile,
// setSourceMapsEnabled, and process.report (the diagnostic report: getReport, writeReport and
// its settings). The report has node's layout; what gojs cannot know (native stack, libuv
// handles, V8 heap spaces) is empty, and glibcVersionRuntime is the system C library's version
// (detect-libc and prebuild tools read it).

const fs = require('fs');
const os = require('os');
const path = require('path');
const { codes } = require('internal/errors');

function loadEnvFile(file = undefined) {
  if (file == null) file = '.env'; // null too reads the default file, as node's
  if (typeof file !== 'string' && !Buffer.isBuffer(file) && !(file instanceof URL)) {
    throw new codes.ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], file);
  }
  const parsed = require('util').parseEnv(fs.readFileSync(file, 'utf8'));
  for (const k of Object.keys(parsed)) {
    if (process.env[k] === undefined) process.env[k] = parsed[k];
  }
}

// (the switch is the runtime's: modules compiled while it is on have their maps noted)
function setSourceMapsEnabled(enabled) {
  if (typeof enabled !== 'boolean') throw new codes.ERR_INVALID_ARG_TYPE('val', 'boolean', enabled);
  binding.setSourceMapsEnabled(enabled);
}

let glibc;
function glibcVersion() {
  if (glibc !== undefined) return glibc;
  glibc = null;
  for (const f of ['/usr/bin/ldd', '/bin/ldd']) {
    try {
      const m = /GNU C Library[^\n]*?(\d+\.\d+)|GLIBC (\d+\.\d+)/.exec(fs.readFileSync(f, 'latin1'));
      if (m) { glibc = m[1] || m[2]; break; }
    } catch {}
  }
  return glibc;
}

// (node's --report-* options set them at start)
const option = require('internal/options').getOptionValue;
// (in the order of node's process.report accessors)
const settings = {
  directory: option('--report-dir') || option('--report-directory') || '', filename: option('--report-filename') || '',
  compact: !!option('--report-compact'), excludeNetwork: !!option('--report-exclude-network'),
  signal: option('--report-signal') || 'SIGUSR2',
  reportOnFatalError: !!option('--report-on-fatalerror'), reportOnSignal: !!option('--report-on-signal'),
  reportOnUncaughtException: !!option('--report-uncaught-exception'),
};

function stackOf(err, skip) {
  if (err !== undefined && err !== null && typeof err === 'object') {
    const lines = String(err.stack || '').split('\n');
    const props = {};
    for (const k of Object.keys(err)) props[k] = String(err[k]);
    return { message: lines[0], stack: lines.slice(1).map((l) => l.trim()), errorProperties: props };
  }
  const e = new Error('JavaScript Callstack');
  Error.captureStackTrace(e, skip);
  return {
    message: 'Error [ERR_SYNTHETIC]: JavaScript Callstack',
    stack: String(e.stack).split('\n').slice(1).map((l) => l.trim()),
    errorProperties: { code: 'ERR_SYNTHETIC' },
  };
}

function build(trigger, event, filename, err, skip) {
  const now = new Date();
  const mem = process.memoryUsage();
  const cpu = process.cpuUsage();
  const up = Math.max(process.uptime(), 1e-6);
  const user = cpu.user / 1e6;
  const kernel = cpu.system / 1e6;
  const header = {
    reportVersion: 4,
    event,
    trigger,
    filename,
    dumpEventTime: now.toISOString().replace(/\.\d+Z$/, 'Z'),
    dumpEventTimeStamp: String(now.getTime()),
    processId: process.pid,
    threadId: require('worker_threads').threadId,
    cwd: process.cwd(),
    commandLine: [process.argv0, ...process.execArgv, ...process.argv.slice(1)],
    nodejsVersion: process.version,
  };
  const g = glibcVersion();
  if (g) { header.glibcVersionRuntime = g; header.glibcVersionCompiler = g; }
  Object.assign(header, {
    wordSize: 64,
    arch: process.arch,
    platform: process.platform,
    componentVersions: { ...process.versions },
    release: { ...process.release },
    osName: os.type(),
    osRelease: os.release(),
    osVersion: os.version(),
    osMachine: os.machine(),
    cpus: os.cpus().map((c) => ({ model: c.model, speed: c.speed, user: c.times.user, nice: c.times.nice, sys: c.times.sys, idle: c.times.idle, irq: c.times.irq })),
  });
  if (!settings.excludeNetwork) {
    const ifaces = [];
    for (const [name, list] of Object.entries(os.networkInterfaces())) {
      for (const i of list) ifaces.push({ name, internal: i.internal, mac: i.mac, address: i.address, netmask: i.netmask, family: i.family, scopeid: i.scopeid });
    }
    header.networkInterfaces = ifaces;
  }
  header.host = os.hostname();
  const free = os.freemem();
  const total = os.totalmem();
  return {
    header,
    javascriptStack: stackOf(err, skip),
    javascriptHeap: {
      totalMemory: mem.heapTotal, executableMemory: 0, totalCommittedMemory: mem.heapTotal,
      availableMemory: free, totalGlobalHandlesMemory: 0, usedGlobalHandlesMemory: 0,
      usedMemory: mem.heapUsed, memoryLimit: total, mallocedMemory: 0, externalMemory: mem.external,
      peakMallocedMemory: 0, nativeContextCount: 1, detachedContextCount: 0, doesZapGarbage: 0, heapSpaces: {},
    },
    nativeStack: [],
    resourceUsage: {
      free_memory: free, total_memory: total, rss: mem.rss, constrained_memory: total, available_memory: free,
      userCpuSeconds: user, kernelCpuSeconds: kernel,
      cpuConsumptionPercent: ((user + kernel) / up) * 100,
      userCpuConsumptionPercent: (user / up) * 100,
      kernelCpuConsumptionPercent: (kernel / up) * 100,
      maxRss: process.resourceUsage().maxRSS * 1024,
      pageFaults: { IORequired: 0, IONotRequired: 0 },
      fsActivity: { reads: 0, writes: 0 },
    },
    uvthreadResourceUsage: {
      userCpuSeconds: user, kernelCpuSeconds: kernel,
      cpuConsumptionPercent: ((user + kernel) / up) * 100,
      userCpuConsumptionPercent: (user / up) * 100,
      kernelCpuConsumptionPercent: (kernel / up) * 100,
      fsActivity: { reads: 0, writes: 0 },
    },
    libuv: [],
    workers: [],
    environmentVariables: { ...process.env },
    userLimits: {},
    sharedObjects: [],
  };
}

function validateError(err) {
  if (err !== undefined && (err === null || typeof err !== 'object')) throw new codes.ERR_INVALID_ARG_TYPE('err', 'Object', err);
}

function pad(n, w = 2) { return String(n).padStart(w, '0'); }
let sequence = 0;

// writeFile writes a report (of err, or of the JS stack), as node's writeReport does, and returns
// the lines node prints on stderr about it.
function writeFile(file, err, trigger, event, skip) {
  if (!file) {
    if (settings.filename) file = settings.filename;
    else {
      const d = new Date();
      sequence++;
      file = `report.${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}.${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}.${process.pid}.0.${pad(sequence, 3)}.json`;
    }
  }
  const full = file === 'stdout' || file === 'stderr' ? file : path.resolve(settings.directory || process.cwd(), file);
  const data = build(trigger, event, file, err, skip);
  // (a signal's report is made outside any JavaScript: no stack)
  if (trigger === 'Signal') data.javascriptStack = { message: '', errorProperties: {} };
  const text = settings.compact ? JSON.stringify(data) + '\n' : JSON.stringify(data, null, 2) + '\n';
  if (full === 'stdout') process.stdout.write(text);
  else if (full === 'stderr') process.stderr.write(text);
  else {
    try {
      fs.writeFileSync(full, text);
    } catch (e) {
      // (node's report writer cannot open the file: it says so, and writes nothing)
      const where = settings.directory ? ` directory: ${settings.directory}` : '';
      return { file: '', note: `\nFailed to open Node.js report file: ${file}${where} (errno: ${Math.abs(e.errno | 0)})\n` };
    }
    return { file, note: `\nWriting Node.js report to file: ${file}\nNode.js report completed\n` };
  }
  return { file, note: '' };
}

// the report's signal listener (process.report.reportOnSignal, on process.report.signal)
function onReportSignal(signal) {
  process.stderr.write(writeFile(undefined, undefined, 'Signal', signal, onReportSignal).note);
}
function listenForSignal(on) {
  if (on) process.on(settings.signal, onReportSignal);
  else process.removeListener(settings.signal, onReportSignal);
}
if (settings.reportOnSignal) listenForSignal(true);

const report = {
  writeReport(file, err) {
    if (typeof file === 'object' && file !== null) { err = file; file = undefined; }
    if (file !== undefined && typeof file !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('file', 'string', file);
    validateError(err);
    const r = writeFile(file, err, 'WriteReport', 'JavaScript API', report.writeReport);
    if (r.note) process.stderr.write(r.note);
    return r.file;
  },
  getReport(err) {
    validateError(err);
    return build('GetReport', 'JavaScript API', null, err, report.getReport);
  },
};
const triggers = new Set(['reportOnFatalError', 'reportOnSignal', 'reportOnUncaughtException']);
// validateSignalName: a signal name, as the report's signal setter checks it
function validateSignalName(sig) {
  const signals = os.constants.signals;
  if (Object.prototype.hasOwnProperty.call(signals, sig)) return;
  const upper = sig.toUpperCase();
  if (Object.prototype.hasOwnProperty.call(signals, upper)) {
    throw new codes.ERR_UNKNOWN_SIGNAL(`${sig} (signals must use all capital letters)`);
  }
  throw new codes.ERR_UNKNOWN_SIGNAL(sig);
}
for (const [k, v] of Object.entries(settings)) {
  const type = typeof v;
  Object.defineProperty(report, k, {
    __proto__: null,
    get() { return settings[k]; },
    set(val) {
      // (node's setters name the three trigger switches' argument "trigger")
      if (typeof val !== type) throw new codes.ERR_INVALID_ARG_TYPE(triggers.has(k) ? 'trigger' : k, type, val);
      if (k === 'signal') validateSignalName(val);
      if (k === 'reportOnSignal' && val !== settings.reportOnSignal) listenForSignal(val);
      if (k === 'signal' && settings.reportOnSignal && val !== settings.signal) {
        listenForSignal(false);
        settings.signal = val;
        listenForSignal(true);
      }
      settings[k] = val;
    },
    enumerable: true,
    configurable: true,
  });
}

// fatalReport writes the report of an uncaught error when the settings ask for one, and returns
// what node prints of it before its version line ('' otherwise).
function fatalReport(err) {
  if (!settings.reportOnUncaughtException) return '';
  return writeFile(undefined, err, 'Exception', 'Exception', fatalReport).note;
}

module.exports = { loadEnvFile, setSourceMapsEnabled, report, fatalReport, get sourceMapsEnabled() { return binding.sourceMapsEnabled(); } };
