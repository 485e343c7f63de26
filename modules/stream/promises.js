'use strict';
// stream/promises: pipeline and finished returning promises (the same object as
// require('stream').promises).
module.exports = require('internal/streams').promises;
