//go:build race

package zlib

// raceEnabled: the race detector is on (the differential test then skips its multi-megabyte
// cases, which the plain run covers).
const raceEnabled = true
