package url

import (
	"strings"
	"testing"
)

// TestTables derives the literal byte tables as their comments describe them.
func TestTables(t *testing.T) {
	for name, c := range map[string]struct{ got, want [256]uint8 }{
		"kinds":      {kinds, kindsTable()},
		"encodeSets": {encodeSets, encodeSetsTable()},
		"hexVal":     {hexVal, hexValTable()},
		"schemeByte": {schemeByte, schemeByteTable()},
	} {
		if c.got != c.want {
			t.Errorf("%s differs from its derivation", name)
		}
	}
}

func kindsTable() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		if c <= 0x20 || c >= 0x7f || c == '\\' {
			t[c] |= kBad
		}
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			t[c] |= kHost
		}
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~!$&'()*+,%", byte(c)) >= 0) {
			t[c] |= kUser
		}
	}
	for _, c := range []byte("\"<>`{}^|") {
		t[c] |= kPath
	}
	t['/'] |= kEnd
	t['?'] |= kEnd
	t['#'] |= kEnd
	t['@'] |= kAuth
	t[':'] |= kAuth
	for _, c := range []byte("\"<>'") {
		t[c] |= kQuery
	}
	for _, c := range []byte("\"<>`") {
		t[c] |= kFrag
	}
	return t
}

func encodeSetsTable() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		if c < 0x20 || c > 0x7e {
			t[c] = setC0 | setFrag | setQuery | setSpecialQuery | setPath | setUserinfo
		}
	}
	add := func(set uint8, chars string) {
		for i := 0; i < len(chars); i++ {
			t[chars[i]] |= set
		}
	}
	add(setFrag, " \"<>`")
	add(setQuery, " \"#<>")
	add(setSpecialQuery, " \"#<>'")
	add(setPath, " \"#<>?`{}")
	add(setUserinfo, " \"#<>?`{}/:;=@[\\]^|")
	return t
}

func hexValTable() (t [256]uint8) {
	for i := range t {
		t[i] = 0xff
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = uint8(c - '0')
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] = uint8(c-'a') + 10
		t[c-'a'+'A'] = uint8(c-'a') + 10
	}
	return t
}

func schemeByteTable() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		if c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.' {
			t[c] = 1
		}
	}
	return t
}
