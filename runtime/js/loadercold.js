(function (L) {
'use strict';
// The CommonJS loader's (runtime/js/loader.js) parts a plain `gojs file.js` never runs, compiled
// once per process the first time one is needed: the entry points other than runMain and
// runSource (--check, -e/-p, --require, --import, the embedder's require), the
// options.paths of require.resolve, Module.wrapper's proxy, the circular-require warning, the
// .node failure message, the decoration of a module's SyntaxError and the bodies of
// Module._preloadModules, _readPackage and createRequire. L holds the loader's helpers. Its file name in stack traces is the
// loader's, and each function keeps the name it had there, so that its frames read as before.
const { Module, binding, process, requireBuiltin, resolvePath, dirname, extname, readPackage, readPackageScope, makeRequire, esm, codes, patchWrap } = L;

// The search paths require.resolve(request, { paths }) uses.
function optionPaths(request, options) {
  if (request[0] === '.' && (request.startsWith('./') || request.startsWith('../'))) return options.paths;
  let paths = [];
  for (const p of options.paths) {
    for (const np of Module._nodeModulePaths(resolvePath(p))) if (!paths.includes(np)) paths.push(np);
  }
  paths = options.paths.concat(paths).filter((p, i, a) => a.indexOf(p) === i);
  paths = paths.filter((p) => p.endsWith('/node_modules')).length ? paths : paths;
  return paths;
}

// Module.wrapper as a proxy that notes any change (made on its first read).
function wrapperProxy(wrapper) {
  return new Proxy(wrapper, {
    set(target, property, value, receiver) {
      patchWrap();
      return Reflect.set(target, property, value, receiver);
    },
    defineProperty(target, property, descriptor) {
      patchWrap();
      return Reflect.defineProperty(target, property, descriptor);
    },
  });
}

// The prototype a module's unfinished exports get while a cycle requires it: reading a property
// they do not have yet warns.
function circularWarningProto() {
  const warn = (prop) => process.emitWarning(
    `Accessing non-existent property '${String(prop)}' of module exports inside circular dependency`);
  return new Proxy({}, {
    get(target, prop) {
      // __esModule is read by transpiled ES modules: no warning for it
      if (prop in target || prop === '__esModule') return target[prop];
      warn(prop);
      return undefined;
    },
    getOwnPropertyDescriptor(target, prop) {
      if (Object.prototype.hasOwnProperty.call(target, prop) || prop === '__esModule') {
        return Object.getOwnPropertyDescriptor(target, prop);
      }
      warn(prop);
      return undefined;
    },
  });
}

// gojs runs no native code. A file that is no shared object at all fails as dlopen on Linux
// reports it; a real one gets gojs's own message.
function dlopenFailure(filename) {
  if (process.platform !== 'linux') return undefined;
  try {
    const fs = requireBuiltin('fs');
    const fd = fs.openSync(filename, 'r');
    const head = Buffer.alloc(64);
    let n;
    try { n = fs.readSync(fd, head, 0, 64, 0); } finally { fs.closeSync(fd); }
    if (n < 64) return `${filename}: file too short`;
    if (head[0] !== 0x7f || head[1] !== 0x45 || head[2] !== 0x4c || head[3] !== 0x46) return `${filename}: invalid ELF header`;
  } catch {}
  return undefined;
}

// ---- entry points used by the runtime ----------------------------------------------------------

// --check: the file parsed as it would run (CommonJS or ES module), without running it. A
// syntax error is thrown.
// checkSyntax(path) checks a file; checkSyntax('[stdin]', src, isModule) a program read from
// stdin, which is a module only with --input-type=module, as in node.
function checkSyntax(path, src, stdinModule) {
  // (a file is found as node's check finds it: Module._resolveFilename, with its extensions and
  // a directory's index, and its MODULE_NOT_FOUND)
  const filename = src === undefined ? Module._resolveFilename(resolvePath(path), null, true) : path;
  const content = src === undefined ? binding.readFile(filename) : src;
  const ext = src === undefined ? extname(filename) : '';
  let isModule = ext === '.mjs' || stdinModule === true;
  if (ext === '.js') {
    const pkg = readPackageScope(filename);
    isModule = (pkg && pkg.type === 'module') || ((!pkg || pkg.type === 'none') && binding.looksESM(content));
  }
  if (isModule) {
    binding.transform(content, filename, 'js', true);
    return;
  }
  // (a script from stdin with import/export is no module to node's check: goja refuses it below)
  const scriptOnly = src !== undefined && binding.looksESM(content);
  if (!scriptOnly && binding.needsTransform(content)) {
    binding.transform(content, filename, 'js', false);
    return;
  }
  try {
    binding.compile(content, filename);
  } catch (e) {
    // syntax goja lacks but esbuild lowers still runs
    if (!(e instanceof SyntaxError) || scriptOnly || String(e.message).startsWith('Invalid regular expression: /') ||
      !binding.parsesAsScript(content, filename)) throw e;
  }
}

// runEval runs src in the global scope as `node -e` (name '[eval]') or `node -` / a script on
// stdin (name '[stdin]') do: a script, not a module wrapper, with __filename, module and require
// as globals and require.main undefined.
function runEval(src, print, name = '[eval]') {
  const filename = resolvePath(name);
  const module = new Module(name, null);
  module.filename = filename;
  module.paths = Module._nodeModulePaths(binding.cwd());
  const require = makeRequire(module);
  Object.assign(globalThis, { __filename: name, module, exports: module.exports, __dirname: '.', require });
  if (!print && binding.needsTransform(src)) {
    // import(), for await...: syntax goja lacks, lowered as in a CommonJS file (the code then runs
    // in a function scope rather than the global one, which only -p could tell)
    esm().compileTransformed(module, name, src, 'js');
    return;
  }
  const result = binding.runScript(src, name);
  if (print) {
    const console = requireBuiltin('console');
    console.log(result);
  }
}

// runEvalModule runs src as an ES module named [eval1] in the working directory, as
// `node --input-type=module -e` (and stdin) do; --print is refused as Node refuses it.
function runEvalModule(src, print) {
  if (print) throw esm().nodeError(Error, 'ERR_EVAL_ESM_CANNOT_PRINT', '--print cannot be used with ESM input');
  const filename = resolvePath('[eval1]');
  const module = new Module(filename, null);
  module.id = '.';
  module.filename = filename;
  module.paths = Module._nodeModulePaths(binding.cwd());
  esm().loadESM(module, filename, src, 'js');
  module.loaded = true;
}

// runMainImport runs a worker's data: URL module as its entry point (see esm.js).
function runMainImport(spec) {
  esm().runMainImport(spec);
}

function inputTypeNotAllowed() {
  throw esm().nodeError(Error, 'ERR_INPUT_TYPE_NOT_ALLOWED', '--input-type can only be used with string input via --eval, --print, or STDIN');
}

// preload runs the -r modules as node's Module._preloadModules does: required by a parent
// 'internal/preload' that has no file (a relative request resolves from the working directory,
// and a missing one is named as given, required from internal/preload).
function preload(list) {
  preloadModulesCold(list);
}

// preloadImports imports the --import modules in order, each after the previous one (and its
// top-level await) has finished, then runs the main script; a failure is an uncaught exception.
function preloadImports(list, runMain) {
  // relative to the working directory itself, which errors name as "imported from <cwd>/"
  const cwd = binding.cwd();
  const parent = new Module(cwd === '/' ? '/' : cwd + '/', null);
  parent.filename = parent.id;
  parent.paths = Module._nodeModulePaths(cwd);
  let p = Promise.resolve();
  for (const spec of list) p = p.then(() => esm().dynamicImport(spec, parent));
  p.then(() => { runMain(); }, (err) => { binding.reportUncaught(err); });
}

function requireFromCwd(request) {
  const parent = new Module(resolvePath('[embedder]'), null);
  parent.filename = resolvePath('[embedder]');
  parent.paths = Module._nodeModulePaths(binding.cwd());
  return Module._load(request[0] === '.' ? resolvePath(request) : request, parent, false);
}

// ---- Module methods few programs call ---------------------------------------------------------
// loader.js's Module._preloadModules, Module._readPackage and Module.createRequire are one-line
// calls of these, each named after its method with Cold after it: stacks do not show such a
// frame (errorstack.go), so they read as before.

// internalRequire is node's require of a module by the loader itself (the preloads): what
// Module.prototype.require does, under node's name for it in stacks.
function internalRequire(module, id) {
  if (typeof id !== 'string' || id === '') return module.require(id); // (its errors)
  return Module._load(id, module, false);
}

function preloadModulesCold(requests) {
  if (!Array.isArray(requests)) return;
  const parent = new Module('internal/preload', null);
  try {
    parent.paths = Module._nodeModulePaths(binding.cwd());
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  L.setPreloading(true);
  try {
    for (let n = 0; n < requests.length; n++) internalRequire(parent, requests[n]);
  } finally {
    L.setPreloading(false);
  }
}

// Module._readPackage(dir): the fields of dir's package.json the loader reads, in node's shape
function readPackageCold(requestPath) {
  const dir = resolvePath(`${requestPath}`);
  const pkg = readPackage(dir);
  return {
    __proto__: null,
    exists: !!pkg,
    pjsonPath: dir === '/' ? '/package.json' : dir + '/package.json',
    main: pkg ? pkg.main : undefined,
    name: pkg ? pkg.name : undefined,
    type: pkg ? pkg.type : 'none',
    exports: pkg ? pkg.exports : undefined,
    imports: pkg ? pkg.imports : undefined,
  };
}

function createRequireCold(filename) {
  let filepath = filename;
  if (filename && typeof filename === 'object' && typeof filename.href === 'string') filename = filename.href;
  if (typeof filename === 'string' && filename.startsWith('file:')) {
    filepath = decodeURIComponent(filename.replace(/^file:\/\/(localhost)?/, ''));
  } else if (typeof filename !== 'string' || filename[0] !== '/') {
    throw new (codes().ERR_INVALID_ARG_VALUE)('filename', filename, 'must be a file URL object, file URL string, or absolute path string');
  }
  const trailingSlash = filepath.endsWith('/');
  const proxyPath = trailingSlash ? filepath + 'noop.js' : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequire(m);
}

// decorateSyntaxError starts a file's SyntaxError stack with the line and a caret, as node's
// decorateErrorStack does for a module that fails to compile ("file.js:2\nlet b = ;\n    ^\n\n").
const kStackDecorated = Symbol.for('gojs.stackDecorated');
function decorateSyntaxError(err) {
  if (err[kStackDecorated] === true) return;
  try {
    const arrow = binding.arrowOf(err);
    const stack = err.stack;
    if (!arrow || typeof stack !== 'string') return;
    err.stack = `${arrow}\n${stack}`;
    Object.defineProperty(err, kStackDecorated, { __proto__: null, value: true, configurable: true });
  } catch {
    // a frozen error keeps its stack
  }
}

return {
  optionPaths, wrapperProxy, circularWarningProto, dlopenFailure,
  checkSyntax, runEval, runEvalModule, runMainImport, inputTypeNotAllowed, preload, preloadImports, requireFromCwd,
  preloadModulesCold, readPackageCold, createRequireCold, decorateSyntaxError,
};
})
