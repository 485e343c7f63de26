//go:build race

package zlib

// raceEnabled: the race detector is on (the differential test then runs in a test binary built
// without it, see ranWithoutRace; with no go command to build one, it skips its multi-megabyte
// cases, which the plain run covers).
const raceEnabled = true
