package stream

// Code below the rsNames table is the Go side of Readable: see readable_fast.go.

import (
	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// The names the Go paths read per chunk (modules.GetKey).
var (
	kReadableState = modules.NewKey("_readableState")
	kWritableState = modules.NewKey("_writableState")
	kEmit          = modules.NewKey("emit")
	kEvents        = modules.NewKey("_events")
	kData          = modules.NewKey("data")
	kWrite         = modules.NewKey("write")
	kRead          = modules.NewKey("read")
	kUnderRead     = modules.NewKey("_read")
	kUnderWrite    = modules.NewKey("_write")
	kWritev        = modules.NewKey("_writev")
	kTransform     = modules.NewKey("_transform")
	kPush          = modules.NewKey("push")
)

// rsNames are a ReadableState's fields, in the order its constructor sets them.
var rsNames = []string{
	"objectMode", "highWaterMark", "buffer", "bufferIndex", "pipeOndata", "length",
	"pipes", "flowing", "ended", "endEmitted", "reading", "constructed",
	"sync", "needReadable", "emittedReadable", "readableListening", "dataListening", "resumeScheduled",
	"errorEmitted", "emitClose", "autoDestroy", "destroyed", "errored", "closed",
	"closeEmitted", "defaultEncoding", "awaitDrainWriters", "multiAwaitDrain", "readingMore", "dataEmitted",
	"decoder", "encoding",
}

const (
	rsObjectMode = iota
	rsHighWaterMark
	rsBuffer
	rsBufferIndex
	rsPipeOndata
	rsLength
	rsPipes
	rsFlowing
	rsEnded
	rsEndEmitted
	rsReading
	rsConstructed
	rsSync
	rsNeedReadable
	rsEmittedReadable
	rsReadableListening
	rsDataListening
	rsResumeScheduled
	rsErrorEmitted
	rsEmitClose
	rsAutoDestroy
	rsDestroyed
	rsErrored
	rsClosed
	rsCloseEmitted
	rsDefaultEncoding
	rsAwaitDrainWriters
	rsMultiAwaitDrain
	rsReadingMore
	rsDataEmitted
	rsDecoder
	rsEncoding
	rsCount
)

var rsLayout = modules.SlotLayout{Names: rsNames, Index: rsSlot,
	Own:           ownSlots(len(rsNames), rsHighWaterMark, rsBuffer, rsBufferIndex, rsLength, rsPipes, rsAwaitDrainWriters),
	BeforeOwnKeys: stateOwnSymbols}

// ownSlots is a layout's Own: the slots that are own properties of a state (node 20.20's own
// fields; its flags and the values beside them are accessors of the state's prototype).
func ownSlots(n int, own ...int) []bool {
	b := make([]bool, n)
	for _, i := range own {
		b[i] = true
	}
	return b
}

func rsSlot(key string) int {
	switch key {
	case "objectMode":
		return rsObjectMode
	case "highWaterMark":
		return rsHighWaterMark
	case "buffer":
		return rsBuffer
	case "bufferIndex":
		return rsBufferIndex
	case "pipeOndata":
		return rsPipeOndata
	case "length":
		return rsLength
	case "pipes":
		return rsPipes
	case "flowing":
		return rsFlowing
	case "ended":
		return rsEnded
	case "endEmitted":
		return rsEndEmitted
	case "reading":
		return rsReading
	case "constructed":
		return rsConstructed
	case "sync":
		return rsSync
	case "needReadable":
		return rsNeedReadable
	case "emittedReadable":
		return rsEmittedReadable
	case "readableListening":
		return rsReadableListening
	case "dataListening":
		return rsDataListening
	case "resumeScheduled":
		return rsResumeScheduled
	case "errorEmitted":
		return rsErrorEmitted
	case "emitClose":
		return rsEmitClose
	case "autoDestroy":
		return rsAutoDestroy
	case "destroyed":
		return rsDestroyed
	case "errored":
		return rsErrored
	case "closed":
		return rsClosed
	case "closeEmitted":
		return rsCloseEmitted
	case "defaultEncoding":
		return rsDefaultEncoding
	case "awaitDrainWriters":
		return rsAwaitDrainWriters
	case "multiAwaitDrain":
		return rsMultiAwaitDrain
	case "readingMore":
		return rsReadingMore
	case "dataEmitted":
		return rsDataEmitted
	case "decoder":
		return rsDecoder
	case "encoding":
		return rsEncoding
	}
	return -1
}

// readableState is a ReadableState: a Go-backed object (modules.NewOrdinarySlotted) whose fields (rsNames) live in a Go
// array, as writableState's. Loop only.
type readableState struct {
	modules.SlotObject
	slots  [rsCount]goja.Value
	paused goja.Value // state[kPaused] (a prototype accessor: no symbol properties here)
	// The pipe whose 'data' listener is pipeOnDataReg: dest.write(chunk) and, on false, pause().
	pipeOndataReg goja.Value
	pipeDest      *goja.Object
	pipePause     goja.Callable
	read          callee // the stream's _read as last called
	g             *streamsGo
}

// stateOwnSymbols has the glue define on target, the ordinary object behind the state self (a
// ReadableState's or WritableState's owner), node 20.20's own symbols of the state as they stand
// (Symbol(kState), the flags' bits, and the values node keeps beside them), before its keys are
// listed: a program reaches them only through a listing.
func stateOwnSymbols(owner any, self, target *goja.Object) {
	var g *streamsGo
	readable := false
	switch s := owner.(type) {
	case *readableState:
		g, readable = s.g, true
	case *writableState:
		g = s.g
	}
	if g == nil || g.ownSymbols == nil {
		return
	}
	g.call(g.ownSymbols, g.vm.ToValue(readable), self, target)
}
