//go:build !(linux && amd64)

package early

func limitFaultAround() {}

// DropStartPages drops the binary's start-up pages from the resident set on linux/amd64 (see
// faultaround_linux_amd64.go); elsewhere it does nothing.
func DropStartPages() {}
