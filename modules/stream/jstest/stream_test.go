// Package jstest holds stream's tests that run scripts in a whole runtime (runtimetest). They live
// apart from package stream's own tests: a test binary that has stream's internal tests recompiles every
// package importing stream, the runtime among them (2 MB of Go, twice more per CI run: vet and -race).
package jstest

import (
	"testing"

	"github.com/gojs-dev/gojs/runtime/runtimetest"
)

// prelude gives the scripts a log function that needs nothing but process.stdout.
const prelude = "const log = (...a) => process.stdout.write(a.join(' ') + '\\n');\n"

func expect(t *testing.T, src, want string) {
	t.Helper()
	runtimetest.Expect(t, prelude+src, want)
}

func TestReadableFlowingOrder(t *testing.T) {
	expect(t, `
const { Readable } = require('stream');
const r = new Readable({ read() {} });
r.on('data', (c) => log('data', c.toString()));
r.on('end', () => log('end'));
r.on('close', () => log('close'));
r.push('a'); r.push('b');
log('sync');
process.nextTick(() => { r.push('c'); r.push(null); });
`, "sync\ndata a\ndata b\ndata c\nend\nclose\n")
}

func TestWritableBackpressure(t *testing.T) {
	expect(t, `
const { Writable } = require('stream');
const w = new Writable({ highWaterMark: 3, write(c, e, cb) { log('_write', c.toString()); setTimeout(cb, 1); } });
w.on('drain', () => log('drain'));
w.on('finish', () => log('finish'));
log(w.write('ab'), w.write('cd'), w.writableLength, w.writableNeedDrain);
w.end('e', () => log('end cb'));
`, "_write ab\ntrue false 4 true\n_write cd\n_write e\nend cb\nfinish\n")
}

func TestTransformPipeline(t *testing.T) {
	expect(t, `
const { pipeline, Readable, Transform, Writable } = require('stream');
const out = [];
pipeline(
  Readable.from(['a', 'b', 'c']),
  new Transform({ objectMode: true, transform(c, e, cb) { cb(null, c.toUpperCase()); } }),
  new Writable({ objectMode: true, write(c, e, cb) { out.push(c); cb(); } }),
  (err) => log('done', err === undefined, out.join('')));
`, "done true ABC\n")
}

func TestErrorsHaveNodeCodes(t *testing.T) {
	expect(t, `
const { Writable, Readable } = require('stream');
const w = new Writable({ write(c, e, cb) { cb(); } });
try { w.write(null); } catch (e) { log(e.name, e.code, e.message); }
try { w.write(1); } catch (e) { log(e.code, e.message); }
w.end();
w.on('error', (e) => log('error', e.code, e.message));
w.write('x');
const r = new Readable({ read() {} });
r.on('error', (e) => log('error', e.code, e.message));
r.push(null); r.push('late');
`, `TypeError ERR_STREAM_NULL_VALUES May not write null values to stream
ERR_INVALID_ARG_TYPE The "chunk" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received type number (1)
error ERR_STREAM_WRITE_AFTER_END write after end
error ERR_STREAM_PUSH_AFTER_EOF stream.push() after EOF
`)
}

func TestAsyncIterator(t *testing.T) {
	expect(t, `
const { Readable } = require('stream');
const it = Readable.from([1, 2])[Symbol.asyncIterator]();
it.next().then((a) => it.next().then((b) => it.next().then((c) => log(a.value, b.value, c.done))));
`, "1 2 true\n")
}

func TestWebStreams(t *testing.T) {
	expect(t, `
const { ReadableStream, TransformStream, WritableStream } = require('stream/web');
const got = [];
new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } })
  .pipeThrough(new TransformStream({ transform(ch, c) { c.enqueue(ch + ch); } }))
  .pipeTo(new WritableStream({ write(ch) { got.push(ch); } }))
  .then(() => log(got.join(',')));
`, "aa,bb\n")
}

func TestConsumers(t *testing.T) {
	expect(t, `
const { text, json } = require('stream/consumers');
const { Readable } = require('stream');
text(Readable.from(['x', 'y'])).then((s) => log(s));
json(Readable.from(['{"k":', '1}'])).then((o) => log(o.k));
`, "xy\n1\n")
}
