'use strict';
// wasi: the WASI class. The system calls are wazero's (wasi.go); this file validates options,
// makes the import object the WebAssembly instance recognises, and runs _start/_initialize.

const { codes, makeNodeError } = require('internal/errors');
const { validateObject, validateArray, validateString, validateBoolean, validateFunction, validateInt32 } = require('internal/validators');

const kOptions = Symbol('kOptions');
const kStarted = Symbol('kStarted');
const kVersion = Symbol('kVersion');

const FUNCTIONS = [
  'args_get', 'args_sizes_get', 'clock_res_get', 'clock_time_get', 'environ_get', 'environ_sizes_get',
  'fd_advise', 'fd_allocate', 'fd_close', 'fd_datasync', 'fd_fdstat_get', 'fd_fdstat_set_flags',
  'fd_fdstat_set_rights', 'fd_filestat_get', 'fd_filestat_set_size', 'fd_filestat_set_times', 'fd_pread',
  'fd_prestat_get', 'fd_prestat_dir_name', 'fd_pwrite', 'fd_read', 'fd_readdir', 'fd_renumber', 'fd_seek',
  'fd_sync', 'fd_tell', 'fd_write', 'path_create_directory', 'path_filestat_get', 'path_filestat_set_times',
  'path_link', 'path_open', 'path_readlink', 'path_remove_directory', 'path_rename', 'path_symlink',
  'path_unlink_file', 'poll_oneoff', 'proc_exit', 'proc_raise', 'random_get', 'sched_yield', 'sock_accept',
  'sock_recv', 'sock_send', 'sock_shutdown',
];

process.emitWarning('WASI is an experimental feature and might change at any time', 'ExperimentalWarning');

function notStarted() {
  throw new codes.ERR_WASI_NOT_STARTED();
}

class WASI {
  constructor(options = {}) {
    validateObject(options, 'options');
    const version = options.version;
    validateString(version, 'options.version');
    if (version !== 'unstable' && version !== 'preview1') {
      throw new codes.ERR_INVALID_ARG_VALUE('options.version', version, 'unsupported WASI version');
    }
    const args = [];
    if (options.args !== undefined) {
      validateArray(options.args, 'options.args');
      for (const a of options.args) args.push(String(a));
    }
    const env = [];
    if (options.env !== undefined) {
      validateObject(options.env, 'options.env');
      for (const [k, v] of Object.entries(options.env)) if (v !== undefined) env.push([k, String(v)]);
    }
    const preopens = [];
    if (options.preopens !== undefined) {
      validateObject(options.preopens, 'options.preopens');
      for (const [guest, host] of Object.entries(options.preopens)) preopens.push([String(guest), String(host)]);
    }
    const { stdin = 0, stdout = 1, stderr = 2, returnOnExit = true } = options;
    validateInt32(stdin, 'options.stdin', 0);
    validateInt32(stdout, 'options.stdout', 0);
    validateInt32(stderr, 'options.stderr', 0);
    validateBoolean(returnOnExit, 'options.returnOnExit');
    const wasiImport = {};
    for (const name of FUNCTIONS) {
      // called by the instance through wazero; from JS, only before start(), as in node
      wasiImport[name] = { [`bound ${name}`]: function () { notStarted(); } }[`bound ${name}`];
    }
    binding.register(wasiImport, args, env, preopens, [stdin, stdout, stderr]);
    this.wasiImport = wasiImport;
    this[kOptions] = { returnOnExit };
    this[kVersion] = version;
    this[kStarted] = false;
  }

  getImportObject() {
    return { [this[kVersion] === 'unstable' ? 'wasi_unstable' : 'wasi_snapshot_preview1']: this.wasiImport };
  }

  start(instance) {
    const { _start, _initialize } = validateInstance(this, instance);
    if (_initialize !== undefined) {
      throw new codes.ERR_INVALID_ARG_TYPE('instance.exports._initialize', 'undefined', _initialize);
    }
    validateFunction(_start, 'instance.exports._start');
    this[kStarted] = true;
    try {
      _start();
    } catch (err) {
      const code = binding.exitCode(err);
      if (code === undefined) throw err;
      if (!this[kOptions].returnOnExit) process.exit(code);
      return code;
    }
    return 0;
  }

  initialize(instance) {
    const { _start, _initialize } = validateInstance(this, instance);
    if (_start !== undefined) {
      throw new codes.ERR_INVALID_ARG_TYPE('instance.exports._start', 'undefined', _start);
    }
    if (_initialize !== undefined) validateFunction(_initialize, 'instance.exports._initialize');
    this[kStarted] = true;
    if (_initialize !== undefined) _initialize();
  }
}

function validateInstance(wasi, instance) {
  validateObject(instance, 'instance');
  const exports = instance.exports;
  validateObject(exports, 'instance.exports');
  if (!(exports.memory instanceof WebAssembly.Memory)) {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', '"instance.exports.memory" property must be a WebAssembly.Memory object');
  }
  if (wasi[kStarted]) throw new codes.ERR_WASI_ALREADY_STARTED();
  return exports;
}

module.exports = { WASI };
