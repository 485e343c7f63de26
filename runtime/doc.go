// Package runtime is gojs's embedding API: a Runtime runs Node-style JavaScript on its own event
// loop with stdio, env, cwd, permissions and modules injected through Options, so several
// runtimes in one Go process never interfere. See https://nodejs.org/api/ for the APIs it offers.
package runtime
