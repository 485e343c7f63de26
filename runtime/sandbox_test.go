package runtime_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gojs-dev/gojs/runtime"
)

// TestSandboxEscapes tries to get out of the allowed roots every way we know; every attempt must
// be denied, while the allowed file stays readable.
func TestSandboxEscapes(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	if err := os.WriteFile(secret, []byte("TOP SECRET"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "ok.txt"), []byte("fine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "mod.js"), []byte("module.exports = 'LOADED OUTSIDE'"), 0o600); err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(root, secret)
	attempts := map[string]string{
		"absolute":          `fs.readFileSync(SECRET, 'utf8')`,
		"dotdot":            `fs.readFileSync(ROOT + '/' + REL, 'utf8')`,
		"relative dotdot":   `fs.readFileSync(REL, 'utf8')`,
		"symlink in root":   `fs.readFileSync(ROOT + '/link/secret.txt', 'utf8')`,
		"proc self root":    `fs.readFileSync('/proc/self/root' + SECRET, 'utf8')`,
		"buffer path":       `fs.readFileSync(Buffer.from(SECRET), 'utf8')`,
		"file url":          `fs.readFileSync(new URL('file://' + SECRET), 'utf8')`,
		"file url string":   `fs.readFileSync(require('url').pathToFileURL(SECRET), 'utf8')`,
		"readdir":           `fs.readdirSync(OUTSIDE).join()`,
		"stat":              `String(fs.statSync(SECRET).size)`,
		"write in root":     `fs.writeFileSync(ROOT + '/new.txt', 'x'), 'wrote'`,
		"write outside":     `fs.writeFileSync(OUTSIDE + '/new.txt', 'x'), 'wrote'`,
		"chdir then read":   `process.chdir(OUTSIDE), fs.readFileSync('secret.txt', 'utf8')`,
		"require outside":   `require(OUTSIDE + '/mod.js')`,
		"require via link":  `require(ROOT + '/link/mod.js')`,
		"env":               `(process.env.HOME === undefined && !('HOME' in process.env) && !Object.keys(process.env).includes('HOME')) ? (() => { const e = new Error('hidden'); e.code = 'ERR_ACCESS_DENIED'; throw e; })() : process.env.HOME`,
		"open":              `String(fs.openSync(SECRET, 'r'))`,
		"copy out":          `fs.copyFileSync(SECRET, ROOT + '/copy.txt'), fs.readFileSync(ROOT + '/copy.txt', 'utf8')`,
		"rename in":         `fs.renameSync(SECRET, ROOT + '/moved.txt'), 'moved'`,
		"symlink create":    `fs.symlinkSync(SECRET, ROOT + '/l2'), fs.readFileSync(ROOT + '/l2', 'utf8')`,
		"promises readFile": `await fs.promises.readFile(SECRET, 'utf8')`,
		"callback readFile": `await new Promise((res, rej) => fs.readFile(SECRET, 'utf8', (e, d) => e ? rej(e) : res(d)))`,
		"read stream":       `await new Promise((res, rej) => fs.createReadStream(SECRET, 'utf8').on('data', res).on('error', rej))`,
	}
	for name, expr := range attempts {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			rt, err := runtime.New(runtime.Options{
				Stdout: &out, Stderr: &out, Cwd: root,
				Env:         map[string]string{"HOME": "/root"},
				Permissions: &runtime.Permissions{FSRead: []string{root}},
			})
			if err != nil {
				t.Fatal(err)
			}
			defer rt.Close()
			src := `const fs = require('fs');
const ROOT = ` + jsString(root) + `, OUTSIDE = ` + jsString(outside) + `, SECRET = ` + jsString(secret) + `, REL = ` + jsString(rel) + `;
(async () => {
  if (fs.readFileSync(ROOT + '/ok.txt', 'utf8') !== 'fine') throw new Error('allowed read failed');
  try {
    const got = (` + expr + `);
    process.stdout.write('ESCAPED: ' + got);
  } catch (e) {
    process.stdout.write('denied ' + e.code);
  }
})();`
			if _, err := rt.RunScript(context.Background(), filepath.Join(root, "main.js"), src); err != nil {
				t.Fatalf("run: %v\n%s", err, out.String())
			}
			got := out.String()
			if want := "denied ERR_ACCESS_DENIED"; got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(outside, "new.txt")); err == nil {
		t.Error("a write outside the sandbox happened")
	}
	if _, err := os.Stat(secret); err != nil {
		t.Error("the secret was moved")
	}
}

func jsString(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `'`, `\'`) + "'"
}
