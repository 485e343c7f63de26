package runtime

import (
	"testing"

	"github.com/dop251/goja"
)

// TestEngineErrorsProbe guards the goja layout engineerrors.go reaches through reflect: the
// construct function of the intrinsic error constructors and errorObject.stackPropAdded.
func TestEngineErrorsProbe(t *testing.T) {
	vm := goja.New()
	for _, name := range []string{"TypeError", "RangeError", "ReferenceError", "SyntaxError", "URIError"} {
		if constructField(vm.Get(name).ToObject(vm)) == nil {
			t.Errorf("the construct function of goja's %s is out of reach", name)
		}
	}
	if constructField(vm.NewObject()) != nil {
		t.Error("a plain object has no construct function")
	}
	if stackAddedIndex() == nil {
		t.Error("goja's errorObject.stackPropAdded is out of reach")
	}
	// a wrapped construct function is the one the engine calls
	native := vm.Get("TypeError").ToObject(vm)
	field := constructField(native)
	orig := *field
	seen := 0
	*field = func(args []goja.Value, nt *goja.Object) *goja.Object {
		if nt == native {
			seen++
		}
		return orig(args, nt)
	}
	if _, err := vm.RunString("try { null.x } catch (e) {}"); err != nil {
		t.Fatal(err)
	}
	if seen != 1 {
		t.Fatalf("the engine made %d TypeErrors through the wrapper, want 1", seen)
	}
}

// TestVMStackProbe fails when a goja upgrade moves the vm's value stack: engine errors then keep
// goja's words where V8 names null or the object assigned to.
func TestVMStackProbe(t *testing.T) {
	if !vmStack().ok {
		t.Fatal("goja's Runtime.vm / vm.stack / vm.sp layout changed")
	}
	vm := goja.New()
	if _, sp, ok := vmValueStack(vm); !ok || sp < 0 {
		t.Fatalf("vmValueStack = %d, %v", sp, ok)
	}
}
