'use strict';
// worker_threads: Worker (a runtime on its own goroutine), MessageChannel/MessagePort,
// BroadcastChannel, parentPort and workerData. Messages are V8-serialized values.
const EventEmitter = require('events');
// the v8 module's serializer, for the messages the binding's encoder does not take (loaded on
// first use: a worker's start need not)
let v8mod;
function v8() {
  if (v8mod === undefined) v8mod = require('v8');
  return v8mod;
}
const path = require('path');
const { codes, E, makeNativeError } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS } = codes;
const { validateObject, validateNumber, validateString } = require('internal/validators');

if (!codes.ERR_WORKER_PATH) {
  E('ERR_WORKER_PATH', (filename) => 'The worker script or module filename must be an absolute path or a relative path starting with \'./\' or \'../\'.' +
    (filename.startsWith('file://') ? ' Wrap file:// URLs with `new URL`.' : '') +
    (filename.startsWith('data:text/javascript') ? ' Wrap data: URLs with `new URL`.' : '') + ` Received "${filename}"`, TypeError);
}
if (!codes.ERR_WORKER_OUT_OF_MEMORY) E('ERR_WORKER_OUT_OF_MEMORY', 'Worker terminated due to reaching memory limit: %s', Error);
if (!codes.ERR_WORKER_UNSERIALIZABLE_ERROR) E('ERR_WORKER_UNSERIALIZABLE_ERROR', 'Serializing an uncaught exception failed', Error);
if (!codes.ERR_WORKER_INVALID_EXEC_ARGV) E('ERR_WORKER_INVALID_EXEC_ARGV', (errors, msg = 'invalid execArgv flags') => `Initiated Worker with ${msg}: ${errors.join(', ')}`, Error);
if (!codes.ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST) {
  E('ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST', 'Object that needs transfer was found in message but not listed in transferList', TypeError);
}
for (const [code, msg] of [
  ['ERR_WORKER_MESSAGING_ERRORED', 'The destination thread threw an error while processing the message'],
  ['ERR_WORKER_MESSAGING_FAILED', 'Cannot find the destination thread or listener'],
  ['ERR_WORKER_MESSAGING_SAME_THREAD', 'Cannot sent a message to the same thread'],
  ['ERR_WORKER_MESSAGING_TIMEOUT', 'Sending a message to another thread timed out'],
]) {
  if (!codes[code]) E(code, msg, Error);
}
const { ERR_WORKER_PATH, ERR_WORKER_UNSERIALIZABLE_ERROR, ERR_WORKER_INVALID_EXEC_ARGV } = codes;
// node's serializer (C++) throws it: no [CODE] in its name
function missingTransferable() {
  return makeNativeError(TypeError, 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST',
    'Object that needs transfer was found in message but not listed in transferList', missingTransferable);
}

const kCtl = Symbol('kCtl');
const kOnMessage = Symbol('kOnMessage');
const kStarted = Symbol('kStarted');
const kClosed = Symbol('kClosed');
const kClosing = Symbol('kClosing'); // close() was called; kClosed follows with the 'close' event
const kClosedInBatch = Symbol('kClosedInBatch'); // close() was called by the port's own 'message' listener
const kDispatch = Symbol('kDispatch');
let dispatchingPort = null; // the port whose message is being dispatched
const kAttach = Symbol('kAttach');
const kPending = Symbol('kPending');
const kDetachPort = Symbol('kDetachPort');
const clone = require('internal/structured_clone');

function dataCloneError(message) {
  if (typeof DOMException === 'function') return new DOMException(message, 'DataCloneError');
  const e = new Error(message);
  e.name = 'DataCloneError';
  return e;
}


// ---- serialization -------------------------------------------------------------------------------

// serialize returns the message bytes, or a Transfer when buffers or ports move with them.
class Transfer {
  constructor(data, buffers, ports, shared) {
    this.data = data; this.buffers = buffers; this.ports = ports; this.shared = shared;
  }
}

// SharedArrayBuffers travel by their memory (shared, not copied): a message lists them after its
// transferred ArrayBuffers, and the value refers to them as host objects.
let atomics;
function isShared(v) {
  if (atomics === undefined) {
    try {
      atomics = require('internal/atomics');
    } catch {
      atomics = null; // an embedder's runtime without SharedArrayBuffer
    }
  }
  return atomics !== null && atomics.isShared(v);
}
const viewNames = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
  'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView'];
const kHostPort = 0;
const kHostShared = 1;
const kHostSharedView = 2;
const kHostBlob = 3;
let bufferInternal;
function isBlob(v) {
  if (bufferInternal === undefined) bufferInternal = require('internal/module_internals').get('buffer');
  return bufferInternal.isBlob(v);
}

// serialize takes the transfer list as an array (or undefined); source is the posting port.
function serialize(value, transferList, noShared, source, entry) {
  if (transferList === undefined || transferList.length === 0) {
    const fast = binding.fastSerialize(value);
    if (fast !== null) return fast;
  }
  const ser = new (v8().Serializer)();
  ser._getDataCloneError = function (message) { return dataCloneError(message); };
  let buffers = [];
  let ports = [];
  const shared = [];
  let streams = noStreams;
  let handles = noHandles;
  let signals = noSignals;
  const signalPorts = [];
  if (transferList !== undefined) {
    if (transferList.some(isTransferableSignal)) signals = transferList.filter(isTransferableSignal);
    ({ handles, rest: transferList } = splitFileHandles(transferList));
    ({ buffers, ports } = clone.sortTransfer(transferList, source, true, entry));
    for (let i = 0; i < buffers.length; i++) ser.transferArrayBuffer(i, buffers[i]);
    ({ ports, streams } = splitStreams(ports));
  }
  const sharedIndex = (sab) => {
    let i = shared.indexOf(sab);
    if (i < 0) i = shared.push(sab) - 1;
    return buffers.length + i;
  };
  ser._isHostObject = (v) => v instanceof MessagePort || isBlob(v) || webStreamKind(v) !== null || isFileHandle(v) ||
    isWasmModule(v) || isWasmMemory(v) || isTransferableSignal(v) || isCloneable(v) ||
    (!noShared && typeof v === 'object' && (isShared(v) || (ArrayBuffer.isView(v) && isShared(v.buffer))));
  ser._writeHostObject = (p) => {
    if (isTransferableSignal(p)) {
      if (!signals.includes(p)) throw missingTransferable();
      ser.writeUint32(kHostAbortSignal);
      if (p.aborted) {
        ser.writeUint32(1);
        ser.writeValue(packReason(p.reason));
        return;
      }
      // its channel's port goes after the message's own and the streams'
      let at = ports.length + signalPorts.length;
      for (const e of streams) at += e.kind === 'TransformStream' ? 2 : 1;
      ser.writeUint32(0);
      ser.writeUint32(at);
      signalPorts.push(sendSignal(p));
      return;
    }
    if (isCloneable(p)) {
      const info = p[clone.kCloneable]();
      ser.writeUint32(kHostCloneable);
      ser.writeValue({ module: info.module, kind: info.kind, data: info.data });
      return;
    }
    if (isWasmMemory(p)) {
      // a shared memory: the same linear memory where it arrives (any other cannot be cloned)
      const n = p[kWasmMemoryShare]();
      if (n === 0) throw dataCloneError('#<Memory> could not be cloned.');
      ser.writeUint32(kHostWasmMemory);
      ser.writeUint32(n);
    } else if (isWasmModule(p)) {
      // compiled again where it arrives (node shares the compiled code)
      const bytes = new Uint8Array(p[kWasmBytes]());
      ser.writeUint32(kHostWasmModule);
      ser.writeUint32(bytes.length);
      ser.writeRawBytes(bytes);
    } else if (isFileHandle(p)) {
      if (!handles.includes(p)) throw missingTransferable();
      ser.writeUint32(kHostFileHandle);
      ser.writeUint32(p[messaging().transfer](false).data.handle);
    } else if (webStreamKind(p) !== null) {
      const entry = streams.find((e) => e.stream === p);
      if (entry === undefined) throw missingTransferable();
      ser.writeUint32(kHostStream);
      ser.writeUint32(ports.length + entry.at);
      ser.writeUint32(streamKinds.indexOf(entry.kind));
    } else if (p instanceof MessagePort) {
      const i = ports.indexOf(p);
      if (i < 0) throw missingTransferable();
      ser.writeUint32(kHostPort);
      ser.writeUint32(i);
    } else if (isBlob(p)) {
      // The bytes are copied (node shares a blob's data between threads; nothing can tell).
      const type = Buffer.from(p.type, 'latin1');
      const bytes = bufferInternal.blobBytes(p);
      ser.writeUint32(kHostBlob);
      ser.writeUint32(type.length);
      ser.writeRawBytes(type);
      ser.writeUint32(bytes.length);
      ser.writeRawBytes(bytes);
    } else if (ArrayBuffer.isView(p)) {
      ser.writeUint32(kHostSharedView);
      ser.writeUint32(sharedIndex(p.buffer));
      const name = p instanceof DataView ? 'DataView' : Object.getOwnPropertyDescriptor(
        Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get.call(p);
      ser.writeUint32(viewNames.indexOf(name));
      ser.writeUint32(p.byteOffset);
      ser.writeUint32(p instanceof DataView ? p.byteLength : p.length);
    } else {
      ser.writeUint32(kHostShared);
      ser.writeUint32(sharedIndex(p));
    }
  };
  ser.writeHeader();
  ser.writeValue(value);
  const data = ser.releaseBuffer();
  for (const h of handles) h[messaging().transfer]();
  if (buffers.length === 0 && ports.length === 0 && shared.length === 0 && streams.length === 0 &&
      signalPorts.length === 0) return data;
  // each transferred web stream stays here, wired to one end of a channel of its own; the
  // other end goes with the message (after the ports the message lists)
  const streamPorts = [];
  for (const { stream, kind } of streams) {
    if (kind === 'TransformStream') streamPorts.push(sendStream(stream.readable), sendStream(stream.writable));
    else streamPorts.push(sendStream(stream));
  }
  return new Transfer(data, buffers, ports.concat(streamPorts, signalPorts).map((p) => p[kDetachPort]()), shared);
}

const noPorts = [];
// deserialize returns the value and sets lastPorts to the ports that came with it.
let lastPorts = noPorts;
function deserialize(data, buffers, goPorts) {
  lastPorts = noPorts;
  if (data === undefined) return undefined;
  if (data === binding.decoded) return buffers; // (a plain message's value, decoded by the binding)
  if (buffers === undefined) {
    const v = binding.fastDeserialize(data);
    if (v !== binding.fastMiss) return v;
    buffers = [];
    goPorts = [];
  }
  const der = new (v8().Deserializer)(new Uint8Array(data));
  for (let i = 0; i < buffers.length; i++) der.transferArrayBuffer(i, buffers[i]);
  const ports = goPorts.map((p) => new MessagePort(kCtl, p));
  const sharedAt = (i) => {
    const ab = buffers[i];
    if (ab === undefined) throw new Error('Unable to deserialize cloned data.');
    if (!isShared(ab)) {
      if (atomics === undefined) atomics = require('internal/atomics');
      Object.setPrototypeOf(ab, atomics.SharedArrayBuffer.prototype);
    }
    return ab;
  };
  let streamPorts;
  der._readHostObject = () => {
    const tag = der.readUint32();
    if (tag === kHostPort) return ports[der.readUint32()];
    if (tag === kHostCloneable) return clone.reviveCloneable(der.readValue());
    if (tag === kHostWasmModule) return new WebAssembly.Module(der.readRawBytes(der.readUint32()));
    if (tag === kHostWasmMemory) {
      const m = WebAssembly.Memory[kWasmMemoryAdopt](der.readUint32());
      if (m === undefined) throw new Error('Unable to deserialize cloned data.');
      return m;
    }
    if (tag === kHostFileHandle) return adoptFileHandle(der.readUint32());
    if (tag === kHostStream) {
      const at = der.readUint32();
      const kind = streamKinds[der.readUint32()];
      if (streamPorts === undefined) streamPorts = new Set();
      streamPorts.add(ports[at]);
      if (kind !== 'TransformStream') return receiveStream(ports[at], kind);
      streamPorts.add(ports[at + 1]);
      return clone.transformStreamOver(receiveStream(ports[at], 'ReadableStream'),
        receiveStream(ports[at + 1], 'WritableStream'));
    }
    if (tag === kHostAbortSignal) {
      if (der.readUint32() === 1) return AbortSignal.abort(unpackReason(der.readValue()));
      const at = der.readUint32();
      if (streamPorts === undefined) streamPorts = new Set();
      streamPorts.add(ports[at]);
      return receiveSignal(ports[at]);
    }
    if (tag === kHostBlob) {
      const type = Buffer.from(der.readRawBytes(der.readUint32())).toString('latin1');
      const bytes = Buffer.from(der.readRawBytes(der.readUint32()));
      return new (require('buffer').Blob)([bytes], { type });
    }
    const sab = sharedAt(der.readUint32());
    if (tag === kHostShared) return sab;
    const Ctor = globalThis[viewNames[der.readUint32()]];
    const off = der.readUint32();
    const len = der.readUint32();
    return new Ctor(sab, off, len);
  };
  der.readHeader();
  const value = der.readValue();
  // a stream's port belongs to the stream, not to the message's ports
  lastPorts = streamPorts === undefined ? ports : ports.filter((p) => !streamPorts.has(p));
  return value;
}

// A host object node clones as a JSTransferable crosses as the data its kCloneable method gives.
const kHostCloneable = 8;
function isCloneable(v) {
  return v !== null && typeof v === 'object' && typeof v[clone.kCloneable] === 'function';
}

// A WebAssembly.Module crosses as its bytes.
const kHostWasmModule = 6;
const kWasmBytes = Symbol.for('gojs.wasm.moduleBytes');
// A shared WebAssembly.Memory crosses as its number (modules/wasm's memimport.go).
const kHostWasmMemory = 9;
const kWasmMemoryShare = Symbol.for('gojs.wasm.memoryShare');
const kWasmMemoryAdopt = Symbol.for('gojs.wasm.memoryAdopt');
function isWasmMemory(v) {
  return v !== null && typeof v === 'object' && typeof v[kWasmMemoryShare] === 'function' &&
    Object.prototype.toString.call(v) === '[object WebAssembly.Memory]';
}
function isWasmModule(v) {
  return v !== null && typeof v === 'object' && typeof v[kWasmBytes] === 'function' &&
    Object.prototype.toString.call(v) === '[object WebAssembly.Module]';
}

// ---- transferred FileHandles ---------------------------------------------------------------------

// A FileHandle in a transfer list moves its descriptor (one process, so the number stays valid):
// the sender's handle closes to -1 once the message is serialized, the receiver gets a FileHandle
// over the descriptor. One with an operation in progress cannot move (DataCloneError).
const kHostFileHandle = 5;
const noHandles = [];
// (fs.promises' FileHandle has node's messaging methods, keyed by its internal symbols)
function messaging() { return require('internal/module_internals').messaging; }
function isFileHandle(v) {
  return v !== null && typeof v === 'object' && typeof v[messaging().transfer] === 'function';
}
// adoptFileHandle is the FileHandle a transferred descriptor arrives as
function adoptFileHandle(fd) {
  const { FileHandle } = require('internal/module_internals').get('fs/promises');
  const handle = new FileHandle(-1);
  handle[messaging().deserialize]({ handle: fd });
  return handle;
}
function splitFileHandles(list) {
  if (!list.some(isFileHandle)) return { handles: noHandles, rest: list };
  const handles = [];
  for (const v of list) {
    if (!isFileHandle(v)) continue;
    v[messaging().transfer](false);
    if (!handles.includes(v)) handles.push(v);
  }
  return { handles, rest: list.filter((v) => !isFileHandle(v)) };
}

// ---- transferred AbortSignals --------------------------------------------------------------------

// A transferable AbortSignal (util.transferableAbortSignal) arrives as a signal of the receiver's:
// aborted already (with the reason cloned), or aborted when the original is, through a channel of
// its own whose ports are unref'd (waiting for an abort keeps no thread alive), as node's.
const kHostAbortSignal = 7;
const kTransferableSignal = Symbol.for('gojs.transferableAbortSignal');
const noSignals = [];
function isTransferableSignal(v) {
  return v !== null && typeof v === 'object' && v[kTransferableSignal] === true;
}
function sendSignal(signal) {
  const { port1: port, port2: remote } = new MessageChannel();
  port.unref();
  signal.addEventListener('abort', () => {
    try {
      port.postMessage(packReason(signal.reason));
    } catch (err) {
      port.postMessage(packReason(err));
    }
    port.close();
  }, { once: true });
  return remote;
}
function receiveSignal(port) {
  const ac = new AbortController();
  port.on('message', (m) => {
    ac.abort(unpackReason(m));
    port.close();
  });
  port.unref();
  return ac.signal;
}

// ---- transferred web streams ---------------------------------------------------------------------

// A transferred ReadableStream or WritableStream stays on the sending side, read (or written)
// there on the receiver's behalf through a MessageChannel of its own, as node's cross-realm
// streams do: the receiver asks ({ t: 'pull' }, or sends { t: 'chunk' } / 'close' / 'abort'),
// the sender answers with a cloned chunk, 'close', 'ack' or 'error'. A port is ref'd only while
// its side waits for an answer, so an idle transferred stream does not keep a thread alive.
const kHostStream = 4;
const noStreams = [];
const streamKinds = ['ReadableStream', 'WritableStream', 'TransformStream'];
let webStreams;
function webStreamKind(v) {
  if (v === null || typeof v !== 'object') return null;
  const tag = v[Symbol.toStringTag];
  if (tag !== 'ReadableStream' && tag !== 'WritableStream' && tag !== 'TransformStream') return null;
  return clone.webStreamKind(v);
}

// splitStreams takes the web streams out of a sorted transfer list's ports: each gets the index
// of its port among those that follow the message's own (a TransformStream has two, its
// readable's and its writable's).
function splitStreams(list) {
  let streams = noStreams;
  const ports = [];
  let at = 0;
  for (const p of list) {
    const kind = webStreamKind(p);
    if (kind === null) {
      ports.push(p);
      continue;
    }
    clone.checkTransferableStream(p, kind);
    if (streams === noStreams) streams = [];
    streams.push({ stream: p, kind, at });
    at += kind === 'TransformStream' ? 2 : 1;
  }
  return { ports, streams };
}

// A DOMException (a DataCloneError, most often) crosses as its message and name: V8's
// serializer would make it a plain object.
function packReason(v) {
  if (typeof DOMException === 'function' && v instanceof DOMException) return { dom: true, message: v.message, name: v.name };
  return { value: v };
}
function unpackReason(msg) {
  return msg.dom === true ? new DOMException(msg.message, msg.name) : msg.value;
}

// postStreamMessage posts { t, ...reason }; when reason cannot be cloned it posts { t: fallback }
// with the DataCloneError instead, and returns that error.
function postStreamMessage(port, t, reason, fallback) {
  try {
    port.postMessage({ t, ...packReason(reason) });
    return undefined;
  } catch (err) {
    port.postMessage({ t: fallback, ...packReason(err) });
    return err;
  }
}

// keepPosts makes the port's messages keep the loop alive until dispatched (a port structuredClone
// has not attached yet, once it is).
const kKeepPosts = Symbol('kKeepPosts');
function keepPosts(port) {
  if (port[kCtl] === undefined) port[kKeepPosts] = true;
  else port[kCtl].keepPosts();
}

// sendStream locks a transferred stream and serves it on a new channel; it returns the channel's
// other end, the one that travels.
function sendStream(stream) {
  const { port1: port, port2: remote } = new MessageChannel();
  // (the two sides' messages are delivered however the ports are ref'd: a side waits for the
  // other's with nothing else keeping the loop alive, as node's stream ports, ref'd then, do)
  port[kCtl].keepPosts();
  const post = (t, value) => postStreamMessage(port, t, value, 'error');
  if (webStreamKind(stream) === 'ReadableStream') {
    const reader = stream.getReader();
    port.on('message', (msg) => {
      if (msg.t === 'pull') {
        reader.read().then(({ value, done }) => {
          if (done) {
            post('close');
            port.close();
            return;
          }
          // a chunk that cannot be cloned errors the receiver and cancels the source
          const err = post('chunk', value);
          if (err !== undefined) {
            reader.cancel(err).catch(portNoop);
            port.close();
          }
        }, (err) => {
          post('error', err);
          port.close();
        });
      } else if (msg.t === 'cancel') {
        reader.cancel(unpackReason(msg)).catch(portNoop);
        port.close();
      }
    });
  } else {
    // a chunk is written here as it comes; the receiver may send the next one once this
    // writable is ready for more ('pull'), and learns of its error ('error')
    const writer = stream.getWriter();
    let failed = false;
    const fail = (err) => {
      if (failed) return;
      failed = true;
      post('error', err);
      port.close();
    };
    port.on('message', (msg) => {
      if (msg.t === 'chunk') {
        writer.write(unpackReason(msg)).catch(fail);
        writer.ready.then(() => { if (!failed) post('pull'); }, portNoop);
      } else if (msg.t === 'close') {
        writer.close().then(() => {
          post('closed');
          port.close();
        }, fail);
      } else if (msg.t === 'abort') {
        writer.abort(unpackReason(msg)).catch(portNoop);
        port.close();
      }
    });
  }
  port.unref();
  return remote;
}

// receiveStream makes the stream a transferred one arrives as, over the port it came with. Its
// port is ref'd while it waits for the other side.
function receiveStream(port, kind) {
  if (webStreams === undefined) webStreams = require('stream/web');
  keepPosts(port);
  let waiting = null;
  const wait = () => new Promise((resolve, reject) => {
    waiting = { resolve, reject };
    port.ref();
  });
  const settle = () => {
    const w = waiting;
    waiting = null;
    port.unref();
    return w;
  };
  // request asks the other side and waits for its answer; last sends the reason a cancel or an
  // abort gives (a DataCloneError in its place if it cannot be cloned, thrown here too)
  const request = (t) => {
    const p = wait();
    port.postMessage({ t });
    return p;
  };
  const last = (t, reason) => {
    const err = postStreamMessage(port, t, reason, t);
    port.close();
    if (err !== undefined) throw err;
  };
  let controller;
  if (kind === 'ReadableStream') {
    port.on('message', (msg) => {
      const w = settle();
      if (msg.t === 'chunk') {
        controller.enqueue(msg.value);
      } else if (msg.t === 'close') {
        controller.close();
        port.close();
      } else if (msg.t === 'error') {
        controller.error(unpackReason(msg));
        port.close();
      }
      if (w !== null) w.resolve();
    });
    port.unref();
    return new webStreams.ReadableStream({
      start(c) { controller = c; },
      pull() { return request('pull'); },
      cancel(reason) { last('cancel', reason); },
    }, { highWaterMark: 0 });
  }
  // a write resolves once the chunk is posted; the next one waits for the other side's 'pull'
  let ready = true;
  port.on('message', (msg) => {
    const w = settle();
    if (msg.t === 'pull') {
      ready = true;
      if (w !== null) w.resolve();
    } else if (msg.t === 'closed') {
      if (w !== null) w.resolve();
      port.close();
    } else if (msg.t === 'error') {
      const err = unpackReason(msg);
      controller.error(err);
      if (w !== null) w.reject(err);
      port.close();
    }
  });
  port.unref();
  return new webStreams.WritableStream({
    start(c) { controller = c; },
    write(chunk) {
      const send = () => {
        ready = false;
        const err = postStreamMessage(port, 'chunk', chunk, 'abort');
        if (err !== undefined) {
          port.close();
          throw err;
        }
      };
      if (ready) return send();
      return wait().then(send);
    },
    close() { return request('close'); },
    abort(reason) { last('abort', reason); },
  });
}

// ---- MessagePort ---------------------------------------------------------------------------------

// MessagePort is a NodeEventTarget, as in node: on/once listeners get a message's data,
// addEventListener ones (and onmessage) a MessageEvent; the first 'message' listener refs and
// starts the port, removing the last one stops and unrefs it.
const io = require('internal/worker/io');
const { NodeEventTarget, MessageEvent, kCreateEvent, kHybridDispatch, kFirstListener, kLastListener } = io;
const { Event } = require('internal/event_target');
const kReceivingPorts = Symbol('kReceivingPorts');
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
// node's port keeps a listener for each of these (they never fire on an EventTarget)
function portNoop() {}

class MessagePortCloseEvent extends Event {
  constructor() { super('close'); }
}

// checkPort is the receiver check of node's native MessagePort methods: anything but a port
// made by this module is an illegal invocation.
// (method is the one called: the error's stack starts at its caller, as a native method's)
function checkPort(self, method) {
  if (self === null || typeof self !== 'object' || !Object.prototype.hasOwnProperty.call(self, kClosed)) {
    const err = new TypeError('Illegal invocation');
    Error.captureStackTrace(err, method);
    throw err;
  }
}

// portPost is MessagePort#postMessage after its argument count check: true once the message is
// on its way, undefined from a closed port, as node's. entry is the postMessage called (a bad
// transfer list's error stack starts at its caller, as a native method's).
function portPost(port, value, transferList, entry) {
  const list = clone.readTransferArg(transferList, entry);
  if ((list === undefined || list.length === 0) && !port[kClosed] && port[kCtl].postPlain(value)) {
    return port[kClosing] ? undefined : true;
  }
  const m = serialize(value, list, false, port, entry);
  if (port[kClosed]) {
    // nothing is sent, but the message is made as node's serializer makes it (a value that
    // cannot be cloned throws), then dropped: its ArrayBuffers end detached, the channels of
    // its ports closed
    if (m instanceof Transfer) {
      for (const ab of m.buffers) binding.detach(ab);
      binding.closePorts(m.ports);
    }
    return undefined;
  }
  if (m instanceof Transfer) {
    if (port[kCtl].post(m.data, m.buffers, m.ports, m.shared) === 'lost') {
      process.emitWarning('The target port was posted to itself, and the communication channel was lost');
    }
  } else {
    port[kCtl].post(m);
  }
  // (a port closing since close() was called drops it, after serializing it as node does)
  return port[kClosing] ? undefined : true;
}

function constructCallError(code, message) {
  const e = new TypeError(message);
  e.code = code;
  return e;
}

// MessagePort is a function over the class, so that calling it without new throws node's error
// rather than the engine's; only this module makes ports (rest parameters: its length is 0, as
// node's).
function MessagePort(...args) {
  if (new.target === undefined) throw constructCallError('ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called');
  return Reflect.construct(MessagePortImpl, args, new.target);
}

class MessagePortImpl extends NodeEventTarget {
  constructor(token, goPort) {
    if (token !== kCtl) throw constructCallError('ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called');
    super();
    this[kStarted] = false;
    this[kClosed] = false;
    this[kReceivingPorts] = undefined;
    if (goPort !== kPending) this[kAttach](goPort);
    this.on('newListener', portNoop);
    this.on('removeListener', portNoop);
  }

  // kAttach ties the port to its Go end (structuredClone makes a port first and attaches it once
  // the clone has succeeded).
  [kAttach](goPort) {
    this[kCtl] = binding.attach(goPort, (data, buffers, ports) => {
      // another thread may have grown a growable SharedArrayBuffer this thread holds
      if (atomics) atomics.sync();
      this[kOnMessage](data, buffers, ports);
    }, () => {
      if (this[kClosed] === 'detached') return;
      this[kClosed] = true;
      const ev = new MessagePortCloseEvent();
      this[kHybridDispatch](ev, 'close', ev);
    }, this);
    if (this[kKeepPosts] === true) this[kCtl].keepPosts();
  }

  [kFirstListener](type) {
    if (type !== 'message' || this[kCtl] === undefined) return;
    this[kCtl].ref();
    this.start();
  }

  [kLastListener](type) {
    if (type !== 'message' || this[kCtl] === undefined) return;
    if (this[kStarted]) {
      this[kStarted] = false;
      this[kCtl].stop();
    }
    this[kCtl].unref();
  }

  [kCreateEvent](value, type) {
    if (type !== 'message' && type !== 'messageerror') return super[kCreateEvent](value, type);
    return new MessageEvent(type, { data: value, ports: this[kReceivingPorts] || [] });
  }

  [kOnMessage](data, buffers, goPorts) {
    // A port that close() was called on drops the messages it has not yet taken, as node's
    // (whose closing handle wakes no more), but for those of the batch it was taking when its
    // own 'message' listener closed it (node's goes on through the batch).
    if (this[kClosing] && !this[kClosedInBatch]) return;
    const outer = dispatchingPort;
    dispatchingPort = this;
    try {
      this[kDispatch](data, buffers, goPorts);
    } finally {
      dispatchingPort = outer;
    }
  }

  [kDispatch](data, buffers, goPorts) {
    let value;
    let ports;
    try {
      value = deserialize(data, buffers, goPorts);
      ports = lastPorts;
    } catch (err) {
      this[kHybridDispatch](err, 'messageerror');
      return;
    }
    if (ports.length === 0) {
      this[kHybridDispatch](value, 'message');
      return;
    }
    this[kReceivingPorts] = ports;
    try {
      this[kHybridDispatch](value, 'message');
    } finally {
      this[kReceivingPorts] = undefined;
    }
  }

  // A rest parameter, not `arguments` (which costs goja an object per call); length 0 as in node.
  postMessage(...args) {
    checkPort(this, MessagePortImpl.prototype.postMessage);
    if (args.length === 0) {
      const err = new TypeError('Not enough arguments to MessagePort.postMessage');
      Error.captureStackTrace(err, MessagePortImpl.prototype.postMessage);
      err.code = 'ERR_MISSING_ARGS';
      throw err;
    }
    return portPost(this, args[0], args[1], MessagePortImpl.prototype.postMessage);
  }

  start() {
    checkPort(this, MessagePortImpl.prototype.start);
    if (this[kStarted] || this[kClosed]) return;
    this[kStarted] = true;
    this[kCtl].start();
  }

  close(cb) {
    checkPort(this, MessagePortImpl.prototype.close);
    if (typeof cb === 'function') this.once('close', cb);
    if (this[kClosed]) return;
    this[kClosing] = true;
    if (dispatchingPort === this) this[kClosedInBatch] = true;
    this[kCtl].close();
  }

  ref() { checkPort(this, MessagePortImpl.prototype.ref); this[kCtl].ref(); return this; }
  unref() { checkPort(this, MessagePortImpl.prototype.unref); this[kCtl].unref(); return this; }
  hasRef() { checkPort(this, MessagePortImpl.prototype.hasRef); return this[kCtl].hasRef(); }

  [inspectSymbol](depth, options, inspect) {
    if (!(this instanceof MessagePort) || this[kCtl] === undefined) return this;
    const shown = Object.create(MessagePort.prototype, {
      [inspectSymbol]: { __proto__: null, value: undefined },
    });
    if (this[kClosed]) shown.active = false;
    else Object.assign(shown, { active: true, refed: this[kCtl].hasRef() });
    // the object, as node's: inspect formats it at the caller's depth ([MessagePort [EventTarget]]
    // past it)
    return shown;
  }

  [kDetachPort]() {
    this[kClosed] = 'detached';
    return this[kCtl].detach();
  }
}
MessagePort.prototype = MessagePortImpl.prototype;
Object.defineProperty(MessagePortImpl.prototype, 'constructor', {
  __proto__: null, value: MessagePort, writable: true, enumerable: false, configurable: true,
});
Object.setPrototypeOf(MessagePort, NodeEventTarget);
// on<type> handlers: a function counts as one more listener, anything else as none.
function portEventHandler(proto, type) {
  const key = Symbol(`on${type}`);
  Object.defineProperty(proto, `on${type}`, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      const w = this[key];
      return w === undefined || w.handler === undefined ? null : w.handler;
    },
    set(value) {
      let w = this[key];
      if (w === undefined) {
        w = function eventHandler(ev) { if (typeof w.handler === 'function') return w.handler.call(this, ev); };
        w.attached = false;
        this[key] = w;
      }
      w.handler = value;
      if (typeof value === 'function' && !w.attached) {
        w.attached = true;
        this.addEventListener(type, w);
      } else if (typeof value !== 'function' && w.attached) {
        w.attached = false;
        this.removeEventListener(type, w);
      }
    },
  });
}
portEventHandler(MessagePort.prototype, 'message');
portEventHandler(MessagePort.prototype, 'messageerror');
enumerableInOrder(MessagePort.prototype, ['postMessage', 'start', 'ref', 'unref', 'hasRef', 'onmessage', 'onmessageerror', 'close']);

// enumerableInOrder makes the named properties of proto enumerable, in that order (each is taken
// out and put back), as node's interfaces show them to Object.keys and for-in.
function enumerableInOrder(proto, names) {
  for (const k of names) {
    const d = Object.getOwnPropertyDescriptor(proto, k);
    if (d === undefined) continue;
    delete proto[k];
    Object.defineProperty(proto, k, { __proto__: null, ...d, enumerable: true });
  }
}
io.setPortCheck((v) => v instanceof MessagePort);
clone.setPortHooks({
  isPort: (v) => v instanceof MessagePort,
  // close() detaches a port at once, as in node (its 'close' event comes later)
  isDetached: (p) => !!(p[kClosed] || p[kClosing]),
  prepare: () => new MessagePort(kCtl, kPending),
  commit: (from, to) => to[kAttach](from[kDetachPort]()),
});

// (a function: called without new it throws node's error)
function MessageChannel() {
  if (new.target === undefined) throw constructCallError('ERR_CONSTRUCT_CALL_REQUIRED', 'Cannot call constructor without `new`');
  const [a, b] = binding.newPortPair();
  this.port1 = new MessagePort(kCtl, a);
  this.port2 = new MessagePort(kCtl, b);
}

// ---- BroadcastChannel ------------------------------------------------------------------------------

// BroadcastChannel is a plain EventTarget, as in node, and keeps the loop alive until closed or
// unref'd.
const kName = Symbol('kName');
const { EventTarget: WebEventTarget, defineEventHandler } = require('internal/event_target');
// As node's isBroadcastChannel check: methods called on anything else throw ERR_INVALID_THIS.
function checkBroadcastChannel(self) {
  if (self === null || typeof self !== 'object' || typeof self[kName] !== 'string') {
    throw new codes.ERR_INVALID_THIS('BroadcastChannel');
  }
}

class BroadcastChannel extends WebEventTarget {
  constructor(name) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    super();
    this[kName] = `${name}`;
    this[kCtl] = binding.broadcast(this[kName], (data, shared) => {
      if (atomics) atomics.sync();
      let value;
      try {
        value = shared === undefined ? deserialize(data) : deserialize(data, shared, []);
      } catch (err) {
        this.dispatchEvent(new MessageEvent('messageerror', { data: err }));
        return;
      }
      this.dispatchEvent(new MessageEvent('message', { data: value }));
    });
  }

  [inspectSymbol](depth, options, inspect) {
    checkBroadcastChannel(this);
    if (depth < 0) return 'BroadcastChannel';
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `BroadcastChannel ${inspect({ name: this[kName], active: this[kCtl] !== null }, opts)}`;
  }

  get name() {
    checkBroadcastChannel(this);
    return this[kName];
  }
  postMessage(message) {
    checkBroadcastChannel(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    if (this[kCtl] === null) {
      if (typeof DOMException === 'function') throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
      throw dataCloneError('BroadcastChannel is closed.');
    }
    // A SharedArrayBuffer goes as shared memory, as with postMessage.
    const m = serialize(message, undefined, false);
    if (m instanceof Transfer) this[kCtl].post(m.data, m.shared);
    else this[kCtl].post(m);
  }
  close() {
    checkBroadcastChannel(this);
    if (this[kCtl] === null) return;
    this[kCtl].close();
    this[kCtl] = null;
  }
  ref() {
    checkBroadcastChannel(this);
    if (this[kCtl]) this[kCtl].ref();
    return this;
  }
  unref() {
    checkBroadcastChannel(this);
    if (this[kCtl]) this[kCtl].unref();
    return this;
  }
}
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');
enumerableInOrder(BroadcastChannel.prototype, ['name', 'close', 'postMessage', 'onmessage', 'onmessageerror']);

// ---- Worker --------------------------------------------------------------------------------------

const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');
const kPort = Symbol('kPort');
// (a Worker's own keys named as node's: kHandle, kPort, kParentSideStdio, kPublicPort, ...)
const kHandle = Symbol('kHandle');
const kParentSideStdio = Symbol('kParentSideStdio');

let environmentData = new Map();

// ---- worker stdio (parent side) ------------------------------------------------------------------

// worker.stdout and worker.stderr: what the worker writes arrives here; each read asks the worker
// for more, and the worker holds back its writes meanwhile, as node's worker stdio does.
let stdioClasses;
function workerStdio() {
  if (stdioClasses !== undefined) return stdioClasses;
  const { Readable, Writable } = require('stream');
  class ReadableWorkerStdio extends Readable {
    constructor(ctl, fd) {
      super();
      this[kCtl] = ctl;
      this[kName] = fd;
    }
    _read() {
      if (this[kCtl] !== null) this[kCtl].wantMore(this[kName]);
    }
  }
  class WritableWorkerStdio extends Writable {
    constructor(ctl) {
      super();
      this[kCtl] = ctl;
    }
    _writev(chunks, cb) {
      for (const { chunk } of chunks) this[kCtl].writeStdin(chunk);
      cb();
    }
    _final(cb) {
      this[kCtl].endStdin();
      cb();
    }
  }
  stdioClasses = { ReadableWorkerStdio, WritableWorkerStdio };
  return stdioClasses;
}

// pipeQuietly pipes a worker's output to this thread's stdout or stderr without the
// MaxListenersExceededWarning that many workers would otherwise cause.
function pipeQuietly(source, dest) {
  const sourceMax = source._maxListeners;
  const destMax = dest._maxListeners;
  source.setMaxListeners(Infinity);
  dest.setMaxListeners(Infinity);
  source.pipe(dest);
  source._maxListeners = sourceMax;
  dest._maxListeners = destMax;
}

// A worker's execArgv, checked as node's: its process-wide and V8 options (node 20's, from its
// own answers) and the options node does not know are refused; the others (those
// NODE_OPTIONS allows and the command line's -e, -p, --test...) are taken.
const kWorkerRefusedFlags = new Set([
  '--abort-on-uncaught-exception', '--debug-arraybuffer-allocations', '--disable-proto',
  '--disable-wasm-trap-handler', '--disallow-code-generation-from-strings', '--enable-etw-stack-walking',
  '--enable-fips', '--expose-gc', '--force-fips', '--huge-max-old-generation-size', '--icu-data-dir',
  '--interpreted-frames-native-stack', '--jitless', '--max-old-space-size', '--max-semi-space-size',
  '--no-debug-arraybuffer-allocations', '--no-disable-wasm-trap-handler', '--no-enable-fips',
  '--no-force-fips', '--no-node-snapshot', '--no-openssl-legacy-provider', '--no-openssl-shared-config',
  '--no-report-compact', '--no-report-on-fatalerror', '--no-trace-sigint', '--no-use-bundled-ca',
  '--no-use-openssl-ca', '--no-zero-fill-buffers', '--node-memory-debug', '--node-snapshot',
  '--openssl-config', '--openssl-legacy-provider', '--openssl-shared-config', '--perf-basic-prof',
  '--perf-basic-prof-only-functions', '--perf-prof', '--perf-prof-unwinding-info', '--report-compact',
  '--report-dir', '--report-directory', '--report-filename', '--report-on-fatalerror', '--secure-heap',
  '--secure-heap-min', '--snapshot-blob', '--stack-trace-limit', '--title', '--tls-cipher-list',
  '--trace-event-categories', '--trace-event-file-pattern', '--trace-events-enabled', '--trace-sigint',
  '--use-bundled-ca', '--use-largepages', '--use-openssl-ca', '--v8-pool-size', '--zero-fill-buffers',
  '--completion-bash', '--experimental-sea-config', '--help', '-h', '--prof', '--tls-max-v1', '--tls-min-v1',
  '--v8-options', '--version', '-v',
]);
// (and gojs's own: node:test's run() starts its files as workers with --test-child-port)
const kWorkerExtraFlags = new Set(['--test-child', '--test-child-port',
  '--build-snapshot', '--build-snapshot-config', '--check', '--cpu-prof', '--cpu-prof-dir',
  '--cpu-prof-interval', '--cpu-prof-name', '--env-file', '--env-file-if-exists', '--eval',
  '--experimental-network-inspection', '--experimental-test-coverage', '--experimental-test-module-mocks',
  '--interactive', '--print', '--test', '--test-concurrency', '--test-force-exit', '--test-name-pattern',
  '--test-timeout', '-c', '-e', '-i', '-p', '--expose-internals',
]);
// the options of a worker's that take a value as the next argument (any other argument that is
// no option ends the options, as a script name would)
const kWorkerValueFlags = new Set(['-r', '--require', '--import', '-C', '--conditions', '-e', '--eval', '-p', '--print',
  '--input-type', '--loader', '--experimental-loader', '--env-file', '--env-file-if-exists', '--test-reporter',
  '--test-reporter-destination', '--test-name-pattern', '--test-skip-pattern', '--test-shard', '--test-concurrency',
  '--test-timeout', '--watch-path', '--disable-warning', '--redirect-warnings', '--inspect-port', '--debug-port',
  '--dns-result-order', '--max-http-header-size', '--unhandled-rejections', '--diagnostic-dir', '--heapsnapshot-signal',
  '--heapsnapshot-near-heap-limit', '--cpu-prof-dir', '--cpu-prof-name', '--cpu-prof-interval', '--heap-prof-dir',
  '--heap-prof-name', '--heap-prof-interval', '--experimental-default-type', '--experimental-specifier-resolution',
  '--es-module-specifier-resolution', '--allow-fs-read', '--allow-fs-write', '--report-signal', '--experimental-policy',
  '--policy-integrity', '--inspect-publish-uid']);
function invalidExecArgv(list) {
  const invalid = [];
  for (let i = 0; i < list.length; i++) {
    const a = String(list[i]);
    if (a === '--' || a[0] !== '-' || a === '-') break; // (the options end)
    const eq = a.indexOf('=');
    let name = eq === -1 ? a : a.slice(0, eq);
    if (name.startsWith('--')) name = '--' + name.slice(2).replace(/_/g, '-');
    const base = name.startsWith('--no-') ? '--' + name.slice(5) : name;
    if (kWorkerRefusedFlags.has(name) || kWorkerRefusedFlags.has(base)) {
      invalid.push(a);
    } else if (!process.allowedNodeEnvironmentFlags.has(name) && !process.allowedNodeEnvironmentFlags.has(base) &&
               !kWorkerExtraFlags.has(name)) {
      invalid.push(a);
    } else if (name === '--unhandled-rejections') {
      const v = eq === -1 ? String(list[i + 1]) : a.slice(eq + 1);
      if (!['strict', 'warn', 'none', 'throw', 'warn-with-error-code'].includes(v)) {
        invalid.push('invalid value for --unhandled-rejections');
      }
    }
    if (eq === -1 && kWorkerValueFlags.has(name)) {
      const next = list[i + 1];
      if (next === undefined || String(next)[0] === '-') {
        invalid.push(`${a} requires an argument`);
        break; // (node's parser stops there)
      }
      i++; // (its value)
    }
  }
  return invalid;
}

const kOwnProcess = Symbol.for('gojs.worker.ownProcess');
// the Workers standing for processes, with the function that learns their signal
const killedWorkers = new WeakMap();
// a worker's default heap limits, node's on a 64-bit machine (the young generation's, and the old
// one's: the heap_size_limit v8.getHeapStatistics gives, 4144 MB, less the young generation)
const kDefaultYoungMb = 48;
const kDefaultOldMb = 4096;
function workerEventLoopUtilization() { return { idle: 0, active: 0, utilization: 0 }; }
Object.defineProperty(workerEventLoopUtilization, 'name', { __proto__: null, value: 'eventLoopUtilization' });
const kIsOnline = Symbol('kIsOnline');
const kPublicPort = Symbol('kPublicPort');
const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');
const kLoopStartTime = Symbol('kLoopStartTime');

// setWorkerPortRef refs or unrefs the worker's port (not once it is closed). As node's, the port
// is ref'ed by the worker's first 'message' listener and unref'ed when its last goes, and
// worker.ref() and worker.unref() ref and unref it too, whichever came last counting.
// (named as node's C++ class)
const WorkerHandle = class Worker {};

function setWorkerPortRef(worker, on) {
  const port = worker[kPort];
  if (!port || port[kClosed]) return;
  if (on) port.ref();
  else port.unref();
}

// serdesError gives an error a worker sent the shape node's error_serdes gives it: an object
// made from the prototype of the nearest built-in error constructor in its chain, holding as
// own properties every non-function data property of the error and its chain (name and
// message from the prototypes first, then its own: stack, message, code...), with an own
// Symbol.toStringTag 'Error' (so util.inspect shows "RangeError [Error]: ..." for all but a
// plain Error) and its cause made so too. Anything else comes as it is.
const serdesCtors = { __proto__: null, Error, TypeError, RangeError, URIError, SyntaxError, ReferenceError, EvalError };
function serdesProperties(object, target) {
  const all = { __proto__: null };
  if (object === null) return all;
  Object.assign(all, serdesProperties(Object.getPrototypeOf(object), target));
  for (const key of Object.getOwnPropertyNames(object)) {
    let d;
    try { d = Object.getOwnPropertyDescriptor(object, key); } catch { continue; }
    if (d.get && key !== '__proto__') {
      try { d.value = d.get.call(target); } catch { /* left without a value */ }
    }
    if ('value' in d && typeof d.value !== 'function') {
      delete d.get;
      delete d.set;
      all[key] = d;
    }
  }
  return all;
}
function serdesError(err) {
  if (err === null || typeof err !== 'object' || Object.prototype.toString.call(err) !== '[object Error]') return err;
  let ctor;
  for (let o = err; o !== null && ctor === undefined; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, 'constructor');
    if (d && typeof d.value === 'function' && serdesCtors[d.value.name] === d.value) ctor = d.value;
  }
  if (ctor === undefined) return err;
  const all = serdesProperties(err, err);
  // (name before message, as V8 lays out Error.prototype, which the chain's walk starts from)
  const props = { __proto__: null };
  if ('name' in all) props.name = all.name;
  Object.assign(props, all);
  Object.defineProperty(props, Symbol.toStringTag, { __proto__: null, value: { __proto__: null, value: 'Error', configurable: true }, enumerable: true });
  if ('cause' in props && 'value' in props.cause) props.cause.value = serdesError(props.cause.value);
  return Object.create(ctor.prototype, props);
}

// An error a worker sends that its Worker has no listener for: node emits it from its
// MessagePort's 'message' listener, so EventTarget's rethrow of it (in a tick) is what the fatal
// printer shows, and "Emitted 'error' event" lists that dispatch (node 20.20's frames).
const kUnhandledEnhance = Symbol.for('gojs.enhanceStackBeforeInspector');
// (the excerpt an error prints uncaught, kept where the program cannot see it)
function putArrow(err, arrow) { require('internal/errors').putArrowMessage(err, arrow); }
const workerEmitFrames = [
  '    at [kOnErrorMessage] (node:internal/worker:333:10)',
  '    at [kOnMessage] (node:internal/worker:344:37)',
  '    at MessagePort.<anonymous> (node:internal/worker:233:57)',
  '    at [nodejs.internal.kHybridDispatch] (node:internal/event_target:831:20)',
  '    at MessagePort.<anonymous> (node:internal/per_context/messageport:23:28)',
].join('\n');
// node makes a worker's custom error (out of memory) in its [kOnExit], called by the handle's
// onexit; unhandled, it is thrown by the emit there (node 20.20's frames).
const customErrorFrames = [
  '    at [kOnExit] (node:internal/worker:320:26)',
  '    at Worker.<computed>.onexit (node:internal/worker:230:20)',
];
function emitCustomError(worker, code, reason) {
  const err = new codes[code](reason);
  const limit = Error.stackTraceLimit;
  const frames = typeof limit === 'number' ? customErrorFrames.slice(0, Math.max(0, Math.floor(limit))) : [];
  const header = `${err.name} [${code}]: ${err.message}`;
  Object.defineProperty(err, 'stack', {
    __proto__: null, value: frames.length ? `${header}\n${frames.join('\n')}` : header,
    writable: true, configurable: true,
  });
  if (worker.listenerCount('error') > 0) {
    worker.emit('error', err);
    return;
  }
  try {
    worker.emit('error', err);
  } catch (e) {
    if (e === err) {
      let name = 'Worker';
      try { name = worker.constructor.name; } catch { /* keep Worker */ }
      Object.defineProperty(err, kUnhandledEnhance, {
        __proto__: null,
        value: () => `${err.stack}\nEmitted 'error' event on ${name} instance at:\n` +
          '    at [kOnExit] (node:internal/worker:320:12)\n    at Worker.<computed>.onexit (node:internal/worker:230:20)',
        configurable: true,
      });
    }
    throw e;
  }
}

function unhandledWorkerError(worker, err) {
  let name = 'Worker';
  try { name = worker.constructor.name; } catch { /* keep Worker */ }
  try {
    Object.defineProperty(err, kUnhandledEnhance, {
      __proto__: null,
      value: () => `${err.stack}\nEmitted 'error' event on ${name} instance at:\n${workerEmitFrames}`,
      configurable: true,
    });
    putArrow(err, 'node:internal/event_target:1105\n  process.nextTick(() => { throw err; });\n                           ^\n');
  } catch { /* a frozen error stays as it is */ }
}

class Worker extends EventEmitter {
  // (gojs's own state, not among the keys node's Worker has; node keeps threadId and
  // resourceLimits behind its handle). stoppedEarly: terminate() came before the worker was seen
  // online: as node's, which stops such a worker before its code runs, no 'online' or 'error'
  // follows and the exit code is 0
  #limits; #threadId; #exited = false; #exitWaiters = []; #stoppedEarly = false;
  constructor(filename, options = {}) {
    super();
    // (as node's, which reads the options' properties as they are: null throws its TypeError)
    if (options === null) throw new TypeError("Cannot read properties of null (reading 'execArgv')");
    if (typeof options !== 'object' && typeof options !== 'function') options = {};
    // (node:test's run() makes its files' workers stand for processes: a function under this key
    // learns the signal a file's worker ended by)
    const ownProcess = options[kOwnProcess];
    // Checked in node's order: execArgv's and argv's types, the filename (eval first), env, name;
    // the execArgv flags themselves last, when the thread is made.
    if (options.execArgv && !Array.isArray(options.execArgv)) {
      throw new ERR_INVALID_ARG_TYPE('options.execArgv', 'Array', options.execArgv);
    }
    // (as node's: a falsy argv or execArgv is none)
    if (options.argv && !Array.isArray(options.argv)) {
      throw new ERR_INVALID_ARG_TYPE('options.argv', 'Array', options.argv);
    }
    let isEval = !!options.eval;
    if (isEval) {
      if (typeof filename !== 'string') {
        throw new ERR_INVALID_ARG_VALUE('options.eval', options.eval, 'must be false when \'filename\' is not a string');
      }
    } else if (filename instanceof URL && filename.protocol === 'data:') {
      // A data: URL is an ES module the worker imports (node evaluates `import "data:..."`).
      filename = `import(${JSON.stringify(filename.href)})`;
      isEval = true;
    } else if (filename instanceof URL) {
      filename = require('url').fileURLToPath(filename);
    } else if (typeof filename !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
    } else {
      if (!path.isAbsolute(filename) && !/^\.\.?[\\/]/.test(filename)) throw new ERR_WORKER_PATH(filename);
      filename = path.resolve(filename);
    }
    let env;
    if (options.env === SHARE_ENV || options.env === undefined || options.env === null) {
      env = Object.assign({}, process.env);
    } else if (typeof options.env === 'object') {
      env = {};
      for (const k of Object.keys(options.env)) env[k] = `${options.env[k]}`;
    } else {
      throw new ERR_INVALID_ARG_TYPE('options.env', ['Object', 'undefined', 'null', 'worker_threads.SHARE_ENV'], options.env);
    }
    if (options.name) validateString(options.name, 'options.name');
    if (options.execArgv) {
      const invalid = invalidExecArgv(options.execArgv);
      if (invalid.length) throw new ERR_WORKER_INVALID_EXEC_ARGV(invalid);
    }
    const limits = options.resourceLimits || {};
    // node spreads options.transferList through an array iterator: array-likes count, the rest is none
    // the worker starts with a copy of this thread's environment data (setEnvironmentData), sent
    // with its workerData
    const threadId = binding.newThreadId();
    const wm = serialize([options.workerData, environmentData.size === 0 ? undefined : environmentData], options.transferList ? Array.from(Array.prototype.values.call(options.transferList)) : undefined);
    const data = wm instanceof Transfer ? wm.data : wm;
    const buffers = wm instanceof Transfer ? wm.buffers : [];
    const ports = wm instanceof Transfer ? wm.ports : [];
    const shared = wm instanceof Transfer ? wm.shared : [];
    const [mine, theirs] = binding.newPortPair();
    // the thread's handle, node's async resource of type WORKER, made before the worker's port
    // (its methods come with the thread)
    const handle = new WorkerHandle();
    const asyncId = binding.workerResource(handle);
    this[kHandle] = null; // (the thread's, below: first among the keys, as node's)
    this[kPort] = new MessagePort(kCtl, mine);
    this[kPort].on('message', (v) => this.emit('message', v));
    this[kPort].on('messageerror', (e) => this.emit('messageerror', e));
    this[kPort].unref();
    this[kPort].start();
    // As node's: the worker's port is referenced (and listed among the active handles, as a
    // MessagePort) from the worker's first 'message' listener until its last is removed
    this[kParentSideStdio] = null;
    this[kPublicPort] = this[kPort]; // (node's public port is a second one: gojs's is the same)
    this[kNewListener] = (name) => { if (name === 'message' && this.listenerCount('message') === 0) setWorkerPortRef(this, true); };
    this[kRemoveListener] = (name) => { if (name === 'message' && this.listenerCount('message') === 0) setWorkerPortRef(this, false); };
    this.on('newListener', this[kNewListener]);
    this.on('removeListener', this[kRemoveListener]);
    this[kLoopStartTime] = -1;
    this[kIsOnline] = false;
    // As node's: a limit not given reads -1 until the thread starts with its default (the
    // stack's is known at once)
    const limit = (v) => (typeof v === 'number' ? v : -1);
    this.#limits = {
      maxYoungGenerationSizeMb: limit(limits.maxYoungGenerationSizeMb),
      maxOldGenerationSizeMb: typeof limits.maxOldGenerationSizeMb === 'number' ? Math.max(limits.maxOldGenerationSizeMb, 2) : -1,
      codeRangeSizeMb: limit(limits.codeRangeSizeMb),
      stackSizeMb: limits.stackSizeMb > 0 ? limits.stackSizeMb : 4,
    };
    // (node's is bound to the worker)
    this.performance = { eventLoopUtilization: workerEventLoopUtilization.bind(this) };
    this[kHandle] = binding.spawn({
      filename, eval: isEval, stdin: !!options.stdin, argv: (options.argv || []).map(String),
      // (without the option, the parent's: its --require and --import modules load in the worker too)
      execArgv: options.execArgv || process.execArgv,
      env, shareEnv: options.env === SHARE_ENV, port: theirs, data, buffers, ports, shared, handle, asyncId, threadId,
      maxOldGenerationSizeMb: this.#limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb,
      codeRangeSizeMb: limits.codeRangeSizeMb, stackSizeMb: limits.stackSizeMb,
      ownProcess: typeof ownProcess === 'function',
    }, (kind, arg, custom) => this._onEvent(kind, arg, custom));
    if (typeof ownProcess === 'function') killedWorkers.set(this, ownProcess);
    this.#threadId = this[kHandle].threadId;
    const { ReadableWorkerStdio, WritableWorkerStdio } = workerStdio();
    const stdout = new ReadableWorkerStdio(this[kHandle], 1);
    const stderr = new ReadableWorkerStdio(this[kHandle], 2);
    this[kParentSideStdio] = { stdin: options.stdin ? new WritableWorkerStdio(this[kHandle]) : null, stdout, stderr };
    if (!options.stdout) pipeQuietly(stdout, process.stdout);
    if (!options.stderr) pipeQuietly(stderr, process.stderr);
    require('internal/dc_builtin').publish('workerThreads', { worker: this });
    // process's 'worker' event, on the next tick as node's
    process.nextTick(() => process.emit('worker', this));
  }

  _onEvent(kind, arg, custom) {
    switch (kind) {
      case 'online': {
        this[kIsOnline] = true;
        const l = this.#limits;
        if (l.maxYoungGenerationSizeMb <= 0) l.maxYoungGenerationSizeMb = kDefaultYoungMb;
        if (l.maxOldGenerationSizeMb <= 0) l.maxOldGenerationSizeMb = kDefaultOldMb;
        if (l.codeRangeSizeMb < 0) l.codeRangeSizeMb = 0;
        if (this.#stoppedEarly) break;
        this.emit('online');
        break;
      }
      case 'error': {
        if (this.#stoppedEarly) break;
        let err;
        if (arg === null) {
          err = new ERR_WORKER_UNSERIALIZABLE_ERROR();
        } else {
          try {
            const d = v8().deserialize(new Uint8Array(arg));
            err = d.error;
            if (d.props && err !== null && typeof err === 'object') Object.assign(err, d.props);
            err = serdesError(err);
          } catch { err = new ERR_WORKER_UNSERIALIZABLE_ERROR(); }
        }
        if (this.listenerCount('error') === 0 && err instanceof Error) {
          try {
            this.emit('error', err);
          } catch (e) {
            if (e === err) unhandledWorkerError(this, err);
            throw e;
          }
          break;
        }
        this.emit('error', err);
        break;
      }
      case 'stdout':
      case 'stderr': {
        const readable = this[kParentSideStdio][kind];
        for (const ab of arg) readable.push(Buffer.from(ab));
        break;
      }
      case 'exit': {
        this.#exited = true;
        // out of the active handles by 'exit', as node's
        this[kPort].unref();
        this[kPort].close();
        this[kPort][kCtl].delist();
        for (const name of ['stdout', 'stderr']) {
          const readable = this[kParentSideStdio][name];
          readable[kCtl] = null;
          if (!readable.readableEnded) readable.push(null);
        }
        if (this.#stoppedEarly) arg = 0;
        // (a worker standing for a process, ended by a signal: its owner learns which first)
        else if (custom !== undefined && custom[0] === 'signal') killedWorkers.get(this)?.(custom[1]);
        // a worker that ended by a limit (node's customErr): its error before 'exit'
        else if (custom !== undefined) emitCustomError(this, custom[0], custom[1]);
        this.emit('exit', arg);
        for (const fn of this.#exitWaiters) fn(arg);
        this.#exitWaiters = [];
        break;
      }
    }
  }

  postMessage(...args) {
    if (args.length === 0) throw new ERR_MISSING_ARGS('message');
    if (this.#exited) return;
    portPost(this[kPort], args[0], args[1]);
  }

  terminate(callback) {
    // (ref'ed first, as node's: an unref'ed worker keeps the process alive until its 'exit')
    if (!this.#exited) this.ref();
    const p = new Promise((resolve) => {
      if (this.#exited) { resolve(undefined); return; }
      this.#exitWaiters.push(resolve);
      if (!this[kIsOnline]) this.#stoppedEarly = true;
      this[kHandle].terminate();
    });
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.',
        'DeprecationWarning', 'DEP0132');
      p.then((code) => callback(null, code));
    }
    return p;
  }

  ref() {
    this[kHandle].ref();
    setWorkerPortRef(this, true);
  }

  unref() {
    this[kHandle].unref();
    setWorkerPortRef(this, false);
  }

  get threadId() { return this.#exited ? -1 : this.#threadId; }
  get stdin() { return this[kParentSideStdio].stdin; }
  get stdout() { return this[kParentSideStdio].stdout; }
  get stderr() { return this[kParentSideStdio].stderr; }
  // a fresh object each time, {} once the worker has exited, as node's
  get resourceLimits() { return this.#exited ? {} : { ...this.#limits }; }

  getHeapSnapshot(options) {
    // (node validates its options synchronously, as getHeapSnapshotOptions does)
    if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    // a worker not (or no longer) running has no heap to take: node's rejects with
    // ERR_WORKER_NOT_RUNNING (its thread has made no environment before it starts)
    if (this.#exited || !this[kIsOnline]) return Promise.reject(new codes.ERR_WORKER_NOT_RUNNING());
    return Promise.reject(new Error('getHeapSnapshot is not supported'));
  }
}

// ---- this thread ---------------------------------------------------------------------------------

const isMainThread = binding.isMainThread;
let parentPort = null;
let workerData = null;
let resourceLimits = {};
if (!isMainThread && !binding.internalThread) {
  parentPort = new MessagePort(kCtl, binding.parentPort);
  const wd = binding.workerData;
  const start = deserialize(wd[0], wd[1], wd[2]);
  workerData = start[0];
  if (start[1] !== undefined) environmentData = start[1];
  const rl = binding.resourceLimits;
  resourceLimits = {
    maxYoungGenerationSizeMb: rl[0] > 0 ? rl[0] : kDefaultYoungMb,
    maxOldGenerationSizeMb: rl[1] > 0 ? Math.max(rl[1], 2) : kDefaultOldMb,
    codeRangeSizeMb: rl[2] || 0,
    stackSizeMb: rl[3] || 4,
  };
}

const { markAsUntransferable } = clone;

// postMessageToThread: the value goes to the 'workerMessage' listeners of process in the thread
// threadId (any thread of this process that has loaded worker_threads); the promise settles with
// that thread's outcome, as node's Atomics-based handshake reports it.
const kThreadDelivered = 0;
const kThreadFailed = 1;
const kThreadErrored = 2;
binding.threadInbox((data, buffers, ports, source) => {
  if (process.listenerCount('workerMessage') === 0) return kThreadFailed;
  try {
    process.emit('workerMessage', deserialize(data, buffers, ports), source);
  } catch {
    return kThreadErrored;
  }
  return kThreadDelivered;
});
async function postMessageToThread(threadId, value, transferList, timeout) {
  if (typeof transferList === 'number' && typeof timeout === 'undefined') {
    timeout = transferList;
    transferList = [];
  }
  if (typeof timeout !== 'undefined') validateNumber(timeout, 'timeout', 0);
  if (threadId === binding.threadId) throw new codes.ERR_WORKER_MESSAGING_SAME_THREAD();
  if (isMainThread && !binding.hasThread(threadId)) throw new codes.ERR_WORKER_MESSAGING_FAILED();
  const m = serialize(value, clone.readTransferArg(transferList), false, null);
  return new Promise((resolve, reject) => {
    let timer = null;
    let settled = false;
    const done = (status) => {
      if (settled) return;
      settled = true;
      if (timer !== null) clearTimeout(timer);
      if (status === kThreadDelivered) resolve();
      else if (status === kThreadErrored) reject(new codes.ERR_WORKER_MESSAGING_ERRORED());
      else reject(new codes.ERR_WORKER_MESSAGING_FAILED());
    };
    if (timeout !== undefined && timeout !== Infinity) {
      timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        reject(new codes.ERR_WORKER_MESSAGING_TIMEOUT());
      }, timeout);
    }
    if (m instanceof Transfer) binding.postToThread(threadId, m.data, m.buffers, m.ports, m.shared, done);
    else binding.postToThread(threadId, m, undefined, undefined, undefined, done);
  });
}
// There is one realm per runtime here, so a port is not moved: the checks are node's, in its order.
function moveMessagePortToContext(...args) {
  const [port, context] = args; // (node's is native: length 0)
  if (!(port instanceof MessagePort)) {
    const err = new TypeError('The "port" argument must be a MessagePort instance');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  if (port[kClosed] || port[kClosing]) {
    const err = new Error('Cannot send data on closed MessagePort');
    err.code = 'ERR_CLOSED_MESSAGE_PORT';
    throw err;
  }
  if (context === null || typeof context !== 'object' || !require('vm').isContext(context)) {
    const err = new TypeError('Invalid context argument');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  return port;
}
function receiveMessageOnPort(port) {
  if (port instanceof BroadcastChannel && port[kCtl] !== null) {
    // (node's BroadcastChannel has a port inside, until it is closed: its next message can be
    // taken the same way)
    const m = port[kCtl].receive();
    if (m === undefined) return undefined;
    return { message: m[1] === undefined ? deserialize(m[0]) : deserialize(m[0], m[1], []) };
  }
  if (!(port instanceof MessagePort)) {
    const err = new TypeError('The "port" argument must be a MessagePort instance');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  if (port[kClosed]) return undefined;
  const m = port[kCtl].receive();
  if (m === undefined) return undefined;
  return { message: deserialize(m[0], m[1], m[2]) };
}
function getEnvironmentData(key) { return environmentData.get(key); }
function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

module.exports = {
  isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  moveMessagePortToContext,
  receiveMessageOnPort,
  resourceLimits,
  postMessageToThread,
  threadId: binding.threadId,
  SHARE_ENV,
  Worker,
  parentPort,
  workerData,
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
// The message format with its transferred ports, for module.register()'s data and transferList,
// which cross to the hooks runtime (runtime/js/esm.js and hooks.js): no property node has.
Object.defineProperty(module.exports, Symbol.for('gojs.messageCodec'), { __proto__: null, value: { serialize, deserialize } });
// A worker standing for a process (node:test's run() files): its port to the parent, for
// node:test alone (the thread is otherwise a main thread).
if (binding.processPort) {
  Object.defineProperty(module.exports, Symbol.for('gojs.worker.processPort'), { __proto__: null, value: new MessagePort(kCtl, binding.processPort) });
}

