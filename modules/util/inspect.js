'use strict';
// internal/util/inspect: util.inspect and util.format with Node's exact output. The algorithm
// follows Node's documented behaviour; the Go binding answers what JS cannot see (the internal
// kind of an object, promise state, proxy target) and escapes strings.

// Built-ins as they were when util (or this file) loaded, so that a later monkey-patch of
// Object.keys and the like does not break inspect (node reads them from its primordials).
var P = require('internal/util/primordials');
var ObjectGetOwnPropertyDescriptor = P.ObjectGetOwnPropertyDescriptor;
var ObjectGetOwnPropertyNames = P.ObjectGetOwnPropertyNames;
var ObjectGetOwnPropertySymbols = P.ObjectGetOwnPropertySymbols;
var ObjectDefineProperty = P.ObjectDefineProperty;
var ObjectGetPrototypeOf = P.ObjectGetPrototypeOf;
var ObjectSetPrototypeOf = P.ObjectSetPrototypeOf;
var ObjectKeys = P.ObjectKeys;
var ObjectAssign = P.ObjectAssign;
var ObjectCreate = P.ObjectCreate;
var ObjectFreeze = P.ObjectFreeze;
var ReflectOwnKeys = P.ReflectOwnKeys;
var ArrayIsArray = P.ArrayIsArray;
var JSONStringify = P.JSONStringify;
var uncurryThis = P.uncurryThis;

var kindOf = binding.kind;
var proxyDetails = binding.proxyDetails;
var engineErrorStack = binding.engineErrorStack;
var promiseDetails = binding.promiseDetails;
var internalClassName = binding.className;
var quote = binding.quote;
var escapeRaw = binding.escapeRaw;
var nonIndexKeys = binding.nonIndexKeys;
var dataValues = binding.dataValues;
var denseArray = binding.denseArray;
var ACCESSOR = binding.accessor;
var fastInspect = binding.fastInspect;
// The parts of this glue compiled on first use (modules/glueparts.go): error stacks, the rarer
// kinds of objects (typed arrays, buffers, iterators, weak collections, promises, proxies, boxed
// primitives, sparse arrays, namespaces) and numeric separators, showHidden's prototype
// properties, the grouping of long arrays and util.format's directives. Each is asked for by the
// function below that names it (once per runtime; the names it is given never change).
var errorsPart = null;
function errorsFns() {
  return errorsPart || (errorsPart = binding.part('errors')({
    ArrayIsArray, engineErrorStack, errorToString, getPrefix, isError, kindOf, require,
  }));
}
var kindsPart = null;
function kindsFns() {
  return kindsPart || (kindsPart = binding.part('kinds')({
    K_BIGINT, K_BOOLEAN, K_NUMBER, K_STRING, K_SYMBOL, ObjectGetOwnPropertyDescriptor,
    ObjectGetPrototypeOf, ObjectKeys, P, binding, formatBigInt, formatNumber, formatPrimitive,
    formatProperty, formatValue, kArrayExtrasType, kArrayType, kObjectType,
    promiseDetails, reduceToSingleString, remainingText, stylizeNoColor, typedArrayLength,
    typedArrayTag, uncurryThis,
  }));
}
var hiddenPart = null;
function hiddenFns() {
  return hiddenPart || (hiddenPart = binding.part('hidden')({
    ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf, ReflectOwnKeys, binding, builtInObjects,
    formatProperty, hasOwn, kObjectType,
  }));
}
var directivesPart = null;
function directivesFns() {
  return directivesPart || (directivesPart = binding.part('directives')({
    K_PROXY, ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf, SymbolToPrimitive,
    builtInObjects, formatBigInt, formatNumber, hasOwn, inspect, inspectDefaultOptions, inspectO,
    joinInspected, kindOf, proxyDetails, stylizeNoColor, tryStringify, withOptions,
  }));
}
var groupPart = null;
function groupFns() {
  return groupPart || (groupPart = binding.part('group')({ getStringWidth }));
}
// console formats objects through fastInspect itself until this glue (and its defaultOptions) exists.
binding.jsLoaded = true;
// fastMode: 0 never use the Go fast path, 1 use it, 2 use it and check it against inspect.js.
var fastMode = 1;

// Keep in sync with kinds in util.go.
var K_ASYNCGENFUNC = 30; // after K_REGEXPSTRINGITER (util.go's kAsyncGenFunc)
var K_OBJECT = 0, K_ARRAY = 1, K_FUNC = 2, K_ASYNCFUNC = 3, K_GENFUNC = 4, K_CLASS = 5,
  K_MAP = 6, K_SET = 7, K_WEAKMAP = 8, K_WEAKSET = 9, K_DATE = 10, K_REGEXP = 11, K_ERROR = 12,
  K_ARGS = 13, K_PROMISE = 14, K_PROXY = 15, K_TYPEDARRAY = 16, K_ARRAYBUFFER = 17,
  K_DATAVIEW = 18, K_NUMBER = 19, K_STRING = 20, K_BOOLEAN = 21, K_SYMBOL = 22, K_BIGINT = 23,
  K_GENERATOR = 24, K_MAPITER = 25, K_SETITER = 26;

var hasOwn = uncurryThis(P.ObjectPrototypeHasOwnProperty);
var propertyIsEnumerable = uncurryThis(P.ObjectPrototypePropertyIsEnumerable);
var objectToString = uncurryThis(P.ObjectPrototypeToString);
var errorToString = uncurryThis(P.ErrorPrototypeToString);
var dateToISOString = uncurryThis(P.DatePrototypeToISOString);
var dateToString = uncurryThis(P.DatePrototypeToString);
var dateGetTime = uncurryThis(P.DatePrototypeGetTime);
var regexpToString = uncurryThis(P.RegExpPrototypeToString);
var symbolToString = uncurryThis(P.SymbolPrototypeToString);
var funcToString = uncurryThis(P.FunctionPrototypeToString);
var mapSize = uncurryThis(P.MapPrototypeGetSize);
var setSize = uncurryThis(P.SetPrototypeGetSize);
var mapEntries = uncurryThis(P.MapPrototypeEntries);
var setValues = uncurryThis(P.SetPrototypeValues);
var TypedArrayProto = P.TypedArrayPrototype;
var typedArrayTag = uncurryThis(P.TypedArrayPrototypeGetSymbolToStringTag);
var typedArrayLength = uncurryThis(P.TypedArrayPrototypeGetLength);
var abByteLength = uncurryThis(P.ArrayBufferPrototypeGetByteLength);
var SymbolIterator = Symbol.iterator;
var SymbolToStringTag = Symbol.toStringTag;
var SymbolToPrimitive = Symbol.toPrimitive;

var inspectCustom = Symbol.for('nodejs.util.inspect.custom');
// inspectViews maps the prototype of a Go-backed object that node shows with fields it cannot
// hold (symbol-keyed ones: an Immediate's refed, asyncId...) to a function making a plain copy
// to show in its place (setInspectView; nothing on the object or its prototype shows it).
var inspectViews = null;

var inspectDefaultOptions = ({
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
});

var kMaxNesting = 1000;
// kEmpty stands for "no keys" where keys are only read (arrays, typed arrays).
var kEmpty = ObjectFreeze([]);
var kObjectType = 0;
var kArrayType = 1;
var kArrayExtrasType = 2;

// builtInObjects is node's set of the global names that look like constructors, which node takes
// when its inspect loads, early in its bootstrap: the engine's own globals only (not Buffer, URL,
// EventTarget, the web streams, DOMException, WebAssembly, Atomics or SharedArrayBuffer, which
// come later). It decides whether '%s' prints an object with a prototype's toString through that
// toString, and which prototypes' properties showHidden lists.
var builtInObjects = new Set(['AggregateError', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array',
  'BigUint64Array', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'FinalizationRegistry',
  'Float32Array', 'Float64Array', 'Function', 'Infinity', 'Int16Array', 'Int32Array', 'Int8Array',
  'Intl', 'JSON', 'Map', 'Math', 'NaN', 'Number', 'Object', 'Promise', 'Proxy', 'RangeError',
  'ReferenceError', 'Reflect', 'RegExp', 'Set', 'String', 'Symbol', 'SyntaxError', 'TypeError',
  'URIError', 'Uint16Array', 'Uint32Array', 'Uint8Array', 'Uint8ClampedArray', 'WeakMap', 'WeakRef',
  'WeakSet']);

var keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
var ansiPattern = '[\\u001B\\u009B][[\\]()#;?]*' +
  '(?:(?:(?:(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]+)*' +
  '|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]*)*)?' +
  // An OSC string ends with BEL or with ST (ESC \\ or its 8-bit form U+009C).
  '(?:\\u0007|\\u001B\\u005C|\\u009C))' +
  '|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~]))';
var ansi = new RegExp(ansiPattern, 'g');

function defineColorAlias(target, alias) {
  ObjectDefineProperty(inspectFn.colors, alias, {
    __proto__: null,
    get: function () { return this[target]; },
    set: function (value) { this[target] = value; },
    configurable: true,
    enumerable: false,
  });
}

function isUndefinedOrNull(v) { return v === undefined || v === null; }

function validateObject(value, name) {
  if (value === null || typeof value !== 'object') {
    throw binding.invalidArgType(name, ['object'], value);
  }
}

// inspect returns a string representation of value, as Node's util.inspect.
// Contexts are recycled: building an object with this many properties is one of the most
// expensive steps on goja, and console.log of a small value would pay it every time.
var ctxPool = [];
// kNoOptions is the empty options object console passes when it has nothing to add.
var kNoOptions = ObjectFreeze({});

function newCtx() {
  return {
    budget: undefined,
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    stylize: stylizeNoColor,
    showHidden: false,
    depth: 2,
    colors: false,
    customInspect: true,
    showProxy: false,
    maxArrayLength: 100,
    maxStringLength: 10000,
    breakLength: 80,
    compact: 3,
    sorted: false,
    getters: false,
    numericSeparator: false,
    userOptions: undefined,
    circular: undefined,
  };
}

function resetCtx(ctx) {
  var d = inspectDefaultOptions;
  ctx.budget = undefined;
  ctx.indentationLvl = 0;
  ctx.seen.length = 0;
  ctx.currentDepth = 0;
  ctx.stylize = stylizeNoColor;
  ctx.showHidden = d.showHidden;
  ctx.depth = d.depth;
  ctx.colors = d.colors;
  ctx.customInspect = d.customInspect;
  ctx.showProxy = d.showProxy;
  ctx.maxArrayLength = d.maxArrayLength;
  ctx.maxStringLength = d.maxStringLength;
  ctx.breakLength = d.breakLength;
  ctx.compact = d.compact;
  ctx.sorted = d.sorted;
  ctx.getters = d.getters;
  ctx.numericSeparator = d.numericSeparator;
  ctx.userOptions = undefined;
  ctx.circular = undefined;
}

// inspect returns a string representation of value, as Node's util.inspect.
// plainDefaults reports whether inspect's defaults d are ones the Go inspector formats with (its
// depth and showHidden aside; customInspect on, so that a Buffer may be printed as its method
// would; getters off, so that an accessor is only labelled).
function plainDefaults(d) {
  return !d.colors && !d.sorted && !d.numericSeparator && d.customInspect && !d.getters &&
    typeof d.compact === 'number' && d.compact >= 1 &&
    (d.depth === null || typeof d.depth === 'number') && typeof d.breakLength === 'number' &&
    (d.maxArrayLength === null || typeof d.maxArrayLength === 'number') &&
    (d.maxStringLength === null || typeof d.maxStringLength === 'number');
}

function inspect(value, opts, legacyDepth, legacyColors) {
  if ((opts === undefined || opts === kNoOptions) && legacyDepth === undefined &&
      legacyColors === undefined && typeof value !== 'object' && typeof value !== 'function' &&
      typeof value !== 'string' && !inspectDefaultOptions.colors) {
    return formatPrimitive(stylizeNoColor, value, inspectDefaultOptions);
  }
  if (fastMode === 1 && (opts === undefined || opts === kNoOptions) && legacyDepth === undefined &&
      legacyColors === undefined && typeof value === 'object' && value !== null) {
    // console.log's common case: default options, no context needed if Go can format it all.
    var d = inspectDefaultOptions;
    if (!d.showHidden && plainDefaults(d)) {
      var quick = fastInspect(value, d.depth === null ? Infinity : d.depth, d.breakLength, d.compact,
        d.maxArrayLength === null ? Infinity : d.maxArrayLength,
        d.maxStringLength === null ? Infinity : d.maxStringLength, 0);
      if (quick !== undefined) return quick;
    }
  }
  var ctx = ctxPool.length > 0 ? ctxPool.pop() : newCtx();
  resetCtx(ctx);
  if (legacyDepth !== undefined) ctx.depth = legacyDepth;
  if (legacyColors !== undefined) ctx.colors = legacyColors;
  if (opts !== undefined) {
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts;
    } else if (opts) {
      var optKeys = ObjectKeys(opts);
      for (var i = 0; i < optKeys.length; ++i) {
        var key = optKeys[i];
        if (hasOwn(inspectDefaultOptions, key) || key === 'stylize') {
          ctx[key] = opts[key];
        } else if (ctx.userOptions === undefined) {
          ctx.userOptions = opts;
        }
      }
    }
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  var res;
  if (fastMode !== 0 && typeof value === 'object' && value !== null &&
      ctx.stylize === stylizeNoColor && !ctx.sorted && !ctx.numericSeparator && !ctx.getters &&
      typeof ctx.compact === 'number' && ctx.compact >= 1 && ctx.compact % 1 === 0 &&
      (ctx.depth === null || typeof ctx.depth === 'number') &&
      typeof ctx.breakLength === 'number' && wholeOrInfinite(ctx.maxArrayLength) &&
      wholeOrInfinite(ctx.maxStringLength)) {
    res = fastInspect(value, ctx.depth === null ? Infinity : ctx.depth, ctx.breakLength,
      ctx.compact, ctx.maxArrayLength, ctx.maxStringLength, 0, !!ctx.showHidden, false, !ctx.customInspect);
    if (res !== undefined && fastMode === 2) {
      var slow = formatValue(ctx, value, 0);
      if (slow !== res) {
        throw new Error('inspect fast path mismatch:\n' + res + '\n---\n' + slow);
      }
    }
  }
  if (res === undefined) res = formatValue(ctx, value, 0);
  if (ctxPool.length < 8) {
    ctx.userOptions = undefined;
    ctx.circular = undefined;
    ctx.budget = undefined;
    ctxPool.push(ctx);
  }
  return res;
}
// inspectFn is the one util.inspect: this function, or the stub util.js made when a program read
// util.inspect before this glue loaded (the stub part of util.js), which calls this one from now
// on. The stub's colors and styles loaded this glue when used: the real ones follow. Its
// defaultOptions uses this function's.
var inspectFn = binding.inspectStub || inspect;
if (inspectFn !== inspect) {
  delete inspectFn.colors;
  delete inspectFn.styles;
  binding.inspectImpl = inspect;
}
inspectFn.custom = inspectCustom;

ObjectDefineProperty(inspect, 'defaultOptions', {
  __proto__: null,
  get: function () { return inspectDefaultOptions; },
  set: function (options) {
    validateObject(options, 'options'); // at: internal/util/inspect:386:5
    return ObjectAssign(inspectDefaultOptions, options);
  },
  enumerable: false,
  configurable: false,
});

inspectFn.colors = ObjectAssign(ObjectCreate(null), {
  reset: [0, 0],
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  blink: [5, 25],
  inverse: [7, 27],
  hidden: [8, 28],
  strikethrough: [9, 29],
  doubleunderline: [21, 24],
  black: [30, 39],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  white: [37, 39],
  bgBlack: [40, 49],
  bgRed: [41, 49],
  bgGreen: [42, 49],
  bgYellow: [43, 49],
  bgBlue: [44, 49],
  bgMagenta: [45, 49],
  bgCyan: [46, 49],
  bgWhite: [47, 49],
  framed: [51, 54],
  overlined: [53, 55],
  gray: [90, 39],
  redBright: [91, 39],
  greenBright: [92, 39],
  yellowBright: [93, 39],
  blueBright: [94, 39],
  magentaBright: [95, 39],
  cyanBright: [96, 39],
  whiteBright: [97, 39],
  bgGray: [100, 49],
  bgRedBright: [101, 49],
  bgGreenBright: [102, 49],
  bgYellowBright: [103, 49],
  bgBlueBright: [104, 49],
  bgMagentaBright: [105, 49],
  bgCyanBright: [106, 49],
  bgWhiteBright: [107, 49],
});
defineColorAlias('gray', 'grey');
defineColorAlias('gray', 'blackBright');
defineColorAlias('bgGray', 'bgGrey');
defineColorAlias('bgGray', 'bgBlackBright');
defineColorAlias('dim', 'faint');
defineColorAlias('strikethrough', 'crossedout');
defineColorAlias('strikethrough', 'strikeThrough');
defineColorAlias('strikethrough', 'crossedOut');
defineColorAlias('hidden', 'conceal');
defineColorAlias('inverse', 'swapColors');
defineColorAlias('inverse', 'swapcolors');
defineColorAlias('doubleunderline', 'doubleUnderline');

inspectFn.styles = ObjectAssign(ObjectCreate(null), {
  special: 'cyan',
  number: 'yellow',
  bigint: 'yellow',
  boolean: 'yellow',
  undefined: 'grey',
  null: 'bold',
  string: 'green',
  symbol: 'green',
  date: 'magenta',
  regexp: 'red',
  module: 'underline',
});

function stylizeWithColor(str, styleType) {
  var style = inspectFn.styles[styleType];
  if (style !== undefined) {
    var color = inspectFn.colors[style];
    if (color !== undefined) {
      return '\u001b[' + color[0] + 'm' + str + '\u001b[' + color[1] + 'm';
    }
  }
  return str;
}

function stylizeNoColor(str) {
  return str;
}

function removeColors(str) {
  return String.prototype.replace.call(str, ansi, '');
}

function getUserOptions(ctx, isCrossContext) {
  var ret = {
    stylize: ctx.stylize,
    showHidden: ctx.showHidden,
    depth: ctx.depth,
    colors: ctx.colors,
    customInspect: ctx.customInspect,
    showProxy: ctx.showProxy,
    maxArrayLength: ctx.maxArrayLength,
    maxStringLength: ctx.maxStringLength,
    breakLength: ctx.breakLength,
    compact: ctx.compact,
    sorted: ctx.sorted,
    getters: ctx.getters,
    numericSeparator: ctx.numericSeparator,
  };
  if (ctx.userOptions !== undefined) ObjectAssign(ret, ctx.userOptions);
  if (isCrossContext) {
    ObjectSetPrototypeOf(ret, null);
    for (var k of ObjectKeys(ret)) {
      if ((typeof ret[k] === 'object' || typeof ret[k] === 'function') && ret[k] !== null) {
        delete ret[k];
      }
    }
    ret.stylize = ObjectSetPrototypeOf(function (value, flavour) {
      var stylized;
      try {
        stylized = ctx.stylize(value, flavour) + '';
      } catch (e) { /* ignore */ }
      if (typeof stylized !== 'string') return value;
      return stylized;
    }, null);
  }
  return ret;
}

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function') {
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (value === null) {
    return ctx.stylize('null', 'null');
  }
  var context = value;
  var kind = kindOf(value);
  var isProxy = false;
  if (kind === K_PROXY) {
    isProxy = true;
    var proxy = proxyDetails(value, !!ctx.showProxy);
    if (proxy === null || (ctx.showProxy && proxy[0] === null)) {
      return ctx.stylize('<Revoked Proxy>', 'special');
    }
    if (ctx.showProxy) {
      return kindsFns().formatProxy(ctx, proxy, recurseTimes);
    }
    value = proxy;
    kind = kindOf(value);
  }
  if (inspectViews !== null && kind === K_OBJECT) {
    var viewOf = inspectViews.get(ObjectGetPrototypeOf(value));
    if (viewOf !== undefined) {
      value = viewOf(value);
      context = value;
      kind = kindOf(value);
    }
  }
  if (ctx.customInspect) {
    var maybeCustom = value[inspectCustom];
    if (typeof maybeCustom === 'function' && maybeCustom !== inspectFn &&
        !(value.constructor && value.constructor.prototype === value)) {
      var depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      var isCrossContext = isProxy || !(context instanceof Object);
      var ret = maybeCustom.call(context, depth, getUserOptions(ctx, isCrossContext), inspectFn);
      if (ret !== context) {
        if (typeof ret !== 'string') {
          return formatValue(ctx, ret, recurseTimes);
        }
        return ret.split('\n').join('\n' + ' '.repeat(ctx.indentationLvl));
      }
    }
  }
  if (ctx.seen.indexOf(value) !== -1) {
    var index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new Map();
      ctx.circular.set(value, index);
    } else {
      index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
    }
    return ctx.stylize('[Circular *' + index + ']', 'special');
  }
  return formatRaw(ctx, value, recurseTimes, typedArray, kind);
}

// wholeOrInfinite reports a number the fast path (Go, integers) reads as node's code does: a
// fraction or NaN (maxArrayLength 1.5 lists two items and '... 0.5 more items') takes the slow one
// (and so does an infinite or fractional compact).
function wholeOrInfinite(n) {
  return typeof n === 'number' && (n % 1 === 0 || n === Infinity);
}

function isInstanceof(object, proto) {
  try {
    return object instanceof proto;
  } catch (e) {
    return false;
  }
}

var ObjectPrototype = Object.prototype;
var ArrayPrototype = Array.prototype;

function getConstructorName(obj, ctx, recurseTimes, protoProps) {
  if (protoProps === undefined && !hasOwn(obj, 'constructor')) {
    // Fast path for the common prototypes, while their constructor is untouched.
    var proto = ObjectGetPrototypeOf(obj);
    if (proto === ObjectPrototype) {
      if (ObjectPrototype.constructor === Object) return 'Object';
    } else if (proto === ArrayPrototype && ArrayPrototype.constructor === Array) {
      return 'Array';
    }
  }
  var firstProto;
  var tmp = obj;
  while (obj) {
    var descriptor = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' &&
        descriptor.value.name !== '' && isInstanceof(tmp, descriptor.value)) {
      if (protoProps !== undefined &&
          (firstProto !== obj || !builtInObjects.has(descriptor.value.name))) {
        hiddenFns().addPrototypeProperties(ctx, tmp, firstProto || tmp, recurseTimes, protoProps);
      }
      return String(descriptor.value.name);
    }
    obj = ObjectGetPrototypeOf(obj);
    if (firstProto === undefined) {
      firstProto = obj;
    }
  }
  if (firstProto === null) {
    return null;
  }
  var res = internalGetConstructorName(tmp);
  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    return res + ' <Complex prototype>';
  }
  var protoConstr = getConstructorName(firstProto, ctx, recurseTimes + 1, protoProps);
  if (protoConstr === null) {
    return res + ' <' + inspect(firstProto, ObjectAssign({}, ctx, {
      customInspect: false,
      depth: -1,
    })) + '>';
  }
  return res + ' <' + protoConstr + '>';
}

// internalGetConstructorName is V8's GetConstructorName as far as goja lets us see it: V8 first
// takes the function that constructed the object (kept in its map, which goja does not keep),
// then along the prototype chain a string Symbol.toStringTag data property, or a named
// `constructor` data property other than Object on a prototype, and last the class name.
function internalGetConstructorName(obj) {
  var cur = obj;
  for (var n = 0; cur !== null && n < 1000; n++) {
    if (kindOf(cur) === K_PROXY) break;
    var d = ObjectGetOwnPropertyDescriptor(cur, SymbolToStringTag);
    if (d !== undefined && typeof d.value === 'string') return d.value;
    if (cur !== obj) {
      d = ObjectGetOwnPropertyDescriptor(cur, 'constructor');
      if (d !== undefined && typeof d.value === 'function') {
        var name = d.value.name;
        if (typeof name === 'string' && name !== '' && name !== 'Object') return name;
      }
    }
    cur = ObjectGetPrototypeOf(cur);
  }
  var kind = kindOf(obj);
  if (kind === K_TYPEDARRAY) return typedArrayTag(obj);
  var name = internalClassName(obj);
  if (name === 'Object' && kindClassNames[kind] !== undefined) return kindClassNames[kind];
  return name;
}
// V8's class names of the built-ins goja names Object (by kind; 27..29 are util.go's
// array, string and regexp-string iterators)
var kindClassNames = [];
kindClassNames[K_MAP] = 'Map';
kindClassNames[K_SET] = 'Set';
kindClassNames[K_WEAKMAP] = 'WeakMap';
kindClassNames[K_WEAKSET] = 'WeakSet';
kindClassNames[K_PROMISE] = 'Promise';
kindClassNames[K_ARRAYBUFFER] = 'ArrayBuffer';
kindClassNames[K_DATAVIEW] = 'DataView';
kindClassNames[K_GENERATOR] = 'Generator';
kindClassNames[K_MAPITER] = 'MapIterator';
kindClassNames[K_SETITER] = 'SetIterator';
kindClassNames[27] = 'Array Iterator';
kindClassNames[28] = 'StringIterator';
kindClassNames[29] = 'RegExpStringIterator';

// getCtxStyle is the prefix of an object without a more specific one: a null-prototype
// object is named by what V8 calls its constructor.
function getCtxStyle(value, constructor, tag) {
  var fallback = '';
  if (constructor === null) {
    fallback = internalGetConstructorName(value);
    if (fallback === tag) fallback = 'Object';
  }
  return getPrefix(constructor, tag, fallback);
}

function getPrefix(constructor, tag, fallback, size) {
  if (size === undefined) size = '';
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) {
      return '[' + fallback + size + ': null prototype] [' + tag + '] ';
    }
    return '[' + fallback + size + ': null prototype] ';
  }
  if (tag !== '' && constructor !== tag) {
    return constructor + size + ' [' + tag + '] ';
  }
  return constructor + size + ' ';
}

function getKeys(value, showHidden) {
  if (!showHidden) {
    try {
      return binding.ownKeys(value);
    } catch (err) {
      // a module namespace with an export in its temporal dead zone
      if (!(err instanceof ReferenceError) || !binding.isModuleNamespace(value)) throw err;
      return ObjectGetOwnPropertyNames(value);
    }
  }
  var keys;
  var symbols = ObjectGetOwnPropertySymbols(value);
  if (showHidden) {
    keys = ObjectGetOwnPropertyNames(value);
    if (typeof value === 'function') keys = hiddenFns().functionKeyOrder(keys, value);
    if (symbols.length !== 0) {
      for (var i = 0; i < symbols.length; i++) keys.push(symbols[i]);
    }
  } else {
    keys = ObjectKeys(value);
    if (symbols.length !== 0) {
      for (var j = 0; j < symbols.length; j++) {
        if (propertyIsEnumerable(value, symbols[j])) keys.push(symbols[j]);
      }
    }
  }
  return keys;
}

function isError(value, kind) {
  return kind === K_ERROR || isInstanceof(value, Error);
}

function formatRaw(ctx, value, recurseTimes, typedArray, kind) {
  var keys;
  var ownKeys = Infinity; // keys past this many are not known to be own enumerable ones
  var protoProps;
  if (ctx.showHidden && (recurseTimes <= ctx.depth || ctx.depth === null)) {
    protoProps = [];
  }
  var constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
  if (protoProps !== undefined && protoProps.length === 0) {
    protoProps = undefined;
  }
  var tag = value[SymbolToStringTag];
  if (typeof tag !== 'string' ||
      (tag !== '' && (ctx.showHidden ? hasOwn : propertyIsEnumerable)(value, SymbolToStringTag))) {
    tag = '';
  }
  var base = '';
  var formatter = getEmptyFormatArray;
  var open = '{';
  var close = '}';
  var noIterator = true;
  var extrasType = kObjectType;
  var filterAll = ctx.showHidden;
  var preview;

  if (SymbolIterator in value || constructor === null) {
    noIterator = false;
    var prefix, size;
    if (kind === K_ARRAY) {
      prefix = (constructor !== 'Array' || tag !== '') ?
        getPrefix(constructor, tag, 'Array', '(' + value.length + ')') : '';
      keys = nonIndexKeys(value, filterAll) || kEmpty;
      open = prefix + '[';
      close = ']';
      if (value.length === 0 && keys.length === 0 && protoProps === undefined) {
        return open + ']';
      }
      extrasType = kArrayExtrasType;
      formatter = formatArray;
    } else if (kind === K_SET) {
      size = setSize(value);
      prefix = getPrefix(constructor, tag, 'Set', '(' + size + ')');
      keys = getKeys(value, ctx.showHidden);
      formatter = formatSet;
      if (size === 0 && keys.length === 0 && protoProps === undefined) {
        return prefix + '{}';
      }
      open = prefix + '{';
    } else if (kind === K_MAP) {
      size = mapSize(value);
      prefix = getPrefix(constructor, tag, 'Map', '(' + size + ')');
      keys = getKeys(value, ctx.showHidden);
      formatter = formatMap;
      if (size === 0 && keys.length === 0 && protoProps === undefined) {
        return prefix + '{}';
      }
      open = prefix + '{';
    } else if (kind === K_TYPEDARRAY) {
      keys = nonIndexKeys(value, filterAll) || kEmpty;
      var fallback = '';
      if (constructor === null) {
        fallback = typedArrayTag(value);
      }
      size = typedArrayLength(value);
      prefix = getPrefix(constructor, tag, fallback, '(' + size + ')');
      open = prefix + '[';
      close = ']';
      // node reads the (shadowable) length property here
      if (value.length === 0 && keys.length === 0 && !ctx.showHidden) {
        return open + ']';
      }
      formatter = kindsFns().formatTypedArray;
      extrasType = kArrayExtrasType;
    } else if ((kind === K_MAPITER || kind === K_SETITER) &&
               (preview = binding.iterPreview(value)) !== undefined) {
      keys = getKeys(value, ctx.showHidden);
      open = kindsFns().getIteratorBraces(kind === K_MAPITER ? 'Map' : 'Set', tag);
      if (preview[1]) open = open.replace(/ Iterator] {$/, ' Entries] {');
      formatter = kindsFns().formatIterator;
    } else {
      noIterator = true;
    }
  }
  var viewVals;
  if (noIterator) {
    keys = getKeys(value, ctx.showHidden);
    if (kind === K_OBJECT && !ctx.showHidden && constructor !== 'Object' && constructor !== null) {
      // a built-in's object that keeps defaults on its prototype: laid out as node's own fields
      var view = binding.inspectView(value);
      if (view !== undefined) {
        var laid;
        try {
          laid = view(value, ACCESSOR);
        } catch (err) {
          laid = undefined; // (an object the view cannot read: shown as it is)
        }
        if (laid !== undefined) {
          keys = laid[0];
          viewVals = laid[1];
        }
      }
    }
    open = '{';
    close = '}';
    if (typeof value === 'function') {
      base = getFunctionBase(value, constructor, tag, kind);
      if (keys.length === 0 && protoProps === undefined) {
        return ctx.stylize(base, 'special');
      }
    } else if (constructor === 'Object') {
      if (kind === K_ARGS) {
        open = '[Arguments] {';
      } else if (tag !== '') {
        open = getPrefix(constructor, tag, 'Object') + '{';
      }
      if (keys.length === 0 && protoProps === undefined) {
        return open + '}';
      }
    } else if (kind === K_REGEXP) {
      base = regexpToString(constructor !== null ? value : kindsFns().copyRegExp(value));
      if (base.indexOf('\\u002f') !== -1) base = kindsFns().fixSlashes(base);
      var rprefix = getPrefix(constructor, tag, 'RegExp');
      if (rprefix !== 'RegExp ') base = rprefix + base;
      if ((keys.length === 0 && protoProps === undefined) ||
          (recurseTimes > ctx.depth && ctx.depth !== null)) {
        return ctx.stylize(base, 'regexp');
      }
    } else if (kind === K_DATE) {
      base = isNaN(dateGetTime(value)) ? dateToString(value) : dateToISOString(value);
      var dprefix = getPrefix(constructor, tag, 'Date');
      if (dprefix !== 'Date ') base = dprefix + base;
      if (keys.length === 0 && protoProps === undefined) {
        return ctx.stylize(base, 'date');
      }
    } else if (isError(value, kind)) {
      // (the keys it adds, cause and errors, need not be enumerable)
      ownKeys = keys.length;
      base = errorsFns().formatError(value, constructor, tag, ctx, keys);
      if (keys.length === 0 && protoProps === undefined) {
        return base;
      }
    } else if (kind === K_ARRAYBUFFER) {
      var abprefix = getPrefix(constructor, tag, 'ArrayBuffer');
      if (typedArray === undefined) {
        formatter = kindsFns().formatArrayBuffer;
      } else if (keys.length === 0 && protoProps === undefined) {
        return abprefix + '{ byteLength: ' + formatNumber(ctx.stylize, abByteLength(value), false) + ' }';
      }
      open = abprefix + '{';
      keys.unshift('byteLength');
    } else if (kind === K_DATAVIEW) {
      open = getPrefix(constructor, tag, 'DataView') + '{';
      keys.unshift('byteLength', 'byteOffset', 'buffer');
    } else if (kind === K_PROMISE) {
      open = getPrefix(constructor, tag, 'Promise') + '{';
      formatter = kindsFns().formatPromise;
    } else if (kind === K_WEAKSET) {
      open = getPrefix(constructor, tag, 'WeakSet') + '{';
      formatter = ctx.showHidden ? kindsFns().formatWeakSet : kindsFns().formatWeakCollection;
    } else if (kind === K_WEAKMAP) {
      open = getPrefix(constructor, tag, 'WeakMap') + '{';
      formatter = ctx.showHidden ? kindsFns().formatWeakMap : kindsFns().formatWeakCollection;
    } else if (kind >= K_NUMBER && kind <= K_BIGINT) {
      base = kindsFns().getBoxedBase(value, ctx, keys, constructor, tag, kind);
      if (keys.length === 0 && protoProps === undefined) {
        return base;
      }
    } else if (kind === K_MAPITER || kind === K_SETITER) {
      open = getPrefix(constructor, tag, 'Object') + '{';
      if (keys.length === 0 && protoProps === undefined) {
        return '[' + tag + '] {}';
      }
    } else if (constructor === null && binding.isModuleNamespace(value)) {
      open = getPrefix(constructor, tag, 'Module') + '{';
      formatter = kindsFns().namespaceFormatter(keys);
      keys = [];
    } else if (tag === 'URL' && typeof URL === 'function' && value instanceof URL &&
               !(recurseTimes > ctx.depth && ctx.depth !== null)) {
      // as node's: a URL inspected without its custom inspect (assert's diffs) is its href
      base = value.href;
      if (keys.length === 0 && protoProps === undefined) {
        return base;
      }
      open = '{';
    } else {
      if (keys.length === 0 && protoProps === undefined) {
        return getCtxStyle(value, constructor, tag) + '{}';
      }
      open = getCtxStyle(value, constructor, tag) + '{';
    }
  }

  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    var constructorName = getCtxStyle(value, constructor, tag).slice(0, -1);
    if (constructor !== null) constructorName = '[' + constructorName + ']';
    return ctx.stylize(constructorName, 'special');
  }
  recurseTimes += 1;

  if (ctx.seen.length >= kMaxNesting) {
    // goja cannot catch a stack overflow: stop well before it, as Node does when V8 overflows.
    return ctx.stylize('[' + getCtxStyle(value, constructor, tag).slice(0, -1) +
      ': Inspection interrupted prematurely. Maximum call stack size exceeded.]', 'special');
  }
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  var output;
  try {
    output = formatter(ctx, value, recurseTimes, preview);
    var vals = viewVals !== undefined ? viewVals : kind === K_OBJECT && !ctx.showHidden && keys.length !== 0 ?
      dataValues(value, keys) : undefined;
    for (var i = 0; i < keys.length; i++) {
      if (vals !== undefined && vals[i] !== ACCESSOR && i < ownKeys) {
        // (only a view's values have symbol keys)
        output.push(typeof keys[i] === 'symbol' ?
          formatProperty(ctx, value, recurseTimes, keys[i], extrasType, { value: vals[i], enumerable: true }) :
          formatDataProperty(ctx, recurseTimes, keys[i], vals[i], extrasType));
      } else {
        output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
      }
    }
    if (protoProps !== undefined) {
      for (var p = 0; p < protoProps.length; p++) output.push(protoProps[p]);
    }
  } catch (err) {
    ctx.seen.pop();
    var cname = getCtxStyle(value, constructor, tag).slice(0, -1);
    return handleMaxCallStackSize(ctx, err, cname);
  }
  if (ctx.circular !== undefined) {
    var index = ctx.circular.get(value);
    if (index !== undefined) {
      var reference = ctx.stylize('<ref *' + index + '>', 'special');
      if (ctx.compact !== true) {
        base = base === '' ? reference : reference + ' ' + base;
      } else {
        open = reference + ' ' + open;
      }
    }
  }
  ctx.seen.pop();

  if (ctx.sorted) {
    var comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) {
      output = output.sort(comparator);
    } else if (keys.length > 1) {
      var sorted = output.slice(output.length - keys.length).sort(comparator);
      sorted.unshift(output.length - keys.length, keys.length);
      Array.prototype.splice.apply(output, sorted);
    }
  }

  var res = reduceToSingleString(ctx, output, base, open, close, extrasType, recurseTimes, value);
  if (ctx.budget === undefined) ctx.budget = [];
  var budget = ctx.budget[ctx.indentationLvl] || 0;
  var newLength = budget + res.length;
  ctx.budget[ctx.indentationLvl] = newLength;
  if (newLength > 134217728) {
    ctx.depth = -1;
  }
  return res;
}

function handleMaxCallStackSize(ctx, err, constructorName) {
  if (err instanceof RangeError && /call stack/i.test(String(err.message))) {
    return ctx.stylize('[' + constructorName + ': Inspection interrupted ' +
      'prematurely. Maximum call stack size exceeded.]', 'special');
  }
  throw err;
}

function getEmptyFormatArray() {
  return [];
}

// node tells a class by its source text: one whose heritage has a call (`class A extends
// mixin(B) {`) is printed as a function, [Function: A]
var classRegExp = /^(\s+[^(]*?)\s*{/;
var stripCommentsRegExp = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g;

function printedAsClass(value) {
  var text;
  try {
    text = funcToString(value);
  } catch (e) {
    return true;
  }
  if (typeof text !== 'string' || !text.startsWith('class') || !text.endsWith('}')) return true;
  var slice = text.slice(5, -1);
  var bracket = slice.indexOf('{');
  return bracket === -1 || !slice.slice(0, bracket).includes('(') ||
    classRegExp.exec(slice.replace(stripCommentsRegExp, '')) !== null;
}

function getFunctionBase(value, constructor, tag, kind) {
  if (kind === K_CLASS && printedAsClass(value)) {
    return getClassBase(value, constructor, tag);
  }
  var type = 'Function';
  if (kind === K_GENFUNC || kind === K_ASYNCGENFUNC) type = 'Generator' + type;
  if (kind === K_ASYNCFUNC || kind === K_ASYNCGENFUNC) type = 'Async' + type;
  var base = '[' + type;
  if (constructor === null) base += ' (null prototype)';
  // node prints any name but '' as it is (a number, undefined; a symbol throws as in a template)
  var name = value.name;
  if (name === '') {
    base += ' (anonymous)';
  } else {
    base += ': ' + `${name}`;
  }
  base += ']';
  // goja gives async and generator methods Function.prototype as their prototype.
  if (constructor !== type && constructor !== null &&
      !(constructor === 'Function' && type !== 'Function')) {
    base += ' ' + constructor;
  }
  if (tag !== '' && constructor !== tag) base += ' [' + tag + ']';
  return base;
}

function getClassBase(value, constructor, tag) {
  var hasName = hasOwn(value, 'name');
  var name = (hasName && value.name) || '(anonymous)';
  var base = 'class ' + name;
  if (constructor !== 'Function' && constructor !== null) base += ' [' + constructor + ']';
  if (tag !== '' && constructor !== tag) base += ' [' + tag + ']';
  if (constructor !== null) {
    var superName = ObjectGetPrototypeOf(value).name;
    if (superName) base += ' extends ' + superName;
  } else {
    base += ' extends [null prototype]';
  }
  return '[' + base + ']';
}

function isBelowBreakLength(ctx, output, start, base) {
  var totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (var i = 0; i < output.length; i++) {
    if (ctx.colors) {
      totalLength += removeColors(output[i]).length;
    } else {
      totalLength += output[i].length;
    }
    if (totalLength > ctx.breakLength) {
      return false;
    }
  }
  return base === '' || base.indexOf('\n') === -1;
}

function reduceToSingleString(ctx, output, base, open, close, extrasType, recurseTimes, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      var entries = output.length;
      if (extrasType === kArrayExtrasType && entries > 6) {
        output = groupFns().groupArrayElements(ctx, output, value);
      }
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        var start = output.length + ctx.indentationLvl + open.length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          var joinedOutput = output.join(', ');
          if (joinedOutput.indexOf('\n') === -1) {
            return (base ? base + ' ' : '') + open + ' ' + joinedOutput + ' ' + close;
          }
        }
      }
    }
    var indentation = '\n' + ' '.repeat(ctx.indentationLvl);
    var head = (base ? base + ' ' : '') + open + indentation + '  ';
    var tail = indentation + close;
    if (output.length === 0) return head + tail;
    // The opening and closing go onto the first and last entry before the one join: goja's +
    // copies both operands (no ropes), so adding them to the joined entries copied the whole
    // text three more times at every level of a large nested value.
    output[0] = head + output[0];
    output[output.length - 1] += tail;
    return output.join(',' + indentation + '  ');
  }
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return open + (base ? ' ' + base : '') + ' ' + output.join(', ') + ' ' + close;
  }
  var ind = ' '.repeat(ctx.indentationLvl);
  var ln = base === '' && open.length === 1 ?
    ' ' : (base ? ' ' + base : '') + '\n' + ind + '  ';
  return open + ln + output.join(',\n' + ind + '  ') + ' ' + close;
}

function formatNumber(fn, number, numericSeparator) {
  if (!numericSeparator) {
    if (number === 0 && 1 / number < 0) {
      return fn('-0', 'number');
    }
    return fn('' + number, 'number');
  }
  return kindsFns().formatNumberSeparated(fn, number);
}

function formatBigInt(fn, bigint, numericSeparator) {
  var string = String(bigint);
  if (!numericSeparator) {
    return fn(string + 'n', 'bigint');
  }
  return fn(kindsFns().addNumericSeparator(string) + 'n', 'bigint');
}

function formatPrimitive(fn, value, ctx) {
  if (typeof value === 'string') {
    var trailer = '';
    if (value.length > ctx.maxStringLength) {
      var remaining = value.length - ctx.maxStringLength;
      value = value.slice(0, ctx.maxStringLength);
      trailer = '... ' + remaining + ' more character' + (remaining > 1 ? 's' : '');
    }
    if (ctx.compact !== true && value.length > 16 &&
        value.length > ctx.breakLength - ctx.indentationLvl - 4) {
      var lines = splitNewLines(value);
      for (var i = 0; i < lines.length; i++) lines[i] = fn(quote(lines[i]), 'string');
      return lines.join(' +\n' + ' '.repeat(ctx.indentationLvl + 2)) + trailer;
    }
    return fn(quote(value), 'string') + trailer;
  }
  if (typeof value === 'number') return formatNumber(fn, value, ctx.numericSeparator);
  if (typeof value === 'bigint') return formatBigInt(fn, value, ctx.numericSeparator);
  if (typeof value === 'boolean') return fn('' + value, 'boolean');
  if (typeof value === 'undefined') return fn('undefined', 'undefined');
  return fn(symbolToString(value), 'symbol');
}

// splitNewLines splits after each '\n', keeping it.
function splitNewLines(str) {
  var out = [];
  var last = 0;
  var idx;
  while ((idx = str.indexOf('\n', last)) !== -1) {
    out.push(str.slice(last, idx + 1));
    last = idx + 1;
  }
  if (last < str.length) out.push(str.slice(last));
  return out;
}

function remainingText(remaining) {
  return '... ' + remaining + ' more item' + (remaining > 1 ? 's' : '');
}

function formatArray(ctx, value, recurseTimes) {
  var valLen = value.length;
  var len = Math.min(Math.max(0, ctx.maxArrayLength), valLen);
  var remaining = valLen - len;
  var output = [];
  if (denseArray(value)) {
    for (var d = 0; d < len; d++) {
      output.push(formatDataProperty(ctx, recurseTimes, d, value[d], kArrayType));
    }
    if (remaining > 0) {
      output.push(remainingText(remaining));
    }
    return output;
  }
  for (var i = 0; i < len; i++) {
    if (!hasOwn(value, i)) {
      return kindsFns().formatSpecialArray(ctx, value, recurseTimes, len, output, i);
    }
    output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
  }
  if (remaining > 0) {
    output.push(remainingText(remaining));
  }
  return output;
}

function formatSet(ctx, value, recurseTimes) {
  var length = setSize(value);
  var maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  var remaining = length - maxLength;
  var output = [];
  ctx.indentationLvl += 2;
  var it = setValues(value);
  for (var i = 0; i < maxLength; i++) {
    var r = it.next();
    if (r.done) break;
    output.push(formatValue(ctx, r.value, recurseTimes));
  }
  if (remaining > 0) {
    output.push(remainingText(remaining));
  }
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(ctx, value, recurseTimes) {
  var length = mapSize(value);
  var maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  var remaining = length - maxLength;
  var output = [];
  ctx.indentationLvl += 2;
  var it = mapEntries(value);
  for (var i = 0; i < maxLength; i++) {
    var r = it.next();
    if (r.done) break;
    output.push(formatValue(ctx, r.value[0], recurseTimes) + ' => ' +
      formatValue(ctx, r.value[1], recurseTimes));
  }
  if (remaining > 0) {
    output.push(remainingText(remaining));
  }
  ctx.indentationLvl -= 2;
  return output;
}

// formatDataProperty is formatProperty for an own, enumerable data property whose value is
// already known (no descriptor needed).
function formatDataProperty(ctx, recurseTimes, key, v, type) {
  var diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
  var extra = ' ';
  ctx.indentationLvl += diff;
  var str = formatValue(ctx, v, recurseTimes);
  if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
    extra = '\n' + ' '.repeat(ctx.indentationLvl);
  }
  ctx.indentationLvl -= diff;
  if (type === kArrayType) {
    return str;
  }
  var name;
  if (key === '__proto__') {
    name = "['__proto__']";
  } else if (ctx.stylize === stylizeNoColor) {
    name = binding.keyName(key);
  } else if (keyStrRegExp.test(key)) {
    name = ctx.stylize(key, 'name');
  } else {
    name = ctx.stylize(quote(key), 'string');
  }
  return name + ':' + extra + str;
}

function formatProperty(ctx, value, recurseTimes, key, type, desc, original) {
  if (original === undefined) original = value;
  var name, str;
  var extra = ' ';
  desc = desc || ObjectGetOwnPropertyDescriptor(value, key) ||
    (typeof value === 'function' && (key === 'arguments' || key === 'caller') ?
      hiddenFns().sloppyDescriptor(value, key) : undefined) ||
    { value: value[key], enumerable: true };
  if (desc.value !== undefined) {
    var diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
      extra = '\n' + ' '.repeat(ctx.indentationLvl);
    }
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    var label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
    var s = ctx.stylize;
    var sp = 'special';
    if (ctx.getters && (ctx.getters === true ||
          (ctx.getters === 'get' && desc.set === undefined) ||
          (ctx.getters === 'set' && desc.set !== undefined))) {
      try {
        var tmp = desc.get.call(original);
        ctx.indentationLvl += 2;
        if (tmp === null) {
          str = s('[' + label + ':', sp) + ' ' + s('null', 'null') + s(']', sp);
        } else if (typeof tmp === 'object') {
          str = s('[' + label + ']', sp) + ' ' + formatValue(ctx, tmp, recurseTimes);
        } else {
          var primitive = formatPrimitive(s, tmp, ctx);
          str = s('[' + label + ':', sp) + ' ' + primitive + s(']', sp);
        }
        ctx.indentationLvl -= 2;
      } catch (err) {
        var message = '<Inspection threw (' + (err && err.message) + ')>';
        str = s('[' + label + ':', sp) + ' ' + message + s(']', sp);
      }
    } else {
      str = ctx.stylize('[' + label + ']', sp);
    }
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === kArrayType) {
    return str;
  }
  if (typeof key === 'symbol') {
    name = '[' + ctx.stylize(escapeRaw(symbolToString(key)), 'symbol') + ']';
  } else if (key === '__proto__') {
    name = "['__proto__']";
  } else if (desc.enumerable === false) {
    name = '[' + escapeRaw(key) + ']';
  } else if (ctx.stylize === stylizeNoColor) {
    name = binding.keyName(key);
  } else if (keyStrRegExp.test(key)) {
    name = ctx.stylize(key, 'name');
  } else {
    name = ctx.stylize(quote(key), 'string');
  }
  return name + ':' + extra + str;
}

var asciiRe = /^[\x20-\x7e]*$/;
function getStringWidth(str, removeControlChars) {
  if (removeControlChars === undefined) removeControlChars = true;
  if (removeControlChars) str = stripVTControlCharacters(str);
  if (asciiRe.test(str)) return str.length;
  return binding.stringWidth(str);
}

function stripVTControlCharacters(str) {
  return String.prototype.replace.call(str, ansi, '');
}

function tryStringify(arg) {
  try {
    return JSONStringify(arg);
  } catch (err) {
    if (err && err.name === 'TypeError' && /circular|cyclic/i.test(String(err.message))) {
      return '[Circular]';
    }
    throw err;
  }
}

// (rest parameters: goja's arguments object costs more per call; the lengths stay node's, 0 and 1)
function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

function formatWithOptions(inspectOptions, ...args) {
  validateObject(inspectOptions, 'inspectOptions');
  return formatWithOptionsInternal(inspectOptions, args);
}

function withOptions(inspectOptions, extra) {
  // (a spread, as node's: defines the fields, so an accessor on Object.prototype is not called)
  return { ...inspectOptions, ...extra };
}

function formatWithOptionsInternal(inspectOptions, args) {
  var first = args[0];
  if (typeof first === 'string' && args.length > 1) {
    // strings (and, where no option or default changes how they print, numbers, booleans, null
    // and undefined) with only %s, %c, %d and %% directives (there, also %i and %f of a number
    // and %j): formatted in Go
    var d = inspectDefaultOptions;
    var fast = binding.formatStrings(args, (inspectOptions === undefined || inspectOptions === kNoOptions) &&
      !d.colors && !d.numericSeparator, tryStringify);
    if (fast !== undefined) return fast;
  }
  if (typeof first === 'string') {
    if (args.length === 1) {
      return first;
    }
    if (first.indexOf('%') !== -1) return directivesFns().formatDirectives(inspectOptions, args);
  }
  return joinInspected(inspectOptions, args, 0, '');
}

// joinInspected appends args from a on to str, each after a space (none before the first when str
// is empty and a is 0), strings as they are, the rest inspected.
function joinInspected(inspectOptions, args, a, str) {
  // (str is a string: said so that the glue compile's string-building fix makes the loop
  // linear; a parameter is not known to be one)
  str = '' + str;
  var join = a === 0 ? '' : ' ';
  while (a < args.length) {
    var value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

// inspectO is util.format's %o of v.
function inspectO(v, inspectOptions) {
  if (fastMode === 1 && (inspectOptions === undefined || inspectOptions === kNoOptions) &&
      typeof v === 'object' && v !== null && plainDefaults(inspectDefaultOptions)) {
    // (with the defaults, as inspect would do it through a context: depth 4, hidden
    // properties shown, which the Go inspector gives up on unless it is only a length)
    var dd = inspectDefaultOptions;
    var s = fastInspect(v, 4, dd.breakLength, dd.compact,
      dd.maxArrayLength === null ? Infinity : dd.maxArrayLength,
      dd.maxStringLength === null ? Infinity : dd.maxStringLength, 0, true);
    if (s !== undefined) return s;
  }
  return inspect(v, withOptions(inspectOptions, {
    showHidden: true,
    showProxy: true,
    depth: 4,
  }));
}

// node's inspect is inspect(value, opts): the legacy arguments are read from arguments there.
Object.defineProperty(inspect, 'length', { __proto__: null, value: 2 });
module.exports = {
  inspect: inspectFn,
  inspectDefaultOptions: inspectDefaultOptions,
  kNoOptions: kNoOptions,
  setFastMode: function (m) { fastMode = m; },
  setInspectView: function (proto, viewOf) {
    if (inspectViews === null) inspectViews = new Map();
    inspectViews.set(proto, viewOf);
  },
  previewEntries: function (it) { return binding.iterPreview(it); },
  format: format,
  formatWithOptions: formatWithOptions,
  formatWithOptionsInternal: formatWithOptionsInternal,
  getStringWidth: getStringWidth,
  stripVTControlCharacters: stripVTControlCharacters,
  stylizeWithColor: stylizeWithColor,
  stylizeNoColor: stylizeNoColor,
  normalizeStack: function normalizeStack(stack) { return errorsFns().normalizeStack(stack); },
  identicalSequenceRange: function identicalSequenceRange(a, b) {
    return errorsFns().identicalSequenceRange(a, b);
  },
  kindOf: kindOf,
  kinds: binding.kindCodes(),

};

//#part errors
(function ({ ArrayIsArray, engineErrorStack, errorToString, getPrefix, isError, kindOf, require }) {
  var coreModuleRegExp = /^ {4}at (?:[^/\\(]+ \(|)node:(.+):\d+:\d+\)?$/;
  // a package name, scoped (@scope/name) or not
  var nodeModulesRegExp = /[/\\]node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+?)(?=[/\\])/g;
  var builtinIds;

  // builtinExists is node's BuiltinModule.exists for a frame's node: id: a public built-in, or an
  // internal one (gojs's glue and loader frames read node:internal/...).
  function builtinExists(id) {
    if (id.slice(0, 9) === 'internal/') return true;
    if (builtinIds === undefined) builtinIds = require('module').builtinModules;
    return builtinIds.indexOf(id) !== -1;
  }

  function safeGetCWD() {
    try {
      return process.cwd();
    } catch {
      return undefined;
    }
  }

  function markNodeModules(ctx, line) {
    var tempLine = '';
    var nodeModule;
    var pos = 0;
    nodeModulesRegExp.lastIndex = 0;
    while ((nodeModule = nodeModulesRegExp.exec(line)) !== null) {
      // '/node_modules/'.length === 14
      tempLine += line.slice(pos, nodeModule.index + 14);
      tempLine += ctx.stylize(nodeModule[1], 'module');
      pos = nodeModule.index + nodeModule[0].length;
    }
    if (pos !== 0) line = tempLine + line.slice(pos);
    return line;
  }

  function markCwd(ctx, line, workingDirectory) {
    var cwdStartPos = line.indexOf(workingDirectory);
    var cwdLength = workingDirectory.length;
    if (cwdStartPos === -1) return line;
    if (line.slice(cwdStartPos - 7, cwdStartPos) === 'file://') {
      cwdLength += 7;
      cwdStartPos -= 7;
    }
    var start = line[cwdStartPos - 1] === '(' ? cwdStartPos - 1 : cwdStartPos;
    var end = start !== cwdStartPos && line.endsWith(')') ? -1 : line.length;
    var workingDirectoryEndPos = cwdStartPos + cwdLength + 1;
    var cwdSlice = line.slice(start, workingDirectoryEndPos);
    var tempLine = line.slice(0, start) + ctx.stylize(cwdSlice, 'undefined') +
      line.slice(workingDirectoryEndPos, end);
    if (end === -1) tempLine += ctx.stylize(')', 'undefined');
    return tempLine;
  }

  // gojaFrames rewrites goja's stack frames ("\tat f (file:1:2(3))") as V8 prints them
  // ("    at f (file:1:2)").
  var gojaFrameRe = /\n\tat ([^\n]*?)(?:\(\d+\))?(\)?)(?=\n|$)/g;

  var gojaNativeFrameRe = /\n\tat (?:[^\n]* \(native\)|native|<eval>:[^\n]*)(?=\n|$)/g;

  function normalizeStack(stack) {
    // A stack already in V8's form is kept as it is, a trailing newline too (an error whose
    // message ends with one, or a stack the program set).
    if (stack.indexOf('\n\tat ') === -1) return stack;
    // Frames of Go functions ("at call (native)", the loop's Go frames) and of the runtime's
    // own entry script ("at <eval>:1:43") have no V8 counterpart: leave them out.
    stack = stack.replace(gojaNativeFrameRe, '');
    stack = stack.replace(gojaFrameRe, '\n    at $1$2');
    if (stack.charCodeAt(stack.length - 1) === 10) stack = stack.slice(0, -1);
    return stack;
  }

  function getStackString(error) {
    var stack = error.stack;
    if (typeof stack === 'string' && stack.indexOf('\n\tat ') !== -1 && engineErrorStack(error)) {
      // an error the engine raised: its stack now reads as V8's, from the captured frames
      stack = error.stack;
    }
    return stack ? normalizeStack(String(stack)) : errorToString(error);
  }

  function getStackFrames(ctx, err, stack) {
    var frames = stack.split('\n');
    var cause;
    try {
      cause = err.cause;
    } catch (e) { /* ignore */ }
    if (cause != null && typeof cause === 'object' && isError(cause, kindOf(cause))) {
      var causeStack = getStackString(cause);
      var causeStackStart = causeStack.indexOf('\n    at');
      if (causeStackStart !== -1) {
        var causeFrames = causeStack.slice(causeStackStart + 1).split('\n');
        var r = identicalSequenceRange(frames, causeFrames);
        if (r.len > 0) {
          var skipped = r.len - 2;
          var msg = '    ... ' + skipped + ' lines matching cause stack trace ...';
          frames.splice(r.offset + 1, skipped, ctx.stylize(msg, 'undefined'));
        }
      }
    }
    return frames;
  }

  function identicalSequenceRange(a, b) {
    for (var i = 0; i < a.length - 3; i++) {
      var pos = b.indexOf(a[i]);
      if (pos !== -1) {
        var rest = b.length - pos;
        if (rest > 3) {
          var len = 1;
          var maxLen = Math.min(a.length - i, rest);
          while (maxLen > len && a[i + len] === b[pos + len]) len++;
          if (len > 3) return { len: len, offset: i };
        }
      }
    }
    return { len: 0, offset: 0 };
  }

  function removeDuplicateErrorKeys(ctx, keys, err, stack) {
    if (!ctx.showHidden && keys.length !== 0) {
      var names = ['name', 'message', 'stack'];
      for (var i = 0; i < names.length; i++) {
        var index = keys.indexOf(names[i]);
        if (index !== -1 && stack.indexOf(err[names[i]]) !== -1) {
          keys.splice(index, 1);
        }
      }
    }
  }

  function improveStack(stack, constructor, name, tag) {
    var len = name.length;
    if (constructor === null ||
        (name.slice(-5) === 'Error' && stack.slice(0, len) === name &&
         (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
      var fallback = 'Error';
      if (constructor === null) {
        var start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ||
          /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
        fallback = (start && start[1]) || '';
        len = fallback.length;
        fallback = fallback || 'Error';
      }
      var prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
      if (name !== prefix) {
        if (prefix.indexOf(name) !== -1) {
          if (len === 0) {
            stack = prefix + ': ' + stack;
          } else {
            stack = prefix + stack.slice(len);
          }
        } else {
          stack = prefix + ' [' + name + ']' + stack.slice(len);
        }
      }
    }
    return stack;
  }

  function formatError(err, constructor, tag, ctx, keys) {
    var name = err.name != null ? String(err.name) : 'Error';
    var stack = getStackString(err);
    removeDuplicateErrorKeys(ctx, keys, err, stack);
    if ('cause' in err && (keys.length === 0 || keys.indexOf('cause') === -1)) {
      keys.push('cause');
    }
    if (ArrayIsArray(err.errors) && (keys.length === 0 || keys.indexOf('errors') === -1)) {
      keys.push('errors');
    }
    stack = improveStack(stack, constructor, name, tag);
    var pos = (err.message && stack.indexOf(err.message)) || -1;
    if (pos !== -1) pos += err.message.length;
    var stackStart = stack.indexOf('\n    at', pos);
    if (stackStart === -1) {
      stack = '[' + stack + ']';
    } else {
      var newStack = stack.slice(0, stackStart);
      var lines = getStackFrames(ctx, err, stack.slice(stackStart + 1));
      if (ctx.colors) {
        // Dim core frames, underline node_modules package names and dim the working directory,
        // as node does.
        var workingDirectory = safeGetCWD();
        var esmWorkingDirectory;
        for (var i = 0; i < lines.length; i++) {
          var line = lines[i];
          var core = coreModuleRegExp.exec(line);
          if (core !== null && builtinExists(core[1])) {
            newStack += '\n' + ctx.stylize(line, 'undefined');
          } else {
            line = markNodeModules(ctx, line);
            if (workingDirectory !== undefined) {
              var newLine = markCwd(ctx, line, workingDirectory);
              if (newLine === line) {
                if (esmWorkingDirectory === undefined) {
                  esmWorkingDirectory = require('url').pathToFileURL(workingDirectory).href;
                }
                newLine = markCwd(ctx, line, esmWorkingDirectory);
              }
              line = newLine;
            }
            newStack += '\n' + line;
          }
        }
      } else {
        newStack += '\n' + lines.join('\n');
      }
      stack = newStack;
    }
    if (ctx.indentationLvl !== 0) {
      var indentation = ' '.repeat(ctx.indentationLvl);
      stack = stack.split('\n').join('\n' + indentation);
    }
    return stack;
  }

  return { formatError, normalizeStack, identicalSequenceRange };
})
//#end errors

//#part kinds
(function ({ K_BIGINT, K_BOOLEAN, K_NUMBER, K_STRING, K_SYMBOL, ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf, ObjectKeys, P, binding, formatBigInt, formatNumber, formatPrimitive,
  formatProperty, formatValue, kArrayExtrasType, kArrayType, kObjectType,
  promiseDetails, reduceToSingleString, remainingText, stylizeNoColor, typedArrayLength,
  typedArrayTag, uncurryThis }) {
  function formatProxy(ctx, proxy, recurseTimes) {
    if (recurseTimes > ctx.depth && ctx.depth !== null) {
      return ctx.stylize('Proxy [Array]', 'special');
    }
    recurseTimes += 1;
    ctx.indentationLvl += 2;
    var res = [
      formatValue(ctx, proxy[0], recurseTimes),
      formatValue(ctx, proxy[1], recurseTimes),
    ];
    ctx.indentationLvl -= 2;
    return reduceToSingleString(ctx, res, '', 'Proxy [', ']', kArrayExtrasType, recurseTimes);
  }

  // copyRegExp rebuilds a regexp without prototype from its internal slots, as node's
  // new RegExp(value) does (goja's RegExp constructor does not know such an object is a regexp)
  var regexpFlagGetters = [['hasIndices', 'd'], ['global', 'g'], ['ignoreCase', 'i'],
    ['multiline', 'm'], ['dotAll', 's'], ['unicode', 'u'], ['unicodeSets', 'v'], ['sticky', 'y']];

  function copyRegExp(value) {
    var get = function (name) {
      var d = ObjectGetOwnPropertyDescriptor(RegExp.prototype, name);
      return d && d.get ? d.get.call(value) : undefined;
    };
    var flags = '';
    for (var i = 0; i < regexpFlagGetters.length; i++) {
      if (get(regexpFlagGetters[i][0])) flags += regexpFlagGetters[i][1];
    }
    return new RegExp(get('source'), flags);
  }

  // fixSlashes undoes goja's escaping of '/' in RegExp sources as '\u002f': V8 writes '\/'
  // outside character classes and a bare '/' inside them.
  function fixSlashes(src) {
    var out = '';
    var inClass = false;
    for (var i = 0; i < src.length; i++) {
      var ch = src[i];
      if (ch === '\\') {
        if (src.substr(i, 6) === '\\u002f') {
          out += inClass ? '/' : '\\/';
          i += 5;
          continue;
        }
        out += ch + (src[i + 1] || '');
        i++;
        continue;
      }
      if (ch === '[') inClass = true;
      else if (ch === ']') inClass = false;
      out += ch;
    }
    return out;
  }

  var valueOfs = {};
  valueOfs[K_NUMBER] = ['Number', uncurryThis(P.NumberPrototypeValueOf)];
  valueOfs[K_STRING] = ['String', uncurryThis(P.StringPrototypeValueOf)];
  valueOfs[K_BOOLEAN] = ['Boolean', uncurryThis(P.BooleanPrototypeValueOf)];
  valueOfs[K_BIGINT] = ['BigInt', P.BigIntPrototypeValueOf ? uncurryThis(P.BigIntPrototypeValueOf) : null];
  valueOfs[K_SYMBOL] = ['Symbol', uncurryThis(P.SymbolPrototypeValueOf)];

  function getBoxedBase(value, ctx, keys, constructor, tag, kind) {
    var entry = valueOfs[kind];
    var type = entry[0];
    if (kind === K_STRING) {
      keys.splice(0, value.length);
    }
    var base = '[' + type;
    if (type !== constructor) {
      if (constructor === null) {
        base += ' (null prototype)';
      } else {
        base += ' (' + constructor + ')';
      }
    }
    base += ': ' + formatPrimitive(stylizeNoColor, entry[1](value), ctx) + ']';
    if (tag !== '' && tag !== constructor) {
      base += ' [' + tag + ']';
    }
    if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
    return ctx.stylize(base, type.toLowerCase());
  }

  function formatArrayBuffer(ctx, value) {
    var buffer;
    try {
      buffer = new Uint8Array(value);
    } catch (e) {
      return [ctx.stylize('(detached)', 'special')];
    }
    var str = binding.hexBytes(buffer, Math.min(ctx.maxArrayLength, buffer.length));
    var remaining = buffer.length - ctx.maxArrayLength;
    if (remaining > 0) {
      str += ' ... ' + remaining + ' more byte' + (remaining > 1 ? 's' : '');
    }
    return [ctx.stylize('[Uint8Contents]', 'special') + ': <' + str + '>'];
  }

  var numberRegExp = /^(0|[1-9][0-9]*)$/;
  function formatSpecialArray(ctx, value, recurseTimes, maxLength, output, i) {
    var keys = ObjectKeys(value);
    var index = i;
    for (; i < keys.length && output.length < maxLength; i++) {
      var key = keys[i];
      var tmp = +key;
      if (tmp > 4294967294) {
        break;
      }
      if ('' + index !== key) {
        if (!numberRegExp.test(key)) {
          break;
        }
        var emptyItems = tmp - index;
        var ending = emptyItems > 1 ? 's' : '';
        output.push(ctx.stylize('<' + emptyItems + ' empty item' + ending + '>', 'undefined'));
        index = tmp;
        if (output.length === maxLength) {
          break;
        }
      }
      output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
      index++;
    }
    var remaining = value.length - index;
    if (output.length !== maxLength) {
      if (remaining > 0) {
        var end = remaining > 1 ? 's' : '';
        output.push(ctx.stylize('<' + remaining + ' empty item' + end + '>', 'undefined'));
      }
    } else if (remaining > 0) {
      output.push(remainingText(remaining));
    }
    return output;
  }

  var typedArrayConstructors = {
    Int8Array: Int8Array, Uint8Array: Uint8Array, Uint8ClampedArray: Uint8ClampedArray,
    Int16Array: Int16Array, Uint16Array: Uint16Array, Int32Array: Int32Array, Uint32Array: Uint32Array,
    Float32Array: Float32Array, Float64Array: Float64Array,
    BigInt64Array: BigInt64Array, BigUint64Array: BigUint64Array,
  };

  function formatTypedArray(ctx, value, recurseTimes) {
    var length = typedArrayLength(value);
    var maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
    // node reads the remaining count and the element kind from the length property, which an
    // own property can shadow, and the shown elements from the real length; it formats a typed
    // array without prototype through a copy that has one, whose length is the real one
    var lengthProp = length;
    if (ObjectGetPrototypeOf(value) === null) {
      value = new typedArrayConstructors[typedArrayTag(value)](value);
    } else {
      lengthProp = value.length;
    }
    var remaining = lengthProp - maxLength;
    var output = new Array(maxLength);
    var elementFormatter = lengthProp > 0 && typeof value[0] === 'number' ? formatNumber : formatBigInt;
    for (var i = 0; i < maxLength; ++i) {
      output[i] = elementFormatter(ctx.stylize, value[i], ctx.numericSeparator);
    }
    if (remaining > 0) {
      output[maxLength] = remainingText(remaining);
    }
    if (ctx.showHidden) {
      ctx.indentationLvl += 2;
      var names = ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer'];
      for (var k = 0; k < names.length; k++) {
        var str = formatValue(ctx, value[names[k]], recurseTimes, true);
        output.push('[' + names[k] + ']: ' + str);
      }
      ctx.indentationLvl -= 2;
    }
    return output;
  }

  function getIteratorBraces(type, tag) {
    if (tag !== type + ' Iterator') {
      if (tag !== '') tag += '] [';
      tag += type + ' Iterator';
    }
    return '[' + tag + '] {';
  }

  function formatIterator(ctx, value, recurseTimes, preview) {
    var entries = preview[0];
    if (preview[1]) {
      return formatMapIterInner(ctx, recurseTimes, entries);
    }
    return formatSetIterInner(ctx, recurseTimes, entries);
  }

  function formatWeakSet(ctx, value, recurseTimes) {
    var entries = binding.weakPreview(value);
    if (entries === undefined) return formatWeakCollection(ctx);
    return formatSetIterInner(ctx, recurseTimes, entries, true);
  }

  function formatWeakMap(ctx, value, recurseTimes) {
    var entries = binding.weakPreview(value);
    if (entries === undefined) return formatWeakCollection(ctx);
    return formatMapIterInner(ctx, recurseTimes, entries, true);
  }

  function formatSetIterInner(ctx, recurseTimes, entries, weak) {
    var maxArrayLength = Math.max(ctx.maxArrayLength, 0);
    var maxLength = Math.min(maxArrayLength, entries.length);
    var output = new Array(maxLength);
    ctx.indentationLvl += 2;
    for (var i = 0; i < maxLength; i++) {
      output[i] = formatValue(ctx, entries[i], recurseTimes);
    }
    ctx.indentationLvl -= 2;
    if (weak && !ctx.sorted) output.sort();
    var remaining = entries.length - maxLength;
    if (remaining > 0) {
      output.push(remainingText(remaining));
    }
    return output;
  }

  function formatMapIterInner(ctx, recurseTimes, entries, weak) {
    var maxArrayLength = Math.max(ctx.maxArrayLength, 0);
    var len = entries.length / 2;
    var remaining = len - maxArrayLength;
    var maxLength = Math.min(maxArrayLength, len);
    var output = new Array(maxLength);
    ctx.indentationLvl += 2;
    for (var i = 0; i < maxLength; i++) {
      var pos = i * 2;
      if (weak) {
        output[i] = formatValue(ctx, entries[pos], recurseTimes) + ' => ' +
          formatValue(ctx, entries[pos + 1], recurseTimes);
        continue;
      }
      var res = [
        formatValue(ctx, entries[pos], recurseTimes),
        formatValue(ctx, entries[pos + 1], recurseTimes),
      ];
      output[i] = reduceToSingleString(ctx, res, '', '[', ']', kArrayExtrasType, recurseTimes);
    }
    ctx.indentationLvl -= 2;
    if (weak && !ctx.sorted) output.sort();
    if (remaining > 0) {
      output.push(remainingText(remaining));
    }
    return output;
  }

  function formatWeakCollection(ctx) {
    return [ctx.stylize('<items unknown>', 'special')];
  }

  function formatPromise(ctx, value, recurseTimes) {
    var output;
    var details = promiseDetails(value);
    var state = details[0];
    if (state === 0) {
      output = [ctx.stylize('<pending>', 'special')];
    } else {
      ctx.indentationLvl += 2;
      var str = formatValue(ctx, details[1], recurseTimes);
      ctx.indentationLvl -= 2;
      output = [state === 2 ? ctx.stylize('<rejected>', 'special') + ' ' + str : str];
    }
    return output;
  }

  // namespaceFormatter formats a module namespace's entries as Node does: each export's current
  // value (the loader's namespaces read bindings through getters), `<uninitialized>` for a binding
  // still in its temporal dead zone.
  function namespaceFormatter(keys) {
    return function formatNamespaceObject(ctx, value, recurseTimes) {
      var output = [];
      for (var i = 0; i < keys.length; i++) {
        var key = keys[i];
        if (typeof key === 'symbol') {
          output.push(formatProperty(ctx, value, recurseTimes, key, kObjectType));
          continue;
        }
        var v;
        try {
          v = value[key];
        } catch (err) {
          if (!(err instanceof ReferenceError)) throw err;
          var str = formatProperty(ctx, value, recurseTimes, key, kObjectType, { value: '', enumerable: true });
          output.push(str.slice(0, str.lastIndexOf(' ') + 1) + ctx.stylize('<uninitialized>', 'special'));
          continue;
        }
        output.push(formatProperty(ctx, value, recurseTimes, key, kObjectType, { value: v, enumerable: true }));
      }
      return output;
    };
  }

  // formatNumberSeparated is formatNumber with numericSeparator.
  function formatNumberSeparated(fn, number) {
    // Split the number's own string at its '.', as node 20.20 does: splitting at
    // String(Math.trunc(n)) loses the sign of -0.x ("0..5" for -0.5).
    var string = String(number);
    if (Math.trunc(number) === number) {
      if (!isFinite(number) || string.indexOf('e') !== -1) {
        return fn(string, 'number');
      }
      return fn(addNumericSeparator(string), 'number');
    }
    if (isNaN(number)) {
      return fn(string, 'number');
    }
    var dot = string.indexOf('.');
    return fn(addNumericSeparator(string.slice(0, dot)) + '.' +
      addNumericSeparatorEnd(string.slice(dot + 1)), 'number');
  }

  function addNumericSeparator(integerString) {
    var result = '';
    var i = integerString.length;
    var start = integerString.charCodeAt(0) === 45 ? 1 : 0;
    for (; i >= start + 4; i -= 3) {
      result = '_' + integerString.slice(i - 3, i) + result;
    }
    return i === integerString.length ? integerString : integerString.slice(0, i) + result;
  }

  function addNumericSeparatorEnd(integerString) {
    var result = '';
    var i = 0;
    for (; i < integerString.length - 3; i += 3) {
      result += integerString.slice(i, i + 3) + '_';
    }
    return i === 0 ? integerString : result + integerString.slice(i);
  }

  return { formatProxy, copyRegExp, fixSlashes, getBoxedBase, formatArrayBuffer, formatSpecialArray,
    formatTypedArray, getIteratorBraces, formatIterator, formatWeakSet, formatWeakMap, formatWeakCollection,
    formatPromise, namespaceFormatter, formatNumberSeparated, addNumericSeparator };
})
//#end kinds

//#part hidden
(function ({ ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf, ReflectOwnKeys, binding,
  builtInObjects, formatProperty, hasOwn, kObjectType }) {
  // addPrototypeProperties lists the non-builtin prototype properties (showHidden only).
  function addPrototypeProperties(ctx, main, obj, recurseTimes, output) {
    var depth = 0;
    var keys;
    var keySet;
    do {
      if (depth !== 0 || main === obj) {
        obj = ObjectGetPrototypeOf(obj);
        if (obj === null) return;
        var descriptor = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
        if (descriptor !== undefined && typeof descriptor.value === 'function' &&
            builtInObjects.has(descriptor.value.name)) {
          return;
        }
      }
      if (depth === 0) {
        keySet = new Set();
      } else {
        for (var k = 0; k < keys.length; k++) keySet.add(keys[k]);
      }
      keys = ReflectOwnKeys(obj);
      ctx.seen.push(main);
      for (var i = 0; i < keys.length; i++) {
        var key = keys[i];
        if (key === 'constructor' || hasOwn(main, key) || (depth !== 0 && keySet.has(key))) {
          continue;
        }
        var desc = ObjectGetOwnPropertyDescriptor(obj, key);
        if (typeof desc.value === 'function') continue;
        var value = formatProperty(ctx, obj, recurseTimes, key, kObjectType, desc, main);
        if (ctx.colors) {
          output.push('\u001b[2m' + value + '\u001b[22m');
        } else {
          output.push(value);
        }
      }
      ctx.seen.pop();
    } while (++depth !== 3);
  }

  // functionKeyOrder puts length and name first, as V8 lists them, then, for a sloppy plain
  // function, the arguments and caller V8 gives it (sloppyDescriptor), then its prototype, which
  // V8 makes with the function (goja makes a function expression's when first read, after any
  // property added before).
  function functionKeyOrder(keys, fn) {
    var front = [];
    var rest = [];
    var proto = false;
    for (var i = 0; i < keys.length; i++) {
      if (keys[i] === 'length' || keys[i] === 'name') front.push(keys[i]);
      else if (keys[i] === 'prototype') proto = true;
      else rest.push(keys[i]);
    }
    front.sort();
    if (binding.sloppyFunction(fn) && !hasOwn(fn, 'arguments') && !hasOwn(fn, 'caller')) {
      front.push('arguments', 'caller');
    }
    if (proto) front.push('prototype');
    return front.concat(rest);
  }

  // sloppyDescriptor is the descriptor of V8's own arguments or caller property of a sloppy plain
  // function, which goja's functions lack; undefined for other keys and values.
  function sloppyDescriptor(value, key) {
    if (typeof value !== 'function' || (key !== 'arguments' && key !== 'caller') || !binding.sloppyFunction(value)) {
      return undefined;
    }
    return { value: null, writable: false, enumerable: false, configurable: false };
  }

  return { addPrototypeProperties, functionKeyOrder, sloppyDescriptor };
})
//#end hidden

//#part group
(function ({ getStringWidth }) {
  function groupArrayElements(ctx, output, value) {
    var totalLength = 0;
    var maxLength = 0;
    var i = 0;
    var outputLength = output.length;
    if (ctx.maxArrayLength < output.length) {
      outputLength--;
    }
    var separatorSpace = 2;
    var dataLen = new Array(outputLength);
    for (; i < outputLength; i++) {
      var len = getStringWidth(output[i], ctx.colors);
      dataLen[i] = len;
      totalLength += len + separatorSpace;
      if (maxLength < len) maxLength = len;
    }
    var actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
        (totalLength / actualMax > 5 || maxLength <= 6)) {
      var approxCharHeights = 2.5;
      var averageBias = Math.sqrt(actualMax - totalLength / output.length);
      var biasedMax = Math.max(actualMax - 3 - averageBias, 1);
      var columns = Math.min(
        Math.round(Math.sqrt(approxCharHeights * biasedMax * outputLength) / biasedMax),
        Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
        ctx.compact * 4,
        15
      );
      if (columns <= 1) {
        return output;
      }
      var tmp = [];
      var maxLineLength = [];
      for (var c = 0; c < columns; c++) {
        var lineLength = 0;
        for (var j = c; j < output.length; j += columns) {
          if (dataLen[j] > lineLength) lineLength = dataLen[j];
        }
        maxLineLength.push(lineLength + separatorSpace);
      }
      var padStart = true;
      if (value !== undefined) {
        for (var k = 0; k < output.length; k++) {
          if (typeof value[k] !== 'number' && typeof value[k] !== 'bigint') {
            padStart = false;
            break;
          }
        }
      }
      for (var l = 0; l < outputLength; l += columns) {
        var max = Math.min(l + columns, outputLength);
        var str = '';
        var m = l;
        for (; m < max - 1; m++) {
          var padding = maxLineLength[m - l] + output[m].length - dataLen[m];
          if (padStart) {
            str += (output[m] + ', ').padStart(padding, ' ');
          } else {
            str += (output[m] + ', ').padEnd(padding, ' ');
          }
        }
        if (padStart) {
          var pad = maxLineLength[m - l] + output[m].length - dataLen[m] - separatorSpace;
          str += output[m].padStart(pad, ' ');
        } else {
          str += output[m];
        }
        tmp.push(str);
      }
      if (ctx.maxArrayLength < output.length) {
        tmp.push(output[outputLength]);
      }
      output = tmp;
    }
    return output;
  }

  return { groupArrayElements };
})
//#end group

//#part directives
(function ({ K_PROXY, ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf, SymbolToPrimitive,
  builtInObjects, formatBigInt, formatNumber, hasOwn, inspect, inspectDefaultOptions, inspectO,
  joinInspected, kindOf, proxyDetails, stylizeNoColor, tryStringify, withOptions }) {
  // numSep: whether %s, %d, %i and %f group digits, as the options (or the defaults) say, read at
  // each number they format, as node's.
  function numSep(inspectOptions) {
    var v = inspectOptions != null ? inspectOptions.numericSeparator : undefined;
    return v !== undefined ? !!v : !!inspectDefaultOptions.numericSeparator;
  }

  function hasBuiltInToString(value) {
    if (kindOf(value) === K_PROXY) {
      var target = proxyDetails(value, false);
      if (target === null) return true;
      value = target;
    }
    // an object with its own toString or Symbol.toPrimitive is no built-in; else the prototype
    // that brings the nearest of them (of those it has) tells
    var lookToString = true;
    var lookToPrimitive = true;
    if (typeof value.toString !== 'function') {
      if (typeof value[SymbolToPrimitive] !== 'function') return true;
      if (hasOwn(value, SymbolToPrimitive)) return false;
      lookToString = false;
    } else if (hasOwn(value, 'toString')) {
      return false;
    } else if (typeof value[SymbolToPrimitive] !== 'function') {
      lookToPrimitive = false;
    } else if (hasOwn(value, SymbolToPrimitive)) {
      return false;
    }
    var pointer = value;
    do {
      pointer = ObjectGetPrototypeOf(pointer);
    } while (!(lookToString && hasOwn(pointer, 'toString')) &&
      !(lookToPrimitive && hasOwn(pointer, SymbolToPrimitive)));
    var descriptor = ObjectGetOwnPropertyDescriptor(pointer, 'constructor');
    return descriptor !== undefined && typeof descriptor.value === 'function' &&
      builtInObjects.has(descriptor.value.name);
  }

  // formatDirectives is formatWithOptionsInternal of a first argument holding a '%'.
  function formatDirectives(inspectOptions, args) {
    var first = args[0];
    var a = 0;
    var str = '';
    var tempStr;
    var lastPos = 0;
    // From one '%' to the next (indexOf), not a charCodeAt per character: in goja each is a
    // native call. i stops at the '%', then steps to the character after it, as node's loop.
    for (var i = first.indexOf('%'); i !== -1 && i < first.length - 1; i = first.indexOf('%', i + 1)) {
      var nextChar = first.charCodeAt(++i);
      if (a + 1 !== args.length) {
        switch (nextChar) {
          case 115: { // 's'
            var tempArg = args[++a];
            if (typeof tempArg === 'number') {
              tempStr = formatNumber(stylizeNoColor, tempArg, numSep(inspectOptions));
            } else if (typeof tempArg === 'bigint') {
              tempStr = formatBigInt(stylizeNoColor, tempArg, numSep(inspectOptions));
            } else if (typeof tempArg !== 'object' || tempArg === null ||
                       !hasBuiltInToString(tempArg)) {
              tempStr = String(tempArg);
            } else {
              tempStr = inspect(tempArg, withOptions(inspectOptions, {
                depth: 0,
                colors: false,
                compact: 3,
              }));
            }
            break;
          }
          case 106: // 'j'
            tempStr = tryStringify(args[++a]);
            break;
          case 100: { // 'd'
            var tempNum = args[++a];
            if (typeof tempNum === 'bigint') {
              tempStr = formatBigInt(stylizeNoColor, tempNum, numSep(inspectOptions));
            } else if (typeof tempNum === 'symbol') {
              tempStr = 'NaN';
            } else {
              tempStr = formatNumber(stylizeNoColor, Number(tempNum), numSep(inspectOptions));
            }
            break;
          }
          case 79: // 'O'
            tempStr = inspect(args[++a], inspectOptions);
            break;
          case 111: // 'o'
            tempStr = inspectO(args[++a], inspectOptions);
            break;
          case 105: { // 'i'
            var tempInteger = args[++a];
            if (typeof tempInteger === 'bigint') {
              tempStr = formatBigInt(stylizeNoColor, tempInteger, numSep(inspectOptions));
            } else if (typeof tempInteger === 'symbol') {
              tempStr = 'NaN';
            } else {
              // goja's parseInt drops the sign of a zero ('-0.5' gives 0): V8's gives -0
              var intStr = String(tempInteger);
              // (goja's parseInt of a long run of digits is off in the last ones: a number
              // written without an exponent is its truncation, as V8's parseInt reads it)
              var intNum = typeof tempInteger === 'number' && isFinite(tempInteger) && intStr.indexOf('e') === -1 ?
                (tempInteger === 0 ? 0 : Math.trunc(tempInteger)) : parseInt(intStr);
              if (intNum === 0 && /^\s*-/.test(intStr)) intNum = -0;
              tempStr = formatNumber(stylizeNoColor, intNum, numSep(inspectOptions));
            }
            break;
          }
          case 102: { // 'f'
            var tempFloat = args[++a];
            if (typeof tempFloat === 'symbol') {
              tempStr = 'NaN';
            } else {
              tempStr = formatNumber(stylizeNoColor, parseFloat(tempFloat), numSep(inspectOptions));
            }
            break;
          }
          case 99: // 'c'
            a += 1;
            tempStr = '';
            break;
          case 37: // '%'
            str += first.slice(lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        if (lastPos !== i - 1) {
          str += first.slice(lastPos, i - 1);
        }
        str += tempStr;
        lastPos = i + 1;
      } else if (nextChar === 37) {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    // (the rest follow, each after a space, when a directive took the first: a is then past it)
    if (lastPos !== 0) {
      a++;
      if (lastPos < first.length) {
        str += first.slice(lastPos);
      }
    }
    return joinInspected(inspectOptions, args, a, str);
  }

  return { formatDirectives };
})
//#end directives
