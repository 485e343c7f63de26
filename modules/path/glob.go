package path

import "github.com/dop251/goja"

func (b *binder) glob(o *goja.Object, win bool) {}
