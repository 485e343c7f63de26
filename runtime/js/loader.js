(function (binding, process, requireBuiltin) {
'use strict';
// CommonJS loader, following Node's algorithm (https://nodejs.org/api/modules.html#all-together):
// built-ins first, then relative/absolute files (exact, .js, .json, .node, then directories via
// package.json "main" or index), "#imports", package self-reference, and node_modules up the parent
// chain with package "exports". Module, require.cache and Module._extensions are the public,
// patchable objects Node has.

// Node's error codes, loaded on the first error: a run that resolves everything never compiles them.
function codes() { return requireBuiltin('internal/errors').codes; }

const builtinSet = { has: binding.isBuiltin };
const schemeOnly = { has: binding.isSchemeOnly };

// ---- posix path helpers (the loader must not depend on the path module) -----------------------

function normalizeParts(p) {
  const n = binding.normalize(p); // in Go (loader.go), but for a lone surrogate
  if (n !== undefined) return n;
  const out = [];
  const segs = p.split('/');
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (seg === '' || seg === '.') continue;
    if (seg === '..') { if (out.length) out.pop(); continue; }
    out.push(seg);
  }
  return '/' + out.join('/');
}
function resolvePath(...parts) {
  let p = '';
  for (let i = parts.length - 1; i >= 0; i--) {
    const s = parts[i];
    if (!s) continue;
    p = p ? s + '/' + p : s;
    if (s[0] === '/') return normalizeParts(p);
  }
  return normalizeParts(binding.cwd() + '/' + p);
}
function dirname(p) {
  if (p === '/') return '/';
  const i = p.lastIndexOf('/');
  if (i <= 0) return i === 0 ? '/' : '.';
  return p.slice(0, i);
}
function extname(p) {
  const base = p.slice(p.lastIndexOf('/') + 1);
  const i = base.lastIndexOf('.');
  return i <= 0 ? '' : base.slice(i);
}

// ---- a module's source and real path ----------------------------------------------------------

// readSource(filename) reads a CommonJS module's source and realPath(p) makes a resolved path
// real as node's loader does, with the public fs.readFileSync and fs.realpathSync when a program
// replaced them (Yarn's Plug'n'Play serves packages from zip archives so), in Go otherwise
// (runtime/loaderfs.go).
function readSource(filename) {
  const read = binding.replacedFS(0);
  return read === undefined ? binding.readFile(filename) : read.call(requireBuiltin('fs'), filename, 'utf8');
}
function realPath(p) {
  const real = binding.replacedFS(1);
  return real === undefined ? binding.realpath(p) : real.call(requireBuiltin('fs'), p, {});
}

// ---- package.json -----------------------------------------------------------------------------

// The loader's caches are keyed by path: null-prototype objects rather than Maps, so that a
// runtime that never asks them (one running a script from a string) does not build Map.
const hasOwn = Function.prototype.call.bind(Object.prototype.hasOwnProperty);
const packageCache = Object.create(null);
// (scope: the lookup of a module's package scope, which node makes without asking the
// permission model: a package.json it denies is taken for none)
function readPackage(dir, scope) {
  const jsonPath = dir === '/' ? '/package.json' : dir + '/package.json';
  if (jsonPath in packageCache) return packageCache[jsonPath];
  let src;
  try {
    src = binding.readFileOrUndefined(jsonPath);
  } catch (e) {
    if (!scope || e === null || typeof e !== 'object' || e.code !== 'ERR_ACCESS_DENIED') throw e;
  }
  let pkg = false;
  if (src !== undefined) {
    try {
      const parsed = JSON.parse(src);
      // only the file's own fields count, as node's reader sees them: a getter put on
      // Object.prototype (name, main, type, exports, imports) is never called
      const own = (k) => (parsed !== null && typeof parsed === 'object' && hasOwn(parsed, k) ? parsed[k] : undefined);
      pkg = {
        path: jsonPath,
        name: own('name'),
        main: own('main'),
        exports: own('exports'),
        imports: own('imports'),
        type: own('type') || 'none',
      };
    } catch (e) {
      if (importBase === undefined) {
        // a require: node's CommonJS reader throws the parse error itself, naming the file
        const err = new SyntaxError(`Error parsing ${jsonPath}: ${e.message}`);
        err.path = jsonPath;
        throw err;
      }
      throw new (codes().ERR_INVALID_PACKAGE_CONFIG)(jsonPath, '', e.message);
    }
  }
  packageCache[jsonPath] = pkg;
  return pkg;
}
const scopeCache = Object.create(null); // directory -> its package scope (package.json contents are cached too)
function hasImportsField(parent) {
  if (!parent || typeof parent.filename !== 'string') return false;
  const pkg = readPackageScope(parent.filename);
  return !!pkg && pkg.imports !== undefined && pkg.imports !== null;
}

function readPackageScope(checkPath) {
  const start = dirname(checkPath);
  let pkg = scopeCache[start];
  if (pkg !== undefined) return pkg;
  let dir = start;
  for (;;) {
    if (dir.endsWith('/node_modules')) { pkg = false; break; }
    pkg = readPackage(dir, true);
    if (pkg) break;
    const up = dirname(dir);
    if (up === dir) { pkg = false; break; } // the root, or '.' for a relative path
    dir = up;
  }
  // --experimental-default-type=module: a scope without a type (no package.json, or one without
  // "type") is ESM, but inside node_modules
  if (binding.defaultTypeModule && (!pkg || pkg.type === 'none') && !start.includes('/node_modules/') && !start.endsWith('/node_modules')) {
    pkg = pkg ? { __proto__: pkg, type: 'module' } : { path: undefined, name: undefined, main: undefined, exports: undefined, imports: undefined, type: 'module' };
  }
  scopeCache[start] = pkg;
  return pkg;
}

// ---- Module -----------------------------------------------------------------------------------

// Made for the first module with a parent (a WeakMap's prototype costs every runtime otherwise):
// until then a module's parent is undefined, what an absent key reads as, but for one module
// whose parent is null (the main module) held in nullParent.
let parentMap, nullParent;
function parentOf(m) {
  if (parentMap !== undefined) return parentMap.get(m);
  return m === nullParent ? null : undefined;
}
function setParent(m, parent) {
  if (parentMap === undefined) {
    if (parent === undefined) {
      if (m === nullParent) nullParent = undefined;
      return;
    }
    if (parent === null && (nullParent === undefined || nullParent === m)) {
      nullParent = m;
      return;
    }
    parentMap = new WeakMap();
    if (nullParent !== undefined) parentMap.set(nullParent, null);
    nullParent = undefined;
  }
  parentMap.set(m, parent);
}

function Module(id = '', parent) {
  this.id = id;
  this.path = dirname(id);
  // (defined, not assigned, as node's setOwnProperty: an 'exports' setter on Object.prototype
  // is not called)
  Object.defineProperty(this, 'exports', { __proto__: null, value: {}, writable: true, enumerable: true, configurable: true });
  setParent(this, parent);
  if (parent && parent.children) parent.children.push(this); // a new module is in no list yet
  this.filename = null;
  this.loaded = false;
  this.children = [];
}
// node's own symbol-keyed state of a module, which inspect shows (console.log(module))
const kIsMainSymbol = Symbol('kIsMainSymbol');
const kIsCachedByESMLoader = Symbol('kIsCachedByESMLoader');
const kIsExecuting = Symbol('kIsExecuting');
const kFormat = Symbol('kFormat');
// a getter, as node's (for its policy manifests): inspect names a module's class only by a
// constructor that is a data property, so a module prints as a plain object, as under node
const moduleCtorGetter = function() { return Module; };
// (V8 names a module's type after the constructor that made it, not this getter: receiver.js)
Object.defineProperty(moduleCtorGetter, Symbol.for('gojs.madeBy'), { __proto__: null, value: 'Module' });
Object.defineProperty(Module.prototype, 'constructor', {
  __proto__: null,
  get: moduleCtorGetter,
  configurable: false, enumerable: false,
});
// module.parent: DEP0144 (once) under --pending-deprecation, as node's util.deprecate'd accessor.
let parentDeprecated;
function parentNotice() {
  if (parentDeprecated === undefined) {
    parentDeprecated = requireBuiltin('internal/options').getOptionValue('--pending-deprecation') ?
      requireBuiltin('util').deprecate(function() {}, 'module.parent is deprecated due to accuracy issues. Please use ' +
        'require.main to find program entry point instead.', 'DEP0144') : null;
  }
  if (parentDeprecated !== null) parentDeprecated();
}
Object.defineProperty(Module.prototype, 'parent', {
  __proto__: null,
  // (both named as node's wrappers are)
  get: function deprecated() { parentNotice(); return parentOf(this); },
  set: function deprecated(v) { parentNotice(); setParent(this, v); },
  configurable: false, enumerable: false,
});

Module._cache = Object.create(null);
Module._pathCache = Object.create(null);
Module._extensions = Object.create(null);
// modulePaths: the global folders searched after node_modules ($NODE_PATH, ~/.node_modules,
// ~/.node_libraries, <prefix>/lib/node), as Module._initPaths sets them; Module.globalPaths is a copy.
let modulePaths = [];
// (an import's lookup skips them: node's ES module resolver searches node_modules folders only)
let globalPathsOff = false;
Module.globalPaths = [];
Module._initPaths = function _initPaths() {
  const env = process.env;
  const homeDir = env.HOME;
  const nodePath = env.NODE_PATH;
  let paths = [resolvePath(dirname(dirname(process.execPath)) + '/lib/node')];
  if (homeDir) {
    paths.unshift(resolvePath(homeDir + '/.node_libraries'));
    paths.unshift(resolvePath(homeDir + '/.node_modules'));
  }
  if (nodePath) {
    paths = nodePath.split(':').filter(Boolean).concat(paths);
  }
  modulePaths = paths;
  Module.globalPaths = modulePaths.slice();
};
Module._initPaths();
let debugWarned = false;
Module._debug = function _debug() {
  if (!debugWarned) {
    debugWarned = true;
    process.emitWarning('Module._debug is deprecated.', 'DeprecationWarning', 'DEP0077');
  }
};
Module._preloadModules = function _preloadModules(requests) { cold().preloadModulesCold(requests); };
// module.isPreloading: true while --require modules load
let isPreloading = false;
Object.defineProperty(Module.prototype, 'isPreloading', {
  __proto__: null,
  get() { return isPreloading; },
  configurable: true, enumerable: false,
});
// Module._stat(path): 0 a file, 1 a directory, -2 (-ENOENT) neither (node's internalModuleStat);
// Module._readPackage(dir): the fields of dir's package.json the loader reads, in node's shape.
// As node's, both are non-enumerable accessors whose setter warns that the hook is experimental;
// a replaced _stat is what _findPath asks (loaderStat stays null until then).
let loaderStat = null;
const warnedHooks = {};
function warnExperimentalHook(name) {
  if (warnedHooks[name]) return;
  warnedHooks[name] = true;
  process.emitWarning(`${name} is an experimental feature and might change at any time`, 'ExperimentalWarning');
}
const builtinStat = function stat(filename) {
  const rc = binding.stat(`${filename}`);
  return rc < 0 ? -2 : rc;
};
let readPackageFn = function readPackage(requestPath) { return cold().readPackageCold(requestPath); };
Object.defineProperty(Module, '_stat', {
  __proto__: null, configurable: true, enumerable: false,
  get() { return loaderStat || builtinStat; },
  set(fn) {
    warnExperimentalHook('Module._stat');
    loaderStat = fn;
    return true;
  },
});
Object.defineProperty(Module, '_readPackage', {
  __proto__: null, configurable: true, enumerable: false,
  get() { return readPackageFn; },
  set(fn) {
    warnExperimentalHook('Module._readPackage');
    readPackageFn = fn;
    return true;
  },
});
Module.builtinModules = binding.builtinModules; // a fresh array the binding keeps no other use of
Module.Module = Module;
// Module.wrap and Module.wrapper, as node's: once either is replaced or changed, modules are
// compiled as the script wrap() makes of them.
let wrapPatched = false;
let wrap = function wrap(script) { return Module.wrapper[0] + script + Module.wrapper[1]; };
const wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
// The proxy is made on the first read of Module.wrapper (a Proxy costs every runtime otherwise).
let wrapperProxy, wrapperProxyMade = false;
function makeWrapperProxy() {
  wrapperProxyMade = true;
  wrapperProxy = cold().wrapperProxy(wrapper);
}
Object.defineProperty(Module, 'wrap', {
  __proto__: null,
  get() { return wrap; },
  set(value) { wrapPatched = true; wrap = value; },
  configurable: true,
});
Object.defineProperty(Module, 'wrapper', {
  __proto__: null,
  get() {
    if (!wrapperProxyMade) makeWrapperProxy();
    return wrapperProxy;
  },
  set(value) { wrapPatched = true; wrapperProxyMade = true; wrapperProxy = value; },
  configurable: true,
});
Module.isBuiltin = function isBuiltin(id) {
  if (typeof id !== 'string') return false;
  if (id.startsWith('node:')) {
    const name = id.slice(5);
    return builtinSet.has(name) || schemeOnly.has(name);
  }
  return builtinSet.has(id);
};
Module.syncBuiltinESMExports = function syncBuiltinESMExports() {
  if (esmObj !== undefined) esmObj.syncBuiltins(); // (no ES module loaded, no namespace to update)
};
// findSourceMap(path or file: URL): the source map a module loaded while source maps were on
// names (the runtime notes and reads them, sourcemaps.go), one SourceMap per map.
const sourceMapObjects = new Map();
Module.findSourceMap = function findSourceMap(sourceURL) {
  if (typeof sourceURL !== 'string') return undefined;
  const payload = binding.sourceMapPayload(sourceURL);
  if (payload === '') return undefined;
  let sm = sourceMapObjects.get(payload);
  if (sm === undefined) {
    const { SourceMap } = requireBuiltin('internal/source_map');
    sm = new SourceMap(JSON.parse(payload));
    sourceMapObjects.set(payload, sm);
  }
  return sm;
};
Object.defineProperty(Module, 'SourceMap', {
  __proto__: null,
  get() {
    const { SourceMap } = requireBuiltin('internal/source_map');
    Object.defineProperty(Module, 'SourceMap', { __proto__: null, value: SourceMap, writable: true, enumerable: true, configurable: true });
    return SourceMap;
  },
  set(v) { Object.defineProperty(Module, 'SourceMap', { __proto__: null, value: v, writable: true, enumerable: true, configurable: true }); },
  enumerable: true,
  configurable: true,
});
// register(specifier[, parentURL][, options]): module customization hooks, run on a hooks runtime
// of their own (runtime/hooks.go); the ES module half sends its imports through them.
Module.register = function register(specifier, parentURL = undefined, options) { esm().register(specifier, parentURL, options); };

const nodeModulePathsCache = Object.create(null);
Module._nodeModulePaths = function _nodeModulePaths(from) {
  const cached = typeof from === 'string' ? nodeModulePathsCache[from] : undefined;
  if (cached !== undefined) return cached.slice();
  const key = from;
  from = resolvePath(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  let dir = from;
  for (;;) {
    if (!dir.endsWith('/node_modules')) paths.push(dir + '/node_modules');
    if (dir === '/') break;
    dir = dirname(dir);
  }
  paths[paths.length - 1] = '/node_modules';
  if (typeof key === 'string' && key[0] === '/') nodeModulePathsCache[key] = paths.slice();
  return paths;
};

Module._resolveLookupPaths = function _resolveLookupPaths(request, parent) {
  if (Module.isBuiltin(request)) return null;
  if (request[0] !== '.' || (request.length > 1 && request[1] !== '.' && request[1] !== '/' &&
      (request.length < 3 || request.slice(0, 3) !== '../'))) {
    // (without a parent's paths, node searches the global folders only)
    const globals = globalPathsOff ? [] : modulePaths;
    if (!(parent && parent.paths && parent.paths.length)) return globals.length > 0 ? globals.slice() : null;
    return parent.paths.concat(globals);
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [dirname(parent.filename)];
};

// normalizeRequest is path.normalize for a relative request: its leading ".." are kept.
function normalizeRequest(request) {
  const out = [];
  for (const seg of request.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

Module._findPath = function _findPath(request, paths, isMain) {
  const absolute = request[0] === '/';
  if (absolute) paths = [''];
  else if (!paths || paths.length === 0) return false;
  const cacheKey = (conditions === importConditions ? 'i\x00' : '') + request + '\x00' + paths.join('\x00');
  const cached = Module._pathCache[cacheKey];
  if (cached) return cached;
  // (a file at its exact path needs no helper of resolver()'s: binding.stat and realPath are
  // its statPath and toRealPath)
  const exts = Object.getOwnPropertyNames(Module._extensions).filter((e) => !noSearchExts.includes(e));
  for (let i = 0; i < gojsSearchExts.length; i++) if (!exts.includes(gojsSearchExts[i])) exts.push(gojsSearchExts[i]);
  const trailingSlash = request.length > 0 && (request.endsWith('/') ||
    request.endsWith('/.') || request.endsWith('/..') || request === '.' || request === '..');
  // a request that climbs out of its directory ("../x") is tried even when that directory is
  // gone (node skips a missing directory only for requests inside it)
  const insidePath = !(request[0] === '.' && normalizeRequest(request).startsWith('..'));
  const stat = loaderStat || binding.stat;
  for (const curPath of paths) {
    if (insidePath && curPath && stat(curPath) < 1) continue;
    if (!absolute) {
      const exportsResolved = resolver().resolveExports(curPath, request);
      if (exportsResolved) return exportsResolved;
    }
    const basePath = resolvePath(curPath, request);
    let filename;
    const rc = stat(basePath);
    if (!trailingSlash) {
      if (rc === 0) filename = keepsLinks(isMain ? 2 : 1) ? basePath : realPath(basePath);
      if (!filename) filename = resolver().tryExtensions(basePath, exts, isMain);
    }
    if (!filename && rc === 1) filename = resolver().tryPackage(basePath, exts, isMain, request);
    if (filename) {
      Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
};

// ---- package exports / imports ------------------------------------------------------------------

// Condition sets are only asked has() and compared by identity: plain objects, so that a runtime
// does not build Set (its prototype and an iteration of each list) just to start.
// --conditions (-C) adds the user's to both sets.
const userConditions = binding.conditions;
function conditionSet(first) {
  if (userConditions !== undefined) {
    return {
      has(c) {
        return c === first || c === 'node' || c === 'node-addons' || c === 'module-sync' || userConditions.includes(c);
      },
    };
  }
  return { has(c) { return c === first || c === 'node' || c === 'node-addons' || c === 'module-sync'; } };
}
const requireConditions = conditionSet('require');
const importConditions = conditionSet('import');
let conditions = requireConditions; // the resolution in progress: import() and import use importConditions
let importBase; // the importing file of the import being resolved, undefined for a require

// ---- from a request to a file --------------------------------------------------------------

// keepsLinks(bit): whether --preserve-symlinks (1) or --preserve-symlinks-main (2) is given: a
// module's (the main module's) path is then kept as the request makes it, not made real.
let symlinkFlags = -1;
function keepsLinks(bit) {
  if (symlinkFlags < 0) symlinkFlags = binding.preserveSymlinks();
  return (symlinkFlags & bit) !== 0;
}

// The helpers _findPath and _resolveFilename use for a request that is no built-in's are made the
// first time one is resolved: a runtime that requires only built-ins never builds them.
let resolverObj;
function resolver() {
  // (runtime/js/loaderresolve.js, compiled on first use)
  return resolverObj || (resolverObj = binding.resolverFactory()({
    binding, process, Module, codes, resolvePath, dirname, readPackage, readPackageScope, conditions() { return conditions; },
    importBase() { return importBase; }, keepsLinks, realPath, stat: (p) => (loaderStat ? loaderStat(p) : binding.stat(p)),
  }));
}

// ---- resolution -------------------------------------------------------------------------------

const resolveFilename = Module._resolveFilename = function _resolveFilename(request, parent, isMain, options) {
  checkRequest(request);
  if (request.startsWith('node:') && Module.isBuiltin(request)) return request;
  if (builtinSet.has(request)) return request;
  // an import's errors name the importing file ("... imported from /a/b.mjs"), a require's do not
  importBase = conditions === importConditions && parent && typeof parent.filename === 'string' ? parent.filename : undefined;

  let paths;
  if (options !== null && typeof options === 'object' && options.paths !== undefined && !Array.isArray(options.paths)) {
    throw new (codes().ERR_INVALID_ARG_VALUE)('options.paths', options.paths);
  }
  if (options && options.paths) {
    paths = cold().optionPaths(request, options);
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }

  // "#name": the importer's package "imports". require() looks there only when the package has
  // an "imports" field (as node does); otherwise the name is searched as any other, and is not
  // found. import always does.
  if (request[0] === '#' && (!options || !options.paths) &&
      (conditions === importConditions || hasImportsField(parent))) {
    return resolver().resolveImports(request, parent);
  }
  const parentPath = parent && parent.filename ? dirname(parent.filename) : (parent ? undefined : undefined);
  if (parentPath) {
    const selfResolved = resolver().resolveSelf(request, parentPath);
    if (selfResolved) return selfResolved;
  }
  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  // a path the permission model refuses: node finds the file and is denied its read; here the
  // denial comes whether the file exists or not (the loader does not tell which)
  if (request[0] === '/' || request.startsWith('./') || request.startsWith('../')) {
    binding.checkModuleRead(request[0] === '/' ? request : (parentPath || binding.cwd()) + '/' + request);
  }

  const requireStack = [];
  for (let cursor = parent; cursor; cursor = parentOf(cursor)) {
    requireStack.push(cursor.filename || cursor.id);
  }
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += '\nRequire stack:\n- ' + requireStack.join('\n- ');
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

// ---- process methods that need the module system ----------------------------------------------

process.getBuiltinModule = function getBuiltinModule(id) {
  if (typeof id !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('id', 'string', id);
  if (!Module.isBuiltin(id)) return undefined;
  return loadBuiltin(id.startsWith('node:') ? id.slice(5) : id);
};
function processExtras() { return requireBuiltin('internal/process/extras'); }
process.loadEnvFile = function loadEnvFile(path = undefined) { return processExtras().loadEnvFile(path); };
process.setSourceMapsEnabled = function setSourceMapsEnabled(val) { return processExtras().setSourceMapsEnabled(val); };
Object.defineProperty(process, 'report', {
  __proto__: null,
  get() { return processExtras().report; }, enumerable: true, configurable: true,
});
// --report-on-signal: the report's signal listener is there from the start
if (binding.reportOnSignal) processExtras();

// ---- loading ----------------------------------------------------------------------------------

let mainModule;

function loadBuiltin(id) {
  return requireBuiltin(id);
}

// A module required again while it loads (a cycle) hands out its unfinished exports; as in node,
// reading a property they do not have yet warns, through a prototype swapped in for the time.
let circularWarningProto;
function exportsForCircularRequire(module) {
  const exp = module.exports;
  if (exp !== null && typeof exp === 'object' && Object.getPrototypeOf(exp) === Object.prototype && !exp.__esModule) {
    if (circularWarningProto === undefined) circularWarningProto = cold().circularWarningProto();
    Object.setPrototypeOf(exp, circularWarningProto);
  }
  return exp;
}

// checkRequest fails a request that is not a string as node's _load and _resolveFilename do:
// a primitive's startsWith for null/undefined/Symbol, path.resolve's check for the rest.
function checkRequest(request) {
  if (typeof request === 'string') return;
  if (request == null) throw new TypeError('String.prototype.startsWith called on null or undefined');
  if (typeof request === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  throw new (codes().ERR_INVALID_ARG_TYPE)('path', 'string', request);
}

Module._load = function _load(request, parent, isMain) {
  checkRequest(request);
  if (request.startsWith('node:')) {
    const id = request.slice(5);
    if (!Module.isBuiltin(request)) throw new (codes().ERR_UNKNOWN_BUILTIN_MODULE)(request);
    return loadBuiltin(id);
  }
  // (a bare built-in's name goes through a replaced Module._resolveFilename, as node's does:
  // module-alias, tsconfig-paths and mocking libraries hook it)
  if (builtinSet.has(request) && Module._resolveFilename === resolveFilename) {
    // an entry put in require.cache under a built-in's bare name stands in for it
    const cached = Module._cache[request];
    if (cached !== undefined) return cached.exports;
    return loadBuiltin(request);
  }

  const filename = Module._resolveFilename(request, parent, isMain);
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    if (parent && parent.children && !parent.children.includes(cached)) parent.children.push(cached);
    if (!cached.loaded) return exportsForCircularRequire(cached);
    return cached.exports;
  }
  if (filename.startsWith('node:') || builtinSet.has(filename)) return loadBuiltin(filename.startsWith('node:') ? filename.slice(5) : filename);
  if (esmObj !== undefined) {
    // an ES module the ES module loader has (imported, or required before its entry here was
    // deleted)
    const esmCached = esmObj.requireCached(filename, parent);
    if (esmCached !== undefined) {
      if (!esmCached.loaded) {
        if (parent && parent.children && !parent.children.includes(esmCached)) parent.children.push(esmCached);
        return exportsForCircularRequire(esmCached);
      }
      return esmCached.exports;
    }
    // an ES module that threw while it was evaluated throws that error again
    const failed = esmObj.evaluationFailure(filename);
    if (failed !== undefined) throw failed[0];
  }

  const module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    mainModule = module;
    module.id = '.';
  }
  module[kIsMainSymbol] = !!isMain;
  Module._cache[filename] = module;
  module[kIsCachedByESMLoader] = false;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    // a module required in a cycle got the warning prototype until it finished loading
    const exp = module.exports;
    if (exp !== null && typeof exp === 'object' && Object.getPrototypeOf(exp) === circularWarningProto) {
      Object.setPrototypeOf(exp, Object.prototype);
    }
    if (threw) {
      delete Module._cache[filename];
      if (esmObj !== undefined) esmObj.uncache(filename, module);
      if (parent && parent.children) {
        const i = parent.children.indexOf(module);
        if (i !== -1) parent.children.splice(i, 1);
      }
    }
  }
  return module.exports;
};

const noSearchExts = ['.mjs', '.cjs', '.mts', '.cts'];

function findLongestRegisteredExtension(filename) {
  const name = filename.slice(filename.lastIndexOf('/') + 1);
  let idx = 0;
  let cur;
  while ((idx = name.indexOf('.', idx + 1)) !== -1) {
    cur = name.slice(idx);
    if (Module._extensions[cur] || gojsExtensions[cur]) return cur;
  }
  return '.js';
}

Module.prototype.load = function load(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(dirname(filename));
  const ext = findLongestRegisteredExtension(filename);
  if (ext === '.mjs' && !Module._extensions['.mjs']) throw new (codes().ERR_REQUIRE_ESM)(filename, true);
  // (called on Module._extensions, as node's: a handler a program put there gets it as this)
  const exts = Module._extensions;
  if (exts[ext]) exts[ext](this, filename);
  else gojsExtensions[ext](this, filename);
  this.loaded = true;
};

Module.prototype.require = function require(id) {
  if (typeof id !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('id', 'string', id);
  if (id === '') throw new (codes().ERR_INVALID_ARG_VALUE)('id', id, 'must be a non-empty string');
  return Module._load(id, this, false);
};

function stripBOM(s) { return s.charCodeAt(0) === 0xFEFF ? s.slice(1) : s; }

// compileFailure is the last failed compile: the error the compiler raised and the file it was
// compiling. Only such an error, for the module's own file, sends a file to esbuild or to syntax
// detection (a SyntaxError its code throws while running, JSON.parse's, must not run the module a
// second time). The callers look at it in a finally block rather than catching: an exception the
// module's code throws passes through untouched, so node's excerpt can point at its throw.
let compileFailure;
function takeCompileFailure(filename) {
  const f = compileFailure;
  if (f === undefined || f.filename !== filename || !(f.error instanceof SyntaxError)) return false;
  compileFailure = undefined;
  return true;
}

Module.prototype._compile = function _compile(content, filename) {
  let fn;
  try {
    fn = wrapPatched ?
      requireBuiltin('vm').runInThisContext(Module.wrap(content), { filename }) :
      binding.compile(content, filename);
  } catch (e) {
    compileFailure = { error: e, filename };
    throw e;
  }
  const dir = dirname(filename);
  const require = makeRequire(this);
  // (through Go: a stack overflow in the module's code stops at a Go frame, so that the
  // require() call's try/catch gets node's RangeError; see Host.CallThrough)
  this[kIsExecuting] = true;
  const result = binding.callThrough(fn, this.exports, this.exports, require, this, filename, dir);
  this[kIsExecuting] = false;
  return result;
};

Module._extensions['.js'] = function (module, filename) {
  if (filename.endsWith('.js')) {
    const pkg = readPackageScope(filename);
    if (pkg && pkg.type === 'module') {
      esm().loadESM(module, filename, undefined, 'js');
      return;
    }
    const content = readSource(filename);
    // Node's module syntax detection: an untyped file that fails to compile as CommonJS on
    // module syntax is an ES module. Only a file the quick scan finds import/export lines in is
    // checked, and only once its compile failed: a CommonJS file whose strings hold such lines
    // (typescript.js) is parsed once, not twice.
    const maybeESM = (!pkg || pkg.type === 'none') && binding.scanESM(content);
    let done = false;
    compileFailure = undefined;
    try {
      compileCommonJS(module, filename, content, maybeESM, pkg === false ? undefined : pkg);
      done = true;
    } finally {
      // Node's module syntax detection: top-level await makes an untyped .js file an ES module.
      if (!done && (!pkg || pkg.type === 'none') && !module.loaded && /\bawait\b/.test(content) &&
          !esm().esmTried.has(filename) && takeCompileFailure(filename)) {
        esm().esmTried.add(filename);
        let ok = false;
        try { binding.transform(content, filename, 'js', true); ok = true; } catch {}
        if (ok) {
          typelessWarning(pkg, filename, module);
          esm().loadESM(module, filename, content, 'js');
          return; // (the compile error is dropped)
        }
      }
    }
    return;
  }
  if (extname(filename) === '') {
    // An extensionless file: the main script follows its package's type, as a .js file does;
    // any extensionless file that uses import/export syntax is an ES module (node's detection).
    const pkg = module === mainModule ? readPackageScope(filename) : undefined;
    if (pkg && pkg.type === 'module') {
      esm().loadESM(module, filename, undefined, 'js');
      return;
    }
    const content = readSource(filename);
    if ((!pkg || pkg.type !== 'commonjs') && binding.looksESM(content)) {
      esm().loadESM(module, filename, content, 'js');
      return;
    }
    compileCommonJS(module, filename, content);
    return;
  }
  module._compile(readSource(filename), filename);
};
Module._extensions['.cjs'] = function (module, filename) {
  compileCommonJS(module, filename, readSource(filename));
};

// typelessWarning is node's warning for an ES module found by syntax detection in a package whose
// package.json has no "type" (once per package.json; none without one), which node's ES module
// loader gives for the main and what it imports: not for a file under node_modules, nor for one
// require() loads.
let typelessWarned;
function typelessWarning(pkg, filename, module) {
  if (!pkg || pkg.type !== 'none' || (typelessWarned !== undefined && typelessWarned[pkg.path])) return;
  if (filename.includes('/node_modules/') || (module.id !== '.' && module[kIsCachedByESMLoader] !== true)) return;
  (typelessWarned || (typelessWarned = { __proto__: null }))[pkg.path] = true;
  process.emitWarning(`Module type of ${esm().pathToFileHref(filename)} is not specified and it doesn't parse as CommonJS.\n` +
    'Reparsing as ES module because module syntax was detected. This incurs a performance overhead.\n' +
    `To eliminate this warning, add "type": "module" to ${pkg.path}.`, { code: 'MODULE_TYPELESS_PACKAGE_JSON' });
}

// compileCommonJS runs a CommonJS file as goja can, or lowered by esbuild when it uses syntax goja
// lacks (async generators, for await, using...): the quick scan catches the usual forms and a
// goja syntax error the rest, when esbuild parses the file. pkg is an untyped .js file's package
// (its warnings when the file turns out to be an ES module).
function compileCommonJS(module, filename, content, maybeESM, pkg) {
  let done = false;
  compileFailure = undefined;
  try {
    module._compile(content, filename);
    done = true;
  } finally {
    // (node's detection retries an untyped file as a module also when V8 refused it as CommonJS
    // for a top-level let, const or class of a name the wrapper binds, and it compiles as one)
    if (maybeESM !== undefined && (!pkg || pkg.type === 'none') && !done && !module.loaded && compileFailure !== undefined &&
        compileFailure.filename === filename && compileFailure.error instanceof SyntaxError &&
        wrapperNameDeclared.test(compileFailure.error.message) && parsesAsModule(content, filename)) {
      compileFailure = undefined;
      typelessWarning(pkg, filename, module);
      esm().loadESM(module, filename, content, 'js');
      return; // (the compile error is dropped)
    }
    if (maybeESM && !done && !module.loaded && compileFailure !== undefined && compileFailure.filename === filename &&
        compileFailure.error instanceof SyntaxError && binding.looksESM(content)) {
      compileFailure = undefined;
      typelessWarning(pkg, filename, module);
      esm().loadESM(module, filename, content, 'js');
      return; // (the compile error is dropped)
    }
    // (a regular expression the engine refused is refused after lowering too: reported as it is;
    // so is module syntax, which esbuild would turn into CommonJS)
    if (!done && !module.loaded && compileFailure !== undefined && compileFailure.filename === filename &&
        compileFailure.error instanceof SyntaxError && !badRegExpLiteral(compileFailure.error) &&
        !wrapperNameDeclared.test(compileFailure.error.message) &&
        !(moduleSyntaxError(compileFailure.error) && binding.looksESM(content)) && binding.parsesAsScript(content, filename)) {
      compileFailure = undefined;
      esm().compileTransformed(module, filename, content, 'js');
      return; // (the compile error is dropped)
    }
    if (!done && compileFailure !== undefined && compileFailure.filename === filename &&
        compileFailure.error instanceof SyntaxError) {
      cold().decorateSyntaxError(compileFailure.error);
      // node's hint, emitted at once: the error ends the process before a tick would run
      // (not for top-level await in an untyped file: the caller loads it as an ES module)
      const awaitOnly = compileFailure.error.message.startsWith('await is only valid');
      if (binding.looksESM(content) || (awaitOnly && !(maybeESM !== undefined && (!pkg || pkg.type === 'none')) &&
          parsesAsModule(content, filename))) {
        const warning = new Error('To load an ES module, set "type": "module" in the package.json or use the .mjs extension.');
        warning.name = 'Warning';
        process.emit('warning', warning);
      }
    }
  }
}

const wrapperNameDeclared = /^Identifier '(?:require|module|exports|__filename|__dirname)' has already been declared$/;

// parsesAsModule reports whether content compiles as an ES module (its top-level await made
// it fail as a script).
function parsesAsModule(content, filename) {
  try {
    binding.transform(content, filename, 'js', true);
    return true;
  } catch {
    return false;
  }
}

// moduleSyntaxError reports whether a script's compile error is one module syntax gives (an
// import declaration's or import.meta's, or a dynamic import() goja refuses: looksESM tells
// them apart).
function moduleSyntaxError(e) {
  const m = e.message;
  return m === 'Cannot use import statement outside a module' || m === "Unexpected token 'export'" ||
    m === "Cannot use 'import.meta' outside a module";
}

function badRegExpLiteral(e) {
  const m = e.message;
  return typeof m === 'string' && m.startsWith('Invalid regular expression: /');
}

Module._extensions['.mjs'] = function (module, filename) {
  esm().loadESM(module, filename, undefined, 'js');
};
// (one call per extension rather than a for-of over pairs, whose iterator every runtime made)
function transformedExtension(loader) {
  return function (module, filename) {
    const pkg = readPackageScope(filename);
    if (pkg && pkg.type === 'module') {
      esm().loadESM(module, filename, undefined, loader);
      return;
    }
    const content = readSource(filename);
    if ((!pkg || pkg.type === 'none') && binding.looksESM(content)) {
      esm().loadESM(module, filename, content, loader);
    } else {
      esm().compileTransformed(module, filename, content, loader);
    }
  };
}
// TypeScript and JSX are gojs's, not node 20's: their handlers are not in require.extensions
// (require.extensions['.ts'] is undefined, as in node), so a register hook that wraps what is
// there (ts-node: require.extensions['.ts'] || the .js handler) compiles the file itself; a file
// with no handler registered for its extension is loaded by these.
const gojsExtensions = {
  __proto__: null,
  '.ts': transformedExtension('ts'),
  '.tsx': transformedExtension('tsx'),
  '.jsx': transformedExtension('jsx'),
  '.mts'(module, filename) {
    esm().loadESM(module, filename, undefined, 'ts');
  },
  '.cts'(module, filename) {
    esm().compileTransformed(module, filename, readSource(filename), 'ts');
  },
};
// (the ones an extensionless request tries, after require.extensions')
const gojsSearchExts = ['.ts', '.tsx', '.jsx'];
// (named jsonExtension for its stack frames, node's Module._extensions..json; its name is node's '')
Module._extensions['.json'] = function jsonExtension(module, filename) {
  const content = readSource(filename);
  try {
    module.exports = JSON.parse(stripBOM(content));
  } catch (err) {
    err.message = filename + ': ' + err.message;
    if (err !== null && typeof err === 'object' && binding.arrowOf(err) === undefined) {
      // node rethrows it here: an uncaught one shows this line
      binding.putArrow(err, 'node:internal/modules/cjs/loader:1644\n    throw err;\n    ^\n');
    }
    throw err;
  }
};
Object.defineProperty(Module._extensions['.json'], 'name', { __proto__: null, value: '', configurable: true });
// gojs runs no native code (the message: runtime/js/loadercold.js).
// (named nodeExtension for its stack frames, node's Module._extensions..node; its name is node's '')
Module._extensions['.node'] = function nodeExtension(module, filename) {
  const err = new Error(cold().dlopenFailure(filename) || `gojs cannot load native addon ${filename}`);
  err.code = 'ERR_DLOPEN_FAILED';
  throw err;
};
Object.defineProperty(Module._extensions['.node'], 'name', { __proto__: null, value: '', configurable: true });

// The extensions node 20 loads without a handler (.cjs and .mjs) do their work but stay out of
// Object.keys(require.extensions), which lists node's three and those that a program adds.
// (one descriptor for the two, and no for-of: its array and iterator were made in every runtime)
{
  const hidden = { __proto__: null, enumerable: false };
  const exts = Module._extensions;
  Object.defineProperty(exts, '.cjs', hidden);
  Object.defineProperty(exts, '.mjs', hidden);
}

function makeRequire(mod) {
  function require(id) {
    const exp = mod.require(id);
    // only the ES module machinery makes namespaces: until it exists there is nothing to check
    if (esmObj !== undefined && exp !== null && (typeof exp === 'object' || typeof exp === 'function')) {
      const st = esmObj.esmByNamespace.get(exp);
      if (st) {
        if (st.pending) {
          // (out of require's cache, as node's)
          const entry = Module._cache[st.filename];
          if (entry !== undefined && entry.exports === exp) delete Module._cache[st.filename];
          throw esm().requireAsyncError(mod.filename, st.filename);
        }
        // export { x as 'module.exports' } chooses what require gives (node 20.19)
        if ('module.exports' in exp) return exp['module.exports'];
        if ('default' in exp) return esm().requireFacade(exp);
      }
    }
    return exp;
  }
  function resolve(request, options) {
    if (typeof request !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('request', 'string', request);
    return Module._resolveFilename(request, mod, false, options);
  }
  resolve.paths = function paths(request) {
    if (typeof request !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('request', 'string', request);
    return Module._resolveLookupPaths(request, mod);
  };
  require.resolve = resolve;
  // (defined, as node's setOwnProperty: a 'main' setter on Object.prototype is not called)
  Object.defineProperty(require, 'main', { __proto__: null, value: mainModule, writable: true, enumerable: true, configurable: true });
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.createRequire = function createRequire(filename) { return cold().createRequireCold(filename); };

Module.runMain = function runMain(main = process.argv[1]) {
  Module._load(resolvePath(main), null, true);
};
const originalRunMain = Module.runMain;

// ---- ES modules and TypeScript ------------------------------------------------------------------
// Each ES module is transformed by esbuild (in Go) into a function taking our require, which
// returns module namespaces, import.meta, and import(). The namespace is module.exports: created
// before the body runs (so cycles see live getters), filled with getters by the transformed code.

// The ES module machinery is made the first time a module needs it (an ES module, TypeScript,
// import(), require of a namespace): a CommonJS-only runtime never builds its ~30 functions.
let esmObj;
let inputTypeGiven = false;
function esm() { return esmObj || (esmObj = makeEsm()); }
function makeEsm() {
  const make = binding.esmFactory();
  return make(binding, process, requireBuiltin, {
    Module, builtinSet, codes, dirname, extname, importConditions, makeRequire, readPackageScope,
    resolvePath, swapConditions(c) { const prev = conditions; conditions = c; return prev; }, gojsExtensions,
    swapGlobalPathsOff(off) { const prev = globalPathsOff; globalPathsOff = off; return prev; },
    kIsCachedByESMLoader, kFormat, kIsExecuting, kIsMainSymbol,
    inputTypeGiven() { return inputTypeGiven; },
    // the hooks made the main module (a CommonJS one from their source)
    markMain(m) {
      process.mainModule = m;
      mainModule = m;
      m.id = '.';
      m[kIsMainSymbol] = true;
    },
    // the main module is an ES module: node has no process.mainModule and no require.main then
    notMain(m) {
      if (mainModule !== m) return;
      mainModule = undefined;
      delete process.mainModule;
    },
  });
}
// The REPL's import(), which glue reaches through require('module') under this symbol.
function importFromCwd(spec) { return esm().importFromCwd(spec); }
function importerFor(file) { return esm().importerFor(file); }
// The helpers esbuild's lowered code uses (the Function constructor's async generators).
function esmHelpers() { return esm().esmHelpers(); }
Object.defineProperty(Module, Symbol.for('gojs.importFromCwd'), { __proto__: null, value: importFromCwd });

// ---- entry points used by the runtime ----------------------------------------------------------

// inputType: the command line gave --input-type, which node refuses for an ES module main (see
// loadESM) and ignores for a CommonJS one. preloads: --import or --loader modules were given.
function runMain(path, inputType, preloads) {
  const abs = resolvePath(path);
  if (inputType) inputTypeGiven = true;
  // a script preloaded with --require may have replaced Module.runMain (legacy monkey-patching
  // node keeps): node starts the main entry through whatever Module.runMain then is
  if (Module.runMain !== originalRunMain) {
    Module.runMain(abs);
    return;
  }
  mainExtensionCheck(resolveMainPath(abs), preloads);
  // once module customization hooks are registered, node's ES module loader runs the main
  if (esmObj !== undefined && esmObj.hooksActive()) {
    esmObj.runMainHooked(abs);
    return;
  }
  Module._load(abs, null, true);
}

// mainExtensionCheck refuses a main entry node's ES module loader runs (with --import or
// --loader modules, --experimental-default-type=module, a .mjs file or one in a "type": "module"
// package, not a .cjs one) when that loader has no format for its extension, as node's does.
function mainExtensionCheck(mainPath, preloads) {
  if (!mainPath) return; // (not found: as before)
  const ext = extname(mainPath);
  if (ext === '' || ext === '.js' || ext === '.mjs' || ext === '.cjs' || ext === '.json' || gojsExtensions[ext] !== undefined) return;
  if (!preloads && !binding.defaultTypeModule) {
    const pkg = readPackageScope(mainPath);
    if (!pkg || pkg.type !== 'module') return;
  }
  throw esm().unknownExtension(ext, mainPath, true);
}

// resolveMainPath(abs) asks what node's resolveMainPath asks before it loads the main entry:
// Module._findPath (which a preloaded script may have replaced), then toRealPath (fs.realpathSync,
// called here only when replaced: gojs's own has nothing to tell), unless
// --preserve-symlinks-main; it returns the path found. Module._load then resolves the entry again.
function resolveMainPath(abs) {
  const mainPath = binding.defaultTypeModule ? !keepsLinks(2) && abs : Module._findPath(abs, null, true);
  if (mainPath && !keepsLinks(2) && binding.replacedFS(1) !== undefined) {
    try {
      realPath(mainPath);
    } catch (err) {
      if (!binding.defaultTypeModule || err === null || typeof err !== 'object' || err.code !== 'ENOENT') throw err;
    }
  }
  return mainPath;
}

// RunScript's entry (a script given as a string, named name): the embedder's usual way in.
function runSource(name, src) {
  const filename = resolvePath(name);
  const module = new Module(filename, null);
  module.id = '.';
  module.filename = filename;
  module.paths = Module._nodeModulePaths(dirname(filename));
  process.mainModule = module;
  mainModule = module;
  module[kIsMainSymbol] = true;
  Module._cache[filename] = module;
  module[kIsCachedByESMLoader] = false;
  compileCommonJS(module, filename, src); // (lowered by esbuild where goja lacks the syntax)
  module.loaded = true;
}

// The loader's parts a plain run never needs (runtime/js/loadercold.js) are compiled the first
// time one is: Go (callLoader) asks cold() for an entry point entries lacks and calls it directly
// (so that its frames are the same as if it were defined here).
let coldObj;
function cold() {
  return coldObj || (coldObj = binding.coldFactory()({
    Module, binding, process, requireBuiltin, resolvePath, dirname, extname, readPackage, readPackageScope, makeRequire,
    esm, codes,
    patchWrap() { wrapPatched = true; },
    setPreloading(v) { isPreloading = v; },
  }));
}
// The --loader modules, registered before the --import ones; and, in a hooks runtime, its glue's
// serve function (runtime/js/hooks.js).
function registerLoaders(list) { esm().registerLoaders(list); }
function hooksServer() { return binding.hooksFactory()(binding, process, requireBuiltin, esm()); }
const entries = { Module, runMain, runSource, importFromCwd, importerFor, esmHelpers, cold, registerLoaders, hooksServer };
return entries;
})
