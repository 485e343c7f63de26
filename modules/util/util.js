'use strict';
var insp = require('internal/util/inspect');
exports.inspect = insp.inspect;
exports.format = insp.format;
exports.formatWithOptions = insp.formatWithOptions;
