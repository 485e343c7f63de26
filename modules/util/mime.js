'use strict';
// internal/mime: util.MIMEType and util.MIMEParams (https://nodejs.org/api/util.html#class-utilmimetype),
// parsing as the WHATWG MIME Sniffing standard describes.

var errors = require('internal/errors');

var NOT_TOKEN = /[^!#$%&'*+\-.^_`|~A-Za-z0-9]/;
var NOT_QUOTED_STRING = /[^\t\u0020-~\u0080-\u00FF]/;

function mimeSyntax(production, str, index) {
  return errors.makeNodeError(TypeError, 'ERR_INVALID_MIME_SYNTAX',
    'The MIME syntax for a ' + production + ' in "' + str + '" is invalid' +
    (index !== -1 ? ' at ' + index : ''), mimeSyntax);
}

function search(str, re) {
  var m = re.exec(str);
  return m === null ? -1 : m.index;
}

function isWS(c) {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

function skipWS(str, pos) {
  while (pos < str.length && isWS(str[pos])) pos++;
  return pos;
}

function trimEndWS(str) {
  var end = str.length;
  while (end > 0 && isWS(str[end - 1])) end--;
  return str.slice(0, end);
}

function lower(str) {
  return str.replace(/[A-Z]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) + 32); });
}

function checkToken(production, value) {
  var bad = search(value, NOT_TOKEN);
  if (value.length === 0 || bad !== -1) throw mimeSyntax(production, value, bad);
}

// A MIMEParams's map and a MIMEType's fields are private fields (a goja WeakMap entry per object
// cost several microseconds). Another receiver gets V8's words for node's private members: a
// MIMEParams method checks its brand (node's has private methods), a MIMEType accessor reads or
// writes the field.
var dataOf; // dataOf(self): self's map of parameters

function quoteValue(value) {
  if (value.length === 0) return '""';
  if (search(value, NOT_TOKEN) === -1) return value;
  return '"' + value.replace(/["\\]/g, '\\$&') + '"';
}

class MIMEParams {
  #data = new Map();

  static {
    dataOf = (self) => {
      if (self === null || self === undefined) {
        throw new TypeError(`Cannot read properties of ${self} (reading 'MIMEParams')`);
      }
      if ((typeof self !== 'object' && typeof self !== 'function') || !(#data in self)) {
        throw new TypeError('Receiver must be an instance of class MIMEParams');
      }
      return self.#data;
    };
  }

  delete(name) {
    dataOf(this).delete(name);
  }

  get(name) {
    var d = dataOf(this);
    return d.has(name) ? d.get(name) : null;
  }

  has(name) {
    return dataOf(this).has(name);
  }

  set(name, value) {
    var data = dataOf(this);
    name = `${name}`;
    value = `${value}`;
    var badName = search(name, NOT_TOKEN);
    if (name.length === 0 || badName !== -1) throw mimeSyntax('parameter name', name, badName);
    var badValue = search(value, NOT_QUOTED_STRING);
    if (badValue !== -1) throw mimeSyntax('parameter value', value, badValue);
    data.set(name, value);
  }

  *entries() {
    yield* dataOf(this).entries();
  }

  *keys() {
    yield* dataOf(this).keys();
  }

  *values() {
    yield* dataOf(this).values();
  }

  toString() {
    var parts = [];
    dataOf(this).forEach(function (value, key) {
      parts.push(key + '=' + quoteValue(value));
    });
    return parts.join(';');
  }
}
Object.defineProperty(MIMEParams.prototype, Symbol.iterator, {
  __proto__: null,
  value: MIMEParams.prototype.entries, writable: true, configurable: true,
});
Object.defineProperty(MIMEParams.prototype, 'toJSON', {
  __proto__: null,
  value: MIMEParams.prototype.toString, writable: true, configurable: true,
});

// parseParameters reads ";name=value" pairs from str at pos into the params' map, keeping the
// first occurrence of each valid name.
function parseParameters(str, pos, map) {
  var end = trimEndWS(str).length;
  while (pos < end) {
    pos = skipWS(str, pos);
    var nameEnd = pos;
    while (nameEnd < str.length && str[nameEnd] !== ';' && str[nameEnd] !== '=') nameEnd++;
    var name = lower(str.slice(pos, nameEnd));
    pos = nameEnd;
    if (pos < end) {
      var sep = str[pos];
      pos++;
      if (sep === ';') continue;
    }
    if (pos >= end) break;
    var value;
    if (str[pos] === '"') {
      pos++;
      var buf = '';
      while (pos < str.length) {
        var c = str[pos];
        if (c === '\\') {
          if (pos + 1 < str.length) {
            buf += str[pos + 1];
            pos += 2;
          } else {
            buf += '\\';
            pos++;
          }
          continue;
        }
        if (c === '"') {
          pos++;
          break;
        }
        buf += c;
        pos++;
      }
      value = buf;
      // Anything after the closing quote up to the next ';' is ignored.
      while (pos < str.length && str[pos] !== ';') pos++;
    } else {
      var valueEnd = str.indexOf(';', pos);
      var raw = valueEnd === -1 ? str.slice(pos) : str.slice(pos, valueEnd);
      pos += raw.length;
      value = trimEndWS(raw);
      if (value === '') continue;
    }
    if (name !== '' && search(name, NOT_TOKEN) === -1 &&
        search(value, NOT_QUOTED_STRING) === -1 && !map.has(name)) {
      map.set(name, value);
    }
    pos++;
  }
}

var checkMember; // checkMember(self, member, write): V8's error where self has no such member

class MIMEType {
  #type;
  #subtype;
  #parameters;

  static {
    checkMember = (self, member, write) => {
      if (self === null || self === undefined) {
        throw new TypeError(write ? `Cannot set properties of ${self} (setting '${member}')` :
          `Cannot read properties of ${self} (reading '${member}')`);
      }
      if ((typeof self !== 'object' && typeof self !== 'function') || !(#type in self)) {
        throw new TypeError(write ? `Cannot write private member ${member} to an object whose class did not declare it` :
          `Cannot read private member ${member} from an object whose class did not declare it`);
      }
    };
  }

  constructor(string) {
    string = `${string}`;
    var pos = skipWS(string, 0);
    var slash = string.indexOf('/', pos);
    var type = slash === -1 ? string.slice(pos) : string.slice(pos, slash);
    var badType = search(type, NOT_TOKEN);
    if (type === '' || badType !== -1 || slash === -1) throw mimeSyntax('type', string, badType);
    pos = slash + 1;
    var semi = string.indexOf(';', pos);
    var rawSub = semi === -1 ? string.slice(pos) : string.slice(pos, semi);
    pos += rawSub.length + (semi === -1 ? 0 : 1);
    var sub = trimEndWS(rawSub);
    var badSub = search(sub, NOT_TOKEN);
    if (sub === '' || badSub !== -1) throw mimeSyntax('subtype', string, badSub);
    var params = new MIMEParams();
    this.#type = lower(type);
    this.#subtype = lower(sub);
    this.#parameters = params;
    parseParameters(string, pos, dataOf(params));
  }

  get type() {
    checkMember(this, '#type');
    return this.#type;
  }

  set type(v) {
    v = `${v}`;
    checkToken('type', v);
    checkMember(this, '#type', true);
    this.#type = lower(v);
  }

  get subtype() {
    checkMember(this, '#subtype');
    return this.#subtype;
  }

  set subtype(v) {
    v = `${v}`;
    checkToken('subtype', v);
    checkMember(this, '#subtype', true);
    this.#subtype = lower(v);
  }

  get essence() {
    checkMember(this, '#type');
    return this.#type + '/' + this.#subtype;
  }

  get params() {
    checkMember(this, '#parameters');
    return this.#parameters;
  }

  toString() {
    checkMember(this, '#type');
    var p = MIMEParams.prototype.toString.call(this.#parameters);
    return this.#type + '/' + this.#subtype + (p.length ? ';' + p : '');
  }
}
Object.defineProperty(MIMEType.prototype, 'toJSON', {
  __proto__: null,
  value: MIMEType.prototype.toString, writable: true, configurable: true,
});

module.exports = { MIMEType: MIMEType, MIMEParams: MIMEParams };
