package early

import (
	"go/build"
	"os"
	"slices"
	"strings"
	"testing"
)

// The package imports nothing but runtime and unsafe, so that Go initialises it before every
// package that is not the runtime's (see sys_linux_amd64.go).
func TestImportsOnlyRuntime(t *testing.T) {
	p, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range p.Imports {
		if imp != "runtime" && imp != "unsafe" {
			t.Errorf("package early imports %q: its initialisation would wait for that package's", imp)
		}
	}
}

func TestSystemCalls(t *testing.T) {
	t.Setenv("GOJS_EARLY_TEST", "x=y") // too late for the runtime's copy of the environment
	for _, key := range []string{"HOME", "PATH", "GOJS_EARLY_NOT_SET", "GOJS_EARLY_TEST"} {
		v, ok := getenv(key)
		want, wantOK := os.LookupEnv(key)
		if key == "GOJS_EARLY_TEST" {
			want, wantOK = "", false
		}
		if v != want || ok != wantOK {
			t.Errorf("getenv(%q) = %q, %v; want %q, %v", key, v, ok, want, wantOK)
		}
	}

	dir := t.TempDir()
	path := dir + "/a"
	fd := openFile(path, oWronly|oCreat|oTrunc|oCloexec, 0o600)
	if fd < 0 {
		t.Fatal("openFile failed")
	}
	if n := writeFd(fd, []byte("hello")); n != 5 {
		t.Fatalf("writeFd = %d", n)
	}
	var st statT
	if !fstat(fd, &st) || st.Size != 5 {
		t.Fatalf("fstat: size %d", st.Size)
	}
	closeFd(fd)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !stat(path, &st) || st.Size != 5 || st.Mtim.Sec*1e9+st.Mtim.Nsec != fi.ModTime().UnixNano() {
		t.Fatalf("stat: size %d, mtime %v; want 5, %v", st.Size, st.Mtim, fi.ModTime().UnixNano())
	}
	fd = openFile(path, oRdonly|oCloexec, 0)
	b := make([]byte, 8)
	if n := preadFd(fd, b, 1); n != 4 || string(b[:n]) != "ello" {
		t.Fatalf("preadFd = %d %q", n, b[:max(n, 0)])
	}
	if n := readFd(fd, b); n != 5 || string(b[:n]) != "hello" {
		t.Fatalf("readFd = %d %q", n, b[:max(n, 0)])
	}
	closeFd(fd)
	if openFile(dir+"/missing", oRdonly|oCloexec, 0) >= 0 || stat(dir+"/missing", &st) {
		t.Fatal("a missing file opened or stat'ed")
	}

	mkdir(dir+"/d", 0o755)
	if !rename(path, dir+"/d/b") {
		t.Fatal("rename failed")
	}
	var want []string
	long := strings.Repeat("0123456789abcdef", 7)
	for i := range 80 { // more than one getdents64 buffer (8 KiB) of names
		name := "file-" + hex(uint64(i)) + "-" + long
		if err := os.WriteFile(dir+"/d/"+name, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		want = append(want, name)
	}
	want = append(want, "b")
	fd = openFile(dir+"/d", oRdonly|oDirectory|oCloexec, 0)
	got := readDirNames(fd)
	closeFd(fd)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("readDirNames = %q; want %q", got, want)
	}
	unlink(dir + "/d/b")
	if _, err := os.Stat(dir + "/d/b"); !os.IsNotExist(err) {
		t.Fatalf("unlink: %v", err)
	}
	if getpid() != os.Getpid() {
		t.Fatal("getpid differs")
	}
}
