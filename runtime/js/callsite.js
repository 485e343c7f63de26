(function () {
'use strict';
// CallSite objects for Error.prepareStackTrace (runtime/errorstack.go), with V8's methods.
const kSite = Symbol('callSite');
class CallSite {
  getThis() { return undefined; }
  getTypeName() { return this[kSite].typ || (this[kSite].top ? 'Object' : null); }
  getFunction() { return undefined; }
  getFunctionName() { return this[kSite].fn; }
  getMethodName() { const s = this[kSite]; return s.method !== undefined ? s.method || null : s.typ ? s.fn : null; }
  getFileName() { return this[kSite].file; }
  getLineNumber() { return this[kSite].line; }
  getColumnNumber() { return this[kSite].col; }
  getEnclosingLineNumber() { return this[kSite].line; }
  getEnclosingColumnNumber() { return this[kSite].col; }
  getPosition() { return 0; }
  getEvalOrigin() { return this[kSite].evalOrigin; }
  getScriptNameOrSourceURL() { return this[kSite].file; }
  getScriptHash() { return ''; }
  getPromiseIndex() { const c = this[kSite].comb; return c !== undefined ? c[1] : null; }
  // V8: the receiver is the global object (or none): a plain call; a module's top-level code runs
  // with this = module.exports; a constructor's is the object it makes. (An arrow function called
  // from script has no receiver in goja.)
  isToplevel() { const s = this[kSite]; return !s.top && !s.typ && !s.str.startsWith('new '); }
  isEval() { return this[kSite].evalOrigin !== undefined; }
  isNative() { return false; }
  isConstructor() { return this[kSite].str.startsWith('new '); }
  isAsync() { return this[kSite].str.startsWith('async '); }
  isPromiseAll() { const c = this[kSite].comb; return c !== undefined && c[0] === 'all'; }
  toString() { return this[kSite].str; }
}
return function makeCallSite(fn, file, line, col, top, str, typ, method, evalOrigin, comb) {
  const site = new CallSite();
  Object.defineProperty(site, kSite, { __proto__: null, value: { fn, file, line, col, top, str, typ, method, evalOrigin, comb } });
  return site;
};
})()
