'use strict';

// Fifo is a queue whose shift is O(1) (as node's internal FixedQueue): an array read from a
// moving head, compacted once the head has passed half of it. events.on buffers every event
// nobody awaits yet (a readline over a file emits thousands of lines per chunk), and the web
// streams queue every chunk; an array's shift moves all the others each time.
class Fifo {
  constructor() {
    this.items = [];
    this.head = 0;
  }
  get length() { return this.items.length - this.head; }
  push(v) { this.items.push(v); }
  peek() { return this.items[this.head]; }
  shift() {
    const items = this.items;
    const v = items[this.head];
    items[this.head++] = undefined;
    if (this.head === items.length) {
      items.length = 0;
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= items.length) {
      this.items = items.slice(this.head);
      this.head = 0;
    }
    return v;
  }
  clear() {
    this.items = [];
    this.head = 0;
  }
}

module.exports = { Fifo };
