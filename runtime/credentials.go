package runtime

import (
	"os/user"
	"strconv"
	"syscall"

	"github.com/dop251/goja"

	"github.com/gojs-dev/gojs/modules"
)

// credentialFuncs adds the Go side of process.setuid/setgid/seteuid/setegid/setgroups/initgroups
// and getgroups to the process binding. As node's binding, each setter returns 0, or 1 (2 for
// initgroups' group, i+1 for setgroups' i-th group) when a name or id has no entry, or a negative
// errno when the system call fails (the glue throws node's ErrnoException). Loop only.
func (rt *Runtime) credentialFuncs(lz *modules.LazyFuncs) {
	vm := rt.vm
	// failed reports a failing system call as node's binding does to its glue: a negative errno
	failed := func(err error) goja.Value {
		errno, ok := err.(syscall.Errno)
		if !ok {
			errno = syscall.EINVAL
		}
		return vm.ToValue(-int(errno))
	}
	// strerror is libc's text for an errno (Go's, with libc's capital letter)
	lz.Set("strerror", func(c goja.FunctionCall) goja.Value {
		msg := syscall.Errno(-c.Argument(0).ToInteger()).Error()
		if msg != "" && msg[0] >= 'a' && msg[0] <= 'z' {
			msg = string(msg[0]-'a'+'A') + msg[1:]
		}
		return vm.ToValue(msg)
	})
	// uidOf and gidOf resolve a number or a name; ok is false when a name has no entry
	uidOf := func(v goja.Value) (int, bool) {
		if s, isStr := modules.ExportAs[string](v); isStr {
			u, err := user.Lookup(s)
			if err != nil {
				return 0, false
			}
			n, err := strconv.Atoi(u.Uid)
			return n, err == nil
		}
		return int(v.ToInteger()), true
	}
	gidOf := func(v goja.Value) (int, bool) {
		if s, isStr := modules.ExportAs[string](v); isStr {
			g, err := user.LookupGroup(s)
			if err != nil {
				return 0, false
			}
			n, err := strconv.Atoi(g.Gid)
			return n, err == nil
		}
		return int(v.ToInteger()), true
	}
	setter := func(name string, resolve func(goja.Value) (int, bool), set func(int) error) {
		lz.Set(name, func(c goja.FunctionCall) goja.Value {
			id, ok := resolve(c.Argument(0))
			if !ok {
				return vm.ToValue(1)
			}
			if err := set(id); err != nil {
				return failed(err)
			}
			return vm.ToValue(0)
		})
	}
	setter("setuid", uidOf, syscall.Setuid)
	setter("setgid", gidOf, syscall.Setgid)
	setter("seteuid", uidOf, syscall.Seteuid)
	setter("setegid", gidOf, syscall.Setegid)
	lz.Set("setgroups", func(c goja.FunctionCall) goja.Value {
		list := c.Argument(0).ToObject(vm)
		n := int(list.Get("length").ToInteger())
		gids := make([]int, n)
		for i := 0; i < n; i++ {
			g, ok := gidOf(list.Get(strconv.Itoa(i)))
			if !ok {
				return vm.ToValue(i + 1)
			}
			gids[i] = g
		}
		if err := syscall.Setgroups(gids); err != nil {
			return failed(err)
		}
		return vm.ToValue(0)
	})
	lz.Set("initgroups", func(c goja.FunctionCall) goja.Value {
		// initgroups(3) by hand: the user's groups from the group database, plus extraGroup
		var name string
		if s, isStr := modules.ExportAs[string](c.Argument(0)); isStr {
			name = s
		} else {
			u, err := user.LookupId(strconv.FormatInt(c.Argument(0).ToInteger(), 10))
			if err != nil {
				return vm.ToValue(1)
			}
			name = u.Username
		}
		extra, ok := gidOf(c.Argument(1))
		if !ok {
			return vm.ToValue(2)
		}
		gids := []int{extra}
		if u, err := user.Lookup(name); err == nil {
			if ids, err := u.GroupIds(); err == nil {
				for _, s := range ids {
					if g, err := strconv.Atoi(s); err == nil && g != extra {
						gids = append(gids, g)
					}
				}
			}
		}
		if err := syscall.Setgroups(gids); err != nil {
			return failed(err)
		}
		return vm.ToValue(0)
	})
	lz.Set("getgroups", func(c goja.FunctionCall) goja.Value {
		gids, err := syscall.Getgroups()
		if err != nil {
			return failed(err)
		}
		// as node's, the effective gid is in the list
		egid := syscall.Getegid()
		found := false
		for _, g := range gids {
			if g == egid {
				found = true
			}
		}
		if !found {
			gids = append(gids, egid)
		}
		out := make([]any, len(gids))
		for i, g := range gids {
			out[i] = g
		}
		return vm.NewArray(out...)
	})
}
