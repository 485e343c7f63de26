package runtime

import "strconv"

// pathCheckArrows are node 20.20's excerpts of path.js's argument checks (modules/path gives a
// bad argument's error node's frame of its check, Host.AddNodeFrame), by place: a rejection
// with one prints the excerpt of that frame, as node's does.
var pathCheckArrows = func() map[string]string {
	const (
		resolveP = "      validateString(path, `paths[${i}]`);"
		resolveW = "        validateString(path, `paths[${i}]`);"
		path4    = "    validateString(path, 'path');"
		arg6     = "      validateString(arg, 'path');"
		from4    = "    validateString(from, 'from');"
		to4      = "    validateString(to, 'to');"
		suffix6  = "      validateString(suffix, 'suffix');"
		object2  = "  validateObject(pathObject, 'pathObject');"
	)
	m := map[string]string{}
	for _, p := range []struct {
		line, col int
		src       string
	}{
		{1223, 7, resolveP}, {1260, 5, path4}, {1289, 5, path4}, {1305, 7, arg6}, {1323, 5, from4},
		{1324, 5, to4}, {1408, 5, path4}, {1440, 7, suffix6}, {1441, 5, path4}, {1518, 5, path4},
		{1582, 5, path4}, {174, 3, object2},
		{215, 9, resolveW}, {359, 5, path4}, {489, 5, path4}, {515, 7, arg6}, {583, 5, from4},
		{584, 5, to4}, {776, 5, path4}, {873, 7, suffix6}, {874, 5, path4}, {959, 5, path4},
		{1035, 5, path4},
	} {
		line := strconv.Itoa(p.line)
		caret := ""
		for range p.col - 1 {
			caret += " "
		}
		m["node:path:"+line+":"+strconv.Itoa(p.col)] = "node:path:" + line + "\n" + p.src + "\n" + caret + "^\n"
	}
	return m
}()
