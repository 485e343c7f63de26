'use strict';
// internal/util/deprecate: util.deprecate, on its own so that what wraps a function in it as
// it loads (process.assert, made when events loads) does not load util and util.inspect.

var ReflectApply = Reflect.apply;
var ReflectConstruct = Reflect.construct;
var ObjectSetPrototypeOf = Object.setPrototypeOf;

// the codes warned about so far, by any deprecate wrapper of the process
var codesWarned = new Set();

function deprecate(fn, msg, code) {
  if (code !== undefined && typeof code !== 'string') {
    throw new (require('internal/errors').codes.ERR_INVALID_ARG_TYPE)('code', 'string', code);
  }
  var warned = false;
  // (a rest parameter, not goja's arguments object, which costs more per call; length 0 as node's)
  function deprecated(...args) {
    var proc = globalThis.process;
    if (!warned && !(proc && proc.noDeprecation)) {
      warned = true;
      if (proc && typeof proc.emitWarning === 'function') {
        if (code !== undefined) {
          if (!codesWarned.has(code)) {
            proc.emitWarning(msg, 'DeprecationWarning', code, deprecated);
            codesWarned.add(code);
          }
        } else {
          proc.emitWarning(msg, 'DeprecationWarning', deprecated);
        }
      }
    }
    if (new.target) {
      return ReflectConstruct(fn, args, new.target);
    }
    return ReflectApply(fn, this, args);
  }
  ObjectSetPrototypeOf(deprecated, fn);
  if (fn.prototype) {
    deprecated.prototype = fn.prototype;
  }
  return deprecated;
}

module.exports = { deprecate };
