(function (T) {
'use strict';
// The timers module's (timers.js) legacy list API bodies: enroll, active, _unrefActive and
// unenroll, compiled once per process under the module's file name on the first call of one.
// Each function keeps the name it had in timers.js, so that its frames read as before.
const { binding, require, setTimeout, Timeout, kAsyncId, kTriggerId, kRefed } = T;
const TIMEOUT_MAX = 2 ** 31 - 1;
// an item's pending Timeout (the item shows node's own fields only)
const legacyTimers = new WeakMap();

function isTimeout(item) {
  return item !== null && typeof item === 'object' && Object.prototype.isPrototypeOf.call(Timeout.prototype, item);
}

function listRemove(item) {
  if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
  if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
  item._idleNext = null;
  item._idlePrev = null;
}

function legacyUnenroll(item) {
  if (isTimeout(item)) {
    binding.clearTimeout(item);
    return;
  }
  if (item._destroyed) return;
  item._destroyed = true;
  const t = legacyTimers.get(item);
  if (t !== undefined) {
    binding.clearTimeout(t);
    legacyTimers.delete(item);
  }
  listRemove(item);
  item._idleTimeout = -1;
}

function legacyEnroll(item, msecs) {
  const { validateNumber } = require('internal/validators');
  validateNumber(msecs, 'msecs');
  if (msecs < 0 || !Number.isFinite(msecs)) {
    const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
    throw new ERR_OUT_OF_RANGE('msecs', 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
      `\nTimer duration was truncated to ${TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
    msecs = TIMEOUT_MAX;
  }
  if (item._idleNext) legacyUnenroll(item);
  item._idleNext = item;
  item._idlePrev = item;
  item._idleTimeout = msecs;
}

function legacyInsert(item, refed) {
  if (isTimeout(item)) {
    if (!(item._idleTimeout >= 0)) return; // cleared
    item.refresh();
    if (refed) item.ref(); else item.unref();
    return;
  }
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  const old = legacyTimers.get(item);
  if (old !== undefined) binding.clearTimeout(old);
  item._idleStart = Math.floor(process.uptime() * 1000);
  const isDestroyed = item._destroyed;
  if (isDestroyed !== false) item._destroyed = false;
  // node links the item into its timer list: both list fields are set while it is pending
  if (!item._idleNext) item._idleNext = item;
  if (!item._idlePrev) item._idlePrev = item;
  const t = setTimeout(() => {
    legacyTimers.delete(item);
    listRemove(item);
    // node's timer list skips an item with no _onTimeout, marking it destroyed
    if (!item._onTimeout) {
      item._destroyed = true;
      return;
    }
    try {
      const args = item._timerArgs;
      if (args === undefined) item._onTimeout();
      else Reflect.apply(item._onTimeout, item, args);
    } finally {
      if (!item._idleNext && !item._idlePrev && !item._destroyed) item._destroyed = true;
    }
  }, msecs === 0 ? 1 : msecs);
  if (!refed) t.unref();
  legacyTimers.set(item, t);
  // node's fields of an item it made an async resource (once, or again after it was destroyed)
  if (isDestroyed || !item[kAsyncId]) {
    const st = binding.inspectState(t);
    item[kAsyncId] = st[2];
    item[kTriggerId] = st[3];
  }
  item[kRefed] = refed;
}

return { legacyEnroll, legacyInsert, legacyUnenroll };
})
