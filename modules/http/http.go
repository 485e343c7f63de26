// Package http implements Node's "http" module (https://nodejs.org/docs/latest-v20.x/api/http.html),
// plus "https", "tls" (subset), "http2" and the internal "internal/fetch".
//
// http2 (https://nodejs.org/docs/latest-v20.x/api/http2.html): the framing and HPACK are Go's
// (http2codec.go, on golang.org/x/net/http2's Framer and hpack, not its Server or Transport),
// one codec per session that JS feeds the bytes its socket reads and drains of the frames it
// queued, so a session runs over any Duplex (a net.Socket for h2c, a TLSSocket with ALPN h2, a
// createConnection socket). The session and stream state machines, flow control (stream and
// connection windows, WINDOW_UPDATE as the reader consumes), SETTINGS, PING, GOAWAY and
// RST_STREAM, the core API's events and the compatibility API are JS glue (http2.js), loaded
// with the first session: require('http2') alone costs its constants.
//
// Design: connections are real net.Socket objects from modules/net (so req.socket is a
// net.Socket and the 'upgrade' event hands JS the raw socket). The HTTP/1.x parsing is done in Go
// by an incremental parser of our own (parser.go), modelled on llhttp: the JS glue feeds it each
// chunk read from the socket and gets one callback per message head, with the request line and
// the raw header pairs already split, then body pieces and the end of the message. Errors carry
// llhttp's HPE_* codes. Everything else (IncomingMessage, ServerResponse, ClientRequest, Agent,
// header semantics, event order) is JS glue shaped after Node's.
//
// The server's per-request path is kept short, because on goja every property written and every
// call costs about a microsecond, and every read of a property an object does not own walks its
// prototype chain one map lookup per level: a plain socket's bytes go from net's read straight
// into the parser in Go (the handle's consume, like Node's parser.consume(): no Buffer and no JS
// call per read); the usual request (HTTP/1.1 keep-alive, no body) is built by one function as
// two object literals that own from the start every field they get later, with the response's
// defaults copied down to ServerResponse.prototype; the parser hands JS one call per bodiless request (head,
// Host/Expect flags and the time computed in Go, completion included); IncomingMessage creates
// its Readable state only when something uses the stream (a request answered without reading
// its body never does, and a late reader finds it ended, as Node's dump leaves it);
// OutgoingMessage keeps its defaults on the prototype; and res.end(body) on an idle socket is
// one Go call (fastEnd, fastend.go) that renders the head exactly as writeHead/_storeHeader
// would and writes head and body to the socket's descriptor, past the socket's Writable (JS
// falls back to the general path for anything fastEnd does not render). Keep-alive idling
// uses one timer per connection instead of re-arming the socket timer per request, and the
// start of a pending head (for headersTimeout) is stamped by the Go parser, not per request.
// The server never reads socket.destroyed, _writableState or readableLength while the socket's
// stream states are unmade (net makes them lazily; reading those would make both for every
// connection), and a connection whose client closes it ends and is destroyed with the states
// still unmade (net's liteEnd and its end-of-stream path). Server.listen asks for an accept queue of 4096 when the caller gives no backlog
// (Node's 511 drops SYNs in a connection storm; the clients retry seconds later).
package http

import (
	_ "embed"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/eventloop"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

//go:embed http.js
var httpJS string

//go:embed http2.js
var http2JS string

//go:embed http2core.js
var http2CoreJS string

// HTTP2 is "http2": the client and server of node's core and compatibility APIs (http2.js over
// the Go codec of http2codec.go).
var HTTP2 = modules.Module{Name: "http2", JSRef: &http2JS}

// HTTP2Core is "internal/http2/core", http2's sessions, streams and servers, which http2
// requires on first use.
var HTTP2Core = modules.Module{Name: "internal/http2/core", Internal: true, Bind: bindHTTP2, JSRef: &http2CoreJS}

// The glue with its lazy exports rewritten ahead of time (lazyprepared.go) is made by go generate.
//
//go:generate go test -run TestLazyPreparedUpToDate -update

// Module is "http". The client's connection and request helpers, the parser class of
// internal/http_internals and the util.inspect views are glue parts compiled on first use
// (modules.GluePart).
var Module = modules.Module{Name: "http", Bind: bind, JSRef: &httpJS, LazyExports: true, LazyPrepared: httpLazy, GlueParts: true}

func bind(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	vEmpty := vm.ToValue("")
	modules.SetGluePart(vm, b, "node:http", &httpJS)
	b.Set("methods", methodsArray(vm))
	// http.maxHeaderSize and the parsers' default leniency: runtime.Options (SetSettings), then
	// --max-http-header-size and --insecure-http-parser among the runtime's Node options.
	st, _ := h.State(settingsKey{}, func() any { return Settings{} }).(Settings)
	maxHead := float64(16384)
	if st.MaxHeaderSize != 0 {
		maxHead = float64(st.MaxHeaderSize)
	}
	insecure := st.InsecureHTTPParser
	if v, ok := nodeFlag(h, "--max-http-header-size"); ok {
		maxHead = float64(ParseHeaderSizeFlag(v))
	}
	if _, ok := nodeFlag(h, "--insecure-http-parser"); ok {
		insecure = true
	}
	b.Set("maxHeaderSize", maxHead)
	b.Set("insecureHTTPParser", insecure)
	// The Go functions are made on first read (modules.LazyFuncs): http.js reads most of them
	// only when a server or a request is made.
	lz := modules.NewLazyFuncsSize(vm, 26) // 25 in December 2026
	// defineAccessor(obj, key, get, set, enumerable) is Object.defineProperty(obj, key, { get,
	// set, enumerable, configurable: true }) without the descriptor object: about ten
	// allocations fewer for each of the accessors http.js defines as it loads.
	lz.Set("defineAccessor", func(c goja.FunctionCall) goja.Value {
		enumerable := goja.FLAG_FALSE
		if c.Argument(4).ToBoolean() {
			enumerable = goja.FLAG_TRUE
		}
		err := c.Argument(0).ToObject(vm).DefineAccessorProperty(c.Argument(1).String(), c.Argument(2), c.Argument(3),
			goja.FLAG_TRUE, enumerable)
		if err != nil {
			panic(err)
		}
		return goja.Undefined()
	})
	// ownDataSetter(key) is a setter that gives this an own writable, enumerable, configurable
	// data property key (what an assignment makes when no accessor is in the way), with no
	// descriptor object: the accessor a prototype keeps for a field node has on each instance.
	lz.Set("ownDataSetter", func(c goja.FunctionCall) goja.Value {
		key := c.Argument(0).String()
		return modules.Func(vm, "set "+key, 1, func(c goja.FunctionCall) goja.Value {
			if err := c.This.ToObject(vm).DefineDataProperty(key, c.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
				panic(err)
			}
			return goja.Undefined()
		})
	})
	// defineHidden(obj, key, value) is Object.defineProperty(obj, key, { value, writable: true,
	// enumerable: false, configurable: true }) without the descriptor object.
	lz.Set("defineHidden", func(c goja.FunctionCall) goja.Value {
		if err := c.Argument(0).ToObject(vm).DefineDataProperty(c.Argument(1).String(), c.Argument(2), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			panic(err)
		}
		return goja.Undefined()
	})
	// setInspectView(proto, fn): util.inspect shows the objects inheriting from proto as fn
	// lays them out (modules.SetInspectView).
	lz.Set("setInspectView", func(c goja.FunctionCall) goja.Value {
		if p, ok := c.Argument(0).(*goja.Object); ok {
			modules.SetInspectView(h, p, c.Argument(1))
		}
		return goja.Undefined()
	})
	fs := bindFast(h, lz)
	// The head strings and the rawHeaders argument list are shared by all the parsers of this
	// runtime (made ready before any JS runs, so a nested parse cannot see them half done).
	sh := &parserShared{h: h, vm: vm, vEmpty: vEmpty, kc: &fs.kc, chains: &fs.chains}
	bindFastRequest(vm, lz, sh)
	// newParser(response, maxHeaderSize, onHeaders, onBody, onComplete, lenient, triggerId,
	// serverConn): the callbacks are the same functions for every connection of a server, so
	// their callables are kept. serverConn marks a server connection's parser (see HeadStart).
	lz.Set("setKeepAliveTick", func(c goja.FunctionCall) goja.Value {
		sh.kaTick, _ = goja.AssertFunction(c.Argument(0))
		return goja.Undefined()
	})
	lz.Set("newParser", func(c goja.FunctionCall) goja.Value {
		response := c.Argument(0).ToBoolean()
		p := &Parser{Response: response, MaxHeaderSize: headerSizeArg(c.Argument(1)),
			Lenient: c.Argument(5).ToBoolean()}
		if c.Argument(7).ToBoolean() {
			// (a server connection's parser: see Parser.HeadStart)
			p.HeadStart = time.Now().UnixMilli()
		}
		jp := &jsParser{p: p, h: h, sh: sh,
			onHeaders: sh.cbs[0].get(vm, c.Argument(2)), onBody: sh.cbs[1].get(vm, c.Argument(3)),
			onComplete: sh.cbs[2].get(vm, c.Argument(4))}
		o := vm.NewDynamicObject(jp)
		jp.obj = o
		// node's parser is an async resource its callbacks run in: HTTPINCOMINGMESSAGE for a
		// server's (triggered by its socket, whose id is the 7th argument), HTTPCLIENTREQUEST
		// for a client's
		typ, trigger := "HTTPINCOMINGMESSAGE", int64(-1)
		if response {
			typ = "HTTPCLIENTREQUEST"
		}
		if t := c.Argument(6); goja.IsNumber(t) {
			trigger = t.ToInteger()
		}
		jp.areq = h.Loop.NewAsyncResource(typ, trigger)
		p.OnHeaders, p.OnBody, p.OnComplete = jp.headers, jp.body, jp.complete
		if sh.proto == nil {
			sh.proto = parserProto(vm)
		}
		o.SetPrototype(sh.proto)
		return o
	})
	lz.Install(b)
	return nil
}

// Settings are the http defaults a runtime's embedder picks (runtime.Options); the runtime's
// Node options (--max-http-header-size, --insecure-http-parser) override them.
type Settings struct {
	// MaxHeaderSize is http.maxHeaderSize, the bound on a message head for the servers and
	// requests that set none (0: node's default, 16 KiB).
	MaxHeaderSize uint64
	// InsecureHTTPParser makes lenient the parsers of the servers and requests whose
	// insecureHTTPParser option is undefined (the first such parser emits node's warning).
	InsecureHTTPParser bool
}

type settingsKey struct{}

// SetSettings records s for h's runtime; it takes effect when http loads. Runtime use, before
// any JS runs.
func SetSettings(h *modules.Host, s Settings) {
	h.State(settingsKey{}, func() any { return s })
}

// nodeFlag is the value of the last --name option among h's Node options (NodeOptions, then
// ExecArgv): "--name=value", or "--name value" for the options that take one (the CLI has
// checked them); underscores in the name count as dashes.
func nodeFlag(h *modules.Host, name string) (val string, ok bool) {
	for _, list := range [][]string{h.NodeOptions, h.ExecArgv} {
		for i := 0; i < len(list); i++ {
			a := list[i]
			switch a {
			case "-e", "--eval", "-p", "--print", "-pe", "-r", "--require", "--import":
				i++ // their value is the next argument, whatever it looks like
				continue
			}
			if !strings.HasPrefix(a, "--") {
				continue
			}
			n, v, hasVal := strings.Cut(a, "=")
			if strings.ReplaceAll(n, "_", "-") != name {
				continue
			}
			if !hasVal && name == "--max-http-header-size" && i+1 < len(list) {
				i++
				v = list[i]
			}
			val, ok = v, true
		}
	}
	return val, ok
}

// ParseHeaderSizeFlag reads --max-http-header-size's value as node does (C's strtoull, base
// 10): leading spaces and a sign, then the digits up to the first other byte (none: 0); a
// negative value wraps around, and one past 2^64-1 is 2^64-1.
func ParseHeaderSizeFlag(s string) uint64 {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	var n uint64
	for i := 0; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		d := uint64(s[i] - '0')
		if n > (math.MaxUint64-d)/10 {
			return math.MaxUint64
		}
		n = n*10 + d
	}
	if neg {
		n = -n
	}
	return n
}

// headerSizeArg is newParser's maxHeaderSize argument as a Parser limit: 0 (which only
// --max-http-header-size=0 gives) lets no head through, and a size past what an int holds is
// no limit at all.
func headerSizeArg(v goja.Value) int {
	f := v.ToFloat()
	if f >= math.MaxInt {
		return math.MaxInt
	}
	if !(f > 0) {
		return -1
	}
	return int(f)
}

// methodValues are Methods as JS strings, made with the first runtime and shared by all: a short
// ASCII string value (goja's asciiString) is an immutable Go string, tied to no runtime.
var methodValues struct {
	once sync.Once
	v    []any
}

// methodsArray is a new array of Methods (http.METHODS): one array per runtime, its strings
// shared, with no conversion per element.
func methodsArray(vm *goja.Runtime) *goja.Object {
	methodValues.once.Do(func() {
		v := make([]any, len(Methods))
		for i, m := range Methods {
			v[i] = vm.ToValue(m)
		}
		methodValues.v = v
	})
	return vm.NewArray(methodValues.v...)
}

// parserShared is what the parsers of one runtime share: the head-string cache, the parser
// prototype and the last callbacks given to newParser.
type parserShared struct {
	headCache
	h      *modules.Host
	vm     *goja.Runtime
	vEmpty goja.Value
	proto  *goja.Object // the parser methods, built with the first parser
	cbs    [3]callableCache
	args   []goja.Value      // onHeaders' argument list (see headers)
	kaTick goja.Callable     // keepAliveTick(state, ms), what a parser's kaTimer runs
	fr     fastReqState      // the usual request's path in Go (fastreq.go)
	kc     *modules.KeyCache // the runtime's (fastState.kc)
	chains *chainReads       // the runtime's (fastState.chains)
	// head is the Head the parsers fill (Parser.HeadBuf) while one of them executes (headBusy);
	// a parse nested in JS run by another one allocates its own.
	head     Head
	headBusy bool
}

// execute is p.Execute(data) with the runtime's Head lent to the parser when it is free
// (headers keeps no *Head past its call).
func (jp *jsParser) execute(data []byte) int {
	sh, p := jp.sh, jp.p
	if sh.headBusy {
		return p.Execute(data)
	}
	sh.headBusy = true
	p.HeadBuf = &sh.head
	defer func() { p.HeadBuf, sh.headBusy = nil, false }() // (JS's exceptions unwind as panics)
	return p.Execute(data)
}

// executeConsumed is execute for bytes read from the socket's handle: the parser is consumed,
// as in ConsumeRead.
func (jp *jsParser) executeConsumed(data []byte) int {
	jp.inConsume, jp.jobsMark = true, jp.h.Loop.JobsMark()
	defer func() { jp.inConsume = false }()
	return jp.execute(data)
}

// callableCache is an eventloop.CallableMemo whose get refuses what is not a function.
type callableCache struct{ eventloop.CallableMemo }

func (c *callableCache) get(vm *goja.Runtime, v goja.Value) goja.Callable {
	fn, ok := c.Of(v)
	if !ok {
		panic(vm.NewTypeError("parser callback is not a function"))
	}
	return fn
}

// headers is the parser's OnHeaders. It returns what the JS onHeaders does, except that 3
// (onHeaders has already run the completion of a bodiless request, flag 4, saving the second
// call into JS) becomes 0 with the parser's OnComplete skipped.
func (jp *jsParser) headers(hd *Head) int {
	jp.h.Loop.EnterAsyncReq(jp.areq)
	defer jp.h.Loop.LeaveAsyncReq(jp.areq)
	sh, vm, response := jp.sh, jp.sh.vm, jp.p.Response
	raw := sh.rawScratch[:0]
	for i, s := range hd.Raw {
		raw = append(raw, sh.str(vm, i, s))
	}
	var method, url goja.Value = goja.Null(), goja.Null()
	if !response {
		method, url = sh.str(vm, -1, hd.Method), sh.str(vm, -2, hd.URL)
	}
	// flags: 1 a Host header, 2 an Expect header (what the server checks per request),
	// 4 a request without a body, 8 see below.
	jp.completed = false
	flags := 0
	if !response && !hd.Chunked && !hd.bodyToEOF && !hd.badTE && hd.ContentLength <= 0 {
		flags |= 4
	}
	for i := 0; i < len(hd.Raw); i += 2 {
		switch n := hd.Raw[i]; len(n) {
		case 4:
			if eqFold(n, "host") {
				flags |= 1
			}
		case 6:
			if eqFold(n, "expect") {
				flags |= 2
			}
		}
	}
	// 8: the usual request (HTTP/1.1, keep-alive, no body, no Expect, no upgrade, not HEAD),
	// which the server answers on its short path.
	if flags&6 == 4 && hd.Major == 1 && hd.Minor == 1 && hd.KeepAlive && !hd.Upgrade && hd.Method != "HEAD" {
		flags |= 8
	}
	rawArr := vm.NewArray(raw...)
	clear(raw)
	sh.rawScratch = raw
	statusMessage := sh.vEmpty
	if hd.StatusMessage != "" {
		statusMessage = vm.ToValue(hd.StatusMessage)
	}
	if now := time.Now().UnixMilli(); now != sh.nowMs || sh.nowV == nil {
		sh.nowMs, sh.nowV = now, vm.ToValue(now)
	}
	if flags&8 != 0 && sh.fr.ready && !sh.fr.observed && jp.state != nil {
		if ret, ok := jp.fastRequest(rawArr, len(hd.Raw), method, url, sh.nowV, flags); ok {
			if ret == 3 {
				jp.completed = true
				return 0
			}
			return ret
		}
	}
	// (The argument list is the runtime's scratch: a call copies its arguments onto goja's
	// stack before running anything, so a nested parse may reuse it.)
	args := append(sh.args[:0], vm.ToValue(hd.Major), vm.ToValue(hd.Minor), rawArr, method, url,
		vm.ToValue(hd.Status), statusMessage, vm.ToValue(hd.Upgrade), vm.ToValue(hd.KeepAlive),
		vm.ToValue(flags), sh.nowV)
	sh.args = args
	r, err := jp.onHeaders(jp.obj, args...)
	clear(args)
	if err != nil {
		panic(err)
	}
	ret := int(r.ToInteger())
	if ret == 3 {
		jp.completed = true
		return 0
	}
	return ret
}

// body is the parser's OnBody.
func (jp *jsParser) body(data []byte) {
	jp.h.Loop.EnterAsyncReq(jp.areq)
	defer jp.h.Loop.LeaveAsyncReq(jp.areq)
	c := make([]byte, len(data))
	copy(c, data)
	if _, err := jp.onBody(jp.obj, buffer.New(jp.h, c)); err != nil {
		panic(err)
	}
	if jp.inConsume {
		// Node calls a consumed parser's body callback as a callback of its own (MakeCallback
		// from the handle's read, unlike its head and message-complete callbacks): the nextTick
		// queue and the promise jobs are drained before parsing goes on, so a response ended in
		// them has finished (and left the socket) before the next pipelined request, or a parse
		// error, is seen, and an async handler has gone on past its first await.
		if err := jp.h.Loop.RunCallbackQueues(jp.jobsMark); err != nil {
			panic(err)
		}
	}
}

// complete is the parser's OnComplete.
func (jp *jsParser) complete() {
	if jp.completed {
		jp.completed = false
		return
	}
	jp.h.Loop.EnterAsyncReq(jp.areq)
	defer jp.h.Loop.LeaveAsyncReq(jp.areq)
	var tr goja.Value = goja.Undefined()
	if tl := jp.p.Trailers; len(tl) > 0 {
		t := make([]any, len(tl))
		for i, s := range tl {
			t[i] = s
		}
		tr = jp.sh.vm.NewArray(t...)
	}
	if _, err := jp.onComplete(jp.obj, tr); err != nil {
		panic(err)
	}
}

// jsParser is a parser object (a goja dynamic object, so a connection's parser costs one small
// Go struct, not a property map and a wrapper): the parser and whether its onHeaders call
// already completed a bodiless request, and the properties JS gives it.
type jsParser struct {
	p         *Parser
	completed bool
	inConsume bool               // in ConsumeRead (parsing a read of the socket in Go)
	jobsMark  int                // the promise jobs queued when ConsumeRead began (Loop.JobsMark)
	areq      eventloop.AsyncReq // its async resource (HTTPINCOMINGMESSAGE, HTTPCLIENTREQUEST)

	h   *modules.Host
	obj *goja.Object
	sh  *parserShared
	// the JS callbacks given to newParser
	onHeaders, onBody, onComplete goja.Callable
	// For a parser fed by its socket in Go (net's consume): after(buf, ret) is the JS side of a
	// read that failed to parse or upgraded the connection, dataAt when bytes last came (Unix ms).
	after  goja.Callable
	dataAt int64

	// kaTimer is a server connection's keep-alive check (armKeepAlive): a loop timer kept in
	// the parser, not a JS Timeout (a Timeout object, its Go timer and its argument list are
	// about 0.4 KB per idle connection); kaMs is the keepAliveTimeout it checks.
	kaTimer eventloop.Timer
	kaMs    goja.Value

	// state is the server's connection state (parser.state), maxPairs how many entries of a
	// head's lines JS keeps (parser.maxHeaderPairs: maxHeadersCount * 2, set when the connection
	// or request got the parser; unset for node's default), props any other property.
	state    goja.Value
	maxPairs goja.Value
	props    map[string]goja.Value
	keys     []string // props' keys in insertion order
}

// Get, Set, Has, Delete and Keys make jsParser a goja.DynamicObject: "state" and
// "maxHeaderPairs" have fields of their own, other properties live in props (the methods are on
// the prototype).
func (jp *jsParser) Get(key string) goja.Value {
	if f := jp.field(key); f != nil {
		return *f
	}
	return jp.props[key]
}

// field is the field of its own that holds the property key, or nil.
func (jp *jsParser) field(key string) *goja.Value {
	switch key {
	case "state":
		return &jp.state
	case "maxHeaderPairs":
		return &jp.maxPairs
	}
	return nil
}

func (jp *jsParser) Set(key string, v goja.Value) bool {
	if f := jp.field(key); f != nil {
		if *f == nil {
			jp.keys = append(jp.keys, key)
		}
		*f = v
		return true
	}
	if jp.props == nil {
		jp.props = make(map[string]goja.Value)
	}
	if _, ok := jp.props[key]; !ok {
		jp.keys = append(jp.keys, key)
	}
	jp.props[key] = v
	return true
}

func (jp *jsParser) Has(key string) bool {
	if f := jp.field(key); f != nil {
		return *f != nil
	}
	_, ok := jp.props[key]
	return ok
}

func (jp *jsParser) Delete(key string) bool {
	if !jp.Has(key) {
		return true
	}
	if f := jp.field(key); f != nil {
		*f = nil
	} else {
		delete(jp.props, key)
	}
	for i, k := range jp.keys {
		if k == key {
			jp.keys = append(jp.keys[:i], jp.keys[i+1:]...)
			break
		}
	}
	return true
}

func (jp *jsParser) Keys() []string { return append([]string(nil), jp.keys...) }

// headCache keeps the JS strings of the last head parsed (by index in Raw; -1 the method, -2
// the URL): keep-alive connections, and the connections of one client, mostly repeat them, and
// the parser then hands over the very same Go strings. rawScratch is the argument list for the
// rawHeaders array; nowV is nowMs as a JS value. One per runtime (in parserShared).
type headCache struct {
	strs       []cachedStr // slot i+2
	rawScratch []any
	nowMs      int64
	nowV       goja.Value
}

type cachedStr struct {
	s string
	v goja.Value
}

// str returns s as a JS string, the one made for slot i of the previous head when s is the
// same. Loop only.
func (c *headCache) str(vm *goja.Runtime, i int, s string) goja.Value {
	k := i + 2
	if k < len(c.strs) && c.strs[k].v != nil && c.strs[k].s == s {
		return c.strs[k].v
	}
	v := vm.ToValue(s)
	if k < 66 && len(s) <= 256 {
		for len(c.strs) <= k {
			c.strs = append(c.strs, cachedStr{})
		}
		c.strs[k] = cachedStr{s, v}
	}
	return v
}

// ConsumeRead parses bytes read from the socket in Go (net calls it: the handle's consume),
// without a Buffer or a JS call per read; a read that ends in a parse error or an upgrade is
// handed to JS's after(buf, ret) with a copy of the bytes, as parser.execute(buf) returns ret.
func (jp *jsParser) ConsumeRead(data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			switch e := r.(type) {
			case *goja.Exception:
				err = e
			case *goja.InterruptedError:
				err = e
			default:
				panic(r)
			}
		}
	}()
	jp.dataAt = time.Now().UnixMilli()
	p := jp.p
	jp.inConsume, jp.jobsMark = true, jp.h.Loop.JobsMark()
	defer func() { jp.inConsume = false }()
	n := jp.execute(data)
	if (p.Err == nil && !p.Upgraded) || jp.after == nil {
		return nil
	}
	var ret goja.Value
	if p.Err != nil {
		ret = parseErrObj(jp.h.VM, p.Err)
	} else {
		ret = jp.h.VM.ToValue(n)
	}
	c := make([]byte, len(data))
	copy(c, data)
	_, err = jp.after(jp.obj, buffer.New(jp.h, c), ret)
	return err
}

func parseErrObj(vm *goja.Runtime, e *ParseError) goja.Value {
	r := vm.NewObject()
	r.Set("code", e.Code)
	r.Set("reason", e.Reason)
	r.Set("bytesParsed", e.Bytes)
	return r
}

// parserProto holds the methods of parser objects, shared (a connection should not carry a
// function object per method); each parser object is its jsParser (Export).
func parserProto(vm *goja.Runtime) *goja.Object {
	proto := vm.NewObject()
	of := func(this goja.Value) *jsParser {
		if o, ok := this.(*goja.Object); ok {
			if jp, ok := modules.ExportAs[*jsParser](o); ok {
				return jp
			}
		}
		panic(vm.NewTypeError("Illegal invocation"))
	}
	errObj := func(e *ParseError) goja.Value { return parseErrObj(vm, e) }
	proto.Set("execute", func(c goja.FunctionCall) goja.Value {
		jp := of(c.This)
		p := jp.p
		var n int
		if c.Argument(1).ToBoolean() && !jp.inConsume {
			// execute(buf, true): bytes read from the socket's handle (onreadConsumed), parsed as
			// ConsumeRead parses them (the body callbacks drain the ticks and promise jobs)
			n = jp.executeConsumed(buffer.BytesOf(vm, c.Argument(0)))
		} else {
			n = jp.execute(buffer.BytesOf(vm, c.Argument(0)))
		}
		if p.Err != nil {
			return errObj(p.Err)
		}
		return vm.ToValue(n)
	})
	proto.Set("finish", func(c goja.FunctionCall) goja.Value {
		p := of(c.This).p
		p.Finish()
		if p.Err != nil {
			return errObj(p.Err)
		}
		return goja.Undefined()
	})
	// headStart(reset) is the parser's HeadStart; reset clears it.
	proto.Set("headStart", func(c goja.FunctionCall) goja.Value {
		p := of(c.This).p
		v := p.HeadStart
		if c.Argument(0).ToBoolean() {
			p.HeadStart = 0
		}
		return vm.ToValue(v)
	})
	// consumed(after) prepares the parser to be fed in Go (see ConsumeRead).
	proto.Set("consumed", func(c goja.FunctionCall) goja.Value {
		jp := of(c.This)
		jp.after, _ = goja.AssertFunction(c.Argument(0))
		return goja.Undefined()
	})
	// dataAt is when a consumed read last brought bytes (Unix ms, 0: never).
	proto.Set("dataAt", func(c goja.FunctionCall) goja.Value { return vm.ToValue(of(c.This).dataAt) })
	// armKeepAlive(delay, ms) schedules keepAliveTick(parser.state, ms) after delay milliseconds
	// (1 to 2^31-1, as setTimeout would take them), unreferenced, as
	// setTimeout(keepAliveTick, delay, state, ms).unref() would; stopKeepAlive() cancels it.
	proto.Set("armKeepAlive", func(c goja.FunctionCall) goja.Value {
		jp := of(c.This)
		d := c.Argument(0).ToFloat()
		if !(d >= 1 && d <= 2147483647) {
			d = 1
		}
		jp.kaMs = c.Argument(1)
		jp.h.Loop.InitTimer(&jp.kaTimer, time.Duration(math.Trunc(d))*time.Millisecond, false, (*kaRunner)(jp))
		jp.kaTimer.Unref()
		return goja.Undefined()
	})
	proto.Set("stopKeepAlive", func(c goja.FunctionCall) goja.Value {
		of(c.This).kaTimer.Stop()
		return goja.Undefined()
	})
	proto.Set("upgraded", func(c goja.FunctionCall) goja.Value { return vm.ToValue(of(c.This).p.Upgraded) })
	proto.Set("setMethod", func(c goja.FunctionCall) goja.Value {
		of(c.This).p.SetRequestMethod(c.Argument(0).String())
		return goja.Undefined()
	})
	proto.Set("reset", func(c goja.FunctionCall) goja.Value {
		jp := of(c.This)
		p := jp.p
		jp.completed = false
		*p = Parser{Response: p.Response, MaxHeaderSize: p.MaxHeaderSize, Lenient: p.Lenient, OnHeaders: p.OnHeaders, OnBody: p.OnBody, OnComplete: p.OnComplete}
		return goja.Undefined()
	})
	// (node's parsers are HTTPParser objects: the constructor a program sees)
	ctor := vm.ToValue(func(goja.ConstructorCall) *goja.Object {
		panic(vm.NewTypeError("Illegal constructor"))
	}).(*goja.Object)
	_ = ctor.DefineDataProperty("name", vm.ToValue("HTTPParser"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	_ = proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	return proto
}

// kaRunner is a jsParser as its kaTimer's eventloop.Runner.
type kaRunner jsParser

func (r *kaRunner) Run() error {
	jp := (*jsParser)(r)
	if jp.sh.kaTick == nil || jp.state == nil {
		return nil
	}
	_, err := jp.sh.kaTick(goja.Undefined(), jp.state, jp.kaMs)
	return err
}
