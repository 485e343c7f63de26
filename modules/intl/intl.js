'use strict';
// Intl for English as Node 20 (full ICU) prints it, and NumberFormat, PluralRules and
// DateTimeFormat for the languages of locales.bin (see locales.go). Other locales resolve to en-US (or, where the
// behaviour is locale-independent here, to themselves) and resolvedOptions() says which.
// The constructors' code is in parts (number, list, collator, segmenter, datetime, names),
// compiled on first use: here are their shells (lazyClass) and what every part shares.

const slots = new WeakMap(); // instance -> internal state
// ECMA-402's legacy constructor path: Intl.NumberFormat or DateTimeFormat called as a function
// on an object that inherits from its prototype gives that object the new formatter under this
// symbol and returns it; the formatter's methods find the formatter there.
const kFallback = Symbol('IntlLegacyConstructedSymbol');

function chainLegacy(obj, newTarget, self, C) {
  if (newTarget === undefined && self !== null && typeof self === 'object' && C.prototype.isPrototypeOf(self)) {
    Object.defineProperty(self, kFallback, { __proto__: null, value: obj });
    return self;
  }
  return obj;
}

function state(obj, ctorName, method) {
  let s = obj !== null && typeof obj === 'object' ? slots.get(obj) : undefined;
  if (s === undefined && (ctorName === 'NumberFormat' || ctorName === 'DateTimeFormat') && obj !== null &&
      typeof obj === 'object' && (ctorName === 'NumberFormat' ? NumberFormat : DateTimeFormat).prototype.isPrototypeOf(obj)) {
    const inner = obj[kFallback];
    s = inner !== null && typeof inner === 'object' ? slots.get(inner) : undefined;
  }
  if (s === undefined || s.kind !== ctorName) {
    if ((ctorName === 'NumberFormat' || ctorName === 'DateTimeFormat') && obj !== null &&
        (typeof obj === 'object' || typeof obj === 'function')) {
      throw new TypeError('Method Unwrap' + ctorName + ' called on incompatible receiver ' +
        (ctorName === 'NumberFormat' ? 'undefined' : receiver(obj)));
    }
    if (method.startsWith('get ')) {
      throw new TypeError('Method get Intl.' + ctorName + '.prototype.' + method.slice(4) + ' called on incompatible receiver ' + receiver(obj));
    }
    throw new TypeError('Method Intl.' + ctorName + '.prototype.' + method + ' called on incompatible receiver ' + receiver(obj));
  }
  return s;
}

// toStr is ECMAScript's ToString, which (unlike String()) refuses a symbol.
function toStr(v) {
  return typeof v === 'string' ? v : `${v}`;
}

// receiver renders a value as V8's messages do (#<Collator> for a prototype, [object Object]
// without a named constructor).
const receiver = binding.receiver;

function requireNew(nt, name) {
  if (nt === undefined) throw new TypeError("Constructor Intl." + name + " requires 'new'");
}

// ---- locales -------------------------------------------------------------------------------

const ALNUM = /^[a-z0-9]+$/i;

// The regular grandfathered tags, which CLDR replaces whole.
const REGULAR_GRANDFATHERED = { __proto__: null, 'art-lojban': 'jbo', 'cel-gaulish': 'xtg', 'zh-guoyu': 'zh', 'zh-hakka': 'hak', 'zh-xiang': 'hsn' };

// canonicalizeTag checks a BCP 47 language tag and returns it in canonical case, or throws as
// V8 does: "Incorrect locale information provided" when the tag's language, script, region and
// variants cannot be read (ICU's parse fails: an empty subtag inside, a subtag of no known
// shape), and "Invalid language tag: <the tag in lower case>" when they can but the rest is not
// well-formed (a trailing "-", a singleton without subtags, an extension subtag of the wrong
// length, a repeated singleton or variant).
function canonicalizeTag(tag) {
  if (typeof tag !== 'string' || tag === '' || !/^[A-Za-z0-9-]+$/.test(tag)) throw badLocale();
  const invalid = () => new RangeError('Invalid language tag: ' + tag.toLowerCase());
  const given = tag;
  // (followed only by variants or extensions: "art-lojban-US" stays invalid)
  const gm = /^(art-lojban|cel-gaulish|zh-guoyu|zh-hakka|zh-xiang)(?=$|-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}|[a-z0-9])(?:-|$))/i.exec(tag);
  if (gm) tag = REGULAR_GRANDFATHERED[gm[1].toLowerCase()] + tag.slice(gm[1].length);
  const parts = tag.split('-');
  let trailing = false;
  if (parts.length > 1 && parts[parts.length - 1] === '') {
    trailing = true;
    parts.pop();
  }
  if (parts.includes('')) throw badLocale();
  tag = given;
  let i = 0;
  const out = [];
  const lang = parts[i++];
  if (!/^[a-z]{2,3}$|^[a-z]{5,8}$/i.test(lang)) {
    throw badLocale();
  }
  out.push(lang.toLowerCase());
  if (i < parts.length && /^[a-z]{4}$/i.test(parts[i])) {
    const s = parts[i++];
    out.push(s[0].toUpperCase() + s.slice(1).toLowerCase());
  }
  if (i < parts.length && /^([a-z]{2}|[0-9]{3})$/i.test(parts[i])) out.push(parts[i++].toUpperCase());
  const variants = [];
  let repeated = false;
  while (i < parts.length && /^([a-z0-9]{5,8}|[0-9][a-z0-9]{3})$/i.test(parts[i])) {
    const v = parts[i++].toLowerCase();
    if (variants.includes(v)) repeated = true;
    variants.push(v);
  }
  // what follows the variants must begin with a singleton, else ICU cannot read the tag
  if (i < parts.length && (parts[i].length !== 1 || !ALNUM.test(parts[i]))) throw badLocale();
  if (repeated || trailing) throw invalid();
  out.push(...variants.sort());
  const exts = [];
  const seen = new Set();
  while (i < parts.length) {
    const single = parts[i].toLowerCase();
    if (single.length !== 1 || !ALNUM.test(single)) throw invalid();
    i++;
    if (single === 'x') {
      const rest = parts.slice(i);
      if (!rest.length || rest.some((p) => !/^[a-z0-9]{1,8}$/i.test(p))) throw invalid();
      exts.push('x-' + rest.join('-').toLowerCase());
      i = parts.length;
      break;
    }
    if (seen.has(single)) throw invalid();
    seen.add(single);
    const sub = [];
    while (i < parts.length && /^[a-z0-9]{2,8}$/i.test(parts[i])) sub.push(parts[i++].toLowerCase());
    if (!sub.length) throw invalid();
    if (single === 'u') exts.push(canonicalU(sub));
    else exts.push(single + '-' + sub.join('-'));
  }
  exts.sort((a, b) => (a[0] === 'x' ? 1 : b[0] === 'x' ? -1 : a < b ? -1 : 1));
  let base = out.join('-');
  base = binding.aliasTag(base);
  return exts.length ? base + '-' + exts.join('-') : base;
}

function canonicalU(sub) {
  const attrs = [];
  let i = 0;
  while (i < sub.length && sub[i].length > 2) attrs.push(sub[i++]);
  const kw = [];
  while (i < sub.length) {
    const key = sub[i++];
    const vals = [];
    while (i < sub.length && sub[i].length > 2) vals.push(sub[i++]);
    if (kw.some((k) => k[0] === key)) continue;
    let v = vals.join('-');
    if (v === 'true') v = '';
    kw.push([key, v]);
  }
  kw.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return ['u', ...attrs, ...kw.map(([k, v]) => (v ? k + '-' + v : k))].join('-');
}

function badLocale() {
  return new RangeError('Incorrect locale information provided');
}

function canonicalizeLocaleList(locales) {
  if (locales === undefined) return [];
  const seen = [];
  if (typeof locales === 'string' || (locales instanceof Locale)) locales = [locales];
  else if (locales === null) throw new TypeError('Cannot convert undefined or null to object');
  const o = Object(locales);
  const len = Math.min(Number(o.length) || 0, 2 ** 32 - 1);
  for (let k = 0; k < len; k++) {
    if (!(k in o)) continue;
    const v = o[k];
    if (typeof v !== 'string' && (typeof v !== 'object' || v === null)) {
      throw new TypeError('Language ID should be string or object.');
    }
    const tag = v instanceof Locale ? v.toString() : canonicalizeTag(String(v));
    if (!seen.includes(tag)) seen.push(tag);
  }
  return seen;
}

const DEFAULT_LOCALE = 'en-US';

// hostLocale is the locale node's ICU takes for the default: the first of LC_ALL, LC_MESSAGES
// and LANG that is set (de_DE.UTF-8 is de-DE), en-US for C and POSIX or none at all.
let hostLocaleTag;
function hostLocale() {
  if (hostLocaleTag !== undefined) return hostLocaleTag;
  hostLocaleTag = DEFAULT_LOCALE;
  const env = typeof process === 'object' && process !== null ? process.env : undefined;
  if (!env) return hostLocaleTag;
  let id = env.LC_ALL;
  if (id === undefined) id = env.LC_MESSAGES;
  if (id === undefined) id = env.LANG;
  if (typeof id !== 'string') return hostLocaleTag;
  id = id.replace(/[.@].*$/, '');
  if (id === 'C' || id === 'POSIX' || !/^[A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,4})?$/.test(id)) return hostLocaleTag;
  try {
    hostLocaleTag = canonicalizeLocaleList(id.replace('_', '-'))[0] || DEFAULT_LOCALE;
  } catch (e) {
    hostLocaleTag = DEFAULT_LOCALE;
  }
  return hostLocaleTag;
}

// stripExt removes the extensions from a tag.
function stripExt(tag) {
  const m = /-[a-wyz0-9]-|-x-/.exec(tag);
  return m ? tag.slice(0, m.index) : tag;
}

function uExt(tag) {
  const m = /-u-(.*?)(?:-[a-wyz0-9]-.*|-x-.*)?$/.exec(tag);
  const kw = {};
  if (!m) return kw;
  const p = m[1].split('-');
  let i = 0;
  while (i < p.length && p[i].length > 2) i++;
  while (i < p.length) {
    const k = p[i++];
    const v = [];
    while (i < p.length && p[i].length > 2) v.push(p[i++]);
    kw[k] = v.join('-') || 'true';
  }
  return kw;
}

// resolveLocale picks the first requested English locale (only English has data here), or
// any requested locale when anyLocale (behaviour that does not depend on locale data).
// keys lists the Unicode extension keys the caller supports, with their allowed values; those
// found in the chosen tag stay in the resolved locale, as ICU keeps them.
function resolveLocale(requested, anyLocale, keys, withData) {
  let found;
  // (no locale asked for: the host's)
  if (requested.length === 0 && hostLocale() !== DEFAULT_LOCALE) requested = [hostLocale()];
  for (const tag of requested) {
    const base = stripExt(tag);
    if (/^en(-US)?$/.test(base) || (anyLocale && knownLanguage(base))) { found = { locale: base, tag, ext: uExt(tag) }; break; }
    if (withData) {
      const e = localeNumbers(base);
      if (e !== undefined) {
        const ext = uExt(tag);
        let L = e.L;
        // -u-nu-latn where the locale writes other digits: its symbols for Latin digits
        if (L && L.nu !== 'latn' && ext.nu === 'latn') L = localeNumbers(base + '-u-nu-latn').L;
        found = { locale: e.locale, tag, ext, L };
        break;
      }
    }
    // another English region: its parent, en, whose data this is
    if (/^en-/.test(base)) { found = { locale: 'en', tag, ext: uExt(tag) }; break; }
  }
  if (!found) return { locale: DEFAULT_LOCALE, tag: DEFAULT_LOCALE, ext: {} };
  if (keys) {
    const kept = [];
    for (const k of Object.keys(found.ext).sort()) {
      const v = found.ext[k];
      if (keys[k] && keys[k].includes(v)) kept.push(v === 'true' ? k : k + '-' + v);
      else delete found.ext[k];
    }
    if (kept.length) found.locale += '-u-' + kept.join('-');
  } else found.ext = {};
  return found;
}

// localeNumbers returns { L, locale } for a tag without extensions: L its number data (see
// gen_locales.js; null for English, whose data is intl.js's own), locale the tag ICU reports for
// it (without a region ICU has no data for: "de-US" is "de"); undefined when the language has
// no data.
const localeCache = new Map(); // tag -> entry, and data tag -> parsed data
function localeNumbers(base) {
  let e = localeCache.get(base);
  if (e === undefined && !localeCache.has(base)) {
    const r = binding.localeData(base);
    if (r[0] !== '') {
      let L = null;
      if (r[0] !== 'en') {
        L = localeCache.get('data:' + r[0]);
        if (L === undefined) {
          L = JSON.parse(r[1]);
          L.lang = r[0];
          localeCache.set('data:' + r[0], L);
        }
      }
      e = { L, locale: r[2] };
    }
    if (localeCache.size < 512) localeCache.set(base, e); // bounded: tags come from scripts
  }
  return e;
}

// localeUnits returns a locale's unit patterns, read on first use.
function localeUnits(L) {
  if (!L.units) L.units = JSON.parse(binding.localeUnits(L.lang) || '{}');
  return L.units;
}

// enCurrency gives English symbols and names of the currencies CURRENCY lacks, from the
// locale data's English entry: [symbol, narrow, digits, singular, plural].
let enData;
function enCurrency(code) {
  if (enData === undefined) enData = JSON.parse(binding.localeData('en')[1] || 'null');
  const sym = enData && enData.sym[code];
  if (!sym) return undefined;
  const names = enData.names[code];
  return [sym[0], sym[sym.length - 1], 2, names.one || names.other, names.other];
}

// knownLanguage reports whether CLDR knows the tag's language (whose data ICU would have).
function knownLanguage(base) {
  return binding.canonicalTag(base) !== '';
}

function supportedLocalesOf(locales, options, anyLocale, ctor, withData) {
  const req = canonicalizeLocaleList(locales);
  if (options !== undefined) {
    const m = Object(options).localeMatcher;
    if (m !== undefined && m !== 'lookup' && m !== 'best fit') {
      throw new RangeError('Value ' + m + ' out of range for Intl.' + ctor + '.supportedLocalesOf options property localeMatcher');
    }
  }
  return req.filter((t) => /^en(-US)?$/.test(stripExt(t)) || (anyLocale && knownLanguage(stripExt(t))) ||
    (withData && localeNumbers(stripExt(t)) !== undefined));
}

function getOpts(options) {
  if (options === undefined) return Object.create(null);
  if (options === null) throw new TypeError('Cannot convert undefined or null to object');
  return Object(options);
}

function getOption(opts, prop, ctor, values, fallback) {
  let v = opts[prop];
  if (v === undefined) return fallback;
  if (values === 'boolean') return Boolean(v);
  v = toStr(v);
  if (values && !values.includes(v)) {
    throw new RangeError('Value ' + v + ' out of range for Intl.' + ctor + ' options property ' + prop);
  }
  return v;
}

function getNumberOption(opts, prop, min, max, fallback) {
  let v = opts[prop];
  if (v === undefined) return fallback;
  v = Number(v);
  if (Number.isNaN(v) || v < min || v > max) throw new RangeError(prop + ' value is out of range.');
  return Math.floor(v);
}

function defineStatic(ctor, anyLocale, withData) {
  Object.defineProperty(ctor, 'supportedLocalesOf', {
    __proto__: null,
    value: function supportedLocalesOf_(locales, options) { return supportedLocalesOf(locales, options, anyLocale, ctor.name, withData); },
    writable: true, configurable: true,
  });
  Object.defineProperty(ctor.supportedLocalesOf, 'name', { __proto__: null, value: 'supportedLocalesOf' });
  Object.defineProperty(ctor.supportedLocalesOf, 'length', { __proto__: null, value: 1 });
}

// lazyClass makes the prototype of a constructor whose code is in a part (part() gives the part's
// exports, whose [name] is { make, methods, getters }): its methods and getters are functions
// here, in node's order (spec: "name length" or "get name"), that run the part's, so that a
// program compiles only the constructors it uses (string-width's Segmenter, a toLocaleString's
// NumberFormat...). Their frames are Intl's, which errors show as V8's one built-in frame.
function lazyClass(ctor, name, part, spec) {
  const proto = ctor.prototype;
  for (const e of spec.split(', ')) {
    const [a, b] = e.split(' ');
    if (a === 'get') {
      const get = Object.getOwnPropertyDescriptor({ get [b]() { return part()[name].getters[b].call(this); } }, b).get;
      Object.defineProperty(proto, b, { __proto__: null, get, enumerable: false, configurable: true });
    } else {
      const fn = ({ [a](...args) { return ReflectApply(part()[name].methods[a], this, args); } })[a];
      Object.defineProperty(fn, 'length', { __proto__: null, value: Number(b) });
      Object.defineProperty(proto, a, { __proto__: null, value: fn, writable: true, enumerable: false, configurable: true });
    }
  }
  Object.defineProperty(proto, Symbol.toStringTag, { __proto__: null, value: 'Intl.' + name, configurable: true });
  Object.defineProperty(ctor, 'prototype', { __proto__: null, writable: false });
}
const ReflectApply = Reflect.apply;

// The decimal numbering systems node 20's ICU formats numbers in besides latn (arab and arabext,
// whose symbols differ too, only as their locales' own): name -> its digits 0 to 9, from node's
// output. NumberFormat writes its digits in the one a -u-nu- extension or the numberingSystem
// option asks for.
// (made on first use: the table is ~80 arrays of ten digits)
const NU_DIGIT_LIST = 'adlm:𞥐𞥑𞥒𞥓𞥔𞥕𞥖𞥗𞥘𞥙 ahom:𑜰𑜱𑜲𑜳𑜴𑜵𑜶𑜷𑜸𑜹 bali:᭐᭑᭒᭓᭔᭕᭖᭗᭘᭙ beng:০১২৩৪৫৬৭৮৯ bhks:𑱐𑱑𑱒𑱓𑱔𑱕𑱖𑱗𑱘𑱙 brah:𑁦𑁧𑁨𑁩𑁪𑁫𑁬𑁭𑁮𑁯 cakm:𑄶𑄷𑄸𑄹𑄺𑄻𑄼𑄽𑄾𑄿 cham:꩐꩑꩒꩓꩔꩕꩖꩗꩘꩙ deva:०१२३४५६७८९ diak:𑥐𑥑𑥒𑥓𑥔𑥕𑥖𑥗𑥘𑥙 fullwide:０１２３４５６７８９ gara:𐵀𐵁𐵂𐵃𐵄𐵅𐵆𐵇𐵈𐵉 gong:𑶠𑶡𑶢𑶣𑶤𑶥𑶦𑶧𑶨𑶩 gonm:𑵐𑵑𑵒𑵓𑵔𑵕𑵖𑵗𑵘𑵙 gujr:૦૧૨૩૪૫૬૭૮૯ gukh:𖄰𖄱𖄲𖄳𖄴𖄵𖄶𖄷𖄸𖄹 guru:੦੧੨੩੪੫੬੭੮੯ hanidec:〇一二三四五六七八九 hmng:𖭐𖭑𖭒𖭓𖭔𖭕𖭖𖭗𖭘𖭙 hmnp:𞅀𞅁𞅂𞅃𞅄𞅅𞅆𞅇𞅈𞅉 java:꧐꧑꧒꧓꧔꧕꧖꧗꧘꧙ kali:꤀꤁꤂꤃꤄꤅꤆꤇꤈꤉ kawi:𑽐𑽑𑽒𑽓𑽔𑽕𑽖𑽗𑽘𑽙 khmr:០១២៣៤៥៦៧៨៩ knda:೦೧೨೩೪೫೬೭೮೯ krai:𖵰𖵱𖵲𖵳𖵴𖵵𖵶𖵷𖵸𖵹 lana:᪀᪁᪂᪃᪄᪅᪆᪇᪈᪉ lanatham:᪐᪑᪒᪓᪔᪕᪖᪗᪘᪙ laoo:໐໑໒໓໔໕໖໗໘໙ lepc:᱀᱁᱂᱃᱄᱅᱆᱇᱈᱉ limb:᥆᥇᥈᥉᥊᥋᥌᥍᥎᥏ mathbold:𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗 mathdbl:𝟘𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠𝟡 mathmono:𝟶𝟷𝟸𝟹𝟺𝟻𝟼𝟽𝟾𝟿 mathsanb:𝟬𝟭𝟮𝟯𝟰𝟱𝟲𝟳𝟴𝟵 mathsans:𝟢𝟣𝟤𝟥𝟦𝟧𝟨𝟩𝟪𝟫 mlym:൦൧൨൩൪൫൬൭൮൯ modi:𑙐𑙑𑙒𑙓𑙔𑙕𑙖𑙗𑙘𑙙 mong:᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙ mroo:𖩠𖩡𖩢𖩣𖩤𖩥𖩦𖩧𖩨𖩩 mtei:꯰꯱꯲꯳꯴꯵꯶꯷꯸꯹ mymr:၀၁၂၃၄၅၆၇၈၉ mymrepka:𑛚𑛛𑛜𑛝𑛞𑛟𑛠𑛡𑛢𑛣 mymrpao:𑛐𑛑𑛒𑛓𑛔𑛕𑛖𑛗𑛘𑛙 mymrshan:႐႑႒႓႔႕႖႗႘႙ mymrtlng:꧰꧱꧲꧳꧴꧵꧶꧷꧸꧹ nagm:𞓰𞓱𞓲𞓳𞓴𞓵𞓶𞓷𞓸𞓹 newa:𑑐𑑑𑑒𑑓𑑔𑑕𑑖𑑗𑑘𑑙 nkoo:߀߁߂߃߄߅߆߇߈߉ olck:᱐᱑᱒᱓᱔᱕᱖᱗᱘᱙ onao:𞗱𞗲𞗳𞗴𞗵𞗶𞗷𞗸𞗹𞗺 orya:୦୧୨୩୪୫୬୭୮୯ osma:𐒠𐒡𐒢𐒣𐒤𐒥𐒦𐒧𐒨𐒩 outlined:𜳰𜳱𜳲𜳳𜳴𜳵𜳶𜳷𜳸𜳹 rohg:𐴰𐴱𐴲𐴳𐴴𐴵𐴶𐴷𐴸𐴹 saur:꣐꣑꣒꣓꣔꣕꣖꣗꣘꣙ segment:🯰🯱🯲🯳🯴🯵🯶🯷🯸🯹 shrd:𑇐𑇑𑇒𑇓𑇔𑇕𑇖𑇗𑇘𑇙 sind:𑋰𑋱𑋲𑋳𑋴𑋵𑋶𑋷𑋸𑋹 sinh:෦෧෨෩෪෫෬෭෮෯ sora:𑃰𑃱𑃲𑃳𑃴𑃵𑃶𑃷𑃸𑃹 sund:᮰᮱᮲᮳᮴᮵᮶᮷᮸᮹ sunu:𑯰𑯱𑯲𑯳𑯴𑯵𑯶𑯷𑯸𑯹 takr:𑛀𑛁𑛂𑛃𑛄𑛅𑛆𑛇𑛈𑛉 talu:᧐᧑᧒᧓᧔᧕᧖᧗᧘᧙ tamldec:௦௧௨௩௪௫௬௭௮௯ telu:౦౧౨౩౪౫౬౭౮౯ thai:๐๑๒๓๔๕๖๗๘๙ tibt:༠༡༢༣༤༥༦༧༨༩ tirh:𑓐𑓑𑓒𑓓𑓔𑓕𑓖𑓗𑓘𑓙 tnsa:𖫀𖫁𖫂𖫃𖫄𖫅𖫆𖫇𖫈𖫉 tols:𑷠𑷡𑷢𑷣𑷤𑷥𑷦𑷧𑷨𑷩 vaii:꘠꘡꘢꘣꘤꘥꘦꘧꘨꘩ wara:𑣠𑣡𑣢𑣣𑣤𑣥𑣦𑣧𑣨𑣩 wcho:𞋰𞋱𞋲𞋳𞋴𞋵𞋶𞋷𞋸𞋹';
let nuDigitsTable, nuKeysList;
function nuDigits() {
  if (nuDigitsTable === undefined) {
    nuDigitsTable = { __proto__: null };
    const list = NU_DIGIT_LIST.split(' ');
    for (let k = 0; k < list.length; k++) {
      const e = list[k];
      const i = e.indexOf(':');
      const digits = [];
      for (let j = i + 1; j < e.length; j++) {
        const c = e.charCodeAt(j);
        digits.push(c >= 0xd800 && c < 0xdc00 ? e.slice(j, ++j + 1) : e[j]);
      }
      nuDigitsTable[e.slice(0, i)] = digits;
    }
  }
  return nuDigitsTable;
}
function nuKeys() {
  return nuKeysList || (nuKeysList = ['latn'].concat(Object.keys(nuDigits())));
}

// localDigits writes ASCII digits in a locale's numbering system (digits: its ten digits).
function localDigits(str, digits) {
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i) - 48;
    out += c >= 0 && c <= 9 ? digits[c] : str[i];
  }
  return out;
}

function rangeParts(x, y, sep) {
  if (joinParts(x) === joinParts(y)) return x.map((p) => ({ ...p, source: 'shared' }));
  return [...x.map((p) => ({ ...p, source: 'startRange' })), { type: 'literal', value: sep, source: 'shared' },
    ...y.map((p) => ({ ...p, source: 'endRange' }))];
}

function joinParts(parts) {
  let out = '';
  for (let i = 0; i < parts.length; i++) out += parts[i].value;
  return out;
}

// localeMisc returns a locale's relative-time and list patterns, read on first use.
function localeMisc(L) {
  if (!L.misc) L.misc = JSON.parse(binding.localeMisc(L.lang) || 'null');
  return L.misc;
}

//#part number
(function ({ NumberFormat, canonicalizeLocaleList, chainLegacy, enCurrency, getNumberOption, getOption, getOpts, joinParts, localDigits, localeMisc, localeNumbers, localeUnits, nuDigits, nuKeys, rangeParts, requireNew, resolveLocale, slots, state, stripExt, toStr }) {
// ---- decimal arithmetic ----------------------------------------------------------------------

// A decimal is { neg, digits, exp }: value = digits[0].digits[1..] x 10^exp, digits without
// leading or trailing zeros ("" for zero). Special values have nan or inf set.
function toDecimal(x) {
  if (typeof x === 'bigint') {
    const neg = x < 0n;
    let s = (neg ? -x : x).toString();
    const exp = s.length - 1;
    s = s.replace(/0+$/, '');
    return { neg, digits: s, exp: s ? exp : 0 };
  }
  if (Number.isNaN(x)) return { nan: true, neg: false };
  const neg = x < 0 || Object.is(x, -0);
  if (!Number.isFinite(x)) return { inf: true, neg };
  if (x === 0) return { neg, digits: '', exp: 0 };
  const e = Math.abs(x).toExponential(); // shortest round-trip digits, as ICU starts from
  const ei = e.indexOf('e');
  let digits = ei > 1 ? e[0] + e.slice(2, ei) : e[0];
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  if (end !== digits.length) digits = digits.slice(0, end);
  return { neg, digits, exp: +e.slice(ei + 1) };
}

function decimalFromString(s) {
  const t = s.trim();
  if (t === '') return { neg: false, digits: '', exp: 0 };
  const m = /^([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m) {
    if (/^[+-]?Infinity$/.test(t)) return { inf: true, neg: t[0] === '-' };
    if (/^0[xob]/i.test(t)) return toDecimal(Number(t));
    return { nan: true, neg: false };
  }
  const intPart = m[2] !== undefined ? m[2] : '';
  const frac = m[2] !== undefined ? (m[3] || '') : m[4];
  let all = intPart + frac;
  let exp = intPart.length - 1 + (m[5] ? Number(m[5]) : 0);
  const lead = /^0*/.exec(all)[0].length;
  all = all.slice(lead);
  exp -= lead;
  all = all.replace(/0+$/, '');
  return { neg: m[1] === '-', digits: all, exp: all ? exp : 0 };
}

// roundAt rounds d so that its last kept digit has place value 10^place.
function hasNonZero(str, from) {
  for (let i = from; i < str.length; i++) if (str.charCodeAt(i) !== 48) return true;
  return false;
}

function roundAt(d, place, mode) {
  const keep = d.exp - place + 1; // digits kept
  const D = d.digits;
  if (D.length <= keep) return d;
  let head = keep > 0 ? D.slice(0, keep) : '';
  // the first dropped digit, and whether anything after it is non-zero
  const first = keep >= 0 ? D.charCodeAt(keep) - 48 : 0;
  const after = keep >= 0 ? hasNonZero(D, keep + 1) : true;
  const restNonZero = first > 0 || after;
  const moreThanHalf = first > 5 || (first === 5 && after);
  const exactlyHalf = first === 5 && !after;
  let up;
  switch (mode) {
    case 'halfExpand': up = first >= 5; break;
    case 'ceil': up = !d.neg && restNonZero; break;
    case 'floor': up = d.neg && restNonZero; break;
    case 'expand': up = restNonZero; break;
    case 'trunc': up = false; break;
    case 'halfCeil': up = moreThanHalf || (exactlyHalf && !d.neg); break;
    case 'halfFloor': up = moreThanHalf || (exactlyHalf && d.neg); break;
    case 'halfTrunc': up = moreThanHalf; break;
    case 'halfEven': up = moreThanHalf || (exactlyHalf && head.length > 0 && (head.charCodeAt(head.length - 1) - 48) % 2 === 1); break;
    default: up = first >= 5;
  }
  let exp = d.exp;
  if (up) {
    if (head === '') return { neg: d.neg, digits: '1', exp: place };
    let i = head.length - 1;
    while (i >= 0 && head.charCodeAt(i) === 57) i--;
    if (i < 0) { head = '1'; exp++; } else head = head.slice(0, i) + String.fromCharCode(head.charCodeAt(i) + 1);
  } else {
    let i = head.length;
    while (i > 0 && head.charCodeAt(i - 1) === 48) i--;
    head = head.slice(0, i);
  }
  return { neg: d.neg, digits: head, exp: head ? exp : 0 };
}

function isZero(d) { return !d.nan && !d.inf && d.digits === ''; }

// applyDigits rounds d per the digit options and returns { d, minFrac, minSig } for padding.
function applyDigits(d, o) {
  if (d.nan || d.inf) return { d, minFrac: 0 };
  const mode = o.roundingMode;
  let useSig = o.minimumSignificantDigits !== undefined;
  let useFrac = o.minimumFractionDigits !== undefined;
  if (o.roundingPriority === 'auto') useFrac = !useSig;
  let sigD, fracD;
  if (useSig) sigD = d.digits === '' ? d : roundAt(d, d.exp - o.maximumSignificantDigits + 1, mode);
  if (useFrac) {
    fracD = o.roundingIncrement > 1 ? roundIncrement(d, o.roundingIncrement, o.maximumFractionDigits, mode)
      : roundAt(d, -o.maximumFractionDigits, mode);
  }
  let sig = useSig;
  if (useSig && useFrac) {
    const pa = o.maximumSignificantDigits - d.exp - 1; // fraction places of the significant-digits result
    const pb = o.maximumFractionDigits;
    sig = o.roundingPriority === 'morePrecision' ? pa >= pb : pa <= pb;
  }
  if (sig) return { d: sigD, minSig: o.minimumSignificantDigits, minFrac: 0 };
  return { d: fracD, minFrac: o.minimumFractionDigits };
}

// roundIncrement rounds d to a multiple of inc x 10^-maxFrac, exactly: inc is k x 10^j with k in
// {1, 2, 5, 25}, and d / k is d times 1, 0.5, 0.2 or 0.04.
function roundIncrement(d, inc, maxFrac, mode) {
  let k = inc, j = 0;
  while (k % 10 === 0) { k /= 10; j++; }
  if (!d.digits) return d;
  const t = mulSmall(d, { 1: 1, 2: 5, 5: 2, 25: 4 }[k]);
  if (t.digits) t.exp += k === 1 ? 0 : k === 25 ? -2 : -1;
  return mulSmall(roundAt(t, j - maxFrac, mode), k);
}

function mulSmall(d, m) {
  if (!d.digits || m === 1) return { neg: d.neg, digits: d.digits, exp: d.exp };
  const low = d.exp - d.digits.length + 1; // exponent of the last digit
  let c = (BigInt(d.digits) * BigInt(m)).toString();
  const exp = low + c.length - 1;
  c = c.replace(/0+$/, '');
  return { neg: d.neg, digits: c, exp };
}

function decString(d) {
  if (!d.digits) return '0';
  return d.digits[0] + (d.digits.length > 1 ? '.' + d.digits.slice(1) : '') + 'e' + d.exp;
}

// intFrac splits a rounded decimal into integer and fraction digit strings.
function intFrac(d, minFrac, minSig, minInt) {
  let int, frac;
  const D = d.digits;
  if (D === '') { int = '0'; frac = ''; } else if (d.exp >= 0) {
    int = D.slice(0, d.exp + 1).padEnd(d.exp + 1, '0');
    frac = D.slice(d.exp + 1);
  } else {
    int = '0';
    frac = '0'.repeat(-d.exp - 1) + D;
  }
  if (minSig) {
    const have = D === '' ? 1 : Math.max(D.length, d.exp + 1);
    if (have < minSig) {
      const need = D === '' ? minSig - 1 : minSig - (d.exp + 1);
      if (need > frac.length) frac = frac.padEnd(need, '0');
    }
  }
  if (frac.length < minFrac) frac = frac.padEnd(minFrac, '0');
  if (int.length < minInt) int = int.padStart(minInt, '0');
  return { int, frac };
}

// ---- NumberFormat ----------------------------------------------------------------------------

const CURRENCY = {
  // code: [symbol, narrow, digits, singular name, plural name]
  USD: ['$', '$', 2, 'US dollar', 'US dollars'],
  EUR: ['€', '€', 2, 'euro', 'euros'],
  GBP: ['£', '£', 2, 'British pound', 'British pounds'],
  JPY: ['¥', '¥', 0, 'Japanese yen', 'Japanese yen'],
  CNY: ['CN¥', '¥', 2, 'Chinese yuan', 'Chinese yuan'],
  CAD: ['CA$', '$', 2, 'Canadian dollar', 'Canadian dollars'],
  AUD: ['A$', '$', 2, 'Australian dollar', 'Australian dollars'],
  NZD: ['NZ$', '$', 2, 'New Zealand dollar', 'New Zealand dollars'],
  HKD: ['HK$', '$', 2, 'Hong Kong dollar', 'Hong Kong dollars'],
  TWD: ['NT$', '$', 2, 'New Taiwan dollar', 'New Taiwan dollars'],
  MXN: ['MX$', '$', 2, 'Mexican peso', 'Mexican pesos'],
  BRL: ['R$', 'R$', 2, 'Brazilian real', 'Brazilian reals'],
  INR: ['₹', '₹', 2, 'Indian rupee', 'Indian rupees'],
  KRW: ['₩', '₩', 0, 'South Korean won', 'South Korean won'],
  ILS: ['₪', '₪', 2, 'Israeli new shekel', 'Israeli new shekels'],
  VND: ['₫', '₫', 0, 'Vietnamese dong', 'Vietnamese dong'],
  PHP: ['₱', '₱', 2, 'Philippine peso', 'Philippine pesos'],
  CHF: ['CHF', 'CHF', 2, 'Swiss franc', 'Swiss francs'],
  SEK: ['SEK', 'kr', 2, 'Swedish krona', 'Swedish kronor'],
  NOK: ['NOK', 'kr', 2, 'Norwegian krone', 'Norwegian kroner'],
  DKK: ['DKK', 'kr', 2, 'Danish krone', 'Danish kroner'],
  PLN: ['PLN', 'zł', 2, 'Polish zloty', 'Polish zlotys'],
  RUB: ['RUB', '₽', 2, 'Russian ruble', 'Russian rubles'],
  TRY: ['TRY', '₺', 2, 'Turkish lira', 'Turkish Lira'],
  ZAR: ['ZAR', 'R', 2, 'South African rand', 'South African rand'],
  SGD: ['SGD', '$', 2, 'Singapore dollar', 'Singapore dollars'],
  CZK: ['CZK', 'Kč', 2, 'Czech koruna', 'Czech korunas'],
  HUF: ['HUF', 'Ft', 0, 'Hungarian forint', 'Hungarian forints'],
  THB: ['THB', '฿', 2, 'Thai baht', 'Thai baht'],
  IDR: ['IDR', 'Rp', 0, 'Indonesian rupiah', 'Indonesian rupiahs'],
  CLP: ['CLP', '$', 0, 'Chilean peso', 'Chilean pesos'],
  ISK: ['ISK', 'kr', 0, 'Icelandic króna', 'Icelandic krónur'],
  KWD: ['KWD', 'KWD', 3, 'Kuwaiti dinar', 'Kuwaiti dinars'],
  BHD: ['BHD', 'BHD', 3, 'Bahraini dinar', 'Bahraini dinars'],
  JOD: ['JOD', 'JOD', 3, 'Jordanian dinar', 'Jordanian dinars'],
  OMR: ['OMR', 'OMR', 3, 'Omani rial', 'Omani rials'],
  TND: ['TND', 'TND', 3, 'Tunisian dinar', 'Tunisian dinars'],
  // the other currencies node 20's ICU knows (Intl.supportedValuesOf('currency')), as its English
  // data has them
  AED: ['AED', 'AED', 2, 'UAE dirham', 'UAE dirhams'],
  AFN: ['AFN', '؋', 0, 'Afghan Afghani', 'Afghan Afghanis'],
  ALL: ['ALL', 'ALL', 0, 'Albanian lek', 'Albanian lekë'],
  AMD: ['AMD', '֏', 2, 'Armenian dram', 'Armenian drams'],
  ANG: ['ANG', 'ANG', 2, 'Netherlands Antillean guilder', 'Netherlands Antillean guilders'],
  AOA: ['AOA', 'Kz', 2, 'Angolan kwanza', 'Angolan kwanzas'],
  ARS: ['ARS', '$', 2, 'Argentine peso', 'Argentine pesos'],
  AWG: ['AWG', 'AWG', 2, 'Aruban florin', 'Aruban florin'],
  AZN: ['AZN', '₼', 2, 'Azerbaijani manat', 'Azerbaijani manats'],
  BAM: ['BAM', 'KM', 2, 'Bosnia-Herzegovina convertible mark', 'Bosnia-Herzegovina convertible marks'],
  BBD: ['BBD', '$', 2, 'Barbadian dollar', 'Barbadian dollars'],
  BDT: ['BDT', '৳', 2, 'Bangladeshi taka', 'Bangladeshi takas'],
  BGN: ['BGN', 'BGN', 2, 'Bulgarian lev', 'Bulgarian leva'],
  BIF: ['BIF', 'BIF', 0, 'Burundian franc', 'Burundian francs'],
  BMD: ['BMD', '$', 2, 'Bermudan dollar', 'Bermudan dollars'],
  BND: ['BND', '$', 2, 'Brunei dollar', 'Brunei dollars'],
  BOB: ['BOB', 'Bs', 2, 'Bolivian boliviano', 'Bolivian bolivianos'],
  BSD: ['BSD', '$', 2, 'Bahamian dollar', 'Bahamian dollars'],
  BTN: ['BTN', 'BTN', 2, 'Bhutanese ngultrum', 'Bhutanese ngultrums'],
  BWP: ['BWP', 'P', 2, 'Botswanan pula', 'Botswanan pulas'],
  BYN: ['BYN', 'BYN', 2, 'Belarusian ruble', 'Belarusian rubles'],
  BZD: ['BZD', '$', 2, 'Belize dollar', 'Belize dollars'],
  CDF: ['CDF', 'CDF', 2, 'Congolese franc', 'Congolese francs'],
  COP: ['COP', '$', 0, 'Colombian peso', 'Colombian pesos'],
  CRC: ['CRC', '₡', 2, 'Costa Rican colón', 'Costa Rican colóns'],
  CUC: ['CUC', '$', 2, 'Cuban convertible peso', 'Cuban convertible pesos'],
  CUP: ['CUP', '$', 2, 'Cuban peso', 'Cuban pesos'],
  CVE: ['CVE', 'CVE', 2, 'Cape Verdean escudo', 'Cape Verdean escudos'],
  DJF: ['DJF', 'DJF', 0, 'Djiboutian franc', 'Djiboutian francs'],
  DOP: ['DOP', '$', 2, 'Dominican peso', 'Dominican pesos'],
  DZD: ['DZD', 'DZD', 2, 'Algerian dinar', 'Algerian dinars'],
  EGP: ['EGP', 'E£', 2, 'Egyptian pound', 'Egyptian pounds'],
  ERN: ['ERN', 'ERN', 2, 'Eritrean nakfa', 'Eritrean nakfas'],
  ETB: ['ETB', 'ETB', 2, 'Ethiopian birr', 'Ethiopian birrs'],
  FJD: ['FJD', '$', 2, 'Fijian dollar', 'Fijian dollars'],
  FKP: ['FKP', '£', 2, 'Falkland Islands pound', 'Falkland Islands pounds'],
  GEL: ['GEL', '₾', 2, 'Georgian lari', 'Georgian laris'],
  GHS: ['GHS', 'GH₵', 2, 'Ghanaian cedi', 'Ghanaian cedis'],
  GIP: ['GIP', '£', 2, 'Gibraltar pound', 'Gibraltar pounds'],
  GMD: ['GMD', 'GMD', 2, 'Gambian dalasi', 'Gambian dalasis'],
  GNF: ['GNF', 'FG', 0, 'Guinean franc', 'Guinean francs'],
  GTQ: ['GTQ', 'Q', 2, 'Guatemalan quetzal', 'Guatemalan quetzals'],
  GYD: ['GYD', '$', 2, 'Guyanaese dollar', 'Guyanaese dollars'],
  HNL: ['HNL', 'L', 2, 'Honduran lempira', 'Honduran lempiras'],
  HRK: ['HRK', 'kn', 2, 'Croatian kuna', 'Croatian kunas'],
  HTG: ['HTG', 'HTG', 2, 'Haitian gourde', 'Haitian gourdes'],
  IQD: ['IQD', 'IQD', 0, 'Iraqi dinar', 'Iraqi dinars'],
  IRR: ['IRR', 'IRR', 0, 'Iranian rial', 'Iranian rials'],
  JMD: ['JMD', '$', 2, 'Jamaican dollar', 'Jamaican dollars'],
  KES: ['KES', 'KES', 2, 'Kenyan shilling', 'Kenyan shillings'],
  KGS: ['KGS', '⃀', 2, 'Kyrgyz som', 'Kyrgyz soms'],
  KHR: ['KHR', '៛', 2, 'Cambodian riel', 'Cambodian riels'],
  KMF: ['KMF', 'CF', 0, 'Comorian franc', 'Comorian francs'],
  KPW: ['KPW', '₩', 0, 'North Korean won', 'North Korean won'],
  KYD: ['KYD', '$', 2, 'Cayman Islands dollar', 'Cayman Islands dollars'],
  KZT: ['KZT', '₸', 2, 'Kazakhstani tenge', 'Kazakhstani tenges'],
  LAK: ['LAK', '₭', 0, 'Laotian kip', 'Laotian kips'],
  LBP: ['LBP', 'L£', 0, 'Lebanese pound', 'Lebanese pounds'],
  LKR: ['LKR', 'Rs', 2, 'Sri Lankan rupee', 'Sri Lankan rupees'],
  LRD: ['LRD', '$', 2, 'Liberian dollar', 'Liberian dollars'],
  LSL: ['LSL', 'LSL', 2, 'Lesotho loti', 'Lesotho lotis'],
  LYD: ['LYD', 'LYD', 3, 'Libyan dinar', 'Libyan dinars'],
  MAD: ['MAD', 'MAD', 2, 'Moroccan dirham', 'Moroccan dirhams'],
  MDL: ['MDL', 'MDL', 2, 'Moldovan leu', 'Moldovan lei'],
  MGA: ['MGA', 'Ar', 0, 'Malagasy ariary', 'Malagasy ariaries'],
  MKD: ['MKD', 'MKD', 2, 'Macedonian denar', 'Macedonian denari'],
  MMK: ['MMK', 'K', 0, 'Myanmar kyat', 'Myanmar kyats'],
  MNT: ['MNT', '₮', 2, 'Mongolian tugrik', 'Mongolian tugriks'],
  MOP: ['MOP', 'MOP', 2, 'Macanese pataca', 'Macanese patacas'],
  MRU: ['MRU', 'MRU', 2, 'Mauritanian ouguiya', 'Mauritanian ouguiyas'],
  MUR: ['MUR', 'Rs', 2, 'Mauritian rupee', 'Mauritian rupees'],
  MVR: ['MVR', 'MVR', 2, 'Maldivian rufiyaa', 'Maldivian rufiyaas'],
  MWK: ['MWK', 'MWK', 2, 'Malawian kwacha', 'Malawian kwachas'],
  MYR: ['MYR', 'RM', 2, 'Malaysian ringgit', 'Malaysian ringgits'],
  MZN: ['MZN', 'MZN', 2, 'Mozambican metical', 'Mozambican meticals'],
  NAD: ['NAD', '$', 2, 'Namibian dollar', 'Namibian dollars'],
  NGN: ['NGN', '₦', 2, 'Nigerian naira', 'Nigerian nairas'],
  NIO: ['NIO', 'C$', 2, 'Nicaraguan córdoba', 'Nicaraguan córdobas'],
  NPR: ['NPR', 'Rs', 2, 'Nepalese rupee', 'Nepalese rupees'],
  PAB: ['PAB', 'PAB', 2, 'Panamanian balboa', 'Panamanian balboas'],
  PEN: ['PEN', 'PEN', 2, 'Peruvian sol', 'Peruvian soles'],
  PGK: ['PGK', 'PGK', 2, 'Papua New Guinean kina', 'Papua New Guinean kina'],
  PKR: ['PKR', 'Rs', 0, 'Pakistani rupee', 'Pakistani rupees'],
  PYG: ['PYG', '₲', 0, 'Paraguayan guarani', 'Paraguayan guaranis'],
  QAR: ['QAR', 'QAR', 2, 'Qatari riyal', 'Qatari riyals'],
  RON: ['RON', 'lei', 2, 'Romanian leu', 'Romanian lei'],
  RSD: ['RSD', 'RSD', 2, 'Serbian dinar', 'Serbian dinars'],
  RWF: ['RWF', 'RF', 0, 'Rwandan franc', 'Rwandan francs'],
  SAR: ['SAR', 'SAR', 2, 'Saudi riyal', 'Saudi riyals'],
  SBD: ['SBD', '$', 2, 'Solomon Islands dollar', 'Solomon Islands dollars'],
  SCR: ['SCR', 'SCR', 2, 'Seychellois rupee', 'Seychellois rupees'],
  SDG: ['SDG', 'SDG', 2, 'Sudanese pound', 'Sudanese pounds'],
  SHP: ['SHP', '£', 2, 'St. Helena pound', 'St. Helena pounds'],
  SLE: ['SLE', 'SLE', 2, 'Sierra Leonean leone', 'Sierra Leonean leones'],
  SLL: ['SLL', 'SLL', 0, 'Sierra Leonean leone (1964—2022)', 'Sierra Leonean leones (1964—2022)'],
  SOS: ['SOS', 'SOS', 0, 'Somali shilling', 'Somali shillings'],
  SRD: ['SRD', '$', 2, 'Surinamese dollar', 'Surinamese dollars'],
  SSP: ['SSP', '£', 2, 'South Sudanese pound', 'South Sudanese pounds'],
  STN: ['STN', 'Db', 2, 'São Tomé & Príncipe dobra', 'São Tomé & Príncipe dobras'],
  SVC: ['SVC', 'SVC', 2, 'Salvadoran colón', 'Salvadoran colones'],
  SYP: ['SYP', '£', 0, 'Syrian pound', 'Syrian pounds'],
  SZL: ['SZL', 'SZL', 2, 'Swazi lilangeni', 'Swazi emalangeni'],
  TJS: ['TJS', 'TJS', 2, 'Tajikistani somoni', 'Tajikistani somonis'],
  TMT: ['TMT', 'TMT', 2, 'Turkmenistani manat', 'Turkmenistani manat'],
  TOP: ['TOP', 'T$', 2, 'Tongan paʻanga', 'Tongan paʻanga'],
  TTD: ['TTD', '$', 2, 'Trinidad & Tobago dollar', 'Trinidad & Tobago dollars'],
  TZS: ['TZS', 'TZS', 2, 'Tanzanian shilling', 'Tanzanian shillings'],
  UAH: ['UAH', '₴', 2, 'Ukrainian hryvnia', 'Ukrainian hryvnias'],
  UGX: ['UGX', 'UGX', 0, 'Ugandan shilling', 'Ugandan shillings'],
  UYU: ['UYU', '$', 2, 'Uruguayan peso', 'Uruguayan pesos'],
  UZS: ['UZS', 'UZS', 2, 'Uzbekistani som', 'Uzbekistani som'],
  VES: ['VES', 'VES', 2, 'Venezuelan bolívar', 'Venezuelan bolívars'],
  VUV: ['VUV', 'VUV', 0, 'Vanuatu vatu', 'Vanuatu vatus'],
  WST: ['WST', 'WST', 2, 'Samoan tala', 'Samoan tala'],
  XAF: ['FCFA', 'FCFA', 0, 'Central African CFA franc', 'Central African CFA francs'],
  XCD: ['EC$', '$', 2, 'East Caribbean dollar', 'East Caribbean dollars'],
  XCG: ['Cg.', 'Cg.', 2, 'Caribbean guilder', 'Caribbean guilders'],
  XDR: ['XDR', 'XDR', 2, 'special drawing rights', 'special drawing rights'],
  XOF: ['F CFA', 'F CFA', 0, 'West African CFA franc', 'West African CFA francs'],
  XPF: ['CFPF', 'CFPF', 0, 'CFP franc', 'CFP francs'],
  XSU: ['XSU', 'XSU', 2, 'Sucre', 'Sucres'],
  YER: ['YER', 'YER', 0, 'Yemeni rial', 'Yemeni rials'],
  ZMW: ['ZMW', 'ZK', 2, 'Zambian kwacha', 'Zambian kwachas'],
  ZWG: ['ZWG', 'ZWG', 2, 'Zimbabwean gold', 'Zimbabwean gold'],
  ZWL: ['ZWL', 'ZWL', 2, 'Zimbabwean dollar (2009–2024)', 'Zimbabwean dollars (2009–2024)'],
  BTC: ['BTC', 'BTC', 2, 'BTC', 'BTC'],
};

// UNITS: unit -> [short, narrow, long singular, long plural]; "{0}" marks the number where the
// pattern is not "number unit".
const UNITS = {
  acre: ['ac', 'ac', 'acre', 'acres'],
  bit: ['bit', 'bit', 'bit', 'bits'],
  byte: ['byte', 'B', 'byte', 'bytes'],
  celsius: ['°C', '°C', 'degree Celsius', 'degrees Celsius'],
  centimeter: ['cm', 'cm', 'centimeter', 'centimeters'],
  day: ['day|days', 'd', 'day', 'days'],
  degree: ['deg', '°', 'degree', 'degrees'],
  fahrenheit: ['°F', '°', 'degree Fahrenheit', 'degrees Fahrenheit'],
  'fluid-ounce': ['fl oz', 'fl oz', 'fluid ounce', 'fluid ounces'],
  foot: ['ft', '′', 'foot', 'feet'],
  gallon: ['gal', 'gal', 'gallon', 'gallons'],
  gigabit: ['Gb', 'Gb', 'gigabit', 'gigabits'],
  gigabyte: ['GB', 'GB', 'gigabyte', 'gigabytes'],
  gram: ['g', 'g', 'gram', 'grams'],
  hectare: ['ha', 'ha', 'hectare', 'hectares'],
  hour: ['hr', 'h', 'hour', 'hours'],
  inch: ['in', '″', 'inch', 'inches'],
  kilobit: ['kb', 'kb', 'kilobit', 'kilobits'],
  kilobyte: ['kB', 'kB', 'kilobyte', 'kilobytes'],
  kilogram: ['kg', 'kg', 'kilogram', 'kilograms'],
  kilometer: ['km', 'km', 'kilometer', 'kilometers'],
  liter: ['L', 'L', 'liter', 'liters'],
  megabit: ['Mb', 'Mb', 'megabit', 'megabits'],
  megabyte: ['MB', 'MB', 'megabyte', 'megabytes'],
  meter: ['m', 'm', 'meter', 'meters'],
  microsecond: ['μs', 'μs', 'microsecond', 'microseconds'],
  mile: ['mi', 'mi', 'mile', 'miles'],
  'mile-scandinavian': ['smi', 'smi', 'mile-scandinavian', 'miles-scandinavian'],
  milliliter: ['mL', 'mL', 'milliliter', 'milliliters'],
  millimeter: ['mm', 'mm', 'millimeter', 'millimeters'],
  millisecond: ['ms', 'ms', 'millisecond', 'milliseconds'],
  minute: ['min', 'm', 'minute', 'minutes'],
  month: ['mth|mths', 'm', 'month', 'months'],
  nanosecond: ['ns', 'ns', 'nanosecond', 'nanoseconds'],
  ounce: ['oz', 'oz', 'ounce', 'ounces'],
  percent: ['%', '%', 'percent', 'percent'],
  petabyte: ['PB', 'PB', 'petabyte', 'petabytes'],
  pound: ['lb', '#', 'pound', 'pounds'],
  second: ['sec', 's', 'second', 'seconds'],
  stone: ['st', 'st', 'stone', 'stones'],
  terabit: ['Tb', 'Tb', 'terabit', 'terabits'],
  terabyte: ['TB', 'TB', 'terabyte', 'terabytes'],
  week: ['wk|wks', 'w', 'week', 'weeks'],
  yard: ['yd', 'yd', 'yard', 'yards'],
  year: ['yr|yrs', 'y', 'year', 'years'],
};
const PER = {
  'kilometer-per-hour': ['km/h', 'km/h', 'kilometer per hour', 'kilometers per hour'],
  'mile-per-hour': ['mph', 'mph', 'mile per hour', 'miles per hour'],
  'meter-per-second': ['m/s', 'm/s', 'meter per second', 'meters per second'],
  'liter-per-kilometer': ['L/km', 'L/km', 'liter per kilometer', 'liters per kilometer'],
  'mile-per-gallon': ['mpg', 'mpg', 'mile per gallon', 'miles per gallon'],
};

const PER_DENOM = { second: 's', minute: 'min', hour: 'h', day: 'd', week: 'w', month: 'm', year: 'y' };

function unitLabel(unit, display, plural) {
  const pick = (x, pl) => {
    if (display === 'long') return pl ? x[3] : x[2];
    const s = (display === 'narrow' ? x[1] : x[0]).split('|');
    return pl && s[1] ? s[1] : s[0];
  };
  const e = UNITS[unit] || PER[unit];
  if (e) return pick(e, plural);
  const [a, b] = unit.split('-per-');
  if (display === 'long') return pick(UNITS[a], plural) + ' per ' + pick(UNITS[b], false);
  return pick(UNITS[a], plural) + '/' + (PER_DENOM[b] || pick(UNITS[b], false));
}

function isWellFormedUnit(u) {
  if (UNITS[u] || PER[u]) return true;
  const p = u.split('-per-');
  return p.length === 2 && !!UNITS[p[0]] && !!UNITS[p[1]];
}

function currencyInfo(code) {
  return CURRENCY[code] || enCurrency(code);
}


function NumberFormatImpl(newTarget, self, locales, options) {
  const nf = newTarget === undefined ? Object.create(NumberFormat.prototype) : self;
  const requested = canonicalizeLocaleList(locales);
  const opts = getOpts(options);
  const s = { kind: 'NumberFormat' };
  getOption(opts, 'localeMatcher', 'NumberFormat', ['lookup', 'best fit'], 'best fit');
  const nu = opts.numberingSystem;
  if (nu !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(toStr(nu))) {
    throw new RangeError('Invalid numberingSystem : ' + String(nu));
  }
  const r = resolveLocale(requested, false, { nu: nuKeys() }, true);
  s.locale = r.locale;
  s.L = r.L || null;
  s.numberingSystem = r.ext.nu === 'latn' || !s.L ? 'latn' : s.L.nu;
  if (s.L && s.numberingSystem !== 'latn') s.digits = s.L.dg;
  // a numbering system asked for: the option wins over the extension, which the locale then
  // keeps only when they agree
  const want = nu !== undefined && (toStr(nu) === 'latn' || nuDigits()[toStr(nu)]) ? toStr(nu) : r.ext.nu;
  if (nu !== undefined && r.ext.nu !== undefined && r.ext.nu !== want) s.locale = s.locale.replace(/-u-nu-[a-z0-9]+$/, '').replace(/-nu-[a-z0-9]+/, '');
  if (want === 'latn' && nu !== undefined && s.numberingSystem !== 'latn' && s.L) {
    s.L = localeNumbers(stripExt(r.tag) + '-u-nu-latn').L;
    s.numberingSystem = 'latn';
    s.digits = undefined;
  } else if (want !== undefined && nuDigits()[want]) {
    // (a locale writing other digits, ar-EG's Arabic ones, has its Latin symbols with them)
    if (s.L && s.L.nu !== 'latn') s.L = localeNumbers(stripExt(r.tag) + '-u-nu-latn').L;
    s.numberingSystem = want;
    s.digits = nuDigits()[want];
  }
  s.style = getOption(opts, 'style', 'NumberFormat', ['decimal', 'percent', 'currency', 'unit'], 'decimal');
  let currency = opts.currency;
  if (currency !== undefined) {
    currency = toStr(currency);
    if (!/^[a-z]{3}$/i.test(currency)) throw new RangeError('Invalid currency code : ' + currency);
  }
  s.currencyDisplay = getOption(opts, 'currencyDisplay', 'NumberFormat', ['code', 'symbol', 'narrowSymbol', 'name'], 'symbol');
  s.currencySign = getOption(opts, 'currencySign', 'NumberFormat', ['standard', 'accounting'], 'standard');
  let unit = opts.unit;
  if (unit !== undefined) {
    unit = toStr(unit);
    if (!isWellFormedUnit(unit)) throw new RangeError('Invalid unit argument for Intl.NumberFormat() \'' + unit + '\'');
  }
  s.unitDisplay = getOption(opts, 'unitDisplay', 'NumberFormat', ['short', 'narrow', 'long'], 'short');
  if (s.style === 'currency') {
    if (currency === undefined) throw new TypeError('Currency code is required with currency style.');
    s.currency = currency.toUpperCase();
  }
  if (s.style === 'unit') {
    if (unit === undefined) throw new TypeError("Invalid unit argument for Intl.NumberFormat() ''");
    s.unit = unit;
  }
  s.notation = getOption(opts, 'notation', 'NumberFormat', ['standard', 'scientific', 'engineering', 'compact'], 'standard');
  let cDigits = 2;
  if (s.style === 'currency') cDigits = currencyInfo(s.currency) ? currencyInfo(s.currency)[2] : 2;
  let mnfdDefault, mxfdDefault;
  if (s.style === 'currency' && s.notation === 'standard') { mnfdDefault = cDigits; mxfdDefault = cDigits; } else {
    mnfdDefault = 0;
    mxfdDefault = s.style === 'percent' ? 0 : 3;
  }
  setDigitOptions(s, opts, mnfdDefault, mxfdDefault, s.notation, 'NumberFormat');
  s.compactDisplay = getOption(opts, 'compactDisplay', 'NumberFormat', ['short', 'long'], 'short');
  const defaultGrouping = s.notation === 'compact' ? 'min2' : 'auto';
  let g = opts.useGrouping;
  if (g === undefined) g = defaultGrouping;
  else if (g === true) g = 'always';
  else if (g === false || g === null || g === 0 || g === '') g = false;
  else {
    g = toStr(g);
    if (g === 'true' || g === 'false') g = defaultGrouping;
    else if (!['min2', 'auto', 'always'].includes(g)) {
      throw new RangeError('Value ' + g + ' out of range for Intl.NumberFormat options property useGrouping');
    }
  }
  s.useGrouping = g;
  s.signDisplay = getOption(opts, 'signDisplay', 'NumberFormat', ['auto', 'never', 'always', 'exceptZero', 'negative'], 'auto');
  if (s.style === 'currency' && !s.L) {
    const c = currencyInfo(s.currency);
    s.sym = s.currency;
    if (s.currencyDisplay === 'symbol' && c) s.sym = c[0];
    else if (s.currencyDisplay === 'narrowSymbol' && c) s.sym = c[1];
    s.symSep = s.sym !== '' && !SYM_OR_SPACE.test(s.sym[s.sym.length - 1]) ? '\u00a0' : '';
  }
  slots.set(nf, s);
  return chainLegacy(nf, newTarget, self, NumberFormat);
}

function setDigitOptions(s, opts, mnfdDefault, mxfdDefault, notation, ctor) {
  s.minimumIntegerDigits = getNumberOption(opts, 'minimumIntegerDigits', 1, 21, 1);
  const mnfd = opts.minimumFractionDigits;
  const mxfd = opts.maximumFractionDigits;
  const mnsd = opts.minimumSignificantDigits;
  const mxsd = opts.maximumSignificantDigits;
  const inc = getNumberOption(opts, 'roundingIncrement', 1, 5000, 1);
  if (![1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000].includes(inc)) {
    throw new RangeError('roundingIncrement value is out of range.');
  }
  s.roundingIncrement = inc;
  s.roundingMode = getOption(opts, 'roundingMode', ctor,
    ['ceil', 'floor', 'expand', 'trunc', 'halfCeil', 'halfFloor', 'halfExpand', 'halfTrunc', 'halfEven'], 'halfExpand');
  s.roundingPriority = getOption(opts, 'roundingPriority', ctor, ['auto', 'morePrecision', 'lessPrecision'], 'auto');
  s.trailingZeroDisplay = getOption(opts, 'trailingZeroDisplay', ctor, ['auto', 'stripIfInteger'], 'auto');
  const hasSd = mnsd !== undefined || mxsd !== undefined;
  const hasFd = mnfd !== undefined || mxfd !== undefined;
  let needSd = true, needFd = true;
  if (s.roundingPriority === 'auto') {
    needSd = hasSd;
    if (needSd || (!hasFd && notation === 'compact')) needFd = false;
  }
  if (needSd) {
    if (hasSd) {
      s.minimumSignificantDigits = getNumberOption(opts, 'minimumSignificantDigits', 1, 21, 1);
      s.maximumSignificantDigits = getNumberOption(opts, 'maximumSignificantDigits', s.minimumSignificantDigits, 21, 21);
    } else {
      s.minimumSignificantDigits = 1;
      s.maximumSignificantDigits = 21;
    }
  }
  if (needFd) {
    if (hasFd) {
      // (node 20's V8 still allows 0 to 20 here: ES2023's 100 came later)
      let lo = getNumberOption(opts, 'minimumFractionDigits', 0, 20, undefined);
      let hi = getNumberOption(opts, 'maximumFractionDigits', 0, 20, undefined);
      if (lo === undefined) lo = Math.min(mnfdDefault, hi);
      else if (hi === undefined) hi = Math.max(mxfdDefault, lo);
      else if (lo > hi) throw new RangeError('maximumFractionDigits value is out of range.');
      s.minimumFractionDigits = lo;
      s.maximumFractionDigits = hi;
    } else {
      s.minimumFractionDigits = mnfdDefault;
      s.maximumFractionDigits = mxfdDefault;
    }
  }
  if (!needSd && !needFd) {
    s.minimumFractionDigits = 0;
    s.maximumFractionDigits = 0;
    s.minimumSignificantDigits = 1;
    s.maximumSignificantDigits = 2;
    s.roundingPriority = 'morePrecision';
  }
  if (inc !== 1) {
    if (s.maximumFractionDigits !== s.minimumFractionDigits) {
      throw new RangeError('maximumFractionDigits value is out of range.');
    }
  }
}

function toNumeric(x) {
  if (typeof x === 'bigint') return toDecimal(x);
  if (typeof x === 'string') return decimalFromString(x);
  const p = typeof x === 'object' && x !== null ? (typeof x.valueOf() === 'bigint' ? x.valueOf() : Number(x)) : x;
  if (typeof p === 'bigint') return toDecimal(p);
  return toDecimal(Number(p));
}

const COMPACT_SHORT = ['', 'K', 'M', 'B', 'T'];
const COMPACT_LONG = ['', ' thousand', ' million', ' billion', ' trillion'];

function groupInt(int, g, L) {
  if (L) return groupIntL(int, g, L);
  if (!g || int.length < 4 || (g === 'min2' && int.length < 5)) return [int];
  const out = [];
  let i = int.length % 3 || 3;
  out.push(int.slice(0, i));
  for (; i < int.length; i += 3) out.push(int.slice(i, i + 3));
  return out;
}

// groupIntL groups an integer's digits with a locale's sizes: the last group has g1 digits, the
// others g2 (3 and 3, or 3 and 2 for Indian grouping), and none is made unless the integer has
// at least the minimum grouping digits (the locale's, or 2 for min2, or 1 for always) more.
function groupIntL(int, g, L) {
  if (!g) return [int];
  const min = g === 'always' ? 1 : g === 'min2' ? Math.max(2, L.mg) : L.mg;
  if (int.length < L.g1 + min) return [int];
  const out = [int.slice(int.length - L.g1)];
  let end = int.length - L.g1;
  while (end > L.g2) {
    out.unshift(int.slice(end - L.g2, end));
    end -= L.g2;
  }
  out.unshift(int.slice(0, end));
  return out;
}


// compactRow finds a locale's compact pattern row for a magnitude (null: not compacted).
function compactRow(rows, mag) {
  if (mag < 3) return null;
  return rows[Math.min(mag, 20) - 3];
}

// formatNumberParts formats a decimal d with the number options s, returning parts (without
// the sign) and the rounded decimal.
function numberParts(s, d0) {
  let d = d0;
  const parts = [];
  const L = s.L;
  if (d.nan) { parts.push({ type: 'nan', value: L ? L.nan : 'NaN' }); return { parts, d }; }
  if (d.inf) { parts.push({ type: 'infinity', value: L ? L.inf : '∞' }); return { parts, d }; }
  if (s.style === 'percent') d = { neg: d.neg, digits: d.digits, exp: d.digits ? d.exp + 2 : 0 };
  let exponent = 0;
  let compact = 0;
  let row = null;
  if (L && s.notation === 'compact') {
    const rows = L.compact[s.compactDisplay];
    const mag = d.digits ? d.exp : 0;
    row = compactRow(rows, mag);
    let div = row ? row.div : 0;
    let r = applyDigits({ neg: d.neg, digits: d.digits, exp: d.exp - div }, s);
    if (r.d.digits && r.d.exp + div > mag) { // rounding reached the next magnitude
      const row2 = compactRow(rows, r.d.exp + div);
      const div2 = row2 ? row2.div : 0;
      if (row2 !== row) {
        row = row2;
        if (div2 !== div) { div = div2; r = applyDigits({ neg: d.neg, digits: d.digits, exp: d.exp - div }, s); }
      }
    }
    d = r;
  } else if (s.notation === 'scientific' || s.notation === 'engineering') {
    if (d.digits) {
      exponent = d.exp;
      if (s.notation === 'engineering') exponent = Math.floor(d.exp / 3) * 3;
      let m = { neg: d.neg, digits: d.digits, exp: d.exp - exponent };
      let r = applyDigits(m, s);
      if (r.d.digits && r.d.exp >= (s.notation === 'engineering' ? 3 : 1)) {
        exponent += s.notation === 'engineering' ? 3 : 1;
        m = { neg: d.neg, digits: d.digits, exp: d.exp - exponent };
        r = applyDigits(m, s);
      }
      d = r;
    } else d = applyDigits(d, s);
  } else if (s.notation === 'compact') {
    const mag = d.digits ? d.exp : 0;
    compact = Math.min(4, Math.max(0, Math.floor(mag / 3)));
    let r = applyDigits({ neg: d.neg, digits: d.digits, exp: d.exp - compact * 3 }, s);
    if (compact < 4 && r.d.digits && r.d.exp + compact * 3 >= (compact + 1) * 3) {
      compact++;
      r = applyDigits({ neg: d.neg, digits: d.digits, exp: d.exp - compact * 3 }, s);
    }
    d = r;
  } else d = applyDigits(d, s);
  const rd = d.d;
  let { int, frac } = intFrac(rd, d.minFrac || 0, d.minSig, s.minimumIntegerDigits);
  if (s.trailingZeroDisplay === 'stripIfInteger' && /^0*$/.test(frac)) frac = '';
  let G = L;
  if (L && L.gs) {
    const gs = L.gs[s.style === 'percent' ? 'pct' : s.style !== 'currency' ? '' : s.currencySign === 'accounting' ? 'acc' : 'cur'];
    if (gs) G = { g1: gs[0], g2: gs[1], mg: L.mg };
  }
  const groups = groupInt(int, s.useGrouping, G);
  const dg = s.digits;
  const cur = L && s.style === 'currency';
  groups.forEach((g, i) => {
    if (i) parts.push({ type: 'group', value: L ? (cur && L.cgrp) || L.grp : ',' });
    parts.push({ type: 'integer', value: dg ? localDigits(g, dg) : g });
  });
  if (frac) {
    parts.push({ type: 'decimal', value: L ? (cur && L.cdec) || L.dec : '.' });
    parts.push({ type: 'fraction', value: dg ? localDigits(frac, dg) : frac });
  }
  if (row) {
    const t = (int === '1' && !frac && row.t.x1) || row.t[pluralOf(L.lang, 'cardinal', int, frac)] || row.t.other ||
      row.t[Object.keys(row.t)[0]];
    const before = [];
    let seen = false;
    for (const e of t) {
      if (e[0] === 'n') { seen = true; continue; }
      const part = { type: e[0] === 'k' ? 'compact' : 'literal', value: e[1] };
      if (seen) parts.push(part); else before.push(part);
    }
    if (before.length) parts.unshift(...before);
  }
  if (s.notation === 'scientific' || s.notation === 'engineering') {
    parts.push({ type: 'exponentSeparator', value: L ? L.exs : 'E' });
    if (exponent < 0) {
      if (L && L.exl) parts.push({ type: 'literal', value: L.exl });
      parts.push({ type: 'exponentMinusSign', value: L ? L.exm : '-' });
    }
    parts.push({ type: 'exponentInteger', value: String(Math.abs(exponent)) });
    if (dg) parts[parts.length - 1].value = localDigits(parts[parts.length - 1].value, dg);
  } else if (compact) {
    if (s.compactDisplay === 'long') {
      parts.push({ type: 'literal', value: ' ' });
      parts.push({ type: 'compact', value: COMPACT_LONG[compact].slice(1) });
    } else parts.push({ type: 'compact', value: COMPACT_SHORT[compact] });
  }
  return { parts, d: rd, int, frac };
}

function signOf(s, d, rd) {
  const zero = d.nan || (!d.inf && rd.digits === '');
  const neg = d.neg && !d.nan;
  switch (s.signDisplay) {
    case 'never': return '';
    case 'always': return neg ? '-' : '+';
    case 'exceptZero': return zero ? '' : neg ? '-' : '+';
    case 'negative': return neg && !zero ? '-' : '';
    default: return neg ? '-' : '';
  }
}

// formatToPartsL formats with a locale's data: the number's parts go into the pattern of the
// style and sign, with the currency's symbol or name, and a no-break space between a currency
// symbol that ends (or starts) with a letter and a digit next to it, as CLDR's currency spacing.
function formatToPartsL(s, x) {
  const L = s.L;
  const d = toNumeric(x);
  const { parts: num, d: rd, int, frac } = numberParts(s, d);
  const sign = signOf(s, d, rd || d);
  const i = sign === '-' ? 1 : sign === '+' ? 2 : 0;
  let tpl = L.n[i], cur;
  if (s.style === 'percent') tpl = L.pct[i];
  else if (s.style === 'currency') {
    if (s.currencyDisplay === 'name') {
      tpl = L.name[i];
      const names = L.names[s.currency];
      cur = names ? (names[d.nan || d.inf ? 'other' : pluralOf(L.lang, 'cardinal', int, frac)] || names.other) : s.currency;
    } else {
      tpl = (s.currencySign === 'accounting' ? L.acc : L.cur)[i];
      // (a currency the locale's data lacks takes the English symbols, which ICU's other
      // locales mostly share)
      const sym = L.sym[s.currency] || (CURRENCY[s.currency] && [CURRENCY[s.currency][0], CURRENCY[s.currency][1]]);
      cur = s.currencyDisplay === 'code' || !sym ? s.currency : s.currencyDisplay === 'narrowSymbol' ? sym[sym.length - 1] : sym[0];
    }
  } else if (s.style === 'unit' && localeUnits(L)[s.unit]) {
    const ut = L.units[s.unit][s.unitDisplay];
    const t = ut[pluralOf(L.lang, 'cardinal', int, frac)] || ut.other || ut[Object.keys(ut)[0]];
    const signed = applyTemplate(L.n[i], num);
    const out = [];
    for (const e of t) {
      if (e[0] === 'n') { for (const p of signed) out.push(p); } else if (e[0] === 'u') out.push({ type: 'unit', value: e[1] });
      else out.push({ type: TPL_TYPES[e[0]], value: e[1] });
    }
    return out;
  } else if (s.style === 'unit') {
    // other compound units keep English labels
    const label = unitLabel(s.unit, s.unitDisplay, !(int === '1' && !frac));
    return applyTemplate(L.n[i], num).concat(s.unitDisplay === 'narrow' ? [] : { type: 'literal', value: ' ' }, { type: 'unit', value: label });
  }
  let pre = 0; // a compact prefix ("elfu 1,2") comes before the sign
  while (pre < num.length && (num[pre].type === 'compact' || num[pre].type === 'literal')) pre++;
  if (!num.slice(0, pre).some((p) => p.type === 'compact')) pre = 0;
  const out = pre ? num.slice(0, pre).concat(applyTemplate(tpl, num.slice(pre), cur)) : applyTemplate(tpl, num, cur);
  if (cur !== undefined && s.currencyDisplay !== 'name') {
    for (let j = 0; j < out.length; j++) {
      if (out[j].type !== 'currency') continue;
      const v = out[j].value;
      if (j + 1 < out.length && out[j + 1].type === 'integer' && !SYM_OR_SPACE.test(v[v.length - 1])) {
        out.splice(j + 1, 0, { type: 'literal', value: '\u00a0' });
      } else if (j > 0 && (out[j - 1].type === 'integer' || out[j - 1].type === 'fraction') && !SYM_OR_SPACE.test(v[0])) {
        out.splice(j, 0, { type: 'literal', value: '\u00a0' });
        j++;
      }
    }
  }
  return out;
}

// SYM_OR_SPACE: a currency symbol's character of Unicode's classes S or Z, after which CLDR's
// currency spacing adds no space (currency signs, ASCII symbols, spaces; glue regexps cannot
// use \p{...}).
const SYM_OR_SPACE = /[$+<=>^`|~\u00a2-\u00a9\u00ac\u00ae-\u00b1\u00b4\u00d7\u00f7\u058f\u060b\u07fe\u07ff\u09f2\u09f3\u09fb\u0af1\u0bf9\u0e3f\u17db\ua838\ufe69\uff04\u20a0-\u20c0\u2100-\u214f\ufdfc\uffe0-\uffe6\s\u00a0\u2000-\u200a\u202f\u205f\u3000]/;

const TPL_TYPES = { l: 'literal', '-': 'minusSign', '+': 'plusSign', '%': 'percentSign' };

function applyTemplate(tpl, num, cur) {
  const out = [];
  for (const e of tpl) {
    if (e[0] === 'n') { for (const p of num) out.push(p); } else if (e[0] === 'c') out.push({ type: 'currency', value: cur });
    else out.push({ type: TPL_TYPES[e[0]], value: e[1] });
  }
  return out;
}

function formatToPartsNF(s, x) {
  if (s.L) return formatToPartsL(s, x);
  if (s.digits) {
    // (English's own path writes Latin digits: the asked numbering system's replace them)
    const parts = formatToPartsEN(s, x);
    for (const p of parts) {
      if (p.type === 'integer' || p.type === 'fraction' || p.type === 'exponentInteger') p.value = localDigits(p.value, s.digits);
    }
    return parts;
  }
  return formatToPartsEN(s, x);
}

function formatToPartsEN(s, x) {
  const d = toNumeric(x);
  const { parts: num, d: rd, int, frac } = numberParts(s, d);
  const sign = signOf(s, d, rd || d);
  const signPart = sign ? [{ type: sign === '-' ? 'minusSign' : 'plusSign', value: sign }] : [];
  const one = !d.nan && !d.inf && int === '1' && !frac && s.notation !== 'compact';
  if (s.style === 'percent') return signPart.concat(num, { type: 'percentSign', value: '%' });
  if (s.style === 'currency') {
    const c = currencyInfo(s.currency);
    if (s.currencyDisplay === 'name') {
      const name = c ? (one ? c[3] : c[4]) : s.currency;
      return signPart.concat(num, { type: 'literal', value: ' ' }, { type: 'currency', value: name });
    }
    let sym = s.currency;
    if (s.currencyDisplay === 'symbol' && c) sym = c[0];
    else if (s.currencyDisplay === 'narrowSymbol' && c) sym = c[1];
    const symPart = { type: 'currency', value: sym };
    // ICU's currency spacing: a symbol that does not end in a symbol or space character is
    // kept apart from the digits (CA$1, but Kč 1 and Cg. 1)
    const sep = sym !== '' && !SYM_OR_SPACE.test(sym[sym.length - 1]) && num[0].type === 'integer' ? [{ type: 'literal', value: '\u00a0' }] : [];
    if (s.currencySign === 'accounting' && sign === '-') {
      return [{ type: 'literal', value: '(' }, symPart].concat(sep, num, { type: 'literal', value: ')' });
    }
    return signPart.concat(symPart, sep, num);
  }
  if (s.style === 'unit') {
    const u = s.unit;
    const label = unitLabel(u, s.unitDisplay, !one);
    if (u === 'percent' && s.unitDisplay !== 'long') return signPart.concat(num, { type: 'unit', value: '%' });
    const noSpace = s.unitDisplay === 'narrow' || (s.unitDisplay === 'short' && /^(celsius|fahrenheit)$/.test(u));
    return signPart.concat(num, noSpace ? [] : { type: 'literal', value: ' ' }, { type: 'unit', value: label });
  }
  return signPart.length ? signPart.concat(num) : num;
}


// formatStringNF is format(): the common cases without building parts.
function formatStringNF(s, x) {
  if (s.L || s.digits) return joinParts(formatToPartsNF(s, x));
  const d = toNumeric(x);
  if (d.nan || d.inf || s.notation !== 'standard' || s.style === 'unit' || (s.style === 'currency' && s.currencyDisplay === 'name')) {
    return joinParts(formatToPartsNF(s, x));
  }
  const dd = s.style === 'percent' && d.digits ? { neg: d.neg, digits: d.digits, exp: d.exp + 2 } : d;
  const r = applyDigits(dd, s);
  let { int, frac } = intFrac(r.d, r.minFrac || 0, r.minSig, s.minimumIntegerDigits);
  if (s.trailingZeroDisplay === 'stripIfInteger' && /^0*$/.test(frac)) frac = '';
  let num = groupInt(int, s.useGrouping);
  num = num.length === 1 ? num[0] : num.join(',');
  if (frac) num += '.' + frac;
  const sign = signOf(s, d, r.d);
  if (s.style === 'percent') return sign + num + '%';
  if (s.style === 'currency') {
    if (s.currencySign === 'accounting' && sign === '-') return '(' + s.sym + s.symSep + num + ')';
    return sign + s.sym + s.symSep + num;
  }
  return sign + num;
}


// nfRangeParts is formatRangeToParts of two numbers' parts, as ICU collapses a range (its
// "auto"): one number shown once, after an approximately sign, when both print the same; else
// the numbers' affixes in layers, a unit's or currency's name outermost (it collapses, in the
// end's plural: 1–2 kilometers), then sign, currency, percent and compact suffix, which collapse only when
// both numbers have the same and they are more than one character (1,00–2,00 € in de, but
// $1.00 – $2.00); the separator gets spaces where the start keeps an affix of its own (-5 – 5).
function nfRangeParts(s, pa, pb) {
  const tag = (ps, source) => ps.map((p) => ({ ...p, source }));
  if (joinParts(pa) === joinParts(pb)) {
    // (the sign goes where the minus sign would: an accounting pattern's parentheses have none)
    const paren = s.currencySign === 'accounting' && pa.some((p) => p.type === 'literal' && p.value.includes('('));
    return tag(paren ? pa : [{ type: 'approximatelySign', value: '~' }, ...pa], 'shared');
  }
  const A = nfLayers(s, pa), B = nfLayers(s, pb);
  const len = (ps) => [...joinParts(ps)].length;
  const midA = len(A.midPre) + len(A.midPost);
  const collapse = midA > 1 && joinParts(A.midPre) === joinParts(B.midPre) && joinParts(A.midPost) === joinParts(B.midPost);
  let start, end;
  if (collapse) {
    start = tag(A.core, 'startRange'); end = tag(B.core, 'endRange');
  } else {
    start = tag(A.midPre.concat(A.core, A.midPost), 'startRange'); end = tag(B.midPre.concat(B.core, B.midPost), 'endRange');
  }
  // the separator takes in the literals either side of it: ") – " of an accounting range
  let sep = !collapse && midA > 0 ? ' – ' : '–';
  while (start.length && start[start.length - 1].type === 'literal') sep = start.pop().value + sep;
  while (end.length && end[0].type === 'literal') sep += end.shift().value;
  const mid = start.concat({ type: 'literal', value: sep, source: 'shared' }, end);
  const pre = collapse ? B.outPre.concat(A.midPre) : B.outPre, post = collapse ? A.midPost.concat(B.outPost) : B.outPost;
  return tag(pre, 'shared').concat(mid, tag(post, 'shared'));
}

// nfLayers splits a number's parts into its digits (core), the affixes of its sign, currency,
// percent and compact suffix (midPre, midPost) and those of its unit or currency name (outPre,
// outPost: the name and the literal between it and the rest).
function nfLayers(s, parts) {
  const digit = (t) => t === 'integer' || t === 'group' || t === 'decimal' || t === 'fraction' || t === 'nan' || t === 'infinity' || t.startsWith('exponent');
  let i = 0, j = parts.length;
  while (i < j && !digit(parts[i].type)) i++;
  while (j > i && !digit(parts[j - 1].type)) j--;
  let pre = parts.slice(0, i), post = parts.slice(j), outPre = [], outPost = [];
  // (a unit's name and a currency's long name; a percent unit is a percent sign)
  const outer = s.style === 'unit' && s.unit !== 'percent' ? 'unit' : s.style === 'currency' && s.currencyDisplay === 'name' ? 'currency' : '';
  if (outer) {
    const k = post.findIndex((p) => p.type === outer);
    if (k >= 0) {
      const from = k > 0 && post[k - 1].type === 'literal' ? k - 1 : k;
      outPost = post.slice(from); post = post.slice(0, from);
    }
    let m = -1;
    for (let q = 0; q < pre.length; q++) if (pre[q].type === outer) m = q;
    if (m >= 0) {
      const to = m + 1 < pre.length && pre[m + 1].type === 'literal' ? m + 2 : m + 1;
      outPre = pre.slice(0, to); pre = pre.slice(to);
    }
  }
  return { midPre: pre, core: parts.slice(i, j), midPost: post, outPre, outPost };
}

const NumberFormatDef = { make: NumberFormatImpl, methods: {
  formatToParts(x) {
    return formatToPartsNF(state(this, 'NumberFormat', 'formatToParts'), x);
  },
  formatRange(a, b) {
    const s = state(this, 'NumberFormat', 'formatRange');
    if (a === undefined || b === undefined) throw new TypeError('start or end is undefined');
    return joinParts(nfRangeParts(s, formatToPartsNF(s, a), formatToPartsNF(s, b)));
  },
  formatRangeToParts(a, b) {
    const s = state(this, 'NumberFormat', 'formatRangeToParts');
    if (a === undefined || b === undefined) throw new TypeError('start or end is undefined');
    return nfRangeParts(s, formatToPartsNF(s, a), formatToPartsNF(s, b));
  },
  resolvedOptions() {
    const s = state(this, 'NumberFormat', 'resolvedOptions');
    const o = { locale: s.locale, numberingSystem: s.numberingSystem, style: s.style };
    if (s.style === 'currency') {
      o.currency = s.currency; o.currencyDisplay = s.currencyDisplay; o.currencySign = s.currencySign;
    }
    if (s.style === 'unit') { o.unit = s.unit; o.unitDisplay = s.unitDisplay; }
    o.minimumIntegerDigits = s.minimumIntegerDigits;
    if (s.minimumSignificantDigits !== undefined) {
      o.minimumSignificantDigits = s.minimumSignificantDigits;
      o.maximumSignificantDigits = s.maximumSignificantDigits;
    }
    if (s.minimumFractionDigits !== undefined) {
      o.minimumFractionDigits = s.minimumFractionDigits;
      o.maximumFractionDigits = s.maximumFractionDigits;
    }
    o.useGrouping = s.useGrouping;
    o.notation = s.notation;
    if (s.notation === 'compact') o.compactDisplay = s.compactDisplay;
    o.signDisplay = s.signDisplay;
    o.roundingMode = s.roundingMode;
    o.roundingIncrement = s.roundingIncrement;
    o.trailingZeroDisplay = s.trailingZeroDisplay;
    o.roundingPriority = s.roundingPriority;
    return o;
  },
}, getters: {
  format() {
    const s = state(this, 'NumberFormat', 'get format');
    if (!s.bound) {
      const bound = (x) => formatStringNF(s, x); // (its frame is V8's bound format's: none)
      s.bound = bound;
    }
    return s.bound;
  },
} };


// ---- PluralRules -----------------------------------------------------------------------------

function PluralRulesImpl(newTarget, self, locales, options) {
  requireNew(newTarget, 'PluralRules');
  const requested = canonicalizeLocaleList(locales);
  const opts = getOpts(options);
  const s = { kind: 'PluralRules' };
  getOption(opts, 'localeMatcher', 'PluralRules', ['lookup', 'best fit'], 'best fit');
  s.type = getOption(opts, 'type', 'PluralRules', ['cardinal', 'ordinal'], 'cardinal');
  setDigitOptions(s, opts, 0, 3, 'standard', 'PluralRules');
  s.style = 'decimal'; s.notation = 'standard'; s.useGrouping = false; s.signDisplay = 'never';
  const r = resolveLocale(requested, false, undefined, true);
  s.L = r.L || null;
  // plural rules are a language's (one region has its own: pt-PT); the default locale, asked for
  // by no locale at all, is reported whole
  s.locale = requested.length === 0 ? r.locale : /^pt-PT\b/.test(r.locale) ? 'pt-PT' : r.locale.split('-')[0];
  slots.set(self, s);
}

// pluralOf is CLDR's plural rule of a language for a number shown with the integer digits int
// and the fraction digits frac (operands: n the value, i the integer, v the count of fraction
// digits, f them as a number, t and w the same without trailing zeros).
function pluralOf(lang, type, int, frac) {
  if (int === undefined) return 'other'; // NaN, infinity
  const i = Number(int.length > 15 ? int.slice(-15) : int); // for the remainders below
  const i10 = i % 10, i100 = i % 100;
  const v = frac.length;
  const f = v ? Number(frac) : 0;
  const tStr = frac.replace(/0+$/, '');
  const t = tStr ? Number(tStr) : 0;
  const n = v ? Number(int + '.' + frac) : Number(int);
  const n10 = t ? -1 : i10, n100 = t ? -1 : i100; // n % 10 and n % 100 (of a whole n only: 1.0 is whole)
  const f10 = f % 10, f100 = f % 100;
  const dash = lang.indexOf('-');
  const base = dash < 0 ? lang : lang.slice(0, dash);
  if (type === 'ordinal') {
    switch (base) {
      case 'en': return n10 === 1 && n100 !== 11 ? 'one' : n10 === 2 && n100 !== 12 ? 'two' : n10 === 3 && n100 !== 13 ? 'few' : 'other';
      case 'fr': case 'ms': case 'vi': case 'fil': case 'ro': case 'ga': return n === 1 ? 'one' : 'other';
      case 'hu': return n === 1 || n === 5 ? 'one' : 'other';
      case 'it': return n === 11 || n === 8 || n === 80 || n === 800 ? 'many' : 'other';
      case 'ca': return n === 1 || n === 3 ? 'one' : n === 2 ? 'two' : n === 4 ? 'few' : 'other';
      case 'sv': return (n10 === 1 || n10 === 2) && n100 !== 11 && n100 !== 12 ? 'one' : 'other';
      case 'hi': return n === 1 ? 'one' : n === 2 || n === 3 ? 'two' : n === 4 ? 'few' : n === 6 ? 'many' : 'other';
      case 'bn':
        return n === 1 || n === 5 || n === 7 || n === 8 || n === 9 || n === 10 ? 'one' : n === 2 || n === 3 ? 'two' : n === 4 ? 'few' : n === 6 ? 'many' : 'other';
      case 'uk': return n10 === 3 && n100 !== 13 ? 'few' : 'other';
      default: return 'other';
    }
  }
  const many6 = v === 0 && i !== 0 && int.length > 6 && /000000$/.test(int); // i % 1000000 = 0
  switch (base) {
    case 'ja': case 'zh': case 'ko': case 'vi': case 'id': case 'th': case 'ms': return 'other';
    case 'en': case 'de': case 'nl': case 'sv': case 'fi': case 'et': case 'ur': case 'sw':
      return i === 1 && v === 0 ? 'one' : 'other';
    case 'bg': case 'el': case 'hu': case 'tr': case 'nb': case 'no': case 'af': case 'ta':
      return n === 1 ? 'one' : 'other';
    case 'hi': case 'bn': case 'fa': return i === 0 || n === 1 ? 'one' : 'other';
    case 'da': return n === 1 || (t !== 0 && (i === 0 || i === 1)) ? 'one' : 'other';
    case 'is': return (t === 0 && i10 === 1 && i100 !== 11) || (t % 10 === 1 && t % 100 !== 11) ? 'one' : 'other';
    case 'es': return n === 1 ? 'one' : many6 ? 'many' : 'other';
    case 'it': case 'ca': return i === 1 && v === 0 ? 'one' : many6 ? 'many' : 'other';
    case 'pt':
      if (lang === 'pt-PT') return i === 1 && v === 0 ? 'one' : many6 ? 'many' : 'other';
      return i === 0 || i === 1 ? 'one' : many6 ? 'many' : 'other';
    case 'fr': return i === 0 || i === 1 ? 'one' : many6 ? 'many' : 'other';
    case 'ru': case 'uk':
      if (v !== 0) return 'other';
      if (i10 === 1 && i100 !== 11) return 'one';
      if (i10 >= 2 && i10 <= 4 && (i100 < 12 || i100 > 14)) return 'few';
      return 'many';
    case 'pl':
      if (i === 1 && v === 0) return 'one';
      if (v !== 0) return 'other';
      if (i10 >= 2 && i10 <= 4 && (i100 < 12 || i100 > 14)) return 'few';
      return 'many';
    case 'cs': case 'sk':
      if (i === 1 && v === 0) return 'one';
      if (i >= 2 && i <= 4 && v === 0) return 'few';
      return v !== 0 ? 'many' : 'other';
    case 'hr': case 'sr': case 'bs':
      if ((v === 0 && i10 === 1 && i100 !== 11) || (f10 === 1 && f100 !== 11)) return 'one';
      if ((v === 0 && i10 >= 2 && i10 <= 4 && (i100 < 12 || i100 > 14)) || (f10 >= 2 && f10 <= 4 && (f100 < 12 || f100 > 14))) return 'few';
      return 'other';
    case 'sl':
      if (v === 0 && i100 === 1) return 'one';
      if (v === 0 && i100 === 2) return 'two';
      if ((v === 0 && (i100 === 3 || i100 === 4)) || v !== 0) return 'few';
      return 'other';
    case 'lt': {
      const m10 = n10, m100 = n100;
      if (m10 === 1 && (m100 < 11 || m100 > 19)) return 'one';
      if (m10 >= 2 && m10 <= 9 && (m100 < 11 || m100 > 19)) return 'few';
      return f !== 0 ? 'many' : 'other';
    }
    case 'lv': {
      const m10 = n10, m100 = n100;
      if (m10 === 0 || (m100 >= 11 && m100 <= 19) || (v === 2 && f100 >= 11 && f100 <= 19)) return 'zero';
      if ((m10 === 1 && m100 !== 11) || (v === 2 && f10 === 1 && f100 !== 11) || (v !== 2 && f10 === 1)) return 'one';
      return 'other';
    }
    case 'ro':
      if (i === 1 && v === 0) return 'one';
      if (v !== 0 || n === 0 || (n !== 1 && n100 >= 1 && n100 <= 19)) return 'few';
      return 'other';
    case 'he':
      if ((i === 1 && v === 0) || (i === 0 && v !== 0)) return 'one';
      if (i === 2 && v === 0) return 'two';
      return 'other';
    case 'ar':
      if (n === 0) return 'zero';
      if (n === 1) return 'one';
      if (n === 2) return 'two';
      if (n100 >= 3 && n100 <= 10) return 'few';
      if (n100 >= 11 && n100 <= 99) return 'many';
      return 'other';
    case 'ga':
      if (n === 1) return 'one';
      if (n === 2) return 'two';
      if (v === 0 && n >= 3 && n <= 6) return 'few';
      if (v === 0 && n >= 7 && n <= 10) return 'many';
      return 'other';
    case 'fil':
      return (v === 0 && (i === 1 || i === 2 || i === 3)) || (v === 0 && i10 !== 4 && i10 !== 6 && i10 !== 9) ||
        (v !== 0 && f10 !== 4 && f10 !== 6 && f10 !== 9) ? 'one' : 'other';
    default: return i === 1 && v === 0 ? 'one' : 'other';
  }
}

function pluralCategory(s, x) {
  const d = toDecimal(Number(x));
  if (d.nan || d.inf) return 'other';
  const r = numberParts(s, d);
  const int = r.int, frac = r.frac;
  if (s.L) return pluralOf(s.L.lang, s.type, int, frac);
  if (s.type === 'ordinal') {
    if (frac) return 'other';
    const n10 = Number(int.slice(-1)), n100 = Number(int.slice(-2));
    if (n10 === 1 && n100 !== 11) return 'one';
    if (n10 === 2 && n100 !== 12) return 'two';
    if (n10 === 3 && n100 !== 13) return 'few';
    return 'other';
  }
  return int === '1' && !frac ? 'one' : 'other';
}

const PluralRulesDef = { make: PluralRulesImpl, methods: {
  select(x) { return pluralCategory(state(this, 'PluralRules', 'select'), x); },
  selectRange(a, b) {
    const s = state(this, 'PluralRules', 'selectRange');
    if (a === undefined || b === undefined) throw new TypeError('start or end is undefined');
    return pluralCategory(s, b);
  },
  resolvedOptions() {
    const s = state(this, 'PluralRules', 'resolvedOptions');
    const o = { locale: s.locale, type: s.type, minimumIntegerDigits: s.minimumIntegerDigits };
    if (s.minimumFractionDigits !== undefined) {
      o.minimumFractionDigits = s.minimumFractionDigits;
      o.maximumFractionDigits = s.maximumFractionDigits;
    }
    if (s.minimumSignificantDigits !== undefined) {
      o.minimumSignificantDigits = s.minimumSignificantDigits;
      o.maximumSignificantDigits = s.maximumSignificantDigits;
    }
    if (s.L) o.pluralCategories = (s.type === 'ordinal' ? s.L.ocats : s.L.cats).slice().sort((a, b) => (a === 'other' ? 1 : b === 'other' ? -1 : a < b ? -1 : 1));
    else o.pluralCategories = s.type === 'ordinal' ? ['few', 'one', 'two', 'other'] : ['one', 'other'];
    return o;
  },
} };


// ---- RelativeTimeFormat ----------------------------------------------------------------------

const RT_UNITS = {
  second: ['second', 'sec.', 's', 'now', null],
  minute: ['minute', 'min.', 'm', 'this minute', null],
  hour: ['hour', 'hr.', 'h', 'this hour', null],
  day: ['day', 'day', 'd', 'today', ['yesterday', 'tomorrow']],
  week: ['week', 'wk.', 'w', 'this week', ['last week', 'next week']],
  month: ['month', 'mo.', 'mo', 'this month', ['last month', 'next month']],
  quarter: ['quarter', 'qtr.', 'q', 'this quarter', ['last quarter', 'next quarter']],
  year: ['year', 'yr.', 'y', 'this year', ['last year', 'next year']],
};

function RelativeTimeFormatImpl(newTarget, self, locales, options) {
  requireNew(newTarget, 'RelativeTimeFormat');
  const requested = canonicalizeLocaleList(locales);
  const opts = getOpts(options);
  const s = { kind: 'RelativeTimeFormat' };
  getOption(opts, 'localeMatcher', 'RelativeTimeFormat', ['lookup', 'best fit'], 'best fit');
  const nu = opts.numberingSystem;
  if (nu !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(toStr(nu))) {
    throw new RangeError('Invalid numberingSystem : ' + String(nu));
  }
  const r = resolveLocale(requested, false, { nu: ['latn'] }, true);
  s.locale = r.locale;
  s.L = r.L || null;
  s.style = getOption(opts, 'style', 'RelativeTimeFormat', ['long', 'short', 'narrow'], 'long');
  s.numeric = getOption(opts, 'numeric', 'RelativeTimeFormat', ['always', 'auto'], 'always');
  s.nf = { style: 'decimal', notation: 'standard', useGrouping: 'auto', signDisplay: 'never', minimumIntegerDigits: 1,
    minimumFractionDigits: 0, maximumFractionDigits: 3, roundingMode: 'halfExpand', roundingPriority: 'auto',
    roundingIncrement: 1, trailingZeroDisplay: 'auto' };
  if (s.L) {
    s.nf.L = s.L;
    if (s.L.nu !== 'latn' && r.ext.nu !== 'latn') { s.nf.digits = s.L.dg; s.numberingSystem = s.L.nu; }
  }
  slots.set(self, s);
}


function rtPartsL(s, m, v, u) {
  const e = m.rt[s.style + ' ' + u];
  if (s.numeric === 'auto') {
    const phrase = e.auto[Object.is(v, -0) ? '0' : String(v)];
    if (phrase !== undefined) return [{ type: 'literal', value: phrase }];
  }
  const neg = v < 0 || Object.is(v, -0);
  const num = numberParts(s.nf, toDecimal(Math.abs(v)));
  const ts = neg ? e.past : e.future;
  const t = ts[pluralOf(s.L.lang, 'cardinal', num.int, num.frac)] || ts.other || ts[Object.keys(ts)[0]];
  const out = [];
  for (const x of t) {
    if (x[0] === 'n') { for (const p of num.parts) out.push({ type: p.type, value: p.value, unit: u }); } else out.push({ type: TPL_TYPES[x[0]] || 'literal', value: x[1] });
  }
  return out;
}

function rtParts(s, value, unit, method) {
  let v = Number(value);
  if (!Number.isFinite(v)) {
    throw new RangeError('Value need to be finite number for Intl.RelativeTimeFormat.prototype.' + method + '()');
  }
  let u = toStr(unit);
  const singular = u.endsWith('s') ? u.slice(0, -1) : u;
  const e = RT_UNITS[singular];
  if (!e) throw new RangeError('Invalid unit argument for Intl.RelativeTimeFormat.prototype.' + method + '() \'' + u + '\'');
  u = singular;
  if (s.L) {
    const m = localeMisc(s.L);
    if (m) return rtPartsL(s, m, v, u);
  }
  const neg = v < 0 || Object.is(v, -0);
  if (s.numeric === 'auto') {
    if (v === 0 && !Object.is(v, -0) || Object.is(v, -0)) {
      let phrase = e[3];
      if (s.style !== 'long' && e[4] && u !== 'day') phrase = 'this ' + e[1];
      return [{ type: 'literal', value: phrase }];
    }
    if (e[4] && (v === 1 || v === -1)) {
      let phrase = e[4][v === 1 ? 1 : 0];
      if (s.style !== 'long' && u !== 'day') phrase = phrase.split(' ')[0] + ' ' + e[1].replace(/^mo\.$/, 'mo.');
      return [{ type: 'literal', value: phrase }];
    }
  }
  const num = numberParts(s.nf, toDecimal(Math.abs(v)));
  const plural = !(num.int === '1' && !num.frac);
  let label;
  if (s.style === 'narrow') label = e[2];
  else if (s.style === 'short') {
    label = e[1];
    if (plural) label = label === 'qtr.' ? 'qtrs.' : label === 'day' ? 'days' : label;
  } else label = plural ? e[0] + 's' : e[0];
  const numParts = num.parts.map((p) => ({ type: p.type, value: p.value, unit: u }));
  const sep = s.style === 'narrow' ? '' : ' ';
  if (neg) return numParts.concat({ type: 'literal', value: sep + label + ' ago' });
  return [{ type: 'literal', value: 'in ' }].concat(numParts, { type: 'literal', value: sep + label });
}

const RelativeTimeFormatDef = { make: RelativeTimeFormatImpl, methods: {
  format(value, unit) { return joinParts(rtParts(state(this, 'RelativeTimeFormat', 'format'), value, unit, 'format')); },
  formatToParts(value, unit) { return rtParts(state(this, 'RelativeTimeFormat', 'formatToParts'), value, unit, 'formatToParts'); },
  resolvedOptions() {
    const s = state(this, 'RelativeTimeFormat', 'resolvedOptions');
    return { locale: s.locale, style: s.style, numeric: s.numeric, numberingSystem: s.numberingSystem || 'latn' };
  },
} };


return { NumberFormat: NumberFormatDef, PluralRules: PluralRulesDef, RelativeTimeFormat: RelativeTimeFormatDef, CURRENCY, UNITS };
})
//#end number

let numberPart = null;
function partNumber() {
  return numberPart || (numberPart = binding.part('number')({ NumberFormat, canonicalizeLocaleList, chainLegacy, enCurrency, getNumberOption, getOption, getOpts, joinParts, localDigits, localeMisc, localeNumbers, localeUnits, nuDigits, nuKeys, rangeParts, requireNew, resolveLocale, slots, state, stripExt, toStr }));
}
function NumberFormat(locales, options) {
  return partNumber().NumberFormat.make(new.target, this, locales, options);
}
lazyClass(NumberFormat, 'NumberFormat', partNumber, 'resolvedOptions 0, formatToParts 1, get format, formatRange 2, formatRangeToParts 2');
defineStatic(NumberFormat, false, true);
function PluralRules(locales, options) {
  return partNumber().PluralRules.make(new.target, this, locales, options);
}
lazyClass(PluralRules, 'PluralRules', partNumber, 'resolvedOptions 0, select 1, selectRange 2');
defineStatic(PluralRules, false, true);
function RelativeTimeFormat(locales, options) {
  return partNumber().RelativeTimeFormat.make(new.target, this, locales, options);
}
lazyClass(RelativeTimeFormat, 'RelativeTimeFormat', partNumber, 'resolvedOptions 0, format 2, formatToParts 2');
defineStatic(RelativeTimeFormat, false, true);

//#part list
(function ({ canonicalizeLocaleList, getOption, getOpts, joinParts, localeMisc, receiver, requireNew, resolveLocale, slots, state }) {
// ---- ListFormat ------------------------------------------------------------------------------

function ListFormatImpl(newTarget, self, locales, options) {
  requireNew(newTarget, 'ListFormat');
  const requested = canonicalizeLocaleList(locales);
  const opts = getOpts(options);
  const s = { kind: 'ListFormat' };
  getOption(opts, 'localeMatcher', 'ListFormat', ['lookup', 'best fit'], 'best fit');
  const r = resolveLocale(requested, false, undefined, true);
  s.locale = r.locale;
  s.L = r.L || null;
  s.type = getOption(opts, 'type', 'ListFormat', ['conjunction', 'disjunction', 'unit'], 'conjunction');
  s.style = getOption(opts, 'style', 'ListFormat', ['long', 'short', 'narrow'], 'long');
  slots.set(self, s);
}

function listItems(list) {
  if (list === undefined) return [];
  const out = [];
  const it = Object(list)[Symbol.iterator];
  if (typeof it !== 'function') throw new TypeError(receiver(list) + ' is not iterable');
  for (const v of list) {
    if (typeof v !== 'string') throw new TypeError('Iterable yielded ' + (typeof v === 'symbol' ? v.toString() : String(v)) + ' which is not a string');
    out.push(v);
  }
  return out;
}

// listSep adjusts a conjunction or disjunction to the word after it, as CLDR's lists do for
// Spanish ("y" is "e" before an "i" sound, "o" is "u" before an "o" sound) and Hebrew (no hyphen
// after "ו" before a Hebrew letter).
function listSep(lang, sep, next) {
  if (lang === 'es' || lang.startsWith('es-')) {
    if (sep.endsWith(' y ') && /^(i|hi)(?!e)/i.test(next)) return sep.slice(0, -2) + 'e ';
    if (sep.endsWith(' o ') && (/^(o|ho|8)/i.test(next) || /^11(\D|$)/.test(next))) return sep.slice(0, -2) + 'u ';
  } else if ((lang === 'he' || lang.startsWith('he-')) && sep.endsWith('ו-') && /^[\u05d0-\u05ea]/.test(next)) {
    return sep.slice(0, -1);
  }
  return sep;
}

function listParts(s, items) {
  const n = items.length;
  const parts = [];
  const m = s.L && localeMisc(s.L);
  if (m) {
    const p = m.lists[s.type + ' ' + s.style]; // two, start, middle, end
    for (let i = 0; i < n; i++) {
      if (i > 0) parts.push({ type: 'literal', value: listSep(s.L.lang, n === 2 ? p[0] : i === 1 ? p[1] : i === n - 1 ? p[3] : p[2], items[i]) });
      parts.push({ type: 'element', value: items[i] });
    }
    return parts;
  }
  let mid = ', ', two, last;
  if (s.type === 'conjunction') {
    if (s.style === 'long') { two = ' and '; last = ', and '; } else if (s.style === 'short') { two = ' & '; last = ', & '; } else { two = ', '; last = ', '; }
  } else if (s.type === 'disjunction') { two = ' or '; last = ', or '; } else if (s.style === 'narrow') { mid = ' '; two = ' '; last = ' '; } else { two = ', '; last = ', '; }
  for (let i = 0; i < n; i++) {
    if (i > 0) parts.push({ type: 'literal', value: n === 2 ? two : i === n - 1 ? last : mid });
    parts.push({ type: 'element', value: items[i] });
  }
  return parts;
}

const ListFormatDef = { make: ListFormatImpl, methods: {
  format(list) { const s = state(this, 'ListFormat', 'format'); return joinParts(listParts(s, listItems(list))); },
  formatToParts(list) { const s = state(this, 'ListFormat', 'formatToParts'); return listParts(s, listItems(list)); },
  resolvedOptions() {
    const s = state(this, 'ListFormat', 'resolvedOptions');
    return { locale: s.locale, type: s.type, style: s.style };
  },
} };


return { ListFormat: ListFormatDef };
})
//#end list

let listPart = null;
function partList() {
  return listPart || (listPart = binding.part('list')({ canonicalizeLocaleList, getOption, getOpts, joinParts, localeMisc, receiver, requireNew, resolveLocale, slots, state }));
}
function ListFormat(locales, options) {
  return partList().ListFormat.make(new.target, this, locales, options);
}
lazyClass(ListFormat, 'ListFormat', partList, 'resolvedOptions 0, format 1, formatToParts 1');
defineStatic(ListFormat, false, true);

//#part collator
(function ({ Collator, binding, canonicalizeLocaleList, getOption, getOpts, resolveLocale, slots, state, stripExt, toStr }) {
// ---- Collator --------------------------------------------------------------------------------

function CollatorImpl(newTarget, self, locales, options) {
  const c = newTarget === undefined ? Object.create(Collator.prototype) : self;
  const requested = canonicalizeLocaleList(locales);
  const opts = getOpts(options);
  const s = { kind: 'Collator' };
  s.usage = getOption(opts, 'usage', 'Collator', ['sort', 'search'], 'sort');
  getOption(opts, 'localeMatcher', 'Collator', ['lookup', 'best fit'], 'best fit');
  const co = opts.collation;
  if (co !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(toStr(co))) {
    throw new RangeError('Invalid collation : ' + String(co));
  }
  const r = resolveLocale(requested, true, { kn: ['true', 'false'], kf: ['upper', 'lower', 'false'] });
  const numeric = getOption(opts, 'numeric', 'Collator', 'boolean', undefined);
  const caseFirst = getOption(opts, 'caseFirst', 'Collator', ['upper', 'lower', 'false'], undefined);
  s.locale = r.locale;
  s.numeric = numeric !== undefined ? numeric : r.ext.kn === 'true';
  s.caseFirst = caseFirst !== undefined ? caseFirst : (r.ext.kf || 'false');
  s.sensitivity = getOption(opts, 'sensitivity', 'Collator', ['base', 'accent', 'case', 'variant'], 'variant');
  s.ignorePunctuation = getOption(opts, 'ignorePunctuation', 'Collator', 'boolean', false);
  s.lang = stripExt(s.locale);
  slots.set(c, s);
  return c;
}

const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
function foldAccents(x) { return x.normalize('NFD').replace(MARKS, '').normalize('NFC'); }

function collatorCompare(s, a, b) {
  let x = toStr(a), y = toStr(b);
  if (s.ignorePunctuation) {
    x = x.replace(/[\s!-/:-@[-`{-~\u00a1-\u00bf\u2000-\u206f]/g, '');
    y = y.replace(/[\s!-/:-@[-`{-~\u00a1-\u00bf\u2000-\u206f]/g, '');
  }
  if (x === y) return 0;
  const fl = s.numeric ? 'n' : '';
  if (s.sensitivity !== 'variant') {
    // a compatibility variant (the ligature ﬃ, fullwidth Ａ, superscript ²) differs from its
    // plain form at ICU's tertiary level only, which the other sensitivities ignore
    x = x.normalize('NFKC');
    y = y.normalize('NFKC');
  }
  switch (s.sensitivity) {
    case 'base': x = foldAccents(x).toLowerCase(); y = foldAccents(y).toLowerCase(); break;
    case 'accent': x = x.toLowerCase(); y = y.toLowerCase(); break;
    case 'case': x = foldAccents(x); y = foldAccents(y); break;
  }
  if (x === y) return 0;
  return binding.compare(x, y, s.lang, fl);
}

const CollatorDef = { make: CollatorImpl, methods: {
  resolvedOptions() {
    const s = state(this, 'Collator', 'resolvedOptions');
    return { locale: s.locale, usage: s.usage, sensitivity: s.sensitivity, ignorePunctuation: s.ignorePunctuation,
      collation: 'default', numeric: s.numeric, caseFirst: s.caseFirst };
  },
}, getters: {
  compare() {
    const s = state(this, 'Collator', 'get compare');
    if (!s.bound) {
      const bound = (a, b) => collatorCompare(s, a, b);
      s.bound = bound;
    }
    return s.bound;
  },
} };


return { Collator: CollatorDef, collatorCompare };
})
//#end collator

let collatorPart = null;
function partCollator() {
  return collatorPart || (collatorPart = binding.part('collator')({ Collator, binding, canonicalizeLocaleList, getOption, getOpts, resolveLocale, slots, state, stripExt, toStr }));
}
function Collator(locales, options) {
  return partCollator().Collator.make(new.target, this, locales, options);
}
lazyClass(Collator, 'Collator', partCollator, 'resolvedOptions 0, get compare');
defineStatic(Collator, true);

//#part segmenter
(function ({ binding, canonicalizeLocaleList, getOption, getOpts, receiver, requireNew, resolveLocale, slots, state, toStr }) {
// ---- Segmenter -------------------------------------------------------------------------------

function SegmenterImpl(newTarget, self, locales, options) {
  requireNew(newTarget, 'Segmenter');
  const requested = canonicalizeLocaleList(locales);
  const opts = getOpts(options);
  const s = { kind: 'Segmenter' };
  getOption(opts, 'localeMatcher', 'Segmenter', ['lookup', 'best fit'], 'best fit');
  s.locale = resolveLocale(requested, true).locale;
  s.granularity = getOption(opts, 'granularity', 'Segmenter', ['grapheme', 'word', 'sentence'], 'grapheme');
  slots.set(self, s);
}

const segmentsState = new WeakMap();

function Segments() {}
function SegmentIterator() {}

function segBounds(st) {
  if (st.ends === undefined) st.ends = binding.segment(st.input, st.granularity);
  return st.ends;
}

function segmentData(st, i) {
  const ends = st.ends;
  const word = st.granularity === 'word';
  const start = i === 0 ? 0 : word ? ends[i - 1] >> 1 : ends[i - 1];
  const end = word ? ends[i] >> 1 : ends[i];
  const o = { segment: st.input.slice(start, end), index: start, input: st.input };
  if (word) o.isWordLike = (ends[i] & 1) === 1;
  return o;
}

const SegmenterDef = { make: SegmenterImpl, methods: {
  segment(string) {
    const s = state(this, 'Segmenter', 'segment');
    const seg = Object.create(Segments.prototype);
    segmentsState.set(seg, { input: toStr(string), granularity: s.granularity, ends: undefined });
    return seg;
  },
  resolvedOptions() {
    const s = state(this, 'Segmenter', 'resolvedOptions');
    return { locale: s.locale, granularity: s.granularity };
  },
} };


const segmentsProto = {
  containing(index) {
    const st = segmentsState.get(this);
    if (st === undefined) throw new TypeError('Method %Segments.prototype%.containing called on incompatible receiver ' + receiver(this));
    let n = Math.trunc(Number(index)) || 0;
    if (n < 0 || n >= st.input.length) return undefined;
    const ends = segBounds(st);
    const word = st.granularity === 'word';
    let lo = 0, hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const e = word ? ends[mid] >> 1 : ends[mid];
      if (e <= n) lo = mid + 1; else hi = mid;
    }
    return segmentData(st, lo);
  },
  [Symbol.iterator]() {
    const st = segmentsState.get(this);
    if (st === undefined) throw new TypeError('Method %Segments.prototype%[@@iterator] called on incompatible receiver ' + receiver(this));
    const it = Object.create(SegmentIterator.prototype);
    segmentsState.set(it, { seg: st, i: 0 });
    return it;
  },
};
Object.defineProperty(segmentsProto, Symbol.iterator, { __proto__: null, enumerable: false });
Object.defineProperty(segmentsProto, 'containing', { __proto__: null, enumerable: false });
Segments.prototype = segmentsProto;

const iterProto = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
Object.defineProperty(iterProto, 'next', {
  __proto__: null,
  value: function next() {
    const it = segmentsState.get(this);
    if (it === undefined || it.seg === undefined) {
      throw new TypeError('Method %SegmentIterator.prototype%.next called on incompatible receiver ' + receiver(this));
    }
    const st = it.seg;
    const ends = segBounds(st);
    if (it.i >= ends.length) return { value: undefined, done: true };
    return { value: segmentData(st, it.i++), done: false };
  },
  writable: true, configurable: true,
});
Object.defineProperty(iterProto, Symbol.toStringTag, { __proto__: null, value: 'Segmenter String Iterator', configurable: true });
SegmentIterator.prototype = iterProto;

return { Segmenter: SegmenterDef };
})
//#end segmenter

let segmenterPart = null;
function partSegmenter() {
  return segmenterPart || (segmenterPart = binding.part('segmenter')({ binding, canonicalizeLocaleList, getOption, getOpts, receiver, requireNew, resolveLocale, slots, state, toStr }));
}
function Segmenter(locales, options) {
  return partSegmenter().Segmenter.make(new.target, this, locales, options);
}
lazyClass(Segmenter, 'Segmenter', partSegmenter, 'resolvedOptions 0, segment 1');
defineStatic(Segmenter, true);

//#part datetime
(function ({ DEFAULT_LOCALE, DateTimeFormat, binding, canonicalizeLocaleList, chainLegacy, getNumberOption, getOption, joinParts, localDigits, nuDigits, nuKeys, resolveLocale, slots, state, stripExt, toStr }) {
// ---- DateTimeFormat --------------------------------------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const US_ZONES = {
  EST: 'Eastern Standard Time', EDT: 'Eastern Daylight Time', CST: 'Central Standard Time', CDT: 'Central Daylight Time',
  MST: 'Mountain Standard Time', MDT: 'Mountain Daylight Time', PST: 'Pacific Standard Time', PDT: 'Pacific Daylight Time',
  AKST: 'Alaska Standard Time', AKDT: 'Alaska Daylight Time', HST: 'Hawaii-Aleutian Standard Time', HDT: 'Hawaii-Aleutian Daylight Time',
};
const LONG_ZONES = {
  'Europe/London': ['Greenwich Mean Time', 'British Summer Time'],
  'Europe/Paris': ['Central European Standard Time', 'Central European Summer Time'],
  'Europe/Berlin': ['Central European Standard Time', 'Central European Summer Time'],
  'Europe/Madrid': ['Central European Standard Time', 'Central European Summer Time'],
  'Europe/Rome': ['Central European Standard Time', 'Central European Summer Time'],
  'Europe/Amsterdam': ['Central European Standard Time', 'Central European Summer Time'],
  'Asia/Tokyo': ['Japan Standard Time', 'Japan Daylight Time'],
  'Australia/Sydney': ['Australian Eastern Standard Time', 'Australian Eastern Daylight Time'],
  'Asia/Calcutta': ['India Standard Time', 'India Standard Time'], // (Asia/Kolkata, as ICU names it)
  'Asia/Shanghai': ['China Standard Time', 'China Daylight Time'],
};

let localZoneName;
function defaultZone() {
  if (localZoneName === undefined) localZoneName = canonicalZone(binding.localZone()) || 'UTC';
  return localZoneName;
}

function canonicalZone(tz) {
  const u = tz.toUpperCase();
  if (['UTC', 'ETC/UTC', 'GMT', 'ETC/GMT', 'UCT', 'ETC/UCT', 'ZULU', 'ETC/ZULU', 'UNIVERSAL', 'ETC/UNIVERSAL', 'ETC/GMT0', 'GMT0', 'ETC/GMT+0', 'ETC/GMT-0', 'GREENWICH', 'ETC/GREENWICH'].includes(u)) return 'UTC';
  const z = binding.zone(tz, 0);
  if (z === null) return undefined;
  // the zone's name in canonical case, as ICU names it (its older name for some: Asia/Calcutta)
  return binding.zoneAlias(z[2]) || z[2];
}

const UTC_INFO = [0, 'UTC', 'UTC', 0];

function zoneInfo(zone, ms) {
  if (zone === 'UTC') return UTC_INFO;
  return binding.zone(zone, ms);
}

const DATE_FIELDS = ['weekday', 'era', 'year', 'month', 'day', 'dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits', 'timeZoneName'];

// dtDigits is a numbering system's digits for dates: NumberFormat's table, and arab and arabext,
// whose digits (only) dates take
function dtDigits(name) {
  if (name === 'arab') return '\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669'.split('');
  if (name === 'arabext') return '\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9'.split('');
  return nuDigits()[name];
}

function DateTimeFormatImpl(newTarget, self, locales, options) {
  const dtf = newTarget === undefined ? Object.create(DateTimeFormat.prototype) : self;
  const requested = canonicalizeLocaleList(locales);
  const opts = options === undefined ? Object.create(null) : options === null ? (() => { throw new TypeError('Cannot convert undefined or null to object'); })() : Object(options);
  const s = { kind: 'DateTimeFormat' };
  getOption(opts, 'localeMatcher', 'DateTimeFormat', ['lookup', 'best fit'], 'best fit');
  const cal = opts.calendar;
  if (cal !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(toStr(cal))) throw new RangeError('Invalid calendar : ' + String(cal));
  const nu = opts.numberingSystem;
  if (nu !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(toStr(nu))) throw new RangeError('Invalid numberingSystem : ' + String(nu));
  const hour12 = opts.hour12 === undefined ? undefined : Boolean(opts.hour12);
  let hourCycle = getOption(opts, 'hourCycle', 'DateTimeFormat', ['h11', 'h12', 'h23', 'h24'], undefined);
  if (hour12 !== undefined) hourCycle = null;
  const r = resolveLocale(requested, false, { ca: ['gregory'], hc: ['h11', 'h12', 'h23', 'h24'], nu: nuKeys().concat(['arab', 'arabext']) }, true);
  s.locale = r.locale;
  const D = r.L !== undefined && !/^en(-US)?$/.test(stripExt(r.tag)) ? localeDates(stripExt(r.tag)) : null;
  // the locale whose zone names it prints (read when one is first printed)
  s.zonesTag = stripExt(r.tag);
  s.calendar = 'gregory';
  s.numberingSystem = r.L && r.L.nu !== 'latn' && r.ext.nu !== 'latn' ? r.L.nu : 'latn';
  // a numbering system asked for (the option wins over the extension, which the locale then
  // keeps only when they agree) writes the values in its digits, as NumberFormat does
  const wantNu = nu !== undefined && (toStr(nu) === 'latn' || dtDigits(toStr(nu))) ? toStr(nu) : r.ext.nu;
  if (nu !== undefined && r.ext.nu !== undefined && r.ext.nu !== wantNu) s.locale = s.locale.replace(/-u-nu-[a-z0-9]+$/, '').replace(/-nu-[a-z0-9]+/, '');
  if (wantNu === 'latn') s.numberingSystem = 'latn';
  else if (wantNu !== undefined && dtDigits(wantNu)) s.numberingSystem = wantNu;
  s.digits = s.numberingSystem === (r.L && r.L.nu) ? undefined : dtDigits(s.numberingSystem);
  // fractional seconds follow the locale's decimal separator (9,007 in de)
  s.fracSep = r.L && r.L.dec ? r.L.dec : '.';
  let tz = opts.timeZone;
  if (tz === undefined) tz = defaultZone();
  else {
    tz = toStr(tz);
    const c = canonicalZone(tz);
    if (c === undefined) throw new RangeError('Invalid time zone specified: ' + tz);
    tz = c;
  }
  s.timeZone = tz;
  const f = {};
  f.weekday = getOption(opts, 'weekday', 'DateTimeFormat', ['narrow', 'short', 'long'], undefined);
  f.era = getOption(opts, 'era', 'DateTimeFormat', ['narrow', 'short', 'long'], undefined);
  f.year = getOption(opts, 'year', 'DateTimeFormat', ['2-digit', 'numeric'], undefined);
  f.month = getOption(opts, 'month', 'DateTimeFormat', ['2-digit', 'numeric', 'narrow', 'short', 'long'], undefined);
  f.day = getOption(opts, 'day', 'DateTimeFormat', ['2-digit', 'numeric'], undefined);
  f.dayPeriod = getOption(opts, 'dayPeriod', 'DateTimeFormat', ['narrow', 'short', 'long'], undefined);
  f.hour = getOption(opts, 'hour', 'DateTimeFormat', ['2-digit', 'numeric'], undefined);
  f.minute = getOption(opts, 'minute', 'DateTimeFormat', ['2-digit', 'numeric'], undefined);
  f.second = getOption(opts, 'second', 'DateTimeFormat', ['2-digit', 'numeric'], undefined);
  f.fractionalSecondDigits = getNumberOption(opts, 'fractionalSecondDigits', 1, 3, undefined);
  f.timeZoneName = getOption(opts, 'timeZoneName', 'DateTimeFormat', ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric'], undefined);
  getOption(opts, 'formatMatcher', 'DateTimeFormat', ['basic', 'best fit'], 'best fit');
  s.dateStyle = getOption(opts, 'dateStyle', 'DateTimeFormat', ['full', 'long', 'medium', 'short'], undefined);
  s.timeStyle = getOption(opts, 'timeStyle', 'DateTimeFormat', ['full', 'long', 'medium', 'short'], undefined);
  if (s.dateStyle || s.timeStyle) {
    for (const k of DATE_FIELDS) {
      if (f[k] !== undefined) {
        throw new TypeError("Can't set option " + k + ' when ' + (s.dateStyle ? 'dateStyle' : 'timeStyle') + ' is used');
      }
    }
    if (s.dateStyle) Object.assign(f, { full: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
      long: { year: 'numeric', month: 'long', day: 'numeric' }, medium: { year: 'numeric', month: 'short', day: 'numeric' },
      short: { year: '2-digit', month: 'numeric', day: 'numeric' } }[s.dateStyle]);
    if (s.timeStyle) {
      Object.assign(f, { hour: 'numeric', minute: '2-digit' });
      if (s.timeStyle !== 'short') f.second = '2-digit';
      if (s.timeStyle === 'full') f.timeZoneName = 'long';
      if (s.timeStyle === 'long') f.timeZoneName = 'short';
    }
  } else {
    const required = s._required || 'any';
    const defaults = s._defaults || 'date';
    void required; void defaults;
  }
  s.fields = f;
  s.hour12 = hour12;
  s.hourCycleOpt = hourCycle;
  applyDefaults(s, opts._gojsRequired, opts._gojsDefaults);
  if (D && dtLayoutL(s, D, r, hour12, hourCycle)) {
    slots.set(dtf, s);
    return chainLegacy(dtf, newTarget, self, DateTimeFormat);
  }
  if (r.L) {
    // a bag the locale's data has no layout for (a zone name, a day period, an era with a
    // date...) prints English, and says so, as for a locale without data
    s.locale = DEFAULT_LOCALE;
    s.numberingSystem = 'latn';
    r.ext = {};
  }
  if (s.fields.hour !== undefined) {
    let hc;
    if (hour12 !== undefined) hc = hour12 ? 'h12' : 'h24'; // as Node 20's ICU resolves hour12: false for en
    else if (hourCycle) hc = hourCycle;
    else hc = r.ext.hc || 'h12';
    s.hourCycle = hc;
  }
  dtLayout(s);
  slots.set(dtf, s);
  return chainLegacy(dtf, newTarget, self, DateTimeFormat);
}

// localeDates returns a locale's date layouts (see gen_locales.js), parsed once per runtime.
const dateCache = new Map();
function localeDates(base) {
  let D = dateCache.get(base);
  if (D === undefined) {
    const r = binding.localeDates(base);
    D = r === null ? null : { tag: base, lists: JSON.parse(r[0]), glue: JSON.parse(r[1]), cal: r[2], layouts: new Map() };
    if (dateCache.size < 256) dateCache.set(base, D);
  }
  return D;
}

function layoutOf(D, key) {
  let e = D.layouts.get(key);
  if (e === undefined) {
    const j = binding.localeLayout(D.tag, key);
    e = j ? JSON.parse(j) : null;
    if (D.layouts.size < 512) D.layouts.set(key, e);
  }
  return e;
}

const DT_KEYS = ['weekday', 'era', 'year', 'month', 'day', 'dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits',
  'timeZoneName', 'dateStyle', 'timeStyle'];

// dtLayoutL sets a formatter up with its locale's layout for its fields (and hour cycle class),
// if the locale data has one; false when it has none.
function dtLayoutL(s, D, r, hour12, hourCycle) {
  const f = s.fields;
  let cls = '';
  const hc = hourCycle || r.ext.hc;
  if (hour12 !== undefined) cls = hour12 ? '12' : '24';
  else if (hc) cls = hc === 'h11' || hc === 'h12' ? '12' : '24';
  const bag = s.dateStyle || s.timeStyle ? {} : Object.assign({}, f);
  if (s.dateStyle) bag.dateStyle = s.dateStyle;
  if (s.timeStyle) bag.timeStyle = s.timeStyle;
  const keyOf = (b) => DT_KEYS.filter((k) => b[k] !== undefined).map((k) => k + '=' + b[k]).join(',');
  const find = (b) => { const k = keyOf(b); return layoutOf(D, k + '|' + cls) || (cls && layoutOf(D, k + '|')); };
  let e = find(bag);
  if (!e && !s.dateStyle && !s.timeStyle) e = joinLayouts(D, bag, cls, find);
  if (!e && bag.fractionalSecondDigits && bag.second) {
    // the locale data has no layout with fractional seconds: its layout without them, the
    // fraction after the seconds with the locale's decimal separator
    const b = Object.assign({}, bag, { fractionalSecondDigits: undefined });
    const w = find(b) || joinLayouts(D, b, cls, find);
    const at = w ? w[0].findIndex((t) => t[0] === 's') : -1;
    if (at >= 0) {
      const toks = w[0].slice(0, at + 1).concat([['l', s.fracSep], ['f', String(bag.fractionalSecondDigits)]], w[0].slice(at + 1));
      e = [toks, w[1], w[2]];
    }
  }
  if (!e && bag.dayPeriod && bag.hour) {
    // the locale data has no flexible day periods: its layout for the same time without one
    // (a 24-hour locale shows none in node either)
    const b = Object.assign({}, bag, { dayPeriod: undefined });
    e = find(b) || joinLayouts(D, b, cls, find);
  }
  if (!e) return false;
  s.layoutL = e[0];
  if (D.cal) s.calendar = D.cal;
  s.lists = D.lists;
  if (s.digits === undefined) s.digits = r.L && s.numberingSystem !== 'latn' ? r.L.dg : undefined;
  if (e[1]) {
    // an explicit cycle of the layout's class (h11 for h12...) changes the values only
    s.hourCycle = hour12 === undefined && hc && (cls === '12') === (e[1] === 'h11' || e[1] === 'h12') ? hc : e[1];
  }
  s.resolvedFields = e[2];
  return true;
}

// joinLayouts makes the layout of a date and time bag the locale data has no layout for from
// its date part's and its time part's, with the glue CLDR picks by the date's month and weekday.
const DATE_PART = ['weekday', 'era', 'year', 'month', 'day'];
function joinLayouts(D, bag, cls, find) {
  const db = {}, tb = {};
  for (const k of Object.keys(bag)) if (bag[k] !== undefined) (DATE_PART.includes(k) ? db : tb)[k] = bag[k];
  if (!Object.keys(db).length || !Object.keys(tb).length || tb.dayPeriod || tb.fractionalSecondDigits) return undefined;
  // a zone name alone is a time part of its own (15.1.2024, MEZ); with a time, the locale data
  // has their layout (15:07 MEZ)
  const onlyZone = tb.timeZoneName && Object.keys(tb).every((k) => k === 'timeZoneName' || tb[k] === undefined);
  const de = find(db), te = onlyZone ? [[['z', tb.timeZoneName]], '', {}] : find(tb);
  const st = db.month === 'long' ? (db.weekday ? 'full' : 'long') : db.month === 'short' ? 'medium' : 'short';
  const g = D.glue[st];
  if (!de || !te || !g) return undefined;
  const toks = g[0] === 0 ? de[0].concat([['l', g[1]]], te[0]) : te[0].concat([['l', g[1]]], de[0]);
  return [toks, te[1], Object.assign({}, de[2], te[2])];
}

function dtValueL(s, tok, v) {
  const spec = tok[1];
  let out;
  switch (tok[0]) {
    case 'y': {
      let y = v.Y <= 0 ? 1 - v.Y : v.Y;
      if (s.calendar === 'buddhist') y = v.Y + 543;
      out = spec === '2' ? pad2(y % 100) : String(y);
      break;
    }
    case 'M': out = spec === 'n' ? String(v.M + 1) : spec === '2' ? pad2(v.M + 1) : s.lists[spec][v.M]; break;
    case 'd': out = spec === '2' ? pad2(v.D) : String(v.D); break;
    case 'w': return s.lists[spec][v.W];
    case 'p': return s.fields.dayPeriod && FLEXIBLE_EN.test(s.locale) ? flexibleDayPeriod(s.fields, v) : s.lists[spec][v.h];
    case 'e': return s.lists[spec][v.Y <= 0 ? 0 : 1];
    case 'h': {
      const hc = s.hourCycle, h = v.h;
      const hv = hc === 'h12' ? h % 12 || 12 : hc === 'h11' ? h % 12 : hc === 'h24' ? h || 24 : h;
      out = spec === '2' ? pad2(hv) : String(hv);
      break;
    }
    case 'mi': out = spec === '2' ? pad2(v.mi) : String(v.mi); break;
    case 's': out = spec === '2' ? pad2(v.sec) : String(v.sec); break;
    case 'f': out = String(v.msec).padStart(3, '0').slice(0, Number(spec)); break;
    case 'z': return zoneName(s, v.ms, spec, v.info);
    default: return '';
  }
  return s.digits ? localDigits(out, s.digits) : out;
}

const DT_TYPES = { y: 'year', M: 'month', d: 'day', w: 'weekday', p: 'dayPeriod', e: 'era', h: 'hour', mi: 'minute', s: 'second',
  f: 'fractionalSecond', z: 'timeZoneName', l: 'literal' };

function dtPartsL(s, ms) {
  const v = dtFields(s, ms);
  const out = [];
  for (const t of s.layoutL) {
    // (a layout joined from a date's and a time's has literals side by side: ICU's parts hold one)
    const last = out[out.length - 1];
    if (t[0] === 'l' && last !== undefined && last.type === 'literal') last.value += t[1];
    else out.push({ type: DT_TYPES[t[0]], value: t[0] === 'l' ? t[1] : dtValueL(s, t, v) });
  }
  return out;
}

function dtStringL(s, ms) {
  const v = dtFields(s, ms);
  let out = '';
  for (const t of s.layoutL) out += t[0] === 'l' ? t[1] : dtValueL(s, t, v);
  // format() prints U+202F as a plain space in Node 20 (formatToParts keeps it)
  return out.indexOf('\u202f') < 0 ? out : out.replace(/\u202f/g, ' ');
}

function applyDefaults(s, required, defaults) {
  const f = s.fields;
  if (s.dateStyle || s.timeStyle) return;
  required = required || 'any';
  defaults = defaults || 'date';
  let need = true;
  if ((required === 'date' || required === 'any') && (f.weekday || f.year || f.month || f.day)) need = false;
  if ((required === 'time' || required === 'any') && (f.dayPeriod || f.hour || f.minute || f.second || f.fractionalSecondDigits)) need = false;
  if (need && (defaults === 'date' || defaults === 'all')) { f.year = f.month = f.day = 'numeric'; }
  if (need && (defaults === 'time' || defaults === 'all')) { f.hour = f.minute = f.second = 'numeric'; }
}

function pad2(n) { return n < 10 ? '0' + n : String(n); }

function timeValue(date) {
  let x = date === undefined ? Date.now() : typeof date === 'object' && date instanceof Date ? date.getTime() : Number(date);
  if (typeof date === 'bigint') throw new TypeError('Cannot convert a BigInt value to a number');
  if (!Number.isFinite(x) || Math.abs(x) > 8.64e15) throw new RangeError('Invalid time value');
  return Math.trunc(x) + 0;
}

// localZones is a locale's short zone names and GMT format (gen_locales.js's zoneData), read on
// first use; null for a locale without them.
const zonesCache = new Map();
function localZones(s) {
  if (s.zones === undefined) {
    let Z = zonesCache.get(s.zonesTag);
    if (Z === undefined) {
      const j = binding.localeZones(s.zonesTag);
      Z = j ? JSON.parse(j) : null;
      if (zonesCache.size < 64) zonesCache.set(s.zonesTag, Z);
    }
    s.zones = Z;
  }
  return s.zones;
}

// localZoneNames is a locale's long and generic zone names (gen_locales.js's zoneLongData), read
// on first use; null for a locale without them. A regional locale's table holds what differs
// from its language's, and names it as its base.
const zoneNamesCache = new Map();
function localZoneNames(tag) {
  let N = zoneNamesCache.get(tag);
  if (N === undefined) {
    const j = binding.localeZoneNames(tag);
    N = j ? JSON.parse(j) : null;
    if (N && N.base) N.base = localZoneNames(N.base);
    if (zoneNamesCache.size < 64) zoneNamesCache.set(tag, N);
  }
  return N;
}

const ZONE_NAME_KEYS = { long: 'long', longGeneric: 'lg', shortGeneric: 'sg' };

function zoneName(s, ms, style, info) {
  const off = info[0], secs = info[3];
  // an offset with seconds is a local mean time (New York's -4:56:02 until 1883): no table names
  // it, and ICU prints it in the GMT format with its seconds, or the zone's location (generic)
  const lmt = secs % 60 !== 0;
  // (ICU has no generic name for UTC: the generic styles print the GMT format, UTC+0 in fr)
  if (s.timeZone === 'UTC' && (style === 'shortGeneric' || style === 'longGeneric')) {
    return zoneName(s, ms, style === 'shortGeneric' ? 'shortOffset' : 'longOffset', info);
  }
  const key = ZONE_NAME_KEYS[style];
  const names = key !== undefined && s.timeZone !== 'UTC' && s.zonesTag !== undefined ? localZoneNames(s.zonesTag) : null;
  if (names !== null) {
    // ICU's metazone names from 1970 on, for the offsets the zone has now; its location's before
    // (and in a local mean time) where it has no metazone, and a long name in the GMT format with
    // two-digit hours (GMT+00:00 too)
    for (let N = names; N && !lmt; N = N.base) {
      const byOff = (ms >= 0 ? N : N.old)[key][s.timeZone];
      if (byOff !== undefined && byOff[off] !== undefined) return byOff[off];
    }
    if ((ms < 0 || lmt) && key !== 'long') {
      for (let N = names; N; N = N.base) if (N.loc && N.loc[s.timeZone] !== undefined) return N.loc[s.timeZone];
    }
    // a language other than English names the rest in its GMT format, as its offset styles do
    if (names.gmt) return zoneName(s, ms, style === 'shortGeneric' ? 'shortOffset' : 'longOffset', info);
    if ((ms < 0 || lmt) && style === 'long') return 'GMT' + (secs < 0 ? '-' : '+') + gmtDigits(secs, true);
  }
  const Z = localZones(s);
  if (Z && style !== 'long' && style !== 'longGeneric' && style !== 'shortGeneric') {
    // the locale's GMT format (UTC+5:30 in fr, GMT−8 with a minus sign in sv), or its own name
    // for the zone at that offset (MEZ, BST, IST); longOffset has two-digit hours and minutes
    if (style === 'short' && s.timeZone === 'UTC') return 'UTC';
    const named = style === 'short' && ms >= 0 && !lmt && Z.names[s.timeZone] && Z.names[s.timeZone][off];
    if (named) return named;
    const v = Z.gmt[secs < 0 ? 1 : 0].replace('{}', gmtDigits(secs, style === 'longOffset'));
    return s.digits ? localDigits(v, s.digits) : v;
  }
  const sign = secs < 0 ? '-' : '+';
  const gmtShort = 'GMT' + sign + gmtDigits(secs, false);
  const gmtLong = 'GMT' + sign + gmtDigits(secs, true);
  if (style === 'shortOffset') return gmtShort;
  if (style === 'longOffset') return gmtLong;
  if (s.timeZone === 'UTC') return style === 'long' ? 'Coordinated Universal Time' : 'UTC';
  const abbr = info[1];
  // ICU's metazone names (EST, Central European Time...) start in 1970; before, and for zones
  // without English names, it prints the GMT offset ("GMT" alone for zero)
  const metazone = ms >= 0 && !lmt;
  if (metazone && abbr && US_ZONES[abbr] && /^(America|US|Pacific\/Honolulu)/.test(s.timeZone)) {
    if (style === 'short') return abbr;
    if (style === 'long') return US_ZONES[abbr];
    if (style === 'shortGeneric') return abbr[0] + 'T';
    return US_ZONES[abbr].replace(/ (Standard|Daylight) /, ' ');
  }
  if (secs === 0 && style !== 'long' && style !== 'longGeneric') return 'GMT';
  if (metazone && style === 'long' && LONG_ZONES[s.timeZone]) {
    return LONG_ZONES[s.timeZone][/DT$|^CEST$|^BST$/.test(abbr || '') ? 1 : 0];
  }
  if (secs === 0) return 'GMT';
  return style === 'long' || style === 'longGeneric' ? gmtLong : gmtShort;
}

// gmtDigits is an offset in seconds as the GMT format's digits: hours, with minutes where they or
// the seconds are not zero (5:30, 0:44:30), or two-digit hours and minutes (long); seconds only
// where not zero, as ICU prints a local mean time's (-4:56:02).
function gmtDigits(secs, long) {
  const a = Math.abs(secs), h = Math.floor(a / 3600), m = Math.floor(a / 60) % 60, sec = a % 60;
  const tail = sec ? ':' + pad2(sec) : '';
  return long ? pad2(h) + ':' + pad2(m) + tail : h + (m || sec ? ':' + pad2(m) : '') + tail;
}

// dtLayout computes, once per formatter, the sequence of parts: their types and the literals
// between them do not depend on the date.
function dtLayout(s) {
  const parts = dtLayoutParts(s, 0);
  s.tokTypes = parts.map((p) => p.type);
  s.tokLits = parts.map((p) => (p.type === 'literal' ? p.value : null));
  // format() prints U+202F (before AM/PM) as a plain space in Node 20; formatToParts keeps it.
  s.fmtLits = s.tokLits.map((v) => (v === null ? null : v.replace(/\u202f/g, ' ')));
}

function dtFields(s, ms) {
  const info = zoneInfo(s.timeZone, ms);
  const local = new Date(ms + info[3] * 1000);
  return { ms, info, Y: local.getUTCFullYear(), M: local.getUTCMonth(), D: local.getUTCDate(), W: local.getUTCDay(),
    h: local.getUTCHours(), mi: local.getUTCMinutes(), sec: local.getUTCSeconds(), msec: local.getUTCMilliseconds() };
}

function dtValue(s, type, v) {
  const f = s.fields;
  switch (type) {
    case 'weekday': return f.weekday === 'long' ? WEEKDAYS[v.W] : f.weekday === 'short' ? WEEKDAYS[v.W].slice(0, 3) : WEEKDAYS[v.W][0];
    case 'era': return (v.Y <= 0 ? { long: 'Before Christ', short: 'BC', narrow: 'B' } : { long: 'Anno Domini', short: 'AD', narrow: 'A' })[f.era];
    case 'year': {
      const y = v.Y <= 0 ? 1 - v.Y : v.Y;
      return f.year === '2-digit' ? pad2(Math.abs(y) % 100) : String(y);
    }
    case 'month':
      if (f.month === 'long') return MONTHS[v.M];
      if (f.month === 'short') return MONTHS[v.M].slice(0, 3);
      if (f.month === 'narrow') return MONTHS[v.M][0];
      return f.month === '2-digit' ? pad2(v.M + 1) : String(v.M + 1);
    case 'day': return f.day === '2-digit' ? pad2(v.D) : String(v.D);
    case 'hour': {
      const hc = s.hourCycle, h = v.h;
      const twelve = hc === 'h12' || hc === 'h11';
      const hv = hc === 'h12' ? h % 12 || 12 : hc === 'h11' ? h % 12 : hc === 'h24' ? h || 24 : h;
      return f.hour === '2-digit' || !twelve ? pad2(hv) : String(hv);
    }
    case 'minute': return f.hour || f.second ? pad2(v.mi) : String(v.mi);
    case 'second': return f.hour || f.minute ? pad2(v.sec) : String(v.sec);
    case 'fractionalSecond': return String(v.msec).padStart(3, '0').slice(0, f.fractionalSecondDigits);
    case 'dayPeriod': return f.dayPeriod ? flexibleDayPeriod(f, v) : v.h < 12 ? 'AM' : 'PM';
    case 'timeZoneName': return zoneName(s, v.ms, f.timeZoneName, v.info);
  }
  return '';
}

// flexibleDayPeriod is English's period of the day for the dayPeriod option, as node 20's ICU
// names it: noon when the time shown is 12:00 (its minutes and seconds, where shown, are zero),
// otherwise morning until 12, afternoon until 18, evening until 21, then night (ICU's data puts
// the small hours in the morning). The widths differ only for noon.
// the English locales whose day periods are en-US's (en-AU says "midday", en-CA "aft"...)
const FLEXIBLE_EN = /^en(-(US|GB|IN))?(-|$)/;
function flexibleDayPeriod(f, v) {
  if (v.h === 12 && (!f.minute || v.mi === 0) && (!f.second || v.sec === 0)) return f.dayPeriod === 'narrow' ? 'n' : 'noon';
  return v.h < 12 ? 'in the morning' : v.h < 18 ? 'in the afternoon' : v.h < 21 ? 'in the evening' : 'at night';
}

function dtString(s, ms) {
  if (s.layoutL) return dtStringL(s, ms);
  const v = dtFields(s, ms);
  const types = s.tokTypes, lits = s.fmtLits;
  let out = '';
  for (let i = 0; i < types.length; i++) out += lits[i] !== null ? lits[i] : dtValue(s, types[i], v);
  return s.digits ? localDigits(out, s.digits) : out;
}

function dtParts(s, ms) {
  if (s.layoutL) return dtPartsL(s, ms);
  const v = dtFields(s, ms);
  const types = s.tokTypes, lits = s.tokLits;
  const out = [];
  for (let i = 0; i < types.length; i++) {
    const value = lits[i] !== null ? lits[i] : dtValue(s, types[i], v);
    out.push({ type: types[i], value: s.digits && lits[i] === null ? localDigits(value, s.digits) : value });
  }
  return out;
}

function dtLayoutParts(s, ms) {
  const info = zoneInfo(s.timeZone, ms);
  const local = new Date(ms + info[3] * 1000);
  const Y = local.getUTCFullYear(), M = local.getUTCMonth(), D = local.getUTCDate(), W = local.getUTCDay();
  const h = local.getUTCHours(), mi = local.getUTCMinutes(), sec = local.getUTCSeconds(), msec = local.getUTCMilliseconds();
  const f = s.fields;
  const P = [];
  const lit = (v) => P.push({ type: 'literal', value: v });
  const put = (type, value) => P.push({ type, value });
  const yearStr = () => {
    let y = Y <= 0 && f.era === undefined ? 1 - Y : Y;
    if (Y <= 0) y = 1 - Y;
    return f.year === '2-digit' ? pad2(Math.abs(y) % 100) : String(y);
  };
  const eraStr = () => (Y <= 0 ? { long: 'Before Christ', short: 'BC', narrow: 'B' } : { long: 'Anno Domini', short: 'AD', narrow: 'A' })[f.era];
  const addYear = () => {
    put('year', yearStr());
    if (f.era) { lit(' '); put('era', eraStr()); }
  };
  const textMonth = f.month === 'long' || f.month === 'short' || f.month === 'narrow';
  const monthText = () => (f.month === 'long' ? MONTHS[M] : f.month === 'short' ? MONTHS[M].slice(0, 3) : MONTHS[M][0]);
  const weekdayText = () => (f.weekday === 'long' ? WEEKDAYS[W] : f.weekday === 'short' ? WEEKDAYS[W].slice(0, 3) : WEEKDAYS[W][0]);
  const dayStr = () => (f.day === '2-digit' ? pad2(D) : String(D));
  const hasDate = f.weekday || f.year || f.month || f.day || f.era;
  if (hasDate) {
    if (textMonth) {
      if (f.weekday) { put('weekday', weekdayText()); lit(', '); }
      put('month', monthText());
      if (f.day) { lit(' '); put('day', dayStr()); }
      if (f.year) { lit(f.day ? ', ' : ' '); addYear(); } else if (f.era && !f.year) { lit(' '); put('era', eraStr()); }
    } else if (f.month) {
      if (f.weekday) { put('weekday', weekdayText()); lit(', '); }
      put('month', f.month === '2-digit' ? pad2(M + 1) : String(M + 1));
      if (f.day) { lit('/'); put('day', dayStr()); }
      if (f.year) { lit('/'); addYear(); } else if (f.era) { lit(' '); put('era', eraStr()); }
    } else {
      const bits = [];
      if (f.day && f.year) {
        if (f.weekday) { put('weekday', weekdayText()); lit(', '); }
        put('day', dayStr()); lit(' '); addYear();
      } else if (f.year) {
        addYear();
        if (f.weekday) { lit(' '); put('weekday', weekdayText()); }
      } else if (f.day) {
        put('day', dayStr());
        if (f.weekday) { lit(' '); put('weekday', weekdayText()); }
        if (f.era) { lit(' '); put('era', eraStr()); }
      } else {
        if (f.weekday) put('weekday', weekdayText());
        if (f.era) { if (f.weekday) lit(' '); put('era', eraStr()); }
      }
      void bits;
    }
  }
  const hasTime = f.hour || f.minute || f.second || f.fractionalSecondDigits;
  if (hasTime) {
    if (hasDate) {
      const onlyWeekday = f.weekday && !f.year && !f.month && !f.day && !f.era;
      lit(s.dateStyle === 'full' || s.dateStyle === 'long' || f.month === 'long' ? ' at ' : onlyWeekday ? ' ' : ', ');
    }
    const hc = s.hourCycle;
    const twelve = hc === 'h12' || hc === 'h11';
    let hv = h;
    if (hc === 'h12') hv = h % 12 || 12;
    else if (hc === 'h11') hv = h % 12;
    else if (hc === 'h24') hv = h || 24;
    if (f.hour) {
      put('hour', f.hour === '2-digit' || (!twelve) ? pad2(hv) : String(hv));
    }
    if (f.minute) {
      if (f.hour) lit(':');
      put('minute', f.hour || f.second ? pad2(mi) : String(mi));
    }
    if (f.second) {
      if (f.hour || f.minute) lit(':');
      put('second', f.hour || f.minute ? pad2(sec) : String(sec));
    }
    if (f.fractionalSecondDigits) {
      if (f.second) lit(s.fracSep || '.');
      put('fractionalSecond', String(msec).padStart(3, '0').slice(0, f.fractionalSecondDigits));
    }
    if (f.hour && twelve) {
      // (ICU's layouts with a zone name keep AM/PM's narrow space before the period)
      if (f.dayPeriod) { lit(f.timeZoneName ? '\u202f' : ' '); put('dayPeriod', flexibleDayPeriod(f, { h, mi, sec })); } else { lit('\u202f'); put('dayPeriod', h < 12 ? 'AM' : 'PM'); }
    } else if (f.dayPeriod && !f.hour) {
      // minutes or seconds without an hour: ICU appends the period as an unknown field
      lit(' \u251cAM/PM: '); put('dayPeriod', flexibleDayPeriod(f, { h, mi, sec })); lit('\u2524');
    }
  } else if (f.dayPeriod) {
    if (hasDate) lit(', ');
    put('dayPeriod', flexibleDayPeriod(f, { h, mi, sec }));
  }
  if (f.timeZoneName) {
    if (hasDate || hasTime) lit(hasTime ? ' ' : ', ');
    put('timeZoneName', zoneName(s, ms, f.timeZoneName, info));
  }
  return P;
}

// rangeState is the formatter formatRange formats two dates with: s, or, as ICU falls back where
// s shows too little to tell them apart, one showing more of the date: a numeric year, month and
// day before a time of day when the two fall on different days (3/5/2024, 2:07 PM – 3/8/2024,
// 2:07 PM), a year where a month and day fall in different years, a month where a day (without
// a weekday) falls in another month. (ICU's interval patterns, which show a shared field once,
// are not followed.)
const TIME_STYLE_FIELDS = {
  short: { hour: 'numeric', minute: '2-digit' },
  medium: { hour: 'numeric', minute: '2-digit', second: '2-digit' },
  long: { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'short' },
  full: { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'long' },
};
function rangeState(s, a, b) {
  const f = s.fields;
  if (s.dateStyle) return s;
  const x = dtFields(s, a), y = dtFields(s, b);
  let add;
  if (s.timeStyle || !(f.weekday || f.era || f.year || f.month || f.day)) {
    if (x.Y === y.Y && x.M === y.M && x.D === y.D) return s;
    add = 'yMd';
  } else if (f.day && !f.year && !f.era && (f.month || !f.weekday)) {
    if (x.Y !== y.Y) add = f.month ? 'y' : 'yM';
    else if (x.M !== y.M && !f.month) add = 'M';
    else return s;
  } else {
    return s;
  }
  const key = 'range' + add;
  if (s[key] === undefined) {
    const o = { timeZone: s.timeZone };
    if (s.timeStyle) Object.assign(o, TIME_STYLE_FIELDS[s.timeStyle]);
    else for (const k of DATE_FIELDS) if (f[k] !== undefined) o[k] = f[k];
    if (s.hourCycle) o.hourCycle = s.hourCycle;
    if (add.includes('y')) o.year = 'numeric';
    if (add.includes('M')) o.month = 'numeric';
    if (add.includes('d')) o.day = 'numeric';
    s[key] = slots.get(DateTimeFormatImpl(undefined, undefined, s.locale, o));
  }
  return s[key];
}

// rangeSingle says formatRange shows one date: as ICU, when the largest field in which the two
// differ (in the formatter's zone) is smaller than any it shows (a time of day to the minute for
// two in the same minute), however the two print (March and March a year apart is a range).
function rangeSingle(s, a, b) {
  const x = dtFields(s, a), y = dtFields(s, b);
  const diff = x.Y !== y.Y ? 6 : x.M !== y.M ? 5 : x.D !== y.D ? 4 : x.h !== y.h ? 3 : x.mi !== y.mi ? 2 : x.sec !== y.sec ? 1 : x.msec !== y.msec ? 0 : -1;
  if (diff < 0) return true;
  let shown;
  const f = s.fields;
  if (s.timeStyle) shown = s.timeStyle === 'short' ? 2 : 1;
  else if (s.dateStyle) shown = 4;
  else {
    shown = f.fractionalSecondDigits ? 0 : f.second ? 1 : f.minute ? 2 : f.hour || f.dayPeriod ? 3 : f.day || f.weekday ? 4 : f.month ? 5 : 6;
  }
  return diff < shown;
}

// dtRangeParts is formatRangeToParts of two dates formatRange does not show as one. English
// (en, en-US) shows what the two share once, as its interval patterns do: the year after a month
// and day in words (Mar 5 – May 8, 2024), the month too where the days differ and no weekday is
// shown (Mar 5 – 8, 2024), the date of two times on one day and a shared AM/PM (Mar 5, 2024,
// 2:07 – 4:07 PM). Other locales, and numeric dates, repeat each date in full.
const EN_RANGE = /^en(-US)?(-u-|$)/;
function dtRangeParts(s, a, b, fallback) {
  const sep = '\u2009–\u2009';
  const P = dtParts(s, a), Q = dtParts(s, b);
  const mark = (list, source) => list.map((p) => ({ ...p, source }));
  const full = () => [...mark(P, 'startRange'), { type: 'literal', value: sep, source: 'shared' }, ...mark(Q, 'endRange')];
  if (fallback || !EN_RANGE.test(s.locale) || P.length !== Q.length || P.some((p) => p.type === 'era')) return full();
  const x = dtFields(s, a), y = dtFields(s, b);
  const hourAt = P.findIndex((p) => p.type === 'hour');
  if (hourAt >= 0) {
    // a time on one day (after the date, if shown): the date once, joined with a comma, and
    // AM/PM (and the zone after it) once where shared, unless seconds are shown
    if (x.Y !== y.Y || x.M !== y.M || x.D !== y.D) return full();
    const head = P.slice(0, hourAt);
    if (head.length > 0 && head[head.length - 1].type === 'literal') head[head.length - 1] = { type: 'literal', value: ', ' };
    let t1 = P.slice(hourAt), t2 = Q.slice(hourAt), tail = [];
    const k = t1.findIndex((p) => p.type === 'dayPeriod');
    if (t1.some((p) => p.type === 'second')) {
      // (each time in full)
    } else if (k > 1 && t1[k - 1].type === 'literal' && t1.slice(k).every((p, i) => p.value === t2[k + i].value)) {
      tail = t1.slice(k - 1);
      t1 = t1.slice(0, k - 1);
      t2 = t2.slice(0, k - 1);
    } else if (t1.length > 2 && t1[t1.length - 1].type === 'timeZoneName' && t1[t1.length - 2].type === 'literal' &&
        t1[t1.length - 1].value === t2[t2.length - 1].value) {
      tail = t1.slice(t1.length - 2);
      t1 = t1.slice(0, t1.length - 2);
      t2 = t2.slice(0, t2.length - 2);
    }
    return [...mark(head, 'shared'), ...mark(t1, 'startRange'), { type: 'literal', value: sep, source: 'shared' }, ...mark(t2, 'endRange'), ...mark(tail, 'shared')];
  }
  // a date in words: the year once, at the end, where shared
  const monthPart = P.find((p) => p.type === 'month');
  if (x.Y !== y.Y || monthPart === undefined || /^\d/.test(monthPart.value)) return full();
  let p1 = P, p2 = Q, tail = [];
  const n = P.length;
  if (P[n - 1].type === 'year' && n > 1 && P[n - 2].type === 'literal') {
    tail = P.slice(n - 2);
    p1 = P.slice(0, n - 2);
    p2 = Q.slice(0, n - 2);
  } else if (P.some((p) => p.type === 'year')) {
    return full();
  }
  if (x.M === y.M && !P.some((p) => p.type === 'weekday') && p1.length === 3 && p1[0].type === 'month' && p1[2].type === 'day') {
    // (Mar 5 – 8: the month before the first day only, shared)
    return [...mark(p1.slice(0, 2), 'shared'), ...mark(p1.slice(2), 'startRange'), { type: 'literal', value: sep, source: 'shared' },
      ...mark(p2.slice(2), 'endRange'), ...mark(tail, 'shared')];
  }
  return [...mark(p1, 'startRange'), { type: 'literal', value: sep, source: 'shared' }, ...mark(p2, 'endRange'), ...mark(tail, 'shared')];
}

const DateTimeFormatDef = { make: DateTimeFormatImpl, methods: {
  formatToParts(date) {
    const s = state(this, 'DateTimeFormat', 'formatToParts');
    return dtParts(s, timeValue(date));
  },
  formatRange(a, b) {
    const s0 = state(this, 'DateTimeFormat', 'formatRange');
    if (a === undefined || b === undefined) throw new TypeError('startDate or endDate is undefined');
    const ta = timeValue(a), tb = timeValue(b);
    const s = rangeState(s0, ta, tb);
    // (one date prints as format() does: U+202F before AM/PM is a plain space there, in Node 20)
    if (rangeSingle(s, ta, tb)) return dtString(s, ta);
    return joinParts(dtRangeParts(s, ta, tb, s !== s0));
  },
  formatRangeToParts(a, b) {
    const s0 = state(this, 'DateTimeFormat', 'formatRangeToParts');
    if (a === undefined || b === undefined) throw new TypeError('startDate or endDate is undefined');
    const ta = timeValue(a), tb = timeValue(b);
    const s = rangeState(s0, ta, tb);
    if (rangeSingle(s, ta, tb)) return dtParts(s, ta).map((p) => ({ ...p, source: 'shared' }));
    return dtRangeParts(s, ta, tb, s !== s0);
  },
  resolvedOptions() {
    const s = state(this, 'DateTimeFormat', 'resolvedOptions');
    const o = { locale: s.locale, calendar: s.calendar, numberingSystem: s.numberingSystem, timeZone: s.timeZone };
    if (s.hourCycle) { o.hourCycle = s.hourCycle; o.hour12 = s.hourCycle === 'h11' || s.hourCycle === 'h12'; }
    const f = s.fields;
    if (!s.dateStyle && !s.timeStyle) {
      for (const k of DATE_FIELDS) {
        if (f[k] === undefined) continue;
        let v = f[k];
        if (s.resolvedFields) v = s.resolvedFields[k] || v;
        else {
          if ((k === 'minute' || k === 'second') && f.hour) v = '2-digit';
          if (k === 'hour' && s.hourCycle && s.hourCycle !== 'h12' && s.hourCycle !== 'h11') v = '2-digit';
        }
        o[k] = v;
      }
    }
    if (s.dateStyle) o.dateStyle = s.dateStyle;
    if (s.timeStyle) o.timeStyle = s.timeStyle;
    return o;
  },
}, getters: {
  format() {
    const s = state(this, 'DateTimeFormat', 'get format');
    if (!s.bound) {
      const bound = (date) => dtString(s, timeValue(date));
      s.bound = bound;
    }
    return s.bound;
  },
} };


return { DateTimeFormat: DateTimeFormatDef, dtString };
})
//#end datetime

let datetimePart = null;
function partDatetime() {
  return datetimePart || (datetimePart = binding.part('datetime')({ DEFAULT_LOCALE, DateTimeFormat, binding, canonicalizeLocaleList, chainLegacy, getNumberOption, getOption, joinParts, localDigits, nuDigits, nuKeys, resolveLocale, slots, state, stripExt, toStr }));
}
function DateTimeFormat(locales, options) {
  return partDatetime().DateTimeFormat.make(new.target, this, locales, options);
}
lazyClass(DateTimeFormat, 'DateTimeFormat', partDatetime, 'resolvedOptions 0, formatToParts 1, get format, formatRange 2, formatRangeToParts 2');
defineStatic(DateTimeFormat, false, true);

//#part names
(function ({ Locale, binding, canonicalizeLocaleList, canonicalizeTag, getOption, getOpts, partNumber, requireNew, resolveLocale, slots, state, stripExt, toStr, uExt }) {
// ---- DisplayNames ----------------------------------------------------------------------------

function DisplayNamesImpl(newTarget, self, locales, options) {
  requireNew(newTarget, 'DisplayNames');
  const requested = canonicalizeLocaleList(locales);
  if (options === undefined) throw new TypeError('invalid_argument');
  const opts = getOpts(options);
  const s = { kind: 'DisplayNames' };
  getOption(opts, 'localeMatcher', 'DisplayNames', ['lookup', 'best fit'], 'best fit');
  s.style = getOption(opts, 'style', 'DisplayNames', ['narrow', 'short', 'long'], 'long');
  s.type = getOption(opts, 'type', 'DisplayNames', ['language', 'region', 'script', 'currency', 'calendar', 'dateTimeField'], undefined);
  if (s.type === undefined) throw new TypeError('invalid_argument');
  s.fallback = getOption(opts, 'fallback', 'DisplayNames', ['code', 'none'], 'code');
  s.languageDisplay = getOption(opts, 'languageDisplay', 'DisplayNames', ['dialect', 'standard'], 'dialect');
  s.locale = resolveLocale(requested, false).locale;
  slots.set(self, s);
}

const FIELDS = { era: 'era', year: 'year', quarter: 'quarter', month: 'month', weekOfYear: 'week', weekday: 'day of the week',
  day: 'day', dayPeriod: 'AM/PM', hour: 'hour', minute: 'minute', second: 'second', timeZoneName: 'time zone' };
const CALENDARS = { gregory: 'Gregorian Calendar', buddhist: 'Buddhist Calendar', chinese: 'Chinese Calendar',
  hebrew: 'Hebrew Calendar', islamic: 'Hijri Calendar', japanese: 'Japanese Calendar', iso8601: 'ISO-8601 Calendar',
  persian: 'Persian Calendar', indian: 'Indian National Calendar', coptic: 'Coptic Calendar', ethiopic: 'Ethiopic Calendar',
  roc: 'Minguo Calendar', dangi: 'Dangi Calendar' };

const DisplayNamesDef = { make: DisplayNamesImpl, methods: {
  of(code) {
    const s = state(this, 'DisplayNames', 'of');
    code = toStr(code);
    let name = '';
    switch (s.type) {
      case 'language': {
        const c = canonicalizeTag(code);
        const [n, complete] = binding.displayName('language', c);
        // fallback 'code' shows ICU's name with the unnamed parts as codes ("English (XY)")
        if (complete || s.fallback === 'code') return n;
        return undefined;
      }
      case 'region':
        if (!/^([a-z]{2}|[0-9]{3})$/i.test(code)) throw new RangeError('invalid_argument');
        name = binding.displayName('region', code)[0]; // exact case: 'us' has no name, as in node
        break;
      case 'script':
        if (!/^[a-z]{4}$/i.test(code)) throw new RangeError('invalid_argument');
        name = binding.displayName('script', code)[0];
        break;
      case 'currency':
        if (!/^[a-z]{3}$/i.test(code)) throw new RangeError('invalid_argument');
        code = code.toUpperCase();
        const cur = partNumber().CURRENCY;
        name = cur[code] ? cur[code][3].replace(/^./, (c) => c.toUpperCase()) : '';
        if (code === 'USD') name = 'US Dollar';
        else if (name) name = name.replace(/ ([a-z])/g, (m, c) => ' ' + c.toUpperCase());
        break;
      case 'calendar':
        if (!/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(code)) throw new RangeError('invalid_argument');
        name = CALENDARS[code] || '';
        break;
      case 'dateTimeField':
        if (!FIELDS[code]) throw new RangeError('invalid_argument');
        name = FIELDS[code];
        break;
    }
    if (name) return name;
    return s.fallback === 'code' ? code : undefined;
  },
  resolvedOptions() {
    const s = state(this, 'DisplayNames', 'resolvedOptions');
    const o = { locale: s.locale, style: s.style, type: s.type, fallback: s.fallback };
    if (s.type === 'language') o.languageDisplay = s.languageDisplay;
    return o;
  },
} };


// ---- Locale ----------------------------------------------------------------------------------

function LocaleImpl(newTarget, self, tag, options) {
  requireNew(newTarget, 'Locale');
  if (typeof tag !== 'string' && (typeof tag !== 'object' || tag === null)) {
    throw new TypeError('First argument to Intl.Locale constructor can\'t be empty or missing');
  }
  if (tag === '') throw new RangeError('First argument to Intl.Locale constructor can\'t be empty or missing');
  const t = tag instanceof Locale ? tag.toString() : canonicalizeTag(String(tag));
  const opts = getOpts(options);
  const base = stripExt(t);
  const p = base.split('-');
  const s = { kind: 'Locale', language: p[0] };
  let i = 1;
  if (p[i] && p[i].length === 4) s.script = p[i++];
  if (p[i] && (p[i].length === 2 || /^\d{3}$/.test(p[i]))) s.region = p[i++];
  s.variants = p.slice(i);
  const lang = opts.language, script = opts.script, region = opts.region;
  if (lang !== undefined) { if (!/^[a-z]{2,3}$|^[a-z]{5,8}$/i.test(toStr(lang))) throw new RangeError('Incorrect locale information provided'); s.language = String(lang).toLowerCase(); }
  if (script !== undefined) { if (!/^[a-z]{4}$/i.test(toStr(script))) throw new RangeError('Incorrect locale information provided'); const x = String(script); s.script = x[0].toUpperCase() + x.slice(1).toLowerCase(); }
  if (region !== undefined) { if (!/^([a-z]{2}|[0-9]{3})$/i.test(toStr(region))) throw new RangeError('Incorrect locale information provided'); s.region = String(region).toUpperCase(); }
  const kw = uExt(t);
  const ext = (k, key, values) => {
    const v = opts[k];
    if (v !== undefined) {
      const sv = values === 'boolean' ? toStr(Boolean(v)) : toStr(v);
      if (values && values !== 'boolean' && !values.includes(sv)) throw new RangeError('Incorrect locale information provided');
      if (!values && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(sv)) throw new RangeError('Incorrect locale information provided');
      kw[key] = sv;
    }
  };
  ext('calendar', 'ca'); ext('collation', 'co'); ext('hourCycle', 'hc', ['h11', 'h12', 'h23', 'h24']);
  ext('caseFirst', 'kf', ['upper', 'lower', 'false']); ext('numeric', 'kn', 'boolean'); ext('numberingSystem', 'nu');
  s.kw = kw;
  const other = /-[a-tv-wyz0-9]-[^]*?(?=-[a-wyz0-9]-|-x-|$)|-x-.*$/g;
  s.otherExt = (t.slice(base.length).replace(/-u-.*?(?=-[a-wyz0-9]-|-x-|$)/, '').match(other) || []).join('');
  slots.set(self, s);
}

function localeBase(s) {
  return [s.language, s.script, s.region, ...s.variants].filter(Boolean).join('-');
}
function localeString(s) {
  const keys = Object.keys(s.kw).sort();
  let u = keys.map((k) => (s.kw[k] === 'true' ? k : k + '-' + s.kw[k])).join('-');
  let out = localeBase(s);
  if (u) out += '-u-' + u;
  return out + s.otherExt;
}

const LIKELY = { en: ['Latn', 'US'], fr: ['Latn', 'FR'], de: ['Latn', 'DE'], es: ['Latn', 'ES'], it: ['Latn', 'IT'],
  ja: ['Jpan', 'JP'], zh: ['Hans', 'CN'], ru: ['Cyrl', 'RU'], pt: ['Latn', 'BR'], ko: ['Kore', 'KR'], ar: ['Arab', 'EG'],
  hi: ['Deva', 'IN'], nl: ['Latn', 'NL'], sv: ['Latn', 'SE'], pl: ['Latn', 'PL'], tr: ['Latn', 'TR'], he: ['Hebr', 'IL'],
  und: ['Latn', 'US'] };

const LocaleDef = { make: LocaleImpl, methods: {
  toString() { return localeString(state(this, 'Locale', 'toString')); },
  maximize() {
    const s = state(this, 'Locale', 'maximize');
    const l = LIKELY[s.language];
    const lang = s.language === 'und' ? 'en' : s.language;
    return new Locale(localeString({ ...s, language: lang, script: s.script || (l && l[0]), region: s.region || (l && l[1]) }));
  },
  minimize() {
    const s = state(this, 'Locale', 'minimize');
    const l = LIKELY[s.language];
    let script = s.script, region = s.region;
    if (l) {
      if (script === l[0]) script = undefined;
      if (region === l[1] && script === undefined) region = undefined;
    }
    return new Locale(localeString({ ...s, script, region }));
  },
}, getters: {
  baseName() { return localeBase(state(this, 'Locale', 'baseName')); },
  language() { return state(this, 'Locale', 'language').language; },
  script() { return state(this, 'Locale', 'script').script; },
  region() { return state(this, 'Locale', 'region').region; },
  calendar() { return state(this, 'Locale', 'calendar').kw.ca; },
  collation() { return state(this, 'Locale', 'collation').kw.co; },
  hourCycle() { return state(this, 'Locale', 'hourCycle').kw.hc; },
  caseFirst() { return state(this, 'Locale', 'caseFirst').kw.kf; },
  numeric() { const v = state(this, 'Locale', 'numeric').kw.kn; return v === 'true'; },
  numberingSystem() { return state(this, 'Locale', 'numberingSystem').kw.nu; },
  calendars() { return [state(this, 'Locale', 'calendars').kw.ca || 'gregory']; },
  collations() { const s = state(this, 'Locale', 'collations'); return s.kw.co ? [s.kw.co] : ['emoji', 'eor']; },
  timeZones() { state(this, 'Locale', 'timeZones'); return undefined; },
  hourCycles() { return [state(this, 'Locale', 'hourCycles').kw.hc || 'h12']; },
  numberingSystems() { return [state(this, 'Locale', 'numberingSystems').kw.nu || 'latn']; },
  textInfo() { state(this, 'Locale', 'textInfo'); return { direction: 'ltr' }; },
  weekInfo() { state(this, 'Locale', 'weekInfo'); return { firstDay: 7, weekend: [6, 7], minimalDays: 1 }; },
} };

return { DisplayNames: DisplayNamesDef, Locale: LocaleDef };
})
//#end names

let namesPart = null;
function partNames() {
  return namesPart || (namesPart = binding.part('names')({ Locale, binding, canonicalizeLocaleList, canonicalizeTag, getOption, getOpts, partNumber, requireNew, resolveLocale, slots, state, stripExt, toStr, uExt }));
}
function DisplayNames(locales, options) {
  return partNames().DisplayNames.make(new.target, this, locales, options);
}
lazyClass(DisplayNames, 'DisplayNames', partNames, 'resolvedOptions 0, of 1');
defineStatic(DisplayNames, false);
function Locale(tag, options) {
  return partNames().Locale.make(new.target, this, tag, options);
}
lazyClass(Locale, 'Locale', partNames, 'toString 0, maximize 0, minimize 0, get language, get script, get region, get baseName, get calendar, get caseFirst, get collation, get hourCycle, get numeric, get numberingSystem, get calendars, get collations, get hourCycles, get numberingSystems, get textInfo, get timeZones, get weekInfo');

// ---- Intl ------------------------------------------------------------------------------------

const Intl = {};
function getCanonicalLocales(locales) { return canonicalizeLocaleList(locales); }
let supportedTable;
function supported() {
  return supportedTable || (supportedTable = {
  calendar: ['buddhist', 'chinese', 'coptic', 'dangi', 'ethioaa', 'ethiopic', 'gregory', 'hebrew', 'indian', 'islamic',
    'islamic-civil', 'islamic-rgsa', 'islamic-tbla', 'islamic-umalqura', 'iso8601', 'japanese', 'persian', 'roc'],
  collation: ['compat', 'dict', 'emoji', 'eor', 'phonebk', 'phonetic', 'pinyin', 'searchjl', 'stroke', 'trad', 'unihan', 'zhuyin'],
  currency: Object.keys(partNumber().CURRENCY).filter((c) => c !== 'BTC').sort(),
  numberingSystem: ['arab', 'arabext', 'latn'].concat(Object.keys(nuDigits())).sort(),
  timeZone: null,
  unit: Object.keys(partNumber().UNITS).sort(),
});
}
function supportedValuesOf(key) {
  key = toStr(key);
  if (!Object.prototype.hasOwnProperty.call(supported(), key)) throw new RangeError('Invalid key : ' + key);
  if (key === 'timeZone') return binding.zones ? binding.zones() : ['UTC'];
  return supported()[key].slice();
}

Object.defineProperty(Intl, 'getCanonicalLocales', { __proto__: null, value: getCanonicalLocales, writable: true, configurable: true });
Object.defineProperty(Intl, 'supportedValuesOf', { __proto__: null, value: supportedValuesOf, writable: true, configurable: true });
// (in node's order)
const members = { DateTimeFormat, NumberFormat, Collator, PluralRules, RelativeTimeFormat, ListFormat, Locale,
  DisplayNames, Segmenter };
for (const k of Object.keys(members)) {
  Object.defineProperty(members[k], 'name', { __proto__: null, value: k });
  Object.defineProperty(members[k], 'length', { __proto__: null, value: k === 'DisplayNames' ? 2 : k === 'Locale' ? 1 : 0 });
  Object.defineProperty(Intl, k, { __proto__: null, value: members[k], writable: true, enumerable: false, configurable: true });
}
Object.defineProperty(Intl, Symbol.toStringTag, { __proto__: null, value: 'Intl', configurable: true });

// ---- locale-sensitive methods of the built-in prototypes -------------------------------------

let cacheNF, cacheDT, cacheColl;
function cachedNF(locales, options) {
  if (locales === undefined && options === undefined) return cacheNF || (cacheNF = new NumberFormat());
  return new NumberFormat(locales, options);
}
function dtf(locales, options, required, defaults) {
  const o = options === undefined ? {} : options === null ? null : Object.assign(Object.create(null), Object(options));
  if (o !== null) { o._gojsRequired = required; o._gojsDefaults = defaults; }
  return new DateTimeFormat(locales, o);
}
const dtCache = {};
function dateFormat(d, locales, options, required, defaults, method) {
  let t;
  try {
    t = Date.prototype.getTime.call(d);
  } catch (e) {
    throw new TypeError('Method Date.prototype.' + method + ' called on incompatible receiver ' + receiver(d));
  }
  if (Number.isNaN(t)) return 'Invalid Date';
  let f;
  if (locales === undefined && options === undefined) f = dtCache[required] || (dtCache[required] = dtf(undefined, undefined, required, defaults));
  else f = dtf(locales, options, required, defaults);
  return partDatetime().dtString(slots.get(f), t);
}
function defineMethod(proto, name, fn) {
  Object.defineProperty(fn, 'name', { __proto__: null, value: name });
  Object.defineProperty(proto, name, { __proto__: null, value: fn, writable: true, enumerable: false, configurable: true });
}
// thisNumber and thisBigInt are a receiver's number, or V8's refusal naming toLocaleString
function thisNumber(v) {
  if (typeof v === 'number') return v;
  try {
    return Number.prototype.valueOf.call(v);
  } catch {
    throw new TypeError("Number.prototype.toLocaleString requires that 'this' be a Number");
  }
}
function thisBigInt(v) {
  if (typeof v === 'bigint') return v;
  try {
    return BigInt.prototype.valueOf.call(v);
  } catch {
    throw new TypeError("BigInt.prototype.toLocaleString requires that 'this' be a BigInt");
  }
}
defineMethod(Number.prototype, 'toLocaleString', function toLocaleString() {
  const x = thisNumber(this);
  return cachedNF(arguments[0], arguments[1]).format(x);
});
defineMethod(BigInt.prototype, 'toLocaleString', function toLocaleString() {
  const x = thisBigInt(this);
  return cachedNF(arguments[0], arguments[1]).format(x);
});
defineMethod(Date.prototype, 'toLocaleString', function toLocaleString() {
  return dateFormat(this, arguments[0], arguments[1], 'any', 'all', 'toLocaleString');
});
defineMethod(Date.prototype, 'toLocaleDateString', function toLocaleDateString() {
  return dateFormat(this, arguments[0], arguments[1], 'date', 'date', 'toLocaleDateString');
});
defineMethod(Date.prototype, 'toLocaleTimeString', function toLocaleTimeString() {
  return dateFormat(this, arguments[0], arguments[1], 'time', 'time', 'toLocaleTimeString');
});
defineMethod(String.prototype, 'localeCompare', function localeCompare(that) {
  if (this === undefined || this === null) {
    throw new TypeError('String.prototype.localeCompare called on null or undefined');
  }
  const a = toStr(this), b = toStr(that);
  const locales = arguments[1], options = arguments[2];
  if (locales === undefined && options === undefined) {
    if (!cacheColl) cacheColl = new Collator();
    return partCollator().collatorCompare(slots.get(cacheColl), a, b);
  }
  return partCollator().collatorCompare(slots.get(new Collator(locales, options)), a, b);
});
Object.defineProperty(String.prototype.localeCompare, 'length', { __proto__: null, value: 1 });
// String's locale-sensitive case mappings (ECMA-402 TransformCase): the first requested locale's
// language picks ICU's special rules, Turkic (tr, az: dotted and dotless i), Lithuanian (lt: the
// dot kept over a lowercase i with an accent) and Greek (el: no accents on capitals); any other
// maps as toLowerCase/toUpperCase do.
const plainLower = String.prototype.toLowerCase;
const plainUpper = String.prototype.toUpperCase;
function caseLanguage(self, locales, name) {
  if (self === undefined || self === null) {
    throw new TypeError(`String.prototype.${name} called on null or undefined`);
  }
  if (locales === undefined) return '';
  const list = canonicalizeLocaleList(locales);
  return list.length === 0 ? '' : list[0].split('-')[0];
}
const isGreek = (c) => (c >= 0x370 && c <= 0x3ff) || (c >= 0x1f00 && c <= 0x1fff);
function lowerLithuanian(s) {
  // I, J and I-ogonek keep a dot above before an accent above; the precomposed I-grave, I-acute
  // and I-tilde become i, a dot above and their accent
  s = s.replace(/[\u00cc\u00cd\u0128]/g, (c) => ({ '\u00cc': 'i\u0307\u0300', '\u00cd': 'i\u0307\u0301', '\u0128': 'i\u0307\u0303' })[c]);
  s = s.replace(/([IJ\u012e])(?=[\u0300-\u0314\u033d-\u0344\u0346\u034a-\u034c\u0350-\u0352\u0357\u035b\u0363-\u036f])/g,
    (c) => plainLower.call(c) + '\u0307');
  return plainLower.call(s);
}
function upperGreek(s) {
  const d = s.normalize('NFD');
  let out = '';
  let greekBase = false;
  for (const ch of d) {
    const c = ch.codePointAt(0);
    const mark = c >= 0x300 && c <= 0x36f;
    if (!mark) greekBase = isGreek(c);
    // accents and breathings leave a Greek capital; the diaeresis and iota subscript stay
    if (mark && greekBase && c !== 0x308 && c !== 0x345) continue;
    out += ch;
  }
  return plainUpper.call(out).normalize('NFC');
}
defineMethod(String.prototype, 'toLocaleLowerCase', function toLocaleLowerCase() {
  const lang = caseLanguage(this, arguments[0], 'toLocaleLowerCase');
  const s = toStr(this);
  if (lang === 'tr' || lang === 'az') {
    return plainLower.call(s.replace(/I\u0307/g, 'i').replace(/I/g, '\u0131').replace(/\u0130/g, 'i'));
  }
  if (lang === 'lt') return lowerLithuanian(s);
  return plainLower.call(s);
});
defineMethod(String.prototype, 'toLocaleUpperCase', function toLocaleUpperCase() {
  const lang = caseLanguage(this, arguments[0], 'toLocaleUpperCase');
  const s = toStr(this);
  if (lang === 'tr' || lang === 'az') return plainUpper.call(s.replace(/i/g, '\u0130'));
  if (lang === 'lt') return plainUpper.call(s.replace(/([ij\u012f])\u0307/g, '$1'));
  if (lang === 'el') return upperGreek(s);
  return plainUpper.call(s);
});
defineMethod(Array.prototype, 'toLocaleString', function toLocaleString() {
  const o = Object(this);
  const len = Math.min(Number(o.length) || 0, 2 ** 53 - 1);
  const parts = [];
  for (let i = 0; i < len; i++) {
    const v = o[i];
    parts.push(v === undefined || v === null ? '' : String(Object(v).toLocaleString(arguments[0], arguments[1])));
  }
  return parts.join(',');
});

module.exports = Intl;
