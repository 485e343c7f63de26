package dns

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// reverse's hosts-file answer: the names of all the address's lines, merged, but the first.
func TestHostsAliases(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hosts")
	data := "# comment\n127.0.0.1 localhost\n127.0.0.1 runsc vm # trailing\n::1 localhost ip6-localhost ip6-loopback\n10.0.0.1 only\n10.0.0.2 a a b\nbad line\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		ip    string
		want  []any
		found bool
	}{
		{"127.0.0.1", []any{"runsc", "vm"}, true},
		{"::1", []any{"ip6-localhost", "ip6-loopback"}, true},
		{"0:0:0:0:0:0:0:1", []any{"ip6-localhost", "ip6-loopback"}, true},
		{"10.0.0.1", []any{}, true},
		{"10.0.0.2", []any{"b"}, true},
		{"10.0.0.3", nil, false},
		{"not an ip", nil, false},
	} {
		got, found := hostsAliases(path, c.ip)
		if found != c.found || !reflect.DeepEqual(got, c.want) {
			t.Errorf("hostsAliases(%q) = %v, %v; want %v, %v", c.ip, got, found, c.want, c.found)
		}
	}
	if _, found := hostsAliases(filepath.Join(t.TempDir(), "none"), "127.0.0.1"); found {
		t.Error("a missing hosts file answered")
	}
}
