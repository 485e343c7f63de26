'use strict';
// fs throughput, identical under gojs and node. Run in an empty directory; prints one line per
// phase: "<phase> <ops> <wall ms> <cpu ms>" (CPU: user+system of the whole process, every
// thread, from process.cpuUsage). The 256 MiB file is written before its phase, untimed.
const fs = require('fs');
const fsp = require('fs/promises');

const N_FILES = 2000;
const N_STATS = 10000;
const STREAM_MB = Number(process.env.FS_BENCH_STREAM_MB || 256);

const now = () => Number(process.hrtime.bigint()) / 1e6;
let cpu0 = process.cpuUsage();
const report = (phase, ops, ms) => {
  const c = process.cpuUsage(cpu0);
  console.log(`${phase} ${ops} ${ms.toFixed(3)} ${((c.user + c.system) / 1000).toFixed(3)}`);
};
const start = () => { cpu0 = process.cpuUsage(); return now(); };

async function main() {
  fs.mkdirSync('files', { recursive: true });
  const payload = 'x'.repeat(1024);
  let t = start();
  for (let i = 0; i < N_FILES; i++) fs.writeFileSync(`files/f${i}.txt`, payload);
  report('write_2000_files_sync', N_FILES, now() - t);

  t = start();
  await new Promise((resolve, reject) => {
    let left = N_FILES;
    for (let i = 0; i < N_FILES; i++) {
      fs.readFile(`files/f${i}.txt`, (err, data) => {
        if (err) return reject(err);
        if (data.length !== 1024) return reject(new Error('short read'));
        if (--left === 0) resolve();
      });
    }
  });
  report('read_2000_files_callbacks', N_FILES, now() - t);

  t = start();
  const all = [];
  for (let i = 0; i < N_FILES; i++) all.push(fsp.readFile(`files/f${i}.txt`));
  await Promise.all(all);
  report('read_2000_files_promises', N_FILES, now() - t);

  t = start();
  await new Promise((resolve, reject) => {
    let left = N_STATS;
    for (let i = 0; i < N_STATS; i++) {
      fs.stat(`files/f${i % N_FILES}.txt`, (err, st) => {
        if (err) return reject(err);
        if (--left === 0) resolve();
      });
    }
  });
  report('stat_10000_callbacks', N_STATS, now() - t);

  t = start();
  let size = 0;
  for (let i = 0; i < N_STATS; i++) size += fs.statSync(`files/f${i % N_FILES}.txt`).size;
  report('statSync_10000', N_STATS, now() - t);

  const chunk = Buffer.alloc(1 << 20, 97);
  const fd = fs.openSync('big.bin', 'w');
  for (let i = 0; i < STREAM_MB; i++) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  t = start();
  const bytes = await new Promise((resolve, reject) => {
    let n = 0;
    fs.createReadStream('big.bin')
      .on('data', (c) => { n += c.length; })
      .on('error', reject)
      .on('close', () => resolve(n));
  });
  if (bytes !== STREAM_MB << 20) throw new Error(`stream read ${bytes} bytes`);
  report(`stream_${STREAM_MB}MiB`, STREAM_MB, now() - t);
  fs.rmSync('big.bin');
  fs.rmSync('files', { recursive: true });
}

main().catch((err) => { console.error(err); process.exitCode = 1; });
