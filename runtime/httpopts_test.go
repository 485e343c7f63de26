package runtime_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

// Options.MaxHTTPHeaderSize and InsecureHTTPParser are http's defaults; the Node options in
// ExecArgv win over them.
func TestHTTPParserOptions(t *testing.T) {
	for _, c := range []struct {
		opts runtime.Options
		want string
	}{
		{runtime.Options{}, "16384 false\n"},
		{runtime.Options{MaxHTTPHeaderSize: 1000, InsecureHTTPParser: true}, "1000 true\n"},
		{runtime.Options{MaxHTTPHeaderSize: 1000, ExecArgv: []string{"--max-http-header-size", "77"}}, "77 false\n"},
		{runtime.Options{NodeOptions: []string{"--max_http_header_size=500", "--insecure-http-parser"}}, "500 true\n"},
	} {
		var out, errOut bytes.Buffer
		o := c.opts
		o.Stdout, o.Stderr, o.Cwd, o.Permissions = &out, &errOut, t.TempDir(), runtime.AllowAll
		rt, err := runtime.New(o)
		if err != nil {
			t.Fatal(err)
		}
		// (a lenient parser takes a head whose lines end in a bare LF)
		_, err = rt.RunScript(context.Background(), "main.js", `
			const http = require('http'), net = require('net');
			const server = http.createServer((req, res) => res.end());
			server.on('clientError', (e, s) => s.destroy());
			server.listen(0, '127.0.0.1', () => {
				const c = net.connect(server.address().port, '127.0.0.1', () => c.end('GET / HTTP/1.1\nHost: a\n\n'));
				let got = '';
				c.on('data', (d) => { got += d; });
				c.on('close', () => {
					process.stdout.write(http.maxHeaderSize + ' ' + got.startsWith('HTTP/1.1 200') + '\n');
					server.close();
				});
			});`)
		rt.Close()
		if err != nil || out.String() != c.want {
			t.Errorf("%+v: got %q (err %v), want %q", c.opts, out.String(), err, c.want)
		}
		if warned := bytes.Contains(errOut.Bytes(), []byte("Warning: Using insecure HTTP parsing")); warned != (c.want[len(c.want)-5:] == "true\n") {
			t.Errorf("%+v: stderr %q", c.opts, errOut.String())
		}
	}
}
