'use strict';
// module.SourceMap: a source map v3 payload and lookups in it (findEntry with 0-based
// positions, findOrigin with 1-based ones), as node's.

const { validateObject } = require('internal/validators');

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map(Array.from(B64, (c, i) => [c, i]));

// decodeMappings turns the mappings string into entries sorted by generated position:
// [generatedLine, generatedColumn, sourceIndex, originalLine, originalColumn, nameIndex], the
// last four undefined when the segment has no source. As node's decoder, a segment that ends the
// string reads its missing fields as zero deltas (so it keeps the previous source and name).
function decodeMappings(mappings) {
  const entries = [];
  let line = 0;
  let source = 0;
  let origLine = 0;
  let origCol = 0;
  let name = 0;
  let i = 0;
  const n = mappings.length;
  while (i < n) {
    let col = 0;
    while (i < n && mappings[i] !== ';') {
      const fields = [];
      while (i < n && mappings[i] !== ',' && mappings[i] !== ';') {
        let value = 0;
        let shift = 0;
        let digit;
        do {
          digit = B64_VALUE.get(mappings[i++]);
          if (digit === undefined) return entries;
          value += (digit & 31) * 2 ** shift;
          shift += 5;
        } while (digit & 32 && i < n);
        fields.push(value & 1 ? -(value - 1) / 2 : value / 2);
      }
      if (fields.length > 0) {
        if (i >= n) while (fields.length < 5) fields.push(0);
        col += fields[0];
        if (fields.length >= 4) {
          source += fields[1];
          origLine += fields[2];
          origCol += fields[3];
          let nameIndex;
          if (fields.length >= 5) {
            name += fields[4];
            nameIndex = name;
          }
          entries.push([line, col, source, origLine, origCol, nameIndex]);
        } else {
          entries.push([line, col, undefined, undefined, undefined, undefined]);
        }
      }
      if (mappings[i] === ',') i++;
    }
    if (mappings[i] === ';') {
      i++;
      line++;
    }
  }
  entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return entries;
}

function clone(payload) {
  const out = {};
  for (const k of Object.keys(payload)) {
    const v = payload[k];
    out[k] = Array.isArray(v) ? v.slice() : v;
  }
  return out;
}

class SourceMap {
  #payload;
  #lineLengths;
  #entries;
  #sources;
  #names;

  constructor(payload, { lineLengths } = {}) {
    validateObject(payload, 'payload');
    this.#payload = clone(payload);
    this.#lineLengths = lineLengths;
    this.#sources = Array.isArray(payload.sources) ? payload.sources.slice() : [];
    this.#names = Array.isArray(payload.names) ? payload.names.slice() : [];
    this.#entries = decodeMappings(typeof payload.mappings === 'string' ? payload.mappings : '');
  }

  get payload() {
    return clone(this.#payload);
  }

  get lineLengths() {
    return this.#lineLengths;
  }

  findEntry(lineOffset, columnOffset) {
    const entries = this.#entries;
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) { // the first entry past the position
      const mid = (lo + hi) >>> 1;
      const e = entries[mid];
      if (e[0] < lineOffset || (e[0] === lineOffset && e[1] <= columnOffset)) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return {};
    const e = entries[lo - 1];
    return {
      generatedLine: e[0],
      generatedColumn: e[1],
      originalSource: e[2] === undefined ? undefined : this.#sources[e[2]],
      originalLine: e[3],
      originalColumn: e[4],
      name: e[5] === undefined ? undefined : this.#names[e[5]],
    };
  }

  findOrigin(lineNumber, columnNumber) {
    const range = this.findEntry(lineNumber - 1, columnNumber - 1);
    if (range.originalSource === undefined || range.originalLine === undefined ||
        range.originalColumn === undefined || range.generatedLine === undefined ||
        range.generatedColumn === undefined) {
      return {};
    }
    return {
      name: range.name,
      fileName: range.originalSource,
      lineNumber: range.originalLine + (lineNumber - range.generatedLine),
      columnNumber: range.originalColumn + (columnNumber - range.generatedColumn),
    };
  }
}

module.exports = { SourceMap };
