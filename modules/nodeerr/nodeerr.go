// Package nodeerr provides the internal modules "internal/errors" and "internal/validators"
// that every built-in's glue uses to throw Node's errors with Node's codes and messages
// (https://nodejs.org/api/errors.html#nodejs-error-codes).
package nodeerr

import (
	"strings"

	_ "embed"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

//go:embed errors.js
var errorsJS string

//go:embed validators.js
var validatorsJS string

// Errors is the "internal/errors" module.
var Errors = modules.Module{Name: "internal/errors", Internal: true, Bind: bindErrors, JSRef: &errorsJS}

// Validators is the "internal/validators" module.
var Validators = modules.Module{Name: "internal/validators", Internal: true, JSRef: &validatorsJS}

func bindErrors(h *modules.Host, b *goja.Object) error {
	vm := h.VM
	b.Set("invalidArgTypeMessage", func(name string, expected goja.Value, actual goja.Value) string {
		var list []string
		if o, ok := expected.(*goja.Object); ok && o.ClassName() == "Array" {
			_ = vm.ExportTo(o, &list)
		} else {
			list = []string{expected.String()}
		}
		return modules.InvalidArgTypeMessage(name, list, actual)
	})
	b.Set("lazyCodes", func(define goja.Callable) *goja.Object {
		return vm.NewDynamicObject(&lazyCodes{vm: vm, define: define, vals: map[string]goja.Value{}})
	})
	b.Set("kIsNodeError", modules.SymIsNodeError)
	// toNodeError(err, Base, code) gives err the prototype of code's errors and returns it;
	// toNodeError(null, Base, code) returns that prototype (modules.Host.NodeErrorProto)
	b.Set("toNodeError", func(call goja.FunctionCall) goja.Value {
		base, ok := call.Argument(1).(*goja.Object)
		if !ok {
			return call.Argument(0)
		}
		code := call.Argument(2).String()
		if err, ok := call.Argument(0).(*goja.Object); ok {
			h.ToNodeError(err, base, code)
			return err
		}
		return h.NodeErrorProto(base, code)
	})
	// setCodeAndMessage(err, code, message): modules.SetCodeAndMessage
	b.Set("setCodeAndMessage", func(err *goja.Object, code string, message goja.Value) {
		if err != nil {
			msg := ""
			if message != nil && !goja.IsUndefined(message) {
				msg = message.String()
			}
			modules.SetCodeAndMessage(vm, err, code, msg)
		}
	})
	// hideableCode(code): modules.HideableCode; hiddenProto(Base, code): Host.HiddenErrorProto
	b.Set("hideableCode", modules.HideableCode)
	b.Set("hiddenProto", func(base *goja.Object, code string) *goja.Object {
		return h.HiddenErrorProto(base, code)
	})
	// setArrowMessage(err, arrow): Host.SetArrowMessage (node's internal/errors export)
	b.Set("setArrowMessage", func(err goja.Value, arrow string) {
		if o, ok := err.(*goja.Object); ok && h.SetArrowMessage != nil {
			h.SetArrowMessage(o, arrow)
		}
	})
	// putArrowMessage(err, arrow): Host.PutArrowMessage; arrowMessage(err): Host.ArrowMessage's
	// excerpt, or undefined
	b.Set("putArrowMessage", func(err goja.Value, arrow string) {
		if o, ok := err.(*goja.Object); ok && h.PutArrowMessage != nil {
			h.PutArrowMessage(o, arrow)
		}
	})
	b.Set("arrowMessage", func(err goja.Value) goja.Value {
		if o, ok := err.(*goja.Object); ok && h.ArrowMessage != nil {
			if a, ok := h.ArrowMessage(o); ok {
				return vm.ToValue(a)
			}
		}
		return goja.Undefined()
	})
	// settle(err, Base, code), once err's code and message are set: Host.SettleNodeError
	b.Set("settle", func(err, base *goja.Object, code string) {
		if err != nil && base != nil {
			h.SettleNodeError(err, base, code)
		}
	})
	b.Set("userPrepareStackTrace", h.UserPrepareStackTrace)
	b.Set("formStackOnRead", func(err goja.Value, form goja.Callable) bool {
		o, ok := err.(*goja.Object)
		return ok && form != nil && h.FormStackOnRead != nil && h.FormStackOnRead(o, form)
	})
	b.Set("describeReceived", func(v goja.Value) string { return modules.DescribeReceived(v) })
	b.Set("inspectPrimitive", func(v goja.Value) string { return modules.InspectPrimitive(v) })
	b.Set("errnoName", func(errno int) string {
		if errno < 0 {
			errno = -errno
		}
		code, _ := modules.ErrnoCode(syscallErrno(errno))
		return code
	})
	b.Set("systemErrorMessage", func(errno int, syscall, path, dest string) string {
		if errno < 0 {
			errno = -errno
		}
		e := &modules.SystemError{Errno: syscallErrno(errno), Syscall: syscall, Path: path, Dest: dest}
		return e.Message()
	})
	return nil
}

// lazyCodes is the `codes` object of internal/errors: a code's constructor is made by the glue's
// define function the first time the code is looked up, then kept.
type lazyCodes struct {
	vm       *goja.Runtime
	define   goja.Callable
	vals     map[string]goja.Value
	order    []string
	defining map[string]bool
	deleted  map[string]bool // (codes deleted from the object: not defined again by Keys)
}

func (c *lazyCodes) Get(key string) goja.Value {
	if v, ok := c.vals[key]; ok {
		return v
	}
	// Assigning codes[key] inside define looks the key up again: answer "absent" then.
	if !strings.HasPrefix(key, "ERR_") || c.defining[key] || c.deleted[key] {
		return nil
	}
	if c.defining == nil {
		c.defining = map[string]bool{}
	}
	c.defining[key] = true
	defer delete(c.defining, key)
	if _, err := c.define(goja.Undefined(), c.vm.ToValue(key)); err != nil {
		panic(err)
	}
	return c.vals[key]
}

func (c *lazyCodes) Set(key string, val goja.Value) bool {
	delete(c.deleted, key)
	if _, ok := c.vals[key]; !ok {
		c.order = append(c.order, key)
	}
	c.vals[key] = val
	return true
}

func (c *lazyCodes) Has(key string) bool { return c.Get(key) != nil }

func (c *lazyCodes) Delete(key string) bool {
	if c.deleted == nil {
		c.deleted = map[string]bool{}
	}
	c.deleted[key] = true
	if _, ok := c.vals[key]; ok {
		delete(c.vals, key)
		for i, k := range c.order {
			if k == key {
				c.order = append(c.order[:i:i], c.order[i+1:]...)
				break
			}
		}
	}
	return true
}

// Keys lists the codes as node's codes object has them: node's, in node's order (each defined
// on the way, unless deleted), then the others defined so far.
func (c *lazyCodes) Keys() []string {
	names := strings.Fields(nodeCodeOrder)
	keys := make([]string, 0, len(names)+len(c.order))
	known := make(map[string]bool, len(names))
	for _, name := range names {
		known[name] = true
		if !c.deleted[name] && c.Get(name) != nil {
			keys = append(keys, name)
		}
	}
	for _, k := range c.order {
		if !known[k] {
			keys = append(keys, k)
		}
	}
	return keys
}

// nodeCodeOrder is node 20.20's codes in the order its internal/errors defines them (the keys
// of its codes object).
const nodeCodeOrder = "" +
	"ERR_ACCESS_DENIED ERR_AMBIGUOUS_ARGUMENT ERR_ARG_NOT_ITERABLE ERR_ASSERTION " +
	"ERR_ASYNC_CALLBACK ERR_ASYNC_TYPE ERR_BROTLI_INVALID_PARAM ERR_BUFFER_OUT_OF_BOUNDS " +
	"ERR_BUFFER_TOO_LARGE ERR_CANNOT_WATCH_SIGINT ERR_CHILD_CLOSED_BEFORE_REPLY " +
	"ERR_CHILD_PROCESS_IPC_REQUIRED ERR_CHILD_PROCESS_STDIO_MAXBUFFER " +
	"ERR_CONSOLE_WRITABLE_STREAM ERR_CONTEXT_NOT_INITIALIZED " +
	"ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED ERR_CRYPTO_ECDH_INVALID_FORMAT " +
	"ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY ERR_CRYPTO_ENGINE_UNKNOWN ERR_CRYPTO_FIPS_FORCED " +
	"ERR_CRYPTO_FIPS_UNAVAILABLE ERR_CRYPTO_HASH_FINALIZED ERR_CRYPTO_HASH_UPDATE_FAILED " +
	"ERR_CRYPTO_INCOMPATIBLE_KEY ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS ERR_CRYPTO_INVALID_DIGEST " +
	"ERR_CRYPTO_INVALID_JWK ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE ERR_CRYPTO_INVALID_STATE " +
	"ERR_CRYPTO_PBKDF2_ERROR ERR_CRYPTO_SCRYPT_INVALID_PARAMETER " +
	"ERR_CRYPTO_SCRYPT_NOT_SUPPORTED ERR_CRYPTO_SIGN_KEY_REQUIRED ERR_DEBUGGER_ERROR " +
	"ERR_DEBUGGER_STARTUP_ERROR ERR_DIR_CLOSED ERR_DIR_CONCURRENT_OPERATION " +
	"ERR_DNS_SET_SERVERS_FAILED ERR_DOMAIN_CALLBACK_NOT_AVAILABLE " +
	"ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE " +
	"ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION ERR_ENCODING_INVALID_ENCODED_DATA " +
	"ERR_ENCODING_NOT_SUPPORTED ERR_EVAL_ESM_CANNOT_PRINT ERR_EVENT_RECURSION " +
	"ERR_FALSY_VALUE_REJECTION ERR_FEATURE_UNAVAILABLE_ON_PLATFORM ERR_FS_CP_DIR_TO_NON_DIR " +
	"ERR_FS_CP_EEXIST ERR_FS_CP_EINVAL ERR_FS_CP_FIFO_PIPE ERR_FS_CP_NON_DIR_TO_DIR " +
	"ERR_FS_CP_SOCKET ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY ERR_FS_CP_UNKNOWN ERR_FS_EISDIR " +
	"ERR_FS_FILE_TOO_LARGE ERR_FS_INVALID_SYMLINK_TYPE ERR_HTTP2_ALTSVC_INVALID_ORIGIN " +
	"ERR_HTTP2_ALTSVC_LENGTH ERR_HTTP2_CONNECT_AUTHORITY ERR_HTTP2_CONNECT_PATH " +
	"ERR_HTTP2_CONNECT_SCHEME ERR_HTTP2_GOAWAY_SESSION ERR_HTTP2_HEADERS_AFTER_RESPOND " +
	"ERR_HTTP2_HEADERS_SENT ERR_HTTP2_HEADER_SINGLE_VALUE ERR_HTTP2_INFO_STATUS_NOT_ALLOWED " +
	"ERR_HTTP2_INVALID_CONNECTION_HEADERS ERR_HTTP2_INVALID_HEADER_VALUE " +
	"ERR_HTTP2_INVALID_INFO_STATUS ERR_HTTP2_INVALID_ORIGIN " +
	"ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH ERR_HTTP2_INVALID_PSEUDOHEADER " +
	"ERR_HTTP2_INVALID_SESSION ERR_HTTP2_INVALID_SETTING_VALUE ERR_HTTP2_INVALID_STREAM " +
	"ERR_HTTP2_MAX_PENDING_SETTINGS_ACK ERR_HTTP2_NESTED_PUSH ERR_HTTP2_NO_MEM " +
	"ERR_HTTP2_NO_SOCKET_MANIPULATION ERR_HTTP2_ORIGIN_LENGTH ERR_HTTP2_OUT_OF_STREAMS " +
	"ERR_HTTP2_PAYLOAD_FORBIDDEN ERR_HTTP2_PING_CANCEL ERR_HTTP2_PING_LENGTH " +
	"ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED ERR_HTTP2_PUSH_DISABLED ERR_HTTP2_SEND_FILE " +
	"ERR_HTTP2_SEND_FILE_NOSEEK ERR_HTTP2_SESSION_ERROR ERR_HTTP2_SETTINGS_CANCEL " +
	"ERR_HTTP2_SOCKET_BOUND ERR_HTTP2_SOCKET_UNBOUND ERR_HTTP2_STATUS_101 " +
	"ERR_HTTP2_STATUS_INVALID ERR_HTTP2_STREAM_CANCEL ERR_HTTP2_STREAM_ERROR " +
	"ERR_HTTP2_STREAM_SELF_DEPENDENCY ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS " +
	"ERR_HTTP2_TOO_MANY_INVALID_FRAMES ERR_HTTP2_TRAILERS_ALREADY_SENT " +
	"ERR_HTTP2_TRAILERS_NOT_READY ERR_HTTP2_UNSUPPORTED_PROTOCOL ERR_HTTP_BODY_NOT_ALLOWED " +
	"ERR_HTTP_CONTENT_LENGTH_MISMATCH ERR_HTTP_HEADERS_SENT ERR_HTTP_INVALID_HEADER_VALUE " +
	"ERR_HTTP_INVALID_STATUS_CODE ERR_HTTP_REQUEST_TIMEOUT ERR_HTTP_SOCKET_ASSIGNED " +
	"ERR_HTTP_SOCKET_ENCODING ERR_HTTP_TRAILER_INVALID ERR_ILLEGAL_CONSTRUCTOR " +
	"ERR_IMPORT_ASSERTION_TYPE_FAILED ERR_IMPORT_ASSERTION_TYPE_MISSING " +
	"ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED ERR_IMPORT_ATTRIBUTE_UNSUPPORTED " +
	"ERR_INCOMPATIBLE_OPTION_PAIR ERR_INPUT_TYPE_NOT_ALLOWED ERR_INSPECTOR_ALREADY_ACTIVATED " +
	"ERR_INSPECTOR_ALREADY_CONNECTED ERR_INSPECTOR_CLOSED ERR_INSPECTOR_COMMAND " +
	"ERR_INSPECTOR_NOT_ACTIVE ERR_INSPECTOR_NOT_AVAILABLE ERR_INSPECTOR_NOT_CONNECTED " +
	"ERR_INSPECTOR_NOT_WORKER ERR_INTERNAL_ASSERTION ERR_INVALID_ADDRESS_FAMILY " +
	"ERR_INVALID_ARG_TYPE ERR_INVALID_ARG_VALUE ERR_INVALID_ASYNC_ID ERR_INVALID_BUFFER_SIZE " +
	"ERR_INVALID_CHAR ERR_INVALID_CURSOR_POS ERR_INVALID_FD ERR_INVALID_FD_TYPE " +
	"ERR_INVALID_FILE_URL_HOST ERR_INVALID_FILE_URL_PATH ERR_INVALID_HANDLE_TYPE " +
	"ERR_INVALID_HTTP_TOKEN ERR_INVALID_IP_ADDRESS ERR_INVALID_MIME_SYNTAX " +
	"ERR_INVALID_MODULE_SPECIFIER ERR_INVALID_PACKAGE_CONFIG ERR_INVALID_PACKAGE_TARGET " +
	"ERR_INVALID_PROTOCOL ERR_INVALID_REPL_EVAL_CONFIG ERR_INVALID_REPL_INPUT " +
	"ERR_INVALID_RETURN_PROPERTY ERR_INVALID_RETURN_PROPERTY_VALUE ERR_INVALID_RETURN_VALUE " +
	"ERR_INVALID_STATE ERR_INVALID_SYNC_FORK_INPUT ERR_INVALID_THIS ERR_INVALID_TUPLE " +
	"ERR_INVALID_URI ERR_INVALID_URL ERR_INVALID_URL_SCHEME ERR_IPC_CHANNEL_CLOSED " +
	"ERR_IPC_DISCONNECTED ERR_IPC_ONE_PIPE ERR_IPC_SYNC_FORK ERR_LOADER_CHAIN_INCOMPLETE " +
	"ERR_MANIFEST_ASSERT_INTEGRITY ERR_MANIFEST_DEPENDENCY_MISSING " +
	"ERR_MANIFEST_INTEGRITY_MISMATCH ERR_MANIFEST_INVALID_RESOURCE_FIELD " +
	"ERR_MANIFEST_INVALID_SPECIFIER ERR_MANIFEST_TDZ ERR_MANIFEST_UNKNOWN_ONERROR " +
	"ERR_METHOD_NOT_IMPLEMENTED ERR_MISSING_ARGS ERR_MISSING_OPTION ERR_MODULE_NOT_FOUND " +
	"ERR_MULTIPLE_CALLBACK ERR_NAPI_CONS_FUNCTION ERR_NAPI_INVALID_DATAVIEW_ARGS " +
	"ERR_NAPI_INVALID_TYPEDARRAY_ALIGNMENT ERR_NAPI_INVALID_TYPEDARRAY_LENGTH " +
	"ERR_NETWORK_IMPORT_BAD_RESPONSE ERR_NETWORK_IMPORT_DISALLOWED ERR_NOT_BUILDING_SNAPSHOT " +
	"ERR_NOT_IN_SINGLE_EXECUTABLE_APPLICATION ERR_NOT_SUPPORTED_IN_SNAPSHOT ERR_NO_CRYPTO " +
	"ERR_NO_ICU ERR_OPERATION_FAILED ERR_OUT_OF_RANGE ERR_PACKAGE_IMPORT_NOT_DEFINED " +
	"ERR_PACKAGE_PATH_NOT_EXPORTED ERR_PARSE_ARGS_INVALID_OPTION_VALUE " +
	"ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL ERR_PARSE_ARGS_UNKNOWN_OPTION " +
	"ERR_PERFORMANCE_INVALID_TIMESTAMP ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS " +
	"ERR_REQUIRE_ASYNC_MODULE ERR_REQUIRE_CYCLE_MODULE ERR_REQUIRE_ESM " +
	"ERR_SCRIPT_EXECUTION_INTERRUPTED ERR_SERVER_ALREADY_LISTEN ERR_SERVER_NOT_RUNNING " +
	"ERR_SINGLE_EXECUTABLE_APPLICATION_ASSET_NOT_FOUND ERR_SOCKET_ALREADY_BOUND " +
	"ERR_SOCKET_BAD_BUFFER_SIZE ERR_SOCKET_BAD_PORT ERR_SOCKET_BAD_TYPE ERR_SOCKET_BUFFER_SIZE " +
	"ERR_SOCKET_CLOSED ERR_SOCKET_CLOSED_BEFORE_CONNECTION ERR_SOCKET_CONNECTION_TIMEOUT " +
	"ERR_SOCKET_DGRAM_IS_CONNECTED ERR_SOCKET_DGRAM_NOT_CONNECTED ERR_SOCKET_DGRAM_NOT_RUNNING " +
	"ERR_SRI_PARSE ERR_STREAM_ALREADY_FINISHED ERR_STREAM_CANNOT_PIPE ERR_STREAM_DESTROYED " +
	"ERR_STREAM_NULL_VALUES ERR_STREAM_PREMATURE_CLOSE ERR_STREAM_PUSH_AFTER_EOF " +
	"ERR_STREAM_UNSHIFT_AFTER_END_EVENT ERR_STREAM_WRAP ERR_STREAM_WRITE_AFTER_END " +
	"ERR_SYNTHETIC ERR_SYSTEM_ERROR ERR_TEST_FAILURE ERR_TLS_ALPN_CALLBACK_INVALID_RESULT " +
	"ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS ERR_TLS_CERT_ALTNAME_FORMAT " +
	"ERR_TLS_CERT_ALTNAME_INVALID ERR_TLS_DH_PARAM_SIZE ERR_TLS_HANDSHAKE_TIMEOUT " +
	"ERR_TLS_INVALID_CONTEXT ERR_TLS_INVALID_PROTOCOL_VERSION ERR_TLS_INVALID_STATE " +
	"ERR_TLS_PROTOCOL_VERSION_CONFLICT ERR_TLS_RENEGOTIATION_DISABLED " +
	"ERR_TLS_REQUIRED_SERVER_NAME ERR_TLS_SESSION_ATTACK ERR_TLS_SNI_FROM_SERVER " +
	"ERR_TRACE_EVENTS_CATEGORY_REQUIRED ERR_TRACE_EVENTS_UNAVAILABLE ERR_TTY_INIT_FAILED " +
	"ERR_UNAVAILABLE_DURING_EXIT ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET " +
	"ERR_UNESCAPED_CHARACTERS ERR_UNHANDLED_ERROR ERR_UNKNOWN_BUILTIN_MODULE " +
	"ERR_UNKNOWN_CREDENTIAL ERR_UNKNOWN_ENCODING ERR_UNKNOWN_FILE_EXTENSION " +
	"ERR_UNKNOWN_MODULE_FORMAT ERR_UNKNOWN_SIGNAL ERR_UNSUPPORTED_DIR_IMPORT " +
	"ERR_UNSUPPORTED_ESM_URL_SCHEME ERR_UNSUPPORTED_RESOLVE_REQUEST ERR_USE_AFTER_CLOSE " +
	"ERR_VALID_PERFORMANCE_ENTRY_TYPE ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING " +
	"ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG ERR_VM_MODULE_ALREADY_LINKED " +
	"ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA ERR_VM_MODULE_DIFFERENT_CONTEXT " +
	"ERR_VM_MODULE_LINK_FAILURE ERR_VM_MODULE_NOT_MODULE ERR_VM_MODULE_STATUS " +
	"ERR_WASI_ALREADY_STARTED ERR_WEBASSEMBLY_RESPONSE ERR_WORKER_INIT_FAILED " +
	"ERR_WORKER_INVALID_EXEC_ARGV ERR_WORKER_MESSAGING_ERRORED ERR_WORKER_MESSAGING_FAILED " +
	"ERR_WORKER_MESSAGING_SAME_THREAD ERR_WORKER_MESSAGING_TIMEOUT ERR_WORKER_NOT_RUNNING " +
	"ERR_WORKER_OUT_OF_MEMORY ERR_WORKER_PATH ERR_WORKER_UNSERIALIZABLE_ERROR " +
	"ERR_WORKER_UNSUPPORTED_OPERATION "
