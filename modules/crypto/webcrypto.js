'use strict';
module.exports = { init() {} };
