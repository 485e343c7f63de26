package buffer_test

import (
	"testing"

	"github.com/gojs-dev/gojs/modules/buffer/buffertest"
)

// TestConcat checks Buffer.concat's Go paths (gathered in scratch space, or sized first once the
// bytes outgrow it; with a length cutting or zero-padding the output; a sparse array) against
// the same bytes put together in JS, and that only Uint8Arrays are read in place.
func TestConcat(t *testing.T) {
	vm, _ := buffertest.NewVM(t)
	_, err := vm.RunString(`
	function want(list, length) {
		let total = 0;
		for (const b of list) total += b.length;
		if (length === undefined) length = total;
		// copied with Uint8Array.prototype.set, not Buffer code (and not byte by byte in the
		// interpreter, which under -race took minutes)
		const out = new Uint8Array(length);
		let n = 0;
		for (const b of list) {
			if (n >= length) break;
			const take = Math.min(b.length, length - n);
			out.set(new Uint8Array(b.buffer, b.byteOffset, take), n);
			n += take;
		}
		return out;
	}
	function check(name, list) {
		let total = 0;
		for (const b of list) total += b.length;
		for (const length of [undefined, 0, 1, total >> 1, total, total + 1, total + 4099]) {
			const got = Buffer.concat(list, length), w = want(list, length);
			if (!(got instanceof Buffer) || got.length !== w.length || !got.equals(w))
				throw new Error(name + ' length ' + length + ': got ' + got.length + ' bytes, want ' + w.length);
		}
	}
	function pieces(n, size) {
		const list = [];
		for (let i = 0; i < n; i++) {
			const b = Buffer.allocUnsafe(typeof size === 'function' ? size(i) : size);
			b.fill((i * 31) & 255); // each piece its own bytes, with its first and last marked
			if (b.length > 0) b[0] = i & 255;
			if (b.length > 1) b[b.length - 1] = (i * 7 + 1) & 255;
			list.push(b);
		}
		return list;
	}
	check('one empty', [Buffer.alloc(0)]);
	check('small', pieces(1000, (i) => i % 20));
	check('sizes 0..16', pieces(17, (i) => i));
	check('views', [Buffer.from('hello world').subarray(3, 9), new Uint8Array(new ArrayBuffer(40), 5, 20), Buffer.from('x')]);
	check('past scratch', pieces(40, 20000));
	check('past scratch, one large', [Buffer.alloc(10, 1), Buffer.alloc(600 << 10, 2), Buffer.alloc(3, 3)]);
	class Sub extends Buffer {}
	check('subclass', [Buffer.from('ab'), Object.setPrototypeOf(Buffer.from('cd'), Sub.prototype)]);
	const sparse = [];
	sparse[5] = Buffer.from('e');
	for (let i = 0; i < 5; i++) sparse[i] = Buffer.from('abcd'.repeat(i));
	check('sparse array', sparse);
	for (const x of [new Int8Array(2), new Uint8ClampedArray(2)]) {
		Object.setPrototypeOf(x, Buffer.prototype);
		let code;
		try { Buffer.concat([Buffer.from('a'), x]); } catch (e) { code = e.code; }
		if (code !== 'ERR_INVALID_ARG_TYPE') throw new Error(Object.prototype.toString.call(x) + ' accepted');
	}
	`)
	if err != nil {
		t.Fatal(err)
	}
}
