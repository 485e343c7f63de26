'use strict';
// Coverage summaries as node's test runner computes them: V8-shaped script coverage (from
// binding.coverage(), one list per runtime) is merged across files, its ranges are mapped onto
// lines (a range covering a whole line gives the line its count) and counted into the
// test:coverage summary.

const ignoreNext = /\/\* node:coverage ignore next (?<count>\d+ )?\*\//;
const statusComment = /\/\* node:coverage (?<status>enable|disable) \*\//;

function splitLines(source) {
  const out = [];
  let ignore = 0;
  let enabled = true;
  let offset = 0;
  const parts = source.split(/(?<=\r?\n)/u);
  for (let i = 0; i < parts.length; i++) {
    const text = parts[i];
    const nl = /\r?\n$/u.exec(text);
    const line = { line: i + 1, startOffset: offset, endOffset: offset + text.length - (nl ? nl[0].length : 0), ignore: false, count: 0 };
    line.count = line.startOffset === line.endOffset ? 1 : 0;
    offset += text.length;
    if (ignore > 0) { ignore--; line.ignore = true; } else if (!enabled) line.ignore = true;
    if (!line.ignore) {
      const m = ignoreNext.exec(text);
      if (m !== null) ignore = parseInt(m.groups.count ?? 1, 10);
    }
    const st = statusComment.exec(text);
    if (st) { ignore = 0; enabled = st.groups.status === 'enable'; }
    out.push(line);
  }
  return out;
}

function rangeLines(range, lines) {
  const { startOffset, endOffset, count } = range;
  const mapped = [];
  let ignored = 0;
  let lo = 0;
  let hi = lines.length;
  while (lo <= hi) {
    let mid = Math.floor((lo + hi) / 2);
    let line = lines[mid];
    if (startOffset >= line?.startOffset && startOffset <= line?.endOffset) {
      while (endOffset > line?.startOffset) {
        if (startOffset <= line.startOffset && endOffset >= line.endOffset) line.count = count;
        mapped.push(line);
        if (line.ignore) ignored++;
        line = lines[++mid];
      }
      break;
    } else if (startOffset >= line?.endOffset) lo = mid + 1;
    else hi = mid - 1;
  }
  return { lines: mapped, ignored };
}

function sameRange(a, b) { return a.startOffset === b.startOffset && a.endOffset === b.endOffset; }
function contains(a, b) { return a.startOffset <= b.startOffset && a.endOffset >= b.endOffset; }

function mergeRanges(oldFn, newFn) {
  const merged = new Set();
  for (const r of oldFn.ranges) if (r.count > 0) merged.add(r);
  for (const nr of newFn.ranges) {
    let exact = false;
    for (const or of oldFn.ranges) {
      if (sameRange(nr, or)) { or.count += nr.count; merged.add(or); exact = true; break; }
      if (or.count === 0 && nr.count === 0) {
        if (contains(or, nr)) merged.add(nr);
        else if (contains(nr, or)) merged.add(or);
      }
    }
    if (nr.count > 0 && !exact) merged.add(nr);
  }
  oldFn.ranges = Array.from(merged);
}

function mergeScript(oldS, newS) {
  for (const nf of newS.functions) {
    let found = false;
    for (const of of oldS.functions) {
      if (nf.functionName === of.functionName && nf.ranges?.[0].startOffset === of.ranges?.[0].startOffset &&
          nf.ranges?.[0].endOffset === of.ranges?.[0].endOffset) {
        found = true;
        if (nf.isBlockCoverage) {
          if (of.isBlockCoverage) mergeRanges(of, nf);
          else { of.isBlockCoverage = true; of.ranges = nf.ranges; }
        }
        break;
      }
    }
    if (!found) oldS.functions.push(nf);
  }
}

function pct(covered, total) { return total === 0 ? 100 : (covered / total) * 100; }

// summary merges the script lists (one per runtime, in order) into node's test:coverage summary.
function summary(lists, workingDirectory) {
  const scripts = new Map();
  for (const list of lists) {
    for (const s of list) {
      const old = scripts.get(s.url);
      if (old === undefined) scripts.set(s.url, s);
      else mergeScript(old, s);
    }
  }
  const totals = { totalLineCount: 0, totalBranchCount: 0, totalFunctionCount: 0, coveredLineCount: 0,
    coveredBranchCount: 0, coveredFunctionCount: 0, coveredLinePercent: 0, coveredBranchPercent: 0, coveredFunctionPercent: 0 };
  const files = [];
  for (const { url, source, functions } of scripts.values()) {
    const path = decodeURIComponent(url.replace(/^file:\/\//, ''));
    let src = source;
    try { src = require('fs').readFileSync(path, 'utf8'); } catch { if (src === undefined) continue; }
    const lines = splitLines(src);
    let branches = 0; let fns = 0; let branchesHit = 0; let fnsHit = 0;
    const functionReports = []; const branchReports = [];
    functions.forEach((fn, j) => {
      let max = 0;
      for (const r of fn.ranges) {
        max = Math.max(max, r.count);
        Object.assign(r, rangeLines(r, lines));
        if (fn.isBlockCoverage) {
          branchReports.push({ line: r.lines[0]?.line, count: r.count });
          if (r.count !== 0 || r.ignored === r.lines.length) branchesHit++;
          branches++;
        }
      }
      if (j > 0 && fn.ranges.length > 0) {
        const r = fn.ranges[0];
        functionReports.push({ name: fn.functionName, count: max, line: r.lines[0]?.line });
        if (r.count !== 0 || r.ignored === r.lines.length) fnsHit++;
        fns++;
      }
    });
    let covered = 0;
    const lineReports = [];
    for (const l of lines) {
      if (!l.ignore) lineReports.push({ line: l.line, count: l.count });
      if (l.count > 0 || l.ignore) covered++;
    }
    files.push({ path, totalLineCount: lines.length, totalBranchCount: branches, totalFunctionCount: fns,
      coveredLineCount: covered, coveredBranchCount: branchesHit, coveredFunctionCount: fnsHit,
      coveredLinePercent: pct(covered, lines.length), coveredBranchPercent: pct(branchesHit, branches),
      coveredFunctionPercent: pct(fnsHit, fns), functions: functionReports, branches: branchReports, lines: lineReports });
    totals.totalLineCount += lines.length;
    totals.totalBranchCount += branches;
    totals.totalFunctionCount += fns;
    totals.coveredLineCount += covered;
    totals.coveredBranchCount += branchesHit;
    totals.coveredFunctionCount += fnsHit;
  }
  totals.coveredLinePercent = pct(totals.coveredLineCount, totals.totalLineCount);
  totals.coveredBranchPercent = pct(totals.coveredBranchCount, totals.totalBranchCount);
  totals.coveredFunctionPercent = pct(totals.coveredFunctionCount, totals.totalFunctionCount);
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { workingDirectory, files, totals };
}

module.exports = { summary };
