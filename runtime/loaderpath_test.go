package runtime

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// normalizeJS is the loader's normalizeParts as the glue writes it, the reference for its Go form.
func normalizeJS(p string) string {
	var out []string
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "", ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, seg)
		}
	}
	return "/" + strings.Join(out, "/")
}

func TestNormalizeSlashPath(t *testing.T) {
	for _, p := range []string{"", "/", "//", ".", "..", "/..", "/../..", "a", "a/b", "/a/b/", "/a//b/./c/..",
		"a/../../b", "/a/b/../../..", "/x/.../y", "/é/ü/../ß", "/a/.b/..c/", "///a///"} {
		if got, want := normalizeSlashPath(p), normalizeJS(p); got != want {
			t.Errorf("normalizeSlashPath(%q) = %q, want %q", p, got, want)
		}
	}
}

// A path with a lone surrogate does not go through Go (it would come back as U+FFFD).
func TestLoaderPathsLoneSurrogate(t *testing.T) {
	var out bytes.Buffer
	rt, err := New(Options{Stdout: &out, Stderr: &out, Permissions: AllowAll})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	_, err = rt.RunScript(context.Background(), "main.js", `
		const p = require('module')._nodeModulePaths('/a/\ud800x/./b/..');
		console.log(p.length, p[0] === '/a/\ud800x/node_modules', p[1]);`)
	if err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "3 true /a/node_modules\n" {
		t.Fatalf("got %q", got)
	}
}

// The package scope of a relative file name ends at '.': the TypeScript extension given one
// (as a program may call Module.prototype.load itself) looped for ever.
func TestPackageScopeRelativePath(t *testing.T) {
	var out bytes.Buffer
	rt, err := New(Options{Stdout: &out, Stderr: &out, Permissions: AllowAll})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err = rt.RunScript(ctx, "main.js", `
		for (const f of ['hex', 'a/b.ts', '.']) {
			try { new (require('module'))('x').load(f); } catch (e) { console.log(e.code); }
		}`)
	if err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "ENOENT\nENOENT\nEISDIR\n" {
		t.Fatalf("got %q", got)
	}
}
