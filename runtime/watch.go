package runtime

import (
	"context"
	"os"
	"path/filepath"
	"sort"
)

// LoadedFiles returns the absolute paths of the module files the program has loaded so far
// (the main script, required .js/.json files), sorted. `gojs --watch` restarts when one of them
// changes. Safe from any goroutine: while a run is in progress the list is read on the loop,
// and nil is returned if the loop does not get to it before ctx ends.
func (rt *Runtime) LoadedFiles(ctx context.Context) []string {
	if rt.runMu.TryLock() {
		defer rt.runMu.Unlock()
		return rt.loadedFiles()
	}
	ch := make(chan []string, 1)
	if !rt.loop.Post(func() error { ch <- rt.loadedFiles(); return nil }) {
		return nil
	}
	select {
	case files := <-ch:
		return files
	case <-ctx.Done():
		return nil
	}
}

// loadedFiles lists the sources the loader compiled that are files. Loop only.
func (rt *Runtime) loadedFiles() []string {
	var files []string
	for name := range rt.sources {
		if !filepath.IsAbs(name) {
			continue
		}
		if rt.opts.FS == nil {
			if fi, err := os.Stat(name); err != nil || fi.IsDir() {
				continue
			}
		}
		files = append(files, name)
	}
	sort.Strings(files)
	return files
}
