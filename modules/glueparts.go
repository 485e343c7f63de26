package modules

import (
	"fmt"
	"strings"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
)

// Parts of a glue kept in its own file. goja compiles every function of a program up front, so a
// built-in whose glue holds much code that most programs never run (a stream's operators, the
// machinery of pipeline) pays for compiling it at every first require. A glue may instead mark
// such code as parts: each part is a region of the file between a line
//
//	//#part NAME
//
// (not the first) and a line
//
//	//#end NAME
//
// holding one function expression, the part's maker (`(function ({ names... }) { ... })`), which
// the glue calls with the names of its own it uses, then keeps what it returns. A Module with
// GlueParts set leaves its parts out of its program (each line of a part becomes an empty line),
// and GluePart compiles a part on first use, once per process, at its lines in the file: stack
// frames and error excerpts of code in a part show the file's own lines, as before the split.
// (A test of the module checks that a part is given every name of the glue it uses:
// modules/internal/gluescope.)

// glueParts is one glue source cut into its program without parts and its parts.
type glueParts struct {
	core  string
	parts map[string]gluePart
}

type gluePart struct {
	src string // the part's text after as many newlines as lines before it in the file
}

type gluePartsEntry struct {
	once sync.Once
	gp   *glueParts
	err  error
}

var gluePartsOf sync.Map // glue source data pointer -> *gluePartsEntry

// cutGlueParts returns src's parts, cut once per process (keyed by src's storage).
func cutGlueParts(src string) (*glueParts, error) {
	key := unsafe.StringData(src)
	v, ok := gluePartsOf.Load(key)
	if !ok {
		v, _ = gluePartsOf.LoadOrStore(key, &gluePartsEntry{})
	}
	e := v.(*gluePartsEntry)
	e.once.Do(func() { e.gp, e.err = splitGlueParts(src) })
	return e.gp, e.err
}

// splitGlueParts cuts src's parts out of it (see glueParts).
func splitGlueParts(src string) (*glueParts, error) {
	gp := &glueParts{parts: map[string]gluePart{}}
	var core strings.Builder
	core.Grow(len(src))
	line := 1 // the line src[i:] starts at
	i := 0
	for i < len(src) {
		j := strings.Index(src[i:], "\n//#part ")
		if j < 0 {
			core.WriteString(src[i:])
			break
		}
		start := i + j + 1 // the marker line
		core.WriteString(src[i:start])
		line += strings.Count(src[i:start], "\n")
		eol := strings.IndexByte(src[start:], '\n')
		if eol < 0 {
			return nil, fmt.Errorf("glue part marker at line %d ends the file", line)
		}
		name := strings.TrimSpace(src[start+len("//#part ") : start+eol])
		endMark := "\n//#end " + name + "\n"
		k := strings.Index(src[start:], endMark)
		if name == "" || k < 0 {
			return nil, fmt.Errorf("glue part %q at line %d has no end", name, line)
		}
		if _, dup := gp.parts[name]; dup {
			return nil, fmt.Errorf("glue part %q twice", name)
		}
		body := src[start+eol+1 : start+k+1] // from the line after the marker to the end marker
		end := start + k + len(endMark) - 1  // the end marker line's newline
		n := strings.Count(src[start:end], "\n")
		gp.parts[name] = gluePart{src: strings.Repeat("\n", line) + body}
		core.WriteString(strings.Repeat("\n", n))
		line += n
		i = end
	}
	gp.core = core.String()
	return gp, nil
}

// GluePart returns the part named name of the glue whose source is *src (see glueParts),
// compiled once per process as file (the module's "node:" name). It is called on the loop, by
// the binding function a glue asks for its parts with.
func GluePart(file string, src *string, name string) (*goja.Program, error) {
	gp, err := cutGlueParts(*src)
	if err != nil {
		return nil, err
	}
	p, ok := gp.parts[name]
	if !ok {
		return nil, fmt.Errorf("%s has no part %q", file, name)
	}
	c := compiledFor(unsafe.StringData(p.src))
	c.once.Do(func() {
		c.prg, c.err = compileGlue(file, p.src)
	})
	return c.prg, c.err
}

// GluePartSources returns the source of the glue *src without its parts and each part's source
// (at its lines), for tests.
func GluePartSources(src *string) (core string, parts map[string]string, err error) {
	gp, err := cutGlueParts(*src)
	if err != nil {
		return "", nil, err
	}
	parts = make(map[string]string, len(gp.parts))
	for name, p := range gp.parts {
		parts[name] = p.src
	}
	return gp.core, parts, nil
}

// SetGluePart sets binding.part(name) for the glue whose source is *src, compiled as file: the
// value of its part named name (GluePart), a maker function the glue calls once with the names
// the part uses. The part is compiled once per process, run once per runtime that asks for it.
func SetGluePart(vm *goja.Runtime, binding *goja.Object, file string, src *string) {
	binding.Set("part", func(c goja.FunctionCall) goja.Value {
		prg, err := GluePart(file, src, c.Argument(0).String())
		if err != nil {
			panic(vm.NewGoError(err))
		}
		v, err := vm.RunProgram(prg)
		if err != nil {
			panic(err)
		}
		return v
	})
}
