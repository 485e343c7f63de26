// Engine baseline for the stream benchmark: plain JS with the same shape of per-chunk work as a
// stream (small objects, method calls, property reads, a callback per item), no streams at all.
// Its node/gojs ratio is the engine's; compare it with stream_pipeline.js's ratio.
'use strict';
const N = Number(process.argv[2] || 2000000);
class Stage {
  constructor(next) { this.state = { length: 0, queue: [], flowing: true }; this.next = next; this.count = 0; }
  write(chunk, cb) {
    const s = this.state;
    s.length += chunk.len;
    s.queue.push({ chunk, cb });
    this.flush();
    return s.length < 16384;
  }
  flush() {
    const s = this.state;
    while (s.queue.length > 0) {
      const e = s.queue.pop();
      s.length -= e.chunk.len;
      this.count++;
      if (this.next) this.next.write(e.chunk, e.cb);
      else e.cb();
    }
  }
}
const sink = new Stage(null);
const mid = new Stage(sink);
const src = new Stage(mid);
let done = 0;
const cb = () => { done++; };
const chunk = { len: 65536 };
const start = Date.now();
for (let i = 0; i < N; i++) src.write(chunk, cb);
const secs = (Date.now() - start) / 1000;
process.stdout.write(`engine calls: ${N} items in ${secs.toFixed(3)}s = ${(N / secs / 1e6).toFixed(2)} M items/s (${done})\n`);
