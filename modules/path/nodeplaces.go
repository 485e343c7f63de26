package path

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// node's stack for a path function's bad argument begins with the path.js function that checked
// it (validateString is hidden by hideStackFrames): "at Object.join (node:path:1305:7)", or
// "at join (...)" called without a receiver. goja's stack has no frame of a Go function, so the
// error gets node's (Host.AddNodeFrame).

// checkPlace is node 20.20's place of a path function's check of its argument arg ("" for any
// argument).
type checkPlace struct {
	arg       string
	line, col int
}

// checkPlaces are the places of posix's functions [0] and win32's [1].
var checkPlaces = [2]map[string][]checkPlace{
	{
		"resolve":    {{"", 1223, 7}},
		"normalize":  {{"", 1260, 5}},
		"isAbsolute": {{"", 1289, 5}},
		"join":       {{"", 1305, 7}},
		"relative":   {{"from", 1323, 5}, {"to", 1324, 5}},
		"dirname":    {{"", 1408, 5}},
		"basename":   {{"suffix", 1440, 7}, {"path", 1441, 5}},
		"extname":    {{"", 1518, 5}},
		"parse":      {{"", 1582, 5}},
	},
	{
		"resolve":    {{"", 215, 9}},
		"normalize":  {{"", 359, 5}},
		"isAbsolute": {{"", 489, 5}},
		"join":       {{"", 515, 7}},
		"relative":   {{"from", 583, 5}, {"to", 584, 5}},
		"dirname":    {{"", 776, 5}},
		"basename":   {{"suffix", 873, 7}, {"path", 874, 5}},
		"extname":    {{"", 959, 5}},
		"parse":      {{"", 1035, 5}},
	},
}

// pathCall is the path function running (the last one called: its checks run before any call
// back into JS).
type pathCall struct {
	name   string
	places []checkPlace
	this   goja.Value
}

// throwArg throws err, a bad argument arg of the function running, with node's frame of its check.
func (b *binder) throwArg(err *modules.Error, arg string) {
	e := b.h.ToJS(err)
	if b.h.AddNodeFrame != nil {
		for _, p := range b.call.places {
			if p.arg == "" || p.arg == arg {
				b.h.AddNodeFrame(e, b.call.name, b.call.this, "node:path", p.line, p.col)
				break
			}
		}
	}
	panic(e)
}
