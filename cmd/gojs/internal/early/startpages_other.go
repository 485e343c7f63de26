//go:build !(linux && amd64)

package early

func prefaultStart() {}

// RecordStartPages records a start's pages on linux/amd64 (see startpages_linux_amd64.go);
// elsewhere it does nothing.
func RecordStartPages() {}
