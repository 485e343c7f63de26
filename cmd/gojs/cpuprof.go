package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/google/pprof/profile"
)

// --cpu-prof: the run's JavaScript profile, written at exit as node writes V8's, a .cpuprofile
// (the Chrome DevTools format: a call tree of nodes with their hit counts, and the samples in
// order) named CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile, in --cpu-prof-dir (or
// --diagnostic-dir, or the working directory) unless --cpu-prof-name names it.
//
// It comes from goja's sampling profiler, which differs from V8's in what a sample means and how
// often one is taken: every 10 ms (--cpu-prof-interval cannot change it), of the function
// running on any runtime of the process (a worker's too), counting the time a call into Go
// blocks; idle time is not sampled. goja does not give where a function starts, so a node's
// lineNumber is its first sampled line; positionTicks has every sampled line's count.

type cpuProfOptions struct {
	dir, name string
}

// cpuProfFor returns the --cpu-prof options of c, and whether --cpu-prof is on.
func cpuProfFor(c *cli) (cpuProfOptions, bool) {
	if _, ok := c.given["--cpu-prof"]; !ok {
		return cpuProfOptions{}, false
	}
	o := cpuProfOptions{dir: c.given["--cpu-prof-dir"], name: c.given["--cpu-prof-name"]}
	if o.dir == "" {
		o.dir = c.given["--diagnostic-dir"]
	}
	return o, true
}

// startJSProfile starts goja's profiler and returns the function that stops it and writes the
// profile (reporting a failure on stderr, as node does, without changing the exit code).
func startJSProfile(o cpuProfOptions) func() {
	var buf bytes.Buffer
	if err := goja.StartProfile(&buf); err != nil {
		fmt.Fprintf(os.Stderr, "gojs: --cpu-prof: %v\n", err)
		return func() {}
	}
	start := time.Now()
	return func() {
		goja.StopProfile()
		end := time.Now()
		name := o.name
		if name == "" {
			name = fmt.Sprintf("CPU.%s.%d.0.001.cpuprofile", end.Format("20060102.150405"), os.Getpid())
		}
		path := name
		if o.dir != "" {
			if err := os.MkdirAll(o.dir, 0o777); err != nil {
				fmt.Fprintf(os.Stderr, "gojs: --cpu-prof-dir: %v\n", err)
				return
			}
			path = filepath.Join(o.dir, name)
		}
		data, err := cpuProfileJSON(buf.Bytes(), start, end)
		if err == nil {
			err = os.WriteFile(path, data, 0o666)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "gojs: --cpu-prof: %v\n", err)
		}
	}
}

type cpuCallFrame struct {
	FunctionName string `json:"functionName"`
	ScriptID     string `json:"scriptId"`
	URL          string `json:"url"`
	LineNumber   int64  `json:"lineNumber"`
	ColumnNumber int64  `json:"columnNumber"`
}

type cpuPositionTick struct {
	Line  int64 `json:"line"`
	Ticks int64 `json:"ticks"`
}

type cpuNode struct {
	ID            int               `json:"id"`
	CallFrame     cpuCallFrame      `json:"callFrame"`
	HitCount      int64             `json:"hitCount"`
	Children      []int             `json:"children,omitempty"`
	PositionTicks []cpuPositionTick `json:"positionTicks,omitempty"`

	kids  map[uint64]*cpuNode // by function ID
	ticks map[int64]int64     // by line
}

type cpuProfile struct {
	Nodes      []*cpuNode `json:"nodes"`
	StartTime  int64      `json:"startTime"`
	EndTime    int64      `json:"endTime"`
	Samples    []int      `json:"samples"`
	TimeDeltas []int64    `json:"timeDeltas"`
}

// cpuProfileJSON turns goja's pprof profile into a .cpuprofile.
func cpuProfileJSON(pprof []byte, start, end time.Time) ([]byte, error) {
	p, err := profile.Parse(bytes.NewReader(pprof))
	if err != nil {
		return nil, err
	}
	scripts := map[string]string{}
	frameOf := func(fn *profile.Function) cpuCallFrame {
		name := strings.TrimSuffix(fn.Name, fmt.Sprintf(".%d", fn.ID)) // goja's suffix for a repeated name
		if name == "<anonymous>" {
			name = ""
		}
		id, ok := scripts[fn.Filename]
		if !ok {
			id = fmt.Sprint(len(scripts) + 1)
			scripts[fn.Filename] = id
		}
		u := fn.Filename
		if filepath.IsAbs(u) {
			u = (&url.URL{Scheme: "file", Path: u}).String()
		}
		return cpuCallFrame{FunctionName: name, ScriptID: id, URL: u, LineNumber: -1}
	}
	root := &cpuNode{ID: 1, CallFrame: cpuCallFrame{FunctionName: "(root)", ScriptID: "0", LineNumber: -1, ColumnNumber: -1}}
	program := &cpuNode{ID: 2, CallFrame: cpuCallFrame{FunctionName: "(program)", ScriptID: "0", LineNumber: -1, ColumnNumber: -1}}
	nodes := []*cpuNode{root, program}
	root.Children = []int{2}
	// samples in a stable order (the profile's is a map's): by their stacks, root first
	stackKey := func(s *profile.Sample) string {
		var b strings.Builder
		for i := len(s.Location) - 1; i >= 0; i-- {
			for _, l := range s.Location[i].Line {
				fmt.Fprintf(&b, "%s\x00%s\x00%d\x01", l.Function.Filename, l.Function.Name, l.Line)
			}
		}
		return b.String()
	}
	sort.SliceStable(p.Sample, func(i, j int) bool { return stackKey(p.Sample[i]) < stackKey(p.Sample[j]) })
	var samples []int
	for _, s := range p.Sample {
		n := root
		var line int64
		for i := len(s.Location) - 1; i >= 0; i-- {
			for _, l := range s.Location[i].Line {
				if l.Function == nil {
					continue
				}
				k := n.kids[l.Function.ID]
				if k == nil {
					k = &cpuNode{ID: len(nodes) + 1, CallFrame: frameOf(l.Function), ticks: map[int64]int64{}}
					if n.kids == nil {
						n.kids = map[uint64]*cpuNode{}
					}
					n.kids[l.Function.ID] = k
					n.Children = append(n.Children, k.ID)
					nodes = append(nodes, k)
				}
				if k.CallFrame.LineNumber < 0 || l.Line-1 < k.CallFrame.LineNumber {
					k.CallFrame.LineNumber = l.Line - 1
				}
				n, line = k, l.Line
			}
		}
		if n == root {
			n = program
		}
		count := s.Value[0]
		n.HitCount += count
		if n.ticks != nil {
			n.ticks[line] += count
		}
		for range count {
			samples = append(samples, n.ID)
		}
	}
	for _, n := range nodes {
		for line, t := range n.ticks {
			n.PositionTicks = append(n.PositionTicks, cpuPositionTick{Line: line, Ticks: t})
		}
		sort.Slice(n.PositionTicks, func(i, j int) bool { return n.PositionTicks[i].Line < n.PositionTicks[j].Line })
	}
	startUS := start.UnixMicro()
	deltas := make([]int64, len(samples))
	for i := range deltas {
		deltas[i] = p.Period / 1000
	}
	return json.Marshal(cpuProfile{Nodes: nodes, StartTime: startUS, EndTime: end.UnixMicro(), Samples: samples, TimeDeltas: deltas})
}
