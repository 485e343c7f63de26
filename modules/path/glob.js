(function () {
'use strict';
// path.matchesGlob: minimatch semantics as Node 20 configures them (backslashes are separators,
// never escapes; no negation or comments; case-sensitive; '.' segments dropped from patterns).
// Made (once per runtime) by the first matchesGlob call, before its arguments are checked: node
// warns as it loads its glob module, so a call with bad arguments warns too.
if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') {
  process.emitWarning('glob is an experimental feature and might change at any time', 'ExperimentalWarning');
}

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
  if (depth > 0) {
    // an unclosed '{' is literal; braces after it still expand
    const pre = p.slice(0, open + 1);
    return expandBraces(p.slice(open + 1)).map((rest) => pre + rest);
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

// Unicode classes are approximated by ASCII plus the Latin-1 and Latin Extended letters (goja's
// \p{} is unreliable).
const latinLetters = '\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f';
const posixClasses = {
  alnum: 'A-Za-z0-9' + latinLetters, alpha: 'A-Za-z' + latinLetters, ascii: '\\x00-\\x7f', blank: ' \\t', cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9', graph: '\\x21-\\x7e', lower: 'a-z', print: '\\x20-\\x7e', punct: '!-\\/:-@\\[-`{-~',
  space: ' \\t\\r\\n\\v\\f', upper: 'A-Z', word: 'A-Za-z0-9_' + latinLetters, xdigit: 'A-Fa-f0-9',
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

// Node's minimatch writes a bracket expression with a Unicode POSIX class as \p{...} and then
// compiles the whole segment with the u flag, where its escapes of '-', ',', '#' and white space
// outside a class are invalid: new RegExp throws "Invalid escape". mmSource rebuilds the source
// minimatch gives such a segment, to throw the same SyntaxError.
const unicodeClasses = {
  alnum: '\\p{L}\\p{Nl}\\p{Nd}', alpha: '\\p{L}\\p{Nl}', blank: '\\p{Zs}\\t', cntrl: '\\p{Cc}', digit: '\\p{Nd}',
  graph: '^\\p{Z}\\p{C}', lower: '\\p{Ll}', print: '\\p{C}', punct: '\\p{P}', space: '\\p{Z}\\t\\r\\n\\v\\f',
  upper: '\\p{Lu}', word: '\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}',
};
const unicodeClassRe = /\[:(alnum|alpha|blank|cntrl|digit|graph|lower|print|punct|space|upper|word):\]/;

// mmClassAt is classAt as minimatch writes the class: [source, end, unicode] or null. With
// approx, Unicode classes get classAt's ASCII stand-ins (goja's \p{} is unreliable).
function mmClassAt(p, i, approx) {
  let j = i + 1;
  let neg = false;
  if (p[j] === '!' || p[j] === '^') { neg = true; j++; }
  let src = '';
  let uni = false;
  let first = true;
  for (; j < p.length; j++) {
    const c = p[j];
    if (c === ']' && !first) {
      if (src === '') return null;
      return [(neg ? '[^' : '[') + src + ']', j + 1, uni];
    }
    first = false;
    if (c === '[' && p[j + 1] === ':') {
      const k = p.indexOf(':]', j + 2);
      const name = k === -1 ? '' : p.slice(j + 2, k);
      if (unicodeClasses[name] !== undefined && !approx) {
        src += unicodeClasses[name];
        uni = true;
        j = k + 1;
        continue;
      }
      if (posixClasses[name] !== undefined) {
        src += posixClasses[name];
        j = k + 1;
        continue;
      }
    }
    if (c === '-' && src !== '' && p[j + 1] !== ']' && j + 1 < p.length) { src += '-'; continue; }
    src += /[[\]\\-]/.test(c) ? '\\' + c : c;
  }
  return null;
}

// mmSource returns minimatch's source for segment p: { src, bad } where bad means it holds an
// escape the u flag rejects; null for a shape this does not model. start is whether p begins
// its segment or extglob alternative; tail is the source of what follows p inside a negation.
function mmSource(p, start, approx) {
  let src = '';
  let bad = false;
  let lead = start; // still at the start: only guarded negations so far
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if ('+*?@!'.includes(c) && p[i + 1] === '(') {
      const close = findClose(p, i + 1);
      if (close !== -1) {
        const alts = splitAlts(p.slice(i + 2, close));
        if (c === '!') {
          const rest = mmSource(p.slice(close + 1), false, approx);
          if (rest === null) return null;
          const inner = [];
          for (const a of alts) {
            const x = mmSource(a + p.slice(close + 1), false, approx);
            if (x === null) return null;
            inner.push(x.src + '(?:$|\\/)');
            bad = bad || x.bad;
          }
          const after = mmSource(p.slice(close + 1), lead, approx);
          if (after === null) return null;
          src += '(?:(?!(?:' + inner.join('|') + '))' + (lead ? '(?!\\.)' : '') + '[^/]*?)' + after.src;
          return { src, bad: bad || after.bad || rest.bad };
        }
        const parts = [];
        for (const a of alts) {
          const x = mmSource(a, true, approx);
          if (x === null) return null;
          parts.push(x.src);
          bad = bad || x.bad;
        }
        src += '(?:' + parts.join('|') + ')' + (c === '@' ? '' : c);
        i = close;
        lead = false;
        continue;
      }
    }
    lead = false;
    if (c === '*') {
      while (p[i + 1] === '*' && !isExtglobAt(p, i + 1)) i++;
      src += '[^/]*?';
    } else if (c === '?') {
      src += '[^/]';
    } else if (c === '[') {
      const cls = mmClassAt(p, i, approx);
      if (cls) {
        src += cls[0];
        i = cls[1] - 1;
      } else {
        src += '\\[';
      }
    } else if (/[-[\]{}()*+?.,\\^$|#\s]/.test(c)) {
      src += '\\' + c;
      if (/[-,#\s]/.test(c)) bad = true;
    } else {
      src += c;
    }
  }
  return { src, bad };
}

// isExtglobAt reports whether p[i] opens an extglob group.
function isExtglobAt(p, i) {
  return '+*?@!'.includes(p[i]) && p[i + 1] === '(' && findClose(p, i + 1) !== -1;
}

// segGuard is what minimatch puts before a segment's source: a segment starting with '.' and
// then something magic may not be '.' or '..'; one starting with *, ? or a class may not match
// a dotfile; one starting with an extglob or a literal gets nothing.
function segGuard(seg) {
  if (seg[0] === '.') {
    const c1 = seg[1];
    if (c1 === '.' || ((c1 === '?' || c1 === '*') && !isExtglobAt(seg, 1)) || (c1 === '[' && mmClassAt(seg, 1, true))) {
      return '(?!(?:^|/)\\.\\.?(?:$|/))';
    }
    return '';
  }
  if ((seg[0] === '*' || seg[0] === '?') && !isExtglobAt(seg, 0)) return '(?!\\.)';
  if (seg[0] === '[' && mmClassAt(seg, 0, true)) return '(?!\\.)';
  return '';
}

// checkUnicodeSegment throws minimatch's SyntaxError for seg, if it has one.
function checkUnicodeSegment(seg) {
  const x = mmSource(seg, true, false);
  if (x === null || !x.bad) return;
  throw new SyntaxError('Invalid regular expression: /^' + segGuard(seg) + x.src + '$/u: Invalid escape');
}

function compileSegment(seg) {
  if (seg === '**') return GLOBSTAR;
  if (unicodeClassRe.test(seg)) checkUnicodeSegment(seg);
  const state = { magic: false };
  const src = toSource(seg, state);
  if (!state.magic) return seg;
  if (/^\*+$/.test(seg)) return /^(?!\.)[^/]+?$/;
  const x = mmSource(seg, true, true);
  if (x !== null) return new RegExp('^' + segGuard(seg) + x.src + '$');
  const dot = seg[0] === '.' ? '' : '(?!\\.)';
  return new RegExp('^' + dot + '(?=.)' + src + '$');
}

// dropDots removes "." segments other than the first and the last.
function dropDots(segs) {
  return segs.filter((s, i) => s !== '.' || i === 0 || i === segs.length - 1);
}

const magicRe = /[*?[]|[+@!]\(/;

// optimize folds "x/.." pairs of a pattern where x is a name or a magic segment (not "**"), as
// minimatch's level 2.
function optimize(segs) {
  const out = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    const prev = out[out.length - 1];
    if (s === '..' && out.length > 0 && prev !== '..' && prev !== '.' && prev !== '' && prev !== '**') {
      out.pop();
      continue;
    }
    out.push(s);
  }
  return out.length === 0 ? [''] : out;
}

// foldFile drops "x/.." pairs of the path where x is a name, as minimatch's level-2 file
// optimization does; a path that folds away entirely is one empty segment.
function foldFile(segs) {
  const out = [];
  for (const s of segs) {
    const prev = out[out.length - 1];
    if (s === '..' && out.length > 0 && prev !== '..' && prev !== '.' && prev !== '') {
      out.pop();
      continue;
    }
    out.push(s);
  }
  return out.length === 0 ? [''] : out;
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
  pattern = pattern.replace(/\\/g, '/');
  if (win) path = path.replace(/\\/g, '/');
  // The path is split on runs of slashes and loses its '.' segments, as minimatch's level-2
  // optimization does.
  const file = foldFile(dropDots(path.split(/\/+/)));
  // every alternative is compiled before any is matched, as minimatch does (so a segment it
  // cannot compile throws whatever matched first)
  const pats = expandBraces(pattern).map((p) => optimize(dropDots(p.split(/\/+/))).map(compileSegment));
  for (const pat of pats) {
    if (matchFrom(file, 0, pat, 0)) return true;
  }
  return false;
};
})
