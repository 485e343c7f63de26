// Package cluster implements Node's "cluster" module: a primary process forks workers (with
// child_process.fork and NODE_UNIQUE_ID) that share server ports.
// See https://nodejs.org/docs/latest-v20.x/api/cluster.html.
package cluster

import (
	_ "embed"

	"github.com/gojs-dev/gojs/modules"
)

//go:embed cluster.js
var glue string

// Module is "cluster".
var Module = modules.Module{Name: "cluster", JSRef: &glue}
