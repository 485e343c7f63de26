// ---- fs.cp, fs.cpSync, fs.promises.cp: the walk ---------------------------------------------
// A part of fs's glue, compiled on the first copy (parts.go): fs.js's makeCpHelpers calls it
// with the names of fs.js it uses. The same walk twice: once with synchronous calls and once
// with promises.
(function makeCpHelpers({
  fs, require, dirAPI, errCode, validateBoolean, validateFunction, validateInteger, validateObject,
  chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readlinkSync, statSync, symlinkSync,
  unlinkSync, utimesSync,
}) {
  // (the excerpt an error prints uncaught, kept where the program cannot see it)
  function putArrow(err, arrow) { require('internal/errors').putArrowMessage(err, arrow); }
  const defaultCpOptions = {
    dereference: false, errorOnExist: false, filter: undefined, force: true,
    preserveTimestamps: false, recursive: false, verbatimSymlinks: false,
  };

  function validateCpOptions(options) {
    if (options === undefined) return { ...defaultCpOptions };
    validateObject(options, 'options');
    options = { ...defaultCpOptions, ...options };
    validateBoolean(options.dereference, 'options.dereference');
    validateBoolean(options.errorOnExist, 'options.errorOnExist');
    validateBoolean(options.force, 'options.force');
    validateBoolean(options.preserveTimestamps, 'options.preserveTimestamps');
    validateBoolean(options.recursive, 'options.recursive');
    validateBoolean(options.verbatimSymlinks, 'options.verbatimSymlinks');
    if (options.mode == null) options.mode = 0;
    else validateInteger(options.mode, 'mode', 0, 7);
    if (options.dereference === true && options.verbatimSymlinks === true) {
      throw errCode('TypeError', 'ERR_INCOMPATIBLE_OPTION_PAIR',
        'Option "dereference" cannot be used in combination with option "verbatimSymlinks"');
    }
    if (options.filter !== undefined) validateFunction(options.filter, 'options.filter');
    return options;
  }

  const cpPrefixes = {
    ERR_FS_CP_EINVAL: 'Invalid src or dest',
    ERR_FS_CP_DIR_TO_NON_DIR: 'Cannot overwrite non-directory with directory',
    ERR_FS_CP_NON_DIR_TO_DIR: 'Cannot overwrite directory with non-directory',
    ERR_FS_EISDIR: 'Path is a directory',
    ERR_FS_CP_EEXIST: 'Target already exists',
    ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY: 'Cannot overwrite symlink in subdirectory of self',
    ERR_FS_CP_SOCKET: 'Cannot copy a socket file',
    ERR_FS_CP_FIFO_PIPE: 'Cannot copy a FIFO pipe',
    ERR_FS_CP_UNKNOWN: 'Cannot copy an unknown file type',
  };
  const cpErrnos = { EINVAL: 22, EISDIR: 21, ENOTDIR: 20, EEXIST: 17 };

  // cpError builds Node's SystemError for the ERR_FS_CP_* codes: an instance of SystemError whose
  // errno, syscall and path are accessors over info, as node's.
  // site: which of node's throws this is (cpNodeSites), for cpNodeSite. The stack is taken
  // deeper than the limit (the walk's own frames are counted in it): cpNodeSite cuts it back.
  function cpError(code, errCodeName, message, path, errno = cpErrnos[errCodeName], site = undefined) {
    const info = { message, path, syscall: 'cp', errno, code: errCodeName };
    const limit = Error.stackTraceLimit;
    if (typeof limit === 'number') Error.stackTraceLimit = limit + 16;
    let err;
    try {
      err = require('internal/errors').makeSystemError(code,
        `${cpPrefixes[code]}: cp returned ${errCodeName} (${message}) ${path}`, info);
    } finally {
      if (typeof limit === 'number') Error.stackTraceLimit = limit;
    }
    cpThrown.set(err, { site, path, limit });
    return err;
  }

  // Node's places of the cp errors it makes for the copy's own src and dest: the frames below
  // the message and the excerpt of the throw (sync: its caret under the throw, async: under
  // new). An error of an entry of a directory being copied keeps gojs's frames (node's
  // recursion adds its own), cut to the limit.
  const cpThrown = new WeakMap();
  const kSyncTail = ['cpSyncFn (node:internal/fs/cp/cp-sync:58:42)', 'Object.cpSync (node:fs:3089:3)'];
  const kSyncDirTail = ['checkParentDir (node:internal/fs/cp/cp-sync:150:10)',
    'cpSyncFn (node:internal/fs/cp/cp-sync:61:10)', 'Object.cpSync (node:fs:3089:3)'];
  const kAsyncTail = ['async cpFn (node:internal/fs/cp/cp:65:17)'];
  const cpNodeSites = {
    same: {
      text: '      throw new ERR_FS_CP_EINVAL({',
      sync: ['checkPathsSync (node:internal/fs/cp/cp-sync:76:13)', ...kSyncTail],
      async: ['checkPaths (node:internal/fs/cp/cp:79:13)', ...kAsyncTail],
    },
    dirToNonDir: {
      text: '      throw new ERR_FS_CP_DIR_TO_NON_DIR({',
      sync: ['checkPathsSync (node:internal/fs/cp/cp-sync:85:13)', ...kSyncTail],
      async: ['checkPaths (node:internal/fs/cp/cp:88:13)', ...kAsyncTail],
    },
    nonDirToDir: {
      text: '      throw new ERR_FS_CP_NON_DIR_TO_DIR({',
      sync: ['checkPathsSync (node:internal/fs/cp/cp-sync:95:13)', ...kSyncTail],
      async: ['checkPaths (node:internal/fs/cp/cp:98:13)', ...kAsyncTail],
    },
    subdir: {
      text: '    throw new ERR_FS_CP_EINVAL({',
      sync: ['checkPathsSync (node:internal/fs/cp/cp-sync:107:11)', ...kSyncTail],
      async: ['checkPaths (node:internal/fs/cp/cp:110:11)', ...kAsyncTail],
    },
    exists: {
      text: '    throw new ERR_FS_CP_EEXIST({',
      sync: ['mayCopyFile (node:internal/fs/cp/cp-sync:209:11)', 'onFile (node:internal/fs/cp/cp-sync:201:10)',
        'getStats (node:internal/fs/cp/cp-sync:170:12)', ...kSyncDirTail],
      async: ['mayCopyFile (node:internal/fs/cp/cp:249:11)', 'onFile (node:internal/fs/cp/cp:241:10)',
        'getStatsForCopy (node:internal/fs/cp/cp:210:12)'],
    },
    isDir: {
      text: '    throw new ERR_FS_EISDIR({',
      sync: ['getStats (node:internal/fs/cp/cp-sync:160:11)', ...kSyncDirTail],
      async: ['getStatsForCopy (node:internal/fs/cp/cp:200:11)'],
    },
  };

  // cpNodeSite gives err, an error cpError made, node's frames and excerpt (cpNodeSites) when it
  // is about the copy's own src or dest, and its stack cut to the limit; it returns err.
  function cpNodeSite(err, src, dest, sync) {
    const thrown = err !== null && typeof err === 'object' ? cpThrown.get(err) : undefined;
    if (thrown === undefined) return err;
    cpThrown.delete(err);
    try {
      const stack = err.stack;
      if (typeof stack !== 'string') return err;
      const lines = stack.split('\n');
      const first = lines.findIndex((l) => l.startsWith('    at '));
      if (first === -1) return err;
      let below = lines.slice(first);
      const site = cpNodeSites[thrown.site];
      let frames = site === undefined ? undefined : sync ? site.sync : site.async;
      if (site !== undefined && thrown.path !== (thrown.site === 'isDir' ? src : dest)) {
        // an existing file inside the directories copied (they exist too, so node's sync walk
        // went through onDir's copyDir at each level; the async one shows its copyDir's awaits)
        const rel = typeof dest === 'string' && thrown.site === 'exists' ? P().relative(dest, thrown.path) : '';
        const depth = rel === '' || rel.startsWith('..') ? 0 : rel.split('/').length;
        if (depth === 0) {
          frames = undefined;
        } else {
          const level = sync ? ['copyDir (node:internal/fs/cp/cp-sync:275:21)', 'onDir (node:internal/fs/cp/cp-sync:255:10)',
            'getStats (node:internal/fs/cp/cp-sync:158:12)'] : ['async copyDir (node:internal/fs/cp/cp:320:19)'];
          frames = [...frames.slice(0, 3), ...Array(depth).fill(level).flat(), ...frames.slice(3)];
        }
      }
      if (frames !== undefined && !require('internal/errors').userPrepareStackTrace(Error.prepareStackTrace)) {
        let k = 0;
        while (k < below.length && / \(node:fs:\d+:\d+\)$/.test(below[k])) k++;
        below = frames.map((f) => `    at ${f}`).concat(below.slice(k));
        const [, file, line, col] = /\((node:[^:]+):(\d+):(\d+)\)$/.exec(below[0]);
        const caret = sync ? site.text.search(/\S/) : col - 1;
        putArrow(err, `${file}:${line}\n${site.text}\n${' '.repeat(caret)}^\n`);
      }
      if (typeof thrown.limit === 'number') below.length = Math.min(below.length, Math.max(0, Math.floor(thrown.limit)));
      err.stack = lines.slice(0, first).concat(below).join('\n');
    } catch {
      // a frozen error keeps its stack
    }
    return err;
  }

  let pathMod;
  function P() {
    if (pathMod === undefined) pathMod = require('path');
    return pathMod;
  }

  function areIdentical(a, b) {
    return b.ino !== undefined && b.dev !== undefined && b.ino === a.ino && b.dev === a.dev;
  }

  function normalizePathToArray(p) {
    return P().resolve(p).split('/').filter(Boolean);
  }
  function isSrcSubdir(src, dest) {
    const srcArr = normalizePathToArray(src);
    const destArr = normalizePathToArray(dest);
    return srcArr.every((cur, i) => destArr[i] === cur);
  }

  function cpCheckStats(src, dest, srcStat, destStat) {
    if (destStat) {
      if (areIdentical(srcStat, destStat)) {
        throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', 'src and dest cannot be the same', dest, undefined, 'same');
      }
      if (srcStat.isDirectory() && !destStat.isDirectory()) {
        throw cpError('ERR_FS_CP_DIR_TO_NON_DIR', 'EISDIR',
          `cannot overwrite non-directory ${dest} with directory ${src}`, dest, undefined, 'dirToNonDir');
      }
      if (!srcStat.isDirectory() && destStat.isDirectory()) {
        throw cpError('ERR_FS_CP_NON_DIR_TO_DIR', 'ENOTDIR',
          `cannot overwrite directory ${dest} with non-directory ${src}`, dest, undefined, 'nonDirToDir');
      }
    }
    if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
      throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`, dest,
        undefined, 'subdir');
    }
  }

  function cpKindError(srcStat, src, dest, sync) {
    if (srcStat.isDirectory()) {
      // Node's synchronous cp reports EINVAL's number here, the asynchronous one EISDIR's.
      return cpError('ERR_FS_EISDIR', 'EISDIR', `${src} is a directory (not copied)`, src, sync ? 22 : 21, 'isDir');
    } else if (srcStat.isSocket()) {
      return cpError('ERR_FS_CP_SOCKET', 'EINVAL', `cannot copy a socket file: ${dest}`, dest);
    } else if (srcStat.isFIFO()) {
      return cpError('ERR_FS_CP_FIFO_PIPE', 'EINVAL', `cannot copy a FIFO pipe: ${dest}`, dest);
    }
    return cpError('ERR_FS_CP_UNKNOWN', 'EINVAL', `cannot copy an unknown file type: ${dest}`, dest);
  }

  // ---- synchronous walk ----

  // cpSyncSourceSite gives err, the system error of a cpSync whose source cannot be stat'ed,
  // node's frames (its cp-sync's getStatsSync, below the stat call) and, uncaught, the excerpt
  // of node's binding call; it returns err, to be thrown again.
  function cpSyncSourceSite(err, src, deref) {
    if (err === null || typeof err !== 'object' || typeof err.errno !== 'number' ||
        err.syscall !== (deref ? 'stat' : 'lstat') || err.path !== src) {
      return err;
    }
    try {
      const stack = err.stack;
      if (typeof stack !== 'string') return err;
      // gojs's own frames (its glue's, in node:fs) give way to node's; the caller's stay
      const line = deref ? 1681 : 1656;
      putArrow(err, `node:fs:${line}\n  const stats = binding.${deref ? 'stat' : 'lstat'}(\n${' '.repeat(24)}^\n`);
      const all = stack.split('\n');
      const first = all.findIndex((l) => l.startsWith('    at '));
      if (first === -1) return err;
      let rest = first;
      while (rest < all.length && / \(node:fs:\d+:\d+\)$/.test(all[rest])) rest++;
      const frames = [`${deref ? 'statSync' : 'lstatSync'} (node:fs:${line}:25)`,
        'getStatsSync (node:internal/fs/cp/cp-sync:120:19)', 'checkPathsSync (node:internal/fs/cp/cp-sync:72:33)',
        'cpSyncFn (node:internal/fs/cp/cp-sync:58:42)', 'Object.cpSync (node:fs:3089:3)'];
      let lines = [...all.slice(0, first), ...frames.map((f) => `    at ${f}`), ...all.slice(rest)];
      const limit = Error.stackTraceLimit;
      if (typeof limit === 'number' && lines.length - first > limit) lines = lines.slice(0, first + limit);
      err.stack = lines.join('\n');
    } catch {
      // a frozen error keeps its stack
    }
    return err;
  }

  function cpSyncImpl(src, dest, opts) {
    try {
      cpSyncWalk(src, dest, opts);
    } catch (e) {
      throw cpNodeSite(e, src, dest, true);
    }
  }

  function cpSyncWalk(src, dest, opts) {
    let r;
    try {
      r = cpSyncCheckPaths(src, dest, opts);
    } catch (e) {
      throw cpSyncSourceSite(e, src, opts.dereference);
    }
    if (r.skipped) return;
    cpSyncCheckParentPaths(src, r.srcStat, dest);
    const destParent = P().dirname(dest);
    if (!existsSync(destParent)) mkdirSync(destParent, { recursive: true });
    cpSyncCopy(r.destStat, src, dest, opts);
  }

  function cpSyncCheckPaths(src, dest, opts) {
    if (opts.filter) {
      const ok = opts.filter(src, dest);
      // node asks util.types.isPromise: a thenable that is no promise counts as true
      if (require('util').types.isPromise(ok)) {
        throw new (require('internal/errors').codes.ERR_INVALID_RETURN_VALUE)('boolean', 'filter', ok);
      }
      if (!ok) return { skipped: true };
    }
    const statFn = opts.dereference ? statSync : lstatSync;
    const srcStat = statFn(src, { bigint: true });
    let destStat = null;
    try {
      destStat = statFn(dest, { bigint: true });
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
    cpCheckStats(src, dest, srcStat, destStat);
    return { srcStat, destStat, skipped: false };
  }

  function cpSyncCheckParentPaths(src, srcStat, dest) {
    const srcParent = P().resolve(P().dirname(src));
    const destParent = P().resolve(P().dirname(dest));
    if (destParent === srcParent || destParent === '/') return;
    let destStat;
    try {
      destStat = statSync(destParent, { bigint: true });
    } catch (err) {
      if (err.code === 'ENOENT') return;
      throw err;
    }
    if (areIdentical(srcStat, destStat)) {
      throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`, dest);
    }
    return cpSyncCheckParentPaths(src, srcStat, destParent);
  }

  function cpSyncCopy(destStat, src, dest, opts) {
    const srcStat = (opts.dereference ? statSync : lstatSync)(src);
    if (srcStat.isDirectory() && opts.recursive) {
      if (!destStat) {
        mkdirSync(dest);
        cpSyncDir(src, dest, opts);
        chmodSync(dest, srcStat.mode);
      } else {
        cpSyncDir(src, dest, opts);
      }
    } else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
      if (destStat) {
        if (opts.force) {
          unlinkSync(dest);
        } else if (opts.errorOnExist) {
          throw cpError('ERR_FS_CP_EEXIST', 'EEXIST', `${dest} already exists`, dest, undefined, 'exists');
        } else {
          return;
        }
      }
      copyFileSync(src, dest, opts.mode);
      if (opts.preserveTimestamps) {
        if ((srcStat.mode & 0o200) === 0) chmodSync(dest, srcStat.mode | 0o200);
        const s = statSync(src);
        utimesSync(dest, s.atime, s.mtime);
      }
      chmodSync(dest, srcStat.mode);
    } else if (srcStat.isSymbolicLink()) {
      let resolvedSrc = readlinkSync(src);
      if (!opts.verbatimSymlinks && !P().isAbsolute(resolvedSrc)) {
        resolvedSrc = P().resolve(P().dirname(src), resolvedSrc);
      }
      if (!destStat) return symlinkSync(resolvedSrc, dest);
      let resolvedDest;
      try {
        resolvedDest = readlinkSync(dest);
      } catch (err) {
        if (err.code === 'EINVAL' || err.code === 'UNKNOWN') return symlinkSync(resolvedSrc, dest);
        throw err;
      }
      if (!P().isAbsolute(resolvedDest)) resolvedDest = P().resolve(P().dirname(dest), resolvedDest);
      if (isSrcSubdir(resolvedSrc, resolvedDest)) {
        throw cpError('ERR_FS_CP_EINVAL', 'EINVAL',
          `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, dest);
      }
      if (statSync(dest).isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) {
        throw cpError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'EINVAL',
          `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest);
      }
      unlinkSync(dest);
      symlinkSync(resolvedSrc, dest);
    } else {
      throw cpKindError(srcStat, src, dest, true);
    }
  }

  function cpSyncDir(src, dest, opts) {
    const dir = dirAPI().opendirSync(src);
    try {
      let dirent;
      while ((dirent = dir.readSync()) !== null) {
        const srcItem = P().join(src, dirent.name);
        const destItem = P().join(dest, dirent.name);
        const r = cpSyncCheckPaths(srcItem, destItem, opts);
        if (!r.skipped) cpSyncCopy(r.destStat, srcItem, destItem, opts);
      }
    } finally {
      dir.closeSync();
    }
  }

  // ---- asynchronous walk ----

  // cpAsyncStatSite gives err, the system error of a cp whose source (or destination, for an
  // error other than ENOENT) cannot be stat'ed, node's async frames below its stat's: its
  // cp's checkPaths waits for both stats with Promise.all. It returns err, to be thrown again.
  function cpAsyncStatSite(err, src, dest, deref) {
    if (err === null || typeof err !== 'object' || typeof err.errno !== 'number' ||
        err.syscall !== (deref ? 'stat' : 'lstat') || (err.path !== src && err.path !== dest)) {
      return err;
    }
    try {
      const stack = err.stack;
      if (typeof stack !== 'string') return err;
      const lines = stack.split('\n');
      const at = lines.findIndex((l) => l.startsWith(`    at async ${err.syscall} (node:internal/fs/promises:`));
      if (at === -1) return err;
      const first = lines.findIndex((l) => l.startsWith('    at '));
      let out = [...lines.slice(0, at + 1), `    at async Promise.all (index ${err.path === src ? 0 : 1})`,
        '    at async checkPaths (node:internal/fs/cp/cp:76:39)', '    at async cpFn (node:internal/fs/cp/cp:65:17)'];
      const limit = Error.stackTraceLimit;
      if (typeof limit === 'number' && out.length - first > limit) out = out.slice(0, first + limit);
      err.stack = out.join('\n');
    } catch {
      // a frozen error keeps its stack
    }
    return err;
  }

  async function cpAsyncImpl(src, dest, opts) {
    try {
      return await cpAsyncWalk(src, dest, opts);
    } catch (e) {
      throw cpNodeSite(e, src, dest, false);
    }
  }

  async function cpAsyncWalk(src, dest, opts) {
    const fsp = fs.promises;
    let r;
    try {
      r = await cpAsyncCheckPaths(src, dest, opts);
    } catch (e) {
      throw cpAsyncStatSite(e, src, dest, opts.dereference);
    }
    if (r.skipped) return;
    await cpAsyncCheckParentPaths(src, r.srcStat, dest);
    const destParent = P().dirname(dest);
    let exists = true;
    try {
      await fsp.access(destParent);
    } catch (e) {
      exists = false;
    }
    if (!exists) await fsp.mkdir(destParent, { recursive: true });
    return cpAsyncCopy(r.destStat, src, dest, opts);
  }

  async function cpAsyncCheckPaths(src, dest, opts) {
    const fsp = fs.promises;
    if (opts.filter && !(await opts.filter(src, dest))) return { skipped: true };
    const statFn = opts.dereference ? fsp.stat : fsp.lstat;
    const [srcStat, destStat] = await Promise.all([
      statFn(src, { bigint: true }),
      statFn(dest, { bigint: true }).then(undefined, (err) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      }),
    ]);
    cpCheckStats(src, dest, srcStat, destStat);
    return { srcStat, destStat, skipped: false };
  }

  async function cpAsyncCheckParentPaths(src, srcStat, dest) {
    const srcParent = P().resolve(P().dirname(src));
    const destParent = P().resolve(P().dirname(dest));
    if (destParent === srcParent || destParent === '/') return;
    let destStat;
    try {
      destStat = await fs.promises.stat(destParent, { bigint: true });
    } catch (err) {
      if (err.code === 'ENOENT') return;
      throw err;
    }
    if (areIdentical(srcStat, destStat)) {
      throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`, dest);
    }
    return cpAsyncCheckParentPaths(src, srcStat, destParent);
  }

  async function cpAsyncCopy(destStat, src, dest, opts) {
    const fsp = fs.promises;
    const srcStat = await (opts.dereference ? fsp.stat : fsp.lstat)(src);
    if (srcStat.isDirectory() && opts.recursive) {
      if (!destStat) {
        await fsp.mkdir(dest);
        await cpAsyncDir(src, dest, opts);
        await fsp.chmod(dest, srcStat.mode);
      } else {
        await cpAsyncDir(src, dest, opts);
      }
    } else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
      if (destStat) {
        if (opts.force) {
          await fsp.unlink(dest);
        } else if (opts.errorOnExist) {
          throw cpError('ERR_FS_CP_EEXIST', 'EEXIST', `${dest} already exists`, dest, undefined, 'exists');
        } else {
          return;
        }
      }
      await fsp.copyFile(src, dest, opts.mode);
      if (opts.preserveTimestamps) {
        if ((srcStat.mode & 0o200) === 0) await fsp.chmod(dest, srcStat.mode | 0o200);
        const s = await fsp.stat(src);
        await fsp.utimes(dest, s.atime, s.mtime);
      }
      await fsp.chmod(dest, srcStat.mode);
    } else if (srcStat.isSymbolicLink()) {
      let resolvedSrc = await fsp.readlink(src);
      if (!opts.verbatimSymlinks && !P().isAbsolute(resolvedSrc)) {
        resolvedSrc = P().resolve(P().dirname(src), resolvedSrc);
      }
      if (!destStat) return fsp.symlink(resolvedSrc, dest);
      let resolvedDest;
      try {
        resolvedDest = await fsp.readlink(dest);
      } catch (err) {
        if (err.code === 'EINVAL' || err.code === 'UNKNOWN') return fsp.symlink(resolvedSrc, dest);
        throw err;
      }
      if (!P().isAbsolute(resolvedDest)) resolvedDest = P().resolve(P().dirname(dest), resolvedDest);
      if (isSrcSubdir(resolvedSrc, resolvedDest)) {
        throw cpError('ERR_FS_CP_EINVAL', 'EINVAL',
          `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, dest);
      }
      if ((await fsp.stat(src)).isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) {
        throw cpError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'EINVAL',
          `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest);
      }
      await fsp.unlink(dest);
      await fsp.symlink(resolvedSrc, dest);
    } else {
      throw cpKindError(srcStat, src, dest);
    }
  }

  async function cpAsyncDir(src, dest, opts) {
    const dir = await fs.promises.opendir(src);
    try {
      for (let d = await dir.read(); d !== null; d = await dir.read()) {
        const srcItem = P().join(src, d.name);
        const destItem = P().join(dest, d.name);
        const r = await cpAsyncCheckPaths(srcItem, destItem, opts);
        if (!r.skipped) await cpAsyncCopy(r.destStat, srcItem, destItem, opts);
      }
    } finally {
      await dir.close();
    }
  }

  return { validateCpOptions, cpSyncImpl, cpAsyncImpl };
})
