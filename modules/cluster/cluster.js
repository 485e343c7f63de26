'use strict';
module.exports = { isWorker: false, isPrimary: true, isMaster: true };
