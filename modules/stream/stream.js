'use strict';
// stream: require('stream') is the legacy Stream constructor with the classes on it.
module.exports = require('internal/streams').Stream;
