package fs

import (
	"os"
	"slices"
	"testing"
)

// TestScandirOrder: scandir sorts as strcmp (libuv) does, names sharing their first 8 bytes
// included, and its names are intact after the listing's batches.
func TestScandirOrder(t *testing.T) {
	dir := t.TempDir()
	names := []string{"abcdefgh", "abcdefghi", "abcdefg", "abcdefgha", "abcdefgh-", "Z", "a", "é", "e", "ü-x", "~",
		"12345678901", "1234567890", "123456789012345678901234567890"}
	for i := 0; i < 600; i++ { // (more than one getdents batch)
		names = append(names, "file-with-a-long-common-prefix-"+itoa(i*7919%1000))
	}
	for _, n := range names {
		if err := os.WriteFile(dir+"/"+n, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ents, err := scandir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]string, len(ents))
	for i, e := range ents {
		got[i] = e.name
	}
	want := slices.Clone(names)
	slices.Sort(want) // (Go compares strings bytewise, as strcmp does)
	if !slices.Equal(got, want) {
		t.Fatalf("scandir order:\n got %q\nwant %q", got, want)
	}
}
