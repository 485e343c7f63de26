'use strict';
// perf_hooks: Performance, entries, observers, timerify, histograms.

const { codes, makeNodeError } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS, ERR_INVALID_ARG_VALUE } = codes;
const { validateFunction, validateInteger, validateObject } = require('internal/validators');
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

// An entry's fields are private fields (a goja WeakMap entry per object cost several times
// more); a getter on anything else throws node's ERR_INVALID_ARG_TYPE ('this' must be an instance
// of the getter's class), as node's validateInternalField does.
let detailOf; // detailOf(self, className): self's detail

class PerformanceEntry {
  #name;
  #type;
  #start;
  #duration;
  #detail;
  constructor(secret, name, type, start, duration, detail) {
    if (secret !== kSecret) throw illegalConstructor();
    this.#name = name;
    this.#type = type;
    this.#start = start;
    this.#duration = duration;
    this.#detail = detail;
  }
  static {
    detailOf = (self, className) => {
      if (self === null || typeof self !== 'object' || !(#detail in self)) {
        throw new ERR_INVALID_ARG_TYPE('this', className, self);
      }
      return self.#detail;
    };
  }
  get name() { checkEntry(this); return this.#name; }
  get entryType() { checkEntry(this); return this.#type; }
  get startTime() { checkEntry(this); return this.#start; }
  get duration() { checkEntry(this); return this.#duration; }
  [inspectCustom](depth, opts, inspect = undefined) { return inspectAs(this, depth, opts, inspect, this.toJSON()); }
  toJSON() {
    checkEntry(this);
    return { name: this.#name, entryType: this.#type, startTime: this.startTime, duration: this.duration };
  }
}

function checkEntry(self) { detailOf(self, 'PerformanceEntry'); }

class PerformanceMark extends PerformanceEntry {
  // (a rest parameter, not goja's arguments object, which costs several times more; length 1
  // below, as node's (name, options = undefined))
  constructor(...args) {
    if (args.length === 0) throw new ERR_MISSING_ARGS('name');
    const name = `${args[0]}`;
    const options = args[1];
    // node's milestones (nodeTiming's names) cannot be marks: a measure's mark name finds them
    if (kMilestones.has(name)) throw new ERR_INVALID_ARG_VALUE('name', name);
    if (options != null) validateObject(options, 'options');
    const start = options?.startTime ?? now();
    if (typeof start !== 'number') throw new ERR_INVALID_ARG_TYPE('startTime', 'number', start);
    if (start < 0) {
      throw makeNodeError(TypeError, 'ERR_PERFORMANCE_INVALID_TIMESTAMP', `${start} is not a valid timestamp`);
    }
    const detail = options?.detail != null ? globalThis.structuredClone(options.detail) : null;
    super(kSecret, name, 'mark', start, 0, detail);
  }
  get detail() { return detailOf(this, 'PerformanceMark'); }
  toJSON() { return Object.assign(super.toJSON(), { detail: this.detail }); }
}

class PerformanceMeasure extends PerformanceEntry {
  constructor(secret, name, start, duration, detail) {
    if (secret !== kSecret) throw illegalConstructor();
    super(kSecret, name, 'measure', start, duration, detail);
  }
  get detail() { return detailOf(this, 'PerformanceMeasure'); }
  toJSON() { return Object.assign(super.toJSON(), { detail: this.detail }); }
}

// node's entries for its own events (function, gc, net, http, dns): detail is a getter.
class PerformanceNodeEntry extends PerformanceEntry {
  get detail() { return detailOf(this, 'PerformanceNodeEntry'); }
  toJSON() { return Object.assign(super.toJSON(), { detail: this.detail }); }
}

// (node's getters are enumerable, and PerformanceEntry's toJSON; the subclasses' toJSON and a
// node entry's detail are not)
for (const C of [PerformanceEntry, PerformanceMark, PerformanceMeasure]) {
  for (const k of Object.getOwnPropertyNames(C.prototype)) {
    if (k === 'constructor' || (k === 'toJSON' && C !== PerformanceEntry)) continue;
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

// The built-ins that report node's own entries (dns) ask internal/perf/observe whether a type is
// observed; it holds the counts of observers per type, kept here, and hands reports back.
const perfObserve = require('internal/perf/observe');
perfObserve.setSink((name, type, start, duration, detail, accessors) => {
  const entry = new PerformanceNodeEntry(kSecret, name, type, start, duration, detail);
  if (accessors) defineDeprecatedAccessors(entry, detail);
  enqueue(entry);
});
function syncObserved() {
  const counts = perfObserve.observed;
  for (const t of supportedEntryTypes) counts[t] = 0;
  for (const obs of observers) for (const t of observerData.get(obs).types) counts[t]++;
  perfObserve.changed();
}

// node's http2 entries also carry detail's fields as own accessors, deprecated (DEP0152): each
// reads its own copy, which a set replaces.
let warnedAccessors = false;
function defineDeprecatedAccessors(entry, detail) {
  for (const k of Object.keys(detail)) {
    let value = detail[k];
    const get = { deprecated() {
      if (!warnedAccessors) {
        warnedAccessors = true;
        process.emitWarning('Custom PerformanceEntry accessors are deprecated. Please use the detail property.',
          'DeprecationWarning', 'DEP0152');
      }
      return value;
    } }.deprecated;
    Object.defineProperty(entry, k, { __proto__: null, get, set(v) { value = v; }, enumerable: true, configurable: true });
  }
}

function enqueue(entry) {
  if (observers.size === 0) return; // (no iterator made for every mark)
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

function sortByStart(list) {
  return list.map((e, i) => [e, i]).sort((a, b) => a[0].startTime - b[0].startTime || a[1] - b[1]).map((x) => x[0]);
}

function filterEntries(list, name, type) {
  return list.filter((e) => (name === undefined || e.name === name) && (type === undefined || e.entryType === type));
}

// (a list's entries are a private field: a goja WeakMap entry per list cost several times more)
let listEntries; // listEntries(self): self's entries, or node's ERR_INVALID_ARG_TYPE

class PerformanceObserverEntryList {
  #entries;
  constructor(secret, entries) {
    if (secret !== kSecret) throw illegalConstructor();
    this.#entries = sortByStart(entries);
  }
  static {
    listEntries = (self) => {
      if (self === null || typeof self !== 'object' || !(#entries in self)) {
        throw new ERR_INVALID_ARG_TYPE('this', 'PerformanceObserverEntryList', self);
      }
      return self.#entries;
    };
  }
  getEntries() { return listEntries(this).slice(); }
  getEntriesByType(type) {
    const entries = listEntries(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    return filterEntries(entries, undefined, `${type}`);
  }
  getEntriesByName(name, type = undefined) {
    const entries = listEntries(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return filterEntries(entries, `${name}`, type === undefined ? undefined : `${type}`);
  }
  [inspectCustom](depth, opts, inspect = undefined) {
    return inspectAs(this, depth, opts, inspect, #entries in this ? this.#entries : undefined);
  }
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
    // The first observe() fixes the observer's mode: one list of entryTypes, or single types.
    if (d.mode === undefined) {
      if (entryTypes !== undefined) d.mode = 'multiple';
      if (type !== undefined) d.mode = 'single';
    } else if (d.mode === 'single' && entryTypes !== undefined) {
      throw domException('PerformanceObserver can not change to multiple observations', 'InvalidModificationError');
    } else if (d.mode === 'multiple' && type !== undefined) {
      throw domException('PerformanceObserver can not change to single observation', 'InvalidModificationError');
    }
    if (d.mode === 'multiple') {
      if (!Array.isArray(entryTypes)) throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      d.types.clear();
      for (const t of entryTypes) if (supportedEntryTypes.includes(t)) d.types.add(t);
      if (d.types.size === 0) {
        this.disconnect();
        return;
      }
    } else {
      if (!supportedEntryTypes.includes(type)) return;
      d.types.add(type);
      if (buffered) {
        const existing = entriesOfType(type);
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
    syncObserved();
  }
  disconnect() {
    const d = observerData.get(this);
    d.types.clear();
    d.buffer = [];
    d.mode = undefined;
    observers.delete(this);
    syncObserved();
  }
  takeRecords() {
    const d = observerData.get(this);
    const list = d.buffer;
    d.buffer = [];
    return list;
  }
  static get supportedEntryTypes() { return supportedEntryTypes; }
  [inspectCustom](depth, opts, inspect = undefined) {
    const d = observerData.get(this);
    return inspectAs(this, depth, opts, inspect, { connected: observers.has(this), pending: d.buffer.length > 0,
      entryTypes: [...d.types], buffer: d.buffer });
  }
}
// (as node's: both classes carry their name as their Symbol.toStringTag)
Object.defineProperty(PerformanceObserver.prototype, Symbol.toStringTag, { __proto__: null, value: 'PerformanceObserver', configurable: true });
Object.defineProperty(PerformanceObserverEntryList.prototype, Symbol.toStringTag, { __proto__: null, value: 'PerformanceObserverEntryList', configurable: true });

// ---- Performance ----

function markTime(name, what) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw makeNodeError(TypeError, 'ERR_PERFORMANCE_INVALID_TIMESTAMP', `${name} is not a valid timestamp`);
    return name;
  }
  name = `${name}`;
  if (kMilestones.has(name)) return nodeTimingMilestones()[name];
  for (let i = marks.length - 1; i >= 0; i--) if (marks[i].name === name) return marks[i].startTime;
  throw domException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

// domException is node's lazyDOMException: the error's stack begins at the function that throws
// it, without the DOMException constructor's frame.
function domException(message, name) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const ex = new globalThis.DOMException(message, name);
  Error.stackTraceLimit = limit;
  Error.captureStackTrace(ex, domException);
  return ex;
}

const kMilestones = new Set(['nodeStart', 'v8Start', 'environment', 'loopStart', 'loopExit', 'bootstrapComplete']);
function nodeTimingMilestones() {
  const t = nodeTiming;
  return { nodeStart: t.nodeStart, v8Start: t.v8Start, environment: t.environment, bootstrapComplete: t.bootstrapComplete,
    loopStart: t.loopStart, loopExit: t.loopExit };
}

// As node's: an entry whose fields are the instance's own enumerable properties.
class PerformanceNodeTiming {
  constructor() {
    const v = (value) => ({ __proto__: null, enumerable: true, configurable: true, value });
    const g = (get) => ({ __proto__: null, enumerable: true, configurable: true, get });
    Object.defineProperties(this, {
      name: v('node'),
      entryType: v('node'),
      startTime: v(0),
      duration: g(now),
      nodeStart: g(() => binding.milestones[0]),
      v8Start: g(() => binding.milestones[1]),
      environment: g(() => binding.milestones[2]),
      loopStart: g(() => binding.loopStart()),
      loopExit: g(() => -1),
      bootstrapComplete: g(() => binding.milestones[3]),
      idleTime: g(() => binding.idleTime()),
    });
  }
  [inspectCustom](depth, opts, inspect = undefined) { return inspectAs(this, depth, opts, inspect, this.toJSON()); }
  toJSON() {
    return { name: 'node', entryType: 'node', startTime: this.startTime, duration: this.duration,
      nodeStart: this.nodeStart, v8Start: this.v8Start, bootstrapComplete: this.bootstrapComplete,
      environment: this.environment, loopStart: this.loopStart, loopExit: this.loopExit, idleTime: this.idleTime };
  }
}
Object.setPrototypeOf(PerformanceNodeTiming.prototype, PerformanceEntry.prototype);
const nodeTiming = new PerformanceNodeTiming();

// As node's, performance is an EventTarget (it fires 'resourcetimingbufferfull').
const { EventTarget, defineEventHandler } = require('internal/event_target');

// performances: the Performance objects made (node's kPerformanceBrand field); their methods
// refuse another this, even one inheriting from a performance.
const performances = new WeakSet();
function validateThis(self) {
  if (!performances.has(self)) throw new ERR_INVALID_ARG_TYPE('this', 'Performance', self);
}

class Performance extends EventTarget {
  constructor(secret) {
    if (secret !== kSecret) throw illegalConstructor();
    super();
    performances.add(this);
  }
  clearMarks(name = undefined) { validateThis(this); clearList(marks, name); }
  clearMeasures(name = undefined) { validateThis(this); clearList(measures, name); }
  clearResourceTimings(name = undefined) { validateThis(this); clearList(resourceTimings.buffer, name); }
  getEntries() { validateThis(this); return sortByStart([...marks, ...measures, ...resourceTimings.buffer]); }
  getEntriesByName(name, type = undefined) {
    validateThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return filterEntries(this.getEntries(), `${name}`, type === undefined ? undefined : `${type}`);
  }
  getEntriesByType(type) {
    validateThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    type = `${type}`;
    return sortByStart(entriesOfType(type));
  }
  // (mark and measure take rest parameters, not goja's costly arguments object; length 1
  // below, as node's)
  mark(...args) {
    validateThis(this);
    if (args.length === 0) throw new ERR_MISSING_ARGS('name');
    const m = new PerformanceMark(args[0], args[1]);
    marks.push(m);
    enqueue(m);
    return m;
  }
  measure(...args) {
    validateThis(this);
    if (args.length === 0) throw new ERR_MISSING_ARGS('name');
    const name = args[0];
    const startOrOptions = args[1];
    const endMark = args[2];
    require('internal/validators').validateString(name, 'name');
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
  now() { validateThis(this); return now(); }
  setResourceTimingBufferSize(maxSize) {
    validateThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('maxSize');
    // WebIDL's unsigned long
    let n = +maxSize;
    n = Number.isFinite(n) ? Math.trunc(n) % 4294967296 : 0;
    resourceTimings.limit = n < 0 ? n + 4294967296 : n;
  }
  get timeOrigin() { validateThis(this); return binding.timeOrigin; }
  toJSON() {
    validateThis(this);
    return { nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin, eventLoopUtilization: this.eventLoopUtilization() };
  }
  // As node's: zero until the loop starts; then time since loopStart split into idle (waiting in
  // the poll) and active.
  eventLoopUtilization(util1, util2) {
    const ls = binding.loopStart();
    if (ls <= 0) return { idle: 0, active: 0, utilization: 0 };
    if (util2) {
      const idle = util1.idle - util2.idle;
      const active = util1.active - util2.active;
      return { idle, active, utilization: active / (idle + active) };
    }
    const idle = binding.idleTime();
    const active = now() - ls - idle;
    if (!util1) return { idle, active, utilization: active / (idle + active) };
    const idleDelta = idle - util1.idle;
    const activeDelta = active - util1.active;
    return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
  }
  get nodeTiming() { return nodeTiming; } // (a data property below: this keeps its place)
  // markResourceTiming(timingInfo, requestedUrl, initiatorType, global, cacheMode): what fetch
  // (undici) calls for each response, as node's.
  markResourceTiming(timingInfo, requestedUrl, initiatorType, global, cacheMode) {
    if (cacheMode !== '' && cacheMode !== 'local') {
      throw makeNodeError(Error, 'ERR_INTERNAL_ASSERTION', "cache must be an empty string or 'local'\n" +
        'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
        'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n');
    }
    const entry = new PerformanceResourceTiming(kSecret, timingInfo, `${requestedUrl}`, initiatorType, cacheMode);
    enqueue(entry);
    bufferResourceTiming(entry);
    return entry;
  }
  timerify(fn, options = {}) {
    validateFunction(fn, 'fn');
    validateObject(options, 'options');
    const { histogram } = options;
    if (histogram !== undefined && !(histogram instanceof RecordableHistogram)) {
      throw new ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram', histogram);
    }
    function complete(start, args) {
      const duration = now() - start;
      if (histogram !== undefined) histogram.record(Math.ceil(duration * 1e6));
      const entry = new PerformanceNodeEntry(kSecret, fn.name, 'function', start, duration, args);
      for (let n = 0; n < args.length; n++) entry[n] = args[n];
      enqueue(entry);
    }
    function timerified(...args) {
      const start = now();
      const result = new.target ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
      if (!new.target && result != null && typeof result.finally === 'function') {
        return result.finally(() => complete(start, args));
      }
      complete(start, args);
      return result;
    }
    Object.defineProperties(timerified, {
      length: { __proto__: null, configurable: false, enumerable: true, value: fn.length },
      name: { __proto__: null, configurable: false, enumerable: true, value: `timerified ${fn.name}` },
    });
    return timerified;
  }
  [inspectCustom](depth, opts, inspect = undefined) {
    return inspectAs(this, depth, opts, inspect, { nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin });
  }
}
defineEventHandler(Performance.prototype, 'resourcetimingbufferfull');
for (const k of Object.getOwnPropertyNames(Performance.prototype)) {
  // (node's eventLoopUtilization, markResourceTiming and timerify are defined apart: not enumerable)
  if (k === 'constructor' || k === 'eventLoopUtilization' || k === 'markResourceTiming' || k === 'timerify') continue;
  const d = Object.getOwnPropertyDescriptor(Performance.prototype, k);
  d.enumerable = true;
  Object.defineProperty(Performance.prototype, k, { __proto__: null, ...d });
}
for (const k of ['mark', 'measure']) {
  Object.defineProperty(Performance.prototype[k], 'length', { __proto__: null, value: 1, configurable: true });
}
Object.defineProperty(Performance.prototype, Symbol.toStringTag, { __proto__: null, value: 'Performance', configurable: true });
// (node's is a data property of the prototype, writable and not enumerable)
Object.defineProperty(Performance.prototype, 'nodeTiming', { __proto__: null, value: nodeTiming, writable: true, enumerable: false, configurable: true });

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
// An HdrHistogram as node's (deps/histogram): values are counted in buckets whose width grows
// with the value (figures significant digits), so memory is bounded and min, max, mean, stddev
// and percentiles are the bucket values node reports, not the exact values recorded.

const kInt64Max = 9223372036854775807n;

function bitLength(v) {
  return v < 4294967296 ? 32 - Math.clz32(v) : 64 - Math.clz32(Math.floor(v / 4294967296));
}

class Hdr {
  constructor(lowest, highest, figures) {
    const largestSingleUnit = 2 * 10 ** figures;
    const subCountMag = Math.ceil(Math.log2(largestSingleUnit));
    this.subHalfMag = (subCountMag > 1 ? subCountMag : 1) - 1;
    this.unitMag = Math.floor(Math.log2(lowest));
    this.subCount = 2 ** (this.subHalfMag + 1);
    this.subHalf = this.subCount / 2;
    this.maskBits = bitLength(this.subCount - 1) + this.unitMag;
    let untrackable = this.subCount * 2 ** this.unitMag;
    let buckets = 1;
    while (untrackable <= highest) {
      if (untrackable > 2 ** 62) {
        buckets++;
        break;
      }
      untrackable *= 2;
      buckets++;
    }
    this.countsLen = (buckets + 1) * this.subHalf;
    this.highest = highest;
    this.counts = new Float64Array(Math.min(this.countsLen, 2048));
    this.reset();
  }
  reset() {
    this.counts.fill(0);
    this.total = 0;
    this.minValue = Infinity;
    this.maxValue = 0;
    this.lastIndex = -1;
  }
  bucketIndex(v) {
    return Math.max(bitLength(v), this.maskBits) - this.unitMag - (this.subHalfMag + 1);
  }
  index(v) {
    const b = this.bucketIndex(v);
    const sub = Math.floor(v / 2 ** (b + this.unitMag));
    return ((b + 1) << this.subHalfMag) + (sub - this.subHalf);
  }
  valueAt(i) {
    let b = (i >> this.subHalfMag) - 1;
    let sub = (i & (this.subHalf - 1)) + this.subHalf;
    if (b < 0) {
      sub -= this.subHalf;
      b = 0;
    }
    return sub * 2 ** (b + this.unitMag);
  }
  lowestEquivalent(v) {
    const b = this.bucketIndex(v);
    return Math.floor(v / 2 ** (b + this.unitMag)) * 2 ** (b + this.unitMag);
  }
  rangeSize(v) {
    const b = this.bucketIndex(v);
    const sub = Math.floor(v / 2 ** (b + this.unitMag));
    return 2 ** (this.unitMag + (sub >= this.subCount ? b + 1 : b));
  }
  highestEquivalent(v) { return this.lowestEquivalent(v) + this.rangeSize(v) - 1; }
  medianEquivalent(v) { return this.lowestEquivalent(v) + Math.floor(this.rangeSize(v) / 2); }
  record(v, n) {
    if (v < 0 || v > this.highest) return false;
    const i = this.index(v);
    if (i < 0 || i >= this.countsLen) return false;
    if (i >= this.counts.length) {
      let len = this.counts.length;
      while (len <= i) len *= 2;
      const c = new Float64Array(Math.min(len, this.countsLen));
      c.set(this.counts);
      this.counts = c;
    }
    this.counts[i] += n;
    this.total += n;
    if (i > this.lastIndex) this.lastIndex = i;
    if (v !== 0 && v < this.minValue) this.minValue = v;
    if (v > this.maxValue) this.maxValue = v;
    return true;
  }
  min() { return this.minValue === Infinity ? Infinity : this.lowestEquivalent(this.minValue); }
  max() { return this.maxValue === 0 ? 0 : this.highestEquivalent(this.maxValue); }
  mean() {
    if (this.total === 0) return NaN;
    let sum = 0;
    for (let i = 0; i <= this.lastIndex; i++) {
      const c = this.counts[i];
      if (c !== 0) sum += c * this.medianEquivalent(this.valueAt(i));
    }
    if (sum > Number.MAX_SAFE_INTEGER) {
      // node sums in int64: redo exactly
      let big = 0n;
      for (let i = 0; i <= this.lastIndex; i++) {
        const c = this.counts[i];
        if (c !== 0) big += BigInt(c) * BigInt(this.medianEquivalent(this.valueAt(i)));
      }
      return Number(big) / this.total;
    }
    return sum / this.total;
  }
  stddev() {
    if (this.total === 0) return NaN;
    const mean = this.mean();
    let dev2 = 0;
    for (let i = 0; i <= this.lastIndex; i++) {
      const c = this.counts[i];
      if (c !== 0) {
        const dev = this.medianEquivalent(this.valueAt(i)) - mean;
        dev2 += (dev * dev) * c;
      }
    }
    return Math.sqrt(dev2 / this.total);
  }
  percentile(p) {
    const req = p < 100 ? p : 100;
    let want = Math.trunc((req / 100) * this.total + 0.5);
    if (want < 1) want = 1;
    let seen = 0;
    for (let i = 0; i <= this.lastIndex; i++) {
      seen += this.counts[i];
      if (seen >= want) return this.highestEquivalent(this.valueAt(i));
    }
    return 0;
  }
  // percentiles walks the histogram as hdr's percentile iterator (one tick per half distance).
  percentiles(map) {
    let at = 0;
    let cumulative = 0;
    let value = 0;
    let i = -1;
    let started = false;
    for (;;) {
      if (cumulative >= this.total) {
        map.set(100, value);
        return map;
      }
      if (!started) {
        started = true;
        i++;
        cumulative += this.counts[i] || 0;
        value = this.valueAt(i);
      }
      let found = false;
      for (;;) {
        const c = this.counts[i] || 0;
        if (c !== 0 && at <= (100 * cumulative) / this.total) {
          map.set(at, value);
          const half = 2 ** (Math.trunc(Math.log(100 / (100 - at)) / Math.log(2)) + 1);
          at += 100 / half;
          found = true;
          break;
        }
        if (cumulative >= this.total || i + 1 >= this.countsLen) break;
        i++;
        cumulative += this.counts[i] || 0;
        value = this.valueAt(i);
      }
      if (!found) {
        map.set(100, value);
        return map;
      }
    }
  }
}

// node returns its primordials' SafeMap: Map's methods on a prototype chain without Map.prototype.
class SafeMap extends Map {}
for (const k of Reflect.ownKeys(Map.prototype)) {
  if (k !== 'constructor') Object.defineProperty(SafeMap.prototype, k, { __proto__: null, ...Object.getOwnPropertyDescriptor(Map.prototype, k) });
}
Object.setPrototypeOf(SafeMap.prototype, null);
Object.freeze(SafeMap.prototype);

const histData = new WeakMap();

function hdrOf(self) {
  const d = histData.get(self);
  if (d === undefined) throw makeNodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type Histogram');
  return d;
}

function newHistData(lowest, highest, figures) {
  return { hdr: new Hdr(lowest, highest, figures), count: 0, exceeds: 0, prev: 0n, lowest, highest, figures, id: 0 };
}

// A histogram clones as node's JSTransferable: the copy shares its data (a clone of a recordable
// one records into the same histogram; an event loop delay one gives a plain Histogram that
// follows it). A worker gets the data as it was when posted (node shares it between threads).
const structuredCloneInternal = require('internal/structured_clone');
const sharedHists = new Map();
let lastHistId = 0;
let threadId;
function cloneableHist(kind) {
  return function cloneable() {
    const d = hdrOf(this);
    if (d.id === 0) d.id = ++lastHistId;
    if (!sharedHists.has(d.id)) sharedHists.set(d.id, typeof WeakRef === 'function' ? new WeakRef(d) : { deref: () => d });
    if (threadId === undefined) threadId = require('worker_threads').threadId;
    const { hdr } = d;
    return {
      module: 'perf_hooks',
      kind,
      data: { thread: threadId, id: d.id, lowest: d.lowest, highest: d.highest, figures: d.figures, count: d.count,
        exceeds: d.exceeds, total: hdr.total, minValue: hdr.minValue, maxValue: hdr.maxValue, lastIndex: hdr.lastIndex,
        counts: hdr.counts.slice(0, hdr.lastIndex + 1) },
    };
  };
}
function revivedHistData(data) {
  if (threadId === undefined) threadId = require('worker_threads').threadId;
  const ref = data.thread === threadId ? sharedHists.get(data.id) : undefined;
  const live = ref !== undefined ? ref.deref() : undefined;
  if (live !== undefined) return live;
  const d = newHistData(data.lowest, data.highest, data.figures);
  d.count = data.count;
  d.exceeds = data.exceeds;
  Object.assign(d.hdr, { total: data.total, minValue: data.minValue, maxValue: data.maxValue, lastIndex: data.lastIndex });
  d.hdr.counts.set(data.counts);
  return d;
}

const histMaps = new WeakMap();
function percentileMap(self) {
  let m = histMaps.get(self);
  if (m === undefined) {
    m = new SafeMap();
    histMaps.set(self, m);
  }
  m.clear();
  return m;
}

// A RecordableHistogram made by createHistogram or a clone has the class as an own enumerable
// constructor property, as node's ClonedRecordableHistogram assigns it.
function newRecordable(data) {
  const h = new RecordableHistogram(kSecret, data);
  h.constructor = RecordableHistogram;
  return h;
}

function recordInto(d, v) {
  if (d.hdr.record(v, 1)) d.count++;
  else d.exceeds++;
}

class Histogram {
  constructor(secret, data) {
    if (secret !== kSecret) throw illegalConstructor();
    histData.set(this, data);
  }
  get count() { return hdrOf(this).count; }
  get countBigInt() { return BigInt(hdrOf(this).count); }
  get min() {
    const v = hdrOf(this).hdr.min();
    return v === Infinity ? 9223372036854776000 : v;
  }
  get minBigInt() {
    const v = hdrOf(this).hdr.min();
    return v === Infinity ? kInt64Max : BigInt(v);
  }
  get max() { return hdrOf(this).hdr.max(); }
  get maxBigInt() { return BigInt(hdrOf(this).hdr.max()); }
  get mean() { return hdrOf(this).hdr.mean(); }
  get exceeds() { return hdrOf(this).exceeds; }
  get exceedsBigInt() { return BigInt(hdrOf(this).exceeds); }
  get stddev() { return hdrOf(this).hdr.stddev(); }
  percentile(p) {
    const d = hdrOf(this);
    if (typeof p !== 'number') throw new ERR_INVALID_ARG_TYPE('percentile', 'number', p);
    if (!(p > 0 && p <= 100)) {
      throw new codes.ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', p);
    }
    return d.hdr.percentile(p);
  }
  percentileBigInt(p) { return BigInt(this.percentile(p)); }
  // Each histogram object has one map that both getters clear and fill again, as node's kMap: a
  // map read before stays the same object and holds the last getter's values.
  get percentiles() {
    const d = hdrOf(this);
    return d.hdr.percentiles(percentileMap(this));
  }
  get percentilesBigInt() {
    const d = hdrOf(this);
    const m = d.hdr.percentiles(percentileMap(this));
    for (const [k, v] of m) m.set(k, BigInt(v));
    return m;
  }
  reset() {
    const d = hdrOf(this);
    d.hdr.reset();
    d.count = 0;
    d.exceeds = 0;
    d.prev = 0n;
  }
  toJSON() {
    return { count: this.count, min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds,
      stddev: this.stddev, percentiles: Object.fromEntries(this.percentiles) };
  }
  [inspectCustom](depth, opts, inspect = undefined) {
    if (depth < 0) return `[${this.constructor.name}]`;
    inspect = typeof inspect === 'function' ? inspect : require('util').inspect;
    const o = Object.assign({}, opts, { depth: opts && opts.depth == null ? null : (opts ? opts.depth - 1 : 1) });
    return `Histogram ${inspect({ min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds,
      stddev: this.stddev, count: this.count, percentiles: this.percentiles }, o)}`;
  }
}

class RecordableHistogram extends Histogram {
  record(val) {
    const d = hdrOf(this);
    if (typeof val === 'bigint') {
      if (val < 1n || val > kInt64Max) throw makeNodeError(RangeError, 'ERR_OUT_OF_RANGE', 'value is out of range');
      val = Number(val);
    } else {
      validateInteger(val, 'val', 1);
    }
    recordInto(d, val);
  }
  recordDelta() {
    const d = hdrOf(this);
    const t = process.hrtime.bigint();
    if (d.prev > 0n) recordInto(d, Number(t - d.prev));
    d.prev = t;
  }
  add(other) {
    const d = hdrOf(this);
    // (node reads its internal symbol off other first: null and undefined fail that read)
    if (other === null || other === undefined) void other[kRecordableName];
    const o = other !== null && typeof other === 'object' && other instanceof RecordableHistogram ?
      histData.get(other) : undefined;
    if (o === undefined) throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    d.count += o.count;
    d.exceeds += o.exceeds;
    if (o.prev > d.prev) d.prev = o.prev;
    const counts = o === d ? d.hdr.counts.slice() : o.hdr.counts;
    for (let i = 0; i <= o.hdr.lastIndex; i++) {
      if (counts[i] !== 0) d.hdr.record(o.hdr.valueAt(i), counts[i]);
    }
  }
}

Object.defineProperty(Histogram.prototype, structuredCloneInternal.kCloneable, { __proto__: null, value: cloneableHist('Histogram') });
Object.defineProperty(RecordableHistogram.prototype, structuredCloneInternal.kCloneable, { __proto__: null, value: cloneableHist('RecordableHistogram') });
structuredCloneInternal.registerCloneable('Histogram', (data) => new Histogram(kSecret, revivedHistData(data)));
structuredCloneInternal.registerCloneable('RecordableHistogram', (data) => newRecordable(revivedHistData(data)));

function createHistogram(options = {}) {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  if (typeof lowest !== 'bigint') validateInteger(lowest, 'options.lowest', 1, Number.MAX_SAFE_INTEGER);
  if (typeof highest !== 'bigint') {
    // (a bigint lowest fails here as in node: TypeError, BigInts and numbers do not mix)
    validateInteger(highest, 'options.highest', 2 * lowest, Number.MAX_SAFE_INTEGER);
  } else if (highest < 2n * lowest) {
    throw makeNodeError(RangeError, 'ERR_INVALID_ARG_VALUE',
      `The property 'options.highest' is invalid. Received ${require('util').inspect(highest)}`);
  }
  validateInteger(figures, 'options.figures', 1, 5);
  // bigint bounds hdr_init refuses (node aborts on them): a range error rather than a histogram
  // that cannot count
  if (lowest < 1n) {
    throw makeNodeError(RangeError, 'ERR_OUT_OF_RANGE',
      `The value of "options.lowest" is out of range. It must be >= 1. Received ${require('util').inspect(lowest)}`);
  }
  if (highest > kInt64Max) {
    throw makeNodeError(RangeError, 'ERR_OUT_OF_RANGE',
      `The value of "options.highest" is out of range. It must be <= ${kInt64Max}. Received ${require('util').inspect(highest)}`);
  }
  return newRecordable(newHistData(Number(lowest), Number(highest), figures));
}

const kRecordableName = Symbol('kRecordable');

class ELDHistogram extends Histogram {
  constructor(secret, resolution) {
    super(secret, newHistData(1, Number.MAX_SAFE_INTEGER, 3));
    const d = hdrOf(this);
    d.resolution = resolution;
    d.timer = null;
  }
  // Like node's, the timer records the time between its callbacks (resolution ms and the delay).
  enable() {
    const d = hdrOf(this);
    if (d.timer !== null) return false;
    d.prev = 0n;
    d.timer = setInterval(() => {
      const t = process.hrtime.bigint();
      if (d.prev > 0n) recordInto(d, Number(t - d.prev));
      d.prev = t;
    }, d.resolution);
    if (d.timer && typeof d.timer.unref === 'function') d.timer.unref();
    return true;
  }
  disable() {
    const d = hdrOf(this);
    if (d.timer === null) return false;
    clearInterval(d.timer);
    d.timer = null;
    return true;
  }
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return new ELDHistogram(kSecret, resolution);
}

// ---- resource timing ----
// Entries markResourceTiming makes, kept as the W3C Resource Timing buffer is: up to limit
// entries (250 by default); past it they wait in a secondary buffer and a task fires
// 'resourcetimingbufferfull' at performance, whose listeners may clear the buffer or raise the
// limit, then moves what now fits from the secondary buffer, again while that moved something,
// and drops the rest.
const resourceTimings = { buffer: [], secondary: [], limit: 250, fullPending: false };

function entriesOfType(type) {
  if (type === 'mark') return marks;
  if (type === 'measure') return measures;
  if (type === 'resource') return resourceTimings.buffer;
  return [];
}

function bufferResourceTiming(entry) {
  const rt = resourceTimings;
  if (!rt.fullPending && rt.buffer.length < rt.limit) {
    rt.buffer.push(entry);
    return;
  }
  if (!rt.fullPending) {
    rt.fullPending = true;
    setImmediate(fireBufferFull);
  }
  rt.secondary.push(entry);
}

function fireBufferFull() {
  const rt = resourceTimings;
  while (rt.secondary.length > 0) {
    const before = rt.secondary.length;
    performance.dispatchEvent(new Event('resourcetimingbufferfull'));
    const room = Math.max(Math.min(rt.limit - rt.buffer.length, rt.secondary.length), 0);
    rt.buffer.push(...rt.secondary.splice(0, room));
    if (before <= rt.secondary.length) rt.secondary = [];
  }
  rt.fullPending = false;
}

// (an entry's timing info, initiator type and cache mode are private fields, not a goja WeakMap
// entry per entry)
let resourceSlot; // resourceSlot(self, 0|1|2): its timing info, initiator type or cache mode

class PerformanceResourceTiming extends PerformanceEntry {
  #info;
  #initiatorType;
  #cacheMode;
  constructor(secret, timingInfo, requestedUrl, initiatorType, cacheMode) {
    if (secret !== kSecret) throw illegalConstructor();
    super(kSecret, requestedUrl, 'resource');
    this.#info = timingInfo;
    this.#initiatorType = initiatorType;
    this.#cacheMode = cacheMode;
  }
  static {
    resourceSlot = (self, slot) => {
      if (self === null || typeof self !== 'object' || !(#info in self)) {
        throw new ERR_INVALID_ARG_TYPE('this', 'PerformanceResourceTiming', self);
      }
      return slot === 0 ? self.#info : slot === 1 ? self.#initiatorType : self.#cacheMode;
    };
  }
}
{
  // each getter reads the timing info fetch recorded (a connection's through its
  // finalConnectionTimingInfo, which may be null)
  const info = (self) => resourceSlot(self, 0);
  const conn = (key) => function() { const c = info(this).finalConnectionTimingInfo; return c == null ? undefined : c[key]; };
  const field = (key) => function() { return info(this)[key]; };
  const entryName = Object.getOwnPropertyDescriptor(PerformanceEntry.prototype, 'name').get;
  const getters = {
    name() { info(this); return entryName.call(this); },
    startTime: field('startTime'),
    duration() { const i = info(this); return i.endTime - i.startTime; },
    initiatorType() { return resourceSlot(this, 1); },
    workerStart: field('finalServiceWorkerStartTime'),
    redirectStart: field('redirectStartTime'),
    redirectEnd: field('redirectEndTime'),
    fetchStart: field('postRedirectStartTime'),
    domainLookupStart: conn('domainLookupStartTime'),
    domainLookupEnd: conn('domainLookupEndTime'),
    connectStart: conn('connectionStartTime'),
    connectEnd: conn('connectionEndTime'),
    secureConnectionStart: conn('secureConnectionStartTime'),
    nextHopProtocol: conn('ALPNNegotiatedProtocol'),
    requestStart: field('finalNetworkRequestStartTime'),
    responseStart: field('finalNetworkResponseStartTime'),
    responseEnd: field('endTime'),
    encodedBodySize: field('encodedBodySize'),
    decodedBodySize: field('decodedBodySize'),
    transferSize() {
      const i = info(this);
      const mode = resourceSlot(this, 2);
      if (mode === 'local') return 0;
      if (mode === 'validated') return 300;
      return i.encodedBodySize + 300;
    },
  };
  for (const name of Object.keys(getters)) {
    Object.defineProperty(getters[name], 'name', { __proto__: null, value: `get ${name}` });
    // (node's name, startTime and duration, which replace PerformanceEntry's, are not enumerable)
    const enumerable = name !== 'name' && name !== 'startTime' && name !== 'duration';
    Object.defineProperty(PerformanceResourceTiming.prototype, name, { __proto__: null, get: getters[name], enumerable, configurable: true });
  }
  Object.defineProperty(PerformanceResourceTiming.prototype, 'toJSON', {
    __proto__: null, writable: true, enumerable: true, configurable: true,
    value: function toJSON() {
      const json = { name: this.name, entryType: this.entryType };
      for (const k of ['startTime', 'duration', 'initiatorType', 'nextHopProtocol', 'workerStart', 'redirectStart',
        'redirectEnd', 'fetchStart', 'domainLookupStart', 'domainLookupEnd', 'connectStart', 'connectEnd',
        'secureConnectionStart', 'requestStart', 'responseStart', 'responseEnd', 'transferSize', 'encodedBodySize',
        'decodedBodySize']) json[k] = this[k];
      return json;
    },
  });
  Object.defineProperty(PerformanceResourceTiming.prototype, Symbol.toStringTag, { __proto__: null, value: 'PerformanceResourceTiming', configurable: true });
}

// node's constructors of these take their (internal) arguments as a rest parameter: length 0
for (const C of [Performance, PerformanceEntry, PerformanceMeasure, PerformanceObserverEntryList, PerformanceResourceTiming, Histogram]) {
  Object.defineProperty(C, 'length', { __proto__: null, value: 0, configurable: true });
}
Object.defineProperty(PerformanceMark, 'length', { __proto__: null, value: 1, configurable: true });
Object.defineProperty(ELDHistogram, 'length', { __proto__: null, value: 1, configurable: true });
// (node's observer and entry list methods are enumerable)
for (const C of [PerformanceObserver, PerformanceObserverEntryList]) {
  for (const k of Object.getOwnPropertyNames(C.prototype)) {
    if (k === 'constructor') continue;
    const d = Object.getOwnPropertyDescriptor(C.prototype, k);
    d.enumerable = true;
    Object.defineProperty(C.prototype, k, { __proto__: null, ...d });
  }
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
// (node's constants object is the binding's: every value read-only, and the entry types and
// milestones there too, not enumerable)
for (const k of Object.keys(constants)) {
  Object.defineProperty(constants, k, { __proto__: null, writable: false, configurable: false });
}
['GC', 'HTTP', 'HTTP2', 'NET', 'DNS'].forEach((k, i) => Object.defineProperty(constants,
  'NODE_PERFORMANCE_ENTRY_TYPE_' + k, { __proto__: null, value: i }));
['TIME_ORIGIN_TIMESTAMP', 'TIME_ORIGIN', 'ENVIRONMENT', 'NODE_START', 'V8_START', 'LOOP_START',
  'LOOP_EXIT', 'BOOTSTRAP_COMPLETE'].forEach((k, i) => Object.defineProperty(constants,
  'NODE_PERFORMANCE_MILESTONE_' + k, { __proto__: null, value: i }));

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
