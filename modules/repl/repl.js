'use strict';
const readline = require('readline');
const { inspect } = require('util');
const { codes: { ERR_INVALID_ARG_TYPE }, makeNodeError, kIsNodeError } = require('internal/errors');

const REPL_MODE_SLOPPY = Symbol('repl-sloppy');
const REPL_MODE_STRICT = Symbol('repl-strict');
const kHistorySearch = Symbol('kHistorySearch');

// Recoverable wraps a SyntaxError that more input may fix: an eval function passes one to its
// callback to ask for another line. A plain function whose prototype is a SyntaxError's, as
// node's: no stack of its own, and callable the ES5 way.
function Recoverable(err) {
  this.err = err;
}
Object.setPrototypeOf(Recoverable.prototype, SyntaxError.prototype);
Object.setPrototypeOf(Recoverable, SyntaxError);

// parseSyntax splits goja's "name: Line L:C message (and N more errors)".
function parseSyntax(msg) {
  const m = /^(?:[^:]*: )?Line (\d+):(\d+) (.*?)(?: \(and \d+ more errors?\))?$/.exec(msg);
  if (!m) return { line: 0, column: 0, message: msg.replace(/ at [^ ]+:\d+:\d+$/, '') };
  return { line: +m[1], column: +m[2], message: m[3] };
}

function isRecoverable(msg, src) {
  return /Unexpected end of input$/.test(parseSyntax(msg).message) ||
    /Unterminated template/.test(msg) || continuedString(msg, src);
}

// continuedString says whether src's syntax error is a string it leaves open with a backslash
// at the end of its last line ("bar\ then a line end): node's REPL waits for the string's next
// line then, as for any input it has not seen the end of.
function continuedString(msg, src) {
  const p = parseSyntax(msg);
  if (typeof src !== 'string' || p.line <= 0 || !/^Unexpected token ILLEGAL$/.test(p.message)) return false;
  const lines = src.split('\n');
  let i = p.column - 1;
  for (let l = 0; l < p.line - 1; l++) i += lines[l].length + 1;
  const quote = src[i];
  if (quote !== '"' && quote !== "'") return false;
  for (i++; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      if (i === src.length - 1 && src[i] === '\n') return true;
      if (src[i] === '\r' && src[i + 1] === '\n') i++;
      continue;
    }
    if (c === quote || c === '\n' || c === '\r') return false;
  }
  return false;
}

function makeSyntaxError(code, msg, strict = false) {
  const p = parseSyntax(msg);
  // in V8's words, with V8's carets under the token
  const v8 = binding.syntax(code, strict);
  let width = 1;
  if (v8) {
    p.message = v8.message;
    p.line = v8.line;
    p.column = v8.column;
    // (V8 marks the end of the input with no caret: the line under the excerpt stays empty)
    width = v8.message === 'Unexpected end of input' ? 0 : Math.max(v8.width, 1);
  }
  const e = new SyntaxError(p.message);
  if (p.line > 0) {
    const src = code.split('\n')[p.line - 1] || '';
    // (the pad keeps the line's tabs, as node's excerpt does, so the carets stay under the token)
    let carets = v8 && v8.carets;
    if (carets === undefined) {
      const pad = src.slice(0, Math.max(0, p.column - 1)).replace(/[^\t]/g, ' ').padEnd(Math.max(0, p.column - 1));
      carets = pad + '^'.repeat(width);
    }
    e.stack = `${src}\n${carets}\n\nSyntaxError: ${p.message}`;
  } else {
    e.stack = `SyntaxError: ${p.message}`;
  }
  markReplError(e, '_replSyntax');
  return e;
}

// markReplError flags an error the REPL made itself, out of sight (inspecting _error shows
// node's own properties only).
function markReplError(e, flag) {
  Object.defineProperty(e, flag, { __proto__: null, value: true, writable: true, configurable: true, enumerable: false });
}

// declaredNames lists the names a top-level var/let/const/function/class statement declares, so
// an awaited input can declare them globally before running as an async function.
function hoistDeclarations(code) {
  const names = [];
  const body = code.replace(/(^|[;\n]\s*)(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=/g, (all, pre, name) => {
    names.push(name);
    return `${pre}void (${name} =`;
  }).replace(/void \(([A-Za-z_$][\w$]*) =([^;\n]*)/g, (all, name, rest) => `void (${name} =${rest})`);
  return { names, body };
}

let counter = 0;

// addBuiltinLibs gives the REPL's global scope (target: globalThis, or the REPL's own context)
// `require` (resolving from the working directory) and the built-in modules as lazily loaded
// globals (`fs`, `path`, ...), as Node's REPL does.
function addBuiltinLibs(target) {
  // `module` is the REPL's own Module('<repl>') (its lookup paths from the working directory, as
  // node computes them for its internal 'repl' module), not the 'module' built-in
  if (!Object.prototype.hasOwnProperty.call(target, 'module')) {
    const Module = require('module');
    const replModule = new Module('<repl>');
    replModule.paths = Module._nodeModulePaths(require('path').resolve(process.cwd(), 'repl')).concat(Module.globalPaths);
    Object.defineProperty(target, 'module', { __proto__: null, configurable: true, writable: true, value: replModule });
  }
  if (!Object.prototype.hasOwnProperty.call(target, 'require')) {
    let req = require;
    try { req = require('module').createRequire(require('path').join(process.cwd(), '[repl]')); } catch { /* built-ins only */ }
    Object.defineProperty(target, 'require', { __proto__: null, configurable: true, writable: true, value: req });
  }
  for (const name of require('module').builtinModules) {
    if (name.includes('/') || name[0] === '_' || name in target) continue;
    Object.defineProperty(target, name, {
      __proto__: null,
      configurable: true,
      enumerable: false,
      get() {
        const value = require(name);
        Object.defineProperty(target, name, { __proto__: null, configurable: true, writable: true, enumerable: false, value });
        return value;
      },
      set(value) {
        Object.defineProperty(target, name, { __proto__: null, configurable: true, writable: true, enumerable: true, value });
      },
    });
  }
}

// lowerDynamicImport turns import(x) into a call of the loader's import from the working
// directory (scripts cannot use import() on goja), kept under a symbol on globalThis.
const kImport = Symbol.for('gojs.replImport');
function lowerDynamicImport(src, context) {
  if (!/(^|[^\w$.])import\s*\(/.test(src)) return src;
  if (!Object.prototype.hasOwnProperty.call(context, kImport)) {
    const fn = require('module')[Symbol.for('gojs.importFromCwd')];
    Object.defineProperty(context, kImport, { __proto__: null, value: (spec) => fn(String(spec)), configurable: true });
  }
  return src.replace(/(^|[^\w$.])import(\s*\()/g, (all, pre, paren) => `${pre}globalThis[Symbol.for('gojs.replImport')]${paren}`);
}

// staticImportError is Node's refusal of an import statement in the REPL, with the dynamic
// import that would do instead.
function staticImportError(src) {
  const m = /^\s*import\s+(?:(\*\s+as\s+[\w$]+)|([\w$]+)?\s*,?\s*(?:(\{[^}]*\})|\*\s+as\s+([\w$]+))?)\s*(?:from\s*)?(['"])([^'"]*)\5\s*;?\s*$/.exec(src);
  if (!m || /^\s*import\s*\(/.test(src)) return undefined;
  const [, star, def, named, defStar, , spec] = m;
  let lhs = '';
  if (star) lhs = `const ${star.replace(/^\*\s+as\s+/, '')} = `;
  else if (def || named) {
    const parts = [];
    if (def) parts.push(`default: ${def}`);
    if (defStar) parts.push(`default: ${defStar}`); // as Node 20 words it
    if (named) {
      for (const n of named.slice(1, -1).split(',').map((x) => x.trim()).filter(Boolean)) {
        parts.push(n.replace(/\s+as\s+/, ': '));
      }
    }
    lhs = `const { ${parts.join(', ')} } = `;
  }
  const line = src.replace(/\n$/, '').split('\n')[0];
  const e = new SyntaxError(`Cannot use import statement inside the Node.js REPL, alternatively use dynamic import: ${lhs}await import("${spec}");`);
  e.stack = `${line}\n${'^'.repeat(6)}\n\nUncaught:\nSyntaxError: ${e.message}`;
  markReplError(e, '_replSyntax');
  markReplError(e, '_replNoUncaught');
  return e;
}

// replDomains are the REPLs' domains. A listener for 'uncaughtException' that a REPL's input
// adds (while its domain is the active one) is refused, as node refuses it: the REPL's domain
// takes the input's uncaught exceptions, and a listener would take the whole program's.
const replDomains = new WeakSet();
const kStandalone = Symbol('kStandaloneREPL');
let listenersGuarded = false;
function guardUncaughtListeners() {
  if (listenersGuarded) return;
  listenersGuarded = true;
  process.prependListener('newListener', (event, listener) => {
    if (event === 'uncaughtException' && process.domain && listener.name !== 'domainUncaughtExceptionClear' &&
        replDomains.has(process.domain)) {
      throw makeNodeError(TypeError, 'ERR_INVALID_REPL_INPUT', 'Listeners for `uncaughtException` cannot be used in the REPL');
    }
  });
}

// outputColorize says whether a terminal REPL's output shows colors when useColors is not
// given: FORCE_COLOR decides (as the terminal's color depth does), else an output that is a TTY
// with more than 2 colors' depth (or that cannot tell its depth).
function outputColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) return require('tty').WriteStream.prototype.getColorDepth.call({}) > 2;
  return !!(stream && stream.isTTY) && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
}

// runIn runs src as a script of context: globalThis's own global scope, or (a REPL that does
// not use the global) the REPL's vm context, whose declarations stay its own as in node.
function runIn(context, src, file) {
  if (context === globalThis || !lazyVM().isContext(context)) return binding.run(src, file);
  return binding.runBreakable(() => lazyVM().runInContext(src, context, { filename: file, displayErrors: false }));
}
let vmModule;
function lazyVM() {
  if (vmModule === undefined) vmModule = require('vm');
  return vmModule;
}

// defaultEval compiles cmd as a global script; when that fails because of a top-level await, it
// runs the input as the body of an async function and calls back when it settles.
function makeDefaultEval(server) {
  return function defaultEval(code, context, file, cb) {
    // an empty line has no value to show (node calls back with no result)
    if (code === '\n') { cb(null); return; }
    let src = code;
    // a strict REPL runs each input as strict code, as node's does (its "void 0" keeps the
    // directive from being the value of an input that has none)
    const strict = server.replMode === REPL_MODE_STRICT && !/^\s*$/.test(code) ? "'use strict'; void 0;\n" : '';
    const imp = staticImportError(src);
    if (imp) { cb(imp); return; }
    src = lowerDynamicImport(src, context);
    // An input that awaits at its top level runs as node's REPL runs it (processTopLevelAwait:
    // an async arrow called at once, its declarations made before it); what the rewrite cannot
    // take goes the way below.
    let awaitReturns = false;
    if (src.includes('await')) {
      let wrapped = null;
      if (/^\s*{/.test(src) && !/;\s*$/.test(src)) wrapped = binding.awaitWrap(`(${src.trim()})\n`);
      if (wrapped === null) wrapped = binding.awaitWrap(src);
      awaitReturns = wrapped === false;
      if (wrapped === null && binding.check(src, strict !== '') !== null) {
        // as node's: an input whose error stays once its awaits are taken out is incomplete when
        // that error is (a line of a block that awaits)
        const fallback = src.replace(/\bawait\b/g, '');
        const ferr = binding.check(fallback, strict !== '');
        if (ferr !== null && isRecoverable(ferr, fallback)) {
          cb(new Recoverable(makeSyntaxError(fallback, ferr, strict !== '')));
          return;
        }
      }
      if (typeof wrapped === 'string' && binding.check(strict + wrapped, false) === null) {
        let p;
        try {
          p = runIn(context, strict + wrapped, file);
        } catch (e) {
          cb(thrown(e));
          return;
        }
        // (its value comes boxed: { value }, or undefined when the input ends in no expression)
        let settled = Promise.resolve(p);
        let onSigint;
        if (server.breakEvalOnSigint) {
          // as node's: Ctrl+C while it awaits gives up the wait (the input goes on unseen)
          settled = Promise.race([settled, new Promise((resolve, reject) => {
            onSigint = () => reject(interruptedError());
            server._sigintTasks.add(onSigint);
          })]);
        }
        settled.then((r) => {
          if (onSigint) server._sigintTasks.delete(onSigint);
          cb(null, r == null ? undefined : r.value);
        }, (e) => {
          if (onSigint) server._sigintTasks.delete(onSigint);
          cb(e);
        });
        return;
      }
    }
    // `{ a: 1 }` is an object literal in the REPL, not a block.
    if (/^\s*{/.test(src) && !/;\s*$/.test(src) && binding.check(`(${src})`) === null) {
      src = `(${src.replace(/\n$/, '')})\n`;
    }
    // (a strict REPL's input is strict code: with, octal literals and the like are syntax errors)
    const strictInput = strict !== '';
    const err = binding.check(src, strictInput);
    if (err !== null) {
      if (/\bawait\b/.test(src) && !awaitReturns) {
        const trimmed = src.replace(/[\s;]*$/, '');
        // Node's wrapper: the value comes back boxed (which puts columns where V8's are)
        let wrapped = `(async () => { return { value: (${trimmed}\n) } })()`;
        let boxed = true;
        let names = [];
        if (binding.check(wrapped) !== null) {
          const h = hoistDeclarations(trimmed);
          names = h.names;
          wrapped = `(async () => { ${h.body}\n })()`;
          boxed = false;
          // `x = await y; x * 2` gives the value of its last expression statement
          const semi = h.body.lastIndexOf(';');
          if (semi !== -1) {
            const tail = h.body.slice(semi + 1);
            const withReturn = `(async () => { ${h.body.slice(0, semi + 1)} return (${tail}\n) })()`;
            if (tail.trim() !== '' && binding.check(withReturn) === null) wrapped = withReturn;
          }
        }
        const werr = binding.check(wrapped);
        if (werr === null) {
          let p;
          try {
            if (names.length) runIn(context, `var ${names.join(', ')};`, file);
            p = runIn(context, strict + wrapped, file);
          } catch (e) {
            cb(thrown(e));
            return;
          }
          Promise.resolve(p).then((v) => cb(null, boxed ? v.value : v), (e) => cb(e)); // (node: a falsy rejection is no error)
          return;
        }
        if (isRecoverable(werr, wrapped)) {
          cb(new Recoverable(makeSyntaxError(src, werr)));
          return;
        }
      }
      if (isRecoverable(err, src)) cb(new Recoverable(makeSyntaxError(src, err, strictInput)));
      else cb(makeSyntaxError(src, err, strictInput));
      return;
    }
    let result;
    try {
      result = runIn(context, strict + src, file);
    } catch (e) {
      cb(thrown(e));
      return;
    }
    const re = /(?:^|[;\n{}])\s*(?:let|const|class)\s+([A-Za-z_$][\w$]*)/g;
    for (let m; (m = re.exec(src)) !== null;) server._lexicalNames.add(m[1]);
    cb(null, result);
  };
}

// interruptedError is node's ERR_SCRIPT_EXECUTION_INTERRUPTED for Ctrl+C during an awaited
// input, made with no frames (node lowers Error.stackTraceLimit to 0 for it).
function interruptedError() {
  const msg = 'Script execution was interrupted by `SIGINT`';
  const e = new Error(msg);
  e.code = 'ERR_SCRIPT_EXECUTION_INTERRUPTED';
  Object.defineProperty(e, 'stack', { __proto__: null, value: `Error [ERR_SCRIPT_EXECUTION_INTERRUPTED]: ${msg}`, writable: true, configurable: true, enumerable: false });
  return e;
}

// Thrown boxes a falsy value an input threw (`throw null`), which the eval callback's error
// argument cannot carry: node reports it (Uncaught null) as any other.
class Thrown {
  constructor(value) { this.value = value; }
}
function thrown(e) { return e ? e : new Thrown(e); }

// trimStack formats the stack of an error whose stack is still unread with the frames above the
// last one that has no function name (the REPL's top-level code, or the callback a timer or
// an immediate ran), or without the bottom frame when none has, as node's REPL does. The
// frames of the REPL's own machinery (node: files) do not count. Error.prepareStackTrace, if
// set, formats what is left.
function trimStack(e) {
  // (node's own errors make their stacks as they are made, before the REPL could trim them)
  if (!e || typeof e !== 'object' || e._replSyntax || e[kIsNodeError] === true) return;
  const user = Error.prepareStackTrace;
  Error.prepareStackTrace = function replStackTrace(error, frames) {
    let last = -1;
    for (let i = frames.length - 1; i >= 0; i--) {
      const file = frames[i].getFileName();
      if (frames[i].getFunctionName() === null && !(typeof file === 'string' && file.startsWith('node:'))) {
        last = i;
        break;
      }
    }
    const kept = frames.slice(0, last);
    if (typeof user === 'function') return user(error, kept);
    const head = Error.prototype.toString.call(error);
    return kept.length === 0 ? head : `${head}\n    at ${kept.join('\n    at ')}`;
  };
  try {
    void e.stack;
  } catch {
    // (a stack getter that throws keeps its error to itself)
  } finally {
    Error.prepareStackTrace = user;
  }
}


// ---- previews ---------------------------------------------------------------------------------
// A terminal REPL shows, after a key that ends its chunk of input, the completion it would take
// (` // rest`, gray with colors) and the value of the line (`// value` on the line below), as
// node's REPL does; Enter with a completion shown at the end of the line takes it. node gets the
// value from V8 with side effects refused; previewValue computes it for the inputs that cannot
// have any (literals, names, data properties, operators on primitives) and shows nothing else.

const kPreview = Symbol('kPreview');

// A token of a previewed line: [kind, text]; kind is 'num', 'str', 'name' or 'punct'.
const previewTokenRe = /\s*(?:(0[xX][\da-fA-F]+n?|0[oO][0-7]+n?|0[bB][01]+n?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?n?)|('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.|\$(?!\{))*`)|([A-Za-z_$][\w$]*)|(\?\?|\?\.(?!\d)|\*\*|===|!==|==|!=|<=|>=|>>>|<<|>>|&&|\|\||[-+*/%!~<>&|^.,:;(){}[\]]))/y;

function previewTokens(src) {
  const out = [];
  previewTokenRe.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    previewTokenRe.lastIndex = pos;
    const m = previewTokenRe.exec(src);
    if (m === null) return null;
    pos = previewTokenRe.lastIndex;
    if (m[1] !== undefined) out.push(['num', m[1]]);
    else if (m[2] !== undefined) out.push(['str', m[2]]);
    else if (m[3] !== undefined) out.push(['name', m[3]]);
    else out.push(['punct', m[4]]);
  }
  return out;
}

const previewBinary = {
  '??': 1, '||': 2, '&&': 3, '|': 4, '^': 5, '&': 6, '==': 7, '!=': 7, '===': 7, '!==': 7,
  '<': 8, '>': 8, '<=': 8, '>=': 8, '<<': 9, '>>': 9, '>>>': 9, '+': 10, '-': 10, '*': 11, '/': 11,
  '%': 11, '**': 12,
};
const previewKeywords = new Set(['true', 'false', 'null', 'typeof', 'void', 'this', 'new', 'delete',
  'function', 'class', 'await', 'yield', 'in', 'instanceof', 'import', 'super', 'let', 'const', 'var']);
const noPreview = Symbol('noPreview');

function isPrimitive(v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); }

// previewValue returns the value of src, or noPreview when it cannot be known without running
// code that may have side effects (or src is no such code). src is an expression, or with
// program, statements (expressions, blocks, labels), whose value is the last one's.
function previewValue(server, src, program, refErrors) {
  const toks = previewTokens(src);
  if (toks === null || toks.length === 0) return noPreview;
  let i = 0;
  const fail = () => { throw noPreview; };
  const peek = () => toks[i];
  const isP = (t, p) => t !== undefined && t[0] === 'punct' && t[1] === p;
  const lookupName = (name, forTypeof) => {
    const ctx = server.useGlobal ? globalThis : server.context;
    if (ctx === null || typeof ctx !== 'object' || require('util').types.isProxy(ctx)) fail();
    if (!server._lexicalNames.has(name)) {
      let found = false;
      let value;
      // (a context's own names, then the built-ins every context has)
      for (const start of ctx === globalThis ? [ctx] : [ctx, globalThis]) {
        for (let o = start; o !== null && !found; o = Object.getPrototypeOf(o)) {
          if (require('util').types.isProxy(o)) fail();
          const d = Object.getOwnPropertyDescriptor(o, name);
          if (d === undefined) continue;
          found = true;
          if ('value' in d) {
            value = d.value;
          } else if (nodeGlobals.includes(name) && typeof d.get === 'function' && d.get.name === name &&
              /\[native code\]/.test(Function.prototype.toString.call(d.get))) {
            // (a global the runtime makes at its first use, a data property in node)
            value = Reflect.get(o, name);
          } else {
            fail();
          }
        }
        if (found || start === ctx && ctx !== globalThis && name !== 'globalThis' && !builtinGlobalNames.has(name)) break;
      }
      if (!found) {
        if (forTypeof) return undefined;
        // (shown only in strict mode, for a line nothing completes: node's rule)
        if (refErrors) throw new PreviewError(new ReferenceError(`${name} is not defined`));
        fail();
      }
      // (the context's own global object for globalThis, which its code sees)
      if (name !== 'globalThis' || ctx === globalThis) return value;
    }
    // a let, const or class of the session's: read by running its name
    try {
      return runIn(ctx, name, 'REPL');
    } catch {
      fail();
    }
  };
  const getProp = (base, key) => {
    if (base === null || base === undefined) {
      // what V8 throws, which node's preview shows
      try { base[key]; } catch (e) { throw new PreviewError(e); }
    }
    if (typeof key !== 'string' && typeof key !== 'number') fail();
    // (the context's global object: its names, as a bare name reads them)
    if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key) && !isPrimitive(base) &&
        base === lookupName('globalThis', false)) {
      return lookupName(key, true);
    }
    if (typeof base === 'string' && (key === 'length' || /^\d+$/.test(String(key)))) return base[key];
    let o = isPrimitive(base) ? Object(base) : base;
    const t = require('util').types;
    for (; o !== null; o = Object.getPrototypeOf(o)) {
      if (t.isProxy(o) || t.isTypedArray(o) || t.isModuleNamespaceObject(o)) fail();
      const d = Object.getOwnPropertyDescriptor(o, key);
      if (d === undefined) continue;
      if (!('value' in d)) fail();
      return d.value;
    }
    return undefined;
  };
  const primary = () => {
    const t = toks[i++];
    if (t === undefined) fail();
    if (t[0] === 'num') return (0, eval)(t[1]);
    if (t[0] === 'str') return (0, eval)(t[1]);
    if (t[0] === 'name') {
      if (t[1] === 'true') return true;
      if (t[1] === 'false') return false;
      if (t[1] === 'null') return null;
      if (previewKeywords.has(t[1])) fail();
      return lookupName(t[1], false);
    }
    if (isP(t, '(')) {
      const v = expr(0);
      if (!isP(toks[i++], ')')) fail();
      return v;
    }
    if (isP(t, '{')) {
      const o = {};
      while (!isP(peek(), '}')) {
        const k = toks[i++];
        if (k === undefined || k[0] === 'punct') fail();
        const key = k[0] === 'name' ? k[1] : String((0, eval)(k[1]));
        if (key === '__proto__') fail();
        let v;
        if (isP(peek(), ':')) {
          i++;
          v = expr(0);
        } else if (k[0] === 'name' && !previewKeywords.has(key)) {
          v = lookupName(key, false);
        } else {
          fail();
        }
        Object.defineProperty(o, key, { __proto__: null, value: v, writable: true, enumerable: true, configurable: true });
        if (isP(peek(), ',')) i++;
        else if (!isP(peek(), '}')) fail();
      }
      i++;
      return o;
    }
    if (isP(t, '[')) {
      const list = [];
      while (!isP(peek(), ']')) {
        list.push(expr(0));
        if (isP(peek(), ',')) i++;
        else if (!isP(peek(), ']')) fail();
      }
      i++;
      return list;
    }
    fail();
  };
  const member = () => {
    let v = primary();
    let base;
    for (;;) {
      const t = peek();
      if (isP(t, '.') || isP(t, '?.')) {
        i++;
        const n = toks[i++];
        if (n === undefined || n[0] !== 'name') fail();
        if (t[1] === '?.' && (v === null || v === undefined)) return undefined;
        base = v;
        v = getProp(v, n[1]);
      } else if (isP(t, '[')) {
        i++;
        const k = expr(0);
        if (!isP(toks[i++], ']')) fail();
        if (typeof k !== 'string' && typeof k !== 'number') fail();
        base = v;
        v = getProp(v, typeof k === 'number' ? String(k) : k);
      } else if (isP(t, '(')) {
        i++;
        const args = [];
        while (!isP(peek(), ')')) {
          args.push(expr(0));
          if (isP(peek(), ',')) i++;
          else if (!isP(peek(), ')')) fail();
        }
        i++;
        v = previewCall(v, base, args, fail);
        base = undefined;
      } else {
        return v;
      }
    }
  };
  const unary = () => {
    const t = peek();
    if (t !== undefined && t[0] === 'name' && (t[1] === 'typeof' || t[1] === 'void')) {
      i++;
      const n = peek();
      let v;
      if (t[1] === 'typeof' && n !== undefined && n[0] === 'name' && !previewKeywords.has(n[1]) &&
          toks[i + 1] === undefined) {
        i++;
        v = lookupName(n[1], true);
      } else {
        v = unary();
      }
      return t[1] === 'typeof' ? typeof v : undefined;
    }
    if (t !== undefined && t[0] === 'punct' && ['!', '-', '+', '~'].includes(t[1])) {
      i++;
      const v = unary();
      if (t[1] === '!') return !v;
      if (!isPrimitive(v) || typeof v === 'symbol') fail();
      if (t[1] === '-') return -v;
      if (t[1] === '+') { if (typeof v === 'bigint') fail(); return +v; }
      return ~v;
    }
    return member();
  };
  const apply = (op, a, b) => {
    switch (op) {
      case '==': return a == b; // eslint-disable-line eqeqeq
      case '!=': return a != b; // eslint-disable-line eqeqeq
      case '===': return a === b;
      case '!==': return a !== b;
    }
    if (!isPrimitive(a) || !isPrimitive(b) || typeof a === 'symbol' || typeof b === 'symbol') fail();
    if ((typeof a === 'bigint') !== (typeof b === 'bigint') && !['<', '>', '<=', '>='].includes(op) &&
        !(op === '+' && (typeof a === 'string' || typeof b === 'string'))) {
      try { void (a - b); } catch (e) { throw new PreviewError(e); }
    }
    try {
      switch (op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        case '%': return a % b;
        case '**': return a ** b;
        case '<': return a < b;
        case '>': return a > b;
        case '<=': return a <= b;
        case '>=': return a >= b;
        case '<<': return a << b;
        case '>>': return a >> b;
        case '>>>': return a >>> b;
        case '&': return a & b;
        case '|': return a | b;
        case '^': return a ^ b;
      }
    } catch {
      fail();
    }
    fail();
  };
  const expr = (minPrec) => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (t === undefined || t[0] !== 'punct' || previewBinary[t[1]] === undefined) return left;
      const prec = previewBinary[t[1]];
      if (prec < minPrec) return left;
      i++;
      const op = t[1];
      // (the right side of ||, && and ?? is still read: a preview evaluates nothing lazily)
      const right = expr(op === '**' ? prec : prec + 1);
      if (op === '&&') left = left && right;
      else if (op === '||') left = left || right;
      else if (op === '??') left = left ?? right;
      else left = apply(op, left, right);
    }
  };
  // statement: the value it leaves (empty when it leaves none)
  const empty = {};
  const statement = () => {
    const t = peek();
    if (isP(t, ';')) { i++; return empty; }
    if (isP(t, '{')) {
      i++;
      let v = empty;
      while (!isP(peek(), '}')) {
        if (peek() === undefined) fail();
        const r = statement();
        if (r !== empty) v = r;
      }
      i++;
      return v;
    }
    if (t !== undefined && t[0] === 'name' && !previewKeywords.has(t[1]) && isP(toks[i + 1], ':')) {
      i += 2;
      return statement();
    }
    const v = expr(0);
    if (isP(peek(), ';')) i++;
    else if (peek() !== undefined && !isP(peek(), '}')) fail();
    return v;
  };
  try {
    if (program) {
      let v;
      while (i < toks.length) {
        const r = statement();
        if (r !== empty) v = r;
      }
      return v;
    }
    const v = expr(0);
    if (i !== toks.length) return noPreview;
    return v;
  } catch (e) {
    // an error the whole line would throw is shown as such (once the line is read to its end)
    if (e instanceof PreviewError) return e;
    return noPreview;
  }
}

// pureBuiltins are the built-in functions a preview calls, as V8 lets node's preview call them
// (they run no code of the program's for the arguments previewCall lets through): each with what
// it may be called on ('string', 'number', 'array', or 'any' for a function called plainly).
let pureBuiltins;
function pureBuiltinsMap() {
  if (pureBuiltins !== undefined) return pureBuiltins;
  pureBuiltins = new Map();
  const add = (obj, names, on) => { for (const n of names) pureBuiltins.set(obj[n], on); };
  add(Math, ['abs', 'ceil', 'floor', 'round', 'trunc', 'sign', 'sqrt', 'cbrt', 'max', 'min', 'pow', 'log',
    'log2', 'log10', 'exp', 'sin', 'cos', 'tan', 'atan', 'atan2', 'hypot'], 'any');
  add(Number.prototype, ['toString', 'toFixed', 'toPrecision', 'toExponential'], 'number');
  add(String.prototype, ['charAt', 'charCodeAt', 'codePointAt', 'indexOf', 'lastIndexOf', 'includes',
    'startsWith', 'endsWith', 'slice', 'substring', 'padStart', 'padEnd', 'trim', 'trimStart', 'trimEnd',
    'concat', 'repeat', 'at'], 'string');
  add(Array.prototype, ['includes', 'at', 'concat', 'indexOf', 'lastIndexOf', 'slice', 'join', 'toString', 'flat'], 'array');
  add(globalThis, ['parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent',
    'encodeURI', 'decodeURI', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt'], 'any');
  add(Number, ['isFinite', 'isNaN', 'isInteger', 'isSafeInteger', 'parseInt', 'parseFloat'], 'any');
  add(String, ['fromCharCode'], 'any');
  add(Object, ['keys', 'values', 'getOwnPropertyNames', 'is', 'hasOwn'], 'object');
  add(Object.prototype, ['hasOwnProperty'], 'this-object');
  add(Reflect, ['ownKeys'], 'object');
  add(Array, ['isArray'], 'object');
  add(JSON, ['parse'], 'any');
  return pureBuiltins;
}

// plainData reports whether reading v's own properties runs no code of the program's: a
// primitive, or an ordinary object or array (no proxy) whose own properties are data properties
// holding primitives or (to depth levels) such objects.
function plainData(v, depth = 2, fns = false) {
  if (isPrimitive(v)) return true;
  // (a function is only a value here: Object.keys and Object.values do not call it)
  if (typeof v === 'function') return fns && !require('util').types.isProxy(v);
  if (depth === 0 || require('util').types.isProxy(v)) return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return false;
  for (const k of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, k);
    if (!('value' in d)) return false;
    if (!plainData(d.value, depth - 1, fns)) return false;
  }
  return true;
}

// previewCall calls fn (read from base) with args when it is a built-in that cannot run code of
// the program's with them; what it throws is the preview.
function previewCall(fn, base, args, fail) {
  if (typeof fn !== 'function') fail();
  const on = pureBuiltinsMap().get(fn);
  if (on === undefined) fail();
  let self;
  if (on === 'string' || on === 'number') {
    if (typeof base !== on) fail();
    if (!args.every((a) => isPrimitive(a) && typeof a !== 'symbol')) fail();
    self = base;
  } else if (on === 'array') {
    // (join and toString make strings of the elements: primitives, or arrays of them)
    if (!Array.isArray(base) || !base.every((e) => (isPrimitive(e) && typeof e !== 'symbol') || (Array.isArray(e) && plainData(e, 1)))) fail();
    if (!plainData(base, 2)) fail();
    if (!args.every((a) => (isPrimitive(a) && typeof a !== 'symbol') || (Array.isArray(a) && plainData(a, 2)))) fail();
    self = base;
  } else if (on === 'this-object') {
    if (isPrimitive(base) || !plainData(base, 1) || !args.every((a) => isPrimitive(a) && typeof a !== 'symbol')) fail();
    self = base;
  } else if (on === 'object') {
    if (!args.every((a) => plainData(a, 2, true) && typeof a !== 'symbol')) fail();
  } else if (!args.every((a) => isPrimitive(a) && (typeof a !== 'symbol' || fn === String))) {
    fail();
  }
  try {
    return Reflect.apply(fn, self, args);
  } catch (e) {
    throw new PreviewError(e);
  }
}

// PreviewError is the error a previewed line throws (a property of null, BigInt mixed with a
// number): node's preview shows it as inspect does, its first line.
class PreviewError {
  constructor(error) { this.error = error; }
}

// builtinGlobalNames are the global names every context has (the language's built-ins).
const builtinGlobalNames = new Set(['Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array', 'BigUint64Array',
  'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'FinalizationRegistry', 'Float32Array',
  'Float64Array', 'Function', 'Infinity', 'Int16Array', 'Int32Array', 'Int8Array', 'Intl', 'JSON',
  'Map', 'Math', 'NaN', 'Number', 'Object', 'Promise', 'Proxy', 'RangeError', 'ReferenceError',
  'Reflect', 'RegExp', 'Set', 'SharedArrayBuffer', 'String', 'Symbol', 'SyntaxError', 'TypeError',
  'URIError', 'Uint16Array', 'Uint32Array', 'Uint8Array', 'Uint8ClampedArray', 'WeakMap', 'WeakRef',
  'WeakSet', 'Atomics', 'AggregateError', 'undefined', 'globalThis', 'decodeURI', 'decodeURIComponent',
  'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'eval', 'isFinite', 'isNaN', 'parseFloat',
  'parseInt']);

// previewText is how node's preview shows a value: a primitive as inspect shows it, anything
// else as the REPL's writer options would (no colors, depth 1, one line).
function previewText(server, v) {
  if (v === undefined) return 'undefined';
  if (isPrimitive(v) && typeof v !== 'symbol') return inspect(v, { colors: false, depth: 1, showHidden: false });
  const opts = Object.assign({}, server.writer && server.writer.options,
    { colors: false, depth: 1, compact: true, breakLength: Infinity });
  return inspect(v, opts);
}

function commonPrefixOf(list) {
  if (list.length === 0) return '';
  let p = list[0];
  for (const s of list) {
    let k = 0;
    while (k < p.length && k < s.length && p[k] === s[k]) k++;
    p = p.slice(0, k);
  }
  return p;
}

function setupPreview(server, active) {
  if (!active || process.env.TERM === 'dumb') return null;
  const out = server.output;
  let inputPreview = null;
  let completionPreview = null;
  let counter = 0;
  let escaped = null;
  let hasCompletions = false;
  const strict = () => server.replMode === REPL_MODE_STRICT ||
    process.execArgv.some((a) => a.toLowerCase().replace(/_/g, '-') === '--use-strict');
  const positions = () => {
    const displayPos = server._getDisplayPos(`${server.getPrompt()}${server.line}`);
    const cursorPos = server.line.length !== server.cursor ? server.getCursorPos() : displayPos;
    return { displayPos, cursorPos };
  };
  const atEnd = () => {
    const { displayPos, cursorPos } = positions();
    return displayPos.rows === cursorPos.rows && displayPos.cols === cursorPos.cols;
  };
  function completion(line, insert) {
    const n = ++counter;
    server.completer(line, (err, data) => {
      if (n !== counter || err || !data) return;
      const [found, on] = data;
      if (!found || found.length === 0) return;
      hasCompletions = true;
      const prefix = commonPrefixOf(found.filter(Boolean));
      if (prefix.length <= on.length) return;
      const rest = prefix.slice(on.length);
      if (insert) { server._insertString(rest); return; }
      completionPreview = rest;
      const { displayPos, cursorPos } = positions();
      if (server.line.length !== server.cursor) {
        readline.cursorTo(out, displayPos.cols);
        readline.moveCursor(out, 0, displayPos.rows - cursorPos.rows);
      }
      out.write(server.useColors ? `\u001b[90m${rest}\u001b[39m` : ` // ${rest}`);
      readline.cursorTo(out, cursorPos.cols);
      const after = server._getDisplayPos(`${server.getPrompt()}${server.line}${rest}`);
      readline.moveCursor(out, 0, -(after.rows - cursorPos.rows - (after.cols === 0 ? 1 : 0)));
    });
  }
  function clear(key) {
    if (inputPreview !== null) {
      const { displayPos, cursorPos } = positions();
      const rows = displayPos.rows - cursorPos.rows + 1;
      readline.moveCursor(out, 0, rows);
      readline.clearLine(out);
      readline.moveCursor(out, 0, -rows);
      inputPreview = null;
    }
    if (completionPreview !== null) {
      const move = server.line.length !== server.cursor;
      let pos;
      let rows;
      if (move) {
        pos = positions();
        readline.cursorTo(out, pos.displayPos.cols);
        rows = pos.displayPos.rows - pos.cursorPos.rows;
        readline.moveCursor(out, 0, rows);
      }
      const after = server._getDisplayPos(`${server.getPrompt()}${server.line}${completionPreview}`);
      if (after.rows === 0 || (pos && pos.displayPos.rows === after.rows)) readline.clearLine(out, 1);
      else readline.clearScreenDown(out);
      if (move) {
        readline.cursorTo(out, pos.cursorPos.cols);
        readline.moveCursor(out, 0, -rows);
      }
      if (!key.ctrl && !key.shift) {
        if (key.name === 'escape') {
          if (escaped === null && key.meta) escaped = server.line;
        } else if ((key.name === 'return' || key.name === 'enter') && !key.meta && escaped !== server.line && atEnd()) {
          server._insertString(completionPreview);
        }
      }
      completionPreview = null;
    }
    if (escaped !== server.line) escaped = null;
  }
  function show(withCompletion = true) {
    if (inputPreview !== null || !server.isCompletionEnabled) return;
    const line = server.line.trim();
    if (line === '') return;
    hasCompletions = false;
    if (withCompletion) completion(server.line, false);
    if (server._bufferedCommand) return;
    let src = line;
    if (completionPreview !== null && atEnd() && escaped !== server.line) src += completionPreview;
    // (as node's: a line that starts with a brace is first an object literal, unless it ends
    // with a semicolon; what that cannot make sense of is read as statements)
    let v = noPreview;
    const refErrors = !hasCompletions && strict();
    if (src[0] === '{' && src[src.length - 1] !== ';') v = previewValue(server, `(${src})`, false, refErrors);
    if (v === noPreview) v = previewValue(server, src, true, refErrors);
    if (v === noPreview) return;
    let text = v instanceof PreviewError ? inspect(v.error, { colors: false, depth: 1 }) : previewText(server, v);
    if (text === line) return;
    if (text === 'undefined' && (!server.useColors || server.ignoreUndefined)) return;
    inputPreview = text;
    // (at most 250 columns, as node's; by the width a terminal gives each character)
    const width = require('internal/util/inspect').getStringWidth;
    let max = Math.min(server.columns, 250);
    if (text.length * 2 >= max && width(text) > max) {
      max -= 4 + (server.useColors ? 0 : 3);
      let cut = '';
      for (const ch of text) {
        max -= width(ch);
        if (max < 0) break;
        cut += ch;
      }
      text = `${cut}...`;
    }
    const br = /[\r\n\v]/.exec(text);
    if (br !== null) text = text.slice(0, br.index);
    const { displayPos, cursorPos } = positions();
    const rows = displayPos.rows - cursorPos.rows;
    readline.moveCursor(out, 0, rows);
    out.write(`\n${server.useColors ? `\u001b[90m${text}\u001b[39m` : `// ${text}`}`);
    readline.cursorTo(out, cursorPos.cols);
    readline.moveCursor(out, 0, -rows - 1);
  }
  // a refresh redraws the line without the preview: it is shown again
  const refresh = server._refreshLine;
  server._refreshLine = function _refreshLine() {
    inputPreview = null;
    refresh.call(server);
    show();
  };
  // moving right past the end of the line takes the completion
  let takeOnMove = true;
  const moveCursor = server._moveCursor;
  server._moveCursor = function _moveCursor(dx) {
    const was = server.cursor;
    moveCursor.call(server, dx);
    if (was + dx > server.line.length && typeof server.completer === 'function' && takeOnMove) completion(server.line, true);
  };
  const clearLine = server.clearLine;
  server.clearLine = function clearLine_() {
    takeOnMove = false;
    try {
      clearLine.call(server);
    } finally {
      takeOnMove = true;
    }
  };
  return { show, clear };
}

function REPLServer(prompt, stream, eval_, useGlobal, ignoreUndefined, replMode) {
  if (!(this instanceof REPLServer)) {
    return new REPLServer(prompt, stream, eval_, useGlobal, ignoreUndefined, replMode);
  }
  let options;
  if (prompt !== null && typeof prompt === 'object') {
    options = Object.assign({}, prompt);
  } else {
    options = { prompt, stream, eval: eval_, useGlobal, ignoreUndefined, replMode };
  }
  if (options.stream) {
    options.input = options.input || options.stream;
    options.output = options.output || options.stream;
  }
  options.input = options.input || process.stdin;
  options.output = options.output || process.stdout;
  if (options.prompt === undefined) options.prompt = '> ';
  if (options.breakEvalOnSigint && options.eval) {
    throw makeNodeError(TypeError, 'ERR_INVALID_REPL_EVAL_CONFIG', 'Cannot specify both "breakEvalOnSigint" and "eval" for REPL');
  }
  const terminal = options.terminal === undefined ? !!options.output.isTTY : !!options.terminal;
  // (the public fields come in node's order: Object.keys and util.inspect list them so)
  this.allowBlockingCompletions = !!options.allowBlockingCompletions;
  // (a terminal's colors by default when its output can show them, as node 20 decides it)
  this.useColors = options.useColors === undefined ? terminal && outputColorize(options.output) : !!options.useColors;
  // Each input runs in the REPL's domain, as node's does, so that what its callbacks throw later
  // comes back here: Uncaught ..., then a new prompt, and the process goes on.
  this._domain = options.domain || require('domain').create();
  this.useGlobal = !!options.useGlobal;
  this.ignoreUndefined = !!options.ignoreUndefined;
  this.replMode = options.replMode || REPL_MODE_SLOPPY;
  this.underscoreAssigned = false;
  this.last = undefined;
  this.underscoreErrAssigned = false;
  this.lastError = undefined;
  this.breakEvalOnSigint = !!options.breakEvalOnSigint;
  this.editorMode = false;
  this.eval = options.eval || makeDefaultEval(this);
  // (the REPL's own state is not enumerable: node keeps it under symbols)
  const state = { _bufferedCommand: '', _queue: [], _busy: false, _sawSIGINT: false, _lexicalNames: new Set(), _sigintTasks: new Set() };
  for (const name of Object.keys(state)) {
    Object.defineProperty(this, name, { __proto__: null, value: state[name], writable: true, configurable: true, enumerable: false });
  }
  const self = this;
  replDomains.add(this._domain);
  // (a REPL inside a program cannot take the program's uncaught exceptions; gojs's own can)
  if (!options[kStandalone]) guardUncaughtListeners();
  this._domain.on('error', function replDomainError(e) {
    if (e !== null && typeof e === 'object' && e.domainThrown !== undefined) {
      delete e.domain;
      delete e.domainThrown;
    }
    self._reportError(e);
    self._bufferedCommand = '';
    self.lines.level = [];
    if (!self.closed) self.displayPrompt();
  });

  readline.Interface.call(this, {
    input: options.input,
    output: options.output,
    completer: options.completer || function completer(text, cb) {
      completeLine.call(self, text, self.editorMode ? self.completeOnEditorMode(cb) : cb);
    },
    terminal,
    historySize: options.historySize,
    prompt: options.prompt,
  });

  if (this.useGlobal) addBuiltinLibs(globalThis);
  // inputStream and outputStream are older names of input and output (DEP0141, deprecated
  // under --pending-deprecation), as node 20 keeps them
  for (const [old, name] of [['inputStream', 'input'], ['outputStream', 'output']]) {
    let get = () => this[name];
    let set = (v) => { this[name] = v; };
    if (require('internal/options').getOptionValue('--pending-deprecation')) {
      const { deprecate } = require('util');
      const msg = 'repl.inputStream and repl.outputStream are deprecated. Use repl.input and repl.output instead';
      get = deprecate(get, msg, 'DEP0141');
      set = deprecate(set, msg, 'DEP0141');
    }
    Object.defineProperty(this, old, { __proto__: null, get, set, enumerable: false, configurable: true });
  }
  this.resetContext();
  this.commands = Object.create(null);
  // the module's writer unless given one (a program may replace repl.writer), whose shared
  // options this REPL's colors set, as node's
  this.writer = options.writer || module.exports.writer;
  if (this.writer === writer) writer.options.colors = !!this.useColors;
  defineDefaultCommands(this);
  // (node's REPL wraps readline's key handling in a function of its own)
  this._ttyWrite = (d, key) => REPLServer.prototype._ttyWrite.call(this, d, key);
  // (as node's: a REPL with an eval of its own previews only when asked to)
  const previewActive = terminal && (options.preview !== undefined ? !!options.preview : !options.eval);
  Object.defineProperty(this, kPreview, { __proto__: null, value: setupPreview(this, previewActive), writable: true, configurable: true });

  // (a promise the session rejected without a handler comes to the REPL's domain, which reports
  // it as an uncaught error, as node's; a rejection outside the session stays the program's)

  this.on('close', function emitExit() {
    if (self._busy) { self._exitPending = true; return; }
    self.emit('exit');
  });

  this.on('SIGINT', function onSigInt() {
    // an awaited input that Ctrl+C may break takes it first, as in node
    if (self._sigintTasks.size > 0) {
      for (const task of self._sigintTasks) task();
      return;
    }
    const empty = self.line.length === 0;
    self.clearLine();
    self._turnOffEditorMode();
    const cmd = self._bufferedCommand;
    if (!(cmd && cmd.length > 0) && empty) {
      if (self._sawSIGINT) {
        self.close();
        self._sawSIGINT = false;
        return;
      }
      self.output.write('(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
      self._sawSIGINT = true;
    } else {
      self._sawSIGINT = false;
    }
    self.clearBufferedCommand();
    self.lines.level = [];
    self.displayPrompt();
  });

  // While an awaited input runs, Node holds back the keys typed on a terminal (here: the lines),
  // and the end of the input; lines read from a stream or pipe are evaluated as they come, so a
  // later line runs before the awaited result prints.
  this.on('line', function onLine(cmd) {
    self._sawSIGINT = false;
    if (self._busy && self.terminal) { self._queue.push(cmd); return; }
    self._onReplLine(cmd);
  });

  this.displayPrompt();
}
Object.setPrototypeOf(REPLServer.prototype, readline.Interface.prototype);
Object.setPrototypeOf(REPLServer, readline.Interface);

REPLServer.prototype._onReplLine = function _onReplLine(cmd) {
  cmd = cmd || '';
  if (this.editorMode) {
    this._bufferedCommand += cmd + '\n';
    this.lines.push(cmd);
    return;
  }
  const trimmed = cmd.trim();
  if (trimmed.charAt(0) === '.' && trimmed.charAt(1) !== '.' && Number.isNaN(parseFloat(trimmed))) {
    const m = /^\.([^\s]+)\s*(.*)$/.exec(trimmed);
    if (m && this._parseKeyword(m[1], m[2])) return;
    if (!this._bufferedCommand) {
      this.output.write('Invalid REPL keyword\n');
      this.displayPrompt();
      return;
    }
  }
  const evalCmd = this._bufferedCommand + cmd + '\n';
  this._evaluate(evalCmd, cmd);
};

// ctrlD: the input ends an editor-mode buffer (Ctrl+D), which more lines cannot complete: a
// Recoverable error is reported as its SyntaxError, as node's REPL does after sawCtrlD.
REPLServer.prototype._evaluate = function _evaluate(evalCmd, cmd, ctrlD) {
  const self = this;
  let sync = true;
  let done = false;
  const file = `REPL${++counter}`;
  // (an eval that calls back with no result, cb(err) or cb(null), shows none, as node's)
  const finish = function finish(e, ret) {
    const hasResult = arguments.length === 2;
    if (done) return;
    done = true;
    if (e && (e instanceof Recoverable) && ctrlD) e = e.err || e;
    if (e && (e instanceof Recoverable)) {
      self._bufferedCommand = evalCmd;
      self.lines.push(cmd);
      self._settle(!sync);
      return;
    }
    const failed = !!e;
    if (e instanceof Thrown) e = e.value;
    // a line that threw when it ran is not part of the session .save writes (syntax errors are)
    if (cmd !== undefined && !(failed && !(e && e._replSyntax))) self.lines.push(cmd);
    self._bufferedCommand = '';
    if (!failed) {
      if (hasResult && !(self.ignoreUndefined && ret === undefined)) {
        if (!self.underscoreAssigned) self.last = ret;
        self.output.write(self.writer(ret) + '\n');
      }
    } else {
      self._reportError(e);
    }
    self._settle(!sync);
  };
  const d = this._domain;
  d.enter();
  try {
    this.eval(evalCmd, this.context, file, finish);
  } catch (e) {
    finish(thrown(e));
  } finally {
    d.exit();
  }
  sync = false;
  // an input still running (it awaits) holds the session until it settles
  if (!done) this._busy = true;
};

// _settle follows a finished input with a prompt. The end of an awaited input (async) lets the
// session go on: the lines and the end of input held back meanwhile (one flag for all the inputs
// running, as Node's: the first to settle releases them).
REPLServer.prototype._settle = function _settle(async) {
  if (async) this._busy = false;
  if (this._exitPending && !this._busy) {
    this._exitPending = false;
    // the input has ended, but Node still prints the prompt that would follow
    if (!this.terminal) this._writeToOutput(this._bufferedCommand.length ? '... ' : this._initialPrompt);
    this.emit('exit');
    return;
  }
  if (this.closed) return;
  this.displayPrompt();
  while (this._queue.length && !this._busy && !this.closed) this._onReplLine(this._queue.shift());
};

// uncaughtText puts "Uncaught" before an error's text as node's REPL does: on its first line
// that names an error when that line fits in breakLength, else on a line of its own
// ("Uncaught:"); before the whole text when no line names one.
function uncaughtText(text, breakLength) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\[?([A-Z][a-z0-9_]*)*Error/.test(lines[i])) continue;
    // (node measures the line with its line end)
    const len = lines[i].length + (i < lines.length - 1 ? 1 : 0);
    lines[i] = (breakLength === undefined || breakLength >= len ? 'Uncaught ' : 'Uncaught:\n') + lines[i];
    return lines.join('\n');
  }
  // (no line names an error: a text of more than one line goes below the word)
  return text.replace(/\n$/, '').includes('\n') ? `Uncaught:\n${text}` : `Uncaught ${text}`;
}

REPLServer.prototype._reportError = function _reportError(e) {
  // V8 formats a stack when it is first read, and node's REPL trims the frames below the REPL's
  // code then: an error whose stack was read before keeps them all
  const unread = binding.stackUnread(e);
  if (!this.underscoreErrAssigned) this.lastError = e;
  let text;
  if (e instanceof Error || (e && typeof e === 'object' && typeof e.stack === 'string')) {
    if (unread) trimStack(e);
    // as node's: a strict REPL's input runs one line below its 'use strict' prefix, and the
    // first REPL frame's line is put back by one
    if (unread && this.replMode === REPL_MODE_STRICT && e.name !== 'SyntaxError' && typeof e.stack === 'string') {
      e.stack = e.stack.replace(/(\s+at\s+REPL\d+:)(\d+)/, (all, pre, line) => pre + (line - 1));
    }
    if (e.name === 'SyntaxError' && typeof e.stack === 'string') {
      // as node's REPL: a SyntaxError keeps no frames, and the line end before them stays
      try {
        let stack = e.stack.replace(/^REPL\d+:\d+\r?\n/, '').replace(/^\s+at\s.*\n?/gm, '');
        if (!stack.endsWith('\n')) stack += '\n';
        e.stack = stack;
      } catch { /* read-only */ }
    }
    if (e._replSyntax) text = e.stack;
    else {
      text = this.writer(e);
      // a stack without frames prints as "[TypeError: x]": Node drops the brackets
      if (text[0] === '[' && text[text.length - 1] === ']') text = text.slice(1, -1);
    }
  } else {
    text = this.writer(e);
  }
  const i = text.indexOf('\n\nSyntaxError: ');
  if (e && e._replNoUncaught) { /* the text says Uncaught: itself */ } else if (e && e._replSyntax && i !== -1) text = text.slice(0, i + 2) + 'Uncaught ' + text.slice(i + 2);
  else text = uncaughtText(text, this.writer.options && this.writer.options.breakLength);
  this.output.write(text.endsWith('\n') ? text : `${text}\n`);
  this.emit('error', undefined);
};

// 'error' events are informational here; without this, emit('error') would throw.
REPLServer.prototype.emit = function emit(name, ...args) {
  if (name === 'error' && args[0] === undefined) return false;
  return readline.Interface.prototype.emit.call(this, name, ...args);
};

REPLServer.prototype._parseKeyword = function _parseKeyword(keyword, rest) {
  const cmd = this.commands[keyword];
  if (cmd) {
    cmd.action.call(this, rest);
    return true;
  }
  return false;
};

REPLServer.prototype.clearBufferedCommand = function clearBufferedCommand() {
  this._bufferedCommand = '';
};

REPLServer.prototype.displayPrompt = function displayPrompt(preserveCursor) {
  let prompt = this._initialPrompt;
  if (this._bufferedCommand.length) {
    prompt = '...';
    const len = this.lines.level.length ? this.lines.level.length - 1 : 0;
    prompt += ' '.repeat(len * 2) + ' ';
  }
  readline.Interface.prototype.setPrompt.call(this, prompt);
  if (!this.closed) this.prompt(preserveCursor);
};

REPLServer.prototype.setPrompt = function setPrompt(prompt) {
  this._initialPrompt = prompt;
  readline.Interface.prototype.setPrompt.call(this, prompt);
};

REPLServer.prototype.defineCommand = function defineCommand(keyword, cmd) {
  if (typeof cmd === 'function') cmd = { action: cmd };
  else if (cmd === null || typeof cmd !== 'object' || typeof cmd.action !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('cmd.action', 'Function', cmd && cmd.action);
  }
  this.commands[keyword] = cmd;
};

// createContext makes the global scope of a REPL that does not use the global (node's default
// for repl.start): a vm context with the global object's properties (but for those of the
// language, which a context has of its own), itself as `global`, a console writing to the REPL's
// output, and the REPL's `module`, `require` and built-in modules. What the REPL's input
// declares stays in it. A REPL that uses the global gets globalThis.
REPLServer.prototype.createContext = function createContext() {
  if (this.useGlobal) return globalThis;
  const vm = lazyVM();
  const context = vm.createContext();
  const own = new Set(vm.runInContext('Object.getOwnPropertyNames(globalThis)', context));
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (own.has(name) || name === 'global' || name === 'console') continue;
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    if (desc !== undefined) Object.defineProperty(context, name, { __proto__: null, ...desc });
  }
  context.global = context;
  const { Console } = require('console');
  Object.defineProperty(context, 'console', {
    __proto__: null,
    configurable: true,
    writable: true,
    value: new Console(this.output),
  });
  addBuiltinLibs(context);
  return context;
};

REPLServer.prototype.resetContext = function resetContext() {
  const self = this;
  // (a REPL that uses the global keeps what was set on it, as node's: its context is globalThis)
  if (this.useGlobal) {
    this.context = globalThis;
  } else {
    this.context = this.createContext();
    this._lexicalNames = new Set();
  }
  const context = this.context;
  this.underscoreAssigned = false;
  this.underscoreErrAssigned = false;
  // (the last value and error stay: `_` after .clear still reads them, as in node)
  Object.defineProperty(context, '_', {
    __proto__: null,
    configurable: true,
    get() { return self.last; },
    set(value) {
      self.last = value;
      if (!self.underscoreAssigned) {
        self.underscoreAssigned = true;
        self.output.write('Expression assignment to _ now disabled.\n');
      }
    },
  });
  Object.defineProperty(context, '_error', {
    __proto__: null,
    configurable: true,
    get() { return self.lastError; },
    set(value) {
      self.lastError = value;
      if (!self.underscoreErrAssigned) {
        self.underscoreErrAssigned = true;
        self.output.write('Expression assignment to _error now disabled.\n');
      }
    },
  });
  this.lines = [];
  this.lines.level = [];
  this.emit('reset', this.context);
};

// Node's REPL closes on the next tick: the lines that came in the same chunk as .exit (or a
// close() call) are still evaluated, and 'close' and 'exit' come after them.
REPLServer.prototype.close = function close() {
  process.nextTick(() => Reflect.apply(readline.Interface.prototype.close, this, []));
};

REPLServer.prototype._turnOnEditorMode = function _turnOnEditorMode() {
  this.editorMode = true;
  readline.Interface.prototype.setPrompt.call(this, '');
};

REPLServer.prototype._turnOffEditorMode = function _turnOffEditorMode() {
  this.editorMode = false;
  this.setPrompt(this._initialPrompt);
};

// In editor mode Ctrl+D evaluates what was typed and Ctrl+C drops it.
REPLServer.prototype._ttyWrite = function _ttyWrite(s, key) {
  key = key || {};
  if (this.editorMode && key.ctrl && key.name === 'd') {
    const pending = this.line;
    this.line = '';
    this.cursor = 0;
    this._writeToOutput('\r\n');
    this._turnOffEditorMode();
    if (pending) this._bufferedCommand += pending + '\n';
    const code = this._bufferedCommand;
    this._bufferedCommand = '';
    // The last line (what was typed after the last newline, often '') goes to the session's
    // lines as node's REPL keeps each line it ends, so .save writes the buffer with its newline.
    if (code.trim() === '') { this.lines.push(pending); this.displayPrompt(); return; }
    this._evaluate(code, pending, true);
    return;
  }
  if (this.editorMode && key.ctrl && key.name === 'c') {
    this.clearLine();
    this._turnOffEditorMode();
    this.clearBufferedCommand();
    this.displayPrompt();
    return;
  }
  if (!this.editorMode || !this.terminal) {
    // (Ctrl+D on an empty line ends it before the REPL closes)
    if (key.ctrl && key.name === 'd' && this.cursor === 0 && this.line.length === 0) this.clearLine();
    if (this[kHistorySearch] === undefined) this[kHistorySearch] = historySearch(this);
    const preview = this[kPreview];
    if (preview) preview.clear(key);
    if (this[kHistorySearch](s, key)) return;
    readline.Interface.prototype._ttyWrite.call(this, s, key);
    if (preview) preview.show(key.name !== 'escape');
    return;
  } else {
    // editor mode keeps to its lines: no history, and a Tab never lists (node's REPL forgets
    // the key before it)
    if (key.ctrl && !key.shift && (key.name === 'n' || key.name === 'p')) return;
    if (!key.ctrl && (key.name === 'up' || key.name === 'down')) return;
    if (!key.ctrl && key.name === 'tab') this._previousKey = null;
  }
  readline.Interface.prototype._ttyWrite.call(this, s, key);
};

// schemeOnlyBuiltins are the built-ins only a node: specifier loads.
const schemeOnlyBuiltins = ['node:sea', 'node:test', 'node:test/reporters'];

// nodeGlobals are globals a runtime may define lazily (not yet own properties of globalThis).
const nodeGlobals = ['AbortController', 'AbortSignal', 'Blob', 'Buffer', 'BroadcastChannel',
  'CustomEvent', 'DOMException', 'Event', 'EventTarget', 'FormData', 'Headers', 'MessageChannel',
  'MessagePort', 'Performance', 'Request', 'Response', 'TextDecoder', 'TextEncoder', 'URL',
  'URLSearchParams', 'WebAssembly', 'atob', 'btoa', 'clearImmediate', 'clearInterval',
  'clearTimeout', 'console', 'crypto', 'fetch', 'global', 'performance', 'process',
  'queueMicrotask', 'require', 'setImmediate', 'setInterval', 'setTimeout', 'structuredClone'];

// commonWords are the keywords offered with the globals, once there is a word to complete.
const commonWords = ['async', 'await', 'break', 'case', 'catch', 'const', 'continue', 'debugger',
  'default', 'delete', 'do', 'else', 'export', 'false', 'finally', 'for', 'function', 'if',
  'import', 'in', 'instanceof', 'let', 'new', 'null', 'return', 'switch', 'this', 'throw', 'true',
  'try', 'typeof', 'var', 'void', 'while', 'with', 'yield'];

// completionTarget finds what a line ends with that completion may evaluate: a run of member
// accesses, calls and literals before an identifier (require("fs").rea, 'a'.to, x?.y), as
// node's REPL matches it, or nothing.
const completionTarget =
  /(?:[\w$'"`[{(](?:(\w| |\t)*?['"`]|\$|['"`\]})])*\??(?:\.|])?)*?(?:[a-zA-Z_$])?(?:\w|\$)*\??\.?$/;

// languageGlobals are the names a new context's global object has of its own: the REPL offers
// them beside a context's names, which do not include them.
let languageGlobals;
function contextBuiltins() {
  if (languageGlobals === undefined) {
    languageGlobals = lazyVM().runInNewContext('Object.getOwnPropertyNames(globalThis)');
  }
  return languageGlobals;
}

// completionNames lists obj's own string-keyed names that are not array indices and read as
// identifiers; Object.prototype's legacy accessor methods are left out. (A proxy that refuses
// to list its keys throws: the completion stops there, as node's.)
function completionNames(obj) {
  if (!obj) return [];
  const names = Object.getOwnPropertyNames(obj);
  const legacy = obj === Object.prototype;
  return names.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) &&
    !(legacy && /^__(define|lookup)[GS]etter__$/.test(n)));
}

// mergeCompletions keeps the names of each group that start with filter (whatever their case),
// each name in the closest group that has it, and lists the groups farthest first, each sorted
// and separated by '' (node's completion layout).
function mergeCompletions(groups, filter) {
  const lower = filter.toLowerCase();
  const seen = new Set(['']);
  const out = [];
  for (const group of groups) {
    const kept = filter ? group.filter((n) => String(n).toLowerCase().startsWith(lower)) : group.slice();
    if (kept.length === 0) continue;
    kept.sort((a, b) => (b > a ? 1 : -1));
    const before = seen.size;
    for (const n of kept) {
      if (seen.has(n)) continue;
      seen.add(n);
      out.unshift(n);
    }
    if (seen.size !== before) out.unshift('');
  }
  if (out[0] === '') out.shift();
  return out;
}

// historySearch gives a terminal REPL node's incremental history search: Ctrl+R searches back
// through the history (bck-i-search), Ctrl+S forward (fwd-i-search), each typed character
// narrows it, Backspace widens it, Ctrl+C or Escape cancel it (the line comes back as it was),
// and any other key ends it with the match as the line, then does what it does. The match is
// drawn in place of the line, the search below it. It returns whether it took the key.
function historySearch(server) {
  if (process.env.TERM === 'dumb') return () => false;
  const status = { __proto__: null, r: 'bck-i-search: ', s: 'fwd-i-search: ' };
  const out = server.output;
  const tried = new Set(); // entries already shown in this direction
  let searching = false;
  let dir = 'r';
  let query = '';
  let index = -1; // the history entry looked at next
  let at = -1; // where the query was last found in it
  let match = -1; // the entry shown, and where in it
  let matchAt = -1;
  let promptPos;

  const history = () => server.history;
  const step = () => (dir === 'r' ? 1 : -1);

  function setDirection(name) {
    if (name !== 'r' && name !== 's') return false;
    if (name !== dir) {
      tried.clear();
      dir = name;
    }
    return true;
  }

  function skipEntry() {
    tried.add(history()[index]);
    index += step();
    at = -1;
  }

  // draw puts shown where the line is (the cursor at cursor in it) and the search line below.
  function draw(shown, below, cursor = server.cursor) {
    let up = 0;
    if (match !== -1) {
      up = server._getDisplayPos(server.getPrompt() + history()[match].slice(0, matchAt)).rows;
      readline.cursorTo(out, promptPos.cols);
    } else if (searching && server.line !== '') {
      up = server.getCursorPos().rows;
      readline.cursorTo(out, promptPos.cols);
    }
    if (up !== 0) readline.moveCursor(out, 0, -up);
    if (searching) {
      readline.clearScreenDown(out);
      out.write(`${shown}\n${below}`);
    } else {
      out.write(`\n${below}`);
    }
    match = -1;
    const prompt = server.getPrompt();
    const cursorPos = server._getDisplayPos(prompt + shown.slice(0, cursor));
    const shownPos = server._getDisplayPos(prompt + shown);
    const belowPos = server._getDisplayPos(below);
    const belowRows = belowPos.rows - (belowPos.cols === 0 ? 1 : 0);
    readline.moveCursor(out, 0, -1 - belowRows - (shownPos.rows - cursorPos.rows));
    readline.cursorTo(out, cursorPos.cols);
  }

  function find() {
    if (query === '') {
      draw(server.line, `${status[dir]}_`);
      return;
    }
    const entries = history();
    if (dir === 'r' && index < 0) index = 0;
    else if (dir === 's' && index >= entries.length) index = entries.length - 1;
    for (; index >= 0 && index < entries.length;) {
      let entry = entries[index];
      if (tried.has(entry)) {
        index += step();
        continue;
      }
      if (dir === 'r') {
        at = entry.lastIndexOf(query, (at === -1 ? entry.length : at) - 1);
      } else {
        at = entry.indexOf(query, at + 1);
      }
      if (at === -1) {
        skipEntry();
        continue;
      }
      if (server.useColors) {
        entry = `${entry.slice(0, at)}\x1b[4m${query}\x1b[24m${entry.slice(at + query.length)}`;
      }
      draw(entry, `${status[dir]}${query}_`, at);
      match = index;
      matchAt = at;
      // an entry with no further place to find the query in is done with
      if ((dir === 'r' && at === 0) || (dir === 's' && entry.length === at + query.length)) skipEntry();
      return;
    }
    draw(server.line, `failed-${status[dir]}${query}_`);
  }

  // restart begins the search again for next, or (next undefined) ends it, the match taken as
  // the line and drawn where the prompt is.
  function restart(next) {
    searching = next !== undefined;
    if (!searching) {
      if (match !== -1) {
        server.line = history()[match];
        server.cursor = matchAt;
        server.historyIndex = match;
      }
      match = -1;
      readline.cursorTo(out, promptPos.cols);
      readline.moveCursor(out, 0, promptPos.rows);
      readline.clearScreenDown(out);
      if (server.line !== '') {
        out.write(server.line);
        if (server.line.length !== server.cursor) {
          const { cols, rows } = server.getCursorPos();
          readline.cursorTo(out, cols);
          readline.moveCursor(out, 0, rows);
        }
      }
    }
    query = next || '';
    at = -1;
    index = server.historyIndex;
    tried.clear();
  }

  return function onKey(string, key) {
    if (!searching) {
      if (key.ctrl && setDirection(key.name)) {
        index = server.historyIndex;
        promptPos = server._getDisplayPos(server.getPrompt());
        draw(server.line, `${status[dir]}_`);
        searching = true;
      }
    } else if (key.ctrl && setDirection(key.name)) {
      find();
    } else if (key.name === 'backspace' || (key.ctrl && (key.name === 'h' || key.name === 'w'))) {
      restart(query.slice(0, -1));
      find();
    } else if ((key.ctrl && key.name === 'c') || key.name === 'escape') {
      match = -1;
      restart();
      return true;
    } else if (key.ctrl || key.meta || key.name === 'return' || key.name === 'enter' ||
               typeof string !== 'string' || string === '') {
      restart();
      server[readline[Symbol.for('gojs.readline.kSubstringSearch')]] = '';
    } else {
      restart(query + string);
      find();
    }
    return searching;
  };
}

// complete asks the REPL's completer (its own, or the one of its options) for a line.
REPLServer.prototype.complete = function complete() {
  Reflect.apply(this.completer, this, arguments);
};

// completeOnEditorMode wraps a completion callback for editor mode: the candidates give way to
// their common prefix, so a Tab there only inserts.
REPLServer.prototype.completeOnEditorMode = (callback) => (err, results) => {
  if (err) { callback(err); return; }
  const [completions, completeOn = ''] = results;
  let result = completions.filter(Boolean);
  if (completeOn && result.length !== 0) {
    let prefix = result[0];
    for (const c of result) {
      let i = 0;
      while (i < prefix.length && i < c.length && prefix[i] === c[i]) i++;
      prefix = prefix.slice(0, i);
    }
    result = [prefix];
  }
  callback(null, [result, completeOn]);
};

// completeLine calls back with [completions, completeOn] for the text before the cursor: dot
// commands, built-in module names in require('...') and import('...'), the names in scope, or
// the members of the expression the line ends with, which it evaluates with the REPL's eval.
function completeLine(line, callback) {
  line = String(line).trimStart();
  let m;
  if ((m = /^\s*\.(\w*)$/.exec(line)) !== null) {
    callback(null, [mergeCompletions([Object.keys(this.commands)], m[1]), m[1]]);
    return;
  }
  if ((m = /\b(?:require|import)\s*\(\s*['"`](([\w@./:-]+\/)?(?:[\w@./:-]*))(?![^'"`])$/.exec(line)) !== null) {
    // require('... and import('...: the built-in modules' names, node: ones apart (node's
    // REPL lists a directory's files too only when it may block, as its own CLI's does)
    const libs = module.exports.builtinModules;
    const schemeLibs = libs.map((n) => `node:${n}`).concat(schemeOnlyBuiltins);
    callback(null, [mergeCompletions([libs, schemeLibs], m[1]), m[1]]);
    return;
  }
  if (line.length !== 0 && !/[\w.$]/.test(line[line.length - 1])) {
    callback(null, [[], undefined]);
    return;
  }
  const target = line.length === 0 ? '' : (completionTarget.exec(line) || [''])[0];
  if (line.length !== 0 && !target) {
    callback(null, [[], undefined]);
    return;
  }
  let expr = '';
  let filter = '';
  if (line.endsWith('.')) {
    expr = target.slice(0, -1);
  } else if (line.length !== 0) {
    const bits = target.split('.');
    filter = bits.pop();
    expr = bits.join('.');
  }
  if (!expr) {
    // the names in scope: lexical ones, those of the context's prototypes, its own (with the
    // language's, a context that is not the global lacking them), then keywords
    const context = this.context;
    const groups = [Array.from(this._lexicalNames || [])];
    for (let p = Object.getPrototypeOf(context); p !== null; p = Object.getPrototypeOf(p)) {
      groups.push(completionNames(p));
    }
    const own = completionNames(context).concat(nodeGlobals.filter((n) => n in context));
    if (!this.useGlobal) own.push(...contextBuiltins());
    groups.push(own);
    if (filter !== '') groups.push(commonWords);
    callback(null, [mergeCompletions(groups, filter), target]);
    return;
  }
  let chaining = '.';
  if (expr.endsWith('?')) {
    expr = expr.slice(0, -1);
    chaining = '?.';
  }
  this.eval(`try { ${expr} } catch {}`, this.context, `REPL${++counter}`, (e, obj) => {
    const groups = [];
    try {
      let p;
      if ((typeof obj === 'object' && obj !== null) || typeof obj === 'function') {
        groups.push(completionNames(obj));
        p = Object.getPrototypeOf(obj);
      } else {
        p = obj.constructor ? obj.constructor.prototype : null;
      }
      for (let left = 5; p !== null && left-- !== 0; p = Object.getPrototypeOf(p)) {
        groups.push(completionNames(p));
      }
    } catch {
      // (undefined and null have no members; a proxy may refuse to list its own)
    }
    if (groups.length === 0) {
      callback(null, [[], target]);
      return;
    }
    const prefix = expr + chaining;
    const named = groups.map((g) => g.map((n) => prefix + n));
    callback(null, [mergeCompletions(named, filter && prefix + filter), target]);
  });
}

function defineDefaultCommands(repl) {
  repl.defineCommand('break', {
    help: 'Sometimes you get stuck, this gets you out',
    action() {
      this.clearBufferedCommand();
      this.displayPrompt();
    },
  });
  repl.defineCommand('clear', {
    help: repl.useGlobal ? 'Alias for .break' : 'Break, and also clear the local context',
    action() {
      this.clearBufferedCommand();
      if (!this.useGlobal) {
        this.output.write('Clearing context...\n');
        this.resetContext();
      }
      this.displayPrompt();
    },
  });
  repl.defineCommand('exit', {
    help: 'Exit the REPL',
    action() { this.close(); },
  });
  repl.defineCommand('help', {
    help: 'Print this help message',
    action() {
      const names = Object.keys(this.commands).sort();
      const width = Math.max(...names.map((n) => n.length)) + 3;
      for (const name of names) {
        const cmd = this.commands[name];
        // A command without help text is listed by its name alone, unpadded.
        this.output.write(cmd.help ? ('.' + name).padEnd(width + 1) + cmd.help + '\n' : '.' + name + '\n');
      }
      this.output.write('\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n');
      this.displayPrompt();
    },
  });
  repl.defineCommand('save', {
    help: 'Save all evaluated commands in this REPL session to a file',
    action(file) {
      // (node: ERR_MISSING_ARGS's message for no file name)
      if (file === '') { this.output.write('The "file" argument must be specified\n'); this.displayPrompt(); return; }
      try {
        require('fs').writeFileSync(file, this.lines.join('\n'));
        this.output.write(`Session saved to: ${file}\n`);
      } catch {
        this.output.write(`Failed to save: ${file}\n`);
      }
      this.displayPrompt();
    },
  });
  repl.defineCommand('load', {
    help: 'Load JS from a file into the REPL session',
    action(file) {
      const fs = require('fs');
      if (file === '') { this.output.write('The "file" argument must be specified\n'); this.displayPrompt(); return; }
      try {
        const stats = fs.statSync(file);
        if (stats && stats.isFile()) {
          const data = fs.readFileSync(file, 'utf8');
          if (this.terminal) this.output.write(data + '\n');
          for (const l of data.split('\n')) this.lines.push(l);
          this._evaluate(data.endsWith('\n') ? data : data + '\n', undefined);
        } else {
          this.output.write(`Failed to load: ${file} is not a valid file\n`);
        }
      } catch {
        this.output.write(`Failed to load: ${file}\n`);
      }
      this.displayPrompt();
    },
  });
  if (repl.terminal) {
    repl.defineCommand('editor', {
      help: 'Enter editor mode',
      action() {
        this._turnOnEditorMode();
        this.output.write('// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
      },
    });
  }
}

// setupHistory loads the history file (newest entry first, one per line) and rewrites it
// whenever the history changes. An empty path disables persistence.
// setupHistory keeps the REPL's history in a file, as node's does: an empty path keeps none
// (the first Up then says so), no path means ~/.node_repl_history. The file is opened for
// appending (mode 0600), read (split on line ends, at most historySize entries, an empty one
// kept), emptied, then rewritten from its start 15ms after the last line entered and at exit.
// The REPL is paused until the first write; cb(err, repl) is called then.
REPLServer.prototype.setupHistory = function setupHistory(historyPath, cb) {
  const fs = require('fs');
  const os = require('os');
  const repl = this;
  const ready = typeof cb === 'function' ? cb : () => {};
  if (typeof historyPath === 'string') historyPath = historyPath.trim();
  if (historyPath === '') {
    repl._historyPrev = historyDisabledMessage;
    ready(null, repl);
    return;
  }
  if (!historyPath) {
    try {
      historyPath = require('path').join(os.homedir(), '.node_repl_history');
    } catch {
      tellREPL(repl, '\nError: Could not get the home directory.\nREPL session history will not be persisted.\n');
      repl._historyPrev = historyDisabledMessage;
      ready(null, repl);
      return;
    }
  }
  if (process.permission && process.permission.has('fs.write', historyPath) === false) {
    tellREPL(repl, '\nAccess to FileSystemWrite is restricted.\nREPL session history will not be persisted.\n');
    ready(null, repl);
    return;
  }
  let timer = null;
  let writing = false;
  let pending = false;
  let handle;
  repl.pause();
  fs.open(historyPath, 'a+', 0o600, (err, fd) => {
    if (err) {
      tellREPL(repl, '\nError: Could not open history file.\nREPL session history will not be persisted.\n');
      repl._historyPrev = historyDisabledMessage;
      repl.resume();
      ready(null, repl);
      return;
    }
    fs.close(fd, (err) => {
      if (err) { ready(err); return; }
      fs.readFile(historyPath, 'utf8', (err, data) => {
        if (err) { ready(err); return; }
        repl.history = data ? data.split(/[\n\r]+/, repl.historySize) : [];
        fs.open(historyPath, 'r+', (err, fd) => {
          if (err) { ready(err); return; }
          fs.ftruncate(fd, 0, () => {
            handle = fd;
            repl.on('line', onLine);
            repl.once('exit', onExit);
            repl.once('flushHistory', () => {
              repl.resume();
              ready(null, repl);
            });
            flush();
          });
        });
      });
    });
  });

  function onLine() {
    repl._flushing = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, 15);
  }

  function flush() {
    timer = null;
    if (writing) {
      pending = true;
      return;
    }
    writing = true;
    fs.write(handle, repl.history.join(os.EOL), 0, 'utf8', () => {
      writing = false;
      if (pending) {
        pending = false;
        onLine();
        return;
      }
      repl._flushing = timer !== null;
      if (!repl._flushing) repl.emit('flushHistory');
    });
  }

  function onExit() {
    if (repl._flushing) {
      repl.once('flushHistory', onExit);
      return;
    }
    repl.off('line', onLine);
    fs.close(handle, () => {});
  }
};

// tellREPL writes a message of the REPL's own, then redraws the line being edited.
function tellREPL(repl, message) {
  repl._writeToOutput(message);
  repl._refreshLine();
}

// historyDisabledMessage is the first Up of a REPL that keeps no history: with nothing in it
// yet, it says how to keep one.
function historyDisabledMessage() {
  if (this.history.length === 0) {
    tellREPL(this, '\nPersistent history support disabled. Set the NODE_REPL_HISTORY environment\n' +
      'variable to a valid, user-writable path to enable.\n');
  }
  this._historyPrev = readline.Interface.prototype._historyPrev;
  return this._historyPrev();
}

function start(prompt, source, eval_, useGlobal, ignoreUndefined, replMode) {
  return new REPLServer(prompt, source, eval_, useGlobal, ignoreUndefined, replMode);
}

// isValidSyntax(input) says whether input parses as a script in which await may stand outside a
// function, or else as the right side of an assignment (node 20's, which asks acorn).
function isValidSyntax(input) {
  const parses = (src) => binding.check(src) === null ||
    // goja has no top-level await: an await parses where the unary void does
    (/\bawait\b/.test(src) && binding.check(src.replace(/\bawait\b/g, 'void ')) === null);
  return parses(input) || parses(`_=${input}`);
}

// createInternalRepl(env, opts, cb) starts the REPL node's CLI starts (node's internal/repl):
// standalone, on the global, undefined shown, with its settings from env: NODE_NO_READLINE (a
// number other than 0: no terminal editing), NODE_REPL_MODE (sloppy or strict),
// NODE_REPL_HISTORY_SIZE (1000 unless a positive number) and NODE_REPL_HISTORY, the history
// file, kept on a terminal only. cb(err, repl) comes once the history is ready.
function createInternalRepl(env, opts, cb) {
  if (typeof opts === 'function') {
    cb = opts;
    opts = null;
  }
  opts = { [kStandalone]: true, ignoreUndefined: false, useGlobal: true, ...opts };
  if (Number.parseInt(env.NODE_NO_READLINE)) opts.terminal = false;
  if (env.NODE_REPL_MODE) {
    opts.replMode = { __proto__: null, strict: REPL_MODE_STRICT, sloppy: REPL_MODE_SLOPPY }[env.NODE_REPL_MODE.toLowerCase().trim()];
  }
  if (opts.replMode === undefined) opts.replMode = REPL_MODE_SLOPPY;
  const historySize = Number(env.NODE_REPL_HISTORY_SIZE);
  opts.historySize = !Number.isNaN(historySize) && historySize > 0 ? historySize : 1000;
  const r = start(opts);
  const term = 'terminal' in opts ? opts.terminal : process.stdout.isTTY;
  r.setupHistory(term ? env.NODE_REPL_HISTORY : '', cb);
  return r;
}

// _startCLI is what `gojs` runs on a terminal: a banner, then node's CLI REPL on stdio with its
// history in historyPath (the environment's NODE_REPL_HISTORY as cmd/gojs decided it).
function _startCLI(banner, historyPath) {
  if (banner) process.stdout.write(banner);
  const r = createInternalRepl({ ...process.env, NODE_REPL_HISTORY: historyPath }, { prompt: '> ' });
  // the standalone REPL is the module's repl, as node's
  module.exports.repl = r;
  r.on('exit', () => {
    // (the history of the last lines is written first)
    if (r._flushing) {
      r.pause();
      r.once('flushHistory', () => process.exit());
      return;
    }
    process.exit();
  });
  return r;
}

// The exports in node's order. builtinModules and the older _builtinLibs are one array behind
// accessors (node 20's; _builtinLibs is DEP0142 under --pending-deprecation): resolve's suite
// requires every name it lists.
let builtinLibs = require('module').builtinModules.filter((m) => !m.startsWith('_'));
module.exports = { start };
// repl.writer: util.inspect with options of its own (node's defaults, proxies shown)
function writer(obj) { return inspect(obj, writer.options); }
writer.options = Object.assign({}, inspect.defaultOptions, { showProxy: true });
Object.assign(module.exports, { writer, REPLServer, REPL_MODE_SLOPPY, REPL_MODE_STRICT, Recoverable, isValidSyntax });
Object.defineProperty(module.exports, 'builtinModules', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return builtinLibs; },
  set(value) { builtinLibs = value; },
});
{
  let getLibs = () => builtinLibs;
  let setLibs = (value) => { builtinLibs = value; };
  if (require('internal/options').getOptionValue('--pending-deprecation')) {
    const { deprecate } = require('util');
    const msg = 'repl._builtinLibs is deprecated. Check module.builtinModules instead';
    getLibs = deprecate(getLibs, msg, 'DEP0142');
    setLibs = deprecate(setLibs, msg, 'DEP0142');
  }
  Object.defineProperty(module.exports, '_builtinLibs', {
    __proto__: null, configurable: true, enumerable: false, get: getLibs, set: setLibs,
  });
}
// the CLI's REPL (cmd/gojs), not node's API
Object.defineProperty(module.exports, '_startCLI', { __proto__: null, configurable: true, value: _startCLI });
// (internal/repl's createInternalRepl)
Object.defineProperty(module.exports, Symbol.for('gojs.repl.createInternalRepl'), { __proto__: null, value: createInternalRepl });
