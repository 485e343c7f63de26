package runtime

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
)

// Common first uses must not compile glue they do not need (each was found loading one): the
// built-ins with glue a fresh runtime loads for each snippet must not include those listed.
func TestFirstUseLoadsLittle(t *testing.T) {
	for _, c := range []struct {
		src     string
		without []string
	}{
		// fs's file streams took deprecate from util (which loads inspect and more)
		{`require('fs').createReadStream('/dev/null').on('data', () => {});`, []string{"util", "internal/util/inspect"}},
		{`require('fs').createWriteStream('/dev/null').end();`, []string{"util", "internal/util/inspect"}},
		// a hash's fields were assigned through the Transform stand-in, which loads stream
		{`require('crypto').createHash('sha256').update('x').digest('hex');`, []string{"stream", "internal/streams"}},
		{`require('crypto').createHmac('sha256', 'k').update('x').digest();`, []string{"stream", "internal/streams"}},
		{`const c = require('crypto'); const d = c.createDecipheriv('aes-128-cbc', Buffer.alloc(16), Buffer.alloc(16)); d.setAutoPadding(false);`, []string{"stream", "internal/streams"}},
		// zlib's streams and convenience functions are a part made when first read, its classes
		// (on stream's Transform) when first needed, its errors when there is one to throw
		{`require('zlib'); require('zlib').constants.Z_FINISH; require('zlib').crc32('x');`, []string{"buffer", "stream", "internal/errors"}},
		{`const z = require('zlib'); z.gunzipSync(z.gzipSync('x')); z.inflateRawSync(z.deflateRawSync(Buffer.from('y')));`, []string{"stream", "internal/streams", "internal/errors"}},
		{`require('zlib').gzip('x', () => {});`, []string{"stream", "internal/streams", "internal/errors"}},
		// fs.promises' FileHandle extends EventEmitter once the first FileHandle is made
		{`const p = require('fs').promises; p.stat('/'); p.readdir('/'); p.writeFile('/dev/null', 'x');`, []string{"events"}},
		// fetch's body handling and fetch itself are parts: Headers and a bodiless Request load
		// neither buffer nor web streams
		{`typeof Headers; new Headers({ a: '1' }).get('a'); new Request('http://x/', { headers: [['b', '2']] }).headers.get('b');`, []string{"buffer", "stream/web", "internal/webstreams"}},
		// https loads tls (and net, events) when a server or connection is made, and makes its
		// globalAgent on first read
		{`require('https'); require('https').Agent;`, []string{"tls", "net", "events"}},
		// tls loads net (and events) when a socket or server is made; its socket code, secure
		// contexts, checkServerIdentity and createSecurePair are parts
		{`require('tls'); require('tls').connect; require('tls').TLSSocket;`, []string{"net", "events", "internal/util/deprecate"}},
		// url's legacy API is loaded when used
		{`new URL('http://a/b').searchParams.get('x'); require('url').fileURLToPath('file:///x');`, []string{"internal/url_legacy"}},
	} {
		rt, err := New(Options{Stdout: io.Discard, Stderr: io.Discard, Permissions: AllowAll})
		if err != nil {
			t.Fatal(err)
		}
		var log []string
		rt.loadLog = &log
		if _, err := rt.RunScript(context.Background(), "/first.js", c.src); err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		rt.Close()
		for _, w := range c.without {
			if slices.Contains(log, w) {
				t.Errorf("%s\n\tloaded %s (all: %v)", c.src, w, log)
			}
		}
	}
}

// A fetch whose body is read with text() loads neither web streams (the body's stream is made
// only when asked for), perf_hooks (its resource timing waits for perf_hooks to load) nor event
// targets (a request with no signal to follow makes its own when first read).
func TestFirstFetchLoadsLittle(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hello") }))
	defer srv.Close()
	rt, err := New(Options{Stdout: io.Discard, Stderr: io.Discard, Permissions: AllowAll})
	if err != nil {
		t.Fatal(err)
	}
	var log []string
	rt.loadLog = &log
	src := `fetch('` + srv.URL + `/').then((r) => r.text()).then((t) => { if (t !== 'hello') throw new Error(t); });`
	if _, err := rt.RunScript(context.Background(), "/first.js", src); err != nil {
		t.Fatal(err)
	}
	rt.Close()
	for _, w := range []string{"stream/web", "internal/webstreams", "perf_hooks", "internal/event_target"} {
		if slices.Contains(log, w) {
			t.Errorf("loaded %s (all: %v)", w, log)
		}
	}
}
