// sha256 of 1 GiB in 64 KiB updates; opsPerSec is MB/s.
const crypto = require('crypto');
const chunk = Buffer.alloc(64 * 1024, 0x61);
const total = 1 << 30;
const start = process.hrtime.bigint();
const h = crypto.createHash('sha256');
for (let n = 0; n < total; n += chunk.length) h.update(chunk);
const digest = h.digest('hex');
const s = Number(process.hrtime.bigint() - start) / 1e9;
if (digest.length !== 64) throw new Error('bad digest');
console.log(JSON.stringify({ name: 'sha256 1GiB/64KiB', opsPerSec: Math.round(total / 1e6 / s) }));
