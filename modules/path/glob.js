(function () {
'use strict';
// path.matchesGlob: minimatch semantics as Node 20 configures them (backslashes are separators,
// never escapes; no negation or comments; case-sensitive; '.' segments dropped from patterns).
let warned = false;

// expandBraces expands {a,b} alternatives and {1..3}/{a..c} ranges; "{a}" stays literal.
function expandBraces(p) {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const body = p.slice(open + 1, i);
        const pre = p.slice(0, open);
        const post = p.slice(i + 1);
        const parts = splitTop(body);
        let alts = null;
        if (parts.length > 1) {
          alts = parts;
        } else {
          const m = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body) || /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
          if (m) alts = range(m);
        }
        if (alts === null) {
          // not an expansion: keep "{...}" literal and carry on after it
          return expandBraces(post).map((rest) => pre + '{' + body + '}' + rest).flatMap((s) => s === p ? [s] : [s]);
        }
        const out = [];
        for (const a of alts) for (const e of expandBraces(pre + a + post)) out.push(e);
        return out;
      }
    }
  }
  return [p];
}

function splitTop(body) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

function range(m) {
  const numeric = /\d/.test(m[1]);
  const step = Math.abs(parseInt(m[3] || '1', 10)) || 1;
  const a = numeric ? parseInt(m[1], 10) : m[1].charCodeAt(0);
  const b = numeric ? parseInt(m[2], 10) : m[2].charCodeAt(0);
  const width = numeric && (/^-?0\d/.test(m[1]) || /^-?0\d/.test(m[2])) ? Math.max(m[1].length, m[2].length) : 0;
  const out = [];
  const dir = a <= b ? 1 : -1;
  for (let x = a; dir > 0 ? x <= b : x >= b; x += dir * step) {
    let s = numeric ? String(Math.abs(x)) : String.fromCharCode(x);
    if (numeric) {
      while (s.length < width - (x < 0 ? 1 : 0)) s = '0' + s;
      if (x < 0) s = '-' + s;
    }
    out.push(s);
  }
  return out;
}

const posixClasses = {
  alnum: 'A-Za-z0-9', alpha: 'A-Za-z', ascii: '\\x00-\\x7f', blank: ' \\t', cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9', graph: '\\x21-\\x7e', lower: 'a-z', print: '\\x20-\\x7e', punct: '!-\\/:-@\\[-`{-~',
  space: ' \\t\\r\\n\\v\\f', upper: 'A-Z', word: 'A-Za-z0-9_', xdigit: 'A-Fa-f0-9',
};

function escapeRe(c) { return /[\\^$.*+?()[\]{}|\/-]/.test(c) ? '\\' + c : c; }

// classAt parses a bracket expression at p[i] ('['); it returns [source, end] or null.
function classAt(p, i) {
  let j = i + 1;
  let neg = false;
  if (p[j] === '!' || p[j] === '^') { neg = true; j++; }
  let src = '';
  let first = true;
  for (; j < p.length; j++) {
    const c = p[j];
    if (c === ']' && !first) {
      if (src === '') return null;
      return [(neg ? '[^' : '[') + src + ']', j + 1];
    }
    first = false;
    if (c === '[' && p[j + 1] === ':') {
      const k = p.indexOf(':]', j + 2);
      if (k !== -1 && posixClasses[p.slice(j + 2, k)] !== undefined) {
        src += posixClasses[p.slice(j + 2, k)];
        j = k + 1;
        continue;
      }
    }
    if (c === '-' && src !== '' && p[j + 1] !== ']' && j + 1 < p.length) { src += '-'; continue; }
    src += escapeRe(c);
  }
  return null;
}

// findClose returns the index of the ')' closing an extglob group opened at p[i] ('('), or -1.
function findClose(p, i) {
  let depth = 0;
  for (let j = i; j < p.length; j++) {
    if (p[j] === '(') depth++;
    else if (p[j] === ')') {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

// toSource converts a segment pattern to regexp source; magic reports whether it had any.
function toSource(p, state) {
  let src = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if ('+*?@!'.includes(c) && p[i + 1] === '(') {
      const close = findClose(p, i + 1);
      if (close !== -1) {
        state.magic = true;
        const alts = splitAlts(p.slice(i + 2, close)).map((a) => toSource(a, state));
        const group = '(?:' + alts.join('|') + ')';
        if (c === '!') {
          const rest = toSource(p.slice(close + 1), state);
          src += '(?:(?!' + group + rest + '$)[^/]*?)' + rest;
          return src;
        }
        src += group + (c === '@' ? '' : c);
        i = close;
        continue;
      }
    }
    if (c === '*') {
      state.magic = true;
      src += '[^/]*?';
    } else if (c === '?') {
      state.magic = true;
      src += '[^/]';
    } else if (c === '[') {
      const cls = classAt(p, i);
      if (cls) {
        state.magic = true;
        src += cls[0];
        i = cls[1] - 1;
      } else {
        src += '\\[';
      }
    } else {
      src += escapeRe(c);
    }
  }
  return src;
}

function splitAlts(s) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    else if (s[i] === '|' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

const GLOBSTAR = {};

function compileSegment(seg) {
  if (seg === '**') return GLOBSTAR;
  const state = { magic: false };
  const src = toSource(seg, state);
  if (!state.magic) return seg;
  const dot = seg[0] === '.' ? '' : '(?!\\.)';
  return new RegExp('^' + dot + '(?=.)' + src + '$');
}

// dropDots removes "." segments other than the first and the last.
function dropDots(segs) {
  return segs.filter((s, i) => s !== '.' || i === 0 || i === segs.length - 1);
}

const magicRe = /[*?[]|[+@!]\(/;

// optimize folds "x/.." pairs of a pattern where x is a plain name, as minimatch's level 2.
function optimize(segs) {
  const out = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    const prev = out[out.length - 1];
    if (s === '..' && out.length > 0 && prev !== '..' && prev !== '.' && prev !== '' && !magicRe.test(prev)) {
      out.pop();
      continue;
    }
    out.push(s);
  }
  return out;
}

function segMatches(f, p) {
  return typeof p === 'string' ? f === p : p.test(f);
}

function matchFrom(file, fi, pat, pi) {
  for (; pi < pat.length; pi++, fi++) {
    const p = pat[pi];
    if (p === GLOBSTAR) {
      if (pi === pat.length - 1) {
        if (fi >= file.length) return false;
        for (let k = fi; k < file.length; k++) {
          const f = file[k];
          if (f === '.' || f === '..' || (f[0] === '.' && f !== '')) return false;
        }
        return true;
      }
      for (let k = fi; k <= file.length; k++) {
        if (matchFrom(file, k, pat, pi + 1)) return true;
        if (k < file.length) {
          const f = file[k];
          if (f === '.' || f === '..' || f[0] === '.') return false;
        }
      }
      return false;
    }
    if (fi >= file.length) return false;
    if (!segMatches(file[fi], p)) return false;
  }
  return fi === file.length || (fi === file.length - 1 && file[fi] === '');
}

return function matchesGlob(path, pattern, win) {
  if (!warned) {
    warned = true;
    if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') {
      process.emitWarning('glob is an experimental feature and might change at any time', 'ExperimentalWarning');
    }
  }
  pattern = pattern.replace(/\\/g, '/');
  if (win) path = path.replace(/\\/g, '/');
  // The path is split on runs of slashes and loses its '.' segments, as minimatch's level-2
  // optimization does.
  const file = dropDots(path.split(/\/+/));
  for (const p of expandBraces(pattern)) {
    const pat = optimize(dropDots(p.split(/\/+/))).map(compileSegment);
    if (matchFrom(file, 0, pat, 0)) return true;
  }
  return false;
};
})
