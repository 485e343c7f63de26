package zlib

import (
	"context"
	"io"
)

// Decoding kinds for NewDecodeReader, as node's zlib classes name them.
const (
	Gunzip     = modeGunzip
	Inflate    = modeInflate
	InflateRaw = modeInflateRaw
	Brotli     = modeBrotliDec
)

// NewDecodeReader returns a reader of what src decodes to as node's zlib stream of the given
// kind (Gunzip, Inflate, InflateRaw, Brotli) with default options decodes it when src's reads
// are written to it with Z_SYNC_FLUSH, and its end is a flush with Z_FINISH (finish) or with
// Z_SYNC_FLUSH: undici's fetch decodes gzip and deflate the second way, so input cut short is
// no error there, and brotli the first. A failure is node's (Error reports zlib's message, and
// ErrorCode its errno and code); the output of the write that failed is not returned, as node's
// stream is destroyed before it pushes it. Close ends the decoder (not src). The reader is for one
// goroutine at a time; ctx ends a decoding goroutine left waiting.
func NewDecodeReader(ctx context.Context, kind int, src io.Reader, finish bool) io.ReadCloser {
	return &decodeReader{eng: newInflater(ctx, options{mode: kind}), src: src, finish: finish}
}

// ErrorCode gives a decoding error's errno and code (node's error.errno and error.code), ok
// false for an error that is not zlib's (the source's own).
func ErrorCode(err error) (errno int, code string, ok bool) {
	if ze, is := err.(*zError); is {
		return ze.errno, ze.code, true
	}
	return 0, "", false
}

type decodeReader struct {
	eng    *inflater
	src    io.Reader
	finish bool
	out    []byte
	err    error // io.EOF or the failure, once the input is over
}

func (d *decodeReader) Read(p []byte) (int, error) {
	for len(d.out) == 0 {
		if d.err != nil {
			return 0, d.err
		}
		// (a new buffer per read: the decoder may keep the chunk it was given until its next)
		buf := make([]byte, 16<<10)
		n, rerr := d.src.Read(buf)
		if n > 0 {
			out, err := d.eng.write(buf[:n:n], zSyncFlush)
			if err != nil {
				d.err = err
				continue
			}
			d.out = out
		}
		if rerr == io.EOF {
			d.err = io.EOF
			if d.finish {
				out, err := d.eng.write(nil, zFinish)
				if err != nil {
					d.err = err
					continue
				}
				d.out = append(d.out, out...)
			}
		} else if rerr != nil {
			d.err = rerr
		}
	}
	n := copy(p, d.out)
	d.out = d.out[n:]
	return n, nil
}

func (d *decodeReader) Close() error {
	d.eng.close()
	return nil
}
