// ---- fs.promises and FileHandle ------------------------------------------------------------
// A part of fs's glue, compiled on the first read of fs.promises (parts.go): fs.js calls it
// with the names of fs.js it uses.
(function makePromises({
  fs, I, binding, require, lazyMembers, kUsePromises, cpPromises, _watch, kRef, kUnref, setFileHandleClass,
}) {
  const P = kUsePromises;
  const kFd = Symbol('kFd');
  const kRefs = Symbol('kRefs');
  const kClosePromise = Symbol('kClosePromise');
  const kLocked = Symbol('kLocked');
  const kCloseResolve = Symbol('kCloseResolve');
  const kCloseReject = Symbol('kCloseReject');
  const internals = require('internal/module_internals');
  const { transfer: kTransfer, transferList: kTransferList, deserialize: kDeserialize } = internals.messaging;

  // As node's, FileHandle extends EventEmitterMixin(JSTransferable): a class MixedEventEmitter
  // on JSTransferable (the messaging layer's base, nothing here) whose prototype has copies of
  // EventEmitter.prototype's members and whose constructor calls EventEmitter on the instance,
  // so a FileHandle is an emitter but no instanceof EventEmitter. events is loaded when the
  // first FileHandle is made: until then (the class is reachable only through an instance) the
  // prototype has no members, and the programs that use fs.promises' functions alone do not
  // load events.
  // (a native function in node: sloppy, with its own arguments and caller)
  const JSTransferable = function JSTransferable() {};
  for (const key of ['arguments', 'caller']) {
    Object.defineProperty(JSTransferable, key, { __proto__: null, value: null });
  }
  let EventEmitter;
  class MixedEventEmitter extends JSTransferable {
    constructor(...args) {
      super(...args);
      EventEmitter.call(this);
    }
  }
  const EventEmitterMixin = () => MixedEventEmitter;
  function extendEventEmitter() {
    EventEmitter = require('events');
    const members = Object.getOwnPropertyDescriptors(EventEmitter.prototype);
    delete members.constructor;
    Object.defineProperties(MixedEventEmitter.prototype, members);
    emitterReady = true;
  }
  let emitterReady = false;

  function badFileHandle() {
    const err = new Error('EBADF: bad file descriptor, close');
    err.errno = -9;
    err.code = 'EBADF';
    err.syscall = 'close';
    return err;
  }

  // A FileHandle that is garbage collected while open closes its descriptor and warns, as node's
  // does (the deprecation DEP0137 once per process). Closing it unregisters it.
  let gcRegistry = null;
  let gcDeprecationWarned = false;
  function closeOnGC(fd) {
    try { binding.close(fd); } catch (e) { /* already gone */ }
    process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
    if (!gcDeprecationWarned) {
      gcDeprecationWarned = true;
      process.emitWarning('Closing a FileHandle object on garbage collection is deprecated. ' +
        'Please close FileHandle objects explicitly using FileHandle.prototype.close(). ' +
        'In the future, an error will be thrown if a file descriptor is closed during garbage collection.',
      'DeprecationWarning', 'DEP0137');
    }
  }
  function untrack(handle) {
    if (gcRegistry !== null) gcRegistry.unregister(handle);
  }

  // node's FileHandle holds its native handle under kHandle (inspect shows it: FileHandle {})
  const kHandle = Symbol('kHandle');
  const NativeFileHandle = class FileHandle {};
  class FileHandle extends EventEmitterMixin(JSTransferable) {
    constructor(fd) {
      emitterReady || extendEventEmitter();
      super();
      this[kHandle] = new NativeFileHandle();
      this[kFd] = fd;
      this[kRefs] = 1;
      this[kClosePromise] = null;
      if (typeof FinalizationRegistry === 'function') {
        if (gcRegistry === null) gcRegistry = new FinalizationRegistry(closeOnGC);
        gcRegistry.register(this, fd, this);
      }
    }
    getAsyncId() { return this[kFd]; }
    get fd() { return this[kFd]; }

    appendFile(data, options) { return fsCall(writeFileHandle, this, data, I.appendOptions(this[kFd], options)); }
    chmod(mode) { return fsCall(fchmod, this, mode); }
    chown(uid, gid) { return fsCall(fchown, this, uid, gid); }
    datasync() { return fsCall(fdatasync, this); }
    sync() { return fsCall(fsync, this); }
    read(buffer, offset, length, position) { return fsCall(read, this, buffer, offset, length, position); }
    readv(buffers, position) { return fsCall(readv, this, buffers, position); }
    readFile(options) { return fsCall(readFileHandle, this, options); }
    readLines(options = undefined) {
      const readline = require('readline');
      return readline.createInterface({ input: this.createReadStream(options), crlfDelay: Infinity });
    }
    stat(options) { return fsCall(fstat, this, options); }
    truncate(len = 0) { return fsCall(ftruncate, this, len); }
    utimes(atime, mtime) { return fsCall(futimes, this, atime, mtime); }
    write(buffer, offset, length, position) { return fsCall(write, this, buffer, offset, length, position); }
    writev(buffers, position) { return fsCall(writev, this, buffers, position); }
    writeFile(data, options) { return fsCall(writeFileHandle, this, data, options); }

    // as node's, close is an own arrow-function field: `const { close } = fh; close()` works
    close = () => {
      if (this[kFd] === -1) return Promise.resolve();
      if (this[kClosePromise]) return this[kClosePromise];
      this[kRefs]--;
      if (this[kRefs] === 0) {
        const fd = this[kFd];
        this[kFd] = -1;
        untrack(this);
        this[kClosePromise] = binding.close(fd, P).finally(() => { this[kClosePromise] = undefined; });
      } else {
        this[kClosePromise] = new Promise((resolve, reject) => {
          this[kCloseResolve] = resolve;
          this[kCloseReject] = reject;
        }).finally(() => {
          this[kClosePromise] = undefined;
          this[kCloseReject] = undefined;
          this[kCloseResolve] = undefined;
        });
      }
      if (typeof this.emit === 'function') this.emit('close');
      return this[kClosePromise];
    };

    async [Symbol.asyncDispose]() { return this.close(); }

    // worker_threads moves a FileHandle listed in a postMessage transfer list with node's
    // messaging methods: [kTransfer]() hands its descriptor over (this handle's fd becomes -1
    // and this runtime no longer closes it; called with false, it only checks that the handle
    // can go); the receiver makes a FileHandle and gives it the descriptor ([kDeserialize]).
    [kTransfer]() {
      if (this[kFd] === -1 || this[kRefs] !== 1 || this[kClosePromise]) {
        const err = typeof DOMException === 'function' ?
          new DOMException('Cannot transfer FileHandle while in use', 'DataCloneError') : new Error('Cannot transfer FileHandle while in use');
        throw err;
      }
      const fd = this[kFd];
      if (arguments[0] !== false) {
        this[kFd] = -1;
        untrack(this);
        binding.releaseFD(fd);
      }
      return { data: { handle: fd }, deserializeInfo: 'internal/fs/promises:FileHandle' };
    }
    [kTransferList]() { return [this[kHandle]]; }
    [kDeserialize]({ handle }) {
      binding.adoptFD(handle);
      untrack(this);
      this[kFd] = handle;
      if (gcRegistry !== null) gcRegistry.register(this, handle, this);
    }

    // A stream over the handle holds a reference to it, as node's kRef/kUnref: while the stream
    // is open the handle cannot be transferred, and a close() waits for the stream to let go.
    [kRef]() { this[kRefs]++; }
    [kUnref]() { dropRef(this); }

    // As node's, a FileHandle gives one web stream: it stays locked after (ERR_INVALID_STATE).
    readableWebStream(options = undefined) {
      const handle = this;
      const invalidState = (msg) => I.errCode('Error', 'ERR_INVALID_STATE', `Invalid state: ${msg}`);
      if (this[kFd] === -1) throw invalidState('The FileHandle is closed');
      if (this[kClosePromise]) throw invalidState('The FileHandle is closing');
      if (this[kLocked]) throw invalidState('The FileHandle is locked');
      const type = options === undefined ? undefined : options.type;
      if (type !== undefined) I.validateString(type, 'options.type');
      this[kLocked] = true;
      if (typeof ReadableStream !== 'function') {
        throw I.errCode('Error', 'ERR_NOT_SUPPORTED', 'ReadableStream is not available');
      }
      // Node 20 hands out Uint8Array chunks from a byte stream only for type 'bytes'; any other
      // type reads the handle as a plain stream whose chunks are ArrayBuffers.
      const bytes = type === 'bytes';
      return new ReadableStream({
        type: bytes ? 'bytes' : undefined,
        async pull(controller) {
          const buf = new Uint8Array(16384);
          const { bytesRead } = await handle.read(buf, 0, buf.length, null);
          if (bytesRead === 0) {
            controller.close();
            return;
          }
          controller.enqueue(bytes ? buf.subarray(0, bytesRead) : buf.buffer.slice(0, bytesRead));
        },
      });
    }

    // (after readableWebStream, as node's prototype lists them)
    createReadStream(options = undefined) {
      return fs.createReadStream(undefined, { ...options, fd: this });
    }
    createWriteStream(options = undefined) {
      return fs.createWriteStream(undefined, { ...options, fd: this });
    }
  }

  // ---- node's places of a promise call's system error ------------------------------------
  // The binding's system errors are made on the loop and have no frames. Node's take their stack
  // where the async function that awaited the binding resumes: its own frames in
  // internal/fs/promises (node 20.20's lines), then the async functions awaiting it, as V8 follows
  // them; an uncaught one prints the excerpt of the first. settle awaits a binding's promise for an
  // API function and gives its failure that stack: goja follows the same chain of awaiting async
  // functions from settle's frame outward, and node's frames stand in for gojs's own (node:fs).
  // It must be awaited (`return await settle(...)`), or the chain ends at settle.
  async function settle(self, key, promise) {
    try {
      return await promise;
    } catch (err) {
      throw promiseError(err, self, key);
    }
  }

  const awaitThen = 'await PromisePrototypeThen(';
  const kResult = `  const result = ${awaitThen}`;
  const kReturn = `  return ${awaitThen}`;
  // the source line of each of node's sites (the column is that of its await)
  const promiseSource = {
    551: `    const bytesRead = (${awaitThen}`, 604: kReturn, 621: kReturn,
    637: `  return new FileHandle(${awaitThen}`, 692: `  const bytesRead = (${awaitThen}`,
    707: `  const bytesRead = (${awaitThen}`, 740: `      (${awaitThen}`,
    751: `  const bytesWritten = (${awaitThen}`, 769: `  const bytesWritten = (${awaitThen}`, 780: kReturn,
    797: kReturn, 822: kReturn, 856: kReturn, 870: `      ${awaitThen}`, 950: kResult, 968: kReturn, 997: kReturn, 1022: kResult,
    1033: kResult, 1044: kResult, 1056: kReturn, 1067: kReturn, 1089: kReturn, 1108: kReturn,
    1132: kReturn, 1141: kReturn, 1163: kReturn, 1176: kReturn, 1189: kReturn,
  };
  const oneSite = {
    access: 604, copyFile: 621, open: 637, rename: 780, rmdir: 822, mkdir: 856, readdir: 950,
    readlink: 968, symlink: 997, lstat: 1022, stat: 1033, statfs: 1044, link: 1056, unlink: 1067,
    chmod: 1089, lchown: 1108, chown: 1132, utimes: 1141, lutimes: 1163, realpath: 1176, mkdtemp: 1189,
  };
  const fsCallFrame = ['fsCall', 462, 12];
  // promiseFrames gives node's frames for a system error of key (an API function's name, or the
  // function fsCall ran for a FileHandle method), innermost first: [name, line, column]; a name
  // beginning with '.' takes the call's receiver (`Object.stat`). null: gojs has none of node's.
  function promiseFrames(key, syscall, arg) {
    if (typeof key === 'string') {
      const line = oneSite[key];
      if (line !== undefined) return [[`.${key}`, line]];
      const opened = syscall === 'open';
      switch (key) {
        case 'readFile': return opened ? [['open', 637], ['.readFile', 1249, 14]] : [['readFileHandle', 551]];
        case 'writeFile': return opened ? [['open', 637], ['.writeFile', 1219, 14]] :
          [['write', 740], ['writeFileHandle', 497, 7]];
        case 'truncate': return [['open', 637], ['.truncate', 790, 14]];
        case 'ftruncate': return [['ftruncate', 797]];
        case 'readdirRecursive': return [['readdirRecursive', 870]];
      }
      return null;
    }
    switch (key) {
      case read: return [['read', 692], fsCallFrame];
      case readv: return [['readv', 707], fsCallFrame];
      case write: return [['write', I.isArrayBufferView(arg) ? 740 : 751], fsCallFrame];
      case writev: return [['writev', 769], fsCallFrame];
      case ftruncate: return [['ftruncate', 797], fsCallFrame];
      case readFileHandle: return [['readFileHandle', 551], fsCallFrame];
      case writeFileHandle: return [['write', 740], ['writeFileHandle', 497, 7], fsCallFrame];
    }
    return null;
  }

  function receiverPrefix(self) {
    if (self === undefined || self === null || (typeof self !== 'object' && typeof self !== 'function')) return '';
    let name = '';
    try {
      const C = self.constructor;
      if (typeof C === 'function' && typeof C.name === 'string') name = C.name;
    } catch {
      // a throwing getter: V8 falls back as well
    }
    return `${name || 'Object'}.`;
  }

  // (the excerpt an error prints uncaught, kept where the program cannot see it)
  function putArrow(err, arrow) { require('internal/errors').putArrowMessage(err, arrow); }
  function hasArrow(err) { return require('internal/errors').arrowMessage(err) !== undefined; }
  const glueFrame = /[ (]node:fs:\d+:\d+\)?$/;

  // promiseError gives err, a system error with no frames, node's stack for key (see settle) and
  // returns it, to be thrown; any other error is left as it is.
  function promiseError(err, self, key, arg) {
    if (err === null || typeof err !== 'object' || typeof err.errno !== 'number' ||
        typeof err.syscall !== 'string') {
      return err;
    }
    try {
      const limit = Error.stackTraceLimit;
      const own = err.stack;
      if (typeof own !== 'string' || own.includes('\n    at ') || typeof limit !== 'number') return err;
      const sites = promiseFrames(key, err.syscall, arg);
      if (sites === null) return err;
      Error.captureStackTrace(err, promiseError);
      // (the stack is formed when first read, most rejections being caught and dropped unread;
      // the Error.prepareStackTrace in place then decides its shape)
      const errors = require('internal/errors');
      if (errors.formStackOnRead(err, (stack) => (errors.userPrepareStackTrace(Error.prepareStackTrace) ? stack :
        promiseStack(err, String(stack), self, sites, limit)))) {
        return err;
      }
      if (errors.userPrepareStackTrace(Error.prepareStackTrace)) return err; // the user's shape stands
      err.stack = promiseStack(err, String(err.stack), self, sites, limit);
    } catch {
      // a frozen error keeps its stack
    }
    return err;
  }

  // promiseStack returns stack, err's, with node's frames of sites (promiseFrames) in place of
  // the glue's, at most limit frames, and gives err node's excerpt.
  function promiseStack(err, stack, self, sites, limit) {
    const lines = stack.split('\n');
    let first = lines.findIndex((l) => l.startsWith('    at '));
    if (first === -1) first = lines.length;
    const frames = [];
    for (const [name, line, col] of sites) {
      const at = col ?? promiseSource[line].indexOf('await') + 1;
      const fn = name[0] === '.' ? receiverPrefix(self) + name.slice(1) : name;
      frames.push(`    at async ${fn} (node:internal/fs/promises:${line}:${at})`);
    }
    for (let i = first; i < lines.length; i++) {
      if (!glueFrame.test(lines[i])) frames.push(lines[i]);
    }
    frames.length = Math.min(frames.length, Math.max(0, Math.floor(limit)));
    const line = sites[0][1];
    const src = promiseSource[line];
    if (src !== undefined && !hasArrow(err)) {
      try {
        putArrow(err, `node:internal/fs/promises:${line}\n${src}\n${' '.repeat(src.indexOf('await'))}^\n`);
      } catch {
        // (a frozen error has none)
      }
    }
    return lines.slice(0, first).concat(frames).join('\n');
  }


  // ---- node's place of an argument check ----------------------------------------------------
  // A bad argument rejects an fs.promises call with the validator's error; its stack begins,
  // as node's, with the frames of node's internal/fs/promises (node 20.20's lines) where the
  // check runs, and its uncaught excerpt is the first of them (a rejection shows where its
  // stack begins). Each entry: frames [name, line, column], innermost first ('.' takes the
  // call's receiver).
  const kModeFrame = ['parseFileMode', 79, 3, 'internal/validators'];
  const kTimeFrame = ['toUnixTimestamp', 635, 9, 'internal/fs/utils'];
  const kFsCall = ['fsCall', 462, 18];
  const checkSites = {
    access: [['.access', 602, 10]], 'access:mode': [['.access', 605, 13]],
    'copyFile:src': [['.copyFile', 619, 9]], 'copyFile:dest': [['.copyFile', 620, 10]],
    open: [['.open', 634, 10]], truncate: [['open', 634, 10], ['.truncate', 790, 20]],
    readFile: [['open', 634, 10], ['.readFile', 1249, 20]],
    writeFile: [['open', 634, 10], ['.writeFile', 1219, 20]],
    appendFile: [['open', 634, 10], ['writeFile', 1219, 20], ['.appendFile', 1237, 10]],
    'writeFile:data': [['.writeFile', 1209, 5]],
    'open:flags': [['stringToFlags', 597, 9, 'internal/fs/utils'], ['.open', 635, 23]],
    'readFile:flags': [['stringToFlags', 597, 9, 'internal/fs/utils'], ['open', 635, 23], ['.readFile', 1249, 20]],
    'writeFile:flags': [['stringToFlags', 597, 9, 'internal/fs/utils'], ['open', 635, 23], ['.writeFile', 1219, 20]],
    'appendFile:flags': [['stringToFlags', 597, 9, 'internal/fs/utils'], ['open', 635, 23], ['writeFile', 1219, 20],
      ['.appendFile', 1237, 10]],
    'truncate:flags': [['stringToFlags', 597, 9, 'internal/fs/utils'], ['open', 635, 23], ['.truncate', 790, 20]],
    'appendFile:data': [['writeFile', 1209, 5], ['.appendFile', 1237, 10]],
    'copyFile:mode': [['.copyFile', 622, 13]],
    'chmod:mode': [kModeFrame, ['.chmod', 1088, 10]], 'mkdir:mode': [kModeFrame, ['.mkdir', 858, 19]],
    'open:mode': [kModeFrame, ['.open', 636, 10]],
    'rename:oldPath': [['.rename', 778, 13]], 'rename:newPath': [['.rename', 779, 13]],
    rm: [['.rm', 805, 38]], rmdir: [['.rmdir', 811, 38]], mkdir: [['.mkdir', 853, 10]],
    readdir: [['.readdir', 946, 10]], readlink: [['.readlink', 967, 10]],
    'symlink:target': [['.symlink', 995, 12]], symlink: [['.symlink', 996, 10]],
    lstat: [['.lstat', 1017, 10]], stat: [['.stat', 1032, 10]], statfs: [['.statfs', 1043, 10]],
    'link:existingPath': [['.link', 1054, 18]], 'link:newPath': [['.link', 1055, 13]],
    unlink: [['.unlink', 1066, 10]], chmod: [['.chmod', 1087, 10]], lchown: [['.lchown', 1105, 10]],
    chown: [['.chown', 1129, 10]], utimes: [['.utimes', 1140, 10]], lutimes: [['.lutimes', 1162, 10]],
    realpath: [['.realpath', 1175, 10]], mkdtemp: [['.mkdtemp', 1186, 12]],
    'writeFile:mode': [kModeFrame, ['open', 636, 10], ['.writeFile', 1219, 20]],
    'appendFile:mode': [kModeFrame, ['open', 636, 10], ['writeFile', 1219, 20], ['.appendFile', 1237, 10]],
    'writeFile:flush': [['.writeFile', 1206, 3]], 'appendFile:flush': [['writeFile', 1206, 3], ['.appendFile', 1237, 10]],
    'chown:uid': [['.chown', 1130, 3]], 'chown:gid': [['.chown', 1131, 3]],
    'lchown:uid': [['.lchown', 1106, 3]], 'lchown:gid': [['.lchown', 1107, 3]],
    'fchown:uid': [['fchown', 1116, 3], kFsCall, ['FileHandle.chown', 181, 12]],
    'fchown:gid': [['fchown', 1117, 3], kFsCall, ['FileHandle.chown', 181, 12]],
    'fchmod:mode': [kModeFrame, ['fchmod', 1078, 10], kFsCall, ['FileHandle.chmod', 177, 12]],
    'utimes:atime': [kTimeFrame, ['.utimes', 1143, 20]], 'utimes:mtime': [kTimeFrame, ['.utimes', 1144, 20]],
    'lutimes:atime': [kTimeFrame, ['.lutimes', 1165, 21]], 'lutimes:mtime': [kTimeFrame, ['.lutimes', 1166, 21]],
    'futimes:atime': [kTimeFrame, ['futimes', 1152, 11], kFsCall, ['FileHandle.utimes', 220, 12]],
    'futimes:mtime': [kTimeFrame, ['futimes', 1153, 11], kFsCall, ['FileHandle.utimes', 220, 12]],
    'mkdir:recursive': [['.mkdir', 854, 3]],
    'read:options': [['read', 650, 7], kFsCall, ['FileHandle.read', 193, 12]],
    'ftruncate:len': [['ftruncate', 795, 3], kFsCall, ['FileHandle.truncate', 216, 12]],
    'truncate:len': [['ftruncate', 795, 3], ['.truncate', 791, 24]],
    // rm's options go through a promisified validateRmOptions: a bad one throws in the promise's
    // executor; rmdir's validateRmdirOptions hides its own frames
    'rm:options': [['', 441, 7, 'internal/util'], ['new Promise', 0, 0, '<anonymous>'],
      ['wrappedFn', 427, 12, 'internal/util'], ['.rm', 806, 19]],
    'rmdir:options': [['.rmdir', 812, 13]],
    'lchmod': [['.lchmod', 1098, 11]],
    'cp:options': [['.cp', 612, 13]], 'cp:src': [['.cp', 613, 37]], 'cp:dest': [['.cp', 614, 38]],
    'write:buffer': [['write', 749, 3], kFsCall, ['FileHandle.write', 224, 12]],
  };
  // getOptions' checks (a bad options value, an unknown encoding) under the functions called
  for (const [key, line] of [['readFile', 1241], ['writeFile', 1197], ['appendFile', 1234], ['readdir', 941],
    ['readlink', 966], ['realpath', 1174], ['mkdtemp', 1184]]) {
    checkSites[`${key}:options`] = [['getOptions', 331, 11, 'internal/fs/utils'], [`.${key}`, line, 13]];
    checkSites[`${key}:encoding`] = [['assertEncoding', 158, 11, 'internal/fs/utils'],
      ['getOptions', 335, 5, 'internal/fs/utils'], [`.${key}`, line, 13]];
  }
  const checkSource = {
    602: '  path = getValidatedPath(path);',
    605: '    binding.access(pathModule.toNamespacedPath(path), mode, kUsePromises),',
    619: "  src = getValidatedPath(src, 'src');", 620: "  dest = getValidatedPath(dest, 'dest');",
    778: "  oldPath = getValidatedPath(oldPath, 'oldPath');", 779: "  newPath = getValidatedPath(newPath, 'newPath');",
    805: '  path = pathModule.toNamespacedPath(getValidatedPath(path));',
    967: "  path = getValidatedPath(path, 'oldPath');", 995: "  target = getValidatedPath(target, 'target');",
    1054: "  existingPath = getValidatedPath(existingPath, 'existingPath');",
    1055: "  newPath = getValidatedPath(newPath, 'newPath');",
    1186: "  prefix = getValidatedPath(prefix, 'prefix');",
    1209: "    validateStringAfterArrayBufferView(data, 'data');",
  };
  checkSource['internal/util:441'] = '      ReflectApply(original, this, args);';
  checkSource[812] = '  options = validateRmdirOptions(options);';
  checkSource[612] = '  options = validateCpOptions(options);';
  checkSource[1098] = "    throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');";
  checkSource[613] = "  src = pathModule.toNamespacedPath(getValidatedPath(src, 'src'));";
  checkSource[614] = "  dest = pathModule.toNamespacedPath(getValidatedPath(dest, 'dest'));";
  checkSource['internal/fs/utils:597'] = "  throw new ERR_INVALID_ARG_VALUE('flags', flags);";
  checkSource['internal/validators:79'] = '  validateUint32(value, name);';
  checkSource[622] = '    binding.copyFile(pathModule.toNamespacedPath(src),';
  for (const line of [634, 853, 946, 996, 1017, 1032, 1043, 1066, 1087, 1105, 1129, 1140, 1162, 1175]) {
    checkSource[line] = checkSource[602];
  }
  checkSource[811] = checkSource[805];
  checkSource['internal/fs/utils:331'] = "    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);";
  checkSource['internal/fs/utils:158'] = "    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, reason);";
  checkSource['internal/fs/utils:635'] = "  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);";
  checkSource[1206] = "  validateBoolean(flush, 'options.flush');";
  checkSource[854] = "  validateBoolean(recursive, 'options.recursive');";
  checkSource[650] = "      validateObject(bufferOrParams, 'options', kValidateObjectAllowNullable);";
  checkSource[795] = "  validateInteger(len, 'len');";
  checkSource[749] = "  validateStringAfterArrayBufferView(buffer, 'buffer');";
  for (const line of [1106, 1116, 1130]) {
    checkSource[line] = "  validateInteger(uid, 'uid', -1, kMaxUserId);";
    checkSource[line + 1] = "  validateInteger(gid, 'gid', -1, kMaxUserId);";
  }

  // atCheckSite gives err, an argument check's error thrown in the glue of self's call key,
  // node's frames and excerpt (see checkSites); it returns err, to be thrown again.
  function atCheckSite(err, self, key) {
    const sites = checkSites[key];
    if (sites === undefined || err === null || typeof err !== 'object') return err;
    try {
      const stack = err.stack;
      const limit = Error.stackTraceLimit;
      if (typeof stack !== 'string' || typeof limit !== 'number') return err;
      if (require('internal/errors').userPrepareStackTrace(Error.prepareStackTrace)) return err;
      const lines = stack.split('\n');
      let first = lines.findIndex((l) => l.startsWith('    at '));
      if (first === -1) first = lines.length;
      if (first === lines.length || !lines[first].includes('(node:')) return err; // not thrown where we know
      // the stack again, deeper: the glue's frames it drops counted in the limit (this runs
      // where the check threw, the same callers below)
      const holder = {};
      Error.stackTraceLimit = limit + 32;
      try {
        Error.captureStackTrace(holder, atCheckSite);
      } finally {
        Error.stackTraceLimit = limit;
      }
      const below = String(holder.stack).split('\n').filter((l) => l.startsWith('    at '));
      let rest = 0;
      while (rest < below.length && glueFrame.test(below[rest])) rest++;
      const frames = sites.map(([name, line, col, file = 'internal/fs/promises']) => {
        // (a name '' is an anonymous function's frame; the file '<anonymous>' a built-in's)
        const at = file === '<anonymous>' ? file : `node:${file}:${line}:${col}`;
        if (name === '') return `    at ${at}`;
        return `    at ${name[0] === '.' ? receiverPrefix(self) + name.slice(1) : name} (${at})`;
      });
      const all = frames.concat(below.slice(rest));
      all.length = Math.min(all.length, Math.max(0, Math.floor(limit)));
      err.stack = lines.slice(0, first).concat(all).join('\n');
      const [, line, col, file] = sites[0];
      const where = file === undefined ? `internal/fs/promises:${line}` : `${file}:${line}`;
      putArrow(err, `node:${where}\n${checkSource[file === undefined ? line : where]}\n${' '.repeat(col - 1)}^\n`);
    } catch {
      // a frozen error keeps its stack
    }
    return err;
  }
  // vcheck is check(a, b, c, d) for self's call key, its error at node's place
  function vcheck(self, key, check, a, b, c, d) {
    try {
      return check(a, b, c, d);
    } catch (err) {
      throw atCheckSite(err, self, key);
    }
  }
  // voptions is get(a, b) (getOptions or appendOptions) for self's call key, its error (a bad
  // options value or encoding) at node's place
  function voptions(self, key, get, a, b) {
    try {
      return get(a, b);
    } catch (err) {
      if (err !== null && typeof err === 'object') {
        if (err.code === 'ERR_INVALID_ARG_VALUE') throw atCheckSite(err, self, `${key}:encoding`);
        if (String(err.message).startsWith('The "options" argument')) throw atCheckSite(err, self, `${key}:options`);
      }
      throw err;
    }
  }
  // vmode is parseFileMode for self's call key, its error at node's place
  function vmode(self, key, mode, def) {
    try {
      return I.parseFileMode(mode, 'mode', def, true);
    } catch (err) {
      throw atCheckSite(err, self, `${key}:mode`);
    }
  }
  // vflags is stringToFlags for self's call key, its error at node's place
  function vflags(self, key, flags) {
    try {
      return I.stringToFlags(flags);
    } catch (err) {
      throw atCheckSite(err, self, `${key}:flags`);
    }
  }
  // vpath is getValidatedPath for self's call key, its error at node's place
  function vpath(self, key, path, name) {
    try {
      return I.getValidatedPath(path, name);
    } catch (err) {
      throw atCheckSite(err, self, key);
    }
  }

  // fsCall runs fn with the handle referenced so a concurrent close waits for it.
  async function fsCall(fn, handle, ...args) {
    // node asserts this internally (ERR_INTERNAL_ASSERTION), it is no argument check
    if (!(handle instanceof FileHandle)) {
      throw I.errCode('Error', 'ERR_INTERNAL_ASSERTION', 'handle must be an instance of FileHandle\n' +
        'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
        'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n');
    }
    if (handle.fd === -1) {
      const err = new Error('file closed');
      err.code = 'EBADF';
      // node's FileHandle methods go through fs.promises' readFile/writeFile: the syscall says so
      err.syscall = fn === readFileHandle ? 'readFile' : fn === writeFileHandle ? 'writeFile' : fn.name;
      throw err;
    }
    try {
      handle[kRefs]++;
      return await fn(handle, ...args);
    } catch (err) {
      throw promiseError(err, undefined, fn, args[0]);
    } finally {
      dropRef(handle);
    }
  }

  // dropRef lets go of one reference to handle; the last one closes its descriptor and settles
  // a close() that waited for it.
  function dropRef(handle) {
    handle[kRefs]--;
    if (handle[kRefs] === 0) {
      const fd = handle[kFd];
      handle[kFd] = -1;
      untrack(handle);
      binding.close(fd, P).then(handle[kCloseResolve], handle[kCloseReject]);
    }
  }

  function checkAborted(signal) {
    if (signal && signal.aborted) throw new I.AbortError(undefined, { cause: signal.reason });
  }

  async function access(path, mode = 0) {
    path = vpath(this, 'access', path);
    try {
      mode = I.getValidMode(mode, 'access', true);
    } catch (err) {
      throw atCheckSite(err, this, 'access:mode');
    }
    return await settle(this, 'access', binding.access(path, mode, P));
  }

  async function copyFile(src, dest, mode) {
    src = vpath(this, 'copyFile:src', src, 'src');
    dest = vpath(this, 'copyFile:dest', dest, 'dest');
    try {
      mode = I.getValidMode(mode, 'copyFile', true);
    } catch (err) {
      throw atCheckSite(err, this, 'copyFile:mode');
    }
    return await settle(this, 'copyFile', binding.copyFile(src, dest, mode, P));
  }

  async function open(path, flags, mode) {
    return new FileHandle(await settle(this, 'open', openFd(path, flags, mode, this, 'open')));
  }
  // the binding's open, its arguments checked (a bad path's error at node's place for self's
  // call key)
  function openFd(path, flags, mode, self, key) {
    path = vpath(self, key, path);
    const flagsNumber = vflags(self, key, flags);
    mode = vmode(self, key, mode, 0o666);
    return binding.open(path, flagsNumber, mode, P);
  }

  async function read(handle, bufferOrParams, offset, length, position) {
    let buffer = bufferOrParams;
    if (!I.isArrayBufferView(buffer)) {
      if (bufferOrParams !== undefined) vcheck(handle, 'read:options', I.validateObject, bufferOrParams, 'options', true);
      ({ buffer = I.allocBuffer(16384), offset = 0, length = buffer.byteLength - offset,
        position = null } = bufferOrParams ?? {});
      I.validateBuffer(buffer);
    }
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    if (offset == null) offset = 0;
    else I.validateInteger(offset, 'offset', 0);
    length = length ?? buffer.byteLength - offset;
    if (length === 0) return { __proto__: null, bytesRead: length, buffer };
    if (buffer.byteLength === 0) throw I.emptyBuffer(buffer);
    I.validateOffsetLengthRead(offset, length, buffer.byteLength);
    // Node 20's FileHandle.read takes any position that is not a safe integer (a string, a
    // fraction, a bigint) as "the current position", unchecked.
    if (!Number.isSafeInteger(position)) position = -1;
    const bytesRead = (await binding.read(handle.fd, buffer, offset, length, position, P)) || 0;
    return { __proto__: null, bytesRead, buffer };
  }

  async function readv(handle, buffers, position) {
    I.validateBufferArray(buffers);
    position = I.vectorPosition(position);
    const bytesRead = (await binding.readv(handle.fd, buffers, position, P)) || 0;
    return { __proto__: null, bytesRead, buffers };
  }

  async function write(handle, buffer, offsetOrOptions, length, position) {
    if (buffer?.byteLength === 0) return { __proto__: null, bytesWritten: 0, buffer };
    let offset = offsetOrOptions;
    if (I.isArrayBufferView(buffer)) {
      if (typeof offset === 'object') {
        ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? {});
      }
      if (offset == null) offset = 0;
      else I.validateInteger(offset, 'offset', 0);
      if (typeof length !== 'number') length = buffer.byteLength - offset;
      if (typeof position !== 'number') position = -1;
      I.validateOffsetLengthWrite(offset, length, buffer.byteLength);
      const bytesWritten = (await binding.write(handle.fd, buffer, offset, length, position, P)) || 0;
      return { __proto__: null, bytesWritten, buffer };
    }
    vcheck(handle, 'write:buffer', I.validateStringAfterArrayBufferView, buffer, 'buffer');
    I.validateEncoding(buffer, length);
    let bytesWritten;
    // (node's binding reads an encoding it does not know as utf8)
    const B = I.getBuffer();
    if (I.isUtf8(length) || (B && !B.isEncoding(length))) {
      bytesWritten = await binding.writeString(handle.fd, buffer, typeof offset === 'number' ? offset : -1, P);
    } else {
      const b = I.bufferFromString(buffer, length);
      bytesWritten = await binding.write(handle.fd, b, 0, b.byteLength, typeof offset === 'number' ? offset : -1, P);
    }
    return { __proto__: null, bytesWritten: bytesWritten || 0, buffer };
  }

  async function writev(handle, buffers, position) {
    I.validateBufferArray(buffers);
    position = I.vectorPosition(position);
    if (buffers.length === 0) return { __proto__: null, bytesWritten: 0, buffers };
    const bytesWritten = (await binding.writev(handle.fd, buffers, position, P)) || 0;
    return { __proto__: null, bytesWritten, buffers };
  }

  async function rename(oldPath, newPath) {
    oldPath = vpath(this, 'rename:oldPath', oldPath, 'oldPath');
    newPath = vpath(this, 'rename:newPath', newPath, 'newPath');
    return await settle(this, 'rename', binding.rename(oldPath, newPath, P));
  }

  // closeAfter settles as op (a promise of work on fh, a handle the call opened) once fh is
  // closed: with op's value or error, the close's error after a success, and when both fail
  // node's aggregateTwoErrors (an AggregateError of both, op's message and code), as node's
  // handleFdClose.
  function closeAfter(op, fh) {
    return op.then(
      (result) => fh.close().then(() => result),
      (opError) => fh.close().then(() => { throw opError; },
        (closeError) => { throw require('internal/errors').aggregateTwoErrors(closeError, opError); }));
  }

  async function truncate(path, len = 0) {
    const fd = new FileHandle(await settle(this, 'truncate', openFd(path, 'r+', undefined, this, 'truncate')));
    // (node's truncate calls ftruncate itself, not the handle's method: its frames)
    return closeAfter(ftruncate(fd, len, this, 'truncate:len'), fd);
  }

  async function ftruncate(handle, len = 0, self = handle, key = 'ftruncate:len') {
    vcheck(self, key, I.validateInteger, len, 'len');
    len = Math.max(0, len);
    const done = binding.ftruncate(handle.fd, len, P);
    // (truncate's call, not fsCall's: its system error takes node's frame here)
    return key === 'ftruncate:len' ? done : settle(undefined, 'ftruncate', done);
  }

  async function rm(path, options) {
    path = vpath(this, 'rm', path);
    options = vcheck(this, 'rm:options', I.validateRmOptionsShape, options);
    return binding.rm(path, options.recursive, options.force, P, options.maxRetries, options.retryDelay);
  }

  async function rmdir(path, options) {
    path = vpath(this, 'rmdir', path);
    options = vcheck(this, 'rmdir:options', I.validateRmdirOptions, options);
    if (options.recursive) {
      I.warnRecursiveRmdir();
      // node stats the path (following a link) and removes the tree only when it is a directory;
      // anything else goes to rmdir, which fails with ENOTDIR
      const st = await binding.stat(path, false, true, P);
      if (st.isDirectory()) {
        return binding.rm(path, true, false, P, options.maxRetries, options.retryDelay);
      }
    }
    return await settle(this, 'rmdir', binding.rmdir(path, P));
  }

  async function fdatasync(handle) { return binding.fdatasync(handle.fd, P); }
  async function fsync(handle) { return binding.fsync(handle.fd, P); }

  async function mkdir(path, options) {
    // node checks the path, then recursive, then the mode
    const args = I.mkdirArgs(path, options);
    const mode = args[0], recursive = args[1];
    path = vpath(this, 'mkdir', path);
    vcheck(this, 'mkdir:recursive', I.validateBoolean, recursive, 'options.recursive');
    return await settle(this, 'mkdir', binding.mkdir(path, vmode(this, 'mkdir', mode), recursive, P));
  }

  async function readdir(path, options) {
    options = voptions(this, 'readdir', I.getOptions, options);
    path = vpath(this, 'readdir', path);
    // node's promise readdir takes options.recursive by truthiness, unvalidated (the sync and
    // callback forms validate it)
    // the options are read now, as node's: a change after the call does not reach the result
    const withTypes = !!options.withFileTypes;
    const encoding = options.encoding;
    const res = await settle(this, options.recursive ? 'readdirRecursive' : 'readdir', binding.readdir(path, I.wantBuf(encoding),
      withTypes, !!options.recursive, P));
    if (options.recursive) return I.readdirTree(path, res, withTypes, encoding);
    return I.readdirResult(res, withTypes, encoding, path);
  }

  async function readlink(path, options) {
    options = voptions(this, 'readlink', I.getOptions, options);
    path = vpath(this, 'readlink', path, 'oldPath');
    return I.encodeName(await settle(this, 'readlink', binding.readlink(path, I.wantBuf(options.encoding), P)),
      options.encoding);
  }

  async function symlink(target, path, type_) {
    const type = (typeof type_ === 'string' ? type_ : null);
    target = vpath(this, 'symlink:target', target, 'target');
    path = vpath(this, 'symlink', path);
    I.symlinkType(type);
    return await settle(this, 'symlink', binding.symlink(target, path, 0, P));
  }

  async function fstat(handle, options = { bigint: false }) {
    return binding.fstat(handle.fd, !!options.bigint, P);
  }
  async function lstat(path, options = { bigint: false }) {
    return await settle(this, 'lstat', binding.lstat(vpath(this, 'lstat', path), !!options.bigint, true, P));
  }
  async function stat(path, options = { bigint: false }) {
    return await settle(this, 'stat', binding.stat(vpath(this, 'stat', path), !!options.bigint, true, P));
  }
  async function statfs(path, options = { bigint: false }) {
    return I.makeStatFs(await settle(this, 'statfs', binding.statfs(vpath(this, 'statfs', path), !!options.bigint, P)));
  }

  async function link(existingPath, newPath) {
    existingPath = vpath(this, 'link:existingPath', existingPath, 'existingPath');
    newPath = vpath(this, 'link:newPath', newPath, 'newPath');
    return await settle(this, 'link', binding.link(existingPath, newPath, P));
  }

  async function unlink(path) { return await settle(this, 'unlink', binding.unlink(vpath(this, 'unlink', path), P)); }

  async function fchmod(handle, mode) {
    mode = vmode(handle, 'fchmod', mode);
    return binding.fchmod(handle.fd, mode, P);
  }
  async function chmod(path, mode) {
    path = vpath(this, 'chmod', path);
    mode = vmode(this, 'chmod', mode);
    return await settle(this, 'chmod', binding.chmod(path, mode, P));
  }
  async function lchmod(path, mode) {
    throw atCheckSite(I.errCode('Error', 'ERR_METHOD_NOT_IMPLEMENTED', 'The lchmod() method is not implemented'),
      this, 'lchmod');
  }
  // (self's call key: its errors at node's place)
  function ids(self, key, uid, gid) {
    vcheck(self, `${key}:uid`, I.validateInteger, uid, 'uid', -1, 2 ** 32 - 1);
    vcheck(self, `${key}:gid`, I.validateInteger, gid, 'gid', -1, 2 ** 32 - 1);
  }
  async function lchown(path, uid, gid) {
    path = vpath(this, 'lchown', path);
    ids(this, 'lchown', uid, gid);
    return await settle(this, 'lchown', binding.lchown(path, uid, gid, P));
  }
  async function fchown(handle, uid, gid) {
    ids(handle, 'fchown', uid, gid);
    return binding.fchown(handle.fd, uid, gid, P);
  }
  async function chown(path, uid, gid) {
    path = vpath(this, 'chown', path);
    ids(this, 'chown', uid, gid);
    return await settle(this, 'chown', binding.chown(path, uid, gid, P));
  }
  async function utimes(path, atime, mtime) {
    path = vpath(this, 'utimes', path);
    return await settle(this, 'utimes', binding.utimes(path, vcheck(this, 'utimes:atime', I.toUnixTimestamp, atime),
      vcheck(this, 'utimes:mtime', I.toUnixTimestamp, mtime), P));
  }
  async function futimes(handle, atime, mtime) {
    atime = vcheck(handle, 'futimes:atime', I.toUnixTimestamp, atime, 'atime');
    mtime = vcheck(handle, 'futimes:mtime', I.toUnixTimestamp, mtime, 'mtime');
    return binding.futimes(handle.fd, atime, mtime, P);
  }
  async function lutimes(path, atime, mtime) {
    path = vpath(this, 'lutimes', path);
    return await settle(this, 'lutimes', binding.lutimes(path, vcheck(this, 'lutimes:atime', I.toUnixTimestamp, atime),
      vcheck(this, 'lutimes:mtime', I.toUnixTimestamp, mtime), P));
  }

  async function realpath(path, options) {
    options = voptions(this, 'realpath', I.getOptions, options);
    path = vpath(this, 'realpath', path);
    return I.encodeName(await settle(this, 'realpath', binding.realpath(path, I.wantBuf(options.encoding), true, P)),
      options.encoding);
  }

  async function mkdtemp(prefix, options) {
    options = voptions(this, 'mkdtemp', I.getOptions, options);
    prefix = vpath(this, 'mkdtemp', prefix, 'prefix');
    I.warnNonPortableTemplate(prefix);
    return I.encodeOut(await settle(this, 'mkdtemp', binding.mkdtemp(prefix, P)), options.encoding);
  }

  function isIterable(v) {
    return v != null && typeof v === 'object' &&
      (typeof v[Symbol.asyncIterator] === 'function' || typeof v[Symbol.iterator] === 'function');
  }

  async function writeIterable(handle, data, encoding, signal) {
    const it = typeof data[Symbol.asyncIterator] === 'function' ?
      data[Symbol.asyncIterator]() : data[Symbol.iterator]();
    for (;;) {
      checkAborted(signal);
      const { value, done } = await it.next();
      if (done) break;
      let chunk = value;
      if (typeof chunk === 'string') {
        if (I.isUtf8(encoding)) {
          await binding.writeString(handle.fd, chunk, -1, P);
          continue;
        }
        chunk = I.bufferFromString(chunk, encoding);
      }
      else if (!I.isArrayBufferView(chunk)) {
        // node makes anything else a Buffer as Buffer.from does (an array, an ArrayBuffer, an
        // array-like or a string-like object), or fails with its message
        chunk = require('buffer').Buffer.from(chunk, encoding || 'utf8');
      }
      let off = 0;
      while (off < chunk.byteLength) {
        checkAborted(signal);
        off += await binding.write(handle.fd, chunk, off, chunk.byteLength - off, -1, P);
      }
    }
  }

  async function writeFileHandle(handle, data, options) {
    options = I.getOptions(options, { encoding: 'utf8' });
    const signal = options.signal;
    if (!I.isArrayBufferView(data) && typeof data !== 'string' && isIterable(data)) {
      return writeIterable(handle, data, options.encoding, signal);
    }
    data = I.writeFileData(data, options.encoding);
    checkAborted(signal);
    await binding.writeFile(handle.fd, true, data, 0, 0, P);
    checkAborted(signal);
  }

  // (a method: no prototype, not a constructor, as node's async function; marked async below)
  const { writeFile } = {
    writeFile(path, data, options) {
      return writeFileAs(this, 'writeFile', path, data, options);
    },
  };
  // writeFile called as self's call key (appendFile's: its argument checks' errors take node's
  // frames of both)
  async function writeFileAs(self, key, path, data, options) {
    // (a system error's frame of node's writeFile, which appendFile calls as a plain function)
    const receiver = key === 'appendFile' ? undefined : self;
    options = voptions(self, key, I.getOptions, options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
    const flag = options.flag || 'w';
    const flush = options.flush ?? false;
    vcheck(self, `${key}:flush`, I.validateBoolean, flush, 'options.flush');
    if (!I.isArrayBufferView(data) && !isIterable(data)) {
      try {
        I.validateStringAfterArrayBufferView(data, 'data');
      } catch (err) {
        throw atCheckSite(err, self, `${key}:data`);
      }
    }
    if (path instanceof FileHandle) return await settle(receiver, 'writeFile', writeFileHandle(path, data, options));
    checkAborted(options.signal);
    if (typeof data === 'string' || I.isArrayBufferView(data)) {
      data = I.writeFileData(data, options.encoding);
      const p = vpath(self, key, path);
      await settle(receiver, 'writeFile', binding.writeFile(p, false, data, vflags(self, key, flag),
        vmode(self, key, options.mode, 0o666), P));
      checkAborted(options.signal);
      if (flush) {
        const fh = await open(p, 'r+');
        try { await fh.sync(); } finally { await fh.close(); }
      }
      return;
    }
    const fh = new FileHandle(await settle(receiver, 'writeFile', openFd(path, flag, options.mode, self, key)));
    let op = writeIterable(fh, data, options.encoding, options.signal);
    if (flush) op = op.then((r) => fh.sync().then(() => r));
    return closeAfter(op, fh);
  }

  async function appendFile(path, data, options) {
    return await writeFileAs(this, 'appendFile', path, data, voptions(this, 'appendFile', I.appendOptions, path, options));
  }

  async function readFileHandle(handle, options) {
    options = I.getOptions(options, { flag: 'r' });
    checkAborted(options.signal);
    const asString = !!options.encoding && I.isUtf8(options.encoding);
    const data = await binding.readFile(handle.fd, true, 0, asString, P);
    checkAborted(options.signal);
    return I.readFileFinish(data, options);
  }

  // readFile(path) with no options settles the binding's promise with a Buffer built in Go;
  // anything else takes readFileFull. (A method: no prototype, not a constructor, as node's
  // async function; marked async below.)
  const { readFile } = {
    readFile(path, options) {
      if (options === undefined && I.getBuffer()) {
        const p = binding.readFileFast(path, P);
        if (p !== undefined) return settle(this, 'readFile', p);
      }
      return readFileFull.call(this, path, options);
    },
  };

  async function readFileFull(path, options) {
    options = voptions(this, 'readFile', I.getOptions, options, { flag: 'r' });
    if (path instanceof FileHandle) return await settle(this, 'readFile', readFileHandle(path, options));
    checkAborted(options.signal);
    path = vpath(this, 'readFile', path);
    const flags = vflags(this, 'readFile', options.flag); // (named 'flags': node's open checks it)
    const asString = !!options.encoding && I.isUtf8(options.encoding);
    const stop = I.abortFlag(options.signal);
    let data;
    try {
      data = await settle(this, 'readFile', binding.readFile(path, false, flags, asString, P, stop && stop.flag));
    } catch (err) {
      checkAborted(options.signal);
      throw err;
    } finally {
      if (stop !== undefined) options.signal.removeEventListener('abort', stop.onAbort);
    }
    checkAborted(options.signal);
    return I.readFileFinish(data, options);
  }

  // node's is fs.opendir promisified: a bad bufferSize, checked once the directory is open,
  // throws in the callback (uncaught) and the promise never settles; the callback is added
  // after every argument given, so a third one takes the callback's place (and is refused).
  function opendir(path, options) {
    const args = Array.prototype.slice.call(arguments);
    return new Promise((resolve, reject) => {
      args.push((err, dir) => (err ? reject(err) : resolve(dir)));
      try {
        I.opendir(...args);
      } catch (err) {
        throw atPromisified(err);
      }
    });
  }
  // atPromisified gives err, thrown by fs.opendir's checks, the frames of node's promisify
  // (its executor, the Promise, the wrapper) in place of this glue's; it returns err.
  function atPromisified(err) {
    try {
      const stack = err.stack;
      if (typeof stack !== 'string' || require('internal/errors').userPrepareStackTrace(Error.prepareStackTrace)) return err;
      const lines = stack.split('\n');
      const at = lines.findIndex((l, i) => i > 0 && lines[i - 1].startsWith('    at ') && glueFrame.test(l));
      if (at === -1) return err;
      let end = at;
      while (end < lines.length && glueFrame.test(lines[end])) end++;
      lines.splice(at, end - at, '    at node:internal/util:441:7', '    at new Promise (<anonymous>)',
        '    at Object.opendir (node:internal/util:427:12)');
      const first = lines.findIndex((l) => l.startsWith('    at '));
      const limit = Error.stackTraceLimit;
      if (typeof limit === 'number') lines.length = Math.min(lines.length, first + Math.max(0, Math.floor(limit)));
      err.stack = lines.join('\n');
    } catch {
      // a frozen error keeps its stack
    }
    return err;
  }
  // node's is fs.opendir promisified, which keeps the callback function's length
  Object.defineProperty(opendir, 'length', { __proto__: null, value: 3 });
  function watchMember() { return binding.asyncGen().f(_watch); }

  const api = {
    access, copyFile, cp: undefined, open, opendir, rename, truncate, rm, rmdir, mkdir, readdir,
    readlink, symlink, lstat, stat, statfs, link, unlink, chmod, lchmod, lchown, chown, utimes,
    lutimes, realpath, mkdtemp, writeFile, appendFile, readFile, watch: undefined,
    constants: fs.constants,
  };
  // named cp, as node's
  api.cp = {
    cp(src, dest, options) {
      // (its checks' errors at node's places in fs/promises' cp)
      return cpPromises(src, dest, options, (err, key) => atCheckSite(err, this, `cp:${key}`));
    },
  }.cp;
  // node's readFile, writeFile and cp are async functions, and watch an async generator
  // function: these plain ones (a Go fast path's promise is returned as it is, without an async
  // function's ticks) are marked so for util.types and util.inspect. watch is a lazy member,
  // marked on first read: the runtime's async generators are made only then.
  if (lazyMembers) lazyMembers.members(api, watchMember, ['watch'], 'fs/promises');
  else api.watch = watchMember();
  const AsyncFunctionPrototype = Object.getPrototypeOf(async function () {});
  for (const f of [readFile, writeFile, api.cp]) {
    Object.setPrototypeOf(f, AsyncFunctionPrototype);
    binding.markFunc(f, 'async');
  }
  // (goja gives an async method Function.prototype)
  Object.setPrototypeOf(FileHandle.prototype[Symbol.asyncDispose], AsyncFunctionPrototype);
  setFileHandleClass(FileHandle);
  // (worker_threads: the class a transferred descriptor arrives as)
  internals.set('fs/promises', { FileHandle });
  return api;
})
