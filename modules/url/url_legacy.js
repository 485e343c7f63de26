'use strict';
// Legacy url API (url.parse, url.format on objects, url.resolve).

function notYet() { throw new Error('legacy url.parse/format/resolve are not implemented in gojs yet'); }
function Url() {}
module.exports = { Url, parse: notYet, resolve: notYet, resolveObject: notYet, format: notYet };
