package runtime

import "testing"

// guardsScript uses the guarded methods (guardtemplate.go) and Promise's executor guard
// (promiseexecutor.go), naming each in its text, so that a runtime without the templates
// installs them by name (noteScriptSource).
const guardsScript = `
const out = [];
const t = (f) => { try { out.push(String(f())); } catch (e) { out.push(e.constructor.name + ': ' + e.message); } };
t(() => new Date(1e15).toISOString());
t(() => new Date(-1e14).toISOString());
t(() => 'abc'.padEnd(2 ** 32));
t(() => 'abc'.padStart(2 ** 32));
t(() => 'abc'.repeat(2 ** 30));
t(() => [, 1].find(Boolean));
t(() => [, 1].findIndex(Number));
t(() => [, 1].findLast(Boolean));
t(() => [1, ,].findLastIndex(Boolean));
t(() => Object.prototype.toLocaleString.call(Object.create(null)));
t(() => Object.getOwnPropertyDescriptor(Date.prototype, 'toString').value.name);
t(() => String.prototype.padEnd.length + ' ' + Array.prototype.find.name);
new Promise(Array.prototype.push).catch((e) => { out.push('executor: ' + e.message); console.log(out.join('\n')); });
`

// TestProtoGuardsSameAsEager: the guards made with their methods from the prototype templates
// behave as the ones installed by name when the templates are not used.
func TestProtoGuardsSameAsEager(t *testing.T) {
	tmplOut, tmplRT := runGlobals(t, Options{Permissions: AllowAll}, guardsScript)
	if !tmplRT.guardsTemplated() {
		t.Fatal("a runtime with the default built-ins did not use the prototype templates")
	}
	if tmplRT.dateStringsFixed || tmplRT.stringLengthFixed || tmplRT.toLocaleStringFixed {
		t.Fatal("the templated runtime installed guards by name too")
	}
	eagerGlobalsForTest = true
	eagerOut, eagerRT := runGlobals(t, Options{Permissions: AllowAll}, guardsScript)
	eagerGlobalsForTest = false
	if eagerRT.guardsTemplated() || !eagerRT.dateStringsFixed || !eagerRT.stringLengthFixed {
		t.Fatal("eagerGlobalsForTest: the guards were not installed by name")
	}
	want := `+033658-09-27T01:46:40.000Z
-001199-02-15T14:13:20.000Z
RangeError: Invalid string length
RangeError: Invalid string length
RangeError: Invalid string length
1
1
1
0
TypeError: undefined is not a function
toString
1 find
executor: Cannot convert undefined or null to object
`
	if tmplOut != want {
		t.Fatalf("templated runtime:\n%s\nwant:\n%s", tmplOut, want)
	}
	sameLines(t, tmplOut, eagerOut)
}
