'use strict';
// trace_events: tracing objects and their categories. gojs has no trace-event writer, so an
// enabled tracing records its categories (getEnabledCategories reports them) but writes no file.
const { codes } = require('internal/errors');
const { validateObject, validateArray, validateString } = require('internal/validators');

const enabledTracings = new Set();
const kCategories = Symbol('categories');
const kEnabled = Symbol('enabled');

class Tracing {
  constructor(categories) {
    this[kCategories] = categories;
    this[kEnabled] = false;
  }
  enable() {
    if (!this[kEnabled]) {
      this[kEnabled] = true;
      enabledTracings.add(this);
    }
  }
  disable() {
    if (this[kEnabled]) {
      this[kEnabled] = false;
      enabledTracings.delete(this);
    }
  }
  get enabled() { return this[kEnabled]; }
  get categories() { return this[kCategories].join(','); }
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = { enabled: this.enabled, categories: this.categories };
    return `Tracing ${inspect(obj, Object.assign({}, options, { depth: options.depth == null ? null : options.depth - 1 }))}`;
  }
}

function createTracing(options) {
  validateObject(options, 'options');
  validateArray(options.categories, 'options.categories');
  for (let i = 0; i < options.categories.length; i++) validateString(options.categories[i], `options.categories[${i}]`);
  if (options.categories.length <= 0) throw new codes.ERR_TRACE_EVENTS_CATEGORY_REQUIRED();
  return new Tracing(options.categories);
}

function getEnabledCategories() {
  const cats = new Set();
  for (const t of enabledTracings) for (const c of t[kCategories]) cats.add(c);
  return cats.size ? Array.from(cats).sort().join(',') : undefined;
}

module.exports = { createTracing, getEnabledCategories };
