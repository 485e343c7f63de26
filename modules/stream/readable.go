package stream

// Code below the rsNames table is the Go side of Readable: see readable_fast.go.

import "github.com/dop251/goja"

// rsNames are a ReadableState's fields, in the order its constructor sets them.
var rsNames = [...]string{
	"objectMode", "highWaterMark", "buffer", "spareEntry", "pipeOndata", "length",
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
	rsSpareEntry
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

func rsSlot(key string) int {
	switch key {
	case "objectMode":
		return rsObjectMode
	case "highWaterMark":
		return rsHighWaterMark
	case "buffer":
		return rsBuffer
	case "spareEntry":
		return rsSpareEntry
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

// readableState is a ReadableState: a goja dynamic object whose fields (rsNames) live in a Go
// array, as writableState's. Loop only.
type readableState struct {
	slots  [rsCount]goja.Value
	props  map[string]goja.Value
	keys   []string
	paused goja.Value // state[kPaused] (a prototype accessor: no symbol properties here)
	// The pipe whose 'data' listener is pipeOnDataReg: dest.write(chunk) and, on false, pause().
	pipeOndataReg goja.Value
	pipeDest      *goja.Object
	pipePause     goja.Callable
	readFn        goja.Value
	readCall      goja.Callable
}

func (s *readableState) Get(key string) goja.Value {
	if i := rsSlot(key); i >= 0 {
		return s.slots[i]
	}
	return s.props[key]
}

func (s *readableState) Set(key string, v goja.Value) bool {
	if v == nil {
		v = goja.Undefined()
	}
	if i := rsSlot(key); i >= 0 {
		s.slots[i] = v
		return true
	}
	if s.props == nil {
		s.props = make(map[string]goja.Value)
	}
	if _, ok := s.props[key]; !ok {
		s.keys = append(s.keys, key)
	}
	s.props[key] = v
	return true
}

func (s *readableState) Has(key string) bool {
	if i := rsSlot(key); i >= 0 {
		return s.slots[i] != nil
	}
	_, ok := s.props[key]
	return ok
}

func (s *readableState) Delete(key string) bool {
	if i := rsSlot(key); i >= 0 {
		s.slots[i] = nil
		return true
	}
	if _, ok := s.props[key]; !ok {
		return true
	}
	delete(s.props, key)
	for i, k := range s.keys {
		if k == key {
			s.keys = append(s.keys[:i], s.keys[i+1:]...)
			break
		}
	}
	return true
}

func (s *readableState) Keys() []string {
	keys := make([]string, 0, len(s.slots)+len(s.keys))
	for i, v := range s.slots {
		if v != nil {
			keys = append(keys, rsNames[i])
		}
	}
	return append(keys, s.keys...)
}
