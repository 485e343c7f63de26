'use strict';
// os: the Go binding reads the system; this glue shapes Node's API.

const { codes, makeSystemError } = require('internal/errors');
const { validateInt32 } = require('internal/validators');

// systemError is ERR_SYSTEM_ERROR for a failed uv_* call; info is [code, errno, message].
function systemError(syscall, info) {
  const [code, errno, message] = info;
  return makeSystemError('ERR_SYSTEM_ERROR',
    `A system error occurred: ${syscall} returned ${code} (${message})`, { errno, code, message, syscall });
}

// node's are its binding's native functions: methods here, as they have no prototype and are
// no constructors
const {
  getOSRelease, getOSVersion, getMachine, getOSType, getFreeMem, getTotalMem, getAvailableParallelism,
} = {
  getOSRelease() { return binding.release(); },
  getOSVersion() { return binding.version(); },
  getMachine() { return binding.machine(); },
  getOSType() { return binding.type(); },
  getFreeMem() { return binding.freemem(); },
  getTotalMem() { return binding.totalmem(); },
  getAvailableParallelism() { return binding.availableParallelism(); },
};

const hostname = function wrappedFn() { return binding.hostname(); };
const uptime = function wrappedFn() { return binding.uptime(); };

function getHomeDirectory() {
  // libuv's uv_os_homedir: a HOME that is set wins, even empty; the passwd entry only without.
  const home = binding.env('HOME');
  if (home !== undefined) return home;
  const pw = binding.passwd();
  if (!pw[5]) throw systemError('uv_os_homedir', pw);
  return pw[3];
}
const homedir = function wrappedFn() { return getHomeDirectory(); };

function arch() { return binding.arch; }
function platform() { return 'linux'; }
function endianness() { return 'LE'; }
function loadavg() { return binding.loadavg(); }
function cpus() { return binding.cpus(); }

function tmpdir() {
  const path = binding.env('TMPDIR') || binding.env('TMP') || binding.env('TEMP') || '/tmp';
  if (path.length > 1 && path.endsWith('/')) return path.slice(0, -1);
  return path;
}

function prefixLength(netmask, family) {
  let bits = 0;
  if (family === 'IPv4') {
    for (const part of netmask.split('.')) {
      let n = Number(part);
      while (n & 0x80) { bits++; n = (n << 1) & 0xff; }
      if (n !== 0) return null;
    }
    return bits;
  }
  const groups = netmask.split(':');
  for (const g of groups) {
    if (g === '') continue;
    let n = parseInt(g, 16);
    while (n & 0x8000) { bits++; n = (n << 1) & 0xffff; }
    if (n !== 0) return null;
  }
  return bits;
}

function networkInterfaces() {
  const flat = binding.interfaces();
  const out = {};
  for (let i = 0; i < flat.length; i += 7) {
    const name = flat[i];
    const family = flat[i + 3];
    const entry = {
      address: flat[i + 1],
      netmask: flat[i + 2],
      family,
      mac: flat[i + 4],
      internal: flat[i + 5],
    };
    const bits = prefixLength(entry.netmask, family);
    entry.cidr = bits === null ? null : `${entry.address}/${bits}`;
    if (family === 'IPv6') entry.scopeid = flat[i + 6];
    (out[name] || (out[name] = [])).push(entry);
  }
  return out;
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, 'pid');
  const r = binding.getPriority(pid);
  if (typeof r !== 'number') throw systemError('uv_os_getpriority', r);
  return r;
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid'); // at: os:263:3
  validateInt32(priority, 'priority', -20, 19); // at: os:264:3
  const r = binding.setPriority(pid, priority);
  if (r !== undefined) throw systemError('uv_os_setpriority', r);
}

function userInfo(options) {
  // an encoding that is not one (or not a string) reads as utf8, as node's binding parses it
  let encoding = options !== null && typeof options === 'object' ? options.encoding : undefined;
  if (typeof encoding !== 'string' || (encoding !== 'buffer' && !require('buffer').Buffer.isEncoding(encoding))) {
    encoding = 'utf8';
  }
  const pw = binding.passwd();
  if (!pw[5]) throw systemError('uv_os_get_passwd', pw);
  const conv = (s) => {
    if (encoding === 'utf8' || encoding === 'utf-8') return s;
    const { Buffer } = require('buffer');
    const b = Buffer.from(s, 'utf8');
    return encoding === 'buffer' ? b : b.toString(encoding);
  };
  return {
    __proto__: null,
    uid: pw[0],
    gid: pw[1],
    username: conv(pw[2]),
    homedir: conv(pw[3]),
    shell: pw[4] ? conv(pw[4]) : null,
  };
}

// os.constants: its dlopen, errno, signals and priority are objects of read-only numbers made in
// Go (constants.go), and UV_UDP_REUSEADDR is read-only too, as node's
const constants = {
  __proto__: null, UV_UDP_REUSEADDR: 4, dlopen: binding.constants(0), errno: binding.constants(1),
  signals: binding.constants(2), priority: binding.constants(3),
};
Object.defineProperty(constants, 'UV_UDP_REUSEADDR', { __proto__: null, writable: false, configurable: false });

const toPrimitive = [
  [getFreeMem, getFreeMem], [hostname, hostname], [getOSVersion, getOSVersion], [getOSType, getOSType],
  [getOSRelease, getOSRelease], [getMachine, getMachine], [homedir, homedir], [getTotalMem, getTotalMem],
  [uptime, uptime], [arch, arch], [getAvailableParallelism, getAvailableParallelism],
  [endianness, endianness], [platform, platform], [tmpdir, tmpdir],
];
for (const [fn, get] of toPrimitive) fn[Symbol.toPrimitive] = () => get();

module.exports = {
  arch,
  availableParallelism: getAvailableParallelism,
  cpus,
  endianness,
  freemem: getFreeMem,
  getPriority,
  homedir,
  hostname,
  loadavg,
  networkInterfaces,
  platform,
  release: getOSRelease,
  setPriority,
  tmpdir,
  totalmem: getTotalMem,
  type: getOSType,
  userInfo,
  uptime,
  version: getOSVersion,
  machine: getMachine,
};
Object.defineProperties(module.exports, {
  constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
  EOL: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
