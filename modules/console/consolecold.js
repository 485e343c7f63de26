(function (C) {
'use strict';
// console's (console.js) helpers that only console.time*, assert, countReset and a bad Console
// stream need, compiled once per process under console's file name the first time one is
// (console.js's cold()). Each keeps its name, so that its frames read as before.
var require = C.require;
var process = require('process');
function errorsMod() { return require('internal/errors'); }

function consoleStreamError(name) {
  return errorsMod().makeNodeError(TypeError, 'ERR_CONSOLE_WRITABLE_STREAM',
    'Console expects a writable stream instance for ' + name);
}

function argsOf(a, from) {
  var out = new Array(Math.max(0, a.length - from));
  for (var i = from; i < a.length; i++) out[i - from] = a[i];
  return out;
}

function emitWarning(msg) {
  process.emitWarning(msg);
}

var kSecond = 1000;
var kMinute = 60 * kSecond;
var kHour = 60 * kMinute;

function pad(value) {
  return String(value).padStart(2, '0');
}

function formatTime(ms) {
  var hours = 0;
  var minutes = 0;
  var seconds = 0;
  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = Math.floor(ms / kHour);
        ms = ms % kHour;
      }
      minutes = Math.floor(ms / kMinute);
      ms = ms % kMinute;
    }
    seconds = ms / kSecond;
  }
  if (hours !== 0 || minutes !== 0) {
    var parts = seconds.toFixed(3).split('.');
    seconds = parts[0];
    ms = parts[1];
    var res = hours !== 0 ? hours + ':' + pad(minutes) : minutes;
    return res + ':' + pad(seconds) + '.' + ms + ' (' + (hours !== 0 ? 'h:m' : '') + 'm:ss.mmm)';
  }
  if (seconds !== 0) {
    return seconds.toFixed(3) + 's';
  }
  return Number(ms.toFixed(3)) + 'ms';
}

function now() {
  return process.hrtime();
}

function elapsedMs(start) {
  var t = now();
  var s = t[0] - start[0];
  var ns = t[1] - start[1];
  return s * 1000 + ns / 1e6;
}

function timeLogImpl(self, name, label, data) {
  var time = self._times.get(label);
  if (time === undefined) {
    emitWarning("No such label '" + label + "' for console." + name + '()');
    return false;
  }
  var formatted = formatTime(elapsedMs(time));
  var args = ['%s: %s', label, formatted];
  if (data !== undefined) {
    for (var i = 0; i < data.length; i++) args.push(data[i]);
  }
  self.log.apply(self, args);
  return true;
}

return { consoleStreamError: consoleStreamError, argsOf: argsOf, emitWarning: emitWarning, now: now, timeLogImpl: timeLogImpl };
})
