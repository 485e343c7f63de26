package modules

import (
	"reflect"
	"strings"
	"testing"
)

// A prepared rewrite is used, with its names, only for the source it was made from.
func TestLazyScriptPrepared(t *testing.T) {
	src := "(function (proc) {\nproc.a = function a() { return 1; };\nproc.b = function b() { return 2; };\n})"
	pre := PrepareLazyScript("prepared-test", src, "proc")
	want := map[string][]string{"prepared-test:proc": {"a", "b"}}
	if pre.Script == src || !reflect.DeepEqual(pre.Names, want) {
		t.Fatalf("PrepareLazyScript: %q %v", pre.Script, pre.Names)
	}
	lazyNames.Delete("prepared-test:proc")
	// (a copy of src: another string storage, as a new source would be)
	fresh := strings.Clone(src)
	marked := pre
	marked.Script += "// prepared"
	if got := LazyScriptPrepared(&marked, "prepared-test", fresh, "proc"); got != marked.Script {
		t.Fatalf("the prepared script was not used: %q", got)
	}
	if got := LazyMemberNames("prepared-test:proc"); !reflect.DeepEqual(got, want["prepared-test:proc"]) {
		t.Fatalf("names not stored: %v", got)
	}
	if got := LazyScriptPrepared(&pre, "prepared-test", fresh, "proc"); got != marked.Script {
		t.Fatalf("not once per source: %q", got)
	}
	// a source changed since: rewritten here
	changed := strings.Replace(src, "return 2", "return 3", 1)
	if got := LazyScriptPrepared(&marked, "prepared-test", changed, "proc"); got != LazyScript("prepared-test", changed, "proc") {
		t.Fatalf("a stale prepared script was used: %q", got)
	}
}

func TestLazySourceSum(t *testing.T) {
	seen := map[uint64]string{}
	for _, s := range []string{"", "a", "b", "ab", "abcdefgh", "abcdefgi", "abcdefghi", "abcdefgh\x00"} {
		sum := LazySourceSum(s)
		if prev, ok := seen[sum]; ok {
			t.Fatalf("%q and %q have the same sum", prev, s)
		}
		seen[sum] = s
	}
}
