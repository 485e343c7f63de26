(function (binding, process, requireBuiltin, E) {
'use strict';
// The module customization hooks' own side (https://nodejs.org/api/module.html#customization-hooks),
// run in the hooks runtime (runtime/hooks.go), node's hooks thread: it imports the registered
// hooks modules, keeps their resolve and load hooks in two chains (the last registered runs
// first, the loader's own resolution and loading at the bottom) and answers the main runtime's
// requests. Compiled (under the loader's name) only in a hooks runtime.
// serve(request, reply) takes a V8-serialized request ({ op: 'register' | 'resolve' | 'load', ... })
// and calls reply once with the V8-serialized answer: { ok: true, value } or, for what a hook (or
// the chain's checks) threw, { ok: false, error, props } (the error's own enumerable properties,
// which the format does not keep), { ok: false, thrown } for a thrown primitive (or the inspection
// of what cannot be cloned) or { ok: false, symbol } for a thrown symbol (its description).

const v8 = requireBuiltin('v8');
const errors = requireBuiltin('internal/errors');
const describe = (v) => errors.determineSpecificType(v);

function nodeError(Base, code, message) {
  const err = new Base(message);
  Object.defineProperty(err, errors.kIsNodeError, { __proto__: null, value: true });
  err.code = code;
  return err;
}
function invalidReturnValue(input, name, value) {
  return nodeError(TypeError, 'ERR_INVALID_RETURN_VALUE',
    `Expected ${input} to be returned from the "${name}" function but got ${describe(value)}.`);
}
function invalidReturnProperty(input, name, prop, value) {
  return nodeError(TypeError, 'ERR_INVALID_RETURN_PROPERTY_VALUE',
    `Expected ${input} to be returned for the "${prop}" from the "${name}" hook but got ${describe(value)}.`);
}
function chainIncomplete(id) {
  return nodeError(Error, 'ERR_LOADER_CHAIN_INCOMPLETE',
    `"${id}" did not call the next hook in its chain and did not explicitly signal a short circuit. ` +
    'If this is intentional, include `shortCircuit: true` in the hook\'s return.');
}
function invalidArgType(name, expected, value) {
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" argument must be ${expected}. Received ${describe(value)}`);
}

// atHooks gives err node's frames for where its hooks thread raises it (frames: [name, place in
// node:internal/modules/esm/]), below them the message handler awaiting it; it returns err.
function atHooks(err, ...frames) {
  try {
    const stack = err.stack;
    const at = typeof stack === 'string' ? stack.indexOf('\n    at ') : -1;
    const head = at === -1 ? stack : stack.slice(0, at);
    frames.push(['async MessagePort.handleMessage', 'worker:196:18']);
    err.stack = head + frames.map(([name, place]) => `\n    at ${name} (node:internal/modules/esm/${place})`).join('');
  } catch {}
  return err;
}
const outputFrames = {
  resolve: [['validateOutput', 'hooks:296:15'], ['nextResolve', 'hooks:865:7'], ['async Hooks.resolve', 'hooks:306:24']],
  load: [['validateOutput', 'hooks:441:15'], ['nextLoad', 'hooks:865:7'], ['async Hooks.load', 'hooks:451:20']],
};

// The chains, bottom first: each entry { fn, url } (url: the hooks module as registered).
const chains = {
  resolve: [{ fn: E.hooksDefaultResolve, url: 'node:internal/modules/esm/resolve' }],
  load: [{ fn: E.hooksDefaultLoad, url: 'node:internal/modules/esm/load' }],
};

const isURL = (s) => typeof s === 'string' && URL.canParse(s);

function checkResolveArgs(id, specifier, context) {
  if (typeof specifier !== 'string') throw invalidArgType(`${id} specifier`, 'of type string', specifier);
  if (context && (typeof context !== 'object' || Array.isArray(context))) throw invalidArgType(`${id} context`, 'of type object', context);
}
function checkLoadArgs(id, url, context) {
  if (typeof url !== 'string') throw invalidArgType(`${id} url`, 'a URL string', url);
  if (!isURL(url)) {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument '${id} url' should be a URL string. Received ${requireBuiltin('util').inspect(url)}`);
  }
  if (context && (typeof context !== 'object' || Array.isArray(context))) throw invalidArgType(`${id} context`, 'of type object', context);
}

// runChain calls the top hook of chain (kind 'resolve' or 'load') with arg and context; each hook
// gets the next one down as its third argument. It resolves to the top hook's result, with meta
// telling which hook ran last, whether the chain reached its bottom and whether a hook signalled
// a short circuit.
function runChain(kind, arg, context, checkArgs) {
  const chain = chains[kind];
  const nextName = kind === 'resolve' ? 'nextResolve' : 'nextLoad';
  const meta = { context, id: '', finished: false, short: false };
  const tooFar = () => {
    throw nodeError(Error, 'ERR_INTERNAL_ASSERTION', `ESM custom loader '${kind}' advanced beyond the end of the chain.`);
  };
  const nextAt = (i) => {
    const entry = chain[i];
    const next = async (a = undefined, ctx) => {
      meta.id = `${entry.url} '${kind}'`;
      const outId = `${meta.id} hook's ${nextName}()`;
      checkArgs(outId, a, ctx);
      if (i === 0) meta.finished = true;
      if (ctx) Object.assign(meta.context, ctx);
      const hook = entry.fn;
      const out = await hook(a, meta.context, i > 0 ? nextAt(i - 1) : tooFar);
      if (out === null || typeof out !== 'object') {
        const err = invalidReturnValue('an object', outId, out);
        // (the top hook's: node's frames; a lower one's has the hooks above it among them)
        throw i === chain.length - 1 ? atHooks(err, ...outputFrames[kind]) : err;
      }
      if (out.shortCircuit === true) meta.short = true;
      return out;
    };
    Object.defineProperty(next, 'name', { value: nextName });
    return next;
  };
  return nextAt(chain.length - 1)(arg, context).then((out) => {
    if (out === null || typeof out !== 'object') throw invalidReturnValue('an object', meta.id, out);
    if (out.shortCircuit === true) meta.short = true;
    if (!meta.finished && !meta.short) throw atHooks(chainIncomplete(meta.id), kind === 'resolve' ? ['Hooks.resolve', 'hooks:314:13'] : ['Hooks.load', 'hooks:459:13']);
    return { out, id: meta.id };
  });
}

function conditions() {
  const c = ['node', 'import', 'module-sync', 'node-addons'];
  const user = binding.conditions;
  if (user !== undefined) for (let i = 0; i < user.length; i++) if (!c.includes(user[i])) c.push(user[i]);
  return c;
}

function resolve(specifier, parentURL, importAttributes) {
  const context = { conditions: conditions(), importAttributes, parentURL };
  return runChain('resolve', specifier, context, checkResolveArgs).then(({ out, id }) => {
    const { format, url } = out;
    const attrs = out.importAttributes;
    if (typeof url !== 'string' || !isURL(url)) throw atHooks(invalidReturnProperty('a URL string', id, 'url', url), ['Hooks.resolve', 'hooks:326:13']);
    if (attrs != null && typeof attrs !== 'object') throw invalidReturnProperty('an object', id, 'importAttributes', attrs);
    if (format != null && typeof format !== 'string') throw atHooks(invalidReturnProperty('a string', id, 'format', format), ['Hooks.resolve', 'hooks:372:13']);
    return { format, importAttributes: attrs, url };
  });
}

function load(url, format, importAttributes) {
  const context = { format, importAttributes };
  return runChain('load', url, context, checkLoadArgs).then(({ out, id }) => {
    const { format, source } = out;
    let responseURL = out.responseURL;
    if (responseURL === undefined) responseURL = url;
    let parsed;
    if (typeof responseURL === 'string') {
      try { parsed = new URL(responseURL); } catch {}
    }
    if (parsed === undefined || parsed.href !== responseURL) {
      throw atHooks(invalidReturnProperty('undefined or a fully resolved URL string', id, 'responseURL', responseURL), ['Hooks.load', 'hooks:478:13']);
    }
    if (format == null) {
      throw nodeError(RangeError, 'ERR_UNKNOWN_MODULE_FORMAT', `Unknown module format: ${format} for URL ${url}`);
    }
    if (typeof format !== 'string') throw atHooks(invalidReturnProperty('a string', id, 'format', format), ['Hooks.load', 'hooks:491:13']);
    if (source != null && typeof source !== 'string' && !(source instanceof ArrayBuffer) &&
        !(typeof SharedArrayBuffer === 'function' && source instanceof SharedArrayBuffer) && !ArrayBuffer.isView(source)) {
      throw atHooks(invalidReturnProperty('a string, an ArrayBuffer, or a TypedArray', id, 'source', source), ['Hooks.load', 'hooks:505:13']);
    }
    // (a view crosses as its bytes)
    let src = source;
    if (src != null && typeof src !== 'string' && !(src instanceof Uint8Array)) {
      src = ArrayBuffer.isView(src) ? new Uint8Array(src.buffer, src.byteOffset, src.byteLength) : new Uint8Array(src);
    }
    return { format, responseURL, source: src };
  });
}

// register imports the hooks module specifier (from parentURL), adds its hooks to the chains and
// waits for its initialize(data).
function register(specifier, parentURL, data, startup) {
  return E.importForHooks(specifier, parentURL, startup).then((ns) => {
    const { initialize, resolve: res, load: ld } = ns;
    if (res) chains.resolve.push({ fn: res, url: specifier });
    if (ld) chains.load.push({ fn: ld, url: specifier });
    // what this runtime imports from now on goes through them too
    if (res || ld) E.useLocalHooks({ resolve, load });
    if (initialize) return initialize(data);
    return undefined;
  }).then(() => undefined);
}

function encode(answer) {
  try {
    return v8.serialize(answer);
  } catch (e) {
    if (answer.ok === false && answer.all !== undefined) {
      // (node's thread then sends the error as V8 clones it)
      answer.all = undefined;
      answer.ctor = undefined;
      return encode(answer);
    }
    if (answer.ok === false) {
      if (answer.props !== undefined) {
        // props that cannot cross are left behind
        const props = {};
        for (const k of Object.keys(answer.props)) {
          try {
            v8.serialize(answer.props[k]);
            props[k] = answer.props[k];
          } catch {}
        }
        try { return v8.serialize({ ok: false, error: answer.error, props }); } catch {}
      }
      // as node's hooks thread: a symbol crosses as a symbol, and what cannot be cloned (a
      // function, an object holding one) as its inspection, a string
      const thrown = answer.error !== undefined ? answer.error : answer.thrown;
      if (typeof thrown === 'symbol') return v8.serialize({ ok: false, symbol: thrown.description });
      try { return v8.serialize({ ok: false, thrown: requireBuiltin('util').inspect(thrown) }); } catch {}
    }
    return v8.serialize(failure(e));
  }
}

function failure(e) {
  if (e === null || (typeof e !== 'object' && typeof e !== 'function')) return { ok: false, thrown: e };
  const props = {};
  let n = 0;
  for (const k of Object.keys(e)) {
    try { props[k] = e[k]; n++; } catch {}
  }
  const answer = { ok: false, error: e, props: n ? props : undefined };
  const ctor = errorClassName(e);
  if (ctor !== undefined) {
    try {
      // (name and message first, in V8's order of Error.prototype's own keys)
      const all = Object.assign({ __proto__: null, name: undefined, message: undefined }, allProperties(e, e));
      if (all.name === undefined) delete all.name;
      if (all.message === undefined) delete all.message;
      answer.all = all;
      answer.ctor = ctor;
    } catch {}
  }
  return answer;
}

// As node's hooks thread sends a thrown error (internal/error_serdes): an object whose
// Object.prototype.toString is '[object Error]' and that has one of the standard error classes'
// constructors on its chain crosses as that class's name and the descriptors of every data
// property of the object and its prototypes (a getter's value read on the object, functions left
// out, the nearest one winning; keys in the order met from the chain's top down). The main
// thread makes the error again from them (runtime/js/esm.js hooksThrown).
const errorClassNames = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];
function errorClassName(e) {
  try {
    if (Object.prototype.toString.call(e) !== '[object Error]') return undefined;
    for (let o = e; o !== null; o = Object.getPrototypeOf(o)) {
      const c = Object.getOwnPropertyDescriptor(o, 'constructor');
      if (c === undefined || !c.value) continue;
      const n = Object.getOwnPropertyDescriptor(c.value, 'name');
      if (n !== undefined && errorClassNames.includes(n.value)) return n.value;
    }
  } catch {}
  return undefined;
}
function allProperties(o, target) {
  const all = { __proto__: null };
  if (o === null) return all;
  Object.assign(all, allProperties(Object.getPrototypeOf(o), target));
  for (const k of Object.getOwnPropertyNames(o)) {
    let d;
    try { d = Object.getOwnPropertyDescriptor(o, k); } catch { continue; }
    if (d.get && k !== '__proto__') {
      try { d.value = d.get.call(target); } catch {}
    }
    if ('value' in d && typeof d.value !== 'function') {
      delete d.get;
      delete d.set;
      all[k] = d;
    }
  }
  return all;
}

function serve(buf, reply, msgData, msgBuffers, msgPorts) {
  new Promise((ok) => {
    const req = v8.deserialize(Buffer.from(buf));
    if (req.message) {
      // register()'s data came as a message with its transferList's ports
      const codec = requireBuiltin('worker_threads')[Symbol.for('gojs.messageCodec')];
      req.data = msgBuffers.length === 0 && msgPorts.length === 0 ? codec.deserialize(msgData) :
        codec.deserialize(msgData, msgBuffers, msgPorts);
    }
    switch (req.op) {
      case 'register': ok(register(req.specifier, req.parentURL, req.data, req.startup)); break;
      case 'resolve': ok(resolve(req.specifier, req.parentURL, req.importAttributes)); break;
      case 'load': ok(load(req.url, req.format, req.importAttributes)); break;
      default: throw new Error(`unknown hooks request ${req.op}`);
    }
  }).then((value) => reply(encode({ ok: true, value })), (e) => reply(encode(failure(e))));
}

return serve;
})
