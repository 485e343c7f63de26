(function (R) {
'use strict';
// The CommonJS loader's (runtime/js/loader.js) resolution helpers for a request that is neither a
// built-in nor a file at its exact path: extensions, directories and package.json "main",
// node_modules packages with "exports", self-reference and "#imports". Compiled once per process,
// under the loader's file name, the first time one is needed (loader.js's resolver()); a program
// that requires only built-ins, and a main file given by its path, never needs them. Each function
// keeps its name, so that its frames read (and map to node's) as before. conditions returns the
// condition set of the resolution in progress.
const { binding, process, Module, codes, resolvePath, dirname, readPackage, readPackageScope, conditions, keepsLinks, realPath, stat } = R;

let pkgExportsObj; // (exports.js's functions, see pkgExports)

// 0 file, 1 directory, negative missing (through a Module._stat the program has replaced)
function statPath(p) { return stat(p); }

function toRealPath(p) { return realPath(p); }

// (with --preserve-symlinks a module's path stays as requested; the main module's is made real
// here even with --preserve-symlinks-main, as in node)
function tryFile(p, isMain) {
  if (statPath(p) !== 0) return false;
  return !isMain && keepsLinks(1) ? p : toRealPath(p);
}
function tryExtensions(p, exts, isMain) {
  for (const ext of exts) {
    const f = tryFile(p + ext, isMain);
    if (f) return f;
  }
  return false;
}

function tryPackage(requestPath, exts, isMain, originalPath) {
  const pkg = readPackage(requestPath);
  const main = pkg && pkg.main;
  if (!main || typeof main !== 'string') return tryExtensions(resolvePath(requestPath, 'index'), exts, isMain);
  const filename = resolvePath(requestPath, main);
  let actual = tryFile(filename, isMain) || tryExtensions(filename, exts, isMain) ||
    tryExtensions(resolvePath(filename, 'index'), exts, isMain);
  if (actual === false) {
    actual = tryExtensions(resolvePath(requestPath, 'index'), exts, isMain);
    if (!actual) {
      const err = new Error(`Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`);
      err.code = 'MODULE_NOT_FOUND';
      err.path = resolvePath(requestPath, 'package.json');
      err.requestPath = originalPath;
      throw err;
    }
    process.emitWarning(`Invalid 'main' field in '${resolvePath(requestPath, 'package.json')}' of '${main}'. ` +
      'Please either fix that or report it to the module author', 'DeprecationWarning', 'DEP0128');
  }
  return actual;
}

// Resolution through "exports" and "imports" (runtime/js/exports.js) is made the first time a
// package has either field.
function pkgExports() {
  return pkgExportsObj || (pkgExportsObj = binding.exportsFactory()({ codes, resolvePath, conditions }));
}

function parsePackageName(request) {
  let sep = request.indexOf('/');
  if (request[0] === '@') {
    if (sep === -1) return null;
    sep = request.indexOf('/', sep + 1);
  }
  const name = sep === -1 ? request : request.slice(0, sep);
  return { name, subpath: '.' + (sep === -1 ? '' : request.slice(sep)) };
}

// checkResolved returns the file that "exports" or "imports" of the package.json at pkgPath
// resolved to, or fails as node's finalizeEsmResolution: the error's path is that package.json.
function checkResolved(filename, pkgPath) {
  if (statPath(filename) === 0) return keepsLinks(1) ? filename : toRealPath(filename);
  const err = new Error(`Cannot find module '${filename}'`);
  err.code = 'MODULE_NOT_FOUND';
  err.path = pkgPath;
  // a rejection shows node's createEsmNotFoundErr's line (an uncaught throw, the rethrow's)
  binding.putArrow(err, 'node:internal/modules/cjs/loader:1244\n  const err = new Error(`Cannot find module \'${request}\'`);\n              ^\n');
  throw err;
}

// rethrownAt notes on e, an error of a package's exports or imports (not exported, or its file
// missing), the excerpt node prints for it thrown uncaught: the place node's loader rethrows it
// at, arrow (bootstrapcold.js's printFatal). A rejection shows the place it was made at.
function rethrownAt(e, arrow) {
  if (e !== null && typeof e === 'object' && (e.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' || e.code === 'MODULE_NOT_FOUND')) {
    Object.defineProperty(e, Symbol.for('gojs.rethrowArrow'), { __proto__: null, value: arrow, writable: true, configurable: true });
    if (e.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' && binding.arrowOf(e) === undefined) {
      binding.putArrow(e, 'node:internal/modules/esm/resolve:322\n  return new ERR_PACKAGE_PATH_NOT_EXPORTED(\n         ^\n');
    }
  }
}

// resolveExports resolves request inside node_modules dir nmPath through package "exports".
function resolveExports(nmPath, request) {
  const parsed = parsePackageName(request);
  if (!parsed || request[0] === '.') return false;
  const pkgDir = nmPath + '/' + parsed.name;
  const pkg = readPackage(pkgDir);
  if (pkg && pkg.exports !== undefined && pkg.exports !== null) {
    try {
      return checkResolved(pkgExports().packageExportsResolve(pkgDir, parsed.subpath, pkg.exports, pkg.path, R.importBase()), pkg.path);
    } catch (e) {
      // node's resolveExports rethrows it: an uncaught one shows that line
      rethrownAt(e, 'node:internal/modules/cjs/loader:645\n      throw e;\n      ^\n');
      throw e;
    }
  }
  return false;
}

function resolveSelf(request, parentPath) {
  if (!parentPath) return false;
  const pkg = readPackageScope(parentPath + '/x');
  if (!pkg || pkg.exports === undefined || pkg.exports === null || typeof pkg.name !== 'string') return false;
  let subpath;
  if (request === pkg.name) subpath = '.';
  else if (request.startsWith(pkg.name + '/')) subpath = '.' + request.slice(pkg.name.length);
  else return false;
  try {
    return checkResolved(pkgExports().packageExportsResolve(dirname(pkg.path), subpath, pkg.exports, pkg.path, R.importBase()), pkg.path);
  } catch (e) {
    rethrownAt(e, 'node:internal/modules/cjs/loader:612\n    throw e;\n    ^\n'); // (node's trySelf)
    throw e;
  }
}

function resolveImports(request, parent) {
  const parentPath = parent && parent.filename ? parent.filename : binding.cwd() + '/x';
  const pkg = readPackageScope(parentPath);
  if (pkg && pkg.imports && typeof pkg.imports === 'object') {
    const pkgDir = dirname(pkg.path);
    const r = pkgExports().matchMap(pkg.imports, request, pkgDir, true, pkg.path);
    if (r && typeof r === 'object' && r.bare) {
      return Module._resolveFilename(r.bare, parent);
    }
    if (typeof r === 'string') {
      try {
        return checkResolved(r, pkg.path);
      } catch (e) {
        rethrownAt(e, 'node:internal/modules/cjs/loader:1177\n        throw e;\n        ^\n'); // (node's _resolveFilename)
        throw e;
      }
    }
  }
  throw new (codes().ERR_PACKAGE_IMPORT_NOT_DEFINED)(request, pkg ? dirname(pkg.path) + '/' : '', parentPath);
}


return { statPath, toRealPath, tryExtensions, tryPackage, resolveExports, resolveSelf, resolveImports };
})
