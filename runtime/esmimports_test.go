package runtime

import (
	"reflect"
	"testing"
)

func TestStaticImportNames(t *testing.T) {
	src := "// import { c1 } from 'no'\n" +
		"const s = \"import { s1 } from 'no'\", re = /import { r1 } from 'no'/;\n" +
		"import d, { a, b as bb, 'q-q' as q, default as dd, } from './x.mjs';\n" +
		"import * as ns from './ns.mjs';\nimport e, * as ns2 from \"./e.mjs\";\nimport './bare.mjs';\n" +
		"function f() { return import('./dyn.mjs'), import.meta.url; }\n" +
		"export { z } from './z.mjs';\nexport default /x/;\n" +
		"import {\n  m, // m\n  /* n */ n,\n} from './m.mjs' with { type: 'json' };\n"
	got, ok := staticImportNames(src)
	if !ok {
		t.Fatal("lexer gave up")
	}
	want := []staticImport{
		{"./x.mjs", []string{"default", "a", "b", "q-q", "default"}, []string{"d", "a", "bb", "q", "dd"}},
		{"./ns.mjs", nil, []string{"ns"}},
		{"./e.mjs", []string{"default"}, []string{"e", "ns2"}},
		{"./m.mjs", []string{"m", "n"}, []string{"m", "n"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}
