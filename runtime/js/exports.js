(function (L) {
'use strict';
// Package "exports" and "imports" resolution for the CommonJS loader (runtime/js/loader.js),
// compiled once per process the first time a package has either field: most programs never
// need it. L holds the loader's helpers it uses (conditions() is the resolution's condition
// set). Its file name in stack traces is the loader's, so that its frames read as the loader's do.
const { codes, resolvePath, conditions } = L;

function isConditionalSugar(exports) {
  if (typeof exports === 'string' || Array.isArray(exports)) return true;
  if (typeof exports !== 'object' || exports === null) return false;
  const keys = Object.keys(exports);
  let isConditional = false;
  for (let i = 0; i < keys.length; i++) {
    const cur = keys[i] === '' || keys[i][0] !== '.';
    if (i === 0) isConditional = cur;
    else if (isConditional !== cur) return false;
  }
  return isConditional;
}

function resolveTarget(pkgDir, target, subpath, pattern, isImports, pkgPath) {
  if (typeof target === 'string') {
    if (!target.startsWith('./')) {
      if (isImports && !target.startsWith('../') && !target.startsWith('/')) {
        const spec = pattern ? target.split('*').join(subpath) : target + subpath;
        return { bare: spec };
      }
      throw new (codes().ERR_INVALID_PACKAGE_CONFIG)(pkgPath, '', `Invalid "${isImports ? 'imports' : 'exports'}" target ${JSON.stringify(target)}`);
    }
    const resolved = pattern ? target.split('*').join(subpath) : target + subpath;
    return resolvePath(pkgDir, resolved);
  }
  if (Array.isArray(target)) {
    for (const t of target) {
      let r;
      try { r = resolveTarget(pkgDir, t, subpath, pattern, isImports, pkgPath); } catch { continue; }
      if (r !== undefined && r !== null) return r;
    }
    return target.length ? null : null;
  }
  if (target && typeof target === 'object') {
    for (const key of Object.keys(target)) {
      if (key === 'default' || conditions().has(key)) {
        const r = resolveTarget(pkgDir, target[key], subpath, pattern, isImports, pkgPath);
        if (r !== undefined) return r;
      }
    }
    return undefined;
  }
  return null;
}

// exactKey reports whether key is one of map's own keys node resolves as it is: no pattern, and
// for "exports" no folder ("./dir/", whose mapping node 17 dropped).
function exactKey(map, key, isImports) {
  return Object.prototype.hasOwnProperty.call(map, key) && !key.includes('*') && (isImports || !key.endsWith('/'));
}

function matchMap(map, key, pkgDir, isImports, pkgPath) {
  if (exactKey(map, key, isImports)) {
    return resolveTarget(pkgDir, map[key], '', false, isImports, pkgPath);
  }
  let bestKey = '';
  let bestSub = '';
  for (const k of Object.keys(map)) {
    const star = k.indexOf('*');
    if (star === -1 || k.indexOf('*', star + 1) !== -1) continue;
    const prefix = k.slice(0, star);
    const suffix = k.slice(star + 1);
    if (key.startsWith(prefix) && key !== prefix && key.length >= k.length && key.endsWith(suffix)) {
      if (patternKeyCompare(bestKey, k) === 1) {
        bestKey = k;
        bestSub = key.slice(prefix.length, key.length - suffix.length);
      }
    }
  }
  if (bestKey) return resolveTarget(pkgDir, map[bestKey], bestSub, true, isImports, pkgPath);
  return undefined;
}

function patternKeyCompare(a, b) {
  const aStar = a.indexOf('*');
  const bStar = b.indexOf('*');
  const baseA = aStar === -1 ? a.length : aStar + 1;
  const baseB = bStar === -1 ? b.length : bStar + 1;
  if (baseA > baseB) return -1;
  if (baseB > baseA) return 1;
  if (aStar === -1) return 1;
  if (bStar === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

function packageExportsResolve(pkgDir, subpath, exports, pkgPath, base) {
  if (isConditionalSugar(exports)) exports = { '.': exports };
  const r = matchMap(exports, subpath, pkgDir, false, pkgPath);
  if (r === undefined || r === null) {
    if (exactKey(exports, subpath, false)) exportsKeyNotFound(pkgDir, subpath, base);
    throw new (codes().ERR_PACKAGE_PATH_NOT_EXPORTED)(pkgDir + '/', subpath, base);
  }
  return r;
}

// exportsKeyNotFound throws the error of a subpath the package's exports name but map to no
// file for the conditions: node throws it from another line of packageExportsResolve (613,
// not 670), which the stack shows (errorstack.go) and an ES module's import too (esm.js).
function exportsKeyNotFound(pkgDir, subpath, base) {
  const err = new (codes().ERR_PACKAGE_PATH_NOT_EXPORTED)(pkgDir + '/', subpath, base);
  Object.defineProperty(err, Symbol.for('gojs.exportsKey'), { __proto__: null, value: true, configurable: true, writable: true });
  throw err;
}

return { matchMap, packageExportsResolve };
})
