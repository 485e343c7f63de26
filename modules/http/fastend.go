package http

import (
	"strconv"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/buffer"
)

// Names of the headers whose presence changes what OutgoingMessage._storeHeader adds: fastEnd
// leaves responses carrying any of them to the JS path.
var specialHeaders = modules.Lazy[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"connection": true, "transfer-encoding": true, "content-length": true, "date": true,
		"expect": true, "trailer": true, "keep-alive": true,
	}
}}

// bindFastEnd adds fastEnd(res, fd, body, outHeaders): the whole of res.end(body) for a
// server response whose head has not been built, in one call. It renders the head exactly as
// writeHead + _storeHeader would (status line, the set headers in order, Date, Connection,
// Keep-Alive, Content-Length), records on res what they record (statusMessage, _header,
// _headerSent, finished, _hasBody), and writes head and body to fd. It returns undefined,
// having changed nothing, when the response needs the JS path (an unusual status or message,
// a header that changes framing, a non-keep-alive connection, ...); otherwise what
// writeDirect returns, with onFinish(res) queued as the next tick when all was written.
func bindFastEnd(h *modules.Host, b *modules.LazyFuncs, fs *fastState) {
	// (setStatusCodes and setOnFinish take a goja.FunctionCall: other Go signatures are called
	// through reflection, about ten allocations per call and per runtime.)
	b.Set("setStatusCodes", func(c goja.FunctionCall) goja.Value {
		fs.statusCodes, _ = c.Argument(0).(*goja.Object)
		return goja.Undefined()
	})
	// onFinish (setOnFinish) is queued with process.nextTick's queue for a response fastEnd
	// wrote whole, as a completed write's callback runs: one call from JS fewer per request.
	b.Set("setOnFinish", func(c goja.FunctionCall) goja.Value {
		fs.onFinish, _ = goja.AssertFunction(c.Argument(0))
		return goja.Undefined()
	})
	bindFinish(h, b, fs)
	// (The names are read through the runtime's KeyCache (modules.GetKey with a memo): the key
	// made once, not converted per read.)
	get := func(o *goja.Object, k modules.Key) goja.Value {
		v := fs.kc.Get(o, k)
		if v == nil {
			return goja.Undefined()
		}
		return v
	}
	isTrue := func(o *goja.Object, k modules.Key) bool { return get(o, k).ToBoolean() }
	fastEnd := newFastEnd(h, fs, get, isTrue)
	b.Set("fastEnd", func(c goja.FunctionCall) goja.Value {
		res, ok := c.Argument(0).(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		return fastEnd(res, int(c.Argument(1).ToInteger()), c.Argument(2), c.Argument(3))
	})
	bindEndFast(h, b, fs, fastEnd)
}

// fastEndFunc is fastEnd(res, fd, body, outHeaders) (see bindFastEnd).
type fastEndFunc func(res *goja.Object, fd int, body, outHeaders goja.Value) goja.Value

// The response fields fastEnd reads (package variables: a Key made per runtime would take a
// new KeyCache slot per runtime).
var (
	kStatusCode        = modules.NewKey("statusCode")
	kShouldKeepAlive   = modules.NewKey("shouldKeepAlive")
	kChunkedByDefault  = modules.NewKey("useChunkedEncodingByDefault")
	kMaxReached        = modules.NewKey("maxRequestsOnConnectionReached")
	kRemovedConnection = modules.NewKey("_removedConnection")
	kRemovedContLen    = modules.NewKey("_removedContLen")
	kRemovedTE         = modules.NewKey("_removedTE")
	kExpectContinue    = modules.NewKey("_expect_continue")
	kTrailer           = modules.NewKey("_trailer")
	kStatusMessage     = modules.NewKey("statusMessage")
	kSendDate          = modules.NewKey("sendDate")
	kKeepAliveTimeout  = modules.NewKey("_keepAliveTimeout")
	kDefaultKeepAlive  = modules.NewKey("_defaultKeepAlive")
	kHasBody           = modules.NewKey("_hasBody")
	kHeaderSent        = modules.NewKey("_headerSent")
	kMaxPerSocket      = modules.NewKey("_maxRequestsPerSocket")
)

func newFastEnd(h *modules.Host, fs *fastState, get func(*goja.Object, modules.Key) goja.Value,
	isTrue func(*goja.Object, modules.Key) bool) fastEndFunc {
	vm := h.VM
	vTrue := vm.ToValue(true)
	return func(res *goja.Object, fd int, body, outHeaders goja.Value) goja.Value {

		// The defaults below are read from res's prototype when res owns none of them (one
		// scan of its names instead of one per read), while no read runs JS.
		d := modules.ReadBase(res, isResDefault)
		getD := func(k modules.Key) goja.Value {
			if d != res {
				if v, ok := fs.kc.Peek(d, k); ok {
					if v == nil {
						return goja.Undefined()
					}
					return v
				}
				d = res
			}
			return get(res, k)
		}
		isTrueD := func(k modules.Key) bool { return getD(k).ToBoolean() }
		sc := getD(kStatusCode)
		if _, isNum := modules.ExportAs[int64](sc); !isNum {
			return goja.Undefined()
		}
		code := int(sc.ToInteger())
		if code < 100 || code > 999 {
			return goja.Undefined()
		}
		if !isTrueD(kShouldKeepAlive) || !isTrueD(kChunkedByDefault) ||
			isTrueD(kMaxReached) || isTrueD(kRemovedConnection) ||
			isTrueD(kRemovedContLen) || isTrueD(kRemovedTE) || isTrueD(kExpectContinue) ||
			getD(kTrailer).String() != "" {
			// (res.agent matters to _storeHeader only without useChunkedEncodingByDefault.)
			return goja.Undefined()
		}
		var msg string
		var msgV goja.Value // the JS string of msg when it comes from STATUS_CODES
		setMsg := false
		mv := get(res, kStatusMessage)
		if !mv.ToBoolean() {
			setMsg = true
			msg = "unknown"
			if fs.statusCodes != nil {
				if m := fs.statusCodes.Get(fs.codeKey(code)); m != nil && m.ToBoolean() {
					if !goja.IsString(m) {
						return goja.Undefined()
					}
					msg, msgV = m.String(), m
				}
			}
		} else if goja.IsString(mv) {
			msg = mv.String()
		} else {
			return goja.Undefined()
		}
		if badHeaderChar(msg) {
			return goja.Undefined()
		}

		hd := fs.hd[:0]
		hd = append(hd, "HTTP/1.1 "...)
		hd = strconv.AppendInt(hd, int64(code), 10)
		hd = append(hd, ' ')
		hd = append(hd, msg...)
		hd = append(hd, "\r\n"...)
		if ho, ok := outHeaders.(*goja.Object); ok {
			// The store (outheaders.go) is walked in its keys' order, without reading it
			// through JS. (Reading an entry runs no JS: it is an array setHeader made.)
			st, ok := modules.DynamicOf(ho).(*headerStore) // (Export allocates)
			if !ok || st.index {
				return goja.Undefined()
			}
			for i := 0; i < len(st.keys); i++ {
				if specialHeaders.Get()[st.keys[i]] {
					return goja.Undefined()
				}
				entry, ok := st.vals[i].(*goja.Object)
				if !ok {
					return goja.Undefined()
				}
				name, value := entry.Get("0"), entry.Get("1")
				if name == nil || value == nil || !goja.IsString(name) {
					return goja.Undefined()
				}
				if !goja.IsString(value) {
					if _, isNum := modules.ExportAs[int64](value); !isNum {
						if _, isF := modules.ExportAs[float64](value); !isF {
							return goja.Undefined()
						}
					}
				}
				hd = append(hd, name.String()...)
				hd = append(hd, ": "...)
				hd = append(hd, value.String()...)
				hd = append(hd, "\r\n"...)
			}
		} else if !goja.IsNull(outHeaders) && !goja.IsUndefined(outHeaders) {
			return goja.Undefined()
		}
		d = modules.ReadBase(res, isResDefault) // (STATUS_CODES and the header entries were read)
		if isTrueD(kSendDate) {
			hd = append(hd, "Date: "...)
			hd = append(hd, fs.utcDate()...)
			hd = append(hd, "\r\n"...)
		}
		hd = append(hd, "Connection: keep-alive\r\n"...)
		if ka := getD(kKeepAliveTimeout).ToFloat(); ka != 0 && ka == ka && isTrueD(kDefaultKeepAlive) {
			if isTrueD(kMaxPerSocket) {
				return goja.Undefined() // (_storeHeader adds ", max=N")
			}
			hd = append(hd, "Keep-Alive: timeout="...)
			hd = strconv.AppendInt(hd, int64(ka/1000), 10)
			hd = append(hd, "\r\n"...)
		}
		hasBody := isTrueD(kHasBody)
		if code == 204 || code == 304 || code < 200 {
			if hasBody {
				res.Set("_hasBody", false)
			}
			hasBody = false
		}
		isString := goja.IsString(body)
		var bodyBytes []byte
		var bodyStr string
		if isString {
			bodyStr = body.String()
		} else {
			bodyBytes = buffer.BytesOf(vm, body)
		}
		if !hasBody {
			// end() sets _contentLength to the body's length; ServerResponse.prototype's getter
			// reads it from the head's Content-Length, which this head has not.
			n := len(bodyStr)
			if !isString {
				n = len(bodyBytes)
			}
			if err := res.DefineDataProperty("_contentLength", vm.ToValue(n), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
				panic(err)
			}
		}
		if hasBody {
			hd = append(hd, "Content-Length: "...)
			if isString {
				hd = strconv.AppendInt(hd, int64(len(bodyStr)), 10)
			} else {
				hd = strconv.AppendInt(hd, int64(len(bodyBytes)), 10)
			}
			hd = append(hd, "\r\n"...)
		}
		hd = append(hd, "\r\n"...)
		if cap(hd) <= 16*1024 {
			fs.hd = hd
		}
		// Responses on a server mostly repeat their head within a second (the Date changes
		// per second): the last head's Go string and JS value are reused when the bytes match,
		// which saves the string, its JS value and their collection per response.
		var head string
		var headV goja.Value
		if fs.headV != nil && string(hd) == fs.head {
			head, headV = fs.head, fs.headV
		} else {
			head = string(hd)
			headV = vm.ToValue(head)
			if len(head) <= 4096 {
				fs.head, fs.headV = head, headV
			}
		}

		if setMsg {
			if msgV == nil {
				msgV = vm.ToValue(msg)
			}
			modules.SetKey(res, kStatusMessage, msgV)
		}
		modules.SetKey(res, ekHeader, headV)
		modules.SetKey(res, kHeaderSent, vTrue)
		modules.SetKey(res, ekFinished, vTrue)

		out := fs.buf[:0]
		switch {
		case isString:
			out = append(out, head...)
			if hasBody {
				out = append(out, bodyStr...)
			}
		default:
			out = appendLatin1(out, head)
			if hasBody {
				out = append(out, bodyBytes...)
			}
		}
		if cap(out) <= 64*1024 {
			fs.buf = out
		}
		r, whole := fs.writeFD(fd, out)
		if whole && fs.onFinish != nil {
			fs.queueFinish(res)
		}
		return r
	}
}

// isResDefault reports the names of a response's defaults that fastEnd and endFast read (on
// ServerResponse.prototype; a response literal owns none of them).
func isResDefault(n unistring.String) bool {
	switch n {
	case "statusCode", "shouldKeepAlive", "useChunkedEncodingByDefault", "maxRequestsOnConnectionReached",
		"_removedConnection", "_removedContLen", "_removedTE", "_expect_continue", "_trailer", "sendDate",
		"_keepAliveTimeout", "_defaultKeepAlive", "_maxRequestsPerSocket", "_hasBody",
		"outputData", "strictContentLength", "_finish", "_events", "writeHead", "_implicitHeader":
		return true
	}
	return false
}

// codeKey is strconv.Itoa(code), kept for the usual codes (Itoa allocates above 99).
func (fs *fastState) codeKey(code int) string {
	if code < 100 || code > 599 {
		return strconv.Itoa(code)
	}
	if fs.codeKeys == nil {
		fs.codeKeys = make([]string, 500)
	}
	k := fs.codeKeys[code-100]
	if k == "" {
		k = strconv.Itoa(code)
		fs.codeKeys[code-100] = k
	}
	return k
}

// utcDate is the Date header value, as new Date().toUTCString() gives it, cached per second.
func (fs *fastState) utcDate() string {
	now := time.Now()
	if s := now.Unix(); s != fs.dateSec || fs.date == "" {
		fs.dateSec = s
		fs.date = now.UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT")
	}
	return fs.date
}
