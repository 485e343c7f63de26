package runtime

import (
	"strconv"
	"strings"

	"github.com/gojs-dev/gojs/modules"
)

//go:generate node gen_nodelines.mjs

// nodeLines are node 20.20's source lines at the places of its files our stacks show, by
// "node:FILE:LINE" (nodeLinesData, generated from node's own sources). Built on first use.
var nodeLines = modules.Lazy[map[string]string]{Build: func() map[string]string {
	m := make(map[string]string, strings.Count(nodeLinesData, "\n"))
	for rest := nodeLinesData; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if k, v, ok := strings.Cut(line, "\t"); ok {
			m[k] = v
		}
	}
	return m
}}

// nodeLineArrow is node's excerpt of place ("node:FILE:LINE:COL"), its source line with the
// caret at COL, as node reports a rejection at its error's own place: "" when the line is not
// one of nodeLines.
func nodeLineArrow(place string) string {
	i := strings.LastIndexByte(place, ':')
	if i < 0 {
		return ""
	}
	col, err := strconv.Atoi(place[i+1:])
	if err != nil || col < 1 {
		return ""
	}
	src, ok := nodeLines.Get()[place[:i]]
	if !ok || col > len(src)+1 {
		return ""
	}
	return place[:i] + "\n" + src + "\n" + strings.Repeat(" ", col-1) + "^\n"
}
