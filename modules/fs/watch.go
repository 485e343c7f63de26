package fs

import "github.com/dop251/goja"

type watcher struct{}

func (w *watcher) stop() {}

func (s *state) bindWatch(b *goja.Object) {}
