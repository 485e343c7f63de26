package runtime

import (
	"testing"

	"github.com/dop251/goja"
)

// TestErrorFramesProbe fails when a goja upgrade moves the frames goja keeps in its error
// objects: errors then capture their own frames (correct, but slower).
func TestErrorFramesProbe(t *testing.T) {
	vm := goja.New()
	v, err := vm.RunString("function f() { return new Error('x'); } f()")
	if err != nil {
		t.Fatal(err)
	}
	frames, ok := gojaErrorFrames(v.(*goja.Object))
	if !ok || len(frames) == 0 || frames[0].FuncName() != "f" {
		t.Fatalf("goja's error frames are out of reach: ok=%v frames=%d", ok, len(frames))
	}
	if _, ok := gojaErrorFrames(vm.NewObject()); ok {
		t.Fatal("a plain object has no error frames")
	}
	// (defineErrorStack: goja's lazy stack flag and key list; without them every new Error
	// formats goja's stack text for nothing)
	if !errorAddedUsable {
		t.Fatal("goja's errorObject.stackPropAdded or propNames is out of reach")
	}
}

func TestJSONErrorMessages(t *testing.T) {
	for src, want := range map[string]string{
		"{bad":     "Expected property name or '}' in JSON at position 1",
		"":         "Unexpected end of JSON input",
		"[1 2]":    "Expected ',' or ']' after array element in JSON at position 3",
		"1 2":      "Unexpected non-whitespace character after JSON at position 2",
		"NaN":      `"NaN" is not valid JSON`,
		"[1,]":     `Unexpected token ']', "[1,]" is not valid JSON`,
		`"\u12g4"`: "Bad Unicode escape in JSON at position 5",
		`{"a":1}`:  "",
	} {
		if got := jsonErrorMessage(src); got != want {
			t.Errorf("%q: got %q, want %q", src, got, want)
		}
	}
}

func TestExpandPropertyEscapes(t *testing.T) {
	got, ok := expandPropertyEscapes(`^[$_\p{ASCII}]\P{Any}$`, false)
	if !ok || got != `^[$_\u{0}-\u{7f}][]$` {
		t.Fatalf("got %q %v", got, ok)
	}
	if _, ok := expandPropertyEscapes(`\p{NoSuchProperty}`, false); ok {
		t.Fatal("unknown property accepted")
	}
	if _, ok := expandPropertyEscapes(`\\p{L}`, false); ok {
		t.Fatal("an escaped backslash is not a property escape")
	}
}

// TestGlueErrorPlacesResolve checks that every statement the net, streams and dgram frame
// mappings name is found in its glue, once each (a glue edit that moves or rewrites one would
// silently leave the frame at the glue's place).
func TestGlueErrorPlacesResolve(t *testing.T) {
	seen := map[int]bool{}
	for _, p := range dgramGluePlaces {
		line := glueLineOf("dgram", p.from, p.text)
		if line <= 0 {
			t.Errorf("dgram: %q after %q not found", p.text, p.from)
		} else if seen[line] {
			t.Errorf("dgram: line %d (%q) named twice", line, p.text)
		}
		seen[line] = true
	}
	streamLines := map[int]bool{}
	for _, p := range streamsThrowSites {
		line := glueLineOf("internal/streams", p.from, p.text)
		if line <= 0 {
			t.Errorf("streams: %q after %q not found", p.text, p.from)
		} else if streamLines[line] {
			t.Errorf("streams: line %d (%q) named twice", line, p.text)
		}
		streamLines[line] = true
	}
	webLines := map[int]bool{}
	for _, p := range webstreamsThrowSites {
		line := glueLineOf("internal/webstreams", p.from, p.text)
		if line <= 0 {
			t.Errorf("webstreams: %q after %q not found", p.text, p.from)
		} else if webLines[line] {
			t.Errorf("webstreams: line %d (%q) named twice", line, p.text)
		}
		webLines[line] = true
	}
	if n := len(httpHangupPlaces.Get()); n != 3 {
		t.Errorf("http: %d of the 3 hang-up places found", n)
	}
	for i, l := range afterWriteLines.Get() {
		if l <= 0 {
			t.Errorf("streams: afterWriteLines[%d] not found", i)
		}
	}
	for i, l := range writableWriteLines.Get() {
		if l <= 0 {
			t.Errorf("streams: writableWriteLines[%d] not found", i)
		}
	}
	for name, l := range map[string]int{"emitDataOndataLine": emitDataOndataLine.Get(), "dgramSendErrorLine": dgramSendErrorLine.Get(), "dgramInternalLine": dgramInternalLine.Get(),
		"netWriteDoneLine": netWriteDoneLine.Get(), "netHandleCloseLines[0]": netHandleCloseLines.Get()[0], "netHandleCloseLines[1]": netHandleCloseLines.Get()[1],
		"netPipeConnectErrorLine": netPipeConnectErrorLine.Get()} {
		if l <= 0 {
			t.Errorf("%s not found", name)
		}
	}
}
