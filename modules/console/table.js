'use strict';
// console.table (https://nodejs.org/api/console.html#consoletabletabulardata-properties),
// compiled on its first use: console.log is all most programs need, and this is a quarter of the
// console glue's compile.

var inspModule;
function insp() { return inspModule || (inspModule = require('internal/util/inspect')); }
function inspect(v, o) { return insp().inspect(v, o); }
function getStringWidth(s, r) { return insp().getStringWidth(s, r); }
function validatorsMod() { return require('internal/validators'); }
var typesModule;
function types() { return typesModule || (typesModule = require('util/types')); }

var tableChars = {
  middleMiddle: '─',
  rowMiddle: '┼',
  topRight: '┐',
  topLeft: '┌',
  leftMiddle: '├',
  topMiddle: '┬',
  bottomRight: '┘',
  bottomLeft: '└',
  bottomMiddle: '┴',
  rightMiddle: '┤',
  left: '│ ',
  right: ' │',
  middle: ' │ ',
};

function renderRow(row, columnWidths) {
  var out = tableChars.left;
  for (var i = 0; i < row.length; i++) {
    var cell = row[i];
    var len = getStringWidth(cell);
    var needed = columnWidths[i] - len;
    out += cell + ' '.repeat(Math.max(0, needed));
    if (i !== row.length - 1) out += tableChars.middle;
  }
  out += tableChars.right;
  return out;
}

function renderTable(head, columns) {
  var rows = [];
  var columnWidths = head.map(function (h) { return getStringWidth(h); });
  var longestColumn = 0;
  for (var c = 0; c < columns.length; c++) {
    if (columns[c].length > longestColumn) longestColumn = columns[c].length;
  }
  for (var i = 0; i < head.length; i++) {
    var column = columns[i];
    for (var j = 0; j < longestColumn; j++) {
      if (rows[j] === undefined) rows[j] = [];
      var value = rows[j][i] = Object.prototype.hasOwnProperty.call(column, j) ? column[j] : '';
      var width = columnWidths[i] || 0;
      var counted = getStringWidth(value);
      columnWidths[i] = Math.max(width, counted);
    }
  }
  var divider = columnWidths.map(function (w) { return tableChars.middleMiddle.repeat(w + 2); });
  var result = [
    tableChars.topLeft + divider.join(tableChars.topMiddle) + tableChars.topRight,
    renderRow(head, columnWidths),
    tableChars.leftMiddle + divider.join(tableChars.rowMiddle) + tableChars.rightMiddle,
  ];
  for (var r = 0; r < rows.length; r++) result.push(renderRow(rows[r], columnWidths));
  result.push(tableChars.bottomLeft + divider.join(tableChars.bottomMiddle) + tableChars.bottomRight);
  return result.join('\n');
}

var iterKey = '(iteration index)';
var keyKey = 'Key';
var valuesKey = 'Values';
var indexKey = '(index)';

// table(self, tabularData, properties, getInspectOptions) is console.table with self as this.
module.exports = function table(self, tabularData, properties, getInspectOptions) {
  if (properties !== undefined) {
    validatorsMod().validateArray(properties, 'properties');
  }
  if (tabularData === null || typeof tabularData !== 'object') {
    return self.log(tabularData);
  }
  var final = function (k, v) { return self.log(renderTable(k, v)); };
  var _inspect = function (v) {
    var depth = v !== null && typeof v === 'object' && !Array.isArray(v) &&
      Object.keys(v).length > 2 ? -1 : 0;
    var opt = Object.assign({
      depth: depth,
      maxArrayLength: 3,
      breakLength: Infinity,
    }, (getInspectOptions(self, true) || insp().kNoOptions));
    return inspect(v, opt);
  };
  var getIndexArray = function (length) {
    var out = [];
    for (var n = 0; n < length; n++) out.push(_inspect(n));
    return out;
  };
  var i = 0;
  var length = 0;
  var values;
  if (types().isMap(tabularData)) {
    var keys = [];
    values = [];
    tabularData.forEach(function (v, k) {
      keys.push(_inspect(k));
      values.push(_inspect(v));
      length++;
    });
    return final([iterKey, keyKey, valuesKey], [getIndexArray(length), keys, values]);
  }
  var mapIter = types().isMapIterator(tabularData);
  var setIter = types().isSetIterator(tabularData);
  var preview = (mapIter || setIter) ? insp().previewEntries(tabularData) : undefined;
  if (preview !== undefined && mapIter && preview[1]) {
    // An entries() iterator: a key/value table, as for a Map.
    var pkeys = [];
    values = [];
    for (var e = 0; e < preview[0].length; e += 2) {
      pkeys.push(_inspect(preview[0][e]));
      values.push(_inspect(preview[0][e + 1]));
    }
    return final([iterKey, keyKey, valuesKey], [getIndexArray(pkeys.length), pkeys, values]);
  }
  if (preview !== undefined) {
    return final([iterKey, valuesKey], [getIndexArray(preview[0].length), preview[0].map(_inspect)]);
  }
  if (types().isSet(tabularData) || types().isSetIterator(tabularData)) {
    values = [];
    var it = types().isSet(tabularData) ? tabularData.values() : tabularData;
    for (var r = it.next(); !r.done; r = it.next()) {
      values.push(_inspect(r.value));
      length++;
    }
    return final([iterKey, valuesKey], [getIndexArray(length), values]);
  }
  var map = Object.create(null);
  var hasPrimitives = false;
  var valuesKeyArray = [];
  var indexKeyArray = Object.keys(tabularData);
  for (; i < indexKeyArray.length; i++) {
    var item = tabularData[indexKeyArray[i]];
    var primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      valuesKeyArray[i] = _inspect(item);
    } else {
      var itemKeys = properties || Object.keys(item);
      for (var k = 0; k < itemKeys.length; k++) {
        var key = itemKeys[k];
        if (map[key] === undefined) map[key] = [];
        if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) {
          map[key][i] = '';
        } else {
          map[key][i] = _inspect(item[key]);
        }
      }
    }
  }
  var headKeys = Object.keys(map);
  var columns = headKeys.map(function (hk) { return map[hk]; });
  if (hasPrimitives) {
    headKeys.push(valuesKey);
    columns.push(valuesKeyArray);
  }
  headKeys.unshift(indexKey);
  columns.unshift(indexKeyArray);
  return final(headKeys, columns);
};

// renderTable(head, columns) is node's internal/cli_table: the box its console.table draws
module.exports.renderTable = renderTable;
