'use strict';
// stream/promises: pipeline and finished returning promises.
const { promises } = require('internal/streams');
module.exports = { finished: promises.finished, pipeline: promises.pipeline };
