package main

import (
	"os"
	"path/filepath"
)

// transformCacheDir is where ES module and TypeScript transforms are kept between runs:
// $GOJS_CACHE_DIR, else the user cache dir's gojs folder; "" (memory only) when neither is
// usable. GOJS_CACHE_DIR=off disables the disk cache.
func transformCacheDir(env map[string]string) string {
	if d, ok := env["GOJS_CACHE_DIR"]; ok {
		if d == "off" || d == "" {
			return ""
		}
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "gojs", "transform")
}
