'use strict';
// perf_hooks: Performance, entries, observers, timerify, histograms.

const { codes, makeNodeError } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS, ERR_INVALID_ARG_VALUE } = codes;
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
const kSecret = Symbol('secret');

function now() { return binding.now(); }

function illegalConstructor() {
  return makeNodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
}

function inspectAs(self, depth, opts, inspect, obj) {
  if (depth < 0) return self;
  inspect = typeof inspect === 'function' ? inspect : require('util').inspect;
  const o = Object.assign({}, opts, { depth: opts && opts.depth == null ? null : (opts ? opts.depth - 1 : 1) });
  return `${self.constructor.name} ${inspect(obj, o)}`;
}

const entryData = new WeakMap();

class PerformanceEntry {
  constructor(secret, name, type, start, duration, detail) {
    if (secret !== kSecret) throw illegalConstructor();
    entryData.set(this, { name, type, start, duration, detail });
  }
  get name() { return entryData.get(this).name; }
  get entryType() { return entryData.get(this).type; }
  get startTime() { return entryData.get(this).start; }
  get duration() { return entryData.get(this).duration; }
  [inspectCustom](depth, opts, inspect) { return inspectAs(this, depth, opts, inspect, this.toJSON()); }
  toJSON() {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration };
  }
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    let start = now();
    let detail = null;
    if (options != null) {
      if (options.startTime !== undefined) {
        start = options.startTime;
        if (typeof start !== 'number') throw new ERR_INVALID_ARG_TYPE('options.startTime', 'number', start);
        if (start < 0) {
          throw makeNodeError(TypeError, 'ERR_PERFORMANCE_INVALID_TIMESTAMP', `${start} is not a valid timestamp`);
        }
      }
      if (options.detail !== undefined) detail = globalThis.structuredClone(options.detail);
    }
    super(kSecret, name, 'mark', start, 0, detail);
  }
  get detail() { return entryData.get(this).detail; }
  toJSON() { return Object.assign(super.toJSON(), { detail: this.detail }); }
}

class PerformanceMeasure extends PerformanceEntry {
  constructor(secret, name, start, duration, detail) {
    if (secret !== kSecret) throw illegalConstructor();
    super(kSecret, name, 'measure', start, duration, detail);
  }
  get detail() { return entryData.get(this).detail; }
  toJSON() { return Object.assign(super.toJSON(), { detail: this.detail }); }
}

for (const C of [PerformanceEntry, PerformanceMark, PerformanceMeasure]) {
  for (const k of Object.getOwnPropertyNames(C.prototype)) {
    if (k === 'constructor') continue;
    const d = Object.getOwnPropertyDescriptor(C.prototype, k);
    d.enumerable = true;
    Object.defineProperty(C.prototype, k, { __proto__: null, ...d });
  }
}
Object.defineProperty(PerformanceMark.prototype, Symbol.toStringTag, { __proto__: null, value: 'PerformanceMark', configurable: true });
Object.defineProperty(PerformanceMeasure.prototype, Symbol.toStringTag, { __proto__: null, value: 'PerformanceMeasure', configurable: true });

const marks = [];
const measures = [];

// ---- observers ----

const observers = new Set();
const observerData = new WeakMap();
let dispatchScheduled = false;

function enqueue(entry) {
  for (const obs of observers) {
    const d = observerData.get(obs);
    if (d.types.has(entry.entryType)) {
      d.buffer.push(entry);
      if (!dispatchScheduled) {
        dispatchScheduled = true;
        setImmediate(dispatch);
      }
    }
  }
}

function dispatch() {
  dispatchScheduled = false;
  for (const obs of [...observers]) {
    const d = observerData.get(obs);
    if (d.buffer.length === 0) continue;
    const list = new PerformanceObserverEntryList(kSecret, d.buffer);
    d.buffer = [];
    d.callback.call(obs, list, obs);
  }
}

const listData = new WeakMap();

function sortByStart(list) {
  return list.map((e, i) => [e, i]).sort((a, b) => a[0].startTime - b[0].startTime || a[1] - b[1]).map((x) => x[0]);
}

function filterEntries(list, name, type) {
  return list.filter((e) => (name === undefined || e.name === name) && (type === undefined || e.entryType === type));
}

class PerformanceObserverEntryList {
  constructor(secret, entries) {
    if (secret !== kSecret) throw illegalConstructor();
    listData.set(this, sortByStart(entries));
  }
  getEntries() { return listData.get(this).slice(); }
  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    return filterEntries(listData.get(this), undefined, `${type}`);
  }
  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return filterEntries(listData.get(this), `${name}`, type === undefined ? undefined : `${type}`);
  }
  [inspectCustom](depth, opts, inspect) { return inspectAs(this, depth, opts, inspect, listData.get(this)); }
}

const supportedEntryTypes = Object.freeze(['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource']);

class PerformanceObserver {
  constructor(callback) {
    if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'function', callback);
    observerData.set(this, { callback, types: new Set(), buffer: [], mode: undefined });
  }
  observe(options = {}) {
    if (options === null || typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    const d = observerData.get(this);
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) {
      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    }
    if (entryTypes != null && type != null) {
      throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
        'options.entryTypes can not set with options.type together');
    }
    if (entryTypes !== undefined) {
      if (!Array.isArray(entryTypes)) throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      d.types.clear();
      for (const t of entryTypes) if (supportedEntryTypes.includes(t)) d.types.add(t);
      if (d.types.size === 0) return;
    } else {
      if (!supportedEntryTypes.includes(type)) return;
      d.types.add(type);
      if (buffered) {
        const existing = type === 'mark' ? marks : type === 'measure' ? measures : [];
        for (const e of existing) {
          d.buffer.push(e);
        }
        if (d.buffer.length && !dispatchScheduled) {
          dispatchScheduled = true;
          setImmediate(dispatch);
        }
      }
    }
    observers.add(this);
  }
  disconnect() {
    const d = observerData.get(this);
    d.types.clear();
    d.buffer = [];
    observers.delete(this);
  }
  takeRecords() {
    const d = observerData.get(this);
    const list = d.buffer;
    d.buffer = [];
    return list;
  }
  static get supportedEntryTypes() { return supportedEntryTypes; }
  [inspectCustom](depth, opts, inspect) {
    const d = observerData.get(this);
    return inspectAs(this, depth, opts, inspect, { connected: observers.has(this), pending: d.buffer.length > 0,
      entryTypes: [...d.types], buffer: d.buffer });
  }
}

// ---- Performance ----

function markTime(name, what) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw makeNodeError(TypeError, 'ERR_PERFORMANCE_INVALID_TIMESTAMP', `${name} is not a valid timestamp`);
    return name;
  }
  name = `${name}`;
  if (name in nodeTimingMilestones()) return nodeTimingMilestones()[name];
  for (let i = marks.length - 1; i >= 0; i--) if (marks[i].name === name) return marks[i].startTime;
  throw new globalThis.DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

function nodeTimingMilestones() {
  const t = nodeTiming;
  return { nodeStart: t.nodeStart, v8Start: t.v8Start, environment: t.environment, bootstrapComplete: t.bootstrapComplete,
    loopStart: t.loopStart, loopExit: t.loopExit };
}

class PerformanceNodeTiming {
  get name() { return 'node'; }
  get entryType() { return 'node'; }
  get startTime() { return 0; }
  get duration() { return now(); }
  get nodeStart() { return 0; }
  get v8Start() { return 0; }
  get environment() { return binding.bindTime; }
  get bootstrapComplete() { return binding.bindTime; }
  get loopStart() { return -1; }
  get loopExit() { return -1; }
  get idleTime() { return 0; }
  [inspectCustom](depth, opts, inspect) { return inspectAs(this, depth, opts, inspect, this.toJSON()); }
  toJSON() {
    return { name: 'node', entryType: 'node', startTime: 0, duration: this.duration, nodeStart: 0, v8Start: 0,
      bootstrapComplete: this.bootstrapComplete, environment: this.environment, loopStart: -1, loopExit: -1, idleTime: 0 };
  }
}
for (const k of Object.getOwnPropertyNames(PerformanceNodeTiming.prototype)) {
  if (k === 'constructor') continue;
  const d = Object.getOwnPropertyDescriptor(PerformanceNodeTiming.prototype, k);
  d.enumerable = true;
  Object.defineProperty(PerformanceNodeTiming.prototype, k, { __proto__: null, ...d });
}
const nodeTiming = new PerformanceNodeTiming();

class Performance {
  constructor(secret) {
    if (secret !== kSecret) throw illegalConstructor();
  }
  clearMarks(name) { clearList(marks, name); }
  clearMeasures(name) { clearList(measures, name); }
  clearResourceTimings() {}
  getEntries() { return sortByStart([...marks, ...measures]); }
  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return filterEntries(this.getEntries(), `${name}`, type === undefined ? undefined : `${type}`);
  }
  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    type = `${type}`;
    return sortByStart(type === 'mark' ? marks : type === 'measure' ? measures : []);
  }
  mark(name, options) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    const m = new PerformanceMark(name, options);
    marks.push(m);
    enqueue(m);
    return m;
  }
  measure(name, startOrOptions, endMark) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    // node 20's calculateStartDuration: an empty options object (or null) counts as none, and
    // options count only with a start or an end
    let options = startOrOptions;
    if (options === null || (typeof options === 'object' && Object.keys(options).length === 0)) options = undefined;
    let start;
    let end;
    let duration;
    let valid = false;
    if (typeof options === 'object') {
      ({ start, end, duration } = options);
      valid = start !== undefined || end !== undefined;
    }
    if (valid) {
      if (endMark !== undefined) {
        throw makeNodeError(TypeError, 'ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', 'endMark must not be specified');
      }
      if (start !== undefined && end !== undefined && duration !== undefined) {
        throw makeNodeError(TypeError, 'ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS',
          'Must not have options.start, options.end, and options.duration specified');
      }
    }
    if (endMark !== undefined) end = markTime(endMark);
    else if (valid && end !== undefined) end = markTime(end);
    else if (valid && start !== undefined && duration !== undefined) end = markTime(start) + markTime(duration);
    else end = now();
    if (typeof options === 'string') start = markTime(options);
    else if (valid && start !== undefined) start = markTime(start);
    else if (valid && duration !== undefined && end !== undefined) start = end - markTime(duration);
    else start = 0;
    let detail = startOrOptions != null ? startOrOptions.detail : undefined;
    detail = detail != null ? globalThis.structuredClone(detail) : null;
    const m = new PerformanceMeasure(kSecret, name, start, end - start, detail);
    measures.push(m);
    enqueue(m);
    return m;
  }
  now() { return now(); }
  setResourceTimingBufferSize() {}
  get timeOrigin() { return binding.timeOrigin; }
  toJSON() {
    return { nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin, eventLoopUtilization: this.eventLoopUtilization() };
  }
  eventLoopUtilization(util1, util2) {
    const active = now();
    const cur = { idle: 0, active, utilization: 1 };
    if (util1 === undefined) return cur;
    const base = util2 !== undefined ? util2 : cur;
    const idle = base.idle - util1.idle;
    const act = base.active - util1.active;
    return { idle, active: act, utilization: act + idle > 0 ? act / (act + idle) : 0 };
  }
  get nodeTiming() { return nodeTiming; }
  markResourceTiming() {}
  timerify(fn, options = {}) {
    if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
    const perf = this;
    function timerified(...args) {
      const start = now();
      const result = new.target ? Reflect.construct(fn, args, fn) : fn.apply(this, args);
      const entry = new PerformanceEntry(kSecret, fn.name, 'function', start, now() - start, args);
      enqueue(entry);
      if (options && options.histogram) options.histogram.record(Math.max(1, Math.round((now() - start) * 1e6)));
      return result;
    }
    Object.defineProperties(timerified, {
      length: { __proto__: null, configurable: false, enumerable: true, value: fn.length },
      name: { __proto__: null, configurable: false, enumerable: true, value: `timerified ${fn.name}` },
    });
    void perf;
    return timerified;
  }
  get onresourcetimingbufferfull() { return null; }
  set onresourcetimingbufferfull(v) {}
  [inspectCustom](depth, opts, inspect) {
    return inspectAs(this, depth, opts, inspect, { nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin });
  }
}
for (const k of Object.getOwnPropertyNames(Performance.prototype)) {
  if (k === 'constructor') continue;
  const d = Object.getOwnPropertyDescriptor(Performance.prototype, k);
  d.enumerable = true;
  Object.defineProperty(Performance.prototype, k, { __proto__: null, ...d });
}
Object.defineProperty(Performance.prototype, Symbol.toStringTag, { __proto__: null, value: 'Performance', configurable: true });

function clearList(list, name) {
  if (name === undefined) {
    list.length = 0;
    return;
  }
  name = `${name}`;
  for (let i = list.length - 1; i >= 0; i--) if (list[i].name === name) list.splice(i, 1);
}

const performance = new Performance(kSecret);

// ---- histograms ----

const histData = new WeakMap();

class Histogram {
  constructor(secret) {
    if (secret !== kSecret) throw illegalConstructor();
    histData.set(this, { values: [], exceeds: 0 });
  }
  get count() { return histData.get(this).values.length; }
  get countBigInt() { return BigInt(this.count); }
  get min() { const v = histData.get(this).values; return v.length ? Math.min(...v) : 9223372036854776000; }
  get minBigInt() { return BigInt(this.min); }
  get max() { const v = histData.get(this).values; return v.length ? Math.max(...v) : 0; }
  get maxBigInt() { return BigInt(this.max); }
  get mean() {
    const v = histData.get(this).values;
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
  }
  get exceeds() { return histData.get(this).exceeds; }
  get exceedsBigInt() { return BigInt(this.exceeds); }
  get stddev() {
    const v = histData.get(this).values;
    if (!v.length) return NaN;
    const m = this.mean;
    return Math.sqrt(v.reduce((a, b) => a + (b - m) * (b - m), 0) / v.length);
  }
  percentile(p) {
    if (typeof p !== 'number') throw new ERR_INVALID_ARG_TYPE('percentile', 'number', p);
    if (!(p > 0 && p <= 100)) {
      throw makeNodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "percentile" is out of range. It must be > 0 && <= 100. Received ${p}`);
    }
    const v = histData.get(this).values.slice().sort((a, b) => a - b);
    if (!v.length) return 0;
    return v[Math.max(0, Math.ceil(p / 100 * v.length) - 1)];
  }
  percentileBigInt(p) { return BigInt(this.percentile(p)); }
  get percentiles() {
    const v = histData.get(this).values.slice().sort((a, b) => a - b);
    const m = new Map();
    if (!v.length) {
      m.set(100, 0);
      return m;
    }
    m.set(0, v[0]);
    let p = 50;
    for (let i = 0; i < 20 && p < 100; i++) {
      m.set(p, this.percentile(p));
      p += (100 - p) / 2;
      if (this.percentile(p) === v[v.length - 1]) break;
    }
    m.set(100, v[v.length - 1]);
    return m;
  }
  get percentilesBigInt() {
    const m = new Map();
    for (const [k, v] of this.percentiles) m.set(k, BigInt(v));
    return m;
  }
  reset() {
    const d = histData.get(this);
    d.values = [];
    d.exceeds = 0;
  }
  toJSON() {
    return { count: this.count, min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds,
      stddev: this.stddev, percentiles: Object.fromEntries(this.percentiles) };
  }
  [inspectCustom](depth, opts, inspect) {
    return inspectAs(this, depth, opts, inspect, { min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds,
      stddev: this.stddev, count: this.count, percentiles: this.percentiles });
  }
}

class RecordableHistogram extends Histogram {
  constructor(secret) {
    super(secret);
    histData.get(this).last = undefined;
  }
  record(val) {
    if (typeof val === 'bigint') val = Number(val);
    if (typeof val !== 'number') throw new ERR_INVALID_ARG_TYPE('val', ['number', 'bigint'], val);
    if (val < 1 || val > Number.MAX_SAFE_INTEGER) {
      throw makeNodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "val" is out of range. It must be >= 1 && <= ${Number.MAX_SAFE_INTEGER}. Received ${val}`);
    }
    histData.get(this).values.push(val);
  }
  recordDelta() {
    const d = histData.get(this);
    const t = process.hrtime.bigint();
    if (d.last !== undefined) d.values.push(Math.max(1, Number(t - d.last)));
    d.last = t;
  }
  add(other) {
    const o = histData.get(other);
    if (o === undefined) throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    histData.get(this).values.push(...o.values);
  }
}

function createHistogram(options = {}) {
  if (options === null || typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
  return new RecordableHistogram(kSecret);
}

class ELDHistogram extends Histogram {
  constructor(secret, resolution) {
    super(secret);
    const d = histData.get(this);
    d.resolution = resolution;
    d.timer = null;
  }
  enable() {
    const d = histData.get(this);
    if (d.timer !== null) return false;
    let last = process.hrtime.bigint();
    d.timer = setInterval(() => {
      const t = process.hrtime.bigint();
      const delay = Number(t - last) - d.resolution * 1e6;
      last = t;
      if (delay > 0) d.values.push(delay);
    }, d.resolution);
    if (d.timer && typeof d.timer.unref === 'function') d.timer.unref();
    return true;
  }
  disable() {
    const d = histData.get(this);
    if (d.timer === null) return false;
    clearInterval(d.timer);
    d.timer = null;
    return true;
  }
}

function monitorEventLoopDelay(options = {}) {
  if (options === null || typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
  const { resolution = 10 } = options;
  if (typeof resolution !== 'number') throw new ERR_INVALID_ARG_TYPE('options.resolution', 'number', resolution);
  if (resolution <= 0 || !Number.isSafeInteger(resolution)) {
    throw makeNodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "options.resolution" is out of range. It must be > 0 && <= ${Number.MAX_SAFE_INTEGER}. Received ${resolution}`);
  }
  return new ELDHistogram(kSecret, resolution);
}

class PerformanceResourceTiming extends PerformanceEntry {
  constructor() { throw illegalConstructor(); }
}

const constants = {
  NODE_PERFORMANCE_GC_MAJOR: 4,
  NODE_PERFORMANCE_GC_MINOR: 1,
  NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16,
  NODE_PERFORMANCE_GC_FLAGS_NO: 0,
  NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
  NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
  NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
};

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  monitorEventLoopDelay,
  createHistogram,
  performance,
  constants,
};
