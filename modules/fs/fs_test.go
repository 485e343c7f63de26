package fs

import (
	"testing"
)

func TestSmoke(t *testing.T) {
	dir := t.TempDir()
	out := runJS(t, dir, `
const fs = require('fs');
fs.writeFileSync('a.txt', 'hello');
print(fs.readFileSync('a.txt', 'utf8'));
print(fs.existsSync('a.txt'), fs.existsSync('b.txt'));
try { fs.readFileSync('missing.txt') } catch (e) { print(e.message, e.code, e.errno, e.syscall, e.path) }
const st = fs.statSync('a.txt');
print(st.size, st.isFile(), st.isDirectory(), typeof st.mtimeMs, st.mtime instanceof Date);
fs.mkdirSync('d/e/f', {recursive: true});
print(fs.readdirSync('.').join(','));
fs.readFile('a.txt', 'utf8', (err, data) => print('cb', err, data));
fs.promises.readFile('a.txt', 'utf8').then(d => print('p', d));
fs.stat('nope', (err) => print(err.message));
const fd = fs.openSync('a.txt', 'r');
const b = new Uint8Array(3);
print(fs.readSync(fd, b, 0, 3, 1), b.join(','));
fs.closeSync(fd);
try { fs.closeSync(fd) } catch (e) { print(e.message) }
try { fs.openSync(5) } catch (e) { print(e.message) }
`)
	t.Log(out)
}
