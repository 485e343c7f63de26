(function (binding, process, requireBuiltin, L) {
'use strict';
// The ES module half of the CommonJS loader (runtime/js/loader.js), compiled once per process the
// first time a runtime needs it (an ES module, TypeScript, import(), require of a namespace): a
// CommonJS-only program never compiles it. L holds the loader's helpers it uses. Its file name in
// stack traces is the loader's, so that its frames read as the loader's do.
const { Module, builtinSet, codes, dirname, extname, importConditions, makeRequire, readPackageScope,
  resolvePath, swapConditions, swapGlobalPathsOff, gojsExtensions } = L;

  // The helpers esbuild's output uses, shared by every transformed module (the transform removes
  // each module's own copy; see sharedHelpers in esm.go). Same behaviour as esbuild's, except
  // __toESM: our require already returns namespaces, so one marked __esModule is used as is.
  // Made when the first transformed module runs: plain CommonJS programs never need them.
  let esmHelpersObj;
  function esmHelpers() { return esmHelpersObj || (esmHelpersObj = makeEsmHelpers()); }
  function makeEsmHelpers() {
    const __create = Object.create;
    const __defProp = Object.defineProperty;
    const __getOwnPropDesc = Object.getOwnPropertyDescriptor;
    const __getOwnPropNames = Object.getOwnPropertyNames;
    const __getProtoOf = Object.getPrototypeOf;
    const __hasOwnProp = Object.prototype.hasOwnProperty;
    const __typeError = (msg) => { throw TypeError(msg); };
    const __defNormalProp = (obj, key, value) => (key in obj
      ? __defProp(obj, key, { enumerable: true, configurable: true, writable: true, value })
      : obj[key] = value);
    // A namespace's keys are in code-unit order (as module namespace objects are): __export
    // defines them sorted, and an export * merging more in sorts them again (sortNamespace).
    // They stay configurable until the module has run, then the namespace is sealed.
    const __export = (target, all) => {
      target = innerOf(target);
      const names = Object.keys(all).sort();
      for (let i = 0; i < names.length; i++) __defProp(target, names[i], { get: all[names[i]], enumerable: true, configurable: true });
    };
    const __copyProps = (to, from, except) => {
      if ((from && typeof from === 'object') || typeof from === 'function') {
        for (const key of __getOwnPropNames(from)) {
          if (__hasOwnProp.call(to, key) || key === except) continue;
          const desc = __getOwnPropDesc(from, key);
          __defProp(to, key, { get: () => from[key], enumerable: !desc || desc.enumerable, configurable: true });
        }
      }
      return to;
    };
    const __reExport = (target, mod, secondTarget) => {
      if (esmByNamespace.has(target) && ((mod && typeof mod === 'object') || typeof mod === 'function')) {
        starExport(target, mod);
        sortNamespace(target);
        let mods = starModules.get(target);
        if (mods === undefined) starModules.set(target, mods = []);
        if (!mods.includes(mod)) mods.push(mod);
        return secondTarget && secondTarget !== target && __copyProps(secondTarget, mod, 'default');
      }
      __copyProps(target, mod, 'default');
      return secondTarget && __copyProps(secondTarget, mod, 'default');
    };
    const __toESM = (mod, isNodeMode) => {
      // (a namespace whose CommonJS module exports __esModule has that export's value, which
      // may be falsy: postcss-selector-parser's module.exports ends up a function without it)
      const rec = mod ? nsRecords.get(mod) : undefined;
      if (rec !== undefined) return rec.ns; // (a namespace's inner object: see esmRequire)
      if (mod && (mod.__esModule || isNamespace(mod))) return mod;
      const target = mod != null ? __create(__getProtoOf(mod)) : {};
      return __copyProps(isNodeMode || !mod || !mod.__esModule
        ? __defProp(target, 'default', { value: mod, enumerable: true }) : target, mod);
    };
    const __toCommonJS = (mod) => __copyProps(__defProp({}, '__esModule', { value: true }), mod);
    const __publicField = (obj, key, value) => __defNormalProp(obj, typeof key !== 'symbol' ? key + '' : key, value);
    // an anonymous default export is named default (unless a class's static member named it)
    const __gojs_default = (fn) => {
      if (typeof fn !== 'function') return;
      const d = __getOwnPropDesc(fn, 'name');
      if (d && 'value' in d && typeof d.value === 'string' && d.value.endsWith('_default') && d.configurable) {
        __defProp(fn, 'name', { value: 'default', configurable: true });
      }
    };
    // a direct eval's code in an ES module, its free names of imports (but those shadowed at the
    // call) read through scope's
    // getters, made its accessors (read-only: a write throws as V8's does) on first use
    // (runtime/esmeval.go)
    const evalScopes = new WeakMap();
    const __gojs_evalImports = (src, scope, shadowed) => {
      if (typeof src !== 'string') return src;
      let names = evalScopes.get(scope);
      if (names === undefined) {
        const getters = scope();
        names = __getOwnPropNames(getters);
        for (let i = 0; i < names.length; i++) {
          __defProp(scope, names[i], { get: getters[names[i]], set() { throw new TypeError('Assignment to constant variable.'); }, configurable: true });
        }
        evalScopes.set(scope, names);
      }
      // (names a function around the call declares too are its, not the imports)
      return binding.esmEvalSource(src, !shadowed ? names : names.filter((n) => !shadowed.split(',').includes(n)));
    };
    return { __create, __defProp, __getOwnPropDesc, __getOwnPropNames, __getProtoOf, __hasOwnProp,
      __typeError, __defNormalProp, __export, __copyProps, __reExport, __toESM, __toCommonJS, __publicField,
      __gojs_ag: asyncGen, __gojs_ns: isNamespace, __gojs_default, __gojs_evalImports };
  }

  // asyncGen gives lowered async generator functions (see markAsyncGenerators in asyncgen.go)
  // Node's shape: the runtime's async generator helpers (modules/asyncgen.js, Host.AsyncGen),
  // made once per runtime, the first time a module defines one.
  let asyncGenObj;
  function asyncGen() { return asyncGenObj || (asyncGenObj = binding.asyncGen()); }

  // starExport copies an ES module's export * names from mod into namespace ns. A name two
  // export * give from different bindings is ambiguous, as in node: left out of the namespace,
  // and importing it fails (see missingExportError). Where a binding can't be told (bindingOf),
  // the same value counts as the same binding. A module's own export wins.
  function starExport(ns, mod) {
    const target = innerOf(ns);
    let given = starGiven.get(ns);
    if (given === undefined) starGiven.set(ns, given = new Set());
    let amb = starAmbiguous.get(ns);
    for (const key of Object.getOwnPropertyNames(mod)) {
      if (key === 'default' || (amb !== undefined && amb.has(key))) continue;
      if (hasOwnProperty(target, key)) {
        if (!given.has(key)) continue;
        const x = bindingOf(ns, key);
        const y = bindingOf(mod, key);
        if (x !== undefined && y !== undefined) {
          if (x.ns === y.ns && x.key === y.key) continue;
        } else {
          let a, b;
          try { a = target[key]; b = mod[key]; } catch { continue; }
          if (a === b || (a !== a && b !== b)) continue;
        }
        if (amb === undefined) starAmbiguous.set(ns, amb = new Set());
        amb.add(key);
        delete target[key];
        continue;
      }
      const desc = Object.getOwnPropertyDescriptor(mod, key);
      Object.defineProperty(target, key, { get: () => mod[key], enumerable: !desc || desc.enumerable, configurable: true });
      given.add(key);
      let from = starSources.get(ns);
      if (from === undefined) starSources.set(ns, from = new Map());
      from.set(key, mod);
    }
  }

  // bindingOf names the binding export key of namespace ns (or its inner object) reads, as
  // { ns, key } of the module that declares it, through the export * and export { } from of
  // the modules between; undefined when an ES module on the way does not say which of its
  // exports re-export (no nsInfoMarker line, esmnsinfo.go).
  function bindingOf(ns, key) {
    for (let hops = 0; hops < 1000; hops++) {
      const rec = nsRecords.get(ns);
      if (rec === undefined) return { ns, key };
      ns = rec.ns;
      const from = starSources.get(ns);
      if (from !== undefined && from.has(key)) {
        ns = from.get(key);
        continue;
      }
      if (rec.reexport === undefined) break; // (not an ES module's: its own binding)
      const r = rec.reexport(key);
      if (r === null) return undefined;
      if (r === undefined) break;
      ns = r.ns;
      key = r.key;
    }
    return { ns, key };
  }

  // sortNamespace puts a namespace's (configurable) keys back in code-unit order.
  function sortNamespace(ns) {
    ns = innerOf(ns);
    const keys = Object.keys(ns);
    let sorted = true;
    for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1] < keys[i];
    if (sorted) return;
    const descs = keys.map((k) => Object.getOwnPropertyDescriptor(ns, k));
    for (let i = 0; i < keys.length; i++) delete ns[keys[i]];
    const order = keys.map((k, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : 1));
    for (let i = 0; i < order.length; i++) Object.defineProperty(ns, keys[order[i]], descs[order[i]]);
  }

  const esmTried = new Set();
  const esmStates = new WeakMap(); // module -> state
  // As node's module map: an import's resolution (specifier and importer) is kept, and an ES module
  // that failed to load or run fails every later import with the same error.
  const importResolutions = new Map(); // specifier + '\0' + importer's file -> resolved file
  const importFailures = new Map(); // file -> the error its load threw
  // ES modules by file, as node's loader keeps them in a map of its own: require.cache
  // (Module._cache) holds those that require() loaded (not those imported, nor the main), and
  // deleting an entry there runs no ES module again.
  const esmCache = new Map();
  function cachedModule(file) {
    const m = esmCache.get(file);
    return m !== undefined ? m : Module._cache[file];
  }
  // uncache forgets module m of file, which failed to load.
  function uncache(file, m) {
    if (Module._cache[file] === m) delete Module._cache[file];
    if (esmCache.get(file) === m) esmCache.delete(file);
  }
  // requireCached(file, parent) is what require() finds of file in the ES module loader's map
  // when require.cache has no entry: a module not yet loaded itself (a cycle), else a module of
  // the requirer's for its namespace, put in require.cache, as node's.
  function requireCached(file, parent) {
    const m = esmCache.get(file);
    if (m === undefined || !m.loaded) return m;
    const w = new Module(file, parent);
    w.filename = file;
    w.paths = m.paths;
    w.exports = m.exports;
    w.loaded = true;
    w[L.kIsMainSymbol] = false;
    w[L.kIsCachedByESMLoader] = false;
    w[L.kFormat] = 'module';
    Module._cache[file] = w;
    return w;
  }
  const extensionFailures = new Map(); // file -> the error its import threw for its extension
  // A path or file: URL with a query or fragment (import('./a.mjs?v=2')) names its own module
  // instance, as a URL does in node: an ES module runs again, once per URL; a CommonJS or JSON file
  // runs once (require's cache) but each URL gets its own namespace.
  const urlInstances = new Map(); // resolved file + '?query' or '#fragment' -> { m, ns? }
  const urlSuffixes = new WeakMap(); // module of such an instance -> its '?query#fragment'
  const esmByNamespace = new WeakMap(); // namespace object -> state
  const starGiven = new WeakMap(); // namespace object -> the names its export * gave it
  const starSources = new WeakMap(); // namespace object -> Map of the names its export * gave it -> from what
  const starAmbiguous = new WeakMap(); // namespace object -> the names two export * give apart
  const starModules = new WeakMap(); // namespace object -> the modules its export * name, in order
  const cjsNamespaces = new WeakMap(); // module -> namespace made for ES importers
  const cjsNamespaceSet = new WeakSet(); // those namespaces
  // filename -> the namespace of a CommonJS module an ES module linked before it ran (linkImport):
  // its bindings read undefined until cjsNamespaceOf gives them the module's values
  const linkedCJS = new Map();

  function nodeError(Base, code, message) {
    const err = new Base(message);
    Object.defineProperty(err, requireBuiltin('internal/errors').kIsNodeError, { value: true });
    err.code = code;
    return err;
  }

  function requireAsyncError(from, to) {
    return nodeError(Error, 'ERR_REQUIRE_ASYNC_MODULE', 'require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.' +
      (from ? `\n  From ${from} ` : '') + (to ? `\n  Requiring ${to} ` : ''));
  }

  // requireFacade is what require(esm) returns for a module with a default export: the namespace
  // plus an enumerable __esModule, as Node 20.19 gives.
  const facades = new WeakMap();
  function requireFacade(ns) {
    let f = facades.get(ns);
    if (f) return f;
    // (a namespace of its own, as node's facade module's: its exports' properties are a
    // namespace's, writable data properties that follow the module's bindings)
    f = makeNamespace();
    const inner = innerOf(f);
    Object.defineProperty(inner, '__esModule', { value: true, enumerable: true, writable: true, configurable: true });
    for (const k of Object.keys(ns)) Object.defineProperty(inner, k, { get() { return ns[k]; }, enumerable: true, configurable: true });
    sortNamespace(f);
    finalizeNamespace(f, '');
    facades.set(ns, f);
    esmByNamespace.set(f, esmByNamespace.get(ns));
    return f;
  }

  function pathToFileHref(p) {
    return 'file://' + p.replace(/[%\s#?\\]/g, (c) => encodeURIComponent(c));
  }

  // A namespace has only its exports and its tag (__esModule only when the module exports that
  // name): esbuild's interop (__toESM) knows the loader's namespaces by isNamespace.
  function makeNamespace() {
    const target = Object.create(null);
    Object.defineProperty(target, Symbol.toStringTag, { value: 'Module' });
    return wrapNamespace(target);
  }

  // A namespace is a proxy. What the loader fills (the getters of __export, export * and
  // placeholders, a CommonJS module's values) is its inner object, which the loader writes
  // directly (innerOf) and the proxy's traps read until finalizeNamespace; a module's own named
  // imports read the inner object of the module they import (esmRequire), whose getters follow
  // its bindings. As a V8 namespace, it refuses assignment, deletion and redefinition from the
  // start, and describing an export still in its temporal dead zone throws (openTraps). Once
  // the module ran, the proxy's target holds each export as a writable, enumerable,
  // non-configurable data property of a non-extensible object. An export whose binding can
  // still change (esmnsinfo.go) is read through the inner getter by a get trap; a namespace
  // without one has no get trap, and reading it reads its target.
  const nsRecords = new WeakMap(); // namespace, and its inner object -> record
  function wrapNamespace(inner) {
    const target = Object.create(null);
    Object.defineProperty(target, Symbol.toStringTag, { value: 'Module' });
    const handler = {};
    const rec = { ns: undefined, inner, target, handler, live: undefined, final: false, pin: false, shaped: false, linked: false };
    openTraps(rec);
    const ns = rec.ns = binding.nsProxy(target, handler);
    nsRecords.set(ns, rec);
    nsRecords.set(inner, rec);
    binding.markNamespace(ns);
    return ns;
  }
  // innerOf is the inner object of namespace ns (ns itself when it is not the loader's).
  function innerOf(ns) {
    const rec = nsRecords.get(ns);
    return rec !== undefined ? rec.inner : ns;
  }

  // nsFixed tells whether export name of namespace ns (or its inner object) can no longer change.
  function nsFixed(ns, name) {
    const rec = nsRecords.get(ns);
    return rec !== undefined && rec.final && (rec.live === undefined || !rec.live.has(name));
  }

  // finalizeNamespace gives namespace ns its exports as data properties (see wrapNamespace).
  // info is the module's nsInfoMarker object (JSON; '' when it has none: then every getter
  // stays live); resolve(spec) gives the namespace an import specifier bound. An export whose
  // getter throws (in its temporal dead zone) stays live.
  function finalizeNamespace(ns, info, resolve) {
    const rec = nsRecords.get(ns);
    if (rec === undefined || rec.final) return;
    const { inner, target } = rec;
    let fixed;
    if (typeof info === 'string' && info !== '') {
      try { fixed = JSON.parse(info); } catch {}
    }
    const stars = starSources.get(ns);
    let live;
    const keys = Object.keys(inner);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const d = Object.getOwnPropertyDescriptor(inner, k);
      let value;
      if ('value' in d) {
        value = d.value;
      } else {
        let isFixed = false;
        if (fixed !== undefined) {
          const f = hasOwnProperty(fixed, k) ? fixed[k] : undefined;
          if (f === 0) {
            isFixed = true;
          } else if (Array.isArray(f)) {
            let src;
            try { src = resolve(f[0]); } catch {}
            isFixed = src !== undefined && nsFixed(src, f[1]);
          } else if (f === undefined && stars !== undefined && stars.has(k)) {
            isFixed = nsFixed(stars.get(k), k);
          }
        }
        if (isFixed) {
          try { value = d.get(); } catch { isFixed = false; }
        }
        if (!isFixed) {
          if (live === undefined) live = new Set();
          live.add(k);
          value = undefined;
        }
      }
      if (rec.shaped && !hasOwnProperty(target, k)) continue; // (a name given after shapeTarget)
      Object.defineProperty(target, k, { value, writable: true, enumerable: true, configurable: false });
    }
    Object.preventExtensions(target);
    rec.final = true;
    rec.live = live;
    nsTraps(rec);
  }

  // refuseTraps gives namespace record rec's handler the traps that refuse what a namespace
  // refuses, with V8's words: exported(k) tells whether k is an export, current(k) reads it.
  function refuseTraps(rec, exported, current) {
    const handler = rec.handler;
    const nsSet = (t, k, v, r) => {
      if (typeof k === 'symbol') return Reflect.set(t, k, v, r);
      binding.nsRefused(`'set' on proxy: trap returned falsish for property '${k}'`, exported(k)
        ? `Cannot assign to read only property '${k}' of object '[object Module]'`
        : `Cannot add property ${k}, object is not extensible`);
      return false;
    };
    const nsDelete = (t, k) => {
      if (typeof k === 'symbol' || !exported(k)) return Reflect.deleteProperty(t, k);
      binding.nsRefused(`'deleteProperty' on proxy: trap returned falsish for property '${k}'`,
        `Cannot delete property '${k}' of [object Module]`);
      return false;
    };
    const nsDefine = (t, k, d) => {
      if (typeof k === 'symbol') return Reflect.defineProperty(t, k, d);
      const value = exported(k) ? current(k) : undefined; // (a binding in its dead zone throws)
      if (!exported(k) || d.configurable === true || d.enumerable === false || d.writable === false || 'get' in d || 'set' in d ||
          ('value' in d && !Object.is(d.value, value))) {
        binding.nsRefused("'defineProperty' on proxy: trap returned falsish", `Cannot redefine property: ${k}`);
        return false;
      }
      if (d.configurable === false && !hasOwnProperty(t, k)) shapeTarget(rec);
      return true;
    };
    handler.set = nsSet;
    handler.deleteProperty = nsDelete;
    handler.defineProperty = nsDefine;
  }

  // openTraps gives the handler of a namespace whose module has not finished evaluating its
  // traps: its exports are the inner object's; describing one reads it, and one in its
  // temporal dead zone throws V8's ReferenceError of a namespace's [[GetOwnProperty]].
  function openTraps(rec) {
    const { inner, handler } = rec;
    const exported = (k) => hasOwnProperty(inner, k);
    // (the traps reading a binding are named ns*: stacks leave their frames out, nsTrapNames
    // in errorstack.go, as V8 reads a namespace's binding itself)
    const nsDescribe = (k) => {
      try {
        return inner[k];
      } catch (e) {
        // (listing the keys, V8 reads the binding: its own words then)
        if (e instanceof ReferenceError && !binding.nsListing()) throw new ReferenceError(`${k} is not defined`);
        throw e;
      }
    };
    const nsGet = (t, k) => inner[k];
    handler.get = nsGet;
    handler.has = (t, k) => (typeof k === 'symbol' ? k in t : exported(k) || (rec.shaped && k in t));
    const nsOwnDescriptor = (t, k) => {
      if (typeof k === 'symbol' || !exported(k)) return Reflect.getOwnPropertyDescriptor(t, k);
      return { value: nsDescribe(k), writable: true, enumerable: true, configurable: !hasOwnProperty(t, k) };
    };
    handler.getOwnPropertyDescriptor = nsOwnDescriptor;
    handler.ownKeys = (t) => {
      if (rec.shaped) return Reflect.ownKeys(t);
      const keys = Object.getOwnPropertyNames(inner);
      keys.push(Symbol.toStringTag);
      return keys;
    };
    handler.preventExtensions = () => shapeTarget(rec);
    // a module with export * whose body has not run yet (in a cycle) is shaped when its body
    // starts (linkedNamespace), but V8's namespace is not extensible from the start: asked,
    // it takes its shape now, its names all known since it linked
    handler.isExtensible = (t) => {
      if (rec.linked) shapeTarget(rec);
      return Reflect.isExtensible(t);
    };
    refuseTraps(rec, exported, nsDescribe);
  }

  // shapeTarget makes the target of a namespace whose module has not finished evaluating what
  // a namespace is (what a proxy's invariants ask of it before the traps may say so): each
  // export a non-configurable property, the object not extensible. finalizeNamespace gives them
  // their values.
  function shapeTarget(rec) {
    const { inner, target } = rec;
    if (!rec.shaped) {
      const keys = Object.getOwnPropertyNames(inner);
      for (let i = 0; i < keys.length; i++) {
        Object.defineProperty(target, keys[i], { value: undefined, writable: true, enumerable: true, configurable: false });
      }
      Object.preventExtensions(target);
      rec.shaped = true;
    }
    return true;
  }

  // nsTraps gives a finalized namespace's handler its traps.
  function nsTraps(rec) {
    const { inner, target, handler, live } = rec;
    for (const k of Object.keys(handler)) delete handler[k];
    const nsCurrent = (k) => {
      if (live === undefined || !live.has(k)) return target[k];
      const v = inner[k];
      if (rec.pin) {
        Object.defineProperty(target, k, { value: v });
        live.delete(k);
        if (live.size === 0) {
          delete handler.get;
          delete handler.getOwnPropertyDescriptor;
          binding.nsTraps(rec.ns);
        }
      }
      return v;
    };
    refuseTraps(rec, (k) => hasOwnProperty(target, k), nsCurrent);
    if (live !== undefined) {
      const nsGet = (t, k) => (typeof k === 'string' ? nsCurrent(k) : t[k]);
      const nsOwnDescriptor = (t, k) => {
        const d = Reflect.getOwnPropertyDescriptor(t, k);
        if (d !== undefined && typeof k === 'string' && live.has(k)) d.value = nsCurrent(k);
        return d;
      };
      handler.get = nsGet;
      handler.getOwnPropertyDescriptor = nsOwnDescriptor;
    }
    binding.nsTraps(rec.ns);
  }
  function isNamespace(mod) {
    return esmByNamespace.has(mod) || cjsNamespaceSet.has(mod);
  }

  // cjsNamespaceOf is the namespace ES importers see for CommonJS exports exp. names are the
  // export names Node's lexer detects (cjsExportNames): each binds the value module.exports has
  // for it once the module ran (undefined when it has none), and default is module.exports. With
  // names undefined (built-ins, TypeScript files) every own enumerable key is exported, live.
  function cjsNamespaceOf(key, exp, names, snapshot) {
    let ns = cjsNamespaces.get(key);
    if (ns) return ns;
    if (names !== undefined && key instanceof Module && typeof key.filename === 'string') {
      ns = linkedCJS.get(key.filename);
      if (ns !== undefined) {
        // the namespace an importer linked before the module ran: its bindings now get values
        linkedCJS.delete(key.filename);
        const isObj = exp !== null && (typeof exp === 'object' || typeof exp === 'function');
        const inner = innerOf(ns);
        for (const k of Object.keys(inner)) {
          let v = exp;
          if (k !== 'default') {
            v = undefined;
            if (isObj && hasOwnProperty(exp, k)) {
              try { v = exp[k]; } catch {}
            }
          }
          Object.defineProperty(inner, k, { value: v, enumerable: true, writable: true, configurable: true });
        }
        finalizeNamespace(ns, '');
        cjsNamespaces.set(key, ns);
        return ns;
      }
    }
    const isObj = exp !== null && (typeof exp === 'object' || typeof exp === 'function');
    // keys in code-unit order, 'default' among them, as a module namespace has them
    let keys;
    // (a built-in's lazy members not made yet: listed and bound without making them)
    const pending = snapshot && isObj ? binding.lazyPending(exp) : undefined;
    const lazy = pending !== undefined && pending.length !== 0 ? new Set(pending) : undefined;
    if (names !== undefined) {
      keys = Array.from(names);
    } else if (lazy !== undefined) {
      keys = Object.getOwnPropertyNames(exp).filter((k) => lazy.has(k) || propertyIsEnumerable(exp, k));
      const i = keys.indexOf('__esModule');
      if (i !== -1) keys.splice(i, 1);
    } else {
      keys = isObj ? Object.keys(exp) : [];
      const i = keys.indexOf('__esModule');
      if (i !== -1) keys.splice(i, 1);
    }
    if (!keys.includes('default')) keys.push('default');
    keys.sort();
    ns = makeNamespace();
    cjsNamespaceSet.add(ns);
    const inner = innerOf(ns);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === 'default') {
        Object.defineProperty(inner, 'default', { value: exp, enumerable: true, writable: true, configurable: true });
      } else if (names !== undefined) {
        let v;
        if (isObj && hasOwnProperty(exp, k)) {
          try { v = exp[k]; } catch {}
        }
        Object.defineProperty(inner, k, { value: v, enumerable: true, writable: true, configurable: true });
      } else if (lazy !== undefined && lazy.has(k)) {
        // the value it was first made with, when first read (then kept in inner)
        Object.defineProperty(inner, k, {
          get() {
            const value = binding.lazyFirst(exp, k);
            Object.defineProperty(inner, k, { value, enumerable: true, writable: true, configurable: true });
            return value;
          },
          enumerable: true,
          configurable: true,
        });
      } else {
        const desc = snapshot ? Object.getOwnPropertyDescriptor(exp, k) : undefined;
        if (desc !== undefined && 'value' in desc) {
          Object.defineProperty(inner, k, { value: desc.value, enumerable: true, writable: true, configurable: true });
        } else {
          Object.defineProperty(inner, k, { get() { return exp[k]; }, enumerable: true, configurable: true });
        }
      }
    }
    finalizeNamespace(ns, '');
    if (snapshot) {
      // a built-in's accessor export keeps the value it first reads (as node's, read when the
      // namespace is made)
      const rec = nsRecords.get(ns);
      rec.pin = true;
      rec.lazy = lazy;
      builtinSnapshots.push({ exp, ns });
    }
    cjsNamespaces.set(key, ns);
    return ns;
  }

  const hasOwnProperty = Function.prototype.call.bind(Object.prototype.hasOwnProperty);
  const propertyIsEnumerable = Function.prototype.call.bind(Object.prototype.propertyIsEnumerable);

  // cjsExportNames returns the export names an ES importer sees in CommonJS module filename (a
  // Set, 'default' first): what the lexer detects in its source, plus those of the modules it
  // reexports that resolve to CommonJS files, as Node does.
  const cjsNamesCache = new Map(); // filename -> Set
  const jsonEmptyNames = new Set();
  function cjsExportNames(filename, source) {
    let names = source === undefined ? cjsNamesCache.get(filename) : undefined;
    if (names !== undefined) return names;
    names = new Set(['default']);
    if (source === undefined) cjsNamesCache.set(filename, names); // first, for cycles
    const r = source === undefined ? cjsLexed(filename) : binding.cjsLex(filename, source);
    if (r === undefined) return names;
    const exps = r[0];
    const reexps = r[1];
    for (let i = 0; i < exps.length; i++) names.add(exps[i]);
    if (reexps.length !== 0) {
      const m = new Module(filename);
      m.filename = filename;
      m.paths = Module._nodeModulePaths(dirname(filename));
      for (let i = 0; i < reexps.length; i++) {
        let resolved;
        try {
          resolved = Module._resolveFilename(reexps[i], m, false);
        } catch {
          continue;
        }
        const ext = extname(resolved);
        if ((ext === '.js' || ext === '.cjs' || !(Module._extensions[ext] || gojsExtensions[ext])) && resolved[0] === '/') {
          for (const n of cjsExportNames(resolved)) names.add(n);
        }
      }
    }
    return names;
  }

  // cjsLexed is binding.cjsLex(filename), kept: [exports, reexports, looks like an ES module].
  const cjsLexCache = new Map();
  function cjsLexed(filename) {
    let r = cjsLexCache.get(filename);
    if (r === undefined && !cjsLexCache.has(filename)) {
      r = binding.cjsLex(filename);
      cjsLexCache.set(filename, r);
    }
    return r;
  }

  // untypedESM tells whether a .js file without a package type is an ES module by its syntax.
  function untypedESM(file) {
    if (!file.endsWith('.js')) return false;
    const pkg = readPackageScope(file);
    if (pkg && pkg.type !== 'none') return false;
    const r = cjsLexed(file);
    return r !== undefined && r[2];
  }

  // lexedCJS tells whether filename (a CommonJS module) gets lexer-detected names: .js, .cjs and
  // other extensions Node would run as CommonJS. TypeScript and JSX files (which Node 20 cannot
  // run) export all their keys; JSON only its default.
  function lexedCJS(filename) {
    const ext = extname(filename);
    return ext !== '.json' && ext !== '.node' && ext !== '.ts' && ext !== '.cts' && ext !== '.mts' &&
      ext !== '.tsx' && ext !== '.jsx';
  }

  const importedBuiltins = new Set(); // (for the hooks: see importedBefore)
  function builtinNamespace(id) {
    importedBuiltins.add(id);
    const exp = requireBuiltin(id);
    // process has its event methods and rarer members from its first use as an emitter on
    if (id === 'process') void exp.on;
    // As node's built-in modules: an export that is a data property is the value it had when
    // the namespace was made, until module.syncBuiltinESMExports() reads it again (one an
    // accessor gives is read at each use).
    return cjsNamespaceOf(exp !== null && typeof exp === 'object' ? exp : { id }, exp, undefined, true);
  }
  const builtinSnapshots = [];
  // syncBuiltins is module.syncBuiltinESMExports: the snapshot exports take their module's
  // current values (a deleted one is undefined; names added since are not exports).
  function syncBuiltins() {
    for (const { exp, ns } of builtinSnapshots) {
      const { inner, target, live, lazy } = nsRecords.get(ns);
      for (const k of Object.keys(target)) {
        if (k === 'default') continue;
        if (live !== undefined && live.has(k)) {
          // (a lazy member not read yet takes the current value as the others; an accessor
          // export is read at its first use)
          if (lazy === undefined || !lazy.has(k)) continue;
          live.delete(k);
        }
        const value = hasOwnProperty(exp, k) ? exp[k] : undefined;
        Object.defineProperty(target, k, { value });
        if ('value' in Object.getOwnPropertyDescriptor(inner, k)) {
          Object.defineProperty(inner, k, { value });
        } else if (lazy !== undefined && lazy.has(k)) {
          Object.defineProperty(inner, k, { value, enumerable: true, writable: true, configurable: true });
        }
      }
    }
  }

  // ES module resolution of a path (./x, ../x, /x, file:) takes the file as named: no extensions
  // tried, no directory index (Node's errors, with the CommonJS resolution as a hint). A
  // TypeScript or JSX importer keeps the CommonJS lookup its sources are written for.
  const pathArrows = {
    ERR_MODULE_NOT_FOUND: 'node:internal/modules/esm/resolve:283\n    throw new ERR_MODULE_NOT_FOUND(\n          ^\n',
    ERR_UNSUPPORTED_DIR_IMPORT: 'node:internal/modules/esm/resolve:271\n    throw new ERR_UNSUPPORTED_DIR_IMPORT(path, basePath, String(resolved));\n          ^\n',
  };
  const runMainArrow = 'node:internal/modules/run_main:123\n    triggerUncaughtException(\n    ^\n';
  const rejectionArrow = 'node:internal/process/promises:391\n    triggerUncaughtException(err, true /* fromPromise */);\n    ^\n';
  const urlSchemeArrow = 'node:internal/modules/esm/load:241\n    throw new ERR_UNSUPPORTED_ESM_URL_SCHEME(parsed, schemes);\n          ^\n';
  const packageArrow = 'node:internal/modules/esm/resolve:873\n  throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), null);\n        ^\n';

  // Whether the graph being loaded is an import()'s (else the entry's): node's frames for an
  // error differ (the errors part's loaderFrames).
  let dynamicJob = false;
  function inDynamicJob() { return dynamicJob; }

  // The words and node's frames of the loader's errors (a missing file or export, a refused
  // import) are a part (binding.part), compiled the first time an import fails.
  let errorsPart;
  function errorsOf() {
    return errorsPart || (errorsPart = binding.part('errors')({
      Module, bareSpec, binding, builtinSet, dirname, inDynamicJob, isPathSpecifier, nodeError,
      pathToFileHref, requireBuiltin, runMainArrow, starAmbiguous, swapConditions,
      swapGlobalPathsOff }));
  }
  // atLoaderSite gives err node's frames for site in place of the glue's; it returns err, to be
  // thrown.
  function atLoaderSite(err, site, call) { return errorsOf().atLoaderSite(err, site, call); }
  function resolveError(code, message, target, spec, parent, saved, arrow) {
    return errorsOf().resolveError(code, message, target, spec, parent, saved, arrow);
  }
  function missingExportError(module, content, spec, name, cjs, ns) {
    return errorsOf().missingExportError(module, content, spec, name, cjs, ns);
  }

  function isPathSpecifier(spec) {
    return spec[0] === '/' || spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../');
  }

  function strictImporter(parent) {
    const f = parent && parent.filename;
    if (typeof f !== 'string') return true;
    const ext = extname(f);
    return ext !== '.ts' && ext !== '.mts' && ext !== '.cts' && ext !== '.tsx' && ext !== '.jsx';
  }

  // packageSubpathFile is the file path a bare pkg/sub names when pkg (found in node_modules from
  // parent) has no "exports": ES resolution takes that file as named. Otherwise undefined (the
  // package's exports, or its main, resolve it).
  function packageSubpathFile(spec, parent) {
    if (spec[0] === '#' || spec[0] === '.' || spec[0] === '/') return undefined;
    const parts = spec.split('/');
    const n = spec[0] === '@' ? 2 : 1;
    if (parts.length <= n || parts[n - 1] === '') return undefined;
    const name = parts.slice(0, n).join('/');
    for (const nm of Module._nodeModulePaths(dirname(parent.filename))) {
      const dir = nm + '/' + name;
      if (binding.stat(dir) !== 1) continue;
      const src = binding.readFileOrUndefined(dir + '/package.json');
      if (src !== undefined) {
        try {
          const pkg = JSON.parse(src);
          if (pkg !== null && typeof pkg === 'object' && hasOwnProperty(pkg, 'exports') && pkg.exports !== undefined && pkg.exports !== null) return undefined;
        } catch {
          return undefined;
        }
      }
      return dir + '/' + parts.slice(n).join('/');
    }
    return undefined;
  }

  // packageMain resolves a bare package name (no subpath) found in node_modules from parent
  // without "exports" as node's legacyMainResolve: its "main" as named, then with .js, .json,
  // .node, /index.js, /index.json, /index.node, then the package's index.js, index.json,
  // index.node; no other extension, and no warning of an invalid main (CommonJS's DEP0128).
  // Returns the file, or undefined when the name is no such package (the package's exports, or
  // CommonJS's lookup, resolve it); none found fails as node's, a plain Error with a code
  // naming the main (or index.js) it looked for.
  function packageMain(spec, parent, call) {
    if (spec[0] === '#' || spec[0] === '.' || spec[0] === '/') return undefined;
    const parts = spec.split('/');
    const n = spec[0] === '@' ? 2 : 1;
    if (parts.length !== n || parts[n - 1] === '') return undefined;
    for (const nm of Module._nodeModulePaths(dirname(parent.filename))) {
      const dir = nm + '/' + spec;
      if (binding.stat(dir) !== 1) continue;
      let main;
      const src = binding.readFileOrUndefined(dir + '/package.json');
      if (src !== undefined) {
        let pkg;
        try {
          pkg = JSON.parse(src);
        } catch {
          return undefined; // (CommonJS's lookup reports the bad package.json)
        }
        if (pkg === null || typeof pkg !== 'object') return undefined;
        // (its own fields only: accessors a program put on Object.prototype are not read)
        const exportsField = hasOwnProperty(pkg, 'exports') ? pkg.exports : undefined;
        if (exportsField !== undefined && exportsField !== null) return undefined;
        if (hasOwnProperty(pkg, 'main') && typeof pkg.main === 'string') main = pkg.main;
      }
      const isFile = (f) => binding.stat(f) === 0;
      if (main !== undefined) {
        const base = resolvePath(dir, main);
        for (const ext of ['', '.js', '.json', '.node', '/index.js', '/index.json', '/index.node']) {
          if (isFile(base + ext)) return base + ext;
        }
      }
      for (const f of ['/index.js', '/index.json', '/index.node']) {
        if (isFile(dir + f)) return dir + f;
      }
      let named = main === undefined ? dir + '/index.js' : resolvePath(dir, main);
      if (main !== undefined && /(^|\/)(\.\.?)?$/.test(main) && !named.endsWith('/')) named += '/';
      const err = new Error(`Cannot find package '${named}' imported from ${parent.filename}`);
      err.code = 'ERR_MODULE_NOT_FOUND';
      throw atLoaderSite(err, 'legacyMain', call);
    }
    return undefined;
  }

  // resolvePathImport resolves a path specifier (or the file a bare specifier named, with that
  // specifier for the hint).
  function resolvePathImport(spec, parent, saved, bare, call, escaped = false) {
    let target = resolvePath(dirname(parent.filename), spec);
    // (as a URL, a path that ends in a directory segment names that directory with its slash)
    if (/(^|\/)(\.\.?)?$/.test(spec) && !target.endsWith('/')) target += '/';
    const st = binding.stat(target.length > 1 && target.endsWith('/') ? target.slice(0, -1) : target);
    if (st === 0 && !target.endsWith('/')) return binding.realpath(target);
    let err;
    if (st === 1) {
      err = resolveError('ERR_UNSUPPORTED_DIR_IMPORT',
        `Directory import '${target}' is not supported resolving ES modules imported from ${parent.filename}`,
        target, bare || spec, parent, saved, pathArrows.ERR_UNSUPPORTED_DIR_IMPORT);
    } else {
      err = resolveError('ERR_MODULE_NOT_FOUND', `Cannot find module '${target}' imported from ${parent.filename}`,
        target, bare || spec, parent, saved, pathArrows.ERR_MODULE_NOT_FOUND);
    }
    if (escaped) err.url = new URL(bare, pathToFileHref(parent.filename)).href;
    throw atLoaderSite(err, st === 1 ? 'dir' : 'missing', call);
  }

  // decodePathSpec decodes a relative or absolute URL's percent escapes ('./a%20b.mjs' names
  // 'a b.mjs'), refusing an encoded separator as node does.
  function decodePathSpec(spec, parent) {
    if (!spec.includes('%')) return spec;
    if (/%2f|%5c/i.test(spec)) {
      throw nodeError(TypeError, 'ERR_INVALID_MODULE_SPECIFIER',
        `Invalid module "${resolvePath(dirname(parent.filename), spec)}" must not include encoded "/" or "\\" characters imported from ${parent.filename}`);
    }
    return decodeURIComponent(spec);
  }

  function resolveImport(spec, parent, call) {
    // a URL of another scheme than the loader's (https:, or any other a URL parses with)
    const scheme = /^([a-zA-Z][a-zA-Z\d+.-]*):/.exec(spec);
    if (scheme !== null && !/^(file|data|node)$/i.test(scheme[1]) && URL.canParse(spec)) {
      const err = nodeError(Error, 'ERR_UNSUPPORTED_ESM_URL_SCHEME', 'Only URLs with a scheme in: file, data, and node are ' +
        `supported by the default ESM loader. Received protocol '${new URL(spec).protocol}'`);
      binding.putArrow(err, urlSchemeArrow);
      throw atLoaderSite(err, 'scheme', call);
    }
    if (spec.startsWith('file:')) {
      const host = URL.canParse(spec) ? new URL(spec).hostname : '';
      if (host !== '' && host !== 'localhost') {
        throw new (codes().ERR_INVALID_FILE_URL_HOST)('linux');
      }
      // a file: URL's query and fragment do not name the file (here they name no other instance
      // either: the file's one module is the import's)
      spec = decodeURIComponent(spec.replace(/^file:\/\/(localhost)?/, '').replace(/[?#].*$/s, ''));
    }
    const saved = swapConditions(importConditions);
    // (NODE_PATH and the other global folders are require's only)
    const savedOff = swapGlobalPathsOff(!!(parent && typeof parent.filename === 'string' && strictImporter(parent)));
    try {
      if (spec.startsWith('node:')) {
        if (Module.isBuiltin(spec)) return spec;
        throw new (codes().ERR_UNKNOWN_BUILTIN_MODULE)(spec);
      }
      if (builtinSet.has(spec)) return 'node:' + spec;
      if (parent && typeof parent.filename === 'string' && strictImporter(parent)) {
        if (isPathSpecifier(spec)) {
          const decoded = decodePathSpec(spec, parent);
          // (an escaped specifier: its URL keeps the escapes, and the hint reads it as written)
          return resolvePathImport(decoded, parent, saved, decoded === spec ? undefined : spec, call, decoded !== spec);
        }
        const sub = packageSubpathFile(spec, parent);
        if (sub !== undefined) return resolvePathImport(sub, parent, saved, spec, call);
        const main = packageMain(spec, parent, call);
        if (main !== undefined) return resolvePathImport(main, parent, saved, spec, call);
      }
      try {
        const file = Module._resolveFilename(spec, parent, false);
        // (a package's "imports" may name a built-in: "#async_hooks": { "node": "async_hooks" })
        return builtinSet.has(file) ? 'node:' + file : file;
      } catch (e) {
        if (e && e.code === 'MODULE_NOT_FOUND') {
          const isPath = isPathSpecifier(spec);
          let target = spec;
          if (isPath) target = resolvePath(dirname(parent.filename), spec);
          // a package's "exports" or "imports" named a file that is not there: that file is missing
          const named = typeof e.path === 'string' && e.path.endsWith('package.json') && typeof e.message === 'string' ?
            /^Cannot find module '([^'\n]*)'/.exec(e.message) : null;
          if (!isPath && named !== null && named[1].startsWith('/')) target = named[1];
          if (isPath || target !== spec) {
            throw atLoaderSite(resolveError('ERR_MODULE_NOT_FOUND', `Cannot find module '${target}' imported from ${parent.filename}`,
              target, spec, parent, saved, pathArrows.ERR_MODULE_NOT_FOUND), 'missing', call);
          }
          const parts = spec.split('/');
          const pkg = spec[0] === '@' && parts.length > 1 ? parts[0] + '/' + parts[1] : parts[0];
          throw atLoaderSite(resolveError('ERR_MODULE_NOT_FOUND', `Cannot find package '${pkg}' imported from ${parent.filename}`,
            undefined, spec, parent, saved, packageArrow), 'package', call);
        }
        if (e && e.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw atLoaderSite(e, e[Symbol.for('gojs.exportsKey')] ? 'exportsKey' : 'exports', call);
        throw e;
      }
    } finally {
      swapConditions(saved);
      swapGlobalPathsOff(savedOff);
    }
  }

  // importModule loads spec for an ES importer and returns { ns, state } (state for ES modules).
  // The extensions an import loads (node's, plus the TypeScript and JSX gojs runs); a file with
  // another extension is refused, as node refuses it. Files without one load by package type.
  // (node 20's import refuses a native addon, and a .wasm file without
  // --experimental-wasm-modules, which gojs does not have: require() loads them)
  const importExtensions = new Set(['.js', '.mjs', '.cjs', '.json', '.ts', '.mts', '.cts', '.tsx', '.jsx']);

  // unknownExtension is node's error for a file whose extension its loader has no format for,
  // raised by the load of that file: with the module job's link frame below when the file is
  // the root of the graph (an import() of it, or the main entry: root), not when a module
  // imports it.
  function unknownExtension(ext, filename, root) {
    const err = nodeError(TypeError, 'ERR_UNKNOWN_FILE_EXTENSION', `Unknown file extension "${ext}" for ${filename}`);
    return atLoaderSite(err, root ? 'extensionRoot' : 'extension');
  }

  // Import attributes: the transform moves an import's type attribute into its specifier, after
  // attrSep, and then an attribute node does not support, as attrSep, key, attrSep, value
  // (esmattrs.go).
  const attrSep = '\x01';
  function bareSpec(spec) {
    const i = spec.indexOf(attrSep);
    return i === -1 ? spec : spec.slice(0, i);
  }
  // splitAttrs returns an encoded specifier's parts: { spec, type, other } (other: [key, value]
  // of an unsupported attribute, or undefined).
  function splitAttrs(spec) {
    const a = spec.indexOf(attrSep);
    if (a === -1) return { spec, type: undefined, other: undefined, assertLine: undefined };
    const parts = spec.slice(a + 1).split(attrSep);
    return {
      spec: spec.slice(0, a), type: parts[0] === '' ? undefined : parts[0],
      other: parts.length >= 3 && parts[1] !== '' ? [parts[1], parts[2]] : undefined,
      // (a static import with the deprecated assert keyword: its line)
      assertLine: parts.length >= 4 && parts[3].startsWith('assert') ? Number(parts[3].slice(6)) : undefined,
    };
  }
  // warnAssert emits V8's warning of an import's deprecated assert keyword, at line of where (a
  // file: URL, or a CommonJS file's path). node emits it as V8 reports it, a tick later; a
  // static import's is reported as its module is parsed, whose ticks run before it evaluates:
  // with sync, the 'warning' event is emitted now, before the module's code runs.
  function warnAssert(where, line, sync) {
    const msg = `${where}:${line} 'assert' is deprecated in import statements and support will be removed in a future version; use 'with' instead`;
    if (!sync) {
      process.emitWarning(msg, 'V8');
      return;
    }
    const warning = new Error(msg);
    warning.name = 'V8';
    Error.captureStackTrace(warning, process.emitWarning);
    process.emit('warning', warning);
  }
  function encodeAttrs(spec, type, other) {
    if (type === undefined && other === undefined) return spec;
    return spec + attrSep + (type === undefined ? '' : type) + (other === undefined ? '' : attrSep + other[0] + attrSep + other[1]);
  }
  // Node keeps one module job per URL and type attribute (none counting as 'javascript'): the
  // attributes are checked when the job is made, and its outcome holds for every later import of
  // that URL and type, whatever their other attributes: a failed check fails them all.
  const attrJobs = new Map(); // url + '\0' + type -> the error thrown, or null
  function checkImportAttrs(filename, type, other, json = undefined, call = undefined) {
    const key = filename + '\0' + (type === undefined ? 'javascript' : type);
    let err = attrJobs.get(key);
    if (err === undefined) {
      err = null;
      try {
        if (other !== undefined) {
          throw atLoaderSite(nodeError(TypeError, 'ERR_IMPORT_ATTRIBUTE_UNSUPPORTED', `Import attribute "${other[0]}" with value "${other[1]}" is not supported`),
            'attrKey', call);
        }
        checkImportType(filename, type, json, call);
      } catch (e) {
        err = e;
      }
      attrJobs.set(key, err);
    }
    if (err !== null) throw err;
  }
  // checkImportType throws Node's error when the type attribute of an import does not fit the
  // module's format (json needs type json; other formats take none).
  function checkImportType(filename, type, json = filename.endsWith('.json') && !filename.startsWith('node:'), call = undefined) {
    if (json ? type === 'json' : type === undefined) return;
    const url = filename.startsWith('node:') || filename.startsWith('data:') ? filename : pathToFileHref(filename);
    if (type === undefined) {
      if (!json) return;
      throw atLoaderSite(nodeError(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_MISSING', `Module "${url}" needs an import attribute of type "json"`),
        'attrMissing', call);
    }
    if (type !== 'json') {
      throw atLoaderSite(nodeError(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED', `Import attribute type "${type}" is unsupported`),
        json ? 'attrUnsupported' : 'attrUnsupportedImplicit', call);
    }
    throw atLoaderSite(nodeError(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_FAILED', `Module "${url}" is not of type "${type}"`), 'attrFailed', call);
  }

  // importDataURL imports a data: URL module (text/javascript, or application/json), one
  // instance per URL.
  const dataModules = new Map();
  // (node's load: a data: URL's path must be "type/subtype[;params][;base64],body")
  const dataURLPattern = /^[^/]+\/[^,;]+(?:[^,]*?)(;base64)?,([\s\S]*)$/;
  function importDataURL(url, type, parent, other) {
    if (!dataURLPattern.test(url.slice(5))) throw new (codes().ERR_INVALID_URL)(url);
    const comma = url.indexOf(',');
    const params = url.slice(5, comma === -1 ? url.length : comma).split(';');
    const mime = params[0].trim().toLowerCase();
    const json = mime === 'application/json';
    if (comma === -1 || (!json && mime !== 'text/javascript')) {
      throw nodeError(RangeError, 'ERR_UNKNOWN_MODULE_FORMAT', `Unknown module format: ${mime} for URL ${url}`);
    }
    checkImportAttrs(url, type, other, json);
    let m = dataModules.get(url);
    if (m === undefined) {
      let body = url.slice(comma + 1);
      body = params[params.length - 1].toLowerCase() === 'base64' ? Buffer.from(decodeURIComponent(body), 'base64').toString() : decodeURIComponent(body);
      m = new Module(url, parent);
      m.filename = url;
      if (json) {
        // (a parse error's message names the URL, as node's json translator does)
        try {
          m.exports = JSON.parse(body.charCodeAt(0) === 0xFEFF ? body.slice(1) : body);
        } catch (err) {
          if (err !== null && typeof err === 'object') err.message = `${url}: ${err.message}`;
          throw err;
        }
        m.loaded = true;
      } else {
        loadESM(m, url, body, 'js');
        m.loaded = true;
      }
      dataModules.set(url, m);
    }
    const state = esmStates.get(m);
    if (state) return { ns: m.exports, state };
    return { ns: cjsNamespaceOf(m, m.exports, jsonEmptyNames), state: undefined };
  }

  // node:test's mock.module (--experimental-test-module-mocks) stands in for the modules it
  // mocks: it sets Module[kMockImport] to a function giving the namespace of a mocked file (or
  // built-in's node: name), made with mockNamespace, or undefined.
  const kMockImport = Symbol.for('gojs.mockImport');
  function mockedImport(filename) {
    const mockImport = Module[kMockImport];
    const ns = mockImport !== undefined ? mockImport(filename, mockNamespace) : undefined;
    return ns !== undefined ? { ns, state: undefined } : undefined;
  }
  function mockNamespace(values) {
    const ns = makeNamespace();
    const inner = innerOf(ns); // (the namespace itself refuses definitions, as V8's)
    for (const k of Object.keys(values).sort()) {
      Object.defineProperty(inner, k, { value: values[k], enumerable: true, writable: true, configurable: true });
    }
    finalizeNamespace(ns, '');
    return ns;
  }

  function importModule(spec, parent, resolved, call) {
    const attrs = splitAttrs(spec);
    const { type, other } = attrs;
    spec = attrs.spec;
    if (hooksOn && !resolved) return hooks().hookedImport(spec, type, parent);
    if (spec.startsWith('data:')) return importDataURL(spec, type, parent, other);
    // a data: URL module resolves nothing but absolute URLs and built-ins: it has no directory
    if (!resolved && parent && typeof parent.filename === 'string' && parent.filename.startsWith('data:') &&
        !spec.startsWith('file:') && !spec.startsWith('node:') && !builtinSet.has(spec)) {
      throw nodeError(TypeError, 'ERR_UNSUPPORTED_RESOLVE_REQUEST', `Failed to resolve module specifier "${spec}" from "${parent.filename}": Invalid relative URL or base scheme is not hierarchical.`);
    }
    if (!resolved) {
      const suffix = urlSuffix(spec);
      if (suffix !== '') return importURLInstance(spec.slice(0, spec.length - suffix.length), suffix, parent, type, other, call);
    }
    let filename = resolved;
    if (!filename) {
      const key = parent && typeof parent.filename === 'string' ? spec + '\0' + parent.filename : undefined;
      filename = key !== undefined ? importResolutions.get(key) : undefined;
      if (filename === undefined) {
        filename = resolveImport(spec, parent, call);
        if (key !== undefined) importResolutions.set(key, filename);
      }
    }
    checkImportAttrs(filename, type, other, undefined, call);
    const mocked = mockedImport(filename);
    if (mocked !== undefined) return mocked;
    if (filename.startsWith('node:')) return { ns: builtinNamespace(filename.slice(5)), state: undefined };
    let m = cachedModule(filename);
    if (m === undefined) {
      const ext = extname(filename);
      if (ext !== '' && !importExtensions.has(ext)) {
        // (node's module job for the file failed: every later import of it rethrows its error;
        // require() still loads it)
        let err = extensionFailures.get(filename);
        if (err === undefined) extensionFailures.set(filename, err = unknownExtension(ext, filename, call));
        throw err;
      }
    }
    if (m === undefined && importFailures.has(filename)) throw importFailures.get(filename);
    if (m === undefined) {
      // a module import() or import loads has no parent and is no importer's child, as in node
      m = new Module(filename, undefined);
      Module._cache[filename] = m;
      m[L.kIsCachedByESMLoader] = true;
      m[L.kFormat] = filename.endsWith('.json') ? 'json' : 'commonjs';
      let threw = true;
      try {
        loadImported(m, filename);
        threw = false;
      } catch (e) {
        if (esmStates.has(m) || isESMPath(filename)) importFailures.set(filename, e);
        throw e;
      } finally {
        if (threw) uncache(filename, m);
      }
    } else {
      const state = esmStates.get(m);
      if (state !== undefined && state.evaluate !== undefined) evaluateLinked(m, state, filename);
    }
    return importResult(m, filename, m);
  }

  // loadImported loads the file an import resolved to into module m: an ES module (by its name
  // and package scope) by the ES module loader itself, as node's never goes through
  // require.extensions (which tsx, ts-node and pirates replace for their require hooks); any
  // other file as require loads it.
  // (linkOnly: an ES module is linked and its evaluation left for later, see linkImport)
  function loadImported(m, filename, linkOnly) {
    if (!isESMPath(filename)) {
      m.load(filename);
      return;
    }
    m.filename = filename;
    m.paths = Module._nodeModulePaths(dirname(filename));
    loadESM(m, filename, undefined, loaderForPath(filename), linkOnly);
    if (!linkOnly) m.loaded = true;
  }

  // importResult is what an importer gets of module m loaded from filename: an ES module's
  // namespace and state, else the namespace made (once per key) of a CommonJS module's exports.
  function importResult(m, filename, key) {
    const state = esmStates.get(m);
    if (state) {
      if (!state.started) addPlaceholders(m.exports, state);
      return { ns: m.exports, state };
    }
    let names;
    if (filename.endsWith('.json')) names = jsonEmptyNames;
    else if (lexedCJS(filename)) names = cjsExportNames(filename);
    return { ns: cjsNamespaceOf(key, m.exports, names), state: undefined };
  }

  // urlSuffix is the query and fragment of a path or file: URL specifier ('' for none).
  function urlSuffix(spec) {
    if (!(spec[0] === '/' || spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('file:'))) return '';
    const q = spec.indexOf('?');
    const h = spec.indexOf('#');
    const i = q === -1 ? h : h === -1 ? q : Math.min(q, h);
    return i === -1 ? '' : spec.slice(i);
  }

  function importURLInstance(spec, suffix, parent, type, other, call) {
    const filename = resolveImport(spec, parent);
    checkImportAttrs(filename, type, other);
    const key = filename + suffix;
    let inst = urlInstances.get(key);
    if (inst === undefined) {
      if (!isESMPath(filename)) {
        // runs it once, in require's cache (with the import's type, checked again there)
        importModule(encodeAttrs(filename, type, undefined), parent, filename, call);
        inst = { m: Module._cache[filename], key: {} };
        urlInstances.set(key, inst);
      } else {
        if (importFailures.has(key)) throw importFailures.get(key);
        const m = new Module(filename, undefined);
        urlSuffixes.set(m, suffix);
        inst = { m, key: m };
        urlInstances.set(key, inst);
        try {
          loadImported(m, filename);
        } catch (e) {
          importFailures.set(key, e);
          urlInstances.delete(key);
          throw e;
        }
      }
    }
    return importResult(inst.m, filename, inst.key);
  }


  // missingExportError is the SyntaxError for an import of a name dep does not export, pointing
  // at the name in the importing statement; cjs gives Node's message for a CommonJS dependency
  // (with the default-import rewrite of the statement's one-line braces).
  // addPlaceholders gives the namespace of a module whose body has not started (an importer in a
  // cycle sees it) its export names: reading one in its temporal dead zone throws the
  // ReferenceError Node throws (util.inspect shows <uninitialized>); hoisted functions and vars
  // read as undefined until the body binds them. The body's __export redefines them all.
  function addPlaceholders(ns, state) {
    state.started = true; // once
    const inner = innerOf(ns);
    let p;
    try { p = binding.esmPlaceholders(state.filename, state.loader); } catch { return; }
    if (p === undefined) return;
    const names = p[0];
    const tdz = p[1];
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (hasOwnProperty(inner, name)) continue;
      const get = tdz[i] ? function () { throw new ReferenceError(`Cannot access '${name}' before initialization`); } : function () {};
      Object.defineProperty(inner, name, { get, enumerable: true, configurable: true });
    }
    sortNamespace(ns);
  }

  function isESMPath(file) {
    const ext = extname(file);
    if (ext === '.mjs' || ext === '.mts') return true;
    // (an extensionless file too: an import of one in a "module" package is an ES module, as
    // node's; require() runs it as CommonJS, main.go's entry point as node's does)
    if (ext === '.js' || ext === '' || ext === '.ts' || ext === '.tsx' || ext === '.jsx') {
      const pkg = readPackageScope(file);
      return !!(pkg && pkg.type === 'module');
    }
    return false;
  }
  function loaderForPath(file) {
    const ext = extname(file);
    if (ext === '.ts' || ext === '.mts' || ext === '.cts') return 'ts';
    if (ext === '.tsx') return 'tsx';
    if (ext === '.jsx') return 'jsx';
    return 'js';
  }
  function loadESM(module, filename, content, loader, linkOnly) {
    // node's ES module loader refuses --input-type when it resolves the main (before reading it)
    if (module.id === '.' && L.inputTypeGiven()) {
      throw nodeError(Error, 'ERR_INPUT_TYPE_NOT_ALLOWED', '--input-type can only be used with string input via --eval, --print, or STDIN');
    }
    // The main module: node evaluates it in a promise job, whose fellow jobs run before the ticks
    // (and what it throws, from its imports' resolution on, rejects the loader's promise).
    if (module.id === '.') binding.esmMain(module);
    // (in the loader's map; in require's cache only when require() loads it)
    if (Module._cache[filename] === module) {
      esmCache.set(filename, module);
      if (module[L.kIsCachedByESMLoader] || module.id === '.') delete Module._cache[filename];
    }
    module[L.kFormat] = 'module';
    // Read, transformed, scanned, relative imports resolved and compiled in Go (dependencies are
    // being prepared by Go workers meanwhile).
    const t = binding.esmPrepare(filename, loader, content === undefined ? null : content);
    if (module.id === '.') L.notMain(module);
    const deps = t.deps; // unique specifiers, in order
    // V8 warns of the static imports with the assert keyword as it parses the module, last first
    for (let i = deps.length - 1; i >= 0; i--) {
      if (!deps[i].includes(attrSep)) continue;
      const line = splitAttrs(deps[i]).assertLine;
      if (line !== undefined) warnAssert(filename.startsWith('data:') ? filename : pathToFileHref(filename), line, true);
    }
    // resolved in Go per dep, '' when left to resolveImport (with hooks, they resolve every one)
    const files = hooksOn ? deps.map(() => '') : t.files;
    const used = t.used; // names read from each dep (static), by specifier
    const state = { filename, loader, pending: false, promise: undefined, evaluating: true, started: false };
    esmStates.set(module, state);
    const ns = t.ns = wrapNamespace(t.ns); // (its target made by esmPrepare)
    module.exports = ns;
    esmByNamespace.set(ns, state);

    // Linking: the module's function is a generator (esm.go, esmLinkSteps) whose first steps
    // define the namespace's getters (its function declarations hoisted) and bind the imports
    // of the ES modules and built-ins linkImport links, depth first, as node links the graph
    // before any module's body runs: a module in a cycle evaluated first can call its
    // importer's functions (let/const/class bindings are in their temporal dead zone until then).
    const fn = binding.esmCompile(filename, loader);
    const seen = new Map();
    const meta = t.meta ? importMeta(module, filename) : undefined;
    // (for bindingOf: { ns, key } of an export that re-exports another module's, null when not known)
    let nsInfo;
    nsRecords.get(ns).reexport = (key) => {
      if (nsInfo === undefined) {
        nsInfo = null;
        if (t.nsInfo) try { nsInfo = JSON.parse(t.nsInfo); } catch {}
      }
      if (nsInfo === null) return null;
      const f = hasOwnProperty(nsInfo, key) ? nsInfo[key] : undefined;
      if (!Array.isArray(f)) return undefined;
      const r = seen.get(f[0]);
      return r === undefined ? null : { ns: r.ns, key: f[1] };
    };
    // (the module's imports read the inner objects of the namespaces: see wrapNamespace)
    const req = function require(spec) {
      const r = seen.get(spec) || importModule(spec, module);
      return innerOf(r.ns);
    };
    const dynImport = t.dynamic ? (spec, options) => dynamicImport(spec, module, options) : undefined;
    const gen = fn(req, module, meta, dynImport, esmHelpers());
    const link = t.link; // the link steps' specifiers ('' for the namespace's getters)
    if (link !== undefined) {
      let i = 0;
      for (; i < link.length; i++) {
        const spec = link[i];
        if (spec === '') {
          state.started = true;
        } else {
          const r = linkImport(spec, module, deps, files);
          if (r === undefined) {
            // (it and the rest are imported as the module evaluates; a specifier of those that
            // resolves to nothing fails now, as node resolves every static import first)
            for (let j = i + 1; j < link.length; j++) if (link[j] !== '') resolveForLink(link[j], module, deps, files);
            break;
          }
          seen.set(spec, r);
        }
        binding.callThrough(gen.next, gen);
      }
      // its export names are all known (those of its export * too)
      state.linked = i === link.length && link[0] === '';
      state.linkAt = i; // (the link steps left run as their modules load: see advanceLinks)
      // (a name export * gives may yet turn out ambiguous, see linkedNamespace)
      if (state.linked && !starModules.has(ns)) shapeTarget(nsRecords.get(ns));
      else if (state.linked) nsRecords.get(ns).linked = true; // (see openTraps' isExtensible)
    }
    // Link before evaluating: the export lists of ES module dependencies are read statically, so
    // a missing name fails before any module body runs (after those of the modules it linked, as
    // node's linking goes depth first). Go checked those it resolved.
    // (node loads the whole graph first: a dependency's import attributes fail before that)
    if (t.missing && !hooksOn) {
      for (let i = 0; i < deps.length; i++) {
        if (files[i]) {
          const { type, other } = splitAttrs(deps[i]);
          checkImportAttrs(files[i], type, other);
        }
      }
      throw missingExportError(module, content, t.missing[0], t.missing[1]);
    }
    const check = hooksOn ? [] : t.check;
    for (let i = 0; i < deps.length; i++) {
      if (!check[i]) continue;
      const spec = deps[i];
      const names = used[spec];
      if (names === undefined || spec.startsWith('node:') || spec.startsWith('data:') || builtinSet.has(bareSpec(spec))) continue;
      let file = files[i];
      if (!file) {
        try { file = resolveImport(bareSpec(spec), module); } catch { continue; }
      }
      if (file.startsWith('node:')) continue;
      if (!isESMPath(file)) {
        // CommonJS and JSON: the names are known without running the module.
        let cjsNames;
        if (file.endsWith('.json')) cjsNames = jsonEmptyNames;
        else if (lexedCJS(file) && !untypedESM(file)) cjsNames = cjsExportNames(file);
        else continue;
        for (let j = 0; j < names.length; j++) {
          if (names[j] !== 'default' && !cjsNames.has(names[j])) {
            throw missingExportError(module, content, spec, names[j], cjsNames !== jsonEmptyNames);
          }
        }
        continue;
      }
      const cached = cachedModule(file);
      if (cached !== undefined && (esmStates.get(cached) || {}).evaluate === undefined) continue; // (not one only linked)
      let exported;
      try { exported = binding.esmExports(file, loaderForPath(file)); } catch { continue; }
      if (!exported) continue;
      for (let j = 0; j < names.length; j++) {
        if (!exported.includes(names[j])) throw missingExportError(module, content, spec, names[j]);
      }
    }

    const evaluate = () => evaluateESM(module, filename, content, t, state, deps, files, used, seen, gen);
    if (linkOnly) {
      state.evaluate = evaluate; // by the first import that gets it after its importer linked
      return;
    }
    evaluate();
  }

  // linkImport is what an import statement of a module being linked gets, where the import's
  // module can be linked without being evaluated: a built-in, an ES module file (linked, its
  // evaluation left to its importer's, see evaluateLinked) or a CommonJS file whose export names
  // the lexer finds, else undefined.
  function linkImport(spec, parent, deps, files) {
    if (hooksOn || spec.includes(attrSep) || spec.startsWith('data:') || urlSuffix(spec) !== '') return undefined;
    if (spec.startsWith('node:') || builtinSet.has(spec)) return importModule(spec, parent);
    let file = files[deps.indexOf(spec)];
    if (!file) {
      // (resolved as importModule does, whose cache the evaluation then finds it in)
      if (urlSuffix(spec) !== '' || typeof parent.filename !== 'string') return undefined;
      const key = spec + '\0' + parent.filename;
      file = importResolutions.get(key);
      if (file === undefined) {
        // (a specifier that resolves to nothing fails the graph before any module runs, as
        // node resolves every static import first)
        try { file = resolveImport(spec, parent); } catch (e) { if (isResolutionError(e, parent)) throw e; return undefined; }
        importResolutions.set(key, file);
      }
    }
    if (file.startsWith('node:') || !importExtensions.has(extname(file))) return undefined;
    const mocked = mockedImport(file);
    if (mocked !== undefined) return mocked;
    let m = cachedModule(file);
    if (!isESMPath(file)) {
      // a CommonJS module, evaluated in its turn: bound now to its namespace, its export names
      // (the lexer's) reading undefined until then, as node's
      if (m !== undefined) return m.loaded ? importResult(m, file, m) : undefined;
      const ext = extname(file);
      if ((ext !== '.js' && ext !== '.cjs') || !lexedCJS(file) || untypedESM(file) || importFailures.has(file)) return undefined;
      let ns = linkedCJS.get(file);
      if (ns === undefined) {
        ns = makeNamespace();
        cjsNamespaceSet.add(ns);
        const keys = Array.from(cjsExportNames(file));
        if (!keys.includes('default')) keys.push('default');
        keys.sort();
        const inner = innerOf(ns);
        for (let i = 0; i < keys.length; i++) {
          Object.defineProperty(inner, keys[i], { get() {}, enumerable: true, configurable: true });
        }
        linkedCJS.set(file, ns);
      }
      return { ns, state: undefined };
    }
    if (m !== undefined) return esmStates.has(m) ? importResult(m, file, m) : undefined;
    if (importFailures.has(file)) return undefined;
    m = new Module(file, undefined);
    esmCache.set(file, m);
    m[L.kIsCachedByESMLoader] = true;
    let threw = true;
    try {
      loadImported(m, file, true);
      threw = false;
    } catch (e) {
      importFailures.set(file, e);
      throw e;
    } finally {
      if (threw) uncache(file, m);
    }
    return importResult(m, file, m);
  }

  // isResolutionError: what resolving an import threw is node's resolution error (a module or
  // package not found, a path its package does not export, ...), not something of the loader's.
  // (a data: module's imports resolve as importModule says: not here)
  function isResolutionError(e, parent) {
    return e !== null && typeof e === 'object' && typeof e.code === 'string' && e.code.startsWith('ERR_') &&
      !parent.filename.startsWith('data:');
  }

  // resolveForLink resolves an import of a module being linked that linkImport did not get to,
  // as linkImport would (caching the file), throwing a resolution error.
  function resolveForLink(spec, parent, deps, files) {
    if (hooksOn || spec.includes(attrSep) || spec.startsWith('data:') || spec.startsWith('node:') || builtinSet.has(spec) ||
        urlSuffix(spec) !== '' || typeof parent.filename !== 'string' || files[deps.indexOf(spec)]) return;
    const key = spec + '\0' + parent.filename;
    if (importResolutions.get(key) !== undefined) return;
    let file;
    try { file = resolveImport(spec, parent); } catch (e) { if (isResolutionError(e, parent)) throw e; return; }
    importResolutions.set(key, file);
  }

  // evaluateLinked evaluates the ES module m linkImport linked, for the first import that gets
  // it after that.
  function evaluateLinked(m, state, filename) {
    const evaluate = state.evaluate;
    state.evaluate = undefined;
    try {
      evaluate();
      m.loaded = true;
    } catch (e) {
      importFailures.set(filename, e);
      uncache(filename, m);
      throw e;
    }
  }

  // linkedNamespace readies namespace ns of a module whose body is about to run: its export *
  // names given at link time are merged again now that the modules they come from ran (a name
  // two of them give different values is ambiguous, see starExport), and, when the module's
  // linking gave it all its export names (linked), its target takes the namespace's shape.
  function linkedNamespace(ns, linked) {
    const mods = starModules.get(ns);
    if (mods !== undefined) {
      for (let i = 0; i < mods.length; i++) starExport(ns, mods[i]);
      sortNamespace(ns);
    }
    if (linked) shapeTarget(nsRecords.get(ns));
  }

  // advanceLinks runs the link steps of a module whose linking stopped at an import linkImport
  // could not link (through hooks, an import with attributes or a query, ...) once the modules
  // they bind are loaded, before the next dependency loads: its export * names are then in its
  // namespace for a module later in the graph that imports it back (a cycle), as node links
  // them all before any module runs.
  function advanceLinks(link, state, seen, gen) {
    if (link === undefined || state.linkAt === undefined) return;
    while (state.linkAt < link.length) {
      const spec = link[state.linkAt];
      if (spec === '') state.started = true;
      else if (!seen.has(spec)) return;
      state.linkAt++;
      binding.callThrough(gen.next, gen);
    }
  }

  // evaluateESM evaluates the ES module loadESM linked: its dependencies first, in order, then
  // the rest of its body.
  function evaluateESM(module, filename, content, t, state, deps, files, used, seen, gen) {
    const ns = t.ns;
    // Static imports: load (and evaluate) every dependency first, in order, as ES linking does.
    // Through hooks, every one is resolved before the first loads, as node links a module's
    // requests before it evaluates any.
    const hooked = hooksOn ? deps.map((spec) => hooks().hookedResolve(spec, module)) : undefined;
    const waits = [];
    for (let i = 0; i < deps.length; i++) {
      const r = hooked !== undefined ? hooked[i]() : importModule(deps[i], module, files[i]);
      seen.set(deps[i], r);
      if (r.state && r.state.pending && !r.state.evaluating) waits.push(r.state.promise);
      advanceLinks(t.link, state, seen, gen);
    }
    // Linking: names read from imported ES modules (and built-ins) must exist.
    const lateChecks = [];
    for (let i = 0; i < deps.length; i++) {
      const spec = deps[i];
      const names = used[spec];
      if (names === undefined) continue;
      const r = seen.get(spec);
      if (!r || (r.state && r.state.evaluating)) continue;
      if (!r.state && !spec.startsWith('node:') && !builtinSet.has(spec)) continue;
      if (r.state && r.state.pending) {
        // its body waits for top-level await: checked once it ran, before this body runs
        lateChecks.push(() => {
          for (let j = 0; j < names.length; j++) {
            if (!(names[j] in r.ns)) throw missingExportError(module, content, spec, names[j], false, r.ns);
          }
        });
        continue;
      }
      for (let j = 0; j < names.length; j++) {
        if (!(names[j] in r.ns)) throw missingExportError(module, content, spec, names[j], false, r.ns);
      }
    }

    const run = () => {
      state.started = true;
      linkedNamespace(ns, state.linked);
      try {
        // (through Go, as the CommonJS loader's _compile: a stack overflow in the module's
        // code then rejects import() with node's RangeError)
        let r;
        do r = binding.callThrough(gen.next, gen); while (!r.done);
        return r.value;
      } catch (e) {
        esmScopeError(e, filename);
        // an ES module whose evaluation threw stays errored: a later require() or import() of
        // it throws the same error, never running its body again
        importFailures.set(filename, e);
        throw e;
      }
    };
    const done = () => {
      state.pending = false;
      state.evaluating = false;
      finalizeNamespace(ns, t.nsInfo, (spec) => { const r = seen.get(spec); return r && r.ns; });
    };
    if (waits.length) {
      state.pending = true;
      state.evaluating = false;
      state.promise = Promise.all(waits).then(() => {
        for (let i = 0; i < lateChecks.length; i++) lateChecks[i]();
        state.evaluating = true;
        return run();
      }).then(done, (e) => { esmScopeError(e, filename); done(); throw e; });
    } else {
      let ret;
      try {
        ret = run();
      } catch (e) {
        state.evaluating = false;
        throw e;
      }
      if (t.async) {
        state.pending = true;
        state.evaluating = false;
        state.promise = Promise.resolve(ret).then(done, (e) => { esmScopeError(e, filename); done(); throw e; });
      } else {
        done();
      }
    }
    if (state.pending) {
      state.promise.catch(() => {}); // reported through whoever awaits it (main or import())
      if (module.id === '.') {
        // A main module whose evaluation never settles (a top-level await on a promise nothing
        // resolves) exits with code 13, as node's: the first 'exit' listener sets process.exitCode
        // unless something set it (the listeners still get the code the exit began with).
        const unsettled = unsettledExit();
        process.prependListener('exit', unsettled);
        const settled = () => { process.removeListener('exit', unsettled); };
        state.promise.then(settled, (e) => {
          settled();
          // what an awaited import() rejected with is the entry point's throw now, as in node
          if (e !== null && typeof e === 'object' && binding.arrowOf(e) === rejectionArrow) binding.putArrow(e, runMainArrow);
          // once 'exit' is emitted no nextTick runs: the rejection is reported as unhandled
          if (process._exiting) throw e;
          // (node's handler throws it at once, so the ticks queued before it never run)
          binding.throwUncaught(() => { throw e; }, runMainArrow);
        });
      }
    }
  }

  // esmScopeError words a ReferenceError for one of CommonJS's module-scope names as node does
  // for an ES module: "require is not defined in ES module scope, you can use import instead",
  // with the package "type" hint for a .js file.
  const cjsScopeNames = ['require', 'module', 'exports', '__filename', '__dirname'];
  function esmScopeError(e, filename) {
    if (e === null || typeof e !== 'object' || e.name !== 'ReferenceError') return;
    const m = e.message;
    if (typeof m !== 'string' || !cjsScopeNames.some((n) => m === `${n} is not defined`)) return;
    let msg = m + ' in ES module scope';
    if (m.startsWith('require ')) msg += ', you can use import instead';
    if (filename.endsWith('.js') && !filename.startsWith('data:')) {
      const pkg = readPackageScope(filename);
      if (pkg && pkg.type === 'module') {
        msg += `\nThis file is being treated as an ES module because it has a '.js' file extension and '${pkg.path}' ` +
          'contains "type": "module". To treat it as a CommonJS script, rename it to use the \'.cjs\' file extension.';
      }
    }
    try {
      e.message = msg;
      const stack = e.stack;
      if (typeof stack === 'string' && !stack.includes(msg) && stack.includes(`ReferenceError: ${m}`)) {
        e.stack = stack.replace(`ReferenceError: ${m}`, `ReferenceError: ${msg}`);
      }
    } catch {
      // a frozen error keeps its words
    }
  }

  function importMeta(module, filename) {
    if (hooksOn) {
      const meta = hooks().hookedMetaOf(module, filename);
      if (meta !== undefined) return meta;
    }
    // node's import.meta has no prototype and its keys in this order (dirname and filename only
    // for file: URLs)
    const meta = { __proto__: null };
    const url = filename.startsWith('data:') ? filename : pathToFileHref(filename) + (urlSuffixes.get(module) || '');
    if (url === filename) {
      meta.resolve = function resolve(spec, parentURL) { return metaResolve(module, url, spec, parentURL); };
      meta.url = url;
      return meta;
    }
    meta.dirname = dirname(filename);
    meta.filename = filename;
    meta.resolve = function resolve(spec, parentURL) { return metaResolve(module, url, spec, parentURL); };
    meta.url = url;
    return meta;
  }

  // metaResolve is import.meta.resolve(spec[, parentURL]) of the module at url: the URL an import
  // of spec would load, without loading it (a missing file or a directory still gives its URL).
  // parentURL counts with --experimental-import-meta-resolve only, as node's.
  function metaResolve(module, url, spec, parentURL) {
    spec = `${spec}`; // ToString: a Symbol throws a TypeError
    if (parentURL !== undefined && binding.importMetaResolveParent()) {
      if (typeof parentURL !== 'string' && !(parentURL instanceof URL)) {
        throw new (codes().ERR_INVALID_ARG_TYPE)('parentURL', ['string', 'URL'], parentURL);
      }
      url = `${parentURL}`;
      module = undefined;
    }
    if (hooksOn) return hooks().metaResolveHooked(spec, module, url);
    const notHierarchical = () => nodeError(TypeError, 'ERR_UNSUPPORTED_RESOLVE_REQUEST',
      `Failed to resolve module specifier "${spec}" from "${url}": Invalid relative URL or base scheme is not hierarchical.`);
    // a relative or absolute path resolves as a URL against the parent's: '.', '..' and a
    // trailing '/' name a directory and keep their slash, escapes stay as written
    if (spec[0] === '/' || spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../')) {
      if (!url.startsWith('file:')) throw notHierarchical();
      return new URL(spec, url).href;
    }
    // an absolute URL is its own answer (node: names too, built-in or not)
    if (/^[a-zA-Z][a-zA-Z\d+.-]*:/.test(spec) && URL.canParse(spec)) return new URL(spec).href;
    if (builtinSet.has(spec)) return 'node:' + spec;
    if (!url.startsWith('file:')) {
      if (spec[0] === '#' && module !== undefined) return pathToFileHref(resolveImport(spec, module));
      throw notHierarchical();
    }
    let r;
    try {
      r = resolveImport(spec, module || parentFromURL(url));
    } catch (e) {
      // what names a file or directory that cannot be loaded still has its URL
      if (e !== null && typeof e === 'object' && (e.code === 'ERR_UNSUPPORTED_DIR_IMPORT' || e.code === 'ERR_MODULE_NOT_FOUND') &&
          typeof e.url === 'string') return e.url;
      throw e;
    }
    return r.startsWith('node:') ? r : pathToFileHref(r);
  }

  function compileTransformed(module, filename, content, loader) {
    const t = binding.transform(content, filename, loader, false);
    const fn = binding.compileModule(t.code, filename, false);
    const require = makeRequire(module);
    const dynImport = (spec, options) => dynamicImport(spec, module, options);
    module[L.kIsExecuting] = true;
    binding.callThrough(fn, module.exports, module.exports, require, module, filename, dirname(filename), undefined, dynImport, esmHelpers());
    module[L.kIsExecuting] = false;
  }

  // importCallSite returns where an import() call of parent's code is: its URL (a CommonJS file's
  // path) and line, read from the stack of the call.
  function importCallSite(parent) {
    const file = parent && typeof parent.filename === 'string' ? parent.filename : '';
    const esm = esmStates.has(parent);
    const where = esm && !file.startsWith('data:') ? pathToFileHref(file) : file;
    const stack = `${new Error().stack}`;
    for (const frame of stack.split('\n')) {
      for (const name of [file, where]) {
        const at = name === '' ? -1 : frame.indexOf(name + ':');
        if (at !== -1) return [where, parseInt(frame.slice(at + name.length + 1), 10)];
      }
    }
    return [where, 1];
  }

  function dynamicImport(spec, parent, options, callKind) {
    // The specifier and the options are read as the call is made (V8's import()): what is wrong
    // with them rejects the promise it returns.
    try {
      spec = `${spec}`; // ToString: a Symbol rejects with a TypeError
      if (options !== undefined) {
        if (options === null || typeof options !== 'object') throw new TypeError('The second argument to import() must be an object');
        const withAttrs = options.with;
        const attrs = withAttrs !== undefined ? withAttrs : options.assert;
        if (withAttrs === undefined && attrs !== undefined) warnAssert(...importCallSite(parent), false);
        if (attrs !== undefined) {
          if (attrs === null || typeof attrs !== 'object') throw new TypeError("The 'assert' option must be an object");
          let type, other;
          for (const k of Object.keys(attrs)) {
            const v = attrs[k];
            if (typeof v !== 'string') throw new TypeError('Import assertion value must be a string');
            if (k === 'type') type = v;
            else if (other === undefined) other = [k, v];
          }
          spec = encodeAttrs(bareSpec(spec), type, other);
        }
      }
    } catch (e) {
      return Promise.reject(e);
    }
    return Promise.resolve().then(() => {
      const load = () => {
        let r;
        const job = dynamicJob;
        dynamicJob = true;
        try {
          r = importModule(spec, parent, undefined, callKind || (esmStates.has(parent) ? 'module' : 'script'));
        } catch (e) {
          if (e === neverSettles) return new Promise(() => {});
          if (e !== null && typeof e === 'object' && binding.arrowOf(e) === runMainArrow) binding.putArrow(e, rejectionArrow);
          throw e;
        } finally {
          dynamicJob = job;
        }
        if (r.state && r.state.pending) return r.state.promise.then(() => r.ns);
        return r.ns;
      };
      // in a hooks runtime with hooks registered, they first resolve and load the graph
      if (localHooksOn) return hooks().localPrepare(spec, parent).then(load);
      // A module not loaded yet is read by node's loader through file I/O: it evaluates after
      // the callbacks of the current turn (an immediate here), not among the promise jobs.
      if (notLoadedYet(spec, parent)) return new Promise((resolve) => requireBuiltin('timers').setImmediate(resolve)).then(load);
      return load();
    });
  }

  // notLoadedYet reports whether import(spec) from parent names a file module that has not been
  // loaded (what cannot be resolved here is left to importModule, which reports it).
  function notLoadedYet(spec, parent) {
    if (hooksOn) return true; // (the hooks runtime answers)
    const a = spec.indexOf(attrSep);
    if (a !== -1) spec = spec.slice(0, a);
    if (spec.startsWith('data:') || spec.startsWith('node:') || builtinSet.has(spec)) return false;
    if (!parent || typeof parent.filename !== 'string' || parent.filename.startsWith('data:') || urlSuffix(spec) !== '') return false;
    const key = spec + '\0' + parent.filename;
    let filename = importResolutions.get(key);
    if (filename === undefined) {
      try { filename = resolveImport(spec, parent); } catch { return false; }
      importResolutions.set(key, filename);
    }
    if (filename.startsWith('node:')) return false;
    // what the ES module loader has seen before (imported, or an ES module require ran) is in
    // its map; a CommonJS module require alone loaded is not: node's loader reads it again
    const m = cachedModule(filename);
    if (m !== undefined && (esmStates.has(m) || cjsNamespaces.has(m))) return false;
    // node's default load reads no source for what is CommonJS by its name or its package's
    // "type" (the CommonJS loader reads it synchronously): such an import settles among the
    // promise jobs
    if (filename.endsWith('.cjs')) return false;
    if (filename.endsWith('.js')) {
      const pkg = readPackageScope(filename);
      if (pkg && pkg.type === 'commonjs') return false;
    }
    return true;
  }

  // runMainImport runs the module spec names as an entry point, as node's worker runs a data:
  // URL (evalModuleEntryPoint): imported from the working directory, its rejection an uncaught
  // exception (the value itself), and an evaluation that never settles ends with code 13.
  function runMainImport(spec) {
    const unsettled = unsettledExit();
    process.prependListener('exit', unsettled);
    const settled = () => { process.removeListener('exit', unsettled); };
    importFromCwd(spec).then(settled, (e) => {
      settled();
      if (process._exiting) throw e;
      process.nextTick(() => { throw e; });
    });
  }

  function importFromCwd(spec) {
    const parent = new Module(resolvePath('[eval]'), null);
    parent.filename = resolvePath('[eval]');
    parent.paths = Module._nodeModulePaths(binding.cwd());
    return dynamicImport(spec, parent);
  }

  // importerFor(file) is import() for code that file's module made with new Function: resolved
  // from that module (from the working directory when file is unknown).
  function importerFor(file) {
    if (file.startsWith('file://')) { try { file = decodeURIComponent(file.slice(7)); } catch {} }
    if (!file.startsWith('/')) return importFromCwd;
    let parent = cachedModule(file);
    if (parent === undefined) {
      parent = new Module(file, null);
      parent.filename = file;
      parent.paths = Module._nodeModulePaths(dirname(file));
    }
    return (spec) => dynamicImport(spec, parent);
  }


  // ---- module customization hooks ------------------------------------------------------------
  // The main runtime's side of module.register() (https://nodejs.org/api/module.html#customization-hooks):
  // once a hooks module is registered, every import this loader resolves itself (static, import(),
  // import.meta.resolve, an entry point run by the ES module loader) asks the hooks runtime
  // (runtime/hooks.go; its glue runtime/js/hooks.js) to resolve it and to load the URL it
  // resolved to, blocking until it answers; the module is then made from the format and source
  // the hooks gave, one instance per URL. require() does not go through them, as in node 20.
  // The hooks runtime uses hooksDefaultResolve, hooksDefaultLoad and importForHooks below.
  // The hooks' side is a part (binding.part), compiled the first time a hooks module is
  // registered; hooksRegistered(local) is its word that one was (local: in the hooks runtime).
  let hooksOn = false;
  let localHooksOn = false;
  function hooksRegistered(local) {
    hooksOn = true;
    if (local) localHooksOn = true;
  }
  const neverSettles = Object.freeze({ __proto__: null });

  // unsettledExit makes the 'exit' listener that gives code 13 to an exit with something never
  // settled, unless something set another code; process.exit() removes it (bootstrap.js), as
  // node's handleProcessExit, so an explicit exit keeps its own code.
  function unsettledExit() {
    const unsettled = () => { if (process.exitCode === undefined) process.exitCode = 13; };
    unsettled[Symbol.for('gojs.unsettledExit')] = true;
    return unsettled;
  }

  function hookedFilename(url) {
    if (!url.startsWith('file:')) return url;
    let p = url.replace(/^file:\/\/(localhost)?/, '').replace(/[?#].*$/s, '');
    try { p = decodeURIComponent(p); } catch {}
    return p;
  }

  function parentFromURL(parentURL) {
    let filename;
    if (typeof parentURL !== 'string') {
      const cwd = binding.cwd();
      filename = cwd === '/' ? '/' : cwd + '/';
    } else {
      filename = hookedFilename(parentURL);
    }
    const m = new Module(filename, null);
    m.filename = filename;
    if (filename[0] === '/') m.paths = Module._nodeModulePaths(filename.endsWith('/') ? (filename.slice(0, -1) || '/') : dirname(filename));
    else m.paths = [];
    return m;
  }

  let hooksPart;
  function hooks() {
    return hooksPart || (hooksPart = binding.part('hooks')({
      L, Module, bareSpec, binding, builtinNamespace, builtinSet, cachedModule, checkImportType, cjsExportNames,
      cjsLexed, cjsNamespaceOf, codes, dirname, dynamicImport, esmStates, extname,
      hookedFilename, hooksRegistered, importModule, importResult, importedBuiltins, isESMPath,
      isPathSpecifier, jsonEmptyNames, loadESM, loaderForPath, neverSettles, nodeError,
      parentFromURL, pathToFileHref, process, readPackageScope, requireBuiltin, resolveImport,
      runMainArrow, splitAttrs, unsettledExit, untypedESM, urlSuffix, urlSuffixes }));
  }

//#part hooks
(function ({
  L, Module, bareSpec, binding, builtinNamespace, builtinSet, cachedModule, checkImportType, cjsExportNames,
  cjsLexed, cjsNamespaceOf, codes, dirname, dynamicImport, esmStates, extname, hookedFilename,
  hooksRegistered, importModule, importResult, importedBuiltins, isESMPath, isPathSpecifier,
  jsonEmptyNames, loadESM, loaderForPath, neverSettles, nodeError, parentFromURL, pathToFileHref,
  process, readPackageScope, requireBuiltin, resolveImport, runMainArrow, splitAttrs,
  unsettledExit, untypedESM, urlSuffix, urlSuffixes }) {
  const hookedURLs = new WeakMap(); // module made from a hooks' answer -> its URL
  const hookedModules = new Map(); // URL -> { filename, format, result() }
  let hooksV8;


  // hooksNeverSettle: the hooks' promise for req can never settle (nothing else is left on the
  // hooks runtime's loop). node's main thread then exits with code 13 for what it waits for
  // synchronously (register, import.meta.resolve); an import never settles (neverSettles
  // unwinds the loader to the import() or entry point waiting for it), and the process ends
  // with code 13 unless something set another, as for an unsettled top-level await.
  function hooksNeverSettle(req) {
    if (req.op === 'register' || req.sync) process.exit(13);
    process.prependListener('exit', unsettledExit());
    throw neverSettles;
  }

  // hooksRequest sends req to the hooks runtime and returns its answer's value, or throws what
  // the hooks threw (an error with its own enumerable properties, such as code, put back).
  function hooksRequest(req, msg) {
    if (localChain !== undefined) return localAnswer(req);
    const v8 = hooksV8 || (hooksV8 = requireBuiltin('v8'));
    const bytes = v8.serialize(req);
    const answer = msg === undefined ? binding.hooksCall(bytes) : binding.hooksCall(bytes, msg.data, msg.buffers, msg.ports);
    if (answer === null) return hooksNeverSettle(req);
    if (typeof answer === 'number') process.exit(answer); // (the hooks thread's process.exit)
    const out = v8.deserialize(Buffer.from(answer));
    if (out.ok) return out.value;
    if ('symbol' in out) throw Symbol(out.symbol);
    if (out.error === undefined) throw hooksThrown(out.thrown);
    const e = hooksThrown(out.error, out.ctor, out.all);
    const props = out.all === undefined ? out.props : undefined;
    if (props !== undefined && props !== null) {
      for (const k of Object.keys(props)) {
        try { e[k] = props[k]; } catch {}
      }
    }
    const code = out.all !== undefined ? out.all.code && out.all.code.value : props && props.code;
    if (typeof code === 'string' && code.startsWith('ERR_')) {
      try { Object.defineProperty(e, requireBuiltin('internal/errors').kIsNodeError, { value: true }); } catch {}
    }
    throw e;
  }

  // hooksThrown is what the hooks threw as the main thread gets it from node's hooks thread
  // (internal/error_serdes): an error becomes a plain object of its class's prototype, with the
  // name, message, stack and other data properties of the error and its prototypes, tagged
  // 'Error' (util.inspect shows "SyntaxError [Error]: ..."). An object is marked to show, when
  // uncaught, under node's place for it: the entry point's triggerUncaughtException. ctorName and
  // all are the class's name and the descriptors the hooks runtime sent for an error
  // (runtime/js/hooks.js allProperties); without them the error crossed as V8 clones it.
  const errorClassNames = new Set(['Error', 'TypeError', 'RangeError', 'URIError', 'SyntaxError', 'ReferenceError', 'EvalError']);
  const errorClasses = { __proto__: null, Error, TypeError, RangeError, URIError, SyntaxError, ReferenceError, EvalError };
  function hooksThrown(e, ctorName, all) {
    if (all !== undefined && errorClasses[ctorName] !== undefined) {
      all[Symbol.toStringTag] = { value: 'Error', configurable: true };
      e = Object.create(errorClasses[ctorName].prototype, all);
    } else if (e === null || (typeof e !== 'object' && typeof e !== 'function')) {
      return e;
    } else if (requireBuiltin('util').types.isNativeError(e)) {
      const chain = [];
      let ctor;
      for (let o = e; o !== null; o = Object.getPrototypeOf(o)) {
        chain.unshift(o);
        const c = Object.getOwnPropertyDescriptor(o, 'constructor');
        if (ctor === undefined && c !== undefined && typeof c.value === 'function' && errorClassNames.has(c.value.name)) ctor = c.value;
      }
      if (ctor !== undefined) {
        const props = { __proto__: null, name: undefined, message: undefined }; // (V8's order of Error.prototype's)
        for (const o of chain) {
          if (o === Object.prototype) continue;
          for (const k of Object.getOwnPropertyNames(o)) {
            const d = Object.getOwnPropertyDescriptor(o, k);
            if (d.get !== undefined) {
              try { d.value = d.get.call(e); } catch { continue; }
              delete d.get;
              delete d.set;
              d.writable = true;
            }
            if (typeof d.value === 'function') continue;
            props[k] = d;
          }
        }
        if (props.name === undefined) delete props.name;
        if (props.message === undefined) delete props.message;
        props[Symbol.toStringTag] = { value: 'Error', configurable: true };
        e = Object.create(ctor.prototype, props);
      }
    }
    try {
      binding.putArrow(e, runMainArrow);
    } catch {
      // a frozen object keeps its place
    }
    return e;
  }

  // register(specifier[, parentURL][, options]) is module.register: it returns once the hooks
  // module was loaded on the hooks runtime and its initialize(data) settled.
  function register(specifier, parentURL, options, startup) {
    if (parentURL != null && typeof parentURL === 'object' && !(parentURL instanceof URL)) {
      options = parentURL;
      parentURL = options.parentURL;
    }
    const data = options != null ? options.data : undefined;
    const transferList = options != null ? options.transferList : undefined;
    const req = { op: 'register', specifier: `${specifier}`, parentURL: `${parentURL ?? 'data:'}`, data, startup: startup === true };
    let msg;
    if (transferList !== undefined && transferList !== null) {
      // data goes as a worker_threads message, which moves the transferred ports
      const codec = requireBuiltin('worker_threads')[Symbol.for('gojs.messageCodec')];
      const t = codec.serialize(data, Array.from(transferList));
      msg = t instanceof ArrayBuffer || ArrayBuffer.isView(t) ? { data: t, buffers: [], ports: [] } :
        { data: t.data, buffers: t.buffers, ports: t.ports };
      req.data = undefined;
      req.message = true;
    }
    hooksRequest(req, msg);
    hooksRegistered(false);
  }

  // registerLoaders registers the --loader / --experimental-loader modules (relative to the
  // working directory), with node's warning.
  function registerLoaders(list) {
    const cwd = binding.cwd();
    const base = pathToFileHref(cwd === '/' ? '/' : cwd + '/');
    for (let i = 0; i < list.length; i++) register(list[i], base, undefined, true);
    // (once they are registered: a loader that fails to load ends the process without it)
    const calls = list.map((spec) => `register(${JSON.stringify(spec)}, pathToFileURL("./"));`).join(' ');
    process.emitWarning('`--experimental-loader` may be removed in the future; instead use `register()`:\n' +
      '--import \'data:text/javascript,import { register } from "node:module"; import { pathToFileURL } from "node:url"; ' +
      `${calls}'`, 'ExperimentalWarning');
  }

  function parentURLOf(parent) {
    if (!parent || typeof parent.filename !== 'string') return undefined;
    const u = hookedURLs.get(parent);
    if (u !== undefined) return u;
    const f = parent.filename;
    if (f.startsWith('data:')) return f;
    if (f[0] !== '/') return undefined;
    return pathToFileHref(f) + (urlSuffixes.get(parent) || '');
  }

  function hookedImport(spec, type, parent) {
    const importAttributes = type === undefined ? {} : { type };
    const r = hooksRequest({ op: 'resolve', specifier: spec, parentURL: parentURLOf(parent), importAttributes });
    const attrs = r.importAttributes != null ? r.importAttributes : importAttributes;
    return loadHooked(r.url, r.format, attrs, parent, false);
  }

  // hookedResolve resolves a static import's specifier (with its type attribute after attrSep)
  // through the hooks now, and returns the function that loads it.
  function hookedResolve(spec, parent) {
    const { type } = splitAttrs(spec);
    spec = bareSpec(spec);
    const importAttributes = type === undefined ? {} : { type };
    const r = hooksRequest({ op: 'resolve', specifier: spec, parentURL: parentURLOf(parent), importAttributes });
    const attrs = r.importAttributes != null ? r.importAttributes : importAttributes;
    return () => loadHooked(r.url, r.format, attrs, parent, false);
  }

  function loadHooked(url, format, attrs, parent, isMain) {
    let rec = hookedModules.get(url);
    if (rec === undefined) rec = importedBefore(url);
    if (rec === undefined) {
      const l = hooksRequest({ op: 'load', url, format, importAttributes: attrs });
      rec = instantiateHooked(url, l.format, l.source, parent, isMain);
    }
    // (the import's type attribute is checked by the default load: a hook may take any)
    return rec.result();
  }

  // importedBefore is what node's module map has for url from before the hooks were registered
  // (they do not load it again): a built-in or a file imported then.
  function importedBefore(url) {
    if (url.startsWith('node:')) {
      const id = url.slice(5);
      if (!importedBuiltins.has(id)) return undefined;
      return { filename: url, format: 'builtin', result: () => ({ ns: builtinNamespace(id), state: undefined }) };
    }
    if (!url.startsWith('file:') || /[?#]/.test(url)) return undefined;
    const filename = hookedFilename(url);
    const m = cachedModule(filename);
    if (m === undefined || (!esmStates.has(m) && !m[L.kIsCachedByESMLoader])) return undefined;
    return { filename, format: esmStates.has(m) ? 'module' : filename.endsWith('.json') ? 'json' : 'commonjs', result: () => importResult(m, filename, m) };
  }

  function sourceText(source) {
    if (typeof source === 'string') return source;
    return Buffer.from(source.buffer, source.byteOffset, source.byteLength).toString('utf8');
  }

  function hookedModule(filename, url, isFile, suffix) {
    const m = new Module(filename, undefined);
    m.filename = filename;
    m.paths = isFile ? Module._nodeModulePaths(dirname(filename)) : [];
    hookedURLs.set(m, url);
    if (suffix !== '') urlSuffixes.set(m, suffix);
    return m;
  }

  // instantiateHooked makes (and runs) the module of url from the format and source the load
  // hooks gave, as node's translators do.
  function instantiateHooked(url, format, source, parent, isMain) {
    const filename = hookedFilename(url);
    const isFile = url.startsWith('file:');
    const suffix = isFile ? urlSuffix(url) : '';
    let rec;
    switch (format) {
      case 'builtin': {
        const id = url.startsWith('node:') ? url.slice(5) : url;
        if (!url.startsWith('node:') || !Module.isBuiltin(url)) throw new (codes().ERR_UNKNOWN_BUILTIN_MODULE)(url);
        rec = { filename: url, format, result: () => ({ ns: builtinNamespace(id), state: undefined }) };
        hookedModules.set(url, rec);
        return rec;
      }
      case 'module': {
        if (source == null) {
          throw nodeError(TypeError, 'ERR_INVALID_RETURN_PROPERTY_VALUE', 'Expected string, array buffer, or typed array to be ' +
            `returned for the "source" from the "load" hook but got ${requireBuiltin('internal/errors').determineSpecificType(source)}.`);
        }
        const m = hookedModule(filename, url, isFile, suffix);
        if (isMain) m.id = '.';
        rec = { filename, format, result: () => importResult(m, filename, m) };
        hookedModules.set(url, rec);
        try {
          // (a URL with a query names a module of its own, whose source the hooks may make
          // another: import-in-the-middle's wrapper of the file it imports: the prepared
          // module is keyed by the URL's path and query)
          loadESM(m, filename + suffix, sourceText(source), isFile ? loaderForPath(filename) : 'js');
          m.loaded = true;
        } catch (e) {
          if (!esmStates.has(m)) hookedModules.delete(url);
          throw e;
        }
        return rec;
      }
      case 'commonjs': {
        if (source == null) {
          // the file itself, through require's cache (as node 20 loads a CommonJS module the
          // hooks gave no source for)
          if (!isFile) throw new (codes().ERR_UNKNOWN_MODULE_FORMAT)(format, url);
          if (isMain) {
            Module._load(filename, null, true);
            rec = { filename, format, result: () => importResult(Module._cache[filename], filename, Module._cache[filename]) };
          } else {
            rec = { filename, format, result: () => importModule(filename, parent, filename) };
            rec.result();
          }
          hookedModules.set(url, rec);
          return rec;
        }
        const m = hookedModule(filename, url, isFile, suffix);
        if (isMain) L.markMain(m);
        if (isFile && suffix === '' && Module._cache[filename] === undefined) Module._cache[filename] = m;
        // (its names are the lexer's of the source given, as node's translator reads them)
        const text = sourceText(source);
        const names = isFile ? cjsExportNames(filename, text) : undefined;
        rec = { filename, format, result: () => ({ ns: cjsNamespaceOf(m, m.exports, names), state: undefined }) };
        hookedModules.set(url, rec);
        try {
          m._compile(text, filename);
          m.loaded = true;
        } catch (e) {
          hookedModules.delete(url);
          if (Module._cache[filename] === m) delete Module._cache[filename];
          throw e;
        }
        return rec;
      }
      case 'json': {
        let text;
        if (source != null) text = sourceText(source);
        else if (isFile) text = binding.readFile(filename);
        else throw nodeError(RangeError, 'ERR_UNKNOWN_MODULE_FORMAT', `Unknown module format: ${format} for URL ${url}`);
        const m = hookedModule(filename, url, isFile, suffix);
        try {
          m.exports = JSON.parse(text.charCodeAt(0) === 0xFEFF ? text.slice(1) : text);
        } catch (e) {
          if (e !== null && typeof e === 'object') e.message = filename + ': ' + e.message;
          throw e;
        }
        m.loaded = true;
        rec = { filename: isFile ? filename : url, format, result: () => ({ ns: cjsNamespaceOf(m, m.exports, jsonEmptyNames), state: undefined }) };
        hookedModules.set(url, rec);
        return rec;
      }
      case 'wasm':
        if (isFile && source == null) {
          rec = { filename, format, result: () => importModule(filename, parent, filename) };
          rec.result();
          hookedModules.set(url, rec);
          return rec;
        }
    }
    throw nodeError(RangeError, 'ERR_UNKNOWN_MODULE_FORMAT', `Unknown module format: ${format} for URL ${url}`);
  }

  // hookedMeta is import.meta of a module made from the hooks' answer for url.
  function hookedMeta(module, filename, url) {
    filename = hookedFilename(url);
    const resolve = (spec) => hooksRequest({ op: 'resolve', specifier: `${spec}`, parentURL: url, importAttributes: {}, sync: true }).url;
    if (!url.startsWith('file:')) return { __proto__: null, resolve, url };
    return { __proto__: null, dirname: dirname(filename), filename, resolve, url };
  }

  // runMainHooked runs the entry point through the hooks, as node's ES module loader runs it
  // once hooks are registered.
  function runMainHooked(abs) {
    try {
      const r = hooksRequest({ op: 'resolve', specifier: pathToFileHref(abs), parentURL: undefined, importAttributes: {} });
      loadHooked(r.url, r.format, r.importAttributes != null ? r.importAttributes : {}, undefined, true);
    } catch (e) {
      if (e !== neverSettles) throw e;
    }
  }

  // ---- the hooks runtime's defaults (node's defaultResolve and defaultLoad) ----

  function formatOf(file) {
    const ext = extname(file);
    switch (ext) {
      case '.json': return 'json';
      case '.wasm': return 'wasm';
      case '.cjs': case '.cts': case '.node': return 'commonjs';
      case '.mjs': case '.mts': return 'module';
    }
    if (isESMPath(file)) return 'module';
    if (ext === '.js') return untypedESM(file) ? 'module' : 'commonjs';
    if (ext === '.ts' || ext === '.tsx' || ext === '.jsx') {
      const r = cjsLexed(file);
      return r !== undefined && r[2] ? 'module' : 'commonjs';
    }
    return 'commonjs';
  }

  // resolvedFormatOf is the format node's default resolve gives file (its format before the
  // source is read): a .js or extensionless file's by its package's type (null without one: the
  // load reads its syntax), .json, .cjs and .mjs by extension, and none (undefined) for any
  // other extension, TypeScript's and JSX's among them: a resolve hook then decides (tsx does by
  // the package type), or the default load (formatOf, with gojs's own for those).
  function resolvedFormatOf(file) {
    const ext = extname(file);
    if (ext === '.js' || ext === '') {
      const pkg = readPackageScope(file);
      const type = pkg ? pkg.type : 'none';
      return type === 'module' || type === 'commonjs' ? type : null;
    }
    if (ext === '.json') return 'json';
    if (ext === '.cjs') return 'commonjs';
    if (ext === '.mjs') return 'module';
    return undefined;
  }

  function hooksDefaultResolve(spec, context) {
    if (spec.startsWith('data:')) return { url: spec };
    const parentURL = context !== null && typeof context === 'object' ? context.parentURL : undefined;
    // a URL of another scheme is node's default resolution as it is (a relative one absolutized
    // against a parent of such a scheme): only the default load refuses it
    if (isPathSpecifier(spec) ? typeof parentURL === 'string' && !parentURL.startsWith('file:') && URL.canParse(spec, parentURL) :
      /^[a-zA-Z][a-zA-Z\d+.-]*:/.test(spec) && URL.canParse(spec)) {
      const u = new URL(spec, parentURL);
      if (u.protocol !== 'file:' && u.protocol !== 'node:') return { url: u.href, format: null };
    }
    const parent = parentFromURL(parentURL);
    if (parent.filename[0] !== '/' && !spec.startsWith('file:') && !spec.startsWith('node:') && !builtinSet.has(spec) &&
        !/^[a-zA-Z][a-zA-Z\d+.-]*:/.test(spec)) {
      throw nodeError(TypeError, 'ERR_UNSUPPORTED_RESOLVE_REQUEST', `Failed to resolve module specifier "${spec}" from "${parent.filename}": Invalid relative URL or base scheme is not hierarchical.`);
    }
    const suffix = urlSuffix(spec);
    const file = resolveImport(spec.slice(0, spec.length - suffix.length), parent);
    if (file.startsWith('node:')) return { url: file };
    return { url: pathToFileHref(file) + suffix, format: resolvedFormatOf(file) };
  }

  function hooksDefaultLoad(url, context) {
    let format = context !== null && typeof context === 'object' ? context.format : undefined;
    const attrs = context !== null && typeof context === 'object' ? context.importAttributes : undefined;
    const type = attrs !== null && typeof attrs === 'object' ? attrs.type : undefined;
    if (url.startsWith('node:')) {
      if (!Module.isBuiltin(url)) throw new (codes().ERR_UNKNOWN_BUILTIN_MODULE)(url);
      checkImportType(url, type, false);
      return { format: 'builtin', responseURL: url, source: null };
    }
    if (url.startsWith('data:')) {
      const comma = url.indexOf(',');
      const params = url.slice(5, comma === -1 ? url.length : comma).split(';');
      const mime = params[0].trim().toLowerCase();
      if (comma === -1 || (mime !== 'application/json' && mime !== 'text/javascript')) {
        throw nodeError(RangeError, 'ERR_UNKNOWN_MODULE_FORMAT', `Unknown module format: ${mime} for URL ${url}`);
      }
      const body = url.slice(comma + 1);
      const source = params[params.length - 1].toLowerCase() === 'base64' ? Buffer.from(decodeURIComponent(body), 'base64') :
        Buffer.from(decodeURIComponent(body));
      checkImportType(url, type, mime === 'application/json');
      return { format: format ?? (mime === 'application/json' ? 'json' : 'module'), responseURL: url, source };
    }
    if (!url.startsWith('file:')) resolveImport(url, undefined); // (throws node's unsupported scheme error)
    const file = hookedFilename(url);
    if (format == null) format = formatOf(file);
    checkImportType(file, type, format === 'json');
    if (format === 'commonjs') return { format, responseURL: url, source: undefined };
    return { format, responseURL: url, source: requireBuiltin('fs').readFileSync(file) };
  }

  function importForHooks(specifier, parentURL, startup) {
    return dynamicImport(specifier, parentFromURL(parentURL), undefined, startup ? 'register' : 'registerMessage');
  }

  // In the hooks runtime, the hooks registered so far resolve and load what it imports (a later
  // hooks module and its imports, import() in hooks), as node's hooks thread does. They are
  // asynchronous and run on this very loop, so an import is first walked asynchronously
  // (localPrepare: resolve, load, the static imports of each module source, recursively) and
  // the loader, synchronous, then takes the answers kept (localAnswer); what the walk did not
  // see (import.meta.resolve) gets the default resolution and loading.
  let localChain; // hooks.js's { resolve, load }, once a hooks module with either is registered
  const localResolved = new Map(); // parentURL + '\0' + specifier + '\0' + type -> resolve answer
  const localLoaded = new Map(); // URL -> load answer

  function useLocalHooks(chain) {
    localChain = chain;
    hooksRegistered(true);
  }

  function localKey(specifier, parentURL, attrs) {
    return `${parentURL}\0${specifier}\0${attrs && attrs.type !== undefined ? attrs.type : ''}`;
  }

  function localAnswer(req) {
    if (req.op === 'resolve') {
      const r = localResolved.get(localKey(req.specifier, req.parentURL, req.importAttributes));
      if (r !== undefined) return r;
      return hooksDefaultResolve(req.specifier, { parentURL: req.parentURL, importAttributes: req.importAttributes });
    }
    if (req.op === 'load') {
      const l = localLoaded.get(req.url);
      if (l !== undefined) return l;
      return hooksDefaultLoad(req.url, { format: req.format, importAttributes: req.importAttributes });
    }
    throw new Error(`unknown hooks request ${req.op}`);
  }

  function localPrepare(spec, parent) {
    const seen = new Set();
    const visit = (specifier, parentURL, type) => {
      const importAttributes = type === undefined ? {} : { type };
      const key = localKey(specifier, parentURL, importAttributes);
      const known = localResolved.get(key);
      const resolved = known !== undefined ? Promise.resolve(known) :
        localChain.resolve(specifier, parentURL, importAttributes).then((r) => { localResolved.set(key, r); return r; });
      return resolved.then((r) => {
        const url = r.url;
        if (seen.has(url) || localLoaded.has(url) || hookedModules.has(url) || importedBefore(url) !== undefined) return undefined;
        seen.add(url);
        const attrs = r.importAttributes != null ? r.importAttributes : importAttributes;
        return localChain.load(url, r.format, attrs).then((l) => {
          localLoaded.set(url, l);
          if (l.format !== 'module' || l.source == null) return undefined;
          const filename = hookedFilename(url);
          const isFile = url.startsWith('file:');
          let deps;
          try {
            deps = binding.esmPrepare(filename + (isFile ? urlSuffix(url) : ''), isFile ? loaderForPath(filename) : 'js', sourceText(l.source)).deps;
          } catch {
            return undefined; // (reported when it loads)
          }
          return Promise.all(deps.map((d) => visit(bareSpec(d), url, splitAttrs(d).type)));
        });
      });
    };
    return visit(bareSpec(spec), parentURLOf(parent), splitAttrs(spec).type);
  }

  // hookedMetaOf is import.meta of module, made from the hooks' answer for a URL (undefined for
  // another module).
  function hookedMetaOf(module, filename) {
    const url = hookedURLs.get(module);
    return url !== undefined ? hookedMeta(module, filename, url) : undefined;
  }

  // metaResolveHooked is import.meta.resolve(spec) of module (or of the parent URL url) through
  // the hooks.
  function metaResolveHooked(spec, module, url) {
    return hooksRequest({ op: 'resolve', specifier: spec, parentURL: module ? parentURLOf(module) : url, importAttributes: {}, sync: true }).url;
  }

  return { register, registerLoaders, runMainHooked, hooksDefaultResolve, hooksDefaultLoad, importForHooks, useLocalHooks,
    hookedImport, hookedResolve, hookedMetaOf, metaResolveHooked, localPrepare };
})
//#end hooks

//#part errors
(function ({
  Module, bareSpec, binding, builtinSet, dirname, inDynamicJob, isPathSpecifier, nodeError,
  pathToFileHref, requireBuiltin, runMainArrow, starAmbiguous, swapConditions, swapGlobalPathsOff }) {
  // node's frames of its ES module loader for an error an import raises (node 20.20's lines, in
  // node:internal/modules/): where node raised it, then how the import came. call says how:
  // undefined for a module's static import (its module job's link), 'module' or 'script' for
  // import() of the specifier itself in an ES module or in a script. inDynamicJob() says whether the
  // graph being loaded is an import()'s (else the entry's).
  const resolveTail = [['defaultResolve', 'esm/resolve:1188:11'], ['ModuleLoader.defaultResolve', 'esm/loader:708:12'],
    ['#cachedDefaultResolve', 'esm/loader:657:25'], ['ModuleLoader.resolve', 'esm/loader:640:38'],
    ['ModuleLoader.getModuleJobForImport', 'esm/loader:264:38']];
  const importTail = {
    module: [['ModuleLoader.import', 'esm/loader:605:34'], ['defaultImportModuleDynamicallyForModule', 'esm/utils:221:31'],
      ['importModuleDynamicallyCallback', 'esm/utils:260:12']],
    script: [['ModuleLoader.import', 'esm/loader:605:34'], ['defaultImportModuleDynamicallyForScript', 'esm/utils:234:31'],
      ['importModuleDynamicallyCallback', 'esm/utils:256:12']],
    // (a hooks module register() or --loader imports, in node's hooks thread)
    register: [['ModuleLoader.import', 'esm/loader:605:34'], ['Hooks.register', 'esm/hooks:167:34'],
      ['initializeHooks', 'esm/utils:324:17']],
    // (one module.register() asked for, later: a message to the hooks thread)
    registerMessage: [['ModuleLoader.import', 'esm/loader:605:34'], ['Hooks.register', 'esm/hooks:167:34'],
      ['MessagePort.handleMessage', 'esm/worker:196:24']],
  };
  // (resolved in node's hooks thread: through the chain of the hooks registered so far)
  const hooksResolveTail = [['defaultResolve', 'esm/resolve:1188:11'], ['nextResolve', 'esm/hooks:864:28'],
    ['Hooks.resolve', 'esm/hooks:306:30'], ['ModuleLoader.resolve', 'esm/loader:638:35'],
    ['ModuleLoader.getModuleJobForImport', 'esm/loader:264:38']];
  const attrTail = [['defaultLoad', 'esm/load:155:3'], ['async ModuleLoader.loadAndTranslate', 'esm/loader:543:45']];
  const loaderSites = {
    missing: [['finalizeResolution', 'esm/resolve:283:11'], ['moduleResolve', 'esm/resolve:952:10']],
    dir: [['finalizeResolution', 'esm/resolve:271:11'], ['moduleResolve', 'esm/resolve:952:10']],
    package: [['packageResolve', 'esm/resolve:873:9'], ['moduleResolve', 'esm/resolve:946:18']],
    legacyMain: [['legacyMainResolve', 'esm/resolve:215:26'], ['packageResolve', 'esm/resolve:860:14'], ['moduleResolve', 'esm/resolve:946:18']],
    exports: [['exportsNotFound', 'esm/resolve:322:10'], ['packageExportsResolve', 'esm/resolve:670:9'],
      ['packageResolve', 'esm/resolve:856:14'], ['moduleResolve', 'esm/resolve:946:18']],
    // (a subpath the exports name, mapped to nothing for the conditions: exports.js exportsKeyNotFound)
    exportsKey: [['exportsNotFound', 'esm/resolve:322:10'], ['packageExportsResolve', 'esm/resolve:613:13'],
      ['packageResolve', 'esm/resolve:856:14'], ['moduleResolve', 'esm/resolve:946:18']],
    attrMissing: [['validateAttributes', 'esm/assert:89:15']],
    attrUnsupported: [['handleInvalidType', 'esm/assert:106:11'], ['validateAttributes', 'esm/assert:91:14']],
    attrUnsupportedImplicit: [['handleInvalidType', 'esm/assert:106:11'], ['validateAttributes', 'esm/assert:78:14']],
    attrKey: [['validateAttributes', 'esm/assert:61:13']],
    attrFailed: [['handleInvalidType', 'esm/assert:110:9'], ['validateAttributes', 'esm/assert:78:14']],
    scheme: [['throwIfUnsupportedURLScheme', 'esm/load:241:11'], ['defaultLoad', 'esm/load:132:3'], ['ModuleLoader.load', 'esm/loader:724:12'],
      ['ModuleLoader.loadAndTranslate', 'esm/loader:543:56'], ['#createModuleJob', 'esm/loader:567:36'],
      ['#getJobFromResolveResult', 'esm/loader:297:34'], ['ModuleLoader.getModuleJobForImport', 'esm/loader:265:41']],
    extension: [['Object.getFileProtocolModuleFormat [as file:]', 'esm/get_format:189:9'], ['defaultGetFormat', 'esm/get_format:232:36'],
      ['defaultLoad', 'esm/load:145:22'], ['async ModuleLoader.loadAndTranslate', 'esm/loader:543:45']],
    link: [['ModuleJob._instantiate', 'esm/module_job:213:21'], ['async ModuleJob.run', 'esm/module_job:320:5'],
      ['async ModuleLoader.import', 'esm/loader:606:24']],
  };
  const loaderArrows = {
    attrMissing: 'node:internal/modules/esm/assert:89\n        throw new ERR_IMPORT_ASSERTION_TYPE_MISSING(url, validType);\n              ^\n',
    attrUnsupported: 'node:internal/modules/esm/assert:106\n    throw new ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED(type);\n          ^\n',
    attrUnsupportedImplicit: 'node:internal/modules/esm/assert:106\n    throw new ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED(type);\n          ^\n',
    attrKey: 'node:internal/modules/esm/assert:61\n      throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED(keys[i], importAttributes[keys[i]]);\n            ^\n',
    attrFailed: 'node:internal/modules/esm/assert:110\n  throw new ERR_IMPORT_ASSERTION_TYPE_FAILED(url, type);\n        ^\n',
    exports: 'node:internal/modules/esm/resolve:322\n  return new ERR_PACKAGE_PATH_NOT_EXPORTED(\n         ^\n',
    exportsKey: 'node:internal/modules/esm/resolve:322\n  return new ERR_PACKAGE_PATH_NOT_EXPORTED(\n         ^\n',
    extension: 'node:internal/modules/esm/get_format:189\n  throw new ERR_UNKNOWN_FILE_EXTENSION(ext, filepath);\n        ^\n',
    extensionRoot: 'node:internal/modules/esm/get_format:189\n  throw new ERR_UNKNOWN_FILE_EXTENSION(ext, filepath);\n        ^\n',
    legacyMain: 'node:internal/modules/esm/resolve:215\n  const resolvedOption = FSLegacyMainResolve(packageJsonUrlString, packageConfig.main, baseStringified);\n                         ^\n',
  };
  function loaderFrames(site, call) {
    const own = loaderSites[site];
    switch (site) {
      case 'attrMissing': case 'attrUnsupported': case 'attrUnsupportedImplicit': case 'attrFailed': case 'attrKey':
        return own.concat(attrTail, call || inDynamicJob() ? [['async ModuleJob._link', 'esm/module_job:148:19']] : []);
      case 'extension':
        return own;
      case 'extensionRoot':
        return loaderSites.extension.concat([['async ModuleJob._link', 'esm/module_job:148:19']]);
      case 'scheme':
        return call ? own.concat([['async ModuleLoader.import', 'esm/loader:605:23']]) : own;
      case 'link':
        // (an import()'s graph: V8 goes on with the async functions awaiting it)
        return inDynamicJob() ? own : own.concat([['async asyncRunEntryPointWithESMLoader', 'run_main:117:5']]);
    }
    return own.concat(call === 'register' || call === 'registerMessage' ? hooksResolveTail : resolveTail, call ? importTail[call] : [['ModuleJob._link', 'esm/module_job:168:49']]);
  }
  // atLoaderSite gives err node's frames for site (loaderFrames) in place of the glue's; it
  // returns err, to be thrown.
  function atLoaderSite(err, site, call) {
    try {
      const limit = Error.stackTraceLimit;
      const stack = err.stack;
      if (typeof limit !== 'number' || typeof stack !== 'string') return err;
      const at = stack.indexOf('\n    at ');
      let out = at === -1 ? stack : stack.slice(0, at);
      const frames = loaderFrames(site, call);
      for (let i = 0; i < frames.length && i < limit; i++) {
        out += `\n    at ${frames[i][0]} (node:internal/modules/${frames[i][1]})`;
      }
      const arrow = binding.arrowOf(err);
      if (site === 'link' && inDynamicJob() && typeof arrow === 'string') {
        // an import()'s link error: node's stack begins with the excerpt (its decorated stack)
        out = `${arrow}\n${out}`;
        Object.defineProperty(err, Symbol.for('gojs.stackDecorated'), { __proto__: null, value: true, configurable: true });
      }
      err.stack = out;
      // (an import's error is not the CommonJS loader's to rethrow: the excerpt is where node
      // raised it)
      if (loaderArrows[site] !== undefined) delete err[Symbol.for('gojs.rethrowArrow')];
      if (loaderArrows[site] !== undefined) {
        binding.putArrow(err, loaderArrows[site]);
      }
    } catch {
      // a frozen error keeps its stack
    }
    return err;
  }

  // commonJSHint is node's "Did you mean to import ...?" line: where require would have found spec.
  // As node's, the lookup's parent has no filename, so a relative spec is looked up from the
  // working directory (and shown relative to the importer's directory).
  function commonJSHint(spec, parent) {
    let found;
    try {
      const from = new Module(parent.filename, null);
      from.paths = parent.paths;
      found = Module._resolveFilename(spec, from, false);
    } catch {
      return '';
    }
    if (typeof found !== 'string' || builtinSet.has(found)) return '';
    if (isPathSpecifier(spec) && spec[0] !== '/') {
      // (relative between the files' URL paths: escaped as a specifier is)
      const urlPath = (p) => new URL(pathToFileHref(p)).pathname;
      found = requireBuiltin('path').posix.relative(urlPath(dirname(parent.filename)), urlPath(found));
      if (!found.startsWith('../')) found = './' + found;
    } else if (spec[0] !== '/') {
      // (a bare specifier: the file's path inside the package's node_modules folder, segments
      // escaped; a file found elsewhere, as through NODE_PATH, as its file: URL)
      const pkg = spec.split('/')[0];
      const needle = `/node_modules/${pkg}/`;
      const i = found.lastIndexOf(needle);
      found = i === -1 ? pathToFileHref(found) : pkg + '/' + found.slice(i + needle.length).split('/').map(encodeURIComponent).join('/');
    }
    return found === spec ? '' : `\nDid you mean to import ${JSON.stringify(found)}?`;
  }

  function resolveError(code, message, target, spec, parent, saved, arrow) {
    const prev = swapConditions(saved);
    const prevOff = swapGlobalPathsOff(false);
    let hint;
    try { hint = commonJSHint(spec, parent); } finally { swapConditions(prev); swapGlobalPathsOff(prevOff); }
    const err = nodeError(Error, code, message + hint);
    if (target !== undefined) err.url = pathToFileHref(target);
    // a hinted error's stack was rewritten: node then points at where it was rethrown (the
    // main module's run, or for import() the rejection's report: see dynamicImport)
    binding.putArrow(err, hint ? runMainArrow : arrow);
    return err;
  }

  function missingExportError(module, content, spec, name, cjs, ns) {
    spec = bareSpec(spec);
    if (content === undefined) content = binding.readFile(module.filename);
    const lines = content.split('\n');
    let line = -1;
    let col = -1;
    let width = name.length;
    let fallback = -1;
    for (let i = 0; i < lines.length && line === -1; i++) {
      const l = lines[i];
      if (!l.includes(`'${spec}'`) && !l.includes(`"${spec}"`)) continue;
      // A statement naming its bindings on lines before the one with the specifier.
      let start = i;
      while (start > 0 && i - start < 200 && !/^\s*(import|export)\b/.test(lines[start])) start--;
      if (!/^\s*(import|export)\b/.test(lines[start])) start = i;
      // (several statements on the specifier's line: the one that names it starts at the last
      // import or export keyword before it)
      let at = 0;
      if (start === i) {
        const head = l.slice(0, Math.max(l.indexOf(`'${spec}'`), l.indexOf(`"${spec}"`)));
        const kw = /(^|[;})\s])(import|export)(?![\w$])/g;
        for (let m; (m = kw.exec(head)) !== null;) at = m.index + m[1].length;
      }
      // a default import: node marks its local name
      const def = name === 'default' && /^(\s*import\s+)([\w$]+)(?=\s*(,|from\b))/.exec(lines[start].slice(at));
      if (def) {
        line = start;
        col = at + def[1].length;
        width = def[2].length;
        break;
      }
      const re = new RegExp('(^|[^\\w$])' + name.replace(/[\\^$.*+?()[\]{}|\/]/g, '\\$&') + '(?![\\w$])', 'g');
      for (let k = start; k <= i && line === -1; k++) {
        const text = lines[k];
        let from = 0;
        if (k === start) {
          from = text.indexOf('{', at);
          if (from === -1) continue;
        }
        re.lastIndex = from;
        const m = re.exec(text);
        if (m) {
          line = k;
          col = m.index + m[1].length;
          const q = text[col - 1];
          if ((q === '"' || q === "'") && text[col + name.length] === q) { // a string name, quotes marked
            col--;
            width += 2;
          }
        }
      }
      // (another statement importing the same module may name it: the first line stays the
      // fallback)
      if (line === -1 && fallback === -1) fallback = i;
    }
    if (line === -1 && fallback !== -1) {
      line = fallback;
      col = lines[line].indexOf(name === 'default' ? 'import' : name);
    }
    let msg;
    if (cjs) {
      const braces = line === -1 ? null : /{.*}/.exec(lines[line]);
      const destructuring = braces && braces[0].replace(/\s+as\s+/g, ': ');
      msg = `Named export '${name}' not found. The requested module '${spec}' is a CommonJS module, ` +
        'which may not support all module.exports as named exports.\nCommonJS modules can always be ' +
        `imported via the default export, for example using:\n\nimport pkg from '${spec}';\n` +
        (destructuring ? `const ${destructuring} = pkg;\n` : '');
    } else if (ns !== undefined && starAmbiguous.has(ns) && starAmbiguous.get(ns).has(name)) {
      msg = `The requested module '${spec}' contains conflicting star exports for name '${name}'`;
    } else {
      msg = `The requested module '${spec}' does not provide an export named '${name}'`;
    }
    if (line === -1) return atLoaderSite(new SyntaxError(msg), 'link');
    return atLoaderSite(binding.syntaxErrorAt(msg, module.filename, line + 1, col + 1, col === -1 ? 1 : width), 'link');
  }

  return { atLoaderSite, resolveError, missingExportError };
})
//#end errors

  // evaluationFailure(filename): [the error] an ES module's evaluation threw, or undefined
  function evaluationFailure(filename) {
    return importFailures.has(filename) ? [importFailures.get(filename)] : undefined;
  }

  return { evaluationFailure, requireCached, uncache, unknownExtension, syncBuiltins, sortNamespace, esmTried, esmByNamespace, nodeError, requireAsyncError, requireFacade, loadESM, compileTransformed, dynamicImport, importFromCwd, runMainImport, importerFor, esmHelpers, pathToFileHref,
    hooksActive() { return hooksOn; },
    // (the hooks' part, made when first asked for)
    get register() { return hooks().register; },
    get runMainHooked() { return hooks().runMainHooked; },
    get registerLoaders() { return hooks().registerLoaders; },
    get hooksDefaultResolve() { return hooks().hooksDefaultResolve; },
    get hooksDefaultLoad() { return hooks().hooksDefaultLoad; },
    get importForHooks() { return hooks().importForHooks; },
    get useLocalHooks() { return hooks().useLocalHooks; } };
})
