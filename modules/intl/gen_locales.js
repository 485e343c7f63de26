// gen_locales.js writes locales.bin: for each locale below, the number symbols and patterns,
// unit patterns, date layouts and names, relative-time and list patterns node 20's ICU formats
// with, taken from node's own Intl output. The formatting itself is intl.js's. Run with node 20: `node gen_locales.js` (go generate does it).
'use strict';
const fs = require('fs');
const path = require('path');

const BASE = ['de', 'fr', 'es', 'it', 'pt', 'nl', 'ja', 'zh', 'ko', 'ru', 'pl', 'tr', 'sv', 'da', 'nb', 'fi',
  'cs', 'uk', 'el', 'hu', 'ro', 'id', 'vi', 'hi', 'he', 'ar', 'th', 'bg', 'hr', 'sk', 'sl', 'sr', 'lt', 'lv',
  'et', 'ca', 'ms', 'fil', 'fa', 'bn', 'ta', 'ur', 'sw', 'af', 'is', 'ga', 'en'];
const REGIONAL = ['de-AT', 'de-CH', 'de-LI', 'fr-CA', 'fr-CH', 'fr-BE', 'es-MX', 'es-419', 'es-AR', 'es-US',
  'es-CO', 'es-CL', 'pt-PT', 'zh-TW', 'zh-HK', 'zh-Hant', 'en-GB', 'en-IN', 'en-AU', 'en-CA', 'en-NZ', 'en-IE',
  'en-ZA', 'en-SG', 'en-150', 'it-CH', 'nl-BE', 'ar-EG', 'ar-SA', 'ar-AE', 'ar-MA', 'ms-SG', 'sr-Latn'];

// The currencies intl.js knows (its CURRENCY table).
const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CAD', 'AUD', 'NZD', 'HKD', 'TWD', 'MXN', 'BRL', 'INR',
  'KRW', 'ILS', 'VND', 'PHP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'RUB', 'TRY', 'ZAR', 'SGD', 'CZK', 'HUF', 'THB',
  'IDR', 'CLP', 'ISK', 'KWD', 'BHD', 'JOD', 'OMR', 'TND', 'UAH', 'RON', 'BGN', 'EGP', 'SAR', 'AED'];

// The units intl.js knows (its UNITS and PER tables), read from it.
const intlSrc = fs.readFileSync(path.join(__dirname, 'intl.js'), 'utf8');
const tableKeys = (name) => {
  const body = intlSrc.slice(intlSrc.indexOf('const ' + name + ' = {'), intlSrc.indexOf('};', intlSrc.indexOf('const ' + name + ' = {')));
  return [...body.matchAll(/^  '?([a-z-]+)'?: \[/gm)].map((m) => m[1]);
};
const UNITS = tableKeys('UNITS').concat(tableKeys('PER'));

const NUM = new Set(['integer', 'group', 'decimal', 'fraction']);
const CODE = { literal: 'l', currency: 'c', minusSign: '-', plusSign: '+', percentSign: '%', compact: 'k', unit: 'u' };

// template turns formatToParts output into [[code, value], ...] with the number's parts as one
// ['n'] entry.
function template(parts) {
  const out = [];
  for (const p of parts) {
    if (NUM.has(p.type)) {
      if (!out.length || out[out.length - 1][0] !== 'n') out.push(['n']);
      continue;
    }
    const c = CODE[p.type];
    if (!c) throw new Error('part ' + p.type);
    if (c === 'l' && out.length && out[out.length - 1][0] === 'l') out[out.length - 1][1] += p.value;
    else out.push(c === 'c' || c === 'k' || c === 'u' ? [c] : [c, p.value]);
  }
  return out;
}

function tpl(L, opts, x) {
  return template(new Intl.NumberFormat(L, opts).formatToParts(x));
}

// three: the templates for a positive, a negative and an explicitly signed positive number.
function three(L, opts) {
  return [tpl(L, opts, 1), tpl(L, opts, -1), tpl(L, { ...opts, signDisplay: 'always' }, 1)];
}

function partOf(parts, type) {
  const p = parts.find((q) => q.type === type);
  return p ? p.value : '';
}

// a number of each plural category, cardinal (from 0..200 and some decimals).
function samples(L) {
  const pr = new Intl.PluralRules(L);
  const out = {};
  // 1 comes last: some patterns have an explicit form for exactly 1 ("mille"), kept apart
  for (const n of [2, 3, 5, 0, 11, 21, 22, 25, 100, 101, 102, 111, 1.5, 0.5, 2.5, 1000000, 1]) {
    const c = pr.select(n);
    if (!(c in out)) out[c] = n;
  }
  for (let n = 0; n < 200; n++) {
    const c = pr.select(n);
    if (!(c in out)) out[c] = n;
  }
  return out;
}

function data(L) {
  const nf = new Intl.NumberFormat(L);
  const p = nf.formatToParts(1234567.5);
  const d = {};
  d.nu = nf.resolvedOptions().numberingSystem;
  d.dg = d.nu === 'latn' ? '' : Array.from({ length: 10 }, (_, i) => nf.format(i)).join('');
  d.dec = partOf(p, 'decimal');
  d.grp = partOf(p, 'group');
  const ints = p.filter((q) => q.type === 'integer').map((q) => q.value.length);
  d.g1 = ints[ints.length - 1];
  d.g2 = ints.length > 2 ? ints[ints.length - 2] : d.g1;
  d.mg = nf.format(1234).length === new Intl.NumberFormat(L, { useGrouping: false }).format(1234).length ? 2 : 1;
  // currency amounts may group and separate decimals differently (de-AT, de-CH)
  const cp = new Intl.NumberFormat(L, { style: 'currency', currency: 'EUR' }).formatToParts(1234567.5);
  if (partOf(cp, 'group') !== d.grp) d.cgrp = partOf(cp, 'group');
  if (partOf(cp, 'decimal') !== d.dec) d.cdec = partOf(cp, 'decimal');
  const sci = new Intl.NumberFormat(L, { notation: 'scientific' }).formatToParts(0.001);
  d.exs = partOf(sci, 'exponentSeparator');
  d.exm = partOf(sci, 'exponentMinusSign');
  const exl = sci.findIndex((q) => q.type === 'exponentMinusSign');
  if (sci[exl - 1].type === 'literal') d.exl = sci[exl - 1].value; // a direction mark before it
  // group sizes where a style groups otherwise than plain numbers (bn's percent, en-IN's accounting)
  const sizes = (ps) => {
    const ints = ps.filter((q) => q.type === 'integer').map((q) => q.value.length);
    return [ints[ints.length - 1], ints.length > 2 ? ints[ints.length - 2] : ints[ints.length - 1]];
  };
  for (const [k, o] of [['pct', { style: 'percent' }], ['cur', { style: 'currency', currency: 'EUR' }],
    ['acc', { style: 'currency', currency: 'EUR', currencySign: 'accounting' }]]) {
    const g = sizes(new Intl.NumberFormat(L, o).formatToParts(k === 'pct' ? 12345678.9 : 123456789.5));
    if (g[0] !== d.g1 || g[1] !== d.g2) (d.gs || (d.gs = {}))[k] = g;
  }
  d.nan = nf.format(NaN);
  d.inf = partOf(nf.formatToParts(Infinity), 'infinity');
  d.n = three(L, {});
  d.pct = three(L, { style: 'percent' });
  d.cur = three(L, { style: 'currency', currency: 'EUR', currencyDisplay: 'narrowSymbol' });
  d.acc = three(L, { style: 'currency', currency: 'EUR', currencyDisplay: 'narrowSymbol', currencySign: 'accounting' });
  d.name = three(L, { style: 'currency', currency: 'EUR', currencyDisplay: 'name' });
  const cats = samples(L);
  d.sym = {};
  d.names = {};
  for (const c of CURRENCIES) {
    const s = partOf(new Intl.NumberFormat(L, { style: 'currency', currency: c }).formatToParts(1), 'currency');
    const ns = partOf(new Intl.NumberFormat(L, { style: 'currency', currency: c, currencyDisplay: 'narrowSymbol' }).formatToParts(1), 'currency');
    d.sym[c] = ns === s ? [s] : [s, ns];
    const names = {};
    for (const [cat, n] of Object.entries(cats)) {
      // shown as it is (1.5, not 1.50), so that its category is the sample's
      const o = { style: 'currency', currency: c, currencyDisplay: 'name', minimumFractionDigits: 0 };
      names[cat] = partOf(new Intl.NumberFormat(L, o).formatToParts(n), 'currency');
    }
    d.names[c] = names;
  }
  // compact: per power of ten, the divisor's power and the template of each plural category
  d.compact = {};
  for (const disp of ['short', 'long']) {
    const rows = [];
    for (let k = 3; k <= 20; k++) {
      const f = new Intl.NumberFormat(L, { notation: 'compact', compactDisplay: disp });
      const parts = f.formatToParts(2 * 10 ** k);
      if (!parts.some((q) => q.type === 'compact')) { rows.push(null); continue; }
      const int = parts.filter((q) => q.type === 'integer').map((q) => q.value).join('');
      const div = k - (int.length - 1);
      const row = { div, t: {} };
      // per plural category, the pattern at this magnitude: a shown number m of that category
      // (m from 10^(k-div) up, with one decimal where k = div)
      const lo = 10 ** (k - div);
      const ms = [];
      for (let m = lo; m < Math.min(10 * lo, lo + 300); m++) ms.push(m);
      ms.push(lo + 0.5, lo + 0.25, lo + 1.5);
      if (lo === 1) ms.push(1.2, 0);
      const pr = new Intl.PluralRules(L);
      const f2 = new Intl.NumberFormat(L, { notation: 'compact', compactDisplay: disp, maximumFractionDigits: 2 });
      const ctpl = (m) => {
        const ps = f2.formatToParts(m * 10 ** div);
        return template(ps).map((e) => (e[0] === 'k' ? ['k', partOf(ps, 'compact')] : e));
      };
      for (const m of ms) {
        if (m === 1 || m === 0) continue;
        const cat = pr.select(m);
        if (!(cat in row.t)) row.t[cat] = ctpl(m);
      }
      if (lo === 1) {
        // exactly 1, where it has a form of its own ("mille")
        const x1 = ctpl(1), c1 = pr.select(1);
        if (!(c1 in row.t)) row.t[c1] = x1;
        else if (JSON.stringify(x1) !== JSON.stringify(row.t[c1])) row.t.x1 = x1;
      }
      rows.push(row);
    }
    d.compact[disp] = rows;
  }
  // units: per display, per plural category, the pattern with the unit's label
  d.units = {};
  for (const u of UNITS) {
    const e = {};
    for (const disp of ['short', 'narrow', 'long']) {
      const f = new Intl.NumberFormat(L, { style: 'unit', unit: u, unitDisplay: disp, maximumFractionDigits: 2 });
      const t = {};
      for (const [cat, n] of Object.entries(cats)) {
        const ps = f.formatToParts(n);
        const labels = ps.filter((q) => q.type === 'unit').map((q) => q.value);
        t[cat] = template(ps).map((x) => (x[0] === 'u' ? ['u', labels.shift()] : x));
      }
      e[disp] = t;
    }
    d.units[u] = e;
  }
  d.cats = Object.keys(cats);
  d.ocats = new Intl.PluralRules(L, { type: 'ordinal' }).resolvedOptions().pluralCategories;
  return d;
}

// the regions ICU has data for, per language: a tag with another region reports its language
const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const allRegions = [];
for (const x of abc) for (const y of abc) if (regionNames.of(x + y)) allRegions.push(x + y);
for (const r of ['001', '150', '419']) allRegions.push(r);
const regions = {};
for (const lang of BASE.concat('no')) {
  regions[lang] = allRegions.filter((r) => new Intl.NumberFormat(lang + '-' + r).resolvedOptions().locale === lang + '-' + r).join(' ');
}
// every English region ICU has: most follow en-001 (05/03/2024, US$), some en-150 or their own
// (identical data is written once: see the entries' "=tag" below)
for (const r of regions.en.split(' ')) if (r !== 'US' && !REGIONAL.includes('en-' + r)) REGIONAL.push('en-' + r);

const out = {};
const baseJSON = {};
for (const L of BASE) {
  const j = JSON.stringify(data(L));
  baseJSON[L] = j;
  out[L] = j;
}
for (const L of REGIONAL) {
  const j = JSON.stringify(data(L));
  out[L] = j === baseJSON[L.split('-')[0]] ? '=' + L.split('-')[0] : j;
}
// where the default digits are not Latin, the data for -u-nu-latn too
for (const L of Object.keys(out)) {
  const j = out[L][0] === '=' ? baseJSON[out[L].slice(1)] : out[L];
  if (JSON.parse(j).nu !== 'latn') out[L + '-u-nu-latn'] = JSON.stringify(data(L + '-u-nu-latn'));
}
// locales.bin: for each entry, sorted by key: the key's length (1 byte), the key, the length of
// its raw-deflated JSON (4 bytes, big-endian) and that. Keys: a locale tag (its data without
// units, or "=base" when the same as its language's), "tag/units" (its unit patterns; like every
// "tag/kind" entry, "=other" when the same as other locale's "other/kind") and
// "regions" ({language: its regions with data, space-separated}).
// ---- dates -----------------------------------------------------------------------------------

// The option bags whose layouts are captured per locale (intl.js's dtKey names them the same way).
const DATE_BAGS = [];
{
  const y = 'numeric', n = 'numeric', d2 = '2-digit';
  const dates = [
    { year: y, month: n, day: n }, { year: y, month: d2, day: d2 }, { year: d2, month: d2, day: d2 }, { year: d2, month: n, day: n },
    { month: n, day: n }, { month: d2, day: d2 }, { year: y, month: n }, { year: y, month: d2 }, { year: y, month: 'long' },
    { year: y, month: 'short' }, { month: 'long', day: n }, { month: 'short', day: n }, { year: y, month: 'long', day: n },
    { year: y, month: 'short', day: n }, { year: y, month: 'long', day: d2 }, { weekday: 'long', year: y, month: 'long', day: n },
    { weekday: 'short', year: y, month: 'short', day: n }, { weekday: 'long', month: 'long', day: n },
    { weekday: 'short', month: 'short', day: n }, { weekday: 'long', year: y, month: n, day: n }, { weekday: 'short', year: y, month: n, day: n },
    { weekday: 'short', year: y, month: d2, day: d2 }, { weekday: 'long', day: n }, { weekday: 'short', day: n },
    { weekday: 'long' }, { weekday: 'short' }, { weekday: 'narrow' }, { month: 'long' }, { month: 'short' }, { month: 'narrow' },
    { month: n }, { month: d2 }, { year: y }, { year: d2 }, { day: n }, { day: d2 },
  ];
  // (all numeric is what toLocaleTimeString asks for, and ICU shows it otherwise than 2-digit minutes)
  const times = [{ hour: n, minute: n, second: n }, { hour: n, minute: n }, { hour: n, minute: d2 }, { hour: n, minute: d2, second: d2 },
    { hour: d2, minute: d2 }, { hour: d2, minute: d2, second: d2 },
    { hour: n }, { hour: d2 }, { minute: d2, second: d2 }, { hour: n, minute: d2, second: d2, fractionalSecondDigits: 3 }];
  const withTime = [{ year: y, month: n, day: n }, { year: y, month: d2, day: d2 }, { year: d2, month: d2, day: d2 }, { month: n, day: n },
    { month: d2, day: d2 }, { year: y, month: 'short', day: n }, { year: y, month: 'long', day: n }, { month: 'short', day: n },
    { month: 'long', day: n }, { weekday: 'short', year: y, month: 'short', day: n }, { weekday: 'long', year: y, month: 'long', day: n },
    { weekday: 'short', month: 'short', day: n }, { weekday: 'long' }, { weekday: 'short' }];
  const hcs = [{}, { hour12: true }, { hour12: false }];
  // every date-only and time-only combination: intl.js joins a date and a time layout with the
  // locale's glue for the bags not captured whole
  const opt = (v) => [undefined, ...v];
  for (const weekday of opt(['long', 'short', 'narrow'])) for (const year of opt([y, d2])) {
    for (const month of opt([n, d2, 'long', 'short', 'narrow'])) for (const day of opt([n, d2])) {
      const b = {};
      if (weekday) b.weekday = weekday;
      if (year) b.year = year;
      if (month) b.month = month;
      if (day) b.day = day;
      if (Object.keys(b).length) DATE_BAGS.push(b);
    }
  }
  for (const hour of opt([n, d2])) for (const minute of opt([n, d2])) for (const second of opt([n, d2])) {
    const b = {};
    if (hour) b.hour = hour;
    if (minute) b.minute = minute;
    if (second) b.second = second;
    if (Object.keys(b).length) for (const h of hour ? hcs : [{}]) DATE_BAGS.push({ ...b, ...h });
  }
  // a time with a zone name: ICU's layout differs by locale and by the name's style (15:07 MEZ,
  // 15h Central European Standard Time, 15:07:09 (CET), GMT+1 15:07)
  for (const hour of opt([n, d2])) for (const minute of opt([n, d2])) for (const second of opt([n, d2])) {
    const b = {};
    if (hour) b.hour = hour;
    if (minute) b.minute = minute;
    if (second) b.second = second;
    if (!Object.keys(b).length) continue;
    for (const timeZoneName of ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric']) {
      for (const h of hour ? hcs : [{}]) DATE_BAGS.push({ ...b, timeZoneName, ...h });
    }
  }
  for (const b of dates) DATE_BAGS.push(b);
  // flexible day periods ("in the afternoon", 오후, शाम) with an hour, as the hour of the day has them
  for (const dayPeriod of ['long', 'short', 'narrow']) {
    for (const b of [{}, { hour: n }, { hour: n, minute: d2 }, { hour: n, minute: d2, second: d2 }]) {
      for (const h of b.hour ? hcs : [{}]) DATE_BAGS.push({ dayPeriod, ...b, ...h });
    }
  }
  // the era with a year, and with a whole date (node adds the year, month and day to an era alone)
  for (const era of ['long', 'short', 'narrow']) {
    for (const b of [{}, { year: y }, { year: y, month: n, day: n }, { year: y, month: 'long', day: n }, { year: y, month: 'short', day: n },
      { year: y, month: 'long' }, { weekday: 'long', year: y, month: 'long', day: n }]) DATE_BAGS.push({ era, ...b });
  }
  for (const b of times) for (const h of hcs) DATE_BAGS.push({ ...b, ...h });
  for (const b of withTime) for (const t of times.slice(0, 6)) for (const h of hcs) DATE_BAGS.push({ ...b, ...t, ...h });
  for (const ds of [undefined, 'full', 'long', 'medium', 'short']) {
    for (const ts of [undefined, 'full', 'long', 'medium', 'short']) {
      if (!ds && !ts) continue;
      for (const h of ts ? hcs : [{}]) {
        const b = { ...h };
        if (ds) b.dateStyle = ds;
        if (ts) b.timeStyle = ts;
        DATE_BAGS.push(b);
      }
    }
  }
}

{
  const seen = new Set();
  for (let i = DATE_BAGS.length - 1; i >= 0; i--) {
    const k = JSON.stringify(DATE_BAGS[i]);
    if (seen.has(k)) DATE_BAGS.splice(i, 1); else seen.add(k);
  }
}

const DATE_KEYS = ['weekday', 'era', 'year', 'month', 'day', 'dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits',
  'timeZoneName', 'dateStyle', 'timeStyle'];
function dtKey(b) {
  const k = DATE_KEYS.filter((f) => b[f] !== undefined).map((f) => f + '=' + b[f]).join(',');
  return k + '|' + (b.hour12 === true ? '12' : b.hour12 === false ? '24' : '');
}

function dateData(L, dg) {
  const ascii = (v) => (dg ? [...v].map((c) => { const i = dg.indexOf(c); return i >= 0 ? String(i) : c; }).join('') : v);
  const lists = [];
  const listIndex = (arr) => {
    const j = JSON.stringify(arr);
    let i = lists.findIndex((x) => JSON.stringify(x) === j);
    if (i < 0) { lists.push(arr); i = lists.length - 1; }
    return i;
  };
  const REF = Date.UTC(2024, 0, 5, 3, 4, 5, 6); // a Friday
  const layouts = {};
  for (const b of DATE_BAGS) {
    const f = new Intl.DateTimeFormat(L, { ...b, timeZone: 'UTC' });
    const parts = f.formatToParts(REF);
    const ro = f.resolvedOptions();
    const valuesOf = (type, dates) => dates.map((t) => {
      const p = f.formatToParts(t).find((q) => q.type === type);
      return p ? p.value : '';
    });
    const toks = [];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (p.type === 'literal') { toks.push(['l', p.value]); continue; }
      const v = ascii(p.value);
      switch (p.type) {
        case 'year': toks.push(['y', v.length === 2 ? '2' : 'n']); break;
        case 'day': toks.push(['d', v.length === 2 ? '2' : 'n']); break;
        case 'hour': toks.push(['h', v.length === 2 ? '2' : 'n']); break;
        case 'minute': toks.push(['mi', v.length === 2 ? '2' : 'n']); break;
        case 'second': toks.push(['s', v.length === 2 ? '2' : 'n']); break;
        case 'fractionalSecond': toks.push(['f', String(v.length)]); break;
        case 'timeZoneName': toks.push(['z', b.timeZoneName || (b.timeStyle === 'full' ? 'long' : 'short')]); break;
        case 'month': {
          const names = valuesOf('month', Array.from({ length: 12 }, (_, m) => Date.UTC(2024, m, 5, 3, 4, 5))).map(ascii);
          if (names.every((x, m) => x === String(m + 1))) toks.push(['M', 'n']);
          else if (names.every((x, m) => x === String(m + 1).padStart(2, '0'))) toks.push(['M', '2']);
          else toks.push(['M', listIndex(names)]);
          break;
        }
        case 'weekday':
          toks.push(['w', listIndex(valuesOf('weekday', Array.from({ length: 7 }, (_, w) => Date.UTC(2024, 0, 7 + w, 3))))]); // Sunday first
          break;
        case 'dayPeriod':
          toks.push(['p', listIndex(valuesOf('dayPeriod', Array.from({ length: 24 }, (_, h) => Date.UTC(2024, 0, 5, h, 4, 5))))]);
          break;
        case 'era':
          toks.push(['e', listIndex(valuesOf('era', [Date.UTC(-100, 0, 5), REF]))]);
          break;
        default: throw new Error(L + ' ' + JSON.stringify(b) + ': part ' + p.type);
      }
    }
    const res = {};
    for (const k of DATE_KEYS) if (ro[k] !== undefined && ro[k] !== b[k]) res[k] = ro[k];
    layouts[dtKey(b)] = [toks, ro.hourCycle || '', res];
  }
  // the glue between a date and a time, by the date's length (CLDR's dateTimeFormats)
  const glue = {};
  for (const st of ['full', 'long', 'medium', 'short']) {
    const both = new Intl.DateTimeFormat(L, { dateStyle: st, timeStyle: 'short', timeZone: 'UTC' }).format(REF);
    const date = new Intl.DateTimeFormat(L, { dateStyle: st, timeZone: 'UTC' }).format(REF);
    const time = new Intl.DateTimeFormat(L, { timeStyle: 'short', timeZone: 'UTC' }).format(REF);
    if (both.startsWith(date) && both.endsWith(time)) glue[st] = [0, both.slice(date.length, both.length - time.length)];
    else if (both.startsWith(time) && both.endsWith(date)) glue[st] = [1, both.slice(time.length, both.length - date.length)];
  }
  const cal = new Intl.DateTimeFormat(L).resolvedOptions().calendar;
  return cal === 'gregory' ? { layouts, lists, glue } : { layouts, lists, glue, cal };
}

// zoneData is a locale's short time zone names: its GMT format (for a positive and a negative
// offset, '{}' where the hours go, in ASCII digits) and, by zone and offset in minutes, the names
// that are not that format (MEZ, BST, IST...), sampled in January and July.
function zoneData(L, ascii) {
  const shortName = (z, t) => new Intl.DateTimeFormat(L, { timeZoneName: 'short', timeZone: z })
    .formatToParts(t).find((p) => p.type === 'timeZoneName').value;
  const tplOf = (v, h) => { const a = ascii(v); const i = a.lastIndexOf(h); return a.slice(0, i) + '{}' + a.slice(i + h.length); };
  const plus = tplOf(shortName('Etc/GMT-5', 0), '5');
  const minus = tplOf(shortName('Etc/GMT+8', 0), '8');
  const gmt = (off) => {
    const a = Math.abs(off), h = Math.floor(a / 60), m = a % 60;
    return (off < 0 ? minus : plus).replace('{}', h + (m ? ':' + String(m).padStart(2, '0') : ''));
  };
  const names = {};
  for (const z of Intl.supportedValuesOf('timeZone')) {
    for (const t of [Date.UTC(2024, 0, 15, 12), Date.UTC(2024, 6, 15, 12)]) {
      const n = shortName(z, t);
      const off = new Intl.DateTimeFormat('en-US', { timeZoneName: 'longOffset', timeZone: z }).formatToParts(t)
        .find((p) => p.type === 'timeZoneName').value;
      const mm = /^GMT([+-])(\d\d):(\d\d)$/.exec(off);
      const o = mm ? (mm[1] === '-' ? -1 : 1) * (Number(mm[2]) * 60 + Number(mm[3])) : 0;
      if (ascii(n) !== gmt(o)) (names[z] = names[z] || {})[o] = n;
    }
  }
  return { gmt: [plus, minus], names };
}

// zoneLongData is a locale's other zone names, by zone and offset in minutes as zoneData's:
// `long` (Lord Howe Daylight Time), `lg` (longGeneric: Lord Howe Time) and `sg` (shortGeneric:
// Lord Howe Island Time), the names that are not the locale's GMT format (its longOffset for long
// and lg, its shortOffset for sg). ICU names a zone by its metazone from 1970 (sampled in January
// and July of 2026, then of earlier years for the offsets a zone no longer has: the names now
// win) and mostly by its location before (`old`: the same tables sampled in 1960, for English
// only). For a
// regional locale (base given: its language's tables, baseTag its language), only where it
// differs from its language's. English's fallback is intl.js's own (gmt unset), with the zones'
// location names (loc).
function zoneLongData(L, base, baseTag) {
  const fmts = new Map();
  const part = (z, t, style) => {
    let f = fmts.get(z + ' ' + style);
    if (!f) fmts.set(z + ' ' + style, f = new Intl.DateTimeFormat(L, { timeZoneName: style, timeZone: z }));
    return f.formatToParts(t).find((p) => p.type === 'timeZoneName').value;
  };
  const offsetOf = (z, t) => {
    const lo = new Intl.DateTimeFormat('en-US', { timeZoneName: 'longOffset', timeZone: z }).formatToParts(t)
      .find((p) => p.type === 'timeZoneName').value;
    const mm = /^GMT([+-])(\d\d):(\d\d)$/.exec(lo);
    return mm ? (mm[1] === '-' ? -1 : 1) * (Number(mm[2]) * 60 + Number(mm[3])) : 0;
  };
  const era = (years, b) => {
    const out = { long: {}, lg: {}, sg: {} }, seen = new Set();
    for (const z of Intl.supportedValuesOf('timeZone')) {
      for (const t of years.flatMap((y) => [Date.UTC(y, 0, 15, 12), Date.UTC(y, 6, 15, 12)])) {
        const o = offsetOf(z, t);
        if (seen.has(z + ' ' + o)) continue; // an earlier (later in time) sample's names win
        seen.add(z + ' ' + o);
        const lo = part(z, t, 'longOffset'), so = part(z, t, 'shortOffset');
        for (const [k, style, gmt] of [['long', 'long', lo], ['lg', 'longGeneric', lo], ['sg', 'shortGeneric', so]]) {
          const v = part(z, t, style);
          const was = b && b[k][z] && b[k][z][o] !== undefined ? b[k][z][o] : gmt;
          if (v !== was) (out[k][z] = out[k][z] || {})[o] = v;
        }
      }
    }
    return out;
  };
  const out = era([2026, 2015, 2005, 1995, 1985, 1975], base);
  // (other languages: before 1970 too, their GMT format; location names there would double the
  // tables for dates few format)
  out.old = L.startsWith('en') ? era([1960], base && base.old) : { long: {}, lg: {}, sg: {} };
  // loc: each zone's location name (India Time, Lord Howe Island Time), both generic styles' name
  // where ICU has no metazone name: before 1970 but at the offsets sampled above, and in a local
  // mean time (sampled in 1800, when every zone kept one)
  if (L.startsWith('en')) {
    out.loc = {};
    for (const z of Intl.supportedValuesOf('timeZone')) {
      const v = part(z, Date.UTC(1800, 0, 15, 12), 'longGeneric');
      if (!v.startsWith('GMT') && (!base || base.loc[z] !== v)) out.loc[z] = v;
    }
  }
  if (base) out.base = baseTag;
  if (!L.startsWith('en')) out.gmt = 1;
  return out;
}

// ---- relative times and lists -----------------------------------------------------------------

const RT_UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'];

function miscData(L) {
  const cats = samples(L);
  const rt = {};
  for (const style of ['long', 'short', 'narrow']) {
    for (const u of RT_UNITS) {
      const always = new Intl.RelativeTimeFormat(L, { style, numeric: 'always' });
      const auto = new Intl.RelativeTimeFormat(L, { style, numeric: 'auto' });
      const e = { past: {}, future: {}, auto: {} };
      for (const [cat, n] of Object.entries(cats)) {
        for (const [k, v] of [['past', -n], ['future', n]]) {
          const ps = always.formatToParts(v, u);
          e[k][cat] = template(ps.map((q) => ({ type: q.type, value: q.value })));
        }
      }
      for (const v of [-2, -1, 0, 1, 2]) {
        const ps = auto.formatToParts(v, u);
        if (ps.length === 1 && ps[0].type === 'literal') e.auto[v] = ps[0].value;
      }
      rt[style + ' ' + u] = e;
    }
  }
  const lists = {};
  for (const type of ['conjunction', 'disjunction', 'unit']) {
    for (const style of ['long', 'short', 'narrow']) {
      const f = new Intl.ListFormat(L, { type, style });
      const lits = (arr) => f.formatToParts(arr).filter((q) => q.type === 'literal').map((q) => q.value);
      const two = lits(['A', 'B']), three = lits(['A', 'B', 'C']), four = lits(['A', 'B', 'C', 'D']);
      lists[type + ' ' + style] = [two[0], three[0], four[1], three[1]].map((x) => x || ''); // two, start, middle, end (none: '')
    }
  }
  return { rt, lists };
}

const entries = {};
for (const [k, j] of Object.entries(out)) {
  // dates in the Gregorian calendar (and Thai's Buddhist one, the same but for the year)
  const cal = new Intl.DateTimeFormat(k).resolvedOptions().calendar;
  // ("-": another calendar, which intl.js does not have; the lookup stops there)
  if (!k.includes('-u-')) {
    const dg = JSON.parse(j[0] === '=' ? baseJSON[j.slice(1)] : j).dg;
    entries[k + '/dates'] = cal === 'gregory' || cal === 'buddhist' ? JSON.stringify(dateData(k, dg)) : '-';
    entries[k + '/zones'] = JSON.stringify(zoneData(k, (v) => (dg ? [...v].map((c) => { const i = dg.indexOf(c); return i >= 0 ? String(i) : c; }).join('') : v)));
  }
  if (j[0] === '=') { entries[k] = j; continue; }
  const d = JSON.parse(j);
  entries[k + '/units'] = JSON.stringify(d.units);
  entries[k + '/misc'] = JSON.stringify(miscData(k));
  delete d.units;
  entries[k] = JSON.stringify(d);
}
entries.regions = JSON.stringify(regions);
// The long zone names V8 ends Date.prototype.toString with, by the zone's daylight-saving flag
// alone (ICU's names for the zone's metazone now, whatever the date): "zone\tstandard\tdaylight"
// lines, read with the process's zone set to each in turn; the zones named in the GMT format are
// left out.
{
  const was = process.env.TZ;
  const lines = [];
  const nm = (d) => /\(([^)]*)\)$/.exec(d.toString())[1];
  for (const z of Intl.supportedValuesOf('timeZone')) {
    process.env.TZ = z;
    const a = new Date(2026, 0, 15, 12), b = new Date(2026, 6, 15, 12);
    const oa = -a.getTimezoneOffset(), ob = -b.getTimezoneOffset();
    const [std, dst] = oa === ob ? [nm(a)] : oa < ob ? [nm(a), nm(b)] : [nm(b), nm(a)];
    if (!std.startsWith('GMT') || (dst && !dst.startsWith('GMT'))) lines.push(z + '\t' + std + (dst ? '\t' + dst : ''));
  }
  if (was === undefined) delete process.env.TZ; else process.env.TZ = was;
  entries['en/datezones'] = lines.join('\n');
}
{
  const tables = {};
  const n = (e) => Object.keys(e.long).length + Object.keys(e.lg).length + Object.keys(e.sg).length;
  for (const k of Object.keys(out).sort((a, b) => a.split('-').length - b.split('-').length)) {
    if (k.includes('-u-')) continue;
    const lang = k.split('-')[0];
    const d = k === lang ? zoneLongData(k) : zoneLongData(k, tables[lang], lang);
    if (k === lang) tables[k] = d;
    if (k === lang || n(d) + n(d.old) + Object.keys(d.loc || {}).length) entries[k + '/zonenames'] = JSON.stringify(d);
  }
}

// ICU's time zone names: node's list (Intl.supportedValuesOf) and, for each other name in the
// system's zoneinfo (links and old names), the zone node resolves it to where that differs
// (Asia/Kolkata is Asia/Calcutta, Europe/Kyiv is Europe/Kiev, US/Pacific is America/Los_Angeles).
{
  const alias = {};
  const root = '/usr/share/zoneinfo';
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = dir ? dir + '/' + e.name : e.name;
      if (e.isDirectory()) { if (rel !== 'posix' && rel !== 'right') walk(rel); continue; }
      if (!/^[A-Z]/.test(e.name) || e.name.includes('.') || rel === 'Factory') continue;
      let r;
      try { r = new Intl.DateTimeFormat('en', { timeZone: rel }).resolvedOptions().timeZone; } catch { continue; }
      if (r !== rel) alias[rel] = r;
    }
  };
  walk('');
  // (plain lines, not JSON: the list, an empty line, then "alias zone" lines)
  entries.zones = Intl.supportedValuesOf('timeZone').join('\n') + '\n\n' +
    Object.entries(alias).map(([a, z]) => a + ' ' + z).join('\n');
}
// an entry of a locale's ("tag/dates"...) the same as another locale's is written "=thattag"
{
  const first = new Map();
  for (const k of Object.keys(entries)) {
    const slash = k.indexOf('/');
    if (slash < 0) continue;
    const id = k.slice(slash) + '\0' + entries[k];
    if (first.has(id)) entries[k] = '=' + first.get(id);
    else first.set(id, k.slice(0, slash));
  }
}
const chunks = [];
for (const k of Object.keys(entries).sort()) {
  const z = require('zlib').deflateRawSync(entries[k], { level: 9 });
  const head = Buffer.alloc(1 + k.length + 4);
  head[0] = k.length;
  head.write(k, 1, 'latin1');
  head.writeUInt32BE(z.length, 1 + k.length);
  chunks.push(head, z);
}
fs.writeFileSync(path.join(__dirname, 'locales.bin'), Buffer.concat(chunks));
